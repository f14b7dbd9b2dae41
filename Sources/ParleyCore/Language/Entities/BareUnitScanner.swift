/// Unit references without a keyword before them: "my flat is B4", "I live in A12, the
/// apartment has no water", "ndi muri 4B, inzu irava". Codes like these are also paper sizes,
/// vitamins, roads and phones ("A4 paper", "B12", "M25", "4G"), so three things must hold:
/// - the code's shape: one or two capitals then 1–4 digits ("A12"), or 1–4 digits then one
///   capital ("4B"), written in capitals;
/// - the message names a dwelling or a part of one (flat, apartment, house, room, door,
///   toilet, kitchen, gate…);
/// - a word that places or names it comes just before ("in", "at", "is", "ni", "est", "muri",
///   "number"), or it opens the message with a colon or a dwelling's part after it ("C4
///   toilet is blocked", "B7: the tap leaks"), and no word saying what else it is comes after
///   ("paper", "size", "road").
/// Staff write a unit as the subject of what its occupant did or is: "tenant of A7 hasn't
/// paid", "G4 tenant says", "viewing for A3 at 4pm", "G2 paid only 300k", "my neighbour in
/// B5". A code right after an occupant word and a linker, right before one, or opening the
/// message before a payment verb is a unit without a dwelling word (`premises` false).
/// Missing one is better than inventing one: the confidence is below a keyword's.
enum BareUnitScanner {
    static let confidence = 0.7

    static func scan(_ text: ScalarText, premises: Bool = true, into candidates: inout [Candidate]) {
        let tokens = text.tokens
        for t in 0..<tokens.count {
            let token = tokens[t]
            guard !token.isLetters, !token.isDigits, token.length >= 2, token.length <= 5, isCode(text, token) else { continue }
            let placed = premises && (t > 0 ? (linkers.contains(tokens[t - 1].hash) || text.tag(t - 1) == .no)
                && text.onlyBlanks(from: Int(tokens[t - 1].end), to: Int(token.start), maxBlanks: 2) : opens(text, t))
            guard placed || premises && t > 0 && signsOff(text, t) || occupied(text, t) else { continue }
            // Glued to more ("A12-3", "B4/5", "A12.pdf") it is something else; so is the head of
            // a grouped amount ("K5,000": kwacha).
            if let s = text[Int(token.end)], s == "-" || s == "/" || s == "." && text.isAlphanumeric(Int(token.end) + 1)
                || s == "," && text.isDigit(Int(token.end) + 1) { continue }
            if t + 1 < tokens.count, others.contains(tokens[t + 1].hash),
               text.onlyBlanks(from: Int(token.end), to: Int(tokens[t + 1].start), maxBlanks: 2) { continue }
            let id = UnitScanner.upper(text, Int(token.start), Int(token.end))
            if excluded.contains(Fold.hash(id)) { continue }
            var value = JSONObject()
            value.append("unit", .string(id))
            candidates.append(Candidate(type: "unit", start: Int(token.start), end: Int(token.end), value: .object(value),
                                        confidence: confidence))
        }
    }

    /// The code opens the message (only blanks before it) with a colon right after it or a
    /// dwelling's part as the next word: "C4 toilet is blocked", "B7: the kitchen tap leaks".
    static func opens(_ text: ScalarText, _ t: Int) -> Bool {
        let tokens = text.tokens
        let token = tokens[t]
        for i in 0..<Int(token.start) where !text.isBlank(i) { return false }
        var i = Int(token.end)
        while i < text.count, text.isBlank(i) { i += 1 }
        if i < text.count, text.ascii(i) == 0x3A { return true }
        guard t + 1 < tokens.count, Int(tokens[t + 1].start) == i, i > Int(token.end) else { return false }
        let tag = text.tag(t + 1)
        return tag == .fixture || tag == .unit || tag == .house
    }

