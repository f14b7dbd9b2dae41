#include <zlib.h>

/* inflateInit2 is a macro; a raw deflate stream (ZIP entries carry no zlib header). */
static inline int czlib_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -MAX_WBITS);
}
