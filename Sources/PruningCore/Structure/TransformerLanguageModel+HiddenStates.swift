extension TransformerLanguageModel {
  /// The residual stream of one sequence before the first block and after every block.
  ///
  /// Entry 0 is the embeddings' sum (block 0's input); entry `b + 1` is block `b`'s output,
  /// the input of block `b + 1`. Block influence compares entries `b` and `b + 1`.
  ///
  /// - Parameter tokens: Between 1 and ``contextLength`` token ids.
  /// - Returns: `blocks.count + 1` tensors, each `[tokens.count, width]`.
  /// - Throws: The errors of ``logits(for:)``.
  /// - Complexity: One forward pass.
  public func residualStreams(for tokens: [Int]) throws(PruningError) -> [Tensor] {
    try validate()
    let layout = try SequenceLayout(inputs: [tokens], model: self)
    let trace = forward(layout)
    let shape = [tokens.count, width]
    return trace.blocks.map { Tensor(checkedShape: shape, scalars: $0.input) }
      + [Tensor(checkedShape: shape, scalars: trace.finalInput)]
  }
}
