#if canImport(Glibc)
import Glibc
#endif

/// The engine: configuration, the durable store and the pipeline. Safe to share across
/// threads; every public method may be called concurrently.
public final class Engine: Sendable {
    public let configuration: Configuration
    public let store: Store
    let pipeline: Pipeline
    let reliability = Reliability()
    let pool: WorkerPool
    /// The host's calls in progress, which `close` waits for.
    public let calls = CallGate()
    let metrics: EngineMetrics
    let chatHealth: ChatHealth
    let degradation: Guarded<(state: DegradationState, evaluatedAt: Int64)>
    let media: MediaStage
    /// The API cache of the host's reads (Engine+Cache, Cache/).
    let cache: APICache
    let outbox: Outbox
    /// The engine's own log (configuration "log", `parley_log_set_callback`).
    public let log: EventLog
    let session: SessionMonitor
    /// Chat leases of the asynchronous core on a shared PostgreSQL store (nil on SQLite).
    let ownership: ChatOwnership?

    public convenience init(configuration: Configuration = Configuration()) throws(ParleyError) {
        try self.init(configuration: configuration, mediaReaders: try Self.mediaReaders(configuration))
    }

    /// `mediaReaders`: the reader of each media kind (tests give their own).
    init(configuration: Configuration, mediaReaders: [MediaKind: any MediaReader]) throws(ParleyError) {
        self.configuration = configuration
        log = try EventLog(settings: configuration.log)
        cache = APICache(settings: configuration.cache)
        metrics = EngineMetrics(settings: configuration.metrics, now: Self.unixSeconds())
        degradation = Guarded((DegradationState(settings: configuration.degradation), .min))
        chatHealth = ChatHealth(settings: configuration.chatHealth)
        session = SessionMonitor(settings: configuration.session)
        pipeline = try Pipeline(configuration: configuration)
        media = MediaStage(settings: configuration.media, storePath: configuration.storePath, readers: mediaReaders)
        outbox = Outbox(settings: configuration.outbox)
        var retention = configuration.retention
        retention.threadIdleSeconds = configuration.threads.inactivitySeconds
        retention.mediaDirectory = MediaStage.directory(configuration.media, storePath: configuration.storePath)
        store = try Store(path: configuration.storePath, synchronous: configuration.synchronous,
                          busyTimeoutMillis: configuration.busyTimeoutMillis,
                          contentWindowSeconds: configuration.contentWindowSeconds,
                          retention: retention, scheduleRetention: true, postgres: configuration.postgres,
                          writeBehind: configuration.writeBehind)
        pool = WorkerPool(settings: configuration.async)
        if let postgres = store.postgres {
            // Breakers open and probe for the whole fleet (PGStore+Breakers).
            reliability.breakers.share(through: postgres, owner: postgres.owner)
        }
        if let postgres = store.postgres, let settings = configuration.postgres {
            ownership = ChatOwnership(store: postgres, settings: settings, pool: pool, log: log)
        } else {
            ownership = nil
        }
        pool.attach({ [weak self] items in
            guard let self else {
                return items.map { Outcome(ticket: $0.ticket, result: .failure(ParleyError(.storage, "the engine is closed")), recovered: $0.recovered) }
            }
            return self.processQueued(items)
        }, onTimeout: { [weak self] items in
            guard let self else {
                return items.map { Outcome(ticket: $0.ticket, result: .failure(ParleyError(.timeout, "processing timed out")), recovered: $0.recovered) }
            }
            return self.deadLetterTimedOut(items)
        }, chatsPerBatch: ownership == nil ? Self.chatsPerBatch : 1, onHandedBack: { [store] tickets in store.handedBack(tickets) })
        do {
            let recovered = try recoverUnfinished()
            try ownership?.start()
            let storeName = configuration.postgres.map { PGURL.redact($0.url).display } ?? configuration.storePath ?? ":memory:"
            log.log(.info, "engine.open", "engine opened", ["store": .string(storeName), "recovered": .int(Int64(recovered))])
        } catch {
            log.log(.error, "engine.open", "recovery failed: \(error.kind.statusName): \(error)")
            store.close()
            throw error
        }
    }

    public convenience init(configJSON: String?) throws(ParleyError) {
        try self.init(configuration: Configuration(json: configJSON))
    }

