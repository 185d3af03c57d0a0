/* civic-mail.c — citizens' e-mail filed as messages, and the replies mailed back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-mail"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>
#include <gmime/gmime.h>

#include "civic-i18n.h"

#include "civic-commands.h"
#include "civic-core-enums.h"
#include "civic-entity.h"
#include "civic-json.h"
#include "civic-documents.h"
#include "civic-mail.h"
#include "civic-message-files.h"
#include "civic-message-kind.h"
#include "civic-message-records.h"
#include "civic-server-db.h"
#include "civic-time.h"

/* The hall's mailbox (docs/plans/messages.md, decision 12). An operator
 * pipes what the mail system received — one message or an mbox — into
 * `civicdesk-server mail import`; each is filed as a citizen's message,
 * channel e-mail, by the service itself:
 *
 * - its Message-ID (or, without one, a hash of its headers) makes the
 *   command's id and the message's, so a mail imported twice is filed
 *   once;
 * - the text is the plain part, or the HTML part's text when there is no
 *   plain one, in whatever charset it came (GB18030 included) and
 *   transfer encoding; its attachments are the message's files, as many
 *   as the public side takes with a message (the rest are named at the
 *   end of the text);
 * - the sender is the citizen (name and address, sealed like every
 *   citizen's details); the mailbox it was sent to names the department
 *   when its local part is one's id, else the hall's dispatch routes it;
 * - a subject that starts with 【投诉】, [建议] and the like says the kind;
 *   others are consultations, which the handler can reclassify by reply.
 *
 * `civicdesk-server mail replies --outbox DIR` writes each reply that went
 * out to a mailed message as an RFC 5322 message answering it
 * (In-Reply-To), once, for the mail system to send. */

G_DEFINE_QUARK (civic-mail-error-quark, civic_mail_error)

/* GMime 3.2 declares none of these */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMessage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeParser, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeStream, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeTextPart, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimePart, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMultipart, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeDataWrapper, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (InternetAddressList, g_object_unref)

#define ID_PREFIX "mail-"

static void
ensure_gmime (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_mime_init ();
      g_once_init_leave (&done, 1);
    }
}

void
civic_mail_import_clear (CivicMailImport *result)
{
  g_clear_pointer (&result->refused, g_ptr_array_unref);
}

/* Reading a mail */

typedef struct
{
  char      *plain;
  char      *html;
  GPtrArray *attachments;  /* CivicFormFile */
} Parts;

/* Text as UTF-8 whatever it came as: a part that named no charset is
 * often GB2312 or GBK, which GB18030 reads; what still is not UTF-8 has
 * its bad bytes replaced, never stored as they are */
static char *
valid_text (char *text)
{
  char *converted;

  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return text;
  converted = g_convert (text, -1, "UTF-8", "GB18030", NULL, NULL, NULL);
  if (converted == NULL || !g_utf8_validate (converted, -1, NULL))
    {
      g_free (converted);
      converted = g_utf8_make_valid (text, -1);
    }
  g_free (text);
  return converted;
}

static void
collect_part (GMimeObject *parent,
              GMimeObject *part,
              gpointer     user_data)
{
  Parts *parts = user_data;
  GMimeContentType *type = g_mime_object_get_content_type (part);

  if (GMIME_IS_PART (part) && g_mime_part_is_attachment (GMIME_PART (part)))
    {
      const char *name = g_mime_part_get_filename (GMIME_PART (part));
      g_autofree char *valid_name = valid_text (g_strdup (name != NULL ? name : "?"));
      g_autofree char *mime_type = g_mime_content_type_get_mime_type (type);
      g_autofree char *media_type = g_ascii_strdown (mime_type, -1);
      GMimeDataWrapper *wrapper = g_mime_part_get_content (GMIME_PART (part));
      g_autoptr(GMimeStream) stream = g_mime_stream_mem_new ();
      GByteArray *array;
      g_autoptr(GBytes) content = NULL;

      /* The bytes as they were before their transfer encoding */
      if (wrapper != NULL)
        g_mime_data_wrapper_write_to_stream (wrapper, stream);
      array = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (stream));
      content = g_bytes_new (array->data, array->len);
      g_ptr_array_add (parts->attachments, civic_form_file_new (valid_name, media_type, content));
      return;
    }
  if (!GMIME_IS_TEXT_PART (part))
    return;
  if (parts->plain == NULL && g_mime_content_type_is_type (type, "text", "plain"))
    parts->plain = valid_text (g_mime_text_part_get_text (GMIME_TEXT_PART (part)));
  else if (parts->html == NULL && g_mime_content_type_is_type (type, "text", "html"))
    parts->html = valid_text (g_mime_text_part_get_text (GMIME_TEXT_PART (part)));
}

