/// A message's text as Unicode scalars (offsets are scalar indices), with its word tokens and
/// a few counts that let the extractor skip scanners that cannot match. Built once per
/// message in one pass; every scanner reads it.
struct ScalarText {
    /// The scalars the scanners read: Arabic-Indic digits ("٣٥٠٠", and the Persian forms) and
    /// the Arabic decimal and thousands signs read as ASCII ("3500"), one for one, so
    /// offsets are unchanged.
    let scalars: [Unicode.Scalar]
    /// The text as written, when `scalars` differs from it: entity texts quote it.
    private let written: [Unicode.Scalar]?
    /// Maximal runs of letters and digits (combining marks continue a run), in text order.
    private(set) var tokens: [WordToken] = []
    private(set) var digits = 0
    private(set) var atSigns = 0
    private(set) var dots = 0
    private(set) var colons = 0
    /// Vulgar fractions ("½", "⅔"), which are numbers without digits.
    private(set) var fractions = 0
    /// "%" signs (and the fullwidth and Arabic forms).
    private(set) var percents = 0
    /// Scalars that can open a money amount without being a letter ("$", "€", "₦", …).
    private(set) var currencySymbols = 0
    /// Tokens the lexicon knows (number words, keywords).
    private(set) var knownWords = 0
    /// The lexicon tags present (`Lexicon.Info.bit`), so scanners with no keyword to react to
    /// are skipped.
    private(set) var tags: UInt64 = 0

    init(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        var tokens: [WordToken] = []
        var tokenStart = -1
        var hash = Fold.seed
        // The word without an Arabic proclitic (و ف ب ل ك: "and", "so", "with", "for", "like")
        // glued to it: "بغرفتين" is "غرفتين" (two rooms) to the lexicon.
        var bare: UInt64? = nil
        var flags: UInt8 = 0
        var index = 0

        var replaced = false
        for var scalar in text.unicodeScalars {
            if let ascii = Self.asciiForm(scalar) {
                scalar = ascii
                replaced = true
            }
            let v = scalar.value
            var alphanumeric = false
            var isDigitScalar = false
            if v < 0x80 {
                switch v {
                case 0x30...0x39: digits += 1; alphanumeric = true; isDigitScalar = true
                case 0x41...0x5A, 0x61...0x7A: alphanumeric = true
                case 0x40: atSigns += 1
                case 0x2E: dots += 1
                case 0x3A: colons += 1
                case 0x25: percents += 1
                case 0x24: currencySymbols += 1
                default: break
                }
            } else {
                switch v {
                case 0xBC...0xBE, 0x2150...0x215E: fractions += 1
                case 0xA2...0xA5, 0x20A0...0x20CF, 0x9F3: currencySymbols += 1
                case 0x066A, 0xFF05: percents += 1
                default: break
                }
                if Self.isLetter(scalar) {
                    alphanumeric = true
                } else if scalar.properties.numericType != nil {
                    alphanumeric = true
                    isDigitScalar = true
                }
            }
            if alphanumeric {
                if tokenStart < 0 {
                    tokenStart = index
                    hash = Fold.seed
                    bare = Self.isArabicProclitic(v) ? Fold.seed : nil
                    flags = 0
                    if isDigitScalar {
                        flags |= WordToken.hasDigit
                    } else if (v >= 0x41 && v <= 0x5A) || (v >= 0x80 && scalar.properties.isUppercase) {
                        flags |= WordToken.capitalized
                    }
                }
                if isDigitScalar { flags |= WordToken.hasDigit } else { flags |= WordToken.hasLetter }
                let folded = Fold.fold(scalar)
                if folded != 0 {
                    if index > tokenStart, let b = bare { bare = Fold.mix(b, folded) }
                    hash = Fold.mix(hash, folded)
                }
            } else if tokenStart >= 0 {
                let token = Self.token(hash: hash, bare: bare, start: tokenStart, end: index, flags: flags)
                if token.word != 0 { knownWords += 1; tags |= Lexicon.entries[Int(token.word)].bit }
                tokens.append(token)
                tokenStart = -1
            }
            scalars.append(scalar)
            index += 1
        }
        if tokenStart >= 0 {
            let token = Self.token(hash: hash, bare: bare, start: tokenStart, end: index, flags: flags)
            if token.word != 0 { knownWords += 1; tags |= Lexicon.entries[Int(token.word)].bit }
            tokens.append(token)
        }
        self.scalars = scalars
        self.tokens = tokens
        written = replaced ? Array(text.unicodeScalars) : nil
    }

