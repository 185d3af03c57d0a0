/* civic-item-kind.c — a service item as a kind of record officials act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-item"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-item-kind.h"
#include "civic-item-private.h"
#include "civic-json.h"
#include "civic-time.h"
#include "civic-workflow.h"

/* A department's catalogue editor makes an item, or revises one in
 * effect: the guide is copied as a draft of the next version, edited and
 * saved as often as needed, its sample and blank form attached, and
 * submitted. A reviewer of the department who wrote none of it approves
 * it for a day, or returns it with why; the service makes it effective
 * at the start of that day (make-item-effective, a due job), and the
 * version it replaces is superseded. A scheduled version can be taken
 * back to draft until then. A reviewer repeals an item (取消) for a day
 * the same way. A province's list comes in through import-item-version,
 * scheduled at once: it was approved where it was written.
 *
 * The limits are the law's (civic-item-limits.c): a draft is saved with
 * its warnings, but never submitted nor approved with a refusal. */

#define STATE(s) (1u << CIVIC_ITEM_STATE_##s)
#define ANY_STATE (STATE (NEW) | STATE (EFFECTIVE) | STATE (REPEALED))
#define PENDING(s) (1u << CIVIC_ITEM_VERSION_##s)
#define NO_PENDING (1u << 8)

#define EDITOR CIVIC_ROLE_CATALOGUE_EDITOR
#define REVIEWER CIVIC_ROLE_CATALOGUE_REVIEWER
#define SYSTEM CIVIC_ROLE_SYSTEM

#define ITEM_NOTE_MAX 2000
#define ITEM_NAME_MAX 200

static const struct
{
  guint      states;
  guint      pending;
  CivicRole  roles;
} rules[CIVIC_N_ITEM_ACTIONS] = {
  [CIVIC_ITEM_ACTION_CREATE] = { STATE (NEW), NO_PENDING, EDITOR },
  [CIVIC_ITEM_ACTION_REVISE] = { STATE (EFFECTIVE), NO_PENDING, EDITOR },
  [CIVIC_ITEM_ACTION_SAVE] = { STATE (NEW) | STATE (EFFECTIVE), PENDING (DRAFT), EDITOR },
  [CIVIC_ITEM_ACTION_ATTACH_FILE] = { STATE (NEW) | STATE (EFFECTIVE), PENDING (DRAFT), EDITOR },
  [CIVIC_ITEM_ACTION_REMOVE_FILE] = { STATE (NEW) | STATE (EFFECTIVE), PENDING (DRAFT), EDITOR },
  [CIVIC_ITEM_ACTION_DISCARD] = { STATE (EFFECTIVE), PENDING (DRAFT), EDITOR },
  [CIVIC_ITEM_ACTION_SUBMIT] = { STATE (NEW) | STATE (EFFECTIVE), PENDING (DRAFT), EDITOR },
  [CIVIC_ITEM_ACTION_REVIEW] = { STATE (NEW) | STATE (EFFECTIVE), PENDING (IN_REVIEW), REVIEWER },
  [CIVIC_ITEM_ACTION_UNSCHEDULE] = { STATE (NEW) | STATE (EFFECTIVE), PENDING (SCHEDULED),
                                     REVIEWER },
  [CIVIC_ITEM_ACTION_REPEAL] = { STATE (EFFECTIVE), NO_PENDING, REVIEWER },
  [CIVIC_ITEM_ACTION_MAKE_EFFECTIVE] = { ANY_STATE, PENDING (SCHEDULED), SYSTEM },
  [CIVIC_ITEM_ACTION_IMPORT_VERSION] = { ANY_STATE, NO_PENDING | PENDING (SCHEDULED), SYSTEM },
};

#define refuse(error, code, ...) \
  G_GNUC_EXTENSION ({ \
    g_set_error ((error), CIVIC_WORKFLOW_ERROR, (code), __VA_ARGS__); \
    FALSE; \
  })

const char *
civic_item_action_get_label (CivicItemAction action)
{
  switch (action)
    {
    case CIVIC_ITEM_ACTION_CREATE: return _("New Item");
    case CIVIC_ITEM_ACTION_REVISE: return _("Revise");
    case CIVIC_ITEM_ACTION_SAVE: return _("Save");
    case CIVIC_ITEM_ACTION_ATTACH_FILE: return _("Attach a File");
    case CIVIC_ITEM_ACTION_REMOVE_FILE: return _("Remove the File");
    case CIVIC_ITEM_ACTION_DISCARD: return _("Discard the Draft");
    case CIVIC_ITEM_ACTION_SUBMIT: return _("Submit for Review");
    case CIVIC_ITEM_ACTION_REVIEW: return _("Review");
    case CIVIC_ITEM_ACTION_UNSCHEDULE: return _("Take Back to Draft");
    case CIVIC_ITEM_ACTION_REPEAL: return _("Repeal");
    case CIVIC_ITEM_ACTION_MAKE_EFFECTIVE: return _("Take Effect");
    case CIVIC_ITEM_ACTION_IMPORT_VERSION: return _("Import");
    default: g_return_val_if_reached ("");
    }
}

