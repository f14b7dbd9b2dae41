/// The outbox on PostgreSQL, shared by every instance sending through one WhatsApp number.
///
/// Each instance keeps the scheduler of Delivery/Outbox.swift (`OutboxCore`: windows, token
/// buckets, new-contact budget, lanes, leases) in memory, but on PostgreSQL that state is a
/// replica of the shared tables, brought up to date at the start of every outbox call:
/// - Every call that changes what the scheduler sees (enqueue, next_batch, confirm) runs in one
///   transaction holding the row lock of the sending line (`outbox_lines`, FOR UPDATE): the
///   instances of a fleet take turns per number, never per send.
/// - Under that lock the instance replays what the others did since its last look: hand-outs
///   from `outbox_log` (seq > seen: the 1 s / 1 min / 1 h windows, the recipients' buckets and
///   the rolling-24-h new-contact budget are counted from every instance's hand-outs, once) and
///   sends from `outbox` (version > seen: new sends, leases, confirmations). Versions come from
///   a sequence and are only taken under the line's lock, so their order is the commit order and
///   a replay never skips a change committed late.
/// - The line's own state (throttle factor after rate-limit errors, the jitter gap) lives in
///   its `outbox_lines` row, read and written in the same transaction.
/// - Hand-outs update the rows only where they are still queued or leased (a guard: under the
///   lock the replica is exact, so this never refuses; if it did, the replica is rebuilt).
/// A failed or re-run transaction throws the replica away; the next call rebuilds it from the
/// tables (as SQLite's open does). Delivery statuses only move sends forward and need no lock.
struct OutboxSharedCursor {
    /// The last `outbox_log.seq` and `outbox.version` replayed.
    var logSeen: Int64 = 0
    var versionSeen: Int64 = 0
    /// The line state as read, to write back only what changed.
    var line = PGStore.OutboxLineState()
}

extension PGStore {

    struct OutboxLineState: Equatable {
        var throttle = 1.0
        var throttleAt: Int64 = 0
        var lastHalvedAt = Int64.min
        var nextGlobalAt = Int64.min
    }

    static let outboxColumnsPG = Store.outboxColumns + ", version"

    static func outboxRow(_ row: PGRow) -> Store.OutboxRow {
        Store.OutboxRow(id: row.int(0) ?? 0, recipient: row.text(1) ?? "", target: row.text(2) ?? "", payload: row.text(3) ?? "{}",
                        priority: Int(row.int(4) ?? 1), key: row.text(5), state: row.text(6) ?? "queued", attempts: Int(row.int(7) ?? 0),
                        failures: Int(row.int(8) ?? 0), notBefore: row.int(9) ?? 0, enqueuedAt: row.int(10) ?? 0, leasedUntil: row.int(11),
                        messageID: row.text(12), lastError: row.text(13), sentAt: row.int(14), deliveredAt: row.int(15),
                        readAt: row.int(16), failedAt: row.int(17))
    }

    /// Runs `body` in one transaction holding the line's lock, with `core` replaying the
    /// line's shared changes first and the line's state written back after. Any failure (or a
    /// re-run of the transaction) leaves `core` to be rebuilt from the tables by the next call.
    func outboxLocked<T>(_ core: inout OutboxCore, line: String,
                         _ body: (PGConnection, inout OutboxCore) throws(ParleyError) -> T) throws(ParleyError) -> T {
        var attempt = 0
        do {
            return try transaction { (db) throws(ParleyError) -> T in
                attempt += 1
                if attempt > 1 { core.forgetReplica() }
                let lineState = try Self.lockLine(db, line)
                try Self.replay(&core, line: line, lineState: lineState, in: db)
                let result = try body(db, &core)
                let now = OutboxLineState(throttle: core.throttle, throttleAt: core.throttleAt, lastHalvedAt: core.lastHalvedAt,
                                          nextGlobalAt: core.nextGlobalAt)
                if now != core.shared.line {
                    try db.query("""
                        UPDATE outbox_lines SET throttle = $2, throttle_at = $3, last_halved_at = $4, next_global_at = $5, updated_at = $6
                        WHERE line = $1
                        """, [.text(line), .double(now.throttle), .int(now.throttleAt),
                              now.lastHalvedAt == .min ? .null : .int(now.lastHalvedAt),
                              now.nextGlobalAt == .min ? .null : .int(now.nextGlobalAt), .int(core.now)])
                    core.shared.line = now
                }
                return result
            }
        } catch {
            core.forgetReplica()
            throw error
        }
    }

