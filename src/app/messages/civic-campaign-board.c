/* civic-campaign-board.c — a department's idea campaigns, and their ideas as a board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-campaign-board"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-accessible.h"
#include "civic-action-dialog.h"
#include "civic-campaign-board.h"
#include "civic-campaign-kind.h"
#include "civic-core-enums.h"
#include "civic-message-kind.h"
#include "civic-page-rows.h"
#include "civic-time.h"
#include "civic-toast.h"

/* What the desk judges a campaign by (金点子): the campaign chosen — what
 * it asked, its period, its channels, where it stands and the step that
 * moves it on — and its ideas in four columns, received, shortlisted,
 * adopted and declined, each card with its mean score. A card opens the
 * idea, where it is scored, shortlisted and answered like any message. */

struct _CivicCampaignBoard
{
  GtkWidget        parent_instance;

  GtkWidget       *scroller;
  GtkWidget       *content;
  GtkWidget       *chooser;      /* AdwComboRow of the campaigns */
  GtkWidget       *new_button;
  GtkWidget       *details;      /* what the campaign chosen says, rebuilt */
  GtkWidget       *columns;
  GtkListBox      *lists[CIVIC_N_IDEA_STATUSES];
  GtkWidget       *headings[CIVIC_N_IDEA_STATUSES];

  CivicSyncEngine *engine;
  GPtrArray       *campaigns;    /* CivicCampaign, the latest first */
  GPtrArray       *messages;     /* (nullable) CivicMessage, the section's */
  char            *shown_id;
  gboolean         filling;
};

G_DEFINE_FINAL_TYPE (CivicCampaignBoard, civic_campaign_board, GTK_TYPE_WIDGET)

enum {
  OPEN_MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
static guint toast_signal;

static CivicCampaign *
shown (CivicCampaignBoard *self)
{
  for (guint i = 0; self->campaigns != NULL && i < self->campaigns->len; i++)
    {
      CivicCampaign *campaign = g_ptr_array_index (self->campaigns, i);

      if (g_strcmp0 (civic_campaign_get_id (campaign), self->shown_id) == 0)
        return campaign;
    }
  return NULL;
}

/* Acting */

static gboolean
perform (CivicCampaignBoard  *self,
         const char          *id,
         CivicCampaignAction  action,
         JsonObject          *args,
         GError             **error)
{
  g_autofree char *command = civic_sync_engine_perform_action (self->engine, &civic_campaign_kind,
                                                               id, action, args, error);

  if (command == NULL)
    return FALSE;
  g_free (self->shown_id);
  self->shown_id = g_strdup (id);
  civic_toast_emit (self, toast_signal,
                    civic_command_past_tense (civic_campaign_kind.action_to_string (action)));
  return TRUE;
}

static void
dialog_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CivicCampaignBoard) self = user_data;
  CivicActionDialog *dialog = CIVIC_ACTION_DIALOG (source);
  g_autoptr(JsonObject) args = civic_action_dialog_run_finish (dialog, result, NULL);
  g_autoptr(GError) error = NULL;
  GObject *record = civic_action_dialog_get_record (dialog);

  if (args == NULL || self->engine == NULL)
    return;
  if (!perform (self, civic_campaign_get_id (CIVIC_CAMPAIGN (record)),
                civic_action_dialog_get_action (dialog), args, &error))
    civic_action_dialog_run_async (civic_action_dialog_give_back (dialog, args, error), NULL,
                                   dialog_done_cb, g_object_ref (self));
}

static void
start_action (CivicCampaignBoard  *self,
              CivicCampaign       *campaign,
              CivicCampaignAction  action)
{
  CivicActionDialog *dialog;

  if (self->engine == NULL)
    return;
  dialog = civic_action_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    self->engine, &civic_campaign_kind, G_OBJECT (campaign),
                                    action, 1);
  civic_action_dialog_run_async (dialog, NULL, dialog_done_cb, g_object_ref (self));
}

