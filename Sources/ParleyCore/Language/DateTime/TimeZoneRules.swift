#if canImport(Glibc)
import Glibc
#endif

/// A time zone's rules, read from the system's TZif files (RFC 8536) without Foundation:
/// the version 2+ 64-bit transition table, and the POSIX TZ footer for instants after the
/// table's last transition. "UTC", "GMT", "Z" and fixed offsets ("+02:00", "-0530", "+03")
/// need no tzdata. Parsed zones are cached for the whole process.
struct TimeZoneRules: Sendable, Equatable {
    let name: String
    /// Transition instants (Unix seconds), ascending.
    let transitions: [Int]
    /// The UTC offset (seconds east) from `transitions[i]` on.
    let offsets: [Int]
    /// The offset before the first transition (time type 0).
    let initialOffset: Int
    /// The footer rule, for instants at or after the last transition.
    let footer: PosixTZ?

    static func fixed(_ name: String, offset: Int) -> TimeZoneRules {
        TimeZoneRules(name: name, transitions: [], offsets: [], initialOffset: offset, footer: nil)
    }

    /// The UTC offset in seconds (east positive) at an instant.
    func offset(at instant: Int) -> Int {
        guard let last = transitions.last else {
            return footer?.offset(at: instant) ?? initialOffset
        }
        if instant < transitions[0] { return initialOffset }
        if instant >= last, let footer { return footer.offset(at: instant) }
        var lo = 0
        var hi = transitions.count - 1
        while lo < hi {  // the last transition <= instant
            let mid = (lo + hi + 1) / 2
            if transitions[mid] <= instant { lo = mid } else { hi = mid - 1 }
        }
        return offsets[lo]
    }

    /// The instant of a local civil time (seconds since 1970-01-01T00:00 local). In a gap (the
    /// clocks jumped forward over it) the time is read with the offset before the jump, so it
    /// lands as far after the jump as it was after the gap's start (New York 02:30 on the day
    /// DST starts is 03:30 EDT). In an overlap (the clocks went back) the earlier instant wins.
    func instant(local: Int) -> Int {
        let before = offset(at: local - 86400)
        let after = offset(at: local + 86400)
        let first = local - before
        let second = local - after
        let firstValid = offset(at: first) == before
        let secondValid = offset(at: second) == after
        switch (firstValid, secondValid) {
        case (true, true): return min(first, second)
        case (true, false): return first
        case (false, true): return second
        case (false, false): return first
        }
    }

    // MARK: loading

    static let cache = Guarded<[String: TimeZoneRules]>([:])

    /// The rules of a zone named by IANA name or fixed offset, cached process-wide.
    static func named(_ name: String) throws(ParleyError) -> TimeZoneRules {
        if let cached = cache.withLock({ $0[name] }) { return cached }
        let rules: TimeZoneRules
        if let fixed = fixedOffset(name) {
            rules = .fixed(name, offset: fixed)
        } else {
            rules = try load(name)
        }
        cache.withLock { $0[name] = rules }
        return rules
    }

    /// "UTC", "GMT", "Z", "+02:00", "-05:30", "+0200", "+02", "UTC+02:00".
    static func fixedOffset(_ name: String) -> Int? {
        var bytes = Array(name.utf8)
        if bytes.isEmpty { return nil }
        let upper = bytes.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
        if upper == Array("UTC".utf8) || upper == Array("GMT".utf8) || upper == [0x5A] { return 0 }
        if upper.count > 3, upper.starts(with: Array("UTC".utf8)) || upper.starts(with: Array("GMT".utf8)) {
            bytes.removeFirst(3)
        }
        guard bytes.first == 0x2B || bytes.first == 0x2D else { return nil }
        let sign = bytes[0] == 0x2D ? -1 : 1
        let digits = bytes.dropFirst().filter { $0 != 0x3A }
        let colons = bytes.dropFirst().filter { $0 == 0x3A }.count
        guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), colons <= 1 else { return nil }
        let d = digits.map { Int($0) - 48 }
        let hours: Int
        let minutes: Int
        switch d.count {
        case 1: hours = d[0]; minutes = 0
        case 2: hours = d[0] * 10 + d[1]; minutes = 0
        case 4: hours = d[0] * 10 + d[1]; minutes = d[2] * 10 + d[3]
        default: return nil
        }
        if colons == 1 && d.count != 4 { return nil }
        guard hours <= 18, minutes < 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    static var zoneDirectory: String {
        if let dir = getenv("TZDIR"), dir.pointee != 0 { return String(cString: dir) }
        return "/usr/share/zoneinfo"
    }

