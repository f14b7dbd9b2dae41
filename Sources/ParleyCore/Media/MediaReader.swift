/// What the engine asks of each media reader (OCR for images, transcription for audio,
/// parsing for documents): text from bytes, thread-safe, with the reader's own findings.
protocol MediaReader: Sendable {
    /// `options`: the per-call options of the C API (`options_json`), empty for a message.
    func read(_ bytes: [UInt8], options: JSONObject) throws(ParleyError) -> MediaReading
    /// Checks `options` alone (`.invalidArgument`), before anything looks at the bytes: a bad
    /// option is the caller's mistake whatever the file holds.
    func validate(options: JSONObject) throws(ParleyError)
}

/// A reader's answer. `entities` are what only the reader can find (a receipt's total, a
/// meter reading, a document's fields), offsets in `text`; the engine adds the language
/// stage's entities of `text`. `json` carries the reader's details without "entities".
struct MediaReading: Sendable {
    var text: String
    var confidence: Double
    var entities: [Entity]
    var json: JSONObject
}

extension DocumentService: MediaReader {
    func read(_ bytes: [UInt8], options: JSONObject) throws(ParleyError) -> MediaReading {
        let result = try parse(bytes, options: options)
        // "kind" in a context's media block is image, audio or document: pdf, csv, xlsx is the format.
        var json = JSONObject()
        for member in result.json.members { json.append(member.key == "kind" ? "format" : member.key, member.value) }
        return MediaReading(text: result.text, confidence: result.confidence, entities: result.entities, json: json)
    }

    func validate(options: JSONObject) throws(ParleyError) { _ = try DocumentOptions(json: options) }
}

extension OCRService: MediaReader {
    func read(_ bytes: [UInt8], options: JSONObject) throws(ParleyError) -> MediaReading {
        let result = try recognize(bytes, options: options)
        return MediaReading(text: result.text, confidence: result.confidence, entities: result.entities, json: result.json)
    }

    func validate(options: JSONObject) throws(ParleyError) { _ = try settings.applying(options: options) }
}

extension VoiceService: MediaReader {
    func read(_ bytes: [UInt8], options: JSONObject) throws(ParleyError) -> MediaReading {
        let result = try transcribe(bytes, options: options)
        return MediaReading(text: result.text, confidence: result.confidence, entities: result.entities, json: result.json)
    }

    func validate(options: JSONObject) throws(ParleyError) {
        if let grammar = try VoiceOptions(json: options).grammar { _ = try VoiceGrammarSource(grammar) }
    }
}
