import CSQLite
#if canImport(Glibc)
import Glibc
#endif

/// The durable journal: every message with its enriched context. All of Parley's SQL lives in
/// this folder. One connection behind a mutex: SQLite serializes writers anyway. Under load
/// this lock, not the workers, bounds throughput (its held time is in `walUsage()`).
///
/// Two backends behind this one façade (`backend`): SQLite (the embedded default, the SQL in
/// this folder) and PostgreSQL (`PGStore` in Postgres/, for several instances over one
/// database). Each operation ported to PostgreSQL dispatches at its top; everything else goes
/// through `withConnection`/`withLocked`, which refuse with PARLEY_UNSUPPORTED ("not yet on
/// PostgreSQL") on that backend, so nothing is silently skipped.
public final class Store: Sendable {
    /// Where the store's rows live.
    enum Backend: Sendable {
        case sqlite
        case postgres(PGStore)
    }
    public enum Synchronous: String, Sendable {
        case normal, full
    }

    /// 'PRLY': marks a file as Parley's so another application's database is refused, not altered.
    static let applicationID: Int32 = 0x5052_4C59

    /// The connection and how long its lock was held.
    struct Locked: ~Copyable {
        var db: SQLiteConnection?
        /// Nanoseconds the lock was held since the store opened: every SQLite call of this
        /// process waits its turn here, so held time over wall time bounds how far adding
        /// workers can scale (reported by `parley bench throughput`).
        var heldNanos: UInt64 = 0
    }

    private let connection: Guarded<Locked>
    let backend: Backend
    let checkpointer: Checkpointer?
    let groupCommit = GroupCommit()
    /// Chats' committed threading state (SQLite backend).
    let chatStates = ChatStateCache()
    public let path: String?
    /// Messages `submit` accepted, until processed (file stores; nil in memory and on PostgreSQL).
    let inbox: Inbox?
    /// `process`'s messages on their way to SQLite (a file store with `writeBehind`).
    let writeBehind: WriteBehind?
    /// A second connection for `process`'s reads under write-behind: in WAL mode it reads the
    /// last commit while the write-behind thread's transaction holds the store's lock.
    private let reader: Guarded<SQLiteConnection?>
    /// The last `seq` given to a journal row or an inbox ticket: an inbox message's row takes
    /// its ticket as `seq`, so a row's number is known before it is written.
    private let sequence: SequenceBlocks
    /// What the inbox held when the store opened and the journal did not: handed to
    /// `unfinished()` once.
    let inboxRecovered: Guarded<[Unfinished]>
    /// A message with the same chat, sender and content as one stored within this many
    /// seconds is a duplicate re-sent under a new id (0: only ids count).
    public let contentWindowSeconds: Int64
    /// What `maintain` keeps (Retention.swift); also run on the checkpoint thread when scheduled.
    public let retention: RetentionPolicy
    /// One retention run at a time.
    let maintenanceGate = Guarded<Int>(0)

