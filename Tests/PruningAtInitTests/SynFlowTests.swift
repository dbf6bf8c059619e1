import Foundation
import PruningAtInit
import PruningCore
import PruningTestSupport
import Testing

@Suite("SynFlow: data-free scores, the exponential schedule, iterative masks")
struct SynFlowTests {
  /// 2 → 2 → 1 without biases: W1 = [[1, −2], [3, 0.5]], W2 = [[−1, 2]].
  func workedModel(bias: [Float] = [0, 0]) throws -> MLP {
    try Fixture.model([
      (weight: [[1, -2], [3, 0.5]], bias: bias), (weight: [[-1, 2]], bias: [0]),
    ])
  }

  @Test("The worked example: [[1, 2], [6, 1]] and [[3, 7]], each layer summing to R = 10")
  func workedExample() throws {
    let model = try workedModel()
    let scores = try synflowScores(model, masks: Fixture.allKept(model))
    try #require(scores.count == 2)
    expectClose(scores[0], try Tensor(rows: [[1, 2], [6, 1]]), tolerance: 1e-6)
    expectClose(scores[1], try Tensor(rows: [[3, 7]]), tolerance: 1e-6)
  }

  @Test("Scores are taken on the masked network: without W1[1, 0] the flow is 4")
  func masked() throws {
    let model = try workedModel()
    let masks = [mask("██/·█"), try Mask(shape: [1, 2], isKept: [true, true])]
    let scores = try synflowScores(model, masks: masks)
    try #require(scores.count == 2)
    expectClose(scores[0], try Tensor(rows: [[1, 2], [0, 1]]), tolerance: 1e-6)
    expectClose(scores[1], try Tensor(rows: [[3, 1]]), tolerance: 1e-6)
  }

  @Test("Biases flow too, as |b|: b1 = [1, 0] makes the output weights' scores [4, 7]")
  func biases() throws {
    let model = try workedModel(bias: [-1, 0])
    let scores = try synflowScores(model, masks: Fixture.allKept(model))
    try #require(scores.count == 2)
    expectClose(scores[0], try Tensor(rows: [[1, 2], [6, 1]]), tolerance: 1e-6)
    expectClose(scores[1], try Tensor(rows: [[4, 7]]), tolerance: 1e-6)
  }

  @Test(
    "Random networks, biases and masks: a score is how much the flow drops without that weight",
    arguments: RandomData.seeds)
  func random(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let depth = 1 + generator.nextInt(below: 4)
    let sizes = (0...depth).map { _ in 1 + generator.nextInt(below: 5) }
    let model = try Fixture.randomModel(sizes: sizes, seed: seed)
    let masks = try Fixture.randomMasks(model, density: 0.7, seed: seed &+ 5)
    let scores = try synflowScores(model, masks: masks)
    let expected = Oracle.synflowScores(model, masks: masks)
    let flow = Oracle.flow(Oracle.Parameters(model, masks: masks))
    try #require(scores.count == expected.count)
    for (layer, (actual, reference)) in zip(scores, expected).enumerated() {
      #expect(actual.shape == model.weights[layer].shape)
      // Relative to the total flow R, so the tolerance means the same at every depth.
      expectClose(
        actual.scalars.map { Float(Double($0) / flow) }, reference.map { Float($0 / flow) },
        tolerance: 1e-5, "layer \(layer) of sizes \(sizes), R = \(flow)")
    }
  }

  @Test(
    "Without biases every layer's scores sum to the same total flow R (conservation)",
    arguments: RandomData.seeds)
  func conservation(seed: UInt64) throws {
    var model = try Fixture.randomModel(sizes: [5, 7, 4, 3], seed: seed)
    try model.setBiases(
      try model.biases.map { bias throws(PruningError) in try Tensor(zeros: bias.shape) })
    let scores = try synflowScores(model, masks: Fixture.allKept(model))
    let flow = Oracle.flow(Oracle.Parameters(model))
    for (layer, score) in scores.enumerated() {
      let sum = score.scalars.reduce(0) { $0 + Double($1) }
      expectClose(sum / flow, 1, tolerance: 1e-5, "layer \(layer): sum \(sum), R = \(flow)")
    }
  }

  @Test("Signs do not matter: SynFlow sees |θ|")
  func signs() throws {
    let model = try Fixture.randomModel(sizes: [4, 3, 2], seed: 3)
    var flipped = model
    try flipped.setWeights(model.weights.map { $0.map { -$0 } })
    try flipped.setBiases(model.biases.map { $0.map { -$0 } })
    let a = try synflowScores(model, masks: Fixture.allKept(model))
    let b = try synflowScores(flipped, masks: Fixture.allKept(model))
    for (x, y) in zip(a, b) { expectClose(x, y, tolerance: 1e-6) }
  }

