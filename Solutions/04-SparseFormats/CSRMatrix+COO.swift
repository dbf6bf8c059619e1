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
    let order = (0..<coo.nnz).sorted { a, b in
      (coo.row[a], coo.col[a], a) < (coo.row[b], coo.col[b], b)
    }
    var indptr = [Int32](repeating: 0, count: coo.rows + 1)
    var indices: [Int32] = []
    var data: [Float] = []
    var previous: (row: Int32, col: Int32)?
    for p in order {
      let position = (row: coo.row[p], col: coo.col[p])
      if let last = previous, last == position {
        data[data.count - 1] += coo.data[p]
      } else {
        indices.append(position.col)
        data.append(coo.data[p])
        indptr[Int(position.row) + 1] += 1
        previous = position
      }
    }
    for i in 0..<coo.rows {
      indptr[i + 1] += indptr[i]
    }
    self.init(
      uncheckedRows: coo.rows, columns: coo.columns, indptr: indptr, indices: indices, data: data)
  }
}
