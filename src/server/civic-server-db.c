/* civic-server-db.c — the service's database: entities, the change feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "civic-server-db"

#include "config.h"

#include <sodium.h>

#include "civic-i18n.h"
#include <glib/gstdio.h>

#include "civic-audit.h"
#include "civic-case-records.h"
#include "civic-commands.h"
#include "civic-json.h"
#include "civic-keyring.h"
#include "civic-policy.h"
#include "civic-disclosure-columns.h"
#include "civic-item-records.h"
#include "civic-message-records.h"
#include "civic-accounts.h"
#include "civic-calendar-records.h"
#include "civic-open311-key-records.h"
#include "civic-room-records.h"
#include "civic-server-db-private.h"
#include "civic-template-records.h"
#include "civic-time.h"

/* Every entity the clients see is one row of `entity`, keyed by type and
 * id, holding the exact JSON the feed sends. Each write takes the next
 * value of the global sequence inside the write transaction; SQLite has a
 * single writer, so the sequence commits in order and a reader following
 * it never skips a change. A row's `scope` lists the departments that may
 * see it; a row without scope rows is for every signed-in official. */

static const CivicSqliteMigration migrations[] = {
  { /* 1: the first schema */
    "CREATE TABLE meta ("
    "  key TEXT PRIMARY KEY,"
    "  value TEXT NOT NULL"
    ");"
    "INSERT INTO meta (key, value) VALUES ('seq', '0');"

    "CREATE TABLE entity ("
    "  type TEXT NOT NULL,"
    "  id TEXT NOT NULL,"
    "  rev INTEGER NOT NULL,"
    "  seq INTEGER NOT NULL UNIQUE,"
    "  deleted INTEGER NOT NULL DEFAULT 0,"
    "  scoped INTEGER NOT NULL DEFAULT 0,"
    "  data TEXT NOT NULL,"
    "  updated_at TEXT NOT NULL,"
    "  PRIMARY KEY (type, id)"
    ") WITHOUT ROWID;"

    "CREATE TABLE entity_scope ("
    "  type TEXT NOT NULL,"
    "  id TEXT NOT NULL,"
    "  department_id TEXT NOT NULL,"
    "  PRIMARY KEY (type, id, department_id)"
    ") WITHOUT ROWID;"
    "CREATE INDEX entity_scope_by_department ON entity_scope (department_id, type, id);"

    /* A case's own columns, and its applicant unmasked: the entity row
     * has the case as the feed sends it, with personal data masked. Only
     * commands and the audited reveal read the applicant here. */
    "CREATE TABLE case_record ("
    "  id TEXT PRIMARY KEY,"
    "  number TEXT NOT NULL UNIQUE,"
    "  receipt TEXT UNIQUE,"
    "  department_id TEXT NOT NULL,"
    "  state TEXT NOT NULL,"
    "  status TEXT NOT NULL,"
    "  checked_on TEXT NOT NULL,"
    "  applicant TEXT NOT NULL"
    ");"
    "CREATE INDEX case_record_to_check ON case_record (checked_on) WHERE state != 'closed';"

    "CREATE TABLE account ("
    "  id TEXT PRIMARY KEY,"
    "  username TEXT NOT NULL UNIQUE COLLATE NOCASE,"
    "  name TEXT NOT NULL,"
    "  department_id TEXT,"
    "  roles INTEGER NOT NULL,"
    "  password_hash TEXT NOT NULL,"
    "  disabled INTEGER NOT NULL DEFAULT 0,"
    "  scope_seq INTEGER NOT NULL DEFAULT 0,"
    "  created_at TEXT NOT NULL"
    ");"

    "CREATE TABLE session ("
    "  token_hash TEXT PRIMARY KEY,"
    "  account_id TEXT NOT NULL REFERENCES account (id),"
    "  created_at INTEGER NOT NULL,"
    "  expires_at INTEGER NOT NULL,"
    "  revoked INTEGER NOT NULL DEFAULT 0,"
    "  view_seq INTEGER NOT NULL DEFAULT 0"
    ");"

    "CREATE TABLE login_failure ("
    "  key TEXT NOT NULL,"
    "  at INTEGER NOT NULL"
    ");"
    "CREATE INDEX login_failure_by_key ON login_failure (key, at);"

    /* The idempotency ledger: the answer to every command id, kept. */
    "CREATE TABLE command ("
    "  id TEXT PRIMARY KEY,"
    "  account_id TEXT NOT NULL,"
    "  body_hash TEXT NOT NULL,"
    "  response TEXT NOT NULL,"
    "  at TEXT NOT NULL"
    ");"

    "CREATE TABLE audit ("
    "  seq INTEGER PRIMARY KEY,"
    "  at TEXT NOT NULL,"
    "  actor TEXT,"
    "  action TEXT NOT NULL,"
    "  target TEXT,"
    "  detail TEXT,"
    "  address TEXT,"
    "  prev_hash TEXT NOT NULL,"
    "  hash TEXT NOT NULL"
    ");"
    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
    "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
    "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  },
  { /* 2: sign-ins slowed per (name, address) instead of a lock per name */
    "DROP TABLE login_failure;"
    "CREATE TABLE sign_in_attempt ("
    "  name TEXT NOT NULL,"
    "  address TEXT NOT NULL,"
    "  at INTEGER NOT NULL"       /* ms of the real clock */
    ");"
    "CREATE INDEX sign_in_attempt_by_address ON sign_in_attempt (address, name, at);"
    "CREATE INDEX sign_in_attempt_by_time ON sign_in_attempt (at);"
  },
  { /* 3: signed checkpoints of the (now keyed) audit chain, and personal
     * data sealed apart from the case (the applicant column goes once
     * its rows are sealed: civic_case_records_seal_legacy) */
    "CREATE TABLE audit_checkpoint ("
    "  seq INTEGER PRIMARY KEY,"
    "  head TEXT NOT NULL,"
    "  at TEXT NOT NULL,"
    "  signature TEXT NOT NULL"
    ");"
    "CREATE TABLE case_personal ("
    "  id TEXT PRIMARY KEY,"
    "  sealed TEXT NOT NULL"
    ");"
  },
  { /* 4: formal documents (civic-documents.c): the last number given per
     * department, kind and year; each document issued; its PDF sealed,
     * as it names the applicant */
    "CREATE TABLE document_sequence ("
    "  department_id TEXT NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  year INTEGER NOT NULL,"
    "  last INTEGER NOT NULL,"
    "  PRIMARY KEY (department_id, kind, year)"
    ") WITHOUT ROWID;"
    "CREATE TABLE document ("
    "  id TEXT PRIMARY KEY,"
    "  case_id TEXT NOT NULL,"
    "  department_id TEXT NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  year INTEGER NOT NULL,"
    "  sequence INTEGER NOT NULL,"
    "  number TEXT NOT NULL UNIQUE,"
    "  code TEXT NOT NULL UNIQUE,"
    "  title TEXT NOT NULL,"
    "  sha256 TEXT NOT NULL,"
    "  size INTEGER NOT NULL,"
    "  issued_on TEXT NOT NULL,"
    "  issued_by TEXT NOT NULL,"
    "  UNIQUE (department_id, kind, year, sequence)"
    ");"
    "CREATE INDEX document_by_case ON document (case_id);"
    "CREATE TABLE document_pdf ("
    "  id TEXT PRIMARY KEY,"
    "  sealed TEXT NOT NULL"
    ");"
  },
  { /* 5: hearings (civic-hearing-records.c): the columns bookings are
     * found by, and the parties' names and contacts sealed */
    "CREATE TABLE hearing_record ("
    "  id TEXT PRIMARY KEY,"
    "  department_id TEXT NOT NULL,"
    "  state TEXT NOT NULL,"
    "  starts_at TEXT,"
    "  ends_at TEXT,"
    "  room_id TEXT"
    ");"
    "CREATE INDEX hearing_record_by_start ON hearing_record (starts_at) "
    "  WHERE starts_at IS NOT NULL;"
    "CREATE TABLE hearing_personal ("
    "  id TEXT PRIMARY KEY,"
    "  sealed TEXT NOT NULL"
    ");"
  },
  { /* 6: an official's calendar feed of hearings, by a token of its own */
    "CREATE TABLE calendar_token ("
    "  account_id TEXT PRIMARY KEY,"
    "  token_hash TEXT NOT NULL UNIQUE,"
    "  created_at TEXT NOT NULL"
    ");"
  },
  { /* 7: disclosures (civic-disclosure-records.c): the columns the
     * service finds them by; every saved text, sealed; index numbers,
     * counted per organ and year and given once per disclosure */
    "CREATE TABLE disclosure_record ("
    "  id TEXT PRIMARY KEY,"
    "  department_id TEXT NOT NULL,"
    "  state TEXT NOT NULL,"
    "  index_number TEXT UNIQUE,"
    "  formed_on TEXT,"
    "  publish_at TEXT,"
    "  expire_on TEXT,"
    "  head_version INTEGER NOT NULL,"
    "  published_version INTEGER NOT NULL"
    ");"
    "CREATE INDEX disclosure_record_by_department ON disclosure_record (department_id, state);"
    "CREATE TABLE disclosure_version ("
    "  disclosure_id TEXT NOT NULL,"
    "  version INTEGER NOT NULL,"
    "  author_id TEXT,"
    "  created_at TEXT NOT NULL,"
    "  command_id TEXT,"
    "  sha256 TEXT NOT NULL,"
    "  sealed TEXT NOT NULL,"
    "  PRIMARY KEY (disclosure_id, version)"
    ") WITHOUT ROWID;"
    "CREATE TABLE disclosure_index_sequence ("
    "  department_id TEXT NOT NULL,"
    "  year INTEGER NOT NULL,"
    "  last INTEGER NOT NULL,"
    "  PRIMARY KEY (department_id, year)"
    ") WITHOUT ROWID;"
    "CREATE TABLE disclosure_index_allocation ("
    "  command_id TEXT PRIMARY KEY,"
    "  disclosure_id TEXT NOT NULL UNIQUE,"
    "  index_number TEXT NOT NULL UNIQUE"
    ");"
  },
  { /* 8: what the service does at a given minute (civic-due-jobs.c): a
     * scheduled publication, an expiry; each run once, as a command of its
     * own */
    "CREATE TABLE due_job ("
    "  id TEXT PRIMARY KEY,"
    "  due_at TEXT NOT NULL,"
    "  type TEXT NOT NULL,"
    "  target TEXT NOT NULL,"
    "  done_at TEXT,"
    "  result TEXT"
    ");"
    "CREATE INDEX due_job_pending ON due_job (due_at) WHERE done_at IS NULL;"
    "CREATE INDEX due_job_by_target ON due_job (target) WHERE done_at IS NULL;"
  },
  { /* 9: what the public side reads (civic-disclosure-public.c): only
     * what was published, as published; written by publication,
     * withdrawal, expiry and a change of validity, and by nothing else, so
     * that no public route can reach a draft, a review or an applicant */
    "CREATE TABLE public_disclosure ("
    "  id TEXT PRIMARY KEY,"
    "  department_id TEXT NOT NULL,"
    "  index_number TEXT,"
    "  title TEXT NOT NULL,"
    "  summary TEXT,"
    "  category TEXT NOT NULL,"
    "  formed_on TEXT,"
    "  published_at TEXT NOT NULL,"
    "  issuing_organ TEXT,"
    "  document_number TEXT,"
    "  normative INTEGER NOT NULL,"
    "  validity TEXT NOT NULL,"
    "  repealed_by TEXT,"
    "  keywords TEXT NOT NULL,"
    "  interpretation_of TEXT,"
    "  body_md TEXT NOT NULL,"
    "  body_text TEXT NOT NULL,"
    "  state TEXT NOT NULL,"
    "  withdrawn_at TEXT,"
    "  public_notice TEXT,"
    "  updated_at TEXT NOT NULL,"
    "  seq INTEGER NOT NULL"
    ");"
    "CREATE INDEX public_disclosure_by_date ON public_disclosure (published_at DESC);"
    "CREATE INDEX public_disclosure_by_organ ON public_disclosure (department_id, published_at DESC);"
    "CREATE TABLE public_disclosure_column ("
    "  disclosure_id TEXT NOT NULL,"
    "  department_id TEXT NOT NULL,"
    "  column_name TEXT NOT NULL,"
    "  PRIMARY KEY (disclosure_id, column_name)"
    ") WITHOUT ROWID;"
    "CREATE INDEX public_disclosure_column_by_name ON public_disclosure_column "
    "  (department_id, column_name);"
    "CREATE VIRTUAL TABLE public_disclosure_fts USING fts5 ("
    "  title, keywords, body_text, index_number, document_number,"
    "  content='public_disclosure', tokenize='trigram');"
    "CREATE TRIGGER public_disclosure_fts_insert AFTER INSERT ON public_disclosure BEGIN"
    "  INSERT INTO public_disclosure_fts (rowid, title, keywords, body_text, index_number,"
    "    document_number) VALUES (new.rowid, new.title, new.keywords, new.body_text,"
    "    new.index_number, new.document_number);"
    "END;"
    "CREATE TRIGGER public_disclosure_fts_delete AFTER DELETE ON public_disclosure BEGIN"
    "  INSERT INTO public_disclosure_fts (public_disclosure_fts, rowid, title, keywords,"
    "    body_text, index_number, document_number) VALUES ('delete', old.rowid, old.title,"
    "    old.keywords, old.body_text, old.index_number, old.document_number);"
    "END;"
    "CREATE TRIGGER public_disclosure_fts_update AFTER UPDATE ON public_disclosure BEGIN"
    "  INSERT INTO public_disclosure_fts (public_disclosure_fts, rowid, title, keywords,"
    "    body_text, index_number, document_number) VALUES ('delete', old.rowid, old.title,"
    "    old.keywords, old.body_text, old.index_number, old.document_number);"
    "  INSERT INTO public_disclosure_fts (rowid, title, keywords, body_text, index_number,"
    "    document_number) VALUES (new.rowid, new.title, new.keywords, new.body_text,"
    "    new.index_number, new.document_number);"
    "END;"
  },
  { /* 10: requests for information (civic-disclosure-request-records.c):
     * the columns they are found by (the public by receipt), the
     * applicant sealed */
    "CREATE TABLE disclosure_request_record ("
    "  id TEXT PRIMARY KEY,"
    "  department_id TEXT NOT NULL,"
    "  receipt TEXT NOT NULL UNIQUE,"
    "  state TEXT NOT NULL,"
    "  received_on TEXT,"
    "  due_on TEXT"
    ");"
    "CREATE INDEX disclosure_request_by_department ON disclosure_request_record "
    "  (department_id, state);"
    "CREATE TABLE disclosure_request_personal ("
    "  id TEXT PRIMARY KEY,"
    "  sealed TEXT NOT NULL"
    ");"
  },
  { /* 11: the files of disclosures (civic-disclosure-attachments.c): the
     * bytes once per sha256 and the text read of them, both sealed until
     * published; which disclosure each was uploaded to; and, as the
     * public side reads them, a published disclosure's files in clear */
    "CREATE TABLE attachment_blob ("
    "  id TEXT PRIMARY KEY,"
    "  size INTEGER NOT NULL,"
    "  sealed TEXT NOT NULL,"
    "  created_at TEXT NOT NULL"
    ");"
    "CREATE TABLE attachment_text ("
    "  id TEXT PRIMARY KEY,"
    "  checked INTEGER NOT NULL,"
    "  reason TEXT,"
    "  sealed TEXT NOT NULL"
    ");"
    "CREATE TABLE disclosure_upload ("
    "  disclosure_id TEXT NOT NULL,"
    "  sha256 TEXT NOT NULL,"
    "  media_type TEXT NOT NULL,"
    "  size INTEGER NOT NULL,"
    "  uploaded_by TEXT NOT NULL,"
    "  uploaded_at TEXT NOT NULL,"
    "  PRIMARY KEY (disclosure_id, sha256)"
    ") WITHOUT ROWID;"
    "CREATE TABLE public_attachment ("
    "  disclosure_id TEXT NOT NULL,"
    "  n INTEGER NOT NULL,"
    "  name TEXT NOT NULL,"
    "  media_type TEXT NOT NULL,"
    "  size INTEGER NOT NULL,"
    "  sha256 TEXT NOT NULL,"
    "  PRIMARY KEY (disclosure_id, n)"
    ") WITHOUT ROWID;"
    "CREATE TABLE public_attachment_blob ("
    "  sha256 TEXT PRIMARY KEY,"
    "  content BLOB NOT NULL"
    ");"
  },
  { /* 12: columns as an organ's catalogue (civic-disclosure-columns.c):
     * a disclosure names its columns by id; the public side reads each
     * column's name, place in the catalogue and counterpart here */
    "DROP INDEX public_disclosure_column_by_name;"
    "ALTER TABLE public_disclosure_column RENAME COLUMN column_name TO column_id;"
    "CREATE INDEX public_disclosure_column_by_column ON public_disclosure_column "
    "  (column_id, disclosure_id);"
    "CREATE TABLE public_column ("
    "  id TEXT PRIMARY KEY,"
    "  department_id TEXT NOT NULL,"
    "  name TEXT NOT NULL,"
    "  parent_id TEXT,"
    "  counterpart_id TEXT,"
    "  counterpart_url TEXT,"
    "  counterpart_name TEXT,"
    "  position INTEGER NOT NULL"
    ");"
    "CREATE INDEX public_column_by_department ON public_column (department_id, position);"
  },
  { /* 13: citizens' messages (civic-message-records.c): the columns they
     * are found by (the public by receipt), the citizen sealed; the
     * replies that went out, as the public side reads them (written from
     * replies alone: internal notes live only in the officials' record);
     * and the readers an entity is kept from, whatever their role (a
     * report from the department and the official it accuses, 信访工作条例
     * Art. 30) */
    "CREATE TABLE message_record ("
    "  id TEXT PRIMARY KEY,"
    "  department_id TEXT,"
    "  receipt TEXT NOT NULL UNIQUE,"
    "  kind TEXT NOT NULL,"
    "  state TEXT NOT NULL,"
    "  received_on TEXT,"
    "  due_on TEXT"
    ");"
    "CREATE INDEX message_by_department ON message_record (department_id, state);"
    "CREATE TABLE message_personal ("
    "  id TEXT PRIMARY KEY,"
    "  sealed TEXT NOT NULL"
    ");"
    "CREATE TABLE public_message_reply ("
    "  message_id TEXT NOT NULL,"
    "  number INTEGER NOT NULL,"
    "  text TEXT NOT NULL,"
    "  sent_on TEXT NOT NULL,"
    "  PRIMARY KEY (message_id, number)"
    ") WITHOUT ROWID;"
    "CREATE TABLE entity_exclude ("
    "  type TEXT NOT NULL,"
    "  id TEXT NOT NULL,"
    "  reader TEXT NOT NULL,"        /* "user:u-clerk", "department:zrzyt" */
    "  PRIMARY KEY (type, id, reader)"
    ") WITHOUT ROWID;"
  },
  { /* 14: citizens' ratings (civic-evaluation-records.c): what the public
     * indicators are counted from, never who rated; the evaluator sealed */
    "CREATE TABLE evaluation_record ("
    "  id TEXT PRIMARY KEY,"
    "  department_id TEXT NOT NULL,"
    "  target TEXT NOT NULL,"
    "  target_id TEXT NOT NULL,"
    "  channel TEXT NOT NULL,"
    "  rating INTEGER NOT NULL,"
    "  state TEXT NOT NULL,"
    "  rated_on TEXT NOT NULL,"
    "  counted INTEGER NOT NULL"
    ");"
    "CREATE INDEX evaluation_by_department ON evaluation_record (department_id, counted);"
    "CREATE INDEX evaluation_by_target ON evaluation_record (target, target_id);"
    "CREATE TABLE evaluation_personal ("
    "  id TEXT PRIMARY KEY,"
    "  sealed TEXT NOT NULL"
    ");"
  },
  { /* 15: Open311 (civic-open311.c): the services offered, the keys of
     * its clients (their hashes only), and what it tells of a request —
     * a public table only a message's save writes */
    "CREATE TABLE open311_service ("
    "  code TEXT PRIMARY KEY,"
    "  position INTEGER NOT NULL,"
    "  data TEXT NOT NULL"
    ");"
    "CREATE TABLE open311_key ("
    "  id TEXT PRIMARY KEY,"
    "  name TEXT NOT NULL,"
    "  hash TEXT NOT NULL UNIQUE,"
    "  created_at TEXT NOT NULL,"
    "  revoked_at TEXT"
    ");"
    "CREATE TABLE open311_request ("
    "  message_id TEXT PRIMARY KEY,"
    "  receipt TEXT NOT NULL UNIQUE,"
    "  service_code TEXT NOT NULL,"
    "  status TEXT NOT NULL,"
    "  status_notes TEXT,"
    "  department_id TEXT,"
    "  requested_at TEXT NOT NULL,"
    "  updated_at TEXT NOT NULL,"
    "  expected_on TEXT,"
    "  address TEXT,"
    "  lat REAL,"
    "  long REAL"
    ");"
    "CREATE INDEX open311_request_by_time ON open311_request (requested_at);"
  },
  { /* 16: one rating of a matter through each channel (一事一评), held
     * by the database as well as by the rating's command */
    "CREATE UNIQUE INDEX evaluation_once ON evaluation_record (target, target_id, channel);"
  },
  { /* 17: the hall's mailbox (civic-mail.c): the mail each mailed message
     * came as, for its replies to answer, and the replies mailed */
    "CREATE TABLE mail_origin ("
    "  message_id TEXT PRIMARY KEY,"
    "  rfc_message_id TEXT"
    ");"
    "CREATE TABLE mail_sent ("
    "  message_id TEXT NOT NULL,"
    "  number INTEGER NOT NULL,"
    "  at TEXT NOT NULL,"
    "  PRIMARY KEY (message_id, number)"
    ") WITHOUT ROWID;"
  },
  { /* 18: idea campaigns (civic-campaign-records.c): what the public side
     * lists, the ideas each took in, and the ideas adopted as the public
     * reads them — a table only a message's save writes, never with the
     * proposer */
    "CREATE TABLE campaign_record ("
    "  id TEXT PRIMARY KEY,"
    "  department_id TEXT NOT NULL,"
    "  state TEXT NOT NULL,"
    "  opens_on TEXT,"
    "  closes_on TEXT"
    ");"
    "ALTER TABLE message_record ADD COLUMN campaign_id TEXT;"
    "CREATE INDEX message_by_campaign ON message_record (campaign_id) "
    "  WHERE campaign_id IS NOT NULL;"
    "CREATE TABLE public_campaign_idea ("
    "  message_id TEXT PRIMARY KEY,"
    "  campaign_id TEXT NOT NULL,"
    "  subject TEXT NOT NULL,"
    "  text TEXT NOT NULL,"
    "  answer TEXT NOT NULL,"
    "  answered_on TEXT NOT NULL"
    ");"
    "CREATE INDEX public_campaign_idea_by_campaign ON public_campaign_idea (campaign_id);"
  },
  { /* 19: the files of messages (civic-message-files.c): which message
     * each was received for, with the type and size received; the bytes
     * are attachment_blob's, sealed */
    "CREATE TABLE message_upload ("
    "  message_id TEXT NOT NULL,"
    "  sha256 TEXT NOT NULL,"
    "  media_type TEXT NOT NULL,"
    "  size INTEGER NOT NULL,"
    "  uploaded_by TEXT NOT NULL,"
    "  uploaded_at TEXT NOT NULL,"
    "  PRIMARY KEY (message_id, sha256)"
    ") WITHOUT ROWID;"
  },
  { /* 20: the catalogue's versions (civic-item-records.c): every version
     * that took effect, with the moment it did, so that intake files a
     * case under the version in effect when it was received; the items'
     * states, for a repeal; and the files uploaded for each item's
     * materials (the bytes are attachment_blob's) */
    "CREATE TABLE item_version ("
    "  code TEXT NOT NULL,"
    "  version INTEGER NOT NULL,"
    "  department_id TEXT NOT NULL,"
    "  effective_at TEXT NOT NULL,"
    "  guide TEXT NOT NULL,"
    "  PRIMARY KEY (code, version)"
    ") WITHOUT ROWID;"
    "CREATE INDEX item_version_by_time ON item_version (code, effective_at);"
    "CREATE TABLE item_record ("
    "  code TEXT PRIMARY KEY,"
    "  department_id TEXT,"
    "  state TEXT NOT NULL,"
    "  pending TEXT,"
    "  repealed_at TEXT"
    ") WITHOUT ROWID;"
    "CREATE TABLE item_upload ("
    "  code TEXT NOT NULL,"
    "  sha256 TEXT NOT NULL,"
    "  name TEXT NOT NULL,"
    "  media_type TEXT NOT NULL,"
    "  size INTEGER NOT NULL,"
    "  uploaded_by TEXT NOT NULL,"
    "  uploaded_at TEXT NOT NULL,"
    "  PRIMARY KEY (code, sha256)"
    ") WITHOUT ROWID;"
  },
  { /* 21: the public guide (civic-item-public.c): the version in effect of
     * every item, written when it takes effect; never a draft, a review
     * or a version to come */
    "CREATE TABLE public_item ("
    "  code TEXT NOT NULL UNIQUE,"
    "  version INTEGER NOT NULL,"
    "  department_id TEXT NOT NULL,"
    "  name TEXT NOT NULL,"
    "  type_code TEXT NOT NULL,"
    "  effective_on TEXT NOT NULL,"
    "  repealed_on TEXT,"
    "  repeal_basis TEXT,"
    "  guide TEXT NOT NULL,"
    "  search_text TEXT NOT NULL"
    ");"
    "CREATE INDEX public_item_by_department ON public_item (department_id, code);"
    "CREATE VIRTUAL TABLE public_item_fts USING fts5 ("
    "  search_text, content='public_item', tokenize='trigram');"
    "CREATE TRIGGER public_item_fts_insert AFTER INSERT ON public_item BEGIN"
    "  INSERT INTO public_item_fts (rowid, search_text) VALUES (new.rowid, new.search_text);"
    "END;"
    "CREATE TRIGGER public_item_fts_delete AFTER DELETE ON public_item BEGIN"
    "  INSERT INTO public_item_fts (public_item_fts, rowid, search_text)"
    "    VALUES ('delete', old.rowid, old.search_text);"
    "END;"
    "CREATE TRIGGER public_item_fts_update AFTER UPDATE ON public_item BEGIN"
    "  INSERT INTO public_item_fts (public_item_fts, rowid, search_text)"
    "    VALUES ('delete', old.rowid, old.search_text);"
    "  INSERT INTO public_item_fts (rowid, search_text) VALUES (new.rowid, new.search_text);"
    "END;"
    "CREATE TABLE public_item_file ("
    "  code TEXT NOT NULL,"
    "  sha256 TEXT NOT NULL,"
    "  name TEXT NOT NULL,"
    "  media_type TEXT NOT NULL,"
    "  size INTEGER NOT NULL,"
    "  PRIMARY KEY (code, sha256)"
    ") WITHOUT ROWID;"
  },
  { /* 22: accounts run by commands (civic-account-records.c): a password
     * an administrator reset is temporary, and the official chooses their
     * own before anything else; why an account was disabled */
    "ALTER TABLE account ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE account ADD COLUMN password_set_at TEXT;"
    "ALTER TABLE account ADD COLUMN disabled_reason TEXT;"
  },
  { /* 23: Open311 keys run by commands (civic-open311-key-records.c): why
     * one was revoked */
    "ALTER TABLE open311_key ADD COLUMN revoked_reason TEXT;"
  },
  { /* 24: delegations (委托, civic-delegation.h): who acts for whom, when,
     * in which roles; and, on each command taken so, for whom */
    "CREATE TABLE delegation ("
    "  id TEXT PRIMARY KEY,"
    "  principal_id TEXT NOT NULL REFERENCES account (id),"
    "  delegate_id TEXT NOT NULL REFERENCES account (id),"
    "  starts_on TEXT NOT NULL,"
    "  ends_on TEXT NOT NULL,"
    "  roles INTEGER NOT NULL,"
    "  reason TEXT NOT NULL,"
    "  granted_by_name TEXT,"
    "  ended_on TEXT"
    ");"
    "CREATE INDEX delegation_principal ON delegation (principal_id, starts_on);"
    "CREATE INDEX delegation_delegate ON delegation (delegate_id, ends_on);"
    "ALTER TABLE command ADD COLUMN on_behalf_of TEXT;"
  },
  { /* 25: the sequence of an account's last command, so that a read
     * database (serve --read-database) answers it only once it holds
     * that command's changes: read your writes. And the last change of
     * a type (the calendar's generation, read by every command) was
     * found by walking the whole feed backwards from its newest change:
     * 3 s a command with 100 000 cases (bench/bench-scale.sh) */
    "ALTER TABLE account ADD COLUMN write_seq INTEGER NOT NULL DEFAULT 0;"
    "CREATE INDEX entity_by_type ON entity (type, seq);"
  },
  { /* 26: e-supervision's figures (civic-supervision-records.c): what
     * each watched record reads as, how many of a department's records
     * have each colour now, and the figures of each week, kept as
     * records are saved so that an overview never counts them */
    "CREATE TABLE supervised ("
    "  type TEXT NOT NULL,"
    "  id TEXT NOT NULL,"
    "  department_id TEXT NOT NULL,"
    "  subject TEXT NOT NULL,"
    "  title TEXT NOT NULL,"
    "  status TEXT NOT NULL,"
    "  due TEXT,"
    "  next_change TEXT,"
    "  opened_on TEXT,"
    "  done_on TEXT,"
    "  overdue_on TEXT,"
    "  deemed_on TEXT,"
    "  days INTEGER NOT NULL,"
    "  late INTEGER NOT NULL,"
    "  extended INTEGER NOT NULL,"
    "  PRIMARY KEY (type, id)"
    ");"
    "CREATE INDEX supervised_board ON supervised (status, department_id, type, due);"
    "CREATE INDEX supervised_next ON supervised (next_change);"
    "CREATE INDEX supervised_opened ON supervised (opened_on);"
    "CREATE INDEX supervised_done ON supervised (done_on);"
    "CREATE INDEX supervised_overdue ON supervised (overdue_on);"
    "CREATE INDEX supervised_deemed ON supervised (deemed_on);"
    "CREATE TABLE supervision_count ("
    "  department_id TEXT NOT NULL,"
    "  type TEXT NOT NULL,"
    "  status TEXT NOT NULL,"
    "  n INTEGER NOT NULL,"
    "  PRIMARY KEY (department_id, type, status)"
    ");"
    "CREATE TABLE supervision_tally ("
    "  department_id TEXT NOT NULL,"
    "  type TEXT NOT NULL,"
    "  subject TEXT NOT NULL,"
    "  metric TEXT NOT NULL,"
    "  week TEXT NOT NULL,"
    "  n INTEGER NOT NULL,"
    "  PRIMARY KEY (department_id, type, metric, week, subject)"
    ");"
    "CREATE INDEX supervision_tally_by_week ON supervision_tally (week);"
  },
  { /* 27: a supervisor's feed no longer carries the province's records
     * (civic-feed.c), only what every official receives and the cards:
     * their clients start again from the start once, and let go of the
     * rest. 128 is CIVIC_ROLE_SUPERVISOR, asserted below. */
    "UPDATE account SET scope_seq = (SELECT CAST (value AS INTEGER) FROM meta WHERE key = 'seq')"
    "  WHERE (roles & 128) != 0;"
  },
  { /* 28: the feed reads entities in the order of their sequence, and a
     * case is about 6 KB. Kept WITHOUT ROWID by (type, id), each row sat
     * in an index b-tree, whose cells keep about 1 KB on their page and
     * the rest on overflow pages, found by a second search from the
     * sequence's index; an examiner's whole feed of 100 000 cases took
     * 2.9 s to read. Keyed by the sequence, the rows lie in the feed's
     * order, 4 KB on their page: 0.5 s. (type, id) stays unique, which
     * every upsert names. */
    "CREATE TABLE entity_by_seq ("
    "  seq INTEGER PRIMARY KEY,"
    "  type TEXT NOT NULL,"
    "  id TEXT NOT NULL,"
    "  rev INTEGER NOT NULL,"
    "  deleted INTEGER NOT NULL DEFAULT 0,"
    "  scoped INTEGER NOT NULL DEFAULT 0,"
    "  data TEXT NOT NULL,"
    "  updated_at TEXT NOT NULL,"
    "  UNIQUE (type, id)"
    ");"
    "INSERT INTO entity_by_seq (seq, type, id, rev, deleted, scoped, data, updated_at) "
    "  SELECT seq, type, id, rev, deleted, scoped, data, updated_at FROM entity ORDER BY seq;"
    "DROP TABLE entity;"
    "ALTER TABLE entity_by_seq RENAME TO entity;"
    "CREATE INDEX entity_by_type ON entity (type, seq);"
  },
};

G_STATIC_ASSERT (CIVIC_ROLE_SUPERVISOR == 128);

void
civic_entity_row_free (CivicEntityRow *row)
{
  if (row == NULL)
    return;

  g_free (row->type);
  g_free (row->id);
  g_free (row->data);
  g_free (row);
}

char *
civic_server_db_path (const char *data_dir)
{
  return g_build_filename (data_dir, CIVIC_SERVER_DB_FILE, NULL);
}

/* Whether the database holds any history: an audit entry or a case. */
static gboolean
has_history (CivicDb *db)
{
  CivicDbStmt *stmt;
  gboolean row, any = FALSE;

  stmt = civic_db_prepare (db, "SELECT EXISTS (SELECT 1 FROM audit) OR "
                               "  EXISTS (SELECT 1 FROM case_record)", NULL);
  if (stmt != NULL && civic_db_step (db, stmt, &row, NULL) && row)
    any = civic_db_column_int (stmt, 0) != 0;
  if (stmt != NULL)
    civic_db_reset (stmt);
  return any;
}

/* A database that does not record its keys is new, or was made by the
 * first version, which had none — or someone removed the record, to have
 * a chain they forged keyed anew. So keys are made, and a first version's
 * history keyed and sealed, only when there are no keys yet; a database
 * with history and keys but no record of them is refused. All of it in
 * one write transaction, which also keeps a second process from making
 * a second set. */
static gboolean
first_keys (CivicDb       *db,
            const char    *keys_dir,
            CivicKeyring **keyring,
            GError       **error)
{
  g_autofree char *audit_key_path = g_build_filename (keys_dir, "audit.key", NULL);
  g_autofree char *fingerprint = NULL;
  g_autofree char *recorded = NULL;
  gboolean keys_exist, history;
  guint n_sealed = 0;

  if (!civic_db_begin (db, error))
    return FALSE;

  recorded = civic_server_db_get_meta (db, "keyring");
  keys_exist = g_file_test (audit_key_path, G_FILE_TEST_EXISTS);
  history = recorded == NULL && has_history (db);

  if (recorded == NULL && history && keys_exist)
    {
      g_set_error (error, CIVIC_KEYRING_ERROR, CIVIC_KEYRING_ERROR_DAMAGED,
                   _("The database does not record the keys in %s, yet holds a history: it was "
                     "altered, or it is not these keys’ service. Nothing was changed."), keys_dir);
      goto fail;
    }
  if (recorded == NULL && history && !civic_db_has_column (db, "case_record", "applicant"))
    {
      g_set_error (error, CIVIC_KEYRING_ERROR, CIVIC_KEYRING_ERROR_MISSING,
                   _("The service’s keys are not in %s; restore them from their backup "
                     "(without them the audit log cannot be checked and personal data "
                     "cannot be read)"), keys_dir);
      goto fail;
    }

  *keyring = civic_keyring_open (keys_dir, recorded == NULL, error);
  if (*keyring == NULL)
    goto fail;

  if (recorded == NULL)
    {
      g_object_set_data_full (G_OBJECT (db), "civic-keyring", g_object_ref (*keyring),
                              g_object_unref);
      fingerprint = civic_keyring_dup_fingerprint (*keyring);
      if ((history && !civic_audit_rekey (db, *keyring, error)) ||
          (history && !civic_case_records_seal_legacy (db, &n_sealed, error)) ||
          (history && !civic_commands_forget_legacy (db, error)) ||
          (civic_db_has_column (db, "case_record", "applicant") &&
           !civic_db_exec (db, "ALTER TABLE case_record DROP COLUMN applicant", error)) ||
          !civic_server_db_set_meta (db, "keyring", fingerprint, error))
        goto fail;
    }

  if (!civic_db_commit (db, error))
    goto fail;

  /* What was in clear before is in free pages and in the WAL until they
   * are written over: the file is written anew, once. */
  if (history && civic_db_get_backend (db) == CIVIC_DB_SQLITE &&
      (!civic_db_exec (db, "VACUUM", error) ||
       !civic_db_exec (db, "PRAGMA wal_checkpoint (TRUNCATE)", error)))
    {
      g_clear_object (keyring);
      return FALSE;
    }
  return TRUE;

fail:
  civic_db_rollback (db);
  g_clear_object (keyring);
  return FALSE;
}

static gboolean
attach_keyring (CivicDb      *db,
                const char   *data_dir,
                GError      **error)
{
  g_autofree char *keys_dir = civic_keyring_default_dir (data_dir);
  g_autofree char *recorded = civic_server_db_get_meta (db, "keyring");
  g_autofree char *fingerprint = NULL;
  g_autoptr(CivicKeyring) keyring = NULL;

  if (recorded == NULL)
    {
      if (!first_keys (db, keys_dir, &keyring, error))
        return FALSE;
      recorded = civic_server_db_get_meta (db, "keyring");
    }
  else
    keyring = civic_keyring_open (keys_dir, FALSE, error);

  if (keyring == NULL)
    return FALSE;

  fingerprint = civic_keyring_dup_fingerprint (keyring);
  if (g_strcmp0 (fingerprint, recorded) != 0)
    {
      g_set_error (error, CIVIC_KEYRING_ERROR, CIVIC_KEYRING_ERROR_DAMAGED,
                   _("The keys in %s are not this service’s (they are %s; the service’s are "
                     "%s)"), keys_dir, fingerprint, recorded);
      return FALSE;
    }

  g_object_set_data_full (G_OBJECT (db), "civic-keyring", g_steal_pointer (&keyring),
                          g_object_unref);
  return TRUE;
}

/**
 * civic_server_db_location:
 * @uri: (out) (transfer full) (nullable): where the records are kept on
 *   PostgreSQL, or %NULL for the SQLite file in @data_dir
 *
 * The service in @data_dir keeps its records where $CIVICDESK_DATABASE
 * says (what `--database` sets), or else where the `uri` key of the
 * `[database]` group of the folder's civicdesk.conf says, or else in
 * civicdesk.db in the folder. Its keys are always in the folder.
 *
 * Returns: %FALSE when civicdesk.conf cannot be read
 */
gboolean
civic_server_db_location (const char  *data_dir,
                          char       **uri,
                          GError     **error)
{
  g_autofree char *conf = g_build_filename (data_dir, CIVIC_SERVER_CONF_FILE, NULL);
  g_autoptr(GKeyFile) file = NULL;
  g_autoptr(GError) local = NULL;
  const char *env = g_getenv ("CIVICDESK_DATABASE");
  char *value;

  *uri = NULL;
  if (env != NULL)
    {
      *uri = *env != '\0' ? g_strdup (env) : NULL;
      return TRUE;
    }

  file = g_key_file_new ();
  if (!g_key_file_load_from_file (file, conf, G_KEY_FILE_NONE, &local))
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_propagate_prefixed_error (error, g_steal_pointer (&local), "%s: ", conf);
      return FALSE;
    }

  value = g_key_file_get_string (file, "database", "uri", NULL);
  if (value != NULL && *g_strstrip (value) == '\0')
    g_clear_pointer (&value, g_free);
  *uri = value;
  return TRUE;
}

