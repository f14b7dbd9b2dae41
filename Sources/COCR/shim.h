// Tesseract 5's C API and Leptonica, from Debian's libtesseract-dev and libleptonica-dev.
#include <leptonica/allheaders.h>
#include <tesseract/capi.h>
#include <stdio.h>
#include <setjmp.h>
#include <jpeglib.h>
#include <webp/demux.h>

static void cocr_discard_message(const char *message) { (void)message; }

/// Leptonica prints warnings and errors to stderr ("Error in pixReadMemPng: ..."); a library
/// must not. This routes them nowhere (process-wide; Leptonica offers nothing finer).
static inline void cocr_silence_leptonica(void) {
    leptSetStderrHandler(cocr_discard_message);
}

#include <dlfcn.h>

/// Debian builds Tesseract with OpenMP, which spreads one recognition over every core: with a
/// handle per worker that only oversubscribes the cores (phototest took 2.4 s instead of 0.9 s
/// on two busy cores), and two workers then read no faster than one. OpenMP's settings belong
/// to the calling thread, so each thread that recognizes calls this first: one OpenMP thread
/// and no nested levels (cheap after the first look-up). Looked up at run time so that a
/// Tesseract built without OpenMP needs nothing. Returns whether it was applied.
static inline int cocr_single_threaded_openmp(void) {
    static void (*set_levels)(int) = 0;
    static void (*set_threads)(int) = 0;
    static int looked = 0;
    if (!__atomic_load_n(&looked, __ATOMIC_ACQUIRE)) {
        set_levels = (void (*)(int))dlsym(RTLD_DEFAULT, "omp_set_max_active_levels");
        set_threads = (void (*)(int))dlsym(RTLD_DEFAULT, "omp_set_num_threads");
        __atomic_store_n(&looked, 1, __ATOMIC_RELEASE);
    }
    if (set_levels == 0 || set_threads == 0) return 0;
    set_levels(0);
    set_threads(1);
    return 1;
}

// JPEG without a word on stderr: Leptonica's reader leaves libjpeg's default message output on,
// so a corrupt photo printed "Corrupt JPEG data: ..." from inside the library.
struct cocr_jpeg_error {
    struct jpeg_error_mgr base;
    jmp_buf jump;
    int warnings;
};

static void cocr_jpeg_exit(j_common_ptr cinfo) {
    longjmp(((struct cocr_jpeg_error *)cinfo->err)->jump, 1);
}

static void cocr_jpeg_emit(j_common_ptr cinfo, int level) {
    if (level < 0) ((struct cocr_jpeg_error *)cinfo->err)->warnings += 1;
}

static void cocr_jpeg_output(j_common_ptr cinfo) { (void)cinfo; }

