/// Layer normalisation over the last dimension: `γ ⊙ (x − mean) / √(var + ε) + β`.
///
/// The variance is the biased one (divided by the width), and ε is ``epsilon``, as in
/// PyTorch's `nn.LayerNorm` defaults.
public struct LayerNorm: Hashable, Sendable {
  /// The scale, `[width]`; starts at 1.
  public var gamma: Tensor

  /// The shift, `[width]`; starts at 0.
  public var beta: Tensor

  /// The ε added to the variance.
  public static let epsilon: Float = 1e-5

  /// Creates a layer norm from its scale and shift.
  ///
  /// - Parameters:
  ///   - gamma: The scale, 1-D.
  ///   - beta: The shift, the same shape as `gamma`.
  /// - Throws: `PruningError.rankMismatch` when `gamma` is not 1-D;
  ///   `PruningError.shapeMismatch` when `beta`'s shape differs from `gamma`'s.
  public init(gamma: Tensor, beta: Tensor) throws(PruningError) {
    guard gamma.rank == 1 else { throw .rankMismatch(expected: 1, actual: gamma.shape) }
    guard beta.shape == gamma.shape else {
      throw .shapeMismatch(expected: gamma.shape, actual: beta.shape)
    }
    self.gamma = gamma
    self.beta = beta
  }

  /// Creates the identity layer norm of a width: γ = 1, β = 0.
  ///
  /// - Parameter width: The normalised dimension; at least 0.
  public init(width: Int) {
    gamma = Tensor([Float](repeating: 1, count: max(0, width)))
    beta = Tensor([Float](repeating: 0, count: max(0, width)))
  }

  /// The normalised width.
  public var width: Int { gamma.count }
}
