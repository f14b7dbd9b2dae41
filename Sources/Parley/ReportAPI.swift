#if canImport(Glibc)
import Glibc
#endif
import ParleyCore

// The C entry point of the "Conversation report" section of include/parley.h. Same
// conventions as CAPI.swift: out-parameters are cleared first, failures set parley_last_error().

@_cdecl("parley_report_html")
public func parley_report_html(
    _ handle: OpaquePointer?, _ options: UnsafePointer<CChar>?,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    let function = "parley_report_html"
    return withEngineResult(function, handle, out, outLen) { engine throws(ParleyError) in
        do throws(ParleyError) {
            return try engine.reportHTML(optionsJSON: jsonArgument(engine, options, what: "report options"))
        } catch {
            throw ParleyError(error.kind, "\(function): \(error)")
        }
    }
}
