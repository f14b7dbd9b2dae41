/// Options of the sentiment stage.
public struct SentimentOptions: Sendable, Equatable {
    /// How much an emoji counts relative to a word of the same rated strength.
    public var emojiWeight: Double = 1.5
    public init() {}
}

/// How a message feels: VADER's compound score, how strongly it is felt, and how urgent it is.
public struct Sentiment: Sendable, Equatable {
    /// In [-1, 1]: VADER's compound normalization of the summed valences.
    public var score: Double
    /// "positive" (score ≥ 0.05), "negative" (score ≤ -0.05) or "neutral".
    public var label: String
    /// In [0, 1]: how strongly felt, regardless of sign (mixed feelings do not cancel out).
    public var intensity: Double
    /// In [0, 1]: how urgently the sender needs an answer, from the cues found.
    public var urgency: Double
    /// The urgency cues found, in the order they appear ("asap", "water everywhere", a situation
    /// by its words: "power is out"), then emphasis ("!!!", "caps"). A calm message ("not urgent",
    /// "no rush") lists only its situations.
    public var urgencyCues: [String]
    /// Whether the message reads as sarcastic ("great, the water is off AGAIN 🙃"); its positive
    /// words then count against it.
    public var sarcasm: Bool = false

    /// {"score","label","intensity","urgency","urgencyCues"}, numbers rounded to 3 decimals, and
    /// "sarcasm": true only when sarcasm was detected.
    public var json: JSONValue {
        var object = JSONObject()
        object.append("score", .double(Self.round3(score)))
        object.append("label", .string(label))
        object.append("intensity", .double(Self.round3(intensity)))
        object.append("urgency", .double(Self.round3(urgency)))
        object.append("urgencyCues", .array(urgencyCues.map { .string($0) }))
        if sarcasm { object.append("sarcasm", .bool(true)) }
        return .object(object)
    }

    static func round3(_ x: Double) -> Double {
        let r = (x * 1000).rounded() / 1000
        return r == 0 ? 0 : r  // no "-0"
    }
}

/// A VADER-style rule-based sentiment scorer (Hutto & Gilbert 2014) tuned for tenants' WhatsApp
/// messages: VADER's lexicon and rules (boosters, negation, "but", caps, "!"), plus
/// property-management and French/Swahili/Kinyarwanda/Arabic words, phrases, emoji scores
/// from the Emoji Sentiment Ranking, elongated words, sarcasm cues and an urgency estimate.
/// Stateless and `Sendable`; the tables are built once, at first use.
public struct SentimentAnalyzer: Sendable {
    public let options: SentimentOptions

    public init(options: SentimentOptions = SentimentOptions()) throws(ParleyError) {
        guard options.emojiWeight.isFinite, options.emojiWeight >= 0, options.emojiWeight <= 10 else {
            throw ParleyError(.invalidConfig, "sentiment emojiWeight must be a number from 0 to 10, got \(options.emojiWeight)")
        }
        self.options = options
    }

    public func analyze(_ text: String) -> Sentiment {
        let tables = SentimentTables.shared
        var scan = SentimentScanner(tables: tables)
        scan.scan(text)
        return scan.buf.withUnsafeBufferPointer { buf in
            score(scan, buf: buf, tables: tables)
        }
    }

    // VADER's empirically derived constants.
    static let boosterIncrement = 0.293
    static let capsIncrement = 0.733
    static let negationScalar = -0.74

