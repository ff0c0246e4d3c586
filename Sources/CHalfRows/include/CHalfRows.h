#ifndef ARXREC_CHALFROWS_H
#define ARXREC_CHALFROWS_H
// The dense view's inner loop — a weighted sum of Float16 rows — with the CPU's own half-to-float
// instruction (F16C) and 256-bit vectors (AVX2) where the running CPU has them. Swift cannot target
// an instruction set per function, and its default x86-64 target has neither, so this one loop is C
// with a runtime check. See TextEmbedding/Model/ProjectionGather.swift for the contract.
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/// Whether the running CPU can execute `arx_half_rows_sum` (x86-64 with AVX2 and F16C).
bool arx_half_rows_available(void);

/// output[j] = Σ_r weights[r] × half(table[rows[r] × dimension + j]) for j < dimension, each sum formed
/// from +0 by adding the products in row order, each product rounded once (never fused): bit-identical
/// to adding the rows one after another. Only call when `arx_half_rows_available()`.
void arx_half_rows_sum(const intptr_t *rows, const float *weights, intptr_t count, const uint16_t *table,
                       intptr_t dimension, float *output);

#endif
