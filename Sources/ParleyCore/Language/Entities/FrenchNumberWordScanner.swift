/// French amounts in words: "trente mille" (30,000), "quarante-cinq mille", "deux cent mille",
/// "soixante-quinze mille", "quatre-vingt-dix mille", "un million deux cent mille", "mille cinq
/// cents". Only numbers with "cent", "mille", "million" or "milliard" are read: small French
/// number words ("un", "deux") are articles and counts far more often than amounts, and the
/// date module reads them before units ("deux ans").
enum FrenchNumberWordScanner {
    static func scan(_ text: ScalarText, into candidates: inout [Candidate], quantities: inout [Quantity]) {
        // A scale word must be present; most messages stop here without a table lookup.
        guard text.tokens.indices.contains(where: {
            let tag = text.tag($0)
            return tag == .frenchScale || tag == .cent || (text.word($0)?.scale ?? 0) >= 6
        }) else { return }
        var t = 0
        while t < text.tokens.count {
            // "85 mille": the digits and the scale are one number (`NumberScanner.multiplier`).
            let afterDigits = t > 0 && text.tokens[t - 1].isDigits
                && text.onlyBlanks(from: Int(text.tokens[t - 1].end), to: Int(text.tokens[t].start), maxBlanks: 1)
            guard !afterDigits, text.tokens[t].isLetters, let word = words[text.tokens[t].hash], word.kind != .and,
                  let (value, last) = number(text, from: t) else {
                t += 1
                continue
            }
            let start = Int(text.tokens[t].start), end = Int(text.tokens[last].end)
            // English reads "six million" alike: one quantity for the span is enough.
            if !quantities.contains(where: { $0.start == start && $0.end == end }) {
                let json = NumberWordScanner.number(value)
                let index = quantities.firstIndex { $0.start > start } ?? quantities.endIndex
                quantities.insert(Quantity(start: start, end: end, value: json, glued: false, words: true), at: index)
                candidates.append(Candidate(type: "number", start: start, end: end, value: ["number": json], confidence: 0.9))
            }
            t = last + 1
        }
    }

    /// The number from token `first` and its last token, when it holds a scale word and more
    /// than one word ("mille" alone too). Units and tens add up ("soixante-dix" is 70, "dix-sept"
    /// 17, "vingt et un" 21), "quatre-vingt" is 80, "cent" multiplies what comes before it, and
    /// "mille", "million", "milliard" close a group, each smaller than the last.
    static func number(_ text: ScalarText, from first: Int) -> (Double, Int)? {
        let tokens = text.tokens
        var total = 0.0, group = 0.0, small = 0.0
        var lastScale = Int.max
        var scaled = false
        var last = -1
        var t = first
        read: while t < tokens.count {
            let token = tokens[t]
            if t > first && !NumberWordScanner.joinable(text, Int(tokens[t - 1].end), Int(token.start)) { break }
            guard token.isLetters, let word = words[token.hash] else { break }
            switch word.kind {
            case .and:
                // "vingt et un", "soixante et onze": "et" joins a tens to one or eleven only.
                guard last == t - 1, small >= 20, small.truncatingRemainder(dividingBy: 10) == 0, t + 1 < tokens.count,
                      let next = words[tokens[t + 1].hash], next.value == 1 || next.value == 11 else { break read }
                t += 1
                continue read
            case .unit:
                // After a tens only ("vingt-deux", "soixante-dix", "quatre-vingt-quinze"), or 7–9 after "dix".
                let tens = small >= 20 && small.truncatingRemainder(dividingBy: 10) == 0
                let teen = word.value >= 10
                let dixSept = small == 10 && word.value >= 7 && word.value <= 9
                guard small == 0 || dixSept || (tens && (!teen || small == 60 || small == 80)) else { break read }
                small += word.value
            case .tens:
                if word.value == 20 && small == 4 {
                    small = 80  // "quatre-vingt(s)"
                } else {
                    guard small == 0 else { break read }
                    small = word.value
                }
            case .hundred:
                guard group == 0, small < 10 else { break read }
                group = max(small, 1) * 100
                small = 0
                scaled = true
            case .scale:
                let count = group + small
                guard word.power < lastScale, count > 0 || word.power == 3 else { break read }
                total += max(count, 1) * NumberWordScanner.powers[word.power]
                group = 0
                small = 0
                lastScale = word.power
                scaled = true
            }
            last = t
            t += 1
        }
        guard last >= 0, scaled, last > first || words[tokens[first].hash]?.kind == .scale else { return nil }
        return (total + group + small, last)
    }

    enum Kind { case unit, tens, hundred, scale, and }

    struct Word {
        var kind: Kind
        var value: Double = 0
        var power: Int = 0
    }

    /// French number words by their folded hash (accents folded: "deux", "mille").
    static let words: [UInt64: Word] = {
        var table: [UInt64: Word] = [:]
        let units: [(String, Double)] = [
            ("un", 1), ("une", 1), ("deux", 2), ("trois", 3), ("quatre", 4), ("cinq", 5), ("six", 6), ("sept", 7), ("huit", 8),
            ("neuf", 9), ("dix", 10), ("onze", 11), ("douze", 12), ("treize", 13), ("quatorze", 14), ("quinze", 15),
            ("seize", 16),
        ]
        for (word, value) in units { table[Fold.hash(word)] = Word(kind: .unit, value: value) }
        let tens: [(String, Double)] = [
            ("vingt", 20), ("vingts", 20), ("trente", 30), ("quarante", 40), ("cinquante", 50), ("soixante", 60),
            ("septante", 70), ("huitante", 80), ("octante", 80), ("nonante", 90),
        ]
        for (word, value) in tens { table[Fold.hash(word)] = Word(kind: .tens, value: value) }
        for word in ["cent", "cents"] { table[Fold.hash(word)] = Word(kind: .hundred) }
        for (word, power) in [("mille", 3), ("milles", 3), ("million", 6), ("millions", 6), ("milliard", 9), ("milliards", 9)] {
            table[Fold.hash(word)] = Word(kind: .scale, power: power)
        }
        table[Fold.hash("et")] = Word(kind: .and)
        return table
    }()
}
