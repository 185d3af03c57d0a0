/* test-demo-disclosures.c — the demo's disclosures: lawful, numbered, published as they say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `civicdesk-server demo --cases 20 --disclosures 300` against the real
 * service at 2026-03-20 10:00: the disclosures end in every state, about
 * 70 % of them published; every number an organ gave is in order from 1;
 * the public directory lists what was published and nothing else, and
 * nothing it publishes holds personal data the privacy lint blocks unless
 * a reviewer acknowledged it; the same seed gives the same directory; the
 * cases and accounts are those of a demo without disclosures; what
 * was scheduled for the afternoon is published once the service gets
 * there; and its requests for information stand at every step, each
 * reply issued in time.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "civic-disclosure-gate.h"
#include "civic-privacy-lint.h"
#include "civic-test-service.h"

#define DEMO_CASES 20
#define DEMO_SEED  7

static const char * const demo_args[] = { "--disclosures", "300", "--messages", "0", NULL };

static CivicTestService *service;
static GHashTable *entities;     /* "type/id" → every record's data */
static GHashTable *disclosures;  /* id → JsonObject, borrowed from @entities */

static void
pull (void)
{
  GHashTableIter iter;
  gpointer key, value;

  g_clear_pointer (&entities, g_hash_table_unref);
  g_clear_pointer (&disclosures, g_hash_table_unref);
  entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_node_unref);
  disclosures = g_hash_table_new (g_str_hash, g_str_equal);
  civic_test_read_all (service, entities);

  g_hash_table_iter_init (&iter, entities);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "disclosure/"))
      g_hash_table_insert (disclosures, (char *) key + strlen ("disclosure/"),
                           json_node_get_object (value));
}

static const char *
state_of (JsonObject *disclosure)
{
  return json_object_get_string_member (disclosure, "state");
}

static gboolean
is_public (JsonObject *disclosure)
{
  return g_str_equal (state_of (disclosure), "published") ||
         g_str_equal (state_of (disclosure), "expired");
}

/* The public side, waiting when its rate limit says so */
static JsonNode *
public_get (CivicTestService *from,
            const char       *path)
{
  for (guint attempt = 0;; attempt++)
    {
      guint status = 0;
      JsonNode *node = civic_test_request (from, "GET", path, NULL, NULL, &status);

      if (status == 429 && attempt < 400)
        {
          g_clear_pointer (&node, json_node_unref);
          g_usleep (60 * 1000);
          continue;
        }
      g_assert_cmpuint (status, ==, 200);
      return node;
    }
}

/* Every page of the directory: the ids, in order; its JSON appended to
 * @text */
static GPtrArray *
directory (CivicTestService *from,
           const char       *query,
           GString          *text)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  gint64 total = -1;

  for (guint page = 1; total < 0 || ids->len < total; page++)
    {
      g_autofree char *path = g_strdup_printf ("/public/v1/disclosures?per_page=50&page=%u%s", page,
                                               query);
      g_autoptr(JsonNode) node = public_get (from, path);
      JsonObject *list = json_node_get_object (node);
      JsonArray *items = json_object_get_array_member (list, "items");

      total = json_object_get_int_member (list, "total");
      g_assert_cmpuint (json_array_get_length (items), >, 0);
      for (guint i = 0; i < json_array_get_length (items); i++)
        g_ptr_array_add (ids, g_strdup (json_object_get_string_member (json_array_get_object_element (items, i),
                                                                       "id")));
      if (text != NULL)
        {
          g_autofree char *json = json_to_string (node, FALSE);

          g_string_append (text, json);
        }
    }
  g_assert_cmpuint (ids->len, ==, total);
  return ids;
}

static guint
count_state (const char *state)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_hash_table_iter_init (&iter, disclosures);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (g_str_equal (state_of (value), state))
      n++;
  return n;
}

