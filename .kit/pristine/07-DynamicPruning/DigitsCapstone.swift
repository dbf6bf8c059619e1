import PruningCore

/// The capstone recipe: prune the shipped digits baseline to 90 % sparsity while fine-tuning.
///
/// This file is finished in both copies: it only wires your ``PolynomialDecay`` and
/// ``GradualPruner`` into PruningCore's training loop. Starting from the dense baseline
/// (``DigitsBaseline/load()``), it fine-tunes on the training split for 6 epochs (270 SGD
/// steps of 32 examples, learning rate 0.05, momentum 0.9) while a ``GradualPruner`` follows
/// Zhu & Gupta's cubic schedule from 0 to 90 % over steps 0…140, updating the masks every 10
/// steps (15 updates), and keeps the pruned weights at zero after every step. The last 130
/// steps fine-tune the surviving 10 % with the masks fixed.
///
/// ```swift
/// let (train, test) = try Digits.loadSplit()
/// let baseline = try DigitsBaseline.load().model
/// let result = try DigitsCapstone.run(baseline: baseline, train: train)
/// try result.model.evaluate(on: test).accuracy   // within 2 points of the baseline's
/// result.masks.map(\.sparsity)                    // [0.9000…, 0.9]
/// ```
public enum DigitsCapstone {
  /// The weight sparsity the schedule ends at (biases are not pruned).
  public static let finalSparsity = 0.9

  /// The step at which the schedule reaches ``finalSparsity``.
  public static let endStep = 140

  /// The steps between mask updates.
  public static let frequency = 10

  /// The fine-tuning run: 6 epochs of 32-example batches, SGD 0.05 with momentum 0.9.
  public static let configuration = TrainingConfiguration(
    epochs: 6, batchSize: 32, learningRate: 0.05, momentum: 0.9, weightDecay: 0, seed: 3)

  /// The largest drop in test accuracy, in points, the capstone allows.
  public static let allowedDrop = 2.0

  /// The schedule: `PolynomialDecay(0 → finalSparsity, steps 0…endStep, power 3, every frequency)`.
  ///
  /// - Returns: The schedule.
  /// - Throws: The errors of ``PolynomialDecay/init(initialSparsity:finalSparsity:beginStep:endStep:power:frequency:)``.
  public static func schedule() throws(PruningError) -> PolynomialDecay {
    try PolynomialDecay(
      initialSparsity: 0, finalSparsity: finalSparsity, beginStep: 0, endStep: endStep, power: 3,
      frequency: frequency)
  }

  /// What happened in one epoch of the capstone's fine-tuning.
  public struct Progress: Hashable, Sendable {
    /// The epoch, from 1.
    public var epoch: Int

    /// The optimiser steps so far.
    public var steps: Int

    /// The mean training loss of the epoch.
    public var meanLoss: Double

    /// The schedule's target sparsity at the epoch's last step.
    public var targetSparsity: Double

    /// The sparsity of the pruner's masks over all weights, after the epoch.
    public var weightSparsity: Double

    /// The mask updates so far.
    public var maskUpdates: Int

    /// Creates a progress record.
    ///
    /// - Parameters:
    ///   - epoch: The epoch.
    ///   - steps: The steps so far.
    ///   - meanLoss: The mean loss.
    ///   - targetSparsity: The schedule's target.
    ///   - weightSparsity: The masks' sparsity.
    ///   - maskUpdates: The mask updates so far.
    public init(
      epoch: Int, steps: Int, meanLoss: Double, targetSparsity: Double, weightSparsity: Double,
      maskUpdates: Int
    ) {
      self.epoch = epoch
      self.steps = steps
      self.meanLoss = meanLoss
      self.targetSparsity = targetSparsity
      self.weightSparsity = weightSparsity
      self.maskUpdates = maskUpdates
    }
  }

  /// Fine-tunes a copy of the baseline while pruning it gradually.
  ///
  /// - Parameters:
  ///   - baseline: The dense model to start from.
  ///   - train: The training examples.
  ///   - progress: Called after each epoch.
  /// - Returns: The pruned, fine-tuned model and the pruner's final masks (one per weight
  ///   matrix).
  /// - Throws: Whatever the schedule, the pruner or training throws (`notImplemented` until
  ///   your exercise is written).
  public static func run(
    baseline: MLP,
    train: LabeledExamples,
    progress: (Progress) -> Void = { _ in }
  ) throws(PruningError) -> (model: MLP, masks: [Mask]) {
    let schedule = try schedule()
    var pruner = try GradualPruner(schedule: schedule, shapes: baseline.weights.map(\.shape))
    var model = baseline
    var updates = 0
    var lastStep = 0
    var failure: PruningError?
    try model.train(
      on: train, configuration: configuration,
      afterStep: { model, step throws(PruningError) in
        if try pruner.update(&model, atStep: step) { updates += 1 }
        lastStep = step
      },
      afterEpoch: { report in
        guard failure == nil else { return }
        do throws(PruningError) {
          let total = pruner.masks.reduce(0) { $0 + $1.count }
          let pruned = pruner.masks.reduce(0) { $0 + $1.prunedCount }
          progress(
            Progress(
              epoch: report.epoch, steps: report.steps, meanLoss: report.meanLoss,
              targetSparsity: try schedule.sparsity(atStep: lastStep),
              weightSparsity: total == 0 ? 0 : Double(pruned) / Double(total),
              maskUpdates: updates))
        } catch {
          failure = error
        }
      })
    if let failure { throw failure }
    return (model, pruner.masks)
  }
}
