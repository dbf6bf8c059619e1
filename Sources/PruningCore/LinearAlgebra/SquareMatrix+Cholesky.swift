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
        guard let base = l.baseAddress else { return }
        for i in 0..<n {
          let rowI = i * n
          for j in 0...i {
            let rowJ = j * n
            let sum =
              a[rowI + j]
              - dotProduct(UnsafePointer(base + rowI), UnsafePointer(base + rowJ), count: j)
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
    let mt = try cholesky().transposedLowerTriangularInverse()
    let n = dimension
    var result = [Double](repeating: 0, count: n * n)
    // (MᵀM)[i][j] = Σ_k M[k][i]·M[k][j]: a dot product of rows i and j of Mᵀ.
    mt.scalars.withUnsafeBufferPointer { m in
      guard let base = m.baseAddress else { return }
      for i in 0..<n {
        for j in 0...i {
          let value = dotProduct(base + i * n, base + j * n, count: n)
          result[i * n + j] = value
          result[j * n + i] = value
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
    // U[i][j] = M[n−1−i][n−1−j] with M = L′⁻¹, read from Mᵀ.
    let mt = factor.transposedLowerTriangularInverse()
    var upper = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
      for j in i..<n {
        upper[i * n + j] = mt.scalars[(n - 1 - j) * n + (n - 1 - i)]
      }
    }
    return SquareMatrix(unchecked: n, upper)
  }

  /// The transpose of the inverse of a lower-triangular matrix with a non-zero diagonal.
  ///
  /// Column `j` of `M = L⁻¹` is found top down, `M[i][j] = −(Σ_{j≤k<i} L[i][k]·M[k][j]) / L[i][i]`;
  /// storing it as row `j` of `Mᵀ` makes every sum a dot product of two contiguous runs.
  ///
  /// - Returns: `(L⁻¹)ᵀ`, upper triangular.
  /// - Complexity: O(*n*³ / 6) multiply-adds.
  func transposedLowerTriangularInverse() -> SquareMatrix {
    let n = dimension
    var transposed = [Double](repeating: 0, count: n * n)
    scalars.withUnsafeBufferPointer { l in
      transposed.withUnsafeMutableBufferPointer { mt in
        guard let lBase = l.baseAddress, let mtBase = mt.baseAddress else { return }
        for j in 0..<n {
          let column = mtBase + j * n
          column[j] = 1 / l[j * n + j]
          for i in j + 1..<max(n, j + 1) {
            let sum = dotProduct(lBase + i * n + j, UnsafePointer(column + j), count: i - j)
            column[i] = -sum / l[i * n + i]
          }
        }
      }
    }
    return SquareMatrix(unchecked: n, transposed)
  }

  /// Wraps elements already known to be `dimension²` long.
  init(unchecked dimension: Int, _ scalars: [Double]) {
    self.dimension = dimension
    self.scalars = scalars
  }
}

/// `Σ a[k]·b[k]` over `count` elements, in four independent SIMD accumulators.
///
/// A single running sum is a chain of dependent additions the compiler may not reorder; four
/// vector accumulators let it issue one fused multiply-add per cycle.
///
/// - Parameters:
///   - a: The first vector.
///   - b: The second vector.
///   - count: The number of elements.
/// - Returns: The dot product.
@inline(__always)
func dotProduct(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int) -> Double {
  var s0 = SIMD4<Double>()
  var s1 = SIMD4<Double>()
  var k = 0
  while k + 8 <= count {
    let a0 = UnsafeRawPointer(a + k).loadUnaligned(as: SIMD4<Double>.self)
    let b0 = UnsafeRawPointer(b + k).loadUnaligned(as: SIMD4<Double>.self)
    let a1 = UnsafeRawPointer(a + k + 4).loadUnaligned(as: SIMD4<Double>.self)
    let b1 = UnsafeRawPointer(b + k + 4).loadUnaligned(as: SIMD4<Double>.self)
    s0 += a0 * b0
    s1 += a1 * b1
    k += 8
  }
  var sum = (s0 + s1).sum()
  while k < count {
    sum += a[k] * b[k]
    k += 1
  }
  return sum
}
