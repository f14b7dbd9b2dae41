/// A number or unit code right before a configured property's name, after a word that places
/// it, is a unit of that property: "I live in 1507 Kilimani Court", "ndi muri 4B Kacyiru
/// Heights". Only a street address puts a number before a name, and the host's list of
/// properties says this name is none (`AddressScanner` gives way to it). After a unit keyword
/// ("nyumba namba 6 Kilimani Court") `UnitScanner` reads the unit already.
enum PropertyUnitScanner {
    /// The lookup kind of the host's buildings.
    static let kind = "property"

    static func scan(_ text: ScalarText, properties: [Candidate], into candidates: inout [Candidate]) {
        let tokens = text.tokens
        for property in properties {
            let t = text.firstToken(atOrAfter: property.start) - 1
            guard t >= 1, case let token = tokens[t], text.onlyBlanks(from: Int(token.end), to: property.start, maxBlanks: 2),
                  (token.isDigits && token.length <= 5) || BareUnitScanner.isCode(text, token),
                  BareUnitScanner.linkers.contains(tokens[t - 1].hash),
                  text.onlyBlanks(from: Int(tokens[t - 1].end), to: Int(token.start), maxBlanks: 2) else { continue }
            candidates.append(Candidate(type: "unit", start: Int(token.start), end: Int(token.end),
                                        value: ["unit": .string(UnitScanner.upper(text, Int(token.start), Int(token.end)))],
                                        confidence: BareUnitScanner.confidence))
        }
    }
}
