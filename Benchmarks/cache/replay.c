/* Replays a property bot's Sheets access trace (generate_trace.py) through Parley's API cache
 * (parley_cache_fetch with a host fetcher standing in for the Sheets API; writes invalidate by
 * tag) and reports hit rate, API calls saved against no cache (and the peak calls per minute,
 * the Sheets quota's unit), latency of the cache calls, and memory. Then a concurrency check:
 * threads asking for one missing key at once, one fetch per round; and hit throughput on 1..N
 * threads.
 *
 * Build (after cmake --build build, which makes .build/release/libParley.so):
 *   cc -O2 -std=c11 -Wall -Wextra -Iinclude Benchmarks/cache/replay.c -o build/cache_replay \
 *      -L.build/release -lParley -lpthread -Wl,-rpath,$PWD/.build/release
 * Run:
 *   python3 Benchmarks/cache/generate_trace.py --days 7 > build/cache_trace.tsv
 *   build/cache_replay build/cache_trace.tsv [--max-bytes N] [--ttl-ms N] [--stale-ms N]
 */
#define _POSIX_C_SOURCE 200809L
#include "parley.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    char kind;          /* 'R' or 'W' */
    int64_t now;
    char *key;          /* R: the key; W: NULL */
    size_t size;        /* R: the value's length at the source */
    char *tags;         /* comma-separated */
} op;

static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int compare_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double percentile(double *sorted, size_t n, double p) {
    if (!n) return 0;
    size_t i = (size_t)(p * (double)(n - 1) + 0.5);
    return sorted[i];
}

static long rss_kb(const char *field) {
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    size_t n = strlen(field);
    while (f && fgets(line, sizeof line, f)) {
        if (strncmp(line, field, n) == 0) kb = atol(line + n + 1);
    }
    if (f) fclose(f);
    return kb;
}

/* The stand-in for the Sheets API: a JSON range of the trace's size (sheet rows, which deflate
 * like real ones), different after every write to it. */
struct source {
    const op *current;
    long calls;
    long calls_by_minute_peak;
    int64_t minute;
    long calls_this_minute;
    unsigned version;
};

static void count_call(long *this_minute, int64_t *minute, long *peak, int64_t now) {
    if (now / 60000 != *minute) {
        *minute = now / 60000;
        *this_minute = 0;
    }
    if (++*this_minute > *peak) *peak = *this_minute;
}

static parley_status sheets_api(void *user_data, const char *key, parley_cache_reply *reply) {
    struct source *source = user_data;
    const op *o = source->current;
    source->calls++;
    count_call(&source->calls_this_minute, &source->minute, &source->calls_by_minute_peak, o->now);
    char *value = malloc(o->size + 64);
    size_t len = 0;
    unsigned seed = (unsigned)strlen(key) * 2654435761u + ++source->version;
    len += (size_t)snprintf(value, 64, "{\"range\":\"%.20s\",\"values\":[", key);
    while (len + 60 < o->size) {
        seed = seed * 1103515245u + 12345u;
        len += (size_t)sprintf(value + len, "[\"%04u\",\"Tenant %03u\",\"2026-%02u\",%u,\"%s\"],", (seed >> 8) % 2000,
                               (seed >> 12) % 997, (seed >> 4) % 12 + 1, 300 + (seed >> 16) % 900,
                               (seed & 1) ? "paid" : "due");
    }
    len += (size_t)sprintf(value + len, "[]]}");
    char options[512];
    /* The reply's tags: ["a","b"] from "a,b". */
    size_t w = (size_t)snprintf(options, sizeof options, "{\"tags\":[\"");
    for (const char *t = o->tags; *t && w < sizeof options - 8; t++) {
        if (*t == ',') w += (size_t)snprintf(options + w, sizeof options - w, "\",\"");
        else options[w++] = *t;
    }
    snprintf(options + w, sizeof options - w, "\"]}");
    parley_status status = parley_cache_reply_set(reply, (const unsigned char *)value, len, options);
    free(value);
    return status;
}

