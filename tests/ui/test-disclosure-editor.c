/* test-disclosure-editor.c — a disclosure written, linted, redacted and saved offline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signed in as the demo organ's disclosure editor, on an offline copy
 * synced from the real service: a new draft is made from the create
 * form's arguments under a fresh id; a resident ID typed into it is
 * underlined as it is completed and listed as blocking publication; it
 * is redacted, brought back by undo, redacted again and saved — a
 * save-disclosure waiting in the outbox, naming the finding it removed —
 * and the draft is listed under Drafts before the service has it and
 * after it took it. Text typed and not saved is kept a second after the
 * last keystroke and offered again when the draft is opened.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "civic-conflicts-view.h"
#include "civic-diff-view.h"
#include "civic-disclosures-view.h"
#include "civic-form.h"
#include "civic-ui-test.h"

/* GB 11643-1999's own example, its check character typed last */
#define ID_BUT_LAST "11010519491231002"
#define TITLE       "2026年第一季度食品安全监督抽检结果"

static void
wait_until_scanned (CivicLintHighlighter *highlighter)
{
  gint64 end = g_get_monotonic_time () + CIVIC_UI_TEST_HANG_USEC;

  while (civic_lint_highlighter_is_busy (highlighter))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
  civic_ui_test_spin (50);
}

static char *
text_of (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static void
type_at_end (GtkTextBuffer *buffer,
             const char    *text)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert (buffer, &end, text, -1);
  gtk_text_buffer_end_user_action (buffer);
}

/* Whether every character of [start, end) carries @tag_name */
static gboolean
tagged (GtkTextBuffer *buffer,
        const char    *tag_name,
        int            start,
        int            end)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  for (int offset = start; offset < end; offset++)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
      if (!gtk_text_iter_has_tag (&iter, tag))
        return FALSE;
    }
  return TRUE;
}

static GtkWidget *
new_view (GtkWidget **window)
{
  GtkWidget *view = g_object_new (CIVIC_TYPE_DISCLOSURES_VIEW, NULL);

  civic_section_set_engine (CIVIC_SECTION (view), civic_ui_test_engine ());
  *window = civic_ui_test_window (view, 1280, 800);
  return view;
}

static char *
create_draft (CivicDisclosuresView *view,
              const char           *title)
{
  g_autoptr(JsonObject) args = json_object_new ();
  g_autoptr(GError) error = NULL;
  char *id;

  json_object_set_string_member (args, "title", title);
  json_object_set_string_member (args, "category", "statistics");
  json_object_set_string_member (args, "formed_on", "2026-03-16");
  id = civic_disclosures_view_create (view, args, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static GtkWidget *
find_row (CivicDisclosuresView *view,
          const char           *id)
{
  GtkListBox *list = civic_disclosures_view_get_list (view);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), id) == 0)
      return GTK_WIDGET (row);
  return NULL;
}

static CivicLintFinding *
first_finding (CivicDisclosureEditor *editor)
{
  GListModel *findings = civic_lint_highlighter_get_findings (
    civic_disclosure_editor_get_highlighter (editor));
  g_autoptr(CivicLintFinding) finding = g_list_model_get_item (findings, 0);

  g_assert_nonnull (finding);
  return finding;  /* the model keeps it */
}

