/* civic-item-guide-private.h — the shape of a guide, for the files that walk it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-item-guide.h"

G_BEGIN_DECLS

/* civic-item-guide.c checks a guide against it, civic-item-diff.c tells
 * two versions apart by it. */

typedef enum
{
  CIVIC_GUIDE_LINE,      /* one line of text */
  CIVIC_GUIDE_TEXT,      /* several lines */
  CIVIC_GUIDE_ID,        /* letters, digits, - and _ */
  CIVIC_GUIDE_SHA256,    /* 64 lowercase hexadecimal digits */
  CIVIC_GUIDE_CHOICE,    /* one of @choices */
  CIVIC_GUIDE_INT,       /* from @min to @max */
  CIVIC_GUIDE_BOOL,
  CIVIC_GUIDE_OBJECT,    /* of @fields */
  CIVIC_GUIDE_LIST,      /* of objects of @fields, at most @max_items */
  CIVIC_GUIDE_STRINGS,   /* of lines, each once */
  CIVIC_GUIDE_CHOICES,   /* of @choices, each once */
} CivicGuideFieldType;

typedef struct _CivicGuideField CivicGuideField;

struct _CivicGuideField
{
  const char            *name;
  CivicGuideFieldType    type;
  gboolean               required;
  const char            *label;      /* N_(): "Promised Limit" */
  gint64                 min;
  gint64                 max;        /* INT: the range; text: the most characters */
  const char * const    *choices;
  const CivicGuideField *fields;
  guint                  max_items;
};

extern const CivicGuideField civic_item_guide_fields[];

G_END_DECLS
