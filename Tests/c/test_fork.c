/* A host that forks without exec (a pre-fork server, Python's multiprocessing) and uses Parley
 * in the children: each child opens an engine and processes from nine threads at once, the
 * first use of the lazily built tables racing. Before Sources/CForkSafety, a child inherited
 * its parent's cached thread id in the Swift runtime's lock and 5 of 6 children spun forever.
 * Children that hang are killed by an alarm and count as failures. Rounds: the parent has
 * not called Parley at all; then it has used and closed an engine before forking. */
#define _POSIX_C_SOURCE 200809L
#include "check.h"
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>

enum { THREADS = 8, MESSAGES = 20, CHILDREN = 4, ALARM_SECONDS = 60 };

static parley_engine *engine;

static void *process_some(void *arg) {
    long thread = (long)arg;
    int failures = 0;
    for (int i = 0; i < MESSAGES; i++) {
        char message[320];
        snprintf(message, sizeof message,
                 "{\"id\":\"t%ld-%d\",\"chat\":\"c%ld@c.us\",\"from\":\"c%ld@c.us\",\"timestamp\":%d,\"type\":\"text\","
                 "\"text\":\"I paid the rent of 350000 RWF, thanks! The sink is leaking 😡\"}",
                 thread, i, thread, thread, 1764000000 + i);
        char *out = NULL;
        size_t len = 0;
        if (parley_engine_process(engine, message, strlen(message), &out, &len) == PARLEY_OK) {
            parley_string_free(out);
        } else {
            failures++;
        }
    }
    return (void *)(long)failures;
}

/* The child's work: 0 when every message was processed. */
static int child(void) {
    alarm(ALARM_SECONDS);
    if (parley_engine_open(NULL, &engine) != PARLEY_OK) return 2;
    pthread_t threads[THREADS];
    for (long t = 0; t < THREADS; t++) pthread_create(&threads[t], NULL, process_some, (void *)t);
    long failures = (long)process_some((void *)(long)THREADS);
    for (int t = 0; t < THREADS; t++) {
        void *result;
        pthread_join(threads[t], &result);
        failures += (long)result;
    }
    parley_engine_close(engine);
    return failures == 0 ? 0 : 1;
}

static void fork_children(const char *round) {
    int finished = 0, hung = 0, other = 0;
    for (int c = 0; c < CHILDREN; c++) {
        fflush(NULL);
        pid_t pid = fork();
        if (pid == 0) _exit(child());
        int status = 0;
        waitpid(pid, &status, 0);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0) finished++;
        else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM) hung++;
        else other++;
    }
    CHECK(finished == CHILDREN, "%s: %d of %d forked children finished, %d hung, %d failed", round, finished, CHILDREN, hung, other);
}

int main(void) {
    fork_children("parent never called Parley");
    parley_engine *used = NULL;
    CHECK_STATUS(parley_engine_open(NULL, &used), PARLEY_OK);
    const char *hello = "{\"id\":\"p1\",\"chat\":\"p@c.us\",\"from\":\"p@c.us\",\"timestamp\":1764000000,\"type\":\"text\",\"text\":\"hello\"}";
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_engine_process(used, hello, strlen(hello), &out, &len), PARLEY_OK);
    parley_string_free(out);
    parley_engine_close(used);
    fork_children("parent used and closed an engine");
    printf("test_fork: %d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
