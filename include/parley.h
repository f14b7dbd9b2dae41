/*
 * parley.h — the public C API of Parley, an embeddable conversation engine for WhatsApp bots.
 *
 * A host feeds each incoming message in and gets back its enriched context as JSON. This
 * header is the whole contract: what is not declared here is not public.
 *
 * Conventions, true of every function below unless its comment says otherwise:
 *   - Strings are UTF-8. Rich values cross as JSON: in as (const char *, size_t length), the
 *     bytes need not be NUL-terminated; out as (char **out, size_t *out_len), a NUL-terminated
 *     string allocated by Parley that the caller owns and frees with parley_string_free() and
 *     nothing else. On failure *out is set to NULL and *out_len to 0. A "\u0000" is refused
 *     where a string names something (a configuration value: PARLEY_INVALID_CONFIG; a message's
 *     chat, id, from or quoted id: PARLEY_INVALID_MESSAGE): cut there, it would name another.
 *   - Every fallible function returns a parley_status. On anything but PARLEY_OK,
 *     parley_last_error() on the same thread describes the failure.
 *   - Bad input never aborts the process: NULL pointers, malformed JSON, invalid UTF-8 and
 *     oversized input each return a documented status.
 *   - A parley_engine is safe to use from many threads at once.
 *   - A process may fork without exec (a pre-fork server, Python's multiprocessing) and open
 *     and use engines in the child. An engine opened before the fork belongs to the parent:
 *     its threads do not exist in the child, which must not use or close it. Fork while no
 *     Parley call is running in the parent (the usual rule for locks across fork).
 *   - Every JSON object Parley writes at the top level carries "schema": PARLEY_SCHEMA_VERSION
 *     (parley_engine_poll writes an array of results: each context in it carries it). Fields may
 *     be added within a schema version; none is removed or renamed.
 *
 * Offsets ("start", "end") in the enriched context count Unicode scalar values of the
 * message's "text" (JavaScript: Array.from(text); Python: str indices).
 */
#ifndef PARLEY_H
#define PARLEY_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define PARLEY_API __declspec(dllimport)
#else
#define PARLEY_API __attribute__((visibility("default")))
#endif

#define PARLEY_VERSION_MAJOR 0
#define PARLEY_VERSION_MINOR 1
#define PARLEY_VERSION_PATCH 0
/* MAJOR * 10000 + MINOR * 100 + PATCH: compare with #if PARLEY_VERSION_NUMBER >= 100 */
#define PARLEY_VERSION_NUMBER (PARLEY_VERSION_MAJOR * 10000 + PARLEY_VERSION_MINOR * 100 + PARLEY_VERSION_PATCH)
/* The "schema" number every JSON output carries. */
#define PARLEY_SCHEMA_VERSION 1

/* An engine: configuration, the durable store and the pipeline. Opaque. */
typedef struct parley_engine parley_engine;

/* The outcome of a call. One code per class of failure a host may handle differently;
 * new codes may be added, so treat unknown codes as failures. */
typedef enum parley_status {
    PARLEY_OK = 0,
    PARLEY_INVALID_ARGUMENT = 1, /* a NULL pointer, a zero length, or an argument out of range */
    PARLEY_MALFORMED_JSON = 2,   /* the input is not well-formed JSON */
    PARLEY_INVALID_UTF8 = 3,     /* the input is not valid UTF-8 */
    PARLEY_INVALID_MESSAGE = 4,  /* well-formed JSON but not a message: a field missing or of the wrong type */
    PARLEY_TOO_LARGE = 5,        /* the input exceeds the configured limit ("limits.maxMessageBytes") */
    PARLEY_UNSUPPORTED = 6,      /* a message type or input format Parley does not handle */
    PARLEY_BAD_SIGNATURE = 7,    /* a webhook whose X-Hub-Signature-256 is missing or wrong */
    PARLEY_INVALID_CONFIG = 8,   /* the configuration JSON names an unknown key or a bad value */
    PARLEY_BUSY = 9,             /* the engine cannot accept more work now; retry later */
    PARLEY_STORAGE = 10,         /* the store could not be opened, read or written (disk full, permissions, locked) */
    PARLEY_CORRUPT = 11,         /* the store's file is not a Parley database or is damaged */
    PARLEY_TIMEOUT = 12,         /* an operation ran past its time limit */
    PARLEY_INTERNAL = 13,        /* a bug in Parley; the message says where */
    PARLEY_NOT_FOUND = 14,       /* the thing asked for (a thread id, ...) does not exist */
    PARLEY_BAD_MEDIA = 15        /* media bytes that cannot be read: corrupt, truncated, encrypted, or not what they claim */
} parley_status;

/* ---------------------------------------------------------------------------------------
 * Library
 * ------------------------------------------------------------------------------------- */

/* The library's version, "MAJOR.MINOR.PATCH". Static storage: never free it.
 * Never fails, never blocks, thread-safe. Bindings compare it with PARLEY_VERSION_* at load. */
PARLEY_API const char *parley_version(void);

/* A stable name for a status ("PARLEY_OK", "PARLEY_MALFORMED_JSON", ...), or
 * "PARLEY_UNKNOWN_STATUS" for a code this library does not know. Static storage: never free it.
 * Never fails, never blocks, thread-safe. */
PARLEY_API const char *parley_status_name(parley_status status);

/* The message describing this thread's most recent failure, or "" if none occurred yet.
 * Thread-local: a failure on another thread does not change it. Owned by Parley and valid
 * until the next Parley call on this thread; copy it to keep it. Never returns NULL. */
PARLEY_API const char *parley_last_error(void);

/* Frees a string Parley returned through a char ** out-parameter. NULL is a harmless no-op.
 * Thread-safe; never blocks. Freeing a string twice, or one Parley did not allocate, is
 * undefined behaviour as with free(). */
PARLEY_API void parley_string_free(char *s);

/* ---------------------------------------------------------------------------------------
 * Engine
 * ------------------------------------------------------------------------------------- */

/* Opens an engine.
 *
 * config_json: a NUL-terminated JSON object, or NULL. NULL and "{}" give working defaults
 * with an in-memory store; an empty string is PARLEY_MALFORMED_JSON (an unset variable must
 * not open a store that keeps nothing). Keys (all optional):
 *   "store":    {"path": "parley.db"}           SQLite file, created if missing, WAL mode; beside
 *                                                it "parley.db-inbox-N.lock" and "parley.db-inbox-N.K"
 *                                                files hold submitted messages until processed, and
 *                                                processed ones until written to the SQLite file;
 *                                                ":memory:" is the in-memory store, a SQLite URI
 *                                                ("file:...") is PARLEY_INVALID_CONFIG.
 *                                                Several processes may open one file: each message
 *                                                is journaled once, and the next engine to open it
 *                                                recovers what a crashed one accepted (its results
 *                                                go to that engine, marked "recovered"; a message
 *                                                resubmitted to the crashed host meanwhile may be
 *                                                answered by both). Each engine keeps its chats'
 *                                                threads and order in memory, so they stay right
 *                                                only while one engine handles a given chat:
 *                                                instances sharing chats share a "postgres" store,
 *                                                which leases each chat to one instance
 *               {"synchronous": "normal"|"full"} durability of each commit (default "normal":
 *                                                survives a process crash; "full" also survives
 *                                                power loss)
 *               {"busyTimeoutMillis": 5000}     how long a write waits for another process's
 *                                                lock on the file before PARLEY_BUSY (0..600000)
 *               {"writeBehind": true}           parley_engine_process on a file store answers once
 *                                                the message and its context are in the inbox (one
 *                                                append, durable as a commit under "synchronous")
 *                                                and writes the SQLite file behind, in batches of
 *                                                up to 512: several times the messages per second.
 *                                                Every Parley read waits for what was written
 *                                                behind before it; another program reading the file
 *                                                sees a message milliseconds later, and after
 *                                                parley_engine_close all of it. Engines sharing
 *                                                one file see each other's messages once written:
 *                                                the same message sent to two of them within those
 *                                                milliseconds is answered "processed" by both
 *                                                (stored once). false: one commit per call, inside
 *                                                the call, and exact duplicates across engines
 *               {"postgres": "postgresql://user:pass@host:5432/db", "poolSize": 8, "owner": "bot-1",
 *                "leaseMillis": 5000, "pumpMillis": 200}
 *                                               a PostgreSQL store instead of "path", shared by
 *                                                several engine instances: each chat is processed
 *                                                by one instance at a time, in the order its
 *                                                messages were accepted, exactly once (chat leases;
 *                                                "owner" must be unique among live instances,
 *                                                default host-pid); a dead instance's chats are
 *                                                taken over after leaseMillis (500..600000);
 *                                                pumpMillis (10..leaseMillis/2) is how often an
 *                                                instance renews its leases and looks for work.
 *                                                An asynchronous result may reach the instance
 *                                                that owns the chat rather than the one that
 *                                                accepted it (marked "recovered"). Dead letters,
 *                                                idempotency claims, the outbox's rate limits and
 *                                                the breakers are shared; retention drops whole
 *                                                months; the retention archive and WAL usage are
 *                                                PARLEY_UNSUPPORTED there. The password never
 *                                                appears in an error message; a pool exhausted
 *                                                for busyTimeoutMillis is PARLEY_BUSY
 *   "region":   "RW"                            ISO 3166 region for national phone numbers (default "US")
 *   "phoneRegionFromSender": true               read national phone numbers in the sender's own country first
 *                                               (from their WhatsApp number's calling code), then in "region"
 *   "currency": "RWF"                           ISO 4217 currency of bare amounts ("50,000 francs", and an amount
 *                                               with no currency after a payment word: "paid 50k", "budget is
 *                                               450,000", "nimelipa elfu 35"); default: the configured
 *                                               region's ("RW": RWF; "LB" and "ZW": USD), else none
 *   "webhook":  {"appSecret": "...",            Cloud API app secret for X-Hub-Signature-256 (not empty)
 *                "maxBodyBytes": 1048576,       largest webhook body (default: limits.maxMessageBytes)
 *                "replayWindowSeconds": 86400}  a body seen again within this is a replay (0: off; ..2592000)
 *   "log":      {"path": "parley.log",          the engine's own log, JSON lines appended (created 0600)
 *                "level": "info"}               debug | info | warning | error; see "Log" below
 *   "limits":   {"maxMessageBytes": 1048576}    largest message or webhook body accepted
 *   "threads":  {"inactivityMinutes": 1440,     a thread with no message for this long closes (default a
 *                                               day: property conversations run over days; 1..525600)
 *                "reopenMinutes": 10080,        the chat's last thread reopens for a follow-up this long after
 *                                               its last message (default 7 days; 0: only quoted replies reopen)
 *                "recallMinutes": 20160}        one of the chat's 4 newest closed threads reopens this long after
 *                                               its last message for a message naming its unit or property
 *                                               (default 14 days; 0: only within reopenMinutes; ..525600)
 *   "lookups":  {"property": [{"id"?, "name", "aliases"?: [...]}], "tenant": [...], ...}
 *                                               the host's lists, matched in text with typo tolerance
 *   "timeZone": "Africa/Kigali"                 IANA zone (or "+02:00") dates are resolved in (default: the
 *                                               configured region's zone when it has only one in tzdata's
 *                                               zone.tab, "KE": Africa/Nairobi; else "UTC")
 *   "dayFirst": true                            "12/03" is 12 March (default: false for region US, else true)
 *   "language": {"intentModel": "model.bin",    an intent model from `parley train` (default: built in)
 *                "intentThreshold": 0.75,       below it the intent's name is "unknown"
 *                "emojiWeight": 1.5}            weight of emoji in sentiment (0..10)
 *   "breakers": {"default": {...}, "sheets": {...}}   circuit breakers: see "Reliability" below
 *   "retention": {"days": 30,                  messages older than this (by timestamp and by arrival) are
 *                                               deleted, with idle threads no message names (default
 *                                               30; 0 keeps everything; 0..36500)
 *                 "archive": "archive.db",      move them into this SQLite file instead of deleting them
 *                 "intervalMinutes": 60}        how often the engine runs retention itself (default 60, 1..10080);
 *                                               see parley_store_maintain below
 *   "retries":  {"attempts": 5, ...}            retries of failed messages: see "Dead letters" below
 *   "media":    {"directory": "media/", ...}    media files and their readers: see "Media" below
 * An unknown key, a key given twice or a value of the wrong type is PARLEY_INVALID_CONFIG.
 *
 * out_engine: receives the engine on PARLEY_OK (NULL otherwise); close it with
 * parley_engine_close(). Blocks while the store opens and migrates. Thread-safe.
 * Returns PARLEY_INVALID_ARGUMENT (out_engine NULL), PARLEY_MALFORMED_JSON,
 * PARLEY_INVALID_UTF8, PARLEY_INVALID_CONFIG, PARLEY_STORAGE or PARLEY_CORRUPT. */
PARLEY_API parley_status parley_engine_open(const char *config_json, parley_engine **out_engine);

/* Closes an engine and releases its store; every committed message stays in the file.
 * NULL is a harmless no-op. Waits for calls in progress on other threads to finish, so it is
 * safe from a garbage collector's finalizer; the engine must not be used after it returns.
 * No Parley code runs on the engine's threads once it returns (the library may be unloaded):
 * it also waits for the workers, those given up on after "core.messageTimeoutMillis"
 * included (see parley_engine_submit). */
PARLEY_API void parley_engine_close(parley_engine *engine);

