/* civic-catalogue-io.c — a catalogue in and out, as a province's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-catalogue-io"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "civic-i18n.h"

#include "civic-attachment-blobs.h"
#include "civic-catalogue-io.h"
#include "civic-commands.h"
#include "civic-entity.h"
#include "civic-item-kind.h"
#include "civic-item-records.h"
#include "civic-json.h"
#include "civic-server-db.h"
#include "civic-time.h"

/* A province loads the implementation lists it has (docs/catalogue.md)
 * and gets its own back in the same shape: `{format, format_version,
 * items: [{code, department, version, state, effective_on, guide}]}`,
 * the items by code, each guide canonical, so that a catalogue exported
 * and imported is the same bytes. The files a guide names travel beside
 * it as `files/<sha256>`.
 *
 * An import is checked whole — every guide, every limit, every
 * department, every file — and refused whole, naming each item at fault,
 * as the templates' import is. Then each item whose guide differs from
 * the one in effect becomes a version scheduled for its day, by the
 * service's command import-item-version; its id is derived from the
 * file's digest and the code, so a rerun is a replay and changes
 * nothing. */

#define MAX_ERRORS 20

static char *
format_day (CivicDay day)
{
  return day != CIVIC_DAY_INVALID ? civic_day_format (day) : NULL;
}

static gboolean
write_file (CivicDb      *db,
            const char   *files_dir,
            const char   *sha256,
            GError      **error)
{
  g_autofree char *path = g_build_filename (files_dir, sha256, NULL);
  g_autoptr(GBytes) content = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  content = civic_attachment_blobs_get (db, sha256, error);
  return content != NULL &&
         g_file_set_contents (path, g_bytes_get_data (content, NULL), g_bytes_get_size (content),
                              error);
}

/**
 * civic_catalogue_export:
 * @department: (nullable): one department's items; all without
 * @files_dir: (nullable): where to write the files the guides name
 *
 * Returns: (transfer full) (nullable): the items in effect, and the
 * repealed with their last guide, as a catalogue document
 */
JsonNode *
civic_catalogue_export (CivicDb      *db,
                        const char   *department,
                        const char   *files_dir,
                        GError      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  CivicDbStmt *stmt;
  gboolean row, ok;

  if (files_dir != NULL && g_mkdir_with_parents (files_dir, 0700) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   _("Cannot make the folder %s"), files_dir);
      return NULL;
    }
  stmt = civic_db_prepare (db, "SELECT code FROM item_record WHERE state <> 'new' AND "
                               "  (?1 IS NULL OR department_id = ?1) ORDER BY code", error);
  if (stmt == NULL)
    return NULL;
  civic_db_bind_text (stmt, 1, department);
  while ((ok = civic_db_step (db, stmt, &row, error)) && row)
    g_ptr_array_add (codes, g_strdup (civic_db_column_text (stmt, 0)));
  civic_db_reset (stmt);
  if (!ok)
    return NULL;

  json_builder_begin_object (builder);
  civic_json_set_string (builder, "format", CIVIC_CATALOGUE_FORMAT);
  civic_json_set_int (builder, "format_version", CIVIC_CATALOGUE_FORMAT_VERSION);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < codes->len; i++)
    {
      g_autoptr(CivicItem) item = civic_item_records_load (db, g_ptr_array_index (codes, i),
                                                           error);
      g_autofree char *effective_on = NULL;
      g_autofree char *repealed_on = NULL;
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

      if (item == NULL)
        return NULL;
      effective_on = format_day (civic_item_get_effective_on (item));
      repealed_on = format_day (civic_item_get_repealed_on (item));
      json_builder_begin_object (builder);
      civic_json_set_string (builder, "code", civic_item_get_code (item));
      civic_json_set_string (builder, "department", civic_item_get_department_id (item));
      civic_json_set_int (builder, "version", civic_item_get_version (item));
      civic_json_set_string (builder, "state",
                             civic_item_get_state (item) == CIVIC_ITEM_STATE_REPEALED
                             ? "repealed" : "effective");
      civic_json_set_string (builder, "effective_on", effective_on);
      if (repealed_on != NULL)
        {
          civic_json_set_string (builder, "repealed_on", repealed_on);
          civic_json_set_string (builder, "repeal_basis", civic_item_get_repeal_basis (item));
        }
      json_builder_set_member_name (builder, "guide");
      json_builder_add_value (builder, json_node_init_object (json_node_alloc (),
                                                              civic_item_get_guide (item)));
      json_builder_end_object (builder);

      civic_item_guide_collect_files (civic_item_get_guide (item), files);
      for (guint f = 0; files_dir != NULL && f < files->len; f++)
        if (!write_file (db, files_dir, g_ptr_array_index (files, f), error))
          return NULL;
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Import */

typedef struct
{
  char     *code;
  char     *department;
  JsonNode *guide;       /* canonical */
  CivicDay  effective_on;
  gint64    rev;         /* of the item kept, 0 for a new one */
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->code);
  g_free (entry->department);
  g_clear_pointer (&entry->guide, json_node_unref);
  g_free (entry);
}

