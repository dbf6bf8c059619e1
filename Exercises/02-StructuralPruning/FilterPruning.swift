import PruningCore

/// Picks the filters of a convolution to keep by their L1 norms (Li et al. 2017).
///
/// Each filter `weight[o]` (all its input channels and kernel positions) is scored by
/// `Σ |w|`; the `k` filters with the smallest scores are pruned, ties by the lower filter
/// index first, where `k` is `round(a · C)` rounded half to even for `.fraction(a)` or `k` for
/// `.count(k)`. The bias plays no part in the score.
///
/// ```swift
/// // Three 1×1 filters over two input channels with L1 norms 3, 0.5 and 2:
/// let conv = try Conv2D(
///   weight: Tensor(shape: [3, 2, 1, 1], scalars: [1, -2, 0.5, 0, 1, 1]), bias: Tensor([0, 0, 0]))
/// try filtersToKeep(conv, amount: .count(1))         // [0, 2]
/// try filtersToKeep(conv, amount: .fraction(0.5))    // [0]   (round(1.5) = 2 pruned)
/// ```
///
/// - Parameters:
///   - conv: The convolution whose filters are ranked.
///   - amount: How many filters to prune: a fraction of them or a count.
/// - Returns: The kept filter indices in ascending order.
/// - Throws: `PruningError.nonFiniteWeight` for a NaN or infinite weight;
///   `PruningError.invalidAmount` for a fraction outside `0...1` (or not finite) or a negative
///   count; `PruningError.amountExceedsCount(requested:available:)` for a count above the
///   number of filters.
/// - Complexity: O(*n* + *C* log *C*) for *n* weights and *C* filters.
public func filtersToKeep(_ conv: Conv2D, amount: PruningAmount) throws(PruningError) -> [Int] {
  // TODO: Score each filter by its L1 norm, prune the requested number (ties: lower index first),
  // return the rest in ascending order.
  throw .notImplemented("filtersToKeep(_:amount:)")
}

/// Removes filters from a convolution in a model, with everything that depends on them.
///
/// Filter `o` of the convolution at `index` produces channel `o` of its output. Removing it
/// removes `weight[o]` and `bias[o]` of the convolution, then walks forward:
/// - a `BatchNorm` loses entry `o` of γ, β, the running mean **and** the running variance;
/// - a ReLU is passed through;
/// - a `Conv2D` loses input channel `o`, `weight[:, o]`, and the walk stops there;
/// - a Flatten (then any ReLUs) followed by a `Dense` loses the columns
///   `o·H·W ..< (o+1)·H·W`, where `H × W` is the feature map's size at the flatten, and the
///   walk stops there.
///
/// The kept filters stay in the order given, and the dependants are sliced in the same order,
/// so any order computes the same function on the kept channels; passing every filter in a new
/// order reorders the channels without changing the model's output.
///
/// ```swift
/// // conv(1 → 4, 3×3) → BN(4) → ReLU → conv(4 → 2, 3×3), on 8×8 inputs
/// let smaller = try pruneFilters(
///   model, convolutionAt: 0, keeping: [0, 3], inputShape: [1, 1, 8, 8])
/// // conv(1 → 2) → BN(2) → ReLU → conv(2 → 2)
/// ```
///
/// - Parameters:
///   - model: The model to prune.
///   - index: The position of the convolution whose filters are removed.
///   - filters: The filters to keep, distinct, each in `0..<outputChannels`, in the order the
///     new layers should hold them.
///   - inputShape: The shape of the model's input, batch first; it fixes `H × W` at a flatten.
/// - Returns: The model with the smaller layers in place; every other layer is unchanged.
/// - Throws: `PruningError.indexOutOfRange(index:count:)` when `index` is not a layer;
///   `PruningError.unexpectedLayer(index: index, expected: "conv2D")` when that layer is not a
///   convolution; the errors of `Sequential.activationShapes(forInput:)` when the model cannot
///   run on `inputShape`; `PruningError.unexpectedLayer(index: i, expected: "conv2D or flatten")`
///   when layer `i` after the convolution (or `i == layers.count`, the end) is neither a
///   `BatchNorm`, a ReLU, a `Conv2D` nor a Flatten, and
///   `PruningError.unexpectedLayer(index: i, expected: "dense")` when the layer after a Flatten
///   (past any ReLUs) is not a `Dense`; then `PruningError.emptyInput("keeping")`,
///   `PruningError.indexOutOfRange(index:count:)` or `PruningError.duplicateIndex` for the
///   first bad entry of `filters`.
/// - Complexity: O(*n*) in the parameters of the layers touched.
public func pruneFilters(
  _ model: Sequential,
  convolutionAt index: Int,
  keeping filters: [Int],
  inputShape: [Int]
) throws(PruningError) -> Sequential {
  // TODO: Find the convolution, walk forward to the layer that reads its channels, and rebuild the
  // convolution, every BatchNorm in between and that consumer with only the kept channels.
  throw .notImplemented("pruneFilters(_:convolutionAt:keeping:inputShape:)")
}
