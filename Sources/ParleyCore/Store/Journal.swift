/// The message journal: one row per (chat, id), moving through committed states.
///
///     received ──▶ processed ──▶ failed ⇄ (retried) ──▶ dead ──▶ resolved
///        ▲             │
///     pending          └─ or duplicate (the same content re-sent under a new id)
///
/// `received`: accepted by `submit`, not processed yet (recovered on open). `pending`: a
/// placeholder whose content has not arrived (a Baileys decryption stub); the real payload
/// completes it. Rows in either state carry {"status", "format", "message"} as their context;
/// every other state carries the enriched context.
extension Store {
    public enum MessageState: String, Sendable {
        case received, pending, processed, duplicate, failed, dead, resolved

        /// A row in this state still waits for its content or its processing: a message with
        /// its id completes it instead of being a duplicate.
        var awaitsCompletion: Bool { self == .received || self == .pending }
    }

    /// One message to journal. `compose` runs inside the store's transaction with the chat's
    /// threading state (and the thread of the message it quotes, if stored): it assigns the
    /// thread and returns the context to store. A pending placeholder has no `compose`.
    /// `fence`: on a shared PostgreSQL store, the token of the chat lease under which the
    /// asynchronous core processes it (ChatOwnership); the write is refused when another
    /// instance took the chat over since.
    struct JournalEntry {
        let message: Message
        /// The submit ticket of a message from the inbox: its row's `seq`.
        var ticket: Int64? = nil
        var fence: Int64? = nil
        let compose: ((inout ChatConversation, ConversationThread?) -> (context: JSONValue, decision: ThreadDecision))?
        /// `compose` run ahead on a snapshot of the chat (`precompose`).
        var precomposed: Precomposed? = nil
        /// The context `process` already returned (write-behind): stored as is even where the
        /// chat changed underneath and the thread is composed again.
        var recorded: String? = nil
        /// When the message was accepted, if not when its transaction runs (write-behind).
        var receivedAt: Int64? = nil
        /// `WriteBehind.mark` when `process`'s early look-up found the message nowhere.
        var absentAt: UInt64? = nil
    }

    /// A context composed and serialized outside the store's lock, valid while the chat is
    /// still at revision `basis`.
    struct Precomposed {
        let basis: UInt64
        /// The chat's state after this message (a fresh revision).
        let chat: ChatConversation
        let context: JSONValue
        let text: String
        let decision: ThreadDecision
        /// The stored JSON of `decision.closed + [decision.thread]`, in that order; nil leaves
        /// it to the transaction, which serializes a thread once however many of its messages
        /// the batch holds (the write-behind thread's batches).
        let summaries: [String]?
    }

    enum Journaled {
        /// The context as built and as stored (serialized once, handed to the host as is).
        case stored(JSONValue, text: String)
        /// Already journaled (by an earlier call, another thread, or the same content under
        /// another id): the context to hand out, marked duplicate.
        case duplicate(String)
        /// A placeholder seen again while still waiting for its content: its stored context.
        case stillPending(String)
        /// Not written: the chat's lease moved to another instance (the entry's `fence` is
        /// stale), which processes the message; the reason.
        case handedOver(String)
    }

    /// The stored context of a message journaled before, if it is complete (not received or
    /// pending).
    public func context(chat: String, id: String) throws(ParleyError) -> String? {
        if let postgres { return try postgres.context(chat: chat, id: id) }
        if let writeBehind {
            // Queued or in SQLite, without waiting for the queue (the early duplicate check of `process`).
            if let queued = writeBehind.pending(Inbox.Key(chat: chat, id: id)) { return queued.text }
            return try withReader { db throws(ParleyError) in
                guard let row = try Self.row(chat: chat, id: id, in: db), !row.state.awaitsCompletion else { return nil }
                return row.context
            }
        }
        return try withConnection { db throws(ParleyError) in
            guard let row = try Self.row(chat: chat, id: id, in: db), !row.state.awaitsCompletion else { return nil }
            return row.context
        }
    }

