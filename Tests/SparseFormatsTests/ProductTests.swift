import PruningCore
import PruningTestSupport
import SparseFormats
import Testing

@Suite("Sparse × vector (CSRMatrix.multiplied(by: [Float]))")
struct SparseMatVecTests {
  @Test("The worked example: x = [1, 2, 3, 4] gives [4, 19, 0]")
  func workedExample() throws {
    try expectEqual(
      CSRMatrix(example).multiplied(by: [1, 2, 3, 4]), [4, 19, 0],
      "CSRMatrix(example).multiplied(by: [1, 2, 3, 4])")
  }

  @Test(
    "Random integer matrices of random density equal the dense product exactly",
    arguments: RandomData.seeds)
  func randomIntegers(seed: UInt64) throws {
    let dense = Oracle.sparseIntegers(seed: seed)
    let x = Oracle.integerVector(count: dense.shape[1], seed: seed &+ 1)
    try expectEqual(
      CSRMatrix(dense).multiplied(by: x), Oracle.matVec(dense, x),
      "CSRMatrix(dense).multiplied(by: x)")
  }

  @Test(
    "Unsorted columns, duplicates and explicit zeros give the same product",
    arguments: RandomData.seeds)
  func messyInput(seed: UInt64) throws {
    let (dense, a) = try messyCSR(seed: seed, shuffle: seed &+ 2)
    let x = Oracle.integerVector(count: dense.shape[1], seed: seed &+ 3)
    try expectEqual(a.multiplied(by: x), Oracle.matVec(dense, x), "a.multiplied(by: x)")
  }

  @Test(
    "Random real-valued matrices agree with the dense product within rounding",
    arguments: RandomData.seeds)
  func randomReals(seed: UInt64) throws {
    let shape = RandomData.shape(rank: 2, dimensions: 1...40, seed: seed)
    let values = RandomData.tensor(shape: shape, seed: seed)
    let dense = values.map { abs($0) < 0.6 ? 0 : $0 }
    let x = RandomData.tensor(shape: [shape[1]], seed: seed &+ 4).scalars
    expectClose(try CSRMatrix(dense).multiplied(by: x), Oracle.matVec(dense, x), tolerance: 1e-4)
  }

  @Test("Only stored entries are read: NaN in x under an empty column does not leak")
  func readsOnlyStoredEntries() throws {
    let y = try CSRMatrix(example).multiplied(by: [1, 2, .nan, 4])
    #expect(y == [4, 19, 0])
  }

  @Test("Edge shapes: no rows, no columns, all-zero rows and 1×1")
  func edgeShapes() throws {
    try expectEqual(
      CSRMatrix(Tensor(zeros: [0, 3])).multiplied(by: [1, 2, 3]), [],
      "CSRMatrix(Tensor(zeros: [0, 3])).multiplied(by: [1, 2, 3])")
    try expectEqual(
      CSRMatrix(Tensor(zeros: [2, 0])).multiplied(by: []), [0, 0],
      "CSRMatrix(Tensor(zeros: [2, 0])).multiplied(by: [])")
    try expectEqual(
      CSRMatrix(Tensor(zeros: [2, 2])).multiplied(by: [5, 6]), [0, 0],
      "CSRMatrix(Tensor(zeros: [2, 2])).multiplied(by: [5, 6])")
    try expectEqual(
      CSRMatrix(Tensor(rows: [[3]])).multiplied(by: [-2]), [-6],
      "CSRMatrix(Tensor(rows: [[3]])).multiplied(by: [-2])")
  }

  @Test("A vector of the wrong length throws a shape mismatch")
  func lengthMismatch() throws {
    let a = try CSRMatrix(example)
    #expect(throws: PruningError.shapeMismatch(expected: [4], actual: [3])) {
      try a.multiplied(by: [1, 2, 3])
    }
  }
}

@Suite("Sparse × dense matrix (CSRMatrix.multiplied(by: Tensor))")
struct SparseMatMulTests {
  @Test("The worked example times a 4×2 matrix")
  func workedExample() throws {
    let b = try Tensor(rows: [[1, 0], [2, 1], [3, 0], [4, 1]])
    try expectEqual(
      CSRMatrix(example).multiplied(by: b), Tensor(rows: [[4, 2], [19, 4], [0, 0]]),
      "CSRMatrix(example).multiplied(by: b)")
  }

