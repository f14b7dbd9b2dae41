/// The outbound scheduler's limits ("outbox" in the configuration). A preset sets a family of
/// values first; keys given next to it override them. Unknown keys are PARLEY_INVALID_CONFIG.
///
///     "outbox": {"preset": "default"|"cloudApi"|"unofficial",
///                "tier": 250|2000|10000|100000|0 (cloudApi: new contacts a day; 0 unlimited),
///                "perSecond": 30, "perMinute": 1000, "perHour": 10000,
///                "recipient": {"minSpacingMs": 1000, "burst": 3},
///                "newContactsPerDay": 1000 (0: no budget), "maxPerRecipientBatch": 1,
///                "priorityWeights": {"high": 16, "normal": 4, "low": 1},
///                "highReserve": 0.05 (a share of each window only high-priority sends may use),
///                "jitter": {"minMs": 0, "maxMs": 0, "seed": n},
///                "retries": {"max": 3, "baseMs": 1000, "maxMs": 300000},
///                "leaseMs": 60000, "rateLimitRetryMs": 1000,
///                "throttle": {"minFactor": 0.05, "recoverEveryMs": 10000, "recoverStep": 0.1},
///                "breaker": "whatsapp-send"}
public struct OutboxSettings: Sendable, Equatable {
    public enum Preset: String, Sendable {
        case `default`, cloudApi, unofficial
    }

    public var preset = Preset.default
    /// Sliding windows of 1 s, 1 min and 1 h over every send handed out, enforced together.
    public var perSecond = 30
    public var perMinute = 1_000
    public var perHour = 10_000
    /// Per recipient: a token bucket of `recipientBurst` sends refilled one per
    /// `recipientSpacingMillis` (0: no per-recipient limit).
    public var recipientSpacingMillis: Int64 = 1_000
    public var recipientBurst = 3
    /// Recipients reached in a rolling 24 h who were neither messaged in the previous 24 h nor
    /// wrote in the customer-service window (0: no budget).
    public var newContactsPerDay = 1_000
    /// Sends to one recipient in one batch (the host may send a batch in parallel).
    public var maxPerRecipientBatch = 1
    /// Shares of hand-outs while every lane waits: high, normal, low. Low is never starved.
    public var priorityWeights = [16, 4, 1]
    /// The share of each rate window (1 s, 1 min, 1 h) kept for high-priority sends: normal and
    /// low stop at `limit × (1 − highReserve)`, so an urgent reply never waits for the hour's
    /// budget that bulk sends used up (0: no reserve).
    public var highReserve = 0.05
    /// A random gap drawn between consecutive hand-outs (0, 0: none).
    public var jitterMinMillis: Int64 = 0
    public var jitterMaxMillis: Int64 = 0
    /// Seeds the jitter and retry randomness (tests); nil: seeded from the system.
    public var seed: UInt64?
    public var maxRetries = 3
    public var retryBaseMillis: Int64 = 1_000
    public var retryMaxMillis: Int64 = 300_000
    /// A send handed out and not confirmed within this is offered again.
    public var leaseMillis: Int64 = 60_000
    /// A send refused for a rate limit waits this long before it is offered again.
    public var rateLimitRetryMillis: Int64 = 1_000
    /// Adaptive throttling: a rate-limit error halves the limits' factor (not below
    /// `throttleMinFactor`, at most once a second); each `throttleRecoverMillis` without one adds
    /// `throttleRecoverStep` back, up to 1.
    public var throttleMinFactor = 0.05
    public var throttleRecoverMillis: Int64 = 10_000
    public var throttleRecoverStep = 0.1
    /// The 24-hour customer-service window.
    public var serviceWindowMillis: Int64 = 86_400_000
    /// The circuit breaker (Reliability) around the host's send API.
    public var breaker = "whatsapp-send"
    /// The WhatsApp number (or phone-number id) this engine sends through. On a shared
    /// PostgreSQL store the rate windows are counted per line for the whole fleet: instances
    /// with the same line share them, other lines have their own. "" (default): one line.
    public var line = ""

    public init() {}

    public init(preset: Preset, tier: Int? = nil) {
        self.preset = preset
        switch preset {
        case .default:
            break
        case .cloudApi:
            // Cloud API: 80 messages/s per business number; pair rate about one message per
            // 6 s to one user (error 131056); messaging limit tiers of unique customers reached
            // outside the service window in a rolling 24 h.
            perSecond = 80
            perMinute = 4_800
            perHour = 288_000
            recipientSpacingMillis = 6_000
            recipientBurst = 1
            newContactsPerDay = tier ?? 250
        case .unofficial:
            // whatsapp-web.js / Baileys: a personal number; sends at random gaps, a few a
            // minute, so no fixed interval betrays automation.
            perSecond = 1
            perMinute = 20
            perHour = 300
            recipientSpacingMillis = 5_000
            recipientBurst = 2
            newContactsPerDay = 50
            jitterMinMillis = 2_000
            jitterMaxMillis = 8_000
        }
    }

    static let tiers: Set<Int64> = [0, 250, 1_000, 2_000, 10_000, 100_000]

