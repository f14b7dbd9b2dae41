import COpusFile

/// Mono 16-bit PCM and its sample rate.
struct DecodedAudio: Sendable {
    var samples: [Int16]
    var sampleRate: Int
    var format: AudioFormat

    var seconds: Double { sampleRate > 0 ? Double(samples.count) / Double(sampleRate) : 0 }
}

/// Decodes Ogg/Opus (libopusfile, 48 kHz, downmixed to mono) and PCM WAV, within limits.
enum AudioDecoder {
    static func decode(_ bytes: [UInt8], maxBytes: Int, maxSeconds: Double) throws(ParleyError) -> DecodedAudio {
        guard bytes.count <= maxBytes else {
            throw ParleyError(.tooLarge, "the audio is \(bytes.count) bytes, over the limit of \(maxBytes) (voice.maxBytes)")
        }
        switch try AudioFormat.sniff(bytes) {
        case .oggOpus: return try decodeOpus(bytes, maxSeconds: maxSeconds)
        case .wav: return try decodeWAV(bytes, maxSeconds: maxSeconds)
        }
    }

    static func tooLong(_ seconds: Double, _ maxSeconds: Double) -> ParleyError {
        let shown = (seconds * 10).rounded() / 10
        return ParleyError(.tooLarge, "the audio lasts \(shown) s, over the limit of \(maxSeconds) s (voice.maxSeconds)")
    }

    // MARK: Ogg/Opus

    static func decodeOpus(_ bytes: [UInt8], maxSeconds: Double) throws(ParleyError) -> DecodedAudio {
        try OggPages.validate(bytes)
        // op_open_memory reads the caller's buffer without copying: all work stays inside.
        let result: Result<[Int16], ParleyError> = bytes.withUnsafeBufferPointer { buffer in
            var error: Int32 = 0
            guard let file = op_open_memory(buffer.baseAddress, buffer.count, &error) else {
                return .failure(opusError(error, opening: true))
            }
            defer { op_free(file) }
            let maxSamples = Int(maxSeconds * 48_000)
            let total = op_pcm_total(file, -1)
            if total > 0 {
                guard total <= Int64(maxSamples) else { return .failure(tooLong(Double(total) / 48_000, maxSeconds)) }
            }
            var mono: [Int16] = []
            mono.reserveCapacity(total > 0 ? Int(total) : 48_000)
            // 120 ms of stereo at 48 kHz, the largest Opus packet.
            var stereo = [Int16](repeating: 0, count: 5_760 * 2)
            while true {
                let n = stereo.withUnsafeMutableBufferPointer { op_read_stereo(file, $0.baseAddress, Int32($0.count)) }
                if n == 0 { break }
                if n < 0 { return .failure(opusError(n, opening: false)) }
                for i in 0..<Int(n) {
                    mono.append(Int16((Int32(stereo[2 * i]) + Int32(stereo[2 * i + 1])) >> 1))
                }
                if mono.count > maxSamples { return .failure(tooLong(Double(mono.count) / 48_000, maxSeconds)) }
            }
            return .success(mono)
        }
        switch result {
        case .success(let samples):
            guard !samples.isEmpty else { throw ParleyError(.badMedia, "the Ogg/Opus stream holds no audio") }
            return DecodedAudio(samples: samples, sampleRate: 48_000, format: .oggOpus)
        case .failure(let error):
            throw error
        }
    }

    private static func opusError(_ code: Int32, opening: Bool) -> ParleyError {
        let what: String
        switch code {
        case OP_EREAD, OP_EFAULT: what = "read error"
        case OP_ENOTFORMAT: what = "no Opus stream found"
        case OP_EBADHEADER: what = "a corrupt Opus header"
        case OP_EVERSION: what = "an unknown Opus header version"
        case OP_EBADLINK, OP_EBADTIMESTAMP: what = "a corrupt or truncated Ogg stream"
        case OP_EBADPACKET: what = "a corrupt Opus packet"
        case OP_HOLE: what = "a gap in the Ogg pages (corrupt or truncated)"
        case OP_EIMPL: return ParleyError(.unsupported, "an Opus stream feature libopusfile does not implement")
        default: what = "error \(code)"
        }
        return ParleyError(.badMedia, opening ? "cannot open the Ogg/Opus audio: \(what)" : "cannot decode the Ogg/Opus audio: \(what)")
    }

    // MARK: WAV

