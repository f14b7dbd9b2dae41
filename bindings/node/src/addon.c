/*
 * addon.c — the Node binding of Parley: N-API in plain C over include/parley.h.
 *
 * Exports (wrapped by ../index.js):
 *   version() -> string
 *   statusName(status) -> string
 *   statuses -> {OK: 0, ...}                the enum of parley.h, for index.js to check its copy
 *   open(config: string | null) -> handle   an external; closed by close() or, if forgotten,
 *                                           by its finalizer when garbage-collected
 *   close(handle)                           idempotent
 *   process(handle, message: string | Buffer | Uint8Array) -> string (JSON)
 *   ingestWebhook(handle, body: string | Buffer | Uint8Array, signature: string | null) -> string
 *   threadList(handle, query: string (JSON) | null) -> string (JSON)
 *   threadGet(handle, id: string) -> string (JSON)
 *   intentTrain(data: string | Buffer | Uint8Array, modelPath: string) -> string (JSON)
 *   loadIntentModel(handle, modelPath: string)
 *   lookupSet(handle, lists: string (JSON)) -> string (JSON)
 *   idempotencyClaim(handle, key: string, ttlSeconds: number) -> boolean (true: claimed now)
 *   idempotencyRelease(handle, key: string)
 *   breakerAllow(handle, name: string, nowMs: number) -> boolean
 *   breakerRecord(handle, name: string, ok: boolean, micros: number, nowMs: number)
 *   breakerStatus(handle) -> string (JSON)
 *   messageFail(handle, chat, id, errorJson: string | null, nowMs)
 *   dlqRunDue(handle, nowMs) -> string (JSON)
 *   dlqList(handle, query: string (JSON) | null) -> string (JSON)
 *   dlqGet(handle, chat, id) -> string (JSON)
 *   dlqRetry(handle, chat, id, nowMs) -> string (JSON)
 *   dlqResolve(handle, chat, id)
 *   dlqPurge(handle, query: string (JSON) | null) -> string (JSON)
 *
 * A Parley failure throws an Error with .code (the status name, e.g. "PARLEY_MALFORMED_JSON"),
 * .status (the number) and parley_last_error() as the message. Arguments of the wrong type
 * throw a TypeError. Calls are synchronous: Parley's calls take microseconds to milliseconds.
 */
#define NAPI_VERSION 8
#include <node_api.h>
#include <parley.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What a handle points to. engine is NULL once closed; the struct lives until the finalizer. */
typedef struct {
    parley_engine *engine;
} engine_handle;

/* Marks externals made by open() so a foreign external is refused, not dereferenced. */
static const napi_type_tag engine_tag = {0x7061726c65790a01ULL, 0x9b3c51e2d4a70f66ULL};

/* Throws for a failed N-API call unless an exception is already pending. */
static void throw_napi_failure(napi_env env, const char *what) {
    bool pending = false;
    if (napi_is_exception_pending(env, &pending) == napi_ok && pending) return;
    const napi_extended_error_info *info = NULL;
    napi_get_last_error_info(env, &info);
    char message[256];
    snprintf(message, sizeof message, "parley: %s failed: %s", what,
             info && info->error_message ? info->error_message : "unknown N-API error");
    napi_throw_error(env, NULL, message);
}

