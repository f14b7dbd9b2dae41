/* The "Store maintenance" section of include/parley.h from C: parley_store_maintain deletes or
 * archives messages past the retention, keeps newer ones, forgets the ids it deleted, reports
 * what it did as JSON, and fails with the documented statuses.
 * Built with -Wall -Wextra -Werror -pedantic; prints "N passed, N failed". */
#define _POSIX_C_SOURCE 200809L
#include "parley.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

#define DAY_SECONDS 86400LL
#define DAY_MILLIS 86400000LL

static int64_t wall_millis(void) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    return (int64_t)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

/* Processes message `id` of `chat` stamped `timestamp`; returns the status and whether the
 * context came back as a duplicate. */
static parley_status send(parley_engine *engine, const char *id, const char *chat, long long timestamp, int *duplicate) {
    char json[512];
    int length = snprintf(json, sizeof json,
                          "{\"id\":\"%s\",\"chat\":\"%s\",\"from\":\"%s\",\"timestamp\":%lld,\"type\":\"text\","
                          "\"text\":\"The tap in unit B4 is leaking\"}",
                          id, chat, chat, timestamp);
    char *out = NULL;
    size_t len = 0;
    parley_status status = parley_engine_process(engine, json, (size_t)length, &out, &len);
    if (duplicate) *duplicate = out && strstr(out, "\"status\":\"duplicate\"") != NULL;
    parley_string_free(out);
    return status;
}

/* The integer value of "key" in a flat JSON object, or -1. */
static long long field(const char *json, const char *key) {
    char pattern[64];
    snprintf(pattern, sizeof pattern, "\"%s\":", key);
    const char *at = json ? strstr(json, pattern) : NULL;
    return at ? strtoll(at + strlen(pattern), NULL, 10) : -1;
}

static long long archived_rows(const char *path, const char *table) {
    sqlite3 *db = NULL;
    long long count = -1;
    char sql[64];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
        sqlite3_stmt *statement = NULL;
        if (sqlite3_prepare_v2(db, sql, -1, &statement, NULL) == SQLITE_OK && sqlite3_step(statement) == SQLITE_ROW)
            count = sqlite3_column_int64(statement, 0);
        sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return count;
}

static void test_delete_and_archive(int archive) {
    char dir[64] = "/tmp/parley-retention-XXXXXX";
    if (!mkdtemp(dir)) {
        CHECK(0, "mkdtemp");
        return;
    }
    char config[512], archive_path[128];
    snprintf(archive_path, sizeof archive_path, "%s/archive.db", dir);
    if (archive)
        snprintf(config, sizeof config, "{\"store\": {\"path\": \"%s/p.db\"}, \"retention\": {\"days\": 30, \"archive\": \"%s\"}}",
                 dir, archive_path);
    else
        snprintf(config, sizeof config, "{\"store\": {\"path\": \"%s/p.db\"}, \"retention\": {\"days\": 30}}", dir);
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_OK);
    if (!engine) return;
    int64_t wall = wall_millis();
    long long seconds = wall / 1000;
    CHECK_STATUS(send(engine, "old1", "a", seconds - 50 * DAY_SECONDS, NULL), PARLEY_OK);
    CHECK_STATUS(send(engine, "old2", "b", seconds - 40 * DAY_SECONDS, NULL), PARLEY_OK);
    CHECK_STATUS(send(engine, "new1", "a", seconds + 10 * DAY_SECONDS, NULL), PARLEY_OK);

    /* Measured 31 days from now, every message arrived over 30 days before: the two stamped
     * before the cutoff go, the one stamped after it stays. */
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_store_maintain(engine, wall + 31 * DAY_MILLIS, &out, &len), PARLEY_OK);
    CHECK(out && strlen(out) == len, "out_len matches");
    CHECK(field(out, "schema") == PARLEY_SCHEMA_VERSION, "schema: %s", out ? out : "");
    CHECK(field(out, archive ? "archived" : "deleted") == 2, "two old messages went: %s", out ? out : "");
    CHECK(field(out, archive ? "deleted" : "archived") == 0, "and no other way: %s", out ? out : "");
    CHECK(field(out, "claimsExpired") == 0 && field(out, "freedPages") >= 0, "report fields: %s", out ? out : "");
    CHECK(out && strstr(out, "\"autoVacuum\":\"incremental\""), "new stores vacuum incrementally: %s", out ? out : "");
    parley_string_free(out);

    int duplicate = -1;
    CHECK_STATUS(send(engine, "new1", "a", seconds + 10 * DAY_SECONDS, &duplicate), PARLEY_OK);
    CHECK(duplicate == 1, "the newer message is still stored");
    CHECK_STATUS(send(engine, "old1", "a", seconds - 50 * DAY_SECONDS, &duplicate), PARLEY_OK);
    CHECK(duplicate == 0, "a message past its retention is forgotten: processed anew");
    parley_engine_close(engine);

    if (archive) CHECK(archived_rows(archive_path, "messages") == 2, "the archive holds the two messages");
    char path[160];
    static const char *files[] = {"p.db", "p.db-wal", "p.db-shm", "archive.db", "archive.db-journal"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        unlink(path);
    }
    rmdir(dir);
}

