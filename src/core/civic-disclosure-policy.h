/* civic-disclosure-policy.h — how an organ reviews and numbers what it publishes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-actor.h"
#include "civic-privacy-lint.h"

G_BEGIN_DECLS

#define CIVIC_DISCLOSURE_MAX_REVIEW_LEVELS 3

/* From the organ's "disclosure" member (docs/api.md): how many levels
 * review a disclosure before it is published (三审: one to three), who
 * reviews at each level (nobody named: any disclosure reviewer of the
 * organ), the code its index numbers start with, how the lint masks, and
 * the contacts its guide publishes (OGI Art. 12), which the lint lets
 * through. */
typedef struct
{
  guint                  review_levels;
  GStrv                  reviewers[CIVIC_DISCLOSURE_MAX_REVIEW_LEVELS];
  char                  *index_code;
  CivicPrivacyRedaction  redaction;
  GStrv                  allowed_numbers;
} CivicDisclosurePolicy;

const CivicDisclosurePolicy *civic_disclosure_policy_get_default  (void);
CivicDisclosurePolicy       *civic_disclosure_policy_new_from_json (JsonNode                    *node,
                                                                    GError                     **error);
JsonNode                    *civic_disclosure_policy_to_json      (const CivicDisclosurePolicy *policy);
void                         civic_disclosure_policy_free         (CivicDisclosurePolicy       *policy);
gboolean                     civic_disclosure_policy_reviews_at   (const CivicDisclosurePolicy *policy,
                                                                   guint                        level,
                                                                   const CivicActor            *actor);

/* 索引号: "11430000MB1234567X/2026-00042", the organ's code (its unified
 * social credit code, or the department's id without one), the year and
 * a sequence that never skips (docs/plans/disclosure.md, decision 4) */
char                        *civic_disclosure_format_index_number (const char                  *code,
                                                                   int                          year,
                                                                   guint                        sequence);
gboolean                     civic_disclosure_parse_index_number  (const char                  *index_number,
                                                                   char                       **code,
                                                                   int                         *year,
                                                                   guint                       *sequence);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicDisclosurePolicy, civic_disclosure_policy_free)

G_END_DECLS
