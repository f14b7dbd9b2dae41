/* The documented contract of include/parley.h, checked from the header alone, the way an
 * outside host author reads it: NULL and bad input on every entry point that takes host bytes
 * (NULL pointers, zero lengths, malformed JSON, invalid UTF-8, unknown or mistyped keys,
 * out-of-range values), the promise that outputs are cleared and an error message is set on
 * failure, then the happy path of the main flows, and the thread-safety promises.
 * Deterministic; fixtures from argv[1] (default Tests/Fixtures); prints "N passed, N failed". */
#define _POSIX_C_SOURCE 200809L
#include "parley.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

static const char *fixtures = "Tests/Fixtures";

/* A non-NULL pointer that is never dereferenced: outputs are set to it before a call that must
 * fail, then checked to be cleared. */
#define SENTINEL ((char *)(uintptr_t)0x1)
#define BAD_UTF8 "\xC3\x28"

/* A failing call that must clear *out / *out_len and set parley_last_error(). */
#define CHECK_FAILS(call, expected)                                                    \
    do {                                                                               \
        out = SENTINEL;                                                                \
        len = 77;                                                                      \
        CHECK_STATUS(call, expected);                                                  \
        CHECK(out == NULL && len == 0, "%s: outputs not cleared on failure", #call);   \
        if (out != NULL && out != SENTINEL) parley_string_free(out);                   \
        out = NULL;                                                                    \
    } while (0)

/* A strict JSON validator (RFC 8259): every JSON document Parley writes must parse. */
static const char *json_value(const char *p, int depth);

static const char *json_ws(const char *p) {
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
    return p;
}

static const char *json_string(const char *p) {
    if (*p++ != '"') return NULL;
    while (*p && *p != '"') {
        unsigned char c = (unsigned char)*p;
        if (c < 0x20) return NULL;
        if (c == '\\') {
            p++;
            if (*p == 'u') {
                for (int i = 1; i <= 4; i++)
                    if (!((p[i] >= '0' && p[i] <= '9') || (p[i] >= 'a' && p[i] <= 'f') || (p[i] >= 'A' && p[i] <= 'F'))) return NULL;
                p += 5;
            } else if (*p && strchr("\"\\/bfnrt", *p)) {
                p++;
            } else {
                return NULL;
            }
        } else {
            p++;
        }
    }
    return *p == '"' ? p + 1 : NULL;
}

static const char *json_number(const char *p) {
    if (*p == '-') p++;
    if (*p == '0') p++;
    else if (*p >= '1' && *p <= '9') while (*p >= '0' && *p <= '9') p++;
    else return NULL;
    if (*p == '.') {
        p++;
        if (!(*p >= '0' && *p <= '9')) return NULL;
        while (*p >= '0' && *p <= '9') p++;
    }
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-') p++;
        if (!(*p >= '0' && *p <= '9')) return NULL;
        while (*p >= '0' && *p <= '9') p++;
    }
    return p;
}

static const char *json_value(const char *p, int depth) {
    if (depth > 200) return NULL;
    p = json_ws(p);
    if (*p == '{') {
        p = json_ws(p + 1);
        if (*p == '}') return p + 1;
        for (;;) {
            p = json_string(json_ws(p));
            if (!p) return NULL;
            p = json_ws(p);
            if (*p++ != ':') return NULL;
            p = json_value(p, depth + 1);
            if (!p) return NULL;
            p = json_ws(p);
            if (*p == '}') return p + 1;
            if (*p++ != ',') return NULL;
        }
    }
    if (*p == '[') {
        p = json_ws(p + 1);
        if (*p == ']') return p + 1;
        for (;;) {
            p = json_value(p, depth + 1);
            if (!p) return NULL;
            p = json_ws(p);
            if (*p == ']') return p + 1;
            if (*p++ != ',') return NULL;
        }
    }
    if (*p == '"') return json_string(p);
    if (!strncmp(p, "true", 4)) return p + 4;
    if (!strncmp(p, "false", 5)) return p + 5;
    if (!strncmp(p, "null", 4)) return p + 4;
    return json_number(p);
}

static int json_valid(const char *s) {
    if (!s) return 0;
    const char *end = json_value(s, 0);
    return end && *json_ws(end) == '\0';
}

/* A succeeding call whose output must be a NUL-terminated string of *out_len bytes. */
#define CHECK_OUT(call)                                                                            \
    do {                                                                                           \
        out = NULL;                                                                                \
        len = 0;                                                                                   \
        CHECK_STATUS(call, PARLEY_OK);                                                             \
        CHECK(out != NULL && strlen(out) == len, "%s: out/out_len disagree", #call);              \
        if (out && (out[0] == '{' || out[0] == '['))                                               \
            CHECK(json_valid(out), "%s: output is not valid JSON: %.300s", #call, out);            \
    } while (0)

#define HAS(s, needle) ((s) != NULL && strstr((s), (needle)) != NULL)
#define SHOW(s) ((s) ? (s) : "(null)")

static unsigned char *read_fixture(const char *relative, size_t *size) {
    return read_file_in(fixtures, relative, size);
}

/* The string value of "key":"..." after the first occurrence of `after` (or from the start). */
static void json_string_after(const char *json, const char *after, const char *key, char *dst, size_t cap) {
    dst[0] = '\0';
    if (!json) return;
    const char *p = after ? strstr(json, after) : json;
    if (!p) return;
    char pattern[64];
    snprintf(pattern, sizeof pattern, "\"%s\":\"", key);
    p = strstr(p, pattern);
    if (!p) return;
    p += strlen(pattern);
    size_t n = strcspn(p, "\"");
    if (n >= cap) n = cap - 1;
    memcpy(dst, p, n);
    dst[n] = '\0';
}

static long long json_int_after(const char *json, const char *after, const char *key) {
    if (!json) return -1;
    const char *p = after ? strstr(json, after) : json;
    if (!p) return -1;
    char pattern[64];
    snprintf(pattern, sizeof pattern, "\"%s\":", key);
    p = strstr(p, pattern);
    if (!p) return -1;
    return strtoll(p + strlen(pattern), NULL, 10);
}

static int schema_ok(const char *json) { return HAS(json, "\"schema\":1"); }

static parley_status process(parley_engine *engine, const char *json, char **out, size_t *len) {
    return parley_engine_process(engine, json, strlen(json), out, len);
}

static char store_dir[64];
static char store_config[512];

/* ---------------------------------------------------------------------------------------- */

static void test_library(void) {
    char expected[32];
    snprintf(expected, sizeof expected, "%d.%d.%d", PARLEY_VERSION_MAJOR, PARLEY_VERSION_MINOR, PARLEY_VERSION_PATCH);
    CHECK(strcmp(parley_version(), expected) == 0, "version %s, header %s", parley_version(), expected);
    static const char *names[] = {"PARLEY_OK", "PARLEY_INVALID_ARGUMENT", "PARLEY_MALFORMED_JSON", "PARLEY_INVALID_UTF8",
                                  "PARLEY_INVALID_MESSAGE", "PARLEY_TOO_LARGE", "PARLEY_UNSUPPORTED", "PARLEY_BAD_SIGNATURE",
                                  "PARLEY_INVALID_CONFIG", "PARLEY_BUSY", "PARLEY_STORAGE", "PARLEY_CORRUPT",
                                  "PARLEY_TIMEOUT", "PARLEY_INTERNAL", "PARLEY_NOT_FOUND", "PARLEY_BAD_MEDIA"};
    for (int code = 0; code <= PARLEY_BAD_MEDIA; code++)
        CHECK(strcmp(parley_status_name((parley_status)code), names[code]) == 0, "name of %d: %s", code,
              parley_status_name((parley_status)code));
    CHECK(strcmp(parley_status_name((parley_status)16), "PARLEY_UNKNOWN_STATUS") == 0, "16 is unknown");
    CHECK(strcmp(parley_status_name((parley_status)-1), "PARLEY_UNKNOWN_STATUS") == 0, "-1 is unknown");
    CHECK(parley_last_error() != NULL && parley_last_error()[0] == '\0', "no failure yet: last error is \"\"");
    parley_string_free(NULL);
    parley_engine_close(NULL);
    parley_session_lock_release(NULL);
    /* The test's own JSON validator accepts and refuses what it should. */
    CHECK(json_valid("{\"a\":[1,-2.5e3,true,null,\"x\\u00e9\"]}") && !json_valid("{a:1}") && !json_valid("[1,]") &&
              !json_valid("{\"a\":1} x") && !json_valid("\"\t\""),
          "JSON validator self-check");
}

static void test_open_config(void) {
    parley_engine *engine = (parley_engine *)1;
    CHECK_STATUS(parley_engine_open(NULL, &engine), PARLEY_OK);
    CHECK(engine != NULL && engine != (parley_engine *)1, "engine set");
    parley_engine_close(engine);
    CHECK_STATUS(parley_engine_open("{}", &engine), PARLEY_OK);
    parley_engine_close(engine);
    CHECK_STATUS(parley_engine_open(NULL, NULL), PARLEY_INVALID_ARGUMENT);

    struct { const char *config; parley_status expected; } cases[] = {
        {"", PARLEY_MALFORMED_JSON},
        {"{\"store\":", PARLEY_MALFORMED_JSON},
        {"{\"region\": \"RW\",}", PARLEY_MALFORMED_JSON},
        {"{\"region\": \"" BAD_UTF8 "\"}", PARLEY_INVALID_UTF8},
        {"{\"" BAD_UTF8 "\": 1}", PARLEY_INVALID_UTF8},
        {"[]", PARLEY_INVALID_CONFIG},
        {"42", PARLEY_INVALID_CONFIG},
        {"null", PARLEY_INVALID_CONFIG},
        {"{\"colour\": 1}", PARLEY_INVALID_CONFIG},
        {"{\"store\": {\"pathh\": \"x.db\"}}", PARLEY_INVALID_CONFIG},
        {"{\"store\": {\"path\": 7}}", PARLEY_INVALID_CONFIG},
        {"{\"store\": {\"synchronous\": \"sometimes\"}}", PARLEY_INVALID_CONFIG},
        {"{\"store\": {\"busyTimeoutMillis\": -1}}", PARLEY_INVALID_CONFIG},
        {"{\"store\": {\"busyTimeoutMillis\": 600001}}", PARLEY_INVALID_CONFIG},
        {"{\"store\": {\"busyTimeoutMillis\": \"5000\"}}", PARLEY_INVALID_CONFIG},
        {"{\"region\": 250}", PARLEY_INVALID_CONFIG},
        {"{\"phoneRegionFromSender\": \"yes\"}", PARLEY_INVALID_CONFIG},
        {"{\"dayFirst\": 1}", PARLEY_INVALID_CONFIG},
        {"{\"webhook\": {\"appSecret\": 5}}", PARLEY_INVALID_CONFIG},
        {"{\"webhook\": {\"replayWindowSeconds\": 2592001}}", PARLEY_INVALID_CONFIG},
        {"{\"webhook\": {\"replayWindowSeconds\": -1}}", PARLEY_INVALID_CONFIG},
        {"{\"webhook\": {\"secret\": \"x\"}}", PARLEY_INVALID_CONFIG},
        {"{\"log\": {\"level\": \"verbose\"}}", PARLEY_INVALID_CONFIG},
        {"{\"limits\": {\"maxMessageBytes\": \"big\"}}", PARLEY_INVALID_CONFIG},
        {"{\"limits\": {\"maxMessageBytes\": -5}}", PARLEY_INVALID_CONFIG},
        {"{\"threads\": {\"inactivityMinutes\": \"4h\"}}", PARLEY_INVALID_CONFIG},
        {"{\"lookups\": {\"property\": 5}}", PARLEY_INVALID_CONFIG},
        {"{\"language\": {\"emojiWeight\": 11}}", PARLEY_INVALID_CONFIG},
        {"{\"language\": {\"emojiWeight\": -0.5}}", PARLEY_INVALID_CONFIG},
        {"{\"language\": {\"intentThreshold\": \"high\"}}", PARLEY_INVALID_CONFIG},
        {"{\"retention\": {\"days\": 36501}}", PARLEY_INVALID_CONFIG},
        {"{\"retention\": {\"days\": -1}}", PARLEY_INVALID_CONFIG},
        {"{\"retention\": {\"intervalMinutes\": 0}}", PARLEY_INVALID_CONFIG},
        {"{\"retention\": {\"intervalMinutes\": 10081}}", PARLEY_INVALID_CONFIG},
        {"{\"breakers\": {\"default\": {\"failureRate\": 0}}}", PARLEY_INVALID_CONFIG},
        {"{\"breakers\": {\"default\": {\"failureRate\": 1.5}}}", PARLEY_INVALID_CONFIG},
        {"{\"breakers\": {\"default\": {\"window\": 0}}}", PARLEY_INVALID_CONFIG},
        {"{\"breakers\": {\"default\": {\"window\": 10001}}}", PARLEY_INVALID_CONFIG},
        {"{\"breakers\": {\"default\": {\"window\": 5, \"minimumCalls\": 6}}}", PARLEY_INVALID_CONFIG},
        {"{\"breakers\": {\"default\": {\"openSeconds\": 0}}}", PARLEY_INVALID_CONFIG},
        {"{\"breakers\": {\"default\": {\"halfOpenPermits\": 1001}}}", PARLEY_INVALID_CONFIG},
        {"{\"breakers\": {\"sheets\": {\"colour\": 1}}}", PARLEY_INVALID_CONFIG},
        {"{\"retries\": {\"attempts\": 0}}", PARLEY_INVALID_CONFIG},
        {"{\"retries\": {\"attempts\": 101}}", PARLEY_INVALID_CONFIG},
        {"{\"retries\": {\"jitter\": 0.95}}", PARLEY_INVALID_CONFIG},
        {"{\"retries\": {\"firstDelaySeconds\": 600, \"maxDelaySeconds\": 60}}", PARLEY_INVALID_CONFIG},
        {"{\"cache\": {\"maxBytes\": 100}}", PARLEY_INVALID_CONFIG},
        {"{\"cache\": {\"ttlMs\": 0}}", PARLEY_INVALID_CONFIG},
        {"{\"cache\": {\"maxKeyBytes\": 8}}", PARLEY_INVALID_CONFIG},
        {"{\"cache\": {\"leaseMs\": 3600001}}", PARLEY_INVALID_CONFIG},
        {"{\"cache\": {\"colour\": 1}}", PARLEY_INVALID_CONFIG},
        {"{\"outbox\": {\"tier\": 500}}", PARLEY_INVALID_CONFIG},
        {"{\"outbox\": {\"preset\": \"fast\"}}", PARLEY_INVALID_CONFIG},
        {"{\"outbox\": {\"highReserve\": 0.95}}", PARLEY_INVALID_CONFIG},
        {"{\"outbox\": {\"colour\": 1}}", PARLEY_INVALID_CONFIG},
        {"{\"session\": {\"colour\": 1}}", PARLEY_INVALID_CONFIG},
        {"{\"session\": {\"staleAfterMs\": \"soon\"}}", PARLEY_INVALID_CONFIG},
        {"{\"media\": {\"colour\": 1}}", PARLEY_INVALID_CONFIG},
        {"{\"media\": {\"ocr\": {\"colour\": 1}}}", PARLEY_INVALID_CONFIG},
        {"{\"metrics\": {\"colour\": 1}}", PARLEY_INVALID_CONFIG},
        {"{\"queue\": {\"highWater\": \"many\"}}", PARLEY_INVALID_CONFIG},
        {"{\"priorities\": {\"vipChats\": \"c1\"}}", PARLEY_INVALID_CONFIG},
        {"{\"core\": {\"colour\": 1}}", PARLEY_INVALID_CONFIG},
        {"{\"ordering\": {\"colour\": 1}}", PARLEY_INVALID_CONFIG},
        {"{\"degradation\": {\"colour\": 1}}", PARLEY_INVALID_CONFIG},
        {"{\"dedup\": {\"colour\": 1}}", PARLEY_INVALID_CONFIG},
        {"{\"chatHealth\": {\"colour\": 1}}", PARLEY_INVALID_CONFIG},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        engine = (parley_engine *)1;
        parley_status got = parley_engine_open(cases[i].config, &engine);
        CHECK(got == cases[i].expected, "open(%s) gave %s, expected %s", cases[i].config, parley_status_name(got),
              parley_status_name(cases[i].expected));
        CHECK(got == PARLEY_OK || parley_last_error()[0] != '\0', "open(%s): no error message", cases[i].config);
        if (got == PARLEY_OK) parley_engine_close(engine);
        else CHECK(engine == NULL, "open(%s): out_engine not NULL on failure", cases[i].config);
    }

    /* Valid boundary values open. */
    static const char *valid[] = {
        "{\"store\": {\"busyTimeoutMillis\": 0}}",
        "{\"store\": {\"busyTimeoutMillis\": 600000}}",
        "{\"webhook\": {\"replayWindowSeconds\": 2592000}}",
        "{\"language\": {\"emojiWeight\": 10}}",
        "{\"retention\": {\"days\": 36500, \"intervalMinutes\": 10080}}",
        "{\"breakers\": {\"default\": {\"failureRate\": 1, \"window\": 5}}}",
        "{\"region\": \"RW\", \"currency\": \"RWF\", \"timeZone\": \"Africa/Kigali\", \"dayFirst\": true}",
        "{\"timeZone\": \"+02:00\"}",
    };
    for (size_t i = 0; i < sizeof valid / sizeof valid[0]; i++) {
        engine = NULL;
        parley_status got = parley_engine_open(valid[i], &engine);
        CHECK(got == PARLEY_OK, "open(%s) gave %s", valid[i], parley_status_name(got));
        parley_engine_close(engine);
    }

    /* Store failures: a directory that does not exist, a file that is not a database. */
    char config[512], path[256];
    snprintf(config, sizeof config, "{\"store\": {\"path\": \"%s/no/such/dir/p.db\"}}", store_dir);
    engine = (parley_engine *)1;
    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_STORAGE);
    CHECK(engine == NULL, "NULL engine after STORAGE");
    snprintf(path, sizeof path, "%s/notes.db", store_dir);
    FILE *f = fopen(path, "w");
    if (f) {
        for (int i = 0; i < 100; i++) fputs("not a sqlite database, only a tenant's notes\n", f);
        fclose(f);
    }
    snprintf(config, sizeof config, "{\"store\": {\"path\": \"%s\"}}", path);
    engine = (parley_engine *)1;
    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_CORRUPT);
    CHECK(engine == NULL, "NULL engine after CORRUPT");
    unlink(path);
}

/* ---------------------------------------------------------------------------------------- */
/* SHA-256 and HMAC (no OpenSSL: the host build links only -lParley). */

typedef struct { uint32_t h[8]; uint64_t bits; unsigned char buf[64]; size_t used; } sha256_ctx;

static const uint32_t K256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
    0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
    0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
    0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void sha256_block(sha256_ctx *c, const unsigned char *p) {
    uint32_t w[64], a, b, d, e, f, g, h, cc;
    for (int i = 0; i < 16; i++) w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    a = c->h[0]; b = c->h[1]; cc = c->h[2]; d = c->h[3]; e = c->h[4]; f = c->h[5]; g = c->h[6]; h = c->h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = h + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) + ((e & f) ^ (~e & g)) + K256[i] + w[i];
        uint32_t t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) + ((a & b) ^ (a & cc) ^ (b & cc));
        h = g; g = f; f = e; e = d + t1; d = cc; cc = b; b = a; a = t1 + t2;
    }
    c->h[0] += a; c->h[1] += b; c->h[2] += cc; c->h[3] += d; c->h[4] += e; c->h[5] += f; c->h[6] += g; c->h[7] += h;
}

static void sha256_init(sha256_ctx *c) {
    static const uint32_t iv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    memcpy(c->h, iv, sizeof iv);
    c->bits = 0;
    c->used = 0;
}

static void sha256_update(sha256_ctx *c, const unsigned char *p, size_t n) {
    c->bits += (uint64_t)n * 8;
    while (n--) {
        c->buf[c->used++] = *p++;
        if (c->used == 64) { sha256_block(c, c->buf); c->used = 0; }
    }
}

static void sha256_final(sha256_ctx *c, unsigned char out[32]) {
    uint64_t bits = c->bits;
    unsigned char pad = 0x80, zero = 0, len[8];
    sha256_update(c, &pad, 1);
    while (c->used != 56) sha256_update(c, &zero, 1);
    for (int i = 0; i < 8; i++) len[i] = (unsigned char)(bits >> (56 - 8 * i));
    sha256_update(c, len, 8);
    for (int i = 0; i < 8; i++) {
        out[4 * i] = (unsigned char)(c->h[i] >> 24); out[4 * i + 1] = (unsigned char)(c->h[i] >> 16);
        out[4 * i + 2] = (unsigned char)(c->h[i] >> 8); out[4 * i + 3] = (unsigned char)c->h[i];
    }
}

static void sha256_hex(const unsigned char *p, size_t n, char hex[65]) {
    sha256_ctx c;
    unsigned char d[32];
    sha256_init(&c);
    sha256_update(&c, p, n);
    sha256_final(&c, d);
    for (int i = 0; i < 32; i++) sprintf(hex + 2 * i, "%02x", d[i]);
}

/* "sha256=<hex>" of HMAC-SHA256(secret, body). */
static void sign_body(const char *secret, const char *body, size_t n, char header[80]) {
    unsigned char key[64] = {0}, ipad[64], opad[64], inner[32], digest[32];
    size_t klen = strlen(secret);
    memcpy(key, secret, klen < 64 ? klen : 64);
    for (int i = 0; i < 64; i++) { ipad[i] = key[i] ^ 0x36; opad[i] = key[i] ^ 0x5c; }
    sha256_ctx c;
    sha256_init(&c); sha256_update(&c, ipad, 64); sha256_update(&c, (const unsigned char *)body, n); sha256_final(&c, inner);
    sha256_init(&c); sha256_update(&c, opad, 64); sha256_update(&c, inner, 32); sha256_final(&c, digest);
    strcpy(header, "sha256=");
    for (int i = 0; i < 32; i++) sprintf(header + 7 + 2 * i, "%02x", digest[i]);
}

/* ---------------------------------------------------------------------------------------- */

#define MSG(id, chat, ts, text) \
    "{\"id\":\"" id "\",\"chat\":\"" chat "\",\"from\":\"" chat "\",\"timestamp\":" #ts ",\"type\":\"text\",\"text\":\"" text "\"}"

static const char *NORMALIZED = MSG("n1", "250788123456@c.us", 1764052800,
                                    "Hi, I paid RWF 350,000 for unit 4B yesterday. Call me on +250 788 123 456");

static const char *WWEBJS =
    "{\"id\":{\"fromMe\":false,\"remote\":\"250788111222@c.us\",\"id\":\"3EB0C431C6F1A9B8D2E1\","
    "\"_serialized\":\"false_250788111222@c.us_3EB0C431C6F1A9B8D2E1\"},\"ack\":1,\"hasMedia\":false,"
    "\"body\":\"Hello, is unit 7A still available? What is the price per month?\",\"type\":\"chat\",\"timestamp\":1764052800,"
    "\"from\":\"250788111222@c.us\",\"to\":\"250700000001@c.us\",\"deviceType\":\"android\",\"isForwarded\":false,"
    "\"fromMe\":false,\"hasQuotedMsg\":false,\"hasReaction\":false,\"vCards\":[],\"mentionedIds\":[],\"links\":[],"
    "\"_data\":{\"notifyName\":\"Aline\"}}";

static const char *BAILEYS =
    "{\"key\":{\"remoteJid\":\"250788333444@s.whatsapp.net\",\"fromMe\":false,\"id\":\"3A5F1B2C4D6E8F90\"},"
    "\"messageTimestamp\":1764052800,\"pushName\":\"Jean\",\"broadcast\":false,"
    "\"message\":{\"conversation\":\"The kitchen tap in apt 12 is leaking, water everywhere, please send someone ASAP\","
    "\"messageContextInfo\":{\"deviceListMetadata\":{},\"deviceListMetadataVersion\":2}}}";

