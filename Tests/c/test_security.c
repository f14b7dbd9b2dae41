/* The "Log" section of include/parley.h and the security promises from C: log lines through
 * parley_log_set_callback (levels, masking, threads), error messages without phone numbers or
 * emails, an owner-only store and log file, replayed and oversized webhooks.
 * Built with -Wall -Wextra -Werror -pedantic; prints "N passed, N failed". */
#define _POSIX_C_SOURCE 200809L
#include "parley.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

struct lines {
    pthread_mutex_t lock;
    int count;
    int min_level_seen;
    char text[64][1024];
};

static void on_log(void *user_data, parley_log_level level, const char *line, size_t len) {
    struct lines *lines = user_data;
    pthread_mutex_lock(&lines->lock);
    if ((int)level < lines->min_level_seen) lines->min_level_seen = (int)level;
    if (lines->count < 64 && len < 1024 && strlen(line) == len) memcpy(lines->text[lines->count++], line, len + 1);
    pthread_mutex_unlock(&lines->lock);
}

static int any_line_contains(struct lines *lines, const char *needle) {
    for (int i = 0; i < lines->count; i++)
        if (strstr(lines->text[i], needle)) return 1;
    return 0;
}

static int file_mode(const char *path) {
    struct stat info;
    return stat(path, &info) == 0 ? (int)(info.st_mode & 0777) : -1;
}

static void test_callback_levels_and_masking(void) {
    char dir[64], config[512], db[128], log[128];
    make_store_dir(dir, "security");
    snprintf(db, sizeof db, "%s/parley.db", dir);
    snprintf(log, sizeof log, "%s/p.log", dir);
    snprintf(config, sizeof config, "{\"store\": {\"path\": \"%s\"}, \"log\": {\"path\": \"%s\", \"level\": \"debug\"}}", db, log);
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_OK);
    if (!engine) return;
    CHECK(file_mode(db) == 0600, "the store is %o, expected 600", file_mode(db));
    CHECK(file_mode(log) == 0600, "the log is %o, expected 600", file_mode(log));

    struct lines lines = {.lock = PTHREAD_MUTEX_INITIALIZER, .count = 0, .min_level_seen = 99};
    CHECK_STATUS(parley_log_set_callback(engine, on_log, &lines, (parley_log_level)7), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_log_set_callback(NULL, on_log, &lines, PARLEY_LOG_INFO), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_log_set_callback(engine, on_log, &lines, PARLEY_LOG_INFO), PARLEY_OK);

    /* A message the engine refuses, naming a tenant's number and email. */
    const char *bad = "{\"id\":\"m1\",\"chat\":\"250788123456@c.us\",\"from\":\"+250 788 123 456\","
                      "\"timestamp\":\"later\",\"type\":\"text\",\"text\":\"mail aline@example.com\"}";
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_engine_process(engine, bad, strlen(bad), &out, &len), PARLEY_INVALID_MESSAGE);
    CHECK(strstr(parley_last_error(), "788123456") == NULL && strstr(parley_last_error(), "788 123 456") == NULL,
          "the error names the number");
    CHECK(lines.count == 1 && any_line_contains(&lines, "\"event\":\"message.rejected\""), "%d lines", lines.count);
    CHECK(lines.min_level_seen >= PARLEY_LOG_INFO, "a debug line passed the info level");
    for (int i = 0; i < lines.count; i++)
        CHECK(strstr(lines.text[i], "788123456") == NULL && strstr(lines.text[i], "aline@") == NULL, "unmasked: %s", lines.text[i]);

    /* Removing the callback stops it. */
    CHECK_STATUS(parley_log_set_callback(engine, NULL, NULL, PARLEY_LOG_DEBUG), PARLEY_OK);
    CHECK_STATUS(parley_engine_process(engine, bad, strlen(bad), &out, &len), PARLEY_INVALID_MESSAGE);
    CHECK(lines.count == 1, "a removed callback was still called");
    parley_engine_close(engine);

    FILE *file = fopen(log, "r");
    int count = 0, masked = 1;
    char line[2048];
    while (file && fgets(line, sizeof line, file)) {
        count++;
        if (strstr(line, "788123456") || strstr(line, "788 123 456") || strstr(line, "aline@")) masked = 0;
        CHECK(line[0] == '{' && strstr(line, "\"level\":") && strstr(line, "\"event\":"), "not a JSON line: %s", line);
    }
    if (file) fclose(file);
    CHECK(count >= 4, "the log file has %d lines (open, 2 rejected, close)", count);
    CHECK(masked, "the log file names the number or email");
    unlink(log);
    remove_store_dir(dir);
}

static const char *webhook =
    "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":"
    "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":\"1\"},\"messages\":[{\"from\":\"250788123456\","
    "\"id\":\"wamid.R1\",\"timestamp\":\"1764057600\",\"type\":\"text\",\"text\":{\"body\":\"hello\"}}]}}]}]}";

static void test_webhook_replay_and_limit(void) {
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open("{\"webhook\": {\"maxBodyBytes\": 4096}}", &engine), PARLEY_OK);
    if (!engine) return;
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_engine_ingest_webhook(engine, webhook, strlen(webhook), NULL, &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"replay\":false") && strstr(out, "\"status\":\"processed\""), "%s", out ? out : "(null)");
    parley_string_free(out);
    CHECK_STATUS(parley_engine_ingest_webhook(engine, webhook, strlen(webhook), NULL, &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"replay\":true") && strstr(out, "\"status\":\"duplicate\""), "%s", out ? out : "(null)");
    parley_string_free(out);

    size_t big = 5000;
    char *body = malloc(big + 1);
    memset(body, ' ', big);
    memcpy(body, webhook, strlen(webhook));
    body[big] = '\0';
    CHECK_STATUS(parley_engine_ingest_webhook(engine, body, big, NULL, &out, &len), PARLEY_TOO_LARGE);
    CHECK(out == NULL && len == 0, "an output on failure");
    CHECK(strstr(parley_last_error(), "webhook.maxBodyBytes") != NULL, "the error does not name the setting");
    free(body);
    parley_engine_close(engine);

    CHECK_STATUS(parley_engine_open("{\"webhook\": {\"maxBodyBytes\": 0}}", &engine), PARLEY_INVALID_CONFIG);
    CHECK_STATUS(parley_engine_open("{\"log\": {\"level\": \"chatty\"}}", &engine), PARLEY_INVALID_CONFIG);
}

int main(void) {
    test_callback_levels_and_masking();
    test_webhook_replay_and_limit();
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
