/// What the first bytes say the audio is. Names and mimetypes are never trusted.
enum AudioFormat: String, Sendable, Equatable {
    case oggOpus = "opus"
    case wav

    /// Sniffs `bytes`: Ogg whose first packet is `OpusHead`, or RIFF/WAVE. Known formats
    /// Parley does not decode (Ogg Vorbis/Speex/FLAC, MP3, AAC/M4A, AMR, FLAC, WebM) are
    /// `.unsupported`; empty, cut-off or unrecognizable bytes are `.badMedia`.
    static func sniff(_ bytes: [UInt8]) throws(ParleyError) -> AudioFormat {
        guard !bytes.isEmpty else { throw ParleyError(.badMedia, "the audio is empty (0 bytes)") }
        if starts(bytes, "OggS") { return try sniffOgg(bytes) }
        if starts(bytes, "RIFF") {
            guard bytes.count >= 12 else { throw ParleyError(.badMedia, "the WAV file is cut off inside its header") }
            guard matches(bytes, at: 8, "WAVE") else {
                throw ParleyError(.unsupported, "a RIFF file that is not WAVE audio (\(fourCC(bytes, at: 8)))")
            }
            return .wav
        }
        if let name = unsupportedName(bytes) {
            throw ParleyError(.unsupported, "\(name) audio is not supported (voice notes: Ogg/Opus; also PCM WAV)")
        }
        throw ParleyError(.badMedia, "not an audio file Parley recognizes (expected Ogg/Opus or WAV)")
    }

    /// The first Ogg page (27-byte header, segment table) must carry the codec's
    /// identification packet.
    private static func sniffOgg(_ bytes: [UInt8]) throws(ParleyError) -> AudioFormat {
        guard bytes.count >= 28 else { throw ParleyError(.badMedia, "the Ogg file is cut off inside its first page header") }
        guard bytes[4] == 0 else { throw ParleyError(.badMedia, "an Ogg page of unknown version \(bytes[4])") }
        let segments = Int(bytes[26])
        let start = 27 + segments
        guard bytes.count >= start + 8 else { throw ParleyError(.badMedia, "the Ogg file is cut off inside its first page") }
        if matches(bytes, at: start, "OpusHead") { return .oggOpus }
        let codecs: [(String, String)] = [
            ("\u{01}vorbis", "Ogg Vorbis"), ("Speex   ", "Ogg Speex"), ("\u{7F}FLAC", "Ogg FLAC"),
            ("fishead", "Ogg Skeleton"), ("\u{80}theora", "Ogg Theora"),
        ]
        for (magic, name) in codecs where matches(bytes, at: start, magic) {
            throw ParleyError(.unsupported, "\(name) is not supported (voice notes: Ogg/Opus)")
        }
        throw ParleyError(.unsupported, "an Ogg stream of a codec other than Opus")
    }

    private static func unsupportedName(_ bytes: [UInt8]) -> String? {
        if starts(bytes, "ID3") { return "MP3" }
        if bytes.count >= 2 && bytes[0] == 0xFF && (bytes[1] & 0xE0) == 0xE0 {
            // MPEG audio frame sync; layer bits 01/10/11 (MP3, MP2, MP1), or ADTS AAC (layer 00).
            return (bytes[1] & 0x06) == 0 ? "AAC (ADTS)" : "MP3"
        }
        if starts(bytes, "#!AMR") { return "AMR" }
        if starts(bytes, "fLaC") { return "FLAC" }
        if bytes.count >= 12 && matches(bytes, at: 4, "ftyp") { return "MP4/M4A" }
        if starts(bytes, "\u{1A}\u{45}\u{DF}\u{A3}") { return "WebM/Matroska" }
        if starts(bytes, "FORM") { return "AIFF" }
        if starts(bytes, "RF64") { return "RF64" }
        return nil
    }

    static func starts(_ bytes: [UInt8], _ magic: String) -> Bool { matches(bytes, at: 0, magic) }

    static func matches(_ bytes: [UInt8], at offset: Int, _ magic: String) -> Bool {
        let m = Array(magic.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
        guard offset >= 0, bytes.count >= offset + m.count else { return false }
        for i in 0..<m.count where bytes[offset + i] != m[i] { return false }
        return true
    }

    static func fourCC(_ bytes: [UInt8], at offset: Int) -> String {
        guard bytes.count >= offset + 4 else { return "?" }
        return String(decoding: bytes[offset..<offset + 4].map { (0x20...0x7E).contains($0) ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
    }
}
