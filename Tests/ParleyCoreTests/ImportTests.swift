import Testing
@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

/// WhatsApp "Export chat" import: the line grammar (both layouts, clocks, date orders), the text
/// decoding (BOM, UTF-16, invalid and mixed bytes), the importer into the journal (ids, re-import,
/// media from a zip into the gallery) and bad input (unknown lines, truncated zip, zip bomb).
@Suite struct ImportTests {
    static let example = Fixtures.root + "/../../Examples/whatsapp-export"
    static let exampleText = example + "/WhatsApp Chat with Kacyiru Heights Tenants.txt"

    func temporaryDirectory() -> String {
        var template = Array("/tmp/parley-import-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    func write(_ bytes: [UInt8], to path: String) {
        let file = fopen(path, "wb")!
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
    }

    func write(_ text: String, to path: String) { write(Array(text.utf8), to: path) }

    func header(_ line: String) -> ExportHeader? {
        Array(line.utf8).withUnsafeBufferPointer { ExportHeader.parse($0) }
    }

    func body(_ line: String) -> ExportBody.Content? {
        let bytes = Array(line.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            ExportHeader.parse(buffer).map { ExportBody.parse(buffer, from: $0.bodyStart).content }
        }
    }

    func kind(_ body: () throws -> JSONValue) -> ParleyError.Kind? {
        do { _ = try body(); return nil } catch { return (error as? ParleyError)?.kind }
    }

    func errorMessage(_ body: () throws -> JSONValue) -> String {
        do { _ = try body(); return "" } catch { return (error as? ParleyError)?.message ?? "\(error)" }
    }

    func int(_ value: JSONValue, _ key: String) -> Int64? { value[key]?.int64Value }

    /// Contexts of a chat's messages, oldest first.
    func contexts(_ engine: Engine, chat: String) throws -> [JSONValue] {
        let threads = try engine.threads(query: ["chat": .string(chat), "limit": 1000])["threads"]?.arrayValue ?? []
        var all: [JSONValue] = []
        for thread in threads {
            let id = try #require(thread["id"]?.stringValue)
            all += try engine.thread(id: id)["thread"]?["messages"]?.arrayValue ?? []
        }
        return all.sorted { ($0["message"]?["timestamp"]?.int64Value ?? 0) < ($1["message"]?["timestamp"]?.int64Value ?? 0) }
    }

    // MARK: the line grammar

    @Test func androidAndIOSPrefixesWithBothClocks() throws {
        let android = try #require(header("12/03/2025, 14:05 - Amina Uwase: hello"))
        #expect(android.layout == .android && android.numbers == (12, 3, 2025) && android.hour == 14 && android.minute == 5)
        #expect(android.second == nil && android.pm == nil && android.orderEvidence == nil)
        let twelve = try #require(header("3/14/25, 2:05\u{202F}PM - Eric: ok"))
        #expect(twelve.pm == true && twelve.orderEvidence == .mdy && twelve.civil(.mdy)?.hour == 14 && twelve.civil(.mdy)?.year == 2025)
        #expect(twelve.civil(.dmy) == nil, "the 14th month does not exist")
        let ios = try #require(header("\u{200E}[14.03.2025, 09:07:33] Aline: hi"))
        #expect(ios.layout == .ios && ios.second == 33 && ios.orderEvidence == .dmy)
        let lower = try #require(header("[1/2/24, 12:00:01 am] Kevin: midnight"))
        #expect(lower.pm == false && lower.civil(.dmy)?.hour == 0 && lower.civil(.dmy)?.month == 2)
        let spanish = try #require(header("14-03-2025, 9:15 p. m. - Ana: hola"))
        #expect(spanish.pm == true && spanish.civil(.dmy)?.hour == 21)
        let isoDate = try #require(header("2025-03-12, 14:05 - Bo: hej"))
        #expect(isoDate.yearFirst && isoDate.civil(.mdy)?.day == 12 && isoDate.civil(.dmy)?.month == 3)
        let noComma = try #require(header("12.03.25 14:05 - Jo: hallo"))
        #expect(noComma.numbers == (12, 3, 25) && noComma.civil(.dmy)?.year == 2025)
        // Not prefixes: text that merely starts with a date, mixed separators, a 3-digit year.
        #expect(header("12/03/2025, 14:05 meeting at the office") == nil)
        #expect(header("12/03-2025, 14:05 - A: x") == nil)
        #expect(header("12/03/202, 14:05 - A: x") == nil)
        #expect(header("Hello everyone") == nil && header("") == nil)
        #expect(header("[12/03/2025, 14:05:33 Alice: no bracket") == nil)
        // 13 o'clock with pm is no time.
        #expect(header("1/2/24, 13:00 pm - A: x")?.civil(.dmy) == nil)
    }

    @Test func bodiesMessagesSystemLinesAndMarkers() throws {
        #expect(body("12/03/2025, 14:05 - Amina Uwase: The sink: leaking again") == .message(sender: "Amina Uwase", text: "The sink: leaking again"))
        #expect(body("12/03/2025, 14:05 - Eric left") == .system(.left, text: "Eric left"))
        #expect(body("12/03/2025, 14:05 - Grace changed the subject from \"Rent: March\" to \"Rent\"")
                == .system(.subject, text: "Grace changed the subject from \"Rent: March\" to \"Rent\""))
        #expect(body("12/03/2025, 14:05 - Messages and calls are end-to-end encrypted. Learn more.").map {
            if case .system(.encryption, _) = $0 { return true } else { return false }
        } == true)
        // iOS: a notice is marked with U+200E after "Group: ".
        #expect(body("[12/03/2025, 14:05:33] Villas: \u{200E}Kevin added Aline") == .system(.added, text: "Kevin added Aline"))
        #expect(body("[12/03/2025, 14:05:33] Kevin: \u{200E}image omitted") == .message(sender: "Kevin", text: "image omitted"))
        // Direction marks around a number are stripped.
        #expect(body("12/03/2025, 14:05 - \u{202A}+250 788 555 014\u{202C}: hi") == .message(sender: "+250 788 555 014", text: "hi"))
        #expect(ExportMarker.classify("<Media omitted>") == .omitted(nil))
        #expect(ExportMarker.classify("sticker omitted") == .omitted(.sticker))
        #expect(ExportMarker.classify("IMG-20250312-WA0001.jpg (file attached)") == .attached(fileName: "IMG-20250312-WA0001.jpg", text: ""))
        #expect(ExportMarker.classify("Lease.pdf • 3 pages <attached: 00000015-Lease.pdf>") == .attached(fileName: "00000015-Lease.pdf", text: "Lease.pdf • 3 pages"))
        #expect(ExportMarker.classify("../../etc/passwd (file attached)") == nil)
        #expect(ExportMarker.classify("This message was deleted") == .deleted && ExportMarker.classify("You deleted this message.") == .deleted)
        var edited = "Paid 280,000 <This message was edited>"
        #expect(ExportMarker.removeEdited(&edited) && edited == "Paid 280,000")
        #expect(ExportMarker.kind(ofFile: "PTT-20251118-WA0021.opus") == .voice && ExportMarker.kind(ofFile: "00000012-PHOTO-2025.jpg") == .image)
        #expect(Engine.phoneNumber("+250 788 555 014") == "+250788555014" && Engine.phoneNumber("Amina") == nil && Engine.phoneNumber("+1 2") == nil)
        #expect(ExportSource.chatName(fromFileName: "/x/WhatsApp Chat with Kacyiru Heights Tenants (1).txt") == "Kacyiru Heights Tenants")
        #expect(ExportSource.chatName(fromFileName: "WhatsApp Chat - Nyarutarama Villas.zip") == "Nyarutarama Villas")
        #expect(ExportSource.chatName(fromFileName: "_chat.txt") == nil)
    }

    // MARK: the example (Android) and the iOS fixture

    @Test func theAndroidExampleImportsEveryMessage() throws {
        let engine = try Engine(configJSON: #"{"region": "RW", "timeZone": "Africa/Kigali", "media": {"ocr": false, "voice": false, "documents": false}}"#)
        defer { engine.close() }
        var calls: [(Int64, Int64)] = []
        let summary = try engine.importChat(path: Self.exampleText) { calls.append(($0, $1)) }
        #expect(summary["format"]?.stringValue == "android" && summary["dateOrder"]?.stringValue == "dmy")
        #expect(summary["dateOrderSource"]?.stringValue == "detected" && summary["chat"]?.stringValue == "Kacyiru Heights Tenants")
        #expect(int(summary, "messages") == 220 && int(summary, "imported") == 219 && int(summary, "deleted") == 1)
        #expect(int(summary, "edited") == 1 && int(summary, "systemEvents") == 10 && int(summary, "failed") == 0)
        #expect(int(summary, "unparsedCount") == 0 && int(summary, "invalidBytes") == 0)
        // Four attachments beside the .txt (media readers off: read as files), four named but absent
        // (three files and one <Media omitted>).
        #expect(int(summary, "media") == 4 && int(summary, "mediaMissing") == 4)
        let kinds = Set((summary["events"]?.arrayValue ?? []).compactMap { $0["kind"]?.stringValue })
        #expect(kinds == ["encryption", "created", "added", "description", "left", "numberChange"])
        #expect(calls.last.map { $0.0 == $0.1 && $0.1 > 20_000 } == true, "progress ends at the total")

        let all = try contexts(engine, chat: "Kacyiru Heights Tenants")
        #expect(all.count == 219)
        let first = try #require(all.first?["message"])
        // 01/10/2025 08:05 in Kigali (UTC+2) is 06:05 UTC.
        #expect(first["timestamp"]?.int64Value == 1_759_298_700 && first["from"]?.stringValue == "Grace Mukamana")
        #expect(first["text"]?.stringValue == "Mwaramutse neza! Welcome to the Kacyiru Heights tenants group.\nThis group is for rent, repairs, notices and viewings.\nPlease keep it respectful 🙏")
        #expect(first["history"]?.boolValue == true && first["id"]?.stringValue?.hasPrefix("export-") == true)
        let number = all.first { $0["message"]?["from"]?.stringValue == "+250788555014" }
        #expect(number?["message"]?["senderName"] == nil, "a number as sender becomes E.164")
        let edited = all.first { $0["message"]?["text"]?.stringValue == "Paid 280,000 for 1A" }
        #expect(edited != nil, "the edited marker is not part of the text")
        let receipt = try #require(all.first { $0["message"]?["media"]?["fileName"]?.stringValue == "IMG-20251103-WA0007.jpg" })
        #expect(receipt["message"]?["type"]?.stringValue == "image" && receipt["message"]?["text"]?.stringValue == "Receipt for November rent + water + service charge 4B")
        #expect(receipt["message"]?["media"]?["mimetype"]?.stringValue == "image/jpeg")
        let voice = all.first { $0["message"]?["media"]?["fileName"]?.stringValue == "PTT-20251118-WA0021.opus" }
        #expect(voice?["message"]?["type"]?.stringValue == "voice")
        // The pipeline ran: an angry message has negative sentiment, amounts are entities.
        let angry = try #require(all.first { $0["message"]?["text"]?.stringValue?.hasPrefix("This is the third time I complain") == true })
        #expect((angry["sentiment"]?["score"]?.doubleValue ?? 0) < 0, "\(angry["sentiment"] ?? .null)")
        let rent = try #require(all.first { $0["message"]?["text"]?.stringValue?.hasPrefix("Yes, rent is due on the 5th") == true })
        #expect(rent["entities"]?.arrayValue?.contains { $0["type"]?.stringValue == "money" } == true)
    }

    @Test func theIOSLayoutWithMarksAndATwelveHourClock() throws {
        let engine = try Engine()
        defer { engine.close() }
        let summary = try engine.importChat(path: Fixtures.root + "/import/ios/_chat.txt", options: ImportOptions(chat: "villas"))
        #expect(summary["format"]?.stringValue == "ios" && summary["dateOrder"]?.stringValue == "mdy")
        #expect(int(summary, "messages") == 11 && int(summary, "imported") == 10 && int(summary, "deleted") == 1)
        #expect(int(summary, "systemEvents") == 5 && int(summary, "edited") == 1 && int(summary, "mediaMissing") == 2)
        let all = try contexts(engine, chat: "villas")
        let texts = all.compactMap { $0["message"]?["text"]?.stringValue }
        #expect(texts.contains("New code is 4471\nPlease don't share it with visitors.\nThanks!"))
        #expect(texts.contains("Perfect, thank you"))
        #expect(!texts.contains { $0.unicodeScalars.contains { $0 == "\u{200E}" || $0 == "\r" } })
        let pump = try #require(all.first { $0["message"]?["text"]?.stringValue?.hasPrefix("The water pump") == true })
        // 3/15/25 11:59:59 PM UTC; then 12:00:30 AM is the next day.
        #expect(pump["message"]?["timestamp"]?.int64Value == 1_742_083_199)
        let reply = all.first { $0["message"]?["text"]?.stringValue?.hasPrefix("I'll send the technician") == true }
        #expect(reply?["message"]?["timestamp"]?.int64Value == 1_742_083_230)
        #expect(all.contains { $0["message"]?["from"]?.stringValue == "+250788444901" })
        let photo = all.first { $0["message"]?["media"]?["fileName"]?.stringValue == "00000012-PHOTO-2025-03-14-10-05-12.jpg" }
        #expect(photo?["message"]?["type"]?.stringValue == "image")
    }

    // MARK: date order

    @Test func theDateOrderIsDetectedFromTheWholeFileOrConfiguredOrForced() throws {
        let directory = temporaryDirectory()
        // Ambiguous until the last line: 05/04 is read as 5 April only once 13/04 shows days come first.
        var lines = (1...300).map { "0\($0 % 9 + 1)/04/2025, 10:\(String(format2: $0 % 60)) - Ana: message \($0)" }
        lines.append("13/04/2025, 11:00 - Ana: the last one")
        write(lines.joined(separator: "\n"), to: directory + "/late.txt")
        let engine = try Engine(configJSON: #"{"region": "US"}"#)
        defer { engine.close() }
        let late = try engine.importChat(path: directory + "/late.txt", options: ImportOptions(chat: "late"))
        #expect(late["dateOrder"]?.stringValue == "dmy" && late["dateOrderSource"]?.stringValue == "detected")
        // No value over 12 anywhere: the engine's order (US: month first), unless forced.
        write("05/04/2025, 10:00 - Ana: hi\n06/04/2025, 10:00 - Ana: again\n", to: directory + "/ambiguous.txt")
        let configured = try engine.importChat(path: directory + "/ambiguous.txt", options: ImportOptions(chat: "a"))
        #expect(configured["dateOrder"]?.stringValue == "mdy" && configured["dateOrderSource"]?.stringValue == "default")
        let forced = try engine.importChat(path: directory + "/ambiguous.txt", options: ImportOptions(chat: "b", dateOrder: .dmy))
        #expect(forced["dateOrder"]?.stringValue == "dmy" && forced["dateOrderSource"]?.stringValue == "option")
        let a = try contexts(engine, chat: "a").first?["message"]?["timestamp"]?.int64Value
        let b = try contexts(engine, chat: "b").first?["message"]?["timestamp"]?.int64Value
        #expect(a == 1_746_352_800 && b == 1_743_847_200, "4 May (month first) vs 5 April (day first) 2025, 10:00 UTC")
        // A time zone in the options; a bad one is an invalid argument.
        let kigali = try engine.importChat(path: directory + "/ambiguous.txt", options: ImportOptions(chat: "c", timeZone: "+02:00", dateOrder: .dmy))
        #expect(kigali["timeZone"]?.stringValue == "+02:00")
        #expect(try contexts(engine, chat: "c").first?["message"]?["timestamp"]?.int64Value == 1_743_847_200 - 7200)
        #expect(kind { try engine.importChat(path: directory + "/ambiguous.txt", options: ImportOptions(timeZone: "Mars/Olympus")) } == .invalidArgument)
    }

    // MARK: encodings

    @Test func bomUTF16AndInvalidBytes() throws {
        let directory = temporaryDirectory()
        let text = "12/03/2025, 14:05 - Claudine: Bonjour, le loyer du 1A est payé ✅\n12/03/2025, 14:06 - Jean: 👍🏾 murakoze\n"
        let utf8 = Array(text.utf8)
        var le: [UInt8] = [0xFF, 0xFE], be: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 {
            le += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            be += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        write([0xEF, 0xBB, 0xBF] + utf8, to: directory + "/bom.txt")
        write(le, to: directory + "/le.txt")
        write(be, to: directory + "/be.txt")
        for (name, encoding) in [("bom", "utf-8-bom"), ("le", "utf-16le"), ("be", "utf-16be")] {
            let engine = try Engine()
            defer { engine.close() }
            let summary = try engine.importChat(path: directory + "/\(name).txt", options: ImportOptions(chat: name))
            #expect(summary["encoding"]?.stringValue == encoding && int(summary, "imported") == 2 && int(summary, "invalidBytes") == 0, "\(name)")
            let texts = try contexts(engine, chat: name).compactMap { $0["message"]?["text"]?.stringValue }
            #expect(texts == ["Bonjour, le loyer du 1A est payé ✅", "👍🏾 murakoze"], "\(name): \(texts)")
        }
        // Mixed: a line in Windows-1252 inside a UTF-8 file, and a UTF-8 line with stray bytes.
        var mixed = Array("12/03/2025, 14:05 - Claudine: caf".utf8) + [0xE9] + Array(" au lait\n".utf8)
        mixed += Array("12/03/2025, 14:06 - Jean: ok ✅ ".utf8) + [0xFF, 0xFE, 0x80] + Array(" done\n".utf8)
        mixed += [0xE2, 0x82]  // cut in the middle of a character at the end of the file
        write(mixed, to: directory + "/mixed.txt")
        let engine = try Engine()
        defer { engine.close() }
        let summary = try engine.importChat(path: directory + "/mixed.txt", options: ImportOptions(chat: "mixed"))
        #expect(int(summary, "invalidBytes") == 6 && int(summary, "recodedLines") == 2 && int(summary, "imported") == 2)
        let texts = try contexts(engine, chat: "mixed").compactMap { $0["message"]?["text"]?.stringValue }
        #expect(texts.first == "café au lait")
        // The cut character at the end has no valid sequence on its line: read as Windows-1252.
        #expect(texts.last == "ok ✅ \u{FFFD}\u{FFFD}\u{FFFD} done\nâ‚", "\(texts)")
    }

    @Test func aLineOverTheLimitIsCutNotHeldWhole() throws {
        var bytes = Array("12/03/2025, 14:05 - A: ".utf8) + [UInt8](repeating: 0x61, count: 5000) + Array("é\n12/03/2025, 14:06 - B: next\n".utf8)
        bytes.insert(contentsOf: Array("ü".utf8), at: 100)
        var stream = ExportTextStream(ExportByteSource(memory: bytes), maxLineBytes: 101)
        let line = stream.next()
        let first = try #require(line)
        #expect(first.count == 100 && stream.cutLines == 1, "cut before the two-byte ü, not inside it")
        let second = stream.next()
        #expect(second.map { String(decoding: $0, as: UTF8.self) } == "12/03/2025, 14:06 - B: next")
        let end = stream.next()
        #expect(end == nil && stream.lineNumber == 2)
    }

    // MARK: bad input

    @Test func unknownLinesAreReportedOrContinued() throws {
        let directory = temporaryDirectory()
        write("""
            Exported from WhatsApp
            (backup of the old phone)

            12/03/2025, 14:05 - Amina: first line
            a second line
            -- not a header 12/03/2025, 14:05 - X: y
            12/13/2025, 14:07 - Amina: 13 is no month under dmy: a continuation
            14/03/2025, 09:00 - Amina: next
            """, to: directory + "/x.txt")
        let engine = try Engine()
        defer { engine.close() }
        let summary = try engine.importChat(path: directory + "/x.txt", options: ImportOptions(chat: "x", dateOrder: .dmy))
        let unparsed = summary["unparsedLines"]?.arrayValue ?? []
        #expect(unparsed.count == 3 && int(summary, "unparsedCount") == 3)
        #expect(unparsed.first?["line"]?.int64Value == 1 && unparsed.first?["text"]?.stringValue == "Exported from WhatsApp")
        #expect(unparsed.last?["line"]?.int64Value == 3)
        let texts = try contexts(engine, chat: "x").compactMap { $0["message"]?["text"]?.stringValue }
        #expect(texts == ["first line\na second line\n-- not a header 12/03/2025, 14:05 - X: y\n12/13/2025, 14:07 - Amina: 13 is no month under dmy: a continuation", "next"])

        // Not an export at all, an empty file, a missing file, a directory.
        write("just some notes\nabout the building\n", to: directory + "/notes.txt")
        #expect(kind { try engine.importChat(path: directory + "/notes.txt") } == .unsupported)
        #expect(errorMessage { try engine.importChat(path: directory + "/notes.txt") }.contains("not a WhatsApp chat export"))
        write("", to: directory + "/empty.txt")
        #expect(kind { try engine.importChat(path: directory + "/empty.txt") } == .invalidArgument)
        #expect(kind { try engine.importChat(path: directory + "/missing.txt") } == .notFound)
        #expect(kind { try engine.importChat(path: directory) } == .invalidArgument)
        // A device never ends and a pipe blocks its reader: refused before they are opened.
        #expect(kind { try engine.importChat(path: "/dev/zero") } == .invalidArgument)
        let fifo = directory + "/pipe.txt"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(kind { try engine.importChat(path: fifo) } == .invalidArgument)
        #expect(kind { try engine.importChat(path: "") } == .invalidArgument)
        #expect(kind { try engine.importChat(path: directory + "/x.txt", options: ImportOptions(chat: "")) } == .invalidArgument)
        #expect(throws: ParleyError.self) { try ImportOptions(json: ["colour": "red"]) }
        #expect(throws: ParleyError.self) { try ImportOptions(json: ["dateOrder": "ymd"]) }
        #expect(try ImportOptions(json: ["chat": "c", "timeZone": "UTC", "dateOrder": "mdy"]) == ImportOptions(chat: "c", timeZone: "UTC", dateOrder: .mdy))
    }

    @Test func aTruncatedZipAndAZipBomb() throws {
        let directory = temporaryDirectory()
        let engine = try Engine()
        defer { engine.close() }
        #expect(kind { try engine.importChat(path: Fixtures.root + "/import/bomb.zip") } == .tooLarge)
        let zip = ZipWriter.archive([("_chat.txt", Array("12/03/2025, 14:05 - A: hi\n".utf8))])
        write(Array(zip.prefix(zip.count - 30)), to: directory + "/cut.zip")
        #expect(kind { try engine.importChat(path: directory + "/cut.zip") } == .corrupt)
        #expect(errorMessage { try engine.importChat(path: directory + "/cut.zip") }.contains("cut.zip"))
        write(Array("not a zip at all".utf8), to: directory + "/fake.zip")
        #expect(kind { try engine.importChat(path: directory + "/fake.zip") } == .corrupt)
        write(ZipWriter.archive([("photo.jpg", [0xFF, 0xD8, 0xFF])]), to: directory + "/notext.zip")
        #expect(kind { try engine.importChat(path: directory + "/notext.zip") } == .invalidArgument)
    }

    @Test func garbageNeverCrashes() throws {
        // Fragments of prefixes, marks, markers and random bytes, shuffled into lines.
        let pieces: [[UInt8]] = [
            Array("12/03/2025, 14:05 - ".utf8), Array("[3/14/25, 2:05:33\u{202F}PM] ".utf8), Array("Name: ".utf8), Array(": ".utf8),
            Array("\u{200E}".utf8), Array("\u{202A}+250 788\u{202C}".utf8), Array("<Media omitted>".utf8), Array(" (file attached)".utf8),
            Array("<attached: ".utf8), Array(">".utf8), Array("<This message was edited>".utf8), Array("13/13/2025, 25:61 - ".utf8),
            [0xFF], [0xE2, 0x80], [0xC3], [0x00], [0x0D], Array("\n".utf8), Array("é😡 نعم".utf8), Array(" pm".utf8), Array("[".utf8),
        ]
        var generator = SystemRandomNumberGenerator()
        let directory = temporaryDirectory()
        let engine = try Engine()
        defer { engine.close() }
        for round in 0..<20 {
            var bytes: [UInt8] = round % 2 == 0 ? [] : [0xFF, 0xFE]
            for _ in 0..<400 {
                bytes += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
                if Int.random(in: 0..<4, using: &generator) == 0 { bytes.append(UInt8.random(in: 0...255, using: &generator)) }
            }
            write(bytes, to: directory + "/g\(round).txt")
            do {
                let summary = try engine.importChat(path: directory + "/g\(round).txt", options: ImportOptions(chat: "g\(round)"))
                #expect(int(summary, "failed") == 0)
            } catch {
                #expect(error.kind == .unsupported || error.kind == .invalidArgument, "\(error)")
            }
        }
    }

    // MARK: the journal

    @Test func importingTheSameExportTwiceAddsNothing() throws {
        let directory = temporaryDirectory()
        let config = #"{"store": {"path": "\#(directory)/p.db"}, "media": {"ocr": false, "voice": false, "documents": false}}"#
        do {
            let engine = try Engine(configJSON: config)
            let first = try engine.importChat(path: Self.exampleText)
            #expect(int(first, "imported") == 219 && int(first, "duplicates") == 0)
            engine.close()
        }
        let engine = try Engine(configJSON: config)
        defer { engine.close() }
        let again = try engine.importChat(path: Self.exampleText)
        #expect(int(again, "imported") == 0 && int(again, "duplicates") == 219 && int(again, "media") == 0)
        #expect(try contexts(engine, chat: "Kacyiru Heights Tenants").count == 219)
        // A message the host processed live with another id is not the same message: ids are
        // the import's own, derived from chat, time, sender, ordinal and text.
        let id = try contexts(engine, chat: "Kacyiru Heights Tenants").first?["message"]?["id"]?.stringValue
        #expect(id?.count == 31)
        // Two identical lines in the same minute are two messages (ordinal), not a re-import.
        write("12/03/2025, 14:05 - A: ok\n12/03/2025, 14:05 - A: ok\n", to: directory + "/twice.txt")
        let twice = try engine.importChat(path: directory + "/twice.txt", options: ImportOptions(chat: "twice"))
        #expect(int(twice, "imported") == 2 && int(twice, "repeats") == 1, "the journal marks the second as the same content")
        let thrice = try engine.importChat(path: directory + "/twice.txt", options: ImportOptions(chat: "twice"))
        #expect(int(thrice, "imported") == 0 && int(thrice, "duplicates") == 2)
    }

    @Test func aZipWithMediaFillsTheGallery() throws {
        let directory = temporaryDirectory()
        let receipt = Fixtures.bytes("../../Examples/whatsapp-export/IMG-20251103-WA0007.jpg")
        let chat = """
            03/11/2025, 08:55 - Amina Uwase: IMG-20251103-WA0007.jpg (file attached)
            Receipt for November rent 4B
            03/11/2025, 08:56 - Amina Uwase: IMG-20251103-WA0099.jpg (file attached)
            03/11/2025, 09:02 - Grace Mukamana: Received, thank you Amina 👍

            """
        write(ZipWriter.archive([("WhatsApp Chat with Kacyiru Heights Tenants.txt", Array(chat.utf8)),
                                 ("IMG-20251103-WA0007.jpg", receipt)]),
              to: directory + "/WhatsApp Chat - Kacyiru Heights Tenants.zip")
        let engine = try Engine(configJSON: #"{"store": {"path": "\#(directory)/p.db"}, "region": "RW", "media": {"voice": false, "documents": false}}"#)
        defer { engine.close() }
        let summary = try engine.importChat(path: directory + "/WhatsApp Chat - Kacyiru Heights Tenants.zip")
        #expect(summary["chat"]?.stringValue == "Kacyiru Heights Tenants")
        #expect(int(summary, "imported") == 3 && int(summary, "media") == 1 && int(summary, "mediaMissing") == 1)
        let gallery = try engine.gallery(query: ["chat": "Kacyiru Heights Tenants"])["media"]?.arrayValue ?? []
        #expect(gallery.count == 1)
        let item = try #require(gallery.first)
        #expect(item["kind"]?.stringValue == "image" && item["status"]?.stringValue == "read" && item["sender"]?.stringValue == "Amina Uwase")
        #expect(item["caption"]?.stringValue == "Receipt for November rent 4B")
        #expect(item["text"]?.stringValue?.contains("377,500") == true, "OCR read the receipt: \(item["text"]?.stringValue ?? "")")
        // Kept in the media directory like a host's inline bytes.
        let path = try #require(item["path"]?.stringValue)
        #expect(access(directory + "/p.db.media/" + path, R_OK) == 0)
        let found = try engine.gallery(query: ["text": "377,500"])["media"]?.arrayValue ?? []
        #expect(found.count == 1)
    }
}

extension String {
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
}

/// A minimal ZIP writer (stored entries) for the tests: the central directory and CRC-32
/// (ISO-HDLC polynomial) as ZipArchive reads them.
enum ZipWriter {
    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    static func archive(_ entries: [(String, [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var directory: [UInt8] = []
        func u16(_ v: Int, _ into: inout [UInt8]) { into += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: UInt32, _ into: inout [UInt8]) { into += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)] }
        for (name, data) in entries {
            let offset = out.count
            let nameBytes = Array(name.utf8)
            let crc = crc32(data)
            u32(0x0403_4B50, &out); u16(20, &out); u16(0x0800, &out); u16(0, &out); u16(0, &out); u16(0, &out)
            u32(crc, &out); u32(UInt32(data.count), &out); u32(UInt32(data.count), &out); u16(nameBytes.count, &out); u16(0, &out)
            out += nameBytes + data
            u32(0x0201_4B50, &directory); u16(20, &directory); u16(20, &directory); u16(0x0800, &directory); u16(0, &directory)
            u16(0, &directory); u16(0, &directory); u32(crc, &directory); u32(UInt32(data.count), &directory); u32(UInt32(data.count), &directory)
            u16(nameBytes.count, &directory); u16(0, &directory); u16(0, &directory); u16(0, &directory); u16(0, &directory)
            u32(0, &directory); u32(UInt32(offset), &directory)
            directory += nameBytes
        }
        let directoryOffset = out.count
        out += directory
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(entries.count, &out); u16(entries.count, &out)
        u32(UInt32(directory.count), &out); u32(UInt32(directoryOffset), &out); u16(0, &out)
        return out
    }
}
