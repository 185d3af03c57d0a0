/* civic-templates-view.c — the Templates section: the words of every formal document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-templates-view"

#include "config.h"

#include <glib/gi18n.h>

#include "civic-accessible.h"
#include "civic-core-enums.h"
#include "civic-json.h"
#include "civic-template-record.h"
#include "civic-templates-view.h"

/* Where administrators keep the words of the hall's formal documents
 * (文书): each kind in each language, the hall's for every department,
 * and a department's own where it keeps one. The hall's administrators
 * edit any; a department's administrator copies the hall's for their
 * department — the copy is made under the department's id, so the
 * action taken on the hall's page is sent for that one — then edits and
 * reverts their own. The page shows the body block by block, as the
 * documents are set. */

enum
{
  FILTER_HALL,
  FILTER_DEPARTMENTS,
  FILTER_ALL,
};

struct _CivicTemplatesView
{
  CivicAdminView parent_instance;
};

G_DEFINE_FINAL_TYPE (CivicTemplatesView, civic_templates_view, CIVIC_TYPE_ADMIN_VIEW)

/**
 * civic_templates_view_shown_to:
 *
 * Whether the section is for @actor: the hall's administrators and each
 * department's
 */
gboolean
civic_templates_view_shown_to (const CivicActor *actor)
{
  return actor != NULL && civic_actor_has_role (actor, CIVIC_ROLE_ADMIN |
                                                       CIVIC_ROLE_DEPARTMENT_ADMIN);
}

static const CivicDocumentTemplate *
template_of (GObject *record)
{
  return civic_template_record_get_template (CIVIC_TEMPLATE_RECORD (record));
}

static gboolean
matches (GObject    *record,
         const char *words)
{
  const CivicDocumentTemplate *tmpl = template_of (record);
  g_autofree char *label = civic_template_kind.label (record);

  return civic_admin_view_contains (label, words) ||
         civic_admin_view_contains (civic_template_record_get_id (CIVIC_TEMPLATE_RECORD (record)),
                                    words) ||
         (tmpl != NULL && civic_admin_view_contains (tmpl->title, words));
}

static gboolean
in_filter (GObject *record,
           guint    filter)
{
  gboolean own = civic_template_record_get_department_id (CIVIC_TEMPLATE_RECORD (record)) != NULL;

  switch (filter)
    {
    case FILTER_HALL:
      return !own;
    case FILTER_DEPARTMENTS:
      return own;
    case FILTER_ALL:
    default:
      return TRUE;
    }
}

static int
compare (GObject *a,
         GObject *b)
{
  return g_strcmp0 (civic_template_record_get_id (CIVIC_TEMPLATE_RECORD (a)),
                    civic_template_record_get_id (CIVIC_TEMPLATE_RECORD (b)));
}

static void
decorate (CivicAdminView *view,
          GObject        *record,
          AdwActionRow   *row)
{
  g_autofree char *describe = civic_template_kind.describe (record);
  const char *department = civic_template_record_get_department_id (CIVIC_TEMPLATE_RECORD (record));

  adw_action_row_set_subtitle (row, describe);
  if (department != NULL)
    {
      GtkWidget *owner = gtk_label_new (department);

      gtk_widget_add_css_class (owner, "dim-label");
      adw_action_row_add_suffix (row, owner);
    }
}

static GObject *
new_record (CivicAdminView *view,
            const char     *id)
{
  return G_OBJECT (civic_template_record_new (id));
}

static char *
heading (GObject *record)
{
  return civic_template_kind.label (record);
}

static const char *
style_label (CivicBlockStyle style)
{
  switch (style)
    {
    case CIVIC_BLOCK_ADDRESSEE: return _("Addressee");
    case CIVIC_BLOCK_HEADING: return _("Heading");
    case CIVIC_BLOCK_KAI: return _("Quotation");
    case CIVIC_BLOCK_FIELD: return _("Field");
    case CIVIC_BLOCK_NOTE: return _("Note");
    case CIVIC_BLOCK_PARAGRAPH:
    default:
      return NULL;
    }
}

