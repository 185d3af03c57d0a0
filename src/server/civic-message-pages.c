/* civic-message-pages.c — citizens' messages on the public side, as HTML pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-message-pages"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-entity.h"
#include "civic-json.h"
#include "civic-message.h"
#include "civic-message-pages.h"
#include "civic-message-records.h"
#include "civic-evaluation-records.h"
#include "civic-disclosure-public.h"
#include "civic-evaluation.h"
#include "civic-public-pages.h"

/* The portal's own door for a citizen without an app (互动交流): a page
 * with a form to write to the hall and one to follow a message by its
 * receipt; the page a message sent lands on, with its receipt to keep;
 * and a message's page, where it stands and the replies that went out —
 * read, like the JSON status, from the table only sent replies are
 * written to. Plain HTML forms: nothing runs in the browser, the
 * service's pages are sent under a policy that lets nothing run, and a
 * form sent with a mistake comes back with what was written kept and the
 * mistake said above it. */

/* What the public may send: an idea answers a campaign, which has its
 * own page */
static const CivicMessageKind kinds[] = {
  CIVIC_MESSAGE_KIND_CONSULTATION, CIVIC_MESSAGE_KIND_COMPLAINT, CIVIC_MESSAGE_KIND_SUGGESTION,
  CIVIC_MESSAGE_KIND_HELP, CIVIC_MESSAGE_KIND_REPORT,
};

#define text civic_public_page_text

static const char *
value_of (GHashTable *values,
          const char *name)
{
  return values != NULL ? g_hash_table_lookup (values, name) : NULL;
}

#define field civic_public_page_field

/**
 * civic_message_pages_file_field:
 * @out: a form of `enctype="multipart/form-data"`
 *
 * The form's file input: up to five files a message takes. A form that
 * comes back with its mistake cannot keep them (a browser never lets a
 * page fill a file input), and says so.
 */
void
civic_message_pages_file_field (GString *out)
{
  g_string_append (out, "<div><label for=\"files\">");
  text (out, _("Photos or Documents"));
  g_string_append (out, "</label><input id=\"files\" name=\"files\" type=\"file\" multiple "
                        "accept=\".pdf,.txt,.md,.csv,.png,.jpg,.jpeg,.ofd,.doc,.docx,.xls,.xlsx,"
                        ".odt,.ods,.zip\" aria-describedby=\"files-hint\"><p class=\"hint\" "
                        "id=\"files-hint\">");
  text (out, _("Up to five files, 10 MiB in all: PDF, photos (PNG or JPEG), text, Word, Excel, "
               "OpenDocument, OFD or ZIP. If the page comes back with a mistake, choose them "
               "again."));
  g_string_append (out, "</p></div>\n");
}

static gboolean
department_options (CivicDb      *db,
                    GString      *out,
                    const char   *selected,
                    GError      **error)
{
  CivicDbStmt *stmt;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT id, json_extract (data, '$.name') FROM entity "
                               "WHERE type = '" CIVIC_ENTITY_DEPARTMENT "' AND deleted = 0 "
                               "ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while (civic_db_step (db, stmt, &row, error) && row)
    civic_public_page_option (out, civic_db_column_text (stmt, 0),
                              civic_db_column_text (stmt, 1) != NULL
                              ? civic_db_column_text (stmt, 1)
                              : civic_db_column_text (stmt, 0), selected);
  civic_db_reset (stmt);
  return error == NULL || *error == NULL;
}

/**
 * civic_message_pages_form:
 * @values: (nullable): what the citizen wrote, when the form comes back
 * @problem: (nullable): why it came back
 *
 * Returns: (transfer full) (nullable): the page to write to the hall and
 * to follow a message
 */
