import Foundation

/// How ``TransformerLanguageModel/train(on:configuration:afterStep:)`` trains: AdamW on
/// random windows of the text, with warm-up, cosine decay and gradient clipping.
public struct LanguageModelTrainingConfiguration: Hashable, Sendable {
  /// The optimisation steps.
  public var steps: Int

  /// The windows per step, each of `contextLength + 1` ids.
  public var batchSize: Int

  /// The peak learning rate.
  public var learningRate: Float

  /// The steps over which the learning rate rises linearly from `learningRate / warmupSteps`.
  public var warmupSteps: Int

  /// Where the cosine decay ends, as a fraction of the peak learning rate.
  public var finalLearningRateFraction: Double

  /// AdamW's decoupled weight decay (embeddings and weight matrices only).
  public var weightDecay: Float

  /// AdamW's β₁.
  public var beta1: Float

  /// AdamW's β₂.
  public var beta2: Float

  /// The largest global gradient norm; larger gradients are scaled down to it (0: no clipping).
  public var gradientClipNorm: Float

  /// The seed of the window sampling.
  public var seed: UInt64

  /// Creates a configuration.
  ///
  /// - Parameters:
  ///   - steps: At least 1.
  ///   - batchSize: At least 1.
  ///   - learningRate: Positive.
  ///   - warmupSteps: Not negative.
  ///   - finalLearningRateFraction: In `0...1`.
  ///   - weightDecay: Not negative.
  ///   - beta1: In `0..<1`.
  ///   - beta2: In `0..<1`.
  ///   - gradientClipNorm: Not negative.
  ///   - seed: Any value.
  public init(
    steps: Int, batchSize: Int, learningRate: Float, warmupSteps: Int = 0,
    finalLearningRateFraction: Double = 0.1, weightDecay: Float = 0.1, beta1: Float = 0.9,
    beta2: Float = 0.99, gradientClipNorm: Float = 1, seed: UInt64
  ) {
    self.steps = steps
    self.batchSize = batchSize
    self.learningRate = learningRate
    self.warmupSteps = warmupSteps
    self.finalLearningRateFraction = finalLearningRateFraction
    self.weightDecay = weightDecay
    self.beta1 = beta1
    self.beta2 = beta2
    self.gradientClipNorm = gradientClipNorm
    self.seed = seed
  }

  /// The learning rate of a step (numbered from 1): linear warm-up, then cosine decay to
  /// `finalLearningRateFraction · learningRate` at the last step.
  ///
  /// - Parameter step: The step number, `1...steps`.
  /// - Returns: The learning rate.
  public func learningRate(atStep step: Int) -> Float {
    if step <= warmupSteps {
      return learningRate * Float(step) / Float(warmupSteps)
    }
    let span = max(steps - warmupSteps, 1)
    let progress = Double(step - warmupSteps) / Double(span)
    let f = finalLearningRateFraction
    return Float(Double(learningRate) * (f + (1 - f) * 0.5 * (1 + cos(Double.pi * progress))))
  }

  /// Throws unless every value is in range.
  func validate() throws(PruningError) {
    let checks: [(String, Double, Bool)] = [
      ("steps", Double(steps), steps >= 1),
      ("batchSize", Double(batchSize), batchSize >= 1),
      ("learningRate", Double(learningRate), learningRate.isFinite && learningRate > 0),
      ("warmupSteps", Double(warmupSteps), warmupSteps >= 0),
      (
        "finalLearningRateFraction", finalLearningRateFraction,
        (0...1).contains(finalLearningRateFraction)
      ),
      ("gradientClipNorm", Double(gradientClipNorm), gradientClipNorm >= 0),
    ]
    for (name, value, ok) in checks where !ok {
      throw .invalidHyperparameter(name: name, value: value)
    }
  }
}

/// What one training step did.
public struct LanguageModelStepReport: Hashable, Sendable {
  /// The step number, from 1.
  public var step: Int

  /// The batch's mean cross-entropy in nats, before the step.
  public var loss: Double

