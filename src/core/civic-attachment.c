/* civic-attachment.c — what a file attached to a record may be
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-attachment.h"
#include "civic-i18n.h"

/**
 * civic_attachment_name_is_valid:
 *
 * A file's name as the public downloads it: one name, not a path, no
 * control character, at most 200 bytes, not hidden
 */
gboolean
civic_attachment_name_is_valid (const char *name)
{
  if (name == NULL || *name == '\0' || *name == '.' || strlen (name) > 200 ||
      !g_utf8_validate (name, -1, NULL))
    return FALSE;
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029 ||
          c == 0x202E || c == 0xFEFF)
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_token (const char *text,
          gsize       length)
{
  if (length == 0)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_islower (text[i]) && !g_ascii_isdigit (text[i]) &&
        strchr ("!#$&^_.+-", text[i]) == NULL)
      return FALSE;
  return TRUE;
}

/**
 * civic_attachment_media_type_is_valid:
 *
 * "application/pdf": a type and a subtype (RFC 6838), lower case, no
 * parameters
 */
gboolean
civic_attachment_media_type_is_valid (const char *media_type)
{
  const char *slash;

  if (media_type == NULL || strlen (media_type) > 100)
    return FALSE;
  slash = strchr (media_type, '/');
  return slash != NULL && is_token (media_type, slash - media_type) &&
         is_token (slash + 1, strlen (slash + 1));
}

/* What may be attached. The public side serves a file with its type and
 * nosniff, so no type a browser runs (HTML, SVG, XML) is taken. */
static const char * const attachable_types[] = {
  "application/pdf",
  "text/plain",
  "text/markdown",
  "text/csv",
  "image/png",
  "image/jpeg",
  "application/ofd",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.oasis.opendocument.text",
  "application/vnd.oasis.opendocument.spreadsheet",
  "application/zip",
  NULL
};

/**
 * civic_attachment_get_attachable_types:
 *
 * Returns: (transfer none) (array zero-terminated=1): the media types a
 * record's files may have
 */
const char * const *
civic_attachment_get_attachable_types (void)
{
  return attachable_types;
}

/**
 * civic_attachment_media_type_is_attachable:
 *
 * Whether files of @media_type may be attached to a record: the
 * service refuses the others (415), the client before it reads a byte.
 */
gboolean
civic_attachment_media_type_is_attachable (const char *media_type)
{
  return media_type != NULL && g_strv_contains (attachable_types, media_type);
}

/**
 * civic_attachment_media_type_for:
 * @guess: (nullable): the type the desktop guessed ("text/x-markdown")
 * @name: the file's name
 *
 * Returns: (nullable): the attachable type a file of this guess and name
 * is sent as, or %NULL for a type that is not attached. Desktops name a
 * few types by their older aliases; OFD has no shared-mime-info entry
 * yet, so its extension says it.
 */
const char *
civic_attachment_media_type_for (const char *guess,
                                        const char *name)
{
  static const struct { const char *alias, *type; } aliases[] = {
    { "text/x-markdown", "text/markdown" },
    { "text/x-csv", "text/csv" },
    { "text/comma-separated-values", "text/csv" },
    { "application/x-zip-compressed", "application/zip" },
    { "application/vnd.ofd", "application/ofd" },
  };
  const char *dot = name != NULL ? strrchr (name, '.') : NULL;

  for (guint i = 0; guess != NULL && attachable_types[i] != NULL; i++)
    if (g_str_equal (guess, attachable_types[i]))
      return attachable_types[i];
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_strcmp0 (guess, aliases[i].alias) == 0)
      return aliases[i].type;
  if (dot != NULL && g_ascii_strcasecmp (dot, ".ofd") == 0)
    return "application/ofd";
  if (dot != NULL && g_ascii_strcasecmp (dot, ".md") == 0)
    return "text/markdown";
  return NULL;
}

/**
 * civic_attachment_sha256_is_valid:
 *
 * A file's name in the service: its SHA-256 in 64 lower-case hex digits
 */