char *
civic_message_pages_form (CivicDb      *db,
                          GHashTable   *values,
                          const char   *problem,
                          GError      **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *kind = value_of (values, "kind");

  civic_public_page_start (out, CIVIC_PUBLIC_SITE_MESSAGES, _("Write to the Hall"));
  g_string_append (out, "<h1>");
  text (out, _("Write to the Hall"));
  g_string_append (out, "</h1>\n<p>");
  text (out, _("Ask a question, make a complaint or a suggestion, report wrongdoing or ask for "
               "help. The department in charge answers within the time the region sets; you "
               "get a receipt to follow your message by."));
  g_string_append (out, "</p>\n");

  if (problem != NULL)
    {
      g_string_append (out, "<div class=\"notice\" role=\"alert\"><p><strong>");
      text (out, _("Your message was not sent."));
      g_string_append (out, "</strong> ");
      text (out, problem);
      g_string_append (out, "</p></div>\n");
    }

  g_string_append (out, "<form class=\"letter\" method=\"post\" action=\"/public/messages\" "
                        "enctype=\"multipart/form-data\">\n"
                        "<div><label for=\"kind\">");
  text (out, _("What It Is"));
  g_string_append (out, "</label><select id=\"kind\" name=\"kind\">\n");
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    civic_public_page_option (out, civic_enum_to_nick (CIVIC_TYPE_MESSAGE_KIND, kinds[i]),
                              civic_message_kind_get_label (kinds[i]),
                              kind != NULL ? kind : "consultation");
  g_string_append (out, "</select></div>\n");
  field (out, "subject", _("Subject"), "text", value_of (values, "subject"), NULL, NULL, TRUE);
  g_string_append (out, "<div><label for=\"body\">");
  text (out, _("Your Message"));
  g_string_append (out, "</label><textarea id=\"body\" name=\"body\" required>");
  text (out, value_of (values, "body"));
  g_string_append (out, "</textarea></div>\n<div><label for=\"department\">");
  text (out, _("Department"));
  g_string_append (out, "</label><select id=\"department\" name=\"department\" "
                        "aria-describedby=\"department-hint\">\n");
  civic_public_page_option (out, "", _("Not sure: the hall sends it on"),
                            value_of (values, "department"));
  if (!department_options (db, out, value_of (values, "department"), error))
    return NULL;
  g_string_append (out, "</select><p class=\"hint\" id=\"department-hint\">");
  text (out, _("A report goes to the hall, which never sends it to the department it is "
               "about."));
  g_string_append (out, "</p></div>\n");
  field (out, "location", _("Where the Matter Is"), "text", value_of (values, "location"),
         NULL, _("An address, if it is about a place"), FALSE);
  civic_message_pages_file_field (out);
  field (out, "name", _("Your Name"), "text", value_of (values, "name"), "name", NULL, FALSE);
  field (out, "phone", _("Phone"), "tel", value_of (values, "phone"), "tel", NULL, FALSE);
  field (out, "email", _("E-mail"), "email", value_of (values, "email"), "email",
         _("A phone number, an e-mail or an address, so that the department can reach you"),
         FALSE);
  g_string_append (out, "<div class=\"check\"><input id=\"anonymous\" name=\"anonymous\" "
                        "type=\"checkbox\" value=\"yes\"");
  if (value_of (values, "anonymous") != NULL)
    g_string_append (out, " checked");
  g_string_append (out, "><label for=\"anonymous\">");
  text (out, _("Send it without my name (consultations, suggestions and reports only; nobody "
               "can call you back)"));
  g_string_append (out, "</label></div>\n<button type=\"submit\">");
  text (out, _("Send"));
  g_string_append (out, "</button>\n</form>\n");

  g_string_append (out, "<h2>");
  text (out, _("Follow a Message"));
  g_string_append (out, "</h2>\n<form class=\"letter\" method=\"get\" action=\"/public/messages\">\n");
  field (out, "receipt", _("Receipt"), "text", NULL, "off",
         _("The twelve letters and digits you were given when you sent it"), TRUE);
  g_string_append (out, "<button type=\"submit\">");
  text (out, _("Look It Up"));
  g_string_append (out, "</button>\n</form>\n");
  civic_public_page_end (out, CIVIC_PUBLIC_SITE_MESSAGES);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * civic_message_pages_form_to_json:
 *
 * Returns: (transfer full): a form's fields, as the JSON door names them
 */
JsonNode *
civic_message_pages_form_to_json (GHashTable *form)
{
  static const char * const names[] = {
    "kind", "subject", "body", "department", "location", "name", "phone", "email", "campaign",
    NULL
  };
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *value = value_of (form, names[i]);

      if (value != NULL && *value != '\0')
        json_object_set_string_member (object, names[i], value);
    }
  /* A report, which names no department it accuses here, goes to the
   * hall's dispatch: civic_message_records_submit() sees to it */
  json_object_set_boolean_member (object, "anonymous", value_of (form, "anonymous") != NULL);
  json_object_set_string_member (object, "channel", "portal");
  json_node_set_object (node, object);
  return node;
}

