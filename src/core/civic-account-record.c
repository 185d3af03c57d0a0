/* civic-account-record.c — an official's account, as administrators run it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-account"

#include "config.h"

#include "civic-i18n.h"

#include "civic-account-private.h"
#include "civic-json.h"

G_DEFINE_TYPE (CivicAccountRecord, civic_account_record, G_TYPE_OBJECT)

static void
civic_account_record_finalize (GObject *object)
{
  CivicAccountRecord *self = CIVIC_ACCOUNT_RECORD (object);

  g_free (self->id);
  g_free (self->username);
  g_free (self->name);
  g_free (self->department_id);
  g_free (self->department_name);
  g_free (self->disabled_reason);
  g_free (self->password_hash);
  g_ptr_array_unref (self->delegations);

  G_OBJECT_CLASS (civic_account_record_parent_class)->finalize (object);
}

static void
civic_account_record_class_init (CivicAccountRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = civic_account_record_finalize;
}

static void
civic_account_record_init (CivicAccountRecord *self)
{
  self->created_on = CIVIC_DAY_INVALID;
  self->password_set_on = CIVIC_DAY_INVALID;
  self->delegations = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_delegation_free);
}

/**
 * civic_account_record_new:
 *
 * Returns: (transfer full): a blank account under @id, for add-account
 */
CivicAccountRecord *
civic_account_record_new (const char *id)
{
  CivicAccountRecord *self = g_object_new (CIVIC_TYPE_ACCOUNT_RECORD, NULL);

  self->id = g_strdup (id);
  return self;
}

static char *
dup_nonempty (const char *value)
{
  return value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

CivicAccountRecord *
civic_account_record_copy (CivicAccountRecord *self)
{
  CivicAccountRecord *copy;

  g_return_val_if_fail (CIVIC_IS_ACCOUNT_RECORD (self), NULL);

  copy = civic_account_record_new (self->id);
  copy->rev = self->rev;
  civic_account_record_set_fields (copy, self->username, self->name, self->department_id,
                                   self->department_name, self->roles, self->disabled,
                                   self->must_change_password, self->created_on,
                                   self->password_set_on);
  copy->disabled_reason = g_strdup (self->disabled_reason);
  copy->password_hash = g_strdup (self->password_hash);
  for (guint i = 0; i < self->delegations->len; i++)
    g_ptr_array_add (copy->delegations,
                     civic_delegation_copy (g_ptr_array_index (self->delegations, i)));
  return copy;
}

void
civic_account_record_set_fields (CivicAccountRecord *self,
                                 const char         *username,
                                 const char         *name,
                                 const char         *department_id,
                                 const char         *department_name,
                                 CivicRole           roles,
                                 gboolean            disabled,
                                 gboolean            must_change_password,
                                 CivicDay            created_on,
                                 CivicDay            password_set_on)
{
  g_return_if_fail (CIVIC_IS_ACCOUNT_RECORD (self));

  g_free (self->username);
  self->username = dup_nonempty (username);
  g_free (self->name);
  self->name = dup_nonempty (name);
  g_free (self->department_id);
  self->department_id = dup_nonempty (department_id);
  g_free (self->department_name);
  self->department_name = dup_nonempty (department_name);
  self->roles = roles;
  self->disabled = !!disabled;
  self->must_change_password = !!must_change_password;
  self->created_on = created_on;
  self->password_set_on = password_set_on;
}

void
civic_account_record_set_disabled_reason (CivicAccountRecord *self,
                                          const char         *reason)
{
  g_return_if_fail (CIVIC_IS_ACCOUNT_RECORD (self));

  g_free (self->disabled_reason);
  self->disabled_reason = dup_nonempty (reason);
}

/**
 * civic_account_record_to_json:
 *
 * Returns: (transfer full): the account as administrators' clients
 * receive it: never a password or its hash
 */
JsonNode *
civic_account_record_to_json (CivicAccountRecord *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (CIVIC_IS_ACCOUNT_RECORD (self), NULL);

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "id", self->id);
  civic_json_set_int (builder, "rev", self->rev);
  civic_json_set_string (builder, "username", self->username);
  civic_json_set_string (builder, "name", self->name);
  civic_json_set_string (builder, "department_id", self->department_id);
  civic_json_set_string (builder, "department_name", self->department_name);
  civic_roles_to_json (builder, "roles", self->roles);
  civic_json_set_bool (builder, "disabled", self->disabled);
  civic_json_set_string (builder, "disabled_reason", self->disabled_reason);
  civic_json_set_bool (builder, "must_change_password", self->must_change_password);
  civic_json_set_day (builder, "created_on", self->created_on);
  civic_json_set_day (builder, "password_set_on", self->password_set_on);
  json_builder_set_member_name (builder, "delegations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->delegations->len; i++)
    civic_delegation_to_json (g_ptr_array_index (self->delegations, i), builder, FALSE);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * civic_account_record_new_from_json:
 *
 * Reads an account as the feed carries it; typed reads, since an entry
 * from outside may hold anything anywhere.
 *
 * Returns: (transfer full) (nullable): the account, or %NULL with @error
 */
CivicAccountRecord *
civic_account_record_new_from_json (JsonNode  *node,
                                    GError   **error)
{
  g_autoptr(CivicAccountRecord) self = NULL;
  g_auto(GStrv) role_names = NULL;
  const char *id, *username = NULL, *name = NULL, *department_id = NULL;
  const char *department_name = NULL, *reason = NULL;
  CivicRole roles = CIVIC_ROLE_NONE;
  gboolean disabled = FALSE, must_change = FALSE;
  CivicDay created_on = CIVIC_DAY_INVALID, password_set_on = CIVIC_DAY_INVALID;
  gint64 rev = 0;
  JsonObject *object;
  JsonArray *delegations = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("An account is a JSON object"));
      return NULL;
    }
  object = json_node_get_object (node);
  if (!civic_json_get_string (object, "id", TRUE, &id, error) ||
      !civic_json_get_int (object, "rev", FALSE, 0, G_MAXINT64, &rev, error) ||
      !civic_json_get_string (object, "username", FALSE, &username, error) ||
      !civic_json_get_string (object, "name", FALSE, &name, error) ||
      !civic_json_get_string (object, "department_id", FALSE, &department_id, error) ||
      !civic_json_get_string (object, "department_name", FALSE, &department_name, error) ||
      !civic_json_get_strv (object, "roles", FALSE, &role_names, error) ||
      !civic_json_get_bool (object, "disabled", FALSE, &disabled, error) ||
      !civic_json_get_string (object, "disabled_reason", FALSE, &reason, error) ||
      !civic_json_get_bool (object, "must_change_password", FALSE, &must_change, error) ||
      !civic_json_get_day (object, "created_on", FALSE, &created_on, error) ||
      !civic_json_get_day (object, "password_set_on", FALSE, &password_set_on, error) ||
      !civic_json_get_array (object, "delegations", FALSE, &delegations, error))
    return NULL;
  if (role_names != NULL && !civic_roles_from_strv ((const char * const *) role_names, &roles, error))
    return NULL;

  self = civic_account_record_new (id);
  self->rev = rev;
  civic_account_record_set_fields (self, username, name, department_id, department_name, roles,
                                   disabled, must_change, created_on, password_set_on);
  civic_account_record_set_disabled_reason (self, reason);
  for (guint i = 0; delegations != NULL && i < json_array_get_length (delegations); i++)
    {
      CivicDelegation *window = civic_delegation_new_from_json (
        json_array_get_element (delegations, i), error);

      if (window == NULL)
        return NULL;
      g_ptr_array_add (self->delegations, window);
    }
  return g_steal_pointer (&self);
}

