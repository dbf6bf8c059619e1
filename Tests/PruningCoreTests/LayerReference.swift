import PruningCore

/// Naive reference implementations the layer tests compare against: index by index, with the
/// textbook formulas and no shared code with the layers.
enum Reference {
  /// `y[b, j] = bias[j] + Σᵢ x[b, i] · W[j, i]`, computed in `Double`.
  static func dense(_ x: Tensor, weight: Tensor, bias: Tensor) -> Tensor {
    let (batch, inputs, outputs) = (x.shape[0], x.shape[1], weight.shape[0])
    var y = (try? Tensor(zeros: [batch, outputs])) ?? Tensor([])
    for b in 0..<batch {
      for j in 0..<outputs {
        var sum = Double(bias[j])
        for i in 0..<inputs {
          sum += Double(x[b, i]) * Double(weight[j, i])
        }
        y[b, j] = Float(sum)
      }
    }
    return y
  }

  /// Convolution by padding the image explicitly, then sliding the kernel, in `Double`.
  static func conv(
    _ x: Tensor, weight: Tensor, bias: Tensor, stride: Int, padding: Int
  ) -> Tensor {
    let (batch, channels, height, width) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
    let (filters, kh, kw) = (weight.shape[0], weight.shape[2], weight.shape[3])
    let paddedHeight = height + 2 * padding
    let paddedWidth = width + 2 * padding
    var padded = (try? Tensor(zeros: [batch, channels, paddedHeight, paddedWidth])) ?? Tensor([])
    for b in 0..<batch {
      for c in 0..<channels {
        for i in 0..<height {
          for j in 0..<width {
            padded[b, c, i + padding, j + padding] = x[b, c, i, j]
          }
        }
      }
    }
    var outHeight = 0
    while outHeight * stride + kh <= paddedHeight { outHeight += 1 }
    var outWidth = 0
    while outWidth * stride + kw <= paddedWidth { outWidth += 1 }
    var y = (try? Tensor(zeros: [batch, filters, outHeight, outWidth])) ?? Tensor([])
    for b in 0..<batch {
      for f in 0..<filters {
        for i in 0..<outHeight {
          for j in 0..<outWidth {
            var sum = Double(bias[f])
            for c in 0..<channels {
              for u in 0..<kh {
                for v in 0..<kw {
                  sum +=
                    Double(padded[b, c, i * stride + u, j * stride + v])
                    * Double(weight[f, c, u, v])
                }
              }
            }
            y[b, f, i, j] = Float(sum)
          }
        }
      }
    }
    return y
  }

  /// Inference batch normalisation, channel = dimension 1, in `Double`.
  static func batchNorm(_ x: Tensor, _ norm: BatchNorm) -> Tensor {
    let channels = x.shape[1]
    let plane = x.shape.dropFirst(2).reduce(1, *)
    var y = x
    for flat in 0..<x.count {
      let c = (flat / plane) % channels
      let normalised =
        (Double(x[flat: flat]) - Double(norm.runningMean[c]))
        / (Double(norm.runningVariance[c]) + Double(norm.epsilon)).squareRoot()
      y[flat: flat] = Float(Double(norm.gamma[c]) * normalised + Double(norm.beta[c]))
    }
    return y
  }
}
