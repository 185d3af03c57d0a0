/* civic-fault-vfs.c — a SQLite VFS that cuts the power and fails calls on demand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-fault-vfs"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "civic-fault-vfs.h"

/* A shim over SQLite's unix VFS, registered as the default so that every
 * connection the code under test opens goes through it. Reads and writes
 * reach the real files; what the shim adds is a model of what a disk
 * keeps when the power goes:
 *
 * - A write is only durable once its file has been synced. For each file
 *   that outlives the process (the database, its -wal, its -journal) the
 *   shim keeps every write and truncation since that file's last xSync,
 *   with the bytes it replaced, and the size the file had at that sync.
 *   A power cut undoes them newest first and cuts the file back to that
 *   size: exactly what the last sync made durable. The torn variant then
 *   lets a random subset of the lost writes land after all, as a disk
 *   that reorders its queue does.
 * - The -shm file is never durable (it is rebuilt from the -wal), so a
 *   power cut removes it.
 * - Deleting a file and creating one count as durable at once: the
 *   shim does not model the directory. SQLite syncs the directory where
 *   it matters, and the service's and the cache's files only ever lose
 *   their -wal, after a checkpoint that synced the database.
 *
 * The shim never calls the real fsync(): what is durable is the model's
 * to say, and the tests need not wait for the disk.
 *
 * A power cut happens at a chosen xSync: that sync and every later call
 * that touches the disk fail with SQLITE_IOERR, so the transaction that
 * reached it fails as it would have, and no later write can undo the
 * experiment. The test then closes every connection, calls
 * civic_fault_vfs_power_cut() and opens the files again.
 *
 * Faults without a power cut are the errors a disk gives a live process:
 * SQLITE_FULL for ENOSPC, SQLITE_IOERR_* for EIO, at the n-th call of a
 * method, once or from then on. A failed call changes nothing on disk.
 *
 * Calls are counted from the last civic_fault_vfs_settle() or
 * civic_fault_vfs_reset_counts(): a test counts the sync points of an
 * operation by running it once, then cuts the power at each in turn. */

typedef struct
{
  gint64   offset;
  GBytes  *before;      /* the bytes the change replaced, as far as the file reached */
  GBytes  *after;       /* the bytes written; NULL for a change of size */
  gint64   size_after;  /* for a change of size: the size it set */
} Change;

typedef struct
{
  char     *path;
  gboolean  main_db;
  guint     n_open;
  gboolean  exists;
  gint64    synced_size;
  GArray   *unsynced;   /* Change, oldest first */
} TrackedFile;

typedef struct
{
  sqlite3_file  base;
  TrackedFile  *tracked;  /* NULL for files that die with the process */
  sqlite3_file *real;     /* the unix VFS's file, in the same allocation */
} FaultFile;

typedef struct
{
  guint    from;   /* the first call that fails; 0 for none */
  int      rc;
  gboolean once;
} Fault;

static struct
{
  GMutex       lock;
  sqlite3_vfs *real;
  GHashTable  *files;   /* path → TrackedFile */
  guint        calls[CIVIC_FAULT_N_METHODS];
  Fault        faults[CIVIC_FAULT_N_METHODS];
  guint        cut_at_sync;
  gboolean     cut;
  guint        n_failed;
} fault;

static void
change_clear (gpointer data)
{
  Change *change = data;

  g_clear_pointer (&change->before, g_bytes_unref);
  g_clear_pointer (&change->after, g_bytes_unref);
}

static TrackedFile *
tracked_file_new (const char *path,
                  gboolean    main_db)
{
  TrackedFile *tracked = g_new0 (TrackedFile, 1);

  tracked->path = g_strdup (path);
  tracked->main_db = main_db;
  tracked->exists = TRUE;
  tracked->unsynced = g_array_new (FALSE, FALSE, sizeof (Change));
  g_array_set_clear_func (tracked->unsynced, change_clear);
  return tracked;
}

