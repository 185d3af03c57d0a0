/* civic-attachment-text.c — the text of an attached file, read where a hostile file can do no harm
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-attachment-text"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "civic-i18n.h"
#include <poppler.h>

#include "civic-attachment-text.h"
#include "civic-disclosure.h"
#include "civic-feed.h"
#include "civic-json.h"

/* An attached file's text is what the privacy lint reads before it is
 * published (decision 8 of docs/plans/disclosure.md): Alaveteli's leaks
 * came through PDFs. But a PDF is a program for a large parser in C++,
 * and a file an editor attaches may have been made by anyone. So the
 * service never parses one itself: it runs `civicdesk-server
 * extract-text`, which limits its own CPU time and address space with
 * setrlimit() before it reads a byte, reads the file on stdin and writes
 * its pages as JSON on stdout. A reader that crashes, runs out of time or
 * memory, or writes anything but that JSON leaves the file unchecked,
 * which the privacy gate holds until a reviewer has looked: the failure
 * is never taken for a clean file. */

#if defined(__SANITIZE_ADDRESS__)
#define CIVIC_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CIVIC_ASAN 1
#endif
#endif

G_DEFINE_QUARK (civic-attachment-text-error-quark, civic_attachment_text_error)

static gboolean
is_pdf (const char *media_type)
{
  return g_strcmp0 (media_type, "application/pdf") == 0;
}

static gboolean
is_text (const char *media_type)
{
  return g_strcmp0 (media_type, "text/plain") == 0 ||
         g_strcmp0 (media_type, "text/markdown") == 0 ||
         g_strcmp0 (media_type, "text/csv") == 0;
}

/**
 * civic_attachment_text_has_reader:
 *
 * Whether the text of this type of file is read: PDF, and plain text,
 * Markdown and CSV in UTF-8. An image, a Word or an OFD file is not, and
 * stays unchecked until a reviewer looks at it.
 */
gboolean
civic_attachment_text_has_reader (const char *media_type)
{
  return is_pdf (media_type) || is_text (media_type);
}

static gboolean
blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0xFEFF && c != 0x3000)
        return FALSE;
    }
  return TRUE;
}

static GStrv
extract_pdf (const guint8  *data,
             gsize          length,
             GError       **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, length);
  g_autoptr(GObject) document = NULL;
  g_autoptr(GStrvBuilder) pages = g_strv_builder_new ();
  g_autoptr(GError) local = NULL;
  int n;

  document = G_OBJECT (poppler_document_new_from_bytes (bytes, NULL, &local));
  if (document == NULL)
    {
      g_set_error (error, CIVIC_ATTACHMENT_TEXT_ERROR, CIVIC_ATTACHMENT_TEXT_ERROR_UNREADABLE,
                   _("The PDF cannot be opened: %s"), local->message);
      return NULL;
    }

  n = poppler_document_get_n_pages (POPPLER_DOCUMENT (document));
  if (n <= 0)
    {
      g_set_error_literal (error, CIVIC_ATTACHMENT_TEXT_ERROR,
                           CIVIC_ATTACHMENT_TEXT_ERROR_NO_TEXT, _("The PDF has no pages"));
      return NULL;
    }
  for (int i = 0; i < n; i++)
    {
      g_autoptr(GObject) page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (document),
                                                                     i));
      g_autofree char *text = page != NULL ? poppler_page_get_text (POPPLER_PAGE (page)) : NULL;

      /* A page without text is a scan, a photo or a drawing: what is on it
       * was not read, so the whole file is not */
      if (text == NULL || !g_utf8_validate (text, -1, NULL) || blank (text))
        {
          g_set_error (error, CIVIC_ATTACHMENT_TEXT_ERROR, CIVIC_ATTACHMENT_TEXT_ERROR_NO_TEXT,
                       _("Page %d of the PDF has no text: a scan or an image"), i + 1);
          return NULL;
        }
      g_strv_builder_add (pages, text);
    }
  return g_strv_builder_end (pages);
}

static GStrv
extract_utf8 (const guint8  *data,
              gsize          length,
              GError       **error)
{
  const char *text = (const char *) data;
  GStrv pages;

  /* A byte-order mark is not text */
  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    text += 3, length -= 3;
  if (memchr (text, '\0', length) != NULL || !g_utf8_validate_len (text, length, NULL))
    {
      g_set_error_literal (error, CIVIC_ATTACHMENT_TEXT_ERROR,
                           CIVIC_ATTACHMENT_TEXT_ERROR_UNREADABLE,
                           _("The file is not text in UTF-8 (a GBK file, or not text at all)"));
      return NULL;
    }
  pages = g_new0 (char *, 2);
  pages[0] = g_strndup (text, length);
  return pages;
}

