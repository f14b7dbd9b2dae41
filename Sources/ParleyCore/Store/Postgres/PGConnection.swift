#if canImport(Glibc)
import Glibc
#endif
import CLibPQ

/// A value bound to a statement's `$n` parameter. Text, integers, doubles and booleans are
/// sent in PostgreSQL's text format; a blob in binary format (for a `bytea` parameter).
enum PGValue: Sendable, Equatable {
    case null
    case int(Int64)
    case double(Double)
    case text(String)
    case bool(Bool)
    case blob([UInt8])
}

/// The rows of one result, decoded out of libpq's buffer before it is freed (text format).
struct PGRows: Sendable {
    let columns: [String]
    let rows: [PGRow]
    /// What the command changed (`PQcmdTuples`): rows inserted, updated or deleted.
    let affected: Int

    var first: PGRow? { rows.first }
    var count: Int { rows.count }
}

/// One row: each column's text, nil for SQL NULL.
struct PGRow: Sendable {
    let values: [String?]

    func isNull(_ column: Int) -> Bool { values[column] == nil }
    func text(_ column: Int) -> String? { values[column] }
    func int(_ column: Int) -> Int64? { values[column].flatMap { Int64($0) } }
    func double(_ column: Int) -> Double? { values[column].flatMap { Double($0) } }
    func bool(_ column: Int) -> Bool? { values[column].map { $0 == "t" || $0 == "true" } }

    /// A `bytea` column (text format: `\x` and two hex digits a byte).
    func bytes(_ column: Int) -> [UInt8]? {
        guard let text = values[column] else { return nil }
        let utf8 = Array(text.utf8)
        guard utf8.count >= 2, utf8[0] == UInt8(ascii: "\\"), utf8[1] == UInt8(ascii: "x"), utf8.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity((utf8.count - 2) / 2)
        var index = 2
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }
}

/// SQLSTATE classes Parley reacts to (https://www.postgresql.org/docs/15/errcodes-appendix.html).
enum PGSQLState {
    static let uniqueViolation = "23505"
    static let serializationFailure = "40001"
    static let deadlockDetected = "40P01"
    static let queryCanceled = "57014"
    static let lockNotAvailable = "55P03"

    /// Another transaction got in the way: run the whole transaction again.
    static func isRetryableTransaction(_ state: String?) -> Bool {
        state == serializationFailure || state == deadlockDetected
    }

    /// The connection is gone or the server is going away or coming up: 08xxx (connection
    /// exception), 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now.
    static func isConnectionLoss(_ state: String?) -> Bool {
        guard let state else { return false }
        return state.hasPrefix("08") || state == "57P01" || state == "57P02" || state == "57P03"
    }
}

/// One libpq connection (`PGconn`) to PostgreSQL. Not thread-safe by itself: one thread uses
/// it at a time (`PGPool` hands it out). Every value is a bound parameter; statements run
/// through `query` are prepared once per connection and reused.
///
/// Errors: a lost connection or a server shutting down or starting is `.storage` with "retry"
/// in the message, and the next call reconnects (`PQreset`, bounded attempts); serialization
/// failures and deadlocks are retried by `transaction` and end as `.busy` when they persist;
/// a statement timeout is `.timeout`; data or index corruption `.corrupt`; everything else
/// `.storage`. `lastSQLState` tells a caller what failed (a unique violation, 23505).
/// No message carries the password.
final class PGConnection {
    struct Options: Sendable {
        /// `postgresql://user:password@host:port/db?...` or a libpq keyword string.
        var url: String
        var connectTimeoutSeconds: Int = 5
        /// Shown in `pg_stat_activity` unless the URL names one.
        var applicationName: String = "parley"
        /// Each statement is cancelled by the server past this (0: no limit).
        var statementTimeoutMillis: Int = 30_000
        /// How many times a lost connection is re-established before a call gives up.
        var reconnectAttempts: Int = 3
        /// Waits between reconnection attempts start here and double.
        var reconnectDelayMillis: Int = 100
        /// How many times `transaction` runs its body after serialization failures,
        /// deadlocks or a connection lost before COMMIT.
        var transactionAttempts: Int = 5

