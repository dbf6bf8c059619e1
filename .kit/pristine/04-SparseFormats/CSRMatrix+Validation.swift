import PruningCore

extension CSRMatrix {
  /// Creates a CSR matrix from hand-built arrays, checking them first.
  ///
  /// The arrays must describe *a* valid CSR matrix, not necessarily a canonical one: columns
  /// out of order, repeated columns and explicit zeros are accepted, as scipy accepts them.
  /// The checks run in this order (scipy's `check_format` order) and the first failure throws:
  ///
  /// 1. `rows` and `columns` are not negative.
  /// 2. `indptr` has `rows + 1` entries.
  /// 3. `indices` has as many entries as `data`.
  /// 4. `indptr` starts at 0.
  /// 5. `indptr` ends at `indices.count`.
  /// 6. `indptr` never decreases: the first position `i` with `indptr[i] < indptr[i - 1]`.
  /// 7. Every column index is in `0..<columns`: the first position in `indices` that is not.
  /// 8. Every value is finite: the first stored entry, in storage order, that is not.
  ///
  /// ```swift
  /// try CSRMatrix(rows: 3, columns: 4, indptr: [0, 1, 3, 3], indices: [1, 0, 3], data: [2, 3, 4])
  /// try CSRMatrix(rows: 3, columns: 4, indptr: [0, 1, 3, 4], indices: [1, 0, 3], data: [2, 3, 4])
  /// // throws .invalidSparseStructure(.indptrEnd(expected: 3, actual: 4))
  /// ```
  ///
  /// - Parameters:
  ///   - rows: The number of rows.
  ///   - columns: The number of columns.
  ///   - indptr: The row pointers.
  ///   - indices: The column of each stored entry.
  ///   - data: The value of each stored entry.
  /// - Throws: `PruningError.invalidShape(shape: [rows, columns], scalarCount: data.count)` for
  ///   a negative dimension; `PruningError.invalidSparseStructure` with `.indptrCount`,
  ///   `.lengthMismatch`, `.indptrStart`, `.indptrEnd`, `.indptrDecreasing` or
  ///   `.columnIndexOutOfRange` (see ``SparseStructureIssue``); `PruningError.nonFiniteWeight`
  ///   with the entry's `[row, column]` for a NaN or infinite value.
  /// - Complexity: O(*rows* + *nnz*).
  public init(
    rows: Int, columns: Int, indptr: [Int32], indices: [Int32], data: [Float]
  ) throws(PruningError) {
    // TODO: Run the eight checks in the documented order, throwing the first failure;
    // then store the arrays with init(uncheckedRows:...).
    throw .notImplemented("CSRMatrix.init(rows:columns:indptr:indices:data:)")
  }
}
