import PruningCore
import PruningTestSupport
import Testing

@Suite("Structure addressing: parameter tensors, slices, zeroing and residual streams")
struct StructureAddressingTests {
  private static let shape = TransformerConfiguration(
    vocabularySize: 5, contextLength: 4, width: 6, headCount: 2, headDimension: 3, blockCount: 2,
    mlpWidth: 4)

  private static func model() throws -> TransformerLanguageModel {
    var generator = SplitMix64(seed: 3)
    return try TransformerLanguageModel(configuration: shape, using: &generator)
  }

  @Test("Every parameter tensor is listed once, in forward order, and they add up to the count")
  func tensorsCoverTheModel() throws {
    let model = try Self.model()
    let ids = model.parameterTensorIDs
    #expect(Set(ids.map(\.description)).count == ids.count)
    #expect(ids.first == .tokenEmbedding && ids.last == .headBias)
    let total = try ids.reduce(0) { $0 + (try model.tensor($1).count) }
    #expect(total == model.parameterCount)
  }

  @Test("replaceTensor puts a tensor where tensor(_:) reads it")
  func replaceRoundTrips() throws {
    var model = try Self.model()
    for id in model.parameterTensorIDs {
      let old = try model.tensor(id)
      let new = try Tensor(shape: old.shape, scalars: old.scalars.indices.map { Float($0) })
      try model.replaceTensor(id, with: new)
      let read = try model.tensor(id)
      #expect(read == new, "\(id)")
    }
    #expect(throws: PruningError.indexOutOfRange(index: 2, count: 2)) {
      try model.tensor(.mlpNormBeta(block: 2))
    }
  }

  @Test("A slice's flat indices: a row, a column, an entry; bad axes and indices throw")
  func flatIndices() throws {
    let query = LinearLayerID(block: 0, kind: .query)
    let row = try ParameterSlice(.weight(query), axis: 0, index: 1).flatIndices(in: [2, 3])
    let column = try ParameterSlice(.weight(query), axis: 1, index: 2).flatIndices(in: [2, 3])
    let entry = try ParameterSlice(.bias(query), axis: 0, index: 1).flatIndices(in: [2])
    #expect(row == [3, 4, 5])
    #expect(column == [2, 5])
    #expect(entry == [1])
    #expect(throws: PruningError.indexOutOfRange(index: 3, count: 3)) {
      try ParameterSlice(.weight(query), axis: 1, index: 3).flatIndices(in: [2, 3])
    }
    #expect(throws: PruningError.invalidDimension(dimension: 1, rank: 1)) {
      try ParameterSlice(.bias(query), axis: 1, index: 0).flatIndices(in: [2])
    }
    #expect(
      ParameterSlice(.weight(query), axis: 1, index: 2).description
        == "blocks.0.attention.query.weight column 2")
  }

  @Test("zeroing(_:) zeroes exactly the slices' scalars")
  func zeroing() throws {
    let model = try Self.model()
    let down = LinearLayerID(block: 1, kind: .mlpDown)
    let masked = try model.zeroing([ParameterSlice(.weight(down), axis: 1, index: 2)])
    let before = try model.tensor(.weight(down))
    let after = try masked.tensor(.weight(down))
    for r in 0..<6 {
      for c in 0..<4 {
        let expected = c == 2 ? 0 : before[r, c]
        #expect(after[r, c] == expected, "row \(r), column \(c)")
      }
    }
    #expect(masked.blocks[0] == model.blocks[0])
  }

  @Test("residualStreams(for:) holds the embeddings first and the final norm's input last")
  func residualStreams() throws {
    let model = try Self.model()
    let tokens = [3, 0, 4]
    let streams = try model.residualStreams(for: tokens)
    #expect(streams.count == 3)
    for (t, token) in tokens.enumerated() {
      for c in 0..<6 {
        let expected = model.tokenEmbedding[token, c] + model.positionEmbedding[t, c]
        #expect(streams[0][t, c] == expected)
      }
    }
    let shallow = try TransformerLanguageModel(
      tokenEmbedding: model.tokenEmbedding, positionEmbedding: model.positionEmbedding,
      blocks: [model.blocks[0]], finalNorm: model.finalNorm, head: model.head)
    let first = try shallow.residualStreams(for: tokens)
    #expect(first[1] == streams[1], "block 0's output does not depend on block 1")
    #expect(throws: PruningError.emptyInput("token sequence")) {
      try model.residualStreams(for: [])
    }
  }
}
