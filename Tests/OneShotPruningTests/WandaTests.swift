import OneShotPruning
import PruningCore
import PruningTestSupport
import Testing

@Suite("Wanda (wandaScores, wandaMask)")
struct WandaTests {
  let w = (try? Tensor(rows: [[1, -2], [3, 0.5]])) ?? Tensor([])

  @Test("Worked example: ‖X‖ = [4, 1] gives S = [[4, 2], [12, 0.5]] and prunes W[0][1], W[1][1]")
  func workedExample() throws {
    let scores = try wandaScores(w, inputNorms: [4, 1])
    expectClose(scores, try Tensor(rows: [[4, 2], [12, 0.5]]))
    let result = try wandaMask(w, inputNorms: [4, 1], pattern: .unstructured(0.5))
    expectMask(result, equals: mask("█·/█·"))
    let magnitude = try rowMagnitudeMask(w, pattern: .unstructured(0.5))
    #expect(result != magnitude, "Wanda and magnitude should disagree on row 0")
  }

  @Test("With every ‖X_j‖ = 1 Wanda is per-row magnitude pruning", arguments: RandomData.seeds)
  func unitNormsEqualMagnitude(seed: UInt64) throws {
    let shape = [1 + Int(seed % 5), 8]
    let weights = RandomData.tensor(shape: shape, seed: seed)
    let ones = [Float](repeating: 1, count: 8)
    for pattern in [SparsityPattern.unstructured(0.5), .unstructured(0.3), .nm(n: 2, m: 4)] {
      let wanda = try wandaMask(weights, inputNorms: ones, pattern: pattern)
      let magnitude = try rowMagnitudeMask(weights, pattern: pattern)
      expectMask(wanda, equals: magnitude, "\(pattern)")
    }
  }

  @Test(
    "Random layers and inputs: the mask ranks |W_ij|·‖X_j‖ (not ‖X_j‖²) within each row",
    arguments: RandomData.seeds)
  func randomMatchesReference(seed: UInt64) throws {
    let weights = RandomData.tensor(shape: [6, 8], seed: seed)
    var x = RandomData.tensor(shape: [8, 12], seed: seed &+ 100)
    // Input features of very different sizes, as in a trained model.
    x = try Tensor(
      shape: x.shape,
      scalars: x.scalars.enumerated().map { $1 * Float(1 + ($0 / 12) % 4 * 3) })
    let norms = try inputNorms(x)
    let scores = try wandaScores(weights, inputNorms: norms)
    let expected = try Tensor(
      shape: [6, 8],
      scalars: weights.scalars.enumerated().map {
        Float(Double(abs($1)) * Oracle.norms(x)[$0 % 8])
      })
    expectClose(scores, expected, tolerance: 1e-4)
    for (fraction, nm) in [(0.5, nil), (0.25, nil), (nil, (n: 2, m: 4)), (nil, (n: 4, m: 8))]
      as [(Double?, (n: Int, m: Int)?)]
    {
      let pattern = nm.map { SparsityPattern.nm(n: $0.n, m: $0.m) } ?? .unstructured(fraction ?? 0)
      let result = try wandaMask(weights, inputNorms: norms, pattern: pattern)
      let keep = Oracle.wandaKeep(weights, inputs: x, fraction: fraction, nm: nm)
      expectMask(result, equals: try Mask(shape: [6, 8], isKept: keep), "\(pattern)")
    }
  }

  @Test("A dead input (‖X_j‖ = 0) is pruned first, whatever its weight")
  func deadInputPrunedFirst() throws {
    let weights = try Tensor(rows: [[9, 0.1, 0.2, 0.3]])
    let result = try wandaMask(weights, inputNorms: [0, 1, 1, 1], pattern: .unstructured(0.25))
    expectMask(result, equals: mask("·███").isKept)
  }

  @Test("Bad input: norm count, negative or NaN norm, rank, NaN weight, pattern")
  func badInput() throws {
    #expect(throws: PruningError.shapeMismatch(expected: [2], actual: [3])) {
      try wandaScores(w, inputNorms: [1, 2, 3])
    }
    #expect(
      throws: PruningError.invalidArgument(
        "input norms must be finite and not negative, got -1.0 at index 1")
    ) {
      try wandaScores(w, inputNorms: [1, -1])
    }
    #expect(throws: PruningError.rankMismatch(expected: 2, actual: [2])) {
      try wandaMask(Tensor([1, 2]), inputNorms: [1, 1], pattern: .unstructured(0.5))
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [1, 0], kind: .positiveInfinity)) {
      try wandaScores(try Tensor(rows: [[1, 2], [.infinity, 0]]), inputNorms: [1, 1])
    }
    #expect(throws: PruningError.invalidNMPattern(n: 3, m: 2)) {
      try wandaMask(w, inputNorms: [1, 1], pattern: .nm(n: 3, m: 2))
    }
  }
}
