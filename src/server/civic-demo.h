/* civic-demo.h — a service full of realistic, deterministic demo data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CIVIC_DEMO_DIR_ENV "CIVICDESK_DEMO_DIR"

/* The accounts the README lists: in the demo department (省市场监督管理局). */
#define CIVIC_DEMO_DEPARTMENT "scjg"

typedef struct
{
  const char *data_dir;
  int         cases;
  int         hearings;   /* more cases, each going to a hearing; -1 for the usual share */
  int         disclosures; /* proactive disclosures of every organ; 0 for none */
  int         requests;    /* requests for information; 0 for none */
  int         messages;    /* citizens' messages; 0 for none */
  guint64     seed;
  const char *password;
  gboolean    verbose;
} CivicDemoOptions;

gboolean civic_demo_generate (const CivicDemoOptions  *options,
                              GError                 **error);

G_END_DECLS
