#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// One message's result from the asynchronous core: its context (JSON text) or its error.
public struct Outcome: Sendable {
    public let ticket: Int64
    public let result: Result<String, ParleyError>
    public let recovered: Bool
    /// Not this instance's to report: another instance sharing the store processes the
    /// message (ChatOwnership), or it is retried later. Counted out, never handed to the host.
    var handedOver = false
    /// A duplicate answering a message submitted again, under the original's ticket: handing
    /// it back is not handing back the original's result, which may still await its own
    /// hand-back (recovered after a crash). Recording it as handed lost that result when the
    /// process died before the recovered one reached the host.
    var answersResubmit = false

    /// {"ticket", "status": "PARLEY_OK"|status name, "recovered"?, "context" | "error"}, the
    /// context embedded as stored (not parsed and written again).
    public var json: String {
        var text = "{\"ticket\":\(ticket),\"status\":"
        switch result {
        case .success(let context):
            text += "\"PARLEY_OK\""
            if recovered { text += ",\"recovered\":true" }
            text += ",\"context\":" + context
        case .failure(let error):
            text += JSONWriter.string(.string(error.kind.statusName))
            if recovered { text += ",\"recovered\":true" }
            text += ",\"error\":" + JSONWriter.string(["status": .string(error.kind.statusName), "message": .string(error.message)])
        }
        return text + "}"
    }
}

/// A worker's batch as the watchdog sees it: the message being enriched (its chat is the
/// one stuck when time runs out) or the journal write, and whether the batch was given up
/// on. One atomic state, so a batch is given up on either before its journal write starts
/// (nothing of it is written: the other chats' messages can go to another worker) or whole.
/// The worker thread's own batch is `current`, so the stages can stop early once it is
/// given up on (`isGivenUp`): a stuck worker must not burn a core, or outlive a close, long.
final class WorkProgress: Sendable {
    /// >= 0: enriching the batch's message at that index; else `journaling` or `givenUp`.
    private let state = Atomic<Int>(0)
    private static let journaling = -1
    private static let givenUp = -2

    enum Stuck {
        /// Enriching the batch's message at this index.
        case message(Int)
        /// Writing the batch to the store (one transaction for all its chats).
        case journal
    }

    /// Moves on to enriching the message at `index`; false once given up on.
    func enriching(_ index: Int) -> Bool { move(to: index) }

    /// Moves on to the journal write; false once given up on (then nothing may be written).
    func journaling() -> Bool { move(to: Self.journaling) }

    private func move(to next: Int) -> Bool {
        let current = state.load(ordering: .acquiring)
        // Only the watchdog changes the state besides this worker, and only to `givenUp`.
        return current != Self.givenUp
            && state.compareExchange(expected: current, desired: next, ordering: .acquiringAndReleasing).exchanged
    }

    var isGivenUp: Bool { state.load(ordering: .acquiring) == Self.givenUp }

    /// The watchdog gives up on the batch; returns where it was stuck.
    func giveUp() -> Stuck {
        var current = state.load(ordering: .acquiring)
        while current != Self.givenUp {
            let (exchanged, original) = state.compareExchange(expected: current, desired: Self.givenUp, ordering: .acquiringAndReleasing)
            if exchanged { break }
            current = original
        }
        return current >= 0 ? .message(current) : .journal
    }

    /// The batch the calling thread works on, if it is a worker's.
    static var current: WorkProgress? {
        get { pthread_getspecific(key).map { Unmanaged<WorkProgress>.fromOpaque($0).takeUnretainedValue() } }
        set { pthread_setspecific(key, newValue.map { Unmanaged.passUnretained($0).toOpaque() }) }
    }

    /// Whether the calling thread's batch was given up on (false outside a worker's batch).
    static var isGivenUp: Bool { current?.isGivenUp ?? false }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()
}

