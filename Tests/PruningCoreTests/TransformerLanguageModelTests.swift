import Foundation
import PruningCore
import PruningTestSupport
import Testing

/// The tiny shape the tests use: vocabulary 7, context 5, width 8, 2 heads of 4, 2 blocks.
let tinyTransformer = TransformerConfiguration(
  vocabularySize: 7, contextLength: 5, width: 8, headCount: 2, headDimension: 4, blockCount: 2,
  mlpWidth: 16)

/// A tiny model whose every parameter (norms and biases too) is random, so no gradient or
/// path is trivially zero.
func randomTinyModel(seed: UInt64, configuration: TransformerConfiguration = tinyTransformer)
  throws -> TransformerLanguageModel
{
  var generator = SplitMix64(seed: seed)
  var model = try TransformerLanguageModel(configuration: configuration, using: &generator)
  func randomise(_ t: inout Tensor, around centre: Float, spread: Float) throws {
    t = try Tensor(
      shape: t.shape,
      scalars: (0..<t.count).map { _ in centre + generator.nextFloat(in: -spread...spread) })
  }
  try randomise(&model.tokenEmbedding, around: 0, spread: 1)
  try randomise(&model.positionEmbedding, around: 0, spread: 0.5)
  for b in model.blocks.indices {
    try randomise(&model.blocks[b].attentionNorm.gamma, around: 1, spread: 0.3)
    try randomise(&model.blocks[b].attentionNorm.beta, around: 0, spread: 0.3)
    try randomise(&model.blocks[b].mlpNorm.gamma, around: 1, spread: 0.3)
    try randomise(&model.blocks[b].mlpNorm.beta, around: 0, spread: 0.3)
    for kind in LinearKind.allCases {
      let id = LinearLayerID(block: b, kind: kind)
      var weight = try model.linear(id).weight
      try randomise(&weight, around: 0, spread: 0.6)
      try model.setWeight(weight, of: id)
    }
    try randomise(&model.blocks[b].query.bias, around: 0, spread: 0.2)
    try randomise(&model.blocks[b].key.bias, around: 0, spread: 0.2)
    try randomise(&model.blocks[b].value.bias, around: 0, spread: 0.2)
    try randomise(&model.blocks[b].output.bias, around: 0, spread: 0.2)
    try randomise(&model.blocks[b].mlpUp.bias, around: 0, spread: 0.2)
    try randomise(&model.blocks[b].mlpDown.bias, around: 0, spread: 0.2)
  }
  try randomise(&model.finalNorm.gamma, around: 1, spread: 0.3)
  try randomise(&model.finalNorm.beta, around: 0, spread: 0.3)
  try randomise(&model.head.weight, around: 0, spread: 0.6)
  try randomise(&model.head.bias, around: 0, spread: 0.2)
  return model
}

/// Random token ids.
func randomTokens(count: Int, vocabulary: Int, generator: inout SplitMix64) -> [Int] {
  (0..<count).map { _ in generator.nextInt(below: vocabulary) }
}

@Suite("The tiny transformer language model: shapes, forward pass, layers")
struct TransformerLanguageModelTests {
  @Test("A new model has the configured shapes and parameter count")
  func shapes() throws {
    var generator = SplitMix64(seed: 1)
    let model = try TransformerLanguageModel(configuration: tinyTransformer, using: &generator)
    #expect(model.tokenEmbedding.shape == [7, 8])
    #expect(model.positionEmbedding.shape == [5, 8])
    #expect(model.blocks.count == 2)
    let block = model.blocks[1]
    #expect(block.query.weight.shape == [8, 8])
    #expect(block.output.weight.shape == [8, 8])
    #expect(block.mlpUp.weight.shape == [16, 8])
    #expect(block.mlpDown.weight.shape == [8, 16])
    #expect(block.headCount == 2)
    #expect(block.mlpWidth == 16)
    #expect(model.head.weight.shape == [7, 8])
    let counted = model.parameterCount
    let expected = tinyTransformer.parameterCount
    // 56 + 40 + 2 × (16 + 3 × 72 + 72 + 16 + 144 + 136) + 16 + 56 + 7
    #expect(counted == 1375)
    #expect(expected == 1375)
    #expect(model.configuration == tinyTransformer)
    let logits = try model.logits(for: [1, 2, 3])
    #expect(logits.shape == [3, 7])
  }

