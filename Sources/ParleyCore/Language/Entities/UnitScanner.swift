/// Unit and apartment references: "unit 4B", "apt 12", "apartment 7", "flat 3, block C",
/// "house no. 12", "room 5", "door 3A", "block C" → unit {"unit": "4B", "block": "C"}
/// (ids in upper case; "block" only when one is named). Commercial premises too ("shop no. 14",
/// "Office 7B", "boutique n°9"), and other languages' words ("sha2a 3B", "inzu nimero 5",
/// "الشقة 23", "شقة رقم 5", "عمارة 4": Arabic "the flat", "number", "building").
/// A plural keyword names a range's two ends ("units G1 to G6": G1 and G6).
enum UnitScanner {
    struct Reference {
        var isBlock: Bool
        var id: String
        var end: Int
        var lastToken: Int
    }

    static func scan(_ text: ScalarText, into candidates: inout [Candidate]) {
        let tokens = text.tokens
        var t = 0
        while t < tokens.count {
            let tag = text.tag(t)
            // "Studio 4B": a studio's number is a unit; the word stays the bedroom count.
            if tag == .studio, let id = reference(text, keyword: t), id.id.contains(where: \.isNumber) {
                let start = text.firstToken(atOrAfter: Int(tokens[t].end))
                candidates.append(Candidate(type: "unit", start: Int(tokens[start].start), end: id.end,
                                            value: ["unit": .string(id.id)], confidence: 0.85))
                t = id.lastToken + 1
                continue
            }
            // "nyumba ya jirani namba 6", "jirani wa namba 6": a number word a dwelling or an
            // occupant names just before it.
            if tag == .no, let id = numbered(text, at: t) {
                candidates.append(Candidate(type: "unit", start: Int(tokens[t].start), end: id.end, value: ["unit": .string(id.id)],
                                            confidence: 0.8))
                t = id.lastToken + 1
                continue
            }
            // Franco-Arabic writes letters as digits: "sha2a 3B".
            guard tag == .unit || tag == .house || tag == .block, tokens[t].isLetters || tag == .unit,
                  let first = reference(text, keyword: t) else {
                t += 1
                continue
            }
            // A plural names several: "units G1 to G6" gives both ends; "units 101 102" is a list of numbers.
            if text.word(t)?.plural == true {
                let link = first.lastToken + 1
                if link < tokens.count, rangeWords.contains(tokens[link].hash),
                   text.onlyBlanks(from: first.end, to: Int(tokens[link].start), maxBlanks: 2),
                   let last = reference(text, keyword: link), !last.isBlock {
                    candidates.append(Candidate(type: "unit", start: Int(tokens[t].start), end: first.end,
                                                value: ["unit": .string(first.id)], confidence: 0.85))
                    candidates.append(Candidate(type: "unit", start: Int(tokens[link + 1].start), end: last.end,
                                                value: ["unit": .string(last.id)], confidence: 0.85))
                    t = last.lastToken + 1
                } else {
                    t = first.lastToken + 1
                }
                continue
            }
            var unit: String? = first.isBlock ? nil : first.id
            var block: String? = first.isBlock ? first.id : nil
            var end = first.end
            var last = first.lastToken
            // A second reference: "flat 3, block C", "block C unit 4".
            let k = last + 1
            if k < tokens.count, separated(text, end, Int(tokens[k].start)) {
                let next = text.tag(k)
                let wanted = (next == .block && block == nil) || ((next == .unit || next == .house) && unit == nil)
                if wanted, let second = reference(text, keyword: k) {
                    if second.isBlock { block = second.id } else { unit = second.id }
                    end = second.end
                    last = second.lastToken
                }
            }
            var value = JSONObject()
            if let unit { value.append("unit", .string(unit)) }
            if let block { value.append("block", .string(block)) }
            candidates.append(Candidate(type: "unit", start: Int(tokens[t].start), end: end, value: .object(value),
                                        confidence: 0.9))
            t = last + 1
        }
    }

