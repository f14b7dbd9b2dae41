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
    return withEngineResult(function, handle, out, outLen) { engine throws(ParleyError) in
        do throws(ParleyError) {
            return try engine.maintain(now: nowMillis)
        } catch {
            throw ParleyError(error.kind, "\(function): \(error)")
        }
    }
}
