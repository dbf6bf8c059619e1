/// One pre-LayerNorm transformer block: `x += Attention(LN(x))`, then `x += MLP(LN(x))`.
///
/// The attention is multi-head causal self-attention: head `h` owns rows
/// `h·headDimension..<(h+1)·headDimension` of ``query``, ``key`` and ``value`` and the same
/// columns of ``output``. The MLP is `mlpDown(GELU(mlpUp(x)))` with GELU's tanh approximation
/// (as GPT-2). Blocks of one model may differ in heads and MLP width (after structured
/// pruning); ``headCount`` and ``mlpWidth`` are read from the shapes.
public struct TransformerBlock: Hashable, Sendable {
  /// The layer norm before attention.
  public var attentionNorm: LayerNorm

  /// The query projection, `[heads·headDimension, width]`.
  public var query: Linear

  /// The key projection, `[heads·headDimension, width]`.
  public var key: Linear

  /// The value projection, `[heads·headDimension, width]`.
  public var value: Linear

  /// The attention output projection, `[width, heads·headDimension]`.
  public var output: Linear

  /// The layer norm before the MLP.
  public var mlpNorm: LayerNorm

  /// The MLP's first layer, `[mlpWidth, width]`.
  public var mlpUp: Linear

  /// The MLP's second layer, `[width, mlpWidth]`.
  public var mlpDown: Linear

  /// The width of each attention head.
  public var headDimension: Int

  /// Creates a block from its layers.
  ///
  /// - Parameters:
  ///   - attentionNorm: The layer norm before attention, `[width]`.
  ///   - query: `[heads·headDimension, width]`.
  ///   - key: `[heads·headDimension, width]`.
  ///   - value: `[heads·headDimension, width]`.
  ///   - output: `[width, heads·headDimension]`.
  ///   - mlpNorm: The layer norm before the MLP, `[width]`.
  ///   - mlpUp: `[mlpWidth, width]`.
  ///   - mlpDown: `[width, mlpWidth]`.
  ///   - headDimension: The width of each head; at least 1.
  /// - Throws: `PruningError.invalidHyperparameter` for a head dimension below 1;
  ///   `PruningError.shapeMismatch` when the shapes do not fit together.
  public init(
    attentionNorm: LayerNorm, query: Linear, key: Linear, value: Linear, output: Linear,
    mlpNorm: LayerNorm, mlpUp: Linear, mlpDown: Linear, headDimension: Int
  ) throws(PruningError) {
    self.attentionNorm = attentionNorm
    self.query = query
    self.key = key
    self.value = value
    self.output = output
    self.mlpNorm = mlpNorm
    self.mlpUp = mlpUp
    self.mlpDown = mlpDown
    self.headDimension = headDimension
    try validate(width: attentionNorm.width)
  }

  /// The number of attention heads, `query.outputs / headDimension`.
  public var headCount: Int { headDimension > 0 ? query.outputs / headDimension : 0 }

  /// The MLP's hidden units, `mlpUp.outputs`.
  public var mlpWidth: Int { mlpUp.outputs }

  /// The attention width, `headCount · headDimension`.
  var attentionWidth: Int { query.outputs }

  /// Throws unless every shape fits a residual stream of `width`.
  ///
  /// - Parameter width: The model's residual width.
  /// - Throws: `PruningError.invalidHyperparameter` for a head dimension below 1;
  ///   `PruningError.shapeMismatch` for the first tensor of the wrong shape.
  func validate(width: Int) throws(PruningError) {
    guard headDimension >= 1 else {
      throw .invalidHyperparameter(name: "headDimension", value: Double(headDimension))
    }
    let attention = query.outputs
    let heads = attention / headDimension
    let expected: [(Tensor, [Int])] = [
      (attentionNorm.gamma, [width]), (attentionNorm.beta, [width]),
      (query.weight, [max(heads, 1) * headDimension, width]), (query.bias, [attention]),
      (key.weight, [attention, width]), (key.bias, [attention]),
      (value.weight, [attention, width]), (value.bias, [attention]),
      (output.weight, [width, attention]), (output.bias, [width]),
      (mlpNorm.gamma, [width]), (mlpNorm.beta, [width]),
      (mlpUp.weight, [max(mlpUp.outputs, 1), width]), (mlpUp.bias, [mlpUp.outputs]),
      (mlpDown.weight, [width, mlpUp.outputs]), (mlpDown.bias, [width]),
    ]
    for (tensor, shape) in expected where tensor.shape != shape {
      throw .shapeMismatch(expected: shape, actual: tensor.shape)
    }
  }
}
