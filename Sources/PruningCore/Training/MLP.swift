/// A multilayer perceptron: ``Dense`` layers with a ReLU between each pair, logits out.
///
/// `x → Dense → ReLU → Dense → … → Dense → logits`. The kit's digits classifier is
/// `64 → 128 → 10` (``DigitsBaseline/sizes``). Training (``MLP/lossAndGradients(features:labels:)``,
/// ``SGD``, ``MLP/train(on:configuration:afterStep:afterEpoch:)``) works on any sizes.
///
/// ```swift
/// var generator = SplitMix64(seed: 1)
/// let model = try MLP(sizes: [64, 128, 10], using: &generator)
/// model.weights.map(\.shape)     // [[128, 64], [10, 128]]
/// try model.logits(for: Tensor(zeros: [5, 64])).shape   // [5, 10]
/// ```
public struct MLP: Hashable, Sendable {
  /// The layers, input side first; `layers[i].outputSize == layers[i + 1].inputSize`.
  public private(set) var layers: [Dense]

  /// Creates a model from its layers.
  ///
  /// - Parameter layers: At least one layer; each layer's output size is the next one's input
  ///   size.
  /// - Throws: `PruningError.emptyInput("layers")` for no layer; `PruningError.shapeMismatch`
  ///   (expected `[out]`, actual `[in]`) where two neighbours do not chain.
  public init(layers: [Dense]) throws(PruningError) {
    guard !layers.isEmpty else { throw .emptyInput("layers") }
    for (left, right) in zip(layers, layers.dropFirst()) where left.outputSize != right.inputSize {
      throw .shapeMismatch(expected: [left.outputSize], actual: [right.inputSize])
    }
    self.layers = layers
  }

  /// Creates a model with seeded random layers (PyTorch's `nn.Linear` initialisation).
  ///
  /// - Parameters:
  ///   - sizes: The width of the input, of each hidden layer and of the output; at least two
  ///     sizes, each at least 1.
  ///   - generator: The seeded generator; layers draw from it input side first.
  /// - Throws: `PruningError.invalidArgument` for fewer than two sizes or a size below 1.
  public init(sizes: [Int], using generator: inout SplitMix64) throws(PruningError) {
    guard sizes.count >= 2 else {
      throw .invalidArgument("an MLP needs at least an input and an output size, got \(sizes)")
    }
    var layers: [Dense] = []
    for (inputs, outputs) in zip(sizes, sizes.dropFirst()) {
      layers.append(try Dense(inputSize: inputs, outputSize: outputs, using: &generator))
    }
    try self.init(layers: layers)
  }

  /// The input width, the hidden widths and the output width.
  public var sizes: [Int] { [layers[0].inputSize] + layers.map(\.outputSize) }

  /// The number of inputs.
  public var inputSize: Int { layers[0].inputSize }

  /// The number of outputs (classes).
  public var outputSize: Int { layers[layers.count - 1].outputSize }

  /// Each layer's weight matrix, `[out, in]`, input side first: what weight pruning prunes.
  public var weights: [Tensor] { layers.map(\.weight) }

  /// Each layer's bias vector, `[out]`.
  public var biases: [Tensor] { layers.map(\.bias) }

  /// Replaces every layer's weights, keeping the biases.
  ///
  /// - Parameter newWeights: One tensor per layer, each of the old one's shape.
  /// - Throws: `PruningError.shapeMismatch` when the count or a shape differs (for the count:
  ///   expected `[layers.count]`, actual `[newWeights.count]`).
  public mutating func setWeights(_ newWeights: [Tensor]) throws(PruningError) {
    try replace(\.weight, with: newWeights)
  }

  /// Replaces every layer's biases, keeping the weights.
  ///
  /// - Parameter newBiases: One tensor per layer, each of the old one's shape.
  /// - Throws: `PruningError.shapeMismatch` when the count or a shape differs.
  public mutating func setBiases(_ newBiases: [Tensor]) throws(PruningError) {
    try replace(\.bias, with: newBiases)
  }

  /// Replaces one parameter of every layer, after checking all the new values, so a mismatch
  /// leaves the model as it was.
  ///
  /// - Parameters:
  ///   - parameter: The layer's tensor to replace, `\.weight` or `\.bias`.
  ///   - values: One tensor per layer, each of the old one's shape.
  /// - Throws: `PruningError.shapeMismatch` when the count (expected `[layers.count]`, actual
  ///   `[values.count]`) or a shape differs.
  /// - Complexity: O(*n*) for *n* layers.
  private mutating func replace(
    _ parameter: WritableKeyPath<Dense, Tensor>, with values: [Tensor]
  ) throws(PruningError) {
    guard values.count == layers.count else {
      throw .shapeMismatch(expected: [layers.count], actual: [values.count])
    }
    for (layer, value) in zip(layers, values) where layer[keyPath: parameter].shape != value.shape {
      throw .shapeMismatch(expected: layer[keyPath: parameter].shape, actual: value.shape)
    }
    for index in layers.indices {
      layers[index][keyPath: parameter] = values[index]
    }
  }

  /// The same network as a ``Sequential`` (`dense, relu, dense, …`), for the layer-level tools.
  public var sequential: Sequential {
    var result: [Layer] = []
    for (index, layer) in layers.enumerated() {
      if index > 0 { result.append(.relu) }
      result.append(.dense(layer))
    }
    return Sequential(result)
  }

  /// The raw class scores for a batch.
  ///
  /// The same numbers as ``sequential``'s `forward`, computed by the training kernels.
  ///
  /// - Parameter features: The inputs, `[batch, inputSize]`.
  /// - Returns: The logits, `[batch, outputSize]`.
  /// - Throws: `PruningError.rankMismatch` or `PruningError.shapeMismatch` for an input of the
  ///   wrong shape.
  /// - Complexity: O(*batch* · Σ *in* · *out*).
  public func logits(for features: Tensor) throws(PruningError) -> Tensor {
    let batch = try checkInput(features)
    let activations = forwardPass(features.scalars, batch: batch)
    return try Tensor(shape: [batch, outputSize], scalars: activations[activations.count - 1])
  }

  /// The batch size of a valid input.
  func checkInput(_ features: Tensor) throws(PruningError) -> Int {
    guard features.rank == 2 else { throw .rankMismatch(expected: 2, actual: features.shape) }
    guard features.shape[1] == inputSize else {
      throw .shapeMismatch(expected: [features.shape[0], inputSize], actual: features.shape)
    }
    return features.shape[0]
  }

  /// Every activation of a forward pass: the input, each hidden layer after its ReLU, and the
  /// logits (no ReLU), row-major `[batch, width]` each.
  func forwardPass(_ input: [Float], batch: Int) -> [[Float]] {
    var activations = [input]
    for (index, layer) in layers.enumerated() {
      var output = Kernels.affine(
        activations[index], batch: batch, weight: layer.weight.scalars, bias: layer.bias.scalars,
        inputs: layer.inputSize, outputs: layer.outputSize)
      if index < layers.count - 1 {
        Kernels.reluInPlace(&output)
      }
      activations.append(output)
    }
    return activations
  }
}
