/// One token the sentiment scorer looks at: its lower-cased bytes live in the scanner's buffer,
/// tokens separated by one space, so a phrase of consecutive tokens is one contiguous range.
struct SentimentToken: Sendable {
    var range: Range<Int>
    var isEmoji = false
    var emojiValence: Float = 0
    /// 🙏 (folded hands): a plea as often as thanks.
    var pleading = false
    /// A distress emoji: 1 (😭 😩 😱 😰 😨 😫 😥), 2 (🆘).
    var distress: UInt8 = 0
    /// Has cased letters, all upper case ("BROKEN").
    var isUpper = false
    /// Punctuation (, . ; : ! ? newline) ends a clause after this token: negation, degree words
    /// and phrases do not reach across it.
    var clauseEnd = false
    /// A run of three or more of the same letter ("soooo").
    var elongated = false
    /// Contains "n't" (English negation).
    var hasNegatingApostrophe = false
    /// Inside quotation marks of at most three words: "great" service, the “fixed” tap.
    var quoted = false
}

/// Splits text into sentiment tokens over Unicode scalars, VADER-style: whitespace separates
/// words, punctuation around a word is stripped unless the whole thing is an emoticon (":)",
/// "<3", ":'("), emoji sequences (skin tones, ZWJ, variation selectors) become one token valued
/// by their base emoji. It also counts what the scorer needs: "!", "?", capitalized words.
struct SentimentScanner {
    let tables: SentimentTables
    var buf: [UInt8] = []
    var tokens: [SentimentToken] = []
    var exclamations = 0
    var questions = 0
    var maxExclamationRun = 0
    var casedWords = 0
    var capsWords = 0
    /// All-caps words of three letters or more.
    var longCapsWords = 0
    /// "/s" written as a word: the writer marks the message sarcastic.
    var sarcasmMarker = false
    /// The first token after an opening quotation mark, while the quote is open.
    private var quoteStart: Int? = nil

    // The word being read.
    private var piece: [UInt8] = []
    private var hasUpper = false
    private var hasLower = false
    private var letters = 0
    private var elongated = false
    private var lastLetter: UInt8 = 0
    private var letterRun = 0

    init(tables: SentimentTables) {
        self.tables = tables
    }

