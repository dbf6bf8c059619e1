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
    guard dense.rank == 2 else { throw .rankMismatch(expected: 2, actual: dense.shape) }
    try dense.validateFinite()
    let rows = dense.shape[0]
    let columns = dense.shape[1]
    var row: [Int32] = []
    var col: [Int32] = []
    var data: [Float] = []
    for i in 0..<rows {
      for j in 0..<columns {
        let value = dense.scalars[i * columns + j]
        if value != 0 {
          row.append(Int32(i))
          col.append(Int32(j))
          data.append(value)
        }
      }
    }
    self.init(uncheckedRows: rows, columns: columns, row: row, col: col, data: data)
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
    var scalars = [Float](repeating: 0, count: rows * columns)
    for p in 0..<data.count {
      scalars[Int(row[p]) * columns + Int(col[p])] += data[p]
    }
    return try Tensor(shape: [rows, columns], scalars: scalars)
  }
}