gboolean
civic_attachment_sha256_is_valid (const char *sha256)
{
  if (sha256 == NULL || strlen (sha256) != 64)
    return FALSE;
  for (const char *p = sha256; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

/* The extensions each type's files may have, the first the one given */
static const struct
{
  const char *type;
  const char *extensions[3];
} extensions[] = {
  { "application/pdf", { ".pdf" } },
  { "text/plain", { ".txt", ".text" } },
  { "text/markdown", { ".md", ".markdown" } },
  { "text/csv", { ".csv" } },
  { "image/png", { ".png" } },
  { "image/jpeg", { ".jpg", ".jpeg", ".jpe" } },
  { "application/ofd", { ".ofd" } },
  { "application/msword", { ".doc" } },
  { "application/vnd.openxmlformats-officedocument.wordprocessingml.document", { ".docx" } },
  { "application/vnd.ms-excel", { ".xls" } },
  { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", { ".xlsx" } },
  { "application/vnd.oasis.opendocument.text", { ".odt" } },
  { "application/vnd.oasis.opendocument.spreadsheet", { ".ods" } },
  { "application/zip", { ".zip" } },
};

/**
 * civic_attachment_name_for_type:
 * @name: a valid file name
 * @media_type: an attachable type
 *
 * The name a file of @media_type is kept and opened under: @name when
 * its extension is one of the type's, else @name with the type's own
 * added. A photo called "x.html" would otherwise open in a browser,
 * which runs what it holds.
 *
 * Returns: (transfer full): the name
 */
char *
civic_attachment_name_for_type (const char *name,
                                const char *media_type)
{
  const char *dot = name != NULL ? strrchr (name, '.') : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      if (g_strcmp0 (extensions[i].type, media_type) != 0)
        continue;
      for (guint e = 0; e < G_N_ELEMENTS (extensions[i].extensions) &&
                        extensions[i].extensions[e] != NULL; e++)
        if (dot != NULL && g_ascii_strcasecmp (dot, extensions[i].extensions[e]) == 0)
          return g_strdup (name);
      return g_strconcat (name != NULL ? name : "file", extensions[i].extensions[0], NULL);
    }
  return g_strdup (name);
}

/**
 * civic_attachment_media_type_of_name:
 *
 * Returns: (nullable): the attachable type a file of this name's
 * extension is, or %NULL: what a file is taken as when whoever sent it
 * did not say ("application/octet-stream")
 */
const char *
civic_attachment_media_type_of_name (const char *name)
{
  const char *dot = name != NULL ? strrchr (name, '.') : NULL;

  for (guint i = 0; dot != NULL && i < G_N_ELEMENTS (extensions); i++)
    for (guint e = 0; e < G_N_ELEMENTS (extensions[i].extensions) &&
                      extensions[i].extensions[e] != NULL; e++)
      if (g_ascii_strcasecmp (dot, extensions[i].extensions[e]) == 0)
        return extensions[i].type;
  return NULL;
}

/**
 * civic_attachment_media_type_get_label:
 *
 * Returns: what a file of @media_type is, in the official's language:
 * "PDF Document"
 */
const char *
civic_attachment_media_type_get_label (const char *media_type)
{
  static const struct { const char *type, *label; } labels[] = {
    { "application/pdf", N_("PDF Document") },
    { "text/plain", N_("Text") },
    { "text/markdown", N_("Markdown Text") },
    { "text/csv", N_("CSV Table") },
    { "image/png", N_("PNG Image") },
    { "image/jpeg", N_("JPEG Image") },
    { "application/ofd", N_("OFD Document") },
    { "application/msword", N_("Word Document") },
    { "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      N_("Word Document") },
    { "application/vnd.ms-excel", N_("Excel Spreadsheet") },
    { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      N_("Excel Spreadsheet") },
    { "application/vnd.oasis.opendocument.text", N_("OpenDocument Text") },
    { "application/vnd.oasis.opendocument.spreadsheet", N_("OpenDocument Spreadsheet") },
    { "application/zip", N_("ZIP Archive") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].type, media_type) == 0)
      return _(labels[i].label);
  return _("File");
}

