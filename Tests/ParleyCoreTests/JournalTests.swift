import Testing
@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

/// Journal states beyond processed: pending placeholders, re-sends under new ids, replayed
/// history, late and out-of-sequence messages.
@Suite struct JournalTests {
    func process(_ engine: Engine, _ json: String) throws(ParleyError) -> JSONValue {
        var json = json
        return try json.withUTF8 { bytes in Result { () throws(ParleyError) in try engine.process(json: UnsafeRawBufferPointer(bytes)) } }.get()
    }

    static let stub = #"{"key": {"remoteJid": "250788123456@s.whatsapp.net", "id": "3EB0STUB", "fromMe": false}, "messageTimestamp": 1764000000, "messageStubType": 2, "messageStubParameters": ["No session record"]}"#
    static let real = #"{"key": {"remoteJid": "250788123456@s.whatsapp.net", "id": "3EB0STUB", "fromMe": false}, "messageTimestamp": 1764000000, "message": {"conversation": "The tap in unit 4B is leaking"}}"#

    @Test func aDecryptionStubIsHeldPendingAndTheRealPayloadCompletesIt() throws {
        let engine = try Engine()
        let pending = try process(engine, Self.stub)
        #expect(pending["status"] == "pending")
        #expect(pending[path: "message", "pending"] == true)
        #expect(pending["intent"] == nil)
        #expect(try process(engine, Self.stub)["status"] == "pending")   // the stub again: still pending
        let completed = try process(engine, Self.real)
        #expect(completed["status"] == "processed")
        #expect(completed[path: "message", "text"] == "The tap in unit 4B is leaking")
        #expect(completed["intent"] != nil)
        #expect(try process(engine, Self.real)["status"] == "duplicate")
        #expect(try process(engine, Self.stub)["status"] == "duplicate")   // a late stub never undoes it
        #expect(try engine.store.messageCount() == 1)
    }

    @Test func theSameWordsUnderANewIdWithinTheWindowAreADuplicateButStored() throws {
        let engine = try Engine()
        let first = #"{"id":"a1","chat":"c","from":"c","timestamp":1000,"type":"text","text":"Is the 2BR still available?"}"#
        _ = try process(engine, first)
        let resent = try process(engine, first.replacing("\"a1\"", with: "\"a2\"").replacing("1000", with: "1200"))
        #expect(resent["status"] == "duplicate")
        #expect(resent["duplicateOf"] == "a1")
        #expect(resent[path: "message", "id"] == "a2")
        #expect(try engine.store.messageCount() == 2)   // kept, never lost
        // Outside the window, from another sender, or other words: a message of its own.
        #expect(try process(engine, first.replacing("\"a1\"", with: "\"a3\"").replacing("1000", with: "1400"))["status"] == "processed")
        #expect(try process(engine, first.replacing("\"a1\"", with: "\"a4\"").replacing("\"from\":\"c\"", with: "\"from\":\"d\""))["status"] == "processed")
        #expect(try process(engine, first.replacing("\"a1\"", with: "\"a5\"").replacing("2BR", with: "3BR"))["status"] == "processed")
    }

    @Test func theSameWordsAnsweringAnotherMessageAreNew() throws {
        let engine = try Engine()
        // A typed "yes" quoting two different questions; a button titled "Yes" under two ids;
        // the same reaction on two messages. A true re-send (same quote, same id) stays a duplicate.
        let yes = #"{"id":"y1","chat":"c","from":"c","timestamp":1000,"type":"text","text":"yes","quoted":{"id":"q1"}}"#
        #expect(try process(engine, yes)["status"] == "processed")
        #expect(try process(engine, yes.replacing("y1", with: "y2").replacing("q1", with: "q2"))["status"] == "processed")
        #expect(try process(engine, yes.replacing("y1", with: "y3"))["duplicateOf"] == "y1")
        let button = #"{"id":"b1","chat":"c","from":"c","timestamp":1000,"type":"interactive","text":"Yes","interactive":{"kind":"button","id":"viewing_yes","title":"Yes"}}"#
        #expect(try process(engine, button)["status"] == "processed")
        #expect(try process(engine, button.replacing("b1", with: "b2").replacing("viewing_yes", with: "urgent_yes"))["status"] == "processed")
        #expect(try process(engine, button.replacing("b1", with: "b3"))["duplicateOf"] == "b1")
        let reaction = #"{"id":"r1","chat":"c","from":"c","timestamp":1000,"type":"reaction","reaction":{"emoji":"👍","messageId":"m1"}}"#
        #expect(try process(engine, reaction)["status"] == "processed")
        #expect(try process(engine, reaction.replacing("r1", with: "r2").replacing("m1", with: "m2"))["status"] == "processed")
    }

