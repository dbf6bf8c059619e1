import PruningCore

/// Scores a structural unit by how strongly it is active on calibration text, as Minitron's
/// activation-based importance does: no gradients, one forward pass.
///
/// Over every position of every calibration sequence (the model reads each sequence whole):
/// - a **head** `h` of block `b`: the mean of the L2 norm of the head's output vector (its
///   `headDimension` entries of the attention output, before the output projection);
/// - a **neuron** `i` of block `b`: the mean of `|GELU(u_i)|`, its activation;
/// - a **residual channel** `c`: the mean of `|LN(x)_c|` over both layer norms of every block
///   (the attention norm's and the MLP norm's outputs).
///
/// - Parameters:
///   - unit: The head, neuron or residual channel.
///   - model: The model.
///   - calibration: Token sequences, each of 1 to ``TransformerLanguageModel/contextLength``
///     ids.
/// - Returns: The mean activation magnitude, at least 0.
/// - Throws: `PruningError.indexOutOfRange` for a unit the model does not have (as
///   ``dependencyGroup(of:in:)``); `PruningError.emptyInput` for a residual channel of a model
///   without blocks; the errors of ``TransformerLanguageModel/layerInputs(of:sequences:)`` for
///   bad sequences or a broken model.
/// - Complexity: One forward pass over the calibration sequences per block read.
public func activationImportance(
  of unit: StructuralUnit, in model: TransformerLanguageModel, calibration: [[Int]]
) throws(PruningError) -> Double {
  _ = try dependencyGroup(of: unit, in: model)
  switch unit {
  case .head(let block, let index):
    let x = try model.layerInputs(
      of: LinearLayerID(block: block, kind: .output), sequences: calibration)
    let d = model.blocks[block].headDimension
    let tokens = x.shape[1]
    var total = 0.0
    for t in 0..<tokens {
      var squares = 0.0
      for r in (index * d)..<((index + 1) * d) {
        let v = Double(x[r, t])
        squares += v * v
      }
      total += squares.squareRoot()
    }
    return total / Double(tokens)
  case .neuron(let block, let index):
    let x = try model.layerInputs(
      of: LinearLayerID(block: block, kind: .mlpDown), sequences: calibration)
    let tokens = x.shape[1]
    var total = 0.0
    for t in 0..<tokens { total += abs(Double(x[index, t])) }
    return total / Double(tokens)
  case .residualChannel(let c):
    guard !model.blocks.isEmpty else { throw .emptyInput("blocks") }
    var total = 0.0
    var count = 0
    for block in model.blocks.indices {
      for kind in [LinearKind.query, .mlpUp] {
        let x = try model.layerInputs(
          of: LinearLayerID(block: block, kind: kind), sequences: calibration)
        for t in 0..<x.shape[1] { total += abs(Double(x[c, t])) }
        count += x.shape[1]
      }
    }
    return total / Double(count)
  }
}
