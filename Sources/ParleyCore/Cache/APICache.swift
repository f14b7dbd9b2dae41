import Synchronization

/// What a lookup found.
public enum CacheLookup: Sendable {
    case fresh(CachedValue)
    /// Past its TTL but inside its stale window: usable while one caller refreshes it.
    case stale(CachedValue)
    case miss
}

/// What a host fetcher answers: the value's bytes and, optionally, put options JSON for it
/// ({"ttlMs", "staleMs", "tags"}), which take precedence over the fetch call's.
public struct CacheFetchReply: Sendable {
    public var bytes: [UInt8]
    public var options: String?

    public init(bytes: [UInt8], options: String? = nil) {
        self.bytes = bytes
        self.options = options
    }
}

/// The cache of the host's reads (Google Sheets ranges and the like): in memory, per engine.
///
/// - Keys live in 16 shards, each behind its own lock, so threads reading different keys do
///   not wait on each other. Recency is a cache-wide counter, so eviction takes the globally
///   least recently used entry (the oldest of the shards' tails) until the charged bytes are
///   back under `maxBytes`.
/// - Time is the host's (`now` in ms): a value is fresh until put time + TTL, then stale (still
///   served, flagged) for the stale window, then gone.
/// - Single flight: a key has at most one fetch in flight (a lease). `fetch` callers that miss
///   while it runs wait for its value (or its error); callers that find the value stale get it
///   at once and only the lease holder refreshes.
/// - A put, key invalidation or prefix invalidation while a fetch is in flight, or the
///   invalidation of one of its value's tags, keeps that fetch's value out of the cache (it
///   may predate the write); its waiters still get it.
public final class APICache: Sendable {
    public let settings: CacheSettings
    static let shardCount = 16
    private let shards: [Guarded<CacheShard>]
    private let totalBytes = Atomic<Int>(0)
    private let ticks = Atomic<UInt64>(0)
    private let flightIDs = Atomic<UInt64>(0)
    private let coalesced = Atomic<Int>(0)
    private let fetchFailures = Atomic<Int>(0)
    private let leasesLost = Atomic<Int>(0)
    private let tagLog = Guarded(TagInvalidationLog())

    public init(settings: CacheSettings = CacheSettings()) {
        self.settings = settings
        shards = (0..<Self.shardCount).map { _ in Guarded(CacheShard()) }
    }

    private func shard(_ key: String) -> Guarded<CacheShard> {
        var hasher = Hasher()
        hasher.combine(key)
        return shards[Int(UInt(bitPattern: hasher.finalize()) % UInt(Self.shardCount))]
    }

    private func tick() -> UInt64 { ticks.wrappingAdd(1, ordering: .relaxed).newValue }

    func validate(key: String, what: String = "key") throws(ParleyError) {
        guard !key.isEmpty else { throw ParleyError(.invalidArgument, "the cache \(what) is empty") }
        guard key.utf8.count <= settings.maxKeyBytes else {
            throw ParleyError(.invalidArgument, "the cache \(what) is \(key.utf8.count) bytes; at most \(settings.maxKeyBytes) (cache.maxKeyBytes)")
        }
    }

    // MARK: Reads

    /// The value of `key` at `now`: fresh, stale (inside the stale window) or a miss (absent or
    /// expired; an expired entry is dropped).
    public func get(_ key: String, now: Int64) throws(ParleyError) -> CacheLookup {
        try validate(key: key)
        let tick = tick()
        var freed = 0
        let result = shard(key).withLock { s -> CacheLookup in
            guard let i = s.index[key] else {
                s.counters.misses += 1
                return .miss
            }
            let node = s.nodes[Int(i)]
            if now < node.freshUntil, let value = node.value {
                s.counters.hits += 1
                s.touch(i, tick: tick)
                return .fresh(value)
            }
            if now < node.staleUntil, let value = node.value {
                s.counters.staleHits += 1
                s.touch(i, tick: tick)
                return .stale(value)
            }
            freed = s.remove(i)
            s.counters.expirations += 1
            s.counters.misses += 1
            return .miss
        }
        if freed > 0 { totalBytes.subtract(freed, ordering: .relaxed) }
        return result
    }

    // MARK: Leases (single flight for hosts that fetch themselves)

