// Byte scans for ingest's hot path that Swift cannot yet express as fast: SIMD compares (Swift's SIMD
// types lower to scalar loops on Linux today) and a cache prefetch. Static inline, so calls from Swift
// inline like Swift code. Each has a portable fallback with the same result.
#ifndef CCAUSEWAYBYTES_H
#define CCAUSEWAYBYTES_H

#include <stddef.h>
#include <stdint.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Asks the CPU to start loading the cache line at `address` (a hint; never faults).
static inline void causeway_prefetch(const void *address) {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(address, 0, 3);
#else
    (void)address;
#endif
}

#if defined(__SSE2__)
/// The sixteen bytes from `start` of `bytes[0..<count]` when fewer than sixteen are left, read without going
/// past `count`: when the text holds sixteen bytes, the sixteen that end at `count` (overlapping bytes before
/// `start`), with `*drop` set to how many of them precede `start`, so that a comparison mask shifted right by
/// `*drop` has bit 0 for `start`; when it is shorter, the bytes copied into a zeroed block (`*drop` is 0).
static inline __m128i causeway_load_tail(const uint8_t *bytes, ptrdiff_t start, ptrdiff_t count, unsigned *drop) {
    if (count >= 16) {
        *drop = (unsigned)(16 - (count - start));
        return _mm_loadu_si128((const __m128i *)(bytes + count - 16));
    }
    *drop = 0;
    uint8_t padded[16] = {0};
    for (ptrdiff_t k = 0; k < count - start; k++) padded[k] = bytes[start + k];
    return _mm_loadu_si128((const __m128i *)padded);
}
#endif

/// What ``causeway_token_end`` tells of a token's digits.
enum {
    causeway_token_has_digit = 1,   // an ASCII digit among its bytes
    causeway_token_all_digits = 2   // nothing but ASCII digits (and at least one)
};

/// The flags of a token that holds a digit or not, and a byte other than a digit or not.
static inline int causeway_digit_flags(int any_digit, int any_other) {
    return any_digit ? (any_other ? causeway_token_has_digit : causeway_token_has_digit | causeway_token_all_digits) : 0;
}

/// The end of the token that starts at `start`: the first space or tab at or after it, or `count`. Sets
/// `*digit_flags` to what the token holds (`causeway_token_has_digit`, `causeway_token_all_digits`). Sixteen
/// bytes at a time with SSE2; nothing past `count` is read (see `causeway_load_tail`).
static inline ptrdiff_t causeway_token_end(const uint8_t *bytes, ptrdiff_t start, ptrdiff_t count, int *digit_flags) {
    ptrdiff_t i = start;
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(0x20);
    const __m128i tab = _mm_set1_epi8(0x09);
    const __m128i zero = _mm_set1_epi8(0x30);
    const __m128i nine = _mm_set1_epi8(9);
    unsigned digits = 0;
    unsigned others = 0;
    while (i < count) {
        __m128i v;
        unsigned beyond = 0;
        unsigned drop = 0;
        ptrdiff_t n = count - i;
        if (n >= 16) {
            v = _mm_loadu_si128((const __m128i *)(bytes + i));
        } else {
            // Positions past the end count as spaces.
            beyond = 0xFFFFu & ~((1u << n) - 1u);
            v = causeway_load_tail(bytes, i, count, &drop);
        }
        unsigned spaces = beyond | ((unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, space), _mm_cmpeq_epi8(v, tab))) >> drop);
        __m128i shifted = _mm_sub_epi8(v, zero);
        unsigned digit = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(shifted, nine), shifted)) >> drop;
        if (spaces != 0) {
            unsigned at = (unsigned)__builtin_ctz(spaces);
            unsigned before = (1u << at) - 1u;
            digits |= digit & before;
            others |= ~digit & before;
            *digit_flags = causeway_digit_flags(digits != 0, others != 0);
            return i + (ptrdiff_t)at;
        }
        digits |= digit;
        others |= ~digit & 0xFFFFu;
        i += 16;
    }
    *digit_flags = causeway_digit_flags(digits != 0, others != 0);
    return count;
