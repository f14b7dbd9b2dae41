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

    /// The connection and, for chats seen lately, their threading state, so a message does
    /// not re-read its chat's open threads. The cache only ever holds committed state.
    struct Locked: ~Copyable {
        var db: SQLiteConnection?
        var chats: [String: ChatConversation] = [:]
        static let maxCachedChats = 10_000
    }

    private let connection: Mutex<Locked>
    let checkpointer: Checkpointer?
    private let groupCommit = GroupCommit()
    public let path: String?
    /// What `maintain` keeps (Retention.swift); also run on the checkpoint thread when scheduled.
    public let retention: RetentionPolicy
    /// One retention run at a time.
    let maintenanceGate = Mutex<Int>(0)

    /// `path` nil opens a private in-memory store. A write waits up to `busyTimeoutMillis` for
    /// another process's lock, then fails with `.busy`. `scheduleRetention`: a file store also
    /// runs `maintain` on its checkpoint thread, first after min(interval, 10 minutes), then
    /// every `retention.intervalMillis`.
    public init(path: String?, synchronous: Synchronous = .normal, busyTimeoutMillis: Int = 5_000,
                retention: RetentionPolicy = RetentionPolicy(), scheduleRetention: Bool = false) throws(ParleyError) {
        self.path = path
        self.retention = retention
        let db = try SQLiteConnection(path: path ?? ":memory:", busyTimeoutMillis: busyTimeoutMillis)
        do {
            try Self.prepare(db, inMemory: path == nil, synchronous: synchronous)
        } catch {
            db.close()
            throw ParleyError(error.kind, "cannot open the store at \(path ?? ":memory:"): \(error.message)")
        }
        if let path {
            do {
                checkpointer = try Checkpointer(path: path, busyTimeoutMillis: busyTimeoutMillis)
            } catch {
                db.close()
                throw error
            }
        } else {
            checkpointer = nil
        }
        connection = Mutex(Locked(db: db))
        if scheduleRetention, let checkpointer {
            let interval = retention.intervalMillis
            checkpointer.schedule(every: interval, firstAfter: min(interval, RetentionPolicy.firstRunDelayMillis)) { [weak self] in
                // A failed run (the store closing, a busy lock, a full disk) is retried at the
                // next interval; the host sees failures when it calls parley_store_maintain.
                guard let self else { return }
                _ = try? self.maintain(nowMillis: Engine.unixMillis())
            }
        }
    }

    private static func prepare(_ db: SQLiteConnection, inMemory: Bool, synchronous: Synchronous) throws(ParleyError) {
        // Reading the header first turns "not a database" into a clear .corrupt before any write.
        let appID = try db.statement("PRAGMA application_id").firstRow { Int32(truncatingIfNeeded: $0.int(0)) } ?? 0
        let objectCount = try db.statement("SELECT count(*) FROM sqlite_master").firstRow { $0.int(0) } ?? 0
        if appID != applicationID && (appID != 0 || objectCount > 0) {
            throw ParleyError(.corrupt, "the store file is not a Parley database (application_id \(appID))")
        }
        if objectCount == 0 {
            // A new file: free pages go back to the file system on `maintain` (incremental
            // vacuum). Only possible before the first table is created; older stores keep
            // auto_vacuum NONE unless converted on request (convertToIncrementalVacuum).
            try db.execute("PRAGMA auto_vacuum = INCREMENTAL")
        }
        if !inMemory {
            try db.execute("PRAGMA journal_mode = WAL")
            // Checkpoints run on the Checkpointer's thread, not inside commits.
            try db.execute("PRAGMA wal_autocheckpoint = 0")
            try db.execute("PRAGMA journal_size_limit = 67108864")
        }
        try db.execute("PRAGMA synchronous = \(synchronous == .full ? "FULL" : "NORMAL")")
        try db.execute("PRAGMA foreign_keys = ON")
        try Migrations.apply(to: db)
        let verdict = try db.statement("PRAGMA quick_check").firstRow { $0.text(0) } ?? nil
        if verdict != "ok" {
            // SQLite lists up to 100 problems, one a line: the first says enough for a message.
            let problems = (verdict ?? "no answer").split(separator: "\n").filter { !$0.hasPrefix("*** in database") }
            let more = problems.count > 1 ? " (and \(problems.count - 1) more problems)" : ""
            throw ParleyError(.corrupt, "the store failed its integrity check: \(problems.first.map(String.init) ?? "no answer")\(more)")
        }
    }

    func withConnection<T: Sendable>(_ body: (SQLiteConnection) throws(ParleyError) -> T) throws(ParleyError) -> T {
        try connection.withLock { (state: inout Locked) throws(ParleyError) -> T in
            guard let db = state.db else { throw ParleyError(.storage, "the engine's store is closed") }
            return try body(db)
        }
    }

    func withLocked<T: Sendable>(_ body: (inout Locked, SQLiteConnection) throws(ParleyError) -> T) throws(ParleyError) -> T {
        try connection.withLock { (state: inout Locked) throws(ParleyError) -> T in
            guard let db = state.db else { throw ParleyError(.storage, "the engine's store is closed") }
            return try body(&state, db)
        }
    }

    deinit {
        checkpointer?.stop()
    }

    /// Closes the connection after any call in progress; later calls fail with `.storage`.
    public func close() {
        let wasOpen = connection.withLock { state in
            defer {
                state.db?.close()
                state.db = nil
                state.chats.removeAll()
            }
            return state.db != nil
        }
        if wasOpen { checkpointer?.stop() }
    }

    /// The stored context of a message processed before, if any.
    public func context(chat: String, id: String) throws(ParleyError) -> String? {
        try withConnection { db throws(ParleyError) in try Self.context(chat: chat, id: id, in: db) }
    }

    /// One message to journal. `compose` runs inside the store's transaction with the chat's
    /// threading state (and the thread of the message it quotes, if stored): it assigns the
    /// thread and returns the context to store.
    struct JournalEntry {
        let message: Message
        let compose: (inout ChatConversation, ConversationThread?) -> (context: JSONValue, decision: ThreadDecision)
    }

    enum Journaled {
        /// The context as built and as stored (serialized once, handed to the host as is).
        case stored(JSONValue, text: String)
        /// Already journaled (by an earlier call or another thread): its stored context.
        case duplicate(String)
    }

    /// Journals messages in one transaction (one commit, one WAL sync point): all are stored
    /// or, on failure, none, and the chat cache then keeps its committed state.
    func journal(_ entries: [JournalEntry], receivedAt: Int64) throws(ParleyError) -> [Journaled] {
        try groupCommit.journal(entries) { (group) throws(ParleyError) in try journalNow(group, receivedAt: receivedAt) }
    }

    private func journalNow(_ entries: [JournalEntry], receivedAt: Int64) throws(ParleyError) -> [Journaled] {
        try withLocked { state, db throws(ParleyError) in
            var working: [String: ChatConversation] = [:]
            let results = try db.transaction { () throws(ParleyError) -> [Journaled] in
                var results: [Journaled] = []
                results.reserveCapacity(entries.count)
                for entry in entries {
                    let message = entry.message
                    if let stored = try Self.context(chat: message.chat, id: message.id, in: db) {
                        results.append(.duplicate(stored))
                        continue
                    }
                    var chat: ChatConversation
                    if let known = working[message.chat] ?? state.chats[message.chat] {
                        chat = known
                    } else {
                        chat = try Self.loadChat(message.chat, from: db)
                    }
                    var quoted: ConversationThread?
                    if let quotedID = message.quoted?.id {
                        quoted = try Self.thread(ofMessage: quotedID, chat: message.chat, in: db)
                    }
                    let composed = entry.compose(&chat, quoted)
                    let text = JSONWriter.string(composed.context)
                    try Self.insert(message, context: text, thread: composed.decision.thread.id, receivedAt: receivedAt, into: db)
                    for thread in composed.decision.closed + [composed.decision.thread] {
                        try Self.save(thread, into: db)
                    }
                    try Self.save(chat, into: db)
                    working[message.chat] = chat
                    results.append(.stored(composed.context, text: text))
                }
                return results
            }
            if state.chats.count + working.count > Locked.maxCachedChats { state.chats.removeAll(keepingCapacity: true) }
            state.chats.merge(working) { $1 }
            return results
        }
    }

    private static func context(chat: String, id: String, in db: SQLiteConnection) throws(ParleyError) -> String? {
        try db.statement("SELECT context FROM messages WHERE chat = ?1 AND id = ?2")
            .bind([.text(chat), .text(id)]).firstRow { $0.text(0) } ?? nil
    }

    private static func insert(_ message: Message, context: String, thread: String, receivedAt: Int64, into db: SQLiteConnection) throws(ParleyError) {
        try db.statement("""
            INSERT INTO messages (chat, id, sender, timestamp, type, format, state, context, received_at, thread)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'processed', ?7, ?8, ?9)
            """)
            .bind([
                .text(message.chat), .text(message.id), .text(message.from), .int(message.timestamp),
                .text(message.type.rawValue), .text(message.format.rawValue), .text(context), .int(receivedAt), .text(thread),
            ]).run()
    }

    /// How many messages the journal holds.
    public func messageCount() throws(ParleyError) -> Int {
        try withConnection { db throws(ParleyError) in
            try db.statement("SELECT count(*) FROM messages").firstRow { Int($0.int(0)) } ?? 0
        }
    }
}
