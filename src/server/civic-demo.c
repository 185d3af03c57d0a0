/* civic-demo.c — a service full of realistic, deterministic demo data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-demo"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"
#include <glib/gstdio.h>

#include "civic-accounts.h"
#include "civic-audit.h"
#include "civic-calendar-records.h"
#include "civic-case-records.h"
#include "civic-core-enums.h"
#include "civic-demo.h"
#include "civic-demo-disclosures.h"
#include "civic-demo-campaigns.h"
#include "civic-demo-messages.h"
#include "civic-open311.h"
#include "civic-disclosure.h"
#include "civic-documents.h"
#include "civic-entity.h"
#include "civic-hearing-kind.h"
#include "civic-hearing-records.h"
#include "civic-commands.h"
#include "civic-intake.h"
#include "civic-item-records.h"
#include "civic-json.h"
#include "civic-id-numbers.h"
#include "civic-room-records.h"
#include "civic-server-db.h"
#include "civic-time.h"
#include "civic-workflow.h"

/* The demo is a province's service hall as it stands today: the provincial
 * departments, their catalogue, officials in every role, and cases that
 * came in over 2025–2026. Each case is lived through rather than made up:
 * from its receipt, officials act on it after realistic delays, through
 * the same workflow the service enforces, until the next step would lie
 * in the future. So every history is lawful, and the cases end up in
 * every state and every clock colour. The same seed (and the same "now",
 * see CIVICDESK_NOW) gives the same data. */

#define PHRASE_DAYS_MAX 400

typedef struct
{
  CivicActor *clerk;
  CivicActor *examiners[2];
  CivicActor *approver;
  CivicActor *officers[2];
  /* Information disclosure (信息公开): an editor, two reviewers, the head
   * of the disclosure office */
  CivicActor *editor;
  CivicActor *reviewers[2];
  CivicActor *head;
  /* Citizens' messages (互动交流): a complaint handler, a reviewer of
   * replies */
  CivicActor *handler;
  CivicActor *message_reviewer;
  /* The catalogue (事项目录): its editor and its reviewer */
  CivicActor *catalogue_editor;
  CivicActor *catalogue_reviewer;
} Staff;

typedef struct
{
  const CivicDemoOptions *options;
  GRand                  *rand;
  CivicDb                *db;
  CivicCalendar          *calendar;
  GDateTime              *now;
  CivicDay                today;
  CivicDay                first_day;

  JsonNode               *departments;
  JsonNode               *items;
  JsonNode               *rooms;
  JsonNode               *phrases;
  JsonNode               *people;

  GHashTable             *staff;     /* department id → Staff */
  GHashTable             *names;     /* department id → name */
  GPtrArray              *weighted_items;
  GPtrArray              *published_items;  /* JsonNode, keeping the weighted ones alive */
  char                   *password_hash;
  guint                   state_counts[CIVIC_CASE_STATE_CLOSED + 1];
  guint                   hearing_counts[CIVIC_HEARING_STATE_WITHDRAWN + 1];
  guint                   disclosure_counts[CIVIC_N_DISCLOSURE_STATES];
  guint                   request_counts[CIVIC_N_DISCLOSURE_REQUEST_STATES];
  guint                   message_counts[CIVIC_N_MESSAGE_STATES];
  guint                   n_ratings;
  guint                   n_campaigns;
  CivicActor             *dispatcher;
  GHashTable             *bookings;  /* "who-or-room|day|half", taken */
} Demo;

static void
staff_free (Staff *staff)
{
  civic_actor_free (staff->clerk);
  civic_actor_free (staff->examiners[0]);
  civic_actor_free (staff->examiners[1]);
  civic_actor_free (staff->approver);
  civic_actor_free (staff->officers[0]);
  civic_actor_free (staff->officers[1]);
  g_clear_pointer (&staff->editor, civic_actor_free);
  g_clear_pointer (&staff->reviewers[0], civic_actor_free);
  g_clear_pointer (&staff->reviewers[1], civic_actor_free);
  g_clear_pointer (&staff->head, civic_actor_free);
  g_clear_pointer (&staff->handler, civic_actor_free);
  g_clear_pointer (&staff->message_reviewer, civic_actor_free);
  g_clear_pointer (&staff->catalogue_editor, civic_actor_free);
  g_clear_pointer (&staff->catalogue_reviewer, civic_actor_free);
  g_free (staff);
}

static char *
demo_data_dir (void)
{
  const char *dir = g_getenv (CIVIC_DEMO_DIR_ENV);
  g_autofree char *installed = g_build_filename (PKGDATADIR, "demo", NULL);

  if (dir != NULL && *dir != '\0')
    return g_strdup (dir);
  if (g_file_test (installed, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&installed);
  return g_strdup (SOURCE_DEMODIR);
}

static JsonNode *
load_input (const char  *dir,
            const char  *name,
            GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  JsonNode *node;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;

  node = civic_json_parse (contents, -1, error);
  if (node == NULL)
    g_prefix_error (error, "%s: ", path);
  return node;
}

/* Random helpers */

static int
rand_range (Demo *demo,
            int   min,
            int   max)
{
  return g_rand_int_range (demo->rand, min, max + 1);
}

static gboolean
chance (Demo   *demo,
        double  p)
{
  return g_rand_double (demo->rand) < p;
}

static const char *
pick_string (Demo      *demo,
             JsonArray *array)
{
  return json_array_get_string_element (array, g_rand_int_range (demo->rand, 0,
                                                                  json_array_get_length (array)));
}

static JsonObject *
people (Demo *demo)
{
  return json_node_get_object (demo->people);
}

/* A name: common surnames are common. */
static char *
person_name (Demo *demo)
{
  JsonArray *surnames = json_object_get_array_member (people (demo), "surnames");
  JsonArray *given = json_object_get_array_member (people (demo), "given_chars");
  double r = g_rand_double (demo->rand);
  guint n = json_array_get_length (surnames);
  const char *surname = json_array_get_string_element (surnames, (guint) (r * r * n) % n);

  const char *first, *second;

  if (chance (demo, 0.3))
    return g_strconcat (surname, pick_string (demo, given), NULL);
  first = pick_string (demo, given);
  second = pick_string (demo, given);
  return g_strconcat (surname, first, second, NULL);
}

typedef struct
{
  const char *city;
  const char *district;
  const char *code;
} Place;

static Place
pick_place (Demo *demo)
{
  JsonObject *addresses = json_object_get_object_member (people (demo), "addresses");
  JsonArray *cities = json_object_get_array_member (addresses, "cities");
  JsonObject *city;
  JsonArray *districts;
  JsonObject *district;
  Place place;

  /* A third of the applications come from Changsha, the capital. */
  city = json_array_get_object_element (cities, chance (demo, 0.33)
                                                ? 0
                                                : (guint) rand_range (demo, 0,
                                                                      json_array_get_length (cities) - 1));
  districts = json_object_get_array_member (city, "districts");
  district = json_array_get_object_element (districts,
                                            (guint) rand_range (demo, 0,
                                                                json_array_get_length (districts) - 1));
  place.city = json_object_get_string_member (city, "city");
  place.district = json_object_get_string_member (district, "name");
  place.code = json_object_get_string_member (district, "code");
  return place;
}

static char *
street_address (Demo  *demo,
                Place *place)
{
  JsonObject *addresses = json_object_get_object_member (people (demo), "addresses");
  const char *street = pick_string (demo, json_object_get_array_member (addresses, "streets"));
  int number = rand_range (demo, 1, 399);

  return g_strdup_printf ("湖南省%s%s%s%d号", place->city, place->district, street, number);
}

static char *
resident_id (Demo       *demo,
             const char *area)
{
  char id[19];
  int year = rand_range (demo, 1955, 2004);
  int month = rand_range (demo, 1, 12);
  int day = rand_range (demo, 1, g_date_get_days_in_month (month, year));

  g_snprintf (id, sizeof id, "%.6s%04d%02d%02d%03d", area, year, month, day,
              rand_range (demo, 1, 999));
  id[17] = civic_privacy_resident_id_check_char (id);
  id[18] = '\0';
  return g_strdup (id);
}

static char *
credit_code (Demo       *demo,
             const char *area)
{
  static const char chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  char code[19];

  /* 9 工商, 1 企业; the division code; an organisation code */
  g_snprintf (code, sizeof code, "91%.6s", area);
  code[8] = "MP"[rand_range (demo, 0, 1)];
  code[9] = 'A';
  for (guint i = 10; i < 17; i++)
    code[i] = chars[rand_range (demo, 0, 30)];
  code[17] = civic_privacy_credit_code_check_char (code);
  code[18] = '\0';
  return g_strdup (code);
}

static char *
mobile (Demo *demo)
{
  static const char *prefixes[] = { "130", "131", "133", "135", "136", "137", "138", "139",
                                    "150", "151", "152", "155", "157", "158", "159", "166",
                                    "173", "177", "180", "181", "186", "187", "188", "189",
                                    "191", "199" };

  /* One draw after the other: C leaves the order of a call's arguments
   * open, and the same seed must give the same data from any compiler */
  const char *prefix = prefixes[rand_range (demo, 0, G_N_ELEMENTS (prefixes) - 1)];
  int rest = rand_range (demo, 0, 99999999);

  return g_strdup_printf ("%s%08d", prefix, rest);
}

static char *
company_name (Demo       *demo,
              Place      *place,
              const char *item_name)
{
  JsonObject *p = people (demo);
  JsonArray *industries = json_object_get_array_member (p, "company_industries");
  const char *industry = NULL, *word, *suffix;
  g_autofree char *city = g_strndup (place->city,
                                     g_utf8_offset_to_pointer (place->city, 2) - place->city);

  /* An industry that fits the item, when one does. */
  for (guint attempt = 0; attempt < 8 && industry == NULL; attempt++)
    {
      JsonObject *candidate = json_array_get_object_element (industries,
                                                             rand_range (demo, 0,
                                                                         json_array_get_length (industries) - 1));
      const char *hint = json_object_get_string_member_with_default (candidate, "item_hint", "");

      if (*hint == '\0' || strstr (item_name, hint) != NULL || attempt == 7)
        industry = json_object_get_string_member (candidate, "text");
    }

  word = pick_string (demo, json_object_get_array_member (p, "company_words"));
  suffix = pick_string (demo, json_object_get_array_member (p, "company_suffixes"));
  return g_strconcat (city, word, industry, suffix, NULL);
}

static void
fill_applicant (Demo           *demo,
                JsonObject     *item,
                CivicApplicant *applicant)
{
  JsonArray *kinds = json_object_get_array_member (item, "applicant_kinds");
  gboolean organisation = TRUE;
  Place place = pick_place (demo);

  if (kinds != NULL && json_array_get_length (kinds) > 0)
    organisation = g_str_equal (pick_string (demo, kinds), "organisation");

  memset (applicant, 0, sizeof *applicant);
  if (organisation)
    {
      applicant->kind = CIVIC_APPLICANT_ORGANISATION;
      applicant->name = company_name (demo, &place, json_object_get_string_member (item, "name"));
      applicant->id_number = credit_code (demo, place.code);
      applicant->contact = person_name (demo);
    }
  else
    {
      applicant->kind = CIVIC_APPLICANT_PERSON;
      applicant->name = person_name (demo);
      applicant->id_number = resident_id (demo, place.code);
    }
  applicant->phone = mobile (demo);
  applicant->address = street_address (demo, &place);
}

static void
clear_applicant (CivicApplicant *applicant)
{
  g_free (applicant->name);
  g_free (applicant->id_number);
  g_free (applicant->phone);
  g_free (applicant->address);
  g_free (applicant->contact);
}

static char *
random_uuid (Demo *demo)
{
  guint32 words[4];

  for (guint i = 0; i < 4; i++)
    words[i] = g_rand_int (demo->rand);

  /* Version 4, variant 1, from the seeded generator. */
  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x", words[0], words[1] >> 16,
                          words[1] & 0xfff, (words[2] >> 16 & 0x3fff) | 0x8000,
                          words[2] & 0xffff, words[3]);
}

