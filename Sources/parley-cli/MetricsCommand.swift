import ArgumentParser
import ParleyCore

/// `parley metrics`: the engine's metrics after processing a file of messages, as JSON
/// (parley_metrics_json) or Prometheus text (parley_metrics_prometheus).
struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Process messages (optional) and print the engine's metrics: counts, per-stage latency, queue, CPU, memory, alerts.",
        discussion: """
            Metrics live in the engine that measured them: this opens one with --config, processes \
            FILE's messages (JSONL, one parley_engine_process each; failures are counted, not fatal) \
            and prints what it measured. A host reads the same from its own engine through \
            parley_metrics_json or parley_metrics_prometheus.
            """
    )

    @Option(name: .long, help: "Engine configuration JSON file (the same JSON parley_engine_open takes).")
    var config: String?

    @Argument(help: "A JSONL file of messages to process first.")
    var file: String?

    @Flag(name: .long, help: "Print Prometheus text exposition instead of JSON.")
    var prometheus = false

    func run() throws {
        let engine = try openEngine(configPath: config)
        defer { engine.close() }
        if let file {
            guard let text = readWholeFile(file) else { throw ValidationError("cannot read \(file)") }
            for line in text.split(separator: "\n") where !line.allSatisfy(\.isWhitespace) {
                let bytes = Array(line.utf8)
                _ = bytes.withUnsafeBytes { buffer in Result { () throws(ParleyError) in try engine.process(json: buffer) } }
            }
        }
        print(prometheus ? engine.metricsPrometheus() : JSONWriter.string(engine.metricsJSON()), terminator: prometheus ? "" : "\n")
    }
}
