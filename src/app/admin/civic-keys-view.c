/* civic-keys-view.c — the API Keys section: the Open311 clients that file citizens' messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-keys-view"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-keys-view.h"
#include "civic-open311-key.h"

/* Where the hall's administrators give a program that files citizens'
 * messages through Open311 (a city's app, the 12345 hotline's system)
 * its key, shown once in the form and kept by the service only as its
 * hash, and revoke it when the program should file no more. */

enum
{
  FILTER_IN_USE,
  FILTER_REVOKED,
  FILTER_ALL,
};

struct _CivicKeysView
{
  CivicAdminView parent_instance;
};

G_DEFINE_FINAL_TYPE (CivicKeysView, civic_keys_view, CIVIC_TYPE_ADMIN_VIEW)

/**
 * civic_keys_view_shown_to:
 *
 * Whether the section is for @actor: the hall's administrators
 */
gboolean
civic_keys_view_shown_to (const CivicActor *actor)
{
  return actor != NULL && civic_actor_has_role (actor, CIVIC_ROLE_ADMIN);
}

static gboolean
matches (GObject    *record,
         const char *words)
{
  CivicOpen311Key *key = CIVIC_OPEN311_KEY (record);

  return civic_admin_view_contains (civic_open311_key_get_name (key), words) ||
         civic_admin_view_contains (civic_open311_key_get_id (key), words);
}

static gboolean
in_filter (GObject *record,
           guint    filter)
{
  gboolean revoked = civic_open311_key_get_revoked (CIVIC_OPEN311_KEY (record));

  switch (filter)
    {
    case FILTER_IN_USE:
      return !revoked;
    case FILTER_REVOKED:
      return revoked;
    case FILTER_ALL:
    default:
      return TRUE;
    }
}

static int
compare (GObject *a,
         GObject *b)
{
  return g_strcmp0 (civic_open311_key_get_name (CIVIC_OPEN311_KEY (a)),
                    civic_open311_key_get_name (CIVIC_OPEN311_KEY (b)));
}

static void
decorate (CivicAdminView *view,
          GObject        *record,
          AdwActionRow   *row)
{
  g_autofree char *describe = civic_open311_key_kind.describe (record);

  adw_action_row_set_subtitle (row, describe);
}

static GObject *
new_record (CivicAdminView *view,
            const char     *id)
{
  return G_OBJECT (civic_open311_key_new (id));
}

static char *
heading (GObject *record)
{
  return civic_open311_key_kind.label (record);
}

static void
fill_page (CivicAdminView *view,
           GObject        *record,
           GtkBox         *page)
{
  CivicOpen311Key *key = CIVIC_OPEN311_KEY (record);
  CivicDay created_on = civic_open311_key_get_created_on (key);
  CivicDay revoked_on = civic_open311_key_get_revoked_on (key);
  g_autofree char *created = created_on != CIVIC_DAY_INVALID ? civic_day_format (created_on) : NULL;
  g_autofree char *revoked = revoked_on != CIVIC_DAY_INVALID ? civic_day_format (revoked_on) : NULL;
  GtkWidget *group = civic_admin_view_add_group (page, _("Key"));

  civic_admin_view_add_fact (group, _("Identifier"), civic_open311_key_get_id (key));
  civic_admin_view_add_fact (group, _("Added On"), created);
  civic_admin_view_add_fact (group, _("State"), civic_open311_key_get_revoked (key)
                                                ? _("Revoked: its requests are refused")
                                                : _("In use"));
  civic_admin_view_add_fact (group, _("Revoked On"), revoked);
  civic_admin_view_add_fact (group, _("Why Revoked"),
                             civic_open311_key_get_revoked_reason (key));
}

/* "k-" and eight hexadecimal digits, as the command line makes them */
static char *
new_id (CivicAdminView *view)
{
  return g_strdup_printf ("k-%08x", g_random_int ());
}

static void
civic_keys_view_class_init (CivicKeysViewClass *klass)
{
  CivicAdminViewClass *admin_class = CIVIC_ADMIN_VIEW_CLASS (klass);
  CivicAdminViewWords words = {
    .title = C_("section", "API Keys"),
    .add_label = _("_Add Key"),
    .add_tooltip = _("Give an Open311 client its key (Ctrl+N)"),
    .filters_name = _("Which keys"),
    .filter_labels = { _("_In Use"), _("_Revoked"), _("A_ll") },
    .filter_tooltips = { _("Keys whose requests are taken"), _("Keys whose requests are refused"),
                         _("Every key") },
    .search_hint = _("For whom, or its identifier"),
    .search_name = _("Find a key"),
    .list_name = _("Open311 keys"),
    .empty = _("No keys here"),
    .page_title = _("Key"),
    .back_label = _("Back to the Keys"),
    .missing_title = _("No Such Key"),
    .missing_icon = "dialog-password-symbolic",
  };

  admin_class->kind = &civic_open311_key_kind;
  admin_class->add_action = CIVIC_OPEN311_KEY_ACTION_ADD;
  admin_class->new_id = new_id;
  admin_class->words = words;
  admin_class->matches = matches;
  admin_class->in_filter = in_filter;
  admin_class->compare = compare;
  admin_class->decorate = decorate;
  admin_class->new_record = new_record;
  admin_class->heading = heading;
  admin_class->fill_page = fill_page;
  admin_class->shown_to = civic_keys_view_shown_to;
}

static void
civic_keys_view_init (CivicKeysView *self)
{
}
