import PruningCore

/// Scores a whole block by how much it changes the residual stream: ShortGPT's block influence,
/// `1 − mean cos(x_in, x_out)`.
///
/// For every position of every calibration sequence, `x_in` is the block's input and `x_out`
/// its output (``TransformerLanguageModel/residualStreams(for:)`` entries `b` and `b + 1`); the
/// cosine similarities are averaged over all positions together. A block that barely changes
/// its input scores near 0 and is the first candidate for depth pruning. A position where
/// either vector is zero counts as cosine 0.
///
/// ```swift
/// // One position: x_in = [1, 0], x_out = [1, 1] → cos = 1/√2, influence ≈ 0.2929.
/// ```
///
/// - Parameters:
///   - block: The block's index.
///   - model: The model.
///   - calibration: Token sequences, each of 1 to ``TransformerLanguageModel/contextLength``
///     ids; at least one.
/// - Returns: The influence, in `0...2`.
/// - Throws: `PruningError.indexOutOfRange` for a block the model does not have;
///   `PruningError.emptyInput` for no sequences; the errors of
///   ``TransformerLanguageModel/residualStreams(for:)``.
/// - Complexity: One forward pass per sequence.
public func blockInfluence(
  of block: Int, in model: TransformerLanguageModel, calibration: [[Int]]
) throws(PruningError) -> Double {
  // TODO: For every sequence take model.residualStreams(for:), entries block and block + 1; average
  // the cosine of each position's pair; return 1 minus it.
  throw .notImplemented("blockInfluence(of:in:calibration:)")
}
