/// The dead-letter queue: what parley_message_fail and parley_dlq_* call.
///
/// A processed message whose handling by the host failed (its bot logic, a Sheets write, a
/// send) is reported with `failMessage`: it becomes `failed`, due again on the retry schedule
/// ("retries"), or `dead` once its attempts are used up, with every failure in its history.
/// `runDueRetries` (a host's timer, `parley dlq run`) processes the due ones again through the
/// pipeline and hands their fresh contexts back for the host to handle again.
extension Engine {
    /// Most messages one `runDueRetries` call processes; "more": true says others are due.
    public static let maxRetryBatch = 256
    /// Largest error a host may report for one failure, in bytes of JSON.
    public static let maxFailureErrorBytes = 4096
    /// Most messages one `deadLetters` listing returns.
    public static let maxDeadLetterListing = 1000

    /// The retry schedule of the configuration, with the system's random jitter.
    public var retrySchedule: RetrySchedule { RetrySchedule(settings: configuration.retries) }

    /// Reports that the host's handling of the processed message (chat, id) failed at `now`
    /// (Unix milliseconds; nil: the wall clock). `error`: nil, a string (the message), or an
    /// object whose "status" and "message" (and any other keys) join the error history.
    /// Returns {"schema", "chat", "id", "state": "failed"|"dead", "attempts", "nextAttemptAt"?}.
    @discardableResult
    public func failMessage(chat: String, id: String, error: JSONValue?, now: Int64? = nil,
                            schedule: RetrySchedule? = nil) throws(ParleyError) -> JSONValue {
        try Self.validateMessageKey(chat: chat, id: id)
        try Self.validateDeadLetterTime(now)
        var entry = JSONObject()
        switch error {
        case nil, .null?:
            entry.append("status", .string("failed"))
            entry.append("message", .string(""))
        case .string(let text)?:
            entry.append("status", .string("failed"))
            entry.append("message", .string(text))
        case .object(let object)?:
            if object["status"] == nil { entry.append("status", .string("failed")) }
            if object["message"] == nil { entry.append("message", .string("")) }
            for (key, value) in object.members { entry.append(key, value) }
        case let other?:
            throw ParleyError(.invalidArgument, "the error must be a JSON object or string, got \(other.typeName)")
        }
        // Stored and handed back by parley_dlq_get/list: masked like every error Parley writes.
        if case .object(let masked) = LogMask.mask(.object(entry)) { entry = masked }
        let size = JSONWriter.serialize(.object(entry)).count
        guard size <= Self.maxFailureErrorBytes else {
            throw ParleyError(.tooLarge, "the error is \(size) bytes of JSON; at most \(Self.maxFailureErrorBytes)")
        }
        let failedAt = now ?? Self.unixMillis()
        let failure = try store.failMessage(chat: chat, id: id, error: entry, now: failedAt,
                                            schedule: schedule ?? retrySchedule)
        let parkedUntil = noteFailure(chat: chat, error: nil, now: failedAt)
        log.log(failure.state == .dead ? .warning : .info, failure.state == .dead ? "message.dead" : "message.failed",
                "the host reported a failure (attempt \(failure.attempts))",
                ["chat": .string(chat), "id": .string(id), "error": .object(entry)])
        var result = JSONObject()
        result.append("schema", .int(EnrichedContext.schema))
        result.append("chat", .string(chat))
        result.append("id", .string(id))
        result.append("state", .string(failure.state.rawValue))
        result.append("attempts", .int(Int64(failure.attempts)))
        if let next = failure.nextAttemptAt { result.append("nextAttemptAt", .int(next)) }
        if let parkedUntil { result.append("chatParkedUntil", .int(parkedUntil)) }
        return .object(result)
    }

    /// `failMessage` with the error as JSON bytes (nil: none), as the C API passes it.
    @discardableResult
    public func failMessage(chat: String, id: String, errorJSON: UnsafeRawBufferPointer?, now: Int64?) throws(ParleyError) -> JSONValue {
        var error: JSONValue?
        if let errorJSON {
            guard errorJSON.count <= Self.maxFailureErrorBytes else {
                throw ParleyError(.tooLarge, "the error is \(errorJSON.count) bytes; at most \(Self.maxFailureErrorBytes)")
            }
            error = try parseInput(errorJSON, what: "error")
        }
        return try failMessage(chat: chat, id: id, error: error, now: now)
    }

