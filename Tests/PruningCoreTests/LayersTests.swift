import PruningCore
import PruningTestSupport
import Testing

@Suite("Dense layer")
struct DenseTests {
  @Test("Forward pass matches a hand computation")
  func handComputed() throws {
    let layer = try Dense(
      weight: Tensor(rows: [[1, 2], [0, -1], [3, 0]]), bias: Tensor([0.5, 0, -1]))
    #expect(layer.inputSize == 2)
    #expect(layer.outputSize == 3)
    let y = try layer.forward(Tensor(rows: [[1, 1], [2, -1]]))
    expectClose(y, try Tensor(rows: [[3.5, -1, 2], [0.5, 1, 5]]))
  }

  @Test("Forward pass matches naive loops on random layers", arguments: RandomData.seeds)
  func randomReference(seed: UInt64) throws {
    let dims = RandomData.shape(rank: 3, dimensions: 1...9, seed: seed)
    let (batch, inputs, outputs) = (dims[0], dims[1], dims[2])
    var generator = SplitMix64(seed: seed)
    let layer = try Dense(inputSize: inputs, outputSize: outputs, using: &generator)
    let x = RandomData.tensor(shape: [batch, inputs], seed: seed &+ 100, in: -3...3)
    let y = try layer.forward(x)
    expectClose(y, Reference.dense(x, weight: layer.weight, bias: layer.bias), tolerance: 1e-4)
  }

  @Test("An empty batch gives an empty output of the right width")
  func emptyBatch() throws {
    var generator = SplitMix64(seed: 3)
    let layer = try Dense(inputSize: 4, outputSize: 2, using: &generator)
    let y = try layer.forward(Tensor(zeros: [0, 4]))
    #expect(y.shape == [0, 2])
  }

  @Test("Seeded initialisation is reproducible and bounded by 1/√in")
  func seededInit() throws {
    var first = SplitMix64(seed: 42)
    var second = SplitMix64(seed: 42)
    let a = try Dense(inputSize: 16, outputSize: 5, using: &first)
    let b = try Dense(inputSize: 16, outputSize: 5, using: &second)
    #expect(a == b)
    #expect(a.weight.shape == [5, 16])
    #expect(a.bias.shape == [5])
    let bound: Float = 0.25
    #expect(a.weight.scalars.allSatisfy { abs($0) <= bound })
    #expect(a.bias.scalars.allSatisfy { abs($0) <= bound })
    #expect(Set(a.weight.scalars).count > 70)
    var third = SplitMix64(seed: 43)
    #expect(try Dense(inputSize: 16, outputSize: 5, using: &third) != a)
  }

  @Test("Bad weights, biases and sizes throw the exact error")
  func badConstruction() throws {
    #expect(throws: PruningError.rankMismatch(expected: 2, actual: [3])) {
      try Dense(weight: Tensor([1, 2, 3]), bias: Tensor([0, 0, 0]))
    }
    #expect(throws: PruningError.shapeMismatch(expected: [2], actual: [3])) {
      try Dense(weight: Tensor(zeros: [2, 4]), bias: Tensor([0, 0, 0]))
    }
    var generator = SplitMix64(seed: 1)
    #expect(throws: PruningError.invalidArgument("inputSize must be at least 1, got 0")) {
      try Dense(inputSize: 0, outputSize: 2, using: &generator)
    }
    #expect(throws: PruningError.invalidArgument("outputSize must be at least 1, got -1")) {
      try Dense(inputSize: 2, outputSize: -1, using: &generator)
    }
  }

  @Test("Inputs of the wrong shape throw the exact error")
  func badInput() throws {
    let layer = try Dense(weight: Tensor(zeros: [2, 3]), bias: Tensor([0, 0]))
    #expect(throws: PruningError.shapeMismatch(expected: [4, 3], actual: [4, 2])) {
      try layer.forward(Tensor(zeros: [4, 2]))
    }
    #expect(throws: PruningError.rankMismatch(expected: 2, actual: [3])) {
      try layer.forward(Tensor([1, 2, 3]))
    }
  }

  @Test("A layer edited into disagreement throws instead of trapping")
  func editedLayer() throws {
    var layer = try Dense(weight: Tensor(zeros: [2, 3]), bias: Tensor([0, 0]))
    layer.bias = Tensor([1])
    #expect(throws: PruningError.shapeMismatch(expected: [2], actual: [1])) {
      try layer.forward(Tensor(zeros: [1, 3]))
    }
  }
}

