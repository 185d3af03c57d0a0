/* civic-chaos-client.c — an official at work, in a process the chaos test kills
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <glib-unix.h>

#include "civic-account.h"
#include "civic-case-index.h"
#include "civic-json.h"

#include "../net/civic-test-account.h"

/* The same CivicAccount, cache, outbox and sync engine as the GTK client,
 * driven by a loop instead of a window:
 *
 *   civic-chaos-client URL USER PASSWORD soak LOG SEED RUN
 *   civic-chaos-client URL USER PASSWORD drain
 *
 * soak works until SIGTERM: it records actions offline (the outbox only),
 * records and syncs at once, or just syncs, at random, and signs in again
 * whenever the session is gone. Every action goes through
 * civic_sync_engine_perform() as an official's click does. Before each one
 * it appends "I NONCE" to LOG, and once the outbox has it "R ID NONCE
 * COMMAND", the command exactly as it is sent; a refused one gets
 * "N NONCE". A kill between the two lines leaves an action the log does
 * not name but the outbox may hold: the test counts those apart. "S" and
 * "D" mark the start and the end of a sync.
 *
 * drain signs in and syncs until nothing is pending, then prints one JSON
 * object: what is left pending and every conflict. */

#define MAX_STEP_PAUSE_MS 60
#define DRAIN_ROUNDS 30

static volatile gboolean stopping;

static gboolean
stop_cb (gpointer user_data)
{
  stopping = TRUE;
  return G_SOURCE_CONTINUE;
}

/* The log */

static void
log_line (int         fd,
          const char *line)
{
  gsize length = strlen (line);
  gsize written = 0;

  /* One write(2) per line on an O_APPEND file: a kill -9 leaves whole
   * lines, or a last one without its newline, which the test skips. */
  while (written < length)
    {
      ssize_t n = write (fd, line + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        g_error ("Cannot write the log: %s", g_strerror (errno));
      written += (gsize) n;
    }
}

static char *
command_text (CivicAccount *account,
              const char   *case_id,
              const char   *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) commands = civic_outbox_list (civic_account_get_outbox (account),
                                                     case_id, &error);

  if (commands == NULL)
    g_error ("Cannot read the outbox: %s", error->message);

  for (guint i = 0; i < commands->len; i++)
    {
      CivicOutboxCommand *command = g_ptr_array_index (commands, i);

      if (g_str_equal (command->id, id))
        return civic_outbox_command_to_json (command);
    }

  /* civic_sync_engine_perform() returned the id: it is in the outbox. */
  g_error ("Command %s is not in the outbox", id);
}

/* What an official of each role does besides commenting, with arguments
 * the law takes; the rules decide whether the case's state allows it. */

typedef struct
{
  CivicAction  action;
  const char  *args;   /* NONCE where the official's words go */
} Move;

static const Move clerk_moves[] = {
  { CIVIC_ACTION_START_PRE_REVIEW, "{}" },
  { CIVIC_ACTION_CLAIM, "{}" },
  { CIVIC_ACTION_RELEASE, "{}" },
};

static const Move examiner_moves[] = {
  { CIVIC_ACTION_CLAIM, "{}" },
  { CIVIC_ACTION_RELEASE, "{}" },
  { CIVIC_ACTION_OPINION, "{\"recommendation\":\"approve\",\"text\":\"NONCE\",\"submit\":true}" },
  { CIVIC_ACTION_STOP_CLOCK, "{\"reason\":\"inspection\",\"expected_days\":5,\"note\":\"NONCE\"}" },
  { CIVIC_ACTION_RESUME_CLOCK, "{\"result\":\"NONCE\"}" },
};

static const Move approver_moves[] = {
  { CIVIC_ACTION_CLAIM, "{}" },
  { CIVIC_ACTION_RELEASE, "{}" },
  { CIVIC_ACTION_RETURN, "{\"reason\":\"NONCE\"}" },
};

typedef struct
{
  CivicAccount *account;
  const char   *password;
  const char   *username;
  int           log_fd;
  GRand        *rand;
  guint         run;
  guint         n;
  gboolean      signed_in;
  const Move   *moves;
  guint         n_moves;
} Official;

static gboolean
allowed (GArray      *actions,
         CivicAction  action)
{
  for (guint i = 0; i < actions->len; i++)
    if (g_array_index (actions, CivicAction, i) == action)
      return TRUE;
  return FALSE;
}

static GPtrArray *
list_queue (CivicCache      *cache,
            CivicInboxQueue  queue)
{
  CivicInboxFilter filter = { queue, NULL, NULL, NULL, NULL, -1, NULL, CIVIC_INBOX_SORT_DUE };
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = civic_cache_list_cases (cache, &filter, 0, 100000, &error);

  if (rows == NULL)
    g_error ("Cannot read the inbox: %s", error->message);
  return rows;
}

/* Picks a case and an action the rules allow on it now. Two times in
 * three a comment on any case the official sees, most of them closed;
 * otherwise a workflow move on a case of their own or of their queue,
 * where the rules allow one. FALSE while the offline copy has no case
 * yet (killed before its first pull). */
