/* civic-reply-composer.c — drafting the reply to a request, its statutory sentence in view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-reply-composer"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-accessible.h"
#include "civic-core-enums.h"
#include "civic-json.h"
#include "civic-reply-composer.h"

/* draft-disclosure-reply, with what the reply will say in front of the
 * editor while they choose. The outcome decides the sentence the law puts
 * in the reply (civic-disclosure-request-reply.c), which grounds it takes
 * and whether words of the official's own go into it; the generic action
 * form cannot follow that, since it lists every ground of every outcome
 * and shows nothing of the sentence. Each change is tried against the same
 * rules the service runs (civic_sync_engine_try_action()), so the button
 * takes the reply only when the service would. The reply then waits for a
 * reviewer or the head to issue it. */

struct _CivicReplyComposer
{
  AdwWindow               parent_instance;

  CivicSyncEngine        *engine;
  CivicDisclosureRequest *request;

  GtkWidget              *apply_button;
  GtkWidget              *outcome_row;
  GtkWidget              *ground_row;
  GtkWidget              *detail_box;
  GtkWidget              *detail_label;
  GtkWidget              *detail_view;
  GtkWidget              *interest_box;  /* over a third party's objection (Art. 32) */
  GtkWidget              *interest_view;
  GtkWidget              *note_view;
  GtkWidget              *finding_label;
  GtkWidget              *basis_label;
  GtkWidget              *row_label;
  GtkWidget              *refusal_label;

  GArray                 *grounds;      /* CivicDisclosureReplyGround, in the ground row's order */
  char                   *finding;      /* as previewed; NULL until an outcome is chosen */
  char                   *basis;
  char                   *refusal;
  gboolean                valid;
  gboolean                filling;      /* rebuilding the ground list: no checks meanwhile */
};

G_DEFINE_FINAL_TYPE (CivicReplyComposer, civic_reply_composer, ADW_TYPE_WINDOW)

enum {
  DRAFTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define N_OUTCOMES (CIVIC_DISCLOSURE_REPLY_OTHER + 1)
#define N_GROUNDS (CIVIC_DISCLOSURE_GROUND_FEE_UNPAID + 1)

/* Reading the form */

/* The outcome chosen, or -1 while the first row ("Choose…") is */
static int
chosen_outcome (CivicReplyComposer *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->outcome_row));

  return selected >= 1 && selected <= N_OUTCOMES ? (int) selected - 1 : -1;
}

static int
chosen_ground (CivicReplyComposer *self)
{
  guint selected;

  if (!gtk_widget_get_visible (self->ground_row))
    return CIVIC_DISCLOSURE_GROUND_NONE;
  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->ground_row));
  return selected >= 1 && selected <= self->grounds->len
         ? g_array_index (self->grounds, int, selected - 1) : -1;
}