    private func score(_ scan: SentimentScanner, buf: UnsafeBufferPointer<UInt8>, tables: SentimentTables) -> Sentiment {
        let tokens = scan.tokens
        let n = tokens.count
        var entries = [SentimentEntry](repeating: SentimentEntry(), count: n)
        var emphasized = [Bool](repeating: false, count: n)
        /// Tokens a lexicon phrase took ("no water", "fed up").
        var inPhrase = [Bool](repeating: false, count: n)

        // 1. Resolve each token, longest phrase first.
        var i = 0
        while i < n {
            let token = tokens[i]
            if token.isEmoji { i += 1; continue }
            let word = UnsafeBufferPointer(rebasing: buf[token.range])
            var entry = tables.words.value(for: word) ?? SentimentEntry()
            if !entry.isUseful, token.elongated, let collapsed = tables.collapsedLookup(word) {
                entry = collapsed
                emphasized[i] = true
            }
            if !entry.isUseful, let stripped = SentimentTables.withoutArabicPrefix(word, in: tables.words, where: { $0.isUseful }) {
                entry = stripped
                entry.phraseMax = 0
            }
            if entry.phraseMax >= 2 {
                var length = min(Int(entry.phraseMax), n - i)
                while length >= 2 {
                    let last = i + length - 1
                    if tokens[i..<last].contains(where: { $0.clauseEnd || $0.isEmoji }) || tokens[last].isEmoji { length -= 1; continue }
                    if let phrase = tables.words.value(for: UnsafeBufferPointer(rebasing: buf[token.range.lowerBound..<tokens[last].range.upperBound])),
                       phrase.hasValence || phrase.degree != 0 {
                        entry = phrase
                        entry.negator = false
                        entries[i] = entry
                        for k in i..<(i + length) { inPhrase[k] = true }
                        i += length
                        break
                    }
                    length -= 1
                }
                if length >= 2 { continue }
            }
            if token.hasNegatingApostrophe { entry.negator = true }
            entries[i] = entry
            i += 1
        }

        // Afrikaans "die" (the) and "nag" (night) are not English "die" and "nag": in a message
        // with an Afrikaans function word ("ek", "nie", "vir", "hoeveel", …) they carry nothing.
        Self.silenceAfrikaansHomographs(tokens: tokens, buf: buf, entries: &entries)
        // Urgency cues and situations (they do not depend on the sentiment): a situation the
        // lexicon has no word for ("the power is out", "umuriro wabuze") lends its problem word
        // a negative valence, so the message reads as the problem it reports.
        let urgency = findUrgency(tokens: tokens, buf: buf, tables: tables)
        /// Valences a cue lent after reading its own negation ("pas d'eau", "can't lock the
        /// flat"): the negator before them must not turn them again.
        var negationRead = [Bool](repeating: false, count: n)
        for cue in urgency.cues where cue.valence != 0 {
            let span = cue.valenceSpan
            if span.contains(where: { inPhrase[$0] || (entries[$0].hasValence && entries[$0].valence != 0) || entries[$0].degree != 0 }) { continue }
            var at = cue.valenceAt
            if entries[at].negator {
                // A cue opening with its negator ("pas d'eau", "nta mazi"): the word it negates.
                guard let last = span.last, last != at, !entries[last].negator else { continue }
                at = last
                negationRead[at] = true
            } else if cue.negationRead {
                negationRead[at] = true
            }
            entries[at].valence = cue.valence
            entries[at].hasValence = true
        }

        // A negator that negates the next word does not also count on its own ("no problem"),
        // nor before an urgency word ("no hurry").
        for i in 0..<n where entries[i].negator && entries[i].hasValence {
            if i + 1 < n, !tokens[i].clauseEnd, (entries[i + 1].hasValence && entries[i + 1].degree == 0) || entries[i + 1].urgencyWord {
                entries[i].hasValence = false
            }
        }

        // 2. Valence of each sentiment-bearing token (VADER's sentiment_valence).
        let capDiff = scan.casedWords > 0 && scan.capsWords > 0 && scan.capsWords < scan.casedWords
        var valences = [Double](repeating: 0, count: n)
        var contrastAt = -1
        for i in 0..<n {
            let token = tokens[i]
            if token.isEmoji {
                valences[i] = Double(token.emojiValence) * options.emojiWeight
                continue
            }
            let entry = entries[i]
            if entry.contrast && contrastAt < 0 { contrastAt = i }
            guard entry.hasValence, entry.degree == 0 else { continue }
            var v = Double(entry.valence)
            // An acknowledgment opening a clause ("ok, I'll wait", "fine by me") or in a clause
            // naming a time ("tomorrow 3pm ok", "Saturday is fine") agrees, it does not praise.
            if entry.acknowledgment && Self.agrees(i, tokens: tokens, buf: buf, tables: tables) { continue }
            // A word neutral in this domain ("help") keeps VADER's valence under negation ("no help").
            if v == 0 && entry.negatedValence != 0 && Self.isNegated(i, tokens: tokens, entries: entries) { v = Double(entry.negatedValence) }
            if v == 0 { continue }
            if token.isUpper && capDiff { v += v > 0 ? Self.capsIncrement : -Self.capsIncrement }
            if emphasized[i] { v += v > 0 ? Self.boosterIncrement : -Self.boosterIncrement }
            var negated = false
            var k = 1
            while k <= 3, i - k >= 0 {
                let j = i - k
                if tokens[j].clauseEnd || tokens[j].isEmoji { break }
                let before = entries[j]
                if !before.hasValence, before.degree == 1 || before.degree == -1 {
                    var s = Self.boosterIncrement * Double(before.degree)
                    if v < 0 { s = -s }
                    if tokens[j].isUpper && capDiff { s += v > 0 ? Self.capsIncrement : -Self.capsIncrement }
                    v += s * (k == 1 ? 1 : k == 2 ? 0.95 : 0.9)
                }
                if before.negator { negated = true }
                k += 1
            }
            // "not urgent", "no emergency": the absence of an urgency is not a good thing, only no bad one.
            if negated && !negationRead[i] { v = entry.urgencyWord ? 0 : v * Self.negationScalar }
            // Degree words after the word: "nzuri sana", "byiza cyane".
            var j = i + 1
            while j < n, j <= i + 2, !tokens[j - 1].clauseEnd, entries[j].degree == 2 || entries[j].degree == -2 {
                var s = Self.boosterIncrement * Double(entries[j].degree / 2)
                if v < 0 { s = -s }
                v += s
                j += 1
            }
            valences[i] = v
        }

        // A plea for speed beside a vulnerable person ("we have a small baby, please do it fast",
        // "my mum is sick, hurry") is distress the words do not name: with no sentiment word, the
        // circumstance carries a mild negative. Not a question ("a school near for the kids? asap").
        let asksSpeed = urgency.cues.contains { $0.weight > 0 && $0.kind == .speed }
        let circumstance = urgency.cues.first { $0.weight > 0 && $0.kind == .context }
        if let circumstance, asksSpeed, scan.questions == 0, urgency.calm == 0, !valences.contains(where: { $0 != 0 }) {
            valences[circumstance.position] = Double(Self.pleaValence)
        }

        // 🙏 is a plea as often as thanks: its warmth is the words'. Beside a problem, an apology
        // or a bare request ("please send the receipt 🙏", "sorry, rent will be late 🙏") it is
        // politeness, not praise; alone or with thanks it stays warm.
        if tokens.contains(where: { $0.pleading }) {
            var words = false, positive = false
            var negative = urgency.cues.contains { $0.weight > 0 && $0.kind == .situation }
            for i in 0..<n where !tokens[i].isEmoji {
                words = true
                if valences[i] > 0 { positive = true } else if valences[i] < 0 { negative = true }
            }
            if words && (negative || !positive) {
                for i in 0..<n where tokens[i].pleading { valences[i] = 0 }
            }
        }

        // 3. Contrast: the clause after "but" weighs more than the one before it.
        if contrastAt >= 0 {
            for i in 0..<n where i != contrastAt {
                valences[i] *= i < contrastAt ? 0.5 : 1.5
            }
        }

        // 4. Sarcasm: the positive words count against the message (as a negation would); with
        // none to turn ("/s" alone), a mild negative.
        let sarcastic = SarcasmDetector.detect(tokens: tokens, buf: buf, valences: valences, hasContrast: contrastAt >= 0,
                                               marker: scan.sarcasmMarker, table: tables.sarcasm)
        var sum = 0.0
        var absoluteSum = 0.0
        if sarcastic {
            var turned = false
            for i in 0..<n where valences[i] > 0 {
                valences[i] *= Self.negationScalar
                turned = true
            }
            if !turned { sum = -1; absoluteSum = 1 }
        }

        // 5. Compound score, VADER's normalization, and punctuation emphasis.
        for v in valences { sum += v; absoluteSum += abs(v) }
        var amplifier = Double(min(scan.exclamations, 4)) * 0.292
        if scan.questions > 1 { amplifier += scan.questions <= 3 ? Double(scan.questions) * 0.18 : 0.96 }
        if sum > 0 { sum += amplifier } else if sum < 0 { sum -= amplifier }
        let compound = Self.normalize(sum)
        let intensity = absoluteSum > 0 ? Self.normalize(absoluteSum + amplifier) : 0
        let label = compound >= 0.05 ? "positive" : compound <= -0.05 ? "negative" : "neutral"

        // 6. Urgency: the cues found, a calm statement ("not urgent", "no rush") dropping the
        // requests for speed and the emphasis and weakening the situations (by half its calm:
        // urgency is about the situation, and a gas smell stays urgent however calmly reported).
        var cues: [String] = []
        var calm = 1.0
        let calming = urgency.calm > 0
        // A request alone in a positive message is thanks for help, not a plea for it.
        let pleas = compound < 0.05 || urgency.cues.contains { $0.weight > 0 && $0.kind != .request && $0.kind != .context && $0.kind != .now }
        // Urgency comes from situations: a circumstance (a baby, the night, the cold) counts only
        // beside one, and a word asking for speed weighs half in a message that reports none
        // ("is there visitor parking? asap", "third time I ask, fix it asap").
        // Distress emoji (😭 😩 😱 🆘 …) beside a negative message stand for the situation it does
        // not spell out ("we are in the dark 😭", "stuck outside 😩😩"): its circumstances count
        // and the emoji press it (repeated or 🆘 more). Only beside a cue of some problem, never
        // in a message with a positive word (tears of joy) or a joke.
        let distress = Self.distressLevel(tokens: tokens)
        let distressed = distress > 0 && compound <= -0.05 && !sarcastic
            && urgency.cues.contains { $0.weight > 0 && $0.kind != .calm } && !valences.contains { $0 > 0 }
        let situation = urgency.cues.contains { $0.weight > 0 && $0.kind == .situation } || distressed
        // A repairer sent for, or a vulnerable person named beside a plea for speed, stands for
        // the problem a follow-up does not repeat: "SEND PLUMBER NOW NOW", "I have small kids,
        // please hurry". Speed then weighs in full and the circumstance counts; a question is
        // no plea ("a school near for the kids? asap"), nor is thanks ("he came now now, thanks").
        let pressed = situation || (asksSpeed && scan.questions == 0 && compound < 0.05
            && urgency.cues.contains { $0.kind == .trade || ($0.weight > 0 && $0.kind == .context) })
        if distressed && !calming {
            cues.append("distress emoji")
            calm *= 1 - (distress >= 2 ? 0.5 : 0.4)
        }
        for cue in urgency.cues where cue.weight > 0 {
            if calming && cue.kind != .situation { continue }
            if cue.kind == .request && !pleas { continue }
            if cue.kind == .context && !pressed { continue }
            // "now" presses a problem ("still dripping, now!!"), not a plan ("I'm home now").
            if cue.kind == .now && !pressed && compound > -0.05 { continue }
            let weight = cue.kind == .speed && !pressed ? cue.weight / 2 : cue.weight
            cues.append(cue.name)
            calm *= 1 - weight * (calming ? 1 - urgency.calm / 2 : 1)
        }
        // Emphasis raises urgency only when something is wrong: "I LOVE IT!!!" is not urgent.
        if !calming && (!cues.isEmpty || compound <= -0.05) {
            if scan.maxExclamationRun >= 3 || scan.exclamations >= 4 {
                cues.append("!!!")
                calm *= 1 - 0.2
            } else if scan.maxExclamationRun == 2 || scan.exclamations >= 2 {
                // "!!" presses too, less than "!!!".
                cues.append("!!")
                calm *= 1 - 0.1
            }
            let shouting = capDiff ? scan.longCapsWords >= 1 : scan.longCapsWords >= 2
            if shouting {
                // Shouting with "!!!" is an alarm ("CEILING FALLING!!! COME NOW"), more than either.
                cues.append("caps")
                calm *= 1 - (scan.maxExclamationRun >= 3 || scan.exclamations >= 4 ? 0.25 : 0.15)
            }
        }
        let urgencyScore = cues.isEmpty ? 0 : 1 - calm

        return Sentiment(score: compound, label: label, intensity: intensity, urgency: urgencyScore, urgencyCues: cues, sarcasm: sarcastic)
    }