    /// RIFF/WAVE with integer PCM of 8 (unsigned), 16, 24 or 32 bits or IEEE float of 32 or 64
    /// bits (formats 1 and 3, or WAVE_FORMAT_EXTENSIBLE with either subformat), any channel
    /// count (averaged to mono), 8 to 192 kHz.
    static func decodeWAV(_ bytes: [UInt8], maxSeconds: Double) throws(ParleyError) -> DecodedAudio {
        var offset = 12
        var channels = 0, rate = 0, bits = 0
        var float = false
        var sawFormat = false
        while offset + 8 <= bytes.count {
            let id = AudioFormat.fourCC(bytes, at: offset)
            let declared = Int(le32(bytes, offset + 4))
            let body = offset + 8
            if id == "fmt " {
                guard declared >= 16, body + 16 <= bytes.count else { throw ParleyError(.badMedia, "the WAV format chunk is cut off") }
                var format = Int(le16(bytes, body))
                channels = Int(le16(bytes, body + 2))
                rate = Int(le32(bytes, body + 4))
                bits = Int(le16(bytes, body + 14))
                if format == 0xFFFE {
                    guard declared >= 40, body + 26 <= bytes.count else { throw ParleyError(.badMedia, "the WAV extensible format chunk is cut off") }
                    format = Int(le16(bytes, body + 24))
                }
                guard format == 1 || format == 3 else {
                    let name = format == 6 || format == 7 ? "G.711" : format == 0x55 ? "MP3" : format == 2 || format == 0x11 ? "ADPCM" : "format \(format)"
                    throw ParleyError(.unsupported, "\(name) WAV audio is not supported (PCM and floating-point only)")
                }
                float = format == 3
                guard float ? bits == 32 || bits == 64 : [8, 16, 24, 32].contains(bits) else {
                    throw ParleyError(.unsupported, "\(bits)-bit \(float ? "floating-point" : "PCM") WAV audio is not supported")
                }
                guard (1...16).contains(channels) else { throw ParleyError(.badMedia, "a WAV file with \(channels) channels") }
                guard (8_000...192_000).contains(rate) else {
                    throw ParleyError(rate == 0 ? .badMedia : .unsupported, "a WAV sample rate of \(rate) Hz (8000 to 192000 supported)")
                }
                sawFormat = true
            } else if id == "data" {
                guard sawFormat else { throw ParleyError(.badMedia, "the WAV data chunk comes before its format chunk") }
                let available = bytes.count - body
                let sampleBytes = bits / 8
                let frameBytes = sampleBytes * channels
                // 0 and 0xFFFFFFFF are written by streaming recorders that never went back to fill in the size.
                let streamed = declared == 0 || declared == 0xFFFF_FFFF
                // The length is checked before anything is decoded, as declared where declared.
                let declaredSeconds = Double((streamed ? available : declared) / frameBytes) / Double(rate)
                guard declaredSeconds <= maxSeconds else { throw tooLong(declaredSeconds, maxSeconds) }
                if !streamed, declared > available {
                    throw ParleyError(.badMedia, "the WAV file is truncated: its data chunk declares \(declared) bytes, \(available) present")
                }
                let frames = (streamed ? available : declared) / frameBytes
                guard frames > 0 else { throw ParleyError(.badMedia, "the WAV file holds no audio") }
                var samples = [Int16](repeating: 0, count: frames)
                for f in 0..<frames {
                    var sum = 0
                    let base = body + f * frameBytes
                    for c in 0..<channels { sum += sample16(bytes, base + c * sampleBytes, bits: bits, float: float) }
                    samples[f] = Int16(sum / channels)
                }
                return DecodedAudio(samples: samples, sampleRate: rate, format: .wav)
            }
            // Chunks are padded to an even size.
            let next = body + declared + (declared & 1)
            guard next > offset else { break }
            offset = next
        }
        throw ParleyError(.badMedia, sawFormat ? "the WAV file has no data chunk (truncated?)" : "the WAV file has no format chunk (truncated?)")
    }

    /// One sample at `i` scaled to 16 bits: 8-bit PCM is unsigned around 128, wider PCM keeps
    /// its top 16 bits, floats in [-1, 1] are scaled and clipped.
    @inline(__always)
    private static func sample16(_ b: [UInt8], _ i: Int, bits: Int, float: Bool) -> Int {
        if float {
            let value = bits == 32 ? Double(Float(bitPattern: le32(b, i)))
                : Double(bitPattern: UInt64(le32(b, i)) | UInt64(le32(b, i + 4)) << 32)
            guard value.isFinite else { return 0 }
            return Int((max(-1, min(1, value)) * 32767).rounded())
        }
        switch bits {
        case 8: return (Int(b[i]) - 128) << 8
        case 16: return Int(Int16(bitPattern: le16(b, i)))
        case 24: return Int(Int16(bitPattern: UInt16(b[i + 1]) | UInt16(b[i + 2]) << 8))
        default: return Int(Int16(bitPattern: le16(b, i + 2)))
        }
    }

    private static func le16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }

    private static func le32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
}
