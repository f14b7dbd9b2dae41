
/// The "breakers" configuration: settings for every breaker ("default") and per name.
/// A named entry starts from the "default" entry's settings and overrides what it names.
public struct BreakerSettings: Sendable, Equatable {
    public var defaults = BreakerConfig()
    public var named: [String: BreakerConfig] = [:]

    public init() {}

    public func config(for name: String) -> BreakerConfig {
        named[name] ?? defaults
    }
}

/// The engine's breakers by name, each created on first use with the settings given for its
/// name then. In memory only: a breaker's state does not survive a restart (a restarted host
/// starts closed).
public final class BreakerRegistry: Sendable {
    /// Longest breaker name, in UTF-8 bytes.
    public static let maxNameBytes = 128
    /// Most breakers one engine keeps: names are meant to be a handful of dependencies, and
    /// a host minting one per user or per request would otherwise grow memory without bound.
    public static let maxBreakers = 1024

    public let clock: BreakerClock
    private let breakers = Guarded<[String: CircuitBreaker]>([:])

    public init(clock: BreakerClock = .monotonic) {
        self.clock = clock
    }

    /// The breaker called `name`, created closed on first use with `settings.config(for: name)`.
    public func breaker(_ name: String, settings: BreakerSettings = BreakerSettings()) throws(ParleyError) -> CircuitBreaker {
        try Self.validate(name: name)
        return try breakers.withLock { (table: inout [String: CircuitBreaker]) throws(ParleyError) -> CircuitBreaker in
            if let existing = table[name] { return existing }
            guard table.count < Self.maxBreakers else {
                throw ParleyError(.invalidArgument, "too many circuit breakers (at most \(Self.maxBreakers)); name one per dependency")
            }
            let created = CircuitBreaker(name: name, config: settings.config(for: name), clock: clock)
            table[name] = created
            return created
        }
    }

    public static func validate(name: String) throws(ParleyError) {
        guard !name.isEmpty else { throw ParleyError(.invalidArgument, "the breaker name is empty") }
        guard name.utf8.count <= maxNameBytes else {
            throw ParleyError(.invalidArgument, "the breaker name is \(name.utf8.count) bytes; at most \(maxNameBytes)")
        }
    }

    public func allow(_ name: String, now: Int64? = nil, settings: BreakerSettings = BreakerSettings()) throws(ParleyError) -> Bool {
        try breaker(name, settings: settings).allow(now: now)
    }

    public func record(_ name: String, ok: Bool, micros: Int64, now: Int64? = nil,
                       settings: BreakerSettings = BreakerSettings()) throws(ParleyError) {
        guard micros >= 0 else { throw ParleyError(.invalidArgument, "micros must not be negative, got \(micros)") }
        try breaker(name, settings: settings).record(ok: ok, micros: micros, now: now)
    }

    /// Every breaker used so far and every one named in `settings`, sorted by name.
    public func statuses(settings: BreakerSettings = BreakerSettings()) -> [CircuitBreaker.Status] {
        let known = breakers.withLock { table in
            for name in settings.named.keys where table[name] == nil && table.count < Self.maxBreakers {
                table[name] = CircuitBreaker(name: name, config: settings.config(for: name), clock: clock)
            }
            return Array(table.values)
        }
        return known.map(\.status).sorted { $0.name < $1.name }
    }
}
