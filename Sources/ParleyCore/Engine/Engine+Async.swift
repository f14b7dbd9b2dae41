/// The asynchronous API (parley_engine_submit, _poll, _set_callback, _drain): a message is
/// journaled as received before `submit` returns, processed by the worker pool in its chat's
/// order, and its result handed back through the callback or `poll`. Messages received and
/// not processed when the engine last stopped (a crash, a close with work queued) are
/// processed after the reopen and handed back marked `recovered`.
extension Engine {
    /// Accepts a message (JSON in any format) for processing; returns its ticket (the journal
    /// row's number). A message already accepted keeps its ticket: if it was processed, its
    /// stored context comes back once more marked duplicate; if it is still queued, its one
    /// result answers both. Throws `.busy` above the high-water mark (nothing is stored).
    public func submit(json bytes: UnsafeRawBufferPointer, priority: Priority = .normal) throws(ParleyError) -> Int64 {
        let message = try MessageNormalizer.normalize(parseInput(bytes, what: "message"))
        return try submit(message, priority: priority)
    }

    public func submit(_ incoming: Message, priority requested: Priority = .normal) throws(ParleyError) -> Int64 {
        // Inline media bytes go to the media directory before the message is journaled.
        let message = try media.admit(incoming)
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
                pool.enqueue(WorkScheduler.Item(ticket: ticket, message: message, priority: priority,
                                                arrivedAt: WorkerPool.now(), recovered: false))
                return ticket
            case .existing(let ticket, let state, let context):
                if state == .received {
                    pool.cancel()
                } else {
                    let text = state == .pending ? context : JSONWriter.string(try EnrichedContext.duplicate(of: context))
                    pool.deliver(Outcome(ticket: ticket, result: .success(text), recovered: false))
                }
                return ticket
            }
        } catch {
            pool.cancel()
            throw error
        }
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

    /// Waits until every accepted message is processed; false on timeout.
    public func drain(timeoutMillis: Int) -> Bool {
        pool.drain(timeoutMillis: timeoutMillis)
    }

    /// The worker's job: process one chat's messages in order and journal them in one
    /// transaction. A message that fails keeps its received row (it is processed again after
    /// a reopen) and hands back its error.
    func processQueued(_ items: [WorkScheduler.Item]) -> [Outcome] {
        let started = ContinuousClock.now
        let outcomes = processQueuedUnmeasured(items)
        let now = Self.unixSeconds()
        for (item, outcome) in zip(items, outcomes) {
            metrics.observe(.endToEnd, nanos: Self.nanos(since: item.accepted), now: now)
            metrics.count(Self.outcome(ofText: outcome.result), now: now)
            if case .failure(let error) = outcome.result { noteFailure(chat: item.message.chat, error: error, now: Self.unixMillis()) }
        }
        metrics.workerBusy(nanos: Self.nanos(since: started), now: now)
        return outcomes
    }

    private func processQueuedUnmeasured(_ items: [WorkScheduler.Item]) -> [Outcome] {
        var outcomes: [Outcome?] = Array(repeating: nil, count: items.count)
        var entries: [Store.JournalEntry] = []
        var positions: [Int] = []
        for (position, item) in items.enumerated() {
            do throws(ParleyError) {
                switch try prepare(item.message) {
                case .duplicate(let context):
                    outcomes[position] = Outcome(ticket: item.ticket, result: .success(JSONWriter.string(context)), recovered: item.recovered)
                case .fresh(let entry):
                    entries.append(entry)
                    positions.append(position)
                }
            } catch {
                outcomes[position] = Outcome(ticket: item.ticket, result: .failure(error), recovered: item.recovered)
            }
        }
        if !entries.isEmpty {
            let journaling = ContinuousClock.now
            let journaled = Result { () throws(ParleyError) in try store.journal(entries, receivedAt: Self.unixMillis()) }
            metrics.observe(.journal, nanos: Self.nanos(since: journaling), now: Self.unixSeconds())
            for (offset, position) in positions.enumerated() {
                let item = items[position]
                let result: Result<String, ParleyError> = switch journaled {
                case .success(let all):
                    switch all[offset] {
                    case .stored(_, let text): .success(text)
                    case .duplicate(let stored): Result { () throws(ParleyError) in JSONWriter.string(try EnrichedContext.duplicate(of: stored)) }
                    case .stillPending(let stored): .success(stored)
                    }
                case .failure(let error): .failure(error)
                }
                outcomes[position] = Outcome(ticket: item.ticket, result: result, recovered: item.recovered)
            }
        }
        return outcomes.map { $0! }
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
                try store.deadLetterTimedOut(ticket: item.ticket, error: entry, now: Self.unixMillis())
            }
            switch result {
            case .success(let stored?):
                return Outcome(ticket: item.ticket, result: .success(stored), recovered: item.recovered)
            case .success(nil):
                noteFailure(chat: item.message.chat, error: error, now: Self.unixMillis())
                metrics.count(.error, now: Self.unixSeconds())
                return Outcome(ticket: item.ticket, result: .failure(error), recovered: item.recovered)
            case .failure(let storeError):
                return Outcome(ticket: item.ticket, result: .failure(storeError), recovered: item.recovered)
            }
        }
    }

    /// Queues what a previous run accepted and did not process.
    func recoverUnfinished() throws(ParleyError) {
        let unfinished = try store.unfinished()
        guard !unfinished.isEmpty else { return }
        let now = WorkerPool.now()
        pool.recover(unfinished.map {
            WorkScheduler.Item(ticket: $0.ticket, message: $0.message, priority: Priority(rawValue: $0.priority) ?? .normal,
                               arrivedAt: now, recovered: true)
        })
    }
}
