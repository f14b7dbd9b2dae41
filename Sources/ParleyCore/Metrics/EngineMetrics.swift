import Prometheus

/// A step of a message's way through the engine, timed separately.
public enum Stage: String, Sendable, CaseIterable {
    /// Size check, JSON parse, normalization.
    case parse
    /// The language stages (entities, language, intent, sentiment).
    case enrich
    /// Reading a message's media file (OCR, transcription, document parsing), within enrich.
    case media
    /// The store transaction that journals the message (shared by a group commit).
    case journal
    /// `process` from call to return.
    case total
    /// `submit` to the result handed back (asynchronous path).
    case endToEnd = "end_to_end"
}

/// What a message came to, counted.
enum MessageOutcome: String, CaseIterable {
    case processed, duplicate, pending, error
}

/// The engine's own measurements: counters, per-stage latency (HdrHistogram for exact
/// percentiles, Prometheus histograms for scraping), time buckets kept as history for trend
/// queries, and the alerts derived from them (thresholds and anomalies). Safe to use from
/// every thread; recording is a lock and a few additions.
final class EngineMetrics: Sendable {
    let settings: MetricsSettings
    let registry = PrometheusCollectorRegistry()
    private let stageHistograms: [Stage: DurationHistogram]
    private let outcomes: [MessageOutcome: Counter]
    private let submitted: Counter
    private let rejectedBusy: Counter
    private let state: Guarded<Window>
    let startedAt: Int64

    /// One time bucket's figures; the current one fills, closed ones form the history.
    struct Bucket {
        var start: Int64
        var messages = 0
        var errors = 0
        var latency = LatencyHistogram.microseconds()
        var busyNanos: Int64 = 0
        var rssBytes: Int64 = 0
        var cpuSeconds = 0.0
    }

    struct Window {
        var current: Bucket
        var history: [Bucket] = []
        var stages: [Stage: LatencyHistogram] = [:]
        var counts: [MessageOutcome: Int] = [:]
        var submitted = 0
        var rejectedBusy = 0
        /// Anomalies found when the last bucket closed, shown until the next one closes.
        var anomalies: [Alert] = []
        /// Errors by status since open, and a bounded sample of them: in each bucket the first
        /// few of each status, then one in `sampleEvery` (an error storm stays a few lines).
        var errorsByStatus: [String: Int] = [:]
        var errorsThisBucket: [String: Int] = [:]
        var samples: [JSONValue] = []
        var sampledOut = 0
    }

    static let samplesPerStatus = 5
    static let sampleEvery = 100
    static let maxSamples = 20

