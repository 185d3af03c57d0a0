/* civic-reply-lint.h — what a reply to a citizen must say before it goes out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "civic-message.h"

G_BEGIN_DECLS

typedef enum
{
  /* a "no" (不予、不支持、不属于…) with no reason given */
  CIVIC_REPLY_FINDING_NO_REASON,          /*< nick=no-reason >*/
  /* a "no" to a complaint or report without the way to ask for a review
   * (信访工作条例 Art. 35: 复查 within 30 days) */
  CIVIC_REPLY_FINDING_NO_REMEDY,          /*< nick=no-remedy >*/
  /* a template's blank left: {{name}}, ××, 【请填写】 */
  CIVIC_REPLY_FINDING_BLANK_LEFT,         /*< nick=blank-left >*/
  /* a sentence of an internal note, word for word */
  CIVIC_REPLY_FINDING_FROM_NOTE,          /*< nick=from-note >*/
  /* nothing to send */
  CIVIC_REPLY_FINDING_EMPTY,              /*< nick=empty >*/
} CivicReplyFindingKind;

typedef struct
{
  CivicReplyFindingKind  kind;
  gboolean               blocking;  /* the reply cannot go out while it stands */
  gsize                  start;     /* bytes into the text; start == end for the text as a whole */
  gsize                  end;
} CivicReplyFinding;

GPtrArray  *civic_reply_lint_check        (const char          *text,
                                           CivicMessageKind     kind,
                                           const char * const  *notes);
gboolean    civic_reply_lint_has_blocking (GPtrArray           *findings);
char       *civic_reply_finding_describe  (const CivicReplyFinding *finding,
                                           const char              *text);

G_END_DECLS
