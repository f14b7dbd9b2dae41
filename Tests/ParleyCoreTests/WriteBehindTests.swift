import Testing
@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

/// `process` with write-behind: answered from the inbox, written to SQLite by a thread, seen
/// by every read, and journaled with its very context after a crash.
@Suite struct WriteBehindTests {
    func temporaryDirectory() -> String { Fixtures.temporaryDirectory("behind") }

    func configuration(_ path: String, writeBehind: Bool = true) -> Configuration {
        var config = Configuration()
        config.storePath = path
        config.writeBehind = writeBehind
        return config
    }

    func message(_ n: Int, chat: String = "250788000001@c.us", text: String? = nil, quoting: String? = nil) -> Message {
        var message = Message(id: "w\(n)", chat: chat, from: chat, timestamp: 1_764_000_000 + Int64(n) * 30, type: .text,
                              text: text ?? "unit 4B: the kitchen tap leaks again, message \(n)")
        if let quoting { message.quoted = Message.Quoted(id: quoting) }
        return message
    }

    /// Rows in the SQLite file, read by a second store on it (what another program sees).
    func rowsInFile(_ path: String) throws -> Int {
        let other = try Store(path: path)
        defer { other.close() }
        return try other.messageCount()
    }

    @Test func everyReadSeesWhatWasQueuedAndCloseWritesItAll() throws {
        let directory = temporaryDirectory()
        defer { _ = system("rm -rf '\(directory)'") }
        let path = directory + "/parley.db"
        let engine = try Engine(configuration: configuration(path))
        var threadID = ""
        for n in 0..<300 {
            let context = try engine.process(message(n))
            #expect(context["status"]?.stringValue == "processed")
            threadID = context["thread"]?["id"]?.stringValue ?? ""
        }
        // Reads settle first: the thread lists all 300 at once, the journal counts them.
        let thread = try engine.thread(id: threadID)
        #expect(thread["thread"]?["messages"]?.arrayValue?.count == 300)
        #expect(try engine.store.messageCount() == 300)
        engine.close()
        #expect(try rowsInFile(path) == 300)
        let files = Fixtures.files(in: directory)
        #expect(!files.contains { $0.contains("-inbox-") && !$0.hasSuffix(".lock") }, "an inbox segment was left: \(files)")
    }

    @Test func repeatsResendsAndRepliesAreDecidedAgainstTheQueue() throws {
        let directory = temporaryDirectory()
        defer { _ = system("rm -rf '\(directory)'") }
        let engine = try Engine(configuration: configuration(directory + "/parley.db"))
        defer { engine.close() }
        let first = try engine.process(message(1, text: "the lift in block C is broken"))
        // Straight after, most likely still queued: the same id is its duplicate.
        let again = try engine.process(message(1, text: "the lift in block C is broken"))
        #expect(again["status"]?.stringValue == "duplicate")
        #expect(again["timings"]?["totalMicros"] == first["timings"]?["totalMicros"])
        // The same words under a new id: a re-send of the first.
        let resent = try engine.process(message(2, text: "the lift in block C is broken"))
        #expect(resent["status"]?.stringValue == "duplicate")
        #expect(resent["duplicateOf"]?.stringValue == "w1")
        // A reply joins the thread of the message it quotes.
        _ = try engine.process(message(3, text: "also, can I book a viewing of apartment 12 on Friday?"))
        let reply = try engine.process(message(4, text: "any news?", quoting: "w1"))
        #expect(reply["thread"]?["id"] == first["thread"]?["id"])
        // Once written, the same answers come from SQLite.
        try engine.store.writeBehind?.settle()
        #expect(try engine.process(message(2, text: "the lift in block C is broken"))["duplicateOf"]?.stringValue == "w1")
        #expect(try engine.process(message(4, text: "any news?", quoting: "w1"))["status"]?.stringValue == "duplicate")
    }

    /// A re-send queued while its chat has nothing else queued leaves the chat's state alone:
    /// the next message continues the thread it belongs to.
    @Test func aQueuedResendKeepsItsChatsState() throws {
        let directory = temporaryDirectory()
        defer { _ = system("rm -rf '\(directory)'") }
        let engine = try Engine(configuration: configuration(directory + "/parley.db"))
        defer { engine.close() }
        let first = try engine.process(message(1, text: "the lift in block C is broken"))
        _ = try engine.process(message(2, text: "it stopped between floors 3 and 4"))
        try engine.store.writeBehind?.settle()
        let resent = try engine.process(message(3, text: "the lift in block C is broken"))
        #expect(resent["duplicateOf"]?.stringValue == "w1")
        let next = try engine.process(message(4, text: "the lift in block C is still broken, please send someone"))
        #expect(next["thread"]?["id"] == first["thread"]?["id"])
        #expect(next["thread"]?["new"]?.boolValue == false)
        #expect(next["thread"]?["messageCount"]?.int64Value == 3)
    }

    @Test func aCrashBeforeTheWriteIsJournaledAtOpenWithTheContextThatWasReturned() throws {
        let directory = temporaryDirectory()
        defer { _ = system("rm -rf '\(directory)'") }
        let path = directory + "/parley.db"
        // What a killed engine leaves: answered messages in its inbox, not in SQLite.
        let answering = try Engine(configuration: Configuration())
        let contexts = try (0..<5).map { n in try answering.process(message(n)) }
        answering.close()
        try Store(path: path).close()
        let (inbox, _) = try Inbox.open(storePath: path, synchronous: false)
        try inbox.finishRecovery(keeping: [])
        _ = try inbox.append((0..<5).map { n in
            Inbox.Entry(ticket: Int64(n + 1), priority: 1, receivedAt: 1_764_000_000_000, message: message(n),
                        context: JSONWriter.string(contexts[n]))
        })
        inbox.close()
        #expect(try rowsInFile(path) == 0)

        let engine = try Engine(configuration: configuration(path))
        // Journaled before the open returned, none handed to the workers as a new result.
        #expect(try rowsInFile(path) == 5)
        for n in 0..<5 {
            let repeated = try engine.process(message(n))
            #expect(repeated["status"]?.stringValue == "duplicate")
            #expect(repeated["timings"]?["totalMicros"] == contexts[n]["timings"]?["totalMicros"])
        }
        let threads = try engine.threads(query: nil)["threads"]?.arrayValue ?? []
        #expect(threads.map { $0["messageCount"]?.int64Value ?? 0 }.reduce(0, +) == 5)
        #expect(engine.poll(max: 10, timeoutMillis: 0).isEmpty)
        engine.close()
    }

    @Test func withWriteBehindOffEachCallCommits() throws {
        let directory = temporaryDirectory()
        defer { _ = system("rm -rf '\(directory)'") }
        let path = directory + "/parley.db"
        let engine = try Engine(configuration: configuration(path, writeBehind: false))
        defer { engine.close() }
        #expect(engine.store.writeBehind == nil)
        for n in 0..<3 { _ = try engine.process(message(n)) }
        #expect(try rowsInFile(path) == 3)
    }
}
