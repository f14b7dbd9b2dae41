/// Street addresses in common forms: Rwandan street codes ("KG 7 Ave", "KN 3 Rd"), a number
/// and a named street ("12 Main Street", "45 Ngong Road, Nairobi"), French order ("45 rue de
/// la Paix", "12 avenue Hassan II") and plots ("Plot 45, Kimihurura", "plot no. 12") → address
/// {"address": "KG 7 Ave"}. Statistical layer: shapes, not a gazetteer of streets, so a
/// configured property's name wins: "6 Kilimani Court" is unit 6 of the property Kilimani Court
/// when the host lists it (`properties`: the lookup candidates of kind "property").
enum AddressScanner {
    static func scan(_ text: ScalarText, properties: ArraySlice<Candidate> = [], into candidates: inout [Candidate]) {
        let tokens = text.tokens
        // Whether a configured property's name covers token `k` (a street word or a name's last word).
        func named(_ k: Int) -> Bool {
            properties.contains { $0.start <= Int(tokens[k].start) && Int(tokens[k].end) <= $0.end }
        }
        var t = 0
        while t < tokens.count {
            if let (end, last, confidence) = streetCode(text, t) ?? numberedStreet(text, t) ?? frenchStreet(text, t)
                ?? plot(text, t, named: named), !named(last) {
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

    /// Words that open a street's name in French: "rue de la Paix", "avenue Cheikh Anta Diop".
    static let leadingStreetWords: Set<UInt64> = Set(["rue", "avenue", "av", "boulevard", "allee", "impasse", "chemin", "quai"]
        .map(Fold.hash))
    /// Small words inside a French or Arabic street name: "rue de la Paix", "rue d'Alger", "avenue Ibn Sina".
    static let nameParticles: Set<UInt64> = Set(["de", "du", "des", "la", "le", "l", "d", "el", "al", "ibn", "ben"].map(Fold.hash))

    /// "45 rue de la Paix", "12, avenue Hassan II": a number, a street word that opens the name,
    /// then capitalized words and particles, ending on a capitalized word (three at most).
    static func frenchStreet(_ text: ScalarText, _ t: Int) -> (Int, Int, Double)? {
        let tokens = text.tokens
        guard tokens[t].isDigits, tokens[t].length <= 5, !text.isAlphanumeric(Int(tokens[t].start) - 1),
              t + 1 < tokens.count, leadingStreetWords.contains(tokens[t + 1].hash) else { return nil }
        let gap = Int(tokens[t].end)..<Int(tokens[t + 1].start)
        guard gap.count >= 1, gap.count <= 3, gap.allSatisfy({ text.isBlank($0) || text.ascii($0) == 0x2C }) else { return nil }
        var last = -1
        var names = 0
        var k = t + 2
        while k < tokens.count, names < 3 {
            let previous = tokens[k - 1]
            let end = Int(previous.end)
            // "rue d'Alger": a particle's apostrophe joins it to the name.
            let elided = nameParticles.contains(previous.hash) && Int(tokens[k].start) == end + 1
                && (text.ascii(end) == 0x27 || text[end] == "\u{2019}")
            guard elided || text.onlyBlanks(from: end, to: Int(tokens[k].start), maxBlanks: 2) else { break }
            if !nameParticles.contains(tokens[k].hash) {
                guard tokens[k].isLetters, tokens[k].isCapitalized else { break }
                names += 1
                last = k
            }
            k += 1
        }
        guard last > 0 else { return nil }
        return (Int(tokens[last].end), last, 0.8)
    }

    /// "Plot 45, Kimihurura", "plot no. 12"; a configured property's name after it is not its
    /// place ("Plot 45, Kacyiru Heights" is the plot and the property).
    static func plot(_ text: ScalarText, _ t: Int, named: (Int) -> Bool) -> (Int, Int, Double)? {
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
           text.tag(n) == .none, !named(n) {
            end = Int(tokens[n].end)
            last = n
            return (end, last, 0.85)
        }
        return (end, last, 0.7)
    }
}