static const char *
past_tense (CivicItemAction action)
{
  switch (action)
    {
    case CIVIC_ITEM_ACTION_CREATE: return _("Made the item");
    case CIVIC_ITEM_ACTION_REVISE: return _("Began a revision");
    case CIVIC_ITEM_ACTION_SAVE: return _("Saved the draft");
    case CIVIC_ITEM_ACTION_ATTACH_FILE: return _("Attached a file");
    case CIVIC_ITEM_ACTION_REMOVE_FILE: return _("Removed a file");
    case CIVIC_ITEM_ACTION_DISCARD: return _("Discarded the draft");
    case CIVIC_ITEM_ACTION_SUBMIT: return _("Submitted for review");
    case CIVIC_ITEM_ACTION_REVIEW: return _("Reviewed the version");
    case CIVIC_ITEM_ACTION_UNSCHEDULE: return _("Took the version back to draft");
    case CIVIC_ITEM_ACTION_REPEAL: return _("Approved the repeal");
    case CIVIC_ITEM_ACTION_MAKE_EFFECTIVE: return _("Took effect");
    case CIVIC_ITEM_ACTION_IMPORT_VERSION: return _("Imported a version");
    default: g_return_val_if_reached ("");
    }
}

static CivicDay
today_of (const CivicWorkflowContext *context)
{
  return civic_time_day_of (context->now);
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

/**
 * civic_item_effective_at:
 *
 * Returns: (transfer full): the moment a version approved at @now for
 * @effective_on takes effect: the start of that day, in the hall's time
 * zone, or @now when that has passed — a case filed earlier that day was
 * filed under the old version.
 */
GDateTime *
civic_item_effective_at (CivicDay   effective_on,
                         GDateTime *now)
{
  g_autoptr(GDateTime) start = NULL;
  int year, month, day;

  civic_day_to_ymd (effective_on, &year, &month, &day);
  start = g_date_time_new (civic_time_zone (), year, month, day, 0, 0, 0);
  if (g_date_time_compare (start, now) < 0)
    return g_date_time_ref (now);
  return g_steal_pointer (&start);
}

static gboolean
is_author (const CivicItemPending *pending,
           const char             *id)
{
  return id != NULL && g_strv_contains ((const char * const *) pending->authors, id);
}

static void
add_author (CivicItemPending *pending,
            const CivicActor *actor)
{
  if (!is_author (pending, actor->id))
    {
      guint n = g_strv_length (pending->authors);

      pending->authors = g_renew (char *, pending->authors, n + 2);
      pending->authors[n] = g_strdup (actor->id);
      pending->authors[n + 1] = NULL;
    }
  set_string (&pending->author_name, actor->name);
}

/* The rules that need no arguments */

static gboolean
check_preconditions (CivicItem                  *item,
                     CivicItemAction             action,
                     const CivicWorkflowContext *context,
                     GError                    **error)
{
  CivicItemPending *pending = item->pending;

  switch (action)
    {
    case CIVIC_ITEM_ACTION_CREATE:
      if (item->rev != 0 || item->pending != NULL)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("There is an item with this code"));
      return TRUE;

    case CIVIC_ITEM_ACTION_SUBMIT:
      {
        g_autoptr(GError) local = NULL;

        if (!civic_item_limits_refuse (json_node_get_object (pending->guide), &local))
          return refuse (error, CIVIC_WORKFLOW_ERROR_RULE, "%s", local->message);
        return TRUE;
      }

    /* Four eyes: whoever wrote a version does not approve it */
    case CIVIC_ITEM_ACTION_REVIEW:
      if (is_author (pending, context->actor->id))
        return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                       _("You wrote this version: another reviewer approves it"));
      return TRUE;

    /* Taken back before its moment only: after it, a case may have been
     * filed under it */
    case CIVIC_ITEM_ACTION_UNSCHEDULE:
      if (g_date_time_compare (context->now, pending->effective_at) >= 0)
        return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                       _("The version is in effect already; revise the item instead"));
      return TRUE;

    case CIVIC_ITEM_ACTION_MAKE_EFFECTIVE:
      if (g_date_time_compare (context->now, pending->effective_at) < 0)
        {
          g_autofree char *day = civic_day_format (pending->effective_on);

          return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                         _("The version takes effect on %s"), day);
        }
      return TRUE;

    default:
      return TRUE;
    }
}

