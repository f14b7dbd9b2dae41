/// Format (b): a whatsapp-web.js `Message` as `JSON.stringify` writes it (its own fields and
/// the raw `_data` it was built from), or a `Reaction` from the `message_reaction` event.
enum WhatsAppWebMessage {
    static func normalize(_ fields: FieldReader) throws(ParleyError) -> Message {
        let data = try fields.object("_data")
        let serializedID: String
        var remote: String?
        switch fields.value("id") {
        case .string(let s)?:
            serializedID = s
        case .object(let o)?:
            let id = FieldReader(o, path: "id.")
            if let serialized = try id.string("_serialized") {
                serializedID = serialized
            } else {
                serializedID = try id.requiredNonEmptyString("id")
            }
            remote = try serializedOrString(id, "remote")
        case let other?:
            throw fields.wrongType("id", "an object or a string", other)
        case nil:
            throw fields.missing("id")
        }
        guard !serializedID.isEmpty else { throw ParleyError(.invalidMessage, "id._serialized must not be empty") }

        let fromMe = try fields.bool("fromMe") ?? (fields.value("id")?["fromMe"]?.boolValue ?? false)
        // `msg.rawData` (the `_data` model) names it "t".
        let timestamp = try MessageNormalizer.timestamp(fields, alternative: "t")

        // A Reaction (message_reaction event) has no type: {id, msgId, reaction, senderId, timestamp}.
        if !fields.has("type"), fields.has("msgId") {
            let sender = try fields.requiredNonEmptyString("senderId")
            var reaction = JSONObject()
            reaction.append("emoji", .string(try fields.string("reaction") ?? ""))
            if let target = try serializedOrString(fields, "msgId") { reaction.append("messageId", .string(target)) }
            var message = Message(id: serializedID, chat: remote ?? sender, from: sender, fromMe: fromMe,
                                  timestamp: timestamp, type: .reaction, format: .whatsappWeb)
            message.details.append("reaction", .object(reaction))
            message.text = message.detailsText
            return message
        }

        let typeName = try fields.requiredString("type")
        guard let type = kind(typeName) else {
            throw ParleyError(.unsupported, "unsupported whatsapp-web.js message type \"\(typeName)\"")
        }
        let from = try serializedOrString(fields, "from")
        let to = try serializedOrString(fields, "to")
        guard let chat = remote ?? (fromMe ? to : from), !chat.isEmpty else {
            throw ParleyError(.invalidMessage, "a whatsapp-web.js message needs id.remote, from or to to name its chat")
        }
        try MessageNormalizer.refuseStatusPost(chat)
        let sender = try serializedOrString(fields, "author") ?? from ?? chat

        var message = Message(id: serializedID, chat: chat, from: sender, fromMe: fromMe, timestamp: timestamp,
                              type: type, text: try fields.string("body") ?? "", format: .whatsappWeb)
        message.senderName = try data?.string("notifyName")
        if message.senderName == nil { message.senderName = try fields.string("notifyName") }
        // For media and locations whatsapp-web.js may leave the base64 JPEG thumbnail in body.
        if type != .text, message.text.hasPrefix("/9j/") { message.text = "" }

        let duration = try fields.integer("duration")
        let dataDuration = try data?.integer("duration")
        if [.image, .video, .audio, .voice, .document, .sticker].contains(type) {
            message.media = Message.Media(
                mimetype: try data?.string("mimetype"),
                id: try data?.string("directPath"),
                url: try data?.firstString("deprecatedMms3Url", "clientUrl"),
                sha256: data?.value("filehash").flatMap { MediaHash.hex(buffer: $0) },
                fileName: try data?.string("filename"),
                size: try data?.integer("size"),
                seconds: duration ?? dataDuration)
            if type == .document, message.text == message.media?.fileName { message.text = try data?.string("caption") ?? "" }
        }
        switch type {
        case .location:
            let location = try fields.object("location") ?? data.map { FieldReader($0.object, path: "_data.") }
            if let location {
                message.details.append("location", try locationDetails(location))
                message.text = ""
            }
        case .contacts:
            let cards = try fields.array("vCards") ?? []
            let contacts = cards.compactMap { $0.stringValue }.map { VCard.parse($0).json }
            if contacts.isEmpty, message.text.hasPrefix("BEGIN:VCARD") {
                message.details.append("contacts", .array([VCard.parse(message.text).json]))
            } else {
                message.details.append("contacts", .array(contacts))
            }
            message.text = ""
        case .interactive:
            var interactive = JSONObject()
            switch typeName {
            case "list_response":
                interactive.append("kind", "list")
                let rowID = try fields.string("selectedRowId")
                let dataRowID = try data?.object("listResponse")?.object("singleSelectReply")?.string("selectedRowId")
                if let id = rowID ?? dataRowID {
                    interactive.append("id", .string(id))
                }
            case "buttons_response", "template_button_reply":
                interactive.append("kind", "button")
                let buttonID = try fields.string("selectedButtonId")
                let dataButtonID = try data?.firstString("selectedButtonId", "selectedId")
                if let id = buttonID ?? dataButtonID {
                    interactive.append("id", .string(id))
                }
            default:
                interactive.append("kind", "flow")
            }
            interactive.append("title", .string(message.text))
            message.details.append("interactive", .object(interactive))
        case .reaction:
            var reaction = JSONObject()
            reaction.append("emoji", .string(message.text))
            message.details.append("reaction", .object(reaction))
        default:
            break
        }
        if type == .revoke {
            // The message_revoke_everyone event's message keeps the id of the one deleted.
            message.makeRevoke(of: serializedID)
            message.id = serializedID + "#revoke"
            return message
        }
        if let edit = try editKey(fields, data) {
            // After an edit (the message_edit event) the message keeps its id and carries the
            // edit's key: the new words are a message of their own that quotes the old ones.
            message.id = edit
            message.makeEdit(of: serializedID)
            var millis = try data?.integer("latestEditSenderTimestampMs")
            if millis == nil { millis = try fields.integer("latestEditSenderTimestampMs") }
            if let millis, millis > 0 {
                message.timestamp = millis / 1000
            }
            return message
        }
        if try fields.bool("hasQuotedMsg") == true, let data, let quotedID = try data.string("quotedStanzaID") {
            let quotedMsg = try data.object("quotedMsg")
            let quotedBody = try quotedMsg?.string("body").flatMap { $0.hasPrefix("/9j/") ? nil : $0 }
            let quotedCaption = try quotedMsg?.string("caption")
            message.quoted = Message.Quoted(id: quotedID, from: try serializedOrString(data, "quotedParticipant"),
                                            text: quotedBody ?? quotedCaption)
        }
        if message.text.isEmpty { message.text = message.detailsText }
        return message
    }

