/* civic-intake.c — applications from the public side of the hall
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-intake"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"
#include <sodium.h>

#include "civic-audit.h"
#include "civic-case-records.h"
#include "civic-core-enums.h"
#include "civic-entity.h"
#include "civic-intake.h"
#include "civic-documents.h"
#include "civic-json.h"
#include "civic-privacy-lint.h"
#include "civic-server-db.h"
#include "civic-time.h"
#include "civic-workflow.h"

/* POST /public/v1/applications takes a citizen's or a company's
 * application for a catalogue item and answers with a receipt code; GET
 * /public/v1/applications/{receipt} tells them where it stands and when it
 * is due, and nothing of the hall's internal work. */

G_DEFINE_QUARK (civic-intake-error-quark, civic_intake_error)

/* No 0/O, 1/I/L: a receipt is read out over the phone. */
static const char receipt_alphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
#define RECEIPT_LENGTH 12

char *
civic_intake_new_receipt (void)
{
  char receipt[RECEIPT_LENGTH + 1];

  for (guint i = 0; i < RECEIPT_LENGTH; i++)
    receipt[i] = receipt_alphabet[randombytes_uniform (sizeof receipt_alphabet - 1)];
  receipt[RECEIPT_LENGTH] = '\0';
  return g_strdup (receipt);
}

/**
 * civic_intake_unique_receipt:
 * @taken_sql: a query with one parameter, the receipt, that gives a row
 *   when a record holds it already
 *
 * Returns: (transfer full) (nullable): a receipt no record holds, or
 * %NULL with a refusal when eight draws all were taken
 */
char *
civic_intake_unique_receipt (CivicDb      *db,
                             const char   *taken_sql,
                             GError      **error)
{
  CivicDbStmt *stmt = civic_db_prepare (db, taken_sql, error);

  if (stmt == NULL)
    return NULL;
  for (guint attempt = 0; attempt < 8; attempt++)
    {
      g_autofree char *receipt = civic_intake_new_receipt ();
      gboolean taken;

      civic_db_bind_text (stmt, 1, receipt);
      if (!civic_db_step (db, stmt, &taken, error))
        return NULL;
      civic_db_reset (stmt);
      if (!taken)
        return g_steal_pointer (&receipt);
    }
  g_set_error_literal (error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_RULE,
                       _("No receipt could be given; send it again"));
  return NULL;
}

/* An application the intake cannot take: FALSE, for "return invalid (…)" */
#define invalid(error, ...) \
  G_GNUC_EXTENSION ({ \
    g_set_error ((error), CIVIC_INTAKE_ERROR, CIVIC_INTAKE_ERROR_INVALID, __VA_ARGS__); \
    FALSE; \
  })

/* The lint's checks decide what is a real ID or phone number. */
static gboolean
is_whole (const char       *text,
          CivicPrivacyKind  kind,
          gboolean          allow_probable)
{
  g_autoptr(CivicPrivacyLint) lint = civic_privacy_lint_new ();
  g_autoptr(GPtrArray) findings = civic_privacy_lint_scan (lint, text, -1);
  const CivicPrivacyFinding *finding;

  /* NULL: the lint refuses text that is not UTF-8 */
  if (findings == NULL || findings->len != 1)
    return FALSE;

  finding = g_ptr_array_index (findings, 0);
  return finding->kind == kind && finding->char_start == 0 &&
         finding->byte_end == strlen (text) && (allow_probable || !finding->probable);
}

static char *
next_case_number (CivicDb      *db,
                  const char   *department_id,
                  GDateTime    *received_at,
                  GError      **error)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (received_at, civic_time_zone ());
  g_autofree char *date = g_date_time_format (local, "%Y%m%d");
  g_autofree char *key = g_strdup_printf ("case-number:%s", date);
  g_autofree char *value = civic_server_db_get_meta (db, key);
  g_autofree char *next = NULL;
  g_autofree char *department = g_ascii_strup (department_id, -1);
  gint64 n = value ? g_ascii_strtoll (value, NULL, 10) + 1 : 1;

  next = g_strdup_printf ("%" G_GINT64_FORMAT, n);
  if (!civic_server_db_set_meta (db, key, next, error))
    return NULL;

  /* 办件编号: the day it came in, the department, a running number */
  return g_strdup_printf ("%s-%s-%06" G_GINT64_FORMAT, date, department, n);
}

