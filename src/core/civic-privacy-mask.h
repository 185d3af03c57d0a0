/* civic-privacy-mask.h — masks of a known name, ID number, phone, address or e-mail address
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Partial masks of a known value (an applicant's stored name or number),
 * by the same policy as CIVIC_PRIVACY_REDACTION_PARTIAL in text. */
char *civic_privacy_mask_name      (const char *name);
char *civic_privacy_mask_id_number (const char *id_number);
char *civic_privacy_mask_phone     (const char *phone);
char *civic_privacy_mask_address   (const char *address);
char *civic_privacy_mask_email     (const char *email);

G_END_DECLS
