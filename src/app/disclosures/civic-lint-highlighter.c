/* civic-lint-highlighter.c — personal data underlined while it is typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-lint-highlighter"

#include "config.h"

#include "civic-core-enums.h"
#include "civic-disclosure-gate.h"
#include "civic-lint-highlighter.h"

/* As a spell checker does it (gspell's inline checker, libspelling):
 * edits widen a dirty region kept as two marks, and an idle rescans it.
 * The idle runs at G_PRIORITY_HIGH_IDLE, ahead of GDK's redraw
 * (GDK_PRIORITY_REDRAW is G_PRIORITY_HIGH_IDLE + 20), so the underline
 * appears in the frame that shows the character that completed the
 * number. The lint reads context ("身份证号", "住在…"), so the region is
 * widened to whole paragraphs; a 50-page document is often one paragraph
 * per line, and a paragraph longer than LONG_PARAGRAPH is rescanned
 * WINDOW characters either side of the edit, cut at a clause's end.
 *
 * A whole text — on open, or when gtk_text_buffer_set_text() replaces
 * it — is scanned on a worker thread with a lint of its own (a
 * CivicPrivacyLint keeps state while it scans and is not shared). Its
 * findings are applied only if the buffer has not changed since; if it
 * has, the scan starts again. */

typedef enum
{
  TAG_INFO,
  TAG_WARN,
  TAG_BLOCK,
  N_TAGS
} TagIndex;

struct _CivicLintHighlighter
{
  GObject           parent_instance;

  GtkTextBuffer    *buffer;
  GtkTextTag       *tags[N_TAGS];

  /* What is looked for */
  CivicPrivacyLint *lint;
  char             *disclosure_id;

  /* What was found: CivicLintFinding, in the order of the text */
  GListStore       *findings;
  guint             n_blocking;

  /* What is left to scan */
  GtkTextMark      *dirty_start;
  GtkTextMark      *dirty_end;
  gboolean          dirty;
  gboolean          whole_text_wanted;
  gboolean          whole_text_running;
  /* Of the text and the lint: a whole-text scan of an older one is dropped */
  guint64           generation;
  guint             idle_id;
  GCancellable     *cancellable;
};

G_DEFINE_FINAL_TYPE (CivicLintHighlighter, civic_lint_highlighter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUFFER,
  PROP_FINDINGS,
  PROP_N_BLOCKING,
  PROP_REDACTION,
  PROP_DISCLOSURE_ID,
  N_PROPS
};

enum {
  CHANGED,
  SCANNED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const tag_names[N_TAGS] = { "lint-info", "lint-warn", "lint-block" };

static void queue_scan (CivicLintHighlighter *self);

static GtkTextTag *
tag_for (CivicLintHighlighter *self,
         CivicPrivacySeverity  severity)
{
  switch (severity)
    {
    case CIVIC_PRIVACY_SEVERITY_BLOCK:
      return self->tags[TAG_BLOCK];
    case CIVIC_PRIVACY_SEVERITY_WARN:
      return self->tags[TAG_WARN];
    case CIVIC_PRIVACY_SEVERITY_INFO:
    default:
      return self->tags[TAG_INFO];
    }
}

/* Over GtkSourceView's highlighting and search matches, which add their
 * tags later: the underline is the one thing that must show. */
static void
raise_tags (CivicLintHighlighter *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  int top = gtk_text_tag_table_get_size (table) - 1;
  gboolean on_top = TRUE;

  for (guint i = 0; i < N_TAGS; i++)
    on_top &= gtk_text_tag_get_priority (self->tags[i]) == top - (int) (N_TAGS - 1 - i);
  if (on_top)
    return;
  /* Each to the top in turn leaves them in order: info, warn, block */
  for (guint i = 0; i < N_TAGS; i++)
    gtk_text_tag_set_priority (self->tags[i], top);
}

static void
tag_added_cb (CivicLintHighlighter *self,
              GtkTextTag           *tag,
              GtkTextTagTable      *table)
{
  raise_tags (self);
}

static void
create_tags (CivicLintHighlighter *self)
{
  GdkRGBA red, orange;

  gdk_rgba_parse (&red, "#c01c28");
  gdk_rgba_parse (&orange, "#e66100");
  self->tags[TAG_BLOCK] = gtk_text_buffer_create_tag (self->buffer, tag_names[TAG_BLOCK],
                                                      "underline", PANGO_UNDERLINE_ERROR,
                                                      "underline-rgba", &red,
                                                      NULL);
  self->tags[TAG_WARN] = gtk_text_buffer_create_tag (self->buffer, tag_names[TAG_WARN],
                                                     "underline", PANGO_UNDERLINE_ERROR,
                                                     "underline-rgba", &orange,
                                                     NULL);
  self->tags[TAG_INFO] = gtk_text_buffer_create_tag (self->buffer, tag_names[TAG_INFO],
                                                     "underline", PANGO_UNDERLINE_SINGLE,
                                                     NULL);
  for (guint i = 0; i < N_TAGS; i++)
    g_object_ref (self->tags[i]);
  raise_tags (self);
}

/* (transfer none): the store keeps it */
static CivicLintFinding *
finding_get (CivicLintHighlighter *self,
             guint                 position)
{
  g_autoptr(CivicLintFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->findings),
                                                               position);