static void
test_new_draft (void)
{
  GtkWidget *window;
  CivicDisclosuresView *view = CIVIC_DISCLOSURES_VIEW (new_view (&window));
  CivicDisclosureEditor *editor = civic_disclosures_view_get_editor (view);
  CivicLintHighlighter *highlighter = civic_disclosure_editor_get_highlighter (editor);
  GtkTextBuffer *buffer = civic_disclosure_editor_get_buffer (editor);
  CivicOutbox *outbox = civic_sync_engine_get_outbox (civic_ui_test_engine ());
  g_autofree char *id = create_draft (view, TITLE);
  g_autoptr(GPtrArray) commands = NULL;
  g_autoptr(JsonNode) save_args = NULL;
  g_autoptr(GObject) served = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *key = NULL;
  CivicOutboxCommand *save;
  CivicLintFinding *finding;
  JsonArray *redacted;
  GtkWidget *row;

  /* The new draft is open, and may be written */
  g_assert_cmpstr (civic_disclosure_editor_get_disclosure_id (editor), ==, id);
  g_assert_true (civic_disclosure_editor_get_editable (editor));

  /* Seventeen digits are not an ID yet; the check character makes one,
   * underlined whole in the same scan and listed as blocking */
  type_at_end (buffer, "身份证号" ID_BUT_LAST);
  wait_until_scanned (highlighter);
  g_assert_cmpuint (civic_lint_highlighter_get_n_blocking (highlighter), ==, 0);
  type_at_end (buffer, "X");
  wait_until_scanned (highlighter);
  g_assert_cmpuint (civic_lint_highlighter_get_n_blocking (highlighter), ==, 1);
  finding = first_finding (editor);
  g_assert_cmpint (civic_lint_finding_get_kind (finding), ==, CIVIC_PRIVACY_KIND_RESIDENT_ID);
  g_assert_cmpint (civic_lint_finding_get_severity (finding), ==, CIVIC_PRIVACY_SEVERITY_BLOCK);
  g_assert_true (tagged (buffer, "lint-block", 4, 22));
  g_assert_false (tagged (buffer, "lint-block", 3, 4));
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (civic_disclosure_editor_get_findings_list (editor),
                                                   0));
  g_assert_nonnull (row);
  g_assert_true (civic_ui_test_has_text (row, "line 1"));
  /* An editor redacts; only a reviewer may publish it as it is */
  g_assert_true (civic_ui_test_has_text (row, "Redact"));
  g_assert_false (civic_ui_test_has_text (row, "Mark as"));

  /* Redacted: no digit left, nothing blocks */
  key = g_strdup (civic_lint_finding_get_key (finding));
  civic_disclosure_editor_redact (editor, finding);
  wait_until_scanned (highlighter);
  text = text_of (buffer);
  g_assert_cmpstr (text, ==, "身份证号******************");
  g_assert_cmpuint (civic_lint_highlighter_get_n_blocking (highlighter), ==, 0);
  g_clear_pointer (&text, g_free);

  /* Undo brings the number back, and the finding with it */
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_undo (buffer);
  wait_until_scanned (highlighter);
  text = text_of (buffer);
  g_assert_cmpstr (text, ==, "身份证号" ID_BUT_LAST "X");
  g_assert_cmpuint (civic_lint_highlighter_get_n_blocking (highlighter), ==, 1);
  g_clear_pointer (&text, g_free);

  /* Redacted again and saved: a save-disclosure on version 0 waits in
   * the outbox behind the create, naming the finding it removed */
  civic_disclosure_editor_redact (editor, first_finding (editor));
  wait_until_scanned (highlighter);
  g_assert_true (civic_disclosure_editor_save (editor, &error));
  g_assert_no_error (error);
  commands = civic_outbox_list (outbox, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (commands->len, ==, 2);
  g_assert_cmpstr (((CivicOutboxCommand *) g_ptr_array_index (commands, 0))->type, ==,
                   "create-disclosure");
  save = g_ptr_array_index (commands, 1);
  g_assert_cmpstr (save->type, ==, "save-disclosure");
  save_args = json_from_string (save->args, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (save_args), "base_version"),
                   ==, 0);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (save_args), "body"), ==,
                   "身份证号******************");
  redacted = json_object_get_array_member (json_node_get_object (save_args), "redacted");
  g_assert_cmpuint (json_array_get_length (redacted), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (redacted, 0), ==, key);

  /* Listed under Drafts before the service has it, marked as waiting */
  civic_disclosures_view_show_list (view, CIVIC_DISCLOSURE_LIST_DRAFTS);
  row = find_row (view, id);
  g_assert_nonnull (row);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, TITLE);

  /* and after it took it */
  civic_ui_test_sync ();
  civic_ui_test_spin (100);
  g_clear_pointer (&commands, g_ptr_array_unref);
  commands = civic_outbox_list (outbox, id, &error);
  g_assert_cmpuint (commands->len, ==, 0);
  served = civic_cache_load_server_record (civic_ui_test_cache (), &civic_disclosure_kind, id,
                                           &error);
  g_assert_no_error (error);
  g_assert_nonnull (served);
  g_assert_cmpuint (civic_disclosure_get_head_version (CIVIC_DISCLOSURE (served)), ==, 1);
  g_assert_nonnull (find_row (view, id));

  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