static gboolean
acknowledged (JsonObject *disclosure,
              const char *key)
{
  JsonArray *acknowledgements = json_object_get_array_member (disclosure, "acknowledgements");

  for (guint i = 0; i < json_array_get_length (acknowledgements); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (acknowledgements, i),
                                                  "key"), key) == 0)
      return TRUE;
  return FALSE;
}

/* The findings of the head text that block publishing and nobody let
 * through */
static guint
unacknowledged_blocking (JsonObject *disclosure)
{
  JsonArray *findings = json_object_get_array_member (disclosure, "findings");
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);

      if (g_str_equal (json_object_get_string_member (finding, "severity"), "block") &&
          !acknowledged (disclosure, json_object_get_string_member (finding, "key")))
        n++;
    }
  return n;
}

/* Seven states, seven in ten published, the rest on their way: drafts,
 * reviews at both of 湖南省市场监督管理局's levels, approvals, and
 * publications scheduled for this afternoon */
static void
test_states (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (CIVIC_TEST_NOW, NULL);
  static const char * const states[] = { "draft", "in-review", "approved", "scheduled", "published",
                                         "withdrawn", "expired" };
  guint total = g_hash_table_size (disclosures);
  guint public = count_state ("published") + count_state ("withdrawn") + count_state ("expired");
  guint second_level = 0, long_histories = 0, personal = 0;
  GHashTableIter iter;
  gpointer value;

  g_assert_cmpuint (total, ==, 300);
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      g_test_message ("%s: %u", states[i], count_state (states[i]));
      g_assert_cmpuint (count_state (states[i]), >=, 1);
    }
  g_assert_cmpuint (public * 100, >=, total * 62);
  g_assert_cmpuint (public * 100, <=, total * 78);
  g_assert_cmpuint (count_state ("published") * 100, >=, total * 50);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpuint (count_state (states[i]) * 100, <=, total * 15);

  g_hash_table_iter_init (&iter, disclosures);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      JsonObject *disclosure = value;
      guint versions = json_array_get_length (json_object_get_array_member (disclosure, "versions"));

      /* one to six saved texts */
      g_assert_cmpuint (versions, >=, 1);
      g_assert_cmpuint (versions, <=, 6);
      long_histories += versions >= 4;

      if (g_str_equal (state_of (disclosure), "in-review") &&
          json_object_get_int_member (disclosure, "review_level") == 1)
        {
          g_assert_cmpstr (json_object_get_string_member (disclosure, "department_id"), ==, "scjg");
          second_level++;
        }

      /* for the next minutes and hours, by the service's due jobs */
      if (g_str_equal (state_of (disclosure), "scheduled"))
        {
          g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (json_object_get_string_member (disclosure,
                                                                                                  "publish_at"),
                                                                   NULL);
          GTimeSpan ahead = g_date_time_difference (at, now);

          g_assert_cmpint (ahead, >, 0);
          g_assert_cmpint (ahead, <=, 4 * G_TIME_SPAN_HOUR);
        }

      /* personal data the lint blocks is in drafts and reviews only */
      if (unacknowledged_blocking (disclosure) > 0)
        {
          personal++;
          g_assert_true (g_str_equal (state_of (disclosure), "draft") ||
                         g_str_equal (state_of (disclosure), "in-review"));
        }
    }
  g_assert_cmpuint (second_level, >=, 1);
  g_assert_cmpuint (long_histories, >=, 10);
  /* about one in fifty */
  g_assert_cmpuint (personal, >=, 3);
  g_assert_cmpuint (personal, <=, 12);
}

static char *
index_code (const char *organ)
{
  g_autofree char *key = g_strconcat ("department/", organ, NULL);
  JsonNode *department = g_hash_table_lookup (entities, key);
  JsonObject *policy;

  g_assert_nonnull (department);
  if (json_object_has_member (json_node_get_object (department), "disclosure"))
    {
      policy = json_object_get_object_member (json_node_get_object (department), "disclosure");
      if (json_object_has_member (policy, "index_code"))
        return g_strdup (json_object_get_string_member (policy, "index_code"));
    }
  return g_ascii_strup (organ, -1);
}

