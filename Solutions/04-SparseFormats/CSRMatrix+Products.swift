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
    guard vector.count == columns else {
      throw .shapeMismatch(expected: [columns], actual: [vector.count])
    }
    var result = [Float](repeating: 0, count: rows)
    let rowCount = rows
    indptr.withUnsafeBufferPointer { rowStart in
      indices.withUnsafeBufferPointer { column in
        data.withUnsafeBufferPointer { value in
          vector.withUnsafeBufferPointer { x in
            result.withUnsafeMutableBufferPointer { y in
              guard let values = UnsafeRawPointer(value.baseAddress),
                let columns = UnsafeRawPointer(column.baseAddress)
              else { return }
              for i in 0..<rowCount {
                // Eight running sums in two vectors, so consecutive multiply-adds do not wait
                // on each other. Four values and four column indices load as one vector each;
                // only the entries of x are gathered one by one. A row's last few entries
                // (fewer than eight) take the scalar loop.
                var low = SIMD4<Float>()
                var high = SIMD4<Float>()
                var p = Int(rowStart[i])
                let end = Int(rowStart[i + 1])
                while p + 8 <= end {
                  let c0 = columns.loadUnaligned(fromByteOffset: p * 4, as: SIMD4<Int32>.self)
                  let c1 = columns.loadUnaligned(fromByteOffset: p * 4 + 16, as: SIMD4<Int32>.self)
                  let x0 = SIMD4(x[Int(c0[0])], x[Int(c0[1])], x[Int(c0[2])], x[Int(c0[3])])
                  let x1 = SIMD4(x[Int(c1[0])], x[Int(c1[1])], x[Int(c1[2])], x[Int(c1[3])])
                  let v0 = values.loadUnaligned(fromByteOffset: p * 4, as: SIMD4<Float>.self)
                  let v1 = values.loadUnaligned(fromByteOffset: p * 4 + 16, as: SIMD4<Float>.self)
                  low += v0 * x0
                  high += v1 * x1
                  p += 8
                }
                var sum = (low + high).sum()
                while p < end {
                  sum += value[p] * x[Int(column[p])]
                  p += 1
                }
                y[i] = sum
              }
            }
          }
        }
      }
    }
    return result
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
    guard matrix.rank == 2 else { throw .rankMismatch(expected: 2, actual: matrix.shape) }
    let width = matrix.shape[1]
    guard matrix.shape[0] == columns else {
      throw .shapeMismatch(expected: [columns, width], actual: matrix.shape)
    }
    var result = [Float](repeating: 0, count: rows * width)
    let rowCount = rows
    indptr.withUnsafeBufferPointer { rowStart in
      indices.withUnsafeBufferPointer { column in
        data.withUnsafeBufferPointer { value in
          matrix.scalars.withUnsafeBufferPointer { b in
            result.withUnsafeMutableBufferPointer { c in
              for i in 0..<rowCount {
                let outRow = i * width
                for p in Int(rowStart[i])..<Int(rowStart[i + 1]) {
                  let a = value[p]
                  let inRow = Int(column[p]) * width
                  for k in 0..<width {
                    c[outRow + k] += a * b[inRow + k]
                  }
                }
              }
            }
          }
        }
      }
    }
    return try Tensor(shape: [rows, width], scalars: result)
  }
}
