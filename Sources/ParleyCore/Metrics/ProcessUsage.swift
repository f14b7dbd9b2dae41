#if canImport(Glibc)
import Glibc
#endif

/// The host process's resident memory, memory limit and CPU time, read from the kernel.
struct ProcessUsage {
    var rssBytes: Int64 = 0
    /// The cgroup's memory limit when one is set, else the machine's memory.
    var memoryLimitBytes: Int64 = 0
    var cpuSeconds = 0.0

    var memoryFraction: Double { memoryLimitBytes > 0 ? Double(rssBytes) / Double(memoryLimitBytes) : 0 }

    static func current() -> ProcessUsage {
        var usage = ProcessUsage()
        let page = Int64(sysconf(Int32(_SC_PAGESIZE)))
        if let statm = readSmallFile("/proc/self/statm") {
            let fields = statm.split(separator: " ")
            if fields.count > 1, let resident = Int64(fields[1]) { usage.rssBytes = resident * page }
        }
        usage.memoryLimitBytes = memoryLimit
        var resources = rusage()
        if getrusage(RUSAGE_SELF.rawValue, &resources) == 0 {
            usage.cpuSeconds = Double(resources.ru_utime.tv_sec) + Double(resources.ru_utime.tv_usec) / 1e6
                + Double(resources.ru_stime.tv_sec) + Double(resources.ru_stime.tv_usec) / 1e6
        }
        return usage
    }

    /// Read once: the limit does not change while the process runs.
    static let memoryLimit: Int64 = {
        let physical = Int64(sysconf(Int32(_SC_PHYS_PAGES))) * Int64(sysconf(Int32(_SC_PAGESIZE)))
        for path in ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"] {
            if let text = readSmallFile(path), let limit = Int64(text.filter { $0.isNumber }), limit > 0, limit < physical {
                return limit
            }
        }
        return physical
    }()

    static func readSmallFile(_ path: String) -> String? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 256) }
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count], as: UTF8.self).split(separator: "\n").first.map(String.init)
    }
}
