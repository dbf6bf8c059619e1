import PruningCore

/// The gate of every TensorFlow pruning schedule: "prune at this step?"
///
/// The masks are updated at `step` exactly when
/// `step >= beginStep && (step <= endStep || endStep == -1) && (step − beginStep) % frequency == 0`
/// (TensorFlow's `_should_prune_in_step`). Both ends are included, and `endStep = -1` means
/// pruning never stops.
///
/// ```swift
/// let gate = try PruningGate(beginStep: 0, endStep: 1000, frequency: 100)
/// (0...1200).filter { try gate.shouldPrune(atStep: $0) }   // [0, 100, …, 1000]: 11 steps
/// ```
public struct PruningGate: Hashable, Sendable {
  /// The first step at which the gate can open, at least 0.
  public let beginStep: Int

  /// The last step at which it can open, at least `beginStep`; −1 for "never stops".
  public let endStep: Int

  /// The steps between openings, at least 1.
  public let frequency: Int

  /// Creates a gate, with TensorFlow's validation (`_validate_step`).
  ///
  /// ```swift
  /// try PruningGate(beginStep: 100, endStep: 50, frequency: 10)
  /// // throws PruningError.invalidStepRange(begin: 100, end: 50)
  /// ```
  ///
  /// - Parameters:
  ///   - beginStep: The first step that can prune, at least 0.
  ///   - endStep: The last step that can prune: −1 (never stop) or at least `beginStep`.
  ///   - frequency: Prune every `frequency` steps counted from `beginStep`, at least 1.
  /// - Throws: `PruningError.invalidStepRange` when `beginStep` is negative or `endStep` is
  ///   neither −1 nor at least `beginStep`; then `PruningError.invalidFrequency` when
  ///   `frequency` is below 1.
  public init(beginStep: Int, endStep: Int = -1, frequency: Int = 100) throws(PruningError) {
    // TODO: Validate the steps, then the frequency, as documented; then store the three values.
    throw .notImplemented("PruningGate.init(beginStep:endStep:frequency:)")
  }

  /// Whether the masks are updated at a step.
  ///
  /// ```swift
  /// let gate = try PruningGate(beginStep: 50, endStep: -1, frequency: 100)
  /// try gate.shouldPrune(atStep: 150)     // true
  /// try gate.shouldPrune(atStep: 200)     // false: counted from 50, not from 0
  /// try gate.shouldPrune(atStep: 10_050)  // true: −1 never stops
  /// ```
  ///
  /// - Parameter step: The training step; any integer (steps before `beginStep` never prune).
  /// - Returns: `true` when the step is in range and on the frequency grid.
  /// - Throws: Nothing once written (the gate was validated when it was made).
  public func shouldPrune(atStep step: Int) throws(PruningError) -> Bool {
    // TODO: In range (both ends included; -1 never stops) and on the grid counted from
    // beginStep.
    throw .notImplemented("PruningGate.shouldPrune(atStep:)")
  }
}
