/* The "Asynchronous processing" section of include/parley.h from C: submit from several host
 * threads, results by poll and by callback in each chat's order, drain, priorities, duplicate
 * submits, backpressure, recovery after a close with work queued, and every documented
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

#define CHATS 8
#define PER_THREAD 150
#define THREADS 4

static size_t message(char *buffer, size_t size, const char *id, int chat, long timestamp, const char *extra) {
    return (size_t)snprintf(buffer, size,
                            "{\"id\":\"%s\",\"chat\":\"chat%d@c.us\",\"from\":\"chat%d@c.us\",\"timestamp\":%ld,"
                            "\"type\":\"text\",\"text\":\"message %s about unit %dB\"%s}",
                            id, chat, chat, timestamp, id, chat, extra ? extra : "");
}

/* The number after "\"ticket\":" at or after p, or -1. */
static long long number_after(const char *p, const char *key) {
    const char *at = strstr(p, key);
    return at ? atoll(at + strlen(key)) : -1;
}

typedef struct {
    parley_engine *engine;
    int thread;
    int failures;
} submitter;

static void *submit_many(void *arg) {
    submitter *s = arg;
    char json[512], id[32];
    for (int i = 0; i < PER_THREAD; i++) {
        int n = s->thread * PER_THREAD + i;
        snprintf(id, sizeof id, "t%d-%d", s->thread, i);
        /* Each thread owns two chats, so a chat's order is the thread's order. */
        size_t len = message(json, sizeof json, id, s->thread * 2 + i % 2, 1764000000L + n, NULL);
        uint64_t ticket = 0;
        if (parley_engine_submit(s->engine, json, len, (parley_priority)(i % 3), &ticket) != PARLEY_OK || ticket == 0)
            s->failures++;
    }
    return NULL;
}

/* Reads poll results until `expected` arrived; checks each chat's timestamps only grow. */
static int collect(parley_engine *engine, int expected, int *recovered) {
    long last[CHATS * 2] = {0};
    int got = 0, out_of_order = 0;
    for (int rounds = 0; got < expected && rounds < 200; rounds++) {
        char *json = NULL;
        size_t len = 0;
        if (parley_engine_poll(engine, 64, 100, &json, &len) != PARLEY_OK) break;
        for (const char *p = strstr(json, "{\"ticket\":"); p; p = strstr(p + 1, "{\"ticket\":")) {
            got++;
            const char *status = strstr(p, "\"status\":") + 9;
            if (strncmp(status, "\"PARLEY_OK\"", 11) != 0) continue;
            /* "recovered" comes right after the status when present. */
            if (recovered && strncmp(status + 11, ",\"recovered\":true", 17) == 0) (*recovered)++;
            const char *chat = strstr(p, "\"chat\":\"chat");
            int c = chat ? atoi(chat + 12) : 0;
            long ts = (long)number_after(p, "\"timestamp\":");
            if (c >= 0 && c < CHATS * 2) {
                if (ts < last[c]) out_of_order++;
                last[c] = ts;
            }
        }
        parley_string_free(json);
    }
    CHECK(out_of_order == 0, "%d results came back out of their chat's order", out_of_order);
    return got;
}

static void test_threads_and_poll(void) {
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open("{\"workers\": {\"min\": 2, \"max\": 4}, \"queue\": {\"highWater\": 100000, \"lowWater\": 10}}", &engine), PARLEY_OK);
    pthread_t threads[THREADS];
    submitter subs[THREADS];
    for (int t = 0; t < THREADS; t++) {
        subs[t] = (submitter){engine, t, 0};
        pthread_create(&threads[t], NULL, submit_many, &subs[t]);
    }
    for (int t = 0; t < THREADS; t++) {
        pthread_join(threads[t], NULL);
        CHECK(subs[t].failures == 0, "thread %d: %d submits failed", t, subs[t].failures);
    }
    CHECK_STATUS(parley_engine_drain(engine, 20000), PARLEY_OK);
    int got = collect(engine, THREADS * PER_THREAD, NULL);
    CHECK(got == THREADS * PER_THREAD, "%d of %d results came back", got, THREADS * PER_THREAD);

    /* Nothing left: a poll without waiting returns an empty array at once. */
    char *json = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_engine_poll(engine, 10, 0, &json, &len), PARLEY_OK);
    CHECK(json && strcmp(json, "[]") == 0 && len == 2, "expected [], got %s", json ? json : "NULL");
    parley_string_free(json);
    parley_engine_close(engine);
}

