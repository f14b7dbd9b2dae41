#if canImport(Glibc)
import Glibc
#endif

/// `{"store": {"postgres": "postgresql://…", "poolSize": n, "owner": "instance-name"}}`.
public struct PostgresStoreSettings: Sendable, Equatable {
    /// A libpq URL or keyword string (`postgresql://user:pass@host:5432/db?sslmode=verify-full`).
    public var url: String
    /// Connections this instance opens at most (on demand).
    public var poolSize = 8
    /// This instance's name among those sharing the database (chat leases, `application_name`);
    /// nil: "host-pid".
    public var owner: String?
    /// How long a chat stays this instance's without renewal: the takeover time after an
    /// instance dies (ChatOwnership).
    public var leaseMillis: Int64 = 5_000
    /// How often the instance renews its leases and looks for work of its chats accepted by
    /// other instances and for orphaned chats.
    public var pumpMillis: Int64 = 200

    public init(url: String, poolSize: Int = 8, owner: String? = nil) {
        self.url = url
        self.poolSize = poolSize
        self.owner = owner
    }

    /// "host-pid": unique among live processes of a fleet.
    static func defaultOwner() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        let host = gethostname(&buffer, buffer.count - 1) == 0
            ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "host"
        return "\(host)-\(getpid())"
    }
}

/// The PostgreSQL side of `Store` (the façade dispatches here): the journal, threads and
/// chats, idempotency claims and dead letters, over a `PGPool`, on the schema of
/// `PGMigrations`. Everything else of `Store` is refused there with PARLEY_UNSUPPORTED.
///
/// Differences from the SQLite side, for several instances over one database:
/// - (chat, id) is unique through `message_keys`: a row is inserted there first with
///   ON CONFLICT DO NOTHING, so of two instances journaling one message one inserts and the
///   other finds the first's row (a duplicate) — never two rows, never an error.
/// - A journal transaction takes a transaction-scoped advisory lock per chat (sorted, so two
///   transactions never deadlock on them): two instances processing one chat at the same
///   moment serialize on its threading state instead of overwriting each other's. The chat's
///   state is read in that transaction each time (no cache: another instance may have moved
///   it); chat leases (ChatLeases.swift) will let an owner cache it.
/// - Due dead letters are claimed with FOR UPDATE SKIP LOCKED and their next attempt pushed
///   `retryLeaseMillis` ahead, so two instances running due retries split them.
final class PGStore: Sendable {
    let pool: PGPool
    let owner: String
    let contentWindowSeconds: Int64
    /// How far a claimed due dead letter's next attempt moves ahead (the claim's lease: it is
    /// due again then if its claimer died before completing it). Host time (milliseconds).
    static let retryLeaseMillis: Int64 = 60_000
    /// Class of the advisory locks on chats ('PRLZ'; migrations use 'PRLY').
    static let chatLockClass: Int32 = 0x5052_4C5A

    init(settings: PostgresStoreSettings, contentWindowSeconds: Int64, checkoutTimeoutMillis: Int) throws(ParleyError) {
        let owner = settings.owner ?? PostgresStoreSettings.defaultOwner()
        self.owner = owner
        self.contentWindowSeconds = contentWindowSeconds
        var options = PGConnection.Options(url: settings.url)
        options.applicationName = "parley \(owner)"
        pool = try PGPool(options, size: settings.poolSize, checkoutTimeoutMillis: checkoutTimeoutMillis)
        do {
            try pool.withConnection { (db) throws(ParleyError) in
                try PGMigrations.apply(to: db, nowSeconds: Int64(time(nil)))
            }
        } catch {
            pool.close()
            throw error
        }
    }

    func close() { pool.close() }

    func messageCount() throws(ParleyError) -> Int {
        try pool.withConnection { (db) throws(ParleyError) in
            Int(try db.query("SELECT count(*) FROM messages").first?.int(0) ?? 0)
        }
    }

    /// Runs `body` in a transaction on a pooled connection (re-run on conflicts: `body`
    /// must have no effect outside the database).
    func transaction<T>(_ body: (PGConnection) throws(ParleyError) -> T) throws(ParleyError) -> T {
        try pool.withConnection { (db) throws(ParleyError) in try db.transaction(.readCommitted, body) }
    }

    func read<T>(_ body: (PGConnection) throws(ParleyError) -> T) throws(ParleyError) -> T {
        try pool.withConnection(body)
    }

    // MARK: Journal

