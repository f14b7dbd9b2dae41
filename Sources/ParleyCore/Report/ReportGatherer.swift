/// Gathers a report's data from the store: the chats (one, with a chat filter), and per chat
/// its messages streamed oldest first (each row's context parsed, reduced to what the page
/// shows, and let go), its threads, media and dead letters.
struct ReportGatherer {
    let store: Store
    let options: ReportOptions
    let timeZone: String
    /// The media directory, to embed images (nil: none, or an in-memory store).
    let files: MediaFiles?

    func gather(now: Int64) throws(ParleyError) -> ConversationReport {
        let rows = try store.reportChats(chat: options.chat)
        // Past chatLimit, the most active chats are shown in full (in chat order), the rest listed.
        var detailed = Set<String>()
        if rows.count > options.chatLimit {
            let ranked = rows.sorted { $0.messages != $1.messages ? $0.messages > $1.messages : $0.chat < $1.chat }
            detailed = Set(ranked.prefix(options.chatLimit).map(\.chat))
        }
        var chats: [ChatReport] = []
        var others: [ConversationReport.ChatSummary] = []
        for row in rows {
            if detailed.isEmpty || detailed.contains(row.chat) {
                chats.append(try chat(row, index: chats.count + 1))
            } else {
                others.append(ConversationReport.ChatSummary(chat: row.chat, messages: row.messages, first: row.first, last: row.last))
            }
        }
        return ConversationReport(title: options.title, generatedAt: options.generatedAt ?? now, timeZone: timeZone,
                                  chats: chats, chatFilter: options.chat, otherChats: others)
    }

    private func chat(_ row: Store.ReportChatRow, index: Int) throws(ParleyError) -> ChatReport {
        let storedThreads = try store.reportThreads(chat: row.chat)
        var report = ChatReport(chat: row.chat, name: nil, messageCount: row.messages, duplicates: row.duplicates, first: row.first, last: row.last,
                                messages: [], points: [], threads: [], deadLetters: [], degradedPeriods: [], media: [],
                                entities: [], unreadable: 0)
        report.messages.reserveCapacity(min(row.messages, options.messageLimit))
        report.points.reserveCapacity(row.messages)
        var tally = EntityTally()
        var degraded = DegradedPeriodFolder()
        var anchors: [String: String] = [:]
        var firstInThread: [String: String] = [:]
        var position = 0
        try store.forEachReportMessage(chat: row.chat) { stored in
            position += 1
            let anchor = "c\(index)-m\(position)"
            let listed = position <= options.messageLimit
            // Only listed messages are on the page: only they can be linked to.
            if listed { anchors[stored.id] = anchor }
            let context = try? JSONParser.parse(stored.context)
            if context == nil { report.unreadable += 1 }
            let message = Self.message(stored, context: context, anchor: anchor)
            // A 1:1 chat is named after its tenant (a group's first sender would not name it).
            if report.name == nil, !message.fromMe, stored.sender == row.chat, let name = message.senderName, !name.isEmpty { report.name = name }
            if let thread = stored.thread, listed, firstInThread[thread] == nil { firstInThread[thread] = anchor }
            for entity in context?["entities"]?.arrayValue ?? [] { tally.add(entity, anchor: anchor) }
            // What a photo or document said (a receipt's total and date) counts too.
            for entity in context?["media"]?["entities"]?.arrayValue ?? [] { tally.add(entity, anchor: anchor) }
            if context?["status"]?.stringValue == "processed" {
                degraded.note(receivedAt: stored.receivedAt, features: message.degraded, anchor: listed ? anchor : nil)
            }
            if stored.state == "failed" || stored.state == "dead" {
                report.deadLetters.append(ReportDeadLetter(id: stored.id, anchor: listed ? anchor : nil, state: stored.state, attempts: stored.attempts,
                                                           timestamp: stored.timestamp, lastError: Self.lastError(stored.errors)))
            }
            report.points.append(ReportPoint(timestamp: stored.timestamp, anchor: anchor, listed: listed, fromMe: message.fromMe,
                                             intent: message.intent, sentiment: message.sentiment))
            if listed { report.messages.append(message) }
        }
        report.entities = tally.sortedRows
        report.degradedPeriods = degraded.periods()
        report.threads = storedThreads.map { thread in
            ReportThread(id: thread.id, topic: thread.topic, reference: thread.reference, state: thread.state.rawValue,
                         openedAt: thread.openedAt, lastActivity: thread.lastActivity, messageCount: thread.messageCount,
                         intents: thread.intents, sentimentAverage: thread.sentimentAverage, trend: thread.sentimentTrend,
                         firstAnchor: firstInThread[thread.id])
        }
        if options.galleryLimit > 0 {
            for item in try store.reportMedia(chat: row.chat, limit: options.galleryLimit) {
                report.media.append(ReportMedia(messageID: item.messageID, anchor: anchors[item.messageID], sender: item.sender, timestamp: item.timestamp,
                                                kind: item.kind, mimetype: item.mimetype, size: item.size, status: item.status,
                                                caption: item.caption, text: item.text, dataURL: embedded(item)))
            }
        }
        return report
    }