static void test_days_zero_and_bad_arguments(void) {
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open("{\"retention\": {\"days\": 0}}", &engine), PARLEY_OK);
    if (!engine) return;
    CHECK_STATUS(send(engine, "ancient", "a", 1000, NULL), PARLEY_OK);
    int first = 0;
    CHECK_STATUS(parley_idempotency_claim(engine, "sheets:1", 1, &first), PARLEY_OK);
    char *out = NULL;
    size_t len = 0;
    /* 0: the wall clock. A year on, the claim has expired; days 0 keeps every message. */
    CHECK_STATUS(parley_store_maintain(engine, wall_millis() + 365 * DAY_MILLIS, &out, &len), PARLEY_OK);
    CHECK(field(out, "deleted") == 0 && field(out, "claimsExpired") == 1, "days 0 keeps messages: %s", out ? out : "");
    CHECK(out && strstr(out, "\"cutoff\":null"), "no cutoff when kept forever: %s", out ? out : "");
    parley_string_free(out);
    int duplicate = -1;
    CHECK_STATUS(send(engine, "ancient", "a", 1000, &duplicate), PARLEY_OK);
    CHECK(duplicate == 1, "still stored");
    CHECK_STATUS(parley_store_maintain(engine, 0, &out, &len), PARLEY_OK);
    parley_string_free(out);

    out = (char *)1;
    len = 7;
    CHECK_STATUS(parley_store_maintain(NULL, 0, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK(out == NULL && len == 0, "outputs cleared on failure");
    CHECK_STATUS(parley_store_maintain(engine, 0, NULL, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_store_maintain(engine, 0, &out, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_store_maintain(engine, -1, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK(strstr(parley_last_error(), "parley_store_maintain") != NULL, "the error names the function: %s", parley_last_error());
    CHECK_STATUS(parley_store_maintain(engine, (int64_t)1 << 60, &out, &len), PARLEY_INVALID_ARGUMENT);
    parley_engine_close(engine);

    CHECK_STATUS(parley_engine_open("{\"retention\": {\"days\": -1}}", &engine), PARLEY_INVALID_CONFIG);
    CHECK_STATUS(parley_engine_open("{\"retention\": {\"weeks\": 4}}", &engine), PARLEY_INVALID_CONFIG);
    CHECK_STATUS(parley_engine_open("{\"retention\": {\"intervalMinutes\": 0}}", &engine), PARLEY_INVALID_CONFIG);
}

static void test_unwritable_archive(void) {
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open("{\"retention\": {\"archive\": \"/nonexistent-dir/archive.db\"}}", &engine), PARLEY_OK);
    if (!engine) return;
    CHECK_STATUS(send(engine, "old", "a", 1000, NULL), PARLEY_OK);
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_store_maintain(engine, wall_millis() + 31 * DAY_MILLIS, &out, &len), PARLEY_STORAGE);
    CHECK(strstr(parley_last_error(), "archive") != NULL, "the error names the archive: %s", parley_last_error());
    int duplicate = -1;
    CHECK_STATUS(send(engine, "old", "a", 1000, &duplicate), PARLEY_OK);
    CHECK(duplicate == 1, "nothing was deleted");
    parley_engine_close(engine);
}

int main(void) {
    test_delete_and_archive(0);
    test_delete_and_archive(1);
    test_days_zero_and_bad_arguments();
    test_unwritable_archive();
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
