/// A 2-D convolution over a batch of images, laid out as PyTorch's `nn.Conv2d` (groups = 1).
///
/// The weight is `[out, in, kh, kw]`: `weight[o]` is filter `o`, one `kh × kw` kernel per input
/// channel. Output channel `o` at `(y, x)` is
/// `bias[o] + Σ_c Σ_ky Σ_kx input[c, y·s − p + ky, x·s − p + kx] · weight[o, c, ky, kx]`,
/// with zeros outside the image (zero padding `p`, stride `s`). Like PyTorch, this is
/// cross-correlation: the kernel is not flipped.
///
/// ```swift
/// let conv = try Conv2D(
///   weight: Tensor(shape: [1, 1, 2, 2], scalars: [1, 0, 0, -1]), bias: Tensor([0.5]))
/// let image = try Tensor(shape: [1, 1, 3, 3], scalars: [1, 2, 3, 4, 5, 6, 7, 8, 9])
/// try conv.forward(image)   // shape [1, 1, 2, 2], every element 1 − 5 + 0.5 = −3.5
/// ```
///
/// Removing filter `o` removes `weight[o]`, `bias[o]` and input channel `o` of whatever reads
/// this layer's output.
public struct Conv2D: Hashable, Sendable {
  /// The filters, `[out, in, kh, kw]`.
  public var weight: Tensor

  /// The biases, `[out]`.
  public var bias: Tensor

  /// The step between neighbouring kernel positions, at least 1.
  public var stride: Int

  /// The zeros added on each side of the height and the width, at least 0.
  public var padding: Int

  /// Creates a convolution from its filters, biases, stride and padding.
  ///
  /// - Parameters:
  ///   - weight: The filters, `[out, in, kh, kw]`, with `kh` and `kw` at least 1.
  ///   - bias: The biases, `[out]`.
  ///   - stride: The step between kernel positions, at least 1.
  ///   - padding: The zero padding on each side, at least 0.
  /// - Throws: `PruningError.rankMismatch` when `weight` is not rank 4;
  ///   `PruningError.shapeMismatch` when `bias` is not `[out]`;
  ///   `PruningError.invalidArgument` for an empty kernel, a stride below 1 or a negative padding.
  public init(
    weight: Tensor,
    bias: Tensor,
    stride: Int = 1,
    padding: Int = 0
  ) throws(PruningError) {
    try Self.validate(weight: weight, bias: bias, stride: stride, padding: padding)
    self.weight = weight
    self.bias = bias
    self.stride = stride
    self.padding = padding
  }

  /// Creates a convolution with seeded random square filters, as PyTorch initialises `nn.Conv2d`.
  ///
  /// Every weight and bias is uniform in `[−1/√fanIn, 1/√fanIn]` with
  /// `fanIn = inputChannels · kernelSize²`. The weights are drawn first, row-major, then the
  /// biases.
  ///
  /// - Parameters:
  ///   - inputChannels: The number of input channels, at least 1.
  ///   - outputChannels: The number of filters, at least 1.
  ///   - kernelSize: The height and width of each kernel, at least 1.
  ///   - stride: The step between kernel positions, at least 1.
  ///   - padding: The zero padding on each side, at least 0.
  ///   - generator: The seeded generator to draw from.
  /// - Throws: `PruningError.invalidArgument` when a size or the stride is below 1 or the
  ///   padding is negative.
  public init(
    inputChannels: Int,
    outputChannels: Int,
    kernelSize: Int,
    stride: Int = 1,
    padding: Int = 0,
    using generator: inout SplitMix64
  ) throws(PruningError) {
    guard inputChannels >= 1 else {
      throw .invalidArgument("inputChannels must be at least 1, got \(inputChannels)")
    }
    guard outputChannels >= 1 else {
      throw .invalidArgument("outputChannels must be at least 1, got \(outputChannels)")
    }
    guard kernelSize >= 1 else {
      throw .invalidArgument("kernelSize must be at least 1, got \(kernelSize)")
    }
    let bound = 1 / Float(inputChannels * kernelSize * kernelSize).squareRoot()
    let weight = try Tensor.random(
      shape: [outputChannels, inputChannels, kernelSize, kernelSize], in: -bound...bound,
      using: &generator)
    let bias = try Tensor.random(shape: [outputChannels], in: -bound...bound, using: &generator)
    try self.init(weight: weight, bias: bias, stride: stride, padding: padding)
  }

  /// The number of input channels, `weight.shape[1]`.
  public var inputChannels: Int { weight.rank == 4 ? weight.shape[1] : 0 }

  /// The number of filters (output channels), `weight.shape[0]`.
  public var outputChannels: Int { weight.rank == 4 ? weight.shape[0] : 0 }

  /// The kernel's height and width, `weight.shape[2]` and `weight.shape[3]`.
  public var kernelSize: (height: Int, width: Int) {
    weight.rank == 4 ? (weight.shape[2], weight.shape[3]) : (0, 0)
  }

