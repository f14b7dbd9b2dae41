// Typings of the Parley Node binding (index.js). The JSON shapes follow include/parley.h.

/// <reference types="node" />

import { EventEmitter } from 'node:events';

/** The status codes of enum parley_status. */
export declare const Status: Readonly<{
  OK: 0;
  INVALID_ARGUMENT: 1;
  MALFORMED_JSON: 2;
  INVALID_UTF8: 3;
  INVALID_MESSAGE: 4;
  TOO_LARGE: 5;
  UNSUPPORTED: 6;
  BAD_SIGNATURE: 7;
  INVALID_CONFIG: 8;
  BUSY: 9;
  STORAGE: 10;
  CORRUPT: 11;
  TIMEOUT: 12;
  INTERNAL: 13;
  NOT_FOUND: 14;
  BAD_MEDIA: 15;
}>;
export type StatusCode = (typeof Status)[keyof typeof Status];

/** A failed Parley call. */
export declare class ParleyError extends Error {
  /** The status, one of `Status` (a newer library may return codes not listed there). */
  readonly status: StatusCode | number;
  /** The status's C name, e.g. "PARLEY_MALFORMED_JSON". */
  readonly code: string;
}

/** The engine configuration (every key optional). */
export interface Config {
  store?: {
    path?: string;
    synchronous?: 'normal' | 'full';
    /** Answer once the message is in the inbox file; one thread writes SQLite behind (default true). */
    writeBehind?: boolean;
    busyTimeoutMillis?: number;
    /** A shared PostgreSQL store instead of the file (a libpq URL), with this instance's owner name. */
    postgres?: string;
    owner?: string;
    leaseMillis?: number;
    poolSize?: number;
    pumpMillis?: number;
  };
  /** ISO 3166 region for national phone numbers (default "US"). */
  region?: string;
  /** ISO 4217 currency of bare amounts. */
  currency?: string;
  webhook?: { appSecret?: string; maxBodyBytes?: number; replayWindowSeconds?: number };
  limits?: { maxMessageBytes?: number };
  threads?: { inactivityMinutes?: number; reopenMinutes?: number; recallMinutes?: number };
  timeZone?: string;
  dayFirst?: boolean;
  language?: { intentModel?: string; intentThreshold?: number; emojiWeight?: number };
  lookups?: Record<string, Array<{ id?: string; name: string; aliases?: string[] }>>;
  /** Circuit breakers: "default" for all, or by name; a named entry starts from "default". */
  breakers?: Record<string, BreakerConfig>;
  /** Retention, run by the engine every intervalMinutes and by Engine.maintain(). */
  retention?: RetentionConfig;
  /** Asynchronous processing: the worker pool (default min 1, max one per core). */
  workers?: { min?: number; max?: number };
  /** Backpressure: submit() throws PARLEY_BUSY at highWater (1000) until lowWater (100). */
  queue?: { highWater?: number; lowWater?: number };
  /** Per-chat order: how long a sequence gap is waited for (1000 ms); holdMillis (0) holds every message back. */
  ordering?: { reorderWindowMillis?: number; holdMillis?: number };
  /** Chats whose messages always go in the high lane; urgent messages first (default true). */
  priorities?: { vipChats?: string[]; urgentFirst?: boolean };
  dedup?: { contentWindowSeconds?: number };
  /** National numbers read in the sender's country first (default true). */
  phoneRegionFromSender?: boolean;
  /** The worker pool as the issue names it: {"core": {"workers": N}}, plus messageTimeoutMillis. */
  core?: { workers?: number; messageTimeoutMillis?: number; [key: string]: unknown };
  /** The other sections parley.h documents, key by key: log, retries, media, metrics, cache,
   *  outbox, session, chatHealth, degradation. An unknown key is PARLEY_INVALID_CONFIG. */
  log?: Record<string, unknown>;
  retries?: Record<string, unknown>;
  media?: Record<string, unknown>;
  metrics?: Record<string, unknown>;
  cache?: Record<string, unknown>;
  outbox?: Record<string, unknown>;
  session?: Record<string, unknown>;
  chatHealth?: Record<string, unknown>;
  degradation?: Record<string, unknown>;
}

