/* test-attachment-text.c — the text reader's child, and what the service makes of its failures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * civic_attachment_text_read() runs the program it is in as
 * `… extract-text`: here that is this test, which then plays a child
 * that crashes, hangs, spins past its CPU limit or answers garbage. Each
 * leaves the file unchecked, with the reason, and the caller goes on. The extraction itself is tried
 * on real files: a PDF's pages, a UTF-8 text, a GBK one, a broken PDF.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>

#include "civic-attachment-text.h"

/* The child's part: what the input asks for */
static int
misbehave (void)
{
  char buffer[64] = { 0 };
  ssize_t n = read (STDIN_FILENO, buffer, sizeof buffer - 1);

  if (n > 0 && g_str_has_prefix (buffer, "CRASH"))
    abort ();
  if (n > 0 && g_str_has_prefix (buffer, "HANG"))
    for (;;)
      pause ();
  /* a parse that never ends, under the limits the real child sets */
  if (n > 0 && g_str_has_prefix (buffer, "SPIN"))
    {
      volatile guint64 spin = 0;

      civic_attachment_text_limit_self (1, 512);
      for (;;)
        spin++;
    }
  if (n > 0 && g_str_has_prefix (buffer, "GARBAGE"))
    {
      fputs ("<html>not pages</html>", stdout);
      return 0;
    }
  if (n > 0 && g_str_has_prefix (buffer, "FAIL"))
    return 3;
  fputs ("{\"pages\":[\"第一页\",\"第二页\"]}", stdout);
  return 0;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
pdf_of (const char * const *pages)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, out, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_set_font_size (cr, 14);
  for (guint i = 0; pages[i] != NULL; i++)
    {
      if (*pages[i] != '\0')
        {
          cairo_move_to (cr, 72, 100);
          cairo_show_text (cr, pages[i]);
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (out);
}

static void
unchecked_because (const char *input,
                   const char *reason)
{
  g_autoptr(GBytes) bytes = g_bytes_new (input, strlen (input));
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  gint64 start = g_get_monotonic_time ();

  pages = civic_attachment_text_read (bytes, "application/pdf", &error);
  g_test_message ("%s → %s after %.1f s", input, error ? error->message : "pages",
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_assert_null (pages);
  g_assert_error (error, CIVIC_ATTACHMENT_TEXT_ERROR, CIVIC_ATTACHMENT_TEXT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, reason));
}

/* A child that crashes, hangs past its time, fails or answers garbage
 * leaves the file unchecked; one that answers pages is believed */
static void
test_child_failures (void)
{
  g_autoptr(GBytes) fine = g_bytes_new_static ("PAGES", 5);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;

  unchecked_because ("CRASH", "signal 6");
  unchecked_because ("GARBAGE", "something else than pages");
  unchecked_because ("FAIL", "status 3");
  /* killed by the wall clock, three times its CPU limit */
  unchecked_because ("HANG", "signal 9");
  /* stopped by its CPU limit: SIGXCPU */
  unchecked_because ("SPIN", "signal 24");

  pages = civic_attachment_text_read (fine, "application/pdf", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (pages), ==, 2);
  g_assert_cmpstr (pages[1], ==, "第二页");
}

/* The extraction, in this process: a PDF's pages, UTF-8 text; a page
 * without text, a GBK file, a broken PDF and an image are not read */
static void
test_extract (void)
{
  static const char * const two[] = { "Licences granted: 214", "Refused: 3", NULL };
  static const char * const cover_only[] = { "Annex", "", NULL };
  g_autoptr(GBytes) pdf = pdf_of (two);
  g_autoptr(GBytes) scan = pdf_of (cover_only);
  g_autofree char *gbk = g_convert ("姓名,电话\n张三,13812345678\n", -1, "GBK", "UTF-8", NULL, NULL,
                                    NULL);
  static const char utf8[] = "\xEF\xBB\xBF姓名,电话\n张三,13812345678\n";
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  gsize length;
  const guint8 *data = g_bytes_get_data (pdf, &length);

  pages = civic_attachment_text_extract (data, length, "application/pdf", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (pages), ==, 2);
  g_assert_nonnull (strstr (pages[0], "Licences granted: 214"));
  g_assert_nonnull (strstr (pages[1], "Refused: 3"));
  g_clear_pointer (&pages, g_strfreev);

  data = g_bytes_get_data (scan, &length);
  pages = civic_attachment_text_extract (data, length, "application/pdf", &error);
  g_assert_error (error, CIVIC_ATTACHMENT_TEXT_ERROR, CIVIC_ATTACHMENT_TEXT_ERROR_NO_TEXT);
  g_assert_nonnull (strstr (error->message, "Page 2"));
  g_clear_error (&error);

  pages = civic_attachment_text_extract ((const guint8 *) utf8, strlen (utf8), "text/csv", &error);
  g_assert_no_error (error);
  /* the byte-order mark is not text */
  g_assert_true (g_str_has_prefix (pages[0], "姓名,电话"));
  g_clear_pointer (&pages, g_strfreev);

  pages = civic_attachment_text_extract ((const guint8 *) gbk, strlen (gbk), "text/csv", &error);
  g_assert_error (error, CIVIC_ATTACHMENT_TEXT_ERROR, CIVIC_ATTACHMENT_TEXT_ERROR_UNREADABLE);
  g_clear_error (&error);

  pages = civic_attachment_text_extract (data, length / 2, "application/pdf", &error);
  g_assert_null (pages);
  g_assert_nonnull (error);
  g_clear_error (&error);

  pages = civic_attachment_text_extract (data, length, "image/png", &error);
  g_assert_error (error, CIVIC_ATTACHMENT_TEXT_ERROR, CIVIC_ATTACHMENT_TEXT_ERROR_NO_TEXT);
}

int
main (int   argc,
      char *argv[])
{
  if (argc > 1 && g_str_equal (argv[1], "extract-text"))
    return misbehave ();

  /* The child's wall clock is three times its CPU limit: 3 s here */
  g_setenv ("CIVICDESK_EXTRACT_LIMITS", "1:512", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/attachment-text/child-failures", test_child_failures);
  g_test_add_func ("/attachment-text/extract", test_extract);
  return g_test_run ();
}
