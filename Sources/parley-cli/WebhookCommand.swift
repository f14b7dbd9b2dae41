import ArgumentParser
import ParleyCore

/// `parley webhook`: ingest one WhatsApp Cloud API webhook body, as a host's HTTP handler
/// would hand it to parley_engine_ingest_webhook.
struct WebhookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhook",
        abstract: "Verify and process a Cloud API webhook body; print the result (contexts, rejected, statuses) as JSON.",
        discussion: "With webhook.appSecret in the configuration, --signature must be the request's X-Hub-Signature-256 header."
    )

    @Option(name: .long, help: "Engine configuration JSON file.")
    var config: String?

    @Option(name: .long, help: "The X-Hub-Signature-256 header (\"sha256=<hex>\").")
    var signature: String?

    @Argument(help: "The request body, byte for byte as received, or - for standard input.")
    var body: String

    func run() throws {
        let engine = try openEngine(configPath: config)
        defer { engine.close() }
        guard let bytes = body == "-" ? readStandardInput() : readFileBytes(body) else {
            throw ValidationError("cannot read \(body)")
        }
        let result = try bytes.withUnsafeBytes { raw throws(ParleyError) in
            try engine.ingestWebhook(body: raw, signature: signature)
        }
        print(JSONWriter.string(result))
    }
}