/** How long messages are kept (every key optional; defaults shown). */
export interface RetentionConfig {
  /** Messages older than this by timestamp and by arrival go, with idle threads no message names; 0 keeps all. 30. */
  days?: number;
  /** Move old rows into this SQLite file instead of deleting them. */
  archive?: string;
  /** How often the engine runs retention itself, 1..10080; 60. */
  intervalMinutes?: number;
}

/** What one retention run did, as Engine.maintain() returns it. */
export interface MaintenanceReport {
  schema: number;
  /** Messages deleted without a copy. */
  deleted: number;
  /** Messages moved into the archive. */
  archived: number;
  /** Threads deleted (or moved into the archive): closed, or idle past threads.inactivityMinutes. */
  threadsDeleted: number;
  claimsExpired: number;
  /** Gallery items no message names any more. */
  mediaDeleted: number;
  /** Finished sends enqueued before the cutoff. */
  outboxDeleted: number;
  /** Partial files of media writes a crash cut short. */
  mediaTemporariesDeleted: number;
  /** Pages given back to the file system by the incremental vacuum. */
  freedPages: number;
  /** Unix seconds: messages stamped before it were due; null when retention.days is 0. */
  cutoff: number | null;
  autoVacuum: 'incremental' | 'none' | 'full';
  pageCount: number;
  freelistCount: number;
}

/** Latency of one stage in microseconds. */
export interface LatencySummary { count: number; p50: number; p95: number; p99: number; max: number; mean: number }

/** parley_metrics_json. */
export interface Metrics {
  schema: number;
  at: number;
  uptimeSeconds: number;
  messages: { processed: number; duplicate: number; pending: number; error: number; submitted: number; rejectedBusy: number };
  throughput: { perSecond: number; windowSeconds: number };
  errorRate: number;
  queue: { outstanding: number; waiting: number; resultsToCollect: number };
  workers: { count: number; busy: number; utilisation: number };
  latencyMicros: Partial<Record<'parse' | 'enrich' | 'journal' | 'total' | 'end_to_end', LatencySummary>>;
  process: { rssBytes: number; memoryLimitBytes: number; memoryPercent: number; cpuSeconds: number; cpuPercent: number };
  alerts: Array<{ name: string; level: 'warning' | 'critical'; value: number; threshold: number; message: string }>;
  history: Array<{ start: number; messages: number; errors: number; perSecond: number; p99Micros?: number; rssBytes: number }>;
}

/** The lane of a submitted message. */
export type Priority = 'high' | 'normal' | 'low';
/** The lanes' numbers in enum parley_priority. */
export declare const Priority: Readonly<{ high: 0; normal: 1; low: 2 }>;

/**
 * One result of the asynchronous API: the message's context, or the failure. `status` is the
 * status name ("PARLEY_OK" on success). `recovered`: the message was accepted before the engine
 * was last opened, and processed after the reopen.
 */
export type Result =
  | { ticket: number; status: 'PARLEY_OK'; recovered: boolean; context: Context; error?: undefined }
  | { ticket: number; status: string; recovered: boolean; context?: undefined; error: ParleyError };

/** The settings of a circuit breaker (every key optional; defaults shown). */
export interface BreakerConfig {
  /** Open at this share of failed calls in the window (0, 1]; 0.5. */
  failureRate?: number;
  /** Calls judged (a count-based sliding window), 1..10000; 20. */
  window?: number;
  /** No verdict before the window holds this many calls, 1..window; 10. */
  minimumCalls?: number;
  /** How long the breaker stays open, 0.001..86400; 30. */
  openSeconds?: number;
  /** A call slower than this is slow; 5000000 (5 s). */
  slowCallMicros?: number;
  /** Open at this share of slow calls (0, 1]; 0.8. */
  slowCallRate?: number;
  /** Trial calls let through when half-open, all must succeed to close, 1..1000; 3. */
  halfOpenPermits?: number;
}

