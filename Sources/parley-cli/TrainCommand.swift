import ArgumentParser
import ParleyCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train an intent model from labelled examples (JSONL {\"text\",\"intent\"} or TSV text<TAB>intent).",
        discussion: """
            Prints the number of examples and intents and the training time. With --validate F, a \
            stratified share F of DATA is held out, the model is trained on the rest and its accuracy \
            on the held-out share is printed (for tuning the options on training data only).
            """
    )

    @Argument(help: "Training data: JSONL or TSV (a header line is detected).")
    var data: String

    @Option(name: [.customShort("o"), .long], help: "Where to write the model.")
    var output: String?

    @Option(name: .customLong("validate"), help: "Hold out this stratified share of DATA and report accuracy on it.")
    var validationShare: Double?

    @Option(help: ArgumentHelp("Hash space = 2^bits.", visibility: .hidden)) var hashBits: Int?
    @Option(help: ArgumentHelp("Shortest character n-gram.", visibility: .hidden)) var charMin: Int?
    @Option(help: ArgumentHelp("Longest character n-gram (below char-min: none).", visibility: .hidden)) var charMax: Int?
    @Flag(help: ArgumentHelp("No word bigrams.", visibility: .hidden)) var noBigrams = false
    @Flag(help: ArgumentHelp("No IDF weighting.", visibility: .hidden)) var noIdf = false
    @Option(help: ArgumentHelp("Word feature group weight.", visibility: .hidden)) var wordWeight: Double?
    @Option(help: ArgumentHelp("Character feature group weight.", visibility: .hidden)) var charWeight: Double?
    @Option(help: ArgumentHelp("SGD epochs.", visibility: .hidden)) var epochs: Int?
    @Option(help: ArgumentHelp("Initial learning rate.", visibility: .hidden)) var learningRate: Double?
    @Option(help: ArgumentHelp("L2 weight decay.", visibility: .hidden)) var l2: Double?
    @Option(help: ArgumentHelp("Share held out for temperature calibration.", visibility: .hidden)) var calibration: Double?
    @Option(help: ArgumentHelp("Shuffle seed.", visibility: .hidden)) var seed: UInt64?
    @Option(help: ArgumentHelp("Share of the last SGD steps averaged.", visibility: .hidden)) var averaged: Double?

    func validate() throws {
        if output == nil && validationShare == nil { throw ValidationError("give -o MODEL (or --validate F)") }
        if let validationShare, !(validationShare > 0 && validationShare < 1) { throw ValidationError("--validate must be in (0, 1)") }
    }

    var options: IntentTrainingOptions {
        var o = IntentTrainingOptions()
        if let hashBits { o.hashBits = hashBits }
        if let charMin { o.charMin = charMin }
        if let charMax { o.charMax = charMax }
        if noBigrams { o.wordBigrams = false }
        if noIdf { o.useIDF = false }
        if let wordWeight { o.wordWeight = wordWeight }
        if let charWeight { o.charWeight = charWeight }
        if let epochs { o.epochs = epochs }
        if let learningRate { o.learningRate = learningRate }
        if let l2 { o.l2 = l2 }
        if let calibration { o.calibrationFraction = calibration }
        if let seed { o.seed = seed }
        if let averaged { o.averagedShare = averaged }
        return o
    }

    func run() throws {
        let examples = try readExamples(data)
        var trainSet = examples
        var heldOut: [IntentExample] = []
        if let validationShare {
            (trainSet, heldOut) = stratifiedSplit(examples, fraction: validationShare, seed: 12345)
        }
        let started = ContinuousClock.now
        let model = try IntentModel.train(trainSet, options: options)
        let seconds = secondsSince(started)
        print("examples: \(trainSet.count)")
        print("intents: \(model.intents.count)")
        print("train seconds: \(format(seconds, 3))")
        if let output {
            try model.save(path: output)
            print("model: \(output) (\(model.serialized().count) bytes)")
        }
        if !heldOut.isEmpty {
            let report = evaluate(model, on: heldOut, threshold: 0)
            print("validation examples: \(heldOut.count)")
            print("validation accuracy: \(format(report.accuracy, 4))")
            print("validation macro-F1: \(format(report.macroF1, 4))")
            print("validation log-loss: \(format(report.logLoss, 4))")
            print("validation ECE: \(format(report.expectedCalibrationError, 4))")
        }
    }
}

