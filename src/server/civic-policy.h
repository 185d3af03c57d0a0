/* civic-policy.h — who may see and do what, in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-actor.h"
#include "civic-case.h"
#include "civic-workflow.h"

G_BEGIN_DECLS

#define CIVIC_POLICY_ERROR (civic_policy_error_quark ())

typedef enum
{
  CIVIC_POLICY_ERROR_FORBIDDEN,
  CIVIC_POLICY_ERROR_NOT_FOUND,
} CivicPolicyError;

/* Besides department ids, a scope may name an audience by role: the
 * hall's dispatchers see every citizen's message, whichever department
 * has it */
#define CIVIC_SCOPE_DISPATCH "role:dispatcher"
/* ...and the hall's administrators every account; a department's
 * administrators, "role:admin:" and the department's id, its own */
#define CIVIC_SCOPE_ADMIN    "role:admin"
/* ...and the hall's supervisors the cards they issue (civic-warning.h) */
#define CIVIC_SCOPE_SUPERVISION "role:supervisor"

GQuark   civic_policy_error_quark        (void);

gboolean civic_policy_sees_everything    (const CivicActor    *actor);
gboolean civic_policy_can_see            (const CivicActor    *actor,
                                          const char * const  *scope);
const char *civic_policy_role_audience   (const CivicActor    *actor);
char    *civic_policy_admin_audience     (const CivicActor    *actor);
char    *civic_policy_department_admin_audience (const char   *department_id);
gboolean civic_policy_check_case_action  (const CivicActor    *actor,
                                          CivicCase           *kase,
                                          CivicAction          action,
                                          GError             **error);
gboolean civic_policy_check_reveal       (const CivicActor    *actor,
                                          CivicCase           *kase,
                                          GError             **error);
GStrv    civic_policy_case_scope         (CivicCase           *kase);
gboolean civic_policy_check_disclosure_staff (const CivicActor *actor,
                                          const char          *department_id,
                                          CivicRole            roles,
                                          GError             **error);

G_END_DECLS