/** A circuit breaker's state, as Engine.breakers() lists it. */
export interface BreakerStatus {
  name: string;
  state: 'closed' | 'open' | 'half_open';
  /** Over the window when closed or open, over the trials recorded when half-open (0..1). */
  failureRate: number;
  slowCallRate: number;
  /** Outcomes in the window, or trials recorded when half-open. */
  calls: number;
  /** When it last opened and when it lets trials through, on the caller's clock (ms); open and half-open only. */
  openedAt?: number;
  retryAt?: number;
}

/** Parley's normalized message. */
export interface Message {
  id: string;
  chat: string;
  from: string;
  fromMe?: boolean;
  /** Unix seconds. */
  timestamp: number;
  type: 'text' | 'image' | 'audio' | 'voice' | 'video' | 'document' | 'sticker' | 'location' | 'contacts'
    | 'reaction' | 'interactive' | 'revoke';
  text?: string;
  media?: Record<string, unknown>;
  quoted?: Record<string, unknown>;
  [key: string]: unknown;
}

export type EntityType = 'phone' | 'email' | 'url' | 'money' | 'number';

export interface Entity {
  type: EntityType | string;
  text: string;
  /** Offsets in Unicode scalar values of message.text (Array.from(text)). */
  start: number;
  end: number;
  value: { e164?: string; address?: string; url?: string; amount?: number | string; currency?: string;
    number?: number | string; [key: string]: unknown };
  confidence: number;
  source: string;
}

/** The enriched context of one message. */
export interface Context {
  schema: number;
  status: 'processed' | 'duplicate' | 'pending';
  format: 'normalized' | 'whatsapp-web.js' | 'baileys' | 'cloud-api';
  message: Message;
  entities: Entity[];
  /** How many entities past the first 1000 the text held (absent when none). */
  entitiesOmitted?: number;
  /** intent (the thread's request) is absent until the thread has one. */
  thread: { id: string; topic: string; new: boolean; messageCount: number; intent?: string };
  /** reopened: the id of the message's thread when it had closed and opens again. */
  flow: { contextSwitch: boolean; from?: string; to?: string; closedThreads?: string[]; reopened?: string };
  timings: { totalMicros: number; [key: string]: number };
  [key: string]: unknown;
}

/** A conversation thread's summary. */
export interface Thread {
  id: string;
  chat: string;
  topic: string;
  reference?: string;
  family?: string;
  intent?: string;
  state: 'open' | 'closed';
  openedAt: number;
  lastActivity: number;
  messageCount: number;
  lastMessageId?: string;
  intents: Array<{ name: string; count: number }>;
  entities: Array<{ type: string; text: string }>;
  /** The thread's last urgent report (until thanks): what its follow-ups press. */
  urgency?: { level: number; at: number };
  sentiment?: { average: number; first?: number; last?: number; trend?: 'improving' | 'steady' | 'worsening' };
}

/** The result of ingesting a Cloud API webhook. */
export interface WebhookResult {
  schema: number;
  format: 'cloud-api';
  contexts: Context[];
  rejected: Array<{ id: string | null; error: { status: string; message: string } }>;
  statuses: Array<{ id: string; recipient: string; status: string; timestamp: number | string;
    errors?: unknown[]; conversation?: unknown; pricing?: unknown }>;
  [key: string]: unknown;
}

