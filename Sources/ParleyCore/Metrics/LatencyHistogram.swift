import Histogram

/// HdrHistogram of microseconds (1 µs to an hour, 3 significant digits): exact percentiles in
/// fixed memory. Named here because Prometheus has a `Histogram` of its own.
typealias LatencyHistogram = Histogram<UInt64>

extension LatencyHistogram {
    static func microseconds() -> LatencyHistogram {
        Histogram(highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
    }
}
