/* civic-admin-view.h — a section of the Administration: the records of one kind an administrator runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-section.h"

G_BEGIN_DECLS

#define CIVIC_TYPE_ADMIN_VIEW (civic_admin_view_get_type ())
G_DECLARE_DERIVABLE_TYPE (CivicAdminView, civic_admin_view, CIVIC, ADMIN_VIEW, CivicSection)

#define CIVIC_ADMIN_VIEW_N_FILTERS 3

/* The words a section shows, translated when its class is made */
typedef struct
{
  const char *title;          /* the section: "Accounts" */
  const char *add_label;      /* "_Add Account" (nullable: none is added from the list) */
  const char *add_tooltip;    /* "Add an official's account (Ctrl+N)" */
  const char *filters_name;   /* "Which accounts" (nullable: no filters) */
  const char *filter_labels[CIVIC_ADMIN_VIEW_N_FILTERS];
  const char *filter_tooltips[CIVIC_ADMIN_VIEW_N_FILTERS];
  const char *search_hint;    /* "Name, user name or department" */
  const char *search_name;    /* "Find an account" */
  const char *list_name;      /* "Accounts" */
  const char *empty;          /* "No accounts here" */
  const char *page_title;     /* "Account" */
  const char *back_label;     /* "Back to the Accounts" */
  const char *missing_title;  /* "No Such Account" */
  const char *missing_icon;
} CivicAdminViewWords;

/* One kind's records, listed with a search and filters; each opens on a
 * page of its own with the actions its rules allow, and a button adds
 * one. Every change is a command of the kind: offline it waits in the
 * outbox, refused it lands in Conflicts with the reason. A subclass
 * says which kind, its words, and what a row and a page show. */
struct _CivicAdminViewClass
{
  CivicSectionClass parent_class;

  const CivicEntityKind *kind;
  guint                  add_action;
  const char            *id_prefix;   /* of a new record's id: "u-" */
  /* (nullable): a new record's id, when not the prefix and a UUID (a
   * year's holiday notice is named by the year) */
  char     *(*new_id)     (CivicAdminView *self);
  CivicAdminViewWords    words;

  /* Whether @record is found by @words (casefolded) */
  gboolean  (*matches)    (GObject        *record,
                           const char     *words);
  /* Whether @record is shown under the filter @filter */
  gboolean  (*in_filter)  (GObject        *record,
                           guint           filter);
  int       (*compare)    (GObject        *first,
                           GObject        *second);
  /* The row's subtitle and suffixes, beside the kind's label as title */
  void      (*decorate)   (CivicAdminView *self,
                           GObject        *record,
                           AdwActionRow   *row);
  /* A blank record to add, under @id */
  GObject  *(*new_record) (CivicAdminView *self,
                           const char     *id);
  /* The page's heading and what follows the actions */
  char     *(*heading)    (GObject        *record);
  void      (*fill_page)  (CivicAdminView *self,
                           GObject        *record,
                           GtkBox         *page);
  /* (nullable): shows what @action with @args would do before it is
   * sent, and sends it with civic_admin_view_perform() if the official
   * confirms (a holiday notice's days and the due dates it moves) */
  void      (*confirm)    (CivicAdminView *self,
                           const char     *id,
                           guint           action,
                           JsonObject     *args);

  /* (nullable): whether the section is for @actor at all: for anyone
   * else it reads and lists nothing, as the window does not show it */
  gboolean  (*shown_to)   (const CivicActor *actor);

  gpointer padding[3];
};

const CivicActor *civic_admin_view_get_me        (CivicAdminView *self);
void              civic_admin_view_open          (CivicAdminView *self,
                                                  const char     *id);
void              civic_admin_view_start_action  (CivicAdminView *self,
                                                  guint           action);
void              civic_admin_view_perform       (CivicAdminView *self,
                                                  const char     *id,
                                                  guint           action,
                                                  JsonObject     *args);
GtkListBox       *civic_admin_view_get_list      (CivicAdminView *self);
GtkWidget        *civic_admin_view_get_page      (CivicAdminView *self);

gboolean          civic_admin_view_contains      (const char     *text,
                                                  const char     *words);
GtkWidget        *civic_admin_view_add_group     (GtkBox         *page,
                                                  const char     *title);
void              civic_admin_view_add_fact      (GtkWidget      *group,
                                                  const char     *title,
                                                  const char     *value);

G_END_DECLS
