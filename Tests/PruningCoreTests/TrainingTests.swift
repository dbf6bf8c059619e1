import Foundation
import PruningCore
import PruningTestSupport
import Testing

/// The mean cross-entropy computed the slow way, in `Double`, through `Sequential`'s forward.
private func referenceLoss(_ model: MLP, _ x: Tensor, _ labels: [Int]) throws -> Double {
  let logits = try model.sequential.forward(x)
  let classes = model.outputSize
  var total = 0.0
  for row in 0..<labels.count {
    let z = (0..<classes).map { Double(logits[row, $0]) }
    let largest = z.max() ?? 0
    let logSum = log(z.map { exp($0 - largest) }.reduce(0, +)) + largest
    total += logSum - z[labels[row]]
  }
  return total / Double(labels.count)
}

@Suite("The MLP, backpropagation and SGD")
struct TrainingTests {
  @Test("Logits match Sequential's forward pass (dense, relu, dense)", arguments: RandomData.seeds)
  func logitsMatchSequential(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let model = try MLP(sizes: [7, 5, 4, 3], using: &generator)
    let x = RandomData.tensor(shape: [6, 7], seed: seed &+ 1, in: -2...2)
    expectClose(try model.logits(for: x), try model.sequential.forward(x), tolerance: 1e-5)
  }

  @Test("Gradients match central finite differences", arguments: [UInt64(1), 2, 3, 4])
  func finiteDifferences(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let model = try MLP(sizes: [5, 6, 4], using: &generator)
    let x = RandomData.tensor(shape: [3, 5], seed: seed &+ 10, in: -1...1)
    let labels = (0..<3).map { _ in generator.nextInt(below: 4) }
    let (loss, gradients) = try model.lossAndGradients(features: x, labels: labels)
    expectClose(loss, try referenceLoss(model, x, labels), tolerance: 1e-5)
    let h: Float = 1e-2
    for layer in 0..<2 {
      for (isWeight, count) in [
        (true, model.weights[layer].count), (false, model.biases[layer].count),
      ] {
        for index in 0..<count {
          func loss(shiftedBy delta: Float) throws -> Double {
            var shifted = model
            if isWeight {
              var w = shifted.weights
              w[layer][flat: index] += delta
              try shifted.setWeights(w)
            } else {
              var b = shifted.biases
              b[layer][flat: index] += delta
              try shifted.setBiases(b)
            }
            return try referenceLoss(shifted, x, labels)
          }
          let numeric = (try loss(shiftedBy: h) - loss(shiftedBy: -h)) / Double(2 * h)
          let analytic = Double(
            isWeight ? gradients.weights[layer][flat: index] : gradients.biases[layer][flat: index])
          #expect(
            abs(numeric - analytic) <= 2e-3 + 2e-2 * abs(numeric),
            "layer \(layer) \(isWeight ? "weight" : "bias") \(index): \(analytic) vs \(numeric)")
        }
      }
    }
  }

  @Test("One SGD step follows p ← p − η(g + λp), and momentum accumulates velocity")
  func sgdStep() throws {
    let layer = try Dense(weight: Tensor(rows: [[1, -2]]), bias: Tensor([0.5]))
    var model = try MLP(layers: [layer])
    let gradients = MLPGradients(
      weights: [try Tensor(rows: [[0.5, 1]])], biases: [Tensor([-1])])
    var plain = try SGD(learningRate: 0.1, weightDecay: 0.5)
    var copy = model
    try plain.step(&copy, gradients: gradients)
    expectClose(copy.weights[0], try Tensor(rows: [[1 - 0.1 * (0.5 + 0.5), -2 - 0.1 * (1 - 1)]]))
    expectClose(copy.biases[0], Tensor([0.5 + 0.1]))
    var momentum = try SGD(learningRate: 0.1, momentum: 0.9)
    try momentum.step(&model, gradients: gradients)
    try momentum.step(&model, gradients: gradients)
    // v1 = g, v2 = 0.9 g + g = 1.9 g: w = w0 − 0.1 g − 0.19 g.
    expectClose(model.weights[0], try Tensor(rows: [[1 - 0.29 * 0.5, -2 - 0.29]]))
    #expect(throws: PruningError.invalidHyperparameter(name: "momentum", value: 1)) {
      try SGD(learningRate: 0.1, momentum: 1)
    }
    #expect(throws: PruningError.invalidHyperparameter(name: "learningRate", value: 0)) {
      try SGD(learningRate: 0)
    }
  }

  @Test("Training a tiny problem lowers its loss, and the same seed gives the same model")
  func lossDecreases() throws {
    let data = try Digits.loadSplit().train.subset(Array(0..<120))
    var generator = SplitMix64(seed: 3)
    let start = try MLP(sizes: [64, 12, 10], using: &generator)
    let config = TrainingConfiguration(
      epochs: 5, batchSize: 16, learningRate: 0.1, momentum: 0.9, seed: 4)
    var model = start
    let reports = try model.train(on: data, configuration: config)
    #expect(reports.count == 5)
    #expect(reports.map(\.steps) == [8, 16, 24, 32, 40])
    let before = try start.evaluate(on: data)
    let after = try model.evaluate(on: data)
    #expect(after.loss < before.loss / 2, "\(before.loss) → \(after.loss)")
    #expect(after.accuracy > 0.7)
    #expect(reports[4].meanLoss < reports[0].meanLoss)
    var twin = start
    try twin.train(on: data, configuration: config)
    #expect(twin == model)
  }

  @Test("The hook runs after every optimiser step with the step's index, and can edit weights")
  func hook() throws {
    let data = try Digits.loadSplit().train.subset(Array(0..<50))
    var generator = SplitMix64(seed: 5)
    var model = try MLP(sizes: [64, 8, 10], using: &generator)
    var seen: [Int] = []
    let config = TrainingConfiguration(epochs: 2, batchSize: 20, learningRate: 0.05, seed: 1)
    try model.train(on: data, configuration: config) { model, step throws(PruningError) in
      seen.append(step)
      var w = model.weights
      w[0][flat: 0] = 0  // a pruner would zero its pruned weights here
      try model.setWeights(w)
    }
    #expect(seen == [0, 1, 2, 3, 4, 5])
    #expect(model.weights[0][flat: 0] == 0)
  }

  @Test("Bad training settings and inputs throw the exact error")
  func badInput() throws {
    var generator = SplitMix64(seed: 6)
    var model = try MLP(sizes: [4, 3, 2], using: &generator)
    let data = try LabeledExamples(features: Tensor(zeros: [2, 4]), labels: [0, 1], classCount: 2)
    #expect(throws: PruningError.invalidHyperparameter(name: "batchSize", value: 0)) {
      try model.train(
        on: data,
        configuration: TrainingConfiguration(
          epochs: 1, batchSize: 0, learningRate: 0.1, seed: 1))
    }
    #expect(throws: PruningError.invalidHyperparameter(name: "epochs", value: -1)) {
      try model.train(
        on: data,
        configuration: TrainingConfiguration(
          epochs: -1, batchSize: 1, learningRate: 0.1, seed: 1))
    }
    #expect(throws: PruningError.shapeMismatch(expected: [1, 4], actual: [1, 5])) {
      try model.logits(for: Tensor(zeros: [1, 5]))
    }
    #expect(throws: PruningError.indexOutOfRange(index: 2, count: 2)) {
      try model.lossAndGradients(features: Tensor(zeros: [1, 4]), labels: [2])
    }
    #expect(throws: PruningError.emptyInput("batch")) {
      try model.lossAndGradients(features: Tensor(zeros: [0, 4]), labels: [])
    }
    #expect(throws: PruningError.shapeMismatch(expected: [3], actual: [2])) {
      try MLP(layers: [
        Dense(weight: Tensor(zeros: [3, 4]), bias: Tensor(zeros: [3])),
        Dense(weight: Tensor(zeros: [2, 2]), bias: Tensor(zeros: [2])),
      ])
    }
  }
}