    mutating func scan(_ text: String) {
        buf.reserveCapacity(text.utf8.count + 16)
        piece.reserveCapacity(32)
        var iterator = text.unicodeScalars.makeIterator()
        var next = iterator.next()
        var exclamationRun = 0
        while let scalar = next {
            next = iterator.next()
            let v = scalar.value
            if v == 0x21 { exclamations += 1; exclamationRun += 1; maxExclamationRun = max(maxExclamationRun, exclamationRun) } else { exclamationRun = 0 }
            if v == 0x3F { questions += 1 }
            if v < 0x80 {
                if v == 0x20 || v == 0x09 || v == 0x0D || v == 0x0B || v == 0x0C {
                    finishPiece()
                } else if v == 0x0A {
                    finishPiece()
                    markClauseEnd()
                } else if v >= 0x41 && v <= 0x5A {
                    appendLetter(UInt8(v) + 0x20)
                    hasUpper = true
                } else if v >= 0x61 && v <= 0x7A {
                    appendLetter(UInt8(v))
                    hasLower = true
                } else {
                    piece.append(UInt8(v))
                    letterRun = 0
                }
                continue
            }
            if Self.isIgnorable(v) { continue }
            if v == 0x2019 || v == 0x2018 || v == 0x02BC || v == 0x2032 { piece.append(0x27); letterRun = 0; continue }
            if v == 0x201C || v == 0x201D || v == 0xAB || v == 0xBB {  // “ ” « »
                finishPiece()
                if v == 0x201C || v == 0xAB { quoteStart = tokens.count } else { closeQuote() }
                continue
            }
            if v == 0x2026 { // "…"
                finishPiece()
                markClauseEnd()
                continue
            }
            let properties = scalar.properties
            if properties.isWhitespace || v == 0x200B {
                finishPiece()
                if v == 0x2028 || v == 0x2029 || v == 0x85 { markClauseEnd() }
                continue
            }
            switch properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation:
                // "،", "؛", "؟", "«", "“", "¿": separate words; the sentence marks end a clause.
                finishPiece()
                if v == 0x060C || v == 0x061B || v == 0x061F || v == 0x06D4 || v == 0x3002 || v == 0xFF0C || v == 0xFF01 || v == 0xFF1F {
                    markClauseEnd()
                }
                if v == 0x061F || v == 0xFF1F { questions += 1 }
                if v == 0xFF01 { exclamations += 1 }
                continue
            default:
                break
            }
            if isEmojiStart(scalar) {
                finishPiece()
                var emojiToken = SentimentToken(range: 0..<0)
                emojiToken.isEmoji = true
                // Flags (regional indicator pairs) carry no sentiment.
                emojiToken.emojiValence = v >= 0x1F1E6 && v <= 0x1F1FF ? 0 : tables.emoji[v] ?? 0
                emojiToken.pleading = v == 0x1F64F
                switch v {
                case 0x1F198: emojiToken.distress = 2
                case 0x1F62D, 0x1F629, 0x1F631, 0x1F630, 0x1F628, 0x1F62B, 0x1F625: emojiToken.distress = 1
                default: break
                }
                // Absorb the rest of the sequence: modifiers, variation selectors, keycaps,
                // tags, a second regional indicator, and anything joined by ZWJ.
                var joined = false
                while let following = next {
                    let f = following.value
                    if f == 0xFE0F || f == 0xFE0E || (f >= 0x1F3FB && f <= 0x1F3FF) || f == 0x20E3 || (f >= 0xE0020 && f <= 0xE007F) {
                        next = iterator.next()
                    } else if f == 0x200D {
                        next = iterator.next()
                        joined = true
                    } else if joined {
                        next = iterator.next()
                        joined = false
                    } else if v >= 0x1F1E6 && v <= 0x1F1FF && f >= 0x1F1E6 && f <= 0x1F1FF {
                        next = iterator.next()
                        break
                    } else {
                        break
                    }
                }
                let start = piece.count
                appendUTF8(scalar)
                appendToken(bytes: piece[start...], token: emojiToken)
                piece.removeAll(keepingCapacity: true)
                continue
            }
            // Any other scalar: part of a word, lower-cased.
            if properties.isUppercase {
                hasUpper = true
                for b in properties.lowercaseMapping.utf8 { piece.append(b) }
                letters += 1
            } else {
                if properties.isLowercase { hasLower = true }
                if properties.isAlphabetic { letters += 1 }
                appendUTF8(scalar)
            }
            letterRun = 0
        }
        finishPiece()
    }

    /// Zero-width and directional marks, variation selectors, Arabic diacritics and tatweel:
    /// they change how text looks, not what it says.
    static func isIgnorable(_ v: UInt32) -> Bool {
        switch v {
        case 0x00AD, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF,
             0xFE00...0xFE0F, 0x20E3, 0x064B...0x065F, 0x0670, 0x0640:
            return true
        default:
            return false
        }
    }

    private func isEmojiStart(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x2000 { return false }
        if tables.emoji[v] != nil { return true }
        return scalar.properties.isEmoji || (v >= 0x1F000 && v <= 0x1FAFF)
    }

    private mutating func appendLetter(_ b: UInt8) {
        if b == lastLetter && letterRun > 0 {
            letterRun += 1
            if letterRun >= 3 { elongated = true }
        } else {
            letterRun = 1
            lastLetter = b
        }
        letters += 1
        piece.append(b)
    }

    private mutating func appendUTF8(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        if v < 0x800 {
            piece.append(UInt8(0xC0 | (v >> 6)))
            piece.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            piece.append(UInt8(0xE0 | (v >> 12)))
            piece.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            piece.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            piece.append(UInt8(0xF0 | (v >> 18)))
            piece.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            piece.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            piece.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Marks the tokens since the opening quotation mark as quoted when they are one to three words.
    private mutating func closeQuote() {
        defer { quoteStart = nil }
        guard let start = quoteStart, start < tokens.count, tokens.count - start <= 3 else { return }
        for k in start..<tokens.count { tokens[k].quoted = true }
    }

    private mutating func markClauseEnd() {
        if !tokens.isEmpty { tokens[tokens.count - 1].clauseEnd = true }
    }

    private static func isASCIIPunctuation(_ b: UInt8) -> Bool {
        (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E)
    }

    private static func endsClause(_ b: UInt8) -> Bool {
        b == 0x2C || b == 0x2E || b == 0x3B || b == 0x3A || b == 0x21 || b == 0x3F
    }

    /// Splits inside a word at these: "great,thanks", "why?!really".
    private static func splitsWord(_ b: UInt8) -> Bool {
        b == 0x2C || b == 0x3B || b == 0x21 || b == 0x3F || b == 0x28 || b == 0x29 || b == 0x22
    }

    /// "RWF", "KES": a currency code is written in capitals, not shouted. `piece` is lower
    /// case (the scanner folds it).
    private static func isCurrencyCode(_ piece: [UInt8]) -> Bool {
        let letters = piece.compactMap { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : nil }
        guard let i = Currencies.packed(letters) else { return false }
        return Currencies.codeBits.upper[i >> 6] & (1 << UInt64(i & 63)) != 0
    }

    private mutating func finishPiece() {
        defer {
            piece.removeAll(keepingCapacity: true)
            hasUpper = false; hasLower = false; letters = 0; elongated = false; letterRun = 0; lastLetter = 0
        }
        guard !piece.isEmpty else { return }
        if piece.count == 2 && piece[0] == 0x2F && piece[1] == 0x73 { sarcasmMarker = true }  // "/s"
        var base = SentimentToken(range: 0..<0)
        base.isUpper = hasUpper && !hasLower
        base.elongated = elongated
        base.hasNegatingApostrophe = Self.containsNT(piece[...])
        if hasUpper || hasLower {
            casedWords += 1
            if base.isUpper {
                capsWords += 1
                if letters >= 3 && !Self.isCurrencyCode(piece) { longCapsWords += 1 }
            }
        }
        // The whole piece as written: an emoticon or a plain word.
        let whole = piece.withUnsafeBufferPointer { tables.words.value(for: $0) }
        if let whole, whole.isUseful {
            appendToken(bytes: piece[...], token: base)
            return
        }
        var lo = 0
        var hi = piece.count
        var leadingClause = false
        var opens: (double: Bool, single: Bool) = (false, false)
        while lo < hi, Self.isASCIIPunctuation(piece[lo]) {
            if Self.endsClause(piece[lo]) { leadingClause = true }
            if piece[lo] == 0x22 { opens.double = true } else if piece[lo] == 0x27 { opens.single = true }
            lo += 1
        }
        var closes: (double: Bool, single: Bool) = (false, false)
        while hi > lo, Self.isASCIIPunctuation(piece[hi - 1]) {
            hi -= 1
            if piece[hi] == 0x22 { closes.double = true } else if piece[hi] == 0x27 { closes.single = true }
        }
        // A straight double quote opens or closes a quotation; apostrophes only around one word ('great').
        let singleQuoted = opens.single && closes.single && lo < hi
        if (opens.double && lo < hi) || singleQuoted { quoteStart = tokens.count }
        var trailingClause = false
        for k in hi..<piece.count where Self.endsClause(piece[k]) { trailingClause = true }
        if leadingClause { markClauseEnd() }
        guard lo < hi else {
            // Only punctuation: an emoticon not in the lexicon, or "!!!", "-".
            if trailingClause { markClauseEnd() }
            return
        }
        // Split inside the word at commas, "?!" and the like, and at runs of dots.
        var start = lo
        var k = lo
        while k <= hi {
            let atEnd = k == hi
            let split = !atEnd && (Self.splitsWord(piece[k]) || (piece[k] == 0x2E && k + 1 < hi && piece[k + 1] == 0x2E))
            if atEnd || split {
                if start < k {
                    var token = base
                    let part = piece[start..<k]
                    token.hasNegatingApostrophe = Self.containsNT(part)
                    if !atEnd { token.clauseEnd = true }
                    appendToken(bytes: part, token: token)
                } else if split {
                    markClauseEnd()
                }
                var next = k + 1
                while next < hi, Self.isASCIIPunctuation(piece[next]), Self.splitsWord(piece[next]) || piece[next] == 0x2E { next += 1 }
                start = next
                k = next
                if atEnd { break }
                continue
            }
            k += 1
        }
        if trailingClause { markClauseEnd() }
        if closes.double || singleQuoted { closeQuote() }
        // An emoticon glued to the word: "thanks:)".
        if hi < piece.count {
            let tail = piece[hi...]
            if let entry = tail.withUnsafeBufferPointer({ tables.words.value(for: $0) }), entry.hasValence {
                var token = SentimentToken(range: 0..<0)
                token.clauseEnd = trailingClause
                appendToken(bytes: tail, token: token)
            }
        }
    }

    private static func containsNT(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count >= 3 else { return false }
        var k = bytes.startIndex
        while k + 2 < bytes.endIndex {
            if bytes[k] == 0x6E && bytes[k + 1] == 0x27 && bytes[k + 2] == 0x74 { return true }
            k += 1
        }
        return false
    }

    private mutating func appendToken(bytes: ArraySlice<UInt8>, token: SentimentToken) {
        if !buf.isEmpty { buf.append(0x20) }
        var token = token
        let start = buf.count
        buf.append(contentsOf: bytes)
        token.range = start..<buf.count
        tokens.append(token)
    }
}
