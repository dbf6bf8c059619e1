import PruningCore

/// Reference counts over `Sequential` models, each by its definition: non-zeros, trainable
/// parameters and multiply-accumulates, with shapes traced by hand.
///
/// Plain, slow and obvious, like every oracle here: they never call an exercise's code, and
/// ``layerMACs(of:inputShape:)`` does not use the layers' own shape tracing either.
public enum ReferenceCounts {
  /// The elements that are not zero (`-0.0` is zero; NaN and infinities are not).
  ///
  /// - Parameter tensor: The tensor.
  /// - Returns: The count.
  public static func nonZeros(_ tensor: Tensor) -> Int {
    tensor.scalars.filter { $0 != 0 }.count
  }

  /// The share of elements that are not zero; 1 for an empty tensor.
  ///
  /// - Parameter tensor: The tensor.
  /// - Returns: The density in `0...1`.
  public static func density(_ tensor: Tensor) -> Double {
    tensor.count == 0 ? 1 : Double(nonZeros(tensor)) / Double(tensor.count)
  }

  /// A layer's trainable parameters (`layer.parameters`: weight and bias, or γ and β), total
  /// and non-zero.
  ///
  /// - Parameter layer: The layer.
  /// - Returns: The counts (0 and 0 for `relu` and `flatten`).
  public static func parameters(of layer: Layer) -> (total: Int, nonZero: Int) {
    layer.parameters.reduce((0, 0)) { ($0.0 + $1.count, $0.1 + nonZeros($1)) }
  }

  /// A model's trainable parameters, total and non-zero: the sum over its layers.
  ///
  /// - Parameter model: The model.
  /// - Returns: The counts.
  public static func parameters(of model: Sequential) -> (total: Int, nonZero: Int) {
    model.layers.map(parameters(of:)).reduce((0, 0)) { ($0.0 + $1.0, $0.1 + $1.1) }
  }

  /// Each layer's multiply-accumulates for one example, and the density of its weight.
  ///
  /// Dense `in · out`; Conv2D `Cout · Ho · Wo · Cin · kh · kw` with
  /// `Ho = (H + 2p − kh) / s + 1`; every other layer 0 MACs and density 1.
  ///
  /// - Parameters:
  ///   - model: The model.
  ///   - inputShape: The input's shape, batch dimension first (the batch does not count).
  /// - Returns: One entry per layer.
  public static func layerMACs(
    of model: Sequential, inputShape: [Int]
  ) -> [(macs: Int, density: Double)] {
    var shape = Array(inputShape.dropFirst())
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
}
