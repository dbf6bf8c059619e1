import PruningCore

extension SemiStructuredMatrix {
  /// Compresses a 2:4-sparse matrix to its kept values and 2-bit positions, losing nothing.
  ///
  /// The weights must already be 2:4 (at most two non-zeros in every group of four along the
  /// last dimension; prune them with ``nmMask(_:n:m:)`` first). Each group stores exactly two
  /// entries, in ascending position order: its non-zeros, topped up with its lowest-index
  /// zeros when it has fewer than two. These are the two entries ``nmMask(_:n:m:)`` with
  /// `n: 2, m: 4` keeps, so `[0, 0, 0, 5]` stores positions `[0, 3]` and values `[0, 5]`.
  ///
  /// ```swift
  /// let c = try SemiStructuredMatrix(Tensor([0, -0.9, 0.5, 0, 0.3, 0.3, 0, 0]))
  /// c.values     // [-0.9, 0.5, 0.3, 0.3]
  /// c.positions  // [1, 2, 0, 1]
  /// ```
  ///
  /// - Parameter weights: A row `[in]` or a matrix `[out, in]`, `in` a multiple of 4.
  /// - Throws: Checked in this order: `PruningError.rankMismatch(expected: 2, actual:)` unless
  ///   rank 1 or 2; `PruningError.indivisibleGroup(length: in, groupSize: 4)`;
  ///   `PruningError.nonFiniteWeight` for a NaN or infinite weight;
  ///   `PruningError.nmPatternViolated(n: 2, m: 4, position:)` with the first element of the
  ///   first group (row-major) holding more than two non-zeros.
  /// - Complexity: O(*count*).
  public init(_ weights: Tensor) throws(PruningError) {
    // TODO: Validate in the documented order; for each group of four, pick the two entries to
    // store (its non-zeros, topped up with its lowest-index zeros) and append their values
    // and positions in ascending position order.
    throw .notImplemented("SemiStructuredMatrix.init(_:)")
  }

  /// Rebuilds the dense matrix: each value goes back to its group at its position; every other
  /// element is 0.
  ///
  /// `toDense()` after `init(_:)` returns the original weights exactly.
  ///
  /// ```swift
  /// let w = Tensor([0, -0.9, 0.5, 0, 0.3, 0.3, 0, 0])
  /// try SemiStructuredMatrix(w).toDense() == w  // true
  /// ```
  ///
  /// - Returns: A tensor of ``shape``.
  /// - Throws: Never for a valid matrix; the signature throws so that an unwritten body can say
  ///   so.
  /// - Complexity: O(*count*).
  public func toDense() throws(PruningError) -> Tensor {
    // TODO: Put each value back at (its group's start + its position) in a zero tensor.
    throw .notImplemented("SemiStructuredMatrix.toDense()")
  }
}
