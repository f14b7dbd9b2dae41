#if canImport(Glibc)
import Glibc
#endif

/// The POSIX-thread idioms of the engine's background loops (workers, checkpoints, the
/// write-behind, leases), written once.
enum Threads {
    struct StartFailure: Error {
        /// pthread_create's error number.
        let code: Int32
    }

    /// Starts a thread that runs `body`; what `body` captures stays alive until it returns.
    static func start(_ body: @escaping () -> Void) -> Result<pthread_t, StartFailure> {
        final class Box {
            let body: () -> Void
            init(_ body: @escaping () -> Void) { self.body = body }
        }
        var thread = pthread_t()
        let context = Unmanaged.passRetained(Box(body)).toOpaque()
        let rc = pthread_create(&thread, nil, { context in
            Unmanaged<Box>.fromOpaque(context!).takeRetainedValue().body()
            return nil
        }, context)
        guard rc == 0 else {
            Unmanaged<Box>.fromOpaque(context).release()
            return .failure(StartFailure(code: rc))
        }
        return .success(thread)
    }

    /// Initializes a condition variable whose timed waits count on CLOCK_MONOTONIC (a clock
    /// change must not stretch or cut a wait).
    static func initMonotonicCondition(_ condition: UnsafeMutablePointer<pthread_cond_t>) {
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    /// CLOCK_MONOTONIC now plus `millis`: a deadline for such a condition's timed wait.
    static func deadline(afterMillis millis: Int) -> timespec {
        var deadline = timespec()
        clock_gettime(CLOCK_MONOTONIC, &deadline)
        let nanos = Int(deadline.tv_nsec) + (millis % 1000) * 1_000_000
        deadline.tv_sec += time_t(millis / 1000 + nanos / 1_000_000_000)
        deadline.tv_nsec = nanos % 1_000_000_000
        return deadline
    }
}
