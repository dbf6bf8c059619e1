import PruningCore

extension COOMatrix {
  /// Stores the non-zero elements of a dense matrix as coordinates, in row-major order.
  ///
  /// This is scipy's `coo_array(dense)`: only non-zeros are stored (a `-0.0` is zero), row
  /// by row and, within a row, by column.
  ///
  /// ```swift
  /// let a = try COOMatrix(Tensor(rows: [[0, 2, 0, 0], [3, 0, 0, 4], [0, 0, 0, 0]]))
  /// a.row   // [0, 1, 1]
  /// a.col   // [1, 0, 3]
  /// a.data  // [2, 3, 4]
  /// ```
  ///
  /// - Parameter dense: A rank-2 tensor; either dimension may be 0.
  /// - Throws: `PruningError.rankMismatch` unless `dense` is rank 2;
  ///   `PruningError.nonFiniteWeight` for a NaN or infinite element.
  /// - Complexity: O(*rows* · *columns*).
  public init(_ dense: Tensor) throws(PruningError) {
    // TODO: Check the rank and finiteness, then walk the elements row by row and record
    // (row, column, value) for every non-zero; finish with init(uncheckedRows:...).
    throw .notImplemented("COOMatrix.init(_:)")
  }

  /// Writes the stored entries into a dense matrix, adding up duplicates.
  ///
  /// Positions with no entry are 0; a position stored twice holds the sum of its values, as in
  /// scipy's `toarray()`.
  ///
  /// ```swift
  /// let a = try COOMatrix(rows: 1, columns: 2, row: [0, 0], col: [1, 1], data: [2, 3])
  /// try a.toDense()  // [[0, 5]]
  /// ```
  ///
  /// - Returns: A `[rows, columns]` tensor.
  /// - Throws: Never for a valid matrix; the signature throws so that an unwritten body can say
  ///   so.
  /// - Complexity: O(*rows* · *columns* + *nnz*).
  public func toDense() throws(PruningError) -> Tensor {
    // TODO: Start from zeros and add every entry's value at its (row, col): add, do not assign.
    throw .notImplemented("COOMatrix.toDense()")
  }
}
