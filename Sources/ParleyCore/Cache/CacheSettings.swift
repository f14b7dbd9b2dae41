/// The "cache" section of the configuration: the in-memory cache of the host's reads (Google
/// Sheets ranges, a property API) behind parley_cache_*. Every key optional:
///   "cache": {"ttlMs": 3600000, "staleMs": 300000, "maxBytes": 314572800,
///             "compressAboveBytes": 10240, "maxKeyBytes": 1024, "leaseMs": 30000}
public struct CacheSettings: Sendable, Equatable {
    /// How long a value is fresh after it was put (a put's "ttlMs" overrides it).
    public var ttlMillis: Int64 = 3_600_000
    /// How long after that it is still served, marked stale, while one caller refreshes it.
    public var staleMillis: Int64 = 300_000
    /// The memory cap: keys, stored bytes and bookkeeping, counted per entry. Least recently
    /// used entries are evicted beyond it.
    public var maxBytes = 300 << 20
    /// Values longer than this are deflated (zlib) when that saves at least an eighth; 0 never.
    public var compressAboveBytes = 10 << 10
    /// Longest key or tag, in UTF-8 bytes.
    public var maxKeyBytes = 1_024
    /// A lease (one caller fetching a key) not completed within this long is given to the next
    /// caller: judged on the host's now_ms by parley_cache_lease, on the real time a caller has
    /// waited by parley_cache_fetch.
    public var leaseMillis: Int64 = 30_000

    public init() {}

    public init(json object: JSONObject, path: String) throws(ParleyError) {
        self.init()
        var r = Configuration.Reader(object: object, path: path)
        func range(_ value: Int64, _ bounds: ClosedRange<Int64>, _ key: String) throws(ParleyError) -> Int64 {
            guard bounds.contains(value) else {
                throw ParleyError(.invalidConfig, "\(path)\(key) must be between \(bounds.lowerBound) and \(bounds.upperBound), got \(value)")
            }
            return value
        }
        if let v = try r.int("ttlMs") { ttlMillis = try range(v, 1...31_536_000_000, "ttlMs") }
        if let v = try r.int("staleMs") { staleMillis = try range(v, 0...31_536_000_000, "staleMs") }
        if let v = try r.int("maxBytes") { maxBytes = Int(try range(v, 4_096...(1 << 40), "maxBytes")) }
        if let v = try r.int("compressAboveBytes") { compressAboveBytes = Int(try range(v, 0...(1 << 30), "compressAboveBytes")) }
        if let v = try r.int("maxKeyBytes") { maxKeyBytes = Int(try range(v, 16...65_536, "maxKeyBytes")) }
        if let v = try r.int("leaseMs") { leaseMillis = try range(v, 1...3_600_000, "leaseMs") }
        try r.finish()
    }
}

/// What a put (or a fetch, for the value it fetches) may say about one value:
/// {"ttlMs"?, "staleMs"?, "tags"?: [..], "invalidates"?: [tags], "lease"?: n}.
public struct CachePutOptions: Sendable, Equatable {
    public var ttlMillis: Int64?
    public var staleMillis: Int64?
    public var tags: [String] = []
    /// Tags whose entries this put invalidates first ("invalidation on write").
    public var invalidates: [String] = []
    /// The lease this value answers (parley_cache_lease), 0 for none.
    public var lease: UInt64 = 0

    public static let maxTags = 32

    public init() {}

    /// Parses options JSON; `allowed` names the keys this call accepts.
    static func parse(_ text: String?, settings: CacheSettings, what: String,
                      allowed: Set<String> = ["ttlMs", "staleMs", "tags", "invalidates", "lease"]) throws(ParleyError) -> CachePutOptions {
        var options = CachePutOptions()
        // NULL means the defaults; "" is no JSON object (PARLEY_MALFORMED_JSON, as for config_json).
        guard let text else { return options }
        let parsed = try JSONParser.parse(text)
        guard case .object(let object) = parsed else {
            throw ParleyError(.invalidArgument, "\(what) must be a JSON object, got \(parsed.typeName)")
        }
        for key in object.keys where !allowed.contains(key) {
            throw ParleyError(.invalidArgument, "\(what): unknown key \"\(key)\" (expected \(allowed.sorted().joined(separator: ", ")))")
        }
        func millis(_ key: String, _ bounds: ClosedRange<Int64>) throws(ParleyError) -> Int64? {
            guard let value = object[key], !value.isNull else { return nil }
            guard let number = value.int64Value, bounds.contains(number) else {
                throw ParleyError(.invalidArgument, "\(what): \(key) must be an integer between \(bounds.lowerBound) and \(bounds.upperBound)")
            }
            return number
        }
        func names(_ key: String) throws(ParleyError) -> [String] {
            guard let value = object[key], !value.isNull else { return [] }
            guard let list = value.arrayValue else { throw ParleyError(.invalidArgument, "\(what): \(key) must be an array of strings") }
            guard list.count <= maxTags else { throw ParleyError(.invalidArgument, "\(what): at most \(maxTags) \(key), got \(list.count)") }
            var result: [String] = []
            for item in list {
                guard let name = item.stringValue, !name.isEmpty, name.utf8.count <= settings.maxKeyBytes else {
                    throw ParleyError(.invalidArgument, "\(what): every one of \(key) must be a non-empty string of at most \(settings.maxKeyBytes) bytes")
                }
                if !result.contains(name) { result.append(name) }
            }
            return result
        }
        options.ttlMillis = try millis("ttlMs", 1...31_536_000_000)
        options.staleMillis = try millis("staleMs", 0...31_536_000_000)
        options.tags = try names("tags")
        options.invalidates = try names("invalidates")
        if let lease = try millis("lease", 0...(1 << 53)) { options.lease = UInt64(lease) }
        return options
    }

    /// `self`, with what `other` sets taking precedence (a fetcher's reply over the call's options).
    func overridden(by other: CachePutOptions) -> CachePutOptions {
        var merged = self
        if let ttl = other.ttlMillis { merged.ttlMillis = ttl }
        if let stale = other.staleMillis { merged.staleMillis = stale }
        if !other.tags.isEmpty { merged.tags = other.tags }
        return merged
    }
}
