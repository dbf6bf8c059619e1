import DynamicPruning
import PruningCore
import PruningTestSupport
import Testing

/// A stand-in for training: step `s` adds a fixed pseudo-random amount to every weight, masks
/// ignored (so pruned weights move too, as they would under an optimiser that is not masked).
/// The result depends on the path, so rewinding to the wrong snapshot gives other numbers.
struct FakeTraining {
  struct Call {
    var weights: [Tensor]
    var masks: [Mask]
    var steps: Range<Int>
  }

  var calls: [Call] = []

  static func delta(step: Int, layer: Int, index: Int) -> Float {
    var generator = SplitMix64(seed: UInt64(step * 1_000_003 + layer * 10_007 + index + 17))
    return generator.nextFloat(in: -0.5...0.5)
  }

  static func advance(_ weights: [Tensor], over steps: Range<Int>) -> [Tensor] {
    weights.enumerated().map { layer, tensor in
      var copy = tensor
      for step in steps {
        for index in 0..<copy.count {
          copy[flat: index] += delta(step: step, layer: layer, index: index)
        }
      }
      return copy
    }
  }

  mutating func run(_ weights: [Tensor], _ masks: [Mask], _ steps: Range<Int>) -> [Tensor] {
    calls.append(Call(weights: weights, masks: masks, steps: steps))
    return Self.advance(weights, over: steps)
  }
}

/// The whole procedure written out plainly.
func oracleRounds(
  initial: [Tensor], rate: Double, rounds: Int, rewindStep k: Int, trainingSteps t: Int
) -> [TicketRound] {
  let rewindPoint = FakeTraining.advance(initial, over: 0..<k)
  var masks = initial.map { (try? Mask(shape: $0.shape)) ?? Mask([]) }
  var trained = FakeTraining.advance(rewindPoint, over: k..<t)
  var records = [
    TicketRound(round: 0, masks: masks, startWeights: initial, trainedWeights: trained)
  ]
  for round in stride(from: 1, through: rounds, by: 1) {
    masks = masks.indices.map {
      Oracle.pruneRound(trained[$0], previous: masks[$0], rate: rate)
    }
    let start = masks.indices.map { Oracle.masked(rewindPoint[$0], masks[$0]) }
    trained = FakeTraining.advance(start, over: k..<t)
    records.append(
      TicketRound(round: round, masks: masks, startWeights: start, trainedWeights: trained))
  }
  return records
}

@Suite("Iterative magnitude pruning with rewinding (iterativeMagnitudePruning)")
struct IterativeMagnitudePruningTests {
  let initial = [
    RandomData.distinctMagnitudes(shape: [4, 6], seed: 1),
    RandomData.distinctMagnitudes(shape: [3, 4], seed: 2),
  ]

  @Test("Round 0 trains 0..<k then k..<T; every later round trains k..<T again")
  func trainingCalls() throws {
    var fake = FakeTraining()
    let records = try iterativeMagnitudePruning(
      initialWeights: initial, rate: 0.3, rounds: 3, rewindStep: 3, trainingSteps: 10
    ) { weights, masks, steps in fake.run(weights, masks, steps) }
    #expect(fake.calls.map(\.steps) == [0..<3, 3..<10, 3..<10, 3..<10, 3..<10])
    #expect(records.map(\.round) == [0, 1, 2, 3])
    #expect(fake.calls[0].weights == initial)
    #expect(fake.calls[0].masks.allSatisfy { $0.prunedCount == 0 })
    for round in 1...3 {
      expectEqual(fake.calls[round + 1].masks, records[round].masks, "fake.calls[round + 1].masks")
      #expect(fake.calls[round + 1].weights == records[round].startWeights)
    }
  }

  @Test("Late rewinding: each round restarts from m ⊙ θ_k, not θ₀ and not the trained weights")
  func rewindsToStepK() throws {
    var fake = FakeTraining()
    let records = try iterativeMagnitudePruning(
      initialWeights: initial, rate: 0.5, rounds: 2, rewindStep: 4, trainingSteps: 9
    ) { weights, masks, steps in fake.run(weights, masks, steps) }
    let thetaK = FakeTraining.advance(initial, over: 0..<4)
    for round in 1...2 {
      for layer in 0..<2 {
        let m = records[round].masks[layer]
        expectClose(
          records[round].startWeights[layer], Oracle.masked(thetaK[layer], m), tolerance: 0,
          "round \(round), layer \(layer)")
        #expect(records[round].startWeights[layer] != Oracle.masked(initial[layer], m))
      }
    }
  }

