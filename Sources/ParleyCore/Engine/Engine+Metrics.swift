#if canImport(Glibc)
import Glibc
#endif

/// The synchronous path with its timings and outcome recorded, and the metrics documents
/// (parley_metrics_json, parley_metrics_prometheus).
extension Engine {
    /// One processed message: its context as built, or as stored text (a duplicate).
    enum Processed {
        case built(JSONValue, text: String)
        case stored(JSONValue)

        func value() -> JSONValue {
            switch self {
            case .built(let value, _), .stored(let value): value
            }
        }

        func text() -> String {
            switch self {
            case .built(_, let text): text
            case .stored(let value): JSONWriter.string(value)
            }
        }
    }

    func processMeasured(_ bytes: UnsafeRawBufferPointer) throws(ParleyError) -> Processed {
        let started = ContinuousClock.now
        let message: Message
        do {
            message = try MessageNormalizer.normalize(parseInput(bytes, what: "message"))
        } catch {
            metrics.count(.error, now: Self.unixSeconds())
            metrics.recordError(error, chat: nil, now: Self.unixSeconds())
            log.log(.info, "message.rejected", "\(error.kind.statusName): \(error)")
            throw error
        }
        metrics.observe(.parse, nanos: Self.nanos(since: started), now: Self.unixSeconds())
        return try processMeasured(message: message, started: started)
    }

    func processMeasured(message: Message, started: ContinuousClock.Instant) throws(ParleyError) -> Processed {
        let result = Result { () throws(ParleyError) -> Processed in
            switch try prepare(message) {
            case .duplicate(let context):
                return .stored(context)
            case .fresh(let entry):
                let journaling = ContinuousClock.now
                let journaled = try store.journalProcessed([entry], receivedAt: Self.unixMillis())[0]
                metrics.observe(.journal, nanos: Self.nanos(since: journaling), now: Self.unixSeconds())
                if case .stored(let context, let text) = journaled { return .built(context, text: text) }
                return .stored(try Self.result(of: journaled))
            }
        }
        let now = Self.unixSeconds()
        metrics.observe(.total, nanos: Self.nanos(since: started), now: now, alerting: message.media == nil)
        metrics.count(Self.outcome(of: result.map { $0.value() }), now: now)
        if case .failure(let error) = result {
            metrics.recordError(error, chat: message.chat, now: now)
            log.log(.warning, "message.error", "\(error.kind.statusName): \(error)", ["chat": .string(message.chat), "id": .string(message.id)])
        }
        return try result.get()
    }

    static func outcome(of result: Result<JSONValue, ParleyError>) -> MessageOutcome {
        switch result {
        case .failure: .error
        case .success(let context):
            switch context["status"]?.stringValue {
            case "duplicate": .duplicate
            case "pending": .pending
            default: .processed
            }
        }
    }

    /// The same from a context's JSON text, read from its leading status field (Parley writes
    /// "schema" then "status" first), without parsing it again.
    static func outcome(ofText result: Result<String, ParleyError>) -> MessageOutcome {
        guard case .success(let text) = result else { return .error }
        let head = text.utf8.prefix(40)
        func has(_ status: String) -> Bool {
            let needle = Array("\"status\":\"\(status)\"".utf8)
            return head.count >= needle.count && (0...(head.count - needle.count)).contains { offset in
                head.dropFirst(offset).starts(with: needle)
            }
        }
        if has("duplicate") { return .duplicate }
        if has("pending") { return .pending }
        return .processed
    }

    /// Counters, queue and worker state, per-stage latency percentiles (µs), process CPU and
    /// memory, alerts and the history buckets: what parley_metrics_json returns.
    public func metricsJSON() -> JSONValue {
        var document = metrics.json(pool: pool.snapshot, now: Self.unixSeconds())
        if case .object(var object) = document {
            object.append("degradation", degradationJSON)
            object.append("parkedChats", .int(Int64(chatHealth.parkedCount(now: Self.unixMillis()))))
            object.append("session", sessionMetricsJSON())
            document = .object(object)
        }
        return document
    }

    /// The same in Prometheus's text exposition format.
    public func metricsPrometheus() -> String {
        metrics.prometheus(pool: pool.snapshot) + sessionPrometheus() + outboxPrometheus()
    }

    static func nanos(since start: ContinuousClock.Instant) -> Int64 {
        let elapsed = ContinuousClock.now - start
        return elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
    }

    static func unixSeconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec)
    }
}

// MARK: - Error storms

extension Engine {
    /// Notes a failed message of `chat` (its error counted and perhaps sampled) and parks the
    /// chat when it keeps failing: its queued messages wait and its due retries are skipped
    /// until then. Returns the park's end (Unix ms) when the chat is parked.
    @discardableResult
    func noteFailure(chat: String, error: ParleyError?, now: Int64) -> Int64? {
        if let error { metrics.recordError(error, chat: chat, now: Self.unixSeconds()) }
        guard let until = chatHealth.recordFailure(chat: chat, now: now) else { return nil }
        pool.park(chat, until: WorkerPool.now() + max(0, until - now))
        return until
    }
}

// MARK: - Degradation

extension Engine {
    /// The features shed now. Load is re-measured at most every 100 ms (it reads the queue and
    /// the latency histogram); between, every message sees the same answer.
    func shedFeatures() -> [DegradationSettings.Feature] {
        guard configuration.degradation.enabled else { return [] }
        let now = WorkerPool.now()
        let (shed, change) = degradation.withLock { entry -> ([DegradationSettings.Feature], (from: Int, to: Int, load: Double)?) in
            guard entry.evaluatedAt == .min || now - entry.evaluatedAt >= 100 else { return (entry.state.shed, nil) }
            entry.evaluatedAt = now
            let before = entry.state.level
            entry.state.update(load: currentLoad(), now: now)
            return (entry.state.shed, before == entry.state.level ? nil : (before, entry.state.level, entry.state.load))
        }
        if let change {
            log.log(change.to > change.from ? .warning : .info, "degradation.level",
                    change.to == 0 ? "load is back to normal: nothing is shed" : "shedding \(shed.map(\.rawValue).joined(separator: ", ")) under load",
                    ["from": .int(Int64(change.from)), "to": .int(Int64(change.to)), "load": .double(change.load)])
        }
        return shed
    }

    /// The larger of the queue's fill and the recent p99 latency over its warning threshold;
    /// 1 when the error rate is critical or a WhatsApp session's health is (shedding the slow
    /// readers then keeps the text path answering while the host reconnects).
    private func currentLoad() -> Double {
        let pool = pool.snapshot
        let fill = Double(pool.outstanding) / Double(max(1, configuration.async.highWater))
        let health = metrics.recentHealth(now: Self.unixSeconds())
        let latency = health.p99Micros.map { Double($0) / 1000 / configuration.metrics.latencyMillis.warning } ?? 0
        let errors = (health.errorRate ?? 0) >= configuration.metrics.errorRate.critical ? 1.0 : 0
        return max(fill, latency, errors, sessionLoad())
    }

    /// {"level", "shed": [...], "load", "since"?, "periods"} for the metrics document.
    var degradationJSON: JSONValue {
        degradation.withLock { entry in
            var object = JSONObject()
            object.append("level", .int(Int64(entry.state.level)))
            object.append("shed", .array(entry.state.shed.map { .string($0.rawValue) }))
            object.append("load", .double(rounded(entry.state.load)))
            object.append("periods", .int(Int64(entry.state.periods)))
            return .object(object)
        }
    }
}
