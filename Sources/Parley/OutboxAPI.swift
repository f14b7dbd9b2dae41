#if canImport(Glibc)
import Glibc
#endif
import ParleyCore

// The C entry points of the "Outbox" section of include/parley.h. Same conventions as
// CAPI.swift: out-parameters are cleared first, failures set parley_last_error().

@_cdecl("parley_outbox_enqueue")
public func parley_outbox_enqueue(
    _ handle: OpaquePointer?, _ send: UnsafePointer<CChar>?, _ length: Int, _ outID: UnsafeMutablePointer<UInt64>?
) -> Int32 {
    let function = "parley_outbox_enqueue"
    guard let outID else { return fail(.invalidArgument, "\(function): out_id is NULL") }
    outID.pointee = 0
    return withEngine(function, handle) { engine throws(ParleyError) in
        guard let send else { throw ParleyError(.invalidArgument, "\(function): send_json is NULL") }
        guard length > 0 else { throw ParleyError(.invalidArgument, "\(function): len is 0") }
        outID.pointee = UInt64(try engine.outboxEnqueue(json: UnsafeRawBufferPointer(start: send, count: length)).id)
    }
}

@_cdecl("parley_outbox_next_batch")
public func parley_outbox_next_batch(
    _ handle: OpaquePointer?, _ nowMillis: Int64, _ maxCount: Int,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    withEngineResult("parley_outbox_next_batch", handle, out, outLen) { engine throws(ParleyError) in
        try engine.outboxNextBatch(now: nowMillis, max: maxCount)
    }
}

@_cdecl("parley_outbox_confirm")
public func parley_outbox_confirm(_ handle: OpaquePointer?, _ id: UInt64, _ ok: Int32, _ detail: UnsafePointer<CChar>?) -> Int32 {
    let function = "parley_outbox_confirm"
    return withEngine(function, handle) { engine throws(ParleyError) in
        guard id > 0 && id <= UInt64(Int64.max) else { throw ParleyError(.invalidArgument, "\(function): id must be an outbox send's id") }
        let text = try detail.map { (pointer) throws(ParleyError) -> String in try stringArgument(function, "error_json", pointer).get() }
        try engine.outboxConfirm(id: Int64(id), ok: ok != 0, detail: text)
    }
}

@_cdecl("parley_outbox_status")
public func parley_outbox_status(
    _ handle: OpaquePointer?, _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    withEngineResult("parley_outbox_status", handle, out, outLen) { engine throws(ParleyError) in try engine.outboxStatus() }
}

@_cdecl("parley_outbox_delivery")
public func parley_outbox_delivery(_ handle: OpaquePointer?, _ status: UnsafePointer<CChar>?, _ length: Int) -> Int32 {
    let function = "parley_outbox_delivery"
    return withEngine(function, handle) { engine throws(ParleyError) in
        guard let status else { throw ParleyError(.invalidArgument, "\(function): status_json is NULL") }
        guard length > 0 else { throw ParleyError(.invalidArgument, "\(function): len is 0") }
        let value = try engine.parseArgument(UnsafeRawBufferPointer(start: status, count: length), what: "delivery status")
        let answer = try engine.outboxDelivery(value)
        if answer["matched"]?.arrayValue?.isEmpty ?? true {
            throw ParleyError(.notFound, "\(function): no outbox send has that message id (or the status carries no progress)")
        }
    }
}

@_cdecl("parley_outbox_get")
public func parley_outbox_get(
    _ handle: OpaquePointer?, _ id: UInt64,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    withEngineResult("parley_outbox_get", handle, out, outLen) { engine throws(ParleyError) in
        guard id > 0 && id <= UInt64(Int64.max) else { throw ParleyError(.invalidArgument, "parley_outbox_get: id must be an outbox send's id") }
        return try engine.outboxGet(id: Int64(id))
    }
}
