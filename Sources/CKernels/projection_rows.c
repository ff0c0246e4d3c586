#include "CKernels.h"

// The projection index's rank lookup (TextEmbedding/Model/ProjectionIndex.swift) with the CPU's POPCNT
// instruction. The package targets baseline x86-64, where Swift's `nonzeroBitCount` is a dozen shifts and
// masks; the instruction is chosen at run time, as half_rows.c chooses AVX2.

#if defined(__x86_64__)

bool arx_projection_rows_available(void) { return __builtin_cpu_supports("popcnt"); }

// Branch-free: every bucket writes its row and weight at `found`, which only advances when the bucket has a
// row. Whether it has one is a coin toss the branch predictor loses, and each lost guess discarded the
// bitmap loads already under way for the buckets after it.
__attribute__((target("popcnt")))
intptr_t arx_projection_rows(const int32_t *buckets, const float *values, intptr_t count, const uint64_t *words,
                             const int32_t *ranks, intptr_t word_count, intptr_t *rows, float *weights) {
    if (word_count <= 0) return 0;
    intptr_t found = 0;
    for (intptr_t k = 0; k < count; k++) {
        // Unsigned, so a negative bucket lands past the bitmap and has no row.
        const uint64_t bucket = (uint64_t)(uint32_t)buckets[k];
        const uint64_t word = bucket >> 6;
        const uint64_t inside = word < (uint64_t)word_count;
        const uint64_t bits = inside ? words[inside ? word : 0] : 0;
        const uint64_t bit = (uint64_t)1 << (bucket & 63);
        rows[found] = (intptr_t)ranks[inside ? word : 0] + (intptr_t)__builtin_popcountll(bits & (bit - 1));
        weights[found] = values[k];
        found += (intptr_t)((bits >> (bucket & 63)) & 1);
    }
    return found;
}

#else

bool arx_projection_rows_available(void) { return false; }

intptr_t arx_projection_rows(const int32_t *buckets, const float *values, intptr_t count, const uint64_t *words,
                             const int32_t *ranks, intptr_t word_count, intptr_t *rows, float *weights) {
    (void)buckets; (void)values; (void)count; (void)words; (void)ranks; (void)word_count; (void)rows; (void)weights;
    return 0;
}

#endif
