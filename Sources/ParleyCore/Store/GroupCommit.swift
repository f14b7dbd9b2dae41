#if canImport(Glibc)
import Glibc
#endif

/// Group commit for concurrent callers. A thread that wants to journal while another
/// thread's transaction is running waits for it, then the first waiter (the leader) commits
/// everything that queued up meanwhile in one transaction and hands each caller its own
/// results. One caller at a time pays exactly what it paid before; many callers share one
/// BEGIN/COMMIT and one WAL sync point. Every caller still returns only after the commit
/// that holds its messages.
final class GroupCommit: @unchecked Sendable {
    // @unchecked: `queue`, `committing` and the requests' outcomes change only under `mutex`.
    private final class Request {
        let entries: [Store.JournalEntry]
        var outcome: Result<[Store.Journaled], ParleyError>?

        init(_ entries: [Store.JournalEntry]) {
            self.entries = entries
        }
    }

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let done = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var queue: [Request] = []
    private var committing = false
    /// At most this many messages go into one transaction.
    private let maxBatch = 512

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(done, nil)
    }

    deinit {
        pthread_cond_destroy(done)
        pthread_mutex_destroy(mutex)
        done.deallocate()
        mutex.deallocate()
    }

    /// Journals `entries` through `commit`, possibly together with other callers' entries.
    func journal(_ entries: [Store.JournalEntry],
                 commit: ([Store.JournalEntry]) throws(ParleyError) -> [Store.Journaled]) throws(ParleyError) -> [Store.Journaled] {
        let mine = Request(entries)
        pthread_mutex_lock(mutex)
        queue.append(mine)
        while mine.outcome == nil {
            if committing {
                pthread_cond_wait(done, mutex)
                continue
            }
            // Lead: take what has queued up (mine among it) and commit it as one transaction.
            committing = true
            var group: [Request] = []
            var count = 0
            while let next = queue.first, group.isEmpty || count + next.entries.count <= maxBatch {
                group.append(queue.removeFirst())
                count += next.entries.count
            }
            pthread_mutex_unlock(mutex)
            let outcome = Result { () throws(ParleyError) in try commit(group.flatMap(\.entries)) }
            pthread_mutex_lock(mutex)
            var offset = 0
            for request in group {
                switch outcome {
                case .success(let results):
                    request.outcome = .success(Array(results[offset..<offset + request.entries.count]))
                case .failure(let error):
                    request.outcome = .failure(error)
                }
                offset += request.entries.count
            }
            committing = false
            pthread_cond_broadcast(done)
        }
        pthread_mutex_unlock(mutex)
        return try mine.outcome!.get()
    }
}