    /// The number after a number word ("namba", "number", "no", "رقم") with a dwelling within
    /// the three words before it ("nyumba ya jirani namba 6", "the house of number 6") or an
    /// occupant, with or without a linking word ("jirani wa namba 6", "my neighbour number 6"); a door's number
    /// only: up to four digits, no leading zero, no digits grouped after it (a phone number).
    static func numbered(_ text: ScalarText, at t: Int) -> Reference? {
        let tokens = text.tokens
        var named = t >= 1 && BareUnitScanner.occupants.contains(tokens[t - 1].hash)
            || t >= 2 && BareUnitScanner.occupants.contains(tokens[t - 2].hash) && BareUnitScanner.occupantLinkers.contains(tokens[t - 1].hash)
        var k = t - 1
        while !named, k >= 0, k >= t - 3, !endsSentence(text, Int(tokens[k].end), Int(tokens[k + 1].start)) {
            let tag = text.tag(k)
            named = (tag == .unit || tag == .house) && !tokens[k].isDigits
            k -= 1
        }
        guard named, let id = reference(text, keyword: t), !id.isBlock, id.id.unicodeScalars.count <= 4,
              id.id.unicodeScalars.allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }), !id.id.hasPrefix("0") else { return nil }
        let next = id.lastToken + 1
        if next < tokens.count, tokens[next].isDigits, text.onlyBlanks(from: id.end, to: Int(tokens[next].start)) { return nil }
        return id
    }

    /// A full stop, "!", "?" or a line break between two words.
    private static func endsSentence(_ text: ScalarText, _ from: Int, _ to: Int) -> Bool {
        for i in from..<to {
            switch text.ascii(i) {
            case 0x2E, 0x21, 0x3F, 0x0A: return true
            default: continue
            }
        }
        return false
    }

    /// ", " or blanks between two references.
    static func separated(_ text: ScalarText, _ from: Int, _ to: Int) -> Bool {
        if to - from > 3 || to <= from { return false }
        var commas = 0
        for i in from..<to {
            if text.ascii(i) == 0x2C { commas += 1; continue }
            if !text.isBlank(i) { return false }
        }
        return commas <= 1
    }

    /// The id after a keyword: "unit 4B", "house no. 12", "apt #12", "block C".
    static func reference(_ text: ScalarText, keyword t: Int) -> Reference? {
        let tokens = text.tokens
        let isBlock = text.tag(t) == .block
        var p = Int(tokens[t].end)
        // "apt.", "hse." abbreviate; after a whole word a dot ends the sentence ("LOCK THE FLAT. I'M").
        let dotted = text.ascii(p) == 0x2E
        if dotted { p += 1 }
        var q = text.skipBlanks(p, max: 2)
        if text.ascii(q) == 0x23 {  // "#12"
            q = text.skipBlanks(q + 1)
        } else if text.ascii(q) | 0x20 == 0x6E, text[q + 1] == "°" || text[q + 1] == "º" {  // "n°9", "N° 9"
            q = text.skipBlanks(q + 2)
        } else if let n = text.token(startingAt: q), n > t, text.tag(n) == .no {
            // "no. 12", "number 12", "No 5", "رقم 5", Arabizi "ra9m 5" (a digit for a letter)
            var r = Int(tokens[n].end)
            if text.ascii(r) == 0x2E || text.ascii(r) == 0x3A { r += 1 }
            let s = text.skipBlanks(r, max: 2)
            if s > r || text.ascii(r - 1) == 0x2E { q = s }
        }
        guard q > Int(tokens[t].end), let idToken = text.token(startingAt: q) else { return nil }
        let token = tokens[idToken]
        guard token.length <= 6, !dotted || tokens[t].length <= 3 || !token.isLetters else { return nil }
        // "house 1.5m": a decimal is an amount or a size, not a number on a door.
        if text.ascii(Int(token.end)) == 0x2E, text.isDigit(Int(token.end) + 1) { return nil }
        // "appartement F3": the flat's type (BedroomScanner), not its number.
        if BedroomScanner.frenchDwellings.contains(tokens[t].hash), BedroomScanner.isRoomCode(text, idToken) { return nil }
        if BedroomScanner.plusCode(text, idToken) != nil { return nil }  // "appartement S+1": its type too
        if token.isLetters {
            // Letters only: one or two capitals ("Flat A", "Block C"); a lower-case single
            // letter for blocks ("block c"), never "a" or "i".
            let letters = text.scalars[Int(token.start)..<Int(token.end)]
            let allUpper = letters.allSatisfy { $0.value >= 0x41 && $0.value <= 0x5A }
            let lowerSingle = isBlock && token.length == 1 && letters.first.map { $0 != "a" && $0 != "i" && $0.value < 0x80 } == true
            guard (allUpper && token.length <= 2) || lowerSingle else { return nil }
        }
        // Arabizi writes letters as digits: "bureau ta3kom" (your office) is a word, not a code.
        if !token.isLetters, (Int(token.start)..<Int(token.end)).filter({ text.isLetter($0) }).count >= 3 { return nil }
        var id = upper(text, Int(token.start), Int(token.end))
        guard !id.isEmpty else { return nil }
        var end = Int(token.end)
        var last = idToken
        // "12-A", "4-B"
        if text.ascii(end) == 0x2D, let n = text.token(startingAt: end + 1), tokens[n].length <= 2 {
            id += upper(text, Int(tokens[n].start), Int(tokens[n].end))
            end = Int(tokens[n].end)
            last = n
        }
        // "apartment 2 bedroom", "house 3 sqft": the number belongs to what follows.
        let after = text.skipBlanks(end)
        if after > end || text.ascii(end) == 0x2D, after < text.count {
            let start = text.ascii(after) == 0x2D ? text.skipBlanks(after + 1) : after
            switch text.wordAt(start).info?.tag {
            case .bedroom?, .bed?, .br?, .sqft?, .sq?, .square?, .m2?, .sqm?, .metres?, .percent?, .unit?, .hundred?, .roomsThenCount?,
                 .day?, .night?, .week?, .month?, .year?, .pm?:
                if !isBlock { return nil }
            default: break
            }
        }
        // "the office 9am", "office 10 minutes away": a time, not a number.
        if !isBlock, timeWords.contains(text.wordAt(after).hash) || isClock(text, token) { return nil }
        if !isBlock, text.wordAt(Int(token.start)).info.map({ $0.scale > 0 || $0.tag == .bedroom || $0.tag == .bed || $0.tag == .br }) == true {
            return nil
        }
        return Reference(isBlock: isBlock, id: id, end: end, lastToken: last)
    }

    /// Words joining a range's ends: "units G1 to G6".
    private static let rangeWords: Set<UInt64> = Set(["to", "and", "through", "till", "a", "au", "et", "hadi", "mpaka", "na", "kugeza"]
        .map { Fold.hash($0) })

    /// Words after a number that make it a time or a length of time.
    private static let timeWords: Set<UInt64> = Set(["am", "minutes", "mins", "min", "hours", "hrs", "hour", "h", "oclock", "days", "nights", "weeks",
                                                     "dakika", "masaa", "saa", "heures", "heure"].map { Fold.hash($0) })

    /// Digits then "am"/"pm"/"h": "9am", "10pm", "8h".
    private static func isClock(_ text: ScalarText, _ token: WordToken) -> Bool {
        let start = Int(token.start), end = Int(token.end)
        guard text.isDigit(start) else { return false }
        var i = start
        while i < end, text.isDigit(i) { i += 1 }
        let suffix = timeWords.contains(text.wordAt(i).hash) || text.wordAt(i).info?.tag == .pm
        return i < end && suffix
    }

    /// ASCII letters and digits of the range in upper case ("4b" → "4B"); other scalars as written.
    static func upper(_ text: ScalarText, _ start: Int, _ end: Int) -> String {
        var scalars = String.UnicodeScalarView()
        for i in start..<end {
            let s = text.scalars[i]
            if s.value >= 0x61 && s.value <= 0x7A, let u = Unicode.Scalar(s.value - 0x20) { scalars.append(u) } else { scalars.append(s) }
        }
        return String(scalars)
    }
}
