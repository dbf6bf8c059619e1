/// One parameter tensor of a ``TransformerLanguageModel``, by position: what structured pruning
/// slices.
///
/// Its description is the tensor's path, `"tokenEmbedding"`, `"blocks.0.attention.query.weight"`
/// or `"blocks.1.mlpNorm.beta"`.
public enum ParameterTensorID: Hashable, Sendable, CustomStringConvertible {
  /// The token embedding, `[vocabularySize, width]`.
  case tokenEmbedding
  /// The position embedding, `[contextLength, width]`.
  case positionEmbedding
  /// A block's attention layer norm scale, `[width]`.
  case attentionNormGamma(block: Int)
  /// A block's attention layer norm shift, `[width]`.
  case attentionNormBeta(block: Int)
  /// A linear layer's weights, `[outputs, inputs]`.
  case weight(LinearLayerID)
  /// A linear layer's biases, `[outputs]`.
  case bias(LinearLayerID)
  /// A block's MLP layer norm scale, `[width]`.
  case mlpNormGamma(block: Int)
  /// A block's MLP layer norm shift, `[width]`.
  case mlpNormBeta(block: Int)
  /// The final layer norm's scale, `[width]`.
  case finalNormGamma
  /// The final layer norm's shift, `[width]`.
  case finalNormBeta
  /// The language-model head's weights, `[vocabularySize, width]`.
  case headWeight
  /// The language-model head's biases, `[vocabularySize]`.
  case headBias

  /// The tensor's path, e.g. `"blocks.0.attention.query.weight"`.
  public var description: String {
    switch self {
    case .tokenEmbedding: return "tokenEmbedding"
    case .positionEmbedding: return "positionEmbedding"
    case .attentionNormGamma(let block): return "blocks.\(block).attentionNorm.gamma"
    case .attentionNormBeta(let block): return "blocks.\(block).attentionNorm.beta"
    case .weight(let id): return "\(id).weight"
    case .bias(let id): return "\(id).bias"
    case .mlpNormGamma(let block): return "blocks.\(block).mlpNorm.gamma"
    case .mlpNormBeta(let block): return "blocks.\(block).mlpNorm.beta"
    case .finalNormGamma: return "finalNorm.gamma"
    case .finalNormBeta: return "finalNorm.beta"
    case .headWeight: return "head.weight"
    case .headBias: return "head.bias"
    }
  }

  /// The block the tensor belongs to, or `nil` for the embeddings, final norm and head.
  public var block: Int? {
    switch self {
    case .attentionNormGamma(let block), .attentionNormBeta(let block),
      .mlpNormGamma(let block), .mlpNormBeta(let block):
      return block
    case .weight(let id), .bias(let id): return id.block
    default: return nil
    }
  }
}

extension TransformerLanguageModel {
  /// Every parameter tensor in forward order: the embeddings; per block the attention norm,
  /// query, key, value, output, the MLP norm, up, down (each weight before its bias); the final
  /// norm; the head.
  public var parameterTensorIDs: [ParameterTensorID] {
    var ids: [ParameterTensorID] = [.tokenEmbedding, .positionEmbedding]
    for block in blocks.indices {
      ids += [.attentionNormGamma(block: block), .attentionNormBeta(block: block)]
      for kind in LinearKind.allCases {
        let id = LinearLayerID(block: block, kind: kind)
        ids += [.weight(id), .bias(id)]
        if kind == .output {
          ids += [.mlpNormGamma(block: block), .mlpNormBeta(block: block)]
        }
      }
    }
    return ids + [.finalNormGamma, .finalNormBeta, .headWeight, .headBias]
  }

  /// The parameter tensor at a position.
  ///
  /// - Parameter id: Which tensor.
  /// - Returns: The tensor.
  /// - Throws: `PruningError.indexOutOfRange` when the block does not exist.
  public func tensor(_ id: ParameterTensorID) throws(PruningError) -> Tensor {
    if let block = id.block, !blocks.indices.contains(block) {
      throw .indexOutOfRange(index: block, count: blocks.count)
    }
    switch id {
    case .tokenEmbedding: return tokenEmbedding
    case .positionEmbedding: return positionEmbedding
    case .attentionNormGamma(let block): return blocks[block].attentionNorm.gamma
    case .attentionNormBeta(let block): return blocks[block].attentionNorm.beta
    case .weight(let layer): return try linear(layer).weight
    case .bias(let layer): return try linear(layer).bias
    case .mlpNormGamma(let block): return blocks[block].mlpNorm.gamma
    case .mlpNormBeta(let block): return blocks[block].mlpNorm.beta
    case .finalNormGamma: return finalNorm.gamma
    case .finalNormBeta: return finalNorm.beta
    case .headWeight: return head.weight
    case .headBias: return head.bias
    }
  }

  /// Replaces a parameter tensor with one of any shape, without validating the model.
  ///
  /// Structured removal changes shapes tensor by tensor; call ``validate()`` once all of a
  /// removal's tensors are in place.
  ///
  /// - Parameters:
  ///   - id: Which tensor it replaces.
  ///   - tensor: The new tensor.
  /// - Throws: `PruningError.indexOutOfRange` when the block does not exist.
  public mutating func replaceTensor(
    _ id: ParameterTensorID, with tensor: Tensor
  ) throws(PruningError) {
    if let block = id.block, !blocks.indices.contains(block) {
      throw .indexOutOfRange(index: block, count: blocks.count)
    }
    switch id {
    case .tokenEmbedding: tokenEmbedding = tensor
    case .positionEmbedding: positionEmbedding = tensor
    case .attentionNormGamma(let block): blocks[block].attentionNorm.gamma = tensor
    case .attentionNormBeta(let block): blocks[block].attentionNorm.beta = tensor
    case .mlpNormGamma(let block): blocks[block].mlpNorm.gamma = tensor
    case .mlpNormBeta(let block): blocks[block].mlpNorm.beta = tensor
    case .finalNormGamma: finalNorm.gamma = tensor
    case .finalNormBeta: finalNorm.beta = tensor
    case .headWeight: head.weight = tensor
    case .headBias: head.bias = tensor
    case .weight(let layer): blocks[layer.block][keyPath: layer.kind.layer].weight = tensor
    case .bias(let layer): blocks[layer.block][keyPath: layer.kind.layer].bias = tensor
    }
  }
}
