/* civic-actor.h — who does something, in which roles and department
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum /*< flags >*/
{
  CIVIC_ROLE_NONE                = 0,
  CIVIC_ROLE_CLERK               = 1 << 0,  /* 受理员 */
  CIVIC_ROLE_EXAMINER            = 1 << 1,  /* 审查员 */
  CIVIC_ROLE_APPROVER            = 1 << 2,  /* 负责人 */
  CIVIC_ROLE_HEARING_OFFICER     = 1 << 3,  /* 听证主持人 */
  CIVIC_ROLE_DISCLOSURE_EDITOR   = 1 << 4,  /* 信息公开编辑 */
  CIVIC_ROLE_DISCLOSURE_REVIEWER = 1 << 5,  /* 信息公开审核人 */
  CIVIC_ROLE_COMPLAINT_HANDLER   = 1 << 6,
  CIVIC_ROLE_SUPERVISOR          = 1 << 7,  /* 电子监察: reads everything, changes nothing */
  CIVIC_ROLE_ADMIN               = 1 << 8,
  CIVIC_ROLE_SYSTEM              = 1 << 9,  /* the service's own scheduler */
  /* 政府信息公开工作机构负责人: extends a reply (OGI Art. 33 ¶2), withdraws */
  CIVIC_ROLE_DISCLOSURE_HEAD     = 1 << 10,
  /* Reviews a reply to a complaint or a report before it goes out */
  CIVIC_ROLE_MESSAGE_REVIEWER    = 1 << 11,
  /* The hall's dispatch (12345 派单): routes new messages, decides a
   * department's objection that one was sent to it wrongly (退单) */
  CIVIC_ROLE_DISPATCHER          = 1 << 12,
  /* Keeps the department's catalogue: drafts an item's new version (事项编制) */
  CIVIC_ROLE_CATALOGUE_EDITOR    = 1 << 13,
  /* Approves it, with the day it takes effect (事项审核) */
  CIVIC_ROLE_CATALOGUE_REVIEWER  = 1 << 14,
  /* Runs one department's accounts and rooms; grants none of the hall's roles */
  CIVIC_ROLE_DEPARTMENT_ADMIN    = 1 << 15,
} CivicRole;

/* The roles that work on information disclosure. */
#define CIVIC_ROLES_DISCLOSURE (CIVIC_ROLE_DISCLOSURE_EDITOR | CIVIC_ROLE_DISCLOSURE_REVIEWER | \
                                CIVIC_ROLE_DISCLOSURE_HEAD)

/* The roles that work on citizens' messages; a department's head
 * (approver) extends one's time to reply. */
#define CIVIC_ROLES_MESSAGES (CIVIC_ROLE_COMPLAINT_HANDLER | CIVIC_ROLE_MESSAGE_REVIEWER | \
                              CIVIC_ROLE_DISPATCHER)

/* The roles that keep a department's catalogue of service items. */
#define CIVIC_ROLES_CATALOGUE (CIVIC_ROLE_CATALOGUE_EDITOR | CIVIC_ROLE_CATALOGUE_REVIEWER)

/* The roles that work on licensing cases. */
#define CIVIC_ROLES_CASEWORK (CIVIC_ROLE_CLERK | CIVIC_ROLE_EXAMINER | CIVIC_ROLE_APPROVER | \
                              CIVIC_ROLE_HEARING_OFFICER)

typedef struct
{
  char      *id;
  char      *name;
  char      *department_id;
  CivicRole  roles;
} CivicActor;

CivicActor *civic_actor_new             (const char        *id,
                                         const char        *name,
                                         const char        *department_id,
                                         CivicRole          roles);
CivicActor *civic_actor_copy            (const CivicActor  *actor);
CivicActor *civic_actor_new_from_directory (JsonObject     *user,
                                         gboolean          *disabled);
void        civic_actor_free            (CivicActor        *actor);
gboolean    civic_actor_has_role        (const CivicActor  *actor,
                                         CivicRole          roles);

const char *civic_role_get_label        (CivicRole          role);
char       *civic_roles_to_string       (CivicRole          roles);
gboolean    civic_roles_from_strv       (const char * const *names,
                                         CivicRole         *roles,
                                         GError           **error);
void        civic_roles_to_json         (JsonBuilder       *builder,
                                         const char        *member,
                                         CivicRole          roles);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicActor, civic_actor_free)

G_END_DECLS
