/* The "Reliability" section of include/parley.h from C: idempotency claims (durable across
 * reopen, one winner among threads) and circuit breakers driven by the host's clock, with
 * every documented failure status.
 * Built with -Wall -Wextra -Werror -pedantic; prints "N passed, N failed". */
#define _POSIX_C_SOURCE 200809L
#include "parley.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

/* A temporary directory's store path, or "" when none could be made. */
static void temp_store(char dir[64], char config[160]) {
    make_store_dir(dir, "reliability");
    if (dir[0]) snprintf(config, 160, "{\"store\": {\"path\": \"%s/parley.db\"}}", dir);
    else config[0] = '\0';
}

static void test_claims(void) {
    char dir[64], config[160];
    temp_store(dir, config);
    CHECK(dir[0] != '\0', "mkdtemp");
    parley_engine *engine = NULL;
    int first = -1;
    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_OK);

    CHECK_STATUS(parley_idempotency_claim(engine, "sheets:row:17", 3600, &first), PARLEY_OK);
    CHECK(first == 1, "the first claim wins, got %d", first);
    CHECK_STATUS(parley_idempotency_claim(engine, "sheets:row:17", 3600, &first), PARLEY_OK);
    CHECK(first == 0, "a second claim sees the first, got %d", first);
    CHECK_STATUS(parley_idempotency_claim(engine, "pay:\xE2\x82\xA3" "42", 3600, &first), PARLEY_OK);
    CHECK(first == 1, "a UTF-8 key is its own key");

    /* Release: the key may be claimed again; releasing an unclaimed key is OK. */
    CHECK_STATUS(parley_idempotency_claim(engine, "pay:9", 3600, &first), PARLEY_OK);
    CHECK_STATUS(parley_idempotency_release(engine, "pay:9"), PARLEY_OK);
    CHECK_STATUS(parley_idempotency_claim(engine, "pay:9", 3600, &first), PARLEY_OK);
    CHECK(first == 1, "a released key is claimed afresh");
    CHECK_STATUS(parley_idempotency_release(engine, "never-claimed"), PARLEY_OK);
    CHECK_STATUS(parley_idempotency_release(engine, "pay:9"), PARLEY_OK);

    /* Expiry, on the wall clock: a one-second claim is claimable again after it. */
    CHECK_STATUS(parley_idempotency_claim(engine, "short", 1, &first), PARLEY_OK);
    CHECK(first == 1, "short claim");
    CHECK_STATUS(parley_idempotency_claim(engine, "short", 1, &first), PARLEY_OK);
    CHECK(first == 0, "short claim still held");
    nanosleep(&(struct timespec){1, 100 * 1000 * 1000}, NULL);
    CHECK_STATUS(parley_idempotency_claim(engine, "short", 1, &first), PARLEY_OK);
    CHECK(first == 1, "an expired claim is claimed again, got %d", first);

    /* Every failure path; out_first is 0 after each. */
    char long_key[514];
    memset(long_key, 'k', 513);
    long_key[513] = '\0';
    first = 7;
    CHECK_STATUS(parley_idempotency_claim(NULL, "k", 10, &first), PARLEY_INVALID_ARGUMENT);
    CHECK(first == 0, "out_first cleared on failure, got %d", first);
    CHECK_STATUS(parley_idempotency_claim(engine, NULL, 10, &first), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_idempotency_claim(engine, "", 10, &first), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_idempotency_claim(engine, long_key, 10, &first), PARLEY_INVALID_ARGUMENT);
    CHECK(strstr(parley_last_error(), "512") != NULL, "the error names the limit: %s", parley_last_error());
    long_key[512] = '\0';
    CHECK_STATUS(parley_idempotency_claim(engine, long_key, 10, &first), PARLEY_OK);
    CHECK(first == 1, "a 512-byte key is fine");
    CHECK_STATUS(parley_idempotency_claim(engine, "\xff\xfe", 10, &first), PARLEY_INVALID_UTF8);
    CHECK_STATUS(parley_idempotency_claim(engine, "k", 0, &first), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_idempotency_claim(engine, "k", -1, &first), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_idempotency_claim(engine, "k", INT64_MAX, &first), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_idempotency_claim(engine, "k", 10, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_idempotency_release(NULL, "k"), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_idempotency_release(engine, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_idempotency_release(engine, ""), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_idempotency_release(engine, "\xc3\x28"), PARLEY_INVALID_UTF8);
    parley_engine_close(engine);

    /* Durable: the claims are still there after a reopen. */
    engine = NULL;
    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_OK);
    CHECK_STATUS(parley_idempotency_claim(engine, "sheets:row:17", 3600, &first), PARLEY_OK);
    CHECK(first == 0, "a claim survives close and reopen, got %d", first);
    CHECK_STATUS(parley_idempotency_claim(engine, "pay:9", 3600, &first), PARLEY_OK);
    CHECK(first == 1, "a release survives close and reopen, got %d", first);
    parley_engine_close(engine);
    remove_store_dir(dir);
}