@Suite("Conv2D layer")
struct Conv2DTests {
  @Test("A 2×2 kernel on a 3×3 image matches a hand computation")
  func handComputed() throws {
    let conv = try Conv2D(
      weight: Tensor(shape: [1, 1, 2, 2], scalars: [1, 0, 0, -1]), bias: Tensor([0.5]))
    let image = try Tensor(shape: [1, 1, 3, 3], scalars: [1, 2, 3, 4, 5, 6, 7, 8, 9])
    let y = try conv.forward(image)
    #expect(y.shape == [1, 1, 2, 2])
    expectClose(y.scalars, [-3.5, -3.5, -3.5, -3.5])
  }

  @Test("Padding 1 and stride 2 match a hand computation")
  func paddingAndStride() throws {
    // A 3×3 box filter summing its window; 4×4 image of 1…16, padded by one zero.
    let conv = try Conv2D(
      weight: Tensor(repeating: 1, shape: [1, 1, 3, 3]), bias: Tensor([0]), stride: 2,
      padding: 1)
    let image = try Tensor(shape: [1, 1, 4, 4], scalars: (1...16).map { Float($0) })
    let y = try conv.forward(image)
    #expect(y.shape == [1, 1, 2, 2])
    // Windows centred at (0,0), (0,2), (2,0), (2,2).
    expectClose(y.scalars, [1 + 2 + 5 + 6, 2 + 3 + 4 + 6 + 7 + 8, 5 + 6 + 9 + 10 + 13 + 14, 99])
  }

  @Test("Two input channels and two filters match a hand computation")
  func channels() throws {
    // Filter 0 adds channel 0 and subtracts channel 1; filter 1 doubles channel 1.
    let weight = try Tensor(shape: [2, 2, 1, 1], scalars: [1, -1, 0, 2])
    let conv = try Conv2D(weight: weight, bias: Tensor([0, 1]))
    let image = try Tensor(shape: [1, 2, 1, 2], scalars: [1, 2, 10, 20])
    let y = try conv.forward(image)
    #expect(y.shape == [1, 2, 1, 2])
    expectClose(y.scalars, [-9, -18, 21, 41])
  }

  @Test(
    "Forward pass matches naive loops for random strides and paddings", arguments: RandomData.seeds)
  func randomReference(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let batch = 1 + generator.nextInt(below: 2)
    let inputs = 1 + generator.nextInt(below: 3)
    let outputs = 1 + generator.nextInt(below: 4)
    let kernel = 1 + generator.nextInt(below: 3)
    let stride = 1 + generator.nextInt(below: 3)
    let padding = generator.nextInt(below: 3)
    let height = kernel + generator.nextInt(below: 6)
    let width = kernel + generator.nextInt(below: 6)
    let conv = try Conv2D(
      inputChannels: inputs, outputChannels: outputs, kernelSize: kernel, stride: stride,
      padding: padding, using: &generator)
    let x = RandomData.tensor(shape: [batch, inputs, height, width], seed: seed &+ 7)
    let y = try conv.forward(x)
    let expected = Reference.conv(
      x, weight: conv.weight, bias: conv.bias, stride: stride, padding: padding)
    expectClose(y, expected, tolerance: 1e-4)
    let size = conv.outputSize(height: height, width: width)
    #expect([batch, outputs, size.height, size.width] == y.shape)
  }

  @Test("A rectangular kernel slides over height and width separately")
  func rectangularKernel() throws {
    let weight = RandomData.tensor(shape: [2, 3, 2, 3], seed: 9)
    let conv = try Conv2D(weight: weight, bias: Tensor([0.1, -0.2]), stride: 1, padding: 1)
    #expect(conv.kernelSize == (height: 2, width: 3))
    let x = RandomData.tensor(shape: [2, 3, 4, 5], seed: 10)
    let y = try conv.forward(x)
    #expect(y.shape == [2, 2, 5, 5])
    expectClose(
      y, Reference.conv(x, weight: weight, bias: conv.bias, stride: 1, padding: 1),
      tolerance: 1e-4)
  }