    /// Finishes the messages the workers hold, stops them, closes the store. Messages still
    /// queued stay journaled as received and are processed after the next open.
    public func close() {
        calls.beginClosing()
        // Stopping the pool first wakes a poll or drain waiting on another thread.
        pool.stop()
        calls.waitForCalls()
        // Leases go back once the workers are done: other instances take the chats at once.
        ownership?.stop(release: true)
        store.close()
        log.log(.info, "engine.close", "engine closed")
    }

    /// `close` for a host, which may call it from its result callback. There the engine would
    /// wait for the very worker running the callback: instead no callback starts after this
    /// returns (those on other threads have returned), and the close completes on a thread of
    /// its own once the callback has returned.
    public func closeFromHost() {
        if ResultCallbackScope.isActive {
            guard pool.detachCallbackFromCallback() else { return }
            if case .success(let thread) = Threads.start({ self.close() }) {
                pthread_detach(thread)
                return
            }
        }
        close()
    }

    /// Processes one message given as JSON bytes in any accepted format.
    public func process(json bytes: UnsafeRawBufferPointer) throws(ParleyError) -> JSONValue {
        try processMeasured(bytes).value()
    }

    /// Processes one normalized message: journaled with its context before this returns (on
    /// a file store, in the inbox, and in SQLite a moment later: WriteBehind);
    /// a (chat, id) seen before yields the stored context marked duplicate.
    public func process(_ message: Message) throws(ParleyError) -> JSONValue {
        try processMeasured(message: message, started: ContinuousClock.now).value()
    }

    /// `process(json:)` with the context as JSON text: what the C API hands out, without
    /// serializing the context a second time.
    public func processSerialized(json bytes: UnsafeRawBufferPointer) throws(ParleyError) -> String {
        try processMeasured(bytes).text()
    }

    /// Processes several messages, given as JSON, and journals them in one transaction: the
    /// same results as calling `process(json:)` on each in order, at a fraction of the commits.
    /// A failing message gets its error and does not affect the others; a storage failure
    /// fails the whole batch (nothing of it is stored).
    public func process(batch inputs: [UnsafeRawBufferPointer]) throws(ParleyError) -> [Result<JSONValue, ParleyError>] {
        var results: [Result<JSONValue, ParleyError>] = []
        results.reserveCapacity(inputs.count)
        var pending: [Store.JournalEntry] = []
        var pendingIndex: [Int] = []
        for input in inputs {
            do throws(ParleyError) {
                let message = try MessageNormalizer.normalize(parseInput(input, what: "message"))
                switch try prepare(message) {
                case .duplicate(let context):
                    results.append(.success(context))
                case .fresh(let entry):
                    pending.append(entry)
                    pendingIndex.append(results.count)
                    results.append(.failure(ParleyError(.internal, "not journaled")))
                }
            } catch {
                results.append(.failure(error))
            }
        }
        defer { for result in results { metrics.count(Self.outcome(of: result), now: Self.unixSeconds()) } }
        guard !pending.isEmpty else { return results }
        // A message repeated inside the batch comes back from the journal as a duplicate.
        let journaling = ContinuousClock.now
        let journaled = try store.journalProcessed(pending, receivedAt: Self.unixMillis())
        metrics.observe(.journal, nanos: Self.nanos(since: journaling), now: Self.unixSeconds())
        for (offset, outcome) in journaled.enumerated() {
            results[pendingIndex[offset]] = Result { () throws(ParleyError) -> JSONValue in try Self.result(of: outcome) }
        }
        return results
    }

    enum Prepared {
        case duplicate(JSONValue)
        case fresh(Store.JournalEntry)
    }

