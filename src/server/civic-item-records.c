/* civic-item-records.c — the catalogue's items as the service keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-item-records"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "civic-i18n.h"

#include "civic-attachment.h"
#include "civic-attachment-blobs.h"
#include "civic-audit.h"
#include "civic-core-enums.h"
#include "civic-due-jobs.h"
#include "civic-entity.h"
#include "civic-item-kind.h"
#include "civic-item-public.h"
#include "civic-item-records.h"
#include "civic-json.h"
#include "civic-policy.h"
#include "civic-server-db.h"
#include "civic-time.h"
#include "civic-workflow.h"

/* An item is kept as the feed publishes it, scoped to its department and
 * the hall's dispatchers (its drafts and review comments are the
 * department's business); `item_record` says its state and, once a
 * repeal is approved, the moment it takes effect.
 *
 * `item_version` holds every version approved, with the moment it takes
 * effect, written when it is approved rather than when its job runs:
 * intake files a case under the version whose moment is the latest not
 * after the case's receipt, so a case received at 00:01 on the day a
 * version takes effect is filed under it even if the service was down at
 * midnight. A version taken back before its day is deleted. Nothing else
 * is ever deleted from it: a case's version stays readable.
 *
 * The versions the catalogue held before it kept versions are adopted as
 * version 1, in effect for every case it can be asked about (from
 * 1970-01-01); the record shows the day they were adopted. */

#define BEGINNING "1970-01-01T00:00:00Z"

static char *
format_utc (GDateTime *instant)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (instant);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

void
civic_item_filed_free (CivicItemFiled *filed)
{
  if (filed == NULL)
    return;
  g_free (filed->code);
  g_free (filed->department_id);
  g_clear_pointer (&filed->guide, json_node_unref);
  g_free (filed);
}

CivicItem *
civic_item_records_load (CivicDb      *db,
                         const char   *code,
                         GError      **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(JsonNode) node = civic_server_db_get_entity_json (db, CIVIC_ENTITY_ITEM, code,
                                                              &local);

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (node == NULL)
    return NULL;
  return civic_item_new_from_json (node, error);
}

static gboolean
run_text (CivicDb      *db,
          const char   *sql,
          const char   *first,
          const char   *second,
          GError      **error)
{
  CivicDbStmt *stmt = civic_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, first);
  civic_db_bind_text (stmt, 2, second);
  return civic_db_run (db, stmt, error);
}

static gboolean
put_version (CivicDb      *db,
             const char   *code,
             int           version,
             const char   *department_id,
             const char   *effective_at,
             JsonNode     *guide,
             GError      **error)
{
  g_autofree char *text = civic_json_to_string (guide, FALSE);
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db, "INSERT INTO item_version (code, version, department_id, "
                               "  effective_at, guide) VALUES (?1, ?2, ?3, ?4, ?5) "
                               "ON CONFLICT (code, version) DO UPDATE SET "
                               "  department_id = excluded.department_id, "
                               "  effective_at = excluded.effective_at, "
                               "  guide = excluded.guide", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, code);
  civic_db_bind_int (stmt, 2, version);
  civic_db_bind_text (stmt, 3, department_id);
  civic_db_bind_text (stmt, 4, effective_at);
  civic_db_bind_text (stmt, 5, text);
  return civic_db_run (db, stmt, error);
}

/* The versions approved but not yet in effect go: one taken back, or an
 * import replacing the one it scheduled before */
static gboolean
drop_versions_after (CivicDb      *db,
                     CivicItem    *item,
                     GError      **error)
{
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db, "DELETE FROM item_version WHERE code = ? AND version > ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, civic_item_get_code (item));
  civic_db_bind_int (stmt, 2, civic_item_get_version (item));
  return civic_db_run (db, stmt, error);
}

