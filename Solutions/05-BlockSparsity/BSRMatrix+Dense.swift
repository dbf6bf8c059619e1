import PruningCore

extension BSRMatrix {
  /// Compresses a dense matrix into BSR, storing every block that holds a non-zero.
  ///
  /// This is scipy's `bsr_array(dense, blocksize=(R, C))`: block row by block row, the
  /// blocks with at least one non-zero element (a `-0.0` is zero) in block-column order, each
  /// stored whole, zeros included. An all-zero block is not stored.
  ///
  /// ```swift
  /// let a = try BSRMatrix(
  ///   Tensor(rows: [[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 5, 6], [0, 0, 7, 0]]),
  ///   blockSize: BlockSize(rows: 2, columns: 2))
  /// a.indptr   // [0, 1, 2]
  /// a.indices  // [0, 1]
  /// a.data     // [1, 0, 0, 0, 5, 6, 7, 0]
  /// a.nnz      // 8
  /// ```
  ///
  /// - Parameters:
  ///   - dense: A rank-2 matrix `[M, N]`; either dimension may be 0.
  ///   - blockSize: The block `R × C`; both positive, `R` dividing `M` and `C` dividing `N`
  ///     (scipy: `ValueError: invalid blocksize`).
  /// - Throws: Checked in this order: `PruningError.rankMismatch(expected: 2, actual:)`;
  ///   `PruningError.invalidBlockSize(block: [R, C], shape: [M, N])`;
  ///   `PruningError.nonFiniteWeight` for a NaN or infinite element.
  /// - Complexity: O(*M* · *N*).
  public init(_ dense: Tensor, blockSize: BlockSize) throws(PruningError) {
    let (blockRows, blockColumns) = try blockGrid(of: dense, blockSize: blockSize)
    try dense.validateFinite()
    let columns = dense.shape[1]
    let r = blockSize.rows
    let c = blockSize.columns
    var indptr: [Int32] = [0]
    var indices: [Int32] = []
    var data: [Float] = []
    let a = dense.scalars
    indptr.reserveCapacity(blockRows + 1)
    for bi in 0..<blockRows {
      let top = bi * r * columns
      for bj in 0..<blockColumns {
        // The block's row ri is a[top + ri * columns + bj * c ..< … + c].
        var hasNonZero = false
        for ri in 0..<r where !hasNonZero {
          let start = top + ri * columns + bj * c
          hasNonZero = a[start..<start + c].contains { $0 != 0 }
        }
        guard hasNonZero else { continue }
        indices.append(Int32(bj))
        for ri in 0..<r {
          let start = top + ri * columns + bj * c
          data.append(contentsOf: a[start..<start + c])
        }
      }
      indptr.append(Int32(indices.count))
    }
    self.init(
      uncheckedRows: dense.shape[0], columns: columns, blockSize: blockSize, indptr: indptr,
      indices: indices, data: data)
  }

  /// Writes the stored blocks into a dense matrix; everything else is 0.
  ///
  /// ```swift
  /// let w = try Tensor(rows: [[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 5, 6], [0, 0, 7, 0]])
  /// try BSRMatrix(w, blockSize: BlockSize(rows: 2, columns: 2)).toDense() == w  // true
  /// ```
  ///
  /// - Returns: A `[rows, columns]` tensor.
  /// - Throws: Never for a valid matrix; the signature throws so that an unwritten body can say
  ///   so.
  /// - Complexity: O(*M* · *N*).
  public func toDense() throws(PruningError) -> Tensor {
    let r = blockSize.rows
    let c = blockSize.columns
    var scalars = [Float](repeating: 0, count: rows * columns)
    for bi in 0..<indptr.count - 1 {
      for p in Int(indptr[bi])..<Int(indptr[bi + 1]) {
        let bj = Int(indices[p])
        for ri in 0..<r {
          for ci in 0..<c {
            scalars[(bi * r + ri) * columns + bj * c + ci] = data[p * r * c + ri * c + ci]
          }
        }
      }
    }
    return try Tensor(shape: [rows, columns], scalars: scalars)
  }
}
