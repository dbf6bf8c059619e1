import Foundation
import PruningCore

#if KIT_HAS_OneShotPruning
  import OneShotPruning
#endif

/// `capstone one-shot`: prune the shipped Shakespeare model without retraining, with magnitude,
/// Wanda and SparseGPT at 50 % unstructured, 4:8 and 2:4, and compare validation perplexity.
enum OneShotStory {
  /// Calibration windows of the model's context length, from the corpus's calibration text.
  static let calibrationWindows = 64
  /// Validation windows scored for perplexity.
  static let validationWindows = 400

  /// Runs the story; returns the exit code.
  static func run() -> Int32 {
    do {
      return try tell()
    } catch {
      printError("capstone one-shot: \(error)")
      return 1
    }
  }

  private static func tell() throws(PruningError) -> Int32 {
    print("PruningKit capstone: prune a language model without retraining (exercise 08)\n")
    let corpus = try ShakespeareCorpus.load()
    let archive = try TinyLanguageModel.shipped()
    let model = archive.model
    let context = model.contextLength
    // The model reads every id of a calibration window: no target, so `context` ids each.
    let calibration = ShakespeareCorpus.windows(
      of: corpus.calibration, length: context, limit: calibrationWindows
    ).map { Array($0.dropLast()) }
    let validation = ShakespeareCorpus.windows(
      of: corpus.validation, length: context, limit: validationWindows)
    let prunable = try model.prunableLayers.map { (id) throws(PruningError) in
      try model.weight(of: id).count
    }
    print(
      "Model     \(TinyLanguageModel.fileName): \(model.blocks.count) blocks, width "
        + "\(model.width), context \(context); \(model.parameterCount) parameters,\n"
        + "          \(prunable.count) prunable linear layers holding \(prunable.reduce(0, +)) "
        + "weights (embeddings, layer norms and head stay dense)")
    print(
      "Data      calibration \(calibration.count) windows of \(context) characters "
        + "(\(calibration.count * context) tokens); validation \(validation.count) windows\n")
    #if KIT_HAS_OneShotPruning
      return try compare(model: model, calibration: calibration, validation: validation)
    #else
      print("This needs exercise 08 OneShotPruning, which this build leaves out (see KIT_ONLY).")
      return 1
    #endif
  }

  #if KIT_HAS_OneShotPruning
    /// The patterns the papers report, in the order of the table.
    static let patterns: [SparsityPattern] = [.unstructured(0.5), .nm(n: 4, m: 8), .nm(n: 2, m: 4)]

    private static func compare(
      model: TransformerLanguageModel, calibration: [[Int]], validation: [[Int]]
    ) throws(PruningError) -> Int32 {
      do {
        let dense = try perplexity(of: model, sequences: validation)
        print(
          "Dense     validation perplexity \(format(dense)) "
            + "(\(String(format: "%.3f", log2(dense))) bits per character)\n")
        var spreads: [Double] = []
        for id in model.prunableLayers {
          let norms = try inputNorms(try model.layerInputs(of: id, sequences: calibration))
            .sorted()
          let median = Double(norms[norms.count / 2])
          spreads.append(median > 0 ? Double(norms.last ?? 0) / median : 0)
        }
        print(
          "Inputs    largest ‖X_j‖ / median ‖X_j‖ per layer (dense model): "
            + "\(format(spreads.min() ?? 0)) to \(format(spreads.max() ?? 0))\n")
        print("pattern             method       perplexity   Σ‖WX − ŴX‖²_F over layers")
        for pattern in patterns {
          for (index, method) in OneShotMethod.allCases.enumerated() {
            let pruned = try pruneSequentially(
              model, method: method, pattern: pattern, calibration: calibration)
            let score = try perplexity(of: pruned.model, sequences: validation)
            let error = pruned.reconstructionErrors.reduce(0, +)
            let label = index == 0 ? "\(pattern)" : ""
            print(
              pad(label, 20) + pad(method.name, 13) + pad(format(score), 13, left: true)
                + "   " + String(format: "%.4g", error))
          }
        }
        print(
          "\nEach layer is pruned in forward order, calibrated on the model with the layers "
            + "below it\nalready pruned; no weight is retrained. Lower perplexity is better.")
        return 0
      } catch .notImplemented(let function) {
        print(
          "Exercise 08 is not finished: \(function) is not implemented yet.\n"
            + "Write it in Exercises/08-OneShotPruning (`swift run kit check oneshot` grades it), "
            + "or run the\nreference with KIT_SOLUTIONS=1.")
        return 1
      }
    }

    private static func format(_ value: Double) -> String {
      String(format: "%.3f", value)
    }

    private static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
      let padding = String(repeating: " ", count: max(0, width - text.count))
      return left ? padding + text : text + padding
    }
  #endif
}
