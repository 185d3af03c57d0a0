/* civic-http-guard.c — one connection's requests, bounded before libsoup reads them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-http-guard"

#include "config.h"

#include <string.h>

#include "civic-http-guard.h"

/* libsoup 3.2's server reads every request body whole into memory before
 * any handler may refuse it (an early handler's 413 is sent only after
 * the 600 MB arrived), believes any Content-Length ("-1" or 10^18 leave it
 * waiting forever), resets the connection on a header over 64 KiB, and
 * never times a connection out. So the service puts this stream between
 * the socket and libsoup: it reads each request's head itself, up to a
 * bound, checks the few headers that decide how much follows, and only
 * then lets libsoup have the head and exactly the body it announced. A
 * request it will not take is answered here, in a few hundred bytes, and
 * the connection is closed without reading the rest: a client can make
 * the service hold no more than one head's worth of memory.
 *
 * It speaks only HTTP/1.1 framing — where a head ends, how long a body is
 * — and leaves everything else (methods, paths, the meaning of headers) to
 * libsoup. Everything runs on the main thread, as libsoup does.
 *
 * Ending a connection takes care with libsoup 3.2: when a read fails
 * before the first byte of a request, it never lets the connection go —
 * the same flaw leaves every keep-alive connection a client closes in
 * CLOSE-WAIT, holding its descriptor for good (fixed upstream in 3.3,
 * libsoup commit d20c6601). So a connection the guard ends, or the client
 * closed, shows libsoup a request of one blank line followed by the end
 * of the stream: libsoup starts a message, finds it malformed, cannot
 * write its answer (the guard's output refuses writes once it is closed)
 * and disconnects, which closes the guard. */

#define READ_BLOCK 4096

/* After a refusal, what the client is still sending is read and thrown
 * away for a moment before the connection is closed: closing a socket
 * with unread data makes the kernel reset it, and the client would lose
 * the answer it was sent. Enough for the body of a refused request of a
 * few MiB (1 MiB of reading left a 1.5 MB request's sender writing into
 * a reset connection now and then, never reading its 413); each
 * lingering connection holds one block. */
#define LINGER_BYTES (8 * 1024 * 1024)
#define LINGER_SECONDS 3

/* From the first byte of an answer to its last, at most */
#define ANSWER_SECONDS 300

typedef enum
{
  STATE_HEAD,      /* reading a request's head */
  STATE_BODY,      /* passing a body through */
  STATE_ANSWERING, /* the request is libsoup's; nothing to read until it answers */
  STATE_CLOSED,    /* refused, timed out or hung up: libsoup is shown the end */
} State;

struct _CivicHttpGuard
{
  GIOStream             parent_instance;

  GIOStream            *base;
  GSocket              *socket;
  GInputStream         *input;
  GOutputStream        *output;
  CivicHttpLimits       limits;
  CivicHttpRefusalFunc  refusal;
  gpointer              refusal_data;

  State                 state;
  GByteArray           *buffer;        /* read from the base, not yet libsoup's */
  gsize                 passable;      /* the front of @buffer that libsoup may read */
  gsize                 scanned;       /* how far the search for the head's end got */
  guint64               body_left;     /* body bytes still to come from the base */
  gsize                 delivered;     /* of the message libsoup is reading */
  gboolean              blank_shown;   /* the one blank line of a closed connection */
  char                 *accept_language;
  gsize                 max_body;         /* of the request under way */
  gsize                 upload_held;      /* its share of uploads_held */
  gsize                 public_held;      /* and of public_held */
  guint64               requests;

  gint64                request_started;  /* monotonic; 0 when no request is under way */
  gint64                idle_since;       /* monotonic; 0 when libsoup is not waiting */
  gint64                closed_at;        /* monotonic; when the guard closed */
  gint64                answer_started;   /* monotonic; libsoup's first write of an answer */

  /* A refusal being sent, then the lingering read */
  gboolean              lingering;
  gboolean              soup_closed;
  gboolean              finished;
  GBytes               *answer;
  guint8               *drain;
  gsize                 drained;
  guint                 linger_source;
};

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CivicHttpGuard, civic_http_guard, G_TYPE_IO_STREAM)

/* The input libsoup reads */

#define CIVIC_TYPE_HTTP_GUARD_INPUT (civic_http_guard_input_get_type ())
G_DECLARE_FINAL_TYPE (CivicHttpGuardInput, civic_http_guard_input, CIVIC, HTTP_GUARD_INPUT,
                      GInputStream)

