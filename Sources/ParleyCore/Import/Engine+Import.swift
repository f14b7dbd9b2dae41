/// What `importChat` takes beside the path: {"chat", "timeZone", "dateOrder"}, each optional.
public struct ImportOptions: Sendable, Equatable {
    /// The chat id the messages go to; default: the name in the export's file name
    /// ("WhatsApp Chat with Kacyiru Heights Tenants.txt" → "Kacyiru Heights Tenants").
    public var chat: String?
    /// The zone the export's local times are read in (IANA name or offset); default the
    /// engine's "timeZone" (UTC when not configured).
    public var timeZone: String?
    /// Day or month first; default: detected from the whole file (a value over 12 settles it),
    /// else the engine's date order ("dayFirst", from "region").
    public var dateOrder: ExportDateOrder?

    public init(chat: String? = nil, timeZone: String? = nil, dateOrder: ExportDateOrder? = nil) {
        self.chat = chat
        self.timeZone = timeZone
        self.dateOrder = dateOrder
    }

    /// From the C API's options JSON (nil or null: defaults). Unknown keys are refused.
    public init(json: JSONValue?) throws(ParleyError) {
        self.init()
        guard let json, !json.isNull else { return }
        guard case .object(let object) = json else { throw ParleyError(.invalidArgument, "the import options must be a JSON object") }
        for key in object.keys where !["chat", "timeZone", "dateOrder"].contains(key) {
            throw ParleyError(.invalidArgument, "unknown import option \"\(key)\" (chat, timeZone, dateOrder)")
        }
        func string(_ key: String) throws(ParleyError) -> String? {
            guard let value = object[key], !value.isNull else { return nil }
            guard let text = value.stringValue else { throw ParleyError(.invalidArgument, "options.\(key) must be a string") }
            return text
        }
        chat = try string("chat")
        timeZone = try string("timeZone")
        if let order = try string("dateOrder") {
            guard let parsed = ExportDateOrder(rawValue: order) else {
                throw ParleyError(.invalidArgument, "options.dateOrder must be \"dmy\" or \"mdy\", got \"\(order)\"")
            }
            dateOrder = parsed
        }
    }
}

/// Importing a WhatsApp "Export chat" file: every message through the whole pipeline (media
/// read, entities, intent, sentiment, threads) and into the journal, in batches of
/// `importBatchSize` per commit. Ids are deterministic, so importing the same export again
/// adds nothing.
extension Engine {
    public static let importBatchSize = 256
    static let importBatchBytes = 4 << 20
    static let duplicateOfKey = Array("\"duplicateOf\"".utf8)
    static let importListed = 20

