import BlockSparsity
import PruningCore
import PruningTestSupport
import Testing

@Suite("N:M masks (nmMask)")
struct NMMaskTests {
  @Test("The worked example: 2:4 keeps [F, T, T, F, T, T, F, F]")
  func workedExample() throws {
    let result = try nmMask(Tensor([0.1, -0.9, 0.5, 0.2, 0.3, 0.3, 0.3, 0.1]), n: 2, m: 4)
    expectMask(result, equals: mask("·██·██··"))
  }

  @Test("Ties keep the lower index: four equal magnitudes keep the first two")
  func tiesKeepLowerIndex() throws {
    expectMask(try nmMask(Tensor([0.5, -0.5, 0.5, -0.5]), n: 2, m: 4), equals: mask("██··"))
    expectMask(try nmMask(Tensor([0.1, 0.7, -0.7, 0.7]), n: 2, m: 4), equals: mask("·██·"))
    expectMask(try nmMask(Tensor([0, 0, 0, 0, 0, 3, 0, 0]), n: 2, m: 4), equals: mask("██··██··"))
  }

  @Test("Groups run along the last (input) dimension of an [out, in] matrix, row by row")
  func groupsAlongRows() throws {
    // Along rows, each row's group keeps its two largest. Along columns the answer differs.
    let w = try Tensor(rows: [
      [0.9, 0.8, 0.1, 0.2, 0.1, 0.1, 0.6, 0.7],
      [0.1, 0.2, 0.9, 0.8, 0.7, 0.6, 0.1, 0.1],
    ])
    expectMask(
      try nmMask(w, n: 2, m: 4), equals: mask("██····██/··████··"))
    // Square: groups down the columns would keep rows 0 and 1 whole instead.
    let square = try Tensor(rows: [[9, 8, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1]])
    expectMask(try nmMask(square, n: 2, m: 4), equals: mask("██··/██··/██··/██··"))
  }

  @Test(
    "Random matrices and patterns: exactly n kept per group, matching a sort by (-|w|, index)",
    arguments: RandomData.seeds)
  func randomMatchesOracle(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let patterns = [(1, 2), (2, 4), (1, 4), (3, 4), (4, 8), (2, 8)]
    let (n, m) = patterns[generator.nextInt(below: patterns.count)]
    let rows = generator.nextInt(below: 6)
    let columns = m * (1 + generator.nextInt(below: 4))
    // Few distinct magnitudes, so ties are common.
    let w = RandomData.gridTensor(
      shape: [rows, columns], numerators: -3...3, denominator: 4, using: &generator)
    let result = try nmMask(w, n: n, m: m)
    expectMask(
      result, equals: try Mask(shape: w.shape, isKept: Oracle.nmKeep(w.scalars, n: n, m: m)))
    for start in stride(from: 0, to: w.count, by: m) {
      #expect(result.isKept[start..<start + m].filter { $0 }.count == n)
    }
  }

  @Test("Extremes: n = 0 keeps nothing, n = m keeps everything, empty rows give empty masks")
  func extremes() throws {
    let w = RandomData.tensor(shape: [3, 8], seed: 4)
    try expectEqual(nmMask(w, n: 0, m: 4).keptCount, 0, "nmMask(w, n: 0, m: 4).keptCount")
    try expectEqual(nmMask(w, n: 4, m: 4).keptCount, 24, "nmMask(w, n: 4, m: 4).keptCount")
    try expectEqual(nmMask(w, n: 1, m: 1).keptCount, 24, "nmMask(w, n: 1, m: 1).keptCount")
    try expectEqual(
      nmMask(Tensor(zeros: [3, 0]), n: 2, m: 4).shape, [3, 0],
      "nmMask(Tensor(zeros: [3, 0]), n: 2, m: 4).shape")
    try expectEqual(nmMask(Tensor([]), n: 2, m: 4).count, 0, "nmMask(Tensor([]), n: 2, m: 4).count")
  }