/**
 * civic_campaign_board_new_campaign:
 *
 * Asks for a new campaign of the official's department (create-campaign's
 * form); it is born in the offline copy.
 */
void
civic_campaign_board_new_campaign (CivicCampaignBoard *self)
{
  g_autoptr(CivicCampaign) blank = NULL;
  g_autofree char *id = g_uuid_string_random ();
  const CivicActor *actor;

  g_return_if_fail (CIVIC_IS_CAMPAIGN_BOARD (self));

  if (self->engine == NULL)
    return;
  actor = civic_cache_get_me (civic_sync_engine_get_cache (self->engine));
  if (actor == NULL || actor->department_id == NULL)
    return;
  blank = civic_campaign_new (id, actor->department_id);
  start_action (self, blank, CIVIC_CAMPAIGN_ACTION_CREATE);
}

static void
act_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CivicCampaignBoard *self = CIVIC_CAMPAIGN_BOARD (widget);
  CivicCampaign *campaign = shown (self);
  guint action;

  if (campaign != NULL &&
      civic_campaign_kind.action_from_string (g_variant_get_string (parameter, NULL), &action))
    start_action (self, campaign, action);
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  civic_campaign_board_new_campaign (CIVIC_CAMPAIGN_BOARD (widget));
}

/* Building */

static char *
describe_period (CivicCampaign *campaign)
{
  g_autofree char *from = civic_page_format_day (civic_campaign_get_opens_on (campaign));
  g_autofree char *to = civic_page_format_day (civic_campaign_get_closes_on (campaign));

  /* Translators: a campaign's period: "2026-07-15 to 2026-09-30" */
  return g_strdup_printf (C_("period", "%s to %s"), from, to);
}

static void
add_actions (CivicCampaignBoard *self,
             CivicCampaign      *campaign)
{
  g_autoptr(GArray) actions = civic_sync_engine_list_record_actions (self->engine,
                                                                     &civic_campaign_kind,
                                                                     G_OBJECT (campaign));
  GtkWidget *box;

  if (actions->len == 0)
    return;
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Actions"), -1);
  for (guint i = 0; i < actions->len; i++)
    {
      CivicCampaignAction action = g_array_index (actions, guint, i);
      gboolean form = civic_action_takes_arguments (&civic_campaign_kind, action);
      g_autofree char *label = g_strdup_printf ("%s%s", civic_campaign_action_get_label (action),
                                                form ? "…" : "");
      g_autofree char *detailed = g_strdup_printf ("campaign.act::%s",
                                                   civic_campaign_kind.action_to_string (action));
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (button), detailed);
      /* The one that moves it on: there is one at a time */
      if (i == 0)
        gtk_widget_add_css_class (button, "suggested-action");
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_box_append (GTK_BOX (self->details), box);
}

static void
add_about_row (GtkWidget  *list,
               const char *title,
               const char *value)
{
  GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW, "use-markup", FALSE, "title", title,
                                 "subtitle", value != NULL ? value : "", "subtitle-lines", 0,
                                 NULL);

  gtk_widget_add_css_class (row, "property");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
}

/* One line of where it stands, its actions, and what it asks folded
 * under it: the board is what the desk comes for */
