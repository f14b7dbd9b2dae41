#if canImport(Glibc)
import Glibc
#endif

/// Every account's client state, history, heartbeats and health level, behind one lock (the
/// calls are a few per second at most). Times are the host's `now_ms`.
public final class SessionMonitor: Sendable {
    public static let maxAccounts = 64
    static let maxAccountBytes = 128
    /// Heartbeats kept per account (older ones beyond the window are dropped first).
    static let maxHeartbeats = 512

    struct Transition {
        var at: Int64
        var event: String
        var from: SessionState
        var to: SessionState
        var reason: String?

        var json: JSONValue {
            var object = JSONObject()
            object.append("at", .int(at))
            object.append("event", .string(event))
            object.append("from", .string(from.rawValue))
            object.append("to", .string(to.rawValue))
            if let reason { object.append("reason", .string(reason)) }
            return .object(object)
        }
    }

    struct Beat {
        var at: Int64
        var ok: Bool
        var latencyMs: Double?
    }

    enum Level: String {
        case healthy, warning, critical
    }

    struct Account {
        var state: SessionState = .initializing
        var previous: SessionState?
        var since: Int64?
        var lastEventAt: Int64?
        var history: [Transition] = []
        var failures = 0
        var lastRemedy: SessionSignal.Remedy?
        var lastReason: String?
        var lastDelayMs: Int64?
        var disconnects: [Int64] = []
        var beats: [Beat] = []
        var lastBeatAt: Int64?
        var lastInboundAt: Int64?
        var reportedActiveChats: Int64?
        var chats = ActiveChats()
        var level: Level = .healthy
        var levelSince: Int64?
        var stalls = 0
        var stalled = false
        var qrCount = 0
    }

    let settings: SessionSettings
    private let accounts: Guarded<(map: [String: Account], jitter: JitterSource, inbound: Inbound)>

    /// What the engine processed, whichever account received it (messages name none): every
    /// account's watchdog counts it, and an account first heard of later starts from it. It
    /// never creates an account: a bot that reports no session events has none to judge.
    struct Inbound {
        var lastAt: Int64?
        var chats = ActiveChats()
    }

    init(settings: SessionSettings) {
        self.settings = settings
        var seed = settings.backoff.seed ?? 0
        if settings.backoff.seed == nil {
            var generator = SystemRandomNumberGenerator()
            seed = generator.next()
        }
        accounts = Guarded(([:], JitterSource(state: seed), Inbound()))
    }

    static func validateAccount(_ name: String) throws(ParleyError) {
        guard (1...maxAccountBytes).contains(name.utf8.count) else {
            throw ParleyError(.invalidArgument, "the account name must be 1 to \(maxAccountBytes) bytes")
        }
    }

    private func withAccount<T>(_ name: String, create: Bool,
                                _ body: (inout Account, inout JitterSource) throws(ParleyError) -> T) throws(ParleyError) -> T {
        try Self.validateAccount(name)
        return try accounts.withLock { (entry) throws(ParleyError) -> T in
            var created = false
            if entry.map[name] == nil {
                guard create else { throw ParleyError(.notFound, "no session events or heartbeats for account \"\(name)\" yet") }
                guard entry.map.count < Self.maxAccounts else {
                    throw ParleyError(.invalidArgument, "at most \(Self.maxAccounts) accounts per engine")
                }
                var account = Account()
                account.lastInboundAt = entry.inbound.lastAt
                account.chats = entry.inbound.chats
                entry.map[name] = account
                created = true
            }
            do throws(ParleyError) {
                return try body(&entry.map[name]!, &entry.jitter)
            } catch {
                // A refused first event leaves no account behind.
                if created { entry.map[name] = nil }
                throw error
            }
        }
    }

    var accountNames: [String] { accounts.withLock { $0.map.keys.sorted() } }

    // MARK: - Events

