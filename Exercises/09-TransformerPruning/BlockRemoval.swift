import PruningCore

/// Removes whole blocks (depth pruning): the residual stream skips them.
///
/// Because every block adds to the residual stream, dropping one leaves a working model of one
/// block fewer; nothing else changes shape. ShortGPT drops the blocks of lowest
/// ``blockInfluence(of:in:calibration:)``.
///
/// ```swift
/// let shallower = try removeBlocks([1], from: model)   // blocks 0, 2, 3 remain, in order
/// ```
///
/// - Parameters:
///   - indices: The blocks to remove, each at most once, in any order.
///   - model: The model.
/// - Returns: The model without those blocks; the others keep their order.
/// - Throws: `PruningError.indexOutOfRange` for a block the model does not have;
///   `PruningError.duplicateIndex` for a block listed twice; `PruningError.removesEveryUnit`
///   (`"blocks"`) when every block would go.
/// - Complexity: O(*blocks*).
public func removeBlocks(
  _ indices: [Int], from model: TransformerLanguageModel
) throws(PruningError) -> TransformerLanguageModel {
  // TODO: Validate the indices (range, duplicates, not every block), then keep the other blocks in
  // order.
  throw .notImplemented("removeBlocks(_:from:)")
}
