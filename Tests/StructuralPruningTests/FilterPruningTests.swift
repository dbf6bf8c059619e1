import PruningCore
import PruningTestSupport
import StructuralPruning
import Testing

@Suite("Ranking filters by L1 norm (Li et al. 2017)")
struct FiltersToKeepTests {
  @Test("The worked example: L1 norms 3, 0.5 and 2")
  func workedExample() throws {
    let conv = try Conv2D(
      weight: Tensor(shape: [3, 2, 1, 1], scalars: [1, -2, 0.5, 0, 1, 1]),
      bias: Tensor([0, 0, 0]))
    try expectEqual(
      filtersToKeep(conv, amount: .count(1)), [0, 2], "filtersToKeep(conv, amount: .count(1))")
    try expectEqual(
      filtersToKeep(conv, amount: .fraction(0.5)), [0],
      "filtersToKeep(conv, amount: .fraction(0.5))")
  }

  @Test("Filters are ranked by L1, not L2, and the bias plays no part")
  func l1NotL2() throws {
    // Filter 0: L1 4, L2 2. Filter 1: L1 3, L2 3, with a large bias.
    let conv = try Conv2D(
      weight: Tensor(shape: [2, 1, 2, 2], scalars: [1, 1, 1, 1, 3, 0, 0, 0]),
      bias: Tensor([0, 100]))
    try expectEqual(
      filtersToKeep(conv, amount: .count(1)), [0], "filtersToKeep(conv, amount: .count(1))")
  }

  @Test("Ties prune the lower filter index first; amount 0 keeps all")
  func tiesAndExtremes() throws {
    let conv = try Conv2D(
      weight: Tensor(shape: [4, 1, 1, 1], scalars: [2, -1, 1, 3]), bias: Tensor(zeros: [4]))
    try expectEqual(
      filtersToKeep(conv, amount: .count(1)), [0, 2, 3],
      "filtersToKeep(conv, amount: .count(1))")
    try expectEqual(
      filtersToKeep(conv, amount: .count(2)), [0, 3], "filtersToKeep(conv, amount: .count(2))")
    try expectEqual(
      filtersToKeep(conv, amount: .fraction(0)), [0, 1, 2, 3],
      "filtersToKeep(conv, amount: .fraction(0))")
    try expectEqual(
      filtersToKeep(conv, amount: .count(4)), [], "filtersToKeep(conv, amount: .count(4))")
  }

  @Test(
    "Random convolutions keep the filters with the largest L1 norms", arguments: RandomData.seeds)
  func random(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let filters = 1 + generator.nextInt(below: 8)
    let conv = try Conv2D(
      inputChannels: 1 + generator.nextInt(below: 3), outputChannels: filters,
      kernelSize: 1 + generator.nextInt(below: 3), using: &generator)
    let fraction = RandomData.fraction(seed: seed &+ 8)
    let k = Oracle.roundHalfEven(Double(filters) * fraction)
    let removed = Oracle.pruned(Oracle.channelNorms(conv.weight, l1: true, dimension: 0), k: k)
    let expected = (0..<filters).filter { !removed.contains($0) }
    try expectEqual(
      filtersToKeep(conv, amount: .fraction(fraction)), expected,
      "filtersToKeep(conv, amount: .fraction(fraction))")
  }

  @Test("Bad amounts and non-finite weights throw the exact error")
  func errors() throws {
    var conv = try Conv2D(weight: Tensor(zeros: [3, 1, 2, 2]), bias: Tensor(zeros: [3]))
    #expect(throws: PruningError.amountExceedsCount(requested: 4, available: 3)) {
      try filtersToKeep(conv, amount: .count(4))
    }
    #expect(throws: PruningError.invalidAmount(.fraction(2))) {
      try filtersToKeep(conv, amount: .fraction(2))
    }
    conv.weight[1, 0, 1, 0] = -.infinity
    #expect(throws: PruningError.nonFiniteWeight(position: [1, 0, 1, 0], kind: .negativeInfinity)) {
      try filtersToKeep(conv, amount: .count(1))
    }
  }
}