    static func row(chat: String, id: String, in db: PGConnection, forUpdate: Bool = false) throws(ParleyError) -> Store.Row? {
        let rows = try db.query("""
            SELECT m.seq, m.state, m.context FROM message_keys k JOIN messages m ON m.seq = k.seq AND m.timestamp = k.timestamp
            WHERE k.chat = $1 AND k.id = $2\(forUpdate ? " FOR UPDATE OF m" : "")
            """, [.text(chat), .text(id)])
        guard let row = rows.first, let seq = row.int(0) else { return nil }
        let name = row.text(1) ?? ""
        guard let state = Store.MessageState(rawValue: name) else {
            throw ParleyError(.corrupt, "message \(id) has an unknown state \"\(name)\"")
        }
        return Store.Row(seq: seq, state: state, context: row.text(2) ?? "")
    }

    func context(chat: String, id: String) throws(ParleyError) -> String? {
        try read { (db) throws(ParleyError) in
            guard let row = try Self.row(chat: chat, id: id, in: db), !row.state.awaitsCompletion else { return nil }
            return row.context
        }
    }

    /// Inserts the message's key and row; nil when its (chat, id) is taken (another
    /// transaction, maybe another instance, journaled it first: waits for it to finish).
    static func insert(_ message: Message, state: Store.MessageState, context: String, thread: String?, contentHash: Int64?,
                       priority: Int, receivedAt: Int64, into db: PGConnection) throws(ParleyError) -> Int64? {
        let rows = try db.query("""
            WITH k AS (
                INSERT INTO message_keys (chat, id, seq, timestamp) VALUES ($1, $2, nextval('messages_seq'), $4::BIGINT)
                ON CONFLICT DO NOTHING RETURNING seq)
            INSERT INTO messages (seq, chat, id, sender, timestamp, type, format, state, context, received_at, thread, content_hash, priority)
            SELECT k.seq, $1::TEXT, $2::TEXT, $3::TEXT, $4::BIGINT, $5::TEXT, $6::TEXT, $7::TEXT, $8::TEXT, $9::BIGINT, $10::TEXT,
                   $11::BIGINT, $12::INTEGER FROM k
            RETURNING seq
            """, [
                .text(message.chat), .text(message.id), .text(message.from), .int(message.timestamp),
                .text(message.type.rawValue), .text(message.format.rawValue), .text(state.rawValue), .text(context),
                .int(receivedAt), thread.map(PGValue.text) ?? .null, contentHash.map(PGValue.int) ?? .null,
                .int(Int64(priority)),
            ])
        return rows.first?.int(0)
    }

    /// Completes the received or pending row `seq` (its timestamp may move it to another
    /// month's partition; its key follows).
    static func update(_ seq: Int64, with message: Message, state: Store.MessageState, context: String, thread: String?,
                       contentHash: Int64?, in db: PGConnection) throws(ParleyError) {
        try db.query("""
            WITH k AS (UPDATE message_keys SET timestamp = $3::BIGINT WHERE seq = $1 AND timestamp <> $3::BIGINT)
            UPDATE messages SET sender = $2, timestamp = $3, type = $4, format = $5, state = $6, context = $7, thread = $8,
                content_hash = $9 WHERE seq = $1
            """, [
                .int(seq), .text(message.from), .int(message.timestamp), .text(message.type.rawValue),
                .text(message.format.rawValue), .text(state.rawValue), .text(context), thread.map(PGValue.text) ?? .null,
                contentHash.map(PGValue.int) ?? .null,
            ])
    }

    private static func sameContent(as message: Message, hash: Int64, window: Int64,
                                    in db: PGConnection) throws(ParleyError) -> (id: String, context: String)? {
        let rows = try db.query("""
            SELECT id, context FROM messages WHERE chat = $1 AND content_hash = $2 AND timestamp BETWEEN $3 AND $4
            ORDER BY seq LIMIT 1
            """, [.text(message.chat), .int(hash), .int(message.timestamp - window), .int(message.timestamp + window)])
        guard let row = rows.first else { return nil }
        return (row.text(0) ?? "", row.text(1) ?? "")
    }

