import OneShotPruning
import PruningCore
import PruningTestSupport
import Testing

@Suite("Per-row magnitude and N:M masks (rowPruningMask, rowMagnitudeMask)")
struct RowPruningTests {
  @Test("Worked example: 50 % per row of [[1, -2], [3, 0.5]] prunes W[0][0] and W[1][1]")
  func workedExample() throws {
    let w = try Tensor(rows: [[1, -2], [3, 0.5]])
    expectMask(try rowMagnitudeMask(w, pattern: .unstructured(0.5)), equals: mask("·█/█·"))
  }

  @Test("Each row loses its own share: a layer-wide ranking would empty the small row")
  func perRowNotGlobal() throws {
    let w = try Tensor(rows: [[0.1, 0.2, 0.3, 0.4], [5, 6, 7, 8]])
    expectMask(try rowMagnitudeMask(w, pattern: .unstructured(0.5)), equals: mask("··██/··██"))
  }

  @Test("Ties prune the lower column first; 0.5 of 5 columns rounds half to even to 2")
  func tiesAndRounding() throws {
    let w = try Tensor(rows: [[0.2, -0.2, 0.2, 0.9, 0.8]])
    expectMask(try rowMagnitudeMask(w, pattern: .unstructured(0.5)), equals: mask("··███").isKept)
    let scores = try Tensor(rows: [[1, 1, 1, 1]])
    expectMask(
      try rowPruningMask(scores: scores, pattern: .nm(n: 2, m: 4)), equals: mask("··██").isKept)
  }

  @Test("-0 and +0 are equal scores: the lower column is pruned first, whichever sign it has")
  func signedZeroTies() throws {
    for (scores, expected) in [
      ([Float(0), -0.0, 1, 2], "·███"), ([-0.0, 0, 1, 2], "·███"), ([2, -0.0, 0, 1], "█·██"),
    ] {
      expectMask(
        try rowPruningMask(scores: Tensor(rows: [scores]), pattern: .unstructured(0.25)),
        equals: mask(expected).isKept, "scores \(scores.map { $0.sign == .minus ? "-0" : "\($0)" })"
      )
    }
  }

  @Test("Scores of any sign and size rank by value: negative ones first, tiny ones apart")
  func scoresOfAnySign() throws {
    let mixed = try Tensor(rows: [[-1, 2, -3, 0.5]])
    expectMask(
      try rowPruningMask(scores: mixed, pattern: .unstructured(0.5)), equals: mask("·█·█").isKept,
      "[-1, 2, -3, 0.5] at 50 %")
    expectMask(
      try rowPruningMask(scores: mixed, pattern: .nm(n: 2, m: 4)), equals: mask("·█·█").isKept,
      "[-1, 2, -3, 0.5] at 2:4")
    let tiny = try Tensor(rows: [[3e-9, 1e-9, 2e-9, 4e-9]])
    expectMask(
      try rowPruningMask(scores: tiny, pattern: .unstructured(0.5)), equals: mask("█··█").isKept,
      "[3e-9, 1e-9, 2e-9, 4e-9] at 50 %: scores far below 1 still differ")
  }

  @Test("N:M worked example: 2:4 of [0.1, 0.9, 0.5, 0.2] keeps the middle two")
  func nmWorkedExample() throws {
    let scores = try Tensor(rows: [[0.1, 0.9, 0.5, 0.2, 3, 1, 2, 0]])
    expectMask(
      try rowPruningMask(scores: scores, pattern: .nm(n: 2, m: 4)), equals: mask("·██·█·█·").isKept)
  }

  @Test(
    "Random fractions, with ties: each row prunes round(in · f) by (|w|, column)",
    arguments: RandomData.seeds)
  func randomFractionMatchesSort(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let shape = RandomData.shape(rank: 2, dimensions: 1...11, seed: seed)
    let w = RandomData.gridTensor(
      shape: shape, numerators: -4...4, denominator: 4, using: &generator)
    let fraction = RandomData.fraction(seed: seed &+ 3)
    let result = try rowMagnitudeMask(w, pattern: .unstructured(fraction))
    let expected = Oracle.rowKeep(ReferenceAlgebra.rows(w.map { abs($0) }), fraction: fraction)
    expectMask(result, equals: try Mask(shape: shape, isKept: expected), "fraction \(fraction)")
  }

