import Testing
@testable import ParleyCore

/// The engine's metrics: counts and latencies from real processing, history buckets on a
/// fake clock, threshold and anomaly alerts, the Prometheus text.
@Suite struct MetricsTests {
    func process(_ engine: Engine, _ json: String) throws(ParleyError) -> JSONValue {
        var json = json
        return try json.withUTF8 { bytes in Result { () throws(ParleyError) in try engine.process(json: UnsafeRawBufferPointer(bytes)) } }.get()
    }

    static func message(_ id: Int) -> String {
        #"{"id":"m\#(id)","chat":"c\#(id % 3)","from":"c\#(id % 3)","timestamp":\#(1_764_000_000 + id * 400),"type":"text","text":"unit \#(id)B needs a plumber"}"#
    }

    @Test func processingIsCountedAndTimedPerStage() throws {
        let engine = try Engine()
        defer { engine.close() }
        for i in 0..<30 { _ = try process(engine, Self.message(i)) }
        _ = try process(engine, Self.message(0))
        #expect(throws: ParleyError.self) { try process(engine, "{broken") }
        let metrics = engine.metricsJSON()
        #expect(metrics["schema"] == 1)
        #expect(metrics[path: "messages", "processed"] == 30)
        #expect(metrics[path: "messages", "duplicate"] == 1)
        #expect(metrics[path: "messages", "error"] == 1)
        for stage in ["parse", "enrich", "journal", "total"] {
            let summary = try #require(metrics[path: "latencyMicros", stage], "no \(stage) latency")
            #expect(summary["count"]?.int64Value ?? 0 >= 30)
            #expect((summary["p50"]?.int64Value ?? -1) <= (summary["p99"]?.int64Value ?? -1))
            #expect((summary["p99"]?.int64Value ?? -1) <= (summary["max"]?.int64Value ?? -1))
        }
        #expect(metrics[path: "process", "rssBytes"]?.int64Value ?? 0 > 1_000_000)
        #expect(metrics[path: "process", "memoryLimitBytes"]?.int64Value ?? 0 > 0)
        #expect(metrics["alerts"]?.arrayValue != nil)
    }

    @Test func asynchronousWorkIsTimedEndToEnd() throws {
        let engine = try Engine()
        defer { engine.close() }
        for i in 0..<20 {
            var json = Self.message(i)
            _ = try json.withUTF8 { bytes in Result { () throws(ParleyError) in try engine.submit(json: UnsafeRawBufferPointer(bytes)) } }.get()
        }
        #expect(engine.drain(timeoutMillis: 10_000))
        let metrics = engine.metricsJSON()
        #expect(metrics[path: "messages", "submitted"] == 20)
        #expect(metrics[path: "latencyMicros", "end_to_end", "count"] == 20)
        #expect(metrics[path: "queue", "resultsToCollect"] == 20)
        #expect(metrics[path: "workers", "count"]?.int64Value ?? 0 >= 1)
    }

    /// What `submit` answers at once or cannot use is counted as `process` counts it: a
    /// message submitted again (its duplicate handed back) and a batch entry or a submit that
    /// cannot be used (an error, by status).
    @Test func submitsAnsweredAtOnceOrRefusedAreCounted() throws {
        let engine = try Engine()
        defer { engine.close() }
        func submit(_ json: String) throws(ParleyError) -> Int64 {
            var json = json
            return try json.withUTF8 { bytes in Result { () throws(ParleyError) in try engine.submit(json: UnsafeRawBufferPointer(bytes)) } }.get()
        }
        _ = try submit(Self.message(1))
        #expect(engine.drain(timeoutMillis: 10_000))
        _ = try submit(Self.message(1))
        let unusable = #"{"id":"x","chat":"c","from":"c","timestamp":1764057600,"type":"hologram"}"#
        #expect(throws: ParleyError.self) { try submit(unusable) }
        var batch = "[\(Self.message(2)), \(unusable)]"
        let tickets = try batch.withUTF8 { bytes in
            Result { () throws(ParleyError) in try engine.submit(batch: engine.parseBatch(json: UnsafeRawBufferPointer(bytes))) }
        }.get()
        #expect(tickets.count == 2 && tickets[1] == 0)
        #expect(engine.drain(timeoutMillis: 10_000))
        let metrics = engine.metricsJSON()
        #expect(metrics[path: "messages", "processed"] == 2)
        #expect(metrics[path: "messages", "duplicate"] == 1)
        #expect(metrics[path: "messages", "error"] == 2)
        #expect(metrics[path: "errors", "byStatus", "PARLEY_UNSUPPORTED"] == 2)
        #expect(metrics[path: "latencyMicros", "end_to_end", "count"] == 3)
    }