static void
fill_details (CivicCampaignBoard *self,
              CivicCampaign      *campaign,
              guint               counts[CIVIC_N_IDEA_STATUSES])
{
  g_autofree char *period = describe_period (campaign);
  g_autofree char *channels = civic_campaign_describe_channels (campaign);
  g_autofree char *topics = g_strjoinv (_(", "), (GStrv) civic_campaign_get_topics (campaign));
  g_autofree char *ideas = NULL;
  g_autofree char *line = NULL;
  GtkWidget *child, *list, *expander, *label;
  guint total = 0;

  while ((child = gtk_widget_get_first_child (self->details)) != NULL)
    gtk_box_remove (GTK_BOX (self->details), child);

  for (guint i = 0; i < CIVIC_N_IDEA_STATUSES; i++)
    total += counts[i];
  ideas = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u idea, %u adopted",
                                        "%u ideas, %u adopted", total),
                           total, counts[CIVIC_IDEA_STATUS_ADOPTED]);
  /* Translators: a campaign at a glance: "Taking Ideas · 2026-07-15 to 2026-09-30 · 36 ideas,
   * 9 adopted" */
  line = g_strdup_printf (_("%s · %s · %s"),
                          civic_campaign_state_get_label (civic_campaign_get_state (campaign)),
                          period, ideas);
  label = gtk_label_new (line);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (self->details), label);
  add_actions (self, campaign);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  civic_accessible_set_name (list, _("What It Asks"));
  add_about_row (list, _("Topics"), topics);
  add_about_row (list, _("What Is Asked"), civic_campaign_get_description (campaign));
  add_about_row (list, _("Ideas Come In Through"), channels);
  if (civic_campaign_get_summary (campaign) != NULL)
    add_about_row (list, _("What Came of It"), civic_campaign_get_summary (campaign));
  /* Folded, it says its topics */
  expander = gtk_expander_new (NULL);
  {
    GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
    GtkWidget *title = gtk_label_new_with_mnemonic (_("_What It Asks"));
    GtkWidget *about = gtk_label_new (topics);

    gtk_label_set_mnemonic_widget (GTK_LABEL (title), expander);
    gtk_label_set_ellipsize (GTK_LABEL (about), PANGO_ELLIPSIZE_END);
    gtk_widget_add_css_class (about, "dim-label");
    gtk_box_append (GTK_BOX (heading), title);
    gtk_box_append (GTK_BOX (heading), about);
    gtk_expander_set_label_widget (GTK_EXPANDER (expander), heading);
  }
  gtk_expander_set_child (GTK_EXPANDER (expander), list);
  civic_accessible_set_name (expander, _("What It Asks"));
  gtk_box_append (GTK_BOX (self->details), expander);
}

/* The mean of an idea's scores, as the card says it */
static char *
describe_scores (CivicMessage *message)
{
  GPtrArray *scores = civic_message_get_idea_scores (message);

  if (scores->len == 0)
    return g_strdup (_("Not scored yet"));
  /* Translators: an idea's mean score: "Mean 8.5 of 10, 2 scores" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Mean %.1f of 10, %u score",
                                       "Mean %.1f of 10, %u scores", scores->len),
                          civic_message_get_idea_mean (message), scores->len);
}

static GtkWidget *
card_new (CivicMessage *message)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *scores = describe_scores (message);
  g_autofree char *subtitle = NULL;
  g_autofree char *name = NULL;
  const char *subject = civic_message_get_subject (message);

  /* Translators: an idea's card under its subject: "Mean 8.5 of 10, 2 scores · WeChat" */
  subtitle = g_strdup_printf (_("%s · %s"), scores,
                              civic_message_channel_get_label (civic_message_get_channel (message)));
  gtk_widget_set_name (row, civic_message_get_id (message));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), subject != NULL ? subject : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  /* Translators: an idea as a screen reader says it: its subject, then its scores and channel */
  name = g_strdup_printf (_("%s, %s"), subject != NULL ? subject : "", subtitle);
  civic_accessible_set_name (row, name);
  return row;
}

static int
compare_ideas (gconstpointer a,
               gconstpointer b)
{
  CivicMessage *x = *(CivicMessage * const *) a;
  CivicMessage *y = *(CivicMessage * const *) b;
  double mx = civic_message_get_idea_mean (x), my = civic_message_get_idea_mean (y);

  if (mx != my)
    return mx > my ? -1 : 1;
  return g_strcmp0 (civic_message_get_receipt (x), civic_message_get_receipt (y));
}

