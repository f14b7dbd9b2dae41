/// A WhatsApp Cloud API webhook body: `{"object": "whatsapp_business_account", "entry":
/// [{"changes": [{"field": "messages", "value": {"contacts", "messages", "statuses",
/// "errors"}}]}]}`, and the messages a business sent from the WhatsApp Business app alongside
/// the API (`"field": "smb_message_echoes"`, `value.message_echoes`: from the business, "to" the
/// customer, whose chat they belong to).
/// One unusable message does not fail the others: Meta re-delivers a webhook until it is
/// acknowledged, so each message is accepted or rejected on its own.
struct CloudAPIWebhook {
    enum Item {
        case message(Message)
        case rejected(id: String?, error: ParleyError)
    }

    var items: [Item] = []
    var statuses: [JSONValue] = []
    /// Errors Meta reports for the whole change (`value.errors`), as given.
    var errors: [JSONValue] = []

    static func parse(_ value: JSONValue) throws(ParleyError) -> CloudAPIWebhook {
        guard case .object = value else {
            throw ParleyError(.unsupported, "not a WhatsApp Cloud API webhook: the body is \(value.typeName), expected an object with \"object\": \"whatsapp_business_account\"")
        }
        let root = try FieldReader(value, path: "")
        let object = try root.string("object")
        guard object == "whatsapp_business_account" else {
            throw ParleyError(.unsupported, "not a WhatsApp Cloud API webhook: \"object\" is \(object.map { "\"\($0)\"" } ?? "missing"), expected \"whatsapp_business_account\"")
        }
        var webhook = CloudAPIWebhook()
        for (e, entry) in (try root.array("entry") ?? []).enumerated() {
            let entryFields = try FieldReader(entry, path: "entry[\(e)]")
            for (c, change) in (try entryFields.array("changes") ?? []).enumerated() {
                let changeFields = try FieldReader(change, path: "\(entryFields.path)changes[\(c)]")
                let field = try changeFields.string("field") ?? "messages"
                guard field == "messages" || field == "smb_message_echoes", let value = try changeFields.object("value") else { continue }
                try webhook.read(value, echoes: field == "smb_message_echoes")
            }
        }
        return webhook
    }

    private mutating func read(_ value: FieldReader, echoes: Bool) throws(ParleyError) {
        var names: [String: String] = [:]
        for contact in try value.array("contacts") ?? [] {
            if let id = contact["wa_id"]?.stringValue, let name = contact[path: "profile", "name"]?.stringValue {
                names[id] = name
            }
        }
        let key = echoes ? "message_echoes" : "messages"
        for (m, raw) in (try value.array(key) ?? []).enumerated() {
            do {
                let fields = try FieldReader(raw, path: "\(value.path)\(key)[\(m)]")
                let sender = try fields.string("from")
                let message = try CloudAPIMessage.normalize(fields, senderName: echoes ? nil : sender.flatMap { names[$0] }, echo: echoes)
                try MessageNormalizer.refuseNUL(in: message)
                items.append(.message(message))
            } catch {
                items.append(.rejected(id: raw["id"]?.stringValue, error: error))
            }
        }
        errors += try value.array("errors") ?? []
        for (s, raw) in (try value.array("statuses") ?? []).enumerated() {
            statuses.append(try Self.status(FieldReader(raw, path: "\(value.path)statuses[\(s)]")))
        }
    }

    /// A delivery status in Parley's shape: {id, recipient, status, timestamp, errors?,
    /// conversation?, pricing?}.
    static func status(_ fields: FieldReader) throws(ParleyError) -> JSONValue {
        var out = JSONObject()
        out.append("id", .string(try fields.requiredNonEmptyString("id")))
        out.append("recipient", .string(try fields.string("recipient_id") ?? ""))
        out.append("status", .string(try fields.requiredString("status")))
        out.append("timestamp", .int(try fields.integer("timestamp") ?? 0))
        for key in ["errors", "conversation", "pricing"] {
            if let value = fields.value(key) { out.append(key, value) }
        }
        return .object(out)
    }
}

/// One message object of a Cloud API webhook (`value.messages[i]`).
enum CloudAPIMessage {
    /// A WhatsApp id is its number's digits; Meta's own examples sometimes write a "+" before
    /// them, which must not make another chat.
    static func waID(_ number: String) -> String {
        number.hasPrefix("+") && number.count > 1 ? String(number.dropFirst()) : number
    }