  @Test("Random 2:4 and 4:8: exactly N kept per group, the N largest", arguments: RandomData.seeds)
  func randomNM(seed: UInt64) throws {
    for (n, m) in [(2, 4), (4, 8), (1, 2), (3, 4)] {
      var generator = SplitMix64(seed: seed &+ UInt64(m * 10 + n))
      let rows = 1 + generator.nextInt(below: 5)
      let columns = m * (1 + generator.nextInt(below: 4))
      let values = (0..<rows * columns).map { _ in Float(generator.nextInt(below: 5)) / 4 }
      let scores = try Tensor(shape: [rows, columns], scalars: values)
      let result = try rowPruningMask(scores: scores, pattern: .nm(n: n, m: m))
      let expected = Oracle.nmKeep(ReferenceAlgebra.rows(scores), n: n, m: m)
      expectMask(result, equals: try Mask(shape: scores.shape, isKept: expected), "\(n):\(m)")
      for start in stride(from: 0, to: result.count, by: m) {
        let kept = result.isKept[start..<start + m].count(where: { $0 })
        #expect(kept == n, "group at flat index \(start) keeps \(kept), expected \(n) (\(n):\(m))")
      }
    }
  }

  @Test("Edge cases: sparsity 0 keeps all, 1 prunes all, one column, 0:4 and 4:4")
  func edgeCases() throws {
    let w = RandomData.tensor(shape: [3, 8], seed: 4)
    try expectEqual(
      rowMagnitudeMask(w, pattern: .unstructured(0)).keptCount, 24,
      "rowMagnitudeMask(w, pattern: .unstructured(0)).keptCount")
    try expectEqual(
      rowMagnitudeMask(w, pattern: .unstructured(1)).keptCount, 0,
      "rowMagnitudeMask(w, pattern: .unstructured(1)).keptCount")
    try expectEqual(
      rowMagnitudeMask(w, pattern: .nm(n: 0, m: 4)).keptCount, 0,
      "rowMagnitudeMask(w, pattern: .nm(n: 0, m: 4)).keptCount")
    try expectEqual(
      rowMagnitudeMask(w, pattern: .nm(n: 4, m: 4)).keptCount, 24,
      "rowMagnitudeMask(w, pattern: .nm(n: 4, m: 4)).keptCount")
    let column = try Tensor(rows: [[0.5], [-0.1], [0.3]])
    expectMask(try rowMagnitudeMask(column, pattern: .unstructured(0.6)), equals: mask("·/·/·"))
    expectMask(try rowMagnitudeMask(column, pattern: .unstructured(0.4)), equals: mask("█/█/█"))
  }

  @Test("Bad input: rank, fraction, N > M, M not dividing the row, NaN")
  func badInput() throws {
    let w = RandomData.tensor(shape: [2, 8], seed: 1)
    #expect(throws: PruningError.rankMismatch(expected: 2, actual: [4])) {
      try rowMagnitudeMask(Tensor([1, 2, 3, 4]), pattern: .unstructured(0.5))
    }
    #expect(throws: PruningError.invalidAmount(.fraction(1.5))) {
      try rowMagnitudeMask(w, pattern: .unstructured(1.5))
    }
    #expect(throws: PruningError.invalidNMPattern(n: 5, m: 4)) {
      try rowMagnitudeMask(w, pattern: .nm(n: 5, m: 4))
    }
    #expect(throws: PruningError.invalidNMPattern(n: 0, m: 0)) {
      try rowPruningMask(scores: w, pattern: .nm(n: 0, m: 0))
    }
    #expect(throws: PruningError.indivisibleGroup(length: 8, groupSize: 3)) {
      try rowMagnitudeMask(w, pattern: .nm(n: 2, m: 3))
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [0, 1], kind: .nan)) {
      try rowPruningMask(scores: try Tensor(rows: [[1, .nan]]), pattern: .unstructured(0.5))
    }
  }
}
