/* civic-evaluation.h — a citizen's rating of a service (政务服务"好差评")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "civic-calendar.h"
#include "civic-clock.h"
#include "civic-day.h"
#include "civic-message.h"
#include "civic-message-clocks.h"

G_BEGIN_DECLS

/* 国办发〔2019〕51号 and GB/T 39734-2020: every service is rated, on site
 * once per visit (一次一评) and online once per matter (一事一评), on five
 * levels, 非常满意 (5) to 非常不满意 (1); the bottom two are bad ratings
 * (差评). A bad rating is rectified within the region's limit (5 working
 * days by default), a real-name one after a return visit; the department
 * may appeal a mistaken or malicious one, and the hall excludes it or keeps
 * it (申诉复核). Law and practice: ../shared/reference/law-and-rules.md
 * §4.3; docs/plans/messages.md, decision 8. */

typedef enum
{
  CIVIC_EVALUATION_STATE_RATED,       /*< nick=rated >*/       /* a good one, or none to rectify */
  CIVIC_EVALUATION_STATE_RECTIFYING,  /*< nick=rectifying >*/  /* 差评整改中 */
  CIVIC_EVALUATION_STATE_RECTIFIED,   /*< nick=rectified >*/   /* 已整改 */
  CIVIC_EVALUATION_STATE_APPEALED,    /*< nick=appealed >*/    /* 申诉复核中 */
  CIVIC_EVALUATION_STATE_EXCLUDED,    /*< nick=excluded >*/    /* 申诉成立，不计入 */
} CivicEvaluationState;

#define CIVIC_N_EVALUATION_STATES (CIVIC_EVALUATION_STATE_EXCLUDED + 1)

/* What was rated */
typedef enum
{
  CIVIC_EVALUATION_TARGET_CASE,     /*< nick=case >*/
  CIVIC_EVALUATION_TARGET_MESSAGE,  /*< nick=message >*/
} CivicEvaluationTarget;

/* Where the rating was given */
typedef enum
{
  CIVIC_EVALUATION_CHANNEL_ONLINE,   /*< nick=online >*/    /* portal, app, WeChat */
  CIVIC_EVALUATION_CHANNEL_ON_SITE,  /*< nick=on-site >*/   /* the window's rating pad */
  CIVIC_EVALUATION_CHANNEL_HOTLINE,  /*< nick=hotline-12345 >*/
  CIVIC_EVALUATION_CHANNEL_SMS,      /*< nick=sms >*/
} CivicEvaluationChannel;

/* The indicators, online (整体满意度, 办事效率, 办事指南精确度,
 * 办事便捷度, 平台操作性) and on site (整体满意度, 服务效率, 服务水平,
 * 服务态度) */
typedef enum
{
  CIVIC_INDICATOR_OVERALL,         /*< nick=overall >*/
  CIVIC_INDICATOR_EFFICIENCY,      /*< nick=efficiency >*/
  CIVIC_INDICATOR_GUIDE_ACCURACY,  /*< nick=guide-accuracy >*/
  CIVIC_INDICATOR_CONVENIENCE,     /*< nick=convenience >*/
  CIVIC_INDICATOR_USABILITY,       /*< nick=usability >*/
  CIVIC_INDICATOR_SERVICE_LEVEL,   /*< nick=service-level >*/
  CIVIC_INDICATOR_ATTITUDE,        /*< nick=attitude >*/
} CivicIndicator;

#define CIVIC_N_INDICATORS (CIVIC_INDICATOR_ATTITUDE + 1)

typedef enum
{
  CIVIC_APPEAL_PENDING,   /*< nick=pending >*/
  CIVIC_APPEAL_EXCLUDED,  /*< nick=excluded >*/  /* mistaken or malicious: not counted */
  CIVIC_APPEAL_KEPT,      /*< nick=kept >*/
} CivicAppealResult;

typedef enum
{
  CIVIC_APPEAL_DECISION_EXCLUDE,  /*< nick=exclude >*/
  CIVIC_APPEAL_DECISION_KEEP,     /*< nick=keep >*/
} CivicAppealDecision;

#define CIVIC_RATING_MIN 1
#define CIVIC_RATING_MAX 5
/* 不满意 and 非常不满意 */
#define CIVIC_RATING_BAD_MAX 2

/* Who rated: personal data, sealed by the service and masked in the feed */
typedef struct
{
  gboolean  anonymous;
  char     *name;
  char     *phone;
  gboolean  masked;
} CivicEvaluator;