    static func kind(_ type: String) -> Message.Kind? {
        switch type {
        case "chat", "text": return .text
        case "image": return .image
        case "video", "gif": return .video
        case "audio": return .audio
        case "ptt": return .voice
        case "document": return .document
        case "sticker": return .sticker
        case "location": return .location
        case "vcard", "multi_vcard": return .contacts
        case "reaction": return .reaction
        case "revoked": return .revoke
        case "buttons_response", "list_response", "template_button_reply", "interactive": return .interactive
        default: return nil
        }
    }

    /// The key of a message's latest edit (`latestEditMsgKey`, in `_data` or at the top of the
    /// raw model): its serialized form, or nil for a message never edited.
    static func editKey(_ fields: FieldReader, _ data: FieldReader?) throws(ParleyError) -> String? {
        for reader in [data, fields].compactMap({ $0 }) where reader.has("latestEditMsgKey") {
            let value = reader.value("latestEditMsgKey")!
            guard let key = value.stringValue ?? value["_serialized"]?.stringValue ?? value["id"]?.stringValue else {
                throw reader.wrongType("latestEditMsgKey", "a string or a message key", value)
            }
            return key.isEmpty ? nil : key
        }
        return nil
    }

    /// whatsapp-web.js ids appear both as strings and as `{"_serialized": "..."}` objects.
    static func serializedOrString(_ fields: FieldReader, _ key: String) throws(ParleyError) -> String? {
        guard let value = fields.value(key) else { return nil }
        if let s = value.stringValue { return s }
        if let s = value["_serialized"]?.stringValue { return s }
        throw fields.wrongType(key, "a string or an id object", value)
    }

    static func locationDetails(_ location: FieldReader) throws(ParleyError) -> JSONValue {
        var out = JSONObject()
        guard let latitude = try location.firstDouble("latitude", "lat"),
              let longitude = try location.firstDouble("longitude", "lng") else {
            throw ParleyError(.invalidMessage, "\(location.path)latitude and longitude are missing")
        }
        out.append("latitude", .double(latitude))
        out.append("longitude", .double(longitude))
        // Older whatsapp-web.js puts "name\naddress" in description.
        var name = try location.firstString("name", "loc")
        var address = try location.string("address")
        if name == nil, address == nil, let description = try location.string("description") {
            let lines = description.split(separator: "\n", maxSplits: 1)
            name = lines.first.map(String.init)
            address = lines.count > 1 ? String(lines[1]) : nil
        }
        if let name { out.append("name", .string(name)) }
        if let address { out.append("address", .string(address)) }
        if let url = try location.string("url") { out.append("url", .string(url)) }
        return .object(out)
    }
}
