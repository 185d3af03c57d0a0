/* civic-template-record.c — a formal document's template as a kind of record administrators run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-template-record"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-json.h"
#include "civic-template-record.h"
#include "civic-workflow.h"

/* Each kind of formal document has the hall's template in each language
 * (`document/<kind>/<language>`), and a department may keep its own
 * (`document/<kind>/<language>/<department>`), which its documents use
 * instead. The hall's administrators edit any; a department's
 * administrator copies the hall's for their department, edits their
 * department's own and reverts it, so that the hall's applies again. A
 * form edits the body as text, one block per line (see
 * civic_template_body_from_source()); every change is checked as the
 * command line's import checks a file: the placeholders the kind of
 * document knows, no personal data in the title. */

#define refuse(error, code, ...) \
  G_GNUC_EXTENSION ({ \
    g_set_error ((error), CIVIC_WORKFLOW_ERROR, (code), __VA_ARGS__); \
    FALSE; \
  })

#define TITLE_MAX 64
#define MARK_MAX 8

struct _CivicTemplateRecord
{
  GObject                parent_instance;

  char                  *id;
  gint64                 rev;
  CivicDocumentKind      kind;
  CivicDocumentLanguage  language;
  char                  *department_id;  /* from the id */
  gboolean               valid_id;
  CivicDocumentTemplate *template;       /* (nullable) */
  gboolean               removed;
};

G_DEFINE_FINAL_TYPE (CivicTemplateRecord, civic_template_record, G_TYPE_OBJECT)

static void
civic_template_record_finalize (GObject *object)
{
  CivicTemplateRecord *self = CIVIC_TEMPLATE_RECORD (object);

  g_free (self->id);
  g_free (self->department_id);
  g_clear_pointer (&self->template, civic_document_template_free);
  G_OBJECT_CLASS (civic_template_record_parent_class)->finalize (object);
}

static void
civic_template_record_class_init (CivicTemplateRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = civic_template_record_finalize;
}

static void
civic_template_record_init (CivicTemplateRecord *self)
{
}

static gboolean
department_id_is_valid (const char *id)
{
  gsize length = strlen (id);

  if (length == 0 || length > 64)
    return FALSE;
  for (const char *c = id; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && *c != '-' && *c != '_' && *c != '.')
      return FALSE;
  return TRUE;
}

/* "document/<kind>/<language>[/<department>]" */
static void
read_id (CivicTemplateRecord *self)
{
  g_auto(GStrv) parts = g_strsplit (self->id, "/", 5);
  guint n = g_strv_length (parts);

  self->valid_id = (n == 3 || n == 4) && g_str_equal (parts[0], "document") &&
                   civic_document_kind_from_string (parts[1], &self->kind) &&
                   civic_document_language_from_string (parts[2], &self->language) &&
                   (n == 3 || department_id_is_valid (parts[3]));
  if (self->valid_id && n == 4)
    self->department_id = g_strdup (parts[3]);
}

/**
 * civic_template_record_new:
 *
 * Returns: (transfer full): a template not made yet under @id
 */
CivicTemplateRecord *
civic_template_record_new (const char *id)
{
  CivicTemplateRecord *self = g_object_new (CIVIC_TYPE_TEMPLATE_RECORD, NULL);

  self->id = g_strdup (id);
  read_id (self);
  return self;
}

static CivicDocumentTemplate *
copy_template (const CivicDocumentTemplate *tmpl,
               GError                     **error)
{
  g_autoptr(JsonNode) node = civic_document_template_to_json (tmpl);

  return civic_document_template_new_from_json (node, error);
}

/**
 * civic_template_record_new_from_template:
 *
 * Returns: (transfer full): @tmpl as a record, at @rev
 */
CivicTemplateRecord *
civic_template_record_new_from_template (const CivicDocumentTemplate *tmpl,
                                         gint64                       rev)
{
  g_autofree char *id = civic_document_template_id (tmpl->kind, tmpl->language,
                                                    tmpl->department_id);
  CivicTemplateRecord *self = civic_template_record_new (id);

  self->rev = rev;
  self->template = copy_template (tmpl, NULL);
  return self;
}

