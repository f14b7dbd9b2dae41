/* Durability of the asynchronous API under real crashes.
 *
 * The parent forks a child that opens a file store, sets a result callback and submits
 * messages m0, m1, ... (crash_util.h's stream) through parley_engine_submit as fast as the
 * queue allows (PARLEY_BUSY: it waits a millisecond and tries again). It writes "A <i>" after
 * each accepted submit and, from the callback, "P <i>" or "D <i>" for each result (processed
 * or duplicate). The parent kills it with SIGKILL 5-80 ms after it opened, K times; each next
 * child resumes a little before the last accepted message, so accepted messages are submitted
 * again. Messages accepted but not processed at a kill are recovered by the next child's
 * parley_engine_open and come back through its callback. A final child submits the rest, waits
 * with parley_engine_drain and closes cleanly.
 *
 * Checked: every accepted message's result comes back "processed" (none lost, also when the
 * kill came between its commit and its callback: the next open hands it back, "recovered");
 * never twice, except once more "recovered" when a kill hit right after its callback ran (the
 * hand-back is recorded just after the callback returns); at the end every accepted message
 * is stored exactly once, in state "processed", none is left "received", no inbox segment is
 * left after the clean close, and integrity_check is "ok".
 *
 * Usage: async_crash_loop [--kills K] [--messages N] [--seed S] [--sync normal|full]
 * Prints N, kills, accepted, results processed, recovered. Exit status 0 when every check held. */
#define _POSIX_C_SOURCE 200809L
#include "crash_util.h"

static int result_fd;

static void on_result(void *user_data, uint64_t ticket, parley_status status, const char *json, size_t len) {
    (void)user_data;
    (void)ticket;
    (void)len;
    char id[32], line[96];
    if (status != PARLEY_OK || !json_string_after(strstr(json, "\"message\":{"), "id", id, sizeof id)) {
        snprintf(line, sizeof line, "F -1 %s result\n", parley_status_name(status));
        write_line(result_fd, line);
        return;
    }
    snprintf(line, sizeof line, "%c %s%s\n", is_duplicate(json) ? 'D' : 'P', id + 1,
             strstr(json, "\"recovered\"") ? " r" : "");
    write_line(result_fd, line);
}

static void submit_child(const char *config, int start, int end, int fd) {
    char line[600], json[512];
    result_fd = fd;
    parley_engine *engine = NULL;
    parley_status status = parley_engine_open(config, &engine);
    if (status != PARLEY_OK) {
        snprintf(line, sizeof line, "F -1 %s %s\n", parley_status_name(status), parley_last_error());
        write_line(fd, line);
        _exit(2);
    }
    parley_engine_set_callback(engine, on_result, NULL);
    write_line(fd, "R\n");
    for (int i = start; i < end; i++) {
        int length = message_of(i, json, sizeof json);
        uint64_t ticket = 0;
        while ((status = parley_engine_submit(engine, json, (size_t)length, PARLEY_PRIORITY_NORMAL, &ticket)) == PARLEY_BUSY)
            sleep_ms(1);
        if (status != PARLEY_OK) {
            snprintf(line, sizeof line, "F %d %s %s\n", i, parley_status_name(status), parley_last_error());
            write_line(fd, line);
            _exit(3);
        }
        snprintf(line, sizeof line, "A %d\n", i);
        write_line(fd, line);
    }
    if (parley_engine_drain(engine, 60000) != PARLEY_OK) {
        write_line(fd, "F -1 DRAIN timeout\n");
        _exit(3);
    }
    parley_engine_set_callback(engine, NULL, NULL);
    parley_engine_close(engine);
    write_line(fd, "Q\n");
    _exit(0);
}

typedef struct {
    char *accepted;
    unsigned char *processed; /* results "processed" per message: must never exceed 1 */
    int accepted_count, last_accepted, results, recovered, duplicates, handed_twice;
} tally;

/* Returns 1 on "Q". */
static int handle(tally *t, const char *line, int *ready, int n) {
    if (line[0] == 'R') { *ready = 1; return 0; }
    if (line[0] == 'Q') return 1;
    if (line[0] == 'F') die("child failed: %s", line);
    int i = atoi(line + 2);
    if (i < 0 || i >= n) die("bad line from child: %s", line);
    if (line[0] == 'A') {
        if (!t->accepted[i]) t->accepted_count++;
        t->accepted[i] = 1;
        if (i > t->last_accepted) t->last_accepted = i;
    } else if (line[0] == 'P') {
        int again = ++t->processed[i] > 1;
        if (again && (!strstr(line, " r") || t->processed[i] > 2)) die("m%d came back \"processed\" twice: it was processed again", i);
        t->handed_twice += again;
        t->results++;
        if (strstr(line, " r")) t->recovered++;
    } else if (line[0] == 'D') {
        t->duplicates++;
    } else {
        die("bad line from child: %s", line);
    }
    return 0;
}