/* Processes one message and returns its enriched context.
 *
 * message_json / message_len: one message as JSON, in any of these forms (detected):
 *   (a) normalized: {"id", "chat", "from", "fromMe"?, "timestamp" (Unix seconds; fractional
 *       seconds are cut to the second), "type",
 *       "text"?, "media"?, "quoted"?}; type is one of text, image, audio, voice, video,
 *       document, sticker, location, contacts, reaction, interactive, revoke (a message deleted
 *       for everyone: "revoke": {"messageId"} or "quoted": {"id"} names it);
 *   (b) a whatsapp-web.js Message in its JSON form (id._serialized, from, to, author, body,
 *       type, timestamp, hasMedia, fromMe, hasQuotedMsg, ...), or its raw model (msg.rawData:
 *       "t" for the timestamp);
 *   (c) a Baileys WAMessage (key.remoteJid, key.id, key.fromMe, key.participant,
 *       messageTimestamp, message.conversation / extendedTextMessage / imageMessage / ...).
 *
 * out_json / out_len: receive the enriched context (free with parley_string_free):
 *   {"schema": 1, "format": "normalized"|"whatsapp-web.js"|"baileys"|"cloud-api",
 *    "status": "processed"|"duplicate"|"pending", "duplicateOf"?: id, "message": {normalized message},
 *    "entities": [{"type", "text", "start", "end", "value", "confidence", "source"}] (the first
 *                1000, in text order), "entitiesOmitted"?: how many more the text held,
 *    "language": {"code": "en"|"fr"|"sw"|"rw"|"ar"|"ar-Latn"|"und", "confidence", "script",
 *                 "mixed": [other languages noticed: code-switching]},
 *    "intent": {"name", "confidence", "alternatives": [{"name", "confidence"}], "outOfScope",
 *               "fromThread"?: true, "classified"?: the classifier's own name},
 *    "sentiment": {"score" (-1..1), "label": "positive"|"negative"|"neutral", "intensity" (0..1),
 *                  "urgency" (0..1), "urgencyCues": [...], "urgencyFromThread"?: true (a follow-up
 *                  pressing its thread's emergency, "please hurry": the report's urgency, falling to
 *                  half over a day; thanks ends it), "sarcasm"?: true (praise that means its
 *                  opposite, "great, the water is off AGAIN 🙃": the score is turned),
 *                  "trend": {"chatAverage", "change"?, "direction"?: "improving"|"steady"|"worsening"}},
 *    "thread": {"id", "topic", "new", "messageCount", "intent"?: the thread's request},
 *    "flow": {"contextSwitch", "from"?, "to"?, "closedThreads"?, "reopened"?: the id of the message's
 *             thread when it had closed and opens again, "late"?: true,
 *             "gap"?: {"after": last sequence number seen, "missing": how many numbers skipped}},
 *    "media"?: what the message's file held (see "Media" below),
 *    "degraded"?: ["audio"|"ocr"|"documents"|"statistical", ...] (features shed under overload),
 *    "timings": {"totalMicros"}}
 * Threads group a chat's messages by subject: a reply joins the thread of the message it
 * quotes; naming another unit or property, or asking for another kind of thing, switches to
 * an open thread about it (the surest match: same unit or property, then same request) or
 * opens a new one ("flow": {"contextSwitch": true, "from": old topic, "to": new topic}). A
 * label that flips inside one subject is no switch: small talk, an unsure or "unknown"
 * label, a fragment (a unit, a phone number, a name in a word or two), a step of the
 * thread's request ("can someone come before 9?" or "where's the stopcock?" after a leak until
 * it is thanked for, and within 6 hours a payment question naming its cost, "the welder quoted
 * 150000, can I deduct it from the rent?"; the price, deposit, lease length, contract or
 * check-out of a flat search or stay, and within 6 hours of its last message, or 12 hours of
 * the time its viewing was booked for, a complaint, "nobody answers at the door", or a repair
 * request giving a phone number or e-mail, a viewing by proxy; a receipt or balance after a
 * payment; the rent of a renewal, asked about, its term,
 * a calm message naming a length of time whatever its label, and its new contract) or a label
 * torn with the thread's kind of request or with a step of it (not in a repair thanked for
 * 6 hours before). A step
 * asking for exactly what another open thread asked for, not thanked for and active within 6
 * hours, goes back to that thread ("any news on the contract?" after a payment aside). A
 * document request is a subject of its own (its thread's "family" is "documents") except as such a
 * step: in a move-out's thread a reference letter for the next landlord switches, a document
 * the classifier reads with the move-out close behind it does not. An emergency not yet thanked for keeps
 * the messages that press it or follow within minutes, whatever their label, unless they name
 * another unit or property or give notice (move-out, renewal); two different units always switch
 * (a message naming the thread's unit and another goes with the other). After 6 hours without
 * a message, or once the tenant thanked for it, a complaint and a repair request are two
 * subjects unless the message names the unit or chases ("still", "why ... yet", "again" in a
 * negative mood); a renewal's thread keeps a payment
 * read under 0.85 (haggling). A thread whose request was only an "unknown"'s guess takes a sure
 * request within 6 hours as its own instead of switching, but not a notice or renewal. An "unknown" whose best guess
 * is sure enough to switch (0.6, under "language.intentThreshold") switches as that guess. A thread idle for
 * "threads.inactivityMinutes" closes; the chat's last thread reopens within
 * "threads.reopenMinutes" for a follow-up (thanks, "still not fixed", its unit or its kind of request,
 * a greeting only if it chases: "hello, the generator broke again"),
 * and a new subject switches from it ("from": its topic) even though it closed: a thread
 * opened after it closed is a new subject unless it names its unit or property, chases it, or
 * asks again for its request never thanked for (a notice 11 days after a renewal, a new fault
 * 10 days after the first was thanked for, switch). A complaint chasing ("the receipt still
 * hasn't come") with no thread of its own goes back to the last one within
 * "threads.reopenMinutes" if that was no repair and not thanked for. Once a repair is thanked
 * for and 6 hours passed, a guess of another kind at 0.35 is a new request. A tenant coming
 * back to an earlier subject reopens its thread too: the chat keeps its 4 newest closed threads,
 * and a message about one's subject (its unit or property, not another kind of request, within
 * "threads.recallMinutes"; its kind of request within "threads.reopenMinutes") goes back to it
 * rather than opening a thread, unless an open thread matches as well ("the plumber still hasn't
 * come for the sink in 4B" days after a rent thread followed the repair). A thread that reopens,
 * for any of these or for a quoted reply, is named by "flow"."reopened"; its stored summary is
 * open again with the message's time as its last activity. A message
 * continuing a thread without a sure intent of its own (not a greeting, thanks, goodbye or
 * agent request) reads through the thread: a fragment without a sure intent of its own, or a
 * message of three words or fewer the classifier could not place ("confirm pls"), takes the
 * thread's request (a message that is only its detail, a phone number, always; a single word
 * nobody placed, "Dalu", never; an unsure move-out, renewal, payment or repair guess of another
 * kind keeps its own); an "unknown"
 * or "other" whose best guess is the thread's kind of request, or a step of it, takes that
 * guess (a visit arranged in a repair thread is the repair; a message chasing the request,
 * "why no confirmation yet 🙄", or a short question asking for news of it, "any updates??",
 * "des nouvelles ?", "habari yoyote?", "amakuru mashya?", "أي جديد؟", "chi jdid?", takes the
 * request itself); one leaning to an agent request the thread already made ("talk_to_agent"
 * among its alternatives at 0.2 or more: "still not called back") takes "talk_to_agent"; any
 * other keeps its own. Then
 * "intent"."name" is that reading, "fromThread": true, and "classified" keeps the
 * classifier's name (confidence and alternatives stay the classifier's). Digits alone
 * ("0788 123 456", "350000"), which the classifier does not read, get an "intent" only this
 * way: the thread's request with "confidence" 0, no alternatives and no "classified".
 * The normalized message: {"id", "chat", "from", "senderName"?, "fromMe", "timestamp", "type",
 *   "text", "media"?: {"mimetype"?, "id"?, "url"?, "path"?, "sha256"? (lowercase hex),
 *   "fileName"?, "size"?, "seconds"?}, "quoted"?: {"id", "from"?, "text"?}} plus, by type,
 *   "location": {"latitude", "longitude", "name"?, "address"?, "url"?},
 *   "contacts": [{"name", "phones": [{"phone", "waId"?}]}],
 *   "reaction": {"emoji" ("" when removed), "messageId"?},
 *   "interactive": {"kind": "button"|"list"|"flow", "id"?, "title", "description"?};
 *   a text message may carry "edit": {"messageId"}: the new words of an earlier message (a
 *   Baileys edit, protocolMessage type 14; a whatsapp-web.js message with
 *   _data.latestEditMsgKey, as the message_edit event gives it, whose id is then the edit's
 *   key), a message of its own that quotes the one it changes;
 *   a "revoke" message, {"revoke": {"messageId"}} and no text, says that its sender deleted
 *   that earlier message for everyone (a Baileys protocolMessage type 0; a whatsapp-web.js
 *   message of type "revoked", as message_revoke_everyone gives it, whose id is then the
 *   deleted one's followed by "#revoke"): it quotes that message and goes to its thread; the
 *   deleted message stays in the journal.
 *   "text" is the body or caption; for a message without one, the words its details carry
 *   (place name and address, contact names, the chosen reply's title, the emoji). "from" is
 *   "me" for a Baileys message the bot's own account sent in a 1:1 chat (Baileys does not name it).
 * "language", "intent" and "sentiment" are absent when the text has no words or emoji (a bare
 * photo, digits alone; "intent" but for a detail continuing a thread, above). The built-in intents: rent_payment, maintenance_request, viewing_booking,
 * availability, price_inquiry, lease_renewal, move_out, complaint, document_request,
 * talk_to_agent, location_directions, greeting, thanks, goodbye, other; below the threshold
 * the name is "unknown".
 * Entity types and values ("source": "pattern", "lookup" or "statistical"; overlapping
 * candidates are resolved into one answer, so entities never overlap):
 *   "phone" {"e164"}, "email" {"address"}, "url" {"url"},
 *   "money" {"amount", "currency"?, "period"?: "month"|"week"|"year"|..., "bound"?: "atMost"|"atLeast"}
 *   (an amount written without a currency is money only after a payment word or, in shorthand
 *   such as "300k", next to a bound, at confidence 0.75, 0.6 with no "currency" configured;
 *   "bound" when a bound comes before or after it: "under", "max", "up to", "moins de",
 *   "chini ya", "أقل من", "… or less", "… au chini" are at most; "more than", "at least",
 *   "over", "plus de", "au moins", "zaidi ya", "على الأقل", "… minimum", "… or more", "500k+"
 *   at least),
 *   "number" {"number"},
 *   "percentage" {"percent"}, "ordinal" {"ordinal"}, "area" {"value", "unit", "squareMetres"},
 *   "bedrooms" {"count"} (0 for a studio), "unit" {"unit", "block"?},
 *   "datetime" {"iso", "granularity", "timestamp"} or, for a range, {"start": {"iso",
 *   "timestamp"}, "end": {...}, "granularity"}, "duration" {"seconds", "iso"},
 *   "recurrence" {"rrule" (RFC 5545, "FREQ=WEEKLY;BYDAY=MO"), "next": {"iso", "timestamp"}
 *   (the first occurrence after the message), "granularity", "timesPerPeriod"?} ("every Monday",
 *   "on the 5th of every month", "the last Friday of each month" BYDAY=-1FR, "tous les lundis",
 *   "kila Jumatatu"; "twice a week" has "timesPerPeriod": 2 and no "next", its days unsaid),
 *   "person" {"name"}, "address" {"address"}, and one type per lookup list kind
 *   ("property", "tenant", ...) {"id", "name", "matched"};
 * "start"/"end" count Unicode scalars
 * of "text" (Python str indices; Array.from(text) in JavaScript).
 *
 * The message and its context are durable in the store before this returns: committed, or on
 * a file store with "store.writeBehind" (the default) appended to its inbox and committed
 * behind (a crash in between: the next parley_engine_open commits it, with this very context,
 * before it returns). A message whose
 * (chat, id) was processed before, also before a close and reopen, is not processed again:
 * the original context comes back with "status": "duplicate". A message with the same chat,
 * sender and words (or media hash), quoting the same message (or none) and with the same
 * details (button or list id, reaction target, contacts, location), as one stored within
 * "dedup.contentWindowSeconds" (300;
 * 0 turns it off) is a re-send under a new id: it is stored too, and comes back as that
 * message's context with "status": "duplicate" and "duplicateOf": the first one's id.
 * A Baileys decryption stub (messageStubType 2, no content yet) is stored with "status":
 * "pending" and no findings; the real payload under the same key.id completes it.
 * Any format may carry two host fields: "sequence" (the host's per-chat message number,
 * which lets Parley see gaps) and "history": true (replayed after a reconnect, e.g. Baileys
 * append or history sync: journaled and deduplicated like live messages, never "late").
 * "flow": {"late": true} marks a message sent before one already processed in its chat.
 *
 * Blocks for the pipeline and one inbox append or store commit (microseconds to a few
 * milliseconds; with write-behind, also while 4096 answered messages wait for the file).
 * Thread-safe. Returns PARLEY_INVALID_ARGUMENT (NULL pointer or zero length),
 * PARLEY_TOO_LARGE, PARLEY_INVALID_UTF8, PARLEY_MALFORMED_JSON, PARLEY_INVALID_MESSAGE,
 * PARLEY_UNSUPPORTED (unknown type or format, a WhatsApp Status post: chat "status@broadcast"),
 * PARLEY_BUSY (another process held the store's
 * write lock past "store.busyTimeoutMillis": retry; with write-behind only while the queue
 * is full) or PARLEY_STORAGE (disk full, I/O error; with write-behind, also when the queue is
 * full and its writes keep failing); on failure nothing is stored and what was stored before
 * is untouched. */
PARLEY_API parley_status parley_engine_process(parley_engine *engine, const char *message_json,
                                               size_t message_len, char **out_json, size_t *out_len);

/* Ingests a raw WhatsApp Cloud API webhook body (POST) as it arrived.
 *
 * body / body_len: the request body, byte for byte as received (the signature covers it).
 * signature_header: the value of the X-Hub-Signature-256 header ("sha256=<hex>"), NUL-terminated.
 *   It is checked (HMAC-SHA256 of body keyed with "webhook.appSecret", constant-time compare)
 *   whenever an app secret is configured; NULL or a mismatch is then PARLEY_BAD_SIGNATURE and
 *   nothing is processed. With no app secret configured the header is ignored.
 *
 * out_json / out_len: receive {"schema": 1, "format": "cloud-api", "contexts": [enriched
 *   context of each message, as from parley_engine_process], "rejected": [{"id", "error":
 *   {"status": "PARLEY_UNSUPPORTED"|"PARLEY_INVALID_MESSAGE", "message"}}] for messages that
 *   could not be used (the others are still processed, so the webhook can be acknowledged),
 *   "statuses": [{"id", "recipient", "status", "timestamp", "errors"?, "conversation"?,
 *   "pricing"?}], "errors"?: [Meta's errors for the whole change, as given], "replay": true|false}.
 *   Messages the business sent from the WhatsApp Business app ("smb_message_echoes") are
 *   processed as its own ("fromMe": true, "chat": their recipient), so both sides are threaded. A group message's "chat" is its "group_id", and a
 *   "+" written before a sender's number is dropped. An "edit" message (its new content in
 *   edit.message) is read like a message of that content quoting edit.original_message_id,
 *   with "edit": {"messageId"}; a "revoke" message is a "revoke" (see parley_engine_process).
 *   Each message is journaled as by
 *   parley_engine_process, so a webhook Meta delivers again yields "duplicate" contexts; a body
 *   byte-identical to one already ingested within "webhook.replayWindowSeconds" (Meta's retry,
 *   or a captured webhook sent again) also reads "replay": true. Answer Meta 200 either way.
 *
 * Blocks like parley_engine_process; thread-safe. Returns the statuses of
 * parley_engine_process plus PARLEY_BAD_SIGNATURE, and PARLEY_TOO_LARGE for a body over
 * "webhook.maxBodyBytes" (checked before the signature, so an oversized body costs no HMAC).
 * A body that is not a whatsapp_business_account webhook is PARLEY_UNSUPPORTED. */
PARLEY_API parley_status parley_engine_ingest_webhook(parley_engine *engine, const char *body, size_t body_len,
                                                      const char *signature_header, char **out_json,
                                                      size_t *out_len);

/* ---------------------------------------------------------------------------------------
 * Asynchronous processing
 *
 * For hosts that must not block (a Node event loop): submit returns at once, Parley's worker
 * threads process messages in parallel across chats and in order within each chat, and the
 * results come back through a callback or parley_engine_poll. Configuration: "core":
 * {"workers": N} (a fixed pool) or "workers": {"min" (1), "max" (one per core)}; workers start with
 * the first submit (an engine used only synchronously runs none), then at least "min" stay;
 * "queue": {"highWater" (1000), "lowWater" (100)};
 * "ordering": {"reorderWindowMillis" (1000), "holdMillis" (0)}; "priorities": {"vipChats":
 * [chat ids], "urgentFirst" (true)}.
 * ------------------------------------------------------------------------------------- */

/* The lane a submitted message runs in. High goes first; low still gets one turn in seven. */
typedef enum parley_priority {
    PARLEY_PRIORITY_HIGH = 0,
    PARLEY_PRIORITY_NORMAL = 1,
    PARLEY_PRIORITY_LOW = 2
} parley_priority;

