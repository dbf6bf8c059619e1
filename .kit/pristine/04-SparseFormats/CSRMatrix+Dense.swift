import PruningCore

extension CSRMatrix {
  /// Compresses a dense matrix into CSR, storing only its non-zero elements.
  ///
  /// This is scipy's `csr_array(dense)`: row by row, the non-zeros in column order (a `-0.0`
  /// is zero). The result is canonical. An all-zero row repeats the previous `indptr` entry;
  /// a matrix with no rows has `indptr == [0]`.
  ///
  /// ```swift
  /// let a = try CSRMatrix(Tensor(rows: [[0, 2, 0, 0], [3, 0, 0, 4], [0, 0, 0, 0]]))
  /// a.indptr   // [0, 1, 3, 3]
  /// a.indices  // [1, 0, 3]
  /// a.data     // [2, 3, 4]
  /// ```
  ///
  /// - Parameter dense: A rank-2 tensor; either dimension may be 0.
  /// - Throws: `PruningError.rankMismatch` unless `dense` is rank 2;
  ///   `PruningError.nonFiniteWeight` for a NaN or infinite element.
  /// - Complexity: O(*rows* · *columns*).
  public init(_ dense: Tensor) throws(PruningError) {
    // TODO: Check the rank and finiteness; append each row's non-zeros to indices and data,
    // and after each row append the running count to indptr (which starts as [0]).
    throw .notImplemented("CSRMatrix.init(_: Tensor)")
  }

  /// Writes the stored entries into a dense matrix, adding up duplicates.
  ///
  /// Positions with no entry are 0; explicit zeros change nothing; a column stored twice in a
  /// row holds the sum of its values, as in scipy's `toarray()`.
  ///
  /// ```swift
  /// let a = try CSRMatrix(
  ///   rows: 2, columns: 3, indptr: [0, 2, 2], indices: [2, 2], data: [1, 4])
  /// try a.toDense()  // [[0, 0, 5], [0, 0, 0]]
  /// ```
  ///
  /// - Returns: A `[rows, columns]` tensor.
  /// - Throws: Never for a valid matrix; the signature throws so that an unwritten body can say
  ///   so.
  /// - Complexity: O(*rows* · *columns* + *nnz*).
  public func toDense() throws(PruningError) -> Tensor {
    // TODO: For each row i, visit positions indptr[i]..<indptr[i + 1] and add data[p] at
    // (i, indices[p]).
    throw .notImplemented("CSRMatrix.toDense()")
  }
}
