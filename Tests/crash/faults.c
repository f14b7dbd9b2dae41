/* Storage faults, through the C API: each must give a clear status, damage nothing, and the
 * store must work again once the fault is gone.
 *
 *   full_disk    the store on a 8 MB tmpfs, filled up: PARLEY_STORAGE, earlier messages
 *                intact, the failed message not stored; new messages succeed once space is freed.
 *                Mounting needs root: skipped, with the reason printed, when not running as root.
 *   full_disk_submit  the same under parley_engine_submit: the submit that finds no room is
 *                PARLEY_STORAGE and stores nothing; every message accepted before is processed
 *                exactly once, after the space is freed and the engine reopened at the latest.
 *   busy         another process holds the write lock (BEGIN IMMEDIATE): with write-behind off,
 *                PARLEY_BUSY after "store.busyTimeoutMillis" (200 ms here), reads still answered;
 *                a lock held shorter than the timeout is waited out; success once the lock is
 *                gone. With write-behind, process answers at once and the close writes it.
 *   corrupt      a truncated store and a file of random bytes: PARLEY_CORRUPT, the file left
 *                byte-identical; the intact original still opens.
 *   newer_schema a store stamped by a newer Parley (user_version 99): PARLEY_STORAGE naming
 *                the version, file untouched; opens again once the version is one Parley knows.
 *   torn_wal     the WAL's tail torn after a SIGKILL (write-behind off): the store opens and
 *                loses at most the last transaction (see the comment there for what SQLite
 *                guarantees).
 *   torn_wal_behind  the same with write-behind: the inbox still holds the torn transaction's
 *                messages, so every acknowledged message is stored after the reopen.
 *
 * Usage: faults [scenario...] (default: all). Each scenario runs in its own forked process, so
 * one failure cannot disturb the next. Exit status 0 when none failed. */
#define _GNU_SOURCE /* mount(2) */
#include "crash_util.h"

#include <sys/mount.h>

#define SKIPPED 77

static char g_dir[1024];

static void open_store(const char *config, parley_engine **engine) {
    parley_status status = parley_engine_open(config, engine);
    if (status != PARLEY_OK) die("parley_engine_open: %s %s", parley_status_name(status), parley_last_error());
}

/* Processes message i; returns its status and, on PARLEY_OK, whether it was a duplicate. */
static parley_status process_message(parley_engine *engine, int i, int *duplicate) {
    char json[512];
    int length = message_of(i, json, sizeof json);
    char *out = NULL;
    size_t len = 0;
    parley_status status = parley_engine_process(engine, json, (size_t)length, &out, &len);
    if (status == PARLEY_OK) {
        if (!text_matches(out, i)) die("m%d's context carries another text: %.300s", i, out);
        if (duplicate) *duplicate = is_duplicate(out);
    }
    parley_string_free(out);
    return status;
}

static void expect_processed(parley_engine *engine, int i, int want_duplicate) {
    int duplicate = -1;
    parley_status status = process_message(engine, i, &duplicate);
    if (status != PARLEY_OK) die("m%d: %s %s", i, parley_status_name(status), parley_last_error());
    if (duplicate != want_duplicate)
        die("m%d came back %s, expected %s", i, duplicate ? "duplicate" : "processed",
            want_duplicate ? "duplicate (it was stored before)" : "processed");
}

/* Runs an ingesting child over messages start..end-1 to its clean end (the store is closed
 * cleanly: checkpointed, WAL removed). */
static void ingest(const char *config, int start, int end) {
    int fd;
    pid_t child = spawn_ingest(config, start, end, &fd);
    line_reader reader = {fd, {0}, 0, 0};
    char line[1024];
    int got, clean = 0;
    while ((got = read_line(&reader, line, sizeof line, 60000)) > 0) {
        if (line[0] == 'F') die("ingesting child: %s", line);
        if (line[0] == 'Q') clean = 1;
    }
    close(fd);
    int wstatus = 0;
    waitpid(child, &wstatus, 0);
    if (!clean || !WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) die("ingesting child did not finish cleanly");
}

/* Checks a closed store with sqlite3: integrity_check "ok"; returns its message count. */
static long long check_file(const char *path, int n) {
    sqlite3 *db = db_open(path, SQLITE_OPEN_READWRITE);
    char verdict[512];
    db_integrity(db, verdict, sizeof verdict);
    if (strcmp(verdict, "ok") != 0) die("integrity_check: %s", verdict);
    db_check_rows(db, n);
    long long stored = db_int(db, "SELECT count(*) FROM messages");
    sqlite3_close(db);
    return stored;
}

