import PruningCore

/// Removes a whole layer from a model, which is possible only where the layer's input and
/// output shapes are the same.
///
/// The source article's answer "removes" a Keras layer by assigning `Activation('identity')` to
/// its `output`; Keras has no 'identity' activation (the line raises `ValueError` before the
/// assignment), `output` is read-only, and even if both worked, no weight would go away.
/// Here the layer really leaves the list, so its parameters and its computation are gone. The
/// neighbours are unchanged, so the layer after it must accept what the layer before it
/// produced: the removed layer's output shape must equal its input shape (a square `Dense`, a
/// `Conv2D` with as many filters as input channels, stride 1 and "same" padding, a
/// `BatchNorm`, a ReLU, a Flatten of an already flat input), as in a residual block's branch.
/// The function changes, of course; the model is fine-tuned afterwards.
///
/// ```swift
/// // dense(4 → 8) → ReLU → dense(8 → 8) → ReLU → dense(8 → 3)
/// try removeLayer(at: 2, from: model, inputShape: [1, 4])
/// // dense(4 → 8) → ReLU → ReLU → dense(8 → 3): 72 parameters fewer
/// try removeLayer(at: 0, from: model, inputShape: [1, 4])
/// // throws shapeMismatch(expected: [1, 4], actual: [1, 8])
/// ```
///
/// - Parameters:
///   - index: The position of the layer to remove.
///   - model: The model.
///   - inputShape: The shape of the model's input, batch first.
/// - Returns: The model without that layer.
/// - Throws: `PruningError.indexOutOfRange(index:count:)` when `index` is not a layer; the
///   errors of `Sequential.activationShapes(forInput:)` when the model cannot run on
///   `inputShape`; `PruningError.shapeMismatch(expected: <the layer's input shape>,
///   actual: <its output shape>)` when the two differ.
/// - Complexity: O(*L*) shape checks for *L* layers.
public func removeLayer(
  at index: Int,
  from model: Sequential,
  inputShape: [Int]
) throws(PruningError) -> Sequential {
  // TODO: Trace the activation shapes, compare the layer's input and output shapes, and drop the
  // layer only when they are equal.
  throw .notImplemented("removeLayer(at:from:inputShape:)")
}
