'use strict';
// Parley for Node: a thin skin over the N-API addon (src/addon.c), which wraps include/parley.h.
// The addon is built by CMake into build/parley.node with libParley.so beside it (RUNPATH
// $ORIGIN), so no LD_LIBRARY_PATH is needed.

const path = require('node:path');
const { EventEmitter } = require('node:events');

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
  BAD_MEDIA: 15,
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

/** A result from poll()'s JSON ({ticket, status, recovered?, context | error}) in the event's form. */
function fromPolled(raw) {
  const result = { ticket: raw.ticket, status: raw.status, recovered: raw.recovered === true };
  if (raw.context !== undefined) result.context = raw.context;
  if (raw.error !== undefined) {
    const code = raw.error.status ?? raw.status;
    result.error = new ParleyError(raw.error.message ?? '', STATUS_NAMES[code] ?? Status.INTERNAL, code);
  }
  return result;
}

function wrap(error) {
  try {
    rethrow(error, wrap);
  } catch (wrapped) {
    return wrapped;
  }
  return error;
}

// JSON has no BigInt: a live message's BigInt (a timestamp) goes as its decimal digits, which
// Parley reads wherever it reads an integer.
const bigIntAsDigits = (key, value) => (typeof value === 'bigint' ? value.toString() : value);

function toInput(value, what) {
  if (typeof value === 'string' || Buffer.isBuffer(value) || value instanceof Uint8Array) return value;
  if (value !== null && typeof value === 'object') return JSON.stringify(value, bigIntAsDigits);
  throw new TypeError(`parley: ${what} must be an object, a JSON string or a Buffer`);
}

/** The lanes of enum parley_priority. */
const PRIORITIES = Object.freeze({ high: 0, normal: 1, low: 2 });

/** Emitted (internally) once every result of a closed engine was emitted. */
const RESULTS_ENDED = Symbol('parley.resultsEnded');

const STATUS_NAMES = Object.fromEntries(Object.entries(Status).map(([name, code]) => [`PARLEY_${name}`, code]));

/**
 * An engine: configuration, the durable store and the pipeline. Close it when done; an engine
 * that is garbage-collected unclosed is closed by its finalizer.
 *
 * Asynchronous processing: submit() returns a ticket at once; Parley's worker threads process
 * the message (in parallel across chats, in order within a chat) and its result comes back
 * as a 'result' event on the JS thread, through `for await (const r of engine.results())`,
 * or, while neither is in use, through poll(). Events: 'result' (Result), 'close'.
 */
class Engine extends EventEmitter {
  #handle;
  #closed = false;
  /** Results that reached the JS thread while no listener was attached; poll() returns them first. */
  #buffered = [];
  /** Bound once: the addon keeps a weak reference to it, this object the strong one. */
  #dispatch = (ticket, status, json) => this.#onResult(ticket, status, json);
  #logHandler = null;
  #logDispatch = null;

