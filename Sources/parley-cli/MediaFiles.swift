import ArgumentParser
import ParleyCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// What `parley ocr`, `parley transcribe` and `parley parse` share: each file read through the
/// engine exactly as parley_media_ocr / _transcribe / _parse_document read it, one JSON line
/// per file ({"file", ...the result} or {"file", "error": {"status", "message"}}), exit status
/// 1 when any file failed.
func readMediaFiles(_ paths: [String], as kind: MediaKind, configuration: Configuration, options: JSONObject,
                    leaving omitted: Set<String> = [], jobs: Int = 1) throws {
    let engine = try Engine(configuration: configuration)
    defer { engine.close() }
    let optionsText = options.isEmpty ? nil : JSONWriter.string(.object(options))
    let lines = Locked((next: 0, lines: [JSONObject](repeating: JSONObject(), count: paths.count)))
    // `jobs` threads take the next file until none is left; lines are printed in the files' order.
    let work: @Sendable () -> Void = {
        while let index = lines.withLock({ state -> Int? in
            guard state.next < paths.count else { return nil }
            state.next += 1
            return state.next - 1
        }) {
            let line = readMediaFile(paths[index], as: kind, engine: engine, options: optionsText, leaving: omitted)
            lines.withLock { $0.lines[index] = line }
        }
    }
    var threads: [pthread_t] = []
    for _ in 1..<max(1, jobs) {
        let box = Unmanaged.passRetained(WorkBox(work)).toOpaque()
        var thread = pthread_t()
        if pthread_create(&thread, nil, { raw in
            Unmanaged<WorkBox>.fromOpaque(raw!).takeRetainedValue().body()
            return nil
        }, box) == 0 {
            threads.append(thread)
        } else {
            Unmanaged<WorkBox>.fromOpaque(box).release()
        }
    }
    work()
    for thread in threads { pthread_join(thread, nil) }
    var output = OutputBuffer()
    var failed = false
    for line in lines.withLock({ $0.lines }) {
        if line["error"] != nil { failed = true }
        output.write(.object(line))
    }
    output.flush()
    if failed { throw ExitCode(1) }
}

private func readMediaFile(_ path: String, as kind: MediaKind, engine: Engine, options: String?, leaving omitted: Set<String>) -> JSONObject {
    var line = JSONObject()
    line.append("file", .string(path))
    do throws(ParleyError) {
        guard let bytes = readFileBytes(path) else { throw ParleyError(.notFound, "cannot read \(path)") }
        guard case .object(let result) = try engine.readMedia(bytes, as: kind, options: options) else {
            throw ParleyError(.internal, "a media reading is not a JSON object")
        }
        for member in result.members where !omitted.contains(member.key) { line.append(member.key, member.value) }
    } catch {
        line.append("error", ["status": .string(error.kind.statusName), "message": .string(error.message)])
    }
    return line
}

/// A value shared by the reading threads, behind a mutex.
private final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private var mutex = pthread_mutex_t()

    init(_ value: Value) {
        self.value = value
        pthread_mutex_init(&mutex, nil)
    }

    func withLock<T>(_ body: (inout Value) -> T) -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body(&value)
    }
}

private final class WorkBox: @unchecked Sendable {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}

/// The configuration in a JSON file (the one parley_engine_open takes), or the defaults.
func loadConfiguration(_ path: String?) throws -> Configuration {
    guard let path else { return Configuration() }
    guard let text = readWholeFile(path) else { throw ValidationError("cannot read the configuration file \(path)") }
    return try Configuration(json: text)
}