static GDateTime *
office_time (Demo     *demo,
             CivicDay  day)
{
  int y, m, d;

  int hour, minute, second;

  civic_day_to_ymd (day, &y, &m, &d);
  hour = rand_range (demo, 8, 16);
  minute = rand_range (demo, 30, 59);
  second = rand_range (demo, 0, 59);
  return g_date_time_new (civic_time_zone (), y, m, d, hour, minute, second);
}

/* The reference data: departments, catalogue, rooms, phrases */

/* What the hall's implementation list says of every item besides what
 * items.json gives: the organ, the hall's window for the department, its
 * hours and phones, the visits on site */
static JsonObject *
owner_of (JsonArray  *departments,
          const char *id)
{
  for (guint j = 0; j < json_array_get_length (departments); j++)
    {
      JsonObject *owner = json_array_get_object_element (departments, j);

      if (g_str_equal (json_object_get_string_member (owner, "id"), id))
        return owner;
    }
  return NULL;
}

static void
demo_guide_details (JsonObject *guide,
                    JsonObject *owner,
                    const char *name)
{
  JsonObject *organ = json_object_new ();
  JsonObject *window = json_object_new ();
  JsonObject *contacts = json_object_new ();
  JsonObject *visits = json_object_new ();
  JsonArray *windows = json_array_new ();
  gboolean licence = g_strcmp0 (civic_item_guide_get_type_code (guide), "01") == 0;
  g_autofree char *window_name = g_strdup_printf ("湖南省政务服务中心 %s 窗口",
                                                  owner != NULL
                                                  ? json_object_get_string_member_with_default (owner, "short", name)
                                                  : name);

  json_object_set_string_member (organ, "name", name);
  json_object_set_string_member (organ, "level", "province");
  json_object_set_object_member (guide, "organ", organ);
  json_object_set_string_member (guide, "conditions",
                                 "申请人符合法律、法规规定的条件，申请材料齐全、符合法定形式。");
  json_object_set_string_member (window, "name", window_name);
  json_object_set_string_member (window, "address", "长沙市天心区湘府西路1号 湖南省政务服务中心");
  json_object_set_string_member (window, "hours",
                                 "工作日 9:00—12:00、13:30—17:00（法定节假日除外）");
  json_object_set_string_member (window, "phone", "0731-12345");
  json_array_add_object_element (windows, window);
  json_object_set_array_member (guide, "windows", windows);
  json_object_set_int_member (visits, "count", licence ? 1 : 0);
  if (licence)
    json_object_set_string_member (visits, "reason", "领取纸质证照，也可选择免费邮寄送达");
  json_object_set_object_member (guide, "visits", visits);
  json_object_set_string_member (contacts, "consultation", "0731-12345");
  json_object_set_string_member (contacts, "supervision", "0731-12345 转 电子监察");
  json_object_set_object_member (guide, "contacts", contacts);
}

static gboolean
publish_reference (Demo    *demo,
                   GError **error)
{
  JsonArray *departments = json_node_get_array (demo->departments);
  JsonArray *items = json_node_get_array (demo->items);
  JsonArray *rooms = json_node_get_array (demo->rooms);

  for (guint i = 0; i < json_array_get_length (departments); i++)
    {
      JsonNode *node = json_array_get_element (departments, i);
      JsonObject *department = json_node_get_object (node);
      const char *id = json_object_get_string_member (department, "id");

      g_hash_table_insert (demo->names, g_strdup (id),
                           g_strdup (json_object_get_string_member (department, "name")));
      if (!civic_server_db_put_entity (demo->db, CIVIC_ENTITY_DEPARTMENT, id, 1, node, NULL, error))
        return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *item = json_node_get_object (node);
      const char *department = json_object_get_string_member (item, "department");
      g_autoptr(JsonNode) published = json_node_copy (node);
      JsonObject *copy = json_node_get_object (published);
      guint weight;

      g_autoptr(JsonNode) guide = NULL;
      JsonObject *remedies = NULL;

      json_object_set_string_member (copy, "department_name",
                                     g_hash_table_lookup (demo->names, department));
      /* The authority's remedies, published with each of its items */
      if (owner_of (departments, department) != NULL)
        remedies = civic_json_lookup_object (owner_of (departments, department), "remedies");
      guide = civic_item_guide_from_flat (item, remedies, error);
      if (guide != NULL)
        demo_guide_details (json_node_get_object (guide), owner_of (departments, department),
                            g_hash_table_lookup (demo->names, department));
      if (guide == NULL ||
          !civic_item_records_adopt (demo->db, json_object_get_string_member (item, "code"),
                                     department, guide, NULL, error))
        return FALSE;

      /* The demo department's inbox is the one people look at: more of its
       * items come up. */
      weight = g_str_equal (department, CIVIC_DEMO_DEPARTMENT) ? 12 : 1;
      for (guint w = 0; w < weight; w++)
        g_ptr_array_add (demo->weighted_items, copy);
      g_ptr_array_add (demo->published_items, json_node_ref (published));
    }

  for (guint i = 0; i < json_array_get_length (rooms); i++)
    {
      JsonNode *node = json_array_get_element (rooms, i);

      if (!civic_room_records_put (demo->db, node, 1, error))
        return FALSE;
    }

  return civic_server_db_put_entity (demo->db, CIVIC_ENTITY_TEMPLATE, "phrases", 1, demo->phrases, NULL,
                                     error) != 0;
}

static CivicActor *
add_official (Demo        *demo,
              const char  *username,
              const char  *department,
              CivicRole    roles,
              GError     **error)
{
  g_autofree char *name = person_name (demo);
  g_autofree char *id = g_strconcat ("u-", username, NULL);
  g_autoptr(CivicAccount) account = NULL;

  account = civic_accounts_add (demo->db, id, username, name, department, roles,
                                demo->password_hash, error);
  if (account == NULL)
    return NULL;

  return civic_account_to_actor (account);
}

