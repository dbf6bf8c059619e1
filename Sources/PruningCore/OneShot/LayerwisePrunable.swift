/// A model whose linear layers can be calibrated and pruned one at a time, in forward order.
///
/// One-shot pruning (Wanda, SparseGPT) needs four things from a model: the linear layers it
/// may prune, in the order the forward pass reaches them; each layer's weight `[out, in]`; a
/// way to replace that weight; and the inputs `X` `[in, tokens]` that reach a layer when the
/// model, *with its current weights*, reads a batch of token sequences. The tiny transformer
/// language model conforms, and so can any small model a test builds.
public protocol LayerwisePrunable {
  /// What names one prunable linear layer.
  associatedtype LayerID: Hashable & Sendable

  /// The prunable linear layers in forward order: a layer's inputs depend only on the layers
  /// before it in this list (and on parts of the model that are never pruned).
  var prunableLayers: [LayerID] { get }

  /// The weight of a layer, `[out, in]`.
  ///
  /// - Parameter layer: One of ``prunableLayers``.
  /// - Returns: The weight as the model holds it now.
  /// - Throws: `PruningError.invalidArgument` for a layer the model does not have.
  func weight(of layer: LayerID) throws(PruningError) -> Tensor

  /// Replaces the weight of a layer.
  ///
  /// - Parameters:
  ///   - weight: The new weight, of the same shape as the old one.
  ///   - layer: One of ``prunableLayers``.
  /// - Throws: `PruningError.shapeMismatch` for a weight of another shape;
  ///   `PruningError.invalidArgument` for a layer the model does not have.
  mutating func setWeight(_ weight: Tensor, of layer: LayerID) throws(PruningError)

  /// The inputs that reach a layer when the model reads token sequences, `[in, tokens]`.
  ///
  /// Column `t` is the input vector of the `t`-th token over all sequences, in order.
  ///
  /// - Parameters:
  ///   - layer: One of ``prunableLayers``.
  ///   - sequences: Token sequences, each a list of vocabulary indices.
  /// - Returns: `X`, one row per input feature of the layer and one column per token.
  /// - Throws: `PruningError.emptyInput` when there are no tokens; the model's errors for a
  ///   token outside its vocabulary or a sequence longer than its context.
  func layerInputs(of layer: LayerID, sequences: [[Int]]) throws(PruningError) -> Tensor
}

/// A language model that can score a text: the mean cross-entropy of its next-token predictions.
public protocol NextTokenScoring {
  /// The mean, over every predicted token, of `−ln p(next token)` in nats.
  ///
  /// - Parameter sequences: Token sequences; every token after the first of each is predicted.
  /// - Returns: The mean cross-entropy in nats.
  /// - Throws: `PruningError.emptyInput` when nothing is predicted; the model's errors for bad
  ///   tokens.
  func meanCrossEntropy(sequences: [[Int]]) throws(PruningError) -> Double
}
