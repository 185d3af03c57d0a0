/* civic-fault-fixture.h — what the fault tests share: a small service, folders
 * to copy, and the warnings a failing disk provokes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "civic-fault-vfs.h"

G_BEGIN_DECLS

/* The number of cases in the small service: enough for every kind of
 * case the tests act on, small enough that a trial copies it in a
 * blink. */
#define CIVIC_FAULT_DEMO_CASES 24

/* CIVICDESK_FAULT_SWEEP=N runs N torn power cuts per sync point instead
 * of the few CI runs (bench/fault-sweep.sh). */
#define CIVIC_FAULT_SWEEP_ENV "CIVICDESK_FAULT_SWEEP"

void   civic_fault_fixture_init         (int          *argc,
                                         char       ***argv);
void   civic_fault_fixture_start_test   (void);
char  *civic_fault_fixture_make_dir     (const char   *name);
void   civic_fault_fixture_make_service (const char   *dir);
void   civic_fault_fixture_copy_dir     (const char   *from,
                                         const char   *to);
void   civic_fault_fixture_remove_dir   (const char   *dir);
void   civic_fault_fixture_came_back    (void);

/* What a fault test does to one operation (a command, a page applied…),
 * its @subject: the fixture decides which trials to run, these run one. */
typedef struct
{
  /* Runs it once without faults; returns how often it called each
   * method (an array of %CIVIC_FAULT_N_METHODS), which @subject owns */
  const guint *(*learn)     (gpointer          subject);
  /* The power goes at sync point @k, or after it returned when @k is one
   * past the last; @torn lets some unsynced writes land, by @seed */
  void         (*power_cut) (gpointer          subject,
                             guint             k,
                             gboolean          torn,
                             guint32           seed);
  /* Call @n of @method fails with @rc: that once, or from then on */
  void         (*fault)     (gpointer          subject,
                             CivicFaultMethod  method,
                             guint             n,
                             int               rc,
                             gboolean          sticky);
} CivicFaultTrials;

void   civic_fault_fixture_add_tests    (const char             *prefix,
                                         const char             *name,
                                         const CivicFaultTrials *trials,
                                         gpointer                subject);

G_END_DECLS
