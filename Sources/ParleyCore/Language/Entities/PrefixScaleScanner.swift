/// Swahili and Kinyarwanda name the scale before the count: "elfu 35" is 35,000, "laki 2"
/// 200,000, "ibihumbi 200" 200,000, "milioni 1.2" 1,200,000. The scale word joins the number
/// that follows it, so money ("nimelipa elfu 35", "elfu 35 shilingi") sees the whole amount.
enum PrefixScaleScanner {
    static func scan(_ text: ScalarText, quantities: inout [Quantity], into candidates: inout [Candidate]) {
        for (t, token) in text.tokens.enumerated() where token.isLetters {
            guard let power = scales[token.hash], t + 1 < text.tokens.count else { continue }
            let next = text.tokens[t + 1]
            guard next.isDigits, text.onlyBlanks(from: Int(token.end), to: Int(next.start), maxBlanks: 1),
                  let index = quantities.firstIndex(where: { $0.start == Int(next.start) && !$0.words }) else { continue }
            let q = quantities[index]
            var factor = 1.0
            for _ in 0..<power { factor *= 10 }
            let value = NumberWordScanner.number(q.double * factor)
            quantities[index] = Quantity(start: Int(token.start), end: q.end, value: value, glued: q.glued, words: false)
            candidates.append(Candidate(type: "number", start: Int(token.start), end: q.end, value: ["number": value],
                                        confidence: 0.9))
        }
    }

    /// Scale words by their folded hash, with the power of ten each names.
    private static let scales: [UInt64: Int] = {
        var table: [UInt64: Int] = [:]
        for (word, power) in [("elfu", 3), ("laki", 5), ("milioni", 6), ("ibihumbi", 3), ("miliyoni", 6), ("miliyari", 9)] {
            table[Fold.hash(word)] = power
        }
        return table
    }()
}