    init(settings: MetricsSettings, now: Int64) {
        self.settings = settings
        startedAt = now
        let buckets: [Duration] = [.microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500),
                                   .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
                                   .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
                                   .seconds(1), .seconds(2), .seconds(5), .seconds(30)]
        var histograms: [Stage: DurationHistogram] = [:]
        for stage in Stage.allCases {
            histograms[stage] = registry.makeDurationHistogram(
                descriptor: Self.name("stage_duration", "seconds", "Time a message spends in each stage of the engine"),
                labels: [("stage", stage.rawValue)], buckets: buckets)
        }
        stageHistograms = histograms
        var counters: [MessageOutcome: Counter] = [:]
        for outcome in MessageOutcome.allCases {
            counters[outcome] = registry.makeCounter(descriptor: Self.name("messages", "total", "Messages handled, by outcome"),
                                                     labels: [("outcome", outcome.rawValue)])
        }
        outcomes = counters
        submitted = registry.makeCounter(descriptor: Self.name("submitted", "total", "Messages accepted by parley_engine_submit"))
        rejectedBusy = registry.makeCounter(descriptor: Self.name("rejected_busy", "total", "Submits refused above the high-water mark"))
        state = Guarded(Window(current: Bucket(start: now - now % Int64(settings.bucketSeconds))))
    }

    /// Records one stage's time for one message. `alerting`: false for a message whose file
    /// was read (seconds of OCR are not an overload): its time goes to the histograms, not to
    /// the latency that alerts and degradation watch.
    func observe(_ stage: Stage, nanos: Int64, now: Int64, alerting: Bool = true) {
        let value = max(0, nanos)
        stageHistograms[stage]?.recordNanoseconds(value)
        state.withLock { window in
            roll(&window, now: now)
            let micros = UInt64(value / 1000)
            if window.stages[stage] == nil {
                window.stages[stage] = LatencyHistogram.microseconds()
            }
            _ = window.stages[stage]!.record(micros)
            if alerting && (stage == .total || stage == .endToEnd) { _ = window.current.latency.record(micros) }
        }
    }

    func count(_ outcome: MessageOutcome, now: Int64) {
        outcomes[outcome]?.increment()
        state.withLock { window in
            roll(&window, now: now)
            window.counts[outcome, default: 0] += 1
            window.current.messages += 1
            if outcome == .error { window.current.errors += 1 }
        }
    }

    /// Counts an error by status and keeps it as a sample if the sampling says so.
    func recordError(_ error: ParleyError, chat: String?, now: Int64) {
        let status = error.kind.statusName
        state.withLock { window in
            roll(&window, now: now)
            window.errorsByStatus[status, default: 0] += 1
            let seen = window.errorsThisBucket[status, default: 0]
            window.errorsThisBucket[status] = seen + 1
            guard seen < Self.samplesPerStatus || seen % Self.sampleEvery == 0 else {
                window.sampledOut += 1
                return
            }
            var sample = JSONObject()
            sample.append("at", .int(now))
            sample.append("status", .string(status))
            sample.append("message", .string(String(error.message.prefix(300))))
            if let chat { sample.append("chat", .string(chat)) }
            if seen >= Self.samplesPerStatus { sample.append("oneOf", .int(Int64(Self.sampleEvery))) }
            window.samples.append(.object(sample))
            if window.samples.count > Self.maxSamples { window.samples.removeFirst(window.samples.count - Self.maxSamples) }
        }
    }

    func countSubmit(accepted: Bool, now: Int64) {
        (accepted ? submitted : rejectedBusy).increment()
        state.withLock { window in
            roll(&window, now: now)
            if accepted { window.submitted += 1 } else { window.rejectedBusy += 1 }
        }
    }

    func workerBusy(nanos: Int64, now: Int64) {
        state.withLock { window in
            roll(&window, now: now)
            window.current.busyNanos += nanos
        }
    }

    /// Closes the current bucket (and any empty ones after it) once `now` is past its end,
    /// and checks the closed bucket against the history for anomalies.
    private func roll(_ window: inout Window, now: Int64) {
        let length = Int64(settings.bucketSeconds)
        guard now >= window.current.start + length else { return }
        let usage = ProcessUsage.current()
        window.current.rssBytes = usage.rssBytes
        window.current.cpuSeconds = usage.cpuSeconds
        let closed = window.current
        window.anomalies = Anomaly.check(closed, against: window.history, settings: settings)
        window.history.append(closed)
        var next = closed.start + length
        // A quiet stretch leaves empty buckets, so throughput history shows the gap.
        while now >= next + length && window.history.count < settings.historyBuckets * 2 {
            window.history.append(Bucket(start: next, rssBytes: usage.rssBytes, cpuSeconds: usage.cpuSeconds))
            next += length
        }
        if now >= next + length { next = now - now % length }
        if window.history.count > settings.historyBuckets {
            window.history.removeFirst(window.history.count - settings.historyBuckets)
        }
        window.current = Bucket(start: next)
        window.errorsThisBucket.removeAll()
    }

    /// The JSON of parley_metrics_json.
    func json(pool: WorkerPool.Snapshot, now: Int64) -> JSONValue {
        let usage = ProcessUsage.current()
        return state.withLock { window -> JSONValue in
            roll(&window, now: now)
            var root = JSONObject()
            root.append("schema", .int(EnrichedContext.schema))
            root.append("at", .int(now))
            root.append("uptimeSeconds", .int(now - startedAt))
            var messages = JSONObject()
            for outcome in MessageOutcome.allCases { messages.append(outcome.rawValue, .int(Int64(window.counts[outcome] ?? 0))) }
            messages.append("submitted", .int(Int64(window.submitted)))
            messages.append("rejectedBusy", .int(Int64(window.rejectedBusy)))
            root.append("messages", .object(messages))

            let recent = recentBucket(window)
            let elapsed = max(1, recent.start == window.current.start ? now - recent.start : Int64(settings.bucketSeconds))
            let errorRate = recent.messages > 0 ? Double(recent.errors) / Double(recent.messages) : 0
            root.append("throughput", ["perSecond": .double(rounded(Double(recent.messages) / Double(elapsed))),
                                       "windowSeconds": .int(elapsed)])
            root.append("errorRate", .double(rounded(errorRate)))
            var byStatus = JSONObject()
            for (status, count) in window.errorsByStatus.sorted(by: { $0.key < $1.key }) { byStatus.append(status, .int(Int64(count))) }
            root.append("errors", ["byStatus": .object(byStatus), "samples": .array(window.samples),
                                   "sampledOut": .int(Int64(window.sampledOut))])
            root.append("queue", ["outstanding": .int(Int64(pool.outstanding)), "waiting": .int(Int64(pool.waiting)),
                                  "resultsToCollect": .int(Int64(pool.results))])
            let capacity = Double(elapsed) * 1e9 * Double(max(1, pool.workers))
            root.append("workers", ["count": .int(Int64(pool.workers)), "busy": .int(Int64(pool.busy)),
                                    "utilisation": .double(rounded(min(1, Double(recent.busyNanos) / capacity)))])
            var latency = JSONObject()
            for stage in Stage.allCases {
                guard let histogram = window.stages[stage], histogram.totalCount > 0 else { continue }
                latency.append(stage.rawValue, Self.summary(histogram))
            }
            root.append("latencyMicros", .object(latency))
            let uptime = Double(max(1, now - startedAt))
            root.append("process", ["rssBytes": .int(usage.rssBytes), "memoryLimitBytes": .int(usage.memoryLimitBytes),
                                    "memoryPercent": .double(rounded(usage.memoryFraction * 100)),
                                    "cpuSeconds": .double(rounded(usage.cpuSeconds)),
                                    "cpuPercent": .double(rounded(usage.cpuSeconds / uptime * 100))])
            let alerts = Threshold.alerts(p99Micros: recent.latency.totalCount > 0 ? recent.latency.valueAtPercentile(99) : nil,
                                          errorRate: recent.messages >= settings.minimumMessages ? errorRate : nil,
                                          memoryFraction: usage.memoryLimitBytes > 0 ? usage.memoryFraction : nil,
                                          settings: settings) + window.anomalies
            root.append("alerts", .array(alerts.map(\.json)))
            root.append("history", .array(window.history.map { bucket in
                var entry = JSONObject()
                entry.append("start", .int(bucket.start))
                entry.append("messages", .int(Int64(bucket.messages)))
                entry.append("errors", .int(Int64(bucket.errors)))
                entry.append("perSecond", .double(rounded(Double(bucket.messages) / Double(settings.bucketSeconds))))
                if bucket.latency.totalCount > 0 { entry.append("p99Micros", .int(Int64(bucket.latency.valueAtPercentile(99)))) }
                entry.append("rssBytes", .int(bucket.rssBytes))
                return .object(entry)
            }))
            return .object(root)
        }
    }

    /// The recent p99 latency (µs) and error rate, when the recent bucket says enough.
    func recentHealth(now: Int64) -> (p99Micros: UInt64?, errorRate: Double?) {
        state.withLock { window in
            roll(&window, now: now)
            let recent = recentBucket(window)
            return (recent.latency.totalCount >= UInt64(settings.minimumMessages) ? recent.latency.valueAtPercentile(99) : nil,
                    recent.messages >= settings.minimumMessages ? Double(recent.errors) / Double(recent.messages) : nil)
        }
    }

    /// The bucket alerts look at: the current one once it holds enough messages, else the
    /// last closed one (a fresh bucket says little).
    private func recentBucket(_ window: Window) -> Bucket {
        if window.current.messages >= settings.minimumMessages || window.history.isEmpty { return window.current }
        return window.history[window.history.count - 1]
    }

    /// The Prometheus text exposition of parley_metrics_prometheus.
    func prometheus(pool: WorkerPool.Snapshot) -> String {
        let usage = ProcessUsage.current()
        var text = registry.emitToString()
        func gauge(_ name: String, _ help: String, _ value: String) {
            text += "# HELP \(name) \(help)\n# TYPE \(name) gauge\n\(name) \(value)\n"
        }
        gauge("parley_queue_outstanding", "Messages accepted and not yet handed back", "\(pool.outstanding)")
        gauge("parley_queue_waiting", "Messages queued for a worker", "\(pool.waiting)")
        gauge("parley_workers", "Worker threads", "\(pool.workers)")
        gauge("parley_workers_busy", "Worker threads processing a chat now", "\(pool.busy)")
        gauge("parley_process_resident_memory_bytes", "Resident memory of the host process", "\(usage.rssBytes)")
        // Cumulative: a counter, named as Prometheus's own process_cpu_seconds_total.
        text += "# HELP parley_process_cpu_seconds_total CPU time of the host process (user + system)\n"
            + "# TYPE parley_process_cpu_seconds_total counter\nparley_process_cpu_seconds_total \(usage.cpuSeconds)\n"
        return text
    }

    /// parley_<metric>_<unit>, as Prometheus names go.
    static func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "parley", metricName: metric, unitName: unit, helpText: help)
    }

    static func summary(_ histogram: LatencyHistogram) -> JSONValue {
        ["count": .int(Int64(histogram.totalCount)), "p50": .int(Int64(histogram.valueAtPercentile(50))),
         "p95": .int(Int64(histogram.valueAtPercentile(95))), "p99": .int(Int64(histogram.valueAtPercentile(99))),
         "max": .int(Int64(histogram.max)), "mean": .double(rounded(histogram.mean))]
    }
}
