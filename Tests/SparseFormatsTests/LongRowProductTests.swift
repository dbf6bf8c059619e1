import PruningCore
import PruningTestSupport
import SparseFormats
import Testing

/// Rows long enough for a product that works on several entries at a time (vector loads,
/// several running sums) and then finishes each row's remainder on its own.
@Suite("CSR × vector on long rows (CSRMatrix.multiplied(by:))")
struct LongRowProductTests {
  @Test(
    "Rows of every length from 0 to 70 equal the dense product exactly",
    arguments: RandomData.seeds)
  func longRows(seed: UInt64) throws {
    let dense = Oracle.sparseIntegers(seed: seed, rows: 1...12, columns: 20...70)
    let x = Oracle.integerVector(count: dense.shape[1], seed: seed &+ 5)
    let actual = try CSRMatrix(dense).multiplied(by: x)
    let expected = Oracle.matVec(dense, x)
    #expect(actual == expected, "\(dense.shape[0])×\(dense.shape[1]) integers, seed \(seed)")
  }

  @Test("Row lengths 7 to 17: a NaN in x under an empty column never reaches y")
  func remaindersReadOnlyStoredEntries() throws {
    // Row i stores columns 0..<(7 + i); column 19 is empty and x holds NaN there.
    let columns = 20
    let rows = 11
    let scalars = (0..<rows * columns).map { index -> Float in
      let (i, j) = (index / columns, index % columns)
      return j < 7 + i ? Float(j % 3 + 1) : 0
    }
    let dense = try Tensor(shape: [rows, columns], scalars: scalars)
    var x = (0..<columns).map { Float($0 % 4) }
    x[columns - 1] = .nan
    let actual = try CSRMatrix(dense).multiplied(by: x)
    var finite = x
    finite[columns - 1] = 0
    let expected = Oracle.matVec(dense, finite)
    #expect(actual == expected, "11 rows of 7...17 entries, x[19] = NaN under an empty column")
  }
}
