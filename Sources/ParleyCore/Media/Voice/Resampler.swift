import CSoxr

/// Sample-rate conversion to the recognizer's 16 kHz with libsoxr (Debian's libsoxr0).
///
/// Why libsoxr rather than a hand-made filter: 48 → 16 kHz alone would be a fixed 3:1
/// decimation, but WAV from hosts comes at 8, 11.025, 22.05, 44.1 kHz…, which needs arbitrary
/// ratios; soxr's "HQ" recipe (20-bit, linear phase, pass band to 91 % of Nyquist, stop-band
/// attenuation ~125 dB) is well tested, fast (SIMD), and 100 KB. One-shot, single-threaded calls
/// (no state shared between threads).
enum Resampler {
    static func resample(_ samples: [Int16], from inputRate: Int, to outputRate: Int = 16_000) throws(ParleyError) -> [Int16] {
        guard inputRate != outputRate, !samples.isEmpty else { return samples }
        let capacity = Int((Double(samples.count) * Double(outputRate) / Double(inputRate)).rounded(.up)) + 16
        var output = [Int16](repeating: 0, count: capacity)
        var produced = 0
        var io = soxr_io_spec(SOXR_INT16_I, SOXR_INT16_I)
        var quality = soxr_quality_spec(UInt(SOXR_HQ), 0)
        var runtime = soxr_runtime_spec(1)
        let error: soxr_error_t? = samples.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                soxr_oneshot(Double(inputRate), Double(outputRate), 1,
                             UnsafeRawPointer(input.baseAddress), input.count, nil,
                             UnsafeMutableRawPointer(out.baseAddress), out.count, &produced,
                             &io, &quality, &runtime)
            }
        }
        if let error {
            throw ParleyError(.internal, "resampling \(inputRate) → \(outputRate) Hz failed: \(String(cString: error))")
        }
        output.removeSubrange(min(produced, output.count)...)
        return output
    }
}
