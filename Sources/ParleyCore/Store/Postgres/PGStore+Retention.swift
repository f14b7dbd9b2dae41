#if canImport(Glibc)
import Glibc
#endif

/// Retention on PostgreSQL (`Store.maintain` dispatches here): whole months first, rows after.
/// 1. This month and `monthsAhead` more are created (`parley_ensure_partitions`), so new
///    messages never wait in the default partition.
/// 2. Months of `messages` that ended by the cutoff are dropped whole (DROP TABLE: no dead
///    rows, no vacuum), except a month holding unfinished work (received, pending, failed) or
///    a message that arrived after the cutoff (old history re-delivered lately, which SQLite
///    keeps too); the dropped messages' keys go with them.
/// 3. What months could not take is deleted row by row as SQLite does, in chunks claimed with
///    FOR UPDATE SKIP LOCKED (two instances maintaining at once split the work): finished
///    messages (dead letters included) of the kept months and the default partition, threads,
///    finished sends, expired claims.
/// 4. `media_refs` months are dropped up to the oldest month of messages still kept, then
///    references whose message is gone and items nothing names (with Parley's files).
/// The report has SQLite's shape ("deleted" counts the rows of dropped months too), plus
/// "partitionsDropped" and "partitionsCreated"; "autoVacuum" is "autovacuum" (the server's).
extension PGStore {
    func maintain(nowMillis: Int64, policy: RetentionPolicy) throws(ParleyError) -> MaintenanceReport {
        var report = MaintenanceReport()
        report.autoVacuum = "autovacuum"
        let nowSeconds = nowMillis >= 0 ? nowMillis / 1000 : (nowMillis - 999) / 1000
        // This month and the ones ahead (the months behind were made at open; making them
        // again here would only have them dropped again by the next run).
        report.partitionsCreated = try transaction { (db) throws(ParleyError) -> Int in
            var created = 0
            for table in ["messages", "media_refs"] {
                created += Int(try db.queryOnce("SELECT parley_ensure_partitions($1, $2, $3)",
                                                [.text(table), .int(nowSeconds), .int(Int64(PGMigrations.monthsAhead + 1))]).first?.int(0) ?? 0)
            }
            return created
        }
        var dropped: [String] = []
        if policy.days > 0 {
            guard policy.archivePath == nil else {
                throw ParleyError(.unsupported, "retention.archive (a SQLite archive file) is not available on PostgreSQL; "
                                  + "back up the database with pg_dump, or keep messages longer (retention.days)")
            }
            let cutoffMillis = nowMillis - Int64(policy.days) * 86_400_000
            let cutoffSeconds = cutoffMillis >= 0 ? cutoffMillis / 1000 : (cutoffMillis - 999) / 1000
            report.cutoff = cutoffSeconds
            for (name, rows) in try dropMonths("messages", before: cutoffSeconds, receivedBefore: cutoffMillis) {
                dropped.append(name)
                report.deleted += rows
            }
            report.deleted += try chunked("""
                WITH due AS (
                    SELECT seq, timestamp FROM messages
                    WHERE timestamp < $1 AND received_at < $2 AND state NOT IN ('received', 'pending', 'failed')
                    LIMIT $3 FOR UPDATE SKIP LOCKED),
                gone AS (DELETE FROM messages m USING due WHERE m.seq = due.seq AND m.timestamp = due.timestamp RETURNING m.seq)
                DELETE FROM message_keys WHERE seq IN (SELECT seq FROM gone)
                """, [.int(cutoffSeconds), .int(cutoffMillis)])
            let idleBefore = min(cutoffSeconds, nowSeconds - policy.threadIdleSeconds)
            report.threadsDeleted = try chunked("""
                DELETE FROM threads WHERE id IN (
                    SELECT id FROM threads t
                    WHERE ((state = 'closed' AND last_activity < $1) OR (state = 'open' AND last_activity < $2))
                    AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.thread = t.id)
                    LIMIT $3 FOR UPDATE SKIP LOCKED)
                """, [.int(cutoffSeconds), .int(idleBefore)])
            // References go by month only where the messages' month is gone too.
            let oldestKept = try read { (db) throws(ParleyError) -> Int64? in
                try db.query("""
                    SELECT parley_month_start(extract(epoch FROM to_timestamp(right(min(c.relname), 7) || '_15', 'YYYY_MM_DD'))::BIGINT)
                    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                    WHERE i.inhparent = 'messages'::regclass AND c.relname ~ '^messages_[0-9]{4}_[0-9]{2}$'
                    """).first?.int(0)
            }
            for (name, _) in try dropMonths("media_refs", before: min(cutoffSeconds, oldestKept ?? cutoffSeconds), receivedBefore: 0) {
                dropped.append(name)
            }
            report.mediaDeleted = try purgeMedia(before: cutoffSeconds, directory: policy.mediaDirectory)
            report.outboxDeleted = try chunked("""
                DELETE FROM outbox WHERE id IN (
                    SELECT id FROM outbox WHERE state NOT IN ('queued', 'leased') AND enqueued_at < $1
                    ORDER BY enqueued_at LIMIT $2 FOR UPDATE SKIP LOCKED)
                """, [.int(cutoffMillis)])
        }
        report.claimsExpired = try chunked("""
            DELETE FROM idempotency WHERE key IN (
                SELECT key FROM idempotency WHERE expires_at <= $1 ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED)
            """, [.int(nowMillis)])
        if let directory = policy.mediaDirectory { report.mediaTemporariesDeleted = MediaFiles.sweepTemporaries(in: directory) }
        report.partitionsDropped = dropped
        return report
    }

