/// Algerian counts of money, read only where the Algerian dinar is the currency. Algerians
/// count large sums in centimes: "6 mlayen" (six "millions") is 6 × 10,000 DA = 60,000 DA,
/// "melyoun w nos" 15,000 DA; "30 alf" (thousand) is 30,000 DA. Tenants write them with no
/// payment word, as the currency is plain to both sides. Elsewhere "million" keeps its value.
enum AlgerianAmountScanner {
    static func applies(currency: String?, region: String) -> Bool {
        currency.map { $0 == "DZD" } ?? (region == "DZ")
    }

    static func scan(_ text: ScalarText, quantities: [Quantity], into candidates: inout [Candidate]) {
        var counted = Set<Int>()
        for q in quantities where !q.glued && !q.words {
            // "30 alf": the number scanner read the scale already (30,000).
            if q.end - q.start >= 5, text.isBlank(q.end - 4), thousands.contains(text.wordAt(q.end - 3).hash), q.double >= 1_000 {
                candidates.append(money(start: q.start, end: q.end, amount: q.value, confidence: 0.8))
                continue
            }
            guard let n = q.integer, n > 0, n < 1_000 else { continue }
            let t = text.firstToken(atOrAfter: q.end)
            guard t < text.tokens.count, text.onlyBlanks(from: q.end, to: Int(text.tokens[t].start), maxBlanks: 2) else { continue }
            let hash = text.tokens[t].hash
            if millions.contains(hash) {
                counted.insert(t)
                let (half, end) = andHalf(text, after: t)
                candidates.append(money(start: q.start, end: end, amount: .int(n * 10_000 + (half ? 5_000 : 0)), confidence: 0.85))
            } else if thousands.contains(hash) {
                candidates.append(money(start: q.start, end: Int(text.tokens[t].end), amount: .int(n * 1_000), confidence: 0.8))
            }
        }
        // "melyoun w nos" with no count: one million centimes and a half.
        for t in text.tokens.indices where !counted.contains(t) && singular.contains(text.tokens[t].hash) {
            if t > 0, text.tokens[t - 1].isDigits { continue }
            let (half, end) = andHalf(text, after: t)
            candidates.append(money(start: Int(text.tokens[t].start), end: end, amount: .int(half ? 15_000 : 10_000), confidence: 0.7))
        }
    }

    /// "w nos", "ou nos", "و نص" after the count: and a half (of a million centimes, 5,000 DA).
    private static func andHalf(_ text: ScalarText, after t: Int) -> (Bool, Int) {
        let end = Int(text.tokens[t].end)
        guard t + 2 < text.tokens.count, ands.contains(text.tokens[t + 1].hash), halves.contains(text.tokens[t + 2].hash),
              text.onlyBlanks(from: end, to: Int(text.tokens[t + 1].start), maxBlanks: 2),
              text.onlyBlanks(from: Int(text.tokens[t + 1].end), to: Int(text.tokens[t + 2].start), maxBlanks: 2) else { return (false, end) }
        return (true, Int(text.tokens[t + 2].end))
    }

    private static func money(start: Int, end: Int, amount: JSONValue, confidence: Double) -> Candidate {
        Candidate(type: "money", start: start, end: end, value: ["amount": amount, "currency": "DZD"], confidence: confidence)
    }

    private static func hashes(_ words: [String]) -> Set<UInt64> { Set(words.map { Fold.hash($0) }) }

    /// Darija spellings of "millions" (of centimes), plural and singular, in both scripts.
    private static let singular = hashes(["melyoun", "malyoun", "mlyoun", "melyon", "milyoun", "mlioun", "melioun", "malioun", "مليون"])
    private static let millions = singular.union(hashes(["mlayen", "mlayin", "mlayn", "malayin", "mlayne", "mlayan", "ملاين", "ملايين"]))
    private static let thousands = hashes(["alf", "alaf", "alef", "alaaf", "ألف", "الف", "آلاف", "الاف"])
    private static let ands = hashes(["w", "ou", "wa", "o", "و"])
    private static let halves = hashes(["nos", "nouss", "nss", "nous", "noss", "nes", "نص", "نصف"])
}