  return finding;
}

static guint
count_blocking (CivicLintHighlighter *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->findings));
  guint blocking = 0;

  for (guint i = 0; i < n; i++)
    if (civic_lint_finding_get_severity (finding_get (self, i)) == CIVIC_PRIVACY_SEVERITY_BLOCK)
      blocking++;
  return blocking;
}

static void
findings_changed (CivicLintHighlighter *self)
{
  guint n_blocking = count_blocking (self);

  if (n_blocking != self->n_blocking)
    {
      self->n_blocking = n_blocking;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_BLOCKING]);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static char *
key_of (CivicLintHighlighter      *self,
        const CivicPrivacyFinding *finding)
{
  if (self->disclosure_id == NULL)
    return NULL;
  return civic_disclosure_finding_key (self->disclosure_id, finding);
}

/* @found, of text that starts at @base (a character offset), as tags
 * and finding objects; @found is in the order of the text. */
static GPtrArray *
apply_findings (CivicLintHighlighter *self,
                GPtrArray            *found,
                int                   base)
{
  GPtrArray *objects = g_ptr_array_new_full (found->len, g_object_unref);
  GtkTextIter start, end;
  int at = base;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, base);
  for (guint i = 0; i < found->len; i++)
    {
      const CivicPrivacyFinding *finding = g_ptr_array_index (found, i);
      g_autofree char *key = key_of (self, finding);

      gtk_text_iter_forward_chars (&start, base + (int) finding->char_start - at);
      at = base + (int) finding->char_start;
      end = start;
      gtk_text_iter_forward_chars (&end, (int) (finding->char_end - finding->char_start));
      gtk_text_buffer_apply_tag (self->buffer, tag_for (self, finding->severity), &start, &end);
      g_ptr_array_add (objects, civic_lint_finding_new (self->buffer, &start, &end, finding, key));
    }
  return objects;
}

static void
remove_tags (CivicLintHighlighter *self,
             const GtkTextIter    *start,
             const GtkTextIter    *end)
{
  for (guint i = 0; i < N_TAGS; i++)
    gtk_text_buffer_remove_tag (self->buffer, self->tags[i], start, end);
}

static void
finding_offsets (CivicLintFinding *finding,
                 int              *start_offset,
                 int              *end_offset)
{
  GtkTextIter start, end;

  g_assert (civic_lint_finding_get_bounds (finding, &start, &end));
  *start_offset = gtk_text_iter_get_offset (&start);
  *end_offset = gtk_text_iter_get_offset (&end);
}

/* Whole text */

typedef struct
{
  char             *text;
  CivicPrivacyLint *lint;
  guint64           generation;
} WholeTextScan;

static void
whole_text_scan_free (gpointer data)
{
  WholeTextScan *scan = data;

  g_free (scan->text);
  g_clear_object (&scan->lint);
  g_free (scan);
}

static void
whole_text_scan_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  WholeTextScan *scan = task_data;

  g_task_return_pointer (task, civic_privacy_lint_scan (scan->lint, scan->text, -1),
                         (GDestroyNotify) g_ptr_array_unref);
}

static CivicPrivacyLint *
copy_lint (CivicPrivacyLint *lint)
{
  CivicPrivacyLint *copy = civic_privacy_lint_new ();

  civic_privacy_lint_set_names (copy, civic_privacy_lint_get_names (lint));
  civic_privacy_lint_set_allowed_numbers (copy, civic_privacy_lint_get_allowed_numbers (lint));
  civic_privacy_lint_set_redaction (copy, civic_privacy_lint_get_redaction (lint));
  return copy;
}