static gboolean
add_staff (Demo    *demo,
           GError **error)
{
  JsonArray *departments = json_node_get_array (demo->departments);

  for (guint i = 0; i < json_array_get_length (departments); i++)
    {
      const char *id = json_object_get_string_member (json_array_get_object_element (departments, i),
                                                      "id");
      gboolean demo_department = g_str_equal (id, CIVIC_DEMO_DEPARTMENT);
      Staff *staff = g_new0 (Staff, 1);
      g_autofree char *clerk = g_strconcat (id, ".clerk", NULL);
      g_autofree char *examiner = g_strconcat (id, ".examiner", NULL);
      g_autofree char *examiner2 = g_strconcat (id, ".examiner2", NULL);
      g_autofree char *approver = g_strconcat (id, ".approver", NULL);
      g_autofree char *officer = g_strconcat (id, ".officer", NULL);
      g_autofree char *officer2 = g_strconcat (id, ".officer2", NULL);

      g_hash_table_insert (demo->staff, g_strdup (id), staff);

      /* In the demo department the accounts have the short names the
       * README lists. */
      staff->clerk = add_official (demo, demo_department ? "clerk" : clerk, id,
                                   CIVIC_ROLE_CLERK, error);
      staff->examiners[0] = add_official (demo, demo_department ? "examiner" : examiner, id,
                                          CIVIC_ROLE_EXAMINER, error);
      staff->examiners[1] = add_official (demo, demo_department ? "examiner2" : examiner2, id,
                                          CIVIC_ROLE_EXAMINER, error);
      staff->approver = add_official (demo, demo_department ? "approver" : approver, id,
                                      CIVIC_ROLE_APPROVER, error);
      staff->officers[0] = add_official (demo, demo_department ? "officer" : officer, id,
                                         CIVIC_ROLE_HEARING_OFFICER, error);
      staff->officers[1] = add_official (demo, demo_department ? "officer2" : officer2, id,
                                         CIVIC_ROLE_HEARING_OFFICER, error);
      if (staff->officers[0] == NULL || staff->officers[1] == NULL)
        return FALSE;
    }

  {
    g_autoptr(CivicActor) supervisor = add_official (demo, "supervisor", "zwfwj",
                                                     CIVIC_ROLE_SUPERVISOR, error);
    g_autoptr(CivicActor) admin = add_official (demo, "admin", "zwfwj", CIVIC_ROLE_ADMIN, error);

    return supervisor != NULL && admin != NULL;
  }
}

/* Every organ's disclosure staff. Added after the cases and hearings,
 * so that the names drawn for those stay what they were. */
static gboolean
add_disclosure_staff (Demo    *demo,
                      GError **error)
{
  JsonArray *departments = json_node_get_array (demo->departments);

  for (guint i = 0; i < json_array_get_length (departments); i++)
    {
      const char *id = json_object_get_string_member (json_array_get_object_element (departments, i),
                                                      "id");
      gboolean demo_department = g_str_equal (id, CIVIC_DEMO_DEPARTMENT);
      Staff *staff = g_hash_table_lookup (demo->staff, id);
      g_autofree char *editor = g_strconcat (id, ".editor", NULL);
      g_autofree char *reviewer = g_strconcat (id, ".reviewer", NULL);
      g_autofree char *reviewer2 = g_strconcat (id, ".reviewer2", NULL);
      g_autofree char *head = g_strconcat (id, ".head", NULL);

      staff->editor = add_official (demo, demo_department ? "editor" : editor, id,
                                    CIVIC_ROLE_DISCLOSURE_EDITOR, error);
      staff->reviewers[0] = add_official (demo, demo_department ? "reviewer" : reviewer, id,
                                          CIVIC_ROLE_DISCLOSURE_REVIEWER, error);
      staff->reviewers[1] = add_official (demo, demo_department ? "reviewer2" : reviewer2, id,
                                          CIVIC_ROLE_DISCLOSURE_REVIEWER, error);
      staff->head = add_official (demo, demo_department ? "head" : head, id,
                                  CIVIC_ROLE_DISCLOSURE_HEAD | CIVIC_ROLE_DISCLOSURE_REVIEWER,
                                  error);
      if (staff->editor == NULL || staff->reviewers[0] == NULL || staff->reviewers[1] == NULL ||
          staff->head == NULL)
        return FALSE;
    }
  return TRUE;
}

/* Every department's complaint handler and reviewer of replies, and the
 * hall's dispatcher (docs/plans/messages.md, decision 15). Added after
 * the disclosures, so that the names drawn before stay what they were. */
static gboolean
add_message_staff (Demo    *demo,
                   GError **error)
{
  JsonArray *departments = json_node_get_array (demo->departments);

  for (guint i = 0; i < json_array_get_length (departments); i++)
    {
      const char *id = json_object_get_string_member (json_array_get_object_element (departments, i),
                                                      "id");
      gboolean demo_department = g_str_equal (id, CIVIC_DEMO_DEPARTMENT);
      Staff *staff = g_hash_table_lookup (demo->staff, id);
      g_autofree char *handler = g_strconcat (id, ".handler", NULL);
      g_autofree char *reviewer = g_strconcat (id, ".reply-reviewer", NULL);

      staff->handler = add_official (demo, demo_department ? "handler" : handler, id,
                                     CIVIC_ROLE_COMPLAINT_HANDLER, error);
      staff->message_reviewer = add_official (demo, demo_department ? "reply-reviewer" : reviewer,
                                              id, CIVIC_ROLE_MESSAGE_REVIEWER, error);
      if (staff->handler == NULL || staff->message_reviewer == NULL)
        return FALSE;
    }
  demo->dispatcher = add_official (demo, "dispatcher", "zwfwj", CIVIC_ROLE_DISPATCHER, error);
  return demo->dispatcher != NULL;
}

/* Every department's catalogue editor and reviewer (docs/plans/
 * catalogue.md, decision 3). Added last, so that the names drawn before
 * stay what they were. */
static gboolean
add_catalogue_staff (Demo    *demo,
                     GError **error)
{
  JsonArray *departments = json_node_get_array (demo->departments);

  for (guint i = 0; i < json_array_get_length (departments); i++)
    {
      const char *id = json_object_get_string_member (json_array_get_object_element (departments, i),
                                                      "id");
      gboolean demo_department = g_str_equal (id, CIVIC_DEMO_DEPARTMENT);
      Staff *staff = g_hash_table_lookup (demo->staff, id);
      g_autofree char *editor = g_strconcat (id, ".catalogue-editor", NULL);
      g_autofree char *reviewer = g_strconcat (id, ".catalogue-reviewer", NULL);

      staff->catalogue_editor = add_official (demo, demo_department ? "catalogue-editor" : editor,
                                              id, CIVIC_ROLE_CATALOGUE_EDITOR, error);
      staff->catalogue_reviewer = add_official (demo,
                                                demo_department ? "catalogue-reviewer" : reviewer,
                                                id, CIVIC_ROLE_CATALOGUE_REVIEWER, error);
      if (staff->catalogue_editor == NULL || staff->catalogue_reviewer == NULL)
        return FALSE;
    }

  /* The demo department's administrator, who runs its accounts */
  {
    g_autoptr(CivicActor) department_admin = add_official (demo, "dept-admin",
                                                           CIVIC_DEMO_DEPARTMENT,
                                                           CIVIC_ROLE_DEPARTMENT_ADMIN, error);

    return department_admin != NULL;
  }
}

/* One command of a demo official's, through the service's command path */
static gboolean
demo_command (Demo             *demo,
              CivicActor       *actor,
              const char       *type,
              const char       *target,
              const char       *args,
              GError          **error)
{
  CivicCommandEnv env = { demo->db, demo->calendar, demo->now, "demo", NULL };
  g_autoptr(JsonObject) object = args != NULL ? civic_json_parse_object (args, -1, error) : NULL;
  g_autofree char *id = random_uuid (demo);
  g_autoptr(CivicCommand) command = NULL;
  g_autofree char *response = NULL;

  if (args != NULL && object == NULL)
    return FALSE;
  command = civic_command_new (id, type, target, object);
  response = civic_commands_execute_one (&env, actor, command);
  if (strstr (response, "\"status\":\"applied\"") == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "demo %s on %s: %s", type, target,
                   response);
      return FALSE;
    }
  return TRUE;
}

/* A guide with one thing changed, as the editor would save it */
static char *
edited_guide (Demo        *demo,
              const char  *code,
              const char  *from,
              const char  *to,
              GError     **error)
{
  g_autoptr(CivicItem) item = civic_item_records_load (demo->db, code, error);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) guide = NULL;

  if (item == NULL)
    return NULL;
  node = json_node_init_object (json_node_alloc (), civic_item_get_guide (item));
  text = civic_json_to_string (node, FALSE);
  guide = g_string_new (text);
  g_string_replace (guide, from, to, 1);
  return g_strdup_printf ("{\"guide\": %s}", guide->str);
}

/* The demo department's catalogue at work: a change approved to take
 * effect in a fortnight, one in review, one still a draft. After the
 * last transaction: each is a command of its own. */
