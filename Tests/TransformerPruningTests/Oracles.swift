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

/// The transformer's forward pass written out slowly in `Double` from the model's public parts,
/// able to run with units switched off: the oracle of every grading test in this suite.
///
/// A disabled head or neuron is skipped (its output is 0 and its parameters are never read); a
/// disabled residual channel is left out of the stream altogether (the layer norms average over
/// the other channels); a disabled block is skipped.
struct Reference {
  /// The activations of one sequence.
  struct Pass {
    /// The residual stream before block 0 and after every block, `[blocks + 1][T][width]`
    /// (disabled channels hold 0).
    var streams: [[[Double]]] = []
    /// Per block: the heads' concatenated outputs `[T][heads·headDimension]`.
    var attended: [[[Double]]] = []
    /// Per block: the GELU activations `[T][mlpWidth]`.
    var activated: [[[Double]]] = []
    /// Per block: the attention and MLP layer norms' outputs `[T][width]`.
    var attentionNormed: [[[Double]]] = []
    var mlpNormed: [[[Double]]] = []
    /// `[T][vocabulary]`.
    var logits: [[Double]] = []
  }

  let model: TransformerLanguageModel
  var disabledHeads: Set<[Int]> = []
  var disabledNeurons: Set<[Int]> = []
  var disabledChannels: Set<Int> = []
  var disabledBlocks: Set<Int> = []

  init(_ model: TransformerLanguageModel) {
    self.model = model
  }

  init(_ model: TransformerLanguageModel, disabling units: [StructuralUnit]) {
    self.model = model
    for unit in units {
      switch unit {
      case .head(let block, let index): disabledHeads.insert([block, index])
      case .neuron(let block, let index): disabledNeurons.insert([block, index])
      case .residualChannel(let c): disabledChannels.insert(c)
      }
    }
  }

  func run(_ tokens: [Int]) -> Pass {
    var pass = Pass()
    let width = model.width
    let kept = (0..<width).filter { !disabledChannels.contains($0) }
    func norm(_ n: LayerNorm, _ x: [Double]) -> [Double] {
      let mean = kept.map { x[$0] }.reduce(0, +) / Double(kept.count)
      let variance =
        kept.map { (x[$0] - mean) * (x[$0] - mean) }.reduce(0, +) / Double(kept.count)
      let r = 1 / (variance + 1e-5).squareRoot()
      var y = [Double](repeating: 0, count: width)
      for c in kept { y[c] = (x[c] - mean) * r * Double(n.gamma[c]) + Double(n.beta[c]) }
      return y
    }
    // A layer that reads the stream: only kept input columns.
    func read(_ layer: Linear, _ x: [Double], row o: Int) -> Double {
      var sum = Double(layer.bias[o])
      for c in kept { sum += Double(layer.weight[o, c]) * x[c] }
      return sum
    }
    func gelu(_ u: Double) -> Double {
      0.5 * u * (1 + tanh((2 / Double.pi).squareRoot() * (u + 0.044715 * u * u * u)))
    }
    var x: [[Double]] = tokens.enumerated().map { t, token in
      (0..<width).map {
        kept.contains($0)
          ? Double(model.tokenEmbedding[token, $0]) + Double(model.positionEmbedding[t, $0]) : 0
      }
    }
    pass.streams.append(x)
    for (b, block) in model.blocks.enumerated() {
      let hd = block.headDimension
      let heads = block.headCount
      let a = x.map { norm(block.attentionNorm, $0) }
      var z = [[Double]](repeating: [Double](repeating: 0, count: heads * hd), count: x.count)
      for h in 0..<heads where !disabledHeads.contains([b, h]) {
        let rows = (h * hd)..<((h + 1) * hd)
        let q = a.map { v in rows.map { read(block.query, v, row: $0) } }
        let k = a.map { v in rows.map { read(block.key, v, row: $0) } }
        let v = a.map { v in rows.map { read(block.value, v, row: $0) } }
        for i in x.indices {
          let scores = (0...i).map { j in
            zip(q[i], k[j]).map { $0 * $1 }.reduce(0, +) / Double(hd).squareRoot()
          }
          let top = scores.reduce(-Double.infinity) { Swift.max($0, $1) }
          let e = scores.map { exp($0 - top) }
          let total = e.reduce(0, +)
          for j in 0...i {
            for (r, row) in rows.enumerated() { z[i][row] += e[j] / total * v[j][r] }
          }
        }
      }
      for t in x.indices {
        for o in kept {
          var sum = Double(block.output.bias[o])
          for h in 0..<heads where !disabledHeads.contains([b, h]) {
            for r in (h * hd)..<((h + 1) * hd) {
              sum += Double(block.output.weight[o, r]) * z[t][r]
            }
          }
          x[t][o] += sum
        }
      }
      let m = x.map { norm(block.mlpNorm, $0) }
      var g = [[Double]](repeating: [Double](repeating: 0, count: block.mlpWidth), count: x.count)
      for t in x.indices {
        for i in 0..<block.mlpWidth where !disabledNeurons.contains([b, i]) {
          g[t][i] = gelu(read(block.mlpUp, m[t], row: i))
        }
        for o in kept {
          var sum = Double(block.mlpDown.bias[o])
          for i in 0..<block.mlpWidth where !disabledNeurons.contains([b, i]) {
            sum += Double(block.mlpDown.weight[o, i]) * g[t][i]
          }
          x[t][o] += sum
        }
      }
      if disabledBlocks.contains(b) {
        x = pass.streams.last ?? x
      }
      pass.streams.append(x)
      pass.attended.append(z)
      pass.activated.append(g)
      pass.attentionNormed.append(a)
      pass.mlpNormed.append(m)
    }
    pass.logits = x.map { v in
      let y = norm(model.finalNorm, v)
      return (0..<model.vocabularySize).map { read(model.head, y, row: $0) }
    }
    return pass
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
        let logits = Reference(poisoned, disabling: [unit]).run(tokens).logits
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
  (0..<t.shape[0]).map { r in (0..<t.shape[1]).map { Double(t[r, $0]) } }
}
