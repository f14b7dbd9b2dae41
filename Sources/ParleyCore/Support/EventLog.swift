#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The engine's own log: what it did that an operator wants to read later (opened, recovered
/// messages, dead-lettered one, shed load, a breaker opened, a webhook failed its signature).
/// One JSON object per line, to a file named in the configuration ("log": {"path", "level"})
/// and/or to a host callback (`parley_log_set_callback`). Every text goes through `LogMask`
/// first (messages as `MaskedText`): no phone number or email address reaches a log line.
public final class EventLog: Sendable {
    public enum Level: Int, Sendable, Comparable, CaseIterable {
        case debug = 0, info = 1, warning = 2, error = 3

        public var name: String {
            switch self {
            case .debug: "debug"
            case .info: "info"
            case .warning: "warning"
            case .error: "error"
            }
        }

        public init?(name: String) {
            guard let level = Self.allCases.first(where: { $0.name == name }) else { return nil }
            self = level
        }

        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    public typealias Sink = @Sendable (_ level: Level, _ line: String) -> Void

    private struct State {
        var fileLevel: Level?
        var fd: Int32 = -1
        var sink: Sink?
        var sinkLevel: Level = .info
    }

    private let state: Guarded<State>
    /// The lowest level anyone listens to, read without the lock on the hot path.
    private let threshold = Atomic(Int.max)

    /// Opens (creating, owner-only) and appends to `settings.path` when one is given.
    public init(settings: LogSettings) throws(ParleyError) {
        var initial = State()
        if let path = settings.path {
            // Non-blocking: opening a FIFO for writing would wait for a reader forever.
            let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NONBLOCK, 0o600)
            guard fd >= 0 else {
                throw ParleyError(.invalidConfig, "log.path: cannot open \"\(path)\" for appending: \(String(cString: strerror(errno)))")
            }
            var info = stat()
            guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
                close(fd)
                throw ParleyError(.invalidConfig, "log.path: \"\(path)\" is not a regular file")
            }
            _ = fcntl(fd, F_SETFL, O_WRONLY | O_APPEND)
            initial.fd = fd
            initial.fileLevel = settings.level
        }
        state = Guarded(initial)
        recomputeThreshold(initial)
    }

    deinit {
        state.withLock { if $0.fd >= 0 { Glibc.close($0.fd); $0.fd = -1 } }
    }

    /// Routes lines at `level` and above to `sink` (nil stops it). Lines are delivered on the
    /// thread that logs, outside Parley's locks.
    public func setSink(_ sink: Sink?, level: Level) {
        let snapshot = state.withLock { s -> State in
            s.sink = sink
            s.sinkLevel = level
            return s
        }
        recomputeThreshold(snapshot)
    }

    public func isEnabled(_ level: Level) -> Bool { level.rawValue >= threshold.load(ordering: .relaxed) }

    /// Writes one line: {"time", "level", "event", "message", …fields}; what `message`
    /// interpolates (`MaskedText`) and string fields are masked, and `message` is built only
    /// when someone listens at `level`. `time` is the wall clock in ms since the epoch.
    public func log(_ level: Level, _ event: String, _ message: @autoclosure () -> MaskedText,
                    _ fields: KeyValuePairs<String, JSONValue> = [:]) {
        guard isEnabled(level) else { return }
        var line = JSONObject()
        line.append("time", .int(Self.nowMillis()))
        line.append("level", .string(level.name))
        line.append("event", .string(event))
        line.append("message", .string(message().text))
        for (key, value) in fields { line.append(key, LogMask.mask(value)) }
        let text = JSONWriter.string(.object(line))
        let (fd, fileLevel, sink, sinkLevel) = state.withLock { ($0.fd, $0.fileLevel, $0.sink, $0.sinkLevel) }
        if fd >= 0, let fileLevel, level >= fileLevel {
            // One write per line with O_APPEND: lines from many threads never interleave.
            var bytes = Array(text.utf8)
            bytes.append(0x0A)
            _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        }
        if let sink, level >= sinkLevel { sink(level, text) }
    }

    private func recomputeThreshold(_ s: State) {
        var lowest = Int.max
        if s.fd >= 0, let level = s.fileLevel { lowest = min(lowest, level.rawValue) }
        if s.sink != nil { lowest = min(lowest, s.sinkLevel.rawValue) }
        threshold.store(lowest, ordering: .relaxed)
    }

    private static func nowMillis() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }
}

/// "log": {"path": FILE (appended, created 0600), "level": "debug"|"info"|"warning"|"error"}.
public struct LogSettings: Sendable, Equatable {
    public var path: String?
    public var level: EventLog.Level = .info

    public init() {}
}
