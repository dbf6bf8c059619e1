import PruningCore

/// The Wanda score of every weight: `S_ij = |W_ij| · ‖X_j‖₂`.
///
/// A weight matters as much as it moves the output: a small weight on a large input can matter
/// more than a large weight on an input that is always near zero. Wanda (Sun et al. 2023,
/// `locuslab/wanda`, `lib/prune.py`) multiplies `|W|` by `sqrt(scaler_row)`, the input norm
/// over the calibration tokens.
///
/// ```swift
/// let w = try Tensor(rows: [[1, -2], [3, 0.5]])
/// try wandaScores(w, inputNorms: [4, 1])   // [[4, 2], [12, 0.5]]
/// ```
///
/// - Parameters:
///   - weights: The layer's weight, `[out, in]`.
///   - inputNorms: `‖X_j‖₂` for each of the `in` inputs (``inputNorms(_:)``).
/// - Returns: The scores, of the weights' shape.
/// - Throws: Checked in this order: `PruningError.rankMismatch(expected: 2, actual:)` unless the
///   weights are a matrix; `PruningError.shapeMismatch(expected: [in], actual: [norms])` when
///   the norm count differs from `in`; `PruningError.invalidArgument` for a norm that is
///   negative or not finite; `PruningError.nonFiniteWeight` at the first NaN or infinite weight.
/// - Complexity: O(*out* · *in*).
public func wandaScores(_ weights: Tensor, inputNorms: [Float]) throws(PruningError) -> Tensor {
  // TODO: Validate as documented, then S[i][j] = |W[i][j]| · inputNorms[j].
  throw .notImplemented("wandaScores(_:inputNorms:)")
}

/// Wanda's mask: the lowest `|W_ij| · ‖X_j‖₂` of each output row are pruned.
///
/// ``wandaScores(_:inputNorms:)`` ranked by ``rowPruningMask(scores:pattern:)``: per output row
/// for a fraction, per group of `m` inputs for N:M. Wanda never updates the weights it keeps.
///
/// ```swift
/// let w = try Tensor(rows: [[1, -2], [3, 0.5]])
/// try wandaMask(w, inputNorms: [4, 1], pattern: .unstructured(0.5))   // [[T, F], [T, F]]
/// ```
///
/// - Parameters:
///   - weights: The layer's weight, `[out, in]`.
///   - inputNorms: `‖X_j‖₂` for each of the `in` inputs.
///   - pattern: The fraction of each row, or the N:M groups, to prune.
/// - Returns: A mask of the weights' shape.
/// - Throws: The errors of ``wandaScores(_:inputNorms:)``, then those of
///   ``rowPruningMask(scores:pattern:)``.
/// - Complexity: O(*out* · *in*) on average.
public func wandaMask(
  _ weights: Tensor, inputNorms: [Float], pattern: SparsityPattern
) throws(PruningError) -> Mask {
  // TODO: Score with wandaScores, then rank each row with rowPruningMask.
  throw .notImplemented("wandaMask(_:inputNorms:pattern:)")
}
