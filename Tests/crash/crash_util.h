/* Shared helpers of the crash and fault tests (Tests/crash/crash_loop.c, faults.c): the
 * deterministic message stream, the ingesting child, a little JSON picking, checks against the
 * database file through sqlite3 directly, and process plumbing.
 *
 * Fork discipline: a process never forks after it has opened a store file, with Parley or
 * sqlite3 (SQLite's per-process lock bookkeeping and the engine's checkpoint thread must not be
 * copied into a child); only warm_up()'s in-memory engine, closed, comes before forks. */
#ifndef CRASH_UTIL_H
#define CRASH_UTIL_H

#include "parley.h"

#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define CHATS 50

static inline void die(const char *format, ...) {
    va_list args;
    va_start(args, format);
    fprintf(stderr, "FAIL: ");
    vfprintf(stderr, format, args);
    fprintf(stderr, "\n");
    va_end(args);
    exit(1);
}

static inline double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

static inline void sleep_ms(double ms) {
    struct timespec t;
    t.tv_sec = (time_t)(ms / 1000.0);
    t.tv_nsec = (long)((ms - (double)t.tv_sec * 1000.0) * 1e6);
    while (nanosleep(&t, &t) != 0 && errno == EINTR) {}
}

/* xorshift64*: a seeded, printed, reproducible source of kill points. */
static inline uint64_t rng_next(uint64_t *state) {
    uint64_t x = *state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * 2685821657736338717ULL;
}

static inline int rng_range(uint64_t *state, int lo, int hi) { /* inclusive */
    return lo + (int)(rng_next(state) % (uint64_t)(hi - lo + 1));
}

/* ---- the message stream: message i is in chat i % 50 with id "m<i>" ------------------- */

static inline void chat_of(int i, char *out, size_t size) {
    snprintf(out, size, "2507880001%02d@c.us", i % CHATS);
}

static inline void text_of(int i, char *out, size_t size) {
    static const char *templates[] = {
        "Hi, rent for unit %dB is paid, 50,000 RWF sent this morning",
        "The kitchen tap in unit %d is leaking again, please send a plumber",
        "Can I view the 2 bedroom flat number %d on Saturday at 10am?",
        "Thanks, got your message about apartment %d",
        "Is apartment %d still available? What is the monthly price?",
        "Please call me on +250 788 123 %03d about renewing my lease",
        "The power in block %d has been out since yesterday, this is urgent!!",
        "ok noted %d",
    };
    snprintf(out, size, templates[i % 8], i % 1000);
}

/* The normalized JSON of message i. Some replies quote the chat's previous message; every
 * 500 messages time jumps 6 hours, so idle threads close. */
static inline int message_of(int i, char *out, size_t size) {
    char chat[64], text[160], quoted[96] = "";
    chat_of(i, chat, sizeof chat);
    text_of(i, text, sizeof text);
    if (i >= CHATS && i % 7 == 0) snprintf(quoted, sizeof quoted, ",\"quoted\":{\"id\":\"m%d\"}", i - CHATS);
    long long timestamp = 1764000000LL + (long long)i * 60 + (long long)(i / 500) * 6 * 3600;
    return snprintf(out, size,
                    "{\"id\":\"m%d\",\"chat\":\"%s\",\"from\":\"%s\",\"timestamp\":%lld,\"type\":\"text\","
                    "\"text\":\"%s\"%s}",
                    i, chat, chat, timestamp, text, quoted);
}

/* ---- JSON picking (Parley writes compact JSON; the texts above need no escapes) --------- */

/* Copies the string value of the first "key" at or after `from` into out; 0 if absent. */
static inline int json_string_after(const char *from, const char *key, char *out, size_t size) {
    char pattern[64];
    snprintf(pattern, sizeof pattern, "\"%s\":\"", key);
    const char *p = strstr(from, pattern);
    if (!p) return 0;
    p += strlen(pattern);
    const char *end = strchr(p, '"');
    if (!end || (size_t)(end - p) >= size) return 0;
    memcpy(out, p, (size_t)(end - p));
    out[end - p] = '\0';
    return 1;
}