/* Thread summaries agree with the stored messages (through parley_thread_list). */
static int check_engine_threads(parley_engine *engine, const char *path) {
    sqlite3 *db = db_open(path, SQLITE_OPEN_READONLY);
    int threads = check_threads(engine, db);
    sqlite3_close(db);
    return threads;
}

/* ---- a second process on the database: runs SQL when told, holds, then ends ------------- */

typedef struct {
    pid_t pid;
    int control; /* parent -> holder: 'g' to run the SQL; closing it releases */
    int ready;   /* holder -> parent: "R\n" once the SQL ran */
} holder;

/* hold_ms > 0: the holder releases by itself after hold_ms; otherwise when control closes. */
static holder spawn_holder(const char *path, const char *sql, const char *release_sql, int hold_ms) {
    int to_child[2], to_parent[2];
    if (pipe(to_child) != 0 || pipe(to_parent) != 0) die("pipe: %s", strerror(errno));
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) die("fork: %s", strerror(errno));
    if (pid == 0) {
        close_other_fds(to_child[0], to_parent[1]);
        char go;
        if (read(to_child[0], &go, 1) != 1) _exit(0);
        sqlite3 *db = db_open(path, SQLITE_OPEN_READWRITE);
        char *error = NULL;
        if (sqlite3_exec(db, sql, NULL, NULL, &error) != SQLITE_OK) {
            fprintf(stderr, "holder: %s: %s\n", sql, error);
            _exit(2);
        }
        write_line(to_parent[1], "R\n");
        if (hold_ms > 0) sleep_ms(hold_ms);
        else
            while (read(to_child[0], &go, 1) > 0) {}
        if (release_sql) sqlite3_exec(db, release_sql, NULL, NULL, NULL);
        sqlite3_close(db);
        _exit(0);
    }
    close(to_child[0]);
    close(to_parent[1]);
    holder h = {pid, to_child[1], to_parent[0]};
    return h;
}

static void holder_start(holder *h) {
    if (write(h->control, "g", 1) != 1) die("holder: %s", strerror(errno));
    line_reader reader = {h->ready, {0}, 0, 0};
    char line[64];
    if (read_line(&reader, line, sizeof line, 10000) != 1 || line[0] != 'R') die("the holder did not take its lock");
}

static void holder_release(holder *h) {
    close(h->control);
    close(h->ready);
    int wstatus = 0;
    waitpid(h->pid, &wstatus, 0);
    if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) die("the holder failed");
}

/* ---- full disk ---------------------------------------------------------------------------- */

/* Mounts an 8 MB tmpfs at g_dir/<name> (needs root) and names the store, a filler file and
 * the config inside it. */
static void mount_small_disk(const char *name, char *mnt, size_t mnt_size, char *path, size_t path_size,
                             char *filler, size_t filler_size, char *config, size_t config_size) {
    snprintf(mnt, mnt_size, "%s/%s", g_dir, name);
    if (mkdir(mnt, 0700) != 0) die("mkdir %s: %s", mnt, strerror(errno));
    if (mount("tmpfs", mnt, "tmpfs", 0, "size=8m") != 0)
        die("cannot mount a 8 MB tmpfs at %s as root: %s (the container needs CAP_SYS_ADMIN)", mnt, strerror(errno));
    snprintf(path, path_size, "%s/store.db", mnt);
    snprintf(filler, filler_size, "%s/filler", mnt);
    snprintf(config, config_size, "{\"store\":{\"path\":\"%s\"}}", path);
}

/* Writes `filler` until the file system is full, to the last partial block; returns its size. */
static long long fill_disk(const char *filler) {
    int fd = open(filler, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) die("create %s: %s", filler, strerror(errno));
    static char block[16384];
    memset(block, 'x', sizeof block);
    long long filled = 0;
    ssize_t n;
    while ((n = write(fd, block, sizeof block)) > 0) filled += n;
    while ((n = write(fd, block, 512)) > 0) filled += n; /* the last partial block */
    close(fd);
    return filled;
}

