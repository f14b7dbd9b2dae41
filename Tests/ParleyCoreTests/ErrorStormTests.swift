import Testing
@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

/// Error storms: errors counted and sampled in bounded memory; a chat that keeps failing is
/// parked behind its own breaker while other chats go on.
@Suite struct ErrorStormTests {
    @Test func aChatIsParkedAfterRepeatedFailuresLongerEachTime() {
        let health = ChatHealth(settings: ChatHealthSettings())
        for i in 0..<4 { #expect(health.recordFailure(chat: "c", now: Int64(i) * 1000) == nil) }
        let parked = health.recordFailure(chat: "c", now: 4_000)
        #expect(parked == Int64(304_000))
        #expect(health.parkedUntil(chat: "c", now: 5_000) == 304_000)
        #expect(health.parkedUntil(chat: "other", now: 5_000) == nil)
        #expect(health.parkedCount(now: 5_000) == 1)
        // After the park, five more failures park it twice as long.
        for i in 0..<4 { _ = health.recordFailure(chat: "c", now: 310_000 + Int64(i)) }
        let again = health.recordFailure(chat: "c", now: 310_010)
        #expect(again == Int64(910_010))
        // Failures spread beyond the window never park.
        let slow = ChatHealth(settings: ChatHealthSettings())
        for i in 0..<20 { #expect(slow.recordFailure(chat: "s", now: Int64(i) * 700_000) == nil) }
    }

    @Test func trackedChatsStayBounded() {
        var settings = ChatHealthSettings()
        settings.maxChats = 100
        let health = ChatHealth(settings: settings)
        for i in 0..<10_000 { _ = health.recordFailure(chat: "chat\(i)", now: Int64(i) * 1_000_000) }
        #expect(health.parkedCount(now: 0) == 0)
    }

    static func process(_ engine: Engine, _ json: String) throws(ParleyError) -> JSONValue {
        var json = json
        return try json.withUTF8 { bytes in Result { () throws(ParleyError) in try engine.process(json: UnsafeRawBufferPointer(bytes)) } }.get()
    }

    @Test func aFloodOfBadMessagesIsCountedAndSampledInBoundedMemory() throws {
        let engine = try Engine()
        defer { engine.close() }
        for i in 0..<5_000 { _ = try? Self.process(engine, "{\"broken\": \(i)") }
        for _ in 0..<50 { _ = try? Self.process(engine, #"{"id":"x","chat":"c","from":"c","timestamp":1,"type":"hologram"}"#) }
        let errors = try #require(engine.metricsJSON()["errors"])
        #expect(errors[path: "byStatus", "PARLEY_MALFORMED_JSON"] == 5_000)
        #expect(errors[path: "byStatus", "PARLEY_UNSUPPORTED"] == 50)
        let samples = errors["samples"]?.arrayValue ?? []
        #expect(samples.count <= EngineMetrics.maxSamples && !samples.isEmpty)
        #expect(samples.contains { $0["status"] == "PARLEY_UNSUPPORTED" })
        #expect((errors["sampledOut"]?.int64Value ?? 0) > 4_800)
    }

    @Test func aFailingChatIsParkedAndItsRetriesWaitWhileOthersGoOn() throws {
        let engine = try Engine(configJSON: #"{"chatHealth": {"threshold": 3, "parkSeconds": 600}}"#)
        defer { engine.close() }
        let now = Engine.unixMillis()
        for (chat, count) in [("bad", 3), ("good", 1)] {
            for i in 0..<count {
                _ = try Self.process(engine, #"{"id":"\#(chat)\#(i)","chat":"\#(chat)","from":"\#(chat)","timestamp":\#(1_764_000_000 + i),"type":"text","text":"unit \#(i)A"}"#)
            }
        }
        var last = JSONValue.null
        for i in 0..<3 { last = try engine.failMessage(chat: "bad", id: "bad\(i)", error: .string("sheets down"), now: now) }
        #expect(last["chatParkedUntil"]?.int64Value == now + 600_000)
        _ = try engine.failMessage(chat: "good", id: "good0", error: nil, now: now)
        // Once every failure is due (first delay 5 min ± 20 %), the parked chat's wait (parked
        // 10 min) and the other's is retried.
        let run = try engine.runDueRetries(now: now + 400_000)
        #expect(run["retried"]?.arrayValue?.map { $0["chat"] } == ["good"])
        #expect(run["skippedParked"] == 3)
        #expect(engine.metricsJSON()["parkedChats"] == 1)

        // Its queued messages wait too, while another chat's come back.
        _ = try engine.submit(Message(id: "bad-new", chat: "bad", from: "bad", timestamp: 1_764_000_100, type: .text, text: "hello again"))
        _ = try engine.submit(Message(id: "good-new", chat: "good", from: "good", timestamp: 1_764_000_100, type: .text, text: "hello"))
        var ids: [String] = []
        let deadline = WorkerPool.now() + 1_500
        while WorkerPool.now() < deadline {
            for outcome in engine.poll(max: 10, timeoutMillis: 100) {
                if let context = try? JSONParser.parse(outcome.result.get()) { ids.append(context[path: "message", "id"]?.stringValue ?? "") }
            }
        }
        #expect(ids == ["good-new"])
    }
}
