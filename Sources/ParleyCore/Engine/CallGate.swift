#if canImport(Glibc)
import Glibc
#endif

/// Counts the host's calls in progress on an engine so `close` waits for them: the header
/// promises a close from a garbage collector's finalizer never pulls the store from under a
/// `process` still enriching on another thread. Once closing, new calls are refused.
/// A close made from inside a call on the same thread (a log callback that closes) does not
/// wait for that call, which could never finish first.
public final class CallGate: @unchecked Sendable {
    // @unchecked: `active` and `closing` change only under `mutex`.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let idle = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var active = 0
    private var closing = false

    /// This thread's calls in progress, on any engine (an engine's own calls are at most these).
    private static let depthKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    public init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(idle, nil)
    }

    deinit {
        pthread_cond_destroy(idle)
        pthread_mutex_destroy(mutex)
        idle.deallocate()
        mutex.deallocate()
    }

    private static var depth: Int {
        get { Int(bitPattern: pthread_getspecific(depthKey)) }
        set { pthread_setspecific(depthKey, UnsafeRawPointer(bitPattern: newValue)) }
    }

    /// Starts a call; false once the engine is closing (the call must not proceed).
    public func enter() -> Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard !closing else { return false }
        active += 1
        Self.depth += 1
        return true
    }

    public func leave() {
        pthread_mutex_lock(mutex)
        active -= 1
        Self.depth -= 1
        if closing { pthread_cond_broadcast(idle) }
        pthread_mutex_unlock(mutex)
    }

    /// Refuses new calls from now on.
    func beginClosing() {
        pthread_mutex_lock(mutex)
        closing = true
        pthread_mutex_unlock(mutex)
    }

    /// Waits until no call is in progress but those of the calling thread.
    func waitForCalls() {
        pthread_mutex_lock(mutex)
        while active > Self.depth { pthread_cond_wait(idle, mutex) }
        pthread_mutex_unlock(mutex)
    }
}