export declare class Engine extends EventEmitter {
  /** Opens an engine; no config (or null) gives defaults with an in-memory store. */
  constructor(config?: Config | string | null);
  /**
   * Accepts a message for asynchronous processing; returns its ticket at once (a Number: uint64
   * in C, exact up to Number.MAX_SAFE_INTEGER). Stored before it returns. A message accepted
   * before keeps its ticket. Throws ParleyError code 'PARLEY_BUSY' above queue.highWater, a
   * TypeError for a priority other than 'high', 'normal' (default) or 'low'.
   */
  submit(message: object | string | Uint8Array, options?: { priority?: Priority }): number;
  /**
   * Accepts several messages (an array, or JSON text of an array or a Cloud API webhook body) with
   * one write to the store; returns their tickets in order, 0 for a message that could not be used (its error
   * comes back as a result with ticket 0). Throws PARLEY_BUSY when the batch does not fit under
   * queue.highWater, PARLEY_TOO_LARGE for more messages than that, or for malformed JSON.
   */
  submitBatch(messages: Array<object | string> | string | Uint8Array, options?: { priority?: Priority }): number[];
  /**
   * Takes up to max (100) waiting results, each chat's in order. timeoutMs 0 (default): never
   * waits; a positive value blocks the JS thread. Empty while a 'result' listener is attached.
   */
  poll(options?: { max?: number; timeoutMs?: number }): Result[];
  /**
   * Resolves when every accepted message is processed and its result emitted or waiting for
   * poll(); rejects with ParleyError 'PARLEY_TIMEOUT' after timeoutMs (default -1: no limit), or
   * 'PARLEY_INVALID_ARGUMENT' if the engine is closed meanwhile. Waits on the thread pool.
   */
  drain(timeoutMs?: number): Promise<void>;
  /** The results as an async iterator (attaches a 'result' listener while it runs; close() ends it). */
  results(): AsyncIterableIterator<Result>;
  /** A 'result' listener no longer keeps the process alive. */
  unref(): this;
  /** A 'result' listener keeps the process alive again (the default). */
  ref(): this;
  /** Results arrive on the JS thread, each chat's in order, while at least one listener is attached. */
  on(event: 'result', listener: (result: Result) => void): this;
  on(event: 'close', listener: () => void): this;
  on(event: string | symbol, listener: (...args: any[]) => void): this;
  once(event: 'result', listener: (result: Result) => void): this;
  once(event: 'close', listener: () => void): this;
  once(event: string | symbol, listener: (...args: any[]) => void): this;
  off(event: 'result', listener: (result: Result) => void): this;
  off(event: string | symbol, listener: (...args: any[]) => void): this;
  /** Processes one message (normalized, whatsapp-web.js or Baileys; object, JSON text or UTF-8 bytes). */
  process(message: object | string | Uint8Array): Context;
  /** Verifies (X-Hub-Signature-256) and processes a Cloud API webhook body, exactly as received. */
  ingestWebhook(body: Uint8Array | string, signature?: string | null): WebhookResult;
  /** Sets lookup lists; each kind given replaces its list, an empty list removes it. Returns entry counts. */
  setLookups(lists: Record<string, Array<{ id?: string; name: string; aliases?: string[] }>>): Record<string, number>;
  /** Uses the intent model at path (from trainIntentModel or `parley train`) from now on. */
  loadIntentModel(path: string): void;
  /** Threads, most recently active first. */
  threads(query?: { chat?: string; state?: 'open' | 'closed'; limit?: number } | null): Thread[];
  /** One thread with the contexts of its messages, oldest first; throws ParleyError NOT_FOUND if unknown. */
  thread(id: string): Thread & { messages: Context[]; nextOffset?: number };
  /** A page of a thread's messages, oldest first (limit 1..1000, default 1000); nextOffset while more follow. */
  threadMessages(id: string, query?: { offset?: number; limit?: number } | null):
    { thread: string; offset: number; messages: Context[]; nextOffset?: number };

  /**
   * The store's conversations as one self-contained HTML page: threads, intents over time,
   * sentiment with the angriest moments, entities (phone numbers masked), media, dead letters
   * and degraded periods. An empty store gives a page that says so.
   */
  reportHtml(options?: ReportOptions | null): string;

