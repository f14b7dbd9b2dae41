/// The SQL of the dead-letter queue (columns `attempts`, `next_attempt_at` and `errors` of
/// `messages`, from migration 4). A processed message the host failed to handle moves to
/// `failed` with the time of its next attempt, or to `dead` once its attempts are used up;
/// a retry moves it back to `processed` with a fresh context; the host may mark a failed or
/// dead message `resolved`, and purge dead and resolved rows. Every change of state is one
/// transaction, and each re-checks the state it expects, so two callers (threads, or
/// processes sharing the file) never move one message twice.
extension Store {
    /// A journaled message with its dead-letter fields. `errors` is the JSON array text of
    /// its failures, nil before the first.
    public struct DeadLetter: Sendable {
        let seq: Int64
        public let chat: String
        public let id: String
        public let state: MessageState
        public let attempts: Int
        public let nextAttemptAt: Int64?
        public let errors: String?
        public let context: String
    }

    /// What a reported failure did to the message.
    public struct Failure: Sendable {
        public let state: MessageState
        public let attempts: Int
        public let nextAttemptAt: Int64?
    }

    private static let deadLetterColumns = "seq, chat, id, state, attempts, next_attempt_at, errors, context"

    private static func deadLetter(_ row: SQLiteConnection.Statement) -> (Int64, String, String, String, Int64, Int64?, String?, String) {
        (row.int(0), row.text(1) ?? "", row.text(2) ?? "", row.text(3) ?? "", row.int(4),
         row.isNull(5) ? nil : row.int(5), row.text(6), row.text(7) ?? "")
    }

    private static func deadLetters(sql: String, _ values: [SQLiteValue], in db: SQLiteConnection) throws(ParleyError) -> [DeadLetter] {
        var rows: [(Int64, String, String, String, Int64, Int64?, String?, String)] = []
        try db.statement(sql).bind(values).forEachRow { rows.append(deadLetter($0)) }
        var letters: [DeadLetter] = []
        letters.reserveCapacity(rows.count)
        for (seq, chat, id, name, attempts, next, errors, context) in rows {
            guard let state = MessageState(rawValue: name) else {
                throw ParleyError(.corrupt, "message \(id) has an unknown state \"\(name)\"")
            }
            letters.append(DeadLetter(seq: seq, chat: chat, id: id, state: state, attempts: Int(attempts),
                                      nextAttemptAt: next, errors: errors, context: context))
        }
        return letters
    }

    /// The message (chat, id) in whatever state, with its dead-letter fields.
    public func deadLetter(chat: String, id: String) throws(ParleyError) -> DeadLetter? {
        if let postgres { return try postgres.deadLetter(chat: chat, id: id) }
        return try withConnection { db throws(ParleyError) in
            try Self.deadLetters(sql: "SELECT \(Self.deadLetterColumns) FROM messages WHERE chat = ?1 AND id = ?2",
                                 [.text(chat), .text(id)], in: db).first
        }
    }

    /// Failed and/or dead messages (`state` nil: both), optionally of one chat, oldest first.
    public func deadLetters(state: MessageState?, chat: String?, limit: Int) throws(ParleyError) -> [DeadLetter] {
        if let postgres { return try postgres.deadLetters(state: state, chat: chat, limit: limit) }
        return try withConnection { db throws(ParleyError) in
            // One state at a time; the index's own IN term lets SQLite use the partial index
            // messages_unfinished (it does not infer it from "state = ?").
            var letters: [DeadLetter] = []
            for wanted in state.map({ [$0] }) ?? [.failed, .dead] {
                letters += try Self.deadLetters(sql: """
                    SELECT \(Self.deadLetterColumns) FROM messages
                    WHERE state IN ('received', 'failed', 'dead') AND state = ?1 AND (?2 IS NULL OR chat = ?2) ORDER BY seq LIMIT ?3
                    """, [.text(wanted.rawValue), chat.map(SQLiteValue.text) ?? .null, .int(Int64(limit))], in: db)
            }
            guard state == nil else { return letters }
            return Array(letters.sorted { $0.seq < $1.seq }.prefix(limit))
        }
    }

    /// Failed messages whose next attempt is due at `now`, soonest due first, at most `limit`.
    public func dueDeadLetters(now: Int64, limit: Int) throws(ParleyError) -> [DeadLetter] {
        if let postgres { return try postgres.dueDeadLetters(now: now, limit: limit) }
        return try withConnection { db throws(ParleyError) in
            try Self.deadLetters(sql: """
                SELECT \(Self.deadLetterColumns) FROM messages
                WHERE state IN ('received', 'failed', 'dead') AND state = 'failed' AND next_attempt_at <= ?1 ORDER BY next_attempt_at, seq LIMIT ?2
                """, [.int(now), .int(Int64(limit))], in: db)
        }
    }

