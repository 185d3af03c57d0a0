/* civic-ui-test.c — what every widget test shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "civic-ui-test.h"
#include "civicdesk-resources.h"

#include "../civic-test-async.h"

static char *home;
static CivicTestService *service;
static CivicAccount *account;
static const char *username = "examiner";

void
civic_ui_test_init (int    *argc,
                    char ***argv)
{
  home = g_dir_make_tmp ("civicdesk-ui-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* The widgets' templates; referring to them links them in */
  g_assert_nonnull (civicdesk_get_resource ());

  /* gtk_test_init() runs the tests in en_US; a screenshot is taken in
   * the language of the environment, from the catalogue built with the
   * client */
  if (g_getenv ("CIVICDESK_SCREENSHOTS_DIR") != NULL)
    {
      const char *localedir = g_getenv ("CIVICDESK_LOCALEDIR");

      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
}

int
civic_ui_test_run (void)
{
  int status = g_test_run ();

  if (account != NULL)
    g_assert_finalize_object (g_steal_pointer (&account));
  g_clear_pointer (&service, civic_test_service_free);
  civic_test_remove_tree (home);
  g_clear_pointer (&home, g_free);
  return status;
}

void
civic_ui_test_sync (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CivicSyncEngine *engine = civic_ui_test_engine ();

  civic_sync_engine_sync_async (engine, NULL, civic_test_got_result, &result);
  g_assert_true (civic_sync_engine_sync_finish (engine, civic_test_await (&result), &error));
  g_assert_no_error (error);
}

/* Whom the tests of this program sign in as: a demo user's name */
void
civic_ui_test_sign_in_as (const char *name)
{
  g_assert_null (account);
  username = name;
}

CivicAccount *
civic_ui_test_account (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (account != NULL)
    return account;

  service = civic_test_service_new_demo (400, 17);
  account = civic_account_new (service->base_url, username, NULL, &error);
  g_assert_no_error (error);
  civic_account_set_keep_session (account, FALSE);
  civic_account_sign_in_async (account, "demo-password", NULL, civic_test_got_result, &result);
  g_assert_true (civic_account_sign_in_finish (account, civic_test_await (&result), &error));
  g_assert_no_error (error);
  civic_ui_test_sync ();
  return account;
}

/* The service the account signed in to, for what a test checks on the
 * service's side */
CivicTestService *
civic_ui_test_service (void)
{
  civic_ui_test_account ();
  return service;
}

CivicSyncEngine *
civic_ui_test_engine (void)
{
  return civic_account_get_engine (civic_ui_test_account ());
}

CivicCache *
civic_ui_test_cache (void)
{
  return civic_account_get_cache (civic_ui_test_account ());
}

CivicCalendar *
civic_ui_test_calendar (void)
{
  return civic_sync_engine_get_calendar (civic_ui_test_engine ());
}

/* Runs the main loop for @ms, as the window would while the official
 * pauses. */
void
civic_ui_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }
}

/* The first case of @queue in @state, by due date. */
char *
civic_ui_test_find_case (CivicInboxQueue  queue,
                         const char      *state)
{
  CivicInboxFilter filter = { queue, state, NULL, NULL, NULL, 0, NULL, CIVIC_INBOX_SORT_DUE };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = civic_cache_list_cases (civic_ui_test_cache (), &filter, 0, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  return g_strdup (((CivicInboxRow *) g_ptr_array_index (rows, 0))->id);
}

/* The examiner's first case under review, from the offline copy */
CivicCase *
civic_ui_test_case_under_review (void)
{
  g_autofree char *id = civic_ui_test_find_case (CIVIC_INBOX_MINE, "under-review");
  g_autoptr(GError) error = NULL;
  CivicCase *kase = civic_cache_load_case (civic_ui_test_cache (), id, &error);

  g_assert_no_error (error);
  return kase;
}

GtkLabel *
civic_ui_test_find_label (GtkWidget  *root,
                          const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        return GTK_LABEL (child);
      if ((found = civic_ui_test_find_label (child, text)) != NULL)
        return found;
    }
  return NULL;
}

/* The first widget of @type under @root; with @title, the preferences
 * row or group of that title (as written, with its mnemonic). */
GtkWidget *
civic_ui_test_find_titled (GtkWidget  *root,
                           GType       type,
                           const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (title == NULL ||
           (ADW_IS_PREFERENCES_ROW (child) &&
            g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0) ||
           (ADW_IS_PREFERENCES_GROUP (child) &&
            g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (child)), title) == 0) ||
           (GTK_IS_BUTTON (child) &&
            g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), title) == 0)))
        return child;
      if ((found = civic_ui_test_find_titled (child, type, title)) != NULL)
        return found;
    }
  return NULL;
}

/* Whether a label, a button or a row under @root says @text. */
gboolean
civic_ui_test_has_text (GtkWidget  *root,
                        const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_label (GTK_LABEL (child)), text) != NULL)
        return TRUE;
      if (GTK_IS_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) != NULL &&
          strstr (gtk_button_get_label (GTK_BUTTON (child)), text) != NULL)
        return TRUE;
      if (GTK_IS_MENU_BUTTON (child) && gtk_menu_button_get_label (GTK_MENU_BUTTON (child)) != NULL &&
          strstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (child)), text) != NULL)
        return TRUE;
      if (ADW_IS_PREFERENCES_ROW (child) &&
          strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), text) != NULL)
        return TRUE;
      if (civic_ui_test_has_text (child, text))
        return TRUE;
    }
  return FALSE;
}

void
civic_ui_test_destroy (GtkWidget *window,
                       GtkWidget *widget)
{
  if (widget != NULL)
    g_object_ref (widget);
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  /* What the destruction left to the main loop */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (window);
  if (widget != NULL)
    g_assert_finalize_object (widget);
}

/* A window of @width × @height showing @child, styled as the client is,
 * shown and drawn once. */
GtkWidget *
civic_ui_test_window (GtkWidget *child,
                      int        width,
                      int        height)
{
  static GtkCssProvider *style;
  GtkWidget *window = gtk_window_new ();

  if (style == NULL)
    {
      /* AdwApplication loads it in the client */
      style = gtk_css_provider_new ();
      gtk_css_provider_load_from_resource (style, "/io/github/civicdesk/CivicDesk/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (style),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  civic_ui_test_spin (300);
  return window;
}

/* Whether CIVICDESK_SCREENSHOTS_DIR asks for screenshots */
gboolean
civic_ui_test_screenshots_wanted (void)
{
  return g_getenv ("CIVICDESK_SCREENSHOTS_DIR") != NULL;
}

/* Saves @widget as it is drawn to $CIVICDESK_SCREENSHOTS_DIR/@name-en.png,
 * or -zh_CN.png in Chinese, as build-aux/take-screenshots.sh names the
 * client's screens. */
void
civic_ui_test_screenshot (GtkWidget  *widget,
                          const char *name)
{
  const char *dir = g_getenv ("CIVICDESK_SCREENSHOTS_DIR");
  const char *locale = setlocale (LC_MESSAGES, NULL);
  g_autofree char *language = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_nonnull (dir);
  g_assert_cmpint (width, >, 0);
  language = g_str_has_prefix (locale, "zh_CN") ? g_strdup ("zh_CN") : g_strdup ("en");
  file = g_strdup_printf ("%s-%s.png", name, language);
  path = g_build_filename (dir, file, NULL);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}
