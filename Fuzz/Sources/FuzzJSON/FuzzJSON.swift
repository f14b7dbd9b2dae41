import FuzzSupport
import ParleyCore

/// JSONParser.parse over raw bytes (UTF-8 validation, depth limit, numbers, escapes); what
/// parses must serialize and parse back to the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let buffer = UnsafeBufferPointer(start: data, count: size)
    do {
        let value = try JSONParser.parse(buffer)
        Fuzz.checkRoundTrip(value, "JSONParser")
    } catch {
        Fuzz.check(error, "JSONParser")
    }
    return 0
}
