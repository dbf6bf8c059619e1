import PruningCore
import PruningTestSupport
import Testing
import TransformerPruning

@Suite("Block influence at a zero stream (blockInfluence)")
struct BlockInfluenceEdgeTests {
  @Test("A zero input vector counts as cosine 0: zero embeddings give block 0 influence 1")
  func zeroInputStream() throws {
    var model = try Models.random(Models.tiny, seed: 6)
    for id in [ParameterTensorID.tokenEmbedding, .positionEmbedding] {
      try model.replaceTensor(id, with: Tensor(zeros: try model.tensor(id).shape))
    }
    // Block 0 reads x_in = 0 at every position; its biases make x_out non-zero.
    let calibration = Models.sequences(model, count: 2, seed: 6)
    let influence = try blockInfluence(of: 0, in: model, calibration: calibration)
    expectClose(influence, 1, tolerance: 1e-12, "every position's cosine is 0")
  }
}
