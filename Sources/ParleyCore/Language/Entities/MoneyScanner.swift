/// Amounts with a currency: "RWF 50,000", "$12.50", "KSh 1,200", "50k frw", "20€",
/// "500 francs", "fifty dollars", "35k bob". A number without a currency marker is money only
/// after a payment word (BareAmountScanner). A rent period that follows ("/month", "per month", "a month", "pm",
/// "monthly", "/yr", "per week") joins the span and adds `"period"` to the value.
enum MoneyScanner {
    static func scan(_ text: ScalarText, quantities: [Quantity], currency: String?, region: String,
                     into candidates: inout [Candidate]) {
        // Marker before the amount: at the start of letter tokens and at currency symbols.
        let firsts = Currencies.asciiMarkerFirsts
        for token in text.tokens where token.flags & WordToken.hasLetter != 0 {
            let i = Int(token.start)
            let first = text.scalars[i].value
            // A code is three letters then no letter ("RWF", "RWF50"); other markers start
            // with known letters ("KSh", "Frw", "US$").
            if first < 128 && !firsts[Int(first)] && !(token.length >= 3 && !text.isLetter(i + 3)) { continue }
            // Only an amount can follow: a digit or "." within two scalars of the word.
            if !token.isLetters || !(text.isDigit(Int(token.end)) || text.isDigit(Int(token.end) + 1)
                                      || text.isDigit(Int(token.end) + 2) || text.ascii(Int(token.end)) == 0x24) {
                if token.isLetters { continue }
            }
            prefix(text, at: i, currency: currency, region: region, into: &candidates)
        }
        if text.currencySymbols > 0 {
            for i in 0..<text.count {
                let v = text.scalars[i].value
                guard v == 0x24 || (v >= 0xA2 && v <= 0xA5) || (v >= 0x20A0 && v <= 0x20CF) || v == 0x9F3 else { continue }
                prefix(text, at: i, currency: currency, region: region, into: &candidates)
            }
        }
        // A currency word before the amount: "dola 600", "shilingi elfu tano".
        for q in quantities where !q.glued {
            let t = text.firstToken(atOrAfter: q.start) - 1
            guard t >= 0, case let token = text.tokens[t], token.isLetters, let marker = Currencies.prefixWordsByHash[token.hash],
                  text.onlyBlanks(from: Int(token.end), to: q.start, maxBlanks: 2) else { continue }
            if let found = candidate(text, start: Int(token.start), end: q.end, amount: q.value, negative: false, marker: marker,
                                     explicit: false, words: q.words, currency: currency, region: region) {
                candidates.append(found)
            }
        }
        // Amount before the marker.
        for (index, q) in quantities.enumerated() {
            if text.ascii(q.start - 1) == 0x2E && text.isDigit(q.start - 2) { continue }
            var j = q.end
            if !q.glued, let s = text[j], s == " " || s == "\u{00A0}" || s == "\u{202F}" { j += 1 }
            guard let (marker, markerEnd, explicit) = suffixMarker(text, at: j) ?? dinarDA(text, at: j, currency: currency, region: region)
            else { continue }
            // A lone "F" ("150 000 F", "150.000f") is the franc only where a franc is the currency,
            // and only after an amount: "2 F" is a floor or a flat type.
            if markerEnd == j + 1, text.ascii(j) | 0x20 == 0x66,
               q.double < BareAmountScanner.minimumAmount || Currencies.resolve(marker, currency: currency, region: region) == nil {
                continue
            }
            // "12,500/=" closes an amount; "1/-" is no price.
            if text.ascii(j) == 0x2F, q.double < BareAmountScanner.minimumAmount { continue }
            var (start, amount) = (q.start, q.value)
            // "125 500 FRW": the group before joins the amount (NumberScanner keeps a lone
            // "ddd ddd" as two numbers).
            if index > 0, case let before = quantities[index - 1], before.end + 1 == q.start, !before.glued, !before.words,
               let joined = NumberScanner.parse(text, at: before.start, pairs: true), joined.end == q.end {
                (start, amount) = (before.start, joined.value)
            }
            // The marker may also open the next amount ("5 RWF 300"): both are candidates,
            // overlap resolution keeps one.
            if let found = candidate(text, start: start, end: markerEnd, amount: amount, negative: false, marker: marker,
                                     explicit: explicit, words: q.words, currency: currency, region: region) {
                candidates.append(found)
            }
        }
    }

