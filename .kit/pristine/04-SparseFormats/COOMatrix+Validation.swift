import PruningCore

extension COOMatrix {
  /// Creates a COO matrix from hand-built arrays, checking them first.
  ///
  /// The arrays may list entries in any order and repeat a position (duplicates add up) or
  /// store zeros, as scipy allows. The checks run in this order and the first failure throws:
  ///
  /// 1. `rows` and `columns` are not negative.
  /// 2. `row` and then `col` have as many entries as `data`.
  /// 3. Every index is in range, entry by entry (for each entry, its row before its column).
  /// 4. Every value is finite, entry by entry.
  ///
  /// ```swift
  /// try COOMatrix(rows: 2, columns: 2, row: [1, 0], col: [0, 1], data: [3, 2])  // fine
  /// try COOMatrix(rows: 2, columns: 2, row: [2], col: [0], data: [1])
  /// // throws .invalidSparseStructure(.rowIndexOutOfRange(position: 0, index: 2, bound: 2))
  /// ```
  ///
  /// - Parameters:
  ///   - rows: The number of rows.
  ///   - columns: The number of columns.
  ///   - row: The row of each entry.
  ///   - col: The column of each entry.
  ///   - data: The value of each entry.
  /// - Throws: `PruningError.invalidShape(shape: [rows, columns], scalarCount: data.count)` for
  ///   a negative dimension; `PruningError.invalidSparseStructure` with
  ///   `.lengthMismatch(indices:data:)` (the length of `row`, or of `col`, and of `data`),
  ///   `.rowIndexOutOfRange(position:index:bound:)` or
  ///   `.columnIndexOutOfRange(position:index:bound:)`; `PruningError.nonFiniteWeight` with
  ///   the entry's `[row, column]` for a NaN or infinite value.
  /// - Complexity: O(*nnz*).
  public init(
    rows: Int, columns: Int, row: [Int32], col: [Int32], data: [Float]
  ) throws(PruningError) {
    // TODO: Run the four checks in the documented order, throwing the first failure;
    // then store the arrays with init(uncheckedRows:...).
    throw .notImplemented("COOMatrix.init(rows:columns:row:col:data:)")
  }
}
