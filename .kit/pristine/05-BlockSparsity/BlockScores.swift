import PruningCore

/// Scores every `R × C` block of a weight matrix by pooling the magnitudes of its weights.
///
/// The matrix is cut into a grid of `(M / R) × (N / C)` blocks; block `(bi, bj)` covers rows
/// `bi·R..<(bi+1)·R` and columns `bj·C..<(bj+1)·C`. Its score is the mean of `|w|` over the
/// block (`.average`, TensorFlow's default `'AVG'`), or the largest `|w|` (`.maximum`). The
/// mean is the Float sum of the block's magnitudes, in row-major order, divided by `R · C`.
///
/// TensorFlow pads a shape the block does not divide (`padding='SAME'`); this kit requires
/// the block to divide the shape, as scipy's BSR format does.
///
/// ```swift
/// let w = try Tensor(rows: [
///   [0.1, 0.2, 0.9, 0.8],
///   [0.1, 0.0, 0.7, 1.0],
///   [0.5, 0.5, 0.0, 0.1],
///   [0.4, 0.6, 0.1, 0.0],
/// ])
/// try blockScores(w, blockSize: BlockSize(rows: 2, columns: 2), pooling: .average)
/// // [[0.1, 0.85], [0.5, 0.05]]
/// try blockScores(w, blockSize: BlockSize(rows: 2, columns: 2), pooling: .maximum)
/// // [[0.2, 1.0], [0.6, 0.1]]
/// ```
///
/// - Parameters:
///   - weights: A rank-2 weight matrix `[M, N]`; either dimension may be 0.
///   - blockSize: The block `R × C`; both positive, `R` dividing `M` and `C` dividing `N`.
///   - pooling: How a block's magnitudes become its score.
/// - Returns: The scores, a `[M / R, N / C]` tensor.
/// - Throws: Checked in this order: `PruningError.rankMismatch(expected: 2, actual:)` unless
///   the weights are rank 2; `PruningError.invalidBlockSize(block: [R, C], shape: [M, N])`;
///   `PruningError.nonFiniteWeight` for a NaN or infinite weight.
/// - Complexity: O(*M* · *N*).
public func blockScores(
  _ weights: Tensor,
  blockSize: BlockSize,
  pooling: BlockPooling
) throws(PruningError) -> Tensor {
  // TODO: Check the rank, the block size and finiteness; then, for every block of the grid,
  // pool |w| over its R × C weights (the Float sum divided by R · C, or the largest).
  throw .notImplemented("blockScores(_:blockSize:pooling:)")
}