typedef struct
{
  CivicDay                  on;
  CivicMessageVisitChannel  channel;
  CivicMessageSatisfaction  satisfaction;
  char                     *record;
  char                     *by_id;
  char                     *by_name;
} CivicEvaluationVisit;

typedef struct
{
  char              *reason;
  CivicDay           on;
  char              *by_id;
  char              *by_name;
  CivicAppealResult  result;
  CivicDay           decided_on;
  char              *decided_by_id;
  char              *decided_by_name;
  char              *decision_text;
} CivicEvaluationAppeal;

#define CIVIC_TYPE_EVALUATION (civic_evaluation_get_type ())
G_DECLARE_FINAL_TYPE (CivicEvaluation, civic_evaluation, CIVIC, EVALUATION, GObject)

#define CIVIC_EVALUATION_ERROR (civic_evaluation_error_quark ())

typedef enum
{
  CIVIC_EVALUATION_ERROR_INVALID,
} CivicEvaluationError;

GQuark        civic_evaluation_error_quark          (void);

const char   *civic_evaluation_state_get_label      (CivicEvaluationState   state);
const char   *civic_evaluation_channel_get_label    (CivicEvaluationChannel channel);
const char   *civic_evaluation_target_get_label     (CivicEvaluationTarget  target);
const char   *civic_indicator_get_label             (CivicIndicator         indicator);
const char   *civic_rating_get_label                (int                    rating);
const char   *civic_appeal_decision_get_label       (CivicAppealDecision    decision);
gboolean      civic_indicator_is_for_channel        (CivicIndicator         indicator,
                                                     CivicEvaluationChannel channel);

CivicEvaluation *civic_evaluation_new               (const char            *id,
                                                     const char            *department_id);
CivicEvaluation *civic_evaluation_copy              (CivicEvaluation       *self);
CivicEvaluation *civic_evaluation_new_from_json     (JsonNode              *node,
                                                     GError               **error);
JsonNode     *civic_evaluation_to_json              (CivicEvaluation       *self);

const char   *civic_evaluation_get_id               (CivicEvaluation       *self);
gint64        civic_evaluation_get_rev              (CivicEvaluation       *self);
void          civic_evaluation_set_rev              (CivicEvaluation       *self,
                                                     gint64                 rev);
CivicEvaluationState   civic_evaluation_get_state   (CivicEvaluation       *self);
CivicEvaluationTarget  civic_evaluation_get_target  (CivicEvaluation       *self);
const char   *civic_evaluation_get_target_id        (CivicEvaluation       *self);
const char   *civic_evaluation_get_department_id    (CivicEvaluation       *self);
CivicEvaluationChannel civic_evaluation_get_channel (CivicEvaluation       *self);
int           civic_evaluation_get_rating           (CivicEvaluation       *self);
int           civic_evaluation_get_indicator        (CivicEvaluation       *self,
                                                     CivicIndicator         indicator);
const char   *civic_evaluation_get_comment          (CivicEvaluation       *self);
const CivicEvaluator *civic_evaluation_get_evaluator (CivicEvaluation      *self);
CivicDay      civic_evaluation_get_rated_on         (CivicEvaluation       *self);
CivicDay      civic_evaluation_get_rectified_on     (CivicEvaluation       *self);
const char   *civic_evaluation_get_rectification    (CivicEvaluation       *self);
GPtrArray    *civic_evaluation_get_visits           (CivicEvaluation       *self);
const CivicEvaluationAppeal *civic_evaluation_get_appeal (CivicEvaluation  *self);
gboolean      civic_evaluation_is_bad               (CivicEvaluation       *self);
gboolean      civic_evaluation_is_counted           (CivicEvaluation       *self);

CivicClock   *civic_evaluation_dup_clock            (CivicEvaluation       *self);
JsonNode     *civic_evaluation_summarize            (CivicEvaluation       *self,
                                                     CivicCalendar         *calendar,
                                                     CivicDay               today);

/* Personal data: the evaluator */
gboolean      civic_evaluation_is_personal_argument (const char            *member);
char         *civic_evaluation_to_feed_json         (CivicEvaluation       *self,
                                                     CivicCalendar         *calendar,
                                                     CivicDay               today);
JsonNode     *civic_evaluation_dup_personal         (CivicEvaluation       *self);
gboolean      civic_evaluation_restore_personal     (CivicEvaluation       *self,
                                                     JsonNode              *personal,
                                                     GError               **error);

G_END_DECLS
