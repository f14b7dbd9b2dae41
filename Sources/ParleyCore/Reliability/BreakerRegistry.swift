
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

/// Where instances sharing a database keep their breakers' state (PostgreSQL: PGStore+Breakers,
/// table `breakers`, times on the database's clock).
protocol SharedBreakerStore: Sendable {
    /// The shared state of `name`; nil when no instance ever opened it.
    func sharedBreaker(_ name: String) throws(ParleyError) -> SharedBreakerView?
    /// This instance's breaker opened: open for everyone for `openMillis` (an open one is left as it is).
    func publishOpen(_ name: String, owner: String, openMillis: Int64) throws(ParleyError)
    /// The open period is over: true for the one instance that gets the half-open probe
    /// (the others keep refusing until it reports, or until its probe is overdue).
    func claimProbe(_ name: String, owner: String, openMillis: Int64) throws(ParleyError) -> Bool
    /// The probe this instance held succeeded: closed for everyone.
    func publishClosed(_ name: String, owner: String) throws(ParleyError)
}

struct SharedBreakerView: Sendable, Equatable {
    var state: CircuitBreaker.State
    /// Bumped at each opening and closing: an instance whose own breaker is open closes it
    /// when it sees a closing newer than its opening.
    var generation: Int64
    /// Open: until trial calls may go; half-open: until the probe is overdue (≤ 0: now).
    var remainingMillis: Int64
    var probeOwner: String?
}

/// The engine's breakers by name, each created on first use with the settings given for its
/// name then. In memory by default: a breaker's state does not survive a restart (a restarted
/// host starts closed).
///
/// Shared (`share(through:owner:)`, on PostgreSQL): each instance still judges its own calls
/// with its own breaker, but an opening is published, and every `allow` reads the shared state
/// through a cache of `cacheMillis` (1 s): an open breaker refuses on every instance within
/// that bound. When the open period ends, one instance claims the half-open probe (its trial
/// calls go, the others keep refusing) and publishes the outcome: closed for all, or open again.
/// If the database cannot be read, each instance falls back to its own breaker.
public final class BreakerRegistry: Sendable {
    /// Longest breaker name, in UTF-8 bytes.
    public static let maxNameBytes = 128
    /// Most breakers one engine keeps: names are meant to be a handful of dependencies, and
    /// a host minting one per user or per request would otherwise grow memory without bound.
    public static let maxBreakers = 1024

    public let clock: BreakerClock
    private let breakers = Guarded<[String: CircuitBreaker]>([:])

    struct SharedLink: Sendable {
        let store: any SharedBreakerStore
        let owner: String
        let cacheMillis: Int64
    }

    /// This instance's half-open probe of a shared breaker: its trial calls.
    struct Probe {
        var granted = 1
        var reported = 0
        var slow = 0
        var since: Int64
    }

    struct Sharing: ~Copyable {
        var link: SharedLink?
        var views: [String: (view: SharedBreakerView?, fetchedAt: Int64)] = [:]
        /// The latest generation seen per breaker.
        var generations: [String: Int64] = [:]
        var probes: [String: Probe] = [:]
    }

