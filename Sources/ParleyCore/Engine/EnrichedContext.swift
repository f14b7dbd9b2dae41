/// Builds the enriched-context JSON document described in include/parley.h.
enum EnrichedContext {
    static let schema: Int64 = 1

    enum Status: String {
        case processed, duplicate
    }

    static func build(message: Message, enrichment: Enrichment, status: Status, totalMicros: Int64) -> JSONValue {
        var context = JSONObject()
        context.append("schema", .int(schema))
        context.append("status", .string(status.rawValue))
        context.append("format", .string(message.format.rawValue))
        context.append("message", message.json)
        context.append("entities", .array(enrichment.entities.map(\.json)))
        context.append("timings", ["totalMicros": .int(totalMicros)])
        return .object(context)
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