static char *
text_of (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/**
 * civic_reply_composer_dup_args:
 *
 * Returns: (transfer full): draft-disclosure-reply's arguments as the
 * composer has them; what is not chosen or not written is left out
 */
JsonObject *
civic_reply_composer_dup_args (CivicReplyComposer *self)
{
  JsonObject *args = json_object_new ();
  int outcome, ground;
  g_autofree char *detail = NULL;
  g_autofree char *note = NULL;

  g_return_val_if_fail (CIVIC_IS_REPLY_COMPOSER (self), args);

  outcome = chosen_outcome (self);
  ground = chosen_ground (self);
  if (outcome >= 0)
    json_object_set_string_member (args, "outcome",
                                   civic_enum_to_nick (CIVIC_TYPE_DISCLOSURE_REPLY_OUTCOME,
                                                       outcome));
  if (ground > CIVIC_DISCLOSURE_GROUND_NONE)
    json_object_set_string_member (args, "ground",
                                   civic_enum_to_nick (CIVIC_TYPE_DISCLOSURE_REPLY_GROUND, ground));
  detail = text_of (self->detail_view);
  if (gtk_widget_get_visible (self->detail_box) && *detail != '\0')
    json_object_set_string_member (args, "detail", detail);
  {
    g_autofree char *interest = text_of (self->interest_view);

    if (gtk_widget_get_visible (self->interest_box) && *interest != '\0')
      json_object_set_string_member (args, "public_interest", interest);
  }
  note = text_of (self->note_view);
  if (*note != '\0')
    json_object_set_string_member (args, "note", note);
  return args;
}

/* The live preview */

static void
set_refusal (CivicReplyComposer *self,
             const char         *refusal,
             gboolean            still_needed)
{
  g_free (self->refusal);
  self->refusal = g_strdup (refusal);
  gtk_label_set_label (GTK_LABEL (self->refusal_label), refusal ? refusal : "");
  gtk_widget_set_visible (self->refusal_label, refusal != NULL);
  /* What is still to choose is said quietly; a refusal of the rules as an
   * error, as the action forms do */
  if (still_needed)
    {
      gtk_widget_remove_css_class (self->refusal_label, "error");
      gtk_widget_add_css_class (self->refusal_label, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (self->refusal_label, "dim-label");
      gtk_widget_add_css_class (self->refusal_label, "error");
    }
}

/* What the reply will say with the form as it is: the finding with the
 * official's words in place — or, while they are missing, with what they
 * are to say, in brackets, where they will go — and the articles cited */
static void
update_preview (CivicReplyComposer *self)
{
  int outcome = chosen_outcome (self);
  int ground = chosen_ground (self);
  g_autofree char *detail = text_of (self->detail_view);
  const char *label;
  gboolean required = FALSE;

  g_clear_pointer (&self->finding, g_free);
  g_clear_pointer (&self->basis, g_free);

  if (outcome < 0 || ground < 0 ||
      !civic_disclosure_request_reply_is_valid_pair (outcome, ground))
    {
      gtk_label_set_label (GTK_LABEL (self->finding_label),
                           outcome < 0 ? _("Choose the outcome to see what the reply will say.")
                                       : _("Choose the ground to see what the reply will say."));
      gtk_widget_add_css_class (self->finding_label, "dim-label");
      gtk_widget_set_visible (self->basis_label, FALSE);
      gtk_widget_set_visible (self->row_label, FALSE);
      return;
    }

  label = civic_disclosure_request_reply_get_detail_label (outcome, ground, &required);
  if (*detail == '\0' && required)
    {
      g_free (detail);
      /* Translators: stands in the reply's sentence for the words the
       * official has yet to write: "[Where it was published and how to
       * obtain it]" */
      detail = g_strdup_printf (C_("reply placeholder", "[%s]"), label);
    }
  self->finding = civic_disclosure_request_reply_dup_finding (outcome, ground, detail);
  self->basis = g_strdup (civic_disclosure_request_reply_get_basis (outcome, ground));
  gtk_label_set_label (GTK_LABEL (self->finding_label), self->finding);
  gtk_widget_remove_css_class (self->finding_label, "dim-label");

  {
    /* Translators: the articles a reply rests on: "Basis: Regulations on
     * Government Information Disclosure, Art. 36(2)" */
    g_autofree char *basis = g_strdup_printf (_("Basis: %s"), self->basis);
    CivicDisclosureReportRow row = civic_disclosure_request_reply_get_report_row (outcome, ground);
    int section = civic_disclosure_report_row_get_section (row);
    g_autofree char *counted = NULL;

    /* (一) and (二) are rows of their own; the others name their item */
    if (civic_disclosure_report_row_get_item (row) == 0)
      /* Translators: where the annual report counts the reply (Art. 50):
       * "Annual report: Disclosed" */
      counted = g_strdup_printf (_("Annual report: %s"),
                                 civic_disclosure_report_section_get_label (section));
    else
      /* Translators: where the annual report counts the reply (Art. 50):
       * "Annual report: Not disclosed — State secret" */
      counted = g_strdup_printf (_("Annual report: %s — %s"),
                                 civic_disclosure_report_section_get_label (section),
                                 civic_disclosure_report_row_get_label (row));

    gtk_label_set_label (GTK_LABEL (self->basis_label), basis);
    gtk_label_set_label (GTK_LABEL (self->row_label), counted);
    gtk_widget_set_visible (self->basis_label, TRUE);
    gtk_widget_set_visible (self->row_label, TRUE);
  }
}

/* Whether the service would take it: the rules tried on a copy */
static void
check (CivicReplyComposer *self)
{
  g_autoptr(JsonObject) args = NULL;
  g_autoptr(GObject) after = NULL;
  g_autoptr(GError) error = NULL;
  gboolean valid;

  if (self->filling)
    return;

  update_preview (self);
  args = civic_reply_composer_dup_args (self);
  if (chosen_outcome (self) < 0)
    set_refusal (self, _("Still needed: the outcome"), TRUE);
  else if (chosen_ground (self) < 0)
    set_refusal (self, _("Still needed: the ground"), TRUE);
  else
    {
      after = civic_sync_engine_try_action (self->engine, &civic_disclosure_request_kind,
                                            civic_disclosure_request_get_id (self->request),
                                            CIVIC_DISCLOSURE_REQUEST_ACTION_DRAFT_REPLY, args,
                                            &error);
      set_refusal (self, after == NULL ? error->message : NULL, FALSE);
    }

  valid = self->refusal == NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.apply", valid);
  self->valid = valid;
}

/* The grounds an outcome takes, and only those. Not "not corrected in
 * time", which closes a request through its own action (Art. 30), nor
 * "still unclear after correction" for a request that was never
 * corrected: the rules refuse both here, so they are not offered. */
static void
fill_grounds (CivicReplyComposer *self,
              int                 outcome)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const CivicDisclosureCorrection *correction =
    civic_disclosure_request_get_correction (self->request);
  gboolean corrected = correction != NULL && correction->corrected_on != CIVIC_DAY_INVALID;

  self->filling = TRUE;
  g_array_set_size (self->grounds, 0);
  gtk_string_list_append (labels, _("Choose…"));
  for (int ground = CIVIC_DISCLOSURE_GROUND_NONE + 1; outcome >= 0 && ground < N_GROUNDS; ground++)
    {
      if (!civic_disclosure_request_reply_is_valid_pair (outcome, ground) ||
          ground == CIVIC_DISCLOSURE_GROUND_ABANDONED ||
          (ground == CIVIC_DISCLOSURE_GROUND_UNCLEAR_AFTER_CORRECTION && !corrected))
        continue;
      g_array_append_val (self->grounds, ground);
      gtk_string_list_append (labels, civic_disclosure_reply_ground_get_label (ground));
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self->ground_row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->ground_row), 0);
  civic_accessible_name_choices (self->ground_row, NULL);
  gtk_widget_set_visible (self->ground_row,
                          outcome >= 0 &&
                          !civic_disclosure_request_reply_is_valid_pair (
                            outcome, CIVIC_DISCLOSURE_GROUND_NONE));
  self->filling = FALSE;
}