static gint64
item_save (CivicDb      *db,
           CivicItem    *item,
           GError      **error)
{
  g_autoptr(JsonNode) node = civic_item_to_json (item);
  const CivicItemPending *pending = civic_item_get_pending (item);
  const char *scope[] = { civic_item_get_department_id (item), CIVIC_SCOPE_DISPATCH, NULL };
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db, "INSERT INTO item_record (code, department_id, state, pending) "
                               "VALUES (?1, ?2, ?3, ?4) "
                               "ON CONFLICT (code) DO UPDATE SET "
                               "  department_id = excluded.department_id, "
                               "  state = excluded.state, pending = excluded.pending", error);
  if (stmt == NULL)
    return 0;
  civic_db_bind_text (stmt, 1, civic_item_get_code (item));
  civic_db_bind_text (stmt, 2, civic_item_get_department_id (item));
  civic_db_bind_text (stmt, 3, civic_enum_to_nick (CIVIC_TYPE_ITEM_STATE,
                                                        civic_item_get_state (item)));
  civic_db_bind_text (stmt, 4, pending != NULL
                               ? civic_enum_to_nick (CIVIC_TYPE_ITEM_VERSION_STATE,
                                                         pending->state)
                                   : NULL);
  if (!civic_db_run (db, stmt, error))
    return 0;
  return civic_server_db_put_entity (db, CIVIC_ENTITY_ITEM, civic_item_get_code (item),
                                     civic_item_get_rev (item), node,
                                     civic_item_get_department_id (item) != NULL ? scope
                                                                                 : scope + 1,
                                     error);
}

static GObject *
store_load (CivicDb      *db,
            const char   *id,
            GError      **error)
{
  return G_OBJECT (civic_item_records_load (db, id, error));
}

static gint64
store_save (CivicDb        *db,
            GObject        *record,
            CivicCalendar  *calendar,
            CivicDay        today,
            GError        **error)
{
  return item_save (db, CIVIC_ITEM (record), error);
}

/* Every file the draft names is one uploaded for this item, and is named
 * as it was uploaded: its type and size the upload's, whatever a command
 * said, and its name one the attachment rules take. The draft is set
 * right before it is saved. */
static gboolean
check_uploads (CivicDb      *db,
               CivicItem    *item,
               GError      **error)
{
  const CivicItemPending *pending = civic_item_get_pending (item);
  JsonObject *guide = json_node_get_object (pending->guide);
  JsonArray *materials = json_object_has_member (guide, "materials")
                         ? json_object_get_array_member (guide, "materials") : NULL;
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db, "SELECT media_type, size FROM item_upload "
                               "WHERE code = ? AND sha256 = ?", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; materials != NULL && i < json_array_get_length (materials); i++)
    for (CivicItemFileRole role = CIVIC_ITEM_FILE_SAMPLE; role <= CIVIC_ITEM_FILE_BLANK_FORM; role++)
      {
        JsonObject *file = civic_json_lookup_object (json_array_get_object_element (materials, i),
                                                     civic_item_file_role_member (role));
        g_autofree char *media_type = NULL;
        g_autoptr(GError) local = NULL;
        gint64 size = 0;
        gboolean row;

        if (file == NULL)
          continue;
        civic_db_bind_text (stmt, 1, civic_item_get_code (item));
        civic_db_bind_text (stmt, 2, civic_json_lookup_string (file, "sha256", ""));
        if (!civic_db_step (db, stmt, &row, error))
          return FALSE;
        if (row)
          {
            media_type = g_strdup (civic_db_column_text (stmt, 0));
            size = civic_db_column_int64 (stmt, 1);
          }
        civic_db_reset (stmt);
        if (!row)
          {
            g_set_error (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                         _("The file was not uploaded for this item; upload it first"));
            return FALSE;
          }
        if (!civic_attachment_blobs_check (civic_json_lookup_string (file, "name", ""),
                                           media_type, size, &local))
          {
            g_set_error_literal (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                                 local->message);
            return FALSE;
          }
        {
          g_autofree char *name = civic_attachment_name_for_type (civic_json_lookup_string (file,
                                                                                           "name",
                                                                                           ""),
                                                                  media_type);

          json_object_set_string_member (file, "name", name);
        }
        json_object_set_string_member (file, "media_type", media_type);
        json_object_set_int_member (file, "size", size);
      }
  return TRUE;
}

/* What an approval, a repeal or an import sets at its moment: the version
 * for intake, the repeal for intake, the job that makes it the record's */
