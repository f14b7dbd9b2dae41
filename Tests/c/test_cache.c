/* The "API cache" section of include/parley.h from C: put/get with the host's clock (fresh,
 * stale, gone), tags, prefixes, leases, get-or-fetch through a host fetcher, single flight
 * under 16 threads (one fetch, everyone gets its value or its failure), every documented
 * failure status. Built with -Wall -Wextra -Werror -pedantic; prints "N passed, N failed". */
#define _POSIX_C_SOURCE 200809L
#include "parley.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

static parley_engine *open_engine(const char *config) {
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_OK);
    return engine;
}

static int value_is(parley_engine *engine, const char *key, int64_t now, const char *expected, int expected_stale) {
    unsigned char *value = NULL;
    size_t len = 0;
    int stale = -1;
    parley_status status = parley_cache_get(engine, key, now, &value, &len, &stale);
    int ok = status == PARLEY_OK && len == strlen(expected) && memcmp(value, expected, len) == 0 && value[len] == '\0' &&
             stale == expected_stale;
    parley_string_free((char *)value);
    return ok;
}

static int missing(parley_engine *engine, const char *key, int64_t now) {
    unsigned char *value = (unsigned char *)"sentinel";
    size_t len = 7;
    int stale = 7;
    parley_status status = parley_cache_get(engine, key, now, &value, &len, &stale);
    return status == PARLEY_NOT_FOUND && value == NULL && len == 0 && stale == 0;
}

static void test_put_get(void) {
    parley_engine *engine = open_engine("{\"cache\": {\"ttlMs\": 1000, \"staleMs\": 500}}");
    const char *rows = "[[\"unit\",\"tenant\",\"rent\"],[\"4B\",\"Amina\",450]]";
    CHECK_STATUS(parley_cache_put(engine, "sheets:tenants!A1:C50", (const unsigned char *)rows, strlen(rows), 10000, NULL), PARLEY_OK);
    CHECK(value_is(engine, "sheets:tenants!A1:C50", 10999, rows, PARLEY_CACHE_FRESH), "fresh before the TTL");
    CHECK(value_is(engine, "sheets:tenants!A1:C50", 11000, rows, PARLEY_CACHE_STALE), "stale after the TTL");
    CHECK(missing(engine, "sheets:tenants!A1:C50", 11500), "gone after the stale window");
    CHECK(missing(engine, "never", 0), "a key never put");

    /* Per-put TTL, an empty value, binary bytes. */
    CHECK_STATUS(parley_cache_put(engine, "short", (const unsigned char *)"v", 1, 0, "{\"ttlMs\": 10, \"staleMs\": 0}"), PARLEY_OK);
    CHECK(value_is(engine, "short", 9, "v", 0), "short fresh");
    CHECK(missing(engine, "short", 10), "short gone");
    CHECK_STATUS(parley_cache_put(engine, "empty", NULL, 0, 0, NULL), PARLEY_OK);
    CHECK(value_is(engine, "empty", 1, "", 0), "an empty value");
    const unsigned char binary[] = {0, 255, 0, 7};
    CHECK_STATUS(parley_cache_put(engine, "bin", binary, sizeof binary, 0, NULL), PARLEY_OK);
    unsigned char *value = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_cache_get(engine, "bin", 1, &value, &len, NULL), PARLEY_OK);
    CHECK(len == 4 && memcmp(value, binary, 4) == 0, "binary bytes back");
    parley_string_free((char *)value);

    /* A large value is compressed and comes back whole. */
    char *big = malloc(200000 + 64);
    size_t big_len = 0;
    for (size_t i = 0; big_len < 200000; i++)
        big_len += (size_t)sprintf(big + big_len, "[\"unit %06zu\",\"tenant\",%6zu,\"paid\"],", i, i % 997);
    CHECK_STATUS(parley_cache_put(engine, "big", (const unsigned char *)big, big_len, 0, NULL), PARLEY_OK);
    CHECK(value_is(engine, "big", 1, big, 0), "a compressed value comes back whole");
    free(big);
    char *json = NULL;
    size_t json_len = 0;
    CHECK_STATUS(parley_cache_stats(engine, &json, &json_len), PARLEY_OK);
    CHECK(json && strstr(json, "\"schema\":1") && strstr(json, "\"compressedEntries\":1") && strstr(json, "\"hitRate\""),
          "stats: %s", json ? json : "(null)");
    parley_string_free(json);
    parley_engine_close(engine);
}

