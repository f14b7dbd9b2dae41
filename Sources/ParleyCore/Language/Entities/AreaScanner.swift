/// Floor areas: "1200 sqft", "1,200 sq. ft", "120 m²", "120m2", "120 sqm", "120 square metres"
/// → area {"value": 120, "unit": "m2"|"sqft", "squareMetres": 120}; Arabic "١٨٠ متر" (20 or more) is square metres.
enum AreaScanner {
    static let squareFoot = 0.09290304
    private static let square = Fold.hash("مربع")

    static func scan(_ text: ScalarText, quantities: [Quantity], into candidates: inout [Candidate]) {
        for q in quantities where q.double > 0 {
            guard let (unit, end) = unit(text, after: q) else { continue }
            let metres = unit == "sqft" ? (q.double * squareFoot * 100).rounded() / 100 : q.double
            candidates.append(Candidate(type: "area", start: q.start, end: end,
                                        value: ["value": q.value, "unit": .string(unit),
                                                "squareMetres": NumberWordScanner.number(metres)],
                                        confidence: 0.95))
        }
    }

    static func unit(_ text: ScalarText, after q: Quantity) -> (String, Int)? {
        let j = q.glued ? q.end : text.skipBlanks(q.end)
        guard j > q.end || q.glued, j < text.count else { return nil }
        let (_, info, end) = text.wordAt(j)
        switch info?.tag {
        case .sqft?, .ft2?: return ("sqft", end)
        case .m2?, .sqm?: return ("m2", end)
        case .m?:
            // "120 m²" tokenizes as one word "m²"; "m^2" is spelled out.
            if text.ascii(end) == 0x5E, text.ascii(end + 1) == 0x32, !text.isAlphanumeric(end + 2) { return ("m2", end + 2) }
            return nil
        case .metres? where q.double >= 20 && (text[j]?.value ?? 0) >= 0x600:
            // Arabic gives a flat's size in metres, "مربع" (square) often left out: "شقة ١٨٠ متر".
            let k = text.skipBlanks(end)
            if k > end, text.wordAt(k).hash == square { return ("m2", text.wordAt(k).end) }
            return ("m2", end)
        case .feet?:
            if text.ascii(end) == 0x5E, text.ascii(end + 1) == 0x32, !text.isAlphanumeric(end + 2) { return ("sqft", end + 2) }
            return nil
        case .sq?, .square?:
            var k = end
            if info?.tag == .sq, text.ascii(k) == 0x2E { k += 1 }  // "sq. ft"
            let next = text.skipBlanks(k)
            guard next < text.count else { return nil }
            let (_, second, secondEnd) = text.wordAt(next)
            switch second?.tag {
            case .feet?: return ("sqft", secondEnd)
            case .metres?, .m?: return ("m2", secondEnd)
            default: return nil
            }
        default: return nil
        }
    }
}