    /// Applies one host event; answers {"schema", "account", "event", "state", "previous",
    /// "changed", "reason"?, "code"?, "consecutiveFailures", "advice"}.
    func apply(_ value: JSONValue) throws(ParleyError) -> JSONValue {
        guard case .object(let object) = value else {
            throw ParleyError(.invalidArgument, "the session event must be a JSON object, got \(value.typeName)")
        }
        let (account, at) = try Self.accountAndTime(object, what: "session event")
        let signal = try SessionSignal.parse(object)
        let settings = self.settings
        return try withAccount(account, create: true) { (a, jitter) throws(ParleyError) -> JSONValue in
            let from = a.state
            let target = Self.resolve(signal, in: from)
            if let target, !from.canMove(to: target) {
                throw ParleyError(.invalidArgument, "illegal session transition from \(from.rawValue) to \(target.rawValue) (event \"\(signal.event)\"\(signal.reason.map { ", \($0)" } ?? "")); the state stays \(from.rawValue)")
            }
            let to = target ?? from
            let changed = to != from
            if signal.qr { a.qrCount += 1 }
            if to == .ready { a.qrCount = 0 }
            if let remedy = signal.remedy, changed, remedy != .restartNow {
                // A failure counts once per drop, not per repeated event; a connection that
                // stayed ready long enough starts the count over.
                if from == .ready, let since = a.since, at - since >= settings.backoff.resetAfterMs { a.failures = 0 }
                a.failures += 1
                a.disconnects.append(at)
            }
            if signal.remedy != nil {
                a.lastRemedy = signal.remedy
                a.lastReason = signal.reason
            }
            if changed {
                a.previous = from
                a.state = to
                a.since = at
                a.history.append(Transition(at: at, event: signal.event, from: from, to: to, reason: signal.reason))
                if a.history.count > settings.historySize { a.history.removeFirst(a.history.count - settings.historySize) }
                if to == .ready {
                    a.lastRemedy = nil
                    a.lastReason = nil
                    a.stalled = false
                    // The watchdog measures silence from the moment the client is ready.
                    a.lastInboundAt = max(a.lastInboundAt ?? at, at)
                }
            }
            a.lastEventAt = at
            let advice = Self.advice(for: &a, settings: settings, jitter: &jitter, fresh: changed || signal.remedy != nil)
            var result = JSONObject()
            result.append("schema", .int(EnrichedContext.schema))
            result.append("account", .string(account))
            result.append("event", .string(signal.event))
            result.append("state", .string(a.state.rawValue))
            result.append("previous", a.previous.map { .string($0.rawValue) } ?? .null)
            result.append("changed", .bool(changed))
            if let reason = signal.reason { result.append("reason", .string(reason)) }
            if let code = signal.code { result.append("code", .int(code)) }
            result.append("consecutiveFailures", .int(Int64(a.failures)))
            result.append("advice", advice.json)
            return .object(result)
        }
    }

    /// The state an event leads to in `state` (some events mean different things in context).
    static func resolve(_ signal: SessionSignal, in state: SessionState) -> SessionState? {
        if let target = signal.target { return target }
        switch (signal.event, signal.reason) {
        case ("connection.update", "connecting"), ("change_state", "OPENING"):
            switch state {
            case .disconnected: return .reconnecting
            case .failed, .loggedOut: return .initializing
            default: return nil
            }
        case ("change_state", "TIMEOUT"):
            return state == .ready ? .reconnecting : nil
        case ("change_state", "CONNECTED"):
            return state == .reconnecting || state == .disconnected ? .ready : nil
        default:
            return nil
        }
    }

    /// The advice for the account's current state; a fresh drop draws a new jittered delay.
    static func advice(for a: inout Account, settings: SessionSettings, jitter: inout JitterSource, fresh: Bool) -> SessionAdvice {
        switch a.state {
        case .ready:
            return SessionAdvice(action: .none, reason: "connected")
        case .initializing:
            return SessionAdvice(action: .wait, reason: "the client is starting")
        case .authenticated:
            return SessionAdvice(action: .wait, reason: "authenticated; the client is loading")
        case .qr:
            return SessionAdvice(action: .repair, reason: "scan the QR code with the phone to pair (QR \(a.qrCount))")
        case .reconnecting:
            return SessionAdvice(action: .wait, reason: "the client is reconnecting")
        case .loggedOut:
            return SessionAdvice(action: .repair, reason: "logged out\(a.lastReason.map { " (\($0))" } ?? ""): clear the saved session and scan a new QR code")
        case .failed, .disconnected:
            let why = a.lastReason ?? "unknown"
            switch a.lastRemedy ?? .backoff {
            case .stop:
                if why.hasPrefix("CONFLICT") || why.hasPrefix("connectionReplaced") {
                    return SessionAdvice(action: .stop, reason: "the account was opened in another client (\(why)): stop this one; reconnecting would fight it")
                }
                return SessionAdvice(action: .stop, reason: "WhatsApp refuses this client (\(why)): do not reconnect")
            case .repair:
                return SessionAdvice(action: .repair, reason: "the session is unusable (\(why)): clear it and scan a new QR code")
            case .restartNow:
                a.lastDelayMs = 0
                return SessionAdvice(action: .reconnect, delayMs: 0, reason: "the server asked for a restart (\(why)): reconnect now")
            case .backoff:
                if fresh || a.lastDelayMs == nil {
                    a.lastDelayMs = settings.backoff.delay(failures: max(1, a.failures), unit: jitter.next())
                }
                return SessionAdvice(action: .reconnect, delayMs: a.lastDelayMs,
                                     reason: "connection dropped (\(why)); attempt \(max(1, a.failures)) with exponential backoff")
            }
        }
    }

