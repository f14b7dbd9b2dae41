import Testing
@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

private func tempDirectory() -> String {
    var template = Array("/tmp/parley-session-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    precondition(made != nil, "mkdtemp failed")
    return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

private func removeDirectory(_ dir: String) {
    unlink(dir + "/" + SessionLock.fileName)
    rmdir(dir)
}

/// A child process that only waits for signals (the child of a threaded test process must
/// call nothing but async-signal-safe functions).
private func pausedChild() -> pid_t {
    let pid = fork()
    if pid == 0 {
        while true { pause() }
    }
    return pid
}

private func expectError(_ kind: ParleyError.Kind, containing text: String = "", _ body: () throws(ParleyError) -> Void) {
    do {
        try body()
        Issue.record("expected \(kind), nothing was thrown")
    } catch {
        #expect(error.kind == kind, "got \(error)")
        #expect(text.isEmpty || error.message.contains(text), "\"\(error.message)\" lacks \"\(text)\"")
    }
}

@Suite("Session lock")
struct SessionLockTests {
    @Test func acquireRefreshRelease() throws {
        let dir = tempDirectory()
        defer { removeDirectory(dir) }
        let lock = try SessionLock.acquire(directory: dir, options: .init(owner: "host-1"))
        var info = stat()
        #expect(stat(dir + "/" + SessionLock.fileName, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600, "mode \(String(info.st_mode & 0o777, radix: 8))")
        expectError(.busy, containing: "\"host-1\"") { () throws(ParleyError) in
            _ = try SessionLock.acquire(directory: dir, options: .init(owner: "host-2"))
        }
        try lock.refresh()
        lock.release()
        lock.release()
        expectError(.notFound) { () throws(ParleyError) in try lock.refresh() }
        let again = try SessionLock.acquire(directory: dir, options: .init(owner: "host-2"))
        #expect(again.token != lock.token)
        again.release()
    }

    @Test func goneHolderIsTakenOverAtOnce() throws {
        let dir = tempDirectory()
        defer { removeDirectory(dir) }
        // A holder that exited and was reaped.
        let dead = fork()
        if dead == 0 { _exit(0) }
        var status: Int32 = 0
        waitpid(dead, &status, 0)
        let old = try SessionLock.acquire(directory: dir, options: .init(owner: "old"), pid: dead)
        let new = try SessionLock.acquire(directory: dir, options: .init(owner: "new"))
        expectError(.busy, containing: "taken over by \"new\"") { () throws(ParleyError) in try old.refresh() }
        // Lost for good: the same failure again, and its release leaves the new holder alone.
        expectError(.busy) { () throws(ParleyError) in try old.refresh() }
        old.release()
        try new.refresh()
        new.release()
    }

    @Test func killedHolderIsTakenOverEvenBeforeReaping() throws {
        let dir = tempDirectory()
        defer { removeDirectory(dir) }
        let child = pausedChild()
        _ = try SessionLock.acquire(directory: dir, options: .init(owner: "child"), pid: child)
        expectError(.busy, containing: "pid \(child)") { () throws(ParleyError) in
            _ = try SessionLock.acquire(directory: dir)
        }
        kill(child, SIGKILL)
        // A zombie (not reaped yet) counts as gone.
        var taken: SessionLock?
        for _ in 0..<200 where taken == nil {
            taken = try? SessionLock.acquire(directory: dir)
            if taken == nil { usleep(5_000) }
        }
        #expect(taken != nil)
        var status: Int32 = 0
        waitpid(child, &status, 0)
        taken?.release()
    }

    @Test func staleHeartbeatIsTakenOver() throws {
        let dir = tempDirectory()
        defer { removeDirectory(dir) }
        let child = pausedChild()
        defer { kill(child, SIGKILL); var s: Int32 = 0; waitpid(child, &s, 0) }
        let t0: Int64 = 1_700_000_000_000
        let old = try SessionLock.acquire(directory: dir, options: .init(staleAfterMs: 1_000), now: t0, pid: child)
        try old.refresh(now: t0 + 900)
        expectError(.busy) { () throws(ParleyError) in
            _ = try SessionLock.acquire(directory: dir, options: .init(staleAfterMs: 1_000), now: t0 + 1_900)
        }
        let new = try SessionLock.acquire(directory: dir, options: .init(staleAfterMs: 1_000), now: t0 + 1_901)
        expectError(.busy, containing: "taken over") { () throws(ParleyError) in try old.refresh(now: t0 + 2_000) }
        new.release()
    }

    @Test func badInputs() throws {
        expectError(.notFound) { () throws(ParleyError) in _ = try SessionLock.acquire(directory: "/nonexistent/parley-session") }
        expectError(.invalidArgument) { () throws(ParleyError) in _ = try SessionLock.acquire(directory: "") }
        expectError(.invalidArgument) { () throws(ParleyError) in _ = try SessionLock.acquire(directory: "/etc/hostname") }
        expectError(.invalidArgument, containing: "unknown") { () throws(ParleyError) in
            _ = try SessionLock.Options(json: ["stale": .int(5)])
        }
        expectError(.invalidArgument) { () throws(ParleyError) in _ = try SessionLock.Options(json: ["staleAfterMs": .int(0)]) }
        expectError(.invalidArgument) { () throws(ParleyError) in _ = try SessionLock.Options(json: ["owner": .string("")]) }
        let dir = tempDirectory()
        defer { removeDirectory(dir) }
        // A symbolic link in place of the lock file is refused, not followed.
        symlink("/tmp/parley-session-elsewhere", dir + "/" + SessionLock.fileName)
        expectError(.storage, containing: "symbolic link") { () throws(ParleyError) in _ = try SessionLock.acquire(directory: dir) }
        unlink(dir + "/" + SessionLock.fileName)
        // Garbage in the file counts as free.
        let fd = open(dir + "/" + SessionLock.fileName, O_CREAT | O_WRONLY, 0o600)
        _ = write(fd, "{not json", 9)
        close(fd)
        let lock = try SessionLock.acquire(directory: dir)
        // Emptied behind the holder's back: its refresh reports the loss.
        truncate(dir + "/" + SessionLock.fileName, 0)
        expectError(.notFound, containing: "emptied") { () throws(ParleyError) in try lock.refresh() }
    }
}

@Suite("Session state machine and health")
struct SessionMachineTests {
    static func engine(_ session: String = "") throws -> Engine {
        let extra = session.isEmpty ? "" : ", \"session\": \(session)"
        return try Engine(configJSON: "{\"dedup\": {\"contentWindowSeconds\": 0}\(extra)}")
    }

    @discardableResult
    static func event(_ engine: Engine, _ json: String) throws(ParleyError) -> JSONValue {
        try engine.sessionEvent(try JSONParser.parse(json))
    }

    @Test func webJSLifecycle() throws {
        let e = try Self.engine("{\"backoff\": {\"seed\": 7}}")
        var r = try Self.event(e, #"{"event": "qr", "at": 1000, "qr": "2@abc"}"#)
        #expect(r["state"]?.stringValue == "qr")
        #expect(r["previous"]?.stringValue == "initializing")
        #expect(r[path: "advice", "action"]?.stringValue == "repair")
        r = try Self.event(e, #"{"event": "authenticated", "at": 2000}"#)
        #expect(r[path: "advice", "action"]?.stringValue == "wait")
        r = try Self.event(e, #"{"event": "ready", "at": 3000}"#)
        #expect(r["state"]?.stringValue == "ready")
        #expect(r[path: "advice", "action"]?.stringValue == "none")
        // The phone stops answering: TIMEOUT, then CONNECTED again without a new ready.
        r = try Self.event(e, #"{"event": "change_state", "state": "TIMEOUT", "at": 4000}"#)
        #expect(r["state"]?.stringValue == "reconnecting")
        r = try Self.event(e, #"{"event": "change_state", "state": "CONNECTED", "at": 5000}"#)
        #expect(r["state"]?.stringValue == "ready")
        // CONFLICT arrives twice (change_state, then disconnected): one transition, advice stop.
        r = try Self.event(e, #"{"event": "change_state", "state": "CONFLICT", "at": 6000}"#)
        #expect(r["state"]?.stringValue == "disconnected")
        #expect(r[path: "advice", "action"]?.stringValue == "stop")
        r = try Self.event(e, #"{"event": "disconnected", "reason": "CONFLICT", "at": 6001}"#)
        #expect(r["changed"]?.boolValue == false)
        #expect(r["consecutiveFailures"]?.int64Value == 1)
        // LOGOUT: logged out, re-pair; a late "ready" is illegal and leaves the state alone.
        r = try Self.event(e, #"{"event": "disconnected", "reason": "LOGOUT", "at": 7000}"#)
        #expect(r["state"]?.stringValue == "logged_out")
        #expect(r[path: "advice", "action"]?.stringValue == "repair")
        expectError(.invalidArgument, containing: "from logged_out to ready") { () throws(ParleyError) in
            try Self.event(e, #"{"event": "ready", "at": 7100}"#)
        }
        let health = try e.sessionHealth(account: "default", now: 7200)
        #expect(health[path: "accounts"]?[0]?["state"]?.stringValue == "logged_out")
        let history = health[path: "accounts"]?[0]?["history"]?.arrayValue ?? []
        #expect(history.map { $0["to"]?.stringValue ?? "" } == ["qr", "authenticated", "ready", "reconnecting", "ready", "disconnected", "logged_out"])
        // Re-pairing: a new QR is legal from logged_out.
        r = try Self.event(e, #"{"event": "qr", "at": 8000}"#)
        #expect(r["state"]?.stringValue == "qr")
    }

    @Test func baileysCodesMapToAdvice() throws {
        let e = try Self.engine("{\"backoff\": {\"seed\": 1, \"initialMs\": 1000, \"maxMs\": 8000, \"jitter\": 0.2}}")
        func close(_ code: Int, at: Int64, account: String = "default") throws -> JSONValue {
            try Self.event(e, #"{"account": "\#(account)", "event": "connection.update", "at": \#(at), "connection": "close", "lastDisconnect": {"error": {"output": {"statusCode": \#(code)}}}}"#)
        }
        try Self.event(e, #"{"event": "connection.update", "at": 1, "connection": "open"}"#)
        // connectionLost, then reconnect attempts that fail: backoff doubles up to maxMs, with jitter.
        var delays: [Int64] = []
        var t: Int64 = 10
        for _ in 0..<6 {
            let r = try close(408, at: t)
            #expect(r["state"]?.stringValue == "disconnected")
            #expect(r[path: "advice", "action"]?.stringValue == "reconnect")
            #expect(r["reason"]?.stringValue == "connectionLost (408)")
            delays.append(r[path: "advice", "delayMs"]?.int64Value ?? -1)
            let c = try Self.event(e, #"{"event": "connection.update", "at": \#(t + 1), "connection": "connecting"}"#)
            #expect(c["state"]?.stringValue == "reconnecting")
            t += 10
        }
        let bases: [Double] = [1000, 2000, 4000, 8000, 8000, 8000]
        for (delay, base) in zip(delays, bases) {
            #expect(Double(delay) >= base * 0.8 && Double(delay) <= base * 1.2, "delay \(delay) for base \(base)")
        }
        // restartRequired: reconnect at once, not a failure.
        try Self.event(e, #"{"event": "connection.update", "at": 100, "connection": "open"}"#)
        var r = try close(515, at: 200_000)
        #expect(r[path: "advice", "delayMs"]?.int64Value == 0)
        #expect(r[path: "advice", "action"]?.stringValue == "reconnect")
        // Each code's advice.
        let expected: [(Int, String, String)] = [(401, "logged_out", "repair"), (403, "failed", "stop"), (411, "failed", "repair"),
                                                 (428, "disconnected", "reconnect"), (440, "disconnected", "stop"),
                                                 (500, "failed", "repair"), (503, "disconnected", "reconnect")]
        for (i, (code, state, action)) in expected.enumerated() {
            let account = "a\(i)"
            try Self.event(e, #"{"account": "\#(account)", "event": "connection.update", "at": 1, "connection": "open"}"#)
            r = try close(code, at: 2, account: account)
            #expect(r["state"]?.stringValue == state, "code \(code)")
            #expect(r[path: "advice", "action"]?.stringValue == action, "code \(code)")
            #expect(r["code"]?.int64Value == Int64(code))
        }
        // A QR in a connection.update, and unknown values.
        r = try Self.event(e, #"{"account": "q", "event": "connection.update", "at": 1, "qr": "2@xyz"}"#)
        #expect(r["state"]?.stringValue == "qr")
        expectError(.invalidArgument) { () throws(ParleyError) in try Self.event(e, #"{"event": "connection.update", "at": 1, "connection": "half-open"}"#) }
        expectError(.unsupported) { () throws(ParleyError) in try Self.event(e, #"{"event": "message", "at": 1}"#) }
        expectError(.invalidArgument, containing: "\"at\"") { () throws(ParleyError) in try Self.event(e, #"{"event": "ready"}"#) }
        expectError(.invalidArgument) { () throws(ParleyError) in try Self.event(e, #"[1]"#) }
        expectError(.notFound) { () throws(ParleyError) in _ = try e.sessionHealth(account: "never", now: 1) }
    }

    @Test func illegalTransitionsKeepTheState() throws {
        let e = try Self.engine()
        expectError(.invalidArgument, containing: "from initializing to reconnecting") { () throws(ParleyError) in
            try Self.event(e, #"{"event": "reconnecting", "at": 1}"#)
        }
        try Self.event(e, #"{"event": "auth_failure", "at": 2, "message": "restore failed"}"#)
        expectError(.invalidArgument, containing: "from failed to ready") { () throws(ParleyError) in
            try Self.event(e, #"{"event": "ready", "at": 3}"#)
        }
        let h = try e.sessionHealth(account: nil, now: 4)
        #expect(h[path: "accounts"]?[0]?["state"]?.stringValue == "failed")
        #expect(h[path: "accounts"]?[0]?[path: "advice", "action"]?.stringValue == "repair")
    }

    @Test func healthScoreWithHysteresis() throws {
        let e = try Self.engine("{\"heartbeatIntervalMs\": 10000, \"heartbeatStaleMs\": 60000, \"windowMs\": 60000}")
        try Self.event(e, #"{"event": "ready", "at": 0}"#)
        func beat(_ at: Int64, ok: Bool = true, latency: Double = 200) throws {
            try e.sessionHeartbeat(try JSONParser.parse(#"{"at": \#(at), "ok": \#(ok), "latencyMs": \#(latency), "inbound": 1, "activeChats": 3}"#))
        }
        func health(_ now: Int64) throws -> (Double, String) {
            let h = try e.sessionHealth(account: "default", now: now)
            return (h["score"]?.doubleValue ?? -1, h["level"]?.stringValue ?? "")
        }
        for i in 0..<6 { try beat(Int64(i) * 10_000) }
        var (score, level) = try health(50_000)
        #expect(score == 100 && level == "healthy")
        // Failing heartbeats: error rate climbs, the level falls to critical.
        for i in 6..<12 { try beat(Int64(i) * 10_000, ok: false, latency: 8000) }
        (score, level) = try health(110_000)
        #expect(level == "critical", "score \(score)")
        #expect(score < 60)
        #expect(e.sessionLoad() == 1)
        // Recovering: good beats push the score into 75..80: still not healthy (hysteresis).
        var t: Int64 = 120_000
        var sawBand = false
        while t < 300_000 {
            try beat(t)
            (score, level) = try health(t)
            if score >= 75 && score < 80 { #expect(level != "healthy", "score \(score) in the band"); sawBand = true }
            if score < 80 { #expect(level != "healthy") }
            if score >= 80 { #expect(level == "healthy"); break }
            t += 10_000
        }
        _ = sawBand
        #expect(level == "healthy")
        #expect(e.sessionLoad() == 0)
        // Heartbeats stop: their age costs score.
        (score, _) = try health(t + 70_000)
        #expect(score <= 60, "stale heartbeat score \(score)")
        let prometheus = e.sessionPrometheus()
        #expect(prometheus.contains("parley_session_health_score{account=\"default\"}"))
    }

    @Test func levelsMoveWithHysteresis() {
        let scores: [Double] = [90, 74, 78, 79, 59, 70, 76, 79, 80, 77, 74.9, 60, 59.9, 75, 81]
        let expected: [SessionMonitor.Level] = [.healthy, .warning, .warning, .warning, .critical, .critical, .warning, .warning,
                                                .healthy, .healthy, .warning, .warning, .critical, .warning, .healthy]
        var level = SessionMonitor.Level.healthy
        var got: [SessionMonitor.Level] = []
        for score in scores {
            level = SessionMonitor.nextLevel(level, score: score, thresholds: .init())
            got.append(level)
        }
        #expect(got == expected)
    }

    @Test func watchdogFlagsTheSilentStall() throws {
        let e = try Self.engine("{\"stallAfterMs\": 600000}")
        try Self.event(e, #"{"event": "ready", "at": 0}"#)
        try e.sessionHeartbeat(try JSONParser.parse(#"{"at": 60000, "inbound": 4, "activeChats": 2}"#))
        // Heartbeats keep coming (the client looks alive) but nothing arrives.
        var t: Int64 = 90_000
        while t <= 630_000 {
            try e.sessionHeartbeat(try JSONParser.parse(#"{"at": \#(t), "inbound": 0, "activeChats": 2, "latencyMs": 100}"#))
            t += 30_000
        }
        var h = try e.sessionHealth(account: "default", now: 650_000)
        #expect(h[path: "accounts"]?[0]?[path: "watchdog", "stalled"]?.boolValue == false)
        try e.sessionHeartbeat(try JSONParser.parse(#"{"at": 660000, "inbound": 0, "activeChats": 2, "latencyMs": 100}"#))
        h = try e.sessionHealth(account: "default", now: 661_000)
        let a = h[path: "accounts"]?[0]
        #expect(a?[path: "watchdog", "stalled"]?.boolValue == true)
        #expect(a?[path: "advice", "action"]?.stringValue == "reconnect")
        #expect((a?["score"]?.doubleValue ?? 100) <= 70)
        // A message arrives: the stall clears.
        e.noteInbound(chat: "250788123456@c.us", at: 662_000)
        h = try e.sessionHealth(account: "default", now: 663_000)
        #expect(h[path: "accounts"]?[0]?[path: "watchdog", "stalled"]?.boolValue == false)
        #expect(h[path: "accounts"]?[0]?[path: "watchdog", "stalls"]?.int64Value == 1)
        // No active chats: a quiet night is no stall.
        let quiet = try Self.engine()
        try Self.event(quiet, #"{"event": "ready", "at": 0}"#)
        try quiet.sessionHeartbeat(try JSONParser.parse(#"{"at": 1000, "activeChats": 0}"#))
        let q = try quiet.sessionHealth(account: nil, now: 5_000_000)
        #expect(q[path: "accounts"]?[0]?[path: "watchdog", "stalled"]?.boolValue == false)
    }

    /// The watchdog's table of active chats stays bounded: full of active chats, a new chat is
    /// left out (the count is already far above any minimum) and the table is not rebuilt again
    /// until an eighth of the window has passed; then the chats idle past it make room.
    @Test func activeChatsStayBoundedAndMakeRoomOnceChatsGoIdle() {
        var chats = ActiveChats()
        let window: Int64 = 8_000
        for i in 0..<ActiveChats.capacity { chats.note("c\(i)", at: Int64(i), window: window) }
        // Full of active chats: a new one is left out.
        chats.note("new", at: 8_000, window: window)
        #expect(chats.count(now: 8_000, window: window) == ActiveChats.capacity)
        // 100 chats are idle by 8,100, but within an eighth of the window of the last pruning
        // the table is not rebuilt: the new chat is still left out.
        chats.note("later", at: 8_100, window: window)
        #expect(chats.count(now: 8_100, window: window) == ActiveChats.capacity - 100)
        // An eighth of the window on, the 1,000 chats idle by then go and the new one is counted.
        chats.note("later", at: 9_000, window: window)
        #expect(chats.count(now: 9_000, window: window) == ActiveChats.capacity - 1_000 + 1)
        // A chat seen again keeps its latest time.
        chats.note("c2000", at: 9_100, window: window)
        chats.note("c2000", at: 9_050, window: window)
        #expect(chats.count(now: 17_100, window: window) == 1)
    }

    @Test func processedMessagesCountForTheAccountsTheHostNamesAndCreateNone() throws {
        let e = try Self.engine("{\"stallAfterMs\": 600000}")
        // Messages before any session event: no account appears (no phantom "default").
        _ = try e.process(Message(id: "1", chat: "c1", from: "c1", fromMe: false, timestamp: 1_764_000_000, type: .text, text: "hi", format: .normalized))
        #expect(throws: ParleyError.self) { try e.sessionHealth(account: "default", now: 1_000) }
        try Self.event(e, #"{"event": "ready", "at": 0, "account": "rentals"}"#)
        _ = try e.process(Message(id: "2", chat: "c2", from: "c2", fromMe: false, timestamp: 1_764_000_001, type: .text, text: "hello", format: .normalized))
        let h = try e.sessionHealth(account: nil, now: SessionLock.wallMillis())
        #expect(h[path: "accounts"]?.arrayValue?.count == 1)
        #expect(h[path: "accounts"]?[0]?["account"]?.stringValue == "rentals")
        #expect(h[path: "accounts"]?[0]?[path: "watchdog", "stalled"]?.boolValue == false)
    }

    @Test func preflight() throws {
        let dir = tempDirectory()
        defer { removeDirectory(dir) }
        let e = try Self.engine("{\"lockDirectories\": {\"default\": \"\(dir)\"}}")
        let now = SessionLock.wallMillis()
        var p = try e.sessionPreflight(account: nil, now: now)
        #expect(p["ok"]?.boolValue == false)
        let names = (p["checks"]?.arrayValue ?? []).map { $0["name"]?.stringValue ?? "" }
        #expect(names == ["store", "lock", "state", "heartbeat"])
        let lock = try SessionLock.acquire(directory: dir)
        try Self.event(e, #"{"event": "ready", "at": \#(now)}"#)
        try e.sessionHeartbeat(try JSONParser.parse(#"{"at": \#(now)}"#))
        p = try e.sessionPreflight(account: "default", now: now + 1000)
        #expect(p["ok"]?.boolValue == true, "\(JSONWriter.string(p))")
        lock.release()
        p = try e.sessionPreflight(account: "default", now: now + 1000)
        #expect(p["ok"]?.boolValue == false)
    }

    @Test func configuration() throws {
        #expect(throws: ParleyError.self) { try Configuration(json: #"{"session": {"stallAfter": 5}}"#) }
        #expect(throws: ParleyError.self) { try Configuration(json: #"{"session": {"thresholds": {"critical": 90, "warning": 75}}}"#) }
        #expect(throws: ParleyError.self) { try Configuration(json: #"{"session": {"backoff": {"jitter": 2}}}"#) }
        let c = try Configuration(json: #"{"session": {"stallAfterMs": 1000, "thresholds": {"critical": 50, "warning": 70, "recovered": 85}, "backoff": {"initialMs": 500}}}"#)
        #expect(c.session.stallAfterMs == 1000)
        #expect(c.session.thresholds.recovered == 85)
        #expect(c.session.backoff.initialMs == 500)
    }
}