    /// What the page shows of one stored row.
    static func message(_ stored: Store.ReportMessageRow, context: JSONValue?, anchor: String) -> ReportMessage {
        let body = context?["message"]
        let intent = context?["intent"]
        let sentiment = context?["sentiment"]
        var entities: [(type: String, text: String)] = []
        for entity in context?["entities"]?.arrayValue ?? [] where entities.count < 12 {
            if let type = entity["type"]?.stringValue, let text = entity["text"]?.stringValue { entities.append((type, text)) }
        }
        var text = body?["text"]?.stringValue ?? (context == nil ? "(this message's stored context could not be read)" : "")
        if text.utf8.count > 4000 { text = String(text.prefix(2000)) + " …" }
        var mediaText = context?["media"]?["text"]?.stringValue
        if let read = mediaText, read.utf8.count > 4000 { mediaText = String(read.prefix(2000)) + " …" }
        if mediaText?.isEmpty == true { mediaText = nil }
        return ReportMessage(
            id: stored.id, anchor: anchor, sender: stored.sender, senderName: body?["senderName"]?.stringValue,
            fromMe: body?["fromMe"]?.boolValue ?? false, timestamp: stored.timestamp, type: stored.type, state: stored.state,
            text: text, mediaText: mediaText, intent: intent?["name"]?.stringValue, intentConfidence: intent?["confidence"]?.doubleValue,
            sentiment: sentiment?["score"]?.doubleValue, sentimentLabel: sentiment?["label"]?.stringValue,
            sarcasm: sentiment?["sarcasm"]?.boolValue ?? false, urgency: sentiment?["urgency"]?.doubleValue,
            entities: entities, thread: stored.thread ?? context?["thread"]?["id"]?.stringValue,
            degraded: (context?["degraded"]?.arrayValue ?? []).compactMap(\.stringValue))
    }

    /// The message of the last entry of a dead letter's error history.
    static func lastError(_ errors: String?) -> String? {
        guard let errors, let history = (try? JSONParser.parse(errors))?.arrayValue, let last = history.last else { return nil }
        let message = last["message"]?.stringValue ?? ""
        // "failed" is what the engine writes when the host gave no status: it says nothing more.
        let status = last["status"]?.stringValue.flatMap { $0 == "failed" ? nil : $0 } ?? ""
        if message.isEmpty { return status.isEmpty ? nil : status }
        return status.isEmpty ? message : status + ": " + message
    }

    /// An image file from the media directory as a data: URL, when small enough and of a
    /// format browsers show (told from its bytes: JPEG, PNG, GIF, WebP — never SVG).
    private func embedded(_ item: Store.ReportMediaRow) -> String? {
        guard options.embedImages, item.kind == "image", item.size <= Int64(ReportOptions.maxEmbeddedImageBytes),
              let files, let path = item.path, let bytes = try? files.read(path),
              bytes.count <= ReportOptions.maxEmbeddedImageBytes, let type = Self.imageType(bytes) else { return nil }
        return "data:" + type + ";base64," + Self.base64(bytes)
    }

    static func imageType(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
        if bytes.starts(with: Array("GIF8".utf8)) { return "image/gif" }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) { return "image/webp" }
        return nil
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out += [alphabet[Int(n >> 18)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], alphabet[Int(n & 63)]]
            i += 3
        }
        let rest = bytes.count - i
        if rest > 0 {
            let n = UInt32(bytes[i]) << 16 | (rest == 2 ? UInt32(bytes[i + 1]) << 8 : 0)
            out += [alphabet[Int(n >> 18)], alphabet[Int(n >> 12 & 63)], rest == 2 ? alphabet[Int(n >> 6 & 63)] : UInt8(ascii: "="), UInt8(ascii: "=")]
        }
        return String(decoding: out, as: UTF8.self)
    }
}
