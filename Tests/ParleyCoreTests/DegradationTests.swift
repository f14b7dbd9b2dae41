import Testing
@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

/// Graceful degradation: features shed in order under load and back when it falls; the text
/// path and the journal keep working throughout.
@Suite struct DegradationTests {
    @Test func featuresShedInOrderOneStepAtATimeAndComeBack() {
        var state = DegradationState(settings: DegradationSettings())
        state.update(load: 0.9, now: 0)
        #expect(state.shed == [.audio])
        state.update(load: 0.95, now: 500)      // within the step time: no change
        #expect(state.level == 1)
        for step in 1...5 { state.update(load: 1.0, now: Int64(step) * 1_000) }
        #expect(state.shed == [.audio, .ocr, .documents, .statistical])
        state.update(load: 0.6, now: 7_000)     // between the marks: hold
        #expect(state.level == 4)
        state.update(load: 0.1, now: 8_000)
        #expect(state.shed == [.audio, .ocr, .documents])
        for step in 9...12 { state.update(load: 0.1, now: Int64(step) * 1_000) }
        #expect(state.level == 0 && state.periods == 1)
    }

    @Test func disabledNeverSheds() {
        var settings = DegradationSettings()
        settings.enabled = false
        var state = DegradationState(settings: settings)
        state.update(load: 5, now: 0)
        #expect(state.shed.isEmpty)
    }

    static func message(_ id: String, chat: String, text: String) -> Message {
        Message(id: id, chat: chat, from: chat, timestamp: 1_764_000_000, type: .text, text: text)
    }

    @Test func aFullQueueShedsTheStatisticalLayerAndSaysSo() throws {
        let engine = try Engine(configJSON: """
            {"queue": {"highWater": 10, "lowWater": 1}, "ordering": {"holdMillis": 600000},
             "degradation": {"order": ["statistical", "audio"], "stepMillis": 0}, "dedup": {"contentWindowSeconds": 0}}
            """)
        defer { engine.close() }
        let text = "Hello, my name is Jean Bosco Habimana and the sink in unit 4B leaks"
        let calm = try engine.process(Self.message("calm", chat: "b", text: text))
        #expect(calm["degraded"] == nil)
        #expect(calm["entities"]?.arrayValue?.contains { $0["type"] == "person" } == true)
        // Nine held messages fill the queue to 90 % of its high-water mark.
        for i in 0..<9 { _ = try engine.submit(Self.message("held\(i)", chat: "a", text: "hello \(i)")) }
        usleep(150_000)
        let loaded = try engine.process(Self.message("loaded", chat: "b", text: text))
        #expect(loaded["degraded"] == ["statistical"])
        #expect(loaded["entities"]?.arrayValue?.contains { $0["type"] == "person" } == false)
        #expect(loaded["entities"]?.arrayValue?.contains { $0["type"] == "unit" } == true)   // the text path stays
        #expect(loaded["intent"] != nil && loaded["status"] == "processed")
        let metrics = engine.metricsJSON()
        #expect(metrics[path: "degradation", "level"]?.int64Value ?? 0 >= 1)
        #expect(metrics[path: "degradation", "periods"] == 1)
    }

    @Test func configurationIsChecked() {
        for bad in [#"{"degradation": {"order": ["ocr", "ocr"]}}"#, #"{"degradation": {"order": ["video"]}}"#,
                    #"{"degradation": {"enterLoad": 0.4, "exitLoad": 0.5}}"#, #"{"degradation": {"other": 1}}"#] {
            #expect(throws: ParleyError.self, "\(bad)") { try Engine(configJSON: bad) }
        }
    }
}
