/// The outbound scheduler: sends the host queued (durable in the store) handed back in batches
/// that stay inside WhatsApp's limits at the host's time `now_ms`.
///
/// - Rate: sliding windows of 1 s, 1 min and 1 h over every hand-out, scaled by the throttle
///   factor (halved by a rate-limit error, recovered step by step).
/// - Per recipient: a token bucket (burst, one send per spacing), a hold after a pair-rate
///   error, at most `maxPerRecipientBatch` in one batch, a rolling-24-h budget of new contacts.
/// - Priorities: three lanes served by stride scheduling (weights 16:4:1 by default): high
///   goes first, low still gets its share. Within a lane, recipients take turns by readiness.
///   Priority orders recipients, never one recipient's sends: a recipient waits in the lane of
///   its most urgent due send and hands out its sends in queue order (retries first), so a
///   tenant never reads "pay by Friday" before the invoice it refers to.
/// - Leases: a send handed out and not confirmed within `leaseMillis` is offered again.
///
/// The state lives in memory behind one lock (rebuilt from the store at first use) and every
/// change is committed to the store before a call returns; lock order: outbox, then store.
public final class Outbox: Sendable {
    public let settings: OutboxSettings
    let core: Guarded<OutboxCore>

    init(settings: OutboxSettings) {
        self.settings = settings
        var generator = SystemRandomNumberGenerator()
        core = Guarded(OutboxCore(settings: settings, seed: settings.seed ?? generator.next()))
    }
}

/// A send's place in the scheduler.
struct OutboxItem {
    enum Place { case delayed, waiting, leased }

    var recipient: Int
    var lane: Int
    var place: Place
    var notBefore: Int64
    var enqueuedAt: Int64
    var attempts: Int
    var failures: Int
    var leasedUntil: Int64 = 0
    /// Back at the front of its recipient's queue when due (a retry, an expired lease).
    var front = false
    /// Reports of expired hand-outs that may still come: a failure report that does not name
    /// its hand-out ("attempt") is taken for one of them, never for the current lease.
    var lateReports = 0
    /// The current lease took such an unnamed report: when it expires it is not counted as
    /// one more unreported hand-out (else one lost report would make every later one ignored).
    var tookLateReport = false
}

struct RecipientState {
    let key: String
    /// Token bucket in milliseconds of credit: one send costs `spacing`; full is burst × spacing.
    var credit: Int64 = 0
    var creditAt = Int64.min
    var heldUntil = Int64.min
    var lastHandout = Int64.min
    /// Due sends by (retry or expired lease first, then id): queue order.
    var queue = MinHeap()
    /// Due sends per lane: the recipient waits in the lane of its most urgent one.
    var waiting = [0, 0, 0]
    var scheduled = [false, false, false]
    var batchSerial = 0
    var batchCount = 0
    var inboundSerial = -1
    var lastInbound: Int64?

    init(key: String) { self.key = key }

    var lane: Int? { waiting.firstIndex { $0 > 0 } }
}

struct OutboxCounters {
    var enqueued = 0
    var handedOut = 0
    var sent = 0
    var failed = 0
    var retried = 0
    var rateLimited = 0
    var leaseExpired = 0
    var deliveryUpdates = 0
}

/// One send chosen for a batch.
struct OutboxChoice {
    let id: Int64
    let recipient: Int
    let attempts: Int
    let leasedUntil: Int64
    let outsideWindow: Bool
    let newContact: Bool
}

struct OutboxCore {
    static let day: Int64 = 86_400_000
    static let windows: [(name: String, millis: Int64)] = [("perSecond", 1_000), ("perMinute", 60_000), ("perHour", 3_600_000)]

