#if canImport(Glibc)
import Glibc
#endif

/// Which language a message is written in.
public struct LanguageGuess: Sendable, Equatable {
    /// "en", "fr", "sw", "rw", "ar" (Arabic script), "ar-Latn" (Arabic in Latin letters), or
    /// "und" when there is too little text to tell (fewer than 3 letters, emoji, numbers) or
    /// the text is in another language (words the samples never hold; Lingala, Nyanja, Shona,
    /// Setswana, Malagasy, Bambara, Mooré, Mauritian Kreol).
    public var code: String
    /// In [0, 1].
    public var confidence: Double
    /// The dominant script: "Latn", "Arab", "Zyyy" (no letters) or "Zzzz" (letters of another script).
    public var script: String
    /// Other languages noticed with enough evidence (code-switching), most likely first.
    public var mixed: [String]

    /// {"code","confidence","script","mixed"}, confidence rounded to 3 decimals.
    public var json: JSONValue {
        var object = JSONObject()
        object.append("code", .string(code))
        object.append("confidence", .double((confidence * 1000).rounded() / 1000))
        object.append("script", .string(script))
        object.append("mixed", .array(mixed.map { .string($0) }))
        return .object(object)
    }
}

/// Identifies the language of short messages: the script first (Arabic script is "ar"), then
/// for Latin text a naive Bayes over character 1–4-grams of each word (with word-boundary
/// marks) plus a word list, trained at first use from `LanguageSamples`. Each word is also
/// classified on its own so code-switching ("nimelipa rent ya this month") is noticed.
/// Stateless after construction and `Sendable`.
public struct LanguageIdentifier: Sendable {
    public static let shared = LanguageIdentifier()

    let model: LanguageModel

    init() {
        model = LanguageModel()
    }

    /// At most this many words are read: enough to decide, and bounded for 100 KB texts.
    static let maxWords = 200
    /// A word's log-likelihood margin per letter at which it is full evidence of its language.
    static let switchMarginPerLetter: Float = 3

