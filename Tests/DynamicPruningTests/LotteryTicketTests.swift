import DynamicPruning
import PruningCore
import PruningTestSupport
import Testing

@Suite("What iterative pruning leaves (remainingFraction)")
struct RemainingFractionTests {
  @Test(
    "Each round keeps (1 − r) of what is left: (1 − r)^k",
    arguments: [
      (0.2, 7, 0.2097152), (0.2, 0, 1.0), (0.5, 3, 0.125), (0.2, 11, 0.08589934592),
      (0.0, 5, 1.0), (1.0, 1, 0.0), (0.1, 2, 0.81),
    ])
  func table(rate: Double, rounds: Int, expected: Double) throws {
    expectClose(try remainingFraction(rate: rate, rounds: rounds), expected, tolerance: 1e-12)
  }

  @Test("Random rates and rounds match repeated multiplication", arguments: RandomData.seeds)
  func random(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let rate = generator.nextUnitDouble()
    let rounds = generator.nextInt(below: 15)
    var left = 1.0
    for _ in 0..<rounds { left *= 1 - rate }
    expectClose(try remainingFraction(rate: rate, rounds: rounds), left, tolerance: 1e-12)
  }

  @Test("A rate outside 0...1 or negative rounds throw the exact error")
  func validation() {
    #expect(throws: PruningError.invalidAmount(.fraction(1.5))) {
      try remainingFraction(rate: 1.5, rounds: -1)
    }
    #expect(throws: PruningError.invalidAmount(.fraction(-0.2))) {
      try remainingFraction(rate: -0.2, rounds: 3)
    }
    #expect(throws: PruningError.invalidHyperparameter(name: "rounds", value: -1)) {
      try remainingFraction(rate: 0.2, rounds: -1)
    }
  }
}

@Suite("One round of iterative magnitude pruning (pruneRound)")
struct PruneRoundTests {
  let everything = Mask(Array(repeating: true, count: 6))

  @Test("The worked example: half of six, then half of the three survivors")
  func workedExample() throws {
    let first = try pruneRound(
      Tensor([0.1, -0.5, 0.3, -0.05, 0.8, 0.2]), previous: everything, rate: 0.5)
    expectMask(first, equals: mask("·██·█·"))
    let second = try pruneRound(Tensor([9, -0.5, 0.3, 9, 0.8, 9]), previous: first, rate: 0.5)
    expectMask(second, equals: mask("····█·"))
  }

  @Test("Only survivors are ranked: a large weight that was pruned stays pruned")
  func survivorsOnly() throws {
    let weights = Tensor([0.1, -0.5, 0.3, -0.05, 0.8, 0.2])
    let next = try pruneRound(weights, previous: mask("████·█"), rate: 0.4)
    expectMask(next, equals: mask("·██··█"))  // round(0.4 · 5) = 2 of the 5 survivors
  }

  @Test("Small weights that were already pruned do not use up the round's count")
  func prunedDoNotCount() throws {
    let weights = Tensor([0.01, 0.5, 0.3, 0.02, 0.8, 0.2])
    let next = try pruneRound(weights, previous: mask("·██·██"), rate: 0.5)
    expectMask(next, equals: mask("·█··█·"))  // round(0.5 · 4) = 2: the 0.2 and the 0.3
  }

  @Test("A round's count rounds half to even: 0.5 of 5 survivors prunes 2, of 7 prunes 4")
  func halfToEven() throws {
    let weights = Tensor([0.6, 0.1, 0.9, 0.2, 0.7, 0.3, 0.8, 0.4])
    expectMask(
      try pruneRound(weights, previous: mask("██·██·█·"), rate: 0.5), equals: mask("█···█·█·"),
      "5 survivors [0.6, 0.1, 0.2, 0.7, 0.8], rate 0.5: round(2.5) = 2")
    expectMask(
      try pruneRound(weights, previous: mask("███████·"), rate: 0.5), equals: mask("··█·█·█·"),
      "7 survivors, rate 0.5: round(3.5) = 4")
  }

