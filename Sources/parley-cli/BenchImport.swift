import ArgumentParser
import ParleyCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// `parley bench import`: writes a generated Android-layout export of `--lines` lines to a temp
/// file (tenants and a manager, multi-line messages, system lines, omitted media, a 12-hour
/// clock every other day), imports it into a temporary file store through the whole pipeline,
/// and reports messages per second and the process's peak RSS (the import streams the text,
/// so the peak should not grow with the file).
struct BenchImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a generated WhatsApp export: messages per second and peak memory.")

    @Option(name: .long, help: "Lines in the generated export.") var lines = 100_000
    @Option(name: .long, help: "Engine configuration JSON file (its store.path is ignored: a temporary file store is used).")
    var config: String?
    @Option(name: .long, help: "Keep the generated export at this path instead of deleting it.") var keep: String?

    static let texts = [
        "Good morning, the water is cut again in %U since 6am",
        "Paid RWF %A for %U via MoMo, ref MP%N",
        "Hello, is the 2-bedroom still available? Can I book a viewing on Saturday at 10am?",
        "The kitchen sink in %U is leaking, please send a plumber today 🙏",
        "Murakoze cyane! 👍",
        "Reminder: rent is due on the 5th. RWF %A for the 2-bedroom units.",
        "This is the third time the electricity goes off this week. C'est inacceptable 😡",
        "Habari, the gate remote for %U doesn't work",
        "Can Patrick check the door lock of %U? The key gets stuck.",
        "I will pay on the %Dth, salary is late. Sorry.",
        "Noted, thank you",
        "Someone is playing loud music in %U every night until 1am",
        "The water bill for %U is RWF %A this month?? Last month was 9,500.",
        "Sawa, asante Grace.",
        "Please call me on +250 788 %N",
        "Fumigation is on Saturday from 8:00 to 12:00, please cover food and dishes.",
    ]
    static let senders = ["Grace Mukamana", "Jean-Paul Habimana", "Amina Uwase", "Eric Nshimiyimana", "Claudine Ingabire",
                          "+250 788 555 014", "Patrick Mugisha", "David Kamanzi"]
    static let units = ["1A", "2C", "3A", "4B", "5D", "6A", "7B", "8C"]

    func run() throws {
        guard lines >= 10 else { throw ValidationError("--lines must be at least 10") }
        let directory = makeTemporaryDirectory("parley-bench-import")
        defer { removeDirectory(directory) }
        let exportPath = keep ?? directory + "/WhatsApp Chat with Bench Heights.txt"
        let generated = try Self.generate(lines: lines, to: exportPath)

        var settings = Configuration()
        if let config {
            guard let text = readWholeFile(config) else { throw ValidationError("cannot read \(config)") }
            settings = try Configuration(json: text)
        }
        settings.storePath = directory + "/bench.db"
        let engine = try Engine(configuration: settings)
        defer { engine.close() }
        // Warm-up: the intent model trains and lexicons load at first use.
        _ = engine.analyze(Message(id: "warm", chat: "warm", from: "warm", timestamp: 1_760_000_000, type: .text, text: "warm up the pipeline"))
        let rssBefore = Self.currentRSSKB()
        let started = ContinuousClock.now
        let summary = try engine.importChat(path: exportPath)
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let messages = summary["messages"]?.int64Value ?? 0
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        var report = JSONObject()
        report.append("lines", .int(Int64(lines)))
        report.append("bytes", .int(generated))
        report.append("messages", .int(messages))
        report.append("imported", summary["imported"] ?? .null)
        report.append("systemEvents", summary["systemEvents"] ?? .null)
        report.append("seconds", .double((seconds * 1000).rounded() / 1000))
        report.append("messagesPerSecond", .int(seconds > 0 ? Int64(Double(messages) / seconds) : 0))
        report.append("megabytesPerSecond", .double(seconds > 0 ? (Double(generated) / 1_048_576 / seconds * 100).rounded() / 100 : 0))
        report.append("rssBeforeImportMB", .double((Double(rssBefore) / 1024 * 10).rounded() / 10))
        report.append("peakRSSMB", .double((Double(usage.ru_maxrss) / 1024 * 10).rounded() / 10))
        print(JSONWriter.string(.object(report)))
    }

    /// Writes the export in 64 KB chunks; returns its size in bytes.
    static func generate(lines count: Int, to path: String) throws -> Int64 {
        guard let file = fopen(path, "wb") else { throw ValidationError("cannot write \(path)") }
        defer { fclose(file) }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 17)
        var written: Int64 = 0
        func emit(_ line: String) {
            buffer.append(contentsOf: line.utf8)
            buffer.append(0x0A)
            if buffer.count >= 1 << 16 {
                written += Int64(buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) })
                buffer.removeAll(keepingCapacity: true)
            }
        }
        var random = SystemRandomNumberGenerator()
        var minute = 0
        var line = 0
        emit("01/01/2025, 08:00 - Messages and calls are end-to-end encrypted. Only people in this chat can read, listen to, or share them.")
        line += 1
        while line < count {
            minute += Int.random(in: 0...3, using: &random)
            let day = minute / 1440
            let (year, month, date) = (2025 + day / 336, day / 28 % 12 + 1, day % 28 + 1)
            let hour = minute / 60 % 24, min = minute % 60
            // Every other day a 12-hour clock with U+202F before am/pm, as newer exports write.
            let clock = day % 2 == 0
                ? "\(hour < 10 ? "0" : "")\(hour):\(min < 10 ? "0" : "")\(min)"
                : "\(hour % 12 == 0 ? 12 : hour % 12):\(min < 10 ? "0" : "")\(min)\u{202F}\(hour < 12 ? "am" : "pm")"
            let prefix = "\(date < 10 ? "0" : "")\(date)/\(month < 10 ? "0" : "")\(month)/\(year), \(clock) - "
            let roll = Int.random(in: 0..<100, using: &random)
            let sender = senders[Int.random(in: 0..<senders.count, using: &random)]
            if roll < 2 {
                emit(prefix + "\(sender) changed the group description")
                line += 1
                continue
            }
            if roll < 4 {
                emit(prefix + "\(sender): <Media omitted>")
                line += 1
                continue
            }
            var text = texts[Int.random(in: 0..<texts.count, using: &random)]
            text = text.replacing("%U", with: units[Int.random(in: 0..<units.count, using: &random)])
            text = text.replacing("%A", with: "\(Int.random(in: 20...400, using: &random)),000")
            text = text.replacing("%N", with: "\(Int.random(in: 100_000...999_999, using: &random))")
            text = text.replacing("%D", with: "\(Int.random(in: 6...9, using: &random))")
            emit(prefix + "\(sender): \(text)")
            line += 1
            if roll >= 90 && line < count {
                emit("and one more thing: line \(line) of a longer message")
                line += 1
            }
        }
        written += Int64(buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) })
        return written
    }

    /// VmRSS of this process in KB (0 when /proc is not there).
    static func currentRSSKB() -> Int {
        guard let text = readWholeFile("/proc/self/status") else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        return 0
    }
}