@Suite("Filter pruning across Conv2D → BatchNorm → Conv2D")
struct FilterPruningConvTests {
  /// conv(1 → 4, 1×1) → BN(4) → ReLU → conv(4 → 2, 1×1), with easy-to-read numbers.
  func handModel() throws -> Sequential {
    Sequential([
      .conv2D(
        try Conv2D(
          weight: Tensor(shape: [4, 1, 1, 1], scalars: [1, 2, 3, 4]),
          bias: Tensor([0.1, 0.2, 0.3, 0.4]))),
      .batchNorm(
        try BatchNorm(
          gamma: Tensor([1, 2, 3, 4]), beta: Tensor([5, 6, 7, 8]),
          runningMean: Tensor([9, 10, 11, 12]),
          runningVariance: Tensor([13, 14, 15, 16]))),
      .relu,
      .conv2D(
        try Conv2D(
          weight: Tensor(shape: [2, 4, 1, 1], scalars: [1, 2, 3, 4, 5, 6, 7, 8]),
          bias: Tensor([0, 1]))),
    ])
  }

  @Test("Keeping filters 0 and 3 slices the filters, all four BN vectors and the next inputs")
  func workedExample() throws {
    let pruned = try pruneFilters(
      handModel(), convolutionAt: 0, keeping: [0, 3], inputShape: [1, 1, 2, 2])
    try #require(pruned.layers.count == 4)
    let first = try #require(Models.conv(pruned, at: 0))
    try expectEqual(first.weight, Tensor(shape: [2, 1, 1, 1], scalars: [1, 4]), "first.weight")
    #expect(first.bias == Tensor([0.1, 0.4]))
    let norm = try #require(Models.batchNorm(pruned, at: 1))
    #expect(norm.gamma == Tensor([1, 4]))
    #expect(norm.beta == Tensor([5, 8]))
    #expect(norm.runningMean == Tensor([9, 12]), "the running mean is per channel too")
    #expect(norm.runningVariance == Tensor([13, 16]), "the running variance is per channel too")
    #expect(norm.epsilon == 1e-5)
    #expect(pruned.layers[2] == .relu)
    let second = try #require(Models.conv(pruned, at: 3))
    try expectEqual(
      second.weight, Tensor(shape: [2, 2, 1, 1], scalars: [1, 4, 5, 8]),
      "second.weight")
    #expect(second.bias == Tensor([0, 1]))
  }

  @Test(
    "The pruned model computes what the original computes once the removed channels are cut off",
    arguments: RandomData.seeds)
  func function(seed: UInt64) throws {
    let (model, inputShape) = try Models.convNormConv(seed: seed)
    let channels = try #require(Models.conv(model, at: 0)).outputChannels
    let kept = Models.subset(of: channels, seed: seed &+ 3)
    let pruned = try pruneFilters(model, convolutionAt: 0, keeping: kept, inputShape: inputShape)
    let removed = Set(0..<channels).subtracting(kept)
    let reference = try Oracle.silencing(model, channels: removed, consumerAt: 3, plane: 1)
    let x = RandomData.tensor(shape: inputShape, seed: seed &+ 4, in: -2...2)
    expectClose(try pruned.forward(x), try reference.forward(x), tolerance: 1e-4)
  }

  @Test(
    "Parameters drop by the removed filters, BN entries and next-layer kernels exactly",
    arguments: RandomData.seeds)
  func parameterDrop(seed: UInt64) throws {
    let (model, inputShape) = try Models.convNormConv(seed: seed)
    let first = try #require(Models.conv(model, at: 0))
    let second = try #require(Models.conv(model, at: 3))
    let kept = Models.subset(of: first.outputChannels, seed: seed &+ 6)
    let pruned = try pruneFilters(model, convolutionAt: 0, keeping: kept, inputShape: inputShape)
    let m = first.outputChannels - kept.count
    let k2 = second.kernelSize.height * second.kernelSize.width
    let perFilter = first.inputChannels * 9 + 1 + 2 + second.outputChannels * k2
    #expect(Oracle.parameterCount(model) - Oracle.parameterCount(pruned) == m * perFilter)
    try expectEqual(
      pruned.activationShapes(forInput: inputShape).last,
      model.activationShapes(forInput: inputShape).last,
      "pruned.activationShapes(forInput: inputShape).last")
  }

  @Test(
    "MACs of both convolutions fall by the fraction of filters removed", arguments: RandomData.seeds
  )
  func macs(seed: UInt64) throws {
    let (model, inputShape) = try Models.convNormConv(seed: seed)
    let channels = try #require(Models.conv(model, at: 0)).outputChannels
    let kept = Models.subset(of: channels, seed: seed &+ 7)
    let pruned = try pruneFilters(model, convolutionAt: 0, keeping: kept, inputShape: inputShape)
    let before = Oracle.macs(model, inputShape: inputShape)
    let after = Oracle.macs(pruned, inputShape: inputShape)
    #expect(after[0] * channels == before[0] * kept.count)
    #expect(after[3] * channels == before[3] * kept.count)
  }

