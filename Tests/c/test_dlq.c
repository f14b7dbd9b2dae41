/* The "Dead letters" section of include/parley.h from C: failures reported by the host,
 * retries on a fake clock until the message is dead, retry now, resolve, purge, listings,
 * the state surviving close and reopen, and every documented failure status.
 * Built with -Wall -Wextra -Werror -pedantic; prints "N passed, N failed". */
#define _POSIX_C_SOURCE 200809L
#include "parley.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"

#define CHAT "250788123456@c.us"
#define START INT64_C(1764000000000)

static void temp_store(char dir[64], char config[256]) {
    make_store_dir(dir, "dlq");
    if (dir[0]) snprintf(config, 256, "{\"store\": {\"path\": \"%s/parley.db\"}, \"retries\": {\"jitter\": 0}}", dir);
    else config[0] = '\0';
}

static void process(parley_engine *engine, const char *id, const char *text) {
    char message[512];
    snprintf(message, sizeof message,
             "{\"id\":\"%s\",\"chat\":\"" CHAT "\",\"from\":\"" CHAT "\",\"timestamp\":1764000000,\"type\":\"text\",\"text\":\"%s\"}",
             id, text);
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_engine_process(engine, message, strlen(message), &out, &len), PARLEY_OK);
    parley_string_free(out);
}

/* The JSON a call returned, or NULL; the caller frees it. */
static char *get(parley_engine *engine, const char *id) {
    char *out = NULL;
    size_t len = 0;
    parley_status status = parley_dlq_get(engine, CHAT, id, &out, &len);
    CHECK(status == PARLEY_OK, "parley_dlq_get %s: %s", id, parley_status_name(status));
    CHECK(out == NULL || strlen(out) == len, "out_len matches");
    return out;
}

static int count(const char *haystack, const char *needle) {
    int n = 0;
    for (const char *p = haystack; p && (p = strstr(p, needle)) != NULL; p += strlen(needle)) n++;
    return n;
}

/* Default schedule without jitter: 5 min, then x5.2415 each step up to 12 h. */
static const int64_t delays[4] = {300000, 1572445, 8241943, 43200000};

