#if canImport(Glibc)
import Glibc
#endif
import ParleyCore

// The C entry points of the "Store maintenance" section of include/parley.h. Same
// conventions as CAPI.swift: out-parameters are cleared first, failures set parley_last_error().

@_cdecl("parley_store_maintain")
public func parley_store_maintain(
    _ handle: OpaquePointer?, _ nowMillis: Int64,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    let function = "parley_store_maintain"
    guard let out, let outLen else { return fail(.invalidArgument, "\(function): out_json or out_len is NULL") }
    out.pointee = nil
    outLen.pointee = 0
    guard let engine = engine(handle) else { return fail(.invalidArgument, "\(function): engine is NULL") }
    do {
        return deliver(try engine.maintain(now: nowMillis), out, outLen)
    } catch {
        return fail(ParleyError(error.kind, "\(function): \(error.message)"))
    }
}