static gboolean
schedule (CivicDb      *db,
          CivicItem    *item,
          const char   *command_id,
          GError      **error)
{
  const char *code = civic_item_get_code (item);
  const CivicItemPending *pending = civic_item_get_pending (item);
  const char *type = civic_item_kind.action_to_string (CIVIC_ITEM_ACTION_MAKE_EFFECTIVE);
  g_autofree char *job = g_strconcat (type, ":", command_id, NULL);
  g_autofree char *at = format_utc (pending->effective_at);

  if (!civic_due_jobs_cancel (db, type, code, error) ||
      !drop_versions_after (db, item, error))
    return FALSE;
  if (pending->repeal)
    {
      if (!run_text (db, "UPDATE item_record SET repealed_at = ?2 WHERE code = ?1", code, at,
                     error))
        return FALSE;
    }
  /* A version that replaces a repeal not yet in effect takes it back; one
   * after a repeal in effect revives the item from its moment (intake
   * reads both by time) */
  else if ((civic_item_get_state (item) != CIVIC_ITEM_STATE_REPEALED &&
            !run_text (db, "UPDATE item_record SET repealed_at = NULL WHERE code = ?1", code,
                       NULL, error)) ||
           !put_version (db, code, pending->version, civic_item_get_department_id (item), at,
                         pending->guide, error))
    return FALSE;
  return civic_due_jobs_add (db, job, pending->effective_at, type, code, error);
}

static gboolean
store_finish (CivicDb        *db,
              GObject        *record,
              guint           action,
              const char     *command_id,
              CivicCalendar  *calendar,
              GDateTime      *now,
              const char     *public_url,
              GError        **error)
{
  CivicItem *item = CIVIC_ITEM (record);
  const CivicItemPending *pending = civic_item_get_pending (item);
  const char *type = civic_item_kind.action_to_string (CIVIC_ITEM_ACTION_MAKE_EFFECTIVE);

  switch ((CivicItemAction) action)
    {
    case CIVIC_ITEM_ACTION_ATTACH_FILE:
    case CIVIC_ITEM_ACTION_SAVE:
      return check_uploads (db, item, error);
    case CIVIC_ITEM_ACTION_REVIEW:
      if (pending->state != CIVIC_ITEM_VERSION_SCHEDULED)
        return TRUE;
      G_GNUC_FALLTHROUGH;
    case CIVIC_ITEM_ACTION_REPEAL:
    case CIVIC_ITEM_ACTION_IMPORT_VERSION:
      return schedule (db, item, command_id, error);
    case CIVIC_ITEM_ACTION_MAKE_EFFECTIVE:
      return civic_item_public_write (db, item, error);
    case CIVIC_ITEM_ACTION_UNSCHEDULE:
      return civic_due_jobs_cancel (db, type, civic_item_get_code (item), error) &&
             drop_versions_after (db, item, error) &&
             run_text (db, "UPDATE item_record SET repealed_at = NULL WHERE code = ?1",
                       civic_item_get_code (item), NULL, error);
    default:
      return TRUE;
    }
}

/* Who acts on an item: its department and the service; the supervisor
 * reads it and changes nothing */
static gboolean
store_check_actor (const CivicActor  *actor,
                   GObject           *record,
                   guint              action,
                   GError           **error)
{
  const char *department = civic_item_get_department_id (CIVIC_ITEM (record));

  if (civic_actor_has_role (actor, CIVIC_ROLE_SYSTEM))
    return TRUE;
  if (civic_actor_has_role (actor, CIVIC_ROLE_SUPERVISOR))
    {
      g_set_error (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_FORBIDDEN,
                   _("Supervisors can read every item but change none"));
      return FALSE;
    }
  if (department != NULL && g_strcmp0 (actor->department_id, department) != 0)
    {
      g_set_error (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_NOT_FOUND,
                   _("There is no such item"));
      return FALSE;
    }
  return TRUE;
}

const CivicRecordStore civic_item_store = {
  .kind = &civic_item_kind,
  .not_found = N_("There is no such item"),
  .stale = N_("The item changed (revision %" PRId64 ", you saw %" PRId64 "); look at it again "
              "before you act"),
  .load = store_load,
  .save = store_save,
  .finish = store_finish,
  .check_actor = store_check_actor,
};

/* Intake */

static gboolean
not_in_effect (GError     **error,
               const char  *format,
               ...) G_GNUC_PRINTF (2, 3);

static gboolean
not_in_effect (GError     **error,
               const char  *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, CIVIC_ITEM_ERROR, CIVIC_ITEM_ERROR_NOT_IN_EFFECT, message);
  return FALSE;
}

