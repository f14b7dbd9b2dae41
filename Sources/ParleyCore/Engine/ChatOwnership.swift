#if canImport(Glibc)
import Glibc
#endif

/// Chat ownership across engine instances sharing a PostgreSQL store. The asynchronous core
/// processes a chat only while this instance holds the chat's lease (ChatLeases), so each
/// chat is processed by one instance at a time, in the order its messages were accepted,
/// whichever instance accepted them; no instance waits on a chat another owns.
///
/// - `submit` journals the message as received (every instance may accept any message), then
///   `admit`: if this instance holds or gets the chat's lease, it queues the chat's received
///   messages in order (its own and any another instance accepted meanwhile); if another
///   instance holds it, nothing more: that owner's pump finds the message.
/// - The pump thread, every `pumpMillis`: renews the leases (each write also checks its
///   token: `JournalEntry.fence`), queues the received messages of owned chats accepted
///   elsewhere, releases chats idle for half a lease, and acquires orphaned chats — received
///   messages whose chat has no live lease because its owner died or stalled. The takeover
///   time after a crash is at most `leaseMillis` plus a pump period.
/// - A message whose lease moved on while queued here is dropped from this instance's queue
///   without a result (`Outcome.handedOver`): the new owner processes it and reports it.
/// - Results of messages accepted by another instance are handed to this instance's host
///   (callback or poll) marked `recovered`, like messages recovered after a restart.
///
/// The synchronous `process` and webhook paths do not use leases: they serialize a chat
/// through the journal transaction's per-chat lock, in the order the host calls them.
final class ChatOwnership: @unchecked Sendable {
    // @unchecked: the mutable state is behind `state` and `thread`'s mutex.
    struct Owned {
        var lease: ChatLeases.Lease
        /// Monotonic ms by which the lease surely still runs (measured from before the
        /// statement that set it, so the database's clock need not agree with ours).
        var validUntil: Int64
        var lastActivity: Int64
        /// Messages of the chat queued or in flight here.
        var local = 0
    }

    struct State {
        var owned: [String: Owned] = [:]
        /// Tickets queued or in flight on this instance: a pull never queues one twice.
        var local: Set<Int64> = []
        /// Tickets that failed here, left until then (monotonic ms) before another try.
        var retryAt: [Int64: Int64] = [:]
        /// Chats whose journal write failed (the database went away): pulled again from then.
        var backoffUntil: [String: Int64] = [:]
    }

    private let store: PGStore
    private let pool: WorkerPool
    private let log: EventLog
    let leaseMillis: Int64
    let pumpMillis: Int64
    private let state = Guarded(State())
    /// Serializes pulls: a chat's received messages are queued in order, never interleaved
    /// by two pulls.
    private let pulling = Guarded(0)
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var stopping = false
    private var thread: pthread_t?
    /// Takeovers of orphaned chats so far (metrics, tests).
    private let takeovers = Guarded(0)

