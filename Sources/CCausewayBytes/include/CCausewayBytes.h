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

/// Whether `bytes[0..<count]` holds `trace` in any letter case at a position `i` with `i + 5 < count`.
static inline int causeway_holds_trace(const uint8_t *bytes, ptrdiff_t count) {
    ptrdiff_t i = 0;
#if defined(__SSE2__)
    const __m128i lower = _mm_set1_epi8(0x20);
    // Sixteen positions at a time while all of them are candidates (the loads end at i + 19).
    for (; i + 21 <= count; i += 16) {
        __m128i t = _mm_cmpeq_epi8(_mm_or_si128(_mm_loadu_si128((const __m128i *)(bytes + i)), lower), _mm_set1_epi8(0x74));
        __m128i r = _mm_cmpeq_epi8(_mm_or_si128(_mm_loadu_si128((const __m128i *)(bytes + i + 1)), lower), _mm_set1_epi8(0x72));
        __m128i a = _mm_cmpeq_epi8(_mm_or_si128(_mm_loadu_si128((const __m128i *)(bytes + i + 2)), lower), _mm_set1_epi8(0x61));
        __m128i c = _mm_cmpeq_epi8(_mm_or_si128(_mm_loadu_si128((const __m128i *)(bytes + i + 3)), lower), _mm_set1_epi8(0x63));
        __m128i e = _mm_cmpeq_epi8(_mm_or_si128(_mm_loadu_si128((const __m128i *)(bytes + i + 4)), lower), _mm_set1_epi8(0x65));
        if (_mm_movemask_epi8(_mm_and_si128(_mm_and_si128(_mm_and_si128(t, r), _mm_and_si128(a, c)), e)) != 0) return 1;
    }
#endif
    for (; i + 5 < count; i++) {
        if ((bytes[i] | 0x20) == 0x74 && (bytes[i + 1] | 0x20) == 0x72 && (bytes[i + 2] | 0x20) == 0x61
            && (bytes[i + 3] | 0x20) == 0x63 && (bytes[i + 4] | 0x20) == 0x65)
            return 1;
    }
    return 0;
}

#endif
