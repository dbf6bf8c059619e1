import PruningCore

/// One step of Optimal Brain Surgeon on a row: remove the cheapest weight and fix up the rest.
///
/// For a quadratic loss with Hessian `H` around the trained row `w`, removing weight `q`
/// (forcing `w_q` to 0) and letting every other weight move to compensate costs at least
/// `w_q² / (2[H⁻¹]_qq)`, and the best move is `δw = −(w_q / [H⁻¹]_qq) · H⁻¹[:, q]`
/// (Hassibi & Stork 1993). OBS removes the `q` with the smallest saliency `w_q² / [H⁻¹]_qq`;
/// among equal saliencies the lower index goes first. SparseGPT applies this update to one
/// column at a time.
///
/// ```swift
/// let hInverse = SquareMatrix(diagonal: [1, 0.5, 0.25])   // H = diag(1, 2, 4)
/// try optimalBrainSurgeonStep([0.5, -0.6, 0.4], inverseHessian: hInverse)
/// // index 0 (saliencies 0.25, 0.72, 0.64), lossIncrease 0.125, weights [0, -0.6, 0.4]
/// ```
///
/// - Parameters:
///   - row: The weights `w` of one output row.
///   - inverseHessian: `H⁻¹`, symmetric positive definite, of dimension `row.count`.
/// - Returns: The removed index, the predicted loss increase and the row `w + δw` (exactly 0 at
///   the removed index), in `Double`.
/// - Throws: Checked in this order: `PruningError.emptyInput("row")` for an empty row;
///   `PruningError.shapeMismatch(expected: [n, n], actual: [d, d])` when the dimension `d`
///   differs from the row's length `n`; `PruningError.nonFiniteWeight` at the first NaN or
///   infinite weight; `PruningError.matrixNotPositiveDefinite(pivot: j)` for the first diagonal
///   entry `[H⁻¹]_jj` that is not positive and finite.
/// - Complexity: O(*n*).
public func optimalBrainSurgeonStep(
  _ row: [Float], inverseHessian: SquareMatrix
) throws(PruningError) -> SurgeonStep {
  let n = row.count
  guard n > 0 else { throw .emptyInput("row") }
  guard inverseHessian.dimension == n else {
    throw .shapeMismatch(
      expected: [n, n], actual: [inverseHessian.dimension, inverseHessian.dimension])
  }
  try Tensor(row).validateFinite()
  let diagonal = inverseHessian.diagonal
  if let j = diagonal.firstIndex(where: { !($0 > 0 && $0.isFinite) }) {
    throw .matrixNotPositiveDefinite(pivot: j)
  }
  let w = row.map { Double($0) }
  var q = 0
  var best = Double.infinity
  for j in 0..<n {
    let saliency = w[j] * w[j] / diagonal[j]
    if saliency < best {
      best = saliency
      q = j
    }
  }
  let scale = w[q] / diagonal[q]
  var updated = w
  for j in 0..<n {
    updated[j] -= scale * inverseHessian[j, q]
  }
  updated[q] = 0
  return SurgeonStep(index: q, lossIncrease: best / 2, weights: updated)
}