/* The field for the official's own words, as the outcome and its ground
 * ask for them: required inside the sentence, optional after it, or none */
static void
update_detail_field (CivicReplyComposer *self)
{
  int outcome = chosen_outcome (self);
  int ground = chosen_ground (self);
  const char *label = NULL;
  gboolean required = FALSE;
  g_autofree char *title = NULL;

  if (outcome >= 0 && ground >= 0 && civic_disclosure_request_reply_is_valid_pair (outcome, ground))
    label = civic_disclosure_request_reply_get_detail_label (outcome, ground, &required);
  /* A third party objected: disclosing all the same takes the public
   * interest's reasons, which the third party is told (Art. 32) */
  gtk_widget_set_visible (self->interest_box,
                          civic_disclosure_request_has_objection (self->request) &&
                          (outcome == CIVIC_DISCLOSURE_REPLY_DISCLOSE ||
                           outcome == CIVIC_DISCLOSURE_REPLY_PARTIAL));
  gtk_widget_set_visible (self->detail_box, label != NULL);
  if (label == NULL)
    return;
  title = required ? g_strdup (label)
                   /* Translators: a field the official may leave empty: "How, where and
                    * when the applicant obtains it (optional)" */
                   : g_strdup_printf (_("%s (optional)"), label);
  gtk_label_set_label (GTK_LABEL (self->detail_label), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->detail_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, required, -1);
}

static void
outcome_changed (CivicReplyComposer *self)
{
  fill_grounds (self, chosen_outcome (self));
  update_detail_field (self);
  check (self);
}

