import Synchronization
import Testing
@testable import ParleyCore
#if canImport(Glibc)
import Glibc
#endif

/// Word error rate: word-level edit distance over the reference's length.
private func wordErrorRate(_ hypothesis: String, _ reference: String) -> Double {
    let h = hypothesis.split(separator: " "), r = reference.split(separator: " ")
    guard !r.isEmpty else { return h.isEmpty ? 0 : 1 }
    var previous = Array(0...h.count)
    for i in 1...r.count {
        var current = [i] + Array(repeating: 0, count: h.count)
        for j in stride(from: 1, through: h.count, by: 1) {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r[i - 1] == h[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return Double(previous[h.count]) / Double(r.count)
}

private func obj(_ value: JSONValue) -> JSONObject { value.objectValue! }

private func kind(_ body: () throws(ParleyError) -> Void) -> ParleyError.Kind? {
    do {
        try body()
        return nil
    } catch {
        return error.kind
    }
}

@Suite struct VoiceTests {
    static let truth = "he might even have been made amiable himself"
    static let wav = Fixtures.bytes("voice/librivox-0930.wav")
    static let ogg = Fixtures.bytes("voice/librivox-0930.ogg")
    static let cards = Fixtures.bytes("voice/cards-001.wav")
    /// One service for the tests (each decoder loads the model: ~1 s, tens of MB).
    static let service: VoiceService = {
        do { return try VoiceService(settings: VoiceSettings(), instances: 2) } catch { fatalError("\(error)") }
    }()
    static let menu: JSONObject = obj(["phrases": ["yes", "no", "ten of clubs", "seven of hearts", "book a viewing", .string(truth)]])

    @Test func transcribesARecordingWithinAWordErrorRateFloor() throws {
        let result = try Self.service.transcribe(Self.wav, options: JSONObject())
        let wer = wordErrorRate(result.text, Self.truth)
        print("voice: WAV \"\(result.text)\" WER \(wer), confidence \(result.confidence), RTF \(result.realTimeFactor)")
        // Measured 0.125 (one inserted word) with Debian's PocketSphinx 0.8 en-US.
        #expect(wer <= 0.3)
        #expect(result.mode == .languageModel)
        #expect(result.engine == "pocketsphinx")
        #expect(result.format == "wav" && result.sampleRate == 16_000)
        #expect(abs(result.seconds - 3.29) < 0.01)
        #expect(result.confidence > 0.3 && result.confidence <= 1)
    }

    /// A note's transcript depends on that note alone, not on what its decoder heard before:
    /// PocketSphinx's front end kept a noise estimate across notes, so a note's confidence (and
    /// sometimes its words) changed with the order notes came in and which decoder took them.
    @Test func aNoteGivesTheSameTranscriptWhateverCameBefore() throws {
        let service = try VoiceService(settings: VoiceSettings(), instances: 1)
        let first = try service.transcribe(Self.wav, options: JSONObject())
        for other in [Self.cards, Self.ogg] { _ = try service.transcribe(other, options: JSONObject()) }
        let again = try service.transcribe(Self.wav, options: JSONObject())
        #expect(again.text == first.text)
        #expect(again.confidence == first.confidence)
        let fresh = try VoiceService(settings: VoiceSettings(), instances: 1).transcribe(Self.cards, options: JSONObject())
        let afterOthers = try service.transcribe(Self.cards, options: JSONObject())
        #expect(afterOthers.text == fresh.text && afterOthers.confidence == fresh.confidence)
    }

    @Test func opusAndWAVGiveSimilarWords() throws {
        let opus = try Self.service.transcribe(Self.ogg, options: JSONObject())
        let pcm = try Self.service.transcribe(Self.wav, options: JSONObject())
        let werOpus = wordErrorRate(opus.text, Self.truth)
        let between = wordErrorRate(opus.text, pcm.text)
        print("voice: Opus \"\(opus.text)\" WER \(werOpus); WAV \"\(pcm.text)\"; Opus vs WAV \(between)")
        // Measured 0.375 for Opus at 16 kbps ("amiable" → "a real blow").
        #expect(werOpus <= 0.5)
        #expect(between <= 0.5)
        #expect(opus.format == "opus" && opus.sampleRate == 48_000)
        #expect(abs(opus.seconds - pcm.seconds) < 0.03)
    }

    @Test func grammarModePicksTheRightPhrase() throws {
        let cards = try Self.service.transcribe(Self.cards, options: Self.menu)
        #expect(cards.text == "ten of clubs")
        #expect(cards.mode == .grammar)
        #expect(cards.confidence > 0.8)
        let opus = try Self.service.transcribe(Self.ogg, options: Self.menu)
        #expect(opus.text == Self.truth)
        #expect(opus.confidence > 0.8)
        // A whole JSGF grammar (pocketsphinx-testdata's cards.gram, abridged).
        let jsgf = """
            #JSGF V1.0;
            grammar cards;
            public <cards> = <card> | <card> <card>;
            <card> = <rank> [ of ] <suits>; // a comment
            <suits> = clubs | hearts | diamonds | spades;
            <rank> = ace | two | three | four | five | six | seven | eight | nine | ten | jack | queen | king;
            """
        let grammar = try Self.service.transcribe(Self.cards, options: obj(["grammar": .string(jsgf)]))
        #expect(grammar.text == "ten of clubs")
        #expect(grammar.json["mode"] == "grammar")
    }

    @Test func speechOutsideTheGrammarHasLowConfidence() throws {
        let result = try Self.service.transcribe(Self.cards, options: obj(["phrases": ["yes", "no", "one", "two", "book a viewing"]]))
        print("voice: \"ten of clubs\" against yes|no|one|two|book a viewing → \"\(result.text)\" \(result.confidence)")
        #expect(result.confidence < 0.2)
        // A phrase that fits the start of a longer sentence well leaves most of the speech
        // unaccounted for ("he might even" of "he might even have been made …": was 0.89).
        let partial = try Self.service.transcribe(Self.ogg, options: obj(["phrases": ["yes", "no", "he might even", "made"]]))
        #expect(partial.text == "he might even")
        #expect(partial.confidence < 0.2)
    }

    @Test func grammarWordsMissingFromTheDictionaryAreNamed() {
        do throws(ParleyError) {
            _ = try Self.service.transcribe(Self.cards, options: obj(["phrases": ["yes", "press 1", "zzyzxq"]]))
            Issue.record("expected invalidArgument")
        } catch {
            #expect(error.kind == .invalidArgument)
            #expect(error.message.contains("\"1\"") && error.message.contains("\"zzyzxq\""))
            #expect(!error.message.contains("\"press\""))
        }
        #expect(kind { () throws(ParleyError) in _ = try Self.service.transcribe(Self.cards, options: obj(["grammar": "#JSGF V1.0; grammar g; public <a> = yes | (no;"])) } == .invalidArgument)
        #expect(kind { () throws(ParleyError) in _ = try Self.service.transcribe(Self.cards, options: obj(["phrases": ["  ", "yes"]])) } == .invalidArgument)
        #expect(kind { () throws(ParleyError) in _ = try Self.service.transcribe(Self.cards, options: obj(["phrases": "yes"])) } == .invalidArgument)
        #expect(kind { () throws(ParleyError) in _ = try Self.service.transcribe(Self.cards, options: obj(["phrases": ["yes"], "grammar": "x"])) } == .invalidArgument)
    }

    @Test func jsgfWordsAreTheTerminals() {
        let words = VoiceGrammarSource.words(inJSGF: """
            #JSGF V1.0;
            /* a block
               comment with words */
            grammar goforward;
            public <move2> = go <direction> <distance> [meter | meters] {tag} /2.0/ "quoted";
            <direction> = forward | backward; // left
            """)
        #expect(words == ["go", "meter", "meters", "quoted", "forward", "backward"])
        #expect(VoiceGrammarSource.normalizedWords("Book a VIEWING, please!") == ["book", "a", "viewing", "please"])
    }

    @Test func badInputGetsTheRightErrors() throws {
        let service = Self.service
        let none = JSONObject()
        #expect(kind { () throws(ParleyError) in _ = try service.transcribe([], options: none) } == .badMedia)
        // Cut inside a page.
        #expect(kind { () throws(ParleyError) in _ = try service.transcribe(Array(Self.ogg.prefix(Self.ogg.count / 2)), options: none) } == .badMedia)
        #expect(kind { () throws(ParleyError) in _ = try service.transcribe(Array(Self.ogg.prefix(40)), options: none) } == .badMedia)
        // A flipped byte in the middle: the page checksum fails.
        var corrupt = Self.ogg
        corrupt[corrupt.count / 2] ^= 0x40
        #expect(kind { () throws(ParleyError) in _ = try service.transcribe(corrupt, options: none) } == .badMedia)
        // Random bytes (a fixed generator, first byte not a known magic).
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var random = [UInt8](repeating: 0, count: 4096)
        for i in random.indices {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            random[i] = UInt8(truncatingIfNeeded: state >> 33)
        }
        random[0] = 0x42
        #expect(kind { () throws(ParleyError) in _ = try service.transcribe(random, options: none) } == .badMedia)
        // Text named .mp3 is just bad bytes; a real MP3 header is a format Parley does not decode.
        #expect(kind { () throws(ParleyError) in _ = try service.transcribe(Array("this is not audio".utf8), options: none) } == .badMedia)
        #expect(kind { () throws(ParleyError) in _ = try service.transcribe([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00] + random, options: none) } == .unsupported)
        #expect(kind { () throws(ParleyError) in _ = try service.transcribe([0xFF, 0xFB, 0x90, 0x64] + random, options: none) } == .unsupported)
        // An Ogg page whose first packet is Vorbis's identification header.
        var vorbis: [UInt8] = Array("OggS".utf8) + [0, 0x02] + [UInt8](repeating: 0, count: 20) + [1, 30]
        vorbis += [0x01] + Array("vorbis".utf8) + [UInt8](repeating: 0, count: 23)
        #expect(kind { () throws(ParleyError) in _ = try service.transcribe(vorbis, options: none) } == .unsupported)
        // Truncated WAV: the data chunk declares more than is there.
        #expect(kind { () throws(ParleyError) in _ = try service.transcribe(Array(Self.wav.prefix(Self.wav.count - 1000)), options: none) } == .badMedia)
        #expect(kind { () throws(ParleyError) in _ = try service.transcribe(Array(Self.wav.prefix(30)), options: none) } == .badMedia)
        // Bad options.
        #expect(kind { () throws(ParleyError) in _ = try service.transcribe(Self.wav, options: obj(["engine": "whisper"])) } == .invalidArgument)
        #expect(kind { () throws(ParleyError) in _ = try service.transcribe(Self.wav, options: obj(["speed": 2])) } == .invalidArgument)
    }

    @Test func limitsFromTheSettings() throws {
        var settings = VoiceSettings()
        settings.maxSeconds = 2
        let short = try VoiceService(settings: settings, instances: 1)
        #expect(kind { () throws(ParleyError) in _ = try short.transcribe(Self.ogg, options: JSONObject()) } == .tooLarge)
        #expect(kind { () throws(ParleyError) in _ = try short.transcribe(Self.wav, options: JSONObject()) } == .tooLarge)
        settings = try VoiceSettings(json: obj(["maxBytes": 5000]))
        let small = try VoiceService(settings: settings, instances: 1)
        #expect(kind { () throws(ParleyError) in _ = try small.transcribe(Self.wav, options: JSONObject()) } == .tooLarge)
        // Nothing was decoded, so no decoder was created.
        #expect(short.decodersCreated == 0 && small.decodersCreated == 0)
    }

    @Test func settingsParseStrictly() throws {
        let settings = try VoiceSettings(json: obj(["engine": "host", "maxSeconds": 30, "phrases": ["yes", "no"]]))
        #expect(settings.engine == .host && settings.maxSeconds == 30 && settings.grammar == .phrases(["yes", "no"]))
        #expect(kind { () throws(ParleyError) in _ = try VoiceSettings(json: obj(["engine": "vosk"])) } == .invalidConfig)
        #expect(kind { () throws(ParleyError) in _ = try VoiceSettings(json: obj(["maxSecond": 3])) } == .invalidConfig)
        #expect(kind { () throws(ParleyError) in _ = try VoiceSettings(json: obj(["maxBytes": "big"])) } == .invalidConfig)
        var missing = VoiceSettings()
        missing.acousticModel = "/nonexistent"
        #expect(kind { () throws(ParleyError) in _ = try VoiceService(settings: missing, instances: 1) } == .invalidConfig)
        #expect(kind { () throws(ParleyError) in _ = try VoiceService(settings: VoiceSettings(), instances: 0) } == .invalidArgument)
    }

    @Test func threeThreadsShareTwoDecoders() throws {
        let service = try VoiceService(settings: VoiceSettings(), instances: 2)
        let texts = Mutex<[String]>([])
        let failures = Atomic<Int>(0)
        let options = Self.menu
        onThreads(3) { index in
            for _ in 0..<2 {
                do {
                    let result = try service.transcribe(index == 1 ? Self.ogg : Self.cards, options: options)
                    texts.withLock { $0.append(result.text) }
                } catch {
                    failures.add(1, ordering: .relaxed)
                }
            }
        }
        #expect(failures.load(ordering: .relaxed) == 0)
        let all = texts.withLock { $0 }
        #expect(all.count == 6)
        #expect(all.filter { $0 == "ten of clubs" }.count == 4)
        #expect(all.filter { $0 == Self.truth }.count == 2)
        #expect(service.decodersCreated <= 2)
    }

    @Test func hostTranscriberGetsSixteenKilohertzPCM() throws {
        let service = try VoiceService(settings: VoiceSettings(), instances: 1)
        #expect(kind { () throws(ParleyError) in _ = try service.transcribe(Self.ogg, options: obj(["engine": "host"])) } == .unsupported)
        let seen = Mutex<(samples: Int, bytes: Int, peak: Int, language: String?)>((0, 0, 0, nil))
        service.setHostTranscriber { audio, pcm16k, options in
            let peak = pcm16k.reduce(0) { max($0, abs(Int($1))) }
            seen.withLock { $0 = (pcm16k.count, audio.count, peak, options["language"]?.stringValue) }
            return ("hola, quiero ver el piso", 1.7)
        }
        let result = try service.transcribe(Self.ogg, options: obj(["engine": "host", "language": "es", "host": ["model": "x"]]))
        let got = seen.withLock { $0 }
        // 3.29 s at 16 kHz from 48 kHz Opus.
        #expect(abs(got.samples - 52_640) < 200)
        #expect(got.bytes == Self.ogg.count)
        #expect(got.peak > 1000)
        #expect(got.language == "es")
        #expect(result.text == "hola, quiero ver el piso")
        #expect(result.confidence == 1)
        #expect(result.engine == "host" && result.language == "es")
        #expect(service.decodersCreated == 0)
        // The host's failure comes back as it was thrown.
        service.setHostTranscriber { (_, _, _) throws(ParleyError) -> (text: String, confidence: Double) in throw ParleyError(.timeout, "cloud took too long") }
        #expect(kind { () throws(ParleyError) in _ = try service.transcribe(Self.wav, options: obj(["engine": "host"])) } == .timeout)
        // The engine can be "host" by default.
        let hostDefault = try VoiceService(settings: VoiceSettings(json: obj(["engine": "host"])), instances: 1)
        hostDefault.setHostTranscriber { _, pcm, _ in ("\(pcm.count)", 0.5) }
        #expect(try hostDefault.transcribe(Self.wav, options: JSONObject()).text == "\(Self.wav.count / 2 - 22)")
    }

    @Test func resultJSONHasTheContractsKeys() throws {
        let result = try Self.service.transcribe(Self.cards, options: Self.menu)
        let json = result.json
        #expect(json.keys == ["text", "confidence", "engine", "language", "seconds", "sampleRate", "format", "mode", "milliseconds", "realTimeFactor", "cpuMilliseconds"])
        #expect(json["entities"] == nil)
        #expect(json["language"] == "en")
        #expect(result.entities.isEmpty)
        #expect(result.realTimeFactor > 0 && result.milliseconds > 0 && result.cpuMilliseconds > 0)
    }

    @Test func resamplerKeepsSpeechBandAndRemovesAliases() throws {
        func tone(_ hz: Double, rate: Int, seconds: Double) -> [Int16] {
            (0..<Int(Double(rate) * seconds)).map { Int16(10_000 * sin(2 * Double.pi * hz * Double($0) / Double(rate))) }
        }
        func rms(_ s: ArraySlice<Int16>) -> Double { (s.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(s.count)).squareRoot() }
        let passed = try Resampler.resample(tone(1_000, rate: 48_000, seconds: 1), from: 48_000)
        #expect(abs(passed.count - 16_000) <= 2)
        #expect(abs(rms(passed[1000..<15000]) - 10_000 / 2.0.squareRoot()) < 100)
        // 10 kHz is above 16 kHz's Nyquist frequency: it must not fold back to 6 kHz.
        let blocked = try Resampler.resample(tone(10_000, rate: 48_000, seconds: 1), from: 48_000)
        #expect(rms(blocked[1000..<15000]) < 10)
        let up = try Resampler.resample(tone(440, rate: 8_000, seconds: 0.5), from: 8_000)
        #expect(abs(up.count - 8_000) <= 2)
    }

    /// A PCM16 WAV file of `samples` (interleaved when `channels` > 1).
    static func wavFile(_ samples: [Int16], rate: Int, channels: Int) -> [UInt8] {
        func le32(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24 & 0xFF)] }
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        let data = samples.flatMap { le16(Int(UInt16(bitPattern: $0))) }
        return Array("RIFF".utf8) + le32(36 + data.count) + Array("WAVEfmt ".utf8) + le32(16) + le16(1) + le16(channels)
            + le32(rate) + le32(rate * 2 * channels) + le16(2 * channels) + le16(16) + Array("data".utf8) + le32(data.count) + data
    }

    /// A WAV file of `samples` in another sample format: PCM of `bits` (format 1) or IEEE
    /// float (format 3), in a WAVE_FORMAT_EXTENSIBLE header when `extensible`.
    static func wavFile(_ samples: [Int16], rate: Int, bits: Int, float: Bool, extensible: Bool = false) -> [UInt8] {
        func le(_ v: UInt64, _ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: v >> (8 * UInt64($0))) } }
        let data: [UInt8] = samples.flatMap { (s: Int16) -> [UInt8] in
            if float {
                let x = Double(s) / 32767
                return bits == 32 ? le(UInt64(Float(x).bitPattern), 4) : le(x.bitPattern, 8)
            }
            switch bits {
            case 8: return [UInt8(Int(s) / 256 + 128)]
            case 24: return le(UInt64(bitPattern: Int64(s) << 8), 3)
            default: return le(UInt64(bitPattern: Int64(s) << 16), 4)
            }
        }
        let format: UInt64 = float ? 3 : 1
        var fmt = le(extensible ? 0xFFFE : format, 2) + le(1, 2) + le(UInt64(rate), 4) + le(UInt64(rate * bits / 8), 4) + le(UInt64(bits / 8), 2) + le(UInt64(bits), 2)
        if extensible { fmt += le(22, 2) + le(UInt64(bits), 2) + le(4, 4) + le(format, 2) + [0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xAA, 0, 0x38, 0x9B, 0x71] }
        return Array("RIFF".utf8) + le(UInt64(4 + 8 + fmt.count + 8 + data.count), 4) + Array("WAVEfmt ".utf8) + le(UInt64(fmt.count), 4) + fmt
            + Array("data".utf8) + le(UInt64(data.count), 4) + data
    }

    /// 8-, 24- and 32-bit PCM and float WAV files decode to the same 16-bit samples as the
    /// 16-bit original (8-bit to its top byte).
    @Test func wavSampleFormats() throws {
        let original = try AudioDecoder.decodeWAV(Self.wav, maxSeconds: 600).samples
        let excerpt = Array(original.prefix(16_000))
        for (bits, float, extensible, tolerance) in [(8, false, false, 256), (24, false, false, 0), (32, false, true, 0),
                                                       (32, true, false, 1), (64, true, true, 1)] {
            let decoded = try AudioDecoder.decodeWAV(Self.wavFile(excerpt, rate: 16_000, bits: bits, float: float, extensible: extensible),
                                                     maxSeconds: 600)
            #expect(decoded.samples.count == excerpt.count && decoded.sampleRate == 16_000, "\(bits) bits")
            let worst = zip(decoded.samples, excerpt).map { abs(Int($0) - Int($1)) }.max() ?? 0
            #expect(worst <= tolerance, "\(bits)-bit \(float ? "float" : "PCM"): off by \(worst)")
        }
        // A header claiming more than maxSeconds is too long before it is found truncated.
        var claims = Self.wavFile(excerpt, rate: 16_000, bits: 16, float: false)
        let huge = 16_000 * 2 * 700
        claims.replaceSubrange(40..<44, with: [UInt8(huge & 0xFF), UInt8(huge >> 8 & 0xFF), UInt8(huge >> 16 & 0xFF), UInt8(huge >> 24 & 0xFF)])
        #expect(kind { () throws(ParleyError) in _ = try AudioDecoder.decodeWAV(claims, maxSeconds: 600) } == .tooLarge)
        #expect(kind { () throws(ParleyError) in _ = try AudioDecoder.decodeWAV(claims, maxSeconds: 800) } == .badMedia)
    }

    @Test func silenceAndTinyClipsGiveEmptyText() throws {
        let silence = try Self.service.transcribe(Self.wavFile([Int16](repeating: 0, count: 16_000), rate: 8_000, channels: 1), options: JSONObject())
        #expect(silence.text == "" && silence.confidence == 0 && silence.seconds == 2)
        let tiny = try Self.service.transcribe(Self.wavFile([Int16](repeating: 100, count: 400), rate: 44_100, channels: 2), options: Self.menu)
        #expect(tiny.text == "" && tiny.confidence == 0 && tiny.sampleRate == 44_100)
        #expect(kind { () throws(ParleyError) in _ = try Self.service.transcribe(Self.wavFile([], rate: 16_000, channels: 1), options: JSONObject()) } == .badMedia)
        #expect(kind { () throws(ParleyError) in _ = try Self.service.transcribe(Self.wavFile([1, 2], rate: 0, channels: 1), options: JSONObject()) } == .badMedia)
    }

    @Test func longAudioIsSplitAtQuietPoints() {
        var pcm = [Int16](repeating: 3000, count: 16_000 * 70)
        for i in (16_000 * 25)..<(16_000 * 25 + 800) { pcm[i] = 0 }
        let ranges = VoiceService.utterances(pcm)
        #expect(ranges.count == 3)
        #expect(ranges[0].upperBound > 16_000 * 25 && ranges[0].upperBound < 16_000 * 25 + 800)
        #expect(ranges.allSatisfy { $0.count <= 30 * 16_000 })
        #expect(ranges.last?.upperBound == pcm.count)
        #expect(VoiceService.utterances([Int16](repeating: 1, count: 100)) == [0..<100])
    }
}