    /// Journals messages in one transaction (one commit, one WAL sync point): all are stored
    /// or, on failure, none, and the chat cache then keeps its committed state.
    func journal(_ entries: [JournalEntry], receivedAt: Int64) throws(ParleyError) -> [Journaled] {
        if let postgres {
            // No group commit: PostgreSQL takes concurrent writers (each on its own pooled
            // connection, chats serialized by their advisory locks), and one transaction at a
            // time would cap an instance at one commit's round trips.
            return try postgres.journal(entries, receivedAt: receivedAt)
        }
        // What was written behind for these chats goes first: the messages compose on it.
        try writeBehind?.settle(chats: Set(entries.map(\.message.chat)))
        let entries = precompose(entries)
        return try groupCommit.journal(entries) { (group) throws(ParleyError) in try journalNow(group, receivedAt: receivedAt) }
    }

    /// Composes and serializes each context ahead, outside the store's lock, on the cached
    /// state of its chat (each chat's entries in order, one on the state the previous one
    /// left): that work then runs in parallel across workers instead of inside the single
    /// writer's critical section. The transaction checks each chat is still at the revision
    /// composed on, and composes again where not (a duplicate, another caller's message of
    /// the chat in between). Not for a chat outside the cache, nor for a reply, whose
    /// thread comes from the quoted message's row.
    private func precompose(_ entries: [JournalEntry]) -> [JournalEntry] {
        var ahead: [String: ChatConversation] = [:]
        var skipped: Set<String> = []
        return entries.map { entry in
            let chatID = entry.message.chat
            guard let compose = entry.compose, !skipped.contains(chatID) else { return entry }
            guard entry.message.quoted?.id == nil, var chat = ahead[chatID] ?? chatStates.state(of: chatID) else {
                skipped.insert(chatID)
                return entry
            }
            let basis = chat.revision
            let composed = compose(&chat, nil)
            chat.revision = chatStates.newRevision()
            ahead[chatID] = chat
            var entry = entry
            entry.precomposed = Precomposed(
                basis: basis, chat: chat, context: composed.context, text: JSONWriter.string(composed.context),
                decision: composed.decision, summaries: (composed.decision.closed + [composed.decision.thread]).map { JSONWriter.string($0.storedJSON) })
            return entry
        }
    }