static void
apply_whole_text (CivicLintHighlighter *self,
                  GPtrArray            *found)
{
  g_autoptr(GPtrArray) objects = NULL;
  GtkTextIter start, end;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->findings));

  for (guint i = 0; i < n_old; i++)
    civic_lint_finding_detach (finding_get (self, i));
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  remove_tags (self, &start, &end);
  objects = apply_findings (self, found, 0);
  g_list_store_splice (self->findings, 0, n_old, objects->pdata, objects->len);
  g_signal_emit (self, signals[SCANNED], 0, 0u, (guint) gtk_text_iter_get_offset (&end));
  findings_changed (self);
}

static void
whole_text_scanned (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = G_TASK (result);
  WholeTextScan *scan = g_task_get_task_data (task);
  g_autoptr(GPtrArray) found = g_task_propagate_pointer (task, NULL);
  CivicLintHighlighter *self;

  /* Disposed of: @user_data may be gone */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return;

  self = CIVIC_LINT_HIGHLIGHTER (user_data);
  self->whole_text_running = FALSE;
  if (scan->generation != self->generation)
    {
      /* Typed into while it was scanned: its offsets are of another text */
      queue_scan (self);
      return;
    }

  self->whole_text_wanted = FALSE;
  self->dirty = FALSE;
  apply_whole_text (self, found);
}

static void
start_whole_text_scan (CivicLintHighlighter *self)
{
  g_autoptr(GTask) task = NULL;
  WholeTextScan *scan = g_new0 (WholeTextScan, 1);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  /* A slice, not gtk_text_buffer_get_text(): it keeps U+FFFC for an
   * embedded widget or picture, so that offsets stay the buffer's */
  scan->text = gtk_text_iter_get_slice (&start, &end);
  scan->lint = copy_lint (self->lint);
  scan->generation = self->generation;

  self->whole_text_running = TRUE;
  /* No source object: the worker would hold the highlighter, and could
   * drop it last, disposing of it off the main thread. Dispose cancels,
   * and the callback then leaves it alone. */
  task = g_task_new (NULL, self->cancellable, whole_text_scanned, self);
  g_task_set_source_tag (task, start_whole_text_scan);
  g_task_set_name (task, "[civic] lint whole text");
  g_task_set_task_data (task, scan, whole_text_scan_free);
  g_task_run_in_thread (task, whole_text_scan_thread);
}

/* A region around the edits */

static gboolean
line_is_blank (const GtkTextIter *iter)
{
  GtkTextIter at = *iter;

  gtk_text_iter_set_line_offset (&at, 0);
  for (; !gtk_text_iter_ends_line (&at); gtk_text_iter_forward_char (&at))
    if (!g_unichar_isspace (gtk_text_iter_get_char (&at)))
      return FALSE;
  return TRUE;
}

/* Back to the start of @iter's paragraph, or to @limit if that is
 * before; %FALSE if it stopped at @limit */
static gboolean
backward_paragraph_start (GtkTextIter *iter,
                          int          limit)
{
  gtk_text_iter_set_line_offset (iter, 0);
  if (line_is_blank (iter))
    return TRUE;
  while (gtk_text_iter_get_line (iter) > 0)
    {
      GtkTextIter previous = *iter;

      if (gtk_text_iter_get_offset (iter) <= limit)
        return FALSE;
      gtk_text_iter_backward_line (&previous);
      if (line_is_blank (&previous))
        break;
      *iter = previous;
    }
  return TRUE;
}

/* On to the end of @iter's paragraph, or to @limit if that is before */
static gboolean
forward_paragraph_end (GtkTextIter *iter,
                       int          limit)
{
  if (!gtk_text_iter_ends_line (iter))
    gtk_text_iter_forward_to_line_end (iter);
  if (line_is_blank (iter))
    return TRUE;
  for (;;)
    {
      GtkTextIter next = *iter;

      if (gtk_text_iter_get_offset (iter) >= limit)
        return FALSE;
      if (!gtk_text_iter_forward_line (&next) || line_is_blank (&next))
        break;
      *iter = next;
      if (!gtk_text_iter_ends_line (iter))
        gtk_text_iter_forward_to_line_end (iter);
    }
  return TRUE;
}

static gboolean
is_clause_end (gunichar c,
               gpointer user_data)
{
  return c == 0x3002 /* 。 */ || c == 0xFF1B /* ； */ || c == '\n';
}

/* A character that may be inside a number or an e-mail address */
static gboolean
is_token_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c) || strchr ("-+@._", c) != NULL;
  return c >= 0xFF01 && c <= 0xFF5E;  /* full-width forms: ０, Ｘ, ＠, － */
}

/* Not in the middle of a number: a cut there would make its tail look
 * like a number of its own */
