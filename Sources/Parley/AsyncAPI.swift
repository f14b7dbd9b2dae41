#if canImport(Glibc)
import Glibc
#endif
import ParleyCore

// The C entry points of the "Asynchronous processing" section of include/parley.h.

@_cdecl("parley_engine_submit")
public func parley_engine_submit(
    _ handle: OpaquePointer?, _ message: UnsafePointer<CChar>?, _ length: Int, _ priority: Int32,
    _ outTicket: UnsafeMutablePointer<UInt64>?
) -> Int32 {
    let function = "parley_engine_submit"
    guard let outTicket else { return fail(.invalidArgument, "\(function): out_ticket is NULL") }
    outTicket.pointee = 0
    return withEngine(function, handle) { engine throws(ParleyError) in
        guard let message else { throw ParleyError(.invalidArgument, "\(function): message_json is NULL") }
        guard length > 0 else { throw ParleyError(.invalidArgument, "\(function): message_len is 0") }
        guard let lane = Priority(rawValue: Int(priority)) else {
            throw ParleyError(.invalidArgument, "\(function): priority must be PARLEY_PRIORITY_HIGH (0), _NORMAL (1) or _LOW (2), got \(priority)")
        }
        outTicket.pointee = UInt64(try engine.submit(json: UnsafeRawBufferPointer(start: message, count: length), priority: lane))
    }
}

@_cdecl("parley_engine_poll")
public func parley_engine_poll(
    _ handle: OpaquePointer?, _ maxResults: Int, _ timeoutMillis: Int32,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    let function = "parley_engine_poll"
    return withEngineResult(function, handle, out, outLen) { engine throws(ParleyError) in
        guard maxResults > 0 else { throw ParleyError(.invalidArgument, "\(function): max_results must be at least 1") }
        let outcomes = engine.poll(max: maxResults, timeoutMillis: Int(timeoutMillis))
        return "[" + outcomes.map(\.json).joined(separator: ",") + "]"
    }
}

/// The host's callback and its user data, called for each result.
private struct HostCallback: @unchecked Sendable {
    // @unchecked: user_data is the host's; the header tells it the callback runs on Parley's threads.
    let function: @convention(c) (UnsafeMutableRawPointer?, UInt64, Int32, UnsafePointer<CChar>?, Int) -> Void
    let userData: UnsafeMutableRawPointer?

    func call(_ outcome: Outcome) {
        let status: Int32
        var text: String
        switch outcome.result {
        case .success(let context):
            status = Status.ok.rawValue
            // The callback has no envelope: a recovered result says so inside its context.
            text = outcome.recovered && context.hasPrefix("{") ? "{\"recovered\":true," + context.dropFirst() : context
        case .failure(let error):
            status = Status(error.kind).rawValue
            text = JSONWriter.string(["status": .string(error.kind.statusName), "message": .string(error.message)])
        }
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { function(userData, UInt64(outcome.ticket), status, $0.baseAddress, $0.count) }
        }
    }
}

@_cdecl("parley_engine_set_callback")
public func parley_engine_set_callback(
    _ handle: OpaquePointer?,
    _ callback: (@convention(c) (UnsafeMutableRawPointer?, UInt64, Int32, UnsafePointer<CChar>?, Int) -> Void)?,
    _ userData: UnsafeMutableRawPointer?
) -> Int32 {
    withEngine("parley_engine_set_callback", handle) { engine in
        guard let callback else {
            engine.setCallback(nil)
            return
        }
        let host = HostCallback(function: callback, userData: userData)
        engine.setCallback { outcome in host.call(outcome) }
    }
}

@_cdecl("parley_engine_drain")
public func parley_engine_drain(_ handle: OpaquePointer?, _ timeoutMillis: Int32) -> Int32 {
    withEngine("parley_engine_drain", handle) { engine throws(ParleyError) in
        guard !ResultCallbackScope.isActive else {
            throw ParleyError(.unsupported, "parley_engine_drain: called from the result callback, it would wait for that callback to return")
        }
        guard engine.drain(timeoutMillis: Int(timeoutMillis)) else {
            // Waiting without a limit ends early only when the engine is closed meanwhile.
            throw ParleyError(.timeout, timeoutMillis < 0
                ? "parley_engine_drain: the engine was closed while messages were still being processed"
                : "parley_engine_drain: messages were still being processed after \(timeoutMillis) ms")
        }
    }
}

@_cdecl("parley_engine_submit_batch")
public func parley_engine_submit_batch(
    _ handle: OpaquePointer?, _ messages: UnsafePointer<CChar>?, _ length: Int, _ priority: Int32,
    _ outTickets: UnsafeMutablePointer<UInt64>?, _ capacity: Int, _ outCount: UnsafeMutablePointer<Int>?
) -> Int32 {
    let function = "parley_engine_submit_batch"
    guard let outCount else { return fail(.invalidArgument, "\(function): out_count is NULL") }
    outCount.pointee = 0
    return withEngine(function, handle) { engine throws(ParleyError) in
        guard let messages else { throw ParleyError(.invalidArgument, "\(function): messages_json is NULL") }
        guard length > 0 else { throw ParleyError(.invalidArgument, "\(function): len is 0") }
        guard let lane = Priority(rawValue: Int(priority)) else {
            throw ParleyError(.invalidArgument, "\(function): priority must be PARLEY_PRIORITY_HIGH (0), _NORMAL (1) or _LOW (2), got \(priority)")
        }
        let batch = try engine.parseBatch(json: UnsafeRawBufferPointer(start: messages, count: length))
        guard batch.count <= capacity, batch.isEmpty || outTickets != nil else {
            // Nothing is stored; the host learns how many tickets it needs.
            outCount.pointee = batch.count
            throw ParleyError(.invalidArgument, "\(function): the batch holds \(batch.count) messages and out_tickets "
                              + (outTickets == nil ? "is NULL" : "has room for \(capacity)"))
        }
        let tickets = try engine.submit(batch: batch, priority: lane)
        for (index, ticket) in tickets.enumerated() { outTickets![index] = UInt64(ticket) }
        outCount.pointee = tickets.count
    }
}
