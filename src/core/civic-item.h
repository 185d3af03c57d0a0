/* civic-item.h — a service item of the catalogue (政务服务事项), with its versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-day.h"
#include "civic-item-guide.h"

G_BEGIN_DECLS

/* An item is what a case is filed against: its guide (civic-item-guide.h)
 * says what is asked, checked and counted. A department keeps its items:
 * its catalogue editor drafts a change as a new version, its reviewer
 * approves it for a day, and the service makes it effective at the start
 * of that day. The guide in effect stays up while its change is drafted
 * and reviewed, so an item holds at most two versions that matter: the one
 * in effect and the one pending. A case keeps the version it was filed
 * under (docs/plans/catalogue.md, decisions 2 and 4). */

typedef enum
{
  CIVIC_ITEM_STATE_NEW,        /*< nick=new >*/        /* never yet in effect */
  CIVIC_ITEM_STATE_EFFECTIVE,  /*< nick=effective >*/  /* 在用 */
  CIVIC_ITEM_STATE_REPEALED,   /*< nick=repealed >*/   /* 已取消 */
} CivicItemState;

#define CIVIC_N_ITEM_STATES (CIVIC_ITEM_STATE_REPEALED + 1)

/* Where a version stands */
typedef enum
{
  CIVIC_ITEM_VERSION_DRAFT,       /*< nick=draft >*/       /* 编制中 */
  CIVIC_ITEM_VERSION_IN_REVIEW,   /*< nick=in-review >*/   /* 待审核 */
  CIVIC_ITEM_VERSION_SCHEDULED,   /*< nick=scheduled >*/   /* 待生效 */
  CIVIC_ITEM_VERSION_EFFECTIVE,   /*< nick=effective >*/   /* 现行 */
  CIVIC_ITEM_VERSION_SUPERSEDED,  /*< nick=superseded >*/  /* 已废止 */
} CivicItemVersionState;

/* The version pending: a change drafted, in review or approved for a day,
 * or the item's repeal approved for a day */
typedef struct
{
  int                    version;
  CivicItemVersionState  state;
  gboolean               repeal;      /* the item ends rather than changes */
  JsonNode              *guide;       /* canonical; the guide in effect for a repeal */
  GStrv                  authors;     /* the ids of who drafted, saved and submitted it */
  char                  *author_name; /* the last of them */
  char                  *note;        /* the editor's, to the reviewer */
  char                  *reviewed_by_id;
  char                  *reviewed_by_name;
  char                  *comment;     /* the reviewer's: why it came back, or what was approved */
  CivicDay               effective_on;
  GDateTime             *effective_at;
  char                  *basis;       /* a repeal's: the decision or law that ends the item */
} CivicItemPending;

/* A version that was in effect */
typedef struct
{
  int       version;
  CivicDay  effective_on;
  CivicDay  superseded_on;  /* CIVIC_DAY_INVALID for the one in effect */
} CivicItemHistory;

#define CIVIC_TYPE_ITEM (civic_item_get_type ())
G_DECLARE_FINAL_TYPE (CivicItem, civic_item, CIVIC, ITEM, GObject)

const char             *civic_item_state_get_label         (CivicItemState         state);
const char             *civic_item_version_state_get_label (CivicItemVersionState  state);

gboolean                civic_item_code_is_valid           (const char     *code);

CivicItem              *civic_item_new                     (const char     *code,
                                                            const char     *department_id);
CivicItem              *civic_item_copy                    (CivicItem      *self);
CivicItem              *civic_item_new_from_json           (JsonNode       *node,
                                                            GError        **error);
JsonNode               *civic_item_to_json                 (CivicItem      *self);

const char             *civic_item_get_code                (CivicItem      *self);
gint64                  civic_item_get_rev                 (CivicItem      *self);
void                    civic_item_set_rev                 (CivicItem      *self,
                                                            gint64          rev);
const char             *civic_item_get_department_id       (CivicItem      *self);
CivicItemState          civic_item_get_state               (CivicItem      *self);
const char             *civic_item_get_name                (CivicItem      *self);
int                     civic_item_get_version             (CivicItem      *self);
CivicDay                civic_item_get_effective_on        (CivicItem      *self);
GDateTime              *civic_item_get_effective_at        (CivicItem      *self);
JsonObject             *civic_item_get_guide               (CivicItem      *self);
const CivicItemPending *civic_item_get_pending             (CivicItem      *self);
GArray                 *civic_item_get_history             (CivicItem      *self);
CivicDay                civic_item_get_repealed_on         (CivicItem      *self);
const char             *civic_item_get_repeal_basis        (CivicItem      *self);
GPtrArray              *civic_item_dup_pending_changes     (CivicItem      *self);

G_END_DECLS
