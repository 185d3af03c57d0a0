/* civic-case-item.c — one row of the inbox, for list models
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-case-item"

#include "config.h"

#include "civic-case-index.h"
#include "civic-case-item.h"

/* The row of the cache's inbox index, unparsed. An item stays the same
 * object while its case is at its place in the list; when a sync changes
 * the case, the row is replaced and "changed" tells the row widget. */

struct _CivicCaseItem
{
  GObject       parent_instance;

  CivicInboxRow *row;
};

G_DEFINE_FINAL_TYPE (CivicCaseItem, civic_case_item, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
civic_case_item_finalize (GObject *object)
{
  CivicCaseItem *self = (CivicCaseItem *)object;

  g_clear_pointer (&self->row, civic_inbox_row_free);

  G_OBJECT_CLASS (civic_case_item_parent_class)->finalize (object);
}

static void
civic_case_item_class_init (CivicCaseItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = civic_case_item_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
civic_case_item_init (CivicCaseItem *self)
{
}

/**
 * civic_case_item_new:
 * @row: (transfer full): the row
 */
CivicCaseItem *
civic_case_item_new (CivicInboxRow *row)
{
  CivicCaseItem *self;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (CIVIC_TYPE_CASE_ITEM, NULL);
  self->row = row;
  return self;
}

const CivicInboxRow *
civic_case_item_get_row (CivicCaseItem *self)
{
  g_return_val_if_fail (CIVIC_IS_CASE_ITEM (self), NULL);
  return self->row;
}

const char *
civic_case_item_get_id (CivicCaseItem *self)
{
  g_return_val_if_fail (CIVIC_IS_CASE_ITEM (self), NULL);
  return self->row->id;
}

/**
 * civic_case_item_update:
 * @row: (transfer full): the case's row now
 */
void
civic_case_item_update (CivicCaseItem *self,
                        CivicInboxRow  *row)
{
  g_return_if_fail (CIVIC_IS_CASE_ITEM (self));
  g_return_if_fail (row != NULL);

  civic_inbox_row_free (self->row);
  self->row = row;
  g_signal_emit (self, signals[CHANGED], 0);
}