static int scenario_full_disk(void) {
    if (geteuid() != 0) {
        printf("  SKIP full_disk: mounting a size-limited tmpfs needs root (running as uid %d)\n", (int)geteuid());
        return SKIPPED;
    }
    char mnt[1100], path[1200], filler[1200], config[1400];
    mount_small_disk("tmpfs", mnt, sizeof mnt, path, sizeof path, filler, sizeof filler, config, sizeof config);

    const int first = 100;
    ingest(config, 0, first); /* a child: this process may not fork once the store is open */
    parley_engine *engine = NULL;
    open_store(config, &engine);

    long long filled = fill_disk(filler);

    /* Process until the store can no longer commit. The WAL may have room left (and is reused
     * after a checkpoint), so a few messages may still succeed. */
    int i = first, failed_at = -1;
    parley_status status = PARLEY_OK;
    for (; i < first + 5000; i++) {
        status = process_message(engine, i, NULL);
        if (status != PARLEY_OK) {
            failed_at = i;
            break;
        }
    }
    if (failed_at < 0) die("5000 messages were stored on a full 8 MB file system");
    char error[512];
    snprintf(error, sizeof error, "%s", parley_last_error());
    if (status != PARLEY_STORAGE) die("disk full gave %s (%s), expected PARLEY_STORAGE", parley_status_name(status), error);
    printf("  disk full (filler %lld bytes) after %d more messages: m%d -> %s \"%s\"\n", filled, failed_at - first,
           failed_at, parley_status_name(status), error);
    /* Failing again is just as clean. */
    for (int k = 0; k < 3; k++) {
        status = process_message(engine, failed_at + k, NULL);
        if (status != PARLEY_STORAGE) die("retry on a full disk gave %s", parley_status_name(status));
    }
    /* Everything stored before is intact and readable while the disk is full. */
    for (int k = 0; k < failed_at; k++) expect_processed(engine, k, 1);
    int threads = check_engine_threads(engine, path);

    /* The host restarts while the disk is still full: closing cannot checkpoint (the database
     * cannot grow), the WAL keeps every commit; the store opens again and reads. */
    parley_engine_close(engine);
    engine = NULL;
    status = parley_engine_open(config, &engine);
    if (status != PARLEY_OK) die("reopen on a full disk: %s %s", parley_status_name(status), parley_last_error());
    for (int k = 0; k < failed_at; k++) expect_processed(engine, k, 1);
    status = process_message(engine, failed_at, NULL);
    if (status != PARLEY_STORAGE) die("after a reopen on a full disk: %s", parley_status_name(status));
    printf("  closed and reopened on the full disk: m0..m%d read back, m%d -> %s\n", failed_at - 1, failed_at,
           parley_status_name(status));

    /* Free the space: the failed message was not stored, so it is processed now, and more follow. */
    if (unlink(filler) != 0) die("unlink: %s", strerror(errno));
    expect_processed(engine, failed_at, 0);
    for (int k = failed_at + 1; k < failed_at + 50; k++) expect_processed(engine, k, 0);
    threads = check_engine_threads(engine, path);
    parley_engine_close(engine);
    long long stored = check_file(path, failed_at + 50);
    if (stored != failed_at + 50) die("%lld messages stored, expected %d", stored, failed_at + 50);
    printf("  space freed: m%d and 49 more processed; %lld stored, %d threads consistent, integrity ok\n", failed_at,
           stored, threads);
    remove_store(path);
    if (umount2(mnt, MNT_DETACH) != 0) die("umount %s: %s", mnt, strerror(errno));
    rmdir(mnt);
    return 0;
}

/* ---- the disk fills up under submits ----------------------------------------------------- */

static char g_accepted[30000];

/* Submits message i, polling results away (and retrying) while the queue is full. */
static parley_status submit_message(parley_engine *engine, int i) {
    char json[512];
    int length = message_of(i, json, sizeof json);
    for (;;) {
        uint64_t ticket = 0;
        parley_status status = parley_engine_submit(engine, json, (size_t)length, PARLEY_PRIORITY_NORMAL, &ticket);
        if (status != PARLEY_BUSY) return status;
        char *out = NULL;
        size_t len = 0;
        if (parley_engine_poll(engine, 1000, 50, &out, &len) == PARLEY_OK) parley_string_free(out);
    }
}

static void poll_all(parley_engine *engine) {
    for (;;) {
        char *out = NULL;
        size_t len = 0;
        if (parley_engine_poll(engine, 1000, 100, &out, &len) != PARLEY_OK) die("poll: %s", parley_last_error());
        int empty = len <= 2;
        parley_string_free(out);
        if (empty) return;
    }
}

