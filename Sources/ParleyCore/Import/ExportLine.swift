/// The two layouts of WhatsApp's "Export chat" text:
/// Android `12/03/2025, 14:05 - Name: text`, iOS `[12/03/2025, 14:05:33] Name: text`.
public enum ExportLayout: String, Sendable {
    case android, ios
}

/// How a numeric date is read: day first (12/03 is 12 March) or month first (3 December).
public enum ExportDateOrder: String, Sendable, CaseIterable {
    case dmy, mdy
}

/// The date-and-time prefix of a line that starts a message or a system event, as written:
/// the date's numbers stay unassigned until the file's date order is known.
///
/// Grammar (bytes of one line, direction marks before the prefix skipped):
///   ios:     `[` DATE `,`? SP TIME `]` SP BODY
///   android: DATE `,`? SP TIME SP (`-` | `–`) SP BODY
///   DATE:    N `/`|`.`|`-` N (same separator) N, `.`?   (day/month 1–2 digits, year 2 or 4; or year first: 2025-03-12)
///   TIME:    H (`:`|`.`) MM ((`:`|`.`) SS)? (SP | U+202F | U+00A0)* (am | pm | a.m. | p. m. …, any case)?
struct ExportHeader: Equatable, Sendable {
    var layout: ExportLayout
    /// The date's three numbers in written order.
    var numbers: (Int, Int, Int)
    /// 2025-03-12: the year comes first (then always year, month, day).
    var yearFirst: Bool
    var hour: Int
    var minute: Int
    var second: Int?
    /// true: pm, false: am, nil: a 24-hour clock.
    var pm: Bool?
    /// Where the body starts in the line's bytes.
    var bodyStart: Int

    static func == (a: ExportHeader, b: ExportHeader) -> Bool {
        a.layout == b.layout && a.numbers == b.numbers && a.yearFirst == b.yearFirst && a.hour == b.hour
            && a.minute == b.minute && a.second == b.second && a.pm == b.pm && a.bodyStart == b.bodyStart
    }

    /// What the date's first two numbers say about the order: a value over 12 can only be a day.
    var orderEvidence: ExportDateOrder? {
        guard !yearFirst else { return nil }
        if numbers.0 > 12 && numbers.1 <= 12 { return .dmy }
        if numbers.1 > 12 && numbers.0 <= 12 { return .mdy }
        return nil
    }

