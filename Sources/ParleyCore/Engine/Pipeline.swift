/// The stages that turn a normalized message into its enrichment. Pure and `Sendable`: it runs
/// on the caller's thread, outside the store's lock, so messages enrich in parallel.

struct Pipeline: Sendable {
    let entities: EntityExtractor
    let dates: DateTimeExtractor
    /// Replaceable at run time (parley_engine_load_intent_model); read once per message.
    let intents: IntentModelSlot
    let intentThreshold: Double
    let sentiment: SentimentAnalyzer

    init(configuration: Configuration) throws(ParleyError) {
        entities = try EntityExtractor(options: configuration.entities)
        dates = try DateTimeExtractor(options: configuration.dates)
        if let path = configuration.intentModelPath {
            do {
                intents = IntentModelSlot(try IntentModel.load(path: path))
            } catch {
                // A missing or unreadable model is a configuration mistake; a damaged one stays .corrupt.
                throw error.kind == .storage ? ParleyError(.invalidConfig, "language.intentModel: \(error)") : error
            }
        } else {
            intents = IntentModelSlot(IntentModel.propertyManagement)
        }
        intentThreshold = configuration.intentThreshold
        sentiment = try SentimentAnalyzer(options: configuration.sentiment)
    }

    /// The entities of text other than a message's own words (what a media reader found),
    /// dates resolved against `reference` (Unix seconds).
    func entities(in text: String, reference: Int64, statistical: Bool, sender: String? = nil) -> [Entity] {
        guard !text.isEmpty else { return [] }
        var found = entities.extract(from: text, statistical: statistical, sender: sender)
        let moments = dates.extract(from: text, reference: reference)
        if !moments.isEmpty { found = EntityResolver.resolve(found + moments) }
        return found
    }

    /// `shed`: features turned off under overload (Degradation); the text path never is.
    func enrich(_ message: Message, shed: [DegradationSettings.Feature] = []) -> Enrichment {
        let text = message.text
        var found = entities.extract(from: text, statistical: !shed.contains(.statistical), sender: message.from)
        // A worker's batch given up on (it ran past core.messageTimeoutMillis) stops between
        // stages: what it finds is dropped, and the stages of a long text take seconds each.
        guard !WorkProgress.isGivenUp else { return Enrichment(entities: found) }
        let moments = dates.extract(from: text, reference: message.timestamp)
        if !moments.isEmpty { found = EntityResolver.resolve(found + moments) }
        var enrichment = Enrichment(entities: found)
        guard !WorkProgress.isGivenUp else { return enrichment }
        // Language, intent and sentiment need words or emoji; a bare photo has neither.
        if text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.isEmojiPresentation }) {
            enrichment.language = LanguageIdentifier.shared.identify(text)
            enrichment.intent = intents.current.predict(text, threshold: intentThreshold)
            enrichment.sentiment = sentiment.analyze(text)
        }
        return enrichment
    }
}

/// The engine's intent model, swappable while messages are being processed.
final class IntentModelSlot: Sendable {
    let model: Guarded<IntentModel>

    init(_ model: IntentModel) {
        self.model = Guarded(model)
    }

    var current: IntentModel {
        model.withLock { $0 }
    }

    func replace(with newModel: IntentModel) {
        model.withLock { $0 = newModel }
    }
}

/// What the stages found. A stage with nothing to say leaves its field nil, and its key is
/// then absent from the context rather than faked.
struct Enrichment: Sendable {
    var entities: [Entity]
    /// Entities past `maxEntities`, dropped from the context.
    var entitiesOmitted = 0
    var language: LanguageGuess?
    var intent: IntentPrediction?
    var sentiment: Sentiment?

    /// A message's context keeps its first entities only: a megabyte of "1 2 3 …" holds half a
    /// million numbers, and each would be stored with the message and handed back (58 MB of
    /// JSON, measured). Real messages name a handful.
    static let maxEntities = 1000

    init(entities: [Entity]) {
        self.entities = entities
        if entities.count > Self.maxEntities {
            entitiesOmitted = entities.count - Self.maxEntities
            self.entities.removeLast(entitiesOmitted)
        }
    }

    /// Appends the language fields of the enriched context; `sentiment` may be decorated
    /// (with the chat's trend) on the way.
    func append(to object: inout JSONObject, sentiment decorate: (JSONValue) -> JSONValue = { $0 }) {
        object.append("entities", .array(entities.map(\.json)))
        if entitiesOmitted > 0 { object.append("entitiesOmitted", .int(Int64(entitiesOmitted))) }
        if let language { object.append("language", language.json) }
        if let intent { object.append("intent", intent.json) }
        if let sentiment { object.append("sentiment", decorate(sentiment.json)) }
    }

    var json: JSONValue {
        var object = JSONObject()
        append(to: &object)
        return .object(object)
    }
}

extension Enrichment {
    /// Entity types that name what a thread is about.
    static let referenceTypes: Set<String> = ["unit", "property"]

    /// A fragment has a detail (an entity) and at most this many other words, or is a message
    /// of no more than `shortWords` the classifier could not place ("Claudine Mukamana",
    /// "confirm pls"): either adds to the request at hand.
    static let fragmentWords = 2
    static let shortWords = 3

