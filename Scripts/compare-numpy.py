#!/usr/bin/env python3
"""Times numpy and scipy on the data `swift run -c release bench` uses, for comparison.

An optional maintainer tool, never a dependency of the kit: it needs python3 with numpy and
scipy. It rebuilds the bench's seeded data bit for bit (SplitMix64, the same seeds and the
same float conversion as `Sources/Bench/BenchData.swift`), times the numpy/scipy equivalents
with warm-up runs and the median of several repeats, and prints a table or JSON. With
`--bench` it also builds the reference bench (release) and runs it (`--json`) right after, so
every ratio comes from one run on one machine:

    python3 Scripts/compare-numpy.py --bench

(`--bench PATH` runs an already built binary instead.) Where a kernel has several numpy
idioms, all are timed and the fastest is the one compared. Every sample is warm: numpy's
calls repeat back to back, and the bench re-warms each sample (see its header).

numpy runs on one thread, as the Swift kernels do: the script sets OPENBLAS_NUM_THREADS,
OMP_NUM_THREADS and MKL_NUM_THREADS to 1 before numpy loads (`--threads N` to change). Some
machines set OPENBLAS_CORETYPE (and OPENBLAS_L2_SIZE) to work around old OpenBLAS bugs; they
slow a current numpy, so the script drops both from its own environment before numpy loads
and says so (threadpoolctl, when installed, reports which kernel OpenBLAS then runs).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

# Must match Sources/Bench/BenchData.swift.
VECTOR_SEED = 1
MATRIX_SEED = 100
BLOCK_SEED = 200
ONE_SHOT_WEIGHT_SEED = 400
ONE_SHOT_INPUT_SEED = 401
KMEANS_SEED = 300
THRESHOLD = 0.5
MAGNITUDE_SPARSITY = 0.9
SPARSITIES = [0.5, 0.7, 0.8, 0.9, 0.95, 0.99]
CSR_SPARSITIES = [0.3, 0.4] + SPARSITIES
FULL = {"floats": 10_000_000, "matrix": 4096, "kmeans": 1_000_000, "layer": 1024,
        "tokens": 2048, "warm_up": 2, "repeats": 7}
QUICK = {"floats": 1_000_000, "matrix": 1024, "kmeans": 100_000, "layer": 256, "tokens": 512,
         "warm_up": 1, "repeats": 3}

GOLDEN = 0x9E3779B97F4A7C15


def splitmix64(seed, count, np):
    """The first `count` outputs of SplitMix64 from `seed`, as uint64 (wrapping arithmetic)."""
    with np.errstate(over="ignore"):
        state = np.uint64(seed) + np.arange(1, count + 1, dtype=np.uint64) * np.uint64(GOLDEN)
        z = state
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def unit_floats(seed, count, np):
    """Floats in [0, 1): (bits >> 40) * 2^-24, as PruningCore's `SplitMix64.nextUnitFloat()`."""
    return (splitmix64(seed, count, np) >> np.uint64(40)).astype(np.float32) * np.float32(2.0**-24)


def uniform_weights(seed, count, np):
    """Floats in [-1, 1): -1 + 2u, exact in float32 (`SplitMix64.nextFloat(in: -1...1)`)."""
    return np.float32(-1) + unit_floats(seed, count, np) * np.float32(2)


def unstructured_matrix(size, sparsity, np):
    """Uniform weights with every |w| < sparsity set to zero: about `sparsity` zeros."""
    w = uniform_weights(MATRIX_SEED, size * size, np).reshape(size, size)
    w[np.abs(w) < np.float32(sparsity)] = 0
    return w


def block_matrix(size, block, sparsity, np):
    """Uniform weights with whole block×block tiles zeroed: a tile whose score < sparsity."""
    w = uniform_weights(MATRIX_SEED, size * size, np).reshape(size, size)
    tiles = size // block
    scores = unit_floats(BLOCK_SEED + block, tiles * tiles, np).reshape(tiles, tiles)
    dropped = scores < np.float32(sparsity)
    w[np.repeat(np.repeat(dropped, block, axis=0), block, axis=1)] = 0
    return w


