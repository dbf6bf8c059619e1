/// Which of a block's six linear layers: the attention projections or the MLP's two layers.
public enum LinearKind: String, CaseIterable, Sendable {
  /// The query projection.
  case query
  /// The key projection.
  case key
  /// The value projection.
  case value
  /// The attention output projection.
  case output
  /// The MLP's first layer.
  case mlpUp
  /// The MLP's second layer.
  case mlpDown

  /// The name in a layer path: `attention.query`, …, `mlp.up`, `mlp.down`.
  var pathComponent: String {
    switch self {
    case .query, .key, .value, .output: return "attention.\(rawValue)"
    case .mlpUp: return "mlp.up"
    case .mlpDown: return "mlp.down"
    }
  }

  /// Where a block keeps this layer: the one place the kinds map to ``TransformerBlock``'s
  /// fields.
  ///
  /// - Complexity: O(1).
  var layer: WritableKeyPath<TransformerBlock, Linear> {
    switch self {
    case .query: return \.query
    case .key: return \.key
    case .value: return \.value
    case .output: return \.output
    case .mlpUp: return \.mlpUp
    case .mlpDown: return \.mlpDown
    }
  }
}

/// A linear layer of a ``TransformerLanguageModel`` by position: what one-shot and structured
/// pruning address.
///
/// Its description is the layer's path, `"blocks.0.attention.query"` or `"blocks.1.mlp.down"`.
public struct LinearLayerID: Hashable, Sendable, CustomStringConvertible {
  /// The block index, from the input.
  public var block: Int

  /// Which layer of the block.
  public var kind: LinearKind

  /// Creates an identifier.
  ///
  /// - Parameters:
  ///   - block: The block index.
  ///   - kind: The layer within the block.
  public init(block: Int, kind: LinearKind) {
    self.block = block
    self.kind = kind
  }

  /// The layer's path, e.g. `"blocks.0.attention.query"`.
  public var description: String { "blocks.\(block).\(kind.pathComponent)" }
}

extension TransformerLanguageModel {
  /// Every block's linear layers in forward order: per block query, key, value, output,
  /// mlpUp, mlpDown.
  ///
  /// The embeddings and the head are not listed: one-shot pruning methods leave them dense.
  public var prunableLayers: [LinearLayerID] {
    blocks.indices.flatMap { block in
      LinearKind.allCases.map { LinearLayerID(block: block, kind: $0) }
    }
  }

  /// The linear layer at a position.
  ///
  /// - Parameter id: The block and kind.
  /// - Returns: The layer.
  /// - Throws: `PruningError.indexOutOfRange` when the block does not exist.
  public func linear(_ id: LinearLayerID) throws(PruningError) -> Linear {
    guard blocks.indices.contains(id.block) else {
      throw .indexOutOfRange(index: id.block, count: blocks.count)
    }
    return blocks[id.block][keyPath: id.kind.layer]
  }

  /// Replaces the weight matrix of a linear layer (its bias stays).
  ///
  /// - Parameters:
  ///   - weight: The new weights, the same shape as the old.
  ///   - id: The block and kind.
  /// - Throws: `PruningError.indexOutOfRange` when the block does not exist;
  ///   `PruningError.shapeMismatch` when the shape differs; `PruningError.nonFiniteWeight` for
  ///   a NaN or infinite weight.
  public mutating func setWeight(_ weight: Tensor, of id: LinearLayerID) throws(PruningError) {
    let current = try linear(id).weight
    guard weight.shape == current.shape else {
      throw .shapeMismatch(expected: current.shape, actual: weight.shape)
    }
    try weight.validateFinite()
    blocks[id.block][keyPath: id.kind.layer].weight = weight
  }

  /// The inputs that reach a linear layer when the model, as it is now, reads the sequences.
  ///
  /// Column `t` is the input vector at token position `t`, the sequences' positions
  /// concatenated in order: for query, key and value the attention layer norm's output, for
  /// output the heads' concatenated outputs, for mlpUp the MLP layer norm's output, for
  /// mlpDown the GELU activations. `W · X + b` (the bias added to each column) is the layer's
  /// output at every position. SparseGPT's Hessian is `2 X Xᵀ`; Wanda's feature norms are
  /// the row norms of `X`.
  ///
  /// - Parameters:
  ///   - id: The block and kind.
  ///   - sequences: Token-id sequences, each of 1 to ``contextLength`` ids (the model reads
  ///     every id; no targets are needed).
  /// - Returns: `X`, `[inputs, total tokens]`.
  /// - Throws: `PruningError.indexOutOfRange` when the block does not exist; the errors of
  ///   ``logits(for:)`` for bad sequences or a broken model.
  public func layerInputs(
    of id: LinearLayerID, sequences: [[Int]]
  ) throws(PruningError) -> Tensor {
    let layer = try linear(id)
    try validate()
    let layout = try SequenceLayout(inputs: sequences, model: self)
    var x = [Float](repeating: 0, count: layout.rows * width)
    // Run the blocks below, then the one holding the layer.
    let partial = TransformerLanguageModel(
      uncheckedTokenEmbedding: tokenEmbedding, positionEmbedding: positionEmbedding,
      blocks: Array(blocks[..<id.block]), finalNorm: finalNorm, head: head)
    x = partial.forward(layout).finalInput
    let trace = Self.blockForward(blocks[id.block], input: x, layout: layout, width: width)
    let rows: [Float]
    switch id.kind {
    case .query, .key, .value: rows = trace.attentionInput
    case .output: rows = trace.attended
    case .mlpUp: rows = trace.mlpInput
    case .mlpDown: rows = trace.activated
    }
    let inputs = layer.inputs
    return Tensor(
      checkedShape: [inputs, layout.rows],
      scalars: Kernels.transpose(rows, rows: layout.rows, columns: inputs))
  }

  /// Creates a model from parts the caller has checked.
  init(
    uncheckedTokenEmbedding tokenEmbedding: Tensor, positionEmbedding: Tensor,
    blocks: [TransformerBlock], finalNorm: LayerNorm, head: Linear
  ) {
    self.tokenEmbedding = tokenEmbedding
    self.positionEmbedding = positionEmbedding
    self.blocks = blocks
    self.finalNorm = finalNorm
    self.head = head
  }
}