        init(url: String, connectTimeoutSeconds: Int = 5, applicationName: String = "parley",
             statementTimeoutMillis: Int = 30_000, reconnectAttempts: Int = 3, reconnectDelayMillis: Int = 100,
             transactionAttempts: Int = 5) {
            self.url = url
            self.connectTimeoutSeconds = connectTimeoutSeconds
            self.applicationName = applicationName
            self.statementTimeoutMillis = statementTimeoutMillis
            self.reconnectAttempts = reconnectAttempts
            self.reconnectDelayMillis = reconnectDelayMillis
            self.transactionAttempts = transactionAttempts
        }
    }

    let options: Options
    /// The URL with its password replaced by `***`, for messages.
    let displayURL: String
    private let secret: String?
    private var conn: OpaquePointer?
    /// SQL text → the name it was prepared under on the current session.
    private var prepared: [String: String] = [:]
    /// The SQLSTATE of the last failed call (nil: no server error, e.g. no connection).
    private(set) var lastSQLState: String?
    /// Reconnections done since this connection opened (tests, metrics).
    private(set) var reconnects = 0

    init(_ options: Options) throws(ParleyError) {
        self.options = options
        let redacted = PGURL.redact(options.url)
        displayURL = redacted.display
        secret = redacted.secret
        try connect()
    }

    deinit { close() }

    func close() {
        if let conn { PQfinish(conn) }
        conn = nil
        prepared.removeAll()
    }

    var isOpen: Bool { conn.map { PQstatus($0) == CONNECTION_OK } ?? false }

    /// The server's process for this session (changes after a reconnection).
    var backendPID: Int32 { conn.map { PQbackendPID($0) } ?? 0 }

    // MARK: Connecting