    public func identify(_ text: String) -> LanguageGuess {
        // E-mail addresses and links are no language's words ("invoices@example.co.za" read French).
        if Self.mayHoldAddress(text) {
            // Split on scalars: splitting Characters cost a grapheme scan of every message with a "/".
            let words = text.unicodeScalars.split(whereSeparator: \.properties.isWhitespace).map(Substring.init)
            let kept = words.filter { !Self.isAddress($0) }
            if kept.count < words.count { return identify(kept.joined(separator: " ")) }
        }
        let model = self.model
        let count = model.languages.count
        var totals = SIMD8<Float>(repeating: 0)
        var evidence = SIMD8<Float>(repeating: 0)
        // The current word: codes with a leading boundary, and its lower-cased UTF-8.
        var codes = [UInt8](repeating: 0, count: 44)
        var codeCount = 1
        var bytes = [UInt8](repeating: 0, count: 132)
        var byteCount = 0
        var wordLetters = 0
        // Arabizi writes letters as digits ("ma2to3a"); a word with more digits than that is
        // a code or a reference ("QGH7XK2L9P"), no evidence of any language.
        var wordDigits = 0
        var knownShortWord = false
        var knownWords = 0
        /// Words only the unsupported languages' samples hold ("mbote", "zikomo").
        var unsupportedWords = 0
        var latinLetters = 0
        var arabicLetters = 0
        var otherLetters = 0
        var latinWords = 0
        var arabicWords = 0
        var inArabicWord = false

        var words = 0
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()
        while true {
            let scalar = pending
            pending = scalar == nil ? nil : scalars.next()
            var endsWord = true
            var v: UInt32 = 0
            if let scalar {
                v = scalar.value
                if let code = LanguageModel.latinCode(v) {
                    inArabicWord = false
                    endsWord = false
                    if code.isLetter { wordLetters += 1; latinLetters += 1 } else { wordDigits += 1 }
                    if !(code.code == LanguageModel.apostrophe && codeCount == 1), codeCount < 40 {
                        codes[codeCount] = code.code
                        codeCount += 1
                        byteCount = LanguageModel.storeLowercasedUTF8(v, into: &bytes, at: byteCount)
                    }
                } else if SentimentScanner.isIgnorable(v) {
                    endsWord = false
                }
            }
            if endsWord {
                // Trailing apostrophes are not part of the word.
                while codeCount > 1, codes[codeCount - 1] == LanguageModel.apostrophe { codeCount -= 1; byteCount -= 1 }
                if wordLetters > 0, wordDigits < 3, words < Self.maxWords {
                    latinWords += 1
                    words += 1
                    codes[0] = 0
                    codes[codeCount] = 0
                    let scores = codes.withUnsafeBufferPointer { c in
                        bytes.withUnsafeBufferPointer { b in
                            model.score(codes: UnsafeBufferPointer(rebasing: c[0..<codeCount + 1]),
                                        word: UnsafeBufferPointer(rebasing: b[0..<byteCount]))
                        }
                    }
                    totals += scores
                    switch bytes.withUnsafeBufferPointer({ model.knowledge(of: UnsafeBufferPointer(rebasing: $0[0..<byteCount])) }) {
                    case .supported: knownWords += 1
                    case .unsupported: unsupportedWords += 1
                    case .unknown: break
                    }
                    // "Hi": too short for n-grams, but a word of one language in the samples.
                    if wordLetters < 3, !knownShortWord {
                        knownShortWord = bytes.withUnsafeBufferPointer { model.marksOneLanguage(UnsafeBufferPointer(rebasing: $0[0..<byteCount])) }
                    }
                    // A switch is between languages it names. A word the unsupported lane wins by
                    // far ("tozali") is none; one it shares with them ("ya", "na") is evidence of
                    // the named language that reads it best.
                    var best = 0
                    for l in 1..<count where l != LanguageModel.unsupported && scores[l] > scores[best] { best = l }
                    var second = best == 0 ? 1 : 0
                    for l in 0..<count where l != best && l != LanguageModel.unsupported && scores[l] > scores[second] { second = l }
                    // Measured per letter: a long Kinyarwanda word outscores Swahili by many
                    // n-grams, which is kinship, not a switch; an English or French word inserted
                    // in either wins by far more per letter.
                    let perLetter = Self.switchMarginPerLetter * Float(wordLetters)
                    if scores[LanguageModel.unsupported] - scores[best] < perLetter {
                        evidence[best] += min(1, (scores[best] - scores[second]) / perLetter)
                    }
                }
                codeCount = 1
                byteCount = 0
                wordLetters = 0
                wordDigits = 0
                guard let scalar else { break }
                if LanguageModel.isArabicLetter(v) {
                    arabicLetters += 1
                    if !inArabicWord { arabicWords += 1; inArabicWord = true }
                } else {
                    inArabicWord = false
                    if v > 0x7F, scalar.properties.isAlphabetic { otherLetters += 1 }
                }
                // Past the word limit only letters are counted, for the script.
                if words >= Self.maxWords && latinLetters + arabicLetters + otherLetters > 4 * Self.maxWords { break }
            }
        }

        let letters = latinLetters + arabicLetters + otherLetters
        if letters == 0 { return LanguageGuess(code: "und", confidence: 0, script: "Zyyy", mixed: []) }
        if otherLetters > latinLetters + arabicLetters {
            return LanguageGuess(code: "und", confidence: 0, script: "Zzzz", mixed: [])
        }
        let arabicMain = arabicLetters > latinLetters
        let script = arabicMain ? "Arab" : "Latn"
        if letters < 3 && !(knownShortWord && !arabicMain) {
            return LanguageGuess(code: "und", confidence: 0.1, script: script, mixed: [])
        }

        // The Latin model's ranking.
        var ranked = Array(0..<count)
        var probabilities = [Double](repeating: 0, count: count)
        if latinLetters > 0 {
            // Overlapping n-grams of four orders are far from independent: temper the posterior.
            var top = totals[0]
            for l in 1..<count { top = max(top, totals[l]) }
            var sum = 0.0
            for l in 0..<count {
                probabilities[l] = Self.exp(Double(totals[l] - top) / 4)
                sum += probabilities[l]
            }
            for l in 0..<count { probabilities[l] /= sum }
            ranked.sort { probabilities[$0] > probabilities[$1] }
        }

        if arabicMain {
            let share = Double(arabicLetters) / Double(arabicLetters + latinLetters)
            var mixed: [String] = []
            if latinLetters >= 3, latinWords >= 1, share < 0.85 || latinWords >= 2,
               let latin = ranked.first(where: { $0 != LanguageModel.unsupported }) {
                mixed.append(model.languages[latin])
            }
            let confidence = min(0.99, 0.5 + 0.5 * share) * (arabicLetters >= 6 ? 1 : 0.8)
            return LanguageGuess(code: "ar", confidence: confidence, script: script, mixed: mixed)
        }

        // Mostly Lingala, Nyanja, Shona, Bemba, Setswana, Malagasy, Bambara, Mooré or Mauritian
        // Kreol: kin or neighbours of Swahili, Kinyarwanda and French, none of them.
        // A clear lead per letter decides; a narrow one only with more of their words than of
        // the named languages' ("vana vangu vari kurwara"), not a Swahili phrase of rare words
        // ("kufuli ya mlango", "naomba risiti ya malipo").
        let best = ranked[0] == LanguageModel.unsupported ? ranked[1] : ranked[0]
        if arabicLetters == 0 {
            let lead = (totals[LanguageModel.unsupported] - totals[best]) / Float(latinLetters)
            if lead >= Self.unsupportedLeadPerLetter || (lead > 0 && unsupportedWords >= 2 && unsupportedWords > knownWords) {
                return LanguageGuess(code: "und", confidence: 0.1, script: script, mixed: [])
            }
        }
        // Among the languages it names.
        var confidence = probabilities[best] / max(1e-9, 1 - probabilities[LanguageModel.unsupported])
        // Words the samples never hold are weak evidence: a language the model lacks (Luganda,
        // Zulu, Afrikaans) still scores best in one it has. None known and no clear winner is
        // undetermined; under a fifth known, a low-confidence guess.
        if arabicLetters == 0, knownWords * 5 < latinWords {
            if knownWords == 0 && confidence < 0.9 { return LanguageGuess(code: "und", confidence: 0.1, script: script, mixed: []) }
            confidence = min(confidence, Self.unknownWordsConfidence)
        }
        // Very short texts are guesses, whatever the model says.
        if latinLetters < 8 { confidence *= 0.6 } else if latinLetters < 15 { confidence *= 0.85 }
        if arabicLetters > 0 { confidence *= Double(latinLetters) / Double(latinLetters + arabicLetters) }

        var mixed: [(String, Float)] = []
        var totalEvidence: Float = 0
        for l in 0..<count { totalEvidence += evidence[l] }
        for l in ranked where l != best && evidence[l] >= 1.5 && evidence[l] >= 0.2 * totalEvidence {
            mixed.append((model.languages[l], evidence[l]))
        }
        mixed.sort { $0.1 > $1.1 }
        var mixedCodes = mixed.map(\.0)
        if arabicLetters >= 3, arabicWords >= 1 { mixedCodes.append("ar") }
        return LanguageGuess(code: model.languages[best], confidence: confidence, script: script, mixed: mixedCodes)
    }