static int
compare_numbers (gconstpointer a,
                 gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* 索引号: the organ's code, the year, a count from 1 that never skips
 * (OGI Art. 12) */
static void
test_index_numbers (void)
{
  g_autoptr(GHashTable) sequences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify) g_array_unref);
  GHashTableIter iter;
  gpointer key, value;
  guint numbered = 0;

  g_hash_table_iter_init (&iter, disclosures);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      JsonObject *disclosure = value;
      const char *organ = json_object_get_string_member (disclosure, "department_id");
      const char *number = json_object_get_string_member_with_default (disclosure, "index_number", NULL);
      const char *state = state_of (disclosure);
      g_autofree char *code = index_code (organ);
      g_autofree char *prefix = g_strconcat (code, "/", NULL);
      g_auto(GStrv) parts = NULL;
      GArray *sequence;

      if (!g_str_equal (state, "draft") && !g_str_equal (state, "in-review"))
        g_assert_nonnull (number);
      if (number == NULL)
        continue;
      numbered++;
      g_assert_true (g_str_has_prefix (number, prefix));
      parts = g_strsplit (number + strlen (prefix), "-", -1);
      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      g_assert_cmpuint (strlen (parts[0]), ==, 4);
      g_assert_cmpuint (strlen (parts[1]), ==, 5);

      key = g_strconcat (organ, "/", parts[0], NULL);
      sequence = g_hash_table_lookup (sequences, key);
      if (sequence == NULL)
        {
          sequence = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (sequences, g_strdup (key), sequence);
        }
      g_free (key);
      {
        guint n = (guint) g_ascii_strtoull (parts[1], NULL, 10);

        g_array_append_val (sequence, n);
      }
    }

  g_assert_cmpuint (numbered, >=, 200);
  g_hash_table_iter_init (&iter, sequences);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *sequence = value;

      g_array_sort (sequence, compare_numbers);
      for (guint i = 0; i < sequence->len; i++)
        if (g_array_index (sequence, guint, i) != i + 1)
          g_error ("%s: number %u where %u was due", (char *) key, g_array_index (sequence, guint, i),
                   i + 1);
    }
}

/* The directory lists what is published or expired, newest first, and
 * the withdrawn ones' notices apart; never a draft, a review, an approval
 * or a schedule. An interpretation and its document link to each other. */
static void
test_public_directory (void)
{
  g_autoptr(GPtrArray) current = directory (service, "", NULL);
  g_autoptr(GPtrArray) withdrawn = directory (service, "&state=withdrawn", NULL);
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;
  guint interpretations = 0;

  g_assert_cmpuint (current->len, ==, count_state ("published") + count_state ("expired"));
  g_assert_cmpuint (withdrawn->len, ==, count_state ("withdrawn"));
  for (guint i = 0; i < current->len; i++)
    {
      JsonObject *disclosure = g_hash_table_lookup (disclosures, g_ptr_array_index (current, i));

      g_assert_nonnull (disclosure);
      g_assert_true (is_public (disclosure));
      g_hash_table_add (listed, g_ptr_array_index (current, i));
    }
  for (guint i = 0; i < withdrawn->len; i++)
    g_assert_cmpstr (state_of (g_hash_table_lookup (disclosures, g_ptr_array_index (withdrawn, i))), ==,
                     "withdrawn");

  g_hash_table_iter_init (&iter, disclosures);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      JsonObject *disclosure = value;
      const char *document = json_object_get_string_member_with_default (disclosure, "interpretation_of",
                                                                         NULL);
      g_autofree char *path = NULL;
      g_autoptr(JsonNode) node = NULL;
      JsonArray *linked;
      gboolean found = FALSE;

      if (!is_public (disclosure))
        g_assert_false (g_hash_table_contains (listed, key));
      /* A document lists the interpretations that stand */
      if (document == NULL || !g_str_equal (state_of (disclosure), "published") ||
          !is_public (g_hash_table_lookup (disclosures, document)))
        continue;

      path = g_strconcat ("/public/v1/disclosures/", document, NULL);
      node = public_get (service, path);
      linked = json_object_get_array_member (json_node_get_object (node), "interpretations");
      for (guint i = 0; i < json_array_get_length (linked) && !found; i++)
        {
          JsonNode *entry = json_array_get_element (linked, i);
          const char *id = JSON_NODE_HOLDS_OBJECT (entry)
                           ? json_object_get_string_member (json_node_get_object (entry), "id")
                           : json_node_get_string (entry);

          found = g_strcmp0 (id, key) == 0;
        }
      g_assert_true (found);
      interpretations++;
    }
  g_assert_cmpuint (interpretations, >=, 3);
}