/* An HTML part's text: tags dropped, a block's end a line's, the common
 * entities read */
static char *
html_to_text (const char *html)
{
  static const struct { const char *entity, *text; } entities[] = {
    { "&nbsp;", " " }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&#39;", "'" },
    { "&amp;", "&" },
  };
  static const char * const breaks[] = { "br", "/p", "/div", "/li", "/tr", "/h1", "/h2", "/h3",
                                         NULL };
  GString *text = g_string_new (NULL);
  const char *p = html;

  while (*p != '\0')
    {
      if (*p == '<')
        {
          const char *end = strchr (p, '>');
          g_autofree char *tag = NULL;

          if (end == NULL)
            break;
          tag = g_ascii_strdown (p + 1, end - p - 1);
          g_strstrip (tag);
          for (guint i = 0; breaks[i] != NULL; i++)
            if (g_str_has_prefix (tag, breaks[i]) &&
                (tag[strlen (breaks[i])] == '\0' || tag[strlen (breaks[i])] == ' ' ||
                 tag[strlen (breaks[i])] == '/'))
              g_string_append_c (text, '\n');
          /* What a style or a script says is not the text */
          if (g_str_has_prefix (tag, "style") || g_str_has_prefix (tag, "script"))
            {
              const char *close = strstr (end, g_str_has_prefix (tag, "style") ? "</style"
                                                                                  : "</script");

              end = close != NULL ? strchr (close, '>') : NULL;
              if (end == NULL)
                break;
            }
          p = end + 1;
          continue;
        }
      if (*p == '&')
        {
          gboolean known = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (entities) && !known; i++)
            if (g_str_has_prefix (p, entities[i].entity))
              {
                g_string_append (text, entities[i].text);
                p += strlen (entities[i].entity);
                known = TRUE;
              }
          if (known)
            continue;
        }
      g_string_append_c (text, *p++);
    }
  return g_string_free (text, FALSE);
}

/* Lines' ends made one kind, the runs of blank lines one, the ends
 * trimmed */
static char *
tidy_text (const char *text)
{
  g_auto(GStrv) lines = NULL;
  GString *out = g_string_new (NULL);
  guint blank = 0;
  g_autofree char *unix_text = NULL;

  unix_text = g_strdup (text);
  for (char *c = unix_text; *c != '\0'; c++)
    if (*c == '\r')
      *c = c[1] == '\n' ? ' ' : '\n';
  lines = g_strsplit (unix_text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (lines[i][0] == '\0')
        {
          blank++;
          continue;
        }
      if (out->len > 0)
        g_string_append (out, blank > 0 ? "\n\n" : "\n");
      blank = 0;
      g_string_append (out, lines[i]);
    }
  return g_string_free (out, FALSE);
}

