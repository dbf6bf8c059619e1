import PruningCore

/// Small models the suites share, and a seeded generator of random ones with zeros in them.
enum Fixtures {
  /// The README's dense layer: 3 inputs, 2 outputs, 4 of its 8 parameters zero.
  static func exampleDense() throws -> Dense {
    try Dense(weight: Tensor(rows: [[0.5, 0, -1], [0, 0, 2]]), bias: Tensor([0, 1]))
  }

  /// The same layer with no zeros.
  static func exampleDenseUnpruned() throws -> Dense {
    try Dense(weight: Tensor(rows: [[0.5, 0.25, -1], [0.75, 0.1, 2]]), bias: Tensor([0.5, 1]))
  }

  /// A dense layer from its rows and biases.
  static func dense(_ rows: [[Float]], bias: [Float]) throws -> Layer {
    .dense(try Dense(weight: Tensor(rows: rows), bias: Tensor(bias)))
  }

  /// A seeded multilayer perceptron `sizes[0] → sizes[1] → …` with ReLUs between the layers.
  static func mlp(_ sizes: [Int], seed: UInt64) throws -> Sequential {
    var generator = SplitMix64(seed: seed)
    var layers: [Layer] = []
    for index in 0..<(sizes.count - 1) {
      if index > 0 { layers.append(.relu) }
      layers.append(
        .dense(
          try Dense(inputSize: sizes[index], outputSize: sizes[index + 1], using: &generator)))
    }
    return Sequential(layers)
  }

  /// The same model with the weights (not the biases) at `keep == false` positions zeroed;
  /// `keep` decides per weight, in layer order, row-major.
  static func masked(_ model: Sequential, keep: (Int) -> Bool) throws -> Sequential {
    var position = 0
    var layers: [Layer] = []
    for layer in model.layers {
      guard case .dense(var dense) = layer else {
        layers.append(layer)
        continue
      }
      var scalars = dense.weight.scalars
      for index in scalars.indices {
        if !keep(position) { scalars[index] = 0 }
        position += 1
      }
      try dense.weight.setScalars(scalars)
      layers.append(.dense(dense))
    }
    return Sequential(layers)
  }

  /// A random model: optional convolutions (with BatchNorm and ReLU), then Flatten and two
  /// dense layers, with a random share of every parameter tensor set to zero.
  static func randomModel(seed: UInt64) throws -> (model: Sequential, inputShape: [Int]) {
    var generator = SplitMix64(seed: seed)
    let zeroShare = generator.nextUnitDouble() * 0.9
    func values(_ count: Int) -> [Float] {
      (0..<count).map { _ in
        generator.nextUnitDouble() < zeroShare ? 0 : generator.nextFloat(in: -1...1)
      }
    }
    let batch = 1 + generator.nextInt(below: 3)
    var layers: [Layer] = []
    var features: Int
    var inputShape: [Int]
    let convolutions = generator.nextInt(below: 3)
    if convolutions > 0 {
      var (channels, height, width) = (
        1 + generator.nextInt(below: 3), 5 + generator.nextInt(below: 6),
        5 + generator.nextInt(below: 6)
      )
      inputShape = [batch, channels, height, width]
      for _ in 0..<convolutions {
        let outputs = 1 + generator.nextInt(below: 4)
        let padding = generator.nextInt(below: 2)
        let stride = 1 + generator.nextInt(below: 2)
        let kh = min(1 + generator.nextInt(below: 3), height + 2 * padding)
        let kw = min(1 + generator.nextInt(below: 3), width + 2 * padding)
        let weight = try Tensor(
          shape: [outputs, channels, kh, kw], scalars: values(outputs * channels * kh * kw))
        layers.append(
          .conv2D(
            try Conv2D(
              weight: weight, bias: Tensor(values(outputs)), stride: stride, padding: padding)))
        if generator.nextInt(below: 2) == 0 {
          layers.append(
            .batchNorm(
              try BatchNorm(
                gamma: Tensor(values(outputs)), beta: Tensor(values(outputs)),
                runningMean: Tensor(values(outputs)),
                runningVariance: Tensor(repeating: 1, shape: [outputs]))))
        }
        layers.append(.relu)
        channels = outputs
        height = (height + 2 * padding - kh) / stride + 1
        width = (width + 2 * padding - kw) / stride + 1
      }
      layers.append(.flatten)
      features = channels * height * width
    } else {
      features = 1 + generator.nextInt(below: 12)
      inputShape = [batch, features]
    }
    let hidden = 1 + generator.nextInt(below: 8)
    let classes = 2 + generator.nextInt(below: 5)
    layers.append(
      .dense(
        try Dense(
          weight: Tensor(shape: [hidden, features], scalars: values(hidden * features)),
          bias: Tensor(values(hidden)))))
    layers.append(.relu)
    layers.append(
      .dense(
        try Dense(
          weight: Tensor(shape: [classes, hidden], scalars: values(classes * hidden)),
          bias: Tensor(values(classes)))))
    return (Sequential(layers), inputShape)
  }
}

/// A clock that moves only when the timed work runs: each run advances it by the next step.
///
/// Reading it does not move it, so any number of readings between runs is fine.
final class FakeClock {
  private(set) var now: UInt64 = 1_000_000
  private(set) var runs = 0
  private let steps: [Int64]

  /// A clock whose runs take `steps[0]`, `steps[1]`, … nanoseconds, cycling.
  init(steps: [Int64]) {
    self.steps = steps
  }

  func read() -> UInt64 { now }

  func run() {
    let step = steps.isEmpty ? 0 : steps[runs % steps.count]
    now = UInt64(Int64(now) + step)
    runs += 1
  }
}