    public init(json object: JSONObject, path: String) throws(ParleyError) {
        var r = Configuration.Reader(object: object, path: path)
        var preset = Preset.default
        if let name = try r.string("preset") {
            guard let parsed = Preset(rawValue: name) else {
                throw ParleyError(.invalidConfig, "\(path)preset must be \"default\", \"cloudApi\" or \"unofficial\", got \"\(name)\"")
            }
            preset = parsed
        }
        var tier: Int?
        if let value = try r.int("tier") {
            guard Self.tiers.contains(value) else {
                throw ParleyError(.invalidConfig, "\(path)tier must be 250, 1000, 2000, 10000, 100000 or 0 (unlimited), got \(value)")
            }
            tier = Int(value)
        }
        self.init(preset: preset, tier: tier)
        if preset != .cloudApi, let tier { newContactsPerDay = tier }
        func range(_ value: Int64, _ bounds: ClosedRange<Int64>, _ name: String) throws(ParleyError) -> Int64 {
            guard bounds.contains(value) else {
                throw ParleyError(.invalidConfig, "\(path)\(name) must be between \(bounds.lowerBound) and \(bounds.upperBound), got \(value)")
            }
            return value
        }
        if let v = try r.string("line") {
            guard v.utf8.count <= 200, !v.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
                throw ParleyError(.invalidConfig, "\(path)line must be a name of at most 200 bytes without control characters")
            }
            line = v
        }
        if let v = try r.int("perSecond") { perSecond = Int(try range(v, 1...100_000, "perSecond")) }
        if let v = try r.int("perMinute") { perMinute = Int(try range(v, 1...6_000_000, "perMinute")) }
        if let v = try r.int("perHour") { perHour = Int(try range(v, 1...10_000_000, "perHour")) }
        if let recipient = try r.object("recipient") {
            var q = Configuration.Reader(object: recipient, path: "\(path)recipient.")
            if let v = try q.int("minSpacingMs") { recipientSpacingMillis = try range(v, 0...86_400_000, "recipient.minSpacingMs") }
            if let v = try q.int("burst") { recipientBurst = Int(try range(v, 1...1_000, "recipient.burst")) }
            try q.finish()
        }
        if let v = try r.int("newContactsPerDay") { newContactsPerDay = Int(try range(v, 0...10_000_000, "newContactsPerDay")) }
        if let v = try r.int("maxPerRecipientBatch") { maxPerRecipientBatch = Int(try range(v, 1...1_000, "maxPerRecipientBatch")) }
        if let v = try r.double("highReserve") {
            guard (0...0.9).contains(v) else { throw ParleyError(.invalidConfig, "\(path)highReserve must be between 0 and 0.9, got \(v)") }
            highReserve = v
        }
        if let weights = try r.object("priorityWeights") {
            var q = Configuration.Reader(object: weights, path: "\(path)priorityWeights.")
            for (index, lane) in ["high", "normal", "low"].enumerated() {
                if let v = try q.int(lane) { priorityWeights[index] = Int(try range(v, 1...1_000, "priorityWeights.\(lane)")) }
            }
            try q.finish()
        }
        if let jitter = try r.object("jitter") {
            var q = Configuration.Reader(object: jitter, path: "\(path)jitter.")
            if let v = try q.int("minMs") { jitterMinMillis = try range(v, 0...3_600_000, "jitter.minMs") }
            if let v = try q.int("maxMs") { jitterMaxMillis = try range(v, 0...3_600_000, "jitter.maxMs") }
            if let v = try q.int("seed") { seed = UInt64(bitPattern: v) }
            try q.finish()
        }
        guard jitterMinMillis <= jitterMaxMillis else {
            throw ParleyError(.invalidConfig, "\(path)jitter.minMs (\(jitterMinMillis)) must not exceed jitter.maxMs (\(jitterMaxMillis))")
        }
        if let retries = try r.object("retries") {
            var q = Configuration.Reader(object: retries, path: "\(path)retries.")
            if let v = try q.int("max") { maxRetries = Int(try range(v, 0...100, "retries.max")) }
            if let v = try q.int("baseMs") { retryBaseMillis = try range(v, 1...86_400_000, "retries.baseMs") }
            if let v = try q.int("maxMs") { retryMaxMillis = try range(v, 1...604_800_000, "retries.maxMs") }
            try q.finish()
        }
        if let v = try r.int("leaseMs") { leaseMillis = try range(v, 100...86_400_000, "leaseMs") }
        if let v = try r.int("rateLimitRetryMs") { rateLimitRetryMillis = try range(v, 0...86_400_000, "rateLimitRetryMs") }
        if let throttle = try r.object("throttle") {
            var q = Configuration.Reader(object: throttle, path: "\(path)throttle.")
            if let v = try q.double("minFactor") {
                guard v > 0 && v <= 1 else { throw ParleyError(.invalidConfig, "\(path)throttle.minFactor must be in (0, 1], got \(v)") }
                throttleMinFactor = v
            }
            if let v = try q.int("recoverEveryMs") { throttleRecoverMillis = try range(v, 1...86_400_000, "throttle.recoverEveryMs") }
            if let v = try q.double("recoverStep") {
                guard v > 0 && v <= 1 else { throw ParleyError(.invalidConfig, "\(path)throttle.recoverStep must be in (0, 1], got \(v)") }
                throttleRecoverStep = v
            }
            try q.finish()
        }
        if let name = try r.string("breaker") {
            do { try BreakerRegistry.validate(name: name) } catch { throw ParleyError(.invalidConfig, "\(path)breaker: \(error.message)") }
            breaker = name
        }
        try r.finish()
        guard perSecond <= perMinute, perMinute <= perHour else {
            throw ParleyError(.invalidConfig, "\(path)perSecond <= perMinute <= perHour must hold (\(perSecond), \(perMinute), \(perHour))")
        }
    }
}
