/// Alert thresholds and the time buckets behind the metrics ("metrics" in the config).
public struct MetricsSettings: Sendable, Equatable {
    /// Length of one history bucket.
    public var bucketSeconds = 60
    /// Buckets kept for trend queries and anomaly detection.
    public var historyBuckets = 60
    /// p99 latency (of `process`, and submit-to-result) in milliseconds: warning, critical.
    public var latencyMillis: (warning: Double, critical: Double) = (500, 2_000)
    /// Share of messages that failed: warning, critical.
    public var errorRate: (warning: Double, critical: Double) = (0.05, 0.10)
    /// Resident memory as a share of the memory limit (cgroup, else the machine's): warning, critical.
    public var memory: (warning: Double, critical: Double) = (0.75, 0.90)
    /// A bucket whose throughput or p99 latency is this many standard deviations from the
    /// recent buckets' is an anomaly.
    public var anomalySigma = 2.5
    /// Fewer messages than this in a bucket say too little for a rate or an anomaly.
    public var minimumMessages = 20

    public init() {}

    public static func == (a: MetricsSettings, b: MetricsSettings) -> Bool {
        a.bucketSeconds == b.bucketSeconds && a.historyBuckets == b.historyBuckets && a.latencyMillis == b.latencyMillis
            && a.errorRate == b.errorRate && a.memory == b.memory && a.anomalySigma == b.anomalySigma
            && a.minimumMessages == b.minimumMessages
    }
}

/// A condition worth a host's attention, as parley_metrics_json lists it.
struct Alert: Sendable, Equatable {
    enum Level: String, Sendable { case warning, critical }
    let name: String
    let level: Level
    let value: Double
    let threshold: Double
    let message: String

    var json: JSONValue {
        ["name": .string(name), "level": .string(level.rawValue), "value": .double(rounded(value)),
         "threshold": .double(rounded(threshold)), "message": .string(message)]
    }
}

/// Fixed thresholds: latency, error rate, memory.
enum Threshold {
    static func alerts(p99Micros: UInt64?, errorRate: Double?, memoryFraction: Double?, settings: MetricsSettings) -> [Alert] {
        var alerts: [Alert] = []
        func check(_ name: String, _ value: Double, _ limits: (warning: Double, critical: Double), _ unit: String, _ what: String) {
            if value >= limits.critical {
                alerts.append(Alert(name: name, level: .critical, value: value, threshold: limits.critical,
                                    message: "\(what) is \(rounded(value))\(unit), at or above the critical \(limits.critical)\(unit)"))
            } else if value >= limits.warning {
                alerts.append(Alert(name: name, level: .warning, value: value, threshold: limits.warning,
                                    message: "\(what) is \(rounded(value))\(unit), at or above the warning \(limits.warning)\(unit)"))
            }
        }
        if let p99Micros { check("latency_p99", Double(p99Micros) / 1000, settings.latencyMillis, " ms", "p99 latency") }
        if let errorRate { check("error_rate", errorRate, settings.errorRate, "", "the error rate") }
        if let memoryFraction { check("memory", memoryFraction, settings.memory, "", "resident memory as a share of the limit") }
        return alerts
    }
}

/// Deviation from the recent past: a closed bucket's throughput or p99 latency more than
/// `anomalySigma` standard deviations from the mean of the buckets before it.
enum Anomaly {
    /// Buckets of history needed before anything is called unusual.
    static let minimumHistory = 5

    static func check(_ bucket: EngineMetrics.Bucket, against history: [EngineMetrics.Bucket], settings: MetricsSettings) -> [Alert] {
        let recent = history.suffix(settings.historyBuckets)
        guard recent.count >= minimumHistory else { return [] }
        var alerts: [Alert] = []
        let rates = recent.map { Double($0.messages) / Double(settings.bucketSeconds) }
        if let alert = deviation("throughput_anomaly", Double(bucket.messages) / Double(settings.bucketSeconds), rates,
                                 settings.anomalySigma, "messages/s") {
            alerts.append(alert)
        }
        let latencies = recent.filter { $0.latency.totalCount > 0 }.map { Double($0.latency.valueAtPercentile(99)) / 1000 }
        if latencies.count >= minimumHistory, bucket.latency.totalCount > 0,
           let alert = deviation("latency_anomaly", Double(bucket.latency.valueAtPercentile(99)) / 1000, latencies,
                                 settings.anomalySigma, "ms p99") {
            alerts.append(alert)
        }
        return alerts
    }

    /// An alert when `value` is beyond `sigmas` standard deviations of `sample`. A perfectly
    /// steady sample gets a floor of 5 % of its mean as deviation, so noise is not news.
    static func deviation(_ name: String, _ value: Double, _ sample: [Double], _ sigmas: Double, _ unit: String) -> Alert? {
        let mean = sample.reduce(0, +) / Double(sample.count)
        let variance = sample.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(sample.count)
        let deviation = max(variance.squareRoot(), abs(mean) * 0.05, 1e-9)
        let z = (value - mean) / deviation
        guard abs(z) > sigmas else { return nil }
        return Alert(name: name, level: .warning, value: value, threshold: mean + (z > 0 ? 1 : -1) * sigmas * deviation,
                     message: "\(rounded(value)) \(unit) is \(rounded(abs(z))) standard deviations \(z > 0 ? "above" : "below") "
                        + "the recent mean of \(rounded(mean))")
    }
}