    /// Takes the line's row lock (creating the row on first use) and reads its state.
    static func lockLine(_ db: PGConnection, _ line: String) throws(ParleyError) -> OutboxLineState {
        let select = "SELECT throttle, throttle_at, last_halved_at, next_global_at FROM outbox_lines WHERE line = $1 FOR UPDATE"
        var rows = try db.query(select, [.text(line)])
        if rows.first == nil {
            try db.query("INSERT INTO outbox_lines (line) VALUES ($1) ON CONFLICT (line) DO NOTHING", [.text(line)])
            rows = try db.query(select, [.text(line)])
        }
        guard let row = rows.first else { throw ParleyError(.storage, "the outbox line row could not be locked") }
        return OutboxLineState(throttle: row.double(0) ?? 1, throttleAt: row.int(1) ?? 0, lastHalvedAt: row.int(2) ?? .min,
                               nextGlobalAt: row.int(3) ?? .min)
    }

    /// Brings `core` up to the tables: everything on first use (or after a failure), else the
    /// hand-outs and send changes committed since its last look.
    static func replay(_ core: inout OutboxCore, line: String, lineState: OutboxLineState, in db: PGConnection) throws(ParleyError) {
        if !core.loaded {
            core.forgetReplica()
            let log = try db.query("SELECT seq, at, recipient, new FROM outbox_log WHERE line = $1 ORDER BY seq", [.text(line)])
            for row in log.rows { core.replayHandout(at: row.int(1) ?? 0, recipient: row.text(2) ?? "", new: (row.int(3) ?? 0) != 0) }
            if let last = log.rows.last?.int(0) {
                core.shared.logSeen = last
            } else {
                let none = try db.query("SELECT coalesce(max(seq), 0) FROM outbox_log WHERE line = $1", [.text(line)])
                core.shared.logSeen = none.first?.int(0) ?? 0
            }
            let active = try db.query("""
                SELECT \(outboxColumnsPG) FROM outbox WHERE line = $1 AND state IN ('queued', 'leased') ORDER BY id
                """, [.text(line)])
            for row in active.rows { core.mirror(outboxRow(row)) }
            core.shared.versionSeen = try db.query("SELECT coalesce(max(version), 0) FROM outbox WHERE line = $1",
                                                   [.text(line)]).first?.int(0) ?? 0
            core.loaded = true
        } else {
            let log = try db.query("SELECT seq, at, recipient, new FROM outbox_log WHERE line = $1 AND seq > $2 ORDER BY seq",
                                   [.text(line), .int(core.shared.logSeen)])
            for row in log.rows {
                core.replayHandout(at: row.int(1) ?? 0, recipient: row.text(2) ?? "", new: (row.int(3) ?? 0) != 0)
                core.shared.logSeen = max(core.shared.logSeen, row.int(0) ?? 0)
            }
            let changed = try db.query("""
                SELECT \(outboxColumnsPG) FROM outbox WHERE line = $1 AND version > $2 ORDER BY version
                """, [.text(line), .int(core.shared.versionSeen)])
            for row in changed.rows {
                core.mirror(outboxRow(row))
                core.shared.versionSeen = max(core.shared.versionSeen, row.int(18) ?? 0)
            }
        }
        core.throttle = lineState.throttle
        core.throttleAt = lineState.throttleAt
        core.lastHalvedAt = lineState.lastHalvedAt
        core.nextGlobalAt = lineState.nextGlobalAt
        core.shared.line = lineState
    }

    // MARK: Statements (inside `outboxLocked` unless said otherwise)

    static func outboxInsert(_ db: PGConnection, line: String, recipient: String, target: String, payload: String, priority: Int,
                             key: String?, notBefore: Int64, enqueuedAt: Int64) throws(ParleyError) -> (id: Int64, new: Bool, version: Int64) {
        if let row = try db.query("""
            INSERT INTO outbox (line, recipient, target, payload, priority, idem_key, state, not_before, enqueued_at, version)
            VALUES ($1, $2, $3, $4, $5, $6, 'queued', $7, $8, nextval('outbox_versions'))
            ON CONFLICT (idem_key) DO NOTHING RETURNING id, version
            """, [.text(line), .text(recipient), .text(target), .text(payload), .int(Int64(priority)), key.map(PGValue.text) ?? .null,
                  .int(notBefore), .int(enqueuedAt)]).first {
            return (row.int(0) ?? 0, true, row.int(1) ?? 0)
        }
        guard let key, let existing = try db.query("SELECT id FROM outbox WHERE idem_key = $1", [.text(key)]).first?.int(0) else {
            throw ParleyError(.storage, "an outbox send was neither stored nor found under its idempotency key")
        }
        return (existing, false, 0)
    }