    let settings: OutboxSettings
    var loaded = false
    var items: [Int64: OutboxItem] = [:]
    var recipients: [RecipientState] = []
    var recipientIndex: [String: Int] = [:]
    /// Per lane: (ready time, head id) → recipient index, one entry per recipient with sends in the lane.
    var lanes = [MinHeap(), MinHeap(), MinHeap()]
    var passes = [0.0, 0.0, 0.0]
    var virtualTime = 0.0
    var delayed = MinHeap()
    var leases = MinHeap()
    var handouts = TimeWindow()
    var newContacts = TimeWindow()
    var nextGlobalAt = Int64.min
    var throttle = 1.0
    var throttleAt: Int64 = 0
    var lastHalvedAt = Int64.min
    /// The latest host time seen (now_ms of next_batch, "at" of confirm).
    var now: Int64 = 0
    var rng: SplitMix64
    var counters = OutboxCounters()
    /// PostgreSQL: how far this instance has replayed the line's shared changes (PGStore+Outbox).
    var shared = OutboxSharedCursor()
    var batchSerial = 0

    init(settings: OutboxSettings, seed: UInt64) {
        self.settings = settings
        rng = SplitMix64(seed: seed)
    }

    var limits: [Int] { [settings.perSecond, settings.perMinute, settings.perHour] }

    func effective(_ limit: Int) -> Int { max(1, Int(Double(limit) * throttle)) }

    mutating func recipient(_ key: String) -> Int {
        if let index = recipientIndex[key] { return index }
        recipients.append(RecipientState(key: key))
        recipientIndex[key] = recipients.count - 1
        return recipients.count - 1
    }

    // MARK: Loading

    /// Rebuilds the state from the store: unfinished sends, the hand-outs of the last day, and
    /// the throttle as the last rate-limit error left it (it recovers from there).
    mutating func load(_ db: SQLiteConnection) throws(ParleyError) {
        guard !loaded else { return }
        if let saved = try Store.outboxThrottle(db) {
            (throttle, throttleAt, lastHalvedAt) = (saved.throttle, saved.at, saved.halvedAt)
        }
        for entry in try Store.outboxLog(db) {
            let r = recipient(entry.recipient)
            now = max(now, entry.at)
            _ = refill(r, at: entry.at)
            spend(r, at: entry.at)
            handouts.append(entry.at)
            if entry.new { newContacts.append(entry.at) }
        }
        for row in try Store.outboxActive(db) {
            let r = recipient(row.recipient)
            let lane = min(2, max(0, row.priority))
            var item = OutboxItem(recipient: r, lane: lane, place: .delayed, notBefore: row.notBefore, enqueuedAt: row.enqueuedAt,
                                  attempts: row.attempts, failures: row.failures, front: row.failures > 0)
            if row.state == OutboxState.leased.rawValue, let until = row.leasedUntil {
                item.place = .leased
                item.leasedUntil = until
                leases.push(key: until, tie: row.id, value: row.id)
            } else {
                delayed.push(key: row.notBefore, tie: row.id, value: row.id)
            }
            items[row.id] = item
        }
        loaded = true
    }

    // MARK: Enqueue

    mutating func add(id: Int64, recipient key: String, lane: Int, notBefore: Int64) {
        let r = recipient(key)
        items[id] = OutboxItem(recipient: r, lane: lane, place: .delayed, notBefore: notBefore, enqueuedAt: now, attempts: 0, failures: 0)
        delayed.push(key: notBefore, tie: id, value: id)
        counters.enqueued += 1
    }

    // MARK: Time

    /// Moves the host time forward (never back), recovers the throttle, releases due sends and
    /// expired leases into their recipients' queues.
    mutating func advance(to time: Int64) {
        now = max(now, time)
        if throttle < 1 {
            let steps = (now - throttleAt) / settings.throttleRecoverMillis
            if steps > 0 {
                throttle = min(1, throttle + Double(steps) * settings.throttleRecoverStep)
                throttleAt += steps * settings.throttleRecoverMillis
            }
        }
        while let top = leases.top, top.key <= now {
            leases.pop()
            guard var item = items[top.value], item.place == .leased, item.leasedUntil == top.key else { continue }
            item.place = .waiting
            item.front = true
            if item.tookLateReport { item.tookLateReport = false } else { item.lateReports += 1 }
            counters.leaseExpired += 1
            makeDue(top.value, item, at: now)
        }
        while let top = delayed.top, top.key <= now {
            delayed.pop()
            guard var item = items[top.value], item.place == .delayed, item.notBefore == top.key else { continue }
            item.place = .waiting
            makeDue(top.value, item, at: max(top.key, 0))
        }
        handouts.drop(through: now - 3_600_000)
        newContacts.drop(through: now - Self.day)
    }

