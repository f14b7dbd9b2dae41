import Testing
@testable import ParleyCore

@Suite struct NormalizerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let file: String
        let name: String
        let input: JSONValue
        let expect: JSONValue
        var testDescription: String { "\(file): \(name)" }
    }

    static let formats: [(file: String, format: Message.Format)] = [
        ("normalized.json", .normalized), ("whatsapp-web.js.json", .whatsappWeb), ("baileys.json", .baileys),
    ]

    static let cases: [Case] = formats.flatMap { file, _ in
        (Fixtures.json("messages/" + file).arrayValue ?? []).map {
            Case(file: file, name: $0["name"]?.stringValue ?? "?", input: $0["input"]!, expect: $0["expect"]!)
        }
    }

    @Test(arguments: cases)
    func normalizesRealPayloads(_ fixture: Case) throws {
        let message = try MessageNormalizer.normalize(fixture.input)
        let format = Self.formats.first { $0.file == fixture.file }!.format
        #expect(message.format == format)
        if let problem = Fixtures.mismatch(expected: fixture.expect, actual: message.json) {
            Issue.record("\(fixture.testDescription): \(problem)")
        }
    }

    @Test func normalizedOutputIsAcceptedAsInput() throws {
        // What the context echoes as "message" must normalize to the same message again.
        for fixture in Self.cases {
            let message = try MessageNormalizer.normalize(fixture.input)
            var again = try MessageNormalizer.normalize(message.json)
            again.format = message.format
            #expect(again == message, "\(fixture.testDescription)")
        }
    }

    @Test(arguments: [
        (#"[]"#, ParleyError.Kind.invalidMessage),
        (#""text""#, .invalidMessage),
        (#"{}"#, .invalidMessage),
        (#"{"id": 5, "chat": "c", "from": "f", "timestamp": 1, "type": "text"}"#, .invalidMessage),
        (#"{"id": "", "chat": "c", "from": "f", "timestamp": 1, "type": "text"}"#, .invalidMessage),
        (#"{"id": "x", "chat": "c", "from": "f", "timestamp": "soon", "type": "text"}"#, .invalidMessage),
        (#"{"id": "x", "chat": "c", "from": "f", "timestamp": 1764052800000, "type": "text"}"#, .invalidMessage),
        (#"{"id": "x", "chat": "c", "from": "f", "timestamp": 1, "type": "text", "text": 7}"#, .invalidMessage),
        (#"{"id": "x", "chat": "c", "from": "f", "timestamp": 1, "type": "text", "media": "a.jpg"}"#, .invalidMessage),
        (#"{"id": "x", "chat": "c", "from": "f", "timestamp": 1, "type": "location", "location": {"latitude": "abc", "longitude": 30.1}}"#, .invalidMessage),
        (#"{"id": "x", "chat": "c", "from": "f", "timestamp": 1, "type": "location", "location": {"latitude": -1.9, "longitude": [1]}}"#, .invalidMessage),
        (#"{"id": "x", "chat": "c", "from": "f", "timestamp": 1, "type": "location", "location": {"latitude": 999, "longitude": 30.1}}"#, .invalidMessage),
        (#"{"id": "x", "chat": "c", "from": "f", "timestamp": 1, "type": "location", "location": {}}"#, .invalidMessage),
        (#"{"id": "x", "chat": "c", "from": "f", "timestamp": 1, "type": "location", "location": {"latitude": -1.9, "longitude": 30.1, "name": 5}}"#, .invalidMessage),
        (#"{"id": "x", "chat": "c", "from": "f", "timestamp": 1, "type": "hologram"}"#, .unsupported),
        (#"{"object": "whatsapp_business_account", "entry": []}"#, .unsupported),
        (#"{"id": {"_serialized": "a"}, "from": "c", "type": "poll_creation", "timestamp": 1}"#, .unsupported),
        (#"{"id": {"_serialized": "a"}, "type": "chat", "timestamp": 1}"#, .invalidMessage),
        (#"{"key": {"remoteJid": "c", "id": "i"}, "messageTimestamp": 1, "messageStubType": 20}"#, .unsupported),
        (#"{"key": {"remoteJid": "c", "id": "i"}, "messageTimestamp": 1, "message": {"pollUpdateMessage": {}}}"#, .unsupported),
        (#"{"key": {"remoteJid": 5, "id": "i"}, "messageTimestamp": 1, "message": {"conversation": "x"}}"#, .invalidMessage),
        (#"{"key": {"remoteJid": "c", "id": "i"}, "message": {"conversation": "x"}}"#, .invalidMessage),
    ])
    func refusesWhatIsNotAMessage(json: String, kind: ParleyError.Kind) throws {
        let value = try JSONParser.parse(json)
        do {
            let message = try MessageNormalizer.normalize(value)
            Issue.record("accepted \(json) as \(message)")
        } catch {
            #expect(error.kind == kind, "\(json): \(error)")
            #expect(!error.message.isEmpty)
        }
    }

    @Test func aLocationIsPassedOnWithNumbersInRange() throws {
        let value = try JSONParser.parse(#"{"id": "x", "chat": "c", "from": "f", "timestamp": 1, "type": "location", "location": {"latitude": -1.9441, "longitude": 30, "name": "Kacyiru"}}"#)
        let message = try MessageNormalizer.normalize(value)
        #expect(message.details["location"]?["latitude"]?.doubleValue == -1.9441)
        #expect(message.details["location"]?["longitude"]?.doubleValue == 30)
        let wrong = try JSONParser.parse(#"{"id": "x", "chat": "c", "from": "f", "timestamp": 1, "type": "location", "location": {"latitude": "abc", "longitude": 30}}"#)
        do { _ = try MessageNormalizer.normalize(wrong) } catch { #expect(error.message == "location.latitude must be a number, got string") }
    }

    @Test func errorsNameTheField() throws {
        let value = try JSONParser.parse(#"{"key": {"remoteJid": 5, "id": "i"}, "messageTimestamp": 1, "message": {"conversation": "x"}}"#)
        #expect(throws: ParleyError.self) { try MessageNormalizer.normalize(value) }
        do { _ = try MessageNormalizer.normalize(value) } catch { #expect(error.message.contains("key.remoteJid")) }
    }

    @Test func cloudAPIWebhookCarriesEveryType() throws {
        let webhook = try CloudAPIWebhook.parse(Fixtures.json("webhooks/cloud-api-messages.json"))
        var messages: [Message] = []
        var rejected: [(String?, ParleyError)] = []
        for item in webhook.items {
            switch item {
            case .message(let m): messages.append(m)
            case .rejected(let id, let error): rejected.append((id, error))
            }
        }
        #expect(messages.map(\.type) == [.text, .image, .voice, .document, .video, .sticker, .location, .contacts, .reaction,
                                          .interactive, .interactive, .text, .interactive])
        #expect(messages.allSatisfy { $0.format == .cloudAPI && $0.chat == "250788123456" && $0.senderName == "Aline Uwase" })
        #expect(messages[0].text == "Hi, I paid RWF 350,000 for unit 4B")
        #expect(messages[0].timestamp == 1764052800)
        #expect(messages[1].media?.id == "1003383421387256")
        #expect(messages[1].media?.sha256 == "9fcb07ccc0e0f6d5dca8fcc2d4cc35be6d2457534699105f379a7a918900d141")
        #expect(messages[3].media?.fileName == "lease.pdf")
        #expect(messages[6].text == "Kacyiru Heights\nKG 7 Ave, Kigali")
        #expect(messages[7].details["contacts"]?[0]?["name"] == "Eric Mugisha")
        #expect(messages[8].details["reaction"] == ["emoji": "👍", "messageId": "wamid.OUT01"])
        #expect(messages[9].details["interactive"] == ["kind": "button", "id": "confirm-viewing", "title": "Confirm viewing"])
        #expect(messages[9].quoted?.id == "wamid.OUT02")
        #expect(messages[10].text == "Report a repair")
        #expect(messages[11].quoted == Message.Quoted(id: "wamid.OUT03", from: "15550783881"))
        #expect(messages[12].details["interactive"]?["id"] == "STOP_REMINDERS")
        #expect(rejected.count == 1)
        #expect(rejected.first?.0 == "wamid.UNSUPPORTED01")
        #expect(rejected.first?.1.kind == .unsupported)
        #expect(webhook.statuses.isEmpty)
    }

    @Test func cloudAPIStatusesAreNormalized() throws {
        let webhook = try CloudAPIWebhook.parse(Fixtures.json("webhooks/cloud-api-statuses.json"))
        #expect(webhook.items.isEmpty)
        #expect(webhook.statuses.map { $0["status"] } == ["delivered", "read", "failed"])
        #expect(webhook.statuses[0] [path: "pricing", "category"] == "service")
        #expect(webhook.statuses[0]["recipient"] == "250788123456")
        #expect(webhook.statuses[0]["timestamp"] == 1764052900)
        #expect(webhook.statuses[2][path: "errors"]?[0]?["code"] == 131047)
    }

    @Test func aSingleCloudAPIMessageObjectIsAccepted() throws {
        let value = try JSONParser.parse(#"{"from": "250788123456", "id": "wamid.X", "timestamp": "1764052800", "type": "text", "text": {"body": "hi"}}"#)
        let message = try MessageNormalizer.normalize(value)
        #expect(message.format == .cloudAPI)
        #expect(message.text == "hi")
    }

    /// Shapes found in real hosts' payloads (an outside host's corpus of Cloud API, Baileys and
    /// whatsapp-web.js messages).
    @Test func realWorldShapes() throws {
        func normalize(_ json: String) throws -> Message { try MessageNormalizer.normalize(JSONParser.parse(json)) }
        // A Cloud API group message belongs to the group; a "+" before the number is dropped.
        let group = try normalize(#"{"from": "+16505551234", "group_id": "Y2FwaV9ncm91cDox", "id": "wamid.G", "timestamp": "1750090702", "type": "text", "text": {"body": "Water is off"}}"#)
        #expect(group.chat == "Y2FwaV9ncm91cDox")
        #expect(group.from == "16505551234")
        // whatsapp-web.js's raw model: "t", and notifyName at the top.
        let raw = try normalize(#"{"id": {"fromMe": false, "remote": "250788123456@c.us", "id": "3EB0A", "_serialized": "false_250788123456@c.us_3EB0A"}, "body": "hello", "type": "chat", "t": 1764000000, "from": "250788123456@c.us", "to": "250700000001@c.us", "notifyName": "Aline"}"#)
        #expect(raw.timestamp == 1764000000)
        #expect(raw.senderName == "Aline")
        // Fractional seconds (Python's time.time()) are cut to the second.
        #expect(try normalize(#"{"id": "1", "chat": "c", "from": "c", "timestamp": 1764000000.75, "type": "text", "text": "x"}"#).timestamp == 1764000000)
        // Baileys' file hash as BufferJSON (base64 in "data") and as a Uint8Array through JSON.stringify.
        let hash = "9fcb07ccc0e0f6d5dca8fcc2d4cc35be6d2457534699105f379a7a918900d141"
        let base64 = "n8sHzMDg9tXcqPzC1Mw1vm0kV1NGmRBfN5p6kYkA0UE="
        var bytes: [String] = []
        var index = hash.startIndex
        for offset in 0..<32 {
            let next = hash.index(index, offsetBy: 2)
            bytes.append("\"\(offset)\": \(Int(hash[index..<next], radix: 16)!)")
            index = next
        }
        for sha in [#"{"type": "Buffer", "data": "\#(base64)"}"#, "{" + bytes.joined(separator: ", ") + "}"] {
            let image = try normalize(#"{"key": {"remoteJid": "250788123456@s.whatsapp.net", "id": "B1", "fromMe": false}, "messageTimestamp": 1764000000, "message": {"imageMessage": {"mimetype": "image/jpeg", "fileSha256": \#(sha)}}}"#)
            #expect(image.media?.sha256 == hash, "\(sha)")
        }
        // Bytes that cannot be a SHA-256 (4 of them) give no hash rather than a wrong one.
        let short = try normalize(#"{"key": {"remoteJid": "250788123456@s.whatsapp.net", "id": "B2"}, "messageTimestamp": 1764000000, "message": {"stickerMessage": {"mimetype": "image/webp", "fileSha256": {"0": 2, "1": 212, "2": 63, "3": 136}}}}"#)
        #expect(short.media?.sha256 == nil)
        // A Status post is no message to the bot.
        #expect(throws: ParleyError.self) {
            try normalize(#"{"key": {"remoteJid": "status@broadcast", "id": "S1", "participant": "250788123456@s.whatsapp.net"}, "messageTimestamp": 1764000000, "message": {"conversation": "my story"}}"#)
        }
    }

    /// The business's own messages from the WhatsApp Business app (smb_message_echoes) belong
    /// to their recipient's chat; errors Meta reports for a whole change are kept.
    @Test func cloudAPIEchoesAndChangeErrors() throws {
        let body = #"{"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field": "smb_message_echoes", "value": {"messaging_product": "whatsapp", "message_echoes": [{"from": "15550783881", "to": "16505551234", "id": "wamid.ECHO1", "timestamp": "1750096400", "type": "text", "text": {"body": "your repair is booked for Monday"}}]}}, {"field": "messages", "value": {"errors": [{"code": 131000, "title": "Something went wrong"}]}}]}]}"#
        let webhook = try CloudAPIWebhook.parse(JSONParser.parse(body))
        guard case .message(let echo)? = webhook.items.first else { Issue.record("no echo"); return }
        #expect(echo.chat == "16505551234" && echo.from == "15550783881" && echo.fromMe)
        #expect(echo.text == "your repair is booked for Monday")
        #expect(webhook.errors.first?["code"] == 131000)
    }

    /// A Baileys edit (protocolMessage type 14, bare or inside editedMessage) is the new words
    /// as a message of its own that quotes the one it changes.
    @Test func baileysEditsAreMessagesQuotingTheOriginal() throws {
        func normalize(_ json: String) throws -> Message { try MessageNormalizer.normalize(JSONParser.parse(json)) }
        let key = #""key": {"remoteJid": "250788123456@s.whatsapp.net", "fromMe": false, "id": "EDIT1"}, "messageTimestamp": 1764000100"#
        let protocolEdit = #"{"protocolMessage": {"key": {"remoteJid": "250788123456@s.whatsapp.net", "fromMe": true, "id": "ORIG1"}, "type": 14, "editedMessage": {"conversation": "sorry, unit 4C not 4B"}, "timestampMs": "1764000100000"}}"#
        for content in [protocolEdit, #"{"editedMessage": {"message": \#(protocolEdit.replacing("\"type\": 14", with: "\"type\": \"MESSAGE_EDIT\""))}}"#] {
            let edit = try normalize("{\(key), \"message\": \(content)}")
            #expect(edit.id == "EDIT1" && edit.type == .text)
            #expect(edit.text == "sorry, unit 4C not 4B")
            #expect(edit.quoted?.id == "ORIG1")
            #expect(edit.details["edit"] == ["messageId": "ORIG1"])
            // The normalized form reads back the same.
            #expect(try MessageNormalizer.normalize(edit.json).details["edit"] == ["messageId": "ORIG1"])
        }
    }

    /// A deletion for everyone is a message of its own, with no words, that quotes the one it
    /// takes back: Baileys' protocolMessage type 0, whatsapp-web.js's "revoked" message (which
    /// keeps the deleted one's id: the deletion gets "#revoke" after it) and the normalized form.
    @Test func revokesAreMessagesQuotingWhatTheyTakeBack() throws {
        func normalize(_ json: String) throws -> Message { try MessageNormalizer.normalize(JSONParser.parse(json)) }
        let key = #""key": {"remoteJid": "250788123456@s.whatsapp.net", "fromMe": false, "id": "DEL1"}, "messageTimestamp": 1764000100"#
        for type in ["0", #""REVOKE""#] {
            let revoke = try normalize(#"{\#(key), "message": {"protocolMessage": {"key": {"remoteJid": "250788123456@s.whatsapp.net", "id": "ORIG1"}, "type": \#(type)}}}"#)
            #expect(revoke.id == "DEL1" && revoke.type == .revoke && revoke.text.isEmpty)
            #expect(revoke.quoted?.id == "ORIG1" && revoke.details["revoke"] == ["messageId": "ORIG1"])
        }
        // Another protocol message (an ephemeral setting, type 3) is still none.
        #expect(throws: ParleyError.self) {
            try normalize(#"{\#(key), "message": {"protocolMessage": {"type": 3, "ephemeralExpiration": 604800}}}"#)
        }

        let web = try normalize(#"{"id": {"fromMe": false, "remote": "250788123456@c.us", "id": "3EB0AA", "_serialized": "false_250788123456@c.us_3EB0AA"}, "from": "250788123456@c.us", "to": "250700000000@c.us", "type": "revoked", "body": "", "timestamp": 1764000200, "fromMe": false}"#)
        #expect(web.id == "false_250788123456@c.us_3EB0AA#revoke" && web.type == .revoke && web.chat == "250788123456@c.us")
        #expect(web.quoted?.id == "false_250788123456@c.us_3EB0AA" && web.timestamp == 1764000200)

        let normalized = try normalize(#"{"id": "n9", "chat": "c", "from": "c", "timestamp": 5, "type": "revoke", "revoke": {"messageId": "n1"}}"#)
        #expect(normalized.quoted?.id == "n1" && normalized.details["revoke"] == ["messageId": "n1"])
        #expect(try normalize(#"{"id": "n9", "chat": "c", "from": "c", "timestamp": 5, "type": "revoke", "quoted": {"id": "n2"}}"#).details["revoke"] == ["messageId": "n2"])
        // Read back from its own normalized form, it is the same.
        #expect(try MessageNormalizer.normalize(web.json).details["revoke"] == web.details["revoke"])
        do {
            _ = try normalize(#"{"id": "n9", "chat": "c", "from": "c", "timestamp": 5, "type": "revoke"}"#)
            Issue.record("a revoke of nothing was accepted")
        } catch let error as ParleyError {
            #expect(error.kind == .invalidMessage && error.message.contains("revoke.messageId"))
        }
    }

    /// The Cloud API's edit and revoke webhooks (WhatsApp Business app "coexistence"): an edit
    /// is its new content in a message's own shape, quoting the original; a revoke names it.
    @Test func cloudAPIEditsAndRevokes() throws {
        func webhook(_ message: String) throws -> [Message] {
            let body = #"{"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field": "messages", "value": {"messaging_product": "whatsapp", "metadata": {"display_phone_number": "15550783881", "phone_number_id": "1065"}, "contacts": [{"profile": {"name": "Aline"}, "wa_id": "250788123456"}], "messages": [\#(message)]}}]}]}"#
            return try CloudAPIWebhook.parse(JSONParser.parse(body)).items.compactMap { item in
                if case .message(let message) = item { return message }
                return nil
            }
        }
        let edit = try webhook(#"{"from": "250788123456", "id": "wamid.EDIT", "timestamp": "1764000100", "type": "edit", "edit": {"original_message_id": "wamid.ORIG", "message": {"type": "text", "text": {"body": "sorry, unit 4C not 4B"}}}}"#)
        #expect(edit.count == 1)
        #expect(edit.first?.id == "wamid.EDIT" && edit.first?.chat == "250788123456" && edit.first?.timestamp == 1764000100)
        #expect(edit.first?.text == "sorry, unit 4C not 4B" && edit.first?.senderName == "Aline")
        #expect(edit.first?.quoted?.id == "wamid.ORIG" && edit.first?.details["edit"] == ["messageId": "wamid.ORIG"])
        // A caption changed on a photo.
        let caption = try webhook(#"{"from": "250788123456", "id": "wamid.EDIT2", "timestamp": "1764000100", "type": "edit", "edit": {"original_message_id": "wamid.PHOTO", "message": {"type": "image", "image": {"id": "1479", "mime_type": "image/jpeg", "caption": "the crack above the window"}}}}"#)
        #expect(caption.first?.type == .image && caption.first?.text == "the crack above the window" && caption.first?.quoted?.id == "wamid.PHOTO")
        let revoke = try webhook(#"{"from": "250788123456", "id": "wamid.DEL", "timestamp": "1764000200", "type": "revoke", "revoke": {"original_message_id": "wamid.ORIG"}}"#)
        #expect(revoke.first?.type == .revoke && revoke.first?.id == "wamid.DEL" && revoke.first?.text == "")
        #expect(revoke.first?.quoted?.id == "wamid.ORIG" && revoke.first?.details["revoke"] == ["messageId": "wamid.ORIG"])
        // Without the original's id, or with no content, each is that message's error.
        for bad in [#"{"from": "250788123456", "id": "wamid.X", "timestamp": "1764000200", "type": "revoke", "revoke": {}}"#,
                    #"{"from": "250788123456", "id": "wamid.Y", "timestamp": "1764000200", "type": "edit", "edit": {"original_message_id": "wamid.ORIG"}}"#] {
            #expect(try webhook(bad).isEmpty)
        }
    }

    /// whatsapp-web.js after an edit (the message_edit event): the message keeps its id and
    /// carries the edit's key; the new words are a message of their own quoting the old one.
    @Test func whatsappWebEditsAreMessagesQuotingTheOriginal() throws {
        let json = #"{"id": {"fromMe": false, "remote": "250788123456@c.us", "id": "3EB0AB", "_serialized": "false_250788123456@c.us_3EB0AB"}, "from": "250788123456@c.us", "type": "chat", "body": "sorry, unit 4C not 4B", "timestamp": 1764000000, "fromMe": false, "_data": {"latestEditMsgKey": {"fromMe": false, "remote": "250788123456@c.us", "id": "3EB0EE", "_serialized": "false_250788123456@c.us_3EB0EE"}, "latestEditSenderTimestampMs": 1764000090500}}"#
        let edit = try MessageNormalizer.normalize(JSONParser.parse(json))
        #expect(edit.id == "false_250788123456@c.us_3EB0EE" && edit.type == .text && edit.text == "sorry, unit 4C not 4B")
        #expect(edit.quoted?.id == "false_250788123456@c.us_3EB0AB" && edit.details["edit"] == ["messageId": "false_250788123456@c.us_3EB0AB"])
        #expect(edit.timestamp == 1764000090)
        // Never edited (latestEditMsgKey null): the message itself.
        let plain = try MessageNormalizer.normalize(JSONParser.parse(json.replacing(#""latestEditMsgKey": {"fromMe": false, "remote": "250788123456@c.us", "id": "3EB0EE", "_serialized": "false_250788123456@c.us_3EB0EE"}"#, with: #""latestEditMsgKey": null"#)))
        #expect(plain.id == "false_250788123456@c.us_3EB0AB" && plain.quoted == nil && plain.details["edit"] == nil)
    }

    @Test func statusNamesMatchTheHeader() {
        #expect(ParleyError.Kind.malformedJSON.statusName == "PARLEY_MALFORMED_JSON")
        #expect(ParleyError.Kind.invalidUTF8.statusName == "PARLEY_INVALID_UTF8")
        #expect(ParleyError.Kind.tooLarge.statusName == "PARLEY_TOO_LARGE")
        #expect(ParleyError.Kind.internal.statusName == "PARLEY_INTERNAL")
    }
}