static void
widen_to_tokens (GtkTextIter *start,
                 GtkTextIter *end)
{
  for (int n = 0; n < 64 && !gtk_text_iter_is_start (start); n++)
    {
      GtkTextIter before = *start;

      gtk_text_iter_backward_char (&before);
      if (!is_token_char (gtk_text_iter_get_char (&before)))
        break;
      *start = before;
    }
  for (int n = 0; n < 64 && is_token_char (gtk_text_iter_get_char (end)); n++)
    gtk_text_iter_forward_char (end);
}

static void
widen_to_paragraphs (GtkTextIter *start,
                     GtkTextIter *end)
{
  int dirty_start = gtk_text_iter_get_offset (start);
  int dirty_end = gtk_text_iter_get_offset (end);
  GtkTextIter low = *start, high = *end;
  gboolean whole;

  whole = backward_paragraph_start (&low, dirty_start - CIVIC_LINT_HIGHLIGHTER_LONG_PARAGRAPH);
  whole &= forward_paragraph_end (&high, dirty_end + CIVIC_LINT_HIGHLIGHTER_LONG_PARAGRAPH);
  whole &= gtk_text_iter_get_offset (&high) - gtk_text_iter_get_offset (&low)
           <= CIVIC_LINT_HIGHLIGHTER_LONG_PARAGRAPH;
  if (whole)
    {
      *start = low;
      *end = high;
      return;
    }

  /* A long paragraph: a window around the edits, cut at clause ends */
  if (gtk_text_iter_get_offset (&low) < dirty_start - CIVIC_LINT_HIGHLIGHTER_WINDOW)
    {
      gtk_text_iter_set_offset (&low, dirty_start - CIVIC_LINT_HIGHLIGHTER_WINDOW);
      if (gtk_text_iter_forward_find_char (&low, is_clause_end, NULL, start))
        gtk_text_iter_forward_char (&low);
    }
  if (gtk_text_iter_get_offset (&high) > dirty_end + CIVIC_LINT_HIGHLIGHTER_WINDOW)
    {
      gtk_text_iter_set_offset (&high, dirty_end + CIVIC_LINT_HIGHLIGHTER_WINDOW);
      if (gtk_text_iter_backward_find_char (&high, is_clause_end, NULL, end))
        gtk_text_iter_forward_char (&high);
      else
        gtk_text_iter_set_offset (&high, dirty_end + CIVIC_LINT_HIGHLIGHTER_WINDOW);
    }
  *start = low;
  *end = high;
  widen_to_tokens (start, end);
}

/* Findings are in the order of the text: the first one that ends after
 * @offset (or is empty at it, its text deleted) */
static guint
first_finding_from (CivicLintHighlighter *self,
                    int                   offset)
{
  guint low = 0, high = g_list_model_get_n_items (G_LIST_MODEL (self->findings));

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      int start, end;

      finding_offsets (finding_get (self, middle), &start, &end);
      if (end < offset || (end == offset && start < end))
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* The findings the region touches, and the region widened to hold them
 * whole: their text is scanned again, as it is now */
static void
findings_in_region (CivicLintHighlighter *self,
                    GtkTextIter          *start,
                    GtkTextIter          *end,
                    guint                *first,
                    guint                *n)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->findings));
  guint i = first_finding_from (self, gtk_text_iter_get_offset (start));

  *first = i;
  for (; i < n_items; i++)
    {
      int from, to;

      finding_offsets (finding_get (self, i), &from, &to);
      if (from > gtk_text_iter_get_offset (end) ||
          (from == gtk_text_iter_get_offset (end) && from < to))
        break;
      if (from < gtk_text_iter_get_offset (start))
        gtk_text_iter_set_offset (start, from);
      if (to > gtk_text_iter_get_offset (end))
        gtk_text_iter_set_offset (end, to);
    }
  *n = i - *first;
}

static void
scan_dirty_region (CivicLintHighlighter *self)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) objects = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  guint first, n_old;
  int base;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &start, self->dirty_start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &end, self->dirty_end);
  self->dirty = FALSE;

  widen_to_paragraphs (&start, &end);
  findings_in_region (self, &start, &end, &first, &n_old);

  base = gtk_text_iter_get_offset (&start);
  text = gtk_text_iter_get_slice (&start, &end);
  found = civic_privacy_lint_scan (self->lint, text, -1);

  for (guint i = first; i < first + n_old; i++)
    civic_lint_finding_detach (finding_get (self, i));
  remove_tags (self, &start, &end);
  objects = apply_findings (self, found, base);
  if (n_old > 0 || objects->len > 0)
    g_list_store_splice (self->findings, first, n_old, objects->pdata, objects->len);

  g_signal_emit (self, signals[SCANNED], 0, (guint) base, (guint) gtk_text_iter_get_offset (&end));
  findings_changed (self);
}

