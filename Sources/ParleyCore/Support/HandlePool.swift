#if canImport(Glibc)
import Glibc
#endif

/// At most `capacity` native handles (Tesseract APIs, PocketSphinx handles), created on first
/// need and reused; a caller beyond waits for one to be handed back. A failed creation frees
/// its place (the next caller tries again).
final class HandlePool<Handle: AnyObject & Sendable>: @unchecked Sendable {
    // @unchecked: `idle` and `created` are only touched with `mutex` held.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let available = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var idle: [Handle] = []
    private var created = 0
    /// Handles left busy on another thread (`detach`), until `reattach`.
    private var detached: Set<ObjectIdentifier> = []
    let capacity: Int
    private let make: @Sendable () throws(ParleyError) -> Handle

    init(capacity: Int, make: @escaping @Sendable () throws(ParleyError) -> Handle) {
        self.capacity = max(1, capacity)
        self.make = make
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(available, nil)
    }

    deinit {
        pthread_cond_destroy(available)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        available.deallocate()
    }

    /// How many handles exist now (for tests).
    var createdCount: Int {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return created
    }

    /// How many handles are detached now (for tests).
    var detachedCount: Int {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return detached.count
    }

    func withHandle<T>(_ body: (Handle) throws(ParleyError) -> T) throws(ParleyError) -> T {
        let handle = try acquire()
        defer { release(handle) }
        return try body(handle)
    }

    private func acquire() throws(ParleyError) -> Handle {
        pthread_mutex_lock(mutex)
        // A detached handle does not hold up the others' callers: up to `capacity` more may be
        // made while some are detached.
        while idle.isEmpty && (created - detached.count >= capacity || created >= 2 * capacity) {
            pthread_cond_wait(available, mutex)
        }
        if let handle = idle.popLast() {
            pthread_mutex_unlock(mutex)
            return handle
        }
        created += 1
        pthread_mutex_unlock(mutex)
        do {
            return try make()
        } catch {
            pthread_mutex_lock(mutex)
            created -= 1
            pthread_cond_signal(available)
            pthread_mutex_unlock(mutex)
            throw error
        }
    }

    private func release(_ handle: Handle) {
        pthread_mutex_lock(mutex)
        if !detached.contains(ObjectIdentifier(handle)) {
            idle.append(handle)
            pthread_cond_signal(available)
        }
        pthread_mutex_unlock(mutex)
    }

    /// The caller of `withHandle` leaves `handle` busy on another thread (a native call that
    /// outlived its time limit): it is not taken back at the end of `withHandle`, but by
    /// `reattach` once that call has returned.
    func detach(_ handle: Handle) {
        pthread_mutex_lock(mutex)
        detached.insert(ObjectIdentifier(handle))
        pthread_mutex_unlock(mutex)
    }

    /// A detached handle is free again: kept for the next caller, or dropped when the pool
    /// made others in its place meanwhile.
    func reattach(_ handle: Handle) {
        pthread_mutex_lock(mutex)
        if detached.remove(ObjectIdentifier(handle)) != nil {
            if created > capacity {
                created -= 1
            } else {
                idle.append(handle)
            }
            pthread_cond_signal(available)
        }
        pthread_mutex_unlock(mutex)
    }
}