/* The organ's columns are offered as the catalogue nests them, by name;
 * what is checked is saved by id and shown checked again */
static void
test_columns (void)
{
  GtkWidget *window;
  CivicDisclosuresView *view = CIVIC_DISCLOSURES_VIEW (new_view (&window));
  CivicDisclosureEditor *editor = civic_disclosures_view_get_editor (view);
  CivicOutbox *outbox = civic_sync_engine_get_outbox (civic_ui_test_engine ());
  g_autofree char *id = create_draft (view, "2026年第一季度行政许可办理情况");
  g_autoptr(GPtrArray) commands = NULL;
  g_autoptr(JsonNode) save_args = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *columns = civic_ui_test_find_titled (GTK_WIDGET (editor), ADW_TYPE_EXPANDER_ROW,
                                                  "Co_lumns");
  GtkWidget *licensing, *dual, *under;
  JsonArray *saved;
  GPtrArray *checks;

  g_assert_nonnull (columns);
  /* nothing chosen yet, and only the organ's own columns */
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (columns)), ==, "None");
  licensing = civic_ui_test_find_titled (columns, ADW_TYPE_ACTION_ROW, "行政许可");
  dual = civic_ui_test_find_titled (columns, ADW_TYPE_ACTION_ROW, "双公示");
  g_assert_nonnull (licensing);
  g_assert_nonnull (dual);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (licensing)), ==, "Under 双公示");
  checks = civic_form_checklist_row_get_checks (columns);
  g_assert_cmpuint (checks->len, >=, 10);
  for (guint i = 0; i < checks->len; i++)
    g_assert_true (g_str_has_prefix (g_object_get_data (g_ptr_array_index (checks, i), "civic-value"),
                                     "scjg-"));
  /* the parent comes just before the columns under it */
  under = gtk_widget_get_next_sibling (dual);
  g_assert_true (under == licensing ||
                 gtk_widget_get_next_sibling (under) == licensing);

  adw_action_row_activate (ADW_ACTION_ROW (licensing));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (columns)), ==, "行政许可");
  type_at_end (civic_disclosure_editor_get_buffer (editor), "## 办理情况\n");
  g_assert_true (civic_disclosure_editor_save (editor, &error));
  g_assert_no_error (error);
  commands = civic_outbox_list (outbox, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (commands->len, ==, 2);
  save_args = json_from_string (((CivicOutboxCommand *) g_ptr_array_index (commands, 1))->args,
                                &error);
  g_assert_no_error (error);
  saved = json_object_get_array_member (json_node_get_object (save_args), "columns");
  g_assert_nonnull (saved);
  g_assert_cmpuint (json_array_get_length (saved), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (saved, 0), ==, "scjg-licensing");

  /* the service takes it, and the editor shows it checked */
  civic_ui_test_sync ();
  civic_ui_test_spin (100);
  g_clear_pointer (&commands, g_ptr_array_unref);
  commands = civic_outbox_list (outbox, id, &error);
  g_assert_cmpuint (commands->len, ==, 0);
  civic_disclosures_view_open_disclosure (view, id);
  columns = civic_ui_test_find_titled (GTK_WIDGET (editor), ADW_TYPE_EXPANDER_ROW, "Co_lumns");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (columns)), ==, "行政许可");
  g_assert_cmpstr (civic_disclosure_get_columns (civic_disclosure_editor_get_disclosure (editor))[0],
                   ==, "scjg-licensing");

  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

/* Text typed and not saved survives the page (a crash, a window closed
 * offline): kept a second after the last keystroke, offered again */