static CivicTemplateRecord *
copy (CivicTemplateRecord *self)
{
  CivicTemplateRecord *next = civic_template_record_new (self->id);

  next->rev = self->rev;
  next->removed = self->removed;
  if (self->template != NULL)
    next->template = copy_template (self->template, NULL);
  return next;
}

/**
 * civic_template_record_to_json:
 *
 * Returns: (transfer full): the template as the feed carries it, with its
 * id and revision
 */
JsonNode *
civic_template_record_to_json (CivicTemplateRecord *self)
{
  JsonNode *node;
  JsonObject *object;

  g_return_val_if_fail (CIVIC_IS_TEMPLATE_RECORD (self), NULL);

  if (self->template != NULL)
    node = civic_document_template_to_json (self->template);
  else
    node = json_node_init_object (json_node_alloc (), json_object_new ());
  object = json_node_get_object (node);
  json_object_set_string_member (object, "id", self->id);
  json_object_set_int_member (object, "rev", self->rev);
  /* Only the client's own version says so, until the feed deletes it */
  if (self->removed)
    json_object_set_boolean_member (object, "removed", TRUE);
  return node;
}

/**
 * civic_template_record_new_from_json:
 *
 * Reads a template as the feed carries it; the template's own checks
 * (civic_document_template_new_from_json()) apply.
 *
 * Returns: (transfer full) (nullable): the record, or %NULL with @error
 */
CivicTemplateRecord *
civic_template_record_new_from_json (JsonNode  *node,
                                     GError   **error)
{
  g_autoptr(CivicTemplateRecord) self = NULL;
  g_autoptr(CivicDocumentTemplate) tmpl = NULL;
  g_autofree char *expected = NULL;
  const char *id;
  gint64 rev = 0;
  gboolean removed = FALSE;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("A template is a JSON object"));
      return NULL;
    }
  if (!civic_json_get_string (json_node_get_object (node), "id", TRUE, &id, error) ||
      !civic_json_get_int (json_node_get_object (node), "rev", FALSE, 0, G_MAXINT64, &rev, error) ||
      !civic_json_get_bool (json_node_get_object (node), "removed", FALSE, &removed, error))
    return NULL;
  if (removed)
    {
      self = civic_template_record_new (id);
      self->rev = rev;
      self->removed = TRUE;
      return g_steal_pointer (&self);
    }
  tmpl = civic_document_template_new_from_json (node, error);
  if (tmpl == NULL)
    return NULL;
  expected = civic_document_template_id (tmpl->kind, tmpl->language, tmpl->department_id);
  if (!g_str_equal (expected, id))
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                   _("The template “%s” says it is “%s”"), id, expected);
      return NULL;
    }
  self = civic_template_record_new (id);
  self->rev = rev;
  self->template = g_steal_pointer (&tmpl);
  return g_steal_pointer (&self);
}

const char *
civic_template_record_get_id (CivicTemplateRecord *self)
{
  g_return_val_if_fail (CIVIC_IS_TEMPLATE_RECORD (self), NULL);
  return self->id;
}

gint64
civic_template_record_get_rev (CivicTemplateRecord *self)
{
  g_return_val_if_fail (CIVIC_IS_TEMPLATE_RECORD (self), 0);
  return self->rev;
}

void
civic_template_record_set_rev (CivicTemplateRecord *self,
                               gint64               rev)
{
  g_return_if_fail (CIVIC_IS_TEMPLATE_RECORD (self));
  self->rev = rev;
}

const CivicDocumentTemplate *
civic_template_record_get_template (CivicTemplateRecord *self)
{
  g_return_val_if_fail (CIVIC_IS_TEMPLATE_RECORD (self), NULL);
  return self->template;
}

gboolean
civic_template_record_get_removed (CivicTemplateRecord *self)
{
  g_return_val_if_fail (CIVIC_IS_TEMPLATE_RECORD (self), FALSE);
  return self->removed;
}