static void run_child(tally *t, const char *config, int start, int end, int kill_after_ms, int n) {
    int fd;
    pid_t child = spawn_child(submit_child, config, start, end, &fd);
    line_reader reader = {fd, {0}, 0, 0};
    char line[1024];
    int ready = 0, clean = 0;
    double deadline = -1;
    while (!clean) {
        double wait = deadline < 0 ? 60000 : deadline - now_ms();
        if (deadline >= 0 && wait <= 0) break;
        int got = read_line(&reader, line, sizeof line, wait);
        if (got == 0) {
            if (deadline < 0) die("child silent for 60 s");
            break;
        }
        if (got < 0) break;
        clean = handle(t, line, &ready, n);
        if (line[0] == 'R' && kill_after_ms > 0) deadline = now_ms() + kill_after_ms;
    }
    if (!clean) kill(child, SIGKILL);
    while (read_line(&reader, line, sizeof line, -1) > 0) clean |= handle(t, line, &ready, n);
    close(fd);
    int wstatus = 0;
    waitpid(child, &wstatus, 0);
    if (kill_after_ms <= 0 && (!clean || !WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0))
        die("the final child did not finish cleanly");
}

int main(int argc, char **argv) {
    int kills = 20, n = 3000;
    const char *sync = "normal";
    uint64_t seed = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 16);
    for (int a = 1; a < argc; a++) {
        if (!strcmp(argv[a], "--kills") && a + 1 < argc) kills = atoi(argv[++a]);
        else if (!strcmp(argv[a], "--messages") && a + 1 < argc) n = atoi(argv[++a]);
        else if (!strcmp(argv[a], "--seed") && a + 1 < argc) seed = strtoull(argv[++a], NULL, 10);
        else if (!strcmp(argv[a], "--sync") && a + 1 < argc) sync = argv[++a];
        else die("usage: async_crash_loop [--kills K] [--messages N] [--seed S] [--sync normal|full]");
    }
    if (seed == 0) seed = 1;
    uint64_t rng = seed;
    char dir[1024], path[1100], config[1300];
    make_temp_dir(dir, sizeof dir, "parley-async-crash");
    snprintf(path, sizeof path, "%s/store.db", dir);
    snprintf(config, sizeof config,
             "{\"store\":{\"path\":\"%s\",\"synchronous\":\"%s\"},\"queue\":{\"highWater\":200,\"lowWater\":50}}", path, sync);
    printf("async_crash_loop: kills=%d messages=%d sync=%s seed=%llu (rerun with --seed %llu)\n", kills, n, sync,
           (unsigned long long)seed, (unsigned long long)seed);
    warm_up();

    tally t = {calloc((size_t)n, 1), calloc((size_t)n, 1), 0, -1, 0, 0, 0, 0};
    double started = now_ms();
    int done_kills = 0;
    for (; done_kills < kills && t.last_accepted < n - 1; done_kills++) {
        int start = t.last_accepted + 1 - rng_range(&rng, 0, 20);
        run_child(&t, config, start < 0 ? 0 : start, n, rng_range(&rng, 5, 80), n);
    }
    int start = t.last_accepted + 1 - rng_range(&rng, 0, 20);
    run_child(&t, config, start < 0 ? 0 : start, n, 0, n);
    if (t.accepted_count != n) die("only %d of %d messages accepted", t.accepted_count, n);
    for (int i = 0; i < n; i++)
        if (t.processed[i] == 0) die("m%d was accepted but its result never came back", i);
    if (done_kills < kills) die("only %d of %d kills happened before the stream ended: raise --messages", done_kills, kills);

    sqlite3 *db = db_open(path, SQLITE_OPEN_READWRITE);
    char verdict[512];
    db_integrity(db, verdict, sizeof verdict);
    if (strcmp(verdict, "ok") != 0) die("integrity_check: %s", verdict);
    sqlite3_stmt *cached = NULL;
    for (int i = 0; i < n; i++)
        if (db_stored_count(db, &cached, i) != 1) die("accepted message m%d is not stored exactly once", i);
    sqlite3_finalize(cached);
    db_check_rows(db, n);
    long long unfinished = db_int(db, "SELECT count(*) FROM messages WHERE state <> 'processed'");
    long long stored = db_int(db, "SELECT count(*) FROM messages");
    sqlite3_close(db);
    if (unfinished != 0) die("%lld messages are not processed at the end", unfinished);
    if (stored != n) die("%lld messages stored, %d sent", stored, n);
    if (inbox_segments(path) != 0) die("%d inbox segments are left after the clean close", inbox_segments(path));

    printf("async_crash_loop: N=%d kills=%d accepted=%d stored=%lld processed results=%d (recovered after a kill %d, "
           "handed back again after a kill right after the callback %d) duplicate results=%d integrity=ok %.1f s\n",
           n, done_kills, t.accepted_count, stored, t.results, t.recovered, t.handed_twice, t.duplicates, (now_ms() - started) / 1000.0);
    remove_store(path);
    rmdir(dir);
    free(t.accepted);
    free(t.processed);
    return 0;
}
