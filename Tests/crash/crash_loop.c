/* Durability under real crashes, through the C API.
 *
 * The parent forks a child that opens a file store and ingests messages m0, m1, ... (message
 * i in chat i % 50) as fast as it can through parley_engine_process, writing each acknowledged
 * id (PARLEY_OK returned) to a pipe after the call returns. The parent kills the child with
 * SIGKILL at a seeded random point: 1-50 ms after the child reported its store open (the
 * parent warmed the engine up before forking, so messages flow at once); every fifth kill
 * counts from the fork instead, so it lands in parley_engine_open (its quick_check, WAL
 * recovery) or the first messages. The next child resumes a little before the last
 * acknowledged message: up to 20 acknowledged messages and the one in flight at the kill
 * (perhaps committed, never acknowledged) are sent again. After K kills a final child
 * processes the rest cleanly, up to N (--messages, or 100 past the last acknowledged message
 * if the kills got further: the stream is open-ended while children are killed, so a fast
 * machine cannot run out of messages before the last kill).
 *
 * Checked after every kill, on a copy of the crash image (database + WAL + inbox segments, so
 * the live files see no extra checkpoint): PRAGMA integrity_check is "ok" as the kill left it;
 * then Parley opens and closes the copy (journaling what `process` answered but wrote behind,
 * WriteBehind.swift) and, through sqlite3, integrity_check is "ok" again, every message
 * acknowledged so far is stored once, and at most one more (the one in flight). Checked while
 * running: a message acknowledged before never comes back "processed" when sent again (it
 * must be "duplicate"), and every context carries the text that was sent. Checked at the end,
 * through the C API: every message processed again is a "duplicate" with its original text;
 * per chat the threads' messageCount add up to the chat's stored messages (and each thread's
 * to its own rows); and through sqlite3: every row is a message that was sent, none twice,
 * and integrity_check is "ok".
 *
 * Usage: crash_loop [--sync normal|full] [--kills K] [--messages N] [--seed S] [--keep]
 * Prints N, kills, acknowledged, stored, duplicates. Exit status 0 when every check held. */
#define _POSIX_C_SOURCE 200809L
#include "crash_util.h"

typedef struct {
    int n;
    char *acked;             /* acked[i]: message i was acknowledged by some child */
    int acked_count;
    int last_acked;          /* highest acknowledged index (children go in order) */
    int resent_duplicates;   /* an acknowledged message sent again came back "duplicate" */
    int unacked_committed;   /* a message never acknowledged came back "duplicate": it had been
                                committed by a child killed before it could acknowledge */
    int acks_total;
} progress;

/* Handles one line from a child; returns 1 for "Q" (clean end). */
static int handle_line(progress *p, const char *line, int *ready) {
    if (line[0] == 'R') {
        *ready = 1;
        return 0;
    }
    if (line[0] == 'Q') return 1;
    if (line[0] == 'F') die("child failed: %s", line);
    int i;
    char kind;
    if (sscanf(line, "A %d %c", &i, &kind) != 2 || i < 0 || i >= p->n) die("bad line from child: %s", line);
    p->acks_total++;
    if (kind == 'P' && p->acked[i])
        die("message m%d was acknowledged before a kill but came back \"processed\": it was lost", i);
    if (kind == 'D') {
        if (p->acked[i]) p->resent_duplicates++;
        else p->unacked_committed++;
    }
    if (!p->acked[i]) {
        p->acked[i] = 1;
        p->acked_count++;
    }
    if (i > p->last_acked) p->last_acked = i;
    return 0;
}

/* Opens a copy of the crash image (database + WAL + inbox as the killed child left them) with
 * sqlite3: WAL recovery runs on the copy and integrity_check must say "ok". Then Parley opens
 * and closes the copy, and every acknowledged message must be in it, once. Returns the number
 * of stored messages. */
