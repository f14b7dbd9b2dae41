/// One thing found in a message's text. Offsets count Unicode scalars of the text, so every
/// host can slice with them (JavaScript code points via `Array.from`, Python `str` indices).
public struct Entity: Sendable, Equatable {
    public enum Source: String, Sendable {
        case pattern, lookup, statistical
    }

    public var type: String
    public var text: String
    public var start: Int
    public var end: Int
    public var value: JSONValue
    public var confidence: Double
    public var source: Source

    public init(type: String, text: String, start: Int, end: Int, value: JSONValue, confidence: Double, source: Source = .pattern) {
        self.type = type
        self.text = text
        self.start = start
        self.end = end
        self.value = value
        self.confidence = confidence
        self.source = source
    }

    public var json: JSONValue {
        var object = JSONObject()
        object.append("type", .string(type))
        object.append("text", .string(text))
        object.append("start", .int(Int64(start)))
        object.append("end", .int(Int64(end)))
        object.append("value", value)
        object.append("confidence", .double((confidence * 1000).rounded() / 1000))
        object.append("source", .string(source.rawValue))
        return .object(object)
    }
}