    /// `path` nil opens a private in-memory store. A write waits up to `busyTimeoutMillis` for
    /// another process's lock, then fails with `.busy`. `scheduleRetention`: a file store also
    /// runs `maintain` on its checkpoint thread, first after min(interval, 10 minutes), then
    /// every `retention.intervalMillis`. `writeBehind`: `journalProcessed` on a file store
    /// answers from the inbox and writes SQLite behind (WriteBehind.swift).
    public init(path: String?, synchronous: Synchronous = .normal, busyTimeoutMillis: Int = 5_000,
                contentWindowSeconds: Int64 = 300,
                retention: RetentionPolicy = RetentionPolicy(), scheduleRetention: Bool = false,
                postgres: PostgresStoreSettings? = nil, writeBehind: Bool = false) throws(ParleyError) {
        self.contentWindowSeconds = contentWindowSeconds
        self.retention = retention
        if let postgres {
            // PostgreSQL: no file, no checkpoints; `path` nil. Retention runs on a timer
            // (PGMaintenanceTimer) when scheduled.
            self.path = nil
            backend = .postgres(try PGStore(settings: postgres, contentWindowSeconds: contentWindowSeconds,
                                             checkoutTimeoutMillis: busyTimeoutMillis))
            checkpointer = nil
            inbox = nil
            self.writeBehind = nil
            reader = Guarded(nil)
            sequence = try SequenceBlocks(storePath: nil, floor: 0)
            inboxRecovered = Guarded([])
            connection = Guarded(Locked(db: nil))
            if scheduleRetention { schedulePostgresRetention() }
            return
        }
        self.path = path
        backend = .sqlite
        let db = try SQLiteConnection(path: path ?? ":memory:", busyTimeoutMillis: busyTimeoutMillis)
        do {
            try Self.prepare(db, inMemory: path == nil, synchronous: synchronous)
        } catch {
            db.close()
            throw ParleyError(error.kind, "cannot open the store at \(path ?? ":memory:"): \(error)")
        }
        if let path {
            do {
                checkpointer = try Checkpointer(path: path, busyTimeoutMillis: busyTimeoutMillis)
            } catch {
                db.close()
                throw error
            }
        } else {
            checkpointer = nil
        }
        do throws(ParleyError) {
            var last = try db.statement("SELECT coalesce(max(seq), 0) FROM messages").firstRow { $0.int(0) } ?? 0
            if let path {
                let (inbox, leftovers) = try Inbox.open(storePath: path, synchronous: synchronous == .full)
                let unfinished: [(entry: Inbox.Entry, stored: String?)]
                do throws(ParleyError) {
                    unfinished = try Self.unfinished(leftovers, handed: inbox.handedAtOpen, in: db)
                    try inbox.finishRecovery(keeping: unfinished.map(\.entry))
                    // Those already journaled wait only for their hand-back.
                    inbox.release(unfinished.filter { $0.stored != nil }.map(\.entry.ticket))
                } catch {
                    inbox.close()   // the slots go back: the next open recovers their entries
                    throw error
                }
                last = max(last, leftovers.map(\.ticket).max() ?? 0)
                self.inbox = inbox
                inboxRecovered = Guarded(unfinished.map {
                    Unfinished(ticket: $0.entry.ticket, message: $0.entry.message, priority: $0.entry.priority,
                               recorded: $0.entry.context, handBack: $0.entry.awaitsHandBack, stored: $0.stored)
                })
            } else {
                inbox = nil
                inboxRecovered = Guarded([])
            }
            do {
                sequence = try SequenceBlocks(storePath: path, floor: last)
            } catch {
                inbox?.close()
                throw error
            }
        } catch {
            checkpointer?.stop()
            db.close()
            throw ParleyError(error.kind, "cannot open the store at \(path ?? ":memory:"): \(error)")
        }
        // Write-behind needs the inbox (a file store) and its own reading connection.
        // Only then a weak reference to the store (its side table lives as long as the store).
        let owner: StoreReference? = writeBehind && path != nil && inbox != nil ? StoreReference() : nil
        var behind: (WriteBehind, SQLiteConnection)?
        if let owner, let path {
            do throws(ParleyError) {
                let readerDB = try SQLiteConnection(path: path, busyTimeoutMillis: busyTimeoutMillis)
                do throws(ParleyError) {
                    behind = (try WriteBehind { batch in
                        guard let store = owner.store else { return ParleyError(.storage, "the engine's store is closed") }
                        return store.applyBehind(batch)
                    }, readerDB)
                } catch {
                    readerDB.close()
                    throw error
                }
            } catch {
                checkpointer?.stop()
                inbox?.close()
                db.close()
                throw error
            }
        }
        self.writeBehind = behind?.0
        reader = Guarded(behind?.1)
        connection = Guarded(Locked(db: db))
        owner?.store = self
        if scheduleRetention, let checkpointer {
            let interval = retention.intervalMillis
            checkpointer.schedule(every: interval, firstAfter: min(interval, RetentionPolicy.firstRunDelayMillis)) { [weak self] in
                // A failed run (the store closing, a busy lock, a full disk) is retried at the
                // next interval; the host sees failures when it calls parley_store_maintain.
                guard let self else { return }
                _ = try? self.maintain(nowMillis: Engine.unixMillis())
            }
        }
    }