static void
fill_columns (CivicCampaignBoard *self,
              CivicCampaign      *campaign,
              guint               counts[CIVIC_N_IDEA_STATUSES])
{
  g_autoptr(GPtrArray) ideas = g_ptr_array_new ();

  for (guint s = 0; s < CIVIC_N_IDEA_STATUSES; s++)
    {
      GtkWidget *child;

      counts[s] = 0;
      while ((child = GTK_WIDGET (gtk_list_box_get_row_at_index (self->lists[s], 0))) != NULL)
        gtk_list_box_remove (self->lists[s], child);
    }
  for (guint i = 0; campaign != NULL && self->messages != NULL && i < self->messages->len; i++)
    {
      CivicMessage *message = g_ptr_array_index (self->messages, i);

      if (civic_message_get_kind (message) == CIVIC_MESSAGE_KIND_IDEA &&
          civic_message_get_state (message) != CIVIC_MESSAGE_STATE_MERGED &&
          g_strcmp0 (civic_message_get_campaign_id (message),
                     civic_campaign_get_id (campaign)) == 0)
        g_ptr_array_add (ideas, message);
    }
  g_ptr_array_sort (ideas, compare_ideas);
  for (guint i = 0; i < ideas->len; i++)
    {
      CivicMessage *message = g_ptr_array_index (ideas, i);
      CivicIdeaStatus status = civic_message_get_idea_status (message);

      gtk_list_box_append (self->lists[status], card_new (message));
      counts[status]++;
    }
  for (guint s = 0; s < CIVIC_N_IDEA_STATUSES; s++)
    {
      /* Translators: a column of the board and how many ideas are in it: "Shortlisted (4)" */
      g_autofree char *heading = g_strdup_printf (_("%s (%u)"), civic_idea_status_get_label (s),
                                                  counts[s]);

      gtk_label_set_text (GTK_LABEL (self->headings[s]), heading);
    }
}

static void
fill (CivicCampaignBoard *self)
{
  CivicCampaign *campaign = shown (self);
  guint counts[CIVIC_N_IDEA_STATUSES] = { 0 };
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;
  const CivicActor *actor = self->engine != NULL
                            ? civic_cache_get_me (civic_sync_engine_get_cache (self->engine))
                            : NULL;

  self->filling = TRUE;
  for (guint i = 0; self->campaigns != NULL && i < self->campaigns->len; i++)
    {
      CivicCampaign *item = g_ptr_array_index (self->campaigns, i);

      gtk_string_list_append (titles, civic_campaign_get_title (item));
      if (item == campaign)
        selected = i;
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self->chooser), G_LIST_MODEL (titles));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->chooser), selected);
  gtk_widget_set_sensitive (self->chooser, self->campaigns != NULL && self->campaigns->len > 0);
  gtk_widget_set_visible (self->new_button,
                          actor != NULL && actor->department_id != NULL &&
                          civic_actor_has_role (actor, CIVIC_ROLE_COMPLAINT_HANDLER |
                                                       CIVIC_ROLE_APPROVER |
                                                       CIVIC_ROLE_DISPATCHER));
  self->filling = FALSE;

  fill_columns (self, campaign, counts);
  gtk_widget_set_visible (self->columns, campaign != NULL);
  if (campaign != NULL)
    fill_details (self, campaign, counts);
  else
    {
      GtkWidget *child, *status;

      while ((child = gtk_widget_get_first_child (self->details)) != NULL)
        gtk_box_remove (GTK_BOX (self->details), child);
      status = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-information-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Campaigns"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("A campaign asks the public for ideas on some topics "
                                         "for a while. Its ideas are judged here."));
      gtk_box_append (GTK_BOX (self->details), status);
    }
}

