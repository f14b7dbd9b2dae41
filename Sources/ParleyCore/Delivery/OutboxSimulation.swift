/// A host driving the outbox against a fake clock: a bulk of normal and low sends queued at
/// the start, high-priority replies arriving all along, the send API failing some sends,
/// refusing some for rate limits, and some never confirmed (a host that crashed). Every
/// hand-out is recorded and checked against every window afterwards. What the tests (small
/// numbers) and `parley bench outbox` (100,000 sends to 5,000 recipients) run.
public struct OutboxSimulation {
    public struct Options: Sendable {
        public var sends = 100_000
        public var recipients = 5_000
        public var highShare = 0.05
        public var lowShare = 0.25
        public var transientFailureRate = 0.02
        public var rateLimitRate = 0.002
        public var unconfirmedRate = 0.001
        public var batchMax = 500
        public var seed: UInt64 = 42
        /// The "outbox" configuration object (JSON text); nil: the defaults.
        public var outboxConfig: String?
        /// nil: an in-memory store.
        public var storePath: String?

        public init() {}
    }

    public struct Report: Sendable {
        public var sends = 0
        public var sent = 0
        public var failed = 0
        public var handOuts = 0
        public var batches = 0
        public var simulatedMillis: Int64 = 0
        /// Hand-outs per second over the run, and the most the windows allow (the tightest).
        public var achievedPerSecond = 0.0
        public var allowedPerSecond = 0.0
        public var highLatencyP50Millis: Int64 = 0
        public var highLatencyP99Millis: Int64 = 0
        public var normalLatencyP50Millis: Int64 = 0
        public var lowLatencyMaxMillis: Int64 = 0
        /// Peak hand-outs in any window, by name, next to its limit.
        public var peaks: [(name: String, peak: Int, limit: Int)] = []
        public var violations: [String] = []
        public var wallMillis: Int64 = 0

        public var json: JSONValue {
            var peakObject = JSONObject()
            for peak in peaks { peakObject.append(peak.name, ["peak": .int(Int64(peak.peak)), "limit": .int(Int64(peak.limit))]) }
            return ["schema": .int(1), "sends": .int(Int64(sends)), "sent": .int(Int64(sent)), "failed": .int(Int64(failed)),
                    "handOuts": .int(Int64(handOuts)), "batches": .int(Int64(batches)), "simulatedSeconds": .double(Double(simulatedMillis) / 1000),
                    "achievedPerSecond": .double(achievedPerSecond), "allowedPerSecond": .double(allowedPerSecond),
                    "achievedOverAllowed": .double(allowedPerSecond > 0 ? achievedPerSecond / allowedPerSecond : 0),
                    "highLatencyMillis": ["p50": .int(highLatencyP50Millis), "p99": .int(highLatencyP99Millis)],
                    "normalLatencyP50Millis": .int(normalLatencyP50Millis), "lowLatencyMaxMillis": .int(lowLatencyMaxMillis),
                    "peaks": .object(peakObject), "violations": .array(violations.prefix(20).map(JSONValue.string)),
                    "wallMillis": .int(wallMillis)]
        }
    }

