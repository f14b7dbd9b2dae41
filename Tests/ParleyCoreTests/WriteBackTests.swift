import Testing
@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

/// Write-backs parked while their dependency's breaker is open, replayed in order once it
/// lets calls through, durable across reopen.
@Suite struct WriteBackTests {
    func park(_ engine: Engine, _ json: String, key: String? = nil, now: Int64) throws(ParleyError) -> JSONValue {
        var json = json
        return try json.withUTF8 { bytes in
            Result { () throws(ParleyError) in try engine.parkWriteBack(dependency: "sheets", payload: UnsafeRawBufferPointer(bytes), key: key, now: now) }
        }.get()
    }

    @Test func parkedWhileOpenReplayedInOrderWhenItLetsCallsThrough() throws {
        var template = Array("/tmp/parley-writeback-XXXXXX".utf8CString)
        let directory = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        defer { _ = system("rm -rf \(directory)") }
        let config = #"{"store": {"path": "\#(directory)/p.db"}, "breakers": {"sheets": {"window": 4, "minimumCalls": 2, "openSeconds": 10}}}"#
        let engine = try Engine(configJSON: config)
        // The dependency fails: its breaker opens.
        for t in [1_000, 2_000] as [Int64] {
            #expect(try engine.breakerAllow("sheets", now: t))
            try engine.breakerRecord("sheets", ok: false, micros: 1_000, now: t)
        }
        #expect(try !engine.breakerAllow("sheets", now: 3_000))
        let first = try park(engine, #"{"row": 1, "rent": 50000}"#, key: "row-1", now: 3_000)
        let again = try park(engine, #"{"row": 1, "rent": 50000}"#, key: "row-1", now: 3_100)
        #expect(again["id"] == first["id"] && again["parked"] == false)
        _ = try park(engine, #"{"row": 2}"#, now: 3_200)
        _ = try park(engine, #"{"row": 3}"#, now: 3_300)
        let whileOpen = try engine.replayWriteBacks(dependency: "sheets", max: 10, now: 4_000)
        #expect(whileOpen["breaker"] == "open" && whileOpen["writebacks"]?.arrayValue?.isEmpty == true)
        engine.close()

        // After a reopen (breakers start closed; the parked rows are durable) they come in order.
        let reopened = try Engine(configJSON: config)
        defer { reopened.close() }
        let due = try reopened.replayWriteBacks(dependency: "sheets", max: 10, now: 20_000)
        let rows = due["writebacks"]?.arrayValue ?? []
        #expect(rows.map { $0[path: "payload", "row"] } == [1, 2, 3])
        #expect(rows.first?["key"] == "row-1" && rows.first?["parkedAt"] == 3_000)
        let ids = rows.compactMap { $0["id"]?.int64Value }
        try reopened.confirmWriteBack(id: ids[0], ok: true, error: nil)
        try reopened.confirmWriteBack(id: ids[1], ok: false, error: "quota exceeded")
        let next = try reopened.replayWriteBacks(dependency: "sheets", max: 10, now: 21_000)["writebacks"]?.arrayValue ?? []
        #expect(next.map { $0[path: "payload", "row"] } == [2, 3])
        #expect(next.first?["attempts"] == 1 && next.first?["lastError"] == "quota exceeded")
        #expect(throws: ParleyError.self) { try reopened.confirmWriteBack(id: ids[0], ok: true, error: nil) }
    }

    @Test func anIdIsNeverGivenAgainSoARepeatedConfirmCannotDropAnotherWriteBack() throws {
        var template = Array("/tmp/parley-writeback-XXXXXX".utf8CString)
        let directory = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        defer { _ = system("rm -rf \(directory)") }
        let config = #"{"store": {"path": "\#(directory)/p.db"}}"#
        var engine = try Engine(configJSON: config)
        let first = try #require(try park(engine, #"{"row": 1}"#, key: "row-1", now: 1_000)["id"]?.int64Value)
        try engine.confirmWriteBack(id: first, ok: true, error: nil)
        // The queue is empty again: the next park still gets an id of its own, also after a reopen.
        let second = try #require(try park(engine, #"{"row": 2}"#, key: "row-2", now: 2_000)["id"]?.int64Value)
        #expect(second > first)
        #expect(throws: ParleyError.self) { try engine.confirmWriteBack(id: first, ok: true, error: nil) }
        try engine.confirmWriteBack(id: second, ok: true, error: nil)
        engine.close()
        engine = try Engine(configJSON: config)
        defer { engine.close() }
        let third = try #require(try park(engine, #"{"row": 3}"#, now: 3_000)["id"]?.int64Value)
        #expect(third > second)
        #expect(throws: ParleyError.self) { try engine.confirmWriteBack(id: second, ok: true, error: nil) }
        let due = try engine.replayWriteBacks(dependency: "sheets", max: 10, now: 4_000)["writebacks"]?.arrayValue ?? []
        #expect(due.map { $0[path: "payload", "row"] } == [3])
    }

    @Test func aStoreFromBeforeAutoincrementKeepsItsRowsAndNeverGoesBelowThem() throws {
        var template = Array("/tmp/parley-writeback-XXXXXX".utf8CString)
        let directory = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        defer { _ = system("rm -rf \(directory)") }
        let path = "\(directory)/p.db"
        // A schema-9 store, as the previous Parley wrote it, holding write-back 7 and send 4.
        let raw = try SQLiteConnection(path: path)
        try raw.execute("PRAGMA journal_mode = WAL")
        for step in Migrations.steps.prefix(9) { try raw.execute(step) }
        try raw.execute("""
            PRAGMA user_version = 9; PRAGMA application_id = \(Store.applicationID);
            INSERT INTO writebacks (seq, dependency, payload, key, parked_at) VALUES (7, 'sheets', '{"row":7}', 'row-7', 1000);
            INSERT INTO outbox (id, recipient, target, payload, priority, state, not_before, enqueued_at)
                VALUES (4, '250788090001', '250788090001@c.us', '{"text":"hi"}', 1, 'queued', 0, 0);
            """)
        raw.close()
        let engine = try Engine(configJSON: #"{"store": {"path": "\#(path)"}}"#)
        defer { engine.close() }
        let due = try engine.replayWriteBacks(dependency: "sheets", max: 10, now: 2_000)["writebacks"]?.arrayValue ?? []
        #expect(due.map { $0["id"] } == [7] && due.first?["key"] == "row-7")
        try engine.confirmWriteBack(id: 7, ok: true, error: nil)
        #expect(try park(engine, #"{"row": 8}"#, now: 3_000)["id"]?.int64Value == 8)
        #expect(try engine.outboxGet(id: 4)["send"]?["state"]?.stringValue == "queued")
        #expect(try engine.outboxEnqueue(["to": "250788090001", "text": "next"]).id == 5)
    }

    @Test func badInputIsRefused() throws {
        let engine = try Engine()
        defer { engine.close() }
        #expect(throws: ParleyError.self) { try park(engine, "{broken", now: 1) }
        #expect(throws: ParleyError.self) { try park(engine, "{}", key: "", now: 1) }
        #expect(throws: ParleyError.self) { try engine.replayWriteBacks(dependency: "sheets", max: 0) }
        #expect(throws: ParleyError.self) { try engine.replayWriteBacks(dependency: "", max: 1) }
        var big = "{\"x\":\"" + String(repeating: "a", count: 70_000) + "\"}"
        let tooLarge = big.withUTF8 { bytes in
            Result { () throws(ParleyError) in try engine.parkWriteBack(dependency: "sheets", payload: UnsafeRawBufferPointer(bytes), key: nil) }
        }
        #expect(throws: ParleyError.self) { try tooLarge.get() }
    }
}