    /// Grants the lease to fetch `key` (a non-zero id) unless another caller holds one that
    /// has not expired (`leaseMillis` after it was granted, on the host's clock): then 0.
    public func lease(_ key: String, now: Int64) throws(ParleyError) -> UInt64 {
        try validate(key: key)
        var abandoned: CacheFlight?
        let id = shard(key).withLock { s -> UInt64 in
            if let held = s.flights[key] {
                guard now >= held.grantedAt &+ settings.leaseMillis else { return 0 }
                s.flights[key] = nil
                abandoned = held
            }
            let flight = newFlight(now: now)
            s.flights[key] = flight
            s.counters.fetches += 1
            return flight.id
        }
        abandoned?.complete(.abandoned)
        return id
    }

    /// Gives a lease up (the fetch failed): waiters are woken and one of them may take it.
    /// Releasing a lease no longer held does nothing. Returns whether it was held.
    @discardableResult
    public func release(_ key: String, lease: UInt64) throws(ParleyError) -> Bool {
        try validate(key: key)
        let flight = shard(key).withLock { s -> CacheFlight? in
            guard let held = s.flights[key], held.id == lease else { return nil }
            s.flights[key] = nil
            return held
        }
        guard let flight else { return false }
        fetchFailures.add(1, ordering: .relaxed)
        flight.complete(.abandoned)
        return true
    }

    private func newFlight(now: Int64) -> CacheFlight {
        CacheFlight(id: flightIDs.wrappingAdd(1, ordering: .relaxed).newValue, grantedAt: now,
                    invalidationSequence: tagLog.withLock { $0.sequence })
    }

    // MARK: Writes

    /// Stores `bytes` under `key` at `now` with `options`; with a lease, completes it (the
    /// value is then stored only if nothing invalidated the key meanwhile and the lease is
    /// still held). Returns the value as stored (or as it would have been).
    @discardableResult
    public func put(_ key: String, bytes: UnsafeRawBufferPointer, now: Int64, options: CachePutOptions) throws(ParleyError) -> CachedValue {
        try validate(key: key)
        for tag in options.invalidates { _ = invalidate(tag: tag) }
        let value = CachedValue(bytes, compressAbove: settings.compressAboveBytes)
        let charge = Self.charge(keyBytes: key.utf8.count, value: value, tags: options.tags)
        var failure: ParleyError?
        if charge > settings.maxBytes {
            failure = ParleyError(.tooLarge, "the cache value is \(bytes.count) bytes (\(charge) counted); the cache holds at most \(settings.maxBytes) (cache.maxBytes)")
        }
        let ttl = options.ttlMillis ?? settings.ttlMillis
        let stale = options.staleMillis ?? settings.staleMillis
        let freshUntil = now.addingReportingOverflow(ttl).overflow ? Int64.max : now + ttl
        let staleUntil = freshUntil.addingReportingOverflow(stale).overflow ? Int64.max : freshUntil + stale
        let tick = tick()
        var delta = 0
        let completed = shard(key).withLock { s -> CacheFlight? in
            var store = failure == nil
            var completed: CacheFlight?
            if options.lease != 0 {
                if let held = s.flights[key], held.id == options.lease {
                    s.flights[key] = nil
                    completed = held
                    // A write or an invalidation since the lease was granted: its value is older.
                    if held.invalidated || tagLog.withLock({ $0.invalidated(options.tags, since: held.invalidationSequence) }) {
                        store = false
                        leasesLost.add(1, ordering: .relaxed)
                    }
                } else {
                    store = false
                    leasesLost.add(1, ordering: .relaxed)
                }
            } else if let inFlight = s.flights[key] {
                inFlight.invalidated = true
            }
            guard store else { return completed }
            s.counters.puts += 1
            delta += s.insert(key: key, value: value, tags: options.tags, freshUntil: freshUntil, staleUntil: staleUntil,
                              charge: charge, tick: tick)
            // Opportunistically drop a few entries past their stale window from the cold end.
            var dropped = 0
            while dropped < 4, s.tail >= 0, s.nodes[Int(s.tail)].staleUntil <= now {
                delta -= s.remove(s.tail)
                s.counters.expirations += 1
                dropped += 1
            }
            return completed
        }
        if let failure {
            completed?.complete(.failed(failure))
            throw failure
        }
        completed?.complete(.value(value))
        if delta != 0 { totalBytes.add(delta, ordering: .relaxed) }
        evictIfNeeded()
        return value
    }

    /// Drops `key`. Returns whether it was cached.
    @discardableResult
    public func invalidate(key: String) throws(ParleyError) -> Bool {
        try validate(key: key)
        let freed = shard(key).withLock { s -> Int? in
            s.flights[key]?.invalidated = true
            guard let i = s.index[key] else { return nil }
            s.counters.invalidations += 1
            return s.remove(i)
        }
        guard let freed else { return false }
        totalBytes.subtract(freed, ordering: .relaxed)
        return true
    }

