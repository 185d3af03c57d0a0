/* test-outbox.c — the official's unsent actions, by themselves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "civic-outbox.h"

typedef struct
{
  char        *dir;
  CivicOutbox *outbox;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("civicdesk-outbox-XXXXXX", NULL);
  path = g_build_filename (fixture->dir, "outbox.db", NULL);
  fixture->outbox = civic_outbox_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_finalize_object (fixture->outbox);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static void
add (Fixture    *fixture,
     const char *id,
     const char *type,
     const char *target,
     gint64      base_rev)
{
  g_autoptr(JsonObject) args = json_object_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (civic_outbox_add (fixture->outbox, id, type, target, base_rev, args, &error));
  g_assert_no_error (error);
}

static char *
ids_of (GPtrArray *commands)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < commands->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "",
                            ((CivicOutboxCommand *) g_ptr_array_index (commands, i))->id);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
due (Fixture *fixture,
     gint64   now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) commands = civic_outbox_list_due (fixture->outbox, now, 100, &error);

  g_assert_no_error (error);
  return ids_of (commands);
}

/* In order, and a command goes only once the one before it on the same
 * record is answered: the batch stops there, and at a command waiting
 * out its back-off. */
static void
test_due_in_order (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *deferred = NULL;

  add (fixture, "c1", "claim", "case-a", 5);
  add (fixture, "c2", "comment", "case-b", 2);
  add (fixture, "c3", "stop-clock", "case-a", 5);
  add (fixture, "c4", "comment", "case-c", 9);

  first = due (fixture, 1000);
  g_assert_cmpstr (first, ==, "c1 c2");

  g_assert_true (civic_outbox_remove (fixture->outbox, "c1", &error));
  g_assert_true (civic_outbox_remove (fixture->outbox, "c2", &error));
  second = due (fixture, 1000);
  g_assert_cmpstr (second, ==, "c3 c4");

  g_assert_true (civic_outbox_defer (fixture->outbox, "c3", 2000, "busy", &error));
  g_assert_no_error (error);
  deferred = due (fixture, 1000);
  g_assert_cmpstr (deferred, ==, "");
  third = due (fixture, 2000);
  g_assert_cmpstr (third, ==, "c3 c4");
}

/* A delegate's commands keep whom they were taken for, through a restart
 * and into Conflicts, and carry it to the service; those after acting
 * for another carry nothing */
static void
test_acting_for (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) commands = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *sent = NULL, *plain = NULL, *acting = NULL;

  civic_outbox_set_acting_for (fixture->outbox, "u-examiner");
  acting = civic_outbox_dup_acting_for (fixture->outbox);
  g_assert_cmpstr (acting, ==, "u-examiner");
  add (fixture, "c1", "claim", "case-a", 5);
  civic_outbox_set_acting_for (fixture->outbox, NULL);
  add (fixture, "c2", "comment", "case-b", 2);

  commands = civic_outbox_list (fixture->outbox, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (commands->len, ==, 2);
  g_assert_cmpstr (((CivicOutboxCommand *) g_ptr_array_index (commands, 0))->on_behalf_of, ==,
                   "u-examiner");
  g_assert_null (((CivicOutboxCommand *) g_ptr_array_index (commands, 1))->on_behalf_of);
  sent = civic_outbox_command_to_json (g_ptr_array_index (commands, 0));
  g_assert_cmpstr (sent, ==, "{\"id\":\"c1\",\"type\":\"claim\",\"target\":\"case-a\","
                             "\"base_rev\":5,\"on_behalf_of\":\"u-examiner\",\"args\":{}}");
  plain = civic_outbox_command_to_json (g_ptr_array_index (commands, 1));
  g_assert_null (strstr (plain, "on_behalf_of"));

  g_assert_true (civic_outbox_move_to_conflicts (fixture->outbox, "c1", "delegation",
                                                 "The delegation to act for 张三 ended on "
                                                 "2026-03-25", NULL, &error));
  g_assert_no_error (error);
  conflicts = civic_outbox_list_conflicts (fixture->outbox, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (((CivicConflict *) g_ptr_array_index (conflicts, 0))->command->on_behalf_of, ==,
                   "u-examiner");
}

/* The official's own applied command moves the base of those after it on
 * the same record; nothing else moves. */
static void
test_rebase_successors (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) on_a = NULL;
  g_autoptr(GPtrArray) on_b = NULL;

  add (fixture, "c1", "claim", "case-a", 5);
  add (fixture, "c2", "stop-clock", "case-a", 5);
  add (fixture, "c3", "resume-clock", "case-a", 5);
  add (fixture, "c4", "opinion", "case-a", 7);
  add (fixture, "c5", "comment", "case-b", 5);

  g_assert_true (civic_outbox_remove (fixture->outbox, "c1", &error));
  g_assert_true (civic_outbox_rebase_successors (fixture->outbox, "case-a", 5, 6, &error));
  g_assert_no_error (error);

  on_a = civic_outbox_list (fixture->outbox, "case-a", &error);
  g_assert_cmpuint (on_a->len, ==, 3);
  g_assert_cmpint (((CivicOutboxCommand *) g_ptr_array_index (on_a, 0))->base_rev, ==, 6);
  g_assert_cmpint (((CivicOutboxCommand *) g_ptr_array_index (on_a, 1))->base_rev, ==, 6);
  g_assert_cmpint (((CivicOutboxCommand *) g_ptr_array_index (on_a, 2))->base_rev, ==, 7);
  on_b = civic_outbox_list (fixture->outbox, "case-b", &error);
  g_assert_cmpint (((CivicOutboxCommand *) g_ptr_array_index (on_b, 0))->base_rev, ==, 5);
}