static int scenario_full_disk_submit(void) {
    if (geteuid() != 0) {
        printf("  SKIP full_disk_submit: mounting a size-limited tmpfs needs root (running as uid %d)\n", (int)geteuid());
        return SKIPPED;
    }
    char mnt[1100], path[1200], filler[1200], config[1400];
    mount_small_disk("tmpfs-submit", mnt, sizeof mnt, path, sizeof path, filler, sizeof filler, config, sizeof config);

    parley_engine *engine = NULL;
    open_store(config, &engine);
    const int first = 50;
    for (int i = 0; i < first; i++) {
        if (submit_message(engine, i) != PARLEY_OK) die("submit m%d: %s", i, parley_last_error());
        g_accepted[i] = 1;
    }
    if (parley_engine_drain(engine, 20000) != PARLEY_OK) die("drain: %s", parley_last_error());
    poll_all(engine);

    fill_disk(filler);

    /* Submit until the inbox cannot take one more; what was accepted meanwhile may fail to be
     * journaled (its result an error): it stays in the inbox. */
    int i = first, failed_at = -1;
    parley_status status = PARLEY_OK;
    for (; i < 20000; i++) {
        status = submit_message(engine, i);
        if (status != PARLEY_OK) {
            failed_at = i;
            break;
        }
        g_accepted[i] = 1;
    }
    if (failed_at < 0) die("20000 messages were accepted on a full 8 MB file system");
    if (status != PARLEY_STORAGE) die("a submit on a full disk gave %s (%s), expected PARLEY_STORAGE", parley_status_name(status),
                                      parley_last_error());
    printf("  disk full: m%d -> %s \"%s\" (%d accepted after the filler)\n", failed_at, parley_status_name(status),
           parley_last_error(), failed_at - first);
    for (int k = 1; k <= 3; k++) {
        /* Failing again is just as clean and stores nothing; the engine's own clean-up (a
         * finished inbox segment, a WAL checkpoint) may free room for one meanwhile. */
        status = submit_message(engine, failed_at + k);
        if (status == PARLEY_OK) g_accepted[failed_at + k] = 1;
        else if (status != PARLEY_STORAGE) die("submit %d on a full disk gave %s", k, parley_status_name(status));
    }
    parley_engine_drain(engine, 5000);
    poll_all(engine);

    /* Space again: new submits go through; those accepted before are processed after a reopen at the latest. */
    if (unlink(filler) != 0) die("unlink: %s", strerror(errno));
    const int resume = failed_at + 10;
    for (int k = resume; k < resume + 50; k++) {
        if (submit_message(engine, k) != PARLEY_OK) die("submit m%d after freeing space: %s", k, parley_last_error());
        g_accepted[k] = 1;
    }
    if (parley_engine_drain(engine, 20000) != PARLEY_OK) die("drain: %s", parley_last_error());
    poll_all(engine);
    parley_engine_close(engine);
    open_store(config, &engine);
    if (parley_engine_drain(engine, 20000) != PARLEY_OK) die("drain after reopen: %s", parley_last_error());
    poll_all(engine);
    parley_engine_close(engine);

    int n = resume + 50;
    long long stored = check_file(path, n);
    sqlite3 *db = db_open(path, SQLITE_OPEN_READONLY);
    sqlite3_stmt *cached = NULL;
    int accepted = 0;
    for (int k = 0; k < n; k++) {
        int count = db_stored_count(db, &cached, k);
        if (g_accepted[k] && count != 1) die("accepted m%d is stored %d times", k, count);
        if (!g_accepted[k] && count != 0) die("m%d was refused but stored", k);
        accepted += g_accepted[k];
    }
    sqlite3_finalize(cached);
    sqlite3_close(db);
    printf("  space freed, reopened: all %d accepted messages stored once (%lld rows), the refused ones not, integrity ok\n",
           accepted, stored);
    remove_store(path);
    if (umount2(mnt, MNT_DETACH) != 0) die("umount %s: %s", mnt, strerror(errno));
    rmdir(mnt);
    return 0;
}

/* ---- another process holds the write lock ---------------------------------------------- */

