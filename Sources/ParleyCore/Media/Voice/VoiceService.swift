// Voice notes: WhatsApp's Ogg/Opus (or PCM WAV) → 16 kHz mono → text.
//
// Engine choice. Offline, by default, Debian's PocketSphinx 0.8+5prealpha with its en-US model
// (libpocketsphinx3, pocketsphinx-en-us): the only speech recognizer Debian 12 packages as a C
// library (`apt-cache search` finds no whisper.cpp, Vosk or Kaldi there; "python3-whisper" is an
// unrelated database). PocketSphinx 5 is somewhat more accurate (issue 7 measured WER ~0.28
// against ~0.37) but exists only as a PyPI wheel, which a C library built from Debian packages
// cannot link; whisper.cpp or Vosk would be far better on free speech but mean vendoring a
// large C++ build and a 75 MB–1.5 GB model. So:
//  - free speech ("language-model" mode) with PocketSphinx: usable for short, clear voice notes,
//    with a confidence that tells the host when to ask again;
//  - grammar mode (JSGF, or a list of phrases turned into one) for what a bot really asks —
//    menu replies, yes/no, numbers — where PocketSphinx is near-perfect (Benchmarks/voice);
//  - a host transcriber (`setHostTranscriber`, engine "host") for other languages or a cloud
//    service: Parley still decodes and resamples, the host gets 16 kHz PCM and the bytes.
// Measured in Benchmarks/voice/RESULTS.md.

#if canImport(Glibc)
import Glibc
#endif

/// A transcriber the host provides (other languages, a cloud service): gets the original bytes,
/// the audio decoded to 16 kHz mono 16-bit PCM, and the call's options.
public typealias HostTranscriber = @Sendable (_ audio: [UInt8], _ pcm16k: [Int16], _ options: JSONObject) throws(ParleyError) -> (text: String, confidence: Double)

/// Transcribes voice notes; thread-safe, called concurrently from the engine's workers.
public final class VoiceService: Sendable {
    public let settings: VoiceSettings
    /// At most this many PocketSphinx decoders exist (each ~25 MB); a call beyond waits.
    public let instances: Int
    private let pool: HandlePool<SphinxDecoder>
    private let hostTranscriber = Guarded<HostTranscriber?>(nil)
    private let defaultGrammar: VoiceGrammarSource?

    /// Decoders are created at first use, not here; the model files are checked here.
    public init(settings: VoiceSettings = VoiceSettings(), instances: Int = 1) throws(ParleyError) {
        guard (1...64).contains(instances) else {
            throw ParleyError(.invalidArgument, "voice instances must be between 1 and 64, got \(instances)")
        }
        self.settings = settings
        self.instances = instances
        if settings.engine == .pocketsphinx {
            for (name, path) in [("acousticModel", settings.acousticModel + "/mdef"), ("languageModel", settings.languageModel), ("dictionary", settings.dictionary)] {
                guard access(path, R_OK) == 0 else {
                    throw ParleyError(.invalidConfig, "voice.\(name): cannot read \(path) (install pocketsphinx-en-us, or point voice.\(name) at a model)")
                }
            }
        }
        if let g = settings.grammar {
            do throws(ParleyError) {
                defaultGrammar = try VoiceGrammarSource(g)
            } catch {
                throw ParleyError(.invalidConfig, "voice.grammar: \(error)")
            }
        } else {
            defaultGrammar = nil
        }
        pool = HandlePool(capacity: instances) { () throws(ParleyError) in try SphinxDecoder(settings: settings) }
    }

    /// Registers (or with nil removes) the host's transcriber, used when the engine is "host".
    public func setHostTranscriber(_ transcriber: HostTranscriber?) {
        hostTranscriber.withLock { $0 = transcriber }
    }

    /// Creates one decoder now (loading the model takes ~1 s) so the first voice note does
    /// not wait for it. Optional: decoders are otherwise created at first use.
    public func warmUp() throws(ParleyError) {
        guard settings.engine == .pocketsphinx else { return }
        try pool.withHandle { (_) throws(ParleyError) in }
    }

    /// Decoders created so far (they are created lazily, at most `instances`).
    public var decodersCreated: Int { pool.createdCount }

    /// Transcribes one voice note. `options`: `{"engine", "grammar" | "phrases", "language",
    /// "host"}` (see `VoiceOptions`); bad options are `.invalidArgument`.
    public func transcribe(_ bytes: [UInt8], options: JSONObject = JSONObject()) throws(ParleyError) -> TranscriptResult {
        let parsed = try VoiceOptions(json: options)
        return try transcribe(bytes, options: parsed, raw: options)
    }