/**
 * civic_server_db_holds_service:
 * @holds: (out): whether there is a service to open: the database file in
 *   the folder, or on PostgreSQL its schema and the record of its keys
 *
 * Creates nothing.
 */
gboolean
civic_server_db_holds_service (const char  *data_dir,
                               gboolean    *holds,
                               GError     **error)
{
  g_autofree char *uri = NULL;
  g_autofree char *path = NULL;

  *holds = FALSE;
  if (!civic_server_db_location (data_dir, &uri, error))
    return FALSE;
  if (uri != NULL)
    return civic_server_db_pg_holds_service (uri, holds, error);

  path = civic_server_db_path (data_dir);
  *holds = g_file_test (path, G_FILE_TEST_EXISTS);
  return TRUE;
}

static CivicDb *
open_sqlite (const char  *data_dir,
             GError     **error)
{
  g_autoptr(CivicSqlite) lite = NULL;
  g_autofree char *path = civic_server_db_path (data_dir);

  lite = civic_sqlite_open (path, migrations, G_N_ELEMENTS (migrations), error);
  /* What is deleted or replaced (a case's sealed data, an old version of
   * a row) is overwritten with zeros, not left in free pages. */
  if (lite == NULL || !civic_sqlite_exec (lite, "PRAGMA secure_delete = ON", error))
    return NULL;
  /* Reads map the file instead of copying each page out of the kernel's
   * cache: the feed's pages of 1 000 records read twice as fast. SQLite
   * caps the size at what it was built for (2 GB in Debian's). */
  if (!civic_sqlite_exec (lite, "PRAGMA mmap_size = 17179869184", error))
    return NULL;
  return civic_db_new_for_sqlite (lite);
}