    private func connect() throws(ParleyError) {
        // Parley's defaults first: with expand_dbname the URL comes after and its own
        // settings win (libpq takes the last value of a repeated keyword).
        let keywords = ["connect_timeout", "fallback_application_name", "client_encoding", "dbname"]
        let values = [String(max(options.connectTimeoutSeconds, 1)), options.applicationName, "UTF8", options.url]
        let handle = withCStrings(keywords) { k in withCStrings(values) { v in PQconnectdbParams(k, v, 1) } }
        guard let handle else { throw ParleyError(.storage, "cannot connect to PostgreSQL at \(displayURL): out of memory") }
        conn = handle
        // Server notices (NOTICE: ... skipping) would go to the host's stderr: dropped.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        guard PQstatus(handle) == CONNECTION_OK else {
            let detail = scrub(Self.trimmed(PQerrorMessage(handle)))
            PQfinish(handle)
            conn = nil
            throw ParleyError(.storage, "cannot connect to PostgreSQL at \(displayURL): \(detail) (retry when the server is reachable)")
        }
        try setUpSession()
    }

    private func setUpSession() throws(ParleyError) {
        prepared.removeAll()
        try execute("SET statement_timeout = \(max(options.statementTimeoutMillis, 0)); SET TIME ZONE 'UTC'")
    }

    /// Re-establishes a connection found broken, up to `reconnectAttempts` times with a
    /// doubling wait. Never called inside a transaction (the server rolled it back anyway).
    private func ensureConnected() throws(ParleyError) {
        if let conn, PQstatus(conn) == CONNECTION_OK { return }
        var delay = max(options.reconnectDelayMillis, 1)
        var lastError = "no connection"
        for attempt in 0..<max(options.reconnectAttempts, 1) {
            if attempt > 0 {
                usleep(useconds_t(delay) * 1000)
                delay = min(delay * 2, 5_000)
            }
            if let conn {
                PQreset(conn)
                if PQstatus(conn) == CONNECTION_OK {
                    reconnects += 1
                    do {
                        try setUpSession()
                        return
                    } catch {
                        lastError = error.message
                        continue
                    }
                }
                lastError = scrub(Self.trimmed(PQerrorMessage(conn)))
            } else {
                do {
                    try connect()
                    reconnects += 1
                    return
                } catch {
                    lastError = error.message
                }
            }
        }
        lastSQLState = nil
        throw ParleyError(.storage, "the connection to PostgreSQL at \(displayURL) is lost and \(max(options.reconnectAttempts, 1)) "
                          + "reconnection attempts failed: \(lastError) (retry later)")
    }

    // MARK: Running statements

    /// Runs one or more statements without parameters (schema, SET, transaction control).
    func execute(_ sql: String) throws(ParleyError) {
        guard let conn else { throw ParleyError(.storage, "the PostgreSQL connection is closed") }
        let result = PQexec(conn, sql)
        defer { PQclear(result) }
        try check(result, sql)
    }

    /// Runs one statement with `$1`, `$2`, … bound to `parameters`, prepared once per
    /// session. A connection found broken before the statement is sent is re-established
    /// first (outside a transaction); one lost while it runs is reported (`.storage`, "retry"):
    /// the statement may or may not have taken effect, so it is not sent again here.
    @discardableResult
    func query(_ sql: String, _ parameters: [PGValue] = []) throws(ParleyError) -> PGRows {
        if !inTransaction { try ensureConnected() }
        guard let conn else { throw ParleyError(.storage, "the PostgreSQL connection is closed") }
        let name: String
        if let known = prepared[sql] {
            name = known
        } else {
            name = "p\(prepared.count + 1)"
            let result = PQprepare(conn, name, sql, 0, nil)
            defer { PQclear(result) }
            try check(result, sql)
            prepared[sql] = name
        }
        let result = try withParameters(parameters) { (values, lengths, formats) in
            PQexecPrepared(conn, name, Int32(parameters.count), values, lengths, formats, 0)
        }
        defer { PQclear(result) }
        try check(result, sql)
        return Self.decode(result!)
    }

    /// Runs a statement without preparing it (one-off statements, DDL with parameters).
    @discardableResult
    func queryOnce(_ sql: String, _ parameters: [PGValue] = []) throws(ParleyError) -> PGRows {
        if !inTransaction { try ensureConnected() }
        guard let conn else { throw ParleyError(.storage, "the PostgreSQL connection is closed") }
        let result = try withParameters(parameters) { (values, lengths, formats) in
            PQexecParams(conn, sql, Int32(parameters.count), nil, values, lengths, formats, 0)
        }
        defer { PQclear(result) }
        try check(result, sql)
        return Self.decode(result!)
    }

    var inTransaction: Bool {
        guard let conn else { return false }
        let status = PQtransactionStatus(conn)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE
    }

    // MARK: Transactions

    enum Isolation: String, Sendable {
        case readCommitted = "READ COMMITTED"
        case repeatableRead = "REPEATABLE READ"
        case serializable = "SERIALIZABLE"
    }

    /// Runs `body` in one transaction and commits it. On a serialization failure or deadlock
    /// (40001, 40P01), or a connection lost before COMMIT was sent (the server rolled the
    /// transaction back), the transaction is rolled back and `body` runs again, up to
    /// `transactionAttempts` times: `body` must have no effect outside the database. A
    /// connection lost during COMMIT is `.storage` (the outcome is unknown: retry only
    /// what is idempotent). Persistent conflicts end as `.busy`.
    func transaction<T>(_ isolation: Isolation = .readCommitted,
                        _ body: (PGConnection) throws(ParleyError) -> T) throws(ParleyError) -> T {
        var attempt = 0
        var backoff = 2
        while true {
            attempt += 1
            try ensureConnected()
            var committing = false
            do {
                try execute(isolation == .readCommitted ? "BEGIN" : "BEGIN ISOLATION LEVEL \(isolation.rawValue)")
                let result = try body(self)
                committing = true
                try execute("COMMIT")
                return result
            } catch {
                let state = lastSQLState
                let lost = !isOpen || PQSQLStateLoss(state)
                if !lost { try? execute("ROLLBACK") }
                let retryable = PGSQLState.isRetryableTransaction(state) || (lost && !committing)
                guard retryable, attempt < max(options.transactionAttempts, 1) else {
                    if PGSQLState.isRetryableTransaction(state) {
                        throw ParleyError(.busy, "a PostgreSQL transaction kept conflicting with others (\(attempt) attempts, SQLSTATE \(state ?? "?")); retry: \(error)")
                    }
                    throw error
                }
                // Jittered backoff so two conflicting transactions do not collide again.
                usleep(useconds_t(backoff * 1000 + Int.random(in: 0...(backoff * 1000))))
                backoff = min(backoff * 2, 200)
            }
        }
    }

    private func PQSQLStateLoss(_ state: String?) -> Bool { PGSQLState.isConnectionLoss(state) }

    // MARK: Results and errors

    private func check(_ result: OpaquePointer?, _ sql: String) throws(ParleyError) {
        let status = result.map { PQresultStatus($0) } ?? PGRES_FATAL_ERROR
        if status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY {
            lastSQLState = nil
            return
        }
        let state = result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "C"))) }.map { String(cString: $0) }
        lastSQLState = state
        let detail: String
        if let result, let message = PQresultErrorMessage(result), message.pointee != 0 {
            detail = scrub(Self.trimmed(message))
        } else {
            detail = scrub(conn.map { Self.trimmed(PQerrorMessage($0)) } ?? "no connection")
        }
        let what = "\(SQLiteConnection.label(sql)) failed"
        let connectionGone = conn.map { PQstatus($0) != CONNECTION_OK } ?? true
        if PGSQLState.isConnectionLoss(state) || (state == nil && connectionGone) {
            throw ParleyError(.storage, "\(what): the connection to PostgreSQL at \(displayURL) was lost (\(detail)); retry")
        }
        switch state {
        case PGSQLState.queryCanceled?:
            throw ParleyError(.timeout, "\(what): cancelled after the statement timeout of \(options.statementTimeoutMillis) ms: \(detail)")
        case "XX001"?, "XX002"?:
            throw ParleyError(.corrupt, "\(what): \(detail)")
        default:
            throw ParleyError(.storage, "\(what): \(detail)\(state.map { " (SQLSTATE \($0))" } ?? "")")
        }
    }

    private static func decode(_ result: OpaquePointer) -> PGRows {
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        var columns: [String] = []
        columns.reserveCapacity(columnCount)
        for column in 0..<columnCount { columns.append(String(cString: PQfname(result, Int32(column)))) }
        var rows: [PGRow] = []
        rows.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(columnCount)
            for column in 0..<columnCount {
                if PQgetisnull(result, Int32(row), Int32(column)) != 0 {
                    values.append(nil)
                } else {
                    values.append(String(cString: PQgetvalue(result, Int32(row), Int32(column))))
                }
            }
            rows.append(PGRow(values: values))
        }
        let tuples = PQcmdTuples(result).map { Int(String(cString: $0)) ?? 0 } ?? 0
        return PGRows(columns: columns, rows: rows, affected: tuples)
    }

    /// Lays out `parameters` as libpq wants them (C strings, lengths, formats) for `body`.
    private func withParameters(_ parameters: [PGValue],
                                _ body: (UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?) -> OpaquePointer?)
        throws(ParleyError) -> OpaquePointer? {
        if parameters.isEmpty { return body(nil, nil, nil) }
        var buffers: [UnsafeMutablePointer<CChar>?] = []
        var lengths: [Int32] = []
        var formats: [Int32] = []
        buffers.reserveCapacity(parameters.count)
        defer { for buffer in buffers { free(buffer) } }
        for (index, parameter) in parameters.enumerated() {
            switch parameter {
            case .null:
                buffers.append(nil); lengths.append(0); formats.append(0)
            case .int(let value):
                buffers.append(strdup(String(value))); lengths.append(0); formats.append(0)
            case .double(let value):
                guard value.isFinite else {
                    throw ParleyError(.invalidArgument, "parameter \(index + 1) is not a finite number")
                }
                buffers.append(strdup("\(value)")); lengths.append(0); formats.append(0)
            case .bool(let value):
                buffers.append(strdup(value ? "t" : "f")); lengths.append(0); formats.append(0)
            case .text(let value):
                // PostgreSQL text cannot hold NUL, and a C string would silently end there.
                guard !value.utf8.contains(0) else {
                    throw ParleyError(.invalidArgument, "parameter \(index + 1) contains a NUL character, which PostgreSQL text cannot store")
                }
                buffers.append(strdup(value)); lengths.append(0); formats.append(0)
            case .blob(let bytes):
                let copy = malloc(max(bytes.count, 1))!.assumingMemoryBound(to: CChar.self)
                bytes.withUnsafeBytes { source in
                    if let base = source.baseAddress { UnsafeMutableRawPointer(copy).copyMemory(from: base, byteCount: source.count) }
                }
                buffers.append(copy); lengths.append(Int32(bytes.count)); formats.append(1)
            }
        }
        let pointers = buffers.map { $0.map { UnsafePointer($0) } }
        return pointers.withUnsafeBufferPointer { values in
            lengths.withUnsafeBufferPointer { lengthPointer in
                formats.withUnsafeBufferPointer { formatPointer in
                    body(values.baseAddress, lengthPointer.baseAddress, formatPointer.baseAddress)
                }
            }
        }
    }

    /// The message without the password, should libpq ever echo it.
    func scrub(_ message: String) -> String {
        guard let secret, !secret.isEmpty else { return message }
        return PGURL.replacing(secret, in: message, with: "***")
    }

    private static func trimmed(_ message: UnsafePointer<CChar>?) -> String {
        guard let message else { return "unknown error" }
        var text = String(cString: message)
        while let last = text.last, last == "\n" || last == " " { text.removeLast() }
        // libpq's multi-line messages (ERROR + DETAIL, connection attempts) on one line.
        return text.split(separator: "\n").joined(separator: "; ")
    }
}

