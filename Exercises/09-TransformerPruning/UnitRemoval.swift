import PruningCore

/// Builds the smaller model that has the units physically removed: every slice of every unit's
/// dependency group is cut out, so each tensor the units touch loses rows, columns or entries.
///
/// Heads and neurons may be removed from any block; blocks may end with different head counts
/// and MLP widths. The result computes exactly what the model with the same groups zeroed
/// computes (``TransformerLanguageModel/zeroing(_:)``) for heads and neurons. A removed
/// residual channel is *not* the same as a zeroed one: the layer norms' mean and variance run
/// over one channel fewer.
///
/// ```swift
/// let smaller = try removeUnits(
///   [.head(block: 0, index: 1), .neuron(block: 1, index: 7)], from: model)
/// smaller.blocks[0].headCount   // one fewer than model.blocks[0].headCount
/// ```
///
/// - Parameters:
///   - units: The heads, neurons and residual channels to remove, each at most once; the
///     indices are the given model's.
///   - model: The model to shrink.
/// - Returns: The smaller model; the kept units stay in their order.
/// - Throws: `PruningError.indexOutOfRange` for a unit the model does not have (as
///   ``dependencyGroup(of:in:)``); `PruningError.invalidArgument` for a unit given twice;
///   `PruningError.removesEveryUnit` when the units include every head of a block
///   (`"heads of block b"`), every neuron of a block (`"neurons of block b"`) or every residual
///   channel (`"residual channels"`); the errors of ``TransformerLanguageModel/validate()``.
/// - Complexity: O(*parameters*).
public func removeUnits(
  _ units: [StructuralUnit], from model: TransformerLanguageModel
) throws(PruningError) -> TransformerLanguageModel {
  // TODO: Validate the units (range, duplicates, never a whole layer), collect the
  // rows/columns/entries of every unit's dependency group per tensor, and rebuild each tensor
  // without them.
  throw .notImplemented("removeUnits(_:from:)")
}
