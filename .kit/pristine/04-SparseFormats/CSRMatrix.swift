import PruningCore

/// A sparse matrix in compressed sparse row (CSR) form, with scipy's three arrays.
///
/// Row `i`'s stored entries sit at positions `indptr[i]..<indptr[i + 1]`: their columns in
/// `indices`, their values in `data`. `indptr` has `rows + 1` entries, starts at 0, never
/// decreases and ends at the number of stored entries; an empty row repeats the previous
/// entry. Indices are 32-bit, scipy's default.
///
/// ```
/// [[0, 2, 0, 0],
///  [3, 0, 0, 4],      indptr  [0, 1, 3, 3]
///  [0, 0, 0, 0]]  →   indices [1, 0, 3]
///                     data    [2, 3, 4]
/// ```
///
/// Every `CSRMatrix` is structurally valid: the public initializers check their input. It need
/// not be *canonical*: as in scipy, a hand-built matrix may list a row's columns out of order,
/// hold the same column twice (the values add up) or store explicit zeros. See
/// ``isCanonical()`` and ``canonicalized()``.
public struct CSRMatrix: Hashable, Sendable {
  /// The number of rows.
  public let rows: Int

  /// The number of columns.
  public let columns: Int

  /// Where each row's entries start in `indices` and `data`, plus the end: `rows + 1` entries.
  public let indptr: [Int32]

  /// The column of each stored entry, row after row.
  public let indices: [Int32]

  /// The value of each stored entry, row after row.
  public let data: [Float]

  /// Stores arrays already known to be valid, checking nothing.
  ///
  /// For this module's own functions, which build their arrays by the rules above. Input from
  /// outside goes through ``init(rows:columns:indptr:indices:data:)``, which checks it.
  ///
  /// - Parameters:
  ///   - rows: The number of rows.
  ///   - columns: The number of columns.
  ///   - indptr: The row pointers, `rows + 1` of them.
  ///   - indices: The column of each entry.
  ///   - data: The value of each entry.
  init(uncheckedRows rows: Int, columns: Int, indptr: [Int32], indices: [Int32], data: [Float]) {
    self.rows = rows
    self.columns = columns
    self.indptr = indptr
    self.indices = indices
    self.data = data
  }

  /// The shape `[rows, columns]`.
  public var shape: [Int] { [rows, columns] }

  /// The number of stored entries, explicit zeros and duplicates included (scipy's `nnz`).
  public var nnz: Int { data.count }
}
