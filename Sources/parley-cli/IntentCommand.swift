import ArgumentParser
import ParleyCore

struct IntentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intent",
        abstract: "Evaluate an intent model or predict the intent of a message.",
        subcommands: [IntentEvalCommand.self, IntentPredictCommand.self]
    )
}

func loadIntentModel(_ path: String?) throws -> IntentModel {
    guard let path else { return IntentModel.propertyManagement }
    return try IntentModel.load(path: path)
}

struct IntentEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Accuracy, macro-F1 and time per message of a model on labelled test data (JSONL or TSV)."
    )

    @Option(help: "The model file (default: the built-in property-management model).")
    var model: String?

    @Option(help: "Confidence below which the prediction is \"unknown\" (counted wrong). Default 0: plain argmax.")
    var threshold = 0.0

    @Argument(help: "Test data: JSONL or TSV.")
    var test: String

    func run() throws {
        let loadStarted = ContinuousClock.now
        let intentModel = try loadIntentModel(model)
        let loadSeconds = secondsSince(loadStarted)
        let examples = try readExamples(test)
        let report = evaluate(intentModel, on: examples, threshold: threshold)
        print("examples: \(report.count)")
        print("intents: \(intentModel.intents.count)")
        print("load seconds: \(format(loadSeconds, 3))")
        print("accuracy: \(format(report.accuracy, 4))")
        print("macro-F1: \(format(report.macroF1, 4))")
        print("log-loss: \(format(report.logLoss, 4))")
        print("ECE: \(format(report.expectedCalibrationError, 4))")
        if threshold > 0 { print("unknown: \(report.unknown)") }
        print("us/message: \(format(report.microsecondsPerMessage, 2))")
    }
}

struct IntentPredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Print the predicted intent of TEXT as JSON."
    )

    @Option(help: "The model file (default: the built-in property-management model).")
    var model: String?

    @Option(help: "Confidence below which the name is \"unknown\".")
    var threshold = 0.75

    @Argument(help: "The message text.")
    var text: String

    func run() throws {
        let intentModel = try loadIntentModel(model)
        print(JSONWriter.string(intentModel.predict(text, threshold: threshold).json))
    }
}