/* Accepts one message (any form parley_engine_process takes) for processing and returns at
 * once with its ticket in *out_ticket. The message is stored as received before this
 * returns (a file store appends it to its inbox file, one write, synced as "store.synchronous"
 * says; an in-memory or PostgreSQL store commits a received row), so an accepted message
 * survives a crash: after the next parley_engine_open it is processed and its result handed
 * back with "recovered": true. Its ticket is the number its journal row will have, unique
 * among all the engines sharing the store file (beside which "<store>-seq" keeps the next
 * free number). With
 * "store.writeBehind" (the default) a worker's result is handed back once the context is in
 * the inbox too, and written to the SQLite file behind, as parley_engine_process does.
 * On a file store every accepted message's result is handed back at least once: a result is
 * handed back when the callback returned or parley_engine_poll gave it out, and one the host
 * was not handed before a crash or a close (processed, but its callback never ran, or left
 * waiting to be polled) comes back after the next open, "recovered": true, ahead of the rest.
 * The hand-back is recorded after each run of callbacks, so a crash while callbacks run may
 * hand those results back once more, marked recovered (deduplicate by ticket).
 *
 * Order: a chat's messages are processed and handed back in order of the host's "sequence"
 * number when the message carries one (any format may add "sequence": integer), else of
 * their timestamp among those waiting, else of arrival. A message whose sequence number
 * skips ahead waits up to "ordering.reorderWindowMillis" for the missing ones, then goes
 * with "flow": {"gap": {"after", "missing"}}; one that comes after its successors were
 * processed is marked "flow": {"late": true}.
 * Priority: a chat listed in "priorities.vipChats" and an urgent message ("water
 * everywhere", "ASAP") go in the high lane whatever was asked.
 * A message already accepted keeps its ticket: if it was processed, its stored context comes
 * back again marked "duplicate"; if it is still queued, its one result answers both.
 *
 * Timeout: a batch of a chat's messages still being processed after "core.messageTimeoutMillis"
 * (30000; 0: never; counted from when a worker took it) is given up on: its messages are
 * dead-lettered (state "dead", error PARLEY_TIMEOUT; parley_dlq_retry processes them again),
 * their results come back as PARLEY_TIMEOUT, and the chat goes on with its next messages on
 * another worker. Messages of other chats the worker took with them (when several chats are
 * ready at once) are not given up on: they go back to the queue and are processed as usual.
 * Only a worker stuck writing to the store, where one transaction holds all the chats it took,
 * has its messages all dead-lettered. The stuck worker writes nothing more and stops at its
 * next stage (a stage itself is not interrupted); what it brings back is dropped, and
 * parley_engine_close waits for it. A callback stuck that long frees its chat the same way
 * (its results were made; nothing is dead-lettered); parley_engine_close waits for it to return.
 * Backpressure: when "queue.highWater" messages are accepted and not yet handed back
 * (queued, being processed, or waiting to be polled), submit returns PARLEY_BUSY and stores
 * nothing, until the count falls to "queue.lowWater". Memory stays bounded whatever the host does.
 *
 * Another process holding the store file's write lock does not refuse a submit on a file
 * store (the inbox is not the database): the workers retry the journal write with backoff
 * for up to half of "core.messageTimeoutMillis" before the result is an error.
 *
 * Thread-safe. Returns the input statuses of parley_engine_process (checked before anything
 * is stored), PARLEY_INVALID_ARGUMENT (a priority out of range, out_ticket NULL), PARLEY_BUSY
 * (above the high-water mark; on an in-memory or PostgreSQL store also a locked database)
 * or PARLEY_STORAGE (the inbox or the database could not be written). */
PARLEY_API parley_status parley_engine_submit(parley_engine *engine, const char *message_json, size_t len,
                                              parley_priority priority, uint64_t *out_ticket);

/* Accepts several messages with ONE write to the store (one append to a file store's inbox,
 * one commit elsewhere). messages_json is a JSON array of messages
 * (each in any form parley_engine_submit takes), a WhatsApp Cloud API webhook body (its
 * messages, in order; delivery statuses are left out: parley_engine_ingest_webhook reads
 * them), or one message. Every usable message is stored as received before this returns
 * and then handled exactly as if submitted alone (order, priority, duplicates, recovery).
 *
 * out_tickets[i] receives the i-th message's ticket; *out_count the number of messages.
 * A message that cannot be used (a missing field, an unknown type, more than
 * "limits.maxMessageBytes" bytes: PARLEY_TOO_LARGE in its result) gets ticket 0 and does
 * not stop the others: its error comes back as a result with ticket 0 (through the callback
 * or parley_engine_poll), its message naming its place counted from 0, as an array index ("message 3 of the batch: ..." is the fourth).
 * The call fails whole, storing nothing, on malformed JSON or invalid UTF-8, a body that is
 * neither an array, a webhook nor a message (PARLEY_INVALID_MESSAGE), more than
 * "limits.maxMessageBytes" x "queue.highWater" bytes or more messages than "queue.highWater"
 * (PARLEY_TOO_LARGE), fewer than *out_count places in out_tickets (PARLEY_INVALID_ARGUMENT;
 * *out_count tells how many are needed), a store failure (PARLEY_STORAGE), and
 * PARLEY_BUSY when the whole batch does not fit under "queue.highWater" (one place per
 * message, messages that cannot be used included). out_count must not be NULL.
 *
 * Thread-safe. */
PARLEY_API parley_status parley_engine_submit_batch(parley_engine *engine, const char *messages_json, size_t len,
                                                    parley_priority priority, uint64_t *out_tickets, size_t capacity,
                                                    size_t *out_count);

/* Collects up to max_results results, waiting up to timeout_ms for the first (0: do not
 * wait; negative: wait until one comes). out_json / out_len receive a JSON array, empty when
 * none came in time: [{"ticket", "status": "PARLEY_OK", "recovered"?: true, "context":
 * {enriched context}} or {"ticket", "status": "PARLEY_STORAGE"|..., "error": {"status",
 * "message"}}], each chat's results in order. A failed message stays journaled as received
 * and is processed again after the next open. Results not polled before a close come back
 * after the next open (file store). Results go to the callback instead while one
 * is set. Thread-safe. Returns PARLEY_INVALID_ARGUMENT (max_results 0, a NULL pointer). */
PARLEY_API parley_status parley_engine_poll(parley_engine *engine, size_t max_results, int timeout_ms,
                                            char **out_json, size_t *out_len);

/* Receives one result: its ticket, PARLEY_OK and the enriched context (with "recovered": true
 * first when the message was accepted before a crash or close), or the failure's status and
 * {"status", "message"}. json is NUL-terminated and valid only during the call (copy it).
 * Called on Parley's worker threads: calls for one chat come in order and never overlap;
 * calls for different chats may run at the same time. It must return promptly. From inside
 * it, parley_engine_drain returns PARLEY_UNSUPPORTED (it would wait for this very call), and
 * parley_engine_close returns at once: no callback starts after it returns (those running on
 * other threads have returned), and the engine finishes closing on a thread of its own once
 * this call has returned. The handle must not be used after that close, as after any. */
typedef void (*parley_result_callback)(void *user_data, uint64_t ticket, parley_status status,
                                       const char *json, size_t len);

/* Sends every result to cb from now on (results already waiting to be polled go to it at
 * once); NULL goes back to parley_engine_poll. A call already running on a worker may still
 * finish with the previous callback: keep user_data alive until parley_engine_close returns. Thread-safe. Returns PARLEY_INVALID_ARGUMENT
 * (engine NULL). */
PARLEY_API parley_status parley_engine_set_callback(parley_engine *engine, parley_result_callback cb,
                                                    void *user_data);

/* Waits until every accepted message is processed and its result handed to the callback or
 * queued for polling, up to timeout_ms (negative: no limit), and until what was written behind
 * (store.writeBehind) is in the SQLite file. Returns PARLEY_OK, PARLEY_TIMEOUT when work
 * remained, or PARLEY_UNSUPPORTED from inside the result callback. parley_engine_close also finishes the messages being
 * processed; messages still queued then stay journaled and are recovered at the next open,
 * as do results not yet polled. */
PARLEY_API parley_status parley_engine_drain(parley_engine *engine, int timeout_ms);

/* ---------------------------------------------------------------------------------------
 * Metrics
 *
 * The engine measures itself: messages by outcome, per-stage latency, queue depths, worker
 * utilisation, the process's CPU and memory, with alerts. Configuration "metrics":
 * {"bucketSeconds": 60, "historyBuckets": 60, "alerts": {"latencyMillis": [500, 2000],
 * "errorRate": [0.05, 0.1], "memory": [0.75, 0.9], "anomalySigma": 2.5}} (pairs are
 * [warning, critical]).
 * ------------------------------------------------------------------------------------- */

/* out_json / out_len receive {"schema": 1, "at" (Unix s), "uptimeSeconds",
 *   "messages": {"processed", "duplicate", "pending", "error", "submitted", "rejectedBusy"},
 *   "throughput": {"perSecond", "windowSeconds"}, "errorRate" (0..1),
 *   "queue": {"outstanding", "waiting", "resultsToCollect"},
 *   "workers": {"count", "busy", "utilisation" (0..1)},
 *   "latencyMicros": {"parse"|"enrich"|"journal"|"total"|"end_to_end": {"count", "p50", "p95",
 *     "p99", "max", "mean"}} (since open; "total" is parley_engine_process from call to return,
 *     "end_to_end" submit to result),
 *   "process": {"rssBytes", "memoryLimitBytes" (the cgroup's, else the machine's),
 *     "memoryPercent", "cpuSeconds", "cpuPercent" (of one core, averaged since open)},
 *   "alerts": [{"name": "latency_p99"|"error_rate"|"memory"|"latency_anomaly"|
 *     "throughput_anomaly", "level": "warning"|"critical", "value", "threshold", "message"}],
 *   "history": [{"start" (Unix s), "messages", "errors", "perSecond", "p99Micros"?,
 *     "rssBytes"}] (closed buckets, oldest first: the trend),
 *   "degradation": {"level", "shed": [features], "load", "periods" (times shedding began)},
 *   "errors": {"byStatus": {"PARLEY_MALFORMED_JSON": N, ...} (since open), "samples": [{"at",
 *     "status", "message", "chat"?, "oneOf"?}] (at most 20: per bucket the first 5 of each
 *     status, then one in 100, so a storm of errors stays bounded), "sampledOut"},
 *   "parkedChats": chats parked after repeated failures (see parley_message_fail)}.
 * Degradation ("degradation": {"enabled": true, "order": ["audio", "ocr", "documents",
 * "statistical"], "enterLoad": 0.8, "exitLoad": 0.5, "stepMillis": 1000}): load is the larger
 * of the queue's fill (outstanding / "queue.highWater") and the recent p99 latency over its
 * warning threshold (1 while the error rate is critical); at or above "enterLoad" one more
 * feature of "order" is shed per step, below "exitLoad" one comes back. Contexts processed
 * meanwhile list what was shed in "degraded"; the text path and the journal never shed.
 * Rates and latency alerts use the current bucket once it holds 20 messages, else the last
 * closed one. An anomaly is a closed bucket whose throughput or p99 latency lies beyond
 * "anomalySigma" standard deviations of the buckets before it (at least 5 of them).
 * Thread-safe. Returns PARLEY_INVALID_ARGUMENT (a NULL pointer). */
PARLEY_API parley_status parley_metrics_json(parley_engine *engine, char **out_json, size_t *out_len);

/* The same counters, gauges and per-stage histograms in Prometheus's text exposition format
 * (version 0.0.4), for a host's /metrics endpoint: parley_messages_total{outcome},
 * parley_submitted_total, parley_rejected_busy_total, parley_stage_duration_seconds{stage}
 * (histogram), parley_queue_outstanding, parley_queue_waiting, parley_workers,
 * parley_workers_busy, parley_process_resident_memory_bytes; the counter parley_process_cpu_seconds_total;
 * once used: parley_session_health_score{account}, parley_outbox_waiting{priority},
 * parley_outbox_delayed, parley_outbox_leased, parley_outbox_throttle and the counters
 * parley_outbox_handed_out_total, _sent_total, _failed_total, _retried_total,
 * _rate_limited_total (from 0 at each open).
 * Thread-safe. Returns PARLEY_INVALID_ARGUMENT (a NULL pointer). */
PARLEY_API parley_status parley_metrics_prometheus(parley_engine *engine, char **out_text, size_t *out_len);

/* ---------------------------------------------------------------------------------------
 * Log
 *
 * The engine's own log: one JSON object per line, {"time" (ms since the epoch), "level",
 * "event" ("engine.open", "engine.close", "message.rejected", "message.error",
 * "message.timeout", "message.failed", "message.dead", "degradation.level",
 * "webhook.signature", "webhook.tooLarge", "webhook.replay", ...), "message", and fields such
 * as "chat" and "id"}. Phone numbers and email addresses are masked in every log line and in
 * every error message Parley writes (parley_last_error(), error entries in JSON):
 * "+250 788 123 456" reads "+250*******56", "250788123456@c.us" reads "250*******56@c.us",
 * "jane@example.com" reads "j***@example.com". Message contexts returned to the host are the
 * host's data and are not masked. Written to the file "log.path" and/or to a callback.
 * ------------------------------------------------------------------------------------- */

typedef enum parley_log_level {
    PARLEY_LOG_DEBUG = 0,
    PARLEY_LOG_INFO = 1,
    PARLEY_LOG_WARNING = 2,
    PARLEY_LOG_ERROR = 3
} parley_log_level;

/* Receives one log line (JSON, NUL-terminated, len bytes without the NUL), valid only during
 * the call. Called on the thread that logged (the host's thread in a synchronous call, a
 * Parley worker otherwise), possibly from several threads at once, never while Parley holds
 * a lock: it may call back into the engine. It must not block for long. */
typedef void (*parley_log_callback)(void *user_data, parley_log_level level, const char *line, size_t len);

/* Sends log lines at min_level and above to cb (NULL stops it); replaces any callback set
 * before. The file named by "log.path" keeps its own level. user_data is passed through
 * untouched. Thread-safe. Returns PARLEY_INVALID_ARGUMENT (engine NULL, min_level out of
 * range). */
PARLEY_API parley_status parley_log_set_callback(parley_engine *engine, parley_log_callback cb, void *user_data,
                                                 parley_log_level min_level);

/* ---------------------------------------------------------------------------------------
 * Lookup lists
 * ------------------------------------------------------------------------------------- */

/* Sets the host's lookup lists at run time (the same form as the "lookups" config key):
 * {"property": [{"id"?, "name", "aliases"?: [...]}], "neighbourhood": [...], "tenant": [...]}.
 * Each kind given replaces that list; an empty array removes it; kinds not named are kept.
 * Matches appear as entities whose "type" is the kind, "source": "lookup" and "value":
 * {"id", "name", "matched"} ("matched" is the alias or name found, typos forgiven:
 * "Kacyiru Hights" finds "Kacyiru Heights"). Lists of "property" (and "unit") entries name
 * what a conversation thread is about.
 * out_json / out_len: receive {"schema": 1, "lists": {"property": 12, ...}} (entry counts).
 * Messages processed concurrently see the old or the new lists, never half of them.
 * Thread-safe. Returns PARLEY_INVALID_ARGUMENT (a bad list: the message names its path),
 * PARLEY_MALFORMED_JSON or PARLEY_INVALID_UTF8. */
PARLEY_API parley_status parley_lookup_set(parley_engine *engine, const char *lists_json, size_t len,
                                           char **out_json, size_t *out_len);

/* ---------------------------------------------------------------------------------------
 * Intent models
 * ------------------------------------------------------------------------------------- */

