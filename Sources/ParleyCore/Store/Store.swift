import CSQLite
import Synchronization

/// The durable journal: every message with its enriched context. All of Parley's SQL lives in
/// this folder. One connection behind a mutex: SQLite serializes writers anyway, and the
/// commits are microseconds, far below the pipeline's own cost.
public final class Store: Sendable {
    public enum Synchronous: String, Sendable {
        case normal, full
    }

    /// 'PRLY': marks a file as Parley's so another application's database is refused, not altered.
    static let applicationID: Int32 = 0x5052_4C59

    private let connection: Mutex<SQLiteConnection?>
    public let path: String?

    /// `path` nil opens a private in-memory store.
    public init(path: String?, synchronous: Synchronous = .normal) throws(ParleyError) {
        self.path = path
        let db = try SQLiteConnection(path: path ?? ":memory:")
        do {
            try Self.prepare(db, inMemory: path == nil, synchronous: synchronous)
        } catch {
            db.close()
            throw error
        }
        connection = Mutex(db)
    }

    private static func prepare(_ db: SQLiteConnection, inMemory: Bool, synchronous: Synchronous) throws(ParleyError) {
        // Reading the header first turns "not a database" into a clear .corrupt before any write.
        let appID = try db.statement("PRAGMA application_id").firstRow { Int32(truncatingIfNeeded: $0.int(0)) } ?? 0
        let objectCount = try db.statement("SELECT count(*) FROM sqlite_master").firstRow { $0.int(0) } ?? 0
        if appID != applicationID && (appID != 0 || objectCount > 0) {
            throw ParleyError(.corrupt, "the store file is not a Parley database (application_id \(appID))")
        }
        if !inMemory {
            try db.execute("PRAGMA journal_mode = WAL")
        }
        try db.execute("PRAGMA synchronous = \(synchronous == .full ? "FULL" : "NORMAL")")
        try db.execute("PRAGMA foreign_keys = ON")
        try Migrations.apply(to: db)
        let verdict = try db.statement("PRAGMA quick_check").firstRow { $0.text(0) } ?? nil
        if verdict != "ok" {
            throw ParleyError(.corrupt, "store failed its integrity check: \(verdict ?? "no answer")")
        }
    }

    private func withConnection<T: Sendable>(_ body: (SQLiteConnection) throws(ParleyError) -> T) throws(ParleyError) -> T {
        try connection.withLock { (db: inout SQLiteConnection?) throws(ParleyError) -> T in
            guard let db else { throw ParleyError(.storage, "the engine's store is closed") }
            return try body(db)
        }
    }

    /// Closes the connection after any call in progress; later calls fail with `.storage`.
    public func close() {
        connection.withLock { db in
            db?.close()
            db = nil
        }
    }

    /// The stored context of a message processed before, if any.
    public func context(chat: String, id: String) throws(ParleyError) -> String? {
        try withConnection { db throws(ParleyError) in
            try db.statement("SELECT context FROM messages WHERE chat = ?1 AND id = ?2")
                .bind([.text(chat), .text(id)]).firstRow { $0.text(0) } ?? nil
        }
    }

    /// Journals a processed message. Returns nil when it was stored, or the context already
    /// stored under the same (chat, id) when another call got there first.
    public func record(_ message: Message, context: String, receivedAt: Int64) throws(ParleyError) -> String? {
        try withConnection { db throws(ParleyError) in try Self.insert(message, context: context, receivedAt: receivedAt, into: db) }
    }

    /// Journals several processed messages in one transaction (one commit, one WAL sync point):
    /// all are stored or, on failure, none. Returns, per message, what `record` returns.
    public func recordAll(_ entries: [(message: Message, context: String)], receivedAt: Int64) throws(ParleyError) -> [String?] {
        try withConnection { db throws(ParleyError) in
            try db.transaction { () throws(ParleyError) -> [String?] in
                var raced: [String?] = []
                raced.reserveCapacity(entries.count)
                for entry in entries {
                    raced.append(try Self.insert(entry.message, context: entry.context, receivedAt: receivedAt, into: db))
                }
                return raced
            }
        }
    }

    private static func insert(_ message: Message, context: String, receivedAt: Int64, into db: SQLiteConnection) throws(ParleyError) -> String? {
        try db.statement("""
            INSERT INTO messages (chat, id, sender, timestamp, type, format, state, context, received_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'processed', ?7, ?8)
            ON CONFLICT (chat, id) DO NOTHING
            """)
            .bind([
                .text(message.chat), .text(message.id), .text(message.from), .int(message.timestamp),
                .text(message.type.rawValue), .text(message.format.rawValue), .text(context), .int(receivedAt),
            ]).run()
        if db.changes == 1 { return nil }
        return try db.statement("SELECT context FROM messages WHERE chat = ?1 AND id = ?2")
            .bind([.text(message.chat), .text(message.id)]).firstRow { $0.text(0) } ?? nil
    }

    /// How many messages the journal holds.
    public func messageCount() throws(ParleyError) -> Int {
        try withConnection { db throws(ParleyError) in
            try db.statement("SELECT count(*) FROM messages").firstRow { Int($0.int(0)) } ?? 0
        }
    }
}
