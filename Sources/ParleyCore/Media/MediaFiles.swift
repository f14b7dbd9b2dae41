#if canImport(Glibc)
import Glibc
#endif
import COpenSSL

/// The media directory: files the host downloaded there, and the bytes hosts pass inline,
/// which Parley keeps there under their SHA-256 (`ab/abcdef…`) so each file is stored once
/// and a journaled message can be processed again after a crash. Reads never leave the
/// directory: a message naming `../../etc/passwd` is refused.
struct MediaFiles: Sendable {
    /// The directory, absolute, without a trailing slash.
    let directory: String
    let maxBytes: Int

    /// The directory is created when Parley first keeps a file in it, not before: a bot that
    /// never receives media gets no empty directory beside its store.
    init(directory: String, maxBytes: Int) {
        var absolute = directory
        if !absolute.hasPrefix("/"), let cwd = getcwd(nil, 0) {
            absolute = String(cString: cwd) + "/" + directory
            free(cwd)
        }
        while absolute.count > 1 && absolute.hasSuffix("/") { absolute.removeLast() }
        self.directory = absolute
        self.maxBytes = maxBytes
    }

    /// The directory without symbolic links, nil while it does not exist.
    private var resolvedDirectory: String? {
        guard let resolved = realpath(directory, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        bytes.withUnsafeBytes { input in
            _ = EVP_Digest(input.baseAddress, input.count, &digest, &length, EVP_sha256(), nil)
        }
        return MediaHash.hex(digest)
    }

    /// Stores `bytes` under their hash (once: an existing file is kept) and returns the path
    /// relative to the directory. Written to a temporary name, synced, then renamed, so a
    /// crash never leaves a partial file under a hash name.
    func keep(_ bytes: [UInt8], sha256: String) throws(ParleyError) -> String {
        let shard = String(sha256.prefix(2))
        let relative = shard + "/" + sha256
        let path = directory + "/" + relative
        if access(path, F_OK) == 0 { return relative }
        if mkdir(directory, 0o700) != 0 && errno != EEXIST { throw Self.failure("creating the media directory", directory) }
        if mkdir(directory + "/" + shard, 0o700) != 0 && errno != EEXIST { throw Self.failure("creating", directory + "/" + shard) }
        let temporary = path + ".tmp\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Self.failure("creating", temporary) }
        var written = 0
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let n = write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 { if errno == EINTR { continue }; return false }
                written += n
            }
            return fsync(fd) == 0
        }
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            let error = Self.failure("writing", path)
            unlink(temporary)
            throw error
        }
        return relative
    }

    /// A temporary file `keep` had not renamed yet is whole only once renamed: one left
    /// behind is a process killed mid-write. Removed when the process that wrote it is gone
    /// (its pid is in the name), or, in case that pid came back as another process, when it
    /// is older than `staleSeconds` (a write takes seconds). Returns how many went.
    static func sweepTemporaries(in directory: String, staleSeconds: Int = 3_600, now: Int = time(nil)) -> Int {
        guard let top = opendir(directory) else { return 0 }
        defer { closedir(top) }
        var removed = 0
        while let shardEntry = readdir(top) {
            let shard = withUnsafeBytes(of: shardEntry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard shard.utf8.count == 2, shard.utf8.allSatisfy(isLowerHex), let files = opendir(directory + "/" + shard) else { continue }
            defer { closedir(files) }
            while let entry = readdir(files) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard let writer = temporaryWriter(name) else { continue }
                let path = directory + "/" + shard + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
                let alive = kill(writer, 0) == 0 || errno == EPERM
                if alive && now - Int(info.st_mtim.tv_sec) < staleSeconds { continue }
                if unlink(path) == 0 { removed += 1 }
            }
        }
        return removed
    }

    /// The pid in a temporary name `keep` gives ("<64 hex>.tmp<pid>-<random>"), nil for any other name.
    static func temporaryWriter(_ name: String) -> pid_t? {
        let bytes = Array(name.utf8)
        guard bytes.count > 69, bytes[..<64].allSatisfy(isLowerHex), bytes[64..<68] == Array(".tmp".utf8)[...] else { return nil }
        let rest = bytes[68...].split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard rest.count == 2, !rest[0].isEmpty, !rest[1].isEmpty, rest[0].count <= 10, rest[1].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let pid = Int32(String(decoding: rest[0], as: UTF8.self)), pid > 0 else { return nil }
        return pid
    }

    private static func isLowerHex(_ c: UInt8) -> Bool { (48...57).contains(c) || (97...102).contains(c) }

    /// The bytes of a file named by a message: relative to the directory, or absolute inside it.
    func read(_ name: String) throws(ParleyError) -> [UInt8] {
        guard !name.isEmpty, !name.utf8.contains(0) else { throw ParleyError(.invalidArgument, "media path is empty") }
        let candidate = name.hasPrefix("/") ? name : directory + "/" + name
        guard let directory = resolvedDirectory, let resolved = realpath(candidate, nil) else {
            throw ParleyError(.notFound, "media file \"\(name)\" not found in the media directory")
        }
        let path = String(cString: resolved)
        free(resolved)
        guard path.hasPrefix(directory + "/") else {
            throw ParleyError(.invalidArgument, "media path \"\(name)\" is outside the media directory")
        }
        return try Self.readFile(path, maxBytes: maxBytes)
    }

    /// A whole regular file, refusing one over `maxBytes` before reading it.
    static func readFile(_ path: String, maxBytes: Int) throws(ParleyError) -> [UInt8] {
        // Non-blocking: opening a FIFO would wait for a writer forever (it is refused below).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw failure("opening", path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure("reading", path) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw ParleyError(.invalidArgument, "\(path) is not a regular file") }
        guard Int(info.st_size) <= maxBytes else {
            throw ParleyError(.tooLarge, "\(path) has \(info.st_size) bytes, over the limit of \(maxBytes)")
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var done = 0
        let ok = bytes.withUnsafeMutableBytes { buffer -> Bool in
            while done < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 { if errno == EINTR { continue }; return false }
                if n == 0 { break }
                done += n
            }
            return true
        }
        guard ok else { throw failure("reading", path) }
        return Array(bytes.prefix(done))
    }

    private static func failure(_ doing: String, _ path: String) -> ParleyError {
        ParleyError(.storage, "\(doing) \(path): \(String(cString: strerror(errno)))")
    }
}