    static func load(_ name: String) throws(ParleyError) -> TimeZoneRules {
        let bytes = Array(name.utf8)
        let allowed = bytes.allSatisfy {
            ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39)
                || $0 == 0x2F || $0 == 0x5F || $0 == 0x2D || $0 == 0x2B
        }
        guard !bytes.isEmpty, bytes.count <= 128, allowed, bytes.first != 0x2F, !name.contains("//") else {
            throw ParleyError(.invalidConfig, "\"timeZone\": \"\(name)\" is not an IANA time zone name (such as \"Africa/Kigali\") or an offset (such as \"+02:00\")")
        }
        let path = zoneDirectory + "/" + name
        guard let file = fopen(path, "rb") else {
            throw ParleyError(.invalidConfig, "\"timeZone\": unknown time zone \"\(name)\" (no \(path); is tzdata installed?)")
        }
        defer { fclose(file) }
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16384)
        while data.count <= 1 << 20 {
            let n = fread(&chunk, 1, chunk.count, file)
            if n <= 0 { break }
            data.append(contentsOf: chunk[0..<n])
        }
        guard let rules = parseTZif(data, name: name) else {
            throw ParleyError(.invalidConfig, "\"timeZone\": \(path) is not a valid TZif file")
        }
        return rules
    }

    /// Parses a TZif file: the 64-bit block of version 2+ files (the 32-bit one of version 1),
    /// and the footer. nil when the data is not well-formed.
    static func parseTZif(_ data: [UInt8], name: String) -> TimeZoneRules? {
        func be(_ at: Int, _ size: Int) -> Int? {
            guard at >= 0, at + size <= data.count else { return nil }
            var v: UInt64 = 0
            for k in 0..<size { v = v << 8 | UInt64(data[at + k]) }
            if size == 4 { return Int(Int32(bitPattern: UInt32(truncatingIfNeeded: v))) }
            return Int(Int64(bitPattern: v))
        }
        struct Header { var isut, isstd, leap, time, type, char: Int }
        func header(_ at: Int) -> Header? {
            guard at + 44 <= data.count, data[at] == 0x54, data[at + 1] == 0x5A, data[at + 2] == 0x69, data[at + 3] == 0x66 else { return nil }
            var counts: [Int] = []
            for k in 0..<6 {
                guard let c = be(at + 20 + 4 * k, 4), c >= 0, c < 1 << 20 else { return nil }
                counts.append(c)
            }
            return Header(isut: counts[0], isstd: counts[1], leap: counts[2], time: counts[3], type: counts[4], char: counts[5])
        }
        guard let first = header(0) else { return nil }
        let version = data[4]
        var at = 44
        var h = first
        var timeSize = 4
        if version >= 0x32 {
            let v1Size = first.time * 5 + first.type * 6 + first.char + first.leap * 8 + first.isstd + first.isut
            guard let second = header(44 + v1Size) else { return nil }
            h = second
            at = 44 + v1Size + 44
            timeSize = 8
        }
        guard h.type >= 1 else { return nil }
        var transitions: [Int] = []
        transitions.reserveCapacity(h.time)
        for k in 0..<h.time {
            guard let t = be(at + k * timeSize, timeSize) else { return nil }
            if let last = transitions.last, t <= last { return nil }
            transitions.append(t)
        }
        at += h.time * timeSize
        let indexStart = at
        at += h.time
        var typeOffsets: [Int] = []
        for k in 0..<h.type {
            guard let off = be(at + 6 * k, 4), abs(off) < 26 * 3600 else { return nil }
            typeOffsets.append(off)
        }
        at += 6 * h.type
        var offsets: [Int] = []
        offsets.reserveCapacity(h.time)
        for k in 0..<h.time {
            guard indexStart + k < data.count else { return nil }
            let index = Int(data[indexStart + k])
            guard index < typeOffsets.count else { return nil }
            offsets.append(typeOffsets[index])
        }
        at += h.char + h.leap * (timeSize + 4) + h.isstd + h.isut
        guard at <= data.count else { return nil }
        var footer: PosixTZ? = nil
        if version >= 0x32, at < data.count, data[at] == 0x0A {
            var end = at + 1
            while end < data.count, data[end] != 0x0A { end += 1 }
            if end > at + 1 {
                footer = PosixTZ(Array(data[(at + 1)..<end]))
                if footer == nil { return nil }
            }
        }
        return TimeZoneRules(name: name, transitions: transitions, offsets: offsets, initialOffset: typeOffsets[0], footer: footer)
    }
}

/// A POSIX TZ string ("EST5EDT,M3.2.0,M11.1.0", "<+0330>-3:30", "GMT0BST,M3.5.0/1,M10.5.0"),
/// with RFC 8536's extensions (hours up to ±167 in rule times).
struct PosixTZ: Sendable, Equatable {
    enum RuleDate: Sendable, Equatable {
        case julianNoLeap(Int)      // Jn, 1...365, February 29 never counted
        case zeroBased(Int)         // n, 0...365
        case monthWeekDay(Int, Int, Int)  // Mm.w.d, d 0 = Sunday, w 5 = last
    }