static gboolean
choose (Official    *official,
        char       **case_id,
        CivicAction *action,
        const char **args_template)
{
  CivicCache *cache = civic_account_get_cache (official->account);
  gboolean move = g_rand_int_range (official->rand, 0, 3) == 0;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CivicCase) kase = NULL;
  g_autoptr(GArray) actions = NULL;
  CivicInboxRow *row;

  if (move)
    rows = list_queue (cache, g_rand_boolean (official->rand) ? CIVIC_INBOX_MINE
                                                              : CIVIC_INBOX_DEPARTMENT);
  if (rows == NULL || rows->len == 0)
    {
      g_clear_pointer (&rows, g_ptr_array_unref);
      rows = list_queue (cache, CIVIC_INBOX_ALL);
    }
  if (rows->len == 0)
    return FALSE;

  row = g_ptr_array_index (rows, g_rand_int_range (official->rand, 0, (gint32) rows->len));
  *case_id = g_strdup (row->id);
  *action = CIVIC_ACTION_COMMENT;
  *args_template = "{\"text\":\"NONCE\"}";
  if (!move)
    return TRUE;

  kase = civic_cache_load_case (cache, row->id, &error);
  if (kase == NULL)
    g_error ("Cannot load case %s: %s", row->id, error->message);

  /* The rules the client runs do not know that a co-department of a
   * joint case may only comment and give its opinion: the service refuses
   * the rest as "forbidden" (civic-policy.c). An official knows better
   * than to try; so does this one. */
  if (g_strcmp0 (civic_case_get_department_id (kase),
                 civic_account_get_actor (official->account)->department_id) != 0)
    return TRUE;

  actions = civic_sync_engine_list_actions (civic_account_get_engine (official->account), kase);

  for (guint tries = 0; tries < 2 * official->n_moves; tries++)
    {
      const Move *candidate = &official->moves[g_rand_int_range (official->rand, 0,
                                                                 (gint32) official->n_moves)];

      if (allowed (actions, candidate->action))
        {
          *action = candidate->action;
          *args_template = candidate->args;
          break;
        }
    }
  return TRUE;
}

/* One action, as a click records it: checked, into the outbox, shown. */
static void
record (Official *official)
{
  g_autofree char *case_id = NULL;
  g_autofree char *nonce = NULL;
  g_autofree char *args_text = NULL;
  g_autofree char *intent = NULL;
  g_autofree char *line = NULL;
  g_autofree char *command = NULL;
  g_autofree char *id = NULL;
  g_autoptr(JsonObject) args = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;
  const char *args_template;
  CivicAction action;

  if (!choose (official, &case_id, &action, &args_template))
    return;

  /* Unique across every run of every official, so a comment applied
   * twice shows as two equal texts. */
  nonce = g_strdup_printf ("chaos/%s/%u/%u", official->username, official->run, official->n++);
  parts = g_strsplit (args_template, "NONCE", -1);
  args_text = g_strjoinv (nonce, parts);
  args = civic_json_parse_object (args_text, -1, &error);
  g_assert_no_error (error);

  intent = g_strdup_printf ("I %s\n", nonce);
  log_line (official->log_fd, intent);

  id = civic_sync_engine_perform (civic_account_get_engine (official->account), case_id, action,
                                  args, &error);
  if (id == NULL)
    {
      /* The rules refused its arguments (listing the actions checks the
       * state and the roles only): nothing was recorded. */
      line = g_strdup_printf ("N %s\n", nonce);
      log_line (official->log_fd, line);
      return;
    }

  command = command_text (official->account, case_id, id);
  line = g_strdup_printf ("R %s %s %s\n", id, nonce, command);
  log_line (official->log_fd, line);
}

static void
sync_step (Official *official)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!official->signed_in)
    {
      if (!civic_test_account_sign_in (official->account, official->password, &error))
        {
          /* The service is down: the official works offline. */
          if (!civic_api_error_is_transient (error))
            g_error ("Sign-in as %s failed: %s", official->username, error->message);
          return;
        }
      official->signed_in = TRUE;
    }

  /* The test reads the last line after a kill: was it in a sync? */
  log_line (official->log_fd, "S\n");
  ok = civic_test_account_sync (official->account, &error);
  log_line (official->log_fd, "D\n");
  if (!ok)
    {
      /* A restarted service forgot nothing, but if it ever says the
       * session is gone, the official signs in again. */
      if (g_error_matches (error, CIVIC_API_ERROR, CIVIC_API_ERROR_UNAUTHORIZED))
        official->signed_in = FALSE;
      else if (!civic_api_error_is_transient (error))
        g_error ("Sync as %s failed: %s", official->username, error->message);
    }
}

