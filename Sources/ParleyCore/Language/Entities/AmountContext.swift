/// Words around a bare amount, other than a payment word just before it, that make it a price
/// (`BareAmountScanner`). Tenants often say what the money is for after the amount, or judge it:
/// - what it is for, after a linking word: "1,500 to the rent", "300.000 for deposit", "85 mille
///   pour la chambre", "5,000 ya kodi";
/// - a judgement after it: "33,000 is too much", "17000 c'est trop cher", "laki moja ni ghali";
/// - a dwelling priced before it: "the room is 15,000", "nyumba ni laki moja", "la chambre est à 85 mille";
/// - "for" or "pour" right before thousands in words or shorthand: "pour 200 mille", "for 85k".
enum AmountContext {
    /// A linking word, at most one determiner, then a payment word or a dwelling: "to the rent",
    /// "for deposit", "pour la chambre", "ya kodi", "as a deposit".
    static func forWhat(_ text: ScalarText, after end: Int) -> Bool {
        var t = text.firstToken(atOrAfter: end)
        guard t < text.tokens.count, text.onlyBlanks(from: end, to: Int(text.tokens[t].start), maxBlanks: 2),
              links.contains(text.tokens[t].hash) else { return false }
        for step in 0..<2 {
            let next = t + 1
            guard next < text.tokens.count, joined(text, Int(text.tokens[t].end), Int(text.tokens[next].start)) else { return false }
            switch text.tag(next) {
            case .moneyCue, .unit, .house, .studio, .bedsitter, .bedroom, .roomsThenCount:
                return true
            default:
                guard step == 0, determiners.contains(text.tokens[next].hash) else { return false }
                t = next
            }
        }
        return false
    }

    /// A judgement of the price after the amount, over at most three small words: "is too much",
    /// "too expensive", "c'est trop cher", "ni ghali sana".
    static func judged(_ text: ScalarText, after end: Int) -> Bool {
        var t = text.firstToken(atOrAfter: end)
        guard t < text.tokens.count, text.onlyBlanks(from: end, to: Int(text.tokens[t].start), maxBlanks: 2) else { return false }
        for step in 0...3 {
            let hash = text.tokens[t].hash
            if judgements.contains(hash) { return true }
            // "45 000 c'est trop, on peut dire 40 000 ?": "trop" ending its clause judges alone.
            if hash == trop, t + 1 == text.tokens.count || !joined(text, Int(text.tokens[t].end), Int(text.tokens[t + 1].start)) {
                return true
            }
            guard step < 3, judgementFillers.contains(hash), t + 1 < text.tokens.count,
                  joined(text, Int(text.tokens[t].end), Int(text.tokens[t + 1].start)) else { return false }
            t += 1
        }
        return false
    }

    /// A dwelling, a copula and at most one small word right before the amount: "the room is
    /// 15,000", "nyumba ni laki moja", "la chambre est à 85 mille".
    static func dwellingPriced(_ text: ScalarText, before start: Int) -> Bool {
        var t = text.firstToken(atOrAfter: start) - 1
        guard t >= 1, text.onlyBlanks(from: Int(text.tokens[t].end), to: start, maxBlanks: 2) else { return false }
        if approximations.contains(text.tokens[t].hash) {
            t -= 1
            guard t >= 1, text.onlyBlanks(from: Int(text.tokens[t].end), to: Int(text.tokens[t + 1].start), maxBlanks: 2) else { return false }
        }
        guard copulas.contains(text.tokens[t].hash),
              text.onlyBlanks(from: Int(text.tokens[t - 1].end), to: Int(text.tokens[t].start), maxBlanks: 2) else { return false }
        switch text.tag(t - 1) {
        case .unit, .house, .studio, .bedsitter, .bedroom, .roomsThenCount: return true
        default: return false
        }
    }

    /// "for" or "pour" right before the amount: "je peux donner pour 200 mille", "I'd take it for 85k".
    static func forPrice(_ text: ScalarText, before start: Int) -> Bool {
        let t = text.firstToken(atOrAfter: start) - 1
        return t >= 0 && forWords.contains(text.tokens[t].hash) && text.onlyBlanks(from: Int(text.tokens[t].end), to: start, maxBlanks: 2)
    }

    /// Blanks, or an elided article's apostrophe ("pour l'appartement"), between two words.
    private static func joined(_ text: ScalarText, _ from: Int, _ to: Int) -> Bool {
        if to == from + 1, text.ascii(from) == 0x27 || text[from] == "\u{2019}" { return true }
        return text.onlyBlanks(from: from, to: to, maxBlanks: 2)
    }

    private static func hashes(_ words: [String]) -> Set<UInt64> { Set(words.map { Fold.hash($0) }) }

    private static let links = hashes(["to", "for", "of", "towards", "toward", "as", "into", "pour", "de", "du", "des", "a", "ya", "za",
                                       "kwa", "ku", "y"])
    private static let determiners = hashes(["the", "my", "your", "his", "her", "our", "their", "this", "that", "a", "le", "la", "les",
                                             "l", "mon", "ma", "ton", "ta", "votre", "notre", "ce", "cette", "yangu", "yako", "yake"])
    private static let judgements = hashes(["expensive", "much", "costly", "pricey", "steep", "cher", "chere", "ghali", "bihenze",
                                            "غالي", "غالية", "ghaly", "ghale", "nyingi",
                                            // Arabic "too much" (Levantine, Gulf "واجد"), French "beaucoup".
                                            "كثير", "كتير", "واجد", "وايد", "beaucoup", "ktir", "kteer", "wayed", "wayid"])
    private static let judgementFillers = hashes(["is", "it", "its", "s", "was", "too", "very", "so", "a", "bit", "little", "quite",
                                                  "really", "way", "c", "est", "trop", "tres", "vraiment", "un", "peu", "ni", "sana", "mno",
                                                  "kidogo", "bado", "ktiir", "شوي", "شوية", "جدا"])
    private static let copulas = hashes(["is", "ni", "est", "iko", "was", "ilikuwa"])
    private static let approximations = hashes(["a", "at", "around", "about", "only", "just", "kama", "karibu", "environ", "seulement"])
    private static let forWords = hashes(["for", "pour"])
    private static let trop = Fold.hash("trop")
}
