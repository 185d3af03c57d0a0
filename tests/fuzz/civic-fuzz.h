/* civic-fuzz.h — what every libFuzzer target shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

#include "civic-calendar.h"

G_BEGIN_DECLS

/* The entry points libFuzzer (or civic-fuzz-replay.c) calls. Every target
 * defines LLVMFuzzerTestOneInput(); LLVMFuzzerInitialize() only where it
 * has something to build once. */
int   LLVMFuzzerInitialize     (int            *argc,
                                char         ***argv);
int   LLVMFuzzerTestOneInput   (const uint8_t  *data,
                                size_t          size);

typedef enum
{
  CIVIC_FUZZ_DEFAULT       = 0,
  /* The code under test says g_warning() about bad input by design (a
   * damaged file it then ignores): a warning is not a failure there. */
  CIVIC_FUZZ_ALLOW_WARNINGS = 1 << 0,
} CivicFuzzFlags;

void  civic_fuzz_init          (CivicFuzzFlags  flags);
char *civic_fuzz_make_tmp_dir  (const char     *name);
CivicCalendar *civic_fuzz_load_calendar (void);

/* A broken promise of the code under test: libFuzzer keeps the input that
 * broke it, as it does for a crash. */
#define civic_fuzz_assert(expr) \
  G_STMT_START { \
    if (G_LIKELY (expr)) ; \
    else \
      civic_fuzz_fail (__FILE__, __LINE__, #expr); \
  } G_STMT_END

/* Known bugs in src/: civic-fuzz-known-bugs.c */
const char *civic_fuzz_known_bug             (const char     *written);

G_NORETURN void civic_fuzz_fail (const char *file,
                                 int         line,
                                 const char *expr);

G_END_DECLS
