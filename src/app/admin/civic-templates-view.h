/* civic-templates-view.h — the Templates section: the words of every formal document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-admin-view.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_TEMPLATES_VIEW (civic_templates_view_get_type ())
G_DECLARE_FINAL_TYPE (CivicTemplatesView, civic_templates_view, CIVIC, TEMPLATES_VIEW,
                      CivicAdminView)

gboolean civic_templates_view_shown_to (const CivicActor *actor);

G_END_DECLS
