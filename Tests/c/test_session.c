/* The "Session" section of include/parley.h from C, with real processes: a holder killed with
 * SIGKILL is taken over at once; a holder stopped with SIGSTOP is taken over once its heartbeat
 * is staleAfterMs old, and when it wakes its refresh reports the loss (PARLEY_BUSY). Then the
 * state machine, heartbeats, health and pre-flight through an engine, with the failure paths.
 * Built with -Wall -Wextra -Werror -pedantic; prints "N passed, N failed". */
#define _POSIX_C_SOURCE 200809L
#include "parley.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

static char lock_path[128];

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

static void sleep_ms(long ms) {
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

/* A child that takes the lock, says so on `ready_fd`, then refreshes every 20 ms; when a
 * refresh fails it writes parley_last_error() to `ready_fd` and exits with the status. */
static pid_t holder(const char *dir, const char *options, int ready_fd) {
    pid_t pid = fork();
    if (pid != 0) return pid;
    parley_session_lock *lock = NULL;
    parley_status status = parley_session_lock_acquire(dir, options, &lock);
    if (status != PARLEY_OK) _exit(100 + (int)status);
    if (write(ready_fd, "y", 1) != 1) _exit(99);
    for (;;) {
        sleep_ms(20);
        status = parley_session_lock_refresh(lock);
        if (status != PARLEY_OK) {
            const char *message = parley_last_error();
            if (write(ready_fd, message, strlen(message)) < 0) _exit(98);
            _exit((int)status);
        }
    }
}

static void test_lock_basics(const char *dir) {
    parley_session_lock *lock = NULL, *other = NULL;
    CHECK_STATUS(parley_session_lock_acquire(dir, "{\"owner\": \"c-test\", \"staleAfterMs\": 45000}", &lock), PARLEY_OK);
    CHECK(lock != NULL, "a lock");
    struct stat info;
    CHECK(stat(lock_path, &info) == 0 && (info.st_mode & 0777) == 0600, "lock file 0600, got %o", info.st_mode & 0777);
    char *json = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_session_lock_info(lock, &json, &len), PARLEY_OK);
    CHECK(json && strstr(json, "\"owner\":\"c-test\"") && strstr(json, "\"token\""), "info: %s", json ? json : "(null)");
    parley_string_free(json);
    CHECK_STATUS(parley_session_lock_acquire(dir, NULL, &other), PARLEY_BUSY);
    CHECK(other == NULL, "no second lock");
    CHECK(strstr(parley_last_error(), "c-test") != NULL, "the holder is named: %s", parley_last_error());
    CHECK_STATUS(parley_session_lock_refresh(lock), PARLEY_OK);
    parley_session_lock_release(lock);
    CHECK_STATUS(parley_session_lock_acquire(dir, NULL, &other), PARLEY_OK);
    parley_session_lock_release(other);
    parley_session_lock_release(NULL);

    CHECK_STATUS(parley_session_lock_acquire(NULL, NULL, &other), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_session_lock_acquire(dir, NULL, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_session_lock_acquire("", NULL, &other), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_session_lock_acquire("/nonexistent/parley", NULL, &other), PARLEY_NOT_FOUND);
    CHECK_STATUS(parley_session_lock_acquire(dir, "{\"stale\": 1}", &other), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_session_lock_acquire(dir, "{\"staleAfterMs\": 0}", &other), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_session_lock_acquire(dir, "{oops", &other), PARLEY_MALFORMED_JSON);
    CHECK_STATUS(parley_session_lock_acquire(dir, "{\"owner\": \"\xC3\x28\"}", &other), PARLEY_INVALID_UTF8);
    CHECK_STATUS(parley_session_lock_refresh(NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_session_lock_info(NULL, &json, &len), PARLEY_INVALID_ARGUMENT);
}

static void test_sigkill(const char *dir) {
    int fds[2];
    CHECK(pipe(fds) == 0, "pipe");
    pid_t child = holder(dir, "{\"owner\": \"killed-child\"}", fds[1]);
    char byte = 0;
    CHECK(read(fds[0], &byte, 1) == 1 && byte == 'y', "the child holds the lock");
    parley_session_lock *lock = NULL;
    CHECK_STATUS(parley_session_lock_acquire(dir, NULL, &lock), PARLEY_BUSY);
    CHECK(strstr(parley_last_error(), "killed-child") != NULL, "%s", parley_last_error());
    kill(child, SIGKILL);
    double start = now_ms();
    /* Not reaped yet: a zombie counts as gone. */
    while (parley_session_lock_acquire(dir, NULL, &lock) != PARLEY_OK && now_ms() - start < 5000) sleep_ms(1);
    double took = now_ms() - start;
    CHECK(lock != NULL, "taken over");
    CHECK(took < 200, "SIGKILL takeover took %.1f ms", took);
    printf("SIGKILL: taken over %.1f ms after the kill (before reaping)\n", took);
    int status = 0;
    waitpid(child, &status, 0);
    CHECK(WIFSIGNALED(status), "the child was killed");
    parley_session_lock_release(lock);
    close(fds[0]);
    close(fds[1]);
}

static void test_sigstop(const char *dir) {
    int fds[2];
    CHECK(pipe(fds) == 0, "pipe");
    const char *options = "{\"owner\": \"stopped-child\", \"staleAfterMs\": 300}";
    pid_t child = holder(dir, options, fds[1]);
    char buffer[512] = {0};
    CHECK(read(fds[0], buffer, 1) == 1 && buffer[0] == 'y', "the child holds the lock");
    parley_session_lock *lock = NULL;
    CHECK_STATUS(parley_session_lock_acquire(dir, options, &lock), PARLEY_BUSY);
    kill(child, SIGSTOP);
    double start = now_ms();
    while (parley_session_lock_acquire(dir, options, &lock) != PARLEY_OK && now_ms() - start < 5000) sleep_ms(5);
    double took = now_ms() - start;
    CHECK(lock != NULL, "taken over");
    CHECK(took >= 200 && took < 1000, "SIGSTOP takeover took %.1f ms (staleAfterMs 300)", took);
    printf("SIGSTOP: taken over %.1f ms after the stop (staleAfterMs 300, child refreshed every 20 ms)\n", took);
    kill(child, SIGCONT);
    int status = 0;
    waitpid(child, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == PARLEY_BUSY, "the woken holder's refresh reports PARLEY_BUSY (status %d)",
          WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    ssize_t n = read(fds[0], buffer, sizeof buffer - 1);
    buffer[n > 0 ? n : 0] = '\0';
    CHECK(strstr(buffer, "taken over") != NULL, "the child was told: %s", buffer);
    CHECK_STATUS(parley_session_lock_refresh(lock), PARLEY_OK);
    parley_session_lock_release(lock);
    close(fds[0]);
    close(fds[1]);
}

static void test_engine(const char *dir) {
    char config[512];
    snprintf(config, sizeof config,
             "{\"session\": {\"lockDirectories\": {\"default\": \"%s\"}, \"backoff\": {\"seed\": 3}}}", dir);
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_OK);
    char *json = NULL;
    size_t len = 0;
    const char *qr = "{\"event\": \"qr\", \"at\": 1000}";
    CHECK_STATUS(parley_session_event(engine, qr, strlen(qr), &json, &len), PARLEY_OK);
    CHECK(json && strstr(json, "\"state\":\"qr\"") && strstr(json, "\"action\":\"repair\""), "%s", json ? json : "");
    parley_string_free(json);
    const char *open_event = "{\"event\": \"connection.update\", \"connection\": \"open\", \"at\": 2000}";
    CHECK_STATUS(parley_session_event(engine, open_event, strlen(open_event), &json, &len), PARLEY_OK);
    CHECK(json && strstr(json, "\"state\":\"ready\""), "%s", json ? json : "");
    parley_string_free(json);
    const char *lost = "{\"event\": \"connection.update\", \"connection\": \"close\", \"at\": 3000,"
                       " \"lastDisconnect\": {\"error\": {\"output\": {\"statusCode\": 408}}}}";
    CHECK_STATUS(parley_session_event(engine, lost, strlen(lost), &json, &len), PARLEY_OK);
    CHECK(json && strstr(json, "\"action\":\"reconnect\"") && strstr(json, "\"delayMs\""), "%s", json ? json : "");
    parley_string_free(json);
    const char *logout = "{\"event\": \"disconnected\", \"reason\": \"LOGOUT\", \"at\": 4000}";
    CHECK_STATUS(parley_session_event(engine, logout, strlen(logout), &json, &len), PARLEY_OK);
    parley_string_free(json);
    const char *ready = "{\"event\": \"ready\", \"at\": 5000}";
    CHECK_STATUS(parley_session_event(engine, ready, strlen(ready), &json, &len), PARLEY_INVALID_ARGUMENT);
    CHECK(json == NULL && len == 0, "no output on failure");
    CHECK(strstr(parley_last_error(), "logged_out") && strstr(parley_last_error(), "ready"), "%s", parley_last_error());
    const char *unknown = "{\"event\": \"dance\", \"at\": 5000}";
    CHECK_STATUS(parley_session_event(engine, unknown, strlen(unknown), &json, &len), PARLEY_UNSUPPORTED);
    CHECK_STATUS(parley_session_event(engine, "{", 1, &json, &len), PARLEY_MALFORMED_JSON);
    CHECK_STATUS(parley_session_event(engine, qr, 0, &json, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_session_event(NULL, qr, strlen(qr), &json, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_session_event(engine, qr, strlen(qr), NULL, &len), PARLEY_INVALID_ARGUMENT);

    const char *beat = "{\"at\": 5000, \"latencyMs\": 120, \"ok\": true, \"inbound\": 2, \"activeChats\": 1}";
    CHECK_STATUS(parley_session_heartbeat(engine, beat, strlen(beat)), PARLEY_OK);
    const char *bad_beat = "{\"at\": 5000, \"latency\": 1}";
    CHECK_STATUS(parley_session_heartbeat(engine, bad_beat, strlen(bad_beat)), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_session_heartbeat(engine, NULL, 3), PARLEY_INVALID_ARGUMENT);

    CHECK_STATUS(parley_session_health(engine, NULL, 6000, &json, &len), PARLEY_OK);
    CHECK(json && strstr(json, "\"score\"") && strstr(json, "\"level\":\"critical\"") && strstr(json, "\"state\":\"logged_out\""),
          "%s", json ? json : "");
    parley_string_free(json);
    CHECK_STATUS(parley_session_health(engine, "default", 6000, &json, &len), PARLEY_OK);
    parley_string_free(json);
    CHECK_STATUS(parley_session_health(engine, "nobody", 6000, &json, &len), PARLEY_NOT_FOUND);
    CHECK_STATUS(parley_session_health(engine, NULL, -1, &json, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_session_health(engine, NULL, 6000, NULL, &len), PARLEY_INVALID_ARGUMENT);

    parley_session_lock *lock = NULL;
    CHECK_STATUS(parley_session_lock_acquire(dir, NULL, &lock), PARLEY_OK);
    CHECK_STATUS(parley_session_preflight(engine, NULL, 6000, &json, &len), PARLEY_OK);
    CHECK(json && strstr(json, "\"ok\":false") && strstr(json, "\"name\":\"lock\",\"ok\":true"), "%s", json ? json : "");
    parley_string_free(json);
    parley_session_lock_release(lock);
    CHECK_STATUS(parley_session_preflight(engine, "", 6000, &json, &len), PARLEY_INVALID_ARGUMENT);

    /* Cost per call (printed; the release build's numbers go in the report). */
    char text[160];
    double start = now_ms();
    for (int i = 0; i < 20000; i++) {
        int n = snprintf(text, sizeof text, "{\"account\": \"t\", \"at\": %d, \"latencyMs\": 80, \"inbound\": 1, \"activeChats\": 3}", 10000 + i);
        parley_session_heartbeat(engine, text, (size_t)n);
    }
    double beats = (now_ms() - start) * 1000.0 / 20000;
    start = now_ms();
    for (int i = 0; i < 10000; i++) {
        const char *e = i % 2 ? "{\"account\": \"t\", \"event\": \"connection.update\", \"connection\": \"open\", \"at\": 40000}"
                              : "{\"account\": \"t\", \"event\": \"disconnected\", \"reason\": \"NAVIGATION\", \"at\": 40000}";
        if (parley_session_event(engine, e, strlen(e), &json, &len) == PARLEY_OK) parley_string_free(json);
    }
    double events = (now_ms() - start) * 1000.0 / 10000;
    start = now_ms();
    for (int i = 0; i < 2000; i++) {
        if (parley_session_health(engine, "t", 40000, &json, &len) == PARLEY_OK) parley_string_free(json);
    }
    double healths = (now_ms() - start) * 1000.0 / 2000;
    printf("per call: heartbeat %.2f us, event %.2f us, health %.2f us\n", beats, events, healths);
    CHECK_STATUS(parley_session_preflight(NULL, NULL, 6000, &json, &len), PARLEY_INVALID_ARGUMENT);
    parley_engine_close(engine);
}

int main(void) {
    char dir[64];
    make_store_dir(dir, "session");
    CHECK(dir[0] != '\0', "mkdtemp");
    snprintf(lock_path, sizeof lock_path, "%s/.parley-session.lock", dir);
    /* The process tests fork: run them before an engine starts threads. */
    test_lock_basics(dir);
    test_sigkill(dir);
    test_sigstop(dir);
    test_engine(dir);
    unlink(lock_path);
    rmdir(dir);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
