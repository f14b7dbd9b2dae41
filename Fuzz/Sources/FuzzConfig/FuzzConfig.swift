import FuzzSupport
import ParleyCore

/// Configuration(json:): the strict configuration JSON (store, region, time zone, language,
/// currency, lookups, webhook, threads, limits, breakers). A configuration that is accepted
/// and names no file (no store path, no intent model) also opens an engine and processes one
/// message, so time zones, regions, currencies and lookup lists are exercised for real.
let probe: [UInt8] = Array(#"{"id":"m1","chat":"c1","from":"250788123456","timestamp":1764052800,"type":"text","text":"Hi, I paid 250,000 RWF rent for apt 12B on 3/4 at 5pm, call +250 788 123 456 tomorrow"}"#.utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let configuration: Configuration
    do {
        configuration = try Configuration(json: text)
    } catch {
        Fuzz.check(error, "Configuration")
        return 0
    }
    // Never let the fuzzer create or read files.
    guard configuration.storePath == nil, configuration.intentModelPath == nil else { return 0 }
    do {
        let engine = try Engine(configuration: configuration)
        defer { engine.close() }
        let context = try Fuzz.withBytes(probe) { bytes throws(ParleyError) in try engine.process(json: bytes) }
        Fuzz.checkRoundTrip(context, "process with a fuzzed configuration")
    } catch {
        Fuzz.check(error, "Engine")
    }
    return 0
}
