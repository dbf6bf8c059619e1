/// The shape of a ``TransformerLanguageModel``: vocabulary, context, widths and depth.
///
/// ```swift
/// let tiny = TransformerConfiguration(
///   vocabularySize: 7, contextLength: 5, width: 8, headCount: 2, headDimension: 4,
///   blockCount: 2, mlpWidth: 16)
/// ```
public struct TransformerConfiguration: Hashable, Sendable, Codable {
  /// The number of token ids, `0..<vocabularySize`.
  public var vocabularySize: Int

  /// The most tokens the model reads at once (the rows of the position embedding).
  public var contextLength: Int

  /// The width of the residual stream (the embedding size).
  public var width: Int

  /// The attention heads per block.
  public var headCount: Int

  /// The width of each head's queries, keys and values.
  public var headDimension: Int

  /// The number of transformer blocks.
  public var blockCount: Int

  /// The hidden units of each block's MLP.
  public var mlpWidth: Int

  /// Creates a configuration.
  ///
  /// - Parameters:
  ///   - vocabularySize: The number of token ids.
  ///   - contextLength: The longest sequence the model reads.
  ///   - width: The residual-stream width.
  ///   - headCount: The attention heads per block.
  ///   - headDimension: The width of each head.
  ///   - blockCount: The number of blocks.
  ///   - mlpWidth: The hidden units of each MLP.
  public init(
    vocabularySize: Int, contextLength: Int, width: Int, headCount: Int, headDimension: Int,
    blockCount: Int, mlpWidth: Int
  ) {
    self.vocabularySize = vocabularySize
    self.contextLength = contextLength
    self.width = width
    self.headCount = headCount
    self.headDimension = headDimension
    self.blockCount = blockCount
    self.mlpWidth = mlpWidth
  }

  /// The number of trainable scalars a model of this shape has.
  public var parameterCount: Int {
    let attention = headCount * headDimension
    let block =
      4 * width + 3 * (attention * width + attention) + (width * attention + width)
      + (mlpWidth * width + mlpWidth) + (width * mlpWidth + width)
    return vocabularySize * width + contextLength * width + blockCount * block + 2 * width
      + vocabularySize * width + vocabularySize
  }

  /// Throws unless every size is at least 1 (`blockCount` may be 0).
  ///
  /// - Throws: `PruningError.invalidHyperparameter` naming the first size out of range.
  public func validate() throws(PruningError) {
    let sizes: [(String, Int, Int)] = [
      ("vocabularySize", vocabularySize, 1), ("contextLength", contextLength, 1),
      ("width", width, 1), ("headCount", headCount, 1), ("headDimension", headDimension, 1),
      ("blockCount", blockCount, 0), ("mlpWidth", mlpWidth, 1),
    ]
    for (name, value, smallest) in sizes where value < smallest {
      throw .invalidHyperparameter(name: name, value: Double(value))
    }
  }
}
