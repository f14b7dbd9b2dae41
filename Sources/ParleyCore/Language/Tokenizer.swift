/// One token of a message. Offsets count Unicode scalars, like entity offsets.
public struct Token: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case word, number, emoji, punctuation, symbol, whitespace
    }

    public var kind: Kind
    /// The text as written.
    public var text: String
    /// The form later stages match on: words lower-cased with typographic apostrophes made
    /// ASCII, numbers without group separators, emoji without variation selectors.
    public var normalized: String
    public var start: Int
    public var end: Int

    public init(kind: Kind, text: String, normalized: String, start: Int, end: Int) {
        self.kind = kind
        self.text = text
        self.normalized = normalized
        self.start = start
        self.end = end
    }
}

/// Splits text into words, numbers, emoji, punctuation and symbols over grapheme clusters,
/// so an emoji sequence (ZWJ family, skin tone, flag, keycap) is one token.
public enum Tokenizer {
    /// The tokens of `text`; whitespace tokens only when `includeWhitespace`.
    public static func tokenize(_ text: String, includeWhitespace: Bool = false) -> [Token] {
        var tokens: [Token] = []
        let characters = Array(text)
        var offsets: [Int] = []
        offsets.reserveCapacity(characters.count + 1)
        var offset = 0
        for character in characters {
            offsets.append(offset)
            offset += character.unicodeScalars.count
        }
        offsets.append(offset)
        let classes = characters.map(classify)

        var i = 0
        while i < characters.count {
            let start = i
            let cls = classes[i]
            switch cls {
            case .letter, .digit:
                let isWord = cls == .letter
                i += 1
                while i < characters.count {
                    let c = classes[i]
                    if isWord {
                        if c == .letter || c == .digit || characters[i] == "_" { i += 1; continue }
                        // Apostrophes and hyphens inside a word: "don't", "well-known".
                        if (c == .joiner || characters[i] == "-"), i + 1 < characters.count, classes[i + 1] == .letter {
                            i += 2
                            continue
                        }
                    } else {
                        if c == .digit { i += 1; continue }
                        // Group and decimal separators between digits: "50,000", "12.5".
                        if characters[i] == "," || characters[i] == "." || characters[i] == "\u{202F}" || characters[i] == "\u{00A0}",
                           i + 1 < characters.count, classes[i + 1] == .digit {
                            i += 2
                            continue
                        }
                    }
                    break
                }
                let written = String(characters[start..<i])
                let normalized = isWord ? normalizeWord(written) : normalizeNumber(written)
                tokens.append(Token(kind: isWord ? .word : .number, text: written, normalized: normalized,
                                    start: offsets[start], end: offsets[i]))
                continue
            case .whitespace:
                while i < characters.count, classes[i] == .whitespace { i += 1 }
                if includeWhitespace {
                    let written = String(characters[start..<i])
                    tokens.append(Token(kind: .whitespace, text: written, normalized: " ", start: offsets[start], end: offsets[i]))
                }
                continue
            case .emoji:
                let written = String(characters[i])
                var normalized = String.UnicodeScalarView()
                normalized.append(contentsOf: characters[i].unicodeScalars.filter { $0 != "\u{FE0F}" && $0 != "\u{FE0E}" })
                tokens.append(Token(kind: .emoji, text: written, normalized: String(normalized), start: offsets[i], end: offsets[i + 1]))
            case .punctuation, .joiner:
                let written = String(characters[i])
                tokens.append(Token(kind: .punctuation, text: written, normalized: written == "’" ? "'" : written,
                                    start: offsets[i], end: offsets[i + 1]))
            case .symbol:
                let written = String(characters[i])
                tokens.append(Token(kind: .symbol, text: written, normalized: written, start: offsets[i], end: offsets[i + 1]))
            }
            i += 1
        }
        return tokens
    }

    enum Class: Equatable {
        case letter, digit, whitespace, emoji, punctuation, joiner, symbol
    }

    static func classify(_ character: Character) -> Class {
        let scalars = character.unicodeScalars
        let first = scalars.first!
        if first.value < 0x80 && scalars.count == 1 {
            switch first.value {
            case 0x30...0x39: return .digit
            case 0x41...0x5A, 0x61...0x7A: return .letter
            case 0x09...0x0D, 0x20: return .whitespace
            case 0x27: return .joiner
            default:
                return first.properties.generalCategory.isPunctuation ? .punctuation : .symbol
            }
        }
        if isEmoji(character) { return .emoji }
        if character.isWhitespace { return .whitespace }
        if first == "\u{2019}" || first == "\u{02BC}" { return .joiner }
        let properties = first.properties
        switch properties.generalCategory {
        case .decimalNumber: return .digit
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .letterNumber, .otherNumber:
            return properties.generalCategory == .otherNumber ? .symbol : .letter
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return .punctuation
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return .whitespace
        case .format, .control:
            return .whitespace
        default:
            return .symbol
        }
    }

    /// A grapheme shown as an emoji: emoji presentation, an emoji with U+FE0F, a keycap,
    /// a flag (regional indicators or tag sequence), or a ZWJ sequence of emoji.
    static func isEmoji(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return false }
        let properties = first.properties
        if properties.isEmojiPresentation { return true }
        if first.value >= 0x1F1E6 && first.value <= 0x1F1FF { return true }  // regional indicator
        if properties.isEmoji {
            // Text-default emoji (©, ☺, digits): emoji only with a selector, keycap or modifier.
            for scalar in scalars.dropFirst() {
                if scalar == "\u{FE0F}" || scalar == "\u{20E3}" || scalar == "\u{200D}" || scalar.properties.isEmojiModifier {
                    return true
                }
            }
        }
        return false
    }

    static func normalizeWord(_ word: String) -> String {
        var result = word.lowercased()
        if result.unicodeScalars.contains(where: { $0 == "\u{2019}" || $0 == "\u{02BC}" }) {
            var scalars = String.UnicodeScalarView()
            for scalar in result.unicodeScalars {
                scalars.append(scalar == "\u{2019}" || scalar == "\u{02BC}" ? "'" : scalar)
            }
            result = String(scalars)
        }
        return result
    }

    static func normalizeNumber(_ number: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in number.unicodeScalars where scalar != "," && scalar != "\u{202F}" && scalar != "\u{00A0}" {
            scalars.append(scalar)
        }
        return String(scalars)
    }
}

extension Unicode.GeneralCategory {
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}
