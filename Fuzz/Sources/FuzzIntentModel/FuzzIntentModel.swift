import FuzzSupport
import ParleyCore

/// The intent model file loader, IntentModel(serialized:) — the bytes of a file given to
/// parley_intent_load / `language.intentModel`. The first byte picks the mode: odd seals the
/// rest with its CRC-32 (so mutations get past the checksum into the structure), even passes
/// the rest as is. A model that loads must save to the same bytes and predict without
/// crashing.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    var bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    if data[0] & 1 == 1 {
        let crc = Fuzz.crc32(bytes)
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: crc >> UInt32(shift))) }
    }
    let model: IntentModel
    do {
        model = try Fuzz.withBytes(bytes) { raw throws(ParleyError) in try IntentModel(serialized: raw) }
    } catch {
        Fuzz.check(error, "IntentModel(serialized:)")
        return 0
    }
    if model.serialized() != bytes { fatalError("a loaded model saves to different bytes") }
    for text in ["", "The kitchen tap in apt 12 is leaking", "🙂🙂", "rent rent rent receipt"] {
        let p = model.predict(text)
        if !(p.confidence >= 0 && p.confidence <= 1) { fatalError("confidence \(p.confidence) out of [0, 1] for \"\(text)\"") }
        _ = model.probabilities(text)
    }
    return 0
}
