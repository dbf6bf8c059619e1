import PruningCore

extension CSCMatrix {
  /// Compresses a dense matrix into CSC, storing only its non-zero elements.
  ///
  /// This is scipy's `csc_array(dense)`: column by column, the non-zeros in row order (a
  /// `-0.0` is zero).
  ///
  /// ```swift
  /// let a = try CSCMatrix(Tensor(rows: [[0, 2, 0, 0], [3, 0, 0, 4], [0, 0, 0, 0]]))
  /// a.indptr   // [0, 1, 2, 2, 3]
  /// a.indices  // [1, 0, 1]
  /// a.data     // [3, 2, 4]
  /// ```
  ///
  /// - Parameter dense: A rank-2 tensor; either dimension may be 0.
  /// - Throws: `PruningError.rankMismatch` unless `dense` is rank 2;
  ///   `PruningError.nonFiniteWeight` for a NaN or infinite element.
  /// - Complexity: O(*rows* · *columns*).
  public init(_ dense: Tensor) throws(PruningError) {
    // TODO: Like CSR, but walk column by column and record row indices.
    throw .notImplemented("CSCMatrix.init(_: Tensor)")
  }

  /// Converts a CSR matrix to CSC form of the same matrix (scipy's `tocsc()`).
  ///
  /// Every stored entry moves to its column: count the entries per column, turn the counts
  /// into `indptr` by a running sum, then place each entry, visiting rows in order. Rows
  /// therefore come out sorted within each column. Every stored entry is kept: explicit
  /// zeros stay, and a duplicate stays a duplicate (next to its twin, in CSR storage order).
  ///
  /// ```swift
  /// let a = try CSRMatrix(Tensor(rows: [[0, 2, 0, 0], [3, 0, 0, 4], [0, 0, 0, 0]]))
  /// let c = try CSCMatrix(a)
  /// c.indptr   // [0, 1, 2, 2, 3]
  /// c.indices  // [1, 0, 1]
  /// c.data     // [3, 2, 4]
  /// ```
  ///
  /// - Parameter csr: The matrix in CSR form.
  /// - Throws: Never for a valid matrix; the signature throws so that an unwritten body can say
  ///   so.
  /// - Complexity: O(*rows* + *columns* + *nnz*).
  public init(_ csr: CSRMatrix) throws(PruningError) {
    // TODO: Count the entries of each column, prefix-sum the counts into indptr, then place each
    // entry at the next free slot of its column, visiting the rows in order.
    throw .notImplemented("CSCMatrix.init(_: CSRMatrix)")
  }

  /// Writes the stored entries into a dense matrix, adding up duplicates.
  ///
  /// ```swift
  /// try CSCMatrix(Tensor(rows: [[0, 2], [3, 0]])).toDense()  // [[0, 2], [3, 0]]
  /// ```
  ///
  /// - Returns: A `[rows, columns]` tensor.
  /// - Throws: Never for a valid matrix; the signature throws so that an unwritten body can say
  ///   so.
  /// - Complexity: O(*rows* · *columns* + *nnz*).
  public func toDense() throws(PruningError) -> Tensor {
    // TODO: For each column j, add data[p] at (indices[p], j) for its positions.
    throw .notImplemented("CSCMatrix.toDense()")
  }
}

extension CSRMatrix {
  /// Returns the transpose, at no cost: the same three arrays, read as CSC.
  ///
  /// Row `i` of `A` is column `i` of `Aᵀ`, so `A`'s row pointers are `Aᵀ`'s column pointers
  /// and `A`'s column indices are `Aᵀ`'s row indices. Nothing moves; only the shape swaps
  /// (scipy's `A.T` on a CSR array returns a CSC array the same way).
  ///
  /// ```swift
  /// let a = try CSRMatrix(Tensor(rows: [[0, 2, 0, 0], [3, 0, 0, 4], [0, 0, 0, 0]]))
  /// let t = try a.transposed()
  /// t.shape   // [4, 3]
  /// t.indptr  // [0, 1, 3, 3], the same array as a.indptr
  /// ```
  ///
  /// - Returns: `Aᵀ` in CSC form, of shape `[columns, rows]`.
  /// - Throws: Never for a valid matrix; the signature throws so that an unwritten body can say
  ///   so.
  /// - Complexity: O(1) (the arrays are shared, copy-on-write).
  public func transposed() throws(PruningError) -> CSCMatrix {
    // TODO: Build a CSCMatrix from the same three arrays with the shape swapped.
    throw .notImplemented("CSRMatrix.transposed()")
  }
}
