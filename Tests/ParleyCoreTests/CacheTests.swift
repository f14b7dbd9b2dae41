import Synchronization
import Testing
@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif


private func putBytes(_ cache: APICache, _ key: String, _ bytes: [UInt8], now: Int64, _ options: CachePutOptions = CachePutOptions()) throws {
    // withUnsafeBytes does not carry typed throws: the outcome comes back as a Result.
    let result = bytes.withUnsafeBytes { buffer in
        Result { () throws(ParleyError) -> CachedValue in try cache.put(key, bytes: buffer, now: now, options: options) }
    }
    _ = try result.get()
}

private func put(_ cache: APICache, _ key: String, _ text: String, now: Int64, _ options: CachePutOptions = CachePutOptions()) throws {
    try putBytes(cache, key, Array(text.utf8), now: now, options)
}

private func text(_ lookup: CacheLookup) throws -> String? {
    switch lookup {
    case .fresh(let v), .stale(let v): return String(decoding: try v.bytes(), as: UTF8.self)
    case .miss: return nil
    }
}

private func isStale(_ lookup: CacheLookup) -> Bool {
    if case .stale = lookup { return true }
    return false
}

private func options(ttl: Int64? = nil, stale: Int64? = nil, tags: [String] = [], invalidates: [String] = [], lease: UInt64 = 0) -> CachePutOptions {
    var o = CachePutOptions()
    o.ttlMillis = ttl
    o.staleMillis = stale
    o.tags = tags
    o.invalidates = invalidates
    o.lease = lease
    return o
}

@Suite struct CacheTests {
    @Test func ttlThenStaleThenGone() throws {
        var settings = CacheSettings()
        settings.ttlMillis = 1_000
        settings.staleMillis = 500
        let cache = APICache(settings: settings)
        try put(cache, "sheets:rent!A1:F20", "[[\"unit\",\"rent\"]]", now: 10_000)
        #expect(try text(cache.get("sheets:rent!A1:F20", now: 10_999)) == "[[\"unit\",\"rent\"]]")
        #expect(!isStale(try cache.get("sheets:rent!A1:F20", now: 10_999)))
        #expect(isStale(try cache.get("sheets:rent!A1:F20", now: 11_000)))
        #expect(isStale(try cache.get("sheets:rent!A1:F20", now: 11_499)))
        #expect(try text(cache.get("sheets:rent!A1:F20", now: 11_500)) == nil)
        let stats = cache.statistics()
        #expect(stats.hits == 2 && stats.staleHits == 2 && stats.misses == 1 && stats.expirations == 1 && stats.entries == 0)
        #expect(stats.bytes == 0)
        // A put's own TTL wins over the default.
        try put(cache, "k", "v", now: 0, options(ttl: 50, stale: 0))
        #expect(try text(cache.get("k", now: 49)) == "v")
        #expect(try text(cache.get("k", now: 50)) == nil)
    }

    @Test func emptyAndBinaryValues() throws {
        let cache = APICache()
        try put(cache, "empty", "", now: 1)
        guard case .fresh(let empty) = try cache.get("empty", now: 2) else { Issue.record("empty value missing"); return }
        #expect(empty.count == 0)
        let binary: [UInt8] = [0, 255, 0, 1, 0x80]
        try putBytes(cache, "bin", binary, now: 1)
        guard case .fresh(let value) = try cache.get("bin", now: 2) else { Issue.record("binary value missing"); return }
        #expect(try value.bytes() == binary)
    }