    /// Drops every entry tagged `tag`; returns how many. A fetch in flight whose value carries
    /// the tag does not store it.
    public func invalidate(tag: String) -> Int {
        tagLog.withLock { $0.record(tag) }
        var count = 0
        var freed = 0
        for shard in shards {
            shard.withLock { s in
                guard let slots = s.tagIndex[tag] else { return }
                for slot in slots {
                    freed += s.remove(slot)
                    count += 1
                }
                s.counters.invalidations += slots.count
            }
        }
        if freed > 0 { totalBytes.subtract(freed, ordering: .relaxed) }
        return count
    }

    /// Drops every key starting with `prefix` (bytewise; "" drops everything); returns how many.
    public func invalidate(prefix: String) -> Int {
        var count = 0
        var freed = 0
        for shard in shards {
            shard.withLock { s in
                for (key, flight) in s.flights where key.utf8.starts(with: prefix.utf8) { flight.invalidated = true }
                let slots = s.index.compactMap { $0.key.utf8.starts(with: prefix.utf8) ? $0.value : nil }
                for slot in slots { freed += s.remove(slot) }
                count += slots.count
                s.counters.invalidations += slots.count
            }
        }
        if freed > 0 { totalBytes.subtract(freed, ordering: .relaxed) }
        return count
    }

    // MARK: Get or fetch

    /// The value of `key`, fetched by `fetcher` on a miss: with one fetch per key at a time,
    /// callers that miss meanwhile wait for its value (or its failure). A stale value is
    /// returned at once (`stale`: true) to every caller but one, which refreshes it and gets
    /// the new value (or, if the fetcher fails, the stale one). The fetcher runs on the calling
    /// thread, outside every lock.
    public func fetch(_ key: String, now: Int64, options: CachePutOptions,
                      fetcher: (String) throws(ParleyError) -> CacheFetchReply) throws(ParleyError) -> (value: CachedValue, stale: Bool) {
        try validate(key: key)
        enum Step {
            case hit(CachedValue, stale: Bool)
            case lead(CacheFlight, stale: CachedValue?)
            case wait(CacheFlight)
        }
        var firstPass = true
        while true {
            let tick = tick()
            var freed = 0
            let counted = firstPass
            firstPass = false
            let step = shard(key).withLock { s -> Step in
                if let i = s.index[key] {
                    let node = s.nodes[Int(i)]
                    if now < node.freshUntil, let value = node.value {
                        if counted { s.counters.hits += 1 }
                        s.touch(i, tick: tick)
                        return .hit(value, stale: false)
                    }
                    if now < node.staleUntil, let value = node.value {
                        if counted { s.counters.staleHits += 1 }
                        s.touch(i, tick: tick)
                        if s.flights[key] != nil { return .hit(value, stale: true) }
                        let flight = newFlight(now: now)
                        s.flights[key] = flight
                        s.counters.fetches += 1
                        return .lead(flight, stale: value)
                    }
                    freed = s.remove(i)
                    s.counters.expirations += 1
                }
                if counted { s.counters.misses += 1 }
                if let flight = s.flights[key] { return .wait(flight) }
                let flight = newFlight(now: now)
                s.flights[key] = flight
                s.counters.fetches += 1
                return .lead(flight, stale: nil)
            }
            if freed > 0 { totalBytes.subtract(freed, ordering: .relaxed) }
            switch step {
            case .hit(let value, let stale):
                return (value, stale)
            case .wait(let flight):
                switch flight.wait(millis: settings.leaseMillis) {
                case .value(let value):
                    coalesced.add(1, ordering: .relaxed)
                    return (value, false)
                case .failed(let error):
                    throw error
                case .abandoned:
                    continue
                case nil:
                    // The holder ran past the lease: take it over.
                    shard(key).withLock { s in
                        if s.flights[key] === flight { s.flights[key] = nil }
                    }
                    flight.complete(.abandoned)
                    continue
                }
            case .lead(let flight, let stale):
                return try lead(key, flight: flight, stale: stale, now: now, options: options, fetcher: fetcher)
            }
        }
    }