/* Undo takes back only what the service cannot have: never offered to
 * it, and the last on its record. A refusal changes nothing. */
static void
test_withdraw (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(CivicOutboxCommand) taken = NULL;

  add (fixture, "c1", "claim", "case-a", 3);
  add (fixture, "c2", "comment", "case-a", 3);
  add (fixture, "c3", "claim", "case-b", 5);

  /* c2 was checked against what c1 makes */
  g_assert_null (civic_outbox_withdraw (fixture->outbox, "c1", &error));
  g_assert_error (error, CIVIC_OUTBOX_ERROR, CIVIC_OUTBOX_ERROR_NOT_LAST);
  g_clear_error (&error);
  g_assert_cmpuint (civic_outbox_count (fixture->outbox), ==, 3);

  /* Offered to the service, it may have reached it */
  due = civic_outbox_list_due (fixture->outbox, G_MAXINT64, 10, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < due->len; i++)
    g_assert_false (((CivicOutboxCommand *) g_ptr_array_index (due, i))->offered);
  g_ptr_array_remove_range (due, 1, due->len - 1);  /* c1 only */
  g_assert_true (civic_outbox_mark_offered (fixture->outbox, due, &error));
  g_assert_no_error (error);

  taken = civic_outbox_withdraw (fixture->outbox, "c2", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (taken->id, ==, "c2");
  g_assert_cmpstr (taken->target, ==, "case-a");
  g_assert_null (civic_outbox_withdraw (fixture->outbox, "c1", &error));
  g_assert_error (error, CIVIC_OUTBOX_ERROR, CIVIC_OUTBOX_ERROR_OFFERED);
  g_clear_error (&error);
  g_assert_null (civic_outbox_withdraw (fixture->outbox, "c2", &error));
  g_assert_error (error, CIVIC_OUTBOX_ERROR, CIVIC_OUTBOX_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_clear_pointer (&taken, civic_outbox_command_free);
  taken = civic_outbox_withdraw (fixture->outbox, "c3", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (civic_outbox_count (fixture->outbox), ==, 1);
}

/* A file waits with the command that carries it; the batch says which
 * command waits for an upload; a refused command keeps its file, which
 * goes with the command that tries it again; the file goes with its
 * command when it is answered, taken back or given up, and never with
 * another's (a removal naming the same hash carries nothing) */
static void
test_files (Fixture       *fixture,
            gconstpointer  data)
{
  static const char sha[] = "0f343b0931126a20f133d67c2b018a3b5b8a0dbb7e1a3f4e35f4a5a2b5e1c9d1";
  g_autoptr(GBytes) content = g_bytes_new_static ("名单\n", strlen ("名单\n"));
  g_autoptr(JsonObject) args = json_object_new ();
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(CivicOutboxFile) file = NULL;
  g_autoptr(GError) error = NULL;
  guint index = 99;

  json_object_set_string_member (args, "sha256", sha);
  json_object_set_string_member (args, "name", "a.txt");
  add (fixture, "c-1", "save-disclosure", "d-1", 1);
  g_assert_true (civic_outbox_add (fixture->outbox, "c-2", "remove-disclosure-file", "d-2", -1,
                                   args, &error));
  g_assert_true (civic_outbox_add (fixture->outbox, "c-3", "attach-disclosure-file", "d-1", -1,
                                   args, &error));
  g_assert_no_error (error);
  g_assert_true (civic_outbox_add_file (fixture->outbox, "c-3", "d-1", sha,
                                        "/api/v1/disclosures/d-1/attachments?name=a.txt",
                                        "text/plain", content, &error));
  g_assert_no_error (error);
  g_assert_true (civic_outbox_has_file (fixture->outbox, "d-1", sha));
  g_assert_false (civic_outbox_has_file (fixture->outbox, "d-2", sha));

  due = civic_outbox_list_due (fixture->outbox, 0, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 2);  /* c-3 waits for c-1 on d-1 */
  g_assert_null (civic_outbox_find_upload (fixture->outbox, due, &index, &error));
  g_assert_no_error (error);
  g_clear_pointer (&due, g_ptr_array_unref);

  /* Another command answered does not take the file with it */
  g_assert_true (civic_outbox_remove (fixture->outbox, "c-1", &error));
  g_assert_true (civic_outbox_remove (fixture->outbox, "c-2", &error));
  g_assert_true (civic_outbox_has_file (fixture->outbox, "d-1", sha));
  due = civic_outbox_list_due (fixture->outbox, 0, 50, &error);
  g_assert_cmpuint (due->len, ==, 1);
  file = civic_outbox_find_upload (fixture->outbox, due, &index, &error);
  g_assert_no_error (error);
  g_assert_nonnull (file);
  g_assert_cmpuint (index, ==, 0);
  g_assert_cmpstr (file->command_id, ==, "c-3");
  g_assert_cmpstr (file->path, ==, "/api/v1/disclosures/d-1/attachments?name=a.txt");
  g_assert_cmpstr (file->media_type, ==, "text/plain");
  g_assert_cmpmem (g_bytes_get_data (file->content, NULL), g_bytes_get_size (file->content),
                   "名单\n", strlen ("名单\n"));
  g_clear_pointer (&file, civic_outbox_file_free);

  g_assert_true (civic_outbox_mark_uploaded (fixture->outbox, "c-3", &error));
  g_assert_null (civic_outbox_find_upload (fixture->outbox, due, &index, &error));

  /* Refused: kept, and it goes up again with the command that tries
   * again */
  g_assert_true (civic_outbox_move_to_conflicts (fixture->outbox, "c-3", "rule", "no", NULL,
                                                 &error));
  g_assert_no_error (error);
  g_assert_true (civic_outbox_has_file (fixture->outbox, "d-1", sha));
  g_assert_true (civic_outbox_add (fixture->outbox, "c-4", "attach-disclosure-file", "d-1", -1,
                                   args, &error));
  g_assert_true (civic_outbox_move_file (fixture->outbox, "c-3", "c-4", &error));
  g_clear_pointer (&due, g_ptr_array_unref);
  due = civic_outbox_list_due (fixture->outbox, 0, 50, &error);
  file = civic_outbox_find_upload (fixture->outbox, due, &index, &error);
  g_assert_nonnull (file);
  g_assert_cmpstr (file->command_id, ==, "c-4");

  /* Given up, the refused one has nothing left; answered, the new one
   * takes its file with it */
  g_assert_true (civic_outbox_discard_conflict (fixture->outbox, "c-3", &error));
  g_assert_true (civic_outbox_has_file (fixture->outbox, "d-1", sha));
  g_assert_true (civic_outbox_remove (fixture->outbox, "c-4", &error));
  g_assert_no_error (error);
  g_assert_false (civic_outbox_has_file (fixture->outbox, "d-1", sha));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/outbox/due-in-order", Fixture, NULL, fixture_set_up, test_due_in_order,
              fixture_tear_down);
  g_test_add ("/outbox/files", Fixture, NULL, fixture_set_up, test_files, fixture_tear_down);
  g_test_add ("/outbox/acting-for", Fixture, NULL, fixture_set_up, test_acting_for,
              fixture_tear_down);
  g_test_add ("/outbox/withdraw", Fixture, NULL, fixture_set_up, test_withdraw,
              fixture_tear_down);
  g_test_add ("/outbox/rebase-successors", Fixture, NULL, fixture_set_up, test_rebase_successors,
              fixture_tear_down);

  return g_test_run ();
}
