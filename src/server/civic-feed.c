/* civic-feed.c — the change feed, filtered to what an official may see
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-feed"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-feed.h"
#include "civic-policy.h"
#include "civic-server-db.h"

/* GET /api/v1/changes?after=N&limit=M answers
 *
 *   {"next":N,"more":b,"head":H,  "changes":[{"seq","type","id","rev","deleted","data"}…]}
 *
 * with the entities this official may see that changed after N, in
 * sequence order, at most M of them. Each entity appears once, in its
 * latest state. When nothing more is visible, "next" is the current head
 * of the whole sequence, so a department's client skips the changes of
 * other departments without reading them again. The page is read in one
 * read transaction: the head and the rows are one snapshot.
 *
 * The entity texts are stored exactly as sent, so a page is assembled
 * without parsing them. */

G_DEFINE_QUARK (civic-feed-error-quark, civic_feed_error)

void
civic_json_append_string (GString    *out,
                          const char *value)
{
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

#define HEADER_SPACE 96

GBytes *
civic_feed_changes (CivicDb       *db,
                    CivicAccount  *account,
                    gint64         after,
                    int            limit,
                    GError       **error)
{
  g_autoptr(CivicActor) actor = civic_account_to_actor (account);
  g_autoptr(GString) out = g_string_sized_new (64 * 1024);
  g_autofree char *user_key = g_strconcat ("user:", actor->id, NULL);
  g_autofree char *department_key = g_strconcat ("department:",
                                                 actor->department_id ? actor->department_id : "",
                                                 NULL);
  g_autofree char *admin_audience = civic_policy_admin_audience (actor);
  g_autofree char *header = NULL;
  CivicDbStmt *stmt;
  gboolean row;
  gint64 head, last = after;
  int n = 0;
  gboolean more = FALSE;

  g_return_val_if_fail (after >= 0 && limit > 0, NULL);

  /* The account's department or roles changed since this session's client
   * last started from 0: what it has is not what it may now see. */
  if (after > 0 && account->view_seq < account->scope_seq)
    {
      g_set_error (error, CIVIC_FEED_ERROR, CIVIC_FEED_ERROR_RESYNC,
                   _("Your access has changed; the client must sync again from the start"));
      return NULL;
    }

  if (!civic_db_begin_read (db, error))
    return NULL;

  head = civic_server_db_current_seq (db, error);
  if (head < 0)
    goto fail;

  /* What a reader's feed carries: everything for the service itself;
   * for an official, what is scoped to their department or their role,
   * never what is kept from them or their department whatever their role
   * (a report from the department and the official it accuses). A
   * supervisor may read any record (civic_policy_can_see()), but their
   * feed carries only what every official receives and the cards
   * (CIVIC_SCOPE_SUPERVISION): a province's records would not fit in
   * their cache, nor be wanted there; they read the figures and the
   * records they open online. The scope is a scalar subquery, not EXISTS:
   * PostgreSQL turns an EXISTS under OR into a hash of every row scoped
   * to the department, built for each page (22 ms with 100 000 cases),
   * where this looks up the page's rows one by one (1 ms), as SQLite
   * does either way. */
  if (civic_actor_has_role (actor, CIVIC_ROLE_SYSTEM))
    stmt = civic_db_prepare (db, "SELECT seq, type, id, rev, deleted, data FROM entity e "
                                 "WHERE seq > ?1 AND NOT EXISTS ("
                                 "  SELECT 1 FROM entity_exclude x WHERE x.type = e.type "
                                 "    AND x.id = e.id AND x.reader IN (?5, ?6)) "
                                 "ORDER BY seq LIMIT ?2", error);
  else
    stmt = civic_db_prepare (db, "SELECT seq, type, id, rev, deleted, data FROM entity e "
                                 "WHERE seq > ?1 AND (scoped = 0 OR ("
                                 "  SELECT 1 FROM entity_scope s WHERE s.type = e.type "
                                 "    AND s.id = e.id AND s.department_id IN (?3, ?4, ?7, ?8) "
                                 "  LIMIT 1) IS NOT NULL) "
                                 "AND NOT EXISTS ("
                                 "  SELECT 1 FROM entity_exclude x WHERE x.type = e.type "
                                 "    AND x.id = e.id AND x.reader IN (?5, ?6)) "
                                 "ORDER BY seq LIMIT ?2", error);
  if (stmt == NULL)
    goto fail;

  civic_db_bind_int64 (stmt, 1, after);
  civic_db_bind_int (stmt, 2, limit + 1);
  civic_db_bind_text (stmt, 3, account->department_id ? account->department_id : "");
  civic_db_bind_text (stmt, 4, civic_policy_role_audience (actor));
  civic_db_bind_text (stmt, 7, admin_audience);
  civic_db_bind_text (stmt, 8, civic_actor_has_role (actor, CIVIC_ROLE_SUPERVISOR)
                                 ? CIVIC_SCOPE_SUPERVISION : "");
  civic_db_bind_text (stmt, 5, user_key);
  civic_db_bind_text (stmt, 6, department_key);

  /* next, more and head go first, so a client can ask for the next page
   * before it has read this one; they are known at the end, and written
   * over this white space then. */
  g_string_append_printf (out, "%*s\"changes\":[", HEADER_SPACE, "");
  while (civic_db_step (db, stmt, &row, error) && row)
    {
      if (n == limit)
        {
          more = TRUE;
          break;
        }

      if (n > 0)
        g_string_append_c (out, ',');
      last = (gint64) civic_db_column_int64 (stmt, 0);
      g_string_append_printf (out, "{\"seq\":%" G_GINT64_FORMAT ",\"type\":", last);
      civic_json_append_string (out, civic_db_column_text (stmt, 1));
      g_string_append (out, ",\"id\":");
      civic_json_append_string (out, civic_db_column_text (stmt, 2));
      g_string_append_printf (out, ",\"rev\":%" G_GINT64_FORMAT ",\"deleted\":%s,\"data\":",
                              (gint64) civic_db_column_int64 (stmt, 3),
                              civic_db_column_int (stmt, 4) ? "true" : "false");
      g_string_append_len (out, (const char *) civic_db_column_text (stmt, 5),
                           civic_db_column_bytes (stmt, 5));
      g_string_append_c (out, '}');
      n++;
    }
  civic_db_reset (stmt);
  if (error != NULL && *error != NULL)
    goto fail;

  if (!civic_db_commit (db, error))
    goto fail;

  g_string_append (out, "]}");
  header = g_strdup_printf ("{\"next\":%" G_GINT64_FORMAT ",\"more\":%s,\"head\":%" G_GINT64_FORMAT
                            ",", more ? last : MAX (head, after), more ? "true" : "false", head);
  g_assert (strlen (header) <= HEADER_SPACE);
  memcpy (out->str, header, strlen (header));
  return g_string_free_to_bytes (g_steal_pointer (&out));

fail:
  civic_db_rollback (db);
  return NULL;
}