    func journalNow(_ entries: [JournalEntry], receivedAt: Int64) throws(ParleyError) -> [Journaled] {
        // Never waits for the write-behind queue: this is how that queue is written.
        try withConnection(settling: false) { db throws(ParleyError) in
            var working: [String: ChatConversation] = [:]
            let results = try db.transaction { () throws(ParleyError) -> [Journaled] in
                var results: [Journaled] = []
                results.reserveCapacity(entries.count)
                // Threads changed so far, each written once, in its last state: a batch often
                // holds several messages of one thread, and every write of its row moves its
                // two indexes. Written before anything reads threads back (a reply's lookup)
                // and at the end, with each chat's last state.
                var threadWrites: [String: (thread: ConversationThread, summary: String?)] = [:]
                func writeThreads() throws(ParleyError) {
                    for write in threadWrites.values { try Self.save(write.thread, summary: write.summary, into: db) }
                    threadWrites.removeAll(keepingCapacity: true)
                }
                for entry in entries {
                    let message = entry.message
                    let receivedAt = entry.receivedAt ?? receivedAt
                    let existing = try Self.row(chat: message.chat, id: message.id, in: db)
                    if let existing, existing.state == .pending && message.pending {
                        results.append(.stillPending(existing.context))
                        continue
                    }
                    if let existing, !existing.state.awaitsCompletion {
                        results.append(.duplicate(existing.context))
                        continue
                    }
                    guard let compose = entry.compose else {
                        // A placeholder: kept as pending until its content arrives.
                        let context = EnrichedContext.unprocessed(message, status: .pending)
                        let text = JSONWriter.string(context)
                        try insert(message, seq: entry.ticket ?? nextSeq(), state: .pending, context: text, thread: nil,
                                   contentHash: nil, priority: 1, receivedAt: receivedAt, into: db)
                        results.append(.stored(context, text: text))
                        continue
                    }
                    let contentHash = Self.contentHash(of: message)
                    if let contentHash, contentWindowSeconds > 0,
                       let original = try Self.sameContent(as: message, hash: contentHash, window: contentWindowSeconds, in: db) {
                        let text = try EnrichedContext.contentDuplicate(of: original.context, originalID: original.id, message: message)
                        try store(message, over: existing?.seq, seq: entry.ticket, state: .duplicate, context: text, thread: nil,
                                       contentHash: nil, receivedAt: receivedAt, into: db)
                        results.append(.duplicate(text))
                        continue
                    }
                    var chat: ChatConversation
                    if let known = working[message.chat] ?? chatStates.state(of: message.chat) {
                        chat = known
                    } else {
                        chat = try Self.loadChat(message.chat, from: db)
                        chat.revision = chatStates.newRevision()
                    }
                    let context: JSONValue, text: String, decision: ThreadDecision, summaries: [String]?
                    if let ready = entry.precomposed, ready.basis == chat.revision {
                        (chat, context, text, decision, summaries) = (ready.chat, ready.context, ready.text, ready.decision, ready.summaries)
                    } else {
                        var quoted: ConversationThread?
                        if let quotedID = message.quoted?.id {
                            try writeThreads()
                            quoted = try Self.thread(ofMessage: quotedID, chat: message.chat, in: db)
                        }
                        let composed = compose(&chat, quoted)
                        chat.revision = chatStates.newRevision()
                        (context, text, decision, summaries) = (composed.context, entry.recorded ?? JSONWriter.string(composed.context), composed.decision, nil)
                    }
                    try store(message, over: existing?.seq, seq: entry.ticket, state: .processed, context: text,
                                   thread: decision.thread.id, contentHash: contentHash, receivedAt: receivedAt, into: db)
                    for (index, thread) in (decision.closed + [decision.thread]).enumerated() {
                        threadWrites[thread.id] = (thread, summaries?[index])
                    }
                    working[message.chat] = chat
                    results.append(.stored(context, text: text))
                }
                try writeThreads()
                for chat in working.values { try Self.save(chat, into: db) }
                return results
            }
            chatStates.commit(working)
            return results
        }
    }

    /// What `receive` found: a new row (to be processed), or the row already journaled
    /// under the message's (chat, id).
    enum Receipt {
        case accepted(ticket: Int64)
        case existing(ticket: Int64, state: MessageState, context: String)
    }

    /// Accepts a message (not processed yet) so it survives a crash before its processing
    /// commits: on a file store it goes to the inbox (ticket: the `seq` its row will have),
    /// elsewhere it is journaled as a received row (ticket: that row's `seq`). A message
    /// already accepted answers with its ticket (and its stored context when processed). A
    /// pending placeholder's content keeps the placeholder's row and ticket.
    func receive(_ message: Message, priority: Int, receivedAt: Int64) throws(ParleyError) -> Receipt {
        // PostgreSQL takes a new message in one statement (one round trip), not a transaction.
        if let postgres { return try postgres.receive(message, priority: priority, receivedAt: receivedAt) }
        return try receive(batch: [(message, priority)], receivedAt: receivedAt)[0]
    }