  @Test(
    "The schedule is exponential in the density",
    arguments: [
      (0.99, 2, [0.9, 0.99]), (0.9999, 4, [0.9, 0.99, 0.999, 0.9999]), (0.9, 1, [0.9]),
      (0.0, 3, [0, 0, 0]), (1.0, 3, [1, 1, 1]), (0.75, 2, [0.5, 0.75]),
    ])
  func schedule(sparsity: Double, rounds: Int, expected: [Double]) throws {
    let actual = try synflowSparsities(sparsity: sparsity, rounds: rounds)
    try #require(actual.count == expected.count, "got \(actual)")
    for (round, (a, e)) in zip(actual, expected).enumerated() {
      expectClose(a, e, tolerance: 1e-12, "round \(round + 1) of \(rounds): \(actual)")
    }
  }

  @Test(
    "Random schedules: keep (1 − s)^(r/R) after round r, and end exactly at s",
    arguments: RandomData.seeds)
  func randomSchedule(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let sparsity = generator.nextUnitDouble()
    let rounds = 1 + generator.nextInt(below: 120)
    let actual = try synflowSparsities(sparsity: sparsity, rounds: rounds)
    try #require(actual.count == rounds)
    #expect(actual.last == sparsity)
    for round in 1..<rounds {
      let density = exp(log(1 - sparsity) * Double(round) / Double(rounds))
      expectClose(actual[round - 1], 1 - density, tolerance: 1e-12, "round \(round) of \(rounds)")
    }
  }

  /// The iterative procedure, written out: it uses your `synflowScores` (graded above) and checks
  /// the schedule, the global ranking and that masks only lose entries.
  func referenceMasks(_ model: MLP, sparsity: Double, rounds: Int) throws -> [Mask] {
    var masks = try Fixture.allKept(model)
    let total = masks.reduce(0) { $0 + $1.count }
    for round in 1...rounds {
      let density = exp(log(1 - sparsity) * Double(round) / Double(rounds))
      let target = round == rounds ? sparsity : 1 - density
      let k = Oracle.roundHalfEven(Double(total) * target)
      let scores = try synflowScores(model, masks: masks).flatMap(\.scalars)
      let kept = masks.flatMap(\.isKept)
      let alreadyPruned = kept.filter { !$0 }.count
      let flags = Oracle.keep(scores, prune: max(0, k - alreadyPruned), candidates: kept)
      var offset = 0
      masks = try masks.map { mask throws(PruningError) in
        defer { offset += mask.count }
        return try Mask(shape: mask.shape, isKept: Array(flags[offset..<(offset + mask.count)]))
      }
    }
    return masks
  }

