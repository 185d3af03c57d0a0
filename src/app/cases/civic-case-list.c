/* civic-case-list.c — the inbox as a GListModel, paged from the cache
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-case-list"

#include "config.h"

#include <string.h>

#include "civic-case-index.h"
#include "civic-case-list.h"

/* A list view asks for the rows it shows, and a few around them: the model
 * knows how many cases match (one COUNT) and reads a page of rows from the
 * inbox index when one of them is first asked for. 100 000 cases cost a
 * count and the pages scrolled through; the pages read last are kept.
 *
 * After a sync, the cases kept are read again in place: an item whose case
 * is still at its position is updated (the row redraws), one whose place
 * another case took is replaced, so the view keeps its scroll position and
 * the selection its case. */

#define PAGE_SIZE 100
#define MAX_PAGES 40

struct _CivicCaseList
{
  GObject           parent_instance;

  CivicCache       *cache;
  CivicInboxFilter  filter;
  guint             n_items;
  GHashTable       *pages;        /* page number → GPtrArray of CivicCaseItem */
  GQueue           *recent;       /* page numbers, most recently read first */
  guint             n_fetches;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CivicCaseList, civic_case_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
filter_clear (CivicInboxFilter *filter)
{
  g_free ((char *) filter->state);
  g_free ((char *) filter->item_code);
  g_free ((char *) filter->status);
  g_free ((char *) filter->channel);
  g_free ((char *) filter->text);
  memset (filter, 0, sizeof *filter);
  filter->joint = -1;
}

static void
filter_copy (CivicInboxFilter       *to,
             const CivicInboxFilter *from)
{
  filter_clear (to);
  to->queue = from->queue;
  to->state = g_strdup (from->state);
  to->item_code = g_strdup (from->item_code);
  to->status = g_strdup (from->status);
  to->channel = g_strdup (from->channel);
  to->joint = from->joint;
  to->text = from->text && *from->text ? g_strdup (from->text) : NULL;
  to->sort = from->sort;
}

static GPtrArray *
fetch_page (CivicCaseList *self,
            guint          page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *items;

  self->n_fetches++;
  rows = civic_cache_list_cases (self->cache, &self->filter, page * PAGE_SIZE, PAGE_SIZE, &error);
  if (rows == NULL)
    {
      g_warning ("The inbox cannot be read: %s", error->message);
      return g_ptr_array_new_with_free_func (g_object_unref);
    }

  /* The items take the rows over. */
  g_ptr_array_set_free_func (rows, NULL);
  items = g_ptr_array_new_full (rows->len, g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (items, civic_case_item_new (g_ptr_array_index (rows, i)));
  return items;
}

static GType
civic_case_list_get_item_type (GListModel *model)
{
  return CIVIC_TYPE_CASE_ITEM;
}

static guint
civic_case_list_get_n_items (GListModel *model)
{
  return CIVIC_CASE_LIST (model)->n_items;
}

static gpointer
civic_case_list_get_item (GListModel *model,
                          guint       position)
{
  CivicCaseList *self = CIVIC_CASE_LIST (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *items;

  if (position >= self->n_items)
    return NULL;

  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items == NULL)
    {
      items = fetch_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
      g_queue_push_head (self->recent, GUINT_TO_POINTER (page));

      while (g_queue_get_length (self->recent) > MAX_PAGES)
        g_hash_table_remove (self->pages, g_queue_pop_tail (self->recent));
    }
  else if (g_queue_peek_head (self->recent) != GUINT_TO_POINTER (page))
    {
      g_queue_remove (self->recent, GUINT_TO_POINTER (page));
      g_queue_push_head (self->recent, GUINT_TO_POINTER (page));
    }

  /* The cache changed under us: fewer rows than counted. */
  if (position % PAGE_SIZE >= items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (items, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = civic_case_list_get_item_type;
  iface->get_n_items = civic_case_list_get_n_items;
  iface->get_item = civic_case_list_get_item;
}

static void
civic_case_list_finalize (GObject *object)
{
  CivicCaseList *self = (CivicCaseList *)object;

  g_clear_object (&self->cache);
  filter_clear (&self->filter);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_free (self->recent);

  G_OBJECT_CLASS (civic_case_list_parent_class)->finalize (object);
}

static void
civic_case_list_class_init (CivicCaseListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = civic_case_list_finalize;
}

static void
civic_case_list_init (CivicCaseList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->recent = g_queue_new ();
  self->filter.joint = -1;
}

static guint
count (CivicCaseList *self)
{
  g_autoptr(GError) error = NULL;
  guint n = civic_cache_count_cases (self->cache, &self->filter, &error);

  if (error != NULL)
    g_warning ("The inbox cannot be counted: %s", error->message);
  return n;
}

CivicCaseList *
civic_case_list_new (CivicCache *cache)
{
  CivicCaseList *self;

  g_return_val_if_fail (CIVIC_IS_CACHE (cache), NULL);

  self = g_object_new (CIVIC_TYPE_CASE_LIST, NULL);
  self->cache = g_object_ref (cache);
  self->n_items = count (self);
  return self;
}

CivicCache *
civic_case_list_get_cache (CivicCaseList *self)
{
  g_return_val_if_fail (CIVIC_IS_CASE_LIST (self), NULL);
  return self->cache;
}

const CivicInboxFilter *
civic_case_list_get_filter (CivicCaseList *self)
{
  g_return_val_if_fail (CIVIC_IS_CASE_LIST (self), NULL);
  return &self->filter;
}

/**
 * civic_case_list_set_filter:
 *
 * Shows other cases: another queue, a search, a filter, another order.
 * Everything is read anew.
 */
void
civic_case_list_set_filter (CivicCaseList          *self,
                            const CivicInboxFilter *filter)
{
  guint removed;

  g_return_if_fail (CIVIC_IS_CASE_LIST (self));
  g_return_if_fail (filter != NULL);

  filter_copy (&self->filter, filter);
  g_hash_table_remove_all (self->pages);
  g_queue_clear (self->recent);

  removed = self->n_items;
  self->n_items = count (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_items);
}

/**
 * civic_case_list_refresh:
 *
 * Reads the cases again after the cache changed, keeping what can be kept.
 */
void
civic_case_list_refresh (CivicCaseList *self)
{
  g_autoptr(GList) pages = NULL;
  g_autoptr(GArray) replaced = g_array_new (FALSE, FALSE, sizeof (guint));
  guint old_n, new_n;

  g_return_if_fail (CIVIC_IS_CASE_LIST (self));

  old_n = self->n_items;
  new_n = count (self);

  /* The pages kept are made right before anyone is told: a view asks for
   * items as soon as it hears. */
  pages = g_hash_table_get_keys (self->pages);
  for (GList *l = pages; l != NULL; l = l->next)
    {
      guint page = GPOINTER_TO_UINT (l->data);
      GPtrArray *items = g_hash_table_lookup (self->pages, l->data);
      g_autoptr(GPtrArray) fresh = NULL;
      guint start = page * PAGE_SIZE;

      if (start >= new_n)
        {
          g_queue_remove (self->recent, l->data);
          g_hash_table_remove (self->pages, l->data);
          continue;
        }

      fresh = fetch_page (self, page);
      for (guint i = 0; i < fresh->len; i++)
        {
          CivicCaseItem *now = g_ptr_array_index (fresh, i);

          if (i >= items->len)
            g_ptr_array_add (items, g_object_ref (now));
          else if (g_str_equal (civic_case_item_get_id (g_ptr_array_index (items, i)),
                                civic_case_item_get_id (now)))
            civic_case_item_update (g_ptr_array_index (items, i),
                                    civic_inbox_row_copy (civic_case_item_get_row (now)));
          else
            {
              guint position = start + i;

              g_object_unref (g_ptr_array_index (items, i));
              g_ptr_array_index (items, i) = g_object_ref (now);
              /* Positions past the old end are announced as added. */
              if (position < MIN (old_n, new_n))
                g_array_append_val (replaced, position);
            }
        }
      if (items->len > fresh->len)
        g_ptr_array_remove_range (items, fresh->len, items->len - fresh->len);
    }

  self->n_items = new_n;
  if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
  else if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);

  for (guint i = 0; i < replaced->len; i++)
    g_list_model_items_changed (G_LIST_MODEL (self), g_array_index (replaced, guint, i), 1, 1);
}

guint
civic_case_list_get_n_fetches (CivicCaseList *self)
{
  g_return_val_if_fail (CIVIC_IS_CASE_LIST (self), 0);
  return self->n_fetches;
}