#define NAPI_CALL(env, call)                       \
    do {                                           \
        if ((call) != napi_ok) {                   \
            throw_napi_failure((env), #call);      \
            return NULL;                           \
        }                                          \
    } while (0)

/* Throws an Error carrying .code and .status. message must already be copied or static. */
static void throw_status(napi_env env, parley_status status, const char *message) {
    napi_value text, error, code, number;
    const char *name = parley_status_name(status);
    if (napi_create_string_utf8(env, message, NAPI_AUTO_LENGTH, &text) != napi_ok ||
        napi_create_string_utf8(env, name, NAPI_AUTO_LENGTH, &code) != napi_ok ||
        napi_create_error(env, code, text, &error) != napi_ok ||
        napi_create_int32(env, (int32_t)status, &number) != napi_ok ||
        napi_set_named_property(env, error, "status", number) != napi_ok) {
        throw_napi_failure(env, "creating the error");
        return;
    }
    napi_throw(env, error);
}

/* Throws for a failed Parley call: reads parley_last_error() before anything else can. */
static void throw_last_error(napi_env env, parley_status status) {
    throw_status(env, status, parley_last_error());
}

/* Reads a JS string as a malloc'd, NUL-terminated UTF-8 copy. NULL with an exception pending
 * on failure. */
static char *copy_string(napi_env env, napi_value value, size_t *length) {
    size_t len = 0;
    if (napi_get_value_string_utf8(env, value, NULL, 0, &len) != napi_ok) {
        throw_napi_failure(env, "napi_get_value_string_utf8");
        return NULL;
    }
    char *buffer = malloc(len + 1);
    if (!buffer) {
        napi_throw_error(env, NULL, "parley: out of memory");
        return NULL;
    }
    if (napi_get_value_string_utf8(env, value, buffer, len + 1, &len) != napi_ok) {
        free(buffer);
        throw_napi_failure(env, "napi_get_value_string_utf8");
        return NULL;
    }
    *length = len;
    return buffer;
}

/* Bytes of a string or Uint8Array (Buffer is one) argument; other typed arrays are refused. *owned is set when the bytes were copied
 * (a string) and must be freed. Returns false with an exception pending otherwise. */
static bool get_bytes(napi_env env, napi_value value, const char *what, const char **data, size_t *length,
                      char **owned) {
    napi_valuetype type;
    bool is_typedarray = false;
    *owned = NULL;
    if (napi_typeof(env, value, &type) != napi_ok) {
        throw_napi_failure(env, "napi_typeof");
        return false;
    }
    if (type == napi_string) {
        *owned = copy_string(env, value, length);
        *data = *owned;
        return *owned != NULL;
    }
    if (type == napi_object && napi_is_typedarray(env, value, &is_typedarray) == napi_ok && is_typedarray) {
        napi_typedarray_type kind;
        size_t count = 0, offset = 0;
        void *bytes = NULL;
        napi_value arraybuffer;
        if (napi_get_typedarray_info(env, value, &kind, &count, &bytes, &arraybuffer, &offset) != napi_ok) {
            throw_napi_failure(env, "napi_get_typedarray_info");
            return false;
        }
        if (kind == napi_uint8_array) {
            *data = bytes ? bytes : "";
            *length = count;
            return true;
        }
    }
    char message[128];
    snprintf(message, sizeof message, "parley: %s must be a string, a Buffer or a Uint8Array", what);
    napi_throw_type_error(env, NULL, message);
    return false;
}

/* The handle behind an external made by open(); NULL with a TypeError pending otherwise. */
static engine_handle *get_handle(napi_env env, napi_value value) {
    napi_valuetype type;
    bool tagged = false;
    void *data = NULL;
    if (napi_typeof(env, value, &type) != napi_ok || type != napi_external ||
        napi_check_object_type_tag(env, value, &engine_tag, &tagged) != napi_ok || !tagged ||
        napi_get_value_external(env, value, &data) != napi_ok || !data) {
        napi_throw_type_error(env, NULL, "parley: the first argument must be an engine handle from open()");
        return NULL;
    }
    return data;
}

/* The open engine of a handle argument; NULL with an exception pending if closed or invalid. */
static parley_engine *get_engine(napi_env env, napi_value value) {
    engine_handle *handle = get_handle(env, value);
    if (!handle) return NULL;
    if (!handle->engine) {
        throw_status(env, PARLEY_INVALID_ARGUMENT, "the engine is closed");
        return NULL;
    }
    return handle->engine;
}

/* Returns a JSON string Parley allocated as a JS string, and frees it. */
static napi_value take_string(napi_env env, char *out, size_t out_len) {
    napi_value result = NULL;
    napi_status status = napi_create_string_utf8(env, out, out_len, &result);
    parley_string_free(out);
    if (status != napi_ok) {
        throw_napi_failure(env, "napi_create_string_utf8");
        return NULL;
    }
    return result;
}

/* A required string argument as a malloc'd copy without NUL characters (the C API takes
 * NUL-terminated strings: an embedded NUL would silently cut the key). Returns NULL with an
 * exception pending otherwise. */
static char *get_c_string(napi_env env, napi_value value, const char *what) {
    napi_valuetype type;
    char message[128];
    if (napi_typeof(env, value, &type) != napi_ok) {
        throw_napi_failure(env, "napi_typeof");
        return NULL;
    }
    if (type != napi_string) {
        snprintf(message, sizeof message, "parley: %s must be a string", what);
        napi_throw_type_error(env, NULL, message);
        return NULL;
    }
    size_t length = 0;
    char *text = copy_string(env, value, &length);
    if (!text) return NULL;
    if (strlen(text) != length) {
        free(text);
        snprintf(message, sizeof message, "parley: %s must not contain a NUL character", what);
        napi_throw_type_error(env, NULL, message);
        return NULL;
    }
    return text;
}

/* An optional string argument: *out stays NULL for null or undefined. Returns false with an
 * exception pending on another type. */
static bool get_optional_string(napi_env env, napi_value value, const char *what, char **out) {
    napi_valuetype type;
    *out = NULL;
    if (napi_typeof(env, value, &type) != napi_ok) {
        throw_napi_failure(env, "napi_typeof");
        return false;
    }
    if (type == napi_null || type == napi_undefined) return true;
    return (*out = get_c_string(env, value, what)) != NULL;
}

/* Reads up to `count` arguments into argv (missing ones are undefined); fewer than `needed`
 * throws a TypeError naming the call's usage. */
static bool get_args(napi_env env, napi_callback_info info, size_t count, size_t needed, napi_value *argv,
                     const char *usage) {
    size_t argc = count;
    if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) {
        throw_napi_failure(env, "napi_get_cb_info");
        return false;
    }
    if (argc < needed) {
        napi_throw_type_error(env, NULL, usage);
        return false;
    }
    return true;
}

