/* civic-hearing-conflicts.c — rooms, hosts and people booked twice: a sort and a sweep
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-hearing"

#include "config.h"

#include <string.h>

#include "civic-hearing-private.h"

/* Conflicts */

typedef struct
{
  const char *id;
  gboolean    hosts;
} Person;

/* A hearing as the sweep sees it: times as numbers, people deduplicated. */
typedef struct
{
  CivicHearing *hearing;
  const char   *room_id;
  gint64        start;
  gint64        end;
  GArray       *people;
} Booking;

static gint64
to_usec (GDateTime *instant)
{
  return g_date_time_to_unix (instant) * G_USEC_PER_SEC + g_date_time_get_microsecond (instant);
}

static void
add_person (GArray     *people,
            const char *id,
            gboolean    hosts)
{
  Person person = { id, hosts };

  if (id == NULL)
    return;

  for (guint i = 0; i < people->len; i++)
    {
      Person *known = &g_array_index (people, Person, i);

      if (g_strcmp0 (known->id, id) == 0)
        {
          known->hosts |= hosts;
          return;
        }
    }

  g_array_append_val (people, person);
}

/* Whether @hearing holds a room and people at a time: not once cancelled
 * or withdrawn, nor before it has a time (nor while postponed). */
static gboolean
booking_init (Booking                *booking,
              CivicHearing           *hearing,
              const CivicHearingSlot *slot)
{
  GDateTime *starts_at = slot ? slot->starts_at : hearing->starts_at;
  GDateTime *ends_at = slot ? slot->ends_at : hearing->ends_at;

  if (hearing->state == CIVIC_HEARING_STATE_CANCELLED ||
      hearing->state == CIVIC_HEARING_STATE_WITHDRAWN || starts_at == NULL || ends_at == NULL)
    return FALSE;

  booking->hearing = hearing;
  booking->room_id = slot ? slot->room_id : hearing->room_id;
  booking->start = to_usec (starts_at);
  booking->end = to_usec (ends_at);
  if (booking->end <= booking->start)
    return FALSE;

  booking->people = g_array_new (FALSE, FALSE, sizeof (Person));
  add_person (booking->people, slot ? slot->host_id : hearing->host_id, TRUE);
  add_person (booking->people, hearing->clerk_id, FALSE);
  for (guint i = 0; i < hearing->participants->len; i++)
    add_person (booking->people,
                ((CivicHearingParticipant *) g_ptr_array_index (hearing->participants, i))->id,
                FALSE);
  return TRUE;
}

static void
booking_clear (Booking *booking)
{
  g_clear_pointer (&booking->people, g_array_unref);
}

static void
add_conflict (GPtrArray                *conflicts,
              const Booking            *a,
              const Booking            *b,
              CivicHearingConflictKind  kind,
              const char               *resource_id)
{
  CivicHearingConflict *conflict = g_new0 (CivicHearingConflict, 1);

  conflict->a = g_object_ref (a->hearing);
  conflict->b = g_object_ref (b->hearing);
  conflict->kind = kind;
  conflict->resource_id = g_strdup (resource_id);
  g_ptr_array_add (conflicts, conflict);
}

/* Both bookings overlap in time: what else they share. */
static void
compare_bookings (const Booking *a,
                  const Booking *b,
                  GPtrArray     *conflicts)
{
  if (a->room_id != NULL && g_strcmp0 (a->room_id, b->room_id) == 0)
    add_conflict (conflicts, a, b, CIVIC_HEARING_CONFLICT_ROOM, a->room_id);

  for (guint i = 0; i < a->people->len; i++)
    {
      const Person *pa = &g_array_index (a->people, Person, i);

      for (guint j = 0; j < b->people->len; j++)
        {
          const Person *pb = &g_array_index (b->people, Person, j);

          if (g_strcmp0 (pa->id, pb->id) == 0)
            add_conflict (conflicts, a, b,
                          pa->hosts && pb->hosts
                          ? CIVIC_HEARING_CONFLICT_HOST : CIVIC_HEARING_CONFLICT_PARTICIPANT,
                          pa->id);
        }
    }
}

