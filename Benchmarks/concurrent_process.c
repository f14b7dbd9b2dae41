/* process() from N host threads on one engine with a file store: what group commit buys.
 * Build: cc -O2 -I include Benchmarks/concurrent_process.c -o concurrent_process -L .build/release -lParley \
 *        -Wl,-rpath,$PWD/.build/release -lpthread
 * Run:   ./concurrent_process THREADS MESSAGES_PER_THREAD /tmp/bench.db  (remove the db between runs) */
#define _POSIX_C_SOURCE 200809L
#include <parley.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
static parley_engine *engine; static int per;
static void *work(void *arg) {
    long w = (long)arg; char buf[512];
    for (int i = 0; i < per; i++) {
        int n = snprintf(buf, sizeof buf, "{\"id\":\"w%ld-%d\",\"chat\":\"c%d@c.us\",\"from\":\"u\",\"timestamp\":%d,\"type\":\"text\",\"text\":\"Hi, I paid RWF 50,000 for unit 4B this morning\"}", w, i, (int)(w * 1000 + i % 50), 1764000000 + i);
        char *out; size_t len;
        if (parley_engine_process(engine, buf, (size_t)n, &out, &len) == PARLEY_OK) parley_string_free(out);
    }
    return NULL;
}
int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: %s THREADS MESSAGES_PER_THREAD STORE.db\n", argv[0]); return 2; }
    int threads = atoi(argv[1]); per = atoi(argv[2]);
    if (threads < 1 || threads > 64 || per < 1) { fprintf(stderr, "THREADS 1..64, MESSAGES_PER_THREAD >= 1\n"); return 2; }
    char cfg[256]; snprintf(cfg, sizeof cfg, "{\"region\":\"RW\",\"store\":{\"path\":\"%s\"}}", argv[3]);
    if (parley_engine_open(cfg, &engine)) { puts(parley_last_error()); return 1; }
    char *o; size_t l; parley_engine_process(engine, "{\"id\":\"warm\",\"chat\":\"w\",\"from\":\"u\",\"timestamp\":1,\"type\":\"text\",\"text\":\"hello\"}", 93, &o, &l);
    struct timespec a, b; clock_gettime(CLOCK_MONOTONIC, &a);
    pthread_t t[64]; for (long i = 0; i < threads; i++) pthread_create(&t[i], NULL, work, (void *)i);
    for (int i = 0; i < threads; i++) pthread_join(t[i], NULL);
    clock_gettime(CLOCK_MONOTONIC, &b);
    double s = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
    printf("%d threads: %.0f messages/s\n", threads, threads * per / s);
    parley_engine_close(engine); return 0;
}
