/* civic-public-pages.h — the public column of disclosures, as HTML pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-disclosure-public.h"
#include "civic-db.h"

G_BEGIN_DECLS

/* What every page sends besides itself: nothing runs, nothing loads from
 * elsewhere, nothing frames it */
#define CIVIC_PUBLIC_PAGE_CSP \
  "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; " \
  "frame-ancestors 'none'"

/* The sites of the public side: one chrome, one style */
typedef enum
{
  CIVIC_PUBLIC_SITE_DISCLOSURES,
  CIVIC_PUBLIC_SITE_MESSAGES,
  CIVIC_PUBLIC_SITE_GUIDE,
} CivicPublicSite;

void        civic_public_page_start       (GString                 *out,
                                           CivicPublicSite          site,
                                           const char              *title);
void        civic_public_page_end         (GString                 *out,
                                           CivicPublicSite          site);
void        civic_public_page_text        (GString                 *out,
                                           const char              *value);
void        civic_public_page_option      (GString                 *out,
                                           const char              *value,
                                           const char              *label,
                                           const char              *selected);

void        civic_public_page_field       (GString                 *out,
                                           const char              *name,
                                           const char              *label,
                                           const char              *type,
                                           const char              *value,
                                           const char              *autocomplete,
                                           const char              *hint,
                                           gboolean                 required);

const char *civic_public_pages_style      (void);
char       *civic_public_pages_directory  (CivicDb                 *db,
                                           const CivicPublicQuery  *query,
                                           GError                 **error);
char       *civic_public_pages_disclosure (CivicDb                 *db,
                                           const char              *id,
                                           GError                 **error);
char       *civic_public_pages_column     (CivicDb                 *db,
                                           const char              *organ,
                                           const char              *column,
                                           guint                    page,
                                           GError                 **error);

char       *civic_public_pages_message    (CivicPublicSite          site,
                                           const char              *title,
                                           const char              *message);

G_END_DECLS
