#if canImport(Glibc)
import Glibc
#endif

/// Write-behind for `process` on a file store. A SQLite commit per call writes ~12 WAL pages
/// (the row, its indexes, the thread and chat rows) and held a single host thread to ~3,000
/// messages/s; batched, the same rows cost ~3.7 pages a message. So `process` decides
/// everything a commit would (duplicate, content re-send, thread, the context) against the
/// journal plus what is queued here, appends the message with its context to the inbox (one
/// `write`: durable as a WAL commit under the same `store.synchronous`), answers, and this
/// thread applies the queue to SQLite in transactions of up to `maxBatch`.
///
/// Every read of the store first waits for what was queued before it (`settle`), so a host
/// never sees its own processed message missing; a process reading the file directly sees it
/// once applied (milliseconds), and `close` applies everything. A crash leaves queued
/// messages in the inbox with their contexts: the next open journals them before it returns
/// (`Engine.replayProcessed`), each with the very context the host was given.
final class WriteBehind: @unchecked Sendable {
    // @unchecked: the ledger and the counters change only under `mutex`.

    /// A queued message as a duplicate or a reply sees it before it is applied.
    struct Pending {
        /// The row number it will have (its inbox ticket).
        let ticket: Int64
        /// The context returned (what a repeat of the message answers as its duplicate).
        let text: String
        /// The thread it went to (what a reply to it joins); nil for a re-send.
        let thread: ConversationThread?
        let contentHash: Int64?
        let timestamp: Int64
        let id: String
    }

    /// What is queued, under `mutex`: the queue in order, each queued message by (chat, id),
    /// and each chat's state after its queued messages (nil while only re-sends of a chat are
    /// queued: they leave its state as committed).
    struct Ledger {
        fileprivate(set) var queue: [Store.JournalEntry] = []
        fileprivate(set) var pending: [Inbox.Key: Pending] = [:]
        fileprivate(set) var ahead: [String: (state: ChatConversation?, queued: [Inbox.Key])] = [:]
        /// Messages queued since the store opened (`mark`).
        fileprivate(set) var enqueued: UInt64 = 0
        /// The inbox tickets of the queued messages: released only once written.
        fileprivate(set) var tickets: Set<Int64> = []

        /// A queued message of the same chat and sender with the same content within `window`
        /// seconds of `timestamp`, oldest first.
        func sameContent(chat: String, hash: Int64, timestamp: Int64, window: Int64) -> Pending? {
            for key in ahead[chat]?.queued ?? [] {
                if let queued = pending[key], queued.contentHash == hash, abs(queued.timestamp - timestamp) <= window { return queued }
            }
            return nil
        }

        /// Queues an entry composed on `state` (nil: a re-send, composed again when applied).
        mutating func enqueue(_ entry: Store.JournalEntry, pending item: Pending, state: ChatConversation?) {
            let key = Inbox.Key(chat: entry.message.chat, id: entry.message.id)
            enqueued += 1
            if let ticket = entry.ticket { tickets.insert(ticket) }
            queue.append(entry)
            pending[key] = item
            var chat = ahead[key.chat] ?? (state, [])
            if let state { chat.state = state }
            chat.queued.append(key)
            ahead[key.chat] = chat
        }
    }

    /// At most this many messages wait: `process` blocks beyond it until the thread catches up.
    static let maxQueued = 4096
    /// At most this many messages go into one transaction.
    static let maxBatch = 512
    /// A transaction waits up to `gatherMillis` for this many messages: a commit's pages (the
    /// indexes' leaves, the thread and chat rows, the header) are shared by its messages, so
    /// a commit per message, which a thread keeping up with one host thread would make, cost
    /// as much as no write-behind at all (0.7 commits and 10 WAL pages a message, measured).
    static let gatherBatch = 64
    static let gatherMillis = 5

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    /// Signalled when entries are queued or the thread is asked to stop.
    private let work = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Broadcast after each transaction, successful or not.
    private let applied = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var ledger = Ledger()
    private var appliedCount: UInt64 = 0
    private var failureCount: UInt64 = 0
    private var consecutiveFailures = 0
    private var lastError: ParleyError?
    private var stopping = false
    /// A read waits in `settle`: write what is queued without gathering more.
    private var settling = 0
    private var running = false
    private var thread: pthread_t?
    /// Writes a batch to SQLite (the store's journal transaction) and releases its inbox entries.
    private let apply: @Sendable ([Store.JournalEntry]) -> ParleyError?

    init(apply: @escaping @Sendable ([Store.JournalEntry]) -> ParleyError?) throws(ParleyError) {
        self.apply = apply
        pthread_mutex_init(mutex, nil)
        Threads.initMonotonicCondition(work)
        Threads.initMonotonicCondition(applied)
        switch Threads.start({ self.loop() }) {
        case .success(let created):
            thread = created
            running = true
        case .failure(let failure):
            throw ParleyError(.storage, "cannot start the write-behind thread (error \(failure.code))")
        }
    }

    deinit {
        pthread_cond_destroy(applied)
        pthread_cond_destroy(work)
        pthread_mutex_destroy(mutex)
        applied.deallocate()
        work.deallocate()
        mutex.deallocate()
    }

