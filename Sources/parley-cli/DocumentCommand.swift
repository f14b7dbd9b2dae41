import ArgumentParser
import ParleyCore

struct DocumentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse documents (PDF, CSV, XLSX); print one JSON object per line per file.",
        discussion: """
            Each line is the document's result ({"file", "text", "confidence", "kind", "pages" | "csv" | \
            "sheets", "truncated", "metadata", "milliseconds", "entities"}: the key-value fields) or \
            {"file", "error": {"status", "message"}}. The exit status is 1 when any file failed.
            """
    )

    @Argument(help: "Document files.")
    var documents: [String]

    @Option(name: .long, help: "Configuration JSON file; its \"documents\" section sets the limits.")
    var config: String?

    @Option(name: .long, help: "Password of encrypted PDFs.")
    var password: String?

    func run() throws {
        var settings = DocumentSettings()
        if let config {
            guard let text = readWholeFile(config) else { throw ValidationError("cannot read the configuration file \(config)") }
            guard case .object(let root) = try JSONParser.parse(text) else { throw ValidationError("the configuration is not a JSON object") }
            if case .object(let section)? = root["documents"] { settings = try DocumentSettings(json: section) }
        }
        let service = try DocumentService(settings: settings, instances: 1)
        var options = JSONObject()
        if let password { options.append("password", .string(password)) }
        var output = OutputBuffer()
        var failed = false
        for path in documents {
            var line = JSONObject()
            line.append("file", .string(path))
            guard let bytes = readFileBytes(path) else {
                line.append("error", ["status": "PARLEY_NOT_FOUND", "message": .string("cannot read \(path)")])
                output.write(.object(line))
                failed = true
                continue
            }
            switch parseDocument(service, bytes, options) {
            case .success(let result):
                for member in result.json.members { line.append(member.key, member.value) }
                line.append("entities", .array(result.entities.map(\.json)))
            case .failure(let error):
                line.append("error", ["status": .string(error.kind.statusName), "message": .string(error.message)])
                failed = true
            }
            output.write(.object(line))
        }
        output.flush()
        if failed { throw ExitCode(1) }
    }
}

private func parseDocument(_ service: DocumentService, _ bytes: [UInt8], _ options: JSONObject) -> Result<DocumentResult, ParleyError> {
    do throws(ParleyError) {
        return .success(try service.parse(bytes, options: options))
    } catch {
        return .failure(error)
    }
}
