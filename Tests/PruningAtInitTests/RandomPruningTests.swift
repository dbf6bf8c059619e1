import PruningAtInit
import PruningCore
import PruningTestSupport
import Testing

@Suite("Random pruning with given per-layer ratios (layerSparsities, randomMasks)")
struct RandomPruningTests {
  @Test("A mask's per-layer ratios: pruned ÷ elements per layer")
  func ratios() throws {
    try expectEqual(
      layerSparsities([mask("··██"), mask("·███/████")]), [0.5, 0.125],
      "layerSparsities([mask(\"··██\"), mask(\"·███/████\")])")
    try expectEqual(
      layerSparsities([Mask([]), mask("··")]), [0, 1],
      "layerSparsities([Mask([]), mask(\"··\")])")
    try expectEqual(layerSparsities([]), [], "layerSparsities([])")
  }

  @Test("Exactly round(n · s) pruned per layer, half to even: 3 at 0.5 prune 2")
  func exactCounts() throws {
    var generator = SplitMix64(seed: 7)
    let masks = try randomMasks(
      shapes: [[2, 4], [3], [5, 1]], sparsities: [0.5, 0.5, 0.5], using: &generator)
    #expect(masks.map(\.shape) == [[2, 4], [3], [5, 1]])
    #expect(masks.map(\.prunedCount) == [4, 2, 2])
  }

  @Test("Random shapes and ratios: the exact count in every layer", arguments: RandomData.seeds)
  func randomCounts(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let shapes = (0..<(1 + generator.nextInt(below: 4))).map { index in
      RandomData.shape(rank: 2, dimensions: 1...9, seed: seed &* 5 &+ UInt64(index))
    }
    let sparsities = shapes.map { _ in generator.nextUnitDouble() }
    var draw = SplitMix64(seed: seed &+ 1)
    let masks = try randomMasks(shapes: shapes, sparsities: sparsities, using: &draw)
    #expect(masks.map(\.shape) == shapes)
    let expected = zip(shapes, sparsities).map { shape, s in
      Oracle.roundHalfEven(Double(Tensor.elementCount(of: shape)) * s)
    }
    #expect(masks.map(\.prunedCount) == expected, "sparsities \(sparsities)")
  }

  @Test("Another mask's ratios give exactly its per-layer counts", arguments: RandomData.seeds)
  func sameRatios(seed: UInt64) throws {
    let model = try Fixture.randomModel(sizes: [9, 13, 7, 3], seed: seed)
    let reference = try Fixture.randomMasks(
      model, density: 0.1 + 0.3 * RandomData.fraction(seed: seed), seed: seed)
    var generator = SplitMix64(seed: seed)
    let masks = try randomMasks(
      shapes: reference.map(\.shape), sparsities: layerSparsities(reference), using: &generator)
    #expect(masks.map(\.keptCount) == reference.map(\.keptCount))
  }

  @Test("Seeded: the same generator state gives the same masks, another seed other masks")
  func seeded() throws {
    var a = SplitMix64(seed: 3)
    var b = SplitMix64(seed: 3)
    var c = SplitMix64(seed: 4)
    let shapes = [[16, 16], [4, 16]]
    let first = try randomMasks(shapes: shapes, sparsities: [0.9, 0.5], using: &a)
    try expectEqual(
      randomMasks(shapes: shapes, sparsities: [0.9, 0.5], using: &b), first,
      "randomMasks(shapes: shapes, sparsities: [0.9, 0.5], using: &b)")
    #expect(try randomMasks(shapes: shapes, sparsities: [0.9, 0.5], using: &c) != first)
  }

  @Test("Uniform: over 400 draws every position is pruned about as often as any other")
  func uniform() throws {
    var generator = SplitMix64(seed: 11)
    var pruned = [Int](repeating: 0, count: 64)
    for _ in 0..<400 {
      let masks = try randomMasks(shapes: [[8, 8]], sparsities: [0.25], using: &generator)
      for index in 0..<64 where !masks[0].isKept[index] { pruned[index] += 1 }
    }
    // Expected 100 each, standard deviation ≈ 8.7: 60...140 is over 4.5 of them.
    let outside = pruned.indices.filter { !(60...140).contains(pruned[$0]) }
    #expect(
      outside.isEmpty,
      "positions pruned too rarely or too often: \(outside.map { ($0, pruned[$0]) })")
  }

  @Test("Sparsity 0 keeps all, 1 prunes all; no shapes give no masks")
  func edges() throws {
    var generator = SplitMix64(seed: 1)
    let masks = try randomMasks(shapes: [[3, 3], [2]], sparsities: [0, 1], using: &generator)
    #expect(masks.map(\.keptCount) == [9, 0])
    #expect(try randomMasks(shapes: [], sparsities: [], using: &generator).isEmpty)
  }

  @Test("A shape with a zero dimension is valid: an empty mask of that shape, not an error")
  func zeroDimension() throws {
    var generator = SplitMix64(seed: 3)
    let masks = try randomMasks(
      shapes: [[0, 3], [2, 2]], sparsities: [0.5, 0.5], using: &generator)
    let shapes = masks.map(\.shape)
    #expect(shapes == [[0, 3], [2, 2]])
    #expect(masks.map(\.keptCount) == [0, 2])
  }

  @Test("Bad input throws the exact error and draws nothing")
  func validation() throws {
    var generator = SplitMix64(seed: 5)
    #expect(throws: PruningError.shapeMismatch(expected: [2], actual: [1])) {
      try randomMasks(shapes: [[2], [3]], sparsities: [0.5], using: &generator)
    }
    #expect(throws: PruningError.invalidAmount(.fraction(1.5))) {
      try randomMasks(shapes: [[2], [3]], sparsities: [0.5, 1.5], using: &generator)
    }
    #expect(throws: PruningError.invalidShape(shape: [2, -1], scalarCount: 0)) {
      try randomMasks(shapes: [[2], [2, -1]], sparsities: [0.5, 0.5], using: &generator)
    }
    var fresh = SplitMix64(seed: 5)
    #expect(generator.next() == fresh.next(), "a call that throws must not draw")
  }
}
