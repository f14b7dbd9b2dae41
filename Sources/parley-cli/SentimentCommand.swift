import ArgumentParser
import ParleyCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

struct SentimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment",
        abstract: "Score the sentiment and urgency of texts (one per line); print one JSON object per line.",
        discussion: """
            Each output line is {"score","label","intensity","urgency","urgencyCues","sarcasm"?} for the input \
            line of the same number (an empty line scores neutral). With --language, a "language" \
            member is added. The time spent analyzing (not reading or writing) goes to stderr.
            """
    )

    @Argument(help: "A text file, one text per line, or - for standard input.")
    var file: String = "-"

    @Option(name: .long, help: "How much an emoji counts relative to a word (0 to 10).")
    var emojiWeight = 1.5

    @Flag(name: .long, help: "Also identify each line's language.")
    var language = false

    func run() throws {
        var options = SentimentOptions()
        options.emojiWeight = emojiWeight
        let analyzer = try SentimentAnalyzer(options: options)
        // Build the shared tables before timing.
        _ = analyzer.analyze("warm up")
        if language { _ = LanguageIdentifier.shared.identify("warm up") }
        guard let input = file == "-" ? stdin : fopen(file, "r") else {
            throw ValidationError("cannot open \(file): \(String(cString: strerror(errno)))")
        }
        defer { if input != stdin { fclose(input) } }
        var output = OutputBuffer()
        var count = 0
        var spent = Duration.zero
        let clock = ContinuousClock()
        var failed = false
        forEachLine(of: input) { line in
            count += 1
            guard let text = String(validating: line, as: UTF8.self) else {
                output.write(["line": .int(Int64(count)), "error": ["status": "PARLEY_INVALID_UTF8", "message": "the line is not valid UTF-8"]])
                failed = true
                return
            }
            var result: JSONValue = .null
            spent += clock.measure {
                var json = analyzer.analyze(text).json
                if language, case .object(var object) = json {
                    object.append("language", LanguageIdentifier.shared.identify(text).json)
                    json = .object(object)
                }
                result = json
            }
            output.write(result)
        }
        output.flush()
        let seconds = Double(spent.components.seconds) + Double(spent.components.attoseconds) / 1e18
        let perText = count > 0 ? seconds / Double(count) * 1e6 : 0
        printError("parley: \(count) texts, \((perText * 100).rounded() / 100) µs per text")
        if failed { throw ExitCode(1) }
    }
}
