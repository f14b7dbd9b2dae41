/// Session care settings ("session" in the configuration): the state machine's backoff, the
/// health score's thresholds, the watchdog, and where each account's session lock lives.
public struct SessionSettings: Sendable, Equatable {
    /// A session lock's heartbeat older than this is stale (pre-flight's "lock" check).
    public var staleAfterMs: Int64 = SessionLock.defaultStaleAfterMs
    /// The watchdog: no inbound message for this long while chats are active is a silent stall.
    public var stallAfterMs: Int64 = 600_000
    /// Chats counted as active: the host's latest "activeChats", else the distinct chats seen
    /// inbound in this window before the silence began.
    public var activeWindowMs: Int64 = 1_800_000
    /// At least this many active chats for a silence to count as a stall.
    public var minActiveChats: Int64 = 1
    /// The host's heartbeat period: a heartbeat older than this starts costing score, one
    /// older than `heartbeatStaleMs` costs the whole heartbeat share.
    public var heartbeatIntervalMs: Int64 = 30_000
    public var heartbeatStaleMs: Int64 = 120_000
    /// Error rate and latency are judged over the heartbeats of this window; disconnects over
    /// `disconnectWindowMs`.
    public var windowMs: Int64 = 300_000
    public var disconnectWindowMs: Int64 = 3_600_000
    /// Transitions kept per account.
    public var historySize = 50
    public var thresholds = Thresholds()
    public var backoff = Backoff()
    /// Account name -> its session directory, whose lock pre-flight checks.
    public var lockDirectories: [String: String] = [:]

    public struct Thresholds: Sendable, Equatable {
        /// Below `critical`: critical; below `warning`: warning; back to healthy only at
        /// `recovered` or above once warning or critical (hysteresis).
        public var critical = 60.0
        public var warning = 75.0
        public var recovered = 80.0
        /// Heartbeat latency: no cost up to `latencyGoodMs`, the whole latency share at `latencyBadMs`.
        public var latencyGoodMs = 1_000.0
        public var latencyBadMs = 10_000.0
        public init() {}
    }

    /// Reconnect advice: `initialMs * multiplier^(failures-1)`, at most `maxMs`, +/- `jitter`.
    public struct Backoff: Sendable, Equatable {
        public var initialMs: Int64 = 1_000
        public var maxMs: Int64 = 300_000
        public var multiplier = 2.0
        public var jitter = 0.2
        /// A connection that stayed ready this long resets the failure count.
        public var resetAfterMs: Int64 = 60_000
        /// Seeds the jitter (tests); nil: random.
        public var seed: UInt64?
        public init() {}
    }

    public init() {}
}

extension Configuration {
    static func sessionSettings(_ object: JSONObject) throws(ParleyError) -> SessionSettings {
        var s = SessionSettings()
        var r = Reader(object: object, path: "session.")
        func ms(_ key: String, _ bounds: ClosedRange<Int64>, _ r: inout Reader) throws(ParleyError) -> Int64? {
            guard let v = try r.int(key) else { return nil }
            guard bounds.contains(v) else {
                throw ParleyError(.invalidConfig, "session.\(key) must be between \(bounds.lowerBound) and \(bounds.upperBound), got \(v)")
            }
            return v
        }
        let day: Int64 = 86_400_000
        if let v = try ms("staleAfterMs", 1...day, &r) { s.staleAfterMs = v }
        if let v = try ms("stallAfterMs", 1...day, &r) { s.stallAfterMs = v }
        if let v = try ms("activeWindowMs", 1...day, &r) { s.activeWindowMs = v }
        if let v = try ms("minActiveChats", 0...1_000_000, &r) { s.minActiveChats = v }
        if let v = try ms("heartbeatIntervalMs", 1...day, &r) { s.heartbeatIntervalMs = v }
        if let v = try ms("heartbeatStaleMs", 1...day, &r) { s.heartbeatStaleMs = v }
        if let v = try ms("windowMs", 1...day, &r) { s.windowMs = v }
        if let v = try ms("disconnectWindowMs", 1...day, &r) { s.disconnectWindowMs = v }
        if let v = try ms("historySize", 1...10_000, &r) { s.historySize = Int(v) }
        guard s.heartbeatStaleMs > s.heartbeatIntervalMs else {
            throw ParleyError(.invalidConfig, "session.heartbeatStaleMs must exceed session.heartbeatIntervalMs")
        }
        if let t = try r.object("thresholds") {
            var tr = Reader(object: t, path: "session.thresholds.")
            func score(_ key: String, _ tr: inout Reader) throws(ParleyError) -> Double? {
                guard let v = try tr.double(key) else { return nil }
                guard (0...100).contains(v) else { throw ParleyError(.invalidConfig, "session.thresholds.\(key) must be between 0 and 100, got \(v)") }
                return v
            }
            if let v = try score("critical", &tr) { s.thresholds.critical = v }
            if let v = try score("warning", &tr) { s.thresholds.warning = v }
            if let v = try score("recovered", &tr) { s.thresholds.recovered = v }
            if let v = try tr.double("latencyGoodMs") { s.thresholds.latencyGoodMs = v }
            if let v = try tr.double("latencyBadMs") { s.thresholds.latencyBadMs = v }
            try tr.finish()
            let t = s.thresholds
            guard t.critical <= t.warning && t.warning <= t.recovered else {
                throw ParleyError(.invalidConfig, "session.thresholds must satisfy critical <= warning <= recovered")
            }
            guard t.latencyGoodMs >= 0 && t.latencyGoodMs < t.latencyBadMs else {
                throw ParleyError(.invalidConfig, "session.thresholds must satisfy 0 <= latencyGoodMs < latencyBadMs")
            }
        }
        if let b = try r.object("backoff") {
            var br = Reader(object: b, path: "session.backoff.")
            if let v = try br.int("initialMs") {
                guard (0...day).contains(v) else { throw ParleyError(.invalidConfig, "session.backoff.initialMs must be between 0 and \(day)") }
                s.backoff.initialMs = v
            }
            if let v = try br.int("maxMs") {
                guard (0...day).contains(v) else { throw ParleyError(.invalidConfig, "session.backoff.maxMs must be between 0 and \(day)") }
                s.backoff.maxMs = v
            }
            if let v = try br.double("multiplier") {
                guard (1...10).contains(v) else { throw ParleyError(.invalidConfig, "session.backoff.multiplier must be between 1 and 10") }
                s.backoff.multiplier = v
            }
            if let v = try br.double("jitter") {
                guard (0...1).contains(v) else { throw ParleyError(.invalidConfig, "session.backoff.jitter must be between 0 and 1") }
                s.backoff.jitter = v
            }
            if let v = try br.int("resetAfterMs") {
                guard (0...day).contains(v) else { throw ParleyError(.invalidConfig, "session.backoff.resetAfterMs must be between 0 and \(day)") }
                s.backoff.resetAfterMs = v
            }
            if let v = try br.int("seed") { s.backoff.seed = UInt64(bitPattern: v) }
            try br.finish()
            guard s.backoff.initialMs <= s.backoff.maxMs else {
                throw ParleyError(.invalidConfig, "session.backoff.initialMs must not exceed session.backoff.maxMs")
            }
        }
        if let dirs = try r.object("lockDirectories") {
            for (account, value) in dirs.members {
                guard let dir = value.stringValue, !dir.isEmpty else {
                    throw ParleyError(.invalidConfig, "session.lockDirectories.\(account) must be a non-empty string")
                }
                s.lockDirectories[account] = dir
            }
        }
        try r.finish()
        return s
    }
}
