/// Schema versions, applied in order inside one transaction each and recorded in
/// `PRAGMA user_version`. Append new steps; never edit a released one.
enum Migrations {
    static let steps: [String] = [
        // 1: the message journal, keyed as WhatsApp keys messages (ids are unique within a chat).
        """
        CREATE TABLE messages (
            chat TEXT NOT NULL,
            id TEXT NOT NULL,
            sender TEXT NOT NULL,
            timestamp INTEGER NOT NULL,
            type TEXT NOT NULL,
            format TEXT NOT NULL,
            state TEXT NOT NULL,
            context TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            PRIMARY KEY (chat, id)
        ) WITHOUT ROWID;
        CREATE INDEX messages_by_chat_time ON messages (chat, timestamp);
        """,
    ]

    static func apply(to db: SQLiteConnection) throws(ParleyError) {
        let current = try db.statement("PRAGMA user_version").firstRow { Int($0.int(0)) } ?? 0
        guard current <= steps.count else {
            throw ParleyError(.storage, "the store has schema version \(current), newer than this Parley (\(steps.count)); upgrade Parley")
        }
        for version in current..<steps.count {
            try db.transaction { () throws(ParleyError) in
                try db.execute(steps[version])
                try db.execute("PRAGMA user_version = \(version + 1); PRAGMA application_id = \(Store.applicationID)")
            }
        }
    }
}
