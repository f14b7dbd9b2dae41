#if canImport(Glibc)
import Glibc
#endif

/// The retry settings of the dead-letter queue ("retries" in the configuration).
public struct RetrySettings: Sendable, Equatable {
    /// Failures a message may have in all: the one that reaches it dead-letters the message.
    public var attempts = 5
    /// The delay after the first failure, and the longest delay (reached after the last
    /// failure that is still retried).
    public var firstDelaySeconds: Int64 = 300
    public var maxDelaySeconds: Int64 = 43_200
    /// Each delay is moved by up to this fraction, up or down, at random: failures of many
    /// messages at once (a dependency down) do not all come due in the same second.
    public var jitter = 0.2

    public init() {}

    /// Bounds the configuration enforces.
    static let attemptRange: ClosedRange<Int64> = 1...100
    static let delayRange: ClosedRange<Int64> = 1...31_536_000
    static let jitterRange: ClosedRange<Double> = 0...0.9
}

/// When a failed message is tried again: exponential backoff from `firstDelaySeconds` after
/// the first failure to `maxDelaySeconds` after the last one retried, growing by the same
/// factor at every step, each delay moved by up to ±`jitter`. With the defaults (5 attempts,
/// 5 min to 12 h) the four retries come after 5 min, 26 min, 2.3 h and 12 h (±20%); the
/// fifth failure dead-letters the message.
public struct RetrySchedule: Sendable {
    public let settings: RetrySettings
    /// A uniform number in [0, 1): the system generator, or a fixed sequence in tests.
    let random: @Sendable () -> Double

    public init(settings: RetrySettings = RetrySettings(), random: (@Sendable () -> Double)? = nil) {
        self.settings = settings
        self.random = random ?? { Double.random(in: 0..<1) }
    }

    /// The delay, in milliseconds, before retrying a message that has just failed for the
    /// `failures`-th time; nil when that failure used up its attempts (the message is dead).
    public func delayMillis(afterFailure failures: Int) -> Int64? {
        guard failures >= 1 && failures < settings.attempts else { return nil }
        let base = baseDelaySeconds(afterFailure: failures)
        let spread = settings.jitter * (2 * min(max(random(), 0), 1) - 1)
        let millis = (base * 1000 * (1 + spread)).rounded()
        return max(1, Int64(millis))
    }

    /// The delay before jitter, in seconds.
    func baseDelaySeconds(afterFailure failures: Int) -> Double {
        let first = Double(settings.firstDelaySeconds)
        let last = Double(max(settings.maxDelaySeconds, settings.firstDelaySeconds))
        let retries = settings.attempts - 1
        guard retries > 1 else { return first }
        let step = Double(failures - 1) / Double(retries - 1)
        return first * pow(last / first, step)
    }

    /// When the message that has just failed for the `failures`-th time at `now` (Unix
    /// milliseconds) is due again; nil when it is dead.
    public func nextAttempt(afterFailure failures: Int, now: Int64) -> Int64? {
        delayMillis(afterFailure: failures).map { now + $0 }
    }
}
