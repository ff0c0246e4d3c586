#include "CKernels.h"

// A product and a sum must stay two roundings, as in the Swift reference: no FMA contraction.
#pragma STDC FP_CONTRACT OFF

#if defined(__x86_64__)
#include <immintrin.h>

bool arx_half_rows_available(void) {
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("f16c");
}

// 32 outputs (one 64-byte line of each row) stay in four registers while every row is added into them.
__attribute__((target("avx2,f16c")))
void arx_half_rows_sum(const intptr_t *rows, const float *weights, intptr_t count, const uint16_t *table,
                       intptr_t dimension, float *output) {
    // Ask for every cache line of every row first: the prefetches do not wait for each other, so the
    // memory system fetches many rows at once and the additions below read from the L2 cache.
    for (intptr_t r = 0; r < count; r++) {
        const char *row = (const char *)(table + rows[r] * dimension);
        for (intptr_t byte = 0; byte < dimension * 2; byte += 64) _mm_prefetch(row + byte, _MM_HINT_T0);
    }
    intptr_t j = 0;
    for (; j + 32 <= dimension; j += 32) {
        __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps(), a2 = _mm256_setzero_ps(),
               a3 = _mm256_setzero_ps();
        for (intptr_t r = 0; r < count; r++) {
            const __m256 w = _mm256_set1_ps(weights[r]);
            const uint16_t *source = table + rows[r] * dimension + j;
            a0 = _mm256_add_ps(a0, _mm256_mul_ps(w, _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)source))));
            a1 = _mm256_add_ps(a1, _mm256_mul_ps(w, _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(source + 8)))));
            a2 = _mm256_add_ps(a2, _mm256_mul_ps(w, _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(source + 16)))));
            a3 = _mm256_add_ps(a3, _mm256_mul_ps(w, _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(source + 24)))));
        }
        _mm256_storeu_ps(output + j, a0);
        _mm256_storeu_ps(output + j + 8, a1);
        _mm256_storeu_ps(output + j + 16, a2);
        _mm256_storeu_ps(output + j + 24, a3);
    }
    // A dimension that is not a multiple of 32 (small test models): the rest one element at a time.
    for (; j < dimension; j++) {
        float sum = 0;
        for (intptr_t r = 0; r < count; r++) {
            const float product = weights[r] * _cvtsh_ss(table[rows[r] * dimension + j]);
            sum = sum + product;
        }
        output[j] = sum;
    }
}

#else

bool arx_half_rows_available(void) { return false; }

void arx_half_rows_sum(const intptr_t *rows, const float *weights, intptr_t count, const uint16_t *table,
                       intptr_t dimension, float *output) {
    (void)rows; (void)weights; (void)count; (void)table; (void)dimension; (void)output;
}

#endif