static void
tracked_file_free (gpointer data)
{
  TrackedFile *tracked = data;

  g_array_unref (tracked->unsynced);
  g_free (tracked->path);
  g_free (tracked);
}

static void
forget_unsynced (TrackedFile *tracked,
                 gint64       size)
{
  g_array_set_size (tracked->unsynced, 0);
  tracked->synced_size = size;
}

static int
power_off_code (CivicFaultMethod method)
{
  switch (method)
    {
    case CIVIC_FAULT_READ: return SQLITE_IOERR_READ;
    case CIVIC_FAULT_WRITE: return SQLITE_IOERR_WRITE;
    case CIVIC_FAULT_SYNC: return SQLITE_IOERR_FSYNC;
    case CIVIC_FAULT_TRUNCATE: return SQLITE_IOERR_TRUNCATE;
    case CIVIC_FAULT_N_METHODS:
    default:
      g_assert_not_reached ();
    }
}

/* Counts a call and says how it must fail, or SQLITE_OK. Call with the
 * lock held. */
static int
next_call (CivicFaultMethod method)
{
  const Fault *armed = &fault.faults[method];
  guint n = ++fault.calls[method];

  if (method == CIVIC_FAULT_SYNC && fault.cut_at_sync == n)
    fault.cut = TRUE;

  if (fault.cut)
    {
      fault.n_failed++;
      return power_off_code (method);
    }

  if (armed->from != 0 && (armed->once ? n == armed->from : n >= armed->from))
    {
      fault.n_failed++;
      return armed->rc;
    }

  return SQLITE_OK;
}

static int
counted_call (CivicFaultMethod method)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fault.lock);

  return next_call (method);
}

static gboolean
is_cut (void)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fault.lock);

  return fault.cut;
}

/* The bytes of [offset, offset + length) that the file has now. */
static int
read_present (sqlite3_file  *real,
              gint64         offset,
              gint64         length,
              GBytes       **bytes)
{
  sqlite3_int64 size;
  gint64 present;
  guint8 *buffer;
  int rc;

  rc = real->pMethods->xFileSize (real, &size);
  if (rc != SQLITE_OK)
    return rc;

  present = CLAMP (size - offset, 0, length);
  buffer = g_malloc (present);
  if (present > 0)
    {
      rc = real->pMethods->xRead (real, buffer, present, offset);
      if (rc != SQLITE_OK)
        {
          g_free (buffer);
          return rc;
        }
    }

  *bytes = g_bytes_new_take (buffer, present);
  return SQLITE_OK;
}

/* The file methods */

static int
fault_close (sqlite3_file *file)
{
  FaultFile *self = (FaultFile *) file;
  int rc = self->real->pMethods->xClose (self->real);

  g_mutex_lock (&fault.lock);
  if (self->tracked != NULL)
    self->tracked->n_open--;
  g_mutex_unlock (&fault.lock);
  return rc;
}

static int
fault_read (sqlite3_file  *file,
            void          *buffer,
            int            amount,
            sqlite3_int64  offset)
{
  FaultFile *self = (FaultFile *) file;
  int rc = counted_call (CIVIC_FAULT_READ);

  if (rc != SQLITE_OK)
    return rc;
  return self->real->pMethods->xRead (self->real, buffer, amount, offset);
}

static int
fault_write (sqlite3_file  *file,
             const void    *data,
             int            amount,
             sqlite3_int64  offset)
{
  FaultFile *self = (FaultFile *) file;
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fault.lock);
  Change change = { offset, NULL, NULL, 0 };
  int rc;

  rc = next_call (CIVIC_FAULT_WRITE);
  if (rc != SQLITE_OK)
    return rc;

  if (self->tracked != NULL)
    {
      rc = read_present (self->real, offset, amount, &change.before);
      if (rc != SQLITE_OK)
        return rc;
    }

  rc = self->real->pMethods->xWrite (self->real, data, amount, offset);
  if (rc != SQLITE_OK || self->tracked == NULL)
    {
      change_clear (&change);
      return rc;
    }

  change.after = g_bytes_new (data, amount);
  g_array_append_val (self->tracked->unsynced, change);
  return SQLITE_OK;
}