    @Test func contentDeduplicationCanBeTurnedOff() throws {
        let engine = try Engine(configJSON: #"{"dedup": {"contentWindowSeconds": 0}}"#)
        let first = #"{"id":"a1","chat":"c","from":"c","timestamp":1000,"type":"text","text":"ok"}"#
        _ = try process(engine, first)
        #expect(try process(engine, first.replacing("\"a1\"", with: "\"a2\""))["status"] == "processed")
        #expect(throws: ParleyError.self) { try Engine(configJSON: #"{"dedup": {"contentWindowSeconds": -1}}"#) }
        #expect(throws: ParleyError.self) { try Engine(configJSON: #"{"dedup": {"window": 1}}"#) }
    }

    @Test func aMessageSentBeforeOneAlreadyProcessedIsLate() throws {
        let engine = try Engine()
        let base = #"{"id":"l1","chat":"c","from":"c","timestamp":2000,"type":"text","text":"first words"}"#
        #expect(try process(engine, base)[path: "flow", "late"] == nil)
        let late = try process(engine, base.replacing("l1", with: "l2").replacing("2000", with: "1500").replacing("first", with: "older"))
        #expect(late[path: "flow", "late"] == true)
        // Replayed history is old by nature: not late.
        let history = base.replacing("l1", with: "l3").replacing("2000", with: "1000").replacing("first", with: "history")
            .replacing("\"type\"", with: "\"history\":true,\"type\"")
        let replayed = try process(engine, history)
        #expect(replayed[path: "message", "history"] == true)
        #expect(replayed[path: "flow", "late"] == nil)
    }

    @Test func hostSequenceNumbersRevealGaps() throws {
        let engine = try Engine()
        func message(_ n: Int) -> String {
            #"{"id":"q\#(n)","chat":"c","from":"c","timestamp":\#(3000 + n),"type":"text","text":"number \#(n)","sequence":\#(n)}"#
        }
        _ = try process(engine, message(1))
        let gap = try process(engine, message(4))
        #expect(gap[path: "flow", "gap", "after"] == 1)
        #expect(gap[path: "flow", "gap", "missing"] == 2)
        #expect(try process(engine, message(2))[path: "flow", "late"] == true)
        #expect(throws: ParleyError.self) { try process(engine, message(5).replacing("\"sequence\":5", with: "\"sequence\":-5")) }
    }

    /// Several engines opening the same new store file at once all open it: none reads it as
    /// "not a Parley database" while another creates its tables, none fails on the switch to WAL.
    @Test func engineOpeningANewFileTogetherAllSucceed() throws {
        for round in 0..<12 {
            let directory = Fixtures.temporaryDirectory("create")
            defer { _ = system("rm -rf '\(directory)'") }
            var config = Configuration()
            config.storePath = directory + "/parley.db"
            let results = Guarded<[Result<Engine, ParleyError>]>([])
            var threads: [pthread_t] = []
            for _ in 0..<4 {
                guard case .success(let thread) = Threads.start({
                    let result = Result { () throws(ParleyError) in try Engine(configuration: config) }
                    results.withLock { $0.append(result) }
                }) else { Issue.record("no thread"); return }
                threads.append(thread)
            }
            for thread in threads { pthread_join(thread, nil) }
            for result in results.withLock({ $0 }) {
                switch result {
                case .success(let engine): engine.close()
                case .failure(let error): Issue.record("round \(round): \(error)")
                }
            }
        }
    }
}