    /// Words that chase a request rather than take its next step ("why no confirmation yet",
    /// "still not fixed"): with a negative mood, the message presses the request at hand.
    static let chaseWords: Set<String> = ["why", "still", "yet", "never", "again", "pourquoi", "toujours", "encore",
                                          "jamais", "bado", "mbona", "لماذا", "ليش", "علاش", "مازال", "باقي", "lmaza", "3lach"]

    /// What threading needs of the findings on `text` (the words the stages read).
    func threadSignals(text: String) -> ThreadSignals {
        var signals = ThreadSignals()
        func key(_ reference: Entity) -> String {
            let key = reference.value["id"]?.stringValue ?? reference.value["unit"]?.stringValue
                ?? reference.value["name"]?.stringValue ?? reference.text
            return reference.type + ":" + key.lowercased()
        }
        // A unit reads by its normalized number: the text may be "FLAT. I" or "apt 12".
        func label(_ reference: Entity) -> String {
            let unit = reference.type == "unit" ? reference.value["unit"]?.stringValue.map { "unit " + $0 } : nil
            return reference.value["name"]?.stringValue ?? unit ?? reference.text
        }
        if let first = entities.firstIndex(where: { Self.referenceTypes.contains($0.type) }) {
            let reference = entities[first]
            signals.reference = key(reference)
            signals.referenceLabel = label(reference)
            // The first of each other kind: the unit of "Kacyiru Heights, unit 4B"; a second of
            // a kind named is another subject ("B7 owes rent, and B9's roof leaks").
            for other in entities[(first + 1)...] where Self.referenceTypes.contains(other.type) {
                let named = key(other)
                if !signals.references.contains(where: { ThreadTracker.kind(of: $0) == ThreadTracker.kind(of: named) }) {
                    signals.otherReferences.append(named)
                } else if !signals.references.contains(named) {
                    signals.moreReferences.append((named, label(other)))
                }
            }
        }
        signals.entities = entities.map { ($0.type, $0.text) }
        signals.times = entities.compactMap { $0.type == "datetime" ? $0.value["timestamp"]?.int64Value : nil }
        if let intent {
            signals.intent = intent.name
            signals.intentConfidence = intent.confidence
            signals.alternatives = intent.alternatives
        }
        let unplaced = intent?.name == IntentModel.unknownName
        if !entities.isEmpty || unplaced {
            let count = Self.countWords(text, outside: entities)
            signals.fragment = !entities.isEmpty && count.others <= Self.fragmentWords
                || unplaced && count.words > 0 && count.words <= Self.shortWords
            signals.bare = !entities.isEmpty && count.others == 0
            // One word nobody placed and no detail: as likely thanks or "ok" in a language the
            // classifier does not know ("Dalu") as a detail of the request.
            signals.lone = unplaced && entities.isEmpty && count.words == 1 && count.lettered
        }
        signals.sentiment = sentiment?.score
        signals.urgency = sentiment?.urgency ?? 0
        // Only a negative message can chase with a chase word: the tokenizer runs for those alone.
        // A short question asking for news chases in any mood, unless it reads as a greeting
        // ("amakuru?", "habari gani?" greet before they ask for news).
        signals.asks = Self.hasQuestionMark(text)
        signals.chases = (signals.sentiment ?? 0) < 0 && Self.containsWord(hashedAs: Self.chaseHashes, in: text)
            || !Self.greetingIntents.contains(intent?.name ?? "") && Self.asksForNews(text, question: signals.asks)
        return signals
    }

    /// Words asking how a request stands: news, an update, its status or progress ("any
    /// updates??", "des nouvelles ?", "habari yoyote?", "amakuru mashya?", "أي جديد؟", "chi jdid?").
    static let newsWords: Set<String> = [
        "news", "update", "updates", "status", "progress", "feedback",
        "nouvelles", "nouveau", "nouveautés", "avancement", "suivi", "statut",
        "habari", "taarifa", "maendeleo",
        "amakuru", "mashya", "bigeze",
        "أخبار", "اخبار", "الأخبار", "الاخبار", "جديد", "الجديد", "مستجدات", "المستجدات", "تحديث", "تحديثات", "تطورات",
        "akhbar", "jdid", "jadid", "jdida",
    ]
    /// Words that open a question without a question mark ("any update", "kuna habari", "hal min jadid").
    static let askingWords: Set<String> = [
        "any", "anything", "what", "whats", "how", "des", "du", "quoi", "quelles", "kuna", "je", "hari", "nta",
        "أي", "اي", "هل", "ما", "شو", "واش", "في", "فيه", "chi", "kayn", "wach", "wash", "hal", "fi", "fih", "ay",
    ]
    /// A question this short asks for news of the request at hand, not about a new one.
    static let newsQuestionWords = 8
    /// Intents whose question is a greeting's, not a chase ("amakuru?", "habari gani?").
    static let greetingIntents: Set<String> = ["greeting", "thanks", "goodbye"]

