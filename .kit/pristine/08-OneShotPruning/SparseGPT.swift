import PruningCore

/// SparseGPT: prune a layer column block by column block, updating the surviving weights so the
/// layer's output on the calibration inputs changes as little as possible.
///
/// This follows `fasterprune` in `IST-DASLab/sparsegpt` (`sparsegpt.py`):
///
/// 1. **Dead inputs.** An input whose `H[j][j]` is 0 never reaches the output: set `H[j][j] = 1`
///    and zero column `j` of the weights.
/// 2. **Dampening.** Add `λ = dampening · mean(diag H)` to the diagonal.
/// 3. **Factor.** `U` = the upper Cholesky factor of `H⁻¹` (``SquareMatrix/inverseUpperCholesky()``).
/// 4. **Blocks.** Walk the columns in blocks of `blockSize`. For `.unstructured(f)`, at the start
///    of each block choose its mask from the *current* weights: of the `out · width` weights of
///    the block, prune `k = round(out · width · f)` (half to even) with the lowest
///    `w² / U[j][j]²`, ties to the lower flat index. For `.nm(n, m)`, at each column `i` with
///    `i % m == 0`, prune the `m − n` lowest `w² / U[j][j]²` among columns `i..<i+m` of each row
///    (same tie rule), again from the current weights.
/// 5. **Columns.** For each column `i` of the block and each row: `q` = the weight, or 0 if
///    pruned; `err = (w − q) / U[i][i]`; subtract `err · U[i][j]` from the row's weights at
///    columns `j` in `i..<blockEnd`; then the weight at `i` is `q` exactly.
/// 6. **Lazy update.** After the block, subtract `Σ_i err_i · U[i][j]` from every column `j` at
///    or after the block's end.
///
/// The columns before `i` are never touched again: an error is only ever spread *forward*.
///
/// ```swift
/// let w = try Tensor(rows: [[1, 0.2, -0.5]])
/// let h = try SquareMatrix(dimension: 3, scalars: [2, 1, 0, 1, 2, 1, 0, 1, 2])
/// let layer = try sparseGPT(w, hessian: h, pattern: .unstructured(1.0 / 3), dampening: 0)
/// // mask [[T, F, T]]; weights ≈ [[1, 0, -0.4]]: the pruned 0.2 moved into -0.5
/// ```
///
/// - Parameters:
///   - weights: The layer's weight, `[out, in]`.
///   - hessian: `H = 2XXᵀ` of the layer's calibration inputs (``hessian(_:)``), dimension `in`.
///   - pattern: The fraction to prune (per block) or the N:M groups.
///   - blockSize: Columns per block; at least 1, and a multiple of `m` for N:M. 128 in the paper.
///   - dampening: The fraction of `mean(diag H)` added to the diagonal; finite and not negative.
/// - Returns: The updated weights, zero where pruned, and the mask.
/// - Throws: Checked in this order: `PruningError.rankMismatch(expected: 2, actual:)` unless the
///   weights are a matrix; `PruningError.shapeMismatch(expected: [in, in], actual: [d, d])`
///   for a Hessian of another dimension; the errors of ``SparsityPattern/validate(inputCount:)``;
///   `PruningError.invalidArgument` for a block size below 1 (or not a multiple of `m`) or a
///   negative or non-finite dampening; `PruningError.nonFiniteWeight` at the first NaN or
///   infinite weight; `PruningError.matrixNotPositiveDefinite(pivot:)` when the dampened
///   Hessian is singular (without dampening, fewer independent tokens than inputs).
/// - Complexity: O(*in*³) for the factor plus O(*out* · *in*²) for the updates.
public func sparseGPT(
  _ weights: Tensor,
  hessian: SquareMatrix,
  pattern: SparsityPattern,
  blockSize: Int = 128,
  dampening: Double = 0.01
) throws(PruningError) -> PrunedLayer {
  // TODO: Validate; handle dead inputs; dampen; U = inverseUpperCholesky(); then the blocks: choose
  // the mask, prune column by column spreading err·U[i][j] forward, and the lazy update after each
  // block.
  throw .notImplemented("sparseGPT(_:hessian:pattern:blockSize:dampening:)")
}