static void
test_restore (void)
{
  GtkWidget *window;
  CivicDisclosuresView *view = CIVIC_DISCLOSURES_VIEW (new_view (&window));
  CivicDisclosureEditor *editor = civic_disclosures_view_get_editor (view);
  g_autofree char *id = create_draft (view, "关于调整药品零售许可办理时限的通知");
  g_autofree char *key = civic_disclosure_draft_key (id);
  g_autofree char *kept = NULL;
  g_autofree char *text = NULL;

  type_at_end (civic_disclosure_editor_get_buffer (editor), "自2026年4月1日起，");
  civic_ui_test_spin (CIVIC_DISCLOSURE_EDITOR_AUTOSAVE_MS + 300);
  kept = civic_cache_dup_meta (civic_ui_test_cache (), key);
  g_assert_nonnull (strstr (kept, "自2026年4月1日起"));
  civic_ui_test_destroy (window, GTK_WIDGET (view));

  view = CIVIC_DISCLOSURES_VIEW (new_view (&window));
  editor = civic_disclosures_view_get_editor (view);
  civic_disclosures_view_open_disclosure (view, id);
  text = text_of (civic_disclosure_editor_get_buffer (editor));
  g_assert_cmpstr (text, ==, "自2026年4月1日起，");
  g_assert_true (gtk_text_buffer_get_modified (civic_disclosure_editor_get_buffer (editor)));
  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

#define LIST_TEXT "救助名单\n\n李四 身份证号430104199001010019 补助800元\n"

static void
wait_until_read (CivicAttachmentsPane *pane)
{
  gint64 end = g_get_monotonic_time () + CIVIC_UI_TEST_HANG_USEC;

  while (civic_attachments_pane_get_n_busy (pane) > 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
  civic_ui_test_spin (50);
}

static GFile *
write_file (const char *dir,
            const char *name,
            const char *content,
            gssize      length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, content, length, &error));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* The message dialog a refusal opens, closed; its text */
static char *
close_refusal (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gint64 end = g_get_monotonic_time () + CIVIC_UI_TEST_HANG_USEC;

  for (;;)
    {
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (window))
            {
              char *body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window)));

              gtk_window_destroy (window);
              return body;
            }
        }
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
}

static AdwExpanderRow *
attachment_row (CivicAttachmentsPane *pane,
                const char           *name)
{
  GtkWidget *found = NULL;
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, pane);
  while (stack->len > 0 && found == NULL)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (ADW_IS_EXPANDER_ROW (widget) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), name) == 0)
        found = widget;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  return found != NULL ? ADW_EXPANDER_ROW (found) : NULL;
}

/* Files attached to a draft offline: a list with a resident ID and a
 * scan are listed at once as waiting, a web page is refused with the
 * types that are taken and leaves nothing; once the service has read
 * them, the list's number is shown by its page and line and the scan as
 * unread, both blocking; the list is removed, and the removal waits in
 * the outbox */
