import PruningCore

/// How far a pruned layer's output moves on the calibration inputs: `‖WX − ŴX‖²_F`.
///
/// This is the objective SparseGPT minimises layer by layer (the bias cancels, so it is left
/// out). The sum of squares runs in `Double`.
///
/// ```swift
/// let w = try Tensor(rows: [[1, -2], [3, 0.5]])
/// let pruned = try Tensor(rows: [[1, 0], [3, 0]])
/// let x = try Tensor(rows: [[1, 2], [1, 0]])     // 2 inputs, 2 tokens
/// try reconstructionError(original: w, pruned: pruned, inputs: x)   // 4 + 0.25 = 4.25
/// ```
///
/// - Parameters:
///   - original: The dense weight `W`, `[out, in]`.
///   - pruned: The pruned weight `Ŵ`, of the same shape.
///   - inputs: The calibration inputs `X`, `[in, tokens]`.
/// - Returns: `Σ_{r,t} ((W − Ŵ)X)[r][t]²`; 0 for identical weights.
/// - Throws: Checked in this order: `PruningError.rankMismatch(expected: 2, actual:)` unless all
///   three are matrices (first `original`, then `pruned`, then `inputs`);
///   `PruningError.shapeMismatch(expected: original.shape, actual: pruned.shape)`;
///   `PruningError.shapeMismatch(expected: [in, tokens], actual: inputs.shape)` when `X` has
///   another number of rows; `PruningError.nonFiniteWeight` for a NaN or infinite entry (in
///   the same order).
/// - Complexity: O(*out* · *in* · *tokens*).
public func reconstructionError(
  original: Tensor, pruned: Tensor, inputs: Tensor
) throws(PruningError) -> Double {
  // TODO: Validate the ranks, shapes and finiteness; sum ((W − Ŵ)X)² over rows and tokens in
  // Double.
  throw .notImplemented("reconstructionError(original:pruned:inputs:)")
}
