import ArgumentParser
import ParleyCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// `parley import EXPORT`: a WhatsApp "Export chat" file (.txt or .zip) into the store.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a WhatsApp chat export (.txt or .zip) into the store and print the summary JSON.",
        discussion: """
            Every message goes through the whole pipeline (attached images are read, entities, intent, \
            sentiment, threads) and into the journal; importing the same export again adds nothing. \
            A progress bar goes to stderr when it is a terminal. Use --config to import into the \
            store your bot uses (without one, an in-memory store: useful only to try the parser).
            """
    )

    @Argument(help: "The export: \"WhatsApp Chat with X.txt\" or the .zip WhatsApp shares (with media).")
    var export: String

    @Option(name: .long, help: "Engine configuration JSON file (the same JSON parley_engine_open takes).")
    var config: String?

    @Option(name: .long, help: "A SQLite store file to use in place of the configuration's store (created if missing).")
    var store: String?
    @Option(name: .long, help: "The chat id to import into (default: the name in the export's file name).")
    var chat: String?

    @Option(name: .customLong("date-order"), help: "dmy or mdy (default: detected from the file, else the configured region's).")
    var dateOrder: String?

    @Option(name: .customLong("time-zone"), help: "The zone the export's times are in: IANA name or offset (default: the configuration's timeZone, else UTC).")
    var timeZone: String?

    func validate() throws {
        if let dateOrder, ExportDateOrder(rawValue: dateOrder) == nil {
            throw ValidationError("--date-order must be dmy or mdy")
        }
    }

    func run() throws {
        let engine = try openEngine(configPath: config, storePath: store)
        defer { engine.close() }
        let options = ImportOptions(chat: chat, timeZone: timeZone, dateOrder: dateOrder.flatMap(ExportDateOrder.init(rawValue:)))
        var bar = ProgressBar(enabled: isatty(2) != 0)
        let summary: JSONValue
        do {
            summary = try engine.importChat(path: export, options: options) { read, total in bar.show(read, total) }
        } catch {
            bar.finish()
            printError("parley import: \(error.description)")
            throw ExitCode(1)
        }
        bar.finish()
        print(JSONWriter.string(summary))
        if let failed = summary["failed"]?.int64Value, failed > 0 { throw ExitCode(1) }
    }
}

/// A one-line progress bar on stderr ("\r" redraws), drawn at most every 1%.
struct ProgressBar {
    let enabled: Bool
    private var shown = -1
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled }

    mutating func show(_ done: Int64, _ total: Int64) {
        guard enabled, total > 0 else { return }
        let percent = Int(min(100, done * 100 / total))
        guard percent != shown else { return }
        shown = percent
        drawn = true
        let width = 30
        let filled = percent * width / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        fputs("\rimporting [\(bar)] \(percent)% (\(done / 1024) of \(total / 1024) KB)", stderr)
        fflush(stderr)
    }

    mutating func finish() {
        guard enabled, drawn else { return }
        fputs("\n", stderr)
        drawn = false
    }
}
