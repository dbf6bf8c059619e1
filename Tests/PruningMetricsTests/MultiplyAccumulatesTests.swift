import PruningCore
import PruningMetrics
import PruningTestSupport
import Testing

@Suite("MACs and FLOPs (macs, flops)")
struct MultiplyAccumulatesTests {
  static func conv(
    _ inputs: Int, _ outputs: Int, kernel: Int, stride: Int = 1, padding: Int = 0
  ) throws -> Layer {
    .conv2D(
      try Conv2D(
        weight: Tensor(repeating: 0.1, shape: [outputs, inputs, kernel, kernel]),
        bias: Tensor(zeros: [outputs]), stride: stride, padding: padding))
  }

  @Test("Dense: in · out MACs per example, twice that in FLOPs, whatever the batch")
  func dense() throws {
    let layer = Layer.dense(
      try Dense(weight: Tensor(repeating: 1, shape: [3, 4]), bias: Tensor([1, 2, 3])))
    try expectEqual(macs(of: layer, inputShape: [1, 4]), 12, "macs(of: layer, inputShape: [1, 4])")
    try expectEqual(macs(of: layer, inputShape: [5, 4]), 12, "macs(of: layer, inputShape: [5, 4])")
    try expectEqual(
      flops(of: layer, inputShape: [1, 4]), 24, "flops(of: layer, inputShape: [1, 4])")
  }

  @Test("Conv2D: Cout · Hout · Wout · Cin · kh · kw, with stride and padding")
  func conv() throws {
    let same = try Self.conv(3, 8, kernel: 3, padding: 1)
    try expectEqual(
      macs(of: same, inputShape: [1, 3, 32, 32]), 221_184,
      "macs(of: same, inputShape: [1, 3, 32, 32])")
    try expectEqual(
      flops(of: same, inputShape: [2, 3, 32, 32]), 442_368,
      "flops(of: same, inputShape: [2, 3, 32, 32])")
    let strided = try Self.conv(2, 5, kernel: 3, stride: 2, padding: 1)  // 8×8 → 4×4
    try expectEqual(
      macs(of: strided, inputShape: [1, 2, 8, 8]), 5 * 16 * 2 * 9,
      "macs(of: strided, inputShape: [1, 2, 8, 8])")
    let valid = try Self.conv(1, 4, kernel: 3)  // 7×5 → 5×3
    try expectEqual(
      macs(of: valid, inputShape: [1, 1, 7, 5]), 4 * 15 * 9,
      "macs(of: valid, inputShape: [1, 1, 7, 5])")
  }

  @Test("BatchNorm, ReLU and Flatten cost no MACs")
  func freeLayers() throws {
    try expectEqual(
      macs(of: .batchNorm(BatchNorm(channels: 3)), inputShape: [1, 3, 4, 4]), 0,
      "macs(of: .batchNorm(BatchNorm(channels: 3)), inputShape: [1, 3, 4, 4])")
    try expectEqual(
      macs(of: .relu, inputShape: [1, 10]), 0, "macs(of: .relu, inputShape: [1, 10])")
    try expectEqual(
      flops(of: .flatten, inputShape: [1, 2, 3, 3]), 0,
      "flops(of: .flatten, inputShape: [1, 2, 3, 3])")
  }

  @Test("The worked model: conv 1 → 4 on 8×8, BN, ReLU, Flatten, Dense 144 → 10")
  func workedModel() throws {
    var generator = SplitMix64(seed: 7)
    let model = Sequential([
      .conv2D(try Conv2D(inputChannels: 1, outputChannels: 4, kernelSize: 3, using: &generator)),
      .batchNorm(try BatchNorm(channels: 4)), .relu, .flatten,
      .dense(try Dense(inputSize: 144, outputSize: 10, using: &generator)),
    ])
    try expectEqual(
      macs(of: model, inputShape: [1, 1, 8, 8]), 2736,
      "macs(of: model, inputShape: [1, 1, 8, 8])")
    try expectEqual(
      flops(of: model, inputShape: [3, 1, 8, 8]), 5472,
      "flops(of: model, inputShape: [3, 1, 8, 8])")
  }

  @Test(
    "Random models: the model's MACs are the sum of its layers' at their input shapes",
    arguments: RandomData.seeds)
  func randomModels(seed: UInt64) throws {
    let (model, inputShape) = try Fixtures.randomModel(seed: seed)
    let expected = Oracle.layerMACs(of: model, inputShape: inputShape)
    let shapes = [inputShape] + (try model.activationShapes(forInput: inputShape)).dropLast()
    for (index, layer) in model.layers.enumerated() {
      try expectEqual(
        macs(of: layer, inputShape: shapes[index]), expected[index].macs,
        "macs(of: layer, inputShape: shapes[index])", "layer \(index)")
    }
    let total = expected.map(\.macs).reduce(0, +)
    try expectEqual(
      macs(of: model, inputShape: inputShape), total, "macs(of: model, inputShape: inputShape)")
    try expectEqual(
      flops(of: model, inputShape: inputShape), 2 * total,
      "flops(of: model, inputShape: inputShape)")
  }

  @Test("The MIT 6.5940 lab's VGG: 605,749,248 conv MACs on a 32×32 image")
  func labVGG() throws {
    // [64, 128, M, 256, 256, M, 512, 512, M, 512, 512, M]: each M halves the image.
    let plan: [(inputs: Int, outputs: Int, size: Int)] = [
      (3, 64, 32), (64, 128, 32), (128, 256, 16), (256, 256, 16),
      (256, 512, 8), (512, 512, 8), (512, 512, 4), (512, 512, 4),
    ]
    var total = 0
    for step in plan {
      let layer = Layer.conv2D(
        try Conv2D(
          weight: Tensor(zeros: [step.outputs, step.inputs, 3, 3]),
          bias: Tensor(zeros: [step.outputs]), padding: 1))
      total += try macs(of: layer, inputShape: [1, step.inputs, step.size, step.size])
    }
    #expect(total == 605_749_248)
  }

  @Test("An input the layer cannot take throws the layer's own shape error")
  func badShapes() throws {
    let dense = Layer.dense(try Dense(weight: Tensor(zeros: [3, 4]), bias: Tensor(zeros: [3])))
    #expect(throws: PruningError.shapeMismatch(expected: [1, 4], actual: [1, 5])) {
      try macs(of: dense, inputShape: [1, 5])
    }
    #expect(throws: PruningError.rankMismatch(expected: 4, actual: [1, 3, 8])) {
      try macs(of: try Self.conv(3, 2, kernel: 3), inputShape: [1, 3, 8])
    }
    let model = Sequential([dense, .relu, dense])
    #expect(throws: PruningError.shapeMismatch(expected: [2, 4], actual: [2, 3])) {
      try macs(of: model, inputShape: [2, 4])
    }
    #expect(throws: PruningError.invalidShape(shape: [-1, 4], scalarCount: 0)) {
      try flops(of: Sequential([dense]), inputShape: [-1, 4])
    }
  }
}
