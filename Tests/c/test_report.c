/* The "Conversation report" section of include/parley.h from C: a report of a file store's
 * chats (a page per the header's promises: self-contained, counts, masking, escaping), the
 * chat filter, an empty store, and every documented failure status.
 * Built with -Wall -Wextra -Werror -pedantic; prints "N passed, N failed". */
#define _POSIX_C_SOURCE 200809L
#include "parley.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"

static void process(parley_engine *engine, const char *chat, const char *id, int64_t timestamp, const char *text) {
    char message[1024];
    snprintf(message, sizeof message,
             "{\"id\":\"%s\",\"chat\":\"%s\",\"from\":\"%s\",\"timestamp\":%lld,\"type\":\"text\",\"text\":\"%s\"}",
             id, chat, chat, (long long)timestamp, text);
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_engine_process(engine, message, strlen(message), &out, &len), PARLEY_OK);
    parley_string_free(out);
}

static int count(const char *haystack, const char *needle) {
    int n = 0;
    for (const char *p = haystack; p && (p = strstr(p, needle)) != NULL; p += strlen(needle)) n++;
    return n;
}

static void test_report_of_a_store(void) {
    char dir[64], config[256];
    make_store_dir(dir, "report");
    CHECK(dir[0] != '\0', "mkdtemp");
    snprintf(config, sizeof config, "{\"store\": {\"path\": \"%s/parley.db\"}, \"timeZone\": \"Africa/Kigali\"}", dir);
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_OK);

    process(engine, "250788123456@c.us", "a1", 1764057600, "Hello, the kitchen tap in unit 4B is leaking since last night");
    process(engine, "250788123456@c.us", "a2", 1764057700, "This is terrible, water everywhere!! Call me on +250 788 555 444");
    process(engine, "250788123456@c.us", "a3", 1764057800, "I paid RWF 350,000 rent on 1 December");
    process(engine, "250722000111@c.us", "b1", 1764060000, "Is the 2 bedroom in Kimihurura still available? <script>alert(1)</script>");
    process(engine, "250722000111@c.us", "b2", 1764060100, "Can I view it on Saturday at 10am?");
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_message_fail(engine, "250722000111@c.us", "b2", "{\"status\": \"calendar_down\"}", 1764060200000), PARLEY_OK);

    /* NULL options: every chat. */
    CHECK_STATUS(parley_report_html(engine, NULL, &out, &len), PARLEY_OK);
    CHECK(out != NULL && strlen(out) == len, "out_len matches");
    if (out) {
        CHECK(strncmp(out, "<!DOCTYPE html>", 15) == 0, "a page");
        CHECK(count(out, "<section class=\"chat\"") == 2, "two chats");
        CHECK(strstr(out, "data-chats=\"2\" data-messages=\"5\" data-dead-letters=\"1\"") != NULL, "overview counts");
        CHECK(strstr(out, "data-messages=\"3\" data-dead-letters=\"0\"") != NULL, "first chat's counts");
        CHECK(strstr(out, "data-messages=\"2\" data-dead-letters=\"1\"") != NULL, "second chat's counts");
        CHECK(count(out, "<svg ") == 6, "three charts per chat: %d", count(out, "<svg "));
        CHECK(strstr(out, "<script") == NULL, "no script, the tenant's included");
        CHECK(strstr(out, "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL, "the tenant's markup escaped");
        CHECK(strstr(out, "788 555 444") == NULL && strstr(out, "250788123456") == NULL, "phone numbers masked");
        CHECK(strstr(out, "+250*******44") != NULL, "the masked phone entity");
        CHECK(strstr(out, "calendar_down") != NULL, "the dead letter's error");
        CHECK(strstr(out, "times in Africa/Kigali") != NULL, "the engine's zone");
    }
    parley_string_free(out);

    /* One chat, a title (escaped), a fixed time. */
    CHECK_STATUS(parley_report_html(engine, "{\"chat\": \"250722000111@c.us\", \"title\": \"Q4 <draft>\", \"generatedAt\": 1764100000}",
                                    &out, &len), PARLEY_OK);
    if (out) {
        CHECK(count(out, "<section class=\"chat\"") == 1, "one chat");
        CHECK(strstr(out, "<title>Q4 &lt;draft&gt;</title>") != NULL, "the title escaped");
        CHECK(strstr(out, "unit 4B") == NULL, "the other chat left out");
        CHECK(strstr(out, "datetime=\"2025-11-25T19:46:40Z\"") != NULL, "generatedAt");
    }
    parley_string_free(out);

    /* A chat the store does not hold: a valid page that says so. */
    CHECK_STATUS(parley_report_html(engine, "{\"chat\": \"nobody\"}", &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "No messages for chat nobody in this store.") != NULL, "no such chat");
    parley_string_free(out);
    parley_engine_close(engine);

    /* Reopened: the same report from the file. */
    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_OK);
    CHECK_STATUS(parley_report_html(engine, NULL, &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "data-chats=\"2\" data-messages=\"5\" data-dead-letters=\"1\"") != NULL, "after reopening");
    parley_string_free(out);
    parley_engine_close(engine);
    remove_store_dir(dir);
}

static void test_empty_store_and_failures(void) {
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open(NULL, &engine), PARLEY_OK);
    char *out = (char *)1;
    size_t len = 99;
    CHECK_STATUS(parley_report_html(engine, NULL, &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "The store holds no messages yet.") != NULL, "empty store");
    CHECK(out && strstr(out, "</html>") != NULL, "a whole page");
    parley_string_free(out);

    CHECK_STATUS(parley_report_html(NULL, NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK(out == NULL && len == 0, "out cleared on failure");
    CHECK_STATUS(parley_report_html(engine, NULL, NULL, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_report_html(engine, NULL, &out, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_report_html(engine, "{\"colour\": 1}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK(strstr(parley_last_error(), "parley_report_html") != NULL, "the error names the function");
    CHECK_STATUS(parley_report_html(engine, "{\"chat\": 5}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_report_html(engine, "{\"messageLimit\": -1}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_report_html(engine, "[1]", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_report_html(engine, "{nope", &out, &len), PARLEY_MALFORMED_JSON);
    CHECK_STATUS(parley_report_html(engine, "", &out, &len), PARLEY_MALFORMED_JSON);
    CHECK_STATUS(parley_report_html(engine, "{\"title\": \"\xff\"}", &out, &len), PARLEY_INVALID_UTF8);
    CHECK(out == NULL, "nothing handed out on failure");
    parley_engine_close(engine);
}

int main(void) {
    test_report_of_a_store();
    test_empty_store_and_failures();
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
