#if canImport(Glibc)
import Glibc
#endif

/// One bot process per WhatsApp account: a lock file (`.parley-session.lock`) in the account's
/// session directory naming its holder (owner, pid, host, boot id, process start time, a random
/// token, when it was acquired, its last heartbeat). Every read-modify-write of the file happens
/// under `flock` of it, so two processes never both see it free. The file is never unlinked
/// (a release empties it): unlinking under flock lets a waiter lock an orphaned inode.
///
/// A holder is taken over when its process is gone (same host and boot: `kill(pid, 0)` says
/// ESRCH, the pid is a zombie, or it now belongs to a process started later) or its heartbeat is
/// older than `staleAfterMs` (a stopped or hung process, another host). The old holder's next
/// refresh then fails with `.busy` naming the new holder; a lock whose file was emptied or removed
/// fails with `.notFound`. Times are wall-clock milliseconds (the lock is shared between
/// processes, possibly hosts). Usable without an engine.
public final class SessionLock: Sendable {
    public static let fileName = ".parley-session.lock"
    public static let defaultStaleAfterMs: Int64 = 45_000
    /// How long an acquire, refresh or release waits for another process's brief hold of the
    /// file's flock (a process stopped mid-update must not block everyone forever).
    static let flockWaitMs: Int64 = 2_000

    public struct Options: Sendable, Equatable {
        public var staleAfterMs: Int64 = SessionLock.defaultStaleAfterMs
        public var owner: String?

        public init(staleAfterMs: Int64 = SessionLock.defaultStaleAfterMs, owner: String? = nil) {
            self.staleAfterMs = staleAfterMs
            self.owner = owner
        }

        /// `{"staleAfterMs": 1..86400000, "owner": "1..128 bytes"}`; unknown keys are refused.
        public init(json: JSONValue?) throws(ParleyError) {
            self.init()
            guard let json, !json.isNull else { return }
            guard case .object(let object) = json else {
                throw ParleyError(.invalidArgument, "the session lock options must be a JSON object, got \(json.typeName)")
            }
            for (key, value) in object.members {
                switch key {
                case "staleAfterMs":
                    guard let ms = value.int64Value, (1...86_400_000).contains(ms) else {
                        throw ParleyError(.invalidArgument, "staleAfterMs must be an integer between 1 and 86400000 (a day)")
                    }
                    staleAfterMs = ms
                case "owner":
                    guard let name = value.stringValue, (1...128).contains(name.utf8.count) else {
                        throw ParleyError(.invalidArgument, "owner must be a string of 1 to 128 bytes")
                    }
                    owner = name
                default:
                    throw ParleyError(.invalidArgument, "unknown session lock option \"\(key)\" (staleAfterMs, owner)")
                }
            }
        }
    }

    /// What the lock file says.
    struct Holder: Equatable {
        var owner: String
        var pid: Int32
        var host: String
        var boot: String
        var start: Int64?
        var token: String
        var acquiredAt: Int64
        var heartbeat: Int64

        var json: JSONValue {
            var object = JSONObject()
            object.append("owner", .string(owner))
            object.append("pid", .int(Int64(pid)))
            object.append("host", .string(host))
            object.append("boot", .string(boot))
            if let start { object.append("start", .int(start)) }
            object.append("token", .string(token))
            object.append("acquiredAt", .int(acquiredAt))
            object.append("heartbeat", .int(heartbeat))
            return .object(object)
        }

        init(owner: String, pid: Int32, host: String, boot: String, start: Int64?, token: String, acquiredAt: Int64, heartbeat: Int64) {
            self.owner = owner
            self.pid = pid
            self.host = host
            self.boot = boot
            self.start = start
            self.token = token
            self.acquiredAt = acquiredAt
            self.heartbeat = heartbeat
        }

        /// nil for an empty or unreadable file (free: a crash between truncate and write).
        init?(text: [UInt8]) {
            guard !text.isEmpty, let value = try? JSONParser.parse(text),
                  let token = value["token"]?.stringValue, let pid = value["pid"]?.int64Value,
                  let heartbeat = value["heartbeat"]?.int64Value else { return nil }
            self.init(owner: value["owner"]?.stringValue ?? "?", pid: Int32(truncatingIfNeeded: pid),
                      host: value["host"]?.stringValue ?? "", boot: value["boot"]?.stringValue ?? "",
                      start: value["start"]?.int64Value, token: token,
                      acquiredAt: value["acquiredAt"]?.int64Value ?? heartbeat, heartbeat: heartbeat)
        }

        func describe(now: Int64) -> String {
            "\"\(owner)\" (pid \(pid) on \(host.isEmpty ? "an unknown host" : host)) since \(acquiredAt), last heartbeat \(max(0, now - heartbeat)) ms ago"
        }
    }

    public let directory: String
    public let path: String
    public let options: Options
    private let state: Guarded<(holder: Holder, lost: ParleyError?, released: Bool)>

    private init(directory: String, options: Options, holder: Holder) {
        self.directory = directory
        self.path = Self.path(in: directory)
        self.options = options
        state = Guarded((holder, nil, false))
    }

