/// The SQL of conversation threads and per-chat state (tables `threads` and `chats`).
extension Store {
    static func loadChat(_ chat: String, from db: SQLiteConnection) throws(ParleyError) -> ChatConversation {
        var conversation = ChatConversation(chat: chat)
        let row = try db.statement("""
            SELECT thread_count, current_thread, sentiment_average, sentiment_count, last_timestamp, last_sequence
            FROM chats WHERE chat = ?1
            """)
            .bind([.text(chat)]).firstRow { row in
                (row.int(0), row.text(1), row.isNull(2) ? nil : row.double(2), row.int(3),
                 row.isNull(4) ? nil : row.int(4), row.isNull(5) ? nil : row.int(5))
            }
        if let (count, current, average, sentimentCount, lastTimestamp, lastSequence) = row {
            conversation.threadCount = Int(count)
            conversation.currentThreadID = current
            conversation.sentimentAverage = average
            conversation.sentimentCount = Int(sentimentCount)
            conversation.lastTimestamp = lastTimestamp
            conversation.lastSequence = lastSequence
        }
        // Its open threads and its newest closed ones, in one statement (the index on chat,
        // state, last activity walks the closed ones newest first and stops after the few).
        conversation.place(try threads(sql: """
            SELECT summary FROM threads WHERE chat = ?1 AND state = 'open'
            UNION ALL
            SELECT summary FROM (SELECT summary FROM threads WHERE chat = ?1 AND state = 'closed'
                                 ORDER BY last_activity DESC, rowid DESC LIMIT ?2)
            """, [.text(chat), .int(Int64(ThreadTracker.recentLimit))], in: db))
        return conversation
    }

    static func save(_ chat: ChatConversation, into db: SQLiteConnection) throws(ParleyError) {
        try db.statement("""
            INSERT INTO chats (chat, thread_count, current_thread, sentiment_average, sentiment_count, last_timestamp, last_sequence)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            ON CONFLICT (chat) DO UPDATE SET thread_count = ?2, current_thread = ?3, sentiment_average = ?4, sentiment_count = ?5,
                last_timestamp = ?6, last_sequence = ?7
            """)
            .bind([.text(chat.chat), .int(Int64(chat.threadCount)), chat.currentThreadID.map(SQLiteValue.text) ?? .null,
                   chat.sentimentAverage.map(SQLiteValue.double) ?? .null, .int(Int64(chat.sentimentCount)),
                   chat.lastTimestamp.map(SQLiteValue.int) ?? .null, chat.lastSequence.map(SQLiteValue.int) ?? .null])
            .run()
    }

    /// `summary`: the thread's stored JSON when already serialized (outside the store's lock).
    static func save(_ thread: ConversationThread, summary: String? = nil, into db: SQLiteConnection) throws(ParleyError) {
        try db.statement("""
            INSERT INTO threads (id, chat, state, last_activity, summary) VALUES (?1, ?2, ?3, ?4, ?5)
            ON CONFLICT (id) DO UPDATE SET state = ?3, last_activity = ?4, summary = ?5
            """)
            .bind([.text(thread.id), .text(thread.chat), .text(thread.state.rawValue), .int(thread.lastActivity),
                   .text(summary ?? JSONWriter.string(thread.storedJSON))])
            .run()
    }

    static func thread(ofMessage id: String, chat: String, in db: SQLiteConnection) throws(ParleyError) -> ConversationThread? {
        try threads(sql: """
            SELECT t.summary FROM messages m JOIN threads t ON t.id = m.thread WHERE m.chat = ?1 AND m.id = ?2
            """, [.text(chat), .text(id)], in: db).first
    }

    private static func threads(sql: String, _ values: [SQLiteValue], in db: SQLiteConnection) throws(ParleyError) -> [ConversationThread] {
        var summaries: [String] = []
        try db.statement(sql).bind(values).forEachRow { row in
            if let text = row.text(0) { summaries.append(text) }
        }
        var threads: [ConversationThread] = []
        for summary in summaries {
            let value: JSONValue
            do { value = try JSONParser.parse(summary) } catch { throw ParleyError(.corrupt, "a stored thread is not valid JSON: \(error)") }
            threads.append(try ConversationThread(json: value))
        }
        return threads
    }

    /// Threads, most recently active first, optionally of one chat and in one state.
    public func threads(chat: String?, state: ConversationThread.State?, limit: Int) throws(ParleyError) -> [ConversationThread] {
        if let postgres { return try postgres.threads(chat: chat, state: state, limit: limit) }
        return try withConnection { db throws(ParleyError) in
            try Self.threads(sql: """
                SELECT summary FROM threads WHERE (?1 IS NULL OR chat = ?1) AND (?2 IS NULL OR state = ?2)
                ORDER BY last_activity DESC, id LIMIT ?3
                """, [chat.map(SQLiteValue.text) ?? .null, state.map { .text($0.rawValue) } ?? .null, .int(Int64(limit))], in: db)
        }
    }

    public func thread(id: String) throws(ParleyError) -> ConversationThread? {
        if let postgres { return try postgres.thread(id: id) }
        return try withConnection { db throws(ParleyError) in
            try Self.threads(sql: "SELECT summary FROM threads WHERE id = ?1", [.text(id)], in: db).first
        }
    }

    /// The stored contexts of a thread's messages, oldest first, at most `limit` from the
    /// `offset`th (the row number breaks ties, so pages neither repeat nor skip a message).
    public func contexts(inThread id: String, offset: Int = 0, limit: Int) throws(ParleyError) -> [String] {
        if let postgres { return try postgres.contexts(inThread: id, offset: offset, limit: limit) }
        return try withConnection { db throws(ParleyError) in
            var contexts: [String] = []
            try db.statement("SELECT context FROM messages WHERE thread = ?1 ORDER BY timestamp, received_at, seq LIMIT ?2 OFFSET ?3")
                .bind([.text(id), .int(Int64(limit)), .int(Int64(offset))]).forEachRow { row in
                    if let text = row.text(0) { contexts.append(text) }
                }
            return contexts
        }
    }
}
