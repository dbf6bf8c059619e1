import PruningCore

/// Masks a weight matrix to N:M sparsity: in every group of `m` consecutive weights along the
/// input dimension, keep the `n` largest magnitudes.
///
/// The groups run along the **last** dimension: a `Dense` weight is `[out, in]`, so each row
/// is cut into `in / m` groups of `m` consecutive inputs, as NVIDIA's ASP (`m4n2_1d`) and
/// TensorFlow's `sparsity_m_by_n` do after putting the input channels last. Within a group,
/// weights are ranked by `|w|` descending and, among equal magnitudes, by index ascending: ties
/// **keep the lower index** (TensorFlow's `top_k` order). `n = 2, m = 4` is the 2:4 pattern
/// Sparse Tensor Cores accelerate.
///
/// Here `n` counts the weights *kept*, as in NVIDIA's "2:4". (TensorFlow's
/// `sparsity_m_by_n=(2, 4)` also means two of every four are zero.)
///
/// ```swift
/// try nmMask(Tensor([0.1, -0.9, 0.5, 0.2, 0.3, 0.3, 0.3, 0.1]), n: 2, m: 4)
/// // [F, T, T, F, T, T, F, F]: the tie at 0.3 keeps indices 4 and 5
/// ```
///
/// - Parameters:
///   - weights: A row `[in]` or a matrix `[out, in]`; `in` a multiple of `m`.
///   - n: The weights kept per group, in `0...m`.
///   - m: The group size; at least 1.
/// - Returns: A mask of the weights' shape with exactly `n` kept in every group.
/// - Throws: Checked in this order: `PruningError.rankMismatch(expected: 2, actual:)` unless
///   the weights are rank 1 or 2; `PruningError.invalidNMPattern(n:m:)`;
///   `PruningError.indivisibleGroup(length: in, groupSize: m)` when `in % m != 0`;
///   `PruningError.nonFiniteWeight` for a NaN or infinite weight.
/// - Complexity: O(*count* · *m*).
public func nmMask(_ weights: Tensor, n: Int, m: Int) throws(PruningError) -> Mask {
  // TODO: Validate in the documented order; in each group of m along the last dimension,
  // keep the n weights ranked first by (|w| descending, index ascending).
  throw .notImplemented("nmMask(_:n:m:)")
}

/// Whether a weight matrix already has N:M sparsity: at most `n` non-zeros in every group of
/// `m` consecutive weights along the last dimension.
///
/// ```swift
/// try isNM(Tensor([0, -0.9, 0.5, 0, 0.3, 0.3, 0, 0]), n: 2, m: 4)  // true
/// try isNM(Tensor([0, -0.9, 0.5, 0.1, 0, 0, 0, 0]), n: 2, m: 4)    // false
/// ```
///
/// - Parameters:
///   - weights: A row `[in]` or a matrix `[out, in]`; `in` a multiple of `m`.
///   - n: The most non-zeros a group may hold, in `0...m`.
///   - m: The group size; at least 1.
/// - Returns: `true` when every group holds at most `n` non-zeros (`-0.0` is zero).
/// - Throws: The errors of ``nmMask(_:n:m:)``, in the same order.
/// - Complexity: O(*count*).
public func isNM(_ weights: Tensor, n: Int, m: Int) throws(PruningError) -> Bool {
  // TODO: Validate like nmMask, then count the non-zeros of every group of m.
  throw .notImplemented("isNM(_:n:m:)")
}
