import PruningCore

extension CSRMatrix {
  /// Multiplies the matrix by a vector (SpMV): `y[i] = Σ data[p] · x[indices[p]]` over row
  /// `i`'s stored entries.
  ///
  /// Each row is a dot product that *gathers* the entries of `x` it needs; only stored entries
  /// are read, so an entry of `x` under an empty column is never touched. Unsorted columns,
  /// duplicates and explicit zeros need no special care: the sum is the same. The work is one
  /// multiply-add per stored entry instead of one per element.
  ///
  /// ```swift
  /// let a = try CSRMatrix(Tensor(rows: [[0, 2, 0, 0], [3, 0, 0, 4], [0, 0, 0, 0]]))
  /// try a.multiplied(by: [1, 2, 3, 4])  // [4, 19, 0]
  /// ```
  ///
  /// - Parameter vector: The vector `x`, with `columns` entries.
  /// - Returns: The product `y`, with `rows` entries.
  /// - Throws: `PruningError.shapeMismatch(expected: [columns], actual: [vector.count])` when
  ///   the lengths disagree.
  /// - Complexity: O(*rows* + *nnz*).
  public func multiplied(by vector: [Float]) throws(PruningError) -> [Float] {
    // TODO: Check the length; for each row, sum data[p] * vector[indices[p]] over its positions.
    throw .notImplemented("CSRMatrix.multiplied(by: [Float])")
  }

  /// Multiplies the matrix by a dense matrix (SpMM): `C = A · B`.
  ///
  /// Row `i` of `C` is the sum, over row `i`'s stored entries `(j, a)`, of `a` times row `j`
  /// of `B`: each stored entry scales one contiguous row of `B`, which keeps the inner loop
  /// contiguous.
  ///
  /// ```swift
  /// let a = try CSRMatrix(Tensor(rows: [[0, 2, 0, 0], [3, 0, 0, 4], [0, 0, 0, 0]]))
  /// let b = try Tensor(rows: [[1, 0], [2, 1], [3, 0], [4, 1]])
  /// try a.multiplied(by: b)  // [[4, 2], [19, 4], [0, 0]]
  /// ```
  ///
  /// - Parameter matrix: The dense matrix `B`, of shape `[columns, n]`.
  /// - Returns: The product, of shape `[rows, n]`.
  /// - Throws: `PruningError.rankMismatch(expected: 2, actual:)` unless `matrix` is rank 2;
  ///   `PruningError.shapeMismatch(expected: [columns, n], actual: matrix.shape)` when its
  ///   first dimension is not `columns`.
  /// - Complexity: O(*rows* · *n* + *nnz* · *n*).
  public func multiplied(by matrix: Tensor) throws(PruningError) -> Tensor {
    // TODO: Check the rank and the shape; for each stored entry (i, j, a), add a times row j of
    // the matrix into row i of the result.
    throw .notImplemented("CSRMatrix.multiplied(by: Tensor)")
  }
}
