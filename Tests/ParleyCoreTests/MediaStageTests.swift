import Testing
@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

/// The media stage's plumbing with a scripted reader standing in for OCR and transcription
/// (the real readers have their own suites): inline bytes kept by hash before journaling,
/// paths confined to the media directory, the language stage on what was read, the gallery,
/// reuse of a file read before, failures that never fail the message.
@Suite struct MediaStageTests {
    /// Answers with fixed text and counts its calls; fails while `failing` is set.
    final class ScriptedReader: MediaReader, @unchecked Sendable {
        let text: String
        let calls = Guarded(0)
        let failing = Guarded(false)

        init(text: String) { self.text = text }

        func read(_ bytes: [UInt8], options: JSONObject) throws(ParleyError) -> MediaReading {
            calls.withLock { $0 += 1 }
            if failing.withLock({ $0 }) { throw ParleyError(.badMedia, "scripted failure") }
            return MediaReading(text: text, confidence: 0.9, entities: [], json: JSONObject([("engine", .string("scripted"))]))
        }

        func validate(options: JSONObject) throws(ParleyError) {}
    }

    /// A PNG signature and a few bytes: enough for the kind to be told from the content.
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4]
    static let ogg: [UInt8] = Array("OggS".utf8) + [0, 2, 0, 0, 0, 0, 0, 0, 0, 0]

    func temporaryDirectory() -> String {
        var template = Array("/tmp/parley-media-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    func engine(_ directory: String, ocr: ScriptedReader, voice: ScriptedReader? = nil) throws(ParleyError) -> Engine {
        let configuration = try Configuration(json: #"{"store": {"path": "\#(directory)/p.db"}, "timeZone": "Africa/Kigali"}"#)
        var readers: [MediaKind: any MediaReader] = [.image: ocr]
        if let voice { readers[.audio] = voice }
        return try Engine(configuration: configuration, mediaReaders: readers)
    }

    func message(_ id: String, chat: String = "250788000001@c.us", type: String = "image", text: String = "",
                 media: JSONValue) -> JSONValue {
        ["id": .string(id), "chat": .string(chat), "from": .string(chat), "timestamp": 1_764_057_600,
         "type": .string(type), "text": .string(text), "media": media]
    }

    func process(_ engine: Engine, _ message: JSONValue) throws -> JSONValue {
        let json = Array(JSONWriter.string(message).utf8)
        return try json.withUnsafeBytes { try engine.process(json: $0) }
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << UInt32(16 - 8 * $1.offset) }
            for position in 0..<4 {
                out.append(position <= chunk.count ? alphabet[Int(value >> UInt32(18 - 6 * position) & 63)] : UInt8(ascii: "="))
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func inlineBytesAreKeptByHashReadAndSearchable() throws {
        let directory = temporaryDirectory()
        let reader = ScriptedReader(text: "KIGALI HEIGHTS LTD\nTotal RWF 35,000\nPaid tomorrow at 5pm")
        let engine = try engine(directory, ocr: reader)
        defer { engine.close() }
        let context = try process(engine, message("m1", text: "my receipt for unit 4B", media: ["data": .string(Self.base64(Self.png))]))
        let media = try #require(context["media"])
        let sha = MediaFiles.sha256(Self.png)
        #expect(media["sha256"]?.stringValue == sha)
        #expect(media["kind"]?.stringValue == "image" && media["mimetype"]?.stringValue == "image/png")
        #expect(media["text"]?.stringValue?.contains("RWF 35,000") == true)
        let types = media["entities"]?.arrayValue?.compactMap { $0["type"]?.stringValue } ?? []
        #expect(types.contains("money") && types.contains("datetime"))
        // The journal names the kept file, never the base64.
        #expect(context["message"]?["media"]?["path"]?.stringValue == String(sha.prefix(2)) + "/" + sha)
        #expect(context["message"]?["media"]?["data"] == nil)
        let kept = try MediaFiles.readFile("\(directory)/p.db.media/\(sha.prefix(2))/\(sha)", maxBytes: 1 << 20)
        #expect(kept == Self.png)

        // The same file in another chat: read once, the stored reading reused.
        let again = try process(engine, message("m2", chat: "250788000002@c.us", media: ["data": .string(Self.base64(Self.png))]))
        #expect(again["media"]?["cached"]?.boolValue == true)
        #expect(again["media"]?["text"] == media["text"])
        #expect(reader.calls.withLock { $0 } == 1)

        let all = try engine.gallery(query: nil)["media"]?.arrayValue ?? []
        #expect(all.count == 2)
        let byChat = try engine.gallery(query: ["chat": "250788000001@c.us"])["media"]?.arrayValue ?? []
        #expect(byChat.count == 1 && byChat.first?["caption"]?.stringValue == "my receipt for unit 4B")
        #expect(byChat.first?["thread"]?.stringValue == context["thread"]?["id"]?.stringValue)
        #expect((try engine.gallery(query: ["text": "heights rw"])["media"]?.arrayValue ?? []).count == 2)
        #expect((try engine.gallery(query: ["text": "receipt"])["media"]?.arrayValue ?? []).count == 1)
        #expect((try engine.gallery(query: ["text": "invoice"])["media"]?.arrayValue ?? []).isEmpty)
        #expect((try engine.gallery(query: ["kind": "audio"])["media"]?.arrayValue ?? []).isEmpty)
        #expect((try engine.gallery(query: ["since": 1_764_057_601])["media"]?.arrayValue ?? []).isEmpty)
        let item = try engine.galleryItem(sha256: sha)["item"]
        #expect(item?["messages"]?.arrayValue?.count == 2)
        #expect(item?["result"]?["text"] == media["text"])
        #expect(throws: ParleyError.self) { try engine.galleryItem(sha256: String(repeating: "0", count: 64)) }
        for notADigest in ["zz-not-hex", "", String(repeating: "0", count: 63)] {
            do {
                _ = try engine.galleryItem(sha256: notADigest)
                Issue.record("\(notADigest) was taken as a SHA-256")
            } catch {
                #expect(error.kind == .invalidArgument)
            }
        }
        #expect(throws: ParleyError.self) { try engine.gallery(query: ["kind": "hologram"]) }
        #expect(throws: ParleyError.self) { try engine.gallery(query: ["colour": "red"]) }
    }

    @Test func pathsStayInsideTheMediaDirectory() throws {
        let directory = temporaryDirectory()
        let engine = try engine(directory, ocr: ScriptedReader(text: "hello"))
        defer { engine.close() }
        let outside = try process(engine, message("m1", media: ["path": "../../../../etc/hostname"]))
        #expect(outside["status"]?.stringValue == "processed")
        #expect(outside["media"]?["error"]?["status"]?.stringValue == "PARLEY_INVALID_ARGUMENT"
                || outside["media"]?["error"]?["status"]?.stringValue == "PARLEY_NOT_FOUND")
        let missing = try process(engine, message("m2", media: ["path": "nope.jpg"]))
        #expect(missing["media"]?["error"]?["status"]?.stringValue == "PARLEY_NOT_FOUND")
        // A file the host downloaded into the directory (which the host made).
        mkdir("\(directory)/p.db.media", 0o755)
        let file = "\(directory)/p.db.media/photo.png"
        let fd = open(file, O_WRONLY | O_CREAT, 0o644)
        _ = Self.png.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let inside = try process(engine, message("m3", media: ["path": "photo.png"]))
        #expect(inside["media"]?["text"]?.stringValue == "hello")
        let absolute = try process(engine, message("m4", media: ["path": .string(file)]))
        #expect(absolute["media"]?["cached"]?.boolValue == true)
        let none = try process(engine, message("m5", media: ["id": "wamid.123"]))
        #expect(none["media"]?["available"]?.boolValue == false)
    }

    @Test func aFailedReadingFailsNotItsMessageAndIsTriedAgain() throws {
        let directory = temporaryDirectory()
        let reader = ScriptedReader(text: "meter 04521 kWh")
        reader.failing.withLock { $0 = true }
        let engine = try engine(directory, ocr: reader)
        defer { engine.close() }
        let failed = try process(engine, message("m1", text: "meter reading", media: ["data": .string(Self.base64(Self.png))]))
        #expect(failed["status"]?.stringValue == "processed")
        #expect(failed["media"]?["error"]?["status"]?.stringValue == "PARLEY_BAD_MEDIA")
        #expect(failed["intent"] != nil)
        reader.failing.withLock { $0 = false }
        let read = try process(engine, message("m2", media: ["data": .string(Self.base64(Self.png))]))
        #expect(read["media"]?["text"]?.stringValue == "meter 04521 kWh" && read["media"]?["cached"] == nil)
        #expect(try engine.galleryItem(sha256: MediaFiles.sha256(Self.png))["item"]?["status"]?.stringValue == "read")
    }

    @Test func aVoiceNoteIsReadAsTheMessagesWords() throws {
        let directory = temporaryDirectory()
        let voice = ScriptedReader(text: "the kitchen sink is leaking please send a plumber")
        let engine = try engine(directory, ocr: ScriptedReader(text: ""), voice: voice)
        defer { engine.close() }
        let context = try process(engine, message("v1", type: "voice", media: ["data": .string(Self.base64(Self.ogg))]))
        #expect(context["media"]?["kind"]?.stringValue == "audio")
        #expect(context["message"]?["text"]?.stringValue == "")
        #expect(context["intent"]?["name"]?.stringValue == "maintenance_request")
    }

    @Test func inlineBytesSurviveAnAcceptedMessagesRestart() throws {
        let directory = temporaryDirectory()
        let reader = ScriptedReader(text: "lease page one")
        do {
            let engine = try engine(directory, ocr: reader)
            let json = Array(JSONWriter.string(message("a1", media: ["data": .string(Self.base64(Self.png))])).utf8)
            _ = try json.withUnsafeBytes { try engine.submit(json: $0) }
            #expect(engine.drain(timeoutMillis: 10_000))
            engine.close()
        }
        // What was journaled names the kept file: reading the stored message again finds it.
        let engine = try engine(directory, ocr: reader)
        defer { engine.close() }
        let stored = try #require(try engine.store.context(chat: "250788000001@c.us", id: "a1"))
        let parsed = try JSONParser.parse(stored)
        #expect(parsed["media"]?["text"]?.stringValue == "lease page one")
        let again = try EnrichedContext.message(ofUnprocessed: stored)
        #expect(again.media?.path != nil && again.media?.data == nil)
        let re = try #require(engine.media.run(again, shed: [], store: engine.store) { _ in [] })
        #expect(re.block["cached"]?.boolValue == true)
    }

    @Test func sheddingSkipsTheReaderAndAnUnknownFileIsKeptUnread() throws {
        let directory = temporaryDirectory()
        let reader = ScriptedReader(text: "x")
        let engine = try engine(directory, ocr: reader)
        defer { engine.close() }
        let message = try MessageNormalizer.normalize(self.message("s1", media: ["data": .string(Self.base64(Self.png))]))
        let skipped = try #require(engine.media.run(message, shed: [.ocr], store: engine.store) { _ in [] })
        #expect(skipped.block["skipped"]?.stringValue == "degraded")
        #expect(reader.calls.withLock { $0 } == 0)
        let unknown = try process(engine, self.message("s2", type: "document", media: ["data": .string(Self.base64([0, 1, 2, 3, 0, 0]))]))
        #expect(unknown["media"]?["kind"]?.stringValue == "other")
        #expect(try engine.galleryItem(sha256: MediaFiles.sha256([0, 1, 2, 3, 0, 0]))["item"]?["status"]?.stringValue == "unread")
    }

    @Test func retentionTakesTheGalleryAndTheKeptFilesWithItsMessages() throws {
        let directory = temporaryDirectory()
        let configuration = try Configuration(json: #"{"store": {"path": "\#(directory)/p.db"}, "retention": {"days": 1}}"#)
        let engine = try Engine(configuration: configuration, mediaReaders: [.image: ScriptedReader(text: "old receipt")])
        defer { engine.close() }
        _ = try process(engine, message("old", media: ["data": .string(Self.base64(Self.png))]))
        // A file the host downloaded into the directory is the host's: never deleted.
        let hostFile = "\(directory)/p.db.media/host.png"
        let other: [UInt8] = Self.png + [9]
        let fd = open(hostFile, O_WRONLY | O_CREAT, 0o644)
        _ = other.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        _ = try process(engine, message("old2", media: ["path": "host.png"]))
        let sha = MediaFiles.sha256(Self.png)
        let kept = "\(directory)/p.db.media/\(sha.prefix(2))/\(sha)"
        #expect(access(kept, F_OK) == 0)
        let report = try engine.maintain(now: Engine.unixMillis() + 3 * 86_400_000)
        #expect(report["deleted"]?.int64Value == 2)
        #expect(report["mediaDeleted"]?.int64Value == 2)
        #expect((try engine.gallery(query: nil)["media"]?.arrayValue ?? []).isEmpty)
        #expect(access(kept, F_OK) != 0)
        #expect(access(hostFile, F_OK) == 0)
    }

    /// A process killed between writing a kept file and renaming it leaves its temporary
    /// file; maintenance removes those of writers that are gone (or stale), nothing else.
    @Test func maintenanceRemovesTheTemporaryFilesOfWritesACrashCutShort() throws {
        let directory = temporaryDirectory()
        defer { _ = system("rm -rf \(directory)") }
        let configuration = try Configuration(json: #"{"store": {"path": "\#(directory)/p.db"}}"#)
        let engine = try Engine(configuration: configuration, mediaReaders: [.image: ScriptedReader(text: "receipt")])
        defer { engine.close() }
        _ = try process(engine, message("m1", media: ["data": .string(Self.base64(Self.png))]))
        let sha = MediaFiles.sha256(Self.png)
        let shard = "\(directory)/p.db.media/\(sha.prefix(2))"
        let gone = fork()
        if gone == 0 { _exit(0) }
        var status: Int32 = 0
        waitpid(gone, &status, 0)
        func create(_ name: String, ageSeconds: Int = 0) -> String {
            let path = "\(shard)/\(name)"
            close(open(path, O_WRONLY | O_CREAT, 0o600))
            if ageSeconds > 0 {
                let then = time(nil) - ageSeconds
                var times = [timeval(tv_sec: then, tv_usec: 0), timeval(tv_sec: then, tv_usec: 0)]
                utimes(path, &times)
            }
            return path
        }
        let deadWriter = create("\(sha).tmp\(gone)-123")
        let staleWriter = create("\(sha).tmp\(getpid())-456", ageSeconds: 7_200)
        let liveWriter = create("\(sha).tmp\(getpid())-789")
        let hostFile = create("notes.tmp\(gone)-1")
        let report = try engine.maintain(now: Engine.unixMillis())
        #expect(report["mediaTemporariesDeleted"]?.int64Value == 2)
        #expect(access(deadWriter, F_OK) != 0 && access(staleWriter, F_OK) != 0)
        #expect(access(liveWriter, F_OK) == 0 && access(hostFile, F_OK) == 0)
        #expect(access("\(shard)/\(sha)", F_OK) == 0)
    }

    @Test func noMediaDirectoryUntilAFileIsKept() throws {
        let directory = temporaryDirectory()
        let engine = try engine(directory, ocr: ScriptedReader(text: "x"))
        defer { engine.close() }
        _ = try process(engine, ["id": "t1", "chat": "c", "from": "c", "timestamp": 1_764_057_600, "type": "text", "text": "hello"])
        #expect(access("\(directory)/p.db.media", F_OK) != 0)
        _ = try process(engine, message("m1", media: ["data": .string(Self.base64(Self.png))]))
        #expect(access("\(directory)/p.db.media", F_OK) == 0)
    }

    @Test func configuration() throws {
        let parsed = try Configuration(json: #"{"media": {"directory": "/tmp/m", "ocr": false, "voice": {}, "maxBytes": 1000}}"#)
        #expect(parsed.media.directory == "/tmp/m" && parsed.media.ocr == nil && parsed.media.voice != nil && parsed.media.maxBytes == 1000)
        #expect(throws: ParleyError.self) { try Configuration(json: #"{"media": {"colour": 1}}"#) }
        #expect(throws: ParleyError.self) { try Configuration(json: #"{"media": {"ocr": 3}}"#) }
        #expect(throws: ParleyError.self) { try Configuration(json: #"{"media": {"maxBytes": 0}}"#) }
    }

    @Test func sniffing() {
        #expect(MediaKind.sniff([0xFF, 0xD8, 0xFF, 0xE0])?.mimetype == "image/jpeg")
        #expect(MediaKind.sniff(Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8))?.mimetype == "image/webp")
        #expect(MediaKind.sniff(Array("%PDF-1.7".utf8))?.kind == .document)
        #expect(MediaKind.sniff(Array("name,rent\nAna,350000\n".utf8))?.mimetype == "text/plain")
        #expect(MediaKind.sniff([0, 0, 0, 0]) == nil)
        // UTF-16LE text after its byte-order mark is text, though FF FE is also an MPEG frame sync.
        var utf16 = Fixtures.bytes("documents/utf16.csv")
        #expect(Array(utf16.prefix(2)) == [0xFF, 0xFE])
        #expect(MediaKind.sniff(utf16)?.mimetype == "text/plain")
        utf16 = [0xFF, 0xFE]
        for unit in "Nyumba;Kodi\nمنزل 🏠;350000\n".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(MediaKind.sniff(utf16)?.mimetype == "text/plain")
        // An MPEG frame (layer I, FF FE) followed by audio data is still audio.
        #expect(MediaKind.sniff([0xFF, 0xFE, 0x90, 0x44, 0x00, 0x01, 0x9C, 0x03, 0x00, 0x00, 0x12, 0x07])?.mimetype == "audio/mpeg")
        #expect(MediaKind.sniff([0xFF, 0xFB, 0x90, 0x64] + Array(repeating: 0, count: 64))?.mimetype == "audio/mpeg")
        #expect(MediaKind.sniff([]) == nil)
    }
}