static void test_failures_until_dead(void) {
    char dir[64], config[256];
    temp_store(dir, config);
    CHECK(dir[0] != '\0', "mkdtemp");
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_OK);
    process(engine, "m1", "The tap in unit 4B is leaking");

    int64_t now = START;
    char *out = NULL;
    size_t len = 0;
    for (int attempt = 1; attempt <= 5; attempt++) {
        char error[128];
        snprintf(error, sizeof error, "{\"status\": \"sheets_unavailable\", \"message\": \"HTTP 503 (%d)\"}", attempt);
        CHECK_STATUS(parley_message_fail(engine, CHAT, "m1", error, now), PARLEY_OK);
        out = get(engine, "m1");
        if (attempt == 5) {
            CHECK(out && strstr(out, "\"state\":\"dead\"") && strstr(out, "\"attempts\":5"), "dead after 5: %s", out ? out : "(null)");
            CHECK(out && count(out, "\"status\":\"sheets_unavailable\"") == 5, "5 errors kept");
            CHECK(out && strstr(out, "HTTP 503 (5)") && !strstr(out, "nextAttemptAt"), "the last error, no next attempt");
            parley_string_free(out);
            break;
        }
        CHECK(out && strstr(out, "\"state\":\"failed\""), "failed: %s", out ? out : "(null)");
        parley_string_free(out);
        /* Restart between failure and retry: the schedule is in the store. */
        parley_engine_close(engine);
        engine = NULL;
        CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_OK);
        int64_t due = now + delays[attempt - 1];
        CHECK_STATUS(parley_dlq_run_due(engine, due - 1, &out, &len), PARLEY_OK);
        CHECK(out && strstr(out, "\"retried\":[]"), "not due a millisecond early (attempt %d): %s", attempt, out ? out : "(null)");
        parley_string_free(out);
        CHECK_STATUS(parley_dlq_run_due(engine, due, &out, &len), PARLEY_OK);
        char expected[64];
        snprintf(expected, sizeof expected, "\"attempt\":%d", attempt + 1);
        CHECK(out && strstr(out, "\"id\":\"m1\"") && strstr(out, expected) && strstr(out, "\"status\":\"processed\"") &&
                  strstr(out, "\"intent\""),
              "retried at the due time: %.200s", out ? out : "(null)");
        CHECK(out && strlen(out) == len, "out_len");
        parley_string_free(out);
        now = due + 1000;
    }
    CHECK_STATUS(parley_dlq_run_due(engine, INT64_C(1) << 53, &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"retried\":[]"), "a dead one is never due");
    parley_string_free(out);

    /* Retry now, dead or not; then resolve. */
    CHECK_STATUS(parley_dlq_retry(engine, CHAT, "m1", now, &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"attempt\":6"), "a dead one retried by hand: %.120s", out ? out : "(null)");
    parley_string_free(out);
    CHECK_STATUS(parley_message_fail(engine, CHAT, "m1", NULL, now), PARLEY_OK);
    out = get(engine, "m1");
    CHECK(out && strstr(out, "\"state\":\"dead\"") && strstr(out, "\"attempts\":6"), "and dead again: %s", out ? out : "(null)");
    parley_string_free(out);
    CHECK_STATUS(parley_dlq_resolve(engine, CHAT, "m1"), PARLEY_OK);
    CHECK_STATUS(parley_dlq_resolve(engine, CHAT, "m1"), PARLEY_OK);
    out = get(engine, "m1");
    CHECK(out && strstr(out, "\"state\":\"resolved\""), "resolved");
    parley_string_free(out);
    CHECK_STATUS(parley_dlq_retry(engine, CHAT, "m1", now, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK(out == NULL && len == 0, "out cleared on failure");

    parley_engine_close(engine);
    remove_store_dir(dir);
}

static void test_list_and_purge(void) {
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open("{\"retries\": {\"attempts\": 2}}", &engine), PARLEY_OK);
    process(engine, "a", "Rent for March is paid");
    process(engine, "b", "Can I view the flat on Saturday?");
    process(engine, "c", "The gate is broken");
    process(engine, "d", "hello there");
    CHECK_STATUS(parley_message_fail(engine, CHAT, "a", "\"timeout\"", START), PARLEY_OK);
    CHECK_STATUS(parley_message_fail(engine, CHAT, "b", "{\"code\": 429}", START), PARLEY_OK);
    CHECK_STATUS(parley_message_fail(engine, CHAT, "c", NULL, START), PARLEY_OK);
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_dlq_run_due(engine, START + 360000, &out, &len), PARLEY_OK);
    CHECK(out && count(out, "\"attempt\":2") == 3, "three due, jitter or not: %.100s", out ? out : "(null)");
    parley_string_free(out);
    CHECK_STATUS(parley_message_fail(engine, CHAT, "a", NULL, START + 400000), PARLEY_OK); /* second failure: dead */

    CHECK_STATUS(parley_dlq_list(engine, NULL, &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"messages\":[{\"chat\":\"" CHAT "\",\"id\":\"a\",\"state\":\"dead\",\"attempts\":2,\"errors\":[") &&
              strstr(out, "\"message\":\"timeout\""),
          "list: %s", out ? out : "(null)");
    CHECK(out && count(out, "\"state\":") == 1, "b and c are processed again, not listed");
    parley_string_free(out);
    CHECK_STATUS(parley_message_fail(engine, CHAT, "b", NULL, START + 400000), PARLEY_OK);
    CHECK_STATUS(parley_message_fail(engine, CHAT, "c", NULL, START + 400000), PARLEY_OK);
    CHECK_STATUS(parley_dlq_list(engine, "{\"state\": \"dead\", \"limit\": 2}", &out, &len), PARLEY_OK);
    CHECK(out && count(out, "\"state\":\"dead\"") == 2, "limit 2: %s", out ? out : "(null)");
    CHECK(out && strstr(out, "\"code\":429"), "the host's keys are kept");
    parley_string_free(out);
    CHECK_STATUS(parley_dlq_list(engine, "{\"state\": \"failed\"}", &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"messages\":[]"), "none failed");
    parley_string_free(out);
    CHECK_STATUS(parley_dlq_list(engine, "{\"chat\": \"someone-else\"}", &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"messages\":[]"), "another chat");
    parley_string_free(out);

    CHECK_STATUS(parley_dlq_resolve(engine, CHAT, "a"), PARLEY_OK);
    CHECK_STATUS(parley_dlq_purge(engine, "{\"state\": \"resolved\"}", &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"purged\":1"), "one resolved purged: %s", out ? out : "(null)");
    parley_string_free(out);
    CHECK_STATUS(parley_dlq_purge(engine, NULL, &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"purged\":2"), "two dead purged: %s", out ? out : "(null)");
    parley_string_free(out);
    CHECK_STATUS(parley_dlq_get(engine, CHAT, "a", &out, &len), PARLEY_NOT_FOUND);
    out = get(engine, "d");
    CHECK(out && strstr(out, "\"state\":\"processed\"") && strstr(out, "\"errors\":[]"), "d untouched: %s", out ? out : "(null)");
    parley_string_free(out);
    parley_engine_close(engine);
}