    private static func prepare(_ db: SQLiteConnection, inMemory: Bool, synchronous: Synchronous) throws(ParleyError) {
        // Reading the header first turns "not a database" into a clear .corrupt before any write.
        // One statement, one snapshot: read apart, another process creating the same new file
        // could commit its first tables between the two reads (application_id 0 with tables:
        // "not a Parley database", found by an outside host opening a new store from 5 processes).
        let (appID, objectCount) = try db.statement("""
            SELECT (SELECT application_id FROM pragma_application_id), (SELECT count(*) FROM sqlite_master)
            """).firstRow { (Int32(truncatingIfNeeded: $0.int(0)), $0.int(1)) } ?? (0, 0)
        if appID != applicationID && (appID != 0 || objectCount > 0) {
            throw ParleyError(.corrupt, "the store file is not a Parley database (application_id \(appID))")
        }
        if objectCount == 0 {
            // A new file: free pages go back to the file system on `maintain` (incremental
            // vacuum). Only possible before the first table is created; older stores keep
            // auto_vacuum NONE unless converted on request (convertToIncrementalVacuum).
            try db.execute("PRAGMA auto_vacuum = INCREMENTAL")
        }
        if !inMemory {
            // Turning a new file to WAL needs it alone: SQLite answers BUSY at once, without its
            // busy handler, while another process creating it holds a lock. Tried again briefly.
            var tries = 0
            while true {
                do throws(ParleyError) {
                    try db.execute("PRAGMA journal_mode = WAL")
                    break
                } catch {
                    tries += 1
                    guard error.kind == .busy, tries < 500 else { throw error }
                    usleep(10_000)
                }
            }
            // Checkpoints run on the Checkpointer's thread, not inside commits.
            try db.execute("PRAGMA wal_autocheckpoint = 0")
            try db.execute("PRAGMA journal_size_limit = 67108864")
            db.countWALFrames()
        }
        try db.execute("PRAGMA synchronous = \(synchronous == .full ? "FULL" : "NORMAL")")
        try db.execute("PRAGMA foreign_keys = ON")
        try Migrations.apply(to: db)
        let verdict = try db.statement("PRAGMA quick_check").firstRow { $0.text(0) } ?? nil
        if verdict != "ok" {
            // SQLite lists up to 100 problems, one a line: the first says enough for a message.
            let problems = (verdict ?? "no answer").split(separator: "\n").filter { !$0.hasPrefix("*** in database") }
            let more = problems.count > 1 ? " (and \(problems.count - 1) more problems)" : ""
            throw ParleyError(.corrupt, "the store failed its integrity check: \(problems.first.map(String.init) ?? "no answer")\(more)")
        }
    }

    /// The PostgreSQL backend, nil on SQLite.
    var postgres: PGStore? {
        if case .postgres(let store) = backend { return store }
        return nil
    }

    /// What an operation not ported to PostgreSQL throws there (`caller` names it).
    static func notOnPostgres(_ caller: String) -> ParleyError {
        let name = caller.firstIndex(of: "(").map { String(caller[..<$0]) } ?? caller
        return ParleyError(.unsupported, "\(name) is not yet on PostgreSQL (issue 9); use a SQLite store (store.path) for it")
    }

    /// The SQLite connection, under the store's lock. On PostgreSQL: `.unsupported` (this is
    /// the path of every operation not ported yet). `settling`: first wait for what
    /// `process` queued behind (WriteBehind), so that every read sees it; only the write of
    /// that queue itself does not.
    func withConnection<T: Sendable>(caller: String = #function, settling: Bool = true,
                                     _ body: (SQLiteConnection) throws(ParleyError) -> T) throws(ParleyError) -> T {
        try withLocked(caller: caller, settling: settling) { _, db throws(ParleyError) in try body(db) }
    }

