/* civic-section.h — what every section of the window is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-sync-engine.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_SECTION (civic_section_get_type ())
G_DECLARE_DERIVABLE_TYPE (CivicSection, civic_section, CIVIC, SECTION, AdwBin)

/* A section of the window's sidebar (the cases, the conflicts, and the
 * hall's other jobs after them): the window binds its "engine" to the
 * signed-in official's and its "show-sidebar-button" to the folded state,
 * and connects its "add-toast" to the overlay. A section's template binds
 * its header's back button to "show-sidebar-button". */
struct _CivicSectionClass
{
  AdwBinClass parent_class;

  /* The engine is another one, or none: after "engine" is notified, so
   * what is bound to it has it already */
  void (*engine_changed) (CivicSection    *self,
                          CivicSyncEngine *engine);

  gpointer padding[4];
};

CivicSyncEngine *civic_section_get_engine          (CivicSection    *self);
void             civic_section_set_engine          (CivicSection    *self,
                                                    CivicSyncEngine *engine);
GSignalGroup    *civic_section_get_engine_signals  (CivicSection    *self);
void             civic_section_toast               (CivicSection    *self,
                                                    const char      *text);
GtkWidget       *civic_section_back_button         (CivicSection    *self,
                                                    const char      *label,
                                                    GCallback        clicked);
GtkWidget       *civic_section_filter_button       (CivicSection    *self,
                                                    const char      *label,
                                                    const char      *tooltip,
                                                    GtkToggleButton *group,
                                                    GCallback        toggled);

G_END_DECLS
