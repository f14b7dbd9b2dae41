import Testing
@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

@Suite struct ThreadTests {
    let options = ThreadOptions()

    func message(_ id: String, at time: Int64, fromMe: Bool = false, quoting quoted: String? = nil) -> Message {
        Message(id: id, chat: "c", from: fromMe ? "me" : "tenant", fromMe: fromMe, timestamp: time, type: .text,
                quoted: quoted.map { Message.Quoted(id: $0) })
    }

    func signals(intent: String? = nil, confidence: Double = 0.9, unit: String? = nil, sentiment: Double? = nil,
                 fragment: Bool = false, alternatives: [(name: String, confidence: Double)] = []) -> ThreadSignals {
        var signals = ThreadSignals()
        signals.intent = intent
        signals.intentConfidence = confidence
        signals.fragment = fragment
        signals.alternatives = alternatives
        signals.reference = unit.map { "unit:" + $0.lowercased() }
        signals.referenceLabel = unit.map { "unit " + $0 }
        signals.sentiment = sentiment
        return signals
    }

    @Test func smallTalkThenARequestIsOneThread() {
        var chat = ChatConversation(chat: "c")
        let first = ThreadTracker.assign(message("1", at: 0), signals: signals(intent: "greeting"), chat: &chat, quotedThread: nil, options: options)
        let second = ThreadTracker.assign(message("2", at: 60), signals: signals(intent: "maintenance_request", unit: "4B"), chat: &chat, quotedThread: nil, options: options)
        #expect(first.isNew)
        #expect(!second.isNew)
        #expect(second.thread.id == first.thread.id)
        #expect(second.thread.topic == "unit 4B")
        #expect(second.thread.family == "maintenance")
        #expect(second.contextSwitch == nil)
        #expect(second.thread.messageCount == 2)
    }