static gboolean
scan_idle (gpointer data)
{
  CivicLintHighlighter *self = data;

  self->idle_id = 0;
  if (self->whole_text_wanted)
    {
      if (!self->whole_text_running)
        start_whole_text_scan (self);
    }
  else if (self->dirty)
    scan_dirty_region (self);
  return G_SOURCE_REMOVE;
}

static void
queue_scan (CivicLintHighlighter *self)
{
  if (self->idle_id == 0)
    {
      self->idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, scan_idle, self, NULL);
      g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->idle_id),
                                "[civic] lint dirty region");
    }
}

static void
queue_whole_text_scan (CivicLintHighlighter *self)
{
  self->generation++;
  self->whole_text_wanted = TRUE;
  self->dirty = FALSE;
  queue_scan (self);
}

static void
widen_dirty (CivicLintHighlighter *self,
             const GtkTextIter    *start,
             const GtkTextIter    *end)
{
  self->generation++;
  if (self->whole_text_wanted)
    {
      queue_scan (self);
      return;
    }

  if (!self->dirty)
    {
      gtk_text_buffer_move_mark (self->buffer, self->dirty_start, start);
      gtk_text_buffer_move_mark (self->buffer, self->dirty_end, end);
      self->dirty = TRUE;
    }
  else
    {
      GtkTextIter dirty_start, dirty_end;

      gtk_text_buffer_get_iter_at_mark (self->buffer, &dirty_start, self->dirty_start);
      gtk_text_buffer_get_iter_at_mark (self->buffer, &dirty_end, self->dirty_end);
      if (gtk_text_iter_compare (start, &dirty_start) < 0)
        gtk_text_buffer_move_mark (self->buffer, self->dirty_start, start);
      if (gtk_text_iter_compare (end, &dirty_end) > 0)
        gtk_text_buffer_move_mark (self->buffer, self->dirty_end, end);
    }
  queue_scan (self);
}

static void
insert_text_after_cb (CivicLintHighlighter *self,
                      GtkTextIter          *location,
                      const char           *text,
                      int                   length,
                      GtkTextBuffer        *buffer)
{
  GtkTextIter start = *location;

  gtk_text_iter_backward_chars (&start, (int) g_utf8_strlen (text, length));
  /* gtk_text_buffer_set_text(), or a paste into an empty buffer: the
   * text is new, scanned whole */
  if (gtk_text_iter_is_start (&start) && gtk_text_iter_is_end (location) &&
      !gtk_text_iter_equal (&start, location))
    queue_whole_text_scan (self);
  else
    widen_dirty (self, &start, location);
}

static void
delete_range_after_cb (CivicLintHighlighter *self,
                       GtkTextIter          *start,
                       GtkTextIter          *end,
                       GtkTextBuffer        *buffer)
{
  widen_dirty (self, start, end);
}

/* GObject */

static void
civic_lint_highlighter_constructed (GObject *object)
{
  CivicLintHighlighter *self = CIVIC_LINT_HIGHLIGHTER (object);
  GtkTextIter start;

  G_OBJECT_CLASS (civic_lint_highlighter_parent_class)->constructed (object);

  g_assert (GTK_IS_TEXT_BUFFER (self->buffer));
  create_tags (self);
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  self->dirty_start = g_object_ref (gtk_text_buffer_create_mark (self->buffer, NULL, &start, TRUE));
  self->dirty_end = g_object_ref (gtk_text_buffer_create_mark (self->buffer, NULL, &start, FALSE));

  g_signal_connect_object (self->buffer, "insert-text", G_CALLBACK (insert_text_after_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->buffer, "delete-range", G_CALLBACK (delete_range_after_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (gtk_text_buffer_get_tag_table (self->buffer), "tag-added",
                           G_CALLBACK (tag_added_cb), self, G_CONNECT_SWAPPED);

  if (gtk_text_buffer_get_char_count (self->buffer) > 0)
    queue_whole_text_scan (self);
}

static void
civic_lint_highlighter_dispose (GObject *object)
{
  CivicLintHighlighter *self = CIVIC_LINT_HIGHLIGHTER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->idle_id, g_source_remove);

  if (self->buffer != NULL)
    {
      GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->findings));

      g_signal_handlers_disconnect_by_data (self->buffer, self);
      g_signal_handlers_disconnect_by_data (table, self);
      for (guint i = 0; i < n; i++)
        civic_lint_finding_detach (finding_get (self, i));
      /* The buffer outlives the editor's highlighter when a window
       * closes: it keeps no underline nobody updates */
      for (guint i = 0; i < N_TAGS; i++)
        if (self->tags[i] != NULL &&
            gtk_text_tag_table_lookup (table, tag_names[i]) == self->tags[i])
          gtk_text_tag_table_remove (table, self->tags[i]);
      if (self->dirty_start != NULL)
        gtk_text_buffer_delete_mark (self->buffer, self->dirty_start);
      if (self->dirty_end != NULL)
        gtk_text_buffer_delete_mark (self->buffer, self->dirty_end);
    }
  g_list_store_remove_all (self->findings);
  for (guint i = 0; i < N_TAGS; i++)
    g_clear_object (&self->tags[i]);
  g_clear_object (&self->dirty_start);
  g_clear_object (&self->dirty_end);
  g_clear_object (&self->buffer);

  G_OBJECT_CLASS (civic_lint_highlighter_parent_class)->dispose (object);
}