  @Test(
    "Output size is ⌊(H + 2p − k) / s⌋ + 1",
    arguments: [
      (8, 3, 2, 1, 4), (5, 3, 1, 0, 3), (7, 3, 2, 0, 3), (6, 3, 1, 1, 6), (2, 3, 1, 0, 0),
      (1, 1, 1, 0, 1), (28, 5, 1, 2, 28),
    ])
  func outputSize(input: Int, kernel: Int, stride: Int, padding: Int, expected: Int) throws {
    let conv = try Conv2D(
      weight: Tensor(zeros: [1, 1, kernel, kernel]), bias: Tensor([0]), stride: stride,
      padding: padding)
    let size = conv.outputSize(height: input, width: input)
    #expect(size.height == expected)
    #expect(size.width == expected)
  }

  @Test("A 1×1 convolution is a dense layer applied at every pixel")
  func pointwiseIsDense() throws {
    let weight = RandomData.tensor(shape: [3, 4], seed: 5)
    let bias = RandomData.tensor(shape: [3], seed: 6)
    let conv = try Conv2D(weight: weight.reshaped(to: [3, 4, 1, 1]), bias: bias)
    let dense = try Dense(weight: weight, bias: bias)
    let x = RandomData.tensor(shape: [1, 4, 2, 2], seed: 7)
    let y = try conv.forward(x)
    for pixel in 0..<4 {
      let column = try Tensor(shape: [1, 4], scalars: (0..<4).map { x[flat: $0 * 4 + pixel] })
      let expected = try dense.forward(column)
      expectClose((0..<3).map { y[flat: $0 * 4 + pixel] }, expected.scalars, tolerance: 1e-5)
    }
  }

  @Test("Seeded initialisation is reproducible and bounded by 1/√(in·k²)")
  func seededInit() throws {
    var first = SplitMix64(seed: 11)
    var second = SplitMix64(seed: 11)
    let a = try Conv2D(inputChannels: 4, outputChannels: 3, kernelSize: 2, using: &first)
    let b = try Conv2D(inputChannels: 4, outputChannels: 3, kernelSize: 2, using: &second)
    #expect(a == b)
    #expect(a.weight.shape == [3, 4, 2, 2])
    #expect(a.inputChannels == 4)
    #expect(a.outputChannels == 3)
    #expect(a.stride == 1)
    #expect(a.padding == 0)
    #expect(a.weight.scalars.allSatisfy { abs($0) <= 0.25 })
    #expect(a.bias.scalars.allSatisfy { abs($0) <= 0.25 })
  }

  @Test("Bad filters, strides and paddings throw the exact error")
  func badConstruction() throws {
    #expect(throws: PruningError.rankMismatch(expected: 4, actual: [2, 2])) {
      try Conv2D(weight: Tensor(zeros: [2, 2]), bias: Tensor([0, 0]))
    }
    #expect(throws: PruningError.shapeMismatch(expected: [2], actual: [1])) {
      try Conv2D(weight: Tensor(zeros: [2, 1, 3, 3]), bias: Tensor([0]))
    }
    #expect(throws: PruningError.invalidArgument("stride must be at least 1, got 0")) {
      try Conv2D(weight: Tensor(zeros: [1, 1, 3, 3]), bias: Tensor([0]), stride: 0)
    }
    #expect(throws: PruningError.invalidArgument("padding must not be negative, got -1")) {
      try Conv2D(weight: Tensor(zeros: [1, 1, 3, 3]), bias: Tensor([0]), padding: -1)
    }
    #expect(throws: PruningError.invalidArgument("kernel must be at least 1×1, got 0×3")) {
      try Conv2D(weight: Tensor(zeros: [1, 1, 0, 3]), bias: Tensor([0]))
    }
    var generator = SplitMix64(seed: 1)
    #expect(throws: PruningError.invalidArgument("kernelSize must be at least 1, got 0")) {
      try Conv2D(inputChannels: 1, outputChannels: 1, kernelSize: 0, using: &generator)
    }
  }

  @Test("Inputs of the wrong rank, channel count or size throw the exact error")
  func badInput() throws {
    let conv = try Conv2D(weight: Tensor(zeros: [2, 3, 3, 3]), bias: Tensor([0, 0]))
    #expect(throws: PruningError.rankMismatch(expected: 4, actual: [3, 5, 5])) {
      try conv.forward(Tensor(zeros: [3, 5, 5]))
    }
    #expect(throws: PruningError.shapeMismatch(expected: [1, 3, 5, 5], actual: [1, 2, 5, 5])) {
      try conv.forward(Tensor(zeros: [1, 2, 5, 5]))
    }
    #expect(
      throws: PruningError.invalidArgument(
        "a 2×5 input with padding 0 is smaller than the 3×3 kernel")
    ) {
      try conv.forward(Tensor(zeros: [1, 3, 2, 5]))
    }
  }
}