static int
fault_truncate (sqlite3_file  *file,
                sqlite3_int64  size)
{
  FaultFile *self = (FaultFile *) file;
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fault.lock);
  Change change = { size, NULL, NULL, size };
  int rc;

  rc = next_call (CIVIC_FAULT_TRUNCATE);
  if (rc != SQLITE_OK)
    return rc;

  if (self->tracked != NULL)
    {
      rc = read_present (self->real, size, G_MAXINT64 / 2, &change.before);
      if (rc != SQLITE_OK)
        return rc;
    }

  rc = self->real->pMethods->xTruncate (self->real, size);
  if (rc != SQLITE_OK || self->tracked == NULL)
    {
      change_clear (&change);
      return rc;
    }

  g_array_append_val (self->tracked->unsynced, change);
  return SQLITE_OK;
}

static int
fault_sync (sqlite3_file *file,
            int           flags)
{
  FaultFile *self = (FaultFile *) file;
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fault.lock);
  sqlite3_int64 size;
  int rc;

  rc = next_call (CIVIC_FAULT_SYNC);
  if (rc != SQLITE_OK || self->tracked == NULL)
    return rc;

  /* What a sync makes durable is the model's to say; a real fsync would
   * only make every trial wait for the disk. */

  rc = self->real->pMethods->xFileSize (self->real, &size);
  if (rc != SQLITE_OK)
    return rc;

  forget_unsynced (self->tracked, size);
  return SQLITE_OK;
}

static int
fault_file_size (sqlite3_file  *file,
                 sqlite3_int64 *size)
{
  FaultFile *self = (FaultFile *) file;

  if (is_cut ())
    return SQLITE_IOERR_FSTAT;
  return self->real->pMethods->xFileSize (self->real, size);
}

static int
fault_lock (sqlite3_file *file,
            int           level)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xLock (self->real, level);
}

static int
fault_unlock (sqlite3_file *file,
              int           level)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xUnlock (self->real, level);
}

static int
fault_check_reserved_lock (sqlite3_file *file,
                           int          *reserved)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xCheckReservedLock (self->real, reserved);
}

static int
fault_file_control (sqlite3_file *file,
                    int           op,
                    void         *arg)
{
  FaultFile *self = (FaultFile *) file;

  /* With a chunk size, the unix VFS grows the file on this hint behind
   * xWrite's back; it is only ever an optimisation. */
  if (op == SQLITE_FCNTL_SIZE_HINT)
    return SQLITE_OK;

  return self->real->pMethods->xFileControl (self->real, op, arg);
}

static int
fault_sector_size (sqlite3_file *file)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xSectorSize (self->real);
}

static int
fault_device_characteristics (sqlite3_file *file)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xDeviceCharacteristics (self->real);
}

static int
fault_shm_map (sqlite3_file  *file,
               int            region,
               int            size,
               int            extend,
               void volatile **pointer)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xShmMap (self->real, region, size, extend, pointer);
}

static int
fault_shm_lock (sqlite3_file *file,
                int           offset,
                int           n,
                int           flags)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xShmLock (self->real, offset, n, flags);
}

static void
fault_shm_barrier (sqlite3_file *file)
{
  FaultFile *self = (FaultFile *) file;

  self->real->pMethods->xShmBarrier (self->real);
}

static int
fault_shm_unmap (sqlite3_file *file,
                 int           delete_flag)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xShmUnmap (self->real, delete_flag);
}

static int
fault_fetch (sqlite3_file   *file,
             sqlite3_int64   offset,
             int             amount,
             void          **pointer)
{
  /* No memory-mapped pages: every read goes through xRead, where it is
   * counted and can fail. */
  *pointer = NULL;
  return SQLITE_OK;
}

static int
fault_unfetch (sqlite3_file  *file,
               sqlite3_int64  offset,
               void          *pointer)
{
  FaultFile *self = (FaultFile *) file;

  return self->real->pMethods->xUnfetch (self->real, offset, pointer);
}