/**
 * civic_item_records_filed_at:
 * @at: when the application was received
 *
 * Returns: (transfer full) (nullable): the version of @code in effect at
 * @at, which a case received then is filed under; %NULL with
 * %CIVIC_ITEM_ERROR_NOT_IN_EFFECT when there is no such item, none in
 * effect yet, it is repealed, or it is of a type no one applies for
 */
CivicItemFiled *
civic_item_records_filed_at (CivicDb      *db,
                             const char   *code,
                             GDateTime    *at,
                             GError      **error)
{
  g_autoptr(CivicItemFiled) filed = NULL;
  g_autofree char *when = format_utc (at);
  g_autofree char *repealed_at = NULL;
  g_autofree char *version_at = NULL;
  g_autofree char *guide = NULL;
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT repealed_at FROM item_record WHERE code = ?", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, code);
  if (!civic_db_step (db, stmt, &row, error))
    return NULL;
  if (row)
    repealed_at = g_strdup (civic_db_column_text (stmt, 0));
  civic_db_reset (stmt);
  if (!row)
    {
      not_in_effect (error, _("There is no service item “%s”"), code);
      return NULL;
    }
  stmt = civic_db_prepare (db, "SELECT version, department_id, guide, effective_at "
                               "FROM item_version "
                               "WHERE code = ? AND effective_at <= ? "
                               "ORDER BY effective_at DESC, version DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, code);
  civic_db_bind_text (stmt, 2, when);
  if (!civic_db_step (db, stmt, &row, error))
    return NULL;
  if (row)
    {
      filed = g_new0 (CivicItemFiled, 1);
      filed->code = g_strdup (code);
      filed->version = civic_db_column_int (stmt, 0);
      filed->department_id = g_strdup (civic_db_column_text (stmt, 1));
      guide = g_strdup (civic_db_column_text (stmt, 2));
      version_at = g_strdup (civic_db_column_text (stmt, 3));
    }
  civic_db_reset (stmt);
  /* Repealed from its moment, unless a version took effect after it */
  if (repealed_at != NULL && strcmp (repealed_at, when) <= 0 &&
      (version_at == NULL || strcmp (version_at, repealed_at) < 0))
    {
      not_in_effect (error, _("The service item “%s” is repealed"), code);
      return NULL;
    }
  if (filed == NULL)
    {
      not_in_effect (error, _("The service item “%s” is not in effect yet"), code);
      return NULL;
    }
  filed->guide = civic_json_parse (guide, -1, error);
  if (filed->guide == NULL)
    return NULL;
  if (!civic_item_type_is_applied_for (civic_item_guide_get_type_code (json_node_get_object (filed->guide))))
    {
      not_in_effect (error, _("No one applies for “%s”: it is the authority’s own act"),
                     civic_item_guide_get_name (json_node_get_object (filed->guide)));
      return NULL;
    }
  return g_steal_pointer (&filed);
}

/* Adoption */

/**
 * civic_item_records_adopt:
 * @effective_at: (nullable): when the version took effect; %NULL for an
 *   item the catalogue held before it kept versions, in effect for any
 *   case it is asked about
 *
 * Writes @guide as version 1 of @code, in effect, inside the caller's
 * transaction: an item the catalogue held before versions, or the
 * demo's. An item kept already is left as it is.
 */
gboolean
civic_item_records_adopt (CivicDb      *db,
                          const char   *code,
                          const char   *department_id,
                          JsonNode     *guide,
                          GDateTime    *effective_at,
                          GError      **error)
{
  g_autoptr(JsonNode) canonical = civic_item_guide_canonicalize (guide, error);
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autofree char *at = effective_at != NULL ? format_utc (effective_at) : g_strdup (BEGINNING);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(CivicItem) item = NULL;
  CivicDay day = civic_time_day_of (effective_at != NULL ? effective_at : now);
  CivicDbStmt *stmt;
  gboolean row;

  if (canonical == NULL)
    return FALSE;
  stmt = civic_db_prepare (db, "SELECT 1 FROM item_record WHERE code = ?", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, code);
  if (!civic_db_step (db, stmt, &row, error))
    return FALSE;
  civic_db_reset (stmt);
  if (row)
    return TRUE;

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "id", code);
  civic_json_set_int (builder, "rev", 1);
  civic_json_set_string (builder, "department", department_id);
  civic_json_set_string (builder, "state", "effective");
  civic_json_set_int (builder, "version", 1);
  civic_json_set_day (builder, "effective_on", day);
  civic_json_set_instant (builder, "effective_at", effective_at != NULL ? effective_at : now);
  json_builder_set_member_name (builder, "guide");
  json_builder_add_value (builder, json_node_ref (canonical));
  json_builder_set_member_name (builder, "versions");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  civic_json_set_int (builder, "version", 1);
  civic_json_set_day (builder, "effective_on", day);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  item = civic_item_new_from_json (node, error);
  return item != NULL &&
         put_version (db, code, 1, department_id, at, canonical, error) &&
         item_save (db, item, error) != 0 &&
         civic_item_public_write (db, item, error);
}

