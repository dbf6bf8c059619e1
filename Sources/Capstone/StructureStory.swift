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
  static let rounds = 7
  static let passesPerRound = 20

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
        "Model     \(origin): vocabulary \(c.vocabularySize), context \(c.contextLength), "
          + "width \(c.width),\n          \(c.blockCount) blocks of \(c.headCount) heads × "
          + "\(c.headDimension) and MLP \(c.mlpWidth)")
      let validation = ShakespeareCorpus.windows(
        of: corpus.validation, length: c.contextLength, limit: validationWindows)
      let calibration = ShakespeareCorpus.windows(
        of: corpus.calibration, length: c.contextLength - 1, limit: calibrationWindows)
      print(
        "Data      \(validation.count) validation windows of \(c.contextLength) characters; "
          + "\(calibration.count) calibration windows score the units\n")

      let masked = try magnitudeMasked(dense, fraction: 0.5)
      let removed = try widthPruned(dense, calibration: calibration, fraction: 0.5)
      let shallower = try depthPruned(dense, calibration: calibration)
      let variants = [
        Variant(name: "dense", model: dense),
        Variant(name: "50 % unstructured mask", model: masked),
        Variant(name: "50 % heads+neurons removed", model: removed),
        Variant(name: shallower.name, model: shallower.model),
      ]
      print(
        pad("model", 28) + pad("params", 9) + pad("nonzero", 9) + pad("MACs/token", 11)
          + pad("val ppl", 9) + "tokens/s (min–max of \(rounds) rounds)")
      let probe = validation.first.map { Array($0.dropLast()) } ?? [0]
      for variant in variants {
        let model = variant.model
        let loss = try model.meanCrossEntropy(sequences: validation)
        let speeds = try tokensPerSecond(model, tokens: probe)
        print(
          pad(variant.name, 28) + pad("\(model.parameterCount)", 9)
            + pad("\(nonzeroCount(model))", 9)
            + pad("\(multiplyAccumulatesPerToken(model, length: probe.count))", 11)
            + pad(String(format: "%.2f", exp(loss)), 9)
            + String(format: "%.0f–%.0f", speeds.min() ?? 0, speeds.max() ?? 0))
      }
      print(
        """

        The masked model stores and multiplies every weight (its zeros included), so it runs at
        the dense speed; the removed one is a smaller dense model. Tokens/s is one forward pass
        over \(probe.count) characters in this build; the machine's load moves it, hence the
        range. Heads and neurons are ranked per block by activation importance on the
        calibration windows; blocks by block influence.
        """)
      return 0
    }

    /// The trained model if the kit ships one, else a seeded untrained model of its shape.
    private static func denseModel(
      corpus: ShakespeareCorpus
    ) throws(PruningError) -> (TransformerLanguageModel, String) {
      let shape = TransformerConfiguration(
        vocabularySize: corpus.vocabulary.count, contextLength: 64, width: 64, headCount: 4,
        headDimension: 16, blockCount: 2, mlpWidth: 256)
      var generator = SplitMix64(seed: 1)
      let model = try TransformerLanguageModel(configuration: shape, using: &generator)
      return (model, "seeded untrained model (seed 1; no trained model in this build)")
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

    /// Removes the lowest-activation `fraction` of every block's heads and neurons.
    private static func widthPruned(
      _ model: TransformerLanguageModel, calibration: [[Int]], fraction: Double
    ) throws(PruningError) -> TransformerLanguageModel {
      var units: [StructuralUnit] = []
      for (b, block) in model.blocks.enumerated() {
        var headScores: [Double] = []
        for h in 0..<block.headCount {
          headScores.append(
            try activationImportance(
              of: .head(block: b, index: h), in: model, calibration: calibration))
        }
        units += try unitsToRemove(scores: headScores, fraction: fraction)
          .map { .head(block: b, index: $0) }
        var neuronScores: [Double] = []
        for i in 0..<block.mlpWidth {
          neuronScores.append(
            try activationImportance(
              of: .neuron(block: b, index: i), in: model, calibration: calibration))
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

    /// Tokens per second of one forward pass over `tokens`, one figure per round.
    private static func tokensPerSecond(
      _ model: TransformerLanguageModel, tokens: [Int]
    ) throws(PruningError) -> [Double] {
      _ = try model.logits(for: tokens)
      var speeds: [Double] = []
      let clock = ContinuousClock()
      for _ in 0..<rounds {
        let start = clock.now
        for _ in 0..<passesPerRound { _ = try model.logits(for: tokens) }
        let elapsed = clock.now - start
        let seconds =
          Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        speeds.append(Double(passesPerRound * tokens.count) / seconds)
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