static const sqlite3_io_methods fault_io_methods = {
  .iVersion = 3,
  .xClose = fault_close,
  .xRead = fault_read,
  .xWrite = fault_write,
  .xTruncate = fault_truncate,
  .xSync = fault_sync,
  .xFileSize = fault_file_size,
  .xLock = fault_lock,
  .xUnlock = fault_unlock,
  .xCheckReservedLock = fault_check_reserved_lock,
  .xFileControl = fault_file_control,
  .xSectorSize = fault_sector_size,
  .xDeviceCharacteristics = fault_device_characteristics,
  .xShmMap = fault_shm_map,
  .xShmLock = fault_shm_lock,
  .xShmBarrier = fault_shm_barrier,
  .xShmUnmap = fault_shm_unmap,
  .xFetch = fault_fetch,
  .xUnfetch = fault_unfetch,
};

/* The VFS methods */

#define DURABLE_FILES (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_WAL | \
                       SQLITE_OPEN_SUPER_JOURNAL)

static int
fault_open (sqlite3_vfs       *vfs,
            sqlite3_filename   name,
            sqlite3_file      *file,
            int                flags,
            int               *out_flags)
{
  FaultFile *self = (FaultFile *) file;
  sqlite3_int64 size = 0;
  TrackedFile *tracked;
  int rc;

  self->base.pMethods = NULL;
  self->tracked = NULL;
  self->real = (sqlite3_file *) (self + 1);

  if (is_cut ())
    return SQLITE_CANTOPEN;

  rc = fault.real->xOpen (fault.real, name, self->real, flags, out_flags);
  if (self->real->pMethods == NULL)
    return rc;
  self->base.pMethods = &fault_io_methods;
  if (rc != SQLITE_OK)
    return rc;

  if (name == NULL || (flags & DURABLE_FILES) == 0 || (flags & SQLITE_OPEN_DELETEONCLOSE) != 0)
    return SQLITE_OK;

  rc = self->real->pMethods->xFileSize (self->real, &size);
  if (rc != SQLITE_OK)
    return rc;

  g_mutex_lock (&fault.lock);
  tracked = g_hash_table_lookup (fault.files, name);
  if (tracked == NULL)
    {
      /* What was there before the shim first saw it is on disk. */
      tracked = tracked_file_new (name, (flags & SQLITE_OPEN_MAIN_DB) != 0);
      tracked->synced_size = size;
      g_hash_table_insert (fault.files, tracked->path, tracked);
    }
  else if (!tracked->exists)
    {
      tracked->exists = TRUE;
      forget_unsynced (tracked, size);
    }
  tracked->n_open++;
  self->tracked = tracked;
  g_mutex_unlock (&fault.lock);

  return SQLITE_OK;
}

static int
fault_delete (sqlite3_vfs *vfs,
              const char  *name,
              int          sync_dir)
{
  TrackedFile *tracked;
  int rc;

  if (is_cut ())
    return SQLITE_IOERR_DELETE;

  rc = fault.real->xDelete (fault.real, name, sync_dir);
  if (rc != SQLITE_OK)
    return rc;

  g_mutex_lock (&fault.lock);
  tracked = g_hash_table_lookup (fault.files, name);
  if (tracked != NULL)
    {
      tracked->exists = FALSE;
      forget_unsynced (tracked, 0);
    }
  g_mutex_unlock (&fault.lock);
  return SQLITE_OK;
}

static int
fault_access (sqlite3_vfs *vfs,
              const char  *name,
              int          flags,
              int         *result)
{
  return fault.real->xAccess (fault.real, name, flags, result);
}

static int
fault_full_pathname (sqlite3_vfs *vfs,
                     const char  *name,
                     int          n_out,
                     char        *out)
{
  return fault.real->xFullPathname (fault.real, name, n_out, out);
}

static void *
fault_dl_open (sqlite3_vfs *vfs,
               const char  *name)
{
  return fault.real->xDlOpen (fault.real, name);
}

