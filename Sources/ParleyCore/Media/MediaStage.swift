/// The media stage of processing: a message's file is read by the reader of its kind (OCR,
/// transcription, document parsing), the language stage runs on what was read, and the file
/// goes into the gallery. A media failure never fails its message: the context's "media"
/// says what went wrong and the text path goes on.
final class MediaStage: Sendable {
    let settings: MediaSettings
    let files: MediaFiles?
    let readers: [MediaKind: any MediaReader]

    init(settings: MediaSettings, storePath: String?, readers: [MediaKind: any MediaReader]) {
        self.settings = settings
        files = Self.directory(settings, storePath: storePath).map { MediaFiles(directory: $0, maxBytes: settings.maxBytes) }
        self.readers = readers
    }

    /// The configured directory, else the store's path + ".media"; none for an in-memory store.
    static func directory(_ settings: MediaSettings, storePath: String?) -> String? {
        settings.directory ?? storePath.map { $0 + ".media" }
    }

    /// Before a message is journaled: inline bytes are kept in the media directory under their
    /// hash and the message names that file instead, so the journal never holds base64 and a
    /// message journaled as received can be read again after a crash.
    func admit(_ message: Message) throws(ParleyError) -> Message {
        guard let data = message.media?.data, let files, settings.keepInline, data.count <= settings.maxBytes else { return message }
        var admitted = message
        let sha256 = MediaFiles.sha256(data)
        admitted.media?.path = try files.keep(data, sha256: sha256)
        admitted.media?.sha256 = sha256
        admitted.media?.size = Int64(data.count)
        return admitted
    }

    /// The "media" block of the message's context, and the text a voice note said (which
    /// the language stage then reads as the message's words). Nil for a message without media.
    func run(_ message: Message, shed: [DegradationSettings.Feature], store: Store,
             language: (String) -> [Entity]) -> (block: JSONValue, transcript: String?)? {
        guard let media = message.media else { return nil }
        let started = ContinuousClock.now
        var block = JSONObject()
        let bytes: [UInt8]
        do throws(ParleyError) {
            guard let loaded = try load(media) else {
                block.append("available", .bool(false))
                block.append("reason", .string("the host passed neither the file's bytes (media.data, mediaData) nor a path in the media directory (media.path, mediaPath)"))
                return (.object(block), nil)
            }
            bytes = loaded
        } catch {
            return (.object(Self.failed(error)), nil)
        }
        let sha256 = MediaFiles.sha256(bytes)
        let sniffed = MediaKind.sniff(bytes)
        let kind = sniffed?.kind ?? .other
        let reference = Store.MediaReference(chat: message.chat, messageID: message.id, sender: message.from,
                                             timestamp: message.timestamp, type: message.type.rawValue, caption: message.text)
        // The same file read before (a forwarded receipt, a sticker): its reading as stored.
        if let stored = try? store.readMedia(sha256: sha256), case .object(var cached)? = try? JSONParser.parse(stored) {
            try? store.recordMedia(Self.item(sha256, kind, sniffed?.mimetype, bytes.count, media.path, .read, "", stored),
                                   reference: reference, now: Engine.unixSeconds())
            cached["cached"] = .bool(true)
            return (.object(cached), kind == .audio ? cached["text"]?.stringValue : nil)
        }
        block.append("sha256", .string(sha256))
        block.append("kind", .string(kind.rawValue))
        if let mimetype = sniffed?.mimetype { block.append("mimetype", .string(mimetype)) }
        block.append("size", .int(Int64(bytes.count)))
        var status = Store.MediaStatus.unread
        var text = ""
        if let feature = Self.feature(of: kind), shed.contains(feature) {
            block.append("skipped", .string("degraded"))
            status = .skipped
        } else if let reader = readers[kind] {
            do throws(ParleyError) {
                let reading = try reader.read(bytes, options: JSONObject())
                text = reading.text
                for member in reading.json.members where member.key != "entities" { block[member.key] = member.value }
                block["text"] = .string(reading.text)
                block["confidence"] = .double(reading.confidence)
                block.append("entities", .array(Self.merge(reading.entities, language(reading.text)).map(\.json)))
                status = .read
            } catch {
                block.append("error", Self.failed(error)["error"] ?? .null)
                status = .failed
            }
        }
        block["milliseconds"] = .int(Int64(Engine.nanos(since: started) / 1_000_000))
        let stored = JSONWriter.string(.object(block))
        try? store.recordMedia(Self.item(sha256, kind, sniffed?.mimetype, bytes.count, media.path, status, text, stored),
                               reference: reference, now: Engine.unixSeconds())
        return (.object(block), kind == .audio && status == .read ? text : nil)
    }

