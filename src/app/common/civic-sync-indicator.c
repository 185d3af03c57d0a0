/* civic-sync-indicator.c — the sync state in the header bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-sync-indicator"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-net-enums.h"
#include "civic-sync-indicator.h"
#include "civic-time.h"

/* Synced (with the time), syncing (with how far), offline, N pending,
 * error: one glance says whether the official's work has reached the
 * service. The popover says more, and has Sync Now. */

struct _CivicSyncIndicator
{
  AdwBin           parent_instance;

  /* Template widgets */
  GtkMenuButton   *button;
  GtkStack        *icon_stack;
  GtkImage        *icon;
  GtkSpinner      *spinner;
  GtkLabel        *label;
  GtkLabel        *detail_title;
  GtkLabel        *detail_label;
  GtkProgressBar  *progress_bar;

  CivicSyncEngine *engine;
  GSignalGroup    *engine_signals;
  guint            clock_source;
  gboolean         compact;
};

G_DEFINE_FINAL_TYPE (CivicSyncIndicator, civic_sync_indicator, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ENGINE,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the region's time, as every time the official reads here. */
static char *
format_when (GDateTime *when)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autoptr(GDateTime) local_now = NULL;

  if (when == NULL)
    return NULL;

  local = g_date_time_to_timezone (when, civic_time_zone ());
  local_now = g_date_time_to_timezone (now, civic_time_zone ());
  if (g_date_time_get_year (local) == g_date_time_get_year (local_now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (local_now))
    return g_date_time_format (local, "%H:%M");
  /* Translators: a date and time, as strftime() takes it */
  return g_date_time_format (local, _("%Y-%m-%d %H:%M"));
}

/**
 * civic_sync_indicator_dup_summary:
 *
 * Returns: (transfer full): the state in a few words: "Synced 10:42",
 * "Syncing 45%", "Offline · 3 pending".
 */
char *
civic_sync_indicator_dup_summary (CivicSyncEngine *engine)
{
  guint pending = civic_sync_engine_get_pending (engine);
  g_autofree char *when = format_when (civic_sync_engine_get_last_success (engine));
  g_autofree char *waiting = NULL;

  if (pending > 0)
    waiting = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u pending", "%u pending", pending),
                               pending);

  switch (civic_sync_engine_get_state (engine))
    {
    case CIVIC_SYNC_STATE_SYNCING:
      return g_strdup_printf (_("Syncing %.0f%%"), 100 * civic_sync_engine_get_progress (engine));
    case CIVIC_SYNC_STATE_OFFLINE:
      return waiting ? g_strdup_printf (_("Offline · %s"), waiting) : g_strdup (_("Offline"));
    case CIVIC_SYNC_STATE_ERROR:
      if (civic_sync_engine_get_needs_sign_in (engine))
        return g_strdup (_("Signed out"));
      return waiting ? g_strdup_printf (_("Sync error · %s"), waiting) : g_strdup (_("Sync error"));
    case CIVIC_SYNC_STATE_IDLE:
    default:
      if (waiting != NULL)
        return g_steal_pointer (&waiting);
      if (when != NULL)
        /* Translators: %s is a time, "10:42" */
        return g_strdup_printf (_("Synced %s"), when);
      return g_strdup (_("Not synced yet"));
    }
}

static void
update (CivicSyncIndicator *self)
{
  CivicSyncState state;
  g_autofree char *summary = NULL;
  g_autofree char *when = NULL;
  g_autoptr(GString) detail = g_string_new (NULL);
  const char *icon_name;
  const char *error;
  guint pending, conflicts;

  if (self->engine == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);

  state = civic_sync_engine_get_state (self->engine);
  summary = civic_sync_indicator_dup_summary (self->engine);
  when = format_when (civic_sync_engine_get_last_success (self->engine));
  error = civic_sync_engine_get_error_message (self->engine);
  pending = civic_sync_engine_get_pending (self->engine);
  conflicts = civic_sync_engine_get_conflicts (self->engine);

  switch (state)
    {
    case CIVIC_SYNC_STATE_OFFLINE:
      icon_name = "network-offline-symbolic";
      break;
    case CIVIC_SYNC_STATE_ERROR:
      icon_name = "dialog-warning-symbolic";
      break;
    case CIVIC_SYNC_STATE_IDLE:
    case CIVIC_SYNC_STATE_SYNCING:
    default:
      icon_name = pending > 0 ? "document-send-symbolic" : "emblem-ok-symbolic";
      break;
    }

  gtk_image_set_from_icon_name (self->icon, icon_name);
  gtk_stack_set_visible_child_name (self->icon_stack,
                                    state == CIVIC_SYNC_STATE_SYNCING ? "spinner" : "icon");
  gtk_spinner_set_spinning (self->spinner, state == CIVIC_SYNC_STATE_SYNCING);
  gtk_label_set_label (self->label, summary);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, summary, -1);

  gtk_label_set_label (self->detail_title, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), state == CIVIC_SYNC_STATE_SYNCING);
  gtk_progress_bar_set_fraction (self->progress_bar, civic_sync_engine_get_progress (self->engine));

  if (state == CIVIC_SYNC_STATE_OFFLINE)
    g_string_append (detail, _("The service cannot be reached. Everything you do is kept on this "
                               "computer and sent when it is back."));
  else if (civic_sync_engine_get_needs_sign_in (self->engine))
    g_string_append (detail, _("Your session has ended. Sign in again to send and receive work; "
                               "what you do meanwhile is kept."));
  else if (error != NULL)
    g_string_append (detail, error);

  if (pending > 0)
    {
      if (detail->len > 0)
        g_string_append (detail, "\n\n");
      g_string_append_printf (detail,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u action is waiting to be sent.",
                                           "%u actions are waiting to be sent.", pending),
                              pending);
    }
  if (conflicts > 0)
    {
      if (detail->len > 0)
        g_string_append (detail, "\n\n");
      g_string_append_printf (detail,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u action was refused by the service: see Conflicts.",
                                           "%u actions were refused by the service: see Conflicts.",
                                           conflicts),
                              conflicts);
    }
  if (when != NULL)
    {
      if (detail->len > 0)
        g_string_append (detail, "\n\n");
      /* Translators: %s is a time or a date and time */
      g_string_append_printf (detail, _("Last synced at %s."), when);
    }

  gtk_label_set_label (self->detail_label, detail->str);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail->len > 0);
}