    @Test func badKeysAreRefused() throws {
        let cache = APICache()
        #expect(throws: ParleyError.self) { try cache.get("", now: 0) }
        #expect(throws: ParleyError.self) { try cache.get(String(repeating: "k", count: 1_025), now: 0) }
        do {
            _ = try CachePutOptions.parse("{\"ttl\": 5}", settings: CacheSettings(), what: "options_json")
            Issue.record("an unknown option key passed")
        } catch { #expect(error.kind == .invalidArgument) }
        do {
            _ = try CachePutOptions.parse("{\"tags\": [\"\"]}", settings: CacheSettings(), what: "options_json")
            Issue.record("an empty tag passed")
        } catch { #expect(error.kind == .invalidArgument) }
        do {
            _ = try CachePutOptions.parse("[1]", settings: CacheSettings(), what: "options_json")
            Issue.record("an array as options passed")
        } catch { #expect(error.kind == .invalidArgument) }
        // Right-to-left, emoji and joiners are just bytes of a key.
        try put(cache, "tenant:مرحبا:👩‍👩‍👧", "x", now: 0)
        #expect(try text(cache.get("tenant:مرحبا:👩‍👩‍👧", now: 1)) == "x")
    }

    @Test func compressionOfLargeValues() throws {
        let cache = APICache()
        var rows = "["
        for i in 0..<2_000 { rows += "[\"unit \(i)\", \"tenant \(i % 97)\", \(1_000 + i % 300), \"paid\"]," }
        rows += "[]]"
        try put(cache, "sheets:tenants", rows, now: 0)
        let stats = cache.statistics()
        #expect(stats.compressedEntries == 1)
        print("compression ratio on \(rows.utf8.count) bytes of rows: \(stats.compressionRatio)")
        #expect(stats.compressionRatio > 3)
        #expect(stats.bytes < rows.utf8.count / 2)
        #expect(try text(cache.get("sheets:tenants", now: 1)) == rows)
        // Random bytes do not deflate: kept as they are.
        var random = [UInt8](repeating: 0, count: 20_000)
        var seed: UInt64 = 42
        for i in random.indices { seed = seed &* 6364136223846793005 &+ 1442695040888963407; random[i] = UInt8(truncatingIfNeeded: seed >> 33) }
        try putBytes(cache, "random", random, now: 0)
        #expect(cache.statistics().compressedEntries == 1)
        guard case .fresh(let value) = try cache.get("random", now: 1) else { Issue.record("random value missing"); return }
        #expect(try value.bytes() == random)
    }

    @Test func lruEvictionUnderTheCap() throws {
        var settings = CacheSettings()
        settings.maxBytes = 64 * 1_024
        let cache = APICache(settings: settings)
        let value = String(repeating: "x", count: 1_000)
        for i in 0..<40 { try put(cache, "key-\(i)", value, now: Int64(i)) }
        // Key 0 is read, so it is recent; key 1 is the oldest then.
        _ = try cache.get("key-0", now: 100)
        for i in 40..<200 { try put(cache, "key-\(i)", value, now: Int64(i)) }
        let stats = cache.statistics()
        #expect(stats.bytes <= settings.maxBytes)
        #expect(stats.evictions > 100)
        #expect(try text(cache.get("key-1", now: 300)) == nil)
        #expect(try text(cache.get("key-199", now: 300)) == value)
        // Global LRU: everything left is newer than everything evicted (key-0 aside, read late).
        var survivors: [Int] = []
        for i in 1..<200 where try text(cache.get("key-\(i)", now: 300)) != nil { survivors.append(i) }
        #expect(survivors == Array(survivors.first!..<200), "survivors are a contiguous newest run: \(survivors)")
        // One value above the cap (even deflated: random bytes) is refused.
        var huge = [UInt8](repeating: 0, count: 70 * 1_024)
        var seed: UInt64 = 7
        for i in huge.indices { seed = seed &* 6364136223846793005 &+ 1442695040888963407; huge[i] = UInt8(truncatingIfNeeded: seed >> 33) }
        do {
            try putBytes(cache, "huge", huge, now: 0, options(ttl: 1))
            Issue.record("a value above the cap was stored")
        } catch let error as ParleyError { #expect(error.kind == .tooLarge) }
    }

    @Test func tagAndPrefixInvalidation() throws {
        let cache = APICache()
        try put(cache, "sheets:rent!A1:F200", "r", now: 0, options(tags: ["sheet:rent"]))
        try put(cache, "sheets:rent:unit:12", "r12", now: 0, options(tags: ["sheet:rent", "unit:12"]))
        try put(cache, "sheets:tenants:unit:12", "t12", now: 0, options(tags: ["sheet:tenants", "unit:12"]))
        try put(cache, "sheets:units", "u", now: 0)
        #expect(cache.invalidate(tag: "unit:12") == 2)
        #expect(try text(cache.get("sheets:rent:unit:12", now: 1)) == nil)
        #expect(try text(cache.get("sheets:rent!A1:F200", now: 1)) == "r")
        #expect(cache.invalidate(tag: "unit:12") == 0)
        // A write names what it invalidates.
        try put(cache, "sheets:rent:unit:7", "new", now: 2, options(tags: ["sheet:rent"], invalidates: ["sheet:rent"]))
        #expect(try text(cache.get("sheets:rent!A1:F200", now: 3)) == nil)
        #expect(try text(cache.get("sheets:rent:unit:7", now: 3)) == "new")
        #expect(cache.invalidate(prefix: "sheets:") == 2)
        #expect(cache.statistics().entries == 0)
        #expect(try cache.invalidate(key: "sheets:units") == false)
    }

    @Test func leasesAreSingleFlight() throws {
        var settings = CacheSettings()
        settings.leaseMillis = 1_000
        let cache = APICache(settings: settings)
        let first = try cache.lease("k", now: 100)
        #expect(first != 0)
        #expect(try cache.lease("k", now: 200) == 0)
        // Expired on the host's clock: the next caller takes it; the old holder's put is not stored.
        let second = try cache.lease("k", now: 1_100)
        #expect(second != 0 && second != first)
        try put(cache, "k", "old", now: 1_200, options(lease: first))
        #expect(try text(cache.get("k", now: 1_201)) == nil)
        #expect(cache.statistics().leasesLost == 1)
        try put(cache, "k", "new", now: 1_200, options(lease: second))
        #expect(try text(cache.get("k", now: 1_201)) == "new")
        // A write while a fetch is in flight keeps the fetch's (older) value out.
        let third = try cache.lease("k2", now: 0)
        try put(cache, "k2", "written", now: 1)
        try put(cache, "k2", "fetched-before-the-write", now: 2, options(lease: third))
        #expect(try text(cache.get("k2", now: 3)) == "written")
        // So does the invalidation of a tag the fetched value carries.
        let fourth = try cache.lease("k3", now: 0)
        _ = cache.invalidate(tag: "sheet:rent")
        try put(cache, "k3", "v", now: 1, options(tags: ["sheet:rent"], lease: fourth))
        #expect(try text(cache.get("k3", now: 2)) == nil)
        // Each lease whose value was kept out counts: expired, written over, invalidated.
        #expect(cache.statistics().leasesLost == 3)
        // Release frees the lease at once.
        let fifth = try cache.lease("k4", now: 0)
        #expect(try cache.release("k4", lease: fifth))
        #expect(try cache.lease("k4", now: 0) != 0)
    }

    @Test func fetchOnMissThenHitThenStaleRefresh() throws {
        var settings = CacheSettings()
        settings.ttlMillis = 1_000
        settings.staleMillis = 1_000
        let cache = APICache(settings: settings)
        var calls = 0
        let fetcher: (String) throws(ParleyError) -> CacheFetchReply = { key in
            calls += 1
            return CacheFetchReply(bytes: Array("\(key)#\(calls)".utf8))
        }
        var r = try cache.fetch("k", now: 0, options: CachePutOptions(), fetcher: fetcher)
        #expect(try String(decoding: r.value.bytes(), as: UTF8.self) == "k#1" && !r.stale)
        r = try cache.fetch("k", now: 500, options: CachePutOptions(), fetcher: fetcher)
        #expect(calls == 1 && !r.stale)
        // Stale: this caller is the only one around, so it refreshes and gets the new value.
        r = try cache.fetch("k", now: 1_500, options: CachePutOptions(), fetcher: fetcher)
        #expect(try calls == 2 && !r.stale && String(decoding: r.value.bytes(), as: UTF8.self) == "k#2")
        // A failing refresh answers with the stale value.
        let failing: (String) throws(ParleyError) -> CacheFetchReply = { (_: String) throws(ParleyError) -> CacheFetchReply in throw ParleyError(.timeout, "sheets timed out") }
        r = try cache.fetch("k", now: 2_700, options: CachePutOptions(), fetcher: failing)
        #expect(try r.stale && String(decoding: r.value.bytes(), as: UTF8.self) == "k#2")
        // A failing fetch on a miss is the fetcher's error.
        do {
            _ = try cache.fetch("other", now: 0, options: CachePutOptions(), fetcher: failing)
            Issue.record("a failed fetch answered")
        } catch { #expect(error.kind == .timeout) }
        // The reply's options win: a 10 ms TTL.
        let short: (String) throws(ParleyError) -> CacheFetchReply = { _ in CacheFetchReply(bytes: [1], options: "{\"ttlMs\": 10, \"staleMs\": 0}") }
        _ = try cache.fetch("short", now: 0, options: CachePutOptions(), fetcher: short)
        #expect(try text(cache.get("short", now: 10)) == nil)
        let stats = cache.statistics()
        #expect(stats.fetchFailures == 2)
    }

    /// A lease its holder never completes is taken over: by `lease` once leaseMs pass on the
    /// host's clock, by a blocked `fetch` once it has waited leaseMs of real time.
    @Test func abandonedLeaseIsTakenOver() throws {
        var settings = CacheSettings()
        settings.leaseMillis = 50
        let cache = APICache(settings: settings)
        let held = try cache.lease("k", now: 0)
        #expect(held != 0)
        var calls = 0
        let started = ContinuousClock.now
        let result = try cache.fetch("k", now: 10, options: CachePutOptions()) { (_: String) throws(ParleyError) -> CacheFetchReply in
            calls += 1
            return CacheFetchReply(bytes: Array("mine".utf8))
        }
        let waited = ContinuousClock.now - started
        let fetched = String(decoding: try result.value.bytes(), as: UTF8.self)
        #expect(calls == 1 && fetched == "mine")
        #expect(waited >= .milliseconds(45), "waited \(waited)")
        // The old holder's late put is not stored over the newer value.
        try put(cache, "k", "late", now: 20, options(lease: held))
        #expect(try text(cache.get("k", now: 21)) == "mine")
        // A prefix invalidation while a fetch is in flight keeps its value out.
        let lease = try cache.lease("sheets:rent:1", now: 0)
        _ = cache.invalidate(prefix: "sheets:rent")
        try put(cache, "sheets:rent:1", "before the write", now: 1, options(lease: lease))
        #expect(try text(cache.get("sheets:rent:1", now: 2)) == nil)
    }

    /// 16 threads miss the same key at once: one fetch, every thread gets its value.
    @Test func concurrentMissesFetchOnce() throws {
        let cache = APICache()
        let calls = Counter()
        let answers = Counter()
        onThreads(16) { _ in
            let result = try? cache.fetch("sheets:tenants", now: 5, options: CachePutOptions()) { (_: String) throws(ParleyError) -> CacheFetchReply in
                calls.add()
                usleep(50_000)
                return CacheFetchReply(bytes: Array("rows".utf8))
            }
            if let result, (try? result.value.bytes()) == Array("rows".utf8) { answers.add() }
        }
        #expect(calls.value == 1)
        #expect(answers.value == 16)
        let stats = cache.statistics()
        #expect(stats.fetches == 1 && stats.coalesced == 15 && stats.apiCallsSaved == 15)
    }

    /// A fetcher failure reaches every waiter.
    @Test func concurrentFailureReachesWaiters() throws {
        let cache = APICache()
        let calls = Counter()
        let failures = Counter()
        onThreads(8) { _ in
            do throws(ParleyError) {
                _ = try cache.fetch("k", now: 5, options: CachePutOptions()) { (_: String) throws(ParleyError) -> CacheFetchReply in
                    calls.add()
                    usleep(50_000)
                    throw ParleyError(.timeout, "the API timed out")
                }
            } catch {
                if error.kind == .timeout { failures.add() }
            }
        }
        #expect(calls.value == 1)
        #expect(failures.value == 8)
    }

    /// In the stale window exactly one of many concurrent callers refreshes; the others get
    /// the stale value without waiting.
    @Test func concurrentStaleRefreshOnce() throws {
        var settings = CacheSettings()
        settings.ttlMillis = 1_000
        let cache = APICache(settings: settings)
        try put(cache, "k", "old", now: 0)
        let calls = Counter()
        let staleAnswers = Counter()
        onThreads(12) { _ in
            guard let result = try? cache.fetch("k", now: 1_500, options: CachePutOptions(), fetcher: { (_: String) throws(ParleyError) -> CacheFetchReply in
                calls.add()
                usleep(100_000)
                return CacheFetchReply(bytes: Array("new".utf8))
            }) else { return }
            if result.stale { staleAnswers.add() }
        }
        #expect(calls.value == 1)
        #expect(staleAnswers.value == 11)
        #expect(try text(cache.get("k", now: 1_600)) == "new")
    }

    /// Many threads hammer overlapping keys with gets, puts and invalidations: the books
    /// balance and nothing crashes.
    @Test func concurrentMixedLoadKeepsTheBooks() throws {
        var settings = CacheSettings()
        settings.maxBytes = 256 * 1_024
        let cache = APICache(settings: settings)
        onThreads(8) { thread in
            var seed = UInt64(thread + 1)
            for i in 0..<3_000 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                let key = "k\(Int(seed >> 40) % 300)"
                switch i % 10 {
                case 0, 1:
                    let value = [UInt8](repeating: UInt8(i & 0xFF), count: Int(seed >> 50) % 4_000)
                    value.withUnsafeBytes { b in _ = try? cache.put(key, bytes: b, now: Int64(i), options: options(tags: ["t\(Int(seed >> 45) % 7)"])) }
                case 2: _ = cache.invalidate(tag: "t\(i % 7)")
                case 3: _ = try? cache.invalidate(key: key)
                default: _ = try? cache.get(key, now: Int64(i))
                }
            }
        }
        let stats = cache.statistics()
        #expect(stats.bytes <= settings.maxBytes)
        #expect(stats.bytes >= 0 && stats.entries >= 0)
        _ = cache.invalidate(prefix: "")
        let after = cache.statistics()
        #expect(after.entries == 0 && after.bytes == 0 && after.valueBytes == 0)
    }

    @Test func engineConfigurationAndStats() throws {
        let engine = try Engine(configJSON: #"{"cache": {"ttlMs": 2000, "staleMs": 0, "maxBytes": 1048576, "compressAboveBytes": 0}}"#)
        defer { engine.close() }
        #expect(engine.configuration.cache.ttlMillis == 2_000)
        let stored = Array("v".utf8).withUnsafeBytes { b in
            Result { () throws(ParleyError) in try engine.cachePut(key: "a", value: b, now: 10, options: #"{"tags": ["x"]}"#) }
        }
        try stored.get()
        #expect(try engine.cacheGet(key: "a", now: 2_009) != nil)
        #expect(try engine.cacheGet(key: "a", now: 2_010) == nil)
        let stats = engine.cacheStats()
        #expect(stats["schema"] == .int(1) && stats["hits"] == .int(1) && stats["misses"] == .int(1) && stats["maxBytes"] == .int(1_048_576))
        do {
            _ = try Engine(configJSON: #"{"cache": {"ttl": 5}}"#)
            Issue.record("an unknown cache key passed")
        } catch { #expect(error.kind == .invalidConfig) }
        do {
            _ = try Engine(configJSON: #"{"cache": {"maxBytes": 10}}"#)
            Issue.record("a tiny cap passed")
        } catch { #expect(error.kind == .invalidConfig) }
        #expect(throws: ParleyError.self) { try engine.cacheGet(key: "a", now: -1) }
    }
}
