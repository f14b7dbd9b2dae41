import CSQLite
#if canImport(Glibc)
import Glibc
#endif

/// Moves WAL checkpoints off the commit path. With SQLite's automatic checkpoints, the commit
/// that crosses the WAL threshold copies pages back into the database and syncs it — tens of
/// milliseconds on a slow disk inside some unlucky `process` call. Instead the store's own
/// connection never checkpoints and this thread, with its own connection, runs a PASSIVE
/// checkpoint (it never blocks writers) every `interval`, or sooner when asked.
/// Often and small: each checkpoint syncs the WAL, and appends to the WAL made during that
/// sync wait for it on ext4. At 50 % load of `parley bench throughput`, a 200 ms interval
/// synced ~15 MB at a time (20–30 ms) and gave a p99 of 15–28 ms; 50 ms gave 12–17 ms, and
/// 1–2 s gave 31–147 ms. Idle, a round finds no new frames and syncs nothing.
/// The same thread runs one periodic task (the store's retention) when scheduled.
final class Checkpointer: @unchecked Sendable {
    // @unchecked: the mutable state below is only touched under `mutex`.
    private let connection: SQLiteConnection
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var stopping = false
    private var requested = false
    private var thread: pthread_t?
    private let intervalMillis: Int
    private var task: (@Sendable () -> Void)?
    private var taskIntervalMillis: Int64 = 0
    /// CLOCK_MONOTONIC milliseconds of the task's next run.
    private var taskDueAt: Int64 = .max

    init(path: String, intervalMillis: Int = 50, busyTimeoutMillis: Int = 5_000) throws(ParleyError) {
        connection = try SQLiteConnection(path: path, busyTimeoutMillis: busyTimeoutMillis)
        self.intervalMillis = intervalMillis
        pthread_mutex_init(mutex, nil)
        Threads.initMonotonicCondition(condition)
        switch Threads.start({ self.loop() }) {
        case .success(let created):
            thread = created
        case .failure(let failure):
            connection.close()
            throw ParleyError(.storage, "cannot start the checkpoint thread (error \(failure.code))")
        }
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Asks for a checkpoint soon (after a large write).
    func request() {
        pthread_mutex_lock(mutex)
        requested = true
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
    }

    /// Runs `task` on this thread `firstAfter` milliseconds from now, then every `every`
    /// milliseconds (counted from the end of a run). Replaces a task scheduled before.
    func schedule(every: Int64, firstAfter: Int64, _ task: @escaping @Sendable () -> Void) {
        pthread_mutex_lock(mutex)
        self.task = task
        taskIntervalMillis = max(1, every)
        taskDueAt = Self.monotonicMillis() + max(0, firstAfter)
        pthread_mutex_unlock(mutex)
    }

    private static func monotonicMillis() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }

    /// Runs a last checkpoint and stops the thread; waits for it.
    func stop() {
        pthread_mutex_lock(mutex)
        stopping = true
        pthread_cond_signal(condition)
        let running = thread
        thread = nil
        pthread_mutex_unlock(mutex)
        if let running { pthread_join(running, nil) }
    }

    private func loop() {
        pthread_mutex_lock(mutex)
        while !stopping {
            if !requested {
                var deadline = Threads.deadline(afterMillis: intervalMillis)
                pthread_cond_timedwait(condition, mutex, &deadline)
            }
            if stopping { break }
            requested = false
            var due: (@Sendable () -> Void)?
            if let task, Self.monotonicMillis() >= taskDueAt {
                due = task
                taskDueAt = .max
            }
            pthread_mutex_unlock(mutex)
            let frames = checkpoint(mode: "PASSIVE")
            // Under continuous commits a PASSIVE checkpoint never catches the WAL's end, so the
            // WAL never starts over and grows without bound. Past the limit a RESTART waits
            // for the writer in progress, copies everything and lets the next commit reuse
            // the file from its start (trimmed to journal_size_limit). The limit counts the
            // frames written since the WAL last started over, not the file's size: the file
            // keeps its length after a restart, and measuring it made every round a RESTART
            // (which holds writers for a sync of the database: the submit latency's tail).
            if frames * pageSize() > Self.walRestartBytes { _ = checkpoint(mode: "RESTART") }
            if let due {
                due()
                pthread_mutex_lock(mutex)
                taskDueAt = Self.monotonicMillis() + taskIntervalMillis
                pthread_mutex_unlock(mutex)
            }
            pthread_mutex_lock(mutex)
        }
        task = nil
        pthread_mutex_unlock(mutex)
        // The last checkpoint does not wait for another process's write lock: TRUNCATE would
        // otherwise block parley_engine_close for the whole busy timeout. Nothing is lost
        // when it is busy: the WAL keeps every commit for the next checkpoint.
        if let handle = connection.handle { sqlite3_busy_timeout(handle, 0) }
        checkpoint(mode: "TRUNCATE")
        connection.close()
    }

    /// The WAL size past which a checkpoint waits for writers to finish it.
    static let walRestartBytes: Int64 = 32 << 20

    private var cachedPageSize: Int64 = 0

    private func pageSize() -> Int64 {
        if cachedPageSize == 0 {
            cachedPageSize = ((try? connection.statement("PRAGMA page_size").firstRow { $0.int(0) }) ?? nil) ?? 4096
        }
        return cachedPageSize
    }

    /// Runs a checkpoint; returns the frames the WAL holds since it last started over (0 when
    /// the checkpoint could not run).
    @discardableResult
    private func checkpoint(mode: String) -> Int64 {
        // A busy or failed checkpoint loses nothing: the WAL keeps every commit and the next
        // round (or the next open) checkpoints it.
        let row = try? connection.statement("PRAGMA wal_checkpoint(\(mode))").firstRow { $0.int(1) }
        return max(0, (row ?? nil) ?? 0)
    }
}
