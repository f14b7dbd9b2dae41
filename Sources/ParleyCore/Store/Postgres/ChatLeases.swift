/// Chat ownership across engine instances sharing one PostgreSQL store (table `chat_leases`,
/// PGMigrations step 3). An instance processes a chat only while it holds the chat's lease;
/// no instance waits on a chat another owns (`acquire` answers at once).
///
/// - `acquire`: a free or expired lease is taken (INSERT … ON CONFLICT DO UPDATE WHERE
///   expired) with a new fencing token; the owner's own live lease is extended, token kept.
/// - `renew`: extends the lease while its token is still the chat's (nobody took over), even
///   if it expired meanwhile; false when another instance took it.
/// - `release`: deletes the lease if the token is still the chat's.
/// - `takeOverExpired`: an instance picks up chats whose owner stopped renewing (it died).
/// - `checkFence`: inside the transaction that writes the chat's results, locks the lease row
///   (FOR UPDATE) and refuses the write when the token moved on: an instance that paused past
///   its lease (GC, SIGSTOP, a slow disk) and wakes up cannot write over its successor.
///
/// Times are the database's clock (`parley_now_ms()`), so instances' clocks need not agree.
enum ChatLeases {
    struct Lease: Sendable, Equatable {
        let chat: String
        let owner: String
        let token: Int64
        let expiresAt: Int64
    }

    enum Acquired: Sendable, Equatable {
        case acquired(Lease)
        /// Another instance holds an unexpired lease.
        case heldBy(owner: String, expiresAt: Int64)
    }

    static func acquire(_ db: PGConnection, chat: String, owner: String, ttlMillis: Int64) throws(ParleyError) -> Acquired {
        let rows = try db.query("""
            INSERT INTO chat_leases AS l (chat, owner, token, acquired_at, expires_at)
            VALUES ($1, $2, nextval('chat_lease_tokens'), parley_now_ms(), parley_now_ms() + $3)
            ON CONFLICT (chat) DO UPDATE SET
                owner = excluded.owner,
                token = CASE WHEN l.owner = excluded.owner AND l.expires_at > parley_now_ms() THEN l.token ELSE excluded.token END,
                acquired_at = CASE WHEN l.owner = excluded.owner AND l.expires_at > parley_now_ms() THEN l.acquired_at ELSE excluded.acquired_at END,
                expires_at = excluded.expires_at
            WHERE l.expires_at <= parley_now_ms() OR l.owner = excluded.owner
            RETURNING token, expires_at
            """, [.text(chat), .text(owner), .int(ttlMillis)])
        if let row = rows.first, let token = row.int(0), let expires = row.int(1) {
            return .acquired(Lease(chat: chat, owner: owner, token: token, expiresAt: expires))
        }
        let holder = try db.query("SELECT owner, expires_at FROM chat_leases WHERE chat = $1", [.text(chat)])
        guard let row = holder.first, let other = row.text(0), let expires = row.int(1) else {
            // Released between the two statements: try once more.
            return try acquire(db, chat: chat, owner: owner, ttlMillis: ttlMillis)
        }
        return .heldBy(owner: other, expiresAt: expires)
    }

    /// Extends `lease` by `ttlMillis` from now; nil when another instance took the chat over.
    static func renew(_ db: PGConnection, _ lease: Lease, ttlMillis: Int64) throws(ParleyError) -> Lease? {
        let rows = try db.query("""
            UPDATE chat_leases SET expires_at = parley_now_ms() + $3 WHERE chat = $1 AND token = $2 RETURNING expires_at
            """, [.text(lease.chat), .int(lease.token), .int(ttlMillis)])
        guard let expires = rows.first?.int(0) else { return nil }
        return Lease(chat: lease.chat, owner: lease.owner, token: lease.token, expiresAt: expires)
    }

    /// Gives the chat up; false when it was no longer this lease's.
    @discardableResult
    static func release(_ db: PGConnection, _ lease: Lease) throws(ParleyError) -> Bool {
        try db.query("DELETE FROM chat_leases WHERE chat = $1 AND token = $2", [.text(lease.chat), .int(lease.token)]).affected > 0
    }

    /// Releases every lease `owner` holds (a clean shutdown); returns how many.
    @discardableResult
    static func releaseAll(_ db: PGConnection, owner: String) throws(ParleyError) -> Int {
        try db.query("DELETE FROM chat_leases WHERE owner = $1", [.text(owner)]).affected
    }