    @Test func bucketsBecomeHistoryAndAThroughputDropIsAnAnomaly() {
        var settings = MetricsSettings()
        settings.bucketSeconds = 10
        let metrics = EngineMetrics(settings: settings, now: 1_000)
        // Ten steady buckets of 100 messages at ~1 ms, then one of 5 messages.
        for bucket in 0..<10 {
            for i in 0..<(100 + bucket % 3) {
                metrics.observe(.total, nanos: 1_000_000 + Int64(i % 7) * 10_000, now: 1_000 + Int64(bucket) * 10)
                metrics.count(.processed, now: 1_000 + Int64(bucket) * 10)
            }
        }
        for _ in 0..<5 { metrics.count(.processed, now: 1_100) }
        let json = metrics.json(pool: .init(), now: 1_110)
        let history = json["history"]?.arrayValue ?? []
        #expect(history.count == 11)
        #expect(history.first?["messages"] == 100)
        #expect(history.first?["p99Micros"]?.int64Value.map { (1_000...1_100).contains($0) } == true)
        let alerts = json["alerts"]?.arrayValue ?? []
        #expect(alerts.contains { $0["name"] == "throughput_anomaly" }, "\(alerts)")
        #expect(!alerts.contains { $0["name"] == "latency_anomaly" })
    }

    @Test func thresholdsGiveWarningsAndCriticals() {
        var settings = MetricsSettings()
        settings.latencyMillis = (500, 2_000)
        let warning = Threshold.alerts(p99Micros: 600_000, errorRate: 0.07, memoryFraction: 0.5, settings: settings)
        #expect(warning.map(\.name) == ["latency_p99", "error_rate"])
        #expect(warning.allSatisfy { $0.level == .warning })
        let critical = Threshold.alerts(p99Micros: 2_500_000, errorRate: 0.2, memoryFraction: 0.95, settings: settings)
        #expect(critical.count == 3 && critical.allSatisfy { $0.level == .critical })
        #expect(Threshold.alerts(p99Micros: 1_000, errorRate: 0, memoryFraction: 0.1, settings: settings).isEmpty)
    }

    @Test func aBucketFullOfErrorsRaisesTheErrorRateAlert() {
        let metrics = EngineMetrics(settings: MetricsSettings(), now: 0)
        for i in 0..<40 { metrics.count(i % 4 == 0 ? .error : .processed, now: 5) }
        let alerts = metrics.json(pool: .init(), now: 6)["alerts"]?.arrayValue ?? []
        #expect(alerts.contains { $0["name"] == "error_rate" && $0["level"] == "critical" }, "\(alerts)")
    }

    @Test func prometheusTextNamesEveryFamily() throws {
        let engine = try Engine()
        defer { engine.close() }
        _ = try process(engine, Self.message(1))
        let text = engine.metricsPrometheus()
        for name in ["parley_messages_total{outcome=\"processed\"} 1", "# TYPE parley_stage_duration_seconds histogram",
                     "parley_stage_duration_seconds_bucket{stage=\"total\"", "parley_queue_outstanding 0", "parley_workers ",
                     "parley_process_resident_memory_bytes ", "# TYPE parley_process_cpu_seconds_total counter"] {
            #expect(text.contains(name), "missing \(name)")
        }
    }

    @Test func configurationIsChecked() throws {
        let engine = try Engine(configJSON: #"{"metrics": {"bucketSeconds": 5, "alerts": {"latencyMillis": [100, 300], "anomalySigma": 3}}}"#)
        #expect(engine.configuration.metrics.bucketSeconds == 5)
        #expect(engine.configuration.metrics.latencyMillis == (100, 300))
        engine.close()
        for bad in [#"{"metrics": {"bucketSeconds": 0}}"#, #"{"metrics": {"alerts": {"errorRate": [0.5, 0.1]}}}"#,
                    #"{"metrics": {"alerts": {"memory": [0.5]}}}"#, #"{"metrics": {"unknown": 1}}"#,
                    #"{"core": {"workers": 0}}"#] {
            #expect(throws: ParleyError.self, "\(bad)") { try Engine(configJSON: bad) }
        }
        let fixed = try Engine(configJSON: #"{"core": {"workers": 3}}"#)
        #expect(fixed.configuration.async.minWorkers == 3 && fixed.configuration.async.maxWorkers == 3)
        fixed.close()
    }
}