    /// Processes again every failed message due at `now` (at most `maxRetryBatch`, soonest due
    /// first) and hands back their fresh contexts: {"schema", "retried": [{"chat", "id",
    /// "attempt", "context"}], "more"?: true}. Each is processed again with its attempts kept.
    public func runDueRetries(now: Int64? = nil) throws(ParleyError) -> JSONValue {
        try Self.validateDeadLetterTime(now)
        let at = now ?? Self.unixMillis()
        let due = try store.dueDeadLetters(now: at, limit: Self.maxRetryBatch + 1)
        var retried: [JSONValue] = []
        var parked = 0
        // Claimed but not retried here (a parked chat's, the one past the batch): given back
        // (on PostgreSQL their claim would hide them from other instances until it expires).
        var unclaimed = Array(due.dropFirst(Self.maxRetryBatch))
        for letter in due.prefix(Self.maxRetryBatch) {
            // A chat parked after repeated failures waits out its park; its letters stay due.
            if chatHealth.parkedUntil(chat: letter.chat, now: at) != nil {
                parked += 1
                unclaimed.append(letter)
                continue
            }
            if let entry = try retry(letter) { retried.append(entry) }
        }
        try store.releaseDueDeadLetters(unclaimed, claimedAt: at)
        var result = JSONObject()
        result.append("schema", .int(EnrichedContext.schema))
        result.append("retried", .array(retried))
        if parked > 0 { result.append("skippedParked", .int(Int64(parked))) }
        if due.count > Self.maxRetryBatch { result.append("more", .bool(true)) }
        return .object(result)
    }

    /// Processes the failed or dead message (chat, id) again now, whatever its schedule:
    /// {"schema", "retried": [{"chat", "id", "attempt", "context"}]} (empty when another
    /// caller retried it at the same moment).
    public func retryDeadLetter(chat: String, id: String, now: Int64? = nil) throws(ParleyError) -> JSONValue {
        try Self.validateMessageKey(chat: chat, id: id)
        try Self.validateDeadLetterTime(now)
        guard let letter = try store.deadLetter(chat: chat, id: id) else {
            throw ParleyError(.notFound, "no message \"\(id)\" in chat \"\(chat)\"")
        }
        guard letter.state == .failed || letter.state == .dead else {
            throw ParleyError(.invalidArgument, "message \"\(id)\" is \(letter.state.rawValue): only a failed or dead message can be retried")
        }
        let entry = try retry(letter)
        return ["schema": .int(EnrichedContext.schema), "retried": .array(entry.map { [$0] } ?? [])]
    }

    /// Processes one failed or dead message again and commits it as processed; nil when
    /// another caller moved it first.
    private func retry(_ letter: Store.DeadLetter) throws(ParleyError) -> JSONValue? {
        let context: JSONValue
        if try EnrichedContext.parseStored(letter.context)["status"]?.stringValue == Store.MessageState.received.rawValue {
            // Never processed (its processing timed out): processed now like a new message,
            // threads and all, completing its row; its attempts and errors are kept.
            guard try store.reopen(letter) else { return nil }
            let message = try EnrichedContext.message(ofUnprocessed: letter.context)
            context = try processMeasured(message: message, started: ContinuousClock.now).value()
        } else {
            context = try reprocessedContext(letter.context)
            guard try store.completeRetry(of: letter, context: JSONWriter.string(context)) else { return nil }
        }
        var entry = JSONObject()
        entry.append("chat", .string(letter.chat))
        entry.append("id", .string(letter.id))
        entry.append("attempt", .int(Int64(letter.attempts + 1)))
        entry.append("context", context)
        return .object(entry)
    }

    /// A stored context built again: its message through the pipeline (the model, lookups or
    /// a stage may have changed since), its thread and flow as first assigned (a retry is not
    /// a new message in its thread), the chat's sentiment trend as it was.
    func reprocessedContext(_ stored: String) throws(ParleyError) -> JSONValue {
        let started = ContinuousClock.now
        let message = try EnrichedContext.message(ofUnprocessed: stored)
        guard case .object(let old) = try EnrichedContext.parseStored(stored) else {
            throw ParleyError(.corrupt, "a stored context is not a JSON object")
        }
        let enrichment = pipeline.enrich(message)
        var context = JSONObject()
        context.append("schema", .int(EnrichedContext.schema))
        context.append("status", .string(EnrichedContext.Status.processed.rawValue))
        context.append("format", old["format"] ?? .string(message.format.rawValue))
        context.append("message", old["message"] ?? message.json)
        let trend = old["sentiment"]?["trend"]
        enrichment.append(to: &context) { sentiment in
            guard let trend, case .object(var object) = sentiment else { return sentiment }
            object.append("trend", trend)
            return .object(object)
        }
        let rebuilt: Set<String> = ["schema", "status", "format", "message", "entities", "language", "intent", "sentiment", "timings"]
        for (key, value) in old.members where !rebuilt.contains(key) { context.append(key, value) }
        context.append("timings", ["totalMicros": .int(Self.micros(since: started))])
        return .object(context)
    }

