import CSQLite

/// How long the journal keeps messages, and where old rows go (configuration key "retention").
public struct RetentionPolicy: Sendable, Equatable {
    /// Longest retention accepted in days: a century.
    public static let maxDays: Int64 = 36_500
    /// Messages are kept this many days after their timestamp (and after they arrived); 0 keeps
    /// them forever.
    public var days = 30
    /// nil deletes old rows; a path moves them into that SQLite file (created if missing).
    public var archivePath: String?
    /// How often the engine runs retention on its background thread.
    public var intervalMillis: Int64 = 60 * 60_000
    /// An open thread idle this long is closed by its chat's next message (the engine sets it
    /// from "threads.inactivityMinutes"): past the retention too, it goes like a closed one.
    public var threadIdleSeconds: Int64 = 24 * 3600
    /// The media directory (the engine sets it): files Parley kept there for media items
    /// that no message names any more are deleted with them.
    public var mediaDirectory: String?

    public init() {}

    public init(days: Int, archivePath: String? = nil, intervalMillis: Int64 = 60 * 60_000) {
        self.days = days
        self.archivePath = archivePath
        self.intervalMillis = intervalMillis
    }

    /// The first scheduled run comes this long after open (or after one interval if shorter),
    /// never at open itself: opening stays fast, and short-lived processes (a CLI run, a test)
    /// leave the store as they found it.
    static let firstRunDelayMillis: Int64 = 10 * 60_000
}

/// What one maintenance run did (parley_store_maintain's answer).
public struct MaintenanceReport: Sendable, Equatable {
    /// Messages removed from the journal without a copy.
    public var deleted = 0
    /// Messages moved into the archive file.
    public var archived = 0
    /// Threads removed, closed or idle (moved into the archive when one is configured).
    public var threadsDeleted = 0
    /// Expired idempotency claims removed.
    public var claimsExpired = 0
    /// Media items (and the files Parley kept for them) that no stored message names any more.
    public var mediaDeleted = 0
    public var outboxDeleted = 0
    /// Temporary media files of writes a crash cut short (`MediaFiles.sweepTemporaries`).
    public var mediaTemporariesDeleted = 0
    /// Free pages given back to the file system by the incremental vacuum.
    public var freedPages = 0
    /// Messages whose timestamp is before this (Unix seconds) were due; nil when kept forever.
    public var cutoff: Int64?
    /// "incremental" for stores created by this Parley; "none" for older files, which keep
    /// their free pages for reuse (convert with `parley maintain --vacuum`).
    public var autoVacuum = "none"
    public var pageCount = 0
    public var freelistCount = 0
    /// PostgreSQL only: the monthly partitions dropped whole (their rows are in "deleted") and
    /// the months created ahead by this run.
    public var partitionsDropped: [String]?
    public var partitionsCreated: Int?

    public var json: JSONValue {
        var object = JSONObject()
        object.append("schema", .int(EnrichedContext.schema))
        object.append("deleted", .int(Int64(deleted)))
        object.append("archived", .int(Int64(archived)))
        object.append("threadsDeleted", .int(Int64(threadsDeleted)))
        object.append("claimsExpired", .int(Int64(claimsExpired)))
        object.append("mediaDeleted", .int(Int64(mediaDeleted)))
        object.append("outboxDeleted", .int(Int64(outboxDeleted)))
        object.append("mediaTemporariesDeleted", .int(Int64(mediaTemporariesDeleted)))
        object.append("freedPages", .int(Int64(freedPages)))
        object.append("cutoff", cutoff.map(JSONValue.int) ?? .null)
        object.append("autoVacuum", .string(autoVacuum))
        object.append("pageCount", .int(Int64(pageCount)))
        object.append("freelistCount", .int(Int64(freelistCount)))
        if let partitionsDropped { object.append("partitionsDropped", .array(partitionsDropped.map(JSONValue.string))) }
        if let partitionsCreated { object.append("partitionsCreated", .int(Int64(partitionsCreated))) }
        return .object(object)
    }
}

/// The SQL of retention: old messages, idle threads and expired claims deleted (or moved to
/// an archive file) in bounded chunks, then an incremental vacuum. Each chunk is its own
/// transaction under the store's lock, released between chunks, so `process` calls carry on
/// while a large purge runs.
extension Store {
    /// Rows per transaction: small enough that a purge never holds the write lock for long.
    static let retentionChunk = 1_000
    /// Pages per incremental vacuum step (4 MB with 4 KB pages).
    static let vacuumChunk = 1_024

