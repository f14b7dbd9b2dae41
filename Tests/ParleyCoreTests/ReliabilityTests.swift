import Synchronization
import Testing
@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

/// A clock the test moves by hand.
private final class FakeClock: Sendable {
    let millis = Atomic<Int64>(1_000_000)
    var now: Int64 { millis.load(ordering: .relaxed) }
    func advance(_ delta: Int64) { millis.add(delta, ordering: .relaxed) }
    var clock: BreakerClock { BreakerClock { [self] in now } }
}


@Suite struct ReliabilityTests {
    static func config(window: Int = 10, minimumCalls: Int = 5, failureRate: Double = 0.5, openMillis: Int64 = 30_000,
                       slowCallMicros: Int64 = 1_000, slowCallRate: Double = 0.8, permits: Int = 3) -> BreakerConfig {
        var config = BreakerConfig()
        config.window = window
        config.minimumCalls = minimumCalls
        config.failureRate = failureRate
        config.openMillis = openMillis
        config.slowCallMicros = slowCallMicros
        config.slowCallRate = slowCallRate
        config.halfOpenPermits = permits
        return config
    }

    private func breaker(_ config: BreakerConfig = config(), clock: FakeClock) -> CircuitBreaker {
        CircuitBreaker(name: "sheets", config: config, clock: clock.clock)
    }

    /// Records `count` outcomes, checking each call was allowed first.
    func calls(_ breaker: CircuitBreaker, _ count: Int, ok: Bool, micros: Int64 = 10) {
        for _ in 0..<count {
            #expect(breaker.allow())
            breaker.record(ok: ok, micros: micros)
        }
    }

    /// Opens a breaker with the default test config: five failures.
    private func opened(_ clock: FakeClock, _ config: BreakerConfig = config()) -> CircuitBreaker {
        let b = breaker(config, clock: clock)
        calls(b, config.minimumCalls, ok: false)
        #expect(b.state == .open)
        return b
    }

    // MARK: circuit breaker transitions

    @Test func defaultsAreTheDocumentedOnes() {
        let config = BreakerConfig()
        #expect(config.window == 20 && config.minimumCalls == 10 && config.failureRate == 0.5)
        #expect(config.openMillis == 30_000 && config.slowCallMicros == 5_000_000 && config.slowCallRate == 0.8)
        #expect(config.halfOpenPermits == 3)
    }

    @Test func opensWhenTheFailureRateReachesTheThreshold() {
        let clock = FakeClock()
        let b = breaker(clock: clock)
        calls(b, 5, ok: true)
        calls(b, 4, ok: false)
        #expect(b.state == .closed)                 // 4 of 9 = 44 %
        #expect(b.status.calls == 9)
        calls(b, 1, ok: false)                      // 5 of 10 = 50 %
        #expect(b.state == .open)
        #expect(!b.allow())
        let status = b.status
        #expect(status.failureRate == 0.5)
        #expect(status.openedAt == clock.now)
        #expect(status.retryAt == clock.now + 30_000)
    }

    @Test func noVerdictBeforeTheMinimumNumberOfCalls() {
        let clock = FakeClock()
        let b = breaker(Self.config(window: 20, minimumCalls: 10), clock: clock)
        calls(b, 9, ok: false)
        #expect(b.state == .closed)
        #expect(b.status.failureRate == 1)
        calls(b, 1, ok: false)
        #expect(b.state == .open)
    }

    @Test func theWindowSlidesOverTheLastCalls() {
        let clock = FakeClock()
        let b = breaker(Self.config(window: 4, minimumCalls: 4), clock: clock)
        calls(b, 1, ok: false)
        calls(b, 4, ok: true)                       // the failure slid out
        #expect(b.status.calls == 4)
        #expect(b.status.failureRate == 0)
        calls(b, 1, ok: false)
        #expect(b.state == .closed)                 // 1 of 4
        calls(b, 1, ok: false)
        #expect(b.state == .open)                   // 2 of 4
    }

