/// Street addresses in common forms: Rwandan street codes ("KG 7 Ave", "KN 3 Rd"), a number
/// and a named street ("12 Main Street", "45 Ngong Road, Nairobi"), and plots ("Plot 45,
/// Kimihurura", "plot no. 12") → address {"address": "KG 7 Ave"}. Statistical layer: shapes,
/// not a gazetteer of streets.
enum AddressScanner {
    static func scan(_ text: ScalarText, into candidates: inout [Candidate]) {
        let tokens = text.tokens
        var t = 0
        while t < tokens.count {
            if let (end, last, confidence) = streetCode(text, t) ?? numberedStreet(text, t) ?? plot(text, t) {
                candidates.append(Candidate(type: "address", start: Int(tokens[t].start), end: end,
                                            value: ["address": .string(text.string(Int(tokens[t].start), end))],
                                            confidence: confidence, source: .statistical))
                t = last + 1
            } else {
                t += 1
            }
        }
    }

    @inline(__always) static func gap(_ text: ScalarText, _ a: Int, _ b: Int) -> Bool {
        let tokens = text.tokens
        guard b < tokens.count else { return false }
        return text.onlyBlanks(from: Int(tokens[a].end), to: Int(tokens[b].start), maxBlanks: 2)
    }

    static func isUpperWord(_ text: ScalarText, _ t: Int, length: ClosedRange<Int>) -> Bool {
        let token = text.tokens[t]
        guard token.isLetters, length.contains(token.length) else { return false }
        for i in Int(token.start)..<Int(token.end) where !(text.ascii(i) >= 0x41 && text.ascii(i) <= 0x5A) { return false }
        return true
    }

    /// "KG 7 Ave": two or three capitals, a number, a street word.
    static func streetCode(_ text: ScalarText, _ t: Int) -> (Int, Int, Double)? {
        let tokens = text.tokens
        guard isUpperWord(text, t, length: 2...3), gap(text, t, t + 1), tokens[t + 1].isDigits, tokens[t + 1].length <= 4,
              gap(text, t + 1, t + 2), text.tag(t + 2) == .street, tokens[t + 2].isLetters else { return nil }
        return (Int(tokens[t + 2].end), t + 2, 0.9)
    }

    /// "12 Main Street": a number, one to three capitalized words, a street word.
    static func numberedStreet(_ text: ScalarText, _ t: Int) -> (Int, Int, Double)? {
        let tokens = text.tokens
        guard tokens[t].isDigits, tokens[t].length <= 5, !text.isAlphanumeric(Int(tokens[t].start) - 1),
              text.ascii(Int(tokens[t].start) - 1) != 0x2E, text.ascii(Int(tokens[t].start) - 1) != 0x2C else { return nil }
        var k = t + 1
        var names = 0
        while names < 3, gap(text, k - 1, k), tokens[k].isLetters, tokens[k].isCapitalized, text.tag(k) != .street {
            names += 1
            k += 1
        }
        guard names >= 1, gap(text, k - 1, k), text.tag(k) == .street, tokens[k].isLetters else { return nil }
        var end = Int(tokens[k].end)
        var last = k
        // ", Nairobi"
        if text.ascii(end) == 0x2C, text.isBlank(end + 1), let n = text.token(startingAt: end + 2),
           tokens[n].isLetters, tokens[n].isCapitalized, tokens[n].length >= 3 {
            end = Int(tokens[n].end)
            last = n
        }
        return (end, last, 0.8)
    }

    /// "Plot 45, Kimihurura", "plot no. 12".
    static func plot(_ text: ScalarText, _ t: Int) -> (Int, Int, Double)? {
        let tokens = text.tokens
        guard text.tag(t) == .plot, tokens[t].isLetters else { return nil }
        var p = Int(tokens[t].end)
        var q = text.skipBlanks(p)
        if let n = text.token(startingAt: q), n > t, text.tag(n) == .no {
            p = Int(tokens[n].end)
            if text.ascii(p) == 0x2E { p += 1 }
            q = text.skipBlanks(p)
        }
        guard q > p, let id = text.token(startingAt: q), tokens[id].flags & WordToken.hasDigit != 0, tokens[id].length <= 8 else { return nil }
        var end = Int(tokens[id].end)
        var last = id
        var r = end
        if text.ascii(r) == 0x2C { r += 1 }
        let s = text.skipBlanks(r)
        if s > end, let n = text.token(startingAt: s), tokens[n].isLetters, tokens[n].isCapitalized, tokens[n].length >= 3,
           text.tag(n) == .none {
            end = Int(tokens[n].end)
            last = n
            return (end, last, 0.85)
        }
        return (end, last, 0.7)
    }
}
