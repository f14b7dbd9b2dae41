#if canImport(Glibc)
import Glibc
#endif

/// Session care through the engine: the client's state machine (parley_session_event),
/// heartbeats and health (parley_session_heartbeat, parley_session_health), pre-flight checks
/// (parley_session_preflight), and what metrics and degradation read.
extension Engine {
    /// Applies a whatsapp-web.js or Baileys event; answers with the state and advice.
    public func sessionEvent(json bytes: UnsafeRawBufferPointer) throws(ParleyError) -> JSONValue {
        try session.apply(parseInput(bytes, what: "session event"))
    }

    public func sessionEvent(_ value: JSONValue) throws(ParleyError) -> JSONValue {
        try session.apply(value)
    }

    public func sessionHeartbeat(json bytes: UnsafeRawBufferPointer) throws(ParleyError) {
        try session.heartbeat(parseInput(bytes, what: "heartbeat"))
    }

    public func sessionHeartbeat(_ value: JSONValue) throws(ParleyError) {
        try session.heartbeat(value)
    }

    /// {"schema", "score", "level", "accounts": [{"account", "score", "level", "levelSince",
    /// "state", "stateSince", "consecutiveFailures", "components", "watchdog", "advice", "history"}]}.
    public func sessionHealth(account: String?, now: Int64) throws(ParleyError) -> JSONValue {
        try Self.checkNow(now)
        return try session.health(account: account, now: now)
    }

    /// An inbound message the host's client received, for the watchdog's silent-stall check
    /// (the engine's own processing may call it for every message; cheap: one small lock).
    public func noteInbound(chat: String, at: Int64, account: String? = nil) {
        session.noteInbound(chat: chat, at: at, account: account)
    }

    /// Degradation's input: 1 while any account's health is critical, else 0.
    public func sessionLoad() -> Double {
        session.anyCritical() ? 1 : 0
    }

    /// Before serving: {"schema", "account", "ok", "checks": [{"name": "store"|"lock"|"state"|
    /// "heartbeat", "ok", "skipped"?, "detail"}]}. `ok` is true when every check passed.
    public func sessionPreflight(account: String?, now: Int64) throws(ParleyError) -> JSONValue {
        try Self.checkNow(now)
        let name = account ?? "default"
        try SessionMonitor.validateAccount(name)
        var checks: [JSONValue] = []
        var allOK = true
        func check(_ name: String, _ ok: Bool, _ detail: String, skipped: Bool = false) {
            var o = JSONObject()
            o.append("name", .string(name))
            o.append("ok", .bool(ok))
            if skipped { o.append("skipped", .bool(true)) }
            o.append("detail", .string(detail))
            checks.append(.object(o))
            if !ok { allOK = false }
        }
        let (storeOK, storeDetail) = storeWritable()
        check("store", storeOK, storeDetail)

        if let directory = configuration.session.lockDirectories[name] {
            do {
                let me = ProcessIdentity.current
                if let holder = try SessionLock.peek(directory: directory) {
                    let ours = holder.pid == getpid() && holder.host == me.host
                    let age = SessionLock.wallMillis() - holder.heartbeat
                    if !ours {
                        check("lock", false, "the session lock of \(directory) is held by another process (pid \(holder.pid) on \(holder.host))")
                    } else if age > configuration.session.staleAfterMs {
                        check("lock", false, "this process holds the session lock but its heartbeat is \(age) ms old (over session.staleAfterMs \(configuration.session.staleAfterMs)): refresh it")
                    } else {
                        check("lock", true, "held by this process, heartbeat \(max(0, age)) ms ago")
                    }
                } else {
                    check("lock", false, "nobody holds the session lock of \(directory): acquire it before serving")
                }
            } catch {
                check("lock", false, error.message)
            }
        } else {
            check("lock", true, "no session.lockDirectories entry for account \"\(name)\"", skipped: true)
        }

        if let snapshot = try? session.snapshot(name) {
            check("state", snapshot.state == .ready, "the client is \(snapshot.state.rawValue)")
            if let beat = snapshot.lastBeatAt {
                let age = now - beat
                check("heartbeat", age <= configuration.session.heartbeatStaleMs,
                      "last heartbeat \(age) ms ago (stale after \(configuration.session.heartbeatStaleMs))")
            } else {
                check("heartbeat", false, "no heartbeat yet")
            }
        } else {
            check("state", false, "no session event for account \"\(name)\" yet")
            check("heartbeat", false, "no heartbeat yet")
        }
        var result = JSONObject()
        result.append("schema", .int(EnrichedContext.schema))
        result.append("account", .string(name))
        result.append("ok", .bool(allOK))
        result.append("checks", .array(checks))
        return .object(result)
    }

    /// Whether the store's file and directory are writable and the disk has room (no write made).
    private func storeWritable() -> (Bool, String) {
        if configuration.postgres != nil { return (true, "PostgreSQL (checked by its connection pool)") }
        guard let path = store.path, path != ":memory:" else { return (true, "in memory") }
        var directory = path
        if let slash = path.lastIndex(of: "/") {
            directory = slash == path.startIndex ? "/" : String(path[..<slash])
        } else {
            directory = "."
        }
        if access(path, F_OK) == 0 && access(path, W_OK) != 0 {
            return (false, "the store \(path) is not writable")
        }
        guard access(directory, W_OK) == 0 else { return (false, "the store's directory \(directory) is not writable (WAL and journal files live there)") }
        var fs = statvfs()
        if statvfs(directory, &fs) == 0 {
            let free = Int64(fs.f_bavail) * Int64(fs.f_frsize)
            if free < 16 << 20 { return (false, "only \(free / 1024) KB free on the store's file system") }
            return (true, "writable, \(free >> 20) MB free")
        }
        return (true, "writable")
    }

    /// `# TYPE parley_session_health_score gauge` and one sample per account, for
    /// parley_metrics_prometheus (read at scrape time on the wall clock).
    public func sessionPrometheus() -> String {
        let scores = session.scores(now: Self.unixMillis())
        guard !scores.isEmpty else { return "" }
        var text = "# HELP parley_session_health_score The WhatsApp session's health, 0 to 100.\n# TYPE parley_session_health_score gauge\n"
        for entry in scores {
            text += "parley_session_health_score{account=\"\(Self.prometheusEscape(entry.account))\"} \(entry.score)\n"
        }
        return text
    }

    /// {"account": {"score", "level"}} for parley_metrics_json.
    public func sessionMetricsJSON() -> JSONValue {
        var object = JSONObject()
        for entry in session.scores(now: Self.unixMillis()) {
            object.append(entry.account, ["score": .double(entry.score), "level": .string(entry.level)])
        }
        return .object(object)
    }

    static func prometheusEscape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    private static func checkNow(_ now: Int64) throws(ParleyError) {
        guard now >= 0 && now <= maxTimeMillis else {
            throw ParleyError(.invalidArgument, "now_ms must be between 0 and \(maxTimeMillis), got \(now)")
        }
    }
}
