/// A word, a run of ASCII digits, or one other non-space scalar of a message, with its offsets
/// in Unicode scalars and its indices in the text (for slicing the entity's text in O(1)).
struct DTToken {
    enum Kind: UInt8 { case word, number, symbol }

    var kind: Kind
    var start: Int
    var end: Int
    var lo: String.UnicodeScalarView.Index
    var hi: String.UnicodeScalarView.Index
    /// Words: the packed lower-case key (`.max` when unknown). Numbers: unused.
    var key: UInt64 = .max
    /// Numbers: the value (capped); symbols: the scalar value.
    var value: Int = 0
    /// Digits of a number, letters of a word.
    var length: Int = 0
    /// Whether whitespace (or the start of the text) comes before the token.
    var spaced: Bool
    /// Whether a line break comes before the token (a clause ends there).
    var lineBreak: Bool = false
    var capital: Bool = false
    /// A word ending in "é", "ée", "és" or "ées": a French past participle ("payé", "appelée").
    var participle: Bool = false
    /// An Arabic word written after the preposition "ل" ("for": "لسنة", "لشهر").
    var lam: Bool = false
    var lex: DTLex? = nil
}

enum DTTokenizer {
    /// A letter's lower-case ASCII code with its accent folded (0 for a letter of another
    /// alphabet, 0xFF for a combining mark), or nil for a non-letter.
    @inline(__always) static func fold(_ scalar: Unicode.Scalar) -> UInt8? {
        let v = scalar.value
        if v < 0x80 {
            let lower = UInt8(v) | 0x20
            return lower >= 0x61 && lower <= 0x7A ? lower : nil
        }
        switch v {
        case 0xC0...0xC5, 0xE0...0xE5: return 0x61
        case 0xC7, 0xE7: return 0x63
        case 0xC8...0xCB, 0xE8...0xEB: return 0x65
        case 0xCC...0xCF, 0xEC...0xEF: return 0x69
        case 0xD1, 0xF1: return 0x6E
        case 0xD2...0xD6, 0xF2...0xF6: return 0x6F
        case 0xD9...0xDC, 0xF9...0xFC: return 0x75
        case 0xDD, 0xFD, 0xFF: return 0x79
        case 0xD7, 0xF7: return nil
        case 0x300...0x36F: return 0xFF
        default:
            if v < 0xC0 { return nil }
            let properties = scalar.properties
            if properties.isAlphabetic { return 0 }
            return properties.generalCategory == .nonspacingMark ? 0xFF : nil
        }
    }