static void
test_attachments (void)
{
  GtkWidget *window;
  CivicDisclosuresView *view = CIVIC_DISCLOSURES_VIEW (new_view (&window));
  CivicDisclosureEditor *editor = civic_disclosures_view_get_editor (view);
  CivicAttachmentsPane *pane = civic_disclosure_editor_get_attachments (editor);
  CivicOutbox *outbox = civic_sync_engine_get_outbox (civic_ui_test_engine ());
  g_autofree char *id = create_draft (view, "2026年度临时救助对象名单");
  g_autofree char *dir = g_dir_make_tmp ("civicdesk-attach-XXXXXX", NULL);
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GListStore) page = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GPtrArray) commands = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *refusal = NULL;
  g_autofree char *list_sha = NULL;
  g_autoptr(GFile) list_file = NULL;
  g_autoptr(GFile) scan_file = NULL;
  g_autoptr(GFile) page_file = NULL;
  AdwExpanderRow *row;

  list_file = write_file (dir, "救助名单.txt", LIST_TEXT, -1);
  scan_file = write_file (dir, "扫描件.png", png, sizeof png - 1);
  page_file = write_file (dir, "page.html", "<html><body>名单</body></html>", -1);
  g_list_store_append (files, list_file);
  g_list_store_append (files, scan_file);
  g_list_store_append (page, page_file);

  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (pane), "No files attached"));
  civic_attachments_pane_attach_files (pane, G_LIST_MODEL (page), NULL);
  wait_until_read (pane);
  refusal = close_refusal ();
  g_assert_nonnull (strstr (refusal, "page.html"));
  g_assert_nonnull (strstr (refusal, "PDF"));

  civic_attachments_pane_attach_files (pane, G_LIST_MODEL (files), NULL);
  wait_until_read (pane);
  commands = civic_outbox_list (outbox, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (commands->len, ==, 3);
  g_assert_cmpstr (((CivicOutboxCommand *) g_ptr_array_index (commands, 1))->type, ==,
                   "attach-disclosure-file");
  g_assert_cmpstr (((CivicOutboxCommand *) g_ptr_array_index (commands, 2))->type, ==,
                   "attach-disclosure-file");
  /* In the order chosen */
  g_assert_nonnull (strstr (((CivicOutboxCommand *) g_ptr_array_index (commands, 1))->args,
                            "救助名单.txt"));
  g_assert_nonnull (strstr (((CivicOutboxCommand *) g_ptr_array_index (commands, 2))->args,
                            "扫描件.png"));
  row = attachment_row (pane, "救助名单.txt");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (row), "Waiting to be sent"));
  g_assert_nonnull (attachment_row (pane, "扫描件.png"));
  g_assert_false (civic_ui_test_has_text (GTK_WIDGET (pane), "No files attached"));

  /* Read by the service */
  civic_ui_test_sync ();
  civic_ui_test_spin (100);
  civic_disclosure_editor_reload (editor);
  g_clear_pointer (&commands, g_ptr_array_unref);
  commands = civic_outbox_list (outbox, id, &error);
  g_assert_cmpuint (commands->len, ==, 0);
  row = attachment_row (pane, "救助名单.txt");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (row), "1 finding blocks publishing"));
  g_assert_true (adw_expander_row_get_expanded (row));
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (row), "Resident ID number"));
  g_assert_true (civic_ui_test_has_text (GTK_WIDGET (row), "page 1, line 3"));
  /* An editor replaces or removes; only a reviewer lets it through */
  g_assert_false (civic_ui_test_has_text (GTK_WIDGET (row), "Mark as"));
  row = attachment_row (pane, "扫描件.png");
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (row), "cannot be read"));

  list_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, LIST_TEXT, -1);
  civic_attachments_pane_remove (pane, list_sha);
  g_assert_null (attachment_row (pane, "救助名单.txt"));
  g_clear_pointer (&commands, g_ptr_array_unref);
  commands = civic_outbox_list (outbox, id, &error);
  g_assert_cmpuint (commands->len, ==, 1);
  g_assert_cmpstr (((CivicOutboxCommand *) g_ptr_array_index (commands, 0))->type, ==,
                   "remove-disclosure-file");

  civic_ui_test_destroy (window, GTK_WIDGET (view));
  g_file_delete (list_file, NULL, NULL);
  g_file_delete (scan_file, NULL, NULL);
  g_file_delete (page_file, NULL, NULL);
  g_rmdir (dir);
}

/* The first widget of @type under @root, depth first */
static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A colleague saves a version while this editor writes on the one
 * before: the service refuses the stale save, and Conflicts shows the
 * text saved since against the refused one, as the refusal promises */
