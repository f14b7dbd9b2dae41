#if canImport(Glibc)
import Glibc
#endif
import ParleyCore

// The C entry points of the "Dead letters" section of include/parley.h: the host reports a
// failed handling, Parley retries it on a schedule and dead-letters it when the attempts are
// used up. Same conventions as CAPI.swift: out-parameters are cleared first, failures set
// parley_last_error().

/// The (chat, message id) arguments, both non-empty UTF-8.
private func messageKey(_ function: String, _ chat: UnsafePointer<CChar>?,
                        _ id: UnsafePointer<CChar>?) throws(ParleyError) -> (chat: String, id: String) {
    (try stringArgument(function, "chat", chat, nonEmpty: true).get(),
     try stringArgument(function, "message_id", id, nonEmpty: true).get())
}

@_cdecl("parley_message_fail")
public func parley_message_fail(
    _ handle: OpaquePointer?, _ chat: UnsafePointer<CChar>?, _ messageID: UnsafePointer<CChar>?,
    _ errorJSON: UnsafePointer<CChar>?, _ nowMillis: Int64
) -> Int32 {
    let function = "parley_message_fail"
    return withEngine(function, handle) { engine throws(ParleyError) in
        let key = try messageKey(function, chat, messageID)
        let error = errorJSON.map { UnsafeRawBufferPointer(start: $0, count: strlen($0)) }
        try engine.failMessage(chat: key.chat, id: key.id, errorJSON: error, now: nowMillis)
    }
}

@_cdecl("parley_dlq_run_due")
public func parley_dlq_run_due(_ handle: OpaquePointer?, _ nowMillis: Int64, _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?) -> Int32 {
    withEngineResult("parley_dlq_run_due", handle, out, outLen) { engine throws(ParleyError) in
        try engine.runDueRetries(now: nowMillis)
    }
}

@_cdecl("parley_dlq_list")
public func parley_dlq_list(_ handle: OpaquePointer?, _ queryJSON: UnsafePointer<CChar>?, _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?) -> Int32 {
    withEngineResult("parley_dlq_list", handle, out, outLen) { engine throws(ParleyError) in
        try engine.deadLetters(query: jsonArgument(engine, queryJSON, what: "dead-letter query"))
    }
}

@_cdecl("parley_dlq_get")
public func parley_dlq_get(
    _ handle: OpaquePointer?, _ chat: UnsafePointer<CChar>?, _ messageID: UnsafePointer<CChar>?, _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    let function = "parley_dlq_get"
    return withEngineResult(function, handle, out, outLen) { engine throws(ParleyError) in
        let key = try messageKey(function, chat, messageID)
        return try engine.deadLetter(chat: key.chat, id: key.id)
    }
}

@_cdecl("parley_dlq_retry")
public func parley_dlq_retry(
    _ handle: OpaquePointer?, _ chat: UnsafePointer<CChar>?, _ messageID: UnsafePointer<CChar>?, _ nowMillis: Int64,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    let function = "parley_dlq_retry"
    return withEngineResult(function, handle, out, outLen) { engine throws(ParleyError) in
        let key = try messageKey(function, chat, messageID)
        return try engine.retryDeadLetter(chat: key.chat, id: key.id, now: nowMillis)
    }
}

@_cdecl("parley_dlq_resolve")
public func parley_dlq_resolve(_ handle: OpaquePointer?, _ chat: UnsafePointer<CChar>?, _ messageID: UnsafePointer<CChar>?) -> Int32 {
    let function = "parley_dlq_resolve"
    return withEngine(function, handle) { engine throws(ParleyError) in
        let key = try messageKey(function, chat, messageID)
        try engine.resolveDeadLetter(chat: key.chat, id: key.id)
    }
}

@_cdecl("parley_dlq_purge")
public func parley_dlq_purge(_ handle: OpaquePointer?, _ queryJSON: UnsafePointer<CChar>?, _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?) -> Int32 {
    withEngineResult("parley_dlq_purge", handle, out, outLen) { engine throws(ParleyError) in
        try engine.purgeDeadLetters(query: jsonArgument(engine, queryJSON, what: "purge query"))
    }
}
