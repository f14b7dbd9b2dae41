import CPhoneNumbers

/// Phone numbers through Google's libphonenumber (PhoneNumberMatcher, leniency VALID):
/// "+250 788 123 456", and national forms for the configured region ("0788 123 456" in RW).
enum PhoneScanner {
    /// Texts with fewer digits than this hold no phone number worth the matcher's cost.
    static let minimumDigits = 6

    /// At most this many phone numbers are taken from one message.
    static let maximumMatches = 32

    static func isSupported(region: String) -> Bool {
        region.withCString { pn_is_supported_region($0) } == 1
    }

    /// The country of a sender's WhatsApp number, from its calling code: "250788123456@c.us"
    /// (whatsapp-web.js), "…@s.whatsapp.net" (Baileys), "250788123456" or "+250…" (Cloud API's
    /// wa_id). Nil for what is not a phone number: groups (@g.us), Baileys' linked ids (@lid),
    /// broadcast lists, channels.
    static func region(ofSender sender: String) -> String? {
        var digits = Substring(sender)
        if let at = digits.firstIndex(of: "@") {
            let domain = digits[digits.index(after: at)...]
            guard domain == "c.us" || domain == "s.whatsapp.net" else { return nil }
            digits = digits[..<at]
        }
        // A device suffix ("250788123456:12@s.whatsapp.net") is not part of the number.
        if let colon = digits.firstIndex(of: ":") { digits = digits[..<colon] }
        if digits.first == "+" { digits = digits.dropFirst() }
        guard (8...15).contains(digits.utf8.count), digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        var out: (CChar, CChar, CChar) = (0, 0, 0)
        let found = String(digits).withCString { pointer in
            withUnsafeMutableBytes(of: &out) { raw in
                pn_region_of_digits(pointer, digits.utf8.count, raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
        }
        guard found == 1 else { return nil }
        return String(decoding: [UInt8(bitPattern: out.0), UInt8(bitPattern: out.1)], as: UTF8.self)
    }

    /// `fallback`: a second region a plain national number is tried in when it is not valid
    /// in `region` (the configured region, when `region` is the sender's own).
    static func scan(_ view: ScalarText, region: String, fallback: String? = nil, into candidates: inout [Candidate]) {
        // The matcher costs tens of microseconds per call, so it reads only the stretches of
        // digits and phone punctuation holding enough digits, each with one scalar of context.
        var finds = 0
        let first = candidates.count
        for window in windows(view) where finds < maximumFinds {
            if isSlashDate(view, window) { continue }
            if wholeWindow(view, window, region: region, into: &candidates) { continue }
            if let fallback, wholeWindow(view, window, region: fallback, into: &candidates) { continue }
            // A long stretch ("1 1 1 …", a column of figures) is read in pieces overlapping by
            // half: the matcher's cost grows faster than what it reads (a 160 KB stretch took
            // minutes), and a number is at most ~20 scalars, so each lies whole in some piece.
            var start = window.lowerBound
            while finds < maximumFinds {
                let end = min(window.upperBound, start + maximumWindow)
                find(view, from: max(0, start - 1), to: min(view.count, end + 1), region: region, into: &candidates, since: first)
                finds += 1
                if end == window.upperBound { break }
                start += maximumWindow / 2
            }
        }
    }

    /// The longest stretch given to the matcher at once.
    static let maximumWindow = 48
    /// At most this many matcher calls for one message (each costs tens of microseconds).
    static let maximumFinds = 256

    /// The fast path: a window that is one plain number (no brackets, slashes or more than 15
    /// digits, set off by spaces or sentence punctuation) is parsed and validated whole
    /// (`pn_parse_whole`, a few µs) instead of running the matcher over it (tens of µs).
    /// Returns false when unsure, and the matcher decides.
    static func wholeWindow(_ view: ScalarText, _ window: Range<Int>, region: String, into candidates: inout [Candidate]) -> Bool {
        var digits = 0
        var bytes: [UInt8] = []
        bytes.reserveCapacity(window.count)
        for i in window {
            let c = view.ascii(i)
            switch c {
            case 0x30...0x39: digits += 1
            case 0x2B where i == window.lowerBound: break
            case 0x20, 0x2D, 0x2E: break
            default: return false  // "(", ")", "/", a no-break space, "+" inside
            }
            bytes.append(c)
        }
        guard digits <= 15 else { return false }
        func quiet(_ i: Int, before: Bool) -> Bool {
            guard let s = view[i] else { return true }
            if view.isBlank(i) || s == "\n" || s == "\r" { return true }
            if before { return s == ":" || s == "," || s == ";" || s == "\"" || s == "'" }
            return s == "," || s == "." || s == ";" || s == ":" || s == "!" || s == "?" || s == "\"" || s == "'"
        }
        guard quiet(window.lowerBound - 1, before: true), quiet(window.upperBound, before: false) else { return false }
        var match = pn_match()
        let status = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                region.withCString { pn_parse_whole(pointer, buffer.count, $0, &match) }
            }
        }
        guard status == 1 else { return false }
        let e164 = withUnsafeBytes(of: match.e164) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
        candidates.append(Candidate(type: "phone", start: window.lowerBound, end: window.upperBound, value: ["e164": .string(e164)],
                                    confidence: match.international != 0 ? 0.95 : 0.9))
        return true
    }

