import Foundation
import PruningCore

/// Zhu & Gupta's gradual schedule: sparsity rises fast at first, then levels off at the target.
///
/// TensorFlow's `PolynomialDecay`, which cites Zhu & Gupta (2017, "To prune, or not to
/// prune"): with `p = clamp((step − beginStep) / (endStep − beginStep), 0, 1)`,
///
/// `s(step) = finalSparsity + (initialSparsity − finalSparsity) · (1 − p)^power`
///
/// and `power = 3` is the paper's cubic. Before `beginStep` the value is `initialSparsity`
/// (but the gate is closed); from `endStep` on it is `finalSparsity`. The gate
/// (``shouldPrune(atStep:)``) is a ``PruningGate`` over `beginStep...endStep` every `frequency`.
///
/// ```swift
/// let schedule = try PolynomialDecay(
///   initialSparsity: 0, finalSparsity: 0.8, beginStep: 0, endStep: 1000)
/// try schedule.sparsity(atStep: 250)    // 0.4625
/// try schedule.sparsity(atStep: 500)    // 0.7
/// try schedule.sparsity(atStep: 1200)   // 0.8
/// ```
public struct PolynomialDecay: PruningSchedule, Hashable, Sendable {
  /// The sparsity at `beginStep`, in `0..<1`.
  public let initialSparsity: Double

  /// The sparsity from `endStep` on, in `0..<1`.
  public let finalSparsity: Double

  /// The first step of the ramp and of the gate, at least 0.
  public let beginStep: Int

  /// The last step of the ramp and of the gate, greater than `beginStep` (never −1).
  public let endStep: Int

  /// The exponent of `(1 − p)`, finite and positive; 3 is Zhu & Gupta's cubic.
  public let power: Double

  /// The steps between mask updates, at least 1.
  public let frequency: Int

  /// Creates a schedule, with TensorFlow's validation plus a check TensorFlow leaves out.
  ///
  /// The checks run in this order: the steps (`beginStep >= 0`; `endStep` not −1, since a
  /// decay must end; `endStep > beginStep`, since TensorFlow would divide by zero when they are
  /// equal), the frequency, `initialSparsity`, `finalSparsity`, and `power`.
  ///
  /// ```swift
  /// try PolynomialDecay(initialSparsity: 0, finalSparsity: 0.8, beginStep: 0, endStep: -1)
  /// // throws PruningError.invalidStepRange(begin: 0, end: -1)
  /// ```
  ///
  /// - Parameters:
  ///   - initialSparsity: The sparsity at `beginStep`, in `0..<1`.
  ///   - finalSparsity: The sparsity from `endStep` on, in `0..<1`.
  ///   - beginStep: The first step, at least 0.
  ///   - endStep: The last step, greater than `beginStep`.
  ///   - power: The exponent, finite and positive.
  ///   - frequency: The steps between mask updates, at least 1.
  /// - Throws: `PruningError.invalidStepRange` for a negative `beginStep` or an `endStep` that
  ///   is −1 or not greater than `beginStep`; `PruningError.invalidFrequency` for a frequency
  ///   below 1; `PruningError.invalidSparsity` for a sparsity outside `0..<1` (initial first);
  ///   `PruningError.invalidHyperparameter(name: "power", value:)` for a power that is not
  ///   finite and positive.
  public init(
    initialSparsity: Double,
    finalSparsity: Double,
    beginStep: Int,
    endStep: Int,
    power: Double = 3,
    frequency: Int = 100
  ) throws(PruningError) {
    guard beginStep >= 0, endStep > beginStep else {  // so −1 (never stop) is refused too
      throw .invalidStepRange(begin: beginStep, end: endStep)
    }
    guard frequency >= 1 else { throw .invalidFrequency(frequency) }
    for sparsity in [initialSparsity, finalSparsity] where !(sparsity >= 0 && sparsity < 1) {
      throw .invalidSparsity(sparsity)
    }
    guard power.isFinite, power > 0 else {
      throw .invalidHyperparameter(name: "power", value: power)
    }
    self.initialSparsity = initialSparsity
    self.finalSparsity = finalSparsity
    self.beginStep = beginStep
    self.endStep = endStep
    self.power = power
    self.frequency = frequency
  }

  /// The target sparsity at a step: the polynomial ramp, clamped at both ends.
  ///
  /// ```swift
  /// // 0 → 0.8 over 0…1000, cubic:
  /// // step   −5    0    250     500   750     1000  5000
  /// // s       0    0    0.4625  0.7   0.7875  0.8   0.8
  /// ```
  ///
  /// - Parameter step: The training step; any integer.
  /// - Returns: `finalSparsity + (initialSparsity − finalSparsity) · (1 − p)^power`, computed in
  ///   `Double`.
  /// - Throws: Nothing once written.
  public func sparsity(atStep step: Int) throws(PruningError) -> Double {
    let progress = Double(step - beginStep) / Double(endStep - beginStep)
    let p = min(1, max(0, progress))
    return finalSparsity + (initialSparsity - finalSparsity) * pow(1 - p, power)
  }

  /// Whether the masks are updated at a step: a ``PruningGate`` over `beginStep...endStep`.
  ///
  /// ```swift
  /// // 0 → 0.8 over 0…1000, frequency 100: true at 0, 100, …, 1000 (11 steps), never after.
  /// ```
  ///
  /// - Parameter step: The training step; any integer.
  /// - Returns: The gate's answer.
  /// - Throws: Nothing once written.
  public func shouldPrune(atStep step: Int) throws(PruningError) -> Bool {
    try PruningGate(beginStep: beginStep, endStep: endStep, frequency: frequency)
      .shouldPrune(atStep: step)
  }
}
