/* civic-hearing-calendar.c — hearings as iCalendar (RFC 5545)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-hearing-calendar"

#include "config.h"

#include <libical/ical.h>

#include "civic-i18n.h"

#include "civic-accounts.h"
#include "civic-entity.h"
#include "civic-hearing-calendar.h"
#include "civic-hearing-kind.h"
#include "civic-json.h"
#include "civic-server-db.h"
#include "civic-time.h"

/* A hearing is one VEVENT, written with libical: its UID the hearing's id,
 * its SEQUENCE the hearing's revision, so that a move or a cancellation
 * reaches a calendar as an update of the same event. Its people are
 * ATTENDEEs by a URI of their own in the hall (officials and parties have
 * no e-mail here), with their names: the host chairs, the parties and the
 * examiner are required, the clerk keeps the record. A party's name is
 * masked as the feed masks it: a calendar is read outside Civic Desk.
 *
 * An official's own calendar (GET /api/v1/calendar.ics?token=…) lists the
 * hearings they host, keep the record of or take part in, from three
 * months back; GNOME Calendar and Evolution subscribe to it by its URL,
 * whose token is the official's alone, kept hashed, and revocable. */

#define PRODID "-//Civic Desk//Hearings//ZH"

static struct icaltimetype
ical_time (GDateTime *instant)
{
  return icaltime_from_timet_with_zone ((time_t) g_date_time_to_unix (instant), 0,
                                        icaltimezone_get_utc_timezone ());
}

static char *
entity_member (CivicDb     *db,
               const char  *type,
               const char  *id,
               const char  *member)
{
  g_autoptr(JsonNode) node = id ? civic_server_db_get_entity_json (db, type, id, NULL) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return g_strdup (json_object_get_string_member_with_default (json_node_get_object (node), member,
                                                               NULL));
}

static void
add_attendee (icalcomponent      *event,
              const char         *kind,
              const char         *id,
              const char         *name,
              icalparameter_role  role)
{
  g_autofree char *uri = g_strdup_printf ("urn:civicdesk:%s:%s", kind, id);
  icalproperty *attendee = icalproperty_new_attendee (uri);

  icalproperty_add_parameter (attendee, icalparameter_new_cn (name));
  icalproperty_add_parameter (attendee, icalparameter_new_role (role));
  icalproperty_add_parameter (attendee, icalparameter_new_cutype (ICAL_CUTYPE_INDIVIDUAL));
  icalcomponent_add_property (event, attendee);
}

static icalproperty_status
status_of (CivicHearing *hearing)
{
  switch (civic_hearing_get_state (hearing))
    {
    case CIVIC_HEARING_STATE_SCHEDULED:
      return ICAL_STATUS_TENTATIVE;
    case CIVIC_HEARING_STATE_CANCELLED:
    case CIVIC_HEARING_STATE_WITHDRAWN:
    case CIVIC_HEARING_STATE_POSTPONED:
      return ICAL_STATUS_CANCELLED;
    case CIVIC_HEARING_STATE_NOTIFIED:
    case CIVIC_HEARING_STATE_HELD:
    case CIVIC_HEARING_STATE_RECORD_SIGNED:
    case CIVIC_HEARING_STATE_PENDING:
    default:
      return ICAL_STATUS_CONFIRMED;
    }
}

