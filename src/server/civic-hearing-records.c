/* civic-hearing-records.c — hearings as the service stores and publishes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-hearing-records"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "civic-i18n.h"

#include "civic-audit.h"
#include "civic-case-kind.h"
#include "civic-case-records.h"
#include "civic-core-enums.h"
#include "civic-documents.h"
#include "civic-entity.h"
#include "civic-feed.h"
#include "civic-hearing-kind.h"
#include "civic-hearing-records.h"
#include "civic-json.h"
#include "civic-policy.h"
#include "civic-server-db.h"
#include "civic-supervision-records.h"
#include "civic-time.h"
#include "civic-workflow.h"

/* A hearing is kept like a case: as the feed publishes it in `entity`,
 * its parties' names and contacts masked, scoped to the department that
 * holds it; those names and contacts sealed in `hearing_personal`; and in
 * `hearing_record` the columns the service looks bookings up by. The
 * three are written in one transaction.
 *
 * A hearing is born of its case's command (request-hearing,
 * order-hearing) in the case's transaction, with the command's id; it
 * ends (closed, withdrawn, cancelled) by giving each case it heard its
 * clocks back, in the hearing's transaction. A time the service finds
 * taken — the room, or a person, by another hearing — refuses the
 * schedule and names the hearing that has it. */

#define refuse(error, code, ...) \
  G_GNUC_EXTENSION ({ \
    g_set_error ((error), CIVIC_WORKFLOW_ERROR, (code), __VA_ARGS__); \
    FALSE; \
  })

static char *
format_utc (GDateTime *instant)
{
  g_autoptr(GDateTime) utc = NULL;

  if (instant == NULL)
    return NULL;
  utc = g_date_time_to_utc (instant);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * civic_hearing_records_load:
 *
 * Returns: (transfer full) (nullable): the whole hearing, its parties
 * unsealed, or %NULL without error when there is none.
 */
CivicHearing *
civic_hearing_records_load (CivicDb      *db,
                            const char   *id,
                            GError      **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) personal = NULL;
  g_autoptr(CivicHearing) hearing = NULL;
  g_autofree char *sealed = NULL;
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT p.sealed, e.data FROM hearing_record r "
                               "JOIN hearing_personal p ON p.id = r.id "
                               "JOIN entity e ON e.type = '" CIVIC_ENTITY_HEARING "' "
                               "  AND e.id = r.id "
                               "WHERE r.id = ?", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, id);
  if (!civic_db_step (db, stmt, &row, error))
    return NULL;
  if (row)
    {
      sealed = g_strdup (civic_db_column_text (stmt, 0));
      node = civic_json_parse (civic_db_column_text (stmt, 1), -1, error);
    }
  civic_db_reset (stmt);
  if (node == NULL)
    return NULL;

  hearing = civic_hearing_new_from_json (node, error);
  if (hearing == NULL)
    return NULL;

  personal = civic_server_db_unseal_json (db, sealed, error);
  if (personal == NULL)
    {
      g_prefix_error (error, _("The personal data of hearing %s cannot be read: "), id);
      return NULL;
    }
  if (personal == NULL || !civic_hearing_restore_personal (hearing, personal, error))
    return NULL;

  return g_steal_pointer (&hearing);
}

/**
 * civic_hearing_records_save:
 *
 * Writes the hearing and publishes it to the feed with the next sequence
 * number, inside the caller's write transaction.
 *
 * Returns: the sequence number, or 0 on error.
 */