/// Reading what a user gave as the server's address, without letting the password out.
enum PGURL {
    /// `postgresql://user:secret@host/db?password=secret` → the URL with `***` for the
    /// password, and the password itself (to scrub messages with); keyword strings
    /// (`host=... password=secret`) likewise.
    static func redact(_ url: String) -> (display: String, secret: String?) {
        var display = url
        var secret: String?
        if let schemeEnd = url.firstRange(of: "://") {
            let rest = url[schemeEnd.upperBound...]
            let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
            let authority = rest[..<authorityEnd]
            if let at = authority.lastIndex(of: "@") {
                let userInfo = authority[..<at]
                if let colon = userInfo.firstIndex(of: ":") {
                    secret = String(userInfo[userInfo.index(after: colon)...])
                    display = String(url[..<schemeEnd.upperBound]) + userInfo[..<colon] + ":***" + url[at...]
                }
            }
        }
        // password=... in a query string or a keyword string.
        if let found = display.firstRange(of: "password=") {
            let valueStart = found.upperBound
            var valueEnd = valueStart
            let quoted = valueStart < display.endIndex && display[valueStart] == "'"
            if quoted {
                valueEnd = display[display.index(after: valueStart)...].firstIndex(of: "'").map { display.index(after: $0) } ?? display.endIndex
            } else {
                valueEnd = display[valueStart...].firstIndex(where: { $0 == "&" || $0 == " " }) ?? display.endIndex
            }
            var value = String(display[valueStart..<valueEnd])
            if quoted { value = String(value.dropFirst().dropLast(value.hasSuffix("'") ? 1 : 0)) }
            if secret == nil || secret!.isEmpty { secret = value }
            display.replaceSubrange(valueStart..<valueEnd, with: "***")
        }
        return (display, secret)
    }