/* The kind a subject names: "【投诉】…", "[建议]…", "投诉：…" */
static const char *
kind_of_subject (const char **subject)
{
  static const struct { const char *word, *kind; } words[] = {
    { "投诉", "complaint" }, { "建议", "suggestion" }, { "求助", "help" },
    { "咨询", "consultation" }, { "举报", "report" },
  };
  static const char * const opens[] = { "【", "[", "［", "", NULL };
  static const char * const closes[] = { "】", "]", "］", "：", ":", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    for (guint o = 0; opens[o] != NULL; o++)
      for (guint c = 0; closes[c] != NULL; c++)
        {
          g_autofree char *prefix = g_strconcat (opens[o], words[i].word, closes[c], NULL);

          /* "投诉" bare is a word of the subject, not its label */
          if (*opens[o] == '\0' && (g_str_equal (closes[c], "】") || g_str_equal (closes[c], "]") ||
                                    g_str_equal (closes[c], "］")))
            continue;
          if (g_str_has_prefix (*subject, prefix))
            {
              *subject += strlen (prefix);
              while (**subject == ' ')
                (*subject)++;
              return words[i].kind;
            }
        }
  return "consultation";
}

/* The department whose id is the local part of the first address the
 * mail was sent to ("scjg@12345.hunan.gov.cn"), or NULL for the hall's
 * dispatch */
static char *
department_of (CivicDb          *db,
               GMimeMessage     *mail,
               GError          **error)
{
  InternetAddressList *to = g_mime_message_get_to (mail);
  g_autoptr(GError) local = NULL;
  g_autoptr(JsonNode) known = NULL;
  g_autofree char *department = NULL;
  const char *address, *at;

  for (int i = 0; to != NULL && i < internet_address_list_length (to); i++)
    {
      InternetAddress *entry = internet_address_list_get_address (to, i);

      if (!INTERNET_ADDRESS_IS_MAILBOX (entry))
        continue;
      address = internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (entry));
      at = address != NULL ? strchr (address, '@') : NULL;
      if (at == NULL || at == address || at - address > 64)
        continue;
      department = g_ascii_strdown (address, at - address);
      known = civic_server_db_get_entity_json (db, CIVIC_ENTITY_DEPARTMENT, department, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      return known != NULL ? g_steal_pointer (&department) : NULL;
    }
  return NULL;
}

/* The id a mail is filed under: from its Message-ID, or its headers */
static char *
id_of (GMimeMessage *mail)
{
  const char *message_id = g_mime_message_get_message_id (mail);
  g_autofree char *headers = NULL;
  g_autofree char *hash = NULL;

  if (message_id == NULL || *message_id == '\0')
    {
      headers = g_mime_object_get_headers (GMIME_OBJECT (mail), NULL);
      hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, headers != NULL ? headers : "",
                                            -1);
    }
  else
    hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, message_id, -1);
  return g_strdup_printf (ID_PREFIX "%.40s", hash);
}

/* A text cut to @max characters, at a character */
static char *
cut (const char *text,
     glong       max)
{
  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);
  return g_utf8_substring (text, 0, max);
}

static gboolean
remember_origin (CivicDb       *db,
                 const char    *id,
                 GMimeMessage  *mail,
                 GError       **error)
{
  const char *message_id = g_mime_message_get_message_id (mail);
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db, "INSERT INTO mail_origin (message_id, rfc_message_id) "
                               "VALUES (?, ?) ON CONFLICT (message_id) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, id);
  civic_db_bind_text (stmt, 2, message_id);
  return civic_db_run (db, stmt, error);
}

/* One mail, filed; a refusal (the rules', or a mail without a sender)
 * goes to @result, not to @error */
