import Testing
@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

/// The PostgreSQL foundation against a live server: $PARLEY_PG_URL, else the throwaway server
/// of scripts/pg-test-server.sh (started here if needed). No server is a failure, not a skip.
/// Each test works in a schema of its own; the suite runs serialized (2 shared cores, and the
/// restart test runs a second server).
@Suite(.serialized) struct PostgresTests {
    // MARK: Server and schemas

    static let projectRoot: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path
    }()

    /// Runs a command, returning its exit status and standard output.
    static func shell(_ command: String) -> (status: Int32, output: String) {
        guard let pipe = popen(command + " 2>&1", "r") else { return (-1, "popen failed") }
        var output = ""
        var buffer = [CChar](repeating: 0, count: 4096)
        while fgets(&buffer, Int32(buffer.count), pipe) != nil {
            output += String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        let status = pclose(pipe)
        return (status, output.trimmingTrailingNewlines)
    }

    static let server: Result<String, ParleyError> = {
        if let url = getenv("PARLEY_PG_URL").map({ String(cString: $0) }), !url.isEmpty { return .success(url) }
        let (status, output) = shell("\(projectRoot)/scripts/pg-test-server.sh start")
        guard status == 0, let url = output.split(separator: "\n").last.map(String.init), url.hasPrefix("postgresql://") else {
            return .failure(ParleyError(.storage, "no PostgreSQL server for the tests (set PARLEY_PG_URL or install Debian's postgresql): \(output)"))
        }
        return .success(url)
    }()

    static func serverURL() throws(ParleyError) -> String { try server.get() }

    private static let counter = Locked(0)

    /// A fresh schema, its URL (search_path set through libpq's options), dropped afterwards.
    static func withSchema<T>(_ body: (String) throws -> T) throws -> T {
        let base = try serverURL()
        let n = counter.withLock { value -> Int in value += 1; return value }
        let schema = "t_\(getpid())_\(n)"
        let admin = try PGConnection(.init(url: base))
        try admin.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE; CREATE SCHEMA \(schema)")
        defer { try? admin.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE") }
        let url = base + (base.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)"
        return try body(url)
    }

    static func connect(_ url: String, _ configure: (inout PGConnection.Options) -> Void = { _ in }) throws -> PGConnection {
        var options = PGConnection.Options(url: url)
        configure(&options)
        return try PGConnection(options)
    }

    static func nowSeconds() -> Int64 { Int64(time(nil)) }

    static func monotonicMicros() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) * 1e6 + Double(ts.tv_nsec) / 1e3
    }

    // MARK: Migrations and partitions

    @Test func migrationsRunTwiceConcurrentlyApplyEachStepOnce() throws {
        try Self.withSchema { url in
            let results = Locked<[Result<Int, ParleyError>]>([])
            let start = Self.monotonicMicros()
            let threads = (0..<2).map { _ in
                Thread {
                    let result: Result<Int, ParleyError>
                    do throws(ParleyError) {
                        let db = try PGConnection(.init(url: url))
                        result = .success(try PGMigrations.apply(to: db, nowSeconds: Self.nowSeconds()))
                    } catch {
                        result = .failure(error)
                    }
                    results.withLock { $0.append(result) }
                }
            }
            threads.forEach { $0.join() }
            let elapsed = (Self.monotonicMicros() - start) / 1000
            print("PostgreSQL migrations (two instances at once, schema + \(2 * PGMigrations.monthsAhead + 1) months × 2 tables): \(Int(elapsed)) ms")
            for result in results.withLock({ $0 }) {
                #expect(try result.get() == PGMigrations.steps.count)
            }
            let db = try Self.connect(url)
            let applied = try db.query("SELECT version FROM parley_schema ORDER BY version").rows.compactMap { $0.int(0) }
            #expect(applied == (1...PGMigrations.steps.count).map(Int64.init), "each step exactly once")
            // A third run finds nothing to do.
            #expect(try PGMigrations.apply(to: db, nowSeconds: Self.nowSeconds()) == PGMigrations.steps.count)
            #expect(try db.query("SELECT count(*) FROM parley_schema").first?.int(0) == Int64(PGMigrations.steps.count))
        }
    }

    @Test func messagesArePartitionedByMonthAndRetentionDropsWholeMonths() throws {
        try Self.withSchema { url in
            let db = try Self.connect(url)
            try PGMigrations.apply(to: db, nowSeconds: Self.nowSeconds())
            let months = try db.query("""
                SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = 'messages'::regclass AND c.relname <> 'messages_default'
                """).first?.int(0)
            #expect(months == Int64(2 * PGMigrations.monthsAhead + 1))
            func insert(_ id: String, at timestamp: Int64, state: String = "processed") throws {
                try db.transaction { (db) throws(ParleyError) in
                    let seq = try db.query("""
                        INSERT INTO messages (chat, id, sender, timestamp, type, format, state, context, received_at)
                        VALUES ($1, $2, 's', $3, 'text', 'normalized', $4, '{}', 0) RETURNING seq
                        """, [.text("chat"), .text(id), .int(timestamp), .text(state)]).first?.int(0) ?? 0
                    try db.query("INSERT INTO message_keys (chat, id, seq, timestamp) VALUES ($1, $2, $3, $4)",
                                 [.text("chat"), .text(id), .int(seq), .int(timestamp)])
                }
            }
            let now = Self.nowSeconds()
            try insert("now", at: now)
            let old: Int64 = 1_262_304_000 + 15 * 86_400  // 2010-01-16, no partition yet
            try insert("old", at: old)
            try insert("old-unfinished", at: old + 31 * 86_400, state: "failed")  // 2010-02
            func partition(_ id: String) throws -> String? {
                try db.query("SELECT tableoid::regclass::text FROM messages WHERE id = $1", [.text(id)]).first?.text(0)
            }
            #expect(try partition("old") == "messages_default")
            #expect(try partition("now")?.hasPrefix("messages_20") == true)
            // Creating the old months moves their rows out of the default partition.
            #expect(try PGMigrations.ensurePartitions(db, aroundSeconds: old + 31 * 86_400) > 0)
            #expect(try partition("old") == "messages_2010_01")
            #expect(try partition("old-unfinished") == "messages_2010_02")
            // Retention: whole months; a month with an unfinished message stays.
            let dropped = try PGMigrations.dropPartitions(db, table: "messages", beforeSeconds: now - 400 * 86_400)
            #expect(dropped.contains("messages_2010_01"))
            #expect(!dropped.contains("messages_2010_02"))
            #expect(try partition("old") == nil)
            #expect(try partition("old-unfinished") == "messages_2010_02")
            #expect(try partition("now") != nil)
            let keys = try db.query("SELECT id FROM message_keys ORDER BY id").rows.compactMap { $0.text(0) }
            #expect(keys == ["now", "old-unfinished"], "the dropped month's keys are forgotten")
            #expect(try PGMigrations.dropPartitions(db, table: "media_refs", beforeSeconds: now - 400 * 86_400).allSatisfy { $0.hasPrefix("media_refs_") })
        }
    }

    @Test func journalLookupsAndDueDeadLettersUseIndexes() throws {
        try Self.withSchema { url in
            let db = try Self.connect(url)
            try PGMigrations.apply(to: db, nowSeconds: Self.nowSeconds())
            // Some rows and fresh statistics, then forbid sequential scans: a plan that still
            // scans has no index to use (the planner falls back to it only then).
            try db.execute("""
                INSERT INTO messages (chat, id, sender, timestamp, type, format, state, context, received_at, next_attempt_at)
                SELECT 'c' || (g % 50), 'm' || g, 's', extract(epoch FROM now())::BIGINT - g, 'text', 'normalized',
                       CASE WHEN g % 10 = 0 THEN 'failed' ELSE 'processed' END, '{}', 0, CASE WHEN g % 10 = 0 THEN g END
                FROM generate_series(1, 2000) g;
                INSERT INTO message_keys SELECT chat, id, seq, timestamp FROM messages;
                ANALYZE; SET enable_seqscan = off;
                """)
            func plan(_ sql: String, _ parameters: [PGValue]) throws -> String {
                try db.queryOnce("EXPLAIN " + sql, parameters).rows.compactMap { $0.text(0) }.joined(separator: "\n")
            }
            let lookup = try plan("""
                SELECT m.seq, m.state, m.context FROM message_keys k JOIN messages m ON m.seq = k.seq AND m.timestamp = k.timestamp
                WHERE k.chat = $1 AND k.id = $2
                """, [.text("c7"), .text("m7")])
            print("EXPLAIN journal lookup by (chat, id):\n\(lookup)")
            #expect(lookup.contains("message_keys_pkey"))
            #expect(!lookup.contains("Seq Scan"))
            let due = try plan("""
                SELECT seq, chat, id FROM messages WHERE state = 'failed' AND next_attempt_at <= $1 ORDER BY next_attempt_at, seq LIMIT $2
                """, [.int(500), .int(10)])
            print("EXPLAIN due dead letters:\n\(due)")
            #expect(due.contains("next_attempt_at_seq_idx"))
            #expect(!due.contains("Seq Scan"))
            let byContent = try plan("""
                SELECT id FROM messages WHERE chat = $1 AND content_hash = $2 AND timestamp BETWEEN $3 AND $4 ORDER BY seq LIMIT 1
                """, [.text("c1"), .int(42), .int(0), .int(10)])
            #expect(!byContent.contains("Seq Scan"))
            let outboxDue = try plan("SELECT id FROM outbox WHERE state = 'queued' AND not_before <= $1 ORDER BY not_before, id LIMIT 10", [.int(5)])
            #expect(outboxDue.contains("outbox_due"))
        }
    }

    // MARK: Parameters

    @Test func hostileStringsAndBytesRoundTripAsBoundParameters() throws {
        try Self.withSchema { url in
            let db = try Self.connect(url)
            try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT, b BYTEA, d DOUBLE PRECISION, f BOOLEAN)")
            let hostile = [
                "'; DROP TABLE t; --", "\\x00\\'", "$1 $2 ?1 %s %n", "Robert'); DELETE FROM t WHERE ('1'='1",
                "مرحبا بالعالم", "👨‍👩‍👧‍👦 zero\u{200D}width\u{200B}", "\u{202E}reversed", "", " ",
                String(repeating: "ä😀'\"\\", count: 20_000), "line\nbreak\r\ttab",
            ]
            for (index, text) in hostile.enumerated() {
                try db.query("INSERT INTO t (id, s) VALUES ($1, $2)", [.int(Int64(index)), .text(text)])
            }
            for (index, text) in hostile.enumerated() {
                let stored = try db.query("SELECT s FROM t WHERE id = $1", [.int(Int64(index))]).first?.text(0)
                #expect(stored == text)
                #expect(try db.query("SELECT id FROM t WHERE s = $1", [.text(text)]).first?.int(0) == Int64(index))
            }
            #expect(try db.query("SELECT count(*) FROM t").first?.int(0) == Int64(hostile.count), "the table survived")
            let bytes = (0...255).map(UInt8.init) + [0, 0, 39, 92]
            try db.query("INSERT INTO t (id, b, d, f, s) VALUES (100, $1, $2, $3, $4)",
                         [.blob(bytes), .double(-1.5e-7), .bool(true), .null])
            let row = try #require(try db.query("SELECT b, d, f, s FROM t WHERE id = 100").first)
            #expect(row.bytes(0) == bytes)
            #expect(row.double(1) == -1.5e-7)
            #expect(row.bool(2) == true)
            #expect(row.isNull(3))
            // NUL cannot be stored in PostgreSQL text (a C string would silently cut it).
            #expect(throws: ParleyError.self) { try db.query("INSERT INTO t (id, s) VALUES (101, $1)", [.text("a\u{0}b")]) }
            do {
                try db.query("INSERT INTO t (id, s) VALUES (101, $1)", [.text("a\u{0}b")])
            } catch let error as ParleyError {
                #expect(error.kind == .invalidArgument)
            }
            #expect(throws: ParleyError.self) { try db.query("INSERT INTO t (id, d) VALUES (102, $1)", [.double(.nan)]) }
            // A unique violation is a .storage error the caller can tell apart by SQLSTATE.
            do throws(ParleyError) {
                try db.query("INSERT INTO t (id) VALUES (0)")
                Issue.record("a duplicate primary key was accepted")
            } catch {
                #expect(error.kind == .storage)
                #expect(db.lastSQLState == PGSQLState.uniqueViolation)
            }
            // A failed statement outside a transaction leaves the connection usable.
            #expect(try db.query("SELECT 1").first?.int(0) == 1)
        }
    }

    @Test func passwordsNeverAppearInErrors() throws {
        let url = "postgresql://parley:S3cr3t-Pa55@127.0.0.1:1/nowhere?sslmode=disable"
        do {
            _ = try PGConnection(.init(url: url, connectTimeoutSeconds: 1))
            Issue.record("connected to port 1")
        } catch {
            #expect(error.kind == .storage)
            #expect(!error.message.contains("S3cr3t-Pa55"))
            #expect(error.message.contains("parley:***@127.0.0.1:1"))
            #expect(error.message.contains("retry"))
        }
        let keywordForm = PGURL.redact("host=db user=u password='p w' dbname=x")
        #expect(keywordForm.secret == "p w")
        #expect(!keywordForm.display.contains("p w"))
        let query = PGURL.redact("postgresql://u@h/db?password=abc&sslmode=require")
        #expect(query.display == "postgresql://u@h/db?password=***&sslmode=require")
    }

    @Test func serializationFailuresAreRetried() throws {
        try Self.withSchema { url in
            let setup = try Self.connect(url)
            try setup.execute("CREATE TABLE counter (n INTEGER NOT NULL); INSERT INTO counter VALUES (0)")
            let failures = Locked<[String]>([])
            let threads = (0..<2).map { _ in
                Thread {
                    do {
                        let db = try Self.connect(url) { $0.transactionAttempts = 50 }
                        for _ in 0..<20 {
                            try db.transaction(.serializable) { (db) throws(ParleyError) in
                                let n = try db.query("SELECT n FROM counter").first?.int(0) ?? 0
                                try db.query("UPDATE counter SET n = $1", [.int(n + 1)])
                            }
                        }
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }
            }
            threads.forEach { $0.join() }
            #expect(failures.withLock { $0 } == [])
            #expect(try setup.query("SELECT n FROM counter").first?.int(0) == 40, "no lost update")
        }
    }

    // MARK: Leases and queues

    @Test func leasesExpireAreTakenOverAndFenceOutThePausedOwner() throws {
        try Self.withSchema { url in
            let a = try Self.connect(url)
            let b = try Self.connect(url)
            try PGMigrations.apply(to: a, nowSeconds: Self.nowSeconds())
            guard case .acquired(let leaseA) = try ChatLeases.acquire(a, chat: "chat-1", owner: "A", ttlMillis: 300) else {
                Issue.record("A could not acquire a free chat"); return
            }
            // B does not wait: it is told who holds the chat.
            guard case .heldBy(let holder, _) = try ChatLeases.acquire(b, chat: "chat-1", owner: "B", ttlMillis: 300) else {
                Issue.record("B acquired a chat A holds"); return
            }
            #expect(holder == "A")
            // A acquiring again extends its lease with the same token.
            guard case .acquired(let again) = try ChatLeases.acquire(a, chat: "chat-1", owner: "A", ttlMillis: 300) else {
                Issue.record("A lost its own lease"); return
            }
            #expect(again.token == leaseA.token)
            // A pauses past its lease; B takes the chat over with a new token.
            usleep(400_000)
            let taken = try ChatLeases.takeOverExpired(b, owner: "B", ttlMillis: 5_000, limit: 10)
            #expect(taken.map(\.chat) == ["chat-1"])
            let leaseB = try #require(taken.first)
            #expect(leaseB.token > leaseA.token)
            // A wakes up: its renewal and its write are refused; B's write passes.
            #expect(try ChatLeases.renew(a, leaseA, ttlMillis: 300) == nil)
            try a.execute("CREATE TABLE results (chat TEXT, owner TEXT)")
            do {
                try a.transaction { (db) throws(ParleyError) in
                    try ChatLeases.checkFence(db, chat: "chat-1", token: leaseA.token)
                    try db.query("INSERT INTO results VALUES ('chat-1', 'A')")
                }
                Issue.record("the fenced-out instance wrote")
            } catch let error as ParleyError {
                #expect(error.kind == .busy)
                #expect(error.message.contains("taken over"))
            }
            try b.transaction { (db) throws(ParleyError) in
                try ChatLeases.checkFence(db, chat: "chat-1", token: leaseB.token)
                try db.query("INSERT INTO results VALUES ('chat-1', 'B')")
            }
            #expect(try a.query("SELECT owner FROM results").rows.compactMap { $0.text(0) } == ["B"])
            // Checking the fence outside a transaction is a programming error.
            #expect(throws: ParleyError.self) { try ChatLeases.checkFence(b, chat: "chat-1", token: leaseB.token) }
            // A renewal keeps an expired lease nobody took (the token is still current).
            guard case .acquired(let shortB) = try ChatLeases.acquire(b, chat: "chat-2", owner: "B", ttlMillis: 50) else {
                Issue.record("B could not acquire chat-2"); return
            }
            usleep(100_000)
            #expect(try ChatLeases.renew(b, shortB, ttlMillis: 1_000)?.token == shortB.token)
            // Release, then A can have the chat again, with yet another token.
            #expect(try ChatLeases.release(a, leaseA) == false)
            #expect(try ChatLeases.release(b, leaseB))
            guard case .acquired(let back) = try ChatLeases.acquire(a, chat: "chat-1", owner: "A", ttlMillis: 300) else {
                Issue.record("a released chat stayed taken"); return
            }
            #expect(back.token > leaseB.token)
            #expect(try ChatLeases.releaseAll(b, owner: "B") == 1)

            // Latency of lease operations (a round trip each on loopback).
            let rounds = 300
            var start = Self.monotonicMicros()
            var leases: [ChatLeases.Lease] = []
            for i in 0..<rounds {
                if case .acquired(let lease) = try ChatLeases.acquire(a, chat: "bench-\(i)", owner: "A", ttlMillis: 10_000) { leases.append(lease) }
            }
            let acquireMicros = (Self.monotonicMicros() - start) / Double(rounds)
            start = Self.monotonicMicros()
            for lease in leases { _ = try ChatLeases.renew(a, lease, ttlMillis: 10_000) }
            let renewMicros = (Self.monotonicMicros() - start) / Double(rounds)
            start = Self.monotonicMicros()
            for lease in leases {
                try a.transaction { (db) throws(ParleyError) in try ChatLeases.checkFence(db, chat: lease.chat, token: lease.token) }
            }
            let fenceMicros = (Self.monotonicMicros() - start) / Double(rounds)
            print("chat lease latency (debug build, loopback): acquire \(Int(acquireMicros)) µs, renew \(Int(renewMicros)) µs, "
                  + "fence check in its own transaction \(Int(fenceMicros)) µs")
            #expect(leases.count == rounds)
        }
    }

    @Test func dueWorkIsClaimedOnceAcrossConnectionsWithSkipLocked() throws {
        try Self.withSchema { url in
            let a = try Self.connect(url)
            let b = try Self.connect(url)
            try PGMigrations.apply(to: a, nowSeconds: Self.nowSeconds())
            try a.execute("""
                INSERT INTO outbox (recipient, target, payload, priority, state, not_before, enqueued_at)
                SELECT 'r' || g, 'wa', '{}', 1, 'queued', g, 0 FROM generate_series(1, 100) g;
                INSERT INTO outbox (recipient, target, payload, priority, state, not_before, enqueued_at)
                VALUES ('later', 'wa', '{}', 1, 'queued', 1000000, 0), ('sent', 'wa', '{}', 1, 'sent', 1, 0);
                """)
            // A claims inside an open transaction (its rows stay locked); B does not wait for
            // them and gets the next ones.
            try a.execute("BEGIN")
            let firstA = try PGQueue.outbox.claimDue(a, now: 500, leaseMillis: 60_000, limit: 10).compactMap { $0.int(0) }
            let start = Self.monotonicMicros()
            let firstB = try PGQueue.outbox.claimDue(b, now: 500, leaseMillis: 60_000, limit: 10).compactMap { $0.int(0) }
            let waitedMillis = (Self.monotonicMicros() - start) / 1000
            try a.execute("COMMIT")
            #expect(firstA.count == 10 && firstB.count == 10)
            #expect(Set(firstA).isDisjoint(with: firstB))
            #expect(waitedMillis < 1_000, "B waited \(waitedMillis) ms on A's locked rows")

            // Four threads drain the rest: every due row exactly once, none early, none twice.
            let claimed = Locked<[Int64]>(firstA + firstB)
            let errors = Locked<[String]>([])
            let timings = Locked<[Double]>([])
            let threads = (0..<4).map { _ in
                Thread {
                    do {
                        let db = try Self.connect(url)
                        while true {
                            let t0 = Self.monotonicMicros()
                            let rows = try PGQueue.outbox.claimDue(db, now: 500, leaseMillis: 60_000, limit: 5)
                            timings.withLock { $0.append(Self.monotonicMicros() - t0) }
                            if rows.isEmpty { break }
                            claimed.withLock { $0 += rows.compactMap { $0.int(0) } }
                        }
                    } catch {
                        errors.withLock { $0.append("\(error)") }
                    }
                }
            }
            threads.forEach { $0.join() }
            #expect(errors.withLock { $0 } == [])
            let all = claimed.withLock { $0 }
            #expect(all.count == 100)
            #expect(Set(all).count == 100, "a row was claimed twice")
            let times = timings.withLock { $0 }.sorted()
            print("SKIP LOCKED claim of 5 rows, 4 threads (debug build): median \(Int(times[times.count / 2])) µs, max \(Int(times.last ?? 0)) µs")
            // A claim pushed the due time ahead: claimed again only once its lease ran out.
            #expect(try PGQueue.outbox.claimDue(a, now: 500, leaseMillis: 60_000, limit: 100).isEmpty)
            #expect(try PGQueue.outbox.claimDue(a, now: 500 + 60_001, leaseMillis: 60_000, limit: 1000).count == 100)
            // Dead letters through the partitioned journal.
            try a.execute("""
                INSERT INTO messages (chat, id, sender, timestamp, type, format, state, context, received_at, next_attempt_at)
                SELECT 'c', 'm' || g, 's', extract(epoch FROM now())::BIGINT, 'text', 'normalized', 'failed', '{}', 0, g
                FROM generate_series(1, 20) g
                """)
            let letters = try PGQueue.deadLetters.claimDue(b, now: 10, leaseMillis: 1_000, limit: 100)
            #expect(letters.count == 10)
            #expect(letters.compactMap { $0.text(3) }.allSatisfy { $0.hasPrefix("m") })
        }
    }

    // MARK: Faults

    @Test func exhaustedPoolAnswersBusy() throws {
        let url = try Self.serverURL()
        let pool = try PGPool(.init(url: url), size: 2, checkoutTimeoutMillis: 200)
        let holding = Locked(0)
        let release = Locked(false)
        let holders = (0..<2).map { _ in
            Thread {
                try? pool.withConnection { (db) throws(ParleyError) in
                    _ = try db.query("SELECT 1")
                    holding.withLock { $0 += 1 }
                    while !release.withLock({ $0 }) { usleep(5_000) }
                }
            }
        }
        while holding.withLock({ $0 }) < 2 { usleep(5_000) }
        let start = Self.monotonicMicros()
        do {
            try pool.withConnection { (db) throws(ParleyError) in _ = try db.query("SELECT 1") }
            Issue.record("a third connection came out of a pool of two")
        } catch {
            #expect(error.kind == .busy)
            #expect(error.message.contains("2 PostgreSQL connections"))
        }
        let waited = (Self.monotonicMicros() - start) / 1000
        #expect(waited >= 150 && waited < 2_000, "waited \(waited) ms for a 200 ms checkout timeout")
        release.withLock { $0 = true }
        holders.forEach { $0.join() }
        #expect(try pool.withConnection { (db) throws(ParleyError) in try db.query("SELECT 7").first?.int(0) } == 7)
        #expect(pool.counts.open <= 2)
        // A body that leaves a transaction open does not pass it on.
        try pool.withConnection { (db) throws(ParleyError) in try db.execute("BEGIN") }
        try pool.withConnection { (db) throws(ParleyError) in #expect(!db.inTransaction) }
        pool.close()
        #expect(throws: ParleyError.self) { try pool.withConnection { (db) throws(ParleyError) in _ = try db.query("SELECT 1") } }
    }

    @Test func serverStoppedAndStartedMidTestGivesAClearErrorThenRecovers() throws {
        // A server of its own: stopping the shared one would break other test runs. Its port
        // stays clear of the shared server's (54329): 54300 + pid % 50 took it once in 50 runs.
        let port = 54_340 + Int(getpid() % 50)
        let env = "PARLEY_PG_PORT=\(port) PARLEY_PG_DIR=/tmp/parley-pg-restart-\(getpid())"
        let script = "\(env) \(Self.projectRoot)/scripts/pg-test-server.sh"
        let started = Self.shell("\(script) start")
        defer { _ = Self.shell("\(script) stop") }
        try #require(started.status == 0, "the restart test's server did not start: \(started.output)")
        let url = try #require(started.output.split(separator: "\n").last.map(String.init))
        let db = try Self.connect(url) { $0.reconnectAttempts = 2; $0.reconnectDelayMillis = 50; $0.connectTimeoutSeconds = 1 }
        try PGMigrations.apply(to: db, nowSeconds: Self.nowSeconds())
        let pidBefore = db.backendPID
        #expect(try db.query("SELECT count(*) FROM chat_leases").first?.int(0) == 0)

        #expect(Self.shell("\(script) halt").status == 0)
        // Down: a clear .storage error that says to retry (the first call may find the
        // connection closed by the shutdown; later ones fail to reconnect).
        for _ in 0..<2 {
            do {
                _ = try db.query("SELECT count(*) FROM chat_leases")
                Issue.record("a query succeeded with the server stopped")
            } catch {
                #expect(error.kind == .storage)
                #expect(error.message.contains("retry"), "\(error.message)")
            }
        }
        do {
            try db.transaction { (db) throws(ParleyError) in _ = try db.query("SELECT 1") }
            Issue.record("a transaction succeeded with the server stopped")
        } catch {
            #expect(error.kind == .storage)
        }

        #expect(Self.shell("\(script) start").status == 0)
        // Up again: the next call reconnects by itself.
        #expect(try db.query("SELECT count(*) FROM chat_leases").first?.int(0) == 0)
        #expect(db.backendPID != pidBefore)
        #expect(db.reconnects >= 1)
        guard case .acquired = try ChatLeases.acquire(db, chat: "after-restart", owner: "A", ttlMillis: 1_000) else {
            Issue.record("no lease after the restart"); return
        }
        // A pool recovers the same way.
        let pool = try PGPool(.init(url: url, connectTimeoutSeconds: 1, reconnectAttempts: 2, reconnectDelayMillis: 50), size: 2)
        #expect(Self.shell("\(script) halt").status == 0)
        #expect(throws: ParleyError.self) { try pool.withConnection { (db) throws(ParleyError) in _ = try db.query("SELECT 1") } }
        #expect(Self.shell("\(script) start").status == 0)
        #expect(try pool.withConnection { (db) throws(ParleyError) in try db.query("SELECT 2").first?.int(0) } == 2)
    }
}

private extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while text.last == "\n" { text.removeLast() }
        return text
    }
}