  @Test("Kept filters stay in the order given; every filter reordered keeps the function")
  func order() throws {
    let (model, inputShape) = try Models.convNormConv(seed: 99)
    let first = try #require(Models.conv(model, at: 0))
    let order = Array((0..<first.outputChannels).reversed())
    let reordered = try pruneFilters(
      model, convolutionAt: 0, keeping: order, inputShape: inputShape)
    let newFirst = try #require(Models.conv(reordered, at: 0))
    try expectEqual(
      newFirst.weight, Oracle.slices(first.weight, dimension: 0, keeping: order),
      "newFirst.weight")
    let norm = try #require(Models.batchNorm(reordered, at: 1))
    let oldNorm = try #require(Models.batchNorm(model, at: 1))
    try expectEqual(
      norm.runningMean, Oracle.slices(oldNorm.runningMean, dimension: 0, keeping: order),
      "norm.runningMean")
    let x = RandomData.tensor(shape: inputShape, seed: 100)
    expectClose(try reordered.forward(x), try model.forward(x), tolerance: 1e-4)
  }

  @Test("Pruning a middle convolution leaves the layers before it and after its consumer alone")
  func middle() throws {
    var generator = SplitMix64(seed: 12)
    let model = Sequential([
      .conv2D(try Conv2D(inputChannels: 1, outputChannels: 3, kernelSize: 3, using: &generator)),
      .relu,
      .conv2D(
        try Conv2D(
          inputChannels: 3, outputChannels: 4, kernelSize: 1, stride: 2, using: &generator)),
      .batchNorm(try Models.batchNorm(channels: 4, seed: 13)),
      .conv2D(try Conv2D(inputChannels: 4, outputChannels: 2, kernelSize: 1, using: &generator)),
      .relu,
      .flatten,
      .dense(try Dense(inputSize: 2 * 3 * 3, outputSize: 2, using: &generator)),
    ])
    let inputShape = [1, 1, 7, 7]
    let pruned = try pruneFilters(model, convolutionAt: 2, keeping: [1, 3], inputShape: inputShape)
    #expect(pruned.layers[0] == model.layers[0])
    #expect(pruned.layers[5...] == model.layers[5...])
    let consumer = try #require(Models.conv(pruned, at: 4))
    #expect(consumer.weight.shape == [2, 2, 1, 1])
    #expect(consumer.stride == 1)
    let changed = try #require(Models.conv(pruned, at: 2))
    #expect(changed.stride == 2)
    let reference = try Oracle.silencing(model, channels: [0, 2], consumerAt: 4, plane: 1)
    let x = RandomData.tensor(shape: inputShape, seed: 14)
    expectClose(try pruned.forward(x), try reference.forward(x), tolerance: 1e-4)
  }
}

@Suite("Filter pruning across Conv2D → Flatten → Dense")
struct FilterPruningFlattenTests {
  @Test("Channel c owns the dense columns c·H·W ..< (c+1)·H·W")
  func columnBlocks() throws {
    // conv(1 → 3, 1×1) on 2×2 images → flatten (12 features) → dense(12 → 1) with weights 0…11.
    let model = Sequential([
      .conv2D(
        try Conv2D(
          weight: Tensor(shape: [3, 1, 1, 1], scalars: [1, 2, 3]), bias: Tensor([0, 0, 0]))),
      .flatten,
      .dense(
        try Dense(
          weight: Tensor(shape: [1, 12], scalars: (0..<12).map { Float($0) }), bias: Tensor([0.5]))),
    ])
    let pruned = try pruneFilters(
      model, convolutionAt: 0, keeping: [0, 2], inputShape: [1, 1, 2, 2])
    let dense = try #require(Models.dense(pruned, at: 2))
    try expectEqual(
      dense.weight, Tensor(shape: [1, 8], scalars: [0, 1, 2, 3, 8, 9, 10, 11]),
      "dense.weight")
    #expect(dense.bias == Tensor([0.5]))
    let conv = try #require(Models.conv(pruned, at: 0))
    #expect(conv.weight.scalars == [1, 3])
  }

  @Test(
    "The pruned model computes what the original computes once the removed channels are cut off",
    arguments: RandomData.seeds)
  func function(seed: UInt64) throws {
    let (model, inputShape) = try Models.convFlattenDense(seed: seed)
    let conv = try #require(Models.conv(model, at: 0))
    let shapes = try model.activationShapes(forInput: inputShape)
    let plane = shapes[0][2] * shapes[0][3]
    let kept = Models.subset(of: conv.outputChannels, seed: seed &+ 11)
    let pruned = try pruneFilters(model, convolutionAt: 0, keeping: kept, inputShape: inputShape)
    let removed = Set(0..<conv.outputChannels).subtracting(kept)
    let reference = try Oracle.silencing(model, channels: removed, consumerAt: 4, plane: plane)
    let x = RandomData.tensor(shape: inputShape, seed: seed &+ 12, in: -2...2)
    expectClose(try pruned.forward(x), try reference.forward(x), tolerance: 1e-4)
    let dense = try #require(Models.dense(pruned, at: 4))
    #expect(dense.inputSize == kept.count * plane)
  }

