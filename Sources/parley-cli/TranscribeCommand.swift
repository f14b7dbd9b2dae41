import ArgumentParser
import ParleyCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

struct TranscribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transcribe",
        abstract: "Transcribe voice notes (Ogg/Opus as WhatsApp sends them, or PCM WAV); print one JSON object per file.",
        discussion: """
            Each output line is {"file", "text", "confidence", "engine", "language", "seconds", "sampleRate", \
            "format", "mode", "milliseconds", "realTimeFactor", "cpuMilliseconds"}, or {"file", "error": {"status", "message"}} for a \
            file that cannot be transcribed (the exit status is then 1, after every file). Offline with \
            PocketSphinx (US English). --grammar or --phrases decode against a small grammar: one of the \
            given phrases ("yes|no|book a viewing"), near-perfect for menu replies.
            """
    )

    @Argument(help: "Audio files.")
    var audio: [String]

    @Option(name: .long, help: "Engine configuration JSON file; its \"voice\" section is used.")
    var config: String?

    @Option(name: .long, help: "A JSGF grammar file to decode against.")
    var grammar: String?

    @Option(name: .long, help: "Phrases to decode against, separated by |, e.g. \"yes|no|book a viewing\".")
    var phrases: String?

    @Option(name: .long, help: "Files transcribed at once (each has its own decoder).")
    var jobs = 1

    func validate() throws {
        if grammar != nil && phrases != nil { throw ValidationError("give --grammar or --phrases, not both") }
        guard (1...16).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 16") }
    }

    func run() throws {
        var settings = VoiceSettings()
        if let config {
            guard let text = readWholeFile(config) else { throw ValidationError("cannot read the configuration file \(config)") }
            let root = try JSONParser.parse(text)
            guard let object = root.objectValue else { throw ValidationError("the configuration must be a JSON object") }
            if let voice = object["voice"] {
                guard let section = voice.objectValue else { throw ValidationError("\"voice\" must be an object") }
                settings = try VoiceSettings(json: section)
            }
        }
        var options = JSONObject()
        if let grammar {
            guard let text = readWholeFile(grammar) else { throw ValidationError("cannot read the grammar file \(grammar)") }
            options.append("grammar", .string(text))
        } else if let phrases {
            let list = phrases.split(separator: "|").map { JSONValue.string(String($0)) }
            options.append("phrases", .array(list))
        }
        let service = try VoiceService(settings: settings, instances: jobs)
        // Load the model before the first file, so its time is not the first file's.
        try service.warmUp()
        let files = audio
        let shared = Shared(count: files.count)
        let frozen = options
        let work: @Sendable () -> Void = {
            while let index = shared.take() {
                let path = files[index]
                var line = JSONObject([("file", .string(path))])
                if let bytes = readFileBytes(path) {
                    do throws(ParleyError) {
                        let result = try service.transcribe(bytes, options: frozen)
                        for member in result.json.members { line.append(member.key, member.value) }
                    } catch {
                        line.append("error", ["status": .string(error.kind.statusName), "message": .string(error.message)])
                    }
                } else {
                    line.append("error", ["status": "PARLEY_NOT_FOUND", "message": .string("cannot read \(path): \(String(cString: strerror(errno)))")])
                }
                shared.set(index, line)
            }
        }
        var threads: [pthread_t] = []
        for _ in 1..<jobs {
            let box = Unmanaged.passRetained(WorkBox(work)).toOpaque()
            var thread = pthread_t()
            if pthread_create(&thread, nil, { raw in
                let box = Unmanaged<WorkBox>.fromOpaque(raw!).takeRetainedValue()
                box.body()
                return nil
            }, box) == 0 {
                threads.append(thread)
            }
        }
        work()
        for thread in threads { pthread_join(thread, nil) }
        var output = OutputBuffer()
        var failed = false
        for line in shared.all() {
            if line["error"] != nil { failed = true }
            output.write(.object(line))
        }
        output.flush()
        if failed { throw ExitCode(1) }
    }
}

private final class WorkBox: @unchecked Sendable {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}

/// The next file index to take and the output lines by index (printed in the files' order),
/// shared by the worker threads.
private final class Shared: @unchecked Sendable {
    // @unchecked: every field is touched with `mutex` held.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var nextIndex = 0
    private var lines: [JSONObject]

    init(count: Int) {
        lines = Array(repeating: JSONObject(), count: count)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func take() -> Int? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard nextIndex < lines.count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    func set(_ index: Int, _ line: JSONObject) {
        pthread_mutex_lock(mutex)
        lines[index] = line
        pthread_mutex_unlock(mutex)
    }

    func all() -> [JSONObject] {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return lines
    }
}
