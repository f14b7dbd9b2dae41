import Synchronization
import Testing
@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

/// Several engine instances on one PostgreSQL store (ChatOwnership): each chat is processed
/// by one instance at a time, in order, exactly once, whichever instance accepted its
/// messages; a chat whose owner stops is taken over. Real engines in this process on a fresh
/// schema of the test server (the SIGKILL loop across processes is Tests/fleet/).
@Suite(.serialized) struct FleetTests {
    final class Results: Sendable {
        let outcomes = Guarded<[(instance: String, outcome: Outcome)]>([])
        func add(_ instance: String, _ outcome: Outcome) { outcomes.withLock { $0.append((instance, outcome)) } }
        var all: [(instance: String, outcome: Outcome)] { outcomes.withLock { $0 } }
    }

    static func engine(_ url: String, owner: String, leaseMillis: Int = 1_000, results: Results) throws -> Engine {
        let engine = try Engine(configJSON: """
            {"store": {"postgres": "\(url)", "owner": "\(owner)", "poolSize": 4, "leaseMillis": \(leaseMillis), "pumpMillis": 50},
             "core": {"workers": 2}}
            """)
        engine.setCallback { results.add(owner, $0) }
        return engine
    }

    static func message(chat: Int, n: Int) -> String {
        #"{"id":"m\#(chat)-\#(n)","chat":"chat-\#(chat)","from":"tenant-\#(chat)","timestamp":\#(1_764_000_000 + n),"type":"text","text":"message \#(n) of chat \#(chat): the sink in unit \#(n)B","sequence":\#(n)}"#
    }

    static func submit(_ engine: Engine, _ json: String) throws -> Int64 {
        var json = json
        return try json.withUTF8 { bytes in try engine.submit(json: UnsafeRawBufferPointer(bytes)) }
    }

    /// Waits until `count` first results (not duplicates) arrived; false after `seconds`.
    static func waitForResults(_ results: Results, count: Int, seconds: Int) -> Bool {
        for _ in 0..<(seconds * 20) {
            if firstResults(results).count >= count { return true }
            usleep(50_000)
        }
        return false
    }

    /// The successful, non-duplicate results, by message id.
    static func firstResults(_ results: Results) -> [(instance: String, id: String, context: JSONValue)] {
        results.all.compactMap { entry in
            guard case .success(let text) = entry.outcome.result, let context = try? JSONParser.parse(text),
                  context["status"] == "processed", let id = context[path: "message", "id"]?.stringValue else { return nil }
            return (entry.instance, id, context)
        }
    }

    @Test func twoInstancesProcessEveryMessageOnceAndInItsChatsOrder() throws {
        try PostgresTests.withSchema { url in
            let results = Results()
            let a = try Self.engine(url, owner: "a", results: results)
            let b = try Self.engine(url, owner: "b", results: results)
            defer { a.close(); b.close() }
            let chats = 6, perChat = 30
            let failures = Counter()
            // Each chat's messages are fed in order (the next once the previous is accepted),
            // each to either instance, one in four again to the other (a retry elsewhere).
            onThreads(chats) { chat in
                var seed = UInt64(chat + 1) &* 0x9E37_79B9_7F4A_7C15
                for n in 1...perChat {
                    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    let first = (seed >> 33) % 2 == 0 ? a : b
                    let json = Self.message(chat: chat, n: n)
                    do {
                        _ = try Self.submit(first, json)
                        if (seed >> 40) % 4 == 0 { _ = try Self.submit(first === a ? b : a, json) }
                    } catch {
                        failures.add()
                    }
                }
            }
            #expect(failures.value == 0)
            #expect(Self.waitForResults(results, count: chats * perChat, seconds: 60))
            let first = Self.firstResults(results)
            var seen: [String: Int] = [:]
            for result in first { seen[result.id, default: 0] += 1 }
            #expect(seen.count == chats * perChat, "every message processed")
            #expect(seen.values.allSatisfy { $0 == 1 }, "no message processed twice: \(seen.filter { $0.value > 1 })")
            // In order: no message was processed after a later one of its chat, none skipped.
            for result in first {
                #expect(result.context[path: "flow", "late"] == nil, "\(result.id) processed late")
                #expect(result.context[path: "flow", "gap"] == nil, "\(result.id) processed before an earlier one")
            }
            // Both instances did part of the work.
            #expect(Set(first.map(\.instance)).count == 2)
            // The chats' threads counted each message once.
            for chat in 0..<chats {
                let threads = try a.threads(query: ["chat": .string("chat-\(chat)")])
                let counted = threads["threads"]?.arrayValue?.reduce(0) { $0 + Int($1["messageCount"]?.int64Value ?? 0) }
                #expect(counted == perChat, "chat-\(chat)")
            }
            #expect(try a.store.messageCount() == chats * perChat)
        }
    }

