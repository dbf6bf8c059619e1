import Foundation

/// About 1 MB of Shakespeare, the text the kit's language model learns, split once into
/// training, validation and calibration text.
///
/// The resource `shakespeare.txt` holds eight plays from the Python package `shakespeare` 0.6
/// (Project Gutenberg texts; content licence CC BY 2.5, Open Knowledge Foundation: see
/// `Resources/SHAKESPEARE-LICENSE.md`), made by `Scripts/make-shakespeare-corpus.py`. The
/// split cuts the encoded text into ``chunkCount`` contiguous chunks of equal length (the
/// last takes the remainder), shuffles the chunk numbers with ``splitSeed``, and gives the
/// first ``validationChunks`` to validation, the next ``calibrationChunks`` to calibration
/// and the rest to training; each split joins its chunks in text order. A validation passage
/// is therefore never interleaved with training text.
public struct ShakespeareCorpus: Hashable, Sendable {
  /// The vocabulary: every character of the whole text.
  public var vocabulary: CharacterVocabulary

  /// The training text's token ids.
  public var train: [Int]

  /// The validation text's token ids: measure the model here.
  public var validation: [Int]

  /// The calibration text's token ids: what one-shot pruning may look at.
  public var calibration: [Int]

  /// The resource file name.
  public static let fileName = "shakespeare.txt"

  /// The number of contiguous chunks the text is cut into.
  public static let chunkCount = 100

  /// Chunks that go to validation.
  public static let validationChunks = 5

  /// Chunks that go to calibration.
  public static let calibrationChunks = 5

  /// The seed of the chunk shuffle.
  public static let splitSeed: UInt64 = 12

  /// Splits a text as the shipped corpus is split.
  ///
  /// - Parameter text: At least ``chunkCount`` characters.
  /// - Throws: `PruningError.emptyInput` for a text shorter than ``chunkCount`` characters.
  public init(text: String) throws(PruningError) {
    vocabulary = try CharacterVocabulary(of: text)
    let tokens = try vocabulary.encode(text)
    guard tokens.count >= Self.chunkCount else {
      throw .emptyInput("a corpus of at least \(Self.chunkCount) characters; the text")
    }
    let chunkLength = tokens.count / Self.chunkCount
    var order = Array(0..<Self.chunkCount)
    var generator = SplitMix64(seed: Self.splitSeed)
    generator.shuffle(&order)
    let validationSet = Set(order[..<Self.validationChunks])
    let calibrationSet = Set(
      order[Self.validationChunks..<(Self.validationChunks + Self.calibrationChunks)])
    train = []
    validation = []
    calibration = []
    for chunk in 0..<Self.chunkCount {
      let start = chunk * chunkLength
      let end = chunk == Self.chunkCount - 1 ? tokens.count : start + chunkLength
      let piece = tokens[start..<end]
      if validationSet.contains(chunk) {
        validation += piece
      } else if calibrationSet.contains(chunk) {
        calibration += piece
      } else {
        train += piece
      }
    }
  }

  /// Loads and splits the shipped corpus.
  ///
  /// - Returns: The corpus.
  /// - Throws: `PruningError.resourceNotFound` when the file is missing.
  public static func load() throws(PruningError) -> ShakespeareCorpus {
    try ShakespeareCorpus(text: ResourceFiles.text(named: fileName))
  }

  /// Cuts token ids into consecutive, non-overlapping windows for evaluation.
  ///
  /// Window `i` is `tokens[i·length ..< i·length + length + 1]`: windows share one id, so
  /// every id after the first is a prediction target exactly once. A short tail is dropped.
  ///
  /// - Parameters:
  ///   - tokens: The ids.
  ///   - length: The inputs per window (a model's context length); at least 1.
  ///   - limit: The most windows to return, from the start.
  /// - Returns: Windows of `length + 1` ids, ready for
  ///   ``TransformerLanguageModel/meanCrossEntropy(sequences:)``.
  public static func windows(of tokens: [Int], length: Int, limit: Int = .max) -> [[Int]] {
    guard length >= 1 else { return [] }
    var windows: [[Int]] = []
    var start = 0
    while start + length + 1 <= tokens.count && windows.count < limit {
      windows.append(Array(tokens[start..<(start + length + 1)]))
      start += length
    }
    return windows
  }

  /// The unigram baseline: the cross-entropy, in nats per character, of predicting every
  /// token of `evaluated` from the character frequencies of ``train``.
  ///
  /// Counts get add-one (Laplace) smoothing, so a character absent from training text costs
  /// a finite amount. A model that learned nothing about context scores about this.
  ///
  /// - Parameter evaluated: The ids to score (by default ``validation``).
  /// - Returns: Nats per character.
  public func unigramCrossEntropy(of evaluated: [Int]? = nil) -> Double {
    var counts = [Double](repeating: 1, count: vocabulary.count)
    for token in train { counts[token] += 1 }
    let total = counts.reduce(0, +)
    let tokens = evaluated ?? validation
    var loss = 0.0
    for token in tokens where counts.indices.contains(token) {
      loss -= log(counts[token] / total)
    }
    return tokens.isEmpty ? 0 : loss / Double(tokens.count)
  }
}
