import PruningCore

/// Keeps the highest-scoring weights of a whole network: one ranking across every layer.
///
/// Every pruning-at-initialisation method here ends the same way: each weight has a score, and
/// the `k = round(n · sparsity)` weights with the lowest scores are pruned, wherever they are
/// (*n* counts every weight of every layer; the count rounds half to even, as everywhere in the
/// kit). Scores rank by `(score, flat index)` ascending, where the flat index runs over the
/// layers in order, each row-major: layer 0's elements first, then layer 1's, and so on. Among
/// equal scores the lower index is pruned first. A layer whose scores are all small can lose
/// every weight: that is *layer collapse*.
///
/// ```swift
/// let a = Tensor([0.1, 0.2, 0.3, 0.4]), b = Tensor([1, 2, 3, 4])
/// try globalMasks([a, b], sparsity: 0.5)
/// // a: [F, F, F, F], b: [T, T, T, T]: all of a goes, none of b
/// try globalMasks([Tensor([0.5, 1]), Tensor([0.5, 0.5])], sparsity: 0.5)
/// // [F, T], [F, T]: the three 0.5s tie; the two with the lowest flat indices go
/// ```
///
/// - Parameters:
///   - scores: One score tensor per layer, in order; any shapes; finite values (any sign).
///   - sparsity: The fraction of all weights to prune, in `0...1`.
/// - Returns: One mask per layer, each of its scores' shape, together pruning exactly `k`.
/// - Throws: `PruningError.invalidAmount(.fraction(sparsity))` for a sparsity outside `0...1`
///   or NaN (checked first); `PruningError.nonFiniteWeight` for the first NaN or infinite score
///   (its position within its layer).
/// - Complexity: O(*n* log *n*) for *n* scores in all.
public func globalMasks(_ scores: [Tensor], sparsity: Double) throws(PruningError) -> [Mask] {
  // TODO: Check the sparsity, then every score; k = n · sparsity rounded half to even over all
  // layers; rank the concatenated scores by (score, flat index) and prune the first k; split the
  // flags back into one mask per layer.
  throw .notImplemented("globalMasks(_:sparsity:)")
}
