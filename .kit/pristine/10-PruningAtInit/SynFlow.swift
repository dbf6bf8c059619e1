import Foundation
import PruningCore

/// SynFlow's scores on a masked network: how much of the total synaptic flow runs through each
/// weight.
///
/// Tanaka et al. (2020) score a weight without any data. Replace every parameter by its
/// magnitude (`|W|`, and `|b|`: the reference code takes the absolute value of every
/// parameter, biases included), feed an input of all ones, and sum the outputs:
/// `R = 1ᵀ(|W_L| ⋯ |W_1|)1` plus the flow that starts at the biases. Everything is now
/// non-negative, so every ReLU passes its input through and `R` is a sum over paths. The score
/// of a weight is `|θ ⊙ ∂R/∂θ|`; for a weight `W_l[i, j]` that is
/// `|W_l[i, j]| · a_{l−1}[j] · G_l[i]`, where `a` is the forward flow (`a_0 = 1`,
/// `a_l = |W_l| a_{l−1} + |b_l|`) and `G` the backward flow (`G_L = 1`,
/// `G_{l−1} = |W_l|ᵀ G_l`). Because `R` is linear in each single weight, a score is also
/// exactly how much `R` drops when that one weight is removed.
///
/// Scores are taken on the masked network: a pruned weight counts as 0 (and scores 0), and
/// removing it changes the flow, and so the scores, of the others. Biases are not masked.
/// Sums run in `Double`; the scores are returned as `Float`.
///
/// ```swift
/// // 2 → 2 → 1, no biases: W1 = [[1, −2], [3, 0.5]], W2 = [[−1, 2]].
/// // a1 = |W1|·1 = [3, 3.5], R = |W2|·a1 = 10, G1 = |W2|ᵀ = [1, 2]
/// try synflowScores(model, masks: allKept)
/// // [[1, 2], [6, 1]], [[3, 7]]: each layer's scores sum to R = 10
/// try synflowScores(model, masks: [mask("██/·█"), mask("██")])
/// // [[1, 2], [0, 1]], [[3, 1]]: without W1[1, 0] the flow is R = 4
/// ```
///
/// - Parameters:
///   - model: The network; its weights' signs do not matter.
///   - masks: One mask per layer, each of its weight's shape.
/// - Returns: One score tensor per layer, shaped like its weight, every score `>= 0`.
/// - Throws: `PruningError.shapeMismatch` when the number of masks differs from the layers
///   (expected `[layers]`, actual `[masks]`) or a mask's shape differs from its weight's
///   (expected the weight's shape); then `PruningError.nonFiniteWeight` for the first NaN or
///   infinite weight, then bias, layer by layer.
/// - Complexity: O(*n*) for *n* weights: one forward and one backward mat-vec per layer.
public func synflowScores(_ model: MLP, masks: [Mask]) throws(PruningError) -> [Tensor] {
  // TODO: Check the masks, then the parameters; forward flow a from an all-ones input through
  // |W| ⊙ m and |b|, backward flow G from all-ones outputs; score = |W| · m · a_in · G_out.
  throw .notImplemented("synflowScores(_:masks:)")
}

/// The sparsity SynFlow prunes to after each round: an exponential schedule in the density.
///
/// After round `r` of `rounds` the network keeps the fraction `(1 − sparsity)^(r / rounds)` of
/// its weights (the reference code's `exponential` schedule, `prune.py`), so each round keeps
/// the same fraction of what the previous round kept. The last round returns `sparsity` itself,
/// so the final count is exactly `round(n · sparsity)`.
///
/// ```swift
/// try synflowSparsities(sparsity: 0.99, rounds: 2)     // [0.9, 0.99]: keep 10 %, then 1 %
/// try synflowSparsities(sparsity: 0.9999, rounds: 4)   // [0.9, 0.99, 0.999, 0.9999]
/// // A linear schedule would give [0.495, 0.99]: it prunes half the network in round 1.
/// ```
///
/// - Parameters:
///   - sparsity: The final fraction of weights pruned, in `0...1`.
///   - rounds: The number of pruning rounds, at least 1.
/// - Returns: `rounds` sparsities, non-decreasing, the last equal to `sparsity`.
/// - Throws: `PruningError.invalidAmount(.fraction(sparsity))` for a sparsity outside `0...1`
///   (checked first); `PruningError.invalidHyperparameter(name: "rounds", value:)` for fewer
///   than 1 round.
public func synflowSparsities(sparsity: Double, rounds: Int) throws(PruningError) -> [Double] {
  // TODO: Check the sparsity, then the rounds; keep (1 − sparsity)^(r/rounds) after round r; the
  // last round is exactly `sparsity`.
  throw .notImplemented("synflowSparsities(sparsity:rounds:)")
}

/// Iterative SynFlow: score the masked network, prune a little, score again, `rounds` times.
///
/// Starting from masks that keep everything, each round `r` computes
/// ``synflowScores(_:masks:)`` on the network as masked so far and prunes the lowest-scoring
/// weights globally until `round(n · s_r)` of all *n* weights are pruned, with `s_r` from
/// ``synflowSparsities(sparsity:rounds:)``. Masks only lose entries: every weight pruned in an
/// earlier round stays pruned and counts towards `round(n · s_r)`; among the survivors the
/// lowest `(score, flat index)` go first, the flat index running over the layers in order,
/// each row-major. Scoring again after every small step is what keeps a layer from collapsing:
/// as a layer thins out, the flow through each of its remaining weights grows, and so do their
/// scores.
///
/// - Parameters:
///   - model: The network at initialisation. No data is used.
///   - sparsity: The final fraction of all weights to prune, in `0...1`.
///   - rounds: The number of pruning rounds, at least 1 (the reference experiments use 100).
/// - Returns: One mask per layer pruning exactly `round(n · sparsity)` weights in all.
/// - Throws: The errors of ``synflowSparsities(sparsity:rounds:)`` (sparsity, then rounds),
///   then those of ``synflowScores(_:masks:)`` (`nonFiniteWeight`).
/// - Complexity: O(`rounds` · *n* log *n*) for *n* weights.
public func synflowMasks(
  _ model: MLP, sparsity: Double, rounds: Int = 100
) throws(PruningError) -> [Mask] {
  // TODO: Start from masks that keep everything; each round, score the masked network and prune
  // globally to that round's sparsity, keeping every weight pruned earlier pruned.
  throw .notImplemented("synflowMasks(_:sparsity:rounds:)")
}
