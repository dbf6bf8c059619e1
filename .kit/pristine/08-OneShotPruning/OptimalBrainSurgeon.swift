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
  // TODO: Validate; q = argmin w_q²/[H⁻¹]_qq (lower index on ties); loss = w_q²/(2[H⁻¹]_qq); w −
  // (w_q/[H⁻¹]_qq)·H⁻¹[:, q], with w_q set to 0.
  throw .notImplemented("optimalBrainSurgeonStep(_:inverseHessian:)")
}
