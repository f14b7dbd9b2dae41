#if canImport(Glibc)
import Glibc
#endif

/// The lock of one inbox slot (`<store>-inbox-<slot>.lock`), flock'd by the open store that
/// owns the slot.
///
/// A slot can look held after its owner closed: an flock belongs to the open file
/// description, and a child the host forks (`posix_spawn`, `system`, Node's `child_process`)
/// shares it from the fork until its exec closes it (the descriptor is O_CLOEXEC). A reopen in
/// that window took another slot and left the closed store's entries, and the results it
/// owed, unrecovered until some later open. So the owner writes its pid into the file, and a
/// busy slot whose owner is a store of this process that closed, or a process that is gone,
/// is waited for: its holder is a child on its way to exec.
struct InboxSlotLock: Sendable {
    let path: String
    private let fd: Int32

    /// Lock files held by the open stores of this process.
    private static let held = Guarded<Set<String>>([])
    /// How long a slot held only by such a child is waited for.
    static let transientWaitMillis = 2_000

    enum Attempt {
        case taken(InboxSlotLock)
        /// Another open store owns the slot.
        case busy
    }

    /// Takes the slot's lock (creating the file), or says that a live store owns it.
    static func take(_ path: String) throws(ParleyError) -> Attempt {
        let fd = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw ParleyError(.storage, "cannot open the inbox lock \(path): \(String(cString: strerror(errno)))")
        }
        var waited = 0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard waited < transientWaitMillis, ownerIsGone(fd: fd, path: path) else {
                Glibc.close(fd)
                return .busy
            }
            usleep(1_000)
            waited += 1
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        held.withLock { _ = $0.insert(path) }
        return .taken(InboxSlotLock(path: path, fd: fd))
    }

    /// Frees the slot.
    func release() {
        Self.held.withLock { _ = $0.remove(path) }
        Glibc.close(fd)
    }

    /// Whether the pid written by the slot's last owner is this process with no open store on
    /// the slot, or a process that no longer runs. A file with no pid (written by an older
    /// Parley) counts as owned.
    private static func ownerIsGone(fd: Int32, path: String) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 24)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        let digits = buffer[..<max(0, n)].prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard let pid = pid_t(String(decoding: digits, as: UTF8.self)), pid > 0 else { return false }
        if pid == getpid() { return !held.withLock { $0.contains(path) } }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