    func withLocked<T: Sendable>(caller: String = #function, settling: Bool = true,
                                 _ body: (inout Locked, SQLiteConnection) throws(ParleyError) -> T) throws(ParleyError) -> T {
        if postgres != nil { throw Self.notOnPostgres(caller) }
        if settling { try writeBehind?.settle() }
        return try connection.withLock { (state: inout Locked) throws(ParleyError) -> T in
            guard let db = state.db else { throw ParleyError(.storage, "the engine's store is closed") }
            let start = Self.monotonicNanos()
            defer { state.heldNanos &+= Self.monotonicNanos() &- start }
            return try body(&state, db)
        }
    }

    /// The reading connection of write-behind (`reader`), falling back to the store's own.
    func withReader<T: Sendable>(_ body: (SQLiteConnection) throws(ParleyError) -> T) throws(ParleyError) -> T {
        try reader.withLock { (db: inout SQLiteConnection?) throws(ParleyError) -> T in
            guard let db else { return try withConnection(settling: false, body) }
            return try body(db)
        }
    }

    deinit {
        writeBehind?.stop()
        checkpointer?.stop()
        inbox?.close()
    }

    /// Closes the connection after any call in progress; later calls fail with `.storage`.
    public func close() {
        if let postgres {
            postgres.close()
            return
        }
        // What `process` queued is written first; what cannot be stays in the inbox.
        writeBehind?.stop()
        reader.withLock { db in
            db?.close()
            db = nil
        }
        let wasOpen = connection.withLock { state in
            defer {
                state.db?.close()
                state.db = nil
                chatStates.removeAll()
            }
            return state.db != nil
        }
        if wasOpen { checkpointer?.stop() }
        inbox?.close()
        sequence.close()
    }

    /// A fresh `seq` for a journal row or an inbox ticket.
    func nextSeq() -> Int64 {
        sequence.next()
    }

    /// Keeps the sequence past a row another process numbered.
    func noteSeq(_ seq: Int64) {
        sequence.note(seq)
    }

    /// These tickets' messages are in the journal now (processed, answered as duplicates,
    /// dead-lettered): the inbox lets them go.
    public func release(_ tickets: [Int64]) {
        inbox?.release(tickets)
    }

    /// These submitted messages' results reached the host (Inbox.handedBack).
    public func handedBack(_ tickets: [Int64]) {
        inbox?.handedBack(tickets)
    }

    /// What the store's commits wrote to the WAL since it opened: pages (frames, one page
    /// each), bytes (frames × (page size + 24-byte frame header)) and commits (zero for an
    /// in-memory store); and how long its connection's lock was held.
    public struct WALUsage: Sendable {
        public var frames: Int64
        public var bytes: Int64
        public var commits: Int64
        public var lockHeldNanos: UInt64

        public init(frames: Int64 = 0, bytes: Int64 = 0, commits: Int64 = 0, lockHeldNanos: UInt64 = 0) {
            self.frames = frames
            self.bytes = bytes
            self.commits = commits
            self.lockHeldNanos = lockHeldNanos
        }
    }

    private static func monotonicNanos() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
    }

    public func walUsage() throws(ParleyError) -> WALUsage {
        try withLocked { state, db throws(ParleyError) in
            let pageSize = try db.statement("PRAGMA page_size").firstRow { $0.int(0) } ?? 4096
            let counts = db.walCounts.pointee
            return WALUsage(frames: counts.frames, bytes: counts.frames * (pageSize + 24), commits: counts.commits,
                            lockHeldNanos: state.heldNanos)
        }
    }

    /// How many messages the journal holds.
    public func messageCount() throws(ParleyError) -> Int {
        if let postgres { return try postgres.messageCount() }
        return try withConnection { db throws(ParleyError) in
            try db.statement("SELECT count(*) FROM messages").firstRow { Int($0.int(0)) } ?? 0
        }
    }
}

/// The store as its write-behind thread reaches it: weak, so that thread never keeps a
/// store alive (set once, before anything is queued).
private final class StoreReference: @unchecked Sendable {
    weak var store: Store?
}