    /// Imports the export at `path` (a .txt or a .zip). `progress` is called on this thread
    /// with (bytes of chat text read, bytes in all) after each batch. Returns the summary:
    /// {"schema", "file", "chat", "format", "dateOrder", "dateOrderSource", "timeZone",
    ///  "encoding", "lines", "messages", "imported", "duplicates", "repeats", "failed",
    ///  "deleted", "edited", "truncated", "systemEvents", "events", "media", "mediaMissing",
    ///  "mediaErrors", "unparsedLines", "unparsedCount", "invalidBytes", "recodedLines",
    ///  "errors", "elapsedMs"}.
    public func importChat(path: String, options: ImportOptions = ImportOptions(),
                           progress: ((_ bytesRead: Int64, _ totalBytes: Int64) -> Void)? = nil) throws(ParleyError) -> JSONValue {
        let started = ContinuousClock.now
        let zoneName = options.timeZone ?? configuration.dates.timeZone
        let zone: TimeZoneRules
        do {
            zone = try TimeZoneRules.named(zoneName)
        } catch {
            throw ParleyError(options.timeZone == nil ? error.kind : .invalidArgument, "\(error)")
        }
        if let chat = options.chat, chat.isEmpty || chat.utf8.count > 256 {
            throw ParleyError(.invalidArgument, "options.chat must be 1 to 256 bytes")
        }
        var source = try ExportSource.open(path)
        let chat = options.chat ?? source.chatName

        // Pass 1: the date order, from the whole file when no line settles it early.
        var scanStream = try source.textStream()
        let scan = ExportParser.scan(&scanStream)
        guard scan.headerLines > 0 else {
            let lines = scanStream.lineNumber
            throw ParleyError(lines == 0 ? .invalidArgument : .unsupported, lines == 0
                ? "\(path) is empty: there is no chat to import"
                : "\(path) is not a WhatsApp chat export: none of its \(lines) lines starts with a date and time such as \"12/03/2025, 14:05 - \" (Android) or \"[12/03/2025, 14:05:33] \" (iOS)")
        }
        let order: ExportDateOrder
        let orderSource: String
        if let forced = options.dateOrder {
            (order, orderSource) = (forced, "option")
        } else if let evidence = scan.evidence {
            (order, orderSource) = (evidence, "detected")
        } else {
            (order, orderSource) = (configuration.dates.dayFirst ? .dmy : .mdy, "default")
        }

        // Pass 2: messages, in batches.
        var parser = ExportParser(stream: try source.textStream(), order: order, maxTextBytes: configuration.maxMessageBytes)
        var tally = ImportTally()
        var batch: [ImportItem] = []
        batch.reserveCapacity(Self.importBatchSize)
        var batchBytes = 0
        var ordinals: [String: Int] = [:]
        var ordinalSecond = Int.min
        let total = parser.stream.source.total

        func flush() throws(ParleyError) {
            guard !batch.isEmpty else { return }
            try importBatch(batch, source: &source, tally: &tally)
            batch.removeAll(keepingCapacity: true)
            batchBytes = 0
            progress?(parser.stream.bytesRead, total)
        }

        while let item = parser.next() {
            switch item {
            case .system(let event):
                tally.systemEvents += 1
                if tally.events.count < 50 {
                    tally.events.append(["line": .int(Int64(event.line)), "timestamp": .int(Int64(zone.instant(local: event.localSeconds))),
                                         "kind": .string(event.kind.rawValue), "text": .string(String(event.text.prefix(300)))])
                }
            case .message(let exported):
                tally.messages += 1
                if exported.edited { tally.edited += 1 }
                if exported.truncated { tally.truncated += 1 }
                if exported.marker == .deleted { tally.deleted += 1; continue }
                if exported.localSeconds != ordinalSecond { ordinals.removeAll(keepingCapacity: true); ordinalSecond = exported.localSeconds }
                let built = Self.importedMessage(exported, chat: chat, zone: zone, ordinals: &ordinals)
                var omitted = false
                if case .omitted? = exported.marker { omitted = true }
                batch.append(ImportItem(line: exported.line, message: built.message, file: built.file, omitted: omitted))
                batchBytes += built.message.text.utf8.count
                // Bounded by count and by text: 256 messages of the 1 MB limit would be 256 MB.
                if batch.count >= Self.importBatchSize || batchBytes >= Self.importBatchBytes { try flush() }
            }
        }
        try flush()
        progress?(parser.stream.bytesRead, total)

        var summary = JSONObject()
        summary.append("schema", .int(EnrichedContext.schema))
        summary.append("file", .string(path))
        summary.append("chat", .string(chat))
        summary.append("format", .string((parser.layout ?? scan.layout ?? .android).rawValue))
        summary.append("dateOrder", .string(order.rawValue))
        summary.append("dateOrderSource", .string(orderSource))
        summary.append("timeZone", .string(zoneName))
        summary.append("encoding", .string(parser.stream.encoding?.rawValue ?? "utf-8"))
        summary.append("lines", .int(Int64(parser.stream.lineNumber)))
        summary.append("messages", .int(Int64(tally.messages)))
        summary.append("imported", .int(Int64(tally.imported)))
        summary.append("duplicates", .int(Int64(tally.duplicates)))
        summary.append("repeats", .int(Int64(tally.repeats)))
        summary.append("failed", .int(Int64(tally.failed)))
        summary.append("deleted", .int(Int64(tally.deleted)))
        summary.append("edited", .int(Int64(tally.edited)))
        summary.append("truncated", .int(Int64(tally.truncated)))
        summary.append("systemEvents", .int(Int64(tally.systemEvents)))
        summary.append("events", .array(tally.events))
        summary.append("media", .int(Int64(tally.media)))
        summary.append("mediaMissing", .int(Int64(tally.mediaMissing)))
        summary.append("mediaErrors", .array(tally.mediaErrors))
        summary.append("unparsedLines", .array(parser.unparsed.map { ["line": .int(Int64($0.line)), "text": .string($0.text)] }))
        summary.append("unparsedCount", .int(Int64(parser.unparsedCount)))
        summary.append("invalidBytes", .int(Int64(parser.stream.invalidBytes)))
        summary.append("recodedLines", .int(Int64(parser.stream.recodedLines)))
        summary.append("cutLines", .int(Int64(parser.stream.cutLines)))
        summary.append("errors", .array(tally.errors))
        summary.append("elapsedMs", .int(Self.micros(since: started) / 1000))
        log.log(.info, "import.done", "imported a chat export", [
            "chat": .string(chat), "messages": .int(Int64(tally.messages)), "imported": .int(Int64(tally.imported)),
            "duplicates": .int(Int64(tally.duplicates)),
        ])
        return .object(summary)
    }

