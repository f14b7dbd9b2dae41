/* WhatsApp chat-export import through the C ABI as a host uses it: the example export (Android)
 * and the iOS fixture, a second import that adds nothing, the threads it made, and bad input
 * (NULLs, bad options, a missing file, a file that is no export, a truncated zip, a zip bomb)
 * answered with a status. argv[1]: the project root. */
#define _POSIX_C_SOURCE 200809L
#include "check.h"
#include <stdint.h>

static const char *root;

static void path_of(char *out, size_t size, const char *relative) { snprintf(out, size, "%s/%s", root, relative); }

static void write_file(const char *path, const char *bytes, size_t len) {
    FILE *file = fopen(path, "wb");
    if (!file) return;
    fwrite(bytes, 1, len, file);
    fclose(file);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: test_import PROJECT_ROOT\n");
        return 2;
    }
    root = argv[1];
    char dir[64], config[256], example[512], ios[512], bomb[512], path[512];
    make_store_dir(dir, "import");
    CHECK(dir[0] != '\0', "a temporary directory");
    snprintf(config, sizeof config,
             "{\"store\": {\"path\": \"%s/parley.db\"}, \"region\": \"RW\", "
             "\"media\": {\"ocr\": false, \"voice\": false, \"documents\": false}}", dir);
    path_of(example, sizeof example, "Examples/whatsapp-export/WhatsApp Chat with Kacyiru Heights Tenants.txt");
    path_of(ios, sizeof ios, "Tests/Fixtures/import/ios/_chat.txt");
    path_of(bomb, sizeof bomb, "Tests/Fixtures/import/bomb.zip");

    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_OK);
    char *out = NULL;
    size_t len = 0;

    CHECK_STATUS(parley_import_chat(engine, example, "{\"timeZone\": \"Africa/Kigali\"}", &out, &len), PARLEY_OK);
    CHECK(out && len == strlen(out), "a NUL-terminated summary of out_len bytes");
    CHECK(out && strstr(out, "\"format\":\"android\"") && strstr(out, "\"dateOrder\":\"dmy\""), "layout and date order: %.200s", out ? out : "");
    CHECK(out && strstr(out, "\"messages\":220,\"imported\":219,\"duplicates\":0"), "counts: %.400s", out ? out : "");
    CHECK(out && strstr(out, "\"chat\":\"Kacyiru Heights Tenants\"") && strstr(out, "\"systemEvents\":10"), "chat and events");
    parley_string_free(out);

    /* The same export again: nothing new. */
    CHECK_STATUS(parley_import_chat(engine, example, NULL, &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"imported\":0,\"duplicates\":219"), "a second import adds nothing: %.400s", out ? out : "");
    parley_string_free(out);

    CHECK_STATUS(parley_thread_list(engine, "{\"chat\": \"Kacyiru Heights Tenants\", \"limit\": 1000}", &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"messageCount\""), "the import made threads");
    parley_string_free(out);

    CHECK_STATUS(parley_import_chat(engine, ios, "{\"chat\": \"villas\", \"dateOrder\": null}", &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"format\":\"ios\"") && strstr(out, "\"dateOrder\":\"mdy\"") && strstr(out, "\"imported\":10"),
          "the iOS layout: %.300s", out ? out : "");
    parley_string_free(out);

    /* Bad input: a status and a message, never a crash. */
    CHECK_STATUS(parley_import_chat(NULL, example, NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK(out == NULL && len == 0, "no output on failure");
    CHECK_STATUS(parley_import_chat(engine, NULL, NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_import_chat(engine, "", NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_import_chat(engine, example, NULL, NULL, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_import_chat(engine, example, NULL, &out, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_import_chat(engine, example, "{", &out, &len), PARLEY_MALFORMED_JSON);
    CHECK_STATUS(parley_import_chat(engine, example, "", &out, &len), PARLEY_MALFORMED_JSON);
    CHECK_STATUS(parley_import_chat(engine, example, "{\"colour\": 1}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_import_chat(engine, example, "{\"dateOrder\": \"ymd\"}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_import_chat(engine, example, "{\"timeZone\": \"Mars/Olympus\"}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_import_chat(engine, example, "[1]", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_import_chat(engine, "\xff\xfe.txt", NULL, &out, &len), PARLEY_INVALID_UTF8);
    snprintf(path, sizeof path, "%s/missing.txt", dir);
    CHECK_STATUS(parley_import_chat(engine, path, NULL, &out, &len), PARLEY_NOT_FOUND);
    snprintf(path, sizeof path, "%s/notes.txt", dir);
    write_file(path, "just notes\nabout the roof\n", 26);
    CHECK_STATUS(parley_import_chat(engine, path, NULL, &out, &len), PARLEY_UNSUPPORTED);
    unlink(path);
    snprintf(path, sizeof path, "%s/cut.zip", dir);
    write_file(path, "PK\x03\x04\x14\x00\x00\x00\x08\x00 truncated", 21);
    CHECK_STATUS(parley_import_chat(engine, path, NULL, &out, &len), PARLEY_CORRUPT);
    CHECK(strstr(parley_last_error(), "cut.zip") != NULL, "the error names the file: %s", parley_last_error());
    unlink(path);
    CHECK_STATUS(parley_import_chat(engine, bomb, NULL, &out, &len), PARLEY_TOO_LARGE);

    parley_engine_close(engine);
    char media[128];
    snprintf(media, sizeof media, "%s/parley.db.media", dir);
    rmdir(media);
    remove_store_dir(dir);
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