    struct Rule: Sendable, Equatable {
        var date: RuleDate
        var time: Int  // seconds after local midnight
    }

    let standard: Int     // UTC offset, seconds east
    let daylight: Int?
    let start: Rule?
    let end: Rule?

    init?(_ bytes: [UInt8]) {
        var p = 0
        func name() -> Bool {
            if p < bytes.count, bytes[p] == 0x3C {
                while p < bytes.count, bytes[p] != 0x3E { p += 1 }
                guard p < bytes.count else { return false }
                p += 1
                return true
            }
            let s = p
            while p < bytes.count, (bytes[p] | 0x20) >= 0x61, (bytes[p] | 0x20) <= 0x7A { p += 1 }
            return p - s >= 3
        }
        func number() -> Int? {
            var v = 0
            let s = p
            while p < bytes.count, bytes[p] >= 0x30, bytes[p] <= 0x39, p - s < 4 { v = v * 10 + Int(bytes[p]) - 48; p += 1 }
            return p > s ? v : nil
        }
        /// [+-]hh[:mm[:ss]] in seconds.
        func hms() -> Int? {
            var sign = 1
            if p < bytes.count, bytes[p] == 0x2B || bytes[p] == 0x2D { sign = bytes[p] == 0x2D ? -1 : 1; p += 1 }
            guard let h = number(), h <= 167 else { return nil }
            var total = h * 3600
            for scale in [60, 1] {
                guard p < bytes.count, bytes[p] == 0x3A else { break }
                p += 1
                guard let v = number(), v < 60 else { return nil }
                total += v * scale
            }
            return sign * total
        }
        func rule() -> Rule? {
            guard p < bytes.count else { return nil }
            let date: RuleDate
            if bytes[p] == 0x4A {
                p += 1
                guard let n = number(), n >= 1, n <= 365 else { return nil }
                date = .julianNoLeap(n)
            } else if bytes[p] == 0x4D {
                p += 1
                guard let m = number(), m >= 1, m <= 12, p < bytes.count, bytes[p] == 0x2E else { return nil }
                p += 1
                guard let w = number(), w >= 1, w <= 5, p < bytes.count, bytes[p] == 0x2E else { return nil }
                p += 1
                guard let d = number(), d <= 6 else { return nil }
                date = .monthWeekDay(m, w, d)
            } else {
                guard let n = number(), n <= 365 else { return nil }
                date = .zeroBased(n)
            }
            var time = 7200
            if p < bytes.count, bytes[p] == 0x2F {
                p += 1
                guard let t = hms() else { return nil }
                time = t
            }
            return Rule(date: date, time: time)
        }
        guard name(), let std = hms() else { return nil }
        standard = -std
        if p == bytes.count {
            daylight = nil; start = nil; end = nil
            return
        }
        guard name() else { return nil }
        var dst = standard + 3600
        if p < bytes.count, bytes[p] != 0x2C {
            guard let d = hms() else { return nil }
            dst = -d
        }
        daylight = dst
        if p == bytes.count {  // no rule: the US rule POSIX implementations assume
            start = Rule(date: .monthWeekDay(3, 2, 0), time: 7200)
            end = Rule(date: .monthWeekDay(11, 1, 0), time: 7200)
            return
        }
        guard bytes[p] == 0x2C else { return nil }
        p += 1
        guard let s = rule(), p < bytes.count, bytes[p] == 0x2C else { return nil }
        p += 1
        guard let e = rule(), p == bytes.count else { return nil }
        start = s
        end = e
    }

    func offset(at instant: Int) -> Int {
        guard let daylight, let start, let end else { return standard }
        let year = Civil.date(days: Civil.split(instant + standard).days).year
        let dstStarts = Self.local(start, year: year) - standard
        let dstEnds = Self.local(end, year: year) - daylight
        if dstStarts < dstEnds {
            return instant >= dstStarts && instant < dstEnds ? daylight : standard
        }
        return instant >= dstEnds && instant < dstStarts ? standard : daylight
    }

    /// Local seconds of a rule's moment in a year.
    static func local(_ rule: Rule, year: Int) -> Int {
        let days: Int
        switch rule.date {
        case .julianNoLeap(let n):
            days = Civil.days(year: year, month: 1, day: 1) + n - 1 + (Civil.isLeap(year) && n >= 60 ? 1 : 0)
        case .zeroBased(let n):
            days = Civil.days(year: year, month: 1, day: 1) + n
        case .monthWeekDay(let m, let w, let d):
            let first = Civil.days(year: year, month: m, day: 1)
            let firstWeekday = (Civil.weekday(days: first) + 1) % 7  // Sunday = 0
            var day = 1 + (d - firstWeekday + 7) % 7 + (w - 1) * 7
            let length = Civil.daysInMonth(year: year, month: m)
            while day > length { day -= 7 }
            days = first + day - 1
        }
        return days * 86400 + rule.time
    }
}
