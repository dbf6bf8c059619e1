import PruningCore

/// Turns a pruning amount into the number of units to prune.
///
/// A count is used as it is. A fraction `a` of `n` units becomes `a · n` rounded half to even,
/// as PyTorch's `round(amount * n)` does (Python's `round` is banker's rounding). Swift's
/// default `rounded()` rounds half away from zero and gives the wrong count at exact halves.
///
/// ```swift
/// try pruneCount(.fraction(0.5), of: 5)    // 2  (2.5 rounds to even)
/// try pruneCount(.fraction(0.5), of: 7)    // 4  (3.5 rounds to even)
/// try pruneCount(.fraction(0.15), of: 10)  // 2
/// try pruneCount(.count(3), of: 10)        // 3
/// ```
///
/// - Parameters:
///   - amount: A fraction in `0...1` or a count in `0...n`.
///   - n: The number of units that could be pruned; not negative.
/// - Returns: The number of units to prune, in `0...n`.
/// - Throws: `PruningError.invalidAmount` for a fraction outside `0...1` (or not finite) or a
///   negative count; `PruningError.amountExceedsCount` for a count above `n`;
///   `PruningError.invalidArgument` when `n` is negative.
/// - Complexity: O(1).
public func pruneCount(_ amount: PruningAmount, of n: Int) throws(PruningError) -> Int {
  // TODO: Validate n and the amount; a fraction becomes a · n rounded half to even, a count is
  // checked against n.
  throw .notImplemented("pruneCount(_:of:)")
}