void
civic_template_record_set_removed (CivicTemplateRecord *self,
                                   gboolean             removed)
{
  g_return_if_fail (CIVIC_IS_TEMPLATE_RECORD (self));
  self->removed = removed;
  if (removed)
    g_clear_pointer (&self->template, civic_document_template_free);
}

const char *
civic_template_record_get_department_id (CivicTemplateRecord *self)
{
  g_return_val_if_fail (CIVIC_IS_TEMPLATE_RECORD (self), NULL);
  return self->department_id;
}

/* The body as text */

/**
 * civic_template_body_to_source:
 *
 * Returns: (transfer full): the blocks as a form edits them: one a line,
 * a block not a paragraph marked with its style, "[addressee] To …"; a
 * paragraph whose words begin with "[" is marked too, "[paragraph] […",
 * so that it reads back as one and not as a style
 */
char *
civic_template_body_to_source (const CivicDocumentTemplate *tmpl)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < tmpl->blocks->len; i++)
    {
      CivicDocumentBlock *block = g_ptr_array_index (tmpl->blocks, i);
      const char *words = block->text;

      if (i > 0)
        g_string_append_c (out, '\n');
      while (g_ascii_isspace (*words))
        words++;
      if (block->style != CIVIC_BLOCK_PARAGRAPH || *words == '[')
        g_string_append_printf (out, "[%s] ", civic_enum_to_nick (CIVIC_TYPE_BLOCK_STYLE,
                                                                  block->style));
      g_string_append (out, block->text);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * civic_template_body_from_source:
 *
 * Reads the blocks back: each line not blank is a block; one starting
 * with a style in brackets ([addressee], [heading], [kai], [field],
 * [note]) has it, any other is a paragraph.
 *
 * Returns: (transfer full) (element-type CivicDocumentBlock) (nullable):
 * the blocks, or %NULL with @error naming the line
 */
GPtrArray *
civic_template_body_from_source (const char  *source,
                                 GError     **error)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                civic_document_block_free);
  g_auto(GStrv) lines = g_strsplit (source != NULL ? source : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(CivicDocumentBlock) block = g_new0 (CivicDocumentBlock, 1);
      char *line = g_strstrip (lines[i]);
      int style = CIVIC_BLOCK_PARAGRAPH;

      if (*line == '\0')
        continue;
      if (*line == '[')
        {
          char *end = strchr (line, ']');
          g_autofree char *nick = end != NULL ? g_strndup (line + 1, end - line - 1) : NULL;

          if (nick == NULL || !civic_enum_from_nick (CIVIC_TYPE_BLOCK_STYLE, nick, &style))
            {
              /* Translators: a template's body refused: "Line 3: “[title]” is not a style:
               * use [addressee], [heading], [kai], [field] or [note]" */
              refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                      _("Line %u: “%s” is not a style: use [addressee], [heading], [kai], "
                        "[field] or [note]"), i + 1, nick != NULL ? nick : line);
              return NULL;
            }
          line = g_strstrip (end + 1);
        }
      block->style = style;
      block->text = g_strdup (line);
      g_ptr_array_add (blocks, g_steal_pointer (&block));
    }
  return g_steal_pointer (&blocks);
}

/* The kind */

static gboolean
may_run (const CivicActor  *actor,
         const char        *department_id,
         GError           **error)
{
  if (civic_actor_has_role (actor, CIVIC_ROLE_ADMIN))
    return TRUE;
  if (!civic_actor_has_role (actor, CIVIC_ROLE_DEPARTMENT_ADMIN))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                   _("Templates are run by the hall’s administrators and each department’s"));
  if (department_id == NULL || g_strcmp0 (actor->department_id, department_id) != 0)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                   _("A department’s administrator runs only their department’s own templates: "
                     "Copy for My Department makes one"));
  return TRUE;
}

