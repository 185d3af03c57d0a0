/* civic-intake.h — applications from the public side of the hall
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-case.h"
#include "civic-item-records.h"
#include "civic-db.h"

G_BEGIN_DECLS

#define CIVIC_INTAKE_ERROR (civic_intake_error_quark ())

typedef enum
{
  CIVIC_INTAKE_ERROR_INVALID,
  CIVIC_INTAKE_ERROR_NOT_FOUND,
} CivicIntakeError;

GQuark     civic_intake_error_quark   (void);

CivicCase *civic_intake_new_case      (CivicDb               *db,
                                       CivicCalendar         *calendar,
                                       const char            *id,
                                       const CivicItemFiled  *item,
                                       const CivicApplicant  *applicant,
                                       const char * const    *received_materials,
                                       CivicChannel           channel,
                                       GDateTime             *received_at,
                                       GError               **error);
char      *civic_intake_submit        (CivicDb               *db,
                                       CivicCalendar         *calendar,
                                       JsonNode              *body,
                                       GDateTime             *now,
                                       const char            *address,
                                       GError               **error);
char      *civic_intake_status        (CivicDb               *db,
                                       CivicCalendar         *calendar,
                                       const char            *receipt,
                                       GDateTime             *now,
                                       GError               **error);
char      *civic_intake_new_receipt   (void);
char      *civic_intake_unique_receipt (CivicDb              *db,
                                        const char           *taken_sql,
                                        GError              **error);

G_END_DECLS
