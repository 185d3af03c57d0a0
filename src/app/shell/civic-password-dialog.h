/* civic-password-dialog.h — an official chooses their own password
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The fewest characters the service takes in a password */
#define CIVIC_PASSWORD_MIN_CHARS 8

AdwMessageDialog *civic_password_dialog_new       (GtkWindow        *parent);
char             *civic_password_dialog_dup_chosen (AdwMessageDialog *dialog);

G_END_DECLS
