/* civic-item-kind.h — a service item as a kind of record officials act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-entity.h"
#include "civic-item.h"

G_BEGIN_DECLS

/* What a department does with its catalogue (docs/plans/catalogue.md,
 * decision 3) */
typedef enum
{
  CIVIC_ITEM_ACTION_CREATE,          /*< nick=create-item >*/
  CIVIC_ITEM_ACTION_REVISE,          /*< nick=revise-item >*/
  CIVIC_ITEM_ACTION_SAVE,            /*< nick=save-item >*/
  CIVIC_ITEM_ACTION_ATTACH_FILE,     /*< nick=attach-item-file >*/
  CIVIC_ITEM_ACTION_REMOVE_FILE,     /*< nick=remove-item-file >*/
  CIVIC_ITEM_ACTION_DISCARD,         /*< nick=discard-item-draft >*/
  CIVIC_ITEM_ACTION_SUBMIT,          /*< nick=submit-item >*/
  CIVIC_ITEM_ACTION_REVIEW,          /*< nick=review-item >*/
  CIVIC_ITEM_ACTION_UNSCHEDULE,      /*< nick=unschedule-item >*/
  CIVIC_ITEM_ACTION_REPEAL,          /*< nick=repeal-item >*/
  /* The service's own */
  CIVIC_ITEM_ACTION_MAKE_EFFECTIVE,  /*< nick=make-item-effective >*/
  CIVIC_ITEM_ACTION_IMPORT_VERSION,  /*< nick=import-item-version >*/
} CivicItemAction;

#define CIVIC_N_ITEM_ACTIONS (CIVIC_ITEM_ACTION_IMPORT_VERSION + 1)

/* A reviewer's decision on a version */
typedef enum
{
  CIVIC_ITEM_DECISION_APPROVE,  /*< nick=approve >*/
  CIVIC_ITEM_DECISION_RETURN,   /*< nick=return >*/
} CivicItemDecision;

extern const CivicEntityKind civic_item_kind;

const char          *civic_item_action_get_label     (CivicItemAction action);
const CivicArgument *civic_item_action_get_arguments (CivicItemAction action);
GDateTime           *civic_item_effective_at         (CivicDay        effective_on,
                                                      GDateTime      *now);

G_END_DECLS
