import Foundation
import PruningCore

/// The transformer's forward pass written out slowly in `Double` from the model's public
/// parts, able to run with units switched off: the oracle the library's kernels and the
/// structured-pruning exercise are graded against.
///
/// A disabled head or neuron is skipped (its output is 0 and its parameters are never read); a
/// disabled residual channel is left out of the stream altogether (the layer norms average over
/// the other channels); a disabled block is skipped.
public struct TransformerReference {
  /// The activations of one sequence.
  public struct Pass {
    /// The residual stream before block 0 and after every block, `[blocks + 1][T][width]`
    /// (disabled channels hold 0).
    public var streams: [[[Double]]] = []
    /// Per block: the heads' concatenated outputs `[T][heads·headDimension]`.
    public var attended: [[[Double]]] = []
    /// Per block: the GELU activations `[T][mlpWidth]`.
    public var activated: [[[Double]]] = []
    /// Per block: the attention layer norm's output `[T][width]`.
    public var attentionNormed: [[[Double]]] = []
    /// Per block: the MLP layer norm's output `[T][width]`.
    public var mlpNormed: [[[Double]]] = []
    /// `[T][vocabulary]`.
    public var logits: [[Double]] = []
  }

  /// The model.
  public let model: TransformerLanguageModel
  /// The heads switched off, as `[block, head]`.
  public var disabledHeads: Set<[Int]> = []
  /// The MLP neurons switched off, as `[block, neuron]`.
  public var disabledNeurons: Set<[Int]> = []
  /// The residual channels left out of the stream.
  public var disabledChannels: Set<Int> = []
  /// The blocks skipped.
  public var disabledBlocks: Set<Int> = []

  /// A reference for the whole model.
  ///
  /// - Parameter model: The model.
  public init(_ model: TransformerLanguageModel) {
    self.model = model
  }

  /// A reference with structural units switched off.
  ///
  /// - Parameters:
  ///   - model: The model.
  ///   - units: The heads, neurons and residual channels to switch off.
  public init(_ model: TransformerLanguageModel, disabling units: [StructuralUnit]) {
    self.model = model
    for unit in units {
      switch unit {
      case .head(let block, let index): disabledHeads.insert([block, index])
      case .neuron(let block, let index): disabledNeurons.insert([block, index])
      case .residualChannel(let c): disabledChannels.insert(c)
      }
    }
  }

  /// Layer normalisation of one vector over the kept channels (`ε = 1e-5`, population
  /// variance); the other channels come out 0.
  ///
  /// - Parameters:
  ///   - n: The layer norm's γ and β.
  ///   - x: The vector.
  ///   - kept: The channels to normalise over (all when `nil`).
  /// - Returns: The normalised vector.
  public static func norm(_ n: LayerNorm, _ x: [Double], keeping kept: [Int]? = nil) -> [Double] {
    let kept = kept ?? Array(x.indices)
    let mean = kept.map { x[$0] }.reduce(0, +) / Double(kept.count)
    let variance =
      kept.map { (x[$0] - mean) * (x[$0] - mean) }.reduce(0, +) / Double(kept.count)
    let r = 1 / (variance + 1e-5).squareRoot()
    var y = [Double](repeating: 0, count: x.count)
    for c in kept { y[c] = (x[c] - mean) * r * Double(n.gamma[c]) + Double(n.beta[c]) }
    return y
  }

  /// GELU, tanh approximation.
  ///
  /// - Parameter u: The input.
  /// - Returns: `0.5 · u · (1 + tanh(√(2/π) · (u + 0.044715 · u³)))`.
  public static func gelu(_ u: Double) -> Double {
    0.5 * u * (1 + tanh((2 / Double.pi).squareRoot() * (u + 0.044715 * u * u * u)))
  }

  /// Runs one sequence through the model.
  ///
  /// - Parameter tokens: The token ids, at most the context length.
  /// - Returns: Every activation the tests read.
  public func run(_ tokens: [Int]) -> Pass {
    var pass = Pass()
    let width = model.width
    let kept = (0..<width).filter { !disabledChannels.contains($0) }
    func norm(_ n: LayerNorm, _ x: [Double]) -> [Double] {
      Self.norm(n, x, keeping: kept)
    }
    // A layer that reads the stream: only kept input columns.
    func read(_ layer: Linear, _ x: [Double], row o: Int) -> Double {
      var sum = Double(layer.bias[o])
      for c in kept { sum += Double(layer.weight[o, c]) * x[c] }
      return sum
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
          g[t][i] = Self.gelu(read(block.mlpUp, m[t], row: i))
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

  /// The mean next-token cross-entropy in nats, over all sequences' predictions.
  ///
  /// - Parameter sequences: Token sequences of at least two tokens each.
  /// - Returns: The mean of `−log softmax(logits)[target]`.
  public func meanCrossEntropy(_ sequences: [[Int]]) -> Double {
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