    static func replacing(_ target: String, in text: String, with replacement: String) -> String {
        target.isEmpty ? text : text.replacing(target, with: replacement)
    }
}

private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let duplicates = strings.map { strdup($0) }
    defer { duplicates.forEach { free($0) } }
    let pointers: [UnsafePointer<CChar>?] = duplicates.map { $0.map { UnsafePointer($0) } } + [nil]
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}

// MARK: - Pool


/// A fixed number of PostgreSQL connections shared by threads. A thread checks one out for
/// the length of `withConnection`; when all are in use it waits up to `checkoutTimeoutMillis`
/// and then fails with `.busy` (PARLEY_BUSY), so a stalled database shows up as backpressure
/// instead of an unbounded queue of threads. Connections are opened on demand, up to `size`.
final class PGPool: @unchecked Sendable {
    // @unchecked: `idle`, `opened` and `closed` are only touched under `mutex`; a connection
    // is used by the one thread that checked it out.
    let options: PGConnection.Options
    let size: Int
    let checkoutTimeoutMillis: Int
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let available = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var idle: [PGConnection] = []
    private var opened = 0
    private var closed = false

    /// Opens one connection at once, so a wrong URL or an unreachable server fails here.
    init(_ options: PGConnection.Options, size: Int = 8, checkoutTimeoutMillis: Int = 2_000) throws(ParleyError) {
        guard size >= 1 else { throw ParleyError(.invalidConfig, "a PostgreSQL pool needs at least one connection (size \(size))") }
        self.options = options
        self.size = size
        self.checkoutTimeoutMillis = max(checkoutTimeoutMillis, 0)
        pthread_mutex_init(mutex, nil)
        Threads.initMonotonicCondition(available)
        let first = try PGConnection(options)
        idle.append(first)
        opened = 1
    }