  /// The learning rate used.
  public var learningRate: Float

  /// The global gradient norm before clipping.
  public var gradientNorm: Double
}

extension TransformerLanguageModel {
  /// Trains the model on random windows of a token stream with AdamW.
  ///
  /// Each step draws ``LanguageModelTrainingConfiguration/batchSize`` windows of
  /// ``contextLength`` + 1 ids at uniformly random starts (seeded), computes the mean
  /// next-token cross-entropy and its gradients on two threads (the first half of the windows
  /// on one, the second on the other, the halves' gradients added in that order), clips the
  /// global norm and takes an AdamW step. The result is bit-for-bit reproducible: the same
  /// model, tokens and configuration give the same weights on every run and build.
  ///
  /// - Parameters:
  ///   - tokens: The training text's ids; more than ``contextLength`` of them.
  ///   - configuration: The recipe.
  ///   - afterStep: Called after each step with its report.
  /// - Returns: Every step's batch loss, in order.
  /// - Throws: `PruningError.invalidHyperparameter` for a recipe value out of range;
  ///   `PruningError.emptyInput` for too short a text; `PruningError.tokenOutOfRange`; the
  ///   errors of ``validate()``.
  @discardableResult
  public mutating func train(
    on tokens: [Int], configuration: LanguageModelTrainingConfiguration,
    afterStep: (LanguageModelStepReport) -> Void = { _ in }
  ) throws(PruningError) -> [Double] {
    try configuration.validate()
    try validate()
    let context = contextLength
    guard tokens.count > context else {
      throw .emptyInput("training text longer than the context of \(context); it")
    }
    for token in tokens where token < 0 || token >= vocabularySize {
      throw .tokenOutOfRange(token: token, vocabularySize: vocabularySize)
    }
    var optimiser = try AdamW(
      learningRate: configuration.learningRate, beta1: configuration.beta1,
      beta2: configuration.beta2, weightDecay: configuration.weightDecay)
    var generator = SplitMix64(seed: configuration.seed)
    var losses: [Double] = []
    let (_, decays) = flattenedParameters()
    for step in 1...configuration.steps {
      var windows: [[Int]] = []
      for _ in 0..<configuration.batchSize {
        let start = generator.nextInt(below: tokens.count - context)
        windows.append(Array(tokens[start...(start + context)]))
      }
      let half = (windows.count + 1) / 2
      let shards = [windows[..<half], windows[half...]].filter { !$0.isEmpty }
      var chunks: [LabeledChunk] = []
      for shard in shards {
        chunks.append(try Self.chunks(of: Array(shard), model: self, size: shard.count)[0])
      }
      let targetCount = windows.count * context
      let scale = 1 / Float(targetCount)
      let model = self
      let results = Self.parallelMap(chunks) { chunk in
        let (loss, gradients) = model.gradientPass(chunk, scale: scale)
        return (loss, gradients.flattenedParameters().values)
      }
      var loss = 0.0
      var gradient = results[0].1
      for (index, result) in results.enumerated() {
        loss += result.0
        if index > 0 {
          gradient.withUnsafeMutableBufferPointer { g in
            for i in 0..<g.count { g[i] += result.1[i] }
          }
        }
      }
      loss /= Double(targetCount)
      var squares = 0.0
      for g in gradient { squares += Double(g) * Double(g) }
      let norm = squares.squareRoot()
      if configuration.gradientClipNorm > 0 && norm > Double(configuration.gradientClipNorm) {
        let factor = Float(Double(configuration.gradientClipNorm) / norm)
        for i in gradient.indices { gradient[i] *= factor }
      }
      let rate = configuration.learningRate(atStep: step)
      optimiser.learningRate = rate
      var values = flattenedParameters().values
      try optimiser.step(&values, gradients: gradient, decays: decays)
      loadFlattenedParameters(values)
      losses.append(loss)
      afterStep(
        LanguageModelStepReport(step: step, loss: loss, learningRate: rate, gradientNorm: norm))
    }
    return losses
  }
}
