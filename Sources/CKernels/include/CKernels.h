#ifndef ARXREC_CKERNELS_H
#define ARXREC_CKERNELS_H
// The featurizer's and the whole-library scan's hottest loops in C, where Swift cannot reach the
// instructions they need: Swift cannot target an instruction set per function, and its SIMD types compile
// a byte search, a lane-by-lane widening or a mask test to scalar code. Each function states its contract;
// the Swift callers hold them to a Swift reference in tests. The scan's kernels are declared in their own
// headers, included at the end.
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// The dense view's inner loop — a weighted sum of Float16 rows — with the CPU's own half-to-float
// instruction (F16C) and 256-bit vectors (AVX2) where the running CPU has them, checked at run time.
// See TextEmbedding/Model/ProjectionGather.swift.

/// Whether the running CPU can execute `arx_half_rows_sum` (x86-64 with AVX2 and F16C).
bool arx_half_rows_available(void);

/// output[j] = Σ_r weights[r] × half(table[rows[r] × dimension + j]) for j < dimension, each sum formed
/// from +0 by adding the products in row order, each product rounded once (never fused): bit-identical
/// to adding the rows one after another. Only call when `arx_half_rows_available()`.
void arx_half_rows_sum(const intptr_t *rows, const float *weights, intptr_t count, const uint16_t *table,
                       intptr_t dimension, float *output);

// The projection index's rank lookup with the POPCNT instruction where the running CPU has it (checked at
// run time). See TextEmbedding/Model/ProjectionIndex.swift.

/// Whether the running CPU can execute `arx_projection_rows` (x86-64 with POPCNT).
bool arx_projection_rows_available(void);

/// For each k < count in order whose bucket b = buckets[k] is set in the bitmap `words` (`word_count`
/// 64-bit words; a negative bucket or one past the bitmap has no row): rows[found] = ranks[b / 64] + the set
/// bits of words[b / 64] below bit b % 64, weights[found] = values[k], found += 1. Returns found; `rows` and
/// `weights` need room for `count` (each is written, then kept or overwritten). Only call when `arx_projection_rows_available()`.
intptr_t arx_projection_rows(const int32_t *buckets, const float *values, intptr_t count, const uint64_t *words,
                             const int32_t *ranks, intptr_t word_count, intptr_t *rows, float *weights);

// The markup stripper's search for the next byte it acts on, 16 bytes at a time (SSE2, which every
// x86-64 CPU has; a plain loop elsewhere). See TextEmbedding/Tokenization/MarkupStripper.swift.

/// The index of the first byte in bytes[from ..< count] that is one of `$ . / : \ { }`, or `count`.
intptr_t arx_next_markup_byte(const uint8_t *bytes, intptr_t from, intptr_t count);

// A hint that `address` will be read soon (a no-op where the compiler has no prefetch). Swift has no way to
// say it; the featurizer fetches a new feature's idf entry while it goes on counting.
static inline void arx_prefetch(const void *address) { __builtin_prefetch(address); }

#include "ScoreFilter.h"
#include "Int8Scores.h"

#endif