static gboolean
file_mail (CivicDb          *db,
           CivicCalendar    *calendar,
           GDateTime        *now,
           GMimeMessage     *mail,
           CivicMailImport  *result,
           GError          **error)
{
  g_autoptr(JsonObject) args = json_object_new ();
  g_autoptr(JsonObject) filed = NULL;
  g_autoptr(JsonNode) existing = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *id = id_of (mail);
  g_autofree char *department = NULL;
  g_autofree char *text = NULL;
  g_autofree char *subject_text = NULL;
  g_autofree char *received_on = NULL;
  g_autofree char *refusal = NULL;
  Parts parts = { NULL, NULL, g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                            civic_form_file_free) };
  GPtrArray *files = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_form_file_free);
  gsize files_size = 0;
  CivicCommandEnv env = { db, calendar, now, "mail", NULL };
  InternetAddressList *from = g_mime_message_get_from (mail);
  InternetAddress *sender = from != NULL && internet_address_list_length (from) > 0
                            ? internet_address_list_get_address (from, 0) : NULL;
  const char *message_id = g_mime_message_get_message_id (mail);
  g_autofree char *subject_valid = valid_text (g_strdup (g_mime_message_get_subject (mail)));
  g_autofree char *name_valid = NULL;
  const char *subject = subject_valid;
  const char *address = NULL, *name = NULL, *kind;

  if (message_id == NULL)
    message_id = id;

  /* Filed before: once is enough */
  existing = civic_server_db_get_entity_json (db, CIVIC_ENTITY_MESSAGE, id, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      goto out;
    }
  if (existing != NULL)
    {
      /* …and remembered, should the last import have stopped between
       * the two */
      if (!civic_db_begin (db, error))
        goto out;
      if (!remember_origin (db, id, mail, error) || !civic_db_commit (db, error))
        {
          civic_db_rollback (db);
          goto out;
        }
      result->already++;
      goto out;
    }

  if (sender != NULL && INTERNET_ADDRESS_IS_MAILBOX (sender))
    {
      address = internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (sender));
      name = name_valid = valid_text (g_strdup (internet_address_get_name (sender)));
    }
  if (address == NULL || strchr (address, '@') == NULL || !g_utf8_validate (address, -1, NULL))
    {
      g_ptr_array_add (result->refused,
                       g_strdup_printf (_("%s: it names no sender to answer"), message_id));
      goto out;
    }

  g_mime_message_foreach (mail, collect_part, &parts);
  if (parts.plain != NULL)
    text = tidy_text (parts.plain);
  else if (parts.html != NULL)
    {
      g_autofree char *plain = html_to_text (parts.html);

      text = tidy_text (plain);
    }
  g_string_append (body, text != NULL ? text : "");
  /* Its files, as many as the public side takes; the rest named */
  civic_message_files_name_types (parts.attachments);
  for (guint i = 0; i < parts.attachments->len; i++)
    {
      CivicFormFile *file = g_ptr_array_index (parts.attachments, i);
      gsize size = g_bytes_get_size (file->content);

      if (files->len < CIVIC_MESSAGE_PUBLIC_MAX_FILES &&
          files_size + size <= CIVIC_MESSAGE_PUBLIC_MAX_FILES_SIZE &&
          civic_attachment_blobs_check (file->name, file->media_type, size, NULL))
        {
          g_ptr_array_add (files, civic_form_file_new (file->name, file->media_type,
                                                       file->content));
          files_size += size;
        }
      else
        /* Translators: at the end of a mailed message's text: an attachment
         * it came with, which is not filed with it (its type, or too many) */
        g_string_append_printf (body, _("\n[Attachment not filed: %s]"), file->name);
    }

  subject = subject != NULL ? subject : "";
  while (*subject == ' ')
    subject++;
  kind = kind_of_subject (&subject);
  subject_text = cut (*subject != '\0' ? subject
                      : body->len > 0 ? body->str : _("(no subject)"), 60);
  if (body->len == 0)
    g_string_append (body, subject_text);
  if (g_utf8_strlen (body->str, -1) > CIVIC_MESSAGE_BODY_MAX)
    {
      g_ptr_array_add (result->refused,
                       g_strdup_printf (_("%s: its text is longer than a message can be"),
                                        message_id));
      goto out;
    }

  /* A report goes to the hall's dispatch, whatever mailbox it was sent
   * to: it may be the department it is about (信访工作条例 Art. 30) */
  if (!g_str_equal (kind, "report"))
    {
      department = department_of (db, mail, error);
      if (error != NULL && *error != NULL)
        goto out;
    }

  /* Received the day the hall's mailbox is read: the Date: header is the
   * sender's to write, and a backdated mail must not arrive overdue */
  received_on = civic_day_format (civic_time_day_of (now));

  json_object_set_string_member (args, "kind", kind);
  json_object_set_string_member (args, "channel", "email");
  json_object_set_string_member (args, "subject", subject_text);
  json_object_set_string_member (args, "body", body->str);
  json_object_set_boolean_member (args, "anonymous", FALSE);
  json_object_set_string_member (args, "citizen_name",
                                 name != NULL && *name != '\0' ? name : address);
  json_object_set_string_member (args, "email", address);
  if (department != NULL)
    json_object_set_string_member (args, "department_id", department);
  json_object_set_string_member (args, "received_on", received_on);
  if (files->len > 0)
    {
      JsonNode *attachments = civic_message_files_keep_all (db, id, files, "mail", now, error);

      if (attachments == NULL)
        goto out;
      json_object_set_member (args, "attachments", attachments);
    }

  /* The message's id is the mail's, so that it is filed once; the
   * command's is the mail's and what it said, so that a mail refused
   * once is tried again when what refused it has changed */
  {
    g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), args);
    g_autofree char *canonical = civic_json_to_string (node, FALSE);
    g_autofree char *seed = g_strconcat (id, "\n", canonical, NULL);
    g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, seed, -1);
    g_autofree char *command_id = g_strdup_printf (ID_PREFIX "%.40s", hash);

    filed = civic_commands_run_as_service (&env, command_id,
                                           civic_message_kind.action_to_string (
                                             CIVIC_MESSAGE_ACTION_REGISTER),
                                           id, args, &refusal, error);
  }
  if (filed == NULL)
    {
      g_autoptr(GError) kept = NULL;

      if (files->len > 0 && !civic_message_files_forget (db, id, &kept))
        g_warning ("The files of refused mail %s were kept: %s", message_id, kept->message);
      if (refusal != NULL)
        g_ptr_array_add (result->refused, g_strdup_printf ("%s: %s", message_id, refusal));
      goto out;
    }
  if (!civic_db_begin (db, error))
    goto out;
  if (!remember_origin (db, id, mail, error) || !civic_db_commit (db, error))
    {
      civic_db_rollback (db);
      goto out;
    }
  result->filed++;