    /// `echo`: the business's own message (smb_message_echoes): the chat is its recipient's.
    static func normalize(_ fields: FieldReader, senderName: String?, echo: Bool = false) throws(ParleyError) -> Message {
        let from = waID(try fields.requiredNonEmptyString("from"))
        let typeName = try fields.requiredString("type")
        // A group message belongs to the group's conversation ("group_id"), not the sender's.
        let group = try fields.string("group_id").flatMap { $0.isEmpty ? nil : $0 }
        let recipient = echo ? waID(try fields.requiredNonEmptyString("to")) : nil
        var message = Message(id: try fields.requiredNonEmptyString("id"), chat: group ?? recipient ?? from, from: from, fromMe: echo,
                              timestamp: try MessageNormalizer.timestamp(fields), type: .text, format: .cloudAPI)
        message.senderName = senderName
        let body = typeName == "contacts" ? nil : try fields.object(typeName)
        switch typeName {
        case "text":
            message.text = try body?.string("body") ?? ""
        case "image", "video", "audio", "document", "sticker":
            guard let body else { throw fields.missing(typeName) }
            message.type = switch typeName {
            case "image": .image
            case "video": .video
            case "document": .document
            case "sticker": .sticker
            default: try body.bool("voice") == true ? .voice : .audio
            }
            message.text = try body.string("caption") ?? ""
            message.media = Message.Media(mimetype: try body.string("mime_type"), id: try body.string("id"),
                                          url: try body.string("url"),
                                          sha256: try body.string("sha256").map(MediaHash.hex), fileName: try body.string("filename"))
        case "location":
            guard let body else { throw fields.missing(typeName) }
            message.type = .location
            guard let latitude = try body.double("latitude"), let longitude = try body.double("longitude") else {
                throw ParleyError(.invalidMessage, "\(body.path)latitude and longitude are missing")
            }
            var location = JSONObject()
            location.append("latitude", .double(latitude))
            location.append("longitude", .double(longitude))
            for key in ["name", "address", "url"] {
                if let s = try body.string(key) { location.append(key, .string(s)) }
            }
            message.details.append("location", .object(location))
        case "contacts":
            message.type = .contacts
            let contacts = try fields.array("contacts") ?? []
            message.details.append("contacts", .array(contacts.map { contact in
                var out = JSONObject()
                out.append("name", .string(contact[path: "name", "formatted_name"]?.stringValue ?? ""))
                out.append("phones", .array((contact["phones"]?.arrayValue ?? []).map { phone in
                    var p = JSONObject()
                    p.append("phone", .string(phone["phone"]?.stringValue ?? ""))
                    if let waID = phone["wa_id"]?.stringValue { p.append("waId", .string(waID)) }
                    return .object(p)
                }))
                return .object(out)
            }))
        case "reaction":
            guard let body else { throw fields.missing(typeName) }
            message.type = .reaction
            var reaction = JSONObject()
            reaction.append("emoji", .string(try body.string("emoji") ?? ""))
            if let target = try body.string("message_id") { reaction.append("messageId", .string(target)) }
            message.details.append("reaction", .object(reaction))
        case "interactive":
            guard let body else { throw fields.missing(typeName) }
            message.type = .interactive
            let kind = try body.string("type") ?? ""
            var interactive = JSONObject()
            if let reply = try body.object("button_reply") {
                interactive.append("kind", "button")
                if let id = try reply.string("id") { interactive.append("id", .string(id)) }
                message.text = try reply.string("title") ?? ""
            } else if let reply = try body.object("list_reply") {
                interactive.append("kind", "list")
                if let id = try reply.string("id") { interactive.append("id", .string(id)) }
                message.text = try reply.string("title") ?? ""
                if let description = try reply.string("description") { interactive.append("description", .string(description)) }
            } else if let reply = try body.object("nfm_reply") {
                interactive.append("kind", "flow")
                if let name = try reply.string("name") { interactive.append("id", .string(name)) }
                message.text = try reply.string("body") ?? ""
                if let response = try reply.string("response_json") { interactive.append("description", .string(response)) }
            } else {
                throw ParleyError(.unsupported, "unsupported Cloud API interactive reply \"\(kind)\"")
            }
            interactive.append("title", .string(message.text))
            message.details.append("interactive", .object(interactive))
        case "button":
            // A quick-reply button of a template message.
            message.type = .interactive
            message.text = try body?.string("text") ?? ""
            var interactive = JSONObject()
            interactive.append("kind", "button")
            if let payload = try body?.string("payload") { interactive.append("id", .string(payload)) }
            interactive.append("title", .string(message.text))
            message.details.append("interactive", .object(interactive))
        case "revoke":
            // A deletion for everyone (the Business app's "coexistence" webhooks).
            guard let target = try body?.string("original_message_id") else { throw fields.missing("revoke.original_message_id") }
            message.makeRevoke(of: target)
            return message
        case "edit":
            // The new content in "message", in a message's own shape: a message of its own
            // (this id) that quotes the one it changes.
            guard let body, let target = try body.string("original_message_id") else { throw fields.missing("edit.original_message_id") }
            guard let edited = try body.object("message") else { throw body.missing("message") }
            var inner = edited.object
            for key in ["id", "from", "to", "timestamp", "group_id"] where !edited.has(key) {
                if let value = fields.value(key) { inner.append(key, value) }
            }
            var edit = try normalize(FieldReader(inner, path: edited.path), senderName: senderName, echo: echo)
            guard edit.type != .revoke, edit.details["edit"] == nil else {
                throw ParleyError(.unsupported, "\(edited.path)type \"\(edit.type)\" is no edited content")
            }
            edit.makeEdit(of: target)
            return edit
        default:
            let reason = fields.value("errors")?[0]?["title"]?.stringValue.map { ": \($0)" } ?? ""
            throw ParleyError(.unsupported, "unsupported Cloud API message type \"\(typeName)\"\(reason)")
        }
        if let context = try fields.object("context"), let quotedID = try context.string("id") {
            message.quoted = Message.Quoted(id: quotedID, from: try context.string("from"))
        }
        if message.text.isEmpty { message.text = message.detailsText }
        return message
    }
}
