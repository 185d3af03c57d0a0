/* civic-action-dialog.h — asking an official for an action's arguments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-entity.h"
#include "civic-sync-engine.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_ACTION_DIALOG (civic_action_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CivicActionDialog, civic_action_dialog, CIVIC, ACTION_DIALOG, AdwMessageDialog)

gboolean           civic_action_takes_arguments     (const CivicEntityKind *kind,
                                                     guint              action);

CivicActionDialog *civic_action_dialog_new          (GtkWindow         *parent,
                                                     CivicSyncEngine   *engine,
                                                     const CivicEntityKind *kind,
                                                     GObject           *record,
                                                     guint              action,
                                                     guint              n_records);
void               civic_action_dialog_run_async    (CivicActionDialog *self,
                                                     GCancellable      *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer           user_data);
JsonObject        *civic_action_dialog_run_finish   (CivicActionDialog *self,
                                                     GAsyncResult      *result,
                                                     GError           **error);

guint              civic_action_dialog_get_action   (CivicActionDialog *self);
GObject           *civic_action_dialog_get_record   (CivicActionDialog *self);
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
                                                     const CivicEntityKind *kind,
                                                     guint              action,
                                                     const GError      *error);

G_END_DECLS