#else
    int digit = 0;
    int other = 0;
    while (i < count && bytes[i] != 0x20 && bytes[i] != 0x09) {
        if ((uint8_t)(bytes[i] - 0x30) < 10) digit = 1; else other = 1;
        i++;
    }
    *digit_flags = causeway_digit_flags(digit, other);
    return i;
#endif
}

/// The first index at or after `start` whose byte is `a` or `b`, or `count`. Sixteen bytes at a time with
/// SSE2; nothing past `count` is read (see `causeway_load_tail`).
static inline ptrdiff_t causeway_find_either(const uint8_t *bytes, ptrdiff_t start, ptrdiff_t count, uint8_t a, uint8_t b) {
    ptrdiff_t i = start;
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi8((char)a);
    const __m128i vb = _mm_set1_epi8((char)b);
    while (i + 16 <= count) {
        __m128i v = _mm_loadu_si128((const __m128i *)(bytes + i));
        unsigned hits = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)));
        if (hits != 0) return i + (ptrdiff_t)__builtin_ctz(hits);
        i += 16;
    }
    if (i < count && count >= 16) {
        unsigned drop;
        __m128i v = causeway_load_tail(bytes, i, count, &drop);
        unsigned hits = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb))) >> drop;
        return hits != 0 ? i + (ptrdiff_t)__builtin_ctz(hits) : count;
    }
#endif
    while (i < count && bytes[i] != a && bytes[i] != b) i++;
    return i;
}

/// The first index at or after `start` whose byte is `a`, `b` or `c`, or `count`. Sixteen bytes at a time
/// with SSE2; nothing past `count` is read (see `causeway_load_tail`).
static inline ptrdiff_t causeway_find_any3(const uint8_t *bytes, ptrdiff_t start, ptrdiff_t count, uint8_t a, uint8_t b, uint8_t c) {
    ptrdiff_t i = start;
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi8((char)a);
    const __m128i vb = _mm_set1_epi8((char)b);
    const __m128i vc = _mm_set1_epi8((char)c);
    while (i + 16 <= count) {
        __m128i v = _mm_loadu_si128((const __m128i *)(bytes + i));
        unsigned hits = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)), _mm_cmpeq_epi8(v, vc)));
        if (hits != 0) return i + (ptrdiff_t)__builtin_ctz(hits);
        i += 16;
    }
    if (i < count && count >= 16) {
        unsigned drop;
        __m128i v = causeway_load_tail(bytes, i, count, &drop);
        unsigned hits = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)), _mm_cmpeq_epi8(v, vc))) >> drop;
        return hits != 0 ? i + (ptrdiff_t)__builtin_ctz(hits) : count;
    }
#endif
    while (i < count && bytes[i] != a && bytes[i] != b && bytes[i] != c) i++;
    return i;
}

/// What a line's bytes hold, in one pass: bit 0 set when a NUL byte, bit 1 when a byte of 0x80 or more (not
/// ASCII). Sixteen bytes at a time with SSE2; a last partial block is read as the sixteen bytes that end at
/// `count` (overlapping bytes already seen, which changes neither flag), so nothing past `count` is read.
static inline int causeway_line_flags(const uint8_t *bytes, ptrdiff_t count) {
    ptrdiff_t i = 0;
    int flags = 0;
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    __m128i any_zero = _mm_setzero_si128();
    __m128i any_high = _mm_setzero_si128();
    for (; i + 16 <= count; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(bytes + i));
        any_zero = _mm_or_si128(any_zero, _mm_cmpeq_epi8(v, zero));
        any_high = _mm_or_si128(any_high, v);
    }
    unsigned zeros = (unsigned)_mm_movemask_epi8(any_zero);
    unsigned highs = (unsigned)_mm_movemask_epi8(any_high);
    if (i < count && count >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(bytes + count - 16));
        zeros |= (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, zero));
        highs |= (unsigned)_mm_movemask_epi8(v);
        i = count;
    }
    if (zeros != 0) flags |= 1;
    if (highs != 0) flags |= 2;
