/* main.c — civicdesk-server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "civic-server-cli.h"

int
main (int   argc,
      char *argv[])
{
  return civic_server_cli_run (argc, argv);
}
