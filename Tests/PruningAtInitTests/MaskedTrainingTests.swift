import PruningAtInit
import PruningCore
import PruningTestSupport
import Testing

@Suite("Training with the masks held fixed (trainMasked)")
struct MaskedTrainingTests {
  /// 150 digits and a short run keep the suite fast.
  func smallRun() throws -> (data: LabeledExamples, config: TrainingConfiguration) {
    let (train, _) = try Digits.loadSplit()
    let data = try train.subset(Array(0..<150))
    let config = TrainingConfiguration(
      epochs: 2, batchSize: 16, learningRate: 0.1, momentum: 0.9, weightDecay: 0, seed: 5)
    return (data, config)
  }

  /// The same training, written out: mask first, then re-mask after every step.
  func reference(_ model: MLP, masks: [Mask], data: LabeledExamples, config: TrainingConfiguration)
    throws -> MLP
  {
    var network = Oracle.masked(model, masks)
    try network.train(on: data, configuration: config) { model, _ in
      model = Oracle.masked(model, masks)
    }
    return network
  }

  @Test(
    "Pruned weights start at zero and stay exactly zero; the rest train as the reference",
    arguments: [UInt64(1), 2, 3])
  func fixedMasks(seed: UInt64) throws {
    let (data, config) = try smallRun()
    let model = try Fixture.randomModel(sizes: [64, 32, 10], seed: seed)
    let masks = try Fixture.randomMasks(model, density: 0.2, seed: seed &+ 10)
    let trained = try trainMasked(model, masks: masks, on: data, configuration: config)
    for (layer, (weight, mask)) in zip(trained.weights, masks).enumerated() {
      let revived = (0..<weight.count).filter { !mask.isKept[$0] && weight[flat: $0] != 0 }
      #expect(revived.isEmpty, "layer \(layer): \(revived.count) pruned weights are not zero")
    }
    let expected = try reference(model, masks: masks, data: data, config: config)
    for (layer, (actual, reference)) in zip(trained.weights, expected.weights).enumerated() {
      expectClose(actual, reference, tolerance: 0, "weights of layer \(layer)")
    }
    for (layer, (actual, reference)) in zip(trained.biases, expected.biases).enumerated() {
      expectClose(actual, reference, tolerance: 0, "biases of layer \(layer)")
    }
    #expect(trained.weights != Oracle.masked(model, masks).weights, "nothing trained")
  }

  @Test("Masks that keep everything train exactly as plain training does")
  func dense() throws {
    let (data, config) = try smallRun()
    let model = try Fixture.randomModel(sizes: [64, 16, 10], seed: 4)
    var plain = model
    try plain.train(on: data, configuration: config)
    let trained = try trainMasked(
      model, masks: Fixture.allKept(model), on: data, configuration: config)
    #expect(trained == plain)
  }

  @Test("Bad masks throw before any training; training's own errors pass through")
  func validation() throws {
    let (data, config) = try smallRun()
    let model = try Fixture.randomModel(sizes: [64, 16, 10], seed: 4)
    var bad = config
    bad.epochs = -1
    let masks = try Fixture.allKept(model)
    #expect(throws: PruningError.shapeMismatch(expected: [2], actual: [1])) {
      try trainMasked(model, masks: [masks[0]], on: data, configuration: bad)
    }
    #expect(throws: PruningError.shapeMismatch(expected: [10, 16], actual: [16, 64])) {
      try trainMasked(model, masks: [masks[0], masks[0]], on: data, configuration: bad)
    }
    #expect(throws: PruningError.invalidHyperparameter(name: "epochs", value: -1)) {
      try trainMasked(model, masks: masks, on: data, configuration: bad)
    }
  }
}
