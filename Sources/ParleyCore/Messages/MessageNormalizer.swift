/// Turns any accepted input into a `Message`: Parley's normalized form, a whatsapp-web.js
/// `Message`, a Baileys `WAMessage`, or one Cloud API message object. The format is detected
/// from the fields only one of them has, and named in the result.
public enum MessageNormalizer {
    public static func normalize(_ value: JSONValue) throws(ParleyError) -> Message {
        guard case .object(let object) = value else {
            throw ParleyError(.invalidMessage, "a message must be a JSON object, got \(value.typeName)")
        }
        let fields = FieldReader(object)
        var message: Message
        switch detectFormat(fields) {
        case .baileys: message = try BaileysMessage.normalize(fields)
        case .whatsappWeb: message = try WhatsAppWebMessage.normalize(fields)
        case .cloudAPI: message = try CloudAPIMessage.normalize(fields, senderName: nil)
        case .normalized: message = try normalizeParleyForm(fields)
        }
        try readHostMarks(fields, into: &message)
        try refuseNUL(in: message)
        return message
    }

    /// The store keys a message by text a NUL would cut ("A\u0000one" and "A\u0000two" were one
    /// message): chat, id, sender and the quoted id may not hold one.
    static func refuseNUL(in message: Message) throws(ParleyError) {
        for (name, value) in [("chat", message.chat), ("id", message.id), ("from", message.from), ("quoted.id", message.quoted?.id ?? "")]
        where value.utf8.contains(0) {
            throw ParleyError(.invalidMessage, "the message's \(name) must not contain a NUL character (\\u0000)")
        }
    }

    /// Fields a host may add to a message of any format: its own per-chat `"sequence"`
    /// number, `"history": true` for a replayed message (Baileys `append`, history sync).
    static func readHostMarks(_ fields: FieldReader, into message: inout Message) throws(ParleyError) {
        if let sequence = try fields.integer("sequence") {
            guard sequence >= 0 else { throw ParleyError(.invalidMessage, "sequence must not be negative, got \(sequence)") }
            message.sequence = sequence
        }
        if try fields.bool("history") == true { message.history = true }
        if message.format == .normalized, try fields.bool("pending") == true { message.pending = true }
        // Media the host downloaded, for every format: a file under the media directory or the
        // bytes in base64 (whatsapp-web.js `(await msg.downloadMedia()).data`).
        let path = try fields.string("mediaPath")
        let data = try fields.string("mediaData")
        if path != nil || data != nil {
            var media = message.media ?? Message.Media()
            if let path { media.path = path }
            if let data { media.data = try base64(data, field: "mediaData") }
            message.media = media
        }
    }

    static func base64(_ text: String, field: String) throws(ParleyError) -> [UInt8] {
        guard let bytes = MediaHash.base64Decode(Array(text.utf8.filter { $0 != 10 && $0 != 13 })) else {
            throw ParleyError(.invalidMessage, "\(field) is not base64")
        }
        return bytes
    }

    static func detectFormat(_ fields: FieldReader) -> Message.Format {
        if fields.value("key")?.objectValue != nil { return .baileys }
        if fields.value("id")?.objectValue != nil || fields.has("_data") || fields.has("hasMedia") { return .whatsappWeb }
        if !fields.has("chat"), let type = fields.value("type")?.stringValue, fields.has(type),
           fields.value("timestamp")?.stringValue != nil {
            return .cloudAPI
        }
        return .normalized
    }

