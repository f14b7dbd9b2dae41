/// Builds the enriched-context JSON document described in include/parley.h.
enum EnrichedContext {
    static let schema: Int64 = 1

    enum Status: String {
        case processed, duplicate, pending, received
    }

    static func build(message: Message, enrichment: Enrichment, media: JSONValue? = nil, decision: ThreadDecision, order: OrderMarks = OrderMarks(),
                      degraded: [DegradationSettings.Feature] = [], status: Status, totalMicros: Int64) -> JSONValue {
        var context = JSONObject()
        context.append("schema", .int(schema))
        context.append("status", .string(status.rawValue))
        context.append("format", .string(message.format.rawValue))
        context.append("message", message.json)
        enrichment.append(to: &context) { withTrend($0, decision) }
        if let lent = decision.threadIntent, case .object(var intent)? = context["intent"] {
            // The classifier's answer stays beside the thread's: the host may prefer either.
            intent["classified"] = intent["name"]
            intent["name"] = .string(lent)
            intent["fromThread"] = .bool(true)
            context["intent"] = .object(intent)
        } else if let lent = decision.threadIntent {
            // Digits alone, which the classifier does not read: the thread's request, unscored.
            context.append("intent", ["name": .string(lent), "confidence": .double(0), "alternatives": .array([]),
                                      "outOfScope": .bool(false), "fromThread": .bool(true)])
        }
        if let media { context.append("media", media) }
        context.append("thread", thread(decision))
        context.append("flow", flow(decision, order))
        if !degraded.isEmpty { context.append("degraded", .array(degraded.map { .string($0.rawValue) })) }
        context.append("timings", ["totalMicros": .int(totalMicros)])
        return .object(context)
    }

    /// The chat's mood before and after this message: is the tenant getting angrier?
    static func withTrend(_ sentiment: JSONValue, _ decision: ThreadDecision) -> JSONValue {
        guard case .object(var object) = sentiment else { return sentiment }
        if let pressed = decision.threadUrgency {
            // A follow-up of an emergency: the thread's urgency, its own cues kept.
            object["urgency"] = .double(rounded(pressed))
            object["urgencyFromThread"] = .bool(true)
        }
        guard let after = decision.chatSentimentAfter else { return .object(object) }
        var trend = JSONObject()
        trend.append("chatAverage", .double(rounded(after)))
        if let before = decision.chatSentimentBefore {
            trend.append("change", .double(rounded(after - before)))
            let direction = after - before <= -0.05 ? "worsening" : after - before >= 0.05 ? "improving" : "steady"
            trend.append("direction", .string(direction))
        }
        object.append("trend", .object(trend))
        return .object(object)
    }

    static func thread(_ decision: ThreadDecision) -> JSONValue {
        var thread = JSONObject()
        thread.append("id", .string(decision.thread.id))
        thread.append("topic", .string(decision.thread.topic))
        if let intent = decision.thread.intent { thread.append("intent", .string(intent)) }
        thread.append("new", .bool(decision.isNew))
        thread.append("messageCount", .int(Int64(decision.thread.messageCount)))
        return .object(thread)
    }

    static func flow(_ decision: ThreadDecision, _ order: OrderMarks) -> JSONValue {
        var flow = JSONObject()
        flow.append("contextSwitch", .bool(decision.contextSwitch != nil))
        if let change = decision.contextSwitch {
            flow.append("from", .string(change.from))
            flow.append("to", .string(change.to))
        }
        if !decision.closed.isEmpty { flow.append("closedThreads", .array(decision.closed.map { .string($0.id) })) }
        if decision.reopened { flow.append("reopened", .string(decision.thread.id)) }
        if order.late { flow.append("late", .bool(true)) }
        if let gap = order.gap { flow.append("gap", ["after": .int(gap.after), "missing": .int(gap.missing)]) }
        return .object(flow)
    }

    /// The context of a message journaled but not processed: received (waiting for a worker)
    /// or pending (a placeholder waiting for its content). What such a journal row stores.
    static func unprocessed(_ message: Message, status: Store.MessageState) -> JSONValue {
        var context = JSONObject()
        context.append("schema", .int(schema))
        context.append("status", .string(status.rawValue))
        context.append("format", .string(message.format.rawValue))
        context.append("message", message.json)
        return .object(context)
    }

    /// The message inside a stored context, normalized again (a received row being
    /// processed after a restart, a dead letter being retried).
    static func message(ofUnprocessed stored: String) throws(ParleyError) -> Message {
        let value = try parseStored(stored)
        guard let message = value["message"] else { throw ParleyError(.corrupt, "a stored context has no message") }
        do {
            var normalized = try MessageNormalizer.normalizeParleyForm(FieldReader(message.objectValue ?? JSONObject()))
            try MessageNormalizer.readHostMarks(FieldReader(message.objectValue ?? JSONObject()), into: &normalized)
            if let format = value["format"]?.stringValue.flatMap(Message.Format.init(rawValue:)) { normalized.format = format }
            if message["pending"]?.boolValue == true { normalized.pending = true }
            return normalized
        } catch {
            throw ParleyError(.corrupt, "a stored message cannot be read again: \(error)")
        }
    }

    /// The context handed out for a message whose content was stored within the window
    /// under another id: the original's findings, this message, and which one it repeats.
    static func contentDuplicate(of original: String, originalID: String, message: Message) throws(ParleyError) -> String {
        guard case .object(var object) = try parseStored(original) else {
            throw ParleyError(.corrupt, "a stored context is not a JSON object")
        }
        object["status"] = .string(Status.duplicate.rawValue)
        object["message"] = message.json
        object["duplicateOf"] = .string(originalID)
        return JSONWriter.string(.object(object))
    }

    static func parseStored(_ stored: String) throws(ParleyError) -> JSONValue {
        do {
            return try JSONParser.parse(stored)
        } catch {
            throw ParleyError(.corrupt, "a stored context is not valid JSON: \(error)")
        }
    }

    /// A stored context re-issued for a repeated message: the same document, marked duplicate.
    static func duplicate(of stored: String) throws(ParleyError) -> JSONValue {
        guard case .object(var object) = try parseStored(stored) else {
            throw ParleyError(.corrupt, "a stored context is not a JSON object")
        }
        object["status"] = .string(Status.duplicate.rawValue)
        return .object(object)
    }
}
