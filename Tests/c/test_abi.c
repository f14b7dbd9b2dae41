/* The C contract of include/parley.h, exercised the way a C host uses it: every function,
 * every documented failure status, file stores across reopen, and threads.
 * Built with -Wall -Wextra -Werror -pedantic; prints "N passed, N failed". */
#define _POSIX_C_SOURCE 200809L
#include "parley.h"

#include <openssl/hmac.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"

static const char *MESSAGE =
    "{\"id\":\"m1\",\"chat\":\"250788123456@c.us\",\"from\":\"250788123456@c.us\",\"timestamp\":1764000000,"
    "\"type\":\"text\",\"text\":\"Paid RWF 50,000 for unit 4B, call me on +250 788 123 456\"}";

static parley_status process(parley_engine *engine, const char *json, char **out) {
    size_t len = 0;
    parley_status status = parley_engine_process(engine, json, strlen(json), out, &len);
    if (status == PARLEY_OK) CHECK(*out != NULL && strlen(*out) == len, "out_len must match the string");
    return status;
}

static void test_library(void) {
    char expected[32];
    snprintf(expected, sizeof expected, "%d.%d.%d", PARLEY_VERSION_MAJOR, PARLEY_VERSION_MINOR, PARLEY_VERSION_PATCH);
    CHECK(strcmp(parley_version(), expected) == 0, "version %s vs header %s", parley_version(), expected);
    CHECK(strcmp(parley_status_name(PARLEY_OK), "PARLEY_OK") == 0, "name of OK");
    CHECK(strcmp(parley_status_name(PARLEY_BAD_SIGNATURE), "PARLEY_BAD_SIGNATURE") == 0, "name of BAD_SIGNATURE");
    CHECK(strcmp(parley_status_name((parley_status)999), "PARLEY_UNKNOWN_STATUS") == 0, "unknown status name");
    for (int code = PARLEY_OK; code <= PARLEY_BAD_MEDIA; code++)
        CHECK(strncmp(parley_status_name((parley_status)code), "PARLEY_", 7) == 0, "every code has a name");
    CHECK(parley_last_error() != NULL, "last error is never NULL");
    parley_string_free(NULL);
    parley_engine_close(NULL);
}

