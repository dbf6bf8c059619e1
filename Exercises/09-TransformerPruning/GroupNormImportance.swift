import PruningCore

/// Which norm scores a group's weights.
public enum GroupNorm: Hashable, Sendable, CaseIterable {
  /// The L1 norm, `Σ|w|`.
  case l1
  /// The L2 norm, `√(Σw²)`.
  case l2
}

/// Scores a dependency group by the norm of all its weights taken together.
///
/// Every scalar of every slice counts once per slice: L1 is `Σ|w|` and L2 is `√(Σw²)` over the
/// whole group (not a sum of per-tensor norms), summed in `Double`.
///
/// ```swift
/// // Neuron 0: mlpUp row [3, -4], bias [0], mlpDown column [0, 12]:
/// try groupNormImportance(group, in: model, norm: .l1)   // 19
/// try groupNormImportance(group, in: model, norm: .l2)   // 13
/// ```
///
/// - Parameters:
///   - group: The slices, e.g. from ``dependencyGroup(of:in:)``; at least one.
///   - model: The model whose weights are scored.
///   - norm: L1 or L2.
/// - Returns: The group's norm, at least 0.
/// - Throws: `PruningError.emptyInput` for an empty group; `PruningError.indexOutOfRange` or
///   `.invalidDimension` for a slice the model does not have; the errors of
///   ``TransformerLanguageModel/validate()`` (a NaN or infinite weight).
/// - Complexity: O(*parameters* + *scalars in the group*).
public func groupNormImportance(
  _ group: [ParameterSlice], in model: TransformerLanguageModel, norm: GroupNorm
) throws(PruningError) -> Double {
  // TODO: Reject an empty group, validate the model, then add |w| (L1) or w² (L2) over every scalar
  // of every slice in Double; L2 takes one square root at the end.
  throw .notImplemented("groupNormImportance(_:in:norm:)")
}
