import BlockSparsity
import PruningCore
import PruningTestSupport
import Testing

/// The README's BSR matrix: `[[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 5, 6], [0, 0, 7, 0]]`.
let bsrExample: Tensor =
  (try? Tensor(rows: [[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 5, 6], [0, 0, 7, 0]])) ?? Tensor([])

/// scipy's BSR arrays of a dense matrix, written out the obvious way.
private func bsrArrays(
  _ w: Tensor, r: Int, c: Int
) -> (indptr: [Int32], indices: [Int32], data: [Float]) {
  let (rows, columns) = (w.shape[0], w.shape[1])
  var indptr: [Int32] = [0]
  var indices: [Int32] = []
  var data: [Float] = []
  for bi in 0..<rows / r {
    for bj in 0..<columns / c {
      var block: [Float] = []
      for i in 0..<r {
        for j in 0..<c {
          block.append(w.scalars[(bi * r + i) * columns + bj * c + j])
        }
      }
      if block.contains(where: { $0 != 0 }) {
        indices.append(Int32(bj))
        data += block
      }
    }
    indptr.append(Int32(indices.count))
  }
  return (indptr, indices, data)
}

@Suite("Block sparse rows (BSRMatrix)")
struct BSRConversionTests {
  @Test("scipy's example with 2×2 blocks: indptr [0, 1, 2], indices [0, 1], nnz 8")
  func workedExample() throws {
    let a = try BSRMatrix(bsrExample, blockSize: twoByTwo)
    #expect(a.indptr == [0, 1, 2])
    #expect(a.indices == [0, 1])
    #expect(a.data == [1, 0, 0, 0, 5, 6, 7, 0])
    #expect(a.nnz == 8)
    #expect(a.blockCount == 2)
    #expect(a.shape == [4, 4])
    #expect(a.blockSize == twoByTwo)
    try expectEqual(a.toDense(), bsrExample, "a.toDense()")
  }

  @Test("Blocks that are not square: 1×2 blocks of the example")
  func rectangularBlocks() throws {
    let a = try BSRMatrix(bsrExample, blockSize: BlockSize(rows: 1, columns: 2))
    #expect(a.indptr == [0, 1, 1, 2, 3])
    #expect(a.indices == [0, 1, 1])
    #expect(a.data == [1, 0, 5, 6, 7, 0])
    try expectEqual(a.toDense(), bsrExample, "a.toDense()")
  }

  @Test(
    "Random matrices and block sizes: scipy's arrays, and back to the same matrix",
    arguments: RandomData.seeds)
  func randomRoundTrip(seed: UInt64) throws {
    let (_, block, w) = Oracle.blockedMatrix(seed: seed)
    let a = try BSRMatrix(w, blockSize: BlockSize(rows: block[0], columns: block[1]))
    let expected = bsrArrays(w, r: block[0], c: block[1])
    #expect(a.indptr == expected.indptr)
    expectEqual(a.indices, expected.indices, "a.indices")
    #expect(a.data == expected.data)
    #expect(a.nnz == a.blockCount * block[0] * block[1])
    try expectEqual(a.toDense(), w, "a.toDense()")
  }

  @Test("Edge cases: no rows, all-zero matrix, 1×1 blocks, one block covering everything")
  func edgeCases() throws {
    let noRows = try BSRMatrix(Tensor(zeros: [0, 4]), blockSize: twoByTwo)
    #expect(noRows.indptr == [0])
    try expectEqual(noRows.toDense(), Tensor(zeros: [0, 4]), "noRows.toDense()")
    let zeros = try BSRMatrix(Tensor(zeros: [4, 2]), blockSize: twoByTwo)
    #expect(zeros.indptr == [0, 0, 0])
    #expect(zeros.nnz == 0)
    let single = try BSRMatrix(bsrExample, blockSize: BlockSize(rows: 1, columns: 1))
    #expect(single.indices == [0, 2, 3, 2])
    #expect(single.nnz == 4)
    let whole = try BSRMatrix(bsrExample, blockSize: BlockSize(rows: 4, columns: 4))
    #expect(whole.indptr == [0, 1])
    #expect(whole.nnz == 16)
    try expectEqual(whole.toDense(), bsrExample, "whole.toDense()")
  }

  @Test("A block size that does not divide the shape is rejected, as scipy's invalid blocksize")
  func indivisibleBlock() throws {
    #expect(throws: PruningError.invalidBlockSize(block: [3, 2], shape: [4, 4])) {
      try BSRMatrix(bsrExample, blockSize: BlockSize(rows: 3, columns: 2))
    }
    #expect(throws: PruningError.invalidBlockSize(block: [2, 3], shape: [4, 4])) {
      try BSRMatrix(bsrExample, blockSize: BlockSize(rows: 2, columns: 3))
    }
    #expect(throws: PruningError.invalidBlockSize(block: [0, 1], shape: [4, 4])) {
      try BSRMatrix(bsrExample, blockSize: BlockSize(rows: 0, columns: 1))
    }
  }

  @Test("Other bad input: rank other than 2, non-finite elements (after the block check)")
  func badInput() throws {
    #expect(throws: PruningError.rankMismatch(expected: 2, actual: [4])) {
      try BSRMatrix(Tensor([1, 2, 3, 4]), blockSize: twoByTwo)
    }
    #expect(throws: PruningError.invalidBlockSize(block: [2, 2], shape: [1, 2])) {
      try BSRMatrix(Tensor(rows: [[.nan, 1]]), blockSize: twoByTwo)
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [0, 1], kind: .positiveInfinity)) {
      try BSRMatrix(Tensor(rows: [[0, .infinity]]), blockSize: BlockSize(rows: 1, columns: 2))
    }
  }
}