static void
fault_dl_error (sqlite3_vfs *vfs,
                int          n_bytes,
                char        *message)
{
  fault.real->xDlError (fault.real, n_bytes, message);
}

typedef void (*DlSymbol) (void);

static DlSymbol
fault_dl_sym (sqlite3_vfs *vfs,
              void        *handle,
              const char  *symbol)
{
  return fault.real->xDlSym (fault.real, handle, symbol);
}

static void
fault_dl_close (sqlite3_vfs *vfs,
                void        *handle)
{
  fault.real->xDlClose (fault.real, handle);
}

static int
fault_randomness (sqlite3_vfs *vfs,
                  int          n_bytes,
                  char        *out)
{
  return fault.real->xRandomness (fault.real, n_bytes, out);
}

static int
fault_sleep (sqlite3_vfs *vfs,
             int          microseconds)
{
  return fault.real->xSleep (fault.real, microseconds);
}

static int
fault_current_time (sqlite3_vfs *vfs,
                    double      *now)
{
  return fault.real->xCurrentTime (fault.real, now);
}

static int
fault_get_last_error (sqlite3_vfs *vfs,
                      int          n_bytes,
                      char        *message)
{
  return fault.real->xGetLastError (fault.real, n_bytes, message);
}

static int
fault_current_time_int64 (sqlite3_vfs   *vfs,
                          sqlite3_int64 *now)
{
  return fault.real->xCurrentTimeInt64 (fault.real, now);
}

static int
fault_set_system_call (sqlite3_vfs         *vfs,
                       const char          *name,
                       sqlite3_syscall_ptr  call)
{
  return fault.real->xSetSystemCall (fault.real, name, call);
}

static sqlite3_syscall_ptr
fault_get_system_call (sqlite3_vfs *vfs,
                       const char  *name)
{
  return fault.real->xGetSystemCall (fault.real, name);
}

static const char *
fault_next_system_call (sqlite3_vfs *vfs,
                        const char  *name)
{
  return fault.real->xNextSystemCall (fault.real, name);
}

/**
 * civic_fault_vfs_install:
 *
 * Registers the shim as the default VFS, over the one that was the
 * default. Call before the first connection opens.
 */
void
civic_fault_vfs_install (void)
{
  static sqlite3_vfs vfs;
  int rc;

  g_return_if_fail (fault.real == NULL);

  rc = sqlite3_initialize ();
  g_assert_cmpint (rc, ==, SQLITE_OK);
  fault.real = sqlite3_vfs_find (NULL);
  g_assert_nonnull (fault.real);
  g_assert_cmpint (fault.real->iVersion, >=, 3);
  fault.files = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, tracked_file_free);

  vfs = (sqlite3_vfs) {
    .iVersion = 3,
    .szOsFile = sizeof (FaultFile) + fault.real->szOsFile,
    .mxPathname = fault.real->mxPathname,
    .zName = "civic-fault",
    .xOpen = fault_open,
    .xDelete = fault_delete,
    .xAccess = fault_access,
    .xFullPathname = fault_full_pathname,
    .xDlOpen = fault_dl_open,
    .xDlError = fault_dl_error,
    .xDlSym = fault_dl_sym,
    .xDlClose = fault_dl_close,
    .xRandomness = fault_randomness,
    .xSleep = fault_sleep,
    .xCurrentTime = fault_current_time,
    .xGetLastError = fault_get_last_error,
    .xCurrentTimeInt64 = fault_current_time_int64,
    .xSetSystemCall = fault_set_system_call,
    .xGetSystemCall = fault_get_system_call,
    .xNextSystemCall = fault_next_system_call,
  };

  rc = sqlite3_vfs_register (&vfs, 1);
  g_assert_cmpint (rc, ==, SQLITE_OK);
}

static void
reset_counts_locked (void)
{
  memset (fault.calls, 0, sizeof fault.calls);
  fault.n_failed = 0;
}