struct _CivicHttpGuardInput
{
  GInputStream    parent_instance;
  CivicHttpGuard *guard;   /* not a reference: the guard owns this stream */
};

static void civic_http_guard_input_pollable_init (GPollableInputStreamInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CivicHttpGuardInput, civic_http_guard_input, G_TYPE_INPUT_STREAM,
                               G_IMPLEMENT_INTERFACE (G_TYPE_POLLABLE_INPUT_STREAM,
                                                      civic_http_guard_input_pollable_init))

static GPollableInputStream *
base_input (CivicHttpGuard *self)
{
  return G_POLLABLE_INPUT_STREAM (g_io_stream_get_input_stream (self->base));
}

static GOutputStream *
base_output (CivicHttpGuard *self)
{
  return g_io_stream_get_output_stream (self->base);
}

static const char *
reason_phrase (guint status)
{
  switch (status)
    {
    case 400: return "Bad Request";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 431: return "Request Header Fields Too Large";
    case 503: return "Service Unavailable";
    default: return "Error";
    }
}

/* An upload's body is held whole, by libsoup and then by the handler,
 * until it is answered: 20 MiB a connection, which a few hundred
 * connections would multiply past any machine's memory. So the bodies
 * of uploads under way are counted across connections (all on the main
 * thread), from the head that announces one to the next head or the end
 * of the connection. */
static gsize uploads_held;
static gsize public_held;   /* the citizens' forms' part of it */

static void
release_upload (CivicHttpGuard *self)
{
  g_assert (uploads_held >= self->upload_held);
  g_assert (public_held >= self->public_held);
  uploads_held -= self->upload_held;
  public_held -= self->public_held;
  self->upload_held = 0;
  self->public_held = 0;
}

static void
close_state (CivicHttpGuard *self)
{
  release_upload (self);
  if (self->state != STATE_CLOSED)
    {
      self->state = STATE_CLOSED;
      self->closed_at = g_get_monotonic_time ();
    }
}

static void
finish (CivicHttpGuard *self)
{
  if (self->finished)
    return;

  self->finished = TRUE;
  g_clear_handle_id (&self->linger_source, g_source_remove);
  g_signal_emit (self, signals[FINISHED], 0);
}

static void
closed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CivicHttpGuard) self = user_data;

  g_io_stream_close_finish (G_IO_STREAM (source), result, NULL);
  finish (self);
}

/* Wakes whoever waits on the socket (libsoup, on this stream's source):
 * their next read fails, and libsoup lets the connection go. */
static void
shut_down (CivicHttpGuard *self)
{
  if (self->socket != NULL)
    g_socket_shutdown (self->socket, TRUE, TRUE, NULL);
}

static void
close_base (CivicHttpGuard *self)
{
  if (g_io_stream_is_closed (self->base))
    {
      finish (self);
      return;
    }
  g_io_stream_close_async (self->base, G_PRIORITY_DEFAULT, NULL, closed_cb, g_object_ref (self));
}

static void
linger_done (CivicHttpGuard *self)
{
  if (!self->lingering)
    return;

  self->lingering = FALSE;
  g_clear_handle_id (&self->linger_source, g_source_remove);
  shut_down (self);
  /* libsoup closes the stream when its read fails; if it already did,
   * the base is still open, and ours to close. */
  if (self->soup_closed)
    close_base (self);
}

static gboolean
linger_timeout_cb (gpointer data)
{
  CivicHttpGuard *self = data;

  self->linger_source = 0;
  linger_done (self);
  return G_SOURCE_REMOVE;
}

static void
drained_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CivicHttpGuard) self = user_data;
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (source), result, NULL);

  if (n <= 0 || !self->lingering || (self->drained += n) >= LINGER_BYTES)
    {
      linger_done (self);
      return;
    }

  g_input_stream_read_async (G_INPUT_STREAM (base_input (self)), self->drain, READ_BLOCK,
                             G_PRIORITY_DEFAULT, NULL, drained_cb, g_object_ref (self));
}

