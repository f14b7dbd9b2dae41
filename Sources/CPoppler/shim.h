#include <poppler.h>
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