static void
add_problem (GString    *problems,
             guint      *n_problems,
             const char *code,
             const char *message)
{
  if (++*n_problems > MAX_ERRORS)
    return;
  /* Translators: one bad item of a catalogue: "430000-SCJG-XK-0001: The promised limit …" */
  g_string_append_printf (problems, _("\n  %s: %s"), code, message);
}

static gboolean
department_exists (CivicDb     *db,
                   const char  *id)
{
  g_autoptr(JsonNode) node = civic_server_db_get_entity_json (db, CIVIC_ENTITY_DEPARTMENT, id,
                                                              NULL);

  return node != NULL;
}

/* A file a guide names: already received for the item, or beside the
 * document with the bytes its name says */
static gboolean
check_file (CivicDb      *db,
            const char   *code,
            const char   *files_dir,
            const char   *sha256,
            GPtrArray    *to_store,
            char        **problem)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *actual = NULL;
  gsize length;
  CivicDbStmt *stmt;
  gboolean row = FALSE;

  stmt = civic_db_prepare (db, "SELECT 1 FROM item_upload WHERE code = ? AND sha256 = ?",
                           NULL);
  if (stmt != NULL)
    {
      civic_db_bind_text (stmt, 1, code);
      civic_db_bind_text (stmt, 2, sha256);
      civic_db_step (db, stmt, &row, NULL);
      civic_db_reset (stmt);
    }
  if (row)
    return TRUE;
  if (files_dir == NULL)
    {
      *problem = g_strdup_printf (_("the file %s is not beside the catalogue"), sha256);
      return FALSE;
    }
  path = g_build_filename (files_dir, sha256, NULL);
  if (!g_file_get_contents (path, &contents, &length, NULL))
    {
      *problem = g_strdup_printf (_("the file %s is not in %s"), sha256, files_dir);
      return FALSE;
    }
  actual = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  if (strcmp (actual, sha256) != 0)
    {
      *problem = g_strdup_printf (_("the file %s holds other bytes (%s)"), sha256, actual);
      return FALSE;
    }
  g_ptr_array_add (to_store, g_bytes_new_take (g_steal_pointer (&contents), length));
  return TRUE;
}