static void
answered_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CivicHttpGuard) self = user_data;

  g_clear_pointer (&self->answer, g_bytes_unref);
  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, NULL))
    {
      linger_done (self);
      return;
    }

  /* Plain TCP: a half-close tells the client the answer is complete. A
   * TLS connection cannot be half-closed without ending the session. */
  if (self->socket != NULL && !G_IS_TLS_CONNECTION (self->base))
    g_socket_shutdown (self->socket, FALSE, TRUE, NULL);

  self->drain = g_malloc (READ_BLOCK);
  self->linger_source = g_timeout_add_seconds (LINGER_SECONDS, linger_timeout_cb, self);
  g_input_stream_read_async (G_INPUT_STREAM (base_input (self)), self->drain, READ_BLOCK,
                             G_PRIORITY_DEFAULT, NULL, drained_cb, g_object_ref (self));
}

/**
 * civic_http_guard_refuse:
 * @status: 400, 408, 411, 413, 431 or 503
 *
 * Answers the request under way (or one not yet sent) with @status and
 * closes the connection, reading no more than a moment's worth of what
 * the client still sends. libsoup's next read fails.
 */
void
civic_http_guard_refuse (CivicHttpGuard *self,
                         guint           status)
{
  g_autofree char *body = NULL;
  GString *answer;

  g_return_if_fail (CIVIC_IS_HTTP_GUARD (self));

  if (self->state == STATE_CLOSED)
    return;
  close_state (self);

  body = self->refusal ? self->refusal (status, self->max_body, self->accept_language,
                                        self->refusal_data)
                       : g_strdup ("{}");
  answer = g_string_new (NULL);
  g_string_append_printf (answer, "HTTP/1.1 %u %s\r\n"
                                  "Content-Type: application/json; charset=utf-8\r\n"
                                  "Content-Length: %zu\r\n"
                                  "Cache-Control: no-store\r\n"
                                  "Connection: close\r\n"
                                  "\r\n%s",
                          status, reason_phrase (status), strlen (body), body);
  self->answer = g_string_free_to_bytes (answer);
  self->lingering = TRUE;
  g_output_stream_write_all_async (base_output (self),
                                   g_bytes_get_data (self->answer, NULL),
                                   g_bytes_get_size (self->answer), G_PRIORITY_DEFAULT, NULL,
                                   answered_cb, g_object_ref (self));
}

/* Ends the connection without a word: a client that went quiet between
 * requests is owed no answer. */
static void
hang_up (CivicHttpGuard *self)
{
  close_state (self);
  shut_down (self);
  if (self->soup_closed)
    close_base (self);
}

/**
 * civic_http_guard_check_deadline:
 * @now: g_get_monotonic_time()
 *
 * Called every second or so: a request that has not arrived whole within
 * its time is answered 408; a connection idle longer than its time is
 * closed. A request libsoup is answering has no deadline here (a slow
 * client reading its answer is the socket's timeout to catch).
 */
void
civic_http_guard_check_deadline (CivicHttpGuard *self,
                                 gint64          now)
{
  g_return_if_fail (CIVIC_IS_HTTP_GUARD (self));

  /* A connection libsoup should have let go of and has not: closed here,
   * so that no path can keep a descriptor and a place for good. */
  if (self->state == STATE_CLOSED)
    {
      if (!self->finished && !self->lingering &&
          now - self->closed_at > (gint64) (LINGER_SECONDS + 5) * G_USEC_PER_SEC)
        {
          g_debug ("closing a connection libsoup kept after it ended");
          self->soup_closed = TRUE;
          close_base (self);
        }
      return;
    }

  /* An answer is not read forever: a client taking a byte a minute
   * would keep a whole feed page in memory (the socket's stall timeout
   * sees progress). The request time has no bearing here; answers are
   * large, links slow. */
  if (self->state == STATE_ANSWERING)
    {
      if (self->answer_started > 0 &&
          now - self->answer_started > (gint64) ANSWER_SECONDS * G_USEC_PER_SEC)
        hang_up (self);
      return;
    }

  if (self->request_started > 0 &&
      now - self->request_started > (gint64) self->limits.request_seconds * G_USEC_PER_SEC)
    civic_http_guard_refuse (self, 408);
  else if (self->request_started == 0 && self->idle_since > 0 &&
           now - self->idle_since > (gint64) self->limits.idle_seconds * G_USEC_PER_SEC)
    hang_up (self);
}

gboolean
civic_http_guard_is_finished (CivicHttpGuard *self)
{
  g_return_val_if_fail (CIVIC_IS_HTTP_GUARD (self), TRUE);
  return self->finished;
}

guint64
civic_http_guard_get_requests (CivicHttpGuard *self)
{
  g_return_val_if_fail (CIVIC_IS_HTTP_GUARD (self), 0);
  return self->requests;
}

