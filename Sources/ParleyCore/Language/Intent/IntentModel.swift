#if canImport(Glibc)
import Glibc
#endif

/// How `IntentModel.train` builds a model. The defaults were chosen on validation splits of
/// the SNIPS and HWU64 training sets (never their test sets) and on the property corpus; `l2`
/// also on the aggregate intent accuracy of five sets of held-out tenant messages written by
/// others (averaged over three shuffle seeds: +0.5 point, no set lower, SNIPS and HWU64 level).
public struct IntentTrainingOptions: Sendable, Equatable {
    /// Features are hashed into 2^hashBits buckets.
    public var hashBits = 18
    /// Character n-gram lengths inside words (with boundary markers); charMax < charMin turns them off.
    public var charMin = 3
    public var charMax = 5
    public var wordBigrams = true
    /// Relative weight of the word (unigram + bigram) and character feature groups; each group is L2-normalized.
    public var wordWeight = 1.0
    public var charWeight = 1.0
    /// Inverse document frequency weighting of features.
    public var useIDF = true
    /// Passes of SGD over the data; the learning rate decays linearly to 0.
    public var epochs = 30
    public var learningRate = 1.0
    /// L2 weight decay applied to the rows an example touches. A little keeps the weights of
    /// frequent features from growing without end, which generalizes better to messages unlike
    /// the corpus's; more (3e-4 and up) answered more held-out messages but flipped known ones
    /// (a French greeting read as a price inquiry) and cost SNIPS accuracy.
    public var l2 = 0.0001
    /// The stratified share of the data held out to fit the softmax temperature (then the
    /// model is trained again on everything). 0 keeps temperature 1.
    public var calibrationFraction = 0.1
    /// Share of the last SGD steps whose iterates are averaged into the model (0: the last iterate).
    public var averagedShare = 0.0
    /// Seeds the shuffles: training is deterministic.
    public var seed: UInt64 = 0x5EED

    public init() {}
}

/// A multinomial logistic-regression intent classifier over hashed word and character
/// n-grams, with a softmax temperature fitted on held-out data so that confidences are
/// calibrated probabilities. Immutable once built: safe to share between threads.
public final class IntentModel: Sendable {
    let featurizer: IntentFeaturizer
    let labels: [String]
    /// The hash buckets seen in training, ascending; row i of the weights belongs to buckets[i].
    let buckets: [Int32]
    /// Each row's IDF and class weights, laid out for scoring.
    let table: IntentScoringTable
    let bias: [Float]
    let wordWeight: Float
    let charWeight: Float
    let temperature: Float
    let outOfScopeLabels: [Bool]

    /// Below this share of features seen in training, a message is out of scope.
    static let minimumCoverage = 0.5
    /// Below this best probability, a message is out of scope.
    static let minimumConfidence = 0.45
    static let outOfScopeNames: Set<String> = ["other", "out_of_scope", "oos", "outofscope", "none"]
    static let unknownName = "unknown"

    init(featurizer: IntentFeaturizer, labels: [String], buckets: [Int32], idf: [Float],
         bias: [Float], weights: [Float], wordWeight: Float, charWeight: Float, temperature: Float) {
        self.featurizer = featurizer
        self.labels = labels
        self.buckets = buckets
        table = IntentScoringTable(bucketCount: featurizer.bucketCount, buckets: buckets, idf: idf, weights: weights,
                                   classes: labels.count)
        self.bias = bias
        self.wordWeight = wordWeight
        self.charWeight = charWeight
        self.temperature = temperature
        self.outOfScopeLabels = labels.map { Self.outOfScopeNames.contains($0.lowercased()) }
    }

    public var intents: [String] { labels }

    // MARK: prediction

