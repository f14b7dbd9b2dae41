import Synchronization

/// The engine's in-memory reliability state: its circuit breakers and the count of claims,
/// which paces the purge of expired ones.
public final class Reliability: Sendable {
    /// Every this many claims, one claim also purges a batch of expired claims.
    static let purgeEvery = 64

    public let breakers: BreakerRegistry
    let claims = Atomic<Int>(0)

    public init(clock: BreakerClock = .monotonic) {
        breakers = BreakerRegistry(clock: clock)
    }
}

/// Idempotency claims and circuit breakers: what parley_idempotency_* and parley_breaker_*
/// call. Both guard the host's own side effects ("never lose, never double").
extension Engine {
    /// Longest idempotency key, in UTF-8 bytes.
    public static let maxIdempotencyKeyBytes = 512
    /// Longest a claim may be remembered: ten years.
    public static let maxIdempotencyTTLSeconds: Int64 = 315_360_000

    /// Claims `key` for `ttlSeconds`: true when this call claimed it (do the side effect),
    /// false when it was claimed before and the claim has not expired. Durable: a claim
    /// survives close and reopen. `now`: Unix milliseconds (tests); nil reads the wall clock,
    /// which, unlike a monotonic clock, keeps its meaning across restarts.
    public func claimIdempotencyKey(_ key: String, ttlSeconds: Int64, now: Int64? = nil) throws(ParleyError) -> Bool {
        try Self.validateIdempotencyKey(key)
        guard ttlSeconds > 0 && ttlSeconds <= Self.maxIdempotencyTTLSeconds else {
            throw ParleyError(.invalidArgument, "ttl_seconds must be between 1 and \(Self.maxIdempotencyTTLSeconds) (ten years), got \(ttlSeconds)")
        }
        try Self.validateTime(now)
        let now = now ?? Self.unixMillis()
        let purge = reliability.claims.wrappingAdd(1, ordering: .relaxed).oldValue % Reliability.purgeEvery == 0
        return try store.claimIdempotencyKey(key, now: now, expiresAt: now + ttlSeconds * 1000, purge: purge)
    }

    /// Forgets a claim (the side effect failed and may be retried). Releasing a key that is not
    /// claimed is no failure. Without a token, a release after the claim expired and another
    /// caller claimed the key again forgets that newer claim: release within the TTL.
    public func releaseIdempotencyKey(_ key: String) throws(ParleyError) {
        try Self.validateIdempotencyKey(key)
        try store.releaseIdempotencyKey(key)
    }

    static func validateIdempotencyKey(_ key: String) throws(ParleyError) {
        guard !key.isEmpty else { throw ParleyError(.invalidArgument, "the idempotency key is empty") }
        guard key.utf8.count <= maxIdempotencyKeyBytes else {
            throw ParleyError(.invalidArgument, "the idempotency key is \(key.utf8.count) bytes; at most \(maxIdempotencyKeyBytes)")
        }
    }

    /// Whether a call through breaker `name` may go ahead at `now` (the host's clock in
    /// milliseconds; nil: a monotonic clock). Creates the breaker, closed, on first use.
    public func breakerAllow(_ name: String, now: Int64? = nil) throws(ParleyError) -> Bool {
        try Self.validateTime(now)
        return try reliability.breakers.allow(name, now: now, settings: configuration.breakers)
    }

    /// Records the outcome of a call `breakerAllow` let through.
    public func breakerRecord(_ name: String, ok: Bool, micros: Int64, now: Int64? = nil) throws(ParleyError) {
        try Self.validateTime(now)
        try reliability.breakers.record(name, ok: ok, micros: micros, now: now, settings: configuration.breakers)
    }

    /// {"schema": 1, "breakers": [{"name", "state", "failureRate", "slowCallRate", "calls",
    /// "openedAt"?, "retryAt"?}]}: every breaker used so far or configured, by name.
    public func breakerStatus() -> JSONValue {
        let statuses = reliability.breakers.statuses(settings: configuration.breakers)
        return ["schema": .int(EnrichedContext.schema), "breakers": .array(statuses.map(\.json))]
    }

    /// Latest time accepted, in milliseconds: 2^53, the largest integer a JavaScript number
    /// holds exactly (the year 287396), so sums of times never overflow.
    public static let maxTimeMillis: Int64 = 1 << 53

    static func validateTime(_ now: Int64?) throws(ParleyError) {
        guard let now else { return }
        guard now >= 0 && now <= maxTimeMillis else {
            throw ParleyError(.invalidArgument, "now_ms must be between 0 and \(maxTimeMillis), got \(now)")
        }
    }
}
