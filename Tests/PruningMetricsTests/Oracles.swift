import Foundation
import PruningCore
import PruningTestSupport

/// Independent reference answers: each follows the definition in the plainest way, without
/// calling the layer types' shape tracing.
enum Oracle {
  static func nonZeros(_ tensor: Tensor) -> Int {
    ReferenceCounts.nonZeros(tensor)
  }

  /// Total and non-zero trainable parameters.
  static func parameters(of layer: Layer) -> (total: Int, nonZero: Int) {
    ReferenceCounts.parameters(of: layer)
  }

  static func parameters(of model: Sequential) -> (total: Int, nonZero: Int) {
    ReferenceCounts.parameters(of: model)
  }

  /// Each layer's MACs for one example and its weight density, tracing shapes by hand.
  static func layerMACs(
    of model: Sequential, inputShape: [Int]
  ) -> [(macs: Int, density: Double)] {
    ReferenceCounts.layerMACs(of: model, inputShape: inputShape)
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