  @Test(
    "Iterative masks: score the masked network, prune to the schedule, never bring a weight back",
    arguments: RandomData.seeds)
  func iterative(seed: UInt64) throws {
    let model = try Fixture.randomModel(sizes: [8, 12, 12, 4], seed: seed)
    let sparsity = 0.9 + 0.09 * RandomData.fraction(seed: seed)
    let masks = try synflowMasks(model, sparsity: sparsity, rounds: 20)
    let expected = try referenceMasks(model, sparsity: sparsity, rounds: 20)
    #expect(masks.map(\.shape) == model.weights.map(\.shape))
    let total = model.weights.reduce(0) { $0 + $1.count }
    #expect(
      masks.reduce(0) { $0 + $1.prunedCount } == Oracle.roundHalfEven(Double(total) * sparsity))
    try #require(masks.count == expected.count)
    for (layer, (actual, reference)) in zip(masks, expected).enumerated() {
      expectMask(actual, equals: reference, "layer \(layer), sparsity \(sparsity), 20 rounds")
    }
  }

  @Test("A weight pruned in an earlier round stays pruned, even tied at zero with a live one")
  func nested() throws {
    // Hidden unit 1 loses its input in an early round; its outgoing weights then score 0 like
    // the pruned ones, and a later round that prunes nothing new must not swap them.
    let model = try Fixture.model([
      (weight: [[4], [3]], bias: [0, 0]),
      (weight: [[2, 1], [1, 0.5], [0.5, 0.5]], bias: [0, 0, 0]),
    ])
    let masks = try synflowMasks(model, sparsity: 0.5, rounds: 6)
    try #require(masks.count == 2)
    expectMask(masks[0], equals: mask("█/·"))
    expectMask(masks[1], equals: mask("██/█·/··"))
  }

  @Test(
    "A pruned weight first in its layer stays pruned when an earlier layer's live weights score 0"
  )
  func nestedAcrossLayers() throws {
    // 2 → 2 → 3. Round 1 (3 of 10) prunes the three weights out of hidden unit 0 (score 0.2
    // each), W2's flat indices 0, 2 and 4. In round 2 (4 of 10) the weights into unit 0 carry
    // no flow and score 0, tied with the pruned ones; those must still go first, W2[0, 0]
    // (first in its layer) as much as the others, and the fourth cut is W1[0, 0].
    let model = try Fixture.model([
      (weight: [[1, 1], [1, 1]], bias: [0, 0]),
      (weight: [[0.1, 1], [0.1, 1], [0.1, 1]], bias: [0, 0, 0]),
    ])
    let masks = try synflowMasks(model, sparsity: 0.44, rounds: 2)
    try #require(masks.count == 2)
    expectMask(masks[0], equals: mask("·█/██"), "W1 after 2 rounds to 0.44")
    expectMask(masks[1], equals: mask("·█/·█/·█"), "W2 after 2 rounds to 0.44")
  }

  @Test("One round is one global ranking of the dense network's scores")
  func oneRound() throws {
    let model = try Fixture.randomModel(sizes: [6, 5, 4], seed: 11)
    let masks = try synflowMasks(model, sparsity: 0.6, rounds: 1)
    let scores = try synflowScores(model, masks: Fixture.allKept(model)).flatMap(\.scalars)
    #expect(masks.flatMap(\.isKept) == Oracle.keep(scores, prune: Oracle.roundHalfEven(50 * 0.6)))
  }

  @Test(
    "Edges: sparsity 0 keeps everything, 1 keeps nothing; one layer works; 100 rounds by default")
  func edges() throws {
    let model = try Fixture.randomModel(sizes: [5, 4, 3], seed: 2)
    try expectEqual(
      synflowMasks(model, sparsity: 0).map(\.keptCount), [20, 12],
      "synflowMasks(model, sparsity: 0).map(\\.keptCount)")
    try expectEqual(
      synflowMasks(model, sparsity: 1, rounds: 3).map(\.keptCount), [0, 0],
      "synflowMasks(model, sparsity: 1, rounds: 3).map(\\.keptCount)")
    let single = try Fixture.model([(weight: [[0.5, -2, 1]], bias: [0])])
    let masks = try synflowMasks(single, sparsity: 0.34, rounds: 5)
    expectMask(masks[0], equals: try Mask(shape: [1, 3], isKept: [false, true, true]))
    // A network whose masks at 0.9 differ after 99, 100 and 101 rounds.
    let deep = try Fixture.randomModel(sizes: [8, 12, 12, 4], seed: 11)
    let byDefault = try synflowMasks(deep, sparsity: 0.9)
    let hundred = try referenceMasks(deep, sparsity: 0.9, rounds: 100)
    #expect(byDefault == hundred, "the default is 100 rounds")
  }

  @Test("Bad input throws the exact error")
  func validation() throws {
    let model = try workedModel()
    #expect(throws: PruningError.invalidHyperparameter(name: "rounds", value: 0)) {
      try synflowSparsities(sparsity: 0.5, rounds: 0)
    }
    #expect(throws: PruningError.invalidAmount(.fraction(-0.5))) {
      try synflowSparsities(sparsity: -0.5, rounds: 0)
    }
    #expect(throws: PruningError.invalidHyperparameter(name: "rounds", value: -3)) {
      try synflowMasks(model, sparsity: 0.5, rounds: -3)
    }
    #expect(throws: PruningError.invalidAmount(.fraction(2))) {
      try synflowMasks(model, sparsity: 2)
    }
    #expect(throws: PruningError.shapeMismatch(expected: [2], actual: [1])) {
      try synflowScores(model, masks: [mask("██/██")])
    }
    #expect(throws: PruningError.shapeMismatch(expected: [1, 2], actual: [2])) {
      try synflowScores(model, masks: [mask("██/██"), mask("██")])
    }
    let nan = try Fixture.model([(weight: [[1, 2]], bias: [.nan])])
    #expect(throws: PruningError.nonFiniteWeight(position: [0], kind: .nan)) {
      try synflowMasks(nan, sparsity: 0.5, rounds: 2)
    }
  }
}
