/// An affine layer `y = W x + b` of the language model, `W` stored `[outputs, inputs]`.
///
/// The layout of PyTorch's `nn.Linear` and of ``Dense``: row `i` of ``weight`` holds output
/// `i`'s incoming weights.
public struct Linear: Hashable, Sendable {
  /// The weights, `[outputs, inputs]`.
  public var weight: Tensor

  /// The biases, `[outputs]`.
  public var bias: Tensor

  /// Creates a layer from its weights and biases.
  ///
  /// - Parameters:
  ///   - weight: The weights, `[outputs, inputs]`.
  ///   - bias: The biases, `[outputs]`.
  /// - Throws: `PruningError.rankMismatch` when `weight` is not 2-D;
  ///   `PruningError.shapeMismatch` when `bias` is not `[outputs]`.
  public init(weight: Tensor, bias: Tensor) throws(PruningError) {
    guard weight.rank == 2 else { throw .rankMismatch(expected: 2, actual: weight.shape) }
    guard bias.shape == [weight.shape[0]] else {
      throw .shapeMismatch(expected: [weight.shape[0]], actual: bias.shape)
    }
    self.weight = weight
    self.bias = bias
  }

  /// Creates a layer with normally distributed weights and zero biases.
  ///
  /// - Parameters:
  ///   - inputs: The input width.
  ///   - outputs: The output width.
  ///   - standardDeviation: The spread of the initial weights.
  ///   - generator: The seeded generator.
  /// - Throws: `PruningError.invalidShape` when a width is negative.
  init(
    inputs: Int, outputs: Int, standardDeviation: Float, using generator: inout SplitMix64
  ) throws(PruningError) {
    weight = try Tensor.randomNormal(
      shape: [outputs, inputs], standardDeviation: standardDeviation, using: &generator)
    bias = try Tensor(zeros: [outputs])
  }

  /// The input width, `weight.shape[1]`.
  public var inputs: Int { weight.rank == 2 ? weight.shape[1] : 0 }

  /// The output width, `weight.shape[0]`.
  public var outputs: Int { weight.rank == 2 ? weight.shape[0] : 0 }
}
