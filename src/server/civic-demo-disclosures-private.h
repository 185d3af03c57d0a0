/* civic-demo-disclosures-private.h — what the demo's disclosure generator shares between its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-demo-disclosures.h"
#include "civic-disclosure-kind.h"
#include "civic-disclosure-policy.h"

G_BEGIN_DECLS

/* civic-demo-disclosures.c plans each disclosure's life and plays it
 * through the kind's rules; civic-demo-disclosure-text.c writes its
 * catalogue and the text of each version from data/demo/disclosures.json. */

typedef enum
{
  CIVIC_DEMO_FATE_PUBLISHED,
  CIVIC_DEMO_FATE_DRAFT,
  CIVIC_DEMO_FATE_IN_REVIEW,
  CIVIC_DEMO_FATE_APPROVED,
  CIVIC_DEMO_FATE_SCHEDULED,
} CivicDemoFate;

typedef enum
{
  CIVIC_DEMO_WHEN_OFFICE,    /* @delay working days after the step before, at @minute */
  CIVIC_DEMO_WHEN_MINUTE,    /* at the minute the schedule before set */
  CIVIC_DEMO_WHEN_MIDNIGHT,  /* at the start of the day the publication before expires */
} CivicDemoWhen;

typedef struct
{
  const char                     *id;
  const char                     *name;
  const char                     *short_name;
  const char                     *mark;
  const char                     *department_kind;
  const char                     *head_title;
  JsonObject                     *info;      /* its entry in "organs" */
  const CivicDemoDisclosureStaff *staff;
  CivicDisclosurePolicy          *policy;
  char                           *phone;     /* its office line, as its guide publishes it */
  GPtrArray                      *items;     /* the names of its licences */
  GPtrArray                      *kinds;     /* JsonObject, repeated by weight */
  GPtrArray                      *normative; /* CivicDemoLife: its normative documents */
} CivicDemoOrgan;

typedef struct _CivicDemoLife CivicDemoLife;

typedef struct
{
  CivicDemoLife         *life;
  CivicDisclosureAction  action;
  CivicActor            *actor;
  CivicDemoWhen          when;
  guint                  delay;
  guint                  minute;
  guint                  second;
  guint                  gap;             /* minutes after the step before, on its day */
  CivicDisclosureState   state_after;
  gint64                 at;              /* seconds since the epoch, once placed */
  guint                  order;

  /* Arguments */
  char                  *text;            /* a body, a comment, a note, a reason, a notice */
  char                  *text2;           /* a withdrawal's internal reason */
  int                    choice;          /* a decision, a validity, a finding's kind */
  gboolean               redact;          /* a save that masks the head's blocking findings */
  guint                  part;            /* a save: the text up to part @part of @parts… */
  guint                  parts;           /* …or, 0, the whole text written anew */
  guint                  expire_days;     /* a publication's, 0: none */
  guint                  schedule_days;   /* a schedule's working days ahead… */
  guint                  schedule_minute; /* …at this minute */
  gint64                 publish_at;      /* a schedule's minute */
  CivicDay               expire_on;
} CivicDemoStep;

struct _CivicDemoLife
{
  char                    *id;
  CivicDemoOrgan          *organ;
  JsonObject              *kind;
  JsonObject              *text;            /* the templates: the kind's, or its interpretation's */
  CivicDisclosureCategory  category;
  gboolean                 normative;
  CivicDemoLife           *interprets;
  CivicDemoFate            fate;
  CivicDay                 formed_on;
  GHashTable              *vars;            /* placeholder → its value, fixed for the disclosure */

  char                    *title;
  char                    *summary;
  char                    *document_number;
  GPtrArray               *columns;
  GPtrArray               *keywords;

  JsonObject              *stat;            /* the figure its statistics give */

  /* What a detector of the privacy lint catches, when it carries one */
  JsonObject              *personal_template;
  char                    *personal_text;
  int                      personal_kind;
  char                    *personal_reason; /* an office's contact: why it stays */
  char                    *marked_name;
  gboolean                 acknowledged;

  GPtrArray               *steps;           /* CivicDemoStep */
  gint64                   last_at;
  CivicDisclosureState     planned_state;
  gint64                   published_at;
  CivicDisclosureValidity  validity;

  /* Played */
  CivicDisclosure         *record;
  guint                    applied;
  gboolean                 stopped;
  char                    *schedule_command_id;
  char                    *publish_command_id;
};

typedef struct
{
  const CivicDemoDisclosureInput *input;
  GRand                          *rand;
  CivicCalendar                  *calendar;
  gint64                          now;
  CivicDay                        today;
  CivicDay                        first_day;
  JsonObject                     *templates;
  JsonObject                     *words;
  JsonObject                     *tables;
  JsonArray                      *cities;
  GPtrArray                      *organs;        /* CivicDemoOrgan, repeated by weight */
  GPtrArray                      *all_organs;    /* CivicDemoOrgan, each once */
  GPtrArray                      *lives;
  GPtrArray                      *steps;
  GHashTable                     *titles;        /* "organ\ttitle" taken */
  GHashTable                     *numbers;       /* document numbers taken */
  guint                           order;
  guint                           personal_left;
  guint                           personal_turn; /* the next of the "personal" lines */
  guint                           acknowledged_left;
  guint                           review_turn;   /* the level the next review waits at */

  /* While a table is written */
  const char                     *row_label;
  guint                           row_seq;
  JsonObject                     *stat;
} CivicDemoGen;

/* Random helpers: the generator's own stream */

static inline int
civic_demo_rand_range (CivicDemoGen *gen,
                       int           min,
                       int           max)
{
  return g_rand_int_range (gen->rand, min, max + 1);
}

static inline gboolean
civic_demo_chance (CivicDemoGen *gen,
                   double        p)
{
  return g_rand_double (gen->rand) < p;
}

static inline const char *
civic_demo_pick_string (CivicDemoGen *gen,
                        JsonArray    *array)
{
  return json_array_get_string_element (array,
                                        civic_demo_rand_range (gen, 0, json_array_get_length (array) - 1));
}

static inline CivicDay
civic_demo_add_days (CivicDay day,
                     int      n)
{
  return (CivicDay) ((int) day + n);
}

/* civic-demo-disclosures.c */
gint64 civic_demo_instant (CivicDay       day,
                           guint          minute,
                           guint          second);
char  *civic_demo_uuid    (CivicDemoGen  *gen);

/* civic-demo-disclosure-text.c */
char *civic_demo_landline        (CivicDemoGen  *gen);
void  civic_demo_write_catalogue (CivicDemoGen  *gen,
                                  CivicDemoLife *life);
void  civic_demo_write_bodies    (CivicDemoGen  *gen,
                                  CivicDemoLife *life);

/* The id of an organ's column in the demo's catalogue, "scjg-licensing" */
char *civic_demo_column_id (const char *organ,
                            const char *slug);

G_END_DECLS