    /// A finished word: looked up as written, else (three letters or more) without its
    /// Arabic proclitic, whose hash it then carries.
    @inline(__always)
    private static func token(hash: UInt64, bare: UInt64?, start: Int, end: Int, flags: UInt8) -> WordToken {
        var finished = Fold.finish(hash)
        var word = Lexicon.lookup(finished)
        if word == 0, let bare, end - start > 2 {
            let stripped = Fold.finish(bare)
            word = Lexicon.lookup(stripped)
            if word != 0 { finished = stripped }
        }
        return WordToken(start: Int32(start), end: Int32(end), hash: finished, flags: flags, word: word)
    }

    /// و ف ب ل ك, the letters Arabic glues to the front of a word.
    @inline(__always) static func isArabicProclitic(_ v: UInt32) -> Bool {
        v == 0x648 || v == 0x641 || v == 0x628 || v == 0x644 || v == 0x643
    }

    /// The ASCII form of an Arabic-Indic digit (U+0660…0669), an Extended Arabic-Indic
    /// (Persian, Urdu) digit (U+06F0…06F9), the Arabic decimal separator "٫" and the Arabic
    /// thousands separator "٬"; nil for every other scalar.
    @inline(__always) static func asciiForm(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let v = scalar.value
        guard v >= 0x660 && v <= 0x6F9 else { return nil }
        switch v {
        case 0x660...0x669: return Unicode.Scalar(v - 0x660 + 0x30)
        case 0x6F0...0x6F9: return Unicode.Scalar(v - 0x6F0 + 0x30)
        case 0x66B: return "."
        case 0x66C: return ","
        default: return nil
        }
    }

    var count: Int { scalars.count }

    subscript(index: Int) -> Unicode.Scalar? {
        index >= 0 && index < scalars.count ? scalars[index] : nil
    }

    /// The ASCII byte at `index`, 0 outside the text or for a non-ASCII scalar.
    @inline(__always) func ascii(_ index: Int) -> UInt8 {
        guard index >= 0 && index < scalars.count else { return 0 }
        let value = scalars[index].value
        return value < 0x80 ? UInt8(value) : 0
    }

    @inline(__always) func isDigit(_ index: Int) -> Bool {
        let c = ascii(index)
        return c >= 0x30 && c <= 0x39
    }

    /// A letter of any script (or a combining mark, which continues a word).
    @inline(__always) func isLetter(_ index: Int) -> Bool {
        guard index >= 0 && index < scalars.count else { return false }
        return Self.isLetter(scalars[index])
    }

