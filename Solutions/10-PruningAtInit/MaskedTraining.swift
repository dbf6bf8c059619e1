import PruningCore

/// Trains a pruned network with its masks held fixed: pruned weights start at zero and stay
/// there.
///
/// The second half of pruning at initialisation: the masks are chosen once, then the network
/// trains as usual. Zero the pruned weights, then train with PruningCore's loop
/// (``MLP/train(on:configuration:afterStep:afterEpoch:)``), zeroing them again after every
/// optimiser step: the gradient of a pruned weight is generally not zero, so one step without
/// the mask would bring it back. Biases are not masked. Every other weight ends exactly where
/// the same training of the masked network leaves it, bit for bit.
///
/// ```swift
/// let config = TrainingConfiguration(
///   epochs: 30, batchSize: 32, learningRate: 0.1, momentum: 0.9, seed: 2)
/// let trained = try trainMasked(model, masks: masks, on: train, configuration: config)
/// try trained.evaluate(on: test).accuracy
/// ```
///
/// - Parameters:
///   - model: The network at initialisation.
///   - masks: One mask per layer, each of its weight's shape.
///   - data: The training examples.
///   - configuration: Epochs, batch size, optimiser settings and the shuffle seed.
/// - Returns: The trained network; its weights are exactly `0` wherever a mask prunes.
/// - Throws: `PruningError.shapeMismatch` when the number of masks differs from the layers
///   (expected `[layers]`, actual `[masks]`) or a mask's shape differs from its weight's
///   (expected the weight's shape), checked before any training; then the errors of
///   ``MLP/train(on:configuration:afterStep:afterEpoch:)``.
/// - Complexity: That of the training run.
public func trainMasked(
  _ model: MLP, masks: [Mask], on data: LabeledExamples, configuration: TrainingConfiguration
) throws(PruningError) -> MLP {
  try checkMasks(masks, fit: model)
  var network = model
  try applyMasks(masks, to: &network)
  try network.train(
    on: data, configuration: configuration,
    afterStep: { model, _ throws(PruningError) in try applyMasks(masks, to: &model) })
  return network
}

/// Throws unless there is one mask per layer, each of its weight's shape.
func checkMasks(_ masks: [Mask], fit model: MLP) throws(PruningError) {
  guard masks.count == model.layers.count else {
    throw .shapeMismatch(expected: [model.layers.count], actual: [masks.count])
  }
  for (weight, mask) in zip(model.weights, masks) where weight.shape != mask.shape {
    throw .shapeMismatch(expected: weight.shape, actual: mask.shape)
  }
}

/// Writes exact zeros into every weight a mask prunes.
func applyMasks(_ masks: [Mask], to model: inout MLP) throws(PruningError) {
  var weights = model.weights
  for (index, mask) in masks.enumerated() {
    var scalars = weights[index].scalars
    for position in scalars.indices where !mask.isKept[position] {
      scalars[position] = 0
    }
    try weights[index].setScalars(scalars)
  }
  try model.setWeights(weights)
}