    init(store: PGStore, settings: PostgresStoreSettings, pool: WorkerPool, log: EventLog) {
        self.store = store
        self.pool = pool
        self.log = log
        leaseMillis = settings.leaseMillis
        pumpMillis = settings.pumpMillis
        pthread_mutex_init(mutex, nil)
        Threads.initMonotonicCondition(condition)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Starts the pump; its first round runs at once (work left by a previous run).
    func start() throws(ParleyError) {
        switch Threads.start({ self.loop() }) {
        case .success(let created):
            thread = created
        case .failure(let failure):
            throw ParleyError(.storage, "cannot start the chat-ownership thread (error \(failure.code))")
        }
    }

    /// Stops the pump. `release`: gives every lease back so other instances take the chats
    /// over at once (a clean close, after the workers finished).
    func stop(release: Bool) {
        pthread_mutex_lock(mutex)
        stopping = true
        pthread_cond_signal(condition)
        let running = thread
        thread = nil
        pthread_mutex_unlock(mutex)
        if let running { pthread_join(running, nil) }
        guard release else { return }
        do {
            try store.releaseAllLeases()
        } catch {
            log.log(.warning, "fleet.release", "the chat leases could not be given back at close (they expire in \(leaseMillis) ms): \(error)")
        }
    }

    var takeoverCount: Int { takeovers.withLock { $0 } }

    // MARK: Accepting

    /// After `submit` journaled `items` (reserved in the pool): queues them, in order with the
    /// other received messages of their chats, where this instance holds or gets the lease;
    /// gives the places of the others back (their chat's owner processes them).
    func admit(_ items: [WorkScheduler.Item]) {
        var byChat: [String: [WorkScheduler.Item]] = [:]
        var order: [String] = []
        for item in items {
            if byChat[item.message.chat] == nil { order.append(item.message.chat) }
            byChat[item.message.chat, default: []].append(item)
        }
        var owned: [String] = []
        var reserved: [Int64: WorkScheduler.Item] = [:]
        for chat in order {
            let mine = byChat[chat] ?? []
            if (try? ensureLease(chat)) == true {
                owned.append(chat)
                for item in mine { reserved[item.ticket] = item }
            } else {
                // Held by another instance (or the database is away: the orphan scan of a
                // live instance picks the message up). It stays journaled as received.
                pool.cancel(mine.count)
            }
        }
        pull(owned, reserved: reserved)
    }

    /// True when this instance holds `chat`'s lease (acquiring or extending it as needed).
    private func ensureLease(_ chat: String) throws(ParleyError) -> Bool {
        let now = WorkerPool.now()
        if let known = state.withLock({ $0.owned[chat] }), known.validUntil - now > leaseMillis / 2 { return true }
        switch try store.acquireLease(chat: chat, ttlMillis: leaseMillis) {
        case .acquired(let lease):
            state.withLock { state in
                var entry = state.owned[chat] ?? Owned(lease: lease, validUntil: 0, lastActivity: now)
                entry.lease = lease
                entry.validUntil = now + leaseMillis
                entry.lastActivity = now
                state.owned[chat] = entry
            }
            return true
        case .heldBy:
            return false
        }
    }

    /// Queues the received messages of `chats` not queued here yet, in accepted order.
    /// `reserved`: the items `submit` reserved places for (used as they are).
    private func pull(_ chats: [String], reserved: [Int64: WorkScheduler.Item]) {
        guard !chats.isEmpty else { return }
        pulling.withLock { _ in
            let rows: [PGStore.ReceivedRow]
            do throws(ParleyError) {
                rows = try store.received(chats: chats)
            } catch {
                // The message stays received; the pump pulls it once the database answers.
                pool.cancel(reserved.count)
                log.log(.warning, "fleet.pull", "received messages could not be read: \(error)")
                return
            }
            let now = WorkerPool.now()
            var items: [WorkScheduler.Item] = []
            var used = Set<Int64>()
            state.withLock { state in
                for row in rows {
                    guard var owned = state.owned[row.chat] else { continue }
                    if let retry = state.retryAt[row.ticket], retry > now { continue }
                    guard state.local.insert(row.ticket).inserted else { continue }
                    state.retryAt[row.ticket] = nil
                    owned.local += 1
                    owned.lastActivity = now
                    state.owned[row.chat] = owned
                    if let item = reserved[row.ticket] {
                        items.append(item)
                        used.insert(row.ticket)
                    } else {
                        items.append(WorkScheduler.Item(ticket: row.ticket, message: row.message,
                                                        priority: Priority(rawValue: row.priority) ?? .normal,
                                                        arrivedAt: now, recovered: true))
                    }
                }
            }
            // A reserved message not among the rows was answered otherwise (processed by a
            // synchronous call meanwhile): its place goes back.
            let unused = reserved.count - used.count
            if unused > 0 { pool.cancel(unused) }
            pool.adopt(items, reserved: used)
        }
    }

    // MARK: Processing

    /// The lease token a queued message of `chat` is written under (nil: not held any more;
    /// the write then fails its fence and the message is handed over).
    func fence(for chat: String) -> Int64 {
        state.withLock { $0.owned[chat]?.lease.token } ?? -1
    }

    /// The worker finished `tickets` of `chat`. `retryLater`: they were not written (the
    /// database failed): pulled again after a pause. `failed`: errors of the message itself,
    /// handed to the host; not tried again by this instance (as on SQLite, where such a
    /// message is tried again after a restart), so the chat's later messages go on.
    func finished(chat: String, tickets: [Int64], retryLater: [Int64], failed: [Int64]) {
        let now = WorkerPool.now()
        state.withLock { state in
            for ticket in tickets { state.local.remove(ticket) }
            for ticket in failed { state.retryAt[ticket] = .max }
            if !retryLater.isEmpty { state.backoffUntil[chat] = now + max(pumpMillis * 5, 1_000) }
            if var owned = state.owned[chat] {
                owned.local = max(0, owned.local - tickets.count)
                owned.lastActivity = now
                state.owned[chat] = owned
            }
        }
    }

    // MARK: The pump

    private func loop() {
        pthread_mutex_lock(mutex)
        while !stopping {
            pthread_mutex_unlock(mutex)
            round()
            pthread_mutex_lock(mutex)
            if stopping { break }
            var deadline = Threads.deadline(afterMillis: Int(pumpMillis))
            pthread_cond_timedwait(condition, mutex, &deadline)
        }
        pthread_mutex_unlock(mutex)
    }

    /// One round; a failure (the database away) is logged and the next round tries again.
    private func round() {
        do {
            try renewAndRelease()
            let now = WorkerPool.now()
            let chats = state.withLock { state in
                state.backoffUntil = state.backoffUntil.filter { $0.value > now }
                return state.owned.keys.filter { state.backoffUntil[$0] == nil }
            }
            pull(chats, reserved: [:])
            try adoptOrphans()
        } catch {
            log.log(.warning, "fleet.pump", "chat ownership round failed (retried in \(pumpMillis) ms): \(error)")
        }
    }

    private func renewAndRelease() throws(ParleyError) {
        let now = WorkerPool.now()
        let (renew, release) = state.withLock { state -> ([ChatLeases.Lease], [ChatLeases.Lease]) in
            var renew: [ChatLeases.Lease] = []
            var release: [ChatLeases.Lease] = []
            for (chat, owned) in state.owned {
                if owned.local == 0 && now - owned.lastActivity >= leaseMillis / 2 {
                    release.append(owned.lease)
                    state.owned[chat] = nil
                } else if owned.validUntil - now <= leaseMillis / 2 {
                    renew.append(owned.lease)
                }
            }
            return (renew, release)
        }
        // A message that arrives for a released chat finds no lease: its instance acquires it.
        try store.releaseLeases(release)
        guard !renew.isEmpty else { return }
        let renewed = try store.renewLeases(renew, ttlMillis: leaseMillis)
        state.withLock { state in
            for lease in renew {
                if renewed.contains(lease.chat) {
                    state.owned[lease.chat]?.validUntil = now + leaseMillis
                } else if state.owned[lease.chat]?.lease.token == lease.token {
                    // Taken over (this instance paused past its lease): its queued messages
                    // fail their fence and are handed over.
                    state.owned[lease.chat] = nil
                }
            }
        }
        let lost = renew.count - renewed.count
        if lost > 0 {
            log.log(.warning, "fleet.lost", "\(lost) chat lease(s) were taken over by another instance; their queued messages are handed over")
        }
    }

    private func adoptOrphans() throws(ParleyError) {
        let chats = try store.orphanedChats(receivedBefore: Engine.unixMillis() - pumpMillis, limit: 64)
        var adopted: [String] = []
        for chat in chats where try ensureLease(chat) { adopted.append(chat) }
        guard !adopted.isEmpty else { return }
        takeovers.withLock { $0 += adopted.count }
        log.log(.info, "fleet.takeover", "took over \(adopted.count) chat(s) with unprocessed messages and no live owner")
        pull(adopted, reserved: [:])
    }
}