static inline int is_duplicate(const char *context) { return strstr(context, "\"status\":\"duplicate\"") != NULL; }

/* Whether a context's message.text is message i's text. */
static inline int text_matches(const char *context, int i) {
    char expected[160], got[200];
    text_of(i, expected, sizeof expected);
    const char *message = strstr(context, "\"message\":{");
    return message && json_string_after(message, "text", got, sizeof got) && strcmp(got, expected) == 0;
}

/* ---- the ingesting child --------------------------------------------------------------
 * Opens the store, writes "R\n" to fd, then processes messages start..end-1 as fast as it
 * can; after each call returns PARLEY_OK it writes "A <i> <P|D>\n" (P: processed, D: duplicate)
 * in one write (atomic on a pipe). On a failure it writes "F <i> <status> <message>\n".
 * Ends with "Q\n" after a clean close. Never returns. */
static inline void write_line(int fd, const char *line) {
    size_t length = strlen(line), done = 0;
    while (done < length) {
        ssize_t n = write(fd, line + done, length - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) _exit(4);
        done += (size_t)n;
    }
}

static inline void ingest_child(const char *config, int start, int end, int fd) {
    char line[600], json[512];
    parley_engine *engine = NULL;
    parley_status status;
    status = parley_engine_open(config, &engine);
    if (status != PARLEY_OK) {
        snprintf(line, sizeof line, "F -1 %s %s\n", parley_status_name(status), parley_last_error());
        write_line(fd, line);
        _exit(2);
    }
    write_line(fd, "R\n");
    for (int i = start; i < end; i++) {
        int length = message_of(i, json, sizeof json);
        char *out = NULL;
        size_t out_len = 0;
        status = parley_engine_process(engine, json, (size_t)length, &out, &out_len);
        if (status != PARLEY_OK) {
            snprintf(line, sizeof line, "F %d %s %s\n", i, parley_status_name(status), parley_last_error());
            write_line(fd, line);
            _exit(3);
        }
        if (!text_matches(out, i)) {
            snprintf(line, sizeof line, "F %d TEXT_MISMATCH %.400s\n", i, out);
            write_line(fd, line);
            _exit(3);
        }
        snprintf(line, sizeof line, "A %d %c\n", i, is_duplicate(out) ? 'D' : 'P');
        parley_string_free(out);
        write_line(fd, line);
    }
    parley_engine_close(engine);
    write_line(fd, "Q\n");
    _exit(0);
}

/* An engine's first message pays for Parley's lazy start-up (the built-in intent model is
 * trained at first use, ~0.2 s, and shared by every engine of the process). A parent pays it
 * once on a throwaway in-memory engine, closed before it forks: its children inherit the
 * trained model, so their messages flow as soon as the store is open. */
static inline void warm_up(void) {
    char json[512];
    int length = message_of(0, json, sizeof json);
    parley_engine *engine = NULL;
    char *out = NULL;
    size_t out_len = 0;
    if (parley_engine_open("{}", &engine) != PARLEY_OK ||
        parley_engine_process(engine, json, (size_t)length, &out, &out_len) != PARLEY_OK)
        die("warm-up failed: %s", parley_last_error());
    parley_string_free(out);
    parley_engine_close(engine);
}

/* ---- line reading from a child's pipe --------------------------------------------------- */

typedef struct {
    int fd;
    char buffer[8192];
    size_t used;
    int eof;
} line_reader;

/* Waits up to timeout_ms (negative: forever) for data; returns the next complete line in
 * out (without '\n') as 1, 0 on timeout, -1 at end of stream. */