static gboolean
item_check_action (CivicItem                  *item,
                   CivicItemAction             action,
                   const CivicWorkflowContext *context,
                   GError                    **error)
{
  const CivicActor *actor = context->actor;
  guint pending = item->pending != NULL ? 1u << item->pending->state : NO_PENDING;

  if ((guint) action >= CIVIC_N_ITEM_ACTIONS)
    return refuse (error, CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION, _("Unknown action"));
  if (!(rules[action].states & (1u << item->state)))
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                   /* Translators: "“Revise” is not possible while the item is “Repealed”" */
                   _("“%s” is not possible while the item is “%s”"),
                   civic_item_action_get_label (action), civic_item_state_get_label (item->state));
  if (!(rules[action].pending & pending))
    {
      if (item->pending == NULL)
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                       _("“%s” needs a new version: revise the item first"),
                       civic_item_action_get_label (action));
      return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                     /* Translators: "“Revise” is not possible while version 3 is “In Review”" */
                     _("“%s” is not possible while version %d is “%s”"),
                     civic_item_action_get_label (action), item->pending->version,
                     civic_item_version_state_get_label (item->pending->state));
    }
  if (!civic_actor_has_role (actor, rules[action].roles))
    {
      g_autofree char *roles = civic_roles_to_string (rules[action].roles & ~SYSTEM);

      if (rules[action].roles == SYSTEM)
        return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE, _("Only the service does this"));
      return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE, _("“%s” is for these roles: %s"),
                     civic_item_action_get_label (action), roles);
    }
  /* A department keeps its own catalogue */
  if (!civic_actor_has_role (actor, SYSTEM) &&
      (actor->department_id == NULL ||
       g_strcmp0 (actor->department_id, item->department_id) != 0))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ROLE,
                   _("Only the department that keeps an item changes it"));
  return check_preconditions (item, action, context, error);
}

/* Applying */

static gboolean
get_text (JsonObject  *args,
          const char  *member,
          gboolean     required,
          glong        max,
          const char **out,
          GError     **error)
{
  return civic_workflow_arg_text (args, member, required, max, out, error);
}

static gboolean
get_guide (JsonObject  *args,
           JsonNode   **out,
           GError     **error)
{
  g_autoptr(GError) local = NULL;
  JsonNode *given = json_object_get_member (args, "guide");

  if (given == NULL || !JSON_NODE_HOLDS_OBJECT (given))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("“guide” is the item’s guide"));
  *out = civic_item_guide_canonicalize (given, &local);
  if (*out == NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, "%s", local->message);
  return TRUE;
}

/* A day a version takes effect: today or later */
static gboolean
get_effective_on (JsonObject                 *args,
                  const CivicWorkflowContext *context,
                  CivicDay                   *out,
                  GError                    **error)
{
  if (!civic_workflow_arg_day (args, "effective_on", TRUE, out, error))
    return FALSE;
  if (*out < today_of (context))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("A version takes effect today or later, never on a day gone by"));
  return TRUE;
}

static gboolean
apply_create (CivicItem                  *item,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GError                    **error)
{
  g_autoptr(JsonNode) guide = NULL;
  const char *name, *type_code;

  const char *code;

  if (!get_text (args, "code", FALSE, 64, &code, error) ||
      !get_text (args, "name", TRUE, ITEM_NAME_MAX, &name, error) ||
      !get_text (args, "type_code", TRUE, 2, &type_code, error))
    return FALSE;
  if (code != NULL && g_strcmp0 (code, item->code) != 0)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("“code” is the item’s code, the command’s target"));
  if (!civic_item_type_is_valid (type_code))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("“%s” is not a type of item (01 to 10, or 20)"), type_code);
  guide = civic_item_guide_new (name, type_code, civic_item_limits_ceiling (type_code, FALSE,
                                                                            NULL));
  item->pending = civic_item_pending_new (1, guide);
  add_author (item->pending, context->actor);
  item->state = CIVIC_ITEM_STATE_NEW;
  return TRUE;
}

static int
next_version (CivicItem *item)
{
  int version = item->version;

  for (guint i = 0; i < item->history->len; i++)
    version = MAX (version, g_array_index (item->history, CivicItemHistory, i).version);
  return version + 1;
}

/* The files a saved guide offers are the ones attached already: a file
 * comes in with attach-item-file, which the service checks it received */
static gboolean
check_files (JsonObject  *before,
             JsonObject  *after,
             GError     **error)
{
  g_autoptr(GPtrArray) had = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) has = g_ptr_array_new_with_free_func (g_free);

  civic_item_guide_collect_files (before, had);
  civic_item_guide_collect_files (after, has);
  for (guint i = 0; i < has->len; i++)
    if (!g_ptr_array_find_with_equal_func (had, g_ptr_array_index (has, i), g_str_equal, NULL))
      return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                     _("A file is added to a material with “Attach a File”"));
  return TRUE;
}

