import PruningCore

/// The mask a gradual pruner sets at a pruning step: exactly `round(n · s)` smallest magnitudes
/// pruned.
///
/// The kit's rule, the same as exercise 01's `magnitudeMask(_:amount:)` (modules do not import
/// each other, so it is written again here): `k = (Double(n) · sparsity)` rounded **half to
/// even**, then the weights are ranked by `(|w|, flat index)` ascending and the first `k` are
/// pruned, so among equal magnitudes the lower index goes first. Weights that are already zero
/// are candidates like any other, which is why a pruner that keeps pruned weights at zero
/// prunes them again first.
///
/// ```swift
/// try magnitudeMask(Tensor([0.1, -0.5, 0.3, -0.05, 0.8, 0.2]), sparsity: 0.5)
/// // [F, T, T, F, T, F]
/// try magnitudeMask(Tensor([5, 4, 3, 2, 1]), sparsity: 0.5)
/// // [T, T, T, F, F]: 2.5 rounds to 2, not 3
/// ```
///
/// TensorFlow's `_update_mask` differs: it rounds the *kept* count, keeps at least one weight,
/// and keeps every weight tied at the threshold.
///
/// - Parameters:
///   - weights: The weights to rank; any shape.
///   - sparsity: The fraction to prune, in `0..<1` (a schedule's output).
/// - Returns: A mask of the weights' shape with exactly `k` weights pruned.
/// - Throws: `PruningError.invalidSparsity` for a sparsity outside `0..<1` or not finite
///   (checked first); `PruningError.nonFiniteWeight` for the first NaN or infinite weight.
/// - Complexity: O(*n* log *n*).
public func magnitudeMask(_ weights: Tensor, sparsity: Double) throws(PruningError) -> Mask {
  // TODO: Check the sparsity, then the weights; k = n · sparsity rounded half to even; prune
  // the k smallest by (|w|, flat index).
  throw .notImplemented("magnitudeMask(_:sparsity:)")
}
