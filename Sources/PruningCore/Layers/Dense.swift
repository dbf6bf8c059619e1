/// A fully connected layer, `y = x·Wᵀ + b`, laid out as PyTorch's `nn.Linear`.
///
/// The weight is `[out, in]`: row `j` holds the incoming weights of output unit `j`, so
/// removing a unit means removing a row of `weight` and an entry of `bias` (and the matching
/// column of the next layer's weight).
///
/// ```swift
/// let layer = try Dense(
///   weight: Tensor(rows: [[1, 2], [0, -1], [3, 0]]),   // 3 outputs, 2 inputs
///   bias: Tensor([0.5, 0, -1]))
/// try layer.forward(Tensor(rows: [[1, 1]]))             // [[3.5, -1, 2]]
/// ```
///
/// The stored properties are mutable so pruning code can edit weights in place; ``forward(_:)``
/// checks them again before it computes, so an inconsistent edit throws rather than traps.
/// Weights are not checked for NaN or infinity here: pruning functions do that.
public struct Dense: Hashable, Sendable {
  /// The weights, `[out, in]`.
  public var weight: Tensor

  /// The biases, `[out]`.
  public var bias: Tensor

  /// Creates a layer from its weight and bias.
  ///
  /// - Parameters:
  ///   - weight: The weights, `[out, in]`; either size may be 0.
  ///   - bias: The biases, `[out]`.
  /// - Throws: `PruningError.rankMismatch` when `weight` is not rank 2;
  ///   `PruningError.shapeMismatch` when `bias` is not `[out]`.
  public init(weight: Tensor, bias: Tensor) throws(PruningError) {
    try Self.validate(weight: weight, bias: bias)
    self.weight = weight
    self.bias = bias
  }

  /// Creates a layer with seeded random weights, as PyTorch initialises `nn.Linear`.
  ///
  /// Every weight and bias is uniform in `[−1/√in, 1/√in]` (Kaiming-uniform with `a = √5`,
  /// PyTorch's default). The weights are drawn first, row-major, then the biases, so a seed
  /// fixes the layer on every platform.
  ///
  /// - Parameters:
  ///   - inputSize: The number of inputs, at least 1.
  ///   - outputSize: The number of outputs, at least 1.
  ///   - generator: The seeded generator to draw from.
  /// - Throws: `PruningError.invalidArgument` when a size is below 1.
  public init(
    inputSize: Int,
    outputSize: Int,
    using generator: inout SplitMix64
  ) throws(PruningError) {
    guard inputSize >= 1 else {
      throw .invalidArgument("inputSize must be at least 1, got \(inputSize)")
    }
    guard outputSize >= 1 else {
      throw .invalidArgument("outputSize must be at least 1, got \(outputSize)")
    }
    let bound = 1 / Float(inputSize).squareRoot()
    let weight = try Tensor.random(
      shape: [outputSize, inputSize], in: -bound...bound, using: &generator)
    let bias = try Tensor.random(shape: [outputSize], in: -bound...bound, using: &generator)
    try self.init(weight: weight, bias: bias)
  }

  /// The number of inputs, `weight.shape[1]`.
  public var inputSize: Int { weight.rank == 2 ? weight.shape[1] : 0 }

  /// The number of outputs, `weight.shape[0]`.
  public var outputSize: Int { weight.rank == 2 ? weight.shape[0] : 0 }

  /// Applies the layer to a batch: `y[b, j] = Σᵢ x[b, i]·W[j, i] + bias[j]`.
  ///
  /// - Parameter input: The inputs, `[batch, in]`.
  /// - Returns: The outputs, `[batch, out]`.
  /// - Throws: `PruningError.rankMismatch` when `input` is not rank 2;
  ///   `PruningError.shapeMismatch` when its second dimension is not `inputSize` (or when
  ///   `weight` and `bias` were edited into disagreement).
  /// - Complexity: O(*batch* · *in* · *out*).
  public func forward(_ input: Tensor) throws(PruningError) -> Tensor {
    let outputShape = try outputShape(forInput: input.shape)
    let batch = outputShape[0]
    let (inputs, outputs) = (inputSize, outputSize)
    var y = [Float](repeating: 0, count: batch * outputs)
    input.scalars.withUnsafeBufferPointer { x in
      weight.scalars.withUnsafeBufferPointer { w in
        for row in 0..<batch {
          for unit in 0..<outputs {
            var sum: Float = 0
            for i in 0..<inputs {
              sum += x[row * inputs + i] * w[unit * inputs + i]
            }
            y[row * outputs + unit] = sum + bias.scalars[unit]
          }
        }
      }
    }
    return try Tensor(shape: outputShape, scalars: y)
  }

  /// The shape `forward` returns for an input shape, after checking the input and the layer.
  ///
  /// - Parameter shape: The input's shape, `[batch, in]`.
  /// - Returns: `[batch, out]`.
  /// - Throws: The errors of ``forward(_:)``.
  func outputShape(forInput shape: [Int]) throws(PruningError) -> [Int] {
    try Self.validate(weight: weight, bias: bias)
    guard shape.count == 2 else { throw .rankMismatch(expected: 2, actual: shape) }
    guard shape[1] == inputSize else {
      throw .shapeMismatch(expected: [shape[0], inputSize], actual: shape)
    }
    return [shape[0], outputSize]
  }

  private static func validate(weight: Tensor, bias: Tensor) throws(PruningError) {
    guard weight.rank == 2 else { throw .rankMismatch(expected: 2, actual: weight.shape) }
    guard bias.shape == [weight.shape[0]] else {
      throw .shapeMismatch(expected: [weight.shape[0]], actual: bias.shape)
    }
  }
}