/* The head */

/* Where the head that starts the buffer ends ("\r\n\r\n", or a bare
 * "\n\n"), or 0 while it has not ended. */
static gsize
find_head_end (CivicHttpGuard *self)
{
  const guint8 *data = self->buffer->data;
  gsize length = self->buffer->len;
  gsize i = self->scanned > 3 ? self->scanned - 3 : 0;

  for (; i < length; i++)
    if (data[i] == '\n')
      {
        if (i + 1 < length && data[i + 1] == '\n')
          return i + 2;
        if (i + 2 < length && data[i + 1] == '\r' && data[i + 2] == '\n')
          return i + 3;
      }

  self->scanned = length;
  return 0;
}

static gboolean
is_all_digits (const char *text,
               gsize       length)
{
  if (length == 0)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
fail (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED, message);
  return FALSE;
}

/* Checks the head at the front of the buffer, @length bytes, and lets
 * libsoup have it and the body it announces; or refuses it, and the
 * guard is closed. */
static gboolean
admit (CivicHttpGuard  *self,
       gsize            length)
{
  const char *head = (const char *) self->buffer->data;
  const char *end = head + length;
  const char *line = memchr (head, '\n', length);
  guint64 content_length = 0;
  gboolean has_length = FALSE, chunked = FALSE;
  g_autoptr(GArray) expect = g_array_new (FALSE, FALSE, sizeof (gsize));
  guint status = 0;

  CivicHttpBodyKind kind = self->limits.body_kind != NULL && line != NULL
                           ? self->limits.body_kind (head, line - head)
                           : CIVIC_HTTP_BODY_PLAIN;
  gboolean authorized = FALSE;

  g_clear_pointer (&self->accept_language, g_free);
  release_upload (self);
  self->max_body = self->limits.max_body;

  if (length > self->limits.max_head)
    status = 431;
  else if (memchr (head, '\0', length) != NULL)
    status = 400;

  /* The request line is libsoup's to judge; the header lines are read
   * for the three that matter here. */
  for (line = line + 1; status == 0 && line < end; )
    {
      const char *next = memchr (line, '\n', end - line);
      const char *stop = next;
      const char *colon, *value;
      gsize name_length;

      g_assert (next != NULL);
      if (stop > line && stop[-1] == '\r')
        stop--;
      if (stop == line)
        break;  /* the blank line */

      /* A folded line, or a space before the colon, is how requests are
       * smuggled past one server to another (RFC 9112 §5.1, §5.2). */
      colon = memchr (line, ':', stop - line);
      if (*line == ' ' || *line == '\t' || colon == NULL || colon == line ||
          colon[-1] == ' ' || colon[-1] == '\t')
        {
          status = 400;
          break;
        }

      name_length = colon - line;
      for (value = colon + 1; value < stop && (*value == ' ' || *value == '\t'); value++)
        ;
      while (stop > value && (stop[-1] == ' ' || stop[-1] == '\t'))
        stop--;

      if (name_length == 14 && g_ascii_strncasecmp (line, "Content-Length", 14) == 0)
        {
          g_autofree char *text = g_strndup (value, stop - value);
          guint64 number = 0;

          /* Only digits, and no second opinion: "-1", "1e9", "10, 20" and
           * two different lengths are all refused; a number too long to
           * read is too large. */
          if (!is_all_digits (value, stop - value))
            status = 400;
          else if (stop - value > 18)
            status = 413;
          else if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, &number, NULL) ||
                   (has_length && number != content_length))
            status = 400;
          content_length = number;
          has_length = TRUE;
        }
      else if (name_length == 17 && g_ascii_strncasecmp (line, "Transfer-Encoding", 17) == 0)
        chunked = TRUE;
      else if (name_length == 13 && g_ascii_strncasecmp (line, "Authorization", 13) == 0)
        authorized = TRUE;
      else if (name_length == 15 && g_ascii_strncasecmp (line, "Accept-Language", 15) == 0 &&
               self->accept_language == NULL)
        self->accept_language = g_strndup (value, MIN (stop - value, 64));
      else if (name_length == 6 && g_ascii_strncasecmp (line, "Expect", 6) == 0)
        {
          /* libsoup answers some requests that expect "100-continue"
           * without reading their body, and then reads the next request
           * where the guard counts body bytes: the two would disagree on
           * where a request ends. Without the header, libsoup reads the
           * body as it reads any other; the client sends it after a short
           * wait for the 100 that does not come. */
          gsize range[2] = { line - head, next + 1 - head };

          g_array_append_vals (expect, range, 2);
        }

      line = next + 1;
    }

  if (status == 0 && chunked)
    status = 411;
  /* Only a request that says who sends it may announce a file's size:
   * the token is checked once the body is read, too late to spare the
   * memory. A citizen's form needs no token: its bound is its own, and
   * so is its share of what all may hold. */
  if (kind == CIVIC_HTTP_BODY_UPLOAD && authorized)
    self->max_body = self->limits.max_upload;
  else if (kind == CIVIC_HTTP_BODY_PUBLIC_FORM && self->limits.max_public_form > 0)
    self->max_body = self->limits.max_public_form;
  if (status == 0 && content_length > self->max_body)
    status = 413;
  if (status == 0 && content_length > self->limits.max_body)
    {
      gboolean public_form = kind == CIVIC_HTTP_BODY_PUBLIC_FORM;

      if (uploads_held + content_length > self->limits.max_uploads_held ||
          (public_form && public_held + content_length > self->limits.max_uploads_held / 2))
        status = 503;
      else
        {
          self->upload_held = content_length;
          uploads_held += content_length;
          if (public_form)
            {
              self->public_held = content_length;
              public_held += content_length;
            }
        }
    }

  if (status != 0)
    {
      civic_http_guard_refuse (self, status);
      return FALSE;
    }

  for (guint i = expect->len; i >= 2; i -= 2)
    {
      gsize from = g_array_index (expect, gsize, i - 2);
      gsize to = g_array_index (expect, gsize, i - 1);

      g_byte_array_remove_range (self->buffer, from, to - from);
      length -= to - from;
    }

  self->requests++;
  self->passable = length + MIN (content_length, self->buffer->len - length);
  self->body_left = content_length - (self->passable - length);
  self->scanned = 0;
  self->state = self->body_left > 0 ? STATE_BODY : STATE_ANSWERING;
  return TRUE;
}