static gboolean
kind_check (GObject                    *record,
            guint                       action,
            const CivicWorkflowContext *context,
            GError                    **error)
{
  CivicTemplateRecord *self;
  const CivicActor *actor;

  g_return_val_if_fail (CIVIC_IS_TEMPLATE_RECORD (record), FALSE);
  g_return_val_if_fail (context != NULL && context->actor != NULL, FALSE);

  self = CIVIC_TEMPLATE_RECORD (record);
  actor = context->actor;
  if (action >= CIVIC_N_TEMPLATE_ACTIONS)
    return refuse (error, CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION, _("Unknown action"));
  if (!self->valid_id)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A template’s id is document/<kind>/<language>, then /<department> for a "
                     "department’s own"));

  switch ((CivicTemplateAction) action)
    {
    case CIVIC_TEMPLATE_ACTION_COPY:
      /* On the hall's: whether the official may copy it for their
       * department; on a department's id: whether it may be made */
      if (self->department_id == NULL)
        {
          if (self->template == NULL)
            return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("There is no such template"));
          if (!civic_actor_has_role (actor, CIVIC_ROLE_DEPARTMENT_ADMIN) ||
              actor->department_id == NULL)
            return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                           _("A department’s administrator copies the hall’s template for their "
                             "department"));
          return TRUE;
        }
      if (self->template != NULL)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                       _("The department has its own template already: edit it"));
      return may_run (actor, self->department_id, error);

    case CIVIC_TEMPLATE_ACTION_EDIT:
      if (self->template == NULL)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("There is no such template"));
      return may_run (actor, self->department_id, error);

    case CIVIC_TEMPLATE_ACTION_REVERT:
      if (self->department_id == NULL)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                       _("The hall’s template is every department’s: only a department’s own "
                         "is reverted"));
      if (self->template == NULL)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("There is no such template"));
      return may_run (actor, self->department_id, error);

    default:
      return refuse (error, CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION, _("Unknown action"));
    }
}

/* The template @args make, checked as an import is */
static CivicDocumentTemplate *
template_of (CivicTemplateRecord  *self,
             const char           *department_id,
             JsonObject           *args,
             GError              **error)
{
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local = NULL;
  CivicDocumentTemplate *tmpl;
  const char *title, *mark, *body;

  if (!civic_workflow_arg_text (args, "title", TRUE, TITLE_MAX, &title, error) ||
      !civic_workflow_arg_text (args, "mark", TRUE, MARK_MAX, &mark, error) ||
      !civic_workflow_arg_text (args, "body", TRUE, CIVIC_TEMPLATE_BODY_MAX, &body, error))
    return NULL;
  blocks = civic_template_body_from_source (body, error);
  if (blocks == NULL)
    return NULL;

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "kind", civic_document_kind_to_string (self->kind));
  civic_json_set_string (builder, "language", civic_document_language_to_string (self->language));
  civic_json_set_string (builder, "department_id", department_id);
  civic_json_set_string (builder, "title", title);
  civic_json_set_string (builder, "mark", mark);
  json_builder_set_member_name (builder, "blocks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < blocks->len; i++)
    {
      CivicDocumentBlock *block = g_ptr_array_index (blocks, i);

      json_builder_begin_object (builder);
      if (block->style != CIVIC_BLOCK_PARAGRAPH)
        civic_json_set_string (builder, "style",
                               civic_enum_to_nick (CIVIC_TYPE_BLOCK_STYLE, block->style));
      civic_json_set_string (builder, "text", block->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  tmpl = civic_document_template_new_from_json (node, &local);
  if (tmpl == NULL)
    refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, "%s", local->message);
  return tmpl;
}

static GObject *
kind_apply (GObject                    *record,
            guint                       action,
            JsonObject                 *args,
            const CivicWorkflowContext *context,
            GError                    **error)
{
  g_autoptr(CivicTemplateRecord) next = NULL;
  g_autoptr(JsonObject) empty = NULL;
  CivicDocumentTemplate *tmpl;

  if (!kind_check (record, action, context, error))
    return NULL;
  if (args == NULL)
    args = empty = json_object_new ();
  next = copy (CIVIC_TEMPLATE_RECORD (record));

  switch ((CivicTemplateAction) action)
    {
    case CIVIC_TEMPLATE_ACTION_COPY:
    case CIVIC_TEMPLATE_ACTION_EDIT:
      /* Copied from the hall's page, it is the official's department's
       * (the client sends it under that id; the service takes a copy
       * only there) */
      tmpl = template_of (next,
                          next->department_id != NULL || action == CIVIC_TEMPLATE_ACTION_EDIT
                          ? next->department_id : context->actor->department_id,
                          args, error);
      if (tmpl == NULL)
        return NULL;
      g_clear_pointer (&next->template, civic_document_template_free);
      next->template = tmpl;
      next->removed = FALSE;
      return G_OBJECT (g_steal_pointer (&next));

    case CIVIC_TEMPLATE_ACTION_REVERT:
    default:
      civic_template_record_set_removed (next, TRUE);
      return G_OBJECT (g_steal_pointer (&next));
    }
}

static GArray *
kind_list_actions (GObject                    *record,
                   const CivicWorkflowContext *context)
{
  GArray *actions = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint action = 0; action < CIVIC_N_TEMPLATE_ACTIONS; action++)
    if (kind_check (record, action, context, NULL))
      g_array_append_val (actions, action);
  return actions;
}