static void
copy_text (JsonObject  *to,
           const char  *to_member,
           JsonObject  *from,
           const char  *from_member)
{
  const char *value = civic_json_lookup_string (from, from_member, NULL);

  if (value != NULL && *value != '\0')
    json_object_set_string_member (to, to_member, value);
}

static JsonArray *
copy_strings (JsonObject *from,
              const char *member)
{
  JsonNode *node = json_object_get_member (from, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node)
         ? json_array_ref (json_node_get_array (node)) : json_array_new ();
}

/**
 * civic_item_guide_from_flat:
 * @flat: an item as the catalogue held it before versions (and as
 *   `data/demo/items.json` lists them): `{code, name, department,
 *   type_code, statutory_days, statutory_days_basis, promised_days, track,
 *   joint_departments, hearing_required, legal_basis, materials, fee,
 *   fee_basis, applicant_kinds, reconsideration_body, court}`
 * @remedies: (nullable): the department's, when the item names none
 *
 * Returns: (transfer full) (nullable): its guide, canonical
 */
JsonNode *
civic_item_guide_from_flat (JsonObject  *flat,
                            JsonObject  *remedies,
                            GError     **error)
{
  g_autoptr(JsonObject) guide = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *statutory = json_object_new ();
  JsonObject *fee = json_object_new ();
  JsonObject *remedy = json_object_new ();
  JsonArray *materials = json_array_new ();
  JsonNode *given_materials = json_object_get_member (flat, "materials");
  const char *kind = civic_json_lookup_string (flat, "kind", "licensing");
  const char *law = civic_json_lookup_string (flat, "legal_basis", NULL);
  gint64 promised = civic_json_lookup_int (flat, "promised_days", 0);

  copy_text (guide, "name", flat, "name");
  json_object_set_string_member (guide, "type_code",
                                 civic_json_lookup_string (flat, "type_code",
                                                           g_strcmp0 (kind, "licensing") == 0
                                                           ? "01" : "20"));
  json_object_set_int_member (statutory, "days", civic_json_lookup_int (flat, "statutory_days",
                                                                        20));
  json_object_set_string_member (statutory, "unit", "working-days");
  json_object_set_object_member (guide, "statutory", statutory);
  if (civic_json_lookup_string (flat, "statutory_days_basis", NULL) != NULL)
    {
      JsonObject *basis = json_object_new ();

      copy_text (basis, "law", flat, "statutory_days_basis");
      json_object_set_object_member (guide, "statutory_basis", basis);
    }
  if (promised > 0)
    {
      JsonObject *limit = json_object_new ();

      json_object_set_int_member (limit, "days", promised);
      json_object_set_string_member (limit, "unit", "working-days");
      json_object_set_object_member (guide, "promised", limit);
    }
  copy_text (guide, "track", flat, "track");
  json_object_set_array_member (guide, "joint_departments",
                                copy_strings (flat, "joint_departments"));
  json_object_set_boolean_member (guide, "hearing_required",
                                  json_object_get_boolean_member_with_default (flat,
                                                                               "hearing_required",
                                                                               FALSE));
  json_object_set_boolean_member (fee, "charged",
                                  json_object_get_boolean_member_with_default (flat, "fee",
                                                                               FALSE));
  copy_text (fee, "basis", flat, "fee_basis");
  json_object_set_object_member (guide, "fee", fee);
  for (guint i = 0; given_materials != NULL && JSON_NODE_HOLDS_ARRAY (given_materials) &&
                    i < json_array_get_length (json_node_get_array (given_materials)); i++)
    {
      JsonObject *given = civic_json_array_lookup_object (json_node_get_array (given_materials),
                                                          i);
      JsonObject *material = json_object_new ();

      if (given == NULL)
        continue;
      copy_text (material, "id", given, "id");
      copy_text (material, "name", given, "name");
      json_object_set_boolean_member (material, "required",
                                      json_object_get_boolean_member_with_default (given,
                                                                                   "required",
                                                                                   TRUE));
      json_array_add_object_element (materials, material);
    }
  json_object_set_array_member (guide, "materials", materials);
  if (law != NULL && *law != '\0')
    {
      JsonArray *laws = json_array_new ();
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "law", law);
      json_array_add_object_element (laws, entry);
      json_object_set_array_member (guide, "legal_basis", laws);
    }
  copy_text (remedy, "reconsideration_body", flat, "reconsideration_body");
  copy_text (remedy, "court", flat, "court");
  if (json_object_get_size (remedy) == 0 && remedies != NULL)
    {
      copy_text (remedy, "reconsideration_body", remedies, "reconsideration_body");
      copy_text (remedy, "court", remedies, "court");
    }
  json_object_set_object_member (guide, "remedies", remedy);
  json_object_set_array_member (guide, "applicant_kinds", copy_strings (flat, "applicant_kinds"));
  json_node_set_object (node, guide);
  return civic_item_guide_canonicalize (node, error);
}