static gboolean
store_files (CivicDb      *db,
             Entry        *entry,
             GPtrArray    *contents,
             GDateTime    *now,
             guint        *n_files,
             GError      **error)
{
  JsonArray *materials = json_object_has_member (json_node_get_object (entry->guide), "materials")
                         ? json_object_get_array_member (json_node_get_object (entry->guide),
                                                         "materials") : NULL;
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);
  g_autofree char *at = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  for (guint i = 0; i < contents->len; i++)
    {
      GBytes *content = g_ptr_array_index (contents, i);
      g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
      const char *name = sha256, *media_type = "application/octet-stream";
      CivicDbStmt *stmt;

      for (guint m = 0; materials != NULL && m < json_array_get_length (materials); m++)
        for (CivicItemFileRole role = CIVIC_ITEM_FILE_SAMPLE; role <= CIVIC_ITEM_FILE_BLANK_FORM;
             role++)
          {
            JsonObject *file = civic_json_lookup_object (json_array_get_object_element (materials,
                                                                                         m),
                                                         civic_item_file_role_member (role));

            if (file != NULL && g_strcmp0 (civic_json_lookup_string (file, "sha256", NULL),
                                           sha256) == 0)
              {
                name = civic_json_lookup_string (file, "name", name);
                media_type = civic_json_lookup_string (file, "media_type", media_type);
              }
          }
      if (!civic_attachment_blobs_check (name, media_type, g_bytes_get_size (content), error))
        {
          g_prefix_error (error, "%s: ", entry->code);
          return FALSE;
        }
      stmt = civic_db_prepare (db, "INSERT INTO item_upload (code, sha256, name, media_type, "
                                   "  size, uploaded_by, uploaded_at) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, 'import', ?6) "
                                   "ON CONFLICT (code, sha256) DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;
      civic_db_bind_text (stmt, 1, entry->code);
      civic_db_bind_text (stmt, 2, sha256);
      civic_db_bind_text (stmt, 3, name);
      civic_db_bind_text (stmt, 4, media_type);
      civic_db_bind_int64 (stmt, 5, g_bytes_get_size (content));
      civic_db_bind_text (stmt, 6, at);
      if (!civic_attachment_blobs_put (db, sha256, content, at, error) ||
          !civic_db_run (db, stmt, error))
        return FALSE;
      (*n_files)++;
    }
  return TRUE;
}

/* The names and types the guide gives its files, by the attachment rules */
static gboolean
check_names (Entry   *entry,
             GError **error)
{
  JsonObject *guide = json_node_get_object (entry->guide);
  JsonArray *materials = json_object_has_member (guide, "materials")
                         ? json_object_get_array_member (guide, "materials") : NULL;

  for (guint i = 0; materials != NULL && i < json_array_get_length (materials); i++)
    for (CivicItemFileRole role = CIVIC_ITEM_FILE_SAMPLE; role <= CIVIC_ITEM_FILE_BLANK_FORM; role++)
      {
        JsonObject *file = civic_json_lookup_object (json_array_get_object_element (materials, i),
                                                     civic_item_file_role_member (role));

        if (file != NULL &&
            !civic_attachment_blobs_check (civic_json_lookup_string (file, "name", ""),
                                           civic_json_lookup_string (file, "media_type", ""),
                                           civic_json_lookup_int (file, "size", 0), error))
          return FALSE;
      }
  return TRUE;
}

/* Whether the service has this guide already: in effect, or scheduled */
static gboolean
unchanged (CivicItem *item,
           JsonNode  *guide)
{
  const CivicItemPending *pending = civic_item_get_pending (item);
  JsonObject *current = civic_item_get_guide (item);

  if (pending != NULL)
    return pending->state == CIVIC_ITEM_VERSION_SCHEDULED && !pending->repeal &&
           json_node_equal (pending->guide, guide);
  return current != NULL && civic_item_get_state (item) == CIVIC_ITEM_STATE_EFFECTIVE &&
         json_object_equal (current, json_node_get_object (guide));
}

/* The command that imports an entry: the same file, on the same item as
 * it stood, for the same day, is a replay; anything else a command of its
 * own (a refusal is not answered again once what refused it changed) */
static char *
command_id (const char *digest,
            Entry      *entry)
{
  g_autofree char *day = civic_day_format (entry->effective_on);
  g_autofree char *seed = g_strdup_printf ("catalogue\n%s\n%s\n%" G_GINT64_FORMAT "\n%s",
                                           digest, entry->code, entry->rev, day);

  return civic_commands_derived_id (seed);
}

/**
 * civic_catalogue_import:
 * @digest: the SHA-256 of the document's bytes, which the commands' ids
 *   are derived from
 * @files_dir: (nullable): where the files the guides name are
 * @department: (nullable): the department of every item that names none
 *   (and of every item, when given)
 * @effective_on: the day the changes take effect, or %CIVIC_DAY_INVALID
 *   for each item's own (today at the earliest)
 * @dry_run: check and count, change nothing
 *
 * Loads a catalogue document, whole or not at all.
 */