    static func accountAndTime(_ object: JSONObject, what: String) throws(ParleyError) -> (String, Int64) {
        var account = "default"
        if let value = object["account"], !value.isNull {
            guard let name = value.stringValue else { throw ParleyError(.invalidArgument, "the \(what)'s account must be a string") }
            account = name
        }
        try validateAccount(account)
        guard let atValue = object["at"], let at = atValue.int64Value else {
            throw ParleyError(.invalidArgument, "the \(what) needs \"at\": the host's clock in ms since the epoch (an integer)")
        }
        guard at >= 0 && at <= Engine.maxTimeMillis else {
            throw ParleyError(.invalidArgument, "\"at\" must be between 0 and \(Engine.maxTimeMillis), got \(at)")
        }
        return (account, at)
    }

    // MARK: - Heartbeats and inbound messages

    /// `{"account"?, "at", "latencyMs"?, "ok"?, "inbound"? (messages since the last
    /// heartbeat), "activeChats"?}`.
    func heartbeat(_ value: JSONValue) throws(ParleyError) {
        guard case .object(let object) = value else {
            throw ParleyError(.invalidArgument, "the heartbeat must be a JSON object, got \(value.typeName)")
        }
        for key in object.keys where !["account", "at", "latencyMs", "ok", "inbound", "activeChats"].contains(key) {
            throw ParleyError(.invalidArgument, "unknown heartbeat key \"\(SessionSignal.clip(key))\" (account, at, latencyMs, ok, inbound, activeChats)")
        }
        let (account, at) = try Self.accountAndTime(object, what: "heartbeat")
        var latency: Double?
        if let v = object["latencyMs"], !v.isNull {
            guard let d = v.doubleValue, d >= 0, d <= 86_400_000 else { throw ParleyError(.invalidArgument, "latencyMs must be a number between 0 and 86400000") }
            latency = d
        }
        var ok = true
        if let v = object["ok"], !v.isNull {
            guard let b = v.boolValue else { throw ParleyError(.invalidArgument, "ok must be true or false") }
            ok = b
        }
        func count(_ key: String) throws(ParleyError) -> Int64? {
            guard let v = object[key], !v.isNull else { return nil }
            guard let n = v.int64Value, n >= 0 else { throw ParleyError(.invalidArgument, "\(key) must be a non-negative integer") }
            return n
        }
        let inbound = try count("inbound")
        let active = try count("activeChats")
        let settings = self.settings
        try withAccount(account, create: true) { (a, _) throws(ParleyError) in
            a.beats.append(Beat(at: at, ok: ok, latencyMs: latency))
            Self.prune(&a, now: at, settings: settings)
            a.lastBeatAt = max(a.lastBeatAt ?? at, at)
            if let inbound, inbound > 0 { a.lastInboundAt = max(a.lastInboundAt ?? at, at) }
            if let active { a.reportedActiveChats = active }
            _ = Self.evaluate(&a, now: at, settings: settings)
        }
    }

