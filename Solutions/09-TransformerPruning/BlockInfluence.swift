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
  guard model.blocks.indices.contains(block) else {
    throw .indexOutOfRange(index: block, count: model.blocks.count)
  }
  guard !calibration.isEmpty else { throw .emptyInput("sequences") }
  var total = 0.0
  var count = 0
  for sequence in calibration {
    let streams = try model.residualStreams(for: sequence)
    let (x, y) = (streams[block], streams[block + 1])
    for t in 0..<sequence.count {
      var (dot, xx, yy) = (0.0, 0.0, 0.0)
      for c in 0..<model.width {
        let (a, b) = (Double(x[t, c]), Double(y[t, c]))
        dot += a * b
        xx += a * a
        yy += b * b
      }
      total += xx > 0 && yy > 0 ? dot / (xx.squareRoot() * yy.squareRoot()) : 0
      count += 1
    }
  }
  return 1 - total / Double(count)
}
