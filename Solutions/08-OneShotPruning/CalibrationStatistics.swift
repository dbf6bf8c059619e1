import PruningCore

/// The Euclidean norm of each input feature over the calibration tokens, `‖X_j‖₂`.
///
/// `X` is what reaches a linear layer: one row per input feature `j`, one column per token.
/// Wanda weighs every weight `W_ij` by `‖X_j‖₂`, the size of the input it multiplies. The sums
/// of squares run in `Double`: thousands of tokens of `Float` lose digits otherwise.
///
/// ```swift
/// let x = try Tensor(rows: [[3, 4], [1, 0]])   // 2 features, 2 tokens
/// try inputNorms(x)                              // [5, 1]
/// ```
///
/// - Parameter inputs: `X`, `[in, tokens]`.
/// - Returns: `in` norms, each `sqrt(Σ_t X[j][t]²)` rounded to `Float` (0 for no tokens).
/// - Throws: `PruningError.rankMismatch(expected: 2, actual:)` unless `X` is a matrix;
///   `PruningError.nonFiniteWeight` at the first NaN or infinite input.
/// - Complexity: O(*in* · *tokens*).
public func inputNorms(_ inputs: Tensor) throws(PruningError) -> [Float] {
  try checkInputs(inputs)
  let features = inputs.shape[0]
  let tokens = inputs.shape[1]
  return inputs.scalars.withUnsafeBufferPointer { x in
    (0..<features).map { j in
      var sum: Double = 0
      for t in 0..<tokens {
        let value = Double(x[j * tokens + t])
        sum += value * value
      }
      return Float(sum.squareRoot())
    }
  }
}

/// The Hessian of a linear layer's reconstruction error, `H = 2XXᵀ`, accumulated in `Double`.
///
/// For one output row `w`, the error `‖wX − ŵX‖²` is the quadratic `(w − ŵ) XXᵀ (w − ŵ)ᵀ`, whose
/// Hessian is `2XXᵀ`: the same for every row. SparseGPT and Optimal Brain Surgeon read it.
///
/// ```swift
/// let x = try Tensor(rows: [[1, 2], [0, 1]])
/// try hessian(x)   // [[10, 4], [4, 2]]
/// ```
///
/// - Parameter inputs: `X`, `[in, tokens]`.
/// - Returns: `H`, symmetric, of dimension `in`; `H[i][j] = 2 Σ_t X[i][t]·X[j][t]`.
/// - Throws: `PruningError.rankMismatch(expected: 2, actual:)` unless `X` is a matrix;
///   `PruningError.nonFiniteWeight` at the first NaN or infinite input.
/// - Complexity: O(*in*² · *tokens*).
public func hessian(_ inputs: Tensor) throws(PruningError) -> SquareMatrix {
  try checkInputs(inputs)
  let n = inputs.shape[0]
  let tokens = inputs.shape[1]
  let x = inputs.scalars.map { Double($0) }
  var h = [Double](repeating: 0, count: n * n)
  x.withUnsafeBufferPointer { x in
    h.withUnsafeMutableBufferPointer { h in
      guard let base = x.baseAddress else { return }
      // Tiles of 256 tokens keep the rows being multiplied in cache; four vector
      // accumulators let the compiler run the long sums at full speed.
      for start in stride(from: 0, to: tokens, by: 256) {
        let end = min(start + 256, tokens)
        for i in 0..<n {
          let a = base + i * tokens
          for j in 0...i {
            let b = base + j * tokens
            var s0 = SIMD4<Double>()
            var s1 = SIMD4<Double>()
            var t = start
            while t + 8 <= end {
              s0 +=
                UnsafeRawPointer(a + t).loadUnaligned(as: SIMD4<Double>.self)
                * UnsafeRawPointer(b + t).loadUnaligned(as: SIMD4<Double>.self)
              s1 +=
                UnsafeRawPointer(a + t + 4).loadUnaligned(as: SIMD4<Double>.self)
                * UnsafeRawPointer(b + t + 4).loadUnaligned(as: SIMD4<Double>.self)
              t += 8
            }
            var sum = (s0 + s1).sum()
            while t < end {
              sum += a[t] * b[t]
              t += 1
            }
            h[i * n + j] += 2 * sum
          }
        }
      }
      for i in 0..<n {
        for j in 0..<i { h[j * n + i] = h[i * n + j] }
      }
    }
  }
  return try SquareMatrix(dimension: n, scalars: h)
}

/// Checks that calibration inputs are a finite matrix.
///
/// - Parameter inputs: `X`.
/// - Throws: `PruningError.rankMismatch` or `PruningError.nonFiniteWeight`.
func checkInputs(_ inputs: Tensor) throws(PruningError) {
  guard inputs.rank == 2 else { throw .rankMismatch(expected: 2, actual: inputs.shape) }
  try inputs.validateFinite()
}