    /// An occupant names the code: "tenant of A7", "viewing for A3", "G4 tenant", or the code
    /// opens the message before a payment verb ("G2 paid only 300k").
    static func occupied(_ text: ScalarText, _ t: Int) -> Bool {
        let tokens = text.tokens
        func adjacent(_ a: Int, _ b: Int) -> Bool {
            text.onlyBlanks(from: Int(tokens[a].end), to: Int(tokens[b].start), maxBlanks: 2)
        }
        if t + 1 < tokens.count, occupants.contains(tokens[t + 1].hash), adjacent(t, t + 1) { return true }
        if t >= 2, occupants.contains(tokens[t - 2].hash), occupantLinkers.contains(tokens[t - 1].hash),
           adjacent(t - 2, t - 1), adjacent(t - 1, t) { return true }
        return t + 1 < tokens.count && paymentVerbs.contains(tokens[t + 1].hash) && adjacent(t, t + 1)
            && (0..<Int(tokens[t].start)).allSatisfy { text.isBlank($0) }
    }

    /// Who lives in, rents or visits a unit.
    static let occupants: Set<UInt64> = Set(["tenant", "tenants", "occupant", "occupants", "resident", "residents", "neighbour",
                                                     "neighbours", "neighbor", "neighbors", "viewing", "viewings", "mpangaji", "wapangaji",
                                                     "jirani", "locataire", "locataires", "voisin", "voisins", "voisine", "umupangayi",
                                                     "abapangayi", "umuturanyi"].map { Fold.hash($0) })

    static let occupantLinkers: Set<UInt64> = Set(["of", "in", "at", "for", "from", "wa", "ya", "du", "de", "muri", "wo", "w"]
        .map { Fold.hash($0) })

    private static let paymentVerbs: Set<UInt64> = Set(["paid", "pays", "owes", "amelipa", "hajalipa", "yishyuye", "ntiyishyuye"]
        .map { Fold.hash($0) })

    /// The code ends the message after a comma, full stop or dash, the way a tenant signs a
    /// message with their unit ("…no light since morning. A12", "umuriro wabuze, A12").
    static func signsOff(_ text: ScalarText, _ t: Int) -> Bool {
        let tokens = text.tokens
        guard t == tokens.count - 1 else { return false }
        let start = Int(tokens[t - 1].end), end = Int(tokens[t].start)
        var sign = false
        for i in start..<end {
            if text.isBlank(i) { continue }
            let c = text.ascii(i)
            guard !sign, c == 0x2C || c == 0x2E || c == 0x2D || c == 0x3B else { return false }
            sign = true
        }
        guard sign else { return false }
        // Only closing punctuation or emoji may follow.
        for i in Int(tokens[t].end)..<text.count where !text.isBlank(i) && text.isAlphanumeric(i) { return false }
        return true
    }

    /// "A12", "AB1234", "4B", "1204C": capitals then digits, or digits then one capital.
    static func isCode(_ text: ScalarText, _ token: WordToken) -> Bool {
        let start = Int(token.start), end = Int(token.end)
        var letters = 0
        var i = start
        while i < end, text.ascii(i) >= 0x41 && text.ascii(i) <= 0x5A { letters += 1; i += 1 }
        if letters > 0 {
            let digits = end - i
            guard letters <= 2, digits >= 1, digits <= 4 else { return false }
            while i < end { if !text.isDigit(i) { return false }; i += 1 }
            return true
        }
        while i < end, text.isDigit(i) { i += 1 }
        let digits = i - start
        return digits >= 1 && digits <= 4 && i == end - 1 && text.ascii(i) >= 0x41 && text.ascii(i) <= 0x5A
    }

    /// Words that place or name a dwelling right before its code.
    static let linkers: Set<UInt64> = Set(["in", "at", "is", "ni", "est", "dans", "au", "kwa", "katika", "muri", "ndi",
                                                    "iko", "yuko", "niko", "from", "de"].map { Fold.hash($0) })

    /// Words after a code that say what else it is.
    private static let others: Set<UInt64> = Set(["paper", "papers", "size", "format", "sheet", "sheets", "vitamin", "vitamins",
                                                   "road", "motorway", "highway", "bus", "phone", "km", "network", "papier"].map { Fold.hash($0) })

    /// Codes that are mobile networks.
    private static let excluded: Set<UInt64> = Set(["3G", "4G", "5G"].map { Fold.hash($0) })
}
