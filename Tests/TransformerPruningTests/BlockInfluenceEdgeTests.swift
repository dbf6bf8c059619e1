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

  @Test(
    "A zero output vector counts as cosine 0 too: a block that cancels its input has influence 1")
  func zeroOutputStream() throws {
    var model = try Models.random(Models.tiny, seed: 7)
    let width = model.width
    // Every position's input is the same vector c; block 0 adds 0 (attention) and -c (MLP).
    let c = (0..<width).map { Float($0 % 3 + 1) / 4 }
    let vocabulary = try model.tensor(.tokenEmbedding).shape[0]
    try model.replaceTensor(
      .tokenEmbedding,
      with: Tensor(
        shape: [vocabulary, width], scalars: Array((0..<vocabulary).map { _ in c }.joined())))
    try model.replaceTensor(
      .positionEmbedding, with: Tensor(zeros: try model.tensor(.positionEmbedding).shape))
    let output = LinearLayerID(block: 0, kind: .output)
    let down = LinearLayerID(block: 0, kind: .mlpDown)
    for id in [ParameterTensorID.weight(output), .bias(output), .weight(down)] {
      try model.replaceTensor(id, with: Tensor(zeros: try model.tensor(id).shape))
    }
    try model.replaceTensor(.bias(down), with: Tensor(c.map { -$0 }))
    let calibration = Models.sequences(model, count: 2, seed: 7)
    let streams = try model.residualStreams(for: calibration[0])
    #expect(streams[1].scalars.allSatisfy { $0 == 0 }, "block 0 cancels its input exactly")
    let influence = try blockInfluence(of: 0, in: model, calibration: calibration)
    expectClose(influence, 1, tolerance: 1e-12, "every position's cosine is 0")
  }
}