static gboolean
add_catalogue_versions (Demo    *demo,
                        GError **error)
{
  Staff *staff = g_hash_table_lookup (demo->staff, CIVIC_DEMO_DEPARTMENT);
  CivicActor *editor = staff->catalogue_editor, *reviewer = staff->catalogue_reviewer;
  g_autofree char *day = civic_day_format (demo->today + 14);
  g_autofree char *approve = g_strdup_printf ("{\"decision\": \"approve\", \"effective_on\": "
                                              "\"%s\", \"comment\": \"同意，按期生效\"}", day);
  g_autofree char *added = NULL;
  g_autofree char *conditions = NULL;
  g_autofree char *drafted = NULL;
  static const char scheduled[] = "430000-SCJG-XK-0002";
  static const char in_review[] = "430000-SCJG-XK-0005";
  static const char draft[] = "430000-SCJG-XK-0009";

  added = edited_guide (demo, scheduled, "\"materials\":[",
                        "\"materials\":[{\"id\":\"m0\",\"name\":\"食品安全自查报告\","
                        "\"required\":true,\"form\":\"electronic\"},", error);
  conditions = edited_guide (demo, in_review, "\"conditions\":\"",
                             "\"conditions\":\"申请人应当取得名称预先核准。", error);
  drafted = edited_guide (demo, draft, "\"materials\":[",
                          "\"materials\":[{\"id\":\"m0\",\"name\":\"产品检验报告\","
                          "\"required\":true},", error);
  if (added == NULL || conditions == NULL || drafted == NULL)
    return FALSE;
  return demo_command (demo, editor, "revise-item", scheduled, NULL, error) &&
         demo_command (demo, editor, "save-item", scheduled, added, error) &&
         demo_command (demo, editor, "submit-item", scheduled,
                       "{\"note\": \"按总局新规增加自查报告\"}", error) &&
         demo_command (demo, reviewer, "review-item", scheduled, approve, error) &&
         demo_command (demo, editor, "revise-item", in_review, NULL, error) &&
         demo_command (demo, editor, "save-item", in_review, conditions, error) &&
         demo_command (demo, editor, "submit-item", in_review, NULL, error) &&
         demo_command (demo, editor, "revise-item", draft, NULL, error) &&
         demo_command (demo, editor, "save-item", draft, drafted, error);
}

/* The services Open311 clients file against (civic-open311.c) */
static gboolean
add_open311_services (Demo    *demo,
                      GError **error)
{
  g_autofree char *dir = demo_data_dir ();
  g_autoptr(JsonNode) catalogue = load_input (dir, "open311-services.json", error);

  return catalogue != NULL && civic_open311_import_services (demo->db, catalogue, NULL, error);
}

/* Every department's messages from citizens (civic-demo-messages.c), from
 * a generator of its own, after everything else */
static gboolean
add_messages (Demo    *demo,
              GError **error)
{
  g_autofree char *dir = demo_data_dir ();
  g_autoptr(JsonNode) texts = NULL;
  g_autoptr(GHashTable) staff = NULL;
  g_autoptr(GArray) offices = NULL;
  CivicDemoMessageInput input = { 0 };
  GHashTableIter iter;
  gpointer key, value;

  if (demo->options->messages <= 0)
    return TRUE;
  texts = load_input (dir, "messages.json", error);
  if (texts == NULL)
    return FALSE;

  offices = g_array_sized_new (FALSE, TRUE, sizeof (CivicDemoMessageStaff),
                               g_hash_table_size (demo->staff));
  g_array_set_size (offices, g_hash_table_size (demo->staff));
  staff = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_iter_init (&iter, demo->staff);
  for (guint i = 0; g_hash_table_iter_next (&iter, &key, &value); i++)
    {
      Staff *official = value;
      CivicDemoMessageStaff *office = &g_array_index (offices, CivicDemoMessageStaff, i);

      office->handler = official->handler;
      office->reviewer = official->message_reviewer;
      office->head = official->approver;
      g_hash_table_insert (staff, key, office);
    }

  input.db = demo->db;
  input.calendar = demo->calendar;
  input.now = demo->now;
  input.departments = json_node_get_array (demo->departments);
  input.items = json_node_get_array (demo->items);
  input.people = people (demo);
  input.texts = json_node_get_object (texts);
  input.staff = staff;
  input.dispatcher = demo->dispatcher;
  input.seed = demo->options->seed;
  input.count = demo->options->messages;
  return civic_demo_messages_generate (&input, demo->message_counts, &demo->n_ratings, error) &&
         civic_demo_campaigns_generate (&input, &demo->n_campaigns, error);
}

/* Every organ's columns and proactive disclosures (civic-demo-disclosures.c), from
 * a generator of their own: the cases and names above stay what they were
 * for the same seed. */
static gboolean
add_disclosures (Demo    *demo,
                 GError **error)
{
  g_autofree char *dir = NULL;
  g_autoptr(JsonNode) templates = NULL;
  g_autoptr(GHashTable) staff = NULL;
  g_autoptr(GArray) offices = NULL;
  GHashTableIter iter;
  gpointer key, value;
  CivicDemoDisclosureInput input = { 0 };

  /* The organs' catalogues of columns are there even without them */
  dir = demo_data_dir ();
  templates = load_input (dir, "disclosures.json", error);
  if (templates == NULL)
    return FALSE;

  offices = g_array_sized_new (FALSE, TRUE, sizeof (CivicDemoDisclosureStaff),
                               g_hash_table_size (demo->staff));
  g_array_set_size (offices, g_hash_table_size (demo->staff));
  staff = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_iter_init (&iter, demo->staff);
  for (guint i = 0; g_hash_table_iter_next (&iter, &key, &value); i++)
    {
      Staff *official = value;
      CivicDemoDisclosureStaff *office = &g_array_index (offices, CivicDemoDisclosureStaff, i);

      office->editor = official->editor;
      office->reviewers[0] = official->reviewers[0];
      office->reviewers[1] = official->reviewers[1];
      office->head = official->head;
      g_hash_table_insert (staff, key, office);
    }

  input.db = demo->db;
  input.calendar = demo->calendar;
  input.now = demo->now;
  input.departments = json_node_get_array (demo->departments);
  input.items = json_node_get_array (demo->items);
  input.people = people (demo);
  input.templates = json_node_get_object (templates);
  input.staff = staff;
  input.seed = demo->options->seed;
  input.count = MAX (demo->options->disclosures, 0);
  return civic_demo_disclosures_generate (&input, demo->disclosure_counts, error) &&
         civic_demo_disclosure_requests_generate (&input, MAX (demo->options->requests, 0),
                                                  demo->request_counts, error);
}

/* Living through a case */

typedef struct
{
  Demo       *demo;
  CivicCase  *kase;
  Staff      *staff;
  CivicDay    day;       /* the day of the last step */
  gboolean    stopped;   /* the next step would lie in the future */
  gboolean    to_hearing;        /* one of the cases that go to a hearing */
  CivicHearing *hearing;         /* the hearing it asked for, stored with it */
  guint       hearing_steps;
} Life;

static const char *
phrase (Demo       *demo,
        const char *group)
{
  JsonObject *phrases = json_node_get_object (demo->phrases);
  JsonArray *array = json_object_has_member (phrases, group)
                     ? json_object_get_array_member (phrases, group) : NULL;

  if (array == NULL || json_array_get_length (array) == 0)
    return "经审查，符合规定。";
  return pick_string (demo, array);
}

/* Moves the case on by @delay working days, and acts if that day has
 * come; returns FALSE (and stops the life) if it has not. */
static gboolean
act (Life        *life,
     int          delay,
     CivicActor  *actor,
     CivicAction  action,
     JsonObject  *args)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *command_id = NULL;
  CivicWorkflowContext context;
  CivicDay day;

  if (life->stopped)
    return FALSE;

  day = delay > 0 ? civic_calendar_add_working_days (life->demo->calendar, life->day, delay,
                                                     CIVIC_COUNT_DEFAULT, NULL)
                  : life->day;
  if (day > life->demo->today)
    {
      life->stopped = TRUE;
      return FALSE;
    }

  when = office_time (life->demo, day);
  command_id = random_uuid (life->demo);
  civic_workflow_context_init (&context, life->demo->calendar, when, actor);
  context.command_id = command_id;
  context.lookup_official = civic_accounts_lookup_official;
  context.lookup_data = life->demo->db;

  if (!civic_workflow_apply_to (life->kase, action, args, &context, &error))
    {
      /* A plan the rules refuse is a bug of this generator. */
      g_warning ("demo: %s on %s refused: %s", civic_action_to_string (action),
                 civic_case_get_number (life->kase), error->message);
      life->stopped = TRUE;
      return FALSE;
    }

  life->day = day;
  return TRUE;
}

static JsonObject *
args_new (const char *first_member,
          ...)
{
  JsonObject *object = json_object_new ();
  const char *member = first_member;
  va_list ap;

  va_start (ap, first_member);
  while (member != NULL)
    {
      JsonNode *value = va_arg (ap, JsonNode *);

      json_object_set_member (object, member, value);
      member = va_arg (ap, const char *);
    }
  va_end (ap);
  return object;
}

static JsonNode *
str (const char *value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, value);
  return node;
}

static JsonNode *
integer (gint64 value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, value);
  return node;
}

static JsonNode *
strv (GPtrArray *values)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < values->len; i++)
    json_array_add_string_element (array, g_ptr_array_index (values, i));
  json_node_take_array (node, array);
  return node;
}

static void
live_correction (Life *life)
{
  Demo *demo = life->demo;
  g_autoptr(GPtrArray) missing = civic_case_dup_missing_materials (life->kase);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(JsonObject) notice = NULL;
  g_autoptr(JsonObject) received = NULL;

  for (guint i = 0; i < missing->len; i++)
    g_ptr_array_add (ids, ((CivicMaterial *) g_ptr_array_index (missing, i))->id);

  notice = args_new ("missing", strv (ids), "note", str (phrase (demo, "correction")), NULL);
  if (!act (life, rand_range (demo, 0, 3), life->staff->clerk, CIVIC_ACTION_REQUEST_CORRECTION,
            notice))
    return;

  /* Most applicants supply the missing materials within a few weeks; some
   * never do. */
  if (chance (demo, 0.12))
    {
      g_autoptr(JsonObject) close = args_new ("reason", str ("申请人逾期未补正，予以退件"), NULL);

      act (life, rand_range (demo, 25, 40), life->staff->clerk, CIVIC_ACTION_CLOSE, close);
      life->stopped = TRUE;
      return;
    }

  received = args_new ("received", strv (ids), NULL);
  act (life, rand_range (demo, 2, 12), life->staff->clerk, CIVIC_ACTION_CORRECTION_RECEIVED,
       received);
}

