import Testing
@testable import ParleyCore

@Suite struct TokenizerTests {
    static func kinds(_ text: String) -> [String] {
        Tokenizer.tokenize(text).map { "\($0.kind.rawValue):\($0.text)" }
    }

    @Test func wordsKeepApostrophesAndHyphens() {
        #expect(Self.kinds("I don't know, well-known ones!") == [
            "word:I", "word:don't", "word:know", "punctuation:,", "word:well-known", "word:ones", "punctuation:!",
        ])
        let tokens = Tokenizer.tokenize("Don’t WORRY")
        #expect(tokens.map(\.normalized) == ["don't", "worry"])
        // A trailing apostrophe or hyphen is not part of the word.
        #expect(Self.kinds("dogs' -cat") == ["word:dogs", "punctuation:'", "punctuation:-", "word:cat"])
    }

    @Test func numbersKeepSeparators() {
        #expect(Self.kinds("pay 50,000 or 12.5.") == ["word:pay", "number:50,000", "word:or", "number:12.5", "punctuation:."])
        #expect(Tokenizer.tokenize("50,000")[0].normalized == "50000")
        #expect(Self.kinds("50k") == ["number:50", "word:k"])
    }

    @Test func emojiSequencesAreOneToken() {
        let text = "hi 👨‍👩‍👧‍👦 👍🏽 🇷🇼 1️⃣ ❤️ 🏳️‍🌈 😀😀"
        let tokens = Tokenizer.tokenize(text)
        #expect(tokens.map(\.kind) == [.word, .emoji, .emoji, .emoji, .emoji, .emoji, .emoji, .emoji, .emoji])
        #expect(tokens.map(\.text) == ["hi", "👨‍👩‍👧‍👦", "👍🏽", "🇷🇼", "1️⃣", "❤️", "🏳️‍🌈", "😀", "😀"])
        #expect(tokens[5].normalized == "❤")
    }

    @Test func offsetsCountScalars() {
        let text = "👨‍👩‍👧 café ok"
        let tokens = Tokenizer.tokenize(text)
        #expect(tokens.map(\.start) == [0, 6, 11])
        #expect(tokens.map(\.end) == [5, 10, 13])
        let scalars = Array(text.unicodeScalars)
        for token in tokens {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[token.start..<token.end])
            #expect(String(view) == token.text)
        }
        // Decomposed "é" is two scalars but one character of the word.
        let decomposed = Tokenizer.tokenize("cafe\u{301} x")
        #expect(decomposed.map(\.end) == [5, 7])
    }

    @Test func textDefaultEmojiStayText() {
        // Digits, "#", "©" are emoji-capable but plain without a selector.
        #expect(Self.kinds("5 # ©") == ["number:5", "punctuation:#", "symbol:©"])
        #expect(Self.kinds("©️") == ["emoji:©️"])
    }

    @Test func symbolsPunctuationAndScripts() {
        #expect(Self.kinds("$5 + 3% «oui»") == [
            "symbol:$", "number:5", "symbol:+", "number:3", "punctuation:%", "punctuation:«", "word:oui", "punctuation:»",
        ])
        #expect(Self.kinds("Привет мир مرحبا 你好") == ["word:Привет", "word:мир", "word:مرحبا", "word:你好"])
        #expect(Tokenizer.tokenize("ÉCOLE")[0].normalized == "école")
    }

    @Test func whitespaceOnRequest() {
        #expect(Tokenizer.tokenize("a  b\n").count == 2)
        let tokens = Tokenizer.tokenize("a  b\n", includeWhitespace: true)
        #expect(tokens.map(\.kind) == [.word, .whitespace, .word, .whitespace])
        #expect(tokens[1].start == 1 && tokens[1].end == 3)
        #expect(Tokenizer.tokenize("").isEmpty)
    }
}