    /// A message waiting for its batch: the file it names, whether it stood for omitted media.
    struct ImportItem {
        var line: Int
        var message: Message
        var file: String?
        var omitted: Bool
    }

    /// The counts an import adds up as it goes.
    struct ImportTally {
        var messages = 0, imported = 0, duplicates = 0, repeats = 0, failed = 0, deleted = 0, edited = 0, truncated = 0
        var systemEvents = 0, media = 0, mediaMissing = 0
        var events: [JSONValue] = []
        var mediaErrors: [JSONValue] = []
        var errors: [JSONValue] = []
    }

    /// One batch: the duplicate check and the pipeline per message (attachments read only for
    /// messages not imported before), then one commit for the batch.
    private func importBatch(_ batch: [ImportItem], source: inout ExportSource,
                             tally: inout ImportTally) throws(ParleyError) {
        var pending: [Store.JournalEntry] = []
        pending.reserveCapacity(batch.count)
        let now = Self.unixSeconds()
        for item in batch {
            do throws(ParleyError) {
                let prepared = try prepare(item.message, live: false) { message in
                    guard let file = item.file else { return }
                    do throws(ParleyError) {
                        guard let bytes = try source.attachment(file, maxBytes: configuration.media.maxBytes) else {
                            tally.mediaMissing += 1
                            return
                        }
                        tally.media += 1
                        if let sniffed = MediaKind.sniff(bytes) {
                            message.media?.mimetype = sniffed.mimetype
                            message.type = Self.messageKind(sniffed.kind, named: message.type)
                        }
                        message.media?.size = Int64(bytes.count)
                        message.media?.data = bytes
                    } catch {
                        tally.mediaMissing += 1
                        if tally.mediaErrors.count < Self.importListed {
                            tally.mediaErrors.append(["line": .int(Int64(item.line)), "file": .string(file),
                                                      "status": .string(error.kind.statusName), "message": .string(error.message)])
                        }
                    }
                }
                switch prepared {
                case .duplicate:
                    tally.duplicates += 1
                    metrics.count(.duplicate, now: now)
                case .fresh(let entry):
                    if item.omitted { tally.mediaMissing += 1 }
                    pending.append(entry)
                }
            } catch {
                tally.failed += 1
                metrics.count(.error, now: now)
                if tally.errors.count < Self.importListed {
                    tally.errors.append(["line": .int(Int64(item.line)), "status": .string(error.kind.statusName), "message": .string(error.message)])
                }
            }
        }
        guard !pending.isEmpty else { return }
        let journaling = ContinuousClock.now
        let journaled = try store.journal(pending, receivedAt: Self.unixMillis())
        metrics.observe(.journal, nanos: Self.nanos(since: journaling), now: Self.unixSeconds())
        for outcome in journaled {
            switch outcome {
            case .stored:
                tally.imported += 1
                metrics.count(.processed, now: now)
            case .duplicate(let text):
                // The same sender and words within dedup.contentWindowSeconds: stored, pointing at the first.
                if ExportText.contains(Array(text.utf8), Self.duplicateOfKey) {
                    tally.repeats += 1
                    tally.imported += 1
                } else {
                    tally.duplicates += 1
                }
                metrics.count(.duplicate, now: now)
            case .stillPending:
                tally.duplicates += 1
                metrics.count(.pending, now: now)
            case .handedOver(let reason):
                // Only a fenced write (the fleet's asynchronous core) is handed over: not an import's.
                throw ParleyError(.internal, "an imported message was handed over: \(reason)")
            }
        }
    }

