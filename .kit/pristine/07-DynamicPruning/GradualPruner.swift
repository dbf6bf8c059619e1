import PruningCore

/// Prunes while training: recomputes magnitude masks at the schedule's steps and keeps pruned
/// weights at exactly zero after every optimiser step.
///
/// This is Zhu & Gupta's gradual pruning as TensorFlow's `prune_low_magnitude` runs it, layer
/// by layer (every weight tensor gets the same target sparsity, and each is ranked on its
/// own). Call ``update(_:atStep:)`` after **every** optimiser step, with the step's index:
///
/// 1. Re-apply the current masks: the step's gradient moved pruned weights away from zero,
///    and they must not come back.
/// 2. If the schedule's gate is open at `step`, recompute each tensor's mask with
///    ``magnitudeMask(_:sparsity:)`` at `schedule.sparsity(atStep: step)`, ranking the
///    weights *as masked in 1* (pruned weights are zero, so they are pruned again first), and
///    apply the new masks.
///
/// ```swift
/// let schedule = try PolynomialDecay(
///   initialSparsity: 0, finalSparsity: 0.9, beginStep: 0, endStep: 180, frequency: 10)
/// var pruner = try GradualPruner(schedule: schedule, shapes: model.weights.map(\.shape))
/// try model.train(on: train, configuration: config) { model, step in
///   try pruner.update(&model, atStep: step)
/// }
/// pruner.masks.map(\.sparsity)   // [0.9, 0.9]
/// ```
public struct GradualPruner: Sendable {
  /// When to prune and how much.
  public let schedule: any PruningSchedule

  /// One mask per weight tensor, `true` = kept; all kept until the first gated step.
  public private(set) var masks: [Mask]

  /// Creates a pruner that keeps everything until its schedule says otherwise.
  ///
  /// - Parameters:
  ///   - schedule: The schedule to follow.
  ///   - shapes: The shape of each weight tensor the pruner will see, in order.
  /// - Throws: `PruningError.invalidShape` for a shape with a negative dimension.
  public init(schedule: any PruningSchedule, shapes: [[Int]]) throws(PruningError) {
    self.schedule = schedule
    var masks: [Mask] = []
    for shape in shapes {
      masks.append(try Mask(keeping: true, shape: shape))
    }
    self.masks = masks
  }

  /// Runs the pruner after one optimiser step: re-applies the masks, and at a gated step
  /// recomputes them from the masked weights.
  ///
  /// Afterwards every weight a mask prunes is exactly `0`, and at a gated step each tensor of
  /// `n` weights has exactly `round(n · s)` (half to even) pruned, `s` the schedule's sparsity
  /// at `step`.
  ///
  /// ```swift
  /// // ConstantSparsity(0.5, frequency 2); weights [[0.4, -0.1, 0.3, 0.2]]
  /// try pruner.update(&weights, atStep: 0)   // true:  [[0.4, 0, 0.3, 0]]
  /// weights = [[0.41, 0.05, 0.29, -0.02]]      // an optimiser step moved them
  /// try pruner.update(&weights, atStep: 1)   // false: [[0.41, 0, 0.29, 0]]
  /// ```
  ///
  /// - Parameters:
  ///   - weights: One tensor per mask, each of its mask's shape; updated in place.
  ///   - step: The index of the optimiser step just taken (from 0).
  /// - Returns: Whether the masks were recomputed at this step.
  /// - Throws: `PruningError.shapeMismatch` when the number of tensors differs from the number
  ///   of masks (expected `[masks.count]`, actual `[weights.count]`) or a tensor's shape
  ///   differs from its mask's; at a gated step, the errors of the schedule and of
  ///   ``magnitudeMask(_:sparsity:)`` (a NaN or infinite weight).
  @discardableResult
  public mutating func update(_ weights: inout [Tensor], atStep step: Int) throws(PruningError)
    -> Bool
  {
    // TODO: Re-apply the masks first; then, only if the schedule says so at this step,
    // recompute every mask from the masked weights and apply the new masks.
    throw .notImplemented("GradualPruner.update(_:atStep:)")
  }

  /// Writes exactly zero wherever a mask prunes; kept weights are unchanged.
  ///
  /// - Parameter weights: One tensor per mask, each of its mask's shape; updated in place.
  /// - Throws: `PruningError.shapeMismatch` when the number of tensors differs from the number
  ///   of masks (expected `[masks.count]`, actual `[weights.count]`) or a tensor's shape
  ///   differs from its mask's (expected the mask's shape); nothing is changed then.
  public func applyMasks(to weights: inout [Tensor]) throws(PruningError) {
    // TODO: Check the count and every shape before changing anything; then write 0 wherever
    // a mask is false.
    throw .notImplemented("GradualPruner.applyMasks(to:)")
  }
}

extension GradualPruner {
  /// Runs ``update(_:atStep:)`` on a model's weight matrices (its biases are not pruned).
  ///
  /// - Parameters:
  ///   - model: The model; its `weights` are updated in place.
  ///   - step: The index of the optimiser step just taken.
  /// - Returns: Whether the masks were recomputed at this step.
  /// - Throws: The errors of ``update(_:atStep:)``.
  @discardableResult
  public mutating func update(_ model: inout MLP, atStep step: Int) throws(PruningError) -> Bool {
    var weights = model.weights
    let updated = try update(&weights, atStep: step)
    try model.setWeights(weights)
    return updated
  }
}
