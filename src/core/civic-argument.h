/* civic-argument.h — what an action asks for, declared as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* How an argument is given: what the wire carries, and so what a form
 * asks with. */
typedef enum
{
  CIVIC_ARGUMENT_LINE,       /* one line of text */
  CIVIC_ARGUMENT_TEXT,       /* several lines, perhaps with common phrases */
  CIVIC_ARGUMENT_CHOICE,     /* one of an enum's nicks */
  CIVIC_ARGUMENT_DATE,       /* YYYY-MM-DD; today unless changed */
  CIVIC_ARGUMENT_TIME,       /* HH:MM, a time of day */
  CIVIC_ARGUMENT_NUMBER,     /* a whole number in a range */
  CIVIC_ARGUMENT_SWITCH,     /* true or false */
  CIVIC_ARGUMENT_NAMES,      /* names typed, separated by commas or 、: an array */
  CIVIC_ARGUMENT_CHECKLIST,  /* several of the options: an array of their values */
  CIVIC_ARGUMENT_OPTION,     /* one of the options: an official's, a room's, a party's id */
  CIVIC_ARGUMENT_MARKDOWN,   /* a document's body, written in its own editor, never in a form */
  CIVIC_ARGUMENT_GUIDE,      /* a service item's guide, an object the item editor writes, never in a form */
  CIVIC_ARGUMENT_PASSWORD,   /* a temporary password the client makes and shows once: only its
                              * Argon2id hash travels (civic_account_check_password_hash()) */
  CIVIC_ARGUMENT_KEY,        /* a key for another program the client makes and shows once: only
                              * its SHA-256, in hex, travels (an Open311 client's) */
} CivicArgumentKind;

/* One thing a checklist or an official's choice offers. */
typedef struct
{
  char     *value;    /* as the wire carries it: a material's or a user's id */
  char     *label;    /* as the official reads it */
  char     *detail;   /* (nullable): "Required" */
  gboolean  active;   /* checked when the form opens */
} CivicArgumentOption;

/* What options are drawn from besides the record itself. */
typedef struct
{
  GPtrArray  *users;  /* the users directory: JsonNode objects, as the feed has them */
  const char *me;     /* the official filling in the form */
  GPtrArray  *rooms;  /* the rooms: JsonNode objects, as the feed has them */
  const char *department;  /* the official's department */
  GPtrArray  *columns;     /* the disclosure columns: JsonNode objects, as the feed has them */
  GPtrArray  *departments; /* the departments: JsonNode objects, as the feed has them */
  guint       roles;       /* the official's CivicRole flags */
} CivicArgumentSources;

/* One argument of one action. A kind declares them beside its actions
 * (civic-case-arguments.c); the service keeps these members of a command
 * and nothing else, docs/api.md lists them (tests/core/test-api-doc.c
 * checks), and the client's form is built from them (civic-form.c). */
typedef struct
{
  const char        *name;          /* the member on the wire */
  CivicArgumentKind  kind;
  /* The rules refuse the action without it — when it is asked and shown */
  gboolean           required;
  const char        *title;         /* N_(), with its mnemonic: "_Reason" */
  const char        *description;   /* N_() (nullable): a switch's subtitle, a list's why */
  const char        *phrases;       /* TEXT (nullable): the set of common phrases (常用意见) */

  /* Asked only when another argument, a choice, has this value (a denial's
   * remedies) */
  struct {
    const char *name;
    const char *value;
  } shown_when;

  /* LINE, TEXT (nullable): what the record already says the answer usually is,
   * filled in at first for one record (a refusal's legal basis and
   * remedies, from the catalogue); the official may change it */
  char            *(*usual_text) (GObject *record);

  /* CHOICE: the values are the enum's nicks, the usual answer chosen at
   * first; without one the official chooses. A value whose label is
   * %NULL is not offered (a state the enum has, but no official chooses).
   * DATE: the day a thing happened opens as today; "none" opens empty,
   * for a day to come that is usually not set (a disclosure's expiry) */
  GType            (*enum_type)  (void);
  const char      *(*enum_label) (int value);
  const char        *usual;

  /* NUMBER: the range and the usual value (SWITCH: on when 1); @max_for,
   * when set, gives the record's own upper limit, which is also the usual
   * value */
  int                min;
  int                max;
  int                usual_number;
  int              (*max_for)    (GObject *record);
  /* NUMBER (nullable): the value the record holds now, which an edit
   * opens with */
  int              (*usual_number_for) (GObject *record);

  /* (nullable): whether the action asks for it at all, for this record
   * and this many records at once (a decision's number is not asked of a
   * batch) */
  gboolean         (*asked)      (GObject *record,
                                  guint    n_records);
  /* CHECKLIST, OFFICIAL: CivicArgumentOption, in the order shown */
  GPtrArray       *(*options)    (GObject                    *record,
                                  const CivicArgumentSources *sources);
} CivicArgument;

/* A list of arguments ends with one without a name. */
#define CIVIC_ARGUMENTS_END { .name = NULL }

CivicArgumentOption *civic_argument_option_new  (const char          *value,
                                                 const char          *label,
                                                 const char          *detail,
                                                 gboolean             active);
void                 civic_argument_option_free (CivicArgumentOption *option);

typedef gboolean (*CivicDepartmentFilter) (const char *department_id,
                                           gpointer    user_data);

GPtrArray           *civic_argument_departments (const CivicArgumentSources *sources,
                                                 CivicDepartmentFilter       keep,
                                                 gpointer                    user_data);

guint                civic_arguments_count      (const CivicArgument *arguments);
const CivicArgument *civic_arguments_find       (const CivicArgument *arguments,
                                                 const char          *name);
gboolean             civic_argument_is_asked    (const CivicArgument *argument,
                                                 GObject             *record,
                                                 guint                n_records);
JsonObject          *civic_arguments_keep       (const CivicArgument *arguments,
                                                 JsonObject          *args);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicArgumentOption, civic_argument_option_free)

G_END_DECLS