#endif
    for (; i < count; i++) {
        if (bytes[i] == 0) flags |= 1;
        if (bytes[i] >= 0x80) flags |= 2;
    }
    return flags;
}

/// What ``causeway_line_scan`` finds.
enum {
    causeway_line_nul = 1,       // a NUL byte
    causeway_line_high = 2,      // a byte of 0x80 or more (not ASCII)
    causeway_mark_trace = 4,     // `trace` in any letter case at a position `i` with `i + 5 < count`
    causeway_mark_bracket = 8    // `[` at a position `i` with `i + 6 <= count` (or `trace` was found first)
};

/// What `bytes[0..<count]` holds, in one pass: a NUL byte, a byte past ASCII, and whether the line may name
/// a trace: `causeway_mark_trace` when it holds `trace` in any letter case at a position `i` with
/// `i + 5 < count`, `causeway_mark_bracket` when it holds `[` at a position `i` with `i + 6 <= count`. Once
/// `trace` is found both marks are set (a `[` is then not looked for). A line of 12 bytes or fewer gets
/// `causeway_mark_bracket` alone, whatever it holds. Sixteen positions at a time with SSE2; nothing past
/// `count` is read.
static inline int causeway_line_scan(const uint8_t *bytes, ptrdiff_t count) {
    if (count <= 12) return causeway_line_flags(bytes, count) | causeway_mark_bracket;
    ptrdiff_t i = 0;
    int marks = 0;
#if defined(__SSE2__)
    if (count >= 21) {
        const __m128i lower = _mm_set1_epi8(0x20);
        const __m128i open = _mm_set1_epi8(0x5B);
        const __m128i zero = _mm_setzero_si128();
        __m128i brackets = _mm_setzero_si128();
        __m128i zeros = _mm_setzero_si128();
        __m128i highs = _mm_setzero_si128();
        // Sixteen positions at a time while all of them are candidates (the loads end at i + 19). The
        // blocks' first loads cover every byte up to the last block's, `count - 21` or later.
        for (; i + 21 <= count; i += 16) {
            __m128i head = _mm_loadu_si128((const __m128i *)(bytes + i));
            brackets = _mm_or_si128(brackets, _mm_cmpeq_epi8(head, open));
            zeros = _mm_or_si128(zeros, _mm_cmpeq_epi8(head, zero));
            highs = _mm_or_si128(highs, head);
            __m128i t = _mm_cmpeq_epi8(_mm_or_si128(head, lower), _mm_set1_epi8(0x74));
            __m128i e0 = _mm_cmpeq_epi8(_mm_or_si128(_mm_loadu_si128((const __m128i *)(bytes + i + 4)), lower), _mm_set1_epi8(0x65));
            // Most blocks hold no `t` with an `e` four bytes on: the other three letters only for those that do.
            if (_mm_movemask_epi8(_mm_and_si128(t, e0)) == 0) continue;
            __m128i r = _mm_cmpeq_epi8(_mm_or_si128(_mm_loadu_si128((const __m128i *)(bytes + i + 1)), lower), _mm_set1_epi8(0x72));
            __m128i a = _mm_cmpeq_epi8(_mm_or_si128(_mm_loadu_si128((const __m128i *)(bytes + i + 2)), lower), _mm_set1_epi8(0x61));
            __m128i c = _mm_cmpeq_epi8(_mm_or_si128(_mm_loadu_si128((const __m128i *)(bytes + i + 3)), lower), _mm_set1_epi8(0x63));
            __m128i e = _mm_cmpeq_epi8(_mm_or_si128(_mm_loadu_si128((const __m128i *)(bytes + i + 4)), lower), _mm_set1_epi8(0x65));
            if (_mm_movemask_epi8(_mm_and_si128(_mm_and_si128(_mm_and_si128(t, r), _mm_and_si128(a, c)), e)) != 0) {
                // Found: the bytes from this block on are read for NUL and high bytes alone.
                int flags = causeway_line_flags(bytes + i, count - i);
                if (_mm_movemask_epi8(zeros) != 0) flags |= causeway_line_nul;
                if (_mm_movemask_epi8(highs) != 0) flags |= causeway_line_high;
                return flags | causeway_mark_trace | causeway_mark_bracket;
            }
        }
        // The last sixteen bytes, for NUL and high bytes: with the blocks' first loads and the block at
        // `count - 21` below, every byte has been read.
        __m128i last = _mm_loadu_si128((const __m128i *)(bytes + count - 16));
        zeros = _mm_or_si128(zeros, _mm_cmpeq_epi8(last, zero));
        highs = _mm_or_si128(highs, last);
        // The last positions (up to `count - 6`) as one more block ending there, overlapping the ones
        // before: the test is whether any position holds the word, so a position seen twice changes nothing.
        if (i + 5 < count) {
            ptrdiff_t j = count - 21;
            __m128i head = _mm_loadu_si128((const __m128i *)(bytes + j));
            brackets = _mm_or_si128(brackets, _mm_cmpeq_epi8(head, open));
            zeros = _mm_or_si128(zeros, _mm_cmpeq_epi8(head, zero));
            highs = _mm_or_si128(highs, head);
            __m128i t = _mm_cmpeq_epi8(_mm_or_si128(head, lower), _mm_set1_epi8(0x74));
            __m128i r = _mm_cmpeq_epi8(_mm_or_si128(_mm_loadu_si128((const __m128i *)(bytes + j + 1)), lower), _mm_set1_epi8(0x72));
            __m128i a = _mm_cmpeq_epi8(_mm_or_si128(_mm_loadu_si128((const __m128i *)(bytes + j + 2)), lower), _mm_set1_epi8(0x61));
            __m128i c = _mm_cmpeq_epi8(_mm_or_si128(_mm_loadu_si128((const __m128i *)(bytes + j + 3)), lower), _mm_set1_epi8(0x63));
            __m128i e = _mm_cmpeq_epi8(_mm_or_si128(_mm_loadu_si128((const __m128i *)(bytes + j + 4)), lower), _mm_set1_epi8(0x65));
            if (_mm_movemask_epi8(_mm_and_si128(_mm_and_si128(_mm_and_si128(t, r), _mm_and_si128(a, c)), e)) != 0)
                marks |= causeway_mark_trace;
        }
        if (_mm_movemask_epi8(brackets) != 0) marks |= causeway_mark_bracket;
        if (_mm_movemask_epi8(zeros) != 0) marks |= causeway_line_nul;
        if (_mm_movemask_epi8(highs) != 0) marks |= causeway_line_high;
        return marks;
    }
#endif
    marks = causeway_line_flags(bytes, count);
    for (; i + 5 < count; i++) {
        if (bytes[i] == 0x5B) marks |= causeway_mark_bracket;
        if ((bytes[i] | 0x20) == 0x74 && (bytes[i + 1] | 0x20) == 0x72 && (bytes[i + 2] | 0x20) == 0x61
            && (bytes[i + 3] | 0x20) == 0x63 && (bytes[i + 4] | 0x20) == 0x65)
            return marks | causeway_mark_trace | causeway_mark_bracket;
    }
    return marks;
}


