#ifndef ARXREC_CBLAS_SHIM_H
#define ARXREC_CBLAS_SHIM_H
// OpenBLAS's CBLAS interface and the reference LAPACKE C interface.
// Debian: libopenblas-dev (pkg-config "openblas") and liblapacke-dev.
#include <cblas.h>
#include <lapacke.h>
#endif
