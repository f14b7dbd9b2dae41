/// Bedroom counts: "2BR", "2 bed", "two-bedroom", "3 bedroomed", "2 bhk", and "studio" or
/// "bedsitter" (no separate bedroom) → bedrooms {"count": 2}.
enum BedroomScanner {
    static func scan(_ text: ScalarText, quantities: [Quantity], into candidates: inout [Candidate]) {
        for q in quantities {
            guard let n = q.integer, n >= 0, n <= 20 else { continue }
            var j = q.end
            if !q.glued {
                j = text.skipBlanks(j)
                if let s = text[j], s == "-" || s == "\u{2010}" { j = text.skipBlanks(j + 1) }
                if j == q.end { continue }
            }
            guard j < text.count else { continue }
            let (_, info, end) = text.wordAt(j)
            switch info?.tag {
            case .bedroom?, .bed?, .br?:
                candidates.append(Candidate(type: "bedrooms", start: q.start, end: end, value: ["count": .int(n)],
                                            confidence: q.words ? 0.9 : 0.95))
            default: break
            }
        }
        for (t, token) in text.tokens.enumerated() {
            let tag = text.tag(t)
            guard tag == .studio || tag == .bedsitter else { continue }
            candidates.append(Candidate(type: "bedrooms", start: Int(token.start), end: Int(token.end), value: ["count": 0],
                                        confidence: tag == .bedsitter ? 0.9 : 0.75))
        }
    }
}
