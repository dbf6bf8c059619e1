import Foundation

extension SquareMatrix {
  /// The lower-triangular Cholesky factor `L` of a symmetric positive definite matrix, `A = LLᵀ`.
  ///
  /// Only the lower triangle of `A` is read. This is `numpy.linalg.cholesky` (and LAPACK's
  /// `potrf` with `uplo = 'L'`): the Cholesky–Crout order, row by row, where every inner sum is
  /// a dot product of two contiguous row prefixes of `L`.
  ///
  /// ```swift
  /// let a = try SquareMatrix(dimension: 2, scalars: [4, 2, 2, 3])
  /// try a.cholesky()   // [[2, 0], [1, 1.414…]]
  /// ```
  ///
  /// - Returns: `L`, with zeros above the diagonal and positive entries on it.
  /// - Throws: `PruningError.matrixNotPositiveDefinite(pivot:)` naming the first column whose
  ///   pivot is not positive and finite (a singular or indefinite matrix, or one holding NaN).
  /// - Complexity: O(*n*³ / 3) floating-point operations.
  public func cholesky() throws(PruningError) -> SquareMatrix {
    let n = dimension
    var factor = [Double](repeating: 0, count: n * n)
    var failedPivot: Int?
    scalars.withUnsafeBufferPointer { a in
      factor.withUnsafeMutableBufferPointer { l in
        for i in 0..<n {
          let rowI = i * n
          for j in 0...i {
            let rowJ = j * n
            var sum = a[rowI + j]
            for k in 0..<j {
              sum -= l[rowI + k] * l[rowJ + k]
            }
            if i == j {
              guard sum > 0, sum.isFinite else {
                failedPivot = i
                return
              }
              l[rowI + i] = sum.squareRoot()
            } else {
              l[rowI + j] = sum / l[rowJ + j]
            }
          }
        }
      }
    }
    if let pivot = failedPivot { throw .matrixNotPositiveDefinite(pivot: pivot) }
    return SquareMatrix(unchecked: n, factor)
  }

  /// The inverse of a symmetric positive definite matrix, through its Cholesky factor.
  ///
  /// With `A = LLᵀ`, `A⁻¹ = L⁻ᵀL⁻¹`: one factorisation, one triangular inverse and one
  /// product, as `torch.cholesky_inverse` does.
  ///
  /// - Returns: `A⁻¹`, symmetric.
  /// - Throws: The errors of ``cholesky()``.
  /// - Complexity: O(*n*³) floating-point operations.
  public func inverse() throws(PruningError) -> SquareMatrix {
    let m = try cholesky().lowerTriangularInverse()
    let n = dimension
    var result = [Double](repeating: 0, count: n * n)
    // (MᵀM)[i][j] = Σ_k M[k][i] M[k][j]: accumulate row k's outer product, upper half only.
    m.scalars.withUnsafeBufferPointer { mb in
      result.withUnsafeMutableBufferPointer { r in
        for k in 0..<n {
          let rowK = k * n
          for i in 0...k {
            let factor = mb[rowK + i]
            if factor == 0 { continue }
            let rowI = i * n
            for j in i...k {
              r[rowI + j] += factor * mb[rowK + j]
            }
          }
        }
        for i in 0..<n {
          for j in 0..<i {
            r[i * n + j] = r[j * n + i]
          }
        }
      }
    }
    return SquareMatrix(unchecked: n, result)
  }

  /// The upper-triangular Cholesky factor `U` of the inverse, `A⁻¹ = UᵀU`, without forming `A⁻¹`.
  ///
  /// SparseGPT's reference computes `cholesky(cholesky_inverse(cholesky(H)), upper=True)`. The
  /// same factor comes from one factorisation and one triangular inverse: with `P` the
  /// reversal permutation and `PAP = L′L′ᵀ`, `A⁻¹ = (PL′⁻¹P)ᵀ(PL′⁻¹P)`, and `PL′⁻¹P` is upper
  /// triangular with a positive diagonal, so it is the unique upper Cholesky factor of `A⁻¹`.
  ///
  /// ```swift
  /// let a = try SquareMatrix(dimension: 2, scalars: [4, 2, 2, 3])
  /// let u = try a.inverseUpperCholesky()   // uᵀu == a⁻¹ = [[0.375, -0.25], [-0.25, 0.5]]
  /// ```
  ///
  /// - Returns: `U`, with zeros below the diagonal and positive entries on it.
  /// - Throws: `PruningError.matrixNotPositiveDefinite(pivot:)` when `A` is not positive
  ///   definite; the pivot is a column of `A` (counted in `A`'s order).
  /// - Complexity: O(2*n*³ / 3) floating-point operations.
  public func inverseUpperCholesky() throws(PruningError) -> SquareMatrix {
    let n = dimension
    var reversed = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
      for j in 0..<n {
        reversed[i * n + j] = scalars[(n - 1 - i) * n + (n - 1 - j)]
      }
    }
    let factor: SquareMatrix
    do {
      factor = try SquareMatrix(unchecked: n, reversed).cholesky()
    } catch {
      if case .matrixNotPositiveDefinite(let pivot) = error {
        throw .matrixNotPositiveDefinite(pivot: n - 1 - pivot)
      }
      throw error
    }
    let m = factor.lowerTriangularInverse()
    var upper = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
      for j in i..<n {
        upper[i * n + j] = m.scalars[(n - 1 - i) * n + (n - 1 - j)]
      }
    }
    return SquareMatrix(unchecked: n, upper)
  }

  /// The inverse of a lower-triangular matrix with a non-zero diagonal (itself lower triangular).
  ///
  /// Row `i` of `M = L⁻¹` is `(eᵢ − Σ_{k<i} L[i][k]·M[k]) / L[i][i]`: contiguous row updates.
  ///
  /// - Returns: `L⁻¹`.
  /// - Complexity: O(*n*³ / 3) floating-point operations.
  func lowerTriangularInverse() -> SquareMatrix {
    let n = dimension
    var inverse = [Double](repeating: 0, count: n * n)
    scalars.withUnsafeBufferPointer { l in
      inverse.withUnsafeMutableBufferPointer { m in
        for i in 0..<n {
          let rowI = i * n
          for k in 0..<i {
            let factor = l[rowI + k]
            if factor == 0 { continue }
            let rowK = k * n
            for j in 0...k {
              m[rowI + j] -= factor * m[rowK + j]
            }
          }
          let pivot = 1 / l[rowI + i]
          for j in 0..<i {
            m[rowI + j] *= pivot
          }
          m[rowI + i] = pivot
        }
      }
    }
    return SquareMatrix(unchecked: n, inverse)
  }

  /// Wraps elements already known to be `dimension²` long.
  init(unchecked dimension: Int, _ scalars: [Double]) {
    self.dimension = dimension
    self.scalars = scalars
  }
}
