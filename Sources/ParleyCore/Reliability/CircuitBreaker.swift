#if canImport(Glibc)
import Glibc
#endif

/// Where a breaker reads the time, in milliseconds. Only differences matter, so any clock that
/// does not jump works; `.monotonic` is the default and tests inject a fake one.
public struct BreakerClock: Sendable {
    public let nowMillis: @Sendable () -> Int64

    public init(_ nowMillis: @escaping @Sendable () -> Int64) {
        self.nowMillis = nowMillis
    }

    /// CLOCK_MONOTONIC: never goes back, unaffected by changes of the wall clock.
    public static let monotonic = BreakerClock {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }
}

/// The settings of one breaker ("breakers" in the configuration). Defaults follow
/// resilience4j's: judge the last 20 calls once there are 10, open at 50 % failures or 80 %
/// calls slower than 5 s, stay open 30 s, then let 3 trial calls through.
public struct BreakerConfig: Sendable, Equatable {
    /// Open when at least this fraction of the window's calls failed (0 < rate ≤ 1).
    public var failureRate = 0.5
    /// How many of the most recent calls are judged (count-based sliding window).
    public var window = 20
    /// No verdict before the window holds this many calls (1 ≤ minimumCalls ≤ window).
    public var minimumCalls = 10
    /// How long the breaker stays open before it lets trial calls through.
    public var openMillis: Int64 = 30_000
    /// A call that took longer than this is slow.
    public var slowCallMicros: Int64 = 5_000_000
    /// Open when at least this fraction of the window's calls were slow (0 < rate ≤ 1).
    public var slowCallRate = 0.8
    /// Trial calls let through when half-open; all must succeed to close.
    public var halfOpenPermits = 3

    public init() {}
}

/// A circuit breaker around one external dependency ("sheets", "whatsapp-send").
///
/// - closed: every call may go ahead; outcomes fill a sliding window of the last `window`
///   calls. Once it holds `minimumCalls`, a failure rate ≥ `failureRate` or a slow-call rate
///   ≥ `slowCallRate` opens the breaker.
/// - open: no call may go ahead until `openMillis` have passed; the first `allow` after that
///   moves to half-open.
/// - half-open: `halfOpenPermits` trial calls may go ahead (others are refused). A failed
///   trial reopens at once; when every trial has reported, the breaker closes with an empty
///   window, unless the trials' slow-call rate reached `slowCallRate` (then it reopens).
///   Trials that never report do not wedge it: after another `openMillis` in half-open a new
///   round of permits is granted.
///
/// Outcomes reported while open (calls let through before it opened), and reports beyond the
/// granted trials while half-open, are ignored. Thread-safe: every method takes the breaker's
/// own lock for a few nanoseconds of arithmetic.
public final class CircuitBreaker: Sendable {
    public enum State: String, Sendable {
        case closed
        case open
        case halfOpen = "half_open"
    }

    /// A snapshot of a breaker, as parley_breaker_status reports it.
    public struct Status: Sendable, Equatable {
        public let name: String
        public let state: State
        /// Over the window when closed or open, over the trials so far when half-open.
        public let failureRate: Double
        public let slowCallRate: Double
        /// Calls in the window (closed, open) or trials reported (half-open).
        public let calls: Int
        /// When it last opened and when it may let trials through (open and half-open only).
        public let openedAt: Int64?
        public let retryAt: Int64?

        public var json: JSONValue {
            var object = JSONObject()
            object.append("name", .string(name))
            object.append("state", .string(state.rawValue))
            object.append("failureRate", .double(failureRate))
            object.append("slowCallRate", .double(slowCallRate))
            object.append("calls", .int(Int64(calls)))
            if let openedAt { object.append("openedAt", .int(openedAt)) }
            if let retryAt { object.append("retryAt", .int(retryAt)) }
            return .object(object)
        }
    }

    struct Outcomes {
        /// Ring buffer of the last `window` outcomes: bit 0 failed, bit 1 slow.
        var ring: [UInt8]
        var next = 0
        var count = 0
        var failures = 0
        var slow = 0

        init(capacity: Int) { ring = [UInt8](repeating: 0, count: capacity) }

        mutating func add(failed: Bool, slow isSlow: Bool) {
            if count == ring.count {
                let evicted = ring[next]
                failures -= Int(evicted & 1)
                slow -= Int(evicted >> 1)
            } else {
                count += 1
            }
            ring[next] = (failed ? 1 : 0) | (isSlow ? 2 : 0)
            failures += failed ? 1 : 0
            slow += isSlow ? 1 : 0
            next = next + 1 == ring.count ? 0 : next + 1
        }

        mutating func reset() {
            next = 0
            count = 0
            failures = 0
            slow = 0
        }

        var failureRate: Double { count == 0 ? 0 : Double(failures) / Double(count) }
        var slowRate: Double { count == 0 ? 0 : Double(slow) / Double(count) }
    }

