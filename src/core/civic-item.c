/* civic-item.c — a service item of the catalogue (政务服务事项), with its versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-item"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-item-private.h"
#include "civic-json.h"

/* The record as the feed carries it: the code, the department, the guide
 * in effect with its version and day, the version pending with who wrote
 * and who reviewed it, and the days each earlier version was in effect.
 * It holds nobody's personal data. The feed adds the name, type and
 * department at the top, for the lists that read nothing else. */

G_DEFINE_TYPE (CivicItem, civic_item, G_TYPE_OBJECT)

const char *
civic_item_state_get_label (CivicItemState state)
{
  switch (state)
    {
    case CIVIC_ITEM_STATE_NEW: return _("Not Yet in Effect");
    case CIVIC_ITEM_STATE_EFFECTIVE: return _("In Effect");
    case CIVIC_ITEM_STATE_REPEALED: return _("Repealed");
    default: g_return_val_if_reached ("");
    }
}

const char *
civic_item_version_state_get_label (CivicItemVersionState state)
{
  switch (state)
    {
    case CIVIC_ITEM_VERSION_DRAFT: return _("Draft");
    case CIVIC_ITEM_VERSION_IN_REVIEW: return _("In Review");
    case CIVIC_ITEM_VERSION_SCHEDULED: return _("Approved, Not Yet in Effect");
    case CIVIC_ITEM_VERSION_EFFECTIVE: return _("In Effect");
    case CIVIC_ITEM_VERSION_SUPERSEDED: return _("Superseded");
    default: g_return_val_if_reached ("");
    }
}

/**
 * civic_item_code_is_valid:
 *
 * Returns: whether @code can be an item's code: 4 to 64 letters, digits
 * and hyphens, as the implementation list's codes are
 * (430000-SCJG-XK-0001, or 31 digits and letters)
 */
gboolean
civic_item_code_is_valid (const char *code)
{
  gsize length = code != NULL ? strlen (code) : 0;

  if (length < 4 || length > 64)
    return FALSE;
  for (const char *c = code; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && *c != '-')
      return FALSE;
  return TRUE;
}

CivicItemPending *
civic_item_pending_new (int       version,
                        JsonNode *guide)
{
  CivicItemPending *pending = g_new0 (CivicItemPending, 1);

  pending->version = version;
  pending->state = CIVIC_ITEM_VERSION_DRAFT;
  pending->guide = guide != NULL ? civic_json_deep_copy (guide) : NULL;
  pending->authors = g_new0 (char *, 1);
  pending->effective_on = CIVIC_DAY_INVALID;
  return pending;
}

CivicItemPending *
civic_item_pending_copy (const CivicItemPending *pending)
{
  CivicItemPending *copy;

  if (pending == NULL)
    return NULL;
  copy = civic_item_pending_new (pending->version, pending->guide);
  copy->state = pending->state;
  copy->repeal = pending->repeal;
  g_strfreev (copy->authors);
  copy->authors = g_strdupv (pending->authors);
  copy->author_name = g_strdup (pending->author_name);
  copy->note = g_strdup (pending->note);
  copy->reviewed_by_id = g_strdup (pending->reviewed_by_id);
  copy->reviewed_by_name = g_strdup (pending->reviewed_by_name);
  copy->comment = g_strdup (pending->comment);
  copy->effective_on = pending->effective_on;
  copy->effective_at = pending->effective_at != NULL ? g_date_time_ref (pending->effective_at)
                                                     : NULL;
  copy->basis = g_strdup (pending->basis);
  return copy;
}

void
civic_item_pending_free (CivicItemPending *pending)
{
  if (pending == NULL)
    return;
  g_clear_pointer (&pending->guide, json_node_unref);
  g_strfreev (pending->authors);
  g_free (pending->author_name);
  g_free (pending->note);
  g_free (pending->reviewed_by_id);
  g_free (pending->reviewed_by_name);
  g_free (pending->comment);
  g_clear_pointer (&pending->effective_at, g_date_time_unref);
  g_free (pending->basis);
  g_free (pending);
}

static void
civic_item_finalize (GObject *object)
{
  CivicItem *self = CIVIC_ITEM (object);

  g_free (self->code);
  g_free (self->department_id);
  g_clear_pointer (&self->effective_at, g_date_time_unref);
  g_clear_pointer (&self->guide, json_node_unref);
  g_clear_pointer (&self->pending, civic_item_pending_free);
  g_array_unref (self->history);
  g_free (self->repeal_basis);
  G_OBJECT_CLASS (civic_item_parent_class)->finalize (object);
}

static void
civic_item_class_init (CivicItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = civic_item_finalize;
}