static const char *
department_name (CivicDb     *db,
                 const char  *id,
                 JsonNode   **holder)
{
  if (db == NULL)
    return id;

  *holder = civic_server_db_get_entity_json (db, CIVIC_ENTITY_DEPARTMENT, id, NULL);
  if (*holder == NULL || !JSON_NODE_HOLDS_OBJECT (*holder))
    return id;
  return json_object_get_string_member_with_default (json_node_get_object (*holder), "name", id);
}

/**
 * civic_intake_new_case:
 * @item: the version of the catalogue item the case is filed under
 *   (civic_item_records_filed_at())
 *
 * Builds a new case for @item: its limits and their units, materials,
 * department and, for a joint item, a sub-task per co-department; numbers
 * it and starts its clock. The case keeps all of it: a later version of
 * the item never changes a case filed before. Call inside a write
 * transaction; the caller saves it.
 */
CivicCase *
civic_intake_new_case (CivicDb               *db,
                       CivicCalendar         *calendar,
                       const char            *id,
                       const CivicItemFiled  *item,
                       const CivicApplicant  *applicant,
                       const char * const    *received_materials,
                       CivicChannel           channel,
                       GDateTime             *received_at,
                       GError               **error)
{
  g_autoptr(CivicCase) kase = NULL;
  g_autoptr(JsonNode) department_holder = NULL;
  g_autofree char *number = NULL;
  g_autofree char *legal_basis = NULL;
  JsonObject *guide = json_node_get_object (item->guide);
  JsonObject *remedies = civic_json_lookup_object (guide, "remedies");
  JsonArray *materials, *joint;
  CivicItemLimit statutory, promised;

  number = next_case_number (db, item->department_id, received_at, error);
  if (number == NULL)
    return NULL;

  civic_item_guide_get_limits (guide, &statutory, &promised);
  if (statutory.days <= 0 || promised.days > statutory.days ||
      (promised.days > 0 && promised.unit != statutory.unit))
    {
      invalid (error, _("The limits of “%s” break the law; its department corrects them"),
               item->code);
      return NULL;
    }
  legal_basis = civic_item_guide_dup_legal_basis (guide);

  kase = civic_case_new (id, number, received_at);
  civic_case_set_item (kase, item->code, civic_item_guide_get_name (guide),
                       g_strcmp0 (civic_item_guide_get_type_code (guide), "01") == 0
                       ? CIVIC_ITEM_KIND_LICENSING : CIVIC_ITEM_KIND_PUBLIC_SERVICE,
                       statutory.days, promised.days,
                       civic_item_guide_is_joint (guide) ? CIVIC_TRACK_JOINT
                                                         : CIVIC_TRACK_ORDINARY,
                       json_object_get_boolean_member_with_default (guide, "hearing_required",
                                                                    FALSE),
                       legal_basis);
  civic_case_set_item_terms (kase, item->version, statutory.unit,
                             promised.days > 0 ? promised.unit : statutory.unit);
  civic_case_set_department (kase, item->department_id,
                             department_name (db, item->department_id, &department_holder));
  /* Who hears an appeal against the authority's refusals, as the
   * catalogue publishes it for the item */
  civic_case_set_item_remedies (kase,
                                remedies != NULL
                                ? civic_json_lookup_string (remedies, "reconsideration_body", NULL)
                                : NULL,
                                remedies != NULL ? civic_json_lookup_string (remedies, "court", NULL)
                                                 : NULL);
  civic_case_set_channel (kase, channel);
  civic_case_set_applicant (kase, applicant);

  materials = json_object_has_member (guide, "materials")
              ? json_object_get_array_member (guide, "materials") : NULL;
  for (guint i = 0; materials != NULL && i < json_array_get_length (materials); i++)
    {
      JsonObject *material = json_array_get_object_element (materials, i);
      const char *material_id = civic_json_lookup_string (material, "id", NULL);

      civic_case_add_material (kase, material_id, civic_json_lookup_string (material, "name", ""),
                               json_object_get_boolean_member_with_default (material, "required",
                                                                            TRUE),
                               received_materials != NULL &&
                               g_strv_contains (received_materials, material_id));
    }

  joint = civic_item_guide_is_joint (guide) && json_object_has_member (guide, "joint_departments")
          ? json_object_get_array_member (guide, "joint_departments") : NULL;
  for (guint i = 0; joint != NULL && i < json_array_get_length (joint); i++)
    {
      g_autoptr(JsonNode) holder = NULL;
      const char *co = json_array_get_string_element (joint, i);

      civic_case_add_subtask (kase, co, department_name (db, co, &holder));
    }

  civic_case_start (kase, calendar);
  return g_steal_pointer (&kase);
}