out:
  g_free (parts.plain);
  g_free (parts.html);
  g_ptr_array_unref (parts.attachments);
  g_ptr_array_unref (files);
  return error == NULL || *error == NULL;
}

/**
 * civic_mail_import:
 * @input: one RFC 5322 message, or an mbox of them
 * @result: (out caller-allocates): what was filed, what was filed before,
 *   what was refused and why
 *
 * Files each mail as a citizen's message, in a transaction of its own.
 *
 * Returns: %FALSE when the service failed, or when @input holds no mail
 */
gboolean
civic_mail_import (CivicDb          *db,
                   CivicCalendar    *calendar,
                   GDateTime        *now,
                   GBytes           *input,
                   CivicMailImport  *result,
                   GError          **error)
{
  g_autoptr(GMimeStream) stream = NULL;
  g_autoptr(GMimeParser) parser = NULL;
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (input, &length);
  gboolean mbox = length >= 5 && memcmp (data, "From ", 5) == 0;
  guint n = 0;

  ensure_gmime ();
  memset (result, 0, sizeof *result);
  result->refused = g_ptr_array_new_with_free_func (g_free);

  stream = g_mime_stream_mem_new_with_buffer ((const char *) data, length);
  parser = g_mime_parser_new_with_stream (stream);
  g_mime_parser_set_format (parser, mbox ? GMIME_FORMAT_MBOX : GMIME_FORMAT_MESSAGE);
  while (!g_mime_parser_eos (parser))
    {
      g_autoptr(GMimeMessage) mail = g_mime_parser_construct_message (parser, NULL);

      if (mail == NULL)
        break;
      n++;
      if (!file_mail (db, calendar, now, mail, result, error))
        return FALSE;
      if (!mbox)
        break;
    }
  if (n == 0)
    {
      g_set_error_literal (error, CIVIC_MAIL_ERROR, CIVIC_MAIL_ERROR_INVALID,
                           _("No mail could be read from the input"));
      return FALSE;
    }
  return TRUE;
}

/* Replies */

