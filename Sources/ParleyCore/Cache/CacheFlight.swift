#if canImport(Glibc)
import Glibc
#endif

/// One fetch of a key in flight: the lease its fetcher holds, and what the callers waiting for
/// it are woken with. At most one per key (single flight).
final class CacheFlight: @unchecked Sendable {
    // @unchecked: `outcome` only under `mutex`; `invalidated` only under the shard's lock.
    enum Outcome: Sendable {
        case value(CachedValue)
        case failed(ParleyError)
        /// The lease was given up (released, or timed out): a waiter tries to take it.
        case abandoned
    }

    let id: UInt64
    /// The host's now_ms when it was granted (parley_cache_lease judges expiry on it).
    let grantedAt: Int64
    /// The tag-invalidation sequence at grant: a tag invalidated after it keeps the result out.
    let invalidationSequence: UInt64
    /// Set (under the shard's lock) when the key was invalidated or written meanwhile: the
    /// result still answers the waiters but is not stored, being possibly older than the write.
    var invalidated = false

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var outcome: Outcome?

    init(id: UInt64, grantedAt: Int64, invalidationSequence: UInt64) {
        self.id = id
        self.grantedAt = grantedAt
        self.invalidationSequence = invalidationSequence
        pthread_mutex_init(mutex, nil)
        Threads.initMonotonicCondition(condition)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Wakes every waiter with `outcome` (the first completion wins).
    func complete(_ result: Outcome) {
        pthread_mutex_lock(mutex)
        if outcome == nil { outcome = result }
        pthread_cond_broadcast(condition)
        pthread_mutex_unlock(mutex)
    }

    /// Waits up to `millis` of real time for the outcome; nil if it did not come.
    func wait(millis: Int64) -> Outcome? {
        var deadline = Threads.deadline(afterMillis: Int(millis))
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while outcome == nil {
            if pthread_cond_timedwait(condition, mutex, &deadline) == ETIMEDOUT { break }
        }
        return outcome
    }
}

/// The tags invalidated lately, numbered, so a fetch that completes can tell whether one of
/// its value's tags was invalidated while it ran (then its value is not stored).
struct TagInvalidationLog {
    static let capacity = 4_096
    private(set) var sequence: UInt64 = 0
    private var ring: [(sequence: UInt64, tag: String)] = []
    private var next = 0

    mutating func record(_ tag: String) {
        sequence += 1
        if ring.count < Self.capacity { ring.append((sequence, tag)) } else { ring[next] = (sequence, tag) }
        next = (next + 1) % Self.capacity
    }

    /// Whether any of `tags` was invalidated after `since`. Conservatively true when the log no
    /// longer reaches back that far.
    func invalidated(_ tags: [String], since: UInt64) -> Bool {
        guard sequence > since, !tags.isEmpty else { return false }
        if sequence - since > UInt64(ring.count) { return true }
        return ring.contains { $0.sequence > since && tags.contains($0.tag) }
    }
}