static gboolean
read_applicant (JsonObject      *object,
                CivicApplicant  *applicant,
                GError         **error)
{
  const char *name, *id_number, *phone, *address, *contact;
  int kind;

  if (!civic_json_get_enum (object, "kind", TRUE, CIVIC_TYPE_APPLICANT_KIND, &kind, error) ||
      !civic_json_get_text (object, "name", TRUE, &name, error) ||
      !civic_json_get_text (object, "id_number", TRUE, &id_number, error) ||
      !civic_json_get_text (object, "phone", TRUE, &phone, error) ||
      !civic_json_get_text (object, "address", FALSE, &address, error) ||
      !civic_json_get_text (object, "contact", kind == CIVIC_APPLICANT_ORGANISATION, &contact,
                            error))
    return FALSE;

  if (g_utf8_strlen (name, -1) > 100 || (address && g_utf8_strlen (address, -1) > 200) ||
      (contact && g_utf8_strlen (contact, -1) > 50))
    return invalid (error, _("The name, address or contact person is too long (at most 100, 200 "
                             "and 50 characters)"));

  if (kind == CIVIC_APPLICANT_PERSON && !is_whole (id_number, CIVIC_PRIVACY_KIND_RESIDENT_ID, FALSE))
    return invalid (error, _("“%s” is not a valid resident ID number"), id_number);

  if (kind == CIVIC_APPLICANT_ORGANISATION &&
      !is_whole (id_number, CIVIC_PRIVACY_KIND_CREDIT_CODE, FALSE))
    return invalid (error, _("“%s” is not a valid unified social credit code"), id_number);

  if (!is_whole (phone, CIVIC_PRIVACY_KIND_MOBILE, FALSE) &&
      !is_whole (phone, CIVIC_PRIVACY_KIND_FIXED_LINE, FALSE))
    return invalid (error, _("“%s” is not a phone number"), phone);

  applicant->kind = kind;
  applicant->name = (char *) name;
  applicant->id_number = (char *) id_number;
  applicant->phone = (char *) phone;
  applicant->address = (char *) address;
  applicant->contact = (char *) contact;
  applicant->masked = FALSE;
  return TRUE;
}

/**
 * civic_intake_submit:
 *
 * Takes an application. Runs its own write transaction.
 *
 * Returns: (transfer full) (nullable): the answer for the applicant, with
 * the receipt code.
 */
char *
civic_intake_submit (CivicDb        *db,
                     CivicCalendar  *calendar,
                     JsonNode       *body,
                     GDateTime      *now,
                     const char     *address,
                     GError        **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(CivicItemFiled) item = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(CivicCase) kase = NULL;
  g_autofree char *receipt = civic_intake_new_receipt ();
  g_autofree char *id = g_uuid_string_random ();
  g_auto(GStrv) materials = NULL;
  CivicApplicant applicant = { 0 };
  JsonObject *object, *applicant_object;
  const char *item_code;
  int channel = CIVIC_CHANNEL_ONLINE;
  g_autoptr(CivicClockReading) reading = NULL;

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    {
      invalid (error, _("Expected a JSON object"));
      return NULL;
    }
  object = json_node_get_object (body);

  if (!civic_json_get_text (object, "item_code", TRUE, &item_code, error) ||
      !civic_json_get_object (object, "applicant", TRUE, &applicant_object, error) ||
      !civic_json_get_strv (object, "materials", FALSE, &materials, error) ||
      !civic_json_get_enum (object, "channel", FALSE, CIVIC_TYPE_CHANNEL, &channel, error) ||
      !read_applicant (applicant_object, &applicant, error))
    {
      if ((*error)->domain != CIVIC_INTAKE_ERROR)
        (*error)->domain = CIVIC_INTAKE_ERROR, (*error)->code = CIVIC_INTAKE_ERROR_INVALID;
      return NULL;
    }

  if (!civic_db_begin (db, error))
    return NULL;

  item = civic_item_records_filed_at (db, item_code, now, error);
  if (item == NULL)
    {
      civic_db_rollback (db);
      if (g_error_matches (*error, CIVIC_ITEM_ERROR, CIVIC_ITEM_ERROR_NOT_IN_EFFECT))
        (*error)->domain = CIVIC_INTAKE_ERROR, (*error)->code = CIVIC_INTAKE_ERROR_NOT_FOUND;
      return NULL;
    }

  kase = civic_intake_new_case (db, calendar, id, item, &applicant,
                                (const char * const *) materials, channel, now, error);
  if (kase == NULL)
    goto fail;

  civic_case_set_rev (kase, 1);
  if (civic_case_records_save (db, kase, calendar, civic_time_day_of (now), receipt, error) == 0 ||
      !civic_audit_append (db, now, NULL, "submit", id, item_code, address, error) ||
      !civic_db_commit (db, error))
    goto fail;

  reading = civic_clock_read (civic_case_get_correction_clock (kase), calendar,
                              civic_time_day_of (now), NULL);

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "receipt", receipt);
  civic_json_set_string (builder, "number", civic_case_get_number (kase));
  civic_json_set_instant (builder, "received_at", civic_case_get_received_at (kase));
  /* ALL Art. 32(4): by this day the applicant hears what is missing, or
   * the application counts as accepted. */
  civic_json_set_day (builder, "correction_deadline", reading->due);
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);
  return civic_json_to_string (answer, FALSE);

