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
 *   threadMessages(handle, id: string, query: string|null) -> string (JSON)
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
 *   storeMaintain(handle, nowMs: number) -> string (JSON)   nowMs 0: the wall clock
 *   writebackPark(handle, dependency, payload: string, key: string | null, nowMs) -> number (id)
 *   writebackReplay(handle, dependency, max: number, nowMs) -> string (JSON)
 *   writebackConfirm(handle, id: number, ok: boolean, error: string | null)
 *   metricsJson(handle) -> string (JSON)
 *   metricsPrometheus(handle) -> string (Prometheus text)
 *   submit(handle, message: string | Buffer | Uint8Array, priority: 0 | 1 | 2) -> number (ticket)
 *   submitBatch(handle, messages: string | Buffer | Uint8Array, priority: 0 | 1 | 2) -> number[] (tickets, 0: unusable)
 *   poll(handle, max: number, timeoutMs: number) -> string (JSON array)
 *   drain(handle, timeoutMs: number) -> Promise<undefined>   parley_engine_drain on the thread pool
 *   listen(handle, dispatch: function | null)   function: results go to dispatch(ticket, status,
 *                                           json) on the JS thread through a thread-safe
 *                                           function; null: back to poll
 *   asyncRef(handle, ref: boolean)          whether a listening engine keeps the event loop alive
 *   mediaRead(handle, kind: 0 ocr | 1 transcribe | 2 document, bytes: Buffer | Uint8Array,
 *             options: string (JSON) | null) -> Promise<string (JSON)>   on the thread pool
 *   galleryQuery(handle, query: string (JSON) | null) -> string (JSON)
 *   galleryGet(handle, sha256: string) -> string (JSON)
 *   reportHtml(handle, options: string (JSON) | null) -> string (HTML)
 *   importChat(handle, path: string, options: string (JSON) | null) -> Promise<string (JSON)>
 *                                           parley_import_chat on the thread pool
 *
 * A Parley failure throws an Error with .code (the status name, e.g. "PARLEY_MALFORMED_JSON"),
 * .status (the number) and parley_last_error() as the message. Arguments of the wrong type
 * throw a TypeError. Calls are synchronous (Parley's calls take microseconds to milliseconds)
 * but drain, mediaRead and importChat, which may take seconds and run on libuv's thread pool.
 */
#define _GNU_SOURCE /* dladdr, RTLD_NODELETE */
#define NAPI_VERSION 8
#include <dlfcn.h>
#include <node_api.h>
#include <parley.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The delivery of asynchronous results to the JS thread. Created by the first listen(); shared
 * by the handle and the thread-safe function (refs counts both) and freed by whichever lets go
 * last, so a Parley worker thread calling on_result never sees it freed: the handle lets go
 * only after parley_engine_close has joined the workers. */
typedef struct {
    pthread_mutex_t lock;
    /* Under lock: NULL once released or finalized (then results are dropped: engine closing). */
    napi_threadsafe_function tsfn;
    /* Under lock: results put into tsfn and not yet dispatched on the JS thread. While any are,
     * poll() returns nothing, so results of one chat never overtake each other. */
    size_t queued;
    int refs;
    /* JS thread only. */
    napi_ref dispatch; /* strong while listening, weak otherwise (see js_listen) */
    bool listening;    /* the callback is set */
} async_state;

/* What a handle points to. engine is NULL once closed; the struct lives until the finalizer. */
typedef struct {
    parley_engine *engine;
    async_state *async;  /* NULL until the first listen() */
    /* drains: jobs running on the thread pool (drains and media reads); close waits for them
     * (a drain checks `closing` at least every DRAIN_SLICE_MS; a media read ends within its
     * reader's time limit). */
    pthread_mutex_t lock;
    pthread_cond_t idle;
    int drains;
    bool closing;
    bool keep_alive; /* asyncRef(): while listening, the tsfn keeps the event loop alive (default) */
    /* Log lines to JS (logSet): created by the first logSet with a handler, released only after
     * parley_engine_close, when no Parley thread can call on_log any more. */
    napi_threadsafe_function log_tsfn;
} engine_handle;

#define DRAIN_SLICE_MS 50

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

/* An Error carrying .code (the status name) and .status; NULL if it could not be made. */
static napi_value status_error(napi_env env, parley_status status, const char *message) {
    napi_value text, error, code, number;
    const char *name = parley_status_name(status);
    if (napi_create_string_utf8(env, message, NAPI_AUTO_LENGTH, &text) != napi_ok ||
        napi_create_string_utf8(env, name, NAPI_AUTO_LENGTH, &code) != napi_ok ||
        napi_create_error(env, code, text, &error) != napi_ok ||
        napi_create_int32(env, (int32_t)status, &number) != napi_ok ||
        napi_set_named_property(env, error, "status", number) != napi_ok) {
        return NULL;
    }
    return error;
}

/* Throws an Error carrying .code and .status. message must already be copied or static. */
static void throw_status(napi_env env, parley_status status, const char *message) {
    napi_value error = status_error(env, status, message);
    if (!error) {
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
/* The handle's engine; NULL (an error thrown) without a handle or once closed. */
static parley_engine *engine_of(napi_env env, engine_handle *handle) {
    if (!handle) return NULL;
    if (!handle->engine) {
        throw_status(env, PARLEY_INVALID_ARGUMENT, "the engine is closed");
        return NULL;
    }
    return handle->engine;
}

static parley_engine *get_engine(napi_env env, napi_value value) {
    return engine_of(env, get_handle(env, value));
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

static void async_state_unref(async_state *state) {
    pthread_mutex_lock(&state->lock);
    bool last = --state->refs == 0;
    pthread_mutex_unlock(&state->lock);
    if (!last) return;
    pthread_mutex_destroy(&state->lock);
    free(state);
}

/* Closes the engine of a handle, on the JS thread: results stop going to the callback, drains
 * in progress give up (within DRAIN_SLICE_MS), the workers finish what they hold and are
 * joined, then the thread-safe function is released: results it already holds are still
 * dispatched, then it is finalized. Idempotent. */
static void post_end_marker(napi_threadsafe_function tsfn);

static void close_handle(napi_env env, engine_handle *handle, bool finalizing) {
    parley_engine *engine = handle->engine;
    if (!engine) return;
    /* Collected or torn down with the environment: the close's own log line must not go to a
     * log tsfn Node may be tearing down (uv_mutex_lock aborted the process at exit). */
    if (finalizing && handle->log_tsfn) parley_log_set_callback(engine, NULL, NULL, PARLEY_LOG_ERROR);
    pthread_mutex_lock(&handle->lock);
    handle->closing = true;
    while (handle->drains > 0) pthread_cond_wait(&handle->idle, &handle->lock);
    handle->engine = NULL;
    pthread_mutex_unlock(&handle->lock);
    async_state *state = handle->async;
    handle->async = NULL;
    if (state) parley_engine_set_callback(engine, NULL, NULL);
    parley_engine_close(engine);
    /* A finalizer may run while Node tears the environment down, the log tsfn with it: releasing
     * it then aborted the process. Detached above, it is left to the environment's end. */
    if (handle->log_tsfn && !finalizing) napi_release_threadsafe_function(handle->log_tsfn, napi_tsfn_release);
    handle->log_tsfn = NULL;
    if (!state) return;
    (void)env;
    /* No Parley thread calls on_result any more. */
    pthread_mutex_lock(&state->lock);
    napi_threadsafe_function tsfn = state->tsfn;
    state->tsfn = NULL;
    pthread_mutex_unlock(&state->lock);
    if (tsfn) {
        /* After every result already queued: the results() iterator ends there, not at close
         * (results on their way to this thread count as handed back). */
        post_end_marker(tsfn);
        napi_release_threadsafe_function(tsfn, napi_tsfn_release);
    }
    async_state_unref(state);
}

static void finalize_handle(napi_env env, void *data, void *hint) {
    (void)hint;
    engine_handle *handle = data;
    close_handle(env, handle, true);
    pthread_cond_destroy(&handle->idle);
    pthread_mutex_destroy(&handle->lock);
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
    handle->async = NULL;
    handle->drains = 0;
    handle->closing = false;
    handle->keep_alive = true;
    handle->log_tsfn = NULL;
    pthread_mutex_init(&handle->lock, NULL);
    pthread_cond_init(&handle->idle, NULL);
    if (napi_create_external(env, handle, finalize_handle, NULL, &external) != napi_ok) {
        parley_engine_close(engine);
        pthread_cond_destroy(&handle->idle);
        pthread_mutex_destroy(&handle->lock);
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
    close_handle(env, handle, false);
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

static napi_value js_thread_messages(napi_env env, napi_callback_info info) {
    napi_value argv[3];
    if (!get_args(env, info, 3, 2, argv, "parley: threadMessages(handle, id, query) needs a handle and a thread id")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    char *id = get_c_string(env, argv[1], "the thread id");
    if (!id) return NULL;
    char *query = NULL;
    if (!get_optional_string(env, argv[2], "the thread messages query", &query)) { free(id); return NULL; }
    char *out = NULL;
    size_t out_len = 0;
    parley_status status = parley_thread_messages(engine, id, query, &out, &out_len);
    free(id);
    free(query);
    return json_result(env, status, out, out_len);
}

static napi_value js_report_html(napi_env env, napi_callback_info info) {
    napi_value argv[2];
    if (!get_args(env, info, 2, 1, argv, "parley: reportHtml(handle, options) needs a handle")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    char *options = NULL;
    if (!get_optional_string(env, argv[1], "the report options", &options)) return NULL;
    char *out = NULL;
    size_t out_len = 0;
    parley_status status = parley_report_html(engine, options, &out, &out_len);
    free(options);
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

static napi_value js_store_maintain(napi_env env, napi_callback_info info) {
    napi_value argv[2];
    if (!get_args(env, info, 2, 2, argv, "parley: storeMaintain(handle, nowMs) needs two arguments")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    int64_t now_ms = 0;
    if (!get_int64(env, argv[1], "nowMs", &now_ms)) return NULL;
    char *out = NULL;
    size_t out_len = 0;
    parley_status status = parley_store_maintain(engine, now_ms, &out, &out_len);
    return json_result(env, status, out, out_len);
}

/* ---- Write-backs parked while a breaker is open ---- */

static napi_value js_writeback_park(napi_env env, napi_callback_info info) {
    napi_value argv[5];
    if (!get_args(env, info, 5, 5, argv, "parley: writebackPark(handle, dependency, payload, key, nowMs) needs five arguments"))
        return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    int64_t now_ms = 0;
    if (!get_int64(env, argv[4], "nowMs", &now_ms)) return NULL;
    const char *payload = NULL;
    size_t length = 0;
    char *owned = NULL, *dependency = NULL, *key = NULL;
    if (!get_bytes(env, argv[2], "the payload", &payload, &length, &owned)) return NULL;
    napi_value result = NULL;
    if ((dependency = get_c_string(env, argv[1], "the dependency")) && get_optional_string(env, argv[3], "the key", &key)) {
        uint64_t id = 0;
        parley_status status = parley_writeback_park(engine, dependency, payload, length, key, now_ms, &id);
        if (status != PARLEY_OK) throw_last_error(env, status);
        else if (napi_create_double(env, (double)id, &result) != napi_ok) throw_napi_failure(env, "napi_create_double");
    }
    free(owned);
    free(dependency);
    free(key);
    return result;
}

static napi_value js_writeback_replay(napi_env env, napi_callback_info info) {
    napi_value argv[4];
    if (!get_args(env, info, 4, 4, argv, "parley: writebackReplay(handle, dependency, max, nowMs) needs four arguments"))
        return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    int64_t max = 0, now_ms = 0;
    if (!get_int64(env, argv[2], "max", &max) || !get_int64(env, argv[3], "nowMs", &now_ms)) return NULL;
    char *dependency = get_c_string(env, argv[1], "the dependency");
    if (!dependency) return NULL;
    char *out = NULL;
    size_t out_len = 0;
    parley_status status = parley_writeback_replay(engine, dependency, max < 0 ? 0 : (size_t)max, now_ms, &out, &out_len);
    free(dependency);
    return json_result(env, status, out, out_len);
}

static napi_value js_writeback_confirm(napi_env env, napi_callback_info info) {
    napi_value argv[4];
    bool ok = false;
    if (!get_args(env, info, 4, 4, argv, "parley: writebackConfirm(handle, id, ok, error) needs four arguments")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    int64_t id = 0;
    if (!get_int64(env, argv[1], "id", &id)) return NULL;
    if (napi_get_value_bool(env, argv[2], &ok) != napi_ok) {
        napi_throw_type_error(env, NULL, "parley: ok must be a boolean");
        return NULL;
    }
    char *error = NULL;
    if (!get_optional_string(env, argv[3], "the error", &error)) return NULL;
    parley_status status = parley_writeback_confirm(engine, id < 0 ? 0 : (uint64_t)id, ok ? 1 : 0, error);
    free(error);
    return undefined_result(env, status);
}

/* metricsJson and metricsPrometheus: (handle) -> string. */
static napi_value metrics_call(napi_env env, napi_callback_info info, const char *usage,
                               parley_status (*call)(parley_engine *, char **, size_t *)) {
    napi_value argv[1];
    if (!get_args(env, info, 1, 1, argv, usage)) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    char *out = NULL;
    size_t out_len = 0;
    parley_status status = call(engine, &out, &out_len);
    return json_result(env, status, out, out_len);
}

static napi_value js_metrics_json(napi_env env, napi_callback_info info) {
    return metrics_call(env, info, "parley: metricsJson(handle) needs a handle", parley_metrics_json);
}

static napi_value js_metrics_prometheus(napi_env env, napi_callback_info info) {
    return metrics_call(env, info, "parley: metricsPrometheus(handle) needs a handle", parley_metrics_prometheus);
}

/* ---- Asynchronous processing: submit, poll, drain, and results on the JS thread ---- */

/* Tickets are JS numbers: exact up to 2^53 - 1 (journal row numbers never get there). */
#define MAX_SAFE_TICKET 9007199254740991ULL

/* What goes through the thread-safe function: a result, or a marker: the one a drain posts so
 * its promise settles after every result queued before it was dispatched, or (no deferred) the
 * one close posts last, which tells index.js that every result of the engine was emitted. */
typedef struct {
    enum { ITEM_RESULT, ITEM_DRAINED, ITEM_END } kind;
    napi_deferred deferred; /* ITEM_DRAINED */
    uint64_t ticket;
    parley_status status;
    size_t len;
    char json[]; /* NUL-terminated copy */
} async_item;

/* Queues the marker that follows a closed engine's last result. */
static void post_end_marker(napi_threadsafe_function tsfn) {
    async_item *end = calloc(1, sizeof *end + 1);
    if (!end) return;
    end->kind = ITEM_END;
    if (napi_call_threadsafe_function(tsfn, end, napi_tsfn_nonblocking) != napi_ok) free(end);
}

/* The parley_result_callback: on a Parley worker thread (or, for a duplicate or results
 * waiting when the callback is set, on the JS thread inside submit/listen). Copies the result
 * into the thread-safe function's queue (unbounded, never blocking) in the order it came. */
static void on_result(void *user_data, uint64_t ticket, parley_status status, const char *json, size_t len) {
    async_state *state = user_data;
    async_item *item = malloc(sizeof *item + len + 1);
    if (!item) return; /* out of memory: the result is lost to the host, the message stays stored */
    item->kind = ITEM_RESULT;
    item->deferred = NULL;
    item->ticket = ticket;
    item->status = status;
    item->len = len;
    if (len) memcpy(item->json, json, len);
    item->json[len] = '\0';
    pthread_mutex_lock(&state->lock);
    bool queued = state->tsfn && napi_call_threadsafe_function(state->tsfn, item, napi_tsfn_nonblocking) == napi_ok;
    if (queued) state->queued++;
    pthread_mutex_unlock(&state->lock);
    if (!queued) free(item); /* the engine is closing or the environment is going away */
}

/* On the JS thread: hands a result to the JS dispatch function (index.js emits it or keeps it
 * for poll), or settles a drain's promise. env is NULL when the environment is torn down. */
static void call_js(napi_env env, napi_value js_callback, void *context, void *data) {
    (void)js_callback;
    async_state *state = context;
    async_item *item = data;
    if (item->kind == ITEM_RESULT) {
        pthread_mutex_lock(&state->lock);
        state->queued--;
        pthread_mutex_unlock(&state->lock);
    }
    if (!env) {
        free(item);
        return;
    }
    if (item->kind == ITEM_DRAINED) {
        napi_value undefined;
        if (napi_get_undefined(env, &undefined) == napi_ok) napi_resolve_deferred(env, item->deferred, undefined);
        free(item);
        return;
    }
    /* The end marker reaches index.js as ticket 0 with status -1. */
    if (item->kind == ITEM_END) item->status = (parley_status)-1;
    napi_value dispatch = NULL, argv[3], receiver;
    if (state->dispatch && napi_get_reference_value(env, state->dispatch, &dispatch) == napi_ok && dispatch &&
        napi_create_double(env, (double)item->ticket, &argv[0]) == napi_ok &&
        napi_create_int32(env, (int32_t)item->status, &argv[1]) == napi_ok &&
        napi_create_string_utf8(env, item->json, item->len, &argv[2]) == napi_ok &&
        napi_get_undefined(env, &receiver) == napi_ok) {
        if (napi_call_function(env, receiver, dispatch, 3, argv, NULL) != napi_ok) {
            /* A 'result' listener threw: report it like any event listener's exception. */
            bool pending = false;
            napi_value error;
            if (napi_is_exception_pending(env, &pending) == napi_ok && pending &&
                napi_get_and_clear_last_exception(env, &error) == napi_ok) {
                napi_fatal_exception(env, error);
            }
        }
    }
    free(item);
}

static void finalize_tsfn(napi_env env, void *data, void *hint) {
    (void)hint;
    async_state *state = data;
    pthread_mutex_lock(&state->lock);
    state->tsfn = NULL;
    pthread_mutex_unlock(&state->lock);
    if (state->dispatch) {
        napi_delete_reference(env, state->dispatch);
        state->dispatch = NULL;
    }
    async_state_unref(state);
}

/* The thread-safe function keeps the event loop alive only while results go to a listener
 * and the host did not call unref(). */
static bool update_ref(napi_env env, engine_handle *handle) {
    async_state *state = handle->async;
    if (!state || !state->tsfn) return true;
    napi_status status = state->listening && handle->keep_alive ? napi_ref_threadsafe_function(env, state->tsfn)
                                                                 : napi_unref_threadsafe_function(env, state->tsfn);
    if (status != napi_ok) {
        throw_napi_failure(env, "napi_ref_threadsafe_function");
        return false;
    }
    return true;
}

/* A priority argument (0 high, 1 normal, 2 low; the core checks the range); false with a
 * TypeError pending otherwise. */
static bool get_priority(napi_env env, napi_value value, int32_t *priority) {
    napi_valuetype type = napi_undefined;
    if (napi_typeof(env, value, &type) != napi_ok || type != napi_number) {
        napi_throw_type_error(env, NULL, "parley: the priority must be a number (0 high, 1 normal, 2 low)");
        return false;
    }
    if (napi_get_value_int32(env, value, priority) != napi_ok) {
        throw_napi_failure(env, "napi_get_value_int32");
        return false;
    }
    return true;
}

/* Results a 'result' listener has not received yet wait in the thread-safe function's queue,
 * which has no bound of its own (the library counts them handed back): a host submitting in a
 * tight loop never lets the JS thread take them. Past this many, submits answer PARLEY_BUSY,
 * as the engine does above queue.highWater, until the JS thread runs. */
#define RESULTS_WAITING_MAX 4096

#define STRINGIFY(x) #x
#define DECIMAL(x) STRINGIFY(x)

/* The engine a submit goes to; NULL with an error thrown when it is closed, or with
 * PARLEY_BUSY while RESULTS_WAITING_MAX results wait for the JS thread. */
static parley_engine *get_engine_for_submit(napi_env env, napi_value value) {
    engine_handle *handle = get_handle(env, value);
    parley_engine *engine = engine_of(env, handle);
    async_state *state = engine ? handle->async : NULL;
    if (!state) return engine;
    pthread_mutex_lock(&state->lock);
    bool backlogged = state->queued >= RESULTS_WAITING_MAX;
    pthread_mutex_unlock(&state->lock);
    if (!backlogged) return engine;
    throw_status(env, PARLEY_BUSY, DECIMAL(RESULTS_WAITING_MAX) " results wait for the JS thread to emit them: let the event "
                 "loop run (await) before submitting more");
    return NULL;
}

static napi_value js_submit(napi_env env, napi_callback_info info) {
    napi_value argv[3], result;
    int32_t priority = 0;
    if (!get_args(env, info, 3, 3, argv, "parley: submit(handle, message, priority) needs three arguments")) return NULL;
    parley_engine *engine = get_engine_for_submit(env, argv[0]);
    if (!engine) return NULL;
    if (!get_priority(env, argv[2], &priority)) return NULL;
    const char *data = NULL;
    size_t length = 0;
    char *owned = NULL;
    if (!get_bytes(env, argv[1], "the message", &data, &length, &owned)) return NULL;
    uint64_t ticket = 0;
    parley_status status = parley_engine_submit(engine, data, length, (parley_priority)priority, &ticket);
    free(owned);
    if (status != PARLEY_OK) {
        throw_last_error(env, status);
        return NULL;
    }
    if (ticket > MAX_SAFE_TICKET) {
        napi_throw_range_error(env, NULL, "parley: the ticket is beyond Number.MAX_SAFE_INTEGER");
        return NULL;
    }
    NAPI_CALL(env, napi_create_double(env, (double)ticket, &result));
    return result;
}

/* submitBatch(handle, messages, priority) -> array of tickets (0: a message that could not be used). */
static napi_value js_submit_batch(napi_env env, napi_callback_info info) {
    napi_value argv[3], result;
    int32_t priority = 0;
    if (!get_args(env, info, 3, 3, argv, "parley: submitBatch(handle, messages, priority) needs three arguments")) return NULL;
    parley_engine *engine = get_engine_for_submit(env, argv[0]);
    if (!engine) return NULL;
    if (!get_priority(env, argv[2], &priority)) return NULL;
    const char *data = NULL;
    size_t length = 0;
    char *owned = NULL;
    if (!get_bytes(env, argv[1], "the messages", &data, &length, &owned)) return NULL;
    size_t capacity = 64, count = 0;
    uint64_t *tickets = NULL;
    parley_status status;
    for (;;) {
        uint64_t *grown = realloc(tickets, capacity * sizeof *tickets);
        if (!grown) {
            free(tickets);
            free(owned);
            napi_throw_error(env, NULL, "parley: out of memory");
            return NULL;
        }
        tickets = grown;
        status = parley_engine_submit_batch(engine, data, length, (parley_priority)priority, tickets, capacity, &count);
        /* More messages than places: nothing was stored; again with room for all. */
        if (status == PARLEY_INVALID_ARGUMENT && count > capacity) {
            capacity = count;
            continue;
        }
        break;
    }
    free(owned);
    if (status != PARLEY_OK) {
        free(tickets);
        throw_last_error(env, status);
        return NULL;
    }
    if (napi_create_array_with_length(env, count, &result) != napi_ok) {
        free(tickets);
        return NULL;
    }
    for (size_t i = 0; i < count; i++) {
        napi_value ticket;
        if (tickets[i] > MAX_SAFE_TICKET || napi_create_double(env, (double)tickets[i], &ticket) != napi_ok
            || napi_set_element(env, result, (uint32_t)i, ticket) != napi_ok) {
            free(tickets);
            napi_throw_range_error(env, NULL, "parley: a ticket is beyond Number.MAX_SAFE_INTEGER");
            return NULL;
        }
    }
    free(tickets);
    return result;
}

/* An integral number argument within [min, max]; TypeError or RangeError pending otherwise. */
static bool get_int_in(napi_env env, napi_value value, const char *what, int64_t min, int64_t max, int64_t *out) {
    if (!get_int64(env, value, what, out)) return false;
    if (*out < min || *out > max) {
        char message[128];
        snprintf(message, sizeof message, "parley: %s is out of range", what);
        napi_throw_range_error(env, NULL, message);
        return false;
    }
    return true;
}

static napi_value js_poll(napi_env env, napi_callback_info info) {
    napi_value argv[3], empty;
    if (!get_args(env, info, 3, 3, argv, "parley: poll(handle, max, timeoutMs) needs three arguments")) return NULL;
    engine_handle *handle = get_handle(env, argv[0]);
    if (!handle) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    int64_t max = 0, timeout = 0;
    if (!get_int_in(env, argv[1], "max", 1, INT32_MAX, &max) ||
        !get_int_in(env, argv[2], "timeoutMs", INT32_MIN, INT32_MAX, &timeout)) return NULL;
    if (handle->async) {
        /* Results of the callback still on their way to the JS thread come first: the JS side
         * receives them before the next poll can take later ones. */
        pthread_mutex_lock(&handle->async->lock);
        size_t queued = handle->async->queued;
        pthread_mutex_unlock(&handle->async->lock);
        if (queued) {
            NAPI_CALL(env, napi_create_string_utf8(env, "[]", 2, &empty));
            return empty;
        }
    }
    char *out = NULL;
    size_t out_len = 0;
    parley_status status = parley_engine_poll(engine, (size_t)max, (int)timeout, &out, &out_len);
    return json_result(env, status, out, out_len);
}

static napi_value js_listen(napi_env env, napi_callback_info info) {
    napi_value argv[2], name, undefined;
    napi_valuetype type = napi_undefined;
    if (!get_args(env, info, 2, 2, argv, "parley: listen(handle, dispatch) needs two arguments")) return NULL;
    engine_handle *handle = get_handle(env, argv[0]);
    if (!handle) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    NAPI_CALL(env, napi_typeof(env, argv[1], &type));
    if (type == napi_function) {
        async_state *state = handle->async;
        if (!state) {
            if (!(state = calloc(1, sizeof *state))) {
                napi_throw_error(env, NULL, "parley: out of memory");
                return NULL;
            }
            pthread_mutex_init(&state->lock, NULL);
            state->refs = 2; /* the handle and the thread-safe function */
            napi_threadsafe_function tsfn = NULL;
            if (napi_create_string_utf8(env, "parley results", NAPI_AUTO_LENGTH, &name) != napi_ok ||
                napi_create_threadsafe_function(env, NULL, NULL, name, 0, 1, state, finalize_tsfn, state, call_js,
                                                &tsfn) != napi_ok) {
                pthread_mutex_destroy(&state->lock);
                free(state);
                throw_napi_failure(env, "napi_create_threadsafe_function");
                return NULL;
            }
            state->tsfn = tsfn;
            handle->async = state;
        }
        if (state->dispatch) {
            NAPI_CALL(env, napi_delete_reference(env, state->dispatch));
            state->dispatch = NULL;
        }
        /* Strong while listening: the dispatch function holds the engine, which holds its
         * listeners, so `new Engine().on('result', ...)` is not collected while results come
         * (as a socket with a 'data' listener is not). Weak again once nothing listens. */
        NAPI_CALL(env, napi_create_reference(env, argv[1], 1, &state->dispatch));
        if (!state->listening) {
            parley_status status = parley_engine_set_callback(engine, on_result, state);
            if (status != PARLEY_OK) {
                throw_last_error(env, status);
                return NULL;
            }
            state->listening = true;
        }
    } else if (type == napi_null || type == napi_undefined) {
        async_state *state = handle->async;
        if (state && state->listening) {
            parley_status status = parley_engine_set_callback(engine, NULL, NULL);
            if (status != PARLEY_OK) {
                throw_last_error(env, status);
                return NULL;
            }
            /* Results a worker was already handing to the callback still come through the
             * thread-safe function, which lives as long as the engine. */
            state->listening = false;
            uint32_t count = 0;
            if (state->dispatch) NAPI_CALL(env, napi_reference_unref(env, state->dispatch, &count));
        }
    } else {
        napi_throw_type_error(env, NULL, "parley: listen(handle, dispatch) needs a function or null");
        return NULL;
    }
    if (!update_ref(env, handle)) return NULL;
    NAPI_CALL(env, napi_get_undefined(env, &undefined));
    return undefined;
}

static napi_value js_async_ref(napi_env env, napi_callback_info info) {
    napi_value argv[2], undefined;
    napi_valuetype type = napi_undefined;
    bool keep_alive = true;
    if (!get_args(env, info, 2, 2, argv, "parley: asyncRef(handle, ref) needs two arguments")) return NULL;
    engine_handle *handle = get_handle(env, argv[0]);
    if (!handle) return NULL;
    NAPI_CALL(env, napi_typeof(env, argv[1], &type));
    if (type != napi_boolean) {
        napi_throw_type_error(env, NULL, "parley: ref must be a boolean");
        return NULL;
    }
    NAPI_CALL(env, napi_get_value_bool(env, argv[1], &keep_alive));
    handle->keep_alive = keep_alive;
    if (!update_ref(env, handle)) return NULL;
    NAPI_CALL(env, napi_get_undefined(env, &undefined));
    return undefined;
}

typedef struct {
    engine_handle *handle;
    parley_engine *engine;
    int timeout_ms;
    napi_async_work work;
    napi_deferred deferred;
    napi_ref keep; /* the handle's external, so it is not finalized while the drain runs */
    parley_status status;
    bool closed;
    char message[512];
} drain_job;

static int64_t monotonic_ms(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

/* On the thread pool: parley_engine_drain in slices, so a close() on the JS thread waits at
 * most one slice for it. */
static void drain_execute(napi_env env, void *data) {
    (void)env;
    drain_job *job = data;
    engine_handle *handle = job->handle;
    int64_t deadline = job->timeout_ms >= 0 ? monotonic_ms() + job->timeout_ms : 0;
    for (;;) {
        pthread_mutex_lock(&handle->lock);
        bool closing = handle->closing;
        pthread_mutex_unlock(&handle->lock);
        if (closing) {
            job->closed = true;
            break;
        }
        int slice = DRAIN_SLICE_MS;
        if (job->timeout_ms >= 0) {
            int64_t remaining = deadline - monotonic_ms();
            if (remaining < slice) slice = remaining > 0 ? (int)remaining : 0;
        }
        parley_status status = parley_engine_drain(job->engine, slice);
        if (status != PARLEY_TIMEOUT) {
            job->status = status;
            if (status != PARLEY_OK) snprintf(job->message, sizeof job->message, "%s", parley_last_error());
            break;
        }
        if (job->timeout_ms >= 0 && monotonic_ms() >= deadline) {
            job->status = PARLEY_TIMEOUT;
            snprintf(job->message, sizeof job->message,
                     "drain: messages were still being processed after %d ms", job->timeout_ms);
            break;
        }
    }
    pthread_mutex_lock(&handle->lock);
    handle->drains--;
    pthread_cond_broadcast(&handle->idle);
    pthread_mutex_unlock(&handle->lock);
}

/* On the JS thread: settles the promise; on success after the results already queued for
 * the JS thread (a marker through the thread-safe function), so they are emitted first. */
static void drain_complete(napi_env env, napi_status status, void *data) {
    drain_job *job = data;
    napi_value value = NULL;
    napi_delete_async_work(env, job->work);
    if (job->closed) {
        value = status_error(env, PARLEY_INVALID_ARGUMENT, "the engine was closed while draining");
    } else if (status != napi_ok) {
        value = status_error(env, PARLEY_INTERNAL, "the drain was cancelled");
    } else if (job->status != PARLEY_OK) {
        value = status_error(env, job->status, job->message);
    }
    if (value) {
        napi_reject_deferred(env, job->deferred, value);
    } else {
        bool posted = false;
        async_state *state = job->handle->async;
        if (state) {
            async_item *marker = malloc(sizeof *marker + 1);
            if (marker) {
                marker->kind = ITEM_DRAINED;
                marker->deferred = job->deferred;
                marker->len = 0;
                pthread_mutex_lock(&state->lock);
                posted = state->tsfn &&
                         napi_call_threadsafe_function(state->tsfn, marker, napi_tsfn_nonblocking) == napi_ok;
                pthread_mutex_unlock(&state->lock);
                if (!posted) free(marker);
            }
        }
        if (!posted && napi_get_undefined(env, &value) == napi_ok) napi_resolve_deferred(env, job->deferred, value);
    }
    napi_delete_reference(env, job->keep);
    free(job);
}

static napi_value js_drain(napi_env env, napi_callback_info info) {
    napi_value argv[2], promise, name;
    if (!get_args(env, info, 2, 2, argv, "parley: drain(handle, timeoutMs) needs two arguments")) return NULL;
    engine_handle *handle = get_handle(env, argv[0]);
    if (!handle) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    int64_t timeout = 0;
    if (!get_int_in(env, argv[1], "timeoutMs", INT32_MIN, INT32_MAX, &timeout)) return NULL;
    drain_job *job = calloc(1, sizeof *job);
    if (!job) {
        napi_throw_error(env, NULL, "parley: out of memory");
        return NULL;
    }
    job->handle = handle;
    job->engine = engine;
    job->timeout_ms = timeout < 0 ? -1 : (int)timeout;
    if (napi_create_reference(env, argv[0], 1, &job->keep) != napi_ok) {
        free(job);
        throw_napi_failure(env, "napi_create_reference");
        return NULL;
    }
    if (napi_create_promise(env, &job->deferred, &promise) != napi_ok ||
        napi_create_string_utf8(env, "parley drain", NAPI_AUTO_LENGTH, &name) != napi_ok ||
        napi_create_async_work(env, NULL, name, drain_execute, drain_complete, job, &job->work) != napi_ok) {
        napi_delete_reference(env, job->keep);
        free(job); /* an unsettled promise of a failed call is never returned */
        throw_napi_failure(env, "creating the drain");
        return NULL;
    }
    pthread_mutex_lock(&handle->lock);
    handle->drains++;
    pthread_mutex_unlock(&handle->lock);
    if (napi_queue_async_work(env, job->work) != napi_ok) {
        pthread_mutex_lock(&handle->lock);
        handle->drains--;
        pthread_mutex_unlock(&handle->lock);
        napi_delete_async_work(env, job->work);
        napi_delete_reference(env, job->keep);
        free(job);
        throw_napi_failure(env, "napi_queue_async_work");
        return NULL;
    }
    return promise;
}

/* ---- Media: readers on the thread pool, the gallery ---- */

typedef struct {
    engine_handle *handle;
    parley_engine *engine;
    int kind;
    unsigned char *bytes;
    size_t len;
    char *options;
    napi_async_work work;
    napi_deferred deferred;
    napi_ref keep; /* the handle's external, so it is not finalized while the read runs */
    parley_status status;
    char *out;
    size_t out_len;
    char message[1024];
} media_job;

static void media_execute(napi_env env, void *data) {
    (void)env;
    media_job *job = data;
    switch (job->kind) {
    case 0: job->status = parley_media_ocr(job->engine, job->bytes, job->len, job->options, &job->out, &job->out_len); break;
    case 1: job->status = parley_media_transcribe(job->engine, job->bytes, job->len, job->options, &job->out, &job->out_len); break;
    case 2: job->status = parley_media_parse_document(job->engine, job->bytes, job->len, job->options, &job->out, &job->out_len); break;
    default: /* 3: an import; bytes hold the NUL-terminated path */
        job->status = parley_import_chat(job->engine, (const char *)job->bytes, job->options, &job->out, &job->out_len);
        break;
    }
    if (job->status != PARLEY_OK) snprintf(job->message, sizeof job->message, "%s", parley_last_error());
    engine_handle *handle = job->handle;
    pthread_mutex_lock(&handle->lock);
    handle->drains--;
    pthread_cond_broadcast(&handle->idle);
    pthread_mutex_unlock(&handle->lock);
}

static void media_free(napi_env env, media_job *job) {
    if (job->keep) napi_delete_reference(env, job->keep);
    free(job->bytes);
    free(job->options);
    free(job);
}

static void media_complete(napi_env env, napi_status status, void *data) {
    media_job *job = data;
    napi_value value = NULL;
    napi_delete_async_work(env, job->work);
    if (status != napi_ok) {
        napi_reject_deferred(env, job->deferred, status_error(env, PARLEY_INTERNAL, "the media read was cancelled"));
    } else if (job->status != PARLEY_OK) {
        napi_reject_deferred(env, job->deferred, status_error(env, job->status, job->message));
    } else if (napi_create_string_utf8(env, job->out, job->out_len, &value) == napi_ok) {
        napi_resolve_deferred(env, job->deferred, value);
    } else {
        napi_reject_deferred(env, job->deferred, status_error(env, PARLEY_INTERNAL, "the result could not be made a string"));
    }
    parley_string_free(job->out);
    media_free(env, job);
}

static napi_value js_media_read(napi_env env, napi_callback_info info) {
    napi_value argv[4], promise, name;
    if (!get_args(env, info, 4, 3, argv, "parley: mediaRead(handle, kind, bytes, options) needs a handle, a kind and bytes")) return NULL;
    engine_handle *handle = get_handle(env, argv[0]);
    if (!handle) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    int64_t kind = 0;
    if (!get_int_in(env, argv[1], "kind", 0, 2, &kind)) return NULL;
    const char *data = NULL;
    size_t length = 0;
    char *owned = NULL;
    if (!get_bytes(env, argv[2], "the file", &data, &length, &owned)) return NULL;
    media_job *job = calloc(1, sizeof *job);
    if (!job) {
        free(owned);
        napi_throw_error(env, NULL, "parley: out of memory");
        return NULL;
    }
    /* The bytes are copied: the JS buffer may change or go while the read runs. */
    job->bytes = malloc(length ? length : 1);
    if (!job->bytes || !get_optional_string(env, argv[3], "the options", &job->options)) {
        free(owned);
        bool pending = false;
        napi_is_exception_pending(env, &pending);
        if (!pending) napi_throw_error(env, NULL, "parley: out of memory");
        media_free(env, job);
        return NULL;
    }
    if (length) memcpy(job->bytes, data, length);
    free(owned);
    job->len = length;
    job->handle = handle;
    job->engine = engine;
    job->kind = (int)kind;
    if (napi_create_reference(env, argv[0], 1, &job->keep) != napi_ok) {
        job->keep = NULL;
        media_free(env, job);
        throw_napi_failure(env, "napi_create_reference");
        return NULL;
    }
    if (napi_create_promise(env, &job->deferred, &promise) != napi_ok ||
        napi_create_string_utf8(env, "parley media", NAPI_AUTO_LENGTH, &name) != napi_ok ||
        napi_create_async_work(env, NULL, name, media_execute, media_complete, job, &job->work) != napi_ok) {
        media_free(env, job); /* an unsettled promise of a failed call is never returned */
        throw_napi_failure(env, "creating the media read");
        return NULL;
    }
    pthread_mutex_lock(&handle->lock);
    handle->drains++;
    pthread_mutex_unlock(&handle->lock);
    if (napi_queue_async_work(env, job->work) != napi_ok) {
        pthread_mutex_lock(&handle->lock);
        handle->drains--;
        pthread_mutex_unlock(&handle->lock);
        napi_delete_async_work(env, job->work);
        media_free(env, job);
        throw_napi_failure(env, "napi_queue_async_work");
        return NULL;
    }
    return promise;
}

/* An import: the same job as a media read (kind 3), the path in place of the file's bytes. */
static napi_value js_import_chat(napi_env env, napi_callback_info info) {
    napi_value argv[3], promise, name;
    if (!get_args(env, info, 3, 2, argv, "parley: importChat(handle, path, options) needs a handle and a path")) return NULL;
    engine_handle *handle = get_handle(env, argv[0]);
    if (!handle) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    media_job *job = calloc(1, sizeof *job);
    if (!job) {
        napi_throw_error(env, NULL, "parley: out of memory");
        return NULL;
    }
    job->bytes = (unsigned char *)get_c_string(env, argv[1], "the path");
    if (!job->bytes || !get_optional_string(env, argv[2], "the options", &job->options)) {
        media_free(env, job);
        return NULL;
    }
    job->len = strlen((const char *)job->bytes);
    job->handle = handle;
    job->engine = engine;
    job->kind = 3;
    if (napi_create_reference(env, argv[0], 1, &job->keep) != napi_ok) {
        job->keep = NULL;
        media_free(env, job);
        throw_napi_failure(env, "napi_create_reference");
        return NULL;
    }
    if (napi_create_promise(env, &job->deferred, &promise) != napi_ok ||
        napi_create_string_utf8(env, "parley import", NAPI_AUTO_LENGTH, &name) != napi_ok ||
        napi_create_async_work(env, NULL, name, media_execute, media_complete, job, &job->work) != napi_ok) {
        media_free(env, job);
        throw_napi_failure(env, "creating the import");
        return NULL;
    }
    pthread_mutex_lock(&handle->lock);
    handle->drains++;
    pthread_mutex_unlock(&handle->lock);
    if (napi_queue_async_work(env, job->work) != napi_ok) {
        pthread_mutex_lock(&handle->lock);
        handle->drains--;
        pthread_mutex_unlock(&handle->lock);
        napi_delete_async_work(env, job->work);
        media_free(env, job);
        throw_napi_failure(env, "napi_queue_async_work");
        return NULL;
    }
    return promise;
}

static napi_value js_gallery_query(napi_env env, napi_callback_info info) {
    napi_value argv[2];
    if (!get_args(env, info, 2, 1, argv, "parley: galleryQuery(handle, query) needs a handle")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    char *query = NULL;
    if (!get_optional_string(env, argv[1], "the gallery query", &query)) return NULL;
    char *out = NULL;
    size_t out_len = 0;
    parley_status status = parley_gallery_query(engine, query, &out, &out_len);
    free(query);
    return json_result(env, status, out, out_len);
}

static napi_value js_gallery_get(napi_env env, napi_callback_info info) {
    napi_value argv[2];
    if (!get_args(env, info, 2, 2, argv, "parley: galleryGet(handle, sha256) needs a handle and a hash")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    char *sha256 = get_c_string(env, argv[1], "the sha256");
    if (!sha256) return NULL;
    char *out = NULL;
    size_t out_len = 0;
    parley_status status = parley_gallery_get(engine, sha256, &out, &out_len);
    free(sha256);
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

/* ---- log ----
 * Log lines reach JS through a thread-safe function: Parley may log on any thread, and the JS
 * handler runs later on the JS thread. The queue is bounded (LOG_QUEUE lines); a line that
 * finds it full is dropped rather than block a Parley thread. The tsfn is unref'd: a log
 * handler never keeps the process alive. */
#define LOG_QUEUE 1024

static void on_log(void *user_data, parley_log_level level, const char *line, size_t len) {
    (void)level;
    engine_handle *handle = user_data;
    char *copy = malloc(len + 1);
    if (!copy) return;
    memcpy(copy, line, len + 1);
    if (napi_call_threadsafe_function(handle->log_tsfn, copy, napi_tsfn_nonblocking) != napi_ok) free(copy);
}

static void call_js_log(napi_env env, napi_value js_dispatch, void *context, void *data) {
    (void)context;
    char *line = data;
    napi_value text, undefined;
    if (env && js_dispatch && napi_create_string_utf8(env, line, NAPI_AUTO_LENGTH, &text) == napi_ok &&
        napi_get_undefined(env, &undefined) == napi_ok)
        napi_call_function(env, undefined, js_dispatch, 1, &text, NULL);
    free(line);
}

/* logSet(handle, dispatch | null, level): dispatch(lineJSON) is called on the JS thread. The
 * first dispatch given stays the tsfn's function: index.js passes one per engine that calls
 * the current handler. */
static napi_value js_log_set(napi_env env, napi_callback_info info) {
    napi_value argv[3];
    if (!get_args(env, info, 3, 3, argv, "parley: logSet(handle, dispatch, level) needs three arguments")) return NULL;
    engine_handle *handle = get_handle(env, argv[0]);
    if (!handle) return NULL;
    if (!handle->engine) {
        throw_status(env, PARLEY_INVALID_ARGUMENT, "the engine is closed");
        return NULL;
    }
    int32_t level = 0;
    NAPI_CALL(env, napi_get_value_int32(env, argv[2], &level));
    napi_valuetype type;
    NAPI_CALL(env, napi_typeof(env, argv[1], &type));
    if (type != napi_function) {
        return undefined_result(env, parley_log_set_callback(handle->engine, NULL, NULL, (parley_log_level)level));
    }
    if (!handle->log_tsfn) {
        napi_value name;
        NAPI_CALL(env, napi_create_string_utf8(env, "parley.log", NAPI_AUTO_LENGTH, &name));
        NAPI_CALL(env, napi_create_threadsafe_function(env, argv[1], NULL, name, LOG_QUEUE, 1, NULL, NULL, NULL,
                                                       call_js_log, &handle->log_tsfn));
        NAPI_CALL(env, napi_unref_threadsafe_function(env, handle->log_tsfn));
    }
    return undefined_result(env, parley_log_set_callback(handle->engine, on_log, handle, (parley_log_level)level));
}

/* ---- Session: the session lock, the client's state machine, heartbeats, health ---- */

typedef struct {
    parley_session_lock *lock;
} session_lock_handle;

static const napi_type_tag session_lock_tag = {0x7061726c65790a02ULL, 0x5e55104c0c4b1a7dULL};

static void finalize_session_lock(napi_env env, void *data, void *hint) {
    (void)env;
    (void)hint;
    session_lock_handle *handle = data;
    parley_session_lock_release(handle->lock);
    free(handle);
}

/* The handle behind an external made by sessionLockAcquire(); NULL with a TypeError pending otherwise. */
static session_lock_handle *get_session_lock(napi_env env, napi_value value) {
    napi_valuetype type;
    bool tagged = false;
    void *data = NULL;
    if (napi_typeof(env, value, &type) != napi_ok || type != napi_external ||
        napi_check_object_type_tag(env, value, &session_lock_tag, &tagged) != napi_ok || !tagged ||
        napi_get_value_external(env, value, &data) != napi_ok || !data) {
        napi_throw_type_error(env, NULL, "parley: the first argument must be a lock from sessionLockAcquire()");
        return NULL;
    }
    return data;
}

static napi_value js_session_lock_acquire(napi_env env, napi_callback_info info) {
    napi_value argv[2], result;
    if (!get_args(env, info, 2, 1, argv, "parley: sessionLockAcquire(dir, optionsJson) needs a directory")) return NULL;
    char *dir = get_c_string(env, argv[0], "the session directory");
    if (!dir) return NULL;
    char *options = NULL;
    if (!get_optional_string(env, argv[1], "the options", &options)) {
        free(dir);
        return NULL;
    }
    parley_session_lock *lock = NULL;
    parley_status status = parley_session_lock_acquire(dir, options, &lock);
    free(dir);
    free(options);
    if (status != PARLEY_OK) {
        throw_last_error(env, status);
        return NULL;
    }
    session_lock_handle *handle = malloc(sizeof *handle);
    if (!handle) {
        parley_session_lock_release(lock);
        napi_throw_error(env, NULL, "parley: out of memory");
        return NULL;
    }
    handle->lock = lock;
    if (napi_create_external(env, handle, finalize_session_lock, NULL, &result) != napi_ok ||
        napi_type_tag_object(env, result, &session_lock_tag) != napi_ok) {
        parley_session_lock_release(lock);
        free(handle);
        throw_napi_failure(env, "napi_create_external");
        return NULL;
    }
    return result;
}

static napi_value js_session_lock_refresh(napi_env env, napi_callback_info info) {
    napi_value argv[1];
    if (!get_args(env, info, 1, 1, argv, "parley: sessionLockRefresh(lock) needs a lock")) return NULL;
    session_lock_handle *handle = get_session_lock(env, argv[0]);
    if (!handle) return NULL;
    if (!handle->lock) {
        throw_status(env, PARLEY_NOT_FOUND, "the session lock was released");
        return NULL;
    }
    return undefined_result(env, parley_session_lock_refresh(handle->lock));
}

static napi_value js_session_lock_info(napi_env env, napi_callback_info info) {
    napi_value argv[1];
    if (!get_args(env, info, 1, 1, argv, "parley: sessionLockInfo(lock) needs a lock")) return NULL;
    session_lock_handle *handle = get_session_lock(env, argv[0]);
    if (!handle) return NULL;
    if (!handle->lock) {
        throw_status(env, PARLEY_NOT_FOUND, "the session lock was released");
        return NULL;
    }
    char *out = NULL;
    size_t out_len = 0;
    parley_status status = parley_session_lock_info(handle->lock, &out, &out_len);
    return json_result(env, status, out, out_len);
}

static napi_value js_session_lock_release(napi_env env, napi_callback_info info) {
    napi_value argv[1], undefined;
    if (!get_args(env, info, 1, 1, argv, "parley: sessionLockRelease(lock) needs a lock")) return NULL;
    session_lock_handle *handle = get_session_lock(env, argv[0]);
    if (!handle) return NULL;
    parley_session_lock_release(handle->lock);
    handle->lock = NULL;
    NAPI_CALL(env, napi_get_undefined(env, &undefined));
    return undefined;
}

static napi_value js_session_event(napi_env env, napi_callback_info info) {
    napi_value argv[2];
    if (!get_args(env, info, 2, 2, argv, "parley: sessionEvent(handle, eventJson) needs two arguments")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    const char *data = NULL;
    size_t length = 0;
    char *owned = NULL;
    if (!get_bytes(env, argv[1], "the event", &data, &length, &owned)) return NULL;
    char *out = NULL;
    size_t out_len = 0;
    parley_status status = parley_session_event(engine, data, length, &out, &out_len);
    free(owned);
    return json_result(env, status, out, out_len);
}

static napi_value js_session_heartbeat(napi_env env, napi_callback_info info) {
    napi_value argv[2];
    if (!get_args(env, info, 2, 2, argv, "parley: sessionHeartbeat(handle, heartbeatJson) needs two arguments")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    const char *data = NULL;
    size_t length = 0;
    char *owned = NULL;
    if (!get_bytes(env, argv[1], "the heartbeat", &data, &length, &owned)) return NULL;
    parley_status status = parley_session_heartbeat(engine, data, length);
    free(owned);
    return undefined_result(env, status);
}

/* sessionHealth and sessionPreflight: (handle, account: string | null, nowMs). */
static napi_value session_account_call(napi_env env, napi_callback_info info, const char *usage,
                                       parley_status (*call)(parley_engine *, const char *, int64_t, char **, size_t *)) {
    napi_value argv[3];
    if (!get_args(env, info, 3, 3, argv, usage)) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    int64_t now_ms = 0;
    if (!get_int64(env, argv[2], "nowMs", &now_ms)) return NULL;
    char *account = NULL;
    if (!get_optional_string(env, argv[1], "the account", &account)) return NULL;
    char *out = NULL;
    size_t out_len = 0;
    parley_status status = call(engine, account, now_ms, &out, &out_len);
    free(account);
    return json_result(env, status, out, out_len);
}

static napi_value js_session_health(napi_env env, napi_callback_info info) {
    return session_account_call(env, info, "parley: sessionHealth(handle, account, nowMs) needs three arguments",
                                parley_session_health);
}

static napi_value js_session_preflight(napi_env env, napi_callback_info info) {
    return session_account_call(env, info, "parley: sessionPreflight(handle, account, nowMs) needs three arguments",
                                parley_session_preflight);
}

/* Adds the session functions to the exports. */
static bool register_session(napi_env env, napi_value exports) {
    napi_property_descriptor properties[] = {
        {"sessionLockAcquire", NULL, js_session_lock_acquire, NULL, NULL, NULL, napi_enumerable, NULL},
        {"sessionLockRefresh", NULL, js_session_lock_refresh, NULL, NULL, NULL, napi_enumerable, NULL},
        {"sessionLockInfo", NULL, js_session_lock_info, NULL, NULL, NULL, napi_enumerable, NULL},
        {"sessionLockRelease", NULL, js_session_lock_release, NULL, NULL, NULL, napi_enumerable, NULL},
        {"sessionEvent", NULL, js_session_event, NULL, NULL, NULL, napi_enumerable, NULL},
        {"sessionHeartbeat", NULL, js_session_heartbeat, NULL, NULL, NULL, napi_enumerable, NULL},
        {"sessionHealth", NULL, js_session_health, NULL, NULL, NULL, napi_enumerable, NULL},
        {"sessionPreflight", NULL, js_session_preflight, NULL, NULL, NULL, napi_enumerable, NULL},
    };
    return napi_define_properties(env, exports, sizeof properties / sizeof properties[0], properties) == napi_ok;
}

/* ---- outbox ---- */

static bool get_id(napi_env env, napi_value value, uint64_t *out) {
    int64_t id = 0;
    if (!get_int64(env, value, "id", &id)) return false;
    *out = id < 0 ? 0 : (uint64_t)id;
    return true;
}

static napi_value id_result(napi_env env, parley_status status, uint64_t id) {
    if (status != PARLEY_OK) {
        throw_last_error(env, status);
        return NULL;
    }
    napi_value result;
    NAPI_CALL(env, napi_create_double(env, (double)id, &result));
    return result;
}

/* outboxEnqueue(handle, sendJson) -> id */
static napi_value js_outbox_enqueue(napi_env env, napi_callback_info info) {
    napi_value argv[2];
    if (!get_args(env, info, 2, 2, argv, "parley: outboxEnqueue(handle, sendJson) needs two arguments")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    const char *data = NULL;
    size_t length = 0;
    char *owned = NULL;
    if (!get_bytes(env, argv[1], "the send", &data, &length, &owned)) return NULL;
    uint64_t id = 0;
    parley_status status = parley_outbox_enqueue(engine, data, length, &id);
    free(owned);
    return id_result(env, status, id);
}

/* outboxNextBatch(handle, nowMs, max) -> JSON text */
static napi_value js_outbox_next_batch(napi_env env, napi_callback_info info) {
    napi_value argv[3];
    if (!get_args(env, info, 3, 3, argv, "parley: outboxNextBatch(handle, nowMs, max) needs three arguments")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    int64_t now_ms = 0, max = 0;
    if (!get_int64(env, argv[1], "nowMs", &now_ms) || !get_int64(env, argv[2], "max", &max)) return NULL;
    char *out = NULL;
    size_t out_len = 0;
    parley_status status = parley_outbox_next_batch(engine, now_ms, max < 0 ? 0 : (size_t)max, &out, &out_len);
    return json_result(env, status, out, out_len);
}

/* outboxConfirm(handle, id, ok, detailJsonOrNull) */
static napi_value js_outbox_confirm(napi_env env, napi_callback_info info) {
    napi_value argv[4];
    bool ok = false;
    if (!get_args(env, info, 4, 4, argv, "parley: outboxConfirm(handle, id, ok, detail) needs four arguments")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    uint64_t id = 0;
    if (!get_id(env, argv[1], &id)) return NULL;
    if (napi_get_value_bool(env, argv[2], &ok) != napi_ok) {
        napi_throw_type_error(env, NULL, "parley: ok must be a boolean");
        return NULL;
    }
    char *detail = NULL;
    if (!get_optional_string(env, argv[3], "the detail", &detail)) return NULL;
    parley_status status = parley_outbox_confirm(engine, id, ok ? 1 : 0, detail);
    free(detail);
    return undefined_result(env, status);
}

/* outboxDelivery(handle, statusJson) -> true, or false when no send has that message id */
static napi_value js_outbox_delivery(napi_env env, napi_callback_info info) {
    napi_value argv[2];
    if (!get_args(env, info, 2, 2, argv, "parley: outboxDelivery(handle, statusJson) needs two arguments")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    const char *data = NULL;
    size_t length = 0;
    char *owned = NULL;
    if (!get_bytes(env, argv[1], "the status", &data, &length, &owned)) return NULL;
    parley_status status = parley_outbox_delivery(engine, data, length);
    free(owned);
    if (status == PARLEY_NOT_FOUND) return boolean_result(env, PARLEY_OK, 0);
    return boolean_result(env, status, 1);
}

/* outboxStatus(handle) -> JSON text */
static napi_value js_outbox_status(napi_env env, napi_callback_info info) {
    return metrics_call(env, info, "parley: outboxStatus(handle) needs a handle", parley_outbox_status);
}

/* outboxGet(handle, id) -> JSON text */
static napi_value js_outbox_get(napi_env env, napi_callback_info info) {
    napi_value argv[2];
    if (!get_args(env, info, 2, 2, argv, "parley: outboxGet(handle, id) needs two arguments")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    uint64_t id = 0;
    if (!get_id(env, argv[1], &id)) return NULL;
    char *out = NULL;
    size_t out_len = 0;
    parley_status status = parley_outbox_get(engine, id, &out, &out_len);
    return json_result(env, status, out, out_len);
}

/* Adds the outbox functions to the exports. */
static bool register_outbox(napi_env env, napi_value exports) {
    napi_property_descriptor properties[] = {
        {"outboxEnqueue", NULL, js_outbox_enqueue, NULL, NULL, NULL, napi_enumerable, NULL},
        {"outboxNextBatch", NULL, js_outbox_next_batch, NULL, NULL, NULL, napi_enumerable, NULL},
        {"outboxConfirm", NULL, js_outbox_confirm, NULL, NULL, NULL, napi_enumerable, NULL},
        {"outboxDelivery", NULL, js_outbox_delivery, NULL, NULL, NULL, napi_enumerable, NULL},
        {"outboxStatus", NULL, js_outbox_status, NULL, NULL, NULL, napi_enumerable, NULL},
        {"outboxGet", NULL, js_outbox_get, NULL, NULL, NULL, napi_enumerable, NULL},
    };
    return napi_define_properties(env, exports, sizeof properties / sizeof properties[0], properties) == napi_ok;
}

/* ---- cache: the API cache. Get-or-fetch is built in index.js on get / lease / put,
 * so a JS fetcher (async) never runs on Parley's threads and no thread blocks for it. ---- */

static napi_value js_cache_put(napi_env env, napi_callback_info info) {
    napi_value argv[5];
    if (!get_args(env, info, 5, 4, argv, "parley: cachePut(handle, key, value, nowMs, optionsJson) needs four arguments")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    int64_t now_ms = 0;
    if (!get_int64(env, argv[3], "nowMs", &now_ms)) return NULL;
    const char *data = NULL;
    size_t length = 0;
    char *owned = NULL, *options = NULL, *key = NULL;
    if (!get_bytes(env, argv[2], "the value", &data, &length, &owned)) return NULL;
    if (!get_optional_string(env, argv[4], "the options", &options)) {
        free(owned);
        return NULL;
    }
    key = get_c_string(env, argv[1], "the key");
    if (!key) {
        free(owned);
        free(options);
        return NULL;
    }
    parley_status status = parley_cache_put(engine, key, (const unsigned char *)data, length, now_ms, options);
    free(key);
    free(options);
    free(owned);
    return undefined_result(env, status);
}

/* null on a miss, else {value: Buffer, stale: boolean}. */
static napi_value js_cache_get(napi_env env, napi_callback_info info) {
    napi_value argv[3];
    if (!get_args(env, info, 3, 3, argv, "parley: cacheGet(handle, key, nowMs) needs three arguments")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    int64_t now_ms = 0;
    if (!get_int64(env, argv[2], "nowMs", &now_ms)) return NULL;
    char *key = get_c_string(env, argv[1], "the key");
    if (!key) return NULL;
    unsigned char *value = NULL;
    size_t length = 0;
    int stale = 0;
    parley_status status = parley_cache_get(engine, key, now_ms, &value, &length, &stale);
    free(key);
    napi_value result, buffer, flag;
    if (status == PARLEY_NOT_FOUND) {
        NAPI_CALL(env, napi_get_null(env, &result));
        return result;
    }
    if (status != PARLEY_OK) {
        throw_last_error(env, status);
        return NULL;
    }
    void *copy = NULL;
    napi_status made = napi_create_buffer_copy(env, length, value, &copy, &buffer);
    parley_string_free((char *)value);
    if (made != napi_ok) {
        throw_napi_failure(env, "napi_create_buffer_copy");
        return NULL;
    }
    NAPI_CALL(env, napi_create_object(env, &result));
    NAPI_CALL(env, napi_get_boolean(env, stale == PARLEY_CACHE_STALE, &flag));
    NAPI_CALL(env, napi_set_named_property(env, result, "value", buffer));
    NAPI_CALL(env, napi_set_named_property(env, result, "stale", flag));
    return result;
}

static napi_value js_cache_lease(napi_env env, napi_callback_info info) {
    napi_value argv[3];
    if (!get_args(env, info, 3, 3, argv, "parley: cacheLease(handle, key, nowMs) needs three arguments")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    int64_t now_ms = 0;
    if (!get_int64(env, argv[2], "nowMs", &now_ms)) return NULL;
    char *key = get_c_string(env, argv[1], "the key");
    if (!key) return NULL;
    uint64_t lease = 0;
    parley_status status = parley_cache_lease(engine, key, now_ms, &lease);
    free(key);
    if (status != PARLEY_OK) {
        throw_last_error(env, status);
        return NULL;
    }
    napi_value result;
    NAPI_CALL(env, napi_create_double(env, (double)lease, &result));
    return result;
}

static napi_value js_cache_release(napi_env env, napi_callback_info info) {
    napi_value argv[3];
    if (!get_args(env, info, 3, 3, argv, "parley: cacheRelease(handle, key, lease) needs three arguments")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    int64_t lease = 0;
    if (!get_int64(env, argv[2], "lease", &lease)) return NULL;
    char *key = get_c_string(env, argv[1], "the key");
    if (!key) return NULL;
    parley_status status = parley_cache_release(engine, key, lease < 0 ? 0 : (uint64_t)lease);
    free(key);
    return undefined_result(env, status);
}

static napi_value js_cache_invalidate(napi_env env, napi_callback_info info) {
    napi_value argv[2];
    if (!get_args(env, info, 2, 2, argv, "parley: cacheInvalidate(handle, key) needs two arguments")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    char *key = get_c_string(env, argv[1], "the key");
    if (!key) return NULL;
    parley_status status = parley_cache_invalidate(engine, key);
    free(key);
    return undefined_result(env, status);
}

/* cacheInvalidateTag and cacheInvalidatePrefix: (handle, name) -> how many were dropped. */
static napi_value cache_count_call(napi_env env, napi_callback_info info, const char *usage, const char *what,
                                   parley_status (*call)(parley_engine *, const char *, size_t *)) {
    napi_value argv[2];
    if (!get_args(env, info, 2, 2, argv, usage)) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    char *name = get_c_string(env, argv[1], what);
    if (!name) return NULL;
    size_t count = 0;
    parley_status status = call(engine, name, &count);
    free(name);
    if (status != PARLEY_OK) {
        throw_last_error(env, status);
        return NULL;
    }
    napi_value result;
    NAPI_CALL(env, napi_create_double(env, (double)count, &result));
    return result;
}

static napi_value js_cache_invalidate_tag(napi_env env, napi_callback_info info) {
    return cache_count_call(env, info, "parley: cacheInvalidateTag(handle, tag) needs two arguments", "the tag",
                            parley_cache_invalidate_tag);
}

static napi_value js_cache_invalidate_prefix(napi_env env, napi_callback_info info) {
    return cache_count_call(env, info, "parley: cacheInvalidatePrefix(handle, prefix) needs two arguments", "the prefix",
                            parley_cache_invalidate_prefix);
}

static napi_value js_cache_stats(napi_env env, napi_callback_info info) {
    napi_value argv[1];
    if (!get_args(env, info, 1, 1, argv, "parley: cacheStats(handle) needs a handle")) return NULL;
    parley_engine *engine = get_engine(env, argv[0]);
    if (!engine) return NULL;
    char *out = NULL;
    size_t out_len = 0;
    parley_status status = parley_cache_stats(engine, &out, &out_len);
    return json_result(env, status, out, out_len);
}

/* Adds the cache functions to the exports. */
static bool register_cache(napi_env env, napi_value exports) {
    napi_property_descriptor properties[] = {
        {"cachePut", NULL, js_cache_put, NULL, NULL, NULL, napi_enumerable, NULL},
        {"cacheGet", NULL, js_cache_get, NULL, NULL, NULL, napi_enumerable, NULL},
        {"cacheLease", NULL, js_cache_lease, NULL, NULL, NULL, napi_enumerable, NULL},
        {"cacheRelease", NULL, js_cache_release, NULL, NULL, NULL, napi_enumerable, NULL},
        {"cacheInvalidate", NULL, js_cache_invalidate, NULL, NULL, NULL, napi_enumerable, NULL},
        {"cacheInvalidateTag", NULL, js_cache_invalidate_tag, NULL, NULL, NULL, napi_enumerable, NULL},
        {"cacheInvalidatePrefix", NULL, js_cache_invalidate_prefix, NULL, NULL, NULL, napi_enumerable, NULL},
        {"cacheStats", NULL, js_cache_stats, NULL, NULL, NULL, napi_enumerable, NULL},
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

/* The addon and libParley stay loaded for the life of the process. Node unloads an addon
 * when the last environment using it (a worker_thread) ends; that thread's exit then ran
 * thread-local destructors that the Swift runtime inside libParley had registered, in code no
 * longer mapped (SIGSEGV at every worker exit). */
static void pin_libraries(void) {
    const void *symbols[] = {(const void *)&pin_libraries, (const void *)&parley_engine_open};
    for (size_t i = 0; i < sizeof symbols / sizeof *symbols; i++) {
        Dl_info info;
        if (dladdr(symbols[i], &info) && info.dli_fname) (void)dlopen(info.dli_fname, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
    }
}

NAPI_MODULE_INIT() {
    pin_libraries();
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
        {"threadMessages", NULL, js_thread_messages, NULL, NULL, NULL, napi_enumerable, NULL},
        {"reportHtml", NULL, js_report_html, NULL, NULL, NULL, napi_enumerable, NULL},
        {"mediaRead", NULL, js_media_read, NULL, NULL, NULL, napi_enumerable, NULL},
        {"galleryQuery", NULL, js_gallery_query, NULL, NULL, NULL, napi_enumerable, NULL},
        {"galleryGet", NULL, js_gallery_get, NULL, NULL, NULL, napi_enumerable, NULL},
        {"importChat", NULL, js_import_chat, NULL, NULL, NULL, napi_enumerable, NULL},
        {"intentTrain", NULL, js_intent_train, NULL, NULL, NULL, napi_enumerable, NULL},
        {"lookupSet", NULL, js_lookup_set, NULL, NULL, NULL, napi_enumerable, NULL},
        {"loadIntentModel", NULL, js_load_intent_model, NULL, NULL, NULL, napi_enumerable, NULL},
        {"idempotencyClaim", NULL, js_idempotency_claim, NULL, NULL, NULL, napi_enumerable, NULL},
        {"idempotencyRelease", NULL, js_idempotency_release, NULL, NULL, NULL, napi_enumerable, NULL},
        {"breakerAllow", NULL, js_breaker_allow, NULL, NULL, NULL, napi_enumerable, NULL},
        {"breakerRecord", NULL, js_breaker_record, NULL, NULL, NULL, napi_enumerable, NULL},
        {"breakerStatus", NULL, js_breaker_status, NULL, NULL, NULL, napi_enumerable, NULL},
        {"storeMaintain", NULL, js_store_maintain, NULL, NULL, NULL, napi_enumerable, NULL},
        {"metricsJson", NULL, js_metrics_json, NULL, NULL, NULL, napi_enumerable, NULL},
        {"writebackPark", NULL, js_writeback_park, NULL, NULL, NULL, napi_enumerable, NULL},
        {"writebackReplay", NULL, js_writeback_replay, NULL, NULL, NULL, napi_enumerable, NULL},
        {"writebackConfirm", NULL, js_writeback_confirm, NULL, NULL, NULL, napi_enumerable, NULL},
        {"metricsPrometheus", NULL, js_metrics_prometheus, NULL, NULL, NULL, napi_enumerable, NULL},
        {"submit", NULL, js_submit, NULL, NULL, NULL, napi_enumerable, NULL},
        {"submitBatch", NULL, js_submit_batch, NULL, NULL, NULL, napi_enumerable, NULL},
        {"poll", NULL, js_poll, NULL, NULL, NULL, napi_enumerable, NULL},
        {"drain", NULL, js_drain, NULL, NULL, NULL, napi_enumerable, NULL},
        {"listen", NULL, js_listen, NULL, NULL, NULL, napi_enumerable, NULL},
        {"asyncRef", NULL, js_async_ref, NULL, NULL, NULL, napi_enumerable, NULL},
        {"statuses", NULL, NULL, NULL, NULL, statuses, napi_enumerable, NULL},
    };
    NAPI_CALL(env, napi_define_properties(env, exports, sizeof properties / sizeof properties[0], properties));
    if (!define_dead_letters(env, exports)) {
        throw_napi_failure(env, "napi_define_properties");
        return NULL;
    }
    if (!register_cache(env, exports)) return throw_napi_failure(env, "napi_define_properties"), NULL;
    if (!register_outbox(env, exports)) { throw_napi_failure(env, "napi_define_properties"); return NULL; }
    napi_property_descriptor log_property = {"logSet", NULL, js_log_set, NULL, NULL, NULL, napi_enumerable, NULL};
    NAPI_CALL(env, napi_define_properties(env, exports, 1, &log_property));
    if (!register_session(env, exports)) { throw_napi_failure(env, "napi_define_properties"); return NULL; }
    return exports;
}