  @Test("Bad input throws in the documented order: rank, pattern, divisibility, weights")
  func badInput() throws {
    #expect(throws: PruningError.rankMismatch(expected: 2, actual: [2, 2, 4])) {
      try nmMask(Tensor(zeros: [2, 2, 4]), n: 5, m: 4)
    }
    #expect(throws: PruningError.invalidNMPattern(n: 5, m: 4)) {
      try nmMask(Tensor(zeros: [2, 6]), n: 5, m: 4)
    }
    #expect(throws: PruningError.invalidNMPattern(n: -1, m: 4)) {
      try nmMask(Tensor(zeros: [2, 8]), n: -1, m: 4)
    }
    #expect(throws: PruningError.invalidNMPattern(n: 0, m: 0)) {
      try nmMask(Tensor(zeros: [2, 8]), n: 0, m: 0)
    }
    #expect(throws: PruningError.indivisibleGroup(length: 6, groupSize: 4)) {
      try nmMask(Tensor(rows: [[.nan, 0, 0, 0, 0, 0]]), n: 2, m: 4)
    }
    #expect(throws: PruningError.indivisibleGroup(length: 4, groupSize: 8)) {
      try nmMask(Tensor(zeros: [8, 4]), n: 2, m: 8)
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [1, 2], kind: .nan)) {
      try nmMask(Tensor(rows: [[1, 2, 3, 4], [1, 2, .nan, 4]]), n: 2, m: 4)
    }
  }
}

@Suite("Checking an N:M pattern (isNM)")
struct IsNMTests {
  @Test("At most n non-zeros in every group of m: a few hand-made rows")
  func examples() throws {
    try expectEqual(
      isNM(Tensor([0, -0.9, 0.5, 0, 0.3, 0.3, 0, 0]), n: 2, m: 4), true,
      "isNM(Tensor([0, -0.9, 0.5, 0, 0.3, 0.3, 0, 0]), n: 2, m: 4)")
    try expectEqual(
      isNM(Tensor([0, -0.9, 0.5, 0.1, 0, 0, 0, 0]), n: 2, m: 4), false,
      "isNM(Tensor([0, -0.9, 0.5, 0.1, 0, 0, 0, 0]), n: 2, m: 4)")
    try expectEqual(
      isNM(Tensor([0, 0, 0, 0]), n: 0, m: 4), true, "isNM(Tensor([0, 0, 0, 0]), n: 0, m: 4)")
    try expectEqual(
      isNM(Tensor([-0.0, 1, 0, 0]), n: 1, m: 4), true,
      "isNM(Tensor([-0.0, 1, 0, 0]), n: 1, m: 4)", "-0.0 is zero")
    try expectEqual(
      isNM(Tensor(zeros: [0, 4]), n: 2, m: 4), true, "isNM(Tensor(zeros: [0, 4]), n: 2, m: 4)")
  }

  @Test("Groups run along rows: a matrix whose columns are 2:4 but rows are not fails")
  func alongRows() throws {
    let w = try Tensor(rows: [[1, 1, 1, 0], [0, 0, 0, 0], [0, 0, 0, 0], [1, 0, 0, 0]])
    try expectEqual(isNM(w, n: 2, m: 4), false, "isNM(w, n: 2, m: 4)")
    #expect(
      try isNM(
        Tensor(rows: [[1, 1, 0, 0], [0, 1, 1, 0], [1, 0, 0, 1], [0, 0, 1, 1]]), n: 2, m: 4))
  }

  @Test(
    "Random weights: pruned by nmMask they pass, and the check counts non-zeros per group",
    arguments: RandomData.seeds)
  func randomWeights(seed: UInt64) throws {
    let w = Oracle.sixteenths(rows: 4, columns: 12, seed: seed)
    let pruned = Oracle.applying(try nmMask(w, n: 2, m: 4).isKept, to: w)
    try expectEqual(isNM(pruned, n: 2, m: 4), true, "isNM(pruned, n: 2, m: 4)")
    let worst =
      stride(from: 0, to: w.count, by: 4).map { start in
        w.scalars[start..<start + 4].filter { $0 != 0 }.count
      }.max() ?? 0
    try expectEqual(isNM(w, n: 2, m: 4), (worst <= 2), "isNM(w, n: 2, m: 4)")
    try expectEqual(isNM(w, n: worst, m: 4), true, "isNM(w, n: worst, m: 4)")
  }

  @Test("Bad input throws like nmMask")
  func badInput() throws {
    #expect(throws: PruningError.indivisibleGroup(length: 6, groupSize: 4)) {
      try isNM(Tensor(zeros: [1, 6]), n: 2, m: 4)
    }
    #expect(throws: PruningError.invalidNMPattern(n: 3, m: 2)) {
      try isNM(Tensor(zeros: [1, 4]), n: 3, m: 2)
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [3], kind: .positiveInfinity)) {
      try isNM(Tensor([0, 0, 0, .infinity]), n: 2, m: 4)
    }
  }
}