/* Reading */

static gssize
guard_read (CivicHttpGuard  *self,
            void            *out,
            gsize            count,
            GError         **error)
{
  for (;;)
    {
      gsize head_end;
      gssize n;

      if (self->state == STATE_CLOSED)
        {
          /* Mid-request, a failed read ends libsoup's message; between
           * requests, only a message of its own does (see the top). */
          if (self->delivered > 0)
            {
              fail (error, "closed");
              return -1;
            }
          if (self->blank_shown)
            return 0;
          self->blank_shown = TRUE;
          *(char *) out = '\n';
          return 1;
        }

      if (self->passable > 0)
        {
          n = MIN (count, self->passable);
          memcpy (out, self->buffer->data, n);
          g_byte_array_remove_range (self->buffer, 0, n);
          self->passable -= n;
          self->delivered += n;
          return n;
        }

      if (self->state == STATE_BODY)
        {
          /* The head and whatever of the body came with it were passed; the
           * rest goes straight through, no further than announced. */
          g_assert (self->buffer->len == 0);
          n = g_pollable_input_stream_read_nonblocking (base_input (self), out,
                                                        MIN (count, self->body_left), NULL,
                                                        error);
          if (n > 0)
            {
              self->delivered += n;
              if ((self->body_left -= n) == 0)
                self->state = STATE_ANSWERING;
            }
          return n;
        }

      if (self->state == STATE_ANSWERING)
        {
          gsize blank = 0;

          /* libsoup wants the next request: its answer to this one is out.
           * Blank lines that came after the body are no request (RFC 9112
           * §2.2); a pipelined request already here has started. */
          while (blank < self->buffer->len &&
                 (self->buffer->data[blank] == '\r' || self->buffer->data[blank] == '\n'))
            blank++;
          g_byte_array_remove_range (self->buffer, 0, blank);
          self->scanned = 0;
          self->state = STATE_HEAD;
          self->request_started = self->buffer->len > 0 ? g_get_monotonic_time () : 0;
          self->idle_since = 0;
          self->delivered = 0;
          self->answer_started = 0;
        }

      /* From here to the end of the loop libsoup has none of this
       * request: a refusal or a failure closes the guard, and libsoup is
       * shown the end its own way (see the top), never an error. */
      if (self->buffer->len > 0 && (head_end = find_head_end (self)) > 0)
        {
          admit (self, head_end);
          continue;
        }

      if (self->buffer->len >= self->limits.max_head)
        {
          civic_http_guard_refuse (self, 431);
          continue;
        }

      {
        guint8 block[READ_BLOCK];
        gsize start = 0;

        g_autoptr(GError) local_error = NULL;

        n = g_pollable_input_stream_read_nonblocking (base_input (self), block,
                                                      MIN (sizeof block,
                                                           self->limits.max_head
                                                           - self->buffer->len + 1),
                                                      NULL, &local_error);
        if (n < 0)
          {
            if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
              {
                /* A reset, a TLS alert: the client is gone */
                g_debug ("a client went away: %s", local_error->message);
                close_state (self);
                continue;
              }
            /* libsoup waits for a request from here on: the idle time runs. */
            if (self->request_started == 0 && self->idle_since == 0)
              self->idle_since = g_get_monotonic_time ();
            g_propagate_error (error, g_steal_pointer (&local_error));
            return -1;
          }
        if (n == 0)
          {
            /* The client is gone; libsoup must be shown so (see the top). */
            close_state (self);
            continue;
          }

        /* Blank lines before a request are allowed, and are not a head. */
        if (self->buffer->len == 0)
          while (start < (gsize) n && (block[start] == '\r' || block[start] == '\n'))
            start++;
        if (start == (gsize) n)
          continue;

        if (self->request_started == 0)
          self->request_started = g_get_monotonic_time ();
        g_byte_array_append (self->buffer, block + start, n - start);
      }
    }
}