    /// The most a guess is worth when under a fifth of its words are known to the samples.
    static let unknownWordsConfidence = 0.4
    /// The unsupported languages' lead (log-likelihood per letter) past which their words'
    /// count no longer matters.
    static let unsupportedLeadPerLetter: Float = 1

    /// Whether `text` has an "@", a "/" or "www." (bytes only: this runs on every message).
    static func mayHoldAddress(_ text: String) -> Bool {
        var w = 0
        for byte in text.utf8 {
            if byte == 0x40 || byte == 0x2F { return true }
            w = byte == 0x77 || byte == 0x57 ? min(w + 1, 3) : byte == 0x2E && w == 3 ? 4 : 0
            if w == 4 { return true }
        }
        return false
    }

    /// "name@example.com", "https://…", "www.…", "example.com/listing": an address, not words.
    static func isAddress(_ word: Substring) -> Bool {
        if let at = word.firstIndex(of: "@"), word[word.index(after: at)...].contains(".") { return true }
        return word.contains("://") || word.hasPrefix("www.") || word.contains(".") && word.contains("/") && !word.hasSuffix("/")
    }

    static func exp(_ x: Double) -> Double {
        if x < -700 { return 0 }
        return Glibc.exp(x)
    }
}

/// The trained profiles: for each character n-gram (n = 1…4) and each word seen in the
/// samples, its log probability in each language (add-α smoothed). The last lane is no
/// language the identifier names: Bantu languages it does not support, which would otherwise
/// score as their kin Swahili or Kinyarwanda, and Malagasy, Bambara, Mooré and Mauritian
/// Kreol, which read as Swahili, English or French.
final class LanguageModel: Sendable {
    let languages = ["en", "fr", "sw", "rw", "ar-Latn", "und"]
    /// The lane of the languages it does not support.
    static let unsupported = 5
    /// A second lane of unsupported languages (Setswana, Malagasy, Bambara, Mooré, Kreol), trained
    /// apart so their text does not dilute the Bantu lane's n-grams; `score` folds it into
    /// `unsupported`, word by word, by the better of the two.
    static let unsupportedOther = 6
    /// Open-addressed n-gram table. A 32-byte slot holds an n-gram's log probability per
    /// language in lanes 0..<7 and its key's bits in lane 7 (0: empty), so a lookup reads one
    /// slot instead of a key, a row number and a row in three places: each is a cache miss
    /// when `process` runs, the store's work having evicted the table.
    private let ngramSlots: [SIMD8<Float>]
    private let ngramMask: Int
    private static let keyLane = 7
    private let words: ByteTable<Int32>
    private let wordLogProbs: [SIMD8<Float>]
    /// Whether a known word is in the samples of a language the identifier names.
    private let wordSupported: [Bool]
    /// How much a known word counts next to its n-grams.
    static let wordWeight: Float = 2