static void
civic_lint_highlighter_finalize (GObject *object)
{
  CivicLintHighlighter *self = CIVIC_LINT_HIGHLIGHTER (object);

  g_clear_object (&self->findings);
  g_clear_object (&self->lint);
  g_clear_object (&self->cancellable);
  g_free (self->disclosure_id);
  G_OBJECT_CLASS (civic_lint_highlighter_parent_class)->finalize (object);
}

static void
civic_lint_highlighter_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CivicLintHighlighter *self = CIVIC_LINT_HIGHLIGHTER (object);

  switch (prop_id)
    {
    case PROP_BUFFER:
      g_value_set_object (value, self->buffer);
      break;
    case PROP_FINDINGS:
      g_value_set_object (value, self->findings);
      break;
    case PROP_N_BLOCKING:
      g_value_set_uint (value, self->n_blocking);
      break;
    case PROP_REDACTION:
      g_value_set_enum (value, civic_privacy_lint_get_redaction (self->lint));
      break;
    case PROP_DISCLOSURE_ID:
      g_value_set_string (value, self->disclosure_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
civic_lint_highlighter_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CivicLintHighlighter *self = CIVIC_LINT_HIGHLIGHTER (object);

  switch (prop_id)
    {
    case PROP_BUFFER:
      self->buffer = g_value_dup_object (value);
      break;
    case PROP_REDACTION:
      civic_lint_highlighter_set_redaction (self, g_value_get_enum (value));
      break;
    case PROP_DISCLOSURE_ID:
      civic_lint_highlighter_set_disclosure_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
civic_lint_highlighter_class_init (CivicLintHighlighterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = civic_lint_highlighter_constructed;
  object_class->dispose = civic_lint_highlighter_dispose;
  object_class->finalize = civic_lint_highlighter_finalize;
  object_class->get_property = civic_lint_highlighter_get_property;
  object_class->set_property = civic_lint_highlighter_set_property;

  properties[PROP_BUFFER] =
    g_param_spec_object ("buffer", NULL, NULL, GTK_TYPE_TEXT_BUFFER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FINDINGS] =
    g_param_spec_object ("findings", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_BLOCKING] =
    g_param_spec_uint ("n-blocking", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDACTION] =
    g_param_spec_enum ("redaction", NULL, NULL, CIVIC_TYPE_PRIVACY_REDACTION,
                       CIVIC_PRIVACY_REDACTION_FULL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISCLOSURE_ID] =
    g_param_spec_string ("disclosure-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CivicLintHighlighter::changed:
   *
   * The findings were scanned again: the editor counts the blocking
   * ones in its accessible description.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * CivicLintHighlighter::scanned:
   * @start: the first character scanned
   * @end: the character after the last
   *
   * Which characters a scan read, for the tests and for profiling.
   */
  signals[SCANNED] =
    g_signal_new ("scanned", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
civic_lint_highlighter_init (CivicLintHighlighter *self)
{
  self->lint = civic_privacy_lint_new ();
  self->findings = g_list_store_new (CIVIC_TYPE_LINT_FINDING);
  self->cancellable = g_cancellable_new ();
}

/**
 * civic_lint_highlighter_new:
 * @buffer: any text buffer; the editor's is a GtkSourceBuffer
 *
 * Underlines the personal data in @buffer, now (scanning its text on a
 * worker thread) and as it is edited, until the highlighter is freed.
 *
 * Returns: (transfer full): a new highlighter
 */
CivicLintHighlighter *
civic_lint_highlighter_new (GtkTextBuffer *buffer)
{
  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), NULL);

  return g_object_new (CIVIC_TYPE_LINT_HIGHLIGHTER, "buffer", buffer, NULL);
}

GtkTextBuffer *
civic_lint_highlighter_get_buffer (CivicLintHighlighter *self)
{
  g_return_val_if_fail (CIVIC_IS_LINT_HIGHLIGHTER (self), NULL);

  return self->buffer;
}

/**
 * civic_lint_highlighter_configure:
 * @lint: a lint configured for the text, as civic_disclosure_new_lint()
 *   makes one
 *
 * Looks for what @lint looks for: its names, allowed numbers and way of
 * redacting are copied, and the whole text is scanned again.
 */
void
civic_lint_highlighter_configure (CivicLintHighlighter *self,
                                  CivicPrivacyLint     *lint)
{
  g_autoptr(CivicPrivacyLint) copy = NULL;
  CivicPrivacyRedaction old_redaction;

  g_return_if_fail (CIVIC_IS_LINT_HIGHLIGHTER (self));
  g_return_if_fail (CIVIC_IS_PRIVACY_LINT (lint));

  old_redaction = civic_privacy_lint_get_redaction (self->lint);
  copy = copy_lint (lint);
  g_set_object (&self->lint, copy);
  queue_whole_text_scan (self);
  if (civic_privacy_lint_get_redaction (self->lint) != old_redaction)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDACTION]);
}

/**
 * civic_lint_highlighter_set_names:
 * @names: (nullable) (array zero-terminated=1): the names of the people
 *   in the case, which are personal data wherever they appear
 */
void
civic_lint_highlighter_set_names (CivicLintHighlighter *self,
                                  const char * const   *names)
{
  g_return_if_fail (CIVIC_IS_LINT_HIGHLIGHTER (self));

  civic_privacy_lint_set_names (self->lint, names);
  queue_whole_text_scan (self);
}

/**
 * civic_lint_highlighter_set_allowed_numbers:
 * @numbers: (nullable) (array zero-terminated=1): the organ's published
 *   numbers, which are not findings
 */
void
civic_lint_highlighter_set_allowed_numbers (CivicLintHighlighter *self,
                                            const char * const   *numbers)
{
  g_return_if_fail (CIVIC_IS_LINT_HIGHLIGHTER (self));

  civic_privacy_lint_set_allowed_numbers (self->lint, numbers);
  queue_whole_text_scan (self);
}

void
civic_lint_highlighter_set_redaction (CivicLintHighlighter  *self,
                                      CivicPrivacyRedaction  redaction)
{
  g_return_if_fail (CIVIC_IS_LINT_HIGHLIGHTER (self));

  if (civic_privacy_lint_get_redaction (self->lint) == redaction)
    return;
  civic_privacy_lint_set_redaction (self->lint, redaction);
  /* Each finding carries its redaction */
  queue_whole_text_scan (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDACTION]);
}

CivicPrivacyRedaction
civic_lint_highlighter_get_redaction (CivicLintHighlighter *self)
{
  g_return_val_if_fail (CIVIC_IS_LINT_HIGHLIGHTER (self), CIVIC_PRIVACY_REDACTION_FULL);

  return civic_privacy_lint_get_redaction (self->lint);
}

/**
 * civic_lint_highlighter_set_disclosure_id:
 * @disclosure_id: (nullable): the disclosure the text is the body of:
 *   its findings then have keys (civic_disclosure_finding_key())
 */
void
civic_lint_highlighter_set_disclosure_id (CivicLintHighlighter *self,
                                          const char           *disclosure_id)
{
  g_return_if_fail (CIVIC_IS_LINT_HIGHLIGHTER (self));

  if (g_strcmp0 (self->disclosure_id, disclosure_id) == 0)
    return;
  g_free (self->disclosure_id);
  self->disclosure_id = g_strdup (disclosure_id);
  queue_whole_text_scan (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISCLOSURE_ID]);
}

