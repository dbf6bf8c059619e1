/// The loops training spends its time in, over raw row-major buffers.
///
/// Written against unsafe buffers so a debug build (what `swift test` compiles) stays fast
/// enough to fine-tune the digits model in seconds. Each loop adds in a fixed order, so debug
/// and release builds give the same bits.
enum Kernels {
  /// `y = x · Wᵀ + b` for `x` `[batch, inputs]`, `W` `[outputs, inputs]`, `b` `[outputs]`.
  static func affine(
    _ x: [Float], batch: Int, weight: [Float], bias: [Float], inputs: Int, outputs: Int
  ) -> [Float] {
    var y = [Float](repeating: 0, count: batch * outputs)
    x.withUnsafeBufferPointer { x in
      weight.withUnsafeBufferPointer { w in
        bias.withUnsafeBufferPointer { b in
          y.withUnsafeMutableBufferPointer { y in
            for row in 0..<batch {
              let xBase = row * inputs
              for unit in 0..<outputs {
                let wBase = unit * inputs
                var sum: Float = 0
                for i in 0..<inputs {
                  sum += x[xBase &+ i] * w[wBase &+ i]
                }
                y[row * outputs + unit] = sum + b[unit]
              }
            }
          }
        }
      }
    }
    return y
  }

  /// `y = x · Wᵀ + b` from the transposed weight `Wᵀ` `[inputs, outputs]`.
  ///
  /// The same product as ``affine(_:batch:weight:bias:inputs:outputs:)``, ordered so the inner
  /// loop runs along an output row (`y[row, :] += x[row, i] · Wᵀ[i, :]`): every element still
  /// adds its terms in one fixed order (the bias, then `i` ascending), but the loop vectorises,
  /// which the transformer's larger products need. The bias comes first here and last in the
  /// other, so the two round differently (most outputs differ in their last bits): the MLP keeps
  /// the order the shipped digits baseline was trained and scored with, and the transformer
  /// this one, which the shipped language model's recorded losses replay.
  static func affine(
    _ x: [Float], rows: Int, transposedWeight: [Float], bias: [Float], inputs: Int, outputs: Int
  ) -> [Float] {
    var y = [Float](repeating: 0, count: rows * outputs)
    x.withUnsafeBufferPointer { x in
      transposedWeight.withUnsafeBufferPointer { w in
        bias.withUnsafeBufferPointer { b in
          y.withUnsafeMutableBufferPointer { y in
            for row in 0..<rows {
              let yBase = row * outputs
              for unit in 0..<outputs {
                y[yBase &+ unit] = b[unit]
              }
              for i in 0..<inputs {
                let a = x[row * inputs + i]
                let wBase = i * outputs
                for unit in 0..<outputs {
                  y[yBase &+ unit] += a * w[wBase &+ unit]
                }
              }
            }
          }
        }
      }
    }
    return y
  }

  /// The transpose of a row-major `[rows, columns]` matrix.
  static func transpose(_ m: [Float], rows: Int, columns: Int) -> [Float] {
    var t = [Float](repeating: 0, count: rows * columns)
    m.withUnsafeBufferPointer { m in
      t.withUnsafeMutableBufferPointer { t in
        for r in 0..<rows {
          for c in 0..<columns {
            t[c * rows + r] = m[r * columns + c]
          }
        }
      }
    }
    return t
  }

  /// `max(0, v)` for every element.
  static func reluInPlace(_ values: inout [Float]) {
    values.withUnsafeMutableBufferPointer { v in
      for i in 0..<v.count where v[i] < 0 {
        v[i] = 0
      }
    }
  }

  /// The gradients of `y = x · Wᵀ + b` given `∂L/∂y` (`dy`, `[batch, outputs]`).
  ///
  /// - Returns: `∂L/∂W` `[outputs, inputs]`, `∂L/∂b` `[outputs]`, and `∂L/∂x`
  ///   `[batch, inputs]` when `needInputGradient` (else empty).
  static func affineBackward(
    _ dy: [Float], x: [Float], batch: Int, weight: [Float], inputs: Int, outputs: Int,
    needInputGradient: Bool
  ) -> (weight: [Float], bias: [Float], input: [Float]) {
    var dw = [Float](repeating: 0, count: outputs * inputs)
    var db = [Float](repeating: 0, count: outputs)
    var dx = [Float](repeating: 0, count: needInputGradient ? batch * inputs : 0)
    dy.withUnsafeBufferPointer { dy in
      x.withUnsafeBufferPointer { x in
        weight.withUnsafeBufferPointer { w in
          dw.withUnsafeMutableBufferPointer { dw in
            db.withUnsafeMutableBufferPointer { db in
              dx.withUnsafeMutableBufferPointer { dx in
                for row in 0..<batch {
                  let xBase = row * inputs
                  for unit in 0..<outputs {
                    let g = dy[row * outputs + unit]
                    if g == 0 { continue }
                    db[unit] += g
                    let wBase = unit * inputs
                    for i in 0..<inputs {
                      dw[wBase &+ i] += g * x[xBase &+ i]
                    }
                    if needInputGradient {
                      for i in 0..<inputs {
                        dx[xBase &+ i] += g * w[wBase &+ i]
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
    return (dw, db, dx)
  }
}
