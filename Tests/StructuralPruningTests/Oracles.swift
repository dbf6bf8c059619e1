import PruningCore
import PruningTestSupport

/// Independent reference answers the tests compare against: plain, slow and obvious.
enum Oracle {
  /// Python's `round`: half to even, on the exact `Double` product.
  static func roundHalfEven(_ value: Double) -> Int {
    ReferenceRanking.roundHalfEven(value)
  }

  /// The norm of every slice along `dimension`, visiting positions one by one.
  static func channelNorms(_ weights: Tensor, l1: Bool, dimension: Int) -> [Double] {
    var sums = [Double](repeating: 0, count: weights.shape[dimension])
    for flat in 0..<weights.count {
      let channel = weights.position(ofFlatIndex: flat)[dimension]
      let value = Double(weights[flat: flat])
      sums[channel] += l1 ? abs(value) : value * value
    }
    return l1 ? sums : sums.map { $0.squareRoot() }
  }

  /// The channels pruned: the `k` smallest scores, ties by the lower index.
  static func pruned(_ scores: [Double], k: Int) -> Set<Int> {
    let order = scores.indices.sorted { a, b in
      scores[a] != scores[b] ? scores[a] < scores[b] : a < b
    }
    return Set(order.prefix(k))
  }

  /// The structured mask: every element of a pruned channel is `false`.
  static func structuredMask(_ weights: Tensor, pruned: Set<Int>, dimension: Int) -> [Bool] {
    (0..<weights.count).map { !pruned.contains(weights.position(ofFlatIndex: $0)[dimension]) }
  }

  /// Trainable parameters: Dense in·out + out, Conv2D out·in·kh·kw + out, BatchNorm 2C.
  static func parameterCount(_ model: Sequential) -> Int {
    ReferenceCounts.parameters(of: model).total
  }

  /// Trainable parameters of one layer.
  static func parameterCount(_ layer: Layer) -> Int {
    ReferenceCounts.parameters(of: layer).total
  }

  /// Multiply-accumulates per layer for one input: Dense in·out, Conv2D out·Ho·Wo·in·kh·kw.
  static func macs(_ model: Sequential, inputShape: [Int]) -> [Int] {
    ReferenceCounts.layerMACs(of: model, inputShape: inputShape).map(\.macs)
  }

  /// The model with the consumer's inputs from `channels` set to zero: what the model computes
  /// once those channels no longer reach anything. `plane` is 1 for a convolution consumer and
  /// `H·W` for a dense layer after a flatten.
  static func silencing(
    _ model: Sequential, channels: Set<Int>, consumerAt index: Int, plane: Int
  ) throws -> Sequential {
    var layers = model.layers
    switch layers[index] {
    case .conv2D(var conv):
      let (outputs, inputs, kh, kw) = (
        conv.weight.shape[0], conv.weight.shape[1], conv.weight.shape[2], conv.weight.shape[3]
      )
      for o in 0..<outputs {
        for c in 0..<inputs where channels.contains(c) {
          for y in 0..<kh {
            for x in 0..<kw {
              conv.weight[o, c, y, x] = 0
            }
          }
        }
      }
      layers[index] = .conv2D(conv)
    case .dense(var dense):
      for o in 0..<dense.outputSize {
        for column in 0..<dense.inputSize where channels.contains(column / plane) {
          dense.weight[o, column] = 0
        }
      }
      layers[index] = .dense(dense)
    default:
      break
    }
    return Sequential(layers)
  }

  /// The slices of a tensor along a dimension, listed index by index.
  static func slices(_ tensor: Tensor, dimension: Int, keeping indices: [Int]) throws -> Tensor {
    var shape = tensor.shape
    shape[dimension] = indices.count
    var result = try Tensor(zeros: shape)
    for flat in 0..<result.count {
      var position = result.position(ofFlatIndex: flat)
      position[dimension] = indices[position[dimension]]
      result[flat: flat] = tensor.scalars[tensor.flatIndex(position)]
    }
    return result
  }
}

