import PruningAtInit
import PruningCore
import PruningTestSupport
import Testing

@Suite("Magnitude at initialisation (magnitudeMasks)")
struct MagnitudeAtInitEdgeTests {
  @Test("Worked example: one ranking of |w| across layers; the small output layer loses all")
  func workedExample() throws {
    let model = try Fixture.model([
      (weight: [[0.3, -0.1], [0.2, -0.4]], bias: [0, 0]),
      (weight: [[0.05, -0.02]], bias: [0]),
    ])
    // |w| = 0.3, 0.1, 0.2, 0.4 | 0.05, 0.02: at 0.5 the 3 smallest are 0.02, 0.05 and 0.1.
    let masks = try magnitudeMasks(model, sparsity: 0.5)
    try #require(masks.count == 2)
    expectMask(masks[0], equals: mask("█·/██"))
    expectMask(masks[1], equals: try mask("··").reshaped(to: [1, 2]))
  }

  @Test(
    "Random networks at 0, 0.3, 0.5 and 1: the round(n · s) smallest |w| of all layers pruned",
    arguments: RandomData.seeds)
  func matchesOracle(seed: UInt64) throws {
    let model = try Fixture.randomModel(sizes: [5, 4, 3], seed: seed)
    let magnitudes = model.weights.flatMap { $0.scalars.map { abs($0) } }
    for sparsity in [0, 0.3, 0.5, 1] {
      let masks = try magnitudeMasks(model, sparsity: sparsity)
      let pruned = Oracle.roundHalfEven(Double(magnitudes.count) * sparsity)
      let expected = Oracle.keep(magnitudes, prune: pruned)
      let actual = masks.flatMap(\.isKept)
      let wrong = actual.indices.filter { actual[$0] != expected[$0] }
      #expect(
        wrong.isEmpty,
        "sparsity \(sparsity): flat indices \(wrong.prefix(8)) differ; pruned \(pruned) expected")
    }
  }

  @Test("Bad input: a sparsity outside 0...1 (checked first), then a NaN weight")
  func validation() throws {
    let model = try Fixture.model([(weight: [[1, .nan]], bias: [0])])
    for sparsity in [-0.1, 1.1, 2] {
      #expect(throws: PruningError.invalidAmount(.fraction(sparsity))) {
        try magnitudeMasks(model, sparsity: sparsity)
      }
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [0, 1], kind: .nan)) {
      try magnitudeMasks(model, sparsity: 0.5)
    }
  }
}
