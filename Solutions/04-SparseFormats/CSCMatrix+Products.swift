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
    guard vector.count == columns else {
      throw .shapeMismatch(expected: [columns], actual: [vector.count])
    }
    var result = [Float](repeating: 0, count: rows)
    let columnCount = columns
    indptr.withUnsafeBufferPointer { columnStart in
      indices.withUnsafeBufferPointer { row in
        data.withUnsafeBufferPointer { value in
          vector.withUnsafeBufferPointer { x in
            result.withUnsafeMutableBufferPointer { y in
              for j in 0..<columnCount {
                let xj = x[j]
                for p in Int(columnStart[j])..<Int(columnStart[j + 1]) {
                  y[Int(row[p])] += value[p] * xj
                }
              }
            }
          }
        }
      }
    }
    return result
  }
}
