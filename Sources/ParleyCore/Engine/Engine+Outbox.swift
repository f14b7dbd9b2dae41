/// The outbox: what parley_outbox_* call. Sends are stored before a call returns; batches stay
/// inside the configured WhatsApp limits at the host's time now_ms (Delivery/Outbox.swift).
extension Engine {
    static let sendKeys: Set<String> = ["to", "text", "media", "priority", "idempotencyKey", "at", "meta"]
    static let laneNames = ["high", "normal", "low"]

    /// Queues a send: {"to", "text"? , "media"?, "priority"?: "high"|"normal"|"low",
    /// "idempotencyKey"?, "at"?: not before (now_ms), "meta"?: anything, handed back}. Returns its
    /// id; a key seen before returns that send's id and stores nothing (`new` false).
    public func outboxEnqueue(json bytes: UnsafeRawBufferPointer) throws(ParleyError) -> (id: Int64, new: Bool) {
        try outboxEnqueue(parseInput(bytes, what: "send"))
    }

    public func outboxEnqueue(_ value: JSONValue) throws(ParleyError) -> (id: Int64, new: Bool) {
        guard case .object(let object) = value else { throw ParleyError(.invalidArgument, "a send must be a JSON object, got \(value.typeName)") }
        if let unknown = object.keys.first(where: { !Self.sendKeys.contains($0) }) {
            throw ParleyError(.invalidArgument, "unknown send key \"\(unknown)\" (to, text, media, priority, idempotencyKey, at, meta)")
        }
        guard let to = object["to"]?.stringValue else { throw ParleyError(.invalidArgument, "a send needs \"to\" (a string: the recipient)") }
        let recipient = try Recipient.normalize(to)
        var payload = JSONObject()
        if let text = object["text"], !text.isNull {
            guard let string = text.stringValue, !string.isEmpty else { throw ParleyError(.invalidArgument, "\"text\" must be a non-empty string") }
            payload.append("text", .string(string))
        }
        if let media = object["media"], !media.isNull {
            guard media.objectValue != nil || !(media.stringValue ?? "").isEmpty else {
                throw ParleyError(.invalidArgument, "\"media\" must be an object or a non-empty string")
            }
            payload.append("media", media)
        }
        guard !payload.isEmpty else { throw ParleyError(.invalidArgument, "a send needs \"text\" or \"media\"") }
        if let meta = object["meta"], !meta.isNull { payload.append("meta", meta) }
        var lane = 1
        if let priority = object["priority"], !priority.isNull {
            if let name = priority.stringValue, let index = Self.laneNames.firstIndex(of: name) {
                lane = index
            } else if let number = priority.int64Value, (0...2).contains(number) {
                lane = Int(number)
            } else {
                throw ParleyError(.invalidArgument, "\"priority\" must be \"high\", \"normal\" or \"low\"")
            }
        }
        var notBefore: Int64 = 0
        if let at = object["at"], !at.isNull {
            guard let value = at.int64Value, value >= 0, value <= Self.maxTimeMillis else {
                throw ParleyError(.invalidArgument, "\"at\" must be a time in ms between 0 and \(Self.maxTimeMillis)")
            }
            notBefore = value
        }
        var key: String?
        if let given = object["idempotencyKey"], !given.isNull {
            guard let text = given.stringValue else { throw ParleyError(.invalidArgument, "\"idempotencyKey\" must be a string") }
            try Self.validateIdempotencyKey(text)
            key = text
        }
        let payloadText = JSONWriter.string(.object(payload))
        if let postgres = store.postgres {
            return try outbox.core.withLock { (core: inout OutboxCore) throws(ParleyError) -> (id: Int64, new: Bool) in
                try postgres.outboxLocked(&core, line: outbox.settings.line) { (db, core) throws(ParleyError) -> (id: Int64, new: Bool) in
                    let stored = try PGStore.outboxInsert(db, line: outbox.settings.line, recipient: recipient, target: to,
                                                          payload: payloadText, priority: lane, key: key, notBefore: notBefore,
                                                          enqueuedAt: core.now)
                    if stored.new {
                        core.add(id: stored.id, recipient: recipient, lane: lane, notBefore: notBefore)
                        core.shared.versionSeen = max(core.shared.versionSeen, stored.version)
                    }
                    return (stored.id, stored.new)
                }
            }
        }
        return try outbox.core.withLock { (core: inout OutboxCore) throws(ParleyError) -> (id: Int64, new: Bool) in
            let stored = try store.withConnection { db throws(ParleyError) -> (id: Int64, new: Bool) in
                try core.load(db)
                return try Store.outboxInsert(db, recipient: recipient, target: to, payload: payloadText, priority: lane,
                                              key: key, notBefore: notBefore, enqueuedAt: core.now)
            }
            if stored.new { core.add(id: stored.id, recipient: recipient, lane: lane, notBefore: notBefore) }
            return stored
        }
    }

