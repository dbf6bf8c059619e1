import PruningCore

/// Prunes several layers together: one ranking of every weight of every layer.
///
/// This is PyTorch's `global_unstructured` with `L1Unstructured`: the layers' weights are
/// concatenated in order (layer 0's elements first, each row-major), the amount applies to that
/// whole vector, and the weights with the smallest magnitudes are pruned wherever they are. Ties
/// go to the lower position in the concatenation. A layer of small weights can lose everything.
///
/// ```swift
/// let a = Tensor([0.1, 0.2, 0.3, 0.4]), b = Tensor([1, 2, 3, 4])
/// try globalMagnitudeMasks([a, b], amount: .fraction(0.5))
/// // a: [F, F, F, F], b: [T, T, T, T]
/// ```
///
/// - Parameters:
///   - layers: The weight tensors, in order; any shapes.
///   - amount: How many to prune across all layers: a fraction of all weights or a count.
/// - Returns: One mask per layer, in order, each of its layer's shape.
/// - Throws: `PruningError.nonFiniteWeight` for a NaN or infinite weight; the errors of
///   ``pruneCount(_:of:)`` against the total number of weights.
/// - Complexity: O(*n*) on average for *n* weights in all.
public func globalMagnitudeMasks(
  _ layers: [Tensor],
  amount: PruningAmount
) throws(PruningError) -> [Mask] {
  for layer in layers {
    try layer.validateFinite()
  }
  let weights = layers.flatMap(\.scalars)  // `smallest` ranks them by magnitude
  let k = try pruneCount(amount, of: weights.count)
  let pruned = smallest(k, of: weights)
  var masks: [Mask] = []
  var offset = 0
  for layer in layers {
    let flags = pruned[offset..<(offset + layer.count)].map { !$0 }
    masks.append(try Mask(shape: layer.shape, isKept: flags))
    offset += layer.count
  }
  return masks
}

/// Prunes several layers separately: the same amount applied to each layer on its own.
///
/// ```swift
/// let a = Tensor([0.1, 0.2, 0.3, 0.4]), b = Tensor([1, 2, 3, 4])
/// try layerwiseMagnitudeMasks([a, b], amount: .fraction(0.5))
/// // a: [F, F, T, T], b: [F, F, T, T]
/// ```
///
/// - Parameters:
///   - layers: The weight tensors, in order; any shapes.
///   - amount: How many to prune in each layer: a fraction of that layer or a count.
/// - Returns: One mask per layer, in order, each equal to ``magnitudeMask(_:amount:)`` of it.
/// - Throws: The errors of ``magnitudeMask(_:amount:)`` for the first layer that fails.
/// - Complexity: O(*n*) on average for *n* weights in all.
public func layerwiseMagnitudeMasks(
  _ layers: [Tensor],
  amount: PruningAmount
) throws(PruningError) -> [Mask] {
  var masks: [Mask] = []
  for layer in layers {
    masks.append(try magnitudeMask(layer, amount: amount))
  }
  return masks
}