static long long check_crash_image(const char *dir, const char *path, const progress *p, long long *in_sqlite) {
    char copy[1100], from[1200], to[1200];
    snprintf(copy, sizeof copy, "%s/image.db", dir);
    remove_store(copy);
    if (copy_file(path, copy) != 0) { /* killed before the file existed */
        if (p->acked_count > 0) die("the store file is gone but %d messages were acknowledged", p->acked_count);
        return 0;
    }
    snprintf(from, sizeof from, "%s-wal", path);
    snprintf(to, sizeof to, "%s-wal", copy);
    copy_file(from, to);
    copy_inbox(path, copy);
    sqlite3 *db = db_open(copy, SQLITE_OPEN_READWRITE);
    char verdict[512];
    db_integrity(db, verdict, sizeof verdict);
    if (strcmp(verdict, "ok") != 0) die("crash image fails integrity_check: %s", verdict);
    *in_sqlite = db_int(db, "SELECT count(*) FROM sqlite_master WHERE name = 'messages'") == 1
                     ? db_int(db, "SELECT count(*) FROM messages") : 0;
    sqlite3_close(db);
    settle_with_engine(copy);
    db = db_open(copy, SQLITE_OPEN_READWRITE);
    db_integrity(db, verdict, sizeof verdict);
    if (strcmp(verdict, "ok") != 0) die("crash image fails integrity_check: %s", verdict);
    long long stored = 0;
    if (db_int(db, "SELECT count(*) FROM sqlite_master WHERE name = 'messages'") == 1) {
        sqlite3_stmt *cached = NULL;
        for (int i = 0; i <= p->last_acked; i++) {
            if (!p->acked[i]) continue;
            int count = db_stored_count(db, &cached, i);
            if (count != 1) die("acknowledged message m%d is stored %d times in the crash image", i, count);
        }
        sqlite3_finalize(cached);
        stored = db_int(db, "SELECT count(*) FROM messages");
        db_check_rows(db, p->n);
        /* Children send in order and acknowledge each message before the next: beyond the
         * acknowledged ones, only the message in flight at the kill may have been committed. */
        if (stored > p->acked_count + 1)
            die("the crash image holds %lld messages, %d acknowledged: more than one in flight", stored, p->acked_count);
    } else if (p->acked_count > 0) {
        die("the crash image has no messages table but %d messages were acknowledged", p->acked_count);
    }
    sqlite3_close(db);
    remove_store(copy);
    return stored;
}