    private func lead(_ key: String, flight: CacheFlight, stale: CachedValue?, now: Int64, options: CachePutOptions,
                      fetcher: (String) throws(ParleyError) -> CacheFetchReply) throws(ParleyError) -> (value: CachedValue, stale: Bool) {
        do throws(ParleyError) {
            let reply = try fetcher(key)
            var merged = options
            if let text = reply.options {
                merged = options.overridden(by: try CachePutOptions.parse(text, settings: settings, what: "the fetcher's options_json",
                                                                           allowed: ["ttlMs", "staleMs", "tags"]))
            }
            merged.invalidates = []
            merged.lease = flight.id
            // withUnsafeBytes does not carry typed throws: the result comes back as a Result.
            let stored = reply.bytes.withUnsafeBytes { bytes in
                Result { () throws(ParleyError) -> CachedValue in try put(key, bytes: bytes, now: now, options: merged) }
            }
            return (try stored.get(), false)
        } catch {
            fetchFailures.add(1, ordering: .relaxed)
            shard(key).withLock { s in
                if s.flights[key] === flight { s.flights[key] = nil }
            }
            flight.complete(.failed(error))
            if let stale { return (stale, true) }
            throw error
        }
    }

    // MARK: Memory

    /// Evicts least recently used entries, cache-wide, while the charged bytes exceed the cap.
    private func evictIfNeeded() {
        while totalBytes.load(ordering: .relaxed) > settings.maxBytes {
            var oldest: (shard: Int, tick: UInt64)?
            for (n, shard) in shards.enumerated() {
                guard let tick = shard.withLock({ $0.tailTick }) else { continue }
                if oldest == nil || tick < oldest!.tick { oldest = (n, tick) }
            }
            guard let oldest else { return }
            let freed = shards[oldest.shard].withLock { s -> Int in
                guard s.tail >= 0 else { return 0 }
                s.counters.evictions += 1
                return s.remove(s.tail)
            }
            totalBytes.subtract(freed, ordering: .relaxed)
        }
    }

    /// What one entry counts against the cap: the key, the stored bytes as allocated, the tags,
    /// and the bookkeeping (its slot, index and tag-index entries, heap headers). Strings of up
    /// to 15 bytes live inline; longer ones take a heap block with a 32-byte header.
    static func charge(keyBytes: Int, value: CachedValue, tags: [String]) -> Int {
        func heapString(_ bytes: Int) -> Int { bytes > 15 ? bytes + 32 : 0 }
        var total = MemoryLayout<CacheShard.Node>.stride + 48 + heapString(keyBytes) + value.storedCapacity + 32
        if !tags.isEmpty {
            total += 32 + tags.count * 16
            for tag in tags { total += heapString(tag.utf8.count) + 24 }
        }
        return total
    }

    // MARK: Statistics

    public struct Statistics: Sendable {
        public var hits = 0, staleHits = 0, misses = 0, fetches = 0, coalesced = 0, fetchFailures = 0
        public var puts = 0, evictions = 0, expirations = 0, invalidations = 0, leasesLost = 0, inFlight = 0
        public var entries = 0, bytes = 0, valueBytes = 0, storedBytes = 0
        public var compressedEntries = 0, compressedValueBytes = 0, compressedStoredBytes = 0

        /// Lookups answered (fresh, stale or not).
        public var requests: Int { hits + staleHits + misses }
        public var hitRate: Double { requests == 0 ? 0 : Double(hits + staleHits) / Double(requests) }
        /// Calls a host without the cache would have made (one per request) minus the fetches made.
        public var apiCallsSaved: Int { max(0, requests - fetches) }
        public var compressionRatio: Double {
            compressedStoredBytes == 0 ? 1 : Double(compressedValueBytes) / Double(compressedStoredBytes)
        }
    }

    public func statistics() -> Statistics {
        var stats = Statistics()
        for shard in shards {
            shard.withLock { s in
                let c = s.counters
                stats.hits += c.hits; stats.staleHits += c.staleHits; stats.misses += c.misses; stats.fetches += c.fetches
                stats.puts += c.puts; stats.evictions += c.evictions; stats.expirations += c.expirations
                stats.invalidations += c.invalidations; stats.entries += c.entries; stats.bytes += c.bytes
                stats.valueBytes += c.valueBytes; stats.storedBytes += c.storedBytes
                stats.compressedEntries += c.compressedEntries; stats.compressedValueBytes += c.compressedValueBytes
                stats.compressedStoredBytes += c.compressedStoredBytes
                stats.inFlight += s.flights.count
            }
        }
        stats.coalesced = coalesced.load(ordering: .relaxed)
        stats.fetchFailures = fetchFailures.load(ordering: .relaxed)
        stats.leasesLost = leasesLost.load(ordering: .relaxed)
        return stats
    }
}
