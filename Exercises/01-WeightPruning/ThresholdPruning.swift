import PruningCore

/// Zeroes every weight whose magnitude is below a threshold.
///
/// This is the source article's first coding problem (实现神经网络权重剪枝): keep `w` where
/// `|w| >= threshold` and write `0` elsewhere. The comparison is strict, so a weight exactly at
/// the threshold survives, as with numpy's `np.abs(w) < threshold` mask.
///
/// ```swift
/// let w = Tensor([0.3, -0.05, 0.8, -0.6])
/// try pruneWeights(w, threshold: 0.5)   // [0, 0, 0.8, -0.6]
/// ```
///
/// - Parameters:
///   - weights: The weights to prune; any shape.
///   - threshold: The smallest magnitude that survives; finite and not negative.
/// - Returns: A tensor of the same shape, with pruned entries set to zero.
/// - Throws: `PruningError.invalidThreshold` for a negative or non-finite threshold;
///   `PruningError.nonFiniteWeight` for the first NaN or infinite weight.
/// - Complexity: O(*n*) for *n* weights.
public func pruneWeights(_ weights: Tensor, threshold: Float) throws(PruningError) -> Tensor {
  // TODO: Validate the threshold and the weights, then keep w where |w| >= threshold and write 0
  // elsewhere.
  throw .notImplemented("pruneWeights(_:threshold:)")
}