/* Trains an intent classifier from labelled examples and writes it to model_path (through a
 * temporary file and a rename, so a reader never sees half a model).
 *
 * data / data_len: UTF-8 examples, either JSONL lines {"text": "...", "intent": "..."} or TSV
 *   lines "text<TAB>intent" (an optional header line is detected); at least 2 intents.
 * model_path: NUL-terminated path of the model file; load it with {"language": {"intentModel":
 *   path}} or parley_engine_load_intent_model().
 * out_json / out_len: receive {"schema": 1, "examples", "intents": [...], "trainMillis"}.
 * Blocks for the training (about a second for 10,000 examples); thread-safe; needs no engine.
 * Returns PARLEY_INVALID_ARGUMENT (NULL or empty arguments, a bad line: the message names it,
 * fewer than 2 intents), PARLEY_INVALID_UTF8 or PARLEY_STORAGE (cannot write the file). */
PARLEY_API parley_status parley_intent_train(const char *data, size_t data_len, const char *model_path,
                                             char **out_json, size_t *out_len);

/* Replaces an engine's intent model (from parley_intent_train or `parley train`) for the
 * messages processed from now on; calls in progress finish with the old one. Thread-safe.
 * Returns PARLEY_INVALID_ARGUMENT, PARLEY_INVALID_UTF8, PARLEY_STORAGE (unreadable file),
 * PARLEY_CORRUPT (truncated or not a model) or PARLEY_UNSUPPORTED (another format version);
 * on failure the engine keeps its current model. */
PARLEY_API parley_status parley_engine_load_intent_model(parley_engine *engine, const char *model_path);

/* ---------------------------------------------------------------------------------------
 * Reliability: idempotency and circuit breakers
 *
 * Guards for the host's own side effects and external calls ("never lose, never double"):
 * a claim makes a side effect (a Google Sheets write-back, a payment confirmation) run once
 * even when the bot retries; a circuit breaker stops calling a dependency that is failing
 * and tries it again later.
 * ------------------------------------------------------------------------------------- */

/* Claims an idempotency key before a side effect.
 *
 * key: NUL-terminated UTF-8, 1 to 512 bytes, chosen by the host ("sheets:row:17:paid").
 * ttl_seconds: how long the claim is remembered, 1 to 315360000 (ten years).
 * out_first: receives 1 when this call claimed the key (do the side effect), 0 when it was
 *   claimed before and that claim has not expired (skip it: it ran or is running). Set to 0 on
 *   any failure.
 * Claims are committed to the store before this returns, so they survive close and reopen (in
 * a file store); expiry uses the wall clock (CLOCK_REALTIME). Of any number of concurrent
 * claimers of one key (threads, or engines in several processes sharing the file) exactly one
 * gets 1. Expired claims are deleted lazily, a bounded batch every 64 claims.
 * Blocks for one store commit; thread-safe. Returns PARLEY_INVALID_ARGUMENT (engine, key or
 * out_first NULL; key empty or over 512 bytes; ttl_seconds out of range), PARLEY_INVALID_UTF8,
 * PARLEY_BUSY (another process holds the store's write lock longer than store.busyTimeoutMillis, default 5 s) or PARLEY_STORAGE. */
PARLEY_API parley_status parley_idempotency_claim(parley_engine *engine, const char *key, int64_t ttl_seconds,
                                                  int *out_first);

/* Forgets a claim, expired or not, so the side effect may be retried (it failed). Releasing a
 * key that is not claimed is PARLEY_OK. Release within the claim's TTL: once it expired and
 * another caller claimed the key again, a late release forgets that newer claim.
 * Blocks for one store commit; thread-safe. Returns PARLEY_INVALID_ARGUMENT (engine or key
 * NULL, key empty or over 512 bytes), PARLEY_INVALID_UTF8, PARLEY_BUSY or PARLEY_STORAGE. */
PARLEY_API parley_status parley_idempotency_release(parley_engine *engine, const char *key);

/* Circuit breakers: one per external dependency, named by the host ("sheets", "whatsapp-send",
 * any NUL-terminated UTF-8 name of 1 to 128 bytes; at most 1024 per engine), created closed on
 * first use. A breaker is
 *   closed     every call may go ahead; the outcomes of the last "window" calls are kept, and
 *              once at least "minimumCalls" are, a share of failures >= "failureRate" or of
 *              calls slower than "slowCallMicros" >= "slowCallRate" opens it;
 *   open       no call may go ahead; the first parley_breaker_allow at or after "openSeconds"
 *              past opening moves it to half-open;
 *   half_open  "halfOpenPermits" trial calls may go ahead, others may not. A failed trial
 *              reopens it at once; when every trial has been recorded it closes with an empty
 *              window (or reopens if their share of slow calls reached "slowCallRate"). Trials
 *              never recorded do not wedge it: "openSeconds" later a new round is granted.
 * Configure them in parley_engine_open's config_json (every key optional; a named entry
 * starts from "default"; unknown keys and out-of-range values are PARLEY_INVALID_CONFIG):
 *   "breakers": {"default": {"failureRate": 0.5,        (0, 1]
 *                            "window": 20,              calls judged, 1..10000
 *                            "minimumCalls": 10,        1..window (the default 10 shrinks to a smaller window)
 *                            "openSeconds": 30,         0.001..86400
 *                            "slowCallMicros": 5000000, 1..3600000000
 *                            "slowCallRate": 0.8,       (0, 1]
 *                            "halfOpenPermits": 3},     1..1000
 *                "sheets": {...}}
 * Breakers live in memory: their state does not survive parley_engine_close. Time is the
 * host's: now_ms is any millisecond clock that does not jump (a monotonic clock, or the wall
 * clock: Date.now(), time.time() * 1000), 0 to 2^53, the same clock on every call; a clock
 * that goes back re-anchors an open period rather than prolonging it.
 * Each call takes the breaker's lock for well under a microsecond; none blocks on I/O;
 * thread-safe. */

/* Whether a call through breaker `name` may go ahead now.
 * out_allowed: receives 1 if it may (the breaker is closed, or half-open and a trial permit was
 *   granted: then record the call's outcome), 0 if the breaker is open or has no permit left
 *   (skip or defer the call). Set to 0 on any failure.
 * Returns PARLEY_INVALID_ARGUMENT (engine, name or out_allowed NULL; name empty or over 128
 * bytes; now_ms out of range; a 1025th breaker) or PARLEY_INVALID_UTF8. */
PARLEY_API parley_status parley_breaker_allow(parley_engine *engine, const char *name, int64_t now_ms,
                                              int *out_allowed);

/* Records the outcome of a call parley_breaker_allow let through: ok nonzero for a success,
 * 0 for a failure; micros, how long it took (>= 0; above "slowCallMicros" it is slow). Outcomes
 * recorded while the breaker is open, or beyond the trials granted while half-open, are ignored.
 * Returns PARLEY_INVALID_ARGUMENT (engine or name NULL; name empty or over 128 bytes; micros
 * negative; now_ms out of range; a 1025th breaker) or PARLEY_INVALID_UTF8. */
PARLEY_API parley_status parley_breaker_record(parley_engine *engine, const char *name, int ok, int64_t micros,
                                               int64_t now_ms);

/* Every breaker used so far or named in the configuration, sorted by name.
 * out_json / out_len: receive {"schema": 1, "breakers": [{"name", "state": "closed"|"open"|
 *   "half_open", "failureRate", "slowCallRate" (0..1: over the window when closed or open, over
 *   the trials recorded when half-open), "calls" (outcomes in the window, or trials recorded),
 *   "openedAt"?, "retryAt"? (now_ms values; present when open or half-open)}]}
 *   (free with parley_string_free). The state is as of the last allow or record: an open
 *   breaker past its "retryAt" still reads "open" until the next parley_breaker_allow.
 * Returns PARLEY_INVALID_ARGUMENT (engine, out_json or out_len NULL). */
PARLEY_API parley_status parley_breaker_status(parley_engine *engine, char **out_json, size_t *out_len);

/* Write-backs while a breaker is open: the host's side effects (a Google Sheets row, a CRM
 * update) that cannot run while their dependency's breaker is open are parked durably and
 * replayed in the order they were parked once it lets calls through again.
 *
 * parley_writeback_park: stores payload_json (any JSON, at most 64 KB) for "dependency" (a
 * breaker name) and sets *out_id. key_or_NULL: the host's idempotency key; parking the same
 * key again for the dependency stores nothing and returns the first one's id. now_ms: the
 * host's clock (Unix ms, 0..2^53) for "parkedAt"; 0 reads the wall clock.
 * Returns PARLEY_INVALID_ARGUMENT (NULL or empty arguments, a bad name or key, now_ms out of
 * range), PARLEY_TOO_LARGE,
 * PARLEY_MALFORMED_JSON, PARLEY_INVALID_UTF8, PARLEY_BUSY or PARLEY_STORAGE. */
PARLEY_API parley_status parley_writeback_park(parley_engine *engine, const char *dependency, const char *payload_json,
                                               size_t len, const char *key_or_NULL, int64_t now_ms, uint64_t *out_id);

/* The dependency's parked write-backs to perform now, oldest first, at most max (1..1000),
 * when its breaker lets a call through at now_ms (as parley_breaker_allow: this counts as its
 * allow); none while it is open. out_json / out_len receive {"schema": 1, "dependency",
 * "breaker": "closed"|"open"|"half_open", "writebacks": [{"id", "dependency", "payload",
 * "key"?, "parkedAt", "attempts", "lastError"?}]}. Each stays parked until confirmed: perform
 * them in order, confirm each, stop at the first that fails (and record it with
 * parley_breaker_record). Returns PARLEY_INVALID_ARGUMENT, PARLEY_BUSY or PARLEY_STORAGE. */
PARLEY_API parley_status parley_writeback_replay(parley_engine *engine, const char *dependency, size_t max,
                                                 int64_t now_ms, char **out_json, size_t *out_len);

/* Records a replayed write-back's outcome: ok non-zero, done (forgotten); zero, failed again
 * (kept first in line, its attempts counted, error_or_NULL kept as "lastError").
 * Returns PARLEY_NOT_FOUND (no such parked write-back), PARLEY_INVALID_ARGUMENT,
 * PARLEY_INVALID_UTF8, PARLEY_BUSY or PARLEY_STORAGE. */
PARLEY_API parley_status parley_writeback_confirm(parley_engine *engine, uint64_t id, int ok, const char *error_or_NULL);

/* ---------------------------------------------------------------------------------------
 * Store maintenance: retention and compaction
 * ------------------------------------------------------------------------------------- */

/* Runs retention now and compacts the store.
 *
 * Deletes, or with "retention.archive" moves into that SQLite file (created if missing; same
 * columns, tables "messages" and "threads"), every message whose timestamp AND arrival are more
 * than "retention.days" before now_ms (so history re-delivered today with old timestamps still
 * deduplicates for the whole retention), and every thread last active before then that no
 * stored message names and that is closed or idle past "threads.inactivityMinutes" (its chat's
 * next message would close it; the chat goes on with a new thread); deletes idempotency claims expired by now_ms (also with "days": 0,
 * which keeps every message and thread); then gives free pages back to the file system
 * (incremental vacuum; a store file created by an earlier Parley build has auto_vacuum off
 * and reuses its free pages instead: `parley maintain --vacuum` converts one). A forgotten message
 * id is new again: delivered after its retention, it is processed as a new message.
 * Rows go in chunks of 1000, each chunk its own short transaction (an archived chunk is
 * committed to the archive before it is deleted from the store: a crash between the two
 * leaves it in both, and the next run does not copy it twice), so parley_engine_process calls
 * on other threads carry on meanwhile.
 * The engine also runs this by itself on its background thread for a file store: 10 minutes
 * after open (or after one interval, if shorter), then every "retention.intervalMinutes"; never
 * inside parley_engine_open. One run at a time: a call waits for a run in progress.
 *
 * now_ms: the time retention is measured from, Unix milliseconds (0 to 2^53); 0 reads the
 *   wall clock (CLOCK_REALTIME).
 * out_json / out_len: receive {"schema": 1, "deleted" (messages deleted), "archived" (messages
 *   moved to the archive), "threadsDeleted" (threads deleted or moved), "claimsExpired",
 *   "mediaDeleted" (gallery items no message names any more), "outboxDeleted" (sends finished
 *   -- sent, delivered, read or failed -- and queued before the cutoff; unfinished ones stay),
 *   "mediaTemporariesDeleted" (partial files of media writes a crash cut short; also when
 *   "days" is 0), "freedPages", "cutoff" (Unix seconds: messages stamped before it were due; null when "days"
 *   is 0), "autoVacuum": "incremental"|"none"|"full", "pageCount", "freelistCount"}
 *   (free with parley_string_free).
 * Blocks for the run (milliseconds; about a second per 100,000 messages removed); thread-safe.
 * Returns PARLEY_INVALID_ARGUMENT (engine, out_json or out_len NULL; now_ms out of range),
 * PARLEY_BUSY (another process held the write lock past "store.busyTimeoutMillis") or
 * PARLEY_STORAGE (disk full, an archive that cannot be created or written); on failure the
 * chunks committed before it stay done and nothing is lost. */
PARLEY_API parley_status parley_store_maintain(parley_engine *engine, int64_t now_ms, char **out_json, size_t *out_len);

/* ---------------------------------------------------------------------------------------
 * Dead letters: failed handling, retries on a schedule, the dead-letter queue
 *
 * A message the host could not handle (its bot logic threw, a Google Sheets write or a send
 * failed) is reported with parley_message_fail: it becomes "failed" and is due again on the
 * retry schedule, or "dead" once its attempts are used up, keeping every failure in its
 * error history. parley_dlq_run_due (call it from a timer; `parley dlq run` from cron)
 * processes the due ones again through the pipeline and hands their fresh contexts back to
 * be handled again. The host can list and inspect them, retry one now, mark one resolved
 * (dealt with by hand) and purge dead and resolved ones.
 * States of a message: processed -> failed -> (retried: processed) -> ... -> dead -> resolved.
 * Configure the schedule in parley_engine_open's config_json (every key optional;
 * out-of-range values are PARLEY_INVALID_CONFIG):
 *   "retries": {"attempts": 5,               failures in all, 1..100: the last one dead-letters
 *               "firstDelaySeconds": 300,    delay after the first failure, 1..31536000
 *               "maxDelaySeconds": 43200,    delay after the last failure still retried (>= first)
 *               "jitter": 0.2}               each delay moves by up to this fraction, 0..0.9
 * The delays grow by one factor from the first to the last: by default 5 min, 26 min, 2.3 h
 * and 12 h (each +-20%), and the fifth failure makes the message dead.
 * Times (now_ms) are the host's wall clock in Unix milliseconds, 0 to 2^53 (Date.now(),
 * time.time() * 1000); tests may drive a fake one. Every change of state is one store
 * transaction and re-checks the state it expects: a crash leaves each message in its old
 * state or its new one, and two callers (threads, processes sharing the file) never retry
 * one message twice. An error entry is {"at": now_ms, "attempt": 1.., "status", "message",
 * and any other keys the host gave}.
 * Calls block for one store transaction (parley_dlq_run_due also for the pipeline of each
 * message it retries); all are thread-safe.
 * ------------------------------------------------------------------------------------- */

