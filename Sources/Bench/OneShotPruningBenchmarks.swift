import BenchKit
import PruningCore

#if KIT_HAS_OneShotPruning
  import OneShotPruning

  extension BenchSuite {
    /// Wanda's mask (with the input norms) and SparseGPT's update (given H) at 50 % on one
    /// layer, and the Hessian `2XXᵀ` on its own.
    mutating func runOneShot() {
      let n = sizes.oneShotLayer
      let tokens = sizes.oneShotTokens
      dataDescriptions[.oneshot] =
        "W \(n) × \(n) and X \(n) × \(tokens) (calibration tokens), float32 in -1..<1; "
        + "50 % unstructured; SparseGPT in blocks of 128 with 1 % dampening, H given"
      do throws(PruningError) {
        let w = try Tensor(
          shape: [n, n], scalars: BenchData.uniform(count: n * n, seed: BenchData.oneShotWeightSeed)
        )
        let x = try Tensor(
          shape: [n, tokens],
          scalars: BenchData.uniform(count: n * tokens, seed: BenchData.oneShotInputSeed))
        let pattern = SparsityPattern.unstructured(0.5)
        let half = n * n / 2
        runner.kernel(
          RowSpec(group: .oneshot, kernel: "Wanda: inputNorms + wandaMask", sparsity: 0.5),
          { () throws(PruningError) in
            try wandaMask(w, inputNorms: try inputNorms(x), pattern: pattern)
          },
          check: { $0.prunedCount == half ? nil : "pruned \($0.prunedCount), expected \(half)" })
        runner.kernel(
          RowSpec(group: .oneshot, kernel: "hessian(_:), H = 2XXᵀ in Double"),
          { () throws(PruningError) in try hessian(x) },
          check: { $0.dimension == n ? nil : "dimension \($0.dimension), expected \(n)" })
        // SparseGPT is timed from a given H; without a working `hessian` it reports that error.
        let h = Result { () throws(PruningError) in try hessian(x) }
        runner.kernel(
          RowSpec(
            group: .oneshot, kernel: "SparseGPT: sparseGPT(_:hessian:pattern:)", sparsity: 0.5),
          { () throws(PruningError) in try sparseGPT(w, hessian: try h.get(), pattern: pattern) },
          check: { result in
            let kept = result.mask.keptCount
            guard kept == n * n - half else { return "kept \(kept), expected \(n * n - half)" }
            return result.weights.scalars.allSatisfy(\.isFinite) ? nil : "non-finite weights"
          })
      } catch {
        runner.notCompiled(.oneshot, kernel: "one-shot data: \(error)", module: "OneShotPruning")
      }
    }
  }
#else
  extension BenchSuite {
    mutating func runOneShot() {
      runner.notCompiled(
        .oneshot, kernel: "wandaMask / sparseGPT", module: "OneShotPruning")
    }
  }
#endif