    /// `receive` for several messages with one write: one append to the inbox, or one
    /// transaction (one commit). All are accepted or, on failure, none. A (chat, id) twice in
    /// the batch: the second gets the first's ticket.
    func receive(batch: [(message: Message, priority: Int)], receivedAt: Int64) throws(ParleyError) -> [Receipt] {
        guard !batch.isEmpty else { return [] }
        if let postgres { return try postgres.receive(batch: batch, receivedAt: receivedAt) }
        // A placeholder (no content yet) is a row of its own: it waits for its content, not for a worker.
        guard let inbox, !batch.contains(where: \.message.pending) else {
            return try withConnection { db throws(ParleyError) in
                try db.transaction { () throws(ParleyError) -> [Receipt] in
                    var receipts: [Receipt] = []
                    receipts.reserveCapacity(batch.count)
                    for entry in batch {
                        receipts.append(try receiveRow(entry.message, priority: entry.priority, receivedAt: receivedAt, in: db))
                    }
                    return receipts
                }
            }
        }
        var receipts: [Receipt?] = Array(repeating: nil, count: batch.count)
        var appending: [(position: Int, entry: Inbox.Entry)] = []
        // `process`'s queued messages answer from the queue (looked up before the reader is
        // taken: the write-behind lock is always taken first), and a submit must not wait for
        // (or fail with) their write; nor for the store's lock (hence the reader).
        if let writeBehind {
            for (position, item) in batch.enumerated() {
                if let queued = writeBehind.pending(Inbox.Key(chat: item.message.chat, id: item.message.id)) {
                    receipts[position] = .existing(ticket: queued.ticket, state: .processed, context: queued.text)
                }
            }
        }
        try withReader { db throws(ParleyError) in
            for (position, item) in batch.enumerated() where receipts[position] == nil {
                let message = item.message
                let key = Inbox.Key(chat: message.chat, id: message.id)
                if let ticket = inbox.ticket(of: key) {
                    receipts[position] = .existing(ticket: ticket, state: .received, context: "")
                    continue
                }
                var ticket: Int64?
                if let row = try Self.row(chat: message.chat, id: message.id, in: db) {
                    guard row.state == .pending else {
                        receipts[position] = .existing(ticket: row.seq, state: row.state, context: row.context)
                        continue
                    }
                    ticket = row.seq
                }
                appending.append((position, Inbox.Entry(ticket: ticket ?? nextSeq(), priority: item.priority,
                                                        receivedAt: receivedAt, message: message, awaitsHandBack: true)))
            }
        }
        let appended = try inbox.append(appending.map(\.entry))
        for ((position, entry), result) in zip(appending, appended) {
            switch result {
            case .appended: receipts[position] = .accepted(ticket: entry.ticket)
            case .inFlight(let ticket): receipts[position] = .existing(ticket: ticket, state: .received, context: "")
            }
        }
        return receipts.map { $0! }
    }

    /// The inbox entries found at open that still need processing: the first of each (chat,
    /// id) whose message the journal does not hold (or holds as a placeholder).
    /// Also those a submit accepted and a worker processed whose result was not handed back
    /// (no "handed" record): with the journal's context in `stored` when already written.
    static func unfinished(_ leftovers: [Inbox.Entry], handed: Set<Int64>,
                           in db: SQLiteConnection) throws(ParleyError) -> [(entry: Inbox.Entry, stored: String?)] {
        var seen: Set<Inbox.Key> = []
        var unfinished: [(entry: Inbox.Entry, stored: String?)] = []
        // A ticket's record with the context its worker answered supersedes its submitted one.
        for var entry in leftovers.sorted(by: { ($0.ticket, $0.context == nil ? 1 : 0) < ($1.ticket, $1.context == nil ? 1 : 0) }) {
            guard seen.insert(Inbox.Key(chat: entry.message.chat, id: entry.message.id)).inserted else { continue }
            if handed.contains(entry.ticket) { entry.awaitsHandBack = false }
            if let row = try row(chat: entry.message.chat, id: entry.message.id, in: db), row.state != .pending {
                // Journaled; its result still owed to the host when it was never handed back.
                if entry.awaitsHandBack && (row.state == .processed || row.state == .duplicate) {
                    // Journaled under another ticket (an earlier copy): the submit's answer was a duplicate.
                    let stored = row.seq == entry.ticket ? row.context
                        : ((try? EnrichedContext.duplicate(of: row.context)).map(JSONWriter.string) ?? row.context)
                    unfinished.append((entry, stored))
                }
                continue
            }
            unfinished.append((entry, nil))
        }
        return unfinished
    }