/**
 * civic_server_db_schema_version:
 *
 * Returns: the schema this program writes, on either backend
 */
guint
civic_server_db_schema_version (void)
{
  return G_N_ELEMENTS (migrations);
}

/**
 * civic_server_db_open_records:
 * @uri: (nullable): the PostgreSQL database, or %NULL for the SQLite file
 *   in @data_dir
 *
 * Opens the records alone, their schema brought up to date: without the
 * service's keys, and without what civic_server_db_open() adds to a
 * service that lacks it. For moving them (civic-migrate.c).
 */
CivicDb *
civic_server_db_open_records (const char  *data_dir,
                              const char  *uri,
                              GError     **error)
{
  return uri != NULL ? civic_server_db_open_pg (uri, error) : open_sqlite (data_dir, error);
}

/**
 * civic_server_db_open:
 *
 * Opens a connection to the service's database (civic_server_db_location()),
 * creating and migrating it if needed, with the service's keys from
 * @data_dir (made with a new service). Every thread opens its own.
 */
CivicDb *
civic_server_db_open (const char  *data_dir,
                      GError     **error)
{
  g_autofree char *uri = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);

  if (!civic_sqlite_make_folder (data_dir, error) ||
      !civic_server_db_location (data_dir, &uri, error))
    return NULL;
  return civic_server_db_open_at (data_dir, uri, error);
}

