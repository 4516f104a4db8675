#ifndef CAUSEWAY_CZLIB_SHIM_H
#define CAUSEWAY_CZLIB_SHIM_H

#include <zlib.h>

/// `inflateInit2` is a macro; this is it as a function Swift can call. `windowBits` 15 + 32 reads gzip and
/// zlib streams alike.
static inline int causeway_inflate_init(z_stream *stream) {
    return inflateInit2(stream, 15 + 32);
}

#endif
