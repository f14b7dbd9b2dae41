'use strict';
// Parley for Node: a thin skin over the N-API addon (src/addon.c), which wraps include/parley.h.
// The addon is built by CMake into build/parley.node with libParley.so beside it (RUNPATH
// $ORIGIN), so no LD_LIBRARY_PATH is needed.

const path = require('node:path');

let native;
try {
  native = require(path.join(__dirname, 'build', 'parley.node'));
} catch (error) {
  error.message = `parley: cannot load ${path.join(__dirname, 'build', 'parley.node')} ` +
    `(build it with: cmake -S . -B build && cmake --build build): ${error.message}`;
  throw error;
}

/** The status codes of enum parley_status (include/parley.h). */
const Status = Object.freeze({
  OK: 0,
  INVALID_ARGUMENT: 1,
  MALFORMED_JSON: 2,
  INVALID_UTF8: 3,
  INVALID_MESSAGE: 4,
  TOO_LARGE: 5,
  UNSUPPORTED: 6,
  BAD_SIGNATURE: 7,
  INVALID_CONFIG: 8,
  BUSY: 9,
  STORAGE: 10,
  CORRUPT: 11,
  TIMEOUT: 12,
  INTERNAL: 13,
  NOT_FOUND: 14,
});

// This binding follows the 0.1 API; 0.x minors may change it, so they must match.
const API_MAJOR = 0;
const API_MINOR = 1;

/** A failed Parley call: `status` is a number of `Status`, `code` its C name ("PARLEY_TOO_LARGE"). */
class ParleyError extends Error {
  constructor(message, status, code) {
    super(message);
    this.name = 'ParleyError';
    this.status = status;
    this.code = code !== undefined ? code : native.statusName(status);
  }
}

/** Turns the addon's Error (with .status and .code) into a ParleyError; rethrows others. */
function rethrow(error, caller) {
  if (error instanceof Error && typeof error.status === 'number' && !(error instanceof ParleyError)) {
    const wrapped = new ParleyError(error.message, error.status, error.code);
    Error.captureStackTrace(wrapped, caller);
    throw wrapped;
  }
  throw error;
}

function checkVersion() {
  const found = native.version();
  const [major, minor] = found.split('.').map(Number);
  const compatible = major === API_MAJOR && (major === 0 ? minor === API_MINOR : minor >= API_MINOR);
  if (!compatible) {
    throw new Error(`parley: the loaded libParley.so is version ${found}; this binding needs ${API_MAJOR}.${API_MINOR}.x`);
  }
}
checkVersion();

/** The library's version, "MAJOR.MINOR.PATCH". */
function version() {
  return native.version();
}

function toInput(value, what) {
  if (typeof value === 'string' || Buffer.isBuffer(value) || value instanceof Uint8Array) return value;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  throw new TypeError(`parley: ${what} must be an object, a JSON string or a Buffer`);
}

/**
 * An engine: configuration, the durable store and the pipeline. Close it when done; an engine
 * that is garbage-collected unclosed is closed by its finalizer.
 */
class Engine {
  #handle;
  #closed = false;

  /** @param {object|string|null|undefined} config  see include/parley.h; omitted: in-memory store */
  constructor(config) {
    let text = null;
    if (typeof config === 'string') text = config;
    else if (config !== null && typeof config === 'object') text = JSON.stringify(config);
    else if (config !== undefined && config !== null) {
      throw new TypeError('parley: config must be an object, a JSON string, null or undefined');
    }
    try {
      this.#handle = native.open(text);
    } catch (error) {
      rethrow(error, Engine);
    }
  }