static gboolean
apply_save (CivicItem                  *item,
            JsonObject                 *args,
            const CivicWorkflowContext *context,
            GError                    **error)
{
  g_autoptr(JsonNode) guide = NULL;

  if (!get_guide (args, &guide, error) ||
      !check_files (json_node_get_object (item->pending->guide), json_node_get_object (guide),
                    error))
    return FALSE;
  g_clear_pointer (&item->pending->guide, json_node_unref);
  item->pending->guide = g_steal_pointer (&guide);
  add_author (item->pending, context->actor);
  return TRUE;
}

static gboolean
get_material (CivicItem          *item,
              JsonObject         *args,
              JsonObject        **material,
              CivicItemFileRole  *role,
              GError            **error)
{
  const char *id;
  int value;

  if (!get_text (args, "material", TRUE, 32, &id, error))
    return FALSE;
  if (!civic_json_get_enum (args, "role", TRUE, CIVIC_TYPE_ITEM_FILE_ROLE, &value, NULL))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("“role” is “sample” or “blank-form”"));
  *role = value;
  *material = civic_item_guide_find_material (json_node_get_object (item->pending->guide), id);
  if (*material == NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("The draft has no material “%s”"), id);
  return TRUE;
}

/* The file goes into the draft's guide, as a member of its material,
 * and the guide is checked whole again */
static gboolean
apply_attach_file (CivicItem                  *item,
                   JsonObject                 *args,
                   const CivicWorkflowContext *context,
                   GError                    **error)
{
  g_autoptr(JsonNode) guide = civic_json_deep_copy (item->pending->guide);
  g_autoptr(JsonNode) checked = NULL;
  g_autoptr(GError) local = NULL;
  JsonObject *material, *file;
  CivicItemFileRole role;
  const char *sha256, *name, *media_type;
  gint64 size;

  if (!get_material (item, args, &material, &role, error) ||
      !get_text (args, "sha256", TRUE, 64, &sha256, error) ||
      !get_text (args, "name", TRUE, 255, &name, error) ||
      !get_text (args, "media_type", TRUE, 127, &media_type, error))
    return FALSE;
  if (!civic_json_get_int (args, "size", TRUE, 0, 64 * 1024 * 1024, &size, NULL))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("“size” is the file’s size in bytes"));
  material = civic_item_guide_find_material (json_node_get_object (guide),
                                             civic_json_lookup_string (material, "id", NULL));
  file = json_object_new ();
  json_object_set_string_member (file, "sha256", sha256);
  json_object_set_string_member (file, "name", name);
  json_object_set_string_member (file, "media_type", media_type);
  json_object_set_int_member (file, "size", size);
  json_object_set_object_member (material, civic_item_file_role_member (role), file);
  checked = civic_item_guide_canonicalize (guide, &local);
  if (checked == NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, "%s", local->message);
  g_clear_pointer (&item->pending->guide, json_node_unref);
  item->pending->guide = g_steal_pointer (&checked);
  add_author (item->pending, context->actor);
  return TRUE;
}

static gboolean
apply_remove_file (CivicItem                  *item,
                   JsonObject                 *args,
                   const CivicWorkflowContext *context,
                   GError                    **error)
{
  JsonObject *material;
  CivicItemFileRole role;

  if (!get_material (item, args, &material, &role, error))
    return FALSE;
  if (!json_object_has_member (material, civic_item_file_role_member (role)))
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("The material has no such file"));
  json_object_remove_member (material, civic_item_file_role_member (role));
  add_author (item->pending, context->actor);
  return TRUE;
}

static gboolean
apply_submit (CivicItem                  *item,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GError                    **error)
{
  const char *note;

  if (!get_text (args, "note", FALSE, ITEM_NOTE_MAX, &note, error))
    return FALSE;
  if (!item->pending->repeal && item->guide != NULL &&
      json_node_equal (item->guide, item->pending->guide))
    return refuse (error, CIVIC_WORKFLOW_ERROR_RULE,
                   _("The draft is the version in effect: change something, or discard it"));
  set_string (&item->pending->note, note);
  item->pending->state = CIVIC_ITEM_VERSION_IN_REVIEW;
  add_author (item->pending, context->actor);
  return TRUE;
}

static gboolean
apply_review (CivicItem                  *item,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GError                    **error)
{
  CivicItemPending *pending = item->pending;
  int decision = CIVIC_ITEM_DECISION_APPROVE;
  const char *comment;
  CivicDay effective_on = CIVIC_DAY_INVALID;

  if (!civic_workflow_arg_enum (args, "decision", TRUE, CIVIC_TYPE_ITEM_DECISION, &decision,
                                error) ||
      !get_text (args, "comment", decision == CIVIC_ITEM_DECISION_RETURN, ITEM_NOTE_MAX, &comment,
                 error))
    return FALSE;
  if (decision == CIVIC_ITEM_DECISION_APPROVE)
    {
      g_autoptr(GError) local = NULL;

      if (!get_effective_on (args, context, &effective_on, error))
        return FALSE;
      if (!civic_item_limits_refuse (json_node_get_object (pending->guide), &local))
        return refuse (error, CIVIC_WORKFLOW_ERROR_RULE, "%s", local->message);
      pending->state = CIVIC_ITEM_VERSION_SCHEDULED;
      pending->effective_on = effective_on;
      g_clear_pointer (&pending->effective_at, g_date_time_unref);
      pending->effective_at = civic_item_effective_at (effective_on, context->now);
    }
  else
    pending->state = CIVIC_ITEM_VERSION_DRAFT;
  set_string (&pending->comment, comment);
  set_string (&pending->reviewed_by_id, context->actor->id);
  set_string (&pending->reviewed_by_name, context->actor->name);
  return TRUE;
}