    /// A window that is exactly a slash-separated date ("12/03/2026", "3/12/26"): the matcher
    /// drops any candidate holding one (libphonenumber's SLASH_SEPARATED_DATES, checked before
    /// the number is parsed), so asking it only costs its tens of microseconds.
    static func isSlashDate(_ view: ScalarText, _ window: Range<Int>) -> Bool {
        var parts: [(value: Int, digits: Int)] = [(0, 0)]
        for i in window {
            let c = view.ascii(i)
            if c >= 0x30 && c <= 0x39 {
                parts[parts.count - 1].value = parts[parts.count - 1].value * 10 + Int(c - 0x30)
                parts[parts.count - 1].digits += 1
                if parts[parts.count - 1].digits > 4 { return false }
            } else if c == 0x2F && parts.count < 3 {
                parts.append((0, 0))
            } else {
                return false
            }
        }
        guard parts.count == 3 else { return false }
        let (a, b, year) = (parts[0], parts[1], parts[2])
        guard (1...2).contains(a.digits), (1...2).contains(b.digits) else { return false }
        // (?:[0-3]?\d/[01]?\d|[01]?\d/[0-3]?\d)/(?:[12]\d)?\d{2}
        let dayMonth = a.value <= 39 && b.value <= 19
        let monthDay = a.value <= 19 && b.value <= 39
        let yearOK = year.digits == 2 || (year.digits == 4 && (1...2).contains(year.value / 1000))
        return (dayMonth || monthDay) && yearOK
    }

    /// Runs of digits, "+", "(", ")", "-", ".", "/" and single spaces with at least
    /// `minimumDigits` digits.
    static func windows(_ view: ScalarText) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = 0
        let count = view.count
        while i < count {
            let c = view.ascii(i)
            guard view.isDigit(i) || c == 0x2B || c == 0x28 else { i += 1; continue }
            let start = i
            var digits = 0
            var lastDigit = i
            while i < count {
                let c = view.ascii(i)
                if c >= 0x30 && c <= 0x39 {
                    digits += 1
                    lastDigit = i
                } else if c == 0x2B || c == 0x28 || c == 0x29 || c == 0x2D || c == 0x2E || c == 0x2F {
                } else if (c == 0x20 || view[i] == "\u{00A0}") && view.ascii(i + 1) != 0x20 {
                } else {
                    break
                }
                i += 1
            }
            if digits >= minimumDigits { result.append(start..<(lastDigit + 1)) }
            if i == start { i += 1 }
        }
        return result
    }

    /// `since`: where this message's phone candidates begin (a number two pieces found is taken once).
    static func find(_ view: ScalarText, from: Int, to: Int, region: String, into candidates: inout [Candidate], since: Int) {
        var window = view.string(from, to)
        let found: [pn_match] = window.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return [] }
            return region.withCString { regionPointer in
                [pn_match](unsafeUninitializedCapacity: maximumMatches) { buffer, initialized in
                    let n = base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                        pn_find_numbers($0, utf8.count, regionPointer, buffer.baseAddress, Int32(maximumMatches))
                    }
                    initialized = max(0, Int(n))
                }
            }
        }
        if found.isEmpty { return }
        // Byte offsets to scalar offsets: count the non-continuation bytes before each offset.
        let utf8 = Array(window.utf8)
        for match in found {
            let startByte = Int(match.start)
            let endByte = Int(match.end)
            guard startByte >= 0, startByte < endByte, endByte <= utf8.count else { continue }
            let start = from + scalarIndex(utf8, startByte)
            let end = start + scalarIndex(utf8, endByte, from: startByte)
            guard end <= view.count else { continue }
            // Glued to a word or a formula ("45+31-339243873"), or a negative number.
            if view.isAlphanumeric(start - 1) { continue }
            if NumberScanner.isMinus(view, start - 1), NumberScanner.minusCanBeSign(view, start - 1) { continue }
            let e164 = withUnsafeBytes(of: match.e164) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            // Pieces of a long stretch overlap: a number in two is taken once.
            if candidates[since...].contains(where: { $0.type == "phone" && $0.start == start && $0.end == end }) { continue }
            candidates.append(Candidate(type: "phone", start: start, end: end, value: ["e164": .string(e164)],
                                        confidence: match.international != 0 ? 0.95 : 0.9))
        }
    }

    /// How many scalars start in `bytes[from..<offset]`.
    @inline(__always) static func scalarIndex(_ bytes: [UInt8], _ offset: Int, from: Int = 0) -> Int {
        var n = 0
        var i = from
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { n += 1 }
            i += 1
        }
        return n
    }
}