/**
 * civic_server_db_open_at:
 * @uri: (nullable): the PostgreSQL database, or %NULL for the SQLite file
 *   in @data_dir, whatever the folder's configuration says
 */
CivicDb *
civic_server_db_open_at (const char  *data_dir,
                         const char  *uri,
                         GError     **error)
{
  g_autoptr(CivicDb) db = NULL;

  db = civic_server_db_open_records (data_dir, uri, error);
  if (db == NULL || !attach_keyring (db, data_dir, error))
    return NULL;
  /* What a migration cannot do in SQL alone, done once by code */
  if (!civic_disclosure_columns_adopt_names (db, error) ||
      !civic_item_records_adopt_legacy (db, error) ||
      !civic_accounts_publish_all (db, error) ||
      !civic_records_adopt_without_rev (db, &civic_room_store, error) ||
      !civic_records_adopt_without_rev (db, &civic_calendar_store, error) ||
      !civic_open311_key_records_publish_all (db, error) ||
      !civic_template_records_adopt_legacy (db, error))
    return NULL;
  /* The region's time limits on citizens' messages and the replies
   * officials start from, as shipped, until an operator imports their own */
  if (!civic_message_records_ensure_clocks (db, error) ||
      !civic_message_records_ensure_reply_templates (db, error))
    return NULL;

  return g_steal_pointer (&db);
}