const char *
civic_lint_highlighter_get_disclosure_id (CivicLintHighlighter *self)
{
  g_return_val_if_fail (CIVIC_IS_LINT_HIGHLIGHTER (self), NULL);

  return self->disclosure_id;
}

/**
 * civic_lint_highlighter_get_findings:
 *
 * Returns: (transfer none): the findings (CivicLintFinding), in the
 *   order of the text
 */
GListModel *
civic_lint_highlighter_get_findings (CivicLintHighlighter *self)
{
  g_return_val_if_fail (CIVIC_IS_LINT_HIGHLIGHTER (self), NULL);

  return G_LIST_MODEL (self->findings);
}

/* Publication stays blocked while this is not 0 */
guint
civic_lint_highlighter_get_n_blocking (CivicLintHighlighter *self)
{
  g_return_val_if_fail (CIVIC_IS_LINT_HIGHLIGHTER (self), 0);

  return self->n_blocking;
}

/* Whether an edit or the whole text is still to be scanned */
gboolean
civic_lint_highlighter_is_busy (CivicLintHighlighter *self)
{
  g_return_val_if_fail (CIVIC_IS_LINT_HIGHLIGHTER (self), FALSE);

  return self->dirty || self->whole_text_wanted || self->whole_text_running || self->idle_id != 0;
}

