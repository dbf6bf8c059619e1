import PruningCore

/// Keeps the weights whose magnitude exceeds a multiple of the layer's standard deviation.
///
/// Han et al. (2015) chose "the pruning threshold … as a quality parameter multiplied by the
/// standard deviation of a layer's weights". The standard deviation is the population one
/// (divide by *n*, numpy's default `ddof=0`), computed in `Double`; PyTorch's `torch.std`
/// divides by *n − 1* and gives a larger threshold. A weight is kept when `|w| > q · σ`.
///
/// ```swift
/// try stdThresholdMask(Tensor([1, -1, 2, -2, 0.5]), quality: 0.5)
/// // σ ≈ 1.4283, threshold ≈ 0.7141 → [T, T, T, T, F]
/// ```
///
/// - Parameters:
///   - weights: The layer's weights; any shape. An empty tensor gives an empty mask.
///   - quality: The multiple of the standard deviation; finite and not negative.
/// - Returns: A mask of the weights' shape, `true` where `|w| > quality · σ`.
/// - Throws: `PruningError.invalidThreshold` for a negative or non-finite quality;
///   `PruningError.nonFiniteWeight` for a NaN or infinite weight.
/// - Complexity: O(*n*).
public func stdThresholdMask(_ weights: Tensor, quality: Float) throws(PruningError) -> Mask {
  // TODO: Validate, compute the population standard deviation in Double, keep |w| > quality · σ.
  throw .notImplemented("stdThresholdMask(_:quality:)")
}
