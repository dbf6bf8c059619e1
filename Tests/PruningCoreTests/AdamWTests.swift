import Foundation
import PruningCore
import PruningTestSupport
import Testing

@Suite("AdamW")
struct AdamWTests {
  /// Two steps worked by hand (lr 0.1, β 0.9/0.999, ε 1e-8, λ 0.01; decay on p₀ only):
  /// step 1, g = [0.5, −0.1]: p₀ = 1·(1 − 0.001) − 0.1·0.05/0.1 / (√0.00025/√0.001 + ε)
  /// = 0.999 − 0.1 = 0.899; p₁ = −2 + 0.1 = −1.9 (Adam's first step is lr·sign(g)).
  /// step 2, g = [−0.2, 0.3]: m₀ = 0.025, v₀ = 0.00028975, p₀ = 0.899·0.999 −
  /// (0.1/0.19)·0.025/(√0.00028975/√0.001999) = 0.8635404; p₁ = −1.9494190.
  @Test("Two steps match the hand-worked example")
  func workedExample() throws {
    var optimiser = try AdamW(
      learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0.01)
    var parameters: [Float] = [1, -2]
    try optimiser.step(&parameters, gradients: [0.5, -0.1], decays: [true, false])
    expectClose(parameters, [0.899, -1.9], tolerance: 1e-6, "after step 1")
    try optimiser.step(&parameters, gradients: [-0.2, 0.3], decays: [true, false])
    expectClose(parameters, [0.863_540_4, -1.949_419], tolerance: 1e-6, "after step 2")
    #expect(optimiser.stepCount == 2)
  }

  @Test("Ten steps match a Double oracle on random vectors", arguments: RandomData.seeds)
  func matchesOracle(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let count = 1 + generator.nextInt(below: 20)
    let (lr, b1, b2, eps, wd) = (0.01, 0.8, 0.95, 1e-6, 0.05)
    var optimiser = try AdamW(
      learningRate: Float(lr), beta1: Float(b1), beta2: Float(b2), epsilon: Float(eps),
      weightDecay: Float(wd))
    var parameters = (0..<count).map { _ in generator.nextFloat(in: -2...2) }
    let decays = (0..<count).map { _ in generator.nextInt(below: 2) == 0 }
    var p = parameters.map(Double.init)
    var m = [Double](repeating: 0, count: count)
    var v = [Double](repeating: 0, count: count)
    for t in 1...10 {
      let g = (0..<count).map { _ in generator.nextFloat(in: -1...1) }
      try optimiser.step(&parameters, gradients: g, decays: decays)
      for i in 0..<count {
        if decays[i] { p[i] *= 1 - lr * wd }
        m[i] = b1 * m[i] + (1 - b1) * Double(g[i])
        v[i] = b2 * v[i] + (1 - b2) * Double(g[i]) * Double(g[i])
        let mHat = m[i] / (1 - pow(b1, Double(t)))
        let vHat = v[i] / (1 - pow(b2, Double(t)))
        p[i] -= lr * mHat / (vHat.squareRoot() + eps)
      }
    }
    expectClose(parameters, p.map { Float($0) }, tolerance: 1e-4)
  }

  @Test("A model step moves every parameter and decays only matrices")
  func modelStep() throws {
    var model = try randomTinyModel(seed: 2)
    let (_, gradients) = try model.lossAndGradients(sequences: [[1, 2, 3, 4], [6, 5, 4]])
    var zero = gradients
    for (_, path) in parameterPaths(blockCount: 2) {
      zero[keyPath: path] = try Tensor(zeros: zero[keyPath: path].shape)
    }
    // With zero gradients only the decay acts: matrices shrink by 1 − lr·λ, the rest stay.
    var optimiser = try AdamW(learningRate: 0.5, weightDecay: 0.2)
    var decayed = model
    try optimiser.step(&decayed, gradients: zero)
    #expect(decayed.blocks[0].query.bias == model.blocks[0].query.bias)
    #expect(decayed.finalNorm == model.finalNorm)
    expectClose(decayed.head.weight, model.head.weight.map { $0 * 0.9 }, tolerance: 1e-6)
    expectClose(decayed.tokenEmbedding, model.tokenEmbedding.map { $0 * 0.9 }, tolerance: 1e-6)
    var stepped = model
    var fresh = try AdamW(learningRate: 0.01, weightDecay: 0)
    try fresh.step(&stepped, gradients: gradients)
    #expect(stepped.blocks[1].mlpUp.weight != model.blocks[1].mlpUp.weight)
    model.blocks[0].mlpUp = try Linear(weight: Tensor(zeros: [3, 8]), bias: Tensor(zeros: [3]))
    #expect(throws: PruningError.self) { try fresh.step(&model, gradients: gradients) }
  }

  @Test("Bad hyperparameters, counts and gradients throw the exact error")
  func badInput() throws {
    #expect(throws: PruningError.invalidHyperparameter(name: "beta1", value: 1)) {
      try AdamW(learningRate: 0.1, beta1: 1)
    }
    #expect(throws: PruningError.invalidHyperparameter(name: "learningRate", value: -1)) {
      try AdamW(learningRate: -1)
    }
    var optimiser = try AdamW(learningRate: 0.1)
    var parameters: [Float] = [1, 2]
    #expect(throws: PruningError.shapeMismatch(expected: [2], actual: [3])) {
      try optimiser.step(&parameters, gradients: [1, 2, 3], decays: [true, true])
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [1], kind: .nan)) {
      try optimiser.step(&parameters, gradients: [1, .nan], decays: [true, true])
    }
    #expect(parameters == [1, 2])
  }
}
