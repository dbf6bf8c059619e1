import BlockSparsity
import PruningCore
import PruningTestSupport
import Testing

/// The worked row after 2:4 pruning.
let prunedRow = Tensor([0, -0.9, 0.5, 0, 0.3, 0.3, 0, 0])

@Suite("2:4 compression (SemiStructuredMatrix)")
struct SemiStructuredCompressionTests {
  @Test("The worked row: values [-0.9, 0.5, 0.3, 0.3], positions [1, 2, 0, 1]")
  func workedExample() throws {
    let c = try SemiStructuredMatrix(prunedRow)
    #expect(c.values == [-0.9, 0.5, 0.3, 0.3])
    #expect(c.positions == [1, 2, 0, 1])
    #expect(c.shape == [8])
    try expectEqual(c.toDense(), prunedRow, "c.toDense()")
  }

  @Test("Groups with fewer than two non-zeros are topped up with their lowest-index zeros")
  func toppedUpGroups() throws {
    let c = try SemiStructuredMatrix(Tensor([0, 0, 0, 5, 0, 0, 0, 0, 0, 7, 0, 0]))
    #expect(c.positions == [0, 3, 0, 1, 0, 1])
    #expect(c.values == [0, 5, 0, 0, 0, 7])
  }

  @Test("A matrix compresses row by row; groups run along each row")
  func matrixRows() throws {
    let w = try Tensor(rows: [[0, 0, 2, 3, 4, 0, 0, 5], [6, 7, 0, 0, 0, 8, 9, 0]])
    let c = try SemiStructuredMatrix(w)
    #expect(c.values == [2, 3, 4, 5, 6, 7, 8, 9])
    #expect(c.positions == [2, 3, 0, 3, 0, 1, 1, 2])
    #expect(c.rows == 2)
    #expect(c.columns == 8)
    try expectEqual(c.toDense(), w, "c.toDense()")
  }

  @Test(
    "Random weights pruned to 2:4 round-trip exactly, with positions ascending per group",
    arguments: RandomData.seeds)
  func randomRoundTrip(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let rows = 1 + generator.nextInt(below: 6)
    let columns = 4 * (1 + generator.nextInt(below: 5))
    let w = Oracle.sixteenths(rows: rows, columns: columns, seed: seed)
    let pruned = Oracle.applying(Oracle.nmKeep(w.scalars, n: 2, m: 4), to: w)
    let c = try SemiStructuredMatrix(pruned)
    #expect(c.values.count == rows * columns / 2)
    #expect(c.positions.count == rows * columns / 2)
    try expectEqual(c.toDense(), pruned, "c.toDense()")
    let keep = Oracle.nmKeep(pruned.scalars, n: 2, m: 4)
    let expectedPositions = stride(from: 0, to: keep.count, by: 4).flatMap { start in
      (0..<4).filter { keep[start + $0] }.map { UInt8($0) }
    }
    #expect(c.positions == expectedPositions)
  }

  @Test("Weights that are not 2:4 are rejected at the first offending group")
  func notTwoFour() throws {
    #expect(throws: PruningError.nmPatternViolated(n: 2, m: 4, position: [1, 4])) {
      try SemiStructuredMatrix(
        Tensor(rows: [[1, 1, 0, 0, 1, 0, 0, 0], [0, 1, 1, 0, 1, 1, 1, 0]]))
    }
    #expect(throws: PruningError.nmPatternViolated(n: 2, m: 4, position: [0])) {
      try SemiStructuredMatrix(Tensor([0.1, -0.9, 0.5, 0.2]))
    }
  }

  @Test("A matrix whose columns are 2:4 but whose rows are not is rejected")
  func columnsDoNotCount() throws {
    let w = try Tensor(rows: [[1, 1, 1, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]])
    #expect(throws: PruningError.nmPatternViolated(n: 2, m: 4, position: [0, 0])) {
      try SemiStructuredMatrix(w)
    }
  }

  @Test("Other bad input: rank, a width not divisible by 4, non-finite weights")
  func badInput() throws {
    #expect(throws: PruningError.rankMismatch(expected: 2, actual: [1, 1, 4])) {
      try SemiStructuredMatrix(Tensor(zeros: [1, 1, 4]))
    }
    #expect(throws: PruningError.indivisibleGroup(length: 6, groupSize: 4)) {
      try SemiStructuredMatrix(Tensor(zeros: [2, 6]))
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [0, 5], kind: .nan)) {
      try SemiStructuredMatrix(Tensor(rows: [[1, 1, 1, 1, 0, .nan, 0, 0]]))
    }
  }

  @Test("Empty matrices compress to nothing and back")
  func empty() throws {
    let c = try SemiStructuredMatrix(Tensor(zeros: [0, 8]))
    #expect(c.values.isEmpty)
    try expectEqual(c.toDense(), Tensor(zeros: [0, 8]), "c.toDense()")
    let d = try SemiStructuredMatrix(Tensor(zeros: [2, 0]))
    try expectEqual(d.toDense(), Tensor(zeros: [2, 0]), "d.toDense()")
  }
}

