extension TransformerLanguageModel {
  /// The mean next-token cross-entropy over the sequences and its gradient with respect to
  /// every parameter.
  ///
  /// The backward pass is written out layer by layer (cross-entropy, head, layer norms, MLP,
  /// causal attention, embeddings) and adds in a fixed order, so equal inputs give equal bits.
  ///
  /// - Parameter sequences: At least one sequence of 2 to ``contextLength`` + 1 ids, as for
  ///   ``meanCrossEntropy(sequences:)``.
  /// - Returns: The mean loss in nats, and a model-shaped value whose every tensor holds the
  ///   loss's partial derivatives with respect to the same tensor of this model.
  /// - Throws: The errors of ``meanCrossEntropy(sequences:)``.
  public func lossAndGradients(
    sequences: [[Int]]
  ) throws(PruningError) -> (loss: Double, gradients: TransformerLanguageModel) {
    try validate()
    let chunk = try Self.chunks(of: sequences, model: self, size: sequences.count)[0]
    let count = chunk.targets.count
    let (sum, gradients) = gradientPass(chunk, scale: 1 / Float(count))
    return (sum / Double(count), gradients)
  }

  /// The summed loss of a chunk and the gradient of `scale ·` that sum.
  func gradientPass(
    _ chunk: LabeledChunk, scale: Float
  ) -> (lossSum: Double, gradients: TransformerLanguageModel) {
    let layout = chunk.layout
    let trace = forward(layout)
    let rows = layout.rows
    let d = width
    let vocabulary = vocabularySize
    let (loss, dLogits) = Self.crossEntropy(
      logits: trace.logits, targets: chunk.targets, vocabulary: vocabulary, gradientScale: scale)
    var gradients = self
    let headBack = Kernels.affineBackward(
      dLogits, x: trace.headInput, batch: rows, weight: head.weight.scalars, inputs: d,
      outputs: vocabulary, needInputGradient: true)
    gradients.head = Self.linear(headBack, like: head)
    var (dx, finalNormGradient) = Self.layerNormBackward(
      headBack.input, trace.finalNorm, finalNorm, rows: rows)
    gradients.finalNorm = finalNormGradient
    for b in blocks.indices.reversed() {
      let block = blocks[b]
      let t = trace.blocks[b]
      let f = block.mlpWidth
      let a = block.attentionWidth
      let down = Kernels.affineBackward(
        dx, x: t.activated, batch: rows, weight: block.mlpDown.weight.scalars, inputs: f,
        outputs: d, needInputGradient: true)
      var du = down.input
      du.withUnsafeMutableBufferPointer { du in
        t.hidden.withUnsafeBufferPointer { u in
          for i in 0..<du.count { du[i] *= Self.geluDerivative(u[i]) }
        }
      }
      let up = Kernels.affineBackward(
        du, x: t.mlpInput, batch: rows, weight: block.mlpUp.weight.scalars, inputs: d,
        outputs: f, needInputGradient: true)
      let (dMlpNorm, mlpNormGradient) = Self.layerNormBackward(
        up.input, t.mlpNorm, block.mlpNorm, rows: rows)
      let dMiddle = Self.add(dx, dMlpNorm)
      let output = Kernels.affineBackward(
        dMiddle, x: t.attended, batch: rows, weight: block.output.weight.scalars, inputs: a,
        outputs: d, needInputGradient: true)
      let (dq, dk, dv) = Self.attentionBackward(
        output.input, trace: t, layout: layout, heads: block.headCount,
        headDimension: block.headDimension)
      let query = Kernels.affineBackward(
        dq, x: t.attentionInput, batch: rows, weight: block.query.weight.scalars, inputs: d,
        outputs: a, needInputGradient: true)
      let key = Kernels.affineBackward(
        dk, x: t.attentionInput, batch: rows, weight: block.key.weight.scalars, inputs: d,
        outputs: a, needInputGradient: true)
      let value = Kernels.affineBackward(
        dv, x: t.attentionInput, batch: rows, weight: block.value.weight.scalars, inputs: d,
        outputs: a, needInputGradient: true)
      let dNormed = Self.add(Self.add(query.input, key.input), value.input)
      let (dAttentionNorm, attentionNormGradient) = Self.layerNormBackward(
        dNormed, t.attentionNorm, block.attentionNorm, rows: rows)
      dx = Self.add(dMiddle, dAttentionNorm)
      gradients.blocks[b].attentionNorm = attentionNormGradient
      gradients.blocks[b].query = Self.linear(query, like: block.query)
      gradients.blocks[b].key = Self.linear(key, like: block.key)
      gradients.blocks[b].value = Self.linear(value, like: block.value)
      gradients.blocks[b].output = Self.linear(output, like: block.output)
      gradients.blocks[b].mlpNorm = mlpNormGradient
      gradients.blocks[b].mlpUp = Self.linear(up, like: block.mlpUp)
      gradients.blocks[b].mlpDown = Self.linear(down, like: block.mlpDown)
    }
    var dToken = [Float](repeating: 0, count: tokenEmbedding.count)
    var dPosition = [Float](repeating: 0, count: positionEmbedding.count)
    dx.withUnsafeBufferPointer { dx in
      layout.forEachToken { row, token, t in
        for c in 0..<d {
          dToken[token * d + c] += dx[row * d + c]
          dPosition[t * d + c] += dx[row * d + c]
        }
      }
    }
    gradients.tokenEmbedding = Tensor(checkedShape: tokenEmbedding.shape, scalars: dToken)
    gradients.positionEmbedding = Tensor(
      checkedShape: positionEmbedding.shape, scalars: dPosition)
    return (loss, gradients)
  }

