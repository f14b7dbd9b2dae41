#if canImport(Glibc)
import Glibc
#endif

/// The asynchronous API (parley_engine_submit, _poll, _set_callback, _drain): a message is
/// stored as received before `submit` returns (in the inbox on a file store), processed by
/// the worker pool in its chat's order, and its result handed back through the callback or
/// `poll`. Messages received and
/// not processed when the engine last stopped (a crash, a close with work queued) are
/// processed after the reopen and handed back marked `recovered`.
extension Engine {
    /// Accepts a message (JSON in any format) for processing; returns its ticket (the number
    /// its journal row gets). A message already accepted keeps its ticket: if it was processed, its
    /// stored context comes back once more marked duplicate; if it is still queued, its one
    /// result answers both. Throws `.busy` above the high-water mark (nothing is stored).
    public func submit(json bytes: UnsafeRawBufferPointer, priority: Priority = .normal) throws(ParleyError) -> Int64 {
        let message: Message
        do {
            message = try MessageNormalizer.normalize(parseInput(bytes, what: "message"))
        } catch {
            countRejected(error, chat: nil)
            throw error
        }
        return try submit(message, priority: priority)
    }

    public func submit(_ incoming: Message, priority requested: Priority = .normal) throws(ParleyError) -> Int64 {
        let started = ContinuousClock.now
        // Inline media bytes go to the media directory before the message is journaled.
        let message: Message
        do {
            message = try media.admit(incoming)
        } catch {
            countRejected(error, chat: incoming.chat)
            throw error
        }
        let priority = lane(for: message, requested: requested)
        do {
            try pool.reserve()
        } catch {
            metrics.countSubmit(accepted: false, now: Self.unixSeconds())
            throw error
        }
        metrics.countSubmit(accepted: true, now: Self.unixSeconds())
        do {
            switch try store.receive(message, priority: priority.rawValue, receivedAt: Self.unixMillis()) {
            case .accepted(let ticket):
                let item = WorkScheduler.Item(ticket: ticket, message: message, priority: priority,
                                              arrivedAt: WorkerPool.now(), recovered: false)
                if let ownership { ownership.admit([item]) } else { pool.enqueue(item) }
                return ticket
            case .existing(let ticket, let state, let context):
                if state == .received {
                    pool.cancel()
                } else {
                    let text = state == .pending ? context : JSONWriter.string(try EnrichedContext.duplicate(of: context))
                    deliverAtOnce(ticket: ticket, text: text, since: started)
                }
                return ticket
            }
        } catch {
            pool.cancel()
            countRejected(error, chat: message.chat)
            throw error
        }
    }

    /// A result known at submit (a message already processed: its duplicate; a placeholder
    /// still pending), counted as a worker's result is.
    private func deliverAtOnce(ticket: Int64, text: String, since accepted: ContinuousClock.Instant) {
        let now = Self.unixSeconds()
        metrics.observe(.endToEnd, nanos: Self.nanos(since: accepted), now: now)
        metrics.count(Self.outcome(ofText: .success(text)), now: now)
        var outcome = Outcome(ticket: ticket, result: .success(text), recovered: false)
        outcome.answersResubmit = true
        pool.deliver(outcome)
    }

    /// A message a submit could not take (its error thrown or handed back), counted as a
    /// failed `process` is. A refusal for a full queue is counted as such instead (rejected_busy).
    private func countRejected(_ error: ParleyError, chat: String?) {
        guard error.kind != .busy else { return }
        let now = Self.unixSeconds()
        metrics.count(.error, now: now)
        metrics.recordError(error, chat: chat, now: now)
        log.log(.info, "message.rejected", "\(error.kind.statusName): \(error)")
    }

