import Foundation

/// Where each sequence of a batch sits among the rows of the activations.
struct SequenceLayout: Sendable {
  /// Every input token id, sequences concatenated.
  var tokens: [Int]
  /// The first row of each sequence.
  var starts: [Int]
  /// The length of each sequence.
  var lengths: [Int]
  /// The first attention-probability entry of each sequence (`heads · T²` per sequence).
  var probabilityStarts: [Int]
  /// All rows.
  var rows: Int { tokens.count }

  /// Lays out sequences of input ids, validating them against a model.
  ///
  /// - Throws: `PruningError.emptyInput`, `.sequenceTooLong` or `.tokenOutOfRange`.
  init(inputs: [[Int]], model: TransformerLanguageModel) throws(PruningError) {
    guard !inputs.isEmpty else { throw .emptyInput("sequences") }
    tokens = []
    starts = []
    lengths = []
    probabilityStarts = []
    var probabilities = 0
    let heads = model.blocks.map(\.headCount).max() ?? 0
    for sequence in inputs {
      guard !sequence.isEmpty else { throw .emptyInput("token sequence") }
      guard sequence.count <= model.contextLength else {
        throw .sequenceTooLong(length: sequence.count, contextLength: model.contextLength)
      }
      for token in sequence where token < 0 || token >= model.vocabularySize {
        throw .tokenOutOfRange(token: token, vocabularySize: model.vocabularySize)
      }
      starts.append(tokens.count)
      lengths.append(sequence.count)
      probabilityStarts.append(probabilities)
      probabilities += heads * sequence.count * sequence.count
      tokens += sequence
    }
  }
}

extension SequenceLayout {
  /// Calls `body` for each row, sequence by sequence: the order in which the embedding is read
  /// in the forward pass and its gradient added in the backward pass.
  ///
  /// - Parameter body: Called with the row, its token id and its position in its sequence.
  @inline(__always)
  func forEachToken(_ body: (_ row: Int, _ token: Int, _ position: Int) -> Void) {
    for (sequence, start) in starts.enumerated() {
      for position in 0..<lengths[sequence] {
        body(start + position, tokens[start + position], position)
      }
    }
  }

  /// Calls `body` for each query row of each attention head, sequence by sequence, head by
  /// head, row by row: the order in which the forward and backward attention passes add.
  ///
  /// - Parameters:
  ///   - heads: The number of heads.
  ///   - headDimension: The width of one head; the activations are
  ///     `[rows, heads · headDimension]`.
  ///   - body: Called with one row of one head.
  @inline(__always)
  func forEachAttentionRow(
    heads: Int, headDimension: Int, _ body: (AttentionRow) -> Void
  ) {
    let width = heads * headDimension
    for (sequence, start) in starts.enumerated() {
      let length = lengths[sequence]
      let probabilityStart = probabilityStarts[sequence]
      for h in 0..<heads {
        let column = h * headDimension
        for i in 0..<length {
          body(
            AttentionRow(
              start: start, i: i, column: column, width: width,
              probabilityBase: probabilityStart + (h * length + i) * length))
        }
      }
    }
  }
}

/// One query row of one attention head: row `i` of a sequence attends to its rows `0...i`.
struct AttentionRow {
  /// The sequence's first row among the activations.
  var start: Int
  /// The row's position in its sequence.
  var i: Int
  /// The head's first column.
  var column: Int
  /// The width of an activation row, all heads together.
  var width: Int
  /// Where the row's `i + 1` attention probabilities begin.
  var probabilityBase: Int

  /// Where the head's slice of this row begins in `[rows, width]` activations.
  var base: Int { base(ofRow: i) }

  /// Where the head's slice of row `j` of the same sequence begins.
  @inline(__always)
  func base(ofRow j: Int) -> Int { (start + j) * width + column }
}

/// A layer norm's saved values for the backward pass.
struct NormTrace: Sendable {
  /// `(x − mean) · rstd`, `[rows, width]`.
  var normalized: [Float]
  /// `1 / √(var + ε)` per row.
  var inverseDeviation: [Float]
}

/// What one block's forward pass saves for the backward pass.
struct BlockTrace: Sendable {
  var input: [Float]
  var attentionNorm: NormTrace
  var attentionInput: [Float]
  var query: [Float]
  var key: [Float]
  var value: [Float]
  var probabilities: [Float]
  var attended: [Float]
  var middle: [Float]
  var mlpNorm: NormTrace
  var mlpInput: [Float]
  var hidden: [Float]
  var activated: [Float]
}

