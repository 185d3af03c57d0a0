/* civic-id-numbers.h — the numbers a person or an organisation is known by
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Check digits */
char     civic_privacy_resident_id_check_char (const char *s);  /* GB 11643-1999, 17 digits */
char     civic_privacy_credit_code_check_char (const char *s);  /* GB 32100-2015, 17 chars */

/* Shapes: each looks at exactly the characters its number has, ASCII
 * after folding (the lint folds full-width digits first) */
gboolean civic_id_is_ascii_digits       (const char *s,
                                         guint       n);
gboolean civic_id_is_resident_id_shaped (const char *s);   /* 17 digits + check, a real birth date */
gboolean civic_id_is_resident_id_valid  (const char *s);   /* … and its check character right */
gboolean civic_id_is_legacy_id          (const char *s);   /* GB 11643-1989: 15 digits */
gboolean civic_id_is_credit_code_shaped (const char *s);   /* 18 characters, category and check */
gboolean civic_id_is_luhn_valid         (const char *s,
                                         guint       n);   /* a bank card's n digits */
gboolean civic_id_is_mobile             (const char *s);   /* 11 digits, 13x–19x */
guint    civic_id_area_code_length      (const char *s,
                                         guint       n);   /* 3, 4, or 0: not an area code */
gboolean civic_id_is_local_number       (const char *s,
                                         guint       n);   /* 7 or 8 digits, not 0 or 1 first */

G_END_DECLS