def wanda_mask(w, x, sparsity, np):
    """Wanda's unstructured mask as `locuslab/wanda` `lib/prune.py` computes it: the score
    |W| * ||X_j||, sorted within each output row (stable), the lowest fraction pruned."""
    scores = np.abs(w) * np.linalg.norm(x, axis=1)[None, :]
    pruned = np.argsort(scores, axis=1, kind="stable")[:, :int(w.shape[1] * sparsity)]
    mask = np.ones(w.shape, dtype=bool)
    np.put_along_axis(mask, pruned, False, axis=1)
    return mask


def sparsegpt(w, h, sparsity, np, blocksize=128, percdamp=0.01):
    """`fasterprune` of `IST-DASLab/sparsegpt` (`sparsegpt.py`), unstructured, in numpy:
    Cholesky and inverse in float64 (LAPACK), the column updates in float32."""
    w = w.copy()
    h = h.copy()
    dead = np.diag(h) == 0
    h[dead, dead] = 1
    w[:, dead] = 0
    h[np.diag_indices_from(h)] += percdamp * np.mean(np.diag(h))
    l_inv = np.linalg.inv(np.linalg.cholesky(h))
    u = np.linalg.cholesky(l_inv.T @ l_inv).T.astype(np.float32)
    columns = w.shape[1]
    for i1 in range(0, columns, blocksize):
        i2 = min(i1 + blocksize, columns)
        w1 = w[:, i1:i2].copy()
        q1 = np.zeros_like(w1)
        err1 = np.zeros_like(w1)
        u1 = u[i1:i2, i1:i2]
        tmp = w1 ** 2 / np.diag(u1)[None, :] ** 2
        thresh = np.sort(tmp.ravel())[int(tmp.size * sparsity)]
        mask1 = tmp <= thresh
        for i in range(i2 - i1):
            col = w1[:, i]
            q = col.copy()
            q[mask1[:, i]] = 0
            q1[:, i] = q
            e = (col - q) / u1[i, i]
            w1[:, i:] -= np.outer(e, u1[i, i:])
            err1[:, i] = e
        w[:, i1:i2] = q1
        w[:, i2:] -= err1 @ u[i1:i2, i2:]
    return w


def measure(body, warm_up, repeats, minimum_sample=0.005):
    """Median, min and max seconds per call, after warm-up; fast calls are batched."""
    start = time.perf_counter()
    body()
    first = time.perf_counter() - start
    iterations = 1
    if first < minimum_sample:
        iterations = min(1000, max(1, int(minimum_sample / max(first, 1e-9)) + 1))
    for _ in range(warm_up - 1):
        for _ in range(iterations):
            body()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(iterations):
            body()
        samples.append((time.perf_counter() - start) / iterations)
    return {
        "medianSeconds": statistics.median(samples),
        "minSeconds": min(samples),
        "maxSeconds": max(samples),
        "repeats": repeats,
        "iterationsPerSample": iterations,
    }


def two_four_matrix(size, np):
    """In every group of four along a row, the two largest magnitudes kept (ties: lower index)."""
    w = uniform_weights(MATRIX_SEED, size * size, np).reshape(-1, 4)
    a = np.abs(w)
    i = np.arange(4)
    above = (a[:, None, :] > a[:, :, None]) | ((a[:, None, :] == a[:, :, None])
                                               & (i[None, :] < i[:, None]))
    return np.where(above.sum(axis=2) >= 2, np.float32(0), w).reshape(size, size)


def kmeans_1d(w, k, np, max_iterations=100):
    """1-D k-means as the kit's reference does it: sort once, linear initial centroids, runs by
    binary search, means from prefix sums; codes by searching the midpoints."""
    s = np.sort(w)
    prefix = np.concatenate(([0.0], np.cumsum(s, dtype=np.float64)))
    low, high = float(s[0]), float(s[-1])
    c = np.linspace(low, high, k).astype(np.float32) if k > 1 else np.float32([(low + high) / 2])

    def run_starts(c):
        return np.concatenate(([0], np.searchsorted(s, (c[:-1] + c[1:]) / 2, side="right"),
                               [len(s)]))

    starts = run_starts(c)
    for _ in range(max_iterations):
        counts = np.diff(starts)
        full = counts > 0
        means = (prefix[starts[1:]] - prefix[starts[:-1]])[full] / counts[full]
        c = c.copy()
        c[full] = means.astype(np.float32)
        following = run_starts(c)
        if np.array_equal(following, starts):
            break
        starts = following
    return c, np.searchsorted((c[:-1] + c[1:]) / 2, w, side="right")


