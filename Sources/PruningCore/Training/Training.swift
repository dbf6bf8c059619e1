/// How to train an ``MLP``: epochs, mini-batch size, the optimiser's settings and the seed.
public struct TrainingConfiguration: Hashable, Sendable {
  /// Passes over the training data, at least 0.
  public var epochs: Int

  /// Examples per optimiser step, at least 1; the last batch of an epoch may be smaller.
  public var batchSize: Int

  /// The SGD step size, finite and positive.
  public var learningRate: Float

  /// The SGD momentum, in `0..<1`.
  public var momentum: Float

  /// The L2 penalty on weights, finite and not negative.
  public var weightDecay: Float

  /// The seed of the per-epoch shuffles.
  public var seed: UInt64

  /// Creates a configuration; ``MLP/train(on:configuration:afterStep:afterEpoch:)`` checks it.
  ///
  /// - Parameters:
  ///   - epochs: Passes over the data.
  ///   - batchSize: Examples per step.
  ///   - learningRate: The SGD step size.
  ///   - momentum: The SGD momentum.
  ///   - weightDecay: The L2 penalty on weights.
  ///   - seed: The shuffle seed.
  public init(
    epochs: Int, batchSize: Int, learningRate: Float, momentum: Float = 0,
    weightDecay: Float = 0, seed: UInt64
  ) {
    self.epochs = epochs
    self.batchSize = batchSize
    self.learningRate = learningRate
    self.momentum = momentum
    self.weightDecay = weightDecay
    self.seed = seed
  }

  /// The optimiser steps one epoch over `exampleCount` examples takes: ⌈count ÷ batchSize⌉.
  ///
  /// - Parameter exampleCount: The training examples.
  /// - Returns: The steps per epoch (0 for a batch size below 1).
  public func stepsPerEpoch(exampleCount: Int) -> Int {
    batchSize < 1 ? 0 : (exampleCount + batchSize - 1) / batchSize
  }
}

/// What one epoch of training did.
public struct EpochReport: Hashable, Sendable {
  /// The epoch, counted from 1.
  public var epoch: Int

  /// The optimiser steps taken so far in the run.
  public var steps: Int

  /// The mean mini-batch loss over the epoch (measured before each step).
  public var meanLoss: Double

  /// Creates a report.
  ///
  /// - Parameters:
  ///   - epoch: The epoch, from 1.
  ///   - steps: The steps so far.
  ///   - meanLoss: The mean batch loss.
  public init(epoch: Int, steps: Int, meanLoss: Double) {
    self.epoch = epoch
    self.steps = steps
    self.meanLoss = meanLoss
  }
}

extension MLP {
  /// Trains the model with mini-batch SGD, calling a hook after every optimiser step.
  ///
  /// Each epoch shuffles the example order (``SplitMix64/shuffle(_:)``, one generator seeded
  /// with `configuration.seed` for the whole run), cuts it into batches of `batchSize`, and
  /// for each batch computes ``lossAndGradients(features:labels:)`` and takes one ``SGD``
  /// step. After step `s` (counted from 0 over the whole run) it calls `afterStep(&model, s)`:
  /// the place where a pruner re-applies its masks, so pruned weights are zero again before the
  /// next batch sees them. The same seed and data give the same model bit for bit.
  ///
  /// ```swift
  /// let config = TrainingConfiguration(
  ///   epochs: 5, batchSize: 32, learningRate: 0.1, momentum: 0.9, seed: 7)
  /// try model.train(on: train, configuration: config) { model, step in
  ///   // e.g. zero the pruned weights again
  /// }
  /// ```
  ///
  /// - Parameters:
  ///   - data: The training examples.
  ///   - configuration: Epochs, batch size, optimiser settings and seed.
  ///   - afterStep: Called after every optimiser step with the model and the step's index.
  ///   - afterEpoch: Called after every epoch with its report.
  /// - Returns: One report per epoch.
  /// - Throws: `PruningError.invalidHyperparameter` for a negative `epochs` (`"epochs"`), a
  ///   `batchSize` below 1 (`"batchSize"`) or a bad optimiser setting (see ``SGD``);
  ///   `PruningError.emptyInput("training data")` for no examples (with `epochs` > 0); the shape
  ///   errors of ``lossAndGradients(features:labels:)``; whatever `afterStep` throws.
  @discardableResult
  public mutating func train(
    on data: LabeledExamples,
    configuration: TrainingConfiguration,
    afterStep: (inout MLP, Int) throws(PruningError) -> Void = { _, _ in },
    afterEpoch: (EpochReport) -> Void = { _ in }
  ) throws(PruningError) -> [EpochReport] {
    guard configuration.epochs >= 0 else {
      throw .invalidHyperparameter(name: "epochs", value: Double(configuration.epochs))
    }
    guard configuration.batchSize >= 1 else {
      throw .invalidHyperparameter(name: "batchSize", value: Double(configuration.batchSize))
    }
    var optimizer = try SGD(
      learningRate: configuration.learningRate, momentum: configuration.momentum,
      weightDecay: configuration.weightDecay)
    guard configuration.epochs == 0 || data.count > 0 else {
      throw .emptyInput("training data")
    }
    _ = try checkInput(data.features)
    try checkLabels(data.labels, batch: data.count)
    var generator = SplitMix64(seed: configuration.seed)
    var order = Array(0..<data.count)
    var step = 0
    var reports: [EpochReport] = []
    for epoch in 1...max(configuration.epochs, 1) where configuration.epochs > 0 {
      generator.shuffle(&order)
      var lossSum = 0.0
      var batches = 0
      var start = 0
      while start < order.count {
        let end = min(start + configuration.batchSize, order.count)
        let batch = try data.subset(Array(order[start..<end]))
        let (loss, gradients) = try lossAndGradients(
          features: batch.features, labels: batch.labels)
        try optimizer.step(&self, gradients: gradients)
        try afterStep(&self, step)
        lossSum += loss
        batches += 1
        step += 1
        start = end
      }
      let report = EpochReport(
        epoch: epoch, steps: step, meanLoss: batches == 0 ? 0 : lossSum / Double(batches))
      reports.append(report)
      afterEpoch(report)
    }
    return reports
  }
}
