/// The SQL of the outbox (tables `outbox` and `outbox_log`, migration 9): every send the host
/// queued with its state, and the hand-outs of the last day, from which the scheduler's rate
/// windows are rebuilt after a restart. Times are the host's milliseconds (now_ms).
extension Store {
    struct OutboxRow: Sendable {
        var id: Int64
        var recipient: String
        var target: String
        var payload: String
        var priority: Int
        var key: String?
        var state: String
        var attempts: Int
        var failures: Int
        var notBefore: Int64
        var enqueuedAt: Int64
        var leasedUntil: Int64?
        var messageID: String?
        var lastError: String?
        var sentAt: Int64?
        var deliveredAt: Int64?
        var readAt: Int64?
        var failedAt: Int64?
    }

    static let outboxColumns = """
        id, recipient, target, payload, priority, idem_key, state, attempts, failures, not_before, enqueued_at,
        leased_until, message_id, last_error, sent_at, delivered_at, read_at, failed_at
        """

    private static func outboxRow(_ row: SQLiteConnection.Statement) -> OutboxRow {
        func optional(_ column: Int32) -> Int64? { row.isNull(column) ? nil : row.int(column) }
        return OutboxRow(id: row.int(0), recipient: row.text(1) ?? "", target: row.text(2) ?? "", payload: row.text(3) ?? "{}",
                         priority: Int(row.int(4)), key: row.text(5), state: row.text(6) ?? "queued", attempts: Int(row.int(7)),
                         failures: Int(row.int(8)), notBefore: row.int(9), enqueuedAt: row.int(10), leasedUntil: optional(11),
                         messageID: row.text(12), lastError: row.text(13), sentAt: optional(14), deliveredAt: optional(15),
                         readAt: optional(16), failedAt: optional(17))
    }

    /// Stores a send; with an idempotency key already stored, returns that send's id and stores nothing.
    static func outboxInsert(_ db: SQLiteConnection, recipient: String, target: String, payload: String, priority: Int,
                             key: String?, notBefore: Int64, enqueuedAt: Int64) throws(ParleyError) -> (id: Int64, new: Bool) {
        try db.transaction { () throws(ParleyError) -> (Int64, Bool) in
            if let key, let existing = try db.statement("SELECT id FROM outbox WHERE idem_key = ?1").bind([.text(key)]).firstRow({ $0.int(0) }) {
                return (existing, false)
            }
            try db.statement("""
                INSERT INTO outbox (recipient, target, payload, priority, idem_key, state, not_before, enqueued_at)
                VALUES (?1, ?2, ?3, ?4, ?5, 'queued', ?6, ?7)
                """)
                .bind([.text(recipient), .text(target), .text(payload), .int(Int64(priority)), key.map(SQLiteValue.text) ?? .null,
                       .int(notBefore), .int(enqueuedAt)]).run()
            return (db.lastInsertRowID, true)
        }
    }

    /// Marks sends handed out (leased until a time, attempts counted), logs each hand-out and
    /// forgets log rows older than `pruneBefore`, in one transaction; returns each send's row.
    static func outboxHandOut(_ db: SQLiteConnection, leases: [(id: Int64, attempts: Int, leasedUntil: Int64)],
                              log: [(at: Int64, recipient: String, new: Bool)], pruneBefore: Int64) throws(ParleyError) -> [OutboxRow] {
        try db.transaction { () throws(ParleyError) -> [OutboxRow] in
            var rows: [OutboxRow] = []
            rows.reserveCapacity(leases.count)
            for lease in leases {
                try db.statement("UPDATE outbox SET state = 'leased', attempts = ?2, leased_until = ?3 WHERE id = ?1")
                    .bind([.int(lease.id), .int(Int64(lease.attempts)), .int(lease.leasedUntil)]).run()
                if let row = try db.statement("SELECT \(outboxColumns) FROM outbox WHERE id = ?1").bind([.int(lease.id)]).firstRow(outboxRow) {
                    rows.append(row)
                }
            }
            for entry in log {
                try db.statement("INSERT INTO outbox_log (at, recipient, new) VALUES (?1, ?2, ?3)")
                    .bind([.int(entry.at), .text(entry.recipient), .int(entry.new ? 1 : 0)]).run()
            }
            // The log is appended in time order: its oldest rows come first by rowid.
            try db.statement("""
                DELETE FROM outbox_log WHERE rowid IN (SELECT rowid FROM outbox_log ORDER BY rowid LIMIT 256) AND at < ?1
                """).bind([.int(pruneBefore)]).run()
            return rows
        }
    }

    /// The latest message the recipient wrote in their own chat (Unix seconds), if any.
    static func lastInbound(_ db: SQLiteConnection, forms: [String]) throws(ParleyError) -> Int64? {
        let values = forms.prefix(4).map(SQLiteValue.text)
        return try db.statement("SELECT max(timestamp) FROM messages WHERE chat IN (?1, ?2, ?3, ?4) AND sender IN (?1, ?2, ?3, ?4)")
            .bind(Array(values)).firstRow { $0.isNull(0) ? nil : $0.int(0) } ?? nil
    }