    static func path(in directory: String) -> String {
        directory.hasSuffix("/") ? directory + fileName : directory + "/" + fileName
    }

    /// The holder's token (random, 128 bits as hex): identifies this acquisition.
    public var token: String { state.withLock { $0.holder.token } }

    /// {"owner", "pid", "host", "boot", "start"?, "token", "acquiredAt", "heartbeat", "path", "lost"?}
    public var json: JSONValue {
        state.withLock { entry in
            guard case .object(var object) = entry.holder.json else { return .null }
            object.append("path", .string(path))
            if let lost = entry.lost { object.append("lost", .string(lost.message)) }
            return .object(object)
        }
    }

    /// Takes the lock of `directory` (which must exist), or fails `.busy` naming the live holder.
    /// `now` and `pid` are for tests; by default the wall clock and this process.
    public static func acquire(directory: String, options: Options = Options(), now: Int64? = nil, pid: Int32? = nil) throws(ParleyError) -> SessionLock {
        try checkDirectory(directory)
        let file = try LockFile(path: path(in: directory), create: true)
        defer { file.close() }
        try file.lock()
        let now = now ?? wallMillis()
        let me = ProcessIdentity.current
        let pid = pid ?? getpid()
        if let holder = Holder(text: try file.read()),
           takeoverReason(holder, now: now, staleAfterMs: options.staleAfterMs, me: me) == nil {
            throw ParleyError(.busy, "the session lock of \(directory) is held by \(holder.describe(now: now))")
        }
        let holder = Holder(owner: options.owner ?? "\(me.host):\(pid)", pid: pid, host: me.host, boot: me.boot,
                            start: ProcessIdentity.startTime(of: pid), token: randomToken(), acquiredAt: now, heartbeat: now)
        try file.write(JSONWriter.serialize(holder.json))
        return SessionLock(directory: directory, options: options, holder: holder)
    }

    /// Why `holder` may be taken over at `now`, or nil while it is alive and fresh.
    static func takeoverReason(_ holder: Holder, now: Int64, staleAfterMs: Int64, me: ProcessIdentity) -> String? {
        if holder.host == me.host && !holder.host.isEmpty {
            if !holder.boot.isEmpty && !me.boot.isEmpty && holder.boot != me.boot { return "its host rebooted" }
            if !ProcessIdentity.isAlive(pid: holder.pid, start: holder.start) { return "its process is gone" }
        }
        if now - holder.heartbeat > staleAfterMs { return "its heartbeat is \(now - holder.heartbeat) ms old" }
        return nil
    }

    /// The heartbeat: rewrites the lock's heartbeat if this handle still holds it. Fails `.busy`
    /// when another holder took it over (stop using the session), `.notFound` when the lock file
    /// was emptied or removed; after a failure every later refresh fails the same way.
    public func refresh(now: Int64? = nil) throws(ParleyError) {
        try state.withLock { (entry) throws(ParleyError) in
            if let lost = entry.lost { throw lost }
            if entry.released { throw ParleyError(.notFound, "the session lock of \(directory) was released") }
            let file: LockFile
            do throws(ParleyError) {
                file = try LockFile(path: path, create: false)
            } catch {
                if error.kind == .notFound {
                    let lost = ParleyError(.notFound, "the session lock of \(directory) is gone: its file was removed")
                    entry.lost = lost
                    throw lost
                }
                throw error
            }
            defer { file.close() }
            try file.lock()
            let now = now ?? Self.wallMillis()
            guard let current = Holder(text: try file.read()) else {
                let lost = ParleyError(.notFound, "the session lock of \(directory) is gone: its file was emptied")
                entry.lost = lost
                throw lost
            }
            guard current.token == entry.holder.token else {
                let lost = ParleyError(.busy, "the session lock of \(directory) was taken over by \(current.describe(now: now))")
                entry.lost = lost
                throw lost
            }
            var updated = entry.holder
            updated.heartbeat = now
            try file.write(JSONWriter.serialize(updated.json))
            entry.holder = updated
        }
    }

    /// Empties the lock file if this handle still holds it; harmless otherwise. Idempotent.
    public func release() {
        state.withLock { entry in
            guard !entry.released else { return }
            entry.released = true
            guard entry.lost == nil, let file = try? LockFile(path: path, create: false) else { return }
            defer { file.close() }
            guard (try? file.lock()) != nil, let bytes = try? file.read(),
                  let current = Holder(text: bytes), current.token == entry.holder.token else { return }
            try? file.write([])
        }
    }

    /// Reads the lock of `directory` without taking it: its holder, or nil when free (an
    /// absent or empty file). What the engine's pre-flight check reads.
    static func peek(directory: String) throws(ParleyError) -> Holder? {
        let file: LockFile
        do throws(ParleyError) {
            file = try LockFile(path: path(in: directory), create: false)
        } catch {
            if error.kind == .notFound { return nil }
            throw error
        }
        defer { file.close() }
        try file.lock()
        return Holder(text: try file.read())
    }

