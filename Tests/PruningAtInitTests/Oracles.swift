import Foundation
import PruningCore
import PruningTestSupport

/// Independent reference answers the tests compare against: plain, slow and obvious, in `Double`.
enum Oracle {
  /// Python's `round`: half to even, on the exact `Double` product.
  static func roundHalfEven(_ value: Double) -> Int {
    ReferenceRanking.roundHalfEven(value)
  }

  /// Ranks by `(value, index)` ascending (signed values) and prunes the first `k` candidates.
  static func keep(_ values: [Float], prune k: Int, candidates: [Bool]? = nil) -> [Bool] {
    let candidates = candidates ?? Array(repeating: true, count: values.count)
    let order = values.indices.filter { candidates[$0] }.sorted { a, b in
      values[a] != values[b] ? values[a] < values[b] : a < b
    }
    var keep = candidates
    for index in order.prefix(k) { keep[index] = false }
    return keep
  }

  /// The network's weights and biases in `Double`, masked weights set to 0.
  struct Parameters {
    var weights: [[[Double]]]  // [layer][row][column]
    var biases: [[Double]]

    init(_ model: MLP, masks: [Mask]? = nil) {
      weights = model.layers.enumerated().map { index, layer in
        (0..<layer.outputSize).map { row in
          (0..<layer.inputSize).map { column in
            let flat = row * layer.inputSize + column
            let kept = masks.map { $0[index].isKept[flat] } ?? true
            return kept ? Double(layer.weight.scalars[flat]) : 0
          }
        }
      }
      biases = model.layers.map { $0.bias.scalars.map(Double.init) }
    }
  }

  /// A plain forward pass: ReLU between layers, logits out.
  static func logits(_ p: Parameters, input: [Double]) -> [Double] {
    var x = input
    for layer in p.weights.indices {
      var y = p.biases[layer]
      for row in y.indices {
        for column in x.indices { y[row] += p.weights[layer][row][column] * x[column] }
      }
      x = layer < p.weights.count - 1 ? y.map { max(0, $0) } : y
    }
    return x
  }

  /// The mean softmax cross-entropy of a batch.
  static func loss(_ p: Parameters, batch: LabeledExamples) -> Double {
    let width = batch.featureCount
    var total = 0.0
    for example in 0..<batch.count {
      let input = (0..<width).map { Double(batch.features.scalars[example * width + $0]) }
      let z = logits(p, input: input)
      let top = z.max() ?? 0
      let logSum = top + log(z.map { exp($0 - top) }.reduce(0, +))
      total += logSum - z[batch.labels[example]]
    }
    return total / Double(batch.count)
  }

  /// SNIP's `|∂L/∂c_j|` by central finite differences of the loss in the gate `c_j`, normalised.
  static func snipScores(_ model: MLP, batch: LabeledExamples) -> [[Double]] {
    let base = Parameters(model)
    let h = 1e-6
    var raw: [[Double]] = []
    for (layer, dense) in model.layers.enumerated() {
      var layerScores: [Double] = []
      for row in 0..<dense.outputSize {
        for column in 0..<dense.inputSize {
          let w = base.weights[layer][row][column]
          var up = base
          var down = base
          up.weights[layer][row][column] = (1 + h) * w
          down.weights[layer][row][column] = (1 - h) * w
          layerScores.append(abs((loss(up, batch: batch) - loss(down, batch: batch)) / (2 * h)))
        }
      }
      raw.append(layerScores)
    }
    let total = raw.joined().reduce(0, +)
    return raw.map { layer in layer.map { total > 0 ? $0 / total : 0 } }
  }

  /// SynFlow's objective: the summed output of the all-|·| network on an all-ones input.
  static func flow(_ p: Parameters) -> Double {
    var positive = p
    positive.weights = p.weights.map { $0.map { $0.map(abs) } }
    positive.biases = p.biases.map { $0.map(abs) }
    let inputs = p.weights.first?.first?.count ?? 0
    return logits(positive, input: Array(repeating: 1, count: inputs)).reduce(0, +)
  }

  /// SynFlow's scores as "how much the flow drops without this one weight" (exact: the flow is
  /// linear in each single weight).
  static func synflowScores(_ model: MLP, masks: [Mask]? = nil) -> [[Double]] {
    let p = Parameters(model, masks: masks)
    let total = flow(p)
    return p.weights.indices.map { layer in
      p.weights[layer].indices.flatMap { row in
        p.weights[layer][row].indices.map { column in
          var without = p
          without.weights[layer][row][column] = 0
          return total - flow(without)
        }
      }
    }
  }

  /// Whether an output is reachable from an input, by trying every path (tiny networks only).
  static func hasPath(_ masks: [Mask]) -> Bool {
    func reaches(layer: Int, unit: Int) -> Bool {
      if layer == masks.count { return true }
      let mask = masks[layer]
      let (outputs, inputs) = (mask.shape[0], mask.shape[1])
      return (0..<outputs).contains { row in
        mask.isKept[row * inputs + unit] && reaches(layer: layer + 1, unit: row)
      }
    }
    return (0..<masks[0].shape[1]).contains { reaches(layer: 0, unit: $0) }
  }

  /// `w ⊙ m`, writing exact zeros.
  static func masked(_ model: MLP, _ masks: [Mask]) -> MLP {
    var copy = model
    let weights = zip(model.weights, masks).map { weight, mask in
      var w = weight
      for index in 0..<w.count where !mask.isKept[index] { w[flat: index] = 0 }
      return w
    }
    try? copy.setWeights(weights)
    return copy
  }
}

/// Test fixtures: small networks, data and masks.
enum Fixture {
  /// A network from its weight rows and biases.
  static func model(_ layers: [(weight: [[Float]], bias: [Float])]) throws -> MLP {
    var dense: [Dense] = []
    for layer in layers {
      dense.append(try Dense(weight: Tensor(rows: layer.weight), bias: Tensor(layer.bias)))
    }
    return try MLP(layers: dense)
  }

  /// A seeded random network (PyTorch's initialisation) with random biases in `±0.5`.
  static func randomModel(sizes: [Int], seed: UInt64) throws -> MLP {
    var generator = SplitMix64(seed: seed)
    var model = try MLP(sizes: sizes, using: &generator)
    let biases = model.biases.map { bias in
      var b = bias
      for index in 0..<b.count { b[flat: index] = generator.nextFloat(in: -0.5...0.5) }
      return b
    }
    try model.setBiases(biases)
    return model
  }

  /// A seeded batch of random features in `0...1` and random labels.
  static func batch(count: Int, features: Int, classes: Int, seed: UInt64) throws
    -> LabeledExamples
  {
    var generator = SplitMix64(seed: seed)
    let x = (0..<(count * features)).map { _ in generator.nextUnitFloat() }
    let labels = (0..<count).map { _ in generator.nextInt(below: classes) }
    return try LabeledExamples(
      features: Tensor(shape: [count, features], scalars: x), labels: labels, classCount: classes)
  }

  /// Masks that keep everything, one per weight of a model.
  static func allKept(_ model: MLP) throws -> [Mask] {
    try model.weights.map { weight throws(PruningError) in
      try Mask(keeping: true, shape: weight.shape)
    }
  }

  /// Seeded random masks keeping each weight with probability `density`.
  static func randomMasks(_ model: MLP, density: Double, seed: UInt64) throws -> [Mask] {
    var generator = SplitMix64(seed: seed)
    var masks: [Mask] = []
    for weight in model.weights {
      let flags = (0..<weight.count).map { _ in generator.nextUnitDouble() < density }
      masks.append(try Mask(shape: weight.shape, isKept: flags))
    }
    return masks
  }
}