    /// Format (a), documented in include/parley.h.
    static func normalizeParleyForm(_ fields: FieldReader) throws(ParleyError) -> Message {
        if fields.value("object")?.stringValue == "whatsapp_business_account" {
            throw ParleyError(.unsupported, "this is a Cloud API webhook body: pass it to parley_engine_ingest_webhook")
        }
        let typeName = try fields.requiredString("type")
        guard let type = Message.Kind(rawValue: typeName) else {
            throw ParleyError(.unsupported, "unknown message type \"\(typeName)\"; Parley handles \(Message.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let chat = try fields.requiredNonEmptyString("chat")
        try refuseStatusPost(chat)
        var message = Message(
            id: try fields.requiredNonEmptyString("id"),
            chat: chat,
            from: try fields.requiredNonEmptyString("from"),
            fromMe: try fields.bool("fromMe") ?? false,
            timestamp: try timestamp(fields),
            type: type,
            text: try fields.string("text") ?? "",
            format: .normalized)
        message.senderName = try fields.string("senderName")
        if let media = try fields.object("media") {
            message.media = Message.Media(
                mimetype: try media.string("mimetype"), id: try media.string("id"), url: try media.string("url"),
                path: try media.string("path"), sha256: try media.string("sha256").map(MediaHash.hex),
                fileName: try media.string("fileName"), size: try media.integer("size"), seconds: try media.integer("seconds"))
            if let data = try media.string("data") { message.media?.data = try base64(data, field: "media.data") }
        }
        if let quoted = try fields.object("quoted") {
            message.quoted = Message.Quoted(id: try quoted.requiredNonEmptyString("id"), from: try quoted.string("from"), text: try quoted.string("text"))
        }
        for key in Message.detailKeys {
            guard let detail = fields.value(key) else { continue }
            guard detail.objectValue != nil || (key == "contacts" && detail.arrayValue != nil) else {
                throw fields.wrongType(key, key == "contacts" ? "an array" : "an object", detail)
            }
            if key == "location" { try checkLocation(FieldReader(detail, path: key)) }
            message.details.append(key, detail)
        }
        if type == .revoke {
            guard let target = message.details["revoke"]?["messageId"]?.stringValue ?? message.quoted?.id, !target.isEmpty else {
                throw ParleyError(.invalidMessage, "a revoke names the message it takes back: revoke.messageId or quoted.id")
            }
            message.makeRevoke(of: target)
        }
        if message.text.isEmpty { message.text = message.detailsText }
        return message
    }

    /// The normalized "location" is {"latitude", "longitude", "name"?, "address"?, "url"?}
    /// (include/parley.h), and it is passed on as given: a host reading "latitude" as a
    /// number must get one.
    static func checkLocation(_ location: FieldReader) throws(ParleyError) {
        for (key, limit) in [("latitude", 90.0), ("longitude", 180.0)] {
            guard let value = location.value(key) else { throw location.missing(key) }
            guard let degrees = value.doubleValue else { throw location.wrongType(key, "a number", value) }
            guard abs(degrees) <= limit else {
                throw ParleyError(.invalidMessage, "\(location.path)\(key) must be between \(-limit) and \(limit) degrees, got \(degrees)")
            }
        }
        for key in ["name", "address", "url"] { _ = try location.string(key) }
    }

    /// A WhatsApp Status post (a contact's story, chat "status@broadcast") is no message to the
    /// bot: a client library hands it over like one.
    static func refuseStatusPost(_ chat: String) throws(ParleyError) {
        if chat == "status@broadcast" {
            throw ParleyError(.unsupported, "a WhatsApp Status post (the status broadcast chat) is not a message to the bot")
        }
    }

    /// "timestamp" in Unix seconds: an integer (also as a string or a protobuf Long), or
    /// fractional seconds (Python's `time.time()`), cut to the second. `alternative` is read
    /// when "timestamp" is absent (whatsapp-web.js's raw model writes "t").
    static func timestamp(_ fields: FieldReader, alternative: String? = nil) throws(ParleyError) -> Int64 {
        let key = !fields.has("timestamp") && alternative.map(fields.has) == true ? alternative! : "timestamp"
        let value: Int64
        if case .double(let seconds)? = fields.value(key), seconds.isFinite, seconds >= 0, seconds < 100_000_000_000 {
            value = Int64(seconds)
        } else {
            value = try fields.requiredInteger(key)
        }
        guard value >= 0 && value < 100_000_000_000 else {
            throw ParleyError(.invalidMessage, "\(fields.path)\(key) must be Unix seconds, got \(value)")
        }
        return value
    }
}