/// Decodes a JPEG to 8-bit grey (what OCR uses) with libjpeg, silently. Returns NULL when the
/// data cannot be decoded; *warnings counts the data errors libjpeg worked around (a damaged
/// stretch decodes grey); *unsupported is set for CMYK/YCCK, which Leptonica's reader handles.
static inline PIX *cocr_read_jpeg_gray(const unsigned char *data, size_t size, int *warnings, int *unsupported) {
    struct jpeg_decompress_struct cinfo;
    struct cocr_jpeg_error err;
    PIX *volatile pix = NULL;
    *warnings = 0;
    *unsupported = 0;
    cinfo.err = jpeg_std_error(&err.base);
    err.base.error_exit = cocr_jpeg_exit;
    err.base.emit_message = cocr_jpeg_emit;
    err.base.output_message = cocr_jpeg_output;
    err.warnings = 0;
    if (setjmp(err.jump)) {
        PIX *p = pix;
        jpeg_destroy_decompress(&cinfo);
        if (p) pixDestroy(&p);
        *warnings = err.warnings;
        return NULL;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, (unsigned long)size);
    jpeg_read_header(&cinfo, TRUE);
    if (cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK) {
        jpeg_destroy_decompress(&cinfo);
        *unsupported = 1;
        return NULL;
    }
    cinfo.out_color_space = JCS_GRAYSCALE;
    jpeg_start_decompress(&cinfo);
    PIX *created = pixCreate((l_int32)cinfo.output_width, (l_int32)cinfo.output_height, 8);
    pix = created;
    if (created == NULL) {
        jpeg_destroy_decompress(&cinfo);
        return NULL;
    }
    if (cinfo.density_unit == 1) pixSetResolution(created, cinfo.X_density, cinfo.Y_density);
    else if (cinfo.density_unit == 2) pixSetResolution(created, (l_int32)(cinfo.X_density * 2.54 + 0.5), (l_int32)(cinfo.Y_density * 2.54 + 0.5));
    JSAMPARRAY row = (*cinfo.mem->alloc_sarray)((j_common_ptr)&cinfo, JPOOL_IMAGE, cinfo.output_width, 1);
    l_uint32 *base = pixGetData(created);
    l_int32 wpl = pixGetWpl(created);
    while (cinfo.output_scanline < cinfo.output_height) {
        l_uint32 *line = base + (size_t)cinfo.output_scanline * (size_t)wpl;
        if (jpeg_read_scanlines(&cinfo, row, 1) != 1) break;
        for (JDIMENSION x = 0; x < cinfo.output_width; x++) l_setDataByte(line, (l_int32)x, row[0][x]);
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    *warnings = err.warnings;
    return created;
}

/// An 8-bit grey PIX from rows of `width` bytes (a rendered PDF page). NULL when out of memory.
static inline PIX *cocr_pix_from_gray(const unsigned char *gray, int width, int height) {
    PIX *pix = pixCreate(width, height, 8);
    if (pix == NULL) return NULL;
    l_uint32 *data = pixGetData(pix);
    int wpl = pixGetWpl(pix);
    for (int y = 0; y < height; y++) {
        l_uint32 *line = data + (size_t)y * (size_t)wpl;
        const unsigned char *row = gray + (size_t)y * (size_t)width;
        for (int x = 0; x < width; x++) SET_DATA_BYTE(line, x, row[x]);
    }
    return pix;
}

/// One frame of an animated WebP (WhatsApp's animated stickers, which Leptonica's reader
/// refuses) as 32-bit RGBA: the middle one, as animations fade in and out at their ends, and at
/// most frame `max_frames` (each frame before it is decoded too). NULL when it cannot be decoded.
static inline PIX *cocr_read_animated_webp(const unsigned char *data, size_t size, unsigned max_frames) {
    WebPData webp = {data, size};
    WebPAnimDecoderOptions options;
    if (!WebPAnimDecoderOptionsInit(&options)) return NULL;
    options.color_mode = MODE_RGBA;
    options.use_threads = 0;
    WebPAnimDecoder *decoder = WebPAnimDecoderNew(&webp, &options);
    if (decoder == NULL) return NULL;
    PIX *pix = NULL;
    WebPAnimInfo info;
    if (WebPAnimDecoderGetInfo(decoder, &info) && info.frame_count > 0 && info.canvas_width > 0 && info.canvas_height > 0) {
        unsigned wanted = info.frame_count / 2;
        if (max_frames > 0 && wanted >= max_frames) wanted = max_frames - 1;
        uint8_t *frame = NULL;
        int timestamp = 0;
        for (unsigned i = 0; i <= wanted; i++) {
            if (!WebPAnimDecoderGetNext(decoder, &frame, &timestamp)) { frame = NULL; break; }
        }
        if (frame != NULL && (pix = pixCreate((l_int32)info.canvas_width, (l_int32)info.canvas_height, 32)) != NULL) {
            pixSetSpp(pix, 4);
            l_uint32 *base = pixGetData(pix);
            l_int32 wpl = pixGetWpl(pix);
            for (uint32_t y = 0; y < info.canvas_height; y++) {
                const uint8_t *row = frame + (size_t)y * info.canvas_width * 4;
                l_uint32 *line = base + (size_t)y * (size_t)wpl;
                for (uint32_t x = 0; x < info.canvas_width; x++) {
                    const uint8_t *p = row + (size_t)x * 4;
                    line[x] = ((l_uint32)p[0] << 24) | ((l_uint32)p[1] << 16) | ((l_uint32)p[2] << 8) | (l_uint32)p[3];
                }
            }
        }
    }
    WebPAnimDecoderDelete(decoder);
    return pix;
}
