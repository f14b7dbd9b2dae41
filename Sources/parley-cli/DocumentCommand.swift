import ArgumentParser
import ParleyCore

/// `parley parse DOCUMENT...`: what parley_media_parse_document returns, per file.
struct DocumentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse documents (PDF, CSV, XLSX); print one JSON object per line per file.",
        discussion: """
            Each line is the document's result ({"file", "sha256", "text", "confidence", "kind", "pages" | "csv" | \
            "sheets", "truncated", "metadata", "entities": key-value fields and the entities of the text, \
            "milliseconds"}) or {"file", "error": {"status", "message"}}. The exit status is 1 when any file failed.
            """
    )

    @Argument(help: "Document files.")
    var documents: [String]

    @Option(name: .long, help: "Engine configuration JSON file; its media.documents section sets the limits.")
    var config: String?

    @Option(name: .long, help: "Password of encrypted PDFs.")
    var password: String?

    func run() throws {
        var options = JSONObject()
        if let password { options.append("password", .string(password)) }
        try readMediaFiles(documents, as: .document, configuration: loadConfiguration(config), options: options)
    }
}
