#ifndef CAUSEWAY_CGRAPHVIZ_SHIM_H
#define CAUSEWAY_CGRAPHVIZ_SHIM_H

#include <stddef.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/// Whether this Graphviz declares `gvRenderData`'s length as `unsigned int *` (2.42/2.43) rather than
/// `size_t *` (later releases). Decided at compile time from the declaration itself, not a version number.
#define CAUSEWAY_RENDER_LENGTH_IS_UINT \
    _Generic(&gvRenderData, int (*)(GVC_t *, graph_t *, const char *, char **, unsigned int *): 1, default: 0)

typedef int (*causeway_render_uint_fn)(GVC_t *, graph_t *, const char *, char **, unsigned int *);
typedef int (*causeway_render_size_fn)(GVC_t *, graph_t *, const char *, char **, size_t *);

/// Renders a laid-out graph into a buffer that `gvFreeRenderData` releases; the length is widened to
/// `size_t` whatever this Graphviz declares, so Swift sees one signature.
static inline int causeway_render_data(GVC_t *gvc, Agraph_t *graph, const char *format,
                                       char **result, size_t *length) {
    if (CAUSEWAY_RENDER_LENGTH_IS_UINT) {
        unsigned int narrow = 0;
        int rc = ((causeway_render_uint_fn)(void *)gvRenderData)(gvc, graph, format, result, &narrow);
        *length = (size_t)narrow;
        return rc;
    }
    return ((causeway_render_size_fn)(void *)gvRenderData)(gvc, graph, format, result, length);
}

/// Stops cgraph from printing warnings and errors to stderr: the caller reports failures itself.
static inline void causeway_quiet_errors(void) {
    agseterr(AGMAX);
}

#endif
