#if canImport(Glibc)
import Glibc
#endif

/// The engine: configuration, the durable store and the pipeline. Safe to share across
/// threads; every public method may be called concurrently.
public final class Engine: Sendable {
    public let configuration: Configuration
    public let store: Store
    let pipeline: Pipeline

    public init(configuration: Configuration = Configuration()) throws(ParleyError) {
        self.configuration = configuration
        pipeline = try Pipeline(configuration: configuration)
        store = try Store(path: configuration.storePath, synchronous: configuration.synchronous)
    }

    public convenience init(configJSON: String?) throws(ParleyError) {
        try self.init(configuration: Configuration(json: configJSON))
    }

    public func close() {
        store.close()
    }

    /// Processes one message given as JSON bytes in any accepted format.
    public func process(json bytes: UnsafeRawBufferPointer) throws(ParleyError) -> JSONValue {
        let value = try parseInput(bytes, what: "message")
        return try process(MessageNormalizer.normalize(value))
    }

    /// Processes one normalized message: journaled with its context before this returns;
    /// a (chat, id) seen before yields the stored context marked duplicate.
    public func process(_ message: Message) throws(ParleyError) -> JSONValue {
        switch try prepare(message) {
        case .duplicate(let context):
            return context
        case .fresh(let context, let text):
            if let raced = try store.record(message, context: text, receivedAt: Self.unixMillis()) {
                return try EnrichedContext.duplicate(of: raced)
            }
            return context
        }
    }

    /// Processes several messages, given as JSON, and journals them in one transaction: the
    /// same results as calling `process(json:)` on each in order, at a fraction of the commits.
    /// A failing message gets its error and does not affect the others; a storage failure
    /// fails the whole batch (nothing of it is stored).
    public func process(batch inputs: [UnsafeRawBufferPointer]) throws(ParleyError) -> [Result<JSONValue, ParleyError>] {
        var results: [Result<JSONValue, ParleyError>] = []
        results.reserveCapacity(inputs.count)
        var pending: [(message: Message, context: String)] = []
        var pendingIndex: [Int] = []
        var inBatch: [MessageKey: Int] = [:]
        for input in inputs {
            do throws(ParleyError) {
                let message = try MessageNormalizer.normalize(parseInput(input, what: "message"))
                let key = MessageKey(chat: message.chat, id: message.id)
                if let first = inBatch[key] {
                    // Repeated inside the batch: a duplicate of the first occurrence.
                    results.append(.success(try EnrichedContext.duplicate(of: pending[first].context)))
                    continue
                }
                switch try prepare(message) {
                case .duplicate(let context):
                    results.append(.success(context))
                case .fresh(let context, let text):
                    inBatch[key] = pending.count
                    pending.append((message, text))
                    pendingIndex.append(results.count)
                    results.append(.success(context))
                }
            } catch {
                results.append(.failure(error))
            }
        }
        guard !pending.isEmpty else { return results }
        let raced = try store.recordAll(pending, receivedAt: Self.unixMillis())
        for (offset, stored) in raced.enumerated() {
            if let stored { results[pendingIndex[offset]] = .success(try EnrichedContext.duplicate(of: stored)) }
        }
        return results
    }

    private struct MessageKey: Hashable {
        let chat: String
        let id: String
    }

    private enum Prepared {
        case duplicate(JSONValue)
        case fresh(JSONValue, String)
    }

    /// Everything of processing but the commit: the duplicate check, the pipeline (outside
    /// the store's lock, so threads enrich in parallel) and the context's JSON.
    private func prepare(_ message: Message) throws(ParleyError) -> Prepared {
        let started = ContinuousClock.now
        if let stored = try store.context(chat: message.chat, id: message.id) {
            return .duplicate(try EnrichedContext.duplicate(of: stored))
        }
        let enrichment = pipeline.enrich(message)
        let micros = Self.micros(since: started)
        let context = EnrichedContext.build(message: message, enrichment: enrichment, status: .processed, totalMicros: micros)
        return .fresh(context, JSONWriter.string(context))
    }

    /// Verifies and processes a raw Cloud API webhook body.
    public func ingestWebhook(body: UnsafeRawBufferPointer, signature: String?) throws(ParleyError) -> JSONValue {
        try checkSize(body, what: "webhook body")
        if let secret = configuration.webhookAppSecret {
            try WebhookSignature.verify(body: body, header: signature, appSecret: secret)
        }
        let webhook = try CloudAPIWebhook.parse(parseInput(body, what: "webhook body"))
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
        return .object(result)
    }

    private func checkSize(_ bytes: UnsafeRawBufferPointer, what: String) throws(ParleyError) {
        guard bytes.count > 0 else { throw ParleyError(.invalidArgument, "the \(what) is empty (length 0)") }
        guard bytes.count <= configuration.maxMessageBytes else {
            throw ParleyError(.tooLarge, "the \(what) is \(bytes.count) bytes; the limit (limits.maxMessageBytes) is \(configuration.maxMessageBytes)")
        }
    }

    private func parseInput(_ bytes: UnsafeRawBufferPointer, what: String) throws(ParleyError) -> JSONValue {
        try checkSize(bytes, what: what)
        do {
            return try JSONParser.parse(bytes.assumingMemoryBound(to: UInt8.self))
        } catch {
            throw ParleyError(error.kind, "the \(what) is not valid: \(error.message)")
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