    /// An upper- or lower-case ASCII letter (a three-letter code may start there).
    @inline(__always) static func isCodeLetter(_ v: UInt32) -> Bool {
        (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A
    }

    private static func prefix(_ text: ScalarText, at i: Int, currency: String?, region: String,
                               into candidates: inout [Candidate]) {
        guard let (marker, markerEnd) = prefixMarker(text, at: i) else { return }
        // A spaced "R 46 000" is the rand in its region, from hundreds up; elsewhere, and "R 21",
        // a road or a grade.
        let spacedRand = markerEnd == i + 1 && text.ascii(i) == 0x52 && text.isBlank(markerEnd)
        if spacedRand, currency.map({ $0 != "ZAR" }) ?? !randRegions.contains(region) { return }
        // "K4,800" is the kwacha only where it is in use; elsewhere "K5" is a block or a grade.
        let kwacha = markerEnd == i + 1 && text.ascii(i) == 0x4B
        if kwacha, !(currency.map { kwachaCodes.contains($0) } ?? false), !kwachaRegions.contains(region) { return }
        // "P5,100" is the pula only in Botswana; elsewhere "P2" is a parking level or a grade.
        let pula = markerEnd == i + 1 && text.ascii(i) == 0x50
        if pula, currency.map({ $0 != "BWP" }) ?? (region != "BW") { return }
        var j = markerEnd
        if text.ascii(j) == 0x2E, text.isLetter(j - 1), text.isDigit(j + 1) { j += 1 }  // "Rs.500"
        if let s = text[j], s == " " || s == "\u{00A0}" || s == "\u{202F}" { j += 1 }
        guard text.isDigit(j) || (text.ascii(j) == 0x2E && text.isDigit(j + 1)),
              let number = NumberScanner.parse(text, at: j, pairs: true,
                                               dotThousands: Currencies.dotGroupsThousands(currency: currency, region: region)),
              !text.isAlphanumeric(number.end) else { return }
        if spacedRand || kwacha || pula, (j..<number.end).filter({ text.isDigit($0) }).count < 3 { return }
        let negative = NumberScanner.isMinus(text, i - 1) && NumberScanner.minusCanBeSign(text, i - 1)
        if let found = candidate(text, start: negative ? i - 1 : i, end: number.end, amount: number.value, negative: negative,
                                 marker: marker, explicit: true, words: false, currency: currency, region: region) {
            candidates.append(found)
        }
    }

    /// The Common Monetary Area, where the rand circulates.
    private static let randRegions: Set<String> = ["ZA", "NA", "LS", "SZ"]
    /// Where a lone "K" before an amount is the kwacha.
    private static let kwachaRegions: Set<String> = ["ZM", "MW"]
    private static let kwachaCodes: Set<String> = ["ZMW", "MWK"]

    private static func candidate(_ text: ScalarText, start: Int, end: Int, amount: JSONValue, negative: Bool,
                                  marker: Currencies.Marker, explicit: Bool, words: Bool, currency: String?,
                                  region: String) -> Candidate? {
        let code = Currencies.resolve(marker, currency: currency, region: region)
        if code == nil, case .family(let family) = marker, !explicit, !family.isMoneyWhenUnresolved { return nil }
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
        var end = end
        if let (name, periodEnd) = period(text, after: end) {
            object.append("period", .string(name))
            end = periodEnd
        }
        var confidence = code == nil ? 0.8 : (explicit ? 0.97 : 0.9)
        if words { confidence -= 0.05 }
        return Candidate(type: "money", start: start, end: end, value: .object(object), confidence: confidence)
    }

    /// A rent period after an amount: "/month", "/yr", " per month", " a week", " pm",
    /// " p.a.", " monthly", " kwa mwezi", " par mois".
    static func period(_ text: ScalarText, after end: Int) -> (String, Int)? {
        if text.ascii(end) == 0x2F, text.isLetter(end + 1) {
            let (_, info, e) = text.wordAt(end + 1)
            if let name = periodName(info?.tag) { return (name, e) }
            return nil
        }
        let k = text.skipBlanks(end)
        guard k > end, text.isLetter(k) else { return nil }
        // "p.m." and "p.a."; "p/m" and "p/a" (South African and British listings)
        if text.ascii(k) | 0x20 == 0x70, text.ascii(k + 1) == 0x2F, !text.isAlphanumeric(k + 3) {
            switch text.ascii(k + 2) | 0x20 {
            case 0x6D: return ("month", k + 3)
            case 0x61: return ("year", k + 3)
            default: return nil
            }
        }
        if text.ascii(k) | 0x20 == 0x70, text.ascii(k + 1) == 0x2E, text.ascii(k + 3) == 0x2E, !text.isAlphanumeric(k + 4) {
            switch text.ascii(k + 2) | 0x20 {
            case 0x6D: return ("month", k + 4)
            case 0x61: return ("year", k + 4)
            default: return nil
            }
        }
        let (_, info, e) = text.wordAt(k)
        switch info?.tag {
        case .monthly?, .pm?: return ("month", e)
        case .yearly?, .pa?: return ("year", e)
        case .weekly?: return ("week", e)
        case .daily?: return ("day", e)
        case .nightly?: return ("night", e)
        case .per?, .a?, .kwa?, .par?, .ku?:
            let n = text.skipBlanks(e)
            guard n > e, text.isLetter(n) else { return nil }
            let (_, second, secondEnd) = text.wordAt(n)
            if let name = periodName(second?.tag) { return (name, secondEnd) }
            return nil
        default: return nil
        }
    }

    static func periodName(_ tag: Lexicon.Tag?) -> String? {
        switch tag {
        case .month?: return "month"
        case .year?: return "year"
        case .week?: return "week"
        case .day?: return "day"
        case .night?: return "night"
        default: return nil
        }
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
        guard let entries = Currencies.markersByFirst[first.value] else { return nil }
        for entry in entries where text.matches(entry.text, at: i) {
            let end = i + entry.text.count
            if ScalarText.isLetter(entry.text[entry.text.count - 1]) && text.isLetter(end) { continue }
            // "R200", "K4,800"; "R 8 500", "K 3 500" only where that currency is in use (see `prefix`).
            if entry.text.count == 1 && ScalarText.isLetter(entry.text[0]) && !text.isDigit(end)
                && !(text.isBlank(end) && text.isDigit(end + 1)) { continue }
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
            if let entries = Currencies.markersByFirst[first.value] {
                for entry in entries where !entry.prefixOnly && text.matches(entry.text, at: i) {
                    let end = i + entry.text.count
                    if text.isAlphanumeric(end) { continue }
                    return (entry.marker, end, true)
                }
            }
            let (hash, _, end) = text.wordAt(i)
            if end - i <= 10, let marker = Currencies.wordsByHash[hash] { return (marker, end, false) }
            // West and Central Africa write the franc as a bare "F" ("150 000 F", "5000F", "150.000f").
            if first == "F" || first == "f", end == i + 1 { return (.family(.franc), end, false) }
            return nil
        }
        guard let entries = Currencies.markersByFirst[first.value] else { return nil }
        for entry in entries where !entry.prefixOnly && text.matches(entry.text, at: i) {
            return (entry.marker, i + entry.text.count, true)
        }
        return nil
    }

    /// Algerians also write the dinar "da" or "Da" after an amount ("45000 da"): read only where
    /// the Algerian dinar is the currency, as "da" is a word in many languages.
    private static func dinarDA(_ text: ScalarText, at i: Int, currency: String?, region: String) -> (Currencies.Marker, Int, Bool)? {
        guard text.ascii(i) | 0x20 == 0x64, text.ascii(i + 1) | 0x20 == 0x61, !text.isAlphanumeric(i + 2),
              currency.map({ $0 == "DZD" }) ?? (region == "DZ") else { return nil }
        return (.code("DZD"), i + 2, true)
    }

    /// The codes by their index in 26³, so a match allocates nothing.
    private static let codeNames: [Int: String] = {
        var names: [Int: String] = [:]
        for code in Currencies.isoCodes { if let i = Currencies.packed(Array(code.utf8)) { names[i] = code } }
        return names
    }()

    /// A three-letter ISO code at `i` standing alone: upper case, or lower/mixed case for the
    /// common ones; word-like codes ("ALL", "TOP") are skipped.
    static func isoCode(_ text: ScalarText, at i: Int) -> String? {
        guard !text.isLetter(i + 3), !text.isLetter(i - 1) else { return nil }
        var index = 0
        var upper = true
        for k in i..<(i + 3) {
            let c = text.ascii(k)
            guard (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A else { return nil }
            if c >= 0x61 { upper = false }
            index = index * 26 + Int((c & ~0x20) - 0x41)
        }
        let bits = upper ? Currencies.codeBits.upper : Currencies.codeBits.anyCase
        guard bits[index >> 6] & (1 << UInt64(index & 63)) != 0 else { return nil }
        return codeNames[index]
    }
}