    static func checkDirectory(_ directory: String) throws(ParleyError) {
        guard !directory.isEmpty else { throw ParleyError(.invalidArgument, "the session directory is empty") }
        guard directory.utf8.count < 4000, !directory.utf8.contains(0) else {
            throw ParleyError(.invalidArgument, "the session directory path is too long or contains NUL")
        }
        var info = stat()
        guard stat(directory, &info) == 0 else {
            let code = errno
            if code == ENOENT { throw ParleyError(.notFound, "the session directory \(directory) does not exist") }
            throw ParleyError(.storage, "the session directory \(directory) cannot be read: \(String(cString: strerror(code)))")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw ParleyError(.invalidArgument, "\(directory) is not a directory")
        }
    }

    static func wallMillis() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }

    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        for _ in 0..<2 {
            var word = generator.next()
            for _ in 0..<16 {
                bytes.append(digits[Int(word & 15)])
                word >>= 4
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The lock file: opened 0600 without following a symlink, locked with flock (waiting at most
/// `SessionLock.flockWaitMs`), read whole, rewritten in place.
struct LockFile {
    let fd: Int32
    let path: String

    init(path: String, create: Bool) throws(ParleyError) {
        self.path = path
        let flags = O_RDWR | O_CLOEXEC | O_NOFOLLOW | (create ? O_CREAT : 0)
        let fd = open(path, flags, 0o600)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { throw ParleyError(.notFound, "the lock file \(path) does not exist") }
            if code == ELOOP { throw ParleyError(.storage, "the lock file \(path) is a symbolic link: refused") }
            throw ParleyError(.storage, "cannot open the lock file \(path): \(String(cString: strerror(code)))")
        }
        self.fd = fd
        // An existing file keeps whatever mode it had; narrow it to the owner's.
        _ = fchmod(fd, 0o600)
    }

    func close() { _ = Glibc.close(fd) }

    func lock() throws(ParleyError) {
        var waited: Int64 = 0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else {
                throw ParleyError(.storage, "cannot flock \(path): \(String(cString: strerror(code)))")
            }
            guard waited < SessionLock.flockWaitMs else {
                throw ParleyError(.busy, "the lock file \(path) stayed locked by another process for \(SessionLock.flockWaitMs) ms (stopped mid-update?)")
            }
            var pause = timespec(tv_sec: 0, tv_nsec: 1_000_000)
            nanosleep(&pause, nil)
            waited += 1
        }
    }

    func read() throws(ParleyError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1024)
        var offset: Int = 0
        while bytes.count < 64 * 1024 {
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 1024, off_t(offset)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ParleyError(.storage, "cannot read the lock file \(path): \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            offset += n
        }
        return bytes
    }

    func write(_ bytes: [UInt8]) throws(ParleyError) {
        guard ftruncate(fd, 0) == 0 else {
            throw ParleyError(.storage, "cannot truncate the lock file \(path): \(String(cString: strerror(errno)))")
        }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress! + written, bytes.count - written, off_t(written)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ParleyError(.storage, "cannot write the lock file \(path): \(String(cString: strerror(errno)))")
            }
            written += n
        }
    }
}

/// Who this process is, to tell a live holder from a gone one.
struct ProcessIdentity: Sendable {
    let host: String
    let boot: String

    static let current: ProcessIdentity = {
        var name = [CChar](repeating: 0, count: 256)
        let host = gethostname(&name, 255) == 0 ? String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
        let boot = readSmallFile("/proc/sys/kernel/random/boot_id").map { String(decoding: $0, as: UTF8.self).trimmingWhitespace() } ?? ""
        return ProcessIdentity(host: host, boot: boot)
    }()

    /// Whether `pid` names a live process (not a zombie) started at `start` (when known).
    static func isAlive(pid: Int32, start: Int64?) -> Bool {
        guard pid > 0 else { return false }
        if kill(pid, 0) != 0 && errno == ESRCH { return false }
        guard let stat = procStat(pid) else { return true }
        if stat.state == UInt8(ascii: "Z") || stat.state == UInt8(ascii: "X") { return false }
        if let start, let now = stat.start, now != start { return false }
        return true
    }

    static func startTime(of pid: Int32) -> Int64? { procStat(pid)?.start }

    /// State letter and start time (field 22, clock ticks since boot) from /proc/<pid>/stat.
    static func procStat(_ pid: Int32) -> (state: UInt8, start: Int64?)? {
        guard let bytes = readSmallFile("/proc/\(pid)/stat"), let close = bytes.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        // After ") ": field 3 (state), 4, ... 22 (starttime).
        let fields = bytes[(close + 1)...].split(separator: UInt8(ascii: " "))
        guard let state = fields.first?.first else { return nil }
        let start = fields.count > 19 ? Int64(String(decoding: fields[fields.startIndex + 19], as: UTF8.self)) : nil
        return (state, start)
    }

    static func readSmallFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { _ = close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1024)
        let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, 1024) }
        guard n > 0 else { return nil }
        return Array(buffer[0..<n])
    }
}
