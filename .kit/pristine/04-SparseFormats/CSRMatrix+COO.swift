import PruningCore

extension CSRMatrix {
  /// Converts coordinates to CSR, sorting the entries and adding up duplicates.
  ///
  /// This is scipy's `coo.tocsr()`: entries are grouped by row, each row's columns come out
  /// in increasing order, and the values of a repeated position are added (in their COO
  /// order) into one entry. Zeros are **kept**, whether stored as such or produced by a sum
  /// such as `3 + (-3)`: scipy's conversion does not eliminate zeros (use
  /// ``canonicalized()`` for that).
  ///
  /// ```swift
  /// let coo = try COOMatrix(
  ///   rows: 2, columns: 3, row: [1, 0, 0, 1, 1], col: [2, 1, 0, 2, 2], data: [1, 0, 2, 3, -3])
  /// let a = try CSRMatrix(coo)
  /// a.indptr   // [0, 2, 3]
  /// a.indices  // [0, 1, 2]
  /// a.data     // [2, 0, 1]
  /// ```
  ///
  /// - Parameter coo: The coordinates; any order, duplicates allowed.
  /// - Throws: Never for a valid COO matrix; the signature throws so that an unwritten body
  ///   can say so.
  /// - Complexity: O(*nnz* log *nnz* + *rows*).
  public init(_ coo: COOMatrix) throws(PruningError) {
    // TODO: Order the entries by (row, column), merge runs of the same position by adding
    // their values, count the entries of each row and turn the counts into indptr.
    throw .notImplemented("CSRMatrix.init(_: COOMatrix)")
  }
}
