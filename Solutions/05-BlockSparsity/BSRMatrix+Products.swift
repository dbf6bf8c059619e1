import PruningCore

extension BSRMatrix {
  /// Multiplies the matrix by a vector, reading only the stored blocks.
  ///
  /// For each stored block at block row `bi`, block column `bj`: a small dense `R × C`
  /// mat-vec of the block with `x[bj·C..<(bj+1)·C]`, added into `y[bi·R..<(bi+1)·R]`. One
  /// index is read per block, not per element, and the inner loops are dense and contiguous.
  /// An entry of `x` under a block column with no stored block is never read.
  ///
  /// ```swift
  /// let a = try BSRMatrix(
  ///   Tensor(rows: [[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 5, 6], [0, 0, 7, 0]]),
  ///   blockSize: BlockSize(rows: 2, columns: 2))
  /// try a.multiplied(by: [1, 2, 3, 4])  // [1, 0, 39, 21]
  /// ```
  ///
  /// - Parameter vector: The vector `x`, with `columns` entries.
  /// - Returns: The product `y`, with `rows` entries.
  /// - Throws: `PruningError.shapeMismatch(expected: [columns], actual: [vector.count])` when
  ///   the lengths disagree.
  /// - Complexity: O(*M* + *blockCount* · *R* · *C*).
  public func multiplied(by vector: [Float]) throws(PruningError) -> [Float] {
    guard vector.count == columns else {
      throw .shapeMismatch(expected: [columns], actual: [vector.count])
    }
    let r = blockSize.rows
    let c = blockSize.columns
    let blockRows = indptr.count - 1
    var result = [Float](repeating: 0, count: rows)
    indptr.withUnsafeBufferPointer { blockStart in
      indices.withUnsafeBufferPointer { blockColumn in
        data.withUnsafeBufferPointer { value in
          vector.withUnsafeBufferPointer { x in
            result.withUnsafeMutableBufferPointer { y in
              for bi in 0..<blockRows {
                for p in Int(blockStart[bi])..<Int(blockStart[bi + 1]) {
                  let xStart = Int(blockColumn[p]) * c
                  var block = p * r * c
                  for ri in 0..<r {
                    var sum: Float = 0
                    for ci in 0..<c {
                      sum += value[block + ci] * x[xStart + ci]
                    }
                    y[bi * r + ri] += sum
                    block += c
                  }
                }
              }
            }
          }
        }
      }
    }
    return result
  }
}