    private let sharing = Guarded(Sharing())

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
        let local = try breaker(name, settings: settings)
        guard let link = sharing.withLock({ $0.link }) else { return local.allow(now: now) }
        let config = local.config
        // This instance holds the probe: its trials.
        let probing = sharing.withLock { (state: inout Sharing) -> Bool? in
            guard var probe = state.probes[name] else { return nil }
            let elapsed = Self.monotonicMillis() - probe.since
            if probe.granted < config.halfOpenPermits {
                probe.granted += 1
            } else if elapsed >= config.openMillis {
                probe = Probe(since: Self.monotonicMillis())  // the trials never reported: a new round
            } else {
                return false
            }
            state.probes[name] = probe
            return true
        }
        if let probing { return probing }
        let view: SharedBreakerView?
        do {
            view = try sharedView(name, link)
        } catch {
            return local.allow(now: now)  // the database is unreachable: this instance's own breaker decides
        }
        if let view, view.state != .closed {
            guard view.remainingMillis <= 0 else { return false }
            let claimed = (try? link.store.claimProbe(name, owner: link.owner, openMillis: config.openMillis)) ?? false
            sharing.withLock { state in
                state.views[name] = nil
                if claimed { state.probes[name] = Probe(since: Self.monotonicMillis()) }
            }
            return claimed
        }
        if let view {
            let newer = sharing.withLock { (state: inout Sharing) -> Bool in
                let seen = state.generations[name] ?? 0
                state.generations[name] = max(seen, view.generation)
                return view.generation > seen
            }
            // Closed by another instance's probe since this one's breaker opened: closed here too.
            if newer && local.state != .closed { return reset(name, settings: settings).allow(now: now) }
        }
        return local.allow(now: now)
    }

    public func record(_ name: String, ok: Bool, micros: Int64, now: Int64? = nil,
                       settings: BreakerSettings = BreakerSettings()) throws(ParleyError) {
        guard micros >= 0 else { throw ParleyError(.invalidArgument, "micros must not be negative, got \(micros)") }
        let local = try breaker(name, settings: settings)
        guard let link = sharing.withLock({ $0.link }) else {
            local.record(ok: ok, micros: micros, now: now)
            return
        }
        let config = local.config
        let slow = micros > config.slowCallMicros
        // A trial of this instance's probe: the verdict is published for everyone.
        enum Verdict { case none, open, closed }
        let verdict = sharing.withLock { (state: inout Sharing) -> Verdict? in
            guard var probe = state.probes[name] else { return nil }
            guard probe.reported < probe.granted else { return Verdict.none }
            probe.reported += 1
            if slow { probe.slow += 1 }
            state.probes[name] = probe
            if !ok {
                state.probes[name] = nil
                return .open
            }
            guard probe.reported >= config.halfOpenPermits else { return Verdict.none }
            state.probes[name] = nil
            return Double(probe.slow) / Double(probe.reported) >= config.slowCallRate ? .open : .closed
        }
        if let verdict {
            switch verdict {
            case .none:
                return
            case .open:
                try? link.store.publishOpen(name, owner: link.owner, openMillis: config.openMillis)
            case .closed:
                try? link.store.publishClosed(name, owner: link.owner)
                _ = reset(name, settings: settings)
            }
            sharing.withLock { $0.views[name] = nil }
            return
        }
        let wasOpen = local.state == .open
        local.record(ok: ok, micros: micros, now: now)
        if !wasOpen && local.state == .open {
            try? link.store.publishOpen(name, owner: link.owner, openMillis: config.openMillis)
            sharing.withLock { $0.views[name] = nil }
        }
    }

    /// Shares the breakers' state with the other instances on `store` (this one named `owner`),
    /// read through a cache of `cacheMillis`.
    func share(through store: any SharedBreakerStore, owner: String, cacheMillis: Int64 = 1_000) {
        sharing.withLock { $0.link = SharedLink(store: store, owner: owner, cacheMillis: max(0, cacheMillis)) }
    }

    /// The breaker's status, with the shared state over this instance's own when shared (an
    /// open or half-open breaker of another instance shows here; its retry time is on the
    /// database's clock, so it is left out).
    func status(of name: String, settings: BreakerSettings = BreakerSettings()) throws(ParleyError) -> CircuitBreaker.Status {
        let local = try breaker(name, settings: settings).status
        return overlaid(local)
    }

    /// Every breaker used so far and every one named in `settings`, sorted by name.
    public func statuses(settings: BreakerSettings = BreakerSettings()) -> [CircuitBreaker.Status] {
        let known = breakers.withLock { table in
            for name in settings.named.keys where table[name] == nil && table.count < Self.maxBreakers {
                table[name] = CircuitBreaker(name: name, config: settings.config(for: name), clock: clock)
            }
            return Array(table.values)
        }
        return known.map { overlaid($0.status) }.sorted { $0.name < $1.name }
    }

    private func overlaid(_ local: CircuitBreaker.Status) -> CircuitBreaker.Status {
        guard let link = sharing.withLock({ $0.link }) else { return local }
        let mine = sharing.withLock { $0.probes[local.name] != nil }
        var state = CircuitBreaker.State.halfOpen
        if !mine {
            guard local.state == .closed, let view = try? sharedView(local.name, link), view.state != .closed else { return local }
            state = view.state
        }
        return CircuitBreaker.Status(name: local.name, state: state, failureRate: local.failureRate,
                                     slowCallRate: local.slowCallRate, calls: local.calls, openedAt: nil, retryAt: nil)
    }

    /// The shared state of `name`, read again when the cached one is older than the link's bound.
    private func sharedView(_ name: String, _ link: SharedLink) throws(ParleyError) -> SharedBreakerView? {
        let now = Self.monotonicMillis()
        if let cached = sharing.withLock({ $0.views[name] }), now - cached.fetchedAt < link.cacheMillis {
            guard var view = cached.view else { return nil }
            view.remainingMillis -= now - cached.fetchedAt
            return view
        }
        let view = try link.store.sharedBreaker(name)
        sharing.withLock { $0.views[name] = (view, now) }
        return view
    }

    /// Replaces `name`'s breaker with a closed one (the fleet closed it).
    private func reset(_ name: String, settings: BreakerSettings) -> CircuitBreaker {
        breakers.withLock { table in
            let fresh = CircuitBreaker(name: name, config: table[name]?.config ?? settings.config(for: name), clock: clock)
            table[name] = fresh
            return fresh
        }
    }

    private static func monotonicMillis() -> Int64 { BreakerClock.monotonic.nowMillis() }
}
