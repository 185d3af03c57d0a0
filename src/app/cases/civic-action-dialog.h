/* civic-action-dialog.h — the arguments the law asks of an action
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-sync-engine.h"
#include "civic-workflow.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_ACTION_DIALOG (civic_action_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CivicActionDialog, civic_action_dialog, CIVIC, ACTION_DIALOG, AdwMessageDialog)

gboolean           civic_action_needs_dialog        (CivicAction        action);

CivicActionDialog *civic_action_dialog_new          (GtkWindow         *parent,
                                                     CivicSyncEngine   *engine,
                                                     CivicCase         *kase,
                                                     CivicAction        action,
                                                     guint              n_cases);
CivicAction        civic_action_dialog_get_action   (CivicActionDialog *self);
CivicCase         *civic_action_dialog_get_case     (CivicActionDialog *self);
JsonObject        *civic_action_dialog_dup_args     (CivicActionDialog *self);
void               civic_action_dialog_set_args     (CivicActionDialog *self,
                                                     JsonObject        *args);
const char        *civic_action_dialog_get_refusal  (CivicActionDialog *self);
void               civic_action_dialog_set_command_id (CivicActionDialog *self,
                                                     const char        *command_id);
const char        *civic_action_dialog_get_command_id (CivicActionDialog *self);
CivicActionDialog *civic_action_dialog_give_back    (CivicActionDialog *self,
                                                     JsonObject        *args,
                                                     const GError      *error);
void               civic_action_show_refusal        (GtkWindow         *parent,
                                                     CivicAction        action,
                                                     const GError      *error);

G_END_DECLS
