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
  // TODO: Validate; k = n·fraction rounded half to even, at most n − 1; sort indices by (score,
  // index) and return the first k.
  throw .notImplemented("unitsToRemove(scores:fraction:)")
}