/// The parallel core: worker threads that take chats from the `WorkScheduler` and process
/// their messages through `work`, and the hand-back of results, to a callback (called on the
/// worker, in each chat's order) or to a queue the host polls. Bounded: `outstanding` counts
/// every message accepted and not yet handed back, and `accept` refuses work above the
/// high-water mark until it falls to the low-water mark.
final class WorkerPool: @unchecked Sendable {
    // @unchecked: every mutable field below changes only under `mutex`.
    typealias Callback = @Sendable (Outcome) -> Void
    typealias Work = @Sendable ([WorkScheduler.Item]) -> [Outcome]

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    /// Signalled when work arrives or a held-back message may go.
    private let workReady = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Signalled when results arrive or messages finish (poll, drain).
    private let progress = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Wakes the watchdog (at stop).
    private let watchdog = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    private var scheduler: WorkScheduler
    private var results: [Outcome] = []
    private var resultsHead = 0
    private var callback: Callback?
    /// Threads inside the callback now, and whether one of them is closing the engine.
    private var callbacksRunning = 0
    private var closingFromCallback = false
    /// A thread is handing the queued results to the callback (see `flush`).
    private var flushing = false
    /// Accepted and not yet handed back (queued, being processed, or waiting to be polled).
    private(set) var outstanding = 0
    /// Taken by a worker or queued: what `drain` waits for.
    private var unfinished = 0
    private var saturated = false
    private var workers = 0
    private var idleWorkers = 0
    private var stopping = false
    private var threads: [pthread_t] = []
    private let settings: AsyncSettings
    /// Set once by the engine right after it is built, before any work arrives.
    private var work: Work = { items in items.map { Outcome(ticket: $0.ticket, result: .failure(ParleyError(.internal, "no worker attached")), recovered: $0.recovered) } }
    /// Messages a worker takes at once (journaled in one transaction).
    private let batchLimit = 64
    /// Chats a worker may take at once when several are ready (set by the engine: one on a
    /// shared PostgreSQL store, where each chat's writes carry its own lease).
    private var chatsPerBatch = 1
    /// What each worker holds now, by worker number: the watchdog's view.
    private struct Task {
        let chats: [String]
        let items: [WorkScheduler.Item]
        let started: Int64
        let progress: WorkProgress
        /// Processed, its results being handed to the callback.
        var delivering = false
    }
    private var tasks: [Int: Task] = [:]
    private var nextWorkerNumber = 0
    /// Workers given up on by the watchdog: what they bring back when (if) they return is dropped.
    private var abandoned: Set<Int> = []
    private var watchdogRunning = false
    /// The watchdog's thread, which `stop` ends after the workers: a close waiting for a
    /// stuck batch still gives up on it after the timeout.
    private var watchdogThread: pthread_t?
    private var watchdogStopping = false
    /// Set by the engine: dead-letters messages whose processing timed out and says what to
    /// hand back for each.
    private var onTimeout: TimeoutHandler = { items in
        items.map { Outcome(ticket: $0.ticket, result: .failure(ParleyError(.timeout, "processing timed out")), recovered: $0.recovered) }
    }
    typealias TimeoutHandler = @Sendable ([WorkScheduler.Item]) -> [Outcome]
    /// Told (outside the lock) the tickets of results that reached the host: the callback
    /// returned, or `poll` gave them out. Set once by the engine, before any work arrives.
    private var onHandedBack: @Sendable ([Int64]) -> Void = { _ in }

    init(settings: AsyncSettings) {
        self.settings = settings
        scheduler = WorkScheduler(settings: .init(reorderWindowMillis: settings.reorderWindowMillis, holdMillis: settings.holdMillis))
        pthread_mutex_init(mutex, nil)
        for condition in [workReady, progress, watchdog] { Threads.initMonotonicCondition(condition) }
    }

    deinit {
        pthread_cond_destroy(workReady)
        pthread_cond_destroy(progress)
        pthread_cond_destroy(watchdog)
        pthread_mutex_destroy(mutex)
        workReady.deallocate()
        progress.deallocate()
        watchdog.deallocate()
        mutex.deallocate()
    }

