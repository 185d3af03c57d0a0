/* civic-case-kind.h — the licensing case as a kind of record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "civic-entity.h"

G_BEGIN_DECLS

extern const CivicEntityKind civic_case_kind;

G_END_DECLS
