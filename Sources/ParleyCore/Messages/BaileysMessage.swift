/// Format (c): a Baileys `WAMessage` (`proto.IWebMessageInfo`) as JSON, with protobuf.js
/// `Long` values as numbers, strings or `{low, high}` objects and bytes as base64 strings or
/// Node `Buffer` JSON.
enum BaileysMessage {
    /// Containers that only wrap the real content one level down.
    static let wrappers = ["ephemeralMessage", "viewOnceMessage", "viewOnceMessageV2", "viewOnceMessageV2Extension",
                           "documentWithCaptionMessage", "groupMentionedMessage", "editedMessage"]
    /// Keys that ride along with the content and are not content themselves.
    static let companions: Set<String> = ["messageContextInfo", "senderKeyDistributionMessage"]

    static func normalize(_ fields: FieldReader) throws(ParleyError) -> Message {
        let key = try fields.requiredObject("key")
        let chat = try key.requiredNonEmptyString("remoteJid")
        try MessageNormalizer.refuseStatusPost(chat)
        let id = try key.requiredNonEmptyString("id")
        let fromMe = try key.bool("fromMe") ?? false
        let participant = try key.string("participant")
        let groupParticipant = try fields.string("participant")
        // Baileys does not name the bot's own account in its 1:1 messages.
        let sender = participant ?? groupParticipant ?? (fromMe ? "me" : chat)
        guard let timestamp = try fields.integer("messageTimestamp") else { throw fields.missing("messageTimestamp") }
        guard var content = try fields.object("message") else {
            if let stub = try fields.integer("messageStubType") {
                // 2 = CIPHERTEXT: the message could not be decrypted yet ("No session record");
                // Baileys delivers the real payload under the same key.id once it can.
                guard stub == 2 else {
                    throw ParleyError(.unsupported, "a Baileys message stub (messageStubType \(stub)) carries no content")
                }
                var message = Message(id: id, chat: chat, from: sender, fromMe: fromMe, timestamp: timestamp, type: .text, format: .baileys)
                message.senderName = try fields.string("pushName")
                message.pending = true
                return message
            }
            throw fields.missing("message")
        }
        var contentKey: String?
        unwrap: while true {
            contentKey = content.object.keys.first { !companions.contains($0) && content.has($0) }
            guard let current = contentKey, wrappers.contains(current),
                  let inner = try content.object(current)?.object("message") else { break unwrap }
            content = inner
        }
        guard let contentKey else {
            throw ParleyError(.invalidMessage, "message has no content")
        }

        var message = Message(id: id, chat: chat, from: sender, fromMe: fromMe, timestamp: timestamp, type: .text, format: .baileys)
        message.senderName = try fields.string("pushName")
        var contextInfo: FieldReader?

        if contentKey == "conversation" {
            message.text = try content.requiredString("conversation")
            return message
        }
        guard let body = try content.object(contentKey) else {
            throw content.wrongType(contentKey, "an object", content.value(contentKey)!)
        }
        contextInfo = try body.object("contextInfo")
        switch contentKey {
        case "extendedTextMessage":
            message.text = try body.string("text") ?? ""
        case "imageMessage", "videoMessage", "audioMessage", "documentMessage", "stickerMessage":
            message.type = switch contentKey {
            case "imageMessage": .image
            case "videoMessage": .video
            case "documentMessage": .document
            case "stickerMessage": .sticker
            default: try body.bool("ptt") == true ? .voice : .audio
            }
            message.text = try body.string("caption") ?? ""
            message.media = Message.Media(
                mimetype: try body.string("mimetype"),
                id: try body.string("directPath"),
                url: try body.string("url"),
                sha256: body.value("fileSha256").flatMap { MediaHash.hex(buffer: $0) },
                fileName: try body.string("fileName"),
                size: try body.integer("fileLength"),
                seconds: try body.integer("seconds"))
        case "locationMessage", "liveLocationMessage":
            message.type = .location
            guard let latitude = try body.double("degreesLatitude"), let longitude = try body.double("degreesLongitude") else {
                throw ParleyError(.invalidMessage, "\(body.path)degreesLatitude and degreesLongitude are missing")
            }
            var location = JSONObject()
            location.append("latitude", .double(latitude))
            location.append("longitude", .double(longitude))
            if let name = try body.string("name") { location.append("name", .string(name)) }
            if let address = try body.string("address") { location.append("address", .string(address)) }
            if let url = try body.string("url") { location.append("url", .string(url)) }
            message.details.append("location", .object(location))
            message.text = try body.firstString("comment", "caption") ?? ""
        case "contactMessage", "contactsArrayMessage":
            message.type = .contacts
            let cards = contentKey == "contactMessage" ? [JSONValue.object(body.object)] : try body.array("contacts") ?? []
            message.details.append("contacts", .array(cards.map { card in
                var parsed = VCard.parse(card["vcard"]?.stringValue ?? "")
                if parsed.name.isEmpty { parsed.name = card["displayName"]?.stringValue ?? "" }
                return parsed.json
            }))
        case "reactionMessage":
            message.type = .reaction
            var reaction = JSONObject()
            reaction.append("emoji", .string(try body.string("text") ?? ""))
            if let target = try body.object("key")?.string("id") { reaction.append("messageId", .string(target)) }
            message.details.append("reaction", .object(reaction))
        case "buttonsResponseMessage":
            message.type = .interactive
            message.text = try body.string("selectedDisplayText") ?? ""
            message.details.append("interactive", interactive("button", try body.string("selectedButtonId"), message.text))
        case "templateButtonReplyMessage":
            message.type = .interactive
            message.text = try body.string("selectedDisplayText") ?? ""
            message.details.append("interactive", interactive("button", try body.string("selectedId"), message.text))
        case "listResponseMessage":
            message.type = .interactive
            message.text = try body.string("title") ?? ""
            message.details.append("interactive", interactive("list", try body.object("singleSelectReply")?.string("selectedRowId"), message.text,
                                                              description: try body.string("description")))
        case "interactiveResponseMessage":
            message.type = .interactive
            message.text = try body.object("body")?.string("text") ?? ""
            let flow = try body.object("nativeFlowResponseMessage")
            message.details.append("interactive", interactive("flow", try flow?.string("name"), message.text,
                                                              description: try flow?.string("paramsJson")))
        case "protocolMessage":
            // An edit (type 14, MESSAGE_EDIT) carries an earlier message's new words: a message
            // of its own (its key.id), in the thread of the one it changes ("unit 4B" → "4C").
            // A revoke (type 0, REVOKE) takes an earlier message back.
            let type = body.value("type")
            let number = type.flatMap(FieldReader.integer)
            let original = try body.object("key")?.string("id")
            if number == 0 || type?.stringValue == "REVOKE", let original {
                message.makeRevoke(of: original)
                return message
            }
            guard number == 14 || type?.stringValue == "MESSAGE_EDIT", let edited = try body.object("editedMessage"), let original else {
                throw ParleyError(.unsupported, "a Baileys protocol message other than an edit or a revoke (type \(type.map(JSONWriter.string) ?? "missing")) carries no message")
            }
            message.text = quotedText(edited) ?? ""
            message.makeEdit(of: original)
        default:
            throw ParleyError(.unsupported, "unsupported Baileys message content \"\(contentKey)\"")
        }
        if let contextInfo, let quotedID = try contextInfo.string("stanzaId") {
            let quoted = try contextInfo.object("quotedMessage")
            message.quoted = Message.Quoted(id: quotedID, from: try contextInfo.string("participant"),
                                            text: quoted.flatMap(quotedText))
        }
        if message.text.isEmpty { message.text = message.detailsText }
        return message
    }

    static func interactive(_ kind: String, _ id: String?, _ title: String, description: String? = nil) -> JSONValue {
        var object = JSONObject()
        object.append("kind", .string(kind))
        if let id { object.append("id", .string(id)) }
        object.append("title", .string(title))
        if let description { object.append("description", .string(description)) }
        return .object(object)
    }

    /// The words of a quoted message, whatever its content type.
    static func quotedText(_ quoted: FieldReader) -> String? {
        if let s = quoted.value("conversation")?.stringValue { return s }
        for (key, field) in [("extendedTextMessage", "text"), ("imageMessage", "caption"), ("videoMessage", "caption"),
                             ("documentMessage", "caption"), ("documentMessage", "fileName")] {
            if let s = quoted.value(key)?[field]?.stringValue { return s }
        }
        return nil
    }
}