int main(int argc, char **argv) {
    const char *sync = "normal";
    int kills = 30, n = 1000, keep = 0;
    uint64_t seed = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 16);
    for (int a = 1; a < argc; a++) {
        if (!strcmp(argv[a], "--sync") && a + 1 < argc) sync = argv[++a];
        else if (!strcmp(argv[a], "--kills") && a + 1 < argc) kills = atoi(argv[++a]);
        else if (!strcmp(argv[a], "--messages") && a + 1 < argc) n = atoi(argv[++a]);
        else if (!strcmp(argv[a], "--seed") && a + 1 < argc) seed = strtoull(argv[++a], NULL, 10);
        else if (!strcmp(argv[a], "--keep")) keep = 1;
        else die("usage: crash_loop [--sync normal|full] [--kills K] [--messages N] [--seed S] [--keep]");
    }
    if (seed == 0) seed = 1;
    uint64_t rng = seed;

    char dir[1024], path[1100], config[1200];
    make_temp_dir(dir, sizeof dir, "parley-crash");
    snprintf(path, sizeof path, "%s/store.db", dir);
    printf("crash_loop: synchronous=%s kills=%d messages=%d seed=%llu (rerun with --seed %llu) store %s\n", sync, kills,
           n, (unsigned long long)seed, (unsigned long long)seed, path);
    snprintf(config, sizeof config, "{\"store\":{\"path\":\"%s\",\"synchronous\":\"%s\"}}", path, sync);

    progress p = {0};
    /* The stream is open-ended while children are killed (a fast machine must not run out of
     * messages before the last kill); N is fixed when the final child starts. */
    enum { STREAM_END = 1 << 20 };
    p.n = STREAM_END;
    p.acked = calloc(STREAM_END, 1);
    p.last_acked = -1;
    double started = now_ms();
    warm_up();
    printf("  engine warmed up in %.0f ms (children inherit it)\n", now_ms() - started);
    int done_kills = 0, finished_early = 0;
    char line[1024];

    for (int k = 0; k < kills && !finished_early; k++) {
        /* Resume a little before the last acknowledged message: up to 20 acknowledged ones are
         * sent again, then the one that was in flight at the kill (committed or not). */
        int back = rng_range(&rng, 0, 20);
        int start = p.last_acked + 1 - back;
        if (start < 0) start = 0;
        int from_fork = (k % 5 == 4);
        int delay = rng_range(&rng, 1, 50);
        int fd;
        int acked_before = p.acked_count;
        double forked = now_ms();
        pid_t child = spawn_ingest(config, start, STREAM_END, &fd);
        line_reader reader = {fd, {0}, 0, 0};
        int ready = 0, clean = 0;
        double deadline = from_fork ? forked + delay : -1;
        while (!clean) {
            double wait = deadline < 0 ? 30000 : deadline - now_ms();
            if (deadline >= 0 && wait <= 0) break;
            int got = read_line(&reader, line, sizeof line, wait);
            if (got == 0) {
                if (deadline < 0) die("child silent for 30 s (kill %d)", k + 1);
                break;
            }
            if (got < 0) break;
            clean = handle_line(&p, line, &ready);
            if (line[0] == 'R' && deadline < 0) deadline = now_ms() + delay;
        }
        if (clean) {
            finished_early = 1;
        } else {
            kill(child, SIGKILL);
        }
        /* Lines the child wrote before it died are acknowledgements all the same. */
        while (read_line(&reader, line, sizeof line, -1) > 0)
            if (handle_line(&p, line, &ready)) finished_early = 1;
        close(fd);
        int wstatus = 0;
        waitpid(child, &wstatus, 0);
        if (WIFEXITED(wstatus) && WEXITSTATUS(wstatus) != 0) die("child exited with %d", WEXITSTATUS(wstatus));
        if (finished_early) {
            printf("  child %d reached the end before its kill; no more kills\n", k + 1);
            break;
        }
        if (!WIFSIGNALED(wstatus) || WTERMSIG(wstatus) != SIGKILL) die("child %d was not killed by SIGKILL", k + 1);
        done_kills++;
        long long in_sqlite = 0;
        long long stored = check_crash_image(dir, path, &p, &in_sqlite);
        printf("  kill %2d: start m%-5d %s +%2d ms  acked %4d -> %4d  stored in crash image %lld (%lld from the inbox)%s\n",
               k + 1, start, from_fork ? "after fork " : "after open", delay, acked_before, p.acked_count, stored,
               stored - in_sqlite, ready ? "" : "  (killed while opening)");
    }

    /* The final child processes the rest cleanly: up to --messages, and at least 100 more. */
    if (n < p.last_acked + 101) n = p.last_acked + 101;
    p.n = n;
    int start = p.last_acked + 1 - rng_range(&rng, 0, 20);
    if (start < 0) start = 0;
    if (!finished_early) {
        int fd;
        pid_t child = spawn_ingest(config, start, n, &fd);
        line_reader reader = {fd, {0}, 0, 0};
        int ready = 0, clean = 0, got;
        while (!clean && (got = read_line(&reader, line, sizeof line, 60000)) > 0) clean = handle_line(&p, line, &ready);
        close(fd);
        int wstatus = 0;
        waitpid(child, &wstatus, 0);
        if (!clean || !WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) die("the final child did not finish cleanly");
    }
    double ingest_ms = now_ms() - started;
    if (p.acked_count != n) die("only %d of %d messages acknowledged at the end", p.acked_count, n);

    /* Final verification through the C API (no fork after this point). */
    parley_engine *engine = NULL;
    parley_status status = parley_engine_open(config, &engine);
    if (status != PARLEY_OK) die("reopen: %s %s", parley_status_name(status), parley_last_error());
    char json[512];
    for (int i = 0; i < n; i++) {
        int length = message_of(i, json, sizeof json);
        char *out = NULL;
        size_t len = 0;
        status = parley_engine_process(engine, json, (size_t)length, &out, &len);
        if (status != PARLEY_OK) die("m%d processed again: %s %s", i, parley_status_name(status), parley_last_error());
        if (!is_duplicate(out)) die("m%d processed again is not a duplicate: it was lost", i);
        if (!text_matches(out, i)) die("m%d's stored context has another text: %.300s", i, out);
        parley_string_free(out);
    }
    sqlite3 *db = db_open(path, SQLITE_OPEN_READONLY);
    int threads = check_threads(engine, db);
    sqlite3_close(db);
    parley_engine_close(engine);

    db = db_open(path, SQLITE_OPEN_READWRITE);
    char verdict[512];
    db_integrity(db, verdict, sizeof verdict);
    if (strcmp(verdict, "ok") != 0) die("integrity_check: %s", verdict);
    db_check_rows(db, n);
    long long stored = db_int(db, "SELECT count(*) FROM messages");
    sqlite3_close(db);
    if (stored != n) die("%lld messages stored, %d sent", stored, n);

    printf("crash_loop %s: N=%d kills=%d acknowledged=%d stored=%lld duplicates=%d "
           "(re-sent acknowledged %d, committed but unacknowledged %d) threads=%d integrity=ok %.1f s\n",
           sync, n, done_kills, p.acked_count, stored, p.resent_duplicates + p.unacked_committed, p.resent_duplicates,
           p.unacked_committed, threads, ingest_ms / 1000.0);
    if (done_kills < kills) die("only %d of %d kills happened", done_kills, kills);
    if (!keep) {
        remove_store(path);
        rmdir(dir);
    } else {
        printf("store kept at %s\n", path);
    }
    free(p.acked);
    return 0;
}
