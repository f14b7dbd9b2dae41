/* The "Outbox" section of include/parley.h from C: enqueue (idempotent), batches inside the
 * windows on the host's fake clock, confirm (success, retry, rate limit), delivery statuses
 * that only move forward, durability across reopen, and every documented failure status.
 * Built with -Wall -Wextra -Werror -pedantic; prints "N passed, N failed". */
#define _POSIX_C_SOURCE 200809L
#include "parley.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static int count_sends(const char *json) {
    int n = 0;
    for (const char *p = json; (p = strstr(p, "\"attempt\"")) != NULL; p++) n++;
    return n;
}

/* The first send's id in a batch, 0 if none. */
static uint64_t first_id(const char *json) {
    const char *p = strstr(json, "\"sends\":[{\"id\":");
    return p ? strtoull(p + strlen("\"sends\":[{\"id\":"), NULL, 10) : 0;
}

static void test_outbox(void) {
    char dir[64], config[400];
    make_store_dir(dir, "outbox");
    CHECK(dir[0] != '\0', "mkdtemp");
    snprintf(config, sizeof config,
             "{\"store\": {\"path\": \"%s/parley.db\"}, \"outbox\": {\"perSecond\": 2, \"perMinute\": 100, "
             "\"perHour\": 1000, \"recipient\": {\"minSpacingMs\": 0}, \"jitter\": {\"seed\": 1}}}", dir);
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_OK);

    uint64_t id = 0, again = 0, other = 0;
    const char *send = "{\"to\": \"+250 788 123 456\", \"text\": \"Your rent is due\", \"idempotencyKey\": \"rent:7\"}";
    CHECK_STATUS(parley_outbox_enqueue(engine, send, strlen(send), &id), PARLEY_OK);
    CHECK(id > 0, "an id");
    CHECK_STATUS(parley_outbox_enqueue(engine, send, strlen(send), &again), PARLEY_OK);
    CHECK(again == id, "the same key is the same send: %llu vs %llu", (unsigned long long)again, (unsigned long long)id);
    for (int i = 0; i < 3; i++) {
        char more[120];
        snprintf(more, sizeof more, "{\"to\": \"25078800%04d@c.us\", \"text\": \"hi\", \"priority\": \"low\"}", i);
        CHECK_STATUS(parley_outbox_enqueue(engine, more, strlen(more), &other), PARLEY_OK);
    }

    char *json = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_outbox_next_batch(engine, 1000, 10, &json, &len), PARLEY_OK);
    CHECK(json && count_sends(json) == 2, "two a second: %s", json ? json : "(null)");
    CHECK(json && strstr(json, "\"outsideServiceWindow\":true") != NULL, "flagged: %s", json ? json : "");
    uint64_t handed = json ? first_id(json) : 0;
    CHECK(handed == id, "the first queued goes first");
    parley_string_free(json);
    CHECK_STATUS(parley_outbox_next_batch(engine, 1500, 10, &json, &len), PARLEY_OK);
    CHECK(json && count_sends(json) == 0, "the second is full: %s", json ? json : "");
    parley_string_free(json);

    CHECK_STATUS(parley_outbox_confirm(engine, id, 1, "{\"messageId\": \"wamid.C1\"}"), PARLEY_OK);
    const char *read = "{\"id\": \"wamid.C1\", \"status\": \"read\"}";
    CHECK_STATUS(parley_outbox_delivery(engine, read, strlen(read)), PARLEY_OK);
    const char *late = "{\"messageId\": \"wamid.C1\", \"status\": \"delivered\"}";
    CHECK_STATUS(parley_outbox_delivery(engine, late, strlen(late)), PARLEY_OK);
    CHECK_STATUS(parley_outbox_get(engine, id, &json, &len), PARLEY_OK);
    CHECK(json && strstr(json, "\"state\":\"read\"") != NULL, "read stays read: %s", json ? json : "");
    parley_string_free(json);
    const char *unknown = "{\"id\": \"wamid.nobody\", \"status\": \"sent\"}";
    CHECK_STATUS(parley_outbox_delivery(engine, unknown, strlen(unknown)), PARLEY_NOT_FOUND);

    /* A rate-limited send is re-offered and halves the limits. */
    CHECK_STATUS(parley_outbox_next_batch(engine, 2000, 10, &json, &len), PARLEY_OK);
    uint64_t limited = json ? first_id(json) : 0;
    parley_string_free(json);
    CHECK(limited > 0, "a send at 2 s");
    CHECK_STATUS(parley_outbox_confirm(engine, limited, 0, "{\"error\": {\"code\": 130429}}"), PARLEY_OK);
    CHECK_STATUS(parley_outbox_status(engine, &json, &len), PARLEY_OK);
    CHECK(json && strstr(json, "\"throttle\":0.5") != NULL, "throttled: %s", json ? json : "");
    CHECK(json && strstr(json, "\"schema\":1") != NULL, "schema");
    parley_string_free(json);
    CHECK_STATUS(parley_outbox_confirm(engine, id, 1, NULL), PARLEY_OK); /* settled: no change */

    /* Durable: closed and reopened, the queued sends are still there. */
    parley_engine_close(engine);
    engine = NULL;
    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_OK);
    CHECK_STATUS(parley_outbox_status(engine, &json, &len), PARLEY_OK);
    CHECK(json && strstr(json, "\"read\":1") != NULL, "states survive: %s", json ? json : "");
    parley_string_free(json);
    CHECK_STATUS(parley_outbox_next_batch(engine, 200000, 10, &json, &len), PARLEY_OK);
    CHECK(json && count_sends(json) >= 1, "sends come back after reopen: %s", json ? json : "");
    parley_string_free(json);

    /* Failures: out pointers cleared, errors set. */
    id = 7;
    CHECK_STATUS(parley_outbox_enqueue(NULL, send, strlen(send), &id), PARLEY_INVALID_ARGUMENT);
    CHECK(id == 0, "out_id cleared");
    CHECK_STATUS(parley_outbox_enqueue(engine, NULL, 4, &id), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_outbox_enqueue(engine, send, 0, &id), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_outbox_enqueue(engine, send, strlen(send), NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_outbox_enqueue(engine, "{\"to\": 5", 8, &id), PARLEY_MALFORMED_JSON);
    CHECK_STATUS(parley_outbox_enqueue(engine, "{\"to\": \"\xff\"}", 11, &id), PARLEY_INVALID_UTF8);
    const char *bad = "{\"to\": \"250788123456\", \"text\": \"x\", \"priority\": \"asap\"}";
    CHECK_STATUS(parley_outbox_enqueue(engine, bad, strlen(bad), &id), PARLEY_INVALID_ARGUMENT);
    CHECK(strstr(parley_last_error(), "250788123456") == NULL, "no number in the message: %s", parley_last_error());
    json = (char *)1;
    CHECK_STATUS(parley_outbox_next_batch(engine, -1, 10, &json, &len), PARLEY_INVALID_ARGUMENT);
    CHECK(json == NULL && len == 0, "out_json cleared");
    CHECK_STATUS(parley_outbox_next_batch(engine, 0, 0, &json, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_outbox_next_batch(engine, 0, 10, NULL, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_outbox_confirm(engine, 0, 1, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_outbox_confirm(engine, 99999, 1, NULL), PARLEY_NOT_FOUND);
    CHECK_STATUS(parley_outbox_confirm(NULL, 1, 1, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_outbox_get(engine, 99999, &json, &len), PARLEY_NOT_FOUND);
    CHECK_STATUS(parley_outbox_status(NULL, &json, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_outbox_delivery(engine, "{\"status\": \"sent\"}", 18), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_outbox_delivery(engine, NULL, 3), PARLEY_INVALID_ARGUMENT);
    parley_engine *refused = NULL;
    CHECK_STATUS(parley_engine_open("{\"outbox\": {\"perSecnd\": 1}}", &refused), PARLEY_INVALID_CONFIG);

    parley_engine_close(engine);
    remove_store_dir(dir);
}

int main(void) {
    test_outbox();
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
