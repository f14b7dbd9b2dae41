/* The checks shared by Parley's C tests: each counts into `passed` / `failed` (defined by the
 * including test) and a failure prints its place, the condition and parley_last_error(). */
#ifndef PARLEY_TEST_CHECK_H
#define PARLEY_TEST_CHECK_H

#include "parley.h"
#include <stdio.h>

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

#endif
