import PruningCore
import PruningTestSupport
import SparseFormats
import Testing

/// A one-row CSR matrix with the given stored columns and values.
private func row(_ indices: [Int32], _ data: [Float], columns: Int = 4) throws -> CSRMatrix {
  try CSRMatrix(
    rows: 1, columns: columns, indptr: [0, Int32(indices.count)], indices: indices, data: data)
}

@Suite("Canonical form (isCanonical, eliminatingZeros, canonicalized)")
struct CanonicalFormTests {
  @Test("isCanonical: sorted, duplicate-free rows without stored zeros only")
  func isCanonicalCases() throws {
    try expectEqual(CSRMatrix(example).isCanonical(), true, "CSRMatrix(example).isCanonical()")
    try expectEqual(
      row([0, 2, 3], [1, 2, 3]).isCanonical(), true, "row([0, 2, 3], [1, 2, 3]).isCanonical()")
    try expectEqual(
      row([2, 0], [1, 1]).isCanonical(), false, "row([2, 0], [1, 1]).isCanonical()",
      "columns out of order")
    try expectEqual(
      row([0, 3, 1], [1, 1, 1]).isCanonical(), false, "row([0, 3, 1], [1, 1, 1]).isCanonical()",
      "columns out of order at the end")
    try expectEqual(
      row([1, 1], [1, 1]).isCanonical(), false, "row([1, 1], [1, 1]).isCanonical()",
      "a duplicate column")
    try expectEqual(
      row([0, 2], [1, 0]).isCanonical(), false, "row([0, 2], [1, 0]).isCanonical()",
      "an explicit zero")
  }

  @Test("isCanonical looks within rows only: row 1 may start at a lower column than row 0 ended")
  func rowsAreIndependent() throws {
    let a = try CSRMatrix(
      rows: 2, columns: 4, indptr: [0, 2, 3], indices: [1, 3, 0], data: [1, 1, 1])
    try expectEqual(a.isCanonical(), true, "a.isCanonical()")
  }

  @Test("Empty matrices and all-zero rows are canonical")
  func emptyIsCanonical() throws {
    try expectEqual(
      CSRMatrix(Tensor(zeros: [0, 3])).isCanonical(), true,
      "CSRMatrix(Tensor(zeros: [0, 3])).isCanonical()")
    try expectEqual(
      CSRMatrix(Tensor(zeros: [3, 0])).isCanonical(), true,
      "CSRMatrix(Tensor(zeros: [3, 0])).isCanonical()")
    try expectEqual(
      CSRMatrix(Tensor(zeros: [2, 2])).isCanonical(), true,
      "CSRMatrix(Tensor(zeros: [2, 2])).isCanonical()")
  }

  @Test("eliminatingZeros: scipy's example shrinks indptr to [0, 1, 2, 2]")
  func eliminateZerosExample() throws {
    let a = try CSRMatrix(
      rows: 3, columns: 3, indptr: [0, 2, 3, 3], indices: [2, 0, 1], data: [1, 0, 2])
    let b = try a.eliminatingZeros()
    #expect(b.indptr == [0, 1, 2, 2])
    #expect(b.indices == [2, 1])
    #expect(b.data == [1, 2])
    #expect(b.shape == [3, 3])
  }

  @Test(
    "eliminatingZeros keeps the other entries in their order, duplicates included",
    arguments: RandomData.seeds)
  func eliminateZerosRandom(seed: UInt64) throws {
    let dense = Oracle.sparseIntegers(seed: seed)
    let messy = Oracle.messyCSRArrays(of: dense, seed: seed)
    let a = try CSRMatrix(
      rows: dense.shape[0], columns: dense.shape[1], indptr: messy.indptr,
      indices: messy.indices, data: messy.data)
    let b = try a.eliminatingZeros()
    let kept = messy.data.indices.filter { messy.data[$0] != 0 }
    expectEqual(b.indices, kept.map { messy.indices[$0] }, "b.indices")
    #expect(b.data == kept.map { messy.data[$0] })
    #expect(b.indptr == messy.indptr.map { end in Int32(kept.filter { $0 < Int(end) }.count) })
    try expectEqual(b.toDense(), dense, "b.toDense()")
  }

  @Test("canonicalized: sorts, sums duplicates and drops zeros in the worked example")
  func canonicalizedExample() throws {
    let a = try CSRMatrix(
      rows: 2, columns: 3, indptr: [0, 4, 5], indices: [2, 0, 2, 1, 1], data: [1, 5, 2, 0, 7])
    let c = try a.canonicalized()
    #expect(c.indptr == [0, 2, 3])
    #expect(c.indices == [0, 2, 1])
    #expect(c.data == [5, 3, 7])
  }

  @Test("Duplicates that cancel to zero are eliminated; an emptied row repeats indptr")
  func cancellingDuplicates() throws {
    let a = try CSRMatrix(
      rows: 2, columns: 3, indptr: [0, 2, 5], indices: [1, 1, 2, 0, 2], data: [1, -1, 4, 3, -4])
    let c = try a.canonicalized()
    #expect(c.indptr == [0, 0, 1])
    #expect(c.indices == [0])
    #expect(c.data == [3])
  }

  @Test(
    "Random messy matrices canonicalise to exactly the CSR of their dense value",
    arguments: RandomData.seeds)
  func randomCanonicalEqualsCompressed(seed: UInt64) throws {
    let (dense, a) = try messyCSR(seed: seed, shuffle: seed)
    let c = try a.canonicalized()
    let expected = Oracle.csrArrays(dense)
    #expect(c.indptr == expected.indptr)
    expectEqual(c.indices, expected.indices, "c.indices")
    #expect(c.data == expected.data)
    try expectEqual(c.isCanonical(), true, "c.isCanonical()")
  }

  @Test(
    "Canonicalisation is idempotent, and a messy matrix is not canonical",
    arguments: RandomData.seeds)
  func idempotent(seed: UInt64) throws {
    let dense = Oracle.sparseIntegers(seed: seed, rows: 3...9, columns: 3...9)
    let messy = Oracle.messyCSRArrays(of: dense, seed: seed)
    let a = try CSRMatrix(
      rows: dense.shape[0], columns: dense.shape[1], indptr: messy.indptr,
      indices: messy.indices, data: messy.data)
    let once = try a.canonicalized()
    try expectEqual(once.canonicalized(), once, "once.canonicalized()")
    let isCanonical =
      Oracle.strictlyIncreasing(indptr: messy.indptr, indices: messy.indices)
      && !messy.data.contains(0)
    try expectEqual(a.isCanonical(), isCanonical, "a.isCanonical()")
    try expectEqual(
      CSRMatrix(dense).canonicalized(), CSRMatrix(dense), "CSRMatrix(dense).canonicalized()")
  }
}