static void test_invalidation(void) {
    parley_engine *engine = open_engine(NULL);
    const unsigned char *v = (const unsigned char *)"x";
    CHECK_STATUS(parley_cache_put(engine, "sheets:rent!A1:F200", v, 1, 0, "{\"tags\": [\"sheet:rent\"]}"), PARLEY_OK);
    CHECK_STATUS(parley_cache_put(engine, "sheets:rent:unit:12", v, 1, 0, "{\"tags\": [\"sheet:rent\", \"unit:12\"]}"), PARLEY_OK);
    CHECK_STATUS(parley_cache_put(engine, "sheets:tenants:unit:12", v, 1, 0, "{\"tags\": [\"unit:12\"]}"), PARLEY_OK);
    CHECK_STATUS(parley_cache_put(engine, "sheets:units", v, 1, 0, NULL), PARLEY_OK);
    size_t count = 99;
    CHECK_STATUS(parley_cache_invalidate_tag(engine, "unit:12", &count), PARLEY_OK);
    CHECK(count == 2, "two entries tagged unit:12, got %zu", count);
    CHECK(missing(engine, "sheets:rent:unit:12", 1), "tag invalidated");
    CHECK(value_is(engine, "sheets:rent!A1:F200", 1, "x", 0), "other tag kept");
    /* Invalidation on write: a put naming what it changes. */
    CHECK_STATUS(parley_cache_put(engine, "sheets:rent:unit:7", (const unsigned char *)"new", 3, 2,
                                  "{\"tags\": [\"sheet:rent\"], \"invalidates\": [\"sheet:rent\"]}"), PARLEY_OK);
    CHECK(missing(engine, "sheets:rent!A1:F200", 3), "the write invalidated the range");
    CHECK(value_is(engine, "sheets:rent:unit:7", 3, "new", 0), "the written value is there");
    CHECK_STATUS(parley_cache_invalidate(engine, "sheets:units"), PARLEY_OK);
    CHECK(missing(engine, "sheets:units", 3), "key invalidated");
    CHECK_STATUS(parley_cache_invalidate(engine, "sheets:units"), PARLEY_OK);
    CHECK_STATUS(parley_cache_invalidate_prefix(engine, "sheets:", &count), PARLEY_OK);
    CHECK(count == 1, "prefix dropped the last one, got %zu", count);
    CHECK_STATUS(parley_cache_invalidate_tag(engine, "unknown", NULL), PARLEY_OK);
    parley_engine_close(engine);
}

static void test_leases(void) {
    parley_engine *engine = open_engine("{\"cache\": {\"leaseMs\": 1000}}");
    uint64_t a = 0, b = 7, c = 0;
    CHECK_STATUS(parley_cache_lease(engine, "k", 100, &a), PARLEY_OK);
    CHECK(a != 0, "first lease granted");
    CHECK_STATUS(parley_cache_lease(engine, "k", 200, &b), PARLEY_OK);
    CHECK(b == 0, "second caller waits, got %llu", (unsigned long long)b);
    char options[64];
    snprintf(options, sizeof options, "{\"lease\": %llu}", (unsigned long long)a);
    CHECK_STATUS(parley_cache_put(engine, "k", (const unsigned char *)"v1", 2, 300, options), PARLEY_OK);
    CHECK(value_is(engine, "k", 301, "v1", 0), "the lease's value is stored");
    /* Released: the next caller gets it at once. */
    CHECK_STATUS(parley_cache_lease(engine, "k", 400, &c), PARLEY_OK);
    CHECK(c != 0, "a lease after a put");
    CHECK_STATUS(parley_cache_release(engine, "k", c), PARLEY_OK);
    CHECK_STATUS(parley_cache_lease(engine, "k", 401, &b), PARLEY_OK);
    CHECK(b != 0, "a lease after a release");
    /* Expired on the host's clock. */
    CHECK_STATUS(parley_cache_lease(engine, "k", 1401, &c), PARLEY_OK);
    CHECK(c != 0 && c != b, "an expired lease is given to the next caller");
    snprintf(options, sizeof options, "{\"lease\": %llu}", (unsigned long long)b);
    CHECK_STATUS(parley_cache_put(engine, "k", (const unsigned char *)"late", 4, 1500, options), PARLEY_OK);
    CHECK(value_is(engine, "k", 1501, "v1", 0), "a lost lease's value is not stored");
    parley_engine_close(engine);
}

/* A fetcher counting its calls; its user_data says how to answer. */
struct fetcher_state {
    pthread_mutex_t mutex;
    int calls;
    int sleep_ms;
    parley_status fail_with;
    const char *answer;
};

static parley_status fetch_rows(void *user_data, const char *key, parley_cache_reply *reply) {
    struct fetcher_state *state = user_data;
    pthread_mutex_lock(&state->mutex);
    state->calls++;
    pthread_mutex_unlock(&state->mutex);
    if (state->sleep_ms) nanosleep(&(struct timespec){0, state->sleep_ms * 1000L * 1000L}, NULL);
    if (state->fail_with != PARLEY_OK) return state->fail_with;
    (void)key;
    return parley_cache_reply_set(reply, (const unsigned char *)state->answer, strlen(state->answer), "{\"tags\": [\"sheet:tenants\"]}");
}

