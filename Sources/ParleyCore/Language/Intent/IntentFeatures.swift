/// Receives the hashed features of one text, in order. Word features are word unigrams and
/// bigrams (emoji count as words); character features are the n-grams inside words.
protocol IntentFeatureSink {
    mutating func word(_ bucket: Int)
    mutating func char(_ bucket: Int)
}

/// Turns text into hashed feature buckets without allocating: lower-cased, accent-folded
/// words (apostrophes inside a word dropped, digits made `0`), emoji kept as their own
/// tokens, then word unigrams + bigrams (with start/end markers) and character n-grams of
/// each word padded with boundary markers (like scikit-learn's `char_wb`).
struct IntentFeaturizer: Sendable, Equatable {
    var hashBits: Int
    var charMin: Int
    var charMax: Int
    var wordBigrams: Bool

    static let maxWordScalars = 40

    var bucketCount: Int { 1 << hashBits }

    func featurize<Sink: IntentFeatureSink>(_ text: String, into sink: inout Sink) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: Self.maxWordScalars + 2) { buffer in
            var scanner = Scanner(featurizer: self, buffer: buffer.baseAddress!)
            for scalar in text.unicodeScalars {
                scanner.feed(scalar, into: &sink)
            }
            scanner.finish(into: &sink)
        }
    }

    // MARK: hashing

    static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3
    static let wordSeed: UInt64 = 0xCBF2_9CE4_8422_2325
    static let boundaryStart: UInt64 = 0x9E37_79B9_7F4A_7C15
    static let boundaryEnd: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    @inline(__always)
    static func mix(_ h: UInt64, _ v: UInt32) -> UInt64 { (h ^ UInt64(v)) &* fnvPrime }

    /// MurmurHash3's finalizer: spreads the FNV state over the low bits the mask keeps.
    @inline(__always)
    static func finalize(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    @inline(__always)
    static func bigram(_ first: UInt64, _ second: UInt64) -> UInt64 {
        finalize(first &+ 0x5BD1_E995) ^ (second &* 0x2545_F491_4F6C_DD1D)
    }

    @inline(__always)
    func bucket(_ h: UInt64) -> Int { Int(truncatingIfNeeded: Self.finalize(h)) & (bucketCount - 1) }

    // MARK: scanning

    struct Scanner {
        let featurizer: IntentFeaturizer
        let buffer: UnsafeMutablePointer<UInt32>
        var length = 0           // scalars in the current word (all of them, even past the buffer)
        var wordHash = IntentFeaturizer.wordSeed
        var previous = IntentFeaturizer.boundaryStart
        var sawToken = false

        init(featurizer: IntentFeaturizer, buffer: UnsafeMutablePointer<UInt32>) {
            self.featurizer = featurizer
            self.buffer = buffer
        }

        @inline(__always)
        mutating func feed<Sink: IntentFeatureSink>(_ scalar: Unicode.Scalar, into sink: inout Sink) {
            let v = scalar.value
            // ASCII fast path.
            if v < 0x80 {
                if v >= 0x61 && v <= 0x7A { append(v); return }
                if v >= 0x41 && v <= 0x5A { append(v + 0x20); return }
                if v >= 0x30 && v <= 0x39 { append(0x30); return }
                if v == 0x27 || v == 0x60 { if length > 0 { return } }   // don't → dont
                endWord(into: &sink)
                return
            }
            switch v {
            case 0x2019, 0x2018, 0x02BC, 0x00B4:     // typographic apostrophes, inside words only
                if length == 0 { endWord(into: &sink) }
                return
            case 0xFE00...0xFE0F, 0x200D, 0x200C, 0x200B, 0x2060, 0xFEFF, 0x1F3FB...0x1F3FF, 0x0640, 0xE0020...0xE007F:
                return                                // variation selectors, joiners, skin tones, tatweel, tag chars
            case 0x064B...0x065F, 0x0670:
                return                                // Arabic harakat: marks, yet Unicode calls them alphabetic ("شكراً" is "شكرا")
            default:
                break
            }
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil {
                if let digit = properties.numericType, digit == .decimal { append(0x30); return }
                append(IntentFeaturizer.fold(scalar))
                return
            }
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                return                                 // accents and Arabic harakat: folded away
            default:
                break
            }
            endWord(into: &sink)
            if properties.isEmoji && (properties.isEmojiPresentation || v >= 0x2000) {
                // An emoji is a token of its own (no character n-grams).
                let h = IntentFeaturizer.mix(IntentFeaturizer.mix(IntentFeaturizer.wordSeed, 0x1F000), v)
                emitWord(h, into: &sink)
            }
        }

        @inline(__always)
        mutating func append(_ v: UInt32) {
            if length < IntentFeaturizer.maxWordScalars { buffer[length + 1] = v }
            length += 1
            wordHash = IntentFeaturizer.mix(wordHash, v)
        }

        mutating func emitWord<Sink: IntentFeatureSink>(_ h: UInt64, into sink: inout Sink) {
            sink.word(featurizer.bucket(h))
            if featurizer.wordBigrams {
                sink.word(featurizer.bucket(IntentFeaturizer.bigram(previous, h)))
            }
            previous = h
            sawToken = true
        }

        mutating func endWord<Sink: IntentFeatureSink>(into sink: inout Sink) {
            guard length > 0 else { return }
            emitWord(wordHash, into: &sink)
            let stored = min(length, IntentFeaturizer.maxWordScalars)
            buffer[0] = 0x02
            buffer[stored + 1] = 0x03
            let padded = stored + 2
            if featurizer.charMax >= featurizer.charMin {
                for n in featurizer.charMin...featurizer.charMax where n <= padded {
                    let seed = IntentFeaturizer.mix(0x84222325_CBF29CE4, UInt32(n))
                    for start in 0...(padded - n) {
                        var h = seed
                        for j in start..<(start + n) { h = IntentFeaturizer.mix(h, buffer[j]) }
                        sink.char(featurizer.bucket(h))
                    }
                }
            }
            length = 0
            wordHash = IntentFeaturizer.wordSeed
        }

        mutating func finish<Sink: IntentFeatureSink>(into sink: inout Sink) {
            endWord(into: &sink)
            if featurizer.wordBigrams && sawToken {
                let h = IntentFeaturizer.boundaryEnd
                sink.word(featurizer.bucket(IntentFeaturizer.bigram(previous, h)))
            }
        }
    }

    // MARK: folding

    /// Lower-cases and strips accents from one letter: Latin-1 and Latin Extended-A by table,
    /// a few Arabic letter variants to their plain form, other scripts by Unicode lower-casing.
    static func fold(_ scalar: Unicode.Scalar) -> UInt32 {
        let v = scalar.value
        if v >= 0xC0 && v < 0x180 {
            let mapped = latinFold[Int(v - 0xC0)]
            return mapped == 0x3F ? v : UInt32(mapped)
        }
        switch v {
        case 0x0622, 0x0623, 0x0625, 0x0671: return 0x0627   // آ أ إ ٱ → ا
        case 0x0629: return 0x0647                          // ة → ه
        case 0x0649: return 0x064A                          // ى → ي
        default: break
        }
        let properties = scalar.properties
        if properties.changesWhenLowercased, let lower = properties.lowercaseMapping.unicodeScalars.first {
            return lower.value
        }
        return v
    }

    /// U+00C0..U+017F folded to an ASCII letter ('?' = not a letter, keep as is).
    static let latinFold: [UInt8] = Array(
        ("aaaaaaaceeeeiiiidnooooo?ouuuuyts" + "aaaaaaaceeeeiiiidnooooo?ouuuuyty"
            + "aaaaaacccccccc" + "dddd" + "eeeeeeeeee" + "gggggggg" + "hhhh" + "iiiiiiiiii" + "ii" + "jj" + "kkk"
            + "llllllllll" + "nnnnnnnnn" + "oooooooo" + "rrrrrr" + "ssssssss" + "tttttt" + "uuuuuuuuuuuu" + "ww"
            + "yyy" + "zzzzzz" + "s").utf8)
}
