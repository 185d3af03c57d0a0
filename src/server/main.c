/* main.c — civicdesk-server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>

#include <glib.h>

#include "civic-server-cli.h"

int
main (int   argc,
      char *argv[])
{
  /* TLS 1.2 and 1.3 only: the GnuTLS backend of GIO reads this before
   * the first connection, and this is the last moment with one thread.
   * An administrator's own setting wins. */
  g_setenv ("G_TLS_GNUTLS_PRIORITY", "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2", FALSE);

  /* A text reader that dies before it has read its file (its limits, a
   * crash) breaks the pipe the service writes the file into: that is an
   * error to handle, not a signal that ends the service */
  signal (SIGPIPE, SIG_IGN);

  return civic_server_cli_run (argc, argv);
}
