import PruningCore

/// The fraction of a layer's trainable parameters that are zero.
///
/// Zeros ÷ parameters, counting zeros that were there before pruning (a zero bias, β = 0), as
/// ShrinkBench counts `model.parameters()`. A layer without parameters has sparsity 0.
///
/// ```swift
/// let dense = try Dense(
///   weight: Tensor(rows: [[0.5, 0, -1], [0, 0, 2]]), bias: Tensor([0, 1]))
/// try sparsity(of: .dense(dense))   // 0.5 (4 zeros of 8, one of them the bias)
/// ```
///
/// - Parameter layer: The layer.
/// - Returns: Zeros ÷ parameters, in `0...1`.
/// - Throws: The errors of ``parameterCount(of:)``.
/// - Complexity: O(*p*) for *p* parameters.
public func sparsity(of layer: Layer) throws(PruningError) -> Double {
  // TODO: Zeros ÷ parameters from the layer's parameter count (0 when it has none).
  throw .notImplemented("sparsity(of:)")
}

/// The fraction of a model's trainable parameters that are zero.
///
/// All zeros ÷ all parameters, pooled over the layers: a big layer weighs more than a small one.
/// This is not the mean of the layers' sparsities.
///
/// ```swift
/// // Layer A: 10 parameters, 9 zero. Layer B: 90 parameters, none zero.
/// // Model sparsity: 9 / 100 = 0.09 (the mean of 0.9 and 0 would say 0.45).
/// ```
///
/// - Parameter model: The model.
/// - Returns: Zeros ÷ parameters, in `0...1`; 0 for a model without parameters.
/// - Throws: The errors of ``parameterCount(of:)``.
/// - Complexity: O(*p*) for *p* parameters.
public func sparsity(of model: Sequential) throws(PruningError) -> Double {
  // TODO: Pool the zeros and the parameters over all layers, then divide once.
  throw .notImplemented("sparsity(of:)")
}

/// The compression ratio ShrinkBench reports: total parameters ÷ non-zero parameters.
///
/// A model with 90 % of its parameters zero has ratio 10. It counts parameters, not bytes:
/// storing the survivors sparsely costs index bytes too (see ``modelSize(of:format:)``).
///
/// ```swift
/// let dense = try Dense(
///   weight: Tensor(rows: [[0.5, 0, -1], [0, 0, 2]]), bias: Tensor([0, 1]))
/// try compressionRatio(of: Sequential([.dense(dense)]))   // 8 / 4 = 2
/// ```
///
/// - Parameter model: The model.
/// - Returns: Total ÷ non-zero, at least 1; `Double.infinity` when every parameter is zero.
/// - Throws: `PruningError.emptyInput("parameters")` when the model has no parameters; the
///   errors of ``parameterCount(of:)``.
/// - Complexity: O(*p*) for *p* parameters.
public func compressionRatio(of model: Sequential) throws(PruningError) -> Double {
  // TODO: Total ÷ non-zero parameters, in Double; a model without parameters throws.
  throw .notImplemented("compressionRatio(of:)")
}