/* Normative documents carry their numbers, and some were repealed by a
 * later one */
static void
test_normative (void)
{
  g_autoptr(GRegex) number = g_regex_new ("^\\S+〔20[0-9][0-9]〕[0-9]+号$", 0, 0, NULL);
  GHashTableIter iter;
  gpointer value;
  guint in_force = 0, repealed = 0;

  g_hash_table_iter_init (&iter, disclosures);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      JsonObject *disclosure = value;
      const char *validity = json_object_get_string_member (disclosure, "validity");

      if (!json_object_get_boolean_member (disclosure, "normative"))
        {
          g_assert_cmpstr (validity, ==, "none");
          continue;
        }
      g_assert_true (g_regex_match (number, json_object_get_string_member (disclosure, "document_number"),
                                    0, NULL));
      in_force += g_str_equal (validity, "in-force");
      if (g_str_equal (validity, "repealed"))
        {
          repealed++;
          g_assert_nonnull (strstr (json_object_get_string_member (disclosure, "repealed_by"), "号"));
        }
    }
  g_assert_cmpuint (in_force, >=, 10);
  g_assert_cmpuint (repealed, >=, 1);
}

/* What the public reads holds no finding the lint blocks but those a
 * reviewer let through, with a ground */
static void
test_no_personal_data_published (void)
{
  g_autoptr(CivicPrivacyLint) lint = civic_privacy_lint_new ();
  g_autoptr(GPtrArray) current = directory (service, "", NULL);
  guint let_through = 0;

  for (guint i = 0; i < current->len; i++)
    {
      const char *id = g_ptr_array_index (current, i);
      g_autofree char *path = g_strconcat ("/public/v1/disclosures/", id, NULL);
      g_autoptr(JsonNode) node = public_get (service, path);
      const char *body = json_object_get_string_member (json_node_get_object (node), "body");
      g_autoptr(GPtrArray) findings = civic_privacy_lint_scan (lint, body, -1);

      g_assert_cmpuint (strlen (body), >, 100);
      for (guint j = 0; j < findings->len; j++)
        {
          CivicPrivacyFinding *finding = g_ptr_array_index (findings, j);
          g_autofree char *key = NULL;

          if (finding->severity != CIVIC_PRIVACY_SEVERITY_BLOCK)
            continue;
          key = civic_disclosure_finding_key (id, finding);
          if (!acknowledged (g_hash_table_lookup (disclosures, id), key))
            g_error ("%s publishes “%s” (%s), which nobody acknowledged", id, finding->text,
                     civic_privacy_kind_get_label (finding->kind));
          let_through++;
        }
    }
  /* an office's duty mobile, acknowledged as its contact */
  g_assert_cmpuint (let_through, >=, 1);
}

