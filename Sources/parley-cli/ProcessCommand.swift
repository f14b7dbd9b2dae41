import ArgumentParser
import ParleyCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

struct ProcessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process",
        abstract: "Process messages (one JSON message per line) and write their enriched contexts as JSONL.",
        discussion: """
            Each input line is a message in any format parley_engine_process accepts. Each output line \
            is its enriched context, or {"line": N, "error": {...}} for a line that failed; the exit \
            status is 1 if any line failed.
            """
    )

    @Option(name: .long, help: "Engine configuration JSON file (the same JSON parley_engine_open takes).")
    var config: String?

    @Argument(help: "A JSONL file of messages, or - for standard input.")
    var file: String

    @Option(name: .long, help: "Messages journaled per commit (1 commits each message on its own).")
    var batchSize = 256

    func validate() throws {
        guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1") }
    }

    func run() throws {
        let engine = try openEngine(configPath: config)
        defer { engine.close() }
        guard let input = file == "-" ? stdin : fopen(file, "r") else {
            throw ValidationError("cannot open \(file): \(String(cString: strerror(errno)))")
        }
        defer { if input != stdin { fclose(input) } }

        var summary = (processed: 0, duplicates: 0, failed: 0)
        var output = OutputBuffer()
        var batch = LineBatch()
        let started = ContinuousClock.now
        // Lines are journaled in batches (one commit each); a batch's contexts are written
        // only after its commit, so what the CLI prints is always stored.
        func flushBatch() throws(ParleyError) {
            let results = try batch.withBuffers { buffers throws(ParleyError) in try engine.process(batch: buffers) }
            for (lineNumber, result) in zip(batch.lineNumbers, results) {
                switch result {
                case .success(let context):
                    if context["status"]?.stringValue == "duplicate" { summary.duplicates += 1 } else { summary.processed += 1 }
                    output.write(context)
                case .failure(let error):
                    summary.failed += 1
                    output.write(["line": .int(Int64(lineNumber)), "error": ["status": .string(error.kind.statusName), "message": .string(error.message)]])
                }
            }
            batch.removeAll()
        }
        var lineNumber = 0
        try forEachLine(of: input) { line in
            lineNumber += 1
            guard !line.isEmpty, !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) else { return }
            batch.append(line, lineNumber: lineNumber)
            if batch.count >= batchSize { try flushBatch() }
        }
        try flushBatch()
        output.flush()
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let total = summary.processed + summary.duplicates + summary.failed
        let rate = seconds > 0 ? Int(Double(total) / seconds) : 0
        printError("parley: \(summary.processed) processed, \(summary.duplicates) duplicates, \(summary.failed) failed in \((seconds * 1000).rounded() / 1000) s (\(rate) messages/s)")
        if summary.failed > 0 { throw ExitCode(1) }
    }
}

/// Opens an engine from a configuration file, or with defaults when none is given.
/// `storePath` (`--store`) names a SQLite store in place of the configuration's store.
func openEngine(configPath: String?, storePath: String? = nil) throws -> Engine {
    guard let storePath else {
        guard let configPath else { return try Engine() }
        guard let text = readWholeFile(configPath) else {
            throw ValidationError("cannot read the configuration file \(configPath)")
        }
        return try Engine(configJSON: text)
    }
    var configuration = try loadConfiguration(configPath)
    configuration.storePath = storePath
    configuration.postgres = nil
    return try Engine(configuration: configuration)
}

/// Calls `body` with each line (without its newline), reading with getline so a file of any
/// size streams in bounded memory.
func forEachLine(of file: UnsafeMutablePointer<FILE>, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
    var buffer: UnsafeMutablePointer<CChar>?
    var capacity = 0
    defer { free(buffer) }
    while true {
        let length = getline(&buffer, &capacity, file)
        guard length >= 0, let buffer else { return }
        var count = length
        if count > 0, buffer[count - 1] == 0x0A { count -= 1 }
        try body(UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: count))
    }
}

func printError(_ message: String) {
    fputs(message + "\n", stderr)
}

/// Input lines of one batch, copied into one buffer.
struct LineBatch {
    private var bytes: [UInt8] = []
    private var ranges: [Range<Int>] = []
    private(set) var lineNumbers: [Int] = []

    var count: Int { ranges.count }

    mutating func append(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int) {
        ranges.append(bytes.count..<bytes.count + line.count)
        bytes.append(contentsOf: line)
        lineNumbers.append(lineNumber)
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ranges.removeAll(keepingCapacity: true)
        lineNumbers.removeAll(keepingCapacity: true)
    }

    func withBuffers<T>(_ body: ([UnsafeRawBufferPointer]) throws(ParleyError) -> T) throws(ParleyError) -> T {
        let result = bytes.withUnsafeBytes { all in
            Result { () throws(ParleyError) -> T in try body(ranges.map { UnsafeRawBufferPointer(rebasing: all[$0]) }) }
        }
        return try result.get()
    }
}

/// Buffers JSONL output and writes it in large chunks: one write per line would dominate.
struct OutputBuffer {
    private var bytes: [UInt8] = []

    mutating func write(_ value: JSONValue) {
        var writer = JSONWriter(reservingCapacity: 0)
        writer.write(value)
        bytes.append(contentsOf: writer.bytes)
        bytes.append(0x0A)
        if bytes.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        bytes.withUnsafeBytes { _ = fwrite($0.baseAddress, 1, $0.count, stdout) }
        fflush(stdout)
        bytes.removeAll(keepingCapacity: true)
    }
}
