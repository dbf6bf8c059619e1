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
    guard keptPerRow > 0 else { return result }
    values.withUnsafeBufferPointer { value in
      positions.withUnsafeBufferPointer { position in
        vector.withUnsafeBufferPointer { x in
          result.withUnsafeMutableBufferPointer { y in
            guard let allValues = value.baseAddress, let allPositions = position.baseAddress
            else { return }
            let groups = keptPerRow / 2
            let unrolledGroups = groups - groups % 4
            for i in 0..<rowCount {
              // Eight running sums, two per group over four groups at a time, so that no
              // multiply-add waits on the one before it; the groups left over go one by one.
              var s0: Float = 0
              var s1: Float = 0
              var s2: Float = 0
              var s3: Float = 0
              var s4: Float = 0
              var s5: Float = 0
              var s6: Float = 0
              var s7: Float = 0
              let v = allValues + i * keptPerRow
              let p = allPositions + i * keptPerRow
              var g = 0
              while g < unrolledGroups {
                let k = 2 * g
                let c = 4 * g
                s0 += v[k] * x[c + Int(p[k])]
                s1 += v[k + 1] * x[c + Int(p[k + 1])]
                s2 += v[k + 2] * x[c + 4 + Int(p[k + 2])]
                s3 += v[k + 3] * x[c + 4 + Int(p[k + 3])]
                s4 += v[k + 4] * x[c + 8 + Int(p[k + 4])]
                s5 += v[k + 5] * x[c + 8 + Int(p[k + 5])]
                s6 += v[k + 6] * x[c + 12 + Int(p[k + 6])]
                s7 += v[k + 7] * x[c + 12 + Int(p[k + 7])]
                g += 4
              }
              while g < groups {
                s0 += v[2 * g] * x[4 * g + Int(p[2 * g])]
                s1 += v[2 * g + 1] * x[4 * g + Int(p[2 * g + 1])]
                g += 1
              }
              y[i] = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))
            }
          }
        }
      }
    }
    return result
  }
}