/**
 * civic_item_records_adopt_legacy:
 *
 * Makes each item the catalogue held before it kept versions version 1
 * of a kept item, once, in one transaction.
 */
gboolean
civic_item_records_adopt_legacy (CivicDb      *db,
                                 GError      **error)
{
  g_autoptr(GPtrArray) legacy = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  CivicDbStmt *stmt;
  gboolean row, ok;

  stmt = civic_db_prepare (db, "SELECT data FROM entity WHERE type = 'item' AND "
                               "  NOT EXISTS (SELECT 1 FROM item_record "
                               "              WHERE item_record.code = entity.id)", error);
  if (stmt == NULL)
    return FALSE;
  while ((ok = civic_db_step (db, stmt, &row, error)) && row)
    {
      JsonNode *node = civic_json_parse (civic_db_column_text (stmt, 0), -1, NULL);

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        g_ptr_array_add (legacy, node);
      else if (node != NULL)
        json_node_unref (node);
    }
  civic_db_reset (stmt);
  if (!ok)
    return FALSE;
  if (legacy->len == 0)
    return TRUE;

  if (!civic_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < legacy->len; i++)
    {
      JsonObject *flat = json_node_get_object (g_ptr_array_index (legacy, i));
      g_autoptr(JsonNode) guide = civic_item_guide_from_flat (flat, NULL, error);

      if (guide == NULL ||
          !civic_item_records_adopt (db, civic_json_lookup_string (flat, "code", ""),
                                     civic_json_lookup_string (flat, "department", NULL), guide,
                                     NULL, error))
        {
          g_prefix_error (error, "item %s: ", civic_json_lookup_string (flat, "code", "?"));
          civic_db_rollback (db);
          return FALSE;
        }
    }
  return civic_db_commit (db, error);
}

/* The files of the materials: a blank form and a filled-in sample */

static gboolean
file_refused (GError     **error,
              int          code,
              const char  *message)
{
  g_set_error_literal (error, CIVIC_FILE_ERROR, code, message);
  return FALSE;
}

/* The item, if @actor's department keeps it (the hall's dispatchers and
 * supervisors read every department's) */
