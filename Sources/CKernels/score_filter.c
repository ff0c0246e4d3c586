#include "ScoreFilter.h"

// The test itself, one score at a time: the loop on other CPUs and the tail of the vector loop.
static inline intptr_t append_worth_a_look(const float *scores, intptr_t from, intptr_t count, float threshold,
                                           float bound, int32_t *offsets, intptr_t found) {
    for (intptr_t i = from; i < count; i++) {
        const float v = scores[i];
        if (v > threshold || !(__builtin_fabsf(v) <= bound)) offsets[found++] = (int32_t)i;
    }
    return found;
}

#if defined(__x86_64__)
#include <emmintrin.h>

intptr_t arx_scores_worth_a_look(const float *scores, intptr_t count, float threshold, float bound, int32_t *offsets) {
    intptr_t found = 0, i = 0;
    const __m128 above = _mm_set1_ps(threshold), limit = _mm_set1_ps(bound);
    const __m128 magnitude = _mm_castsi128_ps(_mm_set1_epi32(0x7fffffff));
    for (; i + 4 <= count; i += 4) {
        const __m128 v = _mm_loadu_ps(scores + i);
        // cmpnle is true for NaN: a score that is no number is worth a look too.
        const __m128 hits = _mm_or_ps(_mm_cmpgt_ps(v, above), _mm_cmpnle_ps(_mm_and_ps(v, magnitude), limit));
        int mask = _mm_movemask_ps(hits);
        while (mask != 0) {
            const int lane = __builtin_ctz((unsigned)mask);
            offsets[found++] = (int32_t)(i + lane);
            mask &= mask - 1;
        }
    }
    return append_worth_a_look(scores, i, count, threshold, bound, offsets, found);
}

#else

intptr_t arx_scores_worth_a_look(const float *scores, intptr_t count, float threshold, float bound, int32_t *offsets) {
    return append_worth_a_look(scores, 0, count, threshold, bound, offsets, 0);
}

#endif