/// The scalar and SSE2 part of ``causeway_sweep``: from `i`, appending at `*ne` and `*nv`.
static inline void causeway_sweep_from(const uint8_t *bytes, ptrdiff_t i, ptrdiff_t count, int32_t *ends, ptrdiff_t *ne,
                                       int32_t *events, ptrdiff_t *nv) {
    ptrdiff_t e = *ne, m = *nv;
#if defined(__SSE2__)
    const __m128i newline = _mm_set1_epi8(0x0A);
    const __m128i one = _mm_set1_epi8(1);
    const __m128i open = _mm_set1_epi8(0x5B);
    const __m128i lower = _mm_set1_epi8(0x20);
    const __m128i t = _mm_set1_epi8(0x74);
    const __m128i ee = _mm_set1_epi8(0x65);
    for (; i + 20 <= count; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(bytes + i));
        __m128i w = _mm_loadu_si128((const __m128i *)(bytes + i + 4));
        unsigned lines = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, newline));
        // High bit of v | (v - 1): a NUL or a byte of 0x80 or more.
        __m128i odd = _mm_or_si128(v, _mm_sub_epi8(v, one));
        __m128i te = _mm_and_si128(_mm_cmpeq_epi8(_mm_or_si128(v, lower), t), _mm_cmpeq_epi8(_mm_or_si128(w, lower), ee));
        unsigned found = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(odd, _mm_cmpeq_epi8(v, open)), te));
        while (lines != 0) {
            ends[e++] = (int32_t)(i + __builtin_ctz(lines));
            lines &= lines - 1;
        }
        while (found != 0) {
            events[m++] = (int32_t)(i + __builtin_ctz(found));
            found &= found - 1;
        }
    }
