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
    guard vector.count == columns else {
      throw .shapeMismatch(expected: [columns], actual: [vector.count])
    }
    let rowCount = rows
    let keptPerRow = columns / 2
    var result = [Float](repeating: 0, count: rowCount)
    values.withUnsafeBufferPointer { value in
      positions.withUnsafeBufferPointer { position in
        vector.withUnsafeBufferPointer { x in
          result.withUnsafeMutableBufferPointer { y in
            for i in 0..<rowCount {
              // One running sum per kept slot, so the two multiply-adds of a group do not
              // wait on each other.
              var first: Float = 0
              var second: Float = 0
              var k = i * keptPerRow
              for groupStart in stride(from: 0, to: keptPerRow * 2, by: 4) {
                first += value[k] * x[groupStart + Int(position[k])]
                second += value[k + 1] * x[groupStart + Int(position[k + 1])]
                k += 2
              }
              y[i] = first + second
            }
          }
        }
      }
    }
    return result
  }
}