    /// Whether the acknowledgment at `i` agrees rather than rates: it opens its clause, or a word
    /// of its clause names a time or starts with a digit ("10am").
    static func agrees(_ i: Int, tokens: [SentimentToken], buf: UnsafeBufferPointer<UInt8>, tables: SentimentTables) -> Bool {
        if i == 0 || tokens[i - 1].clauseEnd { return true }
        var lo = i
        while lo > 0, !tokens[lo - 1].clauseEnd { lo -= 1 }
        var hi = i
        while hi < tokens.count - 1, !tokens[hi].clauseEnd { hi += 1 }
        for k in lo...hi where !tokens[k].isEmoji {
            let word = UnsafeBufferPointer(rebasing: buf[tokens[k].range])
            if let first = word.first, first >= 0x30 && first <= 0x39 { return true }
            if tables.words.value(for: word)?.slot == true { return true }
        }
        return false
    }

    /// Whether a negator is in the three words before token `i`, in its clause.
    static func isNegated(_ i: Int, tokens: [SentimentToken], entries: [SentimentEntry]) -> Bool {
        var j = i - 1
        while j >= 0, j >= i - 3 {
            if tokens[j].clauseEnd || tokens[j].isEmoji { return false }
            if entries[j].negator { return true }
            j -= 1
        }
        return false
    }

