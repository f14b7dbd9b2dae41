/// Idempotency claims and the dead-letter queue on PostgreSQL: the SQL of
/// IdempotencyStore.swift and DeadLetters.swift for `PGStore`, with the same decisions. Every
/// change of state re-checks the state it expects inside its transaction, so instances sharing
/// the database never move one message twice.
extension PGStore {
    // MARK: Idempotency claims

    func claimIdempotencyKey(_ key: String, now: Int64, expiresAt: Int64, purge: Bool) throws(ParleyError) -> Bool {
        try transaction { (db) throws(ParleyError) -> Bool in
            // ON CONFLICT waits for a concurrent claimer of the same key, then re-checks the
            // WHERE against its committed claim: exactly one claimer gets a row back.
            let claimed = try db.query("""
                INSERT INTO idempotency AS i (key, claimed_at, expires_at) VALUES ($1, $2, $3)
                ON CONFLICT (key) DO UPDATE SET claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
                WHERE i.expires_at <= $2
                RETURNING key
                """, [.text(key), .int(now), .int(expiresAt)]).count > 0
            if purge {
                // SKIP LOCKED: two instances purging at once take different claims, none waits.
                try db.query("""
                    DELETE FROM idempotency WHERE key IN
                        (SELECT key FROM idempotency WHERE expires_at <= $1 ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED)
                    """, [.int(now), .int(Int64(Store.idempotencyPurgeBatch))])
            }
            return claimed
        }
    }

    func releaseIdempotencyKey(_ key: String) throws(ParleyError) -> Bool {
        try read { (db) throws(ParleyError) in
            try db.query("DELETE FROM idempotency WHERE key = $1", [.text(key)]).affected > 0
        }
    }

    func idempotencyClaim(_ key: String) throws(ParleyError) -> (claimedAt: Int64, expiresAt: Int64)? {
        try read { (db) throws(ParleyError) -> (claimedAt: Int64, expiresAt: Int64)? in
            guard let row = try db.query("SELECT claimed_at, expires_at FROM idempotency WHERE key = $1", [.text(key)]).first,
                  let claimed = row.int(0), let expires = row.int(1) else { return nil }
            return (claimed, expires)
        }
    }

    func idempotencyClaimCount() throws(ParleyError) -> Int {
        try read { (db) throws(ParleyError) in Int(try db.query("SELECT count(*) FROM idempotency").first?.int(0) ?? 0) }
    }

    // MARK: Dead letters

    private static let columns = "m.seq, m.chat, m.id, m.state, m.attempts, m.next_attempt_at, m.errors, m.context"
    private static let byKey = "FROM message_keys k JOIN messages m ON m.seq = k.seq AND m.timestamp = k.timestamp WHERE k.chat = $1 AND k.id = $2"

    private static func letters(_ rows: PGRows) throws(ParleyError) -> [Store.DeadLetter] {
        var letters: [Store.DeadLetter] = []
        letters.reserveCapacity(rows.count)
        for row in rows.rows {
            let id = row.text(2) ?? ""
            let name = row.text(3) ?? ""
            guard let state = Store.MessageState(rawValue: name) else {
                throw ParleyError(.corrupt, "message \(id) has an unknown state \"\(name)\"")
            }
            letters.append(Store.DeadLetter(seq: row.int(0) ?? 0, chat: row.text(1) ?? "", id: id, state: state,
                                            attempts: Int(row.int(4) ?? 0), nextAttemptAt: row.int(5), errors: row.text(6),
                                            context: row.text(7) ?? ""))
        }
        return letters
    }

    func deadLetter(chat: String, id: String) throws(ParleyError) -> Store.DeadLetter? {
        try read { (db) throws(ParleyError) in
            try Self.letters(try db.query("SELECT \(Self.columns) \(Self.byKey)", [.text(chat), .text(id)])).first
        }
    }

    func deadLetters(state: Store.MessageState?, chat: String?, limit: Int) throws(ParleyError) -> [Store.DeadLetter] {
        let states = state.map { [$0.rawValue] } ?? ["failed", "dead"]
        return try read { (db) throws(ParleyError) in
            try Self.letters(try db.query("""
                SELECT \(Self.columns) FROM messages m
                WHERE m.state IN ($1, $2) AND ($3::TEXT IS NULL OR m.chat = $3) ORDER BY m.seq LIMIT $4
                """, [.text(states[0]), .text(states.last!), chat.map(PGValue.text) ?? .null, .int(Int64(limit))]))
        }
    }

    /// Claims the failed messages due at `now` (soonest first, at most `limit`) with FOR
    /// UPDATE SKIP LOCKED, pushing their next attempt `retryLeaseMillis` ahead: another
    /// instance asking at the same moment gets other ones, and a claimed one whose claimer
    /// dies comes due again after the lease. The letters come back with their due time as it
    /// was; completing a retry (`completeRetry`, `reopen`) checks state and attempts only.
    func dueDeadLetters(now: Int64, limit: Int) throws(ParleyError) -> [Store.DeadLetter] {
        let letters = try transaction { (db) throws(ParleyError) in
            try Self.letters(try db.query("""
                WITH due AS (
                    SELECT seq, timestamp, next_attempt_at FROM messages
                    WHERE state = 'failed' AND next_attempt_at <= $1 ORDER BY next_attempt_at, seq LIMIT $3 FOR UPDATE SKIP LOCKED)
                UPDATE messages m SET next_attempt_at = $1 + $2 FROM due WHERE m.seq = due.seq AND m.timestamp = due.timestamp
                RETURNING m.seq, m.chat, m.id, m.state, m.attempts, due.next_attempt_at, m.errors, m.context
                """, [.int(now), .int(Self.retryLeaseMillis), .int(Int64(max(limit, 0)))]))
        }
        return letters.sorted { ($0.nextAttemptAt ?? 0, $0.seq) < ($1.nextAttemptAt ?? 0, $1.seq) }
    }

