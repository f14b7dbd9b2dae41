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

    func withHandle<T>(_ body: (Handle) throws(ParleyError) -> T) throws(ParleyError) -> T {
        let handle = try acquire()
        defer { release(handle) }
        return try body(handle)
    }

    private func acquire() throws(ParleyError) -> Handle {
        pthread_mutex_lock(mutex)
        while idle.isEmpty && created >= capacity {
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
        idle.append(handle)
        pthread_cond_signal(available)
        pthread_mutex_unlock(mutex)
    }
}