    /// Gives back letters `dueDeadLetters(now: claimedAt)` returned that were not retried, so
    /// they are due again at once (PostgreSQL: their claim is undone; SQLite claims nothing).
    func releaseDueDeadLetters(_ letters: [DeadLetter], claimedAt: Int64) throws(ParleyError) {
        guard !letters.isEmpty, let postgres else { return }
        try postgres.releaseDueDeadLetters(letters, claimedAt: claimedAt)
    }

    /// Records a failure of the host's handling of a processed message: its attempts go up by
    /// one, `error` (an object; "at" and "attempt" are set here) joins its history, and it is
    /// due again at `schedule`'s next time, or dead when its attempts are used up.
    func failMessage(chat: String, id: String, error: JSONObject, now: Int64,
                     schedule: RetrySchedule) throws(ParleyError) -> Failure {
        if let postgres { return try postgres.failMessage(chat: chat, id: id, error: error, now: now, schedule: schedule) }
        return try withConnection { db throws(ParleyError) in
            try db.transaction { () throws(ParleyError) -> Failure in
                guard let letter = try Self.deadLetters(sql: "SELECT \(Self.deadLetterColumns) FROM messages WHERE chat = ?1 AND id = ?2",
                                                        [.text(chat), .text(id)], in: db).first else {
                    throw ParleyError(.notFound, "no message \"\(id)\" in chat \"\(chat)\"")
                }
                let (failure, history) = try Self.failure(of: letter, id: id, error: error, now: now, schedule: schedule)
                try db.statement("UPDATE messages SET state = ?2, attempts = ?3, next_attempt_at = ?4, errors = ?5 WHERE seq = ?1")
                    .bind([.int(letter.seq), .text(failure.state.rawValue), .int(Int64(failure.attempts)),
                           failure.nextAttemptAt.map(SQLiteValue.int) ?? .null, .text(history)]).run()
                return failure
            }
        }
    }

    /// The transition a reported failure makes, whatever the backend: only a processed message
    /// can fail; its attempt is counted, `error` joins the history, and the retry schedule says
    /// whether it waits for another attempt or is dead. Returns the new state and the history
    /// as JSON text to store.
    static func failure(of letter: DeadLetter, id: String, error: JSONObject, now: Int64,
                        schedule: RetrySchedule) throws(ParleyError) -> (Failure, history: String) {
        guard letter.state == .processed else {
            throw ParleyError(.invalidArgument, "message \"\(id)\" is \(letter.state.rawValue), not processed: only a processed message can fail")
        }
        let attempts = letter.attempts + 1
        var history = try errorHistory(letter.errors, id: id)
        var entry = JSONObject()
        entry.append("at", .int(now))
        entry.append("attempt", .int(Int64(attempts)))
        for (key, value) in error.members where key != "at" && key != "attempt" { entry.append(key, value) }
        history.append(.object(entry))
        let next = schedule.nextAttempt(afterFailure: attempts, now: now)
        return (Failure(state: next == nil ? .dead : .failed, attempts: attempts, nextAttemptAt: next), JSONWriter.string(.array(history)))
    }

    /// The stored error history as an array (empty before the first failure).
    static func errorHistory(_ text: String?, id: String) throws(ParleyError) -> [JSONValue] {
        guard let text else { return [] }
        let parsed: JSONValue
        do { parsed = try JSONParser.parse(text) } catch { throw ParleyError(.corrupt, "the error history of message \(id) is not valid JSON: \(error)") }
        guard let array = parsed.arrayValue else { throw ParleyError(.corrupt, "the error history of message \(id) is not an array") }
        return array
    }

    /// Completes a retry: the message, still as `letter` found it (same state and attempts),
    /// becomes processed with `context`; its attempts and errors are kept. False when another
    /// caller moved it meanwhile (then nothing changes).
    func completeRetry(of letter: DeadLetter, context: String) throws(ParleyError) -> Bool {
        if let postgres { return try postgres.completeRetry(of: letter, context: context) }
        return try withConnection { db throws(ParleyError) in
            try db.transaction { () throws(ParleyError) -> Bool in
                try db.statement("""
                    UPDATE messages SET state = 'processed', context = ?2, next_attempt_at = NULL
                    WHERE seq = ?1 AND state = ?3 AND attempts = ?4
                    """)
                    .bind([.int(letter.seq), .text(context), .text(letter.state.rawValue), .int(Int64(letter.attempts))]).run()
                return db.changes > 0
            }
        }
    }