gint64
civic_hearing_records_save (CivicDb       *db,
                            CivicHearing  *hearing,
                            CivicCalendar *calendar,
                            CivicDay       today,
                            GError       **error)
{
  g_autoptr(JsonNode) personal = civic_hearing_dup_personal (hearing);
  g_autofree char *feed = civic_hearing_to_feed_json (hearing);
  g_autofree char *sealed = NULL;
  g_autofree char *starts = format_utc (civic_hearing_get_starts_at (hearing));
  g_autofree char *ends = format_utc (civic_hearing_get_ends_at (hearing));
  const char *scope[] = { civic_hearing_get_department_id (hearing), NULL };
  CivicDbStmt *stmt;

  sealed = civic_server_db_seal_json (db, personal, error);
  if (sealed == NULL)
    return 0;

  stmt = civic_db_prepare (db,
                           "INSERT INTO hearing_record (id, department_id, state, starts_at, "
                           "  ends_at, room_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                           "ON CONFLICT (id) DO UPDATE SET state = excluded.state, "
                           "  starts_at = excluded.starts_at, ends_at = excluded.ends_at, "
                           "  room_id = excluded.room_id", error);
  if (stmt == NULL)
    return 0;
  civic_db_bind_text (stmt, 1, civic_hearing_get_id (hearing));
  civic_db_bind_text (stmt, 2, civic_hearing_get_department_id (hearing));
  civic_db_bind_text (stmt, 3, civic_enum_to_nick (CIVIC_TYPE_HEARING_STATE,
                                                        civic_hearing_get_state (hearing)));
  civic_db_bind_text (stmt, 4, starts);
  civic_db_bind_text (stmt, 5, ends);
  civic_db_bind_text (stmt, 6, civic_hearing_get_room_id (hearing));
  if (!civic_db_run (db, stmt, error))
    return 0;

  stmt = civic_db_prepare (db, "INSERT INTO hearing_personal (id, sealed) VALUES (?, ?) "
                               "ON CONFLICT (id) DO UPDATE SET sealed = excluded.sealed",
                           error);
  if (stmt == NULL)
    return 0;
  civic_db_bind_text (stmt, 1, civic_hearing_get_id (hearing));
  civic_db_bind_text (stmt, 2, sealed);
  if (!civic_db_run (db, stmt, error))
    return 0;

  if (!civic_supervision_track (db, &civic_hearing_kind, G_OBJECT (hearing), calendar, today, error))
    return 0;

  return civic_server_db_put_entity_text (db, CIVIC_ENTITY_HEARING, civic_hearing_get_id (hearing),
                                          civic_hearing_get_rev (hearing), feed, scope, error);
}

/**
 * civic_hearing_records_booked:
 * @from: (nullable): the start of the period, or %NULL for all
 *
 * Returns: (transfer full) (element-type CivicHearing): the hearings with
 * a time that meets [@from, @to), cancelled and withdrawn ones left out,
 * as the feed has them (the parties masked: their ids are what a clash
 * is found by).
 */
GPtrArray *
civic_hearing_records_booked (CivicDb      *db,
                              GDateTime    *from,
                              GDateTime    *to,
                              GError      **error)
{
  g_autoptr(GPtrArray) hearings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *start = format_utc (from);
  g_autofree char *end = format_utc (to);
  g_autoptr(GDateTime) day_before = from ? g_date_time_add_days (from, -1) : NULL;
  g_autofree char *earliest = format_utc (day_before);
  CivicDbStmt *stmt;
  gboolean row;

  /* No hearing lasts a day: one that meets the period starts after the
   * day before it, which the index on starts_at finds */
  stmt = civic_db_prepare (db, "SELECT e.data FROM hearing_record r "
                               "JOIN entity e ON e.type = '" CIVIC_ENTITY_HEARING "' "
                               "  AND e.id = r.id "
                               "WHERE r.starts_at IS NOT NULL "
                               "  AND r.state NOT IN ('cancelled', 'withdrawn', 'postponed') "
                               "  AND (?1 IS NULL OR (r.starts_at > ?3 AND r.ends_at > ?1)) "
                               "  AND (?2 IS NULL OR r.starts_at < ?2) "
                               "ORDER BY r.starts_at", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, start);
  civic_db_bind_text (stmt, 2, end);
  civic_db_bind_text (stmt, 3, earliest);
  while (civic_db_step (db, stmt, &row, error) && row)
    {
      g_autoptr(JsonNode) node = civic_json_parse (civic_db_column_text (stmt, 0), -1, error);
      CivicHearing *hearing = node ? civic_hearing_new_from_json (node, error) : NULL;

      if (hearing == NULL)
        break;
      g_ptr_array_add (hearings, hearing);
    }
  civic_db_reset (stmt);
  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&hearings);
}

/* The public side */

