#ifndef ARXREC_CBLAS_SHIM_H
#define ARXREC_CBLAS_SHIM_H
// OpenBLAS's CBLAS interface and the reference LAPACKE C interface.
// Debian: libopenblas-dev (pkg-config "openblas") and liblapacke-dev.
#include <cblas.h>
#include <lapacke.h>

// OpenBLAS (pthreads build) exports this without declaring it in cblas.h: it stops the worker threads the
// library starts when it is loaded. See LinearAlgebra/BLASThreads.swift.
int blas_thread_shutdown_(void);
#endif