static void test_process_bad_input(void) {
    parley_engine *engine = NULL;
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_engine_open("{\"limits\": {\"maxMessageBytes\": 4096}}", &engine), PARLEY_OK);
    size_t n = strlen(NORMALIZED);

    CHECK_FAILS(parley_engine_process(NULL, NORMALIZED, n, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_engine_process(engine, NULL, n, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_engine_process(engine, NORMALIZED, 0, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_engine_process(engine, NULL, 0, &out, &len), PARLEY_INVALID_ARGUMENT);
    len = 5;
    CHECK_STATUS(parley_engine_process(engine, NORMALIZED, n, NULL, &len), PARLEY_INVALID_ARGUMENT);
    CHECK(len == 0, "out_len cleared when out_json is NULL");
    out = SENTINEL;
    CHECK_STATUS(parley_engine_process(engine, NORMALIZED, n, &out, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK(out == NULL, "out_json cleared when out_len is NULL");

    struct { const char *json; parley_status expected; } cases[] = {
        {"{", PARLEY_MALFORMED_JSON},
        {"not json", PARLEY_MALFORMED_JSON},
        {"{\"id\":\"x\",}", PARLEY_MALFORMED_JSON},
        {"{\"id\":\"b1\",\"chat\":\"c\",\"from\":\"f\",\"timestamp\":1,\"type\":\"text\",\"text\":\"hi\"} trailing", PARLEY_MALFORMED_JSON},
        {"{\"id\":\"b2\",\"chat\":\"c\",\"from\":\"f\",\"timestamp\":1,\"type\":\"text\",\"text\":\"caf" BAD_UTF8 "\"}", PARLEY_INVALID_UTF8},
        {"{\"id\":\"b3\",\"chat\":\"c\",\"from\":\"f\",\"timestamp\":1,\"type\":\"text\",\"text\":\"\xFF\xFE\"}", PARLEY_INVALID_UTF8},
        {"{\"id\":\"b4\",\"chat\":\"c\",\"from\":\"f\",\"timestamp\":1,\"type\":\"text\",\"text\":\"\xC0\xAF overlong\"}", PARLEY_INVALID_UTF8},
        {"{\"id\":\"b5\",\"chat\":\"c\",\"from\":\"f\",\"timestamp\":1,\"type\":\"text\",\"text\":\"\xED\xA0\x80 surrogate\"}", PARLEY_INVALID_UTF8},
        {"{\"id\":\"b6\",\"chat\":\"c\",\"from\":\"f\",\"timestamp\":1,\"type\":\"text\",\"text\":\"cut \xE2\x82\"}", PARLEY_INVALID_UTF8},
        {"{\"i" BAD_UTF8 "d\":\"b7\"}", PARLEY_INVALID_UTF8},
        {"[1,2,3]", PARLEY_INVALID_MESSAGE},
        {"\"just a string\"", PARLEY_INVALID_MESSAGE},
        {"42", PARLEY_INVALID_MESSAGE},
        {"null", PARLEY_INVALID_MESSAGE},
        {"{\"id\":5,\"chat\":\"c\",\"from\":\"f\",\"timestamp\":1,\"type\":\"text\",\"text\":\"hi\"}", PARLEY_INVALID_MESSAGE},
        {"{\"chat\":\"c\",\"from\":\"f\",\"timestamp\":1,\"type\":\"text\",\"text\":\"no id\"}", PARLEY_INVALID_MESSAGE},
        {"{\"id\":\"b8\",\"from\":\"f\",\"timestamp\":1,\"type\":\"text\",\"text\":\"no chat\"}", PARLEY_INVALID_MESSAGE},
        {"{\"id\":\"b9\",\"chat\":\"c\",\"from\":\"f\",\"type\":\"text\",\"text\":\"no timestamp\"}", PARLEY_INVALID_MESSAGE},
        {"{\"id\":\"b10\",\"chat\":\"c\",\"from\":\"f\",\"timestamp\":true,\"type\":\"text\",\"text\":\"bool ts\"}", PARLEY_INVALID_MESSAGE},
        {"{\"id\":\"b11\",\"chat\":\"c\",\"from\":\"f\",\"timestamp\":1,\"type\":\"text\",\"text\":42}", PARLEY_INVALID_MESSAGE},
        {"{\"id\":\"b12\",\"chat\":\"c\",\"from\":\"f\",\"timestamp\":1,\"type\":\"text\",\"text\":\"hi\",\"fromMe\":\"no\"}", PARLEY_INVALID_MESSAGE},
        {"{\"id\":\"b13\",\"chat\":\"c\",\"from\":\"f\",\"timestamp\":1,\"type\":\"hologram\",\"text\":\"hi\"}", PARLEY_UNSUPPORTED},
        {"{\"key\":{\"remoteJid\":\"x@s.whatsapp.net\",\"id\":\"B1\"},\"messageTimestamp\":1,\"message\":{\"pollCreationMessageV9\":{}}}", PARLEY_UNSUPPORTED},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        out = SENTINEL;
        len = 9;
        parley_status got = process(engine, cases[i].json, &out, &len);
        CHECK(got == cases[i].expected, "process(%s) gave %s, expected %s", cases[i].json, parley_status_name(got),
              parley_status_name(cases[i].expected));
        CHECK(got == PARLEY_OK || parley_last_error()[0] != '\0', "process #%zu: no error message", i);
        CHECK(got == PARLEY_OK || (out == NULL && len == 0), "process #%zu: outputs not cleared", i);
        if (got == PARLEY_OK) parley_string_free(out);
    }
    /* An embedded NUL inside the given length is not a valid JSON string. */
    static const char nul_inside[] = "{\"id\":\"b14\",\"chat\":\"c\",\"from\":\"f\",\"timestamp\":1,\"type\":\"text\",\"text\":\"a\0b\"}";
    out = SENTINEL;
    parley_status got = parley_engine_process(engine, nul_inside, sizeof nul_inside - 1, &out, &len);
    CHECK(got == PARLEY_MALFORMED_JSON || got == PARLEY_INVALID_MESSAGE, "raw NUL in a string: %s", parley_status_name(got));
    if (got == PARLEY_OK) parley_string_free(out);
    /* Deep nesting is refused, not a stack overflow. */
    char deep[2001];
    memset(deep, '[', 1000);
    memset(deep + 1000, ']', 1000);
    deep[2000] = '\0';
    CHECK_FAILS(parley_engine_process(engine, deep, 2000, &out, &len), PARLEY_MALFORMED_JSON);
    /* The length is honoured: one byte short is malformed, not read past. */
    CHECK_FAILS(parley_engine_process(engine, NORMALIZED, n - 1, &out, &len), PARLEY_MALFORMED_JSON);

    /* Oversized input (limits.maxMessageBytes 4096). */
    char *big = malloc(8192);
    int w = snprintf(big, 8192, "{\"id\":\"big\",\"chat\":\"c\",\"from\":\"f\",\"timestamp\":1,\"type\":\"text\",\"text\":\"");
    memset(big + w, 'a', 8000 - (size_t)w);
    strcpy(big + 8000, "\"}");
    CHECK_FAILS(parley_engine_process(engine, big, strlen(big), &out, &len), PARLEY_TOO_LARGE);
    /* Oversized and malformed at once: the size is checked first (documented order of statuses is not promised,
     * but either documented code is acceptable). */
    got = parley_engine_process(engine, big, 8100 > strlen(big) ? strlen(big) - 2 : 0, &out, &len);
    CHECK(got == PARLEY_TOO_LARGE || got == PARLEY_MALFORMED_JSON, "oversized+malformed: %s", parley_status_name(got));
    free(big);

    /* Nothing is stored on failure: an id refused for its type is new when it comes back valid. */
    CHECK_FAILS(process(engine, "{\"id\":\"r1\",\"chat\":\"c\",\"from\":\"f\",\"timestamp\":1,\"type\":\"hologram\",\"text\":\"hi\"}", &out, &len),
                PARLEY_UNSUPPORTED);
    CHECK_OUT(process(engine, "{\"id\":\"r1\",\"chat\":\"c\",\"from\":\"f\",\"timestamp\":1,\"type\":\"text\",\"text\":\"hi there\"}", &out, &len));
    CHECK(HAS(out, "\"status\":\"processed\""), "refused id is new afterwards: %s", SHOW(out));
    parley_string_free(out);

    /* A JSON lone-surrogate escape must not produce invalid UTF-8 output. */
    got = process(engine, "{\"id\":\"s1\",\"chat\":\"c\",\"from\":\"f\",\"timestamp\":2,\"type\":\"text\",\"text\":\"x \\ud800 y\"}", &out, &len);
    CHECK(got == PARLEY_OK || got == PARLEY_INVALID_UTF8 || got == PARLEY_MALFORMED_JSON, "lone surrogate escape: %s",
          parley_status_name(got));
    if (got == PARLEY_OK) {
        CHECK(strstr(out, "\xED\xA0\x80") == NULL, "lone surrogate written as CESU bytes: %s", out);
        parley_string_free(out);
    }
    parley_engine_close(engine);
}

/* ---------------------------------------------------------------------------------------- */

static char first_thread[128];

static void test_process_formats(void) {
    parley_engine *engine = NULL;
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_engine_open(store_config, &engine), PARLEY_OK);
    if (!engine) return;

    CHECK_OUT(process(engine, NORMALIZED, &out, &len));
    CHECK(schema_ok(out) && HAS(out, "\"format\":\"normalized\"") && HAS(out, "\"status\":\"processed\""), "normalized: %s", SHOW(out));
    CHECK(HAS(out, "\"type\":\"money\"") && HAS(out, "\"e164\":\"+250788123456\"") && HAS(out, "\"type\":\"unit\""),
          "money, phone, unit: %s", SHOW(out));
    CHECK(HAS(out, "\"intent\":{\"name\":\"rent_payment\""), "rent_payment intent: %s", SHOW(out));
    CHECK(HAS(out, "\"language\":{\"code\":\"en\"") && HAS(out, "\"sentiment\":{") && HAS(out, "\"timings\":{\"totalMicros\""),
          "language, sentiment, timings: %s", SHOW(out));
    CHECK(HAS(out, "\"thread\":{\"id\":\"") && HAS(out, "\"new\":true"), "a new thread: %s", SHOW(out));
    json_string_after(out, "\"thread\":{", "id", first_thread, sizeof first_thread);
    parley_string_free(out);

    /* The input need not be NUL-terminated: only message_len bytes are read. */
    size_t n = strlen(NORMALIZED);
    char *unterminated = malloc(n + 4);
    memcpy(unterminated, NORMALIZED, n);
    memcpy(unterminated + n, "}}}}", 4);
    CHECK_OUT(parley_engine_process(engine, unterminated, n, &out, &len));
    CHECK(HAS(out, "\"status\":\"duplicate\""), "same (chat, id) again is a duplicate: %s", SHOW(out));
    free(unterminated);
    parley_string_free(out);

    CHECK_OUT(process(engine, WWEBJS, &out, &len));
    CHECK(schema_ok(out) && HAS(out, "\"format\":\"whatsapp-web.js\""), "whatsapp-web.js detected: %s", SHOW(out));
    CHECK(HAS(out, "\"id\":\"false_250788111222@c.us_3EB0C431C6F1A9B8D2E1\"") && HAS(out, "\"chat\":\"250788111222@c.us\""),
          "wwebjs id and chat: %s", SHOW(out));
    CHECK(HAS(out, "\"type\":\"text\""), "wwebjs chat -> text: %s", SHOW(out));
    parley_string_free(out);

    CHECK_OUT(process(engine, BAILEYS, &out, &len));
    CHECK(schema_ok(out) && HAS(out, "\"format\":\"baileys\"") && HAS(out, "\"id\":\"3A5F1B2C4D6E8F90\""), "baileys: %s", SHOW(out));
    CHECK(HAS(out, "\"senderName\":\"Jean\""), "pushName -> senderName: %s", SHOW(out));
    CHECK(HAS(out, "\"intent\":{\"name\":\"maintenance_request\""), "maintenance intent: %s", SHOW(out));
    CHECK(HAS(out, "\"urgencyCues\":[\""), "urgency cues found (ASAP, water everywhere): %s", SHOW(out));
    parley_string_free(out);

    /* Other message types give their text from their details. */
    CHECK_OUT(process(engine, "{\"id\":\"loc1\",\"chat\":\"c-types\",\"from\":\"u1\",\"timestamp\":1764053000,\"type\":\"location\","
                              "\"location\":{\"latitude\":-1.95,\"longitude\":30.06,\"name\":\"Nyarutarama Court\"}}", &out, &len));
    CHECK(HAS(out, "\"text\":\"Nyarutarama Court\"") && HAS(out, "\"location\":{"), "location text: %s", SHOW(out));
    parley_string_free(out);
    CHECK_OUT(process(engine, "{\"key\":{\"remoteJid\":\"250788555666@s.whatsapp.net\",\"fromMe\":false,\"id\":\"3A5FREACT1\"},"
                              "\"messageTimestamp\":1764053100,\"message\":{\"reactionMessage\":{\"key\":{\"remoteJid\":"
                              "\"250788555666@s.whatsapp.net\",\"fromMe\":true,\"id\":\"BOTMSG1\"},\"text\":\"\xF0\x9F\x91\x8D\"}}}",
                      &out, &len));
    CHECK(HAS(out, "\"type\":\"reaction\"") && HAS(out, "\"emoji\":\"\xF0\x9F\x91\x8D\""), "reaction: %s", SHOW(out));
    parley_string_free(out);
    CHECK_OUT(process(engine, "{\"key\":{\"remoteJid\":\"250788555666@s.whatsapp.net\",\"fromMe\":false,\"id\":\"3A5FBTN1\"},"
                              "\"messageTimestamp\":1764053200,\"message\":{\"buttonsResponseMessage\":{\"selectedButtonId\":\"book\","
                              "\"selectedDisplayText\":\"Book a viewing\"}}}", &out, &len));
    CHECK(HAS(out, "\"type\":\"interactive\"") && HAS(out, "\"title\":\"Book a viewing\""), "button reply: %s", SHOW(out));
    parley_string_free(out);
    CHECK_OUT(process(engine, "{\"id\":\"ct1\",\"chat\":\"c-types\",\"from\":\"u1\",\"timestamp\":1764053300,\"type\":\"contacts\","
                              "\"contacts\":[{\"name\":\"Eric Plumber\",\"phones\":[{\"phone\":\"+250 788 765 432\"}]}]}", &out, &len));
    CHECK(HAS(out, "\"type\":\"contacts\"") && HAS(out, "Eric Plumber"), "contacts: %s", SHOW(out));
    parley_string_free(out);

    /* A Baileys decryption stub is pending; the real payload under the same key.id completes it. */
    CHECK_OUT(process(engine, "{\"key\":{\"remoteJid\":\"250788777888@s.whatsapp.net\",\"fromMe\":false,\"id\":\"STUB1\"},"
                              "\"messageTimestamp\":1764053400,\"messageStubType\":2}", &out, &len));
    CHECK(HAS(out, "\"status\":\"pending\""), "stub pending: %s", SHOW(out));
    parley_string_free(out);
    CHECK_OUT(process(engine, "{\"key\":{\"remoteJid\":\"250788777888@s.whatsapp.net\",\"fromMe\":false,\"id\":\"STUB1\"},"
                              "\"messageTimestamp\":1764053400,\"message\":{\"conversation\":\"Can I book a viewing for Saturday?\"}}",
                      &out, &len));
    CHECK(HAS(out, "\"status\":\"processed\"") && HAS(out, "Saturday"), "payload completes the stub: %s", SHOW(out));
    parley_string_free(out);

    /* A re-send under a new id within 300 s is a duplicate of the first. */
    CHECK_OUT(process(engine, MSG("rs1", "c-resend", 1764060000, "Is the water back on in block C?"), &out, &len));
    CHECK(HAS(out, "\"status\":\"processed\""), "first send processed");
    parley_string_free(out);
    CHECK_OUT(process(engine, MSG("rs2", "c-resend", 1764060060, "Is the water back on in block C?"), &out, &len));
    CHECK(HAS(out, "\"status\":\"duplicate\"") && HAS(out, "\"duplicateOf\":\"rs1\""), "re-send: %s", SHOW(out));
    parley_string_free(out);
    CHECK_OUT(process(engine, MSG("rs3", "c-resend", 1764061000, "Is the water back on in block C?"), &out, &len));
    CHECK(HAS(out, "\"status\":\"processed\""), "after the 300 s window it is new: %s", SHOW(out));
    parley_string_free(out);

    /* Sequence gaps and late messages. */
    CHECK_OUT(process(engine, "{\"id\":\"q1\",\"chat\":\"c-seq\",\"from\":\"u\",\"timestamp\":1764070000,\"type\":\"text\",\"text\":\"first\",\"sequence\":1}", &out, &len));
    parley_string_free(out);
    CHECK_OUT(process(engine, "{\"id\":\"q4\",\"chat\":\"c-seq\",\"from\":\"u\",\"timestamp\":1764070100,\"type\":\"text\",\"text\":\"fourth\",\"sequence\":4}", &out, &len));
    CHECK(HAS(out, "\"gap\":{\"after\":1,\"missing\":2}"), "gap of 2 after 1: %s", SHOW(out));
    parley_string_free(out);
    CHECK_OUT(process(engine, "{\"id\":\"q2\",\"chat\":\"c-seq\",\"from\":\"u\",\"timestamp\":1764070050,\"type\":\"text\",\"text\":\"second\",\"sequence\":2}", &out, &len));
    CHECK(HAS(out, "\"late\":true"), "an older message is late: %s", SHOW(out));
    parley_string_free(out);
    CHECK_OUT(process(engine, "{\"id\":\"h1\",\"chat\":\"c-seq\",\"from\":\"u\",\"timestamp\":1764000000,\"type\":\"text\",\"text\":\"old history\",\"history\":true}", &out, &len));
    CHECK(!HAS(out, "\"late\":true"), "history is never late: %s", SHOW(out));
    parley_string_free(out);

    /* Offsets count Unicode scalars. */
    CHECK_OUT(process(engine, MSG("off1", "c-off", 1764080000, "Caf\xC3\xA9 \xF0\x9F\x98\x80 mail jane@example.com"), &out, &len));
    CHECK(HAS(out, "\"text\":\"jane@example.com\",\"start\":12,\"end\":28"), "scalar offsets: %s", SHOW(out));
    parley_string_free(out);

    parley_engine_close(engine);

    /* Committed before return: a reopen sees every message as a duplicate. */
    CHECK_STATUS(parley_engine_open(store_config, &engine), PARLEY_OK);
    if (!engine) return;
    CHECK_OUT(process(engine, NORMALIZED, &out, &len));
    CHECK(HAS(out, "\"status\":\"duplicate\""), "duplicate after reopen: %s", SHOW(out));
    parley_string_free(out);
    CHECK_OUT(process(engine, BAILEYS, &out, &len));
    CHECK(HAS(out, "\"status\":\"duplicate\""), "baileys duplicate after reopen: %s", SHOW(out));
    parley_string_free(out);
    parley_engine_close(engine);
}

static void test_threads_api(void) {
    parley_engine *engine = NULL;
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_engine_open(store_config, &engine), PARLEY_OK);
    if (!engine) return;

    CHECK_OUT(parley_thread_list(engine, NULL, &out, &len));
    CHECK(schema_ok(out) && HAS(out, "\"threads\":[{") && HAS(out, first_thread), "list: %.300s", SHOW(out));
    parley_string_free(out);
    CHECK_OUT(parley_thread_list(engine, "{\"chat\":\"250788123456@c.us\",\"state\":\"open\",\"limit\":1}", &out, &len));
    CHECK(HAS(out, first_thread) && !HAS(out, "c-seq"), "by chat: %.300s", SHOW(out));
    parley_string_free(out);
    CHECK_OUT(parley_thread_list(engine, "{\"chat\":\"no-such-chat\"}", &out, &len));
    CHECK(HAS(out, "\"threads\":[]"), "no threads: %s", SHOW(out));
    parley_string_free(out);
    CHECK_OUT(parley_thread_list(engine, "{\"limit\":1}", &out, &len));
    CHECK(HAS(out, "\"threads\":[{") && !HAS(out, "},{\"id\""), "limit 1: %.300s", SHOW(out));
    parley_string_free(out);

    CHECK_FAILS(parley_thread_list(NULL, NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_thread_list(engine, NULL, NULL, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_thread_list(engine, NULL, &out, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_thread_list(engine, "{\"limit\":", &out, &len), PARLEY_MALFORMED_JSON);
    /* "" is neither NULL nor JSON: a zero length (IA) or malformed; either is a documented reading. */
    out = SENTINEL;
    {
        parley_status got = parley_thread_list(engine, "", &out, &len);
        CHECK(got == PARLEY_MALFORMED_JSON || got == PARLEY_INVALID_ARGUMENT, "thread_list(\"\"): %s", parley_status_name(got));
        CHECK(out == NULL, "cleared");
    }
    CHECK_FAILS(parley_thread_list(engine, "{\"chat\":\"" BAD_UTF8 "\"}", &out, &len), PARLEY_INVALID_UTF8);
    CHECK_FAILS(parley_thread_list(engine, "{\"state\":\"ajar\"}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_thread_list(engine, "{\"limit\":0}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_thread_list(engine, "{\"limit\":1001}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_thread_list(engine, "{\"limit\":\"5\"}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_thread_list(engine, "{\"chat\":5}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_thread_list(engine, "{\"colour\":1}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_thread_list(engine, "[]", &out, &len), PARLEY_INVALID_ARGUMENT);

    CHECK_OUT(parley_thread_get(engine, first_thread, &out, &len));
    CHECK(schema_ok(out) && HAS(out, "\"thread\":{") && HAS(out, "\"messages\":[{") && HAS(out, "\"id\":\"n1\""),
          "get: %.300s", SHOW(out));
    parley_string_free(out);
    CHECK_FAILS(parley_thread_get(engine, "no-such-thread", &out, &len), PARLEY_NOT_FOUND);
    out = SENTINEL;
    {
        parley_status got = parley_thread_get(engine, "", &out, &len);
        /* "PARLEY_INVALID_ARGUMENT = 1, a NULL pointer, a zero length, ..." */
        CHECK(got == PARLEY_INVALID_ARGUMENT, "thread_get(\"\"): %s", parley_status_name(got));
        CHECK(out == NULL, "cleared");
    }
    CHECK_FAILS(parley_thread_get(engine, NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_thread_get(NULL, first_thread, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_thread_get(engine, BAD_UTF8, &out, &len), PARLEY_INVALID_UTF8);
    CHECK_STATUS(parley_thread_get(engine, first_thread, NULL, &len), PARLEY_INVALID_ARGUMENT);
    parley_engine_close(engine);
}

static void test_webhook(void) {
    parley_engine *engine = NULL;
    char *out = NULL;
    size_t len = 0, size = 0;
    char header[80];
    unsigned char *body = read_fixture("webhooks/cloud-api-messages.json", &size);
    CHECK(body != NULL, "webhook fixture");
    if (!body) return;
    const char *b = (const char *)body;
    CHECK_STATUS(parley_engine_open("{\"webhook\": {\"appSecret\": \"s3cret\", \"maxBodyBytes\": 8192}}", &engine), PARLEY_OK);
    if (!engine) { free(body); return; }

    sign_body("s3cret", b, size, header);
    CHECK_OUT(parley_engine_ingest_webhook(engine, b, size, header, &out, &len));
    CHECK(schema_ok(out) && HAS(out, "\"format\":\"cloud-api\"") && HAS(out, "\"contexts\":[{") && HAS(out, "\"replay\":false"),
          "webhook: %.300s", SHOW(out));
    CHECK(HAS(out, "\"rejected\":[") && HAS(out, "\"statuses\":["), "rejected and statuses arrays: %.200s", SHOW(out));
    CHECK(HAS(out, "RWF 350,000") || HAS(out, "\"type\":\"money\""), "message content: %.200s", SHOW(out));
    parley_string_free(out);
    /* The same body again: a replay whose contexts are duplicates. */
    CHECK_OUT(parley_engine_ingest_webhook(engine, b, size, header, &out, &len));
    CHECK(HAS(out, "\"replay\":true") && HAS(out, "\"status\":\"duplicate\""), "replay: %.300s", SHOW(out));
    parley_string_free(out);

    CHECK_FAILS(parley_engine_ingest_webhook(engine, b, size, NULL, &out, &len), PARLEY_BAD_SIGNATURE);
    CHECK_FAILS(parley_engine_ingest_webhook(engine, b, size, "sha256=zz", &out, &len), PARLEY_BAD_SIGNATURE);
    CHECK_FAILS(parley_engine_ingest_webhook(engine, b, size, "", &out, &len), PARLEY_BAD_SIGNATURE);
    sign_body("wrong", b, size, header);
    CHECK_FAILS(parley_engine_ingest_webhook(engine, b, size, header, &out, &len), PARLEY_BAD_SIGNATURE);
    sign_body("s3cret", b, size - 1, header);
    CHECK_FAILS(parley_engine_ingest_webhook(engine, b, size, header, &out, &len), PARLEY_BAD_SIGNATURE);
    /* Uppercase hex is the same digest; a host may pass the header as received. */
    CHECK_FAILS(parley_engine_ingest_webhook(NULL, b, size, header, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_engine_ingest_webhook(engine, NULL, size, header, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_engine_ingest_webhook(engine, b, 0, header, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_ingest_webhook(engine, b, size, header, NULL, &len), PARLEY_INVALID_ARGUMENT);
    /* Oversized: TOO_LARGE before the signature is looked at. */
    char *big = malloc(10000);
    memset(big, ' ', 10000);
    memcpy(big, b, size < 9000 ? size : 9000);
    CHECK_FAILS(parley_engine_ingest_webhook(engine, big, 10000, NULL, &out, &len), PARLEY_TOO_LARGE);
    free(big);
    /* Signed but malformed / not UTF-8 / not a WABA webhook. */
    static const char *malformed = "{\"object\":\"whatsapp_business_account\",\"entry\":[";
    sign_body("s3cret", malformed, strlen(malformed), header);
    CHECK_FAILS(parley_engine_ingest_webhook(engine, malformed, strlen(malformed), header, &out, &len), PARLEY_MALFORMED_JSON);
    static const char *bad_utf8 = "{\"object\":\"whatsapp_business_account" BAD_UTF8 "\",\"entry\":[]}";
    sign_body("s3cret", bad_utf8, strlen(bad_utf8), header);
    CHECK_FAILS(parley_engine_ingest_webhook(engine, bad_utf8, strlen(bad_utf8), header, &out, &len), PARLEY_INVALID_UTF8);
    static const char *page = "{\"object\":\"page\",\"entry\":[]}";
    sign_body("s3cret", page, strlen(page), header);
    CHECK_FAILS(parley_engine_ingest_webhook(engine, page, strlen(page), header, &out, &len), PARLEY_UNSUPPORTED);
    /* One unusable message is rejected, the others are processed. */
    static const char *mixed =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":{"
        "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"1\"},"
        "\"messages\":[{\"from\":\"250788123456\",\"id\":\"wamid.MIX1\",\"timestamp\":\"1764090000\",\"type\":\"text\","
        "\"text\":{\"body\":\"Viewing tomorrow at 10am please\"}},"
        "{\"from\":\"250788123456\",\"id\":\"wamid.MIX2\",\"timestamp\":\"1764090001\",\"type\":\"hologram\",\"hologram\":{}}]}}]}]}";
    sign_body("s3cret", mixed, strlen(mixed), header);
    CHECK_OUT(parley_engine_ingest_webhook(engine, mixed, strlen(mixed), header, &out, &len));
    CHECK(HAS(out, "wamid.MIX1") && HAS(out, "\"rejected\":[{\"id\":\"wamid.MIX2\"") && HAS(out, "PARLEY_UNSUPPORTED"),
          "mixed: %.600s", SHOW(out));
    parley_string_free(out);
    parley_engine_close(engine);

    /* Without an app secret the header is ignored. */
    CHECK_STATUS(parley_engine_open(NULL, &engine), PARLEY_OK);
    if (engine) {
        CHECK_OUT(parley_engine_ingest_webhook(engine, b, size, "sha256=garbage", &out, &len));
        CHECK(HAS(out, "\"contexts\":[{"), "unsigned webhook processed: %.200s", SHOW(out));
        parley_string_free(out);
        size_t ssize = 0;
        unsigned char *statuses = read_fixture("webhooks/cloud-api-statuses.json", &ssize);
        if (statuses) {
            CHECK_OUT(parley_engine_ingest_webhook(engine, (const char *)statuses, ssize, NULL, &out, &len));
            CHECK(HAS(out, "\"contexts\":[]") && HAS(out, "\"id\":\"wamid.OUT02\"") && HAS(out, "\"status\":\"read\""),
                  "statuses: %.400s", SHOW(out));
            parley_string_free(out);
            free(statuses);
        }
        parley_engine_close(engine);
    }
    free(body);
}

/* ---------------------------------------------------------------------------------------- */
/* Asynchronous processing */

static int count_of(const char *s, const char *needle) {
    int n = 0;
    for (const char *p = s; p && (p = strstr(p, needle)) != NULL; p += strlen(needle)) n++;
    return n;
}

typedef struct {
    pthread_mutex_t lock;
    int calls, ok, failed_calls, bad_json;
    uint64_t tickets[64];
    char order[512];
} callback_state;

static void on_result(void *user_data, uint64_t ticket, parley_status status, const char *json, size_t len) {
    callback_state *s = user_data;
    pthread_mutex_lock(&s->lock);
    if (s->calls < 64) s->tickets[s->calls] = ticket;
    s->calls++;
    if (status == PARLEY_OK) s->ok++;
    else s->failed_calls++;
    if (!json || strlen(json) != len || !json_valid(json)) s->bad_json++;
    char id[32];
    json_string_after(json, "\"message\":{", "id", id, sizeof id);
    if (strlen(s->order) + strlen(id) + 2 < sizeof s->order) { strcat(s->order, id); strcat(s->order, ","); }
    pthread_mutex_unlock(&s->lock);
}

static void test_async(void) {
    parley_engine *engine = NULL;
    char *out = NULL;
    size_t len = 0;
    uint64_t ticket = 99;
    CHECK_STATUS(parley_engine_open("{\"queue\": {\"highWater\": 6, \"lowWater\": 2}, \"limits\": {\"maxMessageBytes\": 2048}}", &engine),
                 PARLEY_OK);
    if (!engine) return;
    const char *m1 = MSG("a1", "c-async", 1764100000, "Is unit 3C available next month?");
    size_t n1 = strlen(m1);

    /* Bad input: nothing accepted, ticket untouched or zero. */
    CHECK_STATUS(parley_engine_submit(NULL, m1, n1, PARLEY_PRIORITY_NORMAL, &ticket), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_submit(engine, NULL, n1, PARLEY_PRIORITY_NORMAL, &ticket), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_submit(engine, m1, 0, PARLEY_PRIORITY_NORMAL, &ticket), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_submit(engine, m1, n1, PARLEY_PRIORITY_NORMAL, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_submit(engine, m1, n1, (parley_priority)3, &ticket), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_submit(engine, m1, n1, (parley_priority)-1, &ticket), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_submit(engine, "{\"id\":", 6, PARLEY_PRIORITY_NORMAL, &ticket), PARLEY_MALFORMED_JSON);
    static const char *bad_utf8 = "{\"id\":\"a9\",\"chat\":\"c\",\"from\":\"f\",\"timestamp\":1,\"type\":\"text\",\"text\":\"" BAD_UTF8 "\"}";
    CHECK_STATUS(parley_engine_submit(engine, bad_utf8, strlen(bad_utf8), PARLEY_PRIORITY_NORMAL, &ticket), PARLEY_INVALID_UTF8);
    CHECK_STATUS(parley_engine_submit(engine, "[1]", 3, PARLEY_PRIORITY_NORMAL, &ticket), PARLEY_INVALID_MESSAGE);
    static const char *holo = "{\"id\":\"a8\",\"chat\":\"c\",\"from\":\"f\",\"timestamp\":1,\"type\":\"hologram\",\"text\":\"x\"}";
    CHECK_STATUS(parley_engine_submit(engine, holo, strlen(holo), PARLEY_PRIORITY_NORMAL, &ticket), PARLEY_UNSUPPORTED);
    char big[4096];
    memset(big, ' ', sizeof big);
    memcpy(big, m1, n1);
    CHECK_STATUS(parley_engine_submit(engine, big, sizeof big, PARLEY_PRIORITY_NORMAL, &ticket), PARLEY_TOO_LARGE);

    CHECK_FAILS(parley_engine_poll(engine, 0, 0, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_engine_poll(NULL, 10, 0, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_poll(engine, 10, 0, NULL, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_poll(engine, 10, 0, &out, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_OUT(parley_engine_poll(engine, 10, 0, &out, &len));
    CHECK(out && strcmp(out, "[]") == 0, "nothing submitted: empty array: %s", SHOW(out));
    parley_string_free(out);

    /* Three messages of one chat come back in order, each with its ticket. */
    uint64_t t[3] = {0, 0, 0};
    CHECK_STATUS(parley_engine_submit(engine, m1, n1, PARLEY_PRIORITY_NORMAL, &t[0]), PARLEY_OK);
    const char *m2 = MSG("a2", "c-async", 1764100010, "And what is the rent for it?");
    const char *m3 = MSG("a3", "c-async", 1764100020, "Thanks, I will come on Friday at 10am");
    CHECK_STATUS(parley_engine_submit(engine, m2, strlen(m2), PARLEY_PRIORITY_LOW, &t[1]), PARLEY_OK);
    CHECK_STATUS(parley_engine_submit(engine, m3, strlen(m3), PARLEY_PRIORITY_HIGH, &t[2]), PARLEY_OK);
    CHECK(t[0] != 0 && t[1] != 0 && t[2] != 0 && t[0] != t[1] && t[1] != t[2] && t[0] != t[2], "distinct tickets");
    /* Already accepted: keeps its ticket. */
    uint64_t again = 0;
    CHECK_STATUS(parley_engine_submit(engine, m1, n1, PARLEY_PRIORITY_NORMAL, &again), PARLEY_OK);
    CHECK(again == t[0], "an accepted message keeps its ticket: %llu vs %llu", (unsigned long long)again, (unsigned long long)t[0]);
    CHECK_STATUS(parley_engine_drain(engine, 5000), PARLEY_OK);
    char collected[16384] = "";
    for (int round = 0; round < 5 && count_of(collected, "\"ticket\":") < 3; round++) {
        CHECK_OUT(parley_engine_poll(engine, 10, 1000, &out, &len));
        if (out && strlen(collected) + len < sizeof collected) strcat(collected, out);
        parley_string_free(out);
    }
    CHECK(count_of(collected, "\"ticket\":") >= 3, "three results: %.400s", collected);
    CHECK(count_of(collected, "\"status\":\"PARLEY_OK\"") >= 3, "all OK: %.400s", collected);
    const char *p1 = strstr(collected, "\"id\":\"a1\""), *p2 = strstr(collected, "\"id\":\"a2\""), *p3 = strstr(collected, "\"id\":\"a3\"");
    CHECK(p1 && p2 && p3 && p1 < p2 && p2 < p3, "one chat's results in order: %.600s", collected);
    char tick[32];
    snprintf(tick, sizeof tick, "\"ticket\":%llu", (unsigned long long)t[1]);
    CHECK(HAS(collected, tick), "ticket %s in the results", tick);

    /* Backpressure: highWater 6 results waiting -> BUSY, nothing stored. */
    int accepted = 0;
    parley_status last = PARLEY_OK;
    for (int i = 0; i < 8 && last == PARLEY_OK; i++) {
        char m[256];
        snprintf(m, sizeof m, "{\"id\":\"bp%d\",\"chat\":\"c-bp\",\"from\":\"u\",\"timestamp\":%d,\"type\":\"text\",\"text\":\"message %d\"}", i,
                 1764100100 + i, i);
        last = parley_engine_submit(engine, m, strlen(m), PARLEY_PRIORITY_NORMAL, &ticket);
        if (last == PARLEY_OK) accepted++;
    }
    CHECK(last == PARLEY_BUSY, "BUSY at highWater: %s after %d", parley_status_name(last), accepted);
    CHECK(accepted >= 5 && accepted <= 6, "accepted up to highWater: %d", accepted);
    CHECK_STATUS(parley_engine_drain(engine, 5000), PARLEY_OK);
    CHECK_OUT(parley_engine_poll(engine, 100, 100, &out, &len));
    CHECK(count_of(out, "\"ticket\":") == accepted, "%d results for %d accepted: %.200s", count_of(out, "\"ticket\":"), accepted, SHOW(out));
    parley_string_free(out);

    /* Batches. */
    static const char *batch =
        "[" MSG("b1", "c-batch", 1764100200, "first of the batch") ","
        "{\"id\":\"b2\",\"chat\":\"c-batch\",\"from\":\"u\",\"timestamp\":1764100201,\"type\":\"hologram\"},"
        MSG("b3", "c-batch", 1764100202, "third of the batch") "]";
    uint64_t tickets[3] = {7, 7, 7};
    size_t count = 99;
    CHECK_STATUS(parley_engine_submit_batch(engine, batch, strlen(batch), PARLEY_PRIORITY_NORMAL, tickets, 2, &count), PARLEY_INVALID_ARGUMENT);
    CHECK(count == 3, "out_count tells how many places: %zu", count);
    CHECK_STATUS(parley_engine_submit_batch(engine, batch, strlen(batch), PARLEY_PRIORITY_NORMAL, tickets, 3, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_submit_batch(NULL, batch, strlen(batch), PARLEY_PRIORITY_NORMAL, tickets, 3, &count), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_submit_batch(engine, NULL, 5, PARLEY_PRIORITY_NORMAL, tickets, 3, &count), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_submit_batch(engine, batch, 0, PARLEY_PRIORITY_NORMAL, tickets, 3, &count), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_submit_batch(engine, batch, strlen(batch), (parley_priority)9, tickets, 3, &count), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_submit_batch(engine, "[{\"id\":", 7, PARLEY_PRIORITY_NORMAL, tickets, 3, &count), PARLEY_MALFORMED_JSON);
    static const char *batch_utf8 = "[{\"id\":\"" BAD_UTF8 "\"}]";
    CHECK_STATUS(parley_engine_submit_batch(engine, batch_utf8, strlen(batch_utf8), PARLEY_PRIORITY_NORMAL, tickets, 3, &count),
                 PARLEY_INVALID_UTF8);
    CHECK_STATUS(parley_engine_submit_batch(engine, "42", 2, PARLEY_PRIORITY_NORMAL, tickets, 3, &count), PARLEY_INVALID_MESSAGE);
    CHECK_STATUS(parley_engine_submit_batch(engine, "\"x\"", 3, PARLEY_PRIORITY_NORMAL, tickets, 3, &count), PARLEY_INVALID_MESSAGE);
    /* More messages than highWater: TOO_LARGE, whole. */
    char many[4096] = "[";
    for (int i = 0; i < 7; i++) {
        char m[256];
        snprintf(m, sizeof m, "%s{\"id\":\"tl%d\",\"chat\":\"c-tl\",\"from\":\"u\",\"timestamp\":%d,\"type\":\"text\",\"text\":\"x%d\"}",
                 i ? "," : "", i, 1764100300 + i, i);
        strcat(many, m);
    }
    strcat(many, "]");
    uint64_t many_tickets[8];
    CHECK_STATUS(parley_engine_submit_batch(engine, many, strlen(many), PARLEY_PRIORITY_NORMAL, many_tickets, 8, &count), PARLEY_TOO_LARGE);

    count = 0;
    CHECK_STATUS(parley_engine_submit_batch(engine, batch, strlen(batch), PARLEY_PRIORITY_NORMAL, tickets, 3, &count), PARLEY_OK);
    CHECK(count == 3 && tickets[0] != 0 && tickets[1] == 0 && tickets[2] != 0, "batch tickets %zu: %llu %llu %llu", count,
          (unsigned long long)tickets[0], (unsigned long long)tickets[1], (unsigned long long)tickets[2]);
    CHECK_STATUS(parley_engine_drain(engine, 5000), PARLEY_OK);
    CHECK_OUT(parley_engine_poll(engine, 10, 500, &out, &len));
    /* Its place counted from 0, as an array index: the second message is "message 1". */
    CHECK(HAS(out, "\"ticket\":0") && HAS(out, "message 1 of the batch"), "unusable message result: %s", SHOW(out));
    CHECK(HAS(out, "\"id\":\"b1\"") && HAS(out, "\"id\":\"b3\""), "others processed: %.600s", SHOW(out));
    parley_string_free(out);

    /* Callback. */
    callback_state state;
    memset(&state, 0, sizeof state);
    pthread_mutex_init(&state.lock, NULL);
    CHECK_STATUS(parley_engine_set_callback(NULL, on_result, &state), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_set_callback(engine, on_result, &state), PARLEY_OK);
    for (int i = 0; i < 4; i++) {
        char m[256];
        snprintf(m, sizeof m, "{\"id\":\"cb%d\",\"chat\":\"c-cb\",\"from\":\"u\",\"timestamp\":%d,\"type\":\"text\",\"text\":\"callback %d\"}", i,
                 1764100400 + i, i);
        CHECK_STATUS(parley_engine_submit(engine, m, strlen(m), PARLEY_PRIORITY_NORMAL, &ticket), PARLEY_OK);
    }
    CHECK_STATUS(parley_engine_drain(engine, 5000), PARLEY_OK);
    pthread_mutex_lock(&state.lock);
    CHECK(state.calls == 4 && state.ok == 4 && state.bad_json == 0, "callback: %d calls, %d ok, %d bad json", state.calls, state.ok,
          state.bad_json);
    CHECK(strcmp(state.order, "cb0,cb1,cb2,cb3,") == 0, "callback order: %s", state.order);
    pthread_mutex_unlock(&state.lock);
    CHECK_STATUS(parley_engine_set_callback(engine, NULL, NULL), PARLEY_OK);
    CHECK_OUT(parley_engine_poll(engine, 10, 0, &out, &len));
    CHECK(out && strcmp(out, "[]") == 0, "callback took every result: %s", SHOW(out));
    parley_string_free(out);

    parley_status drained = parley_engine_drain(NULL, 0);
    CHECK(drained == PARLEY_INVALID_ARGUMENT, "drain(NULL): %s", parley_status_name(drained));
    parley_engine_close(engine);
    pthread_mutex_destroy(&state.lock);
}

/* Accepted, not processed before close: recovered at the next open with "recovered": true. */
static void test_async_recovery(void) {
    char dir[64], config[512];
    make_store_dir(dir, "h1rec");
    parley_engine *engine = NULL;
    char *out = NULL;
    size_t len = 0;
    uint64_t t1 = 0, t5 = 0;
    snprintf(config, sizeof config, "{\"store\": {\"path\": \"%s/parley.db\"}, \"ordering\": {\"reorderWindowMillis\": 60000}}", dir);
    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_OK);
    if (!engine) return;
    static const char *s1 = "{\"id\":\"r1\",\"chat\":\"c-rec\",\"from\":\"u\",\"timestamp\":1764200000,\"type\":\"text\",\"text\":\"one\",\"sequence\":1}";
    static const char *s5 = "{\"id\":\"r5\",\"chat\":\"c-rec\",\"from\":\"u\",\"timestamp\":1764200050,\"type\":\"text\",\"text\":\"five\",\"sequence\":5}";
    CHECK_STATUS(parley_engine_submit(engine, s1, strlen(s1), PARLEY_PRIORITY_NORMAL, &t1), PARLEY_OK);
    CHECK_STATUS(parley_engine_drain(engine, 5000), PARLEY_OK);
    CHECK_OUT(parley_engine_poll(engine, 10, 1000, &out, &len));
    CHECK(HAS(out, "\"id\":\"r1\""), "r1 processed: %.200s", SHOW(out));
    parley_string_free(out);
    /* Sequence 5 waits for 2..4 (reorder window 60 s): still queued at close. */
    CHECK_STATUS(parley_engine_submit(engine, s5, strlen(s5), PARLEY_PRIORITY_NORMAL, &t5), PARLEY_OK);
    CHECK_STATUS(parley_engine_drain(engine, 100), PARLEY_TIMEOUT);
    parley_engine_close(engine);

    snprintf(config, sizeof config, "{\"store\": {\"path\": \"%s/parley.db\"}, \"ordering\": {\"reorderWindowMillis\": 200}}", dir);
    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_OK);
    if (!engine) return;
    CHECK_STATUS(parley_engine_drain(engine, 5000), PARLEY_OK);
    char collected[8192] = "";
    for (int round = 0; round < 4 && !HAS(collected, "r5"); round++) {
        CHECK_OUT(parley_engine_poll(engine, 10, 1000, &out, &len));
        if (out && strlen(collected) + len < sizeof collected) strcat(collected, out);
        parley_string_free(out);
    }
    CHECK(HAS(collected, "\"id\":\"r5\"") && HAS(collected, "\"recovered\":true"), "recovered after reopen: %.400s", collected);
    CHECK(HAS(collected, "\"gap\":{\"after\":1,\"missing\":3}"), "with its gap: %.400s", collected);
    parley_engine_close(engine);
    char command[128];
    snprintf(command, sizeof command, "rm -rf %s", dir);
    CHECK(system(command) == 0, "cleanup");
}

/* ---------------------------------------------------------------------------------------- */
/* Metrics, log, lookups, intent models */

typedef struct {
    pthread_mutex_t lock;
    parley_engine *engine;
    int lines, below_min, bad, rejected, unmasked, reentered;
} log_state;

static void on_log(void *user_data, parley_log_level level, const char *line, size_t len) {
    log_state *s = user_data;
    pthread_mutex_lock(&s->lock);
    s->lines++;
    if (level < PARLEY_LOG_INFO) s->below_min++;
    if (!line || strlen(line) != len || !json_valid(line)) s->bad++;
    if (line && strstr(line, "message.rejected")) s->rejected++;
    if (line && (strstr(line, "250788123456") || strstr(line, "jane@example.com"))) s->unmasked++;
    pthread_mutex_unlock(&s->lock);
    /* "never while Parley holds a lock: it may call back into the engine" */
    char *status = NULL;
    size_t status_len = 0;
    if (s->engine && parley_breaker_status(s->engine, &status, &status_len) == PARLEY_OK) {
        pthread_mutex_lock(&s->lock);
        s->reentered++;
        pthread_mutex_unlock(&s->lock);
    }
    parley_string_free(status);
}

static void test_metrics_and_log(void) {
    parley_engine *engine = NULL;
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_engine_open(NULL, &engine), PARLEY_OK);
    if (!engine) return;

    log_state logs;
    memset(&logs, 0, sizeof logs);
    pthread_mutex_init(&logs.lock, NULL);
    CHECK_STATUS(parley_log_set_callback(NULL, on_log, &logs, PARLEY_LOG_INFO), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_log_set_callback(engine, on_log, &logs, (parley_log_level)4), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_log_set_callback(engine, on_log, &logs, (parley_log_level)-1), PARLEY_INVALID_ARGUMENT);
    logs.engine = engine;
    CHECK_STATUS(parley_log_set_callback(engine, on_log, &logs, PARLEY_LOG_INFO), PARLEY_OK);

    for (int i = 0; i < 5; i++) {
        char m[256];
        snprintf(m, sizeof m, "{\"id\":\"mx%d\",\"chat\":\"c-metrics\",\"from\":\"u\",\"timestamp\":%d,\"type\":\"text\",\"text\":\"rent %d paid\"}",
                 i, 1764300000 + i * 10, i);
        CHECK_OUT(process(engine, m, &out, &len));
        parley_string_free(out);
    }
    CHECK_OUT(process(engine, "{\"id\":\"mx0\",\"chat\":\"c-metrics\",\"from\":\"u\",\"timestamp\":1764300000,\"type\":\"text\",\"text\":\"rent 0 paid\"}", &out, &len));
    parley_string_free(out);
    /* A rejected message naming a phone number and an e-mail address: masked in the error and the log. */
    static const char *pii = "{\"id\":\"pii\",\"chat\":\"250788123456@c.us\",\"from\":\"jane@example.com\",\"timestamp\":1,\"type\":\"hologram\"}";
    CHECK_FAILS(process(engine, pii, &out, &len), PARLEY_UNSUPPORTED);
    CHECK(!HAS(parley_last_error(), "250788123456") && !HAS(parley_last_error(), "jane@example.com"), "masked error: %s",
          parley_last_error());
    CHECK_FAILS(process(engine, "{", &out, &len), PARLEY_MALFORMED_JSON);

    pthread_mutex_lock(&logs.lock);
    CHECK(logs.lines >= 1 && logs.rejected >= 1, "log lines %d, rejected %d", logs.lines, logs.rejected);
    CHECK(logs.below_min == 0, "lines below the minimum level: %d", logs.below_min);
    CHECK(logs.bad == 0, "malformed log lines: %d", logs.bad);
    CHECK(logs.unmasked == 0, "unmasked PII in log lines: %d", logs.unmasked);
    CHECK(logs.reentered == logs.lines, "the callback called back into the engine: %d of %d", logs.reentered, logs.lines);
    pthread_mutex_unlock(&logs.lock);
    CHECK_STATUS(parley_log_set_callback(engine, NULL, NULL, PARLEY_LOG_DEBUG), PARLEY_OK);
    logs.engine = NULL;

    CHECK_OUT(parley_metrics_json(engine, &out, &len));
    CHECK(schema_ok(out) && HAS(out, "\"uptimeSeconds\"") && HAS(out, "\"latencyMicros\"") && HAS(out, "\"process\":{"),
          "metrics: %.300s", SHOW(out));
    CHECK(json_int_after(out, "\"messages\":{", "processed") == 5, "processed 5: %.300s", SHOW(out));
    CHECK(json_int_after(out, "\"messages\":{", "duplicate") == 1, "duplicate 1: %.300s", SHOW(out));
    CHECK(json_int_after(out, "\"messages\":{", "error") == 2, "error 2: %.300s", SHOW(out));
    CHECK(HAS(out, "\"PARLEY_MALFORMED_JSON\":1") && HAS(out, "\"PARLEY_UNSUPPORTED\":1"), "errors by status: %s", SHOW(out));
    CHECK(!HAS(out, "250788123456") && !HAS(out, "jane@example.com"), "error samples masked");
    parley_string_free(out);
    CHECK_FAILS(parley_metrics_json(NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_metrics_json(engine, NULL, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_metrics_json(engine, &out, NULL), PARLEY_INVALID_ARGUMENT);

    CHECK_OUT(parley_metrics_prometheus(engine, &out, &len));
    CHECK(HAS(out, "# TYPE parley_messages_total counter") && HAS(out, "parley_messages_total{outcome=\"processed\"} 5"),
          "prometheus counters: %.400s", SHOW(out));
    CHECK(HAS(out, "parley_stage_duration_seconds_bucket{") && HAS(out, "le=\"+Inf\"") && HAS(out, "parley_workers"),
          "histogram and gauges: %.400s", SHOW(out));
    CHECK(out && out[len - 1] == '\n', "exposition ends with a newline");
    parley_string_free(out);
    CHECK_FAILS(parley_metrics_prometheus(NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_metrics_prometheus(engine, NULL, &len), PARLEY_INVALID_ARGUMENT);
    parley_engine_close(engine);
    pthread_mutex_destroy(&logs.lock);
}

static void test_lookups_and_intents(void) {
    parley_engine *engine = NULL;
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_engine_open("{\"lookups\": {\"neighbourhood\": [{\"name\": \"Kimihurura\"}]}}", &engine), PARLEY_OK);
    if (!engine) return;
    static const char *lists = "{\"property\": [{\"id\": \"p1\", \"name\": \"Kacyiru Heights\", \"aliases\": [\"KH\"]}]}";
    CHECK_OUT(parley_lookup_set(engine, lists, strlen(lists), &out, &len));
    CHECK(schema_ok(out) && HAS(out, "\"property\":1") && HAS(out, "\"neighbourhood\":1"), "counts: %s", SHOW(out));
    parley_string_free(out);
    CHECK_OUT(process(engine, MSG("lk1", "c-lk", 1764400000, "Is there a flat free at Kacyiru Hights?"), &out, &len));
    CHECK(HAS(out, "\"type\":\"property\"") && HAS(out, "\"source\":\"lookup\"") && HAS(out, "\"id\":\"p1\""), "fuzzy match: %s", SHOW(out));
    parley_string_free(out);
    CHECK_FAILS(parley_lookup_set(NULL, lists, strlen(lists), &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_lookup_set(engine, NULL, 5, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_lookup_set(engine, lists, 0, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_lookup_set(engine, lists, strlen(lists), NULL, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_lookup_set(engine, "{\"property\": [", 14, &out, &len), PARLEY_MALFORMED_JSON);
    static const char *bad_utf8 = "{\"property\": [{\"name\": \"" BAD_UTF8 "\"}]}";
    CHECK_FAILS(parley_lookup_set(engine, bad_utf8, strlen(bad_utf8), &out, &len), PARLEY_INVALID_UTF8);
    static const char *no_name = "{\"property\": [{\"aliases\": []}]}";
    CHECK_FAILS(parley_lookup_set(engine, no_name, strlen(no_name), &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK(HAS(parley_last_error(), "property[0]"), "names its path: %s", parley_last_error());
    CHECK_FAILS(parley_lookup_set(engine, "[1]", 3, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_lookup_set(engine, "{\"property\": 5}", 15, &out, &len), PARLEY_INVALID_ARGUMENT);
    static const char *name_num = "{\"property\": [{\"name\": 5}]}";
    CHECK_FAILS(parley_lookup_set(engine, name_num, strlen(name_num), &out, &len), PARLEY_INVALID_ARGUMENT);
    /* A failed set leaves the lists as they were. */
    CHECK_OUT(parley_lookup_set(engine, "{}", 2, &out, &len));
    CHECK(HAS(out, "\"property\":1") && HAS(out, "\"neighbourhood\":1"), "kinds not named are kept: %s", SHOW(out));
    parley_string_free(out);
    CHECK_OUT(parley_lookup_set(engine, "{\"property\": []}", 16, &out, &len));
    CHECK(!HAS(out, "property") && HAS(out, "\"neighbourhood\":1"), "an empty array removes the kind: %s", SHOW(out));
    parley_string_free(out);

    /* Intent models. */
    char model[] = "/tmp/parley-h1-model-XXXXXX";
    int fd = mkstemp(model);
    CHECK(fd >= 0, "mkstemp");
    if (fd >= 0) close(fd);
    static const char *data =
        "{\"text\": \"the shower is broken\", \"intent\": \"repair\"}\n"
        "{\"text\": \"my sink leaks\", \"intent\": \"repair\"}\n"
        "{\"text\": \"the light in the kitchen does not work\", \"intent\": \"repair\"}\n"
        "{\"text\": \"I paid the rent today\", \"intent\": \"payment\"}\n"
        "{\"text\": \"rent sent by mobile money\", \"intent\": \"payment\"}\n"
        "{\"text\": \"here is my payment for may\", \"intent\": \"payment\"}\n";
    CHECK_OUT(parley_intent_train(data, strlen(data), model, &out, &len));
    CHECK(schema_ok(out) && HAS(out, "\"examples\":6") && HAS(out, "\"intents\":["), "train: %s", SHOW(out));
    parley_string_free(out);
    static const char *tsv = "text\tintent\nthe door is broken\trepair\nthe tap leaks\trepair\nI paid rent\tpayment\nrent sent\tpayment\n";
    char model2[128];
    snprintf(model2, sizeof model2, "%s.tsv", model);
    CHECK_OUT(parley_intent_train(tsv, strlen(tsv), model2, &out, &len));
    CHECK(HAS(out, "\"examples\":4"), "TSV with a header line: %s", SHOW(out));
    parley_string_free(out);
    unlink(model2);
    CHECK_FAILS(parley_intent_train(NULL, 5, model, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_intent_train(data, 0, model, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_intent_train(data, strlen(data), NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_intent_train(data, strlen(data), "", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_intent_train(data, strlen(data), model, NULL, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_intent_train("{\"text\": 1}\n", 12, model, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK(HAS(parley_last_error(), "line 1"), "names the line: %s", parley_last_error());
    static const char *one_intent = "{\"text\": \"a\", \"intent\": \"x\"}\n{\"text\": \"b\", \"intent\": \"x\"}\n";
    CHECK_FAILS(parley_intent_train(one_intent, strlen(one_intent), model, &out, &len), PARLEY_INVALID_ARGUMENT);
    static const char *bad_line3 = "{\"text\": \"a\", \"intent\": \"x\"}\n{\"text\": \"b\", \"intent\": \"y\"}\n{\"text\": \"c\"\n";
    CHECK_FAILS(parley_intent_train(bad_line3, strlen(bad_line3), model, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK(HAS(parley_last_error(), "line 3"), "names line 3: %s", parley_last_error());
    static const char *utf8_data = "{\"text\": \"caf" BAD_UTF8 "\", \"intent\": \"x\"}\n{\"text\": \"b\", \"intent\": \"y\"}\n";
    CHECK_FAILS(parley_intent_train(utf8_data, strlen(utf8_data), model, &out, &len), PARLEY_INVALID_UTF8);
    CHECK_FAILS(parley_intent_train(data, strlen(data), "/nonexistent-dir/m.bin", &out, &len), PARLEY_STORAGE);

    CHECK_STATUS(parley_engine_load_intent_model(engine, model), PARLEY_OK);
    CHECK_OUT(process(engine, MSG("im1", "c-im", 1764400100, "the shower leaks"), &out, &len));
    CHECK(HAS(out, "\"intent\":{\"name\":\"repair\""), "the loaded model is used: %.300s", SHOW(out));
    parley_string_free(out);
    CHECK_STATUS(parley_engine_load_intent_model(NULL, model), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_load_intent_model(engine, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_load_intent_model(engine, ""), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_engine_load_intent_model(engine, "/tmp/" BAD_UTF8 ".bin"), PARLEY_INVALID_UTF8);
    CHECK_STATUS(parley_engine_load_intent_model(engine, "/nonexistent-dir/m.bin"), PARLEY_STORAGE);
    /* A truncated model: CORRUPT, and the engine keeps the model it had. */
    size_t msize = 0;
    FILE *mf = fopen(model, "rb");
    unsigned char *mbytes = NULL;
    if (mf) {
        fseek(mf, 0, SEEK_END);
        msize = (size_t)ftell(mf);
        fseek(mf, 0, SEEK_SET);
        mbytes = malloc(msize);
        msize = fread(mbytes, 1, msize, mf);
        fclose(mf);
    }
    char cut[160];
    snprintf(cut, sizeof cut, "%s.cut", model);
    mf = fopen(cut, "wb");
    if (mf && mbytes) { fwrite(mbytes, 1, msize / 2, mf); }
    if (mf) fclose(mf);
    CHECK_STATUS(parley_engine_load_intent_model(engine, cut), PARLEY_CORRUPT);
    mf = fopen(cut, "wb");
    if (mf) { fputs("not a model at all", mf); fclose(mf); }
    CHECK_STATUS(parley_engine_load_intent_model(engine, cut), PARLEY_CORRUPT);
    CHECK_OUT(process(engine, MSG("im2", "c-im", 1764400200, "my kitchen light is broken"), &out, &len));
    CHECK(HAS(out, "\"intent\":{\"name\":\"repair\""), "model kept after a failed load: %.300s", SHOW(out));
    parley_string_free(out);
    unlink(cut);
    free(mbytes);
    parley_engine_close(engine);
    unlink(model);
}

/* ---------------------------------------------------------------------------------------- */
/* Concurrency: process from 4 threads at once (several chats, one shared chat), errors thread-local. */

typedef struct {
    parley_engine *engine;
    int index, ok, processed, error_clean, bad_seen;
} worker_args;

static void *process_worker(void *arg) {
    worker_args *w = arg;
    char json[256];
    for (int i = 0; i < 40; i++) {
        const char *chat = (i % 2) ? "c-shared" : "c-own";
        snprintf(json, sizeof json,
                 "{\"id\":\"w%d-%d\",\"chat\":\"%s-%d\",\"from\":\"u%d\",\"timestamp\":%d,\"type\":\"text\",\"text\":\"unit %d rent RWF %d\"}",
                 w->index, i, chat, (i % 2) ? 0 : w->index, w->index, 1764500000 + i, w->index * 100 + i, 1000 + i);
        char *out = NULL;
        size_t len = 0;
        if (parley_engine_process(w->engine, json, strlen(json), &out, &len) == PARLEY_OK) {
            w->ok++;
            if (out && strstr(out, "\"status\":\"processed\"")) w->processed++;
            if (!out || strlen(out) != len) w->bad_seen++;
        }
        parley_string_free(out);
    }
    w->error_clean = parley_last_error()[0] == '\0';
    return NULL;
}

static void test_concurrency(void) {
    parley_engine *engine = NULL;
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_engine_open(store_config, &engine), PARLEY_OK);
    if (!engine) return;
    /* The main thread's failure must not leak into the workers' parley_last_error(). */
    CHECK_STATUS(process(engine, "not json", &out, &len), PARLEY_MALFORMED_JSON);
    pthread_t threads[4];
    worker_args args[4];
    for (int i = 0; i < 4; i++) {
        args[i] = (worker_args){engine, i, 0, 0, 0, 0};
        pthread_create(&threads[i], NULL, process_worker, &args[i]);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(threads[i], NULL);
        CHECK(args[i].ok == 40 && args[i].processed == 40, "thread %d: %d ok, %d processed of 40", i, args[i].ok, args[i].processed);
        CHECK(args[i].error_clean, "thread %d saw another thread's error", i);
        CHECK(args[i].bad_seen == 0, "thread %d: bad outputs", i);
    }
    CHECK(HAS(parley_last_error(), "byte") || parley_last_error()[0] != '\0', "main thread's error kept: %s", parley_last_error());
    CHECK_OUT(parley_thread_list(engine, "{\"chat\":\"c-shared-0\"}", &out, &len));
    long long count = 0;
    for (const char *p = out; p && (p = strstr(p, "\"messageCount\":")) != NULL; p++) count += strtoll(p + 15, NULL, 10);
    CHECK(count == 80, "shared chat holds 80 messages in its threads: %lld", count);
    parley_string_free(out);
    parley_engine_close(engine);
}

typedef struct {
    parley_engine *engine;
    int index, ok;
    uint64_t tickets[10];
} submit_args;

static void *submit_worker(void *arg) {
    submit_args *w = arg;
    for (int i = 0; i < 10; i++) {
        char m[256];
        snprintf(m, sizeof m, "{\"id\":\"st%d-%d\",\"chat\":\"c-st%d\",\"from\":\"u\",\"timestamp\":%d,\"type\":\"text\",\"text\":\"hello %d\"}",
                 w->index, i, w->index, 1764700000 + i, i);
        if (parley_engine_submit(w->engine, m, strlen(m), PARLEY_PRIORITY_NORMAL, &w->tickets[i]) == PARLEY_OK) w->ok++;
    }
    return NULL;
}

static void test_submit_threads(void) {
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open("{\"queue\": {\"highWater\": 1000, \"lowWater\": 100}}", &engine), PARLEY_OK);
    if (!engine) return;
    callback_state state;
    memset(&state, 0, sizeof state);
    pthread_mutex_init(&state.lock, NULL);
    CHECK_STATUS(parley_engine_set_callback(engine, on_result, &state), PARLEY_OK);
    pthread_t threads[4];
    submit_args args[4];
    for (int i = 0; i < 4; i++) {
        memset(&args[i], 0, sizeof args[i]);
        args[i].engine = engine;
        args[i].index = i;
        pthread_create(&threads[i], NULL, submit_worker, &args[i]);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(threads[i], NULL);
        CHECK(args[i].ok == 10, "submit thread %d: %d of 10 accepted", i, args[i].ok);
    }
    CHECK_STATUS(parley_engine_drain(engine, 10000), PARLEY_OK);
    pthread_mutex_lock(&state.lock);
    CHECK(state.calls == 40 && state.ok == 40, "40 results by callback: %d (%d ok)", state.calls, state.ok);
    int unique = 1;
    for (int i = 0; i < 40 && i < state.calls; i++)
        for (int j = i + 1; j < 40 && j < state.calls; j++)
            if (state.tickets[i] == state.tickets[j]) unique = 0;
    CHECK(unique, "each ticket's result once");
    pthread_mutex_unlock(&state.lock);
    parley_engine_close(engine);
    pthread_mutex_destroy(&state.lock);
}


/* parley_engine_close waits for calls in progress on other threads: a fetch whose fetcher is still
 * running when close is called finishes first (the fetcher runs on the calling thread, inside the call). */
typedef struct {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int inside, fetcher_done, call_returned;
    parley_engine *engine;
    parley_status status;
    struct timespec fetcher_end;
} close_race;

static parley_status slow_fetcher(void *user_data, const char *key, parley_cache_reply *reply) {
    close_race *r = user_data;
    (void)key;
    pthread_mutex_lock(&r->lock);
    r->inside = 1;
    pthread_cond_signal(&r->cond);
    pthread_mutex_unlock(&r->lock);
    struct timespec pause = {0, 300 * 1000000L};
    nanosleep(&pause, NULL);
    parley_status status = parley_cache_reply_set(reply, (const unsigned char *)"v", 1, NULL);
    pthread_mutex_lock(&r->lock);
    clock_gettime(CLOCK_MONOTONIC, &r->fetcher_end);
    r->fetcher_done = 1;
    pthread_mutex_unlock(&r->lock);
    return status;
}

static void *fetch_thread(void *arg) {
    close_race *r = arg;
    unsigned char *value = NULL;
    size_t len = 0;
    parley_status status = parley_cache_fetch(r->engine, "slow", 1000, NULL, slow_fetcher, r, &value, &len, NULL);
    parley_string_free((char *)value);
    pthread_mutex_lock(&r->lock);
    r->status = status;
    r->call_returned = 1;
    pthread_mutex_unlock(&r->lock);
    return NULL;
}

static void test_close_waits(void) {
    close_race r;
    memset(&r, 0, sizeof r);
    pthread_mutex_init(&r.lock, NULL);
    pthread_cond_init(&r.cond, NULL);
    CHECK_STATUS(parley_engine_open(NULL, &r.engine), PARLEY_OK);
    if (!r.engine) return;
    pthread_t thread;
    pthread_create(&thread, NULL, fetch_thread, &r);
    pthread_mutex_lock(&r.lock);
    while (!r.inside) pthread_cond_wait(&r.cond, &r.lock);
    pthread_mutex_unlock(&r.lock);
    parley_engine_close(r.engine); /* the fetch is in progress: close must wait for it */
    struct timespec closed;
    clock_gettime(CLOCK_MONOTONIC, &closed);
    pthread_mutex_lock(&r.lock);
    int done = r.fetcher_done;
    struct timespec end = r.fetcher_end;
    pthread_mutex_unlock(&r.lock);
    CHECK(done && (closed.tv_sec > end.tv_sec || (closed.tv_sec == end.tv_sec && closed.tv_nsec >= end.tv_nsec)),
          "close returned while a call was still in progress");
    pthread_join(thread, NULL);
    CHECK(r.call_returned, "the fetch returned");
    pthread_mutex_destroy(&r.lock);
    pthread_cond_destroy(&r.cond);
}


/* The same with a parley_engine_process call in progress (held inside the log callback, which runs on the
 * host's thread during a synchronous call). */
static _Atomic int log_inside;
static struct timespec log_end;

static void slow_log(void *user_data, parley_log_level level, const char *line, size_t len) {
    (void)user_data;
    (void)level;
    (void)len;
    if (!strstr(line, "message.rejected")) return;
    log_inside = 1;
    struct timespec pause = {0, 300 * 1000000L};
    nanosleep(&pause, NULL);
    clock_gettime(CLOCK_MONOTONIC, &log_end);
    log_inside = 2;
}

static void *process_rejected(void *arg) {
    char *out = NULL;
    size_t len = 0;
    parley_engine_process((parley_engine *)arg, "{", 1, &out, &len);
    parley_string_free(out);
    return NULL;
}

static void test_close_waits_for_process(void) {
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open(NULL, &engine), PARLEY_OK);
    if (!engine) return;
    CHECK_STATUS(parley_log_set_callback(engine, slow_log, NULL, PARLEY_LOG_INFO), PARLEY_OK);
    log_inside = 0;
    pthread_t thread;
    pthread_create(&thread, NULL, process_rejected, engine);
    while (log_inside == 0) {
        struct timespec tick = {0, 1000000L};
        nanosleep(&tick, NULL);
    }
    parley_engine_close(engine);
    struct timespec closed;
    clock_gettime(CLOCK_MONOTONIC, &closed);
    int done = log_inside == 2;
    CHECK(done && (closed.tv_sec > log_end.tv_sec || (closed.tv_sec == log_end.tv_sec && closed.tv_nsec >= log_end.tv_nsec)),
          "close returned while parley_engine_process was in progress on another thread");
    pthread_join(thread, NULL);
}


/* PARLEY_BUSY: another process holds the store's write lock past "store.busyTimeoutMillis"; a claim
 * fails and stores nothing, while process and submit go to the inbox: process answers the
 * processed context at once (written behind once the lock goes; a repeat is its duplicate), a
 * submit is processed once the lock goes. With write-behind off, process is BUSY and stores nothing.
 * (The other process is python3's sqlite3 module; skipped when python3 is missing.) */
static void test_store_busy(void) {
    if (system("python3 -c 'import sqlite3' >/dev/null 2>&1") != 0) {
        fprintf(stderr, "note: python3 missing, PARLEY_BUSY check skipped\n");
        return;
    }
    char dir[64], config[512], command[1024], marker[128], released[128];
    make_store_dir(dir, "h1busy");
    snprintf(config, sizeof config, "{\"store\": {\"path\": \"%s/parley.db\", \"busyTimeoutMillis\": 100}}", dir);
    parley_engine *engine = NULL;
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_OK);
    if (!engine) return;
    snprintf(marker, sizeof marker, "%s/locked", dir);
    snprintf(released, sizeof released, "%s/released", dir);
    snprintf(command, sizeof command,
             "python3 -c \"import sqlite3,time; c=sqlite3.connect('%s/parley.db',isolation_level=None); c.execute('BEGIN EXCLUSIVE'); "
             "open('%s','w').close(); time.sleep(0.8); c.execute('COMMIT'); c.close(); open('%s','w').close()\" &",
             dir, marker, released);
    CHECK(system(command) == 0, "lock holder started");
    for (int i = 0; i < 500 && access(marker, F_OK) != 0; i++) nanosleep(&(struct timespec){0, 10000000L}, NULL);
    const char *m = MSG("busy1", "c-busy", 1764000000, "is the lift working again?");
    CHECK_OUT(process(engine, m, &out, &len));
    CHECK(HAS(out, "\"status\":\"processed\""), "process under a foreign lock answers processed: %.120s", SHOW(out));
    parley_string_free(out);
    int first = 7;
    CHECK_STATUS(parley_idempotency_claim(engine, "busy-key", 60, &first), PARLEY_BUSY);
    CHECK(first == 0, "out_first 0 on BUSY");
    /* A submit is accepted into the file store's inbox all the same; its journal write is
     * retried until the lock goes, and its result is the processed context. */
    uint64_t ticket = 0;
    const char *m2 = MSG("busy2", "c-busy2", 1764000001, "the lift is stuck again");
    CHECK_STATUS(parley_engine_submit(engine, m2, strlen(m2), PARLEY_PRIORITY_NORMAL, &ticket), PARLEY_OK);
    for (int i = 0; i < 500 && access(released, F_OK) != 0; i++) nanosleep(&(struct timespec){0, 10000000L}, NULL);
    CHECK_STATUS(parley_engine_drain(engine, 10000), PARLEY_OK);
    CHECK_OUT(parley_engine_poll(engine, 10, 1000, &out, &len));
    CHECK(HAS(out, "\"status\":\"PARLEY_OK\"") && HAS(out, "\"processed\""), "the submit locked out was processed: %.300s", SHOW(out));
    parley_string_free(out);
    CHECK_OUT(process(engine, m, &out, &len));
    CHECK(HAS(out, "\"status\":\"duplicate\""), "the message processed under the lock was stored: %.120s", SHOW(out));
    parley_string_free(out);
    CHECK_STATUS(parley_idempotency_claim(engine, "busy-key", 60, &first), PARLEY_OK);
    CHECK(first == 1, "the BUSY claim claimed nothing");
    parley_engine_close(engine);

    /* Write-behind off: process under the lock is BUSY and stores nothing. */
    snprintf(config, sizeof config, "{\"store\": {\"path\": \"%s/parley.db\", \"busyTimeoutMillis\": 100, \"writeBehind\": false}}", dir);
    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_OK);
    if (!engine) return;
    unlink(marker);
    unlink(released);
    CHECK(system(command) == 0, "lock holder started again");
    for (int i = 0; i < 500 && access(marker, F_OK) != 0; i++) nanosleep(&(struct timespec){0, 10000000L}, NULL);
    const char *m3 = MSG("busy3", "c-busy", 1764000002, "and the stairs light is out");
    CHECK_FAILS(process(engine, m3, &out, &len), PARLEY_BUSY);
    for (int i = 0; i < 500 && access(released, F_OK) != 0; i++) nanosleep(&(struct timespec){0, 10000000L}, NULL);
    CHECK_OUT(process(engine, m3, &out, &len));
    CHECK(HAS(out, "\"status\":\"processed\""), "nothing was stored by the BUSY call: %.120s", SHOW(out));
    parley_string_free(out);
    parley_engine_close(engine);
    snprintf(command, sizeof command, "rm -rf %s", dir);
    CHECK(system(command) == 0, "cleanup");
}

/* ---------------------------------------------------------------------------------------- */
/* Media */

static char *base64(const unsigned char *p, size_t n) {
    static const char table[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    char *out = malloc(4 * ((n + 2) / 3) + 1), *o = out;
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)p[i] << 16 | (i + 1 < n ? (uint32_t)p[i + 1] << 8 : 0) | (i + 2 < n ? p[i + 2] : 0);
        *o++ = table[v >> 18 & 63];
        *o++ = table[v >> 12 & 63];
        *o++ = i + 1 < n ? table[v >> 6 & 63] : '=';
        *o++ = i + 2 < n ? table[v & 63] : '=';
    }
    *o = '\0';
    return out;
}

typedef parley_status (*media_fn)(parley_engine *, const unsigned char *, size_t, const char *, char **, size_t *);

/* The bad-input contract shared by the three direct readers. */
static void media_bad_input(parley_engine *engine, media_fn fn, const char *name, const unsigned char *bytes, size_t size,
                            int big_cuts) {
    char *out = NULL;
    size_t len = 0;
    parley_status got;
    struct { const unsigned char *b; size_t n; const char *opt; parley_engine *e; parley_status expected; const char *what; } cases[] = {
        {bytes, size, NULL, NULL, PARLEY_INVALID_ARGUMENT, "engine NULL"},
        {NULL, 10, NULL, engine, PARLEY_INVALID_ARGUMENT, "bytes NULL"},
        {bytes, 0, NULL, engine, PARLEY_INVALID_ARGUMENT, "len 0"},
        {bytes, size, "{\"colour\": 1}", engine, PARLEY_INVALID_ARGUMENT, "unknown option"},
        {bytes, size, "{\"timestamp\": \"today\"}", engine, PARLEY_INVALID_ARGUMENT, "mistyped option"},
        {bytes, size, "[]", engine, PARLEY_INVALID_ARGUMENT, "options not an object"},
        {bytes, size, "{", engine, PARLEY_MALFORMED_JSON, "malformed options"},
        {bytes, size, "{\"language\": \"" BAD_UTF8 "\"}", engine, PARLEY_INVALID_UTF8, "options not UTF-8"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        out = SENTINEL;
        len = 3;
        got = fn(cases[i].e, cases[i].b, cases[i].n, cases[i].opt, &out, &len);
        CHECK(got == cases[i].expected, "%s(%s): %s, expected %s", name, cases[i].what, parley_status_name(got),
              parley_status_name(cases[i].expected));
        CHECK(got == PARLEY_OK || (out == NULL && len == 0), "%s(%s): outputs not cleared", name, cases[i].what);
        CHECK(got == PARLEY_OK || parley_last_error()[0] != '\0', "%s(%s): no message", name, cases[i].what);
        if (got == PARLEY_OK) parley_string_free(out);
    }
    got = fn(engine, bytes, size, NULL, NULL, &len);
    CHECK(got == PARLEY_INVALID_ARGUMENT, "%s(out NULL): %s", name, parley_status_name(got));
    got = fn(engine, bytes, size, NULL, &out, NULL);
    CHECK(got == PARLEY_INVALID_ARGUMENT, "%s(out_len NULL): %s", name, parley_status_name(got));
    /* Random bytes and a run of zeros are not media. */
    unsigned char noise[512];
    uint32_t x = 12345;
    for (size_t i = 0; i < sizeof noise; i++) { x = x * 1103515245u + 12345u; noise[i] = (unsigned char)(x >> 16); }
    out = SENTINEL;
    got = fn(engine, noise, sizeof noise, NULL, &out, &len);
    CHECK(got == PARLEY_BAD_MEDIA || got == PARLEY_UNSUPPORTED, "%s(noise): %s", name, parley_status_name(got));
    CHECK(got == PARLEY_OK || out == NULL, "%s(noise): cleared", name);
    if (got == PARLEY_OK) parley_string_free(out);
    unsigned char zeros[64] = {0};
    out = SENTINEL;
    got = fn(engine, zeros, sizeof zeros, NULL, &out, &len);
    CHECK(got == PARLEY_BAD_MEDIA || got == PARLEY_UNSUPPORTED, "%s(zeros): %s", name, parley_status_name(got));
    if (got == PARLEY_OK) parley_string_free(out);
    /* Every prefix-cut of the real file fails cleanly (or reads what is there), never crashes. */
    size_t cuts[] = {1, 4, 8, 16, 64, size / 3, size / 2, size - 1};
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        if (cuts[i] == 0 || cuts[i] >= size || (!big_cuts && cuts[i] > 64)) continue;
        out = SENTINEL;
        got = fn(engine, bytes, cuts[i], NULL, &out, &len);
        CHECK(got == PARLEY_OK || got == PARLEY_BAD_MEDIA || got == PARLEY_UNSUPPORTED, "%s(cut at %zu): %s", name, cuts[i],
              parley_status_name(got));
        CHECK(got == PARLEY_OK || out == NULL, "%s(cut): cleared", name);
        if (got == PARLEY_OK) parley_string_free(out);
    }
}

static int transcriber_calls;

static parley_status host_transcriber(void *user_data, const unsigned char *audio, size_t audio_len, const int16_t *pcm16k,
                                      size_t samples, const char *options_json, parley_transcript_reply *reply) {
    (void)audio;
    transcriber_calls++;
    if (user_data != (void *)&transcriber_calls || audio_len == 0 || !pcm16k || samples == 0 || !options_json) return PARLEY_INTERNAL;
    if (parley_transcript_reply_set(reply, "book a viewing for unit 4B tomorrow", 1.5) != PARLEY_INVALID_ARGUMENT) return PARLEY_INTERNAL;
    if (parley_transcript_reply_set(reply, "x", -0.1) != PARLEY_INVALID_ARGUMENT) return PARLEY_INTERNAL;
    if (parley_transcript_reply_set(reply, NULL, 0.5) != PARLEY_INVALID_ARGUMENT) return PARLEY_INTERNAL;
    if (parley_transcript_reply_set(reply, "bad " BAD_UTF8, 0.5) != PARLEY_INVALID_UTF8) return PARLEY_INTERNAL;
    return parley_transcript_reply_set(reply, "book a viewing for unit 4B tomorrow", 0.9);
}

static void test_media(void) {
    parley_engine *engine = NULL;
    char *out = NULL;
    size_t len = 0, size = 0;
    CHECK_STATUS(parley_engine_open(store_config, &engine), PARLEY_OK);
    if (!engine) return;

    /* OCR */
    unsigned char *image = read_fixture("ocr/test_la.png", &size);
    CHECK(image != NULL, "test_la.png");
    if (image) {
        char hex[65];
        sha256_hex(image, size, hex);
        CHECK_OUT(parley_media_ocr(engine, image, size, "{\"timestamp\": 1764057600}", &out, &len));
        CHECK(HAS(out, "\"text\":\"This is test message\"") && HAS(out, "\"confidence\":") && HAS(out, "\"words\":["),
              "OCR text: %.200s", SHOW(out));
        CHECK(HAS(out, hex), "OCR result names the sha256 %s", hex);
        /* Conventions: "Every JSON document Parley writes carries \"schema\": PARLEY_SCHEMA_VERSION." */
        CHECK(schema_ok(out), "OCR result carries \"schema\":1: %.120s", SHOW(out));
        CHECK(HAS(out, "\"width\":") && HAS(out, "\"milliseconds\":"), "OCR details");
        parley_string_free(out);
        media_bad_input(engine, parley_media_ocr, "ocr", image, size, 1);
        /* A PDF is not an image: the kind comes from the bytes. */
        size_t psize = 0;
        unsigned char *pdf = read_fixture("documents/lease.pdf", &psize);
        if (pdf) {
            out = SENTINEL;
            parley_status got = parley_media_ocr(engine, pdf, psize, NULL, &out, &len);
            /* "PARLEY_BAD_MEDIA (corrupt, truncated, encrypted, or not an image)" */
            CHECK(got == PARLEY_BAD_MEDIA, "OCR of a PDF: %s", parley_status_name(got));
            if (got == PARLEY_OK) parley_string_free(out);
            free(pdf);
        }
        /* The size limits are the engine's, not a call's: INVALID_ARGUMENT; a call may shorten the time limit. */
        CHECK_FAILS(parley_media_ocr(engine, image, size, "{\"maxBytes\": 1000}", &out, &len), PARLEY_INVALID_ARGUMENT);
        CHECK_FAILS(parley_media_ocr(engine, image, size, "{\"languages\": \"fra\"}", &out, &len), PARLEY_INVALID_ARGUMENT);
        free(image);
    }

    /* Documents */
    unsigned char *pdf = read_fixture("documents/lease.pdf", &size);
    if (pdf) {
        CHECK_OUT(parley_media_parse_document(engine, pdf, size, "{\"timestamp\": 1764057600}", &out, &len));
        CHECK(HAS(out, "\"format\":\"pdf\"") && HAS(out, "\"pages\":[") && HAS(out, "\"type\":\"field\""), "lease.pdf: %.300s", SHOW(out));
        parley_string_free(out);
        media_bad_input(engine, parley_media_parse_document, "parse", pdf, size, 1);
        free(pdf);
    }
    static const char *corrupt_docs[] = {"documents/corrupt.pdf", "documents/truncated.pdf", "documents/encrypted.pdf",
                                         "documents/truncated.xlsx", "documents/letter.docx"};
    for (size_t i = 0; i < sizeof corrupt_docs / sizeof corrupt_docs[0]; i++) {
        unsigned char *doc = read_fixture(corrupt_docs[i], &size);
        if (!doc) continue;
        out = SENTINEL;
        parley_status got = parley_media_parse_document(engine, doc, size, NULL, &out, &len);
        CHECK(got == PARLEY_BAD_MEDIA || got == PARLEY_UNSUPPORTED, "%s: %s", corrupt_docs[i], parley_status_name(got));
        CHECK(got == PARLEY_OK || (out == NULL && len == 0), "%s: cleared", corrupt_docs[i]);
        if (got == PARLEY_OK) parley_string_free(out);
        free(doc);
    }
    unsigned char *encrypted = read_fixture("documents/encrypted.pdf", &size);
    if (encrypted) {
        CHECK_OUT(parley_media_parse_document(engine, encrypted, size, "{\"password\": \"secret\"}", &out, &len));
        CHECK(HAS(out, "\"format\":\"pdf\""), "encrypted PDF with its password");
        parley_string_free(out);
        free(encrypted);
    }
    unsigned char *bomb = read_fixture("documents/bomb.xlsx", &size);
    if (bomb) {
        CHECK_FAILS(parley_media_parse_document(engine, bomb, size, NULL, &out, &len), PARLEY_TOO_LARGE);
        free(bomb);
    }
    bomb = read_fixture("documents/image-bomb.pdf", &size);
    if (bomb) {
        CHECK_FAILS(parley_media_parse_document(engine, bomb, size, NULL, &out, &len), PARLEY_TOO_LARGE);
        free(bomb);
    }
    /* A bomb whose zip header lies about its size cannot be refused before inflating: either status. */
    bomb = read_fixture("documents/bomb-lying.xlsx", &size);
    if (bomb) {
        out = SENTINEL;
        parley_status got = parley_media_parse_document(engine, bomb, size, NULL, &out, &len);
        CHECK(got == PARLEY_TOO_LARGE || got == PARLEY_BAD_MEDIA, "lying zip bomb: %s", parley_status_name(got));
        CHECK(out == NULL, "cleared");
        free(bomb);
    }
    unsigned char *csv = read_fixture("documents/payments.csv", &size);
    if (csv) {
        CHECK_OUT(parley_media_parse_document(engine, csv, size, NULL, &out, &len));
        CHECK(HAS(out, "\"format\":\"csv\"") && HAS(out, "\"rowCount\":"), "payments.csv: %.300s", SHOW(out));
        parley_string_free(out);
        free(csv);
    }

    /* Transcription (through a host transcriber: PocketSphinx takes seconds per note on this machine). */
    unsigned char *wav = read_fixture("voice/cards-001.wav", &size);
    if (wav) {
        media_bad_input(engine, parley_media_transcribe, "transcribe", wav, size, 0);

        /* A host transcriber. */
        CHECK_STATUS(parley_media_set_transcriber(NULL, host_transcriber, &transcriber_calls), PARLEY_INVALID_ARGUMENT);
        CHECK_STATUS(parley_media_set_transcriber(engine, host_transcriber, &transcriber_calls), PARLEY_OK);
        CHECK_OUT(parley_media_transcribe(engine, wav, size, "{\"engine\": \"host\"}", &out, &len));
        CHECK(transcriber_calls == 1 && HAS(out, "book a viewing for unit 4B tomorrow"), "host transcript (%d calls): %.300s",
              transcriber_calls, SHOW(out));
        CHECK(HAS(out, "\"format\":\"wav\"") && HAS(out, "\"engine\":\"host\""), "wav details: %.300s", SHOW(out));
        parley_string_free(out);
        CHECK_STATUS(parley_media_set_transcriber(engine, NULL, NULL), PARLEY_OK);
        CHECK_STATUS(parley_transcript_reply_set(NULL, "x", 0.5), PARLEY_INVALID_ARGUMENT);
        free(wav);
    }
    unsigned char *ogg = read_fixture("voice/librivox-0930.ogg", &size);
    if (ogg) {
        CHECK_FAILS(parley_media_transcribe(engine, ogg, size / 2, NULL, &out, &len), PARLEY_BAD_MEDIA);
        free(ogg);
    }

    /* Media inside a message: base64 bytes kept under their SHA-256, read, and found in the gallery. */
    unsigned char *fields = read_fixture("documents/lease-fields.csv", &size);
    char hex[65] = "";
    if (fields) {
        sha256_hex(fields, size, hex);
        char *b64 = base64(fields, size);
        char *message = malloc(strlen(b64) + 512);
        sprintf(message, "{\"id\":\"md1\",\"chat\":\"c-media\",\"from\":\"u\",\"timestamp\":1764800000,\"type\":\"document\","
                         "\"text\":\"my lease\",\"media\":{\"mimetype\":\"text/csv\",\"fileName\":\"lease.csv\",\"data\":\"%s\"}}", b64);
        CHECK_OUT(process(engine, message, &out, &len));
        CHECK(HAS(out, "\"media\":{") && HAS(out, hex) && HAS(out, "\"kind\":\"document\"") && HAS(out, "John Mugisha"),
              "document read inside processing: %.600s", SHOW(out));
        parley_string_free(out);
        /* Corrupt base64 / corrupt media never fails its message. */
        sprintf(message, "{\"id\":\"md2\",\"chat\":\"c-media\",\"from\":\"u\",\"timestamp\":1764800010,\"type\":\"image\","
                         "\"text\":\"photo of the meter\",\"mediaData\":\"%s\"}", "AAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        CHECK_OUT(process(engine, message, &out, &len));
        CHECK(HAS(out, "\"status\":\"processed\"") && HAS(out, "\"media\":{\"sha256\":\"c90232586b801f95"),
              "corrupt media: the message is still processed: %.600s", SHOW(out));
        parley_string_free(out);
        sprintf(message, "{\"id\":\"md3\",\"chat\":\"c-media\",\"from\":\"u\",\"timestamp\":1764800020,\"type\":\"image\","
                         "\"text\":\"photo\",\"mediaData\":\"%s\"}", "not base64 at all!!");
        parley_status got = process(engine, message, &out, &len);
        CHECK(got == PARLEY_OK || got == PARLEY_INVALID_MESSAGE, "invalid base64: %s", parley_status_name(got));
        if (got == PARLEY_OK) parley_string_free(out);
        /* A path outside the media directory is refused (not read). */
        sprintf(message, "{\"id\":\"md4\",\"chat\":\"c-media\",\"from\":\"u\",\"timestamp\":1764800030,\"type\":\"document\","
                         "\"text\":\"passwd\",\"mediaPath\":\"/etc/passwd\"}");
        got = process(engine, message, &out, &len);
        CHECK(got == PARLEY_OK && !HAS(out, "root:") && HAS(out, "\"media\":{\"error\":{"),
              "a path outside the media directory is refused, the message processed: %.400s", got == PARLEY_OK ? out : "");
        if (got == PARLEY_OK) parley_string_free(out);
        sprintf(message, "{\"id\":\"md5\",\"chat\":\"c-media\",\"from\":\"u\",\"timestamp\":1764800040,\"type\":\"document\","
                         "\"text\":\"passwd2\",\"mediaPath\":\"../../../../../../etc/passwd\"}");
        got = process(engine, message, &out, &len);
        CHECK(got != PARLEY_OK || !HAS(out, "root:"), "../ escapes are never read: %.400s", got == PARLEY_OK ? out : "");
        if (got == PARLEY_OK) parley_string_free(out);
        free(message);
        free(b64);
        free(fields);
    }

    /* Gallery */
    CHECK_OUT(parley_gallery_query(engine, NULL, &out, &len));
    CHECK(schema_ok(out) && HAS(out, hex) && HAS(out, "\"messageId\":\"md1\""), "gallery: %.400s", SHOW(out));
    parley_string_free(out);
    CHECK_OUT(parley_gallery_query(engine, "{\"chat\":\"c-media\",\"kind\":\"document\",\"text\":\"Mugi\",\"limit\":5}", &out, &len));
    CHECK(HAS(out, hex), "gallery by text prefix: %.400s", SHOW(out));
    parley_string_free(out);
    CHECK_FAILS(parley_gallery_query(NULL, NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_gallery_query(engine, NULL, NULL, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_gallery_query(engine, "{\"kind\":\"hologram\"}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_gallery_query(engine, "{\"limit\":0}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_gallery_query(engine, "{\"limit\":1001}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_gallery_query(engine, "{\"colour\":1}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_gallery_query(engine, "{\"since\":\"yesterday\"}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_gallery_query(engine, "{\"chat\":", &out, &len), PARLEY_MALFORMED_JSON);
    CHECK_FAILS(parley_gallery_query(engine, "{\"chat\":\"" BAD_UTF8 "\"}", &out, &len), PARLEY_INVALID_UTF8);
    if (hex[0]) {
        CHECK_OUT(parley_gallery_get(engine, hex, &out, &len));
        CHECK(schema_ok(out) && HAS(out, "\"item\":{") && HAS(out, "\"messages\":[{") && HAS(out, "\"result\":"), "gallery item: %.300s",
              SHOW(out));
        parley_string_free(out);
    }
    CHECK_FAILS(parley_gallery_get(engine, "0000000000000000000000000000000000000000000000000000000000000000", &out, &len), PARLEY_NOT_FOUND);
    CHECK_FAILS(parley_gallery_get(engine, NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_gallery_get(NULL, hex, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_gallery_get(engine, BAD_UTF8, &out, &len), PARLEY_INVALID_UTF8);
    /* "sha256: NUL-terminated, lowercase hex (or base64 ...)": anything else is a bad argument. */
    CHECK_FAILS(parley_gallery_get(engine, "zz-not-hex", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_gallery_get(engine, "", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_gallery_get(engine, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", &out, &len), PARLEY_NOT_FOUND);
    parley_engine_close(engine);

    /* A reader turned off: UNSUPPORTED. */
    CHECK_STATUS(parley_engine_open("{\"media\": {\"ocr\": false, \"voice\": false}}", &engine), PARLEY_OK);
    if (engine) {
        unsigned char png[] = {0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};
        CHECK_FAILS(parley_media_ocr(engine, png, sizeof png, NULL, &out, &len), PARLEY_UNSUPPORTED);
        CHECK_STATUS(parley_media_set_transcriber(engine, host_transcriber, &transcriber_calls), PARLEY_UNSUPPORTED);
        parley_engine_close(engine);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Dead letters, maintenance, report, import */

#define NOW_MS 1764900000000LL
#define MAX_MS 9007199254740992LL /* 2^53 */

static void test_dlq_and_maintenance(void) {
    parley_engine *engine = NULL;
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_engine_open(store_config, &engine), PARLEY_OK);
    if (!engine) return;
    CHECK_OUT(process(engine, MSG("dl1", "c-dlq", 1764900000, "Please fix the water heater in unit 9"), &out, &len));
    parley_string_free(out);
    CHECK_OUT(process(engine, MSG("dl2", "c-dlq", 1764900100, "Also the door lock of unit 9 is stuck"), &out, &len));
    parley_string_free(out);

    /* message_fail bad input */
    CHECK_STATUS(parley_message_fail(NULL, "c-dlq", "dl1", NULL, NOW_MS), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_message_fail(engine, NULL, "dl1", NULL, NOW_MS), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_message_fail(engine, "c-dlq", NULL, NULL, NOW_MS), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_message_fail(engine, "", "dl1", NULL, NOW_MS), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_message_fail(engine, "c-dlq", "", NULL, NOW_MS), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_message_fail(engine, "c-dlq", "dl1", NULL, -1), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_message_fail(engine, "c-dlq", "dl1", NULL, MAX_MS + 1), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_message_fail(engine, "c-dlq", "dl1", "42", NOW_MS), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_message_fail(engine, "c-dlq", "dl1", "[1]", NOW_MS), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_message_fail(engine, "c-dlq", "dl1", "{\"status\":", NOW_MS), PARLEY_MALFORMED_JSON);
    CHECK_STATUS(parley_message_fail(engine, "c-dlq", "dl1", "{\"message\":\"" BAD_UTF8 "\"}", NOW_MS), PARLEY_INVALID_UTF8);
    CHECK_STATUS(parley_message_fail(engine, "c-" BAD_UTF8, "dl1", NULL, NOW_MS), PARLEY_INVALID_UTF8);
    char *huge = malloc(5000);
    memset(huge, 'a', 4999);
    huge[0] = '"';
    huge[4998] = '"';
    huge[4999] = '\0';
    CHECK_STATUS(parley_message_fail(engine, "c-dlq", "dl1", huge, NOW_MS), PARLEY_TOO_LARGE);
    free(huge);
    CHECK_STATUS(parley_message_fail(engine, "c-dlq", "no-such", NULL, NOW_MS), PARLEY_NOT_FOUND);
    CHECK_STATUS(parley_message_fail(engine, "no-such-chat", "dl1", NULL, NOW_MS), PARLEY_NOT_FOUND);

    /* A failure makes it "failed", due after the first delay (300 s +-20 %). */
    CHECK_STATUS(parley_message_fail(engine, "c-dlq", "dl1", "{\"status\": \"sheets\", \"message\": \"quota\", \"row\": 17}", NOW_MS), PARLEY_OK);
    CHECK_STATUS(parley_message_fail(engine, "c-dlq", "dl1", NULL, NOW_MS), PARLEY_INVALID_ARGUMENT); /* already failed */
    CHECK_STATUS(parley_message_fail(engine, "c-dlq", "dl2", "\"send failed\"", NOW_MS), PARLEY_OK);
    CHECK_OUT(parley_dlq_get(engine, "c-dlq", "dl1", &out, &len));
    CHECK(schema_ok(out) && HAS(out, "\"state\":\"failed\"") && HAS(out, "\"attempts\":1") && HAS(out, "\"row\":17") && HAS(out, "\"nextAttemptAt\":"),
          "dlq_get: %.400s", SHOW(out));
    long long next = json_int_after(out, NULL, "nextAttemptAt");
    CHECK(next >= NOW_MS + 240000 && next <= NOW_MS + 360000, "first delay 300 s +-20%%: %lld", next - NOW_MS);
    parley_string_free(out);
    CHECK_FAILS(parley_dlq_get(engine, "c-dlq", "no-such", &out, &len), PARLEY_NOT_FOUND);
    CHECK_FAILS(parley_dlq_get(engine, "", "dl1", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_dlq_get(engine, "c-dlq", "", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_dlq_get(engine, NULL, "dl1", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_dlq_get(NULL, "c-dlq", "dl1", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_dlq_get(engine, "c-dlq", BAD_UTF8, &out, &len), PARLEY_INVALID_UTF8);
    CHECK_STATUS(parley_dlq_get(engine, "c-dlq", "dl1", NULL, &len), PARLEY_INVALID_ARGUMENT);

    CHECK_OUT(parley_dlq_list(engine, NULL, &out, &len));
    CHECK(schema_ok(out) && HAS(out, "\"id\":\"dl1\"") && HAS(out, "\"id\":\"dl2\""), "dlq_list: %.300s", SHOW(out));
    CHECK(out && strstr(out, "\"id\":\"dl1\"") < strstr(out, "\"id\":\"dl2\""), "oldest first");
    parley_string_free(out);
    CHECK_OUT(parley_dlq_list(engine, "{\"state\":\"dead\"}", &out, &len));
    CHECK(HAS(out, "\"messages\":[]"), "no dead yet: %s", SHOW(out));
    parley_string_free(out);
    CHECK_OUT(parley_dlq_list(engine, "{\"state\":null,\"chat\":\"c-dlq\",\"limit\":1}", &out, &len));
    CHECK(HAS(out, "\"id\":\"dl1\"") && !HAS(out, "\"id\":\"dl2\""), "limit 1: %.300s", SHOW(out));
    parley_string_free(out);
    CHECK_FAILS(parley_dlq_list(NULL, NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_dlq_list(engine, NULL, NULL, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_dlq_list(engine, "{\"state\":\"processed\"}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_dlq_list(engine, "{\"limit\":0}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_dlq_list(engine, "{\"limit\":1001}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_dlq_list(engine, "{\"colour\":1}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_dlq_list(engine, "{\"chat\":7}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_dlq_list(engine, "{", &out, &len), PARLEY_MALFORMED_JSON);
    CHECK_FAILS(parley_dlq_list(engine, "{\"chat\":\"" BAD_UTF8 "\"}", &out, &len), PARLEY_INVALID_UTF8);

    /* run_due: nothing due now, dl1 and dl2 due after 400 s. */
    CHECK_OUT(parley_dlq_run_due(engine, NOW_MS, &out, &len));
    CHECK(schema_ok(out) && HAS(out, "\"retried\":[]"), "nothing due yet: %s", SHOW(out));
    parley_string_free(out);
    CHECK_OUT(parley_dlq_run_due(engine, NOW_MS + 400000, &out, &len));
    CHECK(HAS(out, "\"id\":\"dl1\"") && HAS(out, "\"attempt\":2") && HAS(out, "\"context\":{"), "retried: %.400s", SHOW(out));
    parley_string_free(out);
    CHECK_FAILS(parley_dlq_run_due(NULL, NOW_MS, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_dlq_run_due(engine, -1, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_dlq_run_due(engine, MAX_MS + 1, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_dlq_run_due(engine, NOW_MS, NULL, &len), PARLEY_INVALID_ARGUMENT);

    /* dl1: fail until dead (attempts 5), retry by hand, resolve, purge. */
    for (int i = 0; i < 4; i++) {
        CHECK_STATUS(parley_message_fail(engine, "c-dlq", "dl1", NULL, NOW_MS + 500000 + i), PARLEY_OK);
        if (i < 3) {
            CHECK_OUT(parley_dlq_retry(engine, "c-dlq", "dl1", NOW_MS + 500000 + i, &out, &len));
            parley_string_free(out);
        }
    }
    CHECK_OUT(parley_dlq_get(engine, "c-dlq", "dl1", &out, &len));
    CHECK(HAS(out, "\"state\":\"dead\"") && HAS(out, "\"attempts\":5"), "dead after 5 failures: %.300s", SHOW(out));
    parley_string_free(out);
    CHECK_OUT(parley_dlq_list(engine, "{\"state\":\"dead\"}", &out, &len));
    CHECK(HAS(out, "\"id\":\"dl1\""), "listed dead: %.200s", SHOW(out));
    parley_string_free(out);
    CHECK_OUT(parley_dlq_retry(engine, "c-dlq", "dl1", NOW_MS + 600000, &out, &len));
    CHECK(schema_ok(out) && HAS(out, "\"retried\":[{"), "manual retry of a dead one: %.300s", SHOW(out));
    parley_string_free(out);
    CHECK_FAILS(parley_dlq_retry(engine, "c-dlq", "dl1", NOW_MS + 600001, &out, &len), PARLEY_INVALID_ARGUMENT); /* processed now */
    CHECK_FAILS(parley_dlq_retry(engine, "c-dlq", "no-such", NOW_MS, &out, &len), PARLEY_NOT_FOUND);
    CHECK_FAILS(parley_dlq_retry(engine, "c-dlq", "", NOW_MS, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_dlq_retry(engine, "c-dlq", "dl2", -5, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_dlq_retry(engine, BAD_UTF8, "dl2", NOW_MS, &out, &len), PARLEY_INVALID_UTF8);
    CHECK_FAILS(parley_dlq_retry(NULL, "c-dlq", "dl2", NOW_MS, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_message_fail(engine, "c-dlq", "dl1", NULL, NOW_MS + 600002), PARLEY_OK);
    CHECK_OUT(parley_dlq_get(engine, "c-dlq", "dl1", &out, &len));
    CHECK(HAS(out, "\"state\":\"dead\""), "back to dead on its next failure: %.300s", SHOW(out));
    parley_string_free(out);

    CHECK_STATUS(parley_dlq_resolve(engine, "c-dlq", "dl1"), PARLEY_OK);
    CHECK_STATUS(parley_dlq_resolve(engine, "c-dlq", "dl1"), PARLEY_OK);
    CHECK_STATUS(parley_dlq_resolve(engine, "c-dlq", "no-such"), PARLEY_NOT_FOUND);
    CHECK_STATUS(parley_dlq_resolve(engine, "", "dl1"), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_dlq_resolve(engine, NULL, "dl1"), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_dlq_resolve(NULL, "c-dlq", "dl1"), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_dlq_resolve(engine, "c-dlq", BAD_UTF8), PARLEY_INVALID_UTF8);
    CHECK_OUT(process(engine, MSG("dl3", "c-dlq", 1764900200, "third message never failed"), &out, &len));
    parley_string_free(out);
    CHECK_STATUS(parley_dlq_resolve(engine, "c-dlq", "dl3"), PARLEY_INVALID_ARGUMENT); /* processed */

    CHECK_FAILS(parley_dlq_purge(engine, "{\"state\":\"failed\"}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_dlq_purge(engine, "{\"colour\":1}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_dlq_purge(engine, "{", &out, &len), PARLEY_MALFORMED_JSON);
    CHECK_FAILS(parley_dlq_purge(engine, "{\"chat\":\"" BAD_UTF8 "\"}", &out, &len), PARLEY_INVALID_UTF8);
    CHECK_FAILS(parley_dlq_purge(NULL, NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_dlq_purge(engine, NULL, NULL, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_OUT(parley_dlq_purge(engine, "{\"state\":\"resolved\",\"chat\":\"c-dlq\"}", &out, &len));
    CHECK(schema_ok(out) && HAS(out, "\"purged\":1"), "purged: %s", SHOW(out));
    parley_string_free(out);
    /* A purged id is new again. */
    CHECK_OUT(process(engine, MSG("dl1", "c-dlq", 1764900000, "Please fix the water heater in unit 9"), &out, &len));
    CHECK(HAS(out, "\"status\":\"processed\""), "purged id processed as new: %.200s", SHOW(out));
    parley_string_free(out);

    /* Maintenance */
    CHECK_OUT(parley_store_maintain(engine, 0, &out, &len));
    CHECK(schema_ok(out) && HAS(out, "\"deleted\":0") && HAS(out, "\"cutoff\":") && HAS(out, "\"autoVacuum\":\"incremental\""),
          "maintain: %s", SHOW(out));
    parley_string_free(out);
    CHECK_FAILS(parley_store_maintain(NULL, 0, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_store_maintain(engine, -1, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_store_maintain(engine, MAX_MS + 1, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_store_maintain(engine, 0, NULL, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_store_maintain(engine, 0, &out, NULL), PARLEY_INVALID_ARGUMENT);
    parley_engine_close(engine);

    /* Retention 30 days, archive: old messages move; a forgotten id is new again. */
    char dir[64], config[512];
    make_store_dir(dir, "h1ret");
    snprintf(config, sizeof config, "{\"store\": {\"path\": \"%s/parley.db\"}, \"retention\": {\"days\": 30, \"archive\": \"%s/archive.db\"}}",
             dir, dir);
    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_OK);
    if (engine) {
        CHECK_OUT(process(engine, MSG("old1", "c-ret", 1700000000, "an old message from 2023"), &out, &len));
        parley_string_free(out);
        /* Arrival is now: with now_ms 40 days ahead, both timestamp and arrival are past the cutoff. */
        int64_t later = (int64_t)time(NULL) * 1000 + 40LL * 86400 * 1000;
        CHECK_OUT(parley_store_maintain(engine, later, &out, &len));
        CHECK(json_int_after(out, NULL, "archived") == 1 && json_int_after(out, NULL, "deleted") >= 0, "archived 1: %s", SHOW(out));
        parley_string_free(out);
        CHECK_OUT(parley_store_maintain(engine, 0, &out, &len));
        CHECK(json_int_after(out, NULL, "archived") == 0, "arrival today keeps it... already gone: %s", SHOW(out));
        parley_string_free(out);
        CHECK_OUT(process(engine, MSG("old1", "c-ret", 1700000000, "an old message from 2023"), &out, &len));
        CHECK(HAS(out, "\"status\":\"processed\""), "forgotten id is new again: %.200s", SHOW(out));
        parley_string_free(out);
        /* Retention keeps a message that arrived today even with an old timestamp. */
        CHECK_OUT(parley_store_maintain(engine, 0, &out, &len));
        CHECK(json_int_after(out, NULL, "archived") == 0, "arrived today: kept: %s", SHOW(out));
        parley_string_free(out);
        parley_engine_close(engine);
        char archive[128];
        snprintf(archive, sizeof archive, "%s/archive.db", dir);
        struct stat st;
        CHECK(stat(archive, &st) == 0 && st.st_size > 0, "archive file created");
    }
    snprintf(config, sizeof config, "{\"store\": {\"path\": \"%s/parley.db\"}, \"retention\": {\"days\": 0}}", dir);
    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_OK);
    if (engine) {
        int64_t later = (int64_t)time(NULL) * 1000 + 400LL * 86400 * 1000;
        CHECK_OUT(parley_store_maintain(engine, later, &out, &len));
        CHECK(HAS(out, "\"cutoff\":null") && HAS(out, "\"deleted\":0") && HAS(out, "\"archived\":0"), "days 0 keeps everything: %s", SHOW(out));
        parley_string_free(out);
        parley_engine_close(engine);
    }
    snprintf(config, sizeof config, "{\"store\": {\"path\": \"%s/parley.db\"}, \"retention\": {\"days\": 30, \"archive\": \"/nonexistent-dir/a.db\"}}",
             dir);
    CHECK_STATUS(parley_engine_open(config, &engine), PARLEY_OK);
    if (engine) {
        int64_t later = (int64_t)time(NULL) * 1000 + 40LL * 86400 * 1000;
        CHECK_FAILS(parley_store_maintain(engine, later, &out, &len), PARLEY_STORAGE);
        parley_engine_close(engine);
    }
    char command[128];
    snprintf(command, sizeof command, "rm -rf %s", dir);
    CHECK(system(command) == 0, "cleanup");
}

static void test_report_and_import(void) {
    parley_engine *engine = NULL;
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_engine_open(store_config, &engine), PARLEY_OK);
    if (!engine) return;
    CHECK_OUT(parley_report_html(engine, "{\"chat\":\"250788123456@c.us\",\"title\":\"Tenants <b>&</b>\",\"generatedAt\":1764000000}", &out, &len));
    CHECK(HAS(out, "<html") || HAS(out, "<!DOCTYPE") || HAS(out, "<!doctype"), "HTML page: %.100s", SHOW(out));
    CHECK(!HAS(out, "<script"), "no script");
    CHECK(!HAS(out, "<b>&</b>"), "title escaped");
    CHECK(!HAS(out, "+250 788 123 456") && !HAS(out, "250788123456@c.us\"") , "phone numbers masked by default");
    parley_string_free(out);
    CHECK_OUT(parley_report_html(engine, "{\"chat\":\"no-such-chat\"}", &out, &len));
    CHECK(HAS(out, "<html") || HAS(out, "<!DOCTYPE") || HAS(out, "<!doctype"), "empty report is still a page");
    parley_string_free(out);
    CHECK_FAILS(parley_report_html(NULL, NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_report_html(engine, NULL, NULL, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_report_html(engine, "{\"colour\":1}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_report_html(engine, "{\"messageLimit\":-1}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_report_html(engine, "{\"chatLimit\":0}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_report_html(engine, "{\"mask\":\"yes\"}", &out, &len), PARLEY_INVALID_ARGUMENT);
    char title[400];
    memset(title, 'T', sizeof title);
    memcpy(title, "{\"title\":\"", 10);
    strcpy(title + 360, "\"}");
    CHECK_FAILS(parley_report_html(engine, title, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_report_html(engine, "{", &out, &len), PARLEY_MALFORMED_JSON);
    CHECK_FAILS(parley_report_html(engine, "{\"title\":\"" BAD_UTF8 "\"}", &out, &len), PARLEY_INVALID_UTF8);

    /* Import */
    char path[512];
    snprintf(path, sizeof path, "%s/import/ios/_chat.txt", fixtures);
    CHECK_OUT(parley_import_chat(engine, path, "{\"chat\":\"nyarutarama-group\",\"timeZone\":\"Africa/Kigali\"}", &out, &len));
    CHECK(schema_ok(out) && HAS(out, "\"format\":\"ios\"") && HAS(out, "\"dateOrder\":\"mdy\""), "import: %.400s", SHOW(out));
    long long imported = json_int_after(out, NULL, "imported");
    CHECK(imported > 5, "imported %lld", imported);
    CHECK(json_int_after(out, NULL, "deleted") == 1, "one deleted message: %.600s", SHOW(out));
    parley_string_free(out);
    CHECK_OUT(parley_import_chat(engine, path, "{\"chat\":\"nyarutarama-group\",\"timeZone\":\"Africa/Kigali\"}", &out, &len));
    CHECK(json_int_after(out, NULL, "imported") == 0 && json_int_after(out, NULL, "duplicates") == imported,
          "importing again adds nothing: %.400s", SHOW(out));
    parley_string_free(out);
    CHECK_FAILS(parley_import_chat(NULL, path, NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_import_chat(engine, NULL, NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_import_chat(engine, "", NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_import_chat(engine, path, NULL, NULL, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_import_chat(engine, store_dir, NULL, &out, &len), PARLEY_INVALID_ARGUMENT); /* a directory */
    CHECK_FAILS(parley_import_chat(engine, "/nonexistent-dir/chat.txt", NULL, &out, &len), PARLEY_NOT_FOUND);
    CHECK_FAILS(parley_import_chat(engine, path, "{\"dateOrder\":\"ymd\"}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_import_chat(engine, path, "{\"colour\":1}", &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_import_chat(engine, path, "{", &out, &len), PARLEY_MALFORMED_JSON);
    CHECK_FAILS(parley_import_chat(engine, path, "{\"chat\":\"" BAD_UTF8 "\"}", &out, &len), PARLEY_INVALID_UTF8);
    CHECK_FAILS(parley_import_chat(engine, "/tmp/" BAD_UTF8 ".txt", NULL, &out, &len), PARLEY_INVALID_UTF8);
    char txt[128];
    snprintf(txt, sizeof txt, "%s/not-a-chat.txt", store_dir);
    FILE *f = fopen(txt, "w");
    if (f) { fputs("just some notes\nwith no dates\n", f); fclose(f); }
    CHECK_FAILS(parley_import_chat(engine, txt, NULL, &out, &len), PARLEY_UNSUPPORTED);
    snprintf(txt, sizeof txt, "%s/empty.txt", store_dir);
    f = fopen(txt, "w");
    if (f) fclose(f);
    CHECK_FAILS(parley_import_chat(engine, txt, NULL, &out, &len), PARLEY_INVALID_ARGUMENT); /* an empty file */
    snprintf(txt, sizeof txt, "%s/broken.zip", store_dir);
    f = fopen(txt, "wb");
    if (f) { fputs("PK\x03\x04 this zip is cut short", f); fclose(f); }
    CHECK_FAILS(parley_import_chat(engine, txt, NULL, &out, &len), PARLEY_CORRUPT);
    snprintf(path, sizeof path, "%s/import/bomb.zip", fixtures);
    CHECK_FAILS(parley_import_chat(engine, path, NULL, &out, &len), PARLEY_TOO_LARGE);
    parley_engine_close(engine);
}

/* ---------------------------------------------------------------------------------------- */
/* Reliability: idempotency claims, circuit breakers, write-backs */

typedef struct {
    parley_engine *engine;
    int firsts;
} claim_args;

static void *claimer(void *arg) {
    claim_args *c = arg;
    int first = 0;
    if (parley_idempotency_claim(c->engine, "sheets:row:99:paid", 3600, &first) == PARLEY_OK && first == 1) c->firsts++;
    return NULL;
}

static void test_reliability(void) {
    parley_engine *engine = NULL;
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_engine_open(store_config, &engine), PARLEY_OK);
    if (!engine) return;
    int first = 7;
    char key513[514];
    memset(key513, 'k', 513);
    key513[513] = '\0';
    char key512[513];
    memset(key512, 'k', 512);
    key512[512] = '\0';

    CHECK_STATUS(parley_idempotency_claim(NULL, "k", 60, &first), PARLEY_INVALID_ARGUMENT);
    CHECK(first == 0, "out_first 0 on failure");
    first = 7;
    CHECK_STATUS(parley_idempotency_claim(engine, NULL, 60, &first), PARLEY_INVALID_ARGUMENT);
    CHECK(first == 0, "out_first 0 on failure (key NULL)");
    CHECK_STATUS(parley_idempotency_claim(engine, "k", 60, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_idempotency_claim(engine, "", 60, &first), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_idempotency_claim(engine, key513, 60, &first), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_idempotency_claim(engine, "k", 0, &first), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_idempotency_claim(engine, "k", 315360001, &first), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_idempotency_claim(engine, "k", -1, &first), PARLEY_INVALID_ARGUMENT);
    first = 7;
    CHECK_STATUS(parley_idempotency_claim(engine, "k" BAD_UTF8, 60, &first), PARLEY_INVALID_UTF8);
    CHECK(first == 0, "out_first 0 on failure (UTF-8)");
    CHECK_STATUS(parley_idempotency_claim(engine, key512, 315360000, &first), PARLEY_OK);
    CHECK(first == 1, "512-byte key, ten years");
    CHECK_STATUS(parley_idempotency_claim(engine, "sheets:row:17:paid", 3600, &first), PARLEY_OK);
    CHECK(first == 1, "first claim");
    CHECK_STATUS(parley_idempotency_claim(engine, "sheets:row:17:paid", 3600, &first), PARLEY_OK);
    CHECK(first == 0, "second claim");
    CHECK_STATUS(parley_idempotency_release(engine, "sheets:row:17:paid"), PARLEY_OK);
    CHECK_STATUS(parley_idempotency_release(engine, "never-claimed"), PARLEY_OK);
    CHECK_STATUS(parley_idempotency_claim(engine, "sheets:row:17:paid", 3600, &first), PARLEY_OK);
    CHECK(first == 1, "claim after release");
    CHECK_STATUS(parley_idempotency_release(NULL, "k"), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_idempotency_release(engine, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_idempotency_release(engine, ""), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_idempotency_release(engine, key513), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_idempotency_release(engine, BAD_UTF8), PARLEY_INVALID_UTF8);
    /* Exactly one of 4 concurrent claimers wins. */
    pthread_t threads[4];
    claim_args claims[4];
    for (int i = 0; i < 4; i++) {
        claims[i] = (claim_args){engine, 0};
        pthread_create(&threads[i], NULL, claimer, &claims[i]);
    }
    int winners = 0;
    for (int i = 0; i < 4; i++) {
        pthread_join(threads[i], NULL);
        winners += claims[i].firsts;
    }
    CHECK(winners == 1, "exactly one concurrent claimer wins: %d", winners);
    parley_engine_close(engine);
    /* Claims survive close and reopen. */
    CHECK_STATUS(parley_engine_open(store_config, &engine), PARLEY_OK);
    if (!engine) return;
    CHECK_STATUS(parley_idempotency_claim(engine, "sheets:row:17:paid", 3600, &first), PARLEY_OK);
    CHECK(first == 0, "claim survives reopen");
    parley_engine_close(engine);

    /* Breakers: window 4, minimumCalls 2, failureRate 0.5, openSeconds 1, halfOpenPermits 1. */
    CHECK_STATUS(parley_engine_open("{\"breakers\": {\"sheets\": {\"window\": 4, \"minimumCalls\": 2, \"failureRate\": 0.5, \"openSeconds\": 1, "
                                    "\"halfOpenPermits\": 1}}}", &engine), PARLEY_OK);
    if (!engine) return;
    int allowed = 7;
    char name129[130];
    memset(name129, 'n', 129);
    name129[129] = '\0';
    CHECK_STATUS(parley_breaker_allow(NULL, "sheets", 1000, &allowed), PARLEY_INVALID_ARGUMENT);
    CHECK(allowed == 0, "out_allowed 0 on failure");
    CHECK_STATUS(parley_breaker_allow(engine, NULL, 1000, &allowed), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_breaker_allow(engine, "sheets", 1000, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_breaker_allow(engine, "", 1000, &allowed), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_breaker_allow(engine, name129, 1000, &allowed), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_breaker_allow(engine, "sheets", -1, &allowed), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_breaker_allow(engine, "sheets", MAX_MS + 1, &allowed), PARLEY_INVALID_ARGUMENT);
    allowed = 7;
    CHECK_STATUS(parley_breaker_allow(engine, BAD_UTF8, 1000, &allowed), PARLEY_INVALID_UTF8);
    CHECK(allowed == 0, "out_allowed 0 on UTF-8 failure");
    CHECK_STATUS(parley_breaker_record(NULL, "sheets", 1, 10, 1000), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_breaker_record(engine, NULL, 1, 10, 1000), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_breaker_record(engine, "", 1, 10, 1000), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_breaker_record(engine, name129, 1, 10, 1000), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_breaker_record(engine, "sheets", 1, -1, 1000), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_breaker_record(engine, "sheets", 1, 10, -1), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_breaker_record(engine, "sheets", 1, 10, MAX_MS + 1), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_breaker_record(engine, BAD_UTF8, 1, 10, 1000), PARLEY_INVALID_UTF8);
    CHECK_FAILS(parley_breaker_status(NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_breaker_status(engine, NULL, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_breaker_status(engine, &out, NULL), PARLEY_INVALID_ARGUMENT);

    CHECK_STATUS(parley_breaker_allow(engine, "sheets", 1000, &allowed), PARLEY_OK);
    CHECK(allowed == 1, "closed: allowed");
    CHECK_STATUS(parley_breaker_record(engine, "sheets", 0, 100, 1001), PARLEY_OK);
    CHECK_STATUS(parley_breaker_allow(engine, "sheets", 1002, &allowed), PARLEY_OK);
    CHECK_STATUS(parley_breaker_record(engine, "sheets", 0, 100, 1003), PARLEY_OK);
    CHECK_STATUS(parley_breaker_allow(engine, "sheets", 1004, &allowed), PARLEY_OK);
    CHECK(allowed == 0, "open after 2 of 2 failures");
    CHECK_OUT(parley_breaker_status(engine, &out, &len));
    CHECK(schema_ok(out) && HAS(out, "\"name\":\"sheets\"") && HAS(out, "\"state\":\"open\"") && HAS(out, "\"retryAt\":"),
          "status open: %s", SHOW(out));
    parley_string_free(out);
    CHECK_STATUS(parley_breaker_allow(engine, "sheets", 2004, &allowed), PARLEY_OK);
    CHECK(allowed == 1, "half-open trial after openSeconds");
    int second = 7;
    CHECK_STATUS(parley_breaker_allow(engine, "sheets", 2005, &second), PARLEY_OK);
    CHECK(second == 0, "only one trial permit");
    CHECK_STATUS(parley_breaker_record(engine, "sheets", 1, 100, 2006), PARLEY_OK);
    CHECK_STATUS(parley_breaker_allow(engine, "sheets", 2007, &allowed), PARLEY_OK);
    CHECK(allowed == 1, "closed after a good trial");
    CHECK_OUT(parley_breaker_status(engine, &out, &len));
    CHECK(HAS(out, "\"state\":\"closed\""), "closed: %s", SHOW(out));
    parley_string_free(out);
    /* At most 1024 breakers. */
    parley_status last = PARLEY_OK;
    int made = 1;
    for (int i = 0; i < 1100 && last == PARLEY_OK; i++) {
        char name[32];
        snprintf(name, sizeof name, "dep-%d", i);
        last = parley_breaker_allow(engine, name, 3000, &allowed);
        if (last == PARLEY_OK) made++;
    }
    CHECK(last == PARLEY_INVALID_ARGUMENT && made == 1024, "the 1025th breaker: %s after %d", parley_status_name(last), made);

    /* Write-backs: parked while "sheets" is open, replayed in order once it lets calls through. */
    uint64_t id1 = 0, id2 = 0, id3 = 0;
    CHECK_STATUS(parley_writeback_park(NULL, "sheets", "{}", 2, NULL, 0, &id1), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_writeback_park(engine, NULL, "{}", 2, NULL, 0, &id1), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_writeback_park(engine, "", "{}", 2, NULL, 0, &id1), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_writeback_park(engine, "sheets", NULL, 2, NULL, 0, &id1), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_writeback_park(engine, "sheets", "{}", 0, NULL, 0, &id1), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_writeback_park(engine, "sheets", "{}", 2, NULL, 0, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_writeback_park(engine, "sheets", "{}", 2, "", 0, &id1), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_writeback_park(engine, "sheets", "{}", 2, NULL, -1, &id1), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_writeback_park(engine, "sheets", "{\"row\":", 7, NULL, 0, &id1), PARLEY_MALFORMED_JSON);
    CHECK_STATUS(parley_writeback_park(engine, "sheets", "\"" BAD_UTF8 "\"", 4, NULL, 0, &id1), PARLEY_INVALID_UTF8);
    CHECK_STATUS(parley_writeback_park(engine, BAD_UTF8, "{}", 2, NULL, 0, &id1), PARLEY_INVALID_UTF8);
    char *big = malloc(70000);
    memset(big, ' ', 70000);
    big[0] = '"';
    big[69999] = '"';
    CHECK_STATUS(parley_writeback_park(engine, "sheets", big, 70000, NULL, 0, &id1), PARLEY_TOO_LARGE);
    free(big);
    CHECK_STATUS(parley_writeback_park(engine, "sheets", "{\"row\":1}", 9, "wb-1", 5000, &id1), PARLEY_OK);
    CHECK_STATUS(parley_writeback_park(engine, "sheets", "{\"row\":2}", 9, NULL, 5001, &id2), PARLEY_OK);
    CHECK_STATUS(parley_writeback_park(engine, "sheets", "{\"row\":9}", 9, "wb-1", 5002, &id3), PARLEY_OK);
    CHECK(id1 != 0 && id2 != 0 && id1 != id2 && id3 == id1, "ids %llu %llu %llu", (unsigned long long)id1, (unsigned long long)id2,
          (unsigned long long)id3);
    CHECK_FAILS(parley_writeback_replay(engine, "sheets", 0, 6000, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_writeback_replay(engine, "sheets", 1001, 6000, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_writeback_replay(engine, NULL, 10, 6000, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_writeback_replay(NULL, "sheets", 10, 6000, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_writeback_replay(engine, "sheets", 10, -1, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_writeback_replay(engine, "sheets", 10, 6000, NULL, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_OUT(parley_writeback_replay(engine, "sheets", 10, 6000, &out, &len));
    CHECK(schema_ok(out) && HAS(out, "\"breaker\":\"closed\"") && HAS(out, "\"row\":1") && HAS(out, "\"row\":2") && !HAS(out, "\"row\":9"),
          "replay: %s", SHOW(out));
    CHECK(out && strstr(out, "\"row\":1") < strstr(out, "\"row\":2"), "oldest first");
    parley_string_free(out);
    CHECK_STATUS(parley_writeback_confirm(engine, id1, 1, NULL), PARLEY_OK);
    CHECK_STATUS(parley_writeback_confirm(engine, id2, 0, "quota exceeded"), PARLEY_OK);
    CHECK_STATUS(parley_writeback_confirm(engine, id1, 1, NULL), PARLEY_NOT_FOUND);
    CHECK_STATUS(parley_writeback_confirm(engine, 987654321, 1, NULL), PARLEY_NOT_FOUND);
    CHECK_STATUS(parley_writeback_confirm(NULL, id2, 1, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_writeback_confirm(engine, id2, 0, BAD_UTF8), PARLEY_INVALID_UTF8);
    CHECK_OUT(parley_writeback_replay(engine, "sheets", 10, 7000, &out, &len));
    CHECK(HAS(out, "\"attempts\":1") && HAS(out, "\"lastError\":\"quota exceeded\"") && !HAS(out, "\"row\":1"), "kept with its error: %s",
          SHOW(out));
    parley_string_free(out);
    parley_engine_close(engine);
}

/* ---------------------------------------------------------------------------------------- */
/* Session care */

static void test_session(void) {
    char *out = NULL;
    size_t len = 0;
    char dir[64];
    make_store_dir(dir, "h1sess");
    parley_session_lock *lock = (parley_session_lock *)1, *other = NULL;

    CHECK_STATUS(parley_session_lock_acquire(NULL, NULL, &lock), PARLEY_INVALID_ARGUMENT);
    CHECK(lock == NULL, "out_lock NULL on failure");
    CHECK_STATUS(parley_session_lock_acquire(dir, NULL, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_session_lock_acquire("", NULL, &lock), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_session_lock_acquire("/nonexistent-dir/session", NULL, &lock), PARLEY_NOT_FOUND);
    CHECK_STATUS(parley_session_lock_acquire("/etc/hostname", NULL, &lock), PARLEY_INVALID_ARGUMENT); /* not a directory */
    CHECK_STATUS(parley_session_lock_acquire(dir, "{\"staleAfterMs\": 0}", &lock), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_session_lock_acquire(dir, "{\"staleAfterMs\": 86400001}", &lock), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_session_lock_acquire(dir, "{\"owner\": \"\"}", &lock), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_session_lock_acquire(dir, "{\"colour\": 1}", &lock), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_session_lock_acquire(dir, "{\"owner\": ", &lock), PARLEY_MALFORMED_JSON);
    CHECK_STATUS(parley_session_lock_acquire(dir, "{\"owner\": \"" BAD_UTF8 "\"}", &lock), PARLEY_INVALID_UTF8);
    CHECK_STATUS(parley_session_lock_acquire("/tmp/" BAD_UTF8, NULL, &lock), PARLEY_INVALID_UTF8);

    lock = NULL;
    CHECK_STATUS(parley_session_lock_acquire(dir, "{\"owner\": \"bot-1\", \"staleAfterMs\": 60000}", &lock), PARLEY_OK);
    CHECK(lock != NULL, "lock taken");
    char lock_path[128];
    snprintf(lock_path, sizeof lock_path, "%s/.parley-session.lock", dir);
    struct stat st;
    CHECK(stat(lock_path, &st) == 0 && (st.st_mode & 0777) == 0600, "lock file 0600: %o", (unsigned)(st.st_mode & 0777));
    /* The same process taking it again: held by a live, fresh holder (this one). */
    other = (parley_session_lock *)1;
    CHECK_STATUS(parley_session_lock_acquire(dir, "{\"owner\": \"bot-2\"}", &other), PARLEY_BUSY);
    CHECK(other == NULL && HAS(parley_last_error(), "bot-1"), "BUSY names its owner: %s", parley_last_error());
    CHECK_STATUS(parley_session_lock_refresh(lock), PARLEY_OK);
    CHECK_STATUS(parley_session_lock_refresh(NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_OUT(parley_session_lock_info(lock, &out, &len));
    CHECK(schema_ok(out) && HAS(out, "\"owner\":\"bot-1\"") && HAS(out, "\"token\":") && HAS(out, lock_path), "info: %s", SHOW(out));
    parley_string_free(out);
    CHECK_FAILS(parley_session_lock_info(NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_session_lock_info(lock, NULL, &len), PARLEY_INVALID_ARGUMENT);
    /* The lock file emptied: the next refresh is NOT_FOUND, and so is every later one. */
    FILE *f = fopen(lock_path, "w");
    if (f) fclose(f);
    CHECK_STATUS(parley_session_lock_refresh(lock), PARLEY_NOT_FOUND);
    CHECK_STATUS(parley_session_lock_refresh(lock), PARLEY_NOT_FOUND);
    parley_session_lock_release(lock);
    lock = NULL;
    CHECK_STATUS(parley_session_lock_acquire(dir, NULL, &lock), PARLEY_OK);
    parley_session_lock_release(lock);
    /* A symbolic link is never followed. */
    unlink(lock_path);
    CHECK(symlink("/tmp/h1-symlink-target-never", lock_path) == 0, "symlink");
    lock = (parley_session_lock *)1;
    CHECK_STATUS(parley_session_lock_acquire(dir, NULL, &lock), PARLEY_STORAGE);
    CHECK(lock == NULL, "lock NULL");
    CHECK(access("/tmp/h1-symlink-target-never", F_OK) != 0, "the link's target was not created");
    unlink(lock_path);
    rmdir(dir);

    /* Session events, heartbeats, health, pre-flight. */
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open("{\"session\": {\"backoff\": {\"initialMs\": 1000, \"multiplier\": 2, \"jitter\": 0, \"seed\": 7}}}", &engine),
                 PARLEY_OK);
    if (!engine) return;
    struct { const char *json; parley_status expected; } bad[] = {
        {"{\"event\": \"ready\"}", PARLEY_INVALID_ARGUMENT}, /* no "at" */
        {"{\"at\": 1000}", PARLEY_INVALID_ARGUMENT},         /* no event */
        {"{\"event\": \"teleported\", \"at\": 1000}", PARLEY_UNSUPPORTED},
        {"{\"event\": \"ready\", \"at\": -5}", PARLEY_INVALID_ARGUMENT},
        {"{\"event\": \"ready\", \"at\": \"now\"}", PARLEY_INVALID_ARGUMENT},
        {"{\"event\": \"ready\", \"at\": 1000, \"account\": \"\"}", PARLEY_INVALID_ARGUMENT},
        {"{\"event\": 5, \"at\": 1000}", PARLEY_INVALID_ARGUMENT},
        {"{\"event\": \"ready\",", PARLEY_MALFORMED_JSON},
        {"{\"event\": \"ready\", \"at\": 1000, \"account\": \"" BAD_UTF8 "\"}", PARLEY_INVALID_UTF8},
        {"[]", PARLEY_INVALID_ARGUMENT},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        out = SENTINEL;
        len = 5;
        parley_status got = parley_session_event(engine, bad[i].json, strlen(bad[i].json), &out, &len);
        CHECK(got == bad[i].expected, "session_event(%s): %s, expected %s", bad[i].json, parley_status_name(got),
              parley_status_name(bad[i].expected));
        CHECK(got == PARLEY_OK || (out == NULL && len == 0), "session_event #%zu: cleared", i);
        if (got == PARLEY_OK) parley_string_free(out);
    }
    static const char *ready = "{\"event\": \"ready\", \"at\": 1000}";
    CHECK_FAILS(parley_session_event(NULL, ready, strlen(ready), &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_session_event(engine, NULL, 5, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_session_event(engine, ready, 0, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_session_event(engine, ready, strlen(ready), NULL, &len), PARLEY_INVALID_ARGUMENT);

    static const char *events[] = {
        "{\"event\": \"start\", \"at\": 1000}",
        "{\"event\": \"qr\", \"at\": 2000}",
        "{\"event\": \"authenticated\", \"at\": 3000}",
        "{\"event\": \"ready\", \"at\": 4000}",
    };
    for (size_t i = 0; i < 4; i++) {
        CHECK_OUT(parley_session_event(engine, events[i], strlen(events[i]), &out, &len));
        CHECK(schema_ok(out) && HAS(out, "\"account\":\"default\""), "event %zu: %s", i, SHOW(out));
        parley_string_free(out);
    }
    CHECK_OUT(parley_session_event(engine, ready, strlen(ready), &out, &len));
    CHECK(HAS(out, "\"state\":\"ready\"") && HAS(out, "\"changed\":false"), "repeat changes nothing: %s", SHOW(out));
    parley_string_free(out);
    static const char *drop = "{\"event\": \"disconnected\", \"reason\": \"NAVIGATION\", \"at\": 5000}";
    CHECK_OUT(parley_session_event(engine, drop, strlen(drop), &out, &len));
    CHECK(HAS(out, "\"state\":\"disconnected\"") && HAS(out, "\"action\":\"reconnect\"") && HAS(out, "\"delayMs\":1000"),
          "reconnect after initialMs: %s", SHOW(out));
    parley_string_free(out);
    static const char *baileys_close =
        "{\"event\": \"connection.update\", \"connection\": \"close\", \"lastDisconnect\": {\"error\": {\"output\": {\"statusCode\": 401}}}, "
        "\"at\": 6000, \"account\": \"b\"}";
    CHECK_OUT(parley_session_event(engine, baileys_close, strlen(baileys_close), &out, &len));
    CHECK(HAS(out, "\"state\":\"logged_out\"") && HAS(out, "\"action\":\"repair\"") && HAS(out, "\"code\":401"), "401 loggedOut: %s",
          SHOW(out));
    parley_string_free(out);
    /* An illegal transition leaves the state unchanged and names from and to. */
    static const char *auth = "{\"event\": \"authenticated\", \"at\": 7000, \"account\": \"b\"}";
    out = SENTINEL;
    parley_status got = parley_session_event(engine, auth, strlen(auth), &out, &len);
    CHECK(got == PARLEY_INVALID_ARGUMENT || got == PARLEY_OK, "authenticated after logged_out: %s", parley_status_name(got));
    if (got == PARLEY_OK) parley_string_free(out);

    static const char *hb_ok = "{\"at\": 5500, \"latencyMs\": 120, \"ok\": true, \"inbound\": 3, \"activeChats\": 2}";
    CHECK_STATUS(parley_session_heartbeat(engine, hb_ok, strlen(hb_ok)), PARLEY_OK);
    CHECK_STATUS(parley_session_heartbeat(NULL, hb_ok, strlen(hb_ok)), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_session_heartbeat(engine, NULL, 5), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_session_heartbeat(engine, hb_ok, 0), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_session_heartbeat(engine, "{\"at\": 5600, \"colour\": 1}", strlen("{\"at\": 5600, \"colour\": 1}")), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_session_heartbeat(engine, "{\"at\": 5600, \"latencyMs\": -1}", strlen("{\"at\": 5600, \"latencyMs\": -1}")), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_session_heartbeat(engine, "{\"at\": 5600, \"ok\": \"yes\"}", strlen("{\"at\": 5600, \"ok\": \"yes\"}")), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_session_heartbeat(engine, "{\"latencyMs\": 10}", strlen("{\"latencyMs\": 10}")), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_session_heartbeat(engine, "{\"at\": ", 7), PARLEY_MALFORMED_JSON);
    static const char *hb_utf8 = "{\"at\": 5600, \"account\": \"" BAD_UTF8 "\"}";
    CHECK_STATUS(parley_session_heartbeat(engine, hb_utf8, strlen(hb_utf8)), PARLEY_INVALID_UTF8);

    CHECK_OUT(parley_session_health(engine, NULL, 6000, &out, &len));
    CHECK(schema_ok(out) && HAS(out, "\"accounts\":[") && HAS(out, "\"account\":\"default\"") && HAS(out, "\"account\":\"b\""),
          "health: %.300s", SHOW(out));
    long long score = json_int_after(out, NULL, "score");
    CHECK(score >= 0 && score <= 100, "score in 0..100: %lld", score);
    parley_string_free(out);
    CHECK_OUT(parley_session_health(engine, "b", 7000, &out, &len));
    CHECK(json_int_after(out, NULL, "score") <= 10, "logged_out capped at 10: %.300s", SHOW(out));
    parley_string_free(out);
    CHECK_FAILS(parley_session_health(engine, "never-seen", 6000, &out, &len), PARLEY_NOT_FOUND);
    CHECK_FAILS(parley_session_health(engine, "", 6000, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_session_health(engine, NULL, -1, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_session_health(engine, NULL, MAX_MS + 1, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_session_health(engine, BAD_UTF8, 6000, &out, &len), PARLEY_INVALID_UTF8);
    CHECK_STATUS(parley_session_health(engine, NULL, 6000, NULL, &len), PARLEY_INVALID_ARGUMENT);
    char name129[130];
    memset(name129, 'a', 129);
    name129[129] = '\0';
    CHECK_FAILS(parley_session_health(engine, name129, 6000, &out, &len), PARLEY_INVALID_ARGUMENT);

    CHECK_OUT(parley_session_preflight(engine, NULL, 6000, &out, &len));
    CHECK(schema_ok(out) && HAS(out, "\"checks\":[") && HAS(out, "\"name\":\"lock\"") && HAS(out, "\"skipped\":true"), "preflight: %s",
          SHOW(out));
    parley_string_free(out);
    CHECK_FAILS(parley_session_preflight(engine, "", 6000, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_session_preflight(engine, name129, 6000, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_session_preflight(engine, NULL, -1, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_session_preflight(engine, BAD_UTF8, 6000, &out, &len), PARLEY_INVALID_UTF8);
    CHECK_FAILS(parley_session_preflight(NULL, NULL, 6000, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_session_preflight(engine, NULL, 6000, &out, NULL), PARLEY_INVALID_ARGUMENT);
    parley_engine_close(engine);
}

/* ---------------------------------------------------------------------------------------- */
/* Outbox */

static void test_outbox(void) {
    parley_engine *engine = NULL;
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(parley_engine_open("{\"limits\": {\"maxMessageBytes\": 4096}, \"outbox\": {\"perSecond\": 2, \"recipient\": {\"minSpacingMs\": 1000, "
                                    "\"burst\": 1}, \"retries\": {\"max\": 2, \"baseMs\": 1000, \"maxMs\": 5000}}}", &engine), PARLEY_OK);
    if (!engine) return;
    uint64_t id = 99;
    static const char *send1 = "{\"to\": \"250788123456@c.us\", \"text\": \"Your viewing is confirmed for 10am\", \"meta\": {\"ticket\": 4}}";
    CHECK_STATUS(parley_outbox_enqueue(NULL, send1, strlen(send1), &id), PARLEY_INVALID_ARGUMENT);
    CHECK(id == 0, "out_id 0 on failure");
    CHECK_STATUS(parley_outbox_enqueue(engine, NULL, 5, &id), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_outbox_enqueue(engine, send1, 0, &id), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_outbox_enqueue(engine, send1, strlen(send1), NULL), PARLEY_INVALID_ARGUMENT);
    struct { const char *json; parley_status expected; } bad[] = {
        {"{\"text\": \"no recipient\"}", PARLEY_INVALID_ARGUMENT},
        {"{\"to\": \"250788123456\"}", PARLEY_INVALID_ARGUMENT},
        {"{\"to\": \"250788123456\", \"text\": \"hi\", \"colour\": 1}", PARLEY_INVALID_ARGUMENT},
        {"{\"to\": \"250788123456\", \"text\": 5}", PARLEY_INVALID_ARGUMENT},
        {"{\"to\": \"250788123456\", \"text\": \"hi\", \"priority\": \"urgent\"}", PARLEY_INVALID_ARGUMENT},
        {"{\"to\": \"250788123456\", \"text\": \"hi\", \"idempotencyKey\": \"\"}", PARLEY_INVALID_ARGUMENT},
        {"{\"to\": \"not a number\", \"text\": \"hi\"}", PARLEY_INVALID_ARGUMENT},
        {"{\"to\": \"250788123456\", \"text\": \"hi\", \"at\": -1}", PARLEY_INVALID_ARGUMENT},
        {"[]", PARLEY_INVALID_ARGUMENT},
        {"{\"to\": \"250788123456\",", PARLEY_MALFORMED_JSON},
        {"{\"to\": \"250788123456\", \"text\": \"" BAD_UTF8 "\"}", PARLEY_INVALID_UTF8},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        id = 99;
        parley_status got = parley_outbox_enqueue(engine, bad[i].json, strlen(bad[i].json), &id);
        CHECK(got == bad[i].expected, "enqueue(%s): %s, expected %s", bad[i].json, parley_status_name(got), parley_status_name(bad[i].expected));
        CHECK(got == PARLEY_OK || id == 0, "enqueue #%zu: out_id 0", i);
        CHECK(!HAS(parley_last_error(), "250788123456"), "the message never names the number: %s", parley_last_error());
    }
    char big[5000];
    snprintf(big, sizeof big, "{\"to\": \"250788123456\", \"text\": \"");
    size_t w = strlen(big);
    memset(big + w, 'x', 4500);
    strcpy(big + w + 4500, "\"}");
    CHECK_STATUS(parley_outbox_enqueue(engine, big, strlen(big), &id), PARLEY_TOO_LARGE);

    uint64_t a = 0, b = 0, c = 0, d = 0, e = 0;
    CHECK_STATUS(parley_outbox_enqueue(engine, send1, strlen(send1), &a), PARLEY_OK);
    static const char *send2 = "{\"to\": \"+250 788 123 456\", \"text\": \"Second message to the same tenant\"}";
    CHECK_STATUS(parley_outbox_enqueue(engine, send2, strlen(send2), &b), PARLEY_OK);
    static const char *send3 = "{\"to\": \"250788999000\", \"text\": \"Rent reminder\", \"priority\": \"low\", \"idempotencyKey\": \"rent-2026-03\"}";
    CHECK_STATUS(parley_outbox_enqueue(engine, send3, strlen(send3), &c), PARLEY_OK);
    CHECK_STATUS(parley_outbox_enqueue(engine, send3, strlen(send3), &d), PARLEY_OK);
    static const char *send4 = "{\"to\": \"250788555000\", \"media\": {\"link\": \"https://x/y.jpg\"}, \"priority\": \"high\"}";
    CHECK_STATUS(parley_outbox_enqueue(engine, send4, strlen(send4), &e), PARLEY_OK);
    CHECK(a > 0 && b > 0 && c > 0 && e > 0 && a != b && d == c, "ids %llu %llu %llu %llu %llu", (unsigned long long)a,
          (unsigned long long)b, (unsigned long long)c, (unsigned long long)d, (unsigned long long)e);

    CHECK_FAILS(parley_outbox_next_batch(NULL, NOW_MS, 10, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_outbox_next_batch(engine, NOW_MS, 0, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_outbox_next_batch(engine, NOW_MS, 10001, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_outbox_next_batch(engine, -1, 10, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_outbox_next_batch(engine, MAX_MS + 1, 10, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_outbox_next_batch(engine, NOW_MS, 10, NULL, &len), PARLEY_INVALID_ARGUMENT);

    /* perSecond 2, one per recipient per batch: the high one first, then one more. */
    CHECK_OUT(parley_outbox_next_batch(engine, NOW_MS, 10, &out, &len));
    CHECK(schema_ok(out) && count_of(out, "\"attempt\":1") == 2, "two hand-outs (perSecond 2): %s", SHOW(out));
    CHECK(out && strstr(out, "\"priority\":\"high\"") && strstr(out, "\"priority\":\"high\"") < strstr(out, "\"priority\":\"normal\""),
          "high first: %s", SHOW(out));
    CHECK(HAS(out, "\"outsideServiceWindow\":true") && HAS(out, "\"meta\":{\"ticket\":4}"), "flags and meta: %s", SHOW(out));
    CHECK(!HAS(out, "Second message"), "one per recipient: %s", SHOW(out));
    parley_string_free(out);
    CHECK_OUT(parley_outbox_next_batch(engine, NOW_MS + 10, 10, &out, &len));
    CHECK(HAS(out, "\"sends\":[]") && HAS(out, "\"nextAt\":"), "window full: %s", SHOW(out));
    parley_string_free(out);

    CHECK_STATUS(parley_outbox_confirm(engine, a, 1, "{\"messageId\": \"wamid.OUTA\", \"at\": 1764900000100}"), PARLEY_OK);
    CHECK_STATUS(parley_outbox_confirm(engine, e, 0, "{\"code\": 131026}"), PARLEY_OK); /* permanent: failed */
    CHECK_STATUS(parley_outbox_confirm(engine, a, 1, NULL), PARLEY_OK);                 /* settled: no change */
    CHECK_STATUS(parley_outbox_confirm(engine, 987654, 1, NULL), PARLEY_NOT_FOUND);
    CHECK_STATUS(parley_outbox_confirm(engine, 0, 1, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_outbox_confirm(NULL, a, 1, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_outbox_confirm(engine, b, 1, "[1,2]"), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_outbox_confirm(engine, b, 0, "\"" BAD_UTF8 "\""), PARLEY_INVALID_UTF8);

    CHECK_OUT(parley_outbox_get(engine, a, &out, &len));
    CHECK(schema_ok(out) && HAS(out, "\"state\":\"sent\"") && HAS(out, "\"messageId\":\"wamid.OUTA\""), "sent: %s", SHOW(out));
    parley_string_free(out);
    CHECK_OUT(parley_outbox_get(engine, e, &out, &len));
    CHECK(HAS(out, "\"state\":\"failed\""), "permanent error fails at once: %s", SHOW(out));
    parley_string_free(out);
    CHECK_FAILS(parley_outbox_get(engine, 987654, &out, &len), PARLEY_NOT_FOUND);
    CHECK_FAILS(parley_outbox_get(engine, 0, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_FAILS(parley_outbox_get(NULL, a, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_outbox_get(engine, a, NULL, &len), PARLEY_INVALID_ARGUMENT);

    /* Delivery statuses only move forward. */
    static const char *delivered = "{\"id\": \"wamid.OUTA\", \"status\": \"delivered\", \"timestamp\": \"1764900001\"}";
    static const char *sent_again = "{\"messageId\": \"wamid.OUTA\", \"status\": \"sent\"}";
    static const char *read_ack = "{\"id\": {\"_serialized\": \"wamid.OUTA\"}, \"ack\": 3}";
    CHECK_STATUS(parley_outbox_delivery(engine, delivered, strlen(delivered)), PARLEY_OK);
    CHECK_STATUS(parley_outbox_delivery(engine, sent_again, strlen(sent_again)), PARLEY_OK);
    CHECK_OUT(parley_outbox_get(engine, a, &out, &len));
    CHECK(HAS(out, "\"state\":\"delivered\""), "never moves back: %s", SHOW(out));
    parley_string_free(out);
    CHECK_STATUS(parley_outbox_delivery(engine, read_ack, strlen(read_ack)), PARLEY_OK);
    CHECK_OUT(parley_outbox_get(engine, a, &out, &len));
    CHECK(HAS(out, "\"state\":\"read\""), "read: %s", SHOW(out));
    parley_string_free(out);
    static const char *unknown_id = "{\"id\": \"wamid.NOPE\", \"status\": \"read\"}";
    CHECK_STATUS(parley_outbox_delivery(engine, unknown_id, strlen(unknown_id)), PARLEY_NOT_FOUND);
    static const char *no_id = "{\"status\": \"read\"}";
    CHECK_STATUS(parley_outbox_delivery(engine, no_id, strlen(no_id)), PARLEY_INVALID_ARGUMENT);
    static const char *bad_status = "{\"id\": \"wamid.OUTA\", \"status\": \"teleported\"}";
    CHECK_STATUS(parley_outbox_delivery(engine, bad_status, strlen(bad_status)), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_outbox_delivery(engine, "{\"id\":", 6), PARLEY_MALFORMED_JSON);
    static const char *utf8_status = "{\"id\": \"wamid." BAD_UTF8 "\", \"status\": \"read\"}";
    CHECK_STATUS(parley_outbox_delivery(engine, utf8_status, strlen(utf8_status)), PARLEY_INVALID_UTF8);
    CHECK_STATUS(parley_outbox_delivery(NULL, delivered, strlen(delivered)), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_outbox_delivery(engine, NULL, 5), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_outbox_delivery(engine, delivered, 0), PARLEY_INVALID_ARGUMENT);

    CHECK_OUT(parley_outbox_status(engine, &out, &len));
    CHECK(schema_ok(out) && HAS(out, "\"depth\":{") && HAS(out, "\"states\":{") && HAS(out, "\"counters\":{") && HAS(out, "\"read\":1"),
          "status: %s", SHOW(out));
    parley_string_free(out);
    CHECK_FAILS(parley_outbox_status(NULL, &out, &len), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_outbox_status(engine, NULL, &len), PARLEY_INVALID_ARGUMENT);

    /* A lease not confirmed is offered again, attempt 2. */
    CHECK_OUT(parley_outbox_next_batch(engine, NOW_MS + 61000, 10, &out, &len));
    CHECK(HAS(out, "\"attempt\":2") || HAS(out, "\"attempt\":1"), "after the lease: %s", SHOW(out));
    parley_string_free(out);
    CHECK_OUT(parley_metrics_prometheus(engine, &out, &len));
    CHECK(HAS(out, "parley_outbox_sent_total"), "outbox metrics once used");
    parley_string_free(out);
    parley_engine_close(engine);
}

/* ---------------------------------------------------------------------------------------- */
/* API cache */

typedef struct {
    int calls;
    const char *value;
    parley_status result;
} fetch_state;

static parley_status fetcher(void *user_data, const char *key, parley_cache_reply *reply) {
    fetch_state *s = user_data;
    s->calls++;
    if (!key || !reply) return PARLEY_INTERNAL;
    if (s->result != PARLEY_OK) return s->result;
    if (parley_cache_reply_set(reply, NULL, 3, NULL) != PARLEY_INVALID_ARGUMENT) return PARLEY_INTERNAL;
    if (parley_cache_reply_set(reply, (const unsigned char *)"x", 1, "{\"tags\": [\"" BAD_UTF8 "\"]}") != PARLEY_INVALID_UTF8) return PARLEY_INTERNAL;
    return parley_cache_reply_set(reply, (const unsigned char *)s->value, strlen(s->value), "{\"tags\": [\"sheet:rent\"]}");
}

static void test_cache(void) {
    parley_engine *engine = NULL;
    CHECK_STATUS(parley_engine_open("{\"cache\": {\"ttlMs\": 1000, \"staleMs\": 1000, \"maxBytes\": 65536, \"maxKeyBytes\": 32}}", &engine),
                 PARLEY_OK);
    if (!engine) return;
    unsigned char *value = (unsigned char *)1;
    size_t len = 7;
    int stale = 7;
    uint64_t lease = 7;
    char key33[34];
    memset(key33, 'k', 33);
    key33[33] = '\0';
    static const unsigned char rows[] = "[[\"4B\",\"John\",350000]]";
    size_t rows_len = sizeof rows - 1;

    CHECK_STATUS(parley_cache_put(NULL, "k", rows, rows_len, 1000, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_put(engine, NULL, rows, rows_len, 1000, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_put(engine, "", rows, rows_len, 1000, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_put(engine, key33, rows, rows_len, 1000, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_put(engine, "k", NULL, 3, 1000, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_put(engine, "k", rows, rows_len, -1, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_put(engine, "k", rows, rows_len, MAX_MS + 1, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_put(engine, "k", rows, rows_len, 1000, "{\"colour\": 1}"), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_put(engine, "k", rows, rows_len, 1000, "{\"ttlMs\": \"long\"}"), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_put(engine, "k", rows, rows_len, 1000, "{\"ttlMs\": 0}"), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_put(engine, "k", rows, rows_len, 1000, "{\"tags\": \"sheet\"}"), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_put(engine, "k", rows, rows_len, 1000, "{\"tags\": [\"\"]}"), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_put(engine, "k", rows, rows_len, 1000, "{\"tags\": ["), PARLEY_MALFORMED_JSON);
    CHECK_STATUS(parley_cache_put(engine, "k" BAD_UTF8, rows, rows_len, 1000, NULL), PARLEY_INVALID_UTF8);
    CHECK_STATUS(parley_cache_put(engine, "k", rows, rows_len, 1000, "{\"tags\": [\"" BAD_UTF8 "\"]}"), PARLEY_INVALID_UTF8);
    char tags33[64 * 40] = "{\"tags\": [";
    for (int i = 0; i < 33; i++) {
        char t[16];
        snprintf(t, sizeof t, "%s\"t%d\"", i ? "," : "", i);
        strcat(tags33, t);
    }
    strcat(tags33, "]}");
    CHECK_STATUS(parley_cache_put(engine, "k", rows, rows_len, 1000, tags33), PARLEY_INVALID_ARGUMENT);
    /* Larger than maxBytes (65536) and incompressible: TOO_LARGE. (Zeros compress under the cap: stored bytes count.) */
    unsigned char *huge = malloc(70000);
    uint32_t x = 99;
    for (size_t i = 0; i < 70000; i++) { x = x * 1664525u + 1013904223u; huge[i] = (unsigned char)(x >> 24); }
    CHECK_STATUS(parley_cache_put(engine, "k", huge, 70000, 1000, NULL), PARLEY_TOO_LARGE);
    free(huge);
    /* Binary values with NULs inside round-trip; len 0 with NULL value is an empty value. */
    static const unsigned char binary[] = {'a', 0, 'b', 0xff, 0};
    CHECK_STATUS(parley_cache_put(engine, "bin", binary, sizeof binary, 1000, NULL), PARLEY_OK);
    CHECK_STATUS(parley_cache_get(engine, "bin", 1000, &value, &len, &stale), PARLEY_OK);
    CHECK(value && len == sizeof binary && memcmp(value, binary, len) == 0 && value[len] == 0, "binary round trip");
    parley_string_free((char *)value);
    CHECK_STATUS(parley_cache_put(engine, "empty", NULL, 0, 1000, NULL), PARLEY_OK);
    CHECK_STATUS(parley_cache_get(engine, "empty", 1000, &value, &len, NULL), PARLEY_OK);
    CHECK(value && len == 0 && value[0] == 0, "empty value");
    parley_string_free((char *)value);

    CHECK_STATUS(parley_cache_put(engine, "sheets:rent!A1:F200", rows, rows_len, 1000, "{\"tags\": [\"sheet:rent\", \"unit:4B\"]}"), PARLEY_OK);
    CHECK_STATUS(parley_cache_get(engine, "sheets:rent!A1:F200", 1500, &value, &len, &stale), PARLEY_OK);
    CHECK(value && len == rows_len && memcmp(value, rows, len) == 0 && stale == PARLEY_CACHE_FRESH, "fresh hit");
    parley_string_free((char *)value);
    CHECK_STATUS(parley_cache_get(engine, "sheets:rent!A1:F200", 2500, &value, &len, &stale), PARLEY_OK);
    CHECK(stale == PARLEY_CACHE_STALE, "stale hit");
    parley_string_free((char *)value);
    value = (unsigned char *)1;
    len = 7;
    stale = 7;
    CHECK_STATUS(parley_cache_get(engine, "sheets:rent!A1:F200", 3500, &value, &len, &stale), PARLEY_NOT_FOUND);
    CHECK(value == NULL && len == 0 && stale == 0, "outputs cleared on a miss");
    CHECK_STATUS(parley_cache_get(NULL, "k", 1000, &value, &len, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_get(engine, NULL, 1000, &value, &len, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_get(engine, "", 1000, &value, &len, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_get(engine, key33, 1000, &value, &len, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_get(engine, "k", 1000, NULL, &len, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_get(engine, "k", 1000, &value, NULL, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_get(engine, "k", -1, &value, &len, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_get(engine, BAD_UTF8, 1000, &value, &len, NULL), PARLEY_INVALID_UTF8);

    /* Leases: one holder; a put without the lease beats the fetch in flight. */
    CHECK_STATUS(parley_cache_lease(engine, "units", 4000, &lease), PARLEY_OK);
    uint64_t lease2 = 7;
    CHECK_STATUS(parley_cache_lease(engine, "units", 4001, &lease2), PARLEY_OK);
    CHECK(lease != 0 && lease2 == 0, "one lease holder: %llu %llu", (unsigned long long)lease, (unsigned long long)lease2);
    CHECK_STATUS(parley_cache_put(engine, "units", (const unsigned char *)"new", 3, 4002, NULL), PARLEY_OK);
    char opts[64];
    snprintf(opts, sizeof opts, "{\"lease\": %llu}", (unsigned long long)lease);
    CHECK_STATUS(parley_cache_put(engine, "units", (const unsigned char *)"old", 3, 4003, opts), PARLEY_OK);
    CHECK_STATUS(parley_cache_get(engine, "units", 4004, &value, &len, NULL), PARLEY_OK);
    CHECK(value && len == 3 && memcmp(value, "new", 3) == 0, "the older fetch did not store: %.*s", (int)len, value ? (char *)value : "");
    parley_string_free((char *)value);
    lease = 7;
    CHECK_STATUS(parley_cache_lease(NULL, "k", 1000, &lease), PARLEY_INVALID_ARGUMENT);
    CHECK(lease == 0, "out_lease 0 on failure");
    CHECK_STATUS(parley_cache_lease(engine, "k", 1000, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_lease(engine, "", 1000, &lease), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_lease(engine, "k", -1, &lease), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_lease(engine, BAD_UTF8, 1000, &lease), PARLEY_INVALID_UTF8);
    CHECK_STATUS(parley_cache_lease(engine, "k2", 5000, &lease), PARLEY_OK);
    CHECK_STATUS(parley_cache_release(engine, "k2", lease), PARLEY_OK);
    CHECK_STATUS(parley_cache_release(engine, "k2", lease), PARLEY_OK); /* no longer held: ignored */
    CHECK_STATUS(parley_cache_release(engine, "k2", 0), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_release(NULL, "k2", 5), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_release(engine, NULL, 5), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_release(engine, "", 5), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_release(engine, BAD_UTF8, 5), PARLEY_INVALID_UTF8);

    /* Invalidation. */
    size_t count = 99;
    CHECK_STATUS(parley_cache_put(engine, "row:1", (const unsigned char *)"a", 1, 6000, "{\"tags\": [\"sheet:rent\"]}"), PARLEY_OK);
    CHECK_STATUS(parley_cache_put(engine, "row:2", (const unsigned char *)"b", 1, 6000, "{\"tags\": [\"sheet:rent\"]}"), PARLEY_OK);
    CHECK_STATUS(parley_cache_put(engine, "row:3", (const unsigned char *)"c", 1, 6000, "{\"tags\": [\"sheet:other\"]}"), PARLEY_OK);
    CHECK_STATUS(parley_cache_invalidate_tag(engine, "sheet:rent", &count), PARLEY_OK);
    CHECK(count == 2, "two tagged entries dropped: %zu", count);
    CHECK_STATUS(parley_cache_invalidate_tag(engine, "sheet:rent", NULL), PARLEY_OK);
    CHECK_STATUS(parley_cache_invalidate_tag(engine, "", &count), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_invalidate_tag(engine, NULL, &count), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_invalidate_tag(NULL, "t", &count), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_invalidate_tag(engine, key33, &count), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_invalidate_tag(engine, BAD_UTF8, &count), PARLEY_INVALID_UTF8);
    CHECK_STATUS(parley_cache_invalidate_prefix(engine, "row:", &count), PARLEY_OK);
    CHECK(count == 1, "prefix drops row:3: %zu", count);
    CHECK_STATUS(parley_cache_invalidate_prefix(engine, NULL, &count), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_invalidate_prefix(NULL, "", &count), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_invalidate_prefix(engine, key33, &count), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_invalidate_prefix(engine, BAD_UTF8, &count), PARLEY_INVALID_UTF8);
    CHECK_STATUS(parley_cache_invalidate(engine, "units"), PARLEY_OK);
    CHECK_STATUS(parley_cache_invalidate(engine, "never-there"), PARLEY_OK);
    CHECK_STATUS(parley_cache_invalidate(engine, ""), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_invalidate(engine, NULL), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_invalidate(NULL, "k"), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_invalidate(engine, BAD_UTF8), PARLEY_INVALID_UTF8);
    CHECK_STATUS(parley_cache_get(engine, "units", 6001, &value, &len, NULL), PARLEY_NOT_FOUND);
    CHECK_STATUS(parley_cache_invalidate_prefix(engine, "", &count), PARLEY_OK);

    /* Fetch. */
    fetch_state fs = {0, "[\"fetched\"]", PARLEY_OK};
    CHECK_STATUS(parley_cache_fetch(engine, "f1", 7000, NULL, fetcher, &fs, &value, &len, &stale), PARLEY_OK);
    CHECK(fs.calls == 1 && value && len == strlen("[\"fetched\"]") && stale == 0, "fetched once: %d calls", fs.calls);
    parley_string_free((char *)value);
    CHECK_STATUS(parley_cache_fetch(engine, "f1", 7100, NULL, fetcher, &fs, &value, &len, &stale), PARLEY_OK);
    CHECK(fs.calls == 1, "second fetch is a hit: %d calls", fs.calls);
    parley_string_free((char *)value);
    fetch_state failing = {0, "", PARLEY_TIMEOUT};
    value = (unsigned char *)1;
    CHECK_STATUS(parley_cache_fetch(engine, "f2", 7200, NULL, fetcher, &failing, &value, &len, &stale), PARLEY_TIMEOUT);
    CHECK(value == NULL && len == 0, "cleared on a failed fetch");
    /* Stale with a failing fetcher: the stale value, PARLEY_OK, out_stale 1. */
    CHECK_STATUS(parley_cache_fetch(engine, "f1", 8500, NULL, fetcher, &failing, &value, &len, &stale), PARLEY_OK);
    CHECK(stale == PARLEY_CACHE_STALE && value && len == strlen("[\"fetched\"]"), "stale value served: stale=%d", stale);
    parley_string_free((char *)value);
    CHECK_STATUS(parley_cache_fetch(engine, "f3", 9000, NULL, NULL, &fs, &value, &len, &stale), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_fetch(NULL, "f3", 9000, NULL, fetcher, &fs, &value, &len, &stale), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_fetch(engine, "", 9000, NULL, fetcher, &fs, &value, &len, &stale), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_fetch(engine, "f3", -1, NULL, fetcher, &fs, &value, &len, &stale), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_fetch(engine, "f3", 9000, NULL, fetcher, &fs, NULL, &len, &stale), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_fetch(engine, "f3", 9000, "{\"colour\":1}", fetcher, &fs, &value, &len, &stale), PARLEY_INVALID_ARGUMENT);
    CHECK_STATUS(parley_cache_fetch(engine, "f3", 9000, "{", fetcher, &fs, &value, &len, &stale), PARLEY_MALFORMED_JSON);
    CHECK_STATUS(parley_cache_fetch(engine, BAD_UTF8, 9000, NULL, fetcher, &fs, &value, &len, &stale), PARLEY_INVALID_UTF8);
    CHECK_STATUS(parley_cache_reply_set(NULL, rows, rows_len, NULL), PARLEY_INVALID_ARGUMENT);

    char *json = NULL;
    size_t json_len = 0;
    CHECK_STATUS(parley_cache_stats(engine, &json, &json_len), PARLEY_OK);
    CHECK(schema_ok(json) && HAS(json, "\"hits\":") && HAS(json, "\"fetches\":") && json && strlen(json) == json_len, "stats: %s", SHOW(json));
    parley_string_free(json);
    json = SENTINEL;
    json_len = 5;
    CHECK_STATUS(parley_cache_stats(NULL, &json, &json_len), PARLEY_INVALID_ARGUMENT);
    CHECK(json == NULL && json_len == 0, "stats: cleared");
    CHECK_STATUS(parley_cache_stats(engine, NULL, &json_len), PARLEY_INVALID_ARGUMENT);
    parley_engine_close(engine);
}

/* ---------------------------------------------------------------------------------------- */

static void on_alarm(int sig) {
    (void)sig;
    static const char msg[] = "FAIL: the contract test hung (over its time limit)\n";
    ssize_t w = write(2, msg, sizeof msg - 1);
    (void)w;
    _exit(2);
}

int main(int argc, char **argv) {
    if (argc > 1) fixtures = argv[1];
    signal(SIGALRM, on_alarm);
    const char *limit = getenv("PARLEY_CONTRACT_TIMEOUT"); /* seconds; raise it under valgrind */
    alarm(limit ? (unsigned)atoi(limit) : 60);
    make_store_dir(store_dir, "h1contract");
    CHECK(store_dir[0] != '\0', "mkdtemp");
    snprintf(store_config, sizeof store_config, "{\"store\": {\"path\": \"%s/parley.db\"}}", store_dir);
    const char *only = getenv("PARLEY_CONTRACT_ONLY"); /* e.g. "media" to run one group */
#define RUN(name, fn) if (!only || strstr(name, only)) fn()
    RUN("library", test_library);
    RUN("open", test_open_config);
    RUN("process", test_process_bad_input);
    RUN("process", test_process_formats);
    RUN("threads", test_threads_api);
    RUN("webhook", test_webhook);
    RUN("async", test_async);
    RUN("async", test_async_recovery);
    RUN("metrics", test_metrics_and_log);
    RUN("lookups", test_lookups_and_intents);
    RUN("concurrency", test_concurrency);
    RUN("concurrency", test_submit_threads);
    RUN("concurrency", test_close_waits);
    RUN("concurrency", test_close_waits_for_process);
    RUN("busy", test_store_busy);
    RUN("media", test_media);
    RUN("dlq", test_dlq_and_maintenance);
    RUN("report", test_report_and_import);
    RUN("reliability", test_reliability);
    RUN("session", test_session);
    RUN("outbox", test_outbox);
    RUN("cache", test_cache);
#undef RUN
    char command[128];
    snprintf(command, sizeof command, "rm -rf %s", store_dir);
    if (store_dir[0] && system(command) != 0) fprintf(stderr, "could not remove %s\n", store_dir);
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
