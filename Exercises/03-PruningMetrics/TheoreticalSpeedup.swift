import PruningCore

/// The multiply-accumulates left if every multiplication by a zero weight were skipped.
///
/// ShrinkBench's "nonzero FLOPs": each layer's MACs (``macs(of:inputShape:)``) scaled by the
/// density of its weight tensor, non-zero weights ÷ weights, summed over the layers. Only the
/// weight tensor counts, since biases add no MACs; a layer with an empty weight tensor adds 0.
///
/// ```swift
/// // Dense 4 → 4 with 4 of its 16 weights non-zero, then a dense Dense 4 → 2:
/// try effectiveMACs(of: model, inputShape: [1, 4])   // 16 · 0.25 + 8 · 1 = 12
/// ```
///
/// - Parameters:
///   - model: The model.
///   - inputShape: The model's input shape, batch dimension first.
/// - Returns: The density-weighted MACs for one example, in `0...macs`.
/// - Throws: The errors of ``macs(of:inputShape:)``.
/// - Complexity: O(*p*) for *p* parameters.
public func effectiveMACs(of model: Sequential, inputShape: [Int]) throws(PruningError) -> Double {
  // TODO: Scale each Dense and Conv2D layer's MACs by the density of its weight tensor and add them
  // up.
  throw .notImplemented("effectiveMACs(of:inputShape:)")
}

/// The speedup a model's zeros would give if every zero weight cost nothing: dense MACs ÷
/// effective MACs.
///
/// ShrinkBench's theoretical speedup. It is an upper bound for unstructured sparsity: dense
/// hardware multiplies the zeros anyway, and sparse kernels pay for indices and irregular
/// access. Layers left dense limit it (Amdahl's law): pruning one layer to 25 % density does
/// not make the model 4× faster.
///
/// ```swift
/// // Dense 4 → 4 at 25 % density (16 MACs), then a dense Dense 4 → 2 (8 MACs):
/// try theoreticalSpeedup(of: model, inputShape: [1, 4])   // 24 / (4 + 8) = 2
/// ```
///
/// - Parameters:
///   - model: The model.
///   - inputShape: The model's input shape, batch dimension first.
/// - Returns: Dense MACs ÷ effective MACs, at least 1; `Double.infinity` when every weight of
///   every `Dense` and `Conv2D` layer is zero.
/// - Throws: `PruningError.emptyInput("multiply-accumulates")` when the model has no MACs at
///   all (no `Dense` or `Conv2D` layer, or only empty ones); the errors of
///   ``macs(of:inputShape:)``.
/// - Complexity: O(*p*) for *p* parameters.
public func theoreticalSpeedup(
  of model: Sequential,
  inputShape: [Int]
) throws(PruningError) -> Double {
  // TODO: Dense MACs ÷ effective MACs; a model without MACs throws.
  throw .notImplemented("theoreticalSpeedup(of:inputShape:)")
}
