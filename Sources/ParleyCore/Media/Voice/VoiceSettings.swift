/// Which recognizer turns the audio into text.
public enum VoiceEngineKind: String, Sendable, Equatable {
    /// Debian's PocketSphinx with its US English model, offline (the default).
    case pocketsphinx
    /// The transcriber the host registered with `VoiceService.setHostTranscriber(_:)`.
    case host
}

/// What PocketSphinx decodes against: its general language model, or a small grammar.
public enum VoiceGrammar: Sendable, Equatable {
    /// A JSGF grammar given whole.
    case jsgf(String)
    /// Phrases, one of which the speaker said ("one", "yes", "book a viewing").
    case phrases([String])
}

/// The config section `"voice"`:
/// `{"engine": "pocketsphinx" | "host", "maxBytes": 16777216, "maxSeconds": 600,
///   "acousticModel": DIR, "languageModel": FILE, "dictionary": FILE,
///   "language": "en", "grammar": "<JSGF>" | "phrases": ["yes", "no"]}`.
public struct VoiceSettings: Sendable, Equatable {
    public var engine: VoiceEngineKind = .pocketsphinx
    /// Bytes of compressed audio accepted (16 MB: WhatsApp's own limit for audio).
    public var maxBytes = 16 << 20
    /// Seconds of audio accepted, checked from the stream's length before decoding.
    public var maxSeconds = 600.0
    public var acousticModel = "/usr/share/pocketsphinx/model/en-us/en-us"
    public var languageModel = "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin"
    public var dictionary = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict"
    /// The language reported with the transcript (PocketSphinx's model is US English; a host
    /// transcriber may be configured for another).
    public var language = "en"
    /// A default grammar for every call (nil: the language model, free speech).
    public var grammar: VoiceGrammar?

    public init() {}

    public init(json: JSONObject, path: String = "voice.") throws(ParleyError) {
        var r = Configuration.Reader(object: json, path: path)
        if let engine = try r.string("engine") {
            guard let kind = VoiceEngineKind(rawValue: engine) else {
                throw ParleyError(.invalidConfig, "\(path)engine must be \"pocketsphinx\" or \"host\", got \"\(engine)\"")
            }
            self.engine = kind
        }
        if let value = try r.int("maxBytes") {
            guard value >= 1 && value <= 1 << 30 else {
                throw ParleyError(.invalidConfig, "\(path)maxBytes must be between 1 and 1073741824, got \(value)")
            }
            maxBytes = Int(value)
        }
        if let value = try r.double("maxSeconds") {
            // 48 kHz mono 16-bit samples are held in memory: an hour is 345 MB.
            guard value > 0 && value <= 3_600 else {
                throw ParleyError(.invalidConfig, "\(path)maxSeconds must be above 0 and at most 3600 (an hour), got \(value)")
            }
            maxSeconds = value
        }
        if let value = try r.string("acousticModel") { acousticModel = value }
        if let value = try r.string("languageModel") { languageModel = value }
        if let value = try r.string("dictionary") { dictionary = value }
        if let value = try r.string("language") { language = value }
        grammar = try Self.readGrammar(&r, path: path, kind: .invalidConfig)
        try r.finish()
    }

    /// `"grammar"` or `"phrases"` (not both), shared by the settings and the per-call options.
    static func readGrammar(_ r: inout Configuration.Reader, path: String, kind: ParleyError.Kind) throws(ParleyError) -> VoiceGrammar? {
        let grammarText = try reporting(as: kind) { () throws(ParleyError) in try r.string("grammar") }
        let phrasesValue = r.value("phrases")
        if grammarText != nil && phrasesValue != nil {
            throw ParleyError(kind, "give \(path)grammar or \(path)phrases, not both")
        }
        if let text = grammarText {
            guard !text.isEmpty, text.utf8.count <= VoiceGrammarLimits.maxGrammarBytes else {
                throw ParleyError(kind, "\(path)grammar must be a JSGF grammar of 1 to \(VoiceGrammarLimits.maxGrammarBytes) bytes")
            }
            return .jsgf(text)
        }
        guard let phrasesValue else { return nil }
        guard let array = phrasesValue.arrayValue else {
            throw ParleyError(kind, "\(path)phrases must be an array of strings, got \(phrasesValue.typeName)")
        }
        guard !array.isEmpty, array.count <= VoiceGrammarLimits.maxPhrases else {
            throw ParleyError(kind, "\(path)phrases must hold 1 to \(VoiceGrammarLimits.maxPhrases) phrases")
        }
        var phrases: [String] = []
        for item in array {
            guard let phrase = item.stringValue else {
                throw ParleyError(kind, "\(path)phrases must be an array of strings, found \(item.typeName)")
            }
            phrases.append(phrase)
        }
        return .phrases(phrases)
    }
}

/// Per-call options (the C API's options JSON):
/// `{"engine": "pocketsphinx" | "host", "grammar": "<JSGF>" | "phrases": [...], "language": "es"}`
/// (`language` is reported with, and handed to, a host transcriber; PocketSphinx reports its
/// model's, `voice.language`).
/// The whole object is also handed to a host transcriber, so it may carry the host's own keys
/// under `"host"` (any JSON value).
public struct VoiceOptions: Sendable, Equatable {
    public var engine: VoiceEngineKind?
    public var grammar: VoiceGrammar?
    public var language: String?

    public init() {}

    public init(json: JSONObject) throws(ParleyError) {
        var r = Configuration.Reader(object: json, path: "")
        if let engine = try reporting(as: .invalidArgument, { () throws(ParleyError) in try r.string("engine") }) {
            guard let kind = VoiceEngineKind(rawValue: engine) else {
                throw ParleyError(.invalidArgument, "engine must be \"pocketsphinx\" or \"host\", got \"\(engine)\"")
            }
            self.engine = kind
        }
        language = try reporting(as: .invalidArgument) { () throws(ParleyError) in try r.string("language") }
        grammar = try VoiceSettings.readGrammar(&r, path: "", kind: .invalidArgument)
        _ = r.value("host")
        try reporting(as: .invalidArgument) { () throws(ParleyError) in try r.finish() }
    }
}

enum VoiceGrammarLimits {
    static let maxGrammarBytes = 64 * 1024
    static let maxPhrases = 1_000
}