static gboolean
redact (CivicLintHighlighter *self,
        CivicLintFinding     *finding)
{
  GtkTextIter start, end;

  if (!civic_lint_finding_is_current (finding))
    return FALSE;
  civic_lint_finding_get_bounds (finding, &start, &end);
  gtk_text_buffer_delete (self->buffer, &start, &end);
  gtk_text_buffer_insert (self->buffer, &start, civic_lint_finding_get_redaction (finding), -1);
  return TRUE;
}

/**
 * civic_lint_highlighter_redact:
 * @finding: one of the highlighter's findings
 *
 * Puts @finding's redaction in place of its text, as one user action:
 * one undo brings the text back.
 *
 * Returns: %FALSE if @finding's text was changed since it was found
 */
gboolean
civic_lint_highlighter_redact (CivicLintHighlighter *self,
                               CivicLintFinding     *finding)
{
  gboolean done;

  g_return_val_if_fail (CIVIC_IS_LINT_HIGHLIGHTER (self), FALSE);
  g_return_val_if_fail (CIVIC_IS_LINT_FINDING (finding), FALSE);

  gtk_text_buffer_begin_user_action (self->buffer);
  done = redact (self, finding);
  gtk_text_buffer_end_user_action (self->buffer);
  return done;
}

/**
 * civic_lint_highlighter_redact_all_of_kind:
 *
 * Redacts every finding of @kind, as one user action.
 *
 * Returns: how many were redacted
 */
guint
civic_lint_highlighter_redact_all_of_kind (CivicLintHighlighter *self,
                                           CivicPrivacyKind      kind)
{
  g_autoptr(GPtrArray) of_kind = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = 0;

  g_return_val_if_fail (CIVIC_IS_LINT_HIGHLIGHTER (self), 0);

  /* Copied first: each redaction changes the list when it is rescanned */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->findings)); i++)
    {
      CivicLintFinding *finding = finding_get (self, i);

      if (civic_lint_finding_get_kind (finding) == kind)
        g_ptr_array_add (of_kind, g_object_ref (finding));
    }
  if (of_kind->len == 0)
    return 0;

  gtk_text_buffer_begin_user_action (self->buffer);
  for (guint i = of_kind->len; i > 0; i--)
    n += redact (self, g_ptr_array_index (of_kind, i - 1));
  gtk_text_buffer_end_user_action (self->buffer);
  return n;
}

/**
 * civic_lint_highlighter_next_finding:
 * @from: where to look from; moved to the start of the finding found
 * @backwards: look for the previous finding (Shift+F8) rather than the
 *   next (F8)
 *
 * The finding that starts after @from (or before it, going backwards),
 * wrapping round at the end of the text, as F8 does in an editor.
 *
 * Returns: (transfer none) (nullable): the finding, or %NULL when there
 *   is none
 */
CivicLintFinding *
civic_lint_highlighter_next_finding (CivicLintHighlighter *self,
                                     GtkTextIter          *from,
                                     gboolean              backwards)
{
  guint n;
  int offset;
  CivicLintFinding *found = NULL;
  GtkTextIter start, end;

  g_return_val_if_fail (CIVIC_IS_LINT_HIGHLIGHTER (self), NULL);
  g_return_val_if_fail (from != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->findings));
  if (n == 0)
    return NULL;

  offset = gtk_text_iter_get_offset (from);
  for (guint i = 0; i < n && found == NULL; i++)
    {
      CivicLintFinding *finding = finding_get (self, backwards ? n - 1 - i : i);
      int finding_start, finding_end;

      finding_offsets (finding, &finding_start, &finding_end);
      if (backwards ? finding_start < offset : finding_start > offset)
        found = finding;
    }
  if (found == NULL)
    found = finding_get (self, backwards ? n - 1 : 0);

  civic_lint_finding_get_bounds (found, &start, &end);
  *from = start;
  return found;
}
