import Foundation

/// The character-level Shakespeare model the kit ships: its shape, its training recipe, and
/// the trained copy.
///
/// Trained once by `swift run -c release capstone train-language-model` on
/// ``ShakespeareCorpus``' training text and shipped as `Resources/tiny-language-model.json`;
/// one-shot and structured pruning start from ``shipped()`` and never train from scratch.
/// Training is deterministic (seeded initialisation and window sampling, fixed-order sums on
/// a fixed two-way split of each batch), so the command reproduces the file bit for bit; a
/// test replays the first steps and compares the losses the file records.
public enum TinyLanguageModel {
  /// The shipped archive's resource file name.
  public static let fileName = "tiny-language-model.json"

  /// The command that trains and writes the shipped file.
  public static let command = "swift run -c release capstone train-language-model"

  /// The seed of the weight initialisation.
  public static let initialisationSeed: UInt64 = 1

  /// How many of the first training losses the provenance records.
  public static let recordedLossCount = 5

  /// The model's shape for a vocabulary: context 64, width 64, 4 heads of 16, 2 blocks,
  /// MLP width 256.
  ///
  /// - Parameter vocabularySize: The corpus's character count.
  /// - Returns: The configuration.
  public static func configuration(vocabularySize: Int) -> TransformerConfiguration {
    TransformerConfiguration(
      vocabularySize: vocabularySize, contextLength: 64, width: 64, headCount: 4,
      headDimension: 16, blockCount: 2, mlpWidth: 256)
  }

  /// The training recipe.
  public static let training = LanguageModelTrainingConfiguration(
    steps: 2000, batchSize: 16, learningRate: 3e-3, warmupSteps: 100,
    finalLearningRateFraction: 0.1, weightDecay: 0.1, beta1: 0.9, beta2: 0.99,
    gradientClipNorm: 1, seed: 2)

  /// Trains the model from scratch.
  ///
  /// - Parameters:
  ///   - corpus: The corpus (``ShakespeareCorpus/load()``).
  ///   - recipe: The training recipe (by default ``training``).
  ///   - afterStep: Called after each step with its report.
  /// - Returns: The archive, whose provenance records the command, seeds, recipe, the first
  ///   losses, and the validation loss beside the unigram baseline.
  /// - Throws: The errors of ``TransformerLanguageModel/train(on:configuration:afterStep:)``.
  public static func train(
    corpus: ShakespeareCorpus, recipe: LanguageModelTrainingConfiguration = training,
    afterStep: (LanguageModelStepReport) -> Void = { _ in }
  ) throws(PruningError) -> LanguageModelArchive {
    var generator = SplitMix64(seed: initialisationSeed)
    let shape = configuration(vocabularySize: corpus.vocabulary.count)
    var model = try TransformerLanguageModel(configuration: shape, using: &generator)
    let losses = try model.train(on: corpus.train, configuration: recipe, afterStep: afterStep)
    let validation = try model.meanCrossEntropy(
      sequences: ShakespeareCorpus.windows(of: corpus.validation, length: shape.contextLength))
    let unigram = corpus.unigramCrossEntropy()
    let r = recipe
    let s = shape
    return try LanguageModelArchive(
      model: model, vocabulary: corpus.vocabulary,
      provenance: [
        "command": command,
        "data": "\(ShakespeareCorpus.fileName): \(corpus.train.count) training / "
          + "\(corpus.validation.count) validation / \(corpus.calibration.count) calibration "
          + "characters, split seed \(ShakespeareCorpus.splitSeed)",
        "shape": "vocabulary \(s.vocabularySize), context \(s.contextLength), width \(s.width), "
          + "\(s.headCount) heads of \(s.headDimension), \(s.blockCount) blocks, "
          + "MLP \(s.mlpWidth); \(model.parameterCount) parameters",
        "initialisationSeed": "\(initialisationSeed)",
        "training": "\(r.steps) steps of \(r.batchSize) windows, AdamW learning rate "
          + "\(r.learningRate) (warm-up \(r.warmupSteps), cosine to "
          + "\(r.finalLearningRateFraction)×), betas \(r.beta1)/\(r.beta2), weight decay "
          + "\(r.weightDecay), clip \(r.gradientClipNorm), sampling seed \(r.seed)",
        "firstLosses": losses.prefix(recordedLossCount).map { "\($0)" }
          .joined(separator: ", "),
        "finalLoss": "\(losses.last ?? 0)",
        "validationLoss": String(format: "%.4f", validation),
        "validationBitsPerCharacter": String(format: "%.4f", validation / log(2)),
        "validationPerplexity": String(format: "%.3f", exp(validation)),
        "unigramLoss": String(format: "%.4f", unigram),
        "unigramBitsPerCharacter": String(format: "%.4f", unigram / log(2)),
        "unigramPerplexity": String(format: "%.3f", exp(unigram)),
      ])
  }

  /// Loads the shipped model (`Resources/tiny-language-model.json`).
  ///
  /// - Returns: The archive: the model, its vocabulary and provenance.
  /// - Throws: `PruningError.resourceNotFound` when the file is missing;
  ///   `PruningError.malformedFile` when it cannot be read.
  public static func shipped() throws(PruningError) -> LanguageModelArchive {
    try LanguageModelArchive(jsonData: ResourceFiles.data(named: fileName), source: fileName)
  }
}