    public static func run(_ options: Options) throws(ParleyError) -> Report {
        let started = ContinuousClock.now
        var config = "{"
        if let path = options.storePath { config += "\"store\": {\"path\": \"\(path)\"}, " }
        config += "\"breakers\": {\"whatsapp-send\": {\"failureRate\": 0.9, \"window\": 50}}"
        if let outbox = options.outboxConfig { config += ", \"outbox\": \(outbox)" }
        config += "}"
        let engine = try Engine(configJSON: config)
        defer { engine.close() }
        let settings = engine.configuration.outbox
        var rng = SplitMix64(seed: options.seed)
        func chance(_ p: Double) -> Bool { Double(rng.next() % 1_000_000) < p * 1_000_000 }

        // The tightest sustained rate: the hour window unless the others are lower.
        let allowed = min(Double(settings.perSecond), Double(settings.perMinute) / 60, Double(settings.perHour) / 3600)
        let horizon = Int64(Double(options.sends) / allowed * 1000)
        let highCount = Int(Double(options.sends) * options.highShare)
        var highArrivals: [Int64] = (0..<highCount).map { i in Int64(Double(i) / Double(max(1, highCount)) * Double(horizon)) }
        highArrivals.reverse()

        var enqueuedAt: [Int64: Int64] = [:]
        var lane: [Int64: Int] = [:]
        func enqueue(_ index: Int, priority: String, now: Int64) throws(ParleyError) {
            let to = "2507\(String(10_000_000 + index % options.recipients))@c.us"
            let (id, _) = try engine.outboxEnqueue(["to": .string(to), "text": .string("Rent reminder \(index)"), "priority": .string(priority)])
            enqueuedAt[id] = now
            lane[id] = Engine.laneNames.firstIndex(of: priority) ?? 1
        }
        var index = 0
        for _ in 0..<(options.sends - highCount) {
            try enqueue(index, priority: chance(options.lowShare / (1 - options.highShare)) ? "low" : "normal", now: 0)
            index += 1
        }

        var report = Report()
        report.sends = options.sends
        var times: [Int64] = []
        var perRecipient: [String: [Int64]] = [:]
        var latencies: [[Int64]] = [[], [], []]
        var now: Int64 = 0
        var done = 0
        var guardSteps = 0
        while done < options.sends {
            guardSteps += 1
            if guardSteps > 50_000_000 { report.violations.append("the simulation did not finish"); break }
            while let next = highArrivals.last, next <= now {
                highArrivals.removeLast()
                try enqueue(index, priority: "high", now: now)
                index += 1
            }
            let batch = try engine.outboxNextBatch(now: now, max: options.batchMax)
            report.batches += 1
            let sends = batch["sends"]?.arrayValue ?? []
            var recipientsInBatch: [String: Int] = [:]
            for send in sends {
                guard let id = send["id"]?.int64Value, let recipient = send["recipient"]?.stringValue else { continue }
                report.handOuts += 1
                times.append(now)
                perRecipient[recipient, default: []].append(now)
                recipientsInBatch[recipient, default: 0] += 1
                if recipientsInBatch[recipient]! > settings.maxPerRecipientBatch {
                    report.violations.append("batch at \(now) had \(recipientsInBatch[recipient]!) sends to one recipient")
                }
                if chance(options.unconfirmedRate) { continue }  // the host lost it: the lease brings it back
                let state: String
                if chance(options.rateLimitRate) {
                    state = try engine.outboxConfirm(id: id, ok: false, detail: #"{"error": {"code": 130429, "message": "(#130429) Rate limit hit"}}"#)
                } else if chance(options.transientFailureRate) {
                    state = try engine.outboxConfirm(id: id, ok: false, detail: #"{"error": {"code": 131000, "message": "Something went wrong"}}"#)
                } else {
                    state = try engine.outboxConfirm(id: id, ok: true, detail: #"{"messageId": "wamid.\#(id)"}"#)
                }
                if state == "sent" || state == "failed" {
                    done += 1
                    if state == "sent" { report.sent += 1 } else { report.failed += 1 }
                    if let at = enqueuedAt[id], let l = lane[id] { latencies[l].append(now - at) }
                }
            }
            // The host calls again at once while sends keep coming, else at the hint or the next arrival.
            if sends.count == options.batchMax { continue }
            var next = batch["nextAt"]?.int64Value ?? Int64.max
            if let arrival = highArrivals.last { next = min(next, arrival) }
            if next == Int64.max { break }
            now = max(now + 1, next)
        }
        report.simulatedMillis = (times.last ?? 0) - (times.first ?? 0)
        report.achievedPerSecond = report.simulatedMillis > 0 ? Double(report.handOuts) / (Double(report.simulatedMillis) / 1000) : 0
        report.allowedPerSecond = allowed
        func percentile(_ values: [Int64], _ p: Double) -> Int64 {
            guard !values.isEmpty else { return 0 }
            let sorted = values.sorted()
            return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p))]
        }
        report.highLatencyP50Millis = percentile(latencies[0], 0.5)
        report.highLatencyP99Millis = percentile(latencies[0], 0.99)
        report.normalLatencyP50Millis = percentile(latencies[1], 0.5)
        report.lowLatencyMaxMillis = latencies[2].max() ?? 0

        // Every sliding window, at every hand-out.
        for (offset, window) in OutboxCore.windows.enumerated() {
            let limit = [settings.perSecond, settings.perMinute, settings.perHour][offset]
            var start = 0, peak = 0
            for end in times.indices {
                while times[start] <= times[end] - window.millis { start += 1 }
                peak = max(peak, end - start + 1)
            }
            report.peaks.append((window.name, peak, limit))
            if peak > limit { report.violations.append("\(window.name): \(peak) hand-outs in one window, limit \(limit)") }
        }
        // Per recipient: n sends between two hand-outs need n × spacing <= burst × spacing + elapsed.
        let spacing = settings.recipientSpacingMillis
        var recipientPeak = 0
        if spacing > 0 {
            for (_, list) in perRecipient {
                for j in list.indices {
                    for i in stride(from: j, through: max(0, j - 64), by: -1) {
                        let n = Int64(j - i + 1)
                        if n * spacing > Int64(settings.recipientBurst) * spacing + (list[j] - list[i]) {
                            report.violations.append("a recipient got \(n) sends in \(list[j] - list[i]) ms")
                        }
                        if list[j] - list[i] < spacing { recipientPeak = max(recipientPeak, Int(n)) }
                    }
                }
            }
        }
        report.peaks.append(("perRecipientSpacing", recipientPeak, settings.recipientBurst))
        report.wallMillis = Engine.micros(since: started) / 1000
        return report
    }
}