/**
 * civic_message_pages_submit:
 * @form: the form as sent
 * @files: (nullable) (element-type CivicFormFile): the files it sent
 * @status: (out): the HTTP status
 * @receipt: (out) (transfer full): the message's receipt, once sent
 *
 * Sends the form's message as the JSON door does.
 *
 * Returns: (transfer full) (nullable): the form again, its mistake said;
 * %NULL once sent (@receipt) or when the service failed (@error)
 */
char *
civic_message_pages_submit (CivicDb        *db,
                            CivicCalendar  *calendar,
                            GDateTime      *now,
                            GHashTable     *form,
                            GPtrArray      *files,
                            const char     *address,
                            guint          *status,
                            char          **receipt,
                            GError        **error)
{
  g_autoptr(JsonNode) body = civic_message_pages_form_to_json (form);
  g_autoptr(GError) refusal = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *sent = civic_message_records_submit_with_files (db, calendar, now, body, files,
                                                                   address, status, &refusal);

  *receipt = NULL;
  if (sent == NULL)
    {
      if (*status >= 500)
        {
          g_propagate_error (error, g_steal_pointer (&refusal));
          return NULL;
        }
      return civic_message_pages_form (db, form, refusal != NULL ? refusal->message : NULL,
                                       error);
    }
  answer = civic_json_parse (sent, -1, error);
  if (answer == NULL)
    return NULL;
  *receipt = g_strdup (json_object_get_string_member (json_node_get_object (answer),
                                                      "receipt"));
  return NULL;
}

/* The public's words for a state (civic_message_records_status) */
static const char *
state_label (const char *state)
{
  if (g_strcmp0 (state, "received") == 0)
    return _("Received, waiting for its department");
  if (g_strcmp0 (state, "replied") == 0)
    return _("Answered");
  if (g_strcmp0 (state, "closed") == 0)
    return _("Closed");
  if (g_strcmp0 (state, "merged") == 0)
    return _("Answered with another message on the same matter");
  return _("Being handled");
}

static void
row (GString    *out,
     const char *term,
     const char *value)
{
  if (value == NULL)
    return;
  g_string_append (out, "<dt>");
  text (out, term);
  g_string_append (out, "</dt><dd>");
  text (out, value);
  g_string_append (out, "</dd>\n");
}

/**
 * civic_message_pages_status:
 *
 * Returns: (transfer full) (nullable): where the message with @receipt
 * stands and its replies, or %NULL without error for no such message
 */
/* The message a receipt names, by its id */
static char *
message_of_receipt (CivicDb      *db,
                    const char   *receipt,
                    GError      **error)
{
  CivicDbStmt *stmt = civic_db_prepare (db, "SELECT id FROM message_record WHERE receipt = ?",
                                        error);
  char *id = NULL;
  gboolean row;

  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, receipt);
  if (civic_db_step (db, stmt, &row, error) && row)
    id = g_strdup (civic_db_column_text (stmt, 0));
  civic_db_reset (stmt);
  return id;
}

