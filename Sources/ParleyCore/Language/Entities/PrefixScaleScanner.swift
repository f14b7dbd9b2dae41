/// Swahili and Kinyarwanda name the scale before the count: "elfu 35" is 35,000, "laki 2"
/// 200,000, "ibihumbi 200" 200,000, "milioni 1.2" 1,200,000. The scale word joins the number
/// that follows it, so money ("nimelipa elfu 35", "elfu 35 shilingi") sees the whole amount.
/// The count may be words too: "elfu thelathini na tano" (35,000), "laki mbili na elfu hamsini"
/// (250,000), "elfu mbili mia tano" (2,500), "ibihumbi mirongo itatu" (30,000), "ibihumbi magana
/// abiri" (200,000), "miliyoni imwe" (1,000,000). Only numbers with a scale word are read in
/// words: a lone "tano" or "itatu" is too often something else (a clock hour, a weekday, a
/// class agreement).
enum PrefixScaleScanner {
    static func scan(_ text: ScalarText, quantities: inout [Quantity], into candidates: inout [Candidate]) {
        var t = 0
        while t < text.tokens.count {
            let token = text.tokens[t]
            guard token.isLetters, text.tag(t) == .scaleFirst, let word = words[token.hash] else {
                t += 1
                continue
            }
            if let (value, last) = number(text, from: t, below: Int.max), last > t {
                let end = Int(text.tokens[last].end)
                let json = NumberWordScanner.number(value)
                let index = quantities.firstIndex { $0.start > Int(token.start) } ?? quantities.endIndex
                quantities.insert(Quantity(start: Int(token.start), end: end, value: json, glued: false, words: true), at: index)
                candidates.append(Candidate(type: "number", start: Int(token.start), end: end, value: ["number": json],
                                            confidence: 0.9))
                t = last + 1
                continue
            }
            // "elfu 35": the scale times the number in digits after it.
            let next = t + 1 < text.tokens.count ? text.tokens[t + 1] : token
            guard word.kind == .scale, next.isDigits, text.onlyBlanks(from: Int(token.end), to: Int(next.start), maxBlanks: 1),
                  let index = quantities.firstIndex(where: { $0.start == Int(next.start) && !$0.words }) else {
                t += 1
                continue
            }
            let q = quantities[index]
            let value = NumberWordScanner.number(q.double * NumberWordScanner.powers[word.power])
            quantities[index] = Quantity(start: Int(token.start), end: q.end, value: value, glued: q.glued, words: false)
            candidates.append(Candidate(type: "number", start: Int(token.start), end: q.end, value: ["number": value],
                                        confidence: 0.9))
            t += 1
        }
    }

    /// The number in words from token `first` whose scale groups are all below 10^`limit`: scale
    /// groups from the largest down ("laki mbili na elfu hamsini"), then tens and units ("kumi na
    /// tano"). A group's count may open with a smaller scale ("elfu mia tano" is 500,000); once
    /// it has a unit or tens, a scale word starts the next group ("elfu mbili mia tano").
    /// Returns the value and the last token read.
    static func number(_ text: ScalarText, from first: Int, below limit: Int) -> (Double, Int)? {
        let tokens = text.tokens
        var total = 0.0, small = 0.0
        var lastGroup = limit
        var last = -1
        var t = first
        read: while t < tokens.count {
            let token = tokens[t]
            if t > first && !NumberWordScanner.joinable(text, Int(tokens[t - 1].end), Int(token.start)) && !elided(text, t - 1) { break }
            guard token.isLetters, let word = words[token.hash] else { break }
            switch word.kind {
            case .and:
                // Only between two parts: "thelathini na tano", "laki mbili na elfu hamsini".
                guard last >= 0, last == t - 1 else { break read }
                // "laki tano na nusu": and a half of the last scale group (550,000); ends the number.
                if small == 0, lastGroup < limit, t + 1 < tokens.count, tokens[t + 1].hash == nusu,
                   NumberWordScanner.joinable(text, Int(token.end), Int(tokens[t + 1].start)) {
                    total += NumberWordScanner.powers[lastGroup] / 2
                    last = t + 1
                    break read
                }
                t += 1
                continue read
            case .scale:
                guard small == 0, word.power < lastGroup, t + 1 < tokens.count,
                      let (count, end) = number(text, from: t + 1, below: word.power), count > 0 else { break read }
                total += count * NumberWordScanner.powers[word.power]
                lastGroup = word.power
                last = end
                t = end + 1
                continue read
            case .single:
                guard small == 0, word.power < lastGroup else { break read }
                total += NumberWordScanner.powers[word.power]
                lastGroup = word.power
            case .tensPrefix:
                // "mirongo itatu": tens counted by the unit after.
                guard small == 0, t + 1 < tokens.count, NumberWordScanner.joinable(text, Int(token.end), Int(tokens[t + 1].start)),
                      let unit = words[tokens[t + 1].hash], unit.kind == .unit, unit.value >= 2 else { break read }
                small = unit.value * 10
                t += 1
            case .tens:
                guard small == 0 else { break read }
                small = word.value
            case .unit:
                let afterTens = small >= 10 && small.truncatingRemainder(dividingBy: 10) == 0
                guard small == 0 || afterTens else { break read }
                small += word.value
            }
            last = t
            t += 1
        }
        guard last >= 0 else { return nil }
        return (total + small, last)
    }

