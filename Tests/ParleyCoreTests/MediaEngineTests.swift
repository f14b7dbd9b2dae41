import Testing
@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

/// The real readers inside the engine: a message's file read during `process`, the entities
/// of what was read, the gallery, and the direct calls behind parley_media_*.
@Suite struct MediaEngineTests {
    func temporaryDirectory() -> String {
        var template = Array("/tmp/parley-media-engine-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    func process(_ engine: Engine, _ message: JSONValue) throws -> JSONValue {
        let json = Array(JSONWriter.string(message).utf8)
        return try json.withUnsafeBytes { try engine.process(json: $0) }
    }

    func message(_ id: String, type: String, text: String = "", media: JSONValue) -> JSONValue {
        ["id": .string(id), "chat": "250788000001@c.us", "from": "250788000001@c.us", "timestamp": 1_764_057_600,
         "type": .string(type), "text": .string(text), "media": media]
    }

    @Test func aLeasePDFSentInAChatIsReadAndSearchable() throws {
        let directory = temporaryDirectory()
        let engine = try Engine(configJSON: #"{"store": {"path": "\#(directory)/p.db"}, "region": "RW"}"#)
        defer { engine.close() }
        let pdf = Fixtures.bytes("documents/lease.pdf")
        let context = try process(engine, message("d1", type: "document", text: "here is the signed lease",
                                                  media: ["data": .string(MediaStageTests.base64(pdf)), "fileName": "lease.pdf"]))
        let media = try #require(context["media"])
        #expect(media["kind"]?.stringValue == "document" && media["mimetype"]?.stringValue == "application/pdf")
        #expect(media["format"]?.stringValue == "pdf" && media["pages"]?.arrayValue?.count == 2)
        #expect(media["text"]?.stringValue?.contains("Tenant: John Mugisha") == true)
        let entities = media["entities"]?.arrayValue ?? []
        let fields = entities.filter { $0["type"]?.stringValue == "field" }.compactMap { $0["value"]?["key"]?.stringValue }
        #expect(fields.contains("Tenant") && fields.contains("Rent"))
        #expect(entities.contains { $0["type"]?.stringValue == "money" && $0["value"]?["amount"]?.doubleValue == 350_000 })
        #expect(entities.contains { $0["type"]?.stringValue == "phone" && $0["value"]?["e164"]?.stringValue == "+250788123456" })
        let found = try engine.gallery(query: ["text": "mugisha", "kind": "document"])["media"]?.arrayValue ?? []
        #expect(found.count == 1 && found.first?["messageId"]?.stringValue == "d1")
    }

    @Test func directCallsAndTheirErrors() throws {
        let engine = try Engine(configJSON: #"{"media": {"ocr": false}}"#)
        defer { engine.close() }
        let csv = Fixtures.bytes("documents/payments.csv")
        let read = try engine.readMedia(csv, as: .document, options: #"{"timestamp": 1764057600}"#)
        #expect(read["format"]?.stringValue == "csv" && read["sha256"]?.stringValue == MediaFiles.sha256(csv))
        func kind(_ body: () throws -> JSONValue) -> ParleyError.Kind? {
            do { _ = try body(); return nil } catch { return (error as? ParleyError)?.kind }
        }
        #expect(kind { try engine.readMedia(Fixtures.bytes("documents/encrypted.pdf"), as: .document, options: nil) } == .badMedia)
        #expect(kind { try engine.readMedia([], as: .document, options: nil) } == .badMedia)
        #expect(kind { try engine.readMedia(csv, as: .document, options: "[1]") } == .invalidArgument)
        #expect(kind { try engine.readMedia(csv, as: .document, options: "{") } == .malformedJSON)
        #expect(kind { try engine.readMedia(csv, as: .document, options: #"{"colour": 1}"#) } == .invalidArgument)
        #expect(kind { try engine.readMedia(csv, as: .image, options: nil) } == .unsupported)
    }
}
