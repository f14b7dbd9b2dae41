/// Person names where cheap and reliable (statistical layer):
/// - after a naming cue: "my name is X", "my name's X", "naitwa X" (Swahili), "nitwa X"
///   (Kinyarwanda), "jina langu ni X", "je m'appelle X", "mon nom est X"; and, capitalized
///   only, "this is X", "I am X", "I'm X";
/// - capitalized words that are words of a tenant or staff name in the lookup lists
///   ("Jean" when "Jean Mugabo" is a tenant).
/// → person {"name": "X"}, up to three capitalized words.
enum PersonScanner {
    /// Capitalized words after "this is" / "I am" that are not names.
    private static let notNames: HashIndex = {
        let words = """
        fine good ok okay here there not so sorry happy interested looking going coming done ready available new \
        still just very also glad sure late outside home waiting calling writing asking having the a an on in at \
        from back about your my his her our their it what who where when how why yes no please thanks thank hello \
        hi dear mr mrs ms miss sir madam dr tenant landlord owner agent manager staying living moving leaving \
        unable able currently really now today tomorrow urgent fully already trying planning hoping
        """
        var index = HashIndex(capacity: 128)
        for w in words.split(whereSeparator: { $0 == " " || $0 == "\n" }) { index.set(Fold.hash(String(w)), 1) }
        return index
    }()

    static func scan(_ text: ScalarText, gazetteer: GazetteerIndex, into candidates: inout [Candidate]) {
        let tokens = text.tokens
        if text.has(Lexicon.personMask) {
            for t in tokens.indices {
                guard let (nameStart, strict) = cue(text, at: t) else { continue }
                if let (end, _) = name(text, from: nameStart, strict: strict) {
                    candidates.append(Candidate(type: "person", start: Int(tokens[nameStart].start), end: end,
                                                value: ["name": .string(text.string(Int(tokens[nameStart].start), end))],
                                                confidence: strict ? 0.7 : 0.85, source: .statistical))
                }
            }
        }
        guard gazetteer.hasPersonWords else { return }
        var t = 0
        while t < tokens.count {
            guard isNameWord(text, t), gazetteer.isPersonWord(tokens[t].hash) else { t += 1; continue }
            var last = t
            while last + 1 < tokens.count, isNameWord(text, last + 1),
                  text.onlyBlanks(from: Int(tokens[last].end), to: Int(tokens[last + 1].start), maxBlanks: 1),
                  gazetteer.isPersonWord(tokens[last + 1].hash) {
                last += 1
            }
            let start = Int(tokens[t].start)
            let end = Int(tokens[last].end)
            // The first word of a message or sentence is capitalized anyway.
            let sentenceStart = t == 0 || sentenceEnds(text, before: start)
            candidates.append(Candidate(type: "person", start: start, end: end,
                                        value: ["name": .string(text.string(start, end))],
                                        confidence: sentenceStart ? 0.5 : 0.65, source: .statistical))
            t = last + 1
        }
    }

    static func sentenceEnds(_ text: ScalarText, before position: Int) -> Bool {
        var i = position - 1
        while i >= 0 && text.isBlank(i) { i -= 1 }
        guard let s = text[i] else { return true }
        return s == "." || s == "!" || s == "?" || s == "\n"
    }

    @inline(__always) static func isNameWord(_ text: ScalarText, _ t: Int) -> Bool {
        let token = text.tokens[t]
        return token.isLetters && token.isCapitalized && token.length >= 2 && notNames.get(token.hash) == nil
    }

    /// Whether tokens `a` and `b` are adjacent with only blanks (or the apostrophe of "I'm",
    /// "m'appelle") between them.
    @inline(__always) static func next(_ text: ScalarText, _ a: Int, _ b: Int, apostrophe: Bool = false) -> Bool {
        guard b < text.tokens.count else { return false }
        let from = Int(text.tokens[a].end), to = Int(text.tokens[b].start)
        if apostrophe {
            guard to - from == 1, let s = text[from] else { return false }
            return s == "'" || s == "\u{2019}"
        }
        return text.onlyBlanks(from: from, to: to, maxBlanks: 2)
    }

    /// The token where a name starts after a cue beginning at token `t`, and whether the cue
    /// is weak ("this is", "I am": the name must be capitalized).
    static func cue(_ text: ScalarText, at t: Int) -> (Int, Bool)? {
        switch text.tag(t) {
        case .my:
            guard text.tag(t + 1) == .name, next(text, t, t + 1) else { return nil }
            if text.tag(t + 2) == .`is`, next(text, t + 1, t + 2) { return (t + 3, false) }
            // "my name's"
            if t + 2 < text.tokens.count, next(text, t + 1, t + 2, apostrophe: true),
               text.tokens[t + 2].length == 1, text.ascii(Int(text.tokens[t + 2].start)) | 0x20 == 0x73 {
                return (t + 3, false)
            }
            return nil
        case .naitwa, .nitwa:
            return (t + 1, false)
        case .jina:
            guard text.tag(t + 1) == .langu, text.tag(t + 2) == .ni, next(text, t, t + 1), next(text, t + 1, t + 2) else { return nil }
            return (t + 3, false)
        case .appelle:
            // "je m'appelle", "m'appelle"
            guard t >= 1, next(text, t - 1, t, apostrophe: true), text.tokens[t - 1].length == 1,
                  text.ascii(Int(text.tokens[t - 1].start)) | 0x20 == 0x6D else { return nil }
            return (t + 1, false)
        case .mon:
            guard text.tag(t + 1) == .nom, text.tag(t + 2) == .est, next(text, t, t + 1), next(text, t + 1, t + 2) else { return nil }
            return (t + 3, false)
        case .this:
            guard text.tag(t + 1) == .`is`, next(text, t, t + 1) else { return nil }
            return (t + 2, true)
        case .i:
            guard text.tokens[t].isCapitalized else { return nil }
            if text.tag(t + 1) == .am, next(text, t, t + 1) { return (t + 2, true) }
            // "I'm"
            if t + 1 < text.tokens.count, next(text, t, t + 1, apostrophe: true), text.tokens[t + 1].length == 1,
               text.ascii(Int(text.tokens[t + 1].start)) | 0x20 == 0x6D {
                return (t + 2, true)
            }
            return nil
        default:
            return nil
        }
    }

    /// Up to three capitalized words from token `first`; after a strong cue a single
    /// lower-case word is taken too ("my name is john").
    static func name(_ text: ScalarText, from first: Int, strict: Bool) -> (Int, Int)? {
        let tokens = text.tokens
        guard first < tokens.count, first >= 1, next(text, first - 1, first) else { return nil }
        if isNameWord(text, first) && text.word(first)?.cardinal ?? -1 < 0 {
            var last = first
            while last - first < 2, last + 1 < tokens.count, isNameWord(text, last + 1), next(text, last, last + 1),
                  text.word(last + 1) == nil {
                last += 1
            }
            return (Int(tokens[last].end), last)
        }
        guard !strict else { return nil }
        let token = tokens[first]
        guard token.isLetters, token.length >= 2, notNames.get(token.hash) == nil, text.word(first) == nil else { return nil }
        return (Int(token.end), first)
    }
}
