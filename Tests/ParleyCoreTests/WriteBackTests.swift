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
