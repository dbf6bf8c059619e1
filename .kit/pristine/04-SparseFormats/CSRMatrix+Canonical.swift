import PruningCore

extension CSRMatrix {
  /// Whether the matrix is in this kit's canonical form: within each row the columns strictly
  /// increase (sorted, no duplicates), and no stored value is zero.
  ///
  /// scipy's `has_canonical_format` asks only for sorted, duplicate-free rows; the kit also
  /// asks for no explicit zeros, so that a canonical matrix has exactly one representation
  /// (what `sum_duplicates()` then `eliminate_zeros()` give in scipy). Every matrix compressed
  /// from a dense one is canonical. An empty matrix is canonical.
  ///
  /// ```swift
  /// try CSRMatrix(Tensor(rows: [[0, 2], [3, 0]])).isCanonical()                // true
  /// try CSRMatrix(
  ///   rows: 1, columns: 3, indptr: [0, 2], indices: [2, 0], data: [1, 1]).isCanonical()
  /// // false: columns out of order
  /// ```
  ///
  /// - Returns: `true` when every row's columns strictly increase and every value is non-zero.
  /// - Throws: Never for a valid matrix; the signature throws so that an unwritten body can say
  ///   so.
  /// - Complexity: O(*rows* + *nnz*).
  public func isCanonical() throws(PruningError) -> Bool {
    // TODO: Within each row, compare every column with the one before it; look for zeros in data.
    throw .notImplemented("CSRMatrix.isCanonical()")
  }

  /// Returns the same matrix with every explicitly stored zero removed.
  ///
  /// scipy's `eliminate_zeros()`, without changing anything in place: the other entries keep
  /// their order (out-of-order columns and duplicates stay) and `indptr` shrinks to match.
  ///
  /// ```swift
  /// let a = try CSRMatrix(
  ///   rows: 3, columns: 3, indptr: [0, 2, 3, 3], indices: [2, 0, 1], data: [1, 0, 2])
  /// let b = try a.eliminatingZeros()
  /// b.indptr   // [0, 1, 2, 2]
  /// b.indices  // [2, 1]
  /// b.data     // [1, 2]
  /// ```
  ///
  /// - Returns: A matrix with the same dense value and no stored zeros.
  /// - Throws: Never for a valid matrix; the signature throws so that an unwritten body can say
  ///   so.
  /// - Complexity: O(*rows* + *nnz*).
  public func eliminatingZeros() throws(PruningError) -> CSRMatrix {
    // TODO: Copy the entries whose value is not zero, row by row, rebuilding indptr as you go.
    throw .notImplemented("CSRMatrix.eliminatingZeros()")
  }

  /// Returns the canonical form of the matrix: columns sorted within each row, duplicates
  /// added into one entry, and zeros eliminated.
  ///
  /// The dense value does not change. Duplicates are added in storage order; an entry whose
  /// sum is zero (`1 + (-1)`) is eliminated like a stored zero. Canonicalising a canonical
  /// matrix returns it unchanged, so the operation is idempotent.
  ///
  /// ```swift
  /// let a = try CSRMatrix(
  ///   rows: 2, columns: 3, indptr: [0, 4, 5], indices: [2, 0, 2, 1, 1], data: [1, 5, 2, 0, 7])
  /// let c = try a.canonicalized()
  /// c.indptr   // [0, 2, 3]
  /// c.indices  // [0, 2, 1]: row 0's column 1 held a zero, its column 2 held 1 + 2
  /// c.data     // [5, 3, 7]
  /// ```
  ///
  /// - Returns: The canonical matrix (``isCanonical()`` is `true`).
  /// - Throws: Never for a valid matrix; the signature throws so that an unwritten body can say
  ///   so.
  /// - Complexity: O(*nnz* log *nnz* + *rows*) with a sort per row.
  public func canonicalized() throws(PruningError) -> CSRMatrix {
    // TODO: Per row: order the positions by column, add up runs of equal columns, keep the
    // non-zero sums, and rebuild indptr.
    throw .notImplemented("CSRMatrix.canonicalized()")
  }
}
