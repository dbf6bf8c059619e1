import PruningCore

/// A 2:4-sparse matrix in the compressed form Sparse Tensor Cores read: the two kept values of
/// every group of four, plus a 2-bit position for each.
///
/// Row by row, group by group (four consecutive weights along the last dimension), `values`
/// holds the group's two kept values and `positions` their places `0...3` within the group, in
/// ascending order. Half the values and 2 bits of metadata per kept value: PyTorch's
/// `to_sparse_semi_structured` layout, a `(rows, columns / 2)` values array plus metadata.
///
/// ```
/// [0, -0.9, 0.5, 0,  0.3, 0.3, 0, 0]  →  values    [-0.9, 0.5, 0.3, 0.3]
///                                        positions [1, 2, 0, 1]
/// ```
public struct SemiStructuredMatrix: Hashable, Sendable {
  /// The dense shape: `[columns]` for a row or `[rows, columns]`; `columns` is a multiple of 4.
  public let shape: [Int]

  /// The kept values, two per group of four, groups in row-major order.
  public let values: [Float]

  /// The position `0...3` of each kept value within its group; only 2 bits of each are used.
  public let positions: [UInt8]

  /// Stores arrays already known to be valid, checking nothing.
  ///
  /// For this module's own functions, which build their arrays by the rules above.
  ///
  /// - Parameters:
  ///   - shape: The dense shape.
  ///   - values: The kept values.
  ///   - positions: The position of each kept value in its group.
  init(uncheckedShape shape: [Int], values: [Float], positions: [UInt8]) {
    self.shape = shape
    self.values = values
    self.positions = positions
  }

  /// The number of rows: 1 for a rank-1 shape.
  public var rows: Int { shape.count == 2 ? shape[0] : 1 }

  /// The number of columns, the length of the last dimension.
  public var columns: Int { shape.last ?? 0 }
}
