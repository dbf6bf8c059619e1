/// A decoder-only, character-level transformer language model, small enough to train on a
/// laptop core in minutes.
///
/// Token and position embeddings feed a stack of pre-LayerNorm ``TransformerBlock``s (causal
/// multi-head self-attention, then a GELU MLP, each added to the residual stream); a final
/// ``LayerNorm`` and the ``head`` turn each position into logits over the next token. Forward
/// and backward passes are written out over raw buffers (no automatic differentiation) and add
/// in a fixed order, so the same weights give the same bits in debug and release builds.
///
/// ```swift
/// var generator = SplitMix64(seed: 1)
/// let model = try TransformerLanguageModel(configuration: tiny, using: &generator)
/// let logits = try model.logits(for: [3, 1, 4])        // [3, vocabularySize]
/// let loss = try model.meanCrossEntropy(sequences: [[3, 1, 4, 1]])   // nats
/// ```
public struct TransformerLanguageModel: Hashable, Sendable {
  /// The token embedding, `[vocabularySize, width]`.
  public var tokenEmbedding: Tensor

  /// The learned position embedding, `[contextLength, width]`.
  public var positionEmbedding: Tensor

  /// The transformer blocks, input first.
  public var blocks: [TransformerBlock]

  /// The layer norm after the last block.
  public var finalNorm: LayerNorm

  /// The language-model head, `[vocabularySize, width]`.
  public var head: Linear

  /// The standard deviation of the initial embeddings and weights (GPT-2's).
  public static let initialStandardDeviation: Float = 0.02

  /// Creates a model with seeded random weights.
  ///
  /// Embeddings and weights are drawn from N(0, 0.02²), the two projections that write into
  /// the residual stream (``TransformerBlock/output`` and ``TransformerBlock/mlpDown``) from
  /// N(0, (0.02 / √(2·blockCount))²) as in GPT-2; biases are 0, layer norms the identity.
  ///
  /// - Parameters:
  ///   - configuration: The shape.
  ///   - generator: The seeded generator; the same seed gives the same model.
  /// - Throws: `PruningError.invalidHyperparameter` when a size is out of range.
  public init(
    configuration: TransformerConfiguration, using generator: inout SplitMix64
  ) throws(PruningError) {
    try configuration.validate()
    let c = configuration
    let std = Self.initialStandardDeviation
    let residualStd = std / Float(2 * max(c.blockCount, 1)).squareRoot()
    let attention = c.headCount * c.headDimension
    tokenEmbedding = try Tensor.randomNormal(
      shape: [c.vocabularySize, c.width], standardDeviation: std, using: &generator)
    positionEmbedding = try Tensor.randomNormal(
      shape: [c.contextLength, c.width], standardDeviation: std, using: &generator)
    var blocks: [TransformerBlock] = []
    for _ in 0..<c.blockCount {
      let query = try Linear(
        inputs: c.width, outputs: attention, standardDeviation: std, using: &generator)
      let key = try Linear(
        inputs: c.width, outputs: attention, standardDeviation: std, using: &generator)
      let value = try Linear(
        inputs: c.width, outputs: attention, standardDeviation: std, using: &generator)
      let output = try Linear(
        inputs: attention, outputs: c.width, standardDeviation: residualStd, using: &generator)
      let up = try Linear(
        inputs: c.width, outputs: c.mlpWidth, standardDeviation: std, using: &generator)
      let down = try Linear(
        inputs: c.mlpWidth, outputs: c.width, standardDeviation: residualStd, using: &generator)
      blocks.append(
        try TransformerBlock(
          attentionNorm: LayerNorm(width: c.width), query: query, key: key, value: value,
          output: output, mlpNorm: LayerNorm(width: c.width), mlpUp: up, mlpDown: down,
          headDimension: c.headDimension))
    }
    self.blocks = blocks
    finalNorm = LayerNorm(width: c.width)
    head = try Linear(
      inputs: c.width, outputs: c.vocabularySize, standardDeviation: std, using: &generator)
  }

  /// Creates a model from its parts.
  ///
  /// - Parameters:
  ///   - tokenEmbedding: `[vocabularySize, width]`.
  ///   - positionEmbedding: `[contextLength, width]`.
  ///   - blocks: The blocks, each fitting `width`.
  ///   - finalNorm: `[width]`.
  ///   - head: `[vocabularySize, width]`.
  /// - Throws: `PruningError.shapeMismatch`, `.rankMismatch` or `.invalidHyperparameter` when
  ///   the parts do not fit together (see ``validate()``); `PruningError.nonFiniteWeight` for a
  ///   NaN or infinite parameter.
  public init(
    tokenEmbedding: Tensor, positionEmbedding: Tensor, blocks: [TransformerBlock],
    finalNorm: LayerNorm, head: Linear
  ) throws(PruningError) {
    self.tokenEmbedding = tokenEmbedding
    self.positionEmbedding = positionEmbedding
    self.blocks = blocks
    self.finalNorm = finalNorm
    self.head = head
    try validate()
  }

  /// The number of token ids, `tokenEmbedding.shape[0]`.
  public var vocabularySize: Int { tokenEmbedding.rank == 2 ? tokenEmbedding.shape[0] : 0 }

  /// The longest sequence the model reads, `positionEmbedding.shape[0]`.
  public var contextLength: Int {
    positionEmbedding.rank == 2 ? positionEmbedding.shape[0] : 0
  }

