/// The queries of `ChatOwnership` (Engine/ChatOwnership.swift): this instance's chat leases,
/// the received messages of the chats it owns, and the chats nobody owns that have work.
extension PGStore {
    /// One received, not yet processed message.
    struct ReceivedRow: Sendable {
        let ticket: Int64
        let chat: String
        let message: Message
        let priority: Int
    }

    func acquireLease(chat: String, ttlMillis: Int64) throws(ParleyError) -> ChatLeases.Acquired {
        try read { (db) throws(ParleyError) in try ChatLeases.acquire(db, chat: chat, owner: owner, ttlMillis: ttlMillis) }
    }

    /// Extends the leases still this instance's (same token) in one statement; returns the
    /// chats renewed. A chat missing from the answer was taken over by another instance.
    func renewLeases(_ leases: [ChatLeases.Lease], ttlMillis: Int64) throws(ParleyError) -> Set<String> {
        guard !leases.isEmpty else { return [] }
        let rows = try read { (db) throws(ParleyError) in
            try db.query("""
                UPDATE chat_leases l SET expires_at = parley_now_ms() + $3
                FROM unnest($1::TEXT[], $2::BIGINT[]) AS mine(chat, token)
                WHERE l.chat = mine.chat AND l.token = mine.token
                RETURNING l.chat
                """, [Self.array(leases.map(\.chat)), Self.array(leases.map { String($0.token) }), .int(ttlMillis)])
        }
        return Set(rows.rows.compactMap { $0.text(0) })
    }

    func releaseLeases(_ leases: [ChatLeases.Lease]) throws(ParleyError) {
        guard !leases.isEmpty else { return }
        try read { (db) throws(ParleyError) in
            try db.query("""
                DELETE FROM chat_leases l USING unnest($1::TEXT[], $2::BIGINT[]) AS mine(chat, token)
                WHERE l.chat = mine.chat AND l.token = mine.token
                """, [Self.array(leases.map(\.chat)), Self.array(leases.map { String($0.token) })])
        }
    }

    /// Every lease of this instance's name, at a clean shutdown.
    func releaseAllLeases() throws(ParleyError) {
        _ = try read { (db) throws(ParleyError) in try ChatLeases.releaseAll(db, owner: owner) }
    }

    /// The received messages of `chats`, in the order they were accepted.
    func received(chats: [String]) throws(ParleyError) -> [ReceivedRow] {
        guard !chats.isEmpty else { return [] }
        let rows = try read { (db) throws(ParleyError) in
            try db.query("""
                SELECT seq, chat, context, priority FROM messages WHERE state = 'received' AND chat = ANY($1::TEXT[]) ORDER BY seq
                """, [Self.array(chats)])
        }
        var received: [ReceivedRow] = []
        received.reserveCapacity(rows.count)
        for row in rows.rows {
            received.append(ReceivedRow(ticket: row.int(0) ?? 0, chat: row.text(1) ?? "",
                                        message: try EnrichedContext.message(ofUnprocessed: row.text(2) ?? ""),
                                        priority: Int(row.int(3) ?? 1)))
        }
        return received
    }

    /// Chats with messages received before `receivedBefore` (host ms) and no live lease: their
    /// owner died, stalled or released them; whoever acquires them processes that work.
    func orphanedChats(receivedBefore: Int64, limit: Int) throws(ParleyError) -> [String] {
        try read { (db) throws(ParleyError) in
            try db.query("""
                SELECT DISTINCT m.chat FROM messages m
                WHERE m.state = 'received' AND m.received_at <= $1
                  AND NOT EXISTS (SELECT 1 FROM chat_leases l WHERE l.chat = m.chat AND l.expires_at > parley_now_ms())
                LIMIT $2
                """, [.int(receivedBefore), .int(Int64(limit))]).rows.compactMap { $0.text(0) }
        }
    }

    /// A PostgreSQL array literal of text values (each quoted, `"` and `\` escaped), bound as
    /// one parameter: the values never become SQL.
    static func array(_ values: [String]) -> PGValue {
        var literal = "{"
        for (index, value) in values.enumerated() {
            if index > 0 { literal += "," }
            literal += "\""
            for scalar in value.unicodeScalars {
                if scalar == "\"" || scalar == "\\" { literal += "\\" }
                literal.unicodeScalars.append(scalar)
            }
            literal += "\""
        }
        return .text(literal + "}")
    }
}
