import ArgumentParser
import ParleyCore

struct TranscribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transcribe",
        abstract: "Transcribe voice notes (Ogg/Opus as WhatsApp sends them, or PCM WAV); print one JSON object per file.",
        discussion: """
            Each output line is {"file", "text", "confidence", "engine", "language", "seconds", "sampleRate", \
            "format", "mode", "milliseconds", "realTimeFactor", "cpuMilliseconds"}, or {"file", "error": {"status", "message"}} for a \
            file that cannot be transcribed (the exit status is then 1, after every file). Offline with \
            PocketSphinx (US English). --grammar or --phrases decode against a small grammar: one of the \
            given phrases ("yes|no|book a viewing"), near-perfect for menu replies.
            """
    )

    @Argument(help: "Audio files.")
    var audio: [String]

    @Option(name: .long, help: "Engine configuration JSON file; its media.voice section is used.")
    var config: String?

    @Option(name: .long, help: "A JSGF grammar file to decode against.")
    var grammar: String?

    @Option(name: .long, help: "Phrases to decode against, separated by |, e.g. \"yes|no|book a viewing\".")
    var phrases: String?

    @Option(name: .long, help: "Files transcribed at once (each has its own decoder).")
    var jobs = 1

    func validate() throws {
        if grammar != nil && phrases != nil { throw ValidationError("give --grammar or --phrases, not both") }
        guard (1...16).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 16") }
    }

    func run() throws {
        var options = JSONObject()
        if let grammar {
            guard let text = readWholeFile(grammar) else { throw ValidationError("cannot read the grammar file \(grammar)") }
            options.append("grammar", .string(text))
        } else if let phrases {
            let list = phrases.split(separator: "|").map { JSONValue.string(String($0)) }
            options.append("phrases", .array(list))
        }
        var configuration = try loadConfiguration(config)
        configuration.async.maxWorkers = max(configuration.async.maxWorkers, jobs)
        try readMediaFiles(audio, as: .audio, configuration: configuration, options: options, jobs: jobs)
    }
}