/**
 * civic_server_db_open_reader:
 * @uri: a PostgreSQL database that copies the service's, read-only (a
 *   streaming standby)
 *
 * Opens a connection for reads only, with the service's keys from
 * @data_dir; nothing is created or migrated. The copy may lag: a reader
 * compares its civic_server_db_current_seq() with what it must show.
 */
CivicDb *
civic_server_db_open_reader (const char  *data_dir,
                             const char  *uri,
                             GError     **error)
{
  g_autoptr(CivicDb) db = NULL;

  g_return_val_if_fail (data_dir != NULL && uri != NULL, NULL);

  /* The URI is not repeated: it may hold a password */
  if (!g_str_has_prefix (uri, "postgresql://") && !g_str_has_prefix (uri, "postgres://"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A read database is a PostgreSQL standby, named by a URI that begins "
                     "postgresql://"));
      return NULL;
    }
  db = civic_server_db_open_pg_standby (uri, error);
  if (db == NULL || !attach_keyring (db, data_dir, error))
    return NULL;
  return g_steal_pointer (&db);
}

/**
 * civic_server_db_seal_json:
 * @node: personal data, as a record's dup_personal() gives it
 *
 * Returns: (transfer full) (nullable): @node sealed with the service's
 * personal-data key; its text in clear is wiped once sealed. %NULL when
 * the keys are not loaded.
 */