  @Test(
    "Random sparse × random dense equals the dense product exactly",
    arguments: RandomData.seeds)
  func randomIntegers(seed: UInt64) throws {
    let dense = Oracle.sparseIntegers(seed: seed)
    var generator = SplitMix64(seed: seed)
    let width = generator.nextInt(below: 7)
    let b = Oracle.integerMatrix(rows: dense.shape[1], columns: width, seed: seed &+ 5)
    try expectEqual(
      CSRMatrix(dense).multiplied(by: b), Oracle.matMul(dense, b),
      "CSRMatrix(dense).multiplied(by: b)")
  }

  @Test("Messy hand-built input gives the same product", arguments: RandomData.seeds)
  func messyInput(seed: UInt64) throws {
    let (dense, a) = try messyCSR(seed: seed, shuffle: seed &+ 6)
    let b = Oracle.integerMatrix(rows: dense.shape[1], columns: 3, seed: seed &+ 7)
    try expectEqual(a.multiplied(by: b), Oracle.matMul(dense, b), "a.multiplied(by: b)")
  }

  @Test("Bad right-hand sides: rank other than 2, or the wrong number of rows")
  func badInput() throws {
    let a = try CSRMatrix(example)
    #expect(throws: PruningError.rankMismatch(expected: 2, actual: [4])) {
      try a.multiplied(by: Tensor([1, 2, 3, 4]))
    }
    #expect(throws: PruningError.shapeMismatch(expected: [4, 2], actual: [3, 2])) {
      try a.multiplied(by: Tensor(zeros: [3, 2]))
    }
  }

  @Test("Empty products: zero-width right-hand side and a matrix with no rows")
  func emptyProducts() throws {
    try expectEqual(
      CSRMatrix(example).multiplied(by: Tensor(zeros: [4, 0])), Tensor(zeros: [3, 0]),
      "CSRMatrix(example).multiplied(by: Tensor(zeros: [4, 0]))")
    try expectEqual(
      CSRMatrix(Tensor(zeros: [0, 4])).multiplied(by: Tensor(zeros: [4, 2])),
      Tensor(zeros: [0, 2]),
      "CSRMatrix(Tensor(zeros: [0, 4])).multiplied(by: Tensor(zeros: [4, 2]))")
  }
}

@Suite("CSC × vector (CSCMatrix.multiplied(by:))")
struct CSCMatVecTests {
  @Test("The worked example in CSC: x = [1, 2, 3, 4] gives [4, 19, 0]")
  func workedExample() throws {
    try expectEqual(
      CSCMatrix(example).multiplied(by: [1, 2, 3, 4]), [4, 19, 0],
      "CSCMatrix(example).multiplied(by: [1, 2, 3, 4])")
  }

  @Test(
    "Random matrices equal the dense product exactly, via CSC from dense and from CSR",
    arguments: RandomData.seeds)
  func randomIntegers(seed: UInt64) throws {
    let dense = Oracle.sparseIntegers(seed: seed)
    let x = Oracle.integerVector(count: dense.shape[1], seed: seed &+ 8)
    try expectEqual(
      CSCMatrix(dense).multiplied(by: x), Oracle.matVec(dense, x),
      "CSCMatrix(dense).multiplied(by: x)")
    let a = try messyCSR(of: dense, seed: seed)
    try expectEqual(
      CSCMatrix(a).multiplied(by: x), Oracle.matVec(dense, x), "CSCMatrix(a).multiplied(by: x)")
  }

  @Test("A vector of the wrong length throws; empty shapes work")
  func lengthMismatchAndEmpty() throws {
    #expect(throws: PruningError.shapeMismatch(expected: [4], actual: [5])) {
      try CSCMatrix(example).multiplied(by: [1, 2, 3, 4, 5])
    }
    try expectEqual(
      CSCMatrix(Tensor(zeros: [3, 0])).multiplied(by: []), [0, 0, 0],
      "CSCMatrix(Tensor(zeros: [3, 0])).multiplied(by: [])")
    try expectEqual(
      CSCMatrix(Tensor(zeros: [0, 2])).multiplied(by: [1, 1]), [],
      "CSCMatrix(Tensor(zeros: [0, 2])).multiplied(by: [1, 1])")
  }
}
