import Testing
@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

/// Retention (old messages, closed threads and expired claims deleted or archived, incremental
/// vacuum) and schema versions (a newer store, a migration failing halfway).
@Suite struct RetentionTests {
    static let day: Int64 = 86_400
    static let dayMillis: Int64 = 86_400_000

    func temporaryDirectory() -> String {
        var template = Array("/tmp/parley-retention-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    func engine(_ directory: String, _ retention: String = "") throws(ParleyError) -> Engine {
        let extra = retention.isEmpty ? "" : #", "retention": \#(retention)"#
        return try Engine(configJSON: #"{"store": {"path": "\#(directory)/p.db"}\#(extra)}"#)
    }

    @discardableResult
    func send(_ engine: Engine, id: String, chat: String, at timestamp: Int64, text: String = "Is the flat on Kimihurura still free?") throws -> JSONValue {
        var object = JSONObject()
        object.append("id", .string(id))
        object.append("chat", .string(chat))
        object.append("from", .string(chat))
        object.append("timestamp", .int(timestamp))
        object.append("type", .string("text"))
        object.append("text", .string(text))
        var json = JSONWriter.string(.object(object))
        return try json.withUTF8 { bytes in try engine.process(json: UnsafeRawBufferPointer(bytes)) }
    }

    /// Every column of every row of `table`, as text, in key order.
    func rows(_ db: SQLiteConnection, _ table: String, orderBy key: String) throws(ParleyError) -> [[String]] {
        let columns = try Store.columns(of: table, schema: "main", in: db)
        var rows: [[String]] = []
        try db.statement("SELECT * FROM \(table) ORDER BY \(key)").forEachRow { row in
            rows.append((0..<Int32(columns.count)).map { row.isNull($0) ? "NULL" : (row.text($0) ?? "") })
        }
        return rows
    }

    func integer(_ db: SQLiteConnection, _ sql: String) throws(ParleyError) -> Int64 {
        try db.statement(sql).firstRow { $0.int(0) } ?? -1
    }

    func fileBytes(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return bytes
    }

    /// Chat "old": two messages 10 days apart, long ago, so the first thread closes; chat "new":
    /// recent messages. `now` for the test clock is the wall clock plus 31 days, so every
    /// message has arrived more than 30 days before it.
    func populate(_ engine: Engine, wallSeconds: Int64) throws {
        try send(engine, id: "old1", chat: "old", at: wallSeconds - 50 * Self.day)
        try send(engine, id: "old2", chat: "old", at: wallSeconds - 40 * Self.day, text: "Rent for unit B4 paid, RWF 50,000")
        try send(engine, id: "new1", chat: "new", at: wallSeconds + 10 * Self.day)
        try send(engine, id: "new2", chat: "new", at: wallSeconds + 10 * Self.day + 60)
    }

    @Test func oldMessagesAndClosedThreadsGoNewOnesStay() throws {
        let directory = temporaryDirectory()
        defer { _ = system("rm -rf \(directory)") }
        let engine = try engine(directory)
        defer { engine.close() }
        let wall = Engine.unixMillis()
        try populate(engine, wallSeconds: wall / 1000)
        let threadsBefore = try engine.threads(query: nil)["threads"]?.arrayValue ?? []
        #expect(threadsBefore.count == 3)
        #expect(threadsBefore.filter { $0["state"] == "closed" }.count == 1)

        let report = try engine.maintain(now: wall + 31 * Self.dayMillis)
        #expect(report["deleted"] == 2)
        #expect(report["archived"] == 0)
        // Both of the old chat's threads: the closed one, and the open one its silence closed in effect.
        #expect(report["threadsDeleted"] == 2)
        #expect(report["cutoff"]?.int64Value == (wall + Self.dayMillis) / 1000)
        #expect(try engine.store.messageCount() == 2)
        #expect(try engine.store.context(chat: "new", id: "new1") != nil)
        #expect(try engine.store.context(chat: "old", id: "old1") == nil)
        let threadsAfter = try engine.threads(query: nil)["threads"]?.arrayValue ?? []
        #expect(threadsAfter.map { $0["chat"] } == ["new"])
        // The old chat goes on: a new thread, numbered after the ones it had.
        let next = try send(engine, id: "old3", chat: "old", at: wall / 1000 + 20 * Self.day)
        #expect(next[path: "thread", "id"] == "old#3")
        #expect(next[path: "thread", "new"] == true)
        // Nothing more is due: a second run changes nothing.
        let again = try engine.maintain(now: wall + 31 * Self.dayMillis)
        #expect(again["deleted"] == 0 && again["threadsDeleted"] == 0)
    }

    @Test func aMessageIsKeptWhileItsArrivalIsRecent() throws {
        // History replayed today with old timestamps stays until it has been stored 30 days,
        // so a host delivering it again meanwhile still gets "duplicate".
        let engine = try Engine()
        let wall = Engine.unixMillis()
        try send(engine, id: "h1", chat: "c", at: wall / 1000 - 90 * Self.day)
        let report = try engine.maintain(now: wall)
        #expect(report["deleted"] == 0)
        #expect(try send(engine, id: "h1", chat: "c", at: wall / 1000 - 90 * Self.day)["status"] == "duplicate")
        #expect(try engine.maintain(now: wall + 31 * Self.dayMillis)["deleted"] == 1)
    }

    @Test func archiveHoldsIdenticalRows() throws {
        let directory = temporaryDirectory()
        defer { _ = system("rm -rf \(directory)") }
        let archive = "\(directory)/archive.db"
        let engine = try engine(directory, #"{"days": 30, "archive": "\#(archive)"}"#)
        defer { engine.close() }
        let wall = Engine.unixMillis()
        try populate(engine, wallSeconds: wall / 1000)
        let (oldMessages, closedThreads) = try engine.store.withConnection { db throws(ParleyError) in
            let messages = try rows(db, "messages", orderBy: "seq")
            let threads = try rows(db, "threads", orderBy: "id")
            return (messages.filter { $0[1] == "old" }, threads.filter { $0[1] == "old" })
        }
        #expect(oldMessages.count == 2)
        #expect(closedThreads.count == 2)

        let report = try engine.maintain(now: wall + 31 * Self.dayMillis)
        #expect(report["archived"] == 2)
        #expect(report["deleted"] == 0)
        #expect(report["threadsDeleted"] == 2)
        #expect(try engine.store.messageCount() == 2)

        let archived = try SQLiteConnection(path: archive)
        defer { archived.close() }
        #expect(try rows(archived, "messages", orderBy: "seq") == oldMessages)
        #expect(try rows(archived, "threads", orderBy: "id") == closedThreads)

        // A later run archives the next old messages beside them; nothing is copied twice.
        try send(engine, id: "old3", chat: "old", at: wall / 1000 - 35 * Self.day)
        #expect(try engine.maintain(now: wall + 31 * Self.dayMillis)["archived"] == 1)
        #expect(try integer(archived, "SELECT count(*) FROM messages") == 3)
        // The archive is detached after each run: the store's own file holds no archive tables.
        #expect(try engine.store.withConnection { db throws(ParleyError) in
            try db.statement("SELECT count(*) FROM pragma_database_list WHERE name = 'archive'").firstRow { $0.int(0) } ?? -1
        } == 0)
    }

    @Test func anUnwritableArchiveFailsClearlyAndDeletesNothing() throws {
        let directory = temporaryDirectory()
        defer { _ = system("rm -rf \(directory)") }
        let engine = try engine(directory, #"{"archive": "\#(directory)/no/such/dir/archive.db"}"#)
        defer { engine.close() }
        let wall = Engine.unixMillis()
        try populate(engine, wallSeconds: wall / 1000)
        #expect {
            try engine.maintain(now: wall + 31 * Self.dayMillis)
        } throws: { error in
            (error as? ParleyError)?.kind == .storage
        }
        #expect(try engine.store.messageCount() == 4)
        // The store still works.
        try send(engine, id: "after", chat: "new", at: wall / 1000)
        #expect(try engine.store.messageCount() == 5)
    }

    @Test func incrementalVacuumGivesPagesBack() throws {
        let directory = temporaryDirectory()
        defer { _ = system("rm -rf \(directory)") }
        let engine = try engine(directory)
        defer { engine.close() }
        let wall = Engine.unixMillis()
        let text = String(repeating: "The kitchen tap in unit B4 is leaking again, please send someone. ", count: 20)
        for i in 0..<1_500 {
            try send(engine, id: "m\(i)", chat: "chat\(i % 10)", at: wall / 1000 - 60 * Self.day + Int64(i), text: text)
        }
        try send(engine, id: "keep", chat: "chat0", at: wall / 1000 + 10 * Self.day)
        let (mode, pagesBefore) = try engine.store.withConnection { db throws(ParleyError) in
            (try db.statement("PRAGMA auto_vacuum").firstRow { $0.int(0) } ?? 0,
             try db.statement("PRAGMA page_count").firstRow { $0.int(0) } ?? 0)
        }
        #expect(mode == 2)  // INCREMENTAL, set when the file was created

        let report = try engine.maintain(now: wall + 31 * Self.dayMillis)
        #expect(report["deleted"] == 1_500)
        #expect(report["autoVacuum"] == "incremental")
        let freed = report["freedPages"]?.int64Value ?? 0
        let pagesAfter = report["pageCount"]?.int64Value ?? 0
        print("vacuum: \(pagesBefore) pages before, \(pagesAfter) after, \(freed) freed")
        #expect(freed > pagesBefore / 2)
        #expect(report["freelistCount"] == 0)
        #expect(pagesAfter < pagesBefore / 2)
        #expect(try engine.store.withConnection { db throws(ParleyError) in
            try db.statement("PRAGMA freelist_count").firstRow { $0.int(0) } ?? -1
        } == 0)
        #expect(try engine.store.messageCount() == 1)
    }

    @Test func daysZeroKeepsMessagesButExpiredClaimsGo() throws {
        let engine = try Engine(configJSON: #"{"retention": {"days": 0}}"#)
        let wall = Engine.unixMillis()
        try populate(engine, wallSeconds: wall / 1000)
        #expect(try engine.claimIdempotencyKey("sheets:1", ttlSeconds: 60, now: wall))
        #expect(try engine.claimIdempotencyKey("sheets:2", ttlSeconds: 3_600, now: wall))
        let report = try engine.maintain(now: wall + 365 * Self.dayMillis)
        #expect(report["deleted"] == 0)
        #expect(report["threadsDeleted"] == 0)
        #expect(report["cutoff"] == .null)
        #expect(try engine.store.messageCount() == 4)
        #expect(report["claimsExpired"] == 2)
        #expect(try engine.store.idempotencyClaimCount() == 0)
        // Unexpired claims stay.
        #expect(try engine.claimIdempotencyKey("sheets:3", ttlSeconds: 3_600, now: wall))
        #expect(try engine.maintain(now: wall + 1_000)["claimsExpired"] == 0)
        #expect(try engine.store.idempotencyClaimCount() == 1)
    }

    @Test func engineRunsRetentionOnItsOwn() throws {
        let directory = temporaryDirectory()
        defer { _ = system("rm -rf \(directory)") }
        var configuration = try Configuration(json: #"{"store": {"path": "\#(directory)/p.db"}}"#)
        configuration.retention.intervalMillis = 50
        let engine = try Engine(configuration: configuration)
        defer { engine.close() }
        let wall = Engine.unixMillis()
        // Old by timestamp and received "40 days ago": written with the store's own SQL clock.
        try send(engine, id: "old", chat: "c", at: wall / 1000 - 60 * Self.day)
        try send(engine, id: "new", chat: "c", at: wall / 1000)
        try engine.store.withConnection { db throws(ParleyError) in
            try db.statement("UPDATE messages SET received_at = ?1 WHERE id = 'old'").bind([.int(wall - 40 * Self.dayMillis)]).run()
        }
        var remaining = 2
        for _ in 0..<100 where remaining == 2 {
            usleep(50_000)
            remaining = try engine.store.messageCount()
        }
        #expect(remaining == 1)
        #expect(try engine.store.context(chat: "c", id: "new") != nil)
    }

    @Test func badArgumentsAndConfiguration() throws {
        let engine = try Engine()
        #expect(throws: ParleyError.self) { try engine.maintain(now: -1) }
        #expect(throws: ParleyError.self) { try engine.maintain(now: Engine.maxTimeMillis + 1) }
        #expect(try engine.maintain(now: 0)["schema"] == 1)  // 0: the wall clock

        let parsed = try Configuration(json: #"{"retention": {"days": 7, "archive": "/tmp/a.db", "intervalMinutes": 5}}"#)
        #expect(parsed.retention == RetentionPolicy(days: 7, archivePath: "/tmp/a.db", intervalMillis: 300_000))
        #expect(try Configuration(json: "{}").retention == RetentionPolicy(days: 30, archivePath: nil, intervalMillis: 3_600_000))
        for bad in [
            #"{"retention": 30}"#, #"{"retention": {"days": -1}}"#, #"{"retention": {"days": 1.5}}"#,
            #"{"retention": {"days": 100000}}"#, #"{"retention": {"archive": ""}}"#, #"{"retention": {"archive": 1}}"#,
            #"{"retention": {"intervalMinutes": 0}}"#, #"{"retention": {"intervalMinutes": 20000}}"#,
            #"{"retention": {"dayz": 30}}"#,
        ] {
            #expect {
                try Configuration(json: bad)
            } throws: { error in
                (error as? ParleyError)?.kind == .invalidConfig
            }
        }
    }

    // MARK: - Versions

    /// A store whose newer schema this Parley does not know is refused and left byte for byte.
    @Test func aNewerStoreIsRefusedAndUntouched() throws {
        let directory = temporaryDirectory()
        defer { _ = system("rm -rf \(directory)") }
        let path = "\(directory)/p.db"
        try engine(directory).close()
        let raw = try SQLiteConnection(path: path)
        try raw.execute("PRAGMA user_version = 99")
        raw.close()
        let before = try #require(fileBytes(path))
        #expect {
            try engine(directory)
        } throws: { error in
            guard let error = error as? ParleyError else { return false }
            return error.kind == .storage && error.message.contains("99")
        }
        #expect(fileBytes(path) == before)
    }

    /// Migration 5 made to fail at its second statement by an object already holding the name
    /// it creates: the step rolls back whole (its first index is not left behind), the open
    /// fails with a status naming the step, and the file is byte-identical.
    @Test func aMigrationFailingHalfwayLeavesTheStoreUntouched() throws {
        let directory = temporaryDirectory()
        defer { _ = system("rm -rf \(directory)") }
        let path = "\(directory)/p.db"
        let first = try engine(directory)
        try send(first, id: "m1", chat: "c", at: 1_000)
        first.close()
        // Back to schema 4, as a store written by the previous Parley, plus the conflicting object.
        let raw = try SQLiteConnection(path: path)
        try raw.execute("""
            DROP INDEX messages_by_time; DROP INDEX threads_by_state; DROP TABLE writebacks;
            DROP TABLE media_refs; DROP TABLE media_items; DROP TABLE media_search; DROP TABLE outbox; DROP TABLE outbox_log;
            DROP TABLE outbox_throttle;
            CREATE TABLE threads_by_state (x); PRAGMA user_version = 4;
            """)
        try raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        raw.close()
        let before = try #require(fileBytes(path))

        #expect {
            try engine(directory)
        } throws: { error in
            guard let error = error as? ParleyError else { return false }
            print("failed migration: \(error.kind) \(error.message)")
            return error.kind == .storage && error.message.contains("schema version 5") && error.message.contains("rolled back")
                && error.message.contains("threads_by_state")
        }
        #expect(fileBytes(path) == before)
        let check = try SQLiteConnection(path: path)
        #expect(try integer(check, "PRAGMA user_version") == 4)
        #expect(try integer(check, "SELECT count(*) FROM sqlite_master WHERE name = 'messages_by_time'") == 0)

        // Once the conflict is gone the migration applies and the journal is intact.
        try check.execute("DROP TABLE threads_by_state")
        check.close()
        let reopened = try engine(directory)
        defer { reopened.close() }
        #expect(try send(reopened, id: "m1", chat: "c", at: 1_000)["status"] == "duplicate")
        #expect(try reopened.store.withConnection { db throws(ParleyError) in
            try db.statement("PRAGMA user_version").firstRow { $0.int(0) } ?? 0
        } == Int64(Migrations.steps.count))
    }
}