  @Test("Rewind step 0 is the original lottery ticket: back to m ⊙ θ₀")
  func rewindToInitialisation() throws {
    var fake = FakeTraining()
    let records = try iterativeMagnitudePruning(
      initialWeights: initial, rate: 0.2, rounds: 2, rewindStep: 0, trainingSteps: 5
    ) { weights, masks, steps in fake.run(weights, masks, steps) }
    #expect(fake.calls.map(\.steps) == [0..<0, 0..<5, 0..<5, 0..<5])
    for layer in 0..<2 {
      expectClose(
        records[2].startWeights[layer], Oracle.masked(initial[layer], records[2].masks[layer]),
        tolerance: 0)
    }
  }

  @Test("Random runs match the procedure written out step by step", arguments: RandomData.seeds)
  func randomRuns(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let shapes = [
      RandomData.shape(rank: 2, dimensions: 2...9, seed: seed),
      RandomData.shape(rank: 2, dimensions: 1...6, seed: seed &+ 5),
    ]
    let weights = shapes.enumerated().map { RandomData.tensor(shape: $1, seed: seed &+ UInt64($0)) }
    let t = 1 + generator.nextInt(below: 8)
    let k = generator.nextInt(below: t + 1)
    let rounds = generator.nextInt(below: 5)
    let rate = 0.05 + 0.6 * generator.nextUnitDouble()
    var fake = FakeTraining()
    let records = try iterativeMagnitudePruning(
      initialWeights: weights, rate: rate, rounds: rounds, rewindStep: k, trainingSteps: t
    ) { weights, masks, steps in fake.run(weights, masks, steps) }
    let expected = oracleRounds(
      initial: weights, rate: rate, rounds: rounds, rewindStep: k, trainingSteps: t)
    #expect(records.count == rounds + 1)
    #expect(fake.calls.count == rounds + 2)
    for (got, want) in zip(records, expected) {
      #expect(got.round == want.round)
      for layer in 0..<2 {
        expectMask(got.masks[layer], equals: want.masks[layer], "round \(want.round)")
        expectClose(got.startWeights[layer], want.startWeights[layer], tolerance: 0)
        expectClose(got.trainedWeights[layer], want.trainedWeights[layer], tolerance: 0)
      }
    }
  }

  @Test("Seven rounds at 20 % leave 0.8⁷ ≈ 21 % of a layer, counted round by round")
  func remainingAfterRounds() throws {
    let big = [RandomData.tensor(shape: [25, 40], seed: 3)]
    var fake = FakeTraining()
    let records = try iterativeMagnitudePruning(
      initialWeights: big, rate: 0.2, rounds: 7, rewindStep: 1, trainingSteps: 2
    ) { weights, masks, steps in fake.run(weights, masks, steps) }
    #expect(records.map { $0.masks[0].keptCount } == [1000, 800, 640, 512, 410, 328, 262, 210])
    for round in 1...7 {
      let masks = records[round].masks[0]
      let previous = records[round - 1].masks[0]
      #expect((0..<1000).allSatisfy { !masks.isKept[$0] || previous.isKept[$0] })
    }
    #expect(abs(records[7].masks[0].density - 0.2097152) < 0.001)
  }

  @Test("No pruning rounds: just the dense run")
  func zeroRounds() throws {
    var fake = FakeTraining()
    let records = try iterativeMagnitudePruning(
      initialWeights: initial, rate: 0.2, rounds: 0, rewindStep: 2, trainingSteps: 4
    ) { weights, masks, steps in fake.run(weights, masks, steps) }
    #expect(records.count == 1 && fake.calls.count == 2)
    #expect(records[0].trainedWeights == FakeTraining.advance(initial, over: 0..<4))
    #expect(records[0].startWeights == initial)
  }