/* Reports that the host's handling of a processed message failed.
 * chat / message_id: NUL-terminated UTF-8, the message's "chat" and "id" as in its context.
 * error_json_or_NULL: NULL, a NUL-terminated JSON string (the message) or object
 *   {"status"?: string or number (default "failed"), "message"?: string (default ""), ...any
 *   other keys kept}, at most 4096 bytes.
 * The message's attempts go up by one and the error joins its history; it becomes "failed",
 * due again at now_ms plus the next delay, or "dead" when this was its last attempt. A
 * message retried by hand after it was dead goes back to dead on its next failure.
 * Error storms: a chat with "chatHealth.threshold" (5) failures within "windowSeconds" (600)
 * is parked for "parkSeconds" (300, doubled on each park in a row up to "maxParkSeconds",
 * 3600): its due retries are skipped and its submitted messages wait until then, while other
 * chats go on. Processing failures of the asynchronous path count too. Metrics report
 * "parkedChats".
 * Returns PARLEY_INVALID_ARGUMENT (engine, chat or message_id NULL or empty; now_ms out of
 * range; an error that is not a string or object; the message is not "processed": pending,
 * received, a duplicate, or already failed, dead or resolved), PARLEY_NOT_FOUND (no such
 * message), PARLEY_INVALID_UTF8, PARLEY_MALFORMED_JSON, PARLEY_TOO_LARGE (error over 4096
 * bytes), PARLEY_BUSY or PARLEY_STORAGE. */
PARLEY_API parley_status parley_message_fail(parley_engine *engine, const char *chat, const char *message_id,
                                             const char *error_json_or_NULL, int64_t now_ms);

/* Processes again every failed message due at now_ms (next attempt at or before it), soonest
 * due first, at most 256 per call.
 * out_json / out_len: receive {"schema": 1, "retried": [{"chat", "id", "attempt" (this
 *   attempt's number, 2..), "context": {enriched context, "status": "processed"}}], "more"?:
 *   true (more are due: call again), "skippedParked"?: N (due messages of parked chats, left
 *   for after their park)} (free with parley_string_free). Each context is the
 *   message run through the pipeline again (the intent model, lookups and stages as they are
 *   now) with its thread and flow as first assigned. Each retried message is "processed"
 *   again, its attempts kept: if handling it fails again, report it with parley_message_fail.
 * Returns PARLEY_INVALID_ARGUMENT (engine, out_json or out_len NULL; now_ms out of range),
 * PARLEY_CORRUPT (a stored message cannot be read back), PARLEY_BUSY or PARLEY_STORAGE. */
PARLEY_API parley_status parley_dlq_run_due(parley_engine *engine, int64_t now_ms, char **out_json, size_t *out_len);

/* Lists failed and dead messages, oldest first.
 * query_json: NULL (both states, all chats, 100) or a NUL-terminated JSON object
 *   {"state"?: "failed"|"dead"|null (both), "chat"?, "limit"?: 1..1000 (default 100)}.
 * out_json / out_len: receive {"schema": 1, "messages": [{"chat", "id", "state", "attempts",
 *   "nextAttemptAt"? (failed ones), "errors": [{"at", "attempt", "status", "message", ...}],
 *   "message": {the normalized message}}]} (free with parley_string_free).
 * Returns PARLEY_INVALID_ARGUMENT (NULL out pointers, a bad query key or value),
 * PARLEY_MALFORMED_JSON, PARLEY_INVALID_UTF8, PARLEY_TOO_LARGE (a query over
 * "limits.maxMessageBytes"), PARLEY_CORRUPT (a stored row cannot be read back) or PARLEY_STORAGE. */
PARLEY_API parley_status parley_dlq_list(parley_engine *engine, const char *query_json_or_NULL, char **out_json,
                                         size_t *out_len);

/* One message, in any state, with its dead-letter fields.
 * out_json / out_len: receive {"schema": 1, "message": {as in parley_dlq_list; "state" may
 *   also be "processed", "resolved", ...}}.
 * Returns PARLEY_INVALID_ARGUMENT (a NULL pointer, an empty chat or message_id),
 * PARLEY_INVALID_UTF8, PARLEY_NOT_FOUND (no such message), PARLEY_CORRUPT or PARLEY_STORAGE. */
PARLEY_API parley_status parley_dlq_get(parley_engine *engine, const char *chat, const char *message_id,
                                        char **out_json, size_t *out_len);

/* Processes a failed or dead message again now, whatever its schedule (a dead one gets one
 * more attempt: it is dead again if that fails).
 * out_json / out_len: receive {"schema": 1, "retried": [one entry as in parley_dlq_run_due]},
 *   the list empty when another caller retried it at the same moment.
 * Returns PARLEY_INVALID_ARGUMENT (a NULL pointer, an empty chat or message_id, now_ms out of
 * range, a message neither failed nor dead), PARLEY_INVALID_UTF8, PARLEY_NOT_FOUND,
 * PARLEY_CORRUPT, PARLEY_BUSY or PARLEY_STORAGE. */
PARLEY_API parley_status parley_dlq_retry(parley_engine *engine, const char *chat, const char *message_id,
                                          int64_t now_ms, char **out_json, size_t *out_len);

/* Marks a failed or dead message "resolved": the host dealt with it by hand; it is never
 * retried. Resolving a resolved message again is PARLEY_OK.
 * Returns PARLEY_INVALID_ARGUMENT (a NULL pointer, an empty chat or message_id, a message
 * neither failed, dead nor resolved), PARLEY_INVALID_UTF8, PARLEY_NOT_FOUND, PARLEY_BUSY or
 * PARLEY_STORAGE. */
PARLEY_API parley_status parley_dlq_resolve(parley_engine *engine, const char *chat, const char *message_id);

/* Deletes dead and resolved messages from the store.
 * query_json: NULL (both states, all chats) or a NUL-terminated JSON object {"state"?:
 *   "dead"|"resolved"|null (both), "chat"?}.
 * out_json / out_len: receive {"schema": 1, "purged": N}.
 * A purged message's id is forgotten: delivered again, it is processed as a new message.
 * Returns PARLEY_INVALID_ARGUMENT (NULL out pointers, a bad query key or value),
 * PARLEY_MALFORMED_JSON, PARLEY_INVALID_UTF8, PARLEY_BUSY or PARLEY_STORAGE. */
PARLEY_API parley_status parley_dlq_purge(parley_engine *engine, const char *query_json_or_NULL, char **out_json,
                                          size_t *out_len);

/* ---------------------------------------------------------------------------------------
 * Conversation threads
 * ------------------------------------------------------------------------------------- */

/* Lists threads, most recently active first.
 *
 * query_json: NULL (all chats, 100 threads) or a NUL-terminated JSON object
 *   {"chat"?: "250788123456@c.us", "state"?: "open"|"closed", "limit"?: 1..1000 (default 100)}.
 * out_json / out_len: receive {"schema": 1, "threads": [{"id", "chat", "topic", "reference"?,
 *   "family"?, "intent"?, "state", "openedAt", "lastActivity", "messageCount", "lastMessageId",
 *   "intents": [{"name", "count"}], "entities": [{"type", "text"}],
 *   "urgency"?: {"level", "at"} (its last urgent report, until thanks),
 *   "sentiment"?: {"average", "first", "last", "trend": "improving"|"steady"|"worsening"}}]}
 *   (free with parley_string_free).
 * Reads the store; thread-safe. Returns PARLEY_INVALID_ARGUMENT (NULL out pointers, a bad
 * query key or value), PARLEY_MALFORMED_JSON, PARLEY_INVALID_UTF8, PARLEY_TOO_LARGE (a query
 * over "limits.maxMessageBytes") or PARLEY_STORAGE. */
PARLEY_API parley_status parley_thread_list(parley_engine *engine, const char *query_json, char **out_json,
                                            size_t *out_len);

/* One thread with the enriched contexts of its messages, oldest first: at most the first 1000;
 * a longer thread's summary then carries "nextOffset" (1000), and parley_thread_messages gives
 * the rest.
 *
 * thread_id: a NUL-terminated thread id as found in a context's "thread"."id".
 * out_json / out_len: receive {"schema": 1, "thread": {the summary as in parley_thread_list,
 *   "messages": [enriched contexts], "nextOffset"?}} (free with parley_string_free).
 * Reads the store; thread-safe. Returns PARLEY_INVALID_ARGUMENT, PARLEY_INVALID_UTF8,
 * PARLEY_NOT_FOUND (no such thread) or PARLEY_STORAGE. */
PARLEY_API parley_status parley_thread_get(parley_engine *engine, const char *thread_id, char **out_json,
                                           size_t *out_len);

/* A page of a thread's messages (enriched contexts), oldest first; messages with the same
 * timestamp keep the order they arrived in, so consecutive pages neither repeat nor skip one.
 *
 * thread_id: a NUL-terminated thread id. query_json: NULL (the first 1000) or a NUL-terminated
 *   JSON object {"offset"?: >= 0 (default 0), "limit"?: 1..1000 (default 1000)}.
 * out_json / out_len: receive {"schema": 1, "thread": id, "offset", "messages": [enriched
 *   contexts], "nextOffset"?: the offset of the next page, present while messages remain}
 *   (free with parley_string_free). An offset past the end gives no messages.
 * Reads the store; thread-safe. Returns PARLEY_INVALID_ARGUMENT (NULL out pointers, an empty id,
 *   a bad query key or value), PARLEY_MALFORMED_JSON, PARLEY_INVALID_UTF8, PARLEY_NOT_FOUND (no
 *   such thread) or PARLEY_STORAGE. */
PARLEY_API parley_status parley_thread_messages(parley_engine *engine, const char *thread_id, const char *query_json,
                                                char **out_json, size_t *out_len);

/* ---------------------------------------------------------------------------------------
 * Conversation report
 * ------------------------------------------------------------------------------------- */

/* The store's conversations as one self-contained HTML page (UTF-8): inline CSS and SVG, no
 * script, nothing loaded from the network. Per chat: a timeline of its threads and their
 * topics, the tenant's intents over time, a sentiment trend with the angriest moments linked
 * to their messages, a table of the units, amounts, dates and contacts named (phone numbers
 * masked), the media with their extracted text, the engine's health (dead letters, degraded
 * periods) and the messages. Every piece of user text is escaped.
 *
 * options_json: NULL (every chat, the defaults) or a NUL-terminated JSON object
 *   {"chat"?: a chat id (only its rows are read), "title"?: the page's title (up to 200
 *    characters), "mask"?: true (default: phone numbers and e-mail addresses in every shown
 *    text are masked as in error messages; false masks only the entity table's), "generatedAt"?:
 *    Unix seconds printed as the time of the report (default now), "messageLimit"?: 0..1000000
 *    messages listed per chat (default 5000; charts and counts use all), "galleryLimit"?:
 *    0..10000 media items per chat (default 200), "chatLimit"?: 1..100000 chats shown in full,
 *    the most active (default 200; the others are listed with their counts), "embedImages"?:
 *    true (images up to 512 KB from the media directory are embedded as data: URLs)}.
 * out_html / out_len: receive the page (free with parley_string_free). A store with no
 *   messages (or no message of "chat") gives a valid page that says so.
 * Reads the store; thread-safe. Returns PARLEY_INVALID_ARGUMENT (NULL out pointers, a bad
 * option), PARLEY_MALFORMED_JSON, PARLEY_INVALID_UTF8, PARLEY_TOO_LARGE (options over
 * "limits.maxMessageBytes"), PARLEY_UNSUPPORTED (a PostgreSQL store: not yet) or PARLEY_STORAGE. */
PARLEY_API parley_status parley_report_html(parley_engine *engine, const char *options_json, char **out_html,
                                            size_t *out_len);

/* ---------------------------------------------------------------------------------------
 * Media
 *
 * A message's file is read inside processing (parley_engine_process, the workers of
 * parley_engine_submit): an image by OCR, audio by transcription, a PDF, CSV or XLSX by
 * parsing; the language stage then runs on what was read. The file comes from the host:
 *   - "media": {"data": base64} in the normalized form, or "mediaData": base64 at the top of
 *     a message in any form (whatsapp-web.js: (await msg.downloadMedia()).data): Parley keeps
 *     the bytes in the media directory under their SHA-256 before the message is journaled,
 *     and the stored message names that file ("media"."path", "media"."sha256");
 *   - "media": {"path"} or "mediaPath" at the top: a file inside the media directory (a path
 *     relative to it, or an absolute one inside it; anything outside is refused).
 * The kind is told from the file's first bytes, never from its name or mimetype.
 * The context then carries "media": {"sha256", "kind": "image"|"audio"|"document"|"video"|
 *   "other", "mimetype", "size", "text", "confidence" (0..1), "entities": [as in the context,
 *   offsets in this "text"], the reader's details (below), "milliseconds", "cached"?: true (the
 *   same file was read before: its stored reading), "skipped"?: "degraded" (its reader was shed
 *   under overload), "error"?: {"status", "message"} (the file could not be read: the message is
 *   still processed)} or {"available": false, "reason"} when the message has a media object
 *   but the host passed no bytes or path; a message with no media object has no "media" block.
 * A voice note's transcript is also read as the message's words (intent, sentiment, threads).
 * A media failure (a file that cannot be read, refused or timed out) never fails its message;
 * "mediaData" that is not base64 is a malformed message (PARLEY_INVALID_MESSAGE).
 *
 * Configuration, "media": {
 *   "directory": "media/"      where files live (default: the store's path + ".media"; none for
 *                              an in-memory store, whose inline bytes are read but not kept)
 *   "keepInline": true         keep inline bytes in the directory
 *   "maxBytes": 52428800       a larger file is not read (PARLEY_TOO_LARGE in "media"."error")
 *   "ocr": {...} | false, "voice": {...} | false, "documents": {...} | false
 *                              each reader's settings, or false to turn it off (below) }
 * Each reader has as many native handles as the worker pool has workers ("workers.max"), so
 * files are read in parallel; a call beyond waits for a free handle.
 *
 * OCR (Tesseract 5, linked), "media.ocr": {"languages": "eng" (Tesseract's, joined by "+";
 *   the traineddata must be installed), "tessdataPath"?, "maxBytes": 20971520,
 *   "maxPixels": 40000000 (read from the header before decoding: a decompression bomb is
 *   PARLEY_TOO_LARGE), "timeLimitMillis": 15000, "detectOrientation": true (Tesseract's OSD
 *   when the first pass reads poorly), "deskew": true, "upscaleBelowWidth": 400, "retry": true
 *   (other page segmentation and preprocessing when the text is near-empty or below
 *   "retryBelowConfidence": 0.6), "maxWords": 1000}. Per call, options_json may set the
 *   switches, "retryBelowConfidence", "maxWords" and "timeLimitMillis" (capped at the
 *   configured one); "languages", "tessdataPath", "maxBytes" and "maxPixels" are the engine's
 *   (the pooled Tesseract handles are loaded with them): per call they are
 *   PARLEY_INVALID_ARGUMENT, as any unknown key.
 *   EXIF orientation is applied before reading; an animated WebP (a WhatsApp animated
 *   sticker) is read by its middle frame. A photo with no text (a leak, a room) gives
 *   "text": "", no words and "confidence": 0, not what Tesseract makes of its texture.
 *   Result details: "format", "width", "height",
 *   "orientation": {"exif", "detected", "applied"}, "exif"?: {"capturedAt", "gps":
 *   {"latitude", "longitude", "altitude"?}, "device": {"make", "model"}, "orientation"},
 *   "receipt"?: {"merchant", "date", "total": {"amount", "currency"}}, "meterReadings"?,
 *   "words": [{"text", "confidence", "box": [x, y, w, h]}], "wordCount", "attempts": [{"psm",
 *   "preprocessing" ("none", "rotated", "upscaled", "normalized", "binarized", "inverted"),
 *   "rotation", "confidence", ...}], "chosenAttempt". Extra entity types:
 *   "merchant", "receiptDate" {"iso", "text"}, "receiptTotal" {"amount", "currency"?},
 *   "meterReading" {"reading", "value", "unit"?, "display"?: "seven-segment" when read from
 *   a meter's seven-segment display, which Tesseract does not read; that reading is also a line
 *   of "text"}.
 *
 * Voice notes, "media.voice": {"engine": "pocketsphinx" (offline, US English; Debian's
 *   PocketSphinx 0.8) | "host" (parley_media_set_transcriber), "maxBytes": 16777216,
 *   "maxSeconds": 600 (checked before decoding: PARLEY_TOO_LARGE), "acousticModel",
 *   "languageModel", "dictionary" (PocketSphinx model paths), "language": "en",
 *   "grammar"?: JSGF text | "phrases"?: ["yes", "no", "book a viewing"] (decode against a
 *   small grammar: near-perfect for menu replies)}; per call: {"engine", "grammar" | "phrases",
 *   "language"}. Ogg/Opus (WhatsApp's voice notes, libopusfile) and WAV (integer PCM of 8 to 32
 *   bits, 32- or 64-bit float); other audio is PARLEY_UNSUPPORTED, a truncated or corrupt
 *   file PARLEY_BAD_MEDIA. Result details:
 *   "engine", "language", "seconds", "sampleRate", "format": "opus"|"wav", "mode":
 *   "language-model"|"grammar", "realTimeFactor". The model loads at the first note (~1 s).
 *
 * Documents, "media.documents": {"maxBytes": 52428800, "maxPages": 200, "maxRows": 100000,
 *   "maxSheets": 32, "maxUncompressedBytes": 104857600 and "maxCompressionRatio": 1000 (an
 *   XLSX zip bomb is PARLEY_TOO_LARGE before it is inflated), "maxResultRows": 1000,
 *   "maxFields": 200, "timeoutMillis": 30000, "ocrPages": 5, "ocrDPI": 300}; per call:
 *   {"password", "maxPages", "maxRows"}. PDF text through poppler-glib (an encrypted PDF
 *   without its password is PARLEY_BAD_MEDIA). A PDF without a text layer (a scan) has
 *   "scanned": true; when "media.ocr" is on, its first "ocrPages" pages are rendered at "ocrDPI"
 *   and read by OCR ("ocrPages": N in the result, "confidence" their mean word confidence;
 *   pages left unread mark it "truncated"; a scan holding an image over "ocr.maxPixels" is
 *   PARLEY_TOO_LARGE before anything is rendered). Receipt fields ("merchant", "receiptDate",
 *   "receiptTotal", "meterReading", as for OCR) are looked for in a PDF's text. CSV (delimiter, quoting, UTF-8/UTF-16/
 *   Windows-1252 detected), XLSX (shared strings, numbers, dates as ISO 8601). Result details:
 *   "format": "pdf"|"csv"|"xlsx", "pages": [{"number", "text"}] | "csv": {"delimiter",
 *   "encoding", "header", "rows", "rowCount"} | "sheets": [{"name", "header", "rows",
 *   "rowCount"}] (in both, "rows", "rowCount" and "maxRows" count data rows: a header row, when
 *   one is found, is in "header" only), "truncated" (a limit cut it short), "metadata". Extra entity type: "field"
 *   {"key", "value"} for "Key: value" lines and two-cell rows ("Rent: RWF 350,000"), beside
 *   the entities inside it.
 * ------------------------------------------------------------------------------------- */