    /// "?", Arabic "؟" or Spanish "¿" anywhere in `text`.
    static func hasQuestionMark(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "?" || $0 == "\u{061F}" || $0 == "\u{00BF}" }
    }

    static func asksForNews(_ text: String) -> Bool {
        asksForNews(text, question: hasQuestionMark(text))
    }

    /// Whether `text` is a short question asking for news (`newsWords`): at most
    /// `newsQuestionWords` words, a question mark (`question`, as `ThreadSignals.asks` found
    /// it) or an asking word first. A scan of scalars over short texts only: it runs on every message.
    static func asksForNews(_ text: String, question: Bool) -> Bool {
        guard text.utf8.count <= 24 * newsQuestionWords else { return false }
        // Most messages have no question mark and open with no asking word: they stop at the
        // first word. Words are compared by their folded hash, never built as strings.
        var hash = Fold.seed, length = 0
        var words = 0, news = false, asking = false
        func ends() {
            guard length > 0 else { return }
            words += 1
            if length <= 12 {
                let folded = Fold.finish(hash)
                news = news || newsHashes.contains(folded)
                if words == 1 { asking = askingHashes.contains(folded) }
            }
            hash = Fold.seed
            length = 0
        }
        for scalar in text.unicodeScalars {
            if words == 1 && !asking && !question { return false }
            if scalar == "'" || scalar == "\u{2019}" {
                continue   // "what's" is one word
            } else if isWordScalar(scalar) {
                let folded = Fold.fold(scalar)
                if folded != 0 { hash = Fold.mix(hash, folded) }
                length += 1
            } else {
                ends()
                if words > newsQuestionWords { return false }
            }
        }
        ends()
        return news && words <= newsQuestionWords && (question || asking)
    }

    private static let newsHashes = Set(newsWords.map { Fold.hash($0) })
    private static let askingHashes = Set(askingWords.map { Fold.hash($0) })

    /// Whether a word of `text` (a run of letters, digits and marks), folded (lower case, no
    /// accents), is one of `words` (each of 3 to 8 scalars). A scan of scalars: the tokenizer,
    /// run here for every negative message, cost 1.5 % of `parley_engine_process` on a
    /// realistic mix, and a lower-cased string per word 1.4 % more.
    static func containsWord(of words: Set<String>, in text: String) -> Bool {
        containsWord(hashedAs: Set(words.map { Fold.hash($0) }), in: text)
    }

    static let chaseHashes = Set(chaseWords.map { Fold.hash($0) })

    /// A scalar of a word as the thread signals read words: a letter, a digit or a mark.
    @inline(__always) static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0..<0x80: return false
        default:
            let properties = scalar.properties
            return properties.isAlphabetic || properties.numericType != nil
                || [.nonspacingMark, .spacingMark, .enclosingMark].contains(properties.generalCategory)
        }
    }

    /// `containsWord` over the words' folded hashes (`Fold.hash`): no string is built per word.
    static func containsWord(hashedAs hashes: Set<UInt64>, in text: String) -> Bool {
        var hash = Fold.seed, length = 0
        func ends() -> Bool {
            defer { hash = Fold.seed; length = 0 }
            return (3...8).contains(length) && hashes.contains(Fold.finish(hash))
        }
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                let folded = Fold.fold(scalar)
                if folded != 0 { hash = Fold.mix(hash, folded) }
                length += 1
            } else if ends() {
                return true
            }
        }
        return ends()
    }

    /// Words (runs of letters and digits, an apostrophe inside one kept) in `text`, how many
    /// lie outside every entity (offsets in Unicode scalars, as entities count them), and
    /// whether the last has a letter. A scan of scalars, not the tokenizer: it runs on most
    /// messages, and counting past what the fragment rules look at is not needed.
    static func countWords(_ text: String, outside entities: [Entity]) -> (words: Int, others: Int, lettered: Bool) {
        let enough = max(fragmentWords, shortWords) + 1
        var words = 0, others = 0, start = -1, index = 0, lettered = false, letter = false
        // Spans by start, walked once beside the words: a search of every entity for every word
        // was quadratic on text that is all entities ("1 1 1 …": 15 minutes for 1 MB).
        let spans = entities.map { (start: $0.start, end: $0.end) }.sorted { $0.start < $1.start }
        var next = 0
        func close() {
            words += 1
            // Words come in order: a span ending before this word holds no later one either.
            while next < spans.count && spans[next].end < index { next += 1 }
            if !(next < spans.count && spans[next].start <= start) { others += 1 }
            lettered = letter
            start = -1
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let isLetter = scalar.isASCII ? (v | 0x20 >= 0x61 && v | 0x20 <= 0x7A) : scalar.properties.isAlphabetic
            let isDigit = scalar.isASCII ? v >= 0x30 && v <= 0x39 : !isLetter && scalar.properties.numericType != nil
            if isLetter || isDigit {
                if start < 0 { start = index; letter = false }
                letter = letter || isLetter
            } else if start >= 0 && !(v == 0x27 || v == 0x2019) {
                close()
                if words >= enough && others >= enough { return (words, others, false) }
            }
            index += 1
        }
        if start >= 0 { close() }
        return (words, others, words == 1 && lettered)
    }
}
