#if canImport(Glibc)
import Glibc
#endif

/// The numbers of journal rows and inbox tickets: unique among all the engines that share a
/// store file, since a host deduplicates results by ticket. Each engine had counted on its
/// own from what the file held at open, so two engines on one file gave out the same tickets
/// for different messages (found by an outside host's two-process crash loop).
///
/// An engine takes numbers a block at a time from `<store>-seq` (the next free number, 8
/// bytes little endian), under an flock held only while it reads and writes it. The file
/// needs no sync: after a crash each engine starts past what the journal and the inbox hold
/// (`floor`), and every open takes a block at once, so a recovered ticket is never given
/// again. A close gives back the rest of its block when no one took one since, so a lone
/// engine numbers without gaps across reopens. In memory (no file) it is a plain counter.
final class SequenceBlocks: Sendable {
    static let blockSize: Int64 = 1_024

    private struct State {
        /// The next number to give, and the end of the block it comes from.
        var next: Int64
        var end: Int64
        /// Every number up to this one is known to be taken (the floor, rows seen).
        var taken: Int64
        var closed = false
    }

    private let state: Guarded<State>
    private let fd: Int32
    private let path: String?

    /// `floor`: the highest number the journal and the inbox hold.
    init(storePath: String?, floor: Int64) throws(ParleyError) {
        guard let storePath else {
            fd = -1
            path = nil
            state = Guarded(State(next: floor + 1, end: .max, taken: floor))
            return
        }
        let path = storePath + "-seq"
        let fd = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw ParleyError(.storage, "cannot open the sequence file \(path): \(String(cString: strerror(errno)))")
        }
        self.fd = fd
        self.path = path
        state = Guarded(State(next: floor + 1, end: floor + 1, taken: floor))
        do {
            try state.withLock { (state: inout State) throws(ParleyError) in try claim(&state) }
        } catch {
            Glibc.close(fd)
            throw error
        }
    }

    /// A fresh number.
    func next() -> Int64 {
        state.withLock { state in
            if state.next >= state.end {
                // The file cannot be read or written: numbers past all known ones, alone.
                if state.closed || (try? claim(&state)) == nil { (state.next, state.end) = (state.taken + 1, state.taken + 2) }
            }
            defer { state.next += 1 }
            state.taken = max(state.taken, state.next)
            return state.next
        }
    }

    /// A row numbered elsewhere: numbers up to it are taken.
    func note(_ seq: Int64) {
        state.withLock { state in
            state.taken = max(state.taken, seq)
            if state.next <= seq { state.next = state.end }   // this block is no longer ours alone
        }
    }

    /// Gives back the rest of the block when no other engine took one since, and closes.
    func close() {
        guard fd >= 0 else { return }
        state.withLock { state in
            guard !state.closed else { return }
            if state.next < state.end, flock(fd, LOCK_EX) == 0 {
                if Self.read(fd) == state.end { Self.write(state.next, to: fd) }
                flock(fd, LOCK_UN)
            }
            // Numbers still wanted after the close (none should be) come from a fresh claim.
            state.end = state.next
            state.closed = true
            Glibc.close(fd)
        }
    }

    private func claim(_ state: inout State) throws(ParleyError) {
        guard flock(fd, LOCK_EX) == 0 else { throw failure("locking") }
        defer { flock(fd, LOCK_UN) }
        let start = max(Self.read(fd), state.taken + 1)
        let end = start + Self.blockSize
        guard Self.write(end, to: fd) else { throw failure("writing") }
        (state.next, state.end) = (start, end)
    }

    private func failure(_ what: String) -> ParleyError {
        ParleyError(.storage, "\(what) the sequence file \(path ?? "") failed: \(String(cString: strerror(errno)))")
    }

    private static func read(_ fd: Int32) -> Int64 {
        var value: Int64 = 0
        let n = withUnsafeMutableBytes(of: &value) { pread(fd, $0.baseAddress, 8, 0) }
        return n == 8 ? max(0, Int64(littleEndian: value)) : 0
    }

    @discardableResult
    private static func write(_ value: Int64, to fd: Int32) -> Bool {
        var little = value.littleEndian
        return withUnsafeBytes(of: &little) { pwrite(fd, $0.baseAddress, 8, 0) } == 8
    }
}