static void
ground_changed (CivicReplyComposer *self)
{
  if (self->filling)
    return;
  update_detail_field (self);
  check (self);
}

/* Setting it, for a draft taken up again and for tests */

void
civic_reply_composer_set_outcome (CivicReplyComposer          *self,
                                  CivicDisclosureReplyOutcome  outcome)
{
  g_return_if_fail (CIVIC_IS_REPLY_COMPOSER (self));
  g_return_if_fail ((guint) outcome < N_OUTCOMES);

  adw_combo_row_set_selected (ADW_COMBO_ROW (self->outcome_row), outcome + 1);
}

void
civic_reply_composer_set_ground (CivicReplyComposer         *self,
                                 CivicDisclosureReplyGround  ground)
{
  g_return_if_fail (CIVIC_IS_REPLY_COMPOSER (self));

  for (guint i = 0; i < self->grounds->len; i++)
    if (g_array_index (self->grounds, int, i) == (int) ground)
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->ground_row), i + 1);
}

void
civic_reply_composer_set_detail (CivicReplyComposer *self,
                                 const char         *detail)
{
  g_return_if_fail (CIVIC_IS_REPLY_COMPOSER (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->detail_view)),
                            detail ? detail : "", -1);
}

void
civic_reply_composer_set_public_interest (CivicReplyComposer *self,
                                          const char         *reasons)
{
  g_return_if_fail (CIVIC_IS_REPLY_COMPOSER (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->interest_view)),
                            reasons ? reasons : "", -1);
}

/* Whether it asks why a third party's objection is overridden */
gboolean
civic_reply_composer_get_asks_public_interest (CivicReplyComposer *self)
{
  g_return_val_if_fail (CIVIC_IS_REPLY_COMPOSER (self), FALSE);
  return gtk_widget_get_visible (self->interest_box);
}

/**
 * civic_reply_composer_get_finding:
 *
 * Returns: (nullable): the reply's sentence as previewed, %NULL until an
 * outcome (and its ground) is chosen
 */
const char *
civic_reply_composer_get_finding (CivicReplyComposer *self)
{
  g_return_val_if_fail (CIVIC_IS_REPLY_COMPOSER (self), NULL);
  return self->finding;
}

const char *
civic_reply_composer_get_basis (CivicReplyComposer *self)
{
  g_return_val_if_fail (CIVIC_IS_REPLY_COMPOSER (self), NULL);
  return self->basis;
}

/**
 * civic_reply_composer_get_refusal:
 *
 * Returns: (nullable): what the reply still needs, or why the rules
 * refuse it; %NULL when the service would take it
 */
const char *
civic_reply_composer_get_refusal (CivicReplyComposer *self)
{
  g_return_val_if_fail (CIVIC_IS_REPLY_COMPOSER (self), NULL);
  return self->refusal;
}

gboolean
civic_reply_composer_get_valid (CivicReplyComposer *self)
{
  g_return_val_if_fail (CIVIC_IS_REPLY_COMPOSER (self), FALSE);
  return self->valid;
}

/* Taking it */

/**
 * civic_reply_composer_apply:
 *
 * Drafts the reply (in the offline copy at once, in the outbox until the
 * service takes it) and closes the composer. A refusal stays in the
 * composer, under the form.
 *
 * Returns: (transfer full) (nullable): the command's id
 */
char *
civic_reply_composer_apply (CivicReplyComposer  *self,
                            GError             **error)
{
  g_autoptr(JsonObject) args = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *command = NULL;

  g_return_val_if_fail (CIVIC_IS_REPLY_COMPOSER (self), NULL);

  check (self);
  args = civic_reply_composer_dup_args (self);
  command = civic_sync_engine_perform_disclosure_request (
    self->engine, civic_disclosure_request_get_id (self->request),
    CIVIC_DISCLOSURE_REQUEST_ACTION_DRAFT_REPLY, args, &local_error);
  if (command == NULL)
    {
      set_refusal (self, local_error->message, FALSE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_signal_emit (self, signals[DRAFTED], 0);
  gtk_window_close (GTK_WINDOW (self));
  return g_steal_pointer (&command);
}

static void
apply_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CivicReplyComposer *self = CIVIC_REPLY_COMPOSER (widget);
  g_autofree char *command = NULL;

  check (self);
  if (!self->valid)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  command = civic_reply_composer_apply (self, NULL);
}

/* Building */

static GtkWidget *
text_field (const char  *title,
            GtkWidget  **label_out,
            GtkWidget  **view_out)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 72);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  if (label_out != NULL)
    *label_out = label;
  *view_out = view;
  return box;
}

