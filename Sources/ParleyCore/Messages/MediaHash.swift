/// Media content hashes arrive as base64 (Baileys `fileSha256`, whatsapp-web.js `filehash`,
/// Cloud API `sha256`) or hex; Parley stores them as lowercase hex so one file has one key
/// in every format.
enum MediaHash {
    static func hex(_ text: String) -> String {
        let utf8 = Array(text.utf8)
        if utf8.count == 64, utf8.allSatisfy(isHexDigit) { return text.lowercased() }
        guard let bytes = base64Decode(utf8), bytes.count == 32 else { return text }
        return hex(bytes)
    }

    /// A SHA-256 as hosts give it: 64 hex digits, or the base64 of its 32 bytes.
    static func isDigest(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        if utf8.count == 64 { return utf8.allSatisfy(isHexDigit) }
        return base64Decode(utf8)?.count == 32
    }

    /// Bytes as a JavaScript host hands them over: a hex or base64 string; a Node `Buffer`
    /// through JSON.stringify, `{"type": "Buffer", "data": [bytes]}`, or through Baileys'
    /// BufferJSON, `{"type": "Buffer", "data": "<base64>"}`; a `Uint8Array` through
    /// JSON.stringify, `{"0": byte, "1": byte, ...}`; a plain array of bytes.
    static func hex(buffer value: JSONValue) -> String? {
        if let s = value.stringValue { return hex(s) }
        func bytes(_ items: [JSONValue]) -> [UInt8]? {
            var out: [UInt8] = []
            out.reserveCapacity(items.count)
            for item in items {
                guard let b = item.int64Value, (0...255).contains(b) else { return nil }
                out.append(UInt8(b))
            }
            // A SHA-256 is 32 bytes: anything else is not one and is dropped, not passed on.
            return out.count == 32 ? out : nil
        }
        if let items = value.arrayValue { return bytes(items).map(hex) }
        guard let object = value.objectValue else { return nil }
        if object["type"]?.stringValue == "Buffer" {
            if let text = object["data"]?.stringValue { return hex(text) }
            return object["data"]?.arrayValue.flatMap(bytes).map(hex)
        }
        // A typed array's indices, in order and nothing else.
        var items: [JSONValue] = []
        for (offset, member) in object.members.enumerated() {
            guard member.key == String(offset) else { return nil }
            items.append(member.value)
        }
        return bytes(items).map(hex)
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isHexDigit(_ c: UInt8) -> Bool {
        (48...57).contains(c) || (97...102).contains(c) || (65...70).contains(c)
    }

    /// Standard and URL-safe alphabets, padding optional.
    static func base64Decode(_ text: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for c in text {
            let v: UInt32
            switch c {
            case 65...90: v = UInt32(c - 65)
            case 97...122: v = UInt32(c - 97 + 26)
            case 48...57: v = UInt32(c - 48 + 52)
            case 43, 45: v = 62
            case 47, 95: v = 63
            case 61: continue
            default: return nil
            }
            buffer = buffer << 6 | v
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        return out
    }
}