/// Seeded random models for the property tests.
enum Models {
  /// Batch-norm statistics far from the identity, so forgetting to slice them shows.
  static func batchNorm(channels: Int, seed: UInt64) throws -> BatchNorm {
    var generator = SplitMix64(seed: seed)
    return try BatchNorm(
      gamma: Tensor.random(shape: [channels], in: 0.5...2, using: &generator),
      beta: Tensor.random(shape: [channels], in: -1...1, using: &generator),
      runningMean: Tensor.random(shape: [channels], in: -0.5...0.5, using: &generator),
      runningVariance: Tensor.random(shape: [channels], in: 0.2...3, using: &generator))
  }

  /// conv(in → C, 3×3, padding 1) → BN(C) → ReLU → conv(C → out, k×k), on a random input size.
  static func convNormConv(seed: UInt64) throws -> (model: Sequential, inputShape: [Int]) {
    var generator = SplitMix64(seed: seed)
    let inputs = 1 + generator.nextInt(below: 3)
    let channels = 2 + generator.nextInt(below: 6)
    let outputs = 1 + generator.nextInt(below: 4)
    let kernel = 1 + generator.nextInt(below: 3)
    let size = 3 + generator.nextInt(below: 4)
    let model = Sequential([
      .conv2D(
        try Conv2D(
          inputChannels: inputs, outputChannels: channels, kernelSize: 3, padding: 1,
          using: &generator)),
      .batchNorm(try batchNorm(channels: channels, seed: seed &+ 1)),
      .relu,
      .conv2D(
        try Conv2D(
          inputChannels: channels, outputChannels: outputs, kernelSize: kernel,
          using: &generator)),
    ])
    return (model, [2, inputs, size, size])
  }

  /// conv(in → C, k×k, stride s) → BN(C) → ReLU → flatten → dense(C·H·W → out).
  static func convFlattenDense(seed: UInt64) throws -> (model: Sequential, inputShape: [Int]) {
    var generator = SplitMix64(seed: seed)
    let inputs = 1 + generator.nextInt(below: 2)
    let channels = 2 + generator.nextInt(below: 5)
    let stride = 1 + generator.nextInt(below: 2)
    let size = 4 + generator.nextInt(below: 4)
    let conv = try Conv2D(
      inputChannels: inputs, outputChannels: channels, kernelSize: 3, stride: stride,
      using: &generator)
    let out = conv.outputSize(height: size, width: size)
    let features = channels * out.height * out.width
    let model = Sequential([
      .conv2D(conv),
      .batchNorm(try batchNorm(channels: channels, seed: seed &+ 2)),
      .relu,
      .flatten,
      .dense(try Dense(inputSize: features, outputSize: 3, using: &generator)),
    ])
    return (model, [2, inputs, size, size])
  }

  /// A random subset of `0..<count` with at least one element, ascending.
  static func subset(of count: Int, seed: UInt64) -> [Int] {
    var generator = SplitMix64(seed: seed)
    var all = Array(0..<count)
    generator.shuffle(&all)
    let size = 1 + generator.nextInt(below: count)
    return all.prefix(size).sorted()
  }

  /// The conv layer at a position, or a failure.
  static func conv(_ model: Sequential, at index: Int) -> Conv2D? {
    guard model.layers.indices.contains(index), case .conv2D(let conv) = model.layers[index]
    else { return nil }
    return conv
  }

  /// The dense layer at a position, or a failure.
  static func dense(_ model: Sequential, at index: Int) -> Dense? {
    guard model.layers.indices.contains(index), case .dense(let dense) = model.layers[index]
    else { return nil }
    return dense
  }

  /// The batch norm at a position, or a failure.
  static func batchNorm(_ model: Sequential, at index: Int) -> BatchNorm? {
    guard model.layers.indices.contains(index), case .batchNorm(let norm) = model.layers[index]
    else { return nil }
    return norm
  }
}