  @Test("The bounds are allowed: rate 0 keeps every weight, rate 1 prunes all, 0 training steps")
  func bounds() throws {
    var fake = FakeTraining()
    let none = try iterativeMagnitudePruning(
      initialWeights: initial, rate: 0, rounds: 2, rewindStep: 1, trainingSteps: 3
    ) { weights, masks, steps in fake.run(weights, masks, steps) }
    #expect(none.map { $0.masks.map(\.prunedCount) } == [[0, 0], [0, 0], [0, 0]])
    let all = try iterativeMagnitudePruning(
      initialWeights: initial, rate: 1, rounds: 1, rewindStep: 1, trainingSteps: 3
    ) { weights, _, _ in weights }
    #expect(all.last?.masks.map(\.keptCount) == [0, 0])
    fake = FakeTraining()
    let untrained = try iterativeMagnitudePruning(
      initialWeights: initial, rate: 0.5, rounds: 1, rewindStep: 0, trainingSteps: 0
    ) { weights, masks, steps in fake.run(weights, masks, steps) }
    #expect(untrained.count == 2)
    #expect(untrained[0].trainedWeights == initial, "no steps: the weights stay as they start")
  }

  @Test("Bad arguments throw the exact error, in the documented order")
  func validation() {
    func run(rate: Double = 0.2, rounds: Int = 2, rewind: Int = 1, steps: Int = 5) throws {
      _ = try iterativeMagnitudePruning(
        initialWeights: initial, rate: rate, rounds: rounds, rewindStep: rewind,
        trainingSteps: steps
      ) { weights, _, _ in weights }
    }
    #expect(throws: PruningError.invalidAmount(.fraction(1.5))) {
      try run(rate: 1.5, rounds: -1)
    }
    #expect(throws: PruningError.invalidHyperparameter(name: "rounds", value: -1)) {
      try run(rounds: -1, steps: -1)
    }
    #expect(throws: PruningError.invalidHyperparameter(name: "trainingSteps", value: -1)) {
      try run(rewind: 7, steps: -1)
    }
    #expect(throws: PruningError.invalidHyperparameter(name: "rewindStep", value: 6)) {
      try run(rewind: 6, steps: 5)
    }
    #expect(throws: PruningError.invalidHyperparameter(name: "rewindStep", value: -1)) {
      try run(rewind: -1)
    }
    #expect(throws: PruningError.shapeMismatch(expected: [2], actual: [1])) {
      _ = try iterativeMagnitudePruning(
        initialWeights: initial, rate: 0.2, rounds: 1, rewindStep: 1, trainingSteps: 3
      ) { weights, _, _ in [weights[0]] }
    }
  }

  @Test("On real digits, tickets pruned to 12.5 % still learn after every rewind")
  func realTraining() throws {
    let (train, _) = try Digits.loadSplit()
    let data = try train.subset(Array(0..<200))
    var generator = SplitMix64(seed: 8)
    let start = try MLP(sizes: [64, 16, 10], using: &generator)
    var losses: [(before: Double, after: Double)] = []
    let records = try iterativeMagnitudePruning(
      initialWeights: start.weights, rate: 0.5, rounds: 3, rewindStep: 2, trainingSteps: 40
    ) { weights, masks, steps throws(PruningError) in
      var model = start
      try model.setWeights(weights)
      let before = try model.evaluate(on: data).loss
      var optimizer = try SGD(learningRate: 0.5)
      for _ in steps {
        let (_, gradients) = try model.lossAndGradients(
          features: data.features, labels: data.labels)
        try optimizer.step(&model, gradients: gradients)
        let masked = zip(model.weights, masks).map { Oracle.masked($0, $1) }
        try model.setWeights(masked)
      }
      losses.append((before, try model.evaluate(on: data).loss))
      return model.weights
    }
    #expect(
      records.map { $0.masks.map(\.keptCount) } == [
        [1024, 160], [512, 80], [256, 40], [128, 20],
      ])
    for (index, loss) in losses.enumerated() where index > 0 {
      #expect(loss.after < loss.before, "segment \(index): \(loss)")
    }
    for record in records.dropFirst() {
      for (tensor, mask) in zip(record.startWeights, record.masks) {
        #expect((0..<tensor.count).allSatisfy { mask.isKept[$0] || tensor[flat: $0] == 0 })
      }
    }
  }
}
