import PruningCore

/// Masks the weights with the smallest magnitudes, pruning exactly the requested number.
///
/// This is PyTorch's `l1_unstructured`: the number to prune is ``pruneCount(_:of:)`` of the
/// tensor's element count, and the weights are ranked by `(|w|, flat index)` ascending, so among
/// equal magnitudes the lower index is pruned first. Weights that are already zero are
/// candidates like any other.
///
/// ```swift
/// try magnitudeMask(Tensor([0.1, -0.5, 0.3, -0.05, 0.8, 0.2]), amount: .fraction(0.5))
/// // [F, T, T, F, T, F]
/// try magnitudeMask(Tensor([0.2, -0.2, 0.2, 0.5]), amount: .count(2))
/// // [F, F, T, T]: the tie at 0.2 prunes indices 0 and 1
/// ```
///
/// - Parameters:
///   - weights: The weights to rank; any shape.
///   - amount: How many to prune: a fraction of all weights or a count.
/// - Returns: A mask of the weights' shape, `false` for exactly the pruned weights.
/// - Throws: `PruningError.nonFiniteWeight` for a NaN or infinite weight; the errors of
///   ``pruneCount(_:of:)`` for a bad amount.
/// - Complexity: O(*n*) on average with a selection; O(*n* log *n*) with a sort.
public func magnitudeMask(_ weights: Tensor, amount: PruningAmount) throws(PruningError) -> Mask {
  // TODO: Validate the weights, get k from pruneCount, rank by (|w|, flat index) ascending and
  // prune the first k.
  throw .notImplemented("magnitudeMask(_:amount:)")
}

/// Prunes further from an existing mask: the amount applies to the surviving weights only.
///
/// This is how PyTorch composes two prunings of one tensor (`PruningContainer`): the new
/// method ranks only the entries the old mask keeps, and the result is the old mask AND the new
/// one, so a mask only ever loses entries. A fraction is a fraction of the survivors.
///
/// ```swift
/// let w = Tensor([0.1, -0.5, 0.3, -0.05, 0.8, 0.2])
/// let first = try magnitudeMask(w, amount: .fraction(0.5))        // [F, T, T, F, T, F]
/// try magnitudeMask(w, amount: .fraction(0.5), previous: first)    // [F, F, F, F, T, F]
/// ```
///
/// - Parameters:
///   - weights: The weights to rank; any shape.
///   - amount: How many of the surviving weights to prune.
///   - previous: The mask from earlier rounds; the same shape as `weights`.
/// - Returns: A mask that keeps a subset of what `previous` keeps.
/// - Throws: `PruningError.shapeMismatch` when the mask's shape differs from the weights';
///   `PruningError.nonFiniteWeight` for a NaN or infinite weight; the errors of
///   ``pruneCount(_:of:)``, counted against the surviving weights.
/// - Complexity: O(*n*) on average with a selection.
public func magnitudeMask(
  _ weights: Tensor,
  amount: PruningAmount,
  previous: Mask
) throws(PruningError) -> Mask {
  // TODO: Check the mask's shape; rank only the weights `previous` keeps, prune k of them
  // (k counted against the survivors), and keep everything `previous` already pruned pruned.
  throw .notImplemented("magnitudeMask(_:amount:previous:)")
}
