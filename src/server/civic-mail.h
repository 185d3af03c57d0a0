/* civic-mail.h — citizens' e-mail filed as messages, and the replies mailed back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "civic-calendar.h"
#include "civic-db.h"

G_BEGIN_DECLS

#define CIVIC_MAIL_ERROR (civic_mail_error_quark ())

typedef enum
{
  CIVIC_MAIL_ERROR_INVALID,
} CivicMailError;

/* What an import did */
typedef struct
{
  guint      filed;     /* new messages */
  guint      already;   /* filed by an earlier import */
  GPtrArray *refused;   /* char *: "<Message-ID>: why" */
} CivicMailImport;

GQuark   civic_mail_error_quark   (void);

void     civic_mail_import_clear  (CivicMailImport  *result);
gboolean civic_mail_import        (CivicDb          *db,
                                   CivicCalendar    *calendar,
                                   GDateTime        *now,
                                   GBytes           *input,
                                   CivicMailImport  *result,
                                   GError          **error);
gboolean civic_mail_write_replies (CivicDb          *db,
                                   GDateTime        *now,
                                   const char       *from,
                                   const char       *outbox,
                                   guint            *written,
                                   GError          **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CivicMailImport, civic_mail_import_clear)

G_END_DECLS
