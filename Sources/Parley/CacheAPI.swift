#if canImport(Glibc)
import Glibc
#endif
import ParleyCore

// The C entry points of the "API cache" section of include/parley.h. Same conventions as
// CAPI.swift: out-parameters are cleared first, failures set parley_last_error().

/// Copies a cached value into a malloc'd buffer (NUL after its last byte) owned by the caller.
private func deliverValue(_ value: CachedValue, _ out: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>,
                          _ outLen: UnsafeMutablePointer<Int>) throws(ParleyError) {
    guard let buffer = malloc(value.count + 1)?.assumingMemoryBound(to: UInt8.self) else {
        throw ParleyError(.internal, "out of memory for a \(value.count)-byte cached value")
    }
    do {
        try value.copy(into: UnsafeMutableRawBufferPointer(start: buffer, count: value.count))
    } catch {
        free(buffer)
        throw error
    }
    buffer[value.count] = 0
    out.pointee = buffer
    outLen.pointee = value.count
}

private func optionalString(_ function: String, _ what: String, _ pointer: UnsafePointer<CChar>?) throws(ParleyError) -> String? {
    guard let pointer else { return nil }
    return try stringArgument(function, what, pointer).get()
}

private func prefixed(_ function: String, _ error: ParleyError) -> ParleyError {
    error.message.hasPrefix(function) ? error : ParleyError(error.kind, "\(function): \(error)")
}

@_cdecl("parley_cache_put")
public func parley_cache_put(
    _ handle: OpaquePointer?, _ key: UnsafePointer<CChar>?, _ value: UnsafePointer<UInt8>?, _ length: Int,
    _ nowMillis: Int64, _ options: UnsafePointer<CChar>?
) -> Int32 {
    let function = "parley_cache_put"
    return withEngine(function, handle) { engine throws(ParleyError) in
        do throws(ParleyError) {
            let text = try stringArgument(function, "key", key).get()
            guard value != nil || length == 0 else { throw ParleyError(.invalidArgument, "value is NULL with len \(length)") }
            let optionsText = try optionalString(function, "options_json", options)
            try engine.cachePut(key: text, value: UnsafeRawBufferPointer(start: value, count: length), now: nowMillis, options: optionsText)
        } catch {
            throw prefixed(function, error)
        }
    }
}

@_cdecl("parley_cache_get")
public func parley_cache_get(
    _ handle: OpaquePointer?, _ key: UnsafePointer<CChar>?, _ nowMillis: Int64,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?, _ outLen: UnsafeMutablePointer<Int>?,
    _ outStale: UnsafeMutablePointer<Int32>?
) -> Int32 {
    let function = "parley_cache_get"
    // Whichever output the host did pass is cleared, as on every failure.
    out?.pointee = nil
    outLen?.pointee = 0
    guard let out, let outLen else { return fail(.invalidArgument, "\(function): out_value or out_len is NULL") }
    outStale?.pointee = 0
    return withEngine(function, handle) { engine throws(ParleyError) in
        do throws(ParleyError) {
            let text = try stringArgument(function, "key", key).get()
            guard let found = try engine.cacheGet(key: text, now: nowMillis) else {
                throw ParleyError(.notFound, "no fresh or stale value for the key")
            }
            try deliverValue(found.value, out, outLen)
            outStale?.pointee = found.stale ? 1 : 0
        } catch {
            throw prefixed(function, error)
        }
    }
}

@_cdecl("parley_cache_lease")
public func parley_cache_lease(
    _ handle: OpaquePointer?, _ key: UnsafePointer<CChar>?, _ nowMillis: Int64, _ outLease: UnsafeMutablePointer<UInt64>?
) -> Int32 {
    let function = "parley_cache_lease"
    guard let outLease else { return fail(.invalidArgument, "\(function): out_lease is NULL") }
    outLease.pointee = 0
    return withEngine(function, handle) { engine throws(ParleyError) in
        do throws(ParleyError) {
            outLease.pointee = try engine.cacheLease(key: try stringArgument(function, "key", key).get(), now: nowMillis)
        } catch {
            throw prefixed(function, error)
        }
    }
}

@_cdecl("parley_cache_release")
public func parley_cache_release(_ handle: OpaquePointer?, _ key: UnsafePointer<CChar>?, _ lease: UInt64) -> Int32 {
    let function = "parley_cache_release"
    return withEngine(function, handle) { engine throws(ParleyError) in
        do throws(ParleyError) {
            try engine.cacheRelease(key: try stringArgument(function, "key", key).get(), lease: lease)
        } catch {
            throw prefixed(function, error)
        }
    }
}

@_cdecl("parley_cache_invalidate")
public func parley_cache_invalidate(_ handle: OpaquePointer?, _ key: UnsafePointer<CChar>?) -> Int32 {
    let function = "parley_cache_invalidate"
    return withEngine(function, handle) { engine throws(ParleyError) in
        do throws(ParleyError) {
            try engine.cacheInvalidate(key: try stringArgument(function, "key", key).get())
        } catch {
            throw prefixed(function, error)
        }
    }
}

