import Foundation
import PruningCore

#if KIT_HAS_TransformerPruning
  import TransformerPruning
#endif

/// `capstone structure`: the tiny language model dense, 50 % masked (unstructured) and with
/// half its heads and neurons physically removed — parameters, multiply-accumulates,
/// validation perplexity and measured speed side by side.
enum StructureStory {
  /// Validation windows evaluated for perplexity.
  static let validationWindows = 64
  /// Calibration windows that score heads and neurons.
  static let calibrationWindows = 8
  /// Timed rounds per model; each round runs ``passesPerRound`` forward passes.
  static let rounds = 9
  static let passesPerRound = 20
  /// The short recovery fine-tune of the width-pruned model.
  static let recovery = LanguageModelTrainingConfiguration(
    steps: 200, batchSize: 16, learningRate: 1e-3, warmupSteps: 20,
    finalLearningRateFraction: 0.1, weightDecay: 0.1, beta1: 0.9, beta2: 0.99,
    gradientClipNorm: 1, seed: 3)

  /// Runs the story; returns the exit code.
  static func run() -> Int32 {
    #if KIT_HAS_TransformerPruning
      do {
        return try tell()
      } catch {
        printError("capstone structure: \(error)")
        return 1
      }
    #else
      print(
        "capstone structure needs exercise 09 TransformerPruning, which this build leaves out "
          + "(see KIT_ONLY).")
      return 1
    #endif
  }

  #if KIT_HAS_TransformerPruning
    /// A model with its name and how many of its weights are zero.
    private struct Variant {
      var name: String
      var model: TransformerLanguageModel
    }

    private static func tell() throws(PruningError) -> Int32 {
      print("PruningKit capstone: structured pruning of the tiny language model\n")
      let corpus = try ShakespeareCorpus.load()
      let (dense, origin) = try denseModel(corpus: corpus)
      let c = dense.configuration
      print(
        "Model     \(origin): vocabulary \(c.vocabularySize), context \(c.contextLength),\n"
          + "          width \(c.width), \(c.blockCount) blocks of \(c.headCount) heads × "
          + "\(c.headDimension) and MLP \(c.mlpWidth)")
      let validation = ShakespeareCorpus.windows(
        of: corpus.validation, length: c.contextLength, limit: validationWindows)
      let calibration = ShakespeareCorpus.windows(
        of: corpus.calibration, length: c.contextLength - 1, limit: calibrationWindows)
      print(
        "Data      \(validation.count) validation windows of \(c.contextLength) characters; "
          + "\(calibration.count) calibration windows score the units\n")

      let gradients = try dense.lossAndGradients(sequences: calibration).gradients
      let byActivation = try widthPruned(dense, fraction: 0.5) { unit throws(PruningError) in
        try activationImportance(of: unit, in: dense, calibration: calibration)
      }
      let byTaylor = try widthPruned(dense, fraction: 0.5) { unit throws(PruningError) in
        try taylorImportance(
          dependencyGroup(of: unit, in: dense), in: dense, gradients: gradients)
      }
      var recovered = byActivation
      _ = try recovered.train(on: corpus.train, configuration: recovery)
      let shallower = try depthPruned(dense, calibration: calibration)
      var shallowerRecovered = shallower.model
      _ = try shallowerRecovered.train(on: corpus.train, configuration: recovery)
      let variants = [
        Variant(name: "dense", model: dense),
        Variant(name: "50 % unstructured mask", model: try magnitudeMasked(dense, fraction: 0.5)),
        Variant(name: "50 % heads+neurons, activ.", model: byActivation),
        Variant(name: "50 % heads+neurons, Taylor", model: byTaylor),
        Variant(name: "  + \(recovery.steps) fine-tune steps", model: recovered),
        Variant(name: shallower.name, model: shallower.model),
        Variant(name: "  + \(recovery.steps) fine-tune steps", model: shallowerRecovered),
      ]
      let probe = validation.first.map { Array($0.dropLast()) } ?? [0]
      let speeds = try tokensPerSecond(variants.map(\.model), tokens: probe)
      print(
        pad("model", 30) + pad("params", 8) + pad("nonzero", 8) + pad("MACs/tok", 9)
          + pad("val ppl", 8) + "tokens/s: median (min–max)")
      for (variant, speed) in zip(variants, speeds) {
        let model = variant.model
        let loss = try model.meanCrossEntropy(sequences: validation)
        let sorted = speed.sorted()
        print(
          pad(variant.name, 30) + pad("\(model.parameterCount)", 8)
            + pad("\(nonzeroCount(model))", 8)
            + pad("\(multiplyAccumulatesPerToken(model, length: probe.count))", 9)
            + pad(String(format: "%.2f", exp(loss)), 8)
            + String(
              format: "%.0f (%.0f–%.0f)", sorted[sorted.count / 2], sorted.first ?? 0,
              sorted.last ?? 0))
      }
      print(
        """

        Tokens/s: \(passesPerRound) forward passes over \(probe.count) characters per round, \
        \(rounds) rounds, the models
        timed in turn so that a busy machine slows them alike; this build's speed. The masked
        model keeps every shape and multiplies its zeros, so it runs at the dense speed; the
        removed ones are smaller dense models. Per block, half of the heads and half of the
        neurons with the lowest scores (activation importance, or Taylor |Σ g·w| on the
        calibration windows) are removed; the depth row drops the block of lowest influence.
        Each fine-tune trains the pruned model above it for \(recovery.steps) steps on the
        training text (AdamW, learning rate \(recovery.learningRate)).
        """)
      return 0
    }

