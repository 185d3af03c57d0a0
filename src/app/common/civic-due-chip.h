/* civic-due-chip.h — a deadline as a coloured chip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "civic-calendar.h"
#include "civic-clock.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_DUE_CHIP (civic_due_chip_get_type ())
G_DECLARE_FINAL_TYPE (CivicDueChip, civic_due_chip, CIVIC, DUE_CHIP, AdwBin)

GtkWidget  *civic_due_chip_new          (void);
GtkWidget  *civic_due_chip_new_explained (void);
void        civic_due_chip_set_status   (CivicDueChip  *self,
                                         const char    *status,
                                         CivicDay       due,
                                         CivicCalendar *calendar,
                                         CivicDay       today);
void        civic_due_chip_set_clock    (CivicDueChip  *self,
                                         CivicClock    *clock,
                                         CivicCalendar *calendar,
                                         CivicDay       today);
GtkWidget  *civic_due_chip_get_activatable (CivicDueChip  *self);
const char *civic_due_chip_get_text     (CivicDueChip  *self);
const char *civic_due_chip_get_status   (CivicDueChip  *self);

char       *civic_due_chip_describe     (const char    *status,
                                         CivicDay       due,
                                         CivicCalendar *calendar,
                                         CivicDay       today);

G_END_DECLS