/**
 * civic_attachment_text_extract:
 *
 * The text of a file, a page each (one page for text files), in the
 * process that calls it: the child's work, and the fuzz target's. Never
 * called by the service on a file itself.
 *
 * Returns: (transfer full): the pages, or %NULL and
 * %CIVIC_ATTACHMENT_TEXT_ERROR_NO_TEXT or _UNREADABLE
 */
GStrv
civic_attachment_text_extract (const guint8  *data,
                               gsize          length,
                               const char    *media_type,
                               GError       **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length == 0)
    {
      g_set_error_literal (error, CIVIC_ATTACHMENT_TEXT_ERROR, CIVIC_ATTACHMENT_TEXT_ERROR_NO_TEXT,
                           _("The file is empty"));
      return NULL;
    }
  if (is_pdf (media_type))
    return extract_pdf (data, length, error);
  if (is_text (media_type))
    return extract_utf8 (data, length, error);
  g_set_error (error, CIVIC_ATTACHMENT_TEXT_ERROR, CIVIC_ATTACHMENT_TEXT_ERROR_NO_TEXT,
               _("The text of a file of type %s is not read"), media_type);
  return NULL;
}

/**
 * civic_attachment_text_pages_to_json:
 *
 * Returns: (transfer full): `{"pages": ["…", …]}`
 */
