/// A model that applies its layers in order, as PyTorch's `nn.Sequential`.
///
/// ```swift
/// var generator = SplitMix64(seed: 1)
/// let model = Sequential([
///   .dense(try Dense(inputSize: 4, outputSize: 8, using: &generator)),
///   .relu,
///   .dense(try Dense(inputSize: 8, outputSize: 3, using: &generator)),
/// ])
/// try model.activationShapes(forInput: [2, 4])   // [[2, 8], [2, 8], [2, 3]]
/// try model.forward(Tensor(zeros: [2, 4]))       // shape [2, 3]
/// ```
public struct Sequential: Hashable, Sendable {
  /// The layers, applied first to last.
  public var layers: [Layer]

  /// Creates a model from its layers.
  ///
  /// Shapes are checked when the model runs (``forward(_:)``) or is traced
  /// (``activationShapes(forInput:)``), since they depend on the input.
  ///
  /// - Parameter layers: The layers, first to last; may be empty (the identity).
  public init(_ layers: [Layer]) {
    self.layers = layers
  }

  /// Runs a batch through every layer.
  ///
  /// - Parameter input: The batch, batch dimension first.
  /// - Returns: The last layer's output (the input itself for an empty model).
  /// - Throws: The first shape error a layer raises.
  public func forward(_ input: Tensor) throws(PruningError) -> Tensor {
    var activation = input
    for layer in layers {
      activation = try layer.forward(activation)
    }
    return activation
  }

  /// The shape of the activation after each layer, traced without computing anything.
  ///
  /// - Parameter shape: The input's shape, batch dimension first.
  /// - Returns: One shape per layer: element `i` is the shape layer `i` outputs.
  /// - Throws: The shape error the layer that cannot take its input would raise in
  ///   ``forward(_:)``; `PruningError.invalidShape` for a negative dimension.
  public func activationShapes(forInput shape: [Int]) throws(PruningError) -> [[Int]] {
    guard shape.allSatisfy({ $0 >= 0 }) else {
      throw .invalidShape(shape: shape, scalarCount: 0)
    }
    var current = shape
    var shapes: [[Int]] = []
    for layer in layers {
      current = try layer.outputShape(forInput: current)
      shapes.append(current)
    }
    return shapes
  }
}
