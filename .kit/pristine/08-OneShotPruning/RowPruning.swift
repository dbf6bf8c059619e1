import PruningCore

/// Masks a matrix of scores row by row: the lowest scores of each output row are pruned.
///
/// Both Wanda and the magnitude baseline compare weights only **within an output row**: every
/// output neuron keeps the same share of its inputs. For `.unstructured(f)` each row of `in`
/// scores prunes `k = round(in · f)` (half to even), ranked by `(score, column)` ascending, so
/// among equal scores the lower column is pruned first (the convention of exercise 01). For
/// `.nm(n, m)` each row is cut into groups of `m` consecutive columns and the `m − n` lowest
/// scores of each group are pruned, with the same tie rule.
///
/// ```swift
/// let s = try Tensor(rows: [[4, 2], [12, 0.5]])
/// try rowPruningMask(scores: s, pattern: .unstructured(0.5))   // [[T, F], [T, F]]
/// try rowPruningMask(scores: Tensor(rows: [[0.1, 0.9, 0.5, 0.2]]),
///                    pattern: .nm(n: 2, m: 4))         // [[F, T, T, F]]
/// ```
///
/// - Parameters:
///   - scores: The importance of each weight, `[out, in]`; higher is more important.
///   - pattern: The fraction of each row, or the N:M groups, to prune.
/// - Returns: A mask of the scores' shape.
/// - Throws: Checked in this order: `PruningError.rankMismatch(expected: 2, actual:)` unless the
///   scores are a matrix; the errors of ``SparsityPattern/validate(inputCount:)``;
///   `PruningError.nonFiniteWeight` at the first NaN or infinite score.
/// - Complexity: O(*out* · *in*) on average.
public func rowPruningMask(scores: Tensor, pattern: SparsityPattern) throws(PruningError) -> Mask {
  // TODO: Check the rank, the pattern (pattern.validate) and finiteness; per row prune round(in ·
  // f) lowest by (score, column), or per group of m the m − n lowest.
  throw .notImplemented("rowPruningMask(scores:pattern:)")
}

/// The magnitude baseline, per output row: prune the smallest `|W_ij|` of each row.
///
/// It is ``rowPruningMask(scores:pattern:)`` on `|W|`. Unlike exercise 01's layer-wide
/// `magnitudeMask`, every row loses the same share, as Wanda's comparison group does.
///
/// ```swift
/// let w = try Tensor(rows: [[1, -2], [3, 0.5]])
/// try rowMagnitudeMask(w, pattern: .unstructured(0.5))   // [[F, T], [T, F]]
/// ```
///
/// - Parameters:
///   - weights: The layer's weight, `[out, in]`.
///   - pattern: The fraction of each row, or the N:M groups, to prune.
/// - Returns: A mask of the weights' shape.
/// - Throws: The errors of ``rowPruningMask(scores:pattern:)``, in the same order.
/// - Complexity: O(*out* · *in*) on average.
public func rowMagnitudeMask(
  _ weights: Tensor, pattern: SparsityPattern
) throws(PruningError) -> Mask {
  // TODO: Rank |W| with rowPruningMask(scores:pattern:).
  throw .notImplemented("rowMagnitudeMask(_:pattern:)")
}
