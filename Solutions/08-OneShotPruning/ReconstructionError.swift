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
  for tensor in [original, pruned, inputs] where tensor.rank != 2 {
    throw .rankMismatch(expected: 2, actual: tensor.shape)
  }
  guard pruned.shape == original.shape else {
    throw .shapeMismatch(expected: original.shape, actual: pruned.shape)
  }
  let rows = original.shape[0]
  let n = original.shape[1]
  let tokens = inputs.shape[1]
  guard inputs.shape[0] == n else {
    throw .shapeMismatch(expected: [n, tokens], actual: inputs.shape)
  }
  try original.validateFinite()
  try pruned.validateFinite()
  try inputs.validateFinite()
  var total: Double = 0
  for r in 0..<rows {
    // Row r of (W − Ŵ)X, built from the columns where the weights differ.
    var output = [Double](repeating: 0, count: tokens)
    for j in 0..<n {
      let difference = Double(original.scalars[r * n + j]) - Double(pruned.scalars[r * n + j])
      if difference == 0 { continue }
      for t in 0..<tokens {
        output[t] += difference * Double(inputs.scalars[j * tokens + t])
      }
    }
    for t in 0..<tokens { total += output[t] * output[t] }
  }
  return total
}