#endif
    for (; i < count; i++) {
        uint8_t b = bytes[i];
        if (b == 0x0A) ends[e++] = (int32_t)i;
        if (b == 0 || b >= 0x80 || b == 0x5B || ((b | 0x20) == 0x74 && i + 4 < count && (bytes[i + 4] | 0x20) == 0x65))
            events[m++] = (int32_t)i;
    }
    *ne = e;
    *nv = m;
}

#if (defined(__x86_64__) || defined(__i386__)) && (defined(__clang__) || defined(__GNUC__))
#include <cpuid.h>
#include <immintrin.h>
#define CAUSEWAY_SWEEP_AVX2 1

/// ``causeway_sweep`` 32 bytes at a time, for CPUs with AVX2 (see ``causeway_has_avx2``).
__attribute__((target("avx2"))) static inline ptrdiff_t causeway_sweep_avx2(const uint8_t *bytes, ptrdiff_t start, ptrdiff_t count,
                                                                   int32_t *ends, ptrdiff_t *end_count, int32_t *events,
                                                                   ptrdiff_t *event_count) {
    const __m256i newline = _mm256_set1_epi8(0x0A);
    const __m256i one = _mm256_set1_epi8(1);
    const __m256i open = _mm256_set1_epi8(0x5B);
    const __m256i lower = _mm256_set1_epi8(0x20);
    const __m256i t = _mm256_set1_epi8(0x74);
    const __m256i ee = _mm256_set1_epi8(0x65);
    ptrdiff_t e = 0, m = 0, i = start;
    for (; i + 36 <= count; i += 32) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(bytes + i));
        __m256i w = _mm256_loadu_si256((const __m256i *)(bytes + i + 4));
        unsigned lines = (unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, newline));
        __m256i odd = _mm256_or_si256(v, _mm256_sub_epi8(v, one));
        __m256i te = _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_or_si256(v, lower), t), _mm256_cmpeq_epi8(_mm256_or_si256(w, lower), ee));
        unsigned found = (unsigned)_mm256_movemask_epi8(_mm256_or_si256(_mm256_or_si256(odd, _mm256_cmpeq_epi8(v, open)), te));
        while (lines != 0) {
            ends[e++] = (int32_t)(i + __builtin_ctz(lines));
            lines &= lines - 1;
        }
        while (found != 0) {
            events[m++] = (int32_t)(i + __builtin_ctz(found));
            found &= found - 1;
        }
    }
    causeway_sweep_from(bytes, i, count, ends, &e, events, &m);
    *end_count = e;
    *event_count = m;
    return count;
}

/// Whether the CPU runs AVX2 and the system keeps its registers (asked once).
static inline int causeway_has_avx2(void) {
    static int known = -1;
    int seen = __atomic_load_n(&known, __ATOMIC_RELAXED);
    if (seen >= 0) return seen;
    int yes = 0;
    unsigned a, b, c, d;
    if (__get_cpuid(1, &a, &b, &c, &d) && (c & (1u << 27)) && (c & (1u << 28))) {
        unsigned lo, hi;
        __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
        if ((lo & 6) == 6 && __get_cpuid_max(0, 0) >= 7) {
            __cpuid_count(7, 0, a, b, c, d);
            yes = (b & (1u << 5)) != 0;
        }
    }
    __atomic_store_n(&known, yes, __ATOMIC_RELAXED);
    return yes;
}
#endif