    @Test func slowCallsOpenAboveTheSlowRate() {
        let clock = FakeClock()
        let b = breaker(Self.config(window: 10, minimumCalls: 10, slowCallMicros: 1_000, slowCallRate: 0.8), clock: clock)
        calls(b, 3, ok: true, micros: 1_000)        // exactly the threshold is not slow
        calls(b, 7, ok: true, micros: 1_001)
        #expect(b.state == .closed)                 // 7 of 10 slow
        #expect(b.status.slowCallRate == 0.7)
        calls(b, 1, ok: true, micros: 50_000)       // 8 of the last 10
        #expect(b.state == .open)
        #expect(b.status.failureRate == 0)
    }

    @Test func openTurnsHalfOpenAfterTheOpenDuration() {
        let clock = FakeClock()
        let b = opened(clock)
        clock.advance(29_999)
        #expect(!b.allow())
        #expect(b.state == .open)
        clock.advance(1)
        #expect(b.allow())
        #expect(b.state == .halfOpen)
        #expect(b.status.retryAt != nil)
    }

    @Test func halfOpenGrantsOnlyItsPermits() {
        let clock = FakeClock()
        let b = opened(clock)
        clock.advance(30_000)
        #expect([b.allow(), b.allow(), b.allow(), b.allow(), b.allow()] == [true, true, true, false, false])
    }

    @Test func aFailedTrialReopens() {
        let clock = FakeClock()
        let b = opened(clock)
        clock.advance(30_000)
        #expect(b.allow())
        #expect(b.allow())
        b.record(ok: true, micros: 10)
        clock.advance(5)
        b.record(ok: false, micros: 10)
        #expect(b.state == .open)
        #expect(b.status.openedAt == clock.now)
        #expect(!b.allow())
        clock.advance(29_999)
        #expect(!b.allow())
        clock.advance(1)
        #expect(b.allow())
    }

