import PruningCore

extension CSCMatrix {
  /// Multiplies the matrix by a vector, column by column: `y += x[j] · (column j)`.
  ///
  /// Where CSR *gathers* (each row reads scattered entries of `x`), CSC *scatters*: each
  /// column reads one entry of `x` and adds its multiples into scattered entries of `y`. Only
  /// stored entries are multiplied, so an entry of `x` under an empty column never reaches
  /// `y`.
  ///
  /// ```swift
  /// let a = try CSCMatrix(Tensor(rows: [[0, 2, 0, 0], [3, 0, 0, 4], [0, 0, 0, 0]]))
  /// try a.multiplied(by: [1, 2, 3, 4])  // [4, 19, 0]
  /// ```
  ///
  /// - Parameter vector: The vector `x`, with `columns` entries.
  /// - Returns: The product `y`, with `rows` entries.
  /// - Throws: `PruningError.shapeMismatch(expected: [columns], actual: [vector.count])` when
  ///   the lengths disagree.
  /// - Complexity: O(*rows* + *columns* + *nnz*).
  public func multiplied(by vector: [Float]) throws(PruningError) -> [Float] {
    // TODO: Check the length; for each column j, add data[p] * vector[j] into the result at
    // row indices[p].
    throw .notImplemented("CSCMatrix.multiplied(by:)")
  }
}