/// A stratified split by intent, deterministic for a seed.
func stratifiedSplit(_ examples: [IntentExample], fraction: Double, seed: UInt64) -> ([IntentExample], [IntentExample]) {
    var byIntent: [String: [Int]] = [:]
    for (i, example) in examples.enumerated() { byIntent[example.intent, default: []].append(i) }
    var state = seed
    func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    var train: [IntentExample] = [], held: [IntentExample] = []
    for intent in byIntent.keys.sorted() {
        var members = byIntent[intent]!
        for i in stride(from: members.count - 1, to: 0, by: -1) {
            members.swapAt(i, Int(next() % UInt64(i + 1)))
        }
        let take = Int((Double(members.count) * fraction).rounded())
        for (j, index) in members.enumerated() {
            if j < take { held.append(examples[index]) } else { train.append(examples[index]) }
        }
    }
    return (train, held)
}

func readExamples(_ path: String) throws -> [IntentExample] {
    guard let bytes = readFileBytes(path) else {
        throw ValidationError("cannot read \(path): \(String(cString: strerror(errno)))")
    }
    return try bytes.withUnsafeBytes { raw in
        Result { () throws(ParleyError) in try IntentData.parse(raw) }
    }.get()
}

func secondsSince(_ start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

func format(_ value: Double, _ decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = "\(rounded)"
    if let dot = text.firstIndex(of: ".") {
        let have = text.distance(from: dot, to: text.endIndex) - 1
        if have < decimals { text += String(repeating: "0", count: decimals - have) }
    }
    return text
}

struct EvaluationReport {
    var count = 0
    var accuracy = 0.0
    var macroF1 = 0.0
    var logLoss = 0.0
    var expectedCalibrationError = 0.0
    var microsecondsPerMessage = 0.0
    var unknown = 0
}

/// Accuracy, macro-F1 (over the intents in the gold labels or the predictions, as
/// scikit-learn's f1_score does), log-loss, ECE (10 bins) and prediction time.
func evaluate(_ model: IntentModel, on examples: [IntentExample], threshold: Double) -> EvaluationReport {
    var report = EvaluationReport()
    report.count = examples.count
    guard !examples.isEmpty else { return report }
    // Timed pass: predictions only.
    var predictions: [IntentPrediction] = []
    predictions.reserveCapacity(examples.count)
    let started = ContinuousClock.now
    for example in examples { predictions.append(model.predict(example.text, threshold: threshold)) }
    report.microsecondsPerMessage = secondsSince(started) * 1e6 / Double(examples.count)

    var truePositive: [String: Int] = [:], falsePositive: [String: Int] = [:], falseNegative: [String: Int] = [:]
    var correct = 0
    var bins = [(count: Int, confidence: Double, correct: Int)](repeating: (0, 0, 0), count: 10)
    let index = Dictionary(uniqueKeysWithValues: model.intents.enumerated().map { ($1, $0) })
    for (example, prediction) in zip(examples, predictions) {
        if prediction.name == "unknown" && !model.intents.contains("unknown") { report.unknown += 1 }
        let top = prediction.name == "unknown" ? (prediction.alternatives.first?.name ?? "unknown") : prediction.name
        let hit = prediction.name == example.intent
        if hit {
            correct += 1
            truePositive[example.intent, default: 0] += 1
        } else {
            falsePositive[prediction.name, default: 0] += 1
            falseNegative[example.intent, default: 0] += 1
        }
        let bin = min(Int(prediction.confidence * 10), 9)
        bins[bin].count += 1
        bins[bin].confidence += prediction.confidence
        bins[bin].correct += top == example.intent ? 1 : 0
        if let k = index[example.intent] {
            let p = model.probabilities(example.text)[k]
            report.logLoss -= Glibc.log(max(p, 1e-15))
        } else {
            report.logLoss -= Glibc.log(1e-15)
        }
    }
    report.accuracy = Double(correct) / Double(examples.count)
    report.logLoss /= Double(examples.count)
    let labels = Set(examples.map(\.intent)).union(predictions.map(\.name))
    var f1Sum = 0.0
    for label in labels {
        let tp = Double(truePositive[label] ?? 0), fp = Double(falsePositive[label] ?? 0), fn = Double(falseNegative[label] ?? 0)
        f1Sum += tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn)
    }
    report.macroF1 = f1Sum / Double(labels.count)
    for bin in bins where bin.count > 0 {
        let gap = abs(bin.confidence / Double(bin.count) - Double(bin.correct) / Double(bin.count))
        report.expectedCalibrationError += gap * Double(bin.count) / Double(examples.count)
    }
    return report
}
