import PruningCore
import PruningTestSupport
import StructuralPruning
import Testing

@Suite("Removing neurons between two dense layers")
struct NeuronRemovalTests {
  @Test("The worked example keeps rows 0 and 2, biases 0 and 2, and columns 0 and 2")
  func workedExample() throws {
    let layer = try Dense(
      weight: Tensor(rows: [[1, 0], [0, 0], [0, 1]]), bias: Tensor([0.1, 0.2, 0.3]))
    let next = try Dense(weight: Tensor(rows: [[1, 5, 2], [3, 6, 4]]), bias: Tensor([0.5, -1]))
    let (smaller, smallerNext) = try removeNeurons(from: layer, next: next, keeping: [0, 2])
    try expectEqual(smaller.weight, Tensor(rows: [[1, 0], [0, 1]]), "smaller.weight")
    #expect(smaller.bias == Tensor([0.1, 0.3]))
    try expectEqual(smallerNext.weight, Tensor(rows: [[1, 2], [3, 4]]), "smallerNext.weight")
    #expect(smallerNext.bias == Tensor([0.5, -1]))
  }

  @Test(
    "The parameter count drops by exactly m·(in + 1 + out) and the slices are the kept ones",
    arguments: RandomData.seeds)
  func exactDrop(seed: UInt64) throws {
    let dims = RandomData.shape(rank: 3, dimensions: 1...9, seed: seed)
    let (inputs, hidden, outputs) = (dims[0], dims[1] + 1, dims[2])
    var generator = SplitMix64(seed: seed)
    let layer = try Dense(inputSize: inputs, outputSize: hidden, using: &generator)
    let next = try Dense(inputSize: hidden, outputSize: outputs, using: &generator)
    let kept = Models.subset(of: hidden, seed: seed &+ 5)
    let (smaller, smallerNext) = try removeNeurons(from: layer, next: next, keeping: kept)
    let before = Oracle.parameterCount(Sequential([.dense(layer), .relu, .dense(next)]))
    let after = Oracle.parameterCount(Sequential([.dense(smaller), .relu, .dense(smallerNext)]))
    let removed = hidden - kept.count
    #expect(before - after == removed * (inputs + 1 + outputs))
    try expectEqual(
      smaller.weight, Oracle.slices(layer.weight, dimension: 0, keeping: kept),
      "smaller.weight")
    try expectEqual(
      smaller.bias, Oracle.slices(layer.bias, dimension: 0, keeping: kept),
      "smaller.bias")
    try expectEqual(
      smallerNext.weight, Oracle.slices(next.weight, dimension: 1, keeping: kept),
      "smallerNext.weight")
    #expect(smallerNext.bias == next.bias)
  }

  @Test(
    "Removing dead units (zero in-weights, zero bias) never changes the output",
    arguments: RandomData.seeds)
  func deadUnits(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    var layer = try Dense(inputSize: 4, outputSize: 7, using: &generator)
    let next = try Dense(inputSize: 7, outputSize: 3, using: &generator)
    let kept = Models.subset(of: 7, seed: seed &+ 1)
    for unit in 0..<7 where !kept.contains(unit) {
      for i in 0..<4 { layer.weight[unit, i] = 0 }
      layer.bias[unit] = 0
    }
    let (smaller, smallerNext) = try removeNeurons(from: layer, next: next, keeping: kept)
    let original = Sequential([.dense(layer), .relu, .dense(next)])
    let pruned = Sequential([.dense(smaller), .relu, .dense(smallerNext)])
    let x = RandomData.tensor(shape: [5, 4], seed: seed &+ 2, in: -3...3)
    expectClose(try pruned.forward(x), try original.forward(x), tolerance: 1e-5)
  }

  @Test("Removing a unit with zero weights but a positive bias changes the output")
  func positiveBias() throws {
    // Unit 1 ignores the input but outputs relu(2) = 2, which the next layer adds.
    let layer = try Dense(weight: Tensor(rows: [[1, 1], [0, 0]]), bias: Tensor([0, 2]))
    let next = try Dense(weight: Tensor(rows: [[1, 1]]), bias: Tensor([0]))
    let (smaller, smallerNext) = try removeNeurons(from: layer, next: next, keeping: [0])
    let original = Sequential([.dense(layer), .relu, .dense(next)])
    let pruned = Sequential([.dense(smaller), .relu, .dense(smallerNext)])
    let x = try Tensor(rows: [[1, 2], [-1, -1]])
    expectClose(try original.forward(x), try Tensor(rows: [[5], [2]]))
    expectClose(try pruned.forward(x), try Tensor(rows: [[3], [0]]))
  }

  @Test("A negative bias is hidden by ReLU, so that unit's removal changes nothing")
  func negativeBias() throws {
    let layer = try Dense(weight: Tensor(rows: [[1, 1], [0, 0]]), bias: Tensor([0, -2]))
    let next = try Dense(weight: Tensor(rows: [[1, 1]]), bias: Tensor([0]))
    let (smaller, smallerNext) = try removeNeurons(from: layer, next: next, keeping: [0])
    let original = Sequential([.dense(layer), .relu, .dense(next)])
    let pruned = Sequential([.dense(smaller), .relu, .dense(smallerNext)])
    let x = try Tensor(rows: [[1, 2], [-1, -1]])
    expectClose(try pruned.forward(x), try original.forward(x))
  }

  @Test("Keeping every unit in a new order reorders them and keeps the function")
  func permutation() throws {
    var generator = SplitMix64(seed: 77)
    let layer = try Dense(inputSize: 3, outputSize: 5, using: &generator)
    let next = try Dense(inputSize: 5, outputSize: 2, using: &generator)
    let order = [3, 0, 4, 2, 1]
    let (smaller, smallerNext) = try removeNeurons(from: layer, next: next, keeping: order)
    try expectEqual(
      smaller.weight, Oracle.slices(layer.weight, dimension: 0, keeping: order),
      "smaller.weight")
    try expectEqual(
      smallerNext.weight, Oracle.slices(next.weight, dimension: 1, keeping: order),
      "smallerNext.weight")
    let original = Sequential([.dense(layer), .relu, .dense(next)])
    let reordered = Sequential([.dense(smaller), .relu, .dense(smallerNext)])
    let x = RandomData.tensor(shape: [3, 3], seed: 78)
    expectClose(try reordered.forward(x), try original.forward(x), tolerance: 1e-5)
  }

  @Test("Mismatched layers and bad unit lists throw the exact error")
  func errors() throws {
    let layer = try Dense(weight: Tensor(zeros: [3, 2]), bias: Tensor(zeros: [3]))
    let next = try Dense(weight: Tensor(zeros: [1, 3]), bias: Tensor([0]))
    let wrongNext = try Dense(weight: Tensor(zeros: [1, 4]), bias: Tensor([0]))
    #expect(throws: PruningError.shapeMismatch(expected: [1, 3], actual: [1, 4])) {
      try removeNeurons(from: layer, next: wrongNext, keeping: [0])
    }
    #expect(throws: PruningError.emptyInput("keeping")) {
      try removeNeurons(from: layer, next: next, keeping: [])
    }
    #expect(throws: PruningError.indexOutOfRange(index: 3, count: 3)) {
      try removeNeurons(from: layer, next: next, keeping: [0, 3])
    }
    #expect(throws: PruningError.indexOutOfRange(index: -1, count: 3)) {
      try removeNeurons(from: layer, next: next, keeping: [-1])
    }
    #expect(throws: PruningError.duplicateIndex(1)) {
      try removeNeurons(from: layer, next: next, keeping: [1, 2, 1])
    }
  }
}
