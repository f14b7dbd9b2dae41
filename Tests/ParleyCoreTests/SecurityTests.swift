import Testing
@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

@Suite struct SecurityTests {
    func temporaryDirectory() -> String {
        var template = Array("/tmp/parley-security-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    func mode(_ path: String) -> mode_t {
        var info = stat()
        #expect(stat(path, &info) == 0, "\(path) exists")
        return info.st_mode & 0o777
    }

    func read(_ path: String) -> String {
        guard let file = fopen(path, "r") else { return "" }
        defer { fclose(file) }
        var text = ""
        var buffer = [CChar](repeating: 0, count: 4096)
        while fgets(&buffer, Int32(buffer.count), file) != nil { text += String(cString: buffer) }
        return text
    }

    // MARK: masking

    @Test(arguments: [
        ("call +250 788 123 456 now", "call +250*******56 now"),
        ("call +250788123456.", "call +250*******56."),
        ("chat 250788123456@c.us failed", "chat 250*******56@c.us failed"),
        ("from 12345678901@s.whatsapp.net", "from 123******01@s.whatsapp.net"),
        ("lid 98765432@lid", "lid ******32@lid"),
        ("(0788) 123-456 or 0788-123-456", "(078*****56 or 078*****56"),
        ("mail jane.doe@example.com please", "mail j***@example.com please"),
        ("US +1 (555) 010-9999", "US +155******99"),
        // A number beside a unit-like word or in brackets after a name is still a phone.
        ("call Jane (0788123456) or 0788123457 today", "call Jane (078*****56) or 078*****57 today"),
        ("text 07881234 s'il vous plait", "text ******34 s'il vous plait"),
        // As phones and WhatsApp write them: no-break, narrow no-break, thin and zero-width
        // spaces, no-break hyphens, direction isolates around, and non-ASCII digits.
        ("call +250\u{A0}788\u{A0}123\u{A0}456 now", "call +250*******56 now"),
        ("+250\u{202F}788\u{202F}123\u{202F}456", "+250*******56"),
        ("+250\u{2009}788\u{2009}123\u{2009}456", "+250*******56"),
        ("+250\u{2011}788\u{2011}123\u{2011}456", "+250*******56"),
        ("+250\u{200B}788\u{200B}123\u{200B}456", "+250*******56"),
        ("رقمي \u{2068}+250 788 123 456\u{2069}", "رقمي \u{2068}+250*******56\u{2069}"),
        ("رقمي ٠٧٨٨١٢٣٤٥٦", "رقمي ٠٧٨*****٥٦"),
        ("۰۷۸۸۱۲۳۴۵۶", "۰۷۸*****۵۶"),
        ("０７８８１２３４５６", "０７８*****５６"),
        ("chat ٢٥٠٧٨٨١٢٣٤٥٦@c.us", "chat ٢٥٠*******٥٦@c.us"),
    ])
    func masksNumbersAndEmails(input: String, expected: String) {
        #expect(LogMask.mask(input) == expected)
        #expect(LogMask.mask(expected) == expected, "masking twice changes nothing")
    }

    @Test(arguments: [
        "the body is 1048577 bytes; the limit is 1048576",
        "timestamp 1764000000 is in the future; 1764000000123 too",
        "sha256 3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea",
        "message 3EB0C4312345678901 of ticket 42",
        "a 12% rise on 2026-11-25 at 10:30, due 25.11.2026 or 1-12-2026",
        "stallAfterMs 600000 (10 minutes) and 3600000 (1 hour)",
        "the image claims 60000×60000 pixels, over the limit of 60000000 (ocr.maxPixels)",
        "its data chunk declares 88200000 bytes, 32000 present",
        "the file has 60000001 bytes, over media.maxBytes (52428800); the limit is 104857600",
        // Ranges Parley states, with the value it was given, and numbers longer than E.164's 15 digits.
        "now_ms must be between 0 and 9007199254740992, got 9007199254740993",
        "ttl_seconds must be between 1 and 315360000 (ten years), got 315360001",
        "queue.highWater must be between 1 and 100000000",
        "a counter of 12345678901234567 events",
        "",
        "🏠 plain text",
        "٣ غرف، ١٢٠٠٠٠ فرنك",
    ])
    func leavesOtherNumbersAlone(input: String) {
        #expect(LogMask.mask(input) == input)
    }

    @Test func errorMessagesAreMasked() {
        let (phone, mail) = ("+250 788 123 456", "jane@example.com")
        let error = ParleyError(.invalidMessage, "message from \(phone) (\(mail)) is bad")
        #expect(error.message == "message from +250*******56 (j***@example.com) is bad")
        #expect(!error.description.contains("788 123"))
        #expect(ParleyError(.storage, MaskedText(masking: "disk of +250788123456 is full")).message == "disk of +250*******56 is full")
    }

    /// Parley's own figures (limits, and values it read as numbers) read as written; what is
    /// interpolated as text is masked, also when an error is wrapped in another.
    @Test func ownFiguresAreNotMasked() throws {
        let type = "+250 788 123 456"
        let inner = ParleyError(.invalidConfig, "critical <= \(Int64(60_000_000)), got \(Int64(99_999_999_999_999)) for \(type)")
        #expect(inner.message == "critical <= 60000000, got 99999999999999 for +250*******56")
        #expect(ParleyError(.invalidConfig, "breakers: \(inner)").message == "breakers: " + inner.message)
        do {
            _ = try Engine(configJSON: #"{"metrics": {"alerts": {"latencyMillis": [2000, 500]}}}"#)
            Issue.record("an inverted latency alert was accepted")
        } catch {
            #expect(!error.message.contains("*"), "\(error)")
        }
        let engine = try Engine()
        defer { engine.close() }
        var message = #"{"id":"a","chat":"c","from":"u","timestamp":99999999999999,"type":"text","text":"x"}"#
        let result = message.withUTF8 { bytes in Result { () throws(ParleyError) in try engine.process(json: UnsafeRawBufferPointer(bytes)) } }
        guard case .failure(let error) = result else { Issue.record("a timestamp far in the future was accepted"); return }
        #expect(error.message.hasSuffix("got 99999999999999"), "\(error)")
    }

    /// "" is no JSON object: options and queries given as "" are PARLEY_MALFORMED_JSON, as
    /// config_json is, not "the defaults".
    @Test func emptyOptionsAreMalformedJSON() throws {
        let engine = try Engine()
        defer { engine.close() }
        let put = Array("v".utf8).withUnsafeBytes { b in Result { () throws(ParleyError) in try engine.cachePut(key: "k", value: b, now: 10, options: "") } }
        guard case .failure(let error) = put else { Issue.record("cachePut took \"\" for no options"); return }
        #expect(error.kind == .malformedJSON)
        let read = Result { () throws(ParleyError) in try engine.readMedia(Array("a,b\n1,2\n".utf8), as: .document, options: "") }
        guard case .failure(let mediaError) = read else { Issue.record("readMedia took \"\" for no options"); return }
        #expect(mediaError.kind == .malformedJSON)
    }

    // MARK: the engine's log

    @Test func logFileIsOwnerOnlyJSONLinesAndMasked() throws {
        let dir = temporaryDirectory()
        let logPath = dir + "/parley.log"
        let engine = try Engine(configJSON: #"{"store": {"path": "\#(dir)/p.db"}, "log": {"path": "\#(logPath)", "level": "debug"}}"#)
        var bad = #"{"id":"m1","chat":"250788123456@c.us","from":"250788123456@c.us","timestamp":"soon","type":"text","text":"x"}"#
        let failure = bad.withUTF8 { bytes in Result { () throws(ParleyError) in try engine.process(json: UnsafeRawBufferPointer(bytes)) } }
        guard case .failure(let error) = failure else { Issue.record("a bad timestamp was accepted"); return }
        #expect(!error.message.contains("250788123456"))
        var good = #"{"id":"m9","chat":"250788123456@c.us","from":"250788123456@c.us","timestamp":1764000000,"type":"text","text":"call me on +250 788 123 456"}"#
        _ = try good.withUTF8 { bytes in Result { () throws(ParleyError) in try engine.process(json: UnsafeRawBufferPointer(bytes)) } }.get()
        _ = try engine.failMessage(chat: "250788123456@c.us", id: "m9", error: .string("send to +250788123456 failed"), now: 1_764_000_000_000)
        engine.close()
        #expect(mode(logPath) == 0o600)
        #expect(mode(dir + "/p.db") == 0o600)
        let lines = read(logPath).split(separator: "\n")
        #expect(lines.count >= 3, "open, rejected, failed, close: \(lines)")
        for line in lines {
            let object = try JSONParser.parse(Array(line.utf8))
            #expect(object["level"]?.stringValue != nil && object["event"]?.stringValue != nil && object["time"]?.int64Value != nil)
            #expect(!line.contains("788123456"), "unmasked: \(line)")
        }
        #expect(lines.contains { $0.contains("\"message.failed\"") && $0.contains("250*******56@c.us") })
        #expect(lines.first?.contains("engine.open") == true && lines.last?.contains("engine.close") == true)
    }

    @Test func logLevelFiltersAndSinkReceivesLines() throws {
        let engine = try Engine()
        let received = Guarded<[String]>([])
        engine.log.setSink({ _, line in received.withLock { $0.append(line) } }, level: .warning)
        engine.log.log(.info, "test.info", "not delivered")
        let phone = "+44 7700 900123"
        engine.log.log(.warning, "test.warning", "delivered to \(phone) after \(Int64(1_764_000_000_123)) ms")
        let lines = received.withLock { $0 }
        #expect(lines.count == 1)
        #expect(lines.first?.contains("+447*******23 after 1764000000123 ms") == true)
        engine.log.setSink(nil, level: .debug)
        #expect(!engine.log.isEnabled(.error))
    }

    @Test func deadLetterErrorsAreMaskedAndRejectedSubmitsLogged() throws {
        let engine = try Engine()
        let received = Guarded<[String]>([])
        engine.log.setSink({ _, line in received.withLock { $0.append(line) } }, level: .info)
        var message = #"{"id":"m1","chat":"250788123456@c.us","from":"250788123456@c.us","timestamp":1764000000,"type":"text","text":"hi"}"#
        _ = try message.withUTF8 { bytes in Result { () throws(ParleyError) in try engine.process(json: UnsafeRawBufferPointer(bytes)) } }.get()
        _ = try engine.failMessage(chat: "250788123456@c.us", id: "m1",
                                   error: ["message": "sheet write for +250 788 123 456 failed, mail jane@example.com"])
        let errors = try engine.deadLetter(chat: "250788123456@c.us", id: "m1")[path: "message", "errors"]?.arrayValue
        let stored = try #require(errors?.first?["message"]?.stringValue)
        #expect(!stored.contains("788 123 456") && !stored.contains("jane@"), "\(stored)")
        // A submit refused for its input is logged as a refused process is.
        var unsupported = #"{"id":"m2","chat":"c@c.us","from":"c@c.us","timestamp":1764000000,"type":"hologram"}"#
        let refused = unsupported.withUTF8 { bytes in Result { () throws(ParleyError) in try engine.submit(json: UnsafeRawBufferPointer(bytes)) } }
        #expect(throws: ParleyError.self) { try refused.get() }
        #expect(received.withLock { $0 }.contains { $0.contains("\"message.rejected\"") })
    }

    @Test func badLogSettingsAreRejected() {
        for config in [#"{"log": {"level": "loud"}}"#, #"{"log": {"path": ""}}"#, #"{"log": {"path": "/nonexistent-dir/x.log"}}"#, #"{"log": {"colour": true}}"#] {
            do {
                _ = try Engine(configJSON: config)
                Issue.record("accepted \(config)")
            } catch {
                #expect(error.kind == .invalidConfig, "\(config): \(error)")
            }
        }
    }

    // MARK: files and webhooks

    @Test func mediaFilesAreOwnerOnly() throws {
        let dir = temporaryDirectory()
        let media = dir + "/media"
        let bytes = Array("hello".utf8)
        let stored = try MediaFiles(directory: media, maxBytes: 1 << 20).keep(bytes, sha256: MediaFiles.sha256(bytes))
        #expect(mode(media) == 0o700)
        #expect(mode(media + "/" + stored) == 0o600)
    }

    static let webhook = #"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"phone_number_id":"1"},"messages":[{"from":"250788123456","id":"wamid.A1","timestamp":"1764000000","type":"text","text":{"body":"hello"}}]}}]}]}"#

    @Test func aReplayedWebhookIsADuplicate() throws {
        let engine = try Engine()
        let bytes = Array(Self.webhook.utf8)
        let first = try bytes.withUnsafeBytes { b throws(ParleyError) in try engine.ingestWebhook(body: b, signature: nil) }
        let second = try bytes.withUnsafeBytes { b throws(ParleyError) in try engine.ingestWebhook(body: b, signature: nil) }
        #expect(first["replay"] == false)
        #expect(first["contexts"]?.arrayValue?.first?["status"] == "processed")
        #expect(second["replay"] == true)
        #expect(second["contexts"]?.arrayValue?.first?["status"] == "duplicate")
        #expect(try engine.store.messageCount() == 1)
        let off = try Engine(configJSON: #"{"webhook": {"replayWindowSeconds": 0}}"#)
        for _ in 0..<2 {
            let result = try bytes.withUnsafeBytes { b throws(ParleyError) in try off.ingestWebhook(body: b, signature: nil) }
            #expect(result["replay"] == false)
        }
    }

    @Test func webhookBodyLimitIsItsOwn() throws {
        let engine = try Engine(configJSON: #"{"webhook": {"maxBodyBytes": 100}}"#)
        let bytes = Array(Self.webhook.utf8)
        do {
            _ = try bytes.withUnsafeBytes { b throws(ParleyError) in try engine.ingestWebhook(body: b, signature: nil) }
            Issue.record("a body over webhook.maxBodyBytes was accepted")
        } catch {
            #expect((error as? ParleyError)?.kind == .tooLarge)
        }
        // Messages keep limits.maxMessageBytes.
        let roomy = try Engine(configJSON: #"{"webhook": {"maxBodyBytes": 100000}, "limits": {"maxMessageBytes": 200}}"#)
        let result = try bytes.withUnsafeBytes { b throws(ParleyError) in try roomy.ingestWebhook(body: b, signature: nil) }
        #expect(result["contexts"]?.arrayValue?.first?["status"] == "processed")
    }
}