@Suite("BSR × vector (BSRMatrix.multiplied(by:))")
struct BSRMatVecTests {
  @Test("The worked example: x = [1, 2, 3, 4] gives [1, 0, 39, 21]")
  func workedExample() throws {
    let a = try BSRMatrix(bsrExample, blockSize: twoByTwo)
    try expectEqual(
      a.multiplied(by: [1, 2, 3, 4]), [1, 0, 39, 21], "a.multiplied(by: [1, 2, 3, 4])")
  }

  @Test(
    "Random matrices and block sizes equal the dense product exactly",
    arguments: RandomData.seeds)
  func randomProducts(seed: UInt64) throws {
    let (shape, block, w) = Oracle.blockedMatrix(seed: seed)
    let x = Oracle.vector(count: shape[1], seed: seed &+ 1)
    let a = try BSRMatrix(w, blockSize: BlockSize(rows: block[0], columns: block[1]))
    try expectEqual(a.multiplied(by: x), Oracle.matVec(w, x), "a.multiplied(by: x)")
  }

  @Test("Only stored blocks are read: NaN in x under an empty block column does not leak")
  func readsOnlyStoredBlocks() throws {
    // Block column 1 (columns 2 and 3) holds no block in block row 0, and none at all below.
    let w = try Tensor(rows: [[1, 2, 0, 0], [3, 4, 0, 0], [5, 0, 0, 0], [0, 6, 0, 0]])
    let a = try BSRMatrix(w, blockSize: twoByTwo)
    try expectEqual(
      a.multiplied(by: [1, 1, .nan, .infinity]), [3, 7, 5, 6],
      "a.multiplied(by: [1, 1, .nan, .infinity])")
  }

  @Test("Edge shapes and a vector of the wrong length")
  func edgesAndErrors() throws {
    try expectEqual(
      BSRMatrix(Tensor(zeros: [0, 2]), blockSize: twoByTwo).multiplied(by: [1, 1]), [],
      "BSRMatrix(Tensor(zeros: [0, 2]), blockSize: twoByTwo).multiplied(by: [1, 1])")
    try expectEqual(
      BSRMatrix(Tensor(zeros: [2, 2]), blockSize: twoByTwo).multiplied(by: [1, 1]), [0, 0],
      "BSRMatrix(Tensor(zeros: [2, 2]), blockSize: twoByTwo).multiplied(by: [1, 1])")
    try expectEqual(
      BSRMatrix(Tensor(rows: [[3]]), blockSize: BlockSize(rows: 1, columns: 1)).multiplied(by: [2]),
      [6],
      "BSRMatrix(Tensor(rows: [[3]]), blockSize: BlockSize(rows: 1, columns: 1)).multiplied(by: [2])"
    )
    #expect(throws: PruningError.shapeMismatch(expected: [4], actual: [2])) {
      try BSRMatrix(bsrExample, blockSize: twoByTwo).multiplied(by: [1, 2])
    }
  }
}

@Suite("BSR storage bytes (BSRMatrix.storageBytes)")
struct BSRStorageTests {
  @Test("The example: 2 blocks of 4 values, 2 block indices, 3 pointers = 52 bytes")
  func workedExample() throws {
    let a = try BSRMatrix(bsrExample, blockSize: twoByTwo)
    try expectEqual(a.storageBytes(), 52, "a.storageBytes()")
    try expectEqual(
      a.storageBytes(valueBytes: 2, indexBytes: 8), 16 + 16 + 24,
      "a.storageBytes(valueBytes: 2, indexBytes: 8)")
  }

  @Test("Random matrices follow nb·R·C·v + nb·i + (M/R + 1)·i", arguments: RandomData.seeds)
  func randomBytes(seed: UInt64) throws {
    let (shape, block, w) = Oracle.blockedMatrix(seed: seed)
    let blocks = bsrArrays(w, r: block[0], c: block[1]).indices.count
    let a = try BSRMatrix(w, blockSize: BlockSize(rows: block[0], columns: block[1]))
    try expectEqual(
      a.storageBytes(valueBytes: 4, indexBytes: 4),
      blocks * block[0] * block[1] * 4 + blocks * 4 + (shape[0] / block[0] + 1) * 4,
      "a.storageBytes(valueBytes: 4, indexBytes: 4)")
  }

  @Test("A width below one byte throws")
  func badWidths() throws {
    let a = try BSRMatrix(bsrExample, blockSize: twoByTwo)
    #expect(throws: PruningError.invalidByteWidth(0)) { try a.storageBytes(valueBytes: 0) }
    #expect(throws: PruningError.invalidByteWidth(-1)) { try a.storageBytes(indexBytes: -1) }
    #expect(throws: PruningError.invalidByteWidth(0)) { try a.storageBytes(indexBytes: 0) }
    // One byte each: 8 values, 2 block indices, 3 pointers.
    try expectEqual(
      a.storageBytes(valueBytes: 1, indexBytes: 1), 13,
      "a.storageBytes(valueBytes: 1, indexBytes: 1)")
  }
}