static gboolean
extendable (Life *life)
{
  CivicClock *clock = civic_case_get_statutory_clock (life->kase);
  g_autoptr(CivicClockReading) reading = NULL;

  if (clock == NULL || civic_case_get_state (life->kase) == CIVIC_CASE_STATE_CLOSED ||
      civic_clock_get_extensions_used (clock) > 0)
    return FALSE;

  reading = civic_clock_read (clock, life->demo->calendar, life->day, NULL);
  return life->day <= reading->due;
}

/* Living through a hearing: its steps as its officials take them, on
 * the days they come; a time for it where its room, its host and its
 * clerk are free (the service would refuse a clash) */

/* A step on the hearing on @day, as @actor; FALSE (and the life stops)
 * when the day has not come */
static gboolean
hearing_act (Life               *life,
             CivicDay            day,
             CivicActor         *actor,
             CivicHearingAction  action,
             const char         *command_id,
             const char         *json)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(JsonNode) args = json ? civic_json_parse (json, -1, NULL) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) next = NULL;
  g_autofree char *id = NULL;
  CivicWorkflowContext context;

  if (life->stopped || day > life->demo->today)
    {
      life->stopped = TRUE;
      return FALSE;
    }

  when = office_time (life->demo, day);
  id = command_id ? g_strdup (command_id) : random_uuid (life->demo);
  civic_workflow_context_init (&context, life->demo->calendar, when, actor);
  context.command_id = id;
  context.lookup_official = civic_accounts_lookup_official;
  context.lookup_data = life->demo->db;
  next = civic_hearing_kind.apply (G_OBJECT (life->hearing), action,
                                   args ? json_node_get_object (args) : NULL, &context, &error);
  if (next == NULL)
    {
      g_warning ("demo: %s on hearing of %s refused: %s",
                 civic_hearing_kind.action_to_string (action), civic_case_get_number (life->kase),
                 error->message);
      life->stopped = TRUE;
      return FALSE;
    }
  g_set_object (&life->hearing, CIVIC_HEARING (next));
  life->hearing_steps++;
  life->day = MAX (life->day, day);
  return TRUE;
}

static char *
booking_key (const char *who,
             CivicDay    day,
             gboolean    afternoon)
{
  return g_strdup_printf ("%s|%u|%c", who, day, afternoon ? 'p' : 'a');
}

static gboolean
is_free (Demo       *demo,
         const char *who,
         CivicDay    day,
         gboolean    afternoon)
{
  g_autofree char *key = booking_key (who, day, afternoon);

  return who == NULL || !g_hash_table_contains (demo->bookings, key);
}

static void
book (Demo       *demo,
      const char *who,
      CivicDay    day,
      gboolean    afternoon)
{
  if (who != NULL)
    g_hash_table_add (demo->bookings, booking_key (who, day, afternoon));
}

typedef struct
{
  CivicDay     day;
  gboolean     afternoon;
  const char  *room;
  CivicActor  *host;
  CivicActor  *clerk;
} Slot;

/* The first half-day from @day on with a room of the department or the
 * hall's, one of its hearing officers and its clerk free */
static gboolean
find_slot (Life     *life,
           CivicDay  day,
           Slot     *slot)
{
  Demo *demo = life->demo;
  JsonArray *rooms = json_node_get_array (demo->rooms);
  const char *department = civic_case_get_department_id (life->kase);
  guint first_room = rand_range (demo, 0, json_array_get_length (rooms) - 1);

  for (guint tries = 0; tries < 15; tries++, day = civic_calendar_next_working_day (demo->calendar, day))
    for (guint half = 0; half < 2; half++)
      {
        gboolean afternoon = (half + tries) % 2 == 1;
        CivicActor *host = NULL;

        for (guint h = 0; h < 2 && host == NULL; h++)
          if (is_free (demo, life->staff->officers[h]->id, day, afternoon))
            host = life->staff->officers[h];
        if (host == NULL || !is_free (demo, life->staff->clerk->id, day, afternoon))
          continue;

        for (guint r = 0; r < json_array_get_length (rooms); r++)
          {
            JsonObject *room = json_array_get_object_element (rooms, (first_room + r) %
                                                                     json_array_get_length (rooms));
            const char *owner = json_object_get_string_member_with_default (room, "department",
                                                                           NULL);
            const char *id = json_object_get_string_member (room, "id");

            if ((owner != NULL && g_strcmp0 (owner, department) != 0) ||
                !is_free (demo, id, day, afternoon))
              continue;
            *slot = (Slot) { day, afternoon, id, host, life->staff->clerk };
            book (demo, id, day, afternoon);
            book (demo, host->id, day, afternoon);
            book (demo, slot->clerk->id, day, afternoon);
            return TRUE;
          }
      }
  return FALSE;
}

static char *
schedule_args (Life       *life,
               const Slot *slot,
               const char *presenter)
{
  g_autofree char *day = civic_day_format (slot->day);
  gboolean later = chance (life->demo, 0.5);

  return g_strdup_printf ("{\"room\": \"%s\", \"day\": \"%s\", \"starts\": \"%s\", \"ends\": \"%s\","
                          " \"host\": \"%s\", \"clerk\": \"%s\"%s%s%s%s}", slot->room, day,
                          slot->afternoon ? (later ? "15:00" : "14:30") : (later ? "09:30" : "09:00"),
                          slot->afternoon ? (later ? "17:00" : "16:30") : (later ? "11:30" : "11:00"),
                          slot->host->id, slot->clerk->id,
                          presenter ? ", \"presenter\": \"" : "", presenter ? presenter : "",
                          presenter ? "\"" : "",
                          chance (life->demo, 0.08) ? ", \"publicity\": \"closed-trade-secret\"" : "");
}

static void
conclude_case (Life              *life,
               CivicHearingState  outcome)
{
  g_autoptr(CivicActor) system = civic_actor_new ("system", _("Civic Desk service"), NULL,
                                                  CIVIC_ROLE_SYSTEM);
  g_autoptr(JsonObject) conclude = NULL;

  conclude = args_new ("hearing_id", str (civic_hearing_get_id (life->hearing)),
                       "outcome", str (civic_enum_to_nick (CIVIC_TYPE_HEARING_STATE, outcome)),
                       NULL);
  if (outcome == CIVIC_HEARING_STATE_RECORD_SIGNED)
    json_object_set_string_member (conclude, "record_ref", civic_hearing_get_id (life->hearing));
  act (life, 0, system, CIVIC_ACTION_CONCLUDE_HEARING, conclude);
}

