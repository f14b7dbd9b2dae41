/// The SQL behind the conversation report (Report/): what it reads of a chat, streamed row by
/// row so a report of one chat never loads the rest of the journal, and a chat's messages are
/// read one row at a time (the caller keeps what it needs of each). On PostgreSQL each
/// dispatches to `PGStore` (PGStore+Report.swift: the same results, a chat read a page at a time).
extension Store {
    /// A chat of the journal: how many messages it holds (a re-send of the same content under
    /// a new id, kept as a "duplicate" row, counted apart) and their time span (Unix seconds).
    struct ReportChatRow: Sendable {
        let chat: String
        let messages: Int
        let duplicates: Int
        let first: Int64
        let last: Int64
    }

    /// One journal row as the report reads it. `context` is the stored JSON text (an enriched
    /// context, or {"status", "format", "message"} for a row not processed yet).
    struct ReportMessageRow {
        let id: String
        let sender: String
        let timestamp: Int64
        /// When the engine journaled it (Unix milliseconds).
        let receivedAt: Int64
        let type: String
        let state: String
        let thread: String?
        let attempts: Int
        let errors: String?
        let context: String
    }

    /// One media file a chat's message carried, with what its reader found.
    struct ReportMediaRow: Sendable {
        let messageID: String
        let sender: String
        let timestamp: Int64
        let type: String
        let caption: String
        let sha256: String
        let kind: String
        let mimetype: String?
        let size: Int64
        let path: String?
        let status: String
        let text: String
    }

    /// The journal's chats (or only `chat`), by chat id, with their message counts.
    func reportChats(chat: String?) throws(ParleyError) -> [ReportChatRow] {
        if let postgres { return try postgres.reportChats(chat: chat) }
        return try withConnection { db throws(ParleyError) in
            var rows: [ReportChatRow] = []
            // With a chat: the (chat, id) unique index finds its rows; without: one pass.
            try db.statement("""
                SELECT chat, sum(state != 'duplicate'), sum(state = 'duplicate'), min(timestamp), max(timestamp) FROM messages
                WHERE (?1 IS NULL OR chat = ?1) GROUP BY chat ORDER BY chat
                """)
                .bind([chat.map(SQLiteValue.text) ?? .null]).forEachRow { row in
                    rows.append(ReportChatRow(chat: row.text(0) ?? "", messages: Int(row.int(1)), duplicates: Int(row.int(2)),
                                              first: row.int(3), last: row.int(4)))
                }
            return rows
        }
    }

    /// Calls `body` with each message of `chat`, oldest first (by timestamp, then arrival),
    /// re-sent duplicates left out (their findings are their original's).
    /// Runs under the store's lock: `body` must not call the store.
    func forEachReportMessage(chat: String, _ body: (ReportMessageRow) -> Void) throws(ParleyError) {
        if let postgres { return try postgres.forEachReportMessage(chat: chat, body) }
        try withConnection { db throws(ParleyError) in
            try db.statement("""
                SELECT id, sender, timestamp, received_at, type, state, thread, attempts, errors, context FROM messages
                WHERE chat = ?1 AND state != 'duplicate' ORDER BY timestamp, seq
                """)
                .bind([.text(chat)]).forEachRow { row in
                    body(ReportMessageRow(id: row.text(0) ?? "", sender: row.text(1) ?? "", timestamp: row.int(2), receivedAt: row.int(3),
                                          type: row.text(4) ?? "", state: row.text(5) ?? "", thread: row.text(6),
                                          attempts: Int(row.int(7)), errors: row.text(8), context: row.text(9) ?? "{}"))
                }
        }
    }

    /// A chat's threads, oldest opened first.
    func reportThreads(chat: String) throws(ParleyError) -> [ConversationThread] {
        if let postgres { return try postgres.reportThreads(chat: chat) }
        let summaries = try withConnection { db throws(ParleyError) -> [String] in
            var summaries: [String] = []
            try db.statement("SELECT summary FROM threads WHERE chat = ?1 ORDER BY last_activity, id")
                .bind([.text(chat)]).forEachRow { row in
                    if let text = row.text(0) { summaries.append(text) }
                }
            return summaries
        }
        var threads: [ConversationThread] = []
        threads.reserveCapacity(summaries.count)
        for summary in summaries {
            let value: JSONValue
            do { value = try JSONParser.parse(summary) } catch { throw ParleyError(.corrupt, "a stored thread is not valid JSON: \(error)") }
            threads.append(try ConversationThread(json: value))
        }
        return threads.sorted { ($0.openedAt, $0.id) < ($1.openedAt, $1.id) }
    }

    /// The media of a chat's messages, oldest first, at most `limit`.
    func reportMedia(chat: String, limit: Int) throws(ParleyError) -> [ReportMediaRow] {
        if let postgres { return try postgres.reportMedia(chat: chat, limit: limit) }
        return try withConnection { db throws(ParleyError) in
            var rows: [ReportMediaRow] = []
            try db.statement("""
                SELECT r.message_id, r.sender, r.timestamp, r.type, r.caption, i.sha256, i.kind, i.mimetype, i.size, i.path,
                       i.status, i.text
                FROM media_refs r JOIN media_items i ON i.id = r.item
                WHERE r.chat = ?1 ORDER BY r.timestamp, r.message_id LIMIT ?2
                """)
                .bind([.text(chat), .int(Int64(limit))]).forEachRow { row in
                    rows.append(ReportMediaRow(messageID: row.text(0) ?? "", sender: row.text(1) ?? "", timestamp: row.int(2),
                                               type: row.text(3) ?? "", caption: row.text(4) ?? "", sha256: row.text(5) ?? "",
                                               kind: row.text(6) ?? "", mimetype: row.text(7), size: row.int(8), path: row.text(9),
                                               status: row.text(10) ?? "", text: row.text(11) ?? ""))
                }
            return rows
        }
    }
}
