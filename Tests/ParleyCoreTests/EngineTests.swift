import Testing
@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

@Suite struct EngineTests {
    static let message = #"{"id":"m1","chat":"250788123456@c.us","from":"250788123456@c.us","timestamp":1764000000,"type":"text","text":"Rent RWF 50,000 paid"}"#

    func process(_ engine: Engine, _ json: String) throws(ParleyError) -> JSONValue {
        var json = json
        return try json.withUTF8 { bytes in Result { () throws(ParleyError) in try engine.process(json: UnsafeRawBufferPointer(bytes)) } }.get()
    }

    func temporaryDirectory() -> String {
        var template = Array("/tmp/parley-test-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    @Test func processesAndJournalsAMessage() throws {
        let engine = try Engine()
        let context = try process(engine, Self.message)
        #expect(context["schema"] == 1)
        #expect(context["status"] == "processed")
        #expect(context["format"] == "normalized")
        #expect(context[path: "message", "id"] == "m1")
        #expect(context["entities"]?.arrayValue?.contains { $0["type"] == "money" } == true)
        #expect(context[path: "timings", "totalMicros"]?.int64Value != nil)
        #expect(try engine.store.messageCount() == 1)
    }

    @Test func aContextKeepsTheFirstThousandEntitiesAndCountsTheRest() throws {
        let engine = try Engine()
        let text = String(repeating: "12 ", count: 3000)
        let context = try process(engine, #"{"id":"many","chat":"c@c.us","from":"c@c.us","timestamp":1764000000,"type":"text","text":"\#(text)"}"#)
        let entities = try #require(context["entities"]?.arrayValue)
        #expect(entities.count == Enrichment.maxEntities)
        #expect(context["entitiesOmitted"] == 2000)
        let starts = entities.compactMap { $0["start"]?.int64Value }
        #expect(starts.first == 0 && starts == starts.sorted())
        // The duplicate answers the same.
        let again = try process(engine, #"{"id":"many","chat":"c@c.us","from":"c@c.us","timestamp":1764000000,"type":"text","text":"x"}"#)
        #expect(again["entitiesOmitted"] == 2000)
        // A message within the limit has no count.
        #expect(try process(engine, Self.message)["entitiesOmitted"] == nil)
    }

    @Test func aRepeatedIdReturnsTheOriginalAsDuplicate() throws {
        let engine = try Engine()
        let first = try process(engine, Self.message)
        let second = try process(engine, Self.message.replacing("Rent", with: "Changed"))
        #expect(second["status"] == "duplicate")
        #expect(second["entities"] == first["entities"])
        #expect(second[path: "message", "text"] == first[path: "message", "text"])
        #expect(try engine.store.messageCount() == 1)
    }

    @Test func theSameIdInAnotherChatIsAnotherMessage() throws {
        let engine = try Engine()
        _ = try process(engine, Self.message)
        let other = try process(engine, Self.message.replacing("\"chat\":\"250788123456@c.us\"", with: "\"chat\":\"other@c.us\""))
        #expect(other["status"] == "processed")
    }

    @Test func duplicatesSurviveCloseAndReopen() throws {
        let directory = temporaryDirectory()
        defer { _ = system("rm -rf \(directory)") }
        let config = #"{"store": {"path": "\#(directory)/parley.db"}}"#
        let engine = try Engine(configJSON: config)
        _ = try process(engine, Self.message)
        engine.close()
        #expect(throws: ParleyError.self) { try process(engine, Self.message) }

        let reopened = try Engine(configJSON: config)
        #expect(try process(reopened, Self.message)["status"] == "duplicate")
        #expect(try reopened.store.messageCount() == 1)
        reopened.close()
    }

    @Test func failedInputStoresNothing() throws {
        let engine = try Engine()
        _ = try process(engine, Self.message)
        for bad in ["{", "[]", #"{"id":1}"#, #"{"id":"x","chat":"c","from":"f","timestamp":1,"type":"hologram"}"#] {
            #expect(throws: ParleyError.self) { try process(engine, bad) }
        }
        #expect(try engine.store.messageCount() == 1)
    }

    @Test func aBatchIsJournaledLikeSingleCalls() throws {
        let engine = try Engine()
        _ = try process(engine, Self.message)
        let second = Self.message.replacing("\"id\":\"m1\"", with: "\"id\":\"m2\"").replacing("50,000", with: "60,000")
        let third = Self.message.replacing("\"id\":\"m1\"", with: "\"id\":\"m3\"").replacing("50,000", with: "70,000")
        let inputs = [second, "{broken", Self.message, second, third]
        let joined = Array(inputs.joined().utf8)
        var ranges: [Range<Int>] = []
        for input in inputs { ranges.append((ranges.last?.upperBound ?? 0)..<(ranges.last?.upperBound ?? 0) + input.utf8.count) }
        let results = try joined.withUnsafeBytes { all in
            try engine.process(batch: ranges.map { UnsafeRawBufferPointer(rebasing: all[$0]) })
        }
        #expect(results.count == 5)
        #expect(try results[0].get()["status"] == "processed")
        #expect(throws: ParleyError.self) { try results[1].get() }
        #expect(try results[2].get()["status"] == "duplicate")   // journaled before the batch
        #expect(try results[3].get()["status"] == "duplicate")   // repeated inside the batch
        #expect(try results[3].get()["entities"] == results[0].get()["entities"])
        #expect(try results[4].get()["status"] == "processed")
        #expect(try engine.store.messageCount() == 3)
    }

    @Test func concurrentCallersShareCommitsAndLoseNothing() async throws {
        let directory = temporaryDirectory()
        defer { _ = system("rm -rf \(directory)") }
        let engine = try Engine(configJSON: #"{"store": {"path": "\#(directory)/p.db"}}"#)
        let workers = 8, perWorker = 150
        let statuses = await withTaskGroup(of: [String].self) { group in
            for w in 0..<workers {
                group.addTask {
                    var seen: [String] = []
                    for i in 0..<perWorker {
                        // Every message is sent by two workers: one of them must get "duplicate".
                        let n = (w / 2) * perWorker + i
                        var json = #"{"id":"g\#(n)","chat":"c\#(n % 7)","from":"u","timestamp":\#(1000 + n),"type":"text","text":"rent paid \#(n)"}"#
                        let status = json.withUTF8 { bytes in
                            (try? engine.process(json: UnsafeRawBufferPointer(bytes)))?["status"]?.stringValue ?? "error"
                        }
                        seen.append(status)
                    }
                    return seen
                }
            }
            var all: [String] = []
            for await part in group { all += part }
            return all
        }
        #expect(statuses.filter { $0 == "processed" }.count == workers / 2 * perWorker)
        #expect(statuses.filter { $0 == "duplicate" }.count == workers / 2 * perWorker)
        #expect(try engine.store.messageCount() == workers / 2 * perWorker)
        let threads = try engine.threads(query: ["limit": 1000])["threads"]?.arrayValue ?? []
        #expect(threads.reduce(0) { $0 + Int($1["messageCount"]?.int64Value ?? 0) } == workers / 2 * perWorker)
        engine.close()
    }

    @Test func enforcesTheSizeLimit() throws {
        let engine = try Engine(configJSON: #"{"limits": {"maxMessageBytes": 100}}"#)
        do {
            _ = try process(engine, Self.message)
            Issue.record("accepted a message over the limit")
        } catch {
            #expect(error.kind == .tooLarge)
        }
    }

    @Test func refusesAFileThatIsNotAParleyStore() throws {
        let directory = temporaryDirectory()
        defer { _ = system("rm -rf \(directory)") }
        let path = "\(directory)/other.db"
        // Another application's SQLite database: must be refused, not migrated into.
        let other = try SQLiteConnection(path: path)
        try other.execute("CREATE TABLE invoices (id INTEGER)")
        other.close()
        do {
            _ = try Engine(configJSON: #"{"store": {"path": "\#(path)"}}"#)
            Issue.record("opened another application's database")
        } catch {
            #expect(error.kind == .corrupt)
        }
    }

    /// SQLite's ":memory:" is the in-memory store: as a file name each connection got an
    /// empty database of its own and every message failed.
    @Test func memoryAsAPathIsTheInMemoryStore() throws {
        let engine = try Engine(configJSON: #"{"store": {"path": ":memory:"}}"#)
        defer { engine.close() }
        #expect(try process(engine, Self.message)["status"] == "processed")
        #expect(try process(engine, Self.message)["status"] == "duplicate")
    }

    @Test(arguments: [
        (#"{"store": 1}"#, ParleyError.Kind.invalidConfig),
        (#"{"store": {"synchronous": "sometimes"}}"#, .invalidConfig),
        (#"{"store": {"path": ""}}"#, .invalidConfig),
        (#"{"store": {"path": "file:parley.db?mode=memory"}}"#, .invalidConfig),
        (#"{"limits": {"maxMessageBytes": -1}}"#, .invalidConfig),
        (#"{"unknown": true}"#, .invalidConfig),
        (#"{"store": "#, .malformedJSON),
        (#"{"region": "ZZ"}"#, .invalidConfig),
        (#"{"region": "RW", "region": "US"}"#, .invalidConfig),
        (#"{"store": {"synchronous": "full", "synchronous": "normal"}}"#, .invalidConfig),
        // The header allows {...} | false for a reader, and one of the two worker settings.
        (#"{"media": {"ocr": true}}"#, .invalidConfig),
        (#"{"media": {"voice": true}}"#, .invalidConfig),
        (#"{"core": {"workers": 2}, "workers": {"min": 1, "max": 4}}"#, .invalidConfig),
    ])
    func rejectsBadConfiguration(config: String, kind: ParleyError.Kind) {
        do {
            _ = try Engine(configJSON: config)
            Issue.record("accepted \(config)")
        } catch {
            #expect(error.kind == kind, "\(config): \(error)")
        }
    }

    /// Any body that is not a Cloud API webhook is PARLEY_UNSUPPORTED, whatever its JSON type.
    @Test func aWebhookBodyThatIsNoObjectIsUnsupported() throws {
        let engine = try Engine()
        defer { engine.close() }
        for body in ["[1]", "\"text\"", "42", "{}", #"{"object": "page"}"#] {
            var body = body
            let result = body.withUTF8 { bytes in
                Result { () throws(ParleyError) in try engine.ingestWebhook(body: UnsafeRawBufferPointer(bytes), signature: nil) }
            }
            guard case .failure(let error) = result else { Issue.record("\(body) accepted"); continue }
            #expect(error.kind == .unsupported, "\(body): \(error)")
        }
    }

    @Test func webhookSignatureIsChecked() throws {
        let body = #"{"object":"whatsapp_business_account","entry":[]}"#
        let engine = try Engine(configJSON: #"{"webhook": {"appSecret": "s3cret"}}"#)
        let good = Array(body.utf8).withUnsafeBytes { WebhookSignature.hmacSHA256(key: "s3cret", data: $0) }
        let header = "sha256=" + good.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        try Array(body.utf8).withUnsafeBytes { bytes in
            let result = try engine.ingestWebhook(body: bytes, signature: header)
            #expect(result["contexts"] == [])
            for bad in [nil, "sha256=00", header.replacing("sha256=", with: "sha1="), String(header.dropLast()) + "0"] {
                guard bad != header else { continue }
                do {
                    _ = try engine.ingestWebhook(body: bytes, signature: bad)
                    Issue.record("accepted signature \(bad ?? "nil")")
                } catch {
                    #expect((error as? ParleyError)?.kind == .badSignature)
                }
            }
        }
    }

    @Test func hmacMatchesRFC4231() {
        // RFC 4231 test case 2.
        let digest = Array("what do ya want for nothing?".utf8).withUnsafeBytes { WebhookSignature.hmacSHA256(key: "Jefe", data: $0) }
        let hex = digest.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        #expect(hex == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    /// A deletion goes to the thread of the message it takes back (not the chat's latest) and
    /// carries no language results; that message stays in the journal.
    @Test func aRevokeJoinsTheThreadOfWhatItTakesBack() throws {
        let engine = try Engine()
        defer { engine.close() }
        func text(_ id: String, _ at: Int, _ words: String) -> String {
            #"{"id":"\#(id)","chat":"c1","from":"c1","timestamp":\#(1764000000 + at),"type":"text","text":"\#(words)"}"#
        }
        let leak = try process(engine, text("m1", 0, "The kitchen tap in unit 4B is leaking, please send a plumber"))
        let rent = try process(engine, text("m2", 60, "How do I pay the rent for apt 7?"))
        #expect(leak["thread"]?["id"] != rent["thread"]?["id"])
        let revoke = try process(engine, #"{"key":{"remoteJid":"c1","fromMe":false,"id":"D1"},"messageTimestamp":1764000120,"message":{"protocolMessage":{"key":{"remoteJid":"c1","id":"m1"},"type":"REVOKE"}}}"#)
        #expect(revoke["status"] == "processed")
        #expect(revoke["message"]?["type"] == "revoke" && revoke["message"]?["revoke"]?["messageId"] == "m1")
        #expect(revoke["thread"]?["id"] == leak["thread"]?["id"])
        #expect(revoke["intent"] == nil && revoke["language"] == nil && revoke["sentiment"] == nil)
        #expect(try engine.store.messageCount() == 3)
        // The same deletion delivered twice is a duplicate.
        let again = try process(engine, #"{"key":{"remoteJid":"c1","fromMe":false,"id":"D1"},"messageTimestamp":1764000120,"message":{"protocolMessage":{"key":{"remoteJid":"c1","id":"m1"},"type":0}}}"#)
        #expect(again["status"] == "duplicate")
    }
}
