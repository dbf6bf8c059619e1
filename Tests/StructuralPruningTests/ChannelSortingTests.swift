import PruningCore
import PruningTestSupport
import StructuralPruning
import Testing

@Suite("Sorting channels by importance")
struct ChannelSortingTests {
  @Test("The worked example: consumer weights [0.1, −2, 0.5] sort the channels as [1, 2, 0]")
  func workedExample() throws {
    let model = Sequential([
      .conv2D(
        try Conv2D(
          weight: Tensor(shape: [3, 1, 1, 1], scalars: [10, 20, 30]), bias: Tensor([1, 2, 3]))),
      .relu,
      .conv2D(
        try Conv2D(
          weight: Tensor(shape: [1, 3, 1, 1], scalars: [0.1, -2, 0.5]), bias: Tensor([0]))),
    ])
    let sorted = try sortChannelsByImportance(model, convolutionAt: 0, inputShape: [1, 1, 4, 4])
    let first = try #require(Models.conv(sorted, at: 0))
    #expect(first.weight.scalars == [20, 30, 10])
    #expect(first.bias == Tensor([2, 3, 1]))
    let consumer = try #require(Models.conv(sorted, at: 2))
    #expect(consumer.weight.scalars == [-2, 0.5, 0.1])
    let x = RandomData.tensor(shape: [1, 1, 4, 4], seed: 1)
    expectClose(try sorted.forward(x), try model.forward(x), tolerance: 1e-5)
  }

  @Test(
    "Random conv → BN → conv models: same function, importance non-increasing",
    arguments: RandomData.seeds)
  func convModels(seed: UInt64) throws {
    let (model, inputShape) = try Models.convNormConv(seed: seed)
    let sorted = try sortChannelsByImportance(model, convolutionAt: 0, inputShape: inputShape)
    let x = RandomData.tensor(shape: inputShape, seed: seed &+ 1, in: -2...2)
    expectClose(try sorted.forward(x), try model.forward(x), tolerance: 1e-4)
    let consumer = try #require(Models.conv(sorted, at: 3))
    let importance = Oracle.channelNorms(consumer.weight, l1: false, dimension: 1)
    #expect(importance == importance.sorted(by: >), "importance after sorting: \(importance)")
    let original = try #require(Models.conv(model, at: 3))
    let before = Oracle.channelNorms(original.weight, l1: false, dimension: 1)
    #expect(importance.sorted() == before.sorted(), "sorting only permutes channels")
  }

  @Test(
    "Random conv → flatten → dense models: whole column blocks move with their channel",
    arguments: RandomData.seeds)
  func denseModels(seed: UInt64) throws {
    let (model, inputShape) = try Models.convFlattenDense(seed: seed)
    let sorted = try sortChannelsByImportance(model, convolutionAt: 0, inputShape: inputShape)
    let x = RandomData.tensor(shape: inputShape, seed: seed &+ 2, in: -2...2)
    expectClose(try sorted.forward(x), try model.forward(x), tolerance: 1e-4)
    let shapes = try model.activationShapes(forInput: inputShape)
    let (channels, plane) = (shapes[0][1], shapes[0][2] * shapes[0][3])
    let dense = try #require(Models.dense(sorted, at: 4))
    let blocks = try dense.weight.reshaped(to: [dense.outputSize, channels, plane])
    let importance = Oracle.channelNorms(blocks, l1: false, dimension: 1)
    #expect(importance == importance.sorted(by: >), "importance after sorting: \(importance)")
  }

  @Test("Channels of equal importance keep their relative order")
  func ties() throws {
    let model = Sequential([
      .conv2D(
        try Conv2D(
          weight: Tensor(shape: [4, 1, 1, 1], scalars: [1, 2, 3, 4]), bias: Tensor(zeros: [4]))),
      .conv2D(
        try Conv2D(
          weight: Tensor(shape: [1, 4, 1, 1], scalars: [1, -3, -1, 3]), bias: Tensor([0]))),
    ])
    let sorted = try sortChannelsByImportance(model, convolutionAt: 0, inputShape: [1, 1, 1, 1])
    let first = try #require(Models.conv(sorted, at: 0))
    #expect(first.weight.scalars == [2, 4, 1, 3])
  }

  @Test("After sorting, keeping the first k channels keeps the k most important")
  func thenPrune() throws {
    let (model, inputShape) = try Models.convNormConv(seed: 21)
    let sorted = try sortChannelsByImportance(model, convolutionAt: 0, inputShape: inputShape)
    let original = try #require(Models.conv(model, at: 3))
    let importance = Oracle.channelNorms(original.weight, l1: false, dimension: 1)
    let k = max(1, importance.count / 2)
    let top = Array(importance.indices.sorted { importance[$0] > importance[$1] }.prefix(k))
    let pruned = try pruneFilters(
      sorted, convolutionAt: 0, keeping: Array(0..<k), inputShape: inputShape)
    let removed = Set(importance.indices).subtracting(top)
    let reference = try Oracle.silencing(model, channels: removed, consumerAt: 3, plane: 1)
    let x = RandomData.tensor(shape: inputShape, seed: 22)
    expectClose(try pruned.forward(x), try reference.forward(x), tolerance: 1e-4)
  }

  @Test("Models it cannot sort and non-finite weights throw the exact error")
  func errors() throws {
    var generator = SplitMix64(seed: 3)
    let conv = try Conv2D(inputChannels: 1, outputChannels: 2, kernelSize: 1, using: &generator)
    #expect(throws: PruningError.unexpectedLayer(index: 2, expected: "conv2D or flatten")) {
      try sortChannelsByImportance(
        Sequential([.conv2D(conv), .relu]), convolutionAt: 0, inputShape: [1, 1, 2, 2])
    }
    #expect(throws: PruningError.unexpectedLayer(index: 0, expected: "conv2D")) {
      try sortChannelsByImportance(
        Sequential([.relu, .conv2D(conv)]), convolutionAt: 0, inputShape: [1, 1, 2, 2])
    }
    #expect(throws: PruningError.indexOutOfRange(index: -1, count: 1)) {
      try sortChannelsByImportance(
        Sequential([.conv2D(conv)]), convolutionAt: -1, inputShape: [1, 1, 2, 2])
    }
    var next = try Conv2D(inputChannels: 2, outputChannels: 1, kernelSize: 1, using: &generator)
    next.weight[0, 1, 0, 0] = .nan
    #expect(throws: PruningError.nonFiniteWeight(position: [0, 1, 0, 0], kind: .nan)) {
      try sortChannelsByImportance(
        Sequential([.conv2D(conv), .conv2D(next)]), convolutionAt: 0, inputShape: [1, 1, 2, 2])
    }
  }
}