static gboolean
kind_creates (guint action)
{
  return action == CIVIC_TEMPLATE_ACTION_COPY;
}

static GObject *
kind_create (const char                 *id,
             guint                       action,
             const CivicWorkflowContext *context,
             GError                    **error)
{
  g_autoptr(CivicTemplateRecord) self = NULL;

  if (id == NULL || strlen (id) > 128)
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("There is no such template"));
      return NULL;
    }
  self = civic_template_record_new (id);
  if (action != CIVIC_TEMPLATE_ACTION_COPY || !self->valid_id || self->department_id == NULL)
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
              _("A department’s own template is made under its id: "
                "document/<kind>/<language>/<department>"));
      return NULL;
    }
  return G_OBJECT (g_steal_pointer (&self));
}

static char *
usual_title (GObject *record)
{
  CivicTemplateRecord *self = CIVIC_TEMPLATE_RECORD (record);

  return self->template != NULL ? g_strdup (self->template->title) : NULL;
}

static char *
usual_mark (GObject *record)
{
  CivicTemplateRecord *self = CIVIC_TEMPLATE_RECORD (record);

  return self->template != NULL ? g_strdup (self->template->mark) : NULL;
}

static char *
usual_body (GObject *record)
{
  CivicTemplateRecord *self = CIVIC_TEMPLATE_RECORD (record);

  return self->template != NULL ? civic_template_body_to_source (self->template) : NULL;
}

#define TEMPLATE_ARGUMENTS \
  { .name = "title", .kind = CIVIC_ARGUMENT_LINE, .required = TRUE, .title = N_("_Title"), \
    .usual_text = usual_title }, \
  { .name = "mark", .kind = CIVIC_ARGUMENT_LINE, .required = TRUE, \
    .title = N_("Number _Mark"), .usual_text = usual_mark }, \
  { .name = "body", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE, .title = N_("_Body"), \
    .description = N_("One block a line; [addressee], [heading], [kai], [field] or [note] " \
                      "before a line sets its style. {{placeholders}} are filled from the " \
                      "record"), \
    .usual_text = usual_body }

static const CivicArgument edit_arguments[] = {
  TEMPLATE_ARGUMENTS,
  CIVIC_ARGUMENTS_END
};

static const CivicArgument none[] = {
  CIVIC_ARGUMENTS_END
};

CIVIC_DEFINE_KIND_ACTION_NICKS (CIVIC_TYPE_TEMPLATE_ACTION)

static const char *
kind_action_label (guint action)
{
  switch ((CivicTemplateAction) action)
    {
    case CIVIC_TEMPLATE_ACTION_EDIT: return _("Edit Template");
    case CIVIC_TEMPLATE_ACTION_COPY: return _("Copy for My Department");
    case CIVIC_TEMPLATE_ACTION_REVERT: return _("Revert to the Hall’s");
    default: g_return_val_if_reached ("");
    }
}

