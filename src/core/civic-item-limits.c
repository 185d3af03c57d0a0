/* civic-item-limits.c — what the law allows a service item's time limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-item"

#include "config.h"

#include <string.h>

#include "civic-i18n.h"

#include "civic-item-guide.h"
#include "civic-json.h"

/* The statutory limit of a licence is set by the Administrative Licensing
 * Law: 20 working days, 45 when several departments decide it jointly
 * (Art. 42 ¶1–2), "unless a law or regulation provides otherwise" — so a
 * longer one, or one counted in calendar days as a special law counts
 * it (特种设备安全法 Art. 59: 三十日), is taken only with that law named,
 * and shown to the reviewer. The law sets no general limit for the other
 * types; the hall holds them to the licensing ceiling of 20 working days
 * unless a law is named, which is the hall's reading, not a statute's.
 *
 * The promised limit (承诺时限) is the organ's own, and never longer than
 * the statutory one: the engine counts both and the earlier governs under
 * review; extensions lengthen the statutory one only. Working days and
 * calendar days cannot be compared day for day, so both limits are
 * counted in the same unit.
 *
 * The ceilings are the law's, so they live here rather than in a file an
 * operator could change. */

#define ORDINARY_DAYS 20
#define JOINT_DAYS 45

void
civic_item_finding_free (CivicItemFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->field);
  g_free (finding->message);
  g_free (finding);
}

/**
 * civic_item_limits_ceiling:
 * @joint: whether several departments decide it
 * @basis: (out) (optional): where the ceiling comes from, translated
 *
 * Returns: the longest statutory limit, in working days, an item of
 * @type_code takes without naming another law
 */
int
civic_item_limits_ceiling (const char  *type_code,
                           gboolean     joint,
                           const char **basis)
{
  if (g_strcmp0 (type_code, "01") == 0)
    {
      if (basis != NULL)
        *basis = joint ? _("Administrative Licensing Law, Art. 42 ¶2")
                       : _("Administrative Licensing Law, Art. 42 ¶1");
      return joint ? JOINT_DAYS : ORDINARY_DAYS;
    }
  if (basis != NULL)
    *basis = _("the hall’s rule for items the law sets no general limit for");
  return joint ? JOINT_DAYS : ORDINARY_DAYS;
}

static void
add (GPtrArray  *findings,
     gboolean    refusal,
     const char *field,
     char       *message)
{
  CivicItemFinding *finding = g_new0 (CivicItemFinding, 1);

  finding->refusal = refusal;
  finding->field = g_strdup (field);
  finding->message = message;
  g_ptr_array_add (findings, finding);
}

static const char *
unit_words (CivicClockUnit unit)
{
  return unit == CIVIC_CLOCK_UNIT_CALENDAR_DAYS ? _("calendar days") : _("working days");
}

/**
 * civic_item_limits_check:
 * @guide: a canonical guide
 *
 * Returns: (transfer full) (element-type CivicItemFinding): what the law
 * says of its limits: refusals, which keep it from review and from effect,
 * and warnings the reviewer reads. Empty when all is well.
 */
GPtrArray *
civic_item_limits_check (JsonObject *guide)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) civic_item_finding_free);
  const char *type_code = civic_item_guide_get_type_code (guide);
  JsonObject *basis = civic_json_lookup_object (guide, "statutory_basis");
  const char *law = basis != NULL ? civic_json_lookup_string (basis, "law", NULL) : NULL;
  const char *ceiling_basis = NULL;
  int ceiling = civic_item_limits_ceiling (type_code, civic_item_guide_is_joint (guide),
                                           &ceiling_basis);
  CivicItemLimit statutory, promised;

  civic_item_guide_get_limits (guide, &statutory, &promised);

  if (statutory.days <= 0)
    add (findings, TRUE, "statutory.days", g_strdup (_("The statutory limit is at least one day")));
  else if (statutory.unit != CIVIC_CLOCK_UNIT_WORKING_DAYS || statutory.days > ceiling)
    {
      g_autofree char *limit = g_strdup_printf ("%d %s", statutory.days,
                                                unit_words (statutory.unit));

      if (law == NULL)
        add (findings, TRUE, "statutory.days",
             /* Translators: "The statutory limit (30 calendar days) is beyond what the law
              * allows for this item (20 working days, Administrative Licensing Law, Art. 42
              * ¶1): name the law or regulation that sets it" */
             g_strdup_printf (_("The statutory limit (%s) is beyond what the law allows for this "
                                "item (%d working days, %s): name the law or regulation that "
                                "sets it"), limit, ceiling, ceiling_basis));
      else
        add (findings, FALSE, "statutory_basis.law",
             /* Translators: "The statutory limit (30 calendar days) is longer than the usual
              * 20 working days, by 特种设备安全法: check the law named" */
             g_strdup_printf (_("The statutory limit (%s) is longer than the usual %d working "
                                "days, by %s: check the law named"), limit, ceiling, law));
    }

  if (promised.days > 0 && promised.unit != statutory.unit)
    add (findings, TRUE, "promised.unit",
         /* Translators: "The promised limit is counted in calendar days and the statutory one
          * in working days: count both the same way" */
         g_strdup_printf (_("The promised limit is counted in %s and the statutory one in %s: "
                            "count both the same way"),
                          unit_words (promised.unit), unit_words (statutory.unit)));
  else if (promised.days > statutory.days && statutory.days > 0)
    add (findings, TRUE, "promised.days",
         /* Translators: "The promised limit (25 working days) is longer than the statutory
          * one (20)" */
         g_strdup_printf (_("The promised limit (%d %s) is longer than the statutory one (%d)"),
                          promised.days, unit_words (promised.unit), statutory.days));

  if (g_strcmp0 (civic_json_lookup_string (guide, "track", NULL), "joint") == 0 &&
      !json_object_has_member (guide, "joint_departments"))
    add (findings, TRUE, "joint_departments",
         g_strdup (_("A joint item names the departments that decide it with this one")));
  return findings;
}

/**
 * civic_item_limits_refuse:
 *
 * Returns: %FALSE with the first refusal as %CIVIC_ITEM_ERROR_LIMIT
 * when the law does not allow @guide's limits
 */
gboolean
civic_item_limits_refuse (JsonObject  *guide,
                          GError     **error)
{
  g_autoptr(GPtrArray) findings = civic_item_limits_check (guide);

  for (guint i = 0; i < findings->len; i++)
    {
      CivicItemFinding *finding = g_ptr_array_index (findings, i);

      if (finding->refusal)
        {
          g_set_error_literal (error, CIVIC_ITEM_ERROR, CIVIC_ITEM_ERROR_LIMIT, finding->message);
          return FALSE;
        }
    }
  return TRUE;
}