/* Whether a read would return at once without the base: something to
 * hand over, or a pipelined request's head already here whole. (Not an
 * incomplete head: a source ready at once on it would spin.) */
static gboolean
has_something_now (CivicHttpGuard *self)
{
  if (self->state == STATE_CLOSED || self->passable > 0)
    return TRUE;
  return self->state != STATE_BODY && self->buffer->len > 0 && find_head_end (self) > 0;
}

static gboolean
guard_is_readable (CivicHttpGuard *self)
{
  return has_something_now (self) || g_pollable_input_stream_is_readable (base_input (self));
}

static gssize
civic_http_guard_input_read_nonblocking (GPollableInputStream  *stream,
                                         void                  *buffer,
                                         gsize                  count,
                                         GError               **error)
{
  CivicHttpGuardInput *self = CIVIC_HTTP_GUARD_INPUT (stream);

  if (count == 0)
    return 0;
  return guard_read (self->guard, buffer, count, error);
}

static gboolean
civic_http_guard_input_is_readable (GPollableInputStream *stream)
{
  return guard_is_readable (CIVIC_HTTP_GUARD_INPUT (stream)->guard);
}

static gboolean
civic_http_guard_input_can_poll (GPollableInputStream *stream)
{
  return TRUE;
}

static GSource *
civic_http_guard_input_create_source (GPollableInputStream *stream,
                                      GCancellable         *cancellable)
{
  CivicHttpGuardInput *self = CIVIC_HTTP_GUARD_INPUT (stream);
  CivicHttpGuard *guard = self->guard;
  g_autoptr(GSource) base_source = NULL;

  if (has_something_now (guard))
    base_source = g_timeout_source_new (0);
  else
    base_source = g_pollable_input_stream_create_source (base_input (guard), NULL);

  return g_pollable_source_new_full (stream, base_source, cancellable);
}

static void
civic_http_guard_input_pollable_init (GPollableInputStreamInterface *iface)
{
  iface->can_poll = civic_http_guard_input_can_poll;
  iface->is_readable = civic_http_guard_input_is_readable;
  iface->create_source = civic_http_guard_input_create_source;
  iface->read_nonblocking = civic_http_guard_input_read_nonblocking;
}

static gssize
civic_http_guard_input_read (GInputStream  *stream,
                             void          *buffer,
                             gsize          count,
                             GCancellable  *cancellable,
                             GError       **error)
{
  /* libsoup's server reads without blocking, always. */
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       "The request guard does not read blocking");
  return -1;
}

static gboolean
civic_http_guard_input_close (GInputStream  *stream,
                              GCancellable  *cancellable,
                              GError       **error)
{
  /* The base is closed with the guard, not with one of its halves. */
  return TRUE;
}

static void
civic_http_guard_input_class_init (CivicHttpGuardInputClass *klass)
{
  GInputStreamClass *input_class = G_INPUT_STREAM_CLASS (klass);

  input_class->read_fn = civic_http_guard_input_read;
  input_class->close_fn = civic_http_guard_input_close;
}

