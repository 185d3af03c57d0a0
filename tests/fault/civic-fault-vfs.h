/* civic-fault-vfs.h — a SQLite VFS that cuts the power and fails calls on demand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The calls of a file that can be counted and made to fail. */
typedef enum
{
  CIVIC_FAULT_READ,
  CIVIC_FAULT_WRITE,
  CIVIC_FAULT_SYNC,
  CIVIC_FAULT_TRUNCATE,
  CIVIC_FAULT_N_METHODS,
} CivicFaultMethod;

void        civic_fault_vfs_install        (void);
void        civic_fault_vfs_settle         (void);
void        civic_fault_vfs_reset_counts   (void);
guint       civic_fault_vfs_count          (CivicFaultMethod  method);
guint       civic_fault_vfs_count_failed   (void);
const char *civic_fault_method_to_string   (CivicFaultMethod  method);

void        civic_fault_vfs_fail_once      (CivicFaultMethod  method,
                                            guint             n,
                                            int               rc);
void        civic_fault_vfs_fail_from      (CivicFaultMethod  method,
                                            guint             n,
                                            int               rc);
void        civic_fault_vfs_clear_faults   (void);

void        civic_fault_vfs_cut_at_sync    (guint             n);
void        civic_fault_vfs_cut_now        (void);
gboolean    civic_fault_vfs_is_cut         (void);
void        civic_fault_vfs_power_cut      (void);
void        civic_fault_vfs_power_cut_torn (guint32           seed);
void        civic_fault_vfs_crash          (void);

G_END_DECLS
