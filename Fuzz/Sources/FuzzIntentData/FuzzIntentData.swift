import FuzzSupport
import ParleyCore

/// The intent training data parser (JSONL or TSV bytes, what `parley train` and
/// parley_intent_train read). Small data sets are also trained on (a small hash space and
/// two epochs, to stay fast), saved to bytes and loaded back: the loaded model must predict
/// exactly as the trained one.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let examples: [IntentExample]
    do {
        examples = try IntentData.parse(Fuzz.buffer(data, size))
    } catch {
        Fuzz.check(error, "IntentData.parse")
        return 0
    }
    for example in examples where example.intent.isEmpty || example.text.isEmpty {
        fatalError("IntentData.parse returned an empty field: \(example)")
    }
    guard examples.count <= 64 else { return 0 }
    var options = IntentTrainingOptions()
    options.hashBits = 10
    options.epochs = 2
    let model: IntentModel
    do {
        model = try IntentModel.train(examples, options: options)
    } catch {
        Fuzz.check(error, "IntentModel.train")
        return 0
    }
    let bytes = model.serialized()
    let loaded: IntentModel
    do {
        loaded = try Fuzz.withBytes(bytes) { raw throws(ParleyError) in try IntentModel(serialized: raw) }
    } catch {
        fatalError("a trained model does not load back: \(error)")
    }
    if loaded.serialized() != bytes { fatalError("a model changes through save + load") }
    for text in examples.prefix(4).map(\.text) + ["", "🙂", "rent"] {
        let a = model.probabilities(text), b = loaded.probabilities(text)
        if a != b { fatalError("a loaded model predicts differently for \"\(text)\": \(a) vs \(b)") }
        let p = model.predict(text)
        if !(p.confidence >= 0 && p.confidence <= 1) { fatalError("confidence \(p.confidence) out of [0, 1] for \"\(text)\"") }
    }
    return 0
}