char *
civic_server_db_seal_json (CivicDb      *db,
                           JsonNode     *node,
                           GError      **error)
{
  CivicKeyring *keyring = civic_server_db_get_keyring (db);
  g_autofree char *text = NULL;
  char *sealed;

  if (keyring == NULL)
    {
      g_set_error (error, CIVIC_KEYRING_ERROR, CIVIC_KEYRING_ERROR_MISSING,
                   _("The service’s keys are not loaded"));
      return NULL;
    }
  text = civic_json_to_string (node, FALSE);
  sealed = civic_keyring_seal (keyring, text);
  sodium_memzero (text, strlen (text));
  return sealed;
}

/**
 * civic_server_db_unseal_json:
 *
 * Returns: (transfer full) (nullable): what civic_server_db_seal_json()
 * sealed; its text in clear is wiped once read
 */
JsonNode *
civic_server_db_unseal_json (CivicDb      *db,
                             const char   *sealed,
                             GError      **error)
{
  CivicKeyring *keyring = civic_server_db_get_keyring (db);
  g_autofree char *text = NULL;
  JsonNode *node;

  if (keyring == NULL)
    {
      g_set_error (error, CIVIC_KEYRING_ERROR, CIVIC_KEYRING_ERROR_MISSING,
                   _("The service’s keys are not loaded"));
      return NULL;
    }
  text = civic_keyring_unseal (keyring, sealed, error);
  if (text == NULL)
    return NULL;
  node = civic_json_parse (text, -1, error);
  sodium_memzero (text, strlen (text));
  return node;
}