/// What a forward pass saves: every block's trace, the final norm and the logits.
struct ForwardTrace: Sendable {
  var blocks: [BlockTrace]
  var finalInput: [Float]
  var finalNorm: NormTrace
  var headInput: [Float]
  var logits: [Float]
}

/// A chunk of sequences with their next-token targets.
struct LabeledChunk: Sendable {
  var layout: SequenceLayout
  var targets: [Int]
}

extension TransformerLanguageModel {
  /// The sequences evaluated per chunk by ``meanCrossEntropy(sequences:)``.
  static let evaluationChunkSize = 16

  /// The threads that evaluate or train in parallel (fixed, so results never depend on the
  /// machine).
  static let shardCount = 2

  /// The forward pass over laid-out, validated sequences.
  func forward(_ layout: SequenceLayout) -> ForwardTrace {
    let rows = layout.rows
    let d = width
    var x = [Float](repeating: 0, count: rows * d)
    tokenEmbedding.scalars.withUnsafeBufferPointer { tok in
      positionEmbedding.scalars.withUnsafeBufferPointer { pos in
        x.withUnsafeMutableBufferPointer { x in
          layout.forEachToken { row, token, t in
            for c in 0..<d {
              x[row * d + c] = tok[token * d + c] + pos[t * d + c]
            }
          }
        }
      }
    }
    var traces: [BlockTrace] = []
    traces.reserveCapacity(blocks.count)
    for block in blocks {
      let trace = Self.blockForward(block, input: x, layout: layout, width: d)
      traces.append(trace)
      x = Self.add(trace.middle, Self.affine(trace.activated, rows: rows, block.mlpDown))
    }
    let (headInput, finalTrace) = Self.layerNorm(x, rows: rows, finalNorm)
    let logits = Self.affine(headInput, rows: rows, head)
    return ForwardTrace(
      blocks: traces, finalInput: x, finalNorm: finalTrace, headInput: headInput,
      logits: logits)
  }

  /// One block's forward pass; the block's output is `middle + mlpDown(activated)`.
  static func blockForward(
    _ block: TransformerBlock, input x: [Float], layout: SequenceLayout, width d: Int
  ) -> BlockTrace {
    let rows = layout.rows
    let (a, norm1) = layerNorm(x, rows: rows, block.attentionNorm)
    let q = affine(a, rows: rows, block.query)
    let k = affine(a, rows: rows, block.key)
    let v = affine(a, rows: rows, block.value)
    let (z, p) = attention(
      query: q, key: k, value: v, layout: layout, heads: block.headCount,
      headDimension: block.headDimension)
    let middle = add(x, affine(z, rows: rows, block.output))
    let (b, norm2) = layerNorm(middle, rows: rows, block.mlpNorm)
    let u = affine(b, rows: rows, block.mlpUp)
    var g = u
    g.withUnsafeMutableBufferPointer { g in
      for i in 0..<g.count { g[i] = gelu(g[i]) }
    }
    return BlockTrace(
      input: x, attentionNorm: norm1, attentionInput: a, query: q, key: k, value: v,
      probabilities: p, attended: z, middle: middle, mlpNorm: norm2, mlpInput: b, hidden: u,
      activated: g)
  }

  /// `x · Wᵀ + b` for a `[rows, inputs]` activation.
  static func affine(_ x: [Float], rows: Int, _ layer: Linear) -> [Float] {
    let inputs = layer.inputs
    let outputs = layer.outputs
    return Kernels.affine(
      x, rows: rows,
      transposedWeight: Kernels.transpose(layer.weight.scalars, rows: outputs, columns: inputs),
      bias: layer.bias.scalars, inputs: inputs, outputs: outputs)
  }

  /// The element-wise sum of two arrays of equal length.
  static func add(_ a: [Float], _ b: [Float]) -> [Float] {
    var sum = a
    sum.withUnsafeMutableBufferPointer { s in
      b.withUnsafeBufferPointer { b in
        for i in 0..<s.count { s[i] += b[i] }
      }
    }
    return sum
  }

