/* civic-disclosure-gate.h — nothing personal is published unless a reviewer says why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-disclosure.h"
#include "civic-disclosure-policy.h"

G_BEGIN_DECLS

char      *civic_disclosure_finding_key  (const char                  *disclosure_id,
                                          const CivicPrivacyFinding   *finding);
CivicPrivacyLint *civic_disclosure_new_lint (CivicDisclosure           *disclosure,
                                          const CivicDisclosurePolicy *policy);
GPtrArray *civic_disclosure_lint         (CivicDisclosure             *disclosure,
                                          const char                  *text,
                                          const CivicDisclosurePolicy *policy);
void       civic_disclosure_set_findings (CivicDisclosure             *disclosure,
                                          GPtrArray                   *privacy_findings);
gboolean   civic_disclosure_check_attachment (CivicDisclosure         *disclosure,
                                          const char                  *sha256,
                                          const char * const          *pages,
                                          const CivicDisclosurePolicy *policy);
const CivicDisclosureFinding *civic_disclosure_find_finding (CivicDisclosure *disclosure,
                                          const char                  *key);
gboolean   civic_disclosure_is_acknowledged (CivicDisclosure          *disclosure,
                                          const char                  *key);
GPtrArray *civic_disclosure_gate_blocking (CivicDisclosure            *disclosure);
gboolean   civic_disclosure_gate_check   (CivicDisclosure             *disclosure,
                                          GError                     **error);

G_END_DECLS
