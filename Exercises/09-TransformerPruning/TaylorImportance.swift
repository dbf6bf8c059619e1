import PruningCore

/// Scores a dependency group by the first-order Taylor estimate of the loss change when the
/// whole group is zeroed: `|Σ g·w|` over the group's scalars.
///
/// Zeroing the group moves each of its weights by `−w`, so to first order the loss changes by
/// `Σ g·(−w)`. Summing *before* the absolute value scores the group as one unit (its weights'
/// effects may cancel); `Σ|g·w|` would score each weight alone. Molchanov et al. (2019) score
/// a group by `(Σ g·w)²`, which ranks groups in the same order.
///
/// ```swift
/// // Neuron 0 of a width-2 MLP: w = [1, 2, −1, 0.5, 0] (up row, bias, down column),
/// // g = [0.5, −0.25, 1, 4, 3]: Σ g·w = 0.5 − 0.5 − 1 + 2 + 0 = 1 (Σ|g·w| would be 4).
/// try taylorImportance(group, in: model, gradients: gradients)   // 1
/// ```
///
/// - Parameters:
///   - group: The slices; at least one.
///   - model: The model whose weights are scored.
///   - gradients: A model-shaped value holding the loss's gradient for every parameter (as
///     returned with a calibration batch's loss); the group's tensors must have the model's
///     shapes.
/// - Returns: `|Σ g·w|`, summed in `Double`.
/// - Throws: `PruningError.emptyInput` for an empty group; `PruningError.indexOutOfRange` or
///   `.invalidDimension` for a slice the model (or the gradients) does not have;
///   `PruningError.shapeMismatch` when a gradient tensor's shape differs from the weight's; `PruningError.nonFiniteWeight`
///   for a NaN or infinite weight or gradient in the group.
/// - Complexity: O(*scalars in the group*).
public func taylorImportance(
  _ group: [ParameterSlice], in model: TransformerLanguageModel,
  gradients: TransformerLanguageModel
) throws(PruningError) -> Double {
  // TODO: For every scalar of every slice add g·w in Double (check the gradient tensor's shape and
  // finiteness); return the absolute value of the sum.
  throw .notImplemented("taylorImportance(_:in:gradients:)")
}