static void
live_hearing (Life *life)
{
  Demo *demo = life->demo;
  CivicActor *officer = life->staff->officers[0];
  g_autoptr(GError) error = NULL;
  g_autofree char *id = random_uuid (demo);
  g_autofree char *args = NULL;
  g_auto(GStrv) examiners = NULL;
  const char *presenter = NULL;
  g_autofree char *party = NULL;
  CivicDay day, notified;
  Slot slot;

  life->hearing = civic_hearing_records_new_for_case (life->kase, id, &error);
  if (life->hearing == NULL)
    {
      g_warning ("demo: no hearing for %s: %s", civic_case_get_number (life->kase),
                 error->message);
      life->stopped = TRUE;
      return;
    }
  civic_case_set_hearing_id (life->kase, id);
  examiners = civic_hearing_dup_examiner_ids (life->hearing);
  for (guint i = 0; examiners[i] != NULL && presenter == NULL; i++)
    if (g_strcmp0 (examiners[i], life->staff->examiners[0]->id) == 0 ||
        g_strcmp0 (examiners[i], life->staff->examiners[1]->id) == 0)
      presenter = examiners[i];
  for (guint i = 0; i < civic_hearing_get_n_participants (life->hearing); i++)
    if (civic_hearing_get_participant (life->hearing, i)->role == CIVIC_HEARING_ROLE_INTERESTED_PARTY)
      {
        g_free (party);
        party = g_strdup (civic_hearing_get_participant (life->hearing, i)->id);
      }

  /* Arranged within a few days, for a day the notice can reach */
  day = civic_calendar_add_working_days (demo->calendar, life->day, rand_range (demo, 1, 4),
                                         CIVIC_COUNT_DEFAULT, NULL);
  /* No half-day free for weeks: it waits to be scheduled, and the case
   * with it */
  if (!find_slot (life, civic_calendar_add_working_days (demo->calendar, day,
                                                         rand_range (demo, 8, 12),
                                                         CIVIC_COUNT_DEFAULT, NULL), &slot))
    {
      life->stopped = TRUE;
      return;
    }
  args = schedule_args (life, &slot, presenter);
  if (!hearing_act (life, day, officer, CIVIC_HEARING_ACTION_SCHEDULE, NULL, args))
    return;
  notified = civic_calendar_add_working_days (demo->calendar, day, rand_range (demo, 0, 1),
                                              CIVIC_COUNT_DEFAULT, NULL);
  if (!hearing_act (life, notified, officer, CIVIC_HEARING_ACTION_NOTIFY, NULL,
                    chance (demo, 0.5) ? "{\"method\": \"post\"}" : "{\"method\": \"in-person\"}"))
    return;

  /* The application withdrawn: the hearing is cancelled, the case closed */
  if (chance (demo, 0.02))
    {
      g_autoptr(JsonObject) close = args_new ("code", str ("withdrawn"),
                                              "reason", str ("申请人书面撤回许可申请"), NULL);

      if (hearing_act (life, slot.day - 1, life->staff->approver, CIVIC_HEARING_ACTION_CANCEL,
                       NULL, "{\"reason\": \"申请人撤回许可申请\"}"))
        {
          conclude_case (life, CIVIC_HEARING_STATE_CANCELLED);
          act (life, 0, life->staff->approver, CIVIC_ACTION_CLOSE, close);
        }
      life->stopped = TRUE;
      return;
    }

  /* A party asks for the host's recusal; the head decides */
  if (party != NULL && chance (demo, 0.04))
    {
      CivicDay asked = civic_calendar_add_working_days (demo->calendar, day, 2, CIVIC_COUNT_DEFAULT,
                                                        NULL);

      g_free (args);
      args = g_strdup_printf ("{\"by\": \"%s\", \"reason\": \"主持人与申请人存在利害关系\"}", party);
      if (!hearing_act (life, asked, life->staff->examiners[0], CIVIC_HEARING_ACTION_REQUEST_RECUSAL,
                        NULL, args) ||
          !hearing_act (life, asked, life->staff->approver,
                        CIVIC_HEARING_ACTION_DECIDE_RECUSAL, NULL,
                        "{\"decision\": \"refused\", \"note\": \"经核实，不存在应当回避的情形\"}"))
        return;
    }

  /* Withdrawn, now and then, before the day */
  if (party != NULL && chance (demo, 0.08))
    {
      g_free (args);
      args = g_strdup_printf ("{\"by\": \"%s\", \"reason\": \"当事人书面撤回听证申请\"}", party);
      if (hearing_act (life, slot.day - 2, life->staff->examiners[0], CIVIC_HEARING_ACTION_WITHDRAW,
                       NULL, args))
        conclude_case (life, CIVIC_HEARING_STATE_WITHDRAWN);
      return;
    }

  /* Put off, and held a week or two later */
  if (chance (demo, 0.08))
    {
      CivicDay off = slot.day - 3;
      CivicDay again = civic_calendar_add_working_days (demo->calendar, off, 1, CIVIC_COUNT_DEFAULT,
                                                        NULL);

      if (!hearing_act (life, off, officer, CIVIC_HEARING_ACTION_POSTPONE, NULL,
                        "{\"reason\": \"申请人因故申请延期，经审查同意\"}") ||
          !find_slot (life, civic_calendar_add_working_days (demo->calendar, again,
                                                             rand_range (demo, 8, 12),
                                                             CIVIC_COUNT_DEFAULT, NULL), &slot))
        {
          life->stopped = TRUE;
          return;
        }
      g_free (args);
      args = schedule_args (life, &slot, presenter);
      if (!hearing_act (life, again, officer, CIVIC_HEARING_ACTION_SCHEDULE, NULL, args) ||
          !hearing_act (life, again, officer, CIVIC_HEARING_ACTION_NOTIFY, NULL,
                        "{\"method\": \"post\"}"))
        return;
    }

  /* The day: held, the record written, read back and signed by each */
  if (!hearing_act (life, slot.day, slot.host, CIVIC_HEARING_ACTION_HOLD, NULL, NULL) ||
      !hearing_act (life, slot.day, slot.clerk, CIVIC_HEARING_ACTION_WRITE_RECORD, NULL,
                    "{\"text\": \"听证主持人宣布听证开始，核对参加人身份并告知权利义务。审查人员陈述"
                    "审查意见及证据；申请人、利害关系人进行陈述、申辩和质证；双方作最后陈述。\"}"))
    return;
  for (guint i = 0; i < civic_hearing_get_n_participants (life->hearing); i++)
    {
      const CivicHearingParticipant *participant = civic_hearing_get_participant (life->hearing, i);

      g_free (args);
      if (participant->role == CIVIC_HEARING_ROLE_INTERESTED_PARTY && chance (demo, 0.05))
        args = g_strdup_printf ("{\"participant\": \"%s\", \"signature\": \"refused\","
                                " \"note\": \"该参加人拒绝签字，主持人已在笔录上注明\"}",
                                participant->id);
      else
        args = g_strdup_printf ("{\"participant\": \"%s\", \"signature\": \"%s\"}",
                                participant->id,
                                participant->role == CIVIC_HEARING_ROLE_APPLICANT &&
                                civic_case_get_applicant (life->kase)->kind ==
                                CIVIC_APPLICANT_ORGANISATION ? "sealed" : "signed");
      if (!hearing_act (life, slot.day, slot.clerk, CIVIC_HEARING_ACTION_SIGN_RECORD, NULL, args))
        return;
    }
  if (hearing_act (life, civic_calendar_add_working_days (demo->calendar, slot.day,
                                                          rand_range (demo, 0, 2),
                                                          CIVIC_COUNT_DEFAULT, NULL),
                   slot.host, CIVIC_HEARING_ACTION_CLOSE, NULL, NULL))
    conclude_case (life, CIVIC_HEARING_STATE_RECORD_SIGNED);
}

static void
live_review (Life *life)
{
  Demo *demo = life->demo;
  CivicActor *examiner = life->staff->examiners[rand_range (demo, 0, 1)];
  gboolean deny = chance (demo, 0.08);

  act (life, rand_range (demo, 0, 2), examiner, CIVIC_ACTION_CLAIM, NULL);

  if (chance (demo, 0.3))
    {
      g_autoptr(GPtrArray) verifiers = g_ptr_array_new ();
      g_autoptr(JsonObject) args = NULL;

      g_ptr_array_add (verifiers, life->staff->examiners[0]->id);
      g_ptr_array_add (verifiers, life->staff->examiners[1]->id);
      args = args_new ("verifiers", strv (verifiers),
                       "note", str ("现场核查经营场所、设施设备，与申请材料一致"), NULL);
      act (life, rand_range (demo, 1, 4), examiner, CIVIC_ACTION_VERIFY, args);
    }

  if (chance (demo, 0.06))
    {
      static const char *reasons[] = { "testing", "expert-review", "inspection", "appraisal" };
      const char *reason = reasons[rand_range (demo, 0, 3)];
      int expected_days = rand_range (demo, 5, 15);
      g_autoptr(JsonObject) stop = args_new ("reason", str (reason),
                                             "expected_days", integer (expected_days),
                                             "note", str ("依法组织专家评审，所需时间书面告知申请人"),
                                             NULL);
      g_autoptr(JsonObject) resume = args_new ("result", str ("特别程序已完成，结论符合要求"), NULL);

      act (life, rand_range (demo, 1, 3), examiner, CIVIC_ACTION_STOP_CLOCK, stop);
      act (life, rand_range (demo, 3, 12), examiner, CIVIC_ACTION_RESUME_CLOCK, resume);
    }

  if (civic_case_get_hearing (life->kase)->required || life->to_hearing || chance (demo, 0.04))
    {
      if (civic_case_get_hearing (life->kase)->required)
        {
          g_autoptr(JsonObject) order = args_new ("reason",
                                                  str ("涉及重大公共利益，依法向社会公告并举行听证"),
                                                  NULL);

          act (life, rand_range (demo, 1, 4), life->staff->approver, CIVIC_ACTION_ORDER_HEARING,
               order);
        }
      else
        {
          g_autoptr(GPtrArray) parties = g_ptr_array_new_with_free_func (g_free);
          g_autoptr(JsonObject) inform = NULL;
          g_autofree char *neighbour = person_name (demo);

          g_ptr_array_add (parties, g_strdup (civic_case_get_applicant (life->kase)->name));
          g_ptr_array_add (parties, g_strconcat (neighbour, "（利害关系人）", NULL));
          inform = args_new ("parties", strv (parties), NULL);
          if (!act (life, rand_range (demo, 1, 3), examiner, CIVIC_ACTION_INFORM_HEARING_RIGHT,
                    inform))
            return;

          if (!life->to_hearing && chance (demo, 0.6))
            {
              g_autoptr(JsonObject) waive = args_new ("note", str ("当事人书面表示放弃听证"), NULL);

              act (life, rand_range (demo, 1, 4), examiner, CIVIC_ACTION_WAIVE_HEARING, waive);
              goto opinion;
            }
          else
            {
              g_autoptr(JsonObject) request = args_new ("requested_by",
                                                        str (g_ptr_array_index (parties, 1)),
                                                        NULL);

              act (life, rand_range (demo, 1, 4), examiner, CIVIC_ACTION_REQUEST_HEARING, request);
            }
        }

      if (!life->stopped)
        live_hearing (life);
      if (life->stopped)
        return;
    }

opinion:
  {
    GPtrArray *subtasks = civic_case_get_subtasks (life->kase);

    for (guint i = 0; i < subtasks->len; i++)
      {
        CivicSubtask *subtask = g_ptr_array_index (subtasks, i);
        Staff *co = g_hash_table_lookup (demo->staff, subtask->department_id);
        g_autoptr(JsonObject) opinion = args_new ("result", str ("approve"),
                                                  "text", str ("经审查，本部门同意办理"), NULL);

        if (co != NULL)
          act (life, rand_range (demo, 1, 6), co->examiners[0], CIVIC_ACTION_SUBTASK_OPINION,
               opinion);
      }
  }

  {
    g_autoptr(JsonObject) opinion = args_new ("recommendation", str (deny ? "deny" : "approve"),
                                              "text", str (phrase (demo, deny ? "opinion-deny"
                                                                              : "opinion-approve")),
                                              NULL);

    act (life, rand_range (demo, 1, 7), examiner, CIVIC_ACTION_OPINION, opinion);
  }

  /* Some approvals come late; a few of those get the one extension,
   * which the law allows only before the limit runs out. */
  if (chance (demo, 0.04) && extendable (life))
    {
      g_autoptr(JsonObject) extend = args_new ("reason", str ("案情复杂，需进一步审查论证"),
                                               "approved_by", str ("湖南省人民政府分管副省长"),
                                               NULL);

      act (life, 0, life->staff->approver, CIVIC_ACTION_EXTEND, extend);
    }

  if (deny)
    {
      g_autoptr(JsonObject) decide = args_new ("result", str ("deny"),
                                               "reason", str (phrase (demo, "opinion-deny")),
                                               "legal_basis", str (civic_case_get_item_legal_basis (life->kase)
                                                                   ? civic_case_get_item_legal_basis (life->kase)
                                                                   : "《中华人民共和国行政许可法》第三十八条"),
                                               /* A vertically led authority's are its superior's (Administrative
                                                * Reconsideration Law Art. 27) */
                                               "reconsideration_body",
                                               str (civic_case_get_item_reconsideration_body (life->kase)
                                                    ? civic_case_get_item_reconsideration_body (life->kase)
                                                    : "上一级主管部门"),
                                               "court", str (civic_case_get_item_court (life->kase)
                                                             ? civic_case_get_item_court (life->kase)
                                                             : "被告所在地基层人民法院"), NULL);

      act (life, rand_range (demo, 1, 5), life->staff->approver, CIVIC_ACTION_DECIDE, decide);
    }
  else
    {
      g_autofree char *number = g_strdup_printf ("湘%s许〔%d〕%05d号",
                                                 civic_case_get_department_id (life->kase),
                                                 civic_day_get_year (life->day),
                                                 rand_range (demo, 1, 99999));
      g_autoptr(JsonObject) decide = args_new ("result", str ("approve"), "number", str (number),
                                               NULL);

      act (life, rand_range (demo, 1, 5), life->staff->approver, CIVIC_ACTION_DECIDE, decide);
    }
}