  /// Layer norm of each row; returns the output and the values the backward pass needs.
  static func layerNorm(_ x: [Float], rows: Int, _ norm: LayerNorm) -> ([Float], NormTrace) {
    let d = norm.width
    var y = [Float](repeating: 0, count: rows * d)
    var normalized = [Float](repeating: 0, count: rows * d)
    var inverse = [Float](repeating: 0, count: rows)
    x.withUnsafeBufferPointer { x in
      norm.gamma.scalars.withUnsafeBufferPointer { gamma in
        norm.beta.scalars.withUnsafeBufferPointer { beta in
          y.withUnsafeMutableBufferPointer { y in
            normalized.withUnsafeMutableBufferPointer { n in
              for row in 0..<rows {
                let base = row * d
                var mean: Float = 0
                for c in 0..<d { mean += x[base + c] }
                mean /= Float(d)
                var variance: Float = 0
                for c in 0..<d {
                  let centred = x[base + c] - mean
                  variance += centred * centred
                }
                variance /= Float(d)
                let r = 1 / (variance + LayerNorm.epsilon).squareRoot()
                inverse[row] = r
                for c in 0..<d {
                  let value = (x[base + c] - mean) * r
                  n[base + c] = value
                  y[base + c] = value * gamma[c] + beta[c]
                }
              }
            }
          }
        }
      }
    }
    return (y, NormTrace(normalized: normalized, inverseDeviation: inverse))
  }

  /// GELU, tanh approximation: `½ u (1 + tanh(√(2/π) (u + 0.044715 u³)))`.
  @inline(__always)
  static func gelu(_ u: Float) -> Float {
    0.5 * u * (1 + tanh(geluScale * (u + 0.044_715 * u * u * u)))
  }

  /// The derivative of ``gelu(_:)``.
  @inline(__always)
  static func geluDerivative(_ u: Float) -> Float {
    let t = tanh(geluScale * (u + 0.044_715 * u * u * u))
    return 0.5 * (1 + t) + 0.5 * u * (1 - t * t) * geluScale * (1 + 3 * 0.044_715 * u * u)
  }

  /// √(2/π).
  static let geluScale: Float = 0.797_884_56

  /// Causal multi-head attention; returns the heads' outputs `[rows, heads·dim]` and the
  /// attention probabilities (per sequence, per head, a `T × T` lower-triangular matrix).
  static func attention(
    query q: [Float], key k: [Float], value v: [Float], layout: SequenceLayout, heads: Int,
    headDimension hd: Int
  ) -> ([Float], [Float]) {
    let a = heads * hd
    let rows = layout.rows
    var z = [Float](repeating: 0, count: rows * a)
    let probabilityCount =
      (layout.probabilityStarts.last ?? 0) + heads
      * ((layout.lengths.last ?? 0) * (layout.lengths.last ?? 0))
    var p = [Float](repeating: 0, count: probabilityCount)
    let scale = 1 / Float(hd).squareRoot()
    var scores = [Float](repeating: 0, count: layout.lengths.max() ?? 0)
    q.withUnsafeBufferPointer { q in
      k.withUnsafeBufferPointer { k in
        v.withUnsafeBufferPointer { v in
          z.withUnsafeMutableBufferPointer { z in
            p.withUnsafeMutableBufferPointer { p in
              scores.withUnsafeMutableBufferPointer { s in
                layout.forEachAttentionRow(heads: heads, headDimension: hd) { row in
                  let base = row.base
                  var largest = -Float.infinity
                  for j in 0...row.i {
                    let kBase = row.base(ofRow: j)
                    var dot: Float = 0
                    for e in 0..<hd { dot += q[base &+ e] * k[kBase &+ e] }
                    s[j] = dot * scale
                    largest = max(largest, s[j])
                  }
                  var total: Float = 0
                  for j in 0...row.i {
                    s[j] = exp(s[j] - largest)
                    total += s[j]
                  }
                  for j in 0...row.i {
                    let weight = s[j] / total
                    p[row.probabilityBase + j] = weight
                    let vBase = row.base(ofRow: j)
                    for e in 0..<hd { z[base &+ e] += weight * v[vBase &+ e] }
                  }
                }
              }
            }
          }
        }
      }
    }
    return (z, p)
  }

