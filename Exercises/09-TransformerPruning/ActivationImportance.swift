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
  // TODO: Check the unit, read the activations with model.layerInputs(of:sequences:) (output for
  // heads, mlpDown for neurons, query and mlpUp for channels) and average their magnitudes over the
  // tokens.
  throw .notImplemented("activationImportance(of:in:calibration:)")
}