/* Once answered, the citizen rates the answer (好差评), once */
static gboolean
rating_part (CivicDb      *db,
             GString      *out,
             const char   *receipt,
             const char   *state,
             GHashTable   *values,
             const char   *problem,
             GError      **error)
{
  g_autofree char *id = NULL;
  const char *chosen = value_of (values, "rating");
  gboolean rated = FALSE;

  /* Why a rating sent was refused, whatever the page shows after it */
  if (problem != NULL)
    {
      g_string_append (out, "<div class=\"notice\" role=\"alert\"><p><strong>");
      text (out, _("Your rating was not sent."));
      g_string_append (out, "</strong> ");
      text (out, problem);
      g_string_append (out, "</p></div>\n");
    }
  if (g_strcmp0 (state, "replied") != 0 && g_strcmp0 (state, "closed") != 0)
    return TRUE;
  id = message_of_receipt (db, receipt, error);
  if (id == NULL)
    return error == NULL || *error == NULL;
  if (!civic_evaluation_records_rated (db, id, &rated, error))
    return FALSE;
  g_string_append (out, "<h2>");
  text (out, _("Rate the Answer"));
  g_string_append (out, "</h2>\n");
  if (rated)
    {
      g_string_append (out, "<p>");
      text (out, _("You rated this answer. Thank you."));
      g_string_append (out, "</p>\n");
      return TRUE;
    }
  g_string_append_printf (out, "<form class=\"letter\" method=\"post\" "
                               "action=\"/public/messages/%s/rating\">\n<fieldset>"
                               "<legend>", receipt);
  text (out, _("How satisfied are you with the answer?"));
  g_string_append (out, "</legend>\n");
  for (int level = CIVIC_RATING_MAX; level >= CIVIC_RATING_MIN; level--)
    {
      g_autofree char *number = g_strdup_printf ("%d", level);

      g_string_append_printf (out, "<div class=\"check\"><input id=\"rating-%d\" "
                                   "name=\"rating\" type=\"radio\" value=\"%d\" required%s>"
                                   "<label for=\"rating-%d\">", level, level,
                              g_strcmp0 (chosen, number) == 0 ? " checked" : "", level);
      text (out, civic_rating_get_label (level));
      g_string_append (out, "</label></div>\n");
    }
  g_string_append (out, "</fieldset>\n<div><label for=\"comment\">");
  text (out, _("What Was Good or Wrong"));
  g_string_append (out, "</label><textarea id=\"comment\" name=\"comment\" "
                        "aria-describedby=\"comment-hint\">");
  text (out, value_of (values, "comment"));
  g_string_append (out, "</textarea><p class=\"hint\" id=\"comment-hint\">");
  text (out, _("Required when you are dissatisfied: the department puts it right within five "
               "working days and may call you."));
  g_string_append (out, "</p></div>\n");
  field (out, "name", _("Your Name"), "text", value_of (values, "name"), "name",
         _("Leave it empty to rate without your name"), FALSE);
  field (out, "phone", _("Phone"), "tel", value_of (values, "phone"), "tel", NULL, FALSE);
  g_string_append (out, "<button type=\"submit\">");
  text (out, _("Send the Rating"));
  g_string_append (out, "</button>\n</form>\n");
  return TRUE;
}

static char *
status_page (CivicDb              *db,
             const char           *receipt,
             GHashTable           *values,
             const char           *problem,
             CivicMessagePageNews  news,
             GError              **error);

/**
 * civic_message_pages_status:
 * @news: what was just sent from a form, to say first
 *
 * Returns: (transfer full) (nullable): where the message with @receipt
 * stands and its replies, or %NULL without error for no such message
 */
char *
civic_message_pages_status (CivicDb               *db,
                            const char            *receipt,
                            CivicMessagePageNews   news,
                            GError               **error)
{
  return status_page (db, receipt, NULL, NULL, news, error);
}

/**
 * civic_message_pages_rate:
 * @form: the rating's form as sent
 * @status: (out): the HTTP status
 *
 * The citizen's rating of the answer to the message with @receipt, sent
 * as `POST /public/v1/evaluations` sends it: the page thanking them, or
 * the message's page again with the mistake said.
 *
 * Returns: (transfer full) (nullable): the page again with its mistake
 * said; %NULL once rated (@status 201), for no such message (@status
 * 404), or when the service failed (@error)
 */
char *
civic_message_pages_rate (CivicDb        *db,
                          CivicCalendar  *calendar,
                          GDateTime      *now,
                          const char     *receipt,
                          GHashTable     *form,
                          const char     *address,
                          guint          *status,
                          GError        **error)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GError) refusal = NULL;
  g_autofree char *sent = NULL;
  const char *rating = value_of (form, "rating");
  const char *comment = value_of (form, "comment");
  const char *name = value_of (form, "name");
  const char *phone = value_of (form, "phone");
  gint64 level = 0;

  *status = 400;
  if (rating == NULL || !g_ascii_string_to_signed (rating, 10, CIVIC_RATING_MIN, CIVIC_RATING_MAX,
                                                   &level, NULL))
    return status_page (db, receipt, form, _("Choose how satisfied you are."),
                        CIVIC_MESSAGE_PAGE_NEWS_NONE, error);
  json_object_set_string_member (object, "receipt", receipt);
  json_object_set_int_member (object, "rating", level);
  if (comment != NULL && *comment != '\0')
    json_object_set_string_member (object, "comment", comment);
  json_object_set_boolean_member (object, "anonymous", name == NULL || *name == '\0');
  if (name != NULL && *name != '\0')
    json_object_set_string_member (object, "name", name);
  if (phone != NULL && *phone != '\0' && name != NULL && *name != '\0')
    json_object_set_string_member (object, "phone", phone);
  json_node_set_object (body, object);

  sent = civic_evaluation_records_submit (db, calendar, now, body, address, status, &refusal);
  if (sent == NULL)
    {
      if (*status >= 500)
        {
          g_propagate_error (error, g_steal_pointer (&refusal));
          return NULL;
        }
      if (*status == 404)
        return NULL;
      return status_page (db, receipt, form, refusal != NULL ? refusal->message : NULL,
                          CIVIC_MESSAGE_PAGE_NEWS_NONE, error);
    }

  /* Sent: the handler sends the browser on to the message's page */
  *status = 201;
  return NULL;
}