typedef struct {
    parley_engine *engine;
    int firsts;
    int failures;
} claimer_args;

static void *claimer(void *arg) {
    claimer_args *c = arg;
    char key[32];
    for (int i = 0; i < 100; i++) {
        int first = 0;
        snprintf(key, sizeof key, "race-%d", i);
        if (parley_idempotency_claim(c->engine, key, 60, &first) != PARLEY_OK) c->failures++;
        c->firsts += first;
    }
    return NULL;
}

static void test_concurrent_claims(void) {
    char dir[64], config[160];
    temp_store(dir, config);
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_OK);
    pthread_t threads[8];
    claimer_args args[8];
    for (int i = 0; i < 8; i++) {
        args[i] = (claimer_args){engine, 0, 0};
        pthread_create(&threads[i], NULL, claimer, &args[i]);
    }
    int firsts = 0, failures = 0;
    for (int i = 0; i < 8; i++) {
        pthread_join(threads[i], NULL);
        firsts += args[i].firsts;
        failures += args[i].failures;
    }
    CHECK(failures == 0, "%d claims failed", failures);
    CHECK(firsts == 100, "each of 100 keys has exactly one first claimer, got %d", firsts);
    parley_engine_close(engine);
    remove_store_dir(dir);
}

static int allow(parley_engine *engine, const char *name, int64_t now_ms) {
    int allowed = -1;
    CHECK_STATUS(parley_breaker_allow(engine, name, now_ms, &allowed), PARLEY_OK);
    return allowed;
}

