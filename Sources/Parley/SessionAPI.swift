#if canImport(Glibc)
import Glibc
#endif
import ParleyCore

// The C entry points of the "Session" section of include/parley.h: the session lock (no
// engine needed), the client's state machine, heartbeats, health and pre-flight checks.

@_cdecl("parley_session_lock_acquire")
public func parley_session_lock_acquire(
    _ directory: UnsafePointer<CChar>?, _ options: UnsafePointer<CChar>?, _ out: UnsafeMutablePointer<OpaquePointer?>?
) -> Int32 {
    let function = "parley_session_lock_acquire"
    guard let out else { return fail(.invalidArgument, "\(function): out_lock is NULL") }
    out.pointee = nil
    do throws(ParleyError) {
        let dir = try stringArgument(function, "session_dir", directory, nonEmpty: true).get()
        var parsed: JSONValue?
        if let options {
            let text = try stringArgument(function, "options_json", options).get()
            // "" is no JSON object (PARLEY_MALFORMED_JSON, as for config_json); NULL is the defaults.
            do throws(ParleyError) { parsed = try JSONParser.parse(text) } catch {
                throw ParleyError(error.kind, "\(function): options_json is not valid: \(error)")
            }
        }
        let lock = try SessionLock.acquire(directory: dir, options: SessionLock.Options(json: parsed))
        out.pointee = OpaquePointer(Unmanaged.passRetained(lock).toOpaque())
        return Status.ok.rawValue
    } catch {
        return fail(error)
    }
}

@_cdecl("parley_session_lock_refresh")
public func parley_session_lock_refresh(_ handle: OpaquePointer?) -> Int32 {
    guard let handle else { return fail(.invalidArgument, "parley_session_lock_refresh: lock is NULL") }
    let lock = Unmanaged<SessionLock>.fromOpaque(UnsafeRawPointer(handle)).takeUnretainedValue()
    do throws(ParleyError) {
        try lock.refresh()
        return Status.ok.rawValue
    } catch {
        return fail(error)
    }
}

@_cdecl("parley_session_lock_info")
public func parley_session_lock_info(
    _ handle: OpaquePointer?, _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    // Whichever output the host did pass is cleared, as on every failure.
    out?.pointee = nil
    outLen?.pointee = 0
    guard let out, let outLen else { return fail(.invalidArgument, "parley_session_lock_info: out_json or out_len is NULL") }
    guard let handle else { return fail(.invalidArgument, "parley_session_lock_info: lock is NULL") }
    let lock = Unmanaged<SessionLock>.fromOpaque(UnsafeRawPointer(handle)).takeUnretainedValue()
    guard case .object(let object) = lock.json else { return fail(.internal, "parley_session_lock_info: no holder") }
    var result = JSONObject()
    result.append("schema", .int(1))
    for (key, value) in object.members { result.append(key, value) }
    return deliver(.object(result), out, outLen)
}

@_cdecl("parley_session_lock_release")
public func parley_session_lock_release(_ handle: OpaquePointer?) {
    guard let handle else { return }
    let lock = Unmanaged<SessionLock>.fromOpaque(UnsafeRawPointer(handle)).takeRetainedValue()
    lock.release()
}

@_cdecl("parley_session_event")
public func parley_session_event(
    _ handle: OpaquePointer?, _ event: UnsafePointer<CChar>?, _ length: Int,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    let function = "parley_session_event"
    return withEngineResult(function, handle, out, outLen) { engine throws(ParleyError) in
        guard let event, length > 0 else { throw ParleyError(.invalidArgument, "\(function): event_json is NULL or empty") }
        return try engine.sessionEvent(json: UnsafeRawBufferPointer(start: event, count: length))
    }
}

@_cdecl("parley_session_heartbeat")
public func parley_session_heartbeat(_ handle: OpaquePointer?, _ heartbeat: UnsafePointer<CChar>?, _ length: Int) -> Int32 {
    let function = "parley_session_heartbeat"
    return withEngine(function, handle) { engine throws(ParleyError) in
        guard let heartbeat, length > 0 else { throw ParleyError(.invalidArgument, "\(function): heartbeat_json is NULL or empty") }
        try engine.sessionHeartbeat(json: UnsafeRawBufferPointer(start: heartbeat, count: length))
    }
}

@_cdecl("parley_session_health")
public func parley_session_health(
    _ handle: OpaquePointer?, _ account: UnsafePointer<CChar>?, _ nowMillis: Int64,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    let function = "parley_session_health"
    return withEngineResult(function, handle, out, outLen) { engine throws(ParleyError) in
        let name = try account.map { (p) throws(ParleyError) -> String in try stringArgument(function, "account", p).get() }
        return try engine.sessionHealth(account: name, now: nowMillis)
    }
}

@_cdecl("parley_session_preflight")
public func parley_session_preflight(
    _ handle: OpaquePointer?, _ account: UnsafePointer<CChar>?, _ nowMillis: Int64,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    let function = "parley_session_preflight"
    return withEngineResult(function, handle, out, outLen) { engine throws(ParleyError) in
        let name = try account.map { (p) throws(ParleyError) -> String in try stringArgument(function, "account", p).get() }
        return try engine.sessionPreflight(account: name, now: nowMillis)
    }
}