static void
test_stale_save_in_conflicts (void)
{
  GtkWidget *window, *conflicts_window;
  CivicDisclosuresView *view = CIVIC_DISCLOSURES_VIEW (new_view (&window));
  CivicDisclosureEditor *editor = civic_disclosures_view_get_editor (view);
  GtkTextBuffer *buffer = civic_disclosure_editor_get_buffer (editor);
  g_autofree char *id = create_draft (view, "2026年春季农贸市场检查情况通报");
  g_autofree char *token = NULL;
  g_autofree char *command_id = g_uuid_string_random ();
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  CivicSyncEngine *engine = civic_ui_test_engine ();
  GtkWidget *conflicts, *diff;
  guint status;

  type_at_end (buffer, "本次共检查农贸市场12家。\n");
  g_assert_true (civic_disclosure_editor_save (editor, &error));
  g_assert_no_error (error);
  civic_ui_test_sync ();

  /* Version 2, saved at the service by another session */
  token = civic_test_sign_in (civic_ui_test_service (), "editor");
  body = g_strdup_printf ("{\"commands\": [{\"id\": \"%s\", \"type\": \"save-disclosure\","
                          " \"target\": \"%s\", \"args\": {\"body\": \"本次共检查农贸市场15家。\\n\","
                          " \"base_version\": 1}}]}", command_id, id);
  answer = civic_test_request (civic_ui_test_service (), "POST", "/api/v1/commands", token, body,
                               &status);
  g_assert_cmpuint (status, ==, 200);

  /* This editor's, written on version 1 */
  type_at_end (buffer, "发现问题3处，已责令整改。\n");
  g_assert_true (civic_disclosure_editor_save (editor, &error));
  g_assert_no_error (error);
  civic_ui_test_sync ();
  g_assert_cmpuint (civic_sync_engine_get_conflicts (engine), ==, 1);

  conflicts = g_object_new (CIVIC_TYPE_CONFLICTS_VIEW, NULL);
  civic_section_set_engine (CIVIC_SECTION (conflicts), engine);
  conflicts_window = civic_ui_test_window (conflicts, 1100, 800);
  diff = find_widget (conflicts, CIVIC_TYPE_DIFF_VIEW);
  g_assert_nonnull (diff);
  g_assert_nonnull (civic_diff_view_get_summary (CIVIC_DIFF_VIEW (diff)));
  g_assert_cmpuint (g_list_model_get_n_items (civic_diff_view_get_rows (CIVIC_DIFF_VIEW (diff))),
                    >=, 2);
  if (civic_ui_test_screenshots_wanted ())
    {
      GtkWidget *row = find_widget (conflicts, ADW_TYPE_EXPANDER_ROW);

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      civic_ui_test_spin (300);
      civic_ui_test_screenshot (conflicts_window, "conflicts-stale-save");
    }

  /* Given up: nothing is left to resolve */
  {
    g_autoptr(GPtrArray) refused = civic_outbox_list_conflicts (civic_sync_engine_get_outbox (engine),
                                                                &error);
    CivicConflict *conflict;

    g_assert_no_error (error);
    g_assert_cmpuint (refused->len, ==, 1);
    conflict = g_ptr_array_index (refused, 0);
    g_assert_cmpstr (conflict->command->type, ==, "save-disclosure");
    g_assert_true (civic_sync_engine_discard_conflict (engine, conflict->command->id, &error));
    g_assert_no_error (error);
  }
  civic_ui_test_destroy (conflicts_window, conflicts);
  civic_ui_test_destroy (window, GTK_WIDGET (view));
}

