import PruningCore

/// A pruned linear layer: its new weights and which of them were kept.
///
/// Magnitude and Wanda only zero weights (`weights` is the old weights times the mask);
/// SparseGPT also changes the kept ones.
public struct PrunedLayer: Hashable, Sendable {
  /// The weights after pruning, `[out, in]`: zero wherever `mask` is `false`.
  public var weights: Tensor
  /// `true` where a weight was kept.
  public var mask: Mask

  /// Creates a pruned layer from its weights and mask.
  ///
  /// - Parameters:
  ///   - weights: The weights after pruning.
  ///   - mask: The kept weights, of the same shape.
  public init(weights: Tensor, mask: Mask) {
    self.weights = weights
    self.mask = mask
  }
}

/// A model pruned layer by layer, with the reconstruction error each layer was left with.
public struct PrunedModel<Model: LayerwisePrunable> {
  /// The pruned model.
  public var model: Model
  /// `‖WX − ŴX‖²_F` of each layer, in `prunableLayers` order, on the inputs it was calibrated on.
  public var reconstructionErrors: [Double]

  /// Creates the result of sequential pruning.
  ///
  /// - Parameters:
  ///   - model: The pruned model.
  ///   - reconstructionErrors: One error per prunable layer, in order.
  public init(model: Model, reconstructionErrors: [Double]) {
    self.model = model
    self.reconstructionErrors = reconstructionErrors
  }
}

/// One step of Optimal Brain Surgeon on a row: which weight goes, what it costs, and the new row.
public struct SurgeonStep: Hashable, Sendable {
  /// The index `q` of the removed weight.
  public var index: Int
  /// The predicted increase of the loss, `w_q² / (2[H⁻¹]_qq)`.
  public var lossIncrease: Double
  /// The row after the update `w + δw`, with `weights[index]` exactly 0.
  public var weights: [Double]

  /// Creates a step.
  ///
  /// - Parameters:
  ///   - index: The removed weight's index.
  ///   - lossIncrease: The predicted loss increase.
  ///   - weights: The updated row.
  public init(index: Int, lossIncrease: Double, weights: [Double]) {
    self.index = index
    self.lossIncrease = lossIncrease
    self.weights = weights
  }
}
