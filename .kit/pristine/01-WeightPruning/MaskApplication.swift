import PruningCore

/// Applies a mask to weights: kept weights stay, pruned ones become zero.
///
/// This is `w ⊙ m` in PyTorch's reparametrisation (`weight = weight_orig * weight_mask`).
/// Applying the same mask twice changes nothing (pruning is idempotent).
///
/// ```swift
/// try applyMask(Mask([false, true, true, false]), to: Tensor([0.1, -0.5, 0.3, -0.05]))
/// // [0, -0.5, 0.3, 0]
/// ```
///
/// - Parameters:
///   - mask: Which weights to keep; the same shape as `weights`.
///   - weights: The weights to mask.
/// - Returns: A tensor of the weights' shape with pruned entries set to zero.
/// - Throws: `PruningError.shapeMismatch` when the shapes differ (expected is the weights'
///   shape); `PruningError.nonFiniteWeight` for a NaN or infinite weight.
/// - Complexity: O(*n*).
public func applyMask(_ mask: Mask, to weights: Tensor) throws(PruningError) -> Tensor {
  // TODO: Check the shapes and the weights, then write 0 wherever the mask says pruned.
  throw .notImplemented("applyMask(_:to:)")
}

/// The fraction of weights that are zero, counting zeros that were there before pruning.
///
/// ```swift
/// try sparsity(of: Tensor([0, -0.5, 0.3, 0]))   // 0.5
/// ```
///
/// - Parameter weights: The weights; any shape. An empty tensor has sparsity 0.
/// - Returns: Zeros ÷ elements, in `0...1`.
/// - Throws: `PruningError.nonFiniteWeight` for a NaN or infinite weight.
/// - Complexity: O(*n*).
public func sparsity(of weights: Tensor) throws(PruningError) -> Double {
  // TODO: Count the zeros (already-zero weights too) and divide by the element count.
  throw .notImplemented("sparsity(of:)")
}