static int
compare_campaigns (gconstpointer a,
                   gconstpointer b)
{
  CivicCampaign *x = *(CivicCampaign * const *) a;
  CivicCampaign *y = *(CivicCampaign * const *) b;
  CivicDay dx = civic_campaign_get_opens_on (x), dy = civic_campaign_get_opens_on (y);

  if (dx != dy)
    return dx > dy ? -1 : 1;
  return g_strcmp0 (civic_campaign_get_id (x), civic_campaign_get_id (y));
}

/**
 * civic_campaign_board_reload:
 * @messages: (nullable) (element-type CivicMessage): the section's
 *   messages, which hold the ideas
 *
 * Reads the campaigns from the offline copy again and shows the one shown
 * before, or the latest.
 */
void
civic_campaign_board_reload (CivicCampaignBoard *self,
                             GPtrArray          *messages)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CIVIC_IS_CAMPAIGN_BOARD (self));

  g_clear_pointer (&self->campaigns, g_ptr_array_unref);
  g_clear_pointer (&self->messages, g_ptr_array_unref);
  if (messages != NULL)
    self->messages = g_ptr_array_ref (messages);
  if (self->engine != NULL)
    {
      self->campaigns = civic_cache_load_records (civic_sync_engine_get_cache (self->engine),
                                                  &civic_campaign_kind, &error);
      if (self->campaigns == NULL)
        g_warning ("The campaigns cannot be read: %s", error->message);
      else
        g_ptr_array_sort (self->campaigns, compare_campaigns);
    }
  if (shown (self) == NULL)
    {
      g_free (self->shown_id);
      self->shown_id = self->campaigns != NULL && self->campaigns->len > 0
                       ? g_strdup (civic_campaign_get_id (g_ptr_array_index (self->campaigns, 0)))
                       : NULL;
    }
  fill (self);
}

/**
 * civic_campaign_board_show_campaign:
 *
 * Shows @campaign_id's ideas, if the offline copy has it.
 */
void
civic_campaign_board_show_campaign (CivicCampaignBoard *self,
                                    const char         *campaign_id)
{
  g_return_if_fail (CIVIC_IS_CAMPAIGN_BOARD (self));

  g_free (self->shown_id);
  self->shown_id = g_strdup (campaign_id);
  fill (self);
}

/**
 * civic_campaign_board_get_campaign:
 *
 * Returns: (transfer none) (nullable): the campaign shown
 */
CivicCampaign *
civic_campaign_board_get_campaign (CivicCampaignBoard *self)
{
  g_return_val_if_fail (CIVIC_IS_CAMPAIGN_BOARD (self), NULL);
  return shown (self);
}

/**
 * civic_campaign_board_get_column:
 *
 * Returns: (transfer none): the cards of the ideas at @status
 */
GtkListBox *
civic_campaign_board_get_column (CivicCampaignBoard *self,
                                 CivicIdeaStatus     status)
{
  g_return_val_if_fail (CIVIC_IS_CAMPAIGN_BOARD (self), NULL);
  g_return_val_if_fail ((guint) status < CIVIC_N_IDEA_STATUSES, NULL);
  return self->lists[status];
}

void
civic_campaign_board_set_engine (CivicCampaignBoard *self,
                                 CivicSyncEngine    *engine)
{
  g_return_if_fail (CIVIC_IS_CAMPAIGN_BOARD (self));
  self->engine = engine;
  g_clear_pointer (&self->shown_id, g_free);
}

static void
chooser_selected_cb (CivicCampaignBoard *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->chooser));

  if (self->filling || self->campaigns == NULL || selected >= self->campaigns->len)
    return;
  civic_campaign_board_show_campaign (self, civic_campaign_get_id (
                                        g_ptr_array_index (self->campaigns, selected)));
}