    @Test func successfulTrialsClose() {
        let clock = FakeClock()
        let b = opened(clock)
        clock.advance(30_000)
        for _ in 0..<3 { #expect(b.allow()) }
        b.record(ok: true, micros: 10)
        b.record(ok: true, micros: 10)
        #expect(b.state == .halfOpen)
        #expect(b.status.calls == 2)
        b.record(ok: true, micros: 10)
        #expect(b.state == .closed)
        let status = b.status
        #expect(status.calls == 0)                  // a fresh window
        #expect(status.openedAt == nil && status.retryAt == nil)
        #expect(b.allow())
        calls(b, 4, ok: false)
        #expect(b.state == .closed)                 // the minimum counts again from zero
    }

    @Test func slowTrialsReopen() {
        let clock = FakeClock()
        let b = opened(clock)
        clock.advance(30_000)
        for _ in 0..<3 { #expect(b.allow()) }
        for _ in 0..<3 { b.record(ok: true, micros: 2_000) }
        #expect(b.state == .open)
    }

    @Test func trialsThatNeverReportDoNotWedgeHalfOpen() {
        let clock = FakeClock()
        let b = opened(clock)
        clock.advance(30_000)
        for _ in 0..<3 { #expect(b.allow()) }
        #expect(!b.allow())
        clock.advance(29_999)
        #expect(!b.allow())
        clock.advance(1)
        #expect(b.allow())                          // a new round of permits
        #expect(b.state == .halfOpen)
    }

    @Test func reportsWhileOpenAndBeyondThePermitsAreIgnored() {
        let clock = FakeClock()
        let b = opened(clock)
        let before = b.status
        b.record(ok: true, micros: 10)              // a call let through before it opened
        #expect(b.status == before)
        clock.advance(30_000)
        #expect(b.allow())
        b.record(ok: true, micros: 10)
        b.record(ok: false, micros: 10)             // no permit was granted for it
        #expect(b.state == .halfOpen)
        #expect(b.status.calls == 1)
    }

    @Test func aClockThatGoesBackDoesNotProlongTheOpenPeriod() {
        let clock = FakeClock()
        let b = opened(clock)
        #expect(!b.allow(now: clock.now - 3_600_000))   // an hour back: re-anchored there
        #expect(b.allow(now: clock.now - 3_600_000 + 30_000))
        _ = b.allow(now: .min)                          // extremes never trap
        _ = b.allow(now: .max)
        #expect(b.status.retryAt != nil)
    }

    @Test func statusJSONHasTheDocumentedShape() {
        let clock = FakeClock()
        let b = opened(clock)
        let json = b.status.json
        #expect(json["name"] == "sheets")
        #expect(json["state"] == "open")
        #expect(json["failureRate"] == 1)
        #expect(json["slowCallRate"] == 0)
        #expect(json["calls"] == 5)
        #expect(json["openedAt"]?.int64Value == clock.now)
        #expect(json["retryAt"]?.int64Value == clock.now + 30_000)
        clock.advance(30_000)
        _ = b.allow()
        #expect(b.status.json["state"] == "half_open")
        let closed = CircuitBreaker(name: "x", clock: clock.clock).status.json
        #expect(closed["state"] == "closed")
        #expect(closed["openedAt"] == nil && closed["retryAt"] == nil)
    }

    // MARK: concurrency

    @Test func manyThreadsHammeringOneBreakerKeepConsistentCounts() {
        let clock = FakeClock()
        let b = breaker(Self.config(window: 10_000, minimumCalls: 10_000, failureRate: 1, slowCallRate: 1), clock: clock)
        let allowed = Counter()
        onThreads(8) { index in
            for call in 0..<1_000 {
                if b.allow() { allowed.add() }
                b.record(ok: (index + call) % 2 == 0, micros: call % 4 == 0 ? 5_000 : 10)
                _ = b.status
            }
        }
        let status = b.status
        #expect(allowed.value == 8_000)
        #expect(status.calls == 8_000)
        #expect(status.failureRate == 0.5)
        #expect(status.slowCallRate == 0.25)
        #expect(status.state == .closed)
    }

    @Test func halfOpenPermitsAreExactUnderContention() {
        let clock = FakeClock()
        let b = opened(clock, Self.config(permits: 5))
        clock.advance(30_000)
        let granted = Counter()
        onThreads(8) { _ in
            for _ in 0..<200 where b.allow() { granted.add() }
        }
        #expect(granted.value == 5)
        onThreads(5) { _ in b.record(ok: true, micros: 10) }
        #expect(b.state == .closed)
    }

    @Test func concurrentFailuresOpenExactlyOnce() {
        let clock = FakeClock()
        let b = breaker(Self.config(window: 100, minimumCalls: 50), clock: clock)
        onThreads(8) { _ in
            for _ in 0..<100 {
                _ = b.allow()
                b.record(ok: false, micros: 10)
            }
        }
        #expect(b.state == .open)
        #expect(b.status.calls == 50)               // reports after it opened are ignored
    }

    // MARK: registry and configuration

    @Test func theRegistryCreatesBreakersByNameWithTheirSettings() throws {
        let clock = FakeClock()
        let registry = BreakerRegistry(clock: clock.clock)
        var settings = BreakerSettings()
        settings.named["sheets"] = Self.config(window: 2, minimumCalls: 2)
        #expect(try registry.breaker("sheets", settings: settings) === registry.breaker("sheets", settings: settings))
        for _ in 0..<2 { try registry.record("sheets", ok: false, micros: 1, settings: settings) }
        #expect(try !registry.allow("sheets", settings: settings))
        for _ in 0..<2 { try registry.record("whatsapp-send", ok: false, micros: 1, settings: settings) }
        #expect(try registry.allow("whatsapp-send", settings: settings))   // the default: 10 calls minimum
        #expect(registry.statuses(settings: settings).map(\.name) == ["sheets", "whatsapp-send"])
        var more = settings
        more.named["payments"] = BreakerConfig()
        #expect(registry.statuses(settings: more).map(\.name) == ["payments", "sheets", "whatsapp-send"])
    }

    @Test func badBreakerNamesAndOutcomesAreRefused() throws {
        let registry = BreakerRegistry()
        #expect(throws: ParleyError.self) { try registry.allow("") }
        #expect(throws: ParleyError.self) { try registry.allow(String(repeating: "a", count: 129)) }
        #expect(try registry.allow(String(repeating: "a", count: 128)))
        #expect(throws: ParleyError.self) { try registry.record("sheets", ok: true, micros: -1) }
        do {
            _ = try registry.allow("")
        } catch {
            #expect(error.kind == .invalidArgument)
        }
    }

    @Test func theNumberOfBreakersIsBounded() throws {
        let registry = BreakerRegistry()
        for i in 0..<BreakerRegistry.maxBreakers { _ = try registry.allow("b\(i)") }
        #expect(throws: ParleyError.self) { try registry.allow("one-too-many") }
        #expect(try registry.allow("b0"))
    }

    func configuration(_ json: String) throws(ParleyError) -> Configuration {
        try Configuration(json: json)
    }

    @Test func breakersAreConfiguredWithDefaultsAndPerName() throws {
        let config = try configuration("""
            {"breakers": {"default": {"window": 40, "openSeconds": 10},
                          "sheets": {"failureRate": 0.25, "window": 20, "minimumCalls": 12, "openSeconds": 2.5,
                                     "slowCallMicros": 2000000, "slowCallRate": 0.5, "halfOpenPermits": 1}}}
            """)
        let defaults = config.breakers.defaults
        #expect(defaults.window == 40 && defaults.openMillis == 10_000 && defaults.minimumCalls == 10)
        let sheets = config.breakers.config(for: "sheets")
        #expect(sheets.failureRate == 0.25 && sheets.window == 20 && sheets.minimumCalls == 12 && sheets.openMillis == 2_500)
        #expect(sheets.slowCallMicros == 2_000_000 && sheets.slowCallRate == 0.5 && sheets.halfOpenPermits == 1)
        #expect(config.breakers.config(for: "other") == defaults)
        // A named entry starts from "default".
        let inherited = try configuration(#"{"breakers": {"default": {"openSeconds": 5}, "sheets": {"window": 30}}}"#)
        #expect(inherited.breakers.config(for: "sheets").openMillis == 5_000)
        #expect(inherited.breakers.config(for: "sheets").window == 30)
        #expect(try configuration("{}").breakers == BreakerSettings())
    }

    @Test func aSmallWindowShrinksTheBuiltInMinimumButNotAConfiguredOne() throws {
        #expect(try configuration(#"{"breakers": {"sheets": {"window": 4}}}"#).breakers.config(for: "sheets").minimumCalls == 4)
        #expect(try configuration(#"{"breakers": {"default": {"window": 4}, "s": {"window": 30}}}"#).breakers.config(for: "s").minimumCalls == 10)
        #expect(throws: ParleyError.self) { try configuration(#"{"breakers": {"sheets": {"window": 4, "minimumCalls": 5}}}"#) }
        #expect(throws: ParleyError.self) { try configuration(#"{"breakers": {"default": {"minimumCalls": 15}, "s": {"window": 10}}}"#) }
    }

    @Test func badBreakerConfigurationIsInvalidConfig() {
        let bad = [
            #"{"breakers": []}"#,
            #"{"breakers": {"sheets": 1}}"#,
            #"{"breakers": {"default": "x"}}"#,
            #"{"breakers": {"sheets": {"failureRat": 0.5}}}"#,
            #"{"breakers": {"default": {"colour": 1}}}"#,
            #"{"breakers": {"sheets": {"failureRate": 0}}}"#,
            #"{"breakers": {"sheets": {"failureRate": 1.5}}}"#,
            #"{"breakers": {"sheets": {"failureRate": "half"}}}"#,
            #"{"breakers": {"sheets": {"slowCallRate": -0.1}}}"#,
            #"{"breakers": {"sheets": {"window": 0}}}"#,
            #"{"breakers": {"sheets": {"window": 10001}}}"#,
            #"{"breakers": {"sheets": {"window": 2.5}}}"#,
            #"{"breakers": {"sheets": {"minimumCalls": 0}}}"#,
            #"{"breakers": {"sheets": {"openSeconds": 0}}}"#,
            #"{"breakers": {"sheets": {"openSeconds": 86401}}}"#,
            #"{"breakers": {"sheets": {"slowCallMicros": 0}}}"#,
            #"{"breakers": {"sheets": {"halfOpenPermits": 0}}}"#,
            #"{"breakers": {"sheets": {"halfOpenPermits": true}}}"#,
            #"{"breakers": {"": {}}}"#,
            "{\"breakers\": {\"\(String(repeating: "n", count: 129))\": {}}}",
        ]
        for json in bad {
            do {
                _ = try configuration(json)
                Issue.record("accepted \(json)")
            } catch {
                #expect(error.kind == .invalidConfig, "\(json): \(error)")
            }
        }
    }

    // MARK: engine: breakers

    @Test func theEngineRunsConfiguredBreakersOnTheHostsClock() throws {
        let engine = try Engine(configJSON: #"{"breakers": {"sheets": {"window": 2, "minimumCalls": 2, "openSeconds": 1}}}"#)
        let before = engine.breakerStatus()
        #expect(before["schema"] == 1)
        #expect(before["breakers"]?[0]?["name"] == "sheets")
        #expect(before["breakers"]?[0]?["state"] == "closed")
        #expect(try engine.breakerAllow("sheets", now: 100))
        try engine.breakerRecord("sheets", ok: false, micros: 5, now: 100)
        try engine.breakerRecord("sheets", ok: false, micros: 5, now: 101)
        #expect(try !engine.breakerAllow("sheets", now: 1_100))
        #expect(try engine.breakerAllow("sheets", now: 1_101))
        let after = engine.breakerStatus()["breakers"]?[0]
        #expect(after?["state"] == "half_open")
        #expect(after?["openedAt"] == 101)
        #expect(after?["retryAt"] == 1_101)
        #expect(throws: ParleyError.self) { try engine.breakerAllow("sheets", now: -1) }
        #expect(throws: ParleyError.self) { try engine.breakerRecord("sheets", ok: true, micros: 1, now: Engine.maxTimeMillis + 1) }
        #expect(try engine.breakerAllow("unconfigured"))
        #expect(engine.breakerStatus()["breakers"]?.arrayValue?.count == 2)
    }

    // MARK: idempotency claims

    func temporaryDirectory() -> String {
        var template = Array("/tmp/parley-reliability-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    @Test func theFirstClaimWinsAndLaterOnesSeeIt() throws {
        let engine = try Engine()
        #expect(try engine.claimIdempotencyKey("sheet:row-17", ttlSeconds: 60))
        #expect(try !engine.claimIdempotencyKey("sheet:row-17", ttlSeconds: 60))
        #expect(try engine.claimIdempotencyKey("sheet:row-18", ttlSeconds: 60))
        #expect(try engine.claimIdempotencyKey("ключ 🔑 مفتاح", ttlSeconds: 60))
        #expect(try !engine.claimIdempotencyKey("ключ 🔑 مفتاح", ttlSeconds: 60))
    }

    @Test func aClaimExpiresAfterItsTTL() throws {
        let engine = try Engine()
        let t0: Int64 = 1_764_000_000_000
        #expect(try engine.claimIdempotencyKey("pay:42", ttlSeconds: 10, now: t0))
        #expect(try !engine.claimIdempotencyKey("pay:42", ttlSeconds: 10, now: t0 + 9_999))
        #expect(try engine.store.idempotencyClaim("pay:42")?.expiresAt == t0 + 10_000)
        #expect(try engine.claimIdempotencyKey("pay:42", ttlSeconds: 10, now: t0 + 10_000))
        #expect(try engine.store.idempotencyClaim("pay:42")?.claimedAt == t0 + 10_000)
        #expect(try !engine.claimIdempotencyKey("pay:42", ttlSeconds: 10, now: t0 + 10_001))
    }

    @Test func aReleasedClaimCanBeClaimedAgain() throws {
        let engine = try Engine()
        #expect(try engine.claimIdempotencyKey("pay:7", ttlSeconds: 3600))
        try engine.releaseIdempotencyKey("pay:7")
        #expect(try engine.store.idempotencyClaim("pay:7") == nil)
        #expect(try engine.claimIdempotencyKey("pay:7", ttlSeconds: 3600))
        try engine.releaseIdempotencyKey("never-claimed")   // no failure
    }

    @Test func claimsSurviveCloseAndReopen() throws {
        let directory = temporaryDirectory()
        defer { _ = system("rm -rf \(directory)") }
        let config = #"{"store": {"path": "\#(directory)/parley.db"}}"#
        let engine = try Engine(configJSON: config)
        #expect(try engine.claimIdempotencyKey("sheet:1", ttlSeconds: 3600))
        #expect(try engine.claimIdempotencyKey("sheet:2", ttlSeconds: 3600))
        try engine.releaseIdempotencyKey("sheet:2")
        engine.close()
        #expect(throws: ParleyError.self) { try engine.claimIdempotencyKey("sheet:3", ttlSeconds: 1) }

        let reopened = try Engine(configJSON: config)
        #expect(try !reopened.claimIdempotencyKey("sheet:1", ttlSeconds: 3600))
        #expect(try reopened.claimIdempotencyKey("sheet:2", ttlSeconds: 3600))
        let version = try reopened.store.withConnection { db throws(ParleyError) in
            try db.statement("PRAGMA user_version").firstRow { $0.int(0) } ?? 0
        }
        #expect(version == Int64(Migrations.steps.count))
        reopened.close()
    }

    @Test func ofConcurrentClaimersExactlyOneIsFirst() throws {
        let directory = temporaryDirectory()
        defer { _ = system("rm -rf \(directory)") }
        let engine = try Engine(configJSON: #"{"store": {"path": "\#(directory)/parley.db"}}"#)
        defer { engine.close() }
        let firsts = Counter()
        let failures = Counter()
        onThreads(8) { _ in
            for key in 0..<50 {
                do {
                    if try engine.claimIdempotencyKey("key-\(key)", ttlSeconds: 60) { firsts.add() }
                } catch {
                    failures.add()
                }
            }
        }
        #expect(failures.value == 0)
        #expect(firsts.value == 50)
        #expect(try engine.store.idempotencyClaimCount() == 50)
    }

    @Test func twoEnginesOnOneFileAgreeOnTheFirstClaim() throws {
        let directory = temporaryDirectory()
        defer { _ = system("rm -rf \(directory)") }
        let config = #"{"store": {"path": "\#(directory)/parley.db"}}"#
        let a = try Engine(configJSON: config)
        let b = try Engine(configJSON: config)
        defer { a.close(); b.close() }
        let firsts = Counter()
        onThreads(4) { index in
            let engine = index % 2 == 0 ? a : b
            for key in 0..<25 where (try? engine.claimIdempotencyKey("shared-\(key)", ttlSeconds: 60)) == true {
                firsts.add()
            }
        }
        #expect(firsts.value == 25)
    }

    @Test func expiredClaimsArePurgedInBoundedBatches() throws {
        let engine = try Engine()
        let t0: Int64 = 1_000_000
        for i in 0..<300 { #expect(try engine.claimIdempotencyKey("old-\(i)", ttlSeconds: 1, now: t0)) }
        #expect(try engine.store.idempotencyClaimCount() <= 300)
        // Later claims purge the expired ones a batch at a time, never the live ones.
        for i in 0..<(Reliability.purgeEvery * 3) {
            #expect(try engine.claimIdempotencyKey("new-\(i)", ttlSeconds: 60, now: t0 + 5_000))
        }
        let remaining = try engine.store.idempotencyClaimCount()
        #expect(remaining == Reliability.purgeEvery * 3)
        #expect(try !engine.claimIdempotencyKey("new-0", ttlSeconds: 60, now: t0 + 5_000))
    }

    @Test func badClaimsAreRefused() throws {
        let engine = try Engine()
        let cases: [(String, Int64)] = [("", 10), (String(repeating: "k", count: 513), 10), ("k", 0), ("k", -5),
                                        ("k", Engine.maxIdempotencyTTLSeconds + 1)]
        for (key, ttl) in cases {
            do {
                _ = try engine.claimIdempotencyKey(key, ttlSeconds: ttl)
                Issue.record("accepted key of \(key.utf8.count) bytes, ttl \(ttl)")
            } catch {
                #expect(error.kind == .invalidArgument)
            }
        }
        #expect(try engine.claimIdempotencyKey(String(repeating: "k", count: 512), ttlSeconds: Engine.maxIdempotencyTTLSeconds))
        #expect(throws: ParleyError.self) { try engine.releaseIdempotencyKey("") }
        #expect(throws: ParleyError.self) { try engine.claimIdempotencyKey("k", ttlSeconds: 1, now: -1) }
        engine.close()
        do {
            _ = try engine.claimIdempotencyKey("k", ttlSeconds: 1)
            Issue.record("a closed store accepted a claim")
        } catch {
            #expect(error.kind == .storage)
        }
    }
}