/* "Synced 10:42" must not say 10:42 the next morning. */
static gboolean
clock_tick_cb (gpointer data)
{
  update (data);
  return G_SOURCE_CONTINUE;
}

CivicSyncEngine *
civic_sync_indicator_get_engine (CivicSyncIndicator *self)
{
  g_return_val_if_fail (CIVIC_IS_SYNC_INDICATOR (self), NULL);
  return self->engine;
}

void
civic_sync_indicator_set_engine (CivicSyncIndicator *self,
                                 CivicSyncEngine    *engine)
{
  g_return_if_fail (CIVIC_IS_SYNC_INDICATOR (self));
  g_return_if_fail (!engine || CIVIC_IS_SYNC_ENGINE (engine));

  if (!g_set_object (&self->engine, engine))
    return;

  g_signal_group_set_target (self->engine_signals, engine);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
}

static void
civic_sync_indicator_dispose (GObject *object)
{
  CivicSyncIndicator *self = (CivicSyncIndicator *)object;

  g_clear_handle_id (&self->clock_source, g_source_remove);
  g_signal_group_set_target (self->engine_signals, NULL);
  g_clear_object (&self->engine);
  /* The bin's child first, whole: then the template's own references. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIVIC_TYPE_SYNC_INDICATOR);

  G_OBJECT_CLASS (civic_sync_indicator_parent_class)->dispose (object);
}

static void
civic_sync_indicator_finalize (GObject *object)
{
  CivicSyncIndicator *self = (CivicSyncIndicator *)object;

  g_clear_object (&self->engine_signals);

  G_OBJECT_CLASS (civic_sync_indicator_parent_class)->finalize (object);
}

static void
civic_sync_indicator_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CivicSyncIndicator *self = CIVIC_SYNC_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      g_value_set_object (value, self->engine);
      break;
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
civic_sync_indicator_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CivicSyncIndicator *self = CIVIC_SYNC_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      civic_sync_indicator_set_engine (self, g_value_get_object (value));
      break;
    case PROP_COMPACT:
      self->compact = g_value_get_boolean (value);
      gtk_widget_set_visible (GTK_WIDGET (self->label), !self->compact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
civic_sync_indicator_class_init (CivicSyncIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = civic_sync_indicator_dispose;
  object_class->finalize = civic_sync_indicator_finalize;
  object_class->get_property = civic_sync_indicator_get_property;
  object_class->set_property = civic_sync_indicator_set_property;

  properties[PROP_ENGINE] =
    g_param_spec_object ("engine", NULL, NULL, CIVIC_TYPE_SYNC_ENGINE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Only the icon, for a crowded header bar; the words are its tooltip. */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/civicdesk/CivicDesk/civic-sync-indicator.ui");
  gtk_widget_class_bind_template_child (widget_class, CivicSyncIndicator, button);
  gtk_widget_class_bind_template_child (widget_class, CivicSyncIndicator, icon_stack);
  gtk_widget_class_bind_template_child (widget_class, CivicSyncIndicator, icon);
  gtk_widget_class_bind_template_child (widget_class, CivicSyncIndicator, spinner);
  gtk_widget_class_bind_template_child (widget_class, CivicSyncIndicator, label);
  gtk_widget_class_bind_template_child (widget_class, CivicSyncIndicator, detail_title);
  gtk_widget_class_bind_template_child (widget_class, CivicSyncIndicator, detail_label);
  gtk_widget_class_bind_template_child (widget_class, CivicSyncIndicator, progress_bar);
}

static void
civic_sync_indicator_init (CivicSyncIndicator *self)
{
  static const char *watched[] = {
    "notify::state", "notify::progress", "notify::pending", "notify::conflicts",
    "notify::last-success", "notify::error-message", "notify::needs-sign-in",
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->engine_signals = g_signal_group_new (CIVIC_TYPE_SYNC_ENGINE);
  for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
    g_signal_group_connect_swapped (self->engine_signals, watched[i], G_CALLBACK (update), self);
  self->clock_source = g_timeout_add_seconds (60, clock_tick_cb, self);
  update (self);
}
