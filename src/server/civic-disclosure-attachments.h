/* civic-disclosure-attachments.h — the files of disclosures, kept by their sha256
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-actor.h"
#include "civic-attachment-blobs.h"
#include "civic-disclosure.h"
#include "civic-disclosure-policy.h"
#include "civic-db.h"

G_BEGIN_DECLS

/* A file the public downloads */
typedef struct
{
  char   *name;
  char   *media_type;
  char   *sha256;
  GBytes *content;
} CivicPublicAttachment;



char     *civic_disclosure_attachments_upload  (CivicDb                   *db,
                                                const CivicActor          *actor,
                                                const char                *disclosure_id,
                                                const char                *name,
                                                const char                *media_type,
                                                GBytes                    *content,
                                                GDateTime                 *now,
                                                const char                *address,
                                                GError                   **error);

gboolean  civic_disclosure_attachments_attach  (CivicDb                   *db,
                                                CivicDisclosure           *disclosure,
                                                const char                *sha256,
                                                const CivicDisclosurePolicy *policy,
                                                GError                   **error);
gboolean  civic_disclosure_attachments_relint  (CivicDb                   *db,
                                                CivicDisclosure           *disclosure,
                                                const CivicDisclosurePolicy *policy,
                                                GError                   **error);
gboolean  civic_disclosure_attachments_publish (CivicDb                   *db,
                                                CivicDisclosure           *disclosure,
                                                gboolean                   shown,
                                                GError                   **error);

CivicPublicAttachment *civic_disclosure_attachments_get_public (CivicDb         *db,
                                                const char                *disclosure_id,
                                                guint                      n,
                                                GError                   **error);
void      civic_public_attachment_free         (CivicPublicAttachment     *attachment);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicPublicAttachment, civic_public_attachment_free)

G_END_DECLS