    /// How much a negated urgency word ("not urgent", "hakuna haraka") calms the message.
    static let negatedUrgencyCalm = 0.6
    /// The valence a situation cue lends its word when the lexicon has none ("smoke", "moshi").
    static let situationValence: Float = -1.5
    /// The valence a plea for speed lends the vulnerable person it names ("a small baby, please hurry").
    static let pleaValence: Float = -1.0

    /// An urgency cue found in a message.
    struct FoundCue {
        var position: Int
        /// The cue's index in the cue table, or -1 - the situation rule's index.
        var key: Int
        var name: String
        var weight: Double
        var kind: UrgencyKind
        /// The cue's words: the valence goes to `valenceAt` when none of them has one.
        var valenceSpan: [Int]
        var valenceAt: Int
        var valence: Float
        /// Whether the cue was found through a negator ("the water is not coming").
        var negationRead = false
    }

    /// The urgency cues and situations of a message, in the order they appear, and how calm it
    /// says it is (0: not at all).
    private func findUrgency(tokens: [SentimentToken], buf: UnsafeBufferPointer<UInt8>, tables: SentimentTables) -> (cues: [FoundCue], calm: Double) {
        let n = tokens.count
        var found: [FoundCue] = []
        var calm = 0.0
        var taken = [Bool](repeating: false, count: n)
        func bytes(_ k: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: buf[tokens[k].range]) }
        func text(_ lo: Int, _ hi: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: buf[tokens[lo].range.lowerBound..<tokens[hi].range.upperBound]), as: UTF8.self)
        }
        func isNegator(_ k: Int) -> Bool {
            !tokens[k].isEmoji && (tokens[k].hasNegatingApostrophe || tables.words.value(for: bytes(k))?.negator == true)
        }
        /// A negator in the three words before `i`, in its clause and not part of another cue.
        func negated(_ i: Int) -> Bool {
            var j = i - 1
            while j >= 0, j >= i - 3 {
                if tokens[j].clauseEnd || tokens[j].isEmoji || taken[j] { return false }
                if isNegator(j) { return true }
                j -= 1
            }
            return false
        }

        // Words and phrases, longest phrase first.
        var i = 0
        while i < n {
            if tokens[i].isEmoji { i += 1; continue }
            let word = bytes(i)
            var matched: (cue: Int, length: Int)? = nil
            if let entry = tables.urgency.value(for: word) {
                if entry.cue >= 0 { matched = (Int(entry.cue), 1) }
                if entry.phraseMax >= 2 {
                    var length = min(Int(entry.phraseMax), n - i)
                    while length >= 2 {
                        let last = i + length - 1
                        if !tokens[i..<last].contains(where: { $0.clauseEnd || $0.isEmoji }), !tokens[last].isEmoji,
                           let phrase = tables.urgency.value(for: UnsafeBufferPointer(rebasing: buf[tokens[i].range.lowerBound..<tokens[last].range.upperBound])),
                           phrase.cue >= 0 {
                            matched = (Int(phrase.cue), length)
                            break
                        }
                        length -= 1
                    }
                }
            } else if let entry = SentimentTables.withoutArabicPrefix(word, in: tables.urgency, where: { $0.cue >= 0 }) {
                matched = (Int(entry.cue), 1)
            }
            guard let (cue, length) = matched else { i += 1; continue }
            for k in i..<(i + length) { taken[k] = true }
            let weight = tables.cueWeights[cue]
            let kind = tables.cueKinds[cue]
            if weight > 0 || kind == .trade {  // a weight of 0 silences a phrase ("maji ya moto" is hot water)
                if kind == .calm {
                    calm = max(calm, weight)
                } else if (kind == .word || kind == .speed) && negated(i) {
                    calm = max(calm, Self.negatedUrgencyCalm)
                } else if kind == .request && negated(i) {
                    // "they did not help", "no help from the agency": a complaint, not a plea.
                } else if !found.contains(where: { $0.key == cue }) {
                    found.append(FoundCue(position: i, key: cue, name: tables.cueNames[cue], weight: weight, kind: kind,
                                          valenceSpan: Array(i..<(i + length)), valenceAt: i,
                                          valence: kind == .situation ? Self.situationValence : 0))
                }
            }
            i += length
        }

        // Situations: a thing and what is wrong with it ("the power is out", "el maya ma2to3a"),
        // at most five words apart in one clause, in either order, each rule once.
        var roles = [SituationEntry?](repeating: nil, count: n)
        var anyThing = false
        for k in 0..<n where !tokens[k].isEmoji && !taken[k] {
            let word = bytes(k)
            roles[k] = tables.situations.value(for: word) ?? SentimentTables.withoutArabicPrefix(word, in: tables.situations, where: { _ in true })
            if roles[k]?.things ?? 0 != 0 { anyThing = true }
        }
        if anyThing {
            var pairs: [FoundCue] = []
            var used: UInt32 = 0
            for i in 0..<n {
                guard let thing = roles[i], thing.things & ~used != 0 else { continue }
                for j in max(0, i - 5)...min(n - 1, i + 5) where j != i {
                    guard let state = roles[j], thing.things & ~used != 0 else { continue }
                    let afterNegator = j > 0 && j - 1 != i && isNegator(j - 1)
                    // French and Lingala negate after the verb: "le groupe ne démarre pas", "ezali kosala te".
                    let beforeNegator = !afterNegator && j + 1 < n && j + 1 != i && !tokens[j].clauseEnd && roles[j + 1]?.postNegator == true
                    let rules = thing.things & ~used & (state.states | (j > i ? state.afterStates : 0)
                        | (afterNegator || beforeNegator ? state.negatedStates : 0))
                    guard rules != 0 else { continue }
                    let lo = min(i, j), hi = max(i, j)
                    if tokens[lo..<hi].contains(where: { $0.clauseEnd }) { continue }
                    // "switch off the power", "the water bill": not a situation.
                    var blocked = false
                    var k = hi
                    while k >= 0, k >= lo - 2 {
                        if k < lo && tokens[k].clauseEnd { break }
                        if roles[k]?.blocker == true { blocked = true; break }
                        k -= 1
                    }
                    if blocked { continue }
                    let rule = rules.trailingZeroBitCount
                    used |= 1 << UInt32(rule)
                    let byNegation = (state.states | state.afterStates) & (1 << UInt32(rule)) == 0
                    let start = byNegation && !beforeNegator && j - 1 < lo ? j - 1 : lo
                    let end = byNegation && beforeNegator && j + 1 > hi ? j + 1 : hi
                    // A negated state ("not coming") lends its valence to the thing, where no negator turns it.
                    pairs.append(FoundCue(position: start, key: -1 - rule, name: text(start, end), weight: tables.situationWeights[rule],
                                          kind: .situation, valenceSpan: [i, j], valenceAt: byNegation ? i : j,
                                          valence: tables.situationValences[rule], negationRead: byNegation))
                }
            }
            if !pairs.isEmpty {
                found = (found + pairs).enumerated().sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }.map(\.element)
            }
        }
        return (found, calm)
    }

    /// Afrikaans function words that are English sentiment words.
    static let afrikaansHomographs: Set<String> = ["die", "nag", "nagte"]
    /// Words that mark a message as Afrikaans (not English, not Dutch-looking English typos).
    static let afrikaansMarkers: Set<String> = [
        "ek", "jy", "julle", "nie", "nog", "vir", "het", "hoeveel", "dankie", "asseblief", "asb", "woonstel",
        "huur", "beskikbaar", "goeie", "môre", "wanneer", "betaal", "baie", "kos", "ons", "hoe", "wat", "waar",
        "kan", "sal", "moet", "nagte", "verwysing", "huis", "kamer", "kom", "ook", "van", "en", "met", "graag",
    ]

    /// Silences "die" / "nag" when at least two other words of the message are Afrikaans
    /// markers (one alone may be English: "van", "kan", "ons").
    static func silenceAfrikaansHomographs(tokens: [SentimentToken], buf: UnsafeBufferPointer<UInt8>, entries: inout [SentimentEntry]) {
        var homographs: [Int] = []
        for (k, token) in tokens.enumerated() where !token.isEmoji && token.range.count <= 5 {
            let b = buf[token.range]
            let first = b.first ?? 0
            guard first == 0x64 || first == 0x6E || first == 0x44 || first == 0x4E else { continue }  // d, n
            if afrikaansHomographs.contains(String(decoding: UnsafeBufferPointer(rebasing: b), as: UTF8.self).lowercased()) {
                homographs.append(k)
            }
        }
        guard !homographs.isEmpty else { return }
        var markers = Set<String>()
        for (k, token) in tokens.enumerated() where !token.isEmoji && !homographs.contains(k) && token.range.count <= 12 {
            let word = String(decoding: UnsafeBufferPointer(rebasing: buf[token.range]), as: UTF8.self).lowercased()
            if afrikaansMarkers.contains(word) { markers.insert(word) }
        }
        // Only "nagte" (nights) and a second homograph are Afrikaans enough on their own.
        let strong = markers.count >= 2 || (markers.count == 1 && homographs.count >= 2)
        guard strong else { return }
        for k in homographs { entries[k].valence = 0; entries[k].hasValence = false }
    }

    /// Distress emoji in a message: 0 none, 1 one, 2 repeated or 🆘.
    static func distressLevel(tokens: [SentimentToken]) -> Int {
        var count = 0
        for token in tokens where token.isEmoji { count += Int(token.distress) }
        return min(count, 2)
    }

    /// VADER's normalization of a valence sum into (-1, 1), alpha 15.
    static func normalize(_ score: Double) -> Double {
        let n = score / (score * score + 15).squareRoot()
        return min(1, max(-1, n))
    }
}