    /// Leases the chosen sends (only those still queued or leased) and logs each hand-out, in
    /// two statements; forgets log rows of the line older than `pruneBefore`. Returns the rows
    /// leased, the highest version and log seq written.
    static func outboxHandOut(_ db: PGConnection, line: String, leases: [(id: Int64, attempts: Int, leasedUntil: Int64)],
                              log: [(at: Int64, recipient: String, new: Bool)],
                              pruneBefore: Int64) throws(ParleyError) -> (rows: [Store.OutboxRow], version: Int64, seq: Int64) {
        guard !leases.isEmpty else { return ([], 0, 0) }
        func array<S: Sequence>(_ values: S) -> PGValue where S.Element == Int64 {
            .text("{" + values.map(String.init).joined(separator: ",") + "}")
        }
        let updated = try db.query("""
            UPDATE outbox o SET state = 'leased', attempts = c.attempts, leased_until = c.until, version = nextval('outbox_versions')
            FROM unnest($1::BIGINT[], $2::INTEGER[], $3::BIGINT[]) AS c(id, attempts, until)
            WHERE o.id = c.id AND o.line = $4 AND o.state IN ('queued', 'leased')
            RETURNING \(outboxColumnsPG.split(separator: ",").map { "o." + $0.trimmingCharacters() }.joined(separator: ", "))
            """, [array(leases.map(\.id)), array(leases.map { Int64($0.attempts) }), array(leases.map(\.leasedUntil)), .text(line)])
        var byID: [Int64: Store.OutboxRow] = [:]
        var version: Int64 = 0
        for row in updated.rows {
            let parsed = outboxRow(row)
            byID[parsed.id] = parsed
            version = max(version, row.int(18) ?? 0)
        }
        // Recipients are digits (Recipient.normalize): safe inside an array literal.
        let logged = try db.query("""
            INSERT INTO outbox_log (line, at, recipient, new)
            SELECT $1, c.at, c.recipient, c.new FROM unnest($2::BIGINT[], $3::TEXT[], $4::INTEGER[]) WITH ORDINALITY AS c(at, recipient, new, n)
            ORDER BY c.n RETURNING seq
            """, [.text(line), array(log.map(\.at)), .text("{" + log.map { "\"\($0.recipient)\"" }.joined(separator: ",") + "}"),
                  array(log.map { $0.new ? 1 : 0 })])
        let seq = logged.rows.compactMap { $0.int(0) }.max() ?? 0
        try db.query("""
            DELETE FROM outbox_log WHERE seq IN (SELECT seq FROM outbox_log WHERE line = $1 AND at < $2 ORDER BY at LIMIT 256)
            """, [.text(line), .int(pruneBefore)])
        return (leases.compactMap { byID[$0.id] }, version, seq)
    }

    /// The latest message the recipient wrote in their own chat (Unix seconds), if any.
    static func lastInbound(_ db: PGConnection, forms: [String]) throws(ParleyError) -> Int64? {
        let values = Array(forms.prefix(4).map(PGValue.text))
        return try db.query("""
            SELECT max(timestamp) FROM messages WHERE chat IN ($1, $2, $3, $4) AND sender IN ($1, $2, $3, $4)
            """, values).first?.int(0)
    }

    @discardableResult
    static func outboxMarkSent(_ db: PGConnection, id: Int64, messageID: String?, at: Int64) throws(ParleyError) -> Int64 {
        try db.query("""
            UPDATE outbox SET state = 'sent', message_id = coalesce($2, message_id), sent_at = $3, leased_until = NULL, failed_at = NULL,
                version = nextval('outbox_versions') WHERE id = $1 RETURNING version
            """, [.int(id), messageID.map(PGValue.text) ?? .null, .int(at)]).first?.int(0) ?? 0
    }

    @discardableResult
    static func outboxRequeue(_ db: PGConnection, id: Int64, failures: Int, notBefore: Int64, error: String?) throws(ParleyError) -> Int64 {
        try db.query("""
            UPDATE outbox SET state = 'queued', failures = $2, not_before = $3, leased_until = NULL, last_error = coalesce($4, last_error),
                version = nextval('outbox_versions') WHERE id = $1 RETURNING version
            """, [.int(id), .int(Int64(failures)), .int(notBefore), error.map(PGValue.text) ?? .null]).first?.int(0) ?? 0
    }

    @discardableResult
    static func outboxMarkFailed(_ db: PGConnection, id: Int64, failures: Int, error: String?, at: Int64) throws(ParleyError) -> Int64 {
        try db.query("""
            UPDATE outbox SET state = 'failed', failures = $2, last_error = coalesce($3, last_error), failed_at = $4, leased_until = NULL,
                version = nextval('outbox_versions') WHERE id = $1 RETURNING version
            """, [.int(id), .int(Int64(failures)), error.map(PGValue.text) ?? .null, .int(at)]).first?.int(0) ?? 0
    }

    static func outboxRow(_ db: PGConnection, id: Int64) throws(ParleyError) -> Store.OutboxRow? {
        try db.query("SELECT \(outboxColumnsPG) FROM outbox WHERE id = $1", [.int(id)]).first.map(outboxRow)
    }