    /// The sends the host may perform at `now` (at most `max`): {"schema": 1, "sends": [{"id", "to",
    /// "recipient", "text"?, "media"?, "meta"?, "priority", "attempt", "outsideServiceWindow",
    /// "idempotencyKey"?}], "nextAt": ms|null, "throttle", "breaker"}.
    public func outboxNextBatch(now: Int64, max: Int) throws(ParleyError) -> JSONValue {
        guard now >= 0 && now <= Self.maxTimeMillis else {
            throw ParleyError(.invalidArgument, "now_ms must be between 0 and \(Self.maxTimeMillis), got \(now)")
        }
        guard max >= 1 && max <= 10_000 else { throw ParleyError(.invalidArgument, "max must be between 1 and 10000, got \(max)") }
        let settings = outbox.settings
        let breakers = reliability.breakers
        let breakerSettings = configuration.breakers
        if let postgres = store.postgres {
            let line = outbox.settings.line
            return try outbox.core.withLock { (core: inout OutboxCore) throws(ParleyError) -> JSONValue in
                var stale = false
                let (rows, flags, refused) = try postgres.outboxLocked(&core, line: line) {
                    (db, core) throws(ParleyError) -> ([Store.OutboxRow], [Int64: Bool], Bool) in
                    core.advance(to: now)
                    let time = core.now
                    let (chosen, refused) = try core.choose(max: max, inbound: { (key) throws(ParleyError) -> Int64? in
                        try PGStore.lastInbound(db, forms: Recipient.journalForms(key))
                    }, allow: {
                        (try? breakers.allow(settings.breaker, now: time, settings: breakerSettings)) ?? true
                    })
                    let recipients = core.recipients
                    let handed = try PGStore.outboxHandOut(db, line: line, leases: chosen.map { ($0.id, $0.attempts, $0.leasedUntil) },
                                                           log: chosen.map { (time, recipients[$0.recipient].key, $0.newContact) },
                                                           pruneBefore: time - OutboxCore.day - 3_600_000)
                    core.shared.versionSeen = Swift.max(core.shared.versionSeen, handed.version)
                    core.shared.logSeen = Swift.max(core.shared.logSeen, handed.seq)
                    // The replica disagreed with the table (it cannot under the line's lock): rebuild it.
                    stale = handed.rows.count != chosen.count
                    var flags: [Int64: Bool] = [:]
                    for choice in chosen { flags[choice.id] = choice.outsideWindow }
                    return (handed.rows, flags, refused)
                }
                if stale { core.loaded = false }
                return batchAnswer(rows, flags: flags, refused: refused, core: &core)
            }
        }
        return try outbox.core.withLock { (core: inout OutboxCore) throws(ParleyError) -> JSONValue in
            try store.withConnection { db throws(ParleyError) -> JSONValue in
                try core.load(db)
                core.advance(to: now)
                let time = core.now
                let (chosen, refused) = try core.choose(max: max, inbound: { (key) throws(ParleyError) -> Int64? in
                    try Store.lastInbound(db, forms: Recipient.journalForms(key))
                }, allow: {
                    (try? breakers.allow(settings.breaker, now: time, settings: breakerSettings)) ?? true
                })
                let rows = try Store.outboxHandOut(db, leases: chosen.map { ($0.id, $0.attempts, $0.leasedUntil) },
                                                   log: chosen.map { (time, core.recipients[$0.recipient].key, $0.newContact) },
                                                   pruneBefore: time - OutboxCore.day - 3_600_000)
                let flags = Dictionary(chosen.map { ($0.id, $0.outsideWindow) }, uniquingKeysWith: { a, _ in a })
                return batchAnswer(rows, flags: flags, refused: refused, core: &core)
            }
        }
    }

