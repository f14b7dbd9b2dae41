import FuzzSupport
import ParleyCore

/// Engine.process(json:) — message JSON in any input format (normalized, whatsapp-web.js,
/// Baileys, a Cloud API message): normalization, the pipeline, threading and the journal.
/// The same bytes a second time must come back as the stored context marked duplicate (a
/// pending placeholder: pending again),
/// and through process(batch:) as the same duplicate. Engines are reused (Fuzz.Engines).
let engines = Fuzz.Engines()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Fuzz.buffer(data, size)
    let engine = engines.next()
    let first: JSONValue
    do {
        first = try engine.process(json: input)
    } catch {
        Fuzz.check(error, "process")
        return 0
    }
    Fuzz.checkRoundTrip(first, "process")
    do {
        // A pending placeholder (a Baileys decryption stub) stays pending until its content comes.
        let expected = first["status"]?.stringValue == "pending" ? "pending" : "duplicate"
        let again = try engine.process(json: input)
        guard again["status"]?.stringValue == expected, again["id"] == first["id"], again["chat"] == first["chat"] else {
            fatalError("the same message processed twice is not a duplicate: \(JSONWriter.string(again))")
        }
        let batch = try engine.process(batch: [input])
        guard batch.count == 1, case .success(let stored) = batch[0], stored["status"]?.stringValue == expected else {
            fatalError("process(batch:) of a stored message is not a duplicate: \(batch)")
        }
    } catch {
        fatalError("a message that was processed fails the second time: \(error)")
    }
    return 0
}
