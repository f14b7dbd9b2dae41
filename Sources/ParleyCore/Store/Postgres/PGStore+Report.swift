/// The conversation report's SQL on PostgreSQL: ReportQueries.swift's queries for `PGStore`,
/// with the same results.
///
/// - Chats are ordered by their bytes (`COLLATE "C"`), as SQLite's BINARY collation does:
///   the database's own collation (en_US…) would order "Alpha" and "alpha" differently.
/// - A chat's messages are read by keyset pagination on (timestamp, seq), `reportPageSize`
///   rows a query, through `messages_by_chat` (chat, timestamp) in each month's partition:
///   a 100,000-message chat is never loaded at once, no connection or transaction is held
///   while the caller works on a page, and no cursor outlives a query (a pooled connection
///   may be taken by another caller between pages). Like SQLite's statement, rows are not
///   read in one snapshot: a message journaled meanwhile may or may not be seen.
extension PGStore {
    /// Rows of a chat read per query by `forEachReportMessage` (contexts are a few KB each).
    static let reportPageSize = 500

    /// The page query: a chat's messages after (timestamp, seq) = ($2, $3), oldest first.
    /// `timestamp >= $2` bounds the index range; the row comparison breaks ties by seq.
    static let reportMessagesSQL = """
        SELECT seq, id, sender, timestamp, received_at, type, state, thread, attempts, errors, context FROM messages
        WHERE chat = $1 AND state <> 'duplicate' AND timestamp >= $2 AND (timestamp, seq) > ($2, $3)
        ORDER BY timestamp, seq LIMIT $4
        """

    func reportChats(chat: String?) throws(ParleyError) -> [Store.ReportChatRow] {
        let columns = """
            SELECT chat, count(*) FILTER (WHERE state <> 'duplicate'), count(*) FILTER (WHERE state = 'duplicate'),
                   min(timestamp), max(timestamp) FROM messages
            """
        // Two statements rather than "$1 IS NULL OR chat = $1": a generic plan of the latter
        // could not use the chat index.
        let rows = try read { (db) throws(ParleyError) -> PGRows in
            if let chat {
                return try db.query(columns + " WHERE chat = $1 GROUP BY chat", [.text(chat)])
            }
            return try db.query(columns + " GROUP BY chat ORDER BY chat COLLATE \"C\"")
        }
        return rows.rows.map { row in
            Store.ReportChatRow(chat: row.text(0) ?? "", messages: Int(row.int(1) ?? 0), duplicates: Int(row.int(2) ?? 0),
                                first: row.int(3) ?? 0, last: row.int(4) ?? 0)
        }
    }

    /// Calls `body` with each message of `chat` (re-sent duplicates left out), oldest first by
    /// (timestamp, seq), a page at a time; `body` runs with no connection checked out.
    func forEachReportMessage(chat: String, pageSize: Int = PGStore.reportPageSize,
                              _ body: (Store.ReportMessageRow) -> Void) throws(ParleyError) {
        var after: (timestamp: Int64, seq: Int64) = (Int64.min, Int64.min)
        while true {
            let page = try read { (db) throws(ParleyError) -> PGRows in
                try db.query(Self.reportMessagesSQL, [.text(chat), .int(after.timestamp), .int(after.seq), .int(Int64(max(pageSize, 1)))])
            }
            for row in page.rows {
                let timestamp = row.int(3) ?? 0
                after = (timestamp, row.int(0) ?? 0)
                body(Store.ReportMessageRow(id: row.text(1) ?? "", sender: row.text(2) ?? "", timestamp: timestamp,
                                            receivedAt: row.int(4) ?? 0, type: row.text(5) ?? "", state: row.text(6) ?? "",
                                            thread: row.text(7), attempts: Int(row.int(8) ?? 0), errors: row.text(9),
                                            context: row.text(10) ?? "{}"))
            }
            if page.count < max(pageSize, 1) { return }
        }
    }

    func reportThreads(chat: String) throws(ParleyError) -> [ConversationThread] {
        let rows = try read { (db) throws(ParleyError) -> PGRows in
            try db.query("SELECT summary FROM threads WHERE chat = $1 ORDER BY last_activity, id COLLATE \"C\"", [.text(chat)])
        }
        var threads: [ConversationThread] = []
        threads.reserveCapacity(rows.count)
        for row in rows.rows {
            guard let summary = row.text(0) else { continue }
            let value: JSONValue
            do { value = try JSONParser.parse(summary) } catch { throw ParleyError(.corrupt, "a stored thread is not valid JSON: \(error)") }
            threads.append(try ConversationThread(json: value))
        }
        return threads.sorted { ($0.openedAt, $0.id) < ($1.openedAt, $1.id) }
    }

    func reportMedia(chat: String, limit: Int) throws(ParleyError) -> [Store.ReportMediaRow] {
        let rows = try read { (db) throws(ParleyError) -> PGRows in
            try db.query("""
                SELECT r.message_id, r.sender, r.timestamp, r.type, r.caption, i.sha256, i.kind, i.mimetype, i.size, i.path,
                       i.status, i.text
                FROM media_refs r JOIN media_items i ON i.id = r.item
                WHERE r.chat = $1 ORDER BY r.timestamp, r.message_id COLLATE "C" LIMIT $2
                """, [.text(chat), .int(Int64(max(limit, 0)))])
        }
        return rows.rows.map { row in
            Store.ReportMediaRow(messageID: row.text(0) ?? "", sender: row.text(1) ?? "", timestamp: row.int(2) ?? 0,
                                 type: row.text(3) ?? "", caption: row.text(4) ?? "", sha256: row.text(5) ?? "",
                                 kind: row.text(6) ?? "", mimetype: row.text(7), size: row.int(8) ?? 0, path: row.text(9),
                                 status: row.text(10) ?? "", text: row.text(11) ?? "")
        }
    }
}
