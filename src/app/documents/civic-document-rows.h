/* civic-document-rows.h — the documents issued for a record, to open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "civic-sync-engine.h"

G_BEGIN_DECLS

void civic_document_rows_add (GtkWidget       *content,
                              CivicSyncEngine *engine,
                              GPtrArray       *documents);

G_END_DECLS
