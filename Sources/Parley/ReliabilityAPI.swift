#if canImport(Glibc)
import Glibc
#endif
import ParleyCore

// The C entry points of the "Reliability" section of include/parley.h: idempotency claims
// (durable, in the store) and circuit breakers (in memory). Same conventions as CAPI.swift:
// out-parameters are cleared first, failures set parley_last_error().

@_cdecl("parley_idempotency_claim")
public func parley_idempotency_claim(
    _ handle: OpaquePointer?, _ key: UnsafePointer<CChar>?, _ ttlSeconds: Int64, _ outFirst: UnsafeMutablePointer<Int32>?
) -> Int32 {
    let function = "parley_idempotency_claim"
    guard let outFirst else { return fail(.invalidArgument, "\(function): out_first is NULL") }
    outFirst.pointee = 0
    return withEngine(function, handle) { engine throws(ParleyError) in
        let text = try stringArgument(function, "key", key).get()
        guard ttlSeconds > 0 else { throw ParleyError(.invalidArgument, "\(function): ttl_seconds must be positive, got \(ttlSeconds)") }
        outFirst.pointee = try engine.claimIdempotencyKey(text, ttlSeconds: ttlSeconds) ? 1 : 0
    }
}

@_cdecl("parley_idempotency_release")
public func parley_idempotency_release(_ handle: OpaquePointer?, _ key: UnsafePointer<CChar>?) -> Int32 {
    let function = "parley_idempotency_release"
    return withEngine(function, handle) { engine throws(ParleyError) in
        try engine.releaseIdempotencyKey(try stringArgument(function, "key", key).get())
    }
}

@_cdecl("parley_breaker_allow")
public func parley_breaker_allow(
    _ handle: OpaquePointer?, _ name: UnsafePointer<CChar>?, _ nowMillis: Int64, _ outAllowed: UnsafeMutablePointer<Int32>?
) -> Int32 {
    let function = "parley_breaker_allow"
    guard let outAllowed else { return fail(.invalidArgument, "\(function): out_allowed is NULL") }
    outAllowed.pointee = 0
    return withEngine(function, handle) { engine throws(ParleyError) in
        let text = try stringArgument(function, "name", name).get()
        outAllowed.pointee = try engine.breakerAllow(text, now: nowMillis) ? 1 : 0
    }
}

@_cdecl("parley_breaker_record")
public func parley_breaker_record(
    _ handle: OpaquePointer?, _ name: UnsafePointer<CChar>?, _ ok: Int32, _ micros: Int64, _ nowMillis: Int64
) -> Int32 {
    let function = "parley_breaker_record"
    return withEngine(function, handle) { engine throws(ParleyError) in
        let text = try stringArgument(function, "name", name).get()
        try engine.breakerRecord(text, ok: ok != 0, micros: micros, now: nowMillis)
    }
}

@_cdecl("parley_breaker_status")
public func parley_breaker_status(
    _ handle: OpaquePointer?, _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    withEngineResult("parley_breaker_status", handle, out, outLen) { engine in engine.breakerStatus() }
}

@_cdecl("parley_writeback_park")
public func parley_writeback_park(
    _ handle: OpaquePointer?, _ dependency: UnsafePointer<CChar>?, _ payload: UnsafePointer<CChar>?, _ length: Int,
    _ key: UnsafePointer<CChar>?, _ nowMillis: Int64, _ outID: UnsafeMutablePointer<UInt64>?
) -> Int32 {
    let function = "parley_writeback_park"
    guard let outID else { return fail(.invalidArgument, "\(function): out_id is NULL") }
    outID.pointee = 0
    return withEngine(function, handle) { engine throws(ParleyError) in
        let name = try stringArgument(function, "dependency", dependency).get()
        guard let payload, length > 0 else { throw ParleyError(.invalidArgument, "\(function): payload_json is NULL or empty") }
        let keyText = try key.map { (pointer) throws(ParleyError) -> String in try stringArgument(function, "key", pointer).get() }
        let parked = try engine.parkWriteBack(dependency: name, payload: UnsafeRawBufferPointer(start: payload, count: length),
                                              key: keyText, now: nowMillis == 0 ? nil : nowMillis)
        outID.pointee = UInt64(parked["id"]?.int64Value ?? 0)
    }
}

@_cdecl("parley_writeback_replay")
public func parley_writeback_replay(
    _ handle: OpaquePointer?, _ dependency: UnsafePointer<CChar>?, _ maxCount: Int, _ nowMillis: Int64,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    let function = "parley_writeback_replay"
    return withEngineResult(function, handle, out, outLen) { engine throws(ParleyError) in
        try engine.replayWriteBacks(dependency: try stringArgument(function, "dependency", dependency).get(), max: maxCount, now: nowMillis)
    }
}

@_cdecl("parley_writeback_confirm")
public func parley_writeback_confirm(
    _ handle: OpaquePointer?, _ id: UInt64, _ ok: Int32, _ error: UnsafePointer<CChar>?
) -> Int32 {
    let function = "parley_writeback_confirm"
    return withEngine(function, handle) { engine throws(ParleyError) in
        guard id > 0 && id <= UInt64(Int64.max) else { throw ParleyError(.invalidArgument, "\(function): id must be a parked write-back's id") }
        let message = try error.map { (pointer) throws(ParleyError) -> String in try stringArgument(function, "error", pointer).get() }
        try engine.confirmWriteBack(id: Int64(id), ok: ok != 0, error: message)
    }
}
