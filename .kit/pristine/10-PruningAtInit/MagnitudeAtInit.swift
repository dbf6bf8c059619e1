import PruningCore

/// Magnitude pruning at initialisation: keep the globally largest `|w|` before any training.
///
/// The baseline the at-initialisation methods are measured against, and the one that
/// collapses. With the usual initialisation (PyTorch's `nn.Linear`: uniform in `±1/√in`) a
/// layer with many inputs has small weights, so one global ranking of `|w|` empties the widest
/// layers first. On the digits network `64 → 128 → 10` the output layer's weights are at most
/// `1/√128 ≈ 0.088` and the first layer's up to `1/8`: at 90 % sparsity every output weight
/// goes.
///
/// ```swift
/// // Layers [[0.3, −0.1]] and [[0.05, −0.02]] at 0.5: the second layer loses everything.
/// try magnitudeMasks(model, sparsity: 0.5)   // [[T, T]], [[F, F]]
/// ```
///
/// - Parameters:
///   - model: The network at initialisation.
///   - sparsity: The fraction of all weights to prune, in `0...1`.
/// - Returns: One mask per layer, ``globalMasks(_:sparsity:)`` of the magnitudes.
/// - Throws: `PruningError.invalidAmount(.fraction(sparsity))` for a sparsity outside `0...1`
///   (checked first); `PruningError.nonFiniteWeight` for the first NaN or infinite weight.
/// - Complexity: O(*n* log *n*) for *n* weights.
public func magnitudeMasks(_ model: MLP, sparsity: Double) throws(PruningError) -> [Mask] {
  // TODO: Check the sparsity, then the weights; rank |w| globally.
  throw .notImplemented("magnitudeMasks(_:sparsity:)")
}
