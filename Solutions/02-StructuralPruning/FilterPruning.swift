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
  let norms = try channelNorms(conv.weight, norm: .l1, dimension: 0)
  let pruned = try channelsToPrune(norms, amount: amount)
  return norms.indices.filter { !pruned.contains($0) }
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
  let chain = try FilterChain(model, convolutionAt: index, inputShape: inputShape)
  try validateKept(filters, count: chain.conv.outputChannels)
  var layers = model.layers
  layers[index] = .conv2D(
    try Conv2D(
      weight: gather(chain.conv.weight, dimension: 0, keeping: filters),
      bias: gather(chain.conv.bias, dimension: 0, keeping: filters),
      stride: chain.conv.stride, padding: chain.conv.padding))
  for position in chain.norms {
    guard case .batchNorm(let norm) = layers[position] else { continue }
    layers[position] = .batchNorm(
      try BatchNorm(
        gamma: gather(norm.gamma, dimension: 0, keeping: filters),
        beta: gather(norm.beta, dimension: 0, keeping: filters),
        runningMean: gather(norm.runningMean, dimension: 0, keeping: filters),
        runningVariance: gather(norm.runningVariance, dimension: 0, keeping: filters),
        epsilon: norm.epsilon))
  }
  switch layers[chain.consumer] {
  case .conv2D(let next):
    layers[chain.consumer] = .conv2D(
      try Conv2D(
        weight: gather(next.weight, dimension: 1, keeping: filters), bias: next.bias,
        stride: next.stride, padding: next.padding))
  case .dense(let next):
    let channels = chain.conv.outputChannels
    let blocks = try next.weight.reshaped(to: [next.outputSize, channels, chain.plane])
    let kept = try gather(blocks, dimension: 1, keeping: filters)
    layers[chain.consumer] = .dense(
      try Dense(
        weight: kept.reshaped(to: [next.outputSize, filters.count * chain.plane]),
        bias: next.bias))
  default:
    break
  }
  return Sequential(layers)
}

/// The layers that depend on a convolution's output channels, found by walking forward.
struct FilterChain {
  /// The convolution whose filters are pruned.
  let conv: Conv2D
  /// The positions of the batch normalisations between the convolution and its consumer.
  let norms: [Int]
  /// The position of the layer that reads the channels: a `Conv2D` or a `Dense`.
  let consumer: Int
  /// The features per channel the consumer reads: 1 for a convolution, `H · W` after a flatten.
  let plane: Int

  /// Walks the model from the convolution at `index` to the layer that consumes its channels.
  ///
  /// - Parameters:
  ///   - model: The model.
  ///   - index: The convolution's position.
  ///   - inputShape: The model's input shape.
  /// - Throws: The model errors of ``pruneFilters(_:convolutionAt:keeping:inputShape:)``.
  init(_ model: Sequential, convolutionAt index: Int, inputShape: [Int]) throws(PruningError) {
    guard model.layers.indices.contains(index) else {
      throw .indexOutOfRange(index: index, count: model.layers.count)
    }
    guard case .conv2D(let conv) = model.layers[index] else {
      throw .unexpectedLayer(index: index, expected: "conv2D")
    }
    let shapes = try model.activationShapes(forInput: inputShape)
    self.conv = conv
    var norms: [Int] = []
    var position = index + 1
    var flattenedFrom: Int?
    while position < model.layers.count {
      switch (model.layers[position], flattenedFrom) {
      case (.relu, _):
        position += 1
      case (.batchNorm, nil):
        norms.append(position)
        position += 1
      case (.flatten, nil):
        flattenedFrom = position
        position += 1
      case (.conv2D, nil):
        self.norms = norms
        self.consumer = position
        self.plane = 1
        return
      case (.dense, .some(let flatten)):
        self.norms = norms
        self.consumer = position
        self.plane = shapes[flatten - 1].dropFirst(2).reduce(1, *)
        return
      default:
        throw .unexpectedLayer(
          index: position, expected: flattenedFrom == nil ? "conv2D or flatten" : "dense")
      }
    }
    throw .unexpectedLayer(
      index: position, expected: flattenedFrom == nil ? "conv2D or flatten" : "dense")
  }
}

/// The slices of a tensor along one dimension, in the order of `indices`.
///
/// - Parameters:
///   - tensor: The tensor to slice.
///   - dimension: The dimension to select along.
///   - indices: The slices to keep, each in range.
/// - Returns: A tensor whose `dimension` has `indices.count` entries.
/// - Throws: `invalidShape` only if the arithmetic is wrong.
func gather(_ tensor: Tensor, dimension: Int, keeping indices: [Int]) throws(PruningError) -> Tensor
{
  let size = tensor.shape[dimension]
  let inner = tensor.shape[(dimension + 1)...].reduce(1, *)
  let outer = tensor.shape[..<dimension].reduce(1, *)
  var scalars: [Float] = []
  scalars.reserveCapacity(outer * indices.count * inner)
  for o in 0..<outer {
    for index in indices {
      let start = (o * size + index) * inner
      scalars += tensor.scalars[start..<(start + inner)]
    }
  }
  var shape = tensor.shape
  shape[dimension] = indices.count
  return try Tensor(shape: shape, scalars: scalars)
}