    @Test func anInstanceThatStopsWithoutClosingHasItsChatsTakenOver() throws {
        try PostgresTests.withSchema { url in
            let results = Results()
            // "a" holds chat-1's lease and accepted five of its messages, then died: its pump
            // stopped (no renewal) and nothing of it processes them.
            let a = try Self.engine(url, owner: "a", leaseMillis: 800, results: results)
            a.ownership?.stop(release: false)
            a.pool.stop()
            guard case .acquired = try a.store.postgres?.acquireLease(chat: "chat-1", ttlMillis: 800) else {
                Issue.record("lease not acquired"); return
            }
            for n in 1...5 {
                let message = try MessageNormalizer.normalize(JSONParser.parse(Self.message(chat: 1, n: n)))
                _ = try a.store.receive(message, priority: 1, receivedAt: Engine.unixMillis())
            }
            let b = try Self.engine(url, owner: "b", leaseMillis: 800, results: results)
            defer { b.close(); a.store.close() }
            let started = ContinuousClock.now
            #expect(Self.waitForResults(results, count: 5, seconds: 20))
            let took = ContinuousClock.now - started
            let first = Self.firstResults(results)
            #expect(first.map(\.instance) == Array(repeating: "b", count: 5))
            #expect(first.map(\.id) == (1...5).map { "m1-\($0)" }, "taken over in order")
            #expect(took < .seconds(10), "took over in \(took) (lease 800 ms)")
            #expect(b.ownership?.takeoverCount ?? 0 >= 1)
        }
    }

    @Test func aWriteUnderALeaseTakenOverIsRefusedAndHandedOver() throws {
        try PostgresTests.withSchema { url in
            let results = Results()
            let a = try Self.engine(url, owner: "a", results: results)
            defer { a.close() }
            guard let store = a.store.postgres else { Issue.record("not on PostgreSQL"); return }
            // A stale token (another instance took the chat since): the write is refused whole.
            let message = try MessageNormalizer.normalize(JSONParser.parse(Self.message(chat: 9, n: 1)))
            guard case .fresh(var entry) = try a.prepare(message) else { Issue.record("not fresh"); return }
            guard case .acquired(let lease) = try store.acquireLease(chat: "chat-9", ttlMillis: 60_000) else {
                Issue.record("lease not acquired"); return
            }
            entry.fence = 12_345_678
            let outcome = try store.journal([entry], receivedAt: 0)
            guard case .handedOver(let reason) = outcome.first else { Issue.record("written under a stale lease"); return }
            #expect(reason.contains("taken over"))
            #expect(try a.store.messageCount() == 0)
            // With the current token it is written.
            guard case .fresh(var again) = try a.prepare(message) else { Issue.record("not fresh"); return }
            again.fence = lease.token
            let written = try store.journal([again], receivedAt: 0)
            if case .stored = written.first {} else { Issue.record("not written under its own lease: \(String(describing: written.first))") }
        }
    }
}
