/// The "media" section: where media files live and how much of them Parley reads. The
/// readers' own sections ("media.ocr", "media.voice", "media.documents") are parsed by their
/// settings types.
public struct MediaSettings: Sendable, Equatable {
    /// Files the host downloaded, and inline bytes Parley keeps. Default: beside the store
    /// file (`STORE.media`); none for an in-memory store, whose inline bytes are read once.
    public var directory: String?
    /// Keep inline bytes in the directory (so a journaled message can be read again after a
    /// crash, and the gallery can point at the file).
    public var keepInline = true
    /// A media file larger than this is not read (its message is still processed).
    public var maxBytes = 50 << 20
    /// Turn one kind's reader off (`"ocr": false`), or configure it (an object).
    public var ocr: OCRSettings? = OCRSettings()
    public var voice: VoiceSettings? = VoiceSettings()
    public var documents: DocumentSettings? = DocumentSettings()

    public init() {}
}

extension Configuration {
    static func mediaSettings(_ object: JSONObject) throws(ParleyError) -> MediaSettings {
        var settings = MediaSettings()
        var r = Reader(object: object, path: "media.")
        settings.directory = try r.string("directory")
        if let keep = try r.bool("keepInline") { settings.keepInline = keep }
        if let max = try r.int("maxBytes") {
            guard max > 0 && max <= 1 << 31 else { throw ParleyError(.invalidConfig, "media.maxBytes must be between 1 and 2147483648") }
            settings.maxBytes = Int(max)
        }
        func section(_ key: String) throws(ParleyError) -> JSONObject?? {
            guard let value = r.value(key) else { return .none }
            // The header allows {...} | false: `true` would read as "on" while it only means
            // the defaults, so it is refused rather than guessed.
            if value.boolValue == false { return .some(nil) }
            guard let object = value.objectValue else { throw r.wrongType(key, "an object (its settings) or false (off)", value) }
            return .some(object)
        }
        if let value = try section("ocr") {
            settings.ocr = try value.map { (object) throws(ParleyError) -> OCRSettings in try OCRSettings(json: object, path: "media.ocr.") }
        }
        if let value = try section("voice") {
            settings.voice = try value.map { (object) throws(ParleyError) -> VoiceSettings in try VoiceSettings(json: object, path: "media.voice.") }
        }
        if let value = try section("documents") {
            settings.documents = try value.map { (object) throws(ParleyError) -> DocumentSettings in
                try DocumentSettings(json: object, path: "media.documents.")
            }
        }
        try r.finish()
        return settings
    }
}
