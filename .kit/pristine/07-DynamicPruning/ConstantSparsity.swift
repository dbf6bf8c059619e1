import PruningCore

/// One target sparsity for the whole run, re-applied at every gated step.
///
/// TensorFlow's `ConstantSparsity(target_sparsity, begin_step, end_step=-1, frequency=100)`:
/// the sparsity is the target at every step (before `beginStep` too; the gate decides whether
/// it is applied), and the gate is a ``PruningGate``. With the default `endStep = -1` the
/// masks are recomputed every `frequency` steps until training ends.
///
/// ```swift
/// let schedule = try ConstantSparsity(targetSparsity: 0.5, beginStep: 2000)
/// try schedule.sparsity(atStep: 0)        // 0.5
/// try schedule.shouldPrune(atStep: 0)     // false
/// try schedule.shouldPrune(atStep: 2000)  // true
/// try schedule.shouldPrune(atStep: 2050)  // false: between updates
/// try schedule.shouldPrune(atStep: 9900)  // true: −1 never stops
/// ```
public struct ConstantSparsity: PruningSchedule, Hashable, Sendable {
  /// The sparsity at every step, in `0..<1`.
  public let targetSparsity: Double

  /// The first step that can prune, at least 0.
  public let beginStep: Int

  /// The last step that can prune, at least `beginStep`, or −1 to prune until the end.
  public let endStep: Int

  /// The steps between mask updates, at least 1.
  public let frequency: Int

  /// Creates a schedule, with TensorFlow's validation.
  ///
  /// The checks run in this order: the steps, the frequency, then the sparsity.
  ///
  /// ```swift
  /// try ConstantSparsity(targetSparsity: 1.0)
  /// // throws PruningError.invalidSparsity(1.0): TensorFlow accepts 0 ≤ s < 1 only
  /// ```
  ///
  /// - Parameters:
  ///   - targetSparsity: The sparsity, in `0..<1`.
  ///   - beginStep: The first step that can prune, at least 0.
  ///   - endStep: The last step that can prune: −1 or at least `beginStep`.
  ///   - frequency: The steps between mask updates, at least 1.
  /// - Throws: `PruningError.invalidStepRange` for a negative `beginStep` or an `endStep` that
  ///   is neither −1 nor at least `beginStep`; `PruningError.invalidFrequency` for a frequency
  ///   below 1; `PruningError.invalidSparsity` for a target outside `0..<1`.
  public init(
    targetSparsity: Double,
    beginStep: Int = 0,
    endStep: Int = -1,
    frequency: Int = 100
  ) throws(PruningError) {
    // TODO: Validate the steps and frequency (a PruningGate does), then the sparsity; store.
    throw .notImplemented("ConstantSparsity.init(targetSparsity:beginStep:endStep:frequency:)")
  }

  /// The target sparsity: the same at every step.
  ///
  /// - Parameter step: The training step; any integer.
  /// - Returns: `targetSparsity`.
  /// - Throws: Nothing once written.
  public func sparsity(atStep step: Int) throws(PruningError) -> Double {
    // TODO: The same value at every step.
    throw .notImplemented("ConstantSparsity.sparsity(atStep:)")
  }

  /// Whether the masks are updated at a step: a ``PruningGate`` over the schedule's steps.
  ///
  /// - Parameter step: The training step; any integer.
  /// - Returns: The gate's answer.
  /// - Throws: Nothing once written.
  public func shouldPrune(atStep step: Int) throws(PruningError) -> Bool {
    // TODO: Ask a PruningGate over this schedule's steps.
    throw .notImplemented("ConstantSparsity.shouldPrune(atStep:)")
  }
}