  /// A layer-shaped gradient from ``Kernels/affineBackward``'s result.
  static func linear(
    _ backward: (weight: [Float], bias: [Float], input: [Float]), like layer: Linear
  ) -> Linear {
    var gradient = layer
    gradient.weight = Tensor(checkedShape: layer.weight.shape, scalars: backward.weight)
    gradient.bias = Tensor(checkedShape: layer.bias.shape, scalars: backward.bias)
    return gradient
  }

  /// The backward pass of a layer norm: `∂L/∂x` and the gradients of γ and β.
  static func layerNormBackward(
    _ dy: [Float], _ trace: NormTrace, _ norm: LayerNorm, rows: Int
  ) -> ([Float], LayerNorm) {
    let d = norm.width
    var dx = [Float](repeating: 0, count: rows * d)
    var dGamma = [Float](repeating: 0, count: d)
    var dBeta = [Float](repeating: 0, count: d)
    var dNormalized = [Float](repeating: 0, count: d)
    dy.withUnsafeBufferPointer { dy in
      trace.normalized.withUnsafeBufferPointer { n in
        norm.gamma.scalars.withUnsafeBufferPointer { gamma in
          dx.withUnsafeMutableBufferPointer { dx in
            for row in 0..<rows {
              let base = row * d
              var meanGradient: Float = 0
              var meanProjection: Float = 0
              for c in 0..<d {
                let g = dy[base + c]
                dGamma[c] += g * n[base + c]
                dBeta[c] += g
                let dn = g * gamma[c]
                dNormalized[c] = dn
                meanGradient += dn
                meanProjection += dn * n[base + c]
              }
              meanGradient /= Float(d)
              meanProjection /= Float(d)
              let r = trace.inverseDeviation[row]
              for c in 0..<d {
                dx[base + c] = r * (dNormalized[c] - meanGradient - n[base + c] * meanProjection)
              }
            }
          }
        }
      }
    }
    var gradient = norm
    gradient.gamma = Tensor(checkedShape: [d], scalars: dGamma)
    gradient.beta = Tensor(checkedShape: [d], scalars: dBeta)
    return (dx, gradient)
  }

  /// The backward pass of causal attention: the gradients of the queries, keys and values
  /// given the gradient of the heads' outputs.
  static func attentionBackward(
    _ dz: [Float], trace: BlockTrace, layout: SequenceLayout, heads: Int, headDimension hd: Int
  ) -> ([Float], [Float], [Float]) {
    let a = heads * hd
    let count = layout.rows * a
    var dq = [Float](repeating: 0, count: count)
    var dk = [Float](repeating: 0, count: count)
    var dv = [Float](repeating: 0, count: count)
    var dp = [Float](repeating: 0, count: layout.lengths.max() ?? 0)
    let scale = 1 / Float(hd).squareRoot()
    dz.withUnsafeBufferPointer { dz in
      trace.query.withUnsafeBufferPointer { q in
        trace.key.withUnsafeBufferPointer { k in
          trace.value.withUnsafeBufferPointer { v in
            trace.probabilities.withUnsafeBufferPointer { p in
              dq.withUnsafeMutableBufferPointer { dq in
                dk.withUnsafeMutableBufferPointer { dk in
                  dv.withUnsafeMutableBufferPointer { dv in
                    dp.withUnsafeMutableBufferPointer { dp in
                      layout.forEachAttentionRow(heads: heads, headDimension: hd) { row in
                        let zBase = row.base
                        var weighted: Float = 0
                        for j in 0...row.i {
                          let vBase = row.base(ofRow: j)
                          var dot: Float = 0
                          for e in 0..<hd { dot += dz[zBase &+ e] * v[vBase &+ e] }
                          dp[j] = dot
                          let weight = p[row.probabilityBase + j]
                          for e in 0..<hd { dv[vBase &+ e] += weight * dz[zBase &+ e] }
                          weighted += weight * dot
                        }
                        for j in 0...row.i {
                          let ds = p[row.probabilityBase + j] * (dp[j] - weighted) * scale
                          let kBase = row.base(ofRow: j)
                          for e in 0..<hd {
                            dq[zBase &+ e] += ds * k[kBase &+ e]
                            dk[kBase &+ e] += ds * q[zBase &+ e]
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return (dq, dk, dv)
  }
}
