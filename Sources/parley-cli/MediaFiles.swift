import ArgumentParser
import ParleyCore

/// What `parley ocr`, `parley transcribe` and `parley parse` share: each file read through the
/// engine exactly as parley_media_ocr / _transcribe / _parse_document read it, one JSON line
/// per file ({"file", ...the result} or {"file", "error": {"status", "message"}}), exit status
/// 1 when any file failed.
func readMediaFiles(_ paths: [String], as kind: MediaKind, configuration: Configuration, options: JSONObject,
                    leaving omitted: Set<String> = []) throws {
    let engine = try Engine(configuration: configuration)
    defer { engine.close() }
    let optionsText = options.isEmpty ? nil : JSONWriter.string(.object(options))
    var output = OutputBuffer()
    var failed = false
    for path in paths {
        var line = JSONObject()
        line.append("file", .string(path))
        do throws(ParleyError) {
            guard let bytes = readFileBytes(path) else { throw ParleyError(.notFound, "cannot read \(path)") }
            guard case .object(let result) = try engine.readMedia(bytes, as: kind, options: optionsText) else {
                throw ParleyError(.internal, "a media reading is not a JSON object")
            }
            for member in result.members where !omitted.contains(member.key) { line.append(member.key, member.value) }
        } catch {
            line.append("error", ["status": .string(error.kind.statusName), "message": .string(error.message)])
            failed = true
        }
        output.write(.object(line))
    }
    output.flush()
    if failed { throw ExitCode(1) }
}

/// The configuration in a JSON file (the one parley_engine_open takes), or the defaults.
func loadConfiguration(_ path: String?) throws -> Configuration {
    guard let path else { return Configuration() }
    guard let text = readWholeFile(path) else { throw ValidationError("cannot read the configuration file \(path)") }
    return try Configuration(json: text)
}