    /// next_batch's answer: the sends handed out, when to ask next, the throttle and the breaker.
    private func batchAnswer(_ rows: [Store.OutboxRow], flags: [Int64: Bool], refused: Bool, core: inout OutboxCore) -> JSONValue {
        var sends: [JSONValue] = []
        sends.reserveCapacity(rows.count)
        for row in rows { sends.append(Self.sendJSON(row, outsideWindow: flags[row.id] ?? true)) }
        let breaker = try? reliability.breakers.status(of: outbox.settings.breaker, settings: configuration.breakers)
        var result = JSONObject()
        result.append("schema", .int(EnrichedContext.schema))
        result.append("sends", .array(sends))
        result.append("nextAt", core.nextAt(breakerRetryAt: breaker?.state == .open ? breaker?.retryAt : nil).map(JSONValue.int) ?? .null)
        result.append("throttle", .double(core.throttle))
        result.append("breaker", .string(refused ? CircuitBreaker.State.open.rawValue : (breaker?.state.rawValue ?? "closed")))
        return .object(result)
    }

    static func sendJSON(_ row: Store.OutboxRow, outsideWindow: Bool?) -> JSONValue {
        var object = JSONObject()
        object.append("id", .int(row.id))
        object.append("to", .string(row.target))
        object.append("recipient", .string(row.recipient))
        if case .object(let payload)? = try? JSONParser.parse(row.payload) {
            for key in ["text", "media", "meta"] { if let value = payload[key] { object.append(key, value) } }
        }
        object.append("priority", .string(laneNames[min(2, max(0, row.priority))]))
        object.append("attempt", .int(Int64(row.attempts)))
        if let outsideWindow { object.append("outsideServiceWindow", .bool(outsideWindow)) }
        if let key = row.key { object.append("idempotencyKey", .string(key)) }
        return .object(object)
    }