gboolean
civic_catalogue_import (CivicDb               *db,
                        CivicCalendar         *calendar,
                        GDateTime             *now,
                        JsonNode              *document,
                        const char            *digest,
                        const char            *files_dir,
                        const char            *department,
                        CivicDay               effective_on,
                        gboolean               dry_run,
                        CivicCatalogueImport  *result,
                        GError               **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) problems = g_string_new (NULL);
  CivicCommandEnv env = { db, calendar, now, "catalogue-import", NULL };
  CivicDay today = civic_time_day_of (now);
  g_autoptr(GError) bad = NULL;
  JsonObject *root;
  JsonArray *items = NULL;
  guint n_problems = 0;
  gint64 version = 0;

  memset (result, 0, sizeof *result);
  if (document == NULL || !JSON_NODE_HOLDS_OBJECT (document) ||
      g_strcmp0 (civic_json_lookup_string (json_node_get_object (document), "format", NULL),
                 CIVIC_CATALOGUE_FORMAT) != 0)
    {
      g_set_error (error, CIVIC_ITEM_ERROR, CIVIC_ITEM_ERROR_INVALID,
                   _("This is not a catalogue: its “format” is not “%s”"), CIVIC_CATALOGUE_FORMAT);
      return FALSE;
    }
  root = json_node_get_object (document);
  if (!civic_json_get_int (root, "format_version", TRUE, 1, G_MAXINT, &version, &bad) ||
      !civic_json_get_array (root, "items", TRUE, &items, &bad))
    {
      /* A list without its version or its items is refused as a list */
      g_set_error_literal (error, CIVIC_ITEM_ERROR, CIVIC_ITEM_ERROR_INVALID, bad->message);
      return FALSE;
    }
  if (version > CIVIC_CATALOGUE_FORMAT_VERSION)
    {
      g_set_error (error, CIVIC_ITEM_ERROR, CIVIC_ITEM_ERROR_INVALID,
                   _("The catalogue is of format version %d; this service reads up to %d"),
                   (int) version, CIVIC_CATALOGUE_FORMAT_VERSION);
      return FALSE;
    }

  /* Every item checked before anything is written */
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *given = civic_json_array_lookup_object (items, i);
      g_autoptr(GError) local = NULL;
      g_autoptr(GPtrArray) sha256s = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                       g_bytes_unref);
      g_autofree char *number = g_strdup_printf ("#%u", i + 1);
      Entry *entry;
      const char *code = given != NULL ? civic_json_lookup_string (given, "code", NULL) : NULL;
      const char *owner = department != NULL ? department
                          : given != NULL ? civic_json_lookup_string (given, "department", NULL)
                          : NULL;
      CivicDay day = CIVIC_DAY_INVALID;

      if (code == NULL || !civic_item_code_is_valid (code))
        {
          add_problem (problems, &n_problems, code != NULL ? code : number,
                       _("a code is 4 to 64 letters, digits and hyphens"));
          continue;
        }
      if (!g_hash_table_add (seen, (gpointer) code))
        {
          add_problem (problems, &n_problems, code, _("the code is listed twice"));
          continue;
        }
      if (owner == NULL || !department_exists (db, owner))
        {
          add_problem (problems, &n_problems, code,
                       owner != NULL ? _("no such department") : _("no department"));
          continue;
        }
      entry = g_new0 (Entry, 1);
      entry->code = g_strdup (code);
      entry->department = g_strdup (owner);
      g_ptr_array_add (entries, entry);
      g_ptr_array_add (files, g_ptr_array_ref (contents));
      entry->guide = civic_item_guide_canonicalize (json_object_get_member (given, "guide"),
                                                    &local);
      if (entry->guide == NULL ||
          !civic_item_limits_refuse (json_node_get_object (entry->guide), &local))
        {
          add_problem (problems, &n_problems, code, local->message);
          continue;
        }
      if (!civic_json_get_day (given, "effective_on", FALSE, &day, NULL))
        day = CIVIC_DAY_INVALID;
      entry->effective_on = effective_on != CIVIC_DAY_INVALID ? effective_on
                            : day != CIVIC_DAY_INVALID && day > today ? day : today;
      civic_item_guide_collect_files (json_node_get_object (entry->guide), sha256s);
      for (guint f = 0; f < sha256s->len; f++)
        {
          g_autofree char *problem = NULL;

          if (!check_file (db, code, files_dir, g_ptr_array_index (sha256s, f), contents,
                           &problem))
            add_problem (problems, &n_problems, code, problem);
        }
      if (!check_names (entry, &local))
        {
          add_problem (problems, &n_problems, code, local->message);
          continue;
        }
      /* What the item's own rules would refuse midway, found now */
      {
        g_autoptr(CivicItem) item = civic_item_records_load (db, code, &local);
        const CivicItemPending *pending = item != NULL ? civic_item_get_pending (item) : NULL;

        if (local != NULL)
          add_problem (problems, &n_problems, code, local->message);
        else if (item != NULL && g_strcmp0 (civic_item_get_department_id (item), owner) != 0)
          add_problem (problems, &n_problems, code, _("the item is kept by another department"));
        else if (pending != NULL && pending->state != CIVIC_ITEM_VERSION_SCHEDULED)
          add_problem (problems, &n_problems, code,
                       _("a change is drafted or in review: finish or discard it first"));
        else if (pending != NULL && !unchanged (item, entry->guide) &&
                 civic_item_get_state (item) == CIVIC_ITEM_STATE_EFFECTIVE &&
                 json_object_equal (civic_item_get_guide (item),
                                    json_node_get_object (entry->guide)))
          add_problem (problems, &n_problems, code,
                       _("another version is approved to take effect: take it back first"));
        if (item != NULL)
          entry->rev = civic_item_get_rev (item);
      }
    }
  if (n_problems > 0)
    {
      if (n_problems > MAX_ERRORS)
        g_string_append_printf (problems, _("\n  and %u more"), n_problems - MAX_ERRORS);
      g_set_error (error, CIVIC_ITEM_ERROR, CIVIC_ITEM_ERROR_INVALID,
                   /* Translators: the list of bad items follows, one a line */
                   _("The catalogue was not imported; nothing changed. %u items are wrong:%s"),
                   n_problems, problems->str);
      return FALSE;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      g_autoptr(CivicItem) item = civic_item_records_load (db, entry->code, error);
      g_autoptr(JsonObject) args = NULL;
      g_autoptr(JsonObject) data = NULL;
      g_autofree char *id = NULL;
      g_autofree char *day = NULL;
      g_autofree char *refusal = NULL;

      if (item == NULL && error != NULL && *error != NULL)
        return FALSE;
      if (item != NULL && unchanged (item, entry->guide))
        {
          result->unchanged++;
          continue;
        }
      if (item == NULL)
        result->new_items++;
      else
        result->changed++;
      if (dry_run)
        continue;

      if (!civic_db_begin (db, error))
        return FALSE;
      if (!store_files (db, entry, g_ptr_array_index (files, i), now, &result->files, error) ||
          !civic_db_commit (db, error))
        {
          civic_db_rollback (db);
          return FALSE;
        }
      args = json_object_new ();
      json_object_set_member (args, "guide", json_node_ref (entry->guide));
      json_object_set_string_member (args, "department_id", entry->department);
      day = civic_day_format (entry->effective_on);
      json_object_set_string_member (args, "effective_on", day);
      id = command_id (digest, entry);
      data = civic_commands_run_as_service (&env, id,
                                            civic_item_kind.action_to_string (
                                              CIVIC_ITEM_ACTION_IMPORT_VERSION),
                                            entry->code, args, &refusal, error);
      if (data == NULL)
        {
          if (refusal != NULL)
            g_set_error (error, CIVIC_ITEM_ERROR, CIVIC_ITEM_ERROR_INVALID,
                         /* Translators: an item refused midway: "430000-…: the item is kept by
                          * another department" */
                         _("%s: %s (the items before it were imported)"), entry->code, refusal);
          return FALSE;
        }
    }
  return TRUE;
}