    @Test func chaseWordsAreWholeWordsInAnyCase() {
        let chasing = ["why is it not fixed yet??", "STILL no water", "Mbona hamjafika", "ليش ما جيتوا",
                       "3lach mazal ma jawch", "encore rien, pourquoi ?", "the tap broke again."]
        for text in chasing { #expect(Enrichment.containsWord(of: Enrichment.chaseWords, in: text), "\(text)") }
        let calm = ["stillness in the yard", "the wire is yellow", "whyte road", "yeti", "", "🙄🙄", "y e t"]
        for text in calm { #expect(!Enrichment.containsWord(of: Enrichment.chaseWords, in: text), "\(text)") }
    }

    @Test func anotherKindOfRequestSwitchesAndComesBack() {
        var chat = ChatConversation(chat: "c")
        let repair = ThreadTracker.assign(message("1", at: 0), signals: signals(intent: "maintenance_request"), chat: &chat, quotedThread: nil, options: options)
        let rent = ThreadTracker.assign(message("2", at: 60), signals: signals(intent: "rent_payment"), chat: &chat, quotedThread: nil, options: options)
        #expect(rent.isNew)
        #expect(rent.contextSwitch?.from == "maintenance_request")
        #expect(rent.contextSwitch?.to == "rent_payment")
        let back = ThreadTracker.assign(message("3", at: 120), signals: signals(intent: "complaint"), chat: &chat, quotedThread: nil, options: options)
        #expect(back.thread.id == repair.thread.id)   // complaint is the maintenance family
        #expect(back.contextSwitch?.to == "maintenance_request")
        let thanks = ThreadTracker.assign(message("4", at: 130), signals: signals(intent: "thanks"), chat: &chat, quotedThread: nil, options: options)
        #expect(thanks.thread.id == repair.thread.id)
        #expect(thanks.contextSwitch == nil)
    }

    @Test func anotherUnitSwitches() {
        var chat = ChatConversation(chat: "c")
        let a = ThreadTracker.assign(message("1", at: 0), signals: signals(intent: "availability", unit: "4B"), chat: &chat, quotedThread: nil, options: options)
        let b = ThreadTracker.assign(message("2", at: 10), signals: signals(intent: "price_inquiry", unit: "12"), chat: &chat, quotedThread: nil, options: options)
        #expect(b.thread.id != a.thread.id)
        #expect(b.contextSwitch.map { [$0.from, $0.to] } == ["unit 4B", "unit 12"])
    }

    @Test func lowConfidenceIntentsDoNotSwitch() {
        var chat = ChatConversation(chat: "c")
        let a = ThreadTracker.assign(message("1", at: 0), signals: signals(intent: "maintenance_request"), chat: &chat, quotedThread: nil, options: options)
        let b = ThreadTracker.assign(message("2", at: 10), signals: signals(intent: "rent_payment", confidence: 0.3), chat: &chat, quotedThread: nil, options: options)
        #expect(b.thread.id == a.thread.id)
    }

    @Test func aReplyJoinsWhatItQuotesEvenWhenClosed() {
        var chat = ChatConversation(chat: "c")
        let old = ThreadTracker.assign(message("1", at: 0), signals: signals(intent: "rent_payment"), chat: &chat, quotedThread: nil, options: options)
        let later = ThreadTracker.assign(message("2", at: 100_000), signals: signals(intent: "maintenance_request"), chat: &chat, quotedThread: nil, options: options)
        #expect(later.closed.map(\.id) == [old.thread.id])
        #expect(later.isNew)
        let reply = ThreadTracker.assign(message("3", at: 100_060, quoting: "1"), signals: signals(intent: "other"), chat: &chat, quotedThread: old.thread, options: options)
        #expect(reply.thread.id == old.thread.id)
        #expect(reply.thread.state == .open)
        #expect(reply.contextSwitch != nil)
    }

    @Test func theBotFollowsAndMoodIsTheTenants() {
        var chat = ChatConversation(chat: "c")
        _ = ThreadTracker.assign(message("1", at: 0), signals: signals(intent: "maintenance_request", sentiment: -0.2), chat: &chat, quotedThread: nil, options: options)
        let bot = ThreadTracker.assign(message("2", at: 5, fromMe: true), signals: signals(intent: "rent_payment", sentiment: 0.9), chat: &chat, quotedThread: nil, options: options)
        #expect(bot.contextSwitch == nil)
        #expect(bot.thread.sentimentLast == -0.2)
        let angry = ThreadTracker.assign(message("3", at: 50), signals: signals(intent: "complaint", sentiment: -0.9), chat: &chat, quotedThread: nil, options: options)
        #expect(angry.thread.sentimentTrend == "worsening")
        #expect((angry.chatSentimentAfter ?? 0) < (angry.chatSentimentBefore ?? 0))
    }

    /// The config of a file store in a fresh directory, removed after `body`.
    func withFileStore(_ body: (String) throws -> Void) throws {
        var template = Array("/tmp/parley-threads-XXXXXX".utf8CString)
        let directory = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        defer { _ = system("rm -rf \(directory)") }
        try body(#"{"store": {"path": "\#(directory)/p.db"}}"#)
    }

    @Test func threadsPersistAndAreQueryable() throws { try withFileStore { config in
        func send(_ engine: Engine, _ json: String) throws -> JSONValue {
            var json = json
            return try json.withUTF8 { bytes in try engine.process(json: UnsafeRawBufferPointer(bytes)) }
        }
        var engine = try Engine(configJSON: config)
        let first = try send(engine, #"{"id":"a","chat":"c1","from":"t","timestamp":1000,"type":"text","text":"hello"}"#)
        let threadID = try #require(first[path: "thread", "id"]?.stringValue)
        #expect(first[path: "thread", "new"] == true)
        engine.close()
        engine = try Engine(configJSON: config)
        let reply = try send(engine, #"{"id":"b","chat":"c1","from":"t","timestamp":1100,"type":"text","text":"me again","quoted":{"id":"a"}}"#)
        #expect(reply[path: "thread", "id"]?.stringValue == threadID)
        #expect(reply[path: "thread", "messageCount"] == 2)
        let listed = try engine.threads(query: ["chat": "c1"])
        #expect(listed["threads"]?.arrayValue?.count == 1)
        let thread = try engine.thread(id: threadID)
        #expect(thread[path: "thread", "messages"]?.arrayValue?.map { $0[path: "message", "id"] } == ["a", "b"])
        #expect(throws: ParleyError.self) { try engine.thread(id: "nope") }
        #expect(throws: ParleyError.self) { try engine.threads(query: ["limit": 0]) }
        #expect(throws: ParleyError.self) { try engine.threads(query: ["colour": "red"]) }
        engine.close()
    } }

    /// Contexts are composed ahead of the store's lock on a snapshot of the chat; two host
    /// threads writing one chat make snapshots go stale, and each message must then be
    /// composed again on the state it really follows: no count lost or seen twice.
    @Test func concurrentProcessCallsOnOneChatKeepItsThreadExact() throws { try withFileStore { config in
        let engine = try Engine(configJSON: config)
        defer { engine.close() }
        let counts = Locked<[Int64]>([])
        onThreads(2) { thread in
            for n in 0..<40 {
                let message = Message(id: "t\(thread)-\(n)", chat: "c1", from: "tenant", timestamp: 1_000 + Int64(n), type: .text,
                                      text: "the tap in unit 4B still leaks, message \(n) from host thread \(thread)")
                if let count = (try? engine.process(message))?[path: "thread", "messageCount"]?.int64Value {
                    counts.withLock { $0.append(count) }
                }
            }
        }
        #expect(counts.withLock { $0.sorted() } == Array(1...80))
        let threads = try engine.threads(query: ["chat": "c1"])["threads"]?.arrayValue ?? []
        #expect(threads.count == 1 && threads.first?["messageCount"] == 80)
    } }

    /// One transaction writes each thread's row once, in its last state: a reply in the same
    /// batch still finds the thread of the message it quotes, and the stored summaries count
    /// every message.
    @Test func aBatchWritesEachThreadOnceAndRepliesFindTheirThread() throws { try withFileStore { config in
        let engine = try Engine(configJSON: config)
        defer { engine.close() }
        let texts = [
            #"{"id":"m1","chat":"c9","from":"t","timestamp":1000,"type":"text","text":"the kitchen tap in unit 4B leaks"}"#,
            #"{"id":"m2","chat":"c9","from":"t","timestamp":1010,"type":"text","text":"water on the floor of unit 4B now"}"#,
            #"{"id":"m3","chat":"c9","from":"t","timestamp":1020,"type":"text","text":"also how much is rent for unit 7A?"}"#,
            #"{"id":"m4","chat":"c9","from":"t","timestamp":1030,"type":"text","text":"and it still drips","quoted":{"id":"m2"}}"#,
        ]
        let joined = Array(texts.joined().utf8)
        var ranges: [Range<Int>] = []
        for text in texts { ranges.append((ranges.last?.upperBound ?? 0)..<(ranges.last?.upperBound ?? 0) + text.utf8.count) }
        let results = try joined.withUnsafeBytes { all in
            try engine.process(batch: ranges.map { UnsafeRawBufferPointer(rebasing: all[$0]) })
        }
        let contexts = try results.map { try $0.get() }
        let leak = try #require(contexts[0][path: "thread", "id"]?.stringValue)
        #expect(contexts[1][path: "thread", "id"]?.stringValue == leak)
        #expect(contexts[2][path: "thread", "id"]?.stringValue != leak)
        #expect(contexts[3][path: "thread", "id"]?.stringValue == leak, "the reply joins the thread of what it quotes")
        let stored = try #require(try engine.store.thread(id: leak))
        #expect(stored.messageCount == 3 && stored.lastMessageID == "m4")
        let listed = try engine.threads(query: ["chat": "c9"])["threads"]?.arrayValue ?? []
        #expect(listed.compactMap { $0["messageCount"]?.int64Value }.sorted() == [1, 3])
    } }
}
