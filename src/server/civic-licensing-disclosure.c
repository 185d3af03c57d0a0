/* civic-licensing-disclosure.c — a licence granted, drafted for publication
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-licensing-disclosure"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "civic-i18n.h"

#include "civic-audit.h"
#include "civic-commands.h"
#include "civic-disclosure-kind.h"
#include "civic-document.h"
#include "civic-entity.h"
#include "civic-feed.h"
#include "civic-json.h"
#include "civic-licensing-disclosure.h"
#include "civic-server-db.h"

/* The decisions granting administrative licences are made public
 * (Administrative Licensing Law Art. 40; Regulations on Government
 * Information Disclosure Art. 20(5)). When a case is decided with a
 * grant, the service drafts the organ's disclosure of it in the same
 * transaction, by its own command draft-licensing-disclosure: the
 * decision's number, the item, the holder, the day and the organ — never
 * an address, a phone or an ID number. A natural person's name is marked
 * as personal, so the privacy gate holds the draft until a reviewer
 * redacts the name or says the law requires it public; an
 * organisation's name and credit code are public by law. The draft then
 * goes through the organ's review like any disclosure. Its id is derived
 * from the case's, so a decision replayed drafts nothing twice; a denial
 * drafts nothing. The text is in Chinese, the organ's language, whoever
 * decided. */

#define ID_PREFIX "licensing-disclosure\n"

static char *
disclosure_id (const char *case_id)
{
  g_autofree char *seed = g_strconcat (ID_PREFIX, case_id, NULL);

  return civic_commands_derived_id (seed);
}

/* A cell of a Markdown table: its bars and line breaks would break it */
static void
cell (GString    *out,
      const char *value)
{
  for (const char *p = value != NULL ? value : ""; *p != '\0'; p++)
    {
      if (*p == '|')
        g_string_append (out, "\\|");
      else if (*p == '\n' || *p == '\r')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
}

static void
table_row (GString    *out,
           const char *label,
           const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append (out, "| ");
  cell (out, label);
  g_string_append (out, " | ");
  cell (out, value);
  g_string_append (out, " |\n");
}

/* The organ's column for licences, by the columns' naming (ORGAN-licensing),
 * when it has one */
static const char *
licensing_column (CivicDb     *db,
                  const char  *organ,
                  char       **holder)
{
  g_autoptr(JsonNode) column = NULL;

  *holder = g_strconcat (organ, "-licensing", NULL);
  column = civic_server_db_get_entity_json (db, CIVIC_ENTITY_DISCLOSURE_COLUMN, *holder, NULL);
  return column != NULL ? *holder : NULL;
}

/**
 * civic_licensing_disclosure_draft:
 * @kase: the case as its decision left it, personal data in clear
 *
 * Drafts the publication of a licence granted, inside the caller's
 * transaction; nothing for a case not granted.
 */
gboolean
civic_licensing_disclosure_draft (CivicDb        *db,
                                  CivicCalendar  *calendar,
                                  GDateTime      *now,
                                  CivicCase      *kase,
                                  GError        **error)
{
  const CivicDecision *decision = civic_case_get_decision (kase);
  const CivicApplicant *applicant = civic_case_get_applicant (kase);
  CivicCommandEnv env = { db, calendar, now, NULL, NULL };
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(JsonObject) args = json_object_new ();
  g_autoptr(JsonObject) data = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *day = NULL;
  g_autofree char *item = NULL;
  g_autofree char *column_holder = NULL;
  g_autofree char *refusal = NULL;
  gboolean person;
  const char *column;
  locale_t chinese, previous = (locale_t) 0;
  JsonArray *columns;

  if (decision == NULL || decision->result != CIVIC_RECOMMENDATION_APPROVE ||
      civic_case_get_item_kind (kase) != CIVIC_ITEM_KIND_LICENSING)
    return TRUE;
  person = applicant != NULL && applicant->kind == CIVIC_APPLICANT_PERSON;
  day = civic_day_format (decision->on);
  item = g_strdup_printf ("%s（%s）", civic_case_get_item_name (kase),
                          civic_case_get_item_code (kase));

  chinese = civic_document_locale (CIVIC_DOCUMENT_LANGUAGE_ZH);
  if (chinese != (locale_t) 0)
    previous = uselocale (chinese);
  /* Translators: a licence's publication: "Licence granted: 食品经营许可证核发
   * (湘市监许〔2026〕12号)"; it is written in Chinese whatever the language of
   * who decided */
  title = g_strdup_printf (_("Licence granted: %s (%s)"), civic_case_get_item_name (kase),
                           decision->number != NULL ? decision->number
                                                    : civic_case_get_number (kase));
  g_string_append_printf (body, "%s\n\n| %s | %s |\n|---|---|\n",
                          _("The decision below grants an administrative licence and is made "
                            "public under Article 40 of the Administrative Licensing Law."),
                          _("Item"), _("Content"));
  table_row (body, _("Decision number"), decision->number);
  table_row (body, _("Licensed matter"), item);
  table_row (body, _("Holder"), applicant != NULL && !applicant->masked ? applicant->name : NULL);
  if (!person && applicant != NULL && !applicant->masked)
    table_row (body, _("Unified social credit code"), applicant->id_number);
  table_row (body, _("Date of decision"), day);
  table_row (body, _("Licensing organ"), civic_case_get_department_name (kase));
  table_row (body, _("Legal basis"), decision->legal_basis != NULL ? decision->legal_basis
                                                                   : civic_case_get_item_legal_basis (kase));
  if (previous != (locale_t) 0)
    uselocale (previous);

  id = disclosure_id (civic_case_get_id (kase));
  json_object_set_string_member (args, "title", title);
  json_object_set_string_member (args, "category", "licensing");
  json_object_set_string_member (args, "formed_on", day);
  json_object_set_string_member (args, "department_id", civic_case_get_department_id (kase));
  json_object_set_string_member (args, "body", body->str);
  if (decision->number != NULL)
    json_object_set_string_member (args, "document_number", decision->number);
  column = licensing_column (db, civic_case_get_department_id (kase), &column_holder);
  if (column != NULL)
    {
      columns = json_array_new ();
      json_array_add_string_element (columns, column);
      json_object_set_array_member (args, "columns", columns);
    }
  if (person && applicant->name != NULL && !applicant->masked)
    {
      JsonArray *names = json_array_new ();

      json_array_add_string_element (names, applicant->name);
      json_object_set_array_member (args, "personal_names", names);
    }
  data = civic_commands_run_nested (&env, id,
                                    civic_disclosure_kind.action_to_string (
                                      CIVIC_DISCLOSURE_ACTION_DRAFT_LICENSING),
                                    id, args, &refusal, error);
  if (data == NULL && refusal != NULL)
    {
      g_autoptr(GString) detail = g_string_new ("{\"disclosure\":");

      /* The decision stands; what kept its publication from being drafted
       * is on the audit record for the organ to act on */
      civic_json_append_string (detail, id);
      g_string_append (detail, ",\"refused\":");
      civic_json_append_string (detail, refusal);
      g_string_append_c (detail, '}');
      return civic_audit_append (db, now, "system", "licensing-disclosure-not-drafted",
                                 civic_case_get_id (kase), detail->str, NULL, error);
    }
  return data != NULL;
}