static void
clear_faults_locked (void)
{
  memset (fault.faults, 0, sizeof fault.faults);
  fault.cut_at_sync = 0;
  fault.cut = FALSE;
}

/* Forgets the files no connection has open, and, of the others, every
 * write so far: what is on disk now is what a power cut comes back to. */
static void
settle_locked (void)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, fault.files);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      TrackedFile *tracked = value;
      GStatBuf buf;

      if (tracked->n_open == 0)
        g_hash_table_iter_remove (&iter);
      else
        forget_unsynced (tracked, g_stat (tracked->path, &buf) == 0 ? buf.st_size : 0);
    }

  reset_counts_locked ();
  clear_faults_locked ();
}

/**
 * civic_fault_vfs_settle:
 *
 * Declares what is on disk now durable (files a test copied in place,
 * say), arms nothing, and starts counting calls from zero.
 */
void
civic_fault_vfs_settle (void)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fault.lock);

  g_return_if_fail (fault.real != NULL);
  settle_locked ();
}

/**
 * civic_fault_vfs_reset_counts:
 *
 * Starts counting calls from zero: the n of the functions that arm a
 * fault counts from here.
 */
void
civic_fault_vfs_reset_counts (void)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fault.lock);

  reset_counts_locked ();
}

/**
 * civic_fault_vfs_count:
 *
 * Returns: how many calls of @method there were since counting started.
 */
guint
civic_fault_vfs_count (CivicFaultMethod method)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fault.lock);

  g_return_val_if_fail (method < CIVIC_FAULT_N_METHODS, 0);
  return fault.calls[method];
}

/**
 * civic_fault_vfs_count_failed:
 *
 * Returns: how many calls the shim made fail since counting started.
 */
guint
civic_fault_vfs_count_failed (void)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fault.lock);

  return fault.n_failed;
}

const char *
civic_fault_method_to_string (CivicFaultMethod method)
{
  switch (method)
    {
    case CIVIC_FAULT_READ: return "xRead";
    case CIVIC_FAULT_WRITE: return "xWrite";
    case CIVIC_FAULT_SYNC: return "xSync";
    case CIVIC_FAULT_TRUNCATE: return "xTruncate";
    case CIVIC_FAULT_N_METHODS:
    default:
      g_return_val_if_reached ("?");
    }
}

static void
arm (CivicFaultMethod method,
     guint            n,
     int              rc,
     gboolean         once)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fault.lock);

  g_return_if_fail (method < CIVIC_FAULT_N_METHODS);
  g_return_if_fail (n > 0);
  g_return_if_fail (rc != SQLITE_OK);

  fault.faults[method] = (Fault) { n, rc, once };
}

/**
 * civic_fault_vfs_fail_once:
 * @n: counted from 1
 * @rc: the error, SQLITE_IOERR_READ or SQLITE_FULL for instance
 *
 * The @n-th call of @method fails with @rc without touching the disk;
 * the calls after it work again, as after a passing error.
 */
void
civic_fault_vfs_fail_once (CivicFaultMethod method,
                           guint            n,
                           int              rc)
{
  arm (method, n, rc, TRUE);
}

/**
 * civic_fault_vfs_fail_from:
 *
 * From the @n-th call of @method on, every one fails with @rc, as on a
 * full disk, until civic_fault_vfs_clear_faults().
 */
void
civic_fault_vfs_fail_from (CivicFaultMethod method,
                           guint            n,
                           int              rc)
{
  arm (method, n, rc, FALSE);
}

void
civic_fault_vfs_clear_faults (void)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fault.lock);

  memset (fault.faults, 0, sizeof fault.faults);
}

/**
 * civic_fault_vfs_cut_at_sync:
 * @n: counted from 1
 *
 * The power goes at the @n-th xSync: it does not happen, and every call
 * after it that would touch the disk fails.
 */
void
civic_fault_vfs_cut_at_sync (guint n)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fault.lock);

  g_return_if_fail (n > 0);
  fault.cut_at_sync = n;
}

