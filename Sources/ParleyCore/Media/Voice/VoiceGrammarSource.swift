/// A grammar ready for PocketSphinx: JSGF text and the words it uses (each must be in the
/// pronunciation dictionary, or compiling fails inside PocketSphinx with only a log line).
struct VoiceGrammarSource: Sendable, Hashable {
    let jsgf: String
    let words: [String]

    init(_ grammar: VoiceGrammar) throws(ParleyError) {
        switch grammar {
        case .jsgf(let text):
            jsgf = text
            words = Self.words(inJSGF: text)
            guard !words.isEmpty else {
                throw ParleyError(.invalidArgument, "the grammar defines no rule with words (expected JSGF: \"#JSGF V1.0; grammar g; public <r> = yes | no;\")")
            }
        case .phrases(let phrases):
            var alternatives: [String] = []
            var seen: Set<String> = []
            var allWords: [String] = []
            for phrase in phrases {
                let phraseWords = Self.normalizedWords(phrase)
                guard !phraseWords.isEmpty else {
                    throw ParleyError(.invalidArgument, "the phrase \"\(phrase)\" has no words")
                }
                let joined = phraseWords.joined(separator: " ")
                if seen.insert(joined).inserted {
                    alternatives.append(joined)
                    allWords.append(contentsOf: phraseWords)
                }
            }
            jsgf = "#JSGF V1.0;\ngrammar parley;\npublic <phrase> = " + alternatives.joined(separator: " | ") + ";\n"
            words = allWords
        }
    }

    /// Lower-cased words of a phrase: letters, digits and apostrophes ("don't"); anything else
    /// separates words ("book a viewing!" → book, a, viewing).
    static func normalizedWords(_ phrase: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in phrase.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "'" {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// The words (terminals) of a JSGF grammar's rule definitions: comments, the header,
    /// rule names `<...>`, tags `{...}`, weights `/.../` and operators left out; quoted tokens
    /// split into their words.
    static func words(inJSGF text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var words: [String] = []
        var seen: Set<String> = []
        var i = 0
        var inRuleBody = false
        var current = String.UnicodeScalarView()
        func flush() {
            if inRuleBody && !current.isEmpty {
                let word = String(current)
                if seen.insert(word).inserted { words.append(word) }
            }
            current = String.UnicodeScalarView()
        }
        func skip(until end: Unicode.Scalar) {
            i += 1
            while i < scalars.count && scalars[i] != end { i += 1 }
        }
        while i < scalars.count {
            let c = scalars[i]
            if c == "/" && i + 1 < scalars.count && scalars[i + 1] == "/" {
                flush()
                while i < scalars.count && scalars[i] != "\n" { i += 1 }
            } else if c == "/" && i + 1 < scalars.count && scalars[i + 1] == "*" {
                flush()
                i += 2
                while i + 1 < scalars.count && !(scalars[i] == "*" && scalars[i + 1] == "/") { i += 1 }
                i += 1
            } else if c == "<" {
                flush(); skip(until: ">")
            } else if c == "{" {
                flush(); skip(until: "}")
            } else if c == "/" {
                flush(); skip(until: "/")
            } else if c == "=" {
                flush(); inRuleBody = true
            } else if c == ";" {
                flush(); inRuleBody = false
            } else if c == "\"" {
                flush()
            } else if c.properties.isWhitespace || "|()[]*+".unicodeScalars.contains(c) {
                flush()
            } else {
                current.append(c)
            }
            i += 1
        }
        flush()
        return words
    }
}
