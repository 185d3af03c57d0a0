/* civic-form.h — a form built from what an action asks for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-entity.h"
#include "civic-sync-engine.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_FORM (civic_form_get_type ())
G_DECLARE_FINAL_TYPE (CivicForm, civic_form, CIVIC, FORM, GtkBox)

CivicForm   *civic_form_new          (CivicSyncEngine       *engine,
                                      const CivicEntityKind *kind,
                                      GObject               *record,
                                      guint                  action,
                                      guint                  n_records);
gboolean     civic_form_is_empty     (CivicForm             *self);
JsonObject  *civic_form_dup_args     (CivicForm             *self);
void         civic_form_set_args     (CivicForm             *self,
                                      JsonObject            *args);
gboolean     civic_form_get_valid    (CivicForm             *self);
const char  *civic_form_get_refusal  (CivicForm             *self);
char        *civic_form_dup_missing  (CivicForm             *self);
void         civic_form_check_now    (CivicForm             *self);

GPtrArray   *civic_form_options      (CivicSyncEngine       *engine,
                                      const CivicArgument   *argument,
                                      GObject               *record);
GtkWidget   *civic_form_checklist_row_new (const char       *title,
                                      GPtrArray             *options);
void         civic_form_checklist_row_fill (GtkWidget        *row,
                                      GPtrArray             *options);
GPtrArray   *civic_form_checklist_row_get_checks (GtkWidget *row);

G_END_DECLS