/* The outcome of a Parley call as a JS value: its failure thrown (with parley_last_error()),
 * or its JSON text, undefined, or a boolean. */
static napi_value json_result(napi_env env, parley_status status, char *out, size_t out_len) {
    if (status != PARLEY_OK) {
        throw_last_error(env, status);
        return NULL;
    }
    return take_string(env, out, out_len);
}

static napi_value undefined_result(napi_env env, parley_status status) {
    napi_value undefined;
    if (status != PARLEY_OK) {
        throw_last_error(env, status);
        return NULL;
    }
    NAPI_CALL(env, napi_get_undefined(env, &undefined));
    return undefined;
}

static napi_value boolean_result(napi_env env, parley_status status, int value) {
    napi_value result;
    if (status != PARLEY_OK) {
        throw_last_error(env, status);
        return NULL;
    }
    NAPI_CALL(env, napi_get_boolean(env, value != 0, &result));
    return result;
}

static napi_value js_version(napi_env env, napi_callback_info info) {
    (void)info;
    napi_value result;
    NAPI_CALL(env, napi_create_string_utf8(env, parley_version(), NAPI_AUTO_LENGTH, &result));
    return result;
}

static napi_value js_status_name(napi_env env, napi_callback_info info) {
    size_t argc = 1;
    napi_value argv[1], result;
    napi_valuetype type = napi_undefined;
    int32_t status = 0;
    NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
    if (argc < 1 || napi_typeof(env, argv[0], &type) != napi_ok || type != napi_number) {
        napi_throw_type_error(env, NULL, "parley: statusName(status) needs a number");
        return NULL;
    }
    NAPI_CALL(env, napi_get_value_int32(env, argv[0], &status));
    NAPI_CALL(env, napi_create_string_utf8(env, parley_status_name((parley_status)status), NAPI_AUTO_LENGTH, &result));
    return result;
}

static void finalize_handle(napi_env env, void *data, void *hint) {
    (void)env;
    (void)hint;
    engine_handle *handle = data;
    if (handle->engine) parley_engine_close(handle->engine);
    free(handle);
}