static inline int read_line(line_reader *reader, char *out, size_t size, double timeout_ms) {
    double deadline = timeout_ms < 0 ? -1 : now_ms() + timeout_ms;
    for (;;) {
        char *newline = memchr(reader->buffer, '\n', reader->used);
        if (newline) {
            size_t length = (size_t)(newline - reader->buffer);
            size_t copy = length < size - 1 ? length : size - 1;
            memcpy(out, reader->buffer, copy);
            out[copy] = '\0';
            memmove(reader->buffer, newline + 1, reader->used - length - 1);
            reader->used -= length + 1;
            return 1;
        }
        if (reader->eof) return -1;
        int wait = -1;
        if (deadline >= 0) {
            double left = deadline - now_ms();
            if (left <= 0) return 0;
            wait = (int)left + 1;
        }
        struct pollfd p = {reader->fd, POLLIN, 0};
        int ready = poll(&p, 1, wait);
        if (ready < 0 && errno == EINTR) continue;
        if (ready == 0) continue; /* re-check the deadline */
        ssize_t n = read(reader->fd, reader->buffer + reader->used, sizeof reader->buffer - reader->used - 1);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) reader->eof = 1;
        else reader->used += (size_t)n;
    }
}

/* In a fresh child: closes every descriptor but stdio and `keep_a`, `keep_b`, so the child
 * holds no copy of another child's pipe (which would hide that pipe's end of file). */
static inline void close_other_fds(int keep_a, int keep_b) {
    for (int fd = 3; fd < 1024; fd++)
        if (fd != keep_a && fd != keep_b) close(fd);
}

/* Forks a child that runs ingest_child; *read_fd receives the pipe's read end. */
/* Forks a child that runs child(config, start, end, write_fd) (it never returns) with a pipe
 * back to the parent; *read_fd is the parent's end. */
typedef void (*child_main)(const char *config, int start, int end, int fd);

static inline pid_t spawn_child(child_main child, const char *config, int start, int end, int *read_fd) {
    int fds[2];
    if (pipe(fds) != 0) die("pipe: %s", strerror(errno));
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) die("fork: %s", strerror(errno));
    if (pid == 0) {
        close_other_fds(fds[1], -1);
        child(config, start, end, fds[1]);
        _exit(0);
    }
    close(fds[1]);
    *read_fd = fds[0];
    return pid;
}

static inline pid_t spawn_ingest(const char *config, int start, int end, int *read_fd) {
    return spawn_child(ingest_child, config, start, end, read_fd);
}

/* ---- the database file through sqlite3 directly ---------------------------------------- */

static inline sqlite3 *db_open(const char *path, int flags) {
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) die("sqlite3_open %s: %s", path, sqlite3_errmsg(db));
    sqlite3_busy_timeout(db, 5000);
    return db;
}

static inline long long db_int(sqlite3 *db, const char *sql) {
    sqlite3_stmt *statement = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, NULL) != SQLITE_OK) die("%s: %s", sql, sqlite3_errmsg(db));
    long long value = -1;
    if (sqlite3_step(statement) == SQLITE_ROW) value = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    return value;
}

/* "ok", or what PRAGMA integrity_check said (first line). */
static inline void db_integrity(sqlite3 *db, char *out, size_t size) {
    sqlite3_stmt *statement = NULL;
    snprintf(out, size, "no answer");
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &statement, NULL) != SQLITE_OK) {
        snprintf(out, size, "cannot prepare: %s", sqlite3_errmsg(db));
        return;
    }
    int rc = sqlite3_step(statement);
    if (rc == SQLITE_ROW) snprintf(out, size, "%s", (const char *)sqlite3_column_text(statement, 0));
    else snprintf(out, size, "error %d: %s", rc, sqlite3_errmsg(db));
    sqlite3_finalize(statement);
}

