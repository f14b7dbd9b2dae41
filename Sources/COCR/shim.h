// Tesseract 5's C API and Leptonica, from Debian's libtesseract-dev and libleptonica-dev.
#include <leptonica/allheaders.h>
#include <tesseract/capi.h>

static void cocr_discard_message(const char *message) { (void)message; }

/// Leptonica prints warnings and errors to stderr ("Error in pixReadMemPng: ..."); a library
/// must not. This routes them nowhere (process-wide; Leptonica offers nothing finer).
static inline void cocr_silence_leptonica(void) {
    leptSetStderrHandler(cocr_discard_message);
}

#include <dlfcn.h>

/// Debian builds Tesseract with OpenMP, which spreads one recognition over every core: with a
/// handle per worker that only oversubscribes the cores (phototest took 2.4 s instead of 0.9 s
/// on two busy cores). Zero active parallel levels makes every OpenMP region run on the calling
/// thread. Process-wide (libgomp keeps it globally); looked up at run time so that a Tesseract
/// built without OpenMP needs nothing. Returns whether it was applied.
static inline int cocr_single_threaded_openmp(void) {
    void (*set_levels)(int) = (void (*)(int))dlsym(RTLD_DEFAULT, "omp_set_max_active_levels");
    if (set_levels == 0) return 0;
    set_levels(0);
    return 1;
}
