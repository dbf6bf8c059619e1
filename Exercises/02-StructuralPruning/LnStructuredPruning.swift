import PruningCore

/// Masks whole channels with the smallest norms, as PyTorch's `ln_structured` does.
///
/// The number of channels to prune is `k = round(a · C)` rounded half to even for
/// `.fraction(a)` (PyTorch's `round(amount * C)`), or `k` itself for `.count(k)`, where `C` is
/// `weights.shape[dimension]`. The channels are ranked by ``channelNorms(_:norm:dimension:)``
/// ascending, ties by the lower channel index first, and the first `k` are pruned: every
/// element of a pruned channel is `false` in the mask, every other element `true`.
///
/// The mask has the weights' shape: nothing is removed, no computation is saved until the
/// layer is rebuilt smaller (see ``removeNeurons(from:next:keeping:)``).
///
/// ```swift
/// let w = try Tensor(rows: [[1, 2], [0.1, 0.1], [3, 0]])
/// try lnStructuredMask(w, amount: .count(1), norm: .l2, dimension: 0)
/// // ██ / ·· / ██    row 1 (norm 0.141) is pruned
/// try lnStructuredMask(w, amount: .count(1), norm: .l2, dimension: 1)
/// // █· / █· / █·    column 1 (norm 2.002) is pruned
/// ```
///
/// - Parameters:
///   - weights: The weights; at least two dimensions.
///   - amount: How many channels to prune: a fraction of the `C` channels or a count.
///   - norm: The norm that scores each channel.
///   - dimension: The dimension whose slices are the channels.
/// - Returns: A mask of the weights' shape, `false` exactly on the pruned channels.
/// - Throws: The errors of ``channelNorms(_:norm:dimension:)``;
///   `PruningError.invalidAmount` for a fraction outside `0...1` (or not finite) or a negative
///   count; `PruningError.amountExceedsCount(requested:available:)` for a count above `C`.
/// - Complexity: O(*n* + *C* log *C*).
public func lnStructuredMask(
  _ weights: Tensor,
  amount: PruningAmount,
  norm: Norm,
  dimension: Int
) throws(PruningError) -> Mask {
  // TODO: Score the channels with channelNorms, turn the amount into a count of channels, prune the
  // lowest (ties: lower index first) and mark every element of a pruned channel false.
  throw .notImplemented("lnStructuredMask(_:amount:norm:dimension:)")
}

/// Applies ``lnStructuredMask(_:amount:norm:dimension:)`` to a dense layer's weight, leaving
/// its bias alone, as `torch.nn.utils.prune.ln_structured(layer, "weight", …)` does.
///
/// Pruning rows (dimension 0) zeroes every incoming weight of those output units, but the
/// layer keeps its shape and every unit keeps its bias: a pruned unit still outputs
/// `bias[j]` for every input. That is why a structured *mask* is not neuron *removal*.
///
/// ```swift
/// let layer = try Dense(
///   weight: Tensor(rows: [[1, 2], [0.1, 0.1], [3, 0]]), bias: Tensor([0, 0.5, 0]))
/// let pruned = try lnStructured(layer, amount: .count(1), norm: .l2, dimension: 0)
/// pruned.weight   // [[1, 2], [0, 0], [3, 0]]; shape still [3, 2]
/// pruned.bias     // [0, 0.5, 0], untouched
/// try pruned.forward(Tensor(rows: [[7, 7]]))   // [[21, 0.5, 21]]: unit 1 still outputs 0.5
/// ```
///
/// - Parameters:
///   - layer: The layer whose weight is pruned.
///   - amount: How many channels to prune.
///   - norm: The norm that scores each channel.
///   - dimension: 0 to prune output units (rows), 1 to prune input features (columns).
/// - Returns: The layer with the pruned channels' weights set to zero and the same bias.
/// - Throws: The errors of ``lnStructuredMask(_:amount:norm:dimension:)``.
/// - Complexity: O(*n* + *C* log *C*).
public func lnStructured(
  _ layer: Dense,
  amount: PruningAmount,
  norm: Norm,
  dimension: Int
) throws(PruningError) -> Dense {
  // TODO: Build the structured mask for the layer's weight, zero the masked weights, and leave the
  // bias as it is.
  throw .notImplemented("lnStructured(_:amount:norm:dimension:)")
}