    /// Undoes the claim of letters claimed at `claimedAt` and not retried: their next attempt
    /// goes back to what it was, unless something else moved them meanwhile.
    func releaseDueDeadLetters(_ letters: [Store.DeadLetter], claimedAt: Int64) throws(ParleyError) {
        try transaction { (db) throws(ParleyError) in
            for letter in letters {
                guard let due = letter.nextAttemptAt else { continue }
                try db.query("""
                    UPDATE messages SET next_attempt_at = $3
                    WHERE seq = $1 AND state = 'failed' AND attempts = $2 AND next_attempt_at = $4
                    """, [.int(letter.seq), .int(Int64(letter.attempts)), .int(due), .int(claimedAt + Self.retryLeaseMillis)])
            }
        }
    }

    func failMessage(chat: String, id: String, error: JSONObject, now: Int64,
                     schedule: RetrySchedule) throws(ParleyError) -> Store.Failure {
        try transaction { (db) throws(ParleyError) -> Store.Failure in
            guard let letter = try Self.letters(try db.query("SELECT \(Self.columns) \(Self.byKey) FOR UPDATE OF m",
                                                             [.text(chat), .text(id)])).first else {
                throw ParleyError(.notFound, "no message \"\(id)\" in chat \"\(chat)\"")
            }
            let (failure, history) = try Store.failure(of: letter, id: id, error: error, now: now, schedule: schedule)
            try db.query("UPDATE messages SET state = $2, attempts = $3, next_attempt_at = $4, errors = $5 WHERE seq = $1",
                         [.int(letter.seq), .text(failure.state.rawValue), .int(Int64(failure.attempts)),
                          failure.nextAttemptAt.map(PGValue.int) ?? .null, .text(history)])
            return failure
        }
    }

    func completeRetry(of letter: Store.DeadLetter, context: String) throws(ParleyError) -> Bool {
        try transaction { (db) throws(ParleyError) in
            try db.query("""
                UPDATE messages SET state = 'processed', context = $2, next_attempt_at = NULL
                WHERE seq = $1 AND state = $3 AND attempts = $4
                """, [.int(letter.seq), .text(context), .text(letter.state.rawValue), .int(Int64(letter.attempts))]).affected > 0
        }
    }

    func resolveDeadLetter(chat: String, id: String) throws(ParleyError) {
        try transaction { (db) throws(ParleyError) in
            guard let row = try Self.row(chat: chat, id: id, in: db, forUpdate: true) else {
                throw ParleyError(.notFound, "no message \"\(id)\" in chat \"\(chat)\"")
            }
            switch row.state {
            case .resolved:
                return
            case .failed, .dead:
                try db.query("UPDATE messages SET state = 'resolved', next_attempt_at = NULL WHERE seq = $1", [.int(row.seq)])
            default:
                throw ParleyError(.invalidArgument, "message \"\(id)\" is \(row.state.rawValue): only a failed or dead message can be resolved")
            }
        }
    }

    /// Deletes dead and/or resolved messages and their keys (delivered again, they are new).
    func purgeDeadLetters(state: Store.MessageState?, chat: String?) throws(ParleyError) -> Int {
        let states = state.map { [$0.rawValue] } ?? ["dead", "resolved"]
        return try transaction { (db) throws(ParleyError) in
            try db.query("""
                WITH gone AS (DELETE FROM messages WHERE state IN ($1, $2) AND ($3::TEXT IS NULL OR chat = $3) RETURNING seq)
                DELETE FROM message_keys WHERE seq IN (SELECT seq FROM gone)
                """, [.text(states[0]), .text(states.last!), chat.map(PGValue.text) ?? .null]).affected
        }
    }

    func deadLetterTimedOut(ticket: Int64, error: JSONObject, now: Int64) throws(ParleyError) -> String? {
        var entry = error
        entry["at"] = .int(now)
        entry["attempt"] = .int(1)
        let errors = JSONWriter.string(.array([.object(entry)]))
        return try transaction { (db) throws(ParleyError) -> String? in
            let moved = try db.query("""
                UPDATE messages SET state = 'dead', attempts = 1, next_attempt_at = NULL, errors = $2
                WHERE seq = $1 AND state = 'received'
                """, [.int(ticket), .text(errors)]).affected
            guard moved == 0 else { return nil }
            return try db.query("SELECT context FROM messages WHERE seq = $1", [.int(ticket)]).first?.text(0)
        }
    }

    func reopen(_ letter: Store.DeadLetter) throws(ParleyError) -> Bool {
        try transaction { (db) throws(ParleyError) in
            try db.query("""
                UPDATE messages SET state = 'received', next_attempt_at = NULL WHERE seq = $1 AND state = $2 AND attempts = $3
                """, [.int(letter.seq), .text(letter.state.rawValue), .int(Int64(letter.attempts))]).affected > 0
        }
    }
}
