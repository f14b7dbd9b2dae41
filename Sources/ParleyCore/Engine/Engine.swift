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
        let started = ContinuousClock.now
        if let stored = try store.context(chat: message.chat, id: message.id) {
            return try EnrichedContext.duplicate(of: stored)
        }
        let enrichment = pipeline.enrich(message)
        let micros = Self.micros(since: started)
        let context = EnrichedContext.build(message: message, enrichment: enrichment, status: .processed, totalMicros: micros)
        let text = JSONWriter.string(context)
        if let raced = try store.record(message, context: text, receivedAt: Self.unixMillis()) {
            return try EnrichedContext.duplicate(of: raced)
        }
        return context
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
