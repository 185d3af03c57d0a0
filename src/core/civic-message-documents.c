/* civic-message-documents.c — the written reply to a letter or a mail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "civic-i18n.h"

#include "civic-document.h"
#include "civic-json.h"
#include "civic-message-private.h"

/* A message that came by letter or by mail is answered in writing (书面
 * 答复, 信访工作条例 Art. 32): the reply that went out, as the citizen
 * read it, in a numbered document of the department, with the citizen's
 * name — the document is theirs — and, for a complaint or a report,
 * where its handling is reviewed (Art. 35). The kind's name is looked up
 * in the document's language, whatever the issuing official's is. */

static void
put (GHashTable *values,
     const char *name,
     char       *value)
{
  if (value != NULL)
    g_hash_table_insert (values, g_strdup (name), value);
}

/**
 * civic_message_document_values:
 * @document: the written reply being issued, its round the reply's number
 * @department: (nullable): the issuing department, as the directory has it
 *
 * The words a written reply's template is filled with. The message must
 * hold its citizen unsealed: only the service issues one.
 *
 * Returns: (transfer full) (nullable): name → text, or %NULL and why
 */
GHashTable *
civic_message_document_values (CivicMessage            *self,
                               const CivicCaseDocument *document,
                               JsonObject              *department,
                               GError                 **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gboolean english = document->language == CIVIC_DOCUMENT_LANGUAGE_EN;
  const CivicMessageReply *reply = NULL;
  const char *name = NULL;
  locale_t wanted = civic_document_locale (document->language);
  locale_t previous;

  g_return_val_if_fail (CIVIC_IS_MESSAGE (self), NULL);
  g_return_val_if_fail (document->kind == CIVIC_DOCUMENT_MESSAGE_REPLY, NULL);

  for (guint i = 0; i < self->replies->len; i++)
    if (((CivicMessageReply *) g_ptr_array_index (self->replies, i))->number ==
        (guint) document->round)
      reply = g_ptr_array_index (self->replies, i);
  if (department != NULL)
    name = json_object_get_string_member_with_default (department, english ? "name_en" : "name",
                                                       json_object_get_string_member_with_default (department, "name", NULL));
  if (name == NULL || reply == NULL || self->citizen.masked || self->citizen.name == NULL)
    {
      g_set_error_literal (error, CIVIC_DOCUMENT_ERROR, CIVIC_DOCUMENT_ERROR_RECORD,
                           name == NULL ? _("The issuing department has no name")
                           : reply == NULL ? _("The message has no such reply")
                           : _("A written reply goes to a citizen who gave their name"));
      return NULL;
    }

  put (values, "department.name", g_strdup (name));
  put (values, "department.short",
       g_strdup (json_object_get_string_member_with_default (department, "short", name)));
  put (values, "document.number",
       g_strdup (document->number ? document->number : english ? "[number pending]" : "〔待编号〕"));
  put (values, "issued_on", civic_document_format_date (document->issued_on, document->language));
  put (values, "citizen.name", g_strdup (self->citizen.name));
  put (values, "message.receipt", g_strdup (self->receipt));
  put (values, "message.received_on",
       civic_document_format_date (self->received_on, document->language));
  put (values, "message.subject", g_strdup (self->subject));
  put (values, "reply.text", g_strdup (reply->text));

  previous = wanted != (locale_t) 0 ? uselocale (wanted) : (locale_t) 0;
  put (values, "message.kind", g_strdup (civic_message_kind_get_label (self->kind)));
  /* Art. 35: a complaint's or a report's handling is reviewed by the
   * organ one level up, asked within 30 days */
  if (self->kind == CIVIC_MESSAGE_KIND_COMPLAINT || self->kind == CIVIC_MESSAGE_KIND_REPORT)
    put (values, "reply.review",
         g_strdup (_("If you disagree with how this matter was handled, you may ask the organ "
                     "one level above the one that handled it to review it within 30 days of "
                     "receiving this reply (Regulations on Letters and Visits, Art. 35).")));
  if (previous != (locale_t) 0)
    uselocale (previous);
  return g_steal_pointer (&values);
}
