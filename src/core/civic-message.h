/* civic-message.h — a citizen's message to the hall (互动交流)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a citizen writes to the hall: a question, a complaint, a
 * suggestion, a report of wrongdoing, a plea for help, an idea for a
 * campaign (docs/plans/messages.md, decision 2). Each comes in through a
 * channel and runs on clocks a region sets (civic-message-clocks.h). */

typedef enum
{
  CIVIC_MESSAGE_KIND_CONSULTATION,  /*< nick=consultation >*/  /* 咨询 */
  CIVIC_MESSAGE_KIND_COMPLAINT,     /*< nick=complaint >*/     /* 投诉 */
  CIVIC_MESSAGE_KIND_SUGGESTION,    /*< nick=suggestion >*/    /* 建议 */
  CIVIC_MESSAGE_KIND_REPORT,        /*< nick=report >*/        /* 举报 */
  CIVIC_MESSAGE_KIND_HELP,          /*< nick=help >*/          /* 求助 */
  CIVIC_MESSAGE_KIND_IDEA,          /*< nick=idea >*/          /* 金点子 */
} CivicMessageKind;

#define CIVIC_N_MESSAGE_KINDS (CIVIC_MESSAGE_KIND_IDEA + 1)

typedef enum
{
  CIVIC_MESSAGE_CHANNEL_PORTAL,    /*< nick=portal >*/
  CIVIC_MESSAGE_CHANNEL_WECHAT,    /*< nick=wechat >*/
  CIVIC_MESSAGE_CHANNEL_APP,       /*< nick=app >*/
  CIVIC_MESSAGE_CHANNEL_ON_SITE,   /*< nick=on-site >*/
  CIVIC_MESSAGE_CHANNEL_EMAIL,     /*< nick=email >*/
  CIVIC_MESSAGE_CHANNEL_LETTER,    /*< nick=letter >*/
  CIVIC_MESSAGE_CHANNEL_HOTLINE,   /*< nick=hotline-12345 >*/
  CIVIC_MESSAGE_CHANNEL_OPEN311,   /*< nick=open311 >*/
} CivicMessageChannel;

#define CIVIC_N_MESSAGE_CHANNELS (CIVIC_MESSAGE_CHANNEL_OPEN311 + 1)

/* The steps a region puts a time limit on */
typedef enum
{
  CIVIC_MESSAGE_STEP_SIGN_FOR,       /*< nick=sign-for >*/        /* 签收 */
  CIVIC_MESSAGE_STEP_REPLY,          /*< nick=reply >*/           /* 答复 */
  CIVIC_MESSAGE_STEP_SEND_BACK,      /*< nick=send-back >*/       /* 退单: objecting to a misrouted one */
  CIVIC_MESSAGE_STEP_RECTIFICATION,  /*< nick=rectification >*/   /* 差评整改 */
  CIVIC_MESSAGE_STEP_EVALUATION,     /*< nick=evaluation >*/      /* the citizen's time to rate */
} CivicMessageStep;

#define CIVIC_N_MESSAGE_STEPS (CIVIC_MESSAGE_STEP_EVALUATION + 1)

const char *civic_message_kind_get_label    (CivicMessageKind    kind);
const char *civic_message_channel_get_label (CivicMessageChannel channel);
const char *civic_message_step_get_label    (CivicMessageStep    step);

G_END_DECLS