  /** @param {object|string|null|undefined} config  see include/parley.h; omitted: in-memory store */
  constructor(config) {
    let text = null;
    if (typeof config === 'string') text = config;
    else if (config !== null && typeof config === 'object') text = JSON.stringify(config);
    else if (config !== undefined && config !== null) {
      throw new TypeError('parley: config must be an object, a JSON string, null or undefined');
    }
    super();
    try {
      this.#handle = native.open(text);
    } catch (error) {
      rethrow(error, Engine);
    }
    // Results go to the callback (and the JS thread) only while someone listens for them;
    // otherwise they wait in Parley's bounded queue for poll(), so backpressure holds.
    this.on('newListener', (event) => {
      if (event === 'result' && this.listenerCount('result') === 0 && !this.#closed) {
        native.listen(this.#handle, this.#dispatch);
      }
    });
    this.on('removeListener', (event) => {
      if (event === 'result' && this.listenerCount('result') === 0 && !this.#closed) {
        native.listen(this.#handle, null);
      }
    });
  }

  /**
   * Accepts a message for asynchronous processing and returns its ticket (a Number: uint64 in
   * C, exact in a Number up to 2^53 - 1, which a journal's row numbers never reach). The message
   * is stored before this returns, so it survives a crash. priority: 'high', 'normal' (default)
   * or 'low'; urgent messages and VIP chats go high anyway. A message accepted before keeps its
   * ticket. Throws ParleyError code 'PARLEY_BUSY' when queue.highWater messages wait (results
   * not yet collected count), and while 4096 results wait for the JS thread to emit them to a
   * 'result' listener: retry after results were taken (let the event loop run).
   */
  submit(message, options = {}) {
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      throw new TypeError(`parley: the submit options must be an object like {priority: 'high'}, not ${String(options)}`);
    }
    const { priority = 'normal' } = options;
    const lane = typeof priority === 'string' && Object.hasOwn(PRIORITIES, priority) ? PRIORITIES[priority] : undefined;
    if (lane === undefined) {
      throw new TypeError(`parley: priority must be 'high', 'normal' or 'low', not ${String(priority)}`);
    }
    const input = toInput(message, 'the message');
    let ticket;
    try {
      ticket = native.submit(this.#handle, input, lane);
    } catch (error) {
      rethrow(error, this.submit);
    }
    return ticket;
  }

  /**
   * Accepts several messages with ONE write to the store; returns their tickets in order. messages:
   * an array of messages (objects or JSON text), or JSON text/bytes of an array or of a Cloud API
   * webhook body. Each usable message is stored before this returns and handled as if submitted
   * alone; one that cannot be used gets ticket 0 and its error comes back as a result with ticket 0
   * ("message N of the batch"). Throws for malformed JSON (nothing stored), PARLEY_BUSY when the
   * whole batch does not fit under queue.highWater, PARLEY_TOO_LARGE for more messages than that.
   */
  submitBatch(messages, { priority = 'normal' } = {}) {
    const lane = typeof priority === 'string' && Object.hasOwn(PRIORITIES, priority) ? PRIORITIES[priority] : undefined;
    if (lane === undefined) {
      throw new TypeError(`parley: priority must be 'high', 'normal' or 'low', not ${String(priority)}`);
    }
    const input = Array.isArray(messages)
      ? '[' + messages.map((m) => {
        const part = toInput(m, 'a message');
        return typeof part === 'string' ? part : Buffer.from(part).toString('utf8');
      }).join(',') + ']'
      : toInput(messages, 'the messages');
    try {
      return native.submitBatch(this.#handle, input, lane);
    } catch (error) {
      rethrow(error, this.submitBatch);
    }
  }

  /**
   * Takes up to max results that wait (each chat's in order) without blocking: timeoutMs 0 (the
   * default) returns at once. A positive timeoutMs blocks the JS thread up to that long; do not
   * use it on an event loop. Empty while a 'result' listener or results() takes the results.
   */
  poll({ max = 100, timeoutMs = 0 } = {}) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError('parley: max must be a positive integer');
    if (!Number.isInteger(timeoutMs) || timeoutMs < 0) {
      throw new RangeError('parley: timeoutMs must be an integer >= 0 (poll never waits forever on the JS thread)');
    }
    const taken = this.#buffered.splice(0, max);
    if (taken.length === max) return taken;
    let json;
    try {
      json = native.poll(this.#handle, max - taken.length, taken.length > 0 ? 0 : timeoutMs);
    } catch (error) {
      rethrow(error, this.poll);
    }
    for (const raw of JSON.parse(json)) {
      taken.push(fromPolled(raw));
    }
    return taken;
  }

  /**
   * Resolves when every accepted message is processed and its result emitted (or waiting for
   * poll); rejects with ParleyError 'PARLEY_TIMEOUT' after timeoutMs (default -1: no limit). The
   * waiting runs on Node's thread pool, never on the JS thread. `await engine.drain(); engine.close()`
   * loses nothing.
   */
  drain(timeoutMs = -1) {
    if (!Number.isInteger(timeoutMs)) return Promise.reject(new TypeError('parley: timeoutMs must be an integer'));
    try {
      return native.drain(this.#handle, Math.max(-1, Math.min(timeoutMs, 2147483647))).catch((error) => rethrow(error, this.drain));
    } catch (error) {
      return Promise.reject(wrap(error));
    }
  }

  /**
   * The results as an async iterator: `for await (const result of engine.results()) ...`. Attaches
   * a 'result' listener for as long as it runs (so poll() gets nothing meanwhile); breaking
   * out of the loop detaches it; after the engine's close() it ends once the results already on
   * their way to the JS thread were yielded. Results arriving between two
   * steps are buffered.
   */
  results() {
    const queue = [];
    const waiting = [];
    let done = false;
    const onResult = (result) => {
      if (waiting.length > 0) waiting.shift()({ value: result, done: false });
      else queue.push(result);
    };
    const finish = () => {
      if (done) return;
      done = true;
      this.off('result', onResult);
      this.off(RESULTS_ENDED, finish);
      for (const resolve of waiting.splice(0)) resolve({ value: undefined, done: true });
    };
    if (this.#closed) done = true;
    else {
      this.on('result', onResult);
      // Not at 'close': results already on their way to this thread are emitted after it
      // (the library counts them handed back); the addon's end marker follows the last.
      this.once(RESULTS_ENDED, finish);
    }
    return {
      next: () => {
        if (queue.length > 0) return Promise.resolve({ value: queue.shift(), done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => waiting.push(resolve));
      },
      return: () => {
        finish();
        queue.length = 0;
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  /** Lets the process exit while a 'result' listener waits (like timer.unref()). */
  unref() {
    if (!this.#closed) native.asyncRef(this.#handle, false);
    return this;
  }

  /** Undoes unref(): a 'result' listener keeps the process alive again (the default). */
  ref() {
    if (!this.#closed) native.asyncRef(this.#handle, true);
    return this;
  }

  #onResult(ticket, status, json) {
    if (status === -1) {
      // The addon's end marker after close(): every result of this engine was emitted.
      this.emit(RESULTS_ENDED);
      return;
    }
    // Results the addon queued for this thread before close() are still emitted: the library
    // counts them as handed back, so dropping them would lose them.
    const result = { ticket, status: native.statusName(status), recovered: false };
    if (status === Status.OK) {
      result.context = JSON.parse(json);
      // The library marks a result recovered (accepted before the engine was reopened)
      // inside the context it hands the callback.
      if (result.context.recovered === true) {
        result.recovered = true;
        delete result.context.recovered;
      }
    } else {
      let message = json;
      try {
        message = JSON.parse(json).message;
      } catch {
        // keep the raw text
      }
      result.error = new ParleyError(message, status);
    }
    if (this.listenerCount('result') > 0) this.emit('result', result);
    else this.#buffered.push(result);
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

  /** A page of a thread's messages, oldest first: {thread, offset, messages, nextOffset?}. */
  threadMessages(id, query = null) {
    if (typeof id !== 'string') throw new TypeError('parley: the thread id must be a string');
    let json;
    try {
      json = native.threadMessages(this.#handle, id, query == null ? null : JSON.stringify(query));
    } catch (error) {
      rethrow(error, this.threadMessages);
    }
    return JSON.parse(json);
  }

  // -- media: readers on the thread pool, the gallery ----------------------------------------

  /** OCR of one image (Buffer/Uint8Array); resolves to {sha256, text, confidence, entities, ...}. */
  async ocr(bytes, options = null) {
    return this.#mediaRead(0, bytes, options, this.ocr);
  }

  /** Transcription of one audio file (WhatsApp Ogg/Opus, WAV); resolves like ocr(). */
  async transcribe(bytes, options = null) {
    return this.#mediaRead(1, bytes, options, this.transcribe);
  }

  /** Text and fields of one document (PDF, CSV, XLSX); resolves like ocr(). */
  async parseDocument(bytes, options = null) {
    return this.#mediaRead(2, bytes, options, this.parseDocument);
  }

  #mediaRead(kind, bytes, options, caller) {
    if (!(bytes instanceof Uint8Array)) throw new TypeError('parley: the file must be a Buffer or a Uint8Array');
    if (options !== null && (typeof options !== 'object' || Array.isArray(options))) {
      throw new TypeError('parley: the options must be an object or null');
    }
    let promise;
    try {
      promise = native.mediaRead(this.#handle, kind, bytes, options === null ? null : JSON.stringify(options));
    } catch (error) {
      rethrow(error, caller);
    }
    return promise.then(JSON.parse, (error) => rethrow(error, caller));
  }

  /**
   * The store's conversations as one self-contained HTML page (a string): per chat its threads,
   * intents over time, sentiment with the angriest moments, the units, amounts and dates named
   * (phone numbers masked), media with their text, dead letters and degraded periods.
   * options: {chat?, title?, mask?, generatedAt?, messageLimit?, galleryLimit?, chatLimit?, embedImages?}.
   */
  reportHtml(options = null) {
    if (options !== null && (typeof options !== 'object' || Array.isArray(options))) {
      throw new TypeError('parley: the report options must be an object or null');
    }
    try {
      return native.reportHtml(this.#handle, options === null ? null : JSON.stringify(options));
    } catch (error) {
      rethrow(error, this.reportHtml);
    }
  }

  /** The media of processed messages, newest first: query {chat?, thread?, sender?, kind?, since?, until?, text?, limit?, offset?}. */
  gallery(query = null) {
    if (query !== null && (typeof query !== 'object' || Array.isArray(query))) {
      throw new TypeError('parley: the gallery query must be an object or null');
    }
    let json;
    try {
      json = native.galleryQuery(this.#handle, query === null ? null : JSON.stringify(query));
    } catch (error) {
      rethrow(error, this.gallery);
    }
    return JSON.parse(json).media;
  }

  /** One media file by SHA-256 with its reading and every message that carried it; ParleyError NOT_FOUND if unknown. */
  galleryItem(sha256) {
    if (typeof sha256 !== 'string') throw new TypeError('parley: the sha256 must be a string');
    let json;
    try {
      json = native.galleryGet(this.#handle, sha256);
    } catch (error) {
      rethrow(error, this.galleryItem);
    }
    return JSON.parse(json).item;
  }

  // -- import: WhatsApp chat exports ------------------------------------------------------

  /**
   * Imports a WhatsApp "Export chat" file (the .txt, or the .zip with media) into the store, on
   * libuv's thread pool: every message through the whole pipeline and into the journal; importing
   * it again adds nothing. options: {chat?, timeZone?, dateOrder?: 'dmy' | 'mdy'}. Resolves to the
   * summary {messages, imported, duplicates, systemEvents, media, mediaMissing, unparsedLines, ...}.
   */
  async importChat(path, options = null) {
    if (typeof path !== 'string') throw new TypeError('parley: the path must be a string');
    if (options !== null && (typeof options !== 'object' || Array.isArray(options))) {
      throw new TypeError('parley: the import options must be an object or null');
    }
    let promise;
    try {
      promise = native.importChat(this.#handle, path, options === null ? null : JSON.stringify(options));
    } catch (error) {
      rethrow(error, this.importChat);
    }
    return promise.then(JSON.parse, (error) => rethrow(error, this.importChat));
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

  // -- store maintenance --------------------------------------------------------------------

  /**
   * Runs retention now: deletes (or, with config retention.archive, moves into that SQLite file)
   * messages and idle threads older than retention.days, deletes expired idempotency claims and
   * gives free pages back (incremental vacuum). nowMs: Unix ms to measure from (default: the
   * wall clock). The engine also runs this itself every retention.intervalMinutes. Returns
   * {deleted, archived, threadsDeleted, claimsExpired, mediaDeleted, outboxDeleted, mediaTemporariesDeleted,
   * freedPages, cutoff, autoVacuum, pageCount, freelistCount}.
   */
  maintain(nowMs) {
    let json;
    try {
      json = native.storeMaintain(this.#handle, nowMs === undefined || nowMs === null ? 0 : nowMs);
    } catch (error) {
      rethrow(error, this.maintain);
    }
    return JSON.parse(json);
  }

  // -- write-backs parked while a breaker is open -----------------------------------------------

  /**
   * Parks a write-back (any JSON-able payload) that cannot run while `dependency`'s breaker is
   * open; returns its id. A key parked before for the dependency returns the first one's id.
   */
  parkWriteBack(dependency, payload, { key = null, nowMs = Date.now() } = {}) {
    try {
      return native.writebackPark(this.#handle, dependency, JSON.stringify(payload), key, nowMs);
    } catch (error) {
      rethrow(error, this.parkWriteBack);
    }
  }

  /**
   * The dependency's parked write-backs to perform now, oldest first, when its breaker lets
   * calls through (none while it is open): {dependency, breaker, writebacks: [{id, payload,
   * key?, parkedAt, attempts, lastError?}]}. Perform them in order and confirm each.
   */
  replayWriteBacks(dependency, { max = 100, nowMs = Date.now() } = {}) {
    let json;
    try {
      json = native.writebackReplay(this.#handle, dependency, max, nowMs);
    } catch (error) {
      rethrow(error, this.replayWriteBacks);
    }
    return JSON.parse(json);
  }

  /** Records a replayed write-back's outcome: ok true forgets it, false keeps it first in line. */
  confirmWriteBack(id, ok, error = null) {
    try {
      native.writebackConfirm(this.#handle, id, ok, error);
    } catch (e) {
      rethrow(e, this.confirmWriteBack);
    }
  }

  // -- metrics --------------------------------------------------------------------------------

  /**
   * The engine's own measurements (parley_metrics_json): messages by outcome, latency per stage
   * in µs ({count, p50, p95, p99, max, mean}), queue and workers, process CPU and memory, alerts
   * and the history buckets.
   */
  metrics() {
    let json;
    try {
      json = native.metricsJson(this.#handle);
    } catch (error) {
      rethrow(error, this.metrics);
    }
    return JSON.parse(json);
  }

  /** The same in Prometheus text format, for a /metrics endpoint. */
  metricsPrometheus() {
    try {
      return native.metricsPrometheus(this.#handle);
    } catch (error) {
      rethrow(error, this.metricsPrometheus);
    }
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

  // -- the engine's own log ------------------------------------------------------------------

  /**
   * Sends the engine's log lines at `level` ('debug', 'info', 'warning', 'error') and above to
   * handler(line), line being {time, level, event, message, ...} with phone numbers and emails
   * masked; null stops it. Lines are delivered on the JS thread after the call that logged them
   * (a line logged while 1024 wait is dropped), and never keep the process alive. An exception
   * the handler throws is dropped.
   */
  setLogHandler(handler, level = 'info') {
    const levels = { debug: 0, info: 1, warning: 2, error: 3 };
    if (!(level in levels)) throw new TypeError(`parley: level must be one of ${Object.keys(levels).join(', ')}`);
    if (handler !== null && typeof handler !== 'function') throw new TypeError('parley: the log handler must be a function or null');
    this.#logHandler = handler;
    if (!this.#logDispatch) {
      // The native side keeps this function for the engine's life: holding the engine only
      // weakly lets an engine dropped unclosed be collected (and closed by its finalizer).
      const engine = new WeakRef(this);
      this.#logDispatch = (text) => {
        try {
          engine.deref()?.#logHandler?.(JSON.parse(text));
        } catch {
          // a host's handler must not break delivery
        }
      };
    }
    try {
      native.logSet(this.#handle, handler === null ? null : this.#logDispatch, levels[level]);
    } catch (err) {
      rethrow(err, this.setLogHandler);
    }
  }

  /**
   * Closes the engine; stored messages stay in the store file. Closing twice is harmless.
   * The workers finish the messages they hold; results already on their way to the JS thread
   * are still emitted (on later ticks); every other accepted message's result comes back,
   * marked recovered, after the store is opened again. `await drain()` first for a clean stop.
   * A drain() in progress rejects. Emits 'close'.
   */
  close() {
    if (this.#closed) return;
    this.#closed = true;
    native.close(this.#handle);
    this.#buffered.length = 0;
    this.emit('close');
  }

  /** Whether close() was called; calls on a closed engine throw ParleyError INVALID_ARGUMENT. */
  get closed() {
    return this.#closed;
  }

  // ---- session ----

  /**
   * Feeds a whatsapp-web.js or Baileys client event to the account's state machine:
   * {account?, event: 'qr'|'authenticated'|'auth_failure'|'ready'|'disconnected'|'change_state'|
   * 'connection.update'|..., at: nowMs, ...}. Returns {state, previous, changed, reason?, code?,
   * consecutiveFailures, advice: {action: 'none'|'wait'|'reconnect'|'repair'|'stop', delayMs?, reason}}.
   * An illegal transition throws ParleyError INVALID_ARGUMENT and leaves the state as it was.
   */
  sessionEvent(event) {
    let json;
    try {
      json = native.sessionEvent(this.#handle, toInput(event, 'the session event'));
    } catch (error) {
      rethrow(error, this.sessionEvent);
    }
    return JSON.parse(json);
  }

  /** A heartbeat from the host's client: {account?, at = Date.now(), latencyMs?, ok?, inbound?, activeChats?}. */
  sessionHeartbeat(beat = {}) {
    if (beat === null || typeof beat !== 'object' || Array.isArray(beat)) {
      throw new TypeError('parley: the heartbeat must be an object');
    }
    const full = beat.at === undefined ? { ...beat, at: Date.now() } : beat;
    try {
      native.sessionHeartbeat(this.#handle, JSON.stringify(full));
    } catch (error) {
      rethrow(error, this.sessionHeartbeat);
    }
  }

  /** {score, level, accounts: [{account, score, level, state, components, watchdog, advice, history, ...}]}: one account or all (null). */
  sessionHealth(account = null, nowMs = Date.now()) {
    let json;
    try {
      json = native.sessionHealth(this.#handle, account, nowMs);
    } catch (error) {
      rethrow(error, this.sessionHealth);
    }
    return JSON.parse(json);
  }

  /** {account, ok, checks: [{name: 'store'|'lock'|'state'|'heartbeat', ok, skipped?, detail}]}. */
  sessionPreflight(account = null, nowMs = Date.now()) {
    let json;
    try {
      json = native.sessionPreflight(this.#handle, account, nowMs);
    } catch (error) {
      rethrow(error, this.sessionPreflight);
    }
    return JSON.parse(json);
  }
  // ---- outbox ----

  /**
   * Queues a send, stored before this returns: {to, text?|media?, priority?: 'high'|'normal'|'low',
   * idempotencyKey? (the same key returns the first send's id), at?: not before (ms), meta?}. Returns its id.
   */
  outboxEnqueue(send) {
    try {
      return native.outboxEnqueue(this.#handle, typeof send === 'string' || Buffer.isBuffer(send) ? send : JSON.stringify(send));
    } catch (error) {
      rethrow(error, this.outboxEnqueue);
    }
  }

  /**
   * The sends to perform now, inside the configured limits: {sends: [{id, to, recipient, text?,
   * media?, meta?, priority, attempt, outsideServiceWindow, idempotencyKey?}], nextAt, throttle,
   * breaker}. Confirm each with outboxConfirm, or it is offered again after its lease.
   */
  outboxNextBatch({ nowMs = Date.now(), max = 100 } = {}) {
    let json;
    try {
      json = native.outboxNextBatch(this.#handle, nowMs, max);
    } catch (error) {
      rethrow(error, this.outboxNextBatch);
    }
    return JSON.parse(json);
  }

  /**
   * Records a send's outcome: ok with {messageId: 'wamid...'} (so delivery statuses find it), or
   * the send API's error (an object, e.g. Baileys' Error with data 429, or a string): rate limits
   * throttle and re-offer, permanent errors fail, others retry with backoff.
   */
  outboxConfirm(id, ok, detail = null) {
    let text = null;
    if (detail instanceof Error) text = JSON.stringify({ message: detail.message, data: detail.data, output: detail.output });
    else if (typeof detail === 'string') text = detail;
    else if (detail !== null && detail !== undefined) text = JSON.stringify(detail);
    try {
      native.outboxConfirm(this.#handle, id, ok, text);
    } catch (error) {
      rethrow(error, this.outboxConfirm);
    }
  }

  /**
   * Applies a delivery status (Cloud API status object, whatsapp-web.js {id, ack}, Baileys
   * {key, update}, or {messageId, status}); states only move forward. False when no send has that id.
   */
  outboxDelivery(status) {
    try {
      return native.outboxDelivery(this.#handle, typeof status === 'string' ? status : JSON.stringify(status));
    } catch (error) {
      rethrow(error, this.outboxDelivery);
    }
  }

  /** Depth per lane, states, counters, rates against limits, throttle, breaker, oldest wait. */
  outboxStatus() {
    let json;
    try {
      json = native.outboxStatus(this.#handle);
    } catch (error) {
      rethrow(error, this.outboxStatus);
    }
    return JSON.parse(json);
  }

  /** One send with its state, attempts, provider id and delivery times. */
  outboxGet(id) {
    let json;
    try {
      json = native.outboxGet(this.#handle, id);
    } catch (error) {
      rethrow(error, this.outboxGet);
    }
    return JSON.parse(json).send;
  }

  // ---- cache ----
  // The API cache of the host's reads (Sheets ranges and the like), in memory per engine.
  // nowMs: the host's clock in ms (default Date.now()); use one clock for every call.

  /** Fetches this engine's JS runs, by key: callers of the same key share one (single flight). */
  #cacheFlights = new Map();

  /**
   * Stores value (string, Buffer or Uint8Array) under key. ttlMs/staleMs: fresh, then stale, for
   * this long (the "cache" config's defaults); tags: for cacheInvalidateTag; invalidates: tags
   * whose entries are dropped first (a write-through); lease: the id cacheLease granted.
   */
  cachePut(key, value, { ttlMs, staleMs, tags, invalidates, lease, nowMs = Date.now() } = {}) {
    const options = {};
    if (ttlMs !== undefined && ttlMs !== null) options.ttlMs = ttlMs;
    if (staleMs !== undefined && staleMs !== null) options.staleMs = staleMs;
    if (tags !== undefined && tags !== null) options.tags = tags;
    if (invalidates !== undefined && invalidates !== null) options.invalidates = invalidates;
    if (lease !== undefined && lease !== null) options.lease = lease;
    try {
      native.cachePut(this.#handle, key, value, nowMs, Object.keys(options).length ? JSON.stringify(options) : null);
    } catch (error) {
      rethrow(error, this.cachePut);
    }
  }

  /** {value: Buffer, stale: boolean}, or null on a miss (never put, expired, invalidated, evicted). */
  cacheGet(key, nowMs = Date.now()) {
    try {
      return native.cacheGet(this.#handle, key, nowMs);
    } catch (error) {
      rethrow(error, this.cacheGet);
    }
  }

  /** The lease to fetch key: a non-zero id (fetch, then cachePut with {lease}), or 0 while another caller holds it. */
  cacheLease(key, nowMs = Date.now()) {
    try {
      return native.cacheLease(this.#handle, key, nowMs);
    } catch (error) {
      rethrow(error, this.cacheLease);
    }
  }

  /** Gives a lease up without a value (the fetch failed). */
  cacheRelease(key, lease) {
    try {
      native.cacheRelease(this.#handle, key, lease);
    } catch (error) {
      rethrow(error, this.cacheRelease);
    }
  }

  /** Drops key (absent is no error). */
  cacheInvalidate(key) {
    try {
      native.cacheInvalidate(this.#handle, key);
    } catch (error) {
      rethrow(error, this.cacheInvalidate);
    }
  }

  /** Drops every entry tagged tag; returns how many. */
  cacheInvalidateTag(tag) {
    try {
      return native.cacheInvalidateTag(this.#handle, tag);
    } catch (error) {
      rethrow(error, this.cacheInvalidateTag);
    }
  }

  /** Drops every key starting with prefix ('' drops everything); returns how many. */
  cacheInvalidatePrefix(prefix) {
    try {
      return native.cacheInvalidatePrefix(this.#handle, prefix);
    } catch (error) {
      rethrow(error, this.cacheInvalidatePrefix);
    }
  }

  /** Counters: entries, bytes, hits, staleHits, misses, hitRate, fetches, coalesced, apiCallsSaved, ... */
  cacheStats() {
    let json;
    try {
      json = native.cacheStats(this.#handle);
    } catch (error) {
      rethrow(error, this.cacheStats);
    }
    return JSON.parse(json);
  }

  /**
   * Get-or-fetch: resolves to {value: Buffer, stale}. A miss calls `await fetcher(key)` once
   * per key however many callers ask meanwhile (they share its promise; a fetch held by
   * another thread or process through the same engine is waited for by polling, never by
   * blocking a thread); a stale value resolves at once and one background fetch refreshes it.
   * fetcher returns a string/Buffer, or {value, ttlMs?, staleMs?, tags?}; its rejection rejects
   * the callers of a miss (a stale value stays). Parley never calls JS from its own threads here:
   * this is built on cacheGet / cacheLease / cachePut.
   * options: {ttlMs, staleMs, tags, now: () => ms (default Date.now), pollMs: 20}.
   */
  async cacheFetch(key, fetcher, options = {}) {
    if (typeof fetcher !== 'function') throw new TypeError('parley: fetcher must be a function');
    const now = options.now ?? Date.now;
    const hit = this.cacheGet(key, now());
    if (hit && !hit.stale) return hit;
    const running = this.#cacheFlights.get(key);
    if (hit) {
      if (!running) {
        const lease = this.cacheLease(key, now());
        if (lease) this.#cacheRefresh(key, lease, fetcher, options, now).catch(() => {});
      }
      return hit;
    }
    if (running) return running;
    for (let wait = options.pollMs ?? 20; ; wait = Math.min(wait * 2, 1000)) {
      const lease = this.cacheLease(key, now());
      if (lease) return this.#cacheRefresh(key, lease, fetcher, options, now);
      await new Promise((resolve) => setTimeout(resolve, wait));
      const mine = this.#cacheFlights.get(key);
      if (mine) return mine;
      const again = this.cacheGet(key, now());
      if (again) return again;
    }
  }

  #cacheRefresh(key, lease, fetcher, options, now) {
    const flight = (async () => {
      await null; // registered below before anything runs
      try {
        const answer = await fetcher(key);
        const described = answer !== null && typeof answer === 'object' && !(answer instanceof Uint8Array);
        const value = described ? answer.value : answer;
        if (typeof value !== 'string' && !(value instanceof Uint8Array)) {
          throw new TypeError('parley: the fetcher must return a string, a Buffer or {value, ttlMs?, staleMs?, tags?}');
        }
        this.cachePut(key, value, {
          ttlMs: described && answer.ttlMs !== undefined ? answer.ttlMs : options.ttlMs,
          staleMs: described && answer.staleMs !== undefined ? answer.staleMs : options.staleMs,
          tags: described && answer.tags !== undefined ? answer.tags : options.tags,
          lease,
          nowMs: now(),
        });
        return { value: Buffer.from(value), stale: false };
      } catch (error) {
        try {
          this.cacheRelease(key, lease);
        } catch {
          // closed meanwhile: nothing to release
        }
        throw error;
      } finally {
        if (this.#cacheFlights.get(key) === flight) this.#cacheFlights.delete(key);
      }
    })();
    this.#cacheFlights.set(key, flight);
    return flight;
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

module.exports = { Engine, ParleyError, Status, Priority: PRIORITIES, version, trainIntentModel, DeadLetterQueue };

// ---- session ----
/**
 * One bot process per WhatsApp account: the lock file in the account's session directory.
 * `new SessionLock(dir, {staleAfterMs?, owner?})` takes it or throws ParleyError BUSY naming the
 * live holder. Call refresh() well within staleAfterMs (default 45 s): it throws BUSY once another
 * process took the lock over, NOT_FOUND when the lock file was emptied or removed. release() (or
 * `using`) gives it back; a lock garbage-collected unreleased is released by its finalizer.
 */
class SessionLock {
  #lock;

  constructor(dir, options = {}) {
    const clean = {};
    if (options.staleAfterMs !== undefined) clean.staleAfterMs = options.staleAfterMs;
    if (options.owner !== undefined) clean.owner = options.owner;
    try {
      this.#lock = native.sessionLockAcquire(dir, Object.keys(clean).length ? JSON.stringify(clean) : null);
    } catch (error) {
      rethrow(error, SessionLock);
    }
  }

  refresh() {
    try {
      native.sessionLockRefresh(this.#lock);
    } catch (error) {
      rethrow(error, this.refresh);
    }
  }

  /** {owner, pid, host, token, acquiredAt, heartbeat, path, lost?}. */
  info() {
    let json;
    try {
      json = native.sessionLockInfo(this.#lock);
    } catch (error) {
      rethrow(error, this.info);
    }
    return JSON.parse(json);
  }

  release() {
    native.sessionLockRelease(this.#lock);
  }
}
if (typeof Symbol.dispose === 'symbol') {
  SessionLock.prototype[Symbol.dispose] = SessionLock.prototype.release;
}
module.exports.SessionLock = SessionLock;
