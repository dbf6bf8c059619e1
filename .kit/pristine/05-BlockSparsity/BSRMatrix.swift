import PruningCore

/// A sparse matrix in block sparse row (BSR) form, with scipy's arrays: CSR whose entries are
/// dense `R × C` blocks.
///
/// `indptr` and `indices` address *block* rows and *block* columns: block row `bi`'s stored
/// blocks sit at positions `indptr[bi]..<indptr[bi + 1]`, their block columns in `indices`.
/// Block `p`'s `R · C` values are `data[p·R·C..<(p+1)·R·C]`, row-major within the block
/// (scipy's `data` has shape `(nblocks, R, C)`; here it is flat). Zeros inside a stored block
/// are stored too, so `nnz = blockCount · R · C`.
///
/// ```
/// [[1, 0, 0, 0],
///  [0, 0, 0, 0],     2 × 2 blocks:  indptr  [0, 1, 2]
///  [0, 0, 5, 6],                    indices [0, 1]
///  [0, 0, 7, 0]]  →                 data    [1, 0, 0, 0,  5, 6, 7, 0]   (nnz 8)
/// ```
///
/// One index per block instead of one per element is the point: the index metadata is
/// amortised over `R · C` values, and each block is a small dense product.
public struct BSRMatrix: Hashable, Sendable {
  /// The number of rows `M`.
  public let rows: Int

  /// The number of columns `N`.
  public let columns: Int

  /// The block size `R × C`; `R` divides `M` and `C` divides `N`.
  public let blockSize: BlockSize

  /// Where each block row's blocks start in `indices`, plus the end: `M / R + 1` entries.
  public let indptr: [Int32]

  /// The block column of each stored block, block row after block row.
  public let indices: [Int32]

  /// The values of the stored blocks, `R · C` per block, each block row-major.
  public let data: [Float]

  /// Stores arrays already known to be valid, checking nothing.
  ///
  /// For this module's own functions, which build their arrays by the rules above.
  ///
  /// - Parameters:
  ///   - rows: The number of rows.
  ///   - columns: The number of columns.
  ///   - blockSize: The block size.
  ///   - indptr: The block-row pointers.
  ///   - indices: The block column of each block.
  ///   - data: The blocks' values.
  init(
    uncheckedRows rows: Int, columns: Int, blockSize: BlockSize, indptr: [Int32],
    indices: [Int32], data: [Float]
  ) {
    self.rows = rows
    self.columns = columns
    self.blockSize = blockSize
    self.indptr = indptr
    self.indices = indices
    self.data = data
  }

  /// The shape `[rows, columns]`.
  public var shape: [Int] { [rows, columns] }

  /// The number of stored blocks.
  public var blockCount: Int { indices.count }

  /// The number of stored values, `blockCount · R · C`, zeros inside blocks included
  /// (scipy's `nnz`).
  public var nnz: Int { data.count }
}