    /// Confirmed sent: the provider's id kept for its delivery statuses (a send failed by
    /// another hand-out's report is sent after all).
    static func outboxMarkSent(_ db: SQLiteConnection, id: Int64, messageID: String?, at: Int64) throws(ParleyError) {
        try db.statement("""
            UPDATE outbox SET state = 'sent', message_id = coalesce(?2, message_id), sent_at = ?3, leased_until = NULL, failed_at = NULL
            WHERE id = ?1
            """).bind([.int(id), messageID.map(SQLiteValue.text) ?? .null, .int(at)]).run()
    }

    /// Back in the queue (a retry, a rate-limited send, an expired lease).
    static func outboxRequeue(_ db: SQLiteConnection, id: Int64, failures: Int, notBefore: Int64, error: String?) throws(ParleyError) {
        try db.statement("""
            UPDATE outbox SET state = 'queued', failures = ?2, not_before = ?3, leased_until = NULL, last_error = coalesce(?4, last_error)
            WHERE id = ?1
            """).bind([.int(id), .int(Int64(failures)), .int(notBefore), error.map(SQLiteValue.text) ?? .null]).run()
    }

    static func outboxMarkFailed(_ db: SQLiteConnection, id: Int64, failures: Int, error: String?, at: Int64) throws(ParleyError) {
        try db.statement("""
            UPDATE outbox SET state = 'failed', failures = ?2, last_error = coalesce(?3, last_error), failed_at = ?4, leased_until = NULL
            WHERE id = ?1
            """).bind([.int(id), .int(Int64(failures)), error.map(SQLiteValue.text) ?? .null, .int(at)]).run()
    }

    static func outboxRow(_ db: SQLiteConnection, id: Int64) throws(ParleyError) -> OutboxRow? {
        try db.statement("SELECT \(outboxColumns) FROM outbox WHERE id = ?1").bind([.int(id)]).firstRow(outboxRow)
    }

    static func outboxRows(_ db: SQLiteConnection, messageID: String) throws(ParleyError) -> [OutboxRow] {
        var rows: [OutboxRow] = []
        try db.statement("SELECT \(outboxColumns) FROM outbox WHERE message_id = ?1").bind([.text(messageID)]).forEachRow { rows.append(outboxRow($0)) }
        return rows
    }

    /// A delivery status moved a send forward: its state and the time of that state.
    static func outboxAdvance(_ db: SQLiteConnection, id: Int64, to state: String, at: Int64?, error: String?) throws(ParleyError) {
        let column: String
        switch state {
        case "delivered": column = "delivered_at"
        case "read": column = "read_at"
        case "failed": column = "failed_at"
        default: column = "sent_at"
        }
        try db.statement("""
            UPDATE outbox SET state = ?2, \(column) = coalesce(?3, \(column)), last_error = coalesce(?4, last_error) WHERE id = ?1
            """).bind([.int(id), .text(state), at.map(SQLiteValue.int) ?? .null, error.map(SQLiteValue.text) ?? .null]).run()
    }

    /// The sends not yet done (queued or leased), oldest first: the scheduler's state at open.
    static func outboxActive(_ db: SQLiteConnection) throws(ParleyError) -> [OutboxRow] {
        var rows: [OutboxRow] = []
        try db.statement("SELECT \(outboxColumns) FROM outbox WHERE state IN ('queued', 'leased') ORDER BY id").forEachRow { rows.append(outboxRow($0)) }
        return rows
    }

    static func outboxLog(_ db: SQLiteConnection) throws(ParleyError) -> [(at: Int64, recipient: String, new: Bool)] {
        var rows: [(at: Int64, recipient: String, new: Bool)] = []
        try db.statement("SELECT at, recipient, new FROM outbox_log ORDER BY rowid").forEachRow { rows.append(($0.int(0), $0.text(1) ?? "", $0.int(2) != 0)) }
        return rows
    }

    /// The throttle as a rate-limit error last left it (nil: never throttled).
    static func outboxThrottle(_ db: SQLiteConnection) throws(ParleyError) -> (throttle: Double, at: Int64, halvedAt: Int64)? {
        try db.statement("SELECT throttle, throttle_at, last_halved_at FROM outbox_throttle WHERE id = 1").firstRow {
            ($0.double(0), $0.int(1), $0.isNull(2) ? Int64.min : $0.int(2))
        }
    }

    static func outboxSaveThrottle(_ db: SQLiteConnection, throttle: Double, at: Int64, halvedAt: Int64) throws(ParleyError) {
        try db.statement("""
            INSERT INTO outbox_throttle (id, throttle, throttle_at, last_halved_at) VALUES (1, ?1, ?2, ?3)
            ON CONFLICT (id) DO UPDATE SET throttle = ?1, throttle_at = ?2, last_halved_at = ?3
            """).bind([.double(throttle), .int(at), halvedAt == .min ? .null : .int(halvedAt)]).run()
    }

    static func outboxStateCounts(_ db: SQLiteConnection) throws(ParleyError) -> [String: Int] {
        var counts: [String: Int] = [:]
        try db.statement("SELECT state, count(*) FROM outbox GROUP BY state").forEachRow { counts[$0.text(0) ?? ""] = Int($0.int(1)) }
        return counts
    }
}