  /// The residual-stream width, `tokenEmbedding.shape[1]`.
  public var width: Int { tokenEmbedding.rank == 2 ? tokenEmbedding.shape[1] : 0 }

  /// The number of trainable scalars.
  public var parameterCount: Int {
    var count = 0
    var copy = self
    copy.forEachParameter { tensor, _ in count += tensor.count }
    return count
  }

  /// The configuration that describes this model, read from its shapes.
  ///
  /// `headCount` and `mlpWidth` are block 0's (blocks may differ after structured pruning);
  /// a model without blocks reports 1 head of dimension 1 and MLP width 1.
  public var configuration: TransformerConfiguration {
    TransformerConfiguration(
      vocabularySize: vocabularySize, contextLength: contextLength, width: width,
      headCount: blocks.first?.headCount ?? 1, headDimension: blocks.first?.headDimension ?? 1,
      blockCount: blocks.count, mlpWidth: blocks.first?.mlpWidth ?? 1)
  }

  /// Throws unless the parts fit together and every parameter is finite.
  ///
  /// - Throws: `PruningError.rankMismatch` for an embedding that is not 2-D;
  ///   `PruningError.shapeMismatch` for the first tensor whose shape does not fit;
  ///   `PruningError.invalidHyperparameter` for an empty vocabulary, context or width, or a
  ///   head dimension below 1; `PruningError.nonFiniteWeight` for a NaN or infinite parameter.
  /// - Complexity: O(*parameters*).
  public func validate() throws(PruningError) {
    guard tokenEmbedding.rank == 2 else {
      throw .rankMismatch(expected: 2, actual: tokenEmbedding.shape)
    }
    guard positionEmbedding.rank == 2 else {
      throw .rankMismatch(expected: 2, actual: positionEmbedding.shape)
    }
    for (name, value) in [
      ("vocabularySize", vocabularySize), ("contextLength", contextLength), ("width", width),
    ] where value < 1 {
      throw .invalidHyperparameter(name: name, value: Double(value))
    }
    guard positionEmbedding.shape[1] == width else {
      throw .shapeMismatch(expected: [contextLength, width], actual: positionEmbedding.shape)
    }
    for block in blocks {
      try block.validate(width: width)
    }
    for (tensor, shape) in [
      (finalNorm.gamma, [width]), (finalNorm.beta, [width]),
      (head.weight, [vocabularySize, width]), (head.bias, [vocabularySize]),
    ] where tensor.shape != shape {
      throw .shapeMismatch(expected: shape, actual: tensor.shape)
    }
    var copy = self
    var failure: PruningError?
    copy.forEachParameter { tensor, _ in
      guard failure == nil else { return }
      do throws(PruningError) {
        try tensor.validateFinite()
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
  }

  /// The logits of the next token at every position of one sequence.
  ///
  /// Row `t` scores the token that follows `tokens[0...t]`; it depends on no later token.
  ///
  /// - Parameter tokens: Between 1 and ``contextLength`` token ids, each in
  ///   `0..<vocabularySize`.
  /// - Returns: A `[tokens.count, vocabularySize]` tensor.
  /// - Throws: `PruningError.emptyInput` for no tokens; `PruningError.sequenceTooLong` for more
  ///   than ``contextLength``; `PruningError.tokenOutOfRange` for an id outside the
  ///   vocabulary; the errors of ``validate()`` for a broken model.
  /// - Complexity: O(*T*·*parameters* + *T*²·*width*) for *T* tokens.
  public func logits(for tokens: [Int]) throws(PruningError) -> Tensor {
    try validate()
    let layout = try SequenceLayout(inputs: [tokens], model: self)
    let trace = forward(layout)
    return Tensor(checkedShape: [tokens.count, vocabularySize], scalars: trace.logits)
  }

  /// The mean next-token cross-entropy, in nats, over every predicted position of the
  /// sequences.
  ///
  /// Each sequence of *n* ids predicts `ids[1...]` from `ids[..<(n − 1)]`; the mean is over all
  /// the sequences' predictions together. Multiply by `1 / ln 2` for bits per token;
  /// `exp` of it is the perplexity. Sequences are evaluated in chunks on up to two threads;
  /// chunk sums are added in a fixed order, so the result does not depend on scheduling.
  ///
  /// - Parameter sequences: At least one sequence; each of 2 to ``contextLength`` + 1 ids in
  ///   `0..<vocabularySize`.
  /// - Returns: The mean loss in nats.
  /// - Throws: `PruningError.emptyInput` for no sequences; `PruningError.invalidArgument` for
  ///   a sequence of fewer than 2 ids; `PruningError.sequenceTooLong` (with the input length,
  ///   ids − 1) for more than ``contextLength`` + 1 ids;
  ///   `PruningError.tokenOutOfRange`; the errors of ``validate()``.
  public func meanCrossEntropy(sequences: [[Int]]) throws(PruningError) -> Double {
    try validate()
    let chunks = try Self.chunks(of: sequences, model: self)
    let sums = Self.parallelMap(chunks) { chunk in
      let trace = forward(chunk.layout)
      return Self.crossEntropy(
        logits: trace.logits, targets: chunk.targets, vocabulary: vocabularySize,
        gradientScale: nil
      ).loss
    }
    var total = 0.0
    for sum in sums { total += sum }
    let count = chunks.reduce(0) { $0 + $1.targets.count }
    return total / Double(count)
  }
}
