/* civic-disclosures-view.h — the Disclosures section: publications and requests for information
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-disclosure-editor.h"
#include "civic-request-page.h"
#include "civic-section.h"

G_BEGIN_DECLS

/* The lists of the section's switch */
typedef enum
{
  CIVIC_DISCLOSURE_LIST_DRAFTS,
  CIVIC_DISCLOSURE_LIST_TO_REVIEW,
  CIVIC_DISCLOSURE_LIST_SCHEDULED,
  CIVIC_DISCLOSURE_LIST_PUBLISHED,
  CIVIC_DISCLOSURE_LIST_ENDED,
} CivicDisclosureList;

/* The lists of requests for information (依申请公开) */
typedef enum
{
  CIVIC_REQUEST_LIST_TO_DO,    /* received, awaiting correction, in progress, consulting */
  CIVIC_REQUEST_LIST_REPLIED,
  CIVIC_REQUEST_LIST_CLOSED,   /* withdrawn, or deemed abandoned */
} CivicRequestList;

#define CIVIC_TYPE_DISCLOSURES_VIEW (civic_disclosures_view_get_type ())
G_DECLARE_FINAL_TYPE (CivicDisclosuresView, civic_disclosures_view, CIVIC, DISCLOSURES_VIEW,
                      CivicSection)

gboolean               civic_disclosures_view_shown_to   (const CivicActor      *actor);
void                   civic_disclosures_view_open_disclosure (CivicDisclosuresView *self,
                                                          const char            *disclosure_id);
void                   civic_disclosures_view_show_list  (CivicDisclosuresView  *self,
                                                          CivicDisclosureList    list);
void                   civic_disclosures_view_set_search (CivicDisclosuresView  *self,
                                                          const char            *text);
guint                  civic_disclosures_view_get_n_to_do (CivicDisclosuresView *self);
GtkListBox            *civic_disclosures_view_get_list   (CivicDisclosuresView  *self);
void                   civic_disclosures_view_show_requests (CivicDisclosuresView *self,
                                                          CivicRequestList       list);
gboolean               civic_disclosures_view_get_showing_requests (CivicDisclosuresView *self);
void                   civic_disclosures_view_open_request (CivicDisclosuresView *self,
                                                          const char            *request_id);
CivicRequestPage      *civic_disclosures_view_get_request_page (CivicDisclosuresView *self);
void                   civic_disclosures_view_register_request (CivicDisclosuresView *self);
CivicDisclosureEditor *civic_disclosures_view_get_editor (CivicDisclosuresView  *self);
void                   civic_disclosures_view_new_disclosure (CivicDisclosuresView *self);
void                   civic_disclosures_view_new_report (CivicDisclosuresView *self,
                                                          int                   year);
char                  *civic_disclosures_view_create     (CivicDisclosuresView  *self,
                                                          JsonObject            *args,
                                                          GError               **error);

G_END_DECLS