    /// Drops the months of `table` that ended by `before` (see parley_drop_partitions_counted);
    /// their names and row counts.
    private func dropMonths(_ table: String, before: Int64, receivedBefore: Int64) throws(ParleyError) -> [(String, Int)] {
        try transaction { (db) throws(ParleyError) -> [(String, Int)] in
            try db.queryOnce("SELECT partition_name, row_count FROM parley_drop_partitions_counted($1, $2, $3)",
                             [.text(table), .int(before), .int(receivedBefore)]).rows.map { ($0.text(0) ?? "", Int($0.int(1) ?? 0)) }
        }
    }

    /// Runs a deleting statement (its last parameter is the chunk size, after `values`) in its
    /// own transactions until a run deletes less than a chunk; the rows deleted.
    private func chunked(_ sql: String, _ values: [PGValue]) throws(ParleyError) -> Int {
        var total = 0
        while true {
            let deleted = try transaction { (db) throws(ParleyError) -> Int in
                try db.query(sql, values + [.int(Int64(Store.retentionChunk))]).affected
            }
            total += deleted
            if deleted < Store.retentionChunk { return total }
        }
    }
}

/// Retention on a schedule for a PostgreSQL store (no checkpoint thread there): a small thread
/// that runs `maintain` first after `firstAfter` ms, then every `every` ms, and ends with the
/// store (it holds it weakly and looks every 200 ms) or when the store is closed.
final class PGMaintenanceTimer: @unchecked Sendable {
    // @unchecked: `store` is weak and only read; the thread owns the rest.
    private weak var store: Store?
    private let every: Int64
    private let firstAfter: Int64

    private init(store: Store, every: Int64, firstAfter: Int64) {
        self.store = store
        self.every = max(every, 1_000)
        self.firstAfter = max(firstAfter, 0)
    }

    /// Starts the thread; false when it could not be created (retention then runs when the
    /// host calls parley_store_maintain).
    @discardableResult
    static func start(for store: Store, every: Int64, firstAfter: Int64) -> Bool {
        let timer = PGMaintenanceTimer(store: store, every: every, firstAfter: firstAfter)
        guard case .success(let thread) = Threads.start({ timer.loop() }) else { return false }
        pthread_detach(thread)
        return true
    }

    private func loop() {
        var due = BreakerClock.monotonic.nowMillis() + firstAfter
        while true {
            usleep(200_000)
            guard let store else { return }
            guard BreakerClock.monotonic.nowMillis() >= due else { continue }
            do {
                _ = try store.maintain(nowMillis: Engine.unixMillis())
            } catch {
                // Closed: done. Anything else (the server away, a lock) is tried at the next interval.
                if error.message.contains("pool is closed") { return }
            }
            due = BreakerClock.monotonic.nowMillis() + every
        }
    }
}

extension Store {
    /// Schedules retention on a PostgreSQL store (Store.init calls this where a SQLite store
    /// schedules it on its checkpoint thread): first after min(interval, 10 minutes), then
    /// every `retention.intervalMillis`.
    func schedulePostgresRetention() {
        guard postgres != nil else { return }
        let interval = retention.intervalMillis
        PGMaintenanceTimer.start(for: self, every: interval, firstAfter: min(interval, RetentionPolicy.firstRunDelayMillis))
    }
}