static int
compare_by_start (gconstpointer pa,
                  gconstpointer pb)
{
  const Booking *a = pa;
  const Booking *b = pb;

  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  return g_strcmp0 (a->hearing->id, b->hearing->id);
}

static GPtrArray *
new_conflict_list (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) civic_hearing_conflict_free);
}

/**
 * civic_hearing_find_conflicts:
 * @hearings: (element-type CivicHearing): the hearings to check
 *
 * Finds hearings that need the same room or the same person at the same
 * time. A hearing holds its room and its people from its start up to, not
 * including, its end, so back-to-back hearings do not conflict; cancelled
 * hearings hold nothing. The hearings are swept in order of their start,
 * comparing each only with those still running, so hearings that do not
 * overlap cost no comparison.
 *
 * Returns: (transfer full) (element-type CivicHearingConflict): the
 * conflicts, each pair once per shared room or person, @a starting first,
 * in the order the later hearing starts.
 */
GPtrArray *
civic_hearing_find_conflicts (GPtrArray *hearings)
{
  g_autoptr(GArray) bookings = NULL;
  g_autoptr(GPtrArray) running = NULL;
  GPtrArray *conflicts = new_conflict_list ();

  g_return_val_if_fail (hearings != NULL, conflicts);

  bookings = g_array_sized_new (FALSE, FALSE, sizeof (Booking), hearings->len);
  g_array_set_clear_func (bookings, (GDestroyNotify) booking_clear);
  for (guint i = 0; i < hearings->len; i++)
    {
      CivicHearing *hearing = g_ptr_array_index (hearings, i);
      Booking booking = { 0 };

      g_return_val_if_fail (CIVIC_IS_HEARING (hearing), conflicts);

      if (booking_init (&booking, hearing, NULL))
        g_array_append_val (bookings, booking);
    }
  g_array_sort (bookings, compare_by_start);

  /* Kept in order of start, so that each conflict names the earlier
   * hearing first and the result does not depend on removals. */
  running = g_ptr_array_new ();
  for (guint i = 0; i < bookings->len; i++)
    {
      const Booking *booking = &g_array_index (bookings, Booking, i);

      for (guint j = 0; j < running->len;)
        {
          const Booking *earlier = g_ptr_array_index (running, j);

          if (earlier->end <= booking->start)
            g_ptr_array_remove_index (running, j);
          else
            j++;
        }

      for (guint j = 0; j < running->len; j++)
        compare_bookings (g_ptr_array_index (running, j), booking, conflicts);

      g_ptr_array_add (running, (gpointer) booking);
    }

  return conflicts;
}

/**
 * civic_hearing_find_conflicts_with:
 * @candidate: the hearing being scheduled
 * @slot: (nullable): the room, host and time proposed for it, or %NULL
 *   for its own
 * @hearings: (element-type CivicHearing): the hearings already booked; the
 *   candidate's own entry (same ID) is skipped
 *
 * Returns: (transfer full) (element-type CivicHearingConflict): the
 * conflicts, @a always the candidate, in the order of @hearings.
 */
GPtrArray *
civic_hearing_find_conflicts_with (CivicHearing           *candidate,
                                   const CivicHearingSlot *slot,
                                   GPtrArray              *hearings)
{
  GPtrArray *conflicts = new_conflict_list ();
  Booking proposed = { 0 };

  g_return_val_if_fail (CIVIC_IS_HEARING (candidate), conflicts);
  g_return_val_if_fail (hearings != NULL, conflicts);

  if (!booking_init (&proposed, candidate, slot))
    return conflicts;

  for (guint i = 0; i < hearings->len; i++)
    {
      CivicHearing *hearing = g_ptr_array_index (hearings, i);
      Booking other = { 0 };

      if (hearing == candidate || g_strcmp0 (hearing->id, candidate->id) == 0)
        continue;

      if (!booking_init (&other, hearing, NULL))
        continue;

      if (proposed.start < other.end && other.start < proposed.end)
        compare_bookings (&proposed, &other, conflicts);
      booking_clear (&other);
    }

  booking_clear (&proposed);
  return conflicts;
}
