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
    guard dense.rank == 2 else { throw .rankMismatch(expected: 2, actual: dense.shape) }
    try dense.validateFinite()
    let rows = dense.shape[0]
    let columns = dense.shape[1]
    let a = dense.scalars
    // Count each column's non-zeros; the running total is indptr.
    var indptr = [Int32](repeating: 0, count: columns + 1)
    for i in 0..<rows {
      for j in 0..<columns where a[i * columns + j] != 0 {
        indptr[j + 1] += 1
      }
    }
    for j in 0..<columns {
      indptr[j + 1] += indptr[j]
    }
    // Place each non-zero at the next free slot of its column, scanning in row-major order
    // (contiguous reads), so the rows of every column come out in increasing order.
    var next = indptr
    var indices = [Int32](repeating: 0, count: Int(indptr[columns]))
    var data = [Float](repeating: 0, count: Int(indptr[columns]))
    for i in 0..<rows {
      for j in 0..<columns where a[i * columns + j] != 0 {
        let q = Int(next[j])
        indices[q] = Int32(i)
        data[q] = a[i * columns + j]
        next[j] += 1
      }
    }
    self.init(
      uncheckedRows: rows, columns: columns, indptr: indptr, indices: indices, data: data)
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
    var indptr = [Int32](repeating: 0, count: csr.columns + 1)
    for j in csr.indices {
      indptr[Int(j) + 1] += 1
    }
    for j in 0..<csr.columns {
      indptr[j + 1] += indptr[j]
    }
    var next = indptr
    var indices = [Int32](repeating: 0, count: csr.nnz)
    var data = [Float](repeating: 0, count: csr.nnz)
    for i in 0..<csr.rows {
      for p in Int(csr.indptr[i])..<Int(csr.indptr[i + 1]) {
        let j = Int(csr.indices[p])
        let q = Int(next[j])
        indices[q] = Int32(i)
        data[q] = csr.data[p]
        next[j] += 1
      }
    }
    self.init(
      uncheckedRows: csr.rows, columns: csr.columns, indptr: indptr, indices: indices,
      data: data)
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
    var scalars = [Float](repeating: 0, count: rows * columns)
    for j in 0..<columns {
      for p in Int(indptr[j])..<Int(indptr[j + 1]) {
        scalars[Int(indices[p]) * columns + j] += data[p]
      }
    }
    return try Tensor(shape: [rows, columns], scalars: scalars)
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
    CSCMatrix(
      uncheckedRows: columns, columns: rows, indptr: indptr, indices: indices, data: data)
  }
}
