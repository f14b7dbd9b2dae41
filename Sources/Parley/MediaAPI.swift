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
            throw ParleyError(error.kind, "\(function): \(error)")
        }
    }
}

@_cdecl("parley_gallery_query")
public func parley_gallery_query(
    _ handle: OpaquePointer?, _ query: UnsafePointer<CChar>?,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    withEngineResult("parley_gallery_query", handle, out, outLen) { engine throws(ParleyError) in
        try engine.gallery(query: jsonArgument(engine, query, what: "gallery query"))
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

/// What a host transcriber answers through parley_transcript_reply_set.
final class TranscriptReply {
    var text: String?
    var confidence = 1.0
}

@_cdecl("parley_transcript_reply_set")
public func parley_transcript_reply_set(_ reply: OpaquePointer?, _ text: UnsafePointer<CChar>?, _ confidence: Double) -> Int32 {
    guard let reply else { return fail(.invalidArgument, "parley_transcript_reply_set: reply is NULL") }
    guard confidence.isFinite, (0...1).contains(confidence) else {
        return fail(.invalidArgument, "parley_transcript_reply_set: confidence must be between 0 and 1")
    }
    switch stringArgument("parley_transcript_reply_set", "text", text) {
    case .success(let value):
        let box = Unmanaged<TranscriptReply>.fromOpaque(UnsafeRawPointer(reply)).takeUnretainedValue()
        box.text = value
        box.confidence = confidence
        return Status.ok.rawValue
    case .failure(let error):
        return fail(error)
    }
}

public typealias TranscriberCallback = @convention(c) (
    UnsafeMutableRawPointer?, UnsafePointer<UInt8>?, Int, UnsafePointer<Int16>?, Int, UnsafePointer<CChar>?, OpaquePointer?
) -> Int32

/// The host's pointer, handed back to it on Parley's threads: the host owns its thread safety.
private struct HostPointer: @unchecked Sendable {
    let raw: UnsafeMutableRawPointer?
}

@_cdecl("parley_media_set_transcriber")
public func parley_media_set_transcriber(_ handle: OpaquePointer?, _ callback: TranscriberCallback?,
                                         _ userData: UnsafeMutableRawPointer?) -> Int32 {
    withEngine("parley_media_set_transcriber", handle) { engine throws(ParleyError) in
        guard let callback else {
            try engine.setTranscriber(nil)
            return
        }
        let user = HostPointer(raw: userData)
        try engine.setTranscriber { audio, pcm, options throws(ParleyError) -> (text: String, confidence: Double) in
            let reply = TranscriptReply()
            let replyPointer = OpaquePointer(Unmanaged.passUnretained(reply).toOpaque())
            let optionsText = JSONWriter.string(.object(options))
            let status = audio.withUnsafeBufferPointer { audioBuffer in
                pcm.withUnsafeBufferPointer { samples in
                    optionsText.withCString { optionsPointer in
                        callback(user.raw, audioBuffer.baseAddress, audioBuffer.count, samples.baseAddress, samples.count,
                                 optionsPointer, replyPointer)
                    }
                }
            }
            withExtendedLifetime(reply) {}
            guard status == Status.ok.rawValue else {
                let kind = ParleyError.Kind.allCases.first { Status($0).rawValue == status } ?? .internal
                throw ParleyError(kind, "the host transcriber failed with \(kind.statusName)")
            }
            guard let text = reply.text else {
                throw ParleyError(.internal, "the host transcriber returned PARLEY_OK without calling parley_transcript_reply_set")
            }
            return (text, reply.confidence)
        }
    }
}
