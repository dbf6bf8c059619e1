import PruningCore

/// The gradient of the loss with respect to each shared value: the sum of its weights' gradients.
///
/// During fine-tuning, Deep Compression trains the centroids, not the weights. Every weight of
/// cluster `k` *is* `C_k`, so by the chain rule
/// `∂L/∂C_k = Σ_ij ∂L/∂W_ij · 1(I_ij = k)`: group the weight gradients by code and **sum**
/// them (not average them). A cluster with no members gets `0`.
///
/// ```swift
/// let shared = SharedWeights(centroids: [-1, 0, 1], codes: [0, 2, 0, 2])
/// let grads = try Tensor(shape: [2, 2], scalars: [0.1, 0.2, 0.3, 0.4])
/// try centroidGradients(grads, shared: shared)   // [0.4, 0, 0.6]
/// ```
///
/// - Parameters:
///   - gradients: `∂L/∂W`, one per weight; any shape, read row-major.
///   - shared: The codebook and codes the gradients belong to.
///   - mask: When given (same shape as `gradients`), `codes` covers only the kept weights, and
///     the gradients of pruned weights are ignored (pruned weights stay zero).
/// - Returns: One gradient per centroid, summed in `Double` and returned as `Float`.
/// - Throws: `PruningError.shapeMismatch(expected: gradients.shape, actual: mask.shape)` when
///   the mask's shape differs; `PruningError.shapeMismatch(expected: [n], actual: [codes.count])`
///   when the number of codes is not the `n` gradients used (all, or the kept ones);
///   `PruningError.indexOutOfRange(index: code, count: centroids.count)` for the first code
///   outside the codebook; `PruningError.nonFiniteWeight` for the first NaN or infinite
///   gradient. Checked in this order.
/// - Complexity: O(*n* + *k*).
public func centroidGradients(_ gradients: Tensor, shared: SharedWeights, mask: Mask? = nil)
  throws(PruningError) -> [Float]
{
  // TODO: Validate, then add each (kept) weight's gradient to the slot of its code; untouched slots
  //   stay 0.
  throw .notImplemented("centroidGradients(_:shared:mask:)")
}
