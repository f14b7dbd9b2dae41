import FuzzSupport
import ParleyCore

/// The JSON and strings hosts pass to the outbox, the session calls and the API cache, and the
/// log masker. The first byte picks the call, the rest is its input:
///   0 outbox enqueue (a send), 1 outbox delivery status, 2 outbox confirm (the send API's
///   answer, for a send just handed out, failed or ok by the next byte), 3 session event,
///   4 session heartbeat, 5 cache put (key up to the first newline, then the options JSON;
///   the value is the whole input), 6 LogMask over any text.
/// Every refusal must carry a message; every JSON answer must round-trip.
let engines = Fuzz.Engines()
nonisolated(unsafe) var clock: Int64 = 1_764_000_000_000

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let input = Fuzz.buffer(data + 1, size - 1)
    let engine = engines.next()
    clock += 1_000
    do {
        switch data[0] % 7 {
        case 0:
            let (id, _) = try engine.outboxEnqueue(json: input)
            Fuzz.checkRoundTrip(try engine.outboxGet(id: id), "outboxGet")
            Fuzz.checkRoundTrip(try engine.outboxNextBatch(now: clock, max: 10), "outboxNextBatch")
        case 1:
            let status = try JSONParser.parse(input.bindMemory(to: UInt8.self))
            Fuzz.checkRoundTrip(try engine.outboxDelivery(status), "outboxDelivery")
        case 2:
            let (id, _) = try engine.outboxEnqueue(["to": "250788123456", "text": "fuzz"])
            _ = try engine.outboxNextBatch(now: clock, max: 10)
            let ok = size >= 2 && data[1] & 1 == 1
            let detail = size >= 2 ? String(decoding: UnsafeRawBufferPointer(rebasing: input.dropFirst()), as: UTF8.self) : nil
            _ = try engine.outboxConfirm(id: id, ok: ok, detail: detail)
            Fuzz.checkRoundTrip(try engine.outboxStatus(), "outboxStatus")
        case 3:
            Fuzz.checkRoundTrip(try engine.sessionEvent(json: input), "sessionEvent")
            Fuzz.checkRoundTrip(try engine.sessionHealth(account: nil, now: clock), "sessionHealth")
        case 4:
            try engine.sessionHeartbeat(json: input)
            Fuzz.checkRoundTrip(try engine.sessionHealth(account: nil, now: clock), "sessionHealth")
        case 5:
            let newline = input.firstIndex(of: 0x0A) ?? input.count
            let key = String(decoding: UnsafeRawBufferPointer(rebasing: input[0..<newline]), as: UTF8.self)
            let options = newline < input.count ? String(decoding: UnsafeRawBufferPointer(rebasing: input[(newline + 1)...]), as: UTF8.self) : nil
            try engine.cachePut(key: key, value: input, now: clock, options: options)
            if let hit = try engine.cacheGet(key: key, now: clock) { _ = hit }
            Fuzz.checkRoundTrip(engine.cacheStats(), "cacheStats")
        default:
            _ = LogMask.mask(String(decoding: input, as: UTF8.self))
        }
    } catch {
        Fuzz.check(error, "host call \(data[0] % 7)")
    }
    return 0
}
