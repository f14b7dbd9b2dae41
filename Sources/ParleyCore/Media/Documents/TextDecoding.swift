/// The encodings a CSV arrives in: UTF-8 (with or without a byte order mark), UTF-16 with a
/// byte order mark, and Windows-1252 (a superset of Latin-1's printable range) for bytes that
/// are not valid UTF-8. The result is UTF-8 bytes.
enum TextDecoding {
    static func decode(_ bytes: [UInt8]) -> (utf8: [UInt8], encoding: String) {
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            return (Array(bytes[3...]), "utf-8-bom")
        }
        if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE { return (utf16(bytes, bigEndian: false), "utf-16le") }
        if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF { return (utf16(bytes, bigEndian: true), "utf-16be") }
        if isValidUTF8(bytes) { return (bytes, "utf-8") }
        return (windows1252(bytes), "windows-1252")
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var ascii = true
        for b in bytes where b >= 0x80 { ascii = false; break }
        if ascii { return true }
        return String(validating: bytes, as: UTF8.self) != nil
    }

    private static func utf16(_ bytes: [UInt8], bigEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            units.append(bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i]))
            i += 2
        }
        // Unpaired surrogates become U+FFFD.
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    /// Windows-1252's 0x80–0x9F (undefined ones as U+FFFD); the rest is Latin-1.
    private static let high: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    private static func windows1252(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 { out.append(b); continue }
            let value = b < 0xA0 ? high[Int(b - 0x80)] : UInt32(b)
            UTF8.encode(Unicode.Scalar(value)!) { out.append($0) }
        }
        return out
    }
}