    /// Runs `body` on the ledger (deciding and queueing new messages), once there is room.
    /// A store that keeps failing (a full disk) with the queue full fails the call instead.
    func compose<T>(_ body: (inout Ledger) throws(ParleyError) -> T) throws(ParleyError) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while ledger.queue.count >= Self.maxQueued && running {
            if consecutiveFailures > 0, let lastError {
                throw ParleyError(lastError.kind, "\(ledger.queue.count) processed messages wait to be written to the store: \(lastError.message)")
            }
            pthread_cond_wait(applied, mutex)
        }
        guard running && !stopping else { throw ParleyError(.storage, "the engine's store is closed") }
        let before = ledger.enqueued
        let result = try body(&ledger)
        if ledger.enqueued != before { pthread_cond_signal(work) }
        return result
    }

    /// How many messages were ever queued: taken before a look-up that found a message in
    /// neither the queue nor SQLite, it tells whether that look-up still holds (nothing was
    /// queued since, so nothing can have been written since either).
    var mark: UInt64 {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return ledger.enqueued
    }

    /// These tickets less those of queued messages (which the write-behind thread releases
    /// once written).
    func notQueued(_ tickets: [Int64]) -> [Int64] {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return tickets.filter { !ledger.tickets.contains($0) }
    }

    /// The stored context of a queued message, if (chat, id) is queued.
    func pending(_ key: Inbox.Key) -> Pending? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return ledger.pending[key]
    }

    /// Waits until everything queued before this call is in SQLite. Throws the store's error
    /// when a transaction fails meanwhile (what a read would otherwise wait on indefinitely).
    func settle() throws(ParleyError) {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        let target = ledger.enqueued
        try waitWhile { appliedCount < target }
    }

    /// Waits until nothing of these chats is queued (what another path journals for them
    /// must come after); throws like `settle`.
    func settle(chats: Set<String>) throws(ParleyError) {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        try waitWhile { chats.contains { ledger.ahead[$0] != nil } }
    }

    /// Under `mutex`: waits while `pending` holds, the thread told to write without gathering;
    /// throws the store's error once a transaction fails meanwhile, or when the thread ended.
    private func waitWhile(_ pending: () -> Bool) throws(ParleyError) {
        guard pending() else { return }
        let failuresBefore = failureCount
        settling += 1
        defer { settling -= 1 }
        while pending() {
            if failureCount > failuresBefore || !running, let lastError {
                throw ParleyError(lastError.kind, "\(ledger.queue.count) processed messages could not be written to the store yet: \(lastError.message)")
            }
            guard running else { throw ParleyError(.storage, "the engine's store is closed") }
            pthread_cond_signal(work)
            pthread_cond_wait(applied, mutex)
        }
    }

    /// Messages queued and not yet in SQLite.
    var queued: Int {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return ledger.queue.count
    }

    /// Applies what is queued (one try: what fails stays in the inbox for the next open) and
    /// ends the thread.
    func stop() {
        pthread_mutex_lock(mutex)
        stopping = true
        pthread_cond_broadcast(work)
        pthread_mutex_unlock(mutex)
        if let thread {
            pthread_join(thread, nil)
            self.thread = nil
        }
    }

    private func loop() {
        pthread_mutex_lock(mutex)
        while true {
            while ledger.queue.isEmpty && !stopping { pthread_cond_wait(work, mutex) }
            if ledger.queue.isEmpty { break }
            let deadline = Threads.deadline(afterMillis: Self.gatherMillis)
            while ledger.queue.count < Self.gatherBatch && !stopping && settling == 0 && consecutiveFailures == 0 {
                if pthread_cond_timedwait(work, mutex, [deadline]) == ETIMEDOUT { break }
            }
            let batch = Array(ledger.queue.prefix(Self.maxBatch))
            pthread_mutex_unlock(mutex)
            let error = apply(batch)
            pthread_mutex_lock(mutex)
            if let error {
                failureCount += 1
                consecutiveFailures += 1
                lastError = error
                pthread_cond_broadcast(applied)
                if stopping { break }
                // 10 ms, doubling to 1 s: a full disk or another process's long lock.
                waitForWork(millis: min(1000, 10 << min(consecutiveFailures - 1, 7)))
                continue
            }
            consecutiveFailures = 0
            ledger.queue.removeFirst(batch.count)
            for entry in batch {
                let key = Inbox.Key(chat: entry.message.chat, id: entry.message.id)
                ledger.pending[key] = nil
                if let ticket = entry.ticket { ledger.tickets.remove(ticket) }
                if var chat = ledger.ahead[key.chat] {
                    chat.queued.removeFirst()
                    // Nothing of the chat queued: the committed state (ChatStateCache) is current.
                    ledger.ahead[key.chat] = chat.queued.isEmpty ? nil : chat
                }
            }
            appliedCount += UInt64(batch.count)
            pthread_cond_broadcast(applied)
        }
        running = false
        pthread_cond_broadcast(applied)
        pthread_mutex_unlock(mutex)
    }

    /// Waits on `work` (under `mutex`) for at most `millis`, or until stopped.
    private func waitForWork(millis: Int) {
        var deadline = Threads.deadline(afterMillis: millis)
        if !stopping { pthread_cond_timedwait(work, mutex, &deadline) }
    }
}
