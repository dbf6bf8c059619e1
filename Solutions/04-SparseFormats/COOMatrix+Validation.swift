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
    guard rows >= 0, columns >= 0 else {
      throw .invalidShape(shape: [rows, columns], scalarCount: data.count)
    }
    guard row.count == data.count else {
      throw .invalidSparseStructure(.lengthMismatch(indices: row.count, data: data.count))
    }
    guard col.count == data.count else {
      throw .invalidSparseStructure(.lengthMismatch(indices: col.count, data: data.count))
    }
    for p in 0..<data.count {
      guard row[p] >= 0, Int(row[p]) < rows else {
        throw .invalidSparseStructure(
          .rowIndexOutOfRange(position: p, index: Int(row[p]), bound: rows))
      }
      guard col[p] >= 0, Int(col[p]) < columns else {
        throw .invalidSparseStructure(
          .columnIndexOutOfRange(position: p, index: Int(col[p]), bound: columns))
      }
    }
    for p in 0..<data.count {
      if let kind = NonFiniteKind(data[p]) {
        throw .nonFiniteWeight(position: [Int(row[p]), Int(col[p])], kind: kind)
      }
    }
    self.init(uncheckedRows: rows, columns: columns, row: row, col: col, data: data)
  }
}