    enum Kind { case scale, single, unit, tens, tensPrefix, and }

    private static let nusu = Fold.hash("nusu")
    private static let elidedAnd = Fold.hash("n")

    /// Kinyarwanda "na" (and) before a vowel is "n'", written onto the next word:
    /// "miliyoni imwe n'ibihumbi magana atanu" (1,500,000).
    private static func elided(_ text: ScalarText, _ k: Int) -> Bool {
        let end = Int(text.tokens[k].end)
        return text.tokens[k].hash == elidedAnd && Int(text.tokens[k + 1].start) == end + 1
            && (text.ascii(end) == 0x27 || text[end] == "\u{2019}")
    }

    struct Word {
        var kind: Kind
        /// Units and tens: the value; scales: unused.
        var value: Double = 0
        /// Scales: the power of ten.
        var power: Int = 0
    }

    /// Number words by their folded hash. Kinyarwanda counts agree with the noun counted
    /// ("ibihumbi bitatu", "mirongo itatu", "amajana atatu"), so each unit has several forms.
    static let words: [UInt64: Word] = {
        var table: [UInt64: Word] = [:]
        for (word, power) in [("elfu", 3), ("laki", 5), ("milioni", 6), ("bilioni", 9), ("mia", 2),
                              ("ibihumbi", 3), ("amajana", 2), ("magana", 2), ("amagana", 2), ("miliyoni", 6), ("miliyari", 9)] {
            table[Fold.hash(word)] = Word(kind: .scale, power: power)
        }
        for (word, power) in [("igihumbi", 3), ("ijana", 2)] { table[Fold.hash(word)] = Word(kind: .single, power: power) }
        let units: [(String, Double)] = [
            ("moja", 1), ("mbili", 2), ("tatu", 3), ("nne", 4), ("tano", 5), ("sita", 6), ("saba", 7), ("nane", 8), ("tisa", 9),
            ("kimwe", 1), ("bibiri", 2), ("bitatu", 3), ("bine", 4), ("bitanu", 5), ("bitandatu", 6), ("birindwi", 7),
            ("umunani", 8), ("icyenda", 9), ("umwe", 1), ("rimwe", 1), ("ibiri", 2), ("itatu", 3), ("ine", 4), ("itanu", 5),
            ("itandatu", 6), ("irindwi", 7), ("inani", 8), ("abiri", 2), ("atatu", 3), ("ane", 4), ("atanu", 5),
            ("atandatu", 6), ("arindwi", 7),
            // Counting "miliyoni" (and other nouns of its class): "miliyoni imwe", "miliyoni ebyiri".
            ("imwe", 1), ("ebyiri", 2), ("eshatu", 3), ("enye", 4), ("eshanu", 5), ("esheshatu", 6), ("zirindwi", 7),
        ]
        for (word, value) in units { table[Fold.hash(word)] = Word(kind: .unit, value: value) }
        let tens: [(String, Double)] = [
            ("kumi", 10), ("ishirini", 20), ("thelathini", 30), ("arobaini", 40), ("hamsini", 50), ("sitini", 60),
            ("sabini", 70), ("themanini", 80), ("tisini", 90), ("icumi", 10), ("cumi", 10), ("makumyabiri", 20),
        ]
        for (word, value) in tens { table[Fold.hash(word)] = Word(kind: .tens, value: value) }
        table[Fold.hash("mirongo")] = Word(kind: .tensPrefix)
        table[Fold.hash("na")] = Word(kind: .and)
        table[elidedAnd] = Word(kind: .and)
        return table
    }()
}