static void test_open(void) {
    parley_engine *engine = (parley_engine *)1;
    CHECK_STATUS(parley_engine_open(NULL, &engine), PARLEY_OK);
    parley_engine_close(engine);
    CHECK_STATUS(parley_engine_open("{}", &engine), PARLEY_OK);
    parley_engine_close(engine);
    CHECK_STATUS(parley_engine_open("{}", NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_open("{\"store\":", &engine), PARLEY_MALFORMED_JSON);
    CHECK(engine == NULL, "out_engine is NULL after a failure");
    CHECK_STATUS(parley_engine_open("{\"colour\": 1}", &engine), PARLEY_INVALID_CONFIG);
    CHECK_STATUS(parley_engine_open("{\"store\": {\"path\": 7}}", &engine), PARLEY_INVALID_CONFIG);
    CHECK_STATUS(parley_engine_open("[]", &engine), PARLEY_INVALID_CONFIG);
    CHECK_STATUS(parley_engine_open("{\"region\": \"\xC3\x28\"}", &engine), PARLEY_INVALID_UTF8);
}

static void test_process_and_bad_input(void) {
    parley_engine *engine = NULL;
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_engine_open(NULL, &engine), PARLEY_OK);

    CHECK_STATUS(process(engine, MESSAGE, &out), PARLEY_OK);
    CHECK(out && strstr(out, "\"status\":\"processed\""), "first delivery is processed: %s", out ? out : "");
    CHECK(out && strstr(out, "\"type\":\"money\""), "money found: %s", out ? out : "");
    CHECK(out && strstr(out, "\"e164\":\"+250788123456\""), "phone found: %s", out ? out : "");
    parley_string_free(out);

    /* Input need not be NUL-terminated: only message_len bytes are read. */
    size_t n = strlen(MESSAGE);
    char *unterminated = malloc(n + 8);
    memcpy(unterminated, MESSAGE, n);
    memcpy(unterminated + n, "garbage!", 8);
    CHECK_STATUS(parley_engine_process(engine, unterminated, n, &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"status\":\"duplicate\""), "same id is a duplicate: %s", out ? out : "");
    parley_string_free(out);
    free(unterminated);

    out = (char *)1;
    CHECK_STATUS(parley_engine_process(NULL, MESSAGE, n, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK(out == NULL && len == 0, "outputs cleared on failure");
    CHECK_STATUS(parley_engine_process(engine, NULL, n, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_process(engine, MESSAGE, 0, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_process(engine, MESSAGE, n, NULL, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_process(engine, MESSAGE, n, &out, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(process(engine, "{\"id\": \"x\", ", &out), PARLEY_MALFORMED_JSON);
    CHECK(strstr(parley_last_error(), "byte") != NULL, "malformed JSON names the offset: %s", parley_last_error());
    CHECK_STATUS(process(engine, "{\"id\":\"m2\",\"chat\":\"c\",\"from\":\"f\",\"timestamp\":1,\"type\":\"text\",\"text\":\"\xFF\xFE\"}", &out),
                 PARLEY_INVALID_UTF8);
    CHECK_STATUS(process(engine, "{\"id\":5,\"chat\":\"c\",\"from\":\"f\",\"timestamp\":1,\"type\":\"text\",\"text\":\"hi\"}", &out),
                 PARLEY_INVALID_MESSAGE);
    CHECK_STATUS(process(engine, "[1,2,3]", &out), PARLEY_INVALID_MESSAGE);
    CHECK_STATUS(process(engine, "{\"id\":\"m3\",\"chat\":\"c\",\"from\":\"f\",\"timestamp\":1,\"type\":\"hologram\",\"text\":\"hi\"}", &out),
                 PARLEY_UNSUPPORTED);

    size_t big_len = 10u * 1024u * 1024u;
    char *big = malloc(big_len);
    memset(big, ' ', big_len);
    memcpy(big, MESSAGE, n);
    CHECK_STATUS(parley_engine_process(engine, big, big_len, &out, &len), PARLEY_TOO_LARGE);
    free(big);

    /* Nothing stored before was disturbed by the failures. */
    CHECK_STATUS(process(engine, MESSAGE, &out), PARLEY_OK);
    CHECK(out && strstr(out, "\"status\":\"duplicate\""), "store intact after bad input");
    parley_string_free(out);
    parley_engine_close(engine);
}

static void sign(const char *secret, const char *body, char header[80]) {
    unsigned char digest[32];
    unsigned int digest_len = 0;
    HMAC(EVP_sha256(), secret, (int)strlen(secret), (const unsigned char *)body, strlen(body), digest, &digest_len);
    strcpy(header, "sha256=");
    for (unsigned i = 0; i < digest_len; i++) sprintf(header + 7 + 2 * i, "%02x", digest[i]);
}

static void test_webhook(void) {
    static const char *body =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"field\":\"messages\","
        "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
        "\"phone_number_id\":\"106540352242922\"},\"contacts\":[{\"profile\":{\"name\":\"Aline\"},\"wa_id\":\"250788123456\"}],"
        "\"messages\":[{\"from\":\"250788123456\",\"id\":\"wamid.HBgLMjUwNzg4MTIzNDU2FQIAEhggQTE=\",\"timestamp\":\"1764000100\","
        "\"type\":\"text\",\"text\":{\"body\":\"The sink in unit 4B leaks, email me at aline@example.rw\"}}],"
        "\"statuses\":[{\"id\":\"wamid.OUT1\",\"status\":\"delivered\",\"timestamp\":\"1764000090\",\"recipient_id\":\"250788123456\"}]}}]}]}";
    parley_engine *engine = NULL;
    char *out = NULL;
    size_t len = 0;
    char header[80];
    CHECK_STATUS(parley_engine_open("{\"webhook\": {\"appSecret\": \"s3cret\"}}", &engine), PARLEY_OK);
    sign("s3cret", body, header);
    CHECK_STATUS(parley_engine_ingest_webhook(engine, body, strlen(body), header, &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"type\":\"email\"") && strstr(out, "\"status\":\"delivered\""), "contexts and statuses: %s", out ? out : "");
    parley_string_free(out);

    sign("wrong", body, header);
    CHECK_STATUS(parley_engine_ingest_webhook(engine, body, strlen(body), header, &out, &len), PARLEY_BAD_SIGNATURE);
    CHECK_STATUS(parley_engine_ingest_webhook(engine, body, strlen(body), NULL, &out, &len), PARLEY_BAD_SIGNATURE);
    CHECK_STATUS(parley_engine_ingest_webhook(engine, body, strlen(body), "sha256=zz", &out, &len), PARLEY_BAD_SIGNATURE);
    CHECK_STATUS(parley_engine_ingest_webhook(engine, "{\"object\":\"page\"}", 17, NULL, &out, &len), PARLEY_BAD_SIGNATURE);
    parley_engine_close(engine);

    CHECK_STATUS(parley_engine_open(NULL, &engine), PARLEY_OK);
    CHECK_STATUS(parley_engine_ingest_webhook(engine, "{\"object\":\"page\"}", 17, NULL, &out, &len), PARLEY_UNSUPPORTED);
    parley_engine_close(engine);
}

static void test_file_store(void) {
    char dir[] = "/tmp/parley-c-XXXXXX";
    CHECK(mkdtemp(dir) != NULL, "mkdtemp");
    char path[256], config[512];
    snprintf(path, sizeof path, "%s/parley.db", dir);
    snprintf(config, sizeof config, "{\"store\": {\"path\": \"%s\"}}", path);

    parley_engine *engine = NULL;
    char *out = NULL;
    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_OK);
    CHECK_STATUS(process(engine, MESSAGE, &out), PARLEY_OK);
    parley_string_free(out);
    parley_engine_close(engine);

    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_OK);
    CHECK_STATUS(process(engine, MESSAGE, &out), PARLEY_OK);
    CHECK(out && strstr(out, "\"status\":\"duplicate\""), "duplicate after reopen: %s", out ? out : "");
    parley_string_free(out);
    parley_engine_close(engine);

    /* A file that is not a Parley database is refused and left as it was. */
    snprintf(path, sizeof path, "%s/notes.txt", dir);
    FILE *f = fopen(path, "w");
    for (int i = 0; i < 200; i++) fputs("these are a tenant's notes, not a database\n", f);
    fclose(f);
    snprintf(config, sizeof config, "{\"store\": {\"path\": \"%s\"}}", path);
    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_CORRUPT);
    snprintf(config, sizeof config, "{\"store\": {\"path\": \"%s/missing/dir/p.db\"}}", dir);
    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_STORAGE);

    char command[300];
    snprintf(command, sizeof command, "rm -rf %s", dir);
    CHECK(system(command) == 0, "cleanup");
}

typedef struct {
    parley_engine *engine;
    int index;
    int ok;
    int error_clean;
} worker_args;

static void *worker(void *arg) {
    worker_args *w = arg;
    char json[256];
    for (int i = 0; i < 200; i++) {
        snprintf(json, sizeof json,
                 "{\"id\":\"t%d-%d\",\"chat\":\"chat%d\",\"from\":\"f\",\"timestamp\":%d,\"type\":\"text\",\"text\":\"pay $%d\"}",
                 w->index, i, w->index, 1764000000 + i, i);
        char *out = NULL;
        size_t len = 0;
        if (parley_engine_process(w->engine, json, strlen(json), &out, &len) == PARLEY_OK) w->ok++;
        parley_string_free(out);
    }
    /* Thread-local errors: this thread never failed, whatever the main thread did. */
    w->error_clean = parley_last_error()[0] == '\0';
    return NULL;
}

static void test_threads(void) {
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open(NULL, &engine), PARLEY_OK);
    CHECK_STATUS(process(engine, "not json", &(char *){NULL}), PARLEY_MALFORMED_JSON);
    pthread_t threads[8];
    worker_args args[8];
    for (int i = 0; i < 8; i++) {
        args[i] = (worker_args){engine, i, 0, 0};
        pthread_create(&threads[i], NULL, worker, &args[i]);
    }
    for (int i = 0; i < 8; i++) {
        pthread_join(threads[i], NULL);
        CHECK(args[i].ok == 200, "thread %d processed %d of 200", i, args[i].ok);
        CHECK(args[i].error_clean, "thread %d saw another thread's error", i);
    }
    parley_engine_close(engine);
}

/* Conversation threads: a reply joins the thread of what it quotes; list and get find it. */
static void test_conversation_threads(void) {
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open(NULL, &engine), PARLEY_OK);
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(process(engine, "{\"id\":\"t1\",\"chat\":\"c9\",\"from\":\"u\",\"timestamp\":100,\"type\":\"text\",\"text\":\"hi\"}", &out), PARLEY_OK);
    char thread_id[128] = "";
    const char *found = out ? strstr(out, "\"thread\":{\"id\":\"") : NULL;
    CHECK(found != NULL, "the context names its thread: %s", out ? out : "(null)");
    if (found) {
        found += strlen("\"thread\":{\"id\":\"");
        size_t n = strcspn(found, "\"");
        if (n < sizeof thread_id) memcpy(thread_id, found, n), thread_id[n] = '\0';
    }
    parley_string_free(out);
    CHECK_STATUS(process(engine, "{\"id\":\"t2\",\"chat\":\"c9\",\"from\":\"u\",\"timestamp\":160,\"type\":\"text\",\"text\":\"again\",\"quoted\":{\"id\":\"t1\"}}", &out), PARLEY_OK);
    CHECK(out && strstr(out, thread_id), "the reply joins the quoted message's thread");
    parley_string_free(out);

    CHECK_STATUS(parley_thread_list(engine, NULL, &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"messageCount\":2"), "listed thread has both messages: %s", out ? out : "(null)");
    parley_string_free(out);
    CHECK_STATUS(parley_thread_list(engine, "{\"chat\":\"c9\",\"state\":\"open\",\"limit\":5}", &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, thread_id), "query by chat finds it");
    parley_string_free(out);
    CHECK_STATUS(parley_thread_list(engine, "{\"state\":\"ajar\"}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_thread_list(engine, "{\"limit\":", &out, &len), PARLEY_MALFORMED_JSON);
    CHECK(out == NULL && len == 0, "no output on failure");
    CHECK_STATUS(parley_thread_list(NULL, NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_thread_list(engine, NULL, NULL, &len), PARLEY_INVALID_ARGUMENT);

    CHECK_STATUS(parley_thread_get(engine, thread_id, &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"messages\":[") && strstr(out, "\"t2\""), "get returns the messages");
    parley_string_free(out);
    CHECK_STATUS(parley_thread_get(engine, "no-such-thread", &out, &len), PARLEY_NOT_FOUND);
    CHECK_STATUS(parley_thread_get(engine, NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_thread_get(engine, "\xff\xfe", &out, &len), PARLEY_INVALID_UTF8);
    parley_engine_close(engine);
}

/* A thread longer than parley_thread_get's first page: "nextOffset", then the rest through
 * parley_thread_messages, pages that neither repeat nor skip (three messages a second tie). */
static void test_long_thread_pages(void) {
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open(NULL, &engine), PARLEY_OK);
    char *out = NULL;
    size_t len = 0;
    char json[320], thread_id[128] = "";
    for (int i = 0; i < 1100; i++) {
        if (i == 0)
            snprintf(json, sizeof json, "{\"id\":\"L%04d\",\"chat\":\"long\",\"from\":\"u\",\"timestamp\":%d,\"type\":\"text\",\"text\":\"the tap in unit 4B\"}", i, 1000 + i / 3);
        else
            snprintf(json, sizeof json, "{\"id\":\"L%04d\",\"chat\":\"long\",\"from\":\"u\",\"timestamp\":%d,\"type\":\"text\",\"text\":\"still %d\",\"quoted\":{\"id\":\"L%04d\"}}", i, 1000 + i / 3, i, i - 1);
        if (process(engine, json, &out) != PARLEY_OK) { CHECK(0, "message %d processed", i); break; }
        const char *found = strstr(out, "\"thread\":{\"id\":\"");
        if (i == 0 && found) {
            found += strlen("\"thread\":{\"id\":\"");
            size_t n = strcspn(found, "\"");
            if (n < sizeof thread_id) memcpy(thread_id, found, n), thread_id[n] = '\0';
        }
        parley_string_free(out);
    }
    CHECK_STATUS(parley_thread_get(engine, thread_id, &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"L0000\"") && strstr(out, "\"L0999\"") && !strstr(out, "\"L1000\""), "get holds the first 1000 messages");
    CHECK(out && strstr(out, "\"nextOffset\":1000"), "and says where the rest begins");
    parley_string_free(out);
    CHECK_STATUS(parley_thread_messages(engine, thread_id, "{\"offset\":1000}", &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"offset\":1000") && strstr(out, "\"L1000\"") && strstr(out, "\"L1099\"") && !strstr(out, "\"L0998\""),
          "the second page holds the last 100: %.200s", out ? out : "(null)");
    CHECK(out && !strstr(out, "\"nextOffset\""), "and is the last");
    parley_string_free(out);
    /* Small pages across the ties: each message on exactly one page. */
    int seen[1100] = {0}, pages = 0;
    long offset = 0;
    while (offset >= 0 && pages < 200) {
        char query[64];
        snprintf(query, sizeof query, "{\"offset\":%ld,\"limit\":7}", offset);
        if (parley_thread_messages(engine, thread_id, query, &out, &len) != PARLEY_OK) { CHECK(0, "page at %ld", offset); break; }
        pages++;
        for (const char *p = strstr(out, "\"message\":{\"id\":\"L"); p; p = strstr(p + 1, "\"message\":{\"id\":\"L")) {
            int n = atoi(p + strlen("\"message\":{\"id\":\"L"));
            if (n >= 0 && n < 1100) seen[n]++;
        }
        const char *next = strstr(out, "\"nextOffset\":");
        offset = next ? atol(next + strlen("\"nextOffset\":")) : -1;
        parley_string_free(out);
    }
    int once = 0;
    for (int i = 0; i < 1100; i++) once += seen[i] == 1;
    CHECK(pages == 158 && once == 1100, "1100 messages in 158 pages of 7, each once (%d pages, %d once)", pages, once);
    CHECK_STATUS(parley_thread_messages(engine, thread_id, NULL, &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"nextOffset\":1000"), "no query: the first 1000");
    parley_string_free(out);
    CHECK_STATUS(parley_thread_messages(engine, thread_id, "{\"offset\":5000}", &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"messages\":[]"), "past the end: no messages");
    parley_string_free(out);
    const char *bad[] = {"{\"offset\":-1}", "{\"limit\":0}", "{\"limit\":1001}", "{\"page\":2}", "{\"offset\":\"1\"}"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        CHECK_STATUS(parley_thread_messages(engine, thread_id, bad[i], &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_thread_messages(engine, thread_id, "{\"offset\":", &out, &len), PARLEY_MALFORMED_JSON);
    CHECK(out == NULL && len == 0, "no output on failure");
    CHECK_STATUS(parley_thread_messages(engine, "no-such-thread", NULL, &out, &len), PARLEY_NOT_FOUND);
    CHECK_STATUS(parley_thread_messages(engine, NULL, NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_thread_messages(engine, "", NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_thread_messages(NULL, thread_id, NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_thread_messages(engine, thread_id, NULL, NULL, &len), PARLEY_INVALID_ARGUMENT);
    parley_engine_close(engine);
}

/* Intent models: train from JSONL, load into an engine, bad data and bad files. */
static void test_intent_models(void) {
    char path[] = "/tmp/parley-intent-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0, "mkstemp");
    if (fd >= 0) close(fd);
    static const char *data =
        "{\"text\": \"the shower is broken\", \"intent\": \"repair\"}\n"
        "{\"text\": \"my sink leaks\", \"intent\": \"repair\"}\n"
        "{\"text\": \"the light in the kitchen does not work\", \"intent\": \"repair\"}\n"
        "{\"text\": \"I paid the rent today\", \"intent\": \"payment\"}\n"
        "{\"text\": \"rent sent by mobile money\", \"intent\": \"payment\"}\n"
        "{\"text\": \"here is my payment for may\", \"intent\": \"payment\"}\n";
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_intent_train(data, strlen(data), path, &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"examples\":6"), "training reports its examples: %s", out ? out : "(null)");
    parley_string_free(out);
    CHECK_STATUS(parley_intent_train("{\"text\": 1}\n", 13, path, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK(strstr(parley_last_error(), "line 1") != NULL, "the error names the line: %s", parley_last_error());
    CHECK_STATUS(parley_intent_train(data, strlen(data), NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_intent_train(data, strlen(data), "/nonexistent-dir/m.bin", &out, &len), PARLEY_STORAGE);

    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open(NULL, &engine), PARLEY_OK);
    CHECK_STATUS(parley_engine_load_intent_model(engine, path), PARLEY_OK);
    CHECK_STATUS(process(engine, "{\"id\":\"i1\",\"chat\":\"c\",\"from\":\"u\",\"timestamp\":1,\"type\":\"text\",\"text\":\"the shower leaks\"}", &out), PARLEY_OK);
    CHECK(out && strstr(out, "\"intent\":{\"name\":\"repair\""), "the loaded model is used: %s", out ? out : "(null)");
    parley_string_free(out);
    CHECK_STATUS(parley_engine_load_intent_model(engine, "/nonexistent-dir/m.bin"), PARLEY_STORAGE);
    FILE *garbage = fopen(path, "wb");
    if (garbage) { fputs("not a model at all", garbage); fclose(garbage); }
    CHECK_STATUS(parley_engine_load_intent_model(engine, path), PARLEY_CORRUPT);
    CHECK_STATUS(parley_engine_load_intent_model(NULL, path), PARLEY_INVALID_ARGUMENT);
    parley_engine_close(engine);
    char config[128];
    snprintf(config, sizeof config, "{\"language\": {\"intentModel\": \"%s\"}}", path);
    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_CORRUPT);
    unlink(path);
}

/* Lookup lists set at run time are matched with typo tolerance. */
static void test_lookups(void) {
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open("{\"lookups\": {\"neighbourhood\": [{\"name\": \"Kimihurura\"}]}}", &engine), PARLEY_OK);
    char *out = NULL;
    size_t len = 0;
    static const char *lists = "{\"property\": [{\"id\": \"p1\", \"name\": \"Kacyiru Heights\", \"aliases\": [\"KH\"]}]}";
    CHECK_STATUS(parley_lookup_set(engine, lists, strlen(lists), &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"property\":1") && strstr(out, "\"neighbourhood\":1"), "counts: %s", out ? out : "(null)");
    parley_string_free(out);
    CHECK_STATUS(process(engine, "{\"id\":\"k1\",\"chat\":\"c\",\"from\":\"u\",\"timestamp\":1,\"type\":\"text\",\"text\":\"Is there a flat at Kacyiru Hights?\"}", &out), PARLEY_OK);
    CHECK(out && strstr(out, "\"type\":\"property\"") && strstr(out, "\"id\":\"p1\""), "fuzzy lookup match: %s", out ? out : "(null)");
    parley_string_free(out);
    CHECK_STATUS(parley_lookup_set(engine, "{\"property\": [{\"aliases\": []}]}", 31, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK(strstr(parley_last_error(), "property[0]") != NULL, "names the bad entry: %s", parley_last_error());
    CHECK_STATUS(parley_lookup_set(engine, "[1]", 3, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_lookup_set(engine, "{\"property\": []}", 16, &out, &len), PARLEY_OK);
    CHECK(out && !strstr(out, "property"), "an empty list removes the kind: %s", out ? out : "(null)");
    parley_string_free(out);
    CHECK_STATUS(parley_lookup_set(NULL, lists, strlen(lists), &out, &len), PARLEY_INVALID_ARGUMENT);
    parley_engine_close(engine);
    CHECK_STATUS(parley_engine_open("{\"lookups\": {\"property\": 5}}", &engine), PARLEY_INVALID_CONFIG);
}

int main(void) {
    test_library();
    test_open();
    test_process_and_bad_input();
    test_webhook();
    test_file_store();
    test_threads();
    test_conversation_threads();
    test_long_thread_pages();
    test_intent_models();
    test_lookups();
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