static void
civic_item_init (CivicItem *self)
{
  self->effective_on = CIVIC_DAY_INVALID;
  self->repealed_on = CIVIC_DAY_INVALID;
  self->history = g_array_new (FALSE, TRUE, sizeof (CivicItemHistory));
}

/**
 * civic_item_new:
 * @department_id: (nullable): the department that keeps it
 *
 * Returns: (transfer full): a blank item, which create-item or an import
 * fills in
 */
CivicItem *
civic_item_new (const char *code,
                const char *department_id)
{
  CivicItem *self;

  g_return_val_if_fail (code != NULL, NULL);

  self = g_object_new (CIVIC_TYPE_ITEM, NULL);
  self->code = g_strdup (code);
  self->department_id = g_strdup (department_id);
  return self;
}

CivicItem *
civic_item_copy (CivicItem *self)
{
  CivicItem *copy;

  g_return_val_if_fail (CIVIC_IS_ITEM (self), NULL);

  copy = civic_item_new (self->code, self->department_id);
  copy->rev = self->rev;
  copy->state = self->state;
  copy->version = self->version;
  copy->effective_on = self->effective_on;
  copy->effective_at = self->effective_at != NULL ? g_date_time_ref (self->effective_at) : NULL;
  copy->guide = self->guide != NULL ? civic_json_deep_copy (self->guide) : NULL;
  copy->pending = civic_item_pending_copy (self->pending);
  g_array_append_vals (copy->history, self->history->data, self->history->len);
  copy->repealed_on = self->repealed_on;
  copy->repeal_basis = g_strdup (self->repeal_basis);
  return copy;
}

#define RETURN_IF_NOT_ITEM(val) g_return_val_if_fail (CIVIC_IS_ITEM (self), (val))

const char *civic_item_get_code (CivicItem *self) { RETURN_IF_NOT_ITEM (NULL); return self->code; }
gint64 civic_item_get_rev (CivicItem *self) { RETURN_IF_NOT_ITEM (0); return self->rev; }

void
civic_item_set_rev (CivicItem *self,
                    gint64     rev)
{
  g_return_if_fail (CIVIC_IS_ITEM (self));
  self->rev = rev;
}

const char *civic_item_get_department_id (CivicItem *self) { RETURN_IF_NOT_ITEM (NULL); return self->department_id; }
CivicItemState civic_item_get_state (CivicItem *self) { RETURN_IF_NOT_ITEM (0); return self->state; }
int civic_item_get_version (CivicItem *self) { RETURN_IF_NOT_ITEM (0); return self->version; }
CivicDay civic_item_get_effective_on (CivicItem *self) { RETURN_IF_NOT_ITEM (CIVIC_DAY_INVALID); return self->effective_on; }
GDateTime *civic_item_get_effective_at (CivicItem *self) { RETURN_IF_NOT_ITEM (NULL); return self->effective_at; }
const CivicItemPending *civic_item_get_pending (CivicItem *self) { RETURN_IF_NOT_ITEM (NULL); return self->pending; }
GArray *civic_item_get_history (CivicItem *self) { RETURN_IF_NOT_ITEM (NULL); return self->history; }
CivicDay civic_item_get_repealed_on (CivicItem *self) { RETURN_IF_NOT_ITEM (CIVIC_DAY_INVALID); return self->repealed_on; }
const char *civic_item_get_repeal_basis (CivicItem *self) { RETURN_IF_NOT_ITEM (NULL); return self->repeal_basis; }

/**
 * civic_item_get_guide:
 *
 * Returns: (transfer none) (nullable): the guide in effect; %NULL for an
 * item never yet in effect
 */
JsonObject *
civic_item_get_guide (CivicItem *self)
{
  RETURN_IF_NOT_ITEM (NULL);
  return self->guide != NULL ? json_node_get_object (self->guide) : NULL;
}

/**
 * civic_item_get_name:
 *
 * Returns: the name in effect, or the pending one's for a new item
 */
const char *
civic_item_get_name (CivicItem *self)
{
  RETURN_IF_NOT_ITEM (NULL);
  if (self->guide != NULL)
    return civic_item_guide_get_name (json_node_get_object (self->guide));
  if (self->pending != NULL && self->pending->guide != NULL)
    return civic_item_guide_get_name (json_node_get_object (self->pending->guide));
  return NULL;
}

/**
 * civic_item_dup_pending_changes:
 *
 * Returns: (transfer full) (element-type utf8): what the pending version
 * changes, a sentence each; empty without one
 */
