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
    guard dense.rank == 2 else { throw .rankMismatch(expected: 2, actual: dense.shape) }
    try dense.validateFinite()
    let rows = dense.shape[0]
    let columns = dense.shape[1]
    // First pass: count each row's non-zeros; the running total is indptr.
    var indptr = [Int32](repeating: 0, count: rows + 1)
    dense.scalars.withUnsafeBufferPointer { a in
      for i in 0..<rows {
        var count: Int32 = 0
        for j in 0..<columns where a[i * columns + j] != 0 {
          count += 1
        }
        indptr[i + 1] = indptr[i] + count
      }
    }
    // Second pass: write the columns and values into arrays of the exact size.
    let nnz = Int(indptr[rows])
    var indices = [Int32](repeating: 0, count: nnz)
    var data = [Float](repeating: 0, count: nnz)
    dense.scalars.withUnsafeBufferPointer { a in
      indices.withUnsafeMutableBufferPointer { column in
        data.withUnsafeMutableBufferPointer { value in
          var p = 0
          for i in 0..<rows {
            for j in 0..<columns where a[i * columns + j] != 0 {
              column[p] = Int32(j)
              value[p] = a[i * columns + j]
              p += 1
            }
          }
        }
      }
    }
    self.init(
      uncheckedRows: rows, columns: columns, indptr: indptr, indices: indices, data: data)
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
    var scalars = [Float](repeating: 0, count: rows * columns)
    for i in 0..<rows {
      for p in Int(indptr[i])..<Int(indptr[i + 1]) {
        scalars[i * columns + Int(indices[p])] += data[p]
      }
    }
    return try Tensor(shape: [rows, columns], scalars: scalars)
  }
}
