import Testing
@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

@Suite("Outbox")
struct OutboxTests {
    func engine(_ outbox: String = "{}", extra: String = "") throws -> Engine {
        try Engine(configJSON: "{\"outbox\": \(outbox)\(extra)}")
    }

    func sends(_ batch: JSONValue) -> [JSONValue] { batch["sends"]?.arrayValue ?? [] }

    @Test func enqueueIsIdempotentAndRecipientsAreNormalized() throws {
        let e = try engine(#"{"recipient": {"minSpacingMs": 10000, "burst": 1}}"#)
        defer { e.close() }
        let a = try e.outboxEnqueue(["to": "250788123456@c.us", "text": "hello", "idempotencyKey": "k1"])
        let b = try e.outboxEnqueue(["to": "+250 788 123 456", "text": "other", "idempotencyKey": "k1"])
        #expect(a.new && !b.new && a.id == b.id)
        _ = try e.outboxEnqueue(["to": "+250 788 123 456", "text": "second"])
        _ = try e.outboxEnqueue(["to": "250788123456", "media": ["url": "https://x/y.jpg"], "priority": "low"])
        let first = sends(try e.outboxNextBatch(now: 1_000, max: 10))
        // Three spellings, one recipient: one send now, the next after the spacing.
        #expect(first.count == 1)
        #expect(first.first?["recipient"]?.stringValue == "250788123456")
        #expect(first.first?["to"]?.stringValue == "250788123456@c.us")
        #expect(first.first?["attempt"]?.int64Value == 1)
        #expect(first.first?["outsideServiceWindow"]?.boolValue == true)
        #expect(sends(try e.outboxNextBatch(now: 5_000, max: 10)).isEmpty)
        #expect(sends(try e.outboxNextBatch(now: 11_000, max: 10)).count == 1)
    }

    @Test func badSendsAreRefusedClearly() throws {
        let e = try engine()
        defer { e.close() }
        let cases: [(JSONValue, String)] = [
            (["text": "x"], "needs \"to\""),
            (["to": "hello", "text": "x"], "phone number"),
            (["to": "123", "text": "x"], "5 to 24 digits"),
            (["to": "250788123456"], "\"text\" or \"media\""),
            (["to": "250788123456", "text": ""], "non-empty"),
            (["to": "250788123456", "text": "x", "priority": "urgent"], "priority"),
            (["to": "250788123456", "text": "x", "colour": "red"], "unknown send key"),
            (["to": "250788123456", "text": "x", "at": -5], "\"at\""),
            (.array([]), "JSON object"),
        ]
        for (value, fragment) in cases {
            do {
                _ = try e.outboxEnqueue(value)
                Issue.record("accepted \(value)")
            } catch {
                #expect(error.kind == .invalidArgument)
                #expect(error.message.contains(fragment), "\(error.message)")
                #expect(!error.message.contains("250788123456"))
            }
        }
        let text = "not json"
        #expect(throws: ParleyError.self) { _ = try text.withCString { try e.outboxEnqueue(json: UnsafeRawBufferPointer(start: $0, count: strlen($0))) } }
        #expect(throws: ParleyError.self) { _ = try e.outboxNextBatch(now: -1, max: 1) }
        #expect(throws: ParleyError.self) { _ = try e.outboxNextBatch(now: 0, max: 0) }
        do { try e.outboxConfirm(id: 999, ok: true, detail: nil); Issue.record("confirmed an unknown id") } catch { #expect(error.kind == .notFound) }
        do { _ = try e.outboxGet(id: 999); Issue.record("got an unknown id") } catch { #expect(error.kind == .notFound) }
    }

    @Test func configurationIsStrict() throws {
        #expect(try Configuration(json: #"{"outbox": {"preset": "cloudApi", "tier": 2000}}"#).outbox.newContactsPerDay == 2_000)
        #expect(try Configuration(json: #"{"outbox": {"preset": "cloudApi"}}"#).outbox.perSecond == 80)
        #expect(try Configuration(json: #"{"outbox": {"preset": "unofficial"}}"#).outbox.jitterMaxMillis > 0)
        for bad in [#"{"outbox": {"perSecnd": 3}}"#, #"{"outbox": {"preset": "fast"}}"#, #"{"outbox": {"tier": 7}}"#,
                    #"{"outbox": {"recipient": {"burst": 0}}}"#, #"{"outbox": {"perSecond": 5000, "perMinute": 100}}"#,
                    #"{"outbox": {"jitter": {"minMs": 9, "maxMs": 1}}}"#] {
            #expect(throws: ParleyError.self, "\(bad)") { _ = try Configuration(json: bad) }
        }
    }

    @Test func slidingWindowsAreEnforcedTogether() throws {
        let e = try engine(#"{"perSecond": 5, "perMinute": 12, "perHour": 100, "recipient": {"minSpacingMs": 0}, "highReserve": 0}"#)
        defer { e.close() }
        for i in 0..<40 { _ = try e.outboxEnqueue(["to": .string("25078800\(1000 + i)"), "text": "hi"]) }
        var counts: [Int] = []
        for now in [0, 500, 1_000, 2_000, 3_000, 59_999, 60_000] as [Int64] {
            let batch = try e.outboxNextBatch(now: now, max: 100)
            counts.append(sends(batch).count)
            for send in sends(batch) { try e.outboxConfirm(id: send["id"]!.int64Value!, ok: true, detail: nil) }
        }
        #expect(counts == [5, 0, 5, 2, 0, 0, 5])
        let status = try e.outboxStatus()
        #expect(status["rates"]?["perMinute"]?["limit"]?.int64Value == 12)
        #expect(status["states"]?["sent"]?.int64Value == 17)
        #expect(status["depth"]?["normal"]?.int64Value == 23)
    }

    @Test func highGoesFirstAndLowIsNotStarved() throws {
        let e = try engine(#"{"perSecond": 1, "perMinute": 60, "perHour": 3600, "recipient": {"minSpacingMs": 0}}"#)
        defer { e.close() }
        for i in 0..<30 { _ = try e.outboxEnqueue(["to": .string("25078801\(1000 + i)"), "text": "n", "priority": "normal"]) }
        for i in 0..<30 { _ = try e.outboxEnqueue(["to": .string("25078802\(1000 + i)"), "text": "l", "priority": "low"]) }
        var order: [String] = []
        for second in 0..<40 {
            if second == 3 { _ = try e.outboxEnqueue(["to": "250788039999", "text": "urgent", "priority": "high"]) }
            for send in sends(try e.outboxNextBatch(now: Int64(second) * 1_000, max: 10)) {
                order.append(send["priority"]!.stringValue!)
                try e.outboxConfirm(id: send["id"]!.int64Value!, ok: true, detail: nil)
            }
        }
        #expect(order.count == 40)
        #expect(order[3] == "high")
        #expect(order.filter { $0 == "low" }.count >= 5)
        #expect(order.filter { $0 == "normal" }.count > order.filter { $0 == "low" }.count)
    }

    @Test func retriesBackOffThenFail() throws {
        let e = try engine(#"{"jitter": {"seed": 7}, "retries": {"max": 3, "baseMs": 1000}}"#)
        defer { e.close() }
        let id = try e.outboxEnqueue(["to": "250788123456", "text": "x"]).id
        var now: Int64 = 0
        var delays: [Int64] = []
        for attempt in 1...4 {
            let batch = try e.outboxNextBatch(now: now, max: 5)
            #expect(sends(batch).first?["attempt"]?.int64Value == Int64(attempt))
            let state = try e.outboxConfirm(id: id, ok: false, detail: #"{"error": {"code": 131000, "message": "Something went wrong"}}"#)
            #expect(state == (attempt == 4 ? "failed" : "queued"))
            if attempt < 4 {
                let notBefore = try e.outboxGet(id: id)["send"]!["notBefore"]!.int64Value!
                delays.append(notBefore - now)
                #expect(sends(try e.outboxNextBatch(now: notBefore - 1, max: 5)).isEmpty)
                now = notBefore
            }
        }
        #expect(delays.count == 3)
        for (k, delay) in delays.enumerated() {
            let base = Int64(1000 << k)
            #expect(delay >= base * 8 / 10 && delay <= base * 12 / 10, "retry \(k): \(delay) ms")
        }
        let send = try e.outboxGet(id: id)["send"]!
        #expect(send["state"]?.stringValue == "failed")
        #expect(send["lastError"]?.stringValue?.contains("131000") == true)
        // A permanent error fails at once.
        let other = try e.outboxEnqueue(["to": "250788123457", "text": "x"]).id
        _ = try e.outboxNextBatch(now: now + 100_000, max: 5)
        #expect(try e.outboxConfirm(id: other, ok: false, detail: #"{"error": {"code": 131026}}"#) == "failed")
    }

    @Test func aShareOfEachWindowIsKeptForHighPriority() throws {
        // 20 an hour, 20 % reserved: normal sends stop at 16 and an urgent reply still goes at once.
        let e = try engine(#"{"perSecond": 10, "perMinute": 20, "perHour": 20, "recipient": {"minSpacingMs": 0}, "highReserve": 0.2}"#)
        defer { e.close() }
        for i in 0..<40 { _ = try e.outboxEnqueue(["to": .string("25078807\(1000 + i)"), "text": "bulk"]) }
        var normal = 0
        var now: Int64 = 0
        for _ in 0..<10 {
            let batch = try e.outboxNextBatch(now: now, max: 100)
            normal += sends(batch).count
            for send in sends(batch) { try e.outboxConfirm(id: send["id"]!.int64Value!, ok: true, detail: nil) }
            now += 1_000
        }
        #expect(normal == 16)
        let idle = try e.outboxNextBatch(now: now, max: 100)
        #expect(sends(idle).isEmpty)
        #expect(idle["nextAt"]?.int64Value == 3_600_000, "normal waits for the hour's shared part to free")
        let urgent = try e.outboxEnqueue(["to": "250788079999", "text": "the water is off: a plumber is coming", "priority": "high"]).id
        let batch = sends(try e.outboxNextBatch(now: now, max: 100))
        #expect(batch.map { $0["id"]?.int64Value } == [urgent])
        #expect(sends(try e.outboxNextBatch(now: now + 1_000, max: 100)).isEmpty)
        // The reserve never lifts the total: four high sends fill the hour, a fifth waits.
        for i in 0..<4 { _ = try e.outboxEnqueue(["to": .string("25078808\(1000 + i)"), "text": "urgent", "priority": "high"]) }
        #expect(sends(try e.outboxNextBatch(now: now + 2_000, max: 100)).count == 3)
        #expect(throws: ParleyError.self) { _ = try Configuration(json: #"{"outbox": {"highReserve": 0.95}}"#) }
    }

    @Test func retentionDeletesFinishedSendsOnly() throws {
        let e = try engine(#"{"recipient": {"minSpacingMs": 0}}"#, extra: #", "retention": {"days": 1}"#)
        defer { e.close() }
        let day: Int64 = 86_400_000
        let done = try e.outboxEnqueue(["to": "250788090001", "text": "sent long ago"]).id
        let sent = sends(try e.outboxNextBatch(now: 1_000, max: 1))
        #expect(sent.first?["id"]?.int64Value == done)
        try e.outboxConfirm(id: done, ok: true, detail: nil)
        let waiting = try e.outboxEnqueue(["to": "250788090002", "text": "still owed", "at": .int(10 * day)]).id
        let report = try e.maintain(now: 5 * day)
        #expect(report["outboxDeleted"]?.int64Value == 1)
        #expect(throws: ParleyError.self) { _ = try e.outboxGet(id: done) }
        #expect(try e.outboxGet(id: waiting)["send"]?["state"]?.stringValue == "queued")
    }

    @Test func anIdIsNeverGivenAgainSoALateConfirmCannotSettleAnotherSend() throws {
        let e = try engine(#"{"recipient": {"minSpacingMs": 0}}"#, extra: #", "retention": {"days": 1}"#)
        defer { e.close() }
        let day: Int64 = 86_400_000
        let old = try e.outboxEnqueue(["to": "250788090001", "text": "first"]).id
        #expect(sends(try e.outboxNextBatch(now: 1_000, max: 1)).first?["id"]?.int64Value == old)
        try e.outboxConfirm(id: old, ok: true, detail: #"{"messageId": "wamid.A"}"#)
        // Retention deletes the newest send there is; the next one still gets a new id.
        #expect(try e.maintain(now: 5 * day)["outboxDeleted"]?.int64Value == 1)
        let new = try e.outboxEnqueue(["to": "250788090001", "text": "second"]).id
        #expect(new > old)
        do { try e.outboxConfirm(id: old, ok: true, detail: #"{"messageId": "wamid.A"}"#); Issue.record("a deleted send was confirmed") } catch {
            #expect(error.kind == .notFound)
        }
        #expect(try e.outboxGet(id: new)["send"]?["state"]?.stringValue == "queued")
    }

    @Test func prometheusShowsTheOutbox() throws {
        let e = try engine(#"{"recipient": {"minSpacingMs": 0}}"#)
        defer { e.close() }
        #expect(!e.metricsPrometheus().contains("parley_outbox_"), "nothing before the first use")
        for i in 0..<3 { _ = try e.outboxEnqueue(["to": .string("25078809\(1000 + i)"), "text": "x", "priority": i == 0 ? "high" : "low"]) }
        let batch = sends(try e.outboxNextBatch(now: 1_000, max: 1))
        try e.outboxConfirm(id: batch[0]["id"]!.int64Value!, ok: true, detail: nil)
        let text = e.metricsPrometheus()
        #expect(text.contains("parley_outbox_waiting{priority=\"low\"} 2"))
        #expect(text.contains("parley_outbox_waiting{priority=\"high\"} 0"))
        #expect(text.contains("parley_outbox_sent_total 1"))
        #expect(text.contains("# TYPE parley_outbox_throttle gauge"))
    }

    @Test func rateLimitsThrottleAndRecover() throws {
        let e = try engine(#"{"perSecond": 10, "perMinute": 600, "perHour": 36000, "recipient": {"minSpacingMs": 0}, "rateLimitRetryMs": 1000, "highReserve": 0}"#)
        defer { e.close() }
        for i in 0..<100 { _ = try e.outboxEnqueue(["to": .string("25078805\(1000 + i)"), "text": "x"]) }
        let batch = sends(try e.outboxNextBatch(now: 0, max: 100))
        #expect(batch.count == 10)
        let limited = batch[0]["id"]!.int64Value!
        for (kind, detail) in [(0, #"{"error": {"code": 130429}}"#)] { _ = kind; #expect(try e.outboxConfirm(id: limited, ok: false, detail: detail) == "queued") }
        for send in batch.dropFirst() { try e.outboxConfirm(id: send["id"]!.int64Value!, ok: true, detail: nil) }
        var status = try e.outboxStatus()
        #expect(status["throttle"]?.doubleValue == 0.5)
        #expect(status["rates"]?["perSecond"]?["effective"]?.int64Value == 5)
        #expect(status["counters"]?["rateLimited"]?.int64Value == 1)
        #expect(try e.outboxGet(id: limited)["send"]?["failures"]?.int64Value == 0)
        // Halved: 5 a second now.
        #expect(sends(try e.outboxNextBatch(now: 1_000, max: 100)).count == 5)
        // Baileys' rate-overlimit counts too (a second later: halved again).
        let baileys = sends(try e.outboxNextBatch(now: 2_000, max: 100))
        #expect(try e.outboxConfirm(id: baileys[0]["id"]!.int64Value!, ok: false, detail: #"{"message": "rate-overlimit", "data": 429}"#) == "queued")
        status = try e.outboxStatus()
        #expect(status["throttle"]?.doubleValue == 0.25)
        // Recovers 0.1 per 10 s without rate-limit errors.
        _ = try e.outboxNextBatch(now: 32_000, max: 1)
        status = try e.outboxStatus()
        #expect(abs((status["throttle"]?.doubleValue ?? 0) - 0.55) < 1e-9)
        _ = try e.outboxNextBatch(now: 200_000, max: 1)
        #expect(try e.outboxStatus()["throttle"]?.doubleValue == 1)
        #expect(SendFailure.classify(try JSONParser.parse(#"{"error": {"code": 131056, "message": "(#131056) pair rate limit hit"}}"#)) == .rateLimited(pair: true))
        #expect(SendFailure.classify(.string("rate-overlimit")) == .rateLimited(pair: false))
        #expect(SendFailure.classify(try JSONParser.parse(#"{"error": {"code": 132001}}"#)) == .permanent)
        #expect(SendFailure.classify(try JSONParser.parse(#"{"code": "ECONNRESET"}"#)) == .transient)
    }

    /// A restart right after WhatsApp said "too many" keeps the halved rate, and it recovers
    /// from when the error came, not from the restart.
    @Test func theThrottleOutlivesARestart() throws {
        var template = Array("/tmp/parley-outbox-XXXXXX".utf8CString)
        let directory = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        defer { _ = system("rm -rf \(directory)") }
        let config = #"{"store": {"path": "\#(directory)/p.db"}, "outbox": {"perSecond": 10, "perMinute": 600, "perHour": 36000, "recipient": {"minSpacingMs": 0}, "highReserve": 0}}"#
        var e = try Engine(configJSON: config)
        for i in 0..<60 { _ = try e.outboxEnqueue(["to": .string("25078805\(1000 + i)"), "text": "x"]) }
        let batch = sends(try e.outboxNextBatch(now: 1_000, max: 100))
        #expect(try e.outboxConfirm(id: batch[0]["id"]!.int64Value!, ok: false, detail: #"{"error": {"code": 130429}}"#) == "queued")
        for send in batch.dropFirst() { try e.outboxConfirm(id: send["id"]!.int64Value!, ok: true, detail: nil) }
        e.close()
        e = try Engine(configJSON: config)
        defer { e.close() }
        #expect(sends(try e.outboxNextBatch(now: 3_000, max: 100)).count == 5)
        #expect(try e.outboxStatus()["throttle"]?.doubleValue == 0.5)
        // 10 s after the error (not after the restart) a step comes back.
        _ = try e.outboxNextBatch(now: 11_500, max: 1)
        #expect(abs((try e.outboxStatus()["throttle"]?.doubleValue ?? 0) - 0.6) < 1e-9)
    }

    @Test func anUnconfirmedSendComesBackAfterItsLease() throws {
        let e = try engine(#"{"leaseMs": 60000}"#)
        defer { e.close() }
        let id = try e.outboxEnqueue(["to": "250788123456", "text": "x", "idempotencyKey": "rent-may"]).id
        #expect(sends(try e.outboxNextBatch(now: 0, max: 5)).count == 1)
        #expect(sends(try e.outboxNextBatch(now: 59_999, max: 5)).isEmpty)
        let again = sends(try e.outboxNextBatch(now: 60_000, max: 5))
        #expect(again.first?["id"]?.int64Value == id)
        #expect(again.first?["attempt"]?.int64Value == 2)
        #expect(again.first?["idempotencyKey"]?.stringValue == "rent-may")
        #expect(try e.outboxConfirm(id: id, ok: true, detail: #"{"messages": [{"id": "wamid.ABC"}]}"#) == "sent")
        #expect(try e.outboxConfirm(id: id, ok: true, detail: nil) == "unchanged")
        #expect(try e.outboxGet(id: id)["send"]?["messageId"]?.stringValue == "wamid.ABC")
    }

    /// Takes the send's hand-out 1 at 0 and, its lease expired, hand-out 2 at 61 s.
    func twoHandOuts(_ e: Engine) throws -> Int64 {
        let id = try e.outboxEnqueue(["to": "250788123456", "text": "Your rent receipt"]).id
        #expect(sends(try e.outboxNextBatch(now: 0, max: 5)).first?["attempt"]?.int64Value == 1)
        #expect(sends(try e.outboxNextBatch(now: 61_000, max: 5)).first?["attempt"]?.int64Value == 2)
        return id
    }

    @Test func aLateFailureOfAnExpiredHandOutChangesNothing() throws {
        let e = try engine(#"{"leaseMs": 60000}"#)
        defer { e.close() }
        // Transient: no third hand-out while hand-out 2 is out.
        let id = try twoHandOuts(e)
        #expect(try e.outboxConfirm(id: id, ok: false, detail: #"{"code": 500, "at": 61500}"#) == "unchanged")
        #expect(try e.outboxGet(id: id)["send"]?["state"]?.stringValue == "leased")
        #expect(try e.outboxGet(id: id)["send"]?["failures"]?.int64Value == 0)
        for t in stride(from: Int64(62_000), to: 121_000, by: 1_000) { #expect(sends(try e.outboxNextBatch(now: t, max: 5)).isEmpty, "at \(t)") }
        // Hand-out 2's own failure counts.
        #expect(try e.outboxConfirm(id: id, ok: false, detail: #"{"code": 500}"#) == "queued")
        // Permanent: hand-out 2's success still counts.
        let other = try e.outboxEnqueue(["to": "250788123457", "text": "x"]).id
        _ = try e.outboxNextBatch(now: 200_000, max: 5)
        _ = try e.outboxNextBatch(now: 261_000, max: 5)
        #expect(try e.outboxConfirm(id: other, ok: false, detail: #"{"code": 131026}"#) == "unchanged")
        #expect(try e.outboxConfirm(id: other, ok: true, detail: #"{"messageId": "wamid.A"}"#) == "sent")
        #expect(try e.outboxGet(id: other)["send"]?["messageId"]?.stringValue == "wamid.A")
    }

    @Test func aReportNamesItsHandOutByAttempt() throws {
        let e = try engine(#"{"leaseMs": 60000}"#)
        defer { e.close() }
        let id = try twoHandOuts(e)
        #expect(try e.outboxConfirm(id: id, ok: false, detail: #"{"code": 500, "attempt": 1}"#) == "unchanged")
        #expect(try e.outboxConfirm(id: id, ok: false, detail: #"{"code": 500, "attempt": 1}"#) == "unchanged")
        #expect(try e.outboxConfirm(id: id, ok: false, detail: #"{"error": {"code": 131026}, "attempt": 2}"#) == "failed")
        // Hand-out 1 reached the tenant after all: a success always counts.
        #expect(try e.outboxConfirm(id: id, ok: true, detail: #"{"messageId": "wamid.B", "attempt": 1}"#) == "sent")
        let send = try e.outboxGet(id: id)["send"]!
        #expect(send["state"]?.stringValue == "sent")
        #expect(send["messageId"]?.stringValue == "wamid.B")
        #expect(try e.outboxConfirm(id: id, ok: true, detail: nil) == "unchanged")
        do { try e.outboxConfirm(id: id, ok: false, detail: #"{"code": 500, "attempt": 0}"#); Issue.record("attempt 0 accepted") } catch {
            #expect(error.kind == .invalidArgument)
        }
    }

    @Test func oneRecipientsSendsComeInQueueOrderWhateverTheirPriority() throws {
        let e = try engine(#"{"recipient": {"minSpacingMs": 0}}"#)
        defer { e.close() }
        for (text, priority) in [("a1", "low"), ("a2", "normal"), ("a3", "high")] {
            _ = try e.outboxEnqueue(["to": "250788123456", "text": .string(text), "priority": .string(priority)])
        }
        _ = try e.outboxEnqueue(["to": "250788123457", "text": "b1", "priority": "normal"])
        var order: [String] = []
        for second in 0..<4 {
            for send in sends(try e.outboxNextBatch(now: Int64(second) * 1_000, max: 10)) {
                order.append(send["text"]!.stringValue!)
                try e.outboxConfirm(id: send["id"]!.int64Value!, ok: true, detail: nil)
            }
        }
        // a3 is high: its recipient goes first, but with its earlier sends ahead of it.
        #expect(order == ["a1", "b1", "a2", "a3"])
    }

    @Test func expiredLeasesComeBackInQueueOrder() throws {
        var template = Array("/tmp/parley-outbox-XXXXXX".utf8CString)
        guard let dir = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }).map({ String(cString: $0) }) else {
            Issue.record("mkdtemp failed"); return
        }
        let config = #"{"store": {"path": "\#(dir)/p.db"}, "outbox": {"recipient": {"minSpacingMs": 0}, "leaseMs": 60000}}"#
        for restart in [false, true] {
            var e = try Engine(configJSON: config)
            let base: Int64 = restart ? 1_000_000 : 0
            for i in 0..<4 { _ = try e.outboxEnqueue(["to": "250788123456", "text": .string("S\(i)\(restart)")]) }
            for i in 0..<4 { #expect(sends(try e.outboxNextBatch(now: base + Int64(i) * 1_000, max: 1)).count == 1) }
            if restart {
                e.close()
                e = try Engine(configJSON: config)
            }
            var order: [String] = []
            for t in stride(from: base + 70_000, to: base + 75_000, by: 1_000) {
                for send in sends(try e.outboxNextBatch(now: t, max: 10)) {
                    order.append(send["text"]!.stringValue!)
                    try e.outboxConfirm(id: send["id"]!.int64Value!, ok: true, detail: nil)
                }
            }
            #expect(order == (0..<4).map { "S\($0)\(restart)" }, "restart \(restart)")
            e.close()
        }
    }

    @Test func aCrashBetweenBatchAndConfirmReoffersAfterReopen() throws {
        var template = Array("/tmp/parley-outbox-XXXXXX".utf8CString)
        guard let dir = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }).map({ String(cString: $0) }) else {
            Issue.record("mkdtemp failed"); return
        }
        let config = #"{"store": {"path": "\#(dir)/p.db"}, "outbox": {"perSecond": 2, "perMinute": 3, "perHour": 100, "recipient": {"minSpacingMs": 0}, "highReserve": 0}}"#
        var e = try Engine(configJSON: config)
        var ids: [Int64] = []
        for i in 0..<5 { ids.append(try e.outboxEnqueue(["to": .string("25078806\(1000 + i)"), "text": "x"]).id) }
        let first = sends(try e.outboxNextBatch(now: 1_000, max: 10))
        #expect(first.count == 2)
        try e.outboxConfirm(id: first[0]["id"]!.int64Value!, ok: true, detail: nil)
        e.close()  // the host dies before confirming the second
        e = try Engine(configJSON: config)
        defer { e.close() }
        // The minute window remembers the two hand-outs: one more until 61 s.
        let afterReopen = sends(try e.outboxNextBatch(now: 2_000, max: 10))
        #expect(afterReopen.count == 1)
        #expect(afterReopen.first?["id"]?.int64Value != first[1]["id"]?.int64Value)
        #expect(sends(try e.outboxNextBatch(now: 30_000, max: 10)).isEmpty)
        // The unconfirmed send is offered again once its lease ran out (behind sends waiting longer).
        var later = sends(try e.outboxNextBatch(now: 61_001, max: 10)).compactMap { $0["id"]?.int64Value }
        later += sends(try e.outboxNextBatch(now: 122_002, max: 10)).compactMap { $0["id"]?.int64Value }
        #expect(later.contains(first[1]["id"]!.int64Value!))
        #expect(try e.outboxStatus()["states"]?["sent"]?.int64Value == 1)
    }

    @Test func deliveryStatusesOnlyMoveForward() throws {
        let e = try engine()
        defer { e.close() }
        let id = try e.outboxEnqueue(["to": "250788123456", "text": "x"]).id
        _ = try e.outboxNextBatch(now: 0, max: 1)
        try e.outboxConfirm(id: id, ok: true, detail: #"{"messageId": "wamid.HBgM"}"#)
        var answer = try e.outboxDelivery(["id": "wamid.HBgM", "status": "read", "timestamp": "1700000000", "recipient_id": "250788123456"])
        #expect(answer["matched"]?[0]?["changed"]?.boolValue == true)
        answer = try e.outboxDelivery(["messageId": "wamid.HBgM", "status": "delivered"])
        #expect(answer["matched"]?[0]?["changed"]?.boolValue == false)
        #expect(answer["matched"]?[0]?["state"]?.stringValue == "read")
        _ = try e.outboxDelivery(["id": "wamid.HBgM", "status": "failed"])
        let send = try e.outboxGet(id: id)["send"]!
        #expect(send["state"]?.stringValue == "read")
        #expect(send["readAt"]?.int64Value == 1_700_000_000_000)
        // whatsapp-web.js ack and Baileys update shapes.
        let second = try e.outboxEnqueue(["to": "250788123457", "text": "y"]).id
        _ = try e.outboxNextBatch(now: 10_000, max: 5)
        try e.outboxConfirm(id: second, ok: true, detail: #"{"messageId": "true_250788123457@c.us_3EB0"}"#)
        _ = try e.outboxDelivery(["id": ["_serialized": "true_250788123457@c.us_3EB0"], "ack": 2])
        #expect(try e.outboxGet(id: second)["send"]?["state"]?.stringValue == "delivered")
        _ = try e.outboxDelivery(["key": ["id": "true_250788123457@c.us_3EB0"], "update": ["status": 1]])
        _ = try e.outboxDelivery(["key": ["id": "true_250788123457@c.us_3EB0"], "update": ["status": 0]])
        #expect(try e.outboxGet(id: second)["send"]?["state"]?.stringValue == "failed")
        #expect(try e.outboxDelivery(["id": "wamid.unknown", "status": "sent"])["matched"]?.arrayValue?.isEmpty == true)
        #expect(throws: ParleyError.self) { _ = try e.outboxDelivery(["id": "x", "status": "exploded"]) }
        #expect(throws: ParleyError.self) { _ = try e.outboxDelivery(["status": "sent"]) }
    }

    @Test func webhookStatusesReachTheOutbox() throws {
        let e = try engine()
        defer { e.close() }
        let id = try e.outboxEnqueue(["to": "250788123456", "text": "x"]).id
        _ = try e.outboxNextBatch(now: 0, max: 1)
        try e.outboxConfirm(id: id, ok: true, detail: #"{"messageId": "wamid.W1"}"#)
        let body = #"""
        {"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field": "messages", "value": {
          "messaging_product": "whatsapp", "metadata": {"phone_number_id": "1"},
          "statuses": [{"id": "wamid.W1", "status": "delivered", "timestamp": "1700000100", "recipient_id": "250788123456"},
                       {"id": "wamid.W1", "status": "sent", "timestamp": "1700000050", "recipient_id": "250788123456"},
                       {"id": "wamid.other", "status": "read", "timestamp": "1700000100", "recipient_id": "250788000000"}]}}]}]}
        """#
        let answer = try body.withCString { try e.ingestWebhook(body: UnsafeRawBufferPointer(start: $0, count: strlen($0)), signature: nil) }
        let matched = answer["outbox"]?.arrayValue ?? []
        #expect(matched.count == 2)
        #expect(matched.first?["state"]?.stringValue == "delivered")
        #expect(try e.outboxGet(id: id)["send"]?["state"]?.stringValue == "delivered")
    }

    @Test func theServiceWindowIsFlaggedAndNewContactsAreBudgeted() throws {
        let e = try engine(#"{"newContactsPerDay": 2, "recipient": {"minSpacingMs": 0}}"#)
        defer { e.close() }
        // One recipient wrote an hour before: inside the window, not a new contact.
        let inbound = #"{"id": "in1", "chat": "250788111111@c.us", "from": "250788111111@c.us", "timestamp": 1699996400, "type": "text", "text": "Is the flat free?"}"#
        _ = try inbound.withCString { try e.process(json: UnsafeRawBufferPointer(start: $0, count: strlen($0))) }
        let now: Int64 = 1_700_000_000_000
        for to in ["250788111111", "250788222222", "250788333333", "250788444444"] { _ = try e.outboxEnqueue(["to": .string(to), "text": "x"]) }
        let batch = sends(try e.outboxNextBatch(now: now, max: 10))
        #expect(batch.count == 3)
        let flags = Dictionary(uniqueKeysWithValues: batch.map { ($0["recipient"]!.stringValue!, $0["outsideServiceWindow"]!.boolValue!) })
        #expect(flags["250788111111"] == false)
        #expect(flags["250788222222"] == true)
        for send in batch { try e.outboxConfirm(id: send["id"]!.int64Value!, ok: true, detail: nil) }
        #expect(try e.outboxStatus()["newContacts"]?["last24h"]?.int64Value == 2)
        #expect(sends(try e.outboxNextBatch(now: now + 3_600_000, max: 10)).isEmpty)
        #expect(sends(try e.outboxNextBatch(now: now + 86_400_000, max: 10)).count == 1)
    }

    @Test func anOpenBreakerStopsBatches() throws {
        let e = try engine(#"{"recipient": {"minSpacingMs": 0}, "retries": {"baseMs": 1}}"#,
                           extra: #", "breakers": {"whatsapp-send": {"window": 2, "minimumCalls": 2, "openSeconds": 30}}"#)
        defer { e.close() }
        for i in 0..<5 { _ = try e.outboxEnqueue(["to": .string("25078807\(1000 + i)"), "text": "x"]) }
        let batch = sends(try e.outboxNextBatch(now: 0, max: 2))
        for send in batch { try e.outboxConfirm(id: send["id"]!.int64Value!, ok: false, detail: #"{"error": {"code": 131000}}"#) }
        let refused = try e.outboxNextBatch(now: 1_000, max: 10)
        #expect(sends(refused).isEmpty)
        #expect(refused["breaker"]?.stringValue == "open")
        #expect(refused["nextAt"]?.int64Value == 30_000)
        // Half-open: three trial sends, then closed again once they succeed.
        let trials = sends(try e.outboxNextBatch(now: 30_000, max: 10))
        #expect(trials.count == 3)
        for send in trials { try e.outboxConfirm(id: send["id"]!.int64Value!, ok: true, detail: nil) }
        #expect(sends(try e.outboxNextBatch(now: 30_001, max: 10)).count == 2)
    }

    @Test func unofficialSpacingIsRandomized() throws {
        let e = try engine(#"{"preset": "unofficial", "jitter": {"seed": 3}, "newContactsPerDay": 0}"#)
        defer { e.close() }
        for i in 0..<12 { _ = try e.outboxEnqueue(["to": .string("25078808\(1000 + i)"), "text": "x"]) }
        var times: [Int64] = []
        var now: Int64 = 0
        while times.count < 8 {
            let batch = try e.outboxNextBatch(now: now, max: 10)
            #expect(sends(batch).count <= 1)
            for send in sends(batch) { times.append(now); try e.outboxConfirm(id: send["id"]!.int64Value!, ok: true, detail: nil) }
            now = max(now + 1, batch["nextAt"]?.int64Value ?? now + 1)
        }
        let gaps = zip(times.dropFirst(), times).map { $0 - $1 }
        #expect(gaps.allSatisfy { $0 >= 2_000 && $0 <= 8_000 }, "\(gaps)")
        #expect(Set(gaps).count >= 5, "no fixed interval: \(gaps)")
    }

    @Test func simulationKeepsEveryWindow() throws {
        var options = OutboxSimulation.Options()
        options.sends = 6_000
        options.recipients = 300
        options.batchMax = 200
        options.outboxConfig = #"{"perSecond": 30, "perMinute": 1000, "perHour": 10000, "newContactsPerDay": 0, "maxPerRecipientBatch": 2}"#
        let report = try OutboxSimulation.run(options)
        print("outbox simulation:", JSONWriter.string(report.json))
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(report.sent + report.failed == report.sends)
        #expect(report.failed < report.sends / 100)
        #expect(report.achievedPerSecond / report.allowedPerSecond > 0.7)
        #expect(report.highLatencyP99Millis < 60_000)
    }
}
