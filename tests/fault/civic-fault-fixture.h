/* civic-fault-fixture.h — what the fault tests share: a small service, folders
 * to copy, and the warnings a failing disk provokes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

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
guint  civic_fault_fixture_torn_seeds   (void);
void   civic_fault_fixture_summary      (guint         n_trials,
                                         guint         n_came_back);

G_END_DECLS