static op *load(const char *path, size_t *count) {
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        exit(2);
    }
    size_t cap = 1 << 16, n = 0;
    op *ops = malloc(cap * sizeof *ops);
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (n == cap) ops = realloc(ops, (cap *= 2) * sizeof *ops);
        op *o = &ops[n];
        char *fields[5] = {0};
        int k = 0;
        for (char *p = strtok(line, "\t"); p && k < 5; p = strtok(NULL, "\t")) fields[k++] = p;
        o->kind = fields[0][0];
        o->now = atoll(fields[1]);
        if (o->kind == 'R' && k == 5) {
            o->key = strdup(fields[2]);
            o->size = (size_t)atol(fields[3]);
            o->tags = strdup(fields[4]);
        } else if (o->kind == 'W' && k == 3) {
            o->key = NULL;
            o->size = 0;
            o->tags = strdup(fields[2]);
        } else {
            continue;
        }
        n++;
    }
    fclose(f);
    *count = n;
    return ops;
}

static long stat_field(const char *json, const char *name) {
    char pattern[64];
    snprintf(pattern, sizeof pattern, "\"%s\":", name);
    const char *p = strstr(json, pattern);
    return p ? atol(p + strlen(pattern)) : -1;
}

/* ---- concurrency: threads asking for one missing key at once ---- */
struct burst {
    parley_engine *engine;
    pthread_barrier_t *barrier;
    int index, rounds, ok;
    long *fetches;
    pthread_mutex_t *mutex;
};

static parley_status slow_api(void *user_data, const char *key, parley_cache_reply *reply) {
    struct burst *b = user_data;
    (void)key;
    pthread_mutex_lock(b->mutex);
    (*b->fetches)++;
    pthread_mutex_unlock(b->mutex);
    nanosleep(&(struct timespec){0, 20 * 1000 * 1000}, NULL);
    return parley_cache_reply_set(reply, (const unsigned char *)"[[\"all tenants\"]]", 17, NULL);
}

static void *burst_thread(void *arg) {
    struct burst *b = arg;
    for (int round = 0; round < b->rounds; round++) {
        pthread_barrier_wait(b->barrier);
        unsigned char *value = NULL;
        size_t len = 0;
        if (parley_cache_fetch(b->engine, "sheets:tenants!A1:H2001", 1000 + round, NULL, slow_api, b, &value, &len, NULL) == PARLEY_OK &&
            len == 17)
            b->ok++;
        parley_string_free((char *)value);
        pthread_barrier_wait(b->barrier);
        if (b->index == 0) parley_cache_invalidate(b->engine, "sheets:tenants!A1:H2001");
        pthread_barrier_wait(b->barrier);
    }
    return NULL;
}

/* ---- hit throughput: threads reading cached rows ---- */
struct reader {
    parley_engine *engine;
    int keys;
    long reads;
    double seconds;
};