    func attach(_ work: @escaping Work, onTimeout: @escaping TimeoutHandler, chatsPerBatch: Int,
                onHandedBack: @escaping @Sendable ([Int64]) -> Void = { _ in }) {
        self.onHandedBack = onHandedBack
        locked {
            self.work = work
            self.onTimeout = onTimeout
            self.chatsPerBatch = max(1, chatsPerBatch)
        }
    }

    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
    }

    private func locked<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Whether new work may be accepted now (backpressure), reserving a place for it when so.
    /// A reserved place is filled by `enqueue` or `deliver`, or given back by `cancel`.
    /// `count` places at once (a batch): granted whole only while the batch fits under the
    /// high-water mark; a batch that does not fit saturates the queue like a single message at
    /// the mark, so it is not starved by single submits.
    func reserve(_ count: Int = 1) throws(ParleyError) {
        try locked { () throws(ParleyError) in
            guard !stopping else { throw ParleyError(.storage, "the engine is closing") }
            if saturated && outstanding <= settings.lowWater { saturated = false }
            if !saturated && outstanding + count > settings.highWater { saturated = true }
            guard !saturated else {
                throw ParleyError(.busy, "\(outstanding) messages are waiting to be processed or collected "
                    + "(queue.highWater \(settings.highWater))\(count > 1 ? " and a batch of \(count) does not fit" : ""); "
                    + "retry when fewer than \(settings.lowWater + 1) wait")
            }
            outstanding += count
        }
    }

    func cancel(_ count: Int = 1) {
        guard count > 0 else { return }
        locked { outstanding -= count; pthread_cond_broadcast(progress) }
    }

    /// Queues a reserved message for the workers.
    func enqueue(_ item: WorkScheduler.Item) {
        enqueue([item])
    }

    /// Queues reserved messages for the workers under one lock (a batch).
    func enqueue(_ items: [WorkScheduler.Item]) {
        guard !items.isEmpty else { return }
        locked {
            let now = Self.now()
            for item in items { scheduler.add(item, now: now) }
            unfinished += items.count
            startWorkerIfNeeded()
            if items.count == 1 { pthread_cond_signal(workReady) } else { pthread_cond_broadcast(workReady) }
        }
    }

    /// Queues messages recovered at open; they bypass backpressure (they were accepted before).
    func recover(_ items: [WorkScheduler.Item]) {
        locked {
            for item in items {
                outstanding += 1
                unfinished += 1
                scheduler.add(item, now: Self.now())
            }
            startWorkerIfNeeded()
            pthread_cond_broadcast(workReady)
        }
    }

    /// Queues messages in this order under one lock: those in `reserved` took their place
    /// with `reserve`; the others (accepted by another instance sharing the store, or before a
    /// restart) bypass backpressure, like recovered ones.
    func adopt(_ items: [WorkScheduler.Item], reserved: Set<Int64>) {
        guard !items.isEmpty else { return }
        locked {
            let now = Self.now()
            for item in items {
                if !reserved.contains(item.ticket) { outstanding += 1 }
                unfinished += 1
                scheduler.add(item, now: now)
            }
            startWorkerIfNeeded()
            pthread_cond_broadcast(workReady)
        }
    }

    /// Hands back a reserved message's result that needs no processing (a duplicate).
    func deliver(_ outcome: Outcome) {
        hand([outcome])
    }

    /// Hands back at open the results a previous run processed but never handed back; they
    /// bypass backpressure, like recovered messages. Returns how many.
    func redeliver(_ outcomes: [Outcome]) -> Int {
        guard !outcomes.isEmpty else { return 0 }
        locked { outstanding += outcomes.count }
        hand(outcomes)
        return outcomes.count
    }

    /// Holds a chat's queued messages until `until` (monotonic ms).
    func park(_ chat: String, until: Int64) {
        locked {
            scheduler.park(chat, until: until, now: Self.now())
            pthread_cond_signal(workReady)
        }
    }

    /// Sets (or, with nil, clears) the callback; results waiting to be polled go to it now.
    func setCallback(_ newCallback: Callback?) {
        locked { callback = newCallback }
        flush()
    }

    /// Hands results back in order: straight to the callback when nothing waits before them,
    /// otherwise behind what waits (for `poll`, or for the flush under way). A chat is freed
    /// only after its results were handed back, so its next ones never overtake them.
    private func hand(_ outcomes: [Outcome]) {
        guard !outcomes.isEmpty else { return }
        let direct: Callback? = locked {
            if let callback, !flushing, resultsHead == results.count {
                callbacksRunning += 1
                return callback
            }
            results.append(contentsOf: outcomes)
            pthread_cond_broadcast(progress)
            return nil
        }
        if let direct {
            let handed = call(direct, with: outcomes[...])
            locked {
                // The callback was cleared from inside it: the rest waits for poll, in order.
                if handed < outcomes.count { results.append(contentsOf: outcomes[handed...]) }
                outstanding -= handed
                pthread_cond_broadcast(progress)
            }
        } else {
            flush()
        }
    }

    /// Calls `callback` with each outcome until one of the calls clears it (a close from the
    /// callback); returns how many it was called with. Called without the lock, after the
    /// caller counted itself in `callbacksRunning` under it (when it took the callback).
    private func call(_ callback: Callback, with outcomes: ArraySlice<Outcome>) -> Int {
        var handed = 0
        ResultCallbackScope.run {
            for outcome in outcomes {
                callback(outcome)
                handed += 1
                if locked({ self.callback == nil }) { break }
            }
        }
        onHandedBack(Self.delivered(outcomes.prefix(handed)))
        locked { callbacksRunning -= 1; pthread_cond_broadcast(progress) }
        return handed
    }

    /// The tickets whose results are final: a failure is tried again after a reopen.
    static func delivered<C: Collection<Outcome>>(_ outcomes: C) -> [Int64] {
        outcomes.compactMap { outcome in
            if case .success = outcome.result, outcome.ticket != 0, !outcome.answersResubmit { return outcome.ticket }
            return nil
        }
    }

    /// For a close called from the result callback: no callback starts after this returns,
    /// and the ones running on other threads have returned. False when another callback is
    /// already closing (it waits for this one).
    func detachCallbackFromCallback() -> Bool {
        locked {
            guard !closingFromCallback else { return false }
            closingFromCallback = true
            callback = nil
            while callbacksRunning > 1 { pthread_cond_wait(progress, mutex) }
            return true
        }
    }

    /// Gives the results waiting to be polled to the callback, oldest first, until none wait
    /// or the callback is cleared. One thread flushes at a time; results queued meanwhile
    /// (`hand` queues rather than overtakes) go out in the same loop.
    private func flush() {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard !flushing else { return }
        flushing = true
        defer { flushing = false }
        while let callback, resultsHead < results.count {
            let pending = Array(results[resultsHead...])
            results.removeAll()
            resultsHead = 0
            callbacksRunning += 1
            pthread_mutex_unlock(mutex)
            let handed = call(callback, with: pending[...])
            pthread_mutex_lock(mutex)
            // Cleared from inside the callback: the rest goes back ahead of newer results.
            if handed < pending.count { results.insert(contentsOf: pending[handed...], at: resultsHead) }
            outstanding -= handed
            pthread_cond_broadcast(progress)
        }
    }

    /// Up to `max` results, waiting up to `timeoutMillis` (0: no wait, negative: forever)
    /// for the first one.
    func poll(max: Int, timeoutMillis: Int) -> [Outcome] {
        let taken = takeResults(max: max, timeoutMillis: timeoutMillis)
        onHandedBack(Self.delivered(taken))
        return taken
    }

    private func takeResults(max: Int, timeoutMillis: Int) -> [Outcome] {
        locked {
            let deadline = timeoutMillis > 0 ? Self.now() + Int64(timeoutMillis) : nil
            while resultsHead == results.count && timeoutMillis != 0 && !stopping {
                if let deadline {
                    guard Self.now() < deadline else { break }
                    wait(progress, until: deadline)
                } else {
                    pthread_cond_wait(progress, mutex)
                }
            }
            let end = min(results.count, resultsHead + max)
            let taken = Array(results[resultsHead..<end])
            resultsHead = end
            if resultsHead == results.count {
                results.removeAll(keepingCapacity: results.count < 4096)
                resultsHead = 0
            }
            outstanding -= taken.count
            pthread_cond_broadcast(progress)
            return taken
        }
    }

    /// Waits until every accepted message is processed (its result handed to the callback or
    /// queued for poll); false when `timeoutMillis` (negative: forever) ran out first.
    func drain(timeoutMillis: Int) -> Bool {
        locked {
            let deadline = timeoutMillis >= 0 ? Self.now() + Int64(timeoutMillis) : nil
            // A close stops the workers: what is left stays journaled, nothing more will finish.
            while unfinished > 0 && !stopping {
                if let deadline {
                    guard Self.now() < deadline else { return false }
                    wait(progress, until: deadline)
                } else {
                    pthread_cond_wait(progress, mutex)
                }
            }
            return unfinished == 0
        }
    }

    /// The pool's state for metrics and tests.
    struct Snapshot: Sendable {
        var outstanding = 0
        var waiting = 0
        var workers = 0
        var busy = 0
        var results = 0
    }

    var snapshot: Snapshot {
        locked {
            Snapshot(outstanding: outstanding, waiting: scheduler.waiting, workers: workers,
                     busy: workers - idleWorkers, results: results.count - resultsHead)
        }
    }

    /// Lets the workers finish the messages they hold, then stops them. Queued messages stay
    /// in the journal as received and are recovered at the next open. Returns once no worker
    /// runs, the ones given up on included (they stop at their next check).
    func stop() {
        let running: [pthread_t] = locked {
            stopping = true
            pthread_cond_broadcast(workReady)
            pthread_cond_broadcast(progress)
            return threads
        }
        for thread in running { pthread_join(thread, nil) }
        let watchdogThread: pthread_t? = locked {
            threads.removeAll()
            watchdogStopping = true
            pthread_cond_broadcast(watchdog)
            return self.watchdogThread
        }
        if let watchdogThread { pthread_join(watchdogThread, nil) }
    }

    /// Starts a worker when there are fewer than the minimum, or when chats wait and every
    /// worker is busy and the maximum allows another. Called under the lock.
    private func startWorkerIfNeeded() {
        guard !stopping else { return }
        let wanted = workers < settings.minWorkers || (idleWorkers == 0 && scheduler.readyChats > 0 && workers < settings.maxWorkers)
        guard wanted else { return }
        guard case .success(let thread) = Threads.start({ self.runWorker() }) else { return }
        workers += 1
        threads.append(thread)
    }

    private func wait(_ condition: UnsafeMutablePointer<pthread_cond_t>, until deadline: Int64) {
        var time = timespec(tv_sec: Int(deadline / 1000), tv_nsec: Int(deadline % 1000) * 1_000_000)
        pthread_cond_timedwait(condition, mutex, &time)
    }

    /// A worker: takes a ready chat's messages, processes them, hands back their results in
    /// order, frees the chat. An extra worker (above the minimum) idle for two seconds exits.
    private func runWorker() {
        pthread_mutex_lock(mutex)
        let me = nextWorkerNumber
        nextWorkerNumber += 1
        var idleSince = Self.now()
        while !stopping {
            let now = Self.now()
            guard let items = scheduler.next(now: now, limit: batchLimit, chats: chatsPerBatch) else {
                if workers > settings.minWorkers && now - idleSince >= 2_000 { break }
                idleWorkers += 1
                let wake = min(scheduler.nextRelease ?? now + 1_000, now + 1_000)
                wait(workReady, until: max(wake, now + 1))
                idleWorkers -= 1
                continue
            }
            if scheduler.readyChats > 0 { startWorkerIfNeeded() }
            let work = self.work
            let chats = Self.chats(of: items)
            let batchProgress = WorkProgress()
            tasks[me] = Task(chats: chats, items: items, started: now, progress: batchProgress)
            startWatchdogIfNeeded()
            pthread_mutex_unlock(mutex)

            WorkProgress.current = batchProgress
            let worked = work(items)
            WorkProgress.current = nil
            let handedOver = worked.reduce(0) { $0 + ($1.handedOver ? 1 : 0) }
            let outcomes = handedOver == 0 ? worked : worked.filter { !$0.handedOver }

            pthread_mutex_lock(mutex)
            if abandoned.contains(me) { break }   // timed out: the watchdog settled its messages
            tasks[me]?.delivering = true
            pthread_mutex_unlock(mutex)
            hand(outcomes)
            pthread_mutex_lock(mutex)
            let freedByWatchdog = abandoned.contains(me)
            tasks[me] = nil
            outstanding -= handedOver
            unfinished -= items.count
            pthread_cond_broadcast(progress)
            pthread_cond_signal(workReady)
            if freedByWatchdog { break }   // its chats went on without it: this worker was replaced
            for chat in chats { scheduler.finished(chat, now: Self.now()) }
            idleSince = Self.now()
        }
        // An abandoned worker was already counted out by the watchdog.
        if abandoned.remove(me) == nil { workers -= 1 }
        tasks[me] = nil
        if !stopping, let index = threads.firstIndex(where: { pthread_equal($0, pthread_self()) != 0 }) {
            // Scaled down or given up on: nobody will join this thread. Once stopping, `stop`
            // joins it, so a close never returns while a worker still runs Parley's code.
            threads.remove(at: index)
            pthread_detach(pthread_self())
        }
        pthread_mutex_unlock(mutex)
    }

    /// The chats of a batch, in the order they come (each chat's items are contiguous).
    static func chats(of items: [WorkScheduler.Item]) -> [String] {
        var chats: [String] = []
        for item in items where chats.last != item.message.chat { chats.append(item.message.chat) }
        return chats
    }

    /// Starts the watchdog thread with the first worker. Called under the lock.
    private func startWatchdogIfNeeded() {
        guard !watchdogRunning, settings.messageTimeoutMillis > 0 else { return }
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        let rc = pthread_create(&thread, nil, { context in
            let pool = Unmanaged<WorkerPool>.fromOpaque(context!).takeRetainedValue()
            pool.runWatchdog()
            return nil
        }, context)
        guard rc == 0 else {
            Unmanaged<WorkerPool>.fromOpaque(context).release()
            return
        }
        watchdogRunning = true
        watchdogThread = thread
    }

    /// Gives up on a worker whose messages took longer than `messageTimeoutMillis`: its chat
    /// goes on with its next messages on another worker. Stuck enriching a message, that
    /// message's chat's messages in the batch are dead-lettered (`onTimeout`) and the other
    /// chats' go back to the queue, untouched (the batch writes nothing once given up on);
    /// stuck in the journal write, the whole batch is dead-lettered (what it commits after
    /// all comes back as processed). Stuck in the host's callback, its results were made and
    /// only its chats are freed. The stuck worker stops at its next check (`WorkProgress`) and
    /// what it brings back is dropped; `stop` waits for it.
    private func runWatchdog() {
        pthread_mutex_lock(mutex)
        while !watchdogStopping {
            let now = Self.now()
            let limit = settings.messageTimeoutMillis
            var expired: [(worker: Int, task: Task)] = []
            var nextCheck = now + 1_000
            for (worker, task) in tasks where !abandoned.contains(worker) {
                if now - task.started >= limit { expired.append((worker, task)) } else { nextCheck = min(nextCheck, task.started + limit) }
            }
            for (worker, task) in expired {
                abandoned.insert(worker)
                tasks[worker] = nil
                workers -= 1
                if !task.delivering {
                    var givenUp = task.items
                    if case .message(let index) = task.progress.giveUp() {
                        let stuck = task.items[index].message.chat
                        givenUp = task.items.filter { $0.message.chat == stuck }
                        // Queued again ahead of their chats' release below, so they run next.
                        for item in task.items where item.message.chat != stuck { scheduler.add(item, now: now) }
                    }
                    // Handed back before the chat is freed, so its results stay in order.
                    unfinished -= givenUp.count
                    let handler = onTimeout
                    pthread_mutex_unlock(mutex)
                    for outcome in handler(givenUp) { deliver(outcome) }
                    pthread_mutex_lock(mutex)
                }
                for chat in task.chats { scheduler.finished(chat, now: Self.now()) }
                startWorkerIfNeeded()
                pthread_cond_broadcast(progress)
                pthread_cond_broadcast(workReady)
            }
            wait(watchdog, until: max(nextCheck, now + 1))
        }
        watchdogRunning = false
        pthread_mutex_unlock(mutex)
    }
}
