#if canImport(Glibc)
import Glibc
#endif
import ParleyCore

// The C entry points of include/parley.h. Each one validates its pointers, runs the Swift
// core, records failures for parley_last_error() and hands JSON back in malloc'd buffers.

/// What a `parley_engine *` points to: a retained Engine.
func engine(_ handle: OpaquePointer?) -> Engine? {
    handle.map { Unmanaged<Engine>.fromOpaque(UnsafeRawPointer($0)).takeUnretainedValue() }
}

/// Runs one host call on `engine` as a call in progress, which `parley_engine_close` waits
/// for; refused once the engine is closing.
func entered(_ function: String, _ engine: Engine, _ body: () -> Int32) -> Int32 {
    guard engine.calls.enter() else { return fail(.storage, "\(function): the engine is closing") }
    defer { engine.calls.leave() }
    return body()
}

func fail(_ status: Status, _ message: String) -> Int32 {
    LastError.set(message)
    return status.rawValue
}

func fail(_ error: ParleyError) -> Int32 {
    fail(Status(error.kind), error.message)
}

/// Copies JSON into a NUL-terminated malloc'd buffer owned by the caller.
func deliver(_ value: JSONValue, _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                     _ outLen: UnsafeMutablePointer<Int>) -> Int32 {
    deliver(JSONWriter.serialize(value), out, outLen)
}

/// What a JSON-returning entry point hands back: a value to serialize, or text already serialized.
protocol Deliverable {
    func deliver(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, _ outLen: UnsafeMutablePointer<Int>) -> Int32
}

extension JSONValue: Deliverable {
    func deliver(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, _ outLen: UnsafeMutablePointer<Int>) -> Int32 {
        Parley.deliver(self, out, outLen)
    }
}

extension String: Deliverable {
    func deliver(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, _ outLen: UnsafeMutablePointer<Int>) -> Int32 {
        Parley.deliver(utf8, out, outLen)
    }
}

/// Copies JSON text (already serialized) into a NUL-terminated malloc'd buffer.
func deliver<Bytes: Collection<UInt8>>(_ bytes: Bytes, _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                                         _ outLen: UnsafeMutablePointer<Int>) -> Int32 {
    guard let buffer = malloc(bytes.count + 1)?.assumingMemoryBound(to: CChar.self) else {
        return fail(.internal, "out of memory for a \(bytes.count)-byte result")
    }
    UnsafeMutableRawBufferPointer(start: buffer, count: bytes.count).copyBytes(from: bytes)
    buffer[bytes.count] = 0
    out.pointee = buffer
    outLen.pointee = bytes.count
    return Status.ok.rawValue
}

private let versionString: StaticString = "0.1.0"

@_cdecl("parley_version")
public func parley_version() -> UnsafePointer<CChar> {
    UnsafeRawPointer(versionString.utf8Start).assumingMemoryBound(to: CChar.self)
}

private let unknownStatusName: StaticString = "PARLEY_UNKNOWN_STATUS"

@_cdecl("parley_status_name")
public func parley_status_name(_ status: Int32) -> UnsafePointer<CChar> {
    let name = Status(rawValue: status)?.name ?? unknownStatusName
    return UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)
}

@_cdecl("parley_last_error")
public func parley_last_error() -> UnsafePointer<CChar> {
    LastError.current
}

@_cdecl("parley_string_free")
public func parley_string_free(_ s: UnsafeMutablePointer<CChar>?) {
    free(s)
}

@_cdecl("parley_engine_open")
public func parley_engine_open(_ config: UnsafePointer<CChar>?, _ out: UnsafeMutablePointer<OpaquePointer?>?) -> Int32 {
    guard let out else { return fail(.invalidArgument, "parley_engine_open: out_engine is NULL") }
    out.pointee = nil
    var text: String?
    if let config {
        let length = strlen(config)
        guard let validated = String(validating: UnsafeBufferPointer(start: UnsafeRawPointer(config).assumingMemoryBound(to: UInt8.self), count: length), as: UTF8.self) else {
            return fail(.invalidUTF8, "parley_engine_open: config_json is not valid UTF-8")
        }
        // An empty string is most often an unset variable: a silent in-memory store would lose
        // everything the host believes durable.
        if validated.allSatisfy(\.isWhitespace) {
            return fail(.malformedJSON, "parley_engine_open: config_json is empty; pass NULL or \"{}\" for the defaults")
        }
        text = validated
    }
    do {
        let created = try Engine(configJSON: text)
        out.pointee = OpaquePointer(Unmanaged.passRetained(created).toOpaque())
        return Status.ok.rawValue
    } catch {
        return fail(error)
    }
}

