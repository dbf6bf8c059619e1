import PruningCore

/// The norm that scores a channel: the sum of its magnitudes or its Euclidean length.
///
/// PyTorch's `ln_structured` takes the order as `n`; `n = 1` and `n = 2` are the two in common
/// use (Li et al. 2017 found no noticeable difference between them for filter pruning).
public enum Norm: Hashable, Sendable, CaseIterable {
  /// `Σ |w|`, the L1 norm (`n = 1`), which Li et al. 2017 rank filters by.
  case l1
  /// `√(Σ w²)`, the L2 norm (`n = 2`); for a whole filter this is its Frobenius norm.
  case l2
}

/// Scores every channel of a weight tensor along one dimension by its norm.
///
/// Channel `c` along `dimension` is the slice of all elements whose index in that dimension is
/// `c`; its score is the norm over every other dimension. This is how PyTorch's
/// `ln_structured` scores channels (`torch.norm` over all dimensions but `dim`). For a dense
/// weight `[out, in]`, dimension 0 scores output units (rows) and dimension 1 input features
/// (columns); for a convolution `[out, in, kh, kw]`, dimension 0 scores filters and dimension
/// 1 input channels.
///
/// ```swift
/// let w = try Tensor(rows: [[1, 2], [0.1, 0.1], [3, 0]])
/// try channelNorms(w, norm: .l2, dimension: 0)   // [2.236…, 0.141…, 3.0]   (rows)
/// try channelNorms(w, norm: .l2, dimension: 1)   // [3.164…, 2.002…]        (columns)
/// try channelNorms(w, norm: .l1, dimension: 0)   // [3.0, 0.2, 3.0]
/// ```
///
/// - Parameters:
///   - weights: The weights; at least two dimensions.
///   - norm: The norm to score each channel with.
///   - dimension: The dimension whose slices are the channels, in `0..<weights.rank`.
/// - Returns: One score per channel, `weights.shape[dimension]` of them, computed in `Double`.
/// - Throws: `PruningError.rankMismatch(expected: 2, actual:)` for a tensor of rank below 2;
///   `PruningError.invalidDimension` when `dimension` is outside `0..<rank`;
///   `PruningError.nonFiniteWeight` for a NaN or infinite weight.
/// - Complexity: O(*n*) in the element count.
public func channelNorms(
  _ weights: Tensor,
  norm: Norm,
  dimension: Int
) throws(PruningError) -> [Double] {
  // TODO: Check the rank and the dimension, reject non-finite weights, then add up |w| (or w²) into
  // one sum per channel along `dimension`.
  throw .notImplemented("channelNorms(_:norm:dimension:)")
}