    /// An inbound message seen by the engine (its own processing), for the watchdog: counted
    /// for `account` when named (created if new), else for every account (`Inbound`).
    func noteInbound(chat: String, at: Int64, account: String? = nil) {
        let window = settings.activeWindowMs
        func note(_ lastAt: inout Int64?, _ chats: inout ActiveChats) {
            lastAt = max(lastAt ?? at, at)
            chats.note(chat, at: at, window: window)
        }
        if let account {
            try? withAccount(account, create: true) { (a, _) throws(ParleyError) in note(&a.lastInboundAt, &a.chats) }
            return
        }
        accounts.withLock { entry in
            note(&entry.inbound.lastAt, &entry.inbound.chats)
            for name in Array(entry.map.keys) {
                var account = entry.map[name]!
                note(&account.lastInboundAt, &account.chats)
                entry.map[name] = account
            }
        }
    }

    static func prune(_ a: inout Account, now: Int64, settings: SessionSettings) {
        if let first = a.beats.firstIndex(where: { now - $0.at <= settings.windowMs }) {
            if first > 0 { a.beats.removeFirst(first) }
        } else {
            a.beats.removeAll()
        }
        if a.beats.count > maxHeartbeats { a.beats.removeFirst(a.beats.count - maxHeartbeats) }
        a.disconnects.removeAll { now - $0 > settings.disconnectWindowMs }
    }

    // MARK: - Health

    struct Health {
        var score: Double
        var level: Level
        var components: JSONObject
        var watchdog: JSONObject
        var stalled: Bool
    }

    /// Scores the account at `now` and moves its level with hysteresis.
    static func evaluate(_ a: inout Account, now: Int64, settings: SessionSettings) -> Health {
        let t = settings.thresholds
        // Error rate over the window's heartbeats: up to 40 points.
        let recent = a.beats.filter { now - $0.at <= settings.windowMs && $0.at <= now }
        let errors = recent.filter { !$0.ok }.count
        let errorRate = recent.isEmpty ? 0 : Double(errors) / Double(recent.count)
        let errorCost = 40 * min(1, errorRate / 0.5)
        // Latency (mean of the window's): up to 20 points between good and bad.
        let latencies = recent.compactMap(\.latencyMs)
        let latency = latencies.isEmpty ? nil : latencies.reduce(0, +) / Double(latencies.count)
        let latencyCost = latency.map { 20 * min(1, max(0, ($0 - t.latencyGoodMs) / (t.latencyBadMs - t.latencyGoodMs))) } ?? 0
        // Disconnects in the last hour: 10 points each, up to 30.
        let drops = a.disconnects.filter { now - $0 <= settings.disconnectWindowMs && $0 <= now }.count
        let dropCost = min(30, 10 * Double(drops))
        // Heartbeat age: nothing up to one interval, 40 points at the stale age.
        let age = a.lastBeatAt.map { max(0, now - $0) }
        var ageCost = 0.0
        if let age, age > settings.heartbeatIntervalMs {
            ageCost = 40 * min(1, Double(age - settings.heartbeatIntervalMs) / Double(settings.heartbeatStaleMs - settings.heartbeatIntervalMs))
        }
        // The connection: a client that cannot serve caps the score.
        var cap = 100.0
        switch a.state {
        case .ready: cap = 100
        case .authenticated, .reconnecting: cap = 70
        case .initializing, .qr, .disconnected: cap = 50
        case .failed, .loggedOut: cap = 10
        }
        // The watchdog.
        let silent = a.lastInboundAt.map { max(0, now - $0) }
        var active = a.reportedActiveChats ?? 0
        if a.reportedActiveChats == nil, let last = a.lastInboundAt {
            active = Int64(a.chats.count(now: last, window: settings.activeWindowMs))
        }
        let stalled = a.state == .ready && (silent ?? 0) >= settings.stallAfterMs && active >= max(1, settings.minActiveChats)
        if stalled && !a.stalled { a.stalls += 1 }
        a.stalled = stalled
        let stallCost = stalled ? 30.0 : 0
        let score = max(0, min(cap, 100 - errorCost - latencyCost - dropCost - ageCost - stallCost))

        let level = nextLevel(a.level, score: score, thresholds: t)
        if level != a.level {
            a.level = level
            a.levelSince = now
        }

        var components = JSONObject()
        components.append("errorRate", .double(rounded(errorRate)))
        components.append("heartbeats", .int(Int64(recent.count)))
        components.append("latencyMs", latency.map { .double(rounded($0)) } ?? .null)
        components.append("disconnects", .int(Int64(drops)))
        components.append("heartbeatAgeMs", age.map { .int($0) } ?? .null)
        components.append("cost", ["errors": .double(rounded(errorCost)), "latency": .double(rounded(latencyCost)),
                                   "disconnects": .double(rounded(dropCost)), "heartbeatAge": .double(rounded(ageCost)),
                                   "stall": .double(stallCost), "stateCap": .double(cap)])
        var watchdog = JSONObject()
        watchdog.append("stalled", .bool(stalled))
        watchdog.append("silentMs", silent.map { .int($0) } ?? .null)
        watchdog.append("stallAfterMs", .int(settings.stallAfterMs))
        watchdog.append("activeChats", .int(active))
        watchdog.append("stalls", .int(Int64(a.stalls)))
        return Health(score: (score * 10).rounded() / 10, level: level, components: components, watchdog: watchdog, stalled: stalled)
    }

