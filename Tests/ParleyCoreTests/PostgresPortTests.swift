import Synchronization
import Testing
@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

/// The rest of the store on PostgreSQL across instances: the outbox's windows counted once for
/// two engines handing out at once, breakers seen open by every instance, retention dropping
/// whole months, and the plans of the new hot queries. Each test has a schema of its own on the
/// test server (PostgresTests.withSchema) and engines with distinct owners.
@Suite(.serialized) struct PostgresPortTests {
    static func engines(_ url: String, _ more: String = "", count: Int = 2) throws -> [Engine] {
        try (0..<count).map { n in
            try Engine(configJSON: #"{"store": {"postgres": "\#(url)", "poolSize": 4, "owner": "port-\#(n)"}\#(more.isEmpty ? "" : ", " + more)}"#)
        }
    }

    static func sends(_ batch: JSONValue) -> [JSONValue] { batch["sends"]?.arrayValue ?? [] }

    /// Runs `body(n)` on `count` threads at once and waits for all.
    static func together(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let threads = (0..<count).map { n in Thread { body(n) } }
        threads.forEach { $0.join() }
    }

    @Test func lateReportsAndQueueOrderAsOnSQLite() throws {
        try PostgresTests.withSchema { url in
            let pair = try Self.engines(url, #""outbox": {"leaseMs": 60000, "recipient": {"minSpacingMs": 0}}"#)
            defer { pair.forEach { $0.close() } }
            // Hand-out 1 by one instance, hand-out 2 by the other; hand-out 1's late failure changes nothing.
            let id = try pair[0].outboxEnqueue(["to": "250788123456", "text": "receipt"]).id
            #expect(Self.sends(try pair[0].outboxNextBatch(now: 0, max: 5)).count == 1)
            #expect(Self.sends(try pair[1].outboxNextBatch(now: 61_000, max: 5)).first?["attempt"]?.int64Value == 2)
            #expect(try pair[0].outboxConfirm(id: id, ok: false, detail: #"{"code": 131026, "attempt": 1}"#) == "unchanged")
            #expect(try pair[1].outboxConfirm(id: id, ok: false, detail: #"{"code": 500, "attempt": 1}"#) == "unchanged")
            #expect(Self.sends(try pair[0].outboxNextBatch(now: 70_000, max: 5)).isEmpty)
            #expect(try pair[1].outboxConfirm(id: id, ok: false, detail: #"{"code": 131026, "attempt": 2}"#) == "failed")
            #expect(try pair[0].outboxConfirm(id: id, ok: true, detail: #"{"messageId": "wamid.P"}"#) == "sent")
            // One recipient's sends in queue order whatever their priority.
            for (text, priority) in [("a1", "low"), ("a2", "normal"), ("a3", "high")] {
                _ = try pair[0].outboxEnqueue(["to": "250788123457", "text": .string(text), "priority": .string(priority)])
            }
            var order: [String] = []
            for second in 100..<104 {
                for send in Self.sends(try pair[second % 2].outboxNextBatch(now: Int64(second) * 1_000, max: 10)) {
                    order.append(send["text"]!.stringValue!)
                    try pair[0].outboxConfirm(id: send["id"]!.int64Value!, ok: true, detail: nil)
                }
            }
            #expect(order == ["a1", "a2", "a3"])
        }
    }

    @Test func twoInstancesHandingOutAtOnceKeepEveryWindowAndNeverHandOutASendTwice() throws {
        try PostgresTests.withSchema { url in
            let outbox = #""outbox": {"perSecond": 5, "perMinute": 12, "perHour": 100, "recipient": {"minSpacingMs": 0}, "highReserve": 0}"#
            let pair = try Self.engines(url, outbox)
            defer { pair.forEach { $0.close() } }
            // Sends queued through both instances.
            for i in 0..<40 { _ = try pair[i % 2].outboxEnqueue(["to": .string("25078800\(1000 + i)"), "text": "hi"]) }
            final class Seen: Sendable {
                let ids = Mutex<[Int64]>([])
                let failures = Mutex<[String]>([])
            }
            let seen = Seen()
            var counts: [Int] = []
            for now in [0, 500, 1_000, 2_000, 3_000, 59_999, 60_000] as [Int64] {
                let before = seen.ids.withLock { $0.count }
                // Both instances ask at the same host time, several times each.
                Self.together(4) { n in
                    do {
                        let batch = try pair[n % 2].outboxNextBatch(now: now, max: 100)
                        let ids = Self.sends(batch).compactMap { $0["id"]?.int64Value }
                        seen.ids.withLock { $0 += ids }
                        for id in ids { try pair[(n + 1) % 2].outboxConfirm(id: id, ok: true, detail: nil) }
                    } catch {
                        seen.failures.withLock { $0.append("\(error)") }
                    }
                }
                counts.append(seen.ids.withLock { $0.count } - before)
            }
            #expect(seen.failures.withLock { $0 } == [])
            // One engine alone gives [5, 0, 5, 2, 0, 0, 5] (OutboxTests): two together, the same.
            #expect(counts == [5, 0, 5, 2, 0, 0, 5])
            let ids = seen.ids.withLock { $0 }
            #expect(Set(ids).count == ids.count, "no send handed out twice")
            for engine in pair {
                let status = try engine.outboxStatus()
                #expect(status["states"]?["sent"]?.int64Value == 17)
                // At 60 s the minute holds the hand-outs of 1 s, 2 s and 60 s, whichever instance made them.
                #expect(status["rates"]?["perMinute"]?["current"]?.int64Value == 12, "each instance counts the fleet's hand-outs")
            }
        }
    }

    @Test func eachWhatsAppNumberHasItsOwnWindowsSharedByItsInstances() throws {
        try PostgresTests.withSchema { url in
            func engine(_ owner: String, line: String) throws -> Engine {
                try Engine(configJSON: #"{"store": {"postgres": "\#(url)", "poolSize": 2, "owner": "\#(owner)"}, "outbox": {"line": "\#(line)", "perSecond": 3, "perMinute": 100, "perHour": 1000, "recipient": {"minSpacingMs": 0}, "highReserve": 0}}"#)
            }
            let a1 = try engine("a1", line: "+250788000001"), a2 = try engine("a2", line: "+250788000001")
            let b = try engine("b", line: "+250788000002")
            defer { [a1, a2, b].forEach { $0.close() } }
            for i in 0..<10 {
                _ = try a1.outboxEnqueue(["to": .string("25078811\(1000 + i)"), "text": "from line A"])
                _ = try b.outboxEnqueue(["to": .string("25078822\(1000 + i)"), "text": "from line B"])
            }
            // Line A's two instances share its 3 per second; line B has 3 of its own.
            let first = Self.sends(try a1.outboxNextBatch(now: 0, max: 100)).count
            let second = Self.sends(try a2.outboxNextBatch(now: 0, max: 100)).count
            let other = Self.sends(try b.outboxNextBatch(now: 0, max: 100))
            #expect(first + second == 3, "line A: \(first) + \(second)")
            #expect(other.count == 3, "line B keeps its own window")
            #expect(other.allSatisfy { $0["text"]?.stringValue == "from line B" }, "a line hands out only its own sends")
            #expect(throws: ParleyError.self) { try Configuration(json: #"{"outbox": {"line": "a\u0001b"}}"#) }
            #expect(try Configuration(json: #"{"outbox": {"line": "+250788000001"}}"#).outbox.line == "+250788000001")
        }
    }

    @Test func concurrentBatchesOverManySecondsNeverExceedTheWindowsTogether() throws {
        try PostgresTests.withSchema { url in
            let outbox = #""outbox": {"perSecond": 4, "perMinute": 30, "perHour": 1000, "recipient": {"minSpacingMs": 2000, "burst": 1}, "highReserve": 0}"#
            let pair = try Self.engines(url, outbox)
            defer { pair.forEach { $0.close() } }
            for i in 0..<200 { _ = try pair[i % 2].outboxEnqueue(["to": .string("2507880\(10_000 + i % 50)"), "text": .string("n\(i)")]) }
            final class Log: Sendable { let handouts = Mutex<[(at: Int64, id: Int64, recipient: String)]>([]) }
            let log = Log()
            // Two instances, each a host thread stepping its own clock 250 ms at a time, one
            // 100 ms behind the other.
            Self.together(2) { n in
                var now = Int64(n) * 100
                while now < 90_000 {
                    if let batch = try? pair[n].outboxNextBatch(now: now, max: 50) {
                        for send in Self.sends(batch) {
                            let id = send["id"]!.int64Value!
                            log.handouts.withLock { $0.append((now, id, send["recipient"]!.stringValue!)) }
                            _ = try? pair[n].outboxConfirm(id: id, ok: true, detail: nil)
                        }
                    }
                    now += 250
                }
            }
            let handouts = log.handouts.withLock { $0 }.sorted { $0.at < $1.at }
            #expect(Set(handouts.map(\.id)).count == handouts.count, "no send twice")
            var worst = (second: 0, minute: 0)
            for (index, entry) in handouts.enumerated() {
                let second = handouts[index...].prefix { $0.at < entry.at + 1_000 }.count
                let minute = handouts[index...].prefix { $0.at < entry.at + 60_000 }.count
                worst = (max(worst.second, second), max(worst.minute, minute))
            }
            print("PostgreSQL outbox, 2 instances: \(handouts.count) hand-outs in 90 s of host time; busiest second \(worst.second) (limit 4), minute \(worst.minute) (limit 30)")
            #expect(worst.second <= 4)
            #expect(worst.minute <= 30)
            #expect(handouts.count >= 60, "the instances did hand out")
            // The recipient spacing holds across instances too (a burst of 1 every 2 s).
            var last: [String: Int64] = [:]
            var tooClose = 0
            for entry in handouts {
                if let previous = last[entry.recipient], entry.at - previous < 2_000 { tooClose += 1 }
                last[entry.recipient] = entry.at
            }
            #expect(tooClose == 0)
        }
    }

    /// next_batch latency (one send a call, confirmed), debug build, printed for both backends.
    @Test func nextBatchLatencyOnBothBackends() throws {
        for backend in StoreBackendTests.Backend.allCases {
            try StoreBackendTests.withStore(backend) { store in
                let e = try StoreBackendTests.engine(store, #""outbox": {"perSecond": 1000, "perMinute": 60000, "perHour": 1000000, "recipient": {"minSpacingMs": 0}}"#)
                defer { e.close() }
                let count = 300
                for i in 0..<count { _ = try e.outboxEnqueue(["to": .string("2507881\(10_000 + i)"), "text": "x"]) }
                var batchMicros: [Double] = []
                for i in 0..<count {
                    let started = PostgresTests.monotonicMicros()
                    let batch = try e.outboxNextBatch(now: Int64(i) * 10, max: 1)
                    batchMicros.append(PostgresTests.monotonicMicros() - started)
                    for send in Self.sends(batch) { try e.outboxConfirm(id: send["id"]!.int64Value!, ok: true, detail: nil) }
                }
                batchMicros.sort()
                print("\(backend): outbox next_batch (max 1) median \(Int(batchMicros[count / 2])) µs, p99 \(Int(batchMicros[count * 99 / 100])) µs (debug build)")
                #expect(try e.outboxStatus()["states"]?["sent"]?.int64Value == Int64(count))
            }
        }
    }

    // MARK: Breakers

    @Test func aBreakerOpenedByOneInstanceIsOpenForTheOtherAndOnlyOneProbes() throws {
        try PostgresTests.withSchema { url in
            let pair = try Self.engines(url, #""breakers": {"sheets": {"window": 4, "minimumCalls": 2, "openSeconds": 2, "halfOpenPermits": 1}}"#)
            defer { pair.forEach { $0.close() } }
            // (Engine.init wires this on PostgreSQL once the lead adds the line; here by hand.)
            for engine in pair { engine.reliability.breakers.share(through: engine.store.postgres!, owner: engine.store.postgres!.owner) }
            #expect(try pair[1].breakerAllow("sheets"))
            for _ in 0..<2 {
                #expect(try pair[0].breakerAllow("sheets"))
                try pair[0].breakerRecord("sheets", ok: false, micros: 1_000)
            }
            #expect(try !pair[0].breakerAllow("sheets"))
            // The other instance sees it open within the cache's bound (1 s).
            let opened = PostgresTests.monotonicMicros()
            while try pair[1].breakerAllow("sheets") {
                #expect(PostgresTests.monotonicMicros() - opened < 1_500_000, "seen open within 1.5 s")
                if PostgresTests.monotonicMicros() - opened > 1_500_000 { break }
                usleep(50_000)
            }
            let seenAfter = (PostgresTests.monotonicMicros() - opened) / 1000
            print("PostgreSQL breaker: the other instance saw it open after \(Int(seenAfter)) ms")
            #expect(pair[1].breakerStatus()["breakers"]?[0]?["state"] == "open")
            // After the open period both ask at once, several times: one probe only.
            usleep(2_100_000)
            final class Count: Sendable { let allowed = Atomic<Int>(0) }
            let count = Count()
            Self.together(6) { n in
                if (try? pair[n % 2].breakerAllow("sheets")) == true { count.allowed.add(1, ordering: .relaxed) }
            }
            #expect(count.allowed.load(ordering: .relaxed) == 1, "one half-open probe in the fleet")
            // The probe succeeds (whichever instance holds it): closed for both.
            let holder = pair.first { $0.reliability.breakers.statuses().first?.state == .halfOpen }
            let prober = try #require(holder)
            try prober.breakerRecord("sheets", ok: true, micros: 1_000)
            usleep(1_100_000)
            #expect(try pair[0].breakerAllow("sheets"))
            #expect(try pair[1].breakerAllow("sheets"))
        }
    }

    // MARK: Retention

    @Test func retentionDropsWholeMonthsAndKeepsAMonthWithUnfinishedWork() throws {
        try PostgresTests.withSchema { url in
            let e = try Self.engines(url, count: 1)[0]
            defer { e.close() }
            let db = try PostgresTests.connect(url)
            let old: Int64 = 1_262_304_000 + 15 * 86_400  // 2010-01-16
            try PGMigrations.ensurePartitions(db, aroundSeconds: old + 31 * 86_400)
            // 20,000 finished messages in January 2010, one failed message in February.
            try db.execute("""
                WITH m AS (
                    INSERT INTO messages (chat, id, sender, timestamp, type, format, state, context, received_at)
                    SELECT 'c' || (g % 100), 'm' || g, 's', \(old) + g, 'text', 'normalized', 'processed', '{"x": 1}', 0
                    FROM generate_series(1, 20000) g RETURNING chat, id, seq, timestamp)
                INSERT INTO message_keys SELECT chat, id, seq, timestamp FROM m;
                """)
            let chat = "250788123456@c.us"
            _ = try e.process(Message(id: "feb", chat: chat, from: chat, fromMe: false, timestamp: old + 31 * 86_400,
                                      type: .text, text: "The gate is broken", format: .normalized))
            try e.failMessage(chat: chat, id: "feb", error: nil, now: 1)
            let started = PostgresTests.monotonicMicros()
            let report = try e.maintain(now: Engine.unixMillis())
            let millis = (PostgresTests.monotonicMicros() - started) / 1000
            print("PostgreSQL retention: \(JSONWriter.string(report)) in \(Int(millis)) ms")
            let dropped = report["partitionsDropped"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(dropped.contains("messages_2010_01"))
            #expect(!dropped.contains("messages_2010_02"), "a month with a failed message stays")
            #expect(dropped.contains("media_refs_2010_01"))
            #expect(!dropped.contains("media_refs_2010_02"))
            #expect(report["deleted"] == 20_000)
            #expect(try e.store.messageCount() == 1)
            #expect(try db.query("SELECT count(*) FROM message_keys").first?.int(0) == 1)
            #expect(try e.deadLetter(chat: chat, id: "feb")["message"]?["state"] == "failed")
            // Months ahead exist, and a second run has nothing to drop.
            #expect(try db.query("SELECT to_regclass('messages_' || to_char(now() + interval '2 months', 'YYYY_MM'))").first?.text(0) != nil)
            #expect(try e.maintain(now: Engine.unixMillis())["partitionsDropped"] == [])
        }
    }

    @Test func theScheduledTimerRunsRetentionAndEndsWithTheStore() throws {
        try PostgresTests.withSchema { url in
            var policy = RetentionPolicy(days: 30)
            policy.intervalMillis = 1_000
            let store = try Store(path: nil, retention: policy, postgres: PostgresStoreSettings(url: url, poolSize: 2, owner: "timer"))
            try store.postgres!.read { (db) throws(ParleyError) in
                try db.query("INSERT INTO idempotency (key, claimed_at, expires_at) VALUES ('k', 0, 1)")
            }
            #expect(PGMaintenanceTimer.start(for: store, every: 1_000, firstAfter: 0))
            var left: Int64 = 1
            for _ in 0..<30 where left > 0 {
                usleep(100_000)
                left = try store.postgres!.read { (db) throws(ParleyError) in try db.query("SELECT count(*) FROM idempotency").first?.int(0) ?? 0 }
            }
            #expect(left == 0, "the timer ran maintain")
            store.close()
        }
    }

    // MARK: Plans

    @Test func theNewHotQueriesUseIndexes() throws {
        try PostgresTests.withSchema { url in
            let db = try PostgresTests.connect(url)
            try PGMigrations.apply(to: db, nowSeconds: PostgresTests.nowSeconds())
            try db.execute("""
                INSERT INTO outbox (line, recipient, target, payload, priority, state, not_before, enqueued_at, version)
                SELECT '', '2507880' || g, '2507880' || g, '{}', 1, CASE WHEN g % 20 = 0 THEN 'queued' ELSE 'sent' END, g, g, g
                FROM generate_series(1, 5000) g;
                INSERT INTO outbox_log (line, at, recipient, new) SELECT '', g, '2507880' || g, 0 FROM generate_series(1, 5000) g;
                INSERT INTO media_items (sha256, kind, size, status, text, result, created_at)
                SELECT md5(g::text) || md5(g::text), 'image', 1, 'read', 'receipt ' || g, '{}', 0 FROM generate_series(1, 2000) g;
                INSERT INTO media_refs (chat, message_id, item, sender, timestamp, type, caption)
                SELECT 'c' || (g % 50), 'm' || g, g, 's', extract(epoch FROM now())::BIGINT - g, 'image', '' FROM generate_series(1, 2000) g;
                ANALYZE; SET enable_seqscan = off;
                """)
            func plan(_ name: String, _ sql: String, _ parameters: [PGValue]) throws -> String {
                let text = try db.queryOnce("EXPLAIN " + sql, parameters).rows.compactMap { $0.text(0) }.joined(separator: "\n")
                print("EXPLAIN \(name):\n\(text)")
                #expect(!text.contains("Seq Scan"), "\(name)")
                return text
            }
            #expect(try plan("outbox replay by version", "SELECT id FROM outbox WHERE line = $1 AND version > $2 ORDER BY version",
                             [.text(""), .int(4990)]).contains("outbox_changes"))
            #expect(try plan("outbox log replay", "SELECT seq, at FROM outbox_log WHERE line = $1 AND seq > $2 ORDER BY seq",
                             [.text(""), .int(4990)]).contains("outbox_log_by_line"))
            #expect(try plan("outbox active at load", "SELECT id FROM outbox WHERE line = $1 AND state IN ('queued', 'leased') ORDER BY id",
                             [.text("")]).contains("outbox_active"))
            #expect(try plan("outbox due", "SELECT id FROM outbox WHERE state = 'queued' AND not_before <= $1 ORDER BY not_before, id LIMIT 10",
                             [.int(5)]).contains("outbox_due"))
            #expect(try plan("gallery by chat", """
                SELECT r.message_id \(PGStore.galleryFrom) WHERE r.chat = $1 ORDER BY r.timestamp DESC LIMIT 20
                """, [.text("c7")]).contains("media_refs"))
            #expect(try plan("gallery by hash", "SELECT id FROM media_items WHERE sha256 = $1", [.text("x")]).contains("sha256"))
            #expect(try plan("gallery refs of an item", "SELECT chat FROM media_refs WHERE item = $1", [.int(7)]).contains("Index"))
            #expect(try plan("gallery text", "SELECT id FROM media_items i WHERE i.search @@ to_tsquery('simple', $1)",
                             [.text("'receipt' & '7':*")]).contains("media_items_search"))
        }
    }
}