    /// Puts a send (already `.waiting`) in its recipient's queue.
    private mutating func makeDue(_ id: Int64, _ item: OutboxItem, at key: Int64) {
        items[id] = item
        recipients[item.recipient].queue.push(key: item.front ? 0 : 1, tie: id, value: id)
        recipients[item.recipient].waiting[item.lane] += 1
        schedule(item.recipient, at: key)
    }

    /// A waiting send leaves its queue other than by a hand-out (settled, replaced by a
    /// replay): its queue entry is skipped later, its count goes now.
    mutating func leaveWaiting(_ item: OutboxItem?) {
        guard let item, item.place == .waiting else { return }
        recipients[item.recipient].waiting[item.lane] -= 1
    }

    /// The recipient's next send in queue order, skipping entries of sends no longer waiting.
    mutating func head(_ r: Int) -> Int64? {
        while let top = recipients[r].queue.top {
            if items[top.value]?.place == .waiting { return top.value }
            recipients[r].queue.pop()
        }
        return nil
    }

    /// Puts the recipient in its lane's heap (once per lane) if it has due sends.
    mutating func schedule(_ r: Int, at key: Int64) {
        guard let lane = recipients[r].lane, !recipients[r].scheduled[lane], let head = head(r) else { return }
        recipients[r].scheduled[lane] = true
        lanes[lane].push(key: key, tie: head, value: Int64(r))
    }

    // MARK: Limits

    /// How many more sends the windows allow at `now`, and when the first saturated one frees.
    /// `shared`: for normal and low sends, which leave each window's high-priority reserve.
    func windowCapacity(shared: Bool = false) -> (capacity: Int, freeAt: Int64?) {
        var capacity = Int.max
        var freeAt: Int64?
        for (index, window) in Self.windows.enumerated() {
            let full = effective(limits[index])
            let limit = shared ? max(1, full - Int((Double(full) * settings.highReserve).rounded(.down))) : full
            let inWindow = handouts.count(after: now - window.millis)
            capacity = min(capacity, max(0, limit - inWindow))
            if inWindow >= limit {
                let oldestInWindow = handouts.count - inWindow
                let frees = handouts[oldestInWindow + inWindow - limit] + window.millis
                freeAt = max(freeAt ?? frees, frees)
            }
        }
        return (capacity, freeAt)
    }

    /// Refills the recipient's bucket at `time`; the time it can take a send, or nil if now.
    mutating func refill(_ r: Int, at time: Int64) -> Int64? {
        let spacing = settings.recipientSpacingMillis
        if recipients[r].heldUntil > time { return recipients[r].heldUntil }
        guard spacing > 0 else { return nil }
        let full = spacing * Int64(settings.recipientBurst)
        if recipients[r].creditAt == .min {
            recipients[r].credit = full
        } else if time > recipients[r].creditAt {
            recipients[r].credit = min(full, recipients[r].credit + (time - recipients[r].creditAt))
        }
        recipients[r].creditAt = max(recipients[r].creditAt, time)
        return recipients[r].credit >= spacing ? nil : time + (spacing - recipients[r].credit)
    }

    mutating func spend(_ r: Int, at time: Int64) {
        recipients[r].credit -= settings.recipientSpacingMillis
        recipients[r].lastHandout = max(recipients[r].lastHandout, time)
    }

    // MARK: Batches

