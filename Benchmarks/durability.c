/* Throughput with durability on: Parley's process() against raw SQLite inserts of the same rows,
 * in one run, for WAL with synchronous=NORMAL and FULL. For each mode:
 *   parley 1 thread   parley_engine_process, one message per call (one commit each)
 *   parley 4 threads  the same messages split over 4 host threads (group commit batches them)
 *   raw 1/txn         the rows Parley stored for those messages (its messages row, the thread's
 *                     summary and the chat's state, upserted like Parley does), inserted with
 *                     prepared statements into a file with Parley's own schema and indexes, one
 *                     transaction per message
 *   raw 256/txn       the same, 256 messages per transaction
 * Raw SQLite gets Parley's store settings (WAL, the same synchronous, auto_vacuum incremental,
 * wal_autocheckpoint 0) and runs no checkpoint while timed, so it is the upper bound; Parley
 * checkpoints on its own thread every 200 ms. The ratio Parley/raw is the share of raw SQLite's
 * speed Parley keeps with everything it adds (parsing, normalizing, the language stages,
 * threading, serializing the context, reading the chat's state, the duplicate check).
 *
 * Build: cc -O2 -I include Benchmarks/durability.c -o durability -L .build/release -lParley \
 *        -Wl,-rpath,$PWD/.build/release -lsqlite3 -lpthread
 * Run:   python3 Benchmarks/generate_messages.py 2000 > /tmp/messages.jsonl
 *        ./durability /tmp/messages.jsonl /tmp/durability-bench   (a directory it may fill and empty) */
#define _POSIX_C_SOURCE 200809L
#include <parley.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define THREADS 4
#define BATCH 256

static char **lines;
static size_t *lengths;
static int count;

static void die(const char *what, const char *detail) {
    fprintf(stderr, "durability: %s: %s\n", what, detail);
    exit(1);
}

static double now_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void read_messages(const char *path) {
    FILE *file = fopen(path, "r");
    if (!file) die("cannot open", path);
    char *line = NULL;
    size_t capacity = 0;
    ssize_t length;
    int allocated = 0;
    while ((length = getline(&line, &capacity, file)) > 0) {
        while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r')) length--;
        if (length == 0) continue;
        if (count == allocated) {
            allocated = allocated ? allocated * 2 : 1024;
            lines = realloc(lines, sizeof *lines * (size_t)allocated);
            lengths = realloc(lengths, sizeof *lengths * (size_t)allocated);
        }
        lines[count] = strndup(line, (size_t)length);
        lengths[count++] = (size_t)length;
    }
    free(line);
    fclose(file);
    if (count == 0) die("no messages in", path);
}

static void remove_store(const char *path) {
    char name[1100];
    static const char *suffixes[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        snprintf(name, sizeof name, "%s%s", path, suffixes[i]);
        unlink(name);
    }
}

/* ---- Parley ------------------------------------------------------------------------------- */

static parley_engine *engine;

typedef struct {
    int first, step;
} slice;

static void *process_slice(void *arg) {
    slice *work = arg;
    for (int i = work->first; i < count; i += work->step) {
        char *out = NULL;
        size_t len = 0;
        parley_status status = parley_engine_process(engine, lines[i], lengths[i], &out, &len);
        if (status != PARLEY_OK) die(parley_status_name(status), parley_last_error());
        parley_string_free(out);
    }
    return NULL;
}

/* messages/s of processing every message from `threads` threads into a new store at `path`. */
static double run_parley(const char *path, const char *sync, int threads) {
    remove_store(path);
    char config[1200];
    snprintf(config, sizeof config, "{\"region\": \"RW\", \"store\": {\"path\": \"%s\", \"synchronous\": \"%s\"}}", path, sync);
    if (parley_engine_open(config, &engine) != PARLEY_OK) die("parley_engine_open", parley_last_error());
    /* Warm up outside the timing: the built-in intent model trains at first use. */
    static const char warm[] = "{\"id\":\"warm-up\",\"chat\":\"w\",\"from\":\"w\",\"timestamp\":1,\"type\":\"text\",\"text\":\"hello\"}";
    char *out = NULL;
    size_t len = 0;
    if (parley_engine_process(engine, warm, sizeof warm - 1, &out, &len) != PARLEY_OK) die("warm-up", parley_last_error());
    parley_string_free(out);
    pthread_t workers[THREADS];
    slice slices[THREADS];
    double start = now_seconds();
    for (int t = 0; t < threads; t++) {
        slices[t] = (slice){t, threads};
        pthread_create(&workers[t], NULL, process_slice, &slices[t]);
    }
    for (int t = 0; t < threads; t++) pthread_join(workers[t], NULL);
    double elapsed = now_seconds() - start;
    parley_engine_close(engine);
    return count / elapsed;
}