static int scenario_busy(void) {
    char path[1200], config[1400];
    snprintf(path, sizeof path, "%s/busy.db", g_dir);
    /* One commit per call (write-behind off): the call itself meets the lock. */
    snprintf(config, sizeof config, "{\"store\":{\"path\":\"%s\",\"busyTimeoutMillis\":200,\"writeBehind\":false}}", path);

    /* The option is checked like every other. */
    const char *bad[] = {"{\"store\":{\"busyTimeoutMillis\":-1}}", "{\"store\":{\"busyTimeoutMillis\":\"fast\"}}",
                         "{\"store\":{\"busyTimeoutMillis\":600001}}"};
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        parley_engine *engine = NULL;
        parley_status status = parley_engine_open(bad[k], &engine);
        if (status != PARLEY_INVALID_CONFIG) die("%s gave %s, expected PARLEY_INVALID_CONFIG", bad[k], parley_status_name(status));
    }

    ingest(config, 0, 100);
    /* Forked before this process opens the store. */
    holder long_lock = spawn_holder(path, "BEGIN IMMEDIATE", "ROLLBACK", 0);
    holder short_lock = spawn_holder(path, "BEGIN IMMEDIATE", "ROLLBACK", 100);
    holder behind_lock = spawn_holder(path, "BEGIN IMMEDIATE", "ROLLBACK", 0);

    holder_start(&long_lock);
    parley_engine *engine = NULL;
    open_store(config, &engine); /* opening needs no write lock */
    double t0 = now_ms();
    parley_status status = process_message(engine, 100, NULL);
    double waited = now_ms() - t0;
    char error[512];
    snprintf(error, sizeof error, "%s", parley_last_error());
    if (status != PARLEY_BUSY) die("a locked store gave %s (%s), expected PARLEY_BUSY", parley_status_name(status), error);
    if (waited < 150 || waited > 3000) die("PARLEY_BUSY came after %.0f ms; the busy timeout is 200 ms", waited);
    printf("  write lock held by another process: m100 -> %s after %.0f ms \"%s\"\n", parley_status_name(status),
           waited, error);
    expect_processed(engine, 5, 1); /* reads are still answered */
    /* Closing while another process writes: the last checkpoint cannot finish; it must not
     * hang, nor lose anything (the WAL keeps every commit). */
    char patient[1400];
    snprintf(patient, sizeof patient, "{\"store\":{\"path\":\"%s\",\"busyTimeoutMillis\":3000}}", path);
    parley_engine *second = NULL;
    open_store(patient, &second);
    t0 = now_ms();
    parley_engine_close(second);
    double closing = now_ms() - t0;
    if (closing > 1500)
        die("closing an engine while another process held the lock took %.0f ms: it waited for the lock", closing);
    printf("  an engine closed while the lock was held in %.0f ms\n", closing);
    holder_release(&long_lock);

    /* A lock held for 100 ms, shorter than the timeout, is waited out. */
    holder_start(&short_lock);
    t0 = now_ms();
    expect_processed(engine, 100, 0);
    printf("  a 100 ms lock: m100 processed after %.0f ms\n", now_ms() - t0);
    holder_release(&short_lock);

    for (int k = 101; k < 120; k++) expect_processed(engine, k, 0);

    /* With write-behind (the default) the call answers at once: the message waits in the inbox
     * and is written once the lock goes (here by the close). */
    holder_start(&behind_lock);
    char behind[1400];
    snprintf(behind, sizeof behind, "{\"store\":{\"path\":\"%s\",\"busyTimeoutMillis\":200}}", path);
    parley_engine *writer = NULL;
    open_store(behind, &writer);
    t0 = now_ms();
    expect_processed(writer, 120, 0);
    double answered = now_ms() - t0;
    if (answered > 150) die("with write-behind, process under another process's lock took %.0f ms", answered);
    holder_release(&behind_lock);
    parley_engine_close(writer);
    printf("  with write-behind: m120 processed under the lock in %.1f ms, written at close\n", answered);

    for (int k = 0; k < 121; k++) expect_processed(engine, k, 1);
    int threads = check_engine_threads(engine, path);
    parley_engine_close(engine);
    long long stored = check_file(path, 121);
    if (stored != 121) die("%lld messages stored, expected 121", stored);
    printf("  lock gone: %lld stored, %d threads consistent, integrity ok\n", stored, threads);
    remove_store(path);
    return 0;
}

/* ---- corrupt files -------------------------------------------------------------------------- */

static void expect_open_fails(const char *path, parley_status expected, const char *must_mention, const char *what) {
    char config[1400];
    snprintf(config, sizeof config, "{\"store\":{\"path\":\"%s\"}}", path);
    long long size = file_size(path), hash = file_hash(path);
    parley_engine *engine = (parley_engine *)&config;
    parley_status status = parley_engine_open(config, &engine);
    char error[512];
    snprintf(error, sizeof error, "%s", parley_last_error());
    if (status != expected) {
        if (status == PARLEY_OK) parley_engine_close(engine);
        die("%s: parley_engine_open gave %s (%s), expected %s", what, parley_status_name(status), error,
            parley_status_name(expected));
    }
    if (engine != NULL) die("%s: out_engine not NULL after a failure", what);
    if (must_mention && !strstr(error, must_mention)) die("%s: the message \"%s\" does not mention \"%s\"", what, error, must_mention);
    if (file_size(path) != size || file_hash(path) != hash) die("%s: the file was changed by the failed open", what);
    char side[1300];
    snprintf(side, sizeof side, "%s-wal", path);
    long long wal = file_size(side);
    printf("  %s: %s \"%s\"; file byte-identical (%lld bytes)%s\n", what, parley_status_name(status), error, size,
           wal > 0 ? "; a -wal was left" : "");
}

