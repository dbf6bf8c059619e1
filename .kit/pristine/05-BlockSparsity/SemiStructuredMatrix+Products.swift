import PruningCore

extension SemiStructuredMatrix {
  /// Multiplies the compressed 2:4 matrix by a vector: two multiply-adds per group of four.
  ///
  /// For group `g` of a row, its two values meet `x[4g + position]`. Half the multiplies of a
  /// dense mat-vec, with the positions telling which entries of `x` to pick: what a Sparse
  /// Tensor Core does in hardware.
  ///
  /// ```swift
  /// let c = try SemiStructuredMatrix(Tensor(rows: [[0, -0.9, 0.5, 0], [1, 0, 0, 2]]))
  /// try c.multiplied(by: [1, 2, 3, 4])  // [-0.3, 9]
  /// ```
  ///
  /// - Parameter vector: The vector `x`, with ``columns`` entries.
  /// - Returns: The product `y`, with ``rows`` entries.
  /// - Throws: `PruningError.shapeMismatch(expected: [columns], actual: [vector.count])` when
  ///   the lengths disagree.
  /// - Complexity: O(*count* / 2).
  public func multiplied(by vector: [Float]) throws(PruningError) -> [Float] {
    // TODO: Check the length; for each row and each group, add its two values times the entries
    // of x their positions point at.
    throw .notImplemented("SemiStructuredMatrix.multiplied(by:)")
  }
}
