import PruningCore
import PruningTestSupport
import SparseFormats
import Testing

/// The README's matrix: `[[0, 2, 0, 0], [3, 0, 0, 4], [0, 0, 0, 0]]`.
let example: Tensor =
  (try? Tensor(rows: [[0, 2, 0, 0], [3, 0, 0, 4], [0, 0, 0, 0]])) ?? Tensor([])

@Suite("Dense to CSR and back (CSRMatrix.init(_:), toDense)")
struct CSRConversionTests {
  @Test("The worked example gives scipy's indptr [0, 1, 3, 3], indices [1, 0, 3], data [2, 3, 4]")
  func workedExample() throws {
    let a = try CSRMatrix(example)
    #expect(a.shape == [3, 4])
    #expect(a.indptr == [0, 1, 3, 3])
    #expect(a.indices == [1, 0, 3])
    #expect(a.data == [2, 3, 4])
    #expect(a.nnz == 3)
  }

  @Test("All-zero rows repeat the previous indptr entry, at the start, middle and end")
  func allZeroRows() throws {
    let a = try CSRMatrix(Tensor(rows: [[0, 0], [0, 5], [0, 0], [7, 0], [0, 0]]))
    #expect(a.indptr == [0, 0, 1, 1, 2, 2])
    #expect(a.indices == [1, 0])
    #expect(a.data == [5, 7])
  }

  @Test(
    "Random matrices of random density: scipy's arrays, and back to the same dense matrix",
    arguments: RandomData.seeds)
  func randomRoundTrip(seed: UInt64) throws {
    let dense = Oracle.sparseIntegers(seed: seed)
    let a = try CSRMatrix(dense)
    let expected = Oracle.csrArrays(dense)
    #expect(a.indptr == expected.indptr)
    expectEqual(a.indices, expected.indices, "a.indices")
    #expect(a.data == expected.data)
    try expectEqual(a.toDense(), dense, "a.toDense()")
  }

  @Test("Edge shapes: 0 rows give indptr [0], 0 columns give all-zero rows, 1×1 works")
  func edgeShapes() throws {
    let noRows = try CSRMatrix(Tensor(zeros: [0, 5]))
    #expect(noRows.indptr == [0])
    #expect(noRows.shape == [0, 5])
    try expectEqual(noRows.toDense(), Tensor(zeros: [0, 5]), "noRows.toDense()")
    let noColumns = try CSRMatrix(Tensor(zeros: [3, 0]))
    #expect(noColumns.indptr == [0, 0, 0, 0])
    try expectEqual(noColumns.toDense(), Tensor(zeros: [3, 0]), "noColumns.toDense()")
    let allZero = try CSRMatrix(Tensor(zeros: [2, 3]))
    #expect(allZero.indptr == [0, 0, 0])
    #expect(allZero.nnz == 0)
    let one = try CSRMatrix(Tensor(rows: [[-2.5]]))
    #expect(one.indptr == [0, 1])
    #expect(one.indices == [0])
    #expect(one.data == [-2.5])
    try expectEqual(one.toDense(), Tensor(rows: [[-2.5]]), "one.toDense()")
  }

  @Test("A negative zero is zero: it is not stored")
  func negativeZero() throws {
    let a = try CSRMatrix(Tensor(rows: [[-0.0, 1]]))
    #expect(a.indices == [1])
  }

  @Test("toDense adds duplicates and ignores explicit zeros")
  func toDenseAddsDuplicates() throws {
    let a = try CSRMatrix(
      rows: 2, columns: 3, indptr: [0, 4, 4], indices: [2, 0, 2, 1], data: [1, 0, 4, -1])
    try expectEqual(a.toDense(), Tensor(rows: [[0, -1, 5], [0, 0, 0]]), "a.toDense()")
  }

  @Test("Bad dense input: rank other than 2 and non-finite elements throw")
  func badInput() throws {
    #expect(throws: PruningError.rankMismatch(expected: 2, actual: [4])) {
      try CSRMatrix(Tensor([1, 2, 3, 4]))
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [1, 0], kind: .nan)) {
      try CSRMatrix(Tensor(rows: [[0, 1], [.nan, 0]]))
    }
  }
}

@Suite("Dense to COO and back (COOMatrix)")
struct COOConversionTests {
  @Test("The worked example gives row [0, 1, 1], col [1, 0, 3], data [2, 3, 4]")
  func workedExample() throws {
    let a = try COOMatrix(example)
    #expect(a.row == [0, 1, 1])
    #expect(a.col == [1, 0, 3])
    #expect(a.data == [2, 3, 4])
    #expect(a.shape == [3, 4])
    try expectEqual(a.toDense(), example, "a.toDense()")
  }

  @Test(
    "Random matrices: row-major non-zeros, and back to the same dense matrix",
    arguments: RandomData.seeds)
  func randomRoundTrip(seed: UInt64) throws {
    let dense = Oracle.sparseIntegers(seed: seed)
    let a = try COOMatrix(dense)
    let columns = dense.shape[1]
    let flat = dense.scalars.indices.filter { dense.scalars[$0] != 0 }
    #expect(a.row == flat.map { Int32($0 / columns) })
    #expect(a.col == flat.map { Int32($0 % columns) })
    #expect(a.data == flat.map { dense.scalars[$0] })
    try expectEqual(a.toDense(), dense, "a.toDense()")
  }

  @Test("Empty shapes and a 1×1 matrix convert both ways")
  func edgeShapes() throws {
    for shape in [[0, 0], [0, 3], [3, 0], [1, 1]] {
      let dense = try Tensor(zeros: shape)
      let a = try COOMatrix(dense)
      #expect(a.nnz == 0)
      try expectEqual(a.toDense(), dense, "a.toDense()")
    }
  }