    static let apostrophe: UInt8 = 37

    init() {
        let samples = [LanguageSamples.english, LanguageSamples.french, LanguageSamples.swahili,
                       LanguageSamples.kinyarwanda, LanguageSamples.arabizi,
                       LanguageSamples.unsupportedBantu, LanguageSamples.unsupportedOther]
        let count = samples.count
        var ngramCounts: [UInt32: [Int]] = [:]
        var ngramTotals = [[Int]](repeating: [Int](repeating: 0, count: 5), count: count)  // [language][n]
        var wordCounts: [[UInt8]: [Int]] = [:]
        var wordTotals = [Int](repeating: 0, count: count)
        for (l, sample) in samples.enumerated() {
            for word in Self.words(of: sample) {
                let codes = [0] + word.codes + [0]
                Self.forEachNGram(codes) { key, n in
                    ngramCounts[key, default: [Int](repeating: 0, count: count)][l] += 1
                    ngramTotals[l][n] += 1
                }
                wordCounts[word.bytes, default: [Int](repeating: 0, count: count)][l] += 1
                wordTotals[l] += 1
            }
        }
        // Distinct n-grams per order, for smoothing.
        var distinct = [Int](repeating: 0, count: 5)
        for key in ngramCounts.keys { distinct[Int(key >> 24)] += 1 }
        let alpha = 0.5
        var size = 16
        while size < ngramCounts.count * 2 { size <<= 1 }
        precondition(count <= Self.keyLane, "the n-gram table keeps lane \(Self.keyLane) for the key")
        var slots = [SIMD8<Float>](repeating: SIMD8(repeating: 0), count: size)
        let ngramMask = size - 1
        // Sorted so the table (and so the float sums) are the same on every run.
        for (key, counts) in ngramCounts.sorted(by: { $0.key < $1.key }) {
            let n = Int(key >> 24)
            var lanes = SIMD8<Float>(repeating: 0)
            for l in 0..<count {
                let p = (Double(counts[l]) + alpha) / (Double(ngramTotals[l][n]) + alpha * Double(distinct[n]))
                lanes[l] = Float(Glibc.log(p))
            }
            // Keys are never 0: the order n >= 1 sits in their top byte.
            lanes[Self.keyLane] = Float(bitPattern: key)
            var slot = Self.slot(key, ngramMask)
            while slots[slot][Self.keyLane].bitPattern != 0 { slot = (slot + 1) & ngramMask }
            slots[slot] = lanes
        }
        ngramSlots = slots
        self.ngramMask = ngramMask
        var words = ByteTable<Int32>(minimumCapacity: wordCounts.count)
        var wordLogProbs: [SIMD8<Float>] = []
        var wordSupported: [Bool] = []
        let wordAlpha = 0.2
        var wordRow: Int32 = 0
        for (word, counts) in wordCounts.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            var lanes = SIMD8<Float>(repeating: 0)
            for l in 0..<count {
                let p = (Double(counts[l]) + wordAlpha) / (Double(wordTotals[l]) + wordAlpha * Double(wordCounts.count))
                lanes[l] = Float(Glibc.log(p)) * Self.wordWeight
            }
            wordLogProbs.append(lanes)
            wordSupported.append(counts.indices.contains { $0 != Self.unsupported && $0 != Self.unsupportedOther && counts[$0] > 0 })
            let key = String(decoding: word, as: UTF8.self)
            let index = wordRow
            words.update(key, initial: 0) { $0 = index }
            wordRow += 1
        }
        self.words = words
        self.wordLogProbs = wordLogProbs
        self.wordSupported = wordSupported
    }

    @inline(__always)
    private static func slot(_ key: UInt32, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B1) >> 7) & mask
    }

    /// The word's log probability per language (a lane each): its n-grams, and the word itself
    /// if known. `codes` is the word's character codes with a boundary (0) at each end.
    func score(codes: UnsafeBufferPointer<UInt8>, word: UnsafeBufferPointer<UInt8>) -> SIMD8<Float> {
        var scores = SIMD8<Float>(repeating: 0)
        ngramSlots.withUnsafeBufferPointer { slots in
            let c = codes.count
            for start in 0..<c {
                var packed: UInt32 = 0
                var n = 1
                while n <= 4, start + n <= c {
                    packed = (packed << 6) | UInt32(codes[start + n - 1])
                    if n > 1 || codes[start] != 0 {
                        let key = UInt32(n) << 24 | packed
                        var slot = Self.slot(key, ngramMask)
                        while true {
                            var lanes = slots[slot]
                            let found = lanes[Self.keyLane].bitPattern
                            if found == 0 { break }
                            if found == key {
                                lanes[Self.keyLane] = 0
                                scores += lanes
                                break
                            }
                            slot = (slot + 1) & ngramMask
                        }
                    }
                    n += 1
                }
            }
        }
        if let index = words.value(for: word) {
            scores += wordLogProbs[Int(index)]
        }
        scores[Self.unsupported] = max(scores[Self.unsupported], scores[Self.unsupportedOther])
        scores[Self.unsupportedOther] = 0
        return scores
    }

    enum Knowledge { case unknown, supported, unsupported }

    /// Whether the samples hold this word (lower-cased UTF-8): those of a language the
    /// identifier names, or only those of the languages it does not support.
    func knowledge(of word: UnsafeBufferPointer<UInt8>) -> Knowledge {
        guard let index = words.value(for: word) else { return .unknown }
        return wordSupported[Int(index)] ? .supported : .unsupported
    }

    /// Whether the samples hold this word (lower-cased UTF-8) at least four times as often in
    /// one language as in any other: "hi" is English, "ok" is everyone's.
    func marksOneLanguage(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let index = words.value(for: word) else { return false }
        let lanes = wordLogProbs[Int(index)]
        var best = -Float.infinity, second = -Float.infinity
        for l in 0..<languages.count {
            if lanes[l] > best { (best, second) = (lanes[l], best) } else if lanes[l] > second { second = lanes[l] }
        }
        return best - second > Self.wordWeight * Float(Glibc.log(4.0))
    }

    /// Calls `body` with each 1…4-gram of `codes` (boundaries included, lone boundaries not).
    @inline(__always)
    static func forEachNGram(_ codes: [UInt8], _ body: (UInt32, Int) -> Void) {
        let c = codes.count
        for start in 0..<c {
            var packed: UInt32 = 0
            for n in 1...4 {
                let end = start + n
                if end > c { break }
                packed = (packed << 6) | UInt32(codes[end - 1])
                if n == 1 && codes[start] == 0 { continue }
                body(UInt32(n) << 24 | packed, n)
            }
        }
    }

    /// A Latin-script character's code: 1–26 letters, 27–36 digits, 37 apostrophe, 38+ accented
    /// letters; nil for anything that is not part of a Latin word.
    @inline(__always)
    static func latinCode(_ v: UInt32) -> (code: UInt8, isLetter: Bool)? {
        switch v {
        case 0x61...0x7A: return (UInt8(v - 0x60), true)
        case 0x41...0x5A: return (UInt8(v - 0x40), true)
        case 0x30...0x39: return (UInt8(v - 0x30 + 27), false)
        case 0x27, 0x2019, 0x2018, 0x02BC: return (apostrophe, false)
        case 0xC0...0x24F where v != 0xD7 && v != 0xF7:
            let lower = (v >= 0xC0 && v <= 0xDE) ? v + 0x20 : v
            switch lower {
            case 0xE9: return (38, true)  // é
            case 0xE8: return (39, true)  // è
            case 0xEA: return (40, true)  // ê
            case 0xE0: return (41, true)  // à
            case 0xE2: return (42, true)  // â
            case 0xE7: return (43, true)  // ç
            case 0xEE: return (44, true)  // î
            case 0xEF: return (45, true)  // ï
            case 0xF4: return (46, true)  // ô
            case 0xFB: return (47, true)  // û
            case 0xF9: return (48, true)  // ù
            case 0xEB: return (49, true)  // ë
            case 0x153, 0x152: return (50, true)  // œ
            case 0xFC: return (51, true)  // ü
            default: return (52, true)
            }
        default: return nil
        }
    }

    static func isArabicLetter(_ v: UInt32) -> Bool {
        switch v {
        case 0x0620...0x064A, 0x066E...0x06D3, 0x06D5, 0x06FA...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF,
             0xFB50...0xFDFF, 0xFE70...0xFEFC:
            return true
        default:
            return false
        }
    }

    /// Writes the lower-cased UTF-8 of `v` at `offset`, returns the offset after it.
    @inline(__always)
    static func storeLowercasedUTF8(_ v: UInt32, into bytes: inout [UInt8], at offset: Int) -> Int {
        var v = v
        if v >= 0x41 && v <= 0x5A { v += 0x20 } else if v >= 0xC0 && v <= 0xDE && v != 0xD7 { v += 0x20 }
        if v == 0x2019 || v == 0x2018 || v == 0x02BC { v = 0x27 }
        if v < 0x80 {
            bytes[offset] = UInt8(v)
            return offset + 1
        } else if v < 0x800 {
            bytes[offset] = UInt8(0xC0 | (v >> 6))
            bytes[offset + 1] = UInt8(0x80 | (v & 0x3F))
            return offset + 2
        } else {
            bytes[offset] = UInt8(0xE0 | (v >> 12))
            bytes[offset + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
            bytes[offset + 2] = UInt8(0x80 | (v & 0x3F))
            return offset + 3
        }
    }

    static func appendLowercasedUTF8(_ v: UInt32, to bytes: inout [UInt8]) {
        var v = v
        if v >= 0x41 && v <= 0x5A { v += 0x20 } else if v >= 0xC0 && v <= 0xDE && v != 0xD7 { v += 0x20 }
        if v == 0x2019 || v == 0x2018 || v == 0x02BC { v = 0x27 }
        if v < 0x80 {
            bytes.append(UInt8(v))
        } else if v < 0x800 {
            bytes.append(UInt8(0xC0 | (v >> 6)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            bytes.append(UInt8(0xE0 | (v >> 12)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// The Latin words of a sample, as codes and lower-cased bytes.
    static func words(of text: String) -> [(codes: [UInt8], bytes: [UInt8])] {
        var result: [(codes: [UInt8], bytes: [UInt8])] = []
        var codes: [UInt8] = []
        var bytes: [UInt8] = []
        var letters = 0
        func finish() {
            while let last = codes.last, last == apostrophe { codes.removeLast(); bytes.removeLast() }
            if letters > 0 { result.append((codes, bytes)) }
            codes.removeAll()
            bytes.removeAll()
            letters = 0
        }
        for scalar in text.unicodeScalars {
            if let code = latinCode(scalar.value) {
                if code.code == apostrophe && codes.isEmpty { continue }
                if code.isLetter { letters += 1 }
                codes.append(code.code)
                appendLowercasedUTF8(scalar.value, to: &bytes)
            } else {
                finish()
            }
        }
        finish()
        return result
    }
}