@_cdecl("parley_engine_close")
public func parley_engine_close(_ handle: OpaquePointer?) {
    guard let handle else { return }
    let owned = Unmanaged<Engine>.fromOpaque(UnsafeRawPointer(handle)).takeRetainedValue()
    owned.closeFromHost()
}

/// Shared checks of the functions that take JSON in and give JSON out.
private func withJSONCall<Output: Deliverable>(
    _ name: String, _ handle: OpaquePointer?, _ input: UnsafePointer<CChar>?, _ length: Int,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?,
    _ body: (Engine, UnsafeRawBufferPointer) throws(ParleyError) -> Output
) -> Int32 {
    // Whichever output the host did pass is cleared, as on every failure.
    out?.pointee = nil
    outLen?.pointee = 0
    guard let out, let outLen else { return fail(.invalidArgument, "\(name): out_json or out_len is NULL") }
    guard let engine = engine(handle) else { return fail(.invalidArgument, "\(name): engine is NULL") }
    guard let input else { return fail(.invalidArgument, "\(name): the input pointer is NULL") }
    guard length > 0 else { return fail(.invalidArgument, "\(name): the input length is 0") }
    return entered(name, engine) {
        do throws(ParleyError) {
            return try body(engine, UnsafeRawBufferPointer(start: input, count: length)).deliver(out, outLen)
        } catch {
            return fail(error)
        }
    }
}

@_cdecl("parley_engine_process")
public func parley_engine_process(
    _ handle: OpaquePointer?, _ message: UnsafePointer<CChar>?, _ length: Int,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    withJSONCall("parley_engine_process", handle, message, length, out, outLen) { engine, bytes throws(ParleyError) in
        try engine.processSerialized(json: bytes)
    }
}

@_cdecl("parley_engine_ingest_webhook")
public func parley_engine_ingest_webhook(
    _ handle: OpaquePointer?, _ body: UnsafePointer<CChar>?, _ length: Int, _ signature: UnsafePointer<CChar>?,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    withJSONCall("parley_engine_ingest_webhook", handle, body, length, out, outLen) { engine, bytes throws(ParleyError) in
        // A header that is not UTF-8 cannot be a valid "sha256=<hex>" signature.
        let header = signature.map { String(decoding: UnsafeBufferPointer(start: UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self), count: strlen($0)), as: UTF8.self) }
        return try engine.ingestWebhook(body: bytes, signature: header)
    }
}

@_cdecl("parley_thread_list")
public func parley_thread_list(
    _ handle: OpaquePointer?, _ query: UnsafePointer<CChar>?,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    withEngineResult("parley_thread_list", handle, out, outLen) { engine throws(ParleyError) in
        try engine.threads(query: jsonArgument(engine, query, what: "thread query"))
    }
}

@_cdecl("parley_thread_get")
public func parley_thread_get(
    _ handle: OpaquePointer?, _ threadID: UnsafePointer<CChar>?,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    withEngineResult("parley_thread_get", handle, out, outLen) { engine throws(ParleyError) in
        try engine.thread(id: try stringArgument("parley_thread_get", "thread_id", threadID, nonEmpty: true).get())
    }
}

@_cdecl("parley_thread_messages")
public func parley_thread_messages(
    _ handle: OpaquePointer?, _ threadID: UnsafePointer<CChar>?, _ query: UnsafePointer<CChar>?,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    withEngineResult("parley_thread_messages", handle, out, outLen) { engine throws(ParleyError) in
        let id = try stringArgument("parley_thread_messages", "thread_id", threadID, nonEmpty: true).get()
        return try engine.threadMessages(id: id, query: jsonArgument(engine, query, what: "thread messages query"))
    }
}

