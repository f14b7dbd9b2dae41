#include <poppler.h>
#include <cairo.h>
#include <stdlib.h>
#include <stdint.h>
#include <glib.h>
#include <gio/gio.h>

/* poppler-glib reports parse problems through g_log (domain "Poppler"); the library must
   print nothing, so one handler swallows that domain's messages. */
static void cpoppler_discard_log(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
}

static inline void cpoppler_silence(void) {
    g_log_set_handler("Poppler", (GLogLevelFlags)(G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION),
                      cpoppler_discard_log, NULL);
}

/* The GError's code when it is one of poppler's, else -1; the message is copied into `buffer`. */
static inline int cpoppler_error_code(const GError *error, char *buffer, size_t size) {
    if (size > 0) buffer[0] = 0;
    if (error == NULL) return -1;
    if (error->message != NULL && size > 0) g_strlcpy(buffer, error->message, size);
    return error->domain == POPPLER_ERROR ? error->code : -1;
}

/* Opens a document from bytes that stay alive for the document's lifetime (no copy). Through a
   memory GInputStream: poppler-glib 22.12's _new_from_bytes/_new_from_data crash (a null
   dereference) when a wrong password is given for an encrypted document; _new_from_stream does not. */
static inline PopplerDocument *cpoppler_open(const unsigned char *bytes, size_t length, const char *password,
                                             int *code, char *message, size_t message_size) {
    GError *error = NULL;
    GInputStream *stream = g_memory_input_stream_new_from_data(bytes, (gssize)length, NULL);
    PopplerDocument *document = poppler_document_new_from_stream(stream, (goffset)length, password, NULL, &error);
    g_object_unref(stream);
    *code = document == NULL ? cpoppler_error_code(error, message, message_size) : 0;
    if (document == NULL && *code == 0) *code = -2; /* failed without a poppler code */
    if (error != NULL) g_error_free(error);
    return document;
}

static inline void cpoppler_release(void *object) { if (object != NULL) g_object_unref(object); }
static inline void cpoppler_free(void *pointer) { g_free(pointer); }

/* A page rendered for OCR: `scale` pixels per point on white, as 8-bit grey (what Tesseract
   reads), row after row without padding. NULL when the page has no size, would exceed
   `max_pixels`, or memory runs out; free with free(). Rendered "for printing" so form fields
   and annotations appear as they would on paper. */
static inline unsigned char *cpoppler_render_gray(PopplerPage *page, double scale, long max_pixels, int *width, int *height) {
    double points_wide = 0, points_high = 0;
    poppler_page_get_size(page, &points_wide, &points_high);
    double w = points_wide * scale, h = points_high * scale;
    if (!(w >= 1 && h >= 1) || w > 100000 || h > 100000 || w * h > (double)max_pixels) return NULL;
    int pw = (int)(w + 0.5), ph = (int)(h + 0.5);
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        return NULL;
    }
    cairo_t *cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    poppler_page_render_for_printing(page, cr);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    unsigned char *gray = malloc((size_t)pw * (size_t)ph);
    if (gray != NULL) {
        const unsigned char *data = cairo_image_surface_get_data(surface);
        int stride = cairo_image_surface_get_stride(surface);
        for (int y = 0; y < ph; y++) {
            const uint32_t *row = (const uint32_t *)(data + (size_t)y * (size_t)stride);
            unsigned char *out = gray + (size_t)y * (size_t)pw;
            for (int x = 0; x < pw; x++) {
                uint32_t p = row[x];
                /* ITU-R 601 luma in fixed point, as Leptonica's own conversion weighs them. */
                out[x] = (unsigned char)((((p >> 16) & 0xFF) * 77 + ((p >> 8) & 0xFF) * 150 + (p & 0xFF) * 29) >> 8);
            }
        }
        *width = pw;
        *height = ph;
    }
    cairo_surface_destroy(surface);
    return gray;
}
