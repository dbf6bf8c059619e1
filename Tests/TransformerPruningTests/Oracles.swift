import Foundation
import PruningCore
import PruningTestSupport
import Testing

/// Tiny seeded models for the grading tests.
enum Models {
  /// Vocabulary 5, context 5, width 4, 2 heads of dimension 2, MLP width 3, 2 blocks.
  static let tiny = TransformerConfiguration(
    vocabularySize: 5, contextLength: 5, width: 4, headCount: 2, headDimension: 2,
    blockCount: 2, mlpWidth: 3)

  /// A random shape per seed: 1–2 blocks, 1–3 heads of dimension 1–2, width 3–5, MLP 2–4.
  static func configuration(seed: UInt64) -> TransformerConfiguration {
    var generator = SplitMix64(seed: seed &+ 101)
    func pick(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }
    return TransformerConfiguration(
      vocabularySize: pick(3...5), contextLength: 5, width: pick(3...5), headCount: pick(1...3),
      headDimension: pick(1...2), blockCount: pick(1...2), mlpWidth: pick(2...4))
  }

  /// A model whose every parameter (biases and layer norms too) is random, so that no slice is
  /// accidentally zero and attention is far from uniform.
  static func random(_ configuration: TransformerConfiguration, seed: UInt64) throws
    -> TransformerLanguageModel
  {
    var generator = SplitMix64(seed: seed)
    var model = try TransformerLanguageModel(configuration: configuration, using: &generator)
    for id in model.parameterTensorIDs {
      let old = try model.tensor(id)
      var scalars = (0..<old.count).map { _ in Float.random(in: -1...1, using: &generator) }
      if case .attentionNormGamma = id { scalars = scalars.map { 1 + $0 / 2 } }
      if case .mlpNormGamma = id { scalars = scalars.map { 1 + $0 / 2 } }
      if case .finalNormGamma = id { scalars = scalars.map { 1 + $0 / 2 } }
      try model.replaceTensor(id, with: Tensor(shape: old.shape, scalars: scalars))
    }
    try model.validate()
    return model
  }

  /// A sequence that reads every position and every token id of the model.
  static func coveringSequence(_ model: TransformerLanguageModel, seed: UInt64 = 0) -> [Int] {
    var generator = SplitMix64(seed: seed &+ 7)
    var tokens = Array(0..<model.vocabularySize)
    while tokens.count < model.contextLength {
      tokens.append(Int.random(in: 0..<model.vocabularySize, using: &generator))
    }
    generator.shuffle(&tokens)
    return Array(tokens.prefix(model.contextLength))
  }

  /// Seeded random sequences of 1 to `contextLength` ids.
  static func sequences(_ model: TransformerLanguageModel, count: Int, seed: UInt64) -> [[Int]] {
    var generator = SplitMix64(seed: seed &+ 11)
    return (0..<count).map { _ in
      let length = Int.random(in: 1...model.contextLength, using: &generator)
      return (0..<length).map { _ in Int.random(in: 0..<model.vocabularySize, using: &generator) }
    }
  }
}

/// Which scalars a unit's removal takes, found by brute force: every parameter scalar is set to
/// NaN in turn, and it belongs to the unit's group exactly when the reference with the unit
/// disabled still gives finite logits (the scalar is never read).
enum GroupOracle {
  /// `"tensor path" → sorted flat indices`.
  static func unreadScalars(
    disabling unit: StructuralUnit, in model: TransformerLanguageModel
  ) throws -> [String: [Int]] {
    let tokens = Models.coveringSequence(model)
    var result: [String: [Int]] = [:]
    for id in model.parameterTensorIDs {
      let tensor = try model.tensor(id)
      for index in 0..<tensor.count {
        var scalars = tensor.scalars
        scalars[index] = .nan
        var poisoned = model
        try poisoned.replaceTensor(id, with: Tensor(shape: tensor.shape, scalars: scalars))
        let logits = TransformerReference(poisoned, disabling: [unit]).run(tokens).logits
        if logits.allSatisfy({ $0.allSatisfy(\.isFinite) }) {
          result[id.description, default: []].append(index)
        }
      }
    }
    return result
  }

  /// The scalars a list of slices covers, `"tensor path" → sorted flat indices`.
  static func scalars(
    of slices: [ParameterSlice], in model: TransformerLanguageModel
  ) throws -> [String: [Int]] {
    var result: [String: Set<Int>] = [:]
    for slice in slices {
      let shape = try model.tensor(slice.tensor).shape
      result[slice.tensor.description, default: []].formUnion(try slice.flatIndices(in: shape))
    }
    return result.mapValues { $0.sorted() }
  }

  /// Records a failure that lists, tensor by tensor, the scalars missing from the group and
  /// those that should not be in it (at most a screenful).
  static func expectSameScalars(
    _ actual: [String: [Int]], _ expected: [String: [Int]], unit: StructuralUnit,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    var lines: [String] = []
    for name in Set(actual.keys).union(expected.keys).sorted() {
      let a = Set(actual[name] ?? [])
      let e = Set(expected[name] ?? [])
      let missing = e.subtracting(a).sorted()
      let extra = a.subtracting(e).sorted()
      if !missing.isEmpty { lines.append("  \(name): missing flat indices \(missing.prefix(12))") }
      if !extra.isEmpty { lines.append("  \(name): should not include \(extra.prefix(12))") }
    }
    if !lines.isEmpty {
      Issue.record(
        Comment(
          rawValue: "the group of \(unit) differs from the scalars its removal leaves unread:\n"
            + lines.prefix(16).joined(separator: "\n")),
        sourceLocation: sourceLocation)
    }
  }
}

/// The largest absolute difference between two logit tables, `[T][V]`.
func maxDifference(_ a: [[Double]], _ b: [[Double]]) -> Double {
  guard a.count == b.count else { return .infinity }
  var worst = 0.0
  for (x, y) in zip(a, b) {
    guard x.count == y.count else { return .infinity }
    for (u, v) in zip(x, y) { worst = Swift.max(worst, abs(u - v)) }
  }
  return worst
}

/// A `[T, V]` tensor as rows of doubles.
func rows(_ t: Tensor) -> [[Double]] {
  ReferenceAlgebra.rows(t)
}