static gboolean
apply_unschedule (CivicItem                  *item,
                  JsonObject                 *args,
                  const CivicWorkflowContext *context,
                  GError                    **error)
{
  const char *reason;

  if (!get_text (args, "reason", TRUE, ITEM_NOTE_MAX, &reason, error))
    return FALSE;
  /* A repeal taken back is no draft: the item stays as it is */
  if (item->pending->repeal)
    {
      g_clear_pointer (&item->pending, civic_item_pending_free);
      return TRUE;
    }
  item->pending->state = CIVIC_ITEM_VERSION_DRAFT;
  item->pending->effective_on = CIVIC_DAY_INVALID;
  g_clear_pointer (&item->pending->effective_at, g_date_time_unref);
  set_string (&item->pending->comment, reason);
  set_string (&item->pending->reviewed_by_id, context->actor->id);
  set_string (&item->pending->reviewed_by_name, context->actor->name);
  return TRUE;
}

static gboolean
apply_repeal (CivicItem                  *item,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GError                    **error)
{
  g_autoptr(CivicItemPending) pending = NULL;
  const char *basis;
  CivicDay effective_on;

  if (!get_text (args, "basis", TRUE, ITEM_NOTE_MAX, &basis, error) ||
      !get_effective_on (args, context, &effective_on, error))
    return FALSE;
  pending = civic_item_pending_new (item->version, item->guide);
  pending->repeal = TRUE;
  pending->state = CIVIC_ITEM_VERSION_SCHEDULED;
  pending->basis = g_strdup (basis);
  pending->effective_on = effective_on;
  pending->effective_at = civic_item_effective_at (effective_on, context->now);
  set_string (&pending->reviewed_by_id, context->actor->id);
  set_string (&pending->reviewed_by_name, context->actor->name);
  item->pending = g_steal_pointer (&pending);
  return TRUE;
}

/* In law the version took effect at the moment it was approved for,
 * however late the service came to it */
static void
apply_make_effective (CivicItem                  *item,
                      const CivicWorkflowContext *context)
{
  g_autoptr(CivicItemPending) pending = g_steal_pointer (&item->pending);
  CivicDay day = civic_time_day_of (pending->effective_at);

  if (item->history->len > 0)
    {
      CivicItemHistory *last = &g_array_index (item->history, CivicItemHistory,
                                               item->history->len - 1);

      if (last->superseded_on == CIVIC_DAY_INVALID)
        last->superseded_on = day;
    }
  if (pending->repeal)
    {
      item->state = CIVIC_ITEM_STATE_REPEALED;
      item->repealed_on = day;
      item->repeal_basis = g_strdup (pending->basis);
      return;
    }

  {
    CivicItemHistory entry = { pending->version, day, CIVIC_DAY_INVALID };

    g_array_append_val (item->history, entry);
  }
  item->state = CIVIC_ITEM_STATE_EFFECTIVE;
  item->repealed_on = CIVIC_DAY_INVALID;
  g_clear_pointer (&item->repeal_basis, g_free);
  item->version = pending->version;
  item->effective_on = day;
  g_clear_pointer (&item->effective_at, g_date_time_unref);
  item->effective_at = g_date_time_ref (pending->effective_at);
  g_clear_pointer (&item->guide, json_node_unref);
  item->guide = g_steal_pointer (&pending->guide);
}

/* A province's list, approved where it was written: scheduled at once */
static gboolean
apply_import (CivicItem                  *item,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GError                    **error)
{
  g_autoptr(JsonNode) guide = NULL;
  g_autoptr(GError) local = NULL;
  CivicItemPending *pending;
  const char *department;
  CivicDay effective_on;

  if (!get_guide (args, &guide, error) ||
      !get_text (args, "department_id", item->department_id == NULL, 64, &department, error) ||
      !get_effective_on (args, context, &effective_on, error))
    return FALSE;
  if (!civic_item_limits_refuse (json_node_get_object (guide), &local))
    return refuse (error, CIVIC_WORKFLOW_ERROR_RULE, "%s", local->message);
  if (department != NULL && item->department_id != NULL &&
      strcmp (department, item->department_id) != 0)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("The item is kept by another department"));
  if (item->state == CIVIC_ITEM_STATE_EFFECTIVE && json_node_equal (item->guide, guide))
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("The guide is the one in effect"));
  if (item->department_id == NULL)
    item->department_id = g_strdup (department);

  g_clear_pointer (&item->pending, civic_item_pending_free);
  item->pending = pending = civic_item_pending_new (next_version (item), guide);
  add_author (pending, context->actor);
  pending->state = CIVIC_ITEM_VERSION_SCHEDULED;
  pending->effective_on = effective_on;
  pending->effective_at = civic_item_effective_at (effective_on, context->now);
  /* A repealed item stays repealed until the version takes effect */
  return TRUE;
}

