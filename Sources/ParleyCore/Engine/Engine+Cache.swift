/// The API cache (parley_cache_*): the host's reads of Google Sheets and the like, kept in
/// memory per engine (Cache/APICache.swift). Time is the host's `now` in milliseconds.
extension Engine {
    static let maxCacheTimeMillis: Int64 = 1 << 53

    static func validateCacheTime(_ now: Int64) throws(ParleyError) {
        guard now >= 0 && now <= maxCacheTimeMillis else {
            throw ParleyError(.invalidArgument, "now_ms must be between 0 and \(maxCacheTimeMillis), got \(now)")
        }
    }

    /// Stores a value; `options`: {"ttlMs", "staleMs", "tags", "invalidates", "lease"} or nil.
    public func cachePut(key: String, value: UnsafeRawBufferPointer, now: Int64, options: String?) throws(ParleyError) {
        try Self.validateCacheTime(now)
        let parsed = try CachePutOptions.parse(options, settings: cache.settings, what: "options_json")
        try cache.put(key, bytes: value, now: now, options: parsed)
    }

    /// The value of `key` at `now`; nil on a miss (absent, expired, invalidated, evicted).
    public func cacheGet(key: String, now: Int64) throws(ParleyError) -> (value: CachedValue, stale: Bool)? {
        try Self.validateCacheTime(now)
        switch try cache.get(key, now: now) {
        case .fresh(let value): return (value, false)
        case .stale(let value): return (value, true)
        case .miss: return nil
        }
    }

    /// The lease to fetch `key` (non-zero), or 0 when another caller holds it.
    public func cacheLease(key: String, now: Int64) throws(ParleyError) -> UInt64 {
        try Self.validateCacheTime(now)
        return try cache.lease(key, now: now)
    }

    public func cacheRelease(key: String, lease: UInt64) throws(ParleyError) {
        guard lease != 0 else { throw ParleyError(.invalidArgument, "lease 0 is no lease") }
        try cache.release(key, lease: lease)
    }

    @discardableResult
    public func cacheInvalidate(key: String) throws(ParleyError) -> Bool {
        try cache.invalidate(key: key)
    }

    public func cacheInvalidate(tag: String) throws(ParleyError) -> Int {
        try cache.validate(key: tag, what: "tag")
        return cache.invalidate(tag: tag)
    }

    public func cacheInvalidate(prefix: String) throws(ParleyError) -> Int {
        guard prefix.utf8.count <= cache.settings.maxKeyBytes else {
            throw ParleyError(.invalidArgument, "the cache prefix is \(prefix.utf8.count) bytes; at most \(cache.settings.maxKeyBytes) (cache.maxKeyBytes)")
        }
        return cache.invalidate(prefix: prefix)
    }

    /// Get-or-fetch with single flight; `options` ({"ttlMs", "staleMs", "tags"}) apply to the
    /// fetched value unless the fetcher's reply says otherwise.
    public func cacheFetch(key: String, now: Int64, options: String?,
                           fetcher: (String) throws(ParleyError) -> CacheFetchReply) throws(ParleyError) -> (value: CachedValue, stale: Bool) {
        try Self.validateCacheTime(now)
        let parsed = try CachePutOptions.parse(options, settings: cache.settings, what: "options_json", allowed: ["ttlMs", "staleMs", "tags"])
        return try cache.fetch(key, now: now, options: parsed, fetcher: fetcher)
    }

    /// What parley_cache_stats returns.
    public func cacheStats() -> JSONValue {
        let s = cache.statistics()
        return ["schema": .int(EnrichedContext.schema),
                "entries": .int(Int64(s.entries)), "bytes": .int(Int64(s.bytes)), "maxBytes": .int(Int64(cache.settings.maxBytes)),
                "valueBytes": .int(Int64(s.valueBytes)), "storedBytes": .int(Int64(s.storedBytes)),
                "compressedEntries": .int(Int64(s.compressedEntries)), "compressionRatio": .double(Self.rounded(s.compressionRatio)),
                "requests": .int(Int64(s.requests)), "hits": .int(Int64(s.hits)), "staleHits": .int(Int64(s.staleHits)),
                "misses": .int(Int64(s.misses)), "hitRate": .double(Self.rounded(s.hitRate)),
                "fetches": .int(Int64(s.fetches)), "coalesced": .int(Int64(s.coalesced)), "fetchFailures": .int(Int64(s.fetchFailures)),
                "apiCallsSaved": .int(Int64(s.apiCallsSaved)), "puts": .int(Int64(s.puts)), "evictions": .int(Int64(s.evictions)),
                "expirations": .int(Int64(s.expirations)), "invalidations": .int(Int64(s.invalidations)),
                "leasesLost": .int(Int64(s.leasesLost)), "inFlight": .int(Int64(s.inFlight))]
    }

    private static func rounded(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
}
