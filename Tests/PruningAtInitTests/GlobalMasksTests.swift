import PruningAtInit
import PruningCore
import PruningTestSupport
import Testing

@Suite("One ranking across every layer (globalMasks)")
struct GlobalMasksTests {
  @Test("The worked example: at 0.5 the small layer loses everything, the large one nothing")
  func workedExample() throws {
    let masks = try globalMasks(
      [Tensor([0.1, 0.2, 0.3, 0.4]), Tensor([1, 2, 3, 4])], sparsity: 0.5)
    try #require(masks.count == 2)
    expectMask(masks[0], equals: mask("····"))
    expectMask(masks[1], equals: mask("████"))
  }

  @Test("Ties across layers prune the lower flat index first: layer 0 before layer 1")
  func ties() throws {
    let masks = try globalMasks([Tensor([0.5, 1]), Tensor([0.5, 0.5])], sparsity: 0.5)
    try #require(masks.count == 2)
    expectMask(masks[0], equals: mask("·█"))
    expectMask(masks[1], equals: mask("·█"))
  }

  @Test("The count rounds half to even: 5 weights at 0.5 prune 2, 7 prune 4")
  func rounding() throws {
    let five = try globalMasks([Tensor([5, 4]), Tensor([3, 2, 1])], sparsity: 0.5)
    #expect(five.map(\.prunedCount) == [0, 2])
    let seven = try globalMasks([Tensor([7, 6, 5]), Tensor([4, 3, 2, 1])], sparsity: 0.5)
    #expect(seven.map(\.prunedCount) == [0, 4])
  }

  @Test("Matrices keep their shapes; the flat order is layer by layer, row-major")
  func shapesAndOrder() throws {
    let a = try Tensor(rows: [[0.9, 0.1], [0.2, 0.8]])
    let b = try Tensor(rows: [[0.3], [0.05]])
    let masks = try globalMasks([a, b], sparsity: 0.5)
    #expect(masks.map(\.shape) == [[2, 2], [2, 1]])
    try #require(masks.count == 2)
    expectMask(masks[0], equals: mask("█·/·█"))
    expectMask(masks[1], equals: mask("█/·"))
  }

  @Test(
    "Random layers and signed scores: one (score, index) ranking of the concatenation",
    arguments: RandomData.seeds)
  func random(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    var layers: [Tensor] = []
    for index in 0..<(1 + generator.nextInt(below: 4)) {
      let shape = RandomData.shape(rank: 2, dimensions: 1...7, seed: seed &* 13 &+ UInt64(index))
      let scale = Float(index + 1)
      var layer = RandomData.tensor(
        shape: shape, seed: seed &* 31 &+ UInt64(index), in: -scale...scale)
      // Some exact ties within and across layers.
      for position in 0..<layer.count where generator.nextInt(below: 4) == 0 {
        layer[flat: position] = 0.5
      }
      layers.append(layer)
    }
    let sparsity = generator.nextUnitDouble()
    let all = layers.flatMap(\.scalars)
    let k = Oracle.roundHalfEven(Double(all.count) * sparsity)
    let masks = try globalMasks(layers, sparsity: sparsity)
    #expect(masks.map(\.shape) == layers.map(\.shape))
    let actual = masks.flatMap(\.isKept)
    let expected = Oracle.keep(all, prune: k)
    #expect(actual == expected, "sparsity \(sparsity): k = \(k) of \(all.count)")
  }

  @Test("Sparsity 0 keeps everything, 1 prunes everything; no layers give no masks")
  func edges() throws {
    let layers = [
      RandomData.tensor(shape: [3, 4], seed: 1), RandomData.tensor(shape: [2, 3], seed: 2),
    ]
    try expectEqual(
      globalMasks(layers, sparsity: 0).map(\.keptCount), [12, 6],
      "globalMasks(layers, sparsity: 0).map(\\.keptCount)")
    try expectEqual(
      globalMasks(layers, sparsity: 1).map(\.keptCount), [0, 0],
      "globalMasks(layers, sparsity: 1).map(\\.keptCount)")
    #expect(try globalMasks([], sparsity: 0.5).isEmpty)
    let one = try globalMasks([Tensor([0.3, 0.1, 0.2])], sparsity: 0.34)
    expectMask(one[0], equals: mask("█·█"))
  }

  @Test("Bad input throws the exact error: the sparsity first, then the first bad score")
  func validation() throws {
    let nan = try Tensor(rows: [[1, .nan]])
    #expect(throws: PruningError.invalidAmount(.fraction(1.5))) {
      try globalMasks([nan], sparsity: 1.5)
    }
    #expect(throws: PruningError.invalidAmount(.fraction(-0.1))) {
      try globalMasks([Tensor([1])], sparsity: -0.1)
    }
    do {
      let masks = try globalMasks([Tensor([1])], sparsity: .nan)
      Issue.record("a NaN sparsity gave \(masks.map(\.isKept)) instead of an error")
    } catch {
      guard case .invalidAmount(.fraction(let value)) = error, value.isNaN else {
        Issue.record("a NaN sparsity threw \(error), not invalidAmount(.fraction(nan))")
        return
      }
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [0, 1], kind: .nan)) {
      try globalMasks([Tensor([1, 2]), nan], sparsity: 0.5)
    }
    #expect(throws: PruningError.nonFiniteWeight(position: [0], kind: .negativeInfinity)) {
      try globalMasks([Tensor([-.infinity])], sparsity: 0.5)
    }
  }
}
