// Debian's PocketSphinx 0.8+5prealpha (libpocketsphinx-dev, libsphinxbase-dev).
#include <pocketsphinx.h>
#include <sphinxbase/err.h>
#include <sphinxbase/fe.h>
#include <sphinxbase/ckd_alloc.h>

// cmd_ln_init is variadic, which Swift cannot call: one fixed-arity wrapper. -bestpath builds
// the lattice the word posteriors come from. Logging is switched off process-wide with
// err_set_logfp(NULL) before the first decoder (see SphinxDecoder.swift for why not -logfn).
static inline ps_decoder_t *parley_ps_create(const char *hmm, const char *lm, const char *dict) {
    cmd_ln_t *config = cmd_ln_init(NULL, ps_args(), 1,
                                   "-hmm", hmm, "-lm", lm, "-dict", dict,
                                   "-bestpath", "yes", NULL);
    if (config == NULL) return NULL;
    ps_decoder_t *ps = ps_init(config);
    cmd_ln_free_r(config);
    return ps;
}

// A fresh front end (MFCC computation) on the decoder's own settings, for one voice note. The
// decoder's built-in front end keeps its noise estimate (-remove_noise) from every utterance
// it has seen, so the same note came out differently after other notes; a front end per note
// makes each transcript depend on that note alone. Creating one takes ~0.04 ms.
static inline fe_t *parley_ps_new_front_end(ps_decoder_t *ps) {
    return fe_init_auto_r(ps_get_config(ps));
}

// One whole utterance through `fe` and the decoder, as ps_process_raw(..., full_utt = 1) does
// with the decoder's own front end (all frames at once: batch CMN over the utterance).
// Returns the number of frames searched, or -1.
static inline int parley_ps_decode_utterance(ps_decoder_t *ps, fe_t *fe, const int16 *pcm, size_t count) {
    size_t samples = count;
    int32 frames = 0, tail = 0;
    if (fe_process_frames(fe, NULL, &samples, NULL, &frames, NULL) < 0) return -1;
    mfcc_t **cepstra = (mfcc_t **)ckd_calloc_2d(frames + 1, fe_get_output_size(fe), sizeof(mfcc_t));
    if (cepstra == NULL) return -1;
    const int16 *cursor = pcm;
    samples = count;
    int result = -1;
    if (fe_start_utt(fe) >= 0 && fe_process_frames(fe, &cursor, &samples, cepstra, &frames, NULL) >= 0
        && fe_end_utt(fe, cepstra[frames], &tail) >= 0 && ps_start_utt(ps) >= 0) {
        result = ps_process_cep(ps, cepstra, frames + tail, 0, 1);
        if (ps_end_utt(ps) < 0) result = -1;
    }
    ckd_free_2d(cepstra);
    return result;
}
