import PruningCore

/// Prunes one linear layer with a method, given the inputs that reach it.
///
/// - `.magnitude`: ``rowMagnitudeMask(_:pattern:)``; the inputs are not used.
/// - `.wanda`: ``wandaMask(_:inputNorms:pattern:)`` with ``inputNorms(_:)`` of the inputs.
/// - `.sparseGPT`: ``sparseGPT(_:hessian:pattern:blockSize:dampening:)`` with ``hessian(_:)``
///   of the inputs, blocks of 128 and dampening 0.01, the paper's defaults.
///
/// Magnitude and Wanda return the weights times the mask; SparseGPT its updated weights.
///
/// - Parameters:
///   - weights: The layer's weight, `[out, in]`.
///   - inputs: The calibration inputs `X`, `[in, tokens]`.
///   - method: The pruning method.
///   - pattern: The fraction or the N:M groups to prune.
/// - Returns: The pruned weights and the mask.
/// - Throws: `PruningError.rankMismatch(expected: 2, actual:)` unless both are matrices;
///   `PruningError.shapeMismatch(expected: [in, tokens], actual: inputs.shape)` when `X` has
///   another number of rows; then the errors of the method's functions.
/// - Complexity: That of the method, plus O(*in*² · *tokens*) for SparseGPT's Hessian.
public func pruneLayer(
  _ weights: Tensor, inputs: Tensor, method: OneShotMethod, pattern: SparsityPattern
) throws(PruningError) -> PrunedLayer {
  // TODO: Validate the shapes; magnitude → rowMagnitudeMask, Wanda → inputNorms + wandaMask,
  // SparseGPT → hessian + sparseGPT; zero the pruned weights.
  throw .notImplemented("pruneLayer(_:inputs:method:pattern:)")
}

/// Prunes every prunable layer of a model in forward order, each calibrated on the model as it
/// is *after* the layers before it were pruned.
///
/// For each layer in `prunableLayers` order: read the inputs `X` that reach it from the
/// calibration sequences under the model's **current** weights (the layers before it already
/// pruned), prune it with ``pruneLayer(_:inputs:method:pattern:)``, record
/// ``reconstructionError(original:pruned:inputs:)`` on that `X`, and write the pruned weight
/// back before moving on. Calibrating every layer on the dense model instead would let the
/// errors of the layers below pile up unseen. SparseGPT's and Wanda's code feed each
/// transformer block the pruned blocks' outputs; going down to single layers inside a block,
/// as here, is what GPTQ calls `--true-sequential`.
///
/// - Parameters:
///   - model: The dense model; it is not changed (the result holds the pruned copy).
///   - method: The pruning method.
///   - pattern: The fraction or the N:M groups to prune in every layer.
///   - calibration: The calibration token sequences.
/// - Returns: The pruned model and each layer's reconstruction error, in layer order.
/// - Throws: `PruningError.emptyInput("calibration sequences")` when there are none; then the
///   errors of the model's `layerInputs`, `weight` and `setWeight`, and of
///   ``pruneLayer(_:inputs:method:pattern:)``.
/// - Complexity: One partial forward pass over the calibration tokens per layer, plus the
///   method's cost per layer.
public func pruneSequentially<Model: LayerwisePrunable>(
  _ model: Model,
  method: OneShotMethod,
  pattern: SparsityPattern,
  calibration: [[Int]]
) throws(PruningError) -> PrunedModel<Model> {
  // TODO: For each layer in order: read its inputs from the partly pruned copy, prune it, record
  // the reconstruction error, write the weight back.
  throw .notImplemented("pruneSequentially(_:method:pattern:calibration:)")
}
