import PruningCore
import PruningMetrics
import PruningTestSupport
import Testing

@Suite("Theoretical speedup (effectiveMACs, theoreticalSpeedup)")
struct TheoreticalSpeedupTests {
  /// Dense 4 → 4 with 4 of 16 weights non-zero, ReLU, then a fully dense Dense 4 → 2.
  static func workedModel() throws -> Sequential {
    let sparse = try Fixtures.dense(
      [[1, 0, 0, 0], [0, 2, 0, 0], [0, 0, 3, 0], [0, 0, 0, 4]], bias: [1, 1, 1, 1])
    let dense = try Fixtures.dense([[1, 2, 3, 4], [5, 6, 7, 8]], bias: [0, 0])
    return Sequential([sparse, .relu, dense])
  }

  @Test("The worked example: 24 dense MACs, 12 effective, speedup 2 (not 4)")
  func workedExample() throws {
    let model = try Self.workedModel()
    expectClose(try effectiveMACs(of: model, inputShape: [1, 4]), 12)
    expectClose(try theoreticalSpeedup(of: model, inputShape: [1, 4]), 2)
  }

  @Test("Only the weights' density counts: zero biases do not make a dense model faster")
  func biasesDoNotCount() throws {
    let model = Sequential([
      try Fixtures.dense([[1, 2], [3, 4], [5, 6]], bias: [0, 0, 0]), .relu,
      try Fixtures.dense([[1, 1, 1]], bias: [0]),
    ])
    expectClose(try effectiveMACs(of: model, inputShape: [1, 2]), 9)
    expectClose(try theoreticalSpeedup(of: model, inputShape: [1, 2]), 1)
  }

  @Test(
    "Random models: effective MACs are Σ layer MACs × weight density",
    arguments: RandomData.seeds)
  func randomModels(seed: UInt64) throws {
    let (model, inputShape) = try Fixtures.randomModel(seed: seed)
    let layers = Oracle.layerMACs(of: model, inputShape: inputShape)
    let dense = Double(layers.map(\.macs).reduce(0, +))
    let effective = layers.map { Double($0.macs) * $0.density }.reduce(0, +)
    expectClose(try effectiveMACs(of: model, inputShape: inputShape), effective)
    expectClose(
      try theoreticalSpeedup(of: model, inputShape: inputShape), dense / effective,
      tolerance: 1e-9)
  }

  @Test("Convolutions scale by their weight density too, at their own output size")
  func convolution() throws {
    var weight = try Tensor(repeating: 1, shape: [2, 1, 2, 2])
    for flat in [0, 1, 2, 5, 6, 7] { weight[flat: flat] = 0 }  // density 2 / 8
    let conv = try Conv2D(weight: weight, bias: Tensor([1, 1]))
    let model = Sequential([
      .conv2D(conv), .flatten, try Fixtures.dense([[1, 1, 1, 1, 1, 1, 1, 1]], bias: [0]),
    ])
    // conv: 2 · 2 · 2 · 1 · 4 = 32 MACs at density 0.25 → 8; dense 8 → 1: 8 MACs.
    expectClose(try effectiveMACs(of: model, inputShape: [1, 1, 3, 3]), 16)
    expectClose(try theoreticalSpeedup(of: model, inputShape: [1, 1, 3, 3]), 2.5)
  }

  @Test("Edges: all-zero weights give infinity; an empty Dense layer adds nothing")
  func edges() throws {
    let zeros = Sequential([try Fixtures.dense([[0, 0], [0, 0]], bias: [1, 1])])
    try expectEqual(
      theoreticalSpeedup(of: zeros, inputShape: [1, 2]), .infinity,
      "theoreticalSpeedup(of: zeros, inputShape: [1, 2])")
    let empty = Layer.dense(try Dense(weight: Tensor(zeros: [3, 0]), bias: Tensor([1, 2, 3])))
    let model = Sequential([empty, try Fixtures.dense([[1, 0, 0]], bias: [0])])
    expectClose(try effectiveMACs(of: model, inputShape: [1, 0]), 1)
    expectClose(try theoreticalSpeedup(of: model, inputShape: [1, 0]), 3)
  }

  @Test("The smallest model: one weight is one MAC, effective when the weight is not zero")
  func oneWeight() throws {
    let one = Sequential([try Fixtures.dense([[2]], bias: [0])])
    try expectEqual(macs(of: one, inputShape: [1, 1]), 1, "macs(of: [[2]], inputShape: [1, 1])")
    expectClose(try effectiveMACs(of: one, inputShape: [1, 1]), 1)
    expectClose(try theoreticalSpeedup(of: one, inputShape: [1, 1]), 1)
    let zero = Sequential([try Fixtures.dense([[0]], bias: [3])])
    try expectEqual(
      theoreticalSpeedup(of: zero, inputShape: [1, 1]), .infinity,
      "theoreticalSpeedup(of: [[0]], inputShape: [1, 1])")
  }

  @Test("A model without MACs has no speedup; shape errors come through")
  func errors() throws {
    #expect(throws: PruningError.emptyInput("multiply-accumulates")) {
      try theoreticalSpeedup(of: Sequential([.relu]), inputShape: [1, 3])
    }
    #expect(throws: PruningError.shapeMismatch(expected: [1, 4], actual: [1, 3])) {
      try effectiveMACs(of: try Self.workedModel(), inputShape: [1, 3])
    }
  }
}