    /// Writes the class logits (before temperature) of `text` into `logits`; returns the share
    /// of the text's features that were seen in training.
    func logits(_ text: String, into logits: UnsafeMutablePointer<Float>) -> Double {
        let classes = labels.count
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * classes) { scratch in
            let wordScores = scratch.baseAddress!
            let charScores = wordScores + classes
            let (wordSquares, charSquares, seen, total) = table.score(into: wordScores) { featurizer.featurize(text, into: &$0) }
            let wordScale = wordSquares > 0 ? wordWeight / wordSquares.squareRoot() : 0
            let charScale = charSquares > 0 ? charWeight / charSquares.squareRoot() : 0
            for k in 0..<classes {
                logits[k] = bias[k] + wordScale * wordScores[k] + charScale * charScores[k]
            }
            return total > 0 ? Double(seen) / Double(total) : 0
        }
    }

    /// Calibrated probabilities of every intent, in `intents` order.
    public func probabilities(_ text: String) -> [Double] {
        let classes = labels.count
        return [Double](unsafeUninitializedCapacity: classes) { buffer, count in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: classes) { scratch in
                _ = logits(text, into: scratch.baseAddress!)
                Self.softmax(scratch.baseAddress!, classes, temperature: temperature)
                for k in 0..<classes { buffer[k] = Double(scratch[k]) }
            }
            count = classes
        }
    }

    public func predict(_ text: String, threshold: Double = 0.75) -> IntentPrediction {
        let whole = predictWhole(text, threshold: threshold)
        guard let top = whole.top else { return whole }
        // An opener read as the whole message, or one that keeps a doubtful request under the
        // threshold ("Bonjour, pouvez-vous m'envoyer l'adresse ?": location 0.46, greeting 0.29).
        let openerOnTop = Self.openers.contains(top.lowercased())
        // A short message read as an opener beyond doubt is one: "vous êtes là ?" cut after
        // "vous" left "êtes là ?", which reads as a repair ("il y a une fuite là").
        if openerOnTop && whole.confidence >= 0.99 && Self.words(in: text.unicodeScalars) <= 4 { return whole }
        let openerInDoubt = whole.confidence < Self.overruleOpener
            && whole.alternatives.contains { Self.openers.contains($0.name.lowercased()) }
        guard openerOnTop || openerInDoubt, let rest = afterOpener(text, threshold: threshold) else { return whole }
        return openerOnTop || rest.confidence > whole.confidence ? rest : whole
    }

    /// Social openers: the intents of a greeting or thanks. Not a goodbye: what follows one
    /// is usually part of it ("murabeho, tuzongera kuvugana": bye, we'll talk again).
    static let openers: Set<String> = ["greeting", "thanks"]

    /// Social readings of an opener's rest that leave the opener standing: the wishes that
    /// follow a greeting read like the ones that close a chat.
    static let socialRests: Set<String> = ["goodbye"]

    /// A greeting opening a request, or thanks opening a question, is that request: "Hello
    /// good morning, is there any vacant unit?", "السلام عليكم، أريد استئجار شقة", "Thank you!
    /// When can the plumber come?". Short social messages weigh heavily in any corpus, so the whole message often
    /// reads as one. The message is cut after its first clauses (or first words when there is
    /// no punctuation); where the model reads the head as an opener and the rest as another
    /// in-scope intent, the rest decides. The model's own classes judge the head, so every
    /// language it was trained on is served without a word list; a model without such labels
    /// is untouched.
    private func afterOpener(_ text: String, threshold: Double) -> IntentPrediction? {
        let scalars = Array(text.unicodeScalars)
        var cuts: [(head: Int, rest: Int)] = []
        var words = 0
        var inWord = false
        for (i, scalar) in scalars.enumerated() where cuts.count < 6 {
            let v = scalar.value
            if Self.clauseMarks.contains(v) {
                var rest = i + 1
                while rest < scalars.count, scalars[rest].properties.isWhitespace || Self.clauseMarks.contains(scalars[rest].value) { rest += 1 }
                if words > 0, rest < scalars.count { cuts.append((i, rest)) }
                inWord = false
            } else if scalar.properties.isWhitespace {
                if inWord, words <= 4 {
                    var rest = i + 1
                    while rest < scalars.count, scalars[rest].properties.isWhitespace { rest += 1 }
                    if rest < scalars.count { cuts.append((i, rest)) }
                }
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
            }
        }
        var best: IntentPrediction?
        for cut in cuts {
            let head = predictWhole(String(String.UnicodeScalarView(scalars[..<cut.head])), threshold: threshold)
            guard let opener = head.top, Self.openers.contains(opener.lowercased()), head.confidence >= 0.8 else { continue }
            // After thanks, only a question: a statement acknowledges what was thanked for
            // ("shukran, received the receipt").
            let restScalars = scalars[cut.rest...]
            // One word is no request of its own ("hello plumber | please").
            guard Self.words(in: restScalars) >= 2 else { continue }
            if opener.lowercased() == "thanks", !restScalars.contains(where: { $0 == "?" || $0 == "\u{61F}" }) { continue }
            let rest = predictWhole(String(String.UnicodeScalarView(restScalars)), threshold: threshold)
            // Only a confident reading of the rest overrules the opener ("Habari yako ndugu"
            // stays a greeting: "yako ndugu" reads as nothing in particular).
            // Nor does a parting pleasantry ("hello, hope you're well" is a greeting, not a goodbye).
            guard let top = rest.top, rest.confidence >= Self.overruleOpener, !Self.openers.contains(top.lowercased()),
                  !Self.socialRests.contains(top.lowercased()), !Self.outOfScopeNames.contains(top.lowercased()) else { continue }
            // The longest opener leaves the clearest request: keep the most confident reading.
            if best == nil || rest.confidence > best!.confidence { best = rest }
        }
        return best
    }

    /// Words: runs of scalars that are neither white space nor clause marks.
    private static func words<S: Sequence<Unicode.Scalar>>(in scalars: S) -> Int {
        var count = 0
        var inWord = false
        for scalar in scalars {
            let boundary = scalar.properties.isWhitespace || clauseMarks.contains(scalar.value)
            if !boundary && !inWord { count += 1 }
            inWord = !boundary
        }
        return count
    }

    /// How sure the reading of an opener's rest must be to overrule the opener, whatever
    /// threshold the caller uses (an evaluation's 0 included).
    static let overruleOpener = 0.75

    /// , ! . ; : ? and their Arabic forms, a line break.
    private static let clauseMarks: Set<UInt32> = [0x2C, 0x21, 0x2E, 0x3B, 0x3A, 0x3F, 0x0A, 0x60C, 0x61B, 0x61F]

    private func predictWhole(_ text: String, threshold: Double) -> IntentPrediction {
        let classes = labels.count
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: classes) { scratch in
            let p = scratch.baseAddress!
            let coverage = logits(text, into: p)
            Self.softmax(p, classes, temperature: temperature)
            // The best four, by selection: classes can be many, only four are wanted.
            var top: [(index: Int, probability: Float)] = []
            top.reserveCapacity(4)
            for k in 0..<classes {
                let value = p[k]
                if top.count < 4 || value > top[top.count - 1].probability {
                    var position = top.count
                    while position > 0 && top[position - 1].probability < value { position -= 1 }
                    top.insert((k, value), at: position)
                    if top.count > 4 { top.removeLast() }
                }
            }
            let best = top[0]
            let confidence = Double(best.probability)
            let known = confidence >= threshold
            let alternatives = top[(known ? 1 : 0)...].prefix(3).map { (name: labels[$0.index], confidence: Double($0.probability)) }
            let outOfScope = outOfScopeLabels[best.index] || coverage < Self.minimumCoverage || confidence < Self.minimumConfidence
            return IntentPrediction(name: known ? labels[best.index] : Self.unknownName, confidence: confidence,
                                    alternatives: alternatives, outOfScope: outOfScope)
        }
    }

    @inline(__always)
    static func softmax(_ x: UnsafeMutablePointer<Float>, _ count: Int, temperature: Float) {
        var maximum = -Float.infinity
        for k in 0..<count { maximum = max(maximum, x[k]) }
        var sum: Float = 0
        let inverse = 1 / temperature
        for k in 0..<count {
            let e = expf((x[k] - maximum) * inverse)
            x[k] = e
            sum += e
        }
        let scale = 1 / sum
        for k in 0..<count { x[k] *= scale }
    }

    // MARK: the built-in model

    private static let builtIn: IntentModel = {
        do {
            return try train(IntentData.parse(PropertyIntentCorpus.jsonl))
        } catch {
            fatalError("the embedded property-management intent corpus is invalid: \(error)")
        }
    }()

    /// The built-in property-management model, trained once (lazily, thread-safely) from the embedded corpus.
    public static var propertyManagement: IntentModel { builtIn }
}