static void
fill_page (CivicAdminView *view,
           GObject        *record,
           GtkBox         *page)
{
  CivicTemplateRecord *self = CIVIC_TEMPLATE_RECORD (record);
  const CivicDocumentTemplate *tmpl = template_of (record);
  const char *department = civic_template_record_get_department_id (self);
  GtkWidget *group = civic_admin_view_add_group (page, _("Template"));
  g_autofree char *owner = NULL;

  if (tmpl == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("Reverted: the department’s documents use the "
                                               "hall’s template"));
      return;
    }
  civic_admin_view_add_fact (group, _("Kind of Document"), civic_document_kind_get_label (tmpl->kind));
  civic_admin_view_add_fact (group, _("Language"),
                             civic_document_language_to_string (tmpl->language));
  owner = department != NULL
          /* Translators: whose template: "The department scjg's own, used instead of the hall's" */
          ? g_strdup_printf (_("The department %s’s own, used instead of the hall’s"), department)
          : g_strdup (_("The hall’s, for every department without its own"));
  civic_admin_view_add_fact (group, _("Whose"), owner);
  civic_admin_view_add_fact (group, _("Title"), tmpl->title);
  civic_admin_view_add_fact (group, _("Number Mark"), tmpl->mark);
  civic_admin_view_add_fact (group, _("Identifier"), civic_template_record_get_id (self));

  /* The body as the documents set it, block by block */
  group = civic_admin_view_add_group (page, _("Body"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("{{Placeholders}} are filled from the record when a "
                                           "document is made"));
  for (guint i = 0; i < tmpl->blocks->len; i++)
    {
      CivicDocumentBlock *block = g_ptr_array_index (tmpl->blocks, i);
      GtkWidget *row = adw_action_row_new ();
      const char *style = style_label (block->style);

      g_autofree char *spoken = g_strdelimit (g_strdup (block->text), "_", ' ');

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), block->text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      /* A placeholder read as words ("received on"), not as a mnemonic:
       * this name alone, not the title's label beside it */
      civic_accessible_set_name (row, spoken);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      if (style != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), style);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

/* A copy is made under the department's id, not the hall's the page
 * shows */
static void
confirm (CivicAdminView *view,
         const char     *id,
         guint           action,
         JsonObject     *args)
{
  const CivicActor *me = civic_admin_view_get_me (view);
  g_autofree char *own = NULL;

  if (action == CIVIC_TEMPLATE_ACTION_COPY && me != NULL && me->department_id != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (id, "/", -1);

      if (g_strv_length (parts) == 3)
        own = g_strconcat (id, "/", me->department_id, NULL);
    }
  civic_admin_view_perform (view, own != NULL ? own : id, action, args);
}

static void
civic_templates_view_class_init (CivicTemplatesViewClass *klass)
{
  CivicAdminViewClass *admin_class = CIVIC_ADMIN_VIEW_CLASS (klass);
  CivicAdminViewWords words = {
    .title = C_("section", "Templates"),
    .filters_name = _("Which templates"),
    .filter_labels = { _("The _Hall’s"), _("_Departments’ Own"), _("A_ll") },
    .filter_tooltips = { _("The templates every department uses without its own"),
                         _("The templates departments keep for themselves"),
                         _("Every template") },
    .search_hint = _("Kind of document, title or identifier"),
    .search_name = _("Find a template"),
    .list_name = _("Templates of formal documents"),
    .empty = _("No templates here"),
    .page_title = _("Template"),
    .back_label = _("Back to the Templates"),
    .missing_title = _("No Such Template"),
    .missing_icon = "document-edit-symbolic",
  };

  admin_class->kind = &civic_template_kind;
  admin_class->add_action = CIVIC_TEMPLATE_ACTION_COPY;
  admin_class->id_prefix = "document/";
  admin_class->words = words;
  admin_class->matches = matches;
  admin_class->in_filter = in_filter;
  admin_class->compare = compare;
  admin_class->decorate = decorate;
  admin_class->new_record = new_record;
  admin_class->heading = heading;
  admin_class->fill_page = fill_page;
  admin_class->shown_to = civic_templates_view_shown_to;
  admin_class->confirm = confirm;
}

static void
civic_templates_view_init (CivicTemplatesView *self)
{
}
