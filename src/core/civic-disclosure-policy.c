/* civic-disclosure-policy.c — how an organ reviews and numbers what it publishes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-disclosure"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "civic-i18n.h"

#include "civic-core-enums.h"
#include "civic-disclosure.h"
#include "civic-disclosure-policy.h"
#include "civic-json.h"

/* One level of review by any of the organ's disclosure reviewers, full
 * masking, nothing on the guide: what an organ has until its
 * administrator says otherwise */
const CivicDisclosurePolicy *
civic_disclosure_policy_get_default (void)
{
  static const CivicDisclosurePolicy policy = {
    .review_levels = 1,
    .redaction = CIVIC_PRIVACY_REDACTION_FULL,
  };

  return &policy;
}

void
civic_disclosure_policy_free (CivicDisclosurePolicy *policy)
{
  if (policy == NULL)
    return;
  for (guint i = 0; i < CIVIC_DISCLOSURE_MAX_REVIEW_LEVELS; i++)
    g_strfreev (policy->reviewers[i]);
  g_free (policy->index_code);
  g_strfreev (policy->allowed_numbers);
  g_free (policy);
}

/**
 * civic_disclosure_policy_new_from_json:
 * @node: the organ's "disclosure" object
 *
 * {"review_levels": 2, "reviewers": [["u-a"], ["u-b", "u-c"]],
 *  "index_code": "11430000MB1234567X", "redaction": "partial",
 *  "allowed_numbers": ["0731-88889999", "xxgk@example.gov.cn"]}
 */
CivicDisclosurePolicy *
civic_disclosure_policy_new_from_json (JsonNode  *node,
                                       GError   **error)
{
  g_autoptr(CivicDisclosurePolicy) policy = g_new0 (CivicDisclosurePolicy, 1);
  JsonObject *object;
  JsonArray *reviewers = NULL;
  const char *code = NULL;
  gint64 levels = 1;
  int redaction = CIVIC_PRIVACY_REDACTION_FULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, CIVIC_DISCLOSURE_ERROR, CIVIC_DISCLOSURE_ERROR_INVALID,
                           _("An organ’s disclosure policy must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!civic_json_get_int (object, "review_levels", FALSE, 1, CIVIC_DISCLOSURE_MAX_REVIEW_LEVELS,
                           &levels, error) ||
      !civic_json_get_array (object, "reviewers", FALSE, &reviewers, error) ||
      !civic_json_get_string (object, "index_code", FALSE, &code, error) ||
      !civic_json_get_enum (object, "redaction", FALSE, CIVIC_TYPE_PRIVACY_REDACTION, &redaction,
                            error) ||
      !civic_json_get_strv (object, "allowed_numbers", FALSE, &policy->allowed_numbers, error))
    return NULL;

  policy->review_levels = (guint) levels;
  policy->redaction = redaction;
  if (code != NULL && *code != '\0')
    {
      for (const char *p = code; *p != '\0'; p++)
        if (!g_ascii_isalnum (*p) && *p != '-')
          {
            g_set_error (error, CIVIC_DISCLOSURE_ERROR, CIVIC_DISCLOSURE_ERROR_INVALID,
                         _("An index code has only letters, digits and hyphens, not “%s”"),
                         code);
            return NULL;
          }
      policy->index_code = g_strdup (code);
    }

  if (reviewers != NULL)
    {
      if (json_array_get_length (reviewers) > policy->review_levels)
        {
          g_set_error (error, CIVIC_DISCLOSURE_ERROR, CIVIC_DISCLOSURE_ERROR_INVALID,
                       _("Reviewers are named for %u levels, but the organ reviews at %u"),
                       json_array_get_length (reviewers), policy->review_levels);
          return NULL;
        }
      for (guint i = 0; i < json_array_get_length (reviewers); i++)
        {
          JsonNode *level = json_array_get_element (reviewers, i);
          g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
          g_autoptr(JsonNode) wrapped = NULL;

          /* read each level with the strict reader of string lists */
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "level");
          json_builder_add_value (builder, json_node_copy (level));
          json_builder_end_object (builder);
          wrapped = json_builder_get_root (builder);
          if (!civic_json_get_strv (json_node_get_object (wrapped), "level", TRUE,
                                    &policy->reviewers[i], error))
            return NULL;
        }
    }

  return g_steal_pointer (&policy);
}

JsonNode *
civic_disclosure_policy_to_json (const CivicDisclosurePolicy *policy)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (policy != NULL, NULL);

  json_builder_begin_object (builder);
  civic_json_set_int (builder, "review_levels", policy->review_levels);
  json_builder_set_member_name (builder, "reviewers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < policy->review_levels; i++)
    {
      json_builder_begin_array (builder);
      for (guint j = 0; policy->reviewers[i] != NULL && policy->reviewers[i][j] != NULL; j++)
        json_builder_add_string_value (builder, policy->reviewers[i][j]);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  civic_json_set_string (builder, "index_code", policy->index_code);
  civic_json_set_enum (builder, "redaction", CIVIC_TYPE_PRIVACY_REDACTION, policy->redaction);
  civic_json_set_strv (builder, "allowed_numbers",
                       (const char * const *) policy->allowed_numbers);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * civic_disclosure_policy_reviews_at:
 * @level: from 1
 *
 * Whether @actor may review at @level: anyone the policy names there, or,
 * where it names nobody, any disclosure reviewer or head of the organ
 */
gboolean
civic_disclosure_policy_reviews_at (const CivicDisclosurePolicy *policy,
                                    guint                        level,
                                    const CivicActor            *actor)
{
  GStrv named;

  g_return_val_if_fail (policy != NULL && actor != NULL, FALSE);

  if (level < 1 || level > policy->review_levels)
    return FALSE;
  if (!civic_actor_has_role (actor, CIVIC_ROLE_DISCLOSURE_REVIEWER | CIVIC_ROLE_DISCLOSURE_HEAD))
    return FALSE;
  named = policy->reviewers[level - 1];
  if (named == NULL || named[0] == NULL)
    return TRUE;
  return g_strv_contains ((const char * const *) named, actor->id);
}

char *
civic_disclosure_format_index_number (const char *code,
                                      int         year,
                                      guint       sequence)
{
  g_return_val_if_fail (code != NULL && *code != '\0', NULL);
  g_return_val_if_fail (year >= 1000 && year <= 9999 && sequence >= 1, NULL);

  return g_strdup_printf ("%s/%d-%05u", code, year, sequence);
}

gboolean
civic_disclosure_parse_index_number (const char  *index_number,
                                     char       **code,
                                     int         *year,
                                     guint       *sequence)
{
  const char *slash;
  int y = 0;
  unsigned int n = 0;
  int consumed = 0;

  if (index_number == NULL || (slash = strrchr (index_number, '/')) == NULL ||
      slash == index_number)
    return FALSE;
  if (sscanf (slash + 1, "%4d-%u%n", &y, &n, &consumed) != 2 ||
      slash[1 + consumed] != '\0' || y < 1000 || n < 1 || strlen (slash + 6) < 5)
    return FALSE;

  if (code != NULL)
    *code = g_strndup (index_number, slash - index_number);
  if (year != NULL)
    *year = y;
  if (sequence != NULL)
    *sequence = n;
  return TRUE;
}