/* ---- raw SQLite ----------------------------------------------------------------------------- */

/* What Parley wrote for one message: its messages row, its thread's row and its chat's row. */
typedef struct {
    sqlite3_value *message[11];
    sqlite3_value *thread[5];
    sqlite3_value *chat[5];
} row_set;

static row_set *rows;
static int row_count;
static char *schema_sql;

static sqlite3 *open_db(const char *path, int flags) {
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) die("sqlite3_open", sqlite3_errmsg(db));
    return db;
}

static void exec(sqlite3 *db, const char *sql) {
    char *error = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &error) != SQLITE_OK) die(sql, error ? error : "?");
}

static sqlite3_stmt *prepare(sqlite3 *db, const char *sql) {
    sqlite3_stmt *statement = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, NULL) != SQLITE_OK) die(sql, sqlite3_errmsg(db));
    return statement;
}

/* Reads, from the store Parley wrote, its schema and the rows of every message in order. */
static void load_rows(const char *path) {
    sqlite3 *db = open_db(path, SQLITE_OPEN_READONLY);
    size_t size = 0, used = 0;
    sqlite3_stmt *schema = prepare(db, "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid");
    while (sqlite3_step(schema) == SQLITE_ROW) {
        const char *sql = (const char *)sqlite3_column_text(schema, 0);
        size_t n = strlen(sql);
        if (used + n + 3 > size) schema_sql = realloc(schema_sql, size = (used + n + 3) * 2);
        memcpy(schema_sql + used, sql, n);
        used += n;
        memcpy(schema_sql + used, ";\n", 3);
        used += 2;
    }
    sqlite3_finalize(schema);
    sqlite3_stmt *query = prepare(db,
        "SELECT m.seq, m.chat, m.id, m.sender, m.timestamp, m.type, m.format, m.state, m.context, m.received_at, m.thread,"
        " t.id, t.chat, t.state, t.last_activity, t.summary,"
        " c.chat, c.thread_count, c.current_thread, c.sentiment_average, c.sentiment_count"
        " FROM messages m JOIN threads t ON t.id = m.thread JOIN chats c ON c.chat = m.chat"
        " WHERE m.id <> 'warm-up' ORDER BY m.seq");
    rows = calloc((size_t)count, sizeof *rows);
    while (sqlite3_step(query) == SQLITE_ROW && row_count < count) {
        row_set *set = &rows[row_count++];
        for (int c = 0; c < 11; c++) set->message[c] = sqlite3_value_dup(sqlite3_column_value(query, c));
        for (int c = 0; c < 5; c++) set->thread[c] = sqlite3_value_dup(sqlite3_column_value(query, 11 + c));
        for (int c = 0; c < 5; c++) set->chat[c] = sqlite3_value_dup(sqlite3_column_value(query, 16 + c));
    }
    sqlite3_finalize(query);
    sqlite3_close(db);
    if (row_count != count) {
        char detail[64];
        snprintf(detail, sizeof detail, "%d of %d messages", row_count, count);
        die("Parley's store did not hold every message", detail);
    }
}

static void bind_all(sqlite3_stmt *statement, sqlite3_value **values, int n) {
    sqlite3_reset(statement);
    for (int c = 0; c < n; c++) sqlite3_bind_value(statement, c + 1, values[c]);
    if (sqlite3_step(statement) != SQLITE_DONE) die("insert", sqlite3_errmsg(sqlite3_db_handle(statement)));
}

/* messages/s of inserting every message's rows into a new file with Parley's schema,
 * `batch` messages per transaction. */