/* The same seed and the same "now" give the same public directory */
static void
test_deterministic (void)
{
  g_autoptr(CivicTestService) again = civic_test_service_new_demo_with (DEMO_CASES, DEMO_SEED, demo_args);
  g_autoptr(GString) first = g_string_new (NULL);
  g_autoptr(GString) second = g_string_new (NULL);
  g_autoptr(GPtrArray) first_ids = directory (service, "", first);
  g_autoptr(GPtrArray) second_ids = directory (again, "", second);
  g_autoptr(GPtrArray) first_withdrawn = directory (service, "&state=withdrawn", first);
  g_autoptr(GPtrArray) second_withdrawn = directory (again, "&state=withdrawn", second);

  g_assert_cmpuint (first_ids->len, ==, second_ids->len);
  g_assert_cmpstr (first->str, ==, second->str);
  civic_test_service_stop (again);
  civic_test_remove_tree (again->data_dir);
}

/* The cases, hearings, accounts and the rest are those a demo without
 * disclosures makes from the same seed */
static void
test_cases_unchanged (void)
{
  g_autoptr(CivicTestService) without = civic_test_service_new_demo (DEMO_CASES, DEMO_SEED);
  g_autoptr(GHashTable) theirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) json_node_unref);
  GHashTableIter iter;
  gpointer key, value;
  guint compared = 0, cases = 0;

  civic_test_read_all (without, theirs);
  g_hash_table_iter_init (&iter, entities);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      JsonNode *other;
      g_autofree char *mine = NULL;
      g_autofree char *its = NULL;

      if (g_str_has_prefix (key, "disclosure/") || g_str_has_prefix (key, "disclosure-request/"))
        continue;
      other = g_hash_table_lookup (theirs, key);
      if (other == NULL)
        g_error ("%s is not in the demo without disclosures", (char *) key);
      mine = json_to_string (value, FALSE);
      its = json_to_string (other, FALSE);
      g_assert_cmpstr (mine, ==, its);
      compared++;
      cases += g_str_has_prefix (key, "case/");
    }
  g_assert_cmpuint (compared, ==, g_hash_table_size (theirs));
  g_assert_cmpuint (cases, >=, DEMO_CASES);
  civic_test_service_stop (without);
  civic_test_remove_tree (without->data_dir);
}

/* At 14:05 every publication scheduled for the afternoon has been made by
 * the service's due jobs, as it started */
static void
test_scheduled_published_when_due (void)
{
  g_autoptr(GPtrArray) scheduled = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) current = NULL;
  guint before = count_state ("published") + count_state ("expired");
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, disclosures);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_equal (state_of (value), "scheduled"))
      g_ptr_array_add (scheduled, g_strdup (key));
  g_assert_cmpuint (scheduled->len, >, 0);

  civic_test_service_stop (service);
  g_setenv ("CIVICDESK_NOW", "2026-03-20T14:05:00+08:00", TRUE);
  civic_test_service_start (service);
  pull ();

  for (guint i = 0; i < scheduled->len; i++)
    g_assert_cmpstr (state_of (g_hash_table_lookup (disclosures, g_ptr_array_index (scheduled, i))), ==,
                     "published");
  current = directory (service, "", NULL);
  g_assert_cmpuint (current->len, ==, before + scheduled->len);
  g_setenv ("CIVICDESK_NOW", CIVIC_TEST_NOW, TRUE);
}

/* The demo's requests for information: the demo department has one at
 * every step; each reply was issued by the rules, in time, as a numbered
 * document the applicant downloads by the receipt; the notices of a
 * correction, an extension and a consultation are there too */
