import PruningCore

/// A stretch of training: from some weights under some masks, over a range of steps.
///
/// Called with the starting weights (one tensor per layer), the masks to keep during the
/// stretch, and the steps it covers (`k..<T` means "from step `k` up to, not including, `T`",
/// so a learning-rate schedule can pick up where it would be). Returns the weights after the
/// last step, one tensor per layer, each of its input's shape.
public typealias TrainingSegment = (
  _ weights: [Tensor], _ masks: [Mask], _ steps: Range<Int>
) throws(PruningError) -> [Tensor]

/// What one round of iterative magnitude pruning trained.
public struct TicketRound: Hashable, Sendable {
  /// The round: 0 is the dense run, 1… the pruned ones.
  public var round: Int

  /// The masks the round trained under, one per layer.
  public var masks: [Mask]

  /// The weights the round's training started from.
  public var startWeights: [Tensor]

  /// The weights after the round's training.
  public var trainedWeights: [Tensor]

  /// Creates a round's record.
  ///
  /// - Parameters:
  ///   - round: The round, from 0.
  ///   - masks: The masks it trained under.
  ///   - startWeights: The weights it started from.
  ///   - trainedWeights: The weights it ended with.
  public init(round: Int, masks: [Mask], startWeights: [Tensor], trainedWeights: [Tensor]) {
    self.round = round
    self.masks = masks
    self.startWeights = startWeights
    self.trainedWeights = trainedWeights
  }
}

/// Iterative magnitude pruning with rewinding: the lottery-ticket procedure.
///
/// With `k = rewindStep` and `T = trainingSteps`:
///
/// - **Round 0 (dense).** Masks keep everything. Train `0..<k` from `initialWeights`; the result
///   is the rewind point `θ_k` (with `k = 0` the segment is empty and `θ_k` is what `train`
///   returns for it, normally `initialWeights`). Then train `k..<T` from `θ_k`. Round 0's
///   `startWeights` are `initialWeights`.
/// - **Round r = 1…rounds.** For each layer, ``pruneRound(_:previous:rate:)`` on the
///   previous round's trained weights and masks (only survivors are ranked, so masks are
///   nested and `(1 − rate)^r` of each layer is left, up to rounding); rewind with
///   ``rewind(_:mask:)`` to `masks ⊙ θ_k`; train `k..<T` from there.
///
/// `train` is called exactly `rounds + 2` times, in the order above.
///
/// ```swift
/// let rounds = try iterativeMagnitudePruning(
///   initialWeights: model.weights, rate: 0.2, rounds: 7, rewindStep: 50, trainingSteps: 500,
///   train: { weights, masks, steps in /* train under the masks, return the weights */ })
/// rounds[7].masks.map(\.density)   // ≈ [0.21, 0.21]
/// ```
///
/// - Parameters:
///   - initialWeights: `θ₀`, one tensor per layer.
///   - rate: The fraction of each layer's survivors pruned per round, in `0...1`.
///   - rounds: The pruning rounds after the dense one, at least 0.
///   - rewindStep: The step `k` to rewind to, in `0...trainingSteps`.
///   - trainingSteps: The steps `T` of one full training run, at least 0.
///   - train: Trains a stretch of steps under masks and returns the weights.
/// - Returns: `rounds + 1` records, round 0 first.
/// - Throws: In this order: `PruningError.invalidAmount(.fraction(rate))` for a rate outside
///   `0...1`; `PruningError.invalidHyperparameter` named `"rounds"` (negative),
///   `"trainingSteps"` (negative) or `"rewindStep"` (outside `0...trainingSteps`);
///   `PruningError.shapeMismatch` when `train` returns a different number of tensors or
///   shapes; whatever `train` and the pruning functions throw.
public func iterativeMagnitudePruning(
  initialWeights: [Tensor],
  rate: Double,
  rounds: Int,
  rewindStep: Int,
  trainingSteps: Int,
  train: TrainingSegment
) throws(PruningError) -> [TicketRound] {
  // TODO: Validate; round 0 trains 0..<rewindStep (keep the result: the rewind point), then
  // rewindStep..<trainingSteps; each later round prunes survivors, rewinds, trains again.
  throw .notImplemented(
    "iterativeMagnitudePruning(initialWeights:rate:rounds:rewindStep:trainingSteps:train:)")
}