  /** OCR of one image, on libuv's thread pool. Like transcribe, parseDocument and importChat it
   *  never throws: every failure, a bad argument or a closed engine included, rejects. */
  ocr(bytes: Uint8Array, options?: Record<string, unknown> | null): Promise<MediaReading>;
  /** Transcription of one audio file (WhatsApp Ogg/Opus, WAV), on libuv's thread pool. */
  transcribe(bytes: Uint8Array, options?: Record<string, unknown> | null): Promise<MediaReading>;
  /** Text and fields of one document (PDF, CSV, XLSX), on libuv's thread pool. */
  parseDocument(bytes: Uint8Array, options?: Record<string, unknown> | null): Promise<MediaReading>;
  /** The media of processed messages, newest first. */
  gallery(query?: GalleryQuery | null): GalleryEntry[];
  /** One media file by SHA-256 with its reading and the messages that carried it. */
  galleryItem(sha256: string): GalleryItem;
  /**
   * Imports a WhatsApp "Export chat" file (.txt, or the .zip with media) into the store on libuv's
   * thread pool; importing it again adds nothing. Rejects with a ParleyError (NOT_FOUND, UNSUPPORTED,
   * CORRUPT for a truncated zip, TOO_LARGE for a zip bomb, ...).
   */
  importChat(path: string, options?: ImportOptions | null): Promise<ImportSummary>;
  /**
   * Claims an idempotency key for ttlSeconds (1 to ten years): true when this call claimed it (do
   * the side effect), false when it was claimed before and has not expired. Durable in the store.
   */
  claim(key: string, ttlSeconds: number): boolean;
  /** Forgets a claim so the side effect may be retried. */
  release(key: string): void;
  /** Whether a call through breaker `name` may go ahead now (nowMs: the host's clock in ms, default Date.now()). */
  breakerAllow(name: string, nowMs?: number): boolean;
  /** Records the outcome of a call breakerAllow let through (micros: its duration). */
  breakerRecord(name: string, ok: boolean, micros: number, nowMs?: number): void;
  /** Every breaker used so far or configured, by name. */
  breakers(): BreakerStatus[];
  /** Reports that handling a processed message failed: retried on the "retries" schedule, or dead when its attempts are used up. */
  fail(chat: string, id: string, error?: string | { status?: string | number; message?: string; [key: string]: unknown } | null, nowMs?: number): void;
  /** The dead-letter queue. */
  readonly dlq: DeadLetterQueue;
  /** Sends the engine's own log lines (phone numbers and emails masked) at `level` and above to handler, on the JS thread; null stops it. */
  setLogHandler(handler: ((line: LogLine) => void) | null, level?: 'debug' | 'info' | 'warning' | 'error'): void;
  /** Runs retention now (nowMs: Unix ms to measure from, default the wall clock) and compacts the store. */
  maintain(nowMs?: number): MaintenanceReport;
  /** Parks a write-back while its dependency's breaker is open; returns its id. */
  parkWriteBack(dependency: string, payload: unknown, options?: { key?: string | null; nowMs?: number }): number;
  /** Parked write-backs to perform now, oldest first; none while the breaker is open. */
  replayWriteBacks(dependency: string, options?: { max?: number; nowMs?: number }): {
    schema: number; dependency: string; breaker: 'closed' | 'open' | 'half_open';
    writebacks: Array<{ id: number; dependency: string; payload: unknown; key?: string; parkedAt: number; attempts: number; lastError?: string }>;
  };
  /** Records a replayed write-back's outcome. */
  confirmWriteBack(id: number, ok: boolean, error?: string | null): void;
  // ---- outbox ----
  /** Queues a send (stored before this returns); returns its id. */
  outboxEnqueue(send: OutboxSend | string): number;
  /** The sends to perform now, inside the configured limits. */
  outboxNextBatch(options?: { nowMs?: number; max?: number }): OutboxBatch;
  /** Records a send's outcome: ok with {messageId}, or the send API's error. */
  outboxConfirm(id: number, ok: boolean, detail?: { messageId?: string; at?: number; [key: string]: unknown } | string | Error | null): void;
  /** Applies a delivery status; false when no send has that message id. */
  outboxDelivery(status: { [key: string]: unknown } | string): boolean;
  /** Depth, states, counters, rates against limits, throttle, breaker, oldest wait. */
  outboxStatus(): { [key: string]: unknown };
  /** One send with its state and delivery times. */
  outboxGet(id: number): { id: number; to: string; recipient: string; state: 'queued' | 'leased' | 'sent' | 'delivered' | 'read' | 'failed'; attempts: number; failures: number; [key: string]: unknown };
  /** The engine's measurements: messages by outcome, latencyMicros per stage, queue, workers, process, alerts, history. */
  metrics(): Metrics;
  /** The same in Prometheus text format. */
  metricsPrometheus(): string;
  /**
   * Closes the engine; committed messages stay in the store. Idempotent. Results stop going to
   * listeners; queued messages are recovered at the next open (await drain() first to lose no
   * result). Emits 'close'.
   */
  close(): void;
  readonly closed: boolean;

