import Foundation
import PruningCore
import PruningMetrics
import PruningTestSupport
import Testing

@Suite("Parameter counts (parameterCount)")
struct ParameterCountTests {
  @Test("Dense: in · out + out, and the zeros of weight and bias are not counted as non-zero")
  func denseExample() throws {
    let count = try parameterCount(of: .dense(Fixtures.exampleDense()))
    #expect(count == ParameterCount(total: 8, nonZero: 4))
  }

  @Test("Conv2D: Cout · Cin · kh · kw + Cout")
  func conv() throws {
    var weight = try Tensor(repeating: 0.5, shape: [4, 3, 3, 2])
    weight[0, 0, 0, 0] = 0
    weight[3, 2, 2, 1] = -0.0
    let conv = try Conv2D(weight: weight, bias: Tensor([0, 1, 2, 3]), stride: 2, padding: 1)
    try expectEqual(
      parameterCount(of: .conv2D(conv)), ParameterCount(total: 76, nonZero: 73),
      "parameterCount(of: .conv2D(conv))")
  }

  @Test("BatchNorm: γ and β only (2C); the running statistics are buffers")
  func batchNorm() throws {
    try expectEqual(
      parameterCount(of: .batchNorm(BatchNorm(channels: 4))), ParameterCount(total: 8, nonZero: 4),
      "parameterCount(of: .batchNorm(BatchNorm(channels: 4)))")
    let norm = try BatchNorm(
      gamma: Tensor([1, 0, 2]), beta: Tensor([0.5, 0.5, 0]), runningMean: Tensor([3, 3, 3]),
      runningVariance: Tensor([2, 2, 2]))
    try expectEqual(
      parameterCount(of: .batchNorm(norm)), ParameterCount(total: 6, nonZero: 4),
      "parameterCount(of: .batchNorm(norm))")
  }

  @Test("ReLU and Flatten have no parameters")
  func parameterFree() throws {
    try expectEqual(
      parameterCount(of: .relu), ParameterCount(total: 0, nonZero: 0),
      "parameterCount(of: .relu)")
    try expectEqual(
      parameterCount(of: .flatten), ParameterCount(total: 0, nonZero: 0),
      "parameterCount(of: .flatten)")
  }

  @Test("A 64 → 32 → 10 MLP has 2410 parameters, biases included")
  func mlp() throws {
    let model = try Fixtures.mlp([64, 32, 10], seed: 1)
    try expectEqual(parameterCount(of: model).total, 2410, "parameterCount(of: model).total")
    try expectEqual(
      parameterCount(of: Sequential([])), ParameterCount(total: 0, nonZero: 0),
      "parameterCount(of: Sequential([]))")
  }

  @Test("Random models: per layer and in total, the shape formulas", arguments: RandomData.seeds)
  func randomModels(seed: UInt64) throws {
    let (model, _) = try Fixtures.randomModel(seed: seed)
    for (index, layer) in model.layers.enumerated() {
      let expected = Oracle.parameters(of: layer)
      try expectEqual(
        parameterCount(of: layer), ParameterCount(total: expected.total, nonZero: expected.nonZero),
        "parameterCount(of: layer)", "layer \(index)")
    }
    let expected = Oracle.parameters(of: model)
    try expectEqual(
      parameterCount(of: model), ParameterCount(total: expected.total, nonZero: expected.nonZero),
      "parameterCount(of: model)")
  }

  @Test("The MIT 6.5940 lab's VGG: 9,228,362 parameters without conv biases, 35.20 MiB at fp32")
  func labVGG() throws {
    // [64, 128, M, 256, 256, M, 512, 512, M, 512, 512, M], conv-BN-ReLU, then Linear(512, 10).
    // The lab's convolutions have no bias; ours always carry one, 2752 more parameters.
    let widths = [64, 128, 256, 256, 512, 512, 512, 512]
    var layers: [Layer] = []
    var channels = 3
    for width in widths {
      let conv = try Conv2D(
        weight: Tensor(repeating: 0.01, shape: [width, channels, 3, 3]),
        bias: Tensor(zeros: [width]), padding: 1)
      layers += [.conv2D(conv), .batchNorm(try BatchNorm(channels: width)), .relu]
      channels = width
    }
    layers.append(
      .dense(
        try Dense(weight: Tensor(repeating: 0.01, shape: [10, 512]), bias: Tensor(zeros: [10]))))
    let count = try parameterCount(of: Sequential(layers))
    let convBiases = widths.reduce(0, +)
    #expect(convBiases == 2752)
    #expect(count.total == 9_228_362 + convBiases)
    // Non-zero: every conv and linear weight, and γ = 1; the biases and β are zero.
    #expect(count.nonZero == 9_228_362 - 2752 - 10)
    let mebibytes = Double(4 * (count.total - convBiases)) / Double(1 << 20)
    #expect(String(format: "%.2f", mebibytes) == "35.20")
  }
}
