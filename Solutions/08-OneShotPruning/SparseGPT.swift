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
  guard weights.rank == 2 else { throw .rankMismatch(expected: 2, actual: weights.shape) }
  let rows = weights.shape[0]
  let n = weights.shape[1]
  guard hessian.dimension == n else {
    throw .shapeMismatch(expected: [n, n], actual: [hessian.dimension, hessian.dimension])
  }
  try pattern.validate(inputCount: n)
  guard blockSize >= 1 else {
    throw .invalidArgument("the block size must be at least 1, got \(blockSize)")
  }
  if case .nm(_, let m) = pattern, !blockSize.isMultiple(of: m) {
    throw .invalidArgument("the block size \(blockSize) must be a multiple of m = \(m)")
  }
  guard dampening.isFinite, dampening >= 0 else {
    throw .invalidArgument("dampening must be finite and not negative, got \(dampening)")
  }
  try weights.validateFinite()

  var w = weights.scalars
  var h = hessian
  for j in 0..<n where h[j, j] == 0 {
    h[j, j] = 1
    for r in 0..<rows { w[r * n + j] = 0 }
  }
  let diagonalSum = h.diagonal.reduce(0, +)
  let meanDiagonal = n == 0 ? 0 : diagonalSum / Double(n)
  let factor = try h.addingToDiagonal(dampening * meanDiagonal).inverseUpperCholesky()
  let u = factor.scalars.map { Float($0) }
  var isKept = [Bool](repeating: true, count: w.count)

  w.withUnsafeMutableBufferPointer { w in
    u.withUnsafeBufferPointer { u in
      guard let wBase = w.baseAddress, let uBase = u.baseAddress else { return }
      for blockStart in stride(from: 0, to: n, by: blockSize) {
        let blockEnd = min(blockStart + blockSize, n)
        let width = blockEnd - blockStart
        if case .unstructured(let fraction) = pattern {
          let k = Int((Double(rows * width) * fraction).rounded(.toNearestOrEven))
          var keys = [UInt64]()
          keys.reserveCapacity(rows * width)
          for r in 0..<rows {
            for j in blockStart..<blockEnd {
              keys.append(rankKey(saliency(w[r * n + j], u[j * n + j]), index: r * n + j))
            }
          }
          for flat in lowestIndices(k, of: &keys) { isKept[flat] = false }
        }
        // Within a block each row is on its own: a row's errors only move that row's weights.
        var errors = [Float](repeating: 0, count: rows * width)
        for r in 0..<rows {
          let row = r * n
          for i in blockStart..<blockEnd {
            if case .nm(let keep, let m) = pattern, i.isMultiple(of: m) {
              // a is pruned when fewer than m − n of its group rank below it by (saliency, index).
              for a in i..<i + m {
                let key = rankKey(saliency(w[row + a], u[a * n + a]), index: a)
                let below = (i..<i + m).count { b in
                  rankKey(saliency(w[row + b], u[b * n + b]), index: b) < key
                }
                isKept[row + a] = below >= m - keep
              }
            }
            let value = w[row + i]
            let q: Float = isKept[row + i] ? value : 0
            let err = (value - q) / u[i * n + i]
            errors[r * width + i - blockStart] = err
            if err != 0 {
              subtract(
                err, times: uBase + i * n + i + 1, from: wBase + row + i + 1,
                count: blockEnd - i - 1)
            }
            w[row + i] = q
          }
        }
        // The lazy update of the later columns, a tile of 256 columns at a time so the rows
        // of U it reads stay in cache.
        for tileStart in stride(from: blockEnd, to: n, by: 256) {
          let tileEnd = min(tileStart + 256, n)
          for r in 0..<rows {
            let row = r * n
            for c in 0..<width {
              let err = errors[r * width + c]
              if err == 0 { continue }
              let uRow = (blockStart + c) * n
              subtract(
                err, times: uBase + uRow + tileStart, from: wBase + row + tileStart,
                count: tileEnd - tileStart)
            }
          }
        }
      }
    }
  }
  return PrunedLayer(
    weights: try Tensor(shape: weights.shape, scalars: w),
    mask: try Mask(shape: weights.shape, isKept: isKept))
}

/// SparseGPT's saliency of one weight, `w² / d²` with `d = U[j][j]`.
///
/// - Parameters:
///   - weight: The weight now.
///   - diagonal: `U[j][j]` for its column.
/// - Returns: The saliency.
func saliency(_ weight: Float, _ diagonal: Float) -> Float {
  weight * weight / (diagonal * diagonal)
}

/// `y[k] -= a · x[k]` for `count` elements, eight at a time.
///
/// - Parameters:
///   - a: The scale.
///   - x: The row read.
///   - y: The row updated; it does not overlap `x`.
///   - count: The number of elements.
@inline(__always)
func subtract(
  _ a: Float, times x: UnsafePointer<Float>, from y: UnsafeMutablePointer<Float>, count: Int
) {
  let scale = SIMD8<Float>(repeating: a)
  var k = 0
  while k + 8 <= count {
    let xv = UnsafeRawPointer(x + k).loadUnaligned(as: SIMD8<Float>.self)
    let yv = UnsafeRawPointer(y + k).loadUnaligned(as: SIMD8<Float>.self)
    UnsafeMutableRawPointer(y + k).storeBytes(of: yv - scale * xv, as: SIMD8<Float>.self)
    k += 8
  }
  while k < count {
    y[k] -= a * x[k]
    k += 1
  }
}
