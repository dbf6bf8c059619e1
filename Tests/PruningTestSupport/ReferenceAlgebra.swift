import PruningCore

/// Reference linear algebra and masking, written out element by element in `Double`.
public enum ReferenceAlgebra {
  /// The dense product `A · x`, row by row, accumulated in `Double`.
  ///
  /// - Parameters:
  ///   - a: A matrix `[rows, columns]` (a vector counts as one row).
  ///   - x: A vector of `columns` values.
  /// - Returns: The `rows` values of the product, each rounded once to `Float`.
  public static func matVec(_ a: Tensor, _ x: [Float]) -> [Float] {
    let columns = a.shape.last ?? 0
    let rows = a.rank == 2 ? a.shape[0] : 1
    return (0..<rows).map { i in
      Float((0..<columns).reduce(0.0) { $0 + Double(a.scalars[i * columns + $1]) * Double(x[$1]) })
    }
  }

  /// A matrix as rows of `Double`.
  ///
  /// - Parameter tensor: A matrix `[rows, columns]`.
  /// - Returns: `rows` arrays of `columns` values.
  public static func rows(_ tensor: Tensor) -> [[Double]] {
    let columns = tensor.shape[1]
    return (0..<tensor.shape[0]).map { r in
      (0..<columns).map { Double(tensor.scalars[r * columns + $0]) }
    }
  }

  /// `w ⊙ keep`: the weights with every pruned entry set to an exact zero.
  ///
  /// - Parameters:
  ///   - weights: The weights.
  ///   - keep: One flag per weight, flat, `true` = kept.
  /// - Returns: A tensor of the weights' shape.
  public static func masked(_ weights: Tensor, keeping keep: [Bool]) -> Tensor {
    let scalars = zip(weights.scalars, keep).map { $1 ? $0 : 0 }
    return (try? Tensor(shape: weights.shape, scalars: scalars)) ?? Tensor([])
  }

  /// `w ⊙ m`: the weights with every entry the mask prunes set to an exact zero.
  ///
  /// - Parameters:
  ///   - weights: The weights.
  ///   - mask: The mask, of the weights' shape.
  /// - Returns: A tensor of the weights' shape.
  public static func masked(_ weights: Tensor, _ mask: Mask) -> Tensor {
    masked(weights, keeping: mask.isKept)
  }

  /// The inverse of a matrix by Gauss–Jordan elimination with partial pivoting.
  ///
  /// - Parameter a: An invertible square matrix, as rows.
  /// - Returns: `A⁻¹`, as rows.
  /// - Complexity: O(*n*³).
  public static func inverse(_ a: [[Double]]) -> [[Double]] {
    let n = a.count
    var m = a.enumerated().map { i, row in
      row + (0..<n).map { $0 == i ? 1.0 : 0.0 }
    }
    for column in 0..<n {
      let pivot = (column..<n).max { abs(m[$0][column]) < abs(m[$1][column]) } ?? column
      m.swapAt(column, pivot)
      let p = m[column][column]
      m[column] = m[column].map { $0 / p }
      for r in 0..<n where r != column {
        let f = m[r][column]
        if f != 0 { m[r] = zip(m[r], m[column]).map { $0 - f * $1 } }
      }
    }
    return m.map { Array($0[n...]) }
  }

  /// The upper Cholesky factor `U` of a symmetric positive definite `A`, `A = UᵀU`.
  ///
  /// - Parameter a: A symmetric positive definite matrix, as rows.
  /// - Returns: `U`, upper triangular, as rows.
  /// - Complexity: O(*n*³).
  public static func upperCholesky(_ a: [[Double]]) -> [[Double]] {
    let n = a.count
    var u = Array(repeating: Array(repeating: 0.0, count: n), count: n)
    for i in 0..<n {
      var d = a[i][i]
      for k in 0..<i { d -= u[k][i] * u[k][i] }
      u[i][i] = d.squareRoot()
      for j in i + 1..<max(n, i + 1) {
        var s = a[i][j]
        for k in 0..<i { s -= u[k][i] * u[k][j] }
        u[i][j] = s / u[i][i]
      }
    }
    return u
  }
}