static int scenario_corrupt(void) {
    char path[1200], config[1400], damaged[1200];
    snprintf(path, sizeof path, "%s/good.db", g_dir);
    snprintf(config, sizeof config, "{\"store\":{\"path\":\"%s\"}}", path);
    ingest(config, 0, 300);
    long long size = file_size(path);
    if (size < 3 * 4096) die("the store is only %lld bytes", size);

    /* Truncated: half the file, then mid-page, then less than one page. */
    long long cuts[] = {size / 2 / 4096 * 4096, size / 2 + 1234, 1000};
    for (size_t k = 0; k < sizeof cuts / sizeof cuts[0]; k++) {
        snprintf(damaged, sizeof damaged, "%s/truncated%zu.db", g_dir, k);
        copy_file(path, damaged);
        if (truncate(damaged, cuts[k]) != 0) die("truncate: %s", strerror(errno));
        char what[128];
        snprintf(what, sizeof what, "store truncated to %lld of %lld bytes", cuts[k], size);
        expect_open_fails(damaged, PARLEY_CORRUPT, NULL, what);
        remove_store(damaged);
    }

    /* One page of the tree (page 2, the messages table's root) overwritten with random bytes:
     * the quick_check on open finds it. */
    snprintf(damaged, sizeof damaged, "%s/scrambled.db", g_dir);
    copy_file(path, damaged);
    {
        uint64_t page_rng = 777;
        unsigned char page[4096];
        for (size_t b = 0; b < sizeof page; b += sizeof(uint64_t)) {
            uint64_t word = rng_next(&page_rng);
            memcpy(page + b, &word, sizeof word);
        }
        int pfd = open(damaged, O_WRONLY);
        if (pfd < 0 || pwrite(pfd, page, sizeof page, 4096) != (ssize_t)sizeof page) die("pwrite: %s", strerror(errno));
        close(pfd);
    }
    expect_open_fails(damaged, PARLEY_CORRUPT, NULL, "store with page 2 overwritten by random bytes");
    remove_store(damaged);

    /* Random bytes. */
    snprintf(damaged, sizeof damaged, "%s/random.db", g_dir);
    int fd = open(damaged, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    uint64_t rng = 12345;
    for (int k = 0; k < 8192; k++) {
        uint64_t word = rng_next(&rng);
        if (write(fd, &word, sizeof word) != sizeof word) die("write: %s", strerror(errno));
    }
    close(fd);
    expect_open_fails(damaged, PARLEY_CORRUPT, NULL, "64 KB of random bytes");
    remove_store(damaged);

    /* Recovery: the intact original opens and holds every message. */
    parley_engine *engine = NULL;
    open_store(config, &engine);
    for (int k = 0; k < 300; k++) expect_processed(engine, k, 1);
    parley_engine_close(engine);
    printf("  the intact store opens: 300 messages, all duplicates\n");
    remove_store(path);
    return 0;
}

/* ---- a store from a newer Parley --------------------------------------------------------------- */

static int scenario_newer_schema(void) {
    char path[1200], config[1400];
    snprintf(path, sizeof path, "%s/newer.db", g_dir);
    snprintf(config, sizeof config, "{\"store\":{\"path\":\"%s\"}}", path);
    ingest(config, 0, 50);
    sqlite3 *db = db_open(path, SQLITE_OPEN_READWRITE);
    long long known = db_int(db, "PRAGMA user_version");
    if (sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL) != SQLITE_OK) die("%s", sqlite3_errmsg(db));
    sqlite3_close(db);

    expect_open_fails(path, PARLEY_STORAGE, "99", "store of schema version 99 (a newer Parley)");

    /* Recovery: back at the version this Parley knows, it opens with every message. */
    db = db_open(path, SQLITE_OPEN_READWRITE);
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version = %lld", known);
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) die("%s", sqlite3_errmsg(db));
    sqlite3_close(db);
    parley_engine *engine = NULL;
    open_store(config, &engine);
    for (int k = 0; k < 50; k++) expect_processed(engine, k, 1);
    parley_engine_close(engine);
    printf("  at user_version %lld again it opens: 50 messages, all duplicates\n", known);
    remove_store(path);
    return 0;
}