    /// Marks a failed or dead message resolved (the host dealt with it by hand); resolving a
    /// resolved one again changes nothing.
    func resolveDeadLetter(chat: String, id: String) throws(ParleyError) {
        if let postgres { return try postgres.resolveDeadLetter(chat: chat, id: id) }
        return try withConnection { db throws(ParleyError) in
            try db.transaction { () throws(ParleyError) in
                guard let row = try Self.row(chat: chat, id: id, in: db) else {
                    throw ParleyError(.notFound, "no message \"\(id)\" in chat \"\(chat)\"")
                }
                switch row.state {
                case .resolved:
                    return
                case .failed, .dead:
                    try db.statement("UPDATE messages SET state = 'resolved', next_attempt_at = NULL WHERE seq = ?1")
                        .bind([.int(row.seq)]).run()
                default:
                    throw ParleyError(.invalidArgument, "message \"\(id)\" is \(row.state.rawValue): only a failed or dead message can be resolved")
                }
            }
        }
    }

    /// Deletes dead and/or resolved messages (`state` nil: both), optionally of one chat;
    /// returns how many. Their ids are forgotten: delivered again, they are new messages.
    func purgeDeadLetters(state: MessageState?, chat: String?) throws(ParleyError) -> Int {
        if let postgres { return try postgres.purgeDeadLetters(state: state, chat: chat) }
        return try withConnection { db throws(ParleyError) in
            try db.transaction { () throws(ParleyError) -> Int in
                var purged = 0
                for wanted in state.map({ [$0] }) ?? [.dead, .resolved] {
                    try db.statement("DELETE FROM messages WHERE state = ?1 AND (?2 IS NULL OR chat = ?2)")
                        .bind([.text(wanted.rawValue), chat.map(SQLiteValue.text) ?? .null]).run()
                    purged += db.changes
                }
                return purged
            }
        }
    }
}

// MARK: - Messages whose processing timed out

extension Store {
    /// Dead-letters an accepted message whose processing ran past the time limit, with
    /// `error` as its first failure: its received row, or a new dead row for a message from
    /// the inbox (which then lets it go). Returns nil when it was dead-lettered, or the stored
    /// context when its processing committed after all.
    func deadLetterTimedOut(ticket: Int64, message: Message, priority: Int, error: JSONObject, now: Int64) throws(ParleyError) -> String? {
        if let postgres { return try postgres.deadLetterTimedOut(ticket: ticket, error: error, now: now) }
        var entry = error
        entry["at"] = .int(now)
        entry["attempt"] = .int(1)
        let errors = SQLiteValue.text(JSONWriter.string(.array([.object(entry)])))
        let stored = try withConnection { db throws(ParleyError) in
            try db.transaction { () throws(ParleyError) -> String? in
                let row = try Self.row(chat: message.chat, id: message.id, in: db)
                if let row, !row.state.awaitsCompletion { return row.context }
                let seq: Int64
                if let row {
                    seq = row.seq
                } else {
                    let context = JSONWriter.string(EnrichedContext.unprocessed(message, status: .received))
                    seq = try insert(message, seq: ticket, state: .received, context: context, thread: nil, contentHash: nil,
                                     priority: priority, receivedAt: now, into: db)
                }
                try db.statement("UPDATE messages SET state = 'dead', attempts = 1, next_attempt_at = NULL, errors = ?2 WHERE seq = ?1")
                    .bind([.int(seq), errors]).run()
                return nil
            }
        }
        release([ticket])
        return stored
    }

    /// Puts a failed or dead message that was never processed (its processing timed out)
    /// back to received, so it is processed like a new one; false when another caller moved
    /// it first.
    func reopen(_ letter: DeadLetter) throws(ParleyError) -> Bool {
        if let postgres { return try postgres.reopen(letter) }
        return try withConnection { db throws(ParleyError) in
            try db.transaction { () throws(ParleyError) -> Bool in
                try db.statement("""
                    UPDATE messages SET state = 'received', next_attempt_at = NULL WHERE seq = ?1 AND state = ?2 AND attempts = ?3
                    """)
                    .bind([.int(letter.seq), .text(letter.state.rawValue), .int(Int64(letter.attempts))]).run()
                return db.changes > 0
            }
        }
    }
}