  // ---- cache ----
  /** Stores value under key: fresh for ttlMs, then stale for staleMs; tags group it; invalidates drops those tags first. */
  cachePut(key: string, value: string | Buffer | Uint8Array, options?: {
    ttlMs?: number; staleMs?: number; tags?: string[]; invalidates?: string[]; lease?: number; nowMs?: number;
  }): void;
  /** The cached value, or null on a miss. */
  cacheGet(key: string, nowMs?: number): CacheHit | null;
  /** The lease to fetch key (non-zero), or 0 while another caller holds it. */
  cacheLease(key: string, nowMs?: number): number;
  cacheRelease(key: string, lease: number): void;
  cacheInvalidate(key: string): void;
  /** How many entries were dropped. */
  cacheInvalidateTag(tag: string): number;
  cacheInvalidatePrefix(prefix: string): number;
  cacheStats(): CacheStats;
  /** Get-or-fetch with one fetch per key (built on get / lease / put: Parley never calls JS from its threads). */
  cacheFetch(key: string,
             fetcher: (key: string) => Promise<CacheFetched> | CacheFetched,
             options?: { ttlMs?: number; staleMs?: number; tags?: string[]; now?: () => number; pollMs?: number }): Promise<CacheHit>;
}

/** Trains an intent model from JSONL {"text","intent"} lines or TSV text<TAB>intent and writes it to path. */
export declare function trainIntentModel(data: string | Uint8Array, path: string):
  { schema: number; examples: number; intents: string[]; trainMillis: number };

/** The library's version, "MAJOR.MINOR.PATCH". */
export declare function version(): string;

/** One entry of a message's error history. */
export interface DeadLetterError {
  at: number;
  attempt: number;
  status: string | number;
  message: string;
  [key: string]: unknown;
}

/** A message with its dead-letter fields. */
export interface DeadLetter {
  chat: string;
  id: string;
  state: 'failed' | 'dead' | 'resolved' | 'processed' | 'received' | 'pending' | 'duplicate';
  attempts: number;
  nextAttemptAt?: number;
  errors: DeadLetterError[];
  message: Record<string, unknown>;
}

/** A message processed again: hand its context to the bot again. */
export interface RetriedMessage {
  chat: string;
  id: string;
  attempt: number;
  context: Record<string, unknown>;
}

/** An engine's dead-letter queue (engine.dlq). */
export declare class DeadLetterQueue {
  /** Processes again every failed message due at nowMs (default Date.now()), at most 256 per call. */
  runDue(nowMs?: number): { retried: RetriedMessage[]; more?: true };
  list(query?: { state?: 'failed' | 'dead' | null; chat?: string; limit?: number } | null): DeadLetter[];
  get(chat: string, id: string): DeadLetter;
  retry(chat: string, id: string, nowMs?: number): RetriedMessage | null;
  resolve(chat: string, id: string): void;
  purge(query?: { state?: 'dead' | 'resolved' | null; chat?: string } | null): number;
}