static GtkWidget *
preview_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
build (CivicReplyComposer *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title;
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *choice = adw_preferences_group_new ();
  GtkWidget *preview = adw_preferences_group_new ();
  GtkWidget *preview_card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *preview_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *note_box;
  g_autoptr(GtkStringList) outcomes = gtk_string_list_new (NULL);
  g_autofree char *headline = civic_disclosure_request_kind.headline (G_OBJECT (self->request));

  title = adw_window_title_new (civic_disclosure_request_action_get_label (
                                  CIVIC_DISCLOSURE_REQUEST_ACTION_DRAFT_REPLY), headline);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->apply_button = gtk_button_new_with_mnemonic (_("_Draft Reply"));
  gtk_widget_add_css_class (self->apply_button, "suggested-action");
  gtk_widget_set_tooltip_text (self->apply_button, _("Draft the reply (Ctrl+Enter)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->apply_button), "composer.apply");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->apply_button);
  gtk_box_append (GTK_BOX (box), header);

  /* The outcome, its ground, the official's own words */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (choice), _("Reply"));
  gtk_string_list_append (outcomes, _("Choose…"));
  for (int outcome = 0; outcome < N_OUTCOMES; outcome++)
    gtk_string_list_append (outcomes, civic_disclosure_reply_outcome_get_label (outcome));
  self->outcome_row = g_object_new (ADW_TYPE_COMBO_ROW, "title", _("Outcome"),
                                    "model", outcomes, NULL);
  civic_accessible_name_choices (self->outcome_row, NULL);
  self->ground_row = g_object_new (ADW_TYPE_COMBO_ROW, "title", _("Ground"), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (choice), self->outcome_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (choice), self->ground_row);
  gtk_box_append (GTK_BOX (content), choice);

  self->detail_box = text_field (_("In the Reply"), &self->detail_label, &self->detail_view);
  gtk_box_append (GTK_BOX (content), self->detail_box);
  self->interest_box = text_field (_("Why Withholding It Would Seriously Harm the Public "
                                     "Interest"), NULL, &self->interest_view);
  {
    GtkWidget *why = gtk_label_new (_("A third party consulted objected. To disclose all the "
                                      "same, give the reasons: they are sent to the third party "
                                      "with a notice of the decision (Art. 32)."));

    gtk_label_set_wrap (GTK_LABEL (why), TRUE);
    gtk_label_set_xalign (GTK_LABEL (why), 0);
    gtk_widget_add_css_class (why, "dim-label");
    gtk_widget_add_css_class (why, "caption");
    gtk_box_insert_child_after (GTK_BOX (self->interest_box), why,
                                gtk_widget_get_first_child (self->interest_box));
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->interest_view),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    gtk_label_get_label (GTK_LABEL (why)), -1);
  }
  gtk_widget_set_visible (self->interest_box, FALSE);
  gtk_box_append (GTK_BOX (content), self->interest_box);

  /* What the applicant will read */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (preview), _("The Reply Will Say"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (preview),
                                         _("The sentence the Regulations give this outcome, as "
                                           "the reply document will carry it"));
  gtk_widget_set_margin_top (preview_box, 12);
  gtk_widget_set_margin_bottom (preview_box, 12);
  gtk_widget_set_margin_start (preview_box, 12);
  gtk_widget_set_margin_end (preview_box, 12);
  gtk_widget_add_css_class (preview_card, "card");
  gtk_box_append (GTK_BOX (preview_card), preview_box);
  self->finding_label = preview_label (NULL);
  self->basis_label = preview_label ("dim-label");
  self->row_label = preview_label ("dim-label");
  gtk_widget_add_css_class (self->row_label, "caption");
  gtk_box_append (GTK_BOX (preview_box), self->finding_label);
  gtk_box_append (GTK_BOX (preview_box), self->basis_label);
  gtk_box_append (GTK_BOX (preview_box), self->row_label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (preview), preview_card);
  gtk_box_append (GTK_BOX (content), preview);

  note_box = text_field (_("Internal Note"), NULL, &self->note_view);
  gtk_box_append (GTK_BOX (content), note_box);

  self->refusal_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->refusal_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->refusal_label), 0);
  gtk_box_append (GTK_BOX (content), self->refusal_label);

  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);

  g_signal_connect_swapped (self->outcome_row, "notify::selected", G_CALLBACK (outcome_changed),
                            self);
  g_signal_connect_swapped (self->ground_row, "notify::selected", G_CALLBACK (ground_changed),
                            self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->detail_view)),
                            "changed", G_CALLBACK (check), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->note_view)),
                            "changed", G_CALLBACK (check), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->interest_view)),
                            "changed", G_CALLBACK (check), self);
}