    /// Records a handed-out send's outcome. ok: `detail` may carry {"messageId"} (or the Cloud
    /// API's answer {"messages": [{"id"}]}) and "at" (now_ms). Not ok: `detail` is the send
    /// API's error, any JSON or text; rate limits throttle and re-offer, permanent errors
    /// fail at once, others retry with backoff. Throws .notFound for an unknown id.
    /// Returns the send's state after it: "sent", "queued" (to be offered again), "failed", or
    /// "unchanged" (already settled, or waiting again after its lease expired).
    @discardableResult
    public func outboxConfirm(id: Int64, ok: Bool, detail: String?) throws(ParleyError) -> String {
        guard id > 0 else { throw ParleyError(.invalidArgument, "id must be an outbox send's id (positive)") }
        var parsed: JSONValue?
        if let detail, !detail.allSatisfy(\.isWhitespace) {
            guard detail.utf8.count <= configuration.maxMessageBytes else {
                throw ParleyError(.tooLarge, "the confirmation detail is \(detail.utf8.count) bytes; the limit (limits.maxMessageBytes) is \(configuration.maxMessageBytes)")
            }
            parsed = (try? JSONParser.parse(detail)) ?? .string(detail)
        }
        if ok, let parsed, parsed.objectValue == nil {
            throw ParleyError(.invalidArgument, "a success's detail must be a JSON object like {\"messageId\": \"wamid...\"}")
        }
        let at = parsed?["at"]?.int64Value
        if let at, at < 0 || at > Self.maxTimeMillis { throw ParleyError(.invalidArgument, "\"at\" must be between 0 and \(Self.maxTimeMillis)") }
        var attempt: Int?
        if let value = parsed?["attempt"] {
            guard let number = value.int64Value, number >= 1, number <= Int64(Int32.max) else {
                throw ParleyError(.invalidArgument, "\"attempt\" must be the hand-out's \"attempt\" (1 or more)")
            }
            attempt = Int(number)
        }
        let messageID = parsed?["messageId"]?.stringValue ?? parsed?["messages"]?[0]?["id"]?.stringValue
            ?? (ok ? parsed?["id"]?.stringValue ?? parsed?["key"]?["id"]?.stringValue : nil)
        let errorText = ok ? nil : parsed.map { value -> String in
            let text = value.stringValue ?? JSONWriter.string(value)
            return text.utf8.count <= 2_000 ? text : String(decoding: text.utf8.prefix(2_000), as: UTF8.self)
        } ?? (ok ? nil : "failed")
        let failure = ok ? SendFailure.transient : SendFailure.classify(parsed)
        let settings = outbox.settings
        let breakers = reliability.breakers
        let breakerSettings = configuration.breakers
        if let postgres = store.postgres {
            let (outcome, wasLeased, time) = try outbox.core.withLock {
                (core: inout OutboxCore) throws(ParleyError) -> (OutboxCore.Settled?, Bool, Int64) in
                try postgres.outboxLocked(&core, line: outbox.settings.line) {
                    (db, core) throws(ParleyError) -> (OutboxCore.Settled?, Bool, Int64) in
                    if let at { core.now = max(core.now, at) }
                    let now = core.now
                    let wasLeased = core.items[id]?.place == .leased
                    guard core.items[id] != nil else {
                        guard let row = try PGStore.outboxRow(db, id: id) else { throw ParleyError(.notFound, "no outbox send \(id)") }
                        guard ok && Self.failedByReport(row) else { return (nil, false, now) }  // settled: a late or repeated report changes nothing
                        core.shared.versionSeen = max(core.shared.versionSeen, try PGStore.outboxMarkSent(db, id: id, messageID: messageID, at: now))
                        core.counters.sent += 1
                        return (.sent, false, now)
                    }
                    let outcome = core.settle(id: id, ok: ok, failure: failure, attempt: attempt)
                    var version: Int64 = 0
                    switch outcome {
                    case .sent:
                        version = try PGStore.outboxMarkSent(db, id: id, messageID: messageID, at: now)
                    case .retry(let notBefore, let failures):
                        version = try PGStore.outboxRequeue(db, id: id, failures: failures, notBefore: notBefore, error: errorText)
                    case .rateLimited(let notBefore):
                        version = try PGStore.outboxRequeue(db, id: id, failures: core.items[id]?.failures ?? 0, notBefore: notBefore, error: errorText)
                    case .failed(let failures):
                        version = try PGStore.outboxMarkFailed(db, id: id, failures: failures, error: errorText, at: now)
                    case .ignored:
                        break
                    }
                    core.shared.versionSeen = max(core.shared.versionSeen, version)
                    return (outcome, wasLeased, now)
                }
            }
            guard let outcome else { return "unchanged" }
            if wasLeased, !outcome.isIgnored {
                let apiFailed: Bool
                if ok { apiFailed = false } else if case .transient = failure { apiFailed = true } else { apiFailed = false }
                try? breakers.record(settings.breaker, ok: !apiFailed, micros: 0, now: time, settings: breakerSettings)
            }
            switch outcome {
            case .sent: return "sent"
            case .retry, .rateLimited: return "queued"
            case .failed: return "failed"
            case .ignored: return "unchanged"
            }
        }
        return try outbox.core.withLock { (core: inout OutboxCore) throws(ParleyError) -> String in
            try store.withConnection { db throws(ParleyError) -> String in
                try core.load(db)
                if let at { core.now = max(core.now, at) }
                let now = core.now
                let wasLeased = core.items[id]?.place == .leased
                guard core.items[id] != nil else {
                    guard let row = try Store.outboxRow(db, id: id) else { throw ParleyError(.notFound, "no outbox send \(id)") }
                    guard ok && Self.failedByReport(row) else { return "unchanged" }  // settled: a late or repeated report changes nothing
                    try Store.outboxMarkSent(db, id: id, messageID: messageID, at: now)
                    core.counters.sent += 1
                    return "sent"
                }
                // If the store refuses the change, the send goes back to how it was (leased: it
                // is offered again after its lease, never lost).
                let saved = core.items[id]
                let throttled = (core.throttle, core.throttleAt, core.lastHalvedAt)
                let outcome = core.settle(id: id, ok: ok, failure: failure, attempt: attempt)
                do throws(ParleyError) {
                if throttled != (core.throttle, core.throttleAt, core.lastHalvedAt) {
                    try Store.outboxSaveThrottle(db, throttle: core.throttle, at: core.throttleAt, halvedAt: core.lastHalvedAt)
                }
                switch outcome {
                case .sent:
                    try Store.outboxMarkSent(db, id: id, messageID: messageID, at: now)
                case .retry(let notBefore, let failures):
                    try Store.outboxRequeue(db, id: id, failures: failures, notBefore: notBefore, error: errorText)
                case .rateLimited(let notBefore):
                    try Store.outboxRequeue(db, id: id, failures: core.items[id]?.failures ?? 0, notBefore: notBefore, error: errorText)
                case .failed(let failures):
                    try Store.outboxMarkFailed(db, id: id, failures: failures, error: errorText, at: now)
                case .ignored:
                    break
                }
                } catch {
                    // A success took a waiting send out of its recipient's count: put it back.
                    if let saved, saved.place == .waiting, core.items[id] == nil { core.recipients[saved.recipient].waiting[saved.lane] += 1 }
                    core.items[id] = saved
                    (core.throttle, core.throttleAt, core.lastHalvedAt) = throttled
                    throw error
                }
                if wasLeased, !outcome.isIgnored {
                    // Only the send API's own failures count against its breaker.
                    let apiFailed: Bool
                    if ok { apiFailed = false } else if case .transient = failure { apiFailed = true } else { apiFailed = false }
                    try? breakers.record(settings.breaker, ok: !apiFailed, micros: 0, now: now, settings: breakerSettings)
                }
                switch outcome {
                case .sent: return "sent"
                case .retry, .rateLimited: return "queued"
                case .failed: return "failed"
                case .ignored: return "unchanged"
                }
            }
        }
    }