static gboolean
mailed_already (CivicDb      *db,
                const char   *id,
                int           number,
                gboolean     *mailed,
                GError      **error)
{
  CivicDbStmt *stmt = civic_db_prepare (db, "SELECT 1 FROM mail_sent "
                                            "WHERE message_id = ? AND number = ?", error);

  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, id);
  civic_db_bind_int (stmt, 2, number);
  if (!civic_db_step (db, stmt, mailed, error))
    return FALSE;
  civic_db_reset (stmt);
  return TRUE;
}

/* A reply as a mail answering the citizen's, with its written reply
 * (答复意见书) as a PDF when one was issued */
static gboolean
write_reply (CivicMessage            *message,
             const CivicMessageReply *reply,
             CivicIssuedDocument     *document,
             const char              *rfc_message_id,
             GDateTime               *now,
             const char              *from,
             const char              *outbox,
             GError                 **error)
{
  const CivicMessageCitizen *citizen = civic_message_get_citizen (message);
  g_autoptr(GMimeMessage) mail = g_mime_message_new (TRUE);
  g_autoptr(GMimeTextPart) text = g_mime_text_part_new_with_subtype ("plain");
  g_autoptr(InternetAddressList) sender = internet_address_list_parse (NULL, from);
  g_autofree char *subject = g_strconcat ("Re: ", civic_message_get_subject (message), NULL);
  g_autofree char *own_id = NULL;
  g_autofree char *in_reply_to = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  const char *domain;

  if (sender == NULL || internet_address_list_length (sender) == 0 ||
      !INTERNET_ADDRESS_IS_MAILBOX (internet_address_list_get_address (sender, 0)))
    {
      g_set_error (error, CIVIC_MAIL_ERROR, CIVIC_MAIL_ERROR_INVALID,
                   _("“%s” is not an address to send from"), from);
      return FALSE;
    }
  internet_address_list_append (g_mime_message_get_from (mail), sender);
  g_mime_message_add_mailbox (mail, GMIME_ADDRESS_TYPE_TO, citizen->name, citizen->email);
  g_mime_message_set_subject (mail, subject, "UTF-8");
  g_mime_message_set_date (mail, now);
  domain = strchr (internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (
                     internet_address_list_get_address (sender, 0))), '@');
  own_id = g_strdup_printf ("%s.%u@%s", civic_message_get_receipt (message), reply->number,
                            domain != NULL ? domain + 1 : "civicdesk.invalid");
  g_mime_message_set_message_id (mail, own_id);
  if (rfc_message_id != NULL)
    {
      in_reply_to = g_strdup_printf ("<%s>", rfc_message_id);
      g_mime_object_set_header (GMIME_OBJECT (mail), "In-Reply-To", in_reply_to, NULL);
      g_mime_object_set_header (GMIME_OBJECT (mail), "References", in_reply_to, NULL);
    }
  g_mime_text_part_set_text (text, reply->text);
  if (document != NULL && document->pdf != NULL)
    {
      g_autoptr(GMimeMultipart) mixed = g_mime_multipart_new_with_subtype ("mixed");
      g_autoptr(GMimePart) pdf = g_mime_part_new_with_type ("application", "pdf");
      g_autoptr(GMimeStream) stream = g_mime_stream_mem_new_with_buffer (
        g_bytes_get_data (document->pdf, NULL), g_bytes_get_size (document->pdf));
      g_autoptr(GMimeDataWrapper) wrapper = g_mime_data_wrapper_new_with_stream (
        stream, GMIME_CONTENT_ENCODING_DEFAULT);
      g_autofree char *filename = g_strdup_printf ("%s.pdf", document->number);

      g_mime_part_set_content (pdf, wrapper);
      g_mime_part_set_content_encoding (pdf, GMIME_CONTENT_ENCODING_BASE64);
      g_mime_part_set_filename (pdf, filename);
      g_mime_object_set_disposition (GMIME_OBJECT (pdf), GMIME_DISPOSITION_ATTACHMENT);
      g_mime_multipart_add (mixed, GMIME_OBJECT (text));
      g_mime_multipart_add (mixed, GMIME_OBJECT (pdf));
      g_mime_message_set_mime_part (mail, GMIME_OBJECT (mixed));
    }
  else
    g_mime_message_set_mime_part (mail, GMIME_OBJECT (text));

  contents = g_mime_object_to_string (GMIME_OBJECT (mail), NULL);
  name = g_strdup_printf ("%s-%u.eml", civic_message_get_receipt (message), reply->number);
  path = g_build_filename (outbox, name, NULL);
  return g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                   error);
}