/* Reads one image (JPEG, PNG, WebP, TIFF, GIF, BMP) with OCR; one file given as bytes. Nothing
 * is stored.
 *
 * bytes / len: the file. options_json: NULL or a NUL-terminated JSON object: "timestamp" (Unix
 *   seconds that relative dates in the text are resolved against; default now) and the
 *   reader's options (below).
 * out_json / out_len: receive {"sha256", "text", "confidence", "entities", the reader's
 *   details, "milliseconds"} (free with parley_string_free).
 * Blocks while the reader works (up to its time limit); thread-safe, readers run in parallel.
 * Returns PARLEY_INVALID_ARGUMENT (NULL pointers, len 0, bad options: checked before the
 * bytes, whatever they hold), PARLEY_INVALID_UTF8,
 * PARLEY_MALFORMED_JSON, PARLEY_BAD_MEDIA (corrupt, truncated, encrypted, or not an image),
 * PARLEY_TOO_LARGE (bytes or pixels over the limits), PARLEY_TIMEOUT, PARLEY_UNSUPPORTED (the
 * reader is turned off or the format is not read). */
PARLEY_API parley_status parley_media_ocr(parley_engine *engine, const unsigned char *bytes, size_t len,
                                          const char *options_json, char **out_json, size_t *out_len);

/* Transcribes one audio file (WhatsApp's Ogg/Opus voice notes, WAV); as parley_media_ocr. */
PARLEY_API parley_status parley_media_transcribe(parley_engine *engine, const unsigned char *bytes, size_t len,
                                                 const char *options_json, char **out_json, size_t *out_len);

/* Parses one document (PDF, CSV, XLSX); as parley_media_ocr. */
PARLEY_API parley_status parley_media_parse_document(parley_engine *engine, const unsigned char *bytes, size_t len,
                                                     const char *options_json, char **out_json, size_t *out_len);

/* A transcriber of the host's own (another language, a cloud service), for audio where
 * "media.voice.engine" or a call's options say "host".
 *
 * Called on Parley's threads (workers, or the thread of a parley_media_transcribe call), at
 * once on several when several notes are read: it must be thread-safe. audio / audio_len: the
 * file as received; pcm16k / samples: its audio decoded, mono, 16 kHz, 16-bit; options_json:
 * the call's options as a JSON object ("{}" for a message). It answers with
 * parley_transcript_reply_set(reply, text, confidence) and returns PARLEY_OK, or returns
 * another status (the reading then fails with it; the message is still processed). Every
 * pointer is valid only during the call. */
typedef struct parley_transcript_reply parley_transcript_reply;
typedef parley_status (*parley_transcriber)(void *user_data, const unsigned char *audio, size_t audio_len,
                                            const int16_t *pcm16k, size_t samples, const char *options_json,
                                            parley_transcript_reply *reply);

/* Registers the host transcriber (NULL removes it); user_data is passed back untouched.
 * Returns PARLEY_INVALID_ARGUMENT (engine NULL) or PARLEY_UNSUPPORTED (the voice reader is
 * turned off). Thread-safe; a reading already running keeps the transcriber it started with. */
PARLEY_API parley_status parley_media_set_transcriber(parley_engine *engine, parley_transcriber transcriber,
                                                      void *user_data);

/* The host transcriber's answer: text (NUL-terminated UTF-8, copied) and confidence (0..1).
 * Returns PARLEY_INVALID_ARGUMENT (NULL, confidence out of range) or PARLEY_INVALID_UTF8. */
PARLEY_API parley_status parley_transcript_reply_set(parley_transcript_reply *reply, const char *text,
                                                     double confidence);

/* The gallery: the media of processed messages, newest first, one entry per message.
 *
 * query_json: NULL (everything, 100 entries) or a NUL-terminated JSON object narrowing it:
 *   {"chat"?, "thread"?, "sender"?, "kind"?: "image"|"audio"|"document"|"video"|"other",
 *    "since"?, "until"? (Unix seconds, inclusive), "text"? (words of the extracted text, all of
 *    them, the last one as a prefix, or of the caption), "limit"?: 1..1000 (100), "offset"?}.
 * out_json / out_len: receive {"schema": 1, "media": [{"sha256", "kind", "mimetype"?, "size",
 *   "path"?, "status": "read"|"failed"|"skipped"|"unread", "chat", "messageId", "sender",
 *   "timestamp", "type", "caption"?, "thread"?, "text", "entities"?}]}.
 * Reads the store; thread-safe. Returns PARLEY_INVALID_ARGUMENT (NULL out pointers, a bad
 * query key or value), PARLEY_MALFORMED_JSON, PARLEY_INVALID_UTF8, PARLEY_TOO_LARGE (a query
 * over "limits.maxMessageBytes") or PARLEY_STORAGE. */
PARLEY_API parley_status parley_gallery_query(parley_engine *engine, const char *query_json, char **out_json,
                                              size_t *out_len);

/* One media item: each file is stored once, by the SHA-256 of its bytes.
 *
 * sha256: NUL-terminated, lowercase hex (or base64, as WhatsApp clients give it).
 * out_json / out_len: receive {"schema": 1, "item": {"sha256", "kind", "mimetype"?, "size",
 *   "path"?, "status", "firstSeen", "result": the context's "media" block as first read,
 *   "messages": [{"chat", "messageId", "sender", "timestamp", "type", "caption"?, "thread"?}]}}.
 * Returns PARLEY_INVALID_ARGUMENT, PARLEY_INVALID_UTF8, PARLEY_NOT_FOUND or PARLEY_STORAGE. */
PARLEY_API parley_status parley_gallery_get(parley_engine *engine, const char *sha256, char **out_json,
                                            size_t *out_len);

/* ===== Import ===== */

/* Imports a WhatsApp "Export chat" file into the store: every message goes through the whole
 * pipeline (an attached image is read by OCR, a voice note transcribed, a document parsed, then
 * entities, intent, sentiment, threads) and into the journal as a message of one chat, like a
 * host's message. Importing the same export again adds nothing: each message's id is derived
 * from the chat, its local date and time, its sender, its ordinal among identical messages of
 * that time and its text ("export-" + 24 hex digits).
 *
 * path: NUL-terminated; the chat's .txt (Android "12/03/2025, 14:05 - Name: text" or iOS
 *   "[12/03/2025, 14:05:33] Name: text"; 12- or 24-hour clock; 2- or 4-digit years; '/', '.'
 *   or '-'; UTF-8 with or without BOM, UTF-16 with BOM), read in chunks so its size does not
 *   matter, or the .zip WhatsApp shares (the .txt plus the media; up to 1 GiB, read whole).
 *   Attachments named in a .txt alone are looked for beside it.
 * options_json: NULL or a NUL-terminated JSON object: {"chat"?: the chat id (default: the name
 *   in the file name, "WhatsApp Chat with X.txt" -> "X"), "timeZone"?: IANA name or offset the
 *   export's local times are in (default: the configuration's "timeZone", else UTC),
 *   "dateOrder"?: "dmy" | "mdy" (default: detected from the whole file, where a value over 12
 *   settles it, else the configuration's order: "dayFirst" or "region")}.
 * out_json / out_len: receive the summary (free with parley_string_free): {"schema": 1, "file",
 *   "chat", "format": "android"|"ios", "dateOrder": "dmy"|"mdy", "dateOrderSource":
 *   "detected"|"option"|"default", "timeZone", "encoding", "lines", "messages" (a person's
 *   messages read), "imported" (new in the journal), "duplicates" (imported before),
 *   "repeats" (new, but the same sender and text within "dedup.contentWindowSeconds": stored
 *   as duplicates of the first), "failed", "deleted" ("This message was deleted": not
 *   imported), "edited" (the marker is removed from the text), "truncated" (text cut at
 *   "limits.maxMessageBytes"), "systemEvents" (joins, the encryption notice, number and group
 *   changes: not messages), "events": [{"line", "timestamp", "kind", "text"}] (the first 50),
 *   "media" (attachments read), "mediaMissing" ("<Media omitted>" and named files the export
 *   does not hold), "mediaErrors": [{"line", "file", "status", "message"}], "unparsedLines":
 *   [{"line", "text"}] (lines before the first message in no known format: the first 20),
 *   "unparsedCount", "invalidBytes" (not valid UTF-8: replaced by U+FFFD, or the line read as
 *   Windows-1252 when it has no valid UTF-8 sequence), "recodedLines", "cutLines" (over 1 MiB),
 *   "errors": [{"line", "status", "message"}] (the first 20 failed messages), "elapsedMs"}.
 *   Lines in no known format after the first message continue the message before them.
 * Blocks until the export is imported (journal commits of 256 messages); thread-safe.
 * Returns PARLEY_INVALID_ARGUMENT (NULL pointers, an empty path or file, a directory, a bad
 * option, a zip without a chat .txt), PARLEY_INVALID_UTF8, PARLEY_MALFORMED_JSON,
 * PARLEY_NOT_FOUND (no such file), PARLEY_UNSUPPORTED (no line has a WhatsApp date and time
 * prefix), PARLEY_CORRUPT (a truncated or corrupt zip: the message names the file),
 * PARLEY_TOO_LARGE (a zip bomb, an archive over 1 GiB) or PARLEY_STORAGE; a message that
 * fails is counted in the summary, not returned. */
PARLEY_API parley_status parley_import_chat(parley_engine *engine, const char *path, const char *options_json,
                                            char **out_json, size_t *out_len);

/* ===== Session ===== */

/* Session care: one bot process per WhatsApp account (a lock in the account's session
 * directory), the client's connection state as a state machine fed by the host's
 * whatsapp-web.js or Baileys events, heartbeats, a health score, a watchdog for the silent
 * stall, and pre-flight checks. The lock needs no engine; the rest lives in the engine's
 * memory (nothing survives parley_engine_close). Configure in parley_engine_open's config_json
 * (every key optional; unknown keys and out-of-range values are PARLEY_INVALID_CONFIG):
 *   "session": {"staleAfterMs": 45000,        a lock heartbeat older than this is stale (pre-flight)
 *               "stallAfterMs": 600000,       silence that counts as a stall while chats are active
 *               "activeWindowMs": 1800000,    chats seen inbound in this window count as active
 *               "minActiveChats": 1,
 *               "heartbeatIntervalMs": 30000, "heartbeatStaleMs": 120000,
 *               "windowMs": 300000,           error rate and latency are judged over it
 *               "disconnectWindowMs": 3600000,
 *               "historySize": 50,            transitions kept per account
 *               "thresholds": {"critical": 60, "warning": 75, "recovered": 80,
 *                              "latencyGoodMs": 1000, "latencyBadMs": 10000},
 *               "backoff": {"initialMs": 1000, "maxMs": 300000, "multiplier": 2, "jitter": 0.2,
 *                           "resetAfterMs": 60000, "seed"?: integer (deterministic jitter)},
 *               "lockDirectories": {"<account>": "<session directory>"}}
 * Accounts are named by the host (1 to 128 bytes, "default" when omitted; at most 64 per
 * engine). Times are the host's now_ms / "at": milliseconds since the epoch on the host's
 * clock, 0 to 2^53. The engine's calls take one short lock, never block on I/O (pre-flight
 * reads the lock file) and are thread-safe. */

/* A held session lock. Opaque; release it with parley_session_lock_release. */
typedef struct parley_session_lock parley_session_lock;

/* Takes the session lock of session_dir (an existing directory): the file
 * ".parley-session.lock" in it (created 0600, never followed through a symbolic link) records
 * the holder (owner, pid, host, boot id, process start time, a random token, heartbeat). Every
 * read-modify-write of the file happens under flock(2), so two processes never both take it.
 * A holder is taken over at once when its process is gone (same host and boot: no such pid, a
 * zombie, or the pid now belongs to a later process), or when its heartbeat is older than
 * "staleAfterMs" (a stopped or hung process; a holder on another host).
 * options_json: NULL or a NUL-terminated object {"staleAfterMs": 1..86400000 (45000),
 *   "owner": 1..128 bytes (default "<host>:<pid>")}.
 * out_lock: receives the lock (NULL on failure). Keep it refreshed: call
 *   parley_session_lock_refresh well within staleAfterMs (every staleAfterMs / 3, say).
 * Blocks only while another process holds the file's flock mid-update (microseconds; at most
 * 2 s before PARLEY_BUSY). Thread-safe.
 * Returns PARLEY_BUSY (held by a live, fresh holder: parley_last_error() names its owner, pid,
 * host, since when and its heartbeat's age), PARLEY_NOT_FOUND (no such directory),
 * PARLEY_INVALID_ARGUMENT (NULL session_dir or out_lock, empty path, not a directory, a bad
 * option), PARLEY_MALFORMED_JSON, PARLEY_INVALID_UTF8 or PARLEY_STORAGE (the lock file cannot
 * be opened or written, or is a symbolic link). */