  /// The summed cross-entropy of `[rows, vocabulary]` logits against targets, in nats, and
  /// (when `gradientScale` is given) `∂(scale · sum)/∂logits`.
  static func crossEntropy(
    logits: [Float], targets: [Int], vocabulary: Int, gradientScale: Float?
  ) -> (loss: Double, gradient: [Float]) {
    var loss = 0.0
    var gradient = [Float](repeating: 0, count: gradientScale == nil ? 0 : logits.count)
    logits.withUnsafeBufferPointer { z in
      gradient.withUnsafeMutableBufferPointer { g in
        for (row, target) in targets.enumerated() {
          let base = row * vocabulary
          var largest = -Float.infinity
          for c in 0..<vocabulary { largest = max(largest, z[base + c]) }
          var total = 0.0
          for c in 0..<vocabulary { total += Double(exp(z[base + c] - largest)) }
          loss += log(total) - Double(z[base + target] - largest)
          if let scale = gradientScale {
            let inverse = Float(1 / total)
            for c in 0..<vocabulary {
              g[base + c] = exp(z[base + c] - largest) * inverse * scale
            }
            g[base + target] -= scale
          }
        }
      }
    }
    return (loss, gradient)
  }

  /// Splits sequences (each predicting its own tail) into evaluation chunks.
  static func chunks(
    of sequences: [[Int]], model: TransformerLanguageModel, size: Int = evaluationChunkSize
  ) throws(PruningError) -> [LabeledChunk] {
    guard !sequences.isEmpty else { throw .emptyInput("sequences") }
    var chunks: [LabeledChunk] = []
    var start = 0
    while start < sequences.count {
      let end = min(start + size, sequences.count)
      var inputs: [[Int]] = []
      var targets: [Int] = []
      for sequence in sequences[start..<end] {
        guard sequence.count >= 2 else {
          throw .invalidArgument(
            "a sequence needs at least 2 ids (an input and a target), got \(sequence.count)")
        }
        guard sequence.count <= model.contextLength + 1 else {
          throw .sequenceTooLong(length: sequence.count - 1, contextLength: model.contextLength)
        }
        inputs.append(Array(sequence.dropLast()))
        targets += sequence.dropFirst()
      }
      for token in targets where token < 0 || token >= model.vocabularySize {
        throw .tokenOutOfRange(token: token, vocabularySize: model.vocabularySize)
      }
      chunks.append(
        LabeledChunk(layout: try SequenceLayout(inputs: inputs, model: model), targets: targets))
      start = end
    }
    return chunks
  }

  /// Maps items on ``shardCount`` threads, item `i` on thread `i % shardCount`; results come
  /// back in item order.
  static func parallelMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], _ transform: @Sendable (Item) -> Result
  ) -> [Result] {
    let slots = ResultSlots<Result>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: min(shardCount, items.count)) { shard in
      var index = shard
      while index < items.count {
        slots.set(index, transform(items[index]))
        index += shardCount
      }
    }
    return slots.values
  }

  /// Calls `body` on every parameter tensor in a fixed order (embeddings; per block the
  /// attention norm, q, k, v, output, the MLP norm, up, down, each weight before its bias;
  /// the final norm; the head), saying whether weight decay applies (matrices).
  mutating func forEachParameter(_ body: (inout Tensor, _ decays: Bool) -> Void) {
    body(&tokenEmbedding, true)
    body(&positionEmbedding, true)
    for b in blocks.indices {
      body(&blocks[b].attentionNorm.gamma, false)
      body(&blocks[b].attentionNorm.beta, false)
      for kind in LinearKind.allCases {
        body(&blocks[b][keyPath: kind.layer].weight, true)
        body(&blocks[b][keyPath: kind.layer].bias, false)
        if kind == .output {
          body(&blocks[b].mlpNorm.gamma, false)
          body(&blocks[b].mlpNorm.beta, false)
        }
      }
    }
    body(&finalNorm.gamma, false)
    body(&finalNorm.beta, false)
    body(&head.weight, true)
    body(&head.bias, false)
  }
}

/// Fixed slots that concurrent workers fill, one slot per item.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
  private var storage: [Value?]
  private let lock = NSLock()

  init(count: Int) {
    storage = Array(repeating: nil, count: count)
  }

  func set(_ index: Int, _ value: Value) {
    lock.lock()
    storage[index] = value
    lock.unlock()
  }

  var values: [Value] {
    lock.lock()
    defer { lock.unlock() }
    return storage.compactMap { $0 }
  }
}
