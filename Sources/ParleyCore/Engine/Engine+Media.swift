/// Media: the stage inside processing (Media/MediaStage.swift), the readers called directly
/// (parley_media_ocr, _transcribe, _parse_document) and the gallery's queries.
extension Engine {
    /// The readers the configuration turns on.
    /// The readers the configuration turns on, each allowed as many files at once as the
    /// pool has workers (one native handle per worker).
    static func mediaReaders(_ configuration: Configuration) throws(ParleyError) -> [MediaKind: any MediaReader] {
        let instances = max(1, configuration.async.maxWorkers)
        // A reader gives up well before the worker's watchdog would dead-letter its message.
        let timeout = configuration.async.messageTimeoutMillis
        func limit(_ millis: Int) -> Int { timeout > 0 ? min(millis, Int(timeout * 2 / 3)) : millis }
        var readers: [MediaKind: any MediaReader] = [:]
        if var settings = configuration.media.ocr {
            settings.timeLimitMillis = limit(settings.timeLimitMillis)
            readers[.image] = try OCRService(settings: settings, instances: instances)
        }
        if let settings = configuration.media.voice {
            readers[.audio] = try VoiceService(settings: settings, instances: instances)
        }
        if var settings = configuration.media.documents {
            settings.timeoutMillis = limit(settings.timeoutMillis)
            readers[.document] = try DocumentService(settings: settings, instances: instances, ocr: readers[.image] as? OCRService)
        }
        return readers
    }

    /// The message's media read, timed, with the language stage on the text found.
    func readMedia(of message: Message, shed: [DegradationSettings.Feature]) -> (block: JSONValue, transcript: String?)? {
        guard message.media != nil else { return nil }
        let started = ContinuousClock.now
        defer { metrics.observe(.media, nanos: Self.nanos(since: started), now: Self.unixSeconds()) }
        return media.run(message, shed: shed, store: store) { text in
            pipeline.entities(in: text, reference: message.timestamp, statistical: !shed.contains(.statistical), sender: message.from)
        }
    }

    /// Reads one file with the reader of `kind`; `options` is the C API's options JSON (may
    /// name "timestamp", Unix seconds, to resolve relative dates against).
    public func readMedia(_ bytes: [UInt8], as kind: MediaKind, options text: String?) throws(ParleyError) -> JSONValue {
        var options = JSONObject()
        // NULL means the defaults; "" is no JSON object (PARLEY_MALFORMED_JSON, as for config_json).
        if let text {
            guard case .object(let object) = try JSONParser.parse(text) else {
                throw ParleyError(.invalidArgument, "options must be a JSON object")
            }
            options = object
        }
        var reference = Self.unixSeconds()
        if let timestamp = options["timestamp"] {
            guard let seconds = timestamp.int64Value else { throw ParleyError(.invalidArgument, "options.timestamp must be Unix seconds") }
            reference = seconds
            options["timestamp"] = nil
        }
        let started = ContinuousClock.now
        defer { metrics.observe(.media, nanos: Self.nanos(since: started), now: Self.unixSeconds()) }
        let result = try media.read(bytes, as: kind, options: options) { text in
            pipeline.entities(in: text, reference: reference, statistical: true)
        }
        // A document of its own (unlike the media block inside a context): it names its schema.
        guard case .object(let fields) = result, fields["schema"] == nil else { return result }
        var document = JSONObject()
        document.append("schema", .int(EnrichedContext.schema))
        for member in fields.members { document.append(member.key, member.value) }
        return .object(document)
    }

    /// The host's own transcriber (another language, a cloud service), used where
    /// "media.voice.engine" or a call's options say "host"; nil removes it. Called on
    /// Parley's worker threads with the file and its audio as 16 kHz mono samples.
    public func setTranscriber(_ transcriber: HostTranscriber?) throws(ParleyError) {
        guard let voice = media.readers[.audio] as? VoiceService else {
            throw ParleyError(.unsupported, "the voice reader is turned off in this engine's configuration (media.voice)")
        }
        voice.setHostTranscriber(transcriber)
    }

    /// The gallery: messages' media, newest first, narrowed by the query's fields (chat,
    /// thread, sender, kind, since, until, text, limit, offset).
    public func gallery(query value: JSONValue?) throws(ParleyError) -> JSONValue {
        var query = Store.GalleryQuery()
        if let value, !value.isNull {
            guard case .object(let object) = value else { throw ParleyError(.invalidArgument, "the gallery query must be a JSON object") }
            var r = Configuration.Reader(object: object, path: "query.")
            do {
                query.chat = try r.string("chat")
                query.thread = try r.string("thread")
                query.sender = try r.string("sender")
                query.kind = try r.string("kind")
                query.since = try r.int("since")
                query.until = try r.int("until")
                query.text = try r.string("text")
                if let limit = try r.int("limit") { query.limit = Int(limit) }
                if let offset = try r.int("offset") { query.offset = Int(offset) }
                try r.finish()
            } catch {
                throw ParleyError(.invalidArgument, "\(error)")
            }
            if let kind = query.kind, MediaKind(rawValue: kind) == nil {
                throw ParleyError(.invalidArgument, "query.kind must be one of \(MediaKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard (1...1000).contains(query.limit) else { throw ParleyError(.invalidArgument, "query.limit must be between 1 and 1000") }
            guard query.offset >= 0 else { throw ParleyError(.invalidArgument, "query.offset must not be negative") }
        }
        return ["schema": .int(EnrichedContext.schema), "media": .array(try store.gallery(query))]
    }

    /// One media item by its SHA-256 (hex or base64): its full reading and every message
    /// that carried it.
    public func galleryItem(sha256: String) throws(ParleyError) -> JSONValue {
        guard MediaHash.isDigest(sha256) else {
            throw ParleyError(.invalidArgument, "sha256 must be 64 hex digits or the base64 of 32 bytes")
        }
        return ["schema": .int(EnrichedContext.schema), "item": try store.galleryItem(sha256: sha256)]
    }
}

extension Message {
    /// The same message read as saying `text` (a voice note's transcript).
    func withText(_ text: String) -> Message {
        var copy = self
        copy.text = text
        return copy
    }
}