  @Test("Ties among survivors prune the lower index first")
  func ties() throws {
    let next = try pruneRound(Tensor([0.2, -0.2, 0.2, 0.5]), previous: mask("████"), rate: 0.5)
    expectMask(next, equals: mask("··██"))
  }

  @Test(
    "Random rounds: nested masks, round(r · survivors) more each time, as a sort would",
    arguments: RandomData.seeds)
  func randomRounds(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let shape = RandomData.shape(rank: 2, dimensions: 2...15, seed: seed)
    var current = try Mask(shape: shape)
    let rate = 0.1 + 0.4 * generator.nextUnitDouble()
    for round in 1...6 {
      // Fresh "trained" weights each round, pruned positions included.
      let trained = RandomData.tensor(shape: shape, seed: seed &* 31 &+ UInt64(round))
      let next = try pruneRound(trained, previous: current, rate: rate)
      expectMask(next, equals: Oracle.pruneRound(trained, previous: current, rate: rate))
      let expectedPruned = Oracle.roundHalfEven(Double(current.keptCount) * rate)
      #expect(next.keptCount == current.keptCount - expectedPruned, "round \(round)")
      for index in 0..<next.count where next.isKept[index] {
        #expect(current.isKept[index], "round \(round): index \(index) came back")
      }
      current = next
    }
  }

  @Test("Rate 0 changes nothing, rate 1 prunes every survivor")
  func extremes() throws {
    let w = RandomData.tensor(shape: [3, 4], seed: 2)
    let previous = try pruneRound(w, previous: Mask(keeping: true, shape: [3, 4]), rate: 0.25)
    expectMask(try pruneRound(w, previous: previous, rate: 0), equals: previous)
    try expectEqual(
      pruneRound(w, previous: previous, rate: 1).keptCount, 0,
      "pruneRound(w, previous: previous, rate: 1).keptCount")
  }

  @Test("Bad input throws the exact error: shape, then rate, then weights")
  func validation() throws {
    #expect(throws: PruningError.shapeMismatch(expected: [2, 2], actual: [4])) {
      try pruneRound(tensor([[1, 2], [3, 4]]), previous: mask("████"), rate: 2)
    }
    #expect(throws: PruningError.invalidAmount(.fraction(1.01))) {
      try pruneRound(Tensor([1, .nan]), previous: mask("██"), rate: 1.01)
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [1], kind: .nan)) {
      try pruneRound(Tensor([1, .nan]), previous: mask("██"), rate: 0.5)
    }
  }
}

@Suite("Rewinding (rewind)")
struct RewindTests {
  @Test("Survivors take the snapshot's values; pruned weights are exactly zero")
  func workedExample() throws {
    let result = try rewind(Tensor([0.3, -0.2, 0.7]), mask: mask("█·█"))
    expectClose(result, Tensor([0.3, 0, 0.7]), tolerance: 0)
  }

  @Test("Random snapshots and masks: w = m ⊙ θ, element by element", arguments: RandomData.seeds)
  func random(seed: UInt64) throws {
    let shape = RandomData.shape(rank: 2, dimensions: 1...9, seed: seed)
    let snapshot = RandomData.tensor(shape: shape, seed: seed &+ 1)
    var generator = SplitMix64(seed: seed &+ 2)
    let m = try Mask(
      shape: shape, isKept: (0..<snapshot.count).map { _ in generator.next() & 1 == 0 })
    expectClose(try rewind(snapshot, mask: m), Oracle.masked(snapshot, m), tolerance: 0)
  }

  @Test("A mask of another shape is rejected")
  func shapeMismatch() {
    #expect(throws: PruningError.shapeMismatch(expected: [2, 2], actual: [2, 3])) {
      try rewind(tensor([[1, 2], [3, 4]]), mask: mask("███/···"))
    }
  }
}