    /// The messages of a batch for `submit(batch:)`: a JSON array of messages (each in any
    /// accepted format), a WhatsApp Cloud API webhook body (its messages; delivery statuses
    /// are left out), or one message. Malformed JSON, invalid UTF-8, a body over
    /// `limits.maxMessageBytes` × `queue.highWater` bytes or another JSON type fails whole; a
    /// message that cannot be used is its error in its place.
    public func parseBatch(json bytes: UnsafeRawBufferPointer) throws(ParleyError) -> [Result<Message, ParleyError>] {
        guard bytes.count > 0 else { throw ParleyError(.invalidArgument, "the batch is empty (length 0)") }
        let limit = configuration.maxMessageBytes.multipliedReportingOverflow(by: max(1, configuration.async.highWater))
        if !limit.overflow && bytes.count > limit.partialValue {
            throw ParleyError(.tooLarge, "the batch is \(bytes.count) bytes; the limit is limits.maxMessageBytes × queue.highWater (\(limit.partialValue))")
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes.assumingMemoryBound(to: UInt8.self))
        } catch {
            throw ParleyError(error.kind, "the batch is not valid: \(error)")
        }
        // Each message within limits.maxMessageBytes, as when submitted alone (measured only
        // when the whole body is over it: a smaller body's messages all fit).
        let limitEach = configuration.maxMessageBytes
        func checkSize(_ element: JSONValue) throws(ParleyError) {
            guard bytes.count > limitEach else { return }
            let size = JSONWriter.string(element).utf8.count
            guard size <= limitEach else {
                throw ParleyError(.tooLarge, "the message is \(size) bytes; the limit (limits.maxMessageBytes) is \(limitEach)")
            }
        }
        switch value {
        case .array(let elements):
            var messages: [Result<Message, ParleyError>] = []
            messages.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                do throws(ParleyError) {
                    try checkSize(element)
                    messages.append(.success(try MessageNormalizer.normalize(element)))
                } catch {
                    messages.append(.failure(ParleyError(error.kind, "message \(index) of the batch: \(error)")))
                }
            }
            return messages
        case .object(let object) where object["object"] != nil && object["entry"] != nil:
            let webhook = try CloudAPIWebhook.parse(value)
            return webhook.items.enumerated().map { index, item in
                switch item {
                case .message(let message): .success(message)
                case .rejected(let id, let error):
                    .failure(ParleyError(error.kind, "message \(index) of the batch (webhook message \(id.map { "\"\($0)\"" } ?? "without id")): \(error)"))
                }
            }
        case .object:
            do throws(ParleyError) {
                try checkSize(value)
                return [.success(try MessageNormalizer.normalize(value))]
            } catch {
                return [.failure(error)]
            }
        default:
            throw ParleyError(.invalidMessage, "a batch must be a JSON array of messages, a webhook body or one message, got \(value.typeName)")
        }
    }

    /// Accepts several messages with ONE commit: every usable message is journaled as
    /// received before this returns (so each survives a crash) and queued; returns a ticket
    /// per entry, in order, 0 for a message that could not be used (its error is handed back
    /// as a result with ticket 0, through the callback or poll). The batch takes one place
    /// per entry under the high-water mark, all or nothing: `.busy` when it does not fit
    /// (nothing is stored), `.tooLarge` when it has more entries than `queue.highWater`.
    /// A store failure stores nothing of the batch.
    public func submit(batch: [Result<Message, ParleyError>], priority requested: Priority = .normal) throws(ParleyError) -> [Int64] {
        guard !batch.isEmpty else { return [] }
        let started = ContinuousClock.now
        guard batch.count <= configuration.async.highWater else {
            throw ParleyError(.tooLarge, "the batch holds \(batch.count) messages; at most queue.highWater (\(configuration.async.highWater)) fit")
        }
        let now = Self.unixSeconds()
        do {
            try pool.reserve(batch.count)
        } catch {
            metrics.countSubmit(accepted: false, now: now)
            throw error
        }
        var accepted: [(message: Message, priority: Int)] = []
        var lanes: [Priority] = []
        var positions: [Int] = []
        accepted.reserveCapacity(batch.count)
        for (position, entry) in batch.enumerated() {
            guard case .success(let message) = entry else { continue }
            let lane = lane(for: message, requested: requested)
            accepted.append((message, lane.rawValue))
            lanes.append(lane)
            positions.append(position)
            metrics.countSubmit(accepted: true, now: now)
        }
        let receipts: [Store.Receipt]
        do {
            receipts = try store.receive(batch: accepted, receivedAt: Self.unixMillis())
        } catch {
            pool.cancel(batch.count)
            throw error
        }
        var tickets = [Int64](repeating: 0, count: batch.count)
        var queued: [WorkScheduler.Item] = []
        queued.reserveCapacity(receipts.count)
        let arrivedAt = WorkerPool.now()
        var answered = 0
        for (offset, receipt) in receipts.enumerated() {
            let position = positions[offset]
            switch receipt {
            case .accepted(let ticket):
                tickets[position] = ticket
                queued.append(WorkScheduler.Item(ticket: ticket, message: accepted[offset].message, priority: lanes[offset],
                                                 arrivedAt: arrivedAt, recovered: false))
            case .existing(let ticket, let state, let context):
                tickets[position] = ticket
                if state == .received {
                    answered += 1
                } else {
                    let text = state == .pending ? context : ((try? EnrichedContext.duplicate(of: context)).map(JSONWriter.string) ?? context)
                    deliverAtOnce(ticket: ticket, text: text, since: started)
                }
            }
        }
        pool.cancel(answered)
        if let ownership { ownership.admit(queued) } else { pool.enqueue(queued) }
        for case .failure(let error) in batch {
            countRejected(error, chat: nil)
            pool.deliver(Outcome(ticket: 0, result: .failure(error), recovered: false))
        }
        return tickets
    }

    /// The lane a message runs in: a VIP chat's and an urgent message's go first.
    private func lane(for message: Message, requested: Priority) -> Priority {
        guard requested != .high else { return .high }
        if configuration.async.vipChats.contains(message.chat) { return .high }
        if configuration.async.urgentFirst && !message.fromMe && !message.text.isEmpty
            && pipeline.sentiment.analyze(message.text).urgency >= 0.5 {
            return .high
        }
        return requested
    }

    /// Up to `max` results, waiting up to `timeoutMillis` for the first (0: none, negative: forever).
    public func poll(max: Int, timeoutMillis: Int) -> [Outcome] {
        pool.poll(max: max, timeoutMillis: timeoutMillis)
    }

    /// Results go to `callback` from now on (nil: back to `poll`), called on Parley's worker
    /// threads in each chat's order; results waiting to be polled go to it at once.
    public func setCallback(_ callback: (@Sendable (Outcome) -> Void)?) {
        pool.setCallback(callback)
    }

    /// Waits until every accepted message is processed and written to the store (also what
    /// was written behind); false on timeout. A write that fails is left to `close` and the
    /// next open (the messages are in the inbox).
    public func drain(timeoutMillis: Int) -> Bool {
        guard pool.drain(timeoutMillis: timeoutMillis) else { return false }
        try? store.writeBehind?.settle()
        return true
    }

    /// Chats a worker takes into one batch when several are ready (file store): one journal
    /// transaction for all of them, so under load the commit's fixed cost (BEGIN, the WAL
    /// pages each index touches, COMMIT) is shared.
    static let chatsPerBatch = 16

    /// The worker's job: process a batch (one or more chats' messages, each chat's in order)
    /// and journal it in one transaction. A message that fails keeps its received row (it is
    /// processed again after a reopen) and hands back its error.
    func processQueued(_ items: [WorkScheduler.Item]) -> [Outcome] {
        let started = ContinuousClock.now
        // Given up on by the watchdog, which settled every message of the batch: nothing
        // of it is counted here (its failures would count against its chats' health).
        guard let outcomes = processQueuedUnmeasured(items) else { return [] }
        // What the journal now holds leaves the inbox; a failed message stays there (as a
        // received row did), to be processed again after the next open. A message written
        // behind leaves it once written (WriteBehind).
        let done = outcomes.compactMap { outcome -> Int64? in
            if case .success = outcome.result, !outcome.handedOver { return outcome.ticket }
            return nil
        }
        store.release(store.writeBehind?.notQueued(done) ?? done)
        let now = Self.unixSeconds()
        for (item, outcome) in zip(items, outcomes) {
            metrics.observe(.endToEnd, nanos: Self.nanos(since: item.accepted), now: now, alerting: item.message.media == nil)
            metrics.count(Self.outcome(ofText: outcome.result), now: now)
            if case .failure(let error) = outcome.result { noteFailure(chat: item.message.chat, error: error, now: Self.unixMillis()) }
        }
        metrics.workerBusy(nanos: Self.nanos(since: started), now: now)
        return outcomes
    }

    private func processQueuedUnmeasured(_ items: [WorkScheduler.Item]) -> [Outcome]? {
        let outcomes = processQueuedOnce(items)
        guard let ownership else { return outcomes }
        for chat in WorkerPool.chats(of: items) {
            var tickets: [Int64] = []
            var retryLater: [Int64] = []
            var failed: [Int64] = []
            for (index, item) in items.enumerated() where item.message.chat == chat {
                tickets.append(item.ticket)
                // Given up on: the watchdog dead-lettered it.
                guard let outcome = outcomes?[index] else { failed.append(item.ticket); continue }
                if outcome.handedOver, case .failure = outcome.result { retryLater.append(outcome.ticket) }
                if !outcome.handedOver, case .failure = outcome.result { failed.append(outcome.ticket) }
            }
            ownership.finished(chat: chat, tickets: tickets, retryLater: retryLater, failed: failed)
        }
        return outcomes
    }

    /// A batch's messages through the pipeline and one journal transaction. On a shared
    /// PostgreSQL store each write carries the chat's lease token; a message whose lease moved
    /// on, or whose write failed on the database (retried by the pump), is handed over.
    /// Nil once the watchdog gave up on the batch: it stops at the next message and writes
    /// nothing, since the other chats' messages went back to the queue.
    private func processQueuedOnce(_ items: [WorkScheduler.Item]) -> [Outcome]? {
        let progress = WorkProgress.current
        var outcomes: [Outcome?] = Array(repeating: nil, count: items.count)
        var entries: [Store.JournalEntry] = []
        var positions: [Int] = []
        var fences: [String: Int64] = [:]
        if let ownership {
            for chat in WorkerPool.chats(of: items) { fences[chat] = ownership.fence(for: chat) }
        }
        var interrupted: [String: ParleyError] = [:]
        for (position, item) in items.enumerated() {
            guard progress?.enriching(position) ?? true else { return nil }
            if let interrupted = interrupted[item.message.chat] {
                // An earlier message of the chat waits for the database: so do the later ones.
                outcomes[position] = Outcome(ticket: item.ticket, result: .failure(interrupted), recovered: item.recovered, handedOver: true)
                continue
            }
            do throws(ParleyError) {
                // No early look-up: a queued message has its received row (submit answered a
                // stored one itself), and the journal's own check inside the transaction
                // settles a race with `process`. The look-up took the store's lock, and
                // waited behind the host's next submit whenever a checkpoint held that.
                switch try prepare(item.message, lookUpStored: false) {
                case .duplicate(let context):
                    outcomes[position] = Outcome(ticket: item.ticket, result: .success(JSONWriter.string(context)), recovered: item.recovered)
                case .fresh(var entry):
                    entry.ticket = item.ticket
                    entry.fence = fences[item.message.chat]
                    entries.append(entry)
                    positions.append(position)
                }
            } catch {
                // On a shared store a message that failed for want of the database is retried
                // by the pump, in its place in the chat's order.
                let retry = ownership != nil && error.kind.isTransient
                if retry { interrupted[item.message.chat] = error }
                outcomes[position] = Outcome(ticket: item.ticket, result: .failure(error), recovered: item.recovered, handedOver: retry)
            }
        }
        guard progress?.journaling() ?? true else { return nil }
        if !entries.isEmpty {
            let journaling = ContinuousClock.now
            let journaled = journalRetryingWhileLocked(entries)
            metrics.observe(.journal, nanos: Self.nanos(since: journaling), now: Self.unixSeconds())
            for (offset, position) in positions.enumerated() {
                let item = items[position]
                var handedOver = false
                let result: Result<String, ParleyError> = switch journaled {
                case .success(let all):
                    switch all[offset] {
                    case .stored(_, let text): .success(text)
                    case .duplicate(let stored): Result { () throws(ParleyError) in JSONWriter.string(try EnrichedContext.duplicate(of: stored)) }
                    case .stillPending(let stored): .success(stored)
                    case .handedOver(let reason):
                        { handedOver = true; return .success(reason) }()
                    }
                case .failure(let error):
                    // On a shared store a failed write stays received: the pump tries again.
                    { handedOver = ownership != nil; return .failure(error) }()
                }
                if handedOver, case .failure(let error) = result {
                    log.log(.warning, "message.retry", "message \(item.message.id) of chat \(item.message.chat) is retried: \(error)")
                }
                outcomes[position] = Outcome(ticket: item.ticket, result: result, recovered: item.recovered, handedOver: handedOver)
            }
        }
        return outcomes.map { $0! }
    }

    /// Journals a batch; while another process holds the store file's write lock (`.busy`
    /// after `store.busyTimeoutMillis`), tries again with backoff for up to half of
    /// `core.messageTimeoutMillis` (the watchdog takes over after that): the messages were
    /// accepted, so a lock that is released in time must not turn them into errors.
    private func journalRetryingWhileLocked(_ entries: [Store.JournalEntry]) -> Result<[Store.Journaled], ParleyError> {
        let timeout = configuration.async.messageTimeoutMillis
        let deadline = WorkerPool.now() + (timeout > 0 ? timeout / 2 : 30_000)
        var pauseMillis: Int64 = 10
        while true {
            let journaled = Result { () throws(ParleyError) in
                // Written behind while the writing thread keeps up (the worker never waits on a
                // checkpoint); past a transaction's worth queued it is behind, and the workers'
                // own commits (shared with its through GroupCommit) add the parallelism it lacks.
                if let writeBehind = store.writeBehind, writeBehind.queued < WriteBehind.maxBatch {
                    return try store.journalProcessed(entries, receivedAt: Self.unixMillis())
                }
                return try store.journal(entries, receivedAt: Self.unixMillis())
            }
            guard ownership == nil, case .failure(let error) = journaled, error.kind == .busy,
                  WorkerPool.now() + pauseMillis < deadline else { return journaled }
            usleep(UInt32(pauseMillis * 1_000))
            pauseMillis = min(pauseMillis * 2, 1_000)
        }
    }

    /// The watchdog gave up on these messages (processing ran past core.messageTimeoutMillis):
    /// each is dead-lettered with a timeout error and handed back as that error, unless its
    /// processing committed after all (then its context goes back).
    func deadLetterTimedOut(_ items: [WorkScheduler.Item]) -> [Outcome] {
        let limit = configuration.async.messageTimeoutMillis
        let error = ParleyError(.timeout, "processing ran past core.messageTimeoutMillis (\(limit) ms): "
            + "the message is dead-lettered (parley_dlq_retry processes it again) and its chat went on")
        var entry = JSONObject()
        entry.append("status", .string(error.kind.statusName))
        entry.append("message", .string(error.message))
        return items.map { item in
            let result = Result { () throws(ParleyError) -> String? in
                try store.deadLetterTimedOut(ticket: item.ticket, message: item.message, priority: item.priority.rawValue,
                                             error: entry, now: Self.unixMillis())
            }
            switch result {
            case .success(let stored?):
                return Outcome(ticket: item.ticket, result: .success(stored), recovered: item.recovered)
            case .success(nil):
                log.log(.warning, "message.timeout", "\(error)", ["chat": .string(item.message.chat), "id": .string(item.message.id)])
                noteFailure(chat: item.message.chat, error: error, now: Self.unixMillis())
                metrics.count(.error, now: Self.unixSeconds())
                return Outcome(ticket: item.ticket, result: .failure(error), recovered: item.recovered)
            case .failure(let storeError):
                return Outcome(ticket: item.ticket, result: .failure(storeError), recovered: item.recovered)
            }
        }
    }

    /// Queues the messages a previous run accepted but did not finish; returns how many.
    @discardableResult
    func recoverUnfinished() throws(ParleyError) -> Int {
        // On a shared store, unfinished messages are found by the chat-ownership pump (any
        // instance may have accepted them; whoever owns their chat processes them).
        guard ownership == nil else { return 0 }
        var unfinished = try store.unfinished()
        guard !unfinished.isEmpty else { return 0 }
        let owed = unfinished.filter(\.handBack)
        unfinished = try replayProcessed(unfinished)
        // Results processed before the crash but never handed back go first, as they would have.
        let redelivered = pool.redeliver(owed.compactMap { item in
            guard let text = item.recorded ?? item.stored else { return nil }
            return Outcome(ticket: item.ticket, result: .success(text), recovered: true)
        })
        if redelivered > 0 {
            log.log(.info, "engine.redeliver", "\(redelivered) results processed before a crash or close were never handed back: handed back again")
        }
        let now = WorkerPool.now()
        pool.recover(unfinished.map {
            WorkScheduler.Item(ticket: $0.ticket, message: $0.message, priority: Priority(rawValue: $0.priority) ?? .normal,
                               arrivedAt: now, recovered: true)
        })
        return unfinished.count + redelivered
    }

    /// Journals now, before the engine opens, the messages `process` answered whose write to
    /// SQLite a crash cut short (WriteBehind), each with the very context it returned, so a
    /// repeat of one answers "duplicate" from the first call. Returns the rest (submitted
    /// messages, and one that cannot be prepared again), for the workers.
    private func replayProcessed(_ unfinished: [Store.Unfinished]) throws(ParleyError) -> [Store.Unfinished] {
        var rest: [Store.Unfinished] = []
        var entries: [Store.JournalEntry] = []
        for item in unfinished where item.stored == nil {
            guard let recorded = item.recorded else {
                rest.append(item)
                continue
            }
            do throws(ParleyError) {
                guard case .fresh(var entry) = try prepare(item.message, lookUpStored: false, live: false) else { continue }
                entry.ticket = item.ticket
                entry.recorded = recorded
                entries.append(entry)
            } catch {
                rest.append(item)
            }
        }
        var start = 0
        while start < entries.count {
            let chunk = Array(entries[start..<min(start + 256, entries.count)])
            _ = try store.journal(chunk, receivedAt: Self.unixMillis())
            store.release(chunk.compactMap(\.ticket))
            start += chunk.count
        }
        if !entries.isEmpty {
            log.log(.info, "engine.replay", "journaled \(entries.count) processed messages that a crash left in the inbox")
        }
        return rest
    }
}