static CivicItem *
load_seen (CivicDb           *db,
           const CivicActor  *actor,
           const char        *code,
           gboolean           to_change,
           GError           **error)
{
  g_autoptr(CivicItem) item = NULL;
  g_autoptr(GError) local = NULL;

  item = civic_item_records_load (db, code, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (item == NULL ||
      (g_strcmp0 (civic_item_get_department_id (item), actor->department_id) != 0 &&
       (to_change || !civic_actor_has_role (actor, CIVIC_ROLE_DISPATCHER | CIVIC_ROLE_SUPERVISOR))))
    {
      file_refused (error, CIVIC_FILE_ERROR_NOT_FOUND, _("There is no such item"));
      return NULL;
    }
  return g_steal_pointer (&item);
}

/**
 * civic_item_records_upload:
 *
 * Keeps a file a catalogue editor uploaded for an item's materials,
 * sealed, and records it as received for the item: attach-item-file
 * then names it. Runs its own transaction.
 *
 * Returns: (transfer full) (nullable): `{sha256, name, media_type, size}`
 */
char *
civic_item_records_upload (CivicDb           *db,
                           const CivicActor  *actor,
                           const char        *code,
                           const char        *name,
                           const char        *media_type,
                           GBytes            *content,
                           GDateTime         *now,
                           const char        *address,
                           GError           **error)
{
  g_autoptr(CivicItem) item = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *at = format_utc (now);
  g_autofree char *detail = NULL;
  gsize size = g_bytes_get_size (content);
  CivicDbStmt *stmt;

  if (!civic_actor_has_role (actor, CIVIC_ROLE_CATALOGUE_EDITOR))
    {
      file_refused (error, CIVIC_FILE_ERROR_FORBIDDEN,
                    _("Files are added by the department’s catalogue editors"));
      return NULL;
    }
  if (!civic_attachment_blobs_check (name, media_type, size, error))
    return NULL;
  item = load_seen (db, actor, code, TRUE, error);
  if (item == NULL)
    return NULL;

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  detail = g_strdup_printf ("{\"sha256\":\"%s\",\"size\":%" G_GSIZE_FORMAT "}", sha256, size);
  if (!civic_db_begin (db, error))
    return NULL;
  stmt = civic_db_prepare (db, "INSERT INTO item_upload (code, sha256, name, media_type, "
                               "  size, uploaded_by, uploaded_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                               "ON CONFLICT (code, sha256) DO UPDATE SET "
                               "  name = excluded.name, media_type = excluded.media_type",
                           error);
  if (stmt == NULL)
    goto fail;
  civic_db_bind_text (stmt, 1, code);
  civic_db_bind_text (stmt, 2, sha256);
  civic_db_bind_text (stmt, 3, name);
  civic_db_bind_text (stmt, 4, media_type);
  civic_db_bind_int64 (stmt, 5, size);
  civic_db_bind_text (stmt, 6, actor->id);
  civic_db_bind_text (stmt, 7, at);
  if (!civic_attachment_blobs_put (db, sha256, content, at, error) ||
      !civic_db_run (db, stmt, error) ||
      !civic_audit_append (db, now, actor->id, "upload-item-file", code, detail, address, error) ||
      !civic_db_commit (db, error))
    goto fail;

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "sha256", sha256);
  civic_json_set_string (builder, "name", name);
  civic_json_set_string (builder, "media_type", media_type);
  civic_json_set_int (builder, "size", size);
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);
  return civic_json_to_string (answer, FALSE);

fail:
  civic_db_rollback (db);
  return NULL;
}

/**
 * civic_item_records_read_file:
 * @name: (out): its name, as uploaded
 * @media_type: (out): its type
 *
 * Returns: (transfer full) (nullable): a file uploaded for an item, for
 * an official of its department, the hall's dispatchers and supervisors
 */
GBytes *
civic_item_records_read_file (CivicDb           *db,
                              const CivicActor  *actor,
                              const char        *code,
                              const char        *sha256,
                              char             **name,
                              char             **media_type,
                              GError           **error)
{
  g_autoptr(CivicItem) item = load_seen (db, actor, code, FALSE, error);
  CivicDbStmt *stmt;
  gboolean row;

  if (item == NULL)
    return NULL;
  stmt = civic_db_prepare (db, "SELECT name, media_type FROM item_upload "
                               "WHERE code = ? AND sha256 = ?", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, code);
  civic_db_bind_text (stmt, 2, sha256);
  if (!civic_db_step (db, stmt, &row, error))
    return NULL;
  if (row)
    {
      *name = g_strdup (civic_db_column_text (stmt, 0));
      *media_type = g_strdup (civic_db_column_text (stmt, 1));
    }
  civic_db_reset (stmt);
  if (!row)
    {
      file_refused (error, CIVIC_FILE_ERROR_NOT_FOUND, _("The item has no such file"));
      return NULL;
    }
  return civic_attachment_blobs_get (db, sha256, error);
}