/* The hearing as an event; %NULL for one that never had a time */
static icalcomponent *
event_of (CivicDb      *db,
          CivicHearing *masked,
          GDateTime    *now)
{
  icalcomponent *event;
  g_autoptr(GDateTime) starts = NULL;
  g_autoptr(GDateTime) ends = NULL;
  g_autofree char *uid = g_strdup_printf ("%s@hearings.civicdesk", civic_hearing_get_id (masked));
  g_autofree char *label = civic_hearing_kind.label (G_OBJECT (masked));
  g_autofree char *summary = NULL;
  g_autofree char *room = entity_member (db, CIVIC_ENTITY_ROOM, civic_hearing_get_room_id (masked),
                                         "name");
  g_autofree char *building = entity_member (db, CIVIC_ENTITY_ROOM,
                                             civic_hearing_get_room_id (masked), "building");
  g_autofree char *department = entity_member (db, CIVIC_ENTITY_DEPARTMENT,
                                               civic_hearing_get_department_id (masked), "name");
  g_autofree char *organizer_uri = g_strdup_printf ("urn:civicdesk:department:%s",
                                                    civic_hearing_get_department_id (masked));
  g_autoptr(GString) description = g_string_new (NULL);
  icalproperty *organizer;

  if (civic_hearing_get_starts_at (masked) != NULL)
    {
      starts = g_date_time_ref (civic_hearing_get_starts_at (masked));
      ends = g_date_time_ref (civic_hearing_get_ends_at (masked));
    }
  else if (civic_hearing_get_n_postponements (masked) > 0 &&
           civic_hearing_get_postponement (masked, civic_hearing_get_n_postponements (masked) - 1)->from)
    {
      /* Put off: the time it had, cancelled, until it has a new one */
      starts = g_date_time_ref (civic_hearing_get_postponement (
        masked, civic_hearing_get_n_postponements (masked) - 1)->from);
      ends = g_date_time_add_hours (starts, 2);
    }
  else
    return NULL;

  event = icalcomponent_new_vevent ();
  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_sequence ((int) civic_hearing_get_rev (masked)));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (ical_time (now)));
  icalcomponent_add_property (event, icalproperty_new_dtstart (ical_time (starts)));
  icalcomponent_add_property (event, icalproperty_new_dtend (ical_time (ends)));
  /* Translators: a calendar event: "Hearing on 湘市监许〔2026〕88号: 食品经营许可" */
  summary = g_strdup_printf (_("%s: %s"), label,
                             civic_hearing_get_matter (masked) ? civic_hearing_get_matter (masked) : "");
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  if (room != NULL)
    {
      g_autofree char *location = building ? g_strdup_printf ("%s, %s", room, building)
                                           : g_strdup (room);

      icalcomponent_add_property (event, icalproperty_new_location (location));
    }
  icalcomponent_add_property (event, icalproperty_new_status (status_of (masked)));
  icalcomponent_add_property (event, icalproperty_new_class (civic_hearing_get_is_public (masked)
                                                             ? ICAL_CLASS_PUBLIC
                                                             : ICAL_CLASS_CONFIDENTIAL));

  g_string_append_printf (description, "%s\n",
                          civic_hearing_state_get_label (civic_hearing_get_state (masked)));
  g_string_append_printf (description, "%s\n",
                          civic_hearing_publicity_get_label (civic_hearing_get_publicity (masked)));
  if (civic_hearing_get_video_link (masked) != NULL)
    {
      g_string_append_printf (description, "%s\n", civic_hearing_get_video_link (masked));
      icalcomponent_add_property (event, icalproperty_new_url (civic_hearing_get_video_link (masked)));
    }
  icalcomponent_add_property (event, icalproperty_new_description (description->str));

  organizer = icalproperty_new_organizer (organizer_uri);
  if (department != NULL)
    icalproperty_add_parameter (organizer, icalparameter_new_cn (department));
  icalcomponent_add_property (event, organizer);

  if (civic_hearing_get_host_id (masked) != NULL)
    add_attendee (event, "user", civic_hearing_get_host_id (masked),
                  civic_hearing_get_host_name (masked), ICAL_ROLE_CHAIR);
  if (civic_hearing_get_clerk_id (masked) != NULL)
    add_attendee (event, "user", civic_hearing_get_clerk_id (masked),
                  civic_hearing_get_clerk_name (masked), ICAL_ROLE_NONPARTICIPANT);
  for (guint i = 0; i < civic_hearing_get_n_participants (masked); i++)
    {
      const CivicHearingParticipant *participant = civic_hearing_get_participant (masked, i);
      gboolean official = participant->role == CIVIC_HEARING_ROLE_EXAMINER ||
                          participant->role == CIVIC_HEARING_ROLE_HOST ||
                          participant->role == CIVIC_HEARING_ROLE_CLERK;

      if (g_strcmp0 (participant->id, civic_hearing_get_host_id (masked)) == 0)
        continue;
      add_attendee (event, official ? "user" : "party", participant->id, participant->name,
                    participant->role == CIVIC_HEARING_ROLE_WITNESS ? ICAL_ROLE_OPTPARTICIPANT
                                                                    : ICAL_ROLE_REQPARTICIPANT);
    }
  return event;
}

static icalcomponent *
calendar_new (icalproperty_method method)
{
  icalcomponent *calendar = icalcomponent_new_vcalendar ();

  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid (PRODID));
  icalcomponent_add_property (calendar, icalproperty_new_method (method));
  return calendar;
}

static char *
calendar_text (icalcomponent *calendar)
{
  char *text = icalcomponent_as_ical_string_r (calendar);
  char *copy = g_strdup (text);

  free (text);
  icalcomponent_free (calendar);
  return copy;
}

/* The hearing as the feed has it: its parties masked */
static CivicHearing *
masked_copy (CivicHearing  *hearing,
             GError       **error)
{
  g_autofree char *feed = civic_hearing_to_feed_json (hearing);
  g_autoptr(JsonNode) node = civic_json_parse (feed, -1, error);

  return node != NULL ? civic_hearing_new_from_json (node, error) : NULL;
}

/**
 * civic_hearing_calendar_event:
 *
 * Returns: (transfer full) (nullable): the hearing as an invitation
 * (METHOD:REQUEST), to go with its notice; %NULL with @error for a
 * hearing with no time
 */
char *
civic_hearing_calendar_event (CivicDb       *db,
                              CivicHearing  *hearing,
                              GDateTime     *now,
                              GError       **error)
{
  g_autoptr(CivicHearing) masked = masked_copy (hearing, error);
  icalcomponent *calendar, *event;

  if (masked == NULL)
    return NULL;
  event = event_of (db, masked, now);
  if (event == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The hearing has no time yet"));
      return NULL;
    }
  calendar = calendar_new (ICAL_METHOD_REQUEST);
  icalcomponent_add_component (calendar, event);
  return calendar_text (calendar);
}

