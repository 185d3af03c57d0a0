/* civic-lint-finding.c — a piece of personal data found in a text buffer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-lint-finding"

#include "config.h"

#include "civic-core-enums.h"
#include "civic-lint-finding.h"

/* What the lint said of a few characters, and where they are now: a pair
 * of marks that move with the edits around them. The marks keep the
 * finding's characters between them — text typed just before or just
 * after is outside — and the highlighter replaces the finding when the
 * text between them changes. The findings panel keeps rows of these; one
 * the highlighter has dropped is detached, its marks deleted. */

struct _CivicLintFinding
{
  GObject               parent_instance;

  GtkTextMark          *start_mark;
  GtkTextMark          *end_mark;

  CivicPrivacyKind      kind;
  CivicPrivacySeverity  severity;
  gboolean              probable;
  char                 *text;
  char                 *redaction;
  const char           *message;
  char                 *key;
};

G_DEFINE_FINAL_TYPE (CivicLintFinding, civic_lint_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_SEVERITY,
  PROP_PROBABLE,
  PROP_TEXT,
  PROP_REDACTION,
  PROP_MESSAGE,
  PROP_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
civic_lint_finding_finalize (GObject *object)
{
  CivicLintFinding *self = CIVIC_LINT_FINDING (object);

  civic_lint_finding_detach (self);
  g_clear_object (&self->start_mark);
  g_clear_object (&self->end_mark);
  g_free (self->text);
  g_free (self->redaction);
  g_free (self->key);
  G_OBJECT_CLASS (civic_lint_finding_parent_class)->finalize (object);
}

static void
civic_lint_finding_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CivicLintFinding *self = CIVIC_LINT_FINDING (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case PROP_PROBABLE:
      g_value_set_boolean (value, self->probable);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_REDACTION:
      g_value_set_string (value, self->redaction);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
civic_lint_finding_class_init (CivicLintFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = civic_lint_finding_finalize;
  object_class->get_property = civic_lint_finding_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CIVIC_TYPE_PRIVACY_KIND,
                       CIVIC_PRIVACY_KIND_RESIDENT_ID,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL, CIVIC_TYPE_PRIVACY_SEVERITY,
                       CIVIC_PRIVACY_SEVERITY_INFO,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBABLE] =
    g_param_spec_boolean ("probable", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDACTION] =
    g_param_spec_string ("redaction", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
civic_lint_finding_init (CivicLintFinding *self)
{
}

/**
 * civic_lint_finding_new:
 * @start: where @finding's characters start in @buffer
 * @end: where they end
 * @finding: what the lint found there
 * @key: (nullable): civic_disclosure_finding_key() of @finding, when the
 *   text is a disclosure's
 *
 * Returns: (transfer full): a finding holding two new marks of @buffer
 */
CivicLintFinding *
civic_lint_finding_new (GtkTextBuffer             *buffer,
                        const GtkTextIter         *start,
                        const GtkTextIter         *end,
                        const CivicPrivacyFinding *finding,
                        const char                *key)
{
  CivicLintFinding *self;

  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), NULL);
  g_return_val_if_fail (start != NULL && end != NULL && finding != NULL, NULL);

  self = g_object_new (CIVIC_TYPE_LINT_FINDING, NULL);
  /* Right gravity at the start and left at the end: what is typed at
   * either edge is not part of the finding. */
  self->start_mark = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, start, FALSE));
  self->end_mark = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, end, TRUE));
  self->kind = finding->kind;
  self->severity = finding->severity;
  self->probable = finding->probable;
  self->text = g_strdup (finding->text);
  self->redaction = g_strdup (finding->redaction);
  self->message = finding->message;
  self->key = g_strdup (key);
  return self;
}

CivicPrivacyKind
civic_lint_finding_get_kind (CivicLintFinding *self)
{
  g_return_val_if_fail (CIVIC_IS_LINT_FINDING (self), CIVIC_PRIVACY_KIND_RESIDENT_ID);

  return self->kind;
}

