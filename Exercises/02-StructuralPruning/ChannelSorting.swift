import PruningCore

/// Reorders a convolution's output channels from most to least important, keeping the model's
/// function exactly (the channel sorting of the MIT 6.5940 lab).
///
/// A channel's importance is the L2 (Frobenius) norm of the weights that *read* it: for a
/// following `Conv2D`, its input-channel slice `weight[:, c]`; for a `Dense` after a Flatten,
/// its columns `c·H·W ..< (c+1)·H·W`. The channels are sorted by importance descending, ties by
/// the lower index first, and the permutation is applied everywhere the channel lives, as in
/// ``pruneFilters(_:convolutionAt:keeping:inputShape:)``: the convolution's filters and biases,
/// every `BatchNorm` vector in between, and the consumer's inputs. A permutation only renames
/// channels, so the output is the same (up to float rounding in the consumer's sums). After
/// sorting, "keep the first `k` channels" keeps the `k` most important ones.
///
/// ```swift
/// // conv(1 → 3) → ReLU → conv(3 → 1, 1×1) whose input weights are [0.1, -2, 0.5]:
/// let sorted = try sortChannelsByImportance(model, convolutionAt: 0, inputShape: [1, 1, 4, 4])
/// // channel order [1, 2, 0]; the 1×1 weights become [-2, 0.5, 0.1]; same output
/// ```
///
/// - Parameters:
///   - model: The model whose channels are sorted.
///   - index: The position of the convolution whose output channels are sorted.
///   - inputShape: The shape of the model's input, batch first.
/// - Returns: The model with the channels permuted; same shapes, same function.
/// - Throws: The model errors of ``pruneFilters(_:convolutionAt:keeping:inputShape:)``;
///   `PruningError.nonFiniteWeight` for a NaN or infinite weight in the consumer.
/// - Complexity: O(*n* + *C* log *C*) in the parameters touched and the channel count.
public func sortChannelsByImportance(
  _ model: Sequential,
  convolutionAt index: Int,
  inputShape: [Int]
) throws(PruningError) -> Sequential {
  // TODO: Score each channel by the L2 norm of the consumer weights that read it, sort descending
  // (ties: lower index first), and apply that order as in pruneFilters.
  throw .notImplemented("sortChannelsByImportance(_:convolutionAt:inputShape:)")
}