/**
 * civic_reply_composer_new:
 *
 * The composer for @request's reply, with its draft in it if it has one,
 * to redraft.
 */
CivicReplyComposer *
civic_reply_composer_new (GtkWindow              *parent,
                          CivicSyncEngine        *engine,
                          CivicDisclosureRequest *request)
{
  CivicReplyComposer *self;
  const CivicDisclosureReply *draft;

  g_return_val_if_fail (CIVIC_IS_SYNC_ENGINE (engine), NULL);
  g_return_val_if_fail (CIVIC_IS_DISCLOSURE_REQUEST (request), NULL);

  self = g_object_new (CIVIC_TYPE_REPLY_COMPOSER,
                       "transient-for", parent,
                       "modal", TRUE,
                       "default-width", 600,
                       "default-height", 640,
                       "title", civic_disclosure_request_action_get_label (
                         CIVIC_DISCLOSURE_REQUEST_ACTION_DRAFT_REPLY),
                       NULL);
  self->engine = g_object_ref (engine);
  self->request = g_object_ref (request);
  build (self);

  fill_grounds (self, -1);
  draft = civic_disclosure_request_get_reply (request);
  if (draft != NULL && civic_disclosure_request_is_open (request))
    {
      civic_reply_composer_set_outcome (self, draft->outcome);
      civic_reply_composer_set_ground (self, draft->ground);
      civic_reply_composer_set_detail (self, draft->detail);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->interest_view)),
                                draft->public_interest ? draft->public_interest : "", -1);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->note_view)),
                                draft->note ? draft->note : "", -1);
    }
  update_detail_field (self);
  check (self);
  return self;
}

static void
civic_reply_composer_dispose (GObject *object)
{
  CivicReplyComposer *self = CIVIC_REPLY_COMPOSER (object);

  g_clear_object (&self->engine);
  g_clear_object (&self->request);

  G_OBJECT_CLASS (civic_reply_composer_parent_class)->dispose (object);
}

static void
civic_reply_composer_finalize (GObject *object)
{
  CivicReplyComposer *self = CIVIC_REPLY_COMPOSER (object);

  g_clear_pointer (&self->grounds, g_array_unref);
  g_free (self->finding);
  g_free (self->basis);
  g_free (self->refusal);

  G_OBJECT_CLASS (civic_reply_composer_parent_class)->finalize (object);
}

static void
civic_reply_composer_class_init (CivicReplyComposerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = civic_reply_composer_dispose;
  object_class->finalize = civic_reply_composer_finalize;

  /**
   * CivicReplyComposer::drafted:
   *
   * The reply was drafted: the offline copy has it, the outbox sends it.
   */
  signals[DRAFTED] = g_signal_new ("drafted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "composer.apply", NULL, apply_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
civic_reply_composer_init (CivicReplyComposer *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkShortcutTrigger *trigger;

  self->grounds = g_array_new (FALSE, FALSE, sizeof (int));

  /* Before the focused field sees the key: a text view would take
   * Ctrl+Enter as a new line (as in civic-action-dialog.c) */
  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                         gtk_keyval_trigger_new (GDK_KEY_KP_Enter,
                                                                 GDK_CONTROL_MASK));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (trigger,
                                                          gtk_named_action_new ("composer.apply")));
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}
