import PruningCore
import PruningTestSupport
import Testing
import WeightPruning

@Suite("Magnitude pruning (magnitudeMask)")
struct MagnitudePruningTests {
  @Test("Half of six weights: the three smallest magnitudes are pruned")
  func workedExample() throws {
    let weights = Tensor([0.1, -0.5, 0.3, -0.05, 0.8, 0.2])
    let result = try magnitudeMask(weights, amount: .fraction(0.5))
    expectMask(result, equals: mask("·██·█·"))
  }

  @Test("Ties: among equal magnitudes the lower index is pruned first")
  func tiesPruneLowerIndex() throws {
    let result = try magnitudeMask(Tensor([0.2, -0.2, 0.2, 0.5]), amount: .count(2))
    expectMask(result, equals: mask("··██"))
  }

  @Test("All-equal weights prune exactly k, from the front")
  func allEqual() throws {
    let result = try magnitudeMask(Tensor(Array(repeating: -0.3, count: 7)), amount: .fraction(0.5))
    expectMask(result, equals: mask("····███"))
  }

  @Test("Exact halves round to even: 0.5 of 5 prunes 2, not 3")
  func roundsHalfToEven() throws {
    let result = try magnitudeMask(Tensor([5, 4, 3, 2, 1]), amount: .fraction(0.5))
    expectMask(result, equals: mask("███··"))
  }

  @Test("Weights that are already zero are candidates like any other")
  func zerosAreCandidates() throws {
    let result = try magnitudeMask(Tensor([0, 0.9, 0, -0.1]), amount: .count(3))
    expectMask(result, equals: mask("·█··"))
  }

  @Test("A matrix keeps its shape; the ranking runs over the flat row-major order")
  func matrixShape() throws {
    let w = try Tensor(rows: [[0.4, -0.1], [0.1, 0.3]])
    let result = try magnitudeMask(w, amount: .count(2))
    expectMask(result, equals: mask("█·/·█"))
  }

  @Test(
    "Random weights with ties: exactly k pruned, matching a sort by (|w|, index)",
    arguments: RandomData.seeds)
  func randomMatchesSort(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let shape = RandomData.shape(rank: 2, dimensions: 1...12, seed: seed)
    // Few distinct magnitudes, so ties are common.
    let w = RandomData.gridTensor(
      shape: shape, numerators: -3...3, denominator: 4, using: &generator)
    let fraction = RandomData.fraction(seed: seed &+ 7)
    let k = Oracle.pruneCount(fraction: fraction, of: w.count)
    let result = try magnitudeMask(w, amount: .fraction(fraction))
    let expected = try Mask(shape: shape, isKept: Oracle.magnitudeKeep(w.scalars, prune: k))
    expectMask(result, equals: expected)
    #expect(result.prunedCount == k)
  }

  @Test(
    "Large layers (200,000 weights, many ties) prune exactly k by (|w|, index)",
    arguments: ["random", "ascending"])
  func largeLayers(order: String) throws {
    var values = RandomData.signedThousandths(count: 200_000, seed: 2024)
    if order == "ascending" { values = RandomData.sortedByMagnitude(values) }
    let k = Oracle.pruneCount(fraction: 0.9, of: values.count)
    let result = try magnitudeMask(Tensor(values), amount: .fraction(0.9))
    #expect(result.prunedCount == k)
    expectMask(
      result, equals: Oracle.magnitudeKeep(values, prune: k),
      "magnitudeMask of 200,000 weights (\(order)), amount .fraction(0.9)")
  }

  @Test("Amount 0 keeps everything and amount 1 prunes everything")
  func extremes() throws {
    let w = RandomData.tensor(shape: [3, 5], seed: 9)
    try expectEqual(
      magnitudeMask(w, amount: .fraction(0)).keptCount, 15,
      "magnitudeMask(w, amount: .fraction(0)).keptCount")
    try expectEqual(
      magnitudeMask(w, amount: .fraction(1)).keptCount, 0,
      "magnitudeMask(w, amount: .fraction(1)).keptCount")
    try expectEqual(
      magnitudeMask(w, amount: .count(15)).keptCount, 0,
      "magnitudeMask(w, amount: .count(15)).keptCount")
    try expectEqual(
      magnitudeMask(Tensor([]), amount: .fraction(0.5)).count, 0,
      "magnitudeMask(Tensor([]), amount: .fraction(0.5)).count")
  }

