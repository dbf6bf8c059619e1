import PruningCore

/// The fraction of weights each mask prunes: a mask's per-layer ratios.
///
/// This is what Frankle et al. (2021) find the pruning-at-initialisation methods really choose:
/// how much of each layer to keep, not which weights.
///
/// ```swift
/// try layerSparsities([mask("··██"), mask("·███/████")])   // [0.5, 0.125]
/// ```
///
/// - Parameter masks: The masks, one per layer.
/// - Returns: Pruned ÷ elements for each mask, in order (0 for an empty mask).
/// - Throws: Nothing in practice; declared so the stub can say it is not written yet.
/// - Complexity: O(*n*) for *n* flags in all.
public func layerSparsities(_ masks: [Mask]) throws(PruningError) -> [Double] {
  // TODO: Pruned ÷ elements for each mask.
  throw .notImplemented("layerSparsities(_:)")
}

/// Random pruning with a given sparsity for each layer: the control experiment.
///
/// Each layer `l` of shape `shapes[l]` with *n* elements loses exactly
/// `round(n · sparsities[l])` (half to even) weights, chosen uniformly at random. Passing the
/// per-layer sparsities of another method's masks (``layerSparsities(_:)``) gives a random
/// mask with the same per-layer counts: Frankle et al.'s test of whether a method's choice of
/// *which* weights matters. The reference draws the layers in order; for each it shuffles the
/// positions `0..<n` with ``SplitMix64/shuffle(_:)`` and prunes the first `k`, so the same
/// generator state gives the same masks.
///
/// ```swift
/// var generator = SplitMix64(seed: 7)
/// try randomMasks(shapes: [[2, 4], [3]], sparsities: [0.5, 0.5], using: &generator)
/// // 4 of the 8 pruned, 2 of the 3 (round(1.5) = 2), at random positions
/// ```
///
/// - Parameters:
///   - shapes: The shape of each layer's mask.
///   - sparsities: The fraction to prune in each layer, each in `0...1`.
///   - generator: The seeded generator the positions are drawn from.
/// - Returns: One mask per shape.
/// - Throws: `PruningError.shapeMismatch` (expected `[shapes.count]`, actual
///   `[sparsities.count]`) when the counts differ; `PruningError.invalidAmount(.fraction(s))`
///   for the first sparsity outside `0...1`; `PruningError.invalidShape` for a shape with a
///   negative dimension. Nothing is drawn before every argument is checked.
/// - Complexity: O(*n*) for *n* elements in all.
public func randomMasks(
  shapes: [[Int]], sparsities: [Double], using generator: inout SplitMix64
) throws(PruningError) -> [Mask] {
  // TODO: Check everything before drawing; per layer, shuffle the positions and prune the first
  // round(n · s) of them.
  throw .notImplemented("randomMasks(shapes:sparsities:using:)")
}
