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
    let function = "parley_breaker_status"
    guard let out, let outLen else { return fail(.invalidArgument, "\(function): out_json or out_len is NULL") }
    out.pointee = nil
    outLen.pointee = 0
    guard let engine = engine(handle) else { return fail(.invalidArgument, "\(function): engine is NULL") }
    return deliver(engine.breakerStatus(), out, outLen)
}
