/* civic-i18n.h — translated text, in the reader's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The code the client and the service share writes text for officials to
 * read. The service answers each official in the language their client
 * asks for, by switching the worker thread's locale (uselocale()), while
 * the service itself runs in its machine's locale — C.UTF-8, typically.
 * GLib's g_dgettext() decides once per process not to translate at all
 * when the process' own locale has no catalog, so this code uses gettext's
 * own functions, which follow the thread's locale.
 */

#pragma once

#include <libintl.h>
#include <glib.h>

#ifndef GETTEXT_PACKAGE
# error "config.h must come first: it names the text domain"
#endif

#define _(String) ((const char *) dgettext (GETTEXT_PACKAGE, (String)))
#define N_(String) (String)
#define C_(Context, String) civic_pgettext (Context "\004" String, sizeof (Context))
#define civic_ngettext(Singular, Plural, N) \
  ((const char *) dngettext (GETTEXT_PACKAGE, (Singular), (Plural), (N)))

/* The msgid after the context when there is no translation, as
 * g_dpgettext() does. */
static inline const char *
civic_pgettext (const char *context_and_msgid,
                gsize       msgid_offset)
{
  const char *translation = dgettext (GETTEXT_PACKAGE, context_and_msgid);

  return translation == context_and_msgid ? context_and_msgid + msgid_offset : translation;
}