GPtrArray *
civic_item_dup_pending_changes (CivicItem *self)
{
  RETURN_IF_NOT_ITEM (NULL);

  if (self->pending == NULL || self->pending->guide == NULL)
    return g_ptr_array_new_with_free_func (g_free);
  if (self->pending->repeal)
    {
      GPtrArray *changes = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (changes, g_strdup (_("The item is repealed")));
      return changes;
    }
  return civic_item_guide_diff (civic_item_get_guide (self),
                                json_node_get_object (self->pending->guide));
}

/* The wire format */

static void
set_guide (JsonBuilder *builder,
           const char  *member,
           JsonNode    *guide)
{
  json_builder_set_member_name (builder, member);
  if (guide != NULL)
    json_builder_add_value (builder, json_node_copy (guide));
  else
    json_builder_add_null_value (builder);
}

static void
add_pending (JsonBuilder            *builder,
             const CivicItemPending *pending)
{
  json_builder_set_member_name (builder, "pending");
  if (pending == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  civic_json_set_int (builder, "version", pending->version);
  civic_json_set_enum (builder, "state", CIVIC_TYPE_ITEM_VERSION_STATE, pending->state);
  civic_json_set_bool (builder, "repeal", pending->repeal);
  set_guide (builder, "guide", pending->guide);
  civic_json_set_strv (builder, "authors", (const char * const *) pending->authors);
  civic_json_set_string (builder, "author_name", pending->author_name);
  civic_json_set_string (builder, "note", pending->note);
  civic_json_set_string (builder, "reviewed_by_id", pending->reviewed_by_id);
  civic_json_set_string (builder, "reviewed_by_name", pending->reviewed_by_name);
  civic_json_set_string (builder, "comment", pending->comment);
  civic_json_set_day (builder, "effective_on", pending->effective_on);
  civic_json_set_instant (builder, "effective_at", pending->effective_at);
  civic_json_set_string (builder, "basis", pending->basis);
  json_builder_end_object (builder);
}

JsonNode *
civic_item_to_json (CivicItem *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  JsonObject *guide;

  RETURN_IF_NOT_ITEM (NULL);

  guide = self->guide != NULL ? json_node_get_object (self->guide)
          : self->pending != NULL && self->pending->guide != NULL
          ? json_node_get_object (self->pending->guide) : NULL;

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "id", self->code);
  civic_json_set_int (builder, "rev", self->rev);
  /* For the lists: what the item is called and whose it is */
  civic_json_set_string (builder, "code", self->code);
  civic_json_set_string (builder, "name", guide != NULL ? civic_item_guide_get_name (guide) : NULL);
  civic_json_set_string (builder, "type_code",
                         guide != NULL ? civic_item_guide_get_type_code (guide) : NULL);
  civic_json_set_string (builder, "department", self->department_id);
  civic_json_set_enum (builder, "state", CIVIC_TYPE_ITEM_STATE, self->state);
  civic_json_set_int (builder, "version", self->version);
  civic_json_set_day (builder, "effective_on", self->effective_on);
  civic_json_set_instant (builder, "effective_at", self->effective_at);
  set_guide (builder, "guide", self->guide);
  add_pending (builder, self->pending);
  json_builder_set_member_name (builder, "versions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->history->len; i++)
    {
      CivicItemHistory *entry = &g_array_index (self->history, CivicItemHistory, i);

      json_builder_begin_object (builder);
      civic_json_set_int (builder, "version", entry->version);
      civic_json_set_day (builder, "effective_on", entry->effective_on);
      civic_json_set_day (builder, "superseded_on", entry->superseded_on);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  civic_json_set_day (builder, "repealed_on", self->repealed_on);
  civic_json_set_string (builder, "repeal_basis", self->repeal_basis);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
invalid (GError     **error,
         const char  *what)
{
  if (error != NULL && *error == NULL)
    g_set_error (error, CIVIC_ITEM_ERROR, CIVIC_ITEM_ERROR_INVALID,
                 _("The service item is not valid: %s"), what);
  return FALSE;
}

static gboolean
dup_string (JsonObject  *object,
            const char  *member,
            char       **out,
            GError     **error)
{
  const char *value = NULL;

  if (!civic_json_get_string (object, member, FALSE, &value, error))
    return FALSE;
  g_free (*out);
  *out = g_strdup (value);
  return TRUE;
}

/* A guide as stored is canonical already; read again, it is checked
 * again, so a record edited by hand in a database cannot slip a member
 * past the rules */
static gboolean
read_guide (JsonObject  *object,
            JsonNode   **out,
            GError     **error)
{
  JsonNode *guide = json_object_get_member (object, "guide");

  if (guide == NULL || JSON_NODE_HOLDS_NULL (guide))
    return TRUE;
  *out = civic_item_guide_canonicalize (guide, error);
  return *out != NULL;
}

static CivicItemPending *
read_pending (JsonObject  *object,
              GError     **error)
{
  g_autoptr(CivicItemPending) pending = civic_item_pending_new (0, NULL);
  gint64 version;
  int state;

  g_strfreev (g_steal_pointer (&pending->authors));
  if (!civic_json_get_int (object, "version", TRUE, 1, G_MAXINT, &version, error) ||
      !civic_json_get_enum (object, "state", TRUE, CIVIC_TYPE_ITEM_VERSION_STATE, &state, error) ||
      !civic_json_get_bool (object, "repeal", FALSE, &pending->repeal, error) ||
      !read_guide (object, &pending->guide, error) ||
      !civic_json_get_strv (object, "authors", FALSE, &pending->authors, error) ||
      !dup_string (object, "author_name", &pending->author_name, error) ||
      !dup_string (object, "note", &pending->note, error) ||
      !dup_string (object, "reviewed_by_id", &pending->reviewed_by_id, error) ||
      !dup_string (object, "reviewed_by_name", &pending->reviewed_by_name, error) ||
      !dup_string (object, "comment", &pending->comment, error) ||
      !civic_json_get_day (object, "effective_on", FALSE, &pending->effective_on, error) ||
      !civic_json_get_instant (object, "effective_at", FALSE, &pending->effective_at, error) ||
      !dup_string (object, "basis", &pending->basis, error))
    return NULL;
  if (pending->authors == NULL)
    pending->authors = g_new0 (char *, 1);
  pending->version = (int) version;
  pending->state = state;
  if (pending->guide == NULL || state > CIVIC_ITEM_VERSION_SCHEDULED ||
      (state == CIVIC_ITEM_VERSION_SCHEDULED && pending->effective_at == NULL))
    {
      invalid (error, "pending");
      return NULL;
    }
  return g_steal_pointer (&pending);
}

CivicItem *
civic_item_new_from_json (JsonNode  *node,
                          GError   **error)
{
  g_autoptr(CivicItem) self = NULL;
  JsonObject *object, *pending = NULL;
  JsonArray *versions = NULL;
  const char *id = NULL, *department = NULL;
  gint64 version = 0;
  int state = 0;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, "not an object");
      return NULL;
    }
  object = json_node_get_object (node);
  if (!civic_json_get_string (object, "id", TRUE, &id, error) ||
      !civic_json_get_string (object, "department", FALSE, &department, error))
    return NULL;
  if (!civic_item_code_is_valid (id))
    {
      invalid (error, "id");
      return NULL;
    }
  self = civic_item_new (id, department);
  if (!civic_json_get_int (object, "rev", FALSE, 0, G_MAXINT64, &self->rev, error) ||
      !civic_json_get_enum (object, "state", TRUE, CIVIC_TYPE_ITEM_STATE, &state, error) ||
      !civic_json_get_int (object, "version", FALSE, 0, G_MAXINT, &version, error) ||
      !civic_json_get_day (object, "effective_on", FALSE, &self->effective_on, error) ||
      !civic_json_get_instant (object, "effective_at", FALSE, &self->effective_at, error) ||
      !read_guide (object, &self->guide, error) ||
      !civic_json_get_object (object, "pending", FALSE, &pending, error) ||
      !civic_json_get_array (object, "versions", FALSE, &versions, error) ||
      !civic_json_get_day (object, "repealed_on", FALSE, &self->repealed_on, error) ||
      !dup_string (object, "repeal_basis", &self->repeal_basis, error))
    return NULL;
  self->state = state;
  self->version = (int) version;
  if (pending != NULL && (self->pending = read_pending (pending, error)) == NULL)
    return NULL;
  for (guint i = 0; versions != NULL && i < json_array_get_length (versions); i++)
    {
      JsonObject *entry = civic_json_array_lookup_object (versions, i);
      CivicItemHistory history = { 0, CIVIC_DAY_INVALID, CIVIC_DAY_INVALID };
      gint64 number;

      if (entry == NULL ||
          !civic_json_get_int (entry, "version", TRUE, 1, G_MAXINT, &number, error) ||
          !civic_json_get_day (entry, "effective_on", TRUE, &history.effective_on, error) ||
          !civic_json_get_day (entry, "superseded_on", FALSE, &history.superseded_on, error))
        {
          invalid (error, "versions");
          return NULL;
        }
      history.version = (int) number;
      g_array_append_val (self->history, history);
    }
  /* What the commands keep together stays together */
  if ((self->state == CIVIC_ITEM_STATE_NEW) != (self->guide == NULL) ||
      (self->guide != NULL && self->version < 1) ||
      (self->state == CIVIC_ITEM_STATE_NEW && self->pending == NULL))
    {
      invalid (error, "state");
      return NULL;
    }
  return g_steal_pointer (&self);
}
