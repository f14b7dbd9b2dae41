/// A small, non-validating XML reader for the parts of an XLSX (SpreadsheetML): elements,
/// attributes and character data, with the predefined and numeric entities. Names are local
/// (a namespace prefix like "x:" is dropped). No DTDs: a DOCTYPE is skipped and no custom
/// entity is expanded, so an entity bomb has nothing to grow.
struct XMLScanner {
    enum Event {
        case start(name: String, attributes: [(name: String, value: String)], selfClosing: Bool)
        case end(name: String)
        case text(String)
    }

    /// Calls `body` for each event in document order; stops early when it returns false.
    /// Malformed markup is `.badMedia`.
    static func scan(_ bytes: [UInt8], _ body: (Event) throws(ParleyError) -> Bool) throws(ParleyError) {
        let n = bytes.count
        var i = 0
        // A UTF-8 byte order mark.
        if n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        while i < n {
            if bytes[i] != 0x3C {  // character data up to the next "<"
                var j = i
                while j < n && bytes[j] != 0x3C { j += 1 }
                if try !body(.text(decode(bytes, i, j))) { return }
                i = j
                continue
            }
            guard i + 1 < n else { throw malformed }
            switch bytes[i + 1] {
            case 0x3F:  // <? ... ?>
                i = try skip(past: [0x3F, 0x3E], bytes, i + 2)
            case 0x21:  // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE >
                if starts(bytes, i, "<!--") {
                    i = try skip(past: [0x2D, 0x2D, 0x3E], bytes, i + 4)
                } else if starts(bytes, i, "<![CDATA[") {
                    let end = try find([0x5D, 0x5D, 0x3E], bytes, i + 9)
                    if try !body(.text(String(decoding: bytes[(i + 9)..<end], as: UTF8.self))) { return }
                    i = end + 3
                } else {
                    i = try skip(past: [0x3E], bytes, i + 2)
                }
            case 0x2F:  // </name>
                var j = i + 2
                while j < n && bytes[j] != 0x3E { j += 1 }
                guard j < n else { throw malformed }
                var nameEnd = j
                while nameEnd > i + 2 && isSpace(bytes[nameEnd - 1]) { nameEnd -= 1 }
                if try !body(.end(name: localName(bytes, i + 2, nameEnd))) { return }
                i = j + 1
            default:
                var j = i + 1
                while j < n && !isSpace(bytes[j]) && bytes[j] != 0x3E && bytes[j] != 0x2F { j += 1 }
                guard j < n, j > i + 1 else { throw malformed }
                let name = localName(bytes, i + 1, j)
                var attributes: [(name: String, value: String)] = []
                var selfClosing = false
                while true {
                    while j < n && isSpace(bytes[j]) { j += 1 }
                    guard j < n else { throw malformed }
                    if bytes[j] == 0x3E { j += 1; break }
                    if bytes[j] == 0x2F {
                        guard j + 1 < n, bytes[j + 1] == 0x3E else { throw malformed }
                        selfClosing = true
                        j += 2
                        break
                    }
                    let nameStart = j
                    while j < n && bytes[j] != 0x3D && !isSpace(bytes[j]) && bytes[j] != 0x3E { j += 1 }
                    let attributeName = localName(bytes, nameStart, j)
                    while j < n && isSpace(bytes[j]) { j += 1 }
                    guard j < n, bytes[j] == 0x3D else { throw malformed }
                    j += 1
                    while j < n && isSpace(bytes[j]) { j += 1 }
                    guard j < n, bytes[j] == 0x22 || bytes[j] == 0x27 else { throw malformed }
                    let quote = bytes[j]
                    let valueStart = j + 1
                    j = valueStart
                    while j < n && bytes[j] != quote { j += 1 }
                    guard j < n else { throw malformed }
                    attributes.append((attributeName, decode(bytes, valueStart, j)))
                    j += 1
                }
                if try !body(.start(name: name, attributes: attributes, selfClosing: selfClosing)) { return }
                if selfClosing, try !body(.end(name: name)) { return }
                i = j
            }
        }
    }

    static let malformed = ParleyError(.badMedia, "malformed XML in the workbook")

    @inline(__always) private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    private static func localName(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
        var s = start
        var k = start
        while k < end { if bytes[k] == 0x3A { s = k + 1 }; k += 1 }
        return String(decoding: bytes[s..<end], as: UTF8.self)
    }

    private static func starts(_ bytes: [UInt8], _ i: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard i + count <= bytes.count else { return false }
        let p = prefix.utf8Start
        for k in 0..<count where bytes[i + k] != p[k] { return false }
        return true
    }

    private static func find(_ pattern: [UInt8], _ bytes: [UInt8], _ from: Int) throws(ParleyError) -> Int {
        var i = from
        let last = bytes.count - pattern.count
        while i <= last {
            if bytes[i] == pattern[0] {
                var k = 1
                while k < pattern.count && bytes[i + k] == pattern[k] { k += 1 }
                if k == pattern.count { return i }
            }
            i += 1
        }
        throw malformed
    }

    private static func skip(past pattern: [UInt8], _ bytes: [UInt8], _ from: Int) throws(ParleyError) -> Int {
        try find(pattern, bytes, from) + pattern.count
    }

    /// Character data with entities replaced (`&amp;`, `&#x41;`); an unknown entity stays as written.
    static func decode(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
        var hasEntity = false
        for k in start..<end where bytes[k] == 0x26 { hasEntity = true; break }
        if !hasEntity { return String(decoding: bytes[start..<end], as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var i = start
        while i < end {
            let b = bytes[i]
            guard b == 0x26 else { out.append(b); i += 1; continue }
            var semi = i + 1
            while semi < end && semi - i <= 12 && bytes[semi] != 0x3B { semi += 1 }
            guard semi < end, bytes[semi] == 0x3B else { out.append(b); i += 1; continue }
            let name = bytes[(i + 1)..<semi]
            var scalar: Unicode.Scalar?
            if name.first == 0x23 {  // &#...;
                var value: UInt32 = 0
                var digits = name.dropFirst()
                var radix: UInt32 = 10
                if digits.first == 0x78 || digits.first == 0x58 { radix = 16; digits = digits.dropFirst() }
                var ok = !digits.isEmpty
                for d in digits {
                    let v: UInt32
                    switch d {
                    case 0x30...0x39: v = UInt32(d - 0x30)
                    case 0x61...0x66 where radix == 16: v = UInt32(d - 0x61 + 10)
                    case 0x41...0x46 where radix == 16: v = UInt32(d - 0x41 + 10)
                    default: ok = false; v = 0
                    }
                    if !ok || value > 0x10FFFF { ok = false; break }
                    value = value * radix + v
                }
                if ok { scalar = Unicode.Scalar(value) }
            } else {
                switch String(decoding: name, as: UTF8.self) {
                case "amp": scalar = "&"
                case "lt": scalar = "<"
                case "gt": scalar = ">"
                case "quot": scalar = "\""
                case "apos": scalar = "'"
                default: scalar = nil
                }
            }
            if let scalar {
                out.append(contentsOf: String(Character(scalar)).utf8)
                i = semi + 1
            } else {
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
