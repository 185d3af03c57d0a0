/* civic-message.c — a citizen's message to the hall (互动交流)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-message"

#include "config.h"

#include "civic-i18n.h"

#include "civic-message.h"

const char *
civic_message_kind_get_label (CivicMessageKind kind)
{
  switch (kind)
    {
    case CIVIC_MESSAGE_KIND_CONSULTATION: return _("Consultation");
    case CIVIC_MESSAGE_KIND_COMPLAINT: return _("Complaint");
    case CIVIC_MESSAGE_KIND_SUGGESTION: return _("Suggestion");
    case CIVIC_MESSAGE_KIND_REPORT: return _("Report of Wrongdoing");
    case CIVIC_MESSAGE_KIND_HELP: return _("Request for Help");
    case CIVIC_MESSAGE_KIND_IDEA: return _("Idea");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_message_channel_get_label (CivicMessageChannel channel)
{
  switch (channel)
    {
    case CIVIC_MESSAGE_CHANNEL_PORTAL: return _("Online Service Hall");
    case CIVIC_MESSAGE_CHANNEL_WECHAT: return _("WeChat");
    case CIVIC_MESSAGE_CHANNEL_APP: return _("Mobile App");
    case CIVIC_MESSAGE_CHANNEL_ON_SITE: return _("On Site");
    case CIVIC_MESSAGE_CHANNEL_EMAIL: return _("E-mail");
    case CIVIC_MESSAGE_CHANNEL_LETTER: return _("Letter");
    case CIVIC_MESSAGE_CHANNEL_HOTLINE: return _("12345 Hotline");
    case CIVIC_MESSAGE_CHANNEL_OPEN311: return _("Open311");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_message_step_get_label (CivicMessageStep step)
{
  switch (step)
    {
    case CIVIC_MESSAGE_STEP_SIGN_FOR: return _("Sign for");
    case CIVIC_MESSAGE_STEP_REPLY: return _("Reply");
    case CIVIC_MESSAGE_STEP_SEND_BACK: return _("Send back");
    case CIVIC_MESSAGE_STEP_RECTIFICATION: return _("Rectification");
    case CIVIC_MESSAGE_STEP_EVALUATION: return _("Evaluation");
    default: g_return_val_if_reached ("");
    }
}