    /// Chooses up to `max` sends for `now` (already advanced). `inbound(recipient)` reads the
    /// recipient's last inbound message (Unix seconds); `allow()` asks the send API's breaker.
    mutating func choose(max: Int, inbound: (String) throws(ParleyError) -> Int64?, allow: () -> Bool) throws(ParleyError) -> (chosen: [OutboxChoice], breakerRefused: Bool) {
        batchSerial += 1
        var chosen: [OutboxChoice] = []
        var deferred: [Int] = []
        var refused = false
        let capacity = min(max, windowCapacity().capacity)
        // Normal and low stop short of the high-priority reserve.
        var sharedLeft = windowCapacity(shared: true).capacity
        while chosen.count < capacity && now >= nextGlobalAt {
            var best = -1
            for lane in 0..<3 {
                guard let top = lanes[lane].top, top.key <= now, lane == 0 || sharedLeft > 0 else { continue }
                passes[lane] = Swift.max(passes[lane], virtualTime)
                if best < 0 || passes[lane] < passes[best] { best = lane }
            }
            guard best >= 0, let entry = lanes[best].pop() else { break }
            let r = Int(entry.value)
            recipients[r].scheduled[best] = false
            guard let head = head(r) else { continue }
            // Its most urgent send left or a more urgent one came: it waits in that lane now.
            guard recipients[r].lane == best else {
                schedule(r, at: entry.key)
                continue
            }
            if recipients[r].batchSerial != batchSerial {
                recipients[r].batchSerial = batchSerial
                recipients[r].batchCount = 0
            }
            if recipients[r].batchCount >= settings.maxPerRecipientBatch {
                deferred.append(r)
                continue
            }
            if let until = refill(r, at: now) {
                schedule(r, at: until)
                continue
            }
            // The customer-service window: the recipient's last inbound message.
            if recipients[r].inboundSerial != batchSerial {
                recipients[r].lastInbound = try inbound(recipients[r].key)
                recipients[r].inboundSerial = batchSerial
            }
            let inWindow = recipients[r].lastInbound.map { $0 * 1000 > now - settings.serviceWindowMillis } ?? false
            let newContact = !inWindow && recipients[r].lastHandout <= now - Self.day
            if newContact && settings.newContactsPerDay > 0 {
                let reached = newContacts.count(after: now - Self.day)
                if reached >= settings.newContactsPerDay {
                    let frees = newContacts[newContacts.count - reached + reached - settings.newContactsPerDay] + Self.day
                    schedule(r, at: Swift.max(frees, now + 1))
                    continue
                }
            }
            guard allow() else {
                schedule(r, at: now)
                refused = true
                break
            }
            recipients[r].queue.pop()
            guard var item = items[head] else { continue }
            recipients[r].waiting[item.lane] -= 1
            item.place = .leased
            item.attempts += 1
            item.front = false
            item.leasedUntil = now + settings.leaseMillis
            items[head] = item
            leases.push(key: item.leasedUntil, tie: head, value: head)
            spend(r, at: now)
            recipients[r].batchCount += 1
            handouts.append(now)
            if newContact { newContacts.append(now) }
            counters.handedOut += 1
            chosen.append(OutboxChoice(id: head, recipient: r, attempts: item.attempts, leasedUntil: item.leasedUntil,
                                       outsideWindow: !inWindow, newContact: newContact))
            if best != 0 { sharedLeft -= 1 }
            virtualTime = passes[best]
            passes[best] += 1.0 / Double(settings.priorityWeights[best])
            if settings.jitterMaxMillis > 0 {
                let span = UInt64(settings.jitterMaxMillis - settings.jitterMinMillis + 1)
                nextGlobalAt = now + settings.jitterMinMillis + Int64(rng.next() % span)
            }
            schedule(r, at: now)
        }
        for r in deferred { schedule(r, at: now) }
        return (chosen, refused)
    }

    /// When calling next_batch again may give something: nil when nothing waits.
    mutating func nextAt(breakerRetryAt: Int64?) -> Int64? {
        // Confirmed sends leave their lease entries behind (removed lazily): drop the stale tops
        // so they do not bring the hint forward.
        while let top = leases.top, items[top.value].map({ $0.place != .leased || $0.leasedUntil != top.key }) ?? true { leases.pop() }
        while let top = delayed.top, items[top.value].map({ $0.place != .delayed || $0.notBefore != top.key }) ?? true { delayed.pop() }
        // Each lane's next send waits for its own windows: high may use the reserve, the
        // others wait for the shared part to free.
        let allFree = windowCapacity().freeAt ?? .min
        let sharedFree = windowCapacity(shared: true).freeAt ?? .min
        var earliest: Int64?
        func consider(_ time: Int64) { earliest = min(earliest ?? time, time) }
        for (index, lane) in lanes.enumerated() {
            if let top = lane.top { consider(max(top.key, index == 0 ? allFree : sharedFree)) }
        }
        if let top = delayed.top { consider(max(top.key, allFree)) }
        if let top = leases.top { consider(max(top.key, allFree)) }
        guard var at = earliest else { return nil }
        if settings.jitterMaxMillis > 0 { at = max(at, nextGlobalAt) }
        if let breakerRetryAt { at = max(at, breakerRetryAt) }
        return max(at, now)
    }