static void test_failure_statuses(void) {
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open(NULL, &engine), PARLEY_OK);
    process(engine, "p", "When is rent due?");
    char *out = (char *)"sentinel";
    size_t len = 7;
    char big[5000];
    memset(big, ' ', sizeof big - 3);
    big[0] = '"';
    big[sizeof big - 3] = '"';
    big[sizeof big - 2] = '\0';

    CHECK_STATUS(parley_message_fail(NULL, CHAT, "p", NULL, START), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_message_fail(engine, NULL, "p", NULL, START), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_message_fail(engine, CHAT, NULL, NULL, START), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_message_fail(engine, "", "p", NULL, START), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_message_fail(engine, CHAT, "p", NULL, -1), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_message_fail(engine, CHAT, "p", "[1]", START), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_message_fail(engine, CHAT, "p", "{oops", START), PARLEY_MALFORMED_JSON);
    CHECK_STATUS(parley_message_fail(engine, CHAT, "p", "\"\xC3\x28\"", START), PARLEY_INVALID_UTF8);
    CHECK_STATUS(parley_message_fail(engine, CHAT, "\xC3\x28", NULL, START), PARLEY_INVALID_UTF8);
    CHECK_STATUS(parley_message_fail(engine, CHAT, "p", big, START), PARLEY_TOO_LARGE);
    CHECK_STATUS(parley_message_fail(engine, CHAT, "nope", NULL, START), PARLEY_NOT_FOUND);
    CHECK_STATUS(parley_message_fail(engine, CHAT, "p", NULL, START), PARLEY_OK);
    CHECK_STATUS(parley_message_fail(engine, CHAT, "p", NULL, START), PARLEY_INVALID_ARGUMENT); /* already failed */

    CHECK_STATUS(parley_dlq_run_due(NULL, START, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK(out == NULL && len == 0, "out cleared");
    CHECK_STATUS(parley_dlq_run_due(engine, START, NULL, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_dlq_run_due(engine, START, &out, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_dlq_run_due(engine, -5, &out, &len), PARLEY_INVALID_ARGUMENT);

    CHECK_STATUS(parley_dlq_list(engine, "{\"state\": \"processed\"}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_dlq_list(engine, "{\"limit\": 0}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_dlq_list(engine, "{\"colour\": 1}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_dlq_list(engine, "{", &out, &len), PARLEY_MALFORMED_JSON);
    /* "" is no JSON object: PARLEY_MALFORMED_JSON, as parley_engine_open("") is. */
    CHECK_STATUS(parley_dlq_list(engine, "", &out, &len), PARLEY_MALFORMED_JSON);
    CHECK_STATUS(parley_dlq_list(engine, "\xFF", &out, &len), PARLEY_INVALID_UTF8);
    CHECK_STATUS(parley_dlq_list(NULL, NULL, &out, &len), PARLEY_INVALID_ARGUMENT);

    CHECK_STATUS(parley_dlq_get(engine, CHAT, "nope", &out, &len), PARLEY_NOT_FOUND);
    CHECK_STATUS(parley_dlq_get(engine, NULL, "p", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_dlq_get(engine, CHAT, "", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_dlq_get(engine, CHAT, "p", NULL, NULL), PARLEY_INVALID_ARGUMENT);

    CHECK_STATUS(parley_dlq_retry(engine, CHAT, "nope", START, &out, &len), PARLEY_NOT_FOUND);
    CHECK_STATUS(parley_dlq_retry(engine, CHAT, "p", -1, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_dlq_retry(engine, CHAT, NULL, START, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_dlq_retry(engine, CHAT, "p", START, &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"attempt\":2"), "retried: %.80s", out ? out : "(null)");
    parley_string_free(out);
    CHECK_STATUS(parley_dlq_retry(engine, CHAT, "p", START, &out, &len), PARLEY_INVALID_ARGUMENT); /* processed now */

    CHECK_STATUS(parley_dlq_resolve(engine, CHAT, "nope"), PARLEY_NOT_FOUND);
    CHECK_STATUS(parley_dlq_resolve(engine, CHAT, "p"), PARLEY_INVALID_ARGUMENT); /* processed */
    CHECK_STATUS(parley_dlq_resolve(NULL, CHAT, "p"), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_dlq_resolve(engine, CHAT, NULL), PARLEY_INVALID_ARGUMENT);

    CHECK_STATUS(parley_dlq_purge(engine, "{\"state\": \"failed\"}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_dlq_purge(engine, "{\"limit\": 5}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_dlq_purge(engine, "nope", &out, &len), PARLEY_MALFORMED_JSON);
    CHECK_STATUS(parley_dlq_purge(engine, NULL, NULL, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_dlq_purge(engine, NULL, &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"purged\":0"), "nothing to purge");
    parley_string_free(out);

    parley_engine *bad = NULL;
    CHECK_STATUS(parley_engine_open("{\"retries\": {\"attempts\": 0}}", &bad), PARLEY_INVALID_CONFIG);
    CHECK_STATUS(parley_engine_open("{\"retries\": {\"jitter\": 2}}", &bad), PARLEY_INVALID_CONFIG);
    CHECK_STATUS(parley_engine_open("{\"retries\": {\"firstDelaySeconds\": 60, \"maxDelaySeconds\": 30}}", &bad), PARLEY_INVALID_CONFIG);
    CHECK_STATUS(parley_engine_open("{\"retries\": {\"tries\": 3}}", &bad), PARLEY_INVALID_CONFIG);
    CHECK(bad == NULL, "no engine on failure");
    parley_engine_close(engine);
}

int main(void) {
    test_failures_until_dead();
    test_list_and_purge();
    test_failure_statuses();
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
