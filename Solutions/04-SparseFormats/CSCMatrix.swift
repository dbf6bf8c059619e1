import PruningCore

/// A sparse matrix in compressed sparse column (CSC) form: CSR with the roles of rows and
/// columns swapped.
///
/// Column `j`'s stored entries sit at positions `indptr[j]..<indptr[j + 1]`: their rows in
/// `indices`, their values in `data`. `indptr` has `columns + 1` entries.
///
/// ```
/// [[0, 2, 0, 0],
///  [3, 0, 0, 4],      indptr  [0, 1, 2, 2, 3]
///  [0, 0, 0, 0]]  →   indices [1, 0, 1]
///                     data    [3, 2, 4]
/// ```
///
/// The arrays of a CSR matrix, read as CSC, describe its transpose: that is why transposing
/// CSR costs nothing (``CSRMatrix/transposed()``), while converting CSR to CSC of the *same*
/// matrix (`CSCMatrix(csr)`) moves every entry.
public struct CSCMatrix: Hashable, Sendable {
  /// The same three arrays read as CSR, which describe this matrix's transpose: column `j` of
  /// this matrix is row `j` of `transpose`.
  let transpose: CSRMatrix

  /// The number of rows.
  public var rows: Int { transpose.columns }

  /// The number of columns.
  public var columns: Int { transpose.rows }

  /// Where each column's entries start in `indices` and `data`, plus the end:
  /// `columns + 1` entries.
  public var indptr: [Int32] { transpose.indptr }

  /// The row of each stored entry, column after column.
  public var indices: [Int32] { transpose.indices }

  /// The value of each stored entry, column after column.
  public var data: [Float] { transpose.data }

  /// Stores arrays already known to be valid, checking nothing.
  ///
  /// For this module's own functions, which build their arrays by the rules above.
  ///
  /// - Parameters:
  ///   - rows: The number of rows.
  ///   - columns: The number of columns.
  ///   - indptr: The column pointers, `columns + 1` of them.
  ///   - indices: The row of each entry.
  ///   - data: The value of each entry.
  init(uncheckedRows rows: Int, columns: Int, indptr: [Int32], indices: [Int32], data: [Float]) {
    transpose = CSRMatrix(
      uncheckedRows: columns, columns: rows, indptr: indptr, indices: indices, data: data)
  }

  /// The shape `[rows, columns]`.
  public var shape: [Int] { [rows, columns] }

  /// The number of stored entries, explicit zeros and duplicates included (scipy's `nnz`).
  public var nnz: Int { data.count }
}

extension CSCMatrix: CustomReflectable {
  /// Shows the matrix by its CSC arrays, as `print`, `dump` and a failing test show a struct,
  /// rather than by the transposed CSR matrix it keeps them in.
  public var customMirror: Mirror {
    Mirror(
      self,
      children: [
        "rows": rows, "columns": columns, "indptr": indptr, "indices": indices, "data": data,
      ],
      displayStyle: .struct)
  }
}
