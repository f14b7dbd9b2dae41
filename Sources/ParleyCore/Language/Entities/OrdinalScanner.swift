/// Ordinals written with digits: "3rd", "21st", "2nd", "4th", and French "1er", "1re",
/// "1ère", "2e", "2ème", "3eme" → ordinal {"ordinal": 3}. Ordinal words ("third",
/// "twenty-first") come from `NumberWordScanner`.
enum OrdinalScanner {
    static func scan(_ text: ScalarText, quantities: [Quantity], into candidates: inout [Candidate]) {
        for q in quantities where q.glued && !q.words {
            guard let n = q.integer, n >= 0, text.isDigit(q.end - 1) else { continue }
            var j = q.end
            var suffix: [UInt8] = []
            while j < text.count, suffix.count < 4, let s = text[j], ScalarText.isLetter(s) {
                let f = Fold.fold(s)
                guard f < 0x80 else { break }
                suffix.append(UInt8(f))
                j += 1
            }
            guard !text.isAlphanumeric(j), valid(suffix, n) else { continue }
            candidates.append(Candidate(type: "ordinal", start: q.start, end: j, value: ["ordinal": .int(n)], confidence: 0.95))
        }
    }

    static func valid(_ suffix: [UInt8], _ n: Int64) -> Bool {
        switch String(decoding: suffix, as: UTF8.self) {
        case "st", "nd", "rd", "th": return true
        case "er", "re", "ere": return n == 1
        case "e", "eme", "nde": return true
        default: return false
        }
    }
}