static char *
status_page (CivicDb               *db,
             const char            *receipt,
             GHashTable            *values,
             const char            *problem,
             CivicMessagePageNews   news,
             GError               **error)
{
  g_autofree char *status = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *title = NULL;
  JsonObject *object;
  JsonArray *replies;
  int kind = CIVIC_MESSAGE_KIND_CONSULTATION;

  if (receipt == NULL || strlen (receipt) > 64)
    return NULL;
  status = civic_message_records_status (db, receipt, error);
  if (status == NULL)
    return NULL;
  node = civic_json_parse (status, -1, error);
  if (node == NULL)
    return NULL;
  object = json_node_get_object (node);
  civic_enum_from_nick (CIVIC_TYPE_MESSAGE_KIND,
                        json_object_get_string_member_with_default (object, "kind", ""), &kind);

  out = g_string_new (NULL);
  /* Translators: a message's page title: "Message K5Z7GAZJRPYH" */
  title = g_strdup_printf (_("Message %s"), receipt);
  civic_public_page_start (out, CIVIC_PUBLIC_SITE_MESSAGES, title);
  g_string_append (out, "<h1>");
  text (out, title);
  g_string_append (out, "</h1>\n");
  if (news == CIVIC_MESSAGE_PAGE_NEWS_SENT)
    {
      const char *due = json_object_get_string_member_with_default (object, "due_on", NULL);

      g_string_append (out, "<div class=\"notice\" role=\"status\"><p><strong>");
      text (out, _("Your Message Was Sent"));
      g_string_append (out, "</strong> ");
      text (out, _("Keep this receipt: with it you can see where your message stands, and read "
                   "the reply."));
      g_string_append (out, "</p>\n<p class=\"receipt\">");
      text (out, receipt);
      g_string_append (out, "</p>\n");
      if (due != NULL)
        {
          g_autofree char *when = g_strdup_printf (_("The department in charge answers by %s."),
                                                   due);

          g_string_append (out, "<p>");
          text (out, when);
          g_string_append (out, "</p>\n");
        }
      g_string_append (out, "</div>\n");
    }
  else if (news == CIVIC_MESSAGE_PAGE_NEWS_RATED)
    {
      g_string_append (out, "<div class=\"notice\" role=\"status\"><p><strong>");
      text (out, _("Thank You for Your Rating"));
      g_string_append (out, "</strong> ");
      text (out, _("A bad rating is put right by the department, and the hall checks that it "
                   "is."));
      g_string_append (out, " <a href=\"/public/ratings\">");
      text (out, _("How the departments are rated"));
      g_string_append (out, "</a></p></div>\n");
    }
  g_string_append (out, "<dl class=\"catalogue\">\n");
  row (out, _("Subject"), json_object_get_string_member_with_default (object, "subject", NULL));
  row (out, _("What It Is"), civic_message_kind_get_label (kind));
  row (out, _("Department"), json_object_get_string_member_with_default (object, "department",
                                                                         NULL));
  row (out, _("Where It Stands"),
       state_label (json_object_get_string_member_with_default (object, "state", NULL)));
  row (out, C_("public message", "Received"),
       json_object_get_string_member_with_default (object, "received_on", NULL));
  row (out, _("Answer By"), json_object_get_string_member_with_default (object, "due_on", NULL));
  g_string_append (out, "</dl>\n<h2>");
  text (out, _("Replies"));
  g_string_append (out, "</h2>\n");
  replies = json_object_get_array_member (object, "replies");
  if (json_array_get_length (replies) == 0)
    {
      g_string_append (out, "<p>");
      text (out, _("No reply yet."));
      g_string_append (out, "</p>\n");
    }
  else
    {
      g_string_append (out, "<ol class=\"replies\">\n");
      for (guint i = 0; i < json_array_get_length (replies); i++)
        {
          JsonObject *reply = json_array_get_object_element (replies, i);
          const char *on = json_object_get_string_member_with_default (reply, "sent_on", "");

          g_string_append_printf (out, "<li><p class=\"meta\"><time datetime=\"%s\">", on);
          text (out, on);
          g_string_append (out, "</time></p>");
          text (out, json_object_get_string_member_with_default (reply, "text", ""));
          g_string_append (out, "</li>\n");
        }
      g_string_append (out, "</ol>\n");
    }
  if (!rating_part (db, out, receipt,
                    json_object_get_string_member_with_default (object, "state", NULL), values,
                    problem, error))
    return NULL;
  g_string_append (out, "<p><a href=\"/public/messages\">");
  text (out, _("Write to the hall, or follow another message"));
  g_string_append (out, "</a></p>\n");
  civic_public_page_end (out, CIVIC_PUBLIC_SITE_MESSAGES);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * civic_message_pages_ratings:
 *
 * Returns: (transfer full) (nullable): every rated department's public
 * indicators, as a table
 */
char *
civic_message_pages_ratings (CivicDb      *db,
                             GError      **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GArray) indicators = NULL;

  if (!civic_evaluation_records_indicators (db, &departments, &indicators, error))
    return NULL;
  civic_public_page_start (out, CIVIC_PUBLIC_SITE_MESSAGES, _("How the Departments Are Rated"));
  g_string_append (out, "<h1>");
  text (out, _("How the Departments Are Rated"));
  g_string_append (out, "</h1>\n<p>");
  text (out, _("Citizens rate each answer and each case they applied for, from very satisfied to "
               "very dissatisfied. A bad rating is put right by the department; one the hall "
               "found mistaken or malicious on appeal is not counted."));
  g_string_append (out, "</p>\n");
  if (departments->len == 0)
    {
      g_string_append (out, "<p>");
      text (out, _("No ratings yet"));
      g_string_append (out, "</p>\n");
    }
  else
    {
      g_string_append (out, "<div class=\"body\"><table>\n<caption>");
      text (out, _("Ratings by department"));
      g_string_append (out, "</caption>\n<thead><tr><th scope=\"col\">");
      text (out, _("Department"));
      g_string_append (out, "</th><th scope=\"col\" class=\"align-right\">");
      text (out, _("Ratings"));
      g_string_append (out, "</th><th scope=\"col\" class=\"align-right\">");
      text (out, _("Satisfied or better"));
      g_string_append (out, "</th><th scope=\"col\" class=\"align-right\">");
      text (out, _("Bad"));
      g_string_append (out, "</th><th scope=\"col\" class=\"align-right\">");
      text (out, _("Put right"));
      g_string_append (out, "</th></tr></thead>\n<tbody>\n");
      for (guint i = 0; i < departments->len; i++)
        {
          const char *id = g_ptr_array_index (departments, i);
          const CivicRatingIndicators *counts = &g_array_index (indicators,
                                                                CivicRatingIndicators, i);
          g_autofree char *name = civic_disclosure_public_department_name (db, id);
          g_autofree char *good = counts->total > 0
                                  ? g_strdup_printf ("%.1f%%", 100.0 * counts->good / counts->total)
                                  : g_strdup ("—");
          g_autofree char *put_right = counts->bad > 0
                                       ? g_strdup_printf ("%" G_GINT64_FORMAT " / %" G_GINT64_FORMAT,
                                                          counts->rectified, counts->bad)
                                       : g_strdup ("—");

          g_string_append (out, "<tr><th scope=\"row\">");
          text (out, name != NULL ? name : id);
          g_string_append_printf (out, "</th><td class=\"align-right\">%" G_GINT64_FORMAT
                                       "</td><td class=\"align-right\">", counts->total);
          text (out, good);
          g_string_append_printf (out, "</td><td class=\"align-right\">%" G_GINT64_FORMAT
                                       "</td><td class=\"align-right\">", counts->bad);
          text (out, put_right);
          g_string_append (out, "</td></tr>\n");
        }
      g_string_append (out, "</tbody></table></div>\n");
    }
  g_string_append (out, "<p><a href=\"/public/messages\">");
  text (out, _("Write to the hall, or follow another message"));
  g_string_append (out, "</a></p>\n");
  civic_public_page_end (out, CIVIC_PUBLIC_SITE_MESSAGES);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