  @Test("Only a matrix converts: a tensor of rank 1 or 3 throws rankMismatch")
  func notAMatrix() throws {
    #expect(throws: PruningError.rankMismatch(expected: 2, actual: [2, 2, 1])) {
      try COOMatrix(Tensor(zeros: [2, 2, 1]))
    }
    #expect(throws: PruningError.rankMismatch(expected: 2, actual: [4])) {
      try COOMatrix(Tensor([1, 0, 0, 2]))
    }
  }

  @Test("Hand-built coordinates in any order; duplicates add up in toDense")
  func handBuiltDuplicates() throws {
    let a = try COOMatrix(
      rows: 2, columns: 3, row: [1, 0, 1, 1], col: [2, 1, 2, 0], data: [1, 4, 2, 0])
    try expectEqual(a.toDense(), Tensor(rows: [[0, 4, 0], [0, 0, 3]]), "a.toDense()")
  }

  @Test("Empty shapes are valid: no rows, no columns, no entries")
  func emptyShapes() throws {
    for (rows, columns) in [(0, 3), (2, 0), (0, 0)] {
      let empty = try COOMatrix(rows: rows, columns: columns, row: [], col: [], data: [])
      #expect(empty.shape == [rows, columns], "\(rows) × \(columns)")
      #expect(empty.nnz == 0)
    }
  }

  @Test("Bad hand-built coordinates throw the exact error, in the documented order")
  func validation() {
    #expect(throws: PruningError.invalidShape(shape: [-1, 2], scalarCount: 0)) {
      try COOMatrix(rows: -1, columns: 2, row: [], col: [], data: [])
    }
    #expect(throws: PruningError.invalidSparseStructure(.lengthMismatch(indices: 2, data: 1))) {
      try COOMatrix(rows: 2, columns: 2, row: [0, 1], col: [0], data: [1])
    }
    #expect(throws: PruningError.invalidSparseStructure(.lengthMismatch(indices: 1, data: 2))) {
      try COOMatrix(rows: 2, columns: 2, row: [0, 1], col: [0], data: [1, 2])
    }
    #expect(
      throws: PruningError.invalidSparseStructure(
        .rowIndexOutOfRange(position: 1, index: 2, bound: 2))
    ) {
      try COOMatrix(rows: 2, columns: 2, row: [0, 2], col: [0, 5], data: [1, 2])
    }
    #expect(
      throws: PruningError.invalidSparseStructure(
        .columnIndexOutOfRange(position: 0, index: -1, bound: 2))
    ) {
      try COOMatrix(rows: 2, columns: 2, row: [0, 7], col: [-1, 0], data: [1, 2])
    }
    #expect(
      throws: PruningError.invalidSparseStructure(
        .columnIndexOutOfRange(position: 1, index: 3, bound: 3))
    ) {
      try COOMatrix(rows: 2, columns: 3, row: [0, 1], col: [2, 3], data: [1, 2])
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [1, 0], kind: .positiveInfinity)) {
      try COOMatrix(rows: 2, columns: 2, row: [0, 1], col: [1, 0], data: [1, .infinity])
    }
  }
}

@Suite("COO to CSR (CSRMatrix.init(_: COOMatrix))")
struct COOToCSRTests {
  @Test("scipy's example: rows grouped, columns sorted, duplicates summed, zeros kept")
  func workedExample() throws {
    let coo = try COOMatrix(
      rows: 2, columns: 3, row: [1, 0, 0, 1, 1], col: [2, 1, 0, 2, 2], data: [1, 0, 2, 3, -3])
    let a = try CSRMatrix(coo)
    #expect(a.indptr == [0, 2, 3])
    #expect(a.indices == [0, 1, 2])
    #expect(a.data == [2, 0, 1])
  }

  @Test("A duplicate that cancels stays as an explicit zero, as in scipy's tocsr()")
  func cancellingDuplicateKept() throws {
    let coo = try COOMatrix(rows: 1, columns: 2, row: [0, 0], col: [1, 1], data: [3, -3])
    let a = try CSRMatrix(coo)
    #expect(a.indptr == [0, 1])
    #expect(a.indices == [1])
    #expect(a.data == [0])
  }

  @Test(
    "Shuffled random coordinates with duplicates give sorted, duplicate-free rows",
    arguments: RandomData.seeds)
  func randomShuffled(seed: UInt64) throws {
    let dense = Oracle.sparseIntegers(seed: seed)
    let messy = Oracle.messyCSRArrays(of: dense, seed: seed &+ 100)
    var rowOf: [Int32] = []
    for i in 0..<dense.shape[0] {
      rowOf += Array(repeating: Int32(i), count: Int(messy.indptr[i + 1] - messy.indptr[i]))
    }
    var order = Array(rowOf.indices)
    var generator = SplitMix64(seed: seed)
    generator.shuffle(&order)
    let coo = try COOMatrix(
      rows: dense.shape[0], columns: dense.shape[1], row: order.map { rowOf[$0] },
      col: order.map { messy.indices[$0] }, data: order.map { messy.data[$0] })
    let a = try CSRMatrix(coo)
    try expectEqual(a.toDense(), dense, "a.toDense()")
    #expect(Oracle.strictlyIncreasing(indptr: a.indptr, indices: a.indices))
    let distinct = Set(
      zip(order.map { rowOf[$0] }, order.map { messy.indices[$0] }).map {
        Int($0) * 1000 + Int($1)
      })
    #expect(a.nnz == distinct.count)
  }
}