    /// A file read on request (parley_media_ocr and its siblings): the reader of `kind`, with
    /// the language stage on its text; nothing is stored.
    func read(_ bytes: [UInt8], as kind: MediaKind, options: JSONObject, language: (String) -> [Entity]) throws(ParleyError) -> JSONValue {
        guard let reader = readers[kind] else {
            throw ParleyError(.unsupported, "the \(kind.rawValue) reader is turned off in this engine's configuration (media.\(Self.section(of: kind)))")
        }
        try reader.validate(options: options)
        guard !bytes.isEmpty else { throw ParleyError(.badMedia, "the file is empty (0 bytes)") }
        // Bytes of another kind are not what the call claims (the header's PARLEY_BAD_MEDIA, "not
        // an image"); a format of the right kind that the reader does not read stays UNSUPPORTED.
        if let (actual, mimetype) = MediaKind.sniff(bytes), actual != kind, actual != .other {
            throw ParleyError(.badMedia, "the file is \(mimetype), not \(kind == .image ? "an image" : kind == .audio ? "audio" : "a document")")
        }
        guard bytes.count <= settings.maxBytes else {
            throw ParleyError(.tooLarge, "the file has \(bytes.count) bytes, over media.maxBytes (\(settings.maxBytes))")
        }
        let started = ContinuousClock.now
        let reading = try reader.read(bytes, options: options)
        var object = JSONObject()
        object.append("sha256", .string(MediaFiles.sha256(bytes)))
        object.append("kind", .string(kind.rawValue))
        for member in reading.json.members where member.key != "entities" { object[member.key] = member.value }
        object["text"] = .string(reading.text)
        object["confidence"] = .double(reading.confidence)
        object.append("entities", .array(Self.merge(reading.entities, language(reading.text)).map(\.json)))
        object["milliseconds"] = .int(Int64(Engine.nanos(since: started) / 1_000_000))
        return .object(object)
    }

    /// The reader's findings (a receipt's total, a document's "Rent: RWF 350,000" field) and
    /// the language stage's (the amount inside that field) side by side, in text order: a field
    /// contains entities rather than competing with them.
    static func merge(_ reader: [Entity], _ language: [Entity]) -> [Entity] {
        (reader + language).sorted { ($0.start, $1.end) < ($1.start, $0.end) }
    }

    private func load(_ media: Message.Media) throws(ParleyError) -> [UInt8]? {
        if let data = media.data {
            guard data.count <= settings.maxBytes else {
                throw ParleyError(.tooLarge, "the file has \(data.count) bytes, over media.maxBytes (\(settings.maxBytes))")
            }
            return data
        }
        guard let path = media.path else { return nil }
        guard let files else {
            throw ParleyError(.invalidArgument, "media.path needs a media directory (media.directory in the configuration)")
        }
        return try files.read(path)
    }

    private static func item(_ sha256: String, _ kind: MediaKind, _ mimetype: String?, _ size: Int, _ path: String?,
                             _ status: Store.MediaStatus, _ text: String, _ result: String) -> Store.MediaItem {
        Store.MediaItem(sha256: sha256, kind: kind.rawValue, mimetype: mimetype, size: size, path: path,
                        status: status, text: text, result: result)
    }

    private static func failed(_ error: ParleyError) -> JSONObject {
        var object = JSONObject()
        object.append("error", ["status": .string(error.kind.statusName), "message": .string(error.message)])
        return object
    }

    static func feature(of kind: MediaKind) -> DegradationSettings.Feature? {
        switch kind {
        case .image: .ocr
        case .audio: .audio
        case .document: .documents
        case .video, .other: nil
        }
    }

    static func section(of kind: MediaKind) -> String {
        switch kind {
        case .image: "ocr"
        case .audio: "voice"
        case .document: "documents"
        case .video, .other: kind.rawValue
        }
    }
}