@_cdecl("parley_cache_invalidate_tag")
public func parley_cache_invalidate_tag(_ handle: OpaquePointer?, _ tag: UnsafePointer<CChar>?, _ outCount: UnsafeMutablePointer<Int>?) -> Int32 {
    let function = "parley_cache_invalidate_tag"
    outCount?.pointee = 0
    return withEngine(function, handle) { engine throws(ParleyError) in
        do throws(ParleyError) {
            let count = try engine.cacheInvalidate(tag: try stringArgument(function, "tag", tag).get())
            outCount?.pointee = count
        } catch {
            throw prefixed(function, error)
        }
    }
}

@_cdecl("parley_cache_invalidate_prefix")
public func parley_cache_invalidate_prefix(_ handle: OpaquePointer?, _ prefix: UnsafePointer<CChar>?, _ outCount: UnsafeMutablePointer<Int>?) -> Int32 {
    let function = "parley_cache_invalidate_prefix"
    outCount?.pointee = 0
    return withEngine(function, handle) { engine throws(ParleyError) in
        do throws(ParleyError) {
            let count = try engine.cacheInvalidate(prefix: try stringArgument(function, "prefix", prefix).get())
            outCount?.pointee = count
        } catch {
            throw prefixed(function, error)
        }
    }
}

/// What a host fetcher answers through parley_cache_reply_set.
final class CacheReply {
    var bytes: [UInt8]?
    var options: String?
}

@_cdecl("parley_cache_reply_set")
public func parley_cache_reply_set(
    _ reply: OpaquePointer?, _ value: UnsafePointer<UInt8>?, _ length: Int, _ options: UnsafePointer<CChar>?
) -> Int32 {
    let function = "parley_cache_reply_set"
    guard let reply else { return fail(.invalidArgument, "\(function): reply is NULL") }
    guard value != nil || length == 0 else { return fail(.invalidArgument, "\(function): value is NULL with len \(length)") }
    do {
        let optionsText = try optionalString(function, "options_json", options)
        let box = Unmanaged<CacheReply>.fromOpaque(UnsafeRawPointer(reply)).takeUnretainedValue()
        box.bytes = length == 0 ? [] : [UInt8](UnsafeBufferPointer(start: value, count: length))
        box.options = optionsText
        return Status.ok.rawValue
    } catch {
        return fail(error)
    }
}

public typealias CacheFetcherCallback = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, OpaquePointer?) -> Int32

@_cdecl("parley_cache_fetch")
public func parley_cache_fetch(
    _ handle: OpaquePointer?, _ key: UnsafePointer<CChar>?, _ nowMillis: Int64, _ options: UnsafePointer<CChar>?,
    _ fetcher: CacheFetcherCallback?, _ userData: UnsafeMutableRawPointer?,
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?, _ outLen: UnsafeMutablePointer<Int>?,
    _ outStale: UnsafeMutablePointer<Int32>?
) -> Int32 {
    let function = "parley_cache_fetch"
    // Whichever output the host did pass is cleared, as on every failure.
    out?.pointee = nil
    outLen?.pointee = 0
    guard let out, let outLen else { return fail(.invalidArgument, "\(function): out_value or out_len is NULL") }
    outStale?.pointee = 0
    guard let fetcher else { return fail(.invalidArgument, "\(function): fetch is NULL") }
    return withEngine(function, handle) { engine throws(ParleyError) in
        let text: String
        let optionsText: String?
        do throws(ParleyError) {
            text = try stringArgument(function, "key", key).get()
            optionsText = try optionalString(function, "options_json", options)
        } catch {
            throw prefixed(function, error)
        }
        let result = try engine.cacheFetch(key: text, now: nowMillis, options: optionsText) { (wanted: String) throws(ParleyError) -> CacheFetchReply in
            let reply = CacheReply()
            let replyPointer = OpaquePointer(Unmanaged.passUnretained(reply).toOpaque())
            let status = wanted.withCString { fetcher(userData, $0, replyPointer) }
            withExtendedLifetime(reply) {}
            guard status == Status.ok.rawValue else {
                let kind = ParleyError.Kind.allCases.first { Status($0).rawValue == status } ?? .internal
                throw ParleyError(kind, "the host fetcher failed with \(kind.statusName)")
            }
            guard let bytes = reply.bytes else {
                throw ParleyError(.internal, "the host fetcher returned PARLEY_OK without calling parley_cache_reply_set")
            }
            return CacheFetchReply(bytes: bytes, options: reply.options)
        }
        try deliverValue(result.value, out, outLen)
        outStale?.pointee = result.stale ? 1 : 0
    }
}

@_cdecl("parley_cache_stats")
public func parley_cache_stats(
    _ handle: OpaquePointer?, _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLen: UnsafeMutablePointer<Int>?
) -> Int32 {
    withEngineResult("parley_cache_stats", handle, out, outLen) { engine in engine.cacheStats() }
}
