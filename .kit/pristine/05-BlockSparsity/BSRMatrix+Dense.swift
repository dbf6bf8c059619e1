import PruningCore

extension BSRMatrix {
  /// Compresses a dense matrix into BSR, storing every block that holds a non-zero.
  ///
  /// This is scipy's `bsr_array(dense, blocksize=(R, C))`: block row by block row, the
  /// blocks with at least one non-zero element (a `-0.0` is zero) in block-column order, each
  /// stored whole, zeros included. An all-zero block is not stored.
  ///
  /// ```swift
  /// let a = try BSRMatrix(
  ///   Tensor(rows: [[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 5, 6], [0, 0, 7, 0]]),
  ///   blockSize: BlockSize(rows: 2, columns: 2))
  /// a.indptr   // [0, 1, 2]
  /// a.indices  // [0, 1]
  /// a.data     // [1, 0, 0, 0, 5, 6, 7, 0]
  /// a.nnz      // 8
  /// ```
  ///
  /// - Parameters:
  ///   - dense: A rank-2 matrix `[M, N]`; either dimension may be 0.
  ///   - blockSize: The block `R × C`; both positive, `R` dividing `M` and `C` dividing `N`
  ///     (scipy: `ValueError: invalid blocksize`).
  /// - Throws: Checked in this order: `PruningError.rankMismatch(expected: 2, actual:)`;
  ///   `PruningError.invalidBlockSize(block: [R, C], shape: [M, N])`;
  ///   `PruningError.nonFiniteWeight` for a NaN or infinite element.
  /// - Complexity: O(*M* · *N*).
  public init(_ dense: Tensor, blockSize: BlockSize) throws(PruningError) {
    // TODO: Validate in the documented order; walk the block grid row by row and store every
    // block that holds a non-zero: its block column in indices, all R · C values in data.
    throw .notImplemented("BSRMatrix.init(_:blockSize:)")
  }

  /// Writes the stored blocks into a dense matrix; everything else is 0.
  ///
  /// ```swift
  /// let w = try Tensor(rows: [[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 5, 6], [0, 0, 7, 0]])
  /// try BSRMatrix(w, blockSize: BlockSize(rows: 2, columns: 2)).toDense() == w  // true
  /// ```
  ///
  /// - Returns: A `[rows, columns]` tensor.
  /// - Throws: Never for a valid matrix; the signature throws so that an unwritten body can say
  ///   so.
  /// - Complexity: O(*M* · *N*).
  public func toDense() throws(PruningError) -> Tensor {
    // TODO: For each block row and each of its stored blocks, copy the block's R × C values
    // to their place in a zero matrix.
    throw .notImplemented("BSRMatrix.toDense()")
  }
}
