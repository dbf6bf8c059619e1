import Foundation
import PruningCore

/// Independent reference answers: each follows the definition in the plainest way, without
/// calling the layer types' shape tracing.
enum Oracle {
  static func nonZeros(_ tensor: Tensor) -> Int {
    tensor.scalars.filter { $0 != 0 }.count
  }

  /// Total and non-zero trainable parameters by the shape formulas.
  static func parameters(of layer: Layer) -> (total: Int, nonZero: Int) {
    switch layer {
    case .dense(let d):
      let (out, inputs) = (d.weight.shape[0], d.weight.shape[1])
      return (inputs * out + out, nonZeros(d.weight) + nonZeros(d.bias))
    case .conv2D(let c):
      let s = c.weight.shape
      return (s[0] * s[1] * s[2] * s[3] + s[0], nonZeros(c.weight) + nonZeros(c.bias))
    case .batchNorm(let b):
      return (2 * b.gamma.count, nonZeros(b.gamma) + nonZeros(b.beta))
    case .relu, .flatten:
      return (0, 0)
    }
  }

  static func parameters(of model: Sequential) -> (total: Int, nonZero: Int) {
    model.layers.map(parameters(of:)).reduce((0, 0)) { ($0.0 + $1.0, $0.1 + $1.1) }
  }

  /// Each layer's MACs for one example and its weight density, tracing shapes by hand.
  static func layerMACs(
    of model: Sequential, inputShape: [Int]
  ) -> [(macs: Int, density: Double)] {
    var shape = Array(inputShape.dropFirst())  // no batch
    var result: [(Int, Double)] = []
    for layer in model.layers {
      switch layer {
      case .dense(let d):
        let (out, inputs) = (d.weight.shape[0], d.weight.shape[1])
        result.append((inputs * out, density(d.weight)))
        shape = [out]
      case .conv2D(let c):
        let s = c.weight.shape
        let oh = (shape[1] + 2 * c.padding - s[2]) / c.stride + 1
        let ow = (shape[2] + 2 * c.padding - s[3]) / c.stride + 1
        result.append((s[0] * oh * ow * s[1] * s[2] * s[3], density(c.weight)))
        shape = [s[0], oh, ow]
      case .flatten:
        shape = [shape.reduce(1, *)]
        result.append((0, 1))
      case .batchNorm, .relu:
        result.append((0, 1))
      }
    }
    return result
  }

  static func density(_ weight: Tensor) -> Double {
    weight.count == 0 ? 1 : Double(nonZeros(weight)) / Double(weight.count)
  }

  /// The storage formulas, written out.
  static func bytes(shape: [Int], nonZeros nnz: Int) -> (dense: Int, csr: Int, bitmask: Int) {
    let n = shape.reduce(1, *)
    let rows = shape.count >= 2 ? shape[0] : 1
    let bits = Int((Double(n) / 8).rounded(.up))
    return (4 * n, 4 * nnz + 4 * nnz + 4 * (rows + 1), bits + 4 * nnz)
  }

  /// Ranks classes by (logit descending, index ascending) and checks the first k.
  static func topK(_ logits: [[Float]], labels: [Int], k: Int) -> Double {
    var correct = 0
    for (row, label) in zip(logits, labels) {
      let order = row.indices.sorted { a, b in row[a] != row[b] ? row[a] > row[b] : a < b }
      if order.prefix(k).contains(label) { correct += 1 }
    }
    return Double(correct) / Double(labels.count)
  }

  static func median(_ values: [UInt64]) -> Double {
    let sorted = values.sorted()
    let n = sorted.count
    return n % 2 == 1
      ? Double(sorted[n / 2]) : (Double(sorted[n / 2 - 1]) + Double(sorted[n / 2])) / 2
  }

  static func f2(_ value: Double) -> String { String(format: "%.2f", value) }
}
