/// Typed access to one JSON object of an incoming message. Wrong types are
/// `.invalidMessage` errors naming the field's full path, so a host sees exactly which
/// field of its payload was off ("key.remoteJid must be a string, got number").
struct FieldReader {
    let object: JSONObject
    let path: String

    init(_ object: JSONObject, path: String = "") {
        self.object = object
        self.path = path
    }

    /// Reads a value that must be an object.
    init(_ value: JSONValue, path: String) throws(ParleyError) {
        guard case .object(let object) = value else {
            throw ParleyError(.invalidMessage, "\(path.isEmpty ? "a message" : path) must be a JSON object, got \(value.typeName)")
        }
        self.init(object, path: path.isEmpty ? "" : path + ".")
    }

    func has(_ key: String) -> Bool {
        if let value = object[key], !value.isNull { return true }
        return false
    }

    func value(_ key: String) -> JSONValue? {
        guard let value = object[key], !value.isNull else { return nil }
        return value
    }

    func string(_ key: String) throws(ParleyError) -> String? {
        guard let value = value(key) else { return nil }
        guard let s = value.stringValue else { throw wrongType(key, "a string", value) }
        return s
    }

    /// The first of several alternative keys that is present.
    func firstString(_ keys: String...) throws(ParleyError) -> String? {
        for key in keys { if let s = try string(key) { return s } }
        return nil
    }

    func firstDouble(_ keys: String...) throws(ParleyError) -> Double? {
        for key in keys { if let d = try double(key) { return d } }
        return nil
    }

    func requiredString(_ key: String) throws(ParleyError) -> String {
        guard let s = try string(key) else { throw missing(key) }
        return s
    }

    /// A string that must hold something: ids and chats may not be empty.
    func requiredNonEmptyString(_ key: String) throws(ParleyError) -> String {
        let s = try requiredString(key)
        guard !s.isEmpty else { throw ParleyError(.invalidMessage, "\(path)\(key) must not be empty") }
        return s
    }

    func bool(_ key: String) throws(ParleyError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard let b = value.boolValue else { throw wrongType(key, "a boolean", value) }
        return b
    }

    func double(_ key: String) throws(ParleyError) -> Double? {
        guard let value = value(key) else { return nil }
        if let d = value.doubleValue { return d }
        if let s = value.stringValue, let d = Double(s) { return d }
        throw wrongType(key, "a number", value)
    }

    /// An integer given as a JSON number only: for a host's own queries, where "5" in quotes
    /// is a mistake to report, not a payload's convention to accept.
    func number(_ key: String) throws(ParleyError) -> Int64? {
        guard let value = value(key) else { return nil }
        switch value {
        case .int, .double:
            guard let i = value.int64Value else { throw wrongType(key, "an integer", value) }
            return i
        default:
            throw wrongType(key, "an integer", value)
        }
    }

    /// An integer given as a JSON number, a decimal string (Cloud API timestamps) or a
    /// protobuf.js `Long` object `{"low", "high", "unsigned"}` (Baileys timestamps, lengths).
    func integer(_ key: String) throws(ParleyError) -> Int64? {
        guard let value = value(key) else { return nil }
        guard let i = Self.integer(value) else { throw wrongType(key, "an integer", value) }
        return i
    }

    func requiredInteger(_ key: String) throws(ParleyError) -> Int64 {
        guard let i = try integer(key) else { throw missing(key) }
        return i
    }

    func object(_ key: String) throws(ParleyError) -> FieldReader? {
        guard let value = value(key) else { return nil }
        guard case .object(let o) = value else { throw wrongType(key, "an object", value) }
        return FieldReader(o, path: path + key + ".")
    }

    func requiredObject(_ key: String) throws(ParleyError) -> FieldReader {
        guard let o = try object(key) else { throw missing(key) }
        return o
    }

    func array(_ key: String) throws(ParleyError) -> [JSONValue]? {
        guard let value = value(key) else { return nil }
        guard case .array(let a) = value else { throw wrongType(key, "an array", value) }
        return a
    }

    func missing(_ key: String) -> ParleyError {
        ParleyError(.invalidMessage, "\(path)\(key) is missing")
    }

    func wrongType(_ key: String, _ expected: String, _ value: JSONValue) -> ParleyError {
        ParleyError(.invalidMessage, "\(path)\(key) must be \(expected), got \(value.typeName)")
    }

    static func integer(_ value: JSONValue) -> Int64? {
        switch value {
        case .int(let i): return i
        case .double: return value.int64Value
        case .string(let s): return Int64(s)
        case .object(let o):
            guard let low = o["low"]?.int64Value, let high = o["high"]?.int64Value else { return nil }
            return high << 32 | (low & 0xFFFF_FFFF)
        default: return nil
        }
    }
}