@Suite("2:4 products and bytes")
struct SemiStructuredProductTests {
  @Test("The worked product: [[0, -0.9, 0.5, 0], [1, 0, 0, 2]] · [1, 2, 3, 4] = [-0.3, 9]")
  func workedExample() throws {
    let c = try SemiStructuredMatrix(Tensor(rows: [[0, -0.9, 0.5, 0], [1, 0, 0, 2]]))
    expectClose(try c.multiplied(by: [1, 2, 3, 4]), [-0.3, 9])
  }

  @Test("Random 2:4 matrices equal the dense product exactly", arguments: RandomData.seeds)
  func randomProducts(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let rows = generator.nextInt(below: 7)
    let columns = 4 * generator.nextInt(below: 6)
    let w = Oracle.sixteenths(rows: rows, columns: columns, seed: seed)
    let pruned = Oracle.applying(Oracle.nmKeep(w.scalars, n: 2, m: 4), to: w)
    let x = Oracle.vector(count: columns, seed: seed &+ 3)
    try expectEqual(
      SemiStructuredMatrix(pruned).multiplied(by: x), Oracle.matVec(pruned, x),
      "SemiStructuredMatrix(pruned).multiplied(by: x)")
  }

  @Test(
    "Rows of 0 to 13 groups: the product is exact for every row length, long rows included",
    arguments: 0...13)
  func rowLengths(groups: Int) throws {
    let columns = 4 * groups
    let w = Oracle.sixteenths(rows: 3, columns: columns, seed: UInt64(70 + groups))
    let pruned = Oracle.applying(Oracle.nmKeep(w.scalars, n: 2, m: 4), to: w)
    let x = Oracle.vector(count: columns, seed: UInt64(90 + groups))
    try expectEqual(
      SemiStructuredMatrix(pruned).multiplied(by: x), Oracle.matVec(pruned, x),
      "3 × \(columns) matrix (\(groups) groups a row) times x")
  }

  @Test("A row (rank 1) multiplies as one row; a wrong length throws")
  func rowAndMismatch() throws {
    let c = try SemiStructuredMatrix(prunedRow)
    expectClose(try c.multiplied(by: [1, 1, 1, 1, 1, 1, 1, 1]), [0.2])
    #expect(throws: PruningError.shapeMismatch(expected: [8], actual: [4])) {
      try c.multiplied(by: [1, 2, 3, 4])
    }
  }

  @Test("Bytes: fp16 values are 9/16 of dense, int8 10/16")
  func byteRatio() throws {
    try expectEqual(
      semiStructuredByteRatio(valueBytes: 2), 0.5625, "semiStructuredByteRatio(valueBytes: 2)")
    try expectEqual(
      semiStructuredByteRatio(valueBytes: 1), 0.625, "semiStructuredByteRatio(valueBytes: 1)")
    try expectEqual(
      semiStructuredByteRatio(valueBytes: 4), 0.53125, "semiStructuredByteRatio(valueBytes: 4)")
    #expect(throws: PruningError.invalidByteWidth(0)) { try semiStructuredByteRatio(valueBytes: 0) }
  }

  @Test("Stored bytes: the worked row takes 9 bytes in fp16 against 16 dense")
  func storageBytes() throws {
    let c = try SemiStructuredMatrix(prunedRow)
    try expectEqual(c.storageBytes(valueBytes: 2), 9, "c.storageBytes(valueBytes: 2)")
    try expectEqual(c.storageBytes(valueBytes: 4), 17, "c.storageBytes(valueBytes: 4)")
    let big = try SemiStructuredMatrix(Tensor(zeros: [64, 64]))
    try expectEqual(
      big.storageBytes(valueBytes: 2) * 16, 64 * 64 * 2 * 9,
      "big.storageBytes(valueBytes: 2) * 16")
    #expect(throws: PruningError.invalidByteWidth(-2)) { try c.storageBytes(valueBytes: -2) }
    #expect(throws: PruningError.invalidByteWidth(0)) { try c.storageBytes(valueBytes: 0) }
    try expectEqual(c.storageBytes(valueBytes: 1), 5, "c.storageBytes(valueBytes: 1), int8")
  }
}