    public func transcribe(_ bytes: [UInt8], options: VoiceOptions, raw: JSONObject = JSONObject()) throws(ParleyError) -> TranscriptResult {
        let clock = ContinuousClock()
        let start = clock.now
        let cpuStart = Self.threadCPUMilliseconds()
        let engine = options.engine ?? settings.engine
        let grammar: VoiceGrammarSource?
        if let g = options.grammar { grammar = try VoiceGrammarSource(g) } else { grammar = defaultGrammar }
        let host: HostTranscriber?
        if engine == .host {
            host = hostTranscriber.withLock { $0 }
            guard host != nil else {
                throw ParleyError(.unsupported, "voice engine \"host\" is selected but the host registered no transcriber")
            }
        } else {
            host = nil
        }

        let audio = try AudioDecoder.decode(bytes, maxBytes: settings.maxBytes, maxSeconds: settings.maxSeconds)
        let pcm = try Resampler.resample(audio.samples, from: audio.sampleRate, to: 16_000)

        let text: String
        let confidence: Double
        if let host {
            let answer = try host(bytes, pcm, raw)
            text = answer.text
            confidence = answer.confidence.isFinite ? min(1, max(0, answer.confidence)) : 0
        } else {
            (text, confidence) = try pool.withHandle { (decoder) throws(ParleyError) in
                try decoder.select(grammar)
                try decoder.startNote()
                var words: [String] = []
                var posteriors: [Double] = []
                var margins: [Double] = []
                var wordFrames = 0
                for range in Self.utterances(pcm) {
                    let piece = try decoder.decode(pcm[range])
                    if !piece.text.isEmpty { words.append(piece.text) }
                    posteriors += piece.posteriors
                    if grammar != nil && !piece.text.isEmpty {
                        margins.append(Double(piece.acousticScore) / Double(max(1, piece.wordFrames)))
                        wordFrames += piece.wordFrames
                    }
                }
                var mean = posteriors.isEmpty ? 0 : posteriors.reduce(0, +) / Double(posteriors.count)
                if !margins.isEmpty {
                    let margin = margins.reduce(0, +) / Double(margins.count)
                    mean *= Self.grammarFit(margin) * Self.speechCovered(wordFrames: wordFrames, of: pcm)
                }
                return (words.joined(separator: " "), words.isEmpty ? 0 : mean)
            }
        }
        let elapsed = clock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15
        var result = TranscriptResult(
            text: text, confidence: confidence, engine: engine.rawValue,
            // PocketSphinx speaks its model's language; a host may be asked for another.
            language: engine == .host ? options.language ?? settings.language : settings.language, seconds: audio.seconds,
            sampleRate: audio.sampleRate, format: audio.format.rawValue,
            mode: grammar == nil ? .languageModel : .grammar, milliseconds: milliseconds,
            realTimeFactor: audio.seconds > 0 ? milliseconds / 1e3 / audio.seconds : 0)
        result.cpuMilliseconds = Self.threadCPUMilliseconds() - cpuStart
        return result
    }

    static func threadCPUMilliseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
    }

    /// How well the grammar's words fit the audio, 0…1, from their mean acoustic score per
    /// frame relative to each frame's best-scoring senone (PocketSphinx's normalized scores,
    /// ~0.1 nat per unit; 0 would be a path through the best senone of every frame).
    ///
    /// A grammar always yields one of its sentences, and its lattice posterior is ~1 even when
    /// the speaker said something else ("ten of clubs" against yes|no|one|two → "one", 1.0).
    /// Measured on pocketsphinx-testdata (cards against their grammar, LibriVox clips against
    /// their own sentence: in grammar; the same clips against yes|no|one|two|three|book a
    /// viewing: out of grammar), the score was −9.7…−18.5 in grammar and −36…−58 out of it;
    /// a logistic centered between them (−27, width 3) keeps in-grammar confidence ≥ 0.94 and
    /// drops out-of-grammar confidence to ≤ 0.05. (A phone loop as the yardstick, the textbook
    /// way, took PocketSphinx 0.8's allphone search ~10× real time here: too slow.)
    static func grammarFit(_ margin: Double) -> Double {
        1 / (1 + exp(-(margin + 27) / 3))
    }

    /// How much of the speech the grammar's words account for, as a factor 0…1 of the
    /// confidence. A grammar's sentence may fit one stretch of the audio well and leave the rest
    /// to silence: "I paid the rent yesterday, can you confirm" came back "yes" at 0.98 against a
    /// menu. Speech frames (10 ms, PocketSphinx's frame rate) are those well above the note's
    /// quiet floor. Menu replies in grammar covered 1.2–2.0 of them (the words' frames include
    /// their quiet edges), a LibriVox sentence against a phrase of its first three words 0.39:
    /// a logistic centred at 0.65 keeps the first and drops the second to ~0.01.
    static func speechCovered(wordFrames: Int, of pcm: [Int16]) -> Double {
        let frame = 160
        guard pcm.count >= frame else { return 1 }
        var levels: [Double] = []
        levels.reserveCapacity(pcm.count / frame)
        var start = 0
        while start + frame <= pcm.count {
            var sum = 0.0
            for sample in pcm[start..<start + frame] { sum += Double(sample) * Double(sample) }
            levels.append((sum / Double(frame)).squareRoot())
            start += frame
        }
        let sorted = levels.sorted()
        let floor = sorted[sorted.count / 10], peak = sorted[sorted.count * 95 / 100]
        let threshold = max(100, floor + 0.25 * (peak - floor))
        let speech = levels.reduce(0) { $0 + ($1 > threshold ? 1 : 0) }
        guard speech >= 20 else { return 1 }   // under 0.2 s of speech: nothing to judge by
        let covered = Double(wordFrames) / Double(speech)
        return 1 / (1 + exp(-(covered - 0.65) / 0.06))
    }

    /// Splits long audio into utterances of at most 30 s, cut at the quietest 20 ms between
    /// 20 and 30 s into each (PocketSphinx decodes one utterance at a time and its search and
    /// lattice grow with length; voice notes run to minutes).
    static func utterances(_ pcm: [Int16], rate: Int = 16_000) -> [Range<Int>] {
        let longest = 30 * rate, shortest = 20 * rate, frame = rate / 50
        var ranges: [Range<Int>] = []
        var start = 0
        while pcm.count - start > longest {
            var bestCut = start + longest
            var bestEnergy = Int64.max
            var position = start + shortest
            while position + frame <= start + longest {
                var energy: Int64 = 0
                for i in position..<position + frame {
                    let s = Int64(pcm[i])
                    energy += s * s
                }
                if energy < bestEnergy {
                    bestEnergy = energy
                    bestCut = position + frame / 2
                }
                position += frame
            }
            ranges.append(start..<bestCut)
            start = bestCut
        }
        if start < pcm.count { ranges.append(start..<pcm.count) }
        return ranges
    }
}