static parley_status fetch_without_reply(void *user_data, const char *key, parley_cache_reply *reply) {
    (void)user_data, (void)key, (void)reply;
    return PARLEY_OK;
}

static void test_fetch(void) {
    parley_engine *engine = open_engine("{\"cache\": {\"ttlMs\": 1000, \"staleMs\": 1000}}");
    struct fetcher_state state = {PTHREAD_MUTEX_INITIALIZER, 0, 0, PARLEY_OK, "rows-1"};
    unsigned char *value = NULL;
    size_t len = 0;
    int stale = -1;
    CHECK_STATUS(parley_cache_fetch(engine, "t", 0, NULL, fetch_rows, &state, &value, &len, &stale), PARLEY_OK);
    CHECK(len == 6 && memcmp(value, "rows-1", 6) == 0 && stale == 0 && state.calls == 1, "fetched on a miss");
    parley_string_free((char *)value);
    CHECK_STATUS(parley_cache_fetch(engine, "t", 500, NULL, fetch_rows, &state, &value, &len, &stale), PARLEY_OK);
    CHECK(state.calls == 1 && stale == 0, "a hit does not fetch");
    parley_string_free((char *)value);
    /* The reply's tag is on the stored value. */
    size_t count = 0;
    CHECK_STATUS(parley_cache_invalidate_tag(engine, "sheet:tenants", &count), PARLEY_OK);
    CHECK(count == 1, "the fetcher's tag was stored, got %zu", count);
    CHECK_STATUS(parley_cache_fetch(engine, "t", 600, NULL, fetch_rows, &state, &value, &len, &stale), PARLEY_OK);
    CHECK(state.calls == 2, "fetched again after the invalidation");
    parley_string_free((char *)value);
    /* Stale, the refresh fails: the stale value, PARLEY_OK, stale = 1. */
    state.fail_with = PARLEY_TIMEOUT;
    CHECK_STATUS(parley_cache_fetch(engine, "t", 1700, NULL, fetch_rows, &state, &value, &len, &stale), PARLEY_OK);
    CHECK(stale == 1 && len == 6 && memcmp(value, "rows-1", 6) == 0, "the stale value when the refresh fails");
    parley_string_free((char *)value);
    /* A miss whose fetch fails is the fetcher's status. */
    value = (unsigned char *)"x";
    CHECK_STATUS(parley_cache_fetch(engine, "missing", 0, NULL, fetch_rows, &state, &value, &len, &stale), PARLEY_TIMEOUT);
    CHECK(value == NULL && len == 0, "no value on failure");
    CHECK_STATUS(parley_cache_fetch(engine, "missing", 0, NULL, fetch_without_reply, NULL, &value, &len, NULL), PARLEY_INTERNAL);
    state.fail_with = PARLEY_OK;
    CHECK_STATUS(parley_cache_fetch(engine, "bad", 0, "{\"ttl\": 1}", fetch_rows, &state, &value, &len, NULL), PARLEY_INVALID_ARGUMENT);
    parley_engine_close(engine);
}

/* ---- 16 threads, one key, one fetch ---- */

struct race {
    parley_engine *engine;
    struct fetcher_state *state;
    int64_t now;
    pthread_barrier_t *barrier;
    parley_status status;
    int got_value;
    int stale;
};

static void *race_fetch(void *arg) {
    struct race *r = arg;
    unsigned char *value = NULL;
    size_t len = 0;
    pthread_barrier_wait(r->barrier);
    r->status = parley_cache_fetch(r->engine, "sheets:tenants", r->now, NULL, fetch_rows, r->state, &value, &len, &r->stale);
    r->got_value = r->status == PARLEY_OK && len == strlen(r->state->answer) && memcmp(value, r->state->answer, len) == 0;
    parley_string_free((char *)value);
    return NULL;
}

static void run_race(parley_engine *engine, struct fetcher_state *state, int64_t now, struct race races[16]) {
    pthread_t threads[16];
    pthread_barrier_t barrier;
    pthread_barrier_init(&barrier, NULL, 16);
    for (int i = 0; i < 16; i++) {
        races[i] = (struct race){engine, state, now, &barrier, PARLEY_INTERNAL, 0, -1};
        pthread_create(&threads[i], NULL, race_fetch, &races[i]);
    }
    for (int i = 0; i < 16; i++) pthread_join(threads[i], NULL);
    pthread_barrier_destroy(&barrier);
}