    /// A send failed by a report (never by a delivery status, which needs a message id): a
    /// success of another of its hand-outs still counts, since that message reached the recipient.
    static func failedByReport(_ row: Store.OutboxRow) -> Bool { row.state == OutboxState.failed.rawValue && row.messageID == nil }

    /// Applies a delivery status (Cloud API status object, whatsapp-web.js ack, Baileys update,
    /// or {"messageId", "status"}): {"schema": 1, "matched": [{"id", "messageId", "state",
    /// "changed"}]}, empty when no send has that message id. States only move forward.
    public func outboxDelivery(_ value: JSONValue) throws(ParleyError) -> JSONValue {
        var matched: [JSONValue] = []
        if let update = try DeliveryUpdate.parse(value) {
            let errorText = update.error.map { JSONWriter.string($0) }
            if let postgres = store.postgres {
                let moved = try postgres.outboxDeliver(messageID: update.messageID, to: update.state,
                                                       at: update.at.flatMap { $0 > 0 ? $0 : nil },
                                                       error: update.state == .failed ? errorText : nil)
                outbox.core.withLock { core in
                    for entry in moved where entry.changed {
                        core.counters.deliveryUpdates += 1
                        if update.state == .failed { core.counters.failed += 1 }
                    }
                }
                for (row, changed) in moved {
                    let current = OutboxState(rawValue: row.state) ?? .sent
                    matched.append(["id": .int(row.id), "messageId": .string(update.messageID),
                                    "state": .string(changed ? update.state.rawValue : current.rawValue), "changed": .bool(changed)])
                }
                return ["schema": .int(EnrichedContext.schema), "matched": .array(matched)]
            }
            try outbox.core.withLock { (core: inout OutboxCore) throws(ParleyError) in
                try store.withConnection { db throws(ParleyError) in
                    try core.load(db)
                    for row in try Store.outboxRows(db, messageID: update.messageID) {
                        let current = OutboxState(rawValue: row.state) ?? .sent
                        let changed = current.rank >= OutboxState.sent.rank && current.advances(to: update.state)
                        if changed {
                            try Store.outboxAdvance(db, id: row.id, to: update.state.rawValue, at: update.at.flatMap { $0 > 0 ? $0 : nil },
                                                   error: update.state == .failed ? errorText : nil)
                            core.counters.deliveryUpdates += 1
                            if update.state == .failed { core.counters.failed += 1 }
                        }
                        matched.append(["id": .int(row.id), "messageId": .string(update.messageID),
                                        "state": .string(changed ? update.state.rawValue : current.rawValue), "changed": .bool(changed)])
                    }
                }
            }
        }
        return ["schema": .int(EnrichedContext.schema), "matched": .array(matched)]
    }