const char *
civic_account_record_get_id (CivicAccountRecord *self)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNT_RECORD (self), NULL);
  return self->id;
}

gint64
civic_account_record_get_rev (CivicAccountRecord *self)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNT_RECORD (self), 0);
  return self->rev;
}

void
civic_account_record_set_rev (CivicAccountRecord *self,
                              gint64              rev)
{
  g_return_if_fail (CIVIC_IS_ACCOUNT_RECORD (self));
  self->rev = rev;
}

const char *
civic_account_record_get_username (CivicAccountRecord *self)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNT_RECORD (self), NULL);
  return self->username;
}

const char *
civic_account_record_get_name (CivicAccountRecord *self)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNT_RECORD (self), NULL);
  return self->name;
}

const char *
civic_account_record_get_department_id (CivicAccountRecord *self)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNT_RECORD (self), NULL);
  return self->department_id;
}

const char *
civic_account_record_get_department_name (CivicAccountRecord *self)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNT_RECORD (self), NULL);
  return self->department_name;
}

CivicRole
civic_account_record_get_roles (CivicAccountRecord *self)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNT_RECORD (self), CIVIC_ROLE_NONE);
  return self->roles;
}

gboolean
civic_account_record_get_disabled (CivicAccountRecord *self)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNT_RECORD (self), FALSE);
  return self->disabled;
}

const char *
civic_account_record_get_disabled_reason (CivicAccountRecord *self)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNT_RECORD (self), NULL);
  return self->disabled_reason;
}

gboolean
civic_account_record_get_must_change_password (CivicAccountRecord *self)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNT_RECORD (self), FALSE);
  return self->must_change_password;
}

CivicDay
civic_account_record_get_created_on (CivicAccountRecord *self)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNT_RECORD (self), CIVIC_DAY_INVALID);
  return self->created_on;
}

CivicDay
civic_account_record_get_password_set_on (CivicAccountRecord *self)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNT_RECORD (self), CIVIC_DAY_INVALID);
  return self->password_set_on;
}

const char *
civic_account_record_get_password_hash (CivicAccountRecord *self)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNT_RECORD (self), NULL);
  return self->password_hash;
}

GPtrArray *
civic_account_record_get_delegations (CivicAccountRecord *self)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNT_RECORD (self), NULL);
  return self->delegations;
}

const CivicDelegation *
civic_account_record_find_delegation (CivicAccountRecord *self,
                                      const char         *id)
{
  g_return_val_if_fail (CIVIC_IS_ACCOUNT_RECORD (self), NULL);

  for (guint i = 0; id != NULL && i < self->delegations->len; i++)
    {
      CivicDelegation *window = g_ptr_array_index (self->delegations, i);

      if (g_strcmp0 (window->id, id) == 0)
        return window;
    }
  return NULL;
}

/**
 * civic_account_record_take_delegation:
 * @delegation: (transfer full): a window, as the service keeps it
 */
void
civic_account_record_take_delegation (CivicAccountRecord *self,
                                      CivicDelegation    *delegation)
{
  g_return_if_fail (CIVIC_IS_ACCOUNT_RECORD (self));
  g_ptr_array_add (self->delegations, delegation);
}
