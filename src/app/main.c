/* main.c — civicdesk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "civic-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CivicApplication) app = NULL;
  const char *localedir = g_getenv ("CIVICDESK_LOCALEDIR");

  /* The build tree's translations, for running it uninstalled. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = civic_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