/// What the tables say about one word or phrase.
struct SentimentEntry: Sendable {
    var valence: Float = 0
    var hasValence = false
    /// 1 raises / -1 lowers the next sentiment word; 2 / -2 the previous one.
    var degree: Int8 = 0
    var negator = false
    var contrast = false
    /// An urgency word ("urgent", "emergency"): negated, it means no urgency, which is neutral.
    var urgencyWord = false
    /// An acknowledgment ("ok", "okay", "fine"): neutral when it agrees (`agrees`).
    var acknowledgment = false
    /// A word naming a time or a day ("tomorrow", "saturday", "pm"): a slot agreed to.
    var slot = false
    /// For a word of valence 0: its valence under a negator, which the negation then turns
    /// ("help" 0, but "no help" is VADER's 1.7 × -0.74).
    var negatedValence: Float = 0
    /// The longest phrase (in words) starting with this word, 0 if none.
    var phraseMax: UInt8 = 0

    var isUseful: Bool { hasValence || degree != 0 || negator || contrast || phraseMax > 0 }
}

struct UrgencyEntry: Sendable {
    var cue: Int32 = -1
    var phraseMax: UInt8 = 0
}

/// What an urgency cue is: a situation ("water everywhere", "smoke"), an urgency word ("urgent",
/// "dharura": negated, it calms), a word asking for speed ("asap", "haraka", "vite": negated it
/// calms too, and in a message that reports no situation it weighs half: "is there visitor
/// parking? asap"), a request for help ("help"), a calm statement ("no rush", "whenever
/// you can"), or a circumstance that makes a situation worse (a baby, children, the night,
/// freezing weather: "the power is out and we have a newborn"), which counts only beside one,
/// or a word pressing a problem ("now", "daba"), which counts beside one or in a negative message;
/// or a repairer sent for ("plumber", "fundi"), no cue itself, beside which speed is pressed in
/// full and "now" counts ("SEND PLUMBER NOW NOW").
enum UrgencyKind: UInt8, Sendable {
    case situation, word, speed, request, calm, context, now, trade
}

