import Testing
@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

/// The HTML conversation report: its structure on the example conversation, escaping of user
/// text, masking, counts that match the store, the empty store and the chat filter.
@Suite struct ReportTests {
    static let generatedAt: Int64 = 1_764_100_000

    static func message(_ id: String, chat: String, text: String, at timestamp: Int64 = 1_764_000_000,
                        fromMe: Bool = false, name: String? = nil) -> Message {
        var message = Message(id: id, chat: chat, from: fromMe ? "250700000001@c.us" : chat, fromMe: fromMe, timestamp: timestamp,
                              type: .text, text: text, format: .normalized)
        message.senderName = name
        return message
    }

    static func html(_ engine: Engine, _ json: JSONValue? = nil) throws -> String {
        var options = json?.objectValue ?? JSONObject()
        if options["generatedAt"] == nil { options.append("generatedAt", .int(generatedAt)) }
        return try engine.reportHTML(optionsJSON: .object(options))
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.ranges(of: needle).count
    }

    /// The page's tags nest: every element opened is closed in order (void and self-closed ones
    /// aside). Text is escaped, so a "<" in it would show up here as a stray tag.
    static func nestingProblem(_ html: String) -> String? {
        let void: Set<String> = ["meta", "br", "img", "link", "hr", "input", "wbr"]
        var stack: [String] = []
        let bytes = Array(html.utf8)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            var j = i + 1
            while j < bytes.count, bytes[j] != UInt8(ascii: ">") { j += 1 }
            guard j < bytes.count else { return "an unclosed tag at byte \(i)" }
            let tag = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
            i = j + 1
            if tag.hasPrefix("!") { continue }
            let closing = tag.hasPrefix("/")
            let name = String((closing ? tag.dropFirst() : Substring(tag)).prefix { $0.isLetter || $0.isNumber }).lowercased()
            guard !name.isEmpty else { return "a bare \"<\" before \(tag.prefix(20))" }
            if closing {
                guard stack.last == name else { return "</\(name)> closes <\(stack.last ?? "nothing")>" }
                stack.removeLast()
            } else if !void.contains(name) && !tag.hasSuffix("/") {
                stack.append(name)
            }
        }
        return stack.isEmpty ? nil : "unclosed: \(stack)"
    }

    /// Every in-page link names an element of the page.
    static func danglingLinks(_ html: String) -> [String] {
        var ids = Set<String>()
        var links: [String] = []
        for part in html.split(separator: "id=\"").dropFirst() { ids.insert(String(part.prefix { $0 != "\"" })) }
        for part in html.split(separator: "href=\"#").dropFirst() { links.append(String(part.prefix { $0 != "\"" })) }
        return links.filter { !ids.contains($0) }
    }

    func exampleEngine() throws -> Engine {
        let config = String(decoding: Fixtures.bytes("../../Examples/config.json"), as: UTF8.self)
        let engine = try Engine(configJSON: config)
        for line in Fixtures.bytes("../../Examples/conversation.jsonl").split(separator: 0x0A) {
            _ = try Array(line).withUnsafeBytes { try engine.process(json: $0) }
        }
        return engine
    }

    @Test func theExampleConversationAsAPage() throws {
        let engine = try exampleEngine()
        defer { engine.close() }
        let html = try Self.html(engine, ["title": "Kacyiru Heights"])
        let report = try engine.report(options: ReportOptions(json: nil))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<title>Kacyiru Heights</title>"))
        #expect(Self.count("<h1>", in: html) == 1)
        #expect(Self.nestingProblem(html) == nil, "\(Self.nestingProblem(html) ?? "")")
        #expect(Self.danglingLinks(html).isEmpty, "\(Self.danglingLinks(html))")
        // Self-contained: no script, nothing fetched.
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("url("))
        #expect(html.contains("default-src 'none'"))
        // A section per chat, with the store's counts.
        let chats = try engine.store.reportChats(chat: nil)
        #expect(chats.count >= 3)
        #expect(report.chats.count == chats.count)
        #expect(Self.count("<section class=\"chat\"", in: html) == chats.count)
        // Every journal row is counted once: messages, or the one re-sent duplicate (not counted).
        #expect(report.messageCount + report.chats.reduce(0) { $0 + $1.duplicates } == (try engine.store.messageCount()))
        #expect(report.chats.reduce(0) { $0 + $1.duplicates } == 1)
        for chat in report.chats { #expect(chat.threads.reduce(0) { $0 + $1.messageCount } == chat.messageCount) }
        for row in chats { #expect(html.contains("data-messages=\"\(row.messages)\" data-dead-letters=\"0\"")) }
        // Three charts per chat, each an image with a title and a description.
        #expect(Self.count("<svg ", in: html) == 3 * chats.count)
        #expect(Self.count("role=\"img\"", in: html) == 3 * chats.count)
        #expect(Self.count("<desc id=", in: html) == 3 * chats.count)
        // Aline's chat: her name, threads with topics, an angry moment linked, unit 4B, the receipt's text.
        let aline = try #require(report.chats.first { $0.chat == "250788123456@c.us" })
        #expect(aline.name == "Aline")
        #expect(!aline.threads.isEmpty && aline.threads.allSatisfy { !$0.topic.isEmpty })
        #expect(aline.entities.contains { $0.type == "unit" && $0.text.uppercased().contains("4B") })
        #expect(!ReportHTML.angriest(aline.points).isEmpty)
        #expect(html.contains("Angriest moments"))
        #expect(aline.media.contains { $0.text.contains("KIGALI HEIGHTS") })
        #expect(html.contains("KIGALI HEIGHTS"))
        // The receipt photo is embedded with its alt text.
        #expect(html.contains("<img src=\"data:image/jpeg;base64,/9j/"))
        #expect(html.contains("alt=\"Photo sent by"))
        // The chat id is a phone number: masked wherever it is shown.
        #expect(!html.contains("250788123456"))
        #expect(html.contains("250*******56@c.us"))
    }

    @Test func tenantTextCannotInjectMarkup() throws {
        let engine = try Engine()
        defer { engine.close() }
        let attack = "<script>alert(1)</script><img src=x onerror=alert(2)>\" onmouseover=\"x' & </section></main> \u{01}bell"
        _ = try engine.process(Self.message("<b>id</b>", chat: "chat\"><svg onload=alert(3)>", text: attack, name: "<i>Mallory</i>"))
        _ = try engine.process(Self.message("m2", chat: "chat\"><svg onload=alert(3)>", text: "unit <u>4B</u> is flooded, terrible!! 😡"))
        let html = try Self.html(engine, ["title": "</title><script>alert(4)</script>"])
        #expect(Self.nestingProblem(html) == nil, "\(Self.nestingProblem(html) ?? "")")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("<svg onload"))
        #expect(!html.contains("<i>Mallory"))
        #expect(!html.contains("<u>4B"))
        #expect(!html.contains("\u{01}"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot; onmouseover=&quot;x&#39; &amp; &lt;/section&gt;"))
        #expect(html.contains("<title>&lt;/title&gt;&lt;script&gt;alert(4)&lt;/script&gt;</title>"))
        #expect(html.contains("data-chat=\"chat&quot;&gt;&lt;svg onload=alert(3)&gt;\""))
        #expect(html.contains("&lt;i&gt;Mallory&lt;/i&gt;"))
        #expect(Self.danglingLinks(html).isEmpty)
    }

    @Test func phoneNumbersAndEmailsAreMasked() throws {
        let engine = try Engine(configJSON: #"{"region": "RW"}"#)
        defer { engine.close() }
        _ = try engine.process(Self.message("m1", chat: "tenant-7", text: "Call me on +250 788 123 456 or write to jane.doe@example.com about unit 4B"))
        let report = try engine.report(options: ReportOptions())
        let phone = try #require(report.chats.first?.entities.first { $0.type == "phone" })
        #expect(phone.text == "+250*******56")
        let masked = try Self.html(engine)
        #expect(!masked.contains("788 123 456") && !masked.contains("788123456"))
        #expect(!masked.contains("jane.doe@"))
        #expect(masked.contains("+250*******56") && masked.contains("j***@example.com"))
        // Unmasked on request: the message's text shows them, the entity table still masks.
        let open = try Self.html(engine, ["mask": false])
        #expect(open.contains("Call me on +250 788 123 456"))
        let table = try #require(open.split(separator: "<table class=\"entities\"").last?.split(separator: "</table>").first)
        #expect(table.contains("+250*******56") && !table.contains("788 123 456"))
        #expect(EntityTally.masked("0788 123") == "**** *23")
    }

    @Test func countsMatchTheStoreAndDeadLettersShow() throws {
        let engine = try Engine(configJSON: #"{"retries": {"attempts": 2, "jitter": 0}}"#)
        defer { engine.close() }
        let chats = ["alpha", "bravo", "charlie"]
        for (n, chat) in chats.enumerated() {
            for i in 0..<(3 + n * 2) {
                _ = try engine.process(Self.message("\(chat)-\(i)", chat: chat, text: i % 2 == 0 ? "The sink in unit \(n)A is broken again, this is terrible" : "Thanks, see you Monday at 10am",
                                                    at: 1_764_000_000 + Int64(i * 600)))
            }
        }
        // bravo-2 fails, is retried, fails again: dead (2 attempts); then bravo-1 fails once.
        _ = try engine.failMessage(chat: "bravo", id: "bravo-2", error: "timeout", now: 1_764_000_000_000)
        #expect(try engine.runDueRetries(now: 1_764_000_400_000)["retried"]?.arrayValue?.count == 1)
        _ = try engine.failMessage(chat: "bravo", id: "bravo-2", error: "timeout again", now: 1_764_000_500_000)
        _ = try engine.failMessage(chat: "bravo", id: "bravo-1", error: ["status": "sheets_down", "message": "HTTP 503 <from sheets>"], now: 1_764_000_600_000)
        let report = try engine.report(options: ReportOptions())
        let html = ReportHTML(report: report).render()
        #expect(report.chats.map(\.chat) == chats)
        #expect(report.chats.map(\.messageCount) == [3, 5, 7])
        #expect(report.messageCount == 15)
        let bravo = report.chats[1]
        #expect(bravo.deadLetters.map(\.state) == ["failed", "dead"])
        #expect(bravo.deadLetters[1].lastError == "timeout again" && bravo.deadLetters[1].attempts == 2)
        #expect(bravo.deadLetters.count == (try engine.store.deadLetters(state: nil, chat: "bravo", limit: 100)).count)
        #expect(bravo.deadLetters[0].lastError == "sheets_down: HTTP 503 <from sheets>")
        #expect(html.contains("data-chat=\"bravo\" data-messages=\"5\" data-dead-letters=\"2\""))
        #expect(html.contains("HTTP 503 &lt;from sheets&gt;"))
        #expect(html.contains("data-chats=\"3\" data-messages=\"15\" data-dead-letters=\"2\""))
        // Threads' message counts add up to the processed messages.
        for chat in report.chats { #expect(chat.threads.reduce(0) { $0 + $1.messageCount } == chat.messageCount) }
        // Intents per slice add up to the tenant's messages with an intent.
        let series = ReportCharts.intentSeries(report.chats[2].points)
        #expect(series.slices.reduce(0) { $0 + $1.counts.reduce(0, +) } == 7)
        #expect(Self.danglingLinks(html).isEmpty)
    }

    @Test func anEmptyStoreGivesAClearValidPage() throws {
        let engine = try Engine()
        defer { engine.close() }
        let html = try Self.html(engine)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(Self.nestingProblem(html) == nil)
        #expect(html.contains("The store holds no messages yet."))
        #expect(!html.contains("<section class=\"chat\""))
        #expect(html.contains("data-chats=\"0\" data-messages=\"0\" data-dead-letters=\"0\""))
        let missing = try Self.html(engine, ["chat": "250788999999@c.us"])
        #expect(missing.contains("No messages for chat 250*******99@c.us in this store."))
    }

    @Test func theChatFilterReadsOneChat() throws {
        // The same words again within 5 minutes would be a re-sent duplicate: not here.
        let engine = try Engine(configJSON: #"{"dedup": {"contentWindowSeconds": 0}}"#)
        defer { engine.close() }
        for i in 0..<4 { _ = try engine.process(Self.message("a\(i)", chat: "a", text: "Is the flat in Kacyiru still available?")) }
        for i in 0..<2 { _ = try engine.process(Self.message("b\(i)", chat: "b", text: "My rent receipt please")) }
        let report = try engine.report(options: ReportOptions(chat: "b"))
        #expect(report.chats.map(\.chat) == ["b"] && report.messageCount == 2)
        let html = try Self.html(engine, ["chat": "b"])
        #expect(Self.count("<section class=\"chat\"", in: html) == 1)
        #expect(html.contains("data-chat=\"b\" data-messages=\"2\""))
        #expect(!html.contains("Kacyiru"))
    }

    @Test func theMessageLimitKeepsChartsWhole() throws {
        // The same words again within 5 minutes would be a re-sent duplicate: not here.
        let engine = try Engine(configJSON: #"{"dedup": {"contentWindowSeconds": 0}}"#)
        defer { engine.close() }
        for i in 0..<30 {
            _ = try engine.process(Self.message("m\(i)", chat: "c", text: i == 25 ? "This is awful, the roof leaks and nobody came!!" : "Hello, any news on the repair?",
                                                at: 1_764_000_000 + Int64(i * 60)))
        }
        let report = try engine.report(options: ReportOptions(json: ["messageLimit": 10]))
        #expect(report.chats[0].messages.count == 10 && report.chats[0].points.count == 30)
        let html = ReportHTML(report: report).render()
        #expect(Self.count("<li id=\"c1-m", in: html) == 10)
        #expect(Self.danglingLinks(html).isEmpty, "\(Self.danglingLinks(html))")
    }

    @Test func pastTheChatLimitTheMostActiveChatsAreShownInFull() throws {
        let engine = try Engine()
        defer { engine.close() }
        for (n, chat) in ["a", "b", "c", "d"].enumerated() {
            for i in 0...n { _ = try engine.process(Self.message("\(chat)\(i)", chat: chat, text: "Message \(i) about unit \(n)B", at: 1_764_000_000 + Int64(i))) }
        }
        let report = try engine.report(options: ReportOptions(json: ["chatLimit": 2]))
        #expect(report.chats.map(\.chat) == ["c", "d"])
        #expect(report.otherChats.map(\.chat) == ["a", "b"] && report.otherChats.map(\.messages) == [1, 2])
        #expect(report.chatCount == 4 && report.messageCount == 10)
        let html = ReportHTML(report: report).render()
        #expect(Self.count("<section class=\"chat\"", in: html) == 2)
        #expect(html.contains("data-chats=\"4\" data-messages=\"10\""))
        #expect(html.contains("2 less active chats (not detailed)"))
        #expect(Self.nestingProblem(html) == nil && Self.danglingLinks(html).isEmpty)
    }

    @Test func optionsAreChecked() throws {
        for bad: JSONValue in [["colour": "red"], ["chat": ""], ["messageLimit": -1], ["chatLimit": 0], ["mask": "yes"], "chat", ["title": .string(String(repeating: "x", count: 201))]] {
            #expect(throws: ParleyError.self, "\(bad)") { _ = try ReportOptions(json: bad) }
            do { _ = try ReportOptions(json: bad) } catch { #expect(error.kind == .invalidArgument) }
        }
        let options = try ReportOptions(json: ["chat": "x", "title": "T", "mask": false, "galleryLimit": 0, "embedImages": false])
        #expect(options.chat == "x" && options.title == "T" && !options.mask && options.galleryLimit == 0 && !options.embedImages)
        #expect(try ReportOptions(json: nil) == ReportOptions())
    }

    @Test func degradedMarksFoldIntoPeriods() {
        var folder = DegradedPeriodFolder()
        folder.note(receivedAt: 1_000, features: [], anchor: "a")
        folder.note(receivedAt: 2_000, features: ["statistical"], anchor: "b")
        folder.note(receivedAt: 3_000, features: ["audio", "statistical"], anchor: "c")
        folder.note(receivedAt: 4_000, features: [], anchor: "d")
        folder.note(receivedAt: 9_000, features: ["ocr"], anchor: nil)
        folder.note(receivedAt: 5_000, features: ["ocr"], anchor: "e")   // processed earlier: ends the first period's run
        let periods = folder.periods()
        #expect(periods.count == 2)
        #expect(periods[0] == DegradedPeriod(from: 2_000, to: 3_000, features: ["audio", "statistical"], messages: 2, firstAnchor: "b"))
        #expect(periods[1] == DegradedPeriod(from: 5_000, to: 9_000, features: ["ocr"], messages: 2, firstAnchor: "e"))
    }

    @Test func degradedProcessingShowsInTheHealthSection() throws {
        let engine = try Engine(configJSON: """
            {"queue": {"highWater": 10, "lowWater": 1}, "ordering": {"holdMillis": 600000},
             "degradation": {"order": ["statistical", "audio"], "stepMillis": 0}, "dedup": {"contentWindowSeconds": 0}}
            """)
        defer { engine.close() }
        _ = try engine.process(Self.message("calm", chat: "b", text: "Hello, the sink in unit 4B leaks"))
        for i in 0..<9 { _ = try engine.submit(Self.message("held\(i)", chat: "a", text: "hello \(i)")) }
        usleep(150_000)
        let loaded = try engine.process(Self.message("loaded", chat: "b", text: "Still leaking in unit 4B"))
        try #require(loaded["degraded"] == ["statistical"])
        let report = try engine.report(options: ReportOptions(chat: "b"))
        #expect(report.chats[0].degradedPeriods.count == 1)
        #expect(report.chats[0].degradedPeriods.first?.features == ["statistical"])
        let html = ReportHTML(report: report).render()
        #expect(html.contains("<table class=\"degraded\">"))
        #expect(html.contains("degraded: statistical"))
    }

    @Test func formatting() {
        let utc = ReportFormat(timeZone: "UTC")
        #expect(utc.dateTime(1_764_057_600) == "2025-11-25 08:00")
        #expect(ReportFormat(timeZone: "Africa/Kigali").dateTime(1_764_057_600) == "2025-11-25 10:00")
        #expect(ReportFormat.iso(1_764_057_600) == "2025-11-25T08:00:00Z")
        #expect(ReportFormat.score(-0.8) == "\u{2212}0.8" && ReportFormat.score(0.354) == "+0.35" && ReportFormat.score(0.001) == "0")
        #expect(ReportFormat.number(250_000) == "250000" && ReportFormat.number(0.05) == "0.05")
        #expect(ReportGatherer.base64(Array("Man".utf8)) == "TWFu" && ReportGatherer.base64(Array("Ma".utf8)) == "TWE=" && ReportGatherer.base64([0xFF]) == "/w==")
        #expect(HTMLText.escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;")
    }
}