static void
live_closing (Life *life)
{
  Demo *demo = life->demo;
  CivicCaseState state = civic_case_get_state (life->kase);
  int issuer = rand_range (demo, 43001, 43999);
  int serial = rand_range (demo, 1, 99999999);
  g_autofree char *certificate = g_strdup_printf ("JY%05d%08d", issuer, serial);
  g_autoptr(JsonObject) serve = NULL;

  if (state == CIVIC_CASE_STATE_APPROVED)
    serve = args_new ("method", str (chance (demo, 0.6) ? "electronic" : "in-person"),
                      "certificate_no", str (certificate), NULL);
  else
    serve = args_new ("method", str ("post"), NULL);

  act (life, rand_range (demo, 1, 6), life->staff->clerk, CIVIC_ACTION_SERVE, serve);
  act (life, rand_range (demo, 0, 2), life->staff->clerk, CIVIC_ACTION_CLOSE, NULL);
}

static void
live (Life *life)
{
  Demo *demo = life->demo;
  g_autoptr(GPtrArray) missing = civic_case_dup_missing_materials (life->kase);

  if (chance (demo, 0.7))
    act (life, rand_range (demo, 0, 1), life->staff->clerk, CIVIC_ACTION_START_PRE_REVIEW, NULL);

  /* Out of this authority's powers, or no licence needed (Art. 32). */
  if (chance (demo, 0.03))
    {
      g_autoptr(JsonObject) args = args_new ("ground", str ("not-competent"),
                                             "reason", str (phrase (demo, "not-accept")),
                                             "legal_basis",
                                             str ("《中华人民共和国行政许可法》第三十二条第一款第（二）项"),
                                             "competent_authority", str ("所在地市级行政审批服务局"),
                                             NULL);

      act (life, rand_range (demo, 0, 2), life->staff->clerk, CIVIC_ACTION_NOT_ACCEPT, args);
      act (life, rand_range (demo, 0, 3), life->staff->clerk, CIVIC_ACTION_CLOSE, NULL);
      return;
    }

  if (missing->len > 0)
    {
      live_correction (life);
      if (life->stopped || !civic_case_is_open (life->kase))
        return;
    }

  /* A clerk who lets the five days pass: the service deems it accepted
   * (Art. 32(4)), as the scheduler would have. */
  if (missing->len == 0 && chance (demo, 0.03))
    {
      g_autoptr(CivicActor) system = civic_actor_new ("system", _("Civic Desk service"), NULL,
                                                      CIVIC_ROLE_SYSTEM);

      if (!act (life, 6, system, CIVIC_ACTION_DEEM_ACCEPT, NULL))
        return;
    }
  else if (!act (life, rand_range (demo, 0, 2), life->staff->clerk, CIVIC_ACTION_ACCEPT, NULL))
    return;

  live_review (life);
  if (!life->stopped)
    live_closing (life);
}

static gboolean
make_case (Demo     *demo,
           guint     index,
           gboolean  to_hearing,
           GError  **error)
{
  g_autoptr(CivicCase) kase = NULL;
  g_autoptr(GPtrArray) received = g_ptr_array_new ();
  g_autoptr(GDateTime) received_at = NULL;
  g_autofree char *id = random_uuid (demo);
  g_autofree char *receipt = NULL;
  g_autoptr(CivicItemFiled) filed = NULL;
  CivicApplicant applicant;
  JsonObject *item;
  JsonArray *materials;
  CivicDay day;
  Life life = { 0 };
  double r;

  item = g_ptr_array_index (demo->weighted_items,
                            rand_range (demo, 0, demo->weighted_items->len - 1));

  /* More recent cases than old ones: the hall grows, and the old ones are
   * long closed anyway. */
  r = g_rand_double (demo->rand);
  day = demo->today - (CivicDay) ((demo->today - demo->first_day) * r * r);
  /* The hearings spread evenly over the past year, to the last weeks */
  if (to_hearing)
    day = demo->today - rand_range (demo, 12, MIN (365, (int) (demo->today - demo->first_day)));
  if (!civic_calendar_is_working_day (demo->calendar, day) && chance (demo, 0.85))
    day = civic_calendar_next_working_day (demo->calendar, day);
  if (day > demo->today)
    day = demo->today;
  received_at = office_time (demo, day);

  materials = json_object_get_array_member (item, "materials");
  for (guint i = 0; i < json_array_get_length (materials); i++)
    {
      JsonObject *material = json_array_get_object_element (materials, i);

      /* One application in six misses a required material. */
      if (!(json_object_get_boolean_member_with_default (material, "required", TRUE) &&
            chance (demo, 0.06)))
        g_ptr_array_add (received, (gpointer) json_object_get_string_member (material, "id"));
    }
  g_ptr_array_add (received, NULL);

  fill_applicant (demo, item, &applicant);
  filed = civic_item_records_filed_at (demo->db, json_object_get_string_member (item, "code"),
                                       received_at, error);
  if (filed == NULL)
    {
      clear_applicant (&applicant);
      return FALSE;
    }
  kase = civic_intake_new_case (demo->db, demo->calendar, id, filed, &applicant,
                                (const char * const *) received->pdata,
                                chance (demo, 0.8) ? CIVIC_CHANNEL_ONLINE
                                                   : rand_range (demo, 1, 5),
                                received_at, error);
  clear_applicant (&applicant);
  if (kase == NULL)
    return FALSE;

  life.demo = demo;
  life.kase = kase;
  life.staff = g_hash_table_lookup (demo->staff, civic_case_get_department_id (kase));
  life.day = day;
  life.to_hearing = to_hearing;
  if (life.staff == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "item %s: department %s has no staff",
                   json_object_get_string_member (item, "code"),
                   civic_case_get_department_id (kase));
      return FALSE;
    }
  live (&life);

  civic_case_set_rev (kase, civic_case_get_events (kase)->len);
  demo->state_counts[civic_case_get_state (kase)]++;

  receipt = civic_intake_new_receipt ();
  if (civic_case_records_save (demo->db, kase, demo->calendar, demo->today, receipt, error) == 0)
    goto fail;
  if (life.hearing != NULL)
    {
      /* Rendering a thousand hearings' notices and records would take the
       * demo minutes: its hearings have none, as if issued on paper */
      g_ptr_array_set_size (civic_hearing_get_documents (life.hearing), 0);
      civic_hearing_set_rev (life.hearing, life.hearing_steps + 1);
      demo->hearing_counts[civic_hearing_get_state (life.hearing)]++;
      if (civic_hearing_records_save (demo->db, life.hearing, demo->calendar, demo->today,
                                      error) == 0)
        goto fail;
    }
  g_clear_object (&life.hearing);
  return TRUE;

fail:
  g_clear_object (&life.hearing);
  return FALSE;
}