static void test_breakers(void) {
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open("{\"breakers\": {\"default\": {\"openSeconds\": 10},"
                                    " \"sheets\": {\"window\": 4, \"minimumCalls\": 4, \"halfOpenPermits\": 2,"
                                    " \"slowCallMicros\": 1000}}}",
                                    &engine),
                 PARLEY_OK);
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_breaker_status(engine, &out, &len), PARLEY_OK);
    CHECK(out && strlen(out) == len, "out_len matches");
    CHECK(out && strstr(out, "\"schema\":1") && strstr(out, "{\"name\":\"sheets\",\"state\":\"closed\""),
          "a configured breaker is listed closed: %s", out ? out : "(null)");
    parley_string_free(out);

    /* closed -> open: 2 of 4 calls failed (50 %). */
    int64_t t = 1764000000000;
    for (int i = 0; i < 4; i++) {
        CHECK(allow(engine, "sheets", t) == 1, "closed allows call %d", i);
        CHECK_STATUS(parley_breaker_record(engine, "sheets", i % 2, 20, t), PARLEY_OK);
    }
    CHECK(allow(engine, "sheets", t) == 0, "open after 50 %% failures");
    CHECK_STATUS(parley_breaker_status(engine, &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"state\":\"open\"") && strstr(out, "\"failureRate\":0.5") && strstr(out, "\"calls\":4"),
          "status shows it open: %s", out ? out : "(null)");
    CHECK(out && strstr(out, "\"openedAt\":1764000000000") && strstr(out, "\"retryAt\":1764000010000"),
          "openedAt and retryAt on the host's clock: %s", out ? out : "(null)");
    parley_string_free(out);

    /* open -> half-open after openSeconds ("default": 10 s), 2 permits. */
    CHECK(allow(engine, "sheets", t + 9999) == 0, "still open just before retryAt");
    CHECK(allow(engine, "sheets", t + 10000) == 1, "a first trial");
    CHECK(allow(engine, "sheets", t + 10000) == 1, "a second trial");
    CHECK(allow(engine, "sheets", t + 10000) == 0, "no third permit");
    CHECK_STATUS(parley_breaker_status(engine, &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"state\":\"half_open\""), "half-open: %s", out ? out : "(null)");
    parley_string_free(out);
    /* A failed trial reopens. */
    CHECK_STATUS(parley_breaker_record(engine, "sheets", 1, 20, t + 10001), PARLEY_OK);
    CHECK_STATUS(parley_breaker_record(engine, "sheets", 0, 20, t + 10002), PARLEY_OK);
    CHECK(allow(engine, "sheets", t + 10003) == 0, "a failed trial reopens");
    /* Successful trials close. */
    CHECK(allow(engine, "sheets", t + 20002) == 1, "trial after the second open period");
    CHECK(allow(engine, "sheets", t + 20002) == 1, "second trial");
    CHECK_STATUS(parley_breaker_record(engine, "sheets", 1, 20, t + 20003), PARLEY_OK);
    CHECK_STATUS(parley_breaker_record(engine, "sheets", 1, 20, t + 20004), PARLEY_OK);
    CHECK_STATUS(parley_breaker_status(engine, &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "{\"name\":\"sheets\",\"state\":\"closed\",\"failureRate\":0,\"slowCallRate\":0,\"calls\":0}"),
          "closed again with an empty window: %s", out ? out : "(null)");
    parley_string_free(out);

    /* Slow calls: 4 of 4 above slowCallMicros (1000) open it even though all succeeded. */
    for (int i = 0; i < 4; i++) {
        CHECK(allow(engine, "sheets", t + 30000) == 1, "closed");
        CHECK_STATUS(parley_breaker_record(engine, "sheets", 1, 1001, t + 30000), PARLEY_OK);
    }
    CHECK(allow(engine, "sheets", t + 30000) == 0, "slow calls opened it");

    /* Breakers are independent; an unconfigured one takes "default" (minimum 10 calls). */
    for (int i = 0; i < 9; i++) CHECK_STATUS(parley_breaker_record(engine, "whatsapp-send", 0, 5, t), PARLEY_OK);
    CHECK(allow(engine, "whatsapp-send", t) == 1, "below minimumCalls the breaker stays closed");
    CHECK_STATUS(parley_breaker_record(engine, "whatsapp-send", 0, 5, t), PARLEY_OK);
    CHECK(allow(engine, "whatsapp-send", t) == 0, "at minimumCalls it opens");
    CHECK_STATUS(parley_breaker_status(engine, &out, &len), PARLEY_OK);
    const char *sheets = out ? strstr(out, "\"sheets\"") : NULL;
    const char *whatsapp = out ? strstr(out, "\"whatsapp-send\"") : NULL;
    CHECK(sheets && whatsapp && sheets < whatsapp, "both listed, by name: %s", out ? out : "(null)");
    parley_string_free(out);

    /* Every failure path. */
    int allowed = 7;
    char long_name[130];
    memset(long_name, 'n', 129);
    long_name[129] = '\0';
    CHECK_STATUS(parley_breaker_allow(NULL, "sheets", t, &allowed), PARLEY_INVALID_ARGUMENT);
    CHECK(allowed == 0, "out_allowed cleared on failure, got %d", allowed);
    CHECK_STATUS(parley_breaker_allow(engine, NULL, t, &allowed), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_breaker_allow(engine, "", t, &allowed), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_breaker_allow(engine, long_name, t, &allowed), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_breaker_allow(engine, "\xff", t, &allowed), PARLEY_INVALID_UTF8);
    CHECK_STATUS(parley_breaker_allow(engine, "sheets", -1, &allowed), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_breaker_allow(engine, "sheets", INT64_MAX, &allowed), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_breaker_allow(engine, "sheets", t, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_breaker_record(NULL, "sheets", 1, 5, t), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_breaker_record(engine, NULL, 1, 5, t), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_breaker_record(engine, "", 1, 5, t), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_breaker_record(engine, long_name, 1, 5, t), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_breaker_record(engine, "\xc3\x28", 1, 5, t), PARLEY_INVALID_UTF8);
    CHECK_STATUS(parley_breaker_record(engine, "sheets", 1, -1, t), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_breaker_record(engine, "sheets", 1, 5, -1), PARLEY_INVALID_ARGUMENT);
    out = (char *)1;
    len = 9;
    CHECK_STATUS(parley_breaker_status(NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK(out == NULL && len == 0, "outputs cleared on failure");
    CHECK_STATUS(parley_breaker_status(engine, NULL, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_breaker_status(engine, &out, NULL), PARLEY_INVALID_ARGUMENT);
    long_name[128] = '\0';
    CHECK(allow(engine, long_name, t) == 1, "a 128-byte name is fine");
    parley_engine_close(engine);

    /* Bad breaker configuration. */
    static const char *bad[] = {
        "{\"breakers\": {\"sheets\": {\"failureRat\": 0.5}}}",
        "{\"breakers\": {\"sheets\": {\"failureRate\": 2}}}",
        "{\"breakers\": {\"sheets\": {\"window\": 0}}}",
        "{\"breakers\": {\"sheets\": {\"window\": 5, \"minimumCalls\": 6}}}",
        "{\"breakers\": {\"sheets\": {\"openSeconds\": -1}}}",
        "{\"breakers\": {\"sheets\": {\"halfOpenPermits\": \"3\"}}}",
        "{\"breakers\": {\"sheets\": 3}}",
        "{\"breakers\": [1]}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        engine = (parley_engine *)1;
        CHECK_STATUS(parley_engine_open(bad[i], &engine), PARLEY_INVALID_CONFIG);
        CHECK(engine == NULL, "no engine for %s", bad[i]);
    }
}

typedef struct {
    parley_engine *engine;
    int allowed;
    int failures;
} hammer_args;

static void *hammer(void *arg) {
    hammer_args *h = arg;
    for (int i = 0; i < 500; i++) {
        int allowed = 0;
        if (parley_breaker_allow(h->engine, "busy", 1000, &allowed) != PARLEY_OK) h->failures++;
        h->allowed += allowed;
        if (parley_breaker_record(h->engine, "busy", i % 2, 10, 1000) != PARLEY_OK) h->failures++;
    }
    return NULL;
}

static void test_breaker_threads(void) {
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open("{\"breakers\": {\"busy\": {\"window\": 10000, \"minimumCalls\": 10000, \"failureRate\": 1}}}", &engine),
                 PARLEY_OK);
    pthread_t threads[8];
    hammer_args args[8];
    for (int i = 0; i < 8; i++) {
        args[i] = (hammer_args){engine, 0, 0};
        pthread_create(&threads[i], NULL, hammer, &args[i]);
    }
    int allowed = 0, failures = 0;
    for (int i = 0; i < 8; i++) {
        pthread_join(threads[i], NULL);
        allowed += args[i].allowed;
        failures += args[i].failures;
    }
    CHECK(failures == 0, "%d calls failed", failures);
    CHECK(allowed == 4000, "all 4000 calls allowed, got %d", allowed);
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_breaker_status(engine, &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"failureRate\":0.5") && strstr(out, "\"calls\":4000"), "counts add up: %s", out ? out : "(null)");
    parley_string_free(out);
    parley_engine_close(engine);
}

/* Write-backs parked while the breaker is open come back in order once it lets calls through,
 * also after a close and reopen. */
static void test_writebacks(void) {
    char dir[64], config[160], with_breaker[320];
    temp_store(dir, config);
    if (!dir[0]) {
        CHECK(0, "no temporary directory");
        return;
    }
    snprintf(with_breaker, sizeof with_breaker,
             "{\"store\": {\"path\": \"%s/parley.db\"}, \"breakers\": {\"sheets\": {\"window\": 4, \"minimumCalls\": 2, \"openSeconds\": 10}}}",
             dir);
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open(with_breaker, &engine), PARLEY_OK);
    int allowed = 0;
    for (int64_t t = 1000; t <= 2000; t += 1000) {
        CHECK_STATUS(parley_breaker_allow(engine, "sheets", t, &allowed), PARLEY_OK);
        CHECK_STATUS(parley_breaker_record(engine, "sheets", 0, 1000, t), PARLEY_OK);
    }
    uint64_t ids[3] = {0}, again = 0;
    const char *rows[] = {"{\"row\": 1}", "{\"row\": 2}", "{\"row\": 3}"};
    for (int i = 0; i < 3; i++)
        CHECK_STATUS(parley_writeback_park(engine, "sheets", rows[i], strlen(rows[i]), i == 0 ? "row-1" : NULL, 3000 + i, &ids[i]), PARLEY_OK);
    CHECK_STATUS(parley_writeback_park(engine, "sheets", rows[0], strlen(rows[0]), "row-1", 3100, &again), PARLEY_OK);
    CHECK(again == ids[0] && ids[0] < ids[1] && ids[1] < ids[2], "ids %llu %llu %llu, again %llu", (unsigned long long)ids[0],
          (unsigned long long)ids[1], (unsigned long long)ids[2], (unsigned long long)again);
    char *out = NULL;
    size_t out_len = 0;
    CHECK_STATUS(parley_writeback_replay(engine, "sheets", 10, 4000, &out, &out_len), PARLEY_OK);
    CHECK(out && strstr(out, "\"breaker\":\"open\"") && strstr(out, "\"writebacks\":[]"), "while open: %s", out ? out : "NULL");
    parley_string_free(out);
    parley_engine_close(engine);

    CHECK_STATUS(parley_engine_open(with_breaker, &engine), PARLEY_OK);
    CHECK_STATUS(parley_writeback_replay(engine, "sheets", 10, 20000, &out, &out_len), PARLEY_OK);
    const char *one = out ? strstr(out, "\"row\":1") : NULL, *two = out ? strstr(out, "\"row\":2") : NULL,
               *three = out ? strstr(out, "\"row\":3") : NULL;
    CHECK(one && two && three && one < two && two < three, "replayed in order: %s", out ? out : "NULL");
    parley_string_free(out);
    CHECK_STATUS(parley_writeback_confirm(engine, ids[0], 1, NULL), PARLEY_OK);
    CHECK_STATUS(parley_writeback_confirm(engine, ids[0], 1, NULL), PARLEY_NOT_FOUND);
    CHECK_STATUS(parley_writeback_confirm(engine, ids[1], 0, "quota exceeded"), PARLEY_OK);
    CHECK_STATUS(parley_writeback_replay(engine, "sheets", 1, 21000, &out, &out_len), PARLEY_OK);
    CHECK(out && strstr(out, "\"row\":2") && strstr(out, "\"lastError\":\"quota exceeded\"") && !strstr(out, "\"row\":3"),
          "after a failed replay: %s", out ? out : "NULL");
    parley_string_free(out);

    CHECK_STATUS(parley_writeback_park(engine, "sheets", "{bad", 4, NULL, 0, &again), PARLEY_MALFORMED_JSON);
    CHECK_STATUS(parley_writeback_park(engine, NULL, "{}", 2, NULL, 0, &again), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_writeback_park(engine, "sheets", "{}", 2, NULL, 0, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_writeback_replay(engine, "sheets", 0, 0, &out, &out_len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_writeback_replay(engine, "sheets", 1, 0, NULL, &out_len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_writeback_confirm(NULL, 1, 1, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_writeback_confirm(engine, 0, 1, NULL), PARLEY_INVALID_ARGUMENT);
    parley_engine_close(engine);
    remove_store_dir(dir);
}

int main(void) {
    test_writebacks();
    test_claims();
    test_concurrent_claims();
    test_breakers();
    test_breaker_threads();
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
