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
  // TODO: Check X is a finite matrix; for each row j sum X[j][t]² over the tokens in Double, then
  // take the square root.
  throw .notImplemented("inputNorms(_:)")
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
  // TODO: Check X is a finite matrix; H[i][j] = 2 Σ_t X[i][t]·X[j][t], summed in Double (H is
  // symmetric: compute half).
  throw .notImplemented("hessian(_:)")
}