static gboolean
apply_action (CivicItem                  *item,
              CivicItemAction             action,
              JsonObject                 *args,
              const CivicWorkflowContext *context,
              GError                    **error)
{
  switch (action)
    {
    case CIVIC_ITEM_ACTION_CREATE: return apply_create (item, args, context, error);
    case CIVIC_ITEM_ACTION_REVISE:
      item->pending = civic_item_pending_new (next_version (item), item->guide);
      add_author (item->pending, context->actor);
      return TRUE;
    case CIVIC_ITEM_ACTION_SAVE: return apply_save (item, args, context, error);
    case CIVIC_ITEM_ACTION_ATTACH_FILE: return apply_attach_file (item, args, context, error);
    case CIVIC_ITEM_ACTION_REMOVE_FILE: return apply_remove_file (item, args, context, error);
    case CIVIC_ITEM_ACTION_DISCARD:
      g_clear_pointer (&item->pending, civic_item_pending_free);
      return TRUE;
    case CIVIC_ITEM_ACTION_SUBMIT: return apply_submit (item, args, context, error);
    case CIVIC_ITEM_ACTION_REVIEW: return apply_review (item, args, context, error);
    case CIVIC_ITEM_ACTION_UNSCHEDULE: return apply_unschedule (item, args, context, error);
    case CIVIC_ITEM_ACTION_REPEAL: return apply_repeal (item, args, context, error);
    case CIVIC_ITEM_ACTION_MAKE_EFFECTIVE:
      apply_make_effective (item, context);
      return TRUE;
    case CIVIC_ITEM_ACTION_IMPORT_VERSION: return apply_import (item, args, context, error);
    default:
      return refuse (error, CIVIC_WORKFLOW_ERROR_UNKNOWN_ACTION, _("Unknown action"));
    }
}

/* The declarations */

