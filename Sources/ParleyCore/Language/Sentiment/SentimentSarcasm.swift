/// What the sarcasm table says about a word or phrase: role bits, and the longest phrase
/// (in words) starting with it.
struct SarcasmEntry: Sendable {
    var roles: UInt16 = 0
    var phraseMax: UInt8 = 0

    static let marker: UInt16 = 1
    static let mock: UInt16 = 2
    static let interjection: UInt16 = 4
    static let opener: UInt16 = 8
    static let trouble: UInt16 = 16
    static let problem: UInt16 = 32
    static let lover: UInt16 = 64
    static let tedium: UInt16 = 128
    static let loveHow: UInt16 = 256

    static func role(_ name: Substring) -> UInt16 {
        switch name {
        case "marker": return marker
        case "mock": return mock
        case "interjection": return interjection
        case "opener": return opener
        case "trouble": return trouble
        case "problem": return problem
        case "lover": return lover
        case "tedium": return tedium
        case "lovehow": return loveHow
        default: preconditionFailure("sarcasmCues: unknown role \(name)")
        }
    }

    static func table() -> ByteTable<SarcasmEntry> {
        var table = ByteTable<SarcasmEntry>(minimumCapacity: 256)
        forEachTableLine(SentimentData.sarcasmCues) { fields in
            guard fields.count >= 2 else { return }
            let key = String(fields[0])
            let role = Self.role(fields[1])
            table.update(key, initial: SarcasmEntry()) { $0.roles |= role }
            let parts = key.split(separator: " ")
            if parts.count >= 2, parts.count <= 4 {
                table.update(String(parts[0]), initial: SarcasmEntry()) { $0.phraseMax = max($0.phraseMax, UInt8(parts.count)) }
            }
        }
        return table
    }
}

/// Sarcasm and irony cues: a positive word said of a bad situation. The message is read as
/// sarcastic when it has
/// - a marker: "thanks for nothing", "yeah right", "/s";
/// - a mocking emoji (🙃 🙄 😒 🤡) and a positive word: "Great 🙄";
/// - a positive interjection opening it ("Great," "oh wonderful,") followed by trouble ("again",
///   "another", "as usual") and a problem (a negative word, or "off", "out", "down"), with
///   nothing positive after the interjection and no "but": "great, the water is off AGAIN";
/// - "love"/"enjoy" with a tedious activity right after: "love waiting 3 weeks for a plumber";
///   "love how" with a problem after it and nothing positive: "love how the lift is broken again";
/// - scare quotes around a positive word with nothing else positive: the "fixed" tap.
/// Sincere thanks ("thanks a lot, the plumber fixed it") has none of these.
enum SarcasmDetector {
    static func detect(tokens: [SentimentToken], buf: UnsafeBufferPointer<UInt8>, valences: [Double],
                       hasContrast: Bool, marker: Bool, table: ByteTable<SarcasmEntry>) -> Bool {
        if marker { return true }
        let n = tokens.count
        var anyPositive = false
        for i in 0..<n where valences[i] > 0 && !tokens[i].isEmoji { anyPositive = true; break }
        guard anyPositive else { return false }
        // Roles of the tokens, phrases first (a phrase's role goes to its first word).
        var roles = [UInt16](repeating: 0, count: n)
        var i = 0
        while i < n {
            guard let entry = table.value(for: UnsafeBufferPointer(rebasing: buf[tokens[i].range])) else { i += 1; continue }
            var length = entry.phraseMax >= 2 ? min(Int(entry.phraseMax), n - i) : 0
            while length >= 2 {
                let last = i + length - 1
                if let phrase = table.value(for: UnsafeBufferPointer(rebasing: buf[tokens[i].range.lowerBound..<tokens[last].range.upperBound])),
                   phrase.roles != 0 {
                    if phrase.roles & SarcasmEntry.marker != 0 { return true }
                    roles[i] = phrase.roles
                    break
                }
                length -= 1
            }
            if length >= 2 {
                i += length
                continue
            }
            if entry.roles & SarcasmEntry.marker != 0 { return true }
            roles[i] = entry.roles
            i += 1
        }
        if roles.contains(where: { $0 & SarcasmEntry.mock != 0 }) { return true }

        /// Whether tokens from `j` on hold trouble and a problem, and nothing positive but emoji.
        func troubleAfter(_ j: Int, needTrouble: Bool) -> Bool {
            var trouble = !needTrouble
            var problem = false
            for k in j..<n {
                if roles[k] & SarcasmEntry.trouble != 0 { trouble = true }
                if roles[k] & SarcasmEntry.problem != 0 || valences[k] < 0 && !tokens[k].isEmoji { problem = true }
                if valences[k] > 0 && !tokens[k].isEmoji && roles[k] & SarcasmEntry.trouble == 0 { return false }
            }
            return trouble && problem
        }

        // An interjection opening the message, after at most two openers.
        var f = 0
        while f < min(n, 2), roles[f] & SarcasmEntry.opener != 0, roles[f] & SarcasmEntry.interjection == 0 { f += 1 }
        if f < n, roles[f] & SarcasmEntry.interjection != 0, valences[f] > 0, !hasContrast,
           tokens[f].clauseEnd || (f + 1 < n && tokens[f + 1].isEmoji) || (f + 1 < n && roles[f + 1] & SarcasmEntry.trouble != 0),
           troubleAfter(f + 1, needTrouble: true) {
            return true
        }
        for i in 0..<n {
            if roles[i] & SarcasmEntry.lover != 0, valences[i] > 0 {
                var j = i + 1
                while j < min(n, i + 4) {
                    if roles[j] & SarcasmEntry.tedium != 0 { return true }
                    if tokens[j - 1].clauseEnd { break }
                    j += 1
                }
            }
            if roles[i] & SarcasmEntry.loveHow != 0, !hasContrast, troubleAfter(i + 1, needTrouble: false) { return true }
            // Scare quotes: a quoted positive word, nothing positive outside the quotes.
            if tokens[i].quoted, valences[i] > 0, !tokens[i].isEmoji {
                var otherPositive = false
                for k in 0..<n where !tokens[k].quoted && valences[k] > 0 && !tokens[k].isEmoji { otherPositive = true; break }
                if !otherPositive { return true }
            }
        }
        return false
    }
}