    /// The message an exported one becomes, and the file it names (to be read if it is new).
    static func importedMessage(_ exported: ExportedMessage, chat: String, zone: TimeZoneRules,
                                ordinals: inout [String: Int]) -> (message: Message, file: String?) {
        var type = Message.Kind.text
        var file: String?
        var media: Message.Media?
        switch exported.marker {
        case .omitted(let kind)?:
            // Android's "<Media omitted>" does not say which kind: a document, the generic file.
            type = kind ?? .document
        case .attached(let name, _)?:
            type = ExportMarker.kind(ofFile: name)
            file = name
            media = Message.Media(fileName: name)
        case .deleted?, nil:
            break
        }
        let phone = phoneNumber(exported.sender)
        // Deterministic: the same export (or a later one that contains these messages) gives
        // the same ids, so the journal's duplicate check makes a re-import add nothing.
        let marker = file ?? (type == .text ? "" : type.rawValue)
        let key = exported.sender + "\u{1F}" + marker + "\u{1F}" + exported.text
        let ordinal = ordinals[key, default: 0]
        ordinals[key] = ordinal + 1
        let digest = MediaFiles.sha256(Array("\(chat)\u{1F}\(exported.localSeconds)\u{1F}\(ordinal)\u{1F}\(key)".utf8))
        var message = Message(id: "export-" + digest.prefix(24), chat: chat, from: phone ?? exported.sender,
                              timestamp: Int64(zone.instant(local: exported.localSeconds)), type: type,
                              text: exported.text, media: media)
        if phone == nil { message.senderName = exported.sender }
        message.history = true
        return (message, file)
    }

    /// "+250 788 123 456" → "+250788123456"; nil for a name.
    static func phoneNumber(_ name: String) -> String? {
        var digits = ""
        var sawPlus = false
        for scalar in name.unicodeScalars {
            switch scalar {
            case "+" where digits.isEmpty && !sawPlus: sawPlus = true
            case "0"..."9": digits.unicodeScalars.append(scalar)
            case " ", "-", "(", ")", ".", "\u{A0}", "\u{202F}": continue
            default: return nil
            }
        }
        guard sawPlus, (7...15).contains(digits.count) else { return nil }
        return "+" + digits
    }

    /// The type a message's bytes prove (a voice note stays voice, a sticker a sticker).
    static func messageKind(_ kind: MediaKind, named: Message.Kind) -> Message.Kind {
        switch kind {
        case .image: return named == .sticker ? .sticker : .image
        case .audio: return named == .voice ? .voice : .audio
        case .video: return .video
        case .document: return named == .contacts ? .contacts : .document
        case .other: return named
        }
    }
}
