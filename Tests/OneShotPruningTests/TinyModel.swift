import Foundation
import PruningCore
import PruningTestSupport

/// A tiny seeded token model for the model-level tests: an embedding, then linear layers with
/// `tanh` between them, the last one producing next-token logits. Small enough for a debug build,
/// and its forward pass is written here, independently of the exercise.
struct TinyModel: LayerwisePrunable, NextTokenScoring {
  /// The embedding, one row of `widths[0]` per token.
  let embedding: [[Float]]
  /// Layer `l`'s weight, `[widths[l + 1], widths[l]]`; the last layer's outputs are logits.
  var weights: [Tensor]

  /// A model with random weights: `vocabulary` tokens, hidden widths in between.
  init(vocabulary: Int, hidden: [Int], seed: UInt64) {
    var generator = SplitMix64(seed: seed)
    let widths = [hidden[0]] + hidden.dropFirst() + [vocabulary]
    embedding = (0..<vocabulary).map { _ in
      (0..<widths[0]).map { _ in Float(generator.nextUnitDouble() * 2 - 1) }
    }
    weights = (0..<widths.count - 1).map { l in
      let scale = 1.5 / Double(widths[l]).squareRoot()
      let values = (0..<widths[l + 1] * widths[l]).map { _ in
        Float((generator.nextUnitDouble() * 2 - 1) * scale)
      }
      return (try? Tensor(shape: [widths[l + 1], widths[l]], scalars: values)) ?? Tensor([])
    }
  }

  var prunableLayers: [Int] { Array(weights.indices) }

  func weight(of layer: Int) throws(PruningError) -> Tensor {
    guard weights.indices.contains(layer) else {
      throw .indexOutOfRange(index: layer, count: weights.count)
    }
    return weights[layer]
  }

  mutating func setWeight(_ weight: Tensor, of layer: Int) throws(PruningError) {
    guard weights.indices.contains(layer) else {
      throw .indexOutOfRange(index: layer, count: weights.count)
    }
    guard weight.shape == weights[layer].shape else {
      throw .shapeMismatch(expected: weights[layer].shape, actual: weight.shape)
    }
    weights[layer] = weight
  }

  /// Every layer's input vector for one token, then the logits (`weights.count + 1` vectors).
  func forward(token: Int) -> [[Float]] {
    var vectors = [embedding[token]]
    for (l, w) in weights.enumerated() {
      let (out, n) = (w.shape[0], w.shape[1])
      let x = vectors[l]
      let y = (0..<out).map { r in
        let sum = (0..<n).reduce(Float(0)) { $0 + w.scalars[r * n + $1] * x[$1] }
        return l == weights.count - 1 ? sum : tanh(sum)
      }
      vectors.append(y)
    }
    return vectors
  }

  func layerInputs(of layer: Int, sequences: [[Int]]) throws(PruningError) -> Tensor {
    guard weights.indices.contains(layer) else {
      throw .indexOutOfRange(index: layer, count: weights.count)
    }
    let tokens = sequences.flatMap { $0 }
    guard !tokens.isEmpty else { throw .emptyInput("tokens") }
    let columns = tokens.map { forward(token: $0)[layer] }
    let n = weights[layer].shape[1]
    let values = (0..<n).flatMap { j in columns.map { $0[j] } }
    return try Tensor(shape: [n, tokens.count], scalars: values)
  }

  func meanCrossEntropy(sequences: [[Int]]) throws(PruningError) -> Double {
    var total = 0.0
    var count = 0
    for sequence in sequences where sequence.count > 1 {
      for (token, next) in zip(sequence, sequence.dropFirst()) {
        let logits = forward(token: token).last?.map(Double.init) ?? []
        let top = logits.max() ?? 0
        let logSum = log(logits.map { exp($0 - top) }.reduce(0, +)) + top
        total += logSum - logits[next]
        count += 1
      }
    }
    guard count > 0 else { throw .emptyInput("predicted tokens") }
    return total / Double(count)
  }

  /// Seeded token sequences.
  static func sequences(count: Int, length: Int, vocabulary: Int, seed: UInt64) -> [[Int]] {
    var generator = SplitMix64(seed: seed)
    return (0..<count).map { _ in (0..<length).map { _ in generator.nextInt(below: vocabulary) } }
  }
}

/// A model that reports a fixed cross-entropy, for perplexity's arithmetic.
struct FixedScoreModel: NextTokenScoring {
  let crossEntropy: Double
  func meanCrossEntropy(sequences: [[Int]]) throws(PruningError) -> Double { crossEntropy }
}