static const char *
member_of (CivicDb     *db,
           const char  *type,
           const char  *id,
           const char  *member,
           GHashTable  *seen)
{
  g_autofree char *key = g_strconcat (type, "/", id, "/", member, NULL);
  JsonNode *node;
  char *value;

  if (id == NULL)
    return NULL;
  if (g_hash_table_lookup_extended (seen, key, NULL, (gpointer *) &value))
    return value;
  node = civic_server_db_get_entity_json (db, type, id, NULL);
  value = node != NULL && JSON_NODE_HOLDS_OBJECT (node)
          ? g_strdup (json_object_get_string_member_with_default (json_node_get_object (node),
                                                                  member, NULL))
          : NULL;
  g_clear_pointer (&node, json_node_unref);
  g_hash_table_insert (seen, g_steal_pointer (&key), value);
  return value;
}

/**
 * civic_hearing_records_public_json:
 * @from: the first day listed
 * @days: how many days from it
 *
 * The hearings announced to the public (GET /public/v1/hearings): those
 * notified, held in public, from @from on, with their day, place and
 * matter, and how to attend; nothing of a closed hearing, nothing of the
 * parties (Art. 48(2)).
 *
 * Returns: (transfer full): {"hearings": [...]} as JSON text, or %NULL
 */
char *
civic_hearing_records_public_json (CivicDb      *db,
                                   CivicDay      from,
                                   guint         days,
                                   GError      **error)
{
  g_autoptr(GString) out = g_string_new ("{\"hearings\":[");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GPtrArray) booked = NULL;
  int y, m, d;
  gboolean first = TRUE;

  civic_day_to_ymd (from, &y, &m, &d);
  start = g_date_time_new (civic_time_zone (), y, m, d, 0, 0, 0);
  end = g_date_time_add_days (start, days);
  booked = civic_hearing_records_booked (db, start, end, error);
  if (booked == NULL)
    return NULL;

  for (guint i = 0; i < booked->len; i++)
    {
      CivicHearing *hearing = g_ptr_array_index (booked, i);
      g_autoptr(GDateTime) starts = NULL;
      g_autoptr(GDateTime) ends = NULL;
      g_autofree char *starts_text = NULL;
      g_autofree char *ends_text = NULL;
      const char *department = civic_hearing_get_department_id (hearing);

      if (civic_hearing_get_state (hearing) != CIVIC_HEARING_STATE_NOTIFIED ||
          !civic_hearing_get_is_public (hearing))
        continue;

      starts = g_date_time_to_timezone (civic_hearing_get_starts_at (hearing), civic_time_zone ());
      ends = g_date_time_to_timezone (civic_hearing_get_ends_at (hearing), civic_time_zone ());
      starts_text = g_date_time_format (starts, "%FT%T%:z");
      ends_text = g_date_time_format (ends, "%FT%T%:z");

      g_string_append (out, first ? "{\"id\":" : ",{\"id\":");
      first = FALSE;
      civic_json_append_string (out, civic_hearing_get_id (hearing));
      g_string_append (out, ",\"matter\":");
      civic_json_append_string (out, civic_hearing_get_matter (hearing));
      g_string_append (out, ",\"kind\":");
      civic_json_append_string (out, civic_enum_to_nick (CIVIC_TYPE_HEARING_KIND,
                                                          civic_hearing_get_kind (hearing)));
      g_string_append (out, ",\"department\":");
      civic_json_append_string (out, member_of (db, CIVIC_ENTITY_DEPARTMENT, department, "name",
                                                seen));
      g_string_append (out, ",\"starts_at\":");
      civic_json_append_string (out, starts_text);
      g_string_append (out, ",\"ends_at\":");
      civic_json_append_string (out, ends_text);
      g_string_append (out, ",\"room\":");
      civic_json_append_string (out, member_of (db, CIVIC_ENTITY_ROOM,
                                                civic_hearing_get_room_id (hearing), "name", seen));
      g_string_append (out, ",\"building\":");
      civic_json_append_string (out, member_of (db, CIVIC_ENTITY_ROOM,
                                                civic_hearing_get_room_id (hearing), "building",
                                                seen));
      g_string_append (out, ",\"attend\":");
      civic_json_append_string (out, _("The hearing is held in public (Art. 48(2) of the "
                                       "Administrative Licensing Law): come to the room with an "
                                       "identity document a quarter of an hour before it "
                                       "starts."));
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Born of a case */

static const char *
applicant_contact (const CivicApplicant *applicant)
{
  return applicant->phone != NULL ? applicant->phone : applicant->address;
}

/**
 * civic_hearing_records_open_for_case:
 * @kase: the case after request-hearing or order-hearing, personal data
 *   unsealed
 * @command_id: that command's id, which the hearing takes
 *
 * Makes the hearing the case asked for, with its applicant and the
 * parties it was told of as participants, and ties the case to it. A
 * case already tied to a hearing, or not waiting for one, is left alone.
 */
gboolean
civic_hearing_records_open_for_case (CivicDb       *db,
                                     CivicCase     *kase,
                                     const char    *command_id,
                                     CivicCalendar *calendar,
                                     CivicDay       today,
                                     GError       **error)
{
  g_autoptr(CivicHearing) hearing = NULL;

  if (civic_case_get_state (kase) != CIVIC_CASE_STATE_HEARING ||
      civic_case_get_hearing (kase)->hearing_id != NULL)
    return TRUE;

  hearing = civic_hearing_records_new_for_case (kase, command_id, error);
  if (hearing == NULL)
    return FALSE;
  civic_hearing_set_rev (hearing, 1);
  if (civic_hearing_records_save (db, hearing, calendar, today, error) == 0)
    return FALSE;
  civic_case_set_hearing_id (kase, command_id);
  return TRUE;
}

/* The case's applicant and the parties it told of their right, as
 * participants, their ids made from @prefix */
/* Whoever already takes part by that name and role: one person, one
 * notice and one line to sign, however many of their cases are heard */
static const CivicHearingParticipant *
find_party (CivicHearing     *hearing,
            const char       *name,
            CivicHearingRole  role)
{
  for (guint i = 0; i < civic_hearing_get_n_participants (hearing); i++)
    {
      const CivicHearingParticipant *participant = civic_hearing_get_participant (hearing, i);

      if (participant->role == role && g_strcmp0 (participant->name, name) == 0)
        return participant;
    }
  return NULL;
}

static gboolean
add_case_parties (CivicHearing  *hearing,
                  CivicCase     *kase,
                  const char    *prefix,
                  GError       **error)
{
  const CivicCaseHearing *asked = civic_case_get_hearing (kase);
  const CivicApplicant *applicant = civic_case_get_applicant (kase);
  g_autofree char *applicant_id = g_strdup_printf ("%s-applicant", prefix);

  if (applicant != NULL && applicant->name != NULL &&
      find_party (hearing, applicant->name, CIVIC_HEARING_ROLE_APPLICANT) == NULL &&
      (!civic_hearing_add_participant (hearing, applicant_id, applicant->name,
                                       CIVIC_HEARING_ROLE_APPLICANT, error) ||
       !civic_hearing_set_party_contact (hearing, applicant_id, applicant_contact (applicant),
                                         NULL, error)))
    return FALSE;

  /* Those told of their right (Art. 47) besides the applicant */
  for (guint i = 0; asked->parties != NULL && asked->parties[i] != NULL; i++)
    {
      g_autofree char *party_id = g_strdup_printf ("%s-p%u", prefix, i + 1);

      if ((applicant != NULL && g_strcmp0 (asked->parties[i], applicant->name) == 0) ||
          find_party (hearing, asked->parties[i], CIVIC_HEARING_ROLE_INTERESTED_PARTY) != NULL)
        continue;
      if (!civic_hearing_add_participant (hearing, party_id, asked->parties[i],
                                          CIVIC_HEARING_ROLE_INTERESTED_PARTY, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * civic_hearing_records_new_for_case:
 * @kase: a case waiting for a hearing, personal data unsealed
 * @id: the hearing's id
 *
 * Returns: (transfer full) (nullable): the hearing @kase asked for, with
 * its applicant and the parties it was told of, not yet stored
 */
CivicHearing *
civic_hearing_records_new_for_case (CivicCase   *kase,
                                    const char  *id,
                                    GError     **error)
{
  const CivicCaseHearing *asked = civic_case_get_hearing (kase);
  g_auto(GStrv) examiners = NULL;
  g_autoptr(CivicHearing) hearing = NULL;

  examiners = civic_case_dup_examiner_ids (kase);
  hearing = civic_hearing_new_for_case (id, asked->ex_officio, civic_case_get_id (kase),
                                        civic_case_get_number (kase),
                                        civic_case_get_department_id (kase),
                                        civic_case_get_item_name (kase), asked->informed_on,
                                        asked->requested_on, (const char * const *) examiners);

  if (!add_case_parties (hearing, kase, id, error))
    return NULL;
  return g_steal_pointer (&hearing);
}

/**
 * civic_hearing_records_note_decision:
 * @kase: a case just decided
 *
 * The hearing whose record the decision rests on learns the decision's
 * number (Art. 48(5)).
 */
gboolean
civic_hearing_records_note_decision (CivicDb       *db,
                                     CivicCase     *kase,
                                     CivicCalendar *calendar,
                                     CivicDay       today,
                                     GError       **error)
{
  const CivicDecision *decision = civic_case_get_decision (kase);
  const CivicCaseHearing *heard = civic_case_get_hearing (kase);
  g_autoptr(CivicHearing) hearing = NULL;

  if (decision == NULL || decision->number == NULL || heard->hearing_id == NULL ||
      heard->concluded_on == CIVIC_DAY_INVALID)
    return TRUE;

  hearing = civic_hearing_records_load (db, heard->hearing_id, error);
  if (hearing == NULL)
    return error == NULL || *error == NULL;
  if (g_strcmp0 (civic_hearing_get_decision_ref (hearing), decision->number) == 0)
    return TRUE;

  civic_hearing_set_decision_ref (hearing, decision->number);
  civic_hearing_set_rev (hearing, civic_hearing_get_rev (hearing) + 1);
  return civic_hearing_records_save (db, hearing, calendar, today, error) != 0;
}

/* The service's part of a hearing's commands */

/* The room exists, is the department's or shared, seats everyone and is
 * open then */
static gboolean
check_room (CivicDb       *db,
            CivicHearing  *hearing,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) node = civic_server_db_get_entity_json (db, CIVIC_ENTITY_ROOM,
                                                              civic_hearing_get_room_id (hearing),
                                                              &local_error);
  g_autofree char *reason = NULL;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("There is no room “%s”"),
                   civic_hearing_get_room_id (hearing));

  reason = civic_hearing_check_room (hearing, json_node_get_object (node),
                                     civic_hearing_get_starts_at (hearing),
                                     civic_hearing_get_ends_at (hearing));
  if (reason != NULL)
    return refuse (error, CIVIC_WORKFLOW_ERROR_RULE, "%s", reason);
  return TRUE;
}

/* Nobody and no room is in two hearings at once */
static gboolean
check_bookings (CivicDb       *db,
                CivicHearing  *hearing,
                GError       **error)
{
  g_autoptr(GPtrArray) booked = NULL;
  g_autoptr(GPtrArray) clashes = NULL;
  const CivicHearingConflict *clash;
  g_autofree char *message = NULL;

  booked = civic_hearing_records_booked (db, civic_hearing_get_starts_at (hearing),
                                         civic_hearing_get_ends_at (hearing), error);
  if (booked == NULL)
    return FALSE;
  clashes = civic_hearing_find_conflicts_with (hearing, NULL, booked);
  if (clashes->len == 0)
    return TRUE;

  clash = g_ptr_array_index (clashes, 0);
  message = civic_hearing_conflict_describe (clash);
  return refuse (error, CIVIC_WORKFLOW_ERROR_CLASH, "%s", message);
}

/* What a decision cites: the record's number, once issued */
static const char *
record_ref (CivicHearing *hearing)
{
  GPtrArray *documents = civic_hearing_get_documents (hearing);

  for (guint i = documents->len; i > 0; i--)
    {
      const CivicCaseDocument *document = g_ptr_array_index (documents, i - 1);

      if (document->kind == CIVIC_DOCUMENT_HEARING_RECORD && document->number != NULL)
        return document->number;
    }
  return civic_hearing_get_id (hearing);
}

/* What the service did of itself on the way, in the audit chain as a
 * command of its own: the command that caused it, the record's new
 * revision, and the hearing it was for */
static gboolean
audit_by_service (CivicDb      *db,
                  GDateTime    *now,
                  const char   *action,
                  const char   *target,
                  const char   *command_id,
                  gint64        rev,
                  const char   *key,
                  const char   *hearing_id,
                  GError      **error)
{
  g_autofree char *detail = g_strdup_printf ("{\"command\":\"%s\",\"status\":\"applied\","
                                             "\"rev\":%" PRId64 ",\"%s\":\"%s\"}",
                                             command_id, rev, key, hearing_id);

  return civic_audit_append (db, now, "system", action, target, detail, NULL, error);
}

/* The parties of the case's own hearing, with whatever was added there by
 * hand (an agent, a witness) and how to reach them, into @hearing: those
 * already there by name and role are not added twice, and an agent acts
 * for the principal as @hearing knows them */
static gboolean
carry_parties (CivicHearing  *hearing,
               CivicHearing  *own,
               GError       **error)
{
  g_autoptr(GHashTable) same = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < civic_hearing_get_n_participants (own); i++)
      {
        const CivicHearingParticipant *party = civic_hearing_get_participant (own, i);
        const CivicHearingParticipant *there;
        const char *represents = NULL;
        gboolean agent = party->role == CIVIC_HEARING_ROLE_AGENT;

        /* Principals first, so that their agents find them */
        if (agent != (pass == 1) || party->role == CIVIC_HEARING_ROLE_EXAMINER ||
            party->role == CIVIC_HEARING_ROLE_HOST || party->role == CIVIC_HEARING_ROLE_CLERK)
          continue;
        if (agent && party->represents != NULL)
          {
            represents = g_hash_table_lookup (same, party->represents);
            if (represents == NULL)
              represents = party->represents;
          }
        there = find_party (hearing, party->name, party->role);
        if (there != NULL && (!agent || g_strcmp0 (there->represents, represents) == 0))
          {
            g_hash_table_insert (same, party->id, there->id);
            continue;
          }
        if (!civic_hearing_add_participant (hearing, party->id, party->name, party->role, error) ||
            ((party->contact != NULL || represents != NULL) &&
             !civic_hearing_set_party_contact (hearing, party->id, party->contact, represents,
                                               error)))
          return FALSE;
      }
  return TRUE;
}

/* join-hearing: the case named by its number joins, with its parties and
 * examiners; its own hearing, not yet held, gives way (cancelled without
 * giving the case its clocks back: it waits for this one) */
static gboolean
join_case (CivicDb        *db,
           CivicHearing   *hearing,
           const char     *command_id,
           CivicCalendar  *calendar,
           GDateTime      *now,
           GError        **error)
{
  g_autofree char *number = g_strdup (civic_hearing_get_joining (hearing));
  g_autoptr(CivicCase) kase = NULL;
  g_autoptr(CivicHearing) own = NULL;
  g_autoptr(GError) refusal = NULL;
  g_auto(GStrv) examiners = NULL;
  const char *own_id;

  if (number == NULL)
    return TRUE;
  kase = civic_case_records_load_by_number (db, number, error);
  if (kase == NULL)
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("There is no case %s"), number);
    }
  if (g_strcmp0 (civic_case_get_department_id (kase), civic_hearing_get_department_id (hearing)) != 0)
    return refuse (error, CIVIC_WORKFLOW_ERROR_ARGUMENT, _("There is no case %s"), number);
  if (civic_case_get_state (kase) != CIVIC_CASE_STATE_HEARING)
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, _("Case %s is not waiting for a hearing"),
                   number);

  own_id = civic_case_get_hearing (kase)->hearing_id;
  if (own_id != NULL)
    {
      own = civic_hearing_records_load (db, own_id, error);
      if (own == NULL && error != NULL && *error != NULL)
        return FALSE;
    }
  /* One that ended without being held is no hearing to wait for */
  if (own != NULL && (civic_hearing_get_state (own) == CIVIC_HEARING_STATE_CANCELLED ||
                      civic_hearing_get_state (own) == CIVIC_HEARING_STATE_WITHDRAWN))
    g_clear_object (&own);
  if (own != NULL && civic_hearing_get_state (own) != CIVIC_HEARING_STATE_PENDING &&
      civic_hearing_get_state (own) != CIVIC_HEARING_STATE_POSTPONED)
    return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                   _("Case %s has its own hearing arranged already; cancel it first"), number);
  /* Its hearing serves other cases too: cancelling it would leave them
   * without one */
  if (own != NULL && civic_hearing_get_n_cases (own) > 1)
    {
      g_autofree char *own_label = civic_hearing_kind.label (G_OBJECT (own));

      /* Translators: "Case 2026…-000003 is heard together with other cases at the Hearing on 2026…-000001" */
      return refuse (error, CIVIC_WORKFLOW_ERROR_STATE,
                     _("Case %s is heard together with other cases at the %s; hear them there"),
                     number, own_label);
    }

  examiners = civic_case_dup_examiner_ids (kase);
  civic_hearing_set_joining (hearing, NULL);
  if (!civic_hearing_add_case (hearing, civic_case_get_id (kase), number,
                               (const char * const *) examiners, &refusal) ||
      !(own != NULL ? carry_parties (hearing, own, &refusal)
                    : add_case_parties (hearing, kase, command_id, &refusal)))
    return refuse (error, refusal->code == CIVIC_HEARING_ERROR_STATE ? CIVIC_WORKFLOW_ERROR_STATE
                                                                    : CIVIC_WORKFLOW_ERROR_RULE,
                   "%s", refusal->message);

  if (own != NULL)
    {
      g_autofree char *label = civic_hearing_kind.label (G_OBJECT (hearing));
      /* Translators: why a case's own hearing was cancelled: "Heard at the Hearing on …" */
      g_autofree char *reason = g_strdup_printf (_("Heard at the %s"), label);

      if (!civic_hearing_cancel (own, civic_time_day_of (now), reason, &refusal))
        return refuse (error, CIVIC_WORKFLOW_ERROR_STATE, "%s", refusal->message);
      civic_hearing_set_rev (own, civic_hearing_get_rev (own) + 1);
      if (civic_hearing_records_save (db, own, calendar, civic_time_day_of (now), error) == 0 ||
          !audit_by_service (db, now, civic_hearing_kind.action_to_string (CIVIC_HEARING_ACTION_CANCEL),
                             civic_hearing_get_id (own), command_id, civic_hearing_get_rev (own),
                             "joined", civic_hearing_get_id (hearing), error))
        return FALSE;
    }

  civic_case_set_hearing_id (kase, civic_hearing_get_id (hearing));
  civic_case_set_rev (kase, civic_case_get_rev (kase) + 1);
  return civic_case_records_save (db, kase, calendar, civic_time_day_of (now), NULL, error) != 0 &&
         audit_by_service (db, now, civic_hearing_kind.action_to_string (CIVIC_HEARING_ACTION_JOIN),
                           civic_case_get_id (kase), command_id, civic_case_get_rev (kase),
                           "hearing", civic_hearing_get_id (hearing), error);
}

