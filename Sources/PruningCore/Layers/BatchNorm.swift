/// Batch normalisation in inference mode: each channel is normalised with its running statistics.
///
/// For channel `c`: `y = γ[c] · (x − runningMean[c]) / √(runningVariance[c] + ε) + β[c]`, as
/// PyTorch's `nn.BatchNorm1d`/`nn.BatchNorm2d` compute in `eval()` mode. All four vectors are
/// indexed by channel, so removing a channel (a filter of the convolution before) removes its
/// entry from all four.
///
/// ```swift
/// let bn = try BatchNorm(
///   gamma: Tensor([2]), beta: Tensor([1]), runningMean: Tensor([3]),
///   runningVariance: Tensor([4]), epsilon: 0)
/// try bn.forward(Tensor(rows: [[5]]))   // [[2 · (5 − 3) / 2 + 1]] = [[3]]
/// ```
public struct BatchNorm: Hashable, Sendable {
  /// The learned scale γ, `[C]`.
  public var gamma: Tensor

  /// The learned shift β, `[C]`.
  public var beta: Tensor

  /// The running mean of each channel, `[C]`.
  public var runningMean: Tensor

  /// The running (biased) variance of each channel, `[C]`; not negative.
  public var runningVariance: Tensor

  /// The constant added to the variance before the square root; finite and positive for
  /// ordinary use (0 is accepted).
  public var epsilon: Float

  /// Creates a batch normalisation from its parameters and running statistics.
  ///
  /// - Parameters:
  ///   - gamma: The scale of each channel, `[C]`.
  ///   - beta: The shift of each channel, `[C]`.
  ///   - runningMean: The running mean of each channel, `[C]`.
  ///   - runningVariance: The running variance of each channel, `[C]`, none negative.
  ///   - epsilon: The constant added to the variance; finite and not negative.
  /// - Throws: `PruningError.rankMismatch` when `gamma` is not rank 1;
  ///   `PruningError.shapeMismatch` when another vector's shape differs from `gamma`'s;
  ///   `PruningError.invalidArgument` for a negative variance or a negative or non-finite epsilon.
  public init(
    gamma: Tensor,
    beta: Tensor,
    runningMean: Tensor,
    runningVariance: Tensor,
    epsilon: Float = 1e-5
  ) throws(PruningError) {
    try Self.validate(
      gamma: gamma, beta: beta, runningMean: runningMean, runningVariance: runningVariance,
      epsilon: epsilon)
    self.gamma = gamma
    self.beta = beta
    self.runningMean = runningMean
    self.runningVariance = runningVariance
    self.epsilon = epsilon
  }

  /// Creates the identity-like normalisation PyTorch starts from: γ = 1, β = 0, mean 0, variance 1.
  ///
  /// - Parameter channels: The number of channels, at least 0.
  /// - Throws: `PruningError.invalidArgument` when `channels` is negative.
  public init(channels: Int) throws(PruningError) {
    guard channels >= 0 else {
      throw .invalidArgument("channels must not be negative, got \(channels)")
    }
    try self.init(
      gamma: Tensor(repeating: 1, shape: [channels]), beta: Tensor(zeros: [channels]),
      runningMean: Tensor(zeros: [channels]),
      runningVariance: Tensor(repeating: 1, shape: [channels]))
  }

  /// The number of channels, `gamma.count`.
  public var channels: Int { gamma.count }

  /// Normalises a batch channel by channel.
  ///
  /// - Parameter input: `[batch, C]` (after a dense layer) or `[batch, C, H, W]` (after a
  ///   convolution); dimension 1 is the channel.
  /// - Returns: A tensor of the input's shape.
  /// - Throws: `PruningError.rankMismatch` when `input` is neither rank 2 nor rank 4;
  ///   `PruningError.shapeMismatch` when its channel count is not `channels` (or the stored
  ///   vectors were edited into disagreement).
  /// - Complexity: O(*n*) in the input's element count.
  public func forward(_ input: Tensor) throws(PruningError) -> Tensor {
    let shape = try outputShape(forInput: input.shape)
    let channelCount = shape[1]
    let plane = shape.dropFirst(2).reduce(1, *)
    var scale = [Float](repeating: 0, count: channelCount)
    var shift = [Float](repeating: 0, count: channelCount)
    for c in 0..<channelCount {
      scale[c] = gamma.scalars[c] / (runningVariance.scalars[c] + epsilon).squareRoot()
      shift[c] = beta.scalars[c]
    }
    var y = input.scalars
    for flat in y.indices {
      let c = (flat / plane) % channelCount
      y[flat] = (y[flat] - runningMean.scalars[c]) * scale[c] + shift[c]
    }
    return try Tensor(shape: shape, scalars: y)
  }

  /// The shape `forward` returns for an input shape (the same), after checking both.
  ///
  /// - Parameter shape: `[batch, C]` or `[batch, C, H, W]`.
  /// - Returns: The same shape.
  /// - Throws: The errors of ``forward(_:)``.
  func outputShape(forInput shape: [Int]) throws(PruningError) -> [Int] {
    try Self.validate(
      gamma: gamma, beta: beta, runningMean: runningMean, runningVariance: runningVariance,
      epsilon: epsilon)
    guard shape.count == 2 || shape.count == 4 else {
      throw .rankMismatch(expected: 4, actual: shape)
    }
    guard shape[1] == channels else {
      var expected = shape
      expected[1] = channels
      throw .shapeMismatch(expected: expected, actual: shape)
    }
    return shape
  }

  private static func validate(
    gamma: Tensor, beta: Tensor, runningMean: Tensor, runningVariance: Tensor, epsilon: Float
  ) throws(PruningError) {
    guard gamma.rank == 1 else { throw .rankMismatch(expected: 1, actual: gamma.shape) }
    for vector in [beta, runningMean, runningVariance] where vector.shape != gamma.shape {
      throw .shapeMismatch(expected: gamma.shape, actual: vector.shape)
    }
    if let channel = runningVariance.scalars.firstIndex(where: { $0 < 0 }) {
      throw .invalidArgument(
        "running variance must not be negative, got \(runningVariance.scalars[channel]) "
          + "at channel \(channel)")
    }
    guard epsilon.isFinite, epsilon >= 0 else {
      throw .invalidArgument("epsilon must be finite and not negative, got \(epsilon)")
    }
  }
}
