#include "CKernels.h"

static inline bool is_markup_byte(uint8_t byte) {
    return byte == '$' || byte == '.' || byte == '/' || byte == ':' || byte == '\\' || byte == '{' || byte == '}';
}

#if defined(__x86_64__)
#include <emmintrin.h>

intptr_t arx_next_markup_byte(const uint8_t *bytes, intptr_t from, intptr_t count) {
    intptr_t i = from;
    const __m128i dollar = _mm_set1_epi8('$'), dot = _mm_set1_epi8('.'), slash = _mm_set1_epi8('/'),
                  colon = _mm_set1_epi8(':'), backslash = _mm_set1_epi8('\\'), open = _mm_set1_epi8('{'),
                  close = _mm_set1_epi8('}');
    for (; i + 16 <= count; i += 16) {
        const __m128i chunk = _mm_loadu_si128((const __m128i *)(bytes + i));
        __m128i hits = _mm_or_si128(_mm_cmpeq_epi8(chunk, dollar), _mm_cmpeq_epi8(chunk, dot));
        hits = _mm_or_si128(hits, _mm_cmpeq_epi8(chunk, slash));
        hits = _mm_or_si128(hits, _mm_cmpeq_epi8(chunk, colon));
        hits = _mm_or_si128(hits, _mm_cmpeq_epi8(chunk, backslash));
        hits = _mm_or_si128(hits, _mm_cmpeq_epi8(chunk, open));
        hits = _mm_or_si128(hits, _mm_cmpeq_epi8(chunk, close));
        const int mask = _mm_movemask_epi8(hits);
        if (mask != 0) return i + __builtin_ctz((unsigned)mask);
    }
    for (; i < count; i++) {
        if (is_markup_byte(bytes[i])) return i;
    }
    return count;
}

#else

intptr_t arx_next_markup_byte(const uint8_t *bytes, intptr_t from, intptr_t count) {
    for (intptr_t i = from; i < count; i++) {
        if (is_markup_byte(bytes[i])) return i;
    }
    return count;
}

#endif
