/// Zambian slang counts thousands of kwacha in "pin": "7 pin" is K7,000, "15 pin a month"
/// K15,000 a month. Only where the kwacha is in use, after a count of 1 to 999 in digits, and not
/// before a word that makes it a plug's pins, a code or a map pin ("3 pin plug", "pin code",
/// "pin location").
enum PinScanner {
    /// Whether the configuration uses the kwacha, which "pin" counts.
    static func applies(currency: String?, region: String) -> Bool {
        if let currency { return currency == "ZMW" }
        return region == "ZM"
    }

    static func scan(_ text: ScalarText, quantities: [Quantity], into candidates: inout [Candidate]) {
        for q in quantities where !q.words {
            guard let count = q.integer, count >= 1, count <= 999 else { continue }
            let at = text.skipBlanks(q.end)
            let word = text.asciiWordIs("pin", at: at) ? at + 3 : text.asciiWordIs("pins", at: at) ? at + 4 : nil
            guard let end = word, !text.isAlphanumeric(q.start - 1) else { continue }
            let next = text.firstToken(atOrAfter: end)
            if next < text.tokens.count, text.onlyBlanks(from: end, to: Int(text.tokens[next].start), maxBlanks: 2),
               others.contains(text.tokens[next].hash) { continue }
            var object = JSONObject()
            object.append("amount", .int(count * 1000))
            object.append("currency", "ZMW")
            var last = end
            if let (name, periodEnd) = MoneyScanner.period(text, after: end) {
                object.append("period", .string(name))
                last = periodEnd
            }
            candidates.append(Candidate(type: "money", start: q.start, end: last, value: .object(object), confidence: 0.8))
        }
    }

    /// Words after "pin" that make it something other than money.
    private static let others: Set<UInt64> = Set(["plug", "plugs", "socket", "sockets", "adapter", "adaptor", "charger", "cable",
                                                  "code", "number", "no", "location", "point", "drop"].map { Fold.hash($0) })
}