/**
 * civic_server_db_get_keyring:
 *
 * Returns: (transfer none) (nullable): the keys of the service whose
 * database @db is.
 */
CivicKeyring *
civic_server_db_get_keyring (CivicDb *db)
{
  return g_object_get_data (G_OBJECT (db), "civic-keyring");
}

/**
 * civic_server_db_next_seq:
 *
 * Returns: the next value of the global change sequence, or 0 on error.
 * Call inside the write transaction that uses it.
 */
gint64
civic_server_db_next_seq (CivicDb      *db,
                          GError      **error)
{
  CivicDbStmt *stmt;
  gboolean row;
  gint64 seq;

  g_return_val_if_fail (civic_db_in_transaction (db), 0);

  stmt = civic_db_prepare (db,
                           "UPDATE meta SET value = CAST (value AS BIGINT) + 1 "
                           "WHERE key = 'seq' RETURNING CAST (value AS BIGINT)", error);
  if (stmt == NULL || !civic_db_step (db, stmt, &row, error))
    return 0;

  seq = row ? civic_db_column_int64 (stmt, 0) : 0;
  civic_db_reset (stmt);
  return seq;
}

gint64
civic_server_db_current_seq (CivicDb      *db,
                             GError      **error)
{
  CivicDbStmt *stmt;
  gboolean row;
  gint64 seq;

  stmt = civic_db_prepare (db, "SELECT CAST (value AS BIGINT) FROM meta WHERE key = 'seq'",
                           error);
  if (stmt == NULL || !civic_db_step (db, stmt, &row, error))
    return -1;

  seq = row ? civic_db_column_int64 (stmt, 0) : 0;
  civic_db_reset (stmt);
  return seq;
}