  @Test("Logits match a Double reference forward pass", arguments: [UInt64(1), 2, 3])
  func logitsMatchReference(seed: UInt64) throws {
    let model = try randomTinyModel(seed: seed)
    var generator = SplitMix64(seed: seed &+ 100)
    for length in [1, 3, 5] {
      let tokens = randomTokens(count: length, vocabulary: 7, generator: &generator)
      let actual = try model.logits(for: tokens)
      let reference = TransformerReference(model).run(tokens).logits
      let expected = try Tensor(rows: reference.map { $0.map { Float($0) } })
      expectClose(actual, expected, tolerance: 1e-4, "tokens \(tokens)")
    }
  }

  @Test("Changing a later token never changes earlier logits", arguments: [UInt64(4), 5, 6])
  func causality(seed: UInt64) throws {
    let model = try randomTinyModel(seed: seed)
    var generator = SplitMix64(seed: seed)
    let tokens = randomTokens(count: 5, vocabulary: 7, generator: &generator)
    let base = try model.logits(for: tokens)
    for position in 1..<5 {
      var changed = tokens
      changed[position] = (tokens[position] + 1 + generator.nextInt(below: 6)) % 7
      let other = try model.logits(for: changed)
      let before = Array(base.scalars[..<(position * 7)])
      let after = Array(other.scalars[..<(position * 7)])
      #expect(before == after, "rows before \(position) changed when token \(position) did")
      let at = Array(other.scalars[(position * 7)..<((position + 1) * 7)])
      let was = Array(base.scalars[(position * 7)..<((position + 1) * 7)])
      #expect(at != was, "row \(position) ignored its own token")
    }
  }

  @Test("Mean cross-entropy matches the reference, across chunk boundaries")
  func meanCrossEntropy() throws {
    let model = try randomTinyModel(seed: 7)
    var generator = SplitMix64(seed: 8)
    let sequences = (0..<37).map { index in
      randomTokens(count: 2 + index % 5, vocabulary: 7, generator: &generator)
    }
    let actual = try model.meanCrossEntropy(sequences: sequences)
    let expected = TransformerReference(model).meanCrossEntropy(sequences)
    expectClose(actual, expected, tolerance: 1e-5)
  }
}

