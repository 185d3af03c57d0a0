/* civic-welcome-page.h — connect to a service, or try the demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CIVIC_TYPE_WELCOME_PAGE (civic_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (CivicWelcomePage, civic_welcome_page, CIVIC, WELCOME_PAGE, AdwBin)

void civic_welcome_page_reset      (CivicWelcomePage *self);
void civic_welcome_page_show_error (CivicWelcomePage *self,
                                    const GError     *error);

G_END_DECLS