    /// Everything of processing but the commit: the duplicate check and the pipeline, outside
    /// the store's lock so threads enrich in parallel. Threading and the context's JSON are
    /// composed inside the journal's transaction, where the chat's state is current.
    /// - `lookUpStored` false skips the early duplicate check (a round trip on PostgreSQL)
    ///   where the journal's own check suffices: a queued message is received, not stored yet.
    /// - `live` false: history (an import), no evidence for the session watchdog that the
    ///   client receives now.
    /// - `attach` adds media bytes only once the message is known to be new (an import reads
    ///   an export's attachment only for a message not stored before).
    func prepare(_ incoming: Message, lookUpStored: Bool = true, live: Bool = true,
                 attach: (inout Message) -> Void = { _ in }) throws(ParleyError) -> Prepared {
        let started = ContinuousClock.now
        let absentAt = lookUpStored ? store.writeBehind?.mark : nil
        if lookUpStored, let stored = try store.context(chat: incoming.chat, id: incoming.id) {
            return .duplicate(try EnrichedContext.duplicate(of: stored))
        }
        var loaded = incoming
        attach(&loaded)
        var admitted = try media.admit(loaded)
        if live && !admitted.fromMe { noteInbound(chat: admitted.chat, at: Self.unixMillis()) }
        if admitted.pending { return .fresh(Store.JournalEntry(message: admitted, compose: nil)) }
        let enriching = ContinuousClock.now
        let shed = shedFeatures()
        let mediaResult = readMedia(of: admitted, shed: shed)
        // The bytes are in the media directory now (or were read once, for an in-memory
        // store): the entry does not hold them until its commit.
        admitted.media?.data = nil
        let message = admitted
        let read = mediaResult?.transcript.map { message.withText($0) } ?? message
        let enrichment = pipeline.enrich(read, shed: shed)
        // Given up on (the watchdog): the enrichment may be cut short, and must go no further.
        if WorkProgress.isGivenUp { throw ParleyError(.timeout, "processing ran past core.messageTimeoutMillis") }
        metrics.observe(.enrich, nanos: Self.nanos(since: enriching), now: Self.unixSeconds())
        let signals = enrichment.threadSignals(text: read.text)
        let threadOptions = configuration.threads
        var entry = Store.JournalEntry(message: message) { chat, quoted in
            let order = OrderMarks.note(message, in: &chat)
            let decision = ThreadTracker.assign(message, signals: signals, chat: &chat, quotedThread: quoted, options: threadOptions)
            let context = EnrichedContext.build(message: message, enrichment: enrichment, media: mediaResult?.block,
                                                decision: decision, order: order, degraded: shed, status: .processed, totalMicros: Self.micros(since: started))
            return (context, decision)
        }
        entry.absentAt = absentAt
        return .fresh(entry)
    }

    static func result(of outcome: Store.Journaled) throws(ParleyError) -> JSONValue {
        switch outcome {
        case .stored(let context, _):
            return context
        case .duplicate(let stored):
            return try EnrichedContext.duplicate(of: stored)
        case .stillPending(let stored):
            return try EnrichedContext.parseStored(stored)
        case .handedOver(let reason):
            throw ParleyError(.busy, "\(reason)")
        }
    }

    /// The language stages' findings for a message without journaling it or touching its
    /// chat's threads: what a host uses to analyze text it does not want stored (a draft
    /// reply), and what `parley bench language` times.
    public func analyze(_ message: Message) -> JSONValue {
        pipeline.enrich(message).json
    }

    /// Sets the host's lookup lists (parley_lookup_set): each kind given replaces that list;
    /// an empty list removes it. Returns every kind with its entry count.
    public func setLookups(_ value: JSONValue) throws(ParleyError) -> JSONValue {
        let lists = try Gazetteer.parseLists(value, errorKind: .invalidArgument)
        let gazetteer = pipeline.entities.gazetteer
        for list in lists {
            if list.entries.isEmpty { gazetteer.remove(kind: list.kind) } else { gazetteer.replace(kind: list.kind, entries: list.entries) }
        }
        var counts = JSONObject()
        for (kind, count) in gazetteer.kinds.sorted(by: { $0.key < $1.key }) { counts.append(kind, .int(Int64(count))) }
        return ["schema": .int(EnrichedContext.schema), "lists": .object(counts)]
    }

    /// Replaces the intent model for the messages processed from now on.
    public func loadIntentModel(path: String) throws(ParleyError) {
        pipeline.intents.replace(with: try IntentModel.load(path: path))
    }

    /// Trains an intent model from JSONL or TSV examples and saves it to `path`; what
    /// parley_intent_train returns.
    public static func trainIntentModel(data: UnsafeRawBufferPointer, savingTo path: String) throws(ParleyError) -> JSONValue {
        let started = ContinuousClock.now
        let examples = try IntentData.parse(data)
        let model = try IntentModel.train(examples)
        let millis = micros(since: started) / 1000
        try model.save(path: path)
        return ["schema": .int(EnrichedContext.schema), "examples": .int(Int64(examples.count)),
                "intents": .array(model.intents.map(JSONValue.string)), "trainMillis": .int(millis)]
    }

