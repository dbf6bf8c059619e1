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
    // TODO: Check the length; for each stored block, do a small dense R × C mat-vec with the
    // matching slice of x and add it into the matching slice of y.
    throw .notImplemented("BSRMatrix.multiplied(by:)")
  }
}
