import DynamicPruning
import PruningCore
import PruningTestSupport
import Testing

@Suite("The pruner's mask rule (magnitudeMask(_:sparsity:))")
struct MagnitudeMaskTests {
  @Test("Half of six weights: the three smallest magnitudes are pruned")
  func workedExample() throws {
    let result = try magnitudeMask(Tensor([0.1, -0.5, 0.3, -0.05, 0.8, 0.2]), sparsity: 0.5)
    expectMask(result, equals: mask("·██·█·"))
  }

  @Test(
    "Exact halves round to even: 2.5 → 2 and 3.5 → 4 weights pruned",
    arguments: [
      ([Float(5), 4, 3, 2, 1], "███··"),
      ([Float(7), 6, 5, 4, 3, 2, 1], "███····"),
    ])
  func roundsHalfToEven(values: [Float], expected: String) throws {
    expectMask(try magnitudeMask(Tensor(values), sparsity: 0.5), equals: mask(expected))
  }

  @Test("Ties prune the lower index first; already-zero weights go first")
  func tiesAndZeros() throws {
    expectMask(
      try magnitudeMask(Tensor([0.2, -0.2, 0.2, 0.5]), sparsity: 0.5), equals: mask("··██"))
    expectMask(
      try magnitudeMask(Tensor([0.3, 0, 0.1, 0, 0.2]), sparsity: 0.4), equals: mask("█·█·█"))
  }

  @Test("A matrix keeps its shape; the ranking runs over the flat row-major order")
  func matrix() throws {
    let result = try magnitudeMask(tensor([[0.4, -0.1, 0.9], [0.1, 0.3, -0.2]]), sparsity: 0.5)
    expectMask(result, equals: mask("█·█/·█·"))
  }

  @Test("Sparsity 0, a single weight, and no weights at all")
  func edges() throws {
    let w = RandomData.tensor(shape: [4, 5], seed: 4)
    try expectEqual(
      magnitudeMask(w, sparsity: 0).keptCount, 20, "magnitudeMask(w, sparsity: 0).keptCount")
    try expectEqual(
      magnitudeMask(Tensor([3]), sparsity: 0.5).keptCount, 1,
      "magnitudeMask(Tensor([3]), sparsity: 0.5).keptCount")  // round(0.5) = 0
    try expectEqual(
      magnitudeMask(Tensor([3]), sparsity: 0.51).keptCount, 0,
      "magnitudeMask(Tensor([3]), sparsity: 0.51).keptCount")
    try expectEqual(
      magnitudeMask(Tensor([]), sparsity: 0.9).count, 0,
      "magnitudeMask(Tensor([]), sparsity: 0.9).count")
    try expectEqual(
      magnitudeMask(w, sparsity: 0.999).keptCount, 0,
      "magnitudeMask(w, sparsity: 0.999).keptCount")  // round(19.98) = 20
  }

  @Test(
    "Random weights with ties: exactly round(n·s) pruned, matching a sort by (|w|, index)",
    arguments: RandomData.seeds)
  func randomMatchesSort(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let shape = RandomData.shape(rank: 2, dimensions: 1...12, seed: seed)
    let w = RandomData.gridTensor(
      shape: shape, numerators: -4...4, denominator: 8, using: &generator)
    let sparsity = generator.nextUnitDouble() * 0.999
    let result = try magnitudeMask(w, sparsity: sparsity)
    expectMask(result, equals: Oracle.sparsityMask(w, sparsity: sparsity))
    #expect(result.prunedCount == Oracle.roundHalfEven(Double(w.count) * sparsity))
  }

  @Test("A sparsity outside 0..<1 is rejected before the weights are looked at")
  func badSparsity() {
    for bad in [1.0, 1.5, -0.01, .infinity] {
      #expect(throws: PruningError.invalidSparsity(bad)) {
        try magnitudeMask(Tensor([.nan, 1]), sparsity: bad)
      }
    }
    let error = #expect(throws: PruningError.self) {
      try magnitudeMask(Tensor([1, 2]), sparsity: .nan)
    }
    guard case .invalidSparsity(let reported) = error, reported.isNaN else {
      Issue.record("expected .invalidSparsity(nan), got \(String(describing: error))")
      return
    }
  }

  @Test("A NaN or infinite weight is reported with its position")
  func nonFinite() {
    #expect(throws: PruningError.nonFiniteWeight(position: [1, 0], kind: .negativeInfinity)) {
      try magnitudeMask(tensor([[1, 2], [-.infinity, 3]]), sparsity: 0.5)
    }
  }
}
