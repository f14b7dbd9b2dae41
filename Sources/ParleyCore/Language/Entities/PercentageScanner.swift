/// Percentages: "5%", "12.5 %", "5 percent", "five per cent", "minus five percent",
/// "asilimia 20" (Swahili), "percent of 10" → percentage {"percent": 5}.
enum PercentageScanner {
    static func scan(_ text: ScalarText, quantities: [Quantity], into candidates: inout [Candidate]) {
        for q in quantities {
            if let end = suffix(text, after: q) {
                candidates.append(Candidate(type: "percentage", start: q.start, end: end,
                                            value: ["percent": q.value], confidence: q.words ? 0.9 : 0.95))
            }
        }
        // Word first: "asilimia 20", "percent of 10", "per cent of twenty-two".
        for t in text.tokens.indices {
            let tag = text.tag(t)
            guard tag == .asilimia || tag == .percent || tag == .per else { continue }
            var end = Int(text.tokens[t].end)
            if tag == .per {
                guard text.tag(t + 1) == .cent, text.onlyBlanks(from: end, to: Int(text.tokens[t + 1].start)) else { continue }
                end = Int(text.tokens[t + 1].end)
            }
            if tag != .asilimia {
                // Only when no amount comes just before ("20 percent of 100" is 20 %).
                let start = Int(text.tokens[t].start)
                if quantities.contains(where: { $0.end <= start && text.onlyBlanks(from: $0.end, to: start, allowTouching: true) }) { continue }
                let of = text.firstToken(atOrAfter: end)
                guard of < text.tokens.count, text.tag(of) == .of, text.onlyBlanks(from: end, to: Int(text.tokens[of].start)) else { continue }
                end = Int(text.tokens[of].end)
            }
            let next = text.skipBlanks(end, max: 2)
            guard next > end, let q = quantities.first(where: { $0.start == next }), !q.glued else { continue }
            candidates.append(Candidate(type: "percentage", start: Int(text.tokens[t].start), end: q.end,
                                        value: ["percent": q.value], confidence: 0.85))
        }
    }

    /// The end of a percent sign or word after the quantity.
    static func suffix(_ text: ScalarText, after q: Quantity) -> Int? {
        let j = q.glued ? q.end : text.skipBlanks(q.end)
        if let s = text[j], s == "%" || s == "\u{066A}" || s == "\u{FF05}" { return j + 1 }
        guard j > q.end || q.glued, j < text.count else { return nil }
        let (_, info, end) = text.wordAt(j)
        switch info?.tag {
        case .percent?: return end
        case .per?, .pour?:
            let k = text.skipBlanks(end)
            guard k > end, text.wordAt(k).info?.tag == .cent else { return nil }
            return text.wordAt(k).end
        default: return nil
        }
    }
}
