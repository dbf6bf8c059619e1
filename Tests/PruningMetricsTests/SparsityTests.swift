import PruningCore
import PruningMetrics
import PruningTestSupport
import Testing

@Suite("Sparsity and compression ratio")
struct SparsityTests {
  @Test("The worked example: 4 zeros of 8 parameters, sparsity 0.5, compression 2")
  func workedExample() throws {
    let layer = Layer.dense(try Fixtures.exampleDense())
    expectClose(try sparsity(of: layer), 0.5)
    expectClose(try sparsity(of: Sequential([layer, .relu])), 0.5)
    expectClose(try compressionRatio(of: Sequential([layer])), 2)
  }

  @Test("Zeros that were there before pruning count: zero biases, β = 0 and -0.0")
  func preExistingZeros() throws {
    let dense = try Fixtures.dense([[-0.0, 1], [2, 0]], bias: [0, 0])
    expectClose(try sparsity(of: dense), 4.0 / 6)
    expectClose(try sparsity(of: .batchNorm(BatchNorm(channels: 5))), 0.5)
    expectClose(try compressionRatio(of: Sequential([dense])), 3)
  }

  @Test("A model's sparsity pools all parameters; it is not the mean of the layers'")
  func pooledNotMean() throws {
    // Layer A: 10 parameters (3 · 3 + 1), 9 of them zero. Layer B: 90 parameters, none zero.
    let layerA = Layer.dense(
      try Dense(
        weight: Tensor(shape: [1, 9], scalars: [0, 0, 0, 0, 0, 0, 0, 0, 0.5]),
        bias: Tensor([0])))
    let layerB = Layer.dense(
      try Dense(
        weight: Tensor(repeating: 1, shape: [9, 9]), bias: Tensor(repeating: 2, shape: [9]))
    )
    expectClose(try sparsity(of: layerA), 0.9)
    expectClose(try sparsity(of: layerB), 0)
    expectClose(try sparsity(of: Sequential([layerA, layerB])), 0.09)
    expectClose(try compressionRatio(of: Sequential([layerA, layerB])), 100.0 / 91)
  }

  @Test(
    "Random models: sparsity = zeros ÷ parameters and compression = 1 / (1 − sparsity)",
    arguments: RandomData.seeds)
  func randomModels(seed: UInt64) throws {
    let (model, _) = try Fixtures.randomModel(seed: seed)
    let (total, nonZero) = Oracle.parameters(of: model)
    expectClose(try sparsity(of: model), Double(total - nonZero) / Double(total))
    expectClose(try compressionRatio(of: model), Double(total) / Double(nonZero))
    for layer in model.layers {
      let (layerTotal, layerNonZero) = Oracle.parameters(of: layer)
      let expected = layerTotal == 0 ? 0 : Double(layerTotal - layerNonZero) / Double(layerTotal)
      expectClose(try sparsity(of: layer), expected)
    }
  }

  @Test("Edges: no parameters has sparsity 0, all zeros compresses infinitely")
  func edges() throws {
    expectClose(try sparsity(of: .relu), 0)
    expectClose(try sparsity(of: Sequential([])), 0)
    let zeros = try Fixtures.dense([[0, 0], [0, 0]], bias: [0, 0])
    expectClose(try sparsity(of: Sequential([zeros])), 1)
    try expectEqual(
      compressionRatio(of: Sequential([zeros])), .infinity,
      "compressionRatio(of: Sequential([zeros]))")
  }

  @Test("A model with a single parameter (a bias without inputs) has a compression ratio")
  func singleParameter() throws {
    let bias = Layer.dense(try Dense(weight: Tensor(zeros: [1, 0]), bias: Tensor([0.5])))
    expectClose(try compressionRatio(of: Sequential([bias])), 1)
    expectClose(try sparsity(of: Sequential([bias])), 0)
    let zero = Layer.dense(try Dense(weight: Tensor(zeros: [1, 0]), bias: Tensor([0])))
    try expectEqual(
      compressionRatio(of: Sequential([zero])), .infinity,
      "compressionRatio of a model whose one parameter is zero")
  }

  @Test("A model without parameters has no compression ratio")
  func noParameters() {
    #expect(throws: PruningError.emptyInput("parameters")) {
      try compressionRatio(of: Sequential([.relu, .flatten]))
    }
  }
}
