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
  // TODO: Check the masks against the model; zero the pruned weights; train with PruningCore's
  // loop, zeroing them again after every step.
  throw .notImplemented("trainMasked(_:masks:on:configuration:)")
}