    /// `Store.journal` on PostgreSQL: the same decisions as the SQLite side, in one
    /// transaction holding the advisory locks of the batch's chats.
    func journal(_ entries: [Store.JournalEntry], receivedAt: Int64) throws(ParleyError) -> [Store.Journaled] {
        try transaction { (db) throws(ParleyError) -> [Store.Journaled] in
            var chats: [String] = []
            var seen = Set<String>()
            for entry in entries where entry.compose != nil && seen.insert(entry.message.chat).inserted { chats.append(entry.message.chat) }
            for chat in chats.sorted() {
                try db.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [.int(Int64(Self.chatLockClass)), .text(chat)])
            }
            let stale = try Self.staleFences(entries, in: db)
            var working: [String: ChatConversation] = [:]
            var results: [Store.Journaled] = []
            results.reserveCapacity(entries.count)
            for entry in entries {
                if let reason = stale[entry.message.chat] {
                    results.append(.handedOver(reason))
                    continue
                }
                results.append(try journalOne(entry, receivedAt: receivedAt, working: &working, in: db))
            }
            return results
        }
    }

    /// The fenced chats of `entries` whose lease token moved on (or that have no lease any
    /// more), with the reason. Their lease rows stay locked until the transaction ends, so a
    /// takeover waits for this write instead of racing it. Called holding the chats' advisory
    /// locks (taken in sorted order), so two writers never deadlock on lease rows.
    private static func staleFences(_ entries: [Store.JournalEntry], in db: PGConnection) throws(ParleyError) -> [String: String] {
        var fences: [String: Int64] = [:]
        for entry in entries {
            if let token = entry.fence { fences[entry.message.chat] = token }
        }
        guard !fences.isEmpty else { return [:] }
        let chats = fences.keys.sorted()
        let rows = try db.query("SELECT chat, token, owner FROM chat_leases WHERE chat = ANY($1::TEXT[]) ORDER BY chat FOR UPDATE",
                                [array(chats)])
        var current: [String: (token: Int64, owner: String)] = [:]
        for row in rows.rows {
            if let chat = row.text(0), let token = row.int(1) { current[chat] = (token, row.text(2) ?? "?") }
        }
        var stale: [String: String] = [:]
        for (chat, token) in fences {
            guard let lease = current[chat] else {
                stale[chat] = "this instance no longer holds chat \(chat) (its lease is gone); another instance processes it"
                continue
            }
            if lease.token != token {
                stale[chat] = "chat \(chat) was taken over by instance \(lease.owner) (lease \(lease.token), this instance's \(token)); it processes the message"
            }
        }
        return stale
    }

    private func journalOne(_ entry: Store.JournalEntry, receivedAt: Int64, working: inout [String: ChatConversation],
                            in db: PGConnection) throws(ParleyError) -> Store.Journaled {
        let message = entry.message
        // Twice at most: a key taken between the lookup and the insert (another instance)
        // is looked up again.
        for _ in 0..<2 {
            let existing = try Self.row(chat: message.chat, id: message.id, in: db, forUpdate: true)
            if let existing, existing.state == .pending && message.pending { return .stillPending(existing.context) }
            if let existing, !existing.state.awaitsCompletion { return .duplicate(existing.context) }
            guard let compose = entry.compose else {
                let context = EnrichedContext.unprocessed(message, status: .pending)
                let text = JSONWriter.string(context)
                guard try Self.insert(message, state: .pending, context: text, thread: nil, contentHash: nil,
                                      priority: 1, receivedAt: receivedAt, into: db) != nil else { continue }
                return .stored(context, text: text)
            }
            let contentHash = Store.contentHash(of: message)
            if let contentHash, contentWindowSeconds > 0,
               let original = try Self.sameContent(as: message, hash: contentHash, window: contentWindowSeconds, in: db) {
                let text = try EnrichedContext.contentDuplicate(of: original.context, originalID: original.id, message: message)
                if let seq = existing?.seq {
                    try Self.update(seq, with: message, state: .duplicate, context: text, thread: nil, contentHash: nil, in: db)
                } else if try Self.insert(message, state: .duplicate, context: text, thread: nil, contentHash: nil,
                                          priority: 1, receivedAt: receivedAt, into: db) == nil {
                    continue
                }
                return .duplicate(text)
            }
            var chat: ChatConversation
            if let known = working[message.chat] {
                chat = known
            } else {
                chat = try Self.loadChat(message.chat, from: db)
            }
            var quoted: ConversationThread?
            if let quotedID = message.quoted?.id {
                quoted = try Self.thread(ofMessage: quotedID, chat: message.chat, in: db)
            }
            let composed = compose(&chat, quoted)
            let text = JSONWriter.string(composed.context)
            if let seq = existing?.seq {
                try Self.update(seq, with: message, state: .processed, context: text, thread: composed.decision.thread.id,
                                contentHash: contentHash, in: db)
            } else if try Self.insert(message, state: .processed, context: text, thread: composed.decision.thread.id,
                                      contentHash: contentHash, priority: 1, receivedAt: receivedAt, into: db) == nil {
                continue
            }
            for thread in composed.decision.closed + [composed.decision.thread] {
                try Self.save(thread, into: db)
            }
            try Self.save(chat, into: db)
            working[message.chat] = chat
            return .stored(composed.context, text: text)
        }
        throw ParleyError(.busy, "message \(message.id) of chat \(message.chat) kept being journaled by another instance at the same moment; retry")
    }

    func receive(_ message: Message, priority: Int, receivedAt: Int64) throws(ParleyError) -> Store.Receipt {
        // A new message (the common case) is one statement, atomic on its own: one round trip
        // instead of a transaction's four. A (chat, id) already taken goes the long way.
        let state: Store.MessageState = message.pending ? .pending : .received
        let context = JSONWriter.string(EnrichedContext.unprocessed(message, status: state))
        let inserted = try read { (db) throws(ParleyError) in
            try Self.insert(message, state: state, context: context, thread: nil, contentHash: nil,
                            priority: priority, receivedAt: receivedAt, into: db)
        }
        if let seq = inserted {
            return message.pending ? .existing(ticket: seq, state: .pending, context: context) : .accepted(ticket: seq)
        }
        return try transaction { (db) throws(ParleyError) in
            try Self.receiveRow(message, priority: priority, receivedAt: receivedAt, in: db)
        }
    }

    func receive(batch: [(message: Message, priority: Int)], receivedAt: Int64) throws(ParleyError) -> [Store.Receipt] {
        guard !batch.isEmpty else { return [] }
        return try transaction { (db) throws(ParleyError) -> [Store.Receipt] in
            var receipts: [Store.Receipt] = []
            receipts.reserveCapacity(batch.count)
            for entry in batch {
                receipts.append(try Self.receiveRow(entry.message, priority: entry.priority, receivedAt: receivedAt, in: db))
            }
            return receipts
        }
    }

    private static func receiveRow(_ message: Message, priority: Int, receivedAt: Int64,
                                   in db: PGConnection) throws(ParleyError) -> Store.Receipt {
        let state: Store.MessageState = message.pending ? .pending : .received
        let context = JSONWriter.string(EnrichedContext.unprocessed(message, status: state))
        for _ in 0..<2 {
            if let existing = try row(chat: message.chat, id: message.id, in: db, forUpdate: true) {
                guard existing.state == .pending && !message.pending else {
                    return .existing(ticket: existing.seq, state: existing.state, context: existing.context)
                }
                try db.query("UPDATE messages SET state = 'received', context = $2, priority = $3, received_at = $4 WHERE seq = $1",
                             [.int(existing.seq), .text(context), .int(Int64(priority)), .int(receivedAt)])
                return .accepted(ticket: existing.seq)
            }
            guard let seq = try insert(message, state: state, context: context, thread: nil, contentHash: nil,
                                       priority: priority, receivedAt: receivedAt, into: db) else { continue }
            return message.pending ? .existing(ticket: seq, state: .pending, context: context) : .accepted(ticket: seq)
        }
        throw ParleyError(.busy, "message \(message.id) of chat \(message.chat) kept being received by another instance at the same moment; retry")
    }

    func unfinished() throws(ParleyError) -> [Store.Unfinished] {
        let rows = try read { (db) throws(ParleyError) in
            try db.query("SELECT seq, context, priority FROM messages WHERE state = 'received' ORDER BY seq").rows
        }
        var unfinished: [Store.Unfinished] = []
        unfinished.reserveCapacity(rows.count)
        for row in rows {
            unfinished.append(Store.Unfinished(ticket: row.int(0) ?? 0, message: try EnrichedContext.message(ofUnprocessed: row.text(1) ?? ""),
                                               priority: Int(row.int(2) ?? 1)))
        }
        return unfinished
    }

    // MARK: Threads and chats

    static func loadChat(_ chat: String, from db: PGConnection) throws(ParleyError) -> ChatConversation {
        var conversation = ChatConversation(chat: chat)
        let rows = try db.query("""
            SELECT thread_count, current_thread, sentiment_average, sentiment_count, last_timestamp, last_sequence
            FROM chats WHERE chat = $1
            """, [.text(chat)])
        if let row = rows.first {
            conversation.threadCount = Int(row.int(0) ?? 0)
            conversation.currentThreadID = row.text(1)
            conversation.sentimentAverage = row.double(2)
            conversation.sentimentCount = Int(row.int(3) ?? 0)
            conversation.lastTimestamp = row.int(4)
            conversation.lastSequence = row.int(5)
        }
        // Its open threads and its newest closed ones, in one statement.
        conversation.place(try threads(sql: """
            SELECT summary FROM threads WHERE chat = $1 AND state = 'open'
            UNION ALL
            (SELECT summary FROM threads WHERE chat = $1 AND state = 'closed' ORDER BY last_activity DESC, id DESC LIMIT $2)
            """, [.text(chat), .int(Int64(ThreadTracker.recentLimit))], in: db))
        return conversation
    }

    static func save(_ chat: ChatConversation, into db: PGConnection) throws(ParleyError) {
        try db.query("""
            INSERT INTO chats (chat, thread_count, current_thread, sentiment_average, sentiment_count, last_timestamp, last_sequence)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (chat) DO UPDATE SET thread_count = $2, current_thread = $3, sentiment_average = $4, sentiment_count = $5,
                last_timestamp = $6, last_sequence = $7
            """, [.text(chat.chat), .int(Int64(chat.threadCount)), chat.currentThreadID.map(PGValue.text) ?? .null,
                  chat.sentimentAverage.map(PGValue.double) ?? .null, .int(Int64(chat.sentimentCount)),
                  chat.lastTimestamp.map(PGValue.int) ?? .null, chat.lastSequence.map(PGValue.int) ?? .null])
    }

    static func save(_ thread: ConversationThread, into db: PGConnection) throws(ParleyError) {
        try db.query("""
            INSERT INTO threads (id, chat, state, last_activity, summary) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (id) DO UPDATE SET state = $3, last_activity = $4, summary = $5
            """, [.text(thread.id), .text(thread.chat), .text(thread.state.rawValue), .int(thread.lastActivity),
                  .text(JSONWriter.string(thread.storedJSON))])
    }

    static func thread(ofMessage id: String, chat: String, in db: PGConnection) throws(ParleyError) -> ConversationThread? {
        try threads(sql: """
            SELECT t.summary FROM message_keys k JOIN messages m ON m.seq = k.seq AND m.timestamp = k.timestamp
            JOIN threads t ON t.id = m.thread WHERE k.chat = $1 AND k.id = $2
            """, [.text(chat), .text(id)], in: db).first
    }

    private static func threads(sql: String, _ values: [PGValue], in db: PGConnection) throws(ParleyError) -> [ConversationThread] {
        let rows = try db.query(sql, values)
        var threads: [ConversationThread] = []
        for row in rows.rows {
            guard let summary = row.text(0) else { continue }
            let value: JSONValue
            do { value = try JSONParser.parse(summary) } catch { throw ParleyError(.corrupt, "a stored thread is not valid JSON: \(error)") }
            threads.append(try ConversationThread(json: value))
        }
        return threads
    }

    func threads(chat: String?, state: ConversationThread.State?, limit: Int) throws(ParleyError) -> [ConversationThread] {
        try read { (db) throws(ParleyError) in
            try Self.threads(sql: """
                SELECT summary FROM threads WHERE ($1::TEXT IS NULL OR chat = $1) AND ($2::TEXT IS NULL OR state = $2)
                ORDER BY last_activity DESC, id LIMIT $3
                """, [chat.map(PGValue.text) ?? .null, state.map { .text($0.rawValue) } ?? .null, .int(Int64(limit))], in: db)
        }
    }

    func thread(id: String) throws(ParleyError) -> ConversationThread? {
        try read { (db) throws(ParleyError) in
            try Self.threads(sql: "SELECT summary FROM threads WHERE id = $1", [.text(id)], in: db).first
        }
    }

    func contexts(inThread id: String, offset: Int, limit: Int) throws(ParleyError) -> [String] {
        try read { (db) throws(ParleyError) in
            try db.query("SELECT context FROM messages WHERE thread = $1 ORDER BY timestamp, received_at, seq LIMIT $2 OFFSET $3",
                         [.text(id), .int(Int64(limit)), .int(Int64(offset))]).rows.compactMap { $0.text(0) }
        }
    }
}
