import Foundation
import PruningCore
import PruningTestSupport

/// Independent reference answers the tests compare against: plain, slow and obvious.
enum Oracle {
  /// Python's `round`: half to even, on the exact `Double` product.
  static func roundHalfEven(_ value: Double) -> Int {
    ReferenceRanking.roundHalfEven(value)
  }

  /// Sorts the candidates by `(|w|, index)` and prunes the first `k` of them.
  static func keep(_ values: [Float], prune k: Int, candidates: [Bool]? = nil) -> [Bool] {
    ReferenceRanking.magnitudeKeep(values, prune: k, candidates: candidates)
  }

  /// The gradual pruner's mask: `round(n · s)` of all weights pruned.
  static func sparsityMask(_ weights: Tensor, sparsity: Double) -> Mask {
    let k = roundHalfEven(Double(weights.count) * sparsity)
    return (try? Mask(shape: weights.shape, isKept: keep(weights.scalars, prune: k)))
      ?? Mask([])
  }

  /// One IMP round: `round(rate · survivors)` of the survivors pruned.
  static func pruneRound(_ weights: Tensor, previous: Mask, rate: Double) -> Mask {
    let k = roundHalfEven(Double(previous.keptCount) * rate)
    return
      (try? Mask(
        shape: weights.shape, isKept: keep(weights.scalars, prune: k, candidates: previous.isKept)))
      ?? Mask([])
  }

  /// The schedule, written from the formula with an explicit cube when `power` is 3.
  static func polynomial(
    step: Int, initial: Double, final: Double, begin: Int, end: Int, power: Double = 3
  ) -> Double {
    var p = Double(step - begin) / Double(end - begin)
    if p < 0 { p = 0 }
    if p > 1 { p = 1 }
    let remaining = 1 - p
    let factor = power == 3 ? remaining * remaining * remaining : pow(remaining, power)
    return final + (initial - final) * factor
  }

  /// The gate, by enumerating its grid.
  static func gateSteps(begin: Int, end: Int, frequency: Int, upTo limit: Int) -> Set<Int> {
    var steps: Set<Int> = []
    var step = begin
    while step <= limit && (end == -1 || step <= end) {
      steps.insert(step)
      step += frequency
    }
    return steps
  }

  /// `w ⊙ m`, writing exact zeros.
  static func masked(_ weights: Tensor, _ mask: Mask) -> Tensor {
    ReferenceAlgebra.masked(weights, mask)
  }
}

/// Builds a tensor or mask in a test without `try!`: an invalid literal records an issue
/// through the test's own checks (a shape of `[0]`).
func tensor(_ rows: [[Float]]) -> Tensor {
  (try? Tensor(rows: rows)) ?? Tensor([])
}