    @inline(__always) static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v == 0x20 || (v >= 0x09 && v <= 0x0D) { return true }
        if v < 0x80 { return false }
        return v == 0xA0 || (v >= 0x2000 && v <= 0x200A) || v == 0x202F || v == 0x3000 || scalar.properties.isWhitespace
    }

    /// Whether the text may hold a date, time or duration: a digit, or a word of the lexicon
    /// that can start one. Allocates nothing.
    static func hasCue(_ text: String) -> Bool {
        var key: UInt64 = 0
        var previous: UInt64 = 0
        var inWord = false
        var arabic = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if digit(v) != nil { return true }
            if isArabic(v) { arabic = true }
            if let letter = fold(scalar) {
                if letter == 0xFF { continue }
                key = letter == 0 ? .max : DTLexicon.pack(key, letter - 0x60)
                inWord = true
                continue
            }
            if inWord {
                if let lex = DTLexicon.table[key] ?? DTLexicon.misspelled(key), lex.isCue { return true }
                // French "un an" (a year): "an" alone is the English article.
                if key == keyAn && previous == keyUn { return true }
                if previous == keyEl && DTLexicon.youmKeys.contains(key) { return true }
                if DTLexicon.dayNounKeys.contains(key) { return true }  // "youm el etnein", "nhar larb3"
                if previous == keyUyu && DTParser.todayNounKeys.contains(key) { return true }  // "uyu munsi" (today)
                previous = key
            }
            key = 0
            inWord = false
        }
        if inWord, let lex = DTLexicon.table[key] ?? DTLexicon.misspelled(key), lex.isCue { return true }
        if inWord && key == keyAn && previous == keyUn { return true }
        if inWord && previous == keyEl && DTLexicon.youmKeys.contains(key) { return true }
        if inWord && previous == keyUyu && DTParser.todayNounKeys.contains(key) { return true }
        // Arabic words are looked up whole (rare enough to split the text for).
        if arabic {
            for word in text.unicodeScalars.split(whereSeparator: { fold($0) == nil }) where isArabic(word.first!.value) {
                if let lex = DTLexicon.arabic(String(String.UnicodeScalarView(word))), lex.isCue { return true }
            }
        }
        return false
    }

    static let keyAn = DTLexicon.key("an")
    static let keyUyu = DTLexicon.key("uyu")
    static let keyUn = DTLexicon.key("un")
    static let keyEl = DTLexicon.key("el")

    /// A letter of the Arabic block (where the words of `DTLexicon.arabic` start).
    @inline(__always) static func isArabic(_ v: UInt32) -> Bool { v >= 0x621 && v <= 0x64A }

    /// A decimal digit's value: ASCII, Arabic-Indic ("١٥/١١") or Extended Arabic-Indic.
    @inline(__always) static func digit(_ v: UInt32) -> Int? {
        switch v {
        case 0x30...0x39: return Int(v - 0x30)
        case 0x660...0x669: return Int(v - 0x660)
        case 0x6F0...0x6F9: return Int(v - 0x6F0)
        default: return nil
        }
    }

    static func tokenize(_ text: String) -> [DTToken] {
        let scalars = text.unicodeScalars
        var tokens: [DTToken] = []
        var i = scalars.startIndex
        var offset = 0
        var spaced = true
        var lineBreak = false
        while i < scalars.endIndex {
            let scalar = scalars[i]
            let v = scalar.value
            if digit(v) != nil {
                let lo = i
                let start = offset
                var value = 0
                var length = 0
                while i < scalars.endIndex, let d = digit(scalars[i].value) {
                    if value < 100_000_000 { value = value * 10 + d }
                    length += 1
                    i = scalars.index(after: i)
                    offset += 1
                }
                tokens.append(DTToken(kind: .number, start: start, end: offset, lo: lo, hi: i, value: value, length: length, spaced: spaced, lineBreak: lineBreak))
                spaced = false
                lineBreak = false
                continue
            }
            if let first = fold(scalar) {
                let lo = i
                let start = offset
                var key: UInt64 = 0
                var length = 0
                let capital = (v >= 0x41 && v <= 0x5A) || (v >= 0xC0 && v <= 0xDD)
                // Letters after the last "é" (-1 without one, or when not only "e"/"s" follow).
                var afterAcute = -1
                while i < scalars.endIndex, let letter = fold(scalars[i]) {
                    let w = scalars[i].value
                    if w == 0xE9 || w == 0xC9 || (w == 0x301 && letter == 0xFF && afterAcute < 0 && length > 0) {
                        afterAcute = 0
                    } else if letter != 0xFF {
                        afterAcute = afterAcute >= 0 && afterAcute < 2 && (letter == 0x65 || letter == 0x73) ? afterAcute + 1 : -1
                    }
                    if letter != 0xFF {
                        key = letter == 0 ? .max : DTLexicon.pack(key, letter - 0x60)
                        length += 1
                    }
                    i = scalars.index(after: i)
                    offset += 1
                }
                if first == 0xFF && length == 0 { key = .max }
                // Arabic written in Latin letters uses digits for its sounds ("sa3a", "embare7"):
                // a word of the lexicon with such a digit inside or at its end is read whole.
                if length >= 1, key != .max, i < scalars.endIndex, DTLexicon.arabiziDigit(scalars[i]) != nil,
                   let (longer, end, letters, count) = arabizi(scalars, from: i, key: key, length: length) {
                    key = longer
                    i = end
                    offset += count
                    length = letters
                }
                var token = DTToken(kind: .word, start: start, end: offset, lo: lo, hi: i, key: key, length: length, spaced: spaced,
                                    lineBreak: lineBreak, capital: capital)
                token.participle = afterAcute >= 0 && length >= 3
                token.lex = DTLexicon.table[key]
                if token.lex == nil, let alias = DTLexicon.aliases[key] { token.lex = .function(alias) }
                if token.lex == nil, isArabic(v) {
                    token.lex = DTLexicon.arabic(String(scalars[lo..<i]))
                    if case .unit? = token.lex, v == 0x644, length > 3 {
                        let second = scalars[scalars.index(after: lo)].value
                        token.lam = second != 0x644 && second != 0x627
                    }
                }
                if token.lex == nil, key != .max { token.lex = DTLexicon.misspelled(key) }
                // Arabizi opening with a digit's sound: "5amees" (Thursday), "7ad" (Sunday).
                if !token.spaced, key != .max, length <= 10, let last = tokens.last, last.kind == .number, last.length == 1, last.spaced,
                   let code = DTLexicon.arabiziDigit(scalars[last.lo]), case let whole = UInt64(code) << (5 * UInt64(length)) | key,
                   let lex = DTLexicon.table[whole] ?? DTLexicon.aliases[whole].map({ .function($0) }) {
                    token.start = last.start
                    token.lo = last.lo
                    token.spaced = true
                    token.lineBreak = last.lineBreak
                    token.key = whole
                    token.length = length + 1
                    token.lex = lex
                    tokens.removeLast()
                }
                // Texting: "2moro", "2nite" (a 2 glued before the rest of the word).
                if !token.spaced, let last = tokens.last, last.kind == .number, last.length == 1, last.value == 2,
                   let lex = DTLexicon.afterTwo[key] {
                    token.start = last.start
                    token.lo = last.lo
                    token.spaced = last.spaced
                    token.lineBreak = last.lineBreak
                    token.lex = lex
                    token.key = .max
                    tokens.removeLast()
                }
                // Chichewa "m'mawa" is the morning; "mawa" alone tomorrow.
                if !token.spaced, key == DTLexicon.mawaKey, tokens.count >= 2, case let mark = tokens[tokens.count - 1],
                   mark.kind == .symbol, mark.value == 0x27 || mark.value == 0x2019, !mark.spaced,
                   tokens[tokens.count - 2].kind == .word, tokens[tokens.count - 2].key == DTLexicon.mKey {
                    token.start = tokens[tokens.count - 2].start
                    token.lo = tokens[tokens.count - 2].lo
                    token.spaced = tokens[tokens.count - 2].spaced
                    token.lineBreak = tokens[tokens.count - 2].lineBreak
                    token.lex = .part(.morning)
                    token.key = .max
                    tokens.removeLast(2)
                }
                tokens.append(token)
                spaced = false
                lineBreak = false
                continue
            }
            let next = scalars.index(after: i)
            if isSpace(scalar) {
                spaced = true
                if v == 0x0A || v == 0x0D || v == 0x2028 || v == 0x2029 { lineBreak = true }
            } else {
                tokens.append(DTToken(kind: .symbol, start: offset, end: offset + 1, lo: i, hi: next, value: Int(v), spaced: spaced, lineBreak: lineBreak))
                spaced = false
                lineBreak = false
            }
            i = next
            offset += 1
        }
        return tokens
    }

    /// The word that goes on from `i` (an Arabizi digit after a letter or more: "m3a", "sa3a") through
    /// letters and single Arabizi digits, if the lexicon knows it: its key, end, letter count
    /// and the scalars it adds.
    static func arabizi(_ scalars: String.UnicodeScalarView, from start: String.UnicodeScalarView.Index, key: UInt64, length: Int)
        -> (UInt64, String.UnicodeScalarView.Index, Int, Int)? {
        var i = start
        var key = key
        var length = length
        var count = 0
        while i < scalars.endIndex {
            let scalar = scalars[i]
            if let code = DTLexicon.arabiziDigit(scalar) {
                let after = scalars.index(after: i)
                if after < scalars.endIndex, digit(scalars[after].value) != nil { return nil }  // "dec2026": a number
                key = DTLexicon.pack(key, code)
            } else if scalar.value < 0x80, let letter = fold(scalar) {
                key = DTLexicon.pack(key, letter - 0x60)
            } else {
                break
            }
            length += 1
            count += 1
            i = scalars.index(after: i)
        }
        guard key != .max, DTLexicon.table[key] != nil || DTLexicon.aliases[key] != nil else { return nil }
        if i < scalars.endIndex, digit(scalars[i].value) != nil || fold(scalars[i]) != nil { return nil }
        return (key, i, length, count)
    }
}
