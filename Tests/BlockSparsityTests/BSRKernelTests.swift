import BlockSparsity
import PruningCore
import PruningTestSupport
import Testing

/// The block sizes a fast BSR product may special-case (4 × 4 and 8 × 8), and one it may not,
/// on matrices with empty block rows and block columns.
@Suite("BSR × vector: the common block sizes (BSRMatrix.multiplied(by:))")
struct BSRKernelTests {
  @Test(
    "4×4, 8×8, their neighbours (8×9, 3×4, …), some block rows empty: the dense product exactly",
    arguments: [
      (4, 4), (8, 8), (8, 4), (4, 8), (9, 8), (7, 8), (8, 9), (8, 7), (5, 4), (3, 4), (4, 5),
      (4, 3),
    ], [UInt64(1), 2, 3])
  func commonBlockSizes(block: (rows: Int, columns: Int), seed: UInt64) throws {
    let (rows, columns) = (block.rows * 5, block.columns * 6)
    var generator = SplitMix64(seed: seed)
    let dropped = (0..<30).map { _ in generator.nextInt(below: 3) > 0 }  // about 2 in 3 dropped
    let full = Oracle.sixteenths(rows: rows, columns: columns, seed: seed)
    let scalars = full.scalars.indices.map { index -> Float in
      let (i, j) = (index / columns, index % columns)
      let tile = (i / block.rows) * 6 + j / block.columns
      // Block row 2 is empty throughout.
      return dropped[tile] || i / block.rows == 2 ? 0 : full.scalars[index]
    }
    let w = try Tensor(shape: [rows, columns], scalars: scalars)
    let x = Oracle.vector(count: columns, seed: seed &+ 9)
    let a = try BSRMatrix(w, blockSize: BlockSize(rows: block.rows, columns: block.columns))
    let actual = try a.multiplied(by: x)
    let expected = Oracle.matVec(w, x)
    #expect(
      actual == expected,
      "\(rows)×\(columns) matrix of sixteenths, \(block.rows)×\(block.columns) blocks, seed \(seed)"
    )
  }

  @Test("8×8 and 4×4: entries of x under block columns with no stored block are never read")
  func readsOnlyStoredBlocks() throws {
    for size in [4, 8] {
      // Only block column 0 holds values; x is NaN and infinite everywhere else.
      let n = 2 * size
      let w = try Tensor(
        shape: [n, n], scalars: (0..<n * n).map { $0 % n < size ? Float($0 % 5) : 0 })
      let x = (0..<n).map { $0 < size ? Float(1) : ($0.isMultiple(of: 2) ? .nan : .infinity) }
      let a = try BSRMatrix(w, blockSize: BlockSize(rows: size, columns: size))
      let actual = try a.multiplied(by: x)
      let expected = Oracle.matVec(w, x.map { $0.isFinite ? $0 : 0 })
      #expect(actual == expected, "\(size)×\(size) blocks, x non-finite beyond column \(size)")
    }
  }
}
