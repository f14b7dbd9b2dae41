import Glibc

/// Whether the current thread is inside the host's result callback. `drain` and `close`
/// called from there would wait for that very callback to return: the C API refuses the
/// first and closes in the background for the second, instead of hanging the worker.
public enum ResultCallbackScope {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    public static var isActive: Bool { pthread_getspecific(key) != nil }

    static func run(_ body: () -> Void) {
        let outer = pthread_getspecific(key)
        pthread_setspecific(key, UnsafeRawPointer(bitPattern: 1))
        defer { pthread_setspecific(key, outer) }
        body()
    }
}