static void
civic_http_guard_input_init (CivicHttpGuardInput *self)
{
}

/* The output libsoup writes: the base's, until the guard is closed */

#define CIVIC_TYPE_HTTP_GUARD_OUTPUT (civic_http_guard_output_get_type ())
G_DECLARE_FINAL_TYPE (CivicHttpGuardOutput, civic_http_guard_output, CIVIC, HTTP_GUARD_OUTPUT,
                      GOutputStream)

struct _CivicHttpGuardOutput
{
  GOutputStream   parent_instance;
  CivicHttpGuard *guard;   /* not a reference: the guard owns this stream */
};

static void civic_http_guard_output_pollable_init (GPollableOutputStreamInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CivicHttpGuardOutput, civic_http_guard_output, G_TYPE_OUTPUT_STREAM,
                               G_IMPLEMENT_INTERFACE (G_TYPE_POLLABLE_OUTPUT_STREAM,
                                                      civic_http_guard_output_pollable_init))

static gboolean
output_closed (CivicHttpGuard  *self,
               GError         **error)
{
  /* A refusal may be on its way out on the base: nothing of libsoup's
   * may follow or cross it. */
  if (self->state != STATE_CLOSED)
    return FALSE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE, "closed");
  return TRUE;
}

static gssize
civic_http_guard_output_write_nonblocking (GPollableOutputStream  *stream,
                                           const void             *buffer,
                                           gsize                   count,
                                           GError                **error)
{
  CivicHttpGuard *guard = CIVIC_HTTP_GUARD_OUTPUT (stream)->guard;

  if (output_closed (guard, error))
    return -1;
  if (guard->answer_started == 0)
    guard->answer_started = g_get_monotonic_time ();
  return g_pollable_output_stream_write_nonblocking (G_POLLABLE_OUTPUT_STREAM (base_output (guard)),
                                                     buffer, count, NULL, error);
}

static gboolean
civic_http_guard_output_is_writable (GPollableOutputStream *stream)
{
  CivicHttpGuard *guard = CIVIC_HTTP_GUARD_OUTPUT (stream)->guard;

  return guard->state == STATE_CLOSED ||
         g_pollable_output_stream_is_writable (G_POLLABLE_OUTPUT_STREAM (base_output (guard)));
}

static gboolean
civic_http_guard_output_can_poll (GPollableOutputStream *stream)
{
  return TRUE;
}

static GSource *
civic_http_guard_output_create_source (GPollableOutputStream *stream,
                                       GCancellable          *cancellable)
{
  CivicHttpGuard *guard = CIVIC_HTTP_GUARD_OUTPUT (stream)->guard;
  g_autoptr(GSource) base_source = NULL;

  if (guard->state == STATE_CLOSED)
    base_source = g_timeout_source_new (0);
  else
    base_source = g_pollable_output_stream_create_source (G_POLLABLE_OUTPUT_STREAM (base_output (guard)),
                                                          NULL);
  return g_pollable_source_new_full (stream, base_source, cancellable);
}

static void
civic_http_guard_output_pollable_init (GPollableOutputStreamInterface *iface)
{
  iface->can_poll = civic_http_guard_output_can_poll;
  iface->is_writable = civic_http_guard_output_is_writable;
  iface->create_source = civic_http_guard_output_create_source;
  iface->write_nonblocking = civic_http_guard_output_write_nonblocking;
}

static gssize
civic_http_guard_output_write (GOutputStream  *stream,
                               const void     *buffer,
                               gsize           count,
                               GCancellable   *cancellable,
                               GError        **error)
{
  CivicHttpGuard *guard = CIVIC_HTTP_GUARD_OUTPUT (stream)->guard;

  if (output_closed (guard, error))
    return -1;
  return g_output_stream_write (base_output (guard), buffer, count, cancellable, error);
}

static gboolean
civic_http_guard_output_flush (GOutputStream  *stream,
                               GCancellable   *cancellable,
                               GError        **error)
{
  CivicHttpGuard *guard = CIVIC_HTTP_GUARD_OUTPUT (stream)->guard;

  if (output_closed (guard, error))
    return FALSE;
  return g_output_stream_flush (base_output (guard), cancellable, error);
}

static gboolean
civic_http_guard_output_close (GOutputStream  *stream,
                               GCancellable   *cancellable,
                               GError        **error)
{
  return TRUE;
}