typedef struct {
    pthread_mutex_t lock;
    uint64_t tickets[64];
    int count;
    int bad;
} callback_log;

static void on_result(void *user_data, uint64_t ticket, parley_status status, const char *json, size_t len) {
    callback_log *log = user_data;
    pthread_mutex_lock(&log->lock);
    if (status != PARLEY_OK || !json || strlen(json) != len || strstr(json, "\"status\":\"processed\"") == NULL) log->bad++;
    if (log->count < 64) log->tickets[log->count] = ticket;
    log->count++;
    pthread_mutex_unlock(&log->lock);
}

static void test_callback_and_duplicates(void) {
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open(NULL, &engine), PARLEY_OK);
    callback_log log = {PTHREAD_MUTEX_INITIALIZER, {0}, 0, 0};
    CHECK_STATUS(parley_engine_set_callback(engine, on_result, &log), PARLEY_OK);
    char json[512], id[16];
    uint64_t tickets[40];
    for (int i = 0; i < 40; i++) {
        snprintf(id, sizeof id, "cb%d", i);
        size_t len = message(json, sizeof json, id, 1, 1764000000L + i, NULL);
        CHECK_STATUS(parley_engine_submit(engine, json, len, PARLEY_PRIORITY_NORMAL, &tickets[i]), PARLEY_OK);
    }
    CHECK_STATUS(parley_engine_drain(engine, 10000), PARLEY_OK);
    CHECK(log.count == 40 && log.bad == 0, "callback: %d results, %d bad", log.count, log.bad);
    int in_order = 1;
    for (int i = 0; i < 40 && i < log.count; i++) in_order &= log.tickets[i] == tickets[i];
    CHECK(in_order, "the callback saw one chat's results out of order");

    /* Back to polling; a repeated submit keeps its ticket and comes back "duplicate". */
    CHECK_STATUS(parley_engine_set_callback(engine, NULL, NULL), PARLEY_OK);
    size_t len = message(json, sizeof json, "cb0", 1, 1764000000L, NULL);
    uint64_t again = 0;
    CHECK_STATUS(parley_engine_submit(engine, json, len, PARLEY_PRIORITY_LOW, &again), PARLEY_OK);
    CHECK(again == tickets[0], "a repeated submit got ticket %llu, not %llu", (unsigned long long)again, (unsigned long long)tickets[0]);
    char *out = NULL;
    size_t out_len = 0;
    CHECK_STATUS(parley_engine_poll(engine, 10, 2000, &out, &out_len), PARLEY_OK);
    CHECK(out && strstr(out, "\"status\":\"duplicate\""), "expected a duplicate result, got %s", out ? out : "NULL");
    CHECK(out && number_after(out, "\"ticket\":") == (long long)tickets[0], "the duplicate's ticket: %s", out ? out : "NULL");
    parley_string_free(out);
    parley_engine_close(engine);
}

/* A host that calls drain or close from its own callback. The first callback holds its
 * worker until every message is submitted, and the close waits for that too, so the host
 * never uses the handle after the callback's close (that would be the host's bug). */
typedef struct {
    parley_engine *engine;
    pthread_mutex_t lock;
    pthread_cond_t submitted;
    int submitted_all;
    int closing;
    int calls;
    int calls_after_close;
    int closed;
    parley_status drain_status;
    char drain_error[256];
} reentrant_log;