    /// Failed and dead messages as parley_dlq_list returns them. `query`: nil or {"state"?:
    /// "failed"|"dead"|null (both), "chat"?, "limit"?: 1...1000 (default 100)}.
    public func deadLetters(query: JSONValue?) throws(ParleyError) -> JSONValue {
        var state: Store.MessageState?
        var chat: String?
        var limit: Int64 = 100
        if let query {
            try reporting(as: .invalidArgument) { () throws(ParleyError) in
                let fields = try FieldReader(query, path: "")
                for key in fields.object.keys where !["state", "chat", "limit"].contains(key) {
                    throw ParleyError(.invalidArgument, "unknown dead-letter query key \"\(key)\" (state, chat, limit)")
                }
                state = try Self.queriedState(fields, allowed: [.failed, .dead])
                chat = try fields.string("chat")
                if let requested = try fields.number("limit") {
                    guard (1...Int64(Self.maxDeadLetterListing)).contains(requested) else {
                        throw ParleyError(.invalidArgument, "limit must be between 1 and \(Self.maxDeadLetterListing)")
                    }
                    limit = requested
                }
            }
        }
        var messages: [JSONValue] = []
        for letter in try store.deadLetters(state: state, chat: chat, limit: Int(limit)) {
            messages.append(try Self.json(of: letter))
        }
        return ["schema": .int(EnrichedContext.schema), "messages": .array(messages)]
    }

    /// One journaled message, in any state, with its dead-letter fields:
    /// {"schema", "message": {"chat", "id", "state", "attempts", "nextAttemptAt"?, "errors", "message"}}.
    public func deadLetter(chat: String, id: String) throws(ParleyError) -> JSONValue {
        try Self.validateMessageKey(chat: chat, id: id)
        guard let letter = try store.deadLetter(chat: chat, id: id) else {
            throw ParleyError(.notFound, "no message \"\(id)\" in chat \"\(chat)\"")
        }
        return ["schema": .int(EnrichedContext.schema), "message": try Self.json(of: letter)]
    }

    /// Marks a failed or dead message resolved: the host dealt with it by hand.
    public func resolveDeadLetter(chat: String, id: String) throws(ParleyError) {
        try Self.validateMessageKey(chat: chat, id: id)
        try store.resolveDeadLetter(chat: chat, id: id)
    }

    /// Deletes dead and resolved messages: `query` nil or {"state"?: "dead"|"resolved"|null
    /// (both), "chat"?}. Returns {"schema", "purged": N}.
    public func purgeDeadLetters(query: JSONValue?) throws(ParleyError) -> JSONValue {
        var state: Store.MessageState?
        var chat: String?
        if let query {
            try reporting(as: .invalidArgument) { () throws(ParleyError) in
                let fields = try FieldReader(query, path: "")
                for key in fields.object.keys where !["state", "chat"].contains(key) {
                    throw ParleyError(.invalidArgument, "unknown purge query key \"\(key)\" (state, chat)")
                }
                state = try Self.queriedState(fields, allowed: [.dead, .resolved])
                chat = try fields.string("chat")
            }
        }
        let purged = try store.purgeDeadLetters(state: state, chat: chat)
        return ["schema": .int(EnrichedContext.schema), "purged": .int(Int64(purged))]
    }

    private static func queriedState(_ fields: FieldReader, allowed: [Store.MessageState]) throws(ParleyError) -> Store.MessageState? {
        guard let name = try fields.string("state") else { return nil }
        guard let state = Store.MessageState(rawValue: name), allowed.contains(state) else {
            let names = allowed.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
            throw ParleyError(.invalidArgument, "state must be \(names) (or null for both), got \"\(name)\"")
        }
        return state
    }

    static func json(of letter: Store.DeadLetter) throws(ParleyError) -> JSONValue {
        var object = JSONObject()
        object.append("chat", .string(letter.chat))
        object.append("id", .string(letter.id))
        object.append("state", .string(letter.state.rawValue))
        object.append("attempts", .int(Int64(letter.attempts)))
        if let next = letter.nextAttemptAt { object.append("nextAttemptAt", .int(next)) }
        object.append("errors", .array(try Store.errorHistory(letter.errors, id: letter.id)))
        object.append("message", try EnrichedContext.parseStored(letter.context)["message"] ?? .null)
        return .object(object)
    }

    static func validateMessageKey(chat: String, id: String) throws(ParleyError) {
        guard !chat.isEmpty else { throw ParleyError(.invalidArgument, "the chat is empty") }
        guard !id.isEmpty else { throw ParleyError(.invalidArgument, "the message id is empty") }
    }

    static func validateDeadLetterTime(_ now: Int64?) throws(ParleyError) {
        guard let now else { return }
        guard now >= 0 && now <= maxTimeMillis else {
            throw ParleyError(.invalidArgument, "now_ms must be between 0 and \(maxTimeMillis), got \(now)")
        }
    }
}