    /// Runs retention as of `nowMillis` (Unix milliseconds). One run at a time per store: a
    /// second caller waits for the first. A message goes once both its timestamp and its
    /// arrival are older than the retention, so a host that re-delivers old history does not
    /// get it processed twice the day it arrives.
    public func maintain(nowMillis: Int64) throws(ParleyError) -> MaintenanceReport {
        return try maintenanceGate.withLock { (_: inout Int) throws(ParleyError) -> MaintenanceReport in
            // PostgreSQL drops whole months, then deletes the rest (PGStore+Retention.swift).
            if let postgres { return try postgres.maintain(nowMillis: nowMillis, policy: retention) }
            return try maintainNow(nowMillis: nowMillis)
        }
    }

    private func maintainNow(nowMillis: Int64) throws(ParleyError) -> MaintenanceReport {
        var report = MaintenanceReport()
        let policy = retention
        if policy.days > 0 {
            let retainedMillis = Int64(policy.days) * 86_400_000
            let cutoffMillis = nowMillis - retainedMillis
            // Floor division: a message stamped in the cutoff's second is kept.
            let cutoffSeconds = cutoffMillis >= 0 ? cutoffMillis / 1000 : (cutoffMillis - 999) / 1000
            report.cutoff = cutoffSeconds
            if let archive = policy.archivePath {
                try withArchive(archive) { () throws(ParleyError) in
                    try purgeMessages(before: cutoffSeconds, receivedBefore: cutoffMillis, archiving: true, into: &report)
                    try purgeThreads(before: cutoffSeconds, idleBefore: nowMillis / 1000 - policy.threadIdleSeconds, archiving: true, into: &report)
                }
            } else {
                try purgeMessages(before: cutoffSeconds, receivedBefore: cutoffMillis, archiving: false, into: &report)
                try purgeThreads(before: cutoffSeconds, idleBefore: nowMillis / 1000 - policy.threadIdleSeconds, archiving: false, into: &report)
            }
            report.mediaDeleted = try purgeMedia(before: cutoffSeconds, directory: policy.mediaDirectory)
            report.outboxDeleted = try purgeFinishedSends(enqueuedBefore: cutoffMillis)
        }
        report.claimsExpired = try purgeClaims(expiredBy: nowMillis)
        if let directory = policy.mediaDirectory { report.mediaTemporariesDeleted = MediaFiles.sweepTemporaries(in: directory) }
        try vacuum(into: &report)
        checkpointer?.request()
        return report
    }

    // MARK: Messages and threads

    /// Walks the messages due (by the `messages_by_time` index) in chunks, keyed by
    /// (timestamp, seq) so rows kept for their recent arrival are read once, not every chunk.
    private func purgeMessages(before cutoff: Int64, receivedBefore cutoffMillis: Int64, archiving: Bool,
                               into report: inout MaintenanceReport) throws(ParleyError) {
        var cursor: (timestamp: Int64, seq: Int64) = (Int64.min, Int64.min)
        while true {
            let (due, last) = try withConnection { db throws(ParleyError) -> ([JSONValue], [Int64]?) in
                var due: [JSONValue] = []
                var last: [Int64]?
                try db.statement("""
                    SELECT seq, timestamp, received_at, state FROM messages
                    WHERE timestamp < ?1 AND timestamp >= ?2 AND (timestamp > ?2 OR seq > ?3)
                    ORDER BY timestamp, seq LIMIT ?4
                    """)
                    .bind([.int(cutoff), .int(cursor.timestamp), .int(cursor.seq), .int(Int64(Self.retentionChunk))])
                    .forEachRow { row in
                        last = [row.int(1), row.int(0)]
                        // Work not finished (received, pending, failed) is kept whatever its age.
                        let finished = !["received", "pending", "failed"].contains(row.text(3) ?? "")
                        if row.int(2) < cutoffMillis && finished { due.append(.int(row.int(0))) }
                    }
                return (due, last)
            }
            guard let last else { return }
            cursor = (last[0], last[1])
            if !due.isEmpty {
                let moved = try move(table: "messages", key: "seq", keys: due, archiving: archiving)
                if archiving { report.archived += moved } else { report.deleted += moved }
            }
        }
    }