    /// Applies a webhook's delivery statuses; a status that cannot be read is skipped (the
    /// webhook's messages matter more). The matches, for ingestWebhook's answer.
    func applyDeliveryStatuses(_ statuses: [JSONValue]) -> [JSONValue] {
        var matched: [JSONValue] = []
        for status in statuses {
            if let answer = try? outboxDelivery(status), let list = answer["matched"]?.arrayValue { matched.append(contentsOf: list) }
        }
        return matched
    }

    /// {"schema": 1, "depth": {"high", "normal", "low", "delayed", "leased"}, "states": {"queued",
    /// "leased", "sent", "delivered", "read", "failed"}, "counters": {...}, "rates": {"perSecond":
    /// {"current", "limit", "effective"}, ...}, "newContacts": {"last24h", "limit"}, "throttle",
    /// "breaker", "oldestWaitingMs", "now"}.
    public func outboxStatus() throws(ParleyError) -> JSONValue {
        let settings = outbox.settings
        let breaker = try? reliability.breakers.status(of: settings.breaker, settings: configuration.breakers)
        return try outbox.core.withLock { (core: inout OutboxCore) throws(ParleyError) -> JSONValue in
            let counts: [String: Int]
            if let postgres = store.postgres {
                // The replica brought up to the fleet's hand-outs, so the rates are the number's.
                try postgres.outboxLocked(&core, line: outbox.settings.line) { (_, _) throws(ParleyError) in }
                counts = try postgres.outboxStateCounts()
            } else {
                counts = try store.withConnection { db throws(ParleyError) -> [String: Int] in
                    try core.load(db)
                    return try Store.outboxStateCounts(db)
                }
            }
            let depth = core.depth()
            var depthObject = JSONObject()
            for (lane, name) in Self.laneNames.enumerated() { depthObject.append(name, .int(Int64(depth.lanes[lane]))) }
            depthObject.append("delayed", .int(Int64(depth.delayed)))
            depthObject.append("leased", .int(Int64(depth.leased)))
            var states = JSONObject()
            for state in OutboxState.allCases { states.append(state.rawValue, .int(Int64(counts[state.rawValue] ?? 0))) }
            let c = core.counters
            let counters: JSONValue = ["enqueued": .int(Int64(c.enqueued)), "handedOut": .int(Int64(c.handedOut)), "sent": .int(Int64(c.sent)),
                                       "failed": .int(Int64(c.failed)), "retried": .int(Int64(c.retried)), "rateLimited": .int(Int64(c.rateLimited)),
                                       "leaseExpired": .int(Int64(c.leaseExpired)), "deliveryUpdates": .int(Int64(c.deliveryUpdates))]
            var rates = JSONObject()
            for (index, window) in OutboxCore.windows.enumerated() {
                rates.append(window.name, ["current": .int(Int64(core.handouts.count(after: core.now - window.millis))),
                                           "limit": .int(Int64(core.limits[index])), "effective": .int(Int64(core.effective(core.limits[index])))])
            }
            var result = JSONObject()
            result.append("schema", .int(EnrichedContext.schema))
            result.append("preset", .string(settings.preset.rawValue))
            result.append("depth", .object(depthObject))
            result.append("states", .object(states))
            result.append("counters", counters)
            result.append("rates", .object(rates))
            result.append("newContacts", ["last24h": .int(Int64(core.newContacts.count(after: core.now - OutboxCore.day))),
                                          "limit": .int(Int64(settings.newContactsPerDay))])
            result.append("throttle", .double(core.throttle))
            result.append("breaker", .string(breaker?.state.rawValue ?? "closed"))
            result.append("oldestWaitingMs", depth.oldest.map { .int(max(0, core.now - $0)) } ?? .null)
            result.append("now", .int(core.now))
            return .object(result)
        }
    }