/// A NUL-terminated UTF-8 string argument, or the error to fail with. Length limits are the
/// core's to check, so every host gets the same messages.
func stringArgument(_ function: String, _ what: String, _ pointer: UnsafePointer<CChar>?,
                    nonEmpty: Bool = false) -> Result<String, ParleyError> {
    guard let pointer else { return .failure(ParleyError(.invalidArgument, "\(function): \(what) is NULL")) }
    let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
    if nonEmpty && bytes.isEmpty { return .failure(ParleyError(.invalidArgument, "\(function): \(what) is empty")) }
    guard let text = String(validating: bytes, as: UTF8.self) else {
        return .failure(ParleyError(.invalidUTF8, "\(function): \(what) is not valid UTF-8"))
    }
    return .success(text)
}

/// An optional NUL-terminated JSON argument (a query, options), parsed; nil for NULL. "" is
/// no JSON object: as for config_json, an unset variable must not pass for "the defaults".
func jsonArgument(_ engine: Engine, _ text: UnsafePointer<CChar>?, what: String) throws(ParleyError) -> JSONValue? {
    guard let text else { return nil }
    guard text.pointee != 0 else { throw ParleyError(.malformedJSON, "the \(what) is empty; pass NULL for the defaults") }
    return try engine.parseArgument(UnsafeRawBufferPointer(start: text, count: strlen(text)), what: what)
}

/// The shape of every entry point that hands back JSON (or text) from an engine: clears the
/// out-parameters, checks them and the engine, runs `body` and delivers its result.
func withEngineResult<Output: Deliverable>(
    _ function: String, _ handle: OpaquePointer?,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?,
    _ body: (Engine) throws(ParleyError) -> Output
) -> Int32 {
    // Whichever output the host did pass is cleared, as on every failure.
    out?.pointee = nil
    outLen?.pointee = 0
    guard let out, let outLen else { return fail(.invalidArgument, "\(function): out_json or out_len is NULL") }
    guard let engine = engine(handle) else { return fail(.invalidArgument, "\(function): engine is NULL") }
    return entered(function, engine) {
        do throws(ParleyError) {
            return try body(engine).deliver(out, outLen)
        } catch {
            return fail(error)
        }
    }
}

/// Runs `body` with the caller's engine, mapping a thrown ParleyError onto its status.
func withEngine(_ function: String, _ handle: OpaquePointer?, _ body: (Engine) throws(ParleyError) -> Void) -> Int32 {
    guard let engine = engine(handle) else { return fail(.invalidArgument, "\(function): engine is NULL") }
    return entered(function, engine) {
        do throws(ParleyError) {
            try body(engine)
            return Status.ok.rawValue
        } catch {
            return fail(error)
        }
    }
}

@_cdecl("parley_intent_train")
public func parley_intent_train(
    _ data: UnsafePointer<CChar>?, _ length: Int, _ modelPath: UnsafePointer<CChar>?,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    // Whichever output the host did pass is cleared, as on every failure.
    out?.pointee = nil
    outLen?.pointee = 0
    guard let out, let outLen else { return fail(.invalidArgument, "parley_intent_train: out_json or out_len is NULL") }
    guard let data else { return fail(.invalidArgument, "parley_intent_train: data is NULL") }
    guard length > 0 else { return fail(.invalidArgument, "parley_intent_train: data_len is 0") }
    do {
        let path = try stringArgument("parley_intent_train", "model_path", modelPath, nonEmpty: true).get()
        return deliver(try Engine.trainIntentModel(data: UnsafeRawBufferPointer(start: data, count: length), savingTo: path), out, outLen)
    } catch {
        return fail(error)
    }
}

@_cdecl("parley_engine_load_intent_model")
public func parley_engine_load_intent_model(_ handle: OpaquePointer?, _ modelPath: UnsafePointer<CChar>?) -> Int32 {
    let function = "parley_engine_load_intent_model"
    return withEngine(function, handle) { engine throws(ParleyError) in
        try engine.loadIntentModel(path: try stringArgument(function, "model_path", modelPath, nonEmpty: true).get())
    }
}

@_cdecl("parley_lookup_set")
public func parley_lookup_set(
    _ handle: OpaquePointer?, _ lists: UnsafePointer<CChar>?, _ length: Int,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    withJSONCall("parley_lookup_set", handle, lists, length, out, outLen) { engine, bytes throws(ParleyError) in
        try engine.setLookups(engine.parseArgument(bytes, what: "lookup lists"))
    }
}