@Suite("BatchNorm layer")
struct BatchNormTests {
  @Test("Inference normalisation matches a hand computation")
  func handComputed() throws {
    let norm = try BatchNorm(
      gamma: Tensor([2, 1]), beta: Tensor([1, 0]), runningMean: Tensor([3, -1]),
      runningVariance: Tensor([4, 0.25]), epsilon: 0)
    #expect(norm.channels == 2)
    let y = try norm.forward(Tensor(rows: [[5, 0], [3, -2]]))
    expectClose(y, try Tensor(rows: [[3, 2], [1, -2]]))
  }

  @Test("On images, each channel uses its own statistics at every pixel")
  func images() throws {
    let norm = try BatchNorm(
      gamma: Tensor([1, 3]), beta: Tensor([0, 1]), runningMean: Tensor([0, 1]),
      runningVariance: Tensor([1, 9]), epsilon: 0)
    let x = try Tensor(shape: [1, 2, 1, 2], scalars: [1, 2, 4, 7])
    let y = try norm.forward(x)
    #expect(y.shape == [1, 2, 1, 2])
    expectClose(y.scalars, [1, 2, 4, 7])
  }

  @Test("Epsilon is added to the variance")
  func epsilon() throws {
    let norm = try BatchNorm(channels: 1)
    #expect(norm.epsilon == 1e-5)
    let y = try norm.forward(Tensor(rows: [[1]]))
    expectClose(y[0, 0], 1 / (1 + 1e-5 as Float).squareRoot(), tolerance: 1e-7)
  }

  @Test("Forward pass matches the formula on random statistics", arguments: RandomData.seeds)
  func randomReference(seed: UInt64) throws {
    let dims = RandomData.shape(rank: 4, dimensions: 1...5, seed: seed)
    let channels = dims[1]
    let norm = try BatchNorm(
      gamma: RandomData.tensor(shape: [channels], seed: seed &+ 1, in: -2...2),
      beta: RandomData.tensor(shape: [channels], seed: seed &+ 2),
      runningMean: RandomData.tensor(shape: [channels], seed: seed &+ 3),
      runningVariance: RandomData.tensor(shape: [channels], seed: seed &+ 4, in: 0.1...3),
      epsilon: 1e-3)
    let images = RandomData.tensor(shape: dims, seed: seed &+ 5, in: -4...4)
    expectClose(try norm.forward(images), Reference.batchNorm(images, norm), tolerance: 1e-5)
    let vectors = RandomData.tensor(shape: [dims[0], channels], seed: seed &+ 6, in: -4...4)
    expectClose(try norm.forward(vectors), Reference.batchNorm(vectors, norm), tolerance: 1e-5)
  }

  @Test("init(channels:) starts from γ = 1, β = 0, mean 0, variance 1")
  func defaults() throws {
    let norm = try BatchNorm(channels: 3)
    #expect(norm.gamma == Tensor([1, 1, 1]))
    #expect(norm.beta == Tensor([0, 0, 0]))
    #expect(norm.runningMean == Tensor([0, 0, 0]))
    #expect(norm.runningVariance == Tensor([1, 1, 1]))
  }

