import Testing
@testable import ParleyCore

/// The whole language stage end to end on the example tenant conversation (three input
/// formats, four chats, replies, a group, duplicates), with the example configuration.
@Suite struct ConversationExampleTests {
    static let examples: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path + "/Examples"
    }()

    func run() throws -> [JSONValue] {
        let config = String(decoding: Fixtures.bytes("../../Examples/config.json"), as: UTF8.self)
        let engine = try Engine(configJSON: config)
        defer { engine.close() }
        let lines = Fixtures.bytes("../../Examples/conversation.jsonl").split(separator: 0x0A)
        var contexts: [JSONValue] = []
        for line in lines {
            contexts.append(try Array(line).withUnsafeBytes { try engine.process(json: $0) })
        }
        return contexts
    }

    func context(_ contexts: [JSONValue], containing text: String) throws -> JSONValue {
        try #require(contexts.first { $0[path: "message", "text"]?.stringValue?.contains(text) == true }, "no message with \(text)")
    }

    func entity(_ context: JSONValue, _ type: String) -> JSONValue? {
        context["entities"]?.arrayValue?.first { $0["type"]?.stringValue == type }
    }

    /// The receipt photo is read (OCR) and its total found; the voice note's transcript is read
    /// as the tenant's words.
    @Test func mediaInTheConversation() throws {
        let contexts = try run()
        let receipt = try context(contexts, containing: "receipt for November")
        #expect(receipt[path: "intent", "name"] == "rent_payment")
        let total = receipt["media"]?["entities"]?.arrayValue?.first { $0["type"] == "receiptTotal" }
        #expect(total?["value"]?["amount"]?.doubleValue == 377_500 && total?["value"]?["currency"] == "RWF")
        #expect(receipt["media"]?["receipt"]?["merchant"] == "KIGALI HEIGHTS LTD")
        let note = try #require(contexts.last)
        #expect(note["media"]?["error"] == nil, "\(note["media"] ?? .null)")
        #expect(note["media"]?["text"]?.stringValue?.contains("leaking") == true)
        #expect(note[path: "intent", "name"] == "maintenance_request")
        #expect(note[path: "sentiment", "urgency"]?.doubleValue ?? 0 >= 0.5)
    }

    @Test func everyMessageIsEnrichedOnce() throws {
        let contexts = try run()
        #expect(contexts.count == 42)
        // Line 8 repeats line 6's id; line 7 re-sends line 6's words under a new id a second later.
        #expect(contexts.filter { $0["status"] == "duplicate" }.count == 3)
        #expect(contexts.filter { $0["duplicateOf"] == "false_250788123456@c.us_3EB0000006" }.count == 1)
        #expect(Set(contexts.compactMap { $0["format"]?.stringValue }) == ["normalized", "whatsapp-web.js", "baileys"])
    }

    @Test func entitiesAcrossLayers() throws {
        let contexts = try run()
        let first = try context(contexts, containing: "this is Aline from unit 4B")
        #expect(entity(first, "unit")?[path: "value", "unit"] == "4B")
        #expect(entity(first, "property")?[path: "value", "id"] == "kh")
        #expect(entity(first, "tenant")?[path: "value", "id"] == "t-aline")
        #expect(first[path: "thread", "topic"] == "unit 4B")

        let rent = try context(contexts, containing: "I paid November rent")
        #expect(entity(rent, "money")?["value"] == ["amount": 350000, "currency": "RWF"])
        let plumber = try context(contexts, containing: "will call you from +250 788 555 444 tomorrow morning")
        #expect(entity(plumber, "phone")?[path: "value", "e164"] == "+250788555444")
        // 08:03 UTC on 25 November is 10:03 in Kigali: tomorrow morning is the 26th at 09:00.
        #expect(entity(plumber, "datetime")?[path: "value", "iso"] == "2025-11-26T09:00:00+02:00")
        let group = try context(contexts, containing: "Same in apt 12")
        #expect(entity(group, "unit")?[path: "value", "unit"] == "12")
    }

    @Test func intentSentimentAndThreads() throws {
        let contexts = try run()
        let leak = try context(contexts, containing: "kitchen tap has been leaking")
        #expect(leak[path: "intent", "name"] == "maintenance_request")
        #expect(leak[path: "sentiment", "label"] == "negative")
        #expect(leak[path: "language", "code"] == "en")

        let rent = try context(contexts, containing: "I paid November rent")
        #expect(rent[path: "intent", "name"] == "rent_payment")
        #expect(rent[path: "flow", "contextSwitch"] == true)
        #expect(rent[path: "thread", "id"] != leak[path: "thread", "id"])

        // A reply joins the thread of the message it quotes.
        let photoRequest = try context(contexts, containing: "Can you send a photo of the leak?")
        let photo = try context(contexts, containing: "Here it is")
        #expect(photo[path: "thread", "id"] == photoRequest[path: "thread", "id"])

        let thanks = try context(contexts, containing: "all fixed now")
        #expect(thanks[path: "sentiment", "label"] == "positive")
        // Hours later, within the day a thread stays open: no new thread for the thanks.
        #expect(thanks[path: "thread", "new"] == false && thanks[path: "flow", "closedThreads"] == nil)
        // The voice note about the leak goes back to the leak's thread, a switch from the rent.
        let note = try #require(contexts.last)
        #expect(note[path: "thread", "id"] == leak[path: "thread", "id"])
        #expect(note[path: "flow", "contextSwitch"] == true)
        let aline = Set(contexts.filter { $0[path: "message", "chat"] == "250788123456@c.us" }.compactMap { $0[path: "thread", "id"]?.stringValue })
        // The leak and the rent; "Here's the receipt" is a step of the payment, no new subject.
        #expect(aline.count == 2)
        let receipt = try context(contexts, containing: "Here's the receipt")
        #expect(receipt[path: "thread", "id"] == rent[path: "thread", "id"] && receipt[path: "flow", "contextSwitch"] == false)
    }
}
