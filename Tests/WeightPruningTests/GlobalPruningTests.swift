import PruningCore
import PruningTestSupport
import Testing
import WeightPruning

@Suite("Global versus layer-wise pruning")
struct GlobalPruningTests {
  let a = Tensor([0.1, 0.2, 0.3, 0.4])
  let b = Tensor([1, 2, 3, 4])

  @Test("Global pruning at 0.5 removes all of the small layer and none of the large one")
  func globalExample() throws {
    let masks = try globalMagnitudeMasks([a, b], amount: .fraction(0.5))
    try #require(masks.count == 2)
    expectMask(masks[0], equals: mask("····"))
    expectMask(masks[1], equals: mask("████"))
  }

  @Test("Layer-wise pruning at 0.5 removes half of each layer")
  func layerwiseExample() throws {
    let masks = try layerwiseMagnitudeMasks([a, b], amount: .fraction(0.5))
    try #require(masks.count == 2)
    expectMask(masks[0], equals: mask("··██"))
    expectMask(masks[1], equals: mask("··██"))
  }

  @Test("Global ties go to the earlier layer first")
  func globalTies() throws {
    let masks = try globalMagnitudeMasks(
      [Tensor([0.5, 1]), Tensor([0.5, 0.5])], amount: .count(2))
    try #require(masks.count == 2)
    expectMask(masks[0], equals: mask("·█"))
    expectMask(masks[1], equals: mask("·█"))
  }

  @Test("Masks keep each layer's shape")
  func shapes() throws {
    let w1 = RandomData.tensor(shape: [2, 3], seed: 1)
    let w2 = RandomData.tensor(shape: [4], seed: 2)
    let masks = try globalMagnitudeMasks([w1, w2], amount: .fraction(0.3))
    #expect(masks.map(\.shape) == [[2, 3], [4]])
  }

  @Test(
    "Random layers: global masks equal one ranking of the concatenated weights",
    arguments: RandomData.seeds)
  func randomGlobal(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    var layers: [Tensor] = []
    for index in 0..<3 {
      let offset = UInt64(index)
      let shape = RandomData.shape(rank: 2, dimensions: 1...6, seed: seed &+ offset)
      let scale = Float(index + 1)
      layers.append(RandomData.tensor(shape: shape, seed: seed &* 31 &+ offset, in: -scale...scale))
    }
    let all: [Float] = layers.flatMap { $0.scalars }
    let k = generator.nextInt(below: all.count + 1)
    let masks = try globalMagnitudeMasks(layers, amount: .count(k))
    #expect(masks.flatMap { $0.isKept } == Oracle.magnitudeKeep(all, prune: k))
  }

  @Test(
    "Random layers: layer-wise masks equal each layer's own magnitude mask",
    arguments: RandomData.seeds)
  func randomLayerwise(seed: UInt64) throws {
    let layers = (0..<3).map { index in
      RandomData.tensor(shape: [3, 4 + index], seed: seed &+ UInt64(index) &* 17)
    }
    let masks = try layerwiseMagnitudeMasks(layers, amount: .fraction(0.4))
    try #require(masks.count == layers.count)
    for (layer, mask) in zip(layers, masks) {
      let k = Oracle.pruneCount(fraction: 0.4, of: layer.count)
      expectEqual(mask.isKept, Oracle.magnitudeKeep(layer.scalars, prune: k), "mask.isKept")
    }
  }

  @Test("No layers give no masks; bad input throws the exact error")
  func edgesAndErrors() throws {
    try expectEqual(
      globalMagnitudeMasks([], amount: .fraction(0.5)).isEmpty, true,
      "globalMagnitudeMasks([], amount: .fraction(0.5)).isEmpty")
    try expectEqual(
      layerwiseMagnitudeMasks([], amount: .fraction(0.5)).isEmpty, true,
      "layerwiseMagnitudeMasks([], amount: .fraction(0.5)).isEmpty")
    #expect(throws: PruningError.amountExceedsCount(requested: 9, available: 8)) {
      try globalMagnitudeMasks([a, b], amount: .count(9))
    }
    #expect(throws: PruningError.amountExceedsCount(requested: 5, available: 4)) {
      try layerwiseMagnitudeMasks([a, b], amount: .count(5))
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [0], kind: .nan)) {
      try globalMagnitudeMasks([a, Tensor([.nan])], amount: .fraction(0.5))
    }
  }
}