/* ---- a torn WAL tail -------------------------------------------------------------------------
 * What SQLite guarantees: a transaction is committed once its last WAL frame (the commit
 * frame) is written whole; recovery replays frames up to the last valid commit frame (frames
 * are checksummed in a chain) and ignores the rest. After SIGKILL nothing is torn: the kernel
 * has every byte written. A torn tail comes from a power cut during a WAL write; with
 * "synchronous": "full" the WAL is synced before a commit returns, so the torn transaction was
 * never acknowledged, and with "normal" a power cut may lose the commits since the last sync
 * (the header says so: "normal" survives a process crash, "full" also power loss).
 * Deleting the -wal file is not a fault SQLite survives: it loses every commit since the last
 * checkpoint (and a partly checkpointed database can be left inconsistent), so it is not
 * tested as a guarantee; hosts must treat "store.db-wal" as part of the database.
 *
 * The test: a child ingests and is SIGKILLed; then the WAL loses its last 5 bytes. Opening must
 * succeed and lose at most the last transaction. A tear is only realistic for frames not yet
 * copied into the database (a checkpoint syncs the WAL before copying, so it never copies a
 * frame that a power cut could still tear): a reader holding an old snapshot (read mark 0)
 * keeps the engine's checkpointer from copying anything meanwhile, and the test checks that
 * nothing was (nBackfill 0 in the -shm). */
static unsigned wal_index_u32(const char *shm, long offset) {
    int fd = open(shm, O_RDONLY);
    unsigned value = 0xFFFFFFFFu;
    if (fd >= 0) {
        if (pread(fd, &value, sizeof value, offset) != sizeof value) value = 0xFFFFFFFFu;
        close(fd);
    }
    return value;
}

/* write_behind 0: each process call commits, and the torn tail is lost (the last committed
 * message is processed anew when sent again). 1: the inbox still holds what the torn
 * transaction wrote behind, so the reopened store has every acknowledged message. */
static int torn_wal(int write_behind) {
    char path[1200], config[1400], wal[1300], shm[1300], copy[1200];
    snprintf(path, sizeof path, "%s/torn%d.db", g_dir, write_behind);
    snprintf(wal, sizeof wal, "%s-wal", path);
    snprintf(shm, sizeof shm, "%s-shm", path);
    snprintf(config, sizeof config, "{\"store\":{\"path\":\"%s\",\"writeBehind\":%s}}", path, write_behind ? "true" : "false");
    ingest(config, 0, 1); /* creates the store; the clean close removes the WAL */

    holder reader = spawn_holder(path, "BEGIN; SELECT count(*) FROM messages;", NULL, 0);
    holder_start(&reader);
    int fd;
    pid_t child = spawn_ingest(config, 1, 1000000, &fd);
    line_reader lines = {fd, {0}, 0, 0};
    char line[1024];
    int got, last_acked = 0;
    double deadline = -1; /* set when the child has its store open: then 60 ms of ingesting */
    for (;;) {
        double wait = deadline < 0 ? 30000 : deadline - now_ms();
        if (wait <= 0) break;
        got = read_line(&lines, line, sizeof line, wait);
        if (got == 0 && deadline < 0) die("the ingesting child is silent");
        if (got == 0) break;
        if (got < 0) die("the ingesting child ended early");
        if (line[0] == 'F') die("ingesting child: %s", line);
        if (line[0] == 'R') deadline = now_ms() + 60;
        if (line[0] == 'A') sscanf(line, "A %d", &last_acked);
    }
    kill(child, SIGKILL);
    while (read_line(&lines, line, sizeof line, -1) > 0)
        if (line[0] == 'A') sscanf(line, "A %d", &last_acked);
    close(fd);
    waitpid(child, NULL, 0);
    kill(reader.pid, SIGKILL); /* dies holding its snapshot: no checkpoint on close */
    waitpid(reader.pid, NULL, 0);
    close(reader.control);
    close(reader.ready);

    unsigned max_frame = wal_index_u32(shm, 16), backfilled = wal_index_u32(shm, 96);
    if (backfilled != 0) die("%u of %u WAL frames were checkpointed despite the old reader", backfilled, max_frame);

    /* What was committed before the tear: a copy opened with sqlite3. */
    snprintf(copy, sizeof copy, "%s/torn-before.db", g_dir);
    char copy_wal[1300];
    snprintf(copy_wal, sizeof copy_wal, "%s-wal", copy);
    copy_file(path, copy);
    copy_file(wal, copy_wal);
    sqlite3 *db = db_open(copy, SQLITE_OPEN_READWRITE);
    long long before = db_int(db, "SELECT count(*) FROM messages");
    long long last_committed = db_int(db, "SELECT max(CAST(substr(id, 2) AS INTEGER)) FROM messages");
    sqlite3_close(db);
    remove_store(copy);
    if (before != last_committed + 1) die("before the tear: %lld messages but the last is m%lld", before, last_committed);

    long long wal_size = file_size(wal);
    if (truncate(wal, wal_size - 5) != 0) die("truncate: %s", strerror(errno));
    printf("  killed after m%d acknowledged, m%lld committed; WAL %lld bytes (%u frames, none checkpointed) cut by 5\n",
           last_acked, last_committed, wal_size, max_frame);

    parley_engine *engine = NULL;
    open_store(config, &engine);
    if (write_behind) {
        for (int k = 0; k <= last_acked; k++) expect_processed(engine, k, 1);
        int threads = check_engine_threads(engine, path);
        parley_engine_close(engine);
        long long stored = check_file(path, last_acked + 2);
        if (stored < last_acked + 1) die("%lld messages stored, %d acknowledged", stored, last_acked + 1);
        printf("  reopened: every acknowledged message m0..m%d stored (%lld committed before the tear), %d threads consistent, integrity ok\n",
               last_acked, last_committed + 1, threads);
        remove_store(path);
        return 0;
    }
    /* All but the last committed message survive; the last either survives (the tail was a
     * transaction in progress) or is lost and processed anew when sent again. */
    for (int k = 0; k < last_committed; k++) expect_processed(engine, k, 1);
    int duplicate = -1;
    parley_status status = process_message(engine, (int)last_committed, &duplicate);
    if (status != PARLEY_OK) die("m%lld: %s %s", last_committed, parley_status_name(status), parley_last_error());
    int threads = check_engine_threads(engine, path);
    parley_engine_close(engine);
    long long stored = check_file(path, (int)last_committed + 1);
    if (stored != last_committed + 1) die("%lld messages stored, expected %lld", stored, last_committed + 1);
    printf("  reopened: m0..m%lld intact, m%lld %s; %d threads consistent, integrity ok\n", last_committed - 1,
           last_committed, duplicate ? "survived (the torn frame was uncommitted)" : "was lost with the torn transaction and processed again",
           threads);
    remove_store(path);
    return 0;
}