    /// Threads, most recently active first, as parley_thread_list returns them. `query`:
    /// nil or {"chat"?, "state"?: "open"|"closed", "limit"?: 1...1000 (default 100)}.
    public func threads(query: JSONValue?) throws(ParleyError) -> JSONValue {
        var chat: String?
        var state: ConversationThread.State?
        var limit: Int64 = 100
        if let query {
            try reporting(as: .invalidArgument) { () throws(ParleyError) in
                let fields = try FieldReader(query, path: "")
                for key in fields.object.keys where !["chat", "state", "limit"].contains(key) {
                    throw ParleyError(.invalidArgument, "unknown thread query key \"\(key)\" (chat, state, limit)")
                }
                chat = try fields.string("chat")
                if let name = try fields.string("state") {
                    guard let parsed = ConversationThread.State(rawValue: name) else {
                        throw ParleyError(.invalidArgument, "state must be \"open\" or \"closed\", got \"\(name)\"")
                    }
                    state = parsed
                }
                if let requested = try fields.number("limit") {
                    guard (1...1000).contains(requested) else { throw ParleyError(.invalidArgument, "limit must be between 1 and 1000") }
                    limit = requested
                }
            }
        }
        let threads = try store.threads(chat: chat, state: state, limit: Int(limit))
        return ["schema": .int(EnrichedContext.schema), "threads": .array(threads.map(\.json))]
    }

    /// The most messages one call returns: parley_thread_get's first page, and the largest
    /// page of parley_thread_messages.
    public static let threadPage = 1000

    /// One thread with the contexts of its messages, oldest first, as parley_thread_get returns
    /// it: the first `threadPage`, and "nextOffset" when more follow (parley_thread_messages).
    public func thread(id: String) throws(ParleyError) -> JSONValue {
        guard let thread = try store.thread(id: id) else { throw ParleyError(.notFound, "no thread \"\(id)\"") }
        let (contexts, next) = try threadPage(id, offset: 0, limit: Self.threadPage)
        guard case .object(var object) = thread.json else { throw ParleyError(.internal, "a thread's JSON is not an object") }
        object.append("messages", .array(contexts))
        if let next { object.append("nextOffset", .int(Int64(next))) }
        return ["schema": .int(EnrichedContext.schema), "thread": .object(object)]
    }

    /// A page of a thread's messages, oldest first, as parley_thread_messages returns it.
    /// `query`: nil or {"offset"?: ≥ 0 (default 0), "limit"?: 1...1000 (default 1000)}.
    public func threadMessages(id: String, query: JSONValue?) throws(ParleyError) -> JSONValue {
        var offset: Int64 = 0
        var limit = Int64(Self.threadPage)
        if let query {
            try reporting(as: .invalidArgument) { () throws(ParleyError) in
                let fields = try FieldReader(query, path: "")
                for key in fields.object.keys where !["offset", "limit"].contains(key) {
                    throw ParleyError(.invalidArgument, "unknown thread messages query key \"\(key)\" (offset, limit)")
                }
                if let requested = try fields.number("offset") {
                    guard requested >= 0 else { throw ParleyError(.invalidArgument, "offset must be 0 or more, got \(requested)") }
                    offset = requested
                }
                if let requested = try fields.number("limit") {
                    guard (1...Int64(Self.threadPage)).contains(requested) else {
                        throw ParleyError(.invalidArgument, "limit must be between 1 and \(Self.threadPage), got \(requested)")
                    }
                    limit = requested
                }
            }
        }
        guard try store.thread(id: id) != nil else { throw ParleyError(.notFound, "no thread \"\(id)\"") }
        let (contexts, next) = try threadPage(id, offset: Int(clamping: offset), limit: Int(limit))
        var object = JSONObject([("schema", .int(EnrichedContext.schema)), ("thread", .string(id)), ("offset", .int(offset)),
                                 ("messages", .array(contexts))])
        if let next { object.append("nextOffset", .int(Int64(next))) }
        return .object(object)
    }

    /// Up to `limit` contexts from `offset`, and the offset of the next page when there is one
    /// (one row more is read to know).
    private func threadPage(_ id: String, offset: Int, limit: Int) throws(ParleyError) -> (messages: [JSONValue], next: Int?) {
        var texts = try store.contexts(inThread: id, offset: offset, limit: limit + 1)
        let more = texts.count > limit
        if more { texts.removeLast() }
        var contexts: [JSONValue] = []
        contexts.reserveCapacity(texts.count)
        for text in texts {
            do { contexts.append(try JSONParser.parse(text)) } catch { throw ParleyError(.corrupt, "a stored context is not valid JSON: \(error)") }
        }
        return (contexts, more ? offset + texts.count : nil)
    }