  @Test("Bad input: non-finite weights and bad amounts throw the exact error")
  func badInput() {
    #expect(throws: PruningError.nonFiniteWeight(position: [1], kind: .positiveInfinity)) {
      try magnitudeMask(Tensor([1, .infinity]), amount: .fraction(0.5))
    }
    #expect(throws: PruningError.invalidAmount(.fraction(1.5))) {
      try magnitudeMask(Tensor([1, 2]), amount: .fraction(1.5))
    }
    #expect(throws: PruningError.amountExceedsCount(requested: 3, available: 2)) {
      try magnitudeMask(Tensor([1, 2]), amount: .count(3))
    }
  }
}

@Suite("Iterative pruning (magnitudeMask with a previous mask)")
struct IterativePruningTests {
  let weights = Tensor([0.1, -0.5, 0.3, -0.05, 0.8, 0.2])

  @Test("A second 0.5 prunes half of the three survivors: round(1.5) = 2 more")
  func secondRound() throws {
    let first = try magnitudeMask(weights, amount: .fraction(0.5))
    let second = try magnitudeMask(weights, amount: .fraction(0.5), previous: first)
    expectMask(second, equals: mask("····█·"))
  }

  @Test("A count in a later round counts survivors only")
  func countOfSurvivors() throws {
    let first = try magnitudeMask(weights, amount: .fraction(0.5))
    let second = try magnitudeMask(weights, amount: .count(1), previous: first)
    expectMask(second, equals: mask("·█··█·"))
    #expect(throws: PruningError.amountExceedsCount(requested: 4, available: 3)) {
      try magnitudeMask(weights, amount: .count(4), previous: first)
    }
  }

  @Test("Pruned weights stay pruned even when their magnitude is large")
  func prunedStayPruned() throws {
    let previous = mask("████·█")  // 0.8 was pruned by someone else
    let next = try magnitudeMask(weights, amount: .count(2), previous: previous)
    expectMask(next, equals: mask("·██··█"))
  }

  @Test(
    "Random rounds: masks only lose entries and each round prunes its share of survivors",
    arguments: RandomData.seeds)
  func randomRounds(seed: UInt64) throws {
    let w = RandomData.distinctMagnitudes(shape: [5, 8], seed: seed)
    var mask = try Mask(shape: w.shape)
    for _ in 0..<4 {
      let survivors = mask.keptCount
      let next = try magnitudeMask(w, amount: .fraction(0.3), previous: mask)
      let k = Oracle.pruneCount(fraction: 0.3, of: survivors)
      expectMask(
        next,
        equals: try Mask(
          shape: w.shape, isKept: Oracle.magnitudeKeep(w.scalars, prune: k, candidates: mask.isKept)
        ))
      for index in 0..<w.count where !mask.isKept[index] {
        #expect(!next.isKept[index], "index \(index) came back to life")
      }
      mask = next
    }
  }

  @Test("A previous mask of another shape is rejected")
  func shapeMismatch() {
    #expect(throws: PruningError.shapeMismatch(expected: [6], actual: [2, 3])) {
      try magnitudeMask(
        weights, amount: .fraction(0.5),
        previous: (try? Mask(shape: [2, 3])) ?? Mask([]))
    }
  }

  @Test("A NaN or infinite weight throws, even one the previous mask already pruned")
  func nonFinite() {
    let previous = mask("█·████")
    #expect(throws: PruningError.nonFiniteWeight(position: [3], kind: .nan)) {
      try magnitudeMask(
        Tensor([0.1, -0.5, 0.3, .nan, 0.8, 0.2]), amount: .count(1), previous: previous)
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [1], kind: .negativeInfinity)) {
      try magnitudeMask(
        Tensor([0.1, -.infinity, 0.3, 0.4, 0.8, 0.2]), amount: .fraction(0.5),
        previous: previous)
    }
  }
}