    private func receiveRow(_ message: Message, priority: Int, receivedAt: Int64,
                            in db: SQLiteConnection) throws(ParleyError) -> Receipt {
        let state: MessageState = message.pending ? .pending : .received
        let context = JSONWriter.string(EnrichedContext.unprocessed(message, status: state))
        if let existing = try Self.row(chat: message.chat, id: message.id, in: db) {
            guard existing.state == .pending && !message.pending else {
                return .existing(ticket: existing.seq, state: existing.state, context: existing.context)
            }
            try db.statement("UPDATE messages SET state = 'received', context = ?2, priority = ?3, received_at = ?4 WHERE seq = ?1")
                .bind([.int(existing.seq), .text(context), .int(Int64(priority)), .int(receivedAt)]).run()
            return .accepted(ticket: existing.seq)
        }
        let seq = try insert(message, seq: nextSeq(), state: state, context: context, thread: nil, contentHash: nil,
                             priority: priority, receivedAt: receivedAt, into: db)
        return message.pending ? .existing(ticket: seq, state: .pending, context: context) : .accepted(ticket: seq)
    }

    /// A message accepted but not processed (a crash came between), to be processed again.
    struct Unfinished: Sendable {
        let ticket: Int64
        let message: Message
        let priority: Int
        /// The context `process` returned for it (write-behind): journaled as is at open.
        var recorded: String? = nil
        /// A submitted message processed before the crash whose result the host was not
        /// handed: its context (`recorded`, or the journal's `stored`) is handed back again.
        var handBack = false
        var stored: String? = nil
    }

    /// Every received-but-unprocessed message, oldest first.
    func unfinished() throws(ParleyError) -> [Unfinished] {
        if let postgres { return try postgres.unfinished() }
        var rows: [(Int64, String, Int)] = []
        try withConnection { db throws(ParleyError) in
            // The index's own IN term lets SQLite use the partial index messages_unfinished
            // (it does not infer it from "state = 'received'", and scanned the whole journal at open).
            try db.statement("""
                SELECT seq, context, priority FROM messages
                WHERE state IN ('received', 'failed', 'dead') AND state = 'received' ORDER BY seq
                """)
                .forEachRow { row in rows.append((row.int(0), row.text(1) ?? "", Int(row.int(2)))) }
        }
        var unfinished: [Unfinished] = inboxRecovered.withLock { recovered in
            defer { recovered = [] }
            return recovered
        }
        for (seq, context, priority) in rows {
            unfinished.append(Unfinished(ticket: seq, message: try EnrichedContext.message(ofUnprocessed: context), priority: priority))
        }
        return unfinished.sorted { $0.ticket < $1.ticket }
    }

    struct Row {
        let seq: Int64
        let state: MessageState
        let context: String
    }

    static func row(chat: String, id: String, in db: SQLiteConnection) throws(ParleyError) -> Row? {
        let found = try db.statement("SELECT seq, state, context FROM messages WHERE chat = ?1 AND id = ?2")
            .bind([.text(chat), .text(id)]).firstRow { ($0.int(0), $0.text(1) ?? "", $0.text(2) ?? "") }
        guard let (seq, name, context) = found else { return nil }
        guard let state = MessageState(rawValue: name) else {
            throw ParleyError(.corrupt, "message \(id) has an unknown state \"\(name)\"")
        }
        return Row(seq: seq, state: state, context: context)
    }