    /// Threads last active before the cutoff that no stored message names any more: closed
    /// ones, and open ones idle past `threads.inactivityMinutes` too (their chat went silent:
    /// its next message would close them), else a chat seen once would keep its thread forever.
    private func purgeThreads(before cutoff: Int64, idleBefore: Int64, archiving: Bool,
                              into report: inout MaintenanceReport) throws(ParleyError) {
        for (state, before) in [("closed", cutoff), ("open", min(cutoff, idleBefore))] {
            var cursor: (activity: Int64, row: Int64) = (Int64.min, Int64.min)
            while true {
                let (due, chats, last) = try withConnection { db throws(ParleyError) -> ([JSONValue], [String], [Int64]?) in
                    var due: [JSONValue] = []
                    var chats: [String] = []
                    var last: [Int64]?
                    try db.statement("""
                        SELECT rowid, last_activity, EXISTS (SELECT 1 FROM messages m WHERE m.thread = t.id), chat FROM threads t
                        WHERE state = ?5 AND last_activity < ?1 AND last_activity >= ?2 AND (last_activity > ?2 OR rowid > ?3)
                        ORDER BY last_activity, rowid LIMIT ?4
                        """)
                        .bind([.int(before), .int(cursor.activity), .int(cursor.row), .int(Int64(Self.retentionChunk)), .text(state)])
                        .forEachRow { row in
                            last = [row.int(1), row.int(0)]
                            if row.int(2) == 0 {
                                due.append(.int(row.int(0)))
                                chats.append(row.text(3) ?? "")
                            }
                        }
                    return (due, chats, last)
                }
                guard let last else { break }
                cursor = (last[0], last[1])
                if !due.isEmpty {
                    report.threadsDeleted += try move(table: "threads", key: "rowid", keys: due, archiving: archiving, forgetting: chats)
                }
            }
        }
    }

    /// Deletes the rows of `table` whose `key` is one of `keys` in one transaction, after
    /// copying them into the archive when `archiving`. The copy commits first, in its own
    /// transaction: SQLite does not commit a WAL database and an attached one atomically, and
    /// in this order a crash between the two leaves a row in both files (the copy is ignored
    /// when repeated), never in neither. The keys go in as one JSON array, so each statement
    /// is prepared once whatever the chunk's size. Returns the rows deleted.
    /// `forgetting`: chats whose cached threading state must be read again (it named a thread
    /// deleted here).
    private func move(table: String, key: String, keys: [JSONValue], archiving: Bool,
                      forgetting chats: [String] = []) throws(ParleyError) -> Int {
        let list = SQLiteValue.text(JSONWriter.string(.array(keys)))
        return try withConnection { db throws(ParleyError) -> Int in
            defer { chatStates.forget(chats) }
            if archiving {
                try db.transaction { () throws(ParleyError) in
                    let columns = try Self.columns(of: table, schema: "main", in: db).map(Self.quoted).joined(separator: ", ")
                    try db.statement("""
                        INSERT OR IGNORE INTO archive.\(table) (\(columns))
                        SELECT \(columns) FROM main.\(table) WHERE \(key) IN (SELECT value FROM json_each(?1))
                        """).bind([list]).run()
                }
            }
            return try db.transaction { () throws(ParleyError) -> Int in
                try db.statement("DELETE FROM main.\(table) WHERE \(key) IN (SELECT value FROM json_each(?1))").bind([list]).run()
                return db.changes
            }
        }
    }

    // MARK: Finished sends

    /// Sends that are sent, delivered, read or failed, queued before the cutoff (the host's
    /// time). Unfinished ones stay whatever their age: they are still owed a send.
    private func purgeFinishedSends(enqueuedBefore cutoff: Int64) throws(ParleyError) -> Int {
        var total = 0
        while true {
            let deleted = try withConnection { db throws(ParleyError) -> Int in
                try db.transaction { () throws(ParleyError) -> Int in
                    try db.statement("""
                        DELETE FROM outbox WHERE id IN
                            (SELECT id FROM outbox WHERE state NOT IN ('queued', 'leased') AND enqueued_at < ?1
                             ORDER BY enqueued_at LIMIT ?2)
                        """)
                        .bind([.int(cutoff), .int(Int64(Self.retentionChunk))]).run()
                    return db.changes
                }
            }
            total += deleted
            if deleted < Self.retentionChunk { return total }
        }
    }

    // MARK: Idempotency claims

    private func purgeClaims(expiredBy now: Int64) throws(ParleyError) -> Int {
        var total = 0
        while true {
            let deleted = try withConnection { db throws(ParleyError) -> Int in
                try db.transaction { () throws(ParleyError) -> Int in
                    try db.statement("""
                        DELETE FROM idempotency WHERE key IN
                            (SELECT key FROM idempotency WHERE expires_at <= ?1 ORDER BY expires_at LIMIT ?2)
                        """)
                        .bind([.int(now), .int(Int64(Self.retentionChunk))]).run()
                    return db.changes
                }
            }
            total += deleted
            if deleted < Self.retentionChunk { return total }
        }
    }

    // MARK: Vacuum