static const char *
kind_past_tense (const char *name)
{
  guint action;

  if (name == NULL || !kind_action_from_string (name, &action))
    return NULL;
  switch ((CivicTemplateAction) action)
    {
    case CIVIC_TEMPLATE_ACTION_EDIT: return _("Edited the template");
    case CIVIC_TEMPLATE_ACTION_COPY: return _("Copied the template for the department");
    case CIVIC_TEMPLATE_ACTION_REVERT: return _("Reverted to the hall’s template");
    default: return NULL;
    }
}

static const CivicArgument *
kind_arguments (guint action)
{
  return action == CIVIC_TEMPLATE_ACTION_REVERT ? none : edit_arguments;
}

static CivicActionWeight
kind_weight (guint action)
{
  return action == CIVIC_TEMPLATE_ACTION_REVERT ? CIVIC_WEIGHT_DESTRUCTIVE
                                                : CIVIC_WEIGHT_DELIBERATE;
}

static gboolean
kind_safe_when_stale (guint action)
{
  return FALSE;
}

static GObject *
kind_from_json (JsonNode  *node,
                GError   **error)
{
  return G_OBJECT (civic_template_record_new_from_json (node, error));
}

static const char *
kind_get_id (GObject *record)
{
  return CIVIC_TEMPLATE_RECORD (record)->id;
}

static gint64
kind_get_rev (GObject *record)
{
  return CIVIC_TEMPLATE_RECORD (record)->rev;
}

static void
kind_set_rev (GObject *record,
              gint64   rev)
{
  CIVIC_TEMPLATE_RECORD (record)->rev = rev;
}

static char *
kind_label (GObject *record)
{
  CivicTemplateRecord *self = CIVIC_TEMPLATE_RECORD (record);

  if (!self->valid_id)
    return g_strdup (self->id);
  /* Translators: a template: "Correction Notice (zh)" */
  return g_strdup_printf (_("%s (%s)"), civic_document_kind_get_label (self->kind),
                          civic_document_language_to_string (self->language));
}

static char *
kind_headline_n (guint n_records)
{
  return g_strdup_printf (civic_ngettext ("For %u template.", "For %u templates.", n_records),
                          n_records);
}

static char *
kind_describe (GObject *record)
{
  CivicTemplateRecord *self = CIVIC_TEMPLATE_RECORD (record);

  if (self->template == NULL)
    return g_strdup (_("Reverted: the hall’s applies"));
  if (self->department_id != NULL)
    /* Translators: a department's own template: "补正材料通知书 · the department's own" */
    return g_strdup_printf (_("%s · the department’s own"), self->template->title);
  return g_strdup_printf (_("%s · the hall’s"), self->template->title);
}

static char *
kind_to_feed_json (GObject       *record,
                   CivicCalendar *calendar,
                   CivicDay       today)
{
  g_autoptr(JsonNode) node = civic_template_record_to_json (CIVIC_TEMPLATE_RECORD (record));

  return civic_json_to_string (node, FALSE);
}

const CivicEntityKind civic_template_kind = {
  .type = CIVIC_ENTITY_DOCUMENT_TEMPLATE,
  .collection = "document-templates",
  .record_type = civic_template_record_get_type,
  .n_actions = CIVIC_N_TEMPLATE_ACTIONS,
  .action_from_string = kind_action_from_string,
  .action_to_string = kind_action_to_string,
  .action_label = kind_action_label,
  .past_tense = kind_past_tense,
  .arguments = kind_arguments,
  .weight = kind_weight,
  .safe_when_stale = kind_safe_when_stale,
  .from_json = kind_from_json,
  .get_id = kind_get_id,
  .get_rev = kind_get_rev,
  .set_rev = kind_set_rev,
  .label = kind_label,
  .headline = kind_label,
  .headline_n = kind_headline_n,
  .describe = kind_describe,
  .now_title = N_("The template now"),
  .open_label = N_("_Open Template"),
  .not_cached = N_("The template is not in the offline copy"),
  .to_feed_json = kind_to_feed_json,
  .check = kind_check,
  .list_actions = kind_list_actions,
  .apply = kind_apply,
  .creates = kind_creates,
  .create = kind_create,
};