static napi_value js_open(napi_env env, napi_callback_info info) {
    size_t argc = 1;
    napi_value argv[1], external;
    napi_valuetype type = napi_undefined;
    char *config = NULL;
    NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
    if (argc >= 1) NAPI_CALL(env, napi_typeof(env, argv[0], &type));
    if (type == napi_string) {
        size_t length = 0;
        if (!(config = copy_string(env, argv[0], &length))) return NULL;
        if (strlen(config) != length) {
            free(config);
            napi_throw_type_error(env, NULL, "parley: the configuration must not contain a NUL character");
            return NULL;
        }
    } else if (type != napi_undefined && type != napi_null) {
        napi_throw_type_error(env, NULL, "parley: open(config) needs a JSON string, null or undefined");
        return NULL;
    }
    parley_engine *engine = NULL;
    parley_status status = parley_engine_open(config, &engine);
    free(config);
    if (status != PARLEY_OK) {
        throw_last_error(env, status);
        return NULL;
    }
    engine_handle *handle = malloc(sizeof *handle);
    if (!handle) {
        parley_engine_close(engine);
        napi_throw_error(env, NULL, "parley: out of memory");
        return NULL;
    }
    handle->engine = engine;
    if (napi_create_external(env, handle, finalize_handle, NULL, &external) != napi_ok) {
        parley_engine_close(engine);
        free(handle);
        throw_napi_failure(env, "napi_create_external");
        return NULL;
    }
    /* From here the finalizer owns the handle. */
    NAPI_CALL(env, napi_type_tag_object(env, external, &engine_tag));
    return external;
}

static napi_value js_close(napi_env env, napi_callback_info info) {
    napi_value argv[1];
    if (!get_args(env, info, 1, 1, argv, "parley: close(handle) needs a handle")) return NULL;
    engine_handle *handle = get_handle(env, argv[0]);
    if (!handle) return NULL;
    parley_engine *engine = handle->engine;
    handle->engine = NULL;
    parley_engine_close(engine);
    return undefined_result(env, PARLEY_OK);
}

