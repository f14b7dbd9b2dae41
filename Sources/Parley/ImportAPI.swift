#if canImport(Glibc)
import Glibc
#endif
import ParleyCore

// The C entry point of the "Import" section of include/parley.h. Same conventions as
// CAPI.swift: out-parameters are cleared first, failures set parley_last_error().

@_cdecl("parley_import_chat")
public func parley_import_chat(
    _ handle: OpaquePointer?, _ path: UnsafePointer<CChar>?, _ options: UnsafePointer<CChar>?,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    withEngineResult("parley_import_chat", handle, out, outLen) { engine throws(ParleyError) in
        let file = try stringArgument("parley_import_chat", "path", path, nonEmpty: true).get()
        let parsed = try jsonArgument(engine, options, what: "import options")
        do throws(ParleyError) {
            return try engine.importChat(path: file, options: try ImportOptions(json: parsed))
        } catch {
            throw ParleyError(error.kind, "parley_import_chat: \(error)")
        }
    }
}
