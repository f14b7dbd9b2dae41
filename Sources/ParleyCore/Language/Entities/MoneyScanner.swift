/// Amounts with a currency: "RWF 50,000", "$12.50", "KSh 1,200", "50k frw", "20€",
/// "500 francs". A number without a currency marker is not money ("50k rent").
enum MoneyScanner {
    static func scan(_ text: ScalarText, currency: String?, region: String, into candidates: inout [Candidate]) {
        let count = text.count
        var i = 0
        while i < count {
            // Marker before the amount.
            if let (marker, markerEnd) = prefixMarker(text, at: i) {
                var j = markerEnd
                if text.ascii(j) == 0x2E, text.isLetter(j - 1), text.isDigit(j + 1) { j += 1 }  // "Rs.500"
                if let s = text[j], s == " " || s == "\u{00A0}" || s == "\u{202F}" { j += 1 }
                if text.isDigit(j) || (text.ascii(j) == 0x2E && text.isDigit(j + 1)),
                   let number = NumberScanner.parse(text, at: j), !text.isAlphanumeric(number.end) {
                    let negative = NumberScanner.isMinus(text, i - 1) && NumberScanner.minusCanBeSign(text, i - 1)
                    let start = negative ? i - 1 : i
                    candidates.append(candidate(start: start, end: number.end, amount: number.value, negative: negative,
                                                marker: marker, explicit: true, currency: currency, region: region))
                    i = number.end
                    continue
                }
            }
            // Amount before the marker.
            if text.isDigit(i) && !text.isAlphanumeric(i - 1) && !(text.ascii(i - 1) == 0x2E && text.isDigit(i - 2)),
               let number = NumberScanner.parse(text, at: i) {
                var j = number.end
                if let s = text[j], s == " " || s == "\u{00A0}" || s == "\u{202F}" { j += 1 }
                if let (marker, markerEnd, explicit) = suffixMarker(text, at: j) {
                    let negative = NumberScanner.isMinus(text, i - 1) && NumberScanner.minusCanBeSign(text, i - 1)
                    if let found = candidate(start: negative ? i - 1 : i, end: markerEnd, amount: number.value,
                                             negative: negative, marker: marker, explicit: explicit,
                                             currency: currency, region: region, wordOnly: !explicit) {
                        // The marker may also open the next amount ("5 RWF 300"): both are
                        // candidates, overlap resolution keeps one.
                        candidates.append(found)
                    }
                }
                i = max(number.end, i + 1)
                continue
            }
            i += 1
        }
    }

    private static func candidate(start: Int, end: Int, amount: JSONValue, negative: Bool, marker: Currencies.Marker,
                                  explicit: Bool, currency: String?, region: String, wordOnly: Bool = false) -> Candidate? {
        let code = Currencies.resolve(marker, currency: currency, region: region)
        if code == nil, case .family(let family) = marker, wordOnly, !family.isMoneyWhenUnresolved { return nil }
        var value = amount
        if negative {
            switch amount {
            case .int(let n): value = .int(-n)
            case .double(let d): value = .double(-d)
            default: break
            }
        }
        var object = JSONObject()
        object.append("amount", value)
        if let code { object.append("currency", .string(code)) }
        let confidence = code == nil ? 0.8 : (explicit ? 0.97 : 0.9)
        return Candidate(kind: .money, start: start, end: end, value: .object(object), confidence: confidence)
    }

    // `candidate` never fails for explicit markers; this overload keeps the call sites simple.
    private static func candidate(start: Int, end: Int, amount: JSONValue, negative: Bool, marker: Currencies.Marker,
                                  explicit: Bool, currency: String?, region: String) -> Candidate {
        candidate(start: start, end: end, amount: amount, negative: negative, marker: marker, explicit: explicit,
                  currency: currency, region: region, wordOnly: false)!
    }

    /// A currency code or symbol at `i` that may precede an amount.
    static func prefixMarker(_ text: ScalarText, at i: Int) -> (Currencies.Marker, Int)? {
        guard let first = text[i] else { return nil }
        let firstIsLetter = ScalarText.isLetter(first)
        if firstIsLetter {
            if text.isAlphanumeric(i - 1) { return nil }
            if let code = isoCode(text, at: i) { return (.code(code), i + 3) }
        } else if first.value < 0x80 && first != "$" {
            return nil
        }
        for entry in Currencies.markers where text.matches(entry.text, at: i) {
            let end = i + entry.text.count
            if ScalarText.isLetter(entry.text[entry.text.count - 1]) && text.isLetter(end) { continue }
            if entry.text == ["R"] && !text.isDigit(end) { continue }  // "R200" only
            return (entry.marker, end)
        }
        return nil
    }

    /// A marker after an amount: a code, symbol or currency word, not followed by a letter.
    /// `explicit` is false for words ("francs"), which may stay ambiguous.
    static func suffixMarker(_ text: ScalarText, at i: Int) -> (Currencies.Marker, Int, Bool)? {
        guard let first = text[i] else { return nil }
        if ScalarText.isLetter(first) {
            if let code = isoCode(text, at: i) { return (.code(code), i + 3, true) }
            for entry in Currencies.markers where !entry.prefixOnly && text.matches(entry.text, at: i) {
                let end = i + entry.text.count
                if text.isAlphanumeric(end) { continue }
                return (entry.marker, end, true)
            }
            let word = text.asciiWord(at: i, limit: 10)
            if !word.isEmpty, !text.isAlphanumeric(i + word.count), let marker = Currencies.words[word] {
                return (marker, i + word.count, false)
            }
            return nil
        }
        for entry in Currencies.markers where !entry.prefixOnly && text.matches(entry.text, at: i) {
            return (entry.marker, i + entry.text.count, true)
        }
        return nil
    }

    /// A three-letter ISO code at `i` standing alone: upper case, or lower/mixed case for the
    /// common ones; word-like codes ("ALL", "TOP") are skipped.
    static func isoCode(_ text: ScalarText, at i: Int) -> String? {
        guard !text.isLetter(i + 3), !text.isLetter(i - 1) else { return nil }
        var bytes: [UInt8] = []
        var upper = true
        for k in i..<(i + 3) {
            let c = text.ascii(k)
            guard (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A else { return nil }
            if c >= 0x61 { upper = false }
            bytes.append(c & ~0x20)
        }
        let code = String(decoding: bytes, as: UTF8.self)
        guard Currencies.isoCodes.contains(code), !Currencies.wordLikeCodes.contains(code) else { return nil }
        if !upper && !Currencies.caseInsensitiveCodes.contains(code) { return nil }
        return code
    }
}
