/* civic-answer-cache.c — the public side's answers, kept while nothing published changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-answer-cache"

#include "config.h"

#include "civic-answer-cache.h"

/* The directory, a disclosure, a feed, a page: each answer is the same for
 * everyone until something is published, withdrawn or expires, which
 * moves the public sequence. The key holds the sequence (with the path,
 * the query and the language), so an answer of an older sequence is never
 * found again and ages out; the least recently used goes first. Readers
 * run on several threads: one lock, held only to look up or store. */

typedef struct
{
  char       *key;
  GBytes     *body;
  const char *content_type;  /* static */
  GList      *link;          /* in order */
} Entry;

struct _CivicAnswerCache
{
  GMutex      lock;
  guint       capacity;
  GHashTable *entries;       /* key → Entry */
  GQueue      order;         /* keys, most recently used first */
};

static void
entry_free (Entry *entry)
{
  g_free (entry->key);
  g_bytes_unref (entry->body);
  g_free (entry);
}

CivicAnswerCache *
civic_answer_cache_new (guint capacity)
{
  CivicAnswerCache *self = g_new0 (CivicAnswerCache, 1);

  g_mutex_init (&self->lock);
  self->capacity = MAX (capacity, 1);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) entry_free);
  g_queue_init (&self->order);
  return self;
}

void
civic_answer_cache_free (CivicAnswerCache *self)
{
  if (self == NULL)
    return;
  g_queue_clear (&self->order);
  g_hash_table_unref (self->entries);
  g_mutex_clear (&self->lock);
  g_free (self);
}

/**
 * civic_answer_cache_lookup:
 *
 * Returns: (transfer full) (nullable): the answer kept under @key
 */
GBytes *
civic_answer_cache_lookup (CivicAnswerCache  *self,
                           const char        *key,
                           const char       **content_type)
{
  GBytes *body = NULL;
  Entry *entry;

  g_mutex_lock (&self->lock);
  entry = g_hash_table_lookup (self->entries, key);
  if (entry != NULL)
    {
      g_queue_unlink (&self->order, entry->link);
      g_queue_push_head_link (&self->order, entry->link);
      body = g_bytes_ref (entry->body);
      *content_type = entry->content_type;
    }
  g_mutex_unlock (&self->lock);
  return body;
}

void
civic_answer_cache_store (CivicAnswerCache *self,
                          const char       *key,
                          GBytes           *body,
                          const char       *content_type)
{
  Entry *entry;

  g_mutex_lock (&self->lock);
  if (!g_hash_table_contains (self->entries, key))
    {
      while (g_hash_table_size (self->entries) >= self->capacity)
        {
          char *oldest = g_queue_pop_tail (&self->order);

          g_hash_table_remove (self->entries, oldest);
        }
      entry = g_new0 (Entry, 1);
      entry->key = g_strdup (key);
      entry->body = g_bytes_ref (body);
      entry->content_type = content_type;
      g_queue_push_head (&self->order, entry->key);
      entry->link = self->order.head;
      g_hash_table_insert (self->entries, entry->key, entry);
    }
  g_mutex_unlock (&self->lock);
}
