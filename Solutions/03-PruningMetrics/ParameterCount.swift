import PruningCore

/// How many trainable parameters a layer or a model has, and how many of them are not zero.
///
/// A plain pair of numbers; the functions of this exercise fill it in.
public struct ParameterCount: Hashable, Sendable {
  /// Every trainable parameter, zero or not.
  public var total: Int

  /// The parameters that are not zero (NaN and infinities count as non-zero).
  public var nonZero: Int

  /// Creates a count.
  ///
  /// - Parameters:
  ///   - total: Every trainable parameter.
  ///   - nonZero: The parameters that are not zero.
  public init(total: Int, nonZero: Int) {
    self.total = total
    self.nonZero = nonZero
  }
}

/// Counts a layer's trainable parameters and those that are not zero.
///
/// The conventions PyTorch's `sum(p.numel() for p in model.parameters())` follows:
///
/// | layer | parameters |
/// |---|---|
/// | `Dense` (`nn.Linear`) | `in · out + out` (weight and bias) |
/// | `Conv2D` (`nn.Conv2d`, groups 1) | `Cout · Cin · kh · kw + Cout` |
/// | `BatchNorm` | `2 · C` (γ and β; the running mean and variance are buffers, not parameters) |
/// | `relu`, `flatten` | 0 |
///
/// A zero that was there before pruning (a zero bias, β = 0) is a zero like any other. `-0.0`
/// is zero; NaN and infinities are not.
///
/// ```swift
/// let dense = try Dense(
///   weight: Tensor(rows: [[0.5, 0, -1], [0, 0, 2]]), bias: Tensor([0, 1]))
/// try parameterCount(of: .dense(dense))   // total 8 (3 · 2 + 2), nonZero 4
/// try parameterCount(of: .batchNorm(BatchNorm(channels: 4)))   // total 8, nonZero 4 (β = 0)
/// ```
///
/// - Parameter layer: The layer.
/// - Returns: Its total and non-zero trainable parameters.
/// - Throws: No error for any layer (its stored tensors are counted as they are); it throws
///   only so that the stub can report `PruningError.notImplemented`.
/// - Complexity: O(*p*) for *p* parameters.
public func parameterCount(of layer: Layer) throws(PruningError) -> ParameterCount {
  var count = ParameterCount(total: 0, nonZero: 0)
  for tensor in layer.parameters {
    count.total += tensor.count
    count.nonZero += tensor.scalars.reduce(0) { $0 + ($1 != 0 ? 1 : 0) }
  }
  return count
}

/// Counts a model's trainable parameters and those that are not zero: the sum over its layers.
///
/// ```swift
/// var generator = SplitMix64(seed: 1)
/// let model = Sequential([
///   .dense(try Dense(inputSize: 64, outputSize: 32, using: &generator)), .relu,
///   .dense(try Dense(inputSize: 32, outputSize: 10, using: &generator)),
/// ])
/// try parameterCount(of: model).total   // 64 · 32 + 32 + 32 · 10 + 10 = 2410
/// ```
///
/// - Parameter model: The model.
/// - Returns: The totals over every layer (0 and 0 for a model without layers).
/// - Throws: The errors of ``parameterCount(of:)``.
/// - Complexity: O(*p*) for *p* parameters.
public func parameterCount(of model: Sequential) throws(PruningError) -> ParameterCount {
  var count = ParameterCount(total: 0, nonZero: 0)
  for layer in model.layers {
    let layerCount = try parameterCount(of: layer)
    count.total += layerCount.total
    count.nonZero += layerCount.nonZero
  }
  return count
}
