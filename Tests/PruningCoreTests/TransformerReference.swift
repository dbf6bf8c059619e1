import Foundation
import PruningCore

/// The transformer's forward pass written the slow, obvious way in `Double`, from the model's
/// public parts: the oracle the kernels are graded against.
struct TransformerReference {
  /// The activations of one sequence through the model.
  struct Pass {
    /// Per block: the attention norm's output, the heads' outputs, the MLP norm's output and
    /// the GELU activations (each `[T][features]`).
    var attentionInputs: [[[Double]]] = []
    var attended: [[[Double]]] = []
    var mlpInputs: [[[Double]]] = []
    var activated: [[[Double]]] = []
    var logits: [[Double]] = []
  }

  let model: TransformerLanguageModel

  static func matrix(_ t: Tensor) -> [[Double]] {
    (0..<t.shape[0]).map { r in (0..<t.shape[1]).map { Double(t[r, $0]) } }
  }

  static func apply(_ layer: Linear, _ x: [Double]) -> [Double] {
    let w = layer.weight.scalars
    let bias = layer.bias.scalars
    let inputs = x.count
    var y = [Double](repeating: 0, count: bias.count)
    for o in 0..<bias.count {
      var sum = Double(bias[o])
      for i in 0..<inputs { sum += Double(w[o * inputs + i]) * x[i] }
      y[o] = sum
    }
    return y
  }

  static func norm(_ n: LayerNorm, _ x: [Double]) -> [Double] {
    let mean = x.reduce(0, +) / Double(x.count)
    var variance = 0.0
    for v in x { variance += (v - mean) * (v - mean) }
    variance /= Double(x.count)
    let r = 1 / (variance + 1e-5).squareRoot()
    let gamma = n.gamma.scalars
    let beta = n.beta.scalars
    var y = x
    for c in x.indices { y[c] = (x[c] - mean) * r * Double(gamma[c]) + Double(beta[c]) }
    return y
  }

  static func gelu(_ u: Double) -> Double {
    0.5 * u * (1 + tanh((2 / Double.pi).squareRoot() * (u + 0.044715 * u * u * u)))
  }

  func run(_ tokens: [Int]) -> Pass {
    var pass = Pass()
    let width = model.tokenEmbedding.shape[1]
    let tok = model.tokenEmbedding.scalars
    let pos = model.positionEmbedding.scalars
    var x: [[Double]] = tokens.enumerated().map { t, token in
      (0..<width).map { Double(tok[token * width + $0]) + Double(pos[t * width + $0]) }
    }
    for block in model.blocks {
      let a = x.map { Self.norm(block.attentionNorm, $0) }
      let q = a.map { Self.apply(block.query, $0) }
      let k = a.map { Self.apply(block.key, $0) }
      let v = a.map { Self.apply(block.value, $0) }
      let hd = block.headDimension
      let heads = block.query.weight.shape[0] / hd
      var z = [[Double]](repeating: [Double](repeating: 0, count: heads * hd), count: x.count)
      for h in 0..<heads {
        let cols = (h * hd)..<((h + 1) * hd)
        for i in x.indices {
          var scores = [Double](repeating: 0, count: i + 1)
          for j in 0...i {
            var dot = 0.0
            for c in cols { dot += q[i][c] * k[j][c] }
            scores[j] = dot / Double(hd).squareRoot()
          }
          let top = scores.max() ?? 0
          let e = scores.map { exp($0 - top) }
          let total = e.reduce(0, +)
          for j in 0...i {
            for c in cols { z[i][c] += e[j] / total * v[j][c] }
          }
        }
      }
      let attentionOut = z.map { Self.apply(block.output, $0) }
      x = x.indices.map { t in x[t].indices.map { x[t][$0] + attentionOut[t][$0] } }
      let b = x.map { Self.norm(block.mlpNorm, $0) }
      let g = b.map { Self.apply(block.mlpUp, $0).map(Self.gelu) }
      let m = g.map { Self.apply(block.mlpDown, $0) }
      x = x.indices.map { t in x[t].indices.map { x[t][$0] + m[t][$0] } }
      pass.attentionInputs.append(a)
      pass.attended.append(z)
      pass.mlpInputs.append(b)
      pass.activated.append(g)
    }
    pass.logits = x.map { Self.apply(model.head, Self.norm(model.finalNorm, $0)) }
    return pass
  }

  /// The mean next-token cross-entropy in nats, over all sequences' predictions.
  func meanCrossEntropy(_ sequences: [[Int]]) -> Double {
    var total = 0.0
    var count = 0
    for sequence in sequences {
      let logits = run(Array(sequence.dropLast())).logits
      for (t, target) in sequence.dropFirst().enumerated() {
        let top = logits[t].max() ?? 0
        let logSum = log(logits[t].map { exp($0 - top) }.reduce(0, +)) + top
        total += logSum - logits[t][target]
        count += 1
      }
    }
    return total / Double(count)
  }
}