CivicPrivacySeverity
civic_lint_finding_get_severity (CivicLintFinding *self)
{
  g_return_val_if_fail (CIVIC_IS_LINT_FINDING (self), CIVIC_PRIVACY_SEVERITY_INFO);

  return self->severity;
}

/* The number has the shape of its kind but not its check character */
gboolean
civic_lint_finding_get_probable (CivicLintFinding *self)
{
  g_return_val_if_fail (CIVIC_IS_LINT_FINDING (self), FALSE);

  return self->probable;
}

/* The characters as they were when the lint found them */
const char *
civic_lint_finding_get_text (CivicLintFinding *self)
{
  g_return_val_if_fail (CIVIC_IS_LINT_FINDING (self), NULL);

  return self->text;
}

const char *
civic_lint_finding_get_redaction (CivicLintFinding *self)
{
  g_return_val_if_fail (CIVIC_IS_LINT_FINDING (self), NULL);

  return self->redaction;
}

/* Translated: why it matters, with the article */
const char *
civic_lint_finding_get_message (CivicLintFinding *self)
{
  g_return_val_if_fail (CIVIC_IS_LINT_FINDING (self), NULL);

  return self->message;
}

/**
 * civic_lint_finding_get_key:
 *
 * Returns: (nullable): the key a reviewer's acknowledgement is kept
 *   under, or %NULL when the text is not a disclosure's
 */
const char *
civic_lint_finding_get_key (CivicLintFinding *self)
{
  g_return_val_if_fail (CIVIC_IS_LINT_FINDING (self), NULL);

  return self->key;
}

GtkTextMark *
civic_lint_finding_get_start_mark (CivicLintFinding *self)
{
  g_return_val_if_fail (CIVIC_IS_LINT_FINDING (self), NULL);

  return self->start_mark;
}

GtkTextMark *
civic_lint_finding_get_end_mark (CivicLintFinding *self)
{
  g_return_val_if_fail (CIVIC_IS_LINT_FINDING (self), NULL);

  return self->end_mark;
}

/**
 * civic_lint_finding_get_bounds:
 *
 * Returns: %FALSE, leaving @start and @end alone, once the finding is
 *   detached from its buffer
 */
gboolean
civic_lint_finding_get_bounds (CivicLintFinding *self,
                               GtkTextIter      *start,
                               GtkTextIter      *end)
{
  GtkTextBuffer *buffer;

  g_return_val_if_fail (CIVIC_IS_LINT_FINDING (self), FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  buffer = gtk_text_mark_get_buffer (self->start_mark);
  if (buffer == NULL)
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (buffer, start, self->start_mark);
  gtk_text_buffer_get_iter_at_mark (buffer, end, self->end_mark);
  return TRUE;
}

/**
 * civic_lint_finding_is_current:
 *
 * Whether the characters between the marks are still those the lint
 * found: a finding may be redacted, or shown, only then.
 */
gboolean
civic_lint_finding_is_current (CivicLintFinding *self)
{
  GtkTextIter start, end;
  g_autofree char *now = NULL;

  g_return_val_if_fail (CIVIC_IS_LINT_FINDING (self), FALSE);

  if (!civic_lint_finding_get_bounds (self, &start, &end))
    return FALSE;
  now = gtk_text_iter_get_slice (&start, &end);
  return g_strcmp0 (now, self->text) == 0;
}

/* Deletes the marks: the highlighter dropped the finding */
void
civic_lint_finding_detach (CivicLintFinding *self)
{
  g_return_if_fail (CIVIC_IS_LINT_FINDING (self));

  if (self->start_mark != NULL && !gtk_text_mark_get_deleted (self->start_mark))
    gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (self->start_mark), self->start_mark);
  if (self->end_mark != NULL && !gtk_text_mark_get_deleted (self->end_mark))
    gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (self->end_mark), self->end_mark);
}
