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

// 16 row bytes sign-extended to 16-bit lanes, multiplied with the query in pairs summed into 32-bit lanes
// (vpmaddwd): exact, since the query's levels keep every row's sum inside Int32.
__attribute__((target("avx2"), always_inline))
static inline __m256i chunk_products(const uint8_t *bytes, __m256i query) {
    return _mm256_madd_epi16(_mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)bytes)), query);
}

// Four rows at a time: their sums are independent chains (a row alone is one chain of adds and a
// horizontal sum, which left the core idle at 32 and 64 dimensions), reduced together by one tree of
// horizontal adds, then scaled as four lanes with the same two roundings as `row_score`.
__attribute__((target("avx2"), always_inline))
static inline void four_rows(const uint8_t *row, intptr_t row_bytes, intptr_t padded, const int16_t *query,
                             __m128 inverse_scale, float *out) {
    __m256i s0 = _mm256_setzero_si256(), s1 = s0, s2 = s0, s3 = s0;
    for (intptr_t c = 0; c < padded; c += 16) {
        const __m256i q = _mm256_loadu_si256((const __m256i *)(query + c));
        s0 = _mm256_add_epi32(s0, chunk_products(row + c, q));
        s1 = _mm256_add_epi32(s1, chunk_products(row + row_bytes + c, q));
        s2 = _mm256_add_epi32(s2, chunk_products(row + 2 * row_bytes + c, q));
        s3 = _mm256_add_epi32(s3, chunk_products(row + 3 * row_bytes + c, q));
    }
    // Lane k of each 128-bit half of `h` holds half of row k's sum.
    const __m256i h = _mm256_hadd_epi32(_mm256_hadd_epi32(s0, s1), _mm256_hadd_epi32(s2, s3));
    const __m128i sums = _mm_add_epi32(_mm256_castsi256_si128(h), _mm256_extracti128_si256(h, 1));
    float scales[4];
    for (int k = 0; k < 4; k++) memcpy(&scales[k], row + k * row_bytes + padded, sizeof(float));
    const __m128 scale = _mm_loadu_ps(scales);
    const __m128 value = _mm_mul_ps(_mm_mul_ps(_mm_cvtepi32_ps(sums), scale), inverse_scale);
    // Ordered comparisons: false for a NaN scale, as `scale >= 0 && isfinite(scale)`.
    const __m128 usable = _mm_and_ps(_mm_cmp_ps(scale, _mm_setzero_ps(), _CMP_GE_OQ),
                                     _mm_cmp_ps(scale, _mm_set1_ps(INFINITY), _CMP_LT_OQ));
    _mm_storeu_ps(out, _mm_blendv_ps(_mm_set1_ps(NAN), value, usable));
}

__attribute__((target("avx2"), always_inline))
static inline void scores(const uint8_t *rows, intptr_t row_bytes, intptr_t padded, intptr_t count, const int16_t *query,
                          float inverse_scale, float *out) {
    const __m128 inverse = _mm_set1_ps(inverse_scale);
    intptr_t i = 0;
    for (; i + 4 <= count; i += 4) four_rows(rows + i * row_bytes, row_bytes, padded, query, inverse, out + i);
    for (; i < count; i++) {
        const uint8_t *row = rows + i * row_bytes;
        __m256i sum = _mm256_setzero_si256();
        for (intptr_t c = 0; c < padded; c += 16) {
            sum = _mm256_add_epi32(sum, chunk_products(row + c, _mm256_loadu_si256((const __m256i *)(query + c))));
        }
        out[i] = row_score(horizontal_sum(sum), row, padded, inverse_scale);
    }
}

__attribute__((target("avx2")))
void arx_int8_scores(const uint8_t *rows, intptr_t row_bytes, intptr_t padded, intptr_t count, const int16_t *query,
                     float inverse_scale, float *out) {
    // The prefix copies' widths and the full rows compiled with their width known, so the chunk loop unrolls.
    switch (padded) {
    case 32: scores(rows, row_bytes, 32, count, query, inverse_scale, out); break;
    case 64: scores(rows, row_bytes, 64, count, query, inverse_scale, out); break;
    case 128: scores(rows, row_bytes, 128, count, query, inverse_scale, out); break;
    case 256: scores(rows, row_bytes, 256, count, query, inverse_scale, out); break;
    default: scores(rows, row_bytes, padded, count, query, inverse_scale, out); break;
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
