#if canImport(Glibc)
import Glibc
#endif
import ParleyCore

// The C entry points of the "Media" section of include/parley.h. Same conventions as
// CAPI.swift: out-parameters are cleared first, failures set parley_last_error().

@_cdecl("parley_media_ocr")
public func parley_media_ocr(
    _ handle: OpaquePointer?, _ bytes: UnsafePointer<UInt8>?, _ length: Int, _ options: UnsafePointer<CChar>?,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    readMedia("parley_media_ocr", .image, handle, bytes, length, options, out, outLen)
}

@_cdecl("parley_media_transcribe")
public func parley_media_transcribe(
    _ handle: OpaquePointer?, _ bytes: UnsafePointer<UInt8>?, _ length: Int, _ options: UnsafePointer<CChar>?,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    readMedia("parley_media_transcribe", .audio, handle, bytes, length, options, out, outLen)
}

@_cdecl("parley_media_parse_document")
public func parley_media_parse_document(
    _ handle: OpaquePointer?, _ bytes: UnsafePointer<UInt8>?, _ length: Int, _ options: UnsafePointer<CChar>?,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    readMedia("parley_media_parse_document", .document, handle, bytes, length, options, out, outLen)
}

private func readMedia(
    _ function: String, _ kind: MediaKind, _ handle: OpaquePointer?, _ bytes: UnsafePointer<UInt8>?, _ length: Int,
    _ options: UnsafePointer<CChar>?,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    withEngineResult(function, handle, out, outLen) { engine throws(ParleyError) in
        guard let bytes else { throw ParleyError(.invalidArgument, "\(function): bytes is NULL") }
        guard length > 0 else { throw ParleyError(.invalidArgument, "\(function): len is 0 (an empty file)") }
        let text = try options.map { (pointer) throws(ParleyError) -> String in try stringArgument(function, "options_json", pointer).get() }
        do throws(ParleyError) {
            return try engine.readMedia(Array(UnsafeBufferPointer(start: bytes, count: length)), as: kind, options: text)
        } catch {
            throw ParleyError(error.kind, "\(function): \(error.message)")
        }
    }
}

@_cdecl("parley_gallery_query")
public func parley_gallery_query(
    _ handle: OpaquePointer?, _ query: UnsafePointer<CChar>?,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    withEngineResult("parley_gallery_query", handle, out, outLen) { engine throws(ParleyError) in
        let parsed = try query.map { (text) throws(ParleyError) -> JSONValue in
            try engine.parseArgument(UnsafeRawBufferPointer(start: text, count: strlen(text)), what: "gallery query")
        }
        return try engine.gallery(query: parsed)
    }
}

@_cdecl("parley_gallery_get")
public func parley_gallery_get(
    _ handle: OpaquePointer?, _ sha256: UnsafePointer<CChar>?,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    withEngineResult("parley_gallery_get", handle, out, outLen) { engine throws(ParleyError) in
        try engine.galleryItem(sha256: try stringArgument("parley_gallery_get", "sha256", sha256, nonEmpty: true).get())
    }
}