static void
card_activated_cb (CivicCampaignBoard *self,
                   GtkListBoxRow      *row)
{
  g_signal_emit (self, signals[OPEN_MESSAGE], 0, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
civic_campaign_board_dispose (GObject *object)
{
  CivicCampaignBoard *self = CIVIC_CAMPAIGN_BOARD (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->campaigns, g_ptr_array_unref);
  g_clear_pointer (&self->messages, g_ptr_array_unref);
  g_clear_pointer (&self->shown_id, g_free);
  self->engine = NULL;
  G_OBJECT_CLASS (civic_campaign_board_parent_class)->dispose (object);
}

static void
civic_campaign_board_class_init (CivicCampaignBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = civic_campaign_board_dispose;

  /**
   * CivicCampaignBoard::open-message:
   * @message_id: the idea's
   *
   * An idea's card was activated.
   */
  signals[OPEN_MESSAGE] = g_signal_new ("open-message", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                        G_TYPE_STRING);
  toast_signal = civic_toast_add_signal (CIVIC_TYPE_CAMPAIGN_BOARD);

  gtk_widget_class_install_action (widget_class, "campaign.act", "s", act_activated);
  gtk_widget_class_install_action (widget_class, "campaign.new", NULL, new_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
civic_campaign_board_init (CivicCampaignBoard *self)
{
  GtkWidget *clamp, *bar, *chooser_list;

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1400);
  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (self->content, 12);
  gtk_widget_set_margin_end (self->content, 12);
  gtk_widget_set_margin_top (self->content, 12);
  gtk_widget_set_margin_bottom (self->content, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);

  /* Which campaign, and a new one */
  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  chooser_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (chooser_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (chooser_list, "boxed-list");
  gtk_widget_set_hexpand (chooser_list, TRUE);
  civic_accessible_set_name (chooser_list, _("Campaign"));
  self->chooser = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->chooser), _("_Campaign"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->chooser), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (chooser_list), self->chooser);
  civic_accessible_name_choices (self->chooser, _("Campaigns"));
  g_signal_connect_swapped (self->chooser, "notify::selected", G_CALLBACK (chooser_selected_cb),
                            self);
  self->new_button = gtk_button_new_with_mnemonic (_("_New Campaign…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->new_button), "campaign.new");
  gtk_widget_set_tooltip_text (self->new_button,
                               _("Prepare a campaign asking the public for ideas"));
  gtk_widget_set_valign (self->new_button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (bar), chooser_list);
  gtk_box_append (GTK_BOX (bar), self->new_button);
  gtk_box_append (GTK_BOX (self->content), bar);

  self->details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (self->content), self->details);

  /* The board: a column for each status */
  self->columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (self->columns), TRUE);
  for (guint s = 0; s < CIVIC_N_IDEA_STATUSES; s++)
    {
      GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *list = gtk_list_box_new ();
      GtkWidget *none = gtk_label_new (_("None"));
      /* Translators: a column of the board as a screen reader names it: "Shortlisted ideas" */
      g_autofree char *name = g_strdup_printf (_("%s ideas"), civic_idea_status_get_label (s));

      self->headings[s] = gtk_label_new (civic_idea_status_get_label (s));
      gtk_label_set_xalign (GTK_LABEL (self->headings[s]), 0);
      gtk_widget_add_css_class (self->headings[s], "heading");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->headings[s]),
                                      GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_set_valign (list, GTK_ALIGN_START);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_set_margin_top (none, 12);
      gtk_widget_set_margin_bottom (none, 12);
      gtk_list_box_set_placeholder (GTK_LIST_BOX (list), none);
      civic_accessible_set_name (list, name);
      g_signal_connect_swapped (list, "row-activated", G_CALLBACK (card_activated_cb), self);
      self->lists[s] = GTK_LIST_BOX (list);
      gtk_box_append (GTK_BOX (column), self->headings[s]);
      gtk_box_append (GTK_BOX (column), list);
      gtk_box_append (GTK_BOX (self->columns), column);
    }
  gtk_box_append (GTK_BOX (self->content), self->columns);
}

GtkWidget *
civic_campaign_board_new (void)
{
  return g_object_new (CIVIC_TYPE_CAMPAIGN_BOARD, NULL);
}
