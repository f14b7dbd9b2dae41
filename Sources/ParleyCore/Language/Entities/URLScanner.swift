/// Web addresses: "https://example.com/a?b=c", "www.example.com", and bare domains with a
/// well-known top-level domain ("bit.ly/x", "wa.me/250788123456"). The value carries a scheme:
/// "http://" is added when the text had none.
enum URLScanner {
    static func scan(_ text: ScalarText, into candidates: inout [Candidate]) {
        let count = text.count
        var runStart = 0
        while runStart < count {
            while runStart < count, isSpace(text, runStart) { runStart += 1 }
            var runEnd = runStart
            while runEnd < count, !isSpace(text, runEnd) { runEnd += 1 }
            if runEnd > runStart { scanRun(text, runStart, runEnd, into: &candidates) }
            runStart = runEnd
        }
    }

    @inline(__always) static func isSpace(_ text: ScalarText, _ i: Int) -> Bool {
        guard let s = text[i] else { return false }
        if s.value < 0x80 { return s.value <= 0x20 }
        return s.properties.isWhitespace
    }

    private static let schemes: [[Unicode.Scalar]] = ["https", "http", "ftp"].map { Array($0.unicodeScalars) }

    /// One whitespace-free run of the text.
    static func scanRun(_ text: ScalarText, _ start: Int, _ end: Int, into candidates: inout [Candidate]) {
        var i = start
        while i < end {
            // "scheme://" anywhere in the run ("MORE:https://…", "5th.https://…").
            if text.ascii(i) == 0x3A, text.ascii(i + 1) == 0x2F, text.ascii(i + 2) == 0x2F {
                for scheme in schemes {
                    let schemeStart = i - scheme.count
                    guard schemeStart >= start, matchesLower(text, scheme, at: schemeStart),
                          !text.isLetter(schemeStart - 1) else { continue }
                    if let urlEnd = host(text, from: i + 3, limit: end, strict: false) {
                        let finalEnd = path(text, from: urlEnd, limit: end)
                        candidates.append(Candidate(type: "url", start: schemeStart, end: finalEnd,
                                                    value: ["url": .string(text.string(schemeStart, finalEnd))],
                                                    confidence: 0.97))
                        return
                    }
                    break
                }
            }
            i += 1
        }
        // "www.…" or a bare domain at the start of the run, after opening punctuation.
        var first = start
        while first < end, let c = text[first], c == "(" || c == "[" || c == "{" || c == "\"" || c == "'" || c == "<" || c == "“" || c == "‘" {
            first += 1
        }
        guard first < end, text.isAlphanumeric(first) else { return }
        if let hostEnd = host(text, from: first, limit: end, strict: true) {
            let finalEnd = path(text, from: hostEnd, limit: end)
            let written = text.string(first, finalEnd)
            let www = text.asciiWord(at: first, limit: 4) == "www" && text.ascii(first + 3) == 0x2E
            candidates.append(Candidate(type: "url", start: first, end: finalEnd,
                                        value: ["url": .string("http://" + written)], confidence: www ? 0.95 : 0.85))
        }
    }

    static func matchesLower(_ text: ScalarText, _ literal: [Unicode.Scalar], at i: Int) -> Bool {
        for (k, s) in literal.enumerated() where text.ascii(i + k) | 0x20 != UInt8(s.value) { return false }
        return true
    }

