#if canImport(Glibc)
import Glibc
#endif
import CSQLite

/// A thin owner of one SQLite connection and its prepared statements. Not thread-safe by
/// itself: `Store` serializes every use behind its lock.
final class SQLiteConnection {
    private(set) var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]
    /// What this connection's commits appended to the WAL (filled by the WAL hook once
    /// `countWALFrames` is called): frames (one page each) and commits.
    let walCounts = UnsafeMutablePointer<WALCounts>.allocate(capacity: 1)

    struct WALCounts {
        var frames: Int64 = 0
        var commits: Int64 = 0
        /// The WAL's length in frames after the last commit (it starts over after a checkpoint restart).
        var lastLength: Int32 = 0
    }

    /// The journal holds tenants' messages: a new database file is created readable by its
    /// owner only (SQLite gives its -wal and -shm files the database file's mode). An existing
    /// file keeps the mode its owner chose; in-memory and URI names are left to SQLite.
    private static func createOwnerOnly(_ path: String) {
        guard !path.isEmpty, path != ":memory:", !path.hasPrefix("file:") else { return }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd >= 0 { Glibc.close(fd) }
    }

    init(path: String, busyTimeoutMillis: Int = 5_000) throws(ParleyError) {
        var db: OpaquePointer?
        // NOMUTEX: Store already serializes access, so SQLite's own mutex would be pure cost.
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
        Self.createOwnerOnly(path)
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        handle = db
        guard rc == SQLITE_OK else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            handle = nil
            throw Self.error(rc, "cannot open store at \(path): \(message)")
        }
        sqlite3_extended_result_codes(db, 1)
        Self.waitWhenBusy(db, upTo: busyTimeoutMillis)
        walCounts.initialize(to: WALCounts())
    }

    /// Waits for a lock held elsewhere (another connection's write, a RESTART checkpoint) in
    /// fine steps, giving up after `millis`. SQLite's own busy timeout sleeps 1, 2, 5, 10,
    /// 15 … ms between tries: a write that waited on a 12 ms checkpoint slept 18–33 ms, the
    /// tail of the asynchronous core's latency. Here: 100 µs steps for the first 5 ms, then
    /// 500 µs to 30 ms, then 2 ms.
    private static func waitWhenBusy(_ db: OpaquePointer?, upTo millis: Int) {
        guard millis > 0, let budget = UnsafeMutableRawPointer(bitPattern: millis * 1000) else { return }
        sqlite3_busy_handler(db, { context, count in
            let budgetMicros = Int(bitPattern: context)
            let tries = Int(count)
            // (step, microseconds slept before this try) for tries 0..<50, 50..<100, 100...
            let (step, slept) = tries < 50 ? (100, tries * 100)
                : tries < 100 ? (500, 5_000 + (tries - 50) * 500)
                : (2_000, 30_000 + (tries - 100) * 2_000)
            guard slept < budgetMicros else { return 0 }
            usleep(UInt32(step))
            return 1
        }, budget)
    }

    deinit {
        close()
        walCounts.deallocate()
    }

    /// Counts the frames each commit appends to the WAL (`walCounts`). The hook replaces
    /// SQLite's automatic checkpoint, which the store turns off anyway.
    func countWALFrames() {
        guard let handle else { return }
        sqlite3_wal_hook(handle, { context, _, _, length in
            let counts = context!.assumingMemoryBound(to: WALCounts.self)
            // After a checkpoint restarted the WAL, its length starts again from 0.
            let added = length >= counts.pointee.lastLength ? length - counts.pointee.lastLength : length
            counts.pointee.frames += Int64(added)
            counts.pointee.commits += 1
            counts.pointee.lastLength = length
            return SQLITE_OK
        }, UnsafeMutableRawPointer(walCounts))
    }

    func close() {
        for statement in statements.values { sqlite3_finalize(statement) }
        statements.removeAll()
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    /// Maps SQLite's result codes onto Parley's failure classes.
    static func error(_ rc: Int32, _ message: String) -> ParleyError {
        switch rc & 0xFF {
        case SQLITE_CORRUPT, SQLITE_NOTADB: return ParleyError(.corrupt, MaskedText(masking: message))
        case SQLITE_BUSY, SQLITE_LOCKED: return ParleyError(.busy, MaskedText(masking: message))
        default: return ParleyError(.storage, MaskedText(masking: message))
        }
    }

    private func fail(_ rc: Int32, _ what: String) -> ParleyError {
        let detail = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "store is closed"
        return Self.error(rc, "\(what): \(detail)")
    }

    /// Runs one or more statements that return no rows (schema, pragmas, transactions).
    func execute(_ sql: String) throws(ParleyError) {
        guard let handle else { throw ParleyError(.storage, "store is closed") }
        let rc = sqlite3_exec(handle, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw fail(rc, "\(Self.label(sql)) failed") }
    }

    /// The start of a statement, to name it in an error ("COMMIT failed: database or disk is full").
    static func label(_ sql: String) -> String {
        let line = sql.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? sql
        return line.count <= 40 ? line : String(line.prefix(40)) + "..."
    }

    /// A cached prepared statement, reset and with bindings cleared before each use.
    func statement(_ sql: String) throws(ParleyError) -> Statement {
        guard let handle else { throw ParleyError(.storage, "store is closed") }
        if let cached = statements[sql] {
            sqlite3_reset(cached)
            sqlite3_clear_bindings(cached)
            return Statement(handle: cached, connection: self)
        }
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard rc == SQLITE_OK, let statement else { throw fail(rc, "cannot prepare statement") }
        statements[sql] = statement
        return Statement(handle: statement, connection: self)
    }

    /// Runs `body` in one transaction, rolled back if it throws.
    /// BEGIN and COMMIT run as cached statements: `sqlite3_exec` would compile them anew for
    /// every message.
    func transaction<T>(_ body: () throws(ParleyError) -> T) throws(ParleyError) -> T {
        try statement("BEGIN IMMEDIATE").run()
        do {
            let result = try body()
            try statement("COMMIT").run()
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    var lastInsertRowID: Int64 { handle.map { sqlite3_last_insert_rowid($0) } ?? 0 }

    var changes: Int { handle.map { Int(sqlite3_changes($0)) } ?? 0 }

    struct Statement {
        let handle: OpaquePointer
        unowned let connection: SQLiteConnection

        func bind(_ values: [SQLiteValue]) throws(ParleyError) -> Statement {
            for (offset, value) in values.enumerated() {
                let index = Int32(offset + 1)
                let rc: Int32
                switch value {
                case .null: rc = sqlite3_bind_null(handle, index)
                case .int(let i): rc = sqlite3_bind_int64(handle, index, i)
                case .double(let d): rc = sqlite3_bind_double(handle, index, d)
                case .text(let s): rc = sqlite3_bind_text(handle, index, s, -1, SQLITE_TRANSIENT)
                }
                guard rc == SQLITE_OK else { throw connection.fail(rc, "cannot bind parameter \(index)") }
            }
            return self
        }

        /// The first row read by `read`, or nil when there is none. The statement is reset
        /// afterwards so it holds no read snapshot open between calls.
        func firstRow<T>(_ read: (Statement) -> T) throws(ParleyError) -> T? {
            defer { sqlite3_reset(handle) }
            return try step() ? read(self) : nil
        }

        /// Steps once: true when a row is available.
        func step() throws(ParleyError) -> Bool {
            let rc = sqlite3_step(handle)
            switch rc {
            case SQLITE_ROW: return true
            case SQLITE_DONE: return false
            default: throw connection.fail(rc, "\(label) failed")
            }
        }

        /// The statement's first words ("COMMIT", "INSERT INTO messages"), for error messages.
        var label: String {
            guard let sql = sqlite3_sql(handle) else { return "statement" }
            let words = String(cString: sql).split(whereSeparator: { $0 == " " || $0 == "\n" }).prefix(3)
            return words.joined(separator: " ")
        }

        func run() throws(ParleyError) {
            defer { sqlite3_reset(handle) }
            while try step() {}
        }

        func text(_ column: Int32) -> String? {
            guard let pointer = sqlite3_column_text(handle, column) else { return nil }
            return String(cString: pointer)
        }

        func int(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

        func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

        func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

        /// Calls `read` for every row, then resets the statement.
        func forEachRow(_ read: (Statement) -> Void) throws(ParleyError) {
            defer { sqlite3_reset(handle) }
            while try step() { read(self) }
        }
    }
}

enum SQLiteValue {
    case null
    case int(Int64)
    case double(Double)
    case text(String)
}

/// SQLite's "copy this buffer now" destructor sentinel, which the C macro can't express in Swift.
private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