  @Test("ReLUs between the flatten and the dense layer are passed through")
  func reluAfterFlatten() throws {
    var generator = SplitMix64(seed: 31)
    let model = Sequential([
      .conv2D(try Conv2D(inputChannels: 2, outputChannels: 4, kernelSize: 2, using: &generator)),
      .flatten,
      .relu,
      .dense(try Dense(inputSize: 4 * 2 * 2, outputSize: 3, using: &generator)),
    ])
    let pruned = try pruneFilters(
      model, convolutionAt: 0, keeping: [3, 1], inputShape: [1, 2, 3, 3])
    let reference = try Oracle.silencing(model, channels: [0, 2], consumerAt: 3, plane: 4)
    let x = RandomData.tensor(shape: [2, 2, 3, 3], seed: 32)
    expectClose(try pruned.forward(x), try reference.forward(x), tolerance: 1e-4)
  }
}

@Suite("Filter pruning rejects what it cannot prune")
struct FilterPruningErrorTests {
  func model() throws -> Sequential {
    var generator = SplitMix64(seed: 5)
    return Sequential([
      .conv2D(try Conv2D(inputChannels: 1, outputChannels: 3, kernelSize: 1, using: &generator)),
      .batchNorm(try BatchNorm(channels: 3)),
      .relu,
      .conv2D(try Conv2D(inputChannels: 3, outputChannels: 2, kernelSize: 1, using: &generator)),
    ])
  }

  @Test("A position that is not a convolution, or not a layer, throws the exact error")
  func position() throws {
    let model = try model()
    #expect(throws: PruningError.indexOutOfRange(index: 4, count: 4)) {
      try pruneFilters(model, convolutionAt: 4, keeping: [0], inputShape: [1, 1, 2, 2])
    }
    #expect(throws: PruningError.unexpectedLayer(index: 1, expected: "conv2D")) {
      try pruneFilters(model, convolutionAt: 1, keeping: [0], inputShape: [1, 1, 2, 2])
    }
  }

  @Test("A convolution nothing reads, or a flatten with no dense after it, throws the exact error")
  func noConsumer() throws {
    let model = try model()
    #expect(throws: PruningError.unexpectedLayer(index: 4, expected: "conv2D or flatten")) {
      try pruneFilters(model, convolutionAt: 3, keeping: [0], inputShape: [1, 1, 2, 2])
    }
    var flat = model
    flat.layers.append(.flatten)
    #expect(throws: PruningError.unexpectedLayer(index: 5, expected: "dense")) {
      try pruneFilters(flat, convolutionAt: 3, keeping: [0], inputShape: [1, 1, 2, 2])
    }
    var normAfterFlatten = flat
    normAfterFlatten.layers.append(.batchNorm(try BatchNorm(channels: 8)))
    #expect(throws: PruningError.unexpectedLayer(index: 5, expected: "dense")) {
      try pruneFilters(normAfterFlatten, convolutionAt: 3, keeping: [0], inputShape: [1, 1, 2, 2])
    }
  }

  @Test("Bad lists of kept filters throw the exact error")
  func keeping() throws {
    let model = try model()
    #expect(throws: PruningError.emptyInput("keeping")) {
      try pruneFilters(model, convolutionAt: 0, keeping: [], inputShape: [1, 1, 2, 2])
    }
    #expect(throws: PruningError.indexOutOfRange(index: 3, count: 3)) {
      try pruneFilters(model, convolutionAt: 0, keeping: [0, 3], inputShape: [1, 1, 2, 2])
    }
    #expect(throws: PruningError.duplicateIndex(2)) {
      try pruneFilters(model, convolutionAt: 0, keeping: [2, 2], inputShape: [1, 1, 2, 2])
    }
  }

  @Test("A model that cannot run on the input shape throws the model's own shape error")
  func inputShape() throws {
    let model = try model()
    #expect(throws: PruningError.shapeMismatch(expected: [1, 1, 2, 2], actual: [1, 2, 2, 2])) {
      try pruneFilters(model, convolutionAt: 0, keeping: [0], inputShape: [1, 2, 2, 2])
    }
  }
}
