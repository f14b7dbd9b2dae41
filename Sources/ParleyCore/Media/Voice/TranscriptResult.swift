/// A voice note's transcript.
public struct TranscriptResult: Sendable {
    public enum Mode: String, Sendable {
        /// Free speech against the general language model.
        case languageModel = "language-model"
        /// One of the sentences a grammar (or a list of phrases) allows.
        case grammar
    }

    /// The words heard, lower case, without punctuation ("" when nothing was recognized).
    public var text: String
    /// 0…1. PocketSphinx: the mean of the words' posterior probabilities in the decoding
    /// lattice (how much of the lattice's probability mass agrees on each word given the
    /// acoustic and language/grammar scores), 0 when no word was recognized. It ranks
    /// transcripts (a low value: ask again) rather than being a calibrated probability that
    /// the text is exactly right. A host transcriber reports its own.
    public var confidence: Double
    /// Fields this stage finds beyond ordinary text entities: none for speech (the language
    /// stage runs on `text`).
    public var entities: [Entity] = []
    /// "pocketsphinx" or "host".
    public var engine: String
    public var language: String
    /// The audio's duration.
    public var seconds: Double
    /// The sample rate the audio was decoded at (48000 for Opus); recognition runs at 16000.
    public var sampleRate: Int
    /// "opus" or "wav".
    public var format: String
    public var mode: Mode
    /// Wall time of the whole call (decoding, resampling, recognition).
    public var milliseconds: Double
    /// `milliseconds` over the audio's duration (below 1: faster than real time).
    public var realTimeFactor: Double
    /// CPU time the calling thread spent (wall time also counts waiting for a decoder and
    /// for a busy machine's cores).
    public var cpuMilliseconds: Double = 0

    public init(text: String, confidence: Double, engine: String, language: String, seconds: Double,
                sampleRate: Int, format: String, mode: Mode, milliseconds: Double, realTimeFactor: Double) {
        self.text = text
        self.confidence = confidence
        self.engine = engine
        self.language = language
        self.seconds = seconds
        self.sampleRate = sampleRate
        self.format = format
        self.mode = mode
        self.milliseconds = milliseconds
        self.realTimeFactor = realTimeFactor
    }

    /// `{"text", "confidence", "engine", "language", "seconds", "sampleRate", "format", "mode",
    /// "milliseconds", "realTimeFactor", "cpuMilliseconds"}`: no "entities" (the engine appends the merged list).
    public var json: JSONObject {
        JSONObject([
            ("text", .string(text)),
            ("confidence", .double(Self.rounded(confidence, 4))),
            ("engine", .string(engine)),
            ("language", .string(language)),
            ("seconds", .double(Self.rounded(seconds, 3))),
            ("sampleRate", .int(Int64(sampleRate))),
            ("format", .string(format)),
            ("mode", .string(mode.rawValue)),
            ("milliseconds", .double(Self.rounded(milliseconds, 1))),
            ("realTimeFactor", .double(Self.rounded(realTimeFactor, 4))),
            ("cpuMilliseconds", .double(Self.rounded(cpuMilliseconds, 1))),
        ])
    }

    static func rounded(_ value: Double, _ places: Int) -> Double {
        guard value.isFinite else { return 0 }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (value * scale).rounded() / scale
    }
}
