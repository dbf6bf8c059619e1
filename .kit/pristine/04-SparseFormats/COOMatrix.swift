import PruningCore

/// A sparse matrix in coordinate (COO) form: one `(row, column, value)` triple per stored entry.
///
/// The three arrays have scipy's names and are parallel: entry `p` is `data[p]` at
/// `(row[p], col[p])`. The order is free and a position may appear more than once: duplicates
/// add up, as in scipy. Indices are 32-bit, scipy's default.
///
/// ```
/// [[0, 2, 0, 0],
///  [3, 0, 0, 4],      row  [0, 1, 1]
///  [0, 0, 0, 0]]  →   col  [1, 0, 3]
///                     data [2, 3, 4]
/// ```
///
/// Every `COOMatrix` holds in-range indices and arrays of one length: the public
/// initializers check their input.
public struct COOMatrix: Hashable, Sendable {
  /// The number of rows.
  public let rows: Int

  /// The number of columns.
  public let columns: Int

  /// The row of each stored entry.
  public let row: [Int32]

  /// The column of each stored entry.
  public let col: [Int32]

  /// The value of each stored entry.
  public let data: [Float]

  /// Stores arrays already known to be valid, checking nothing.
  ///
  /// For this module's own functions, which build their arrays by the rules above. Input from
  /// outside goes through ``init(rows:columns:row:col:data:)``, which checks it.
  ///
  /// - Parameters:
  ///   - rows: The number of rows.
  ///   - columns: The number of columns.
  ///   - row: The row of each entry.
  ///   - col: The column of each entry.
  ///   - data: The value of each entry.
  init(uncheckedRows rows: Int, columns: Int, row: [Int32], col: [Int32], data: [Float]) {
    self.rows = rows
    self.columns = columns
    self.row = row
    self.col = col
    self.data = data
  }

  /// The shape `[rows, columns]`.
  public var shape: [Int] { [rows, columns] }

  /// The number of stored entries, explicit zeros and duplicates included (scipy's `nnz`).
  public var nnz: Int { data.count }
}