    /// The civil date and time under `order`, nil when that reading is no valid date.
    func civil(_ order: ExportDateOrder) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)? {
        var year: Int, month: Int, day: Int
        if yearFirst {
            (year, month, day) = numbers
        } else if order == .dmy {
            (day, month, year) = numbers
        } else {
            (month, day, year) = numbers
        }
        if year < 100 { year += 2000 }
        guard Civil.isValid(year: year, month: month, day: day) else { return nil }
        var h = hour
        if let pm {
            guard (1...12).contains(hour) else { return nil }
            h = hour % 12 + (pm ? 12 : 0)
        }
        guard (0...23).contains(h), (0...59).contains(minute), (0...59).contains(second ?? 0) else { return nil }
        return (year, month, day, h, minute, second ?? 0)
    }

    /// Seconds since 1970-01-01T00:00 in the export's local time (the zone applied later).
    func localSeconds(_ order: ExportDateOrder) -> Int? {
        guard let c = civil(order) else { return nil }
        return Civil.days(year: c.year, month: c.month, day: c.day) * 86400 + c.hour * 3600 + c.minute * 60 + c.second
    }

    /// Parses the prefix of `line`; nil when the line does not start with one.
    static func parse(_ line: UnsafeBufferPointer<UInt8>) -> ExportHeader? {
        let n = line.count
        var i = ExportMarks.skip(line, from: 0)
        guard i < n else { return nil }
        let bracket = line[i] == 0x5B
        if bracket { i += 1 }

        func number(_ maxDigits: Int) -> (value: Int, digits: Int)? {
            var value = 0, digits = 0
            while i < n, digits < maxDigits, line[i] >= 0x30, line[i] <= 0x39 {
                value = value * 10 + Int(line[i] - 0x30)
                digits += 1
                i += 1
            }
            if i < n, line[i] >= 0x30, line[i] <= 0x39 { return nil }  // too many digits
            return digits == 0 ? nil : (value, digits)
        }
        func isSpace(_ at: Int) -> Int {  // the width of a space-like scalar at `at`, 0 if none
            guard at < n else { return 0 }
            if line[at] == 0x20 { return 1 }
            if line[at] == 0xC2, at + 1 < n, line[at + 1] == 0xA0 { return 2 }
            if line[at] == 0xE2, at + 2 < n, line[at + 1] == 0x80, line[at + 2] == 0xAF { return 3 }
            return 0
        }
        func spaces() -> Int {
            var count = 0
            while true {
                let width = isSpace(i)
                if width == 0 { return count }
                i += width
                count += 1
            }
        }

        guard let a = number(4) else { return nil }
        guard i < n, line[i] == 0x2F || line[i] == 0x2E || line[i] == 0x2D else { return nil }
        let separator = line[i]
        i += 1
        guard let b = number(2), i < n, line[i] == separator else { return nil }
        i += 1
        guard let c = number(4) else { return nil }
        let yearFirst = a.digits == 4
        if yearFirst {
            guard c.digits <= 2 else { return nil }
        } else {
            guard a.digits <= 2, c.digits == 2 || c.digits == 4 else { return nil }
        }
        if i < n, line[i] == 0x2E { i += 1 }  // "12.03.25."
        var separated = false
        if i < n, line[i] == 0x2C { i += 1; separated = true }
        if spaces() > 0 { separated = true }
        guard separated else { return nil }

        guard let hour = number(2), i < n, line[i] == 0x3A || line[i] == 0x2E else { return nil }
        i += 1
        guard let minute = number(2), minute.digits == 2 else { return nil }
        var second: Int?
        if i + 2 < n, line[i] == 0x3A || line[i] == 0x2E, line[i + 1] >= 0x30, line[i + 1] <= 0x39 {
            i += 1
            guard let s = number(2), s.digits == 2 else { return nil }
            second = s.value
        }
        // am / pm, a.m. / p. m., in any case, after spaces (U+202F in newer exports) or none.
        var pm: Bool?
        let beforeMeridiem = i
        _ = spaces()
        if i < n, line[i] | 0x20 == 0x61 || line[i] | 0x20 == 0x70 {
            let isPM = line[i] | 0x20 == 0x70
            var j = i + 1
            if j < n, line[j] == 0x2E { j += 1 }
            if j < n, line[j] == 0x20 { j += 1 }
            if j < n, line[j] | 0x20 == 0x6D {
                j += 1
                if j < n, line[j] == 0x2E { j += 1 }
                pm = isPM
                i = j
            }
        }
        if pm == nil { i = beforeMeridiem }

        let layout: ExportLayout
        if bracket {
            _ = spaces()
            guard i < n, line[i] == 0x5D else { return nil }
            i += 1
            i = ExportMarks.skip(line, from: i)
            guard isSpace(i) > 0 else { return nil }
            i += isSpace(i)
            layout = .ios
        } else {
            guard spaces() > 0, i < n else { return nil }
            if line[i] == 0x2D {
                i += 1
            } else if line[i] == 0xE2, i + 2 < n, line[i + 1] == 0x80, line[i + 2] == 0x93 {
                i += 3  // an en dash
            } else {
                return nil
            }
            guard isSpace(i) > 0 else { return nil }
            i += isSpace(i)
            layout = .android
        }
        return ExportHeader(layout: layout, numbers: (a.value, b.value, c.value), yearFirst: yearFirst,
                            hour: hour.value, minute: minute.value, second: second, pm: pm, bodyStart: i)
    }
}

/// The invisible direction marks exports put around names, numbers and system text:
/// U+200E, U+200F, U+202A–U+202E and U+2066–U+2069. Stripped from everything imported.
enum ExportMarks {
    /// The length of a mark at `i`, 0 if none.
    @inline(__always)
    static func width(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        guard i + 2 < bytes.count, bytes[i] == 0xE2 else { return 0 }
        let b1 = bytes[i + 1], b2 = bytes[i + 2]
        if b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE)) { return 3 }
        if b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9 { return 3 }
        return 0
    }

    /// The first index at or after `i` that does not start a mark.
    static func skip(_ bytes: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var j = i
        while true {
            let w = width(bytes, j)
            if w == 0 { return j }
            j += w
        }
    }

    /// `bytes[range]` without marks, as a String (the bytes are valid UTF-8 already).
    static func stripped(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var i = range.lowerBound
        var hasMark = false
        while i < range.upperBound {
            if bytes[i] == 0xE2 && width(bytes, i) > 0 && i + 3 <= range.upperBound { hasMark = true; break }
            i += 1
        }
        if !hasMark { return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        i = range.lowerBound
        while i < range.upperBound {
            let w = i + 3 <= range.upperBound ? width(bytes, i) : 0
            if w > 0 { i += w; continue }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
