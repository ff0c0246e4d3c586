#include "Int8Scores.h"
#include <math.h>
#include <string.h>

// The two products stay two roundings, as in the Swift kernel: no FMA contraction.
#pragma STDC FP_CONTRACT OFF

static inline float row_score(int32_t sum, const uint8_t *row, intptr_t padded, float inverse_scale) {
    float scale;
    memcpy(&scale, row + padded, sizeof scale);
    return (scale >= 0 && isfinite(scale)) ? (float)sum * scale * inverse_scale : NAN;
}

#if defined(__x86_64__)
#include <immintrin.h>

bool arx_int8_scores_available(void) { return __builtin_cpu_supports("avx2"); }

__attribute__((target("avx2")))
static inline int32_t horizontal_sum(__m256i v) {
    __m128i s = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, _MM_SHUFFLE(1, 0, 3, 2)));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, _MM_SHUFFLE(2, 3, 0, 1)));
    return _mm_cvtsi128_si32(s);
}

// Each 16 row bytes are sign-extended to 16-bit lanes and multiplied with the query in pairs summed
// into 32-bit lanes (vpmaddwd): exact, since the query's levels keep every row's sum inside Int32.
__attribute__((target("avx2")))
void arx_int8_scores(const uint8_t *rows, intptr_t row_bytes, intptr_t padded, intptr_t count, const int16_t *query,
                     float inverse_scale, float *out) {
    if (padded == 32) {
        // The prefix copy: the query's two halves stay in registers for every row.
        const __m256i q0 = _mm256_loadu_si256((const __m256i *)query);
        const __m256i q1 = _mm256_loadu_si256((const __m256i *)(query + 16));
        for (intptr_t i = 0; i < count; i++) {
            const uint8_t *row = rows + i * row_bytes;
            const __m256i b0 = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)row));
            const __m256i b1 = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(row + 16)));
            const __m256i sum = _mm256_add_epi32(_mm256_madd_epi16(b0, q0), _mm256_madd_epi16(b1, q1));
            out[i] = row_score(horizontal_sum(sum), row, padded, inverse_scale);
        }
        return;
    }
    for (intptr_t i = 0; i < count; i++) {
        const uint8_t *row = rows + i * row_bytes;
        __m256i sum = _mm256_setzero_si256();
        for (intptr_t c = 0; c < padded; c += 16) {
            const __m256i bytes = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(row + c)));
            sum = _mm256_add_epi32(sum, _mm256_madd_epi16(bytes, _mm256_loadu_si256((const __m256i *)(query + c))));
        }
        out[i] = row_score(horizontal_sum(sum), row, padded, inverse_scale);
    }
}

#else

bool arx_int8_scores_available(void) { return false; }

void arx_int8_scores(const uint8_t *rows, intptr_t row_bytes, intptr_t padded, intptr_t count, const int16_t *query,
                     float inverse_scale, float *out) {
    for (intptr_t i = 0; i < count; i++) {
        const uint8_t *row = rows + i * row_bytes;
        int32_t sum = 0;
        for (intptr_t j = 0; j < padded; j++) sum += (int32_t)(int8_t)row[j] * query[j];
        out[i] = row_score(sum, row, padded, inverse_scale);
    }
}

#endif
