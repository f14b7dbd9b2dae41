/* The checks shared by Parley's C tests: each counts into `passed` / `failed` (defined by the
 * including test) and a failure prints its place, the condition and parley_last_error(). */
#ifndef PARLEY_TEST_CHECK_H
#define PARLEY_TEST_CHECK_H

#include "parley.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int passed, failed;

#define CHECK(cond, ...)                                                   \
    do {                                                                   \
        if (cond) {                                                        \
            passed++;                                                      \
        } else {                                                           \
            failed++;                                                      \
            fprintf(stderr, "FAIL %s:%d: %s — ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                  \
            fprintf(stderr, " (last error: %s)\n", parley_last_error());   \
        }                                                                  \
    } while (0)

#define CHECK_STATUS(call, expected)                                                        \
    do {                                                                                    \
        parley_status got_ = (call);                                                        \
        CHECK(got_ == (expected), "%s returned %s, expected %s", #call,                     \
              parley_status_name(got_), parley_status_name(expected));                      \
        if ((expected) != PARLEY_OK) CHECK(parley_last_error()[0] != '\0', "no error message"); \
    } while (0)

/* A fresh directory /tmp/parley-<name>-XXXXXX for a test's store (dir is "" when none could
 * be made), and its removal with the store's WAL and shared-memory files. Tests define
 * _POSIX_C_SOURCE for mkdtemp. */
static inline void make_store_dir(char dir[64], const char *name) {
    snprintf(dir, 64, "/tmp/parley-%s-XXXXXX", name);
    if (!mkdtemp(dir)) dir[0] = '\0';
}

static inline void remove_store_dir(const char *dir) {
    char path[128];
    static const char *suffixes[] = {"", "-wal", "-shm"};
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        snprintf(path, sizeof path, "%s/parley.db%s", dir, suffixes[i]);
        unlink(path);
    }
    rmdir(dir);
}

/* The whole file dir/relative, NUL-terminated (the NUL not counted in *size), or NULL with
 * *size 0 when it cannot be opened. Free with free(). */
static inline unsigned char *read_file_in(const char *dir, const char *relative, size_t *size) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, relative);
    *size = 0;
    FILE *file = fopen(path, "rb");
    if (!file) return NULL;
    fseek(file, 0, SEEK_END);
    long n = ftell(file);
    fseek(file, 0, SEEK_SET);
    unsigned char *bytes = malloc(n > 0 ? (size_t)n + 1 : 1);
    *size = fread(bytes, 1, n > 0 ? (size_t)n : 0, file);
    bytes[*size] = 0;
    fclose(file);
    return bytes;
}

#endif