char *
civic_attachment_text_pages_to_json (const char * const *pages)
{
  g_autoptr(GString) out = g_string_new ("{\"pages\":[");

  for (guint i = 0; pages != NULL && pages[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      civic_json_append_string (out, pages[i]);
    }
  g_string_append (out, "]}");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * civic_attachment_text_pages_from_json:
 *
 * What the child wrote, read as any outside input is: bounded, and only
 * in its one shape. `{"unreadable": "why"}` is a file without text.
 *
 * Returns: (transfer full): the pages, or %NULL and an error
 */
GStrv
civic_attachment_text_pages_from_json (const char  *json,
                                       gsize        length,
                                       GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local = NULL;
  JsonObject *object;
  const char *unreadable = NULL;
  GStrv pages = NULL;

  if (length > CIVIC_ATTACHMENT_TEXT_MAX_OUTPUT ||
      (node = civic_json_parse (json, length, &local)) == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CIVIC_ATTACHMENT_TEXT_ERROR, CIVIC_ATTACHMENT_TEXT_ERROR_FAILED,
                   _("The text reader answered something else than pages: %s"),
                   local != NULL ? local->message : _("not an object"));
      return NULL;
    }
  object = json_node_get_object (node);
  if (civic_json_get_string (object, "unreadable", FALSE, &unreadable, NULL) &&
      unreadable != NULL)
    {
      g_set_error_literal (error, CIVIC_ATTACHMENT_TEXT_ERROR, CIVIC_ATTACHMENT_TEXT_ERROR_NO_TEXT,
                           unreadable);
      return NULL;
    }
  if (!civic_json_get_strv (object, "pages", TRUE, &pages, &local) || pages[0] == NULL)
    {
      g_strfreev (pages);
      g_set_error (error, CIVIC_ATTACHMENT_TEXT_ERROR, CIVIC_ATTACHMENT_TEXT_ERROR_FAILED,
                   _("The text reader answered something else than pages: %s"),
                   local != NULL ? local->message : _("no pages"));
      return NULL;
    }
  return pages;
}

/* The child */

static void
limit (int    resource,
       rlim_t soft,
       rlim_t hard)
{
  struct rlimit value = { soft, hard };

  if (setrlimit (resource, &value) != 0)
    {
      /* Without its limits the child does not read the file at all */
      fprintf (stderr, "extract-text: setrlimit: %s\n", g_strerror (errno));
      _exit (70);
    }
}

/**
 * civic_attachment_text_limit_self:
 *
 * What the child may use from now on: SIGXCPU at @cpu_seconds of CPU and
 * SIGKILL a second later, no more than @memory_mib of address space, no
 * core of a hostile file's parse left on the disk. A limit that cannot be
 * set ends the process: it never reads a file without them.
 */
void
civic_attachment_text_limit_self (guint cpu_seconds,
                                  guint memory_mib)
{
  limit (RLIMIT_CPU, cpu_seconds, cpu_seconds + 1);
  limit (RLIMIT_CORE, 0, 0);
#ifndef CIVIC_ASAN
  limit (RLIMIT_AS, (rlim_t) memory_mib << 20, (rlim_t) memory_mib << 20);
#else
  /* AddressSanitizer reserves terabytes of shadow memory at start: any
   * limit on the address space would stop every child, so the sanitized
   * build limits only the time */
  (void) memory_mib;
#endif
}

/**
 * civic_attachment_text_child_main:
 *
 * `civicdesk-server extract-text`: limits itself, reads a file of
 * @media_type on stdin (at most the largest attachment), writes
 * `{"pages": […]}` or `{"unreadable": "why"}` on stdout.
 *
 * Returns: the exit status: 0 when it wrote an answer
 */
int
civic_attachment_text_child_main (const char *media_type,
                                  guint       cpu_seconds,
                                  guint       memory_mib)
{
  g_autoptr(GByteArray) input = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *answer = NULL;
  guint8 block[65536];
  gsize written = 0;

  civic_attachment_text_limit_self (cpu_seconds, memory_mib);

  input = g_byte_array_new ();
  for (;;)
    {
      ssize_t n = read (STDIN_FILENO, block, sizeof block);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return 74;
      if (n == 0)
        break;
      g_byte_array_append (input, block, n);
      if (input->len > CIVIC_ATTACHMENT_MAX_SIZE)
        return 65;
    }

  pages = civic_attachment_text_extract (input->data, input->len, media_type, &error);
  if (pages != NULL)
    answer = civic_attachment_text_pages_to_json ((const char * const *) pages);
  else
    {
      g_autoptr(GString) out = g_string_new ("{\"unreadable\":");

      civic_json_append_string (out, error->message);
      g_string_append_c (out, '}');
      answer = g_string_free (g_steal_pointer (&out), FALSE);
    }

  while (written < strlen (answer))
    {
      ssize_t n = write (STDOUT_FILENO, answer + written, strlen (answer) - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return 74;
      written += n;
    }
  return 0;
}

/* The service's side */

typedef struct
{
  gboolean  done;
  GBytes   *out;
  GError   *error;
} Wait;

static void
communicated (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Wait *wait = data;

  g_subprocess_communicate_finish (G_SUBPROCESS (source), result, &wait->out, NULL,
                                   &wait->error);
  wait->done = TRUE;
}

static void
waited (GObject      *source,
        GAsyncResult *result,
        gpointer      data)
{
  Wait *wait = data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  wait->done = TRUE;
}

static gboolean
too_long (gpointer data)
{
  g_subprocess_force_exit (data);
  return G_SOURCE_REMOVE;
}

/* Tests make the child's limits small (CIVICDESK_EXTRACT_LIMITS=CPU:MIB)
 * to see a child stopped; nothing else should */
static void
child_limits (guint *cpu_seconds,
              guint *memory_mib)
{
  const char *asked = g_getenv ("CIVICDESK_EXTRACT_LIMITS");
  guint cpu = 0, mib = 0;

  *cpu_seconds = CIVIC_ATTACHMENT_TEXT_CPU_SECONDS;
  *memory_mib = CIVIC_ATTACHMENT_TEXT_MEMORY_MIB;
  if (asked != NULL && sscanf (asked, "%u:%u", &cpu, &mib) == 2 && cpu > 0 && mib > 0)
    {
      *cpu_seconds = MIN (cpu, CIVIC_ATTACHMENT_TEXT_CPU_SECONDS);
      *memory_mib = MIN (mib, CIVIC_ATTACHMENT_TEXT_MEMORY_MIB);
    }
}

/* The child inherits no secret and no debugging switch of the service:
 * the locale, and the sanitizers' options in a sanitized build */
static char **
child_environment (void)
{
  static const char * const kept[] = { "LANG", "LC_ALL", "ASAN_OPTIONS", "UBSAN_OPTIONS",
                                       "LSAN_OPTIONS" };
  char **environment = g_new0 (char *, 1);

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    if (g_getenv (kept[i]) != NULL)
      environment = g_environ_setenv (environment, kept[i], g_getenv (kept[i]), TRUE);
  return environment;
}

/**
 * civic_attachment_text_read:
 *
 * Reads the text of @bytes in a child process, waiting at most three
 * times its CPU limit; the calling thread waits. A file
 * of a type without a reader is not given to a child at all.
 *
 * Returns: (transfer full): the pages, or %NULL and an error of
 * %CIVIC_ATTACHMENT_TEXT_ERROR: the file is unchecked
 */
GStrv
civic_attachment_text_read (GBytes      *bytes,
                            const char  *media_type,
                            GError     **error)
{
  g_autoptr(GMainContext) context = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GSource) timeout = NULL;
  g_autoptr(GError) local = NULL;
  g_auto(GStrv) environment = NULL;
  g_autofree char *program = NULL;
  g_autofree char *cpu_text = NULL;
  g_autofree char *memory_text = NULL;
  Wait wait = { FALSE, NULL, NULL };
  guint cpu_seconds, memory_mib;
  GStrv pages = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (!civic_attachment_text_has_reader (media_type))
    {
      g_set_error (error, CIVIC_ATTACHMENT_TEXT_ERROR, CIVIC_ATTACHMENT_TEXT_ERROR_NO_TEXT,
                   _("The text of a file of type %s is not read"), media_type);
      return NULL;
    }

  program = g_file_read_link ("/proc/self/exe", &local);
  if (program == NULL)
    {
      g_set_error (error, CIVIC_ATTACHMENT_TEXT_ERROR, CIVIC_ATTACHMENT_TEXT_ERROR_FAILED,
                   _("The text reader cannot be started: %s"), local->message);
      return NULL;
    }
  child_limits (&cpu_seconds, &memory_mib);
  cpu_text = g_strdup_printf ("%u", cpu_seconds);
  memory_text = g_strdup_printf ("%u", memory_mib);

  /* Its own context: the worker thread waits here, and nothing else of
   * the service's runs in it */
  context = g_main_context_new ();
  g_main_context_push_thread_default (context);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  environment = child_environment ();
  g_subprocess_launcher_set_environ (launcher, environment);
  child = g_subprocess_launcher_spawn (launcher, &local, program, "extract-text",
                                       "--media-type", media_type, "--cpu-seconds", cpu_text,
                                       "--memory-mib", memory_text, NULL);
  if (child == NULL)
    {
      g_main_context_pop_thread_default (context);
      g_set_error (error, CIVIC_ATTACHMENT_TEXT_ERROR, CIVIC_ATTACHMENT_TEXT_ERROR_FAILED,
                   _("The text reader cannot be started: %s"), local->message);
      return NULL;
    }

  timeout = g_timeout_source_new_seconds (cpu_seconds * CIVIC_ATTACHMENT_TEXT_WAIT_FACTOR);
  g_source_set_callback (timeout, too_long, child, NULL);
  g_source_attach (timeout, context);
  g_subprocess_communicate_async (child, bytes, NULL, communicated, &wait);
  while (!wait.done)
    g_main_context_iteration (context, TRUE);

  /* A child that died before it read everything broke the pipe, and the
   * exchange ended before the child did: wait for it, still on the clock */
  wait.done = FALSE;
  g_subprocess_wait_async (child, NULL, waited, &wait);
  while (!wait.done)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (timeout);
  g_main_context_pop_thread_default (context);

  if (g_subprocess_get_if_signaled (child))
    g_set_error (error, CIVIC_ATTACHMENT_TEXT_ERROR, CIVIC_ATTACHMENT_TEXT_ERROR_FAILED,
                 _("The text reader was stopped by signal %d (out of time or memory, or "
                   "crashed)"), g_subprocess_get_term_sig (child));
  else if (g_subprocess_get_exit_status (child) != 0)
    g_set_error (error, CIVIC_ATTACHMENT_TEXT_ERROR, CIVIC_ATTACHMENT_TEXT_ERROR_FAILED,
                 _("The text reader failed with status %d"), g_subprocess_get_exit_status (child));
  else if (wait.error != NULL || wait.out == NULL)
    g_set_error (error, CIVIC_ATTACHMENT_TEXT_ERROR, CIVIC_ATTACHMENT_TEXT_ERROR_FAILED,
                 _("The text reader’s answer was lost: %s"),
                 wait.error != NULL ? wait.error->message : "?");
  else
    {
      gsize length;
      const char *data = g_bytes_get_data (wait.out, &length);

      pages = civic_attachment_text_pages_from_json (data != NULL ? data : "", length, error);
    }

  g_clear_pointer (&wait.out, g_bytes_unref);
  g_clear_error (&wait.error);
  return pages;
}