PARLEY_API parley_status parley_session_lock_acquire(const char *session_dir, const char *options_json,
                                                     parley_session_lock **out_lock);

/* The heartbeat: rewrites the lock's heartbeat if this handle still holds it.
 * Returns PARLEY_OK, PARLEY_BUSY when another process took the lock over (this process's
 * heartbeat went stale, e.g. it was stopped: stop using the session; parley_last_error() names
 * the new holder), PARLEY_NOT_FOUND when the lock file was emptied or removed or the lock was
 * released, PARLEY_INVALID_ARGUMENT (lock NULL) or PARLEY_STORAGE. Once lost, every later
 * refresh fails the same way (take a new lock with parley_session_lock_acquire). Use one
 * handle from one thread at a time. */
PARLEY_API parley_status parley_session_lock_refresh(parley_session_lock *lock);

/* What the lock file says about this handle's acquisition.
 * out_json / out_len: receive {"schema": 1, "owner", "pid", "host", "boot", "start"?, "token",
 *   "acquiredAt", "heartbeat" (wall-clock ms), "path", "lost"? (why a refresh failed)}
 *   (free with parley_string_free). Reads no file. Returns PARLEY_INVALID_ARGUMENT (NULL). */
PARLEY_API parley_status parley_session_lock_info(parley_session_lock *lock, char **out_json, size_t *out_len);

/* Releases the lock (empties the lock file if this handle still holds it; a lock taken over
 * is left to its new holder) and frees the handle. NULL is a harmless no-op. */
PARLEY_API void parley_session_lock_release(parley_session_lock *lock);

/* Feeds one client event to the account's state machine and answers with advice.
 * event_json / len: {"account"?: "default", "event": ..., "at": now_ms, ...}, where "event" is
 *   whatsapp-web.js's: "qr", "authenticated", "auth_failure" ("message"?), "ready",
 *     "loading_screen", "disconnected" ("reason": "LOGOUT", "NAVIGATION", "CONFLICT",
 *     "UNPAIRED", "UNLAUNCHED", "TOS_BLOCK", "Max qrcode retries reached", ...),
 *     "change_state" ("state": a WAState: CONNECTED, OPENING, PAIRING, TIMEOUT, CONFLICT,
 *     UNPAIRED, UNPAIRED_IDLE, UNLAUNCHED, DEPRECATED_VERSION, PROXYBLOCK, TOS_BLOCK,
 *     SMB_TOS_BLOCK);
 *   or Baileys' "connection.update" with the update's fields beside it (or under "update"):
 *     "connection": "connecting"|"open"|"close", "qr"?, "isNewLogin"?,
 *     "lastDisconnect": {"error": {"output": {"statusCode": DisconnectReason}}};
 *   or "start" / "reconnecting" (the host (re)starts its client).
 * States: initializing, qr, authenticated, ready, disconnected, reconnecting, failed,
 *   logged_out. Disconnect reasons map to: logged out (LOGOUT, UNPAIRED, 401 loggedOut, 516)
 *   -> logged_out, advice "repair"; replaced by another client (CONFLICT, 440) -> disconnected,
 *   "stop"; banned or refused (403 forbidden, TOS_BLOCK, PROXYBLOCK, DEPRECATED_VERSION) ->
 *   failed, "stop"; unusable session (500 badSession, 411 multideviceMismatch, auth_failure)
 *   -> failed, "repair"; 515 restartRequired -> disconnected, "reconnect" with delayMs 0 (not a
 *   failure); anything else (408, 428, 503, NAVIGATION, UNLAUNCHED) -> disconnected,
 *   "reconnect" after initialMs * multiplier^(failures-1) (at most maxMs, +/- jitter).
 * out_json / out_len: receive {"schema": 1, "account", "event", "state", "previous", "changed",
 *   "reason"?, "code"? (Baileys status code), "consecutiveFailures", "advice": {"action":
 *   "none"|"wait"|"reconnect"|"repair"|"stop", "delayMs"?, "reason"}}.
 * An event repeated in the same state changes nothing (changed: false).
 * Returns PARLEY_INVALID_ARGUMENT (NULL pointers, zero length, no "at", a missing field, a 65th
 * account, or an illegal transition: the message names from and to, and the state is
 * unchanged), PARLEY_UNSUPPORTED (an unknown event name), PARLEY_MALFORMED_JSON,
 * PARLEY_INVALID_UTF8 or PARLEY_TOO_LARGE. */
PARLEY_API parley_status parley_session_event(parley_engine *engine, const char *event_json, size_t len,
                                              char **out_json, size_t *out_len);

/* A heartbeat from the host's client: {"account"?, "at": now_ms, "latencyMs"? (a round trip,
 * e.g. a getState() call), "ok"?: bool (did the probe succeed; default true), "inbound"?
 * (messages received since the last heartbeat), "activeChats"? (chats active now)}.
 * Returns PARLEY_INVALID_ARGUMENT (NULL, zero length, an unknown key, a value out of range),
 * PARLEY_MALFORMED_JSON, PARLEY_INVALID_UTF8 or PARLEY_TOO_LARGE. */
PARLEY_API parley_status parley_session_heartbeat(parley_engine *engine, const char *heartbeat_json, size_t len);

/* The health of one account (account NUL-terminated) or of every account (NULL) at now_ms.
 * Score 0..100: 100 minus error rate (up to 40, all of it at 50% failed heartbeats), latency
 * (up to 20 between latencyGoodMs and latencyBadMs), disconnects in the last hour (10 each, up
 * to 30), heartbeat age (up to 40 between heartbeatIntervalMs and heartbeatStaleMs) and a
 * stall (30), capped by the state (ready 100; authenticated, reconnecting 70; initializing, qr,
 * disconnected 50; failed, logged_out 10). Level: critical below "critical", warning below
 * "warning"; once warning or critical, healthy again only at "recovered" or above. The
 * watchdog flags a stall when the client is ready, no inbound message came for stallAfterMs
 * (heartbeats' "inbound" and the messages the engine processed: messages name no account, so
 * each counts for every account, and processing creates none), and at least minActiveChats
 * chats are active (the last heartbeat's "activeChats", else chats seen inbound lately).
 * out_json / out_len: receive {"schema": 1, "score" (the lowest), "level" (the worst, "unknown"
 *   with no account), "accounts": [{"account", "score", "level", "levelSince", "state",
 *   "stateSince", "consecutiveFailures", "components": {"errorRate", "heartbeats",
 *   "latencyMs", "disconnects", "heartbeatAgeMs", "cost": {...}}, "watchdog": {"stalled",
 *   "silentMs", "stallAfterMs", "activeChats", "stalls"}, "advice", "history": [{"at", "event",
 *   "from", "to", "reason"?}] (the last 20)}]}. Call it at a steady pace: the level moves here.
 * Returns PARLEY_NOT_FOUND (an account never seen), PARLEY_INVALID_ARGUMENT (NULL out
 * pointers, an account name of 0 or over 128 bytes, now_ms out of range) or
 * PARLEY_INVALID_UTF8. */
PARLEY_API parley_status parley_session_health(parley_engine *engine, const char *account, int64_t now_ms,
                                               char **out_json, size_t *out_len);

/* Checks before serving an account (account NULL: "default"):
 *   store      the store's file and directory are writable and 16 MB are free (nothing written);
 *   lock       this process holds the session lock of session.lockDirectories[account] with a
 *              heartbeat younger than session.staleAfterMs on the wall clock (the lock file's
 *              times are wall-clock ms, not now_ms; "skipped": true when none is configured);
 *   state      the client is ready;
 *   heartbeat  the last heartbeat is younger than session.heartbeatStaleMs at now_ms.
 * out_json / out_len: receive {"schema": 1, "account", "ok" (every check passed), "checks":
 *   [{"name", "ok", "skipped"?, "detail"}]}.
 * Returns PARLEY_INVALID_ARGUMENT (NULL out pointers, a bad account name, now_ms out of range)
 * or PARLEY_INVALID_UTF8; a failing check is not a failing call. */
PARLEY_API parley_status parley_session_preflight(parley_engine *engine, const char *account, int64_t now_ms,
                                                  char **out_json, size_t *out_len);

/* ===== Outbox ===== */
/* ---------------------------------------------------------------------------------------
 * Outbox: outbound sends under WhatsApp's limits
 *
 * The host queues its replies and notices with parley_outbox_enqueue; Parley stores each in
 * the store before the call returns and hands them back with parley_outbox_next_batch only as
 * fast as the limits allow at the host's time now_ms; the host performs each send through its
 * own client (Cloud API, whatsapp-web.js, Baileys) and reports the outcome with
 * parley_outbox_confirm. Delivery statuses (sent < delivered < read, failed terminal) move a
 * send forward only, whatever order they arrive in: through parley_outbox_delivery, or by
 * themselves from a Cloud API webhook given to parley_engine_ingest_webhook (its answer then
 * lists the matched ones under "outbox": [{"id", "messageId", "state", "changed"}]).
 *
 * Limits, enforced together ("outbox" in parley_engine_open's config_json; every key optional;
 * unknown keys and out-of-range values are PARLEY_INVALID_CONFIG):
 *   "outbox": {"preset": "default"|"cloudApi"|"unofficial",
 *              "tier": 250|1000|2000|10000|100000|0,  new contacts a day (0: unlimited)
 *              "perSecond": 30, "perMinute": 1000, "perHour": 10000,  sliding windows over hand-outs
 *              "recipient": {"minSpacingMs": 1000, "burst": 3},  per-recipient token bucket
 *              "newContactsPerDay": 1000,   recipients in a rolling 24 h neither messaged in the
 *                                           previous 24 h nor inside their service window (0: no budget)
 *              "maxPerRecipientBatch": 1,   sends to one recipient in one batch
 *              "priorityWeights": {"high": 16, "normal": 4, "low": 1},  shares while all lanes wait
 *              "highReserve": 0.05,         share of each window (1 s, 1 min, 1 h) only high-priority
 *                                           sends may use: an urgent reply never waits for the hour's
 *                                           budget that bulk sends used up (0..0.9)
 *              "jitter": {"minMs": 0, "maxMs": 0, "seed"},  a random gap between consecutive hand-outs
 *              "retries": {"max": 3, "baseMs": 1000, "maxMs": 300000},  exponential, +-20 % jitter
 *              "leaseMs": 60000,            an unconfirmed send is offered again after this
 *              "rateLimitRetryMs": 1000,
 *              "throttle": {"minFactor": 0.05, "recoverEveryMs": 10000, "recoverStep": 0.1},
 *              "breaker": "whatsapp-send",  the circuit breaker (see "Circuit breakers") consulted
 *              "line": ""}                  the WhatsApp number this engine sends through: on a
 *                                           shared PostgreSQL store every limit above is counted
 *                                           once per line for all instances using it
 * "cloudApi": 80/s (4800/min, 288000/h), one send per 6 s to a recipient (the pair rate), tier
 * 250 unless "tier" says otherwise. "unofficial" (a personal number): 1/s, 20/min, 300/h, 5 s
 * between sends to one recipient (burst 2), 50 new contacts a day, and a random 2-8 s gap
 * between hand-outs, so no fixed interval shows.
 * A rate-limit error (Cloud API 130429, 131056 (also holds that recipient), 131048, 80007, 4;
 * HTTP 429; Baileys "rate-overlimit") halves every limit (at most once a second, down to
 * "minFactor") and re-offers the send after "rateLimitRetryMs" without counting it as the
 * send's failure; each "recoverEveryMs" without one gives "recoverStep" back. A permanent error
 * (131026, 131047, 131051, 131008, 131009, 132xxx templates, ...) fails the send at once; any
 * other is retried, then "failed". Only those others count against the breaker; while it is
 * open, batches are empty.
 * Sends are durable; the scheduler's state (rate windows, leases) is rebuilt from the store
 * on the first outbox call after open, so a crash between next_batch and confirm re-offers the
 * send after its lease (at least once: use "idempotencyKey" to deduplicate on the host side).
 * So is the throttle: after a restart it goes on from where the last rate-limit error left
 * it, recovering from that error's time.
 * One engine per store drives an outbox. Times are the host's: now_ms in ms since the epoch,
 * 0 to 2^53, from the same clock on every call; the outbox never reads the wall clock and never
 * moves its time back. Each call takes the outbox's lock and commits to the store (one
 * transaction; microseconds in memory, a commit on a file store); all are thread-safe.
 * ------------------------------------------------------------------------------------- */

/* Queues a send.
 * send_json / len: UTF-8 JSON {"to": a phone number or WhatsApp id ("250788123456@c.us",
 *   "+250 788 123 456", a Cloud API wa_id: one recipient, its digits), "text"?: string,
 *   "media"?: object or string (opaque to Parley, handed back), at least one of the two,
 *   "priority"?: "high"|"normal"|"low" (normal), "idempotencyKey"?: 1..512 bytes (the same key
 *   again returns the first send's id and stores nothing), "at"?: now_ms before which it is not
 *   handed out, "meta"?: any JSON handed back}. Unknown keys are refused.
 * out_id: receives the send's id (> 0); 0 on failure.
 * Returns PARLEY_INVALID_ARGUMENT (NULL pointers, len 0, a bad field: the message names it,
 * never the number), PARLEY_MALFORMED_JSON, PARLEY_INVALID_UTF8, PARLEY_TOO_LARGE
 * ("limits.maxMessageBytes"), PARLEY_BUSY or PARLEY_STORAGE. */
PARLEY_API parley_status parley_outbox_enqueue(parley_engine *engine, const char *send_json, size_t len,
                                               uint64_t *out_id);

/* The sends the host may perform now: never more than the windows, the recipients' buckets,
 * the new-contact budget and the breaker allow at now_ms. Each is leased for "leaseMs":
 * confirm it, or it is offered again (with "attempt" one higher).
 * max: 1..10000 sends at most.
 * out_json / out_len: receive {"schema": 1, "sends": [{"id", "to" (as enqueued), "recipient"
 *   (digits), "text"?, "media"?, "meta"?, "priority", "attempt" (1 for the first hand-out),
 *   "outsideServiceWindow": true when the recipient's last inbound message in the journal is
 *   older than 24 h or absent (flagged, not blocked: the Cloud API then needs a template),
 *   "idempotencyKey"?}], "nextAt": now_ms when calling again may give more (null: nothing
 *   waits), "throttle": 0..1, "breaker": "closed"|"open"|"half_open"} (free with
 *   parley_string_free). A recipient's due sends come in the order queued, whatever their
 *   priority (retries and expired leases first, in the order queued); priority orders
 *   recipients: one with a high send waiting goes in the high lane, its earlier sends first.
 * Returns PARLEY_INVALID_ARGUMENT (NULL pointers, now_ms or max out of range), PARLEY_BUSY or
 * PARLEY_STORAGE (then the chosen sends stay leased and come back after their lease). */
PARLEY_API parley_status parley_outbox_next_batch(parley_engine *engine, int64_t now_ms, size_t max,
                                                  char **out_json, size_t *out_len);