static void *reader_thread(void *arg) {
    struct reader *r = arg;
    char key[64];
    unsigned seed = (unsigned)(size_t)r;
    double start = now_ns();
    for (long i = 0; i < r->reads; i++) {
        seed = seed * 1103515245u + 12345u;
        snprintf(key, sizeof key, "sheets:tenants!row:%u", (seed >> 8) % (unsigned)r->keys);
        unsigned char *value = NULL;
        size_t len = 0;
        parley_cache_get(r->engine, key, 1000, &value, &len, NULL);
        parley_string_free((char *)value);
    }
    r->seconds = (now_ns() - start) / 1e9;
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s TRACE [--max-bytes N] [--ttl-ms N] [--stale-ms N] [--threads N]\n", argv[0]);
        return 2;
    }
    long long max_bytes = 314572800, ttl = 3600000, stale = 300000;
    int threads = 2;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--max-bytes")) max_bytes = atoll(argv[i + 1]);
        else if (!strcmp(argv[i], "--ttl-ms")) ttl = atoll(argv[i + 1]);
        else if (!strcmp(argv[i], "--stale-ms")) stale = atoll(argv[i + 1]);
        else if (!strcmp(argv[i], "--threads")) threads = atoi(argv[i + 1]);
    }
    size_t count = 0;
    op *ops = load(argv[1], &count);
    char config[256];
    snprintf(config, sizeof config, "{\"cache\": {\"maxBytes\": %lld, \"ttlMs\": %lld, \"staleMs\": %lld}}", max_bytes, ttl, stale);
    parley_engine *engine = NULL;
    if (parley_engine_open(config, &engine) != PARLEY_OK) {
        fprintf(stderr, "open: %s\n", parley_last_error());
        return 1;
    }
    struct source source = {0};
    source.minute = -1;
    long reads = 0, writes = 0, stale_answers = 0, nocache_peak = 0, nocache_this_minute = 0;
    int64_t nocache_minute = -1;
    double *hit_ns = malloc(count * sizeof *hit_ns), *miss_ns = malloc(count * sizeof *miss_ns);
    memset(hit_ns, 0, count * sizeof *hit_ns);
    memset(miss_ns, 0, count * sizeof *miss_ns);
    long rss_before = rss_kb("VmRSS:");
    size_t hits = 0, misses = 0;
    long peak_bytes = 0;
    double started = now_ns();
    for (size_t i = 0; i < count; i++) {
        op *o = &ops[i];
        if (o->kind == 'W') {
            writes++;
            char *tags = strdup(o->tags);
            for (char *t = strtok(tags, ","); t; t = strtok(NULL, ",")) parley_cache_invalidate_tag(engine, t, NULL);
            free(tags);
            continue;
        }
        reads++;
        count_call(&nocache_this_minute, &nocache_minute, &nocache_peak, o->now);
        source.current = o;
        long before = source.calls;
        unsigned char *value = NULL;
        size_t len = 0;
        int was_stale = 0;
        double t0 = now_ns();
        parley_status status = parley_cache_fetch(engine, o->key, o->now, NULL, sheets_api, &source, &value, &len, &was_stale);
        double elapsed = now_ns() - t0;
        if (status != PARLEY_OK) {
            fprintf(stderr, "fetch %s: %s\n", o->key, parley_last_error());
            return 1;
        }
        parley_string_free((char *)value);
        stale_answers += was_stale;
        if (source.calls == before) hit_ns[hits++] = elapsed;
        else miss_ns[misses++] = elapsed;
        if ((i & 1023) == 0) {
            char *json = NULL;
            size_t json_len = 0;
            parley_cache_stats(engine, &json, &json_len);
            long bytes = stat_field(json, "bytes");
            if (bytes > peak_bytes) peak_bytes = bytes;
            parley_string_free(json);
        }
    }
    double seconds = (now_ns() - started) / 1e9;
    long rss_after = rss_kb("VmRSS:");
    char *json = NULL;
    size_t json_len = 0;
    parley_cache_stats(engine, &json, &json_len);
    qsort(hit_ns, hits, sizeof *hit_ns, compare_double);
    qsort(miss_ns, misses, sizeof *miss_ns, compare_double);

    /* Pure parley_cache_get latency on what is cached at the end (hits and misses alike). */
    size_t sample = 0;
    double *get_ns = malloc(count * sizeof *get_ns);
    for (size_t i = 0; i < count; i++) {
        if (ops[i].kind != 'R') continue;
        unsigned char *value = NULL;
        size_t len = 0;
        double t0 = now_ns();
        parley_cache_get(engine, ops[i].key, ops[count - 1].now, &value, &len, NULL);
        get_ns[sample++] = now_ns() - t0;
        parley_string_free((char *)value);
    }
    qsort(get_ns, sample, sizeof *get_ns, compare_double);

    printf("trace: %s: %ld reads, %ld writes (tag invalidations), %.1f days; cache %s\n", argv[1], reads, writes,
           (double)(ops[count - 1].now - ops[0].now) / 86400000.0, config);
    printf("API calls: %ld without cache, %ld with (%ld saved, %.1f %%); peak per minute %ld -> %ld\n", reads, source.calls,
           reads - source.calls, 100.0 * (double)(reads - source.calls) / (double)reads, nocache_peak, source.calls_by_minute_peak);
    printf("hit rate %.4f (%zu hits, %ld of them stale, %zu fetches)\n", (double)hits / (double)reads, hits, stale_answers, misses);
    printf("parley_cache_fetch: hit p50 %.2f us p99 %.2f us; miss (incl. building the value) p50 %.1f us p99 %.1f us\n",
           percentile(hit_ns, hits, 0.5) / 1e3, percentile(hit_ns, hits, 0.99) / 1e3, percentile(miss_ns, misses, 0.5) / 1e3,
           percentile(miss_ns, misses, 0.99) / 1e3);
    printf("parley_cache_get (%zu lookups at the trace's end): p50 %.2f us p99 %.2f us\n", sample, percentile(get_ns, sample, 0.5) / 1e3,
           percentile(get_ns, sample, 0.99) / 1e3);
    printf("memory: counted %ld bytes at the end, peak %ld; RSS %ld -> %ld kB (+%ld kB); replay %.2f s\n", stat_field(json, "bytes"),
           peak_bytes, rss_before, rss_after, rss_after - rss_before, seconds);
    printf("stats: %s\n", json);

    /* Single flight under threads. */
    enum { ROUNDS = 50 };
    int burst_threads = 16;
    pthread_t ids[64];
    struct burst bursts[64];
    pthread_barrier_t barrier;
    pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
    long fetches = 0;
    pthread_barrier_init(&barrier, NULL, (unsigned)burst_threads);
    for (int i = 0; i < burst_threads; i++) {
        bursts[i] = (struct burst){engine, &barrier, i, ROUNDS, 0, &fetches, &mutex};
        pthread_create(&ids[i], NULL, burst_thread, &bursts[i]);
    }
    int ok = 0;
    for (int i = 0; i < burst_threads; i++) {
        pthread_join(ids[i], NULL);
        ok += bursts[i].ok;
    }
    printf("single flight: %d threads x %d rounds of one missing key (20 ms fetch): %ld fetches, %d of %d callers got the value\n",
           burst_threads, ROUNDS, fetches, ok, burst_threads * ROUNDS);

    /* Hit throughput on 1..threads threads. */
    for (int i = 0; i < 2000; i++) {
        char key[64];
        snprintf(key, sizeof key, "sheets:tenants!row:%d", i);
        parley_cache_put(engine, key, (const unsigned char *)"[[\"4B\",\"Tenant 123\",\"2026-01\",450,\"paid\"]]", 44, 0, NULL);
    }
    for (int n = 1; n <= threads && n <= 64; n *= 2) {
        struct reader readers[64];
        for (int i = 0; i < n; i++) {
            readers[i] = (struct reader){engine, 2000, 400000, 0};
            pthread_create(&ids[i], NULL, reader_thread, &readers[i]);
        }
        double total = 0, slowest = 0;
        for (int i = 0; i < n; i++) {
            pthread_join(ids[i], NULL);
            total += (double)readers[i].reads;
            if (readers[i].seconds > slowest) slowest = readers[i].seconds;
        }
        printf("hits on %d thread(s): %.2f M gets/s\n", n, total / slowest / 1e6);
    }
    /* Is the counted size honest? Fill a fresh engine with 40,000 rows of 300-700 bytes and 40
     * ranges of 200 KB (deflated) and compare what it counts with the process's RSS growth. */
    parley_engine_close(engine);
    engine = NULL;
    if (parley_engine_open("{\"cache\": {\"maxBytes\": 1073741824}}", &engine) != PARLEY_OK) return 1;
    long rss_empty = rss_kb("VmRSS:");
    char *row = malloc(256 * 1024);
    unsigned seed = 7;
    for (int i = 0; i < 40040; i++) {
        char key[64];
        size_t len = 0, target = i < 40000 ? 300 + (size_t)(i * 7919) % 400 : 200 * 1024;
        snprintf(key, sizeof key, i < 40000 ? "sheets:tenants!row:%d" : "sheets:range:%d", i);
        while (len + 60 < target) {
            seed = seed * 1103515245u + 12345u;
            len += (size_t)sprintf(row + len, "[\"%04u\",\"Tenant %03u\",\"2026-%02u\",%u,\"%s\"],", (seed >> 8) % 2000,
                                   (seed >> 12) % 997, (seed >> 4) % 12 + 1, 300 + (seed >> 16) % 900, (seed & 1) ? "paid" : "due");
        }
        parley_cache_put(engine, key, (const unsigned char *)row, len, 0, "{\"tags\": [\"sheet:tenants\"]}");
    }
    free(row);
    long rss_full = rss_kb("VmRSS:");
    parley_string_free(json);
    parley_cache_stats(engine, &json, &json_len);
    long counted = stat_field(json, "bytes"), value_bytes = stat_field(json, "valueBytes");
    printf("memory check: %ld entries, %.1f MB of values: counted %.1f MB, RSS +%.1f MB (counted / RSS growth %.2f)\n",
           stat_field(json, "entries"), (double)value_bytes / 1e6, (double)counted / 1e6, (double)(rss_full - rss_empty) / 1e3,
           (double)counted / 1e3 / (double)(rss_full - rss_empty));
    parley_string_free(json);
    parley_engine_close(engine);
    return 0;
}
