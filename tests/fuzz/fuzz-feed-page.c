/* fuzz-feed-page.c — a page of the change feed, as the client scans it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-core.h"
#include "civic-fuzz.h"

/* The client never builds a tree of a feed page: the sync engine reads
 * "more" and "next" from its first bytes (civic-sync-engine.c,
 * pull_take()), and the cache finds each change's members, a case's
 * summary, its events and its sub-tasks with the span scanner, in an
 * index of the page (civic-cache.c: civic_cache_apply_page(), apply_change(); then
 * civic-case-index.c: _civic_case_index_put(), index_case_members(),
 * scan_case()). This makes the same calls in the
 * same order, with the same member lists, on whatever the service — or
 * anyone between — sends. */

static const char *page_start;
static const char *page_end;

static void
check_span (CivicJsonSpan span)
{
  if (span.start == NULL)
    return;
  civic_fuzz_assert (span.start >= page_start && span.start + span.length <= page_end);
}

static void
check_string (CivicJsonSpan span)
{
  g_autofree char *text = NULL;

  check_span (span);
  if (span.start == NULL || civic_json_span_is_null (span))
    return;
  text = civic_json_span_dup_string (span);
  if (text != NULL)
    civic_fuzz_assert (strlen (text) <= span.length);
}

static void
scan_members (CivicJsonSpan       object,
              const char * const *names,
              CivicJsonSpan      *values)
{
  guint n = g_strv_length ((char **) names);

  if (!civic_json_span_members (object, names, values, NULL))
    {
      for (guint i = 0; i < n; i++)
        values[i] = (CivicJsonSpan) { NULL, 0 };
      return;
    }
  for (guint i = 0; i < n; i++)
    check_span (values[i]);
}

static void
scan_list (CivicJsonSpan       list,
           const char * const *names)
{
  g_autoptr(GArray) elements = g_array_new (FALSE, FALSE, sizeof (CivicJsonSpan));
  CivicJsonSpan values[2];
  gboolean flag;

  if (list.start == NULL)
    return;
  civic_json_span_elements (list, elements, NULL);
  for (guint i = 0; i < elements->len; i++)
    {
      CivicJsonSpan element = g_array_index (elements, CivicJsonSpan, i);

      check_span (element);
      scan_members (element, names, values);
      check_string (values[0]);
      check_string (values[1]);
      if (values[0].start != NULL)
        civic_json_span_get_bool (values[0], &flag);
    }
}

static void
scan_case (CivicJsonSpan data)
{
  static const char * const case_members[] = {
    "number", "applicant", "item", "department", "state", "queue", "assignee_id",
    "assignee_name", "channel", "summary", "events", "subtasks", NULL,
  };
  static const char * const applicant_members[] = { "name", NULL };
  static const char * const item_members[] = { "code", "name", NULL };
  static const char * const department_members[] = { "id", "name", NULL };
  static const char * const summary_members[] = {
    "status", "due", "statutory_due", "received_on", "updated_at", "joint", NULL,
  };
  static const char * const event_members[] = { "text", "actor_id", NULL };
  static const char * const subtask_members[] = { "done", "department_id", NULL };
  CivicJsonSpan values[G_N_ELEMENTS (case_members) - 1];
  CivicJsonSpan columns[G_N_ELEMENTS (summary_members) - 1];
  gboolean joint;

  scan_members (data, case_members, values);
  check_string (values[0]);
  for (guint i = 4; i < 9; i++)
    check_string (values[i]);

  scan_members (values[1], applicant_members, columns);
  check_string (columns[0]);
  scan_members (values[2], item_members, columns);
  check_string (columns[0]);
  check_string (columns[1]);
  scan_members (values[3], department_members, columns);
  check_string (columns[0]);
  check_string (columns[1]);

  scan_members (values[9], summary_members, columns);
  for (guint i = 0; i < G_N_ELEMENTS (columns) - 1; i++)
    check_string (columns[i]);
  if (columns[G_N_ELEMENTS (columns) - 1].start != NULL)
    civic_json_span_get_bool (columns[G_N_ELEMENTS (columns) - 1], &joint);

  scan_list (values[10], event_members);
  scan_list (values[11], subtask_members);
}

static void
scan_change (CivicJsonSpan change)
{
  static const char * const members[] = { "type", "id", "seq", "rev", "data", "deleted", NULL };
  CivicJsonSpan values[6];
  g_autofree char *type = NULL;
  g_autofree char *id = NULL;
  gint64 seq, rev;
  gboolean deleted = FALSE;

  scan_members (change, members, values);

  /* Found from the page's index, each member is where the text alone
   * says it is. */
  if (change.token != NULL)
    {
      CivicJsonSpan plain = { change.start, change.length, NULL };
      CivicJsonSpan read[G_N_ELEMENTS (values)];

      scan_members (plain, members, read);
      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        civic_fuzz_assert (read[i].start == values[i].start && read[i].length == values[i].length);
    }

  if (values[0].start == NULL || !(type = civic_json_span_dup_string (values[0])) ||
      values[1].start == NULL || !(id = civic_json_span_dup_string (values[1])) ||
      values[2].start == NULL || !civic_json_span_get_int (values[2], &seq) ||
      values[3].start == NULL || !civic_json_span_get_int (values[3], &rev) ||
      values[4].start == NULL)
    return;

  if (values[5].start != NULL)
    civic_json_span_get_bool (values[5], &deleted);
  civic_json_span_check (values[4], NULL);

  if (!deleted && g_str_equal (type, "case"))
    scan_case (values[4]);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const page_members[] = { "changes", "next", "more", "head", NULL };
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (CivicJsonSpan));
  g_autoptr(CivicJsonIndex) index = NULL;
  CivicJsonSpan root = { (const char *) data, size, NULL };
  CivicJsonSpan value, values[4];
  gboolean more;
  gint64 next, head;

  civic_fuzz_init (CIVIC_FUZZ_DEFAULT);
  page_start = root.start;
  page_end = root.start + root.length;

  /* The sync engine, as the page arrives. */
  if (civic_json_span_member (root, "more", &value, NULL))
    {
      check_span (value);
      civic_json_span_get_bool (value, &more);
    }
  if (civic_json_span_member (root, "next", &value, NULL))
    {
      check_span (value);
      civic_json_span_get_int (value, &next);
    }

  /* The cache, on the worker: the page is indexed once, and the index
   * takes what the scanner takes. */
  index = civic_json_index_new (root, NULL);
  civic_fuzz_assert ((index != NULL) == civic_json_span_check (root, NULL));
  if (index == NULL)
    return 0;
  root = civic_json_index_get_root (index);
  civic_fuzz_assert (root.token != NULL);
  check_span (root);

  scan_members (root, page_members, values);
  if (values[0].start == NULL || !civic_json_span_elements (values[0], changes, NULL) ||
      values[1].start == NULL || !civic_json_span_get_int (values[1], &next) ||
      values[2].start == NULL || !civic_json_span_get_bool (values[2], &more))
    return 0;
  if (values[3].start != NULL)
    civic_json_span_get_int (values[3], &head);

  for (guint i = 0; i < changes->len; i++)
    {
      CivicJsonSpan change = g_array_index (changes, CivicJsonSpan, i);

      check_span (change);
      scan_change (change);
    }

  return 0;
}
