import Synchronization
import Testing
@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

/// A fixed sequence of "random" numbers, repeated.
private final class FixedRandom: Sendable {
    let values: [Double]
    let index = Atomic<Int>(0)
    init(_ values: [Double]) { self.values = values }
    var source: @Sendable () -> Double { { [self] in values[index.add(1, ordering: .relaxed).oldValue % values.count] } }
}

/// The dead-letter queue: the retry schedule, failures reported by the host, due retries on a
/// fake clock, dead letters, manual retry, resolve, purge and listings.
@Suite struct DeadLetterTests {
    static let minute: Int64 = 60_000
    static let start: Int64 = 1_764_000_000_000

    func process(_ engine: Engine, id: String, chat: String = "250788123456@c.us", text: String = "The tap in unit 4B is leaking") throws -> JSONValue {
        let message = Message(id: id, chat: chat, from: chat, fromMe: false, timestamp: 1_764_000_000, type: .text, text: text, format: .normalized)
        return try engine.process(message)
    }

    // MARK: the schedule

    @Test func theDefaultScheduleGrowsFromFiveMinutesToTwelveHoursOverFourRetries() {
        let schedule = RetrySchedule(random: { 0.5 })   // 0.5: no jitter
        let delays = (1...4).map { schedule.delayMillis(afterFailure: $0)! }
        #expect(delays.first == 300_000)
        #expect(delays.last == 43_200_000)
        for (earlier, later) in zip(delays, delays.dropFirst()) {
            #expect(later > earlier)
            #expect(abs(Double(later) / Double(earlier) - 5.2415) < 0.001)   // (12 h / 5 min)^(1/3)
        }
        #expect(schedule.delayMillis(afterFailure: 5) == nil)   // the fifth failure: dead
        #expect(schedule.delayMillis(afterFailure: 0) == nil)
        #expect(schedule.nextAttempt(afterFailure: 1, now: 1_000) == 301_000)
    }

    @Test func jitterStaysWithinItsBoundsAndSpreadsTheDelays() {
        let sequence = FixedRandom([0, 0.999_999, 0.25])
        let schedule = RetrySchedule(random: sequence.source)
        #expect(schedule.delayMillis(afterFailure: 1) == 240_000)     // -20%
        #expect(schedule.delayMillis(afterFailure: 1) == 360_000)     // +20% (almost)
        #expect(schedule.delayMillis(afterFailure: 1) == 270_000)     // -10%
        let system = RetrySchedule()
        var seen = Set<Int64>()
        for _ in 0..<2_000 {
            let delay = system.delayMillis(afterFailure: 2)!
            let base = system.baseDelaySeconds(afterFailure: 2) * 1000
            #expect(Double(delay) >= base * 0.8 - 1 && Double(delay) <= base * 1.2 + 1)
            seen.insert(delay / 10_000)
        }
        #expect(seen.count > 20, "jitter spreads the delays: \(seen.count) distinct 10 s buckets")
    }