/* The hearing is over: each case it heard has its clocks back, by the
 * service's own conclude-hearing, audited like any command */
static gboolean
conclude_cases (CivicDb        *db,
                CivicHearing   *hearing,
                const char     *command_id,
                CivicCalendar  *calendar,
                GDateTime      *now,
                GError        **error)
{
  g_autoptr(CivicActor) service = civic_actor_new ("system", _("Civic Desk service"), NULL,
                                                   CIVIC_ROLE_SYSTEM);
  CivicHearingState outcome = civic_hearing_get_state (hearing);

  for (guint i = 0; i < civic_hearing_get_n_cases (hearing); i++)
    {
      const CivicHearingCase *heard = civic_hearing_get_case (hearing, i);
      g_autoptr(CivicCase) kase = civic_case_records_load (db, heard->id, error);
      g_autoptr(GObject) next = NULL;
      g_autoptr(JsonObject) args = json_object_new ();
      g_autoptr(GError) refusal = NULL;
      g_autofree char *event_id = g_strdup_printf ("%s-%u", command_id, i + 1);
      CivicWorkflowContext context;

      if (kase == NULL)
        {
          if (error != NULL && *error != NULL)
            return FALSE;
          continue;
        }
      /* A case that went on without it (its application withdrawn) */
      if (civic_case_get_state (kase) != CIVIC_CASE_STATE_HEARING)
        continue;

      json_object_set_string_member (args, "hearing_id", civic_hearing_get_id (hearing));
      json_object_set_string_member (args, "outcome",
                                     civic_enum_to_nick (CIVIC_TYPE_HEARING_STATE, outcome));
      if (outcome == CIVIC_HEARING_STATE_RECORD_SIGNED)
        json_object_set_string_member (args, "record_ref", record_ref (hearing));

      civic_workflow_context_init (&context, calendar, now, service);
      context.command_id = event_id;
      next = civic_case_kind.apply (G_OBJECT (kase), CIVIC_ACTION_CONCLUDE_HEARING, args,
                                    &context, &refusal);
      if (next == NULL)
        {
          g_warning ("hearing %s: case %s did not take its close: %s",
                     civic_hearing_get_id (hearing), heard->id, refusal->message);
          continue;
        }
      civic_case_set_rev (CIVIC_CASE (next), civic_case_get_rev (kase) + 1);
      if (civic_case_records_save (db, CIVIC_CASE (next), calendar, civic_time_day_of (now), NULL,
                                   error) == 0 ||
          !audit_by_service (db, now, civic_action_to_string (CIVIC_ACTION_CONCLUDE_HEARING),
                             heard->id, event_id, civic_case_get_rev (CIVIC_CASE (next)),
                             "hearing", civic_hearing_get_id (hearing), error))
        return FALSE;
    }
  return TRUE;
}

