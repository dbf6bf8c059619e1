import PruningCore

/// When to prune and how much: TensorFlow's `PruningSchedule`, asked once per training step.
///
/// TensorFlow calls a schedule with the step and gets back the pair
/// `(should_prune, sparsity)`; here they are two functions. A gradual pruner asks
/// ``shouldPrune(atStep:)`` after every optimiser step and, when it says yes, recomputes its
/// masks at ``sparsity(atStep:)``.
///
/// ```swift
/// let schedule: any PruningSchedule = try PolynomialDecay(
///   initialSparsity: 0, finalSparsity: 0.8, beginStep: 0, endStep: 1000)
/// try schedule.shouldPrune(atStep: 300)   // true (every 100 steps)
/// try schedule.sparsity(atStep: 250)      // 0.4625
/// ```
public protocol PruningSchedule: Sendable {
  /// The target sparsity at a training step, in `0..<1`.
  ///
  /// - Parameter step: The training step (optimiser steps taken before it, from 0).
  /// - Returns: The fraction of each weight tensor to prune if the masks are updated now.
  /// - Throws: `PruningError.notImplemented` until written.
  func sparsity(atStep step: Int) throws(PruningError) -> Double

  /// Whether the masks are updated at a training step.
  ///
  /// - Parameter step: The training step.
  /// - Returns: `true` at the steps the schedule's gate opens.
  /// - Throws: `PruningError.notImplemented` until written.
  func shouldPrune(atStep step: Int) throws(PruningError) -> Bool
}