/// One pass over a stretch of lines, `bytes[start..<count]`, ahead of reading them one by one: writes the
/// index of every newline into `ends` and of every byte that may change a line's ``causeway_line_scan``
/// result into `events` (a NUL, a byte of 0x80 or more, a `[`, a `t` or `T` with an `e` or `E` four bytes
/// on and before `count`), both in ascending order, so that ``causeway_line_marks`` gives each line ending
/// before `count` that result without reading its bytes again. Each array needs room for `count - start`
/// entries. 32 bytes at a time with AVX2 where the CPU has it, else sixteen with SSE2; nothing past `count`
/// is read. Returns `count`.
static inline ptrdiff_t causeway_sweep(const uint8_t *bytes, ptrdiff_t start, ptrdiff_t count, int32_t *ends,
                                       ptrdiff_t *end_count, int32_t *events, ptrdiff_t *event_count) {
#if defined(CAUSEWAY_SWEEP_AVX2)
    if (causeway_has_avx2()) return causeway_sweep_avx2(bytes, start, count, ends, end_count, events, event_count);
#endif
    ptrdiff_t e = 0, m = 0;
    causeway_sweep_from(bytes, start, count, ends, &e, events, &m);
    *end_count = e;
    *event_count = m;
    return count;
}

/// ``causeway_sweep`` without AVX2 whatever the CPU (for tests: both must agree).
static inline ptrdiff_t causeway_sweep_portable(const uint8_t *bytes, ptrdiff_t start, ptrdiff_t count, int32_t *ends,
                                                ptrdiff_t *end_count, int32_t *events, ptrdiff_t *event_count) {
    ptrdiff_t e = 0, m = 0;
    causeway_sweep_from(bytes, start, count, ends, &e, events, &m);
    *end_count = e;
    *event_count = m;
    return count;
}

/// ``causeway_line_scan`` of the line `bytes[start..<stop]`, from the `events` ``causeway_sweep`` found
/// (`event_count` of them) instead of the line's bytes: `*cursor` is the first event not yet passed, and is
/// left at the first event at or after `stop`. Every byte of the line must have been swept.
static inline int causeway_line_marks(const uint8_t *bytes, ptrdiff_t start, ptrdiff_t stop, const int32_t *events,
                                      ptrdiff_t event_count, ptrdiff_t *cursor) {
    ptrdiff_t k = *cursor;
    int flags = 0;
    while (k < event_count && events[k] < stop) {
        ptrdiff_t p = events[k++];
        if (p < start) continue;
        uint8_t b = bytes[p];
        if (b == 0) {
            flags |= causeway_line_nul;
        } else if (b >= 0x80) {
            flags |= causeway_line_high;
        } else if (p + 6 <= stop) {
            if (b == 0x5B) {
                flags |= causeway_mark_bracket;
            } else if ((bytes[p + 1] | 0x20) == 0x72 && (bytes[p + 2] | 0x20) == 0x61 && (bytes[p + 3] | 0x20) == 0x63
                       && (bytes[p + 4] | 0x20) == 0x65) {
                // As ``causeway_line_scan`` sets them: `trace` in its sixteen-byte blocks sets both marks, in
                // the last overlapping block of a line of 21 bytes or more (positions from `tail` on) only
                // its own.
                ptrdiff_t n = stop - start;
                ptrdiff_t tail = (((n - 21) >> 4) + 1) << 4;
                flags |= n >= 21 && p - start >= tail ? causeway_mark_trace : causeway_mark_trace | causeway_mark_bracket;
            }
        }
    }
    *cursor = k;
    // Lines of 12 bytes or fewer: NUL and high bytes, and the bracket mark whatever they hold.
    if (stop - start <= 12) flags = (flags & (causeway_line_nul | causeway_line_high)) | causeway_mark_bracket;
    return flags;
}

#endif
