import ArgumentParser
import ParleyCore

/// `parley maintain`: runs retention on a store now (what parley_store_maintain does) and
/// prints its report as JSON.
struct MaintainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maintain",
        abstract: "Delete or archive messages past the retention, drop expired claims and compact the store (JSON report).",
        discussion: """
            Uses the configuration's "retention" block ({"days": 30, "archive": "PATH.db"}). \
            With --vacuum, a store created without incremental auto_vacuum is first rewritten with it \
            (a full VACUUM: holds the write lock meanwhile and needs free disk space the size of the store).
            """
    )

    @Option(name: .long, help: "Engine configuration JSON file naming the store (store.path) and its retention.")
    var config: String
    @Option(name: .long, help: "Measure retention from this time, Unix milliseconds (default: now).")
    var now: Int64?
    @Flag(name: .long, help: "Convert a store without incremental auto_vacuum first (full VACUUM).")
    var vacuum = false

    func run() throws {
        let engine = try openEngine(configPath: config)
        defer { engine.close() }
        guard engine.store.path != nil else {
            throw ValidationError("the configuration names no store file (store.path): an in-memory store has nothing to maintain")
        }
        if vacuum { try engine.store.convertToIncrementalVacuum() }
        print(JSONWriter.string(try engine.maintain(now: now)))
    }
}