fail:
  civic_db_rollback (db);
  return NULL;
}

/**
 * civic_intake_status:
 *
 * Returns: (transfer full) (nullable): where the application with
 * @receipt stands, for the applicant.
 */
char *
civic_intake_status (CivicDb        *db,
                     CivicCalendar  *calendar,
                     const char     *receipt,
                     GDateTime      *now,
                     GError        **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(CivicCase) kase = NULL;
  const CivicDecision *decision;
  GPtrArray *corrections;
  CivicDay today = civic_time_day_of (now);

  kase = civic_case_records_load_by_receipt (db, receipt, error);
  if (kase == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, CIVIC_INTAKE_ERROR, CIVIC_INTAKE_ERROR_NOT_FOUND,
                     _("No application has this receipt code"));
      return NULL;
    }

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "receipt", receipt);
  civic_json_set_string (builder, "number", civic_case_get_number (kase));
  civic_json_set_string (builder, "item_name", civic_case_get_item_name (kase));
  civic_json_set_string (builder, "department_name", civic_case_get_department_name (kase));
  civic_json_set_enum (builder, "state", CIVIC_TYPE_CASE_STATE, civic_case_get_state (kase));
  civic_json_set_string (builder, "state_label",
                         civic_case_state_get_label (civic_case_get_state (kase)));
  civic_json_set_day (builder, "received_on", civic_case_get_received_on (kase));
  civic_json_set_day (builder, "accepted_on", civic_case_get_accepted_on (kase));

  if (civic_case_get_statutory_clock (kase) != NULL)
    {
      g_autoptr(CivicClockReading) reading = civic_clock_read (civic_case_get_statutory_clock (kase),
                                                               calendar, today, NULL);

      civic_json_set_day (builder, "due", reading->due);
      civic_json_set_bool (builder, "paused", reading->status == CIVIC_CLOCK_STATUS_PAUSED);
    }

  /* What the applicant must supply: the correction notice is theirs. */
  corrections = civic_case_get_corrections (kase);
  if (civic_case_get_state (kase) == CIVIC_CASE_STATE_CORRECTION_REQUESTED && corrections->len > 0)
    {
      CivicCorrection *correction = g_ptr_array_index (corrections, corrections->len - 1);

      json_builder_set_member_name (builder, "correction");
      json_builder_begin_object (builder);
      civic_json_set_day (builder, "notified_on", correction->notified_on);
      json_builder_set_member_name (builder, "items");
      json_builder_begin_array (builder);
      for (guint i = 0; correction->items[i] != NULL; i++)
        {
          const CivicMaterial *material = civic_case_find_material (kase, correction->items[i]);

          json_builder_add_string_value (builder, material ? material->name : correction->items[i]);
        }
      json_builder_end_array (builder);
      civic_json_set_string (builder, "note", correction->note);
      json_builder_end_object (builder);
    }

  decision = civic_case_get_decision (kase);
  if (decision != NULL)
    {
      g_autofree char *remedies = civic_workflow_remedies_notice (kase);

      json_builder_set_member_name (builder, "decision");
      json_builder_begin_object (builder);
      civic_json_set_enum (builder, "result", CIVIC_TYPE_RECOMMENDATION, decision->result);
      civic_json_set_day (builder, "on", decision->on);
      civic_json_set_string (builder, "number", decision->number);
      civic_json_set_string (builder, "reason", decision->reason);
      civic_json_set_string (builder, "remedies", remedies);
      json_builder_end_object (builder);
    }

  /* What was served on the applicant electronically, to download */
  json_builder_set_member_name (builder, "documents");
  json_builder_add_value (builder, civic_documents_for_applicant (db, kase, receipt));

  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);
  return civic_json_to_string (answer, FALSE);
}