/* Whether message i is stored (exactly once: (chat, id) is the primary key; counted anyway). */
static inline int db_stored_count(sqlite3 *db, sqlite3_stmt **cached, int i) {
    if (!*cached &&
        sqlite3_prepare_v2(db, "SELECT count(*) FROM messages WHERE chat = ?1 AND id = ?2", -1, cached, NULL) != SQLITE_OK)
        die("prepare: %s", sqlite3_errmsg(db));
    char chat[64], id[32];
    chat_of(i, chat, sizeof chat);
    snprintf(id, sizeof id, "m%d", i);
    sqlite3_reset(*cached);
    sqlite3_bind_text(*cached, 1, chat, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(*cached, 2, id, -1, SQLITE_TRANSIENT);
    int count = sqlite3_step(*cached) == SQLITE_ROW ? sqlite3_column_int(*cached, 0) : -1;
    sqlite3_reset(*cached);
    return count;
}

/* Every stored row is one of messages 0..n-1, in its right chat, and no (chat, id) twice. */
static inline void db_check_rows(sqlite3 *db, int n) {
    long long rows = db_int(db, "SELECT count(*) FROM messages");
    long long distinct = db_int(db, "SELECT count(*) FROM (SELECT DISTINCT chat, id FROM messages)");
    if (rows != distinct) die("%lld rows but %lld distinct (chat, id)", rows, distinct);
    sqlite3_stmt *statement = NULL;
    if (sqlite3_prepare_v2(db, "SELECT chat, id FROM messages", -1, &statement, NULL) != SQLITE_OK)
        die("prepare: %s", sqlite3_errmsg(db));
    while (sqlite3_step(statement) == SQLITE_ROW) {
        const char *chat = (const char *)sqlite3_column_text(statement, 0);
        const char *id = (const char *)sqlite3_column_text(statement, 1);
        char *end = NULL;
        long i = id[0] == 'm' ? strtol(id + 1, &end, 10) : -1;
        char expected[64];
        if (i >= 0) chat_of((int)i, expected, sizeof expected);
        if (i < 0 || i >= n || !end || *end || strcmp(chat, expected) != 0)
            die("stored a message that was never sent: chat %s id %s", chat, id);
    }
    sqlite3_finalize(statement);
}

/* Through the C API: for each chat, the threads' messageCount add up to the chat's stored
 * messages, and each thread's messageCount is the number of messages stored in it.
 * Returns the number of threads. */
static inline int check_threads(parley_engine *engine, sqlite3 *db) {
    sqlite3_stmt *by_chat = NULL, *by_thread = NULL;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM messages WHERE chat = ?1", -1, &by_chat, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "SELECT count(*) FROM messages WHERE thread = ?1", -1, &by_thread, NULL) != SQLITE_OK)
        die("prepare: %s", sqlite3_errmsg(db));
    int threads = 0;
    for (int c = 0; c < CHATS; c++) {
        char chat[64], query[128];
        chat_of(c, chat, sizeof chat);
        snprintf(query, sizeof query, "{\"chat\":\"%s\",\"limit\":1000}", chat);
        char *out = NULL;
        size_t len = 0;
        parley_status status = parley_thread_list(engine, query, &out, &len);
        if (status != PARLEY_OK) die("parley_thread_list: %s %s", parley_status_name(status), parley_last_error());
        long long sum = 0;
        int count = 0;
        for (const char *p = strstr(out, "{\"id\":\""); p; p = strstr(p + 1, "{\"id\":\"")) {
            char id[128];
            if (!json_string_after(p, "id", id, sizeof id)) die("a thread without an id: %.200s", p);
            const char *mc = strstr(p, "\"messageCount\":");
            if (!mc) die("thread %s has no messageCount", id);
            long long thread_count = strtoll(mc + strlen("\"messageCount\":"), NULL, 10);
            sqlite3_reset(by_thread);
            sqlite3_bind_text(by_thread, 1, id, -1, SQLITE_TRANSIENT);
            long long stored = sqlite3_step(by_thread) == SQLITE_ROW ? sqlite3_column_int64(by_thread, 0) : -1;
            if (stored != thread_count)
                die("thread %s says messageCount %lld but %lld messages are stored in it", id, thread_count, stored);
            sum += thread_count;
            count++;
        }
        parley_string_free(out);
        if (count >= 1000) die("chat %s has 1000 threads or more: the limit hides some", chat);
        sqlite3_reset(by_chat);
        sqlite3_bind_text(by_chat, 1, chat, -1, SQLITE_TRANSIENT);
        long long stored = sqlite3_step(by_chat) == SQLITE_ROW ? sqlite3_column_int64(by_chat, 0) : -1;
        if (stored != sum) die("chat %s: threads count %lld messages, %lld are stored", chat, sum, stored);
        threads += count;
    }
    sqlite3_finalize(by_chat);
    sqlite3_finalize(by_thread);
    return threads;
}

/* ---- files ------------------------------------------------------------------------------ */

static inline int copy_file(const char *from, const char *to) {
    int in = open(from, O_RDONLY);
    if (in < 0) return -1;
    int out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out < 0) die("create %s: %s", to, strerror(errno));
    char buffer[65536];
    ssize_t n;
    while ((n = read(in, buffer, sizeof buffer)) > 0)
        if (write(out, buffer, (size_t)n) != n) die("write %s: %s", to, strerror(errno));
    close(in);
    close(out);
    return 0;
}

