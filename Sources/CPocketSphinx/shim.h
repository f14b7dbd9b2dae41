// Debian's PocketSphinx 0.8+5prealpha (libpocketsphinx-dev, libsphinxbase-dev).
#include <pocketsphinx.h>
#include <sphinxbase/err.h>

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