    /// One send: {"schema": 1, "send": {"id", "to", "recipient", "text"?, "media"?, "meta"?,
    /// "priority", "state", "attempts", "failures", "notBefore", "enqueuedAt", "leasedUntil"?,
    /// "messageId"?, "lastError"?, "sentAt"?, "deliveredAt"?, "readAt"?, "failedAt"?, "idempotencyKey"?}}.
    public func outboxGet(id: Int64) throws(ParleyError) -> JSONValue {
        guard id > 0 else { throw ParleyError(.invalidArgument, "id must be an outbox send's id (positive)") }
        let row: Store.OutboxRow?
        if let postgres = store.postgres {
            row = try postgres.outboxRow(id: id)
        } else {
            row = try store.withConnection { db throws(ParleyError) in try Store.outboxRow(db, id: id) }
        }
        guard let row else { throw ParleyError(.notFound, "no outbox send \(id)") }
        guard case .object(var send) = Self.sendJSON(row, outsideWindow: nil) else { throw ParleyError(.internal, "a send's JSON is not an object") }
        send.append("state", .string(row.state))
        send.append("attempts", .int(Int64(row.attempts)))
        send.append("failures", .int(Int64(row.failures)))
        send.append("notBefore", .int(row.notBefore))
        send.append("enqueuedAt", .int(row.enqueuedAt))
        if row.state == "leased", let until = row.leasedUntil { send.append("leasedUntil", .int(until)) }
        if let value = row.messageID { send.append("messageId", .string(value)) }
        if let value = row.lastError { send.append("lastError", .string(value)) }
        for (name, value) in [("sentAt", row.sentAt), ("deliveredAt", row.deliveredAt), ("readAt", row.readAt), ("failedAt", row.failedAt)] {
            if let value { send.append(name, .int(value)) }
        }
        return ["schema": .int(EnrichedContext.schema), "send": .object(send)]
    }
}

extension Engine {
    /// The outbox's gauges and counters for parley_metrics_prometheus, read from memory
    /// (nothing before the outbox's first use in this process; counters start at 0 with it).
    public func outboxPrometheus() -> String {
        outbox.core.withLock { core in
            guard core.loaded else { return "" }
            let depth = core.depth()
            let c = core.counters
            var text = "# HELP parley_outbox_waiting Sends due and waiting to be handed out, by priority.\n# TYPE parley_outbox_waiting gauge\n"
            for (lane, name) in Self.laneNames.enumerated() { text += "parley_outbox_waiting{priority=\"\(name)\"} \(depth.lanes[lane])\n" }
            func gauge(_ name: String, _ help: String, _ value: String) {
                text += "# HELP parley_outbox_\(name) \(help)\n# TYPE parley_outbox_\(name) gauge\nparley_outbox_\(name) \(value)\n"
            }
            func counter(_ name: String, _ help: String, _ value: Int) {
                text += "# HELP parley_outbox_\(name)_total \(help)\n# TYPE parley_outbox_\(name)_total counter\nparley_outbox_\(name)_total \(value)\n"
            }
            gauge("delayed", "Sends not due yet (a later \"at\", a retry's backoff).", "\(depth.delayed)")
            gauge("leased", "Sends handed out and not confirmed yet.", "\(depth.leased)")
            gauge("throttle", "The factor on the rate limits (below 1 after rate-limit errors).", "\(core.throttle)")
            counter("handed_out", "Sends handed out by next_batch, retries included.", c.handedOut)
            counter("sent", "Sends confirmed sent.", c.sent)
            counter("failed", "Sends failed for good.", c.failed)
            counter("retried", "Failed attempts scheduled for a retry.", c.retried)
            counter("rate_limited", "Attempts refused by the send API's rate limits.", c.rateLimited)
            return text
        }
    }
}
