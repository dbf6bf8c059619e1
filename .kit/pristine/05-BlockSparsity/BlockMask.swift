import PruningCore

/// Masks whole `R × C` blocks of a weight matrix with TensorFlow's block-sparsity rule.
///
/// TensorFlow Model Optimization's `prune_low_magnitude(block_size=(R, C))` does this:
///
/// 1. Score every block with ``blockScores(_:blockSize:pooling:)``.
/// 2. Keep `k = max(round(nblocks · (1 − sparsity)), 1)` blocks' worth, rounding **half to
///    even** on the `Double` product (`tf.round`): TensorFlow rounds the *keep* count, and
///    always keeps at least one block.
/// 3. The threshold is the k-th largest score; **every block scoring at least the threshold
///    is kept** (`score >= threshold`). Ties at the threshold are all kept, so the mask can keep
///    more than `k` blocks and the achieved sparsity can fall short of the target, exactly as
///    in TensorFlow.
/// 4. Expand the block mask to the weights' shape (``expandBlockMask(_:blockSize:)``).
///
/// ```swift
/// let w = try Tensor(rows: [
///   [0.1, 0.2, 0.9, 0.8],
///   [0.1, 0.0, 0.7, 1.0],
///   [0.5, 0.5, 0.0, 0.1],
///   [0.4, 0.6, 0.1, 0.0],
/// ])
/// try blockMask(w, blockSize: BlockSize(rows: 2, columns: 2), pooling: .average, sparsity: 0.5)
/// // scores [[0.1, 0.85], [0.5, 0.05]], k = 2, threshold 0.5, block mask [[F, T], [T, F]]:
/// // ··██
/// // ··██
/// // ██··
/// // ██··
/// ```
///
/// - Parameters:
///   - weights: A rank-2 weight matrix `[M, N]`; either dimension may be 0 (the mask is empty).
///   - blockSize: The block `R × C`; both positive, `R` dividing `M` and `C` dividing `N`.
///   - pooling: How a block's magnitudes become its score.
///   - sparsity: The target fraction of blocks to prune, in `0...1`. At 1 the best block (and
///     any tied with it) still survives.
/// - Returns: A mask of the weights' shape in which each block is all kept or all pruned.
/// - Throws: Checked in this order: `PruningError.rankMismatch(expected: 2, actual:)`;
///   `PruningError.invalidBlockSize(block: [R, C], shape: [M, N])`;
///   `PruningError.invalidAmount(.fraction(sparsity))` for a sparsity outside `0...1` or NaN;
///   `PruningError.nonFiniteWeight` for a NaN or infinite weight.
/// - Complexity: O(*M* · *N* + *B* log *B*) for *B* blocks.
public func blockMask(
  _ weights: Tensor,
  blockSize: BlockSize,
  pooling: BlockPooling,
  sparsity: Double
) throws(PruningError) -> Mask {
  // TODO: Validate in the documented order, score the blocks, compute the keep count
  // (half to even, at least 1), keep every block scoring at least the k-th largest score,
  // and expand.
  throw .notImplemented("blockMask(_:blockSize:pooling:sparsity:)")
}

/// Expands a mask over blocks to a mask over weights: every block flag becomes an `R × C`
/// tile of the same flag.
///
/// This is TensorFlow's `expand_tensor`, a Kronecker product with an `R × C` block of ones.
///
/// ```swift
/// let blocks = try Mask(shape: [2, 2], isKept: [false, true, true, false])
/// try expandBlockMask(blocks, blockSize: BlockSize(rows: 1, columns: 2))
/// // ··██
/// // ██··
/// ```
///
/// - Parameters:
///   - blockMask: A rank-2 mask `[M / R, N / C]`, one flag per block.
///   - blockSize: The block `R × C`; both positive.
/// - Returns: A `[M, N]` mask.
/// - Throws: `PruningError.rankMismatch(expected: 2, actual:)` unless the mask is rank 2;
///   `PruningError.invalidBlockSize(block: [R, C], shape: blockMask.shape)` when `R` or `C` is
///   not positive.
/// - Complexity: O(*M* · *N*).
public func expandBlockMask(
  _ blockMask: Mask,
  blockSize: BlockSize
) throws(PruningError) -> Mask {
  // TODO: Check the rank and the block size; every weight (i, j) takes the flag of block
  // (i / R, j / C).
  throw .notImplemented("expandBlockMask(_:blockSize:)")
}