/// A word's roles in the situation rules: bit r of `things` / `states` for rule r; a negated
/// state counts only right after a negator ("not coming"), an after-state only after its thing
/// ("the power is out"); a blocker cancels a rule around it.
struct SituationEntry: Sendable {
    var things: UInt32 = 0
    var states: UInt32 = 0
    var negatedStates: UInt32 = 0
    /// States that count only after their thing ("the power is out").
    var afterStates: UInt32 = 0
    var blocker = false
    /// A negator that follows what it negates (French "pas", Lingala "te"): a negated state counts right before it.
    var postNegator = false
}

/// The parsed tables, shared by every analyzer.
final class SentimentTables: Sendable {
    static let shared = SentimentTables()

    let words: ByteTable<SentimentEntry>
    let urgency: ByteTable<UrgencyEntry>
    let cueNames: [String]
    let cueWeights: [Double]
    let cueKinds: [UrgencyKind]
    let situations: ByteTable<SituationEntry>
    let situationWeights: [Double]
    let situationValences: [Float]
    /// Emoji scalar → valence on the lexicon's scale (before the emoji weight).
    let emoji: [UInt32: Float]
    let sarcasm: ByteTable<SarcasmEntry>

    init() {
        sarcasm = SarcasmEntry.table()
        var words = ByteTable<SentimentEntry>(minimumCapacity: 8300)
        func addPhrasePrefix(_ key: String, into table: inout ByteTable<SentimentEntry>) {
            let parts = key.split(separator: " ")
            guard parts.count >= 2, parts.count <= 4 else { return }
            table.update(String(parts[0]), initial: SentimentEntry()) { $0.phraseMax = max($0.phraseMax, UInt8(parts.count)) }
        }
        // VADER's lexicon: keys lower-cased (VADER lower-cases tokens, so its few upper-case
        // emoticons such as ":D" only ever matched in lower case); the first entry of a key wins.
        forEachTableLine(SentimentData.vaderLexicon) { fields in
            guard fields.count >= 2, let value = Float(fields[1]) else { return }
            let key = fields[0].lowercased()
            words.update(key, initial: SentimentEntry()) { entry in
                if !entry.hasValence { entry.valence = value; entry.hasValence = true }
            }
            addPhrasePrefix(key, into: &words)
        }
        forEachTableLine(SentimentData.additions) { fields in
            guard fields.count >= 2, let value = Float(fields[1]) else { return }
            let key = String(fields[0])
            let negated = fields.count >= 3 ? Float(fields[2]) ?? 0 : 0
            words.update(key, initial: SentimentEntry()) { $0.valence = value; $0.hasValence = true; $0.negatedValence = negated }
            addPhrasePrefix(key, into: &words)
        }
        forEachTableLine(SentimentData.acknowledgments) { fields in
            words.update(String(fields[0]), initial: SentimentEntry()) { $0.acknowledgment = true }
        }
        forEachTableLine(SentimentData.slotWords) { fields in
            words.update(String(fields[0]), initial: SentimentEntry()) { $0.slot = true }
        }
        forEachTableLine(SentimentData.degreeWords) { fields in
            guard fields.count >= 2 else { return }
            let degree: Int8 = switch fields[1] { case "+": 1; case "-": -1; case "+>": 2; case "->": -2; default: 0 }
            let key = String(fields[0])
            words.update(key, initial: SentimentEntry()) { $0.degree = degree }
            addPhrasePrefix(key, into: &words)
        }
        forEachTableLine(SentimentData.negators) { fields in
            words.update(String(fields[0]), initial: SentimentEntry()) { $0.negator = true }
        }
        forEachTableLine(SentimentData.contrastWords) { fields in
            words.update(String(fields[0]), initial: SentimentEntry()) { $0.contrast = true }
        }

        var urgency = ByteTable<UrgencyEntry>(minimumCapacity: 400)
        var cueNames: [String] = []
        var cueWeights: [Double] = []
        var cueKinds: [UrgencyKind] = []
        forEachTableLine(SentimentData.urgencyCues) { fields in
            guard fields.count >= 2, let weight = Double(fields[1]) else { return }
            let key = String(fields[0])
            let kind: UrgencyKind = switch fields.count >= 3 ? fields[2] : "" {
            case "": .situation
            case "word": .word
            case "speed": .speed
            case "request": .request
            case "context": .context
            case "now": .now
            case "calm": .calm
            case "trade": .trade
            default: preconditionFailure("urgencyCues: unknown kind \(fields[2])")
            }
            let index = Int32(cueNames.count)
            cueNames.append(key)
            cueWeights.append(weight)
            cueKinds.append(kind)
            urgency.update(key, initial: UrgencyEntry()) { $0.cue = index }
            let parts = key.split(separator: " ")
            if parts.count >= 2 {
                urgency.update(String(parts[0]), initial: UrgencyEntry()) { $0.phraseMax = max($0.phraseMax, UInt8(min(parts.count, 4))) }
            } else if kind == .word || kind == .speed {
                words.update(key, initial: SentimentEntry()) { $0.urgencyWord = true }
            }
        }
        self.words = words
        self.urgency = urgency
        self.cueNames = cueNames
        self.cueWeights = cueWeights
        self.cueKinds = cueKinds

        var situations = ByteTable<SituationEntry>(minimumCapacity: 400)
        var situationWeights: [Double] = []
        var situationValences: [Float] = []
        forEachTableLine(SentimentData.urgencySituations) { fields in
            guard fields.count == 4, let weight = Double(fields[0]), let valence = Float(fields[1]) else {
                preconditionFailure("urgencySituations: bad line \(fields)")
            }
            let bit = UInt32(1) << UInt32(situationWeights.count)
            precondition(situationWeights.count < 32, "urgencySituations: at most 32 rules")
            situationWeights.append(weight)
            situationValences.append(valence)
            for thing in fields[2].split(separator: "|") {
                situations.update(String(thing), initial: SituationEntry()) { $0.things |= bit }
            }
            for state in fields[3].split(separator: "|") {
                if state.hasSuffix("!") {
                    situations.update(String(state.dropLast()), initial: SituationEntry()) { $0.negatedStates |= bit }
                } else if state.hasSuffix(">") {
                    situations.update(String(state.dropLast()), initial: SituationEntry()) { $0.afterStates |= bit }
                } else {
                    situations.update(String(state), initial: SituationEntry()) { $0.states |= bit }
                }
            }
        }
        forEachTableLine(SentimentData.situationBlockers) { fields in
            situations.update(String(fields[0]), initial: SituationEntry()) { $0.blocker = true }
        }
        forEachTableLine(SentimentData.postNegators) { fields in
            situations.update(String(fields[0]), initial: SituationEntry()) { $0.postNegator = true }
        }
        self.situations = situations
        self.situationWeights = situationWeights
        self.situationValences = situationValences
        var emoji: [UInt32: Float] = [:]

        forEachTableLine(SentimentData.emojiSentimentRanking) { fields in
            guard fields.count >= 2, let scalar = UInt32(fields[0], radix: 16), let score = Float(fields[1]) else { return }
            emoji[scalar] = score * 4
        }
        forEachTableLine(SentimentData.emojiAdditions) { fields in
            guard fields.count >= 2, let scalar = UInt32(fields[0], radix: 16), let value = Float(fields[1]) else { return }
            emoji[scalar] = value
        }
        self.emoji = emoji
    }

