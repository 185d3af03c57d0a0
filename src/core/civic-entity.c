/* civic-entity.c — the kinds of record, looked up by name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-entity"

#include "config.h"

#include <string.h>

#include "civic-account-kind.h"
#include "civic-campaign-kind.h"
#include "civic-case-kind.h"
#include "civic-disclosure-kind.h"
#include "civic-disclosure-request-kind.h"
#include "civic-entity.h"
#include "civic-evaluation-kind.h"
#include "civic-hearing-kind.h"
#include "civic-holiday-notice.h"
#include "civic-item-kind.h"
#include "civic-message-kind.h"
#include "civic-open311-key.h"
#include "civic-room-kind.h"
#include "civic-warning-kind.h"
#include "civic-template-record.h"

/* Every kind officials act on with commands. A new job of the hall adds
 * its kind here, and nowhere else in this layer; a module of its own adds
 * it with civic_entity_kind_register(). */
static const CivicEntityKind * const kind_list[] = {
  &civic_case_kind,
  &civic_hearing_kind,
  &civic_disclosure_kind,
  &civic_disclosure_request_kind,
  &civic_message_kind,
  &civic_evaluation_kind,
  &civic_warning_kind,
  &civic_campaign_kind,
  &civic_item_kind,
  &civic_account_kind,
  &civic_room_kind,
  &civic_holiday_notice_kind,
  &civic_open311_key_kind,
  &civic_template_kind,
  NULL
};

/* The list with the registered kinds: replaced, never changed, so that
 * the threads reading it need no lock; the lists it replaces are kept,
 * since a reader may still hold one (a kind is registered once, at
 * start). */
static const CivicEntityKind * const *registered;
static GPtrArray *replaced;
static GMutex register_lock;

static const CivicEntityKind * const *
kinds (void)
{
  const CivicEntityKind * const *list = g_atomic_pointer_get (&registered);

  return list != NULL ? list : kind_list;
}

/**
 * civic_entity_kind_register:
 * @kind: (transfer none): a kind that lives as long as the program
 *
 * Adds a kind beside the built-in ones, for a job of the hall built as a
 * module of its own: from then on the command path, the client's local
 * versions and Conflicts take its records. Its type and its actions'
 * names must be new.
 */
void
civic_entity_kind_register (const CivicEntityKind *kind)
{
  const CivicEntityKind * const *list;
  const CivicEntityKind **longer;
  guint n = 0;

  g_return_if_fail (kind != NULL && kind->type != NULL && kind->action_to_string != NULL);

  g_mutex_lock (&register_lock);
  list = kinds ();
  while (list[n] != NULL)
    n++;
  for (guint i = 0; i < n; i++)
    if (strcmp (list[i]->type, kind->type) == 0)
      {
        g_mutex_unlock (&register_lock);
        g_critical ("A kind of record “%s” is registered already", kind->type);
        return;
      }
  longer = g_new0 (const CivicEntityKind *, n + 2);
  memcpy (longer, list, n * sizeof *longer);
  longer[n] = kind;
  if (list != kind_list)
    {
      if (replaced == NULL)
        replaced = g_ptr_array_new ();
      g_ptr_array_add (replaced, (gpointer) list);
    }
  g_atomic_pointer_set (&registered, (const CivicEntityKind * const *) longer);
  g_mutex_unlock (&register_lock);
}

/**
 * civic_entity_kinds:
 *
 * Returns: (transfer none) (array zero-terminated=1): every kind
 */
const CivicEntityKind * const *
civic_entity_kinds (void)
{
  return kinds ();
}

/**
 * civic_entity_kind_lookup:
 * @type: an entity type, such as %CIVIC_ENTITY_CASE
 *
 * Returns: (nullable): the kind, or %NULL when officials do not act on
 * entities of @type with commands
 */
const CivicEntityKind *
civic_entity_kind_lookup (const char *type)
{
  const CivicEntityKind * const *list = kinds ();

  g_return_val_if_fail (type != NULL, NULL);

  for (guint i = 0; list[i] != NULL; i++)
    if (strcmp (list[i]->type, type) == 0)
      return list[i];
  return NULL;
}

/**
 * civic_entity_kind_for_command:
 * @command_type: a command's type on the wire, such as "claim"
 * @action: (out) (optional): the kind's action
 *
 * Returns: (nullable): the kind the command acts on, or %NULL for a type
 * no kind has
 */
const CivicEntityKind *
civic_entity_kind_for_command (const char *command_type,
                               guint      *action)
{
  const CivicEntityKind * const *list = kinds ();
  guint value;

  if (command_type == NULL)
    return NULL;

  for (guint i = 0; list[i] != NULL; i++)
    if (list[i]->action_from_string (command_type, &value))
      {
        if (action != NULL)
          *action = value;
        return list[i];
      }
  return NULL;
}

/**
 * civic_command_label:
 *
 * Returns: the translated name of the command's action ("Claim"), or
 * @command_type itself when no kind has it
 */
const char *
civic_command_label (const char *command_type)
{
  guint action;
  const CivicEntityKind *kind = civic_entity_kind_for_command (command_type, &action);

  return kind != NULL ? kind->action_label (action) : command_type;
}

/**
 * civic_command_past_tense:
 *
 * Returns: what a command did, for a record's history ("Claimed the
 * case"), or @command_type itself when no kind knows it
 */
const char *
civic_command_past_tense (const char *command_type)
{
  const CivicEntityKind * const *list = kinds ();

  for (guint i = 0; list[i] != NULL; i++)
    {
      const char *text = list[i]->past_tense (command_type);

      if (text != NULL)
        return text;
    }
  return command_type;
}

void
civic_workflow_context_init (CivicWorkflowContext *context,
                             CivicCalendar        *calendar,
                             GDateTime            *now,
                             const CivicActor     *actor)
{
  g_return_if_fail (context != NULL);

  memset (context, 0, sizeof *context);
  context->calendar = calendar;
  context->now = now;
  context->actor = actor;
  context->hearing_policy = civic_hearing_policy_get_default ();
}
