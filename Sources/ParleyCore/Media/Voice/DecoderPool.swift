#if canImport(Glibc)
import Glibc
#endif

/// At most `capacity` decoders, created on first need and reused; a caller beyond waits for
/// one to be handed back. A failed creation frees its place (the next caller tries again).
final class DecoderPool<Decoder: AnyObject & Sendable>: @unchecked Sendable {
    // @unchecked: `idle` and `created` are only touched with `mutex` held.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let available = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var idle: [Decoder] = []
    private var created = 0
    let capacity: Int
    private let make: @Sendable () throws(ParleyError) -> Decoder

    init(capacity: Int, make: @escaping @Sendable () throws(ParleyError) -> Decoder) {
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

    /// How many decoders exist now (for tests).
    var createdCount: Int {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return created
    }

    func withDecoder<T>(_ body: (Decoder) throws(ParleyError) -> T) throws(ParleyError) -> T {
        let decoder = try acquire()
        defer { release(decoder) }
        return try body(decoder)
    }

    private func acquire() throws(ParleyError) -> Decoder {
        pthread_mutex_lock(mutex)
        while idle.isEmpty && created >= capacity {
            pthread_cond_wait(available, mutex)
        }
        if let decoder = idle.popLast() {
            pthread_mutex_unlock(mutex)
            return decoder
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

    private func release(_ decoder: Decoder) {
        pthread_mutex_lock(mutex)
        idle.append(decoder)
        pthread_cond_signal(available)
        pthread_mutex_unlock(mutex)
    }
}