def run_numpy(settings, only):
    import numpy as np
    import scipy
    import scipy.sparse
    from scipy.sparse import _sparsetools

    warm_up, repeats = settings["warm_up"], settings["repeats"]
    results = []

    def add(group, kernel, timing, sparsity=None):
        results.append(dict(group=group, kernel=kernel, sparsity=sparsity, **timing))
        print(f"  {group:10} {kernel:36} {format_seconds(timing['medianSeconds'])}", file=sys.stderr)

    n = settings["floats"]
    if only is None or only & {"threshold", "magnitude"}:
        w = uniform_weights(VECTOR_SEED, n, np)
    if only is None or "threshold" in only:
        t = np.float32(THRESHOLD)
        add("threshold", "np.where(np.abs(w) < t, 0, w)",
            measure(lambda: np.where(np.abs(w) < t, 0, w), warm_up, repeats))
        add("threshold", "w * (np.abs(w) >= t)",
            measure(lambda: w * (np.abs(w) >= t), warm_up, repeats))
        add("threshold", "w.copy()", measure(lambda: w.copy(), warm_up, repeats))
    if only is None or "magnitude" in only:
        k = round(n * MAGNITUDE_SPARSITY)  # prune the k smallest magnitudes

        def partition_mask():
            a = np.abs(w)
            cut = np.partition(a, k - 1)[k - 1]
            return a > cut

        add("magnitude", "np.partition + mask", measure(partition_mask, warm_up, repeats))
        add("magnitude", "np.sort(np.abs(w))",
            measure(lambda: np.sort(np.abs(w)), warm_up, min(repeats, 3)))
    size = settings["matrix"]
    x = uniform_weights(VECTOR_SEED + 1, size, np)

    def csr_matvec(csr):
        """scipy's C++ kernel called directly, without the Python overhead of `@`."""
        def call():
            y = np.zeros(size, dtype=np.float32)
            _sparsetools.csr_matvec(size, size, csr.indptr, csr.indices, csr.data, x, y)
            return y
        return call

    def bsr_matvec(bsr, block):
        def call():
            y = np.zeros(size, dtype=np.float32)
            _sparsetools.bsr_matvec(size // block, size // block, block, block, bsr.indptr,
                                    bsr.indices, bsr.data.ravel(), x, y)
            return y
        return call

    if only is None or "csr" in only:
        for sparsity in CSR_SPARSITIES:
            dense = unstructured_matrix(size, sparsity, np)
            csr = scipy.sparse.csr_matrix(dense)
            assert csr.indices.dtype == np.int32 and csr.data.dtype == np.float32
            assert np.allclose(csr_matvec(csr)(), csr @ x, atol=1e-3)
            add("csr", "scipy csr_matrix @ x", measure(lambda: csr @ x, warm_up, repeats), sparsity)
            add("csr", "scipy csr_matvec", measure(csr_matvec(csr), warm_up, repeats), sparsity)
            add("csr", "dense W @ x", measure(lambda: dense @ x, warm_up, repeats), sparsity)
    if only is None or "block" in only:
        for block in (4, 8):
            for sparsity in SPARSITIES:
                dense = block_matrix(size, block, sparsity, np)
                bsr = scipy.sparse.bsr_matrix(dense, blocksize=(block, block))
                assert np.allclose(bsr_matvec(bsr, block)(), bsr @ x, atol=1e-3)
                add("block", f"scipy bsr_matrix {block}x{block} @ x",
                    measure(lambda: bsr @ x, warm_up, repeats), sparsity)
                add("block", f"scipy bsr_matvec {block}x{block}",
                    measure(bsr_matvec(bsr, block), warm_up, repeats), sparsity)
        csr = scipy.sparse.csr_matrix(two_four_matrix(size, np))
        add("block", "scipy csr_matrix @ x (2:4 matrix)",
            measure(lambda: csr @ x, warm_up, repeats), 0.5)
        add("block", "scipy csr_matvec (2:4 matrix)",
            measure(csr_matvec(csr), warm_up, repeats), 0.5)
    if only is None or "kmeans" in only:
        weights = uniform_weights(KMEANS_SEED, settings["kmeans"], np)
        for clusters in (16, 256):
            add("kmeans", f"sort + searchsorted, {clusters} clusters",
                measure(lambda: kmeans_1d(weights, clusters, np), warm_up, repeats))
    if only is None or "oneshot" in only:
        layer, tokens = settings["layer"], settings["tokens"]
        w = uniform_weights(ONE_SHOT_WEIGHT_SEED, layer * layer, np).reshape(layer, layer)
        x = uniform_weights(ONE_SHOT_INPUT_SEED, layer * tokens, np).reshape(layer, tokens)
        add("oneshot", "Wanda (lib/prune.py in numpy)",
            measure(lambda: wanda_mask(w, x, 0.5, np), warm_up, repeats))
        x64 = x.astype(np.float64)
        add("oneshot", "H = 2 X Xᵀ (float64 BLAS)",
            measure(lambda: 2 * x64 @ x64.T, warm_up, repeats))
        h = 2 * x64 @ x64.T
        add("oneshot", "SparseGPT (fasterprune in numpy)",
            measure(lambda: sparsegpt(w, h, 0.5, np), warm_up, min(repeats, 5)))
    info = {"numpy": np.__version__, "scipy": scipy.__version__}
    try:
        import threadpoolctl

        info["blas"] = [
            {key: pool.get(key) for key in ("internal_api", "architecture", "num_threads", "version")}
            for pool in threadpoolctl.threadpool_info()
        ]
    except ImportError:
        info["blas"] = "threadpoolctl not installed"
    return info, results


