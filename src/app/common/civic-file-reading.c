/* civic-file-reading.c — a file the official chose, read to be attached
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "civic-attachment.h"
#include "civic-file-reading.h"
#include "civic-workflow.h"

/* Whatever a file is attached to — a disclosure's draft, a citizen's
 * message — it is one of the types the service takes, at most 20 MiB,
 * and a file: refused before a byte of it is read, with its name. */

void
civic_read_file_free (CivicReadFile *file)
{
  if (file == NULL)
    return;
  g_free (file->name);
  g_free (file->media_type);
  g_clear_pointer (&file->content, g_bytes_unref);
  g_free (file);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CivicReadFile *file = g_task_get_task_data (task);
  GError *error = NULL;
  char *data = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &data, &length, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  {
    CivicReadFile *read = g_new0 (CivicReadFile, 1);

    read->name = g_steal_pointer (&file->name);
    read->media_type = g_steal_pointer (&file->media_type);
    read->content = g_bytes_new_take (data, length);
    g_task_return_pointer (task, read, (GDestroyNotify) civic_read_file_free);
  }
}

static void
queried_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CivicReadFile *file = g_task_get_task_data (task);
  g_autoptr(GFileInfo) info = NULL;
  GError *error = NULL;
  const char *guess;

  info = g_file_query_info_finish (G_FILE (source), result, &error);
  if (info == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  file->name = g_strdup (g_file_info_get_display_name (info));
  guess = g_file_info_get_content_type (info);
  {
    g_autofree char *mime = guess != NULL ? g_content_type_get_mime_type (guess) : NULL;

    file->media_type = g_strdup (civic_attachment_media_type_for (mime, file->name));
  }
  if (file->media_type == NULL)
    g_set_error (&error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                 _("“%s” cannot be attached: attach PDF, text, Markdown, CSV, PNG, JPEG, OFD, "
                   "Word, Excel, OpenDocument or ZIP files"), file->name);
  else if (g_file_info_get_size (info) > CIVIC_ATTACHMENT_MAX_SIZE)
    g_set_error (&error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                 _("“%s” is larger than 20 MiB"), file->name);
  else if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    g_set_error (&error, CIVIC_WORKFLOW_ERROR, CIVIC_WORKFLOW_ERROR_ARGUMENT,
                 _("“%s” is not a file"), file->name);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  {
    GCancellable *cancellable = g_task_get_cancellable (task);

    g_file_load_contents_async (G_FILE (source), cancellable, loaded_cb, g_steal_pointer (&task));
  }
}

/**
 * civic_file_read_async:
 *
 * Reads @file to be attached: its name, the type it is sent as, its
 * bytes. A file of a type not taken, larger than 20 MiB, or not a file
 * is refused (%CIVIC_WORKFLOW_ERROR_ARGUMENT) before it is read.
 */
void
civic_file_read_async (GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task = g_task_new (file, cancellable, callback, user_data);

  g_task_set_source_tag (task, civic_file_read_async);
  g_task_set_task_data (task, g_new0 (CivicReadFile, 1), (GDestroyNotify) civic_read_file_free);
  g_file_query_info_async (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                                 G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE ","
                                 G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                 G_FILE_ATTRIBUTE_STANDARD_TYPE,
                           G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT, cancellable, queried_cb,
                           task);
}

/**
 * civic_file_read_finish:
 *
 * Returns: (transfer full) (nullable): the file read, or %NULL and the
 * reason
 */
CivicReadFile *
civic_file_read_finish (GAsyncResult  *result,
                        GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