/**
 * civic_fault_vfs_cut_now:
 *
 * The power goes now, between two calls: after an operation returned,
 * before anything else reaches the disk.
 */
void
civic_fault_vfs_cut_now (void)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fault.lock);

  fault.cut = TRUE;
}

gboolean
civic_fault_vfs_is_cut (void)
{
  return is_cut ();
}

static void
write_all (int     fd,
           GBytes *bytes,
           gint64  offset)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  while (length > 0)
    {
      gssize written = pwrite (fd, data, length, offset);

      if (written < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (written, >, 0);
      data += written;
      length -= written;
      offset += written;
    }
}

static void
apply_change (int           fd,
              const Change *change)
{
  if (change->after != NULL)
    write_all (fd, change->after, change->offset);
  else
    g_assert_no_errno (ftruncate (fd, change->size_after));
}

/* Brings a file back to what its last sync made durable; with @seed, a
 * random subset of the lost changes lands all the same, in order. */
static void
restore (TrackedFile *tracked,
         gboolean     torn,
         guint32      seed)
{
  g_autoptr(GRand) rand = NULL;
  g_autofree char *basename = NULL;
  int fd;

  if (!tracked->exists)
    return;

  fd = g_open (tracked->path, O_RDWR | O_CLOEXEC, 0);
  g_assert_cmpint (fd, >=, 0);

  for (guint i = tracked->unsynced->len; i > 0; i--)
    {
      const Change *change = &g_array_index (tracked->unsynced, Change, i - 1);

      write_all (fd, change->before, change->offset);
    }
  g_assert_no_errno (ftruncate (fd, tracked->synced_size));

  if (torn)
    {
      /* Per file, from its name: the same seed tears the same files the
       * same way, whatever folder the test runs in. */
      basename = g_path_get_basename (tracked->path);
      rand = g_rand_new_with_seed (seed ^ g_str_hash (basename));
      for (guint i = 0; i < tracked->unsynced->len; i++)
        if (g_rand_boolean (rand))
          apply_change (fd, &g_array_index (tracked->unsynced, Change, i));
    }

  g_assert_no_errno (close (fd));

  if (tracked->main_db)
    {
      g_autofree char *shm = g_strconcat (tracked->path, "-shm", NULL);

      if (g_unlink (shm) != 0)
        g_assert_cmpint (errno, ==, ENOENT);
    }
}

static void
power_cut (gboolean torn,
           guint32  seed)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fault.lock);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, fault.files);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      TrackedFile *tracked = value;

      if (tracked->n_open > 0)
        {
          g_critical ("Power cut with %s still open: close every connection first",
                      tracked->path);
          return;
        }
      restore (tracked, torn, seed);
    }

  settle_locked ();
}

/**
 * civic_fault_vfs_power_cut:
 *
 * The machine starts again: every file is as its last sync left it, and
 * the -shm files are gone. Close every connection first. Arms nothing
 * and counts from zero afterwards.
 */
void
civic_fault_vfs_power_cut (void)
{
  power_cut (FALSE, 0);
}

/**
 * civic_fault_vfs_power_cut_torn:
 * @seed: which of the unsynced writes land
 *
 * As civic_fault_vfs_power_cut(), but some of the writes since each
 * file's last sync reached the platter anyway, in no particular order:
 * which ones follows from @seed.
 */
void
civic_fault_vfs_power_cut_torn (guint32 seed)
{
  power_cut (TRUE, seed);
}

/**
 * civic_fault_vfs_crash:
 *
 * The process died and the machine did not: every write reached the
 * kernel, so all of them stay, synced or not, and so does the -shm. Close
 * every connection first (after civic_fault_vfs_cut_now(), so that
 * closing writes nothing a dead process would not have).
 */
void
civic_fault_vfs_crash (void)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fault.lock);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, fault.files);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((TrackedFile *) value)->n_open > 0)
      {
        g_critical ("Crash with %s still open: close every connection first",
                    ((TrackedFile *) value)->path);
        return;
      }

  settle_locked ();
}
