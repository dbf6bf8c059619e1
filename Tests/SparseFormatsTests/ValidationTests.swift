import PruningCore
import PruningTestSupport
import SparseFormats
import Testing

/// Hand-built CSR arrays and the error they must raise.
struct BadCSR: Sendable, CustomTestStringConvertible {
  var name: String
  var rows = 3
  var columns = 4
  var indptr: [Int32] = [0, 1, 3, 3]
  var indices: [Int32] = [1, 0, 3]
  var data: [Float] = [2, 3, 4]
  var error: PruningError

  var testDescription: String { name }

  static let cases: [BadCSR] = [
    BadCSR(
      name: "a negative row count", rows: -1,
      error: .invalidShape(shape: [-1, 4], scalarCount: 3)),
    BadCSR(
      name: "indptr one entry short (rows instead of rows + 1)", indptr: [0, 1, 3],
      error: .invalidSparseStructure(.indptrCount(expected: 4, actual: 3))),
    BadCSR(
      name: "indptr one entry long", indptr: [0, 1, 3, 3, 3],
      error: .invalidSparseStructure(.indptrCount(expected: 4, actual: 5))),
    BadCSR(
      name: "no rows and an empty indptr", rows: 0, indptr: [], indices: [], data: [],
      error: .invalidSparseStructure(.indptrCount(expected: 1, actual: 0))),
    BadCSR(
      name: "fewer values than indices", data: [2, 3],
      error: .invalidSparseStructure(.lengthMismatch(indices: 3, data: 2))),
    BadCSR(
      name: "indptr starting at 1", indptr: [1, 2, 3, 3],
      error: .invalidSparseStructure(.indptrStart(1))),
    BadCSR(
      name: "indptr ending past the stored entries", indptr: [0, 1, 3, 4],
      error: .invalidSparseStructure(.indptrEnd(expected: 3, actual: 4))),
    BadCSR(
      name: "indptr ending before the last stored entry", indptr: [0, 1, 2, 2],
      error: .invalidSparseStructure(.indptrEnd(expected: 3, actual: 2))),
    BadCSR(
      name: "indptr decreasing in the middle", indptr: [0, 2, 1, 3],
      error: .invalidSparseStructure(.indptrDecreasing(position: 2))),
    BadCSR(
      name: "indptr falling below 0 right after its start", rows: 2, indptr: [0, -1, 0],
      indices: [], data: [], error: .invalidSparseStructure(.indptrDecreasing(position: 1))),
    BadCSR(
      name: "indptr overshooting nnz, then coming back", indptr: [0, 5, 3, 3],
      error: .invalidSparseStructure(.indptrDecreasing(position: 2))),
    BadCSR(
      name: "a column index equal to the column count", indices: [1, 0, 4],
      error: .invalidSparseStructure(.columnIndexOutOfRange(position: 2, index: 4, bound: 4))),
    BadCSR(
      name: "a negative column index", indices: [1, -1, 3],
      error: .invalidSparseStructure(.columnIndexOutOfRange(position: 1, index: -1, bound: 4))),
    BadCSR(
      name: "a NaN value (reported at its row and column)", data: [2, .nan, 4],
      error: .nonFiniteWeight(position: [1, 0], kind: .nan)),
    BadCSR(
      name: "an infinite value in the last entry", data: [2, 3, -.infinity],
      error: .nonFiniteWeight(position: [1, 3], kind: .negativeInfinity)),
    BadCSR(
      name: "two problems: the earlier check (indptr start) wins", indptr: [1, 1, 3, 3],
      indices: [9, 0, 3],
      error: .invalidSparseStructure(.indptrStart(1))),
    BadCSR(
      name: "two problems: decreasing indptr is reported before a bad index",
      indptr: [0, 2, 1, 3], indices: [9, 0, 3],
      error: .invalidSparseStructure(.indptrDecreasing(position: 2))),
  ]
}

@Suite("Validating hand-built CSR (CSRMatrix.init(rows:columns:indptr:indices:data:))")
struct ValidationTests {
  @Test("Malformed arrays throw the exact structured error", arguments: BadCSR.cases)
  func rejects(_ bad: BadCSR) {
    #expect(throws: bad.error) {
      try CSRMatrix(
        rows: bad.rows, columns: bad.columns, indptr: bad.indptr, indices: bad.indices,
        data: bad.data)
    }
  }

  @Test("Valid arrays are stored as given, even unsorted, duplicated or with explicit zeros")
  func keepsArrays() throws {
    let a = try CSRMatrix(
      rows: 3, columns: 4, indptr: [0, 4, 4, 5], indices: [3, 0, 3, 1, 2], data: [1, 0, 2, 5, 6])
    #expect(a.indptr == [0, 4, 4, 5])
    #expect(a.indices == [3, 0, 3, 1, 2])
    #expect(a.data == [1, 0, 2, 5, 6])
    #expect(a.nnz == 5)
    try expectEqual(
      a.toDense(), Tensor(rows: [[0, 5, 0, 3], [0, 0, 0, 0], [0, 0, 6, 0]]), "a.toDense()")
  }

  @Test("Empty matrices are valid: no rows (indptr [0]), no columns, no entries")
  func emptyMatrices() throws {
    let noRows = try CSRMatrix(rows: 0, columns: 4, indptr: [0], indices: [], data: [])
    #expect(noRows.shape == [0, 4])
    let noColumns = try CSRMatrix(rows: 2, columns: 0, indptr: [0, 0, 0], indices: [], data: [])
    #expect(noColumns.shape == [2, 0])
    #expect(
      throws: PruningError.invalidSparseStructure(
        .columnIndexOutOfRange(position: 0, index: 0, bound: 0))
    ) {
      try CSRMatrix(rows: 1, columns: 0, indptr: [0, 1], indices: [0], data: [1])
    }
  }

  @Test(
    "Random messy arrays (shuffled rows, duplicates, explicit zeros) validate",
    arguments: RandomData.seeds)
  func randomMessyAccepted(seed: UInt64) throws {
    let dense = Oracle.sparseIntegers(seed: seed)
    let messy = Oracle.messyCSRArrays(of: dense, seed: seed)
    let a = try CSRMatrix(
      rows: dense.shape[0], columns: dense.shape[1], indptr: messy.indptr,
      indices: messy.indices, data: messy.data)
    expectEqual(a.indices, messy.indices, "a.indices")
    try expectEqual(a.toDense(), dense, "a.toDense()")
  }
}
