/* civic-server-cli.h — the subcommands of civicdesk-server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int civic_server_cli_run (int    argc,
                          char **argv);

G_END_DECLS