/**
 * civic_mail_write_replies:
 * @from: the hall's address: "湖南省12345 <reply@12345.hunan.gov.cn>"
 * @outbox: the folder the mail system sends from
 * @written: (out): how many were written
 *
 * Writes each reply that went out to a mailed message and was not mailed
 * yet, answering the citizen's mail, and remembers it, each in a
 * transaction of its own.
 */
gboolean
civic_mail_write_replies (CivicDb      *db,
                          GDateTime    *now,
                          const char   *from,
                          const char   *outbox,
                          guint        *written,
                          GError      **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) origins = g_ptr_array_new_with_free_func (g_free);
  CivicDbStmt *stmt;
  gboolean row;

  ensure_gmime ();
  *written = 0;
  if (g_mkdir_with_parents (outbox, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", outbox,
                   g_strerror (saved));
      return FALSE;
    }

  stmt = civic_db_prepare (db, "SELECT message_id, rfc_message_id FROM mail_origin", error);
  if (stmt == NULL)
    return FALSE;
  while (civic_db_step (db, stmt, &row, error) && row)
    {
      g_ptr_array_add (ids, g_strdup (civic_db_column_text (stmt, 0)));
      g_ptr_array_add (origins, g_strdup (civic_db_column_text (stmt, 1)));
    }
  civic_db_reset (stmt);
  if (error != NULL && *error != NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(CivicMessage) message = civic_message_records_load (db, id, error);
      GPtrArray *replies;

      if (message == NULL)
        return FALSE;
      if (civic_message_get_citizen (message)->email == NULL)
        continue;
      replies = civic_message_get_replies (message);
      for (guint r = 0; r < replies->len; r++)
        {
          const CivicMessageReply *reply = g_ptr_array_index (replies, r);
          gboolean mailed;

          if (reply->status != CIVIC_MESSAGE_REPLY_SENT)
            continue;
          if (!mailed_already (db, id, (int) reply->number, &mailed, error))
            return FALSE;
          if (mailed)
            continue;
          {
            const CivicCaseDocument *filed = civic_message_find_reply_document (message,
                                                                                reply->number);
            g_autoptr(CivicIssuedDocument) document = NULL;
            g_autoptr(GError) unread = NULL;

            if (filed != NULL)
              document = civic_documents_load (db, filed->id, NULL, TRUE, &unread);
            if (unread != NULL)
              {
                g_propagate_error (error, g_steal_pointer (&unread));
                return FALSE;
              }
            /* Each remembered as soon as its file is there: one that failed
             * later does not make the earlier ones go again */
            if (!write_reply (message, reply, document, g_ptr_array_index (origins, i), now, from,
                              outbox, error) ||
                !civic_db_begin (db, error))
              return FALSE;
          }
          stmt = civic_db_prepare (db, "INSERT INTO mail_sent (message_id, number, at) "
                                       "VALUES (?, ?, ?)", error);
          if (stmt == NULL)
            {
              civic_db_rollback (db);
              return FALSE;
            }
          {
            g_autofree char *at = civic_time_format (now);

            civic_db_bind_text (stmt, 1, id);
            civic_db_bind_int (stmt, 2, reply->number);
            civic_db_bind_text (stmt, 3, at);
            if (!civic_db_run (db, stmt, error) || !civic_db_commit (db, error))
              {
                civic_db_rollback (db);
                return FALSE;
              }
          }
          (*written)++;
        }
    }
  return TRUE;
}