static int scenario_torn_wal(void) { return torn_wal(0); }
static int scenario_torn_wal_behind(void) { return torn_wal(1); }

/* ---- driver -------------------------------------------------------------------------------- */

typedef struct {
    const char *name;
    int (*run)(void);
} scenario;

int main(int argc, char **argv) {
    const scenario scenarios[] = {
        {"full_disk", scenario_full_disk}, {"full_disk_submit", scenario_full_disk_submit}, {"busy", scenario_busy}, {"corrupt", scenario_corrupt},
        {"newer_schema", scenario_newer_schema}, {"torn_wal", scenario_torn_wal},
        {"torn_wal_behind", scenario_torn_wal_behind},
    };
    const size_t count = sizeof scenarios / sizeof scenarios[0];
    int failures = 0, ran = 0;
    make_temp_dir(g_dir, sizeof g_dir, "parley-faults");
    warm_up();
    double started = now_ms();
    for (size_t k = 0; k < count; k++) {
        int wanted = argc == 1;
        for (int a = 1; a < argc; a++) wanted |= strcmp(argv[a], scenarios[k].name) == 0;
        if (!wanted) continue;
        ran++;
        printf("%s\n", scenarios[k].name);
        fflush(NULL);
        double t0 = now_ms();
        pid_t pid = fork();
        if (pid < 0) die("fork: %s", strerror(errno));
        if (pid == 0) {
            int rc = scenarios[k].run();
            fflush(NULL);
            _exit(rc);
        }
        int wstatus = 0;
        waitpid(pid, &wstatus, 0);
        if ((scenarios[k].run == scenario_full_disk || scenarios[k].run == scenario_full_disk_submit) && geteuid() == 0) {
            /* unmount even after a failure */
            char mnt[1100];
            snprintf(mnt, sizeof mnt, "%s/%s", g_dir, scenarios[k].run == scenario_full_disk ? "tmpfs" : "tmpfs-submit");
            if (umount2(mnt, MNT_DETACH) == 0) rmdir(mnt);
        }
        int rc = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
        const char *verdict = rc == 0 ? "PASS" : rc == SKIPPED ? "SKIP" : "FAIL";
        if (rc != 0 && rc != SKIPPED) failures++;
        printf("%s %s (%.0f ms)\n", verdict, scenarios[k].name, now_ms() - t0);
    }
    if (ran == 0) die("no scenario named like that (full_disk, full_disk_submit, busy, corrupt, newer_schema, torn_wal)");
    printf("faults: %d scenarios, %d failed, %.1f s\n", ran, failures, (now_ms() - started) / 1000.0);
    if (failures == 0 && rmdir(g_dir) != 0) printf("  (left files in %s)\n", g_dir);
    if (failures > 0) printf("  files kept in %s\n", g_dir);
    return failures == 0 ? 0 : 1;
}