@Suite("The tiny transformer: layer addressing, layer inputs and bad input")
struct TransformerLayerTests {
  @Test("prunableLayers lists every block's six layers in forward order, by path")
  func prunableLayers() throws {
    let model = try randomTinyModel(seed: 1)
    let names = model.prunableLayers.map(\.description)
    #expect(
      names == [
        "blocks.0.attention.query", "blocks.0.attention.key", "blocks.0.attention.value",
        "blocks.0.attention.output", "blocks.0.mlp.up", "blocks.0.mlp.down",
        "blocks.1.attention.query", "blocks.1.attention.key", "blocks.1.attention.value",
        "blocks.1.attention.output", "blocks.1.mlp.up", "blocks.1.mlp.down",
      ])
    let down = try model.linear(LinearLayerID(block: 1, kind: .mlpDown))
    #expect(down == model.blocks[1].mlpDown)
    let key = try model.linear(LinearLayerID(block: 0, kind: .key))
    #expect(key == model.blocks[0].key)
  }

  @Test(
    "layerInputs equals the reference's activations, a column per token",
    arguments: [
      UInt64(1), 2,
    ])
  func layerInputs(seed: UInt64) throws {
    let model = try randomTinyModel(seed: seed)
    var generator = SplitMix64(seed: seed &+ 9)
    let sequences = [5, 3].map { randomTokens(count: $0, vocabulary: 7, generator: &generator) }
    let passes = sequences.map { TransformerReference(model).run($0) }
    for id in model.prunableLayers {
      let actual = try model.layerInputs(of: id, sequences: sequences)
      var rows: [[Double]] = []
      for pass in passes {
        switch id.kind {
        case .query, .key, .value: rows += pass.attentionNormed[id.block]
        case .output: rows += pass.attended[id.block]
        case .mlpUp: rows += pass.mlpNormed[id.block]
        case .mlpDown: rows += pass.activated[id.block]
        }
      }
      // X is [inputs, tokens]: the reference's rows, transposed.
      let features = rows[0].count
      let expected = try Tensor(
        rows: (0..<features).map { f in rows.map { Float($0[f]) } })
      expectClose(actual, expected, tolerance: 1e-4, "\(id)")
    }
  }

  @Test("Block 0's query inputs are the layer-normed embeddings, transposed")
  func firstLayerInputs() throws {
    let model = try randomTinyModel(seed: 3)
    let tokens = [2, 0, 6]
    let x = try model.layerInputs(
      of: LinearLayerID(block: 0, kind: .query), sequences: [tokens])
    #expect(x.shape == [8, 3])
    for (t, token) in tokens.enumerated() {
      let embedded = (0..<8).map {
        Double(model.tokenEmbedding[token, $0]) + Double(model.positionEmbedding[t, $0])
      }
      let normed = TransformerReference.norm(model.blocks[0].attentionNorm, embedded)
      expectClose((0..<8).map { x[$0, t] }, normed.map { Float($0) }, tolerance: 1e-5, "token \(t)")
    }
  }

  @Test("setWeight changes the logits as the reference says, and keeps the bias")
  func setWeight() throws {
    var model = try randomTinyModel(seed: 4)
    let tokens = [1, 5, 2, 2]
    let before = try model.logits(for: tokens)
    let id = LinearLayerID(block: 1, kind: .mlpDown)
    let bias = try model.linear(id).bias
    var generator = SplitMix64(seed: 40)
    let weight = try Tensor.random(shape: [8, 16], in: -1...1, using: &generator)
    try model.setWeight(weight, of: id)
    let changed = try model.linear(id)
    #expect(changed.weight == weight)
    #expect(changed.bias == bias)
    let after = try model.logits(for: tokens)
    #expect(after != before, "new mlp.down weights left the logits as they were")
    let expected = try Tensor(
      rows: TransformerReference(model).run(tokens).logits.map { $0.map { Float($0) } })
    expectClose(after, expected, tolerance: 1e-4)
  }

  @Test("Bad token ids and lengths throw the exact error")
  func badSequences() throws {
    let model = try randomTinyModel(seed: 5)
    #expect(throws: PruningError.tokenOutOfRange(token: 7, vocabularySize: 7)) {
      try model.logits(for: [1, 7])
    }
    #expect(throws: PruningError.tokenOutOfRange(token: -1, vocabularySize: 7)) {
      try model.logits(for: [-1])
    }
    #expect(throws: PruningError.sequenceTooLong(length: 6, contextLength: 5)) {
      try model.logits(for: [1, 2, 3, 4, 5, 6])
    }
    #expect(throws: PruningError.emptyInput("token sequence")) {
      try model.logits(for: [])
    }
    #expect(throws: PruningError.sequenceTooLong(length: 6, contextLength: 5)) {
      try model.meanCrossEntropy(sequences: [[1, 2], [0, 1, 2, 3, 4, 5, 6]])
    }
    #expect(throws: PruningError.tokenOutOfRange(token: 9, vocabularySize: 7)) {
      try model.meanCrossEntropy(sequences: [[1, 9]])
    }
    #expect(
      throws: PruningError.invalidArgument(
        "a sequence needs at least 2 ids (an input and a target), got 1")
    ) {
      try model.meanCrossEntropy(sequences: [[1]])
    }
    #expect(throws: PruningError.emptyInput("sequences")) {
      try model.meanCrossEntropy(sequences: [])
    }
    #expect(throws: PruningError.sequenceTooLong(length: 6, contextLength: 5)) {
      try model.layerInputs(
        of: LinearLayerID(block: 0, kind: .value), sequences: [[1, 2, 3, 4, 5, 6]])
    }
    #expect(throws: PruningError.indexOutOfRange(index: 2, count: 2)) {
      try model.layerInputs(of: LinearLayerID(block: 2, kind: .value), sequences: [[1]])
    }
  }

  @Test("Bad weights, shapes and configurations throw the exact error")
  func badModels() throws {
    var model = try randomTinyModel(seed: 6)
    let id = LinearLayerID(block: 0, kind: .output)
    #expect(throws: PruningError.shapeMismatch(expected: [8, 8], actual: [8, 7])) {
      try model.setWeight(Tensor(zeros: [8, 7]), of: id)
    }
    var nan = try Tensor(zeros: [8, 8])
    nan[1, 2] = .nan
    #expect(throws: PruningError.nonFiniteWeight(position: [1, 2], kind: .nan)) {
      try model.setWeight(nan, of: id)
    }
    #expect(throws: PruningError.indexOutOfRange(index: 2, count: 2)) {
      try model.setWeight(Tensor(zeros: [8, 8]), of: LinearLayerID(block: 2, kind: .query))
    }
    var broken = model
    broken.tokenEmbedding[3, 4] = .infinity
    #expect(throws: PruningError.nonFiniteWeight(position: [3, 4], kind: .positiveInfinity)) {
      try broken.logits(for: [1])
    }
    broken = model
    broken.head.bias = Tensor([1, 2])
    #expect(throws: PruningError.shapeMismatch(expected: [7], actual: [2])) {
      try broken.meanCrossEntropy(sequences: [[1, 2]])
    }
    broken = model
    broken.blocks[1].mlpDown.weight = try Tensor(zeros: [8, 15])
    #expect(throws: PruningError.shapeMismatch(expected: [8, 16], actual: [8, 15])) {
      try broken.logits(for: [1])
    }
    var configuration = tinyTransformer
    configuration.headCount = 0
    var generator = SplitMix64(seed: 1)
    #expect(throws: PruningError.invalidHyperparameter(name: "headCount", value: 0)) {
      try TransformerLanguageModel(configuration: configuration, using: &generator)
    }
    model.blocks[0].headDimension = 3
    #expect(throws: PruningError.shapeMismatch(expected: [6, 8], actual: [8, 8])) {
      try model.logits(for: [1])
    }
  }

  @Test("A block with fewer heads and MLP units than another still runs and matches the reference")
  func narrowerBlock() throws {
    var model = try randomTinyModel(seed: 8)
    let block = model.blocks[1]
    // Keep head 1 only (rows 4..<8 of q, k, v; columns 4..<8 of output) and 10 MLP units.
    func rows(_ t: Tensor, _ range: Range<Int>) throws -> Tensor {
      try Tensor(rows: range.map { r in (0..<t.shape[1]).map { t[r, $0] } })
    }
    func columns(_ t: Tensor, _ range: Range<Int>) throws -> Tensor {
      try Tensor(rows: (0..<t.shape[0]).map { r in range.map { t[r, $0] } })
    }
    func slice(_ l: Linear, _ range: Range<Int>) throws -> Linear {
      try Linear(weight: rows(l.weight, range), bias: Tensor(range.map { l.bias[$0] }))
    }
    model.blocks[1] = try TransformerBlock(
      attentionNorm: block.attentionNorm, query: slice(block.query, 4..<8),
      key: slice(block.key, 4..<8), value: slice(block.value, 4..<8),
      output: Linear(weight: columns(block.output.weight, 4..<8), bias: block.output.bias),
      mlpNorm: block.mlpNorm, mlpUp: slice(block.mlpUp, 0..<10),
      mlpDown: Linear(weight: columns(block.mlpDown.weight, 0..<10), bias: block.mlpDown.bias),
      headDimension: 4)
    #expect(model.blocks[1].headCount == 1)
    #expect(model.blocks[1].mlpWidth == 10)
    let tokens = [3, 3, 1, 0, 6]
    let expected = try Tensor(
      rows: TransformerReference(model).run(tokens).logits.map { $0.map { Float($0) } })
    expectClose(try model.logits(for: tokens), expected, tolerance: 1e-4)
  }
}

@Suite("The language model's error descriptions")
struct LanguageModelErrorDescriptionTests {
  @Test(
    "Each error says what was wrong and where",
    arguments: [
      (
        PruningError.tokenOutOfRange(token: 7, vocabularySize: 7),
        "token id 7 is out of range 0..<7"
      ),
      (
        .sequenceTooLong(length: 6, contextLength: 5),
        "a sequence of 6 tokens is longer than the context of 5"
      ),
      (.unknownCharacter("z", offset: 2), "character \"z\" at offset 2 is not in the vocabulary"),
      (
        .unknownCharacter("\t", offset: 0), "character \"\\t\" at offset 0 is not in the vocabulary"
      ),
    ])
  func descriptions(error: PruningError, expected: String) {
    #expect(error.description == expected)
  }
}