    /// Reads a host (and port) from `i`; returns its end. `strict` (no scheme) requires a
    /// well-known top-level domain and refuses what looks like an e-mail or a time ("7.am").
    static func host(_ text: ScalarText, from i: Int, limit: Int, strict: Bool) -> Int? {
        var end = i
        var labels = 0
        var lastLabelStart = i
        var allDigits = true
        var firstLabelDigits = true
        while true {
            let labelStart = end
            while end < limit, isHostScalar(text, end) {
                if !text.isDigit(end) { allDigits = false; if labels == 0 { firstLabelDigits = false } }
                end += 1
            }
            if end == labelStart { return nil }
            labels += 1
            lastLabelStart = labelStart
            if end + 1 < limit, text.ascii(end) == 0x2E, isHostScalar(text, end + 1) { end += 1; continue }
            break
        }
        if end < limit, text.ascii(end) == 0x40 || text.ascii(end) == 0x5F { return nil }
        if labels < 2 && (strict || end - lastLabelStart != 9) { return nil }  // "localhost" is 9
        let tld = text.string(lastLabelStart, end).lowercased()
        if strict {
            guard labels >= 2, topLevelDomains.contains(tld) else { return nil }
            if firstLabelDigits && labels == 2 && (tld == "am" || tld == "pm") { return nil }
            if text.ascii(i - 1) == 0x40 { return nil }
            if text.ascii(lastLabelStart - 1) == 0x2E, text.ascii(i) == 0x2D { return nil }
        } else {
            let ipv4 = allDigits && labels == 4
            let isLocalhost = labels == 1 && tld == "localhost"
            let named = labels >= 2 && tld.unicodeScalars.count >= 2 && tld.unicodeScalars.allSatisfy { ScalarText.isLetter($0) }
            guard ipv4 || isLocalhost || named else { return nil }
        }
        // Port.
        if end + 1 < limit, text.ascii(end) == 0x3A, text.isDigit(end + 1) {
            end += 1
            while end < limit, text.isDigit(end) { end += 1 }
        }
        return end
    }

    @inline(__always) static func isHostScalar(_ text: ScalarText, _ i: Int) -> Bool {
        let c = text.ascii(i)
        if c == 0 { return text.isLetter(i) }
        return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) || c == 0x2D
    }

    /// Path, query and fragment after the host, without trailing punctuation.
    static func path(_ text: ScalarText, from i: Int, limit: Int) -> Int {
        guard i < limit, let c = text[i], c == "/" || c == "?" || c == "#" else { return i }
        var end = i
        while end < limit, let s = text[end] {
            if s.value < 0x80 {
                if s == "\"" || s == "'" || s == "<" || s == ">" || s == "`" || s == "[" || s == "]" || s == "{" || s == "}" || s == "|" || s == "\\" { break }
            } else if !text.isLetter(end) {
                break
            }
            end += 1
        }
        // Trailing punctuation belongs to the sentence; a ")" stays when it closes a "(".
        while end > i + 1, let last = text[end - 1] {
            if last == "." || last == "," || last == ";" || last == ":" || last == "!" || last == "?" || last == "*" {
                end -= 1
            } else if last == ")" {
                var open = 0
                var close = 0
                for k in i..<end { if text.ascii(k) == 0x28 { open += 1 } else if text.ascii(k) == 0x29 { close += 1 } }
                if close > open { end -= 1 } else { break }
            } else {
                break
            }
        }
        return end
    }

    /// Top-level domains accepted without a scheme: generic ones and country codes that are
    /// not everyday words ("it", "so", "to", "in", "is" are left out).
    static let topLevelDomains: Set<String> = [
        "com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "name", "pro", "app", "dev",
        "page", "academy", "aws", "xyz", "online", "site", "shop", "store", "tech", "blog", "news",
        "africa", "cloud", "live", "link", "club", "top", "win", "vip", "io", "ai", "co", "ly", "ms",
        "si", "me", "us", "uk", "ca", "au", "de", "fr", "es", "nl", "se", "ch", "ru", "cn", "jp", "kr",
        "br", "za", "ng", "ke", "ug", "tz", "rw", "gh", "et", "zm", "zw", "mw", "sn", "ci", "cm", "eg",
        "ma", "sa", "ae", "qa", "pk", "bd", "lk", "np", "sg", "hk", "tw", "ph", "vn", "th", "nz",
        "ie", "pl", "cz", "pt", "gr", "tr", "il", "ir", "mx", "ar", "cl", "pe", "ve", "cc", "tv", "fm",
        "gg", "gl", "am", "pm", "bi", "cd", "mz", "bw", "na", "ao", "dz", "tn", "sd", "ss",
        "info", "mobi", "asia", "travel", "jobs", "agency", "digital", "email", "media", "network",
        "software", "solutions", "services", "company", "group", "world", "today", "space", "website",
        "art", "bank", "health", "money", "finance", "io", "gle", "ly",
    ]
}
