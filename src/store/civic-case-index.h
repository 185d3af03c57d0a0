/* civic-case-index.h — the inbox: cases indexed for queues, filters, search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-cache.h"

G_BEGIN_DECLS

typedef enum
{
  CIVIC_INBOX_ALL,
  CIVIC_INBOX_MINE,        /* 我的待办: assigned to me, open */
  CIVIC_INBOX_DEPARTMENT,  /* 部门待办: unassigned, in a queue of my roles, claimable */
  CIVIC_INBOX_WATCHING,
  CIVIC_INBOX_DONE,        /* 已办: I acted on it, and it is no longer mine */
} CivicInboxQueue;

typedef enum
{
  CIVIC_INBOX_SORT_DUE,
  CIVIC_INBOX_SORT_RECEIVED,
  CIVIC_INBOX_SORT_UPDATED,
} CivicInboxSort;

/* What the inbox shows; NULL or -1 members do not filter. */
typedef struct
{
  CivicInboxQueue  queue;
  const char      *state;      /* a CivicCaseState nick */
  const char      *item_code;
  const char      *status;     /* green, yellow, red, paused, done, none */
  const char      *channel;
  int              joint;      /* -1 either, 0 no, 1 yes */
  const char      *text;       /* search: case number, applicant, item, notes */
  CivicInboxSort   sort;
} CivicInboxFilter;

/* One row of the inbox, from the index: nothing is parsed to show it. */
typedef struct
{
  char     *id;
  char     *number;
  char     *applicant;
  char     *item_code;
  char     *item_name;
  char     *department_name;
  char     *state;
  char     *queue;
  char     *assignee_id;
  char     *assignee_name;
  char     *channel;
  char     *status;
  CivicDay  due;
  CivicDay  statutory_due;
  CivicDay  received_on;
  char     *updated_at;
  gboolean  joint;
  gboolean  pending;
  gboolean  watched;
} CivicInboxRow;

CivicInboxRow *civic_inbox_row_copy          (const CivicInboxRow *row);
void          civic_inbox_row_free          (CivicInboxRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicInboxRow, civic_inbox_row_free)

/* The reading side, for the user interface: the main thread */
guint         civic_cache_count_cases      (CivicCache         *self,
                                            const CivicInboxFilter *filter,
                                            GError            **error);
GPtrArray    *civic_cache_list_cases       (CivicCache         *self,
                                            const CivicInboxFilter *filter,
                                            guint               offset,
                                            guint               limit,
                                            GError            **error);
gboolean      civic_cache_is_watched       (CivicCache         *self,
                                            const char         *id);
gboolean      civic_cache_set_watched      (CivicCache         *self,
                                            const char         *id,
                                            gboolean            watched,
                                            GError            **error);

G_END_DECLS