    /// The trained model the kit ships, or, when the file is missing, a seeded untrained
    /// model of its shape (the perplexities then say nothing; sizes and speeds still hold).
    private static func denseModel(
      corpus: ShakespeareCorpus
    ) throws(PruningError) -> (TransformerLanguageModel, String) {
      do {
        let archive = try TinyLanguageModel.shipped()
        return (archive.model, "trained \(TinyLanguageModel.fileName)")
      } catch .resourceNotFound {
        let shape = TinyLanguageModel.configuration(vocabularySize: corpus.vocabulary.count)
        var generator = SplitMix64(seed: TinyLanguageModel.initialisationSeed)
        let model = try TransformerLanguageModel(configuration: shape, using: &generator)
        return (model, "UNTRAINED seeded model (\(TinyLanguageModel.fileName) is missing)")
      }
    }

    /// Zeroes the smallest-magnitude `fraction` of every block's linear weights, layer by
    /// layer (ties: the lower index first); shapes stay.
    private static func magnitudeMasked(
      _ model: TransformerLanguageModel, fraction: Double
    ) throws(PruningError) -> TransformerLanguageModel {
      var masked = model
      for id in model.prunableLayers {
        let weight = try model.linear(id).weight
        let k = Int((Double(weight.count) * fraction).rounded(.toNearestOrEven))
        let order = weight.scalars.indices.sorted { a, b in
          let (x, y) = (abs(weight.scalars[a]), abs(weight.scalars[b]))
          return x != y ? x < y : a < b
        }
        var scalars = weight.scalars
        for index in order.prefix(k) { scalars[index] = 0 }
        try masked.setWeight(Tensor(shape: weight.shape, scalars: scalars), of: id)
      }
      return masked
    }

    /// Removes the lowest-scoring `fraction` of every block's heads and of its neurons.
    private static func widthPruned(
      _ model: TransformerLanguageModel, fraction: Double,
      score: (StructuralUnit) throws(PruningError) -> Double
    ) throws(PruningError) -> TransformerLanguageModel {
      var units: [StructuralUnit] = []
      for (b, block) in model.blocks.enumerated() {
        var headScores: [Double] = []
        for h in 0..<block.headCount {
          headScores.append(try score(.head(block: b, index: h)))
        }
        units += try unitsToRemove(scores: headScores, fraction: fraction)
          .map { .head(block: b, index: $0) }
        var neuronScores: [Double] = []
        for i in 0..<block.mlpWidth {
          neuronScores.append(try score(.neuron(block: b, index: i)))
        }
        units += try unitsToRemove(scores: neuronScores, fraction: fraction)
          .map { .neuron(block: b, index: $0) }
      }
      return try removeUnits(units, from: model)
    }

    /// Removes the block of lowest block influence.
    private static func depthPruned(
      _ model: TransformerLanguageModel, calibration: [[Int]]
    ) throws(PruningError) -> (name: String, model: TransformerLanguageModel) {
      var scores: [Double] = []
      for b in model.blocks.indices {
        scores.append(try blockInfluence(of: b, in: model, calibration: calibration))
      }
      let fraction = 1 / Double(max(model.blocks.count, 1))
      let drop = try unitsToRemove(scores: scores, fraction: fraction)
      return (
        "block \(drop.map(String.init).joined(separator: ",")) removed (depth)",
        try removeBlocks(drop, from: model)
      )
    }

    /// Tokens per second of one forward pass over `tokens`: per model, one figure per round;
    /// every round times the models in turn.
    private static func tokensPerSecond(
      _ models: [TransformerLanguageModel], tokens: [Int]
    ) throws(PruningError) -> [[Double]] {
      for model in models { _ = try model.logits(for: tokens) }
      var speeds = [[Double]](repeating: [], count: models.count)
      let clock = ContinuousClock()
      for _ in 0..<rounds {
        for (index, model) in models.enumerated() {
          let start = clock.now
          for _ in 0..<passesPerRound { _ = try model.logits(for: tokens) }
          let elapsed = clock.now - start
          let seconds =
            Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
          speeds[index].append(Double(passesPerRound * tokens.count) / seconds)
        }
      }
      return speeds
    }
  #endif

  /// The multiply-accumulates one forward pass over `length` tokens spends per token: every
  /// linear layer's `inputs × outputs`, plus attention's scores and weighted sums (position
  /// `t` reads `t + 1` keys and values), averaged over the positions.
  static func multiplyAccumulatesPerToken(_ model: TransformerLanguageModel, length: Int) -> Int {
    var total = 0
    for block in model.blocks {
      let attention = block.headCount * block.headDimension
      total += 4 * attention * model.width + 2 * block.mlpWidth * model.width
      total += (length + 1) * attention
    }
    return total + model.width * model.vocabularySize
  }

  /// The parameters that are not zero.
  static func nonzeroCount(_ model: TransformerLanguageModel) -> Int {
    model.parameterTensorIDs.reduce(0) { total, id in
      total + ((try? model.tensor(id).scalars.filter { $0 != 0 }.count) ?? 0)
    }
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
  }
}