static gboolean
involves (CivicHearing *hearing,
          const char   *account_id)
{
  return g_strcmp0 (civic_hearing_get_host_id (hearing), account_id) == 0 ||
         g_strcmp0 (civic_hearing_get_clerk_id (hearing), account_id) == 0 ||
         civic_hearing_find_participant (hearing, account_id) != NULL;
}

/**
 * civic_hearing_calendar_feed:
 *
 * Returns: (transfer full) (nullable): the hearings @account_id hosts,
 * keeps the record of or takes part in, from 90 days ago on
 */
char *
civic_hearing_calendar_feed (CivicDb      *db,
                             const char   *account_id,
                             GDateTime    *now,
                             GError      **error)
{
  g_autoptr(GDateTime) since = g_date_time_add_days (now, -90);
  g_autoptr(GDateTime) since_utc = g_date_time_to_utc (since);
  g_autofree char *since_text = g_date_time_format (since_utc, "%Y-%m-%dT%H:%M:%SZ");
  icalcomponent *calendar = calendar_new (ICAL_METHOD_PUBLISH);
  CivicDbStmt *stmt;
  gboolean row;

  icalcomponent_add_property (calendar, icalproperty_new_x (_("Hearings")));
  icalproperty_set_x_name (icalcomponent_get_first_property (calendar, ICAL_X_PROPERTY),
                           "X-WR-CALNAME");

  /* Their department's, that have or had a time */
  stmt = civic_db_prepare (db, "SELECT e.data FROM hearing_record r "
                               "JOIN entity e ON e.type = '" CIVIC_ENTITY_HEARING "' "
                               "  AND e.id = r.id "
                               "JOIN account a ON a.id = ?1 AND a.department_id = r.department_id "
                               "WHERE r.starts_at IS NULL OR r.starts_at >= ?2 "
                               "ORDER BY r.starts_at", error);
  if (stmt == NULL)
    {
      icalcomponent_free (calendar);
      return NULL;
    }
  civic_db_bind_text (stmt, 1, account_id);
  civic_db_bind_text (stmt, 2, since_text);
  while (civic_db_step (db, stmt, &row, error) && row)
    {
      g_autoptr(JsonNode) node = civic_json_parse (civic_db_column_text (stmt, 0), -1, NULL);
      g_autoptr(CivicHearing) hearing = node ? civic_hearing_new_from_json (node, NULL) : NULL;
      icalcomponent *event;

      if (hearing == NULL || !involves (hearing, account_id))
        continue;
      event = event_of (db, hearing, now);
      if (event != NULL)
        icalcomponent_add_component (calendar, event);
    }
  civic_db_reset (stmt);
  if (error != NULL && *error != NULL)
    {
      icalcomponent_free (calendar);
      return NULL;
    }
  return calendar_text (calendar);
}

/* The feed's token */

/**
 * civic_hearing_calendar_new_token:
 *
 * Makes the official a new calendar token, in place of any they had: the
 * old address stops working.
 *
 * Returns: (transfer full): the token, shown once
 */
char *
civic_hearing_calendar_new_token (CivicDb      *db,
                                  const char   *account_id,
                                  GDateTime    *now,
                                  GError      **error)
{
  g_autofree char *token = civic_accounts_new_token ();
  g_autofree char *hash = civic_accounts_token_hash (token);
  g_autofree char *at = civic_time_format (now);
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db, "INSERT INTO calendar_token (account_id, token_hash, created_at) "
                               "VALUES (?1, ?2, ?3) ON CONFLICT (account_id) DO UPDATE "
                               "SET token_hash = excluded.token_hash, "
                               "  created_at = excluded.created_at", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, account_id);
  civic_db_bind_text (stmt, 2, hash);
  civic_db_bind_text (stmt, 3, at);
  if (!civic_db_run (db, stmt, error))
    return NULL;
  return g_steal_pointer (&token);
}

gboolean
civic_hearing_calendar_revoke (CivicDb      *db,
                               const char   *account_id,
                               GError      **error)
{
  CivicDbStmt *stmt = civic_db_prepare (db, "DELETE FROM calendar_token WHERE account_id = ?",
                                        error);

  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, account_id);
  return civic_db_run (db, stmt, error);
}

/**
 * civic_hearing_calendar_account_for:
 *
 * Returns: (transfer full) (nullable): the account whose calendar @token
 * opens, in use; %NULL without error when none
 */
char *
civic_hearing_calendar_account_for (CivicDb      *db,
                                    const char   *token,
                                    GError      **error)
{
  g_autofree char *hash = NULL;
  CivicDbStmt *stmt;
  char *account = NULL;
  gboolean row;

  if (token == NULL || *token == '\0' || strlen (token) > 128)
    return NULL;
  hash = civic_accounts_token_hash (token);
  stmt = civic_db_prepare (db, "SELECT t.account_id FROM calendar_token t "
                               "JOIN account a ON a.id = t.account_id AND a.disabled = 0 "
                               "WHERE t.token_hash = ?", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, hash);
  if (civic_db_step (db, stmt, &row, error) && row)
    account = g_strdup (civic_db_column_text (stmt, 0));
  civic_db_reset (stmt);
  return account;
}