    /// Arabic prefixes a word may carry: "and the", "with the", "so the", "like the", "for the",
    /// "the", "and", "so", "with" (longest first).
    private static let arabicPrefixes: [[UInt8]] = ["وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب"].map { Array($0.utf8) }

    /// Looks an Arabic word up without its prefix when the table does not have it as written:
    /// "الحريق", "والكهرباء", "بالمكيف". What remains must have three letters or more.
    static func withoutArabicPrefix<V>(_ word: UnsafeBufferPointer<UInt8>, in table: ByteTable<V>, where accept: (V) -> Bool) -> V? {
        guard word.count >= 8, word[0] == 0xD8 || word[0] == 0xD9 else { return nil }
        for prefix in arabicPrefixes where word.count - prefix.count >= 6 && word.starts(with: prefix) {
            if let value = table.value(for: UnsafeBufferPointer(rebasing: word[prefix.count...])), accept(value) { return value }
        }
        return nil
    }

    /// Looks an elongated word up with its runs of three or more letters cut to two, then to
    /// one: "goooood" → "good", "soooo" → "so", "pleaaase" → "please".
    func collapsedLookup(_ word: UnsafeBufferPointer<UInt8>) -> SentimentEntry? {
        for keep in [2, 1] {
            var collapsed: [UInt8] = []
            collapsed.reserveCapacity(word.count)
            var k = 0
            while k < word.count {
                var run = 1
                while k + run < word.count, word[k + run] == word[k] { run += 1 }
                let copies = run >= 3 ? keep : run
                for _ in 0..<copies { collapsed.append(word[k]) }
                k += run
            }
            if let entry = collapsed.withUnsafeBufferPointer({ words.value(for: $0) }), entry.isUseful { return entry }
        }
        return nil
    }
}