/** What a media reader found: text, confidence, entities and the reader's details. */
export interface MediaReading {
  sha256: string;
  kind: 'image' | 'audio' | 'document';
  text: string;
  confidence: number;
  entities: Entity[];
  milliseconds: number;
  [detail: string]: unknown;
}

/** Options of Engine.reportHtml (parley_report_html). */
export interface ReportOptions {
  /** Only this chat (only its rows are read). */
  chat?: string;
  /** The page's title (up to 200 characters). */
  title?: string;
  /** Mask phone numbers and e-mail addresses in every shown text (default true; the entity table is always masked). */
  mask?: boolean;
  /** Unix seconds printed as the report's time (default now). */
  generatedAt?: number;
  /** Messages listed per chat, 0..1000000 (default 5000; charts and counts use all). */
  messageLimit?: number;
  /** Media items per chat, 0..10000 (default 200). */
  galleryLimit?: number;
  /** Chats shown in full, the most active, 1..100000 (default 200); the others are listed with their counts. */
  chatLimit?: number;
  /** Embed images up to 512 KB from the media directory as data: URLs (default true). */
  embedImages?: boolean;
}

export interface GalleryQuery {
  chat?: string; thread?: string; sender?: string;
  kind?: 'image' | 'audio' | 'document' | 'video' | 'other';
  since?: number; until?: number; text?: string; limit?: number; offset?: number;
}

export interface GalleryEntry {
  sha256: string; kind: string; mimetype?: string; size: number; path?: string;
  status: 'read' | 'failed' | 'skipped' | 'unread';
  chat: string; messageId: string; sender: string; timestamp: number; type: string;
  caption?: string; thread?: string; text: string; entities?: Entity[];
}

export interface GalleryItem {
  sha256: string; kind: string; mimetype?: string; size: number; path?: string; status: string; firstSeen: number;
  result: Record<string, unknown>;
  messages: { chat: string; messageId: string; sender: string; timestamp: number; type: string; caption?: string; thread?: string }[];
}

// ---- import ----
export interface ImportOptions {
  /** The chat id (default: the name in the file name, "WhatsApp Chat with X.txt" -> "X"). */
  chat?: string;
  /** The zone the export's local times are in: IANA name or offset (default: the engine's timeZone, else UTC). */
  timeZone?: string;
  /** Default: detected from the whole file (a value over 12 settles it), else the engine's order. */
  dateOrder?: 'dmy' | 'mdy';
}

export interface ImportSummary {
  schema: number; file: string; chat: string; format: 'android' | 'ios'; dateOrder: 'dmy' | 'mdy';
  dateOrderSource: 'detected' | 'option' | 'default'; timeZone: string; encoding: string; lines: number;
  /** A person's messages read; imported: new in the journal; duplicates: imported before. */
  messages: number; imported: number; duplicates: number; repeats: number; failed: number;
  deleted: number; edited: number; truncated: number;
  systemEvents: number; events: { line: number; timestamp: number; kind: string; text: string }[];
  media: number; mediaMissing: number; mediaErrors: { line: number; file: string; status: string; message: string }[];
  unparsedLines: { line: number; text: string }[]; unparsedCount: number;
  invalidBytes: number; recodedLines: number; cutLines: number;
  errors: { line: number; status: string; message: string }[];
  elapsedMs: number;
}

// ---- cache ----
export interface CacheHit { value: Buffer; stale: boolean }

export type CacheFetched = string | Buffer | Uint8Array |
  { value: string | Buffer | Uint8Array; ttlMs?: number; staleMs?: number; tags?: string[] };

export interface CacheStats {
  schema: number; entries: number; bytes: number; maxBytes: number; valueBytes: number; storedBytes: number;
  compressedEntries: number; compressionRatio: number; requests: number; hits: number; staleHits: number;
  misses: number; hitRate: number; fetches: number; coalesced: number; fetchFailures: number; apiCallsSaved: number;
  puts: number; evictions: number; expirations: number; invalidations: number; leasesLost: number; inFlight: number;
}