static const CivicArgument create[] = {
  { .name = "code", .kind = CIVIC_ARGUMENT_LINE, .required = TRUE,
    .title = N_("_Code, as the Implementation List Has It") },
  { .name = "name", .kind = CIVIC_ARGUMENT_LINE, .required = TRUE, .title = N_("_Name") },
  { .name = "type_code", .kind = CIVIC_ARGUMENT_LINE, .required = TRUE,
    .title = N_("_Type Code (01 a Licence, 20 a Public Service)") },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument save[] = {
  { .name = "guide", .kind = CIVIC_ARGUMENT_GUIDE, .required = TRUE, .title = N_("_Guide") },
  CIVIC_ARGUMENTS_END
};

static const char *
file_role_label (int value)
{
  return value == CIVIC_ITEM_FILE_SAMPLE ? _("A Sample, Filled In") : _("A Blank Form");
}

static const CivicArgument attach_file[] = {
  { .name = "material", .kind = CIVIC_ARGUMENT_LINE, .required = TRUE, .title = N_("_Material") },
  { .name = "role", .kind = CIVIC_ARGUMENT_CHOICE, .required = TRUE, .title = N_("_File Is"),
    .enum_type = civic_item_file_role_get_type, .enum_label = file_role_label },
  { .name = "sha256", .kind = CIVIC_ARGUMENT_LINE, .required = TRUE, .title = N_("_Hash") },
  { .name = "name", .kind = CIVIC_ARGUMENT_LINE, .required = TRUE, .title = N_("_File Name") },
  { .name = "media_type", .kind = CIVIC_ARGUMENT_LINE, .required = TRUE, .title = N_("_Type") },
  { .name = "size", .kind = CIVIC_ARGUMENT_NUMBER, .required = TRUE, .title = N_("_Size"),
    .min = 0, .max = G_MAXINT },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument remove_file[] = {
  { .name = "material", .kind = CIVIC_ARGUMENT_LINE, .required = TRUE, .title = N_("_Material") },
  { .name = "role", .kind = CIVIC_ARGUMENT_CHOICE, .required = TRUE, .title = N_("_File Is"),
    .enum_type = civic_item_file_role_get_type, .enum_label = file_role_label },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument submit[] = {
  { .name = "note", .kind = CIVIC_ARGUMENT_TEXT, .required = FALSE,
    .title = N_("_Note to the Reviewer") },
  CIVIC_ARGUMENTS_END
};

static const char *
decision_label (int value)
{
  return value == CIVIC_ITEM_DECISION_APPROVE ? _("Approve") : _("Return to the Editor");
}

static const CivicArgument review[] = {
  { .name = "decision", .kind = CIVIC_ARGUMENT_CHOICE, .required = TRUE,
    .title = N_("_Decision"), .enum_type = civic_item_decision_get_type,
    .enum_label = decision_label, .usual = "approve" },
  { .name = "effective_on", .kind = CIVIC_ARGUMENT_DATE, .required = TRUE,
    .title = N_("Takes _Effect On"),
    .shown_when = { "decision", "approve" } },
  { .name = "comment", .kind = CIVIC_ARGUMENT_TEXT, .required = FALSE, .title = N_("_Comment"),
    .description = N_("Required when the version goes back to its editor") },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument unschedule[] = {
  { .name = "reason", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE, .title = N_("_Reason") },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument repeal[] = {
  { .name = "effective_on", .kind = CIVIC_ARGUMENT_DATE, .required = TRUE,
    .title = N_("Repealed _From") },
  { .name = "basis", .kind = CIVIC_ARGUMENT_TEXT, .required = TRUE, .title = N_("_Basis"),
    .description = N_("The decision or law that cancels the item; the public guide shows it") },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument import_version[] = {
  { .name = "guide", .kind = CIVIC_ARGUMENT_GUIDE, .required = TRUE, .title = N_("_Guide") },
  { .name = "department_id", .kind = CIVIC_ARGUMENT_LINE, .required = FALSE,
    .title = N_("_Department") },
  { .name = "effective_on", .kind = CIVIC_ARGUMENT_DATE, .required = TRUE,
    .title = N_("Takes _Effect On") },
  CIVIC_ARGUMENTS_END
};

static const CivicArgument none[] = {
  CIVIC_ARGUMENTS_END
};

static const CivicArgument * const declarations[CIVIC_N_ITEM_ACTIONS] = {
  [CIVIC_ITEM_ACTION_CREATE] = create,
  [CIVIC_ITEM_ACTION_REVISE] = none,
  [CIVIC_ITEM_ACTION_SAVE] = save,
  [CIVIC_ITEM_ACTION_ATTACH_FILE] = attach_file,
  [CIVIC_ITEM_ACTION_REMOVE_FILE] = remove_file,
  [CIVIC_ITEM_ACTION_DISCARD] = none,
  [CIVIC_ITEM_ACTION_SUBMIT] = submit,
  [CIVIC_ITEM_ACTION_REVIEW] = review,
  [CIVIC_ITEM_ACTION_UNSCHEDULE] = unschedule,
  [CIVIC_ITEM_ACTION_REPEAL] = repeal,
  [CIVIC_ITEM_ACTION_MAKE_EFFECTIVE] = none,
  [CIVIC_ITEM_ACTION_IMPORT_VERSION] = import_version,
};

const CivicArgument *
civic_item_action_get_arguments (CivicItemAction action)
{
  g_return_val_if_fail ((guint) action < CIVIC_N_ITEM_ACTIONS, none);
  return declarations[action];
}

/* The kind */

CIVIC_DEFINE_KIND_ACTION_NICKS (CIVIC_TYPE_ITEM_ACTION)

static const char *
kind_action_label (guint action)
{
  return civic_item_action_get_label (action);
}

static const char *
kind_past_tense (const char *name)
{
  guint action;

  if (name == NULL || !kind_action_from_string (name, &action))
    return NULL;
  return past_tense (action);
}

static const CivicArgument *
kind_arguments (guint action)
{
  return civic_item_action_get_arguments (action);
}

static CivicActionWeight
kind_weight (guint action)
{
  switch ((CivicItemAction) action)
    {
    case CIVIC_ITEM_ACTION_DISCARD:
    case CIVIC_ITEM_ACTION_REPEAL:
      return CIVIC_WEIGHT_DESTRUCTIVE;
    case CIVIC_ITEM_ACTION_SUBMIT:
    case CIVIC_ITEM_ACTION_REVIEW:
    case CIVIC_ITEM_ACTION_UNSCHEDULE:
      return CIVIC_WEIGHT_DELIBERATE;
    default:
      return CIVIC_WEIGHT_ROUTINE;
    }
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
  return G_OBJECT (civic_item_new_from_json (node, error));
}

static const char *
kind_get_id (GObject *record)
{
  return civic_item_get_code (CIVIC_ITEM (record));
}

static gint64
kind_get_rev (GObject *record)
{
  return civic_item_get_rev (CIVIC_ITEM (record));
}

static void
kind_set_rev (GObject *record,
              gint64   rev)
{
  civic_item_set_rev (CIVIC_ITEM (record), rev);
}

static char *
kind_label (GObject *record)
{
  CivicItem *item = CIVIC_ITEM (record);
  const char *name = civic_item_get_name (item);

  return g_strdup (name != NULL ? name : civic_item_get_code (item));
}

static char *
kind_headline (GObject *record)
{
  CivicItem *item = CIVIC_ITEM (record);
  const char *name = civic_item_get_name (item);

  /* Translators: "430000-SCJG-XK-0001 食品经营许可" */
  return g_strdup_printf (_("%s %s"), civic_item_get_code (item), name != NULL ? name : "");
}

static char *
kind_headline_n (guint n_records)
{
  return g_strdup_printf (civic_ngettext ("For %u item. Each is checked by the rules on its own.",
                                          "For %u items. Each is checked by the rules on its "
                                          "own.",
                                          n_records), n_records);
}

static char *
kind_describe (GObject *record)
{
  CivicItem *item = CIVIC_ITEM (record);
  const CivicItemPending *pending = item->pending;

  if (pending == NULL)
    /* Translators: "In Effect, version 3" */
    return g_strdup_printf (_("%s, version %d"), civic_item_state_get_label (item->state),
                            item->version);
  /* Translators: "In Effect; version 4 In Review" */
  return g_strdup_printf (_("%s; version %d %s"), civic_item_state_get_label (item->state),
                          pending->version, civic_item_version_state_get_label (pending->state));
}

static char *
kind_to_feed_json (GObject       *record,
                   CivicCalendar *calendar,
                   CivicDay       today)
{
  g_autoptr(JsonNode) node = civic_item_to_json (CIVIC_ITEM (record));

  return civic_json_to_string (node, FALSE);
}

static gboolean
kind_check (GObject                    *record,
            guint                       action,
            const CivicWorkflowContext *context,
            GError                    **error)
{
  g_return_val_if_fail (CIVIC_IS_ITEM (record), FALSE);
  g_return_val_if_fail (context != NULL && context->actor != NULL, FALSE);

  return item_check_action (CIVIC_ITEM (record), action, context, error);
}

static GArray *
kind_list_actions (GObject                    *record,
                   const CivicWorkflowContext *context)
{
  GArray *actions = g_array_new (FALSE, FALSE, sizeof (CivicItemAction));

  for (guint i = 0; i < CIVIC_N_ITEM_ACTIONS; i++)
    {
      CivicItemAction action = i;

      if (action != CIVIC_ITEM_ACTION_CREATE && !(rules[action].roles & SYSTEM) &&
          kind_check (record, action, context, NULL))
        g_array_append_val (actions, action);
    }
  return actions;
}

/* Every change is tried on a copy: a refused one leaves the record as it
 * was */
static GObject *
kind_apply (GObject                    *record,
            guint                       action,
            JsonObject                 *args,
            const CivicWorkflowContext *context,
            GError                    **error)
{
  g_autoptr(CivicItem) next = NULL;
  g_autoptr(JsonObject) empty = NULL;

  if (!kind_check (record, action, context, error))
    return NULL;
  if (args == NULL)
    args = empty = json_object_new ();
  next = civic_item_copy (CIVIC_ITEM (record));
  if (!apply_action (next, action, args, context, error))
    return NULL;
  return G_OBJECT (g_steal_pointer (&next));
}

static gboolean
kind_creates (guint action)
{
  return action == CIVIC_ITEM_ACTION_CREATE || action == CIVIC_ITEM_ACTION_IMPORT_VERSION;
}

/* An item is its department's: the editor's own, or the one an import
 * names */
static GObject *
kind_create (const char                 *id,
             guint                       action,
             const CivicWorkflowContext *context,
             GError                    **error)
{
  const CivicActor *actor = context->actor;

  if (!kind_creates (action))
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("There is no such item"));
      return NULL;
    }
  if (!civic_item_code_is_valid (id))
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
              _("An item’s code is 4 to 64 letters, digits and hyphens"));
      return NULL;
    }
  if (action == CIVIC_ITEM_ACTION_CREATE && actor->department_id == NULL)
    {
      refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT,
              _("A new item is kept by the department of the official who makes it"));
      return NULL;
    }
  return G_OBJECT (civic_item_new (id, action == CIVIC_ITEM_ACTION_CREATE
                                       ? actor->department_id : NULL));
}

const CivicEntityKind civic_item_kind = {
  .type = CIVIC_ENTITY_ITEM,
  .collection = "items",
  .record_type = civic_item_get_type,
  .n_actions = CIVIC_N_ITEM_ACTIONS,
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
  .headline = kind_headline,
  .headline_n = kind_headline_n,
  .describe = kind_describe,
  .now_title = N_("The item now"),
  .open_label = N_("_Open Item"),
  .not_cached = N_("The item is not in the offline copy"),
  .to_feed_json = kind_to_feed_json,
  .check = kind_check,
  .list_actions = kind_list_actions,
  .apply = kind_apply,
  .creates = kind_creates,
  .create = kind_create,
};