  @Test("Mismatched vectors, bad statistics and bad inputs throw the exact error")
  func badInput() throws {
    #expect(throws: PruningError.shapeMismatch(expected: [2], actual: [3])) {
      try BatchNorm(
        gamma: Tensor([1, 1]), beta: Tensor([0, 0]), runningMean: Tensor([0, 0, 0]),
        runningVariance: Tensor([1, 1]))
    }
    #expect(throws: PruningError.rankMismatch(expected: 1, actual: [1, 2])) {
      try BatchNorm(
        gamma: Tensor(zeros: [1, 2]), beta: Tensor([0, 0]), runningMean: Tensor([0, 0]),
        runningVariance: Tensor([1, 1]))
    }
    #expect(
      throws: PruningError.invalidArgument(
        "running variance must not be negative, got -1.0 at channel 1")
    ) {
      try BatchNorm(
        gamma: Tensor([1, 1]), beta: Tensor([0, 0]), runningMean: Tensor([0, 0]),
        runningVariance: Tensor([1, -1]))
    }
    #expect(
      throws: PruningError.invalidArgument("epsilon must be finite and not negative, got -0.1")
    ) {
      try BatchNorm(
        gamma: Tensor([1]), beta: Tensor([0]), runningMean: Tensor([0]),
        runningVariance: Tensor([1]), epsilon: -0.1)
    }
    #expect(throws: PruningError.invalidArgument("channels must not be negative, got -2")) {
      try BatchNorm(channels: -2)
    }
    let norm = try BatchNorm(channels: 2)
    #expect(throws: PruningError.shapeMismatch(expected: [1, 2, 3, 3], actual: [1, 3, 3, 3])) {
      try norm.forward(Tensor(zeros: [1, 3, 3, 3]))
    }
    #expect(throws: PruningError.rankMismatch(expected: 4, actual: [1, 2, 3])) {
      try norm.forward(Tensor(zeros: [1, 2, 3]))
    }
  }
}

@Suite("Parameter-free layers")
struct ParameterFreeLayerTests {
  @Test("ReLU zeroes the negatives and keeps the shape")
  func relu() throws {
    let x = try Tensor(rows: [[-1, 0, 2], [3, -0.5, 0.25]])
    let y = try Layer.relu.forward(x)
    expectClose(y, try Tensor(rows: [[0, 0, 2], [3, 0, 0.25]]))
  }

  @Test("Flatten keeps the batch and puts channel c at features c·H·W ..< (c+1)·H·W")
  func flattenOrder() throws {
    let x = try Tensor(shape: [2, 3, 2, 2], scalars: (0..<24).map { Float($0) })
    let y = try Layer.flatten.forward(x)
    #expect(y.shape == [2, 12])
    for b in 0..<2 {
      for c in 0..<3 {
        for i in 0..<2 {
          for j in 0..<2 {
            #expect(y[b, c * 4 + i * 2 + j] == x[b, c, i, j])
          }
        }
      }
    }
  }

  @Test("Flatten leaves a matrix as it is and rejects a vector")
  func flattenEdges() throws {
    let matrix = try Tensor(rows: [[1, 2], [3, 4]])
    #expect(try Layer.flatten.forward(matrix) == matrix)
    #expect(throws: PruningError.rankMismatch(expected: 2, actual: [4])) {
      try Layer.flatten.forward(Tensor([1, 2, 3, 4]))
    }
  }

  @Test("Each layer case forwards to its wrapped layer")
  func wrappedCases() throws {
    var generator = SplitMix64(seed: 4)
    let dense = try Dense(inputSize: 3, outputSize: 2, using: &generator)
    let x = RandomData.tensor(shape: [2, 3], seed: 4)
    #expect(try Layer.dense(dense).forward(x) == dense.forward(x))
    let conv = try Conv2D(inputChannels: 2, outputChannels: 2, kernelSize: 2, using: &generator)
    let image = RandomData.tensor(shape: [1, 2, 3, 3], seed: 5)
    #expect(try Layer.conv2D(conv).forward(image) == conv.forward(image))
    let norm = try BatchNorm(channels: 2)
    #expect(try Layer.batchNorm(norm).forward(image) == norm.forward(image))
  }

  @Test("A layer's parameters are weight and bias, or γ and β; the running statistics are not")
  func parameters() throws {
    var generator = SplitMix64(seed: 8)
    let dense = try Dense(inputSize: 3, outputSize: 2, using: &generator)
    let denseParameters = Layer.dense(dense).parameters
    #expect(denseParameters == [dense.weight, dense.bias])
    let conv = try Conv2D(inputChannels: 2, outputChannels: 3, kernelSize: 2, using: &generator)
    let convParameters = Layer.conv2D(conv).parameters
    #expect(convParameters == [conv.weight, conv.bias])
    let norm = try BatchNorm(
      gamma: Tensor([2, 1]), beta: Tensor([1, 0]), runningMean: Tensor([3, -1]),
      runningVariance: Tensor([4, 9]))
    let normParameters = Layer.batchNorm(norm).parameters
    #expect(normParameters == [norm.gamma, norm.beta])
    #expect(Layer.relu.parameters.isEmpty)
    #expect(Layer.flatten.parameters.isEmpty)
  }
}

