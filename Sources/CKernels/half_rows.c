#include "CKernels.h"

// A product and a sum must stay two roundings, as in the Swift reference: no FMA contraction.
#pragma STDC FP_CONTRACT OFF

#if defined(__x86_64__)
#include <immintrin.h>

bool arx_half_rows_available(void) {
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("f16c");
}

// 32 outputs (one 64-byte line of each row) stay in four registers while every row is added into them.
// One prefetch of the next text's lines (`next_rows`, `next_count` rows) goes with each row-block added:
// a text's rows × blocks and its lines are the same count, so the next text's rows arrive while this one
// is summed, without a burst of prefetches that waits for free line-fill buffers.
__attribute__((target("avx2,f16c"), always_inline))
static inline void sum_rows(const intptr_t *rows, const float *weights, intptr_t count, const uint16_t *table,
                            intptr_t dimension, float *output, const intptr_t *next_rows, intptr_t next_count) {
    const intptr_t lines_per_row = (dimension * 2 + 63) / 64;
    const intptr_t next_lines = next_count * lines_per_row;
    intptr_t line = 0;
    intptr_t j = 0;
    for (; j + 32 <= dimension; j += 32) {
        __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps(), a2 = _mm256_setzero_ps(),
               a3 = _mm256_setzero_ps();
        for (intptr_t r = 0; r < count; r++) {
            if (line < next_lines) {
                const char *next = (const char *)(table + next_rows[line / lines_per_row] * dimension);
                _mm_prefetch(next + (line % lines_per_row) * 64, _MM_HINT_T0);
                line++;
            }
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
    // The next text has more rows than this one: the rest of its lines.
    for (; line < next_lines; line++) {
        const char *next = (const char *)(table + next_rows[line / lines_per_row] * dimension);
        _mm_prefetch(next + (line % lines_per_row) * 64, _MM_HINT_T0);
    }
}

__attribute__((target("avx2,f16c")))
void arx_half_rows_sum(const intptr_t *rows, const float *weights, intptr_t count, const uint16_t *table,
                       intptr_t dimension, float *output) {
    // Ask for every cache line of every row first: the prefetches do not wait for each other, so the
    // memory system fetches many rows at once and the additions below read from the L2 cache.
    for (intptr_t r = 0; r < count; r++) {
        const char *row = (const char *)(table + rows[r] * dimension);
        for (intptr_t byte = 0; byte < dimension * 2; byte += 64) _mm_prefetch(row + byte, _MM_HINT_T0);
    }
    sum_rows(rows, weights, count, table, dimension, output, rows, 0);
}

__attribute__((target("avx2,f16c")))
void arx_half_rows_sum_prefetching(const intptr_t *rows, const float *weights, intptr_t count, const uint16_t *table,
                                   intptr_t dimension, float *output, const intptr_t *next_rows, intptr_t next_count) {
    sum_rows(rows, weights, count, table, dimension, output, next_rows, next_count);
}

#else

bool arx_half_rows_available(void) { return false; }

void arx_half_rows_sum(const intptr_t *rows, const float *weights, intptr_t count, const uint16_t *table,
                       intptr_t dimension, float *output) {
    (void)rows; (void)weights; (void)count; (void)table; (void)dimension; (void)output;
}

void arx_half_rows_sum_prefetching(const intptr_t *rows, const float *weights, intptr_t count, const uint16_t *table,
                                   intptr_t dimension, float *output, const intptr_t *next_rows, intptr_t next_count) {
    (void)rows; (void)weights; (void)count; (void)table; (void)dimension; (void)output; (void)next_rows;
    (void)next_count;
}

#endif