  /** Processes one message (normalized, whatsapp-web.js or Baileys) and returns its enriched context. */
  process(message) {
    const input = toInput(message, 'the message');
    let json;
    try {
      json = native.process(this.#handle, input);
    } catch (error) {
      rethrow(error, this.process);
    }
    return JSON.parse(json);
  }

  /** Verifies and processes a Cloud API webhook body, as received; signature is X-Hub-Signature-256. */
  ingestWebhook(body, signature = null) {
    if (typeof body !== 'string' && !(body instanceof Uint8Array)) {
      throw new TypeError('parley: the webhook body must be a Buffer or a string, exactly as received');
    }
    let json;
    try {
      json = native.ingestWebhook(this.#handle, body, signature);
    } catch (error) {
      rethrow(error, this.ingestWebhook);
    }
    return JSON.parse(json);
  }

  /** Sets lookup lists {property: [{id, name, aliases}], ...}; an empty list removes a kind. Returns entry counts. */
  setLookups(lists) {
    if (lists === null || typeof lists !== 'object' || Array.isArray(lists)) {
      throw new TypeError('parley: the lookup lists must be an object of arrays');
    }
    let json;
    try {
      json = native.lookupSet(this.#handle, JSON.stringify(lists));
    } catch (error) {
      rethrow(error, this.setLookups);
    }
    return JSON.parse(json).lists;
  }

  /** Uses the intent model at path (from trainIntentModel or `parley train`) from now on. */
  loadIntentModel(path) {
    if (typeof path !== 'string') throw new TypeError('parley: the model path must be a string');
    try {
      native.loadIntentModel(this.#handle, path);
    } catch (error) {
      rethrow(error, this.loadIntentModel);
    }
  }

  /** Conversation threads, most recently active first: query {chat?, state?: 'open'|'closed', limit?}. */
  threads(query = null) {
    if (query !== null && (typeof query !== 'object' || Array.isArray(query))) {
      throw new TypeError('parley: the thread query must be an object or null');
    }
    let json;
    try {
      json = native.threadList(this.#handle, query === null ? null : JSON.stringify(query));
    } catch (error) {
      rethrow(error, this.threads);
    }
    return JSON.parse(json).threads;
  }

  /** One thread with the enriched contexts of its messages; ParleyError NOT_FOUND if unknown. */
  thread(id) {
    if (typeof id !== 'string') throw new TypeError('parley: the thread id must be a string');
    let json;
    try {
      json = native.threadGet(this.#handle, id);
    } catch (error) {
      rethrow(error, this.thread);
    }
    return JSON.parse(json).thread;
  }

  // -- reliability: idempotency claims and circuit breakers --------------------------------

  /**
   * Claims an idempotency key for ttlSeconds (1 to ten years) before a side effect of the host's
   * own (a sheet write-back, a payment confirmation). true: this call claimed it, do the side
   * effect; false: claimed before and not expired, skip it. Durable in the store.
   */
  claim(key, ttlSeconds) {
    try {
      return native.idempotencyClaim(this.#handle, key, ttlSeconds);
    } catch (error) {
      rethrow(error, this.claim);
    }
  }

  /** Forgets a claim so the side effect may be retried (it failed). An unclaimed key is no error. */
  release(key) {
    try {
      native.idempotencyRelease(this.#handle, key);
    } catch (error) {
      rethrow(error, this.release);
    }
  }

  /**
   * Whether a call through circuit breaker `name` may go ahead: true when closed or a half-open
   * trial permit was granted (then record its outcome), false when open. nowMs: the host's
   * clock in ms (default Date.now()); use one clock for every call.
   */
  breakerAllow(name, nowMs = Date.now()) {
    try {
      return native.breakerAllow(this.#handle, name, nowMs);
    } catch (error) {
      rethrow(error, this.breakerAllow);
    }
  }

  /** Records the outcome of a call breakerAllow let through: ok false for a failure, micros its duration. */
  breakerRecord(name, ok, micros, nowMs = Date.now()) {
    if (typeof micros !== 'number' || !Number.isFinite(micros)) {
      throw new TypeError('parley: micros must be a finite number');
    }
    try {
      native.breakerRecord(this.#handle, name, ok, Math.round(micros), nowMs);
    } catch (error) {
      rethrow(error, this.breakerRecord);
    }
  }

  /** Every breaker used so far or configured, by name: [{name, state, failureRate, slowCallRate, calls, openedAt?, retryAt?}]. */
  breakers() {
    let json;
    try {
      json = native.breakerStatus(this.#handle);
    } catch (error) {
      rethrow(error, this.breakers);
    }
    return JSON.parse(json).breakers;
  }

  // -- dead letters: failed handling, retries on a schedule ---------------------------------

  /**
   * Reports that handling the processed message (chat, id) failed: it is retried on the
   * "retries" schedule (engine.dlq.runDue hands it back), or dead once its attempts are used up.
   * error: null, a string (the message) or an object {status?, message?, ...} kept in its history.
   */
  fail(chat, id, error = null, nowMs = Date.now()) {
    let text = null;
    if (typeof error === 'string' || (error !== null && typeof error === 'object' && !Array.isArray(error))) {
      text = JSON.stringify(error);
    } else if (error !== null && error !== undefined) {
      throw new TypeError('parley: the error must be an object, a string or null');
    }
    try {
      native.messageFail(this.#handle, chat, id, text, nowMs);
    } catch (err) {
      rethrow(err, this.fail);
    }
  }

  /** The dead-letter queue: runDue, list, get, retry, resolve, purge. */
  get dlq() {
    return new DeadLetterQueue(this.#handle);
  }

  /** Closes the engine; stored messages stay in the store file. Closing twice is harmless. */
  close() {
    this.#closed = true;
    native.close(this.#handle);
  }

  /** Whether close() was called; calls on a closed engine throw ParleyError INVALID_ARGUMENT. */
  get closed() {
    return this.#closed;
  }
}

/** An engine's dead-letter queue (engine.dlq). */
class DeadLetterQueue {
  #handle;

  constructor(handle) {
    this.#handle = handle;
  }

  #call(caller, name, ...args) {
    let json;
    try {
      json = native[name](this.#handle, ...args);
    } catch (error) {
      rethrow(error, caller);
    }
    return json === undefined ? undefined : JSON.parse(json);
  }

  static #query(query, what) {
    if (query === null || query === undefined) return null;
    if (typeof query !== 'object' || Array.isArray(query)) throw new TypeError(`parley: the ${what} must be an object or null`);
    return JSON.stringify(query);
  }

  /**
   * Processes again every failed message due at nowMs (default Date.now()), at most 256:
   * {retried: [{chat, id, attempt, context}], more?: true}. Handle each context again.
   */
  runDue(nowMs = Date.now()) {
    const result = this.#call(this.runDue, 'dlqRunDue', nowMs);
    delete result.schema;
    return result;
  }

  /** Failed and dead messages, oldest first: query {state?: 'failed'|'dead', chat?, limit?}. */
  list(query = null) {
    return this.#call(this.list, 'dlqList', DeadLetterQueue.#query(query, 'dead-letter query')).messages;
  }

  /** One message, in any state, with its attempts and errors; ParleyError NOT_FOUND if unknown. */
  get(chat, id) {
    return this.#call(this.get, 'dlqGet', chat, id).message;
  }

  /** Processes a failed or dead message again now: {chat, id, attempt, context}, or null if another caller just did. */
  retry(chat, id, nowMs = Date.now()) {
    const retried = this.#call(this.retry, 'dlqRetry', chat, id, nowMs).retried;
    return retried.length > 0 ? retried[0] : null;
  }

  /** Marks a failed or dead message resolved: the host dealt with it by hand. */
  resolve(chat, id) {
    this.#call(this.resolve, 'dlqResolve', chat, id);
  }

  /** Deletes dead and resolved messages: query {state?: 'dead'|'resolved', chat?}. Returns how many. */
  purge(query = null) {
    return this.#call(this.purge, 'dlqPurge', DeadLetterQueue.#query(query, 'purge query')).purged;
  }
}

// `using engine = new Engine()` where the runtime supports explicit resource management.
if (typeof Symbol.dispose === 'symbol') {
  Engine.prototype[Symbol.dispose] = Engine.prototype.close;
}

/**
 * Trains an intent model from JSONL lines {"text", "intent"} or TSV "text<TAB>intent" and
 * writes it to path. Returns {examples, intents, trainMillis}.
 */
function trainIntentModel(data, path) {
  if (typeof path !== 'string') throw new TypeError('parley: the model path must be a string');
  let json;
  try {
    json = native.intentTrain(data, path);
  } catch (error) {
    rethrow(error, trainIntentModel);
  }
  return JSON.parse(json);
}

module.exports = { Engine, ParleyError, Status, version, trainIntentModel };