def format_seconds(seconds):
    if seconds is None:
        return "-"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} us"


def swift_median(bench, group, kernel, sparsity=None, pattern=None):
    """The bench row's (median, min) seconds, or None unless it was measured."""
    for row in bench["results"]:
        if (row["group"] == group and row["kernel"] == kernel
                and row.get("sparsity") == sparsity
                and (pattern is None or row.get("pattern") == pattern)):
            if row["status"] == "measured":
                return row["medianSeconds"], row["minSeconds"]
    return None


def python_median(results, group, kernel, sparsity=None):
    """The numpy row's (median, min) seconds, or None."""
    for row in results:
        if row["group"] == group and row["kernel"] == kernel and row["sparsity"] == sparsity:
            return row["medianSeconds"], row["minSeconds"]
    return None


def fastest(results, group, kernels, sparsity=None):
    """The fastest of several numpy idioms: ((median, min), its name), or (None, None)."""
    best = (None, None)
    for kernel in kernels:
        timing = python_median(results, group, kernel, sparsity)
        if timing and (best[0] is None or timing[0] < best[0][0]):
            best = (timing, kernel)
    return best


def comparisons(bench, results):
    """(what, kernel (median, min), reference (median, min), target) rows.

    The ratio is reference time / kernel time, so above 1 the kernel is faster. Most rows put
    a Swift kernel against the fastest numpy/scipy idiom; a few check the bench's own baselines.
    """
    rows = []

    def against(what, kernel, group, idioms, sparsity, target):
        reference, idiom = fastest(results, group, idioms, sparsity)
        rows.append((f"{what} vs {idiom or idioms[0]}", kernel, reference, target))

    rows.append(("threshold: pruneWeights vs Swift plain copy (within 1.1x)",
                 swift_median(bench, "threshold", "pruneWeights(_:threshold:)"),
                 swift_median(bench, "threshold", "plain copy"), 1 / 1.1))
    against("threshold: pruneWeights", swift_median(bench, "threshold", "pruneWeights(_:threshold:)"),
            "threshold", ["np.where(np.abs(w) < t, 0, w)", "w * (np.abs(w) >= t)"], None, 1.0)
    rows.append(("threshold: plain copy (Swift) vs w.copy()",
                 swift_median(bench, "threshold", "plain copy"),
                 python_median(results, "threshold", "w.copy()"), None))
    against("magnitude: magnitudeMask", swift_median(bench, "magnitude", "magnitudeMask(_:amount:)"),
            "magnitude", ["np.partition + mask"], None, 1.0)
    rows.append(("magnitude: full sort (Swift) vs np.sort",
                 swift_median(bench, "magnitude", "full sort"),
                 python_median(results, "magnitude", "np.sort(np.abs(w))"), None))
    for sparsity in CSR_SPARSITIES:
        against(f"csr {sparsity:.0%}: multiplied(by:)",
                swift_median(bench, "csr", "CSRMatrix.multiplied(by:)", sparsity),
                "csr", ["scipy csr_matrix @ x", "scipy csr_matvec"], sparsity, 1.2)
    for block in (4, 8):
        for sparsity in SPARSITIES:
            against(f"bsr {block}x{block} {sparsity:.0%}: multiplied(by:)",
                    swift_median(bench, "block", "BSRMatrix.multiplied(by:)", sparsity,
                                 f"{block}x{block} blocks"),
                    "block", [f"scipy bsr_matrix {block}x{block} @ x",
                              f"scipy bsr_matvec {block}x{block}"], sparsity, 1.0)
    for sparsity in SPARSITIES:
        rows.append((f"bsr 8x8 {sparsity:.0%} vs Swift CSR at {sparsity:.0%}",
                     swift_median(bench, "block", "BSRMatrix.multiplied(by:)", sparsity,
                                  "8x8 blocks"),
                     swift_median(bench, "csr", "CSRMatrix.multiplied(by:)", sparsity), 1.0))
    against("2:4 50%: SemiStructuredMatrix.multiplied(by:)",
            swift_median(bench, "block", "SemiStructuredMatrix.multiplied(by:)", 0.5, "2:4"),
            "block", ["scipy csr_matrix @ x (2:4 matrix)", "scipy csr_matvec (2:4 matrix)"],
            0.5, 1.0)
    for clusters in (16, 256):
        against(f"k-means k={clusters}: kMeansCodebook",
                swift_median(bench, "kmeans", f"kMeansCodebook(_:clusters:), {clusters} clusters"),
                "kmeans", [f"sort + searchsorted, {clusters} clusters"], None, 1.0)
    for sparsity in CSR_SPARSITIES:
        rows.append((f"dense {sparsity:.0%}: Swift dense mat-vec vs numpy W @ x",
                     swift_median(bench, "csr", "dense mat-vec", sparsity),
                     python_median(results, "csr", "dense W @ x", sparsity), None))
    for sparsity in CSR_SPARSITIES:
        rows.append((f"csr {sparsity:.0%}: Swift CSR vs numpy dense W @ x",
                     swift_median(bench, "csr", "CSRMatrix.multiplied(by:)", sparsity),
                     python_median(results, "csr", "dense W @ x", sparsity), None))
    rows.append(("oneshot: Wanda mask vs numpy lib/prune.py",
                 swift_median(bench, "oneshot", "Wanda: inputNorms + wandaMask", 0.5),
                 python_median(results, "oneshot", "Wanda (lib/prune.py in numpy)"), 1.0))
    rows.append(("oneshot: SparseGPT vs numpy fasterprune (>= 0.5: within 2x)",
                 swift_median(bench, "oneshot", "SparseGPT: sparseGPT(_:hessian:pattern:)", 0.5),
                 python_median(results, "oneshot", "SparseGPT (fasterprune in numpy)"), 0.5))
    rows.append(("oneshot: hessian(_:) vs numpy 2 X Xᵀ",
                 swift_median(bench, "oneshot", "hessian(_:), H = 2XXᵀ in Double"),
                 python_median(results, "oneshot", "H = 2 X Xᵀ (float64 BLAS)"), None))
    return rows


