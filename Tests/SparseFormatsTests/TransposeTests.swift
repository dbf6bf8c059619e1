import PruningCore
import PruningTestSupport
import SparseFormats
import Testing

@Suite("CSC and the transpose (CSCMatrix, CSRMatrix.transposed)")
struct TransposeTests {
  @Test("Dense to CSC: the worked example gives indptr [0, 1, 2, 2, 3], indices [1, 0, 1]")
  func cscFromDense() throws {
    let a = try CSCMatrix(example)
    #expect(a.indptr == [0, 1, 2, 2, 3])
    #expect(a.indices == [1, 0, 1])
    #expect(a.data == [3, 2, 4])
    try expectEqual(a.toDense(), example, "a.toDense()")
  }

  @Test("CSR to CSC of the same matrix moves every entry to its column")
  func cscFromCSR() throws {
    let a = try CSCMatrix(CSRMatrix(example))
    #expect(a.shape == [3, 4])
    #expect(a.indptr == [0, 1, 2, 2, 3])
    #expect(a.indices == [1, 0, 1])
    #expect(a.data == [3, 2, 4])
  }

  @Test(
    "Random matrices: CSC from CSR equals CSC from dense, and both round-trip",
    arguments: RandomData.seeds)
  func randomCSRToCSC(seed: UInt64) throws {
    let dense = Oracle.sparseIntegers(seed: seed)
    let viaCSR = try CSCMatrix(CSRMatrix(dense))
    let direct = try CSCMatrix(dense)
    // scipy's CSC arrays of A are the CSR arrays of Aᵀ.
    let expected = Oracle.csrArrays(Oracle.transpose(dense))
    #expect(direct.indptr == expected.indptr)
    expectEqual(direct.indices, expected.indices, "direct.indices")
    #expect(direct.data == expected.data)
    #expect(viaCSR == direct)
    try expectEqual(viaCSR.toDense(), dense, "viaCSR.toDense()")
  }

  @Test(
    "CSR to CSC keeps every stored entry (duplicates, explicit zeros) with rows sorted",
    arguments: RandomData.seeds)
  func messyCSRToCSC(seed: UInt64) throws {
    let (dense, a) = try messyCSR(seed: seed, shuffle: seed &+ 9)
    let c = try CSCMatrix(a)
    #expect(c.nnz == a.nnz)
    #expect(c.indptr.count == dense.shape[1] + 1)
    try expectEqual(c.toDense(), dense, "c.toDense()")
    for j in 0..<dense.shape[1] {
      let rows = c.indices[Int(c.indptr[j])..<Int(c.indptr[j + 1])]
      #expect(zip(rows, rows.dropFirst()).allSatisfy { $0 <= $1 }, "column \(j): rows \(rows)")
    }
  }

  @Test("transposed() reuses the three arrays as CSC and swaps the shape")
  func transposedExample() throws {
    let a = try CSRMatrix(example)
    let t = try a.transposed()
    #expect(t.shape == [4, 3])
    #expect(t.indptr == [0, 1, 3, 3])
    #expect(t.indices == [1, 0, 3])
    #expect(t.data == [2, 3, 4])
    try expectEqual(t.toDense(), Oracle.transpose(example), "t.toDense()")
  }

  @Test(
    "Random and messy matrices: the transpose's dense value is the dense transpose",
    arguments: RandomData.seeds)
  func transposedRandom(seed: UInt64) throws {
    let (dense, a) = try messyCSR(seed: seed, shuffle: seed &+ 10)
    let t = try a.transposed()
    #expect(t.shape == [dense.shape[1], dense.shape[0]])
    try expectEqual(t.toDense(), Oracle.transpose(dense), "t.toDense()")
    let x = Oracle.integerVector(count: dense.shape[0], seed: seed)
    try expectEqual(
      t.multiplied(by: x), Oracle.matVec(Oracle.transpose(dense), x), "t.multiplied(by: x)")
  }

  @Test("Edge shapes: 0×n, n×0 and 1×1 transpose and convert")
  func edgeShapes() throws {
    for shape in [[0, 3], [3, 0], [1, 1]] {
      let dense = shape == [1, 1] ? try Tensor(rows: [[4]]) : try Tensor(zeros: shape)
      let t = try CSRMatrix(dense).transposed()
      #expect(t.shape == [shape[1], shape[0]])
      try expectEqual(t.toDense(), Oracle.transpose(dense), "t.toDense()")
      try expectEqual(
        CSCMatrix(CSRMatrix(dense)).toDense(), dense, "CSCMatrix(CSRMatrix(dense)).toDense()")
    }
    #expect(throws: PruningError.rankMismatch(expected: 2, actual: [3])) {
      try CSCMatrix(Tensor([1, 2, 3]))
    }
  }
}
