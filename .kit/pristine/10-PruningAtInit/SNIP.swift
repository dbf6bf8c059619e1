import PruningCore

/// SNIP's connection sensitivity of every weight: `|g ⊙ w|` from one batch, normalised.
///
/// Lee et al. (2019) ask how much the loss would change if a connection were removed. With a
/// gate `c_j` on each weight (`w_j → c_j · w_j`), the derivative of the loss at `c = 1` is
/// `∂L/∂c_j = (∂L/∂w_j) · w_j`, so one forward and one backward pass score every weight at
/// once: `s_j = |g_j · w_j| / Σ_k |g_k · w_k|` (the paper's Equation 6), with `g = ∂L/∂w` the
/// gradient of the batch's mean cross-entropy (``MLP/lossAndGradients(features:labels:)``).
/// The sum runs over the weights of every layer; biases are neither scored nor pruned. When
/// every `g · w` is zero the scores are all zero (no division by zero). Normalising does not
/// change the ranking; it makes the scores of different batches comparable.
///
/// ```swift
/// // One layer, 2 inputs → 2 classes, weights the identity, no bias; x = [1, 2], label 0.
/// // Logits [1, 2], softmax [0.2689, 0.7311], ∂L/∂z = [−0.7311, 0.7311],
/// // g = ∂L/∂z · xᵀ = [[−0.7311, −1.4621], [0.7311, 1.4621]], |g ⊙ w| = [[0.7311, 0], [0, 1.4621]]
/// try snipScores(model, batch: batch)   // [[1/3, 0], [0, 2/3]]
/// ```
///
/// - Parameters:
///   - model: The network at initialisation.
///   - batch: One batch of training examples: features `[b, model.inputSize]`, at least one.
/// - Returns: One score tensor per layer, shaped like its weight; together they sum to 1
///   (or are all 0).
/// - Throws: `PruningError.nonFiniteWeight` for the first NaN or infinite weight, then bias,
///   layer by layer (checked first); the errors of ``MLP/lossAndGradients(features:labels:)``
///   for a batch that does not fit the model (`shapeMismatch`, `emptyInput("batch")`,
///   `indexOutOfRange`).
/// - Complexity: One forward and one backward pass over the batch.
public func snipScores(_ model: MLP, batch: LabeledExamples) throws(PruningError) -> [Tensor] {
  // TODO: Check every weight and bias; take the batch gradients from lossAndGradients; |g · w| per
  // weight, divided by the sum over all layers (all zeros if that sum is 0).
  throw .notImplemented("snipScores(_:batch:)")
}

/// SNIP's masks: the global top of ``snipScores(_:batch:)``, pruning `round(n · sparsity)`.
///
/// - Parameters:
///   - model: The network at initialisation.
///   - batch: One batch of training examples.
///   - sparsity: The fraction of all weights to prune, in `0...1`.
/// - Returns: One mask per layer, ranked as ``globalMasks(_:sparsity:)`` ranks.
/// - Throws: `PruningError.invalidAmount(.fraction(sparsity))` for a sparsity outside `0...1`
///   (checked first); then the errors of ``snipScores(_:batch:)``.
/// - Complexity: One forward and backward pass, then O(*n* log *n*) for *n* weights.
public func snipMasks(
  _ model: MLP, batch: LabeledExamples, sparsity: Double
) throws(PruningError) -> [Mask] {
  // TODO: Check the sparsity, then rank snipScores globally.
  throw .notImplemented("snipMasks(_:batch:sparsity:)")
}