    /// Gives free pages back in steps of `vacuumChunk` pages (each its own short transaction).
    /// A store created before auto_vacuum was set keeps its free pages for reuse.
    private func vacuum(into report: inout MaintenanceReport) throws(ParleyError) {
        let mode = try withConnection { db throws(ParleyError) in
            try db.statement("PRAGMA auto_vacuum").firstRow { $0.int(0) } ?? 0
        }
        report.autoVacuum = mode == 2 ? "incremental" : mode == 1 ? "full" : "none"
        if mode == 2 {
            while true {
                let (before, after) = try withConnection { db throws(ParleyError) -> (Int, Int) in
                    let before = try Self.freelistCount(db)
                    if before > 0 { try db.execute("PRAGMA incremental_vacuum(\(Self.vacuumChunk))") }
                    return (before, try Self.freelistCount(db))
                }
                report.freedPages += before - after
                if after == 0 || after >= before { break }
            }
        }
        let (pages, free) = try withConnection { db throws(ParleyError) -> (Int, Int) in
            (Int(try db.statement("PRAGMA page_count").firstRow { $0.int(0) } ?? 0), try Self.freelistCount(db))
        }
        report.pageCount = pages
        report.freelistCount = free
    }

    private static func freelistCount(_ db: SQLiteConnection) throws(ParleyError) -> Int {
        Int(try db.statement("PRAGMA freelist_count").firstRow { $0.int(0) } ?? 0)
    }

    /// Rewrites the whole file with auto_vacuum = INCREMENTAL (a store created before this
    /// Parley set it). Takes the write lock for as long as a full VACUUM takes, and needs free
    /// disk space of about the store's size: only on request (`parley maintain --vacuum`).
    public func convertToIncrementalVacuum() throws(ParleyError) {
        try withConnection { db throws(ParleyError) in
            try db.execute("PRAGMA auto_vacuum = INCREMENTAL")
            try db.execute("VACUUM")
        }
        checkpointer?.request()
    }

    // MARK: The archive file

    /// Attaches the archive as `archive`, creates or widens its tables to the journal's
    /// columns, runs `body` and detaches it again.
    private func withArchive(_ path: String, _ body: () throws(ParleyError) -> Void) throws(ParleyError) {
        try withConnection { db throws(ParleyError) in
            do throws(ParleyError) {
                try db.statement("ATTACH DATABASE ?1 AS archive").bind([.text(path)]).run()
            } catch {
                throw ParleyError(error.kind, "cannot open the retention archive \(path): \(error)")
            }
            do throws(ParleyError) {
                try db.transaction { () throws(ParleyError) in
                    try Self.prepareArchiveTable("messages", unique: ["chat", "id", "received_at"], in: db)
                    try Self.prepareArchiveTable("threads", unique: ["id"], in: db)
                }
            } catch {
                try? db.execute("DETACH DATABASE archive")
                throw ParleyError(error.kind, "cannot prepare the retention archive \(path): \(error)")
            }
        }
        defer { _ = try? withConnection { db throws(ParleyError) in try db.execute("DETACH DATABASE archive") } }
        try body()
    }

    /// The archive's table has the journal's columns (added when a later schema adds some) and
    /// a uniqueness key that makes a repeated copy a no-op. No other constraints: a row is
    /// archived exactly as it was stored.
    private static func prepareArchiveTable(_ table: String, unique: [String], in db: SQLiteConnection) throws(ParleyError) {
        let columns = try columnsWithTypes(of: table, schema: "main", in: db)
        let existing = Set(try Self.columns(of: table, schema: "archive", in: db))
        if existing.isEmpty {
            let definitions = columns.map { "\(quoted($0.name)) \($0.type)" }.joined(separator: ", ")
            try db.execute("CREATE TABLE archive.\(table) (\(definitions), UNIQUE (\(unique.joined(separator: ", "))))")
        } else {
            for column in columns where !existing.contains(column.name) {
                try db.execute("ALTER TABLE archive.\(table) ADD COLUMN \(quoted(column.name)) \(column.type)")
            }
        }
    }

    static func columns(of table: String, schema: String, in db: SQLiteConnection) throws(ParleyError) -> [String] {
        try columnsWithTypes(of: table, schema: schema, in: db).map(\.name)
    }

    private static func columnsWithTypes(of table: String, schema: String, in db: SQLiteConnection) throws(ParleyError) -> [(name: String, type: String)] {
        var columns: [(name: String, type: String)] = []
        try db.statement("SELECT name, type FROM pragma_table_info(?1, ?2) ORDER BY cid")
            .bind([.text(table), .text(schema)]).forEachRow { row in
                columns.append((row.text(0) ?? "", row.text(1) ?? ""))
            }
        return columns
    }

    private static func quoted(_ name: String) -> String {
        "\"" + name.replacing("\"", with: "\"\"") + "\""
    }
}
