#ifndef ARXREC_SCORE_FILTER_H
#define ARXREC_SCORE_FILTER_H
// The first pass's test of each score against the running selection (LinearAlgebra/Int8/Int8FirstPass.swift),
// four scores at a time (SSE, which every x86-64 CPU has; a plain loop elsewhere). Swift's SIMD masks
// compile this test lane by lane.
#include <stdint.h>

/// Writes to `offsets`, in increasing order, every i < count whose scores[i] is above `threshold` or is
/// no score the pass can vouch for (NaN, or |scores[i]| > bound); returns how many. `offsets` holds `count`.
intptr_t arx_scores_worth_a_look(const float *scores, intptr_t count, float threshold, float bound, int32_t *offsets);

#endif
