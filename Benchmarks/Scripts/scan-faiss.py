"""The faiss anchors of the two-stage scan benchmark: IndexFlatIP (exact, Float32) and IndexScalarQuantizer
QT_8bit (8-bit per dimension, its own trained ranges) over the rows scan-bench wrote, same queries.

    scan-faiss.py DIR DIMENSION [THREADS] [QUERIES]

Prints the median time per query (one query at a time, as `similar` asks) and recall@10 of SQ8 against
FlatIP. Run by Scripts/scan.sh inside a venv in the scratch folder (never in the project).
"""
import sys, time
import numpy as np
import faiss

directory, dimension = sys.argv[1], int(sys.argv[2])
threads = int(sys.argv[3]) if len(sys.argv) > 3 else 1
faiss.omp_set_num_threads(threads)
rows = np.fromfile(f"{directory}/rows.f32", dtype=np.float32).reshape(-1, dimension)
queries = np.fromfile(f"{directory}/queries.f32", dtype=np.float32).reshape(-1, dimension)
if len(sys.argv) > 4:
    queries = queries[:: max(1, len(queries) // int(sys.argv[4]))][: int(sys.argv[4])]
print(f"faiss {faiss.__version__}, {rows.shape[0]} rows, {queries.shape[0]} queries, {threads} thread(s)")

def timed(index, k):
    times, results = [], []
    for q in queries:
        t = time.perf_counter()
        _, ids = index.search(q[None, :], k)
        times.append(time.perf_counter() - t)
        results.append(ids[0])
    return np.median(times) * 1e3, np.percentile(times, 90) * 1e3, results

flat = faiss.IndexFlatIP(dimension)
flat.add(rows)
flat_ms, flat_p90, exact = timed(flat, 10)
print(f"  IndexFlatIP:                 {flat_ms:7.2f} ms / {flat_p90:7.2f} ms (median / p90 per query)")

sq = faiss.IndexScalarQuantizer(dimension, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT)
t = time.perf_counter()
sq.train(rows)
sq.add(rows)
print(f"  SQ8 train + add: {time.perf_counter() - t:.1f} s")
sq_ms, sq_p90, approx = timed(sq, 10)
recall = np.mean([len(set(a) & set(e)) / 10 for a, e in zip(approx, exact)])
print(f"  IndexScalarQuantizer QT_8bit:{sq_ms:7.2f} ms / {sq_p90:7.2f} ms, recall@10 vs FlatIP {recall:.4f} (no re-scoring)")

# The per-dimension 8-bit code, as a two-stage first pass: SQ8's top 10 + 512 re-scored exactly.
_, wide = sq.search(queries, 10 + 512)
recall2 = np.mean([len(set(w[np.argsort(-rows[w] @ q)[:10]]) & set(e)) / 10 for w, q, e in zip(wide, queries, exact)])
print(f"  SQ8 top 522 re-scored exactly: recall@10 vs FlatIP {recall2:.4f} (per-dimension scale, for comparison)")
