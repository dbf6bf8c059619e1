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
      let reference = TransformerReference(model: model).run(tokens).logits
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
    let expected = TransformerReference(model: model).meanCrossEntropy(sequences)
    expectClose(actual, expected, tolerance: 1e-5)
  }
}
