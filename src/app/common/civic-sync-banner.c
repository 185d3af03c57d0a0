/* civic-sync-banner.c — offline, or signed out: what happens to the work
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-sync-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-sync-banner.h"

/* A bar under the header bar (libadwaita 1.2 has no AdwBanner) that tells
 * the official, when the service is out of reach or the session ended,
 * that their work is kept, and offers the one thing to do about it. */

struct _CivicSyncBanner
{
  AdwBin           parent_instance;

  GtkRevealer     *revealer;
  GtkLabel        *label;
  GtkButton       *button;

  CivicSyncEngine *engine;
  GSignalGroup    *engine_signals;
};

G_DEFINE_FINAL_TYPE (CivicSyncBanner, civic_sync_banner, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ENGINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (CivicSyncBanner *self)
{
  guint pending;

  if (self->engine == NULL)
    {
      gtk_revealer_set_reveal_child (self->revealer, FALSE);
      return;
    }

  pending = civic_sync_engine_get_pending (self->engine);

  if (civic_sync_engine_get_needs_sign_in (self->engine))
    {
      gtk_label_set_label (self->label,
                           _("Your session has ended. Your work is kept on this computer; sign in "
                             "again to send it."));
      gtk_button_set_label (self->button, _("_Sign In…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button), "win.sign-in-again");
      gtk_revealer_set_reveal_child (self->revealer, TRUE);
    }
  else if (civic_sync_engine_get_state (self->engine) == CIVIC_SYNC_STATE_OFFLINE)
    {
      g_autofree char *text = NULL;

      if (pending > 0)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Offline. %u action is kept on this computer and "
                                             "will be sent when the service is back.",
                                             "Offline. %u actions are kept on this computer and "
                                             "will be sent when the service is back.", pending),
                                pending);
      else
        text = g_strdup (_("Offline. You can keep working: what you do is kept on this computer "
                           "and sent when the service is back."));
      gtk_label_set_label (self->label, text);
      gtk_button_set_label (self->button, _("_Retry"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button), "win.sync-now");
      gtk_revealer_set_reveal_child (self->revealer, TRUE);
    }
  else
    gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

CivicSyncEngine *
civic_sync_banner_get_engine (CivicSyncBanner *self)
{
  g_return_val_if_fail (CIVIC_IS_SYNC_BANNER (self), NULL);
  return self->engine;
}

void
civic_sync_banner_set_engine (CivicSyncBanner *self,
                              CivicSyncEngine *engine)
{
  g_return_if_fail (CIVIC_IS_SYNC_BANNER (self));
  g_return_if_fail (!engine || CIVIC_IS_SYNC_ENGINE (engine));

  if (!g_set_object (&self->engine, engine))
    return;

  g_signal_group_set_target (self->engine_signals, engine);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
}

static void
civic_sync_banner_dispose (GObject *object)
{
  CivicSyncBanner *self = (CivicSyncBanner *)object;

  g_signal_group_set_target (self->engine_signals, NULL);
  g_clear_object (&self->engine);

  G_OBJECT_CLASS (civic_sync_banner_parent_class)->dispose (object);
}

static void
civic_sync_banner_finalize (GObject *object)
{
  CivicSyncBanner *self = (CivicSyncBanner *)object;

  g_clear_object (&self->engine_signals);

  G_OBJECT_CLASS (civic_sync_banner_parent_class)->finalize (object);
}

static void
civic_sync_banner_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CivicSyncBanner *self = CIVIC_SYNC_BANNER (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      g_value_set_object (value, self->engine);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
civic_sync_banner_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CivicSyncBanner *self = CIVIC_SYNC_BANNER (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      civic_sync_banner_set_engine (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
civic_sync_banner_class_init (CivicSyncBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = civic_sync_banner_dispose;
  object_class->finalize = civic_sync_banner_finalize;
  object_class->get_property = civic_sync_banner_get_property;
  object_class->set_property = civic_sync_banner_set_property;

  properties[PROP_ENGINE] =
    g_param_spec_object ("engine", NULL, NULL, CIVIC_TYPE_SYNC_ENGINE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
civic_sync_banner_init (CivicSyncBanner *self)
{
  static const char *watched[] = { "notify::state", "notify::pending", "notify::needs-sign-in" };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("network-offline-symbolic");

  self->engine_signals = g_signal_group_new (CIVIC_TYPE_SYNC_ENGINE);
  for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
    g_signal_group_connect_swapped (self->engine_signals, watched[i], G_CALLBACK (update), self);

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);

  self->button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Retry")));
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->button));
  gtk_widget_add_css_class (box, "banner");

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->revealer, box);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->revealer));
}

GtkWidget *
civic_sync_banner_new (void)
{
  return g_object_new (CIVIC_TYPE_SYNC_BANNER, NULL);
}