char *
civic_server_db_get_meta (CivicDb     *db,
                          const char  *key)
{
  CivicDbStmt *stmt;
  gboolean row;
  char *value = NULL;

  stmt = civic_db_prepare (db, "SELECT value FROM meta WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;

  civic_db_bind_text (stmt, 1, key);
  if (civic_db_step (db, stmt, &row, NULL) && row)
    value = g_strdup (civic_db_column_text (stmt, 0));
  civic_db_reset (stmt);
  return value;
}

gboolean
civic_server_db_set_meta (CivicDb      *db,
                          const char   *key,
                          const char   *value,
                          GError      **error)
{
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db, "INSERT INTO meta (key, value) VALUES (?, ?) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           error);
  if (stmt == NULL)
    return FALSE;

  civic_db_bind_text (stmt, 1, key);
  civic_db_bind_text (stmt, 2, value);
  return civic_db_run (db, stmt, error);
}

/**
 * civic_server_db_put_entity_text:
 * @scope: (nullable) (array zero-terminated=1): the departments that may
 *   see the entity, or %NULL for every signed-in official
 *
 * Writes an entity with the next sequence number. Call inside a write
 * transaction.
 *
 * Returns: the entity's sequence number, or 0 on error.
 */
gint64
civic_server_db_put_entity_text (CivicDb             *db,
                                 const char          *type,
                                 const char          *id,
                                 gint64               rev,
                                 const char          *data,
                                 const char * const  *scope,
                                 GError             **error)
{
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autofree char *updated_at = civic_time_format (now);
  CivicDbStmt *stmt;
  gint64 seq;

  g_return_val_if_fail (type != NULL && id != NULL && data != NULL, 0);

  seq = civic_server_db_next_seq (db, error);
  if (seq == 0)
    return 0;

  stmt = civic_db_prepare (db,
                           "INSERT INTO entity (type, id, rev, seq, deleted, scoped, data, "
                           "                    updated_at) "
                           "VALUES (?1, ?2, ?3, ?4, 0, ?5, ?6, ?7) "
                           "ON CONFLICT (type, id) DO UPDATE SET rev = excluded.rev, "
                           "  seq = excluded.seq, deleted = 0, scoped = excluded.scoped, "
                           "  data = excluded.data, updated_at = excluded.updated_at",
                           error);
  if (stmt == NULL)
    return 0;

  civic_db_bind_text (stmt, 1, type);
  civic_db_bind_text (stmt, 2, id);
  civic_db_bind_int64 (stmt, 3, rev);
  civic_db_bind_int64 (stmt, 4, seq);
  civic_db_bind_int (stmt, 5, scope != NULL);
  civic_db_bind_text (stmt, 6, data);
  civic_db_bind_text (stmt, 7, updated_at);
  if (!civic_db_run (db, stmt, error))
    return 0;

  stmt = civic_db_prepare (db, "DELETE FROM entity_scope WHERE type = ? AND id = ?", error);
  if (stmt == NULL)
    return 0;
  civic_db_bind_text (stmt, 1, type);
  civic_db_bind_text (stmt, 2, id);
  if (!civic_db_run (db, stmt, error))
    return 0;

  for (guint i = 0; scope != NULL && scope[i] != NULL; i++)
    {
      stmt = civic_db_prepare (db, "INSERT INTO entity_scope (type, id, department_id) "
                                   "VALUES (?, ?, ?) ON CONFLICT DO NOTHING", error);
      if (stmt == NULL)
        return 0;
      civic_db_bind_text (stmt, 1, type);
      civic_db_bind_text (stmt, 2, id);
      civic_db_bind_text (stmt, 3, scope[i]);
      if (!civic_db_run (db, stmt, error))
        return 0;
    }

  return seq;
}

/**
 * civic_server_db_delete_entity:
 *
 * Removes an entity at @rev with the next sequence number: the feed
 * carries it as deleted, so every client lets it go. Call inside a write
 * transaction.
 *
 * Returns: the sequence number, or 0 on error
 */
gint64
civic_server_db_delete_entity (CivicDb      *db,
                               const char   *type,
                               const char   *id,
                               gint64        rev,
                               GError      **error)
{
  g_autoptr(GDateTime) now = civic_time_now ();
  g_autofree char *updated_at = civic_time_format (now);
  CivicDbStmt *stmt;
  gint64 seq = civic_server_db_next_seq (db, error);

  if (seq == 0)
    return 0;
  stmt = civic_db_prepare (db, "UPDATE entity SET deleted = 1, rev = ?, seq = ?, scoped = 0, "
                               "  data = 'null', updated_at = ? WHERE type = ? AND id = ?",
                           error);
  if (stmt == NULL)
    return 0;
  civic_db_bind_int64 (stmt, 1, rev);
  civic_db_bind_int64 (stmt, 2, seq);
  civic_db_bind_text (stmt, 3, updated_at);
  civic_db_bind_text (stmt, 4, type);
  civic_db_bind_text (stmt, 5, id);
  if (!civic_db_run (db, stmt, error))
    return 0;
  stmt = civic_db_prepare (db, "DELETE FROM entity_scope WHERE type = ? AND id = ?", error);
  if (stmt == NULL)
    return 0;
  civic_db_bind_text (stmt, 1, type);
  civic_db_bind_text (stmt, 2, id);
  return civic_db_run (db, stmt, error) ? seq : 0;
}

gint64
civic_server_db_put_entity (CivicDb             *db,
                            const char          *type,
                            const char          *id,
                            gint64               rev,
                            JsonNode            *data,
                            const char * const  *scope,
                            GError             **error)
{
  g_autofree char *text = civic_json_to_string (data, FALSE);

  return civic_server_db_put_entity_text (db, type, id, rev, text, scope, error);
}

/**
 * civic_server_db_get_entity:
 *
 * Returns: (transfer full) (nullable): the entity, or %NULL without error
 * when there is none.
 */
CivicEntityRow *
civic_server_db_get_entity (CivicDb      *db,
                            const char   *type,
                            const char   *id,
                            GError      **error)
{
  CivicDbStmt *stmt;
  CivicEntityRow *result = NULL;
  gboolean row;

  stmt = civic_db_prepare (db, "SELECT seq, rev, deleted, data FROM entity "
                               "WHERE type = ? AND id = ?", error);
  if (stmt == NULL)
    return NULL;

  civic_db_bind_text (stmt, 1, type);
  civic_db_bind_text (stmt, 2, id);
  if (!civic_db_step (db, stmt, &row, error))
    return NULL;

  if (row)
    {
      result = g_new0 (CivicEntityRow, 1);
      result->seq = civic_db_column_int64 (stmt, 0);
      result->rev = civic_db_column_int64 (stmt, 1);
      result->deleted = civic_db_column_int (stmt, 2);
      result->data = g_strdup (civic_db_column_text (stmt, 3));
      result->type = g_strdup (type);
      result->id = g_strdup (id);
    }

  civic_db_reset (stmt);
  return result;
}

/**
 * civic_server_db_set_exclusions:
 * @department: (nullable): a department whose officials may not see it
 * @user: (nullable): an official who may not see it
 *
 * Replaces the entity's exclusions: whoever they are, whatever their role
 * (a supervisor's, a dispatcher's), those readers do not see it. Call
 * inside a write transaction.
 */
gboolean
civic_server_db_set_exclusions (CivicDb      *db,
                                const char   *type,
                                const char   *id,
                                const char   *department,
                                const char   *user,
                                GError      **error)
{
  g_autofree char *department_key = department ? g_strconcat ("department:", department, NULL) : NULL;
  g_autofree char *user_key = user ? g_strconcat ("user:", user, NULL) : NULL;
  const char *readers[] = { department_key, user_key };
  CivicDbStmt *stmt;

  stmt = civic_db_prepare (db, "DELETE FROM entity_exclude WHERE type = ? AND id = ?", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, type);
  civic_db_bind_text (stmt, 2, id);
  if (!civic_db_run (db, stmt, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      if (readers[i] == NULL)
        continue;
      stmt = civic_db_prepare (db, "INSERT INTO entity_exclude (type, id, reader) "
                                   "VALUES (?, ?, ?) ON CONFLICT DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;
      civic_db_bind_text (stmt, 1, type);
      civic_db_bind_text (stmt, 2, id);
      civic_db_bind_text (stmt, 3, readers[i]);
      if (!civic_db_run (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * civic_server_db_is_excluded:
 * @department: (nullable): the reader's department
 * @excluded: (out): whether the entity is kept from the reader
 *
 * Returns: whether it could be told; %FALSE with @error otherwise, when
 * the reader must be answered as if it were kept from them
 */
gboolean
civic_server_db_is_excluded (CivicDb      *db,
                             const char   *type,
                             const char   *id,
                             const char   *user,
                             const char   *department,
                             gboolean     *excluded,
                             GError      **error)
{
  g_autofree char *user_key = g_strconcat ("user:", user ? user : "", NULL);
  g_autofree char *department_key = g_strconcat ("department:", department ? department : "",
                                                 NULL);
  CivicDbStmt *stmt;
  gboolean row = FALSE;

  *excluded = TRUE;
  stmt = civic_db_prepare (db, "SELECT 1 FROM entity_exclude "
                               "WHERE type = ? AND id = ? AND reader IN (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  civic_db_bind_text (stmt, 1, type);
  civic_db_bind_text (stmt, 2, id);
  civic_db_bind_text (stmt, 3, user_key);
  civic_db_bind_text (stmt, 4, department_key);
  if (!civic_db_step (db, stmt, &row, error))
    return FALSE;
  civic_db_reset (stmt);
  *excluded = row;
  return TRUE;
}

/**
 * civic_server_db_get_scope:
 *
 * Returns: (transfer full) (nullable): the departments that may see the
 * entity; %NULL (and no error) when everyone may.
 */
GStrv
civic_server_db_get_scope (CivicDb      *db,
                           const char   *type,
                           const char   *id,
                           GError      **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  CivicDbStmt *stmt;
  gboolean row, any = FALSE;

  stmt = civic_db_prepare (db, "SELECT department_id FROM entity_scope "
                               "WHERE type = ? AND id = ?", error);
  if (stmt == NULL)
    return NULL;

  civic_db_bind_text (stmt, 1, type);
  civic_db_bind_text (stmt, 2, id);
  while (civic_db_step (db, stmt, &row, error) && row)
    {
      g_strv_builder_add (builder, civic_db_column_text (stmt, 0));
      any = TRUE;
    }
  civic_db_reset (stmt);

  return any ? g_strv_builder_end (builder) : NULL;
}

JsonNode *
civic_server_db_get_entity_json (CivicDb      *db,
                                 const char   *type,
                                 const char   *id,
                                 GError      **error)
{
  g_autoptr(CivicEntityRow) row = civic_server_db_get_entity (db, type, id, error);

  if (row == NULL)
    return NULL;

  return civic_json_parse (row->data, -1, error);
}

/**
 * civic_server_db_actor_sees:
 * @sees: (out): whether @actor may see the entity: it is in a department
 *   they see, and not one kept from them (a report from whom it accuses)
 *
 * Not there and not theirs answer alike: both leave @sees %FALSE.
 */
gboolean
civic_server_db_actor_sees (CivicDb           *db,
                            const CivicActor  *actor,
                            const char        *type,
                            const char        *id,
                            gboolean          *sees,
                            GError           **error)
{
  g_auto(GStrv) scope = NULL;
  g_autoptr(GError) local = NULL;
  gboolean excluded = TRUE;

  *sees = FALSE;
  scope = civic_server_db_get_scope (db, type, id, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (!civic_server_db_is_excluded (db, type, id, actor->id, actor->department_id, &excluded,
                                    error))
    return FALSE;
  *sees = !excluded && civic_policy_can_see (actor, (const char * const *) scope);
  return TRUE;
}