static inline long long file_size(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

/* FNV-1a of a file's bytes (-1 if it cannot be read): "byte-identical" checks. */
static inline long long file_hash(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) return -1;
    uint64_t hash = 1469598103934665603ULL;
    unsigned char buffer[65536];
    ssize_t n;
    while ((n = read(fd, buffer, sizeof buffer)) > 0)
        for (ssize_t k = 0; k < n; k++) hash = (hash ^ buffer[k]) * 1099511628211ULL;
    close(fd);
    return (long long)(hash >> 1);
}

/* The store's inbox segments (submitted messages not yet in the journal), lock files aside. */
static inline int inbox_segments(const char *path) {
    char pattern[1300];
    snprintf(pattern, sizeof pattern, "%s-inbox-*", path);
    glob_t found;
    int count = 0;
    if (glob(pattern, 0, NULL, &found) == 0) {
        for (size_t k = 0; k < found.gl_pathc; k++) {
            size_t length = strlen(found.gl_pathv[k]);
            if (length < 5 || strcmp(found.gl_pathv[k] + length - 5, ".lock") != 0) count++;
        }
        globfree(&found);
    }
    return count;
}

/* Copies the inbox segments of the store `from` beside the store `to` (the same slot and
 * segment names), lock files aside: with the database and its WAL, the whole crash image. */
static inline void copy_inbox(const char *from, const char *to) {
    char pattern[1300], target[1400];
    snprintf(pattern, sizeof pattern, "%s-inbox-*", from);
    glob_t found;
    if (glob(pattern, 0, NULL, &found) != 0) return;
    for (size_t k = 0; k < found.gl_pathc; k++) {
        const char *file = found.gl_pathv[k];
        size_t length = strlen(file);
        if (length >= 5 && strcmp(file + length - 5, ".lock") == 0) continue;
        snprintf(target, sizeof target, "%s%s", to, file + strlen(from));
        copy_file(file, target);
    }
    globfree(&found);
}

/* Opens the store at `path` with Parley in a child and closes it: what a crash left in the
 * inbox (messages `process` answered before their write-behind reached SQLite) is journaled,
 * so that sqlite3 sees what the next open of the live store would. */
static inline void settle_with_engine(const char *path) {
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) die("fork: %s", strerror(errno));
    if (pid == 0) {
        char config[1300];
        snprintf(config, sizeof config, "{\"store\":{\"path\":\"%s\"}}", path);
        parley_engine *engine = NULL;
        if (parley_engine_open(config, &engine) != PARLEY_OK) {
            fprintf(stderr, "opening the crash image: %s\n", parley_last_error());
            _exit(1);
        }
        parley_engine_close(engine);
        _exit(0);
    }
    int wstatus = 0;
    waitpid(pid, &wstatus, 0);
    if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) die("Parley could not open the crash image %s", path);
}

static inline void remove_store(const char *path) {
    char side[1300];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-seq", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-inbox-*", path);
    glob_t found;
    if (glob(side, 0, NULL, &found) == 0) {
        for (size_t k = 0; k < found.gl_pathc; k++) unlink(found.gl_pathv[k]);
        globfree(&found);
    }
}

static inline void make_temp_dir(char *out, size_t size, const char *name) {
    const char *base = getenv("TMPDIR");
    snprintf(out, size, "%s/%s.XXXXXX", base && *base ? base : "/tmp", name);
    if (!mkdtemp(out)) die("mkdtemp %s: %s", out, strerror(errno));
}

#endif