  /// The spatial size of the output for an input of a given size.
  ///
  /// `⌊(H + 2p − kh) / s⌋ + 1` (and the same for the width), as in PyTorch; 0 when the padded
  /// input is smaller than the kernel.
  ///
  /// ```swift
  /// // 3×3 kernel, stride 2, padding 1 on an 8×8 image:
  /// conv.outputSize(height: 8, width: 8)   // (4, 4)
  /// ```
  ///
  /// - Parameters:
  ///   - height: The input's height.
  ///   - width: The input's width.
  /// - Returns: The output's height and width.
  public func outputSize(height: Int, width: Int) -> (height: Int, width: Int) {
    func size(_ input: Int, _ kernel: Int) -> Int {
      let span = input + 2 * padding - kernel
      return span < 0 || stride < 1 ? 0 : span / stride + 1
    }
    return (size(height, kernelSize.height), size(width, kernelSize.width))
  }

  /// Applies the convolution to a batch of images.
  ///
  /// - Parameter input: The images, `[batch, in, H, W]`.
  /// - Returns: The feature maps, `[batch, out, Ho, Wo]` with the sizes of
  ///   ``outputSize(height:width:)``.
  /// - Throws: `PruningError.rankMismatch` when `input` is not rank 4;
  ///   `PruningError.shapeMismatch` when its channel count is not `inputChannels`;
  ///   `PruningError.invalidArgument` when the padded image is smaller than the kernel (or the
  ///   stored properties were edited into an invalid layer).
  /// - Complexity: O(*batch* · *out* · *Ho* · *Wo* · *in* · *kh* · *kw*).
  public func forward(_ input: Tensor) throws(PruningError) -> Tensor {
    let outputShape = try outputShape(forInput: input.shape)
    let (batch, inputs, height, width) = (
      input.shape[0], input.shape[1], input.shape[2], input.shape[3]
    )
    let (outputs, outHeight, outWidth) = (outputShape[1], outputShape[2], outputShape[3])
    let (kh, kw) = kernelSize
    let x = input.scalars
    let w = weight.scalars
    var y = [Float](repeating: 0, count: Tensor.elementCount(of: outputShape))
    var index = 0
    for n in 0..<batch {
      for o in 0..<outputs {
        for oy in 0..<outHeight {
          for ox in 0..<outWidth {
            var sum: Float = 0
            for c in 0..<inputs {
              let imageBase = (n * inputs + c) * height
              let kernelBase = (o * inputs + c) * kh
              for ky in 0..<kh {
                let iy = oy * stride - padding + ky
                guard iy >= 0, iy < height else { continue }
                for kx in 0..<kw {
                  let ix = ox * stride - padding + kx
                  guard ix >= 0, ix < width else { continue }
                  sum += x[(imageBase + iy) * width + ix] * w[(kernelBase + ky) * kw + kx]
                }
              }
            }
            y[index] = sum + bias.scalars[o]
            index += 1
          }
        }
      }
    }
    return try Tensor(shape: outputShape, scalars: y)
  }

  /// The shape `forward` returns for an input shape, after checking the input and the layer.
  ///
  /// - Parameter shape: The input's shape, `[batch, in, H, W]`.
  /// - Returns: `[batch, out, Ho, Wo]`.
  /// - Throws: The errors of ``forward(_:)``.
  func outputShape(forInput shape: [Int]) throws(PruningError) -> [Int] {
    try Self.validate(weight: weight, bias: bias, stride: stride, padding: padding)
    guard shape.count == 4 else { throw .rankMismatch(expected: 4, actual: shape) }
    guard shape[1] == inputChannels else {
      throw .shapeMismatch(expected: [shape[0], inputChannels, shape[2], shape[3]], actual: shape)
    }
    let (kh, kw) = kernelSize
    guard shape[2] + 2 * padding >= kh, shape[3] + 2 * padding >= kw else {
      throw .invalidArgument(
        "a \(shape[2])×\(shape[3]) input with padding \(padding) is smaller than the "
          + "\(kh)×\(kw) kernel")
    }
    let size = outputSize(height: shape[2], width: shape[3])
    return [shape[0], outputChannels, size.height, size.width]
  }

  private static func validate(
    weight: Tensor, bias: Tensor, stride: Int, padding: Int
  ) throws(PruningError) {
    guard weight.rank == 4 else { throw .rankMismatch(expected: 4, actual: weight.shape) }
    guard bias.shape == [weight.shape[0]] else {
      throw .shapeMismatch(expected: [weight.shape[0]], actual: bias.shape)
    }
    guard weight.shape[2] >= 1, weight.shape[3] >= 1 else {
      throw .invalidArgument(
        "kernel must be at least 1×1, got \(weight.shape[2])×\(weight.shape[3])")
    }
    guard stride >= 1 else { throw .invalidArgument("stride must be at least 1, got \(stride)") }
    guard padding >= 0 else {
      throw .invalidArgument("padding must not be negative, got \(padding)")
    }
  }
}