/* Records the outcome of a send handed out.
 * ok non-zero: sent. error_json NULL or {"messageId": the provider's id ("wamid...", a
 *   whatsapp-web.js id._serialized, a Baileys key.id), "at"?: now_ms} (the Cloud API's answer
 *   {"messages": [{"id"}]} works too): the id lets delivery statuses find the send.
 * ok 0: error_json is the send API's error, as JSON ({"code": 130429}, {"error": {"code":
 *   131056, ...}}, {"error": "rate-overlimit"}, a Boom {"message", "data": 429}) or plain text,
 *   with an optional "at": now_ms; NULL is an unknown failure (retried).
 * Either JSON may carry "attempt": the hand-out's "attempt" from next_batch (1 or more), which
 * names the hand-out reported. A failure counts only for the send's current lease: one naming
 * another hand-out, for a send already settled, or re-offered after its lease meanwhile, is
 * PARLEY_OK and changes nothing. A failure naming no hand-out while an expired hand-out's report
 * is still due (one per expired lease) is taken for that late report (the current hand-out, if
 * it was its own, is offered again after its lease); name the hand-out to be exact. A success
 * always counts, also for a send an earlier failure report marked failed.
 * Returns PARLEY_NOT_FOUND (no such send), PARLEY_INVALID_ARGUMENT (engine NULL, id 0, a
 * success detail that is not an object), PARLEY_INVALID_UTF8, PARLEY_TOO_LARGE, PARLEY_BUSY or
 * PARLEY_STORAGE. */
PARLEY_API parley_status parley_outbox_confirm(parley_engine *engine, uint64_t id, int ok, const char *error_json);

/* The outbox at the latest now_ms seen.
 * out_json / out_len: receive {"schema": 1, "preset", "depth": {"high", "normal", "low" (due,
 *   waiting), "delayed" (retries, "at" in the future), "leased"}, "states": {"queued", "leased",
 *   "sent", "delivered", "read", "failed"} (every send stored), "counters": {"enqueued",
 *   "handedOut", "sent", "failed", "retried", "rateLimited", "leaseExpired", "deliveryUpdates"}
 *   (since open), "rates": {"perSecond"|"perMinute"|"perHour": {"current", "limit",
 *   "effective"}}, "newContacts": {"last24h", "limit"}, "throttle", "breaker",
 *   "oldestWaitingMs" (null when none waits), "now"}.
 * Counts states in the store (milliseconds for 100,000 sends). Returns PARLEY_INVALID_ARGUMENT
 * or PARLEY_STORAGE. */
PARLEY_API parley_status parley_outbox_status(parley_engine *engine, char **out_json, size_t *out_len);

/* Applies one delivery status: a Cloud API status object ({"id", "status": "sent"|"delivered"|
 * "read"|"failed", "timestamp", "errors"?}), {"messageId", "status", "timestamp"?}, a
 * whatsapp-web.js ack ({"id": {"_serialized"} or string, "ack": -1..4}) or a Baileys update
 * ({"key": {"id"}, "update": {"status": 0..5}}). States only move forward; read and failed are
 * final. Timestamps in seconds are kept as ms.
 * Returns PARLEY_NOT_FOUND (no send has that message id, or the status carries no progress:
 * pending, deleted), PARLEY_INVALID_ARGUMENT (no id, an unknown status), PARLEY_MALFORMED_JSON,
 * PARLEY_INVALID_UTF8, PARLEY_TOO_LARGE, PARLEY_BUSY or PARLEY_STORAGE. */
PARLEY_API parley_status parley_outbox_delivery(parley_engine *engine, const char *status_json, size_t len);

/* One send.
 * out_json / out_len: receive {"schema": 1, "send": {"id", "to", "recipient", "text"?, "media"?,
 *   "meta"?, "priority", "state": "queued"|"leased"|"sent"|"delivered"|"read"|"failed",
 *   "attempts" (hand-outs), "failures", "notBefore", "enqueuedAt" (now_ms values), "leasedUntil"?,
 *   "messageId"?, "lastError"?, "sentAt"?, "deliveredAt"?, "readAt"?, "failedAt"?,
 *   "idempotencyKey"?}}.
 * Returns PARLEY_NOT_FOUND, PARLEY_INVALID_ARGUMENT or PARLEY_STORAGE. */
PARLEY_API parley_status parley_outbox_get(parley_engine *engine, uint64_t id, char **out_json, size_t *out_len);

/* ===== API cache ===== */
/* ---------------------------------------------------------------------------------------
 * API cache: the host's reads of Google Sheets and the like, kept in memory per engine
 *
 * A property bot reads the same tenants, units and rent rows again and again; every read of
 * the Sheets API costs quota and a few hundred milliseconds. Parley keeps the answers (any
 * bytes: JSON text typically) under keys the host chooses ("sheets:rent!A1:F200"), each
 *   fresh  until put time + "ttlMs": served as is;
 *   stale  for "staleMs" more: still served, flagged stale, while ONE caller refreshes it;
 *   gone   after that (a get is PARLEY_NOT_FOUND).
 * Values longer than "compressAboveBytes" are deflated (zlib) when that saves at least an
 * eighth. Beyond "maxBytes" (keys, stored bytes and per-entry bookkeeping, counted) the least
 * recently used entries are evicted. Tags group entries for invalidation ("sheet:rent",
 * "unit:12"); a write through the bot invalidates what it changes: parley_cache_put's
 * "invalidates", parley_cache_invalidate_tag, _prefix or the key itself.
 * Single flight: at most one fetch per key is in flight (a lease). parley_cache_fetch does it
 * all with a host fetcher; hosts that fetch asynchronously (Node) use parley_cache_get,
 * parley_cache_lease, then parley_cache_put with the lease (or parley_cache_release).
 * A fetch in flight while its key is written (a put without its lease), invalidated (by key,
 * prefix, or a tag its value carries) does not store its value: it may predate the write.
 * Configure it in parley_engine_open's config_json (every key optional; out-of-range values
 * and unknown keys are PARLEY_INVALID_CONFIG):
 *   "cache": {"ttlMs": 3600000,             1..31536000000 (a year)
 *             "staleMs": 300000,            0..31536000000
 *             "maxBytes": 314572800,        4096..2^40 (300 MiB by default)
 *             "compressAboveBytes": 10240,  0 (never)..2^30
 *             "maxKeyBytes": 1024,          16..65536: the longest key, tag or prefix
 *             "leaseMs": 30000}             1..3600000: a lease not completed within it is given
 *                                           to the next caller
 * The cache lives in memory: it does not survive parley_engine_close. Time is the host's:
 * now_ms is Unix milliseconds or any clock that does not jump, 0 to 2^53, the same on every
 * call (tests drive a fake clock). Keys, tags and prefixes are NUL-terminated UTF-8 of 1 to
 * "maxKeyBytes" bytes (a prefix may be empty). Values given back are malloc'd copies, a NUL
 * after the last byte, owned by the caller: free them with parley_string_free((char *)value).
 * Every function is thread-safe; keys are spread over 16 locks, each held for a lookup or an
 * insert (well under a microsecond; copying and inflating a value happen outside it).
 * ------------------------------------------------------------------------------------- */

/* parley_cache_get's *out_stale: the value is fresh, or stale (past its TTL, in its stale
 * window: use it, and refresh it if parley_cache_lease grants you the lease). */
#define PARLEY_CACHE_FRESH 0
#define PARLEY_CACHE_STALE 1

/* Stores a value under key at now_ms, replacing the key's previous value.
 *
 * value / len: the bytes (copied; len 0 stores an empty value, value may then be NULL).
 * options_json: NULL or a NUL-terminated JSON object, every key optional:
 *   {"ttlMs": fresh for this long (the configured "ttlMs"), "staleMs": then stale for this long,
 *    "tags": ["sheet:rent", ...] (at most 32), "invalidates": [tags whose entries are dropped
 *    first: a write-through of a changed row], "lease": the id parley_cache_lease granted, when
 *    this value answers it}.
 * With "lease", the lease ends and the value is stored only if the lease was still held and
 * nothing wrote or invalidated the key (or a tag of this value) since it was granted; either
 * way the call succeeds (parley_cache_stats counts "leasesLost"). Without "lease", a fetch of
 * the key in flight will not store its (older) value.
 * Evicts least recently used entries beyond "maxBytes"; compresses outside any lock.
 * Returns PARLEY_INVALID_ARGUMENT (engine or key NULL; key empty or too long; value NULL with
 * len > 0; now_ms out of range; a bad options key or value), PARLEY_MALFORMED_JSON,
 * PARLEY_INVALID_UTF8 or PARLEY_TOO_LARGE (one value larger than "maxBytes"). */
PARLEY_API parley_status parley_cache_put(parley_engine *engine, const char *key, const unsigned char *value,
                                          size_t len, int64_t now_ms, const char *options_json);

/* The value of key at now_ms.
 *
 * out_value / out_len: receive a copy of the value (free with parley_string_free((char *)v)).
 * out_stale: NULL, or receives PARLEY_CACHE_FRESH or PARLEY_CACHE_STALE (0 on failure).
 * Counts a hit, a stale hit or a miss in parley_cache_stats. Never blocks on a fetch.
 * Returns PARLEY_NOT_FOUND (never put, expired past its stale window, invalidated or evicted),
 * PARLEY_INVALID_ARGUMENT (engine, key, out_value or out_len NULL; key empty or too long;
 * now_ms out of range) or PARLEY_INVALID_UTF8. */
PARLEY_API parley_status parley_cache_get(parley_engine *engine, const char *key, int64_t now_ms,
                                          unsigned char **out_value, size_t *out_len, int *out_stale);

/* Asks for the lease to fetch key (after a miss, or a stale value): of any number of callers,
 * one gets it until it puts the value with {"lease": id}, releases it, or "leaseMs" pass on
 * the now_ms clock since it was granted (then the next caller gets a new lease).
 * out_lease: receives the lease id (non-zero: fetch, then parley_cache_put with {"lease": id}
 *   or parley_cache_release), or 0 when another caller holds the lease (use the stale value,
 *   or get again shortly). 0 on failure.
 * Returns PARLEY_INVALID_ARGUMENT (engine, key or out_lease NULL; key empty or too long;
 * now_ms out of range) or PARLEY_INVALID_UTF8. */
PARLEY_API parley_status parley_cache_lease(parley_engine *engine, const char *key, int64_t now_ms, uint64_t *out_lease);

/* Gives a lease up without a value (the fetch failed): the next caller may take it, and
 * parley_cache_fetch callers waiting on it try again. A lease no longer held is ignored.
 * Returns PARLEY_INVALID_ARGUMENT (engine or key NULL, key empty or too long, lease 0) or
 * PARLEY_INVALID_UTF8. */
PARLEY_API parley_status parley_cache_release(parley_engine *engine, const char *key, uint64_t lease);

/* Drops key's value (absent is no failure); a fetch of it in flight will not store its value.
 * Returns PARLEY_INVALID_ARGUMENT (engine or key NULL, key empty or too long) or
 * PARLEY_INVALID_UTF8. */
PARLEY_API parley_status parley_cache_invalidate(parley_engine *engine, const char *key);

/* Drops every entry tagged tag; out_count (NULL allowed) receives how many. A fetch in flight
 * whose value carries the tag will not store it. Visits the 16 shards one after another.
 * Returns PARLEY_INVALID_ARGUMENT (engine or tag NULL, tag empty or too long) or
 * PARLEY_INVALID_UTF8. */
PARLEY_API parley_status parley_cache_invalidate_tag(parley_engine *engine, const char *tag, size_t *out_count);

/* Drops every entry whose key starts with prefix, bytewise ("" drops everything); out_count
 * (NULL allowed) receives how many. Fetches in flight of such keys will not store. Scans every
 * key (about 20 ns each). Returns PARLEY_INVALID_ARGUMENT (engine or prefix NULL, prefix too
 * long) or PARLEY_INVALID_UTF8. */
PARLEY_API parley_status parley_cache_invalidate_prefix(parley_engine *engine, const char *prefix, size_t *out_count);

/* The host's fetcher for parley_cache_fetch: reads key from the source (the Sheets API) and
 * answers with parley_cache_reply_set(reply, value, len, options_json) and PARLEY_OK, or
 * returns another status (the fetch fails with it; see parley_cache_fetch).
 * Called on the thread that called parley_cache_fetch, outside Parley's locks, at most once
 * per key at a time across all threads. It may call Parley (other keys) but must not fetch
 * the same key again (it would wait for itself until "leaseMs"). key and reply are valid only
 * during the call. */
typedef struct parley_cache_reply parley_cache_reply;
typedef parley_status (*parley_cache_fetcher)(void *user_data, const char *key, parley_cache_reply *reply);

/* The fetcher's answer: value / len (copied; len 0 for an empty value) and options_json,
 * NULL or {"ttlMs", "staleMs", "tags"} for this value, over the fetch call's options (from an
 * HTTP Cache-Control, say). Options are checked when the fetch stores the value.
 * Returns PARLEY_INVALID_ARGUMENT (reply NULL, value NULL with len > 0) or PARLEY_INVALID_UTF8. */
PARLEY_API parley_status parley_cache_reply_set(parley_cache_reply *reply, const unsigned char *value, size_t len,
                                                const char *options_json);

/* Get-or-fetch: the value of key at now_ms, fetched through fetch(user_data, key, reply) when
 * it is missing, with one fetch per key at a time.
 *
 *   fresh   the cached value at once (out_stale 0).
 *   stale   the first caller to find it stale with no fetch in flight refreshes it: it calls
 *           fetch and gets the new value (out_stale 0) or, if fetch fails, the stale value
 *           (out_stale 1, PARLEY_OK). Every other caller gets the stale value at once
 *           (out_stale 1) without calling fetch.
 *   missing one caller calls fetch; the others wait for its result (blocking, up to "leaseMs"
 *           of real time each round, after which one of them takes the lease over) and get its
 *           value, or its failure status.
 * options_json: NULL or {"ttlMs", "staleMs", "tags"} for the fetched value (its reply's
 *   options take precedence).
 * out_value / out_len: receive a copy of the value (free with parley_string_free((char *)v)).
 * out_stale: NULL, or receives PARLEY_CACHE_FRESH or PARLEY_CACHE_STALE (0 on failure).
 * Blocks while the fetch runs (its own or another thread's); thread-safe.
 * Returns the fetcher's status when it failed (PARLEY_INTERNAL when it returned PARLEY_OK
 * without a reply, or an unknown code), PARLEY_INVALID_ARGUMENT (engine, key, fetch, out_value
 * or out_len NULL; key empty or too long; now_ms out of range; bad options, also the reply's),
 * PARLEY_MALFORMED_JSON, PARLEY_INVALID_UTF8 or PARLEY_TOO_LARGE (the fetched value exceeds
 * "maxBytes": it is not stored, and the caller gets the stale value if there is one, else
 * this status, as do the callers waiting for it). */
PARLEY_API parley_status parley_cache_fetch(parley_engine *engine, const char *key, int64_t now_ms,
                                            const char *options_json, parley_cache_fetcher fetch, void *user_data,
                                            unsigned char **out_value, size_t *out_len, int *out_stale);

/* The cache's counters since open.
 * out_json / out_len: receive {"schema": 1, "entries", "bytes" (counted against "maxBytes"),
 *   "maxBytes", "valueBytes" (the values' lengths as given), "storedBytes" (as kept, after
 *   compression), "compressedEntries", "compressionRatio" (value / stored bytes of the
 *   compressed entries; 1 when none), "requests" (gets and fetches: hits + staleHits + misses),
 *   "hits", "staleHits", "misses", "hitRate" ((hits + staleHits) / requests), "fetches"
 *   (fetcher calls and leases granted), "coalesced" (fetch callers served by another's fetch),
 *   "fetchFailures" (failed fetchers and released leases), "apiCallsSaved" (requests -
 *   fetches: calls the source did not get), "puts", "evictions", "expirations",
 *   "invalidations", "leasesLost", "inFlight"} (free with parley_string_free).
 * Returns PARLEY_INVALID_ARGUMENT (engine, out_json or out_len NULL). */
PARLEY_API parley_status parley_cache_stats(parley_engine *engine, char **out_json, size_t *out_len);

#ifdef __cplusplus
}
#endif

#endif /* PARLEY_H */
