import PruningCore

/// Chooses which units of one layer to remove: the lowest-scoring fraction, never all of them.
///
/// The count is `Double(n) · fraction` rounded half to even, capped at `n − 1` so that one unit
/// always survives; units are ranked by (score, index) ascending, so among equal scores the
/// lower index goes first.
///
/// ```swift
/// try unitsToRemove(scores: [0.5, 0.1, 0.5, 0.9], fraction: 0.5)   // [1, 0]
/// try unitsToRemove(scores: [1, 2], fraction: 1)                   // [0]: one survives
/// ```
///
/// - Parameters:
///   - scores: One importance per unit (heads of a block, neurons of an MLP, channels,
///     blocks); at least one, all finite.
///   - fraction: The fraction to remove, in `0...1`.
/// - Returns: The indices to remove, lowest (score, index) first.
/// - Throws: `PruningError.emptyInput` for no scores; `PruningError.invalidSparsity` for a
///   fraction outside `0...1` or NaN; `PruningError.nonFiniteWeight` (at the score's index)
///   for a NaN or infinite score.
/// - Complexity: O(*n* log *n*).
public func unitsToRemove(scores: [Double], fraction: Double) throws(PruningError) -> [Int] {
  guard !scores.isEmpty else { throw .emptyInput("scores") }
  guard fraction >= 0, fraction <= 1 else { throw .invalidSparsity(fraction) }
  for (index, score) in scores.enumerated() where !score.isFinite {
    throw .nonFiniteWeight(
      position: [index],
      kind: score.isNaN ? .nan : score > 0 ? .positiveInfinity : .negativeInfinity)
  }
  let k = min(Int((Double(scores.count) * fraction).rounded(.toNearestOrEven)), scores.count - 1)
  let order = scores.indices.sorted { a, b in
    scores[a] != scores[b] ? scores[a] < scores[b] : a < b
  }
  return Array(order.prefix(k))
}
