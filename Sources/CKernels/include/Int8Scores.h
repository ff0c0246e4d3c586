#ifndef ARXREC_INT8_SCORES_H
#define ARXREC_INT8_SCORES_H
// The first pass's kernel (LinearAlgebra/Int8/Int8Scan.swift) on AVX2, where the running CPU has it
// (checked at run time): Swift compiles the widening of 8-bit lanes one lane at a time, and at 32 and 64
// dimensions (the prefix copies) a row costs more in that than in memory. Rows are scored four at a time,
// as independent chains reduced together.
#include <stdbool.h>
#include <stdint.h>

/// Whether the running CPU can execute `arx_int8_scores` (x86-64 with AVX2).
bool arx_int8_scores_available(void);

/// For each of `count` rows starting at `rows` (each `row_bytes` long: `padded` signed bytes, `padded` a
/// multiple of 16, then a little-endian Float32 scale at byte `padded`): out[i] = (float)s × scale ×
/// inverse_scale, s the exact Int32 sum of byte × query[j] over j < padded, the two products rounded
/// in that order (never fused); NaN when the scale is negative or not finite. Bit-identical to the Swift
/// kernel. Only call when `arx_int8_scores_available()`.
void arx_int8_scores(const uint8_t *rows, intptr_t row_bytes, intptr_t padded, intptr_t count, const int16_t *query,
                     float inverse_scale, float *out);

#endif
