/// Builds the page's text. Every piece of text that did not come from this file's callers as
/// markup (messages, names, topics, errors, the host's title) goes through `text`/`attribute`,
/// which escape it: a tenant writing "<script>" or "\" onload=" gets those characters shown,
/// never interpreted. Control characters HTML does not allow become U+FFFD.
struct HTMLText {
    private(set) var bytes: [UInt8] = []

    init(reservingCapacity capacity: Int = 64 * 1024) {
        bytes.reserveCapacity(capacity)
    }

    /// Markup written by the renderer itself (never user text).
    mutating func raw(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    /// User text, escaped for element content.
    mutating func text(_ value: String) {
        Self.escape(value, into: &bytes)
    }

    /// User text, escaped for a double-quoted attribute value (the same escaping: quotes too).
    mutating func attribute(_ value: String) {
        Self.escape(value, into: &bytes)
    }

    /// `<tag attrs>text</tag>` with the text escaped.
    mutating func element(_ tag: String, _ attributes: String = "", _ value: String) {
        raw(attributes.isEmpty ? "<\(tag)>" : "<\(tag) \(attributes)>")
        text(value)
        raw("</\(tag)>")
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    static func escape(_ value: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        escape(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func escape(_ value: String, into out: inout [UInt8]) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            case 0x09, 0x0A: out.append(byte)
            case 0x0D: out.append(0x0A)
            case 0x00..<0x20, 0x7F: out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            default: out.append(byte)
            }
        }
    }
}