    @Test func configuredSchedules() throws {
        var settings = RetrySettings()
        settings.attempts = 3
        settings.firstDelaySeconds = 10
        settings.maxDelaySeconds = 1000
        settings.jitter = 0
        let schedule = RetrySchedule(settings: settings)
        #expect(schedule.delayMillis(afterFailure: 1) == 10_000)
        #expect(schedule.delayMillis(afterFailure: 2) == 1_000_000)
        #expect(schedule.delayMillis(afterFailure: 3) == nil)
        settings.attempts = 2
        #expect(RetrySchedule(settings: settings).delayMillis(afterFailure: 1) == 10_000)
        settings.attempts = 1
        #expect(RetrySchedule(settings: settings).delayMillis(afterFailure: 1) == nil)

        let parsed = try Configuration(json: #"{"retries": {"attempts": 3, "firstDelaySeconds": 60, "maxDelaySeconds": 600, "jitter": 0}}"#)
        #expect(parsed.retries.attempts == 3 && parsed.retries.firstDelaySeconds == 60 && parsed.retries.maxDelaySeconds == 600)
        #expect(parsed.retries.jitter == 0)
        #expect(try Configuration(json: #"{"retries": {"firstDelaySeconds": 86400}}"#).retries.maxDelaySeconds == 86_400)
        for bad in [#"{"retries": {"attempts": 0}}"#, #"{"retries": {"attempts": 101}}"#, #"{"retries": {"attempts": "5"}}"#,
                    #"{"retries": {"firstDelaySeconds": 0}}"#, #"{"retries": {"firstDelaySeconds": 600, "maxDelaySeconds": 60}}"#,
                    #"{"retries": {"jitter": 1.5}}"#, #"{"retries": {"jitter": -0.1}}"#, #"{"retries": {"delay": 5}}"#, #"{"retries": 5}"#] {
            #expect(throws: ParleyError.self, "\(bad)") { try Configuration(json: bad) }
            do { _ = try Configuration(json: bad) } catch { #expect(error.kind == .invalidConfig) }
        }
    }

    // MARK: failures, due retries, dead letters

    @Test func fiveFailuresOnTheFakeClockEndDead() throws {
        let engine = try Engine(configJSON: #"{"retries": {"jitter": 0}}"#)
        let original = try process(engine, id: "m1")
        var now = Self.start
        var expectedDelays: [Int64] = [300_000]
        let schedule = engine.retrySchedule
        for failures in 2...4 { expectedDelays.append(Int64(schedule.baseDelaySeconds(afterFailure: failures) * 1000 + 0.5)) }
        for attempt in 1...5 {
            let failure = try engine.failMessage(chat: "250788123456@c.us", id: "m1",
                                                 error: ["status": "sheets_unavailable", "message": .string("HTTP 503 on try \(attempt)")], now: now)
            #expect(failure["attempts"] == .int(Int64(attempt)))
            if attempt == 5 {
                #expect(failure["state"] == "dead")
                #expect(failure["nextAttemptAt"] == nil)
                break
            }
            #expect(failure["state"] == "failed")
            let due = now + expectedDelays[attempt - 1]
            #expect(failure["nextAttemptAt"] == .int(due))
            // Not yet due a millisecond before; due at the time.
            #expect(try engine.runDueRetries(now: due - 1)["retried"] == [])
            #expect(try engine.deadLetter(chat: "250788123456@c.us", id: "m1")[path: "message", "state"] == "failed")
            let run = try engine.runDueRetries(now: due)
            let retried = try #require(run["retried"]?.arrayValue)
            #expect(retried.count == 1)
            #expect(retried[0]["id"] == "m1" && retried[0]["chat"] == "250788123456@c.us")
            #expect(retried[0]["attempt"] == .int(Int64(attempt + 1)))
            let context = try #require(retried[0]["context"])
            #expect(context["status"] == "processed")
            #expect(context["message"] == original["message"])
            #expect(context["intent"]?["name"] == original["intent"]?["name"])
            #expect(context["thread"] == original["thread"])   // the same thread, not counted twice
            #expect(context["entities"] == original["entities"])
            // Processed again: not due twice, and a duplicate if it comes in again.
            #expect(try engine.runDueRetries(now: due)["retried"] == [])
            #expect(try process(engine, id: "m1")["status"] == "duplicate")
            now = due + 1_000
        }
        let dead = try engine.deadLetter(chat: "250788123456@c.us", id: "m1")["message"]
        #expect(dead?["state"] == "dead")
        #expect(dead?["attempts"] == 5)
        let errors = try #require(dead?["errors"]?.arrayValue)
        #expect(errors.count == 5)
        #expect(errors.map { $0["attempt"] } == [1, 2, 3, 4, 5])
        #expect(errors[0]["status"] == "sheets_unavailable")
        #expect(errors[4]["message"] == "HTTP 503 on try 5")
        #expect(errors[0]["at"] == .int(Self.start))
        #expect(dead?["message"] == original["message"])
        // Dead: never due again.
        #expect(try engine.runDueRetries(now: Engine.maxTimeMillis)["retried"] == [])
        #expect(try engine.store.messageCount() == 1)
    }

    @Test func theHostsErrorMayBeAbsentAStringOrAnObject() throws {
        let engine = try Engine()
        for id in ["e1", "e2", "e3"] { _ = try process(engine, id: id, text: "message \(id)") }
        let chat = "250788123456@c.us"
        try engine.failMessage(chat: chat, id: "e1", error: nil, now: Self.start)
        try engine.failMessage(chat: chat, id: "e2", error: "timeout sending the reply", now: Self.start)
        try engine.failMessage(chat: chat, id: "e3", error: ["code": 429, "attempt": 99, "at": 1], now: Self.start)
        func firstError(_ id: String) throws -> JSONValue? { try engine.deadLetter(chat: chat, id: id)[path: "message", "errors"]?[0] }
        #expect(try firstError("e1") == ["at": .int(Self.start), "attempt": 1, "status": "failed", "message": ""])
        #expect(try firstError("e2")?["message"] == "timeout sending the reply")
        let third = try firstError("e3")
        #expect(third?["code"] == 429 && third?["attempt"] == 1 && third?["at"] == .int(Self.start) && third?["status"] == "failed")
        // Bad errors.
        _ = try process(engine, id: "e4", text: "message e4")
        #expect(throws: ParleyError.self) { try engine.failMessage(chat: chat, id: "e4", error: [1, 2], now: Self.start) }
        let huge = String(repeating: "x", count: Engine.maxFailureErrorBytes)
        do {
            try engine.failMessage(chat: chat, id: "e4", error: .string(huge), now: Self.start)
            Issue.record("a huge error is refused")
        } catch { #expect(error.kind == .tooLarge) }
        #expect(try engine.deadLetter(chat: chat, id: "e4")[path: "message", "state"] == "processed")
    }

    @Test func onlyAProcessedMessageCanFailAndUnknownOnesAreNotFound() throws {
        let engine = try Engine()
        let chat = "250788123456@c.us"
        _ = try process(engine, id: "p1")
        func kind(_ body: () throws -> Void) -> ParleyError.Kind? {
            do { try body(); return nil } catch { return (error as? ParleyError)?.kind }
        }
        #expect(kind { try engine.failMessage(chat: chat, id: "nope", error: nil, now: Self.start) } == .notFound)
        #expect(kind { try engine.failMessage(chat: "other", id: "p1", error: nil, now: Self.start) } == .notFound)
        #expect(kind { _ = try engine.deadLetter(chat: chat, id: "nope") } == .notFound)
        #expect(kind { _ = try engine.retryDeadLetter(chat: chat, id: "nope", now: Self.start) } == .notFound)
        #expect(kind { try engine.resolveDeadLetter(chat: chat, id: "nope") } == .notFound)
        #expect(kind { try engine.failMessage(chat: "", id: "p1", error: nil, now: Self.start) } == .invalidArgument)
        #expect(kind { try engine.failMessage(chat: chat, id: "p1", error: nil, now: -1) } == .invalidArgument)
        #expect(kind { _ = try engine.runDueRetries(now: Engine.maxTimeMillis + 1) } == .invalidArgument)
        // A processed message cannot be retried or resolved; a failed one cannot fail again
        // before it is retried.
        #expect(kind { _ = try engine.retryDeadLetter(chat: chat, id: "p1", now: Self.start) } == .invalidArgument)
        #expect(kind { try engine.resolveDeadLetter(chat: chat, id: "p1") } == .invalidArgument)
        try engine.failMessage(chat: chat, id: "p1", error: nil, now: Self.start)
        #expect(kind { try engine.failMessage(chat: chat, id: "p1", error: nil, now: Self.start) } == .invalidArgument)
    }

    @Test func aDeadLetterCanBeRetriedNowAndFailsStraightBackToDead() throws {
        let engine = try Engine(configJSON: #"{"retries": {"attempts": 2, "jitter": 0}}"#)
        let chat = "250788123456@c.us"
        _ = try process(engine, id: "d1")
        #expect(try engine.failMessage(chat: chat, id: "d1", error: "one", now: Self.start)["state"] == "failed")
        // Retry now, long before it is due.
        let early = try engine.retryDeadLetter(chat: chat, id: "d1", now: Self.start + 1)
        #expect(early["retried"]?[0]?["attempt"] == 2)
        #expect(try engine.failMessage(chat: chat, id: "d1", error: "two", now: Self.start + 2)["state"] == "dead")
        let retried = try engine.retryDeadLetter(chat: chat, id: "d1", now: Self.start + 3)
        #expect(retried["retried"]?[0]?["attempt"] == 3)
        #expect(retried["retried"]?[0]?[path: "context", "status"] == "processed")
        let letter = try engine.deadLetter(chat: chat, id: "d1")["message"]
        #expect(letter?["state"] == "processed")
        #expect(letter?["attempts"] == 2)   // kept: the next failure counts on
        #expect(letter?["errors"]?.arrayValue?.count == 2)
        let again = try engine.failMessage(chat: chat, id: "d1", error: "three", now: Self.start + 4)
        #expect(again["state"] == "dead" && again["attempts"] == 3)
    }

    @Test func resolveListAndPurge() throws {
        let engine = try Engine(configJSON: #"{"retries": {"attempts": 1}}"#)
        let a = "250788000001@c.us", b = "250788000002@c.us"
        _ = try process(engine, id: "a1", chat: a, text: "Rent for March paid")
        _ = try process(engine, id: "a2", chat: a, text: "Can I view the flat Saturday?")
        _ = try process(engine, id: "b1", chat: b, text: "The gate is broken")
        _ = try process(engine, id: "b2", chat: b, text: "hello")
        try engine.failMessage(chat: a, id: "a1", error: nil, now: Self.start)   // attempts 1: dead at once
        try engine.failMessage(chat: a, id: "a2", error: nil, now: Self.start)
        try engine.failMessage(chat: b, id: "b1", error: nil, now: Self.start)

        func ids(_ query: JSONValue?) throws -> [String] {
            try engine.deadLetters(query: query)["messages"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        }
        #expect(try ids(nil) == ["a1", "a2", "b1"])
        #expect(try ids(["state": "dead"]) == ["a1", "a2", "b1"])
        #expect(try ids(["state": "failed"]) == [])
        #expect(try ids(["state": .null]) == ["a1", "a2", "b1"])
        #expect(try ids(["chat": .string(b)]) == ["b1"])
        #expect(try ids(["limit": 2]) == ["a1", "a2"])
        let listed = try #require(try engine.deadLetters(query: ["chat": .string(b)])["messages"]?[0])
        #expect(listed["state"] == "dead" && listed["attempts"] == 1 && listed["nextAttemptAt"] == nil)
        #expect(listed[path: "message", "text"] == "The gate is broken")
        #expect(listed["errors"]?.arrayValue?.count == 1)
        for bad: JSONValue in [["state": "processed"], ["state": "resolved"], ["limit": 0], ["limit": 1001], ["sort": "id"], ["chat": 5], [1]] {
            do { _ = try engine.deadLetters(query: bad); Issue.record("\(bad) is refused") } catch { #expect(error.kind == .invalidArgument) }
        }

        try engine.resolveDeadLetter(chat: a, id: "a2")
        try engine.resolveDeadLetter(chat: a, id: "a2")   // again: no change, no error
        #expect(try engine.deadLetter(chat: a, id: "a2")[path: "message", "state"] == "resolved")
        #expect(try ids(nil) == ["a1", "b1"])
        do { _ = try engine.retryDeadLetter(chat: a, id: "a2", now: Self.start); Issue.record("a resolved one is not retried") }
        catch { #expect(error.kind == .invalidArgument) }

        // Purge: resolved only, then one chat's dead, then everything dead; processed ones stay.
        #expect(try engine.purgeDeadLetters(query: ["state": "resolved"])["purged"] == 1)
        #expect(try engine.purgeDeadLetters(query: ["state": "dead", "chat": .string(b)])["purged"] == 1)
        #expect(try ids(nil) == ["a1"])
        #expect(try engine.purgeDeadLetters(query: nil)["purged"] == 1)
        #expect(try engine.purgeDeadLetters(query: nil)["purged"] == 0)
        #expect(try engine.store.messageCount() == 1)
        #expect(try engine.deadLetter(chat: b, id: "b2")[path: "message", "state"] == "processed")
        do { _ = try engine.purgeDeadLetters(query: ["state": "failed"]); Issue.record("failed ones are not purged") }
        catch { #expect(error.kind == .invalidArgument) }
        // A purged id is forgotten: delivered again, it is a new message.
        #expect(try process(engine, id: "b1", chat: b, text: "The gate is broken")["status"] == "processed")
    }

    @Test func aRetryRunsThePipelineAgainAndKeepsTheThread() throws {
        let engine = try Engine(configJSON: #"{"retries": {"jitter": 0}}"#)
        let chat = "250788123456@c.us"
        let original = try process(engine, id: "k1", text: "Is the flat at Kacyiru Heights still available?")
        #expect(original["entities"]?.arrayValue?.contains { $0["type"] == "property" } == false)
        _ = try engine.setLookups(["property": [["id": "p7", "name": "Kacyiru Heights"]]])
        try engine.failMessage(chat: chat, id: "k1", error: "the sheet had no row", now: Self.start)
        let retried = try engine.retryDeadLetter(chat: chat, id: "k1", now: Self.start)
        let context = try #require(retried["retried"]?[0]?["context"])
        #expect(context["entities"]?.arrayValue?.contains { $0["type"] == "property" } == true, "\(context)")
        #expect(context["thread"] == original["thread"])
        #expect(context["flow"] == original["flow"])
        #expect(context["sentiment"]?["trend"] == original["sentiment"]?["trend"])
        // What is stored is what was handed back.
        #expect(try EnrichedContext.parseStored(engine.store.context(chat: chat, id: "k1")!) == context)
        #expect(try engine.thread(id: original[path: "thread", "id"]!.stringValue!)[path: "thread", "messageCount"] == 1)
    }

    @Test func aStoredContextIsReadBackIntoTheSameMessage() throws {
        let engine = try Engine()
        let json = #"{"id":"w1","chat":"c@c.us","from":"c@c.us","senderName":"Aline","timestamp":1764000000,"type":"image","text":"see the crack","media":{"mimetype":"image/jpeg","sha256":"ab12"},"quoted":{"id":"q0","text":"what is wrong?"},"sequence":7,"history":true}"#
        var text = json
        let context = try text.withUTF8 { bytes in Result { () throws(ParleyError) in try engine.process(json: UnsafeRawBufferPointer(bytes)) } }.get()
        let stored = try #require(try engine.store.context(chat: "c@c.us", id: "w1"))
        let message = try EnrichedContext.message(ofUnprocessed: stored)
        #expect(message.json == context["message"])
        #expect(message.sequence == 7 && message.history)
    }

    @Test func dueRetriesAreBatchedAndEachIsHandedOutOnce() async throws {
        let path = "/tmp/parley-dlq-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).db"
        defer { for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) } }
        let engine = try Engine(configJSON: #"{"store": {"path": "\#(path)"}, "retries": {"jitter": 0, "firstDelaySeconds": 60}}"#)
        let count = Engine.maxRetryBatch + 10
        let chat = "250788123456@c.us"
        var messages: [Message] = []
        for n in 0..<count {
            messages.append(Message(id: "x\(n)", chat: chat, from: chat, fromMe: false, timestamp: 1_764_000_000 + Int64(n), type: .text,
                                    text: "message number \(n)", format: .normalized))
        }
        for message in messages { _ = try engine.process(message) }
        for n in 0..<count { try engine.failMessage(chat: chat, id: "x\(n)", error: nil, now: Self.start + Int64(n)) }
        // Two engines on one file, running due work at once: every message comes back once.
        let other = try Engine(configJSON: #"{"store": {"path": "\#(path)"}}"#)
        defer { other.close(); engine.close() }
        final class Tally: Sendable {
            let seen = Mutex<[String]>([])
            let more = Atomic<Int>(0)
            let failures = Atomic<Int>(0)
        }
        let tally = Tally()
        let engines = [engine, other, engine, other]
        let due = Self.start + Self.minute + Int64(count)
        await withTaskGroup(of: Void.self) { group in
            for runner in engines {
                group.addTask {
                    do {
                        while true {
                            let run = try runner.runDueRetries(now: due)
                            let ids = run["retried"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
                            tally.seen.withLock { $0 += ids }
                            if run["more"] == true { tally.more.add(1, ordering: .relaxed) }
                            if ids.isEmpty && run["more"] == nil { break }
                        }
                    } catch {
                        if (error as? ParleyError)?.kind != .busy { tally.failures.add(1, ordering: .relaxed) }
                    }
                }
            }
        }
        let all = tally.seen.withLock { $0 }
        #expect(tally.failures.load(ordering: .relaxed) == 0)
        #expect(all.count == count, "each retried once: \(all.count) of \(count)")
        #expect(Set(all).count == count)
        #expect(tally.more.load(ordering: .relaxed) >= 1, "a batch larger than maxRetryBatch says more")
        #expect(try engine.deadLetters(query: nil)["messages"] == [])
    }
}