    deinit {
        close()
        pthread_cond_destroy(available)
        pthread_mutex_destroy(mutex)
        available.deallocate()
        mutex.deallocate()
    }

    /// Runs `body` with a connection of its own. The connection must not escape `body`.
    func withConnection<T>(_ body: (PGConnection) throws(ParleyError) -> T) throws(ParleyError) -> T {
        let connection = try checkOut()
        do {
            let result = try body(connection)
            checkIn(connection)
            return result
        } catch {
            checkIn(connection)
            throw error
        }
    }

    /// Connections open, idle (waiting in the pool) and in use.
    var counts: (open: Int, idle: Int, inUse: Int) {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return (opened, idle.count, opened - idle.count)
    }

    /// Closes idle connections now and the others when they come back; later checkouts fail.
    func close() {
        pthread_mutex_lock(mutex)
        closed = true
        let toClose = idle
        idle.removeAll()
        opened -= toClose.count
        pthread_cond_broadcast(available)
        pthread_mutex_unlock(mutex)
        for connection in toClose { connection.close() }
    }

    private func checkOut() throws(ParleyError) -> PGConnection {
        var deadline = Threads.deadline(afterMillis: checkoutTimeoutMillis)

        pthread_mutex_lock(mutex)
        while true {
            if closed {
                pthread_mutex_unlock(mutex)
                throw ParleyError(.storage, "the PostgreSQL pool is closed")
            }
            if let connection = idle.popLast() {
                pthread_mutex_unlock(mutex)
                return connection
            }
            if opened < size {
                opened += 1
                pthread_mutex_unlock(mutex)
                do {
                    return try PGConnection(options)
                } catch {
                    pthread_mutex_lock(mutex)
                    opened -= 1
                    pthread_cond_signal(available)
                    pthread_mutex_unlock(mutex)
                    throw error
                }
            }
            if pthread_cond_timedwait(available, mutex, &deadline) == ETIMEDOUT, idle.isEmpty, opened >= size, !closed {
                pthread_mutex_unlock(mutex)
                throw ParleyError(.busy, "all \(size) PostgreSQL connections stayed in use for \(checkoutTimeoutMillis) ms; retry later")
            }
        }
    }

    private func checkIn(_ connection: PGConnection) {
        // A body that left a transaction open (or failed inside one) must not hand it on.
        if connection.inTransaction { try? connection.execute("ROLLBACK") }
        let broken = connection.inTransaction
        pthread_mutex_lock(mutex)
        if closed || broken {
            opened -= 1
            pthread_cond_signal(available)
            pthread_mutex_unlock(mutex)
            connection.close()
            return
        }
        idle.append(connection)
        pthread_cond_signal(available)
        pthread_mutex_unlock(mutex)
    }
}
