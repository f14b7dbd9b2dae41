/* Media through the C ABI as a host uses it: OCR, transcription and document parsing of real
 * files by direct calls and inside parley_engine_process, the gallery, a host transcriber,
 * and bad input (NULL, empty, corrupt, mislabelled, oversized files) answered with a status.
 * argv[1]: Tests/Fixtures. */
#define _POSIX_C_SOURCE 200809L
#include "check.h"
#include <stdint.h>
#include <sys/stat.h>

static const char *fixtures;

static unsigned char *read_file(const char *relative, size_t *len) {
    return read_file_in(fixtures, relative, len);
}

static void test_direct_reads(parley_engine *engine) {
    char *out = NULL;
    size_t len = 0, size = 0;
    unsigned char *image = read_file("ocr/phototest.tif", &size);
    CHECK(image != NULL, "phototest.tif is readable");
    CHECK_STATUS(parley_media_ocr(engine, image, size, "{\"maxWords\": 5}", &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"text\":\"This is a lot of 12 point text"), "phototest read: %.120s", out ? out : "");
    CHECK(out && strstr(out, "\"kind\":\"image\""), "kind image");
    parley_string_free(out);
    /* The same bytes, cut short: a clear status, nothing read. */
    CHECK_STATUS(parley_media_ocr(engine, image, 100, NULL, &out, &len), PARLEY_BAD_MEDIA);
    CHECK(out == NULL && len == 0, "no output on failure");
    CHECK_STATUS(parley_media_ocr(engine, NULL, 10, NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_media_ocr(engine, image, 0, NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_media_ocr(engine, image, size, "{\"colour\": 1}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_media_ocr(engine, image, size, "{", &out, &len), PARLEY_MALFORMED_JSON);
    CHECK_STATUS(parley_media_ocr(NULL, image, size, NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_media_ocr(engine, image, size, NULL, NULL, &len), PARLEY_INVALID_ARGUMENT);
    free(image);

    unsigned char *note = read_file("voice/librivox-0930.ogg", &size);
    CHECK(note != NULL, "the Opus note is readable");
    CHECK_STATUS(parley_media_transcribe(engine, note, size, NULL, &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"format\":\"opus\"") && strstr(out, "real"), "transcript: %.160s", out ? out : "");
    parley_string_free(out);
    CHECK_STATUS(parley_media_transcribe(engine, note, size / 2, NULL, &out, &len), PARLEY_BAD_MEDIA);
    free(note);

    unsigned char *pdf = read_file("documents/lease.pdf", &size);
    CHECK_STATUS(parley_media_parse_document(engine, pdf, size, "{\"timestamp\": 1764057600}", &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"format\":\"pdf\"") && strstr(out, "\"type\":\"field\"") && strstr(out, "\"type\":\"money\""),
          "lease fields and money: %.200s", out ? out : "");
    parley_string_free(out);
    free(pdf);
    unsigned char *scan = read_file("documents/scanned-receipt.pdf", &size);
    CHECK_STATUS(parley_media_parse_document(engine, scan, size, NULL, &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"ocrPages\":1") && strstr(out, "KIGALI HARDWARE") && strstr(out, "\"type\":\"receiptTotal\""),
          "a scanned PDF read by OCR: %.200s", out ? out : "");
    parley_string_free(out);
    free(scan);
    unsigned char *encrypted = read_file("documents/encrypted.pdf", &size);
    CHECK_STATUS(parley_media_parse_document(engine, encrypted, size, NULL, &out, &len), PARLEY_BAD_MEDIA);
    free(encrypted);
    unsigned char *bomb = read_file("documents/bomb.xlsx", &size);
    CHECK_STATUS(parley_media_parse_document(engine, bomb, size, NULL, &out, &len), PARLEY_TOO_LARGE);
    /* An XLSX handed to OCR: the kind comes from the bytes, not the caller's word; not an image. */
    CHECK_STATUS(parley_media_ocr(engine, bomb, size, NULL, &out, &len), PARLEY_BAD_MEDIA);
    /* A bad option is the caller's mistake whatever the bytes hold: checked before them. */
    CHECK_STATUS(parley_media_ocr(engine, bomb, size, "{\"colour\": 1}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_media_parse_document(engine, bomb, 10, "{\"maxPages\": 0}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_media_transcribe(engine, bomb, size, "{\"engine\": \"whisper\"}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_media_transcribe(engine, bomb, size, "{\"phrases\": [\"...\"]}", &out, &len), PARLEY_INVALID_ARGUMENT);
    free(bomb);
}

static int transcriber_calls;

static parley_status fake_cloud(void *user_data, const unsigned char *audio, size_t audio_len, const int16_t *pcm16k,
                                size_t samples, const char *options_json, parley_transcript_reply *reply) {
    (void)audio;
    (void)options_json;
    transcriber_calls++;
    if (audio_len == 0 || samples < 16000 || pcm16k == NULL) return PARLEY_BAD_MEDIA;
    return parley_transcript_reply_set(reply, (const char *)user_data, 0.93);
}

static void test_host_transcriber(parley_engine *engine) {
    char *out = NULL;
    size_t len = 0, size = 0;
    unsigned char *note = read_file("voice/librivox-0930.ogg", &size);
    CHECK_STATUS(parley_media_set_transcriber(engine, fake_cloud, "murakoze cyane, amazi yabuze"), PARLEY_OK);
    CHECK_STATUS(parley_media_transcribe(engine, note, size, "{\"engine\": \"host\"}", &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "murakoze cyane") && strstr(out, "\"confidence\":0.93"), "host transcript: %.160s", out ? out : "");
    CHECK(transcriber_calls == 1, "the transcriber was called once (%d)", transcriber_calls);
    parley_string_free(out);
    CHECK_STATUS(parley_transcript_reply_set(NULL, "x", 0.5), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_media_set_transcriber(engine, NULL, NULL), PARLEY_OK);
    CHECK_STATUS(parley_media_transcribe(engine, note, size, "{\"engine\": \"host\"}", &out, &len), PARLEY_UNSUPPORTED);
    free(note);
}

static void test_messages_and_gallery(void) {
    char dir[64], config[256], message[512];
    make_store_dir(dir, "media");
    snprintf(config, sizeof config, "{\"store\": {\"path\": \"%s/parley.db\"}, \"media\": {\"directory\": \"%s/files\"}}", dir, dir);
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_OK);
    /* A photo the host downloaded into the media directory (which the host made). */
    size_t size = 0;
    unsigned char *image = read_file("ocr/phototest.tif", &size);
    char path[128];
    snprintf(path, sizeof path, "%s/files", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/files/photo.tif", dir);
    FILE *file = fopen(path, "wb");
    CHECK(file != NULL, "the photo can be written");
    if (!file) return;
    fwrite(image, 1, size, file);
    fclose(file);
    free(image);
    snprintf(message, sizeof message,
             "{\"id\": \"m1\", \"chat\": \"c1\", \"from\": \"c1\", \"timestamp\": 1764057600, \"type\": \"image\","
             " \"text\": \"the notice on the door\", \"mediaPath\": \"photo.tif\"}");
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_engine_process(engine, message, strlen(message), &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"media\":{\"sha256\"") && strstr(out, "12 point text"), "context media: %.200s", out ? out : "");
    parley_string_free(out);
    /* A path out of the directory: the message is processed, its media names the error. */
    snprintf(message, sizeof message,
             "{\"id\": \"m2\", \"chat\": \"c1\", \"from\": \"c1\", \"timestamp\": 1764057601, \"type\": \"image\","
             " \"mediaPath\": \"../../../etc/passwd\"}");
    CHECK_STATUS(parley_engine_process(engine, message, strlen(message), &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"status\":\"processed\"") && strstr(out, "\"error\":{\"status\":\"PARLEY_"), "escape refused: %.300s", out ? out : "");
    parley_string_free(out);
    /* Not base64: the message is refused whole. */
    snprintf(message, sizeof message,
             "{\"id\": \"m3\", \"chat\": \"c1\", \"from\": \"c1\", \"timestamp\": 1764057602, \"type\": \"image\", \"mediaData\": \"***\"}");
    CHECK_STATUS(parley_engine_process(engine, message, strlen(message), &out, &len), PARLEY_INVALID_MESSAGE);

    CHECK_STATUS(parley_gallery_query(engine, "{\"text\": \"point text\"}", &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"messageId\":\"m1\"") && strstr(out, "\"caption\":\"the notice on the door\""), "gallery: %.200s", out ? out : "");
    char sha[65] = {0};
    const char *at = out ? strstr(out, "\"sha256\":\"") : NULL;
    if (at) memcpy(sha, at + 10, 64);
    parley_string_free(out);
    CHECK_STATUS(parley_gallery_get(engine, sha, &out, &len), PARLEY_OK);
    CHECK(out && strstr(out, "\"messages\":[{\"chat\":\"c1\",\"messageId\":\"m1\""), "item: %.200s", out ? out : "");
    parley_string_free(out);
    CHECK_STATUS(parley_gallery_get(engine, "0000000000000000000000000000000000000000000000000000000000000000", &out, &len), PARLEY_NOT_FOUND);
    CHECK_STATUS(parley_gallery_query(engine, "{\"kind\": \"hologram\"}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_gallery_query(engine, NULL, NULL, &len), PARLEY_INVALID_ARGUMENT);
    parley_engine_close(engine);
    unlink(path);
    char command[160];
    snprintf(command, sizeof command, "rm -rf '%s'", dir);
    CHECK(system(command) == 0, "cleanup");
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: test_media FIXTURES_DIR\n");
        return 2;
    }
    fixtures = argv[1];
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open("{\"media\": {\"documents\": {\"maxUncompressedBytes\": 10485760}}}", &engine), PARLEY_OK);
    test_direct_reads(engine);
    test_host_transcriber(engine);
    parley_engine_close(engine);
    /* Readers turned off: their calls say so. */
    CHECK_STATUS(parley_engine_open("{\"media\": {\"ocr\": false, \"voice\": false}}", &engine), PARLEY_OK);
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_media_ocr(engine, (const unsigned char *)"\x89PNG", 4, NULL, &out, &len), PARLEY_UNSUPPORTED);
    CHECK_STATUS(parley_media_set_transcriber(engine, fake_cloud, NULL), PARLEY_UNSUPPORTED);
    parley_engine_close(engine);
    test_messages_and_gallery();
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