    /// Hysteresis: worse at once; from critical to warning only at the warning mark, back to
    /// healthy only at the recovery mark.
    static func nextLevel(_ current: Level, score: Double, thresholds t: SessionSettings.Thresholds) -> Level {
        if score < t.critical { return .critical }
        if score >= t.recovered { return .healthy }
        switch current {
        case .healthy: return score < t.warning ? .warning : .healthy
        case .warning: return .warning
        case .critical: return score >= t.warning ? .warning : .critical
        }
    }

    /// {"schema", "score", "level", "accounts": [...]}: one account, or every account (nil).
    func health(account: String?, now: Int64, historyLimit: Int = 20) throws(ParleyError) -> JSONValue {
        let names: [String]
        if let account {
            try Self.validateAccount(account)
            names = [account]
        } else {
            names = accountNames
        }
        var entries: [JSONValue] = []
        var worst: (Double, Level)?
        let settings = self.settings
        for name in names {
            let entry = try withAccount(name, create: false) { (a, jitter) throws(ParleyError) -> JSONValue in
                Self.prune(&a, now: now, settings: settings)
                let health = Self.evaluate(&a, now: now, settings: settings)
                var advice = Self.advice(for: &a, settings: settings, jitter: &jitter, fresh: false)
                if health.stalled {
                    advice = SessionAdvice(action: .reconnect, delayMs: 0,
                                           reason: "no inbound message for \((now - (a.lastInboundAt ?? now)) / 1000) s while chats are active (a silent stall): restart the client")
                }
                if worst == nil || health.score < worst!.0 { worst = (health.score, health.level) }
                var o = JSONObject()
                o.append("account", .string(name))
                o.append("score", .double(health.score))
                o.append("level", .string(health.level.rawValue))
                o.append("levelSince", a.levelSince.map { .int($0) } ?? .null)
                o.append("state", .string(a.state.rawValue))
                o.append("stateSince", a.since.map { .int($0) } ?? .null)
                o.append("consecutiveFailures", .int(Int64(a.failures)))
                o.append("components", .object(health.components))
                o.append("watchdog", .object(health.watchdog))
                o.append("advice", advice.json)
                o.append("history", .array(a.history.suffix(historyLimit).map(\.json)))
                return .object(o)
            }
            entries.append(entry)
        }
        var result = JSONObject()
        result.append("schema", .int(EnrichedContext.schema))
        result.append("score", worst.map { .double($0.0) } ?? .null)
        result.append("level", .string(worst?.1.rawValue ?? "unknown"))
        result.append("accounts", .array(entries))
        return .object(result)
    }

    /// Every account's score at `now` (metrics), without moving levels.
    func scores(now: Int64) -> [(account: String, score: Double, level: String)] {
        let settings = self.settings
        return accounts.withLock { entry in
            entry.map.keys.sorted().map { name in
                var copy = entry.map[name]!
                let health = Self.evaluate(&copy, now: now, settings: settings)
                return (name, health.score, health.level.rawValue)
            }
        }
    }

    /// Whether any account's level is critical now (what degradation reads).
    func anyCritical() -> Bool {
        accounts.withLock { entry in entry.map.values.contains { $0.level == .critical } }
    }

    func snapshot(_ name: String) throws(ParleyError) -> (state: SessionState, lastBeatAt: Int64?) {
        try withAccount(name, create: false) { (a, _) throws(ParleyError) in (a.state, a.lastBeatAt) }
    }
}
