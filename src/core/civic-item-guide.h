/* civic-item-guide.h — a service item's guide (办事指南), one version of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-clock.h"

G_BEGIN_DECLS

/* What the implementation list says of one item (law-and-rules.md §6.3):
 * its type, the organ, the statutory and the promised limits with their
 * units and explanations, special procedures, fees, materials with their
 * sample and blank form, legal basis by clause, conditions, windows,
 * result, remedies, visits and contacts. A guide is a JSON object of a
 * fixed shape (docs/catalogue.md); civic_item_guide_canonicalize() checks
 * it whole and writes its members in one order, so that a guide read and
 * written again is the same bytes. */

/* The most a guide may weigh on the wire */
#define CIVIC_ITEM_GUIDE_MAX_SIZE (256 * 1024)
#define CIVIC_ITEM_MATERIALS_MAX 100

#define CIVIC_ITEM_ERROR (civic_item_error_quark ())

typedef enum
{
  CIVIC_ITEM_ERROR_INVALID,   /* not a guide: a member wrong or missing */
  CIVIC_ITEM_ERROR_LIMIT,     /* a time limit the law does not allow */
  CIVIC_ITEM_ERROR_NOT_IN_EFFECT, /* no such item, not yet in effect, or repealed */
} CivicItemError;

/* One of the two limits, as the guide states it */
typedef struct
{
  int             days;       /* 0: none (a promised limit not made) */
  CivicClockUnit  unit;
  const char     *explanation;
} CivicItemLimit;

/* A file a material offers: its sample (示例样表) or its blank form (空白表格) */
typedef enum
{
  CIVIC_ITEM_FILE_SAMPLE,      /*< nick=sample >*/
  CIVIC_ITEM_FILE_BLANK_FORM,  /*< nick=blank-form >*/
} CivicItemFileRole;

GQuark       civic_item_error_quark          (void);

gboolean     civic_item_type_is_valid        (const char   *type_code);
const char  *civic_item_type_get_label       (const char   *type_code);
gboolean     civic_item_type_is_applied_for  (const char   *type_code);
const char * const *civic_item_type_codes    (void);

JsonNode    *civic_item_guide_canonicalize   (JsonNode     *guide,
                                              GError      **error);
JsonNode    *civic_item_guide_new            (const char   *name,
                                              const char   *type_code,
                                              int           statutory_days);

const char  *civic_item_guide_get_name       (JsonObject   *guide);
const char  *civic_item_guide_get_type_code  (JsonObject   *guide);
void         civic_item_guide_get_limits     (JsonObject   *guide,
                                              CivicItemLimit *statutory,
                                              CivicItemLimit *promised);
gboolean     civic_item_guide_is_joint       (JsonObject   *guide);
char        *civic_item_guide_dup_legal_basis (JsonObject  *guide);
JsonObject  *civic_item_guide_find_material  (JsonObject   *guide,
                                              const char   *material_id);
const char  *civic_item_file_role_member     (CivicItemFileRole role);
void         civic_item_guide_collect_files  (JsonObject   *guide,
                                              GPtrArray    *sha256s);

/* The rules of the law on a guide's limits (civic-item-limits.c) */
typedef struct
{
  gboolean  refusal;    /* %FALSE: a warning the reviewer reads */
  char     *field;      /* where: "promised.days" */
  char     *message;    /* translated, with the numbers */
} CivicItemFinding;

void         civic_item_finding_free         (CivicItemFinding *finding);
int          civic_item_limits_ceiling       (const char   *type_code,
                                              gboolean      joint,
                                              const char  **basis);
GPtrArray   *civic_item_limits_check         (JsonObject   *guide);
gboolean     civic_item_limits_refuse        (JsonObject   *guide,
                                              GError      **error);

/* What changed between two versions, as sentences (civic-item-diff.c) */
GPtrArray   *civic_item_guide_diff           (JsonObject   *before,
                                              JsonObject   *after);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicItemFinding, civic_item_finding_free)

G_END_DECLS
