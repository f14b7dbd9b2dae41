/// E-mail addresses: "Dave@Example.COM" → {"address": "Dave@example.com"}.
enum EmailScanner {
    static func scan(_ text: ScalarText, into candidates: inout [Candidate]) {
        let count = text.count
        var searchFrom = 0
        var at = 0
        while at < count {
            defer { at += 1 }
            guard text.ascii(at) == 0x40, at >= searchFrom else { continue }
            // Local part, leftwards.
            var start = at
            while start > 0, isLocal(text.ascii(start - 1)) { start -= 1 }
            if text.ascii(start) == 0x2E { continue }  // ".abc@…"
            guard start < at, text.ascii(at - 1) != 0x2E, !hasDoubleDot(text, start, at) else { continue }
            // Domain, rightwards: labels of letters, digits and hyphens joined by dots.
            var end = at + 1
            var labels = 0
            var lastLabelStart = end
            var valid = true
            while true {
                let labelStart = end
                while isDomain(text, end) { end += 1 }
                if end == labelStart { break }
                if text.ascii(labelStart) == 0x2D || text.ascii(end - 1) == 0x2D { valid = false; break }
                labels += 1
                lastLabelStart = labelStart
                if text.ascii(end) == 0x2E, isDomain(text, end + 1) { end += 1; continue }
                break
            }
            guard valid else { continue }
            if text.ascii(end) == 0x5F || text.ascii(end) == 0x40 { continue }  // "new_type.com"
            // The last label is the top-level domain: two letters or more.
            let tld = end - lastLabelStart
            guard labels >= 2, tld >= 2, (lastLabelStart..<end).allSatisfy({ text.isLetter($0) }) else { continue }
            let local = text.string(start, at)
            let domain = text.string(at + 1, end).lowercased()
            candidates.append(Candidate(type: "email", start: start, end: end,
                                        value: ["address": .string(local + "@" + domain)], confidence: 0.97))
            searchFrom = end
        }
    }

    @inline(__always) static func isLocal(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A)
            || c == 0x2E || c == 0x5F || c == 0x25 || c == 0x2B || c == 0x2D || c == 0x27
    }

    @inline(__always) static func isDomain(_ text: ScalarText, _ i: Int) -> Bool {
        let c = text.ascii(i)
        if c == 0 { return text.isLetter(i) }  // internationalised domain names
        return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) || c == 0x2D
    }

    static func hasDoubleDot(_ text: ScalarText, _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i + 1 < end {
            if text.ascii(i) == 0x2E && text.ascii(i + 1) == 0x2E { return true }
            i += 1
        }
        return false
    }
}
