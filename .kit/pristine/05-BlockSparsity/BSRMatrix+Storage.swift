import PruningCore

extension BSRMatrix {
  /// The bytes this matrix takes in BSR form: every stored block's values, one index per
  /// block, and the block-row pointers.
  ///
  /// With `v` bytes per value, `i` per index and `nb` stored blocks:
  /// `nb · R · C · v + nb · i + (M / R + 1) · i`. Compare CSR's one index per *value*:
  /// larger blocks amortise the index over more values, but store the zeros inside a block.
  ///
  /// ```swift
  /// let a = try BSRMatrix(
  ///   Tensor(rows: [[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 5, 6], [0, 0, 7, 0]]),
  ///   blockSize: BlockSize(rows: 2, columns: 2))
  /// try a.storageBytes()  // 2·4·4 + 2·4 + 3·4 = 52
  /// ```
  ///
  /// - Parameters:
  ///   - valueBytes: The bytes per value `v` (4 for float32).
  ///   - indexBytes: The bytes per index or pointer `i` (4 for int32).
  /// - Returns: The size in bytes.
  /// - Throws: `PruningError.invalidByteWidth` for a width below 1 (`valueBytes` first).
  /// - Complexity: O(1).
  public func storageBytes(valueBytes: Int = 4, indexBytes: Int = 4) throws(PruningError) -> Int {
    // TODO: Check the widths; count the values of every stored block, one index per block and
    // the block-row pointers.
    throw .notImplemented("BSRMatrix.storageBytes(valueBytes:indexBytes:)")
  }
}
