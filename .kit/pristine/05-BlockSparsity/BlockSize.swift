import PruningCore

/// The size of the tiles a matrix is cut into for block sparsity: `rows × columns` elements.
///
/// A `BlockSize` is only a pair of numbers; the functions that use one check that both are
/// positive and divide the matrix's shape, and throw `PruningError.invalidBlockSize` otherwise.
///
/// ```swift
/// let block = BlockSize(rows: 2, columns: 2)
/// ```
public struct BlockSize: Hashable, Sendable {
  /// The rows of one block, `R`.
  public let rows: Int

  /// The columns of one block, `C`.
  public let columns: Int

  /// Creates a block size.
  ///
  /// - Parameters:
  ///   - rows: The rows of one block.
  ///   - columns: The columns of one block.
  public init(rows: Int, columns: Int) {
    self.rows = rows
    self.columns = columns
  }
}

/// How the magnitudes of one block's weights become the block's score.
///
/// TensorFlow Model Optimization calls this `block_pooling_type`: `'AVG'` (its default) or
/// `'MAX'`.
public enum BlockPooling: String, CaseIterable, Hashable, Sendable {
  /// The mean of `|w|` over the block.
  case average
  /// The largest `|w|` in the block.
  case maximum
}
