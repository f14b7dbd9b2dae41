#if canImport(Glibc)
import Glibc
#endif

/// A value behind a pthread mutex. Used instead of Synchronization's `Mutex`, whose Linux
/// implementation caches each thread's id: in the child of a `fork` (a host that forks worker
/// processes after using Parley) the main thread keeps its parent's id, and the first lock
/// contended with another thread traps ("Unknown error occurred while attempting to acquire a
/// Mutex"). glibc's mutexes are fork-safe in that respect.
final class Guarded<Value: ~Copyable>: @unchecked Sendable {
    // @unchecked: `value` is only reached through `withLock`.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var value: Value

    init(_ value: consuming Value) {
        self.value = value
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func withLock<T: ~Copyable, E: Error>(_ body: (inout Value) throws(E) -> T) throws(E) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