static GObject *
store_load (CivicDb      *db,
            const char   *id,
            GError      **error)
{
  return G_OBJECT (civic_hearing_records_load (db, id, error));
}

static gint64
store_save (CivicDb        *db,
            GObject        *record,
            CivicCalendar  *calendar,
            CivicDay        today,
            GError        **error)
{
  return civic_hearing_records_save (db, CIVIC_HEARING (record), calendar, today, error);
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
  CivicHearing *hearing = CIVIC_HEARING (record);

  switch ((CivicHearingAction) action)
    {
    case CIVIC_HEARING_ACTION_SCHEDULE:
      return check_room (db, hearing, error) && check_bookings (db, hearing, error);
    case CIVIC_HEARING_ACTION_DECIDE_RECUSAL:
    case CIVIC_HEARING_ACTION_ADD_PARTY:
      return civic_hearing_get_starts_at (hearing) == NULL || check_bookings (db, hearing, error);
    case CIVIC_HEARING_ACTION_CLOSE:
      return civic_documents_issue_hearing_drafts (db, now, public_url, hearing, error) &&
             conclude_cases (db, hearing, command_id, calendar, now, error);
    case CIVIC_HEARING_ACTION_WITHDRAW:
    case CIVIC_HEARING_ACTION_CANCEL:
      return conclude_cases (db, hearing, command_id, calendar, now, error);
    case CIVIC_HEARING_ACTION_JOIN:
      return join_case (db, hearing, command_id, calendar, now, error) &&
             (civic_hearing_get_starts_at (hearing) == NULL || check_bookings (db, hearing, error));
    case CIVIC_HEARING_ACTION_NOTIFY:
      return civic_documents_issue_hearing_drafts (db, now, public_url, hearing, error);
    case CIVIC_HEARING_ACTION_POSTPONE:
    case CIVIC_HEARING_ACTION_REQUEST_RECUSAL:
    case CIVIC_HEARING_ACTION_HOLD:
    case CIVIC_HEARING_ACTION_WRITE_RECORD:
    case CIVIC_HEARING_ACTION_SIGN_RECORD:
    default:
      return TRUE;
    }
}

