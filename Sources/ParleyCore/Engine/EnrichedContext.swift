/// Builds the enriched-context JSON document described in include/parley.h.
enum EnrichedContext {
    static let schema: Int64 = 1

    enum Status: String {
        case processed, duplicate
    }

    static func build(message: Message, enrichment: Enrichment, decision: ThreadDecision, status: Status, totalMicros: Int64) -> JSONValue {
        var context = JSONObject()
        context.append("schema", .int(schema))
        context.append("status", .string(status.rawValue))
        context.append("format", .string(message.format.rawValue))
        context.append("message", message.json)
        enrichment.append(to: &context) { withTrend($0, decision) }
        context.append("thread", thread(decision))
        context.append("flow", flow(decision))
        context.append("timings", ["totalMicros": .int(totalMicros)])
        return .object(context)
    }

    /// The chat's mood before and after this message: is the tenant getting angrier?
    static func withTrend(_ sentiment: JSONValue, _ decision: ThreadDecision) -> JSONValue {
        guard case .object(var object) = sentiment, let after = decision.chatSentimentAfter else { return sentiment }
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
        thread.append("new", .bool(decision.isNew))
        thread.append("messageCount", .int(Int64(decision.thread.messageCount)))
        return .object(thread)
    }

    static func flow(_ decision: ThreadDecision) -> JSONValue {
        var flow = JSONObject()
        flow.append("contextSwitch", .bool(decision.contextSwitch != nil))
        if let change = decision.contextSwitch {
            flow.append("from", .string(change.from))
            flow.append("to", .string(change.to))
        }
        if !decision.closed.isEmpty { flow.append("closedThreads", .array(decision.closed.map { .string($0.id) })) }
        return .object(flow)
    }

    /// A stored context re-issued for a repeated message: the same document, marked duplicate.
    static func duplicate(of stored: String) throws(ParleyError) -> JSONValue {
        let value: JSONValue
        do {
            value = try JSONParser.parse(stored)
        } catch {
            throw ParleyError(.corrupt, "a stored context is not valid JSON: \(error.message)")
        }
        guard case .object(var object) = value else {
            throw ParleyError(.corrupt, "a stored context is not a JSON object")
        }
        object["status"] = .string(Status.duplicate.rawValue)
        return .object(object)
    }
}
