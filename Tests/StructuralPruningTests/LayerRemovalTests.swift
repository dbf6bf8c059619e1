import PruningCore
import PruningTestSupport
import StructuralPruning
import Testing

@Suite("Removing whole layers")
struct LayerRemovalTests {
  func mlp(seed: UInt64 = 1) throws -> Sequential {
    var generator = SplitMix64(seed: seed)
    return Sequential([
      .dense(try Dense(inputSize: 4, outputSize: 8, using: &generator)),
      .relu,
      .dense(try Dense(inputSize: 8, outputSize: 8, using: &generator)),
      .relu,
      .dense(try Dense(inputSize: 8, outputSize: 3, using: &generator)),
    ])
  }

  @Test("The worked example: the square 8 → 8 layer goes and 72 parameters with it")
  func workedExample() throws {
    let model = try mlp()
    let smaller = try removeLayer(at: 2, from: model, inputShape: [1, 4])
    #expect(smaller.layers.count == 4)
    #expect(Oracle.parameterCount(model) - Oracle.parameterCount(smaller) == 72)
    #expect(smaller.layers == [model.layers[0], .relu, .relu, model.layers[4]])
    let y = try smaller.forward(RandomData.tensor(shape: [2, 4], seed: 3))
    #expect(y.shape == [2, 3])
  }

  @Test("A layer that changes the shape cannot go: shapeMismatch(input, output)")
  func shapeChanging() throws {
    let model = try mlp()
    #expect(throws: PruningError.shapeMismatch(expected: [1, 4], actual: [1, 8])) {
      try removeLayer(at: 0, from: model, inputShape: [1, 4])
    }
    #expect(throws: PruningError.shapeMismatch(expected: [5, 8], actual: [5, 3])) {
      try removeLayer(at: 4, from: model, inputShape: [5, 4])
    }
  }

  @Test("Convolutions go only with as many filters as inputs, stride 1 and same padding")
  func convolutions() throws {
    var generator = SplitMix64(seed: 4)
    let same = try Conv2D(
      inputChannels: 4, outputChannels: 4, kernelSize: 3, padding: 1, using: &generator)
    let strided = try Conv2D(
      inputChannels: 4, outputChannels: 4, kernelSize: 3, stride: 2, padding: 1,
      using: &generator)
    let unpadded = try Conv2D(inputChannels: 4, outputChannels: 4, kernelSize: 3, using: &generator)
    let widening = try Conv2D(
      inputChannels: 4, outputChannels: 6, kernelSize: 1, using: &generator)
    let inputShape = [1, 4, 8, 8]
    let model = Sequential([.conv2D(same), .relu])
    let smaller = try removeLayer(at: 0, from: model, inputShape: inputShape)
    #expect(smaller.layers == [.relu])
    #expect(throws: PruningError.shapeMismatch(expected: [1, 4, 8, 8], actual: [1, 4, 4, 4])) {
      try removeLayer(at: 0, from: Sequential([.conv2D(strided)]), inputShape: inputShape)
    }
    #expect(throws: PruningError.shapeMismatch(expected: [1, 4, 8, 8], actual: [1, 4, 6, 6])) {
      try removeLayer(at: 0, from: Sequential([.conv2D(unpadded)]), inputShape: inputShape)
    }
    #expect(throws: PruningError.shapeMismatch(expected: [1, 4, 8, 8], actual: [1, 6, 8, 8])) {
      try removeLayer(at: 0, from: Sequential([.conv2D(widening)]), inputShape: inputShape)
    }
  }

  @Test("A flatten goes only when its input is already flat")
  func flatten() throws {
    let model = Sequential([.flatten, .flatten])
    #expect(throws: PruningError.shapeMismatch(expected: [1, 2, 3, 3], actual: [1, 18])) {
      try removeLayer(at: 0, from: model, inputShape: [1, 2, 3, 3])
    }
    let smaller = try removeLayer(at: 1, from: model, inputShape: [1, 2, 3, 3])
    #expect(smaller.layers == [.flatten])
  }

  @Test(
    "Every removable layer really lowers the parameter count by its own parameters",
    arguments: RandomData.seeds)
  func parameterCount(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let width = 2 + generator.nextInt(below: 5)
    let model = Sequential([
      .conv2D(
        try Conv2D(
          inputChannels: 1, outputChannels: width, kernelSize: 3, padding: 1, using: &generator)),
      .batchNorm(try Models.batchNorm(channels: width, seed: seed)),
      .relu,
      .conv2D(
        try Conv2D(
          inputChannels: width, outputChannels: width, kernelSize: 3, padding: 1,
          using: &generator)),
      .flatten,
      .dense(try Dense(inputSize: width * 16, outputSize: 5, using: &generator)),
      .dense(try Dense(inputSize: 5, outputSize: 5, using: &generator)),
    ])
    let inputShape = [2, 1, 4, 4]
    let shapes = try model.activationShapes(forInput: inputShape)
    for index in model.layers.indices {
      let input = index == 0 ? inputShape : shapes[index - 1]
      if shapes[index] == input {
        let smaller = try removeLayer(at: index, from: model, inputShape: inputShape)
        let drop = Oracle.parameterCount(model) - Oracle.parameterCount(smaller)
        #expect(drop == Oracle.parameterCount(model.layers[index]), "layer \(index)")
        #expect(smaller.layers.count == model.layers.count - 1)
        try expectEqual(
          smaller.activationShapes(forInput: inputShape).last, shapes.last,
          "smaller.activationShapes(forInput: inputShape).last", "layer \(index)")
      } else {
        #expect(throws: PruningError.shapeMismatch(expected: input, actual: shapes[index])) {
          try removeLayer(at: index, from: model, inputShape: inputShape)
        }
      }
    }
  }

  @Test("Positions outside the model and inputs the model cannot take throw the exact error")
  func errors() throws {
    let model = try mlp()
    #expect(throws: PruningError.indexOutOfRange(index: 5, count: 5)) {
      try removeLayer(at: 5, from: model, inputShape: [1, 4])
    }
    #expect(throws: PruningError.indexOutOfRange(index: -1, count: 5)) {
      try removeLayer(at: -1, from: model, inputShape: [1, 4])
    }
    #expect(throws: PruningError.shapeMismatch(expected: [1, 4], actual: [1, 6])) {
      try removeLayer(at: 1, from: model, inputShape: [1, 6])
    }
    #expect(throws: PruningError.indexOutOfRange(index: 0, count: 0)) {
      try removeLayer(at: 0, from: Sequential([]), inputShape: [1, 4])
    }
  }
}