    func outboxRow(id: Int64) throws(ParleyError) -> Store.OutboxRow? {
        try read { (db) throws(ParleyError) in try Self.outboxRow(db, id: id) }
    }

    /// A delivery status: the sends with that message id moved forward (never back), each
    /// re-checked under its row lock, so two instances applying statuses at once cannot move a
    /// send backwards. Returns (row as it was, whether it changed).
    func outboxDeliver(messageID: String, to state: OutboxState, at: Int64?,
                       error: String?) throws(ParleyError) -> [(row: Store.OutboxRow, changed: Bool)] {
        try transaction { (db) throws(ParleyError) -> [(row: Store.OutboxRow, changed: Bool)] in
            var results: [(row: Store.OutboxRow, changed: Bool)] = []
            for found in try db.query("SELECT \(Self.outboxColumnsPG) FROM outbox WHERE message_id = $1 ORDER BY id FOR UPDATE",
                                      [.text(messageID)]).rows {
                let row = Self.outboxRow(found)
                let current = OutboxState(rawValue: row.state) ?? .sent
                let changed = current.rank >= OutboxState.sent.rank && current.advances(to: state)
                if changed {
                    let column: String
                    switch state {
                    case .delivered: column = "delivered_at"
                    case .read: column = "read_at"
                    case .failed: column = "failed_at"
                    default: column = "sent_at"
                    }
                    try db.query("""
                        UPDATE outbox SET state = $2, \(column) = coalesce($3, \(column)), last_error = coalesce($4, last_error) WHERE id = $1
                        """, [.int(row.id), .text(state.rawValue), at.map(PGValue.int) ?? .null, error.map(PGValue.text) ?? .null])
                }
                results.append((row, changed))
            }
            return results
        }
    }

    func outboxStateCounts() throws(ParleyError) -> [String: Int] {
        try read { (db) throws(ParleyError) in
            var counts: [String: Int] = [:]
            for row in try db.query("SELECT state, count(*) FROM outbox GROUP BY state").rows { counts[row.text(0) ?? ""] = Int(row.int(1) ?? 0) }
            return counts
        }
    }
}

extension OutboxCore {
    /// Drops the replica (the next call rebuilds it); the process's counters and the random
    /// generator stay.
    mutating func forgetReplica() {
        let counters = self.counters
        let rng = self.rng
        let batchSerial = self.batchSerial
        let now = self.now
        self = OutboxCore(settings: settings, seed: 0)
        self.counters = counters
        self.rng = rng
        self.batchSerial = batchSerial
        self.now = now
    }

    /// A hand-out (this instance's or another's) as the windows and buckets count it.
    mutating func replayHandout(at: Int64, recipient key: String, new: Bool) {
        let r = recipient(key)
        now = max(now, at)
        _ = refill(r, at: at)
        spend(r, at: at)
        handouts.append(at)
        if new { newContacts.append(at) }
    }

    /// Makes the replica's send `row.id` match its row: queued (delayed until due), leased
    /// (offered again after its lease) or gone (settled). A send already in that place is
    /// left as it is (this instance's own change, or nothing new).
    mutating func mirror(_ row: Store.OutboxRow) {
        let existing = items[row.id]
        switch OutboxState(rawValue: row.state) {
        case .queued?:
            if let e = existing, e.place != .leased, e.notBefore == row.notBefore, e.attempts == row.attempts, e.failures == row.failures { return }
            leaveWaiting(existing)
            let r = recipient(row.recipient)
            items[row.id] = OutboxItem(recipient: r, lane: min(2, max(0, row.priority)), place: .delayed, notBefore: row.notBefore,
                                       enqueuedAt: row.enqueuedAt, attempts: row.attempts, failures: row.failures, front: row.failures > 0,
                                       lateReports: existing?.lateReports ?? 0)
            delayed.push(key: row.notBefore, tie: row.id, value: row.id)
        case .leased?:
            let until = row.leasedUntil ?? now
            if let e = existing, e.place == .leased, e.leasedUntil == until { return }
            leaveWaiting(existing)
            let r = recipient(row.recipient)
            items[row.id] = OutboxItem(recipient: r, lane: min(2, max(0, row.priority)), place: .leased, notBefore: row.notBefore,
                                       enqueuedAt: row.enqueuedAt, attempts: row.attempts, failures: row.failures, leasedUntil: until,
                                       lateReports: existing?.lateReports ?? 0)
            leases.push(key: until, tie: row.id, value: row.id)
        default:
            leaveWaiting(existing)
            items[row.id] = nil
        }
    }
}

private extension Substring {
    func trimmingCharacters() -> String {
        var text = self
        while let first = text.first, first == " " || first == "\n" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\n" { text.removeLast() }
        return String(text)
    }
}