static void
civic_http_guard_output_class_init (CivicHttpGuardOutputClass *klass)
{
  GOutputStreamClass *output_class = G_OUTPUT_STREAM_CLASS (klass);

  output_class->write_fn = civic_http_guard_output_write;
  output_class->flush = civic_http_guard_output_flush;
  output_class->close_fn = civic_http_guard_output_close;
}

static void
civic_http_guard_output_init (CivicHttpGuardOutput *self)
{
}

/* The guard */

static GInputStream *
civic_http_guard_get_input_stream (GIOStream *stream)
{
  return CIVIC_HTTP_GUARD (stream)->input;
}

static GOutputStream *
civic_http_guard_get_output_stream (GIOStream *stream)
{
  return CIVIC_HTTP_GUARD (stream)->output;
}

static gboolean
civic_http_guard_close (GIOStream     *stream,
                        GCancellable  *cancellable,
                        GError       **error)
{
  CivicHttpGuard *self = CIVIC_HTTP_GUARD (stream);

  self->soup_closed = TRUE;
  close_state (self);

  /* A refusal still going out closes the base when it is done. */
  if (self->lingering)
    return TRUE;

  close_base (self);
  return TRUE;
}

static void
civic_http_guard_dispose (GObject *object)
{
  CivicHttpGuard *self = (CivicHttpGuard *)object;

  g_clear_handle_id (&self->linger_source, g_source_remove);

  G_OBJECT_CLASS (civic_http_guard_parent_class)->dispose (object);
}

static void
civic_http_guard_finalize (GObject *object)
{
  CivicHttpGuard *self = (CivicHttpGuard *)object;

  release_upload (self);
  g_clear_object (&self->input);
  g_clear_object (&self->output);
  g_clear_object (&self->base);
  g_clear_object (&self->socket);
  g_clear_pointer (&self->buffer, g_byte_array_unref);
  g_clear_pointer (&self->answer, g_bytes_unref);
  g_free (self->accept_language);
  g_free (self->drain);

  G_OBJECT_CLASS (civic_http_guard_parent_class)->finalize (object);
}

static void
civic_http_guard_class_init (CivicHttpGuardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GIOStreamClass *stream_class = G_IO_STREAM_CLASS (klass);

  object_class->dispose = civic_http_guard_dispose;
  object_class->finalize = civic_http_guard_finalize;
  stream_class->get_input_stream = civic_http_guard_get_input_stream;
  stream_class->get_output_stream = civic_http_guard_get_output_stream;
  stream_class->close_fn = civic_http_guard_close;

  /**
   * CivicHttpGuard::finished:
   *
   * The connection is closed, and holds nothing any more.
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
civic_http_guard_init (CivicHttpGuard *self)
{
  self->buffer = g_byte_array_new ();
  self->idle_since = g_get_monotonic_time ();
}

/**
 * civic_http_guard_new:
 * @base: the connection, after any TLS handshake
 * @socket: (nullable): its socket, to wake libsoup when the guard hangs up
 * @refusal: (nullable): makes the JSON body of a refusal
 *
 * Returns: (transfer full): the stream to hand to soup_server_accept_iostream().
 */
CivicHttpGuard *
civic_http_guard_new (GIOStream             *base,
                      GSocket               *socket,
                      const CivicHttpLimits *limits,
                      CivicHttpRefusalFunc   refusal,
                      gpointer               refusal_data)
{
  CivicHttpGuard *self;
  CivicHttpGuardInput *input;
  CivicHttpGuardOutput *output;

  g_return_val_if_fail (G_IS_IO_STREAM (base), NULL);
  g_return_val_if_fail (G_IS_POLLABLE_INPUT_STREAM (g_io_stream_get_input_stream (base)), NULL);
  g_return_val_if_fail (limits != NULL && limits->max_head > 0, NULL);

  self = g_object_new (CIVIC_TYPE_HTTP_GUARD, NULL);
  self->base = g_object_ref (base);
  self->socket = socket ? g_object_ref (socket) : NULL;
  self->limits = *limits;
  self->max_body = limits->max_body;
  self->refusal = refusal;
  self->refusal_data = refusal_data;

  input = g_object_new (CIVIC_TYPE_HTTP_GUARD_INPUT, NULL);
  input->guard = self;
  self->input = G_INPUT_STREAM (input);
  output = g_object_new (CIVIC_TYPE_HTTP_GUARD_OUTPUT, NULL);
  output->guard = self;
  self->output = G_OUTPUT_STREAM (output);
  return self;
}
