/* fuzz-account-file.c — the client's account.json, as it opens an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "civic-account.h"
#include "civic-fuzz.h"

/* The client keeps who the official is in account.json, the user record
 * the service sent at the last sign-in, and reads it at every start to
 * open the offline copy without the network (civic-account.c,
 * load_account_file()). A damaged or edited file must not stop the
 * client: it says so in a warning and waits for the next sign-in. Each
 * input is that file; civic_account_new() reads it, and, when it names
 * an official, opens the cache, the outbox and the sync engine in a
 * throwaway data folder, as at a start. */

#define SERVICE_URL "http://127.0.0.1:1"
#define USERNAME "examiner"

static char *account_dir;
static char *account_file;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(CivicAccount) account = NULL;
  g_autofree char *data_home = NULL;
  g_autoptr(GError) error = NULL;

  civic_fuzz_init (CIVIC_FUZZ_ALLOW_WARNINGS);

  /* Before anything asks GLib for it, which it then keeps. */
  data_home = civic_fuzz_make_tmp_dir ("account-file");
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  /* Never signed in here: no file, no offline copy, only the folder's
   * name. */
  account = civic_account_new (SERVICE_URL, USERNAME, NULL, &error);
  if (account == NULL)
    g_error ("%s", error->message);
  account_dir = g_strdup (civic_account_get_dir (account));
  if (g_mkdir_with_parents (account_dir, 0700) != 0)
    g_error ("Cannot make %s", account_dir);
  account_file = g_build_filename (account_dir, "account.json", NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(CivicAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  const CivicActor *actor;

  if (!g_file_set_contents (account_file, (const char *) data, size, &error))
    g_error ("%s", error->message);

  account = civic_account_new (SERVICE_URL, USERNAME, NULL, &error);
  if (account == NULL)
    g_printerr ("The account did not open: %s\n", error->message);
  civic_fuzz_assert (account != NULL);
  civic_fuzz_assert (g_str_equal (civic_account_get_dir (account), account_dir));

  actor = civic_account_get_actor (account);
  if (actor != NULL)
    {
      civic_fuzz_assert (actor->id != NULL && *actor->id != '\0');
      civic_fuzz_assert (actor->department_id != NULL && *actor->department_id != '\0');
      civic_fuzz_assert (civic_account_get_department_name (account) != NULL);
      civic_fuzz_assert (civic_account_is_ready (account));
    }
  else
    civic_fuzz_assert (!civic_account_is_ready (account));

  civic_fuzz_assert (!civic_account_is_signed_in (account));
  return 0;
}