    @inline(__always) static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        if v == 0xAA || v == 0xBA { return true }
        if v < 0xC0 { return false }
        if v < 0x250 { return v != 0xD7 && v != 0xF7 }
        return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
    }

    /// A letter or digit (of any script): the two things that glue onto a token.
    @inline(__always) func isAlphanumeric(_ index: Int) -> Bool {
        guard index >= 0 && index < scalars.count else { return false }
        let scalar = scalars[index]
        if scalar.value < 0x80 {
            let c = UInt8(scalar.value)
            return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A)
        }
        return Self.isLetter(scalar) || scalar.properties.numericType != nil
    }

    /// A space, tab or no-break space.
    @inline(__always) func isBlank(_ index: Int) -> Bool {
        guard let s = self[index] else { return false }
        return s == " " || s == "\t" || s == "\u{00A0}" || s == "\u{202F}"
    }

    /// Whether the text at `index` is `literal`, compared exactly.
    func matches(_ literal: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index + literal.count <= scalars.count else { return false }
        var k = 0
        while k < literal.count {
            if scalars[index + k] != literal[k] { return false }
            k += 1
        }
        return true
    }

    /// Lower-cased ASCII letters from `start` while they are ASCII letters, up to `limit`.
    func asciiWord(at start: Int, limit: Int = 12) -> String {
        var bytes: [UInt8] = []
        var i = start
        while i < scalars.count, bytes.count < limit {
            let c = ascii(i)
            guard (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A else { break }
            bytes.append(c | 0x20)
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether the ASCII letters at `start` are `word` (given in lower case), ignoring case
    /// and not followed by a letter or digit. Allocates nothing.
    @inline(__always) func asciiWordIs(_ word: StaticString, at start: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        let base = word.utf8Start
        var k = 0
        while k < count {
            let c = ascii(start + k)
            if c | 0x20 != base[k] || (c | 0x20) < 0x61 || (c | 0x20) > 0x7A { return false }
            k += 1
        }
        return !isAlphanumeric(start + count)
    }

    /// The text of scalars `start..<end`, encoded straight into a new string's UTF-8.
    func string(_ start: Int, _ end: Int) -> String {
        if end <= start { return "" }
        let source = written ?? scalars
        return String(unsafeUninitializedCapacity: (end - start) * 4) { buffer in
            var n = 0
            for i in start..<end {
                let v = source[i].value
                if v < 0x80 {
                    buffer[n] = UInt8(v); n += 1
                } else if v < 0x800 {
                    buffer[n] = UInt8(0xC0 | (v >> 6)); buffer[n + 1] = UInt8(0x80 | (v & 0x3F)); n += 2
                } else if v < 0x10000 {
                    buffer[n] = UInt8(0xE0 | (v >> 12)); buffer[n + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    buffer[n + 2] = UInt8(0x80 | (v & 0x3F)); n += 3
                } else {
                    buffer[n] = UInt8(0xF0 | (v >> 18)); buffer[n + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                    buffer[n + 2] = UInt8(0x80 | ((v >> 6) & 0x3F)); buffer[n + 3] = UInt8(0x80 | (v & 0x3F)); n += 4
                }
            }
            return n
        }
    }

    // MARK: tokens

    /// The index of the token starting at scalar `start`, if one does.
    func token(startingAt start: Int) -> Int? {
        var low = 0
        var high = tokens.count
        let target = Int32(start)
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].start < target { low = mid + 1 } else { high = mid }
        }
        return low < tokens.count && tokens[low].start == target ? low : nil
    }

    /// The index of the first token starting at or after `position`.
    func firstToken(atOrAfter position: Int) -> Int {
        var low = 0
        var high = tokens.count
        let target = Int32(position)
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].start < target { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Whether only blanks separate scalars `from` and `to` (at least one blank unless
    /// `allowTouching`), and at most `maxBlanks` of them.
    func onlyBlanks(from: Int, to: Int, maxBlanks: Int = 3, allowTouching: Bool = false) -> Bool {
        if to == from { return allowTouching }
        if to - from > maxBlanks { return false }
        var i = from
        while i < to {
            if !isBlank(i) { return false }
            i += 1
        }
        return true
    }

    /// The alphanumeric run from `position` (which may be inside a token: the "BR" of "2BR"):
    /// its folded hash, lexicon entry and end. `position` must not be past the text.
    func wordAt(_ position: Int) -> (hash: UInt64, info: Lexicon.Info?, end: Int) {
        var h = Fold.seed
        var i = position
        while i < scalars.count && isAlphanumeric(i) {
            let f = Fold.fold(scalars[i])
            if f != 0 { h = Fold.mix(h, f) }
            i += 1
        }
        if i == position { return (0, nil, position) }
        let hash = Fold.finish(h)
        let w = Lexicon.lookup(hash)
        return (hash, w == 0 ? nil : Lexicon.entries[Int(w)], i)
    }

    /// `position` moved past at most `max` blanks.
    @inline(__always) func skipBlanks(_ position: Int, max: Int = 1) -> Int {
        var i = position
        while i - position < max && isBlank(i) { i += 1 }
        return i
    }

    /// The lexicon entry of token `t`, or nil.
    @inline(__always) func word(_ t: Int) -> Lexicon.Info? {
        guard t >= 0 && t < tokens.count else { return nil }
        let w = tokens[t].word
        return w == 0 ? nil : Lexicon.entries[Int(w)]
    }

    /// Whether any token carries a tag of `mask` (see `Lexicon.mask`).
    @inline(__always) func has(_ mask: UInt64) -> Bool { tags & mask != 0 }

    @inline(__always) func tag(_ t: Int) -> Lexicon.Tag {
        word(t)?.tag ?? .none
    }
}

/// One run of letters and digits in a message.
struct WordToken: Sendable {
    static let hasLetter: UInt8 = 1
    static let hasDigit: UInt8 = 2
    static let capitalized: UInt8 = 4

    var start: Int32
    var end: Int32
    /// `Fold.mix` over the folded scalars (lower case, accents removed).
    var hash: UInt64
    var flags: UInt8
    /// Index into `Lexicon.entries`, 0 when the word is not in the lexicon.
    var word: UInt16

    var isCapitalized: Bool { flags & Self.capitalized != 0 }
    var isLetters: Bool { flags & (Self.hasLetter | Self.hasDigit) == Self.hasLetter }
    var isDigits: Bool { flags & (Self.hasLetter | Self.hasDigit) == Self.hasDigit }
    var length: Int { Int(end - start) }
}

/// Case and accent folding of scalars ("Kacyíru" and "KACYIRU" fold alike) and the hash of
/// folded words used by the lexicon and the gazetteer.
enum Fold {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always) static func mix(_ hash: UInt64, _ value: UInt32) -> UInt64 {
        (hash ^ UInt64(value)) &* 0x0000_0100_0000_01B3
    }

    /// The final hash of a folded word: never 0 (0 marks an empty slot in `HashIndex`).
    @inline(__always) static func finish(_ hash: UInt64) -> UInt64 {
        var h = hash
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        return h == 0 ? 1 : h
    }

    /// Latin-1 Supplement and Latin Extended-A/B (U+00C0–U+024F) without their accents, in
    /// lower case; "." where the letter has no ASCII base. Generated from Unicode NFD.
    private static let latin: [UInt8] = Array(
        "aaaaaa.ceeeeiiii.nooooo.ouuuuy..aaaaaa.ceeeeiiii.nooooo.ouuuuy.yaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkk.llllll..llnnnnnn...oooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzz.b......................i........oo.............uu............................aaiioouuuuuuuuuu.aaaa....ggkkoooo..j...gg..nnaa....aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............................".utf8)

    /// The folded form of a scalar: lower case, accents removed, 0 for a combining mark.
    /// Typographic apostrophes fold to "'".
    @inline(__always) static func fold(_ scalar: Unicode.Scalar) -> UInt32 {
        let v = scalar.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) ? v | 0x20 : v }
        if v >= 0xC0 && v < 0x250 {
            let base = latin[Int(v - 0xC0)]
            if base != 0x2E { return UInt32(base) }
        }
        if v >= 0x300 && v <= 0x36F { return 0 }
        if v == 0x2019 || v == 0x2018 { return 0x27 }
        if scalar.properties.changesWhenLowercased, let lower = scalar.properties.lowercaseMapping.unicodeScalars.first {
            return lower.value
        }
        return v
    }

    /// The hash of a word as `ScalarText` computes it for a token.
    static func hash<S: Sequence>(_ scalars: S) -> UInt64 where S.Element == Unicode.Scalar {
        var h = seed
        for s in scalars {
            let f = fold(s)
            if f != 0 { h = mix(h, f) }
        }
        return finish(h)
    }

    static func hash(_ word: String) -> UInt64 { hash(word.unicodeScalars) }

    /// The folded scalars of a string.
    static func folded(_ word: Substring.UnicodeScalarView) -> [UInt32] {
        var out: [UInt32] = []
        for s in word {
            let f = fold(s)
            if f != 0 { out.append(f) }
        }
        return out
    }
}

/// An open-addressing table from non-zero 64-bit hashes to small integers: a probe is a
/// multiply and a compare, with no hashing of the key again (SipHash) as `Dictionary` does.
struct HashIndex: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    @inline(__always) private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    @inline(__always) func get(_ key: UInt64) -> Int32? {
        let k = key == 0 ? 1 : key
        var i = Self.slot(k, mask)
        while true {
            let stored = keys[i]
            if stored == k { return values[i] }
            if stored == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    mutating func set(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let k = key == 0 ? 1 : key
        var i = Self.slot(k, mask)
        while true {
            if keys[i] == k { values[i] = value; return }
            if keys[i] == 0 {
                keys[i] = k
                values[i] = value
                count += 1
                return
            }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        let size = keys.count * 2
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
        mask = size - 1
        count = 0
        for (k, v) in zip(oldKeys, oldValues) where k != 0 { set(k, v) }
    }
}
