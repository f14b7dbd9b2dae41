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
        context.append("entities", .array(enrichment.entities.map(\.json)))
        context.append("thread", thread(decision))
        context.append("flow", flow(decision))
        context.append("timings", ["totalMicros": .int(totalMicros)])
        return .object(context)
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