/* Who sees a hearing: the department that holds it; the supervisor reads
 * it and changes nothing; to anyone else it is not there */
static gboolean
store_check_actor (const CivicActor  *actor,
                   GObject           *record,
                   guint              action,
                   GError           **error)
{
  const char *scope[] = { civic_hearing_get_department_id (CIVIC_HEARING (record)), NULL };

  if (civic_actor_has_role (actor, CIVIC_ROLE_SYSTEM))
    return TRUE;
  if (civic_actor_has_role (actor, CIVIC_ROLE_SUPERVISOR))
    {
      g_set_error (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_FORBIDDEN,
                   _("Supervisors can read every hearing but change none"));
      return FALSE;
    }
  if (!civic_policy_can_see (actor, scope))
    {
      g_set_error (error, CIVIC_POLICY_ERROR, CIVIC_POLICY_ERROR_NOT_FOUND,
                   _("There is no such hearing"));
      return FALSE;
    }
  return TRUE;
}

const CivicRecordStore civic_hearing_store = {
  .kind = &civic_hearing_kind,
  .not_found = N_("There is no such hearing"),
  .stale = N_("The hearing changed (revision %" PRId64 ", you saw %" PRId64 "); look at it "
              "again before you act"),
  .load = store_load,
  .save = store_save,
  .finish = store_finish,
  .check_actor = store_check_actor,
};
