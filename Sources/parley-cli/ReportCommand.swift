import ArgumentParser
import ParleyCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// `parley report`: the store's conversations as one self-contained HTML page.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the store's conversations as one self-contained HTML report.",
        discussion: """
            Per chat: its threads, intents over time, sentiment with the angriest moments, the units, \
            amounts and dates named (phone numbers masked), media with their text, and the engine's \
            health (dead letters, degraded periods). The page needs no network.
            """
    )

    @Option(name: .long, help: "Engine configuration JSON file naming the store (the same JSON parley_engine_open takes).")
    var config: String?
    @Option(name: .long, help: "A SQLite store file to use in place of the configuration's store (created if missing).")
    var store: String?
    @Option(name: .long, help: "Only this chat.")
    var chat: String?
    @Option(name: [.short, .customLong("output")], help: "Where to write the HTML (- for standard output).")
    var output: String
    @Option(name: .long, help: "The page's title.")
    var title: String?
    @Option(name: .long, help: "Chats shown in full, the most active first (default 200); the others are listed.")
    var chatLimit: Int?
    @Flag(name: .long, help: "Show phone numbers and e-mail addresses in messages unmasked (the entity table stays masked).")
    var noMask = false

    func run() throws {
        let engine = try openEngine(configPath: config, storePath: store)
        defer { engine.close() }
        var options = ReportOptions(chat: chat, title: title)
        options.mask = !noMask
        if let chatLimit {
            guard chatLimit >= 1 else { throw ValidationError("--chat-limit must be at least 1") }
            options.chatLimit = chatLimit
        }
        let started = ContinuousClock.now
        let report = try engine.report(options: options)
        let html = ReportHTML(report: report, mask: options.mask).render()
        let elapsed = ContinuousClock.now - started
        let millis = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        if output == "-" {
            fputs(html, stdout)
            fflush(stdout)
        } else {
            try write(html, to: output)
        }
        let shownInFull = report.otherChats.isEmpty ? "" : " (\(report.chats.count) in full)"
        let summary = "\(report.chatCount) chat\(report.chatCount == 1 ? "" : "s")\(shownInFull), \(report.messageCount) messages, "
            + "\(report.threadCount) threads, \(report.mediaCount) media, \(report.deadLetterCount) dead letters, "
            + "\(report.degradedPeriodCount) degraded periods, \(html.utf8.count / 1024) KB in \(Int(millis.rounded())) ms"
        printError(output == "-" ? "parley: report: \(summary)" : "parley: wrote \(output): \(summary)")
        if report.chats.isEmpty, let chat { printError("parley: no messages for chat \(LogMask.mask(chat)) in this store") }
    }

    /// Writes the file whole: to a temporary name beside it, then renamed over it.
    private func write(_ text: String, to path: String) throws {
        let temporary = path + ".tmp\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ValidationError("cannot write \(path): \(String(cString: strerror(errno)))") }
        var failed: Int32 = 0
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 { if errno == EINTR { continue }; failed = errno; return }
                done += n
            }
        }
        close(fd)
        guard failed == 0, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(failed != 0 ? failed : errno))
            unlink(temporary)
            throw ValidationError("cannot write \(path): \(reason)")
        }
    }
}