    /// Parses a small JSON argument of the C API (a query, options).
    public func parseArgument(_ bytes: UnsafeRawBufferPointer, what: String) throws(ParleyError) -> JSONValue {
        try parseInput(bytes, what: what)
    }

    /// Verifies and processes a raw Cloud API webhook body.
    /// A body seen before within `webhook.replayWindowSeconds` (Meta's retry, or a captured
    /// webhook sent again) adds nothing: its messages come back as duplicates and the answer
    /// says `"replay": true`. The body is remembered only once its messages are journaled, so
    /// a retry of a webhook whose first delivery failed midway still completes it.
    public func ingestWebhook(body: UnsafeRawBufferPointer, signature: String?) throws(ParleyError) -> JSONValue {
        let limit = configuration.webhookMaxBodyBytes ?? configuration.maxMessageBytes
        guard body.count > 0 else { throw ParleyError(.invalidArgument, "the webhook body is empty (length 0)") }
        guard body.count <= limit else {
            log.log(.warning, "webhook.tooLarge", "a webhook body of \(body.count) bytes was refused (limit \(limit))")
            throw ParleyError(.tooLarge, "the webhook body is \(body.count) bytes; the limit (webhook.maxBodyBytes) is \(limit)")
        }
        if let secret = configuration.webhookAppSecret {
            do {
                try WebhookSignature.verify(body: body, header: signature, appSecret: secret)
            } catch {
                log.log(.warning, "webhook.signature", "\(error)")
                throw error
            }
        }
        let webhook = try CloudAPIWebhook.parse(parseInput(body, what: "webhook body", limit: limit))
        var contexts: [JSONValue] = []
        var rejected: [JSONValue] = []
        for item in webhook.items {
            switch item {
            case .message(let message):
                contexts.append(try process(message))
            case .rejected(let id, let error):
                var entry = JSONObject()
                entry.append("id", id.map(JSONValue.string) ?? .null)
                entry.append("error", ["status": .string(error.kind.statusName), "message": .string(error.message)])
                rejected.append(.object(entry))
            }
        }
        var result = JSONObject()
        result.append("schema", .int(EnrichedContext.schema))
        result.append("format", .string(Message.Format.cloudAPI.rawValue))
        result.append("contexts", .array(contexts))
        result.append("rejected", .array(rejected))
        result.append("statuses", .array(webhook.statuses))
        if !webhook.errors.isEmpty {
            result.append("errors", .array(webhook.errors))
            log.log(.warning, "webhook.errors", "the webhook reports \(webhook.errors.count) error(s) from Meta: \(JSONWriter.string(.array(webhook.errors)))")
        }
        // Delivery statuses move the outbox's sends forward; the ones that matched a send.
        result.append("outbox", .array(applyDeliveryStatuses(webhook.statuses)))
        let replay = try isReplay(body)
        result.append("replay", .bool(replay))
        if replay { log.log(.info, "webhook.replay", "a webhook body seen before was delivered again: its messages are duplicates") }
        return .object(result)
    }

    /// Remembers the body's SHA-256 (as an idempotency claim); true when it was already remembered.
    private func isReplay(_ body: UnsafeRawBufferPointer) throws(ParleyError) -> Bool {
        let window = configuration.webhookReplayWindowSeconds
        guard window > 0 else { return false }
        let digest = MediaFiles.sha256(Array(body.bindMemory(to: UInt8.self)))
        return try !claimIdempotencyKey("parley:webhook:" + digest, ttlSeconds: window)
    }

    private func checkSize(_ bytes: UnsafeRawBufferPointer, what: String) throws(ParleyError) {
        guard bytes.count > 0 else { throw ParleyError(.invalidArgument, "the \(what) is empty (length 0)") }
        guard bytes.count <= configuration.maxMessageBytes else {
            throw ParleyError(.tooLarge, "the \(what) is \(bytes.count) bytes; the limit (limits.maxMessageBytes) is \(configuration.maxMessageBytes)")
        }
    }

    func parseInput(_ bytes: UnsafeRawBufferPointer, what: String, limit: Int? = nil) throws(ParleyError) -> JSONValue {
        if limit == nil { try checkSize(bytes, what: what) }
        do {
            return try JSONParser.parse(bytes.assumingMemoryBound(to: UInt8.self))
        } catch {
            throw ParleyError(error.kind, "the \(what) is not valid: \(error)")
        }
    }

    static func micros(since start: ContinuousClock.Instant) -> Int64 {
        let elapsed = ContinuousClock.now - start
        return elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
    }

    static func unixMillis() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }
}