static void on_result_reentrant(void *user_data, uint64_t ticket, parley_status status, const char *json, size_t len) {
    (void)ticket, (void)status, (void)json, (void)len;
    reentrant_log *log = user_data;
    pthread_mutex_lock(&log->lock);
    int n = ++log->calls;
    if (log->closed) log->calls_after_close++;
    if (n == 1) while (!log->submitted_all) pthread_cond_wait(&log->submitted, &log->lock);
    /* Closed once everything is submitted: the host never uses a closed engine. */
    int close_now = n >= 5 && log->submitted_all && !log->closing;
    if (close_now) log->closing = 1;
    pthread_mutex_unlock(&log->lock);
    if (n == 1) {
        /* It would wait for this very callback: refused at once. */
        log->drain_status = parley_engine_drain(log->engine, -1);
        snprintf(log->drain_error, sizeof log->drain_error, "%s", parley_last_error());
    } else if (close_now) {
        /* Returns at once; no callback starts after it; the engine closes once this returns. */
        parley_engine_close(log->engine);
        pthread_mutex_lock(&log->lock);
        log->closed = 1;
        pthread_mutex_unlock(&log->lock);
    }
}

static void test_drain_and_close_from_the_callback(void) {
    reentrant_log log = {NULL, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, 0, 0, 0, PARLEY_OK, ""};
    CHECK_STATUS(parley_engine_open("{\"core\": {\"workers\": 2}}", &log.engine), PARLEY_OK);
    CHECK_STATUS(parley_engine_set_callback(log.engine, on_result_reentrant, &log), PARLEY_OK);
    char json[512], id[16];
    for (int i = 0; i < 40; i++) {
        snprintf(id, sizeof id, "re%d", i);
        size_t len = message(json, sizeof json, id, i % 4, 1764000000L + i, NULL);
        CHECK_STATUS(parley_engine_submit(log.engine, json, len, PARLEY_PRIORITY_NORMAL, &(uint64_t){0}), PARLEY_OK);
    }
    pthread_mutex_lock(&log.lock);
    log.submitted_all = 1;
    pthread_cond_broadcast(&log.submitted);
    pthread_mutex_unlock(&log.lock);
    /* The handle is the callback's to close now; wait for that, then for stragglers. */
    for (int i = 0; i < 500; i++) {
        pthread_mutex_lock(&log.lock);
        int closed = log.closed;
        pthread_mutex_unlock(&log.lock);
        if (closed) break;
        nanosleep(&(struct timespec){0, 10L * 1000 * 1000}, NULL);
    }
    nanosleep(&(struct timespec){0, 300L * 1000 * 1000}, NULL);
    pthread_mutex_lock(&log.lock);
    CHECK(log.closed, "the callback's close did not return");
    CHECK(log.calls >= 5, "only %d callbacks", log.calls);
    CHECK(log.calls_after_close == 0, "%d callbacks ran after close returned", log.calls_after_close);
    CHECK(log.drain_status == PARLEY_UNSUPPORTED && strstr(log.drain_error, "result callback"),
          "drain from the callback: status %d, %s", (int)log.drain_status, log.drain_error);
    pthread_mutex_unlock(&log.lock);
}