static void
print_accounts (Demo *demo)
{
  Staff *staff = g_hash_table_lookup (demo->staff, CIVIC_DEMO_DEPARTMENT);

  g_print (_("Demo accounts (password “%s”):\n"), demo->options->password);
  g_print ("  %-14s %-10s %s\n", "clerk", staff->clerk->name, _("Window clerk"));
  g_print ("  %-14s %-10s %s\n", "examiner", staff->examiners[0]->name, _("Examiner"));
  g_print ("  %-14s %-10s %s\n", "examiner2", staff->examiners[1]->name, _("Examiner"));
  g_print ("  %-14s %-10s %s\n", "approver", staff->approver->name, _("Approver"));
  g_print ("  %-14s %-10s %s\n", "officer", staff->officers[0]->name, _("Hearing officer"));
  g_print ("  %-14s %-10s %s\n", "officer2", staff->officers[1]->name, _("Hearing officer"));
  g_print ("  %-14s %-10s %s\n", "editor", staff->editor->name, _("Disclosure editor"));
  g_print ("  %-14s %-10s %s\n", "reviewer", staff->reviewers[0]->name, _("Disclosure reviewer"));
  g_print ("  %-14s %-10s %s\n", "reviewer2", staff->reviewers[1]->name, _("Disclosure reviewer"));
  g_print ("  %-14s %-10s %s\n", "head", staff->head->name, _("Head of the disclosure office"));
  g_print ("  %-14s %-10s %s\n", "handler", staff->handler->name, _("Complaint handler"));
  g_print ("  %-14s %-10s %s\n", "reply-reviewer", staff->message_reviewer->name,
           _("Reply reviewer"));
  g_print ("  %-14s %-10s %s\n", "dispatcher", demo->dispatcher->name,
           _("Dispatcher (the hall’s, routes every department’s messages)"));
  g_print ("  %-14s %-10s %s\n", "catalogue-editor", staff->catalogue_editor->name,
           _("Catalogue editor"));
  g_print ("  %-14s %-10s %s\n", "catalogue-reviewer", staff->catalogue_reviewer->name,
           _("Catalogue reviewer"));
  g_print ("  %-14s %-10s %s\n", "supervisor", "", _("Supervisor (reads every department)"));
  g_print ("  %-14s %-10s %s\n", "dept-admin", "", _("Department administrator (its accounts)"));
  g_print ("  %-14s %-10s %s\n", "admin", "", _("Administrator"));
  g_print (_("  The officials above belong to %s; every other department has <id>.clerk, "
             "<id>.examiner, <id>.examiner2, <id>.approver, <id>.officer, <id>.officer2, "
             "<id>.editor, <id>.reviewer, <id>.reviewer2, <id>.head, <id>.handler, "
             "<id>.reply-reviewer, <id>.catalogue-editor and <id>.catalogue-reviewer.\n"),
           (const char *) g_hash_table_lookup (demo->names, CIVIC_DEMO_DEPARTMENT));
}

/**
 * civic_demo_generate:
 *
 * Creates a service in a new data folder and fills it.
 */
gboolean
civic_demo_generate (const CivicDemoOptions  *options,
                     GError                 **error)
{
  g_autofree char *dir = demo_data_dir ();
  g_autofree char *path = civic_server_db_path (options->data_dir);
  g_autoptr(CivicDb) db = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  guint32 seed[2] = { (guint32) options->seed, (guint32) (options->seed >> 32) };
  Demo demo = { 0 };
  gboolean ok = FALSE;
  gboolean holds;
  int n_hearings;

  if (!civic_server_db_holds_service (options->data_dir, &holds, error))
    return FALSE;
  if (holds)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("%s already holds a service; the demo needs a new folder"), options->data_dir);
      return FALSE;
    }

  demo.options = options;
  demo.rand = g_rand_new_with_seed_array (seed, G_N_ELEMENTS (seed));
  demo.now = civic_time_now ();
  demo.today = civic_time_day_of (demo.now);
  demo.first_day = civic_day_from_ymd (2025, 1, 2);
  if (demo.first_day > demo.today)
    demo.first_day = demo.today - 365;
  demo.staff = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) staff_free);
  demo.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  demo.weighted_items = g_ptr_array_new ();
  demo.published_items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  demo.bookings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!(demo.departments = load_input (dir, "departments.json", error)) ||
      !(demo.items = load_input (dir, "items.json", error)) ||
      !(demo.rooms = load_input (dir, "rooms.json", error)) ||
      !(demo.phrases = load_input (dir, "phrases.json", error)) ||
      !(demo.people = load_input (dir, "people.json", error)))
    goto out;

  /* One hash for every demo account: Argon2id costs 0.1 s a time, and
   * they share the password anyway. */
  demo.password_hash = civic_accounts_hash_password (options->password, error);
  if (demo.password_hash == NULL)
    goto out;

  db = civic_server_db_open (options->data_dir, error);
  if (db == NULL || !civic_calendar_records_import_defaults (db, error) ||
      !civic_templates_import_defaults (db, error))
    goto out;
  demo.db = db;

  demo.calendar = civic_calendar_records_load (db, "CN-43", error);
  if (demo.calendar == NULL)
    goto out;

  /* A bulk load into a new file: no journal and a large cache while it
   * runs (a failed run deletes the file anyway), then back to WAL. */
  if ((civic_db_get_backend (db) == CIVIC_DB_SQLITE &&
       !civic_db_exec (db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
                           "PRAGMA cache_size = -262144", error)) ||
      !civic_db_begin (db, error))
    goto out;

  if (!publish_reference (&demo, error) || !add_staff (&demo, error))
    goto rollback;

  n_hearings = options->hearings >= 0 ? options->hearings : MIN (options->cases / 2, 1000);
  for (int i = 0; i < options->cases + n_hearings; i++)
    {
      if (!make_case (&demo, i, i >= options->cases, error))
        goto rollback;

      if ((i + 1) % 5000 == 0)
        {
          if (!civic_db_commit (db, error) || !civic_db_begin (db, error))
            goto rollback;
          if (options->verbose)
            g_printerr ("\r%d / %d", i + 1, options->cases);
        }
    }

  if (!add_disclosure_staff (&demo, error) ||
      !add_disclosures (&demo, error) ||
      !add_message_staff (&demo, error) ||
      !add_open311_services (&demo, error) ||
      !add_messages (&demo, error) ||
      !add_catalogue_staff (&demo, error) ||
      !civic_audit_append (db, demo.now, NULL, "demo-generated", NULL, NULL, NULL, error) ||
      !civic_db_commit (db, error) ||
      (civic_db_get_backend (db) == CIVIC_DB_SQLITE &&
       !civic_db_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                           "PRAGMA optimize", error)) ||
      !add_catalogue_versions (&demo, error))
    goto rollback;

  if (options->verbose)
    {
      g_printerr ("\r");
      g_print (_("Created a demo service in %s: %u departments, %u service items, %d cases "
                 "in %.1f s.\n"),
               options->data_dir, json_array_get_length (json_node_get_array (demo.departments)),
               json_array_get_length (json_node_get_array (demo.items)), options->cases,
               g_timer_elapsed (timer, NULL));
      for (guint s = 0; s <= CIVIC_CASE_STATE_CLOSED; s++)
        g_print ("  %-22s %u\n", civic_case_state_get_label (s), demo.state_counts[s]);
      g_print (_("Hearings:\n"));
      for (guint s = 0; s <= CIVIC_HEARING_STATE_WITHDRAWN; s++)
        g_print ("  %-22s %u\n", civic_hearing_state_get_label (s), demo.hearing_counts[s]);
      g_print (_("Disclosures:\n"));
      for (guint s = 0; s < CIVIC_N_DISCLOSURE_STATES; s++)
        g_print ("  %-22s %u\n", civic_disclosure_state_get_label (s), demo.disclosure_counts[s]);
      g_print (_("Requests for information:\n"));
      for (guint s = 0; s < CIVIC_N_DISCLOSURE_REQUEST_STATES; s++)
        g_print ("  %-22s %u\n", civic_disclosure_request_state_get_label (s),
                 demo.request_counts[s]);
      g_print (_("Citizens’ messages:\n"));
      for (guint s = 0; s < CIVIC_N_MESSAGE_STATES; s++)
        g_print ("  %-22s %u\n", civic_message_state_get_label (s), demo.message_counts[s]);
      g_print (_("Ratings of answered messages: %u\n"), demo.n_ratings);
      g_print (_("Idea campaigns: %u\n"), demo.n_campaigns);
      print_accounts (&demo);
    }

  ok = TRUE;
  goto out;

rollback:
  civic_db_rollback (db);
  g_clear_object (&db);
  g_unlink (path);

out:
  g_clear_pointer (&demo.rand, g_rand_free);
  g_clear_pointer (&demo.now, g_date_time_unref);
  g_clear_object (&demo.calendar);
  g_clear_pointer (&demo.departments, json_node_unref);
  g_clear_pointer (&demo.items, json_node_unref);
  g_clear_pointer (&demo.rooms, json_node_unref);
  g_clear_pointer (&demo.phrases, json_node_unref);
  g_clear_pointer (&demo.people, json_node_unref);
  g_clear_pointer (&demo.staff, g_hash_table_unref);
  g_clear_pointer (&demo.names, g_hash_table_unref);
  g_clear_pointer (&demo.weighted_items, g_ptr_array_unref);
  g_clear_pointer (&demo.published_items, g_ptr_array_unref);
  g_clear_pointer (&demo.bookings, g_hash_table_unref);
  g_clear_pointer (&demo.dispatcher, civic_actor_free);
  g_free (demo.password_hash);
  return ok;
}
