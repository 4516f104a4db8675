#ifndef CAUSEWAY_CGRAPHVIZ_SHIM_H
#define CAUSEWAY_CGRAPHVIZ_SHIM_H

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/// Whether this Graphviz declares `gvRenderData`'s length as `unsigned int *` (2.42/2.43) rather than
/// `size_t *` (later releases). Decided at compile time from the declaration itself, not a version number.
#define CAUSEWAY_RENDER_LENGTH_IS_UINT \
    _Generic(&gvRenderData, int (*)(GVC_t *, graph_t *, const char *, char **, unsigned int *): 1, default: 0)

/// Renders a laid-out graph into a buffer that `gvFreeRenderData` releases; the length is widened to
/// `size_t` whatever this Graphviz declares, so Swift sees one signature. `_Generic` picks a length
/// variable of the declared type, so no function pointer is cast.
static inline int causeway_render_data(GVC_t *gvc, Agraph_t *graph, const char *format,
                                       char **result, size_t *length) {
    unsigned int narrow = 0;
    size_t wide = 0;
    int rc = gvRenderData(gvc, graph, format, result,
        _Generic(&gvRenderData,
                 int (*)(GVC_t *, graph_t *, const char *, char **, unsigned int *): &narrow,
                 default: &wide));
    *length = CAUSEWAY_RENDER_LENGTH_IS_UINT ? (size_t)narrow : wide;
    return rc;
}

/// Object ids in creation order.
///
/// cgraph's default id discipline uses the address of each interned name as the object's id, and orders
/// subgraphs by id: cluster order then follows `malloc`, so the same DOT rendered twice in one process can
/// come out different. This discipline refuses to map names (cgraph then keeps them in its internal name
/// map) and hands out ids from a counter, so everything is ordered as it was declared.
typedef struct { IDTYPE next; } causeway_id_state;

static void *causeway_id_open(Agraph_t *graph, Agdisc_t *disc) {
    (void)graph; (void)disc;
    causeway_id_state *state = (causeway_id_state *)malloc(sizeof(causeway_id_state));
    if (state) state->next = 1;
    return state;
}

static long causeway_id_map(void *state, int type, char *name, IDTYPE *id, int create) {
    (void)type;
    if (name || !create || !state) return 0;
    causeway_id_state *s = (causeway_id_state *)state;
    *id = s->next;
    s->next += 2;
    return 1;
}

static long causeway_id_alloc(void *state, int type, IDTYPE id) { (void)state; (void)type; (void)id; return 0; }
static void causeway_id_free(void *state, int type, IDTYPE id) { (void)state; (void)type; (void)id; }
static char *causeway_id_print(void *state, int type, IDTYPE id) { (void)state; (void)type; (void)id; return NULL; }
static void causeway_id_close(void *state) { free(state); }
static void causeway_id_register(void *state, int type, void *object) { (void)state; (void)type; (void)object; }

static Agiddisc_t causeway_id_discipline = {
    causeway_id_open, causeway_id_map, causeway_id_alloc, causeway_id_free,
    causeway_id_print, causeway_id_close, causeway_id_register,
};

/// A read position in a DOT string.
typedef struct { const char *data; size_t length; size_t position; } causeway_reader;

/// Hands cgraph's parser one line at a time, as `agmemread` does.
static int causeway_read_chunk(void *channel, char *buffer, int size) {
    causeway_reader *reader = (causeway_reader *)channel;
    if (size <= 0 || reader->position >= reader->length) return 0;
    int count = 0;
    char c;
    do {
        c = reader->data[reader->position++];
        buffer[count++] = c;
    } while (c != '\n' && count < size && reader->position < reader->length);
    return count;
}

/// Parses DOT text like `agmemread`, but with ids in creation order (see `causeway_id_discipline`).
static inline Agraph_t *causeway_read_dot(const char *text) {
    static Agiodisc_t io;
    io.afread = causeway_read_chunk;
    io.putstr = AgIoDisc.putstr;
    io.flush = AgIoDisc.flush;
    Agdisc_t discipline;
    discipline.mem = &AgMemDisc;
    discipline.id = &causeway_id_discipline;
    discipline.io = &io;
    causeway_reader reader = { text, strlen(text), 0 };
    return agread(&reader, &discipline);
}

/// Stops cgraph from printing warnings and errors to stderr: the caller reports failures itself.
static inline void causeway_quiet_errors(void) {
    agseterr(AGMAX);
}

#endif
