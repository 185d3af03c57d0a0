/* civic-test-service.h — the real civicdesk-server, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Every test runs the service at this instant, so dates are the same
 * whatever day the tests run. */
#define CIVIC_TEST_NOW "2026-03-20T10:00:00+08:00"

typedef struct
{
  char        *data_dir;
  char        *base_url;
  guint        port;
  GSubprocess *process;
  gboolean     warnings_expected;  /* a fault test: the service logs what fails */
} CivicTestService;

CivicTestService *civic_test_service_new_demo (int                cases,
                                               guint64            seed);
CivicTestService *civic_test_service_new_demo_with (int                 cases,
                                                    guint64             seed,
                                                    const char * const *demo_args);
CivicTestService *civic_test_service_new_empty (void);
CivicTestService *civic_test_service_new_sibling (CivicTestService *service);
void              civic_test_service_start    (CivicTestService  *service);
void              civic_test_service_start_with (CivicTestService  *service,
                                                const char * const *extra);
void              civic_test_service_start_tls (CivicTestService *service,
                                               const char        *cert,
                                               const char        *key);
void              civic_test_service_stop     (CivicTestService  *service);
void              civic_test_service_kill     (CivicTestService  *service);
void              civic_test_service_free     (CivicTestService  *service);
int               civic_test_service_cli      (CivicTestService  *service,
                                               const char        *input,
                                               char             **output,
                                               ...) G_GNUC_NULL_TERMINATED;

JsonNode         *civic_test_request          (CivicTestService  *service,
                                               const char        *method,
                                               const char        *path,
                                               const char        *token,
                                               const char        *body,
                                               guint             *status);
JsonNode         *civic_test_request_in_language (CivicTestService *service,
                                                  const char       *language,
                                                  const char       *method,
                                                  const char       *path,
                                                  const char       *token,
                                                  const char       *body,
                                                  guint            *status);
JsonNode         *civic_test_request_with_headers (CivicTestService   *service,
                                                   const char * const *headers,
                                                   const char         *method,
                                                   const char         *path,
                                                   const char         *token,
                                                   const char         *body,
                                                   guint              *status);
JsonNode         *civic_test_upload           (CivicTestService  *service,
                                               const char        *path,
                                               const char        *token,
                                               const char        *content_type,
                                               GBytes            *content,
                                               guint             *status);
GBytes           *civic_test_download         (CivicTestService  *service,
                                               const char        *path,
                                               const char        *token,
                                               guint             *status,
                                               char             **content_type);
GBytes           *civic_test_download_in_language (CivicTestService *service,
                                                   const char       *language,
                                                   const char       *path,
                                                   const char       *token,
                                                   guint            *status,
                                                   char            **content_type);
GBytes           *civic_test_fetch            (CivicTestService  *service,
                                               const char        *path,
                                               const char        *if_none_match,
                                               guint             *status,
                                               char             **content_type,
                                               char             **etag);
char             *civic_test_sign_in          (CivicTestService  *service,
                                               const char        *username);
gint64            civic_test_pull_page        (CivicTestService  *service,
                                               const char        *token,
                                               gint64             after,
                                               guint              limit,
                                               GHashTable        *entities,
                                               gboolean          *more);
gint64            civic_test_pull_all         (CivicTestService  *service,
                                               const char        *token,
                                               gint64             after,
                                               GHashTable        *entities);
char             *civic_test_comment_body     (const char        *id,
                                               const char        *target,
                                               const char        *text);
GPtrArray        *civic_test_department_cases (CivicTestService  *service,
                                               const char        *department,
                                               guint              at_least);
GPtrArray        *civic_test_pull_cases       (CivicTestService  *service,
                                              const char        *token);
GPtrArray        *civic_test_records          (CivicTestService  *service,
                                              const char        *type);
JsonObject       *civic_test_open_record      (CivicTestService  *service,
                                              const char        *token,
                                              const char        *collection,
                                              const char        *id);
void              civic_test_read_all         (CivicTestService  *service,
                                              GHashTable        *entities);
const char       *civic_test_case_says        (JsonObject        *kase,
                                              const char        *member);
char             *civic_test_uuid             (void);

/* Commands, as a client sends them one at a time */
JsonObject       *civic_test_object_of        (JsonNode          *node);
char             *civic_test_quote            (const char        *text);
gboolean          civic_test_postgresql       (void);
char             *civic_test_new_database     (void);
char             *civic_test_start_standby    (void);
char             *civic_test_standby_uri      (const char        *standby_dir,
                                               const char        *data_dir);
char             *civic_test_standby_exec     (const char        *standby_dir,
                                               const char        *sql);
void              civic_test_stop_standby     (const char        *standby_dir);
void              civic_test_restart_postgresql (void);
void              civic_test_prepare_data_dir (const char        *data_dir);
GPtrArray        *civic_test_sql              (const char        *data_dir,
                                               const char        *sql,
                                               ...) G_GNUC_NULL_TERMINATED;
char             *civic_test_database_uri     (const char        *data_dir);
char             *civic_test_sql_fails        (const char        *data_dir,
                                               const char        *sql);
const char       *civic_test_sql_value        (GPtrArray         *rows,
                                               guint              row,
                                               guint              column);
void              civic_test_copy_folder      (const char        *from,
                                               const char        *to);
void              civic_test_copy_database    (const char        *from_dir,
                                               const char        *to_dir);
gint64            civic_test_count_rows       (CivicTestService  *service,
                                               const char        *sql);
char             *civic_test_audit_of         (CivicTestService  *service,
                                               const char        *action,
                                               const char        *target);
JsonObject       *civic_test_send             (CivicTestService  *service,
                                               const char        *token,
                                               const char        *type,
                                               const char        *target,
                                               const char        *args,
                                               JsonNode         **holder);
JsonObject       *civic_test_send_for         (CivicTestService  *service,
                                               const char        *token,
                                               const char        *on_behalf_of,
                                               const char        *type,
                                               const char        *target,
                                               const char        *args,
                                               JsonNode         **holder);
char             *civic_test_id_of            (CivicTestService  *service,
                                               const char        *username);
const char       *civic_test_reason           (JsonObject        *result,
                                               const char        *member);
JsonObject       *civic_test_applied          (CivicTestService  *service,
                                               const char        *token,
                                               const char        *type,
                                               const char        *target,
                                               const char        *args,
                                               JsonNode         **holder);
void              civic_test_rejected         (CivicTestService  *service,
                                               const char        *token,
                                               const char        *type,
                                               const char        *target,
                                               const char        *args,
                                               const char        *code);
char             *civic_test_post_form        (CivicTestService  *service,
                                               const char        *path,
                                               guint             *status,
                                               ...) G_GNUC_NULL_TERMINATED;
void              civic_test_remove_tree      (const char        *path);
gboolean          civic_test_file_holds       (const char        *path,
                                               const char        *needle);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CivicTestService, civic_test_service_free)

G_END_DECLS