/* The editor with findings, for docs/screenshots */
static void
test_screenshot (void)
{
  GtkWidget *window;
  CivicDisclosuresView *view;
  CivicDisclosureEditor *editor;
  g_autofree char *id = NULL;

  if (!civic_ui_test_screenshots_wanted ())
    {
      g_test_skip ("CIVICDESK_SCREENSHOTS_DIR is not set");
      return;
    }
  view = CIVIC_DISCLOSURES_VIEW (new_view (&window));
  editor = civic_disclosures_view_get_editor (view);
  id = create_draft (view, "2026年第一季度食品安全监督抽检结果");
  type_at_end (civic_disclosure_editor_get_buffer (editor),
               "# 2026年第一季度食品安全监督抽检结果\n\n"
               "本季度共抽检食品样品 1 268 批次，合格 1 241 批次。\n\n"
               "| 被抽检单位 | 产品 | 结果 |\n|---|---|---|\n"
               "| 长沙市岳麓区某食品店 | 散装白酒 | 甲醇超标 |\n\n"
               "举报人张三（身份证号11010519491231002X，手机13812345678）反映的问题已核实。\n\n"
               "咨询电话：0731-88886666。\n");
  wait_until_scanned (civic_disclosure_editor_get_highlighter (editor));
  civic_ui_test_spin (300);
  civic_ui_test_screenshot (window, "disclosure-editor");
  civic_ui_test_destroy (window, GTK_WIDGET (view));

  /* The catalogue beside the text, its columns unfolded */
  {
    GtkWidget *columns;
    GtkAdjustment *adjustment;

    view = CIVIC_DISCLOSURES_VIEW (new_view (&window));
    editor = civic_disclosures_view_get_editor (view);
    g_free (id);
    id = create_draft (view, "2026年第一季度行政许可办理情况");
    type_at_end (civic_disclosure_editor_get_buffer (editor),
                 "# 2026年第一季度行政许可办理情况\n\n本季度共受理行政许可申请 3 412 件，"
                 "办结 3 398 件，按时办结率 100%。\n");
    columns = civic_ui_test_find_titled (GTK_WIDGET (editor), ADW_TYPE_EXPANDER_ROW, "Co_lumns");
    if (columns == NULL)
      columns = civic_ui_test_find_titled (GTK_WIDGET (editor), ADW_TYPE_EXPANDER_ROW,
                                           g_dgettext (GETTEXT_PACKAGE, "Co_lumns"));
    g_assert_nonnull (columns);
    for (GPtrArray *checks = civic_form_checklist_row_get_checks (columns); checks->len > 0; )
      {
        for (guint i = 0; i < checks->len; i++)
          if (g_str_has_suffix (g_object_get_data (g_ptr_array_index (checks, i), "civic-value"),
                                "-licensing"))
            gtk_check_button_set_active (g_ptr_array_index (checks, i), TRUE);
        break;
      }
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (columns), TRUE);
    wait_until_scanned (civic_disclosure_editor_get_highlighter (editor));
    civic_ui_test_spin (300);
    {
      GtkWidget *scrolled = gtk_widget_get_ancestor (columns, GTK_TYPE_SCROLLED_WINDOW);
      double x, y;

      /* the catalogue's group at the top of the side pane */
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      g_assert_true (gtk_widget_translate_coordinates (columns, gtk_scrolled_window_get_child (
                                                         GTK_SCROLLED_WINDOW (scrolled)),
                                                       0, 0, &x, &y));
      gtk_adjustment_set_value (adjustment, y - 240);
    }
    civic_ui_test_spin (300);
    civic_ui_test_screenshot (window, "disclosure-columns");
    civic_ui_test_destroy (window, GTK_WIDGET (view));
  }

  /* Its files, once the service has read them */
  {
    g_autofree char *dir = g_dir_make_tmp ("civicdesk-attach-XXXXXX", NULL);
    static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
    g_autoptr(GFile) list_file = write_file (dir, "救助名单.txt", LIST_TEXT, -1);
    g_autoptr(GFile) scan_file = write_file (dir, "审批表扫描件.png", png, sizeof png - 1);
    g_autoptr(GFile) table_file = write_file (dir, "救助资金汇总表.csv",
                                              "区县,户数,金额（元）\n岳麓区,126,151200\n", -1);
    g_autofree char *draft = NULL;

    view = CIVIC_DISCLOSURES_VIEW (new_view (&window));
    editor = civic_disclosures_view_get_editor (view);
    draft = create_draft (view, "2026年第一季度临时救助情况公示");
    type_at_end (civic_disclosure_editor_get_buffer (editor),
                 "# 2026年第一季度临时救助情况公示\n\n"
                 "根据《社会救助暂行办法》，现将本季度临时救助情况公示如下，名单见附件。\n\n"
                 "公示期：2026年3月20日至3月26日。监督电话：0731-88886666。\n");
    g_list_store_append (files, list_file);
    g_list_store_append (files, scan_file);
    g_list_store_append (files, table_file);
    civic_attachments_pane_attach_files (civic_disclosure_editor_get_attachments (editor),
                                         G_LIST_MODEL (files), NULL);
    wait_until_read (civic_disclosure_editor_get_attachments (editor));
    civic_ui_test_sync ();
    civic_ui_test_spin (100);
    civic_disclosure_editor_reload (editor);
    wait_until_scanned (civic_disclosure_editor_get_highlighter (editor));
    civic_ui_test_spin (300);
    civic_ui_test_screenshot (window, "disclosure-attachments");
    civic_ui_test_destroy (window, GTK_WIDGET (view));
    g_file_delete (list_file, NULL, NULL);
    g_file_delete (scan_file, NULL, NULL);
    g_file_delete (table_file, NULL, NULL);
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  civic_ui_test_init (&argc, &argv);
  civic_ui_test_sign_in_as ("editor");

  g_test_add_func ("/disclosure-editor/new-draft", test_new_draft);
  g_test_add_func ("/disclosure-editor/columns", test_columns);
  g_test_add_func ("/disclosure-editor/restore", test_restore);
  g_test_add_func ("/disclosure-editor/attachments", test_attachments);
  g_test_add_func ("/disclosure-editor/stale-save-in-conflicts", test_stale_save_in_conflicts);
  g_test_add_func ("/disclosure-editor/screenshot", test_screenshot);

  return civic_ui_test_run ();
}