    /// Takes over up to `limit` chats whose leases expired (their owner died or stalled),
    /// oldest expiry first, each with a new token. Rows another instance is taking over at
    /// the same moment are skipped (SKIP LOCKED), so two instances split the work.
    static func takeOverExpired(_ db: PGConnection, owner: String, ttlMillis: Int64, limit: Int) throws(ParleyError) -> [Lease] {
        let rows = try db.query("""
            UPDATE chat_leases SET owner = $1, token = nextval('chat_lease_tokens'), acquired_at = parley_now_ms(),
                expires_at = parley_now_ms() + $2
            WHERE chat IN (
                SELECT chat FROM chat_leases WHERE expires_at <= parley_now_ms()
                ORDER BY expires_at LIMIT $3 FOR UPDATE SKIP LOCKED)
            RETURNING chat, token, expires_at
            """, [.text(owner), .int(ttlMillis), .int(Int64(max(limit, 0)))])
        return rows.rows.compactMap { row in
            guard let chat = row.text(0), let token = row.int(1), let expires = row.int(2) else { return nil }
            return Lease(chat: chat, owner: owner, token: token, expiresAt: expires)
        }
    }

    /// The lease the chat has now, if any (expired or not).
    static func current(_ db: PGConnection, chat: String) throws(ParleyError) -> Lease? {
        let rows = try db.query("SELECT owner, token, expires_at FROM chat_leases WHERE chat = $1", [.text(chat)])
        guard let row = rows.first, let owner = row.text(0), let token = row.int(1), let expires = row.int(2) else { return nil }
        return Lease(chat: chat, owner: owner, token: token, expiresAt: expires)
    }

    /// Call inside the transaction that writes `chat`'s results: locks the lease row until
    /// the transaction ends (a takeover waits for it) and throws `.busy` when `token` is no
    /// longer the chat's — another instance took the chat over, and this instance's work on
    /// it must be dropped (its successor processes those messages). An expired lease whose
    /// token is still current passes: nobody else has written since.
    static func checkFence(_ db: PGConnection, chat: String, token: Int64) throws(ParleyError) {
        guard db.inTransaction else {
            throw ParleyError(.internal, "checkFence must run inside the transaction that writes the chat")
        }
        let rows = try db.query("SELECT token, owner FROM chat_leases WHERE chat = $1 FOR UPDATE", [.text(chat)])
        guard let current = rows.first?.int(0) else {
            throw ParleyError(.busy, "this instance no longer holds chat \(chat) (its lease was released); its write is refused")
        }
        guard current == token else {
            throw ParleyError(.busy, "chat \(chat) was taken over by instance \(rows.first?.text(1) ?? "?") "
                              + "(fencing token \(current), this instance's \(token)); this instance's write is refused")
        }
    }
}

/// A queue table shared by instances (due dead letters, the outbox, parked write-backs): due
/// rows are claimed with FOR UPDATE SKIP LOCKED, so concurrent claimers never wait on each
/// other nor get the same row. Claiming pushes the row's due time `leaseMillis` ahead: a row
/// whose claimer dies comes due again then; the claimer completes it by changing its state.
/// Identifiers are constants of the code (validated), never host input.
struct PGQueue: Sendable {
    let table: String
    /// The columns naming a row (returned by `claimDue`).
    let keys: [String]
    /// The due time column (same unit as `now`).
    let due: String
    /// The condition a row waiting in the queue meets (constant SQL of the code).
    let waiting: String

    static let deadLetters = PGQueue(table: "messages", keys: ["seq", "timestamp", "chat", "id"], due: "next_attempt_at",
                                     waiting: "state = 'failed'")
    static let outbox = PGQueue(table: "outbox", keys: ["id", "recipient"], due: "not_before", waiting: "state = 'queued'")

    init(table: String, keys: [String], due: String, waiting: String) {
        self.table = table
        self.keys = keys
        self.due = due
        self.waiting = waiting
    }

    private static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, first == UInt8(ascii: "_") || (first >= 97 && first <= 122) else { return false }
        return name.utf8.allSatisfy { $0 == UInt8(ascii: "_") || ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) }
    }

    /// Claims up to `limit` rows due at `now`, soonest first; returns their key columns.
    func claimDue(_ db: PGConnection, now: Int64, leaseMillis: Int64, limit: Int) throws(ParleyError) -> [PGRow] {
        guard ([table, due] + keys).allSatisfy(Self.isIdentifier), !keys.isEmpty else {
            throw ParleyError(.internal, "queue \(table) has an invalid identifier")
        }
        let keyList = keys.joined(separator: ", ")
        let rows = try db.query("""
            UPDATE \(table) SET \(due) = $1 + $2
            WHERE (\(keyList)) IN (
                SELECT \(keyList) FROM \(table) WHERE \(waiting) AND \(due) <= $1
                ORDER BY \(due), \(keys[0]) LIMIT $3 FOR UPDATE SKIP LOCKED)
            RETURNING \(keyList)
            """, [.int(now), .int(leaseMillis), .int(Int64(max(limit, 0)))])
        return rows.rows
    }
}