static void
pause_ms (guint ms)
{
  g_usleep (ms * 1000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static int
soak (Official *official)
{
  g_autoptr(GError) error = NULL;

  /* The first start needs the service; later ones open the offline copy
   * whether it is up or not. */
  while (!civic_account_is_ready (official->account) && !stopping)
    {
      if (civic_test_account_sign_in (official->account, official->password, &error))
        official->signed_in = TRUE;
      else if (!civic_api_error_is_transient (error))
        g_error ("Sign-in as %s failed: %s", official->username, error->message);
      g_clear_error (&error);
      if (!official->signed_in)
        pause_ms (100);
    }
  if (civic_account_is_ready (official->account) && !official->signed_in)
    sync_step (official);

  while (!stopping)
    {
      int dice = g_rand_int_range (official->rand, 0, 100);

      /* Half offline (the outbox only, sent by a later sync), a third
       * online (sent at once), and plain syncs. */
      if (dice < 50)
        record (official);
      else if (dice < 85)
        {
          record (official);
          sync_step (official);
        }
      else
        sync_step (official);

      pause_ms (g_rand_int_range (official->rand, 0, MAX_STEP_PAUSE_MS));
    }

  return 0;
}

static int
drain (Official *official)
{
  CivicSyncEngine *engine;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) sync_error = NULL;
  guint round;

  for (round = 0; round < DRAIN_ROUNDS; round++)
    {
      g_clear_error (&error);
      if (civic_test_account_sign_in (official->account, official->password, &error))
        break;
      pause_ms (200);
    }
  if (round == DRAIN_ROUNDS)
    g_error ("Sign-in as %s failed: %s", official->username, error->message);

  engine = civic_account_get_engine (official->account);
  for (round = 0; round < DRAIN_ROUNDS; round++)
    {
      g_clear_error (&sync_error);
      /* As "Sync now": nothing waits out a back-off. */
      civic_outbox_retry_all_now (civic_account_get_outbox (official->account), NULL);
      if (civic_test_account_sync (official->account, &sync_error) &&
          civic_sync_engine_get_pending (engine) == 0)
        break;
      pause_ms (200);
    }

  conflicts = civic_outbox_list_conflicts (civic_account_get_outbox (official->account), &error);
  g_assert_no_error (error);

  g_string_append_printf (out, "{\"rounds\":%u,\"pending\":%u,\"cursor\":%" G_GINT64_FORMAT
                          ",\"sync_error\":", round + 1, civic_sync_engine_get_pending (engine),
                          civic_cache_get_cursor (civic_account_get_cache (official->account)));
  if (sync_error != NULL)
    {
      g_autoptr(JsonNode) message = json_node_init_string (json_node_alloc (), sync_error->message);
      g_autofree char *text = civic_json_to_string (message, FALSE);

      g_string_append (out, text);
    }
  else
    g_string_append (out, "null");

  g_string_append (out, ",\"conflicts\":[");
  for (guint i = 0; i < conflicts->len; i++)
    {
      CivicConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autoptr(JsonNode) code = json_node_init_string (json_node_alloc (),
                                                         conflict->reason_code);
      g_autofree char *code_text = civic_json_to_string (code, FALSE);

      g_string_append_printf (out, "%s{\"id\":\"%s\",\"type\":\"%s\",\"code\":%s}",
                              i > 0 ? "," : "", conflict->command->id, conflict->command->type,
                              code_text);
    }
  g_string_append (out, "]}\n");
  g_print ("%s", out->str);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CivicAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  Official official = { 0 };
  int status;

  setlocale (LC_ALL, "");

  if (argc < 5 ||
      !((g_str_equal (argv[4], "soak") && argc == 8) ||
        (g_str_equal (argv[4], "drain") && argc == 5)))
    {
      g_printerr ("Usage: %s URL USER PASSWORD soak LOG SEED RUN | drain\n", argv[0]);
      return 2;
    }

  account = civic_account_new (argv[1], argv[2], NULL, &error);
  if (account == NULL)
    g_error ("Cannot open the account: %s", error->message);
  /* No keyring: every start signs in with the password. */
  civic_account_set_keep_session (account, FALSE);

  official.account = account;
  official.username = argv[2];
  official.password = argv[3];
  official.log_fd = -1;

  if (g_str_equal (official.username, "clerk"))
    {
      official.moves = clerk_moves;
      official.n_moves = G_N_ELEMENTS (clerk_moves);
    }
  else if (g_str_equal (official.username, "approver"))
    {
      official.moves = approver_moves;
      official.n_moves = G_N_ELEMENTS (approver_moves);
    }
  else
    {
      official.moves = examiner_moves;
      official.n_moves = G_N_ELEMENTS (examiner_moves);
    }

  if (g_str_equal (argv[4], "drain"))
    return drain (&official);

  official.log_fd = open (argv[5], O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (official.log_fd < 0)
    g_error ("Cannot open %s: %s", argv[5], g_strerror (errno));
  official.run = (guint) g_ascii_strtoull (argv[7], NULL, 10);
  official.rand = g_rand_new_with_seed ((guint32) g_ascii_strtoull (argv[6], NULL, 10));

  g_unix_signal_add (SIGTERM, stop_cb, NULL);
  status = soak (&official);

  g_rand_free (official.rand);
  close (official.log_fd);
  return status;
}
