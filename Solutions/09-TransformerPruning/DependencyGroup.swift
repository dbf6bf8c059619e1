import PruningCore

/// Every parameter slice that must be removed with one structural unit of a transformer: its
/// dependency group.
///
/// - A **head** `h` of block `b` (head dimension `d`) owns rows `h·d ..< (h+1)·d` of the query,
///   key and value weights and the same entries of their biases, and the same *columns* of the
///   output projection (which reads the heads' concatenated outputs).
/// - An MLP **neuron** `i` of block `b` owns row `i` of `mlpUp.weight`, entry `i` of
///   `mlpUp.bias` and column `i` of `mlpDown.weight`.
/// - A **residual channel** `c` is read or written by every part of the model: column `c` of
///   both embeddings; in every block entry `c` of both layer norms' γ and β, column `c` of the
///   query, key, value and `mlpUp` weights (they read the stream), row `c` and bias entry `c`
///   of the output and `mlpDown` projections (they write it); entry `c` of the final norm's γ
///   and β and column `c` of the head's weights.
///
/// The slices come in the order of ``TransformerLanguageModel/parameterTensorIDs`` (forward
/// order), and within one tensor by ascending index.
///
/// ```swift
/// // 2 heads of dimension 2: head 1 is rows 2 and 3 of Q, K, V and columns 2 and 3 of O.
/// let group = try dependencyGroup(of: .head(block: 0, index: 1), in: model)
/// ```
///
/// - Parameters:
///   - unit: The head, neuron or residual channel.
///   - model: The model.
/// - Returns: The slices of the unit's dependency group.
/// - Throws: `PruningError.indexOutOfRange` for a block, head, neuron or channel the model does
///   not have (the block is checked first).
/// - Complexity: O(*blocks* + *head dimension*).
public func dependencyGroup(
  of unit: StructuralUnit, in model: TransformerLanguageModel
) throws(PruningError) -> [ParameterSlice] {
  switch unit {
  case .head(let block, let index):
    guard model.blocks.indices.contains(block) else {
      throw .indexOutOfRange(index: block, count: model.blocks.count)
    }
    let layer = model.blocks[block]
    guard index >= 0, index < layer.headCount else {
      throw .indexOutOfRange(index: index, count: layer.headCount)
    }
    let rows = (index * layer.headDimension)..<((index + 1) * layer.headDimension)
    var slices: [ParameterSlice] = []
    for kind in [LinearKind.query, .key, .value] {
      let id = LinearLayerID(block: block, kind: kind)
      slices += rows.map { ParameterSlice(.weight(id), axis: 0, index: $0) }
      slices += rows.map { ParameterSlice(.bias(id), axis: 0, index: $0) }
    }
    let output = LinearLayerID(block: block, kind: .output)
    return slices + rows.map { ParameterSlice(.weight(output), axis: 1, index: $0) }
  case .neuron(let block, let index):
    guard model.blocks.indices.contains(block) else {
      throw .indexOutOfRange(index: block, count: model.blocks.count)
    }
    let width = model.blocks[block].mlpWidth
    guard index >= 0, index < width else {
      throw .indexOutOfRange(index: index, count: width)
    }
    let up = LinearLayerID(block: block, kind: .mlpUp)
    let down = LinearLayerID(block: block, kind: .mlpDown)
    return [
      ParameterSlice(.weight(up), axis: 0, index: index),
      ParameterSlice(.bias(up), axis: 0, index: index),
      ParameterSlice(.weight(down), axis: 1, index: index),
    ]
  case .residualChannel(let c):
    guard c >= 0, c < model.width else {
      throw .indexOutOfRange(index: c, count: model.width)
    }
    var slices = [
      ParameterSlice(.tokenEmbedding, axis: 1, index: c),
      ParameterSlice(.positionEmbedding, axis: 1, index: c),
    ]
    for block in model.blocks.indices {
      func id(_ kind: LinearKind) -> LinearLayerID { LinearLayerID(block: block, kind: kind) }
      slices += [
        ParameterSlice(.attentionNormGamma(block: block), axis: 0, index: c),
        ParameterSlice(.attentionNormBeta(block: block), axis: 0, index: c),
        ParameterSlice(.weight(id(.query)), axis: 1, index: c),
        ParameterSlice(.weight(id(.key)), axis: 1, index: c),
        ParameterSlice(.weight(id(.value)), axis: 1, index: c),
        ParameterSlice(.weight(id(.output)), axis: 0, index: c),
        ParameterSlice(.bias(id(.output)), axis: 0, index: c),
        ParameterSlice(.mlpNormGamma(block: block), axis: 0, index: c),
        ParameterSlice(.mlpNormBeta(block: block), axis: 0, index: c),
        ParameterSlice(.weight(id(.mlpUp)), axis: 1, index: c),
        ParameterSlice(.weight(id(.mlpDown)), axis: 0, index: c),
        ParameterSlice(.bias(id(.mlpDown)), axis: 0, index: c),
      ]
    }
    return slices + [
      ParameterSlice(.finalNormGamma, axis: 0, index: c),
      ParameterSlice(.finalNormBeta, axis: 0, index: c),
      ParameterSlice(.headWeight, axis: 1, index: c),
    ]
  }
}
