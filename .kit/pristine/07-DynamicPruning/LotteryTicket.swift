import Foundation
import PruningCore

/// The fraction of weights left after `rounds` rounds of iterative pruning at `rate` each.
///
/// Each round of iterative magnitude pruning removes `rate` of the weights that are *still
/// alive*, so after `k` rounds `(1 − rate)^k` remain — not `1 − k · rate`. Frankle & Carbin
/// prune 20 % a round: 7 rounds leave 0.8⁷ ≈ 21 %.
///
/// ```swift
/// try remainingFraction(rate: 0.2, rounds: 7)   // 0.2097152
/// try remainingFraction(rate: 0.2, rounds: 0)   // 1.0
/// ```
///
/// - Parameters:
///   - rate: The fraction of survivors pruned each round, in `0...1`.
///   - rounds: The number of rounds, at least 0.
/// - Returns: `(1 − rate)^rounds`.
/// - Throws: `PruningError.invalidAmount(.fraction(rate))` for a rate outside `0...1` or not
///   finite (checked first); `PruningError.invalidHyperparameter(name: "rounds", value:)` for
///   a negative number of rounds.
public func remainingFraction(rate: Double, rounds: Int) throws(PruningError) -> Double {
  // TODO: Validate, then each round keeps (1 − rate) of what is left.
  throw .notImplemented("remainingFraction(rate:rounds:)")
}

/// One round of iterative magnitude pruning: prune `rate` of the survivors, keep the rest.
///
/// Only the weights `previous` keeps are ranked; `k = round(rate · survivors)` (half to even)
/// of them with the smallest `|w|` are pruned, ranked by `(|w|, flat index)` ascending. Every
/// weight `previous` pruned stays pruned, whatever its value now, so masks are nested across
/// rounds: `result ⊆ previous`.
///
/// ```swift
/// let trained = Tensor([0.1, -0.5, 0.3, -0.05, 0.8, 0.2])
/// let first = try pruneRound(trained, previous: Mask(Array(repeating: true, count: 6)), rate: 0.5)
/// // [F, T, T, F, T, F]
/// try pruneRound(Tensor([9, -0.5, 0.3, 9, 0.8, 9]), previous: first, rate: 0.5)
/// // [F, F, F, F, T, F]: round(1.5) = 2 of the 3 survivors; the 9s were already pruned
/// ```
///
/// - Parameters:
///   - weights: The weights after this round's training; any shape.
///   - previous: The mask the round trained under; the weights' shape.
///   - rate: The fraction of the survivors to prune, in `0...1`.
/// - Returns: The next mask, a subset of `previous`.
/// - Throws: `PruningError.shapeMismatch` (expected the weights' shape) when the mask's shape
///   differs; `PruningError.invalidAmount(.fraction(rate))` for a rate outside `0...1`;
///   `PruningError.nonFiniteWeight` for the first NaN or infinite weight.
/// - Complexity: O(*n* log *n*).
public func pruneRound(_ weights: Tensor, previous: Mask, rate: Double) throws(PruningError)
  -> Mask
{
  // TODO: Validate in the documented order; rank only the survivors of `previous`, prune k of
  // them (k counted against the survivors), and keep everything `previous` pruned pruned.
  throw .notImplemented("pruneRound(_:previous:rate:)")
}

/// Rewinds a tensor: the surviving weights take their values from a snapshot, the rest are 0.
///
/// The lottery-ticket reset `w = m ⊙ θ_rewind`: `θ_rewind` is the initialisation `θ₀`
/// (Frankle & Carbin 2019) or the weights at an early step `k` of the first training run
/// ("late rewinding", Frankle et al. 2019).
///
/// ```swift
/// try rewind(Tensor([0.3, -0.2, 0.7]), mask: Mask([true, false, true]))   // [0.3, 0, 0.7]
/// ```
///
/// - Parameters:
///   - snapshot: The weights to rewind to, `θ_rewind`.
///   - mask: The mask to keep; the snapshot's shape.
/// - Returns: `snapshot` where the mask keeps, exactly `0` elsewhere.
/// - Throws: `PruningError.shapeMismatch` (expected the snapshot's shape) when the mask's
///   shape differs.
public func rewind(_ snapshot: Tensor, mask: Mask) throws(PruningError) -> Tensor {
  // TODO: Check the shapes; keep the snapshot's value where the mask keeps, 0 elsewhere.
  throw .notImplemented("rewind(_:mask:)")
}