    struct Locked {
        var state = State.closed
        var window: Outcomes
        var openedAt: Int64 = 0
        /// When the current half-open round began.
        var halfOpenSince: Int64 = 0
        var trialsGranted = 0
        var trialsReported = 0
        var trialsSlow = 0
    }

    public let name: String
    public let config: BreakerConfig
    public let clock: BreakerClock
    private let locked: Guarded<Locked>

    public init(name: String, config: BreakerConfig = BreakerConfig(), clock: BreakerClock = .monotonic) {
        self.name = name
        self.config = config
        self.clock = clock
        locked = Guarded(Locked(window: Outcomes(capacity: max(1, config.window))))
    }

    /// Whether a call may go ahead now: true when closed, or when half-open and a trial permit
    /// was granted (the caller must then `record` its outcome).
    public func allow(now: Int64? = nil) -> Bool {
        let now = now ?? clock.nowMillis()
        return locked.withLock { state in
            switch state.state {
            case .closed:
                return true
            case .open:
                // A clock that went back re-anchors the open period instead of prolonging it.
                if now < state.openedAt { state.openedAt = now }
                guard Self.elapsed(from: state.openedAt, to: now) >= config.openMillis else { return false }
                startHalfOpen(&state, now: now)
                state.trialsGranted = 1
                return true
            case .halfOpen:
                if now < state.halfOpenSince { state.halfOpenSince = now }
                if state.trialsGranted < config.halfOpenPermits {
                    state.trialsGranted += 1
                    return true
                }
                // Every permit is out. If their reports are overdue, start a new round.
                if Self.elapsed(from: state.halfOpenSince, to: now) >= config.openMillis {
                    startHalfOpen(&state, now: now)
                    state.trialsGranted = 1
                    return true
                }
                return false
            }
        }
    }

    /// Records the outcome of a call that `allow` let through: `ok` false for a failure,
    /// `micros` how long it took (slower than `slowCallMicros` is slow).
    public func record(ok: Bool, micros: Int64, now: Int64? = nil) {
        let now = now ?? clock.nowMillis()
        let slow = micros > config.slowCallMicros
        locked.withLock { state in
            switch state.state {
            case .closed:
                state.window.add(failed: !ok, slow: slow)
                let window = state.window
                if window.count >= config.minimumCalls
                    && (window.failureRate >= config.failureRate || window.slowRate >= config.slowCallRate) {
                    open(&state, now: now)
                }
            case .open:
                break
            case .halfOpen:
                guard state.trialsReported < state.trialsGranted else { return }
                state.trialsReported += 1
                if slow { state.trialsSlow += 1 }
                if !ok {
                    open(&state, now: now)
                } else if state.trialsReported >= config.halfOpenPermits {
                    if Double(state.trialsSlow) / Double(state.trialsReported) >= config.slowCallRate {
                        open(&state, now: now)
                    } else {
                        state.state = .closed
                        state.window.reset()
                    }
                }
            }
        }
    }

    public var status: Status {
        locked.withLock { state in
            switch state.state {
            case .closed:
                return Status(name: name, state: .closed, failureRate: state.window.failureRate, slowCallRate: state.window.slowRate,
                              calls: state.window.count, openedAt: nil, retryAt: nil)
            case .open:
                return Status(name: name, state: .open, failureRate: state.window.failureRate, slowCallRate: state.window.slowRate,
                              calls: state.window.count, openedAt: state.openedAt, retryAt: retryAt(state))
            case .halfOpen:
                let reported = state.trialsReported
                // A trial failure reopens at once, so every reported trial so far succeeded.
                return Status(name: name, state: .halfOpen, failureRate: 0,
                              slowCallRate: reported == 0 ? 0 : Double(state.trialsSlow) / Double(reported),
                              calls: reported, openedAt: state.openedAt, retryAt: retryAt(state))
            }
        }
    }

    public var state: State { locked.withLock { $0.state } }

    private func retryAt(_ state: Locked) -> Int64 {
        let (sum, overflow) = state.openedAt.addingReportingOverflow(config.openMillis)
        return overflow ? .max : sum
    }

    /// `to - from`, saturating instead of trapping for times at the ends of Int64.
    private static func elapsed(from: Int64, to: Int64) -> Int64 {
        let (difference, overflow) = to.subtractingReportingOverflow(from)
        return overflow ? (to > from ? .max : .min) : difference
    }

    private func open(_ state: inout Locked, now: Int64) {
        state.state = .open
        state.openedAt = now
    }

    private func startHalfOpen(_ state: inout Locked, now: Int64) {
        state.state = .halfOpen
        state.halfOpenSince = now
        state.trialsGranted = 0
        state.trialsReported = 0
        state.trialsSlow = 0
    }
}