static void
test_requests (void)
{
  g_autoptr(GHashTable) states = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;
  guint replied = 0, corrections = 0, extensions = 0, consultations = 0, checked = 0;

  g_hash_table_iter_init (&iter, entities);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      JsonObject *request = json_node_get_object (value);
      const char *state;

      if (!g_str_has_prefix (key, "disclosure-request/"))
        continue;
      state = json_object_get_string_member (request, "state");
      if (g_strcmp0 (json_object_get_string_member (request, "department_id"), "scjg") == 0)
        g_hash_table_add (states, (gpointer) state);
      g_assert_nonnull (json_object_get_string_member (request, "receipt"));
      if (json_object_has_member (request, "correction") &&
          !json_object_get_null_member (request, "correction"))
        corrections++;
      if (json_object_has_member (request, "extension") &&
          !json_object_get_null_member (request, "extension"))
        extensions++;
      if (json_object_has_member (request, "consultations"))
        consultations += json_array_get_length (json_object_get_array_member (request,
                                                                              "consultations"));

      if (g_str_equal (state, "replied"))
        {
          const char *received_on = json_object_get_string_member (request, "received_on");
          const char *replied_on = json_object_get_string_member (request, "replied_on");
          const char *due_on = json_object_get_string_member (request, "due_on");

          replied++;
          g_assert_nonnull (json_object_get_string_member (request, "reply_document_id"));
          g_assert_cmpstr (received_on, <=, replied_on);
          /* In time: the twenty working days, an extension, the
           * consultation's time not counted (Arts. 33, 32) */
          g_assert_cmpstr (replied_on, <=, due_on);

          /* The applicant's view by the receipt: the reply, numbered */
          if (checked < 5)
            {
              g_autofree char *path = g_strconcat ("/public/v1/disclosure-requests/",
                                                   json_object_get_string_member (request,
                                                                                  "receipt"),
                                                   NULL);
              guint status;
              g_autoptr(JsonNode) answer = civic_test_request (service, "GET", path, NULL, NULL,
                                                               &status);
              JsonObject *shown;

              g_assert_cmpuint (status, ==, 200);
              shown = json_node_get_object (answer);
              g_assert_cmpstr (json_object_get_string_member (shown, "state"), ==, "replied");
              g_assert_nonnull (strstr (json_object_get_string_member (shown, "reply_number"),
                                        "〔"));
              g_assert_cmpuint (json_array_get_length (json_object_get_array_member (shown,
                                                                                     "documents")),
                                >=, 1);
              checked++;
            }
        }
    }

  for (guint s = 0; s < 7; s++)
    {
      static const char * const every[] = { "received", "correction-requested", "in-progress",
                                             "consulting", "replied", "abandoned", "withdrawn" };

      if (!g_hash_table_contains (states, every[s]))
        g_error ("The demo department has no request %s", every[s]);
    }
  g_test_message ("%u replied, %u corrections, %u extensions, %u consultations", replied,
                  corrections, extensions, consultations);
  g_assert_cmpuint (replied, >=, 20);
  g_assert_cmpuint (corrections, >=, 3);
  g_assert_cmpuint (extensions, >=, 1);
  g_assert_cmpuint (consultations, >=, 2);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  service = civic_test_service_new_demo_with (DEMO_CASES, DEMO_SEED, demo_args);
  pull ();

  g_test_add_func ("/demo-disclosures/states", test_states);
  g_test_add_func ("/demo-disclosures/index-numbers", test_index_numbers);
  g_test_add_func ("/demo-disclosures/public-directory", test_public_directory);
  g_test_add_func ("/demo-disclosures/normative", test_normative);
  g_test_add_func ("/demo-disclosures/no-personal-data-published", test_no_personal_data_published);
  g_test_add_func ("/demo-disclosures/deterministic", test_deterministic);
  g_test_add_func ("/demo-disclosures/cases-unchanged", test_cases_unchanged);
  g_test_add_func ("/demo-disclosures/scheduled-published-when-due", test_scheduled_published_when_due);
  g_test_add_func ("/demo-disclosures/requests", test_requests);

  status = g_test_run ();

  g_clear_pointer (&disclosures, g_hash_table_unref);
  g_clear_pointer (&entities, g_hash_table_unref);
  civic_test_service_free (service);
  return status;
}
