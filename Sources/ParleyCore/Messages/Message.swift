/// The one shape every input format is normalized into before the pipeline runs.
public struct Message: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case text, image, audio, voice, video, document, sticker, location, contacts, reaction, interactive
        /// A message its sender deleted for everyone: no words, "revoke": {"messageId"} and a
        /// quote of the message it takes back (in whose thread it goes).
        case revoke
    }

    /// Which input format a message arrived in; named in the enriched context.
    public enum Format: String, Sendable {
        case normalized
        case whatsappWeb = "whatsapp-web.js"
        case baileys
        case cloudAPI = "cloud-api"
    }

    public var id: String
    public var chat: String
    public var from: String
    /// The sender's profile name when the input carries one (Baileys `pushName`,
    /// whatsapp-web.js `notifyName`, Cloud API contact profile).
    public var senderName: String?
    public var fromMe: Bool
    /// Unix seconds.
    public var timestamp: Int64
    public var type: Kind
    /// The words of the message: body, caption, or the title of a chosen reply button.
    public var text: String
    public var media: Media?
    public var quoted: Quoted?
    /// Type-specific details in normalized form, keyed by one of `detailKeys`
    /// (see include/parley.h for their shapes).
    public var details: JSONObject
    public static let detailKeys = ["location", "contacts", "reaction", "interactive", "edit", "revoke"]
    public var format: Format
    /// The host's own per-chat sequence number, when it has one: it lets Parley see a gap
    /// (a message that has not arrived yet) instead of guessing from timestamps.
    public var sequence: Int64?
    /// Replayed after a reconnect (Baileys `append`, history sync), not received live.
    public var history = false
    /// A placeholder whose content has not arrived yet (Baileys decryption stub,
    /// `messageStubType` 2): journaled as pending; the real payload under the same id completes it.
    public var pending = false

    public init(
        id: String, chat: String, from: String, fromMe: Bool = false, timestamp: Int64, type: Kind,
        text: String = "", media: Media? = nil, quoted: Quoted? = nil, details: JSONObject = JSONObject(),
        format: Format = .normalized
    ) {
        self.id = id
        self.chat = chat
        self.from = from
        self.fromMe = fromMe
        self.timestamp = timestamp
        self.type = type
        self.text = text
        self.media = media
        self.quoted = quoted
        self.details = details
        self.format = format
    }

    public struct Media: Sendable, Equatable {
        public var mimetype: String?
        /// Cloud API media id, or whatsapp-web.js / Baileys direct path or URL.
        public var id: String?
        public var url: String?
        public var path: String?
        public var sha256: String?
        public var fileName: String?
        public var size: Int64?
        public var seconds: Int64?
        /// The media's bytes when the host passed them inline (base64 "data"). Never serialized:
        /// the engine keeps them in its media directory and the message then names that file.
        public var data: [UInt8]?

        public init(
            mimetype: String? = nil, id: String? = nil, url: String? = nil, path: String? = nil,
            sha256: String? = nil, fileName: String? = nil, size: Int64? = nil, seconds: Int64? = nil
        ) {
            self.mimetype = mimetype
            self.id = id
            self.url = url
            self.path = path
            self.sha256 = sha256
            self.fileName = fileName
            self.size = size
            self.seconds = seconds
        }
    }

    public struct Quoted: Sendable, Equatable {
        public var id: String
        public var from: String?
        public var text: String?

        public init(id: String, from: String? = nil, text: String? = nil) {
            self.id = id
            self.from = from
            self.text = text
        }
    }
}

extension Message {
    /// The normalized JSON form: what `process` accepts as format (a) and echoes in the context.
    public var json: JSONValue {
        var object = JSONObject()
        object.append("id", .string(id))
        object.append("chat", .string(chat))
        object.append("from", .string(from))
        if let senderName { object.append("senderName", .string(senderName)) }
        object.append("fromMe", .bool(fromMe))
        object.append("timestamp", .int(timestamp))
        object.append("type", .string(type.rawValue))
        object.append("text", .string(text))
        if let media { object.append("media", media.json) }
        if let quoted {
            var q = JSONObject()
            q.append("id", .string(quoted.id))
            if let from = quoted.from { q.append("from", .string(from)) }
            if let text = quoted.text { q.append("text", .string(text)) }
            object.append("quoted", .object(q))
        }
        for member in details.members { object.append(member.key, member.value) }
        if let sequence { object.append("sequence", .int(sequence)) }
        if history { object.append("history", .bool(true)) }
        if pending { object.append("pending", .bool(true)) }
        return .object(object)
    }
}

extension Message.Media {
    public var json: JSONValue {
        var object = JSONObject()
        if let mimetype { object.append("mimetype", .string(mimetype)) }
        if let id { object.append("id", .string(id)) }
        if let url { object.append("url", .string(url)) }
        if let path { object.append("path", .string(path)) }
        if let sha256 { object.append("sha256", .string(sha256)) }
        if let fileName { object.append("fileName", .string(fileName)) }
        if let size { object.append("size", .int(size)) }
        if let seconds { object.append("seconds", .int(seconds)) }
        return .object(object)
    }
}

extension Message {
    /// The deletion of `target` as a message of its own (`id`: the deletion's own, so that it
    /// is never a duplicate of the message it takes back).
    mutating func makeRevoke(of target: String) {
        type = .revoke
        text = ""
        media = nil
        quoted = Quoted(id: target)
        details = JSONObject()
        details.append("revoke", ["messageId": .string(target)])
    }

    /// Marks this message as the new content of `target` (an edit, a message of its own): it
    /// quotes `target`, in whose thread it goes, with "edit": {"messageId"}.
    mutating func makeEdit(of target: String) {
        quoted = Quoted(id: target)
        details.append("edit", ["messageId": .string(target)])
    }

    /// Words carried by the details when a message has no body: a place's name and address,
    /// contact names, a chosen button's title, a reaction's emoji.
    var detailsText: String {
        var parts: [String] = []
        if let location = details["location"] {
            for key in ["name", "address"] { if let s = location[key]?.stringValue, !s.isEmpty { parts.append(s) } }
        }
        for contact in details["contacts"]?.arrayValue ?? [] {
            if let name = contact["name"]?.stringValue, !name.isEmpty { parts.append(name) }
        }
        if let title = details["interactive"]?["title"]?.stringValue, !title.isEmpty { parts.append(title) }
        if let emoji = details["reaction"]?["emoji"]?.stringValue, !emoji.isEmpty { parts.append(emoji) }
        return parts.joined(separator: "\n")
    }
}
