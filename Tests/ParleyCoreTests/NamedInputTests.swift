@testable import ParleyCore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Names and files a host hands over that are not what they seem: a NUL that would cut a
/// path or an id short, a FIFO that would block an open forever, a file too big to read, an
/// empty secret (found by an outside C host written against the header).
@Suite struct NamedInputTests {
    static func process(_ engine: Engine, _ json: String) throws -> JSONValue {
        var json = json
        return try json.withUTF8 { try engine.process(json: UnsafeRawBufferPointer($0)) }
    }

    static func expectKind(_ kind: ParleyError.Kind, containing fragment: String, _ body: () throws -> Void,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            try body()
            Issue.record("expected \(kind), got success", sourceLocation: sourceLocation)
        } catch let error as ParleyError {
            #expect(error.kind == kind && error.message.contains(fragment), "\(error)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("expected ParleyError, got \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func aNULInAConfiguredNameIsRefused() {
        let directory = Fixtures.temporaryDirectory("nul")
        for config in [#"{"store": {"path": "\#(directory)/a\u0000b.db"}}"#, #"{"log": {"path": "\#(directory)/l\u0000x.log"}}"#,
                       #"{"timeZone": "Africa/Kigali\u0000x"}"#] {
            Self.expectKind(.invalidConfig, containing: "NUL") { _ = try Engine(configJSON: config) }
        }
        // Nothing was created at the path cut short.
        #expect(Fixtures.files(in: directory).filter { $0 != "." && $0 != ".." }.isEmpty)
    }

    @Test func aNULInAMessagesKeysIsRefused() throws {
        let engine = try Engine(configJSON: "{}")
        defer { engine.close() }
        for (chat, id) in [("chat1", "A\\u0000one"), ("room\\u0000one", "1")] {
            let json = #"{"id": "\#(id)", "chat": "\#(chat)", "from": "u", "timestamp": 1764000000, "type": "text", "text": "hi"}"#
            Self.expectKind(.invalidMessage, containing: "NUL") { _ = try Self.process(engine, json) }
        }
        let fine = try Self.process(engine, #"{"id": "A", "chat": "chat1", "from": "u", "timestamp": 1764000000, "type": "text", "text": "a\u0000b"}"#)
        #expect(fine["status"] == "processed", "a NUL in the text names nothing")
    }

    @Test func aFIFOIsNoFileToOpen() throws {
        let directory = Fixtures.temporaryDirectory("fifo")
        let fifo = directory + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        // Each of these blocked forever on open.
        Self.expectKind(.invalidConfig, containing: "log.path") { _ = try Engine(configJSON: #"{"log": {"path": "\#(fifo)"}}"#) }
        Self.expectKind(.invalidArgument, containing: "not a regular file") { _ = try MediaFiles.readFile(fifo, maxBytes: 1 << 20) }
        Self.expectKind(.storage, containing: "not a regular file") { _ = try IntentModel.load(path: fifo) }
        Self.expectKind(.storage, containing: "not a regular file") { _ = try IntentModel.load(path: "/dev/zero") }
    }

    @Test func anIntentModelPastAnyModelsSizeIsRefusedUnread() throws {
        let path = Fixtures.temporaryDirectory("bigmodel") + "/m.bin"
        let fd = open(path, O_WRONLY | O_CREAT, 0o600)
        #expect(fd >= 0 && ftruncate(fd, off_t(IntentModel.maxFileBytes) + 1) == 0)   // sparse: no disk used
        close(fd)
        Self.expectKind(.corrupt, containing: "not a model") { _ = try IntentModel.load(path: path) }
        unlink(path)
    }

    @Test func anEmptyWebhookSecretIsRefused() {
        Self.expectKind(.invalidConfig, containing: "appSecret") { _ = try Engine(configJSON: #"{"webhook": {"appSecret": ""}}"#) }
    }

    /// A stretch of digits and spaces is read by the phone matcher in pieces, and each word is
    /// placed against the entities in one pass: text made of numbers took minutes for 160 KB.
    @Test func longStretchesOfNumbersAreReadWhole() throws {
        let engine = try Engine(configJSON: #"{"region": "RW"}"#)
        defer { engine.close() }
        // A column of numbers is one stretch of digits and spaces, longer than a piece.
        let numbers = (0..<9).map { "07881234\($0)\($0)" }
        let text = "call " + numbers.joined(separator: " ") + " please"
        let context = try Self.process(engine, #"{"id": "n", "chat": "c", "from": "u", "timestamp": 1764000000, "type": "text", "text": "\#(text)"}"#)
        let phones = context["entities"]?.arrayValue?.filter { $0["type"] == "phone" }.compactMap { $0["value"]?["e164"]?.stringValue }
        #expect(phones == numbers.map { "+250" + $0.dropFirst() })
        // A text that is all numbers: every word is inside an entity.
        let all = String(repeating: "7 ", count: 5_000)
        _ = try Self.process(engine, #"{"id": "m", "chat": "c", "from": "u", "timestamp": 1764000000, "type": "text", "text": "\#(all)"}"#)
        let entities = (0..<100).map { Entity(type: "number", text: "7", start: 2 * $0, end: 2 * $0 + 1, value: [:], confidence: 1) }
        let counted = Enrichment.countWords(String(repeating: "7 ", count: 100), outside: entities)
        #expect(counted.words == 100 && counted.others == 0)
        let one = Entity(type: "number", text: "7", start: 2, end: 3, value: [:], confidence: 1)
        let counts = Enrichment.countWords("a 7 b", outside: [one])
        #expect(counts.words == 3 && counts.others == 2)
    }
}
