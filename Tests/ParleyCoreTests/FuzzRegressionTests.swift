@testable import ParleyCore
import Testing

/// Inputs the libFuzzer targets in Fuzz/ found to break Parley, kept as regressions. Each
/// reproducer is also in Fuzz/Corpus/<target>/regression-*, so the fuzzers start from it.
@Suite struct FuzzRegressionTests {
    static func load(_ bytes: [UInt8]) throws(ParleyError) -> IntentModel {
        try bytes.withUnsafeBytes { raw in Result { () throws(ParleyError) in try IntentModel(serialized: raw) } }.get()
    }

    /// Appends the CRC-32 a model file ends with, as FuzzIntentModel does for odd modes.
    static func sealed(_ payload: [UInt8]) -> [UInt8] {
        let crc = CRC32.checksum(payload)
        return payload + [0, 8, 16, 24].map { UInt8(truncatingIfNeeded: crc >> UInt32($0)) }
    }

    static func expectCorrupt(_ bytes: [UInt8], _ comment: Comment) {
        do {
            let model = try load(bytes)
            Issue.record("loaded, predicting \(model.predict("").confidence): \(comment)")
        } catch {
            #expect(error.kind == .corrupt, comment)
        }
    }

    /// FuzzMessage: "31e500 Frw" was money with an amount of infinity, written as null, so the
    /// context changed through serialize + parse. A number no Double holds is no number.
    @Test func aNumberPastDoubleIsNoNumber() throws {
        var options = EntityOptions()
        options.region = "RW"
        let extractor = try EntityExtractor(options: options)
        for text in ["And the electricity bill was 31e500 Frw last month", "31e500", "paid 9e999 RWF", "1.5e400k"] {
            for entity in extractor.extract(from: text) {
                let written = JSONWriter.string(entity.value)
                #expect(try JSONParser.parse(written) == entity.value, "\(text): \(written)")
            }
        }
        #expect(try extractor.extract(from: "paid 3e5 RWF").first { $0.type == "money" }?.value["amount"] == 300_000)
    }

    /// FuzzIntentModel, regression-nan-temperature: a model file whose temperature is a
    /// subnormal float (8.5e-43) loaded, and every prediction had confidence NaN (1/T is
    /// infinite, 0 × inf in the softmax). Now refused as corrupt.
    @Test func aModelFileWithATinyTemperatureIsRefused() {
        let reproducer: [UInt8] = [
            0x50, 0x52, 0x4c, 0x59, 0x49, 0x4e, 0x54, 0x01, 0x0a, 0x03, 0x05, 0x01, 0x02, 0x00, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80, 0x3f, 0x01, 0x00, 0x00, 0x00, 0x61, 0x02, 0x00, 0x00,
            0x01, 0x00, 0x00, 0x00, 0x61, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80, 0x3f, 0x00,
            0x00, 0x80, 0x00,
        ]
        Self.expectCorrupt(Self.sealed(reproducer), "the fuzzer's reproducer")
    }

    /// The same class of file built from a real model: any temperature outside what training
    /// fits, or a weight so large that a logit overflows to infinity, gives NaN confidences.
    @Test func modelFilesThatWouldPredictNaNAreRefused() throws {
        var examples: [IntentExample] = []
        for text in ["rent paid", "I sent the rent", "rent receipt please"] { examples.append(IntentExample(text: text, intent: "rent")) }
        for text in ["the tap leaks", "broken window", "no hot water"] { examples.append(IntentExample(text: text, intent: "repair")) }
        let model = try IntentModel.train(examples)
        let payload = Array(model.serialized().dropLast(4))
        #expect(try Self.load(Self.sealed(payload)).serialized() == model.serialized())

        func patched(at offset: Int, _ value: Float) -> [UInt8] {
            var bytes = payload
            for i in 0..<4 { bytes[offset + i] = UInt8(truncatingIfNeeded: value.bitPattern >> UInt32(8 * i)) }
            return Self.sealed(bytes)
        }
        // Header: magic 7, version 1, 4 settings, 2 × u32, then wordWeight, charWeight, temperature.
        for temperature: Float in [1e-40, .leastNonzeroMagnitude, 1e-3, 1e3, 0, -1, .infinity, .nan] {
            Self.expectCorrupt(patched(at: 28, temperature), "temperature \(temperature)")
        }
        for weight: Float in [1e30, -1, .greatestFiniteMagnitude] {
            Self.expectCorrupt(patched(at: 20, weight), "wordWeight \(weight)")
        }
        // The last float before the checksum is a weight.
        for weight: Float in [3e38, -3e38, 1e7] {
            Self.expectCorrupt(patched(at: payload.count - 4, weight), "a weight of \(weight)")
        }
        // In range: loads and predicts a probability.
        let fine = try Self.load(patched(at: 28, 19.5))
        let prediction = fine.predict("rent")
        #expect(prediction.confidence >= 0 && prediction.confidence <= 1)
    }

    @Test func trainingRefusesGroupWeightsAModelFileCannotHold() {
        var options = IntentTrainingOptions()
        options.wordWeight = 1e7
        let examples = [IntentExample(text: "rent", intent: "rent"), IntentExample(text: "tap", intent: "repair")]
        #expect(throws: ParleyError.self) { try IntentModel.train(examples, options: options) }
    }
}