// ---- outbox ----
export interface OutboxSend {
  to: string;
  text?: string;
  media?: unknown;
  priority?: 'high' | 'normal' | 'low';
  idempotencyKey?: string;
  at?: number;
  meta?: unknown;
}
export interface OutboxBatch {
  schema: number;
  sends: Array<{ id: number; to: string; recipient: string; text?: string; media?: unknown; meta?: unknown;
                 priority: 'high' | 'normal' | 'low'; attempt: number; outsideServiceWindow: boolean; idempotencyKey?: string }>;
  nextAt: number | null;
  throttle: number;
  breaker: 'closed' | 'open' | 'half_open';
}

/** One line of the engine's own log. */
export interface LogLine {
  /** Milliseconds since the epoch. */
  time: number;
  level: 'debug' | 'info' | 'warning' | 'error';
  /** What happened: 'engine.open', 'message.rejected', 'message.dead', 'webhook.signature', ... */
  event: string;
  message: string;
  [field: string]: unknown;
}
// ---- session ----
export type SessionState = 'initializing' | 'qr' | 'authenticated' | 'ready' | 'disconnected' | 'reconnecting' | 'failed' | 'logged_out';

export interface SessionAdvice {
  action: 'none' | 'wait' | 'reconnect' | 'repair' | 'stop';
  /** Present with 'reconnect': exponential backoff with jitter by consecutive failures (0 for restartRequired). */
  delayMs?: number;
  reason: string;
}

/** A whatsapp-web.js event ({event: 'qr'|'ready'|'disconnected'|'change_state'|..., reason?, state?}) or Baileys' {event: 'connection.update', connection?, qr?, lastDisconnect?}. */
export interface SessionEvent {
  account?: string;
  event: string;
  /** The host's clock, ms since the epoch. */
  at: number;
  [field: string]: unknown;
}

export interface SessionEventResult {
  schema: 1; account: string; event: string; state: SessionState; previous: SessionState | null; changed: boolean;
  reason?: string; code?: number; consecutiveFailures: number; advice: SessionAdvice;
}

export interface SessionHeartbeat {
  account?: string; at?: number; latencyMs?: number; ok?: boolean; inbound?: number; activeChats?: number;
}

export interface SessionAccountHealth {
  account: string; score: number; level: 'healthy' | 'warning' | 'critical'; levelSince: number | null;
  state: SessionState; stateSince: number | null; consecutiveFailures: number;
  components: { errorRate: number; heartbeats: number; latencyMs: number | null; disconnects: number; heartbeatAgeMs: number | null; cost: Record<string, number> };
  watchdog: { stalled: boolean; silentMs: number | null; stallAfterMs: number; activeChats: number; stalls: number };
  advice: SessionAdvice;
  history: { at: number; event: string; from: SessionState; to: SessionState; reason?: string }[];
}

export interface SessionHealth {
  schema: 1; score: number | null; level: 'healthy' | 'warning' | 'critical' | 'unknown'; accounts: SessionAccountHealth[];
}

export interface SessionPreflight {
  schema: 1; account: string; ok: boolean;
  checks: { name: 'store' | 'lock' | 'state' | 'heartbeat'; ok: boolean; skipped?: boolean; detail: string }[];
}

export interface Engine {
  sessionEvent(event: SessionEvent | string | Uint8Array): SessionEventResult;
  sessionHeartbeat(beat?: SessionHeartbeat): void;
  sessionHealth(account?: string | null, nowMs?: number): SessionHealth;
  sessionPreflight(account?: string | null, nowMs?: number): SessionPreflight;
}

export interface SessionLockInfo {
  schema: 1; owner: string; pid: number; host: string; boot: string; start?: number; token: string;
  acquiredAt: number; heartbeat: number; path: string; lost?: string;
}

/** One bot process per WhatsApp account: the lock file in the account's session directory. */
export declare class SessionLock {
  constructor(dir: string, options?: { staleAfterMs?: number; owner?: string });
  refresh(): void;
  info(): SessionLockInfo;
  release(): void;
}
