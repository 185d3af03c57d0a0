/* fuzz-http-guard.c — the bytes a client sends, as the request guard frames them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "civic-fuzz.h"
#include "civic-http-guard.h"

/* Everything a client sends passes civic-http-guard.c before libsoup
 * reads it: the guard finds where each request's head ends, reads its
 * Content-Length and Transfer-Encoding, and lets libsoup have the head and
 * exactly the body announced — or refuses. Here the input is the whole
 * stream from a client (any number of pipelined requests), read in pieces
 * of changing sizes as libsoup would; the limits are small so that every
 * branch is near. What must hold: the guard hands on no more than it was
 * given (and the one blank line it shows libsoup at the end), it never
 * hands on more than a head's worth of a request it has not admitted, and
 * whatever it answers by itself is an HTTP refusal. */

#define MAX_HEAD 512
#define MAX_BODY 2048

static void
finished_cb (CivicHttpGuard *guard,
             gboolean       *finished)
{
  *finished = TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const gsize pieces[] = { 1, 7, 64, 3, 4096, 2, 511 };
  CivicHttpLimits limits = { MAX_HEAD, MAX_BODY, 30, 60 };
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GOutputStream) output = NULL;
  g_autoptr(GIOStream) base = NULL;
  g_autoptr(CivicHttpGuard) guard = NULL;
  GPollableInputStream *guarded;
  guint8 buffer[4096];
  gsize delivered = 0;
  gboolean finished = FALSE;
  const char *answer;
  gsize answer_size;

  civic_fuzz_init (CIVIC_FUZZ_DEFAULT);

  input = g_memory_input_stream_new_from_data (g_memdup2 (data, size), size, g_free);
  output = g_memory_output_stream_new_resizable ();
  base = g_simple_io_stream_new (input, output);
  guard = civic_http_guard_new (base, NULL, &limits, NULL, NULL);
  g_signal_connect (guard, "finished", G_CALLBACK (finished_cb), &finished);
  guarded = G_POLLABLE_INPUT_STREAM (g_io_stream_get_input_stream (G_IO_STREAM (guard)));

  for (guint i = 0; ; i++)
    {
      g_autoptr(GError) error = NULL;
      gssize n = g_pollable_input_stream_read_nonblocking (guarded, buffer,
                                                           pieces[i % G_N_ELEMENTS (pieces)],
                                                           NULL, &error);

      if (n <= 0)
        {
          civic_fuzz_assert (n == 0 || error != NULL);
          civic_fuzz_assert (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK));
          break;
        }
      delivered += n;
      civic_fuzz_assert (delivered <= size + 1);
      civic_fuzz_assert (civic_http_guard_get_requests (guard) > 0 || n == 1);
    }

  /* libsoup lets a connection go by closing the stream it was given */
  g_io_stream_close (G_IO_STREAM (guard), NULL, NULL);
  for (guint i = 0; i < 1000 && !finished; i++)
    g_main_context_iteration (NULL, FALSE);
  civic_fuzz_assert (finished);

  answer = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (output));
  answer_size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (output));
  civic_fuzz_assert (answer_size == 0 ||
                     (answer_size > 12 && memcmp (answer, "HTTP/1.1 ", 9) == 0 &&
                      (answer[9] == '4' || answer[9] == '5')));
  return 0;
}