    // MARK: Outcomes

    enum Settled {
        case sent
        case retry(notBefore: Int64, failures: Int)
        case failed(failures: Int)
        case rateLimited(notBefore: Int64)
        /// A late report (its hand-out's lease had expired): nothing changes.
        case ignored

        var isIgnored: Bool { if case .ignored = self { true } else { false } }
    }

    /// `attempt`: the hand-out the report names (its "attempt"), if it names one.
    mutating func settle(id: Int64, ok: Bool, failure: SendFailure, attempt: Int?) -> Settled {
        guard var item = items[id] else { return .ignored }
        if ok {
            leaveWaiting(item)
            items[id] = nil
            counters.sent += 1
            return .sent
        }
        // A failure counts only for the current lease. One naming another hand-out, or naming
        // none while an expired hand-out's report may still come, is that late report: acting
        // on it would re-queue or fail a send the current hand-out may be sending right now.
        guard item.place == .leased, attempt ?? item.attempts == item.attempts, attempt != nil || item.lateReports == 0 else {
            if item.lateReports > 0 && attempt != item.attempts {
                item.lateReports -= 1
                if attempt == nil && item.place == .leased { item.tookLateReport = true }
                items[id] = item
            }
            return .ignored
        }
        switch failure {
        case .rateLimited(let pair):
            counters.rateLimited += 1
            if lastHalvedAt == .min || now - lastHalvedAt >= 1_000 {
                throttle = Swift.max(settings.throttleMinFactor, throttle / 2)
                lastHalvedAt = now
            }
            throttleAt = now
            if pair {
                recipients[item.recipient].heldUntil = now + Swift.max(2 * settings.recipientSpacingMillis, 6_000)
            }
            let notBefore = now + settings.rateLimitRetryMillis
            requeue(id, &item, notBefore: notBefore)
            return .rateLimited(notBefore: notBefore)
        case .permanent:
            items[id] = nil
            counters.failed += 1
            return .failed(failures: item.failures + 1)
        case .transient:
            item.failures += 1
            if item.failures > settings.maxRetries {
                items[id] = nil
                counters.failed += 1
                return .failed(failures: item.failures)
            }
            counters.retried += 1
            let exponent = Swift.min(item.failures - 1, 30)
            let base = Swift.min(settings.retryMaxMillis, settings.retryBaseMillis << Int64(exponent))
            let spread = 0.8 + 0.4 * Double(rng.next() % 1_000_001) / 1_000_000
            let notBefore = now + Swift.max(1, Int64(Double(base) * spread))
            requeue(id, &item, notBefore: notBefore)
            return .retry(notBefore: notBefore, failures: item.failures)
        }
    }

    private mutating func requeue(_ id: Int64, _ item: inout OutboxItem, notBefore: Int64) {
        item.place = .delayed
        item.notBefore = notBefore
        item.front = true
        items[id] = item
        delayed.push(key: notBefore, tie: id, value: id)
    }

    /// Waiting sends per lane, leased, delayed, and the oldest waiting's enqueue time.
    func depth() -> (lanes: [Int], leased: Int, delayed: Int, oldest: Int64?) {
        var lanes = [0, 0, 0], leased = 0, delayedCount = 0
        var oldest: Int64?
        for item in items.values {
            switch item.place {
            case .leased: leased += 1
            case .delayed: delayedCount += 1
            case .waiting: lanes[item.lane] += 1
            }
            if item.place != .leased { oldest = Swift.min(oldest ?? item.enqueuedAt, item.enqueuedAt) }
        }
        return (lanes, leased, delayedCount, oldest)
    }
}