    /// A message of the same chat and sender with the same content, stored within `window`
    /// seconds of this one's timestamp.
    static func sameContent(as message: Message, hash: Int64, window: Int64,
                                    in db: SQLiteConnection) throws(ParleyError) -> (id: String, context: String)? {
        try db.statement("""
            SELECT id, context FROM messages WHERE chat = ?1 AND content_hash = ?2 AND timestamp BETWEEN ?3 AND ?4
            ORDER BY seq LIMIT 1
            """)
            .bind([.text(message.chat), .int(hash), .int(message.timestamp - window), .int(message.timestamp + window)])
            .firstRow { ($0.text(0) ?? "", $0.text(1) ?? "") }
    }

    /// FNV-1a over the sender and the content (text, and the media's hash when known); nil
    /// for a message with neither, which never counts as a re-send.
    static func contentHash(of message: Message) -> Int64? {
        guard !message.text.isEmpty || message.media?.sha256 != nil else { return nil }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ part: String) {
            for byte in part.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
            hash ^= 0xff
            hash &*= 0x0000_0100_0000_01b3
        }
        mix(message.from)
        mix(message.type.rawValue)
        mix(message.text)
        mix(message.media?.sha256 ?? "")
        // The same words answering another message, or carrying other details, are a new
        // message: a "Yes" button tapped under two questions (another interactive id), a 👍 on
        // another message, a contact card with another number, a reply quoting another one.
        mix(message.quoted?.id ?? "")
        if !message.details.isEmpty { mix(JSONWriter.string(.object(message.details))) }
        return Int64(bitPattern: hash)
    }

    /// Inserts the message's row as `seq`, or, if another process's row took that number
    /// (several engines on one store file), as the next free one.
    @discardableResult
    func insert(_ message: Message, seq: Int64, state: MessageState, context: String, thread: String?, contentHash: Int64?,
                priority: Int, receivedAt: Int64, into db: SQLiteConnection) throws(ParleyError) -> Int64 {
        try db.statement("""
            INSERT INTO messages (seq, chat, id, sender, timestamp, type, format, state, context, received_at, thread, content_hash, priority)
            VALUES (CASE WHEN EXISTS (SELECT 1 FROM messages WHERE seq = ?13) THEN NULL ELSE ?13 END,
                    ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
            """)
            .bind([
                .text(message.chat), .text(message.id), .text(message.from), .int(message.timestamp),
                .text(message.type.rawValue), .text(message.format.rawValue), .text(state.rawValue), .text(context),
                .int(receivedAt), thread.map(SQLiteValue.text) ?? .null, contentHash.map(SQLiteValue.int) ?? .null,
                .int(Int64(priority)), .int(seq),
            ]).run()
        let stored = db.lastInsertRowID
        if stored != seq { noteSeq(stored) }
        return stored
    }

    /// Inserts the message's row (as `newSeq`, the inbox ticket, when given), or completes
    /// the received or pending row `seq`.
    private func store(_ message: Message, over seq: Int64?, seq newSeq: Int64?, state: MessageState, context: String, thread: String?,
                       contentHash: Int64?, receivedAt: Int64, into db: SQLiteConnection) throws(ParleyError) {
        guard let seq else {
            try insert(message, seq: newSeq ?? nextSeq(), state: state, context: context, thread: thread, contentHash: contentHash,
                       priority: 1, receivedAt: receivedAt, into: db)
            return
        }
        try db.statement("""
            UPDATE messages SET sender = ?2, timestamp = ?3, type = ?4, format = ?5, state = ?6, context = ?7, thread = ?8,
                content_hash = ?9 WHERE seq = ?1
            """)
            .bind([
                .int(seq), .text(message.from), .int(message.timestamp), .text(message.type.rawValue),
                .text(message.format.rawValue), .text(state.rawValue), .text(context), thread.map(SQLiteValue.text) ?? .null,
                contentHash.map(SQLiteValue.int) ?? .null,
            ]).run()
    }
}