static napi_value js_process(napi_env env, napi_callback_info info) {
    napi_value argv[2];
    if (!get_args(env, info, 2, 2, argv, "parley: process(handle, message) needs two arguments")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    const char *data = NULL;
    size_t length = 0;
    char *owned = NULL;
    if (!get_bytes(env, argv[1], "the message", &data, &length, &owned)) return NULL;
    char *out = NULL;
    size_t out_len = 0;
    parley_status status = parley_engine_process(engine, data, length, &out, &out_len);
    free(owned);
    return json_result(env, status, out, out_len);
}

static napi_value js_ingest_webhook(napi_env env, napi_callback_info info) {
    napi_value argv[3];
    napi_valuetype type = napi_undefined;
    if (!get_args(env, info, 3, 2, argv, "parley: ingestWebhook(handle, body, signature) needs a handle and a body")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    char *signature = NULL;
    NAPI_CALL(env, napi_typeof(env, argv[2], &type));
    if (type == napi_string) {
        size_t signature_len = 0;
        if (!(signature = copy_string(env, argv[2], &signature_len))) return NULL;
    } else if (type != napi_undefined && type != napi_null) {
        napi_throw_type_error(env, NULL, "parley: the signature must be a string, null or undefined");
        return NULL;
    }
    const char *data = NULL;
    size_t length = 0;
    char *owned = NULL;
    if (!get_bytes(env, argv[1], "the webhook body", &data, &length, &owned)) {
        free(signature);
        return NULL;
    }
    char *out = NULL;
    size_t out_len = 0;
    parley_status status = parley_engine_ingest_webhook(engine, data, length, signature, &out, &out_len);
    free(owned);
    free(signature);
    return json_result(env, status, out, out_len);
}

static napi_value js_thread_list(napi_env env, napi_callback_info info) {
    napi_value argv[2];
    if (!get_args(env, info, 2, 1, argv, "parley: threadList(handle, query) needs a handle")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    char *query = NULL;
    if (!get_optional_string(env, argv[1], "the thread query", &query)) return NULL;
    char *out = NULL;
    size_t out_len = 0;
    parley_status status = parley_thread_list(engine, query, &out, &out_len);
    free(query);
    return json_result(env, status, out, out_len);
}

static napi_value js_thread_get(napi_env env, napi_callback_info info) {
    napi_value argv[2];
    if (!get_args(env, info, 2, 2, argv, "parley: threadGet(handle, id) needs a handle and a thread id")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    char *id = get_c_string(env, argv[1], "the thread id");
    if (!id) return NULL;
    char *out = NULL;
    size_t out_len = 0;
    parley_status status = parley_thread_get(engine, id, &out, &out_len);
    free(id);
    return json_result(env, status, out, out_len);
}

static napi_value js_lookup_set(napi_env env, napi_callback_info info) {
    napi_value argv[2];
    if (!get_args(env, info, 2, 2, argv, "parley: lookupSet(handle, lists) needs two arguments")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    const char *data = NULL;
    size_t length = 0;
    char *owned = NULL;
    if (!get_bytes(env, argv[1], "the lookup lists", &data, &length, &owned)) return NULL;
    char *out = NULL;
    size_t out_len = 0;
    parley_status status = parley_lookup_set(engine, data, length, &out, &out_len);
    free(owned);
    return json_result(env, status, out, out_len);
}

static napi_value js_intent_train(napi_env env, napi_callback_info info) {
    napi_value argv[2];
    if (!get_args(env, info, 2, 2, argv, "parley: intentTrain(data, modelPath) needs two arguments")) return NULL;
    char *path = get_c_string(env, argv[1], "the model path");
    if (!path) return NULL;
    const char *data = NULL;
    size_t length = 0;
    char *owned = NULL;
    if (!get_bytes(env, argv[0], "the training data", &data, &length, &owned)) {
        free(path);
        return NULL;
    }
    char *out = NULL;
    size_t out_len = 0;
    parley_status status = parley_intent_train(data, length, path, &out, &out_len);
    free(owned);
    free(path);
    return json_result(env, status, out, out_len);
}

static napi_value js_load_intent_model(napi_env env, napi_callback_info info) {
    napi_value argv[2];
    if (!get_args(env, info, 2, 2, argv, "parley: loadIntentModel(handle, modelPath) needs two arguments")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    char *path = get_c_string(env, argv[1], "the model path");
    if (!path) return NULL;
    parley_status status = parley_engine_load_intent_model(engine, path);
    free(path);
    return undefined_result(env, status);
}

/* ---- Reliability: idempotency claims and circuit breakers ---- */

/* An integral number argument for an int64_t parameter. Returns false with a TypeError
 * (not a number, not an integer) or RangeError (beyond int64) pending otherwise. */
static bool get_int64(napi_env env, napi_value value, const char *what, int64_t *out) {
    napi_valuetype type;
    double number = 0;
    char message[128];
    if (napi_typeof(env, value, &type) != napi_ok) {
        throw_napi_failure(env, "napi_typeof");
        return false;
    }
    if (type != napi_number || napi_get_value_double(env, value, &number) != napi_ok || number != number) {
        snprintf(message, sizeof message, "parley: %s must be a number", what);
        napi_throw_type_error(env, NULL, message);
        return false;
    }
    if (!(number >= -9223372036854775808.0 && number < 9223372036854775808.0)) {
        snprintf(message, sizeof message, "parley: %s is out of range", what);
        napi_throw_range_error(env, NULL, message);
        return false;
    }
    if ((double)(int64_t)number != number) {
        snprintf(message, sizeof message, "parley: %s must be an integer", what);
        napi_throw_type_error(env, NULL, message);
        return false;
    }
    *out = (int64_t)number;
    return true;
}

static napi_value js_idempotency_claim(napi_env env, napi_callback_info info) {
    napi_value argv[3];
    if (!get_args(env, info, 3, 3, argv, "parley: idempotencyClaim(handle, key, ttlSeconds) needs three arguments")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    int64_t ttl = 0;
    if (!get_int64(env, argv[2], "ttlSeconds", &ttl)) return NULL;
    char *key = get_c_string(env, argv[1], "the key");
    if (!key) return NULL;
    int first = 0;
    parley_status status = parley_idempotency_claim(engine, key, ttl, &first);
    free(key);
    return boolean_result(env, status, first);
}

static napi_value js_idempotency_release(napi_env env, napi_callback_info info) {
    napi_value argv[2];
    if (!get_args(env, info, 2, 2, argv, "parley: idempotencyRelease(handle, key) needs two arguments")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    char *key = get_c_string(env, argv[1], "the key");
    if (!key) return NULL;
    parley_status status = parley_idempotency_release(engine, key);
    free(key);
    return undefined_result(env, status);
}

static napi_value js_breaker_allow(napi_env env, napi_callback_info info) {
    napi_value argv[3];
    if (!get_args(env, info, 3, 3, argv, "parley: breakerAllow(handle, name, nowMs) needs three arguments")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    int64_t now_ms = 0;
    if (!get_int64(env, argv[2], "nowMs", &now_ms)) return NULL;
    char *name = get_c_string(env, argv[1], "the breaker name");
    if (!name) return NULL;
    int allowed = 0;
    parley_status status = parley_breaker_allow(engine, name, now_ms, &allowed);
    free(name);
    return boolean_result(env, status, allowed);
}

static napi_value js_breaker_record(napi_env env, napi_callback_info info) {
    napi_value argv[5];
    napi_valuetype type = napi_undefined;
    bool ok = false;
    if (!get_args(env, info, 5, 5, argv, "parley: breakerRecord(handle, name, ok, micros, nowMs) needs five arguments")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    NAPI_CALL(env, napi_typeof(env, argv[2], &type));
    if (type != napi_boolean) {
        napi_throw_type_error(env, NULL, "parley: ok must be a boolean");
        return NULL;
    }
    NAPI_CALL(env, napi_get_value_bool(env, argv[2], &ok));
    int64_t micros = 0, now_ms = 0;
    if (!get_int64(env, argv[3], "micros", &micros) || !get_int64(env, argv[4], "nowMs", &now_ms)) return NULL;
    char *name = get_c_string(env, argv[1], "the breaker name");
    if (!name) return NULL;
    parley_status status = parley_breaker_record(engine, name, ok ? 1 : 0, micros, now_ms);
    free(name);
    return undefined_result(env, status);
}

static napi_value js_breaker_status(napi_env env, napi_callback_info info) {
    napi_value argv[1];
    if (!get_args(env, info, 1, 1, argv, "parley: breakerStatus(handle) needs a handle")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    char *out = NULL;
    size_t out_len = 0;
    parley_status status = parley_breaker_status(engine, &out, &out_len);
    return json_result(env, status, out, out_len);
}

/* ---- Dead letters: failed handling, retries on a schedule ---- */

/* The (chat, id) pair of arguments at argv[1], argv[2] as malloc'd strings; false with an
 * exception pending (and nothing to free) otherwise. */
static bool get_message_key(napi_env env, napi_value *argv, char **chat, char **id) {
    *chat = get_c_string(env, argv[1], "the chat");
    if (!*chat) return false;
    *id = get_c_string(env, argv[2], "the message id");
    if (!*id) {
        free(*chat);
        *chat = NULL;
        return false;
    }
    return true;
}

static napi_value js_message_fail(napi_env env, napi_callback_info info) {
    napi_value argv[5];
    if (!get_args(env, info, 5, 5, argv, "parley: messageFail(handle, chat, id, errorJson, nowMs) needs five arguments")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    int64_t now_ms = 0;
    if (!get_int64(env, argv[4], "nowMs", &now_ms)) return NULL;
    char *error = NULL, *chat = NULL, *id = NULL;
    if (!get_optional_string(env, argv[3], "the error", &error)) return NULL;
    if (!get_message_key(env, argv, &chat, &id)) {
        free(error);
        return NULL;
    }
    parley_status status = parley_message_fail(engine, chat, id, error, now_ms);
    free(chat);
    free(id);
    free(error);
    return undefined_result(env, status);
}

static napi_value js_dlq_run_due(napi_env env, napi_callback_info info) {
    napi_value argv[2];
    if (!get_args(env, info, 2, 2, argv, "parley: dlqRunDue(handle, nowMs) needs two arguments")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    int64_t now_ms = 0;
    if (!get_int64(env, argv[1], "nowMs", &now_ms)) return NULL;
    char *out = NULL;
    size_t out_len = 0;
    parley_status status = parley_dlq_run_due(engine, now_ms, &out, &out_len);
    return json_result(env, status, out, out_len);
}

/* dlqList and dlqPurge: (handle, query: string (JSON) | null). */
static napi_value dlq_query_call(napi_env env, napi_callback_info info, const char *usage,
                                 parley_status (*call)(parley_engine *, const char *, char **, size_t *)) {
    napi_value argv[2];
    if (!get_args(env, info, 2, 1, argv, usage)) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    char *query = NULL;
    if (!get_optional_string(env, argv[1], "the query", &query)) return NULL;
    char *out = NULL;
    size_t out_len = 0;
    parley_status status = call(engine, query, &out, &out_len);
    free(query);
    return json_result(env, status, out, out_len);
}

static napi_value js_dlq_list(napi_env env, napi_callback_info info) {
    return dlq_query_call(env, info, "parley: dlqList(handle, query) needs a handle", parley_dlq_list);
}

static napi_value js_dlq_purge(napi_env env, napi_callback_info info) {
    return dlq_query_call(env, info, "parley: dlqPurge(handle, query) needs a handle", parley_dlq_purge);
}

static napi_value js_dlq_get(napi_env env, napi_callback_info info) {
    napi_value argv[3];
    if (!get_args(env, info, 3, 3, argv, "parley: dlqGet(handle, chat, id) needs three arguments")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    char *chat = NULL, *id = NULL;
    if (!get_message_key(env, argv, &chat, &id)) return NULL;
    char *out = NULL;
    size_t out_len = 0;
    parley_status status = parley_dlq_get(engine, chat, id, &out, &out_len);
    free(chat);
    free(id);
    return json_result(env, status, out, out_len);
}

static napi_value js_dlq_retry(napi_env env, napi_callback_info info) {
    napi_value argv[4];
    if (!get_args(env, info, 4, 4, argv, "parley: dlqRetry(handle, chat, id, nowMs) needs four arguments")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    int64_t now_ms = 0;
    if (!get_int64(env, argv[3], "nowMs", &now_ms)) return NULL;
    char *chat = NULL, *id = NULL;
    if (!get_message_key(env, argv, &chat, &id)) return NULL;
    char *out = NULL;
    size_t out_len = 0;
    parley_status status = parley_dlq_retry(engine, chat, id, now_ms, &out, &out_len);
    free(chat);
    free(id);
    return json_result(env, status, out, out_len);
}

static napi_value js_dlq_resolve(napi_env env, napi_callback_info info) {
    napi_value argv[3];
    if (!get_args(env, info, 3, 3, argv, "parley: dlqResolve(handle, chat, id) needs three arguments")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    char *chat = NULL, *id = NULL;
    if (!get_message_key(env, argv, &chat, &id)) return NULL;
    parley_status status = parley_dlq_resolve(engine, chat, id);
    free(chat);
    free(id);
    return undefined_result(env, status);
}

/* Adds the dead-letter functions to the exports. */
static bool define_dead_letters(napi_env env, napi_value exports) {
    napi_property_descriptor properties[] = {
        {"messageFail", NULL, js_message_fail, NULL, NULL, NULL, napi_enumerable, NULL},
        {"dlqRunDue", NULL, js_dlq_run_due, NULL, NULL, NULL, napi_enumerable, NULL},
        {"dlqList", NULL, js_dlq_list, NULL, NULL, NULL, napi_enumerable, NULL},
        {"dlqGet", NULL, js_dlq_get, NULL, NULL, NULL, napi_enumerable, NULL},
        {"dlqRetry", NULL, js_dlq_retry, NULL, NULL, NULL, napi_enumerable, NULL},
        {"dlqResolve", NULL, js_dlq_resolve, NULL, NULL, NULL, napi_enumerable, NULL},
        {"dlqPurge", NULL, js_dlq_purge, NULL, NULL, NULL, napi_enumerable, NULL},
    };
    return napi_define_properties(env, exports, sizeof properties / sizeof properties[0], properties) == napi_ok;
}

/* {OK: 0, INVALID_ARGUMENT: 1, ...} from the header's enum. */
static napi_value make_statuses(napi_env env) {
    static const struct {
        const char *name;
        parley_status status;
    } statuses[] = {
        {"OK", PARLEY_OK},
        {"INVALID_ARGUMENT", PARLEY_INVALID_ARGUMENT},
        {"MALFORMED_JSON", PARLEY_MALFORMED_JSON},
        {"INVALID_UTF8", PARLEY_INVALID_UTF8},
        {"INVALID_MESSAGE", PARLEY_INVALID_MESSAGE},
        {"TOO_LARGE", PARLEY_TOO_LARGE},
        {"UNSUPPORTED", PARLEY_UNSUPPORTED},
        {"BAD_SIGNATURE", PARLEY_BAD_SIGNATURE},
        {"INVALID_CONFIG", PARLEY_INVALID_CONFIG},
        {"BUSY", PARLEY_BUSY},
        {"STORAGE", PARLEY_STORAGE},
        {"CORRUPT", PARLEY_CORRUPT},
        {"TIMEOUT", PARLEY_TIMEOUT},
        {"INTERNAL", PARLEY_INTERNAL},
        {"NOT_FOUND", PARLEY_NOT_FOUND},
    };
    napi_value object, number;
    NAPI_CALL(env, napi_create_object(env, &object));
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++) {
        NAPI_CALL(env, napi_create_int32(env, (int32_t)statuses[i].status, &number));
        NAPI_CALL(env, napi_set_named_property(env, object, statuses[i].name, number));
    }
    return object;
}

NAPI_MODULE_INIT() {
    napi_value statuses = make_statuses(env);
    if (!statuses) return NULL;
    napi_property_descriptor properties[] = {
        {"version", NULL, js_version, NULL, NULL, NULL, napi_enumerable, NULL},
        {"statusName", NULL, js_status_name, NULL, NULL, NULL, napi_enumerable, NULL},
        {"open", NULL, js_open, NULL, NULL, NULL, napi_enumerable, NULL},
        {"close", NULL, js_close, NULL, NULL, NULL, napi_enumerable, NULL},
        {"process", NULL, js_process, NULL, NULL, NULL, napi_enumerable, NULL},
        {"ingestWebhook", NULL, js_ingest_webhook, NULL, NULL, NULL, napi_enumerable, NULL},
        {"threadList", NULL, js_thread_list, NULL, NULL, NULL, napi_enumerable, NULL},
        {"threadGet", NULL, js_thread_get, NULL, NULL, NULL, napi_enumerable, NULL},
        {"intentTrain", NULL, js_intent_train, NULL, NULL, NULL, napi_enumerable, NULL},
        {"lookupSet", NULL, js_lookup_set, NULL, NULL, NULL, napi_enumerable, NULL},
        {"loadIntentModel", NULL, js_load_intent_model, NULL, NULL, NULL, napi_enumerable, NULL},
        {"idempotencyClaim", NULL, js_idempotency_claim, NULL, NULL, NULL, napi_enumerable, NULL},
        {"idempotencyRelease", NULL, js_idempotency_release, NULL, NULL, NULL, napi_enumerable, NULL},
        {"breakerAllow", NULL, js_breaker_allow, NULL, NULL, NULL, napi_enumerable, NULL},
        {"breakerRecord", NULL, js_breaker_record, NULL, NULL, NULL, napi_enumerable, NULL},
        {"breakerStatus", NULL, js_breaker_status, NULL, NULL, NULL, napi_enumerable, NULL},
        {"statuses", NULL, NULL, NULL, NULL, statuses, napi_enumerable, NULL},
    };
    NAPI_CALL(env, napi_define_properties(env, exports, sizeof properties / sizeof properties[0], properties));
    if (!define_dead_letters(env, exports)) {
        throw_napi_failure(env, "napi_define_properties");
        return NULL;
    }
    return exports;
}