def build_bench():
    """Builds the reference bench in release mode and returns the binary's path."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    scratch = os.path.join(root, ".build-bench-rel")
    env = dict(os.environ, KIT_SOLUTIONS="1")
    print("building the reference bench (release) ...", file=sys.stderr)
    subprocess.run(["swift", "build", "-c", "release", "--product", "bench",
                    "--scratch-path", scratch], cwd=root, env=env, check=True,
                   stdout=sys.stderr)
    return os.path.join(scratch, "release", "bench")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--quick", action="store_true", help="small sizes, few repeats")
    parser.add_argument("--only", action="append",
                        choices=["threshold", "magnitude", "csr", "block", "kmeans", "oneshot"],
                        help="time only this group (repeatable)")
    parser.add_argument("--threads", type=int, default=1,
                        help="BLAS/OpenMP threads for numpy (default 1, as the Swift kernels)")
    parser.add_argument("--bench", metavar="PATH", nargs="?", const="",
                        help="run the bench right after, for the ratios: the given binary, or "
                             "with no PATH the reference bench, built in release mode")
    args = parser.parse_args()
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = str(args.threads)
    for name in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        if name in os.environ:
            print(f"note: {name}={os.environ.pop(name)} dropped for this run (it slows a current "
                  "numpy)", file=sys.stderr)
    settings = QUICK if args.quick else FULL
    only = set(args.only) if args.only else None
    bench_path = None
    if args.bench is not None:
        bench_path = args.bench or build_bench()
    info, results = run_numpy(settings, only)
    info["threads"] = args.threads
    report = {"python": info, "settings": settings, "results": results}

    if bench_path:
        command = [bench_path, "--json"] + (["--quick"] if args.quick else [])
        for name in sorted(only or []):
            command += ["--only", name]
        print("running " + " ".join(command), file=sys.stderr)
        env = dict(os.environ, KIT_SOLUTIONS="1") if not args.bench else None
        bench = json.loads(subprocess.run(command, check=True, capture_output=True,
                                          text=True, env=env).stdout)
        report["bench"] = bench
        report["comparisons"] = [
            {"what": what,
             "kernelSeconds": kernel[0] if kernel else None,
             "referenceSeconds": reference[0] if reference else None,
             "ratio": reference[0] / kernel[0] if kernel and reference else None,
             "ratioOfMinimums": reference[1] / kernel[1] if kernel and reference else None,
             "target": target}
            for what, kernel, reference, target in comparisons(bench, results)
            if kernel or reference
        ]

    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"numpy {info['numpy']}, scipy {info['scipy']}, {info['threads']} thread(s); "
          f"blas: {info['blas']}")
    print(f"{settings['floats']:,} floats, {settings['matrix']}x{settings['matrix']} matrices, "
          f"median of {settings['repeats']} after {settings['warm_up']} warm-up runs")
    print()
    print(f"{'group':10} {'kernel':36} {'sparsity':>8} {'median':>10} {'min':>10} {'max':>10}")
    for row in results:
        sparsity = f"{row['sparsity']:.0%}" if row["sparsity"] is not None else ""
        print(f"{row['group']:10} {row['kernel']:36} {sparsity:>8} "
              f"{format_seconds(row['medianSeconds']):>10} {format_seconds(row['minSeconds']):>10} "
              f"{format_seconds(row['maxSeconds']):>10}")
    if "comparisons" in report:
        print()
        print(f"bench: {report['bench'].get('context', {}).get('machine', '?')}")
        print("ratio = reference time / kernel time (above 1: the kernel is faster), of the "
              "medians and of the minimums; every sample warm")
        print(f"{'kernel vs reference':64} {'kernel':>10} {'reference':>10} {'ratio':>7} "
              f"{'(min)':>7} target")
        for row in report["comparisons"]:
            ratio, ratio_min = row["ratio"], row["ratioOfMinimums"]
            ratio_text = f"{ratio:.2f}x" if ratio else "-"
            min_text = f"{ratio_min:.2f}x" if ratio_min else "-"
            target = row["target"]
            verdict = ""
            if target is not None and ratio:
                verdict = f">= {target:g}x " + ("met" if ratio >= target else "MISSED")
            print(f"{row['what']:64} {format_seconds(row['kernelSeconds']):>10} "
                  f"{format_seconds(row['referenceSeconds']):>10} {ratio_text:>7} {min_text:>7} "
                  f"{verdict}")
        if report["bench"].get("breakEven"):
            print()
            print("break-even against the Swift dense mat-vec (from the bench):")
            for entry in report["bench"]["breakEven"]:
                print(f"  {entry['sentence']}")


if __name__ == "__main__":
    main()
