/// One step of a ``Sequential`` model: a layer with weights, or a parameter-free operation.
///
/// ```swift
/// var generator = SplitMix64(seed: 7)
/// let layers: [Layer] = [
///   .conv2D(try Conv2D(inputChannels: 1, outputChannels: 4, kernelSize: 3, using: &generator)),
///   .batchNorm(try BatchNorm(channels: 4)),
///   .relu,
///   .flatten,
///   .dense(try Dense(inputSize: 4 * 6 * 6, outputSize: 10, using: &generator)),
/// ]
/// ```
public enum Layer: Hashable, Sendable {
  /// A fully connected layer, `[batch, in] → [batch, out]`.
  case dense(Dense)
  /// A convolution, `[batch, in, H, W] → [batch, out, Ho, Wo]`.
  case conv2D(Conv2D)
  /// Batch normalisation in inference mode; keeps the shape.
  case batchNorm(BatchNorm)
  /// `max(0, x)` element by element; keeps the shape.
  case relu
  /// Keeps the batch dimension and flattens the rest row-major, as PyTorch's `nn.Flatten()`:
  /// `[batch, C, H, W] → [batch, C·H·W]`, so channel `c` becomes features `c·H·W ..< (c+1)·H·W`.
  case flatten

  /// The layer's trainable tensors, in the order PyTorch's `module.parameters()` lists them.
  ///
  /// A `Dense` or `Conv2D` layer has its weight and bias, a `BatchNorm` its γ and β (the
  /// running mean and variance are buffers, not parameters), `relu` and `flatten` none.
  ///
  /// ```swift
  /// Layer.batchNorm(try BatchNorm(channels: 4)).parameters.map(\.count)   // [4, 4]
  /// ```
  ///
  /// - Complexity: O(1): the tensors share their storage with the layer.
  public var parameters: [Tensor] {
    switch self {
    case .dense(let dense): return [dense.weight, dense.bias]
    case .conv2D(let conv): return [conv.weight, conv.bias]
    case .batchNorm(let norm): return [norm.gamma, norm.beta]
    case .relu, .flatten: return []
    }
  }

  /// Applies the layer to a batch.
  ///
  /// - Parameter input: The batch, batch dimension first, in the shape the layer expects.
  /// - Returns: The layer's output.
  /// - Throws: The shape errors of the wrapped layer's `forward`; for ``flatten``,
  ///   `PruningError.rankMismatch` when the input has rank below 2.
  public func forward(_ input: Tensor) throws(PruningError) -> Tensor {
    switch self {
    case .dense(let dense): return try dense.forward(input)
    case .conv2D(let conv): return try conv.forward(input)
    case .batchNorm(let norm): return try norm.forward(input)
    case .relu: return input.map { max(0, $0) }
    case .flatten: return try input.reshaped(to: outputShape(forInput: input.shape))
    }
  }

  /// The shape ``forward(_:)`` returns for an input shape, without computing anything.
  ///
  /// - Parameter shape: The input's shape.
  /// - Returns: The output's shape.
  /// - Throws: The errors of ``forward(_:)``.
  func outputShape(forInput shape: [Int]) throws(PruningError) -> [Int] {
    switch self {
    case .dense(let dense): return try dense.outputShape(forInput: shape)
    case .conv2D(let conv): return try conv.outputShape(forInput: shape)
    case .batchNorm(let norm): return try norm.outputShape(forInput: shape)
    case .relu: return shape
    case .flatten:
      guard shape.count >= 2 else { throw .rankMismatch(expected: 2, actual: shape) }
      return [shape[0], shape.dropFirst().reduce(1, *)]
    }
  }
}