static void test_backpressure_and_errors(void) {
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open("{\"queue\": {\"highWater\": 4, \"lowWater\": 1}}", &engine), PARLEY_OK);
    char json[512], id[16];
    uint64_t ticket = 0;
    for (int i = 0; i < 4; i++) {
        snprintf(id, sizeof id, "b%d", i);
        size_t len = message(json, sizeof json, id, i, 1764000000L, NULL);
        CHECK_STATUS(parley_engine_submit(engine, json, len, PARLEY_PRIORITY_NORMAL, &ticket), PARLEY_OK);
    }
    size_t len = message(json, sizeof json, "b4", 4, 1764000000L, NULL);
    CHECK_STATUS(parley_engine_submit(engine, json, len, PARLEY_PRIORITY_NORMAL, &ticket), PARLEY_BUSY);
    CHECK(ticket == 0, "a refused submit must leave the ticket 0");
    CHECK_STATUS(parley_engine_drain(engine, 10000), PARLEY_OK);
    char *out = NULL;
    size_t out_len = 0;
    CHECK_STATUS(parley_engine_poll(engine, 3, 1000, &out, &out_len), PARLEY_OK);
    parley_string_free(out);
    CHECK_STATUS(parley_engine_submit(engine, json, len, PARLEY_PRIORITY_NORMAL, &ticket), PARLEY_OK);

    /* Bad input: each a documented status, nothing stored. */
    CHECK_STATUS(parley_engine_submit(NULL, json, len, PARLEY_PRIORITY_NORMAL, &ticket), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_submit(engine, NULL, 5, PARLEY_PRIORITY_NORMAL, &ticket), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_submit(engine, json, 0, PARLEY_PRIORITY_NORMAL, &ticket), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_submit(engine, json, len, (parley_priority)7, &ticket), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_submit(engine, json, len, PARLEY_PRIORITY_NORMAL, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_submit(engine, "{\"id\":", 6, PARLEY_PRIORITY_NORMAL, &ticket), PARLEY_MALFORMED_JSON);
    CHECK_STATUS(parley_engine_submit(engine, "\"\xff\"", 3, PARLEY_PRIORITY_NORMAL, &ticket), PARLEY_INVALID_UTF8);
    CHECK_STATUS(parley_engine_submit(engine, "{}", 2, PARLEY_PRIORITY_NORMAL, &ticket), PARLEY_INVALID_MESSAGE);
    CHECK_STATUS(parley_engine_poll(engine, 0, 0, &out, &out_len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_poll(engine, 1, 0, NULL, &out_len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_poll(NULL, 1, 0, &out, &out_len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_set_callback(NULL, on_result, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_drain(NULL, 0), PARLEY_INVALID_ARGUMENT);

    /* The refusal above the high-water mark is counted; metrics from C in both forms. */
    CHECK_STATUS(parley_metrics_json(engine, &out, &out_len), PARLEY_OK);
    CHECK(out && strstr(out, "\"rejectedBusy\":1") && strstr(out, "\"submitted\":5") && strstr(out, "\"end_to_end\":{"),
          "metrics JSON: %.400s", out ? out : "NULL");
    parley_string_free(out);
    CHECK_STATUS(parley_metrics_prometheus(engine, &out, &out_len), PARLEY_OK);
    CHECK(out && strstr(out, "parley_rejected_busy_total 1") && strstr(out, "# TYPE parley_stage_duration_seconds histogram"),
          "Prometheus text: %.400s", out ? out : "NULL");
    parley_string_free(out);
    CHECK_STATUS(parley_metrics_json(NULL, &out, &out_len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_metrics_prometheus(engine, NULL, &out_len), PARLEY_INVALID_ARGUMENT);
    parley_engine_close(engine);
}

static void test_submit_batch(void) {
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open("{\"queue\": {\"highWater\": 8, \"lowWater\": 1}}", &engine), PARLEY_OK);
    char batch[2048], one[512];
    size_t used = 0;
    const char *ids[5] = {"k0", "k1", NULL, "k3", "k0"};   /* an invalid message, then k0 again */
    used += (size_t)snprintf(batch + used, sizeof batch - used, "[");
    for (int i = 0; i < 5; i++) {
        if (ids[i]) message(one, sizeof one, ids[i], 1, 1764000000L + i, NULL);
        else snprintf(one, sizeof one, "{\"id\":\"bad\"}");
        used += (size_t)snprintf(batch + used, sizeof batch - used, "%s%s", i ? "," : "", one);
    }
    used += (size_t)snprintf(batch + used, sizeof batch - used, "]");
    uint64_t tickets[16] = {0};
    size_t count = 0;

    /* Too few places: nothing stored, the count needed comes back. */
    CHECK_STATUS(parley_engine_submit_batch(engine, batch, used, PARLEY_PRIORITY_NORMAL, tickets, 2, &count), PARLEY_INVALID_ARGUMENT);
    CHECK(count == 5, "a batch too large for out_tickets: count %zu, expected 5", count);
    CHECK_STATUS(parley_engine_submit_batch(engine, batch, used, PARLEY_PRIORITY_NORMAL, tickets, 8, &count), PARLEY_OK);
    CHECK(count == 5 && tickets[0] && tickets[1] && tickets[3] && tickets[2] == 0 && tickets[4] == tickets[0]
          && tickets[0] != tickets[1] && tickets[1] != tickets[3],
          "batch tickets: %zu: %llu %llu %llu %llu %llu", count, (unsigned long long)tickets[0], (unsigned long long)tickets[1],
          (unsigned long long)tickets[2], (unsigned long long)tickets[3], (unsigned long long)tickets[4]);
    CHECK_STATUS(parley_engine_drain(engine, 10000), PARLEY_OK);
    char *out = NULL;
    size_t out_len = 0;
    CHECK_STATUS(parley_engine_poll(engine, 10, 1000, &out, &out_len), PARLEY_OK);
    int results = 0, processed = 0;
    for (const char *p = out ? strstr(out, "{\"ticket\":") : NULL; p; p = strstr(p + 1, "{\"ticket\":")) results++;
    for (const char *p = out ? strstr(out, "\"status\":\"processed\"") : NULL; p; p = strstr(p + 1, "\"status\":\"processed\"")) processed++;
    CHECK(results == 4 && processed == 3, "batch results: %d (%d processed), expected 4 (3): %.300s", results, processed, out ? out : "NULL");
    CHECK(out && strstr(out, "{\"ticket\":0,\"status\":\"PARLEY_INVALID_MESSAGE\"") && strstr(out, "message 2 of the batch"),
          "the invalid message's error with ticket 0: %.600s", out ? out : "NULL");
    parley_string_free(out);

    /* A batch of one message and a webhook body with two. */
    size_t len = message(one, sizeof one, "k9", 2, 1764000100L, NULL);
    CHECK_STATUS(parley_engine_submit_batch(engine, one, len, PARLEY_PRIORITY_LOW, tickets, 8, &count), PARLEY_OK);
    CHECK(count == 1 && tickets[0] != 0, "a single message as a batch: %zu", count);
    const char *webhook = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"field\":\"messages\",\"value\":{"
                          "\"messages\":[{\"from\":\"250788000001\",\"id\":\"wamid.A\",\"timestamp\":\"1764000200\",\"type\":\"text\","
                          "\"text\":{\"body\":\"Rent paid\"}},{\"from\":\"250788000001\",\"id\":\"wamid.B\",\"timestamp\":\"1764000201\","
                          "\"type\":\"text\",\"text\":{\"body\":\"for unit 4B\"}}]}}]}]}";
    CHECK_STATUS(parley_engine_submit_batch(engine, webhook, strlen(webhook), PARLEY_PRIORITY_NORMAL, tickets, 8, &count), PARLEY_OK);
    CHECK(count == 2 && tickets[0] && tickets[1] && tickets[0] != tickets[1], "a webhook as a batch: %zu messages", count);
    CHECK_STATUS(parley_engine_drain(engine, 10000), PARLEY_OK);
    CHECK_STATUS(parley_engine_poll(engine, 10, 1000, &out, &out_len), PARLEY_OK);
    results = 0;
    for (const char *p = out ? strstr(out, "\"status\":\"PARLEY_OK\"") : NULL; p; p = strstr(p + 1, "\"status\":\"PARLEY_OK\"")) results++;
    CHECK(results == 3, "3 results expected after the single and the webhook batches: %.300s", out ? out : "NULL");
    parley_string_free(out);

    /* Whole-call failures store nothing. */
    CHECK_STATUS(parley_engine_submit_batch(engine, "[{\"id\":", 7, PARLEY_PRIORITY_NORMAL, tickets, 8, &count), PARLEY_MALFORMED_JSON);
    CHECK_STATUS(parley_engine_submit_batch(engine, "42", 2, PARLEY_PRIORITY_NORMAL, tickets, 8, &count), PARLEY_INVALID_MESSAGE);
    CHECK_STATUS(parley_engine_submit_batch(engine, batch, used, PARLEY_PRIORITY_NORMAL, tickets, 8, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_submit_batch(engine, batch, used, (parley_priority)9, tickets, 8, &count), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_submit_batch(NULL, batch, used, PARLEY_PRIORITY_NORMAL, tickets, 8, &count), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_submit_batch(engine, "[]", 2, PARLEY_PRIORITY_NORMAL, tickets, 8, &count), PARLEY_OK);
    CHECK(count == 0, "an empty array is no messages");
    /* Nine messages never fit under a high-water mark of 8. */
    used = 0;
    used += (size_t)snprintf(batch + used, sizeof batch - used, "[");
    for (int i = 0; i < 9; i++) {
        char id[16];
        snprintf(id, sizeof id, "n%d", i);
        message(one, sizeof one, id, 3, 1764000300L + i, NULL);
        used += (size_t)snprintf(batch + used, sizeof batch - used, "%s%s", i ? "," : "", one);
    }
    used += (size_t)snprintf(batch + used, sizeof batch - used, "]");
    CHECK_STATUS(parley_engine_submit_batch(engine, batch, used, PARLEY_PRIORITY_NORMAL, tickets, 16, &count), PARLEY_TOO_LARGE);
    parley_engine_close(engine);
}

static void test_recovery(void) {
    char dir[64];
    make_store_dir(dir, "async");
    if (!dir[0]) {
        CHECK(0, "no temporary directory");
        return;
    }
    char config[256], held[320];
    snprintf(config, sizeof config, "{\"store\": {\"path\": \"%s/parley.db\"}}", dir);
    snprintf(held, sizeof held, "{\"store\": {\"path\": \"%s/parley.db\"}, \"ordering\": {\"holdMillis\": 600000}}", dir);
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open(held, &engine), PARLEY_OK);
    char json[512], id[16];
    uint64_t ticket;
    for (int i = 0; i < 12; i++) {
        snprintf(id, sizeof id, "r%d", i);
        size_t len = message(json, sizeof json, id, i % 3, 1764000000L + i, NULL);
        CHECK_STATUS(parley_engine_submit(engine, json, len, PARLEY_PRIORITY_NORMAL, &ticket), PARLEY_OK);
    }
    /* A batch is journaled by one commit before it returns: it is recovered like the rest. */
    char batch[1024];
    size_t used = (size_t)snprintf(batch, sizeof batch, "[");
    for (int i = 0; i < 3; i++) {
        snprintf(id, sizeof id, "rb%d", i);
        message(json, sizeof json, id, 5, 1764000100L + i, NULL);
        used += (size_t)snprintf(batch + used, sizeof batch - used, "%s%s", i ? "," : "", json);
    }
    used += (size_t)snprintf(batch + used, sizeof batch - used, "]");
    uint64_t batch_tickets[3];
    size_t count = 0;
    CHECK_STATUS(parley_engine_submit_batch(engine, batch, used, PARLEY_PRIORITY_NORMAL, batch_tickets, 3, &count), PARLEY_OK);
    CHECK_STATUS(parley_engine_drain(engine, 100), PARLEY_TIMEOUT);   /* all held back */
    parley_engine_close(engine);

    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_OK);
    int recovered = 0;
    int got = collect(engine, 15, &recovered);
    CHECK(got == 15 && recovered == 15, "after reopen: %d results, %d recovered (expected 15, 15)", got, recovered);
    parley_engine_close(engine);

    remove_store_dir(dir);
}

int main(void) {
    test_threads_and_poll();
    test_callback_and_duplicates();
    test_drain_and_close_from_the_callback();
    test_backpressure_and_errors();
    test_submit_batch();
    test_recovery();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
