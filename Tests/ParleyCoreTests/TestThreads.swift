import Synchronization
#if canImport(Glibc)
import Glibc
#endif

// Concurrency helpers the suites share: real OS threads started together, so races are real.

/// A counter threads share.
final class Counter: Sendable {
    private let atomic = Atomic<Int>(0)
    func add(_ n: Int = 1) { atomic.add(n, ordering: .relaxed) }
    var value: Int { atomic.load(ordering: .acquiring) }
}

/// Runs `body(i)` for i in 0..<count on that many OS threads, released together.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    final class Job: @unchecked Sendable {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }
    let ready = Counter()
    var threads: [pthread_t] = []
    for index in 0..<count {
        let job = Job {
            ready.add()
            while ready.value < count { sched_yield() }
            body(index)
        }
        var thread = pthread_t()
        let rc = pthread_create(&thread, nil, { context in
            Unmanaged<Job>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, Unmanaged.passRetained(job).toOpaque())
        precondition(rc == 0, "pthread_create failed: \(rc)")
        threads.append(thread)
    }
    for thread in threads { pthread_join(thread, nil) }
}
