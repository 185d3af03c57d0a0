/* civic-leader.c — which of the service's processes runs the clocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-leader"

#include "config.h"

#include "civic-db-private.h"
#include "civic-leader.h"
#include "civic-server-db.h"

/* The daily jobs and the minute jobs (civic-server.c) run in one process
 * only. On SQLite there is one process. On PostgreSQL several may serve
 * the same database, and the one that holds a session advisory lock
 * (LEADER_LOCK) on a connection of its own leads. Each process tries for
 * it every LEADER_INTERVAL; the leader checks its connection as often. A
 * leader that dies, or loses its connection, loses the lock with it, and
 * another process takes over at its next try: within seconds.
 *
 * For the moment between a leader's connection failing and its learning
 * so, two processes may both believe they lead. That is safe: every job
 * runs in a write transaction, and writers take turns (civic-pg.c), each
 * finding what the other already did (a record checked today, a minute
 * job marked done). Leadership saves the work twice, not a wrong result. */

#define LEADER_LOCK "7220917002"
#define LEADER_INTERVAL_USEC (2 * G_USEC_PER_SEC)

struct _CivicLeader
{
  char       *uri;       /* NULL: SQLite, the only process */
  GThread    *thread;
  GMutex      lock;
  GCond       wake;
  gboolean    stopping;
  gint        leading;   /* atomic */
  CivicDb    *db;        /* the thread's */
};

/* One try: whether this process holds the lock now */
static gboolean
try_lead (CivicLeader *self)
{
  g_autoptr(GError) error = NULL;
  CivicDbStmt *stmt;
  gboolean row, leading = FALSE;

  if (self->db == NULL)
    {
      CivicPg *pg = civic_pg_connect (self->uri, &error);

      if (pg == NULL)
        {
          g_debug ("leadership: %s", error->message);
          return FALSE;
        }
      self->db = civic_db_new_for_pg (pg);
    }

  /* The leader asks again too: the answer is TRUE while it holds the
   * lock (session locks stack; one more is harmless), and an error when
   * its connection is gone */
  stmt = civic_db_prepare (self->db, g_atomic_int_get (&self->leading)
                                     ? "SELECT 1"
                                     : "SELECT pg_try_advisory_lock (" LEADER_LOCK ")", &error);
  if (stmt != NULL && civic_db_step (self->db, stmt, &row, &error) && row)
    leading = civic_db_column_int (stmt, 0) != 0;
  if (stmt != NULL)
    civic_db_reset (stmt);
  if (error != NULL)
    {
      g_debug ("leadership: %s", error->message);
      g_clear_object (&self->db);
      return FALSE;
    }
  return leading;
}

static void
set_leading (CivicLeader *self,
             gboolean     leading)
{
  if (g_atomic_int_get (&self->leading) == leading)
    return;
  g_atomic_int_set (&self->leading, leading);
  if (leading)
    g_message ("This process now runs the clocks (the scheduler’s leader)");
  else
    g_message ("This process no longer runs the clocks: its connection to the database was lost");
}

static gpointer
leader_thread (gpointer data)
{
  CivicLeader *self = data;

  g_mutex_lock (&self->lock);
  while (!self->stopping)
    {
      gint64 until = g_get_monotonic_time () + LEADER_INTERVAL_USEC;

      while (!self->stopping && g_cond_wait_until (&self->wake, &self->lock, until))
        ;
      if (self->stopping)
        break;
      g_mutex_unlock (&self->lock);
      set_leading (self, try_lead (self));
      g_mutex_lock (&self->lock);
    }
  g_mutex_unlock (&self->lock);
  return NULL;
}

/**
 * civic_leader_new:
 *
 * On PostgreSQL, tries for leadership at once, then keeps trying in a
 * thread of its own; on SQLite, leads.
 */
CivicLeader *
civic_leader_new (const char  *data_dir,
                  GError     **error)
{
  g_autoptr(CivicLeader) self = g_new0 (CivicLeader, 1);

  g_mutex_init (&self->lock);
  g_cond_init (&self->wake);
  if (!civic_server_db_location (data_dir, &self->uri, error))
    return NULL;
  if (self->uri == NULL)
    {
      self->leading = TRUE;
      return g_steal_pointer (&self);
    }

  set_leading (self, try_lead (self));
  if (!g_atomic_int_get (&self->leading))
    g_message ("Another process runs the clocks; this one stands by");
  self->thread = g_thread_new ("civic-leader", leader_thread, self);
  return g_steal_pointer (&self);
}

gboolean
civic_leader_is_leader (CivicLeader *self)
{
  return g_atomic_int_get (&self->leading);
}

void
civic_leader_free (CivicLeader *self)
{
  if (self == NULL)
    return;

  if (self->thread != NULL)
    {
      g_mutex_lock (&self->lock);
      self->stopping = TRUE;
      g_cond_signal (&self->wake);
      g_mutex_unlock (&self->lock);
      g_thread_join (self->thread);
    }
  /* Closing the connection lets the lock go for the next process */
  g_clear_object (&self->db);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->wake);
  g_free (self->uri);
  g_free (self);
}