@Suite("Sequential model")
struct SequentialTests {
  func convNet(seed: UInt64) throws -> Sequential {
    var generator = SplitMix64(seed: seed)
    return Sequential([
      .conv2D(
        try Conv2D(
          inputChannels: 1, outputChannels: 4, kernelSize: 3, padding: 1, using: &generator)),
      .batchNorm(try BatchNorm(channels: 4)),
      .relu,
      .conv2D(
        try Conv2D(
          inputChannels: 4, outputChannels: 3, kernelSize: 3, stride: 2, using: &generator)),
      .relu,
      .flatten,
      .dense(try Dense(inputSize: 3 * 2 * 2, outputSize: 5, using: &generator)),
    ])
  }

  @Test("Forward runs the layers in order")
  func composition() throws {
    let model = try convNet(seed: 1)
    let x = RandomData.tensor(shape: [2, 1, 6, 6], seed: 2)
    var expected = x
    for layer in model.layers {
      expected = try layer.forward(expected)
    }
    #expect(try model.forward(x) == expected)
    #expect(expected.shape == [2, 5])
  }

  @Test("An MLP's output matches naive loops", arguments: RandomData.seeds)
  func mlpReference(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let first = try Dense(inputSize: 5, outputSize: 7, using: &generator)
    let second = try Dense(inputSize: 7, outputSize: 3, using: &generator)
    let model = Sequential([.dense(first), .relu, .dense(second)])
    let x = RandomData.tensor(shape: [4, 5], seed: seed &+ 1, in: -2...2)
    let hidden = Reference.dense(x, weight: first.weight, bias: first.bias).map { max(0, $0) }
    let expected = Reference.dense(hidden, weight: second.weight, bias: second.bias)
    expectClose(try model.forward(x), expected, tolerance: 1e-4)
  }

  @Test("Activation shapes trace every layer's output without running it")
  func activationShapes() throws {
    let model = try convNet(seed: 3)
    let shapes = try model.activationShapes(forInput: [2, 1, 6, 6])
    #expect(
      shapes == [
        [2, 4, 6, 6], [2, 4, 6, 6], [2, 4, 6, 6], [2, 3, 2, 2], [2, 3, 2, 2], [2, 12], [2, 5],
      ])
    var activation = RandomData.tensor(shape: [2, 1, 6, 6], seed: 4)
    for (layer, shape) in zip(model.layers, shapes) {
      activation = try layer.forward(activation)
      #expect(activation.shape == shape)
    }
  }

  @Test("An empty model is the identity")
  func empty() throws {
    let model = Sequential([])
    let x = RandomData.tensor(shape: [2, 3], seed: 1)
    #expect(try model.forward(x) == x)
    #expect(try model.activationShapes(forInput: [2, 3]) == [])
  }

  @Test("A layer that cannot take its input throws the same error in forward and in tracing")
  func mismatch() throws {
    var generator = SplitMix64(seed: 5)
    let model = Sequential([
      .dense(try Dense(inputSize: 4, outputSize: 6, using: &generator)),
      .relu,
      .dense(try Dense(inputSize: 5, outputSize: 2, using: &generator)),
    ])
    let error = PruningError.shapeMismatch(expected: [3, 5], actual: [3, 6])
    #expect(throws: error) { try model.forward(Tensor(zeros: [3, 4])) }
    #expect(throws: error) { try model.activationShapes(forInput: [3, 4]) }
    #expect(throws: PruningError.invalidShape(shape: [-1, 4], scalarCount: 0)) {
      try model.activationShapes(forInput: [-1, 4])
    }
  }

  @Test("Layers are values: editing a copy leaves the model unchanged")
  func valueSemantics() throws {
    let model = try convNet(seed: 6)
    var copy = model
    copy.layers.removeLast()
    #expect(model.layers.count == 7)
    #expect(copy.layers.count == 6)
    #expect(copy != model)
  }
}
