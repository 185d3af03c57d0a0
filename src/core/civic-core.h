/* civic-core.h — the rules of law shared by the client and the service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-actor.h"
#include "civic-argument.h"
#include "civic-calendar.h"
#include "civic-case.h"
#include "civic-case-kind.h"
#include "civic-clock.h"
#include "civic-core-enums.h"
#include "civic-day.h"
#include "civic-disclosure.h"
#include "civic-disclosure-kind.h"
#include "civic-disclosure-request.h"
#include "civic-disclosure-request-clock.h"
#include "civic-disclosure-request-kind.h"
#include "civic-disclosure-request-reply.h"
#include "civic-document.h"
#include "civic-entity.h"
#include "civic-hearing.h"
#include "civic-hearing-kind.h"
#include "civic-id-numbers.h"
#include "civic-json-scan.h"
#include "civic-json.h"
#include "civic-markdown.h"
#include "civic-markdown-html.h"
#include "civic-message.h"
#include "civic-message-clocks.h"
#include "civic-privacy-lint.h"
#include "civic-privacy-mask.h"
#include "civic-reply-lint.h"
#include "civic-template.h"
#include "civic-text-diff.h"
#include "civic-time.h"
#include "civic-workflow.h"
