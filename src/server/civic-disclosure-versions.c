/* civic-disclosure-versions.c — an old version of a disclosure, masked or revealed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-disclosure-records"

#include "config.h"

#include <string.h>

#include <sodium.h>

#include "civic-i18n.h"

#include "civic-audit.h"
#include "civic-disclosure-gate.h"
#include "civic-disclosure-records.h"
#include "civic-disclosure-versions.h"
#include "civic-feed.h"
#include "civic-json.h"
#include "civic-keyring.h"
#include "civic-policy.h"
#include "civic-privacy-lint.h"
#include "civic-server-db.h"
#include "civic-workflow.h"

/* Every saved text is kept sealed (decision 5): an older version may hold
 * what a later save redacted. The organ's disclosure staff read an old
 * version with what blocks publication masked — the lint run again on it
 * with the organ's policy and the names marked personal, each finding of
 * BLOCK severity replaced by its redaction (the masks of
 * civic-privacy-mask.c). Seeing it as written is a reveal (PIPL Art. 34:
 * no more than the duty needs): a reviewer's or the head's, with a reason,
 * on the record before the text leaves the service. */

#define MAX_REASON_LENGTH 500

typedef struct
{
  char *author_id;
  char *created_at;
  char *sha256;
  char *sealed;
} Version;

static void
version_clear (Version *version)
{
  g_free (version->author_id);
  g_free (version->created_at);
  g_free (version->sha256);
  g_free (version->sealed);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Version, version_clear)

static gboolean
load_version (CivicDb      *db,
              const char   *id,
              guint         number,
              Version      *version,
              gboolean     *found,
              GError      **error)
{
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db, "SELECT author_id, created_at, sha256, sealed "
                               "FROM disclosure_version WHERE disclosure_id = ? "
                               "AND version = ?", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, id);
  civic_db_bind_int64 (stmt, 2, number);
  if (!civic_db_step (db, stmt, found, error))
    return FALSE;
  if (*found)
    {
      version->author_id = g_strdup (civic_db_column_text (stmt, 0));
      version->created_at = g_strdup (civic_db_column_text (stmt, 1));
      version->sha256 = g_strdup (civic_db_column_text (stmt, 2));
      version->sealed = g_strdup (civic_db_column_text (stmt, 3));
    }
  civic_db_reset (stmt);
  return TRUE;
}

static char *
refuse (guint       *status,
        guint        code,
        GError     **error,
        GQuark       domain,
        int          error_code,
        const char  *message)
{
  *status = code;
  g_set_error_literal (error, domain, error_code, message);
  return NULL;
}

/**
 * civic_disclosure_versions_read:
 * @version: the version's number as the path gives it, from 1
 * @reveal: the text as written rather than masked
 * @reason: (nullable): why it is revealed, required with @reveal
 * @status: (out): the HTTP status: 200, or 400, 403, 404; 500 for an
 *   error of the database or the keys
 *
 * Inside the caller's write transaction, which it commits for a reveal's
 * audit entry.
 *
 * Returns: (transfer full) (nullable): the answer's JSON: `{id, version,
 * head_version, author_id, created_at, sha256, revealed, masked, body}`
 */
char *
civic_disclosure_versions_read (CivicDb           *db,
                                const CivicActor  *actor,
                                const char        *id,
                                const char        *version,
                                gboolean           reveal,
                                const char        *reason,
                                const char        *address,
                                GDateTime         *now,
                                guint             *status,
                                GError           **error)
{
  g_autoptr(CivicDisclosure) disclosure = NULL;
  g_autoptr(CivicDisclosurePolicy) policy = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) refusal = NULL;
  g_auto(Version) stored = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *body = NULL;
  const char *department_id;
  guint64 number = 0;
  guint masked = 0;
  gboolean found = FALSE;

  *status = 500;
  if (!g_ascii_string_to_unsigned (version, 10, 1, G_MAXUINT32, &number, NULL))
    return refuse (status, 404, error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_NOT_FOUND,
                   _("There is no such version"));
  if (reveal && (reason == NULL || *reason == '\0' || g_utf8_strlen (reason, -1) > MAX_REASON_LENGTH ||
                 !g_utf8_validate (reason, -1, NULL)))
    return refuse (status, 400, error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                   _("Say why the text is revealed: “reason”, up to 500 characters"));

  disclosure = civic_disclosure_records_load (db, id, error);
  if (disclosure == NULL)
    {
      if (error != NULL && *error != NULL)
        return NULL;
      return refuse (status, 404, error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_NOT_FOUND,
                     _("There is no such disclosure"));
    }
  department_id = civic_disclosure_get_department_id (disclosure);
  if (!civic_policy_check_disclosure_staff (actor, department_id,
                                            reveal ? CIVIC_ROLE_DISCLOSURE_REVIEWER |
                                                     CIVIC_ROLE_DISCLOSURE_HEAD
                                                   : CIVIC_ROLES_DISCLOSURE, &refusal))
    {
      *status = g_error_matches (refusal, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_FORBIDDEN) ? 403
                                                                                          : 404;
      g_propagate_error (error, g_steal_pointer (&refusal));
      return NULL;
    }

  if (!load_version (db, id, (guint) number, &stored, &found, error))
    return NULL;
  if (!found)
    return refuse (status, 404, error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_NOT_FOUND,
                   _("There is no such version"));
  if (civic_server_db_get_keyring (db) == NULL)
    {
      g_set_error (error, CIVIC_KEYRING_ERROR, CIVIC_KEYRING_ERROR_MISSING,
                   _("The service’s keys are not loaded"));
      return NULL;
    }
  text = civic_keyring_unseal (civic_server_db_get_keyring (db), stored.sealed, error);
  if (text == NULL)
    return NULL;

  if (reveal)
    {
      g_autoptr(GString) detail = g_string_new (NULL);

      /* On the record before the text leaves: the version and the reason,
       * never the text */
      g_string_append_printf (detail, "{\"version\":%" G_GUINT64_FORMAT ",\"reason\":", number);
      civic_json_append_string (detail, reason);
      g_string_append_c (detail, '}');
      if (!civic_audit_append (db, now, actor->id, "reveal-disclosure-version", id, detail->str,
                               address, error))
        return NULL;
      body = g_steal_pointer (&text);
    }
  else
    {
      guint n_blocking = 0;

      policy = civic_disclosure_records_load_policy (db, department_id, error);
      if (policy == NULL)
        return NULL;
      findings = civic_disclosure_lint (disclosure, text, policy);
      for (guint i = 0; i < findings->len; i++)
        if (((CivicPrivacyFinding *) g_ptr_array_index (findings, i))->severity ==
            CIVIC_PRIVACY_SEVERITY_BLOCK)
          n_blocking++;
      body = civic_privacy_redact (text, -1, findings, CIVIC_PRIVACY_SEVERITY_BLOCK, error);
      sodium_memzero (text, strlen (text));
      if (body == NULL)
        return NULL;
      masked = n_blocking;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  civic_json_set_string (builder, "id", id);
  civic_json_set_int (builder, "version", (gint64) number);
  civic_json_set_int (builder, "head_version", civic_disclosure_get_head_version (disclosure));
  civic_json_set_string (builder, "author_id", stored.author_id);
  civic_json_set_string (builder, "created_at", stored.created_at);
  civic_json_set_string (builder, "sha256", stored.sha256);
  civic_json_set_bool (builder, "revealed", reveal);
  civic_json_set_int (builder, "masked", masked);
  civic_json_set_string (builder, "body", body);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  sodium_memzero (body, strlen (body));
  *status = 200;
  return civic_json_to_string (node, FALSE);
}
