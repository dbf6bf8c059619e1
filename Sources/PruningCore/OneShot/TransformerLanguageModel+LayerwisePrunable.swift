extension TransformerLanguageModel: LayerwisePrunable, NextTokenScoring {
  /// The weight of a linear layer, `[out, in]`.
  ///
  /// - Parameter layer: The block and kind.
  /// - Returns: The layer's weight.
  /// - Throws: `PruningError.indexOutOfRange` when the block does not exist.
  public func weight(of layer: LinearLayerID) throws(PruningError) -> Tensor {
    try linear(layer).weight
  }
}
