internal import CPocketSphinx
#if canImport(Glibc)
import Glibc
#endif

/// One PocketSphinx decoder (`ps_decoder_t`): the acoustic model, the dictionary, the language
/// model and the grammars compiled on it so far. Not thread-safe: the pool hands it to one
/// caller at a time.
///
/// Logging: PocketSphinx writes INFO lines to stderr through one process-wide FILE*.
/// `-logfn /dev/null` would make every `ps_init` fopen a new one and fclose the previous while
/// another thread's decoder may be logging through it (a use-after-free); `err_set_logfp(NULL)`,
/// the library's documented off switch, is called once before the first decoder instead.
final class SphinxDecoder: @unchecked Sendable {
    // @unchecked: used by one thread at a time (HandlePool).
    private let ps: OpaquePointer
    private let languageModelSearch: String
    /// Grammars compiled on this decoder: JSGF text → search name, least recently used first.
    private var grammarSearches: [(jsgf: String, name: String)] = []
    private var nextSearchNumber = 0
    static let maxGrammarsPerDecoder = 16

    /// `ps_init`, `cmd_ln` and the JSGF compiler touch process-wide state (the log stream,
    /// the JSGF parser): done one at a time.
    private static let globalLock = Guarded(0)
    private static let loggingOff: Void = { err_set_logfp(nil) }()

    init(settings: VoiceSettings) throws(ParleyError) {
        for (name, path) in [("acousticModel", settings.acousticModel + "/mdef"), ("languageModel", settings.languageModel), ("dictionary", settings.dictionary)] {
            guard access(path, R_OK) == 0 else {
                throw ParleyError(.invalidConfig, "voice.\(name): cannot read \(path) (install pocketsphinx-en-us, or point voice.\(name) at a model)")
            }
        }
        let created: OpaquePointer? = Self.globalLock.withLock { _ in
            _ = Self.loggingOff
            return parley_ps_create(settings.acousticModel, settings.languageModel, settings.dictionary)
        }
        guard let created else {
            throw ParleyError(.invalidConfig, "PocketSphinx could not load its model from voice.acousticModel/languageModel/dictionary")
        }
        ps = created
        languageModelSearch = ps_get_search(created).map { String(cString: $0) } ?? "_default"
    }

    deinit {
        if let frontEnd { fe_free(frontEnd) }
        ps_free(ps)
    }

    /// The front end of the note being decoded (see `startNote`).
    private var frontEnd: OpaquePointer?

    /// Starts a voice note: a fresh front end, so nothing of earlier notes (the noise estimate)
    /// shapes this one's transcript. The utterances of one note share it, as one recording.
    func startNote() throws(ParleyError) {
        if let frontEnd { fe_free(frontEnd) }
        frontEnd = parley_ps_new_front_end(ps)
        guard frontEnd != nil else { throw ParleyError(.internal, "PocketSphinx could not make its front end") }
    }

    /// Dictionary words among `words` that the dictionary lacks.
    func missingWords(_ words: [String]) -> [String] {
        var missing: [String] = []
        for word in words {
            if let phones = ps_lookup_word(ps, word) { free(phones) } else { missing.append(word) }
        }
        return missing
    }

    /// Activates the language model, or the grammar (compiling it on this decoder at first use).
    func select(_ grammar: VoiceGrammarSource?) throws(ParleyError) {
        guard let grammar else {
            guard ps_set_search(ps, languageModelSearch) == 0 else { throw ParleyError(.internal, "PocketSphinx cannot switch back to its language model") }
            return
        }
        if let index = grammarSearches.firstIndex(where: { $0.jsgf == grammar.jsgf }) {
            let entry = grammarSearches.remove(at: index)
            grammarSearches.append(entry)
            guard ps_set_search(ps, entry.name) == 0 else { throw ParleyError(.internal, "PocketSphinx cannot switch to a compiled grammar") }
            return
        }
        let missing = missingWords(grammar.words)
        guard missing.isEmpty else {
            let list = missing.prefix(20).map { "\"\($0)\"" }.joined(separator: ", ")
            throw ParleyError(.invalidArgument, "words not in the pronunciation dictionary: \(list)\(missing.count > 20 ? " and \(missing.count - 20) more" : "") (spell numbers as words: \"one\", not \"1\")")
        }
        if grammarSearches.count >= Self.maxGrammarsPerDecoder {
            let evicted = grammarSearches.removeFirst()
            _ = ps_unset_search(ps, evicted.name)
        }
        nextSearchNumber += 1
        let name = "parley_grammar_\(nextSearchNumber)"
        let status = Self.globalLock.withLock { _ in ps_set_jsgf_string(ps, name, grammar.jsgf) }
        guard status == 0 else {
            throw ParleyError(.invalidArgument, "the JSGF grammar could not be compiled (syntax error, or an undefined or non-public rule)")
        }
        grammarSearches.append((grammar.jsgf, name))
        guard ps_set_search(ps, name) == 0 else { throw ParleyError(.internal, "PocketSphinx cannot switch to the grammar it compiled") }
    }

    /// Decodes one utterance of 16 kHz mono PCM of the current note (`startNote`) with the
    /// selected search. Returns the words and, per word, its posterior probability in the lattice.
    func decode(_ pcm: ArraySlice<Int16>) throws(ParleyError) -> Utterance {
        if frontEnd == nil { try startNote() }
        // The whole utterance at once, so cepstral mean normalization uses all of it.
        let processed = pcm.withUnsafeBufferPointer { parley_ps_decode_utterance(ps, frontEnd, $0.baseAddress, $0.count) }
        guard processed >= 0 else { throw ParleyError(.internal, "PocketSphinx failed to decode the audio") }
        var score: Int32 = 0
        let text = ps_get_hyp(ps, &score).map { String(cString: $0) } ?? ""
        var posteriors: [Double] = []
        var acoustic: Int64 = 0
        var wordFrames = 0
        let logmath = ps_get_logmath(ps)
        var seg = ps_seg_iter(ps)
        while let s = seg {
            var ascr: Int32 = 0, lscr: Int32 = 0, lback: Int32 = 0
            let logPosterior = ps_seg_prob(s, &ascr, &lscr, &lback)
            var startFrame: Int32 = 0, endFrame: Int32 = 0
            ps_seg_frames(s, &startFrame, &endFrame)
            if let wordPointer = ps_seg_word(s), let first = wordPointer.pointee as CChar?,
               first != CChar(UInt8(ascii: "<")), first != CChar(UInt8(ascii: "[")) {
                posteriors.append(min(1, max(0, logmath_exp(logmath, logPosterior))))
                acoustic += Int64(ascr)
                wordFrames += Int(max(0, endFrame - startFrame + 1))
            }
            seg = ps_seg_next(s)
        }
        return Utterance(text: text, posteriors: posteriors, acousticScore: acoustic, wordFrames: wordFrames, frames: Int(processed))
    }

    struct Utterance {
        var text: String
        /// Per word, its posterior probability in the lattice.
        var posteriors: [Double]
        /// The acoustic score of the best path's words (not silences or noises), in logmath units
        /// relative to each frame's best senone, the frames those words cover, and all frames.
        var acousticScore: Int64
        var wordFrames: Int
        var frames: Int
    }

    /// The whole-hypothesis posterior of the last utterance (`ps_get_prob`), 0…1.
    func utterancePosterior() -> Double {
        min(1, max(0, logmath_exp(ps_get_logmath(ps), ps_get_prob(ps))))
    }
}
