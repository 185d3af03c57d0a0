/* civic-section.c — what every section of the window is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-section"

#include "config.h"

#include "civic-section.h"
#include "civic-toast.h"

typedef struct
{
  CivicSyncEngine *engine;
  GSignalGroup    *engine_signals;
  gboolean         show_sidebar_button;
} CivicSectionPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CivicSection, civic_section, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ENGINE,
  PROP_SHOW_SIDEBAR_BUTTON,
  N_PROPS
};

enum {
  ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

CivicSyncEngine *
civic_section_get_engine (CivicSection *self)
{
  CivicSectionPrivate *priv = civic_section_get_instance_private (self);

  g_return_val_if_fail (CIVIC_IS_SECTION (self), NULL);
  return priv->engine;
}

/**
 * civic_section_set_engine:
 * @engine: (nullable): the signed-in official's, or none
 */
void
civic_section_set_engine (CivicSection    *self,
                          CivicSyncEngine *engine)
{
  CivicSectionPrivate *priv = civic_section_get_instance_private (self);

  g_return_if_fail (CIVIC_IS_SECTION (self));
  g_return_if_fail (!engine || CIVIC_IS_SYNC_ENGINE (engine));

  if (!g_set_object (&priv->engine, engine))
    return;

  g_signal_group_set_target (priv->engine_signals, engine);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
  if (CIVIC_SECTION_GET_CLASS (self)->engine_changed != NULL)
    CIVIC_SECTION_GET_CLASS (self)->engine_changed (self, engine);
}

/**
 * civic_section_get_engine_signals:
 *
 * Returns: (transfer none): the engine's signals, for a section to connect
 * to once, in its init: they follow the engine
 */
GSignalGroup *
civic_section_get_engine_signals (CivicSection *self)
{
  CivicSectionPrivate *priv = civic_section_get_instance_private (self);

  g_return_val_if_fail (CIVIC_IS_SECTION (self), NULL);
  return priv->engine_signals;
}

/**
 * civic_section_toast:
 * @text: what happened, as plain text
 *
 * Says briefly what happened, at the bottom of the window: "add-toast".
 */
void
civic_section_toast (CivicSection *self,
                     const char   *text)
{
  g_return_if_fail (CIVIC_IS_SECTION (self));
  civic_toast_emit (self, signals[ADD_TOAST], text);
}

static void
civic_section_dispose (GObject *object)
{
  CivicSection *self = CIVIC_SECTION (object);
  CivicSectionPrivate *priv = civic_section_get_instance_private (self);

  g_signal_group_set_target (priv->engine_signals, NULL);
  g_clear_object (&priv->engine);

  G_OBJECT_CLASS (civic_section_parent_class)->dispose (object);
}

static void
civic_section_finalize (GObject *object)
{
  CivicSection *self = CIVIC_SECTION (object);
  CivicSectionPrivate *priv = civic_section_get_instance_private (self);

  g_clear_object (&priv->engine_signals);

  G_OBJECT_CLASS (civic_section_parent_class)->finalize (object);
}

static void
civic_section_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CivicSection *self = CIVIC_SECTION (object);
  CivicSectionPrivate *priv = civic_section_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ENGINE:
      g_value_set_object (value, priv->engine);
      break;
    case PROP_SHOW_SIDEBAR_BUTTON:
      g_value_set_boolean (value, priv->show_sidebar_button);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
civic_section_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CivicSection *self = CIVIC_SECTION (object);
  CivicSectionPrivate *priv = civic_section_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ENGINE:
      civic_section_set_engine (self, g_value_get_object (value));
      break;
    case PROP_SHOW_SIDEBAR_BUTTON:
      if (priv->show_sidebar_button != g_value_get_boolean (value))
        {
          priv->show_sidebar_button = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
civic_section_class_init (CivicSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = civic_section_dispose;
  object_class->finalize = civic_section_finalize;
  object_class->get_property = civic_section_get_property;
  object_class->set_property = civic_section_set_property;

  properties[PROP_ENGINE] =
    g_param_spec_object ("engine", NULL, NULL, CIVIC_TYPE_SYNC_ENGINE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The way back to the sidebar, when the window is folded */
  properties[PROP_SHOW_SIDEBAR_BUTTON] =
    g_param_spec_boolean ("show-sidebar-button", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ADD_TOAST] = civic_toast_add_signal (G_TYPE_FROM_CLASS (klass));
}

static void
civic_section_init (CivicSection *self)
{
  CivicSectionPrivate *priv = civic_section_get_instance_private (self);

  priv->engine_signals = g_signal_group_new (CIVIC_TYPE_SYNC_ENGINE);
}

/**
 * civic_section_back_button:
 * @label: what it goes back to, for its tooltip and a screen reader
 * @clicked: (nullable): called with @self; %NULL for the button that
 *   shows the sidebar, seen only while the window is folded
 *
 * Returns: (transfer floating): a header bar's back button
 */
GtkWidget *
civic_section_back_button (CivicSection *self,
                           const char   *label,
                           GCallback     clicked)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("go-previous-symbolic");

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  if (clicked == NULL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-sidebar");
      g_object_bind_property (self, "show-sidebar-button", button, "visible",
                              G_BINDING_SYNC_CREATE);
    }
  else
    g_signal_connect_swapped (button, "clicked", clicked, self);
  return button;
}

/**
 * civic_section_filter_button:
 * @group: (nullable): the first button of the linked group
 * @toggled: called with @self and the button
 *
 * Returns: (transfer floating): one of a list's filters, a toggle button
 * of a group of which one is active
 */
GtkWidget *
civic_section_filter_button (CivicSection    *self,
                             const char      *label,
                             const char      *tooltip,
                             GtkToggleButton *group,
                             GCallback        toggled)
{
  GtkWidget *button = gtk_toggle_button_new_with_mnemonic (label);

  gtk_widget_set_tooltip_text (button, tooltip);
  if (group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
  g_signal_connect_swapped (button, "toggled", toggled, self);
  return button;
}