static double run_raw(const char *path, const char *sync, int batch) {
    remove_store(path);
    sqlite3 *db = open_db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    exec(db, "PRAGMA auto_vacuum = INCREMENTAL");
    exec(db, "PRAGMA journal_mode = WAL");
    exec(db, strcmp(sync, "full") == 0 ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
    /* Parley's store settings: no checkpoint inside a commit. Raw SQLite runs none at all while
     * timed (Parley's checkpoint thread does, every 200 ms), so raw is the upper bound. */
    exec(db, "PRAGMA wal_autocheckpoint = 0");
    exec(db, "PRAGMA journal_size_limit = 67108864");
    exec(db, schema_sql);
    sqlite3_stmt *message = prepare(db,
        "INSERT INTO messages (seq, chat, id, sender, timestamp, type, format, state, context, received_at, thread)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    sqlite3_stmt *thread = prepare(db,
        "INSERT INTO threads (id, chat, state, last_activity, summary) VALUES (?1, ?2, ?3, ?4, ?5)"
        " ON CONFLICT (id) DO UPDATE SET state = ?3, last_activity = ?4, summary = ?5");
    sqlite3_stmt *chat = prepare(db,
        "INSERT INTO chats (chat, thread_count, current_thread, sentiment_average, sentiment_count) VALUES (?1, ?2, ?3, ?4, ?5)"
        " ON CONFLICT (chat) DO UPDATE SET thread_count = ?2, current_thread = ?3, sentiment_average = ?4, sentiment_count = ?5");
    sqlite3_stmt *begin = prepare(db, "BEGIN IMMEDIATE"), *commit = prepare(db, "COMMIT");
    double start = now_seconds();
    for (int i = 0; i < row_count; i += batch) {
        sqlite3_reset(begin);
        if (sqlite3_step(begin) != SQLITE_DONE) die("BEGIN", sqlite3_errmsg(db));
        for (int j = i; j < i + batch && j < row_count; j++) {
            bind_all(message, rows[j].message, 11);
            bind_all(thread, rows[j].thread, 5);
            bind_all(chat, rows[j].chat, 5);
        }
        sqlite3_reset(commit);
        if (sqlite3_step(commit) != SQLITE_DONE) die("COMMIT", sqlite3_errmsg(db));
    }
    double elapsed = now_seconds() - start;
    sqlite3_finalize(message);
    sqlite3_finalize(thread);
    sqlite3_finalize(chat);
    sqlite3_finalize(begin);
    sqlite3_finalize(commit);
    sqlite3_close(db);
    return row_count / elapsed;
}

static void free_rows(void) {
    for (int i = 0; i < row_count; i++) {
        for (int c = 0; c < 11; c++) sqlite3_value_free(rows[i].message[c]);
        for (int c = 0; c < 5; c++) sqlite3_value_free(rows[i].thread[c]);
        for (int c = 0; c < 5; c++) sqlite3_value_free(rows[i].chat[c]);
    }
    free(rows);
    rows = NULL;
    row_count = 0;
    free(schema_sql);
    schema_sql = NULL;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s MESSAGES.jsonl DIRECTORY\n", argv[0]);
        return 2;
    }
    read_messages(argv[1]);
    mkdir(argv[2], 0700);
    static const char *modes[] = {"normal", "full"};
    double results[2][4];
    for (int m = 0; m < 2; m++) {
        char parley1[1024], parley4[1024], raw[1024];
        snprintf(parley1, sizeof parley1, "%s/parley-%s-1.db", argv[2], modes[m]);
        snprintf(parley4, sizeof parley4, "%s/parley-%s-4.db", argv[2], modes[m]);
        snprintf(raw, sizeof raw, "%s/raw-%s.db", argv[2], modes[m]);
        results[m][0] = run_parley(parley1, modes[m], 1);
        results[m][1] = run_parley(parley4, modes[m], THREADS);
        load_rows(parley1);
        results[m][2] = run_raw(raw, modes[m], 1);
        results[m][3] = run_raw(raw, modes[m], BATCH);
        free_rows();
        remove_store(parley1);
        remove_store(parley4);
        remove_store(raw);
    }
    rmdir(argv[2]);
    printf("%d messages, WAL, messages/s (higher is better); SQLite %s\n\n", count, sqlite3_libversion());
    printf("| synchronous | parley 1 thread | parley %d threads | raw SQLite 1/txn | raw SQLite %d/txn | parley 1 thread / raw 1/txn | parley %d threads / raw %d/txn |\n",
           THREADS, BATCH, THREADS, BATCH);
    printf("|---|---|---|---|---|---|---|\n");
    for (int m = 0; m < 2; m++)
        printf("| %s | %.0f | %.0f | %.0f | %.0f | %.2f | %.2f |\n", modes[m], results[m][0], results[m][1], results[m][2],
               results[m][3], results[m][0] / results[m][2], results[m][1] / results[m][3]);
    for (int i = 0; i < count; i++) free(lines[i]);
    free(lines);
    free(lengths);
    return 0;
}
