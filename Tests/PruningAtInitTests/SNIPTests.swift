import PruningAtInit
import PruningCore
import PruningTestSupport
import Testing

@Suite("SNIP: connection sensitivity |g ⊙ w| from one batch (snipScores, snipMasks)")
struct SNIPTests {
  /// One layer, 2 inputs → 2 classes, identity weights, no bias.
  func identityModel() throws -> MLP {
    try Fixture.model([(weight: [[1, 0], [0, 1]], bias: [0, 0])])
  }

  func workedBatch() throws -> LabeledExamples {
    try LabeledExamples(features: Tensor(rows: [[1, 2]]), labels: [0], classCount: 2)
  }

  @Test("The worked example: |g ⊙ w| = [[0.7311, 0], [0, 1.4621]], normalised to thirds")
  func workedExample() throws {
    let scores = try snipScores(identityModel(), batch: workedBatch())
    try #require(scores.count == 1)
    expectClose(scores[0], try Tensor(rows: [[1.0 / 3, 0], [0, 2.0 / 3]]), tolerance: 1e-6)
  }

  @Test("A weight of zero scores zero however large its gradient: |g ⊙ w|, not |g|")
  func zeroWeightScoresZero() throws {
    // g = [[−0.7311, −1.4621], [0.7311, 1.4621]]: the off-diagonal gradients are the largest.
    let masks = try snipMasks(identityModel(), batch: workedBatch(), sparsity: 0.75)
    try #require(masks.count == 1)
    expectMask(masks[0], equals: mask("··/·█"))
  }

  @Test(
    "Random networks and batches: the scores match finite differences of the loss in each gate",
    arguments: RandomData.seeds)
  func finiteDifferences(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let sizes = [2 + generator.nextInt(below: 4), 2 + generator.nextInt(below: 4), 3]
    let model = try Fixture.randomModel(sizes: sizes, seed: seed)
    let batch = try Fixture.batch(
      count: 1 + generator.nextInt(below: 6), features: sizes[0], classes: 3, seed: seed &+ 99)
    let scores = try snipScores(model, batch: batch)
    let expected = Oracle.snipScores(model, batch: batch)
    try #require(scores.count == expected.count)
    for (layer, (actual, reference)) in zip(scores, expected).enumerated() {
      #expect(actual.shape == model.weights[layer].shape)
      expectClose(
        actual.scalars, reference.map { Float($0) }, tolerance: 2e-5,
        "layer \(layer) of sizes \(sizes)")
    }
    let total = scores.flatMap(\.scalars).reduce(0) { $0 + Double($1) }
    expectClose(total, 1, tolerance: 1e-5, "the scores sum to 1")
  }

  @Test(
    "SNIP's masks are the global ranking of its scores: every layer in one list",
    arguments: RandomData.seeds)
  func masksAreGlobal(seed: UInt64) throws {
    let model = try Fixture.randomModel(sizes: [6, 5, 4], seed: seed)
    let batch = try Fixture.batch(count: 4, features: 6, classes: 4, seed: seed &+ 7)
    let sparsity = 0.1 + 0.8 * RandomData.fraction(seed: seed)
    let masks = try snipMasks(model, batch: batch, sparsity: sparsity)
    let scores = try snipScores(model, batch: batch).flatMap(\.scalars)
    let k = Oracle.roundHalfEven(Double(scores.count) * sparsity)
    #expect(masks.map(\.shape) == model.weights.map(\.shape))
    #expect(masks.flatMap(\.isKept) == Oracle.keep(scores, prune: k), "sparsity \(sparsity)")
  }

  @Test("Both ends of 0...1 are allowed: sparsity 0 keeps every weight, sparsity 1 prunes all")
  func sparsityBounds() throws {
    let none = try snipMasks(identityModel(), batch: workedBatch(), sparsity: 0)
    let all = try snipMasks(identityModel(), batch: workedBatch(), sparsity: 1)
    try #require(none.count == 1 && all.count == 1)
    expectMask(none[0], equals: mask("██/██"))
    expectMask(all[0], equals: mask("··/··"))
  }

  @Test("All-zero weights give all-zero scores, not NaN")
  func allZero() throws {
    let model = try Fixture.model([(weight: [[0, 0], [0, 0]], bias: [0.1, 0])])
    let scores = try snipScores(model, batch: workedBatch())
    expectClose(scores[0], try Tensor(rows: [[0, 0], [0, 0]]), tolerance: 0)
  }

  @Test("Bad input throws the exact error")
  func validation() throws {
    let nanWeight = try Fixture.model([(weight: [[1, .nan], [0, 1]], bias: [0, 0])])
    let nanBias = try Fixture.model([(weight: [[1, 0], [0, 1]], bias: [0, .infinity])])
    let batch = try workedBatch()
    #expect(throws: PruningError.nonFiniteWeight(position: [0, 1], kind: .nan)) {
      try snipScores(nanWeight, batch: batch)
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [1], kind: .positiveInfinity)) {
      try snipScores(nanBias, batch: batch)
    }
    #expect(throws: PruningError.invalidAmount(.fraction(1.2))) {
      try snipMasks(nanWeight, batch: batch, sparsity: 1.2)
    }
    let wide = try LabeledExamples(features: Tensor(rows: [[1, 2, 3]]), labels: [0], classCount: 2)
    #expect(throws: PruningError.shapeMismatch(expected: [1, 2], actual: [1, 3])) {
      try snipScores(identityModel(), batch: wide)
    }
    let empty = try LabeledExamples(
      features: Tensor(shape: [0, 2], scalars: []), labels: [], classCount: 2)
    #expect(throws: PruningError.emptyInput("batch")) {
      try snipScores(identityModel(), batch: empty)
    }
  }
}