static void test_single_flight(void) {
    parley_engine *engine = open_engine("{\"cache\": {\"ttlMs\": 1000, \"staleMs\": 5000}}");
    struct fetcher_state state = {PTHREAD_MUTEX_INITIALIZER, 0, 100, PARLEY_OK, "all tenants"};
    struct race races[16];

    /* A miss: one fetch, all 16 get its value. */
    run_race(engine, &state, 0, races);
    int ok = 0;
    for (int i = 0; i < 16; i++) ok += races[i].got_value && races[i].stale == 0;
    CHECK(state.calls == 1, "16 concurrent misses fetched %d times", state.calls);
    CHECK(ok == 16, "%d of 16 got the value", ok);

    /* Stale: one refresh; 15 get the stale value at once. */
    state.answer = "all tenants";
    run_race(engine, &state, 2000, races);
    int stale = 0;
    ok = 0;
    for (int i = 0; i < 16; i++) {
        ok += races[i].status == PARLEY_OK;
        stale += races[i].stale == 1;
    }
    CHECK(state.calls == 2, "one refresh in the stale window, %d fetches in all", state.calls);
    CHECK(ok == 16 && stale == 15, "%d ok, %d stale", ok, stale);

    /* A failing fetch on a miss: one call, every waiter gets its status. */
    CHECK_STATUS(parley_cache_invalidate(engine, "sheets:tenants"), PARLEY_OK);
    state.fail_with = PARLEY_BUSY;
    run_race(engine, &state, 2100, races);
    int busy = 0;
    for (int i = 0; i < 16; i++) busy += races[i].status == PARLEY_BUSY;
    CHECK(state.calls == 3, "one failing fetch, %d fetches in all", state.calls);
    CHECK(busy == 16, "%d of 16 got the fetcher's status", busy);

    char *json = NULL;
    size_t json_len = 0;
    CHECK_STATUS(parley_cache_stats(engine, &json, &json_len), PARLEY_OK);
    CHECK(json && strstr(json, "\"fetches\":3") && strstr(json, "\"coalesced\":15"), "stats: %s", json ? json : "(null)");
    parley_string_free(json);
    parley_engine_close(engine);
}

static void test_failures(void) {
    parley_engine *engine = open_engine("{\"cache\": {\"maxBytes\": 8192, \"compressAboveBytes\": 0}}");
    unsigned char *value = NULL;
    size_t len = 0;
    uint64_t lease = 0;
    const unsigned char *v = (const unsigned char *)"v";
    CHECK_STATUS(parley_cache_put(NULL, "k", v, 1, 0, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_put(engine, NULL, v, 1, 0, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_put(engine, "", v, 1, 0, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_put(engine, "k", NULL, 5, 0, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_put(engine, "k", v, 1, -1, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_put(engine, "k", v, 1, 0, "{\"tags\": 5}"), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_put(engine, "k", v, 1, 0, "{\"ttlMs\": 0}"), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_put(engine, "k", v, 1, 0, "{"), PARLEY_MALFORMED_JSON);
    CHECK_STATUS(parley_cache_put(engine, "\xff\xfe", v, 1, 0, NULL), PARLEY_INVALID_UTF8);
    char long_key[1100];
    memset(long_key, 'k', sizeof long_key - 1);
    long_key[sizeof long_key - 1] = '\0';
    CHECK_STATUS(parley_cache_put(engine, long_key, v, 1, 0, NULL), PARLEY_INVALID_ARGUMENT);
    unsigned char *big = calloc(1, 9000);
    CHECK_STATUS(parley_cache_put(engine, "big", big, 9000, 0, NULL), PARLEY_TOO_LARGE);
    free(big);
    CHECK_STATUS(parley_cache_get(engine, "k", 0, NULL, &len, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_get(engine, "k", 0, &value, NULL, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_get(NULL, "k", 0, &value, &len, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_get(engine, NULL, 0, &value, &len, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_lease(engine, "k", 0, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_lease(engine, "", 0, &lease), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_release(engine, "k", 0), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_release(engine, "k", 12345), PARLEY_OK);
    CHECK_STATUS(parley_cache_invalidate(engine, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_invalidate_tag(engine, "", NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_invalidate_prefix(engine, NULL, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_fetch(engine, "k", 0, NULL, NULL, NULL, &value, &len, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_reply_set(NULL, v, 1, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_stats(engine, NULL, &len), PARLEY_INVALID_ARGUMENT);
    parley_engine *bad = NULL;
    CHECK_STATUS(parley_engine_open("{\"cache\": {\"ttlMs\": 0}}", &bad), PARLEY_INVALID_CONFIG);
    CHECK_STATUS(parley_engine_open("{\"cache\": {\"sizeMB\": 10}}", &bad), PARLEY_INVALID_CONFIG);
    CHECK(bad == NULL, "no engine on a bad config");
    parley_engine_close(engine);
}

int main(void) {
    test_put_get();
    test_invalidation();
    test_leases();
    test_fetch();
    test_single_flight();
    test_failures();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
