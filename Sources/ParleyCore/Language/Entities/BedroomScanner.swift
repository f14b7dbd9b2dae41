/// Bedroom counts: "2BR", "2 bed", "two-bedroom", "3 bedroomed", "2 bhk", "3 chambres",
/// "3 غرف", "ثلاث غرف", "jouj byout", "vyumba viwili", "ibyumba bitatu", "غرفتين", and "studio"
/// or "bedsitter" (no separate bedroom) → bedrooms {"count": 2}. French counts main rooms,
/// the living room among them: "3 pièces", "un F3", "appartement T3" → {"count": 2, "rooms": 3}.
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
            case .roomsThenCount? where n >= 1 && !q.glued:
                // "3 efitra", "2 vyumba": the count before the room noun.
                candidates.append(Candidate(type: "bedrooms", start: q.start, end: end, value: ["count": .int(n)], confidence: 0.85))
            case .pieces? where n >= 1:
                candidates.append(Candidate(type: "bedrooms", start: q.start, end: end, value: ["count": .int(n - 1), "rooms": .int(n)],
                                            confidence: 0.85))
            default: break
            }
        }
        for (t, token) in text.tokens.enumerated() {
            let tag = text.tag(t)
            switch tag {
            case .studio, .bedsitter:
                var end = Int(token.end)
                // Nigerian "self contain", "self-contained": a studio; "self" alone is not. As an
                // adjective ("2 bedroom self contained", "self contained room") it only says the
                // rooms have their own bathroom: no count of its own.
                if token.hash == Self.selfWord {
                    guard t + 1 < text.tokens.count, Self.contained.contains(text.tokens[t + 1].hash),
                          case let gap = Int(text.tokens[t + 1].start) - end, gap == 1,
                          text.isBlank(end) || text.ascii(end) == 0x2D else { continue }
                    let before = (max(0, t - 2)..<t).contains { Self.dwellingTags.contains(text.tag($0)) || Self.roomNouns.contains(text.tokens[$0].hash) }
                    let after = t + 2 < text.tokens.count
                        && (Self.dwellingTags.contains(text.tag(t + 2)) || Self.roomNouns.contains(text.tokens[t + 2].hash))
                    if before || after { continue }
                    end = Int(text.tokens[t + 1].end)
                }
                // South African "bachelor" (flat): a studio, unless it describes a person ("I'm a bachelor").
                if token.hash == Self.bachelor, (max(0, t - 2)..<t).contains(where: { Self.beVerbs.contains(text.tokens[$0].hash) }) { continue }
                candidates.append(Candidate(type: "bedrooms", start: Int(token.start), end: end, value: ["count": 0],
                                            confidence: tag == .bedsitter ? 0.9 : 0.75))
            case .bedroom:
                // A count after the noun: Swahili "bedroom moja", "bedroom mbili"; or a room and
                // a living room ("غرفة وصالة", "chambre salon"): one bedroom.
                if let end = token.hash == Self.chambreSalon ? Int(token.end) : Self.roomAndHall(text, t) {
                    candidates.append(Candidate(type: "bedrooms", start: Int(token.start), end: end, value: ["count": 1], confidence: 0.8))
                    continue
                }
                // Arabic and Darija count in words before the plural: "ثلاث غرف", "جوج بيوت", "jouj byout".
                if t > 0, text.onlyBlanks(from: Int(text.tokens[t - 1].end), to: Int(token.start)),
                   let count = Self.countBefore(text, t - 1) {
                    candidates.append(Candidate(type: "bedrooms", start: Int(text.tokens[t - 1].start), end: Int(token.end),
                                                value: ["count": .int(count)], confidence: 0.85))
                    continue
                }
                guard t + 1 < text.tokens.count, text.onlyBlanks(from: Int(token.end), to: Int(text.tokens[t + 1].start)) else { continue }
                if let count = Self.countWords[text.tokens[t + 1].hash], count <= 5 {
                    candidates.append(Candidate(type: "bedrooms", start: Int(token.start), end: Int(text.tokens[t + 1].end),
                                                value: ["count": .int(count)], confidence: 0.8))
                    continue
                }
                // "ghuraf nom 3", "غرف نوم 3": bedrooms ("rooms of sleep"), then the count.
                let k = t + 2
                guard Self.sleepWords.contains(text.tokens[t + 1].hash), k < text.tokens.count,
                      text.onlyBlanks(from: Int(text.tokens[t + 1].end), to: Int(text.tokens[k].start)) else { continue }
                let next = text.tokens[k]
                let count: Int64?
                if next.isDigits, let q = quantities.first(where: { $0.start == Int(next.start) && $0.end == Int(next.end) }) {
                    count = q.integer.flatMap { $0 >= 1 && $0 <= 9 ? $0 : nil }
                } else {
                    count = Self.countWords[next.hash]
                }
                if let count {
                    candidates.append(Candidate(type: "bedrooms", start: Int(token.start), end: Int(next.end), value: ["count": .int(count)],
                                                confidence: 0.8))
                }

            case .twoRooms:
                candidates.append(Candidate(type: "bedrooms", start: Int(token.start), end: Int(token.end), value: ["count": 2],
                                            confidence: 0.85))
            case .roomsThenCount:
                // Swahili and Kinyarwanda put the count after the noun, agreeing with it:
                // "vyumba viwili", "ibyumba bitatu", "vyumba 2".
                guard t + 1 < text.tokens.count, text.onlyBlanks(from: Int(token.end), to: Int(text.tokens[t + 1].start)) else { continue }
                let next = text.tokens[t + 1]
                let count: Int64?
                var end = Int(next.end)
                if next.isDigits, let q = quantities.first(where: { $0.start == Int(next.start) }) {
                    // Only after the plural: "chumba 5" is room number 5.
                    count = text.word(t)?.plural == true ? q.integer.flatMap { $0 >= 2 && $0 <= 20 ? $0 : nil } : nil
                    end = q.end
                } else {
                    count = Self.countWords[next.hash]
                }
                guard let count else { continue }
                candidates.append(Candidate(type: "bedrooms", start: Int(token.start), end: end, value: ["count": .int(count)],
                                            confidence: 0.85))
            default:
                break
            }
        }
    }

    /// "F3", "T2": the French code of a flat's main rooms, read only in a message that names a
    /// dwelling ("appartement", "flat", …: the caller checks) and only written as a capital F
    /// or T then one digit from 1 to 7 ("T2" alone is also a terminal, a vitamin a size).
    /// Right after "appartement" or "maison" it is the flat's type ("appartement F3"); after
    /// another unit keyword the unit's number ("door T2", "flat F3"). In a message that names
    /// no dwelling, a code after a French determiner is read ("je cherche un F3").
    static func scanRoomCodes(_ text: ScalarText, afterDeterminerOnly: Bool = false, into candidates: inout [Candidate]) {
        // Tunisian "S+2" names itself a flat type, with or without a dwelling word.
        for t in text.tokens.indices {
            guard let (end, count) = plusCode(text, t) else { continue }
            candidates.append(Candidate(type: "bedrooms", start: Int(text.tokens[t].start), end: end,
                                        value: ["count": .int(count)], confidence: 0.85))
        }
        for (t, token) in text.tokens.enumerated() where isRoomCode(text, t) {
            if afterDeterminerOnly && (t == 0 || !determiners.contains(text.tokens[t - 1].hash)) { continue }
            let start = Int(token.start)
            let rooms = Int64(text.ascii(start + 1) - 0x30)
            candidates.append(Candidate(type: "bedrooms", start: start, end: Int(token.end),
                                        value: ["count": .int(rooms - 1), "rooms": .int(rooms)], confidence: 0.75))
        }
    }

    /// "Of sleep" after a room noun: Arabic "نوم", Levantine Arabizi "nom", "noum".
    private static let sleepWords: Set<UInt64> = Set(["نوم", "nom", "noum", "nawm", "naum"].map(Fold.hash))
    /// Words of a home searched for or rented in a message with no dwelling keyword, where an
    /// "F3" is a flat type: French "maison", "logement", "louer", "cherche", Darija "kra",
    /// "nkri", "bghit", "dar", Malagasy "trano" (house), "hofaina" (to rent).
    static let roomCodeCues: Set<UInt64> = Set(["maison", "logement", "location", "louer", "loue", "cherche", "recherche", "kra", "nkri",
                                                "nekri", "bghit", "nheb", "n7eb", "nhab", "dar", "trano", "hofaina", "mitady", "duplex",
                                                "villa", "kirwa", "kraya"].map(Fold.hash))
    private static let selfWord = Fold.hash("self")
    private static let bachelor = Fold.hash("bachelor")
    private static let beVerbs: Set<UInt64> = Set(["am", "m", "im", "is", "are", "was", "s", "single", "young"].map(Fold.hash))
    private static let dwellingTags: Set<Lexicon.Tag> = [.bedroom, .bed, .br, .unit, .house, .roomsThenCount, .twoRooms, .studio]
    private static let roomNouns: Set<UInt64> = Set(["rooms", "cottage", "cottages", "houses", "annex", "annexe", "parlour", "parlor"].map(Fold.hash))
    private static let contained: Set<UInt64> = Set(["contain", "contained", "con", "contain's"].map(Fold.hash))
    private static let room = Fold.hash("room")
    /// Written as one word: "chambre-salon".
    private static let chambreSalon = Fold.hash("chambre-salon")
    private static let singleRooms: Set<UInt64> = Set(["غرفة", "chambre", "room"].map(Fold.hash))
    private static let sleeping = Fold.hash("نوم")
    private static let andHall = Fold.hash("وصالة")
    private static let connectors: Set<UInt64> = Set(["و", "et", "and", "na", "with"].map(Fold.hash))
    private static let halls: Set<UInt64> = Set(["صالة", "salon", "parlour", "parlor", "sebule"].map(Fold.hash))

    /// Nigerian "room and parlour" (a one-bedroom flat): "room" is a unit's keyword, so the
    /// extractor calls this where the unit keywords are, not only the bedroom words.
    static func scanRoomAndParlour(_ text: ScalarText, into candidates: inout [Candidate]) {
        for (t, token) in text.tokens.enumerated() where token.hash == room {
            if let end = roomAndHall(text, t) {
                candidates.append(Candidate(type: "bedrooms", start: Int(token.start), end: end, value: ["count": 1], confidence: 0.8))
            }
        }
    }

    /// A room and a living room, the usual one-bedroom home: Arabic "غرفة وصالة", "غرفة نوم
    /// وصالة", Senegalese "chambre salon", "chambre-salon", Nigerian "room and parlour",
    /// "room & parlour". The end of the phrase, or nil.
    static func roomAndHall(_ text: ScalarText, _ t: Int) -> Int? {
        let tokens = text.tokens
        // The token after `k`, joined to it by blanks and at most one "-" or "&".
        func next(_ k: Int) -> Int? {
            guard k + 1 < tokens.count else { return nil }
            var marks = 0
            for i in Int(tokens[k].end)..<Int(tokens[k + 1].start) where !text.isBlank(i) {
                guard text.ascii(i) == 0x2D || text.ascii(i) == 0x26 else { return nil }
                marks += 1
            }
            return marks <= 1 ? k + 1 : nil
        }
        guard singleRooms.contains(tokens[t].hash), var k = next(t) else { return nil }
        if tokens[k].hash == sleeping, let after = next(k) { k = after }
        if tokens[k].hash == andHall { return Int(tokens[k].end) }
        if connectors.contains(tokens[k].hash), let after = next(k) { k = after }
        return halls.contains(tokens[k].hash) ? Int(tokens[k].end) : nil
    }

    /// French dwelling nouns a room code qualifies: "appartement F3", "maison T4".
    static let frenchDwellings: Set<UInt64> = Set(["appartement", "appart", "appt", "maison", "logement", "duplex", "villa"].map(Fold.hash))

    /// Whether the token at `t` is a room code: "F3", "T2".
    static func isRoomCode(_ text: ScalarText, _ t: Int) -> Bool {
        let token = text.tokens[t]
        guard token.length == 2, let letter = text[Int(token.start)], letter == "F" || letter == "T" else { return false }
        let digit = text.ascii(Int(token.start) + 1)
        return digit >= 0x31 && digit <= 0x37
    }

    /// Tunisian "S+1", "S+3": a living room ("salon") plus that many bedrooms; "S+0" a studio.
    /// The end of the code and the bedroom count.
    static func plusCode(_ text: ScalarText, _ t: Int) -> (Int, Int64)? {
        let token = text.tokens[t]
        guard token.length == 1, text.ascii(Int(token.start)) | 0x20 == 0x73 else { return nil }
        let p = Int(token.end)
        guard text.ascii(p) == 0x2B, text.isDigit(p + 1), !text.isAlphanumeric(p + 2) else { return nil }
        return (p + 2, Int64(text.ascii(p + 1) - 0x30))
    }

    /// French determiners before a room code in a message that names no dwelling: "un F3",
    /// "mon T2", "des F4" (a code alone could be a vitamin, a size or a terminal).
    static let determiners: Set<UInt64> = Set(["un", "une", "le", "la", "mon", "ma", "ton", "son", "ce", "cet", "du", "des", "en", "notre", "votre"].map(Fold.hash))

    /// The count in words at token `k`, before a room noun: Arabic "ثلاث" and Darija "جوج",
    /// "jouj", "tlata", also behind a proclitic ("بثلاث غرف": with three rooms). Alone these words
    /// stay words ("ست" is also "lady", "tlata" Tuesday), so only a room noun after makes them a count.
    static func countBefore(_ text: ScalarText, _ k: Int) -> Int64? {
        let token = text.tokens[k]
        if let count = countsBefore[token.hash] { return count }
        let start = Int(token.start)
        guard token.length > 3, ScalarText.isArabicProclitic(text.scalars[start].value) else { return nil }
        return countsBefore[Fold.hash(text.scalars[(start + 1)..<Int(token.end)])]
    }

    /// Arabic counts (both genders, with the dialects' spellings) and Darija's written in Latin letters.
    private static let countsBefore: [UInt64: Int64] = {
        let words: [(String, Int64)] = [
            ("اثنين", 2), ("إثنين", 2), ("اثنان", 2), ("جوج", 2), ("زوج", 2), ("ثلاث", 3), ("ثلاثة", 3), ("ثلاثه", 3), ("تلات", 3),
            ("تلاتة", 3), ("تلاته", 3), ("أربع", 4), ("اربع", 4), ("أربعة", 4), ("اربعة", 4), ("اربعه", 4), ("ربع", 4), ("ربعة", 4),
            ("خمس", 5), ("خمسة", 5), ("خمسه", 5), ("ست", 6), ("ستة", 6), ("سته", 6),
            ("jouj", 2), ("jooj", 2), ("joj", 2), ("zouj", 2), ("zoj", 2), ("tlata", 3), ("tlat", 3), ("tleta", 3), ("rb3a", 4),
            ("reb3a", 4), ("arba3a", 4), ("arb3a", 4), ("khamsa", 5), ("khmsa", 5), ("5amsa", 5), ("stta", 6), ("setta", 6),
        ]
        var table: [UInt64: Int64] = [:]
        for (word, count) in words { table[Fold.hash(word)] = count }
        return table
    }()

    /// Counts that agree with a room noun: Swahili (ki-/vi- class) and Kinyarwanda (ki-/bi- class);
    /// Arabic "one" follows its noun too ("غرفة واحدة", "bit wa7da").
    private static let countWords: [UInt64: Int64] = {
        let words: [(String, Int64)] = [
            ("kimoja", 1), ("moja", 1), ("viwili", 2), ("mbili", 2), ("vitatu", 3), ("tatu", 3), ("vinne", 4), ("nne", 4),
            ("vitano", 5), ("tano", 5), ("kimwe", 1), ("bibiri", 2), ("bitatu", 3), ("bine", 4), ("bitanu", 5),
            ("واحدة", 1), ("واحده", 1), ("واحد", 1), ("wa7da", 1), ("wahda", 1), ("wa7ed", 1),
            // Chichewa (after an English noun too: "bedrooms awiri"), Malagasy ("efitra roa"),
            // Setswana, Levantine Arabizi.
            ("imodzi", 1), ("chimodzi", 1), ("ziwiri", 2), ("awiri", 2), ("ziwili", 2), ("zitatu", 3), ("atatu", 3), ("zinayi", 4),
            ("zinai", 4), ("anayi", 4), ("zisanu", 5), ("asanu", 5), ("iray", 1), ("roa", 2), ("telo", 3), ("efatra", 4), ("dimy", 5),
            ("pedi", 2), ("tharo", 3), ("tlhano", 5), ("tnen", 2), ("tnein", 2), ("tlat", 3), ("tlate", 3), ("arba3", 4), ("arb3a", 4),
        ]
        var table: [UInt64: Int64] = [:]
        for (word, count) in words { table[Fold.hash(word)] = count }
        return table
    }()
}