@Suite("Model archives (JSON)")
struct ModelArchiveTests {
  @Test("Saving and loading gives back every weight bit for bit, and the provenance")
  func roundTrip() throws {
    var generator = SplitMix64(seed: 9)
    var model = try MLP(sizes: [5, 4, 3], using: &generator)
    var w = model.weights
    w[0][flat: 0] = 1e-30
    w[0][flat: 1] = -0.0
    w[1][flat: 2] = .greatestFiniteMagnitude
    try model.setWeights(w)
    let archive = ModelArchive(model: model, provenance: ["note": "a \"quoted\"\nline"])
    let data = try archive.jsonData()
    let back = try ModelArchive(jsonData: data, source: "test.json")
    #expect(back == archive)
    #expect(
      back.model.weights[0].scalars.map(\.bitPattern) == model.weights[0].scalars.map(\.bitPattern))
  }

  @Test("Broken archives are reported as malformed files")
  func malformed() throws {
    func load(_ text: String) throws {
      _ = try ModelArchive(jsonData: Data(text.utf8), source: "m.json")
    }
    #expect(
      throws: PruningError.malformedFile(
        source: "m.json", reason: "not a model archive: not valid JSON")
    ) {
      try load("{")
    }
    #expect(
      throws: PruningError.malformedFile(
        source: "m.json", reason: "not a model archive: missing field \"layers\"")
    ) {
      try load(#"{"format": "pruningkit-mlp", "version": 1}"#)
    }
    #expect(
      throws: PruningError.malformedFile(
        source: "m.json", reason: "version 2 is not supported (expected 1)")
    ) {
      try load(#"{"format": "pruningkit-mlp", "version": 2, "layers": []}"#)
    }
    #expect(
      throws: PruningError.malformedFile(
        source: "m.json", reason: "layer 0: weight rows differ in length")
    ) {
      try load(
        #"{"format": "pruningkit-mlp", "version": 1, "layers": [{"weight": [[1, 2], [3]], "bias": [0, 0]}]}"#
      )
    }
    #expect(
      throws: PruningError.malformedFile(
        source: "m.json", reason: "layer 0: 1 biases for 2 outputs")
    ) {
      try load(
        #"{"format": "pruningkit-mlp", "version": 1, "layers": [{"weight": [[1], [3]], "bias": [0]}]}"#
      )
    }
    var generator = SplitMix64(seed: 1)
    var model = try MLP(sizes: [2, 2], using: &generator)
    var w = model.weights
    w[0][flat: 3] = .nan
    try model.setWeights(w)
    #expect(throws: PruningError.nonFiniteWeight(position: [1, 1], kind: .nan)) {
      try ModelArchive(model: model).jsonData()
    }
  }

  @Test("The shipped baseline loads, and its recorded test accuracy is what it scores")
  func shippedBaseline() throws {
    let archive = try DigitsBaseline.load()
    #expect(archive.model.sizes == DigitsBaseline.sizes)
    #expect(archive.provenance["command"] == DigitsBaseline.command)
    let test = try Digits.loadSplit().test
    let result = try archive.model.evaluate(on: test)
    #expect(archive.provenance["testAccuracy"] == "\(result.correct)/\(result.count)")
    #expect(result.accuracy > 0.95)
  }
}
